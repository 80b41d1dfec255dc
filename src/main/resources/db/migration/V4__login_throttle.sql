-- Login throttling buckets, shared by every node (Bucket4j's PostgreSQL layout). A row is one
-- token bucket of failed password checks for one username or one client address; the id is a
-- SHA-256 of that username or address, so the table holds neither. expires_at (epoch millis) is
-- when a full bucket would be back: rows past it are purged.
CREATE TABLE login_throttle (
    id         VARCHAR(80) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX login_throttle_expires_idx ON login_throttle (expires_at);
