-- What a citation needs travels with the passage: the size and rotation of the pages it covers (this column) and
-- each line's page text (inside `lines`, format 2). NULL marks a passage stored before; opening the database fills
-- those in from the document's pages once.
ALTER TABLE passage ADD COLUMN pages BLOB;
