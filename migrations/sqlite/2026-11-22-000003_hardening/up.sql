-- Logins are stored normalized (NFKC, trimmed, lower case): one user per login whatever its
-- spelling. Logins were ASCII until now, so lower() is their normalization. Two logins that
-- differ only in letter case cannot both stay: creating this index fails and the migration stops
-- (rename all but one of each, then migrate again).
CREATE UNIQUE INDEX logins_that_differ_only_in_letter_case ON users (lower(login));
DROP INDEX logins_that_differ_only_in_letter_case;
UPDATE users SET login = lower(login) WHERE login <> lower(login);

-- Users created by `serve --demo` with published passwords.
ALTER TABLE users ADD COLUMN demo BOOLEAN NOT NULL DEFAULT 0;
-- Access tokens issued at or before this instant (Unix seconds) are refused: set when the
-- password changes or the user is deactivated.
ALTER TABLE users ADD COLUMN sessions_valid_after BIGINT NOT NULL DEFAULT 0;
