-- Times are nanoseconds since the epoch (exact round trip of java.time.Instant), as in the embedded store.
-- Lists and page content are JSON (jsonb), written and read by JsonContent.

-- One counter shared by passage ids and document removals. A writer increments it in the transaction that commits
-- the change; the row lock it takes is held until that commit, so values are handed out in commit order and a reader
-- of the change log never sees a sequence that a smaller one later overtakes.
CREATE TABLE change_sequence (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT  NOT NULL
);
INSERT INTO change_sequence (id, value) VALUES (1, 0);

CREATE TABLE account (
    id         TEXT   PRIMARY KEY,
    name       TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE access_key (
    access_key_id TEXT   PRIMARY KEY,
    account_id    TEXT   NOT NULL,
    secret        TEXT   NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX access_key_by_account ON access_key (account_id, created_at);

CREATE TABLE bearer_token (
    token_hash TEXT   PRIMARY KEY,
    account_id TEXT   NOT NULL,
    label      TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX bearer_token_by_account ON bearer_token (account_id, created_at);

CREATE TABLE folder (
    account_id TEXT   NOT NULL,
    id         TEXT   NOT NULL,
    parent_id  TEXT,
    name       TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, parent_id) REFERENCES folder (account_id, id)
);
CREATE INDEX folder_by_parent ON folder (account_id, parent_id);

-- An identity never hands out the id of a deleted document again.
-- lease_owner and lease_until record which node is parsing the document and until when its claim holds; a claim
-- past its time is taken over by another node.
CREATE TABLE document (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    TEXT   NOT NULL,
    folder_id     TEXT   NOT NULL,
    file_name     TEXT   NOT NULL,
    content_hash  TEXT   NOT NULL,
    size_bytes    BIGINT NOT NULL,
    file_key      TEXT   NOT NULL,
    status        TEXT   NOT NULL,
    page_count    INTEGER NOT NULL DEFAULT 0,
    error_message TEXT,
    warnings      JSONB  NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    lease_owner   TEXT,
    lease_until   BIGINT
);
CREATE INDEX document_by_account ON document (account_id, id);
CREATE INDEX document_by_folder ON document (account_id, folder_id, id);
CREATE INDEX document_by_hash ON document (account_id, folder_id, content_hash);
-- Only unfinished documents are looked up by status: a small partial index however large the knowledge base grows.
CREATE INDEX document_unfinished ON document (id) WHERE status IN ('PENDING', 'PARSING');
CREATE INDEX document_by_status ON document (status, id);

CREATE TABLE page (
    document_id BIGINT  NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    width       REAL    NOT NULL,
    height      REAL    NOT NULL,
    rotation    INTEGER NOT NULL,
    blocks      JSONB   NOT NULL,
    PRIMARY KEY (document_id, number)
);

-- id is a value of change_sequence.
CREATE TABLE passage (
    id           BIGINT  PRIMARY KEY,
    document_id  BIGINT  NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    heading_path JSONB   NOT NULL,
    lines        JSONB   NOT NULL
);
CREATE INDEX passage_by_document ON passage (document_id, ordinal);

CREATE TABLE document_removal (
    sequence    BIGINT PRIMARY KEY,
    document_id BIGINT NOT NULL
);

CREATE TABLE chat_session (
    id          TEXT    PRIMARY KEY,
    account_id  TEXT    NOT NULL,
    user_id     TEXT,
    folder_id   TEXT,
    name        TEXT,
    -- name folded to lower case in Java, for Unicode-aware case-insensitive search
    name_folded TEXT,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    item_count  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX chat_session_by_account ON chat_session (account_id, created_at DESC, id DESC);
CREATE INDEX chat_session_by_user ON chat_session (account_id, user_id, created_at DESC, id DESC);

-- ordinal numbers the items of a session from 1 without gaps, so page N of a history is a range lookup on the key.
CREATE TABLE chat_item (
    session_id    TEXT    NOT NULL REFERENCES chat_session (id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    id            TEXT    NOT NULL UNIQUE,
    account_id    TEXT    NOT NULL,
    question      TEXT    NOT NULL,
    answer        TEXT,
    status        TEXT    NOT NULL,
    error_message TEXT,
    folder_id     TEXT,
    folder_name   TEXT,
    citations     JSONB   NOT NULL,
    created_at    BIGINT  NOT NULL,
    PRIMARY KEY (session_id, ordinal)
);

-- Original files, in chunks of at most 1 MiB so that no single value approaches PostgreSQL's limits and a large file
-- is neither written nor read as one huge value.
CREATE TABLE stored_file (
    key        TEXT    PRIMARY KEY,
    size_bytes BIGINT  NOT NULL,
    chunks     INTEGER NOT NULL
);

CREATE TABLE stored_file_chunk (
    key     TEXT    NOT NULL REFERENCES stored_file (key) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    data    BYTEA   NOT NULL,
    PRIMARY KEY (key, ordinal)
);
-- The chunks are compressed already in most formats (PDF streams, OOXML zips); storing them without TOAST
-- compression saves the CPU of trying.
ALTER TABLE stored_file_chunk ALTER COLUMN data SET STORAGE EXTERNAL;

-- Values every node must agree on, created by whichever node needs them first: the key that signs file and page-image
-- URLs (so a URL handed out by one node verifies on every node) and the identity of this database (which names each
-- node's index replica, so a replica is never applied to another database).
CREATE TABLE shared_setting (
    name  TEXT  PRIMARY KEY,
    value BYTEA NOT NULL
);
