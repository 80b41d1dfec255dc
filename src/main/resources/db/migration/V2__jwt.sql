-- Signing keys for our JWTs. Generated on first start when none is configured, and shared by
-- every node through this table. A retired key no longer signs but keeps verifying (and stays in
-- the JWKS) until the tokens it signed have expired.
CREATE TABLE signing_keys (
    kid         VARCHAR(64)  PRIMARY KEY,
    algorithm   VARCHAR(16)  NOT NULL,
    public_key  TEXT         NOT NULL, -- X.509 SubjectPublicKeyInfo, base64
    private_key TEXT         NOT NULL, -- PKCS#8, base64; never leaves the server
    created_at  TIMESTAMPTZ  NOT NULL,
    retired_at  TIMESTAMPTZ
);

-- One family per login; every refresh token rotated from it belongs to it.
CREATE TABLE refresh_families (
    id         UUID        PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_families_user_idx ON refresh_families (user_id);

-- What the server knows of each refresh token: never the token itself.
CREATE TABLE refresh_tokens (
    jti            VARCHAR(64) PRIMARY KEY,
    family_id      UUID        NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
    user_id        BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_at      TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    rotated_at     TIMESTAMPTZ,
    blacklisted_at TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
