-- Signature nonces, kept until the window in which their request is accepted ends, so that a replay is refused
-- even after a restart.
CREATE TABLE signature_nonce (
    nonce      TEXT    NOT NULL PRIMARY KEY,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX signature_nonce_by_expiry ON signature_nonce (expires_at);
