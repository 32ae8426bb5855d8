-- The vector of each passage, as made by the embedding model named in model (a change of model re-embeds); it goes
-- with its passage. vector holds the components as little-endian 32-bit floats.
--
-- sequence is the vector log that every node's passage index replays. Like change_sequence, vector_sequence is
-- incremented in the transaction that stores the vectors and stays locked until its commit, so vector sequences are
-- handed out in commit order and a reader never sees one that a smaller one later overtakes. Every write, a
-- replacement included, takes a new one; a replaced or deleted vector leaves the log with its row.
CREATE TABLE vector_sequence (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT  NOT NULL
);
INSERT INTO vector_sequence (id, value) VALUES (1, 0);

CREATE TABLE passage_vector (
    passage_id BIGINT PRIMARY KEY REFERENCES passage (id) ON DELETE CASCADE,
    sequence   BIGINT NOT NULL UNIQUE,
    model      TEXT   NOT NULL,
    space      TEXT   NOT NULL,
    vector     BYTEA  NOT NULL
);
