-- API keys (ADR-0027): never the secret, only its SHA-256 in lower-case hex. Scopes are a comma-separated list of
-- ingest, serve and admin; a key's own rate limit is both columns or neither (then the configured default).
-- This file must run unchanged on PostgreSQL and on H2 in PostgreSQL mode.
CREATE TABLE api_keys (
    id              VARCHAR(12)              NOT NULL PRIMARY KEY,
    name            VARCHAR(128)             NOT NULL,
    scopes          VARCHAR(64)              NOT NULL,
    secret_sha256   CHAR(64)                 NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    rate_per_second INTEGER,
    rate_burst      INTEGER,
    CONSTRAINT api_keys_rate_limit CHECK ((rate_per_second IS NULL) = (rate_burst IS NULL))
);
