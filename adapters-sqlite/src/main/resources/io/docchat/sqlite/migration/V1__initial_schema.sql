-- Times are nanoseconds since the epoch (exact round trip of java.time.Instant).
-- Lists and page content are stored in the compact binary form of ContentCodec.

-- One sequence shared by passage ids and document removals, so the passage index can replay changes in commit order.
CREATE TABLE change_sequence (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO change_sequence (id, value) VALUES (1, 0);

CREATE TABLE account (
    id         TEXT    PRIMARY KEY,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE access_key (
    access_key_id TEXT    PRIMARY KEY,
    account_id    TEXT    NOT NULL,
    secret        TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX access_key_by_account ON access_key (account_id, created_at);

CREATE TABLE bearer_token (
    token_hash TEXT    PRIMARY KEY,
    account_id TEXT    NOT NULL,
    label      TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX bearer_token_by_account ON bearer_token (account_id, created_at);

CREATE TABLE folder (
    account_id TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    parent_id  TEXT,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, parent_id) REFERENCES folder (account_id, id)
);
CREATE INDEX folder_by_parent ON folder (account_id, parent_id);

-- AUTOINCREMENT: the id of a deleted document is never given out again.
CREATE TABLE document (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id    TEXT    NOT NULL,
    folder_id     TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    content_hash  TEXT    NOT NULL,
    size_bytes    INTEGER NOT NULL,
    file_key      TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    page_count    INTEGER NOT NULL DEFAULT 0,
    error_message TEXT,
    warnings      BLOB,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX document_by_account ON document (account_id, id);
CREATE INDEX document_by_folder ON document (account_id, folder_id, id);
CREATE INDEX document_by_hash ON document (account_id, folder_id, content_hash);
CREATE INDEX document_by_status ON document (status, id);

CREATE TABLE page (
    document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    width       REAL    NOT NULL,
    height      REAL    NOT NULL,
    rotation    INTEGER NOT NULL,
    blocks      BLOB    NOT NULL,
    PRIMARY KEY (document_id, number)
) WITHOUT ROWID;

-- id is a value of change_sequence, not an auto-assigned rowid.
CREATE TABLE passage (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    heading_path BLOB    NOT NULL,
    lines        BLOB    NOT NULL
);
CREATE INDEX passage_by_document ON passage (document_id, ordinal);

CREATE TABLE document_removal (
    sequence    INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL
);

CREATE TABLE chat_session (
    id          TEXT    PRIMARY KEY,
    account_id  TEXT    NOT NULL,
    user_id     TEXT,
    folder_id   TEXT,
    name        TEXT,
    -- name folded to lower case in Java, for Unicode-aware case-insensitive search
    name_folded TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    item_count  INTEGER NOT NULL DEFAULT 0
);
-- The listing indexes carry name_folded so that counting, skipping and name filtering read the index only.
CREATE INDEX chat_session_by_account ON chat_session (account_id, created_at DESC, id DESC, name_folded);
CREATE INDEX chat_session_by_user ON chat_session (account_id, user_id, created_at DESC, id DESC, name_folded);

-- The number of sessions of each account, kept with every insert and delete: the unfiltered session list needs its
-- total on every page, and counting an index of thousands of entries would dominate the cost of the page.
CREATE TABLE chat_session_count (
    account_id TEXT    PRIMARY KEY,
    sessions   INTEGER NOT NULL
);

-- ordinal numbers the items of a session from 1 without gaps, so page N of a history is a range lookup.
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
    citations     BLOB    NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (session_id, ordinal)
);
