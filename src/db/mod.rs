//! Storage: one code path over SQLite (embedded default) and PostgreSQL (production).
//!
//! The backend is chosen from the URL scheme in our own r2d2 manager, so a connection
//! failure reports the real error instead of the derive's "tried every backend".
//! The macros for SQL that differs by backend (upserts, `RETURNING`, row locks) are in
//! [`backend`]. Where one query must be written twice, the module that owns it branches with
//! `per_backend!` next to its portable sibling: the idempotency keys, the sign-in throttle, the
//! summary queries (`grep -rn per_backend src` lists them). Backups ([`crate::ops::backup`]) are SQLite's
//! own (PostgreSQL is backed up with its own tools).

pub mod backend;
pub mod bulk;
pub mod changes;
pub mod connection;
pub mod portable_uuid;
pub mod schema;
pub mod tally;
pub mod touched;

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

pub use connection::{DbConnection, MultiBackend};
pub use portable_uuid::DbUuid;

pub type Pool = r2d2::Pool<ConnectionManager>;
pub type PooledConn = r2d2::PooledConnection<ConnectionManager>;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn from_url(url: &str) -> Backend {
        parse_url(url).map(|(backend, _)| backend).unwrap_or(Backend::Sqlite)
    }
}

/// Reads `DATABASE_URL`: `postgres://…` or `postgresql://…`; `sqlite://PATH`, `sqlite:PATH` or a
/// plain file path. Any other scheme is refused (it is a mistake, not a file name). Returns the
/// backend and what to connect to (the URL for PostgreSQL, the file path for SQLite).
pub fn parse_url(url: &str) -> Result<(Backend, String), String> {
    let url = url.trim();
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok((Backend::Postgres, url.to_string()));
    }
    if let Some(path) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
        if path.is_empty() {
            return Err("DATABASE_URL=sqlite: needs a file path (sqlite://data/shinchoku.sqlite3)".into());
        }
        return Ok((Backend::Sqlite, path.to_string()));
    }
    // `scheme:` with a scheme of two or more letters (one letter is a Windows drive).
    if let Some((scheme, _)) = url.split_once(':') {
        let looks_like_scheme = scheme.len() >= 2
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if looks_like_scheme {
            return Err(format!(
                "DATABASE_URL scheme `{scheme}:` is not supported: use postgres://, postgresql://, sqlite:// or a file path"
            ));
        }
    }
    if url.is_empty() {
        return Err("DATABASE_URL is empty".into());
    }
    Ok((Backend::Sqlite, url.to_string()))
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("cannot connect to PostgreSQL: {0}")]
    Postgres(ConnectionError),
    #[error("cannot open SQLite database {path}: {source}")]
    Sqlite { path: String, source: ConnectionError },
    #[error("cannot configure the database connection: {0}")]
    Setup(diesel::result::Error),
    #[error("connection check failed: {0}")]
    Check(diesel::result::Error),
    #[error("{0}")]
    Url(String),
}

/// r2d2 manager that picks the backend from the URL scheme and prepares every
/// SQLite connection (WAL, foreign keys, busy timeout) before it enters the pool.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    target: Result<(Backend, String), String>,
}

impl ConnectionManager {
    pub fn new(url: &str) -> Self {
        ConnectionManager { target: parse_url(url) }
    }
}

const PG_SETUP: &str = "SET lock_timeout = '10s'";

/// Reads go through a memory map shared by every connection (the summaries read many pages)
/// rather than each connection's own small page cache. A commit leaves its pages in the
/// write-ahead log: the service's change watcher copies them into the database
/// ([`changes`]), off the request that wrote them (a 10,000-item batch's commit took 140 ms
/// when it copied 40 MB itself, 30 ms now). A writer copies them only past 25,000 pages
/// (100 MB), which bounds the log where no watcher runs (the command line, which copies all
/// when it closes).
const SQLITE_SETUP: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA mmap_size = 268435456; \
     PRAGMA wal_autocheckpoint = 25000;";

/// After a bulk load (a bundle import, a synthetic plan): refreshes the planner's statistics, so
/// that the summaries' joins are planned for the data as it now is rather than for empty tables
/// (PostgreSQL's autovacuum would get there, but only after a while).
pub fn refresh_statistics(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    match conn {
        DbConnection::Pg(c) => c.batch_execute(
            "ANALYZE plans, plan_nodes, initiatives, initiative_placements, initiative_departments, indicators, \
             indicator_values, annual_reports, quarter_updates",
        ),
        DbConnection::Sqlite(c) => c.batch_execute("PRAGMA optimize"),
    }
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = ConnectError;

    fn connect(&self) -> Result<DbConnection, ConnectError> {
        let (backend, target) = self.target.as_ref().map_err(|e| ConnectError::Url(e.clone()))?;
        match backend {
            Backend::Postgres => {
                let mut conn = diesel::PgConnection::establish(target).map_err(ConnectError::Postgres)?;
                // A writer waiting for a row lock gives up (503) rather than hanging.
                conn.batch_execute(PG_SETUP).map_err(ConnectError::Setup)?;
                Ok(DbConnection::Pg(conn))
            }
            Backend::Sqlite => {
                let mut conn = diesel::SqliteConnection::establish(target)
                    .map_err(|source| ConnectError::Sqlite { path: target.clone(), source })?;
                conn.batch_execute(SQLITE_SETUP)
                    .map_err(|e| ConnectError::Url(format!("cannot prepare SQLite database {target}: {e}")))?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), ConnectError> {
        conn.batch_execute("SELECT 1").map_err(ConnectError::Check)
    }

    fn has_broken(&self, _conn: &mut DbConnection) -> bool {
        false
    }
}

/// Runs `work` in one write transaction. On SQLite it begins `IMMEDIATE`, taking the write lock
/// up front: a deferred transaction that reads and then writes fails at once with "database is
/// locked" when another writer got there first, whatever the busy timeout.
pub fn write_transaction<T, E, F>(conn: &mut DbConnection, work: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    transaction(conn, Keep::WithRecount, work)
}

/// A write transaction over tables the summaries do not count (the outbox's deliveries, mail,
/// the due-date notices): no recount before it commits. Background workers use it, so that rows
/// noted by writes made outside the service stay the change watcher's to count (it also moves
/// those plans' data versions, which a recount here would not).
pub fn side_transaction<T, E, F>(conn: &mut DbConnection, work: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    transaction(conn, Keep::WithoutRecount, work)
}

/// A write transaction that is rolled back whatever `work` returns: a dry run that does
/// exactly what the write would, and keeps nothing.
pub fn dry_run_transaction<T, E, F>(conn: &mut DbConnection, work: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    transaction(conn, Keep::No, work)
}

#[derive(PartialEq)]
enum Keep {
    WithRecount,
    WithoutRecount,
    No,
}

fn transaction<T, E, F>(conn: &mut DbConnection, keep: Keep, work: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    type Manager = <DbConnection as Connection>::TransactionManager;
    match conn {
        DbConnection::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?,
        DbConnection::Pg(_) => Manager::begin_transaction(conn)?,
    }
    match work(conn) {
        Ok(value) if keep != Keep::No => {
            // The kept summary counts change with the rows, in the same transaction.
            if keep == Keep::WithRecount {
                if let Err(e) = tally::refresh(conn) {
                    Manager::rollback_transaction(conn)?;
                    return Err(e.into());
                }
            }
            Manager::commit_transaction(conn)?;
            touched::wrote();
            Ok(value)
        }
        Ok(value) => {
            Manager::rollback_transaction(conn)?;
            Ok(value)
        }
        Err(e) => {
            Manager::rollback_transaction(conn)?;
            Err(e)
        }
    }
}

/// SQLite as the service uses it: a connection is used by one thread at a time (the pool hands
/// it out whole), so SQLite need not lock around every call ("multi-thread" mode), nor count
/// the memory it allocates, which takes a global lock on every allocation. A 10,000-item
/// batch is 4 % faster. Effective only before SQLite's first use (later, SQLite refuses it and
/// nothing changes): [`connect`] calls it first.
pub fn configure_sqlite() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: `sqlite3_config` with these options takes no pointer, and is called once,
        // before this process opens a connection through the pool (an earlier use of SQLite
        // makes it return SQLITE_MISUSE without changing anything).
        unsafe {
            libsqlite3_sys::sqlite3_config(libsqlite3_sys::SQLITE_CONFIG_MULTITHREAD);
            libsqlite3_sys::sqlite3_config(libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS, 0 as std::ffi::c_int);
        }
    });
}

/// Opens the pool and checks one connection, so a wrong URL fails at start with its real cause.
pub fn connect(url: &str, max_size: u32) -> Result<Pool, String> {
    configure_sqlite();
    let manager = ConnectionManager::new(url);
    // Fail fast with the real reason instead of r2d2's generic timeout.
    manager.connect().map_err(|e| e.to_string())?;
    r2d2::Pool::builder()
        .max_size(max_size)
        // A request waits at most this long for a connection: when the database is unreachable
        // callers get a prompt 503 with Retry-After rather than a hang.
        .connection_timeout(Duration::from_secs(3))
        .build(manager)
        .map_err(|e| e.to_string())
}

/// Applies pending migrations of the connection's backend; returns how many ran.
/// Applies the pending SQL migrations; [`crate::ops::migrate::run`] adds the data backfills.
pub fn run_migrations(conn: &mut DbConnection) -> Result<usize, String> {
    let applied = match conn {
        DbConnection::Pg(c) => c.run_pending_migrations(PG_MIGRATIONS).map(|v| v.len()),
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
    };
    applied.map_err(|e| format!("migration failed: {e}"))
}

/// True when every embedded migration has been applied (used by `/readyz`).
pub fn migrations_complete(conn: &mut DbConnection) -> Result<bool, String> {
    let pending = match conn {
        DbConnection::Pg(c) => c.has_pending_migration(PG_MIGRATIONS),
        DbConnection::Sqlite(c) => c.has_pending_migration(SQLITE_MIGRATIONS),
    };
    pending.map(|p| !p).map_err(|e| e.to_string())
}

pub fn now() -> NaiveDateTime {
    // Microsecond precision: what both backends store, so values read back compare equal.
    let now = Utc::now().naive_utc();
    now.with_nanosecond_floor()
}

trait FloorMicros {
    fn with_nanosecond_floor(self) -> Self;
}

impl FloorMicros for NaiveDateTime {
    fn with_nanosecond_floor(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(self.nanosecond() / 1000 * 1000).unwrap_or(self)
    }
}

/// Database timestamps are UTC; the API shows them as RFC 3339 with `Z`.
pub fn utc(ts: NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(ts, Utc)
}
