ALTER TABLE users DROP COLUMN sessions_valid_after;
ALTER TABLE users DROP COLUMN demo;
