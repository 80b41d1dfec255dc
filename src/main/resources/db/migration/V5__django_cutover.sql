-- The cutover from a Django SimpleJWT service (docs/django.md): the jtis of its refresh tokens
-- that were exchanged here (each may be, once) or blacklisted there (imported from its
-- token_blacklist dump). The jti is the primary key, so an exchange is an INSERT that only one
-- request, on any node, can win. Only jtis are kept, never tokens; a row goes when its token
-- would have expired anyway.
CREATE TABLE django_spent_tokens (
    jti         VARCHAR(255) PRIMARY KEY,
    reason      VARCHAR(16)  NOT NULL CHECK (reason IN ('exchanged', 'blacklisted')),
    recorded_at TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX django_spent_tokens_expires_at ON django_spent_tokens (expires_at);
