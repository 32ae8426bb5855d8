-- The vector of each passage, as made by the embedding model named in model (a change of model re-embeds).
-- sequence is the vector log that the passage index replays: every write, a replacement included, takes a larger
-- one (AUTOINCREMENT never reuses a number), and a replaced or deleted vector leaves the log with its row.
-- vector holds the components as little-endian 32-bit floats.
CREATE TABLE passage_vector (
    sequence   INTEGER PRIMARY KEY AUTOINCREMENT,
    passage_id INTEGER NOT NULL UNIQUE REFERENCES passage (id) ON DELETE CASCADE,
    model      TEXT    NOT NULL,
    space      TEXT    NOT NULL,
    vector     BLOB    NOT NULL
);
