//! `shinchoku backup` and `shinchoku restore` for the embedded SQLite database.
//!
//! A backup is SQLite's `VACUUM INTO`: one read transaction, so the copy is consistent while the
//! service keeps serving and writing. A restore checks the file is a Shinchoku database, refuses
//! to replace a database that holds data unless forced, and swaps the file in atomically (the
//! service must be stopped). PostgreSQL has its own tools; the commands say which and fail
//! rather than pretend.

use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use crate::db::{self, Backend};

const PG_BACKUP: &str = "the database is PostgreSQL: back it up with its own tools, e.g. \
     `pg_dump --format=custom --file=shinchoku.dump \"$DATABASE_URL\"` (consistent while the service runs), \
     and restore with `pg_restore --clean --if-exists --dbname=\"$DATABASE_URL\" shinchoku.dump` into a stopped service";

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn sqlite_file(database_url: &str) -> Result<PathBuf, String> {
    match db::parse_url(database_url)? {
        (Backend::Postgres, _) => Err(PG_BACKUP.into()),
        (Backend::Sqlite, path) => Ok(PathBuf::from(path)),
    }
}

/// Plans and users in the SQLite database at `path` (`None`: no such file, or no Shinchoku tables).
fn contents(path: &Path) -> Result<Option<(i64, i64)>, String> {
    if !path.exists() {
        return Ok(None);
    }
    let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy()).map_err(|e| e.to_string())?;
    let tables: Count = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('plans', 'users', '__diesel_schema_migrations')",
    )
    .get_result(&mut conn)
    .map_err(|e| format!("{} is not a SQLite database: {e}", path.display()))?;
    if tables.n < 3 {
        return Ok(None);
    }
    let count = |conn: &mut diesel::SqliteConnection, table: &str| {
        diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}")).get_result::<Count>(conn).map(|c| c.n)
    };
    Ok(Some((
        count(&mut conn, "plans").map_err(|e| e.to_string())?,
        count(&mut conn, "users").map_err(|e| e.to_string())?,
    )))
}

/// Writes a consistent copy of the configured database to `to` (which must not exist yet).
pub fn backup(database_url: &str, to: &Path) -> Result<String, String> {
    let from = sqlite_file(database_url)?;
    if to.exists() {
        return Err(format!("{} exists: give a new file", to.display()));
    }
    if contents(&from)?.is_none() {
        return Err(format!("{} holds no Shinchoku database", from.display()));
    }
    let mut conn = diesel::SqliteConnection::establish(&from.to_string_lossy()).map_err(|e| e.to_string())?;
    conn.batch_execute("PRAGMA busy_timeout = 10000").map_err(|e| e.to_string())?;
    let target = to.to_string_lossy().replace('\'', "''");
    conn.batch_execute(&format!("VACUUM INTO '{target}'")).map_err(|e| format!("backup failed: {e}"))?;
    let (plans, users) = contents(to)?.ok_or("the copy is not readable")?;
    let check: String = {
        #[derive(QueryableByName)]
        struct Check {
            #[diesel(sql_type = diesel::sql_types::Text)]
            integrity_check: String,
        }
        let mut copy = diesel::SqliteConnection::establish(&to.to_string_lossy()).map_err(|e| e.to_string())?;
        diesel::sql_query("PRAGMA integrity_check")
            .get_result::<Check>(&mut copy)
            .map_err(|e| e.to_string())?
            .integrity_check
    };
    if check != "ok" {
        return Err(format!("the copy fails SQLite's integrity check: {check}"));
    }
    let bytes = std::fs::metadata(to).map(|m| m.len()).unwrap_or(0);
    Ok(format!("backed up {} to {} ({bytes} bytes; {plans} plans, {users} users)", from.display(), to.display()))
}

/// Replaces the configured database with the backup `from`. Refuses a database holding plans or
/// users unless `force`. The service must be stopped.
pub fn restore(database_url: &str, from: &Path, force: bool) -> Result<String, String> {
    let target = sqlite_file(database_url)?;
    let (plans, users) = contents(from)?.ok_or_else(|| format!("{} is not a Shinchoku backup", from.display()))?;
    if let Some((p, u)) = contents(&target)? {
        if (p > 0 || u > 0) && !force {
            return Err(format!(
                "{} already holds {p} plans and {u} users: restore into an empty data directory, or add --force to replace them",
                target.display()
            ));
        }
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    // Copy beside the target, then rename over it: the database is either the old or the new one.
    let staging = target.with_extension("restoring");
    std::fs::copy(from, &staging).map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    for suffix in ["-wal", "-shm"] {
        let journal = PathBuf::from(format!("{}{suffix}", target.display()));
        if journal.exists() {
            std::fs::remove_file(&journal).map_err(|e| format!("{}: {e}", journal.display()))?;
        }
    }
    std::fs::rename(&staging, &target).map_err(|e| format!("cannot put the copy in place: {e}"))?;
    Ok(format!("restored {} into {} ({plans} plans, {users} users)", from.display(), target.display()))
}
