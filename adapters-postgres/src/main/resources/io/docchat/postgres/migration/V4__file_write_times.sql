-- When each original file was last written, so that files no document refers to can be found and removed once they
-- are older than the grace period. Files stored before this version count as written long ago.
ALTER TABLE stored_file ADD COLUMN written_at BIGINT NOT NULL DEFAULT 0;
