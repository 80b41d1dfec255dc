-- Opaque API tokens ("Authorization: Token <key>"). The key itself is never stored: only a short
-- selector to find the row and a keyed digest (HMAC-SHA256 with a server-side pepper) to check
-- it, so a copy of this table cannot be used to authenticate.
CREATE TABLE api_tokens (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- No foreign key on purpose: a deleted user's tokens stay, answering DRF's "User inactive or
    -- deleted." rather than "Invalid token.", until the user's row is gone for good.
    user_id      BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    selector     VARCHAR(16)  NOT NULL,
    digest       VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_tokens_selector_idx ON api_tokens (selector);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Server-wide secrets generated once when not configured (the API-token pepper), shared by nodes.
CREATE TABLE server_secrets (
    name  VARCHAR(64) PRIMARY KEY,
    value TEXT        NOT NULL
);
