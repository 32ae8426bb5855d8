-- Signature nonces, kept until the window in which their request is accepted ends: shared by every node, so a signed
-- request replayed to another node (or after a restart) is refused.
CREATE TABLE signature_nonce (
    nonce      TEXT   PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX signature_nonce_by_expiry ON signature_nonce (expires_at);
