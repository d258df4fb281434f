-- Where the service may write to a user (notifications): optional, in lower case, unique.
ALTER TABLE users ADD COLUMN email TEXT;
CREATE UNIQUE INDEX users_email_key ON users (email);
