-- What a citation needs travels with the passage: the size and rotation of the pages it covers. (Each line's page
-- text is part of the JSON of `lines` already.) Passages stored before have none recorded.
ALTER TABLE passage ADD COLUMN pages JSONB NOT NULL DEFAULT '[]';
