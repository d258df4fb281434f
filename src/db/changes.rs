//! What other connections changed, as the database announces it. Caches of rows
//! ([`crate::web::known`]) use it, with what this thread's own work changed
//! ([`super::touched`]), to forget what may be stale without asking the database on every read.
//!
//! PostgreSQL announces every change of a `plans` row (a write bumps its `data_version`, a
//! `PATCH` sets its status …) with `NOTIFY shinchoku_plans, '<plan id>'`, and of a `users` or
//! `user_departments` row with `NOTIFY shinchoku_users, '<user id>'`, sent by triggers when the
//! writing transaction commits, whatever process wrote it. SQLite has no such message:
//! its `PRAGMA data_version` changes whenever another connection (of any process) commits, so
//! any commit is announced as "everything may have changed". On SQLite the watcher also copies
//! what commits left in the write-ahead log into the database (a passive checkpoint, which
//! waits for no reader or writer), so that the requests that write do not.

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::ManageConnection;

use super::{ConnectionManager, DbConnection};

/// The channel the `plans` trigger notifies, with the plan's id (migration `…_change_notifications`).
pub const PLANS: &str = "shinchoku_plans";
/// The channel the `users` and `user_departments` triggers notify, with the user's id.
pub const USERS: &str = "shinchoku_users";

/// The watcher's connection as PostgreSQL lists it (`pg_stat_activity.application_name`).
pub const APPLICATION_NAME: &str = "shinchoku-changes";

/// How often the watcher reads what was announced: the bound on how long another instance's
/// change may go unseen (plus the time the message takes).
pub const POLL: Duration = Duration::from_millis(20);
/// How often an idle watcher checks that its connection is still alive.
const HEARTBEAT: Duration = Duration::from_secs(5);
/// How often the watcher counts initiatives changed by writes made outside the service (the
/// service's own writes count theirs before they commit; see [`super::tally`]).
pub const COUNT_NOTED: Duration = Duration::from_secs(1);
/// On SQLite, the longest the watcher waits between two checkpoints when something was committed.
const CHECKPOINT: Duration = Duration::from_millis(250);

/// What the watcher reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announcement {
    /// Listening: from now on every change is announced.
    Connected,
    /// The connection is lost: changes may go unannounced until `Connected` again.
    Lost,
    /// This plan's row changed.
    Plan(uuid::Uuid),
    /// This user's row or departments changed.
    User(uuid::Uuid),
    /// Anything may have changed.
    Everything,
    /// Nothing changed since the last report.
    Nothing,
}

/// Watches `url`'s database on a thread of its own, reporting to `report` until it answers
/// `false` (its listener is gone). Reconnects after a loss, waiting longer each time (up to 5 s).
pub fn watch(url: &str, report: impl Fn(Announcement) -> bool + Send + 'static) {
    let manager = ConnectionManager::new(&with_keepalives(url));
    let spawned = std::thread::Builder::new().name("db-changes".into()).spawn(move || {
        let mut backoff = Duration::from_millis(100);
        loop {
            match manager.connect() {
                Ok(mut conn) => {
                    backoff = Duration::from_millis(100);
                    match listen(&mut conn, &report) {
                        Ok(Stop) => return,
                        Err(e) => {
                            tracing::warn!(error = %e, "lost the connection that watches for changes; reconnecting")
                        }
                    }
                }
                Err(e) => tracing::warn!(error = %e, "cannot connect to watch for changes; retrying"),
            }
            if !report(Announcement::Lost) {
                return;
            }
            std::thread::sleep(backoff);
            backoff = (backoff * 2).min(Duration::from_secs(5));
        }
    });
    if let Err(e) = spawned {
        tracing::error!(error = %e, "cannot start the thread that watches for changes");
    }
}

struct Stop;

/// PostgreSQL URLs get TCP keepalives and a send timeout: a connection lost without a word (a
/// network partition) is noticed within about 10 s, not after the system's TCP timeout, and
/// until then at most that long goes unannounced. Settings the URL already gives are kept.
fn with_keepalives(url: &str) -> String {
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return url.to_string();
    }
    let mut url = url.to_string();
    for (name, value) in [
        ("keepalives_idle", "5"),
        ("keepalives_interval", "2"),
        ("keepalives_count", "2"),
        ("tcp_user_timeout", "10000"),
    ] {
        if !url.contains(&format!("{name}=")) {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str(&format!("{name}={value}"));
        }
    }
    url
}

/// Listens on `conn` until its listener is gone (`Ok`) or the connection fails (`Err`).
fn listen(conn: &mut DbConnection, report: &impl Fn(Announcement) -> bool) -> QueryResult<Stop> {
    let mut last_commit = match conn {
        DbConnection::Pg(c) => {
            // Named, so that operators see what the long-lived connection is.
            c.batch_execute(&format!("SET application_name = '{APPLICATION_NAME}'; LISTEN {PLANS}; LISTEN {USERS}"))?;
            0
        }
        DbConnection::Sqlite(c) => sqlite_data_version(c)?,
    };
    if !report(Announcement::Connected) {
        return Ok(Stop);
    }
    let (mut checked, mut counted, mut checkpointed) = (Instant::now(), Instant::now(), Instant::now());
    // Commits not yet copied from SQLite's write-ahead log into the database.
    let mut logged = true;
    loop {
        std::thread::sleep(POLL);
        let mut announcements = Vec::new();
        if counted.elapsed() >= COUNT_NOTED {
            if count_noted(conn)? {
                // Plans' data versions moved by this connection, which its own poll does not see.
                announcements.push(Announcement::Everything);
            }
            counted = Instant::now();
        }
        match conn {
            DbConnection::Pg(c) => {
                for notification in c.notifications_iter() {
                    let notification = notification?;
                    let id = uuid::Uuid::parse_str(&notification.payload);
                    announcements.push(match (notification.channel.as_str(), id) {
                        (PLANS, Ok(id)) => Announcement::Plan(id),
                        (USERS, Ok(id)) => Announcement::User(id),
                        _ => Announcement::Everything,
                    });
                }
                if checked.elapsed() >= HEARTBEAT {
                    c.batch_execute("SELECT 1")?;
                    checked = Instant::now();
                }
            }
            DbConnection::Sqlite(c) => {
                let now = sqlite_data_version(c)?;
                if now != last_commit {
                    last_commit = now;
                    logged = true;
                    announcements.push(Announcement::Everything);
                }
                if logged && checkpointed.elapsed() >= CHECKPOINT {
                    // Not a lost connection: tried again at the next commit (a writer copies the
                    // log itself past its bound meanwhile).
                    if let Err(e) = c.batch_execute("PRAGMA wal_checkpoint(PASSIVE)") {
                        tracing::warn!(error = %e, "cannot copy the write-ahead log into the database");
                    }
                    (logged, checkpointed) = (false, Instant::now());
                }
            }
        }
        if announcements.is_empty() {
            // Also when nothing happens: the listener may be gone.
            announcements.push(Announcement::Nothing);
        }
        for a in announcements {
            if !report(a) {
                return Ok(Stop);
            }
        }
    }
}

/// Counts what writes made outside the service changed, if anything is noted (one small
/// statement otherwise); true when it counted some. A failure to count is logged and tried again.
fn count_noted(conn: &mut DbConnection) -> QueryResult<bool> {
    #[derive(QueryableByName)]
    struct Noted {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let noted: Noted = diesel::sql_query(
        "SELECT COUNT(*) AS n FROM (SELECT 1 AS one FROM summary_dirty \
             UNION ALL SELECT 1 AS one FROM summary_dirty_years LIMIT 1) d",
    )
    .get_result(conn)?;
    if noted.n > 0 {
        match super::write_transaction(conn, super::tally::refresh_noted) {
            Ok(n) => {
                tracing::info!(initiatives = n, "counted the changes written outside the service");
                return Ok(true);
            }
            Err(e) => tracing::warn!(error = %e, "cannot count the changes written outside the service; retrying"),
        }
    }
    Ok(false)
}

fn sqlite_data_version(conn: &mut diesel::SqliteConnection) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Version {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        data_version: i64,
    }
    Ok(diesel::sql_query("PRAGMA data_version").get_result::<Version>(conn)?.data_version)
}

#[cfg(test)]
mod tests {
    #[test]
    fn postgres_urls_get_keepalives_once() {
        let url = super::with_keepalives("postgres://u@db:5432/shinchoku");
        assert_eq!(
            url,
            "postgres://u@db:5432/shinchoku?keepalives_idle=5&keepalives_interval=2&keepalives_count=2&tcp_user_timeout=10000"
        );
        let given = super::with_keepalives("postgresql://db/s?sslmode=require&keepalives_idle=30");
        assert!(given.starts_with("postgresql://db/s?sslmode=require&keepalives_idle=30&keepalives_interval=2"));
        assert_eq!(given.matches("keepalives_idle").count(), 1);
        assert_eq!(super::with_keepalives("data/shinchoku.sqlite3"), "data/shinchoku.sqlite3");
    }
}
