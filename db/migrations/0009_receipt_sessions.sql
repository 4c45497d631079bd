-- Receipt sessions shared by several bot instances (only when RECEIPT_SESSIONS_SECRET is set).
-- A row says that some account opened some anonymous tip with its receipt code, without saying
-- which: the account is an HMAC of its id under a secret that is not in the database, and the
-- tip's number is sealed under the same secret. Rows live 30 minutes and are then deleted.
CREATE TABLE receipt_sessions (
    account_key bytea PRIMARY KEY CHECK (length(account_key) = 32),
    nonce       bytea NOT NULL CHECK (length(nonce) = 16),
    sealed_tip  bytea NOT NULL CHECK (length(sealed_tip) = 16),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX receipt_sessions_expiry ON receipt_sessions (expires_at);
