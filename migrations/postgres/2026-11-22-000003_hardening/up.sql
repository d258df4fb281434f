-- Logins are stored normalized (NFKC, trimmed, lower case): one user per login whatever its
-- spelling. Logins were ASCII until now, so lower() is their normalization. Two logins that
-- differ only in letter case cannot both stay: the migration stops and names them.
DO $$
DECLARE clashes TEXT;
BEGIN
    SELECT string_agg(l, ', ') INTO clashes
    FROM (SELECT lower(login) AS l FROM users GROUP BY lower(login) HAVING count(*) > 1) c;
    IF clashes IS NOT NULL THEN
        RAISE EXCEPTION 'logins that differ only in letter case: % (rename all but one of each, then migrate again)', clashes;
    END IF;
END $$;
UPDATE users SET login = lower(login) WHERE login <> lower(login);

-- Users created by `serve --demo` with published passwords.
ALTER TABLE users ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
-- Access tokens issued at or before this instant (Unix seconds) are refused: set when the
-- password changes or the user is deactivated.
ALTER TABLE users ADD COLUMN sessions_valid_after BIGINT NOT NULL DEFAULT 0;
