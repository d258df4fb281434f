//! Rows kept in memory while they cannot have changed, so that frequent reads ask the database
//! nothing: plan rows (the summary cache's keys name the plan's data version, which is known here
//! without a query) and signed-in users (role, departments, when their sessions last ended).
//!
//! A row is forgotten as soon as it may have changed:
//! - by this instance: when the work that changed it ends, before its response is sent
//!   ([`crate::web::state::AppState::db`], from [`crate::db::touched::take`]), so a
//!   caller always reads its own writes. Users are all forgotten whenever this instance's work
//!   committed a write (writes are rare next to reads; a forgotten user costs one query);
//! - by another instance or process: when the database announces it
//!   ([`crate::db::changes::watch`]: PostgreSQL's `NOTIFY` on commit, SQLite's data version),
//!   within [`crate::db::changes::POLL`] and the message's delay.
//!
//! While the watcher is not listening (at start, after a lost connection) nothing is kept or
//! used: every read asks the database, as it would without this. A row read from the database
//! is kept only if nothing was forgotten since the read began (a generation counter), so a read
//! that raced a change never keeps the row from before it.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, Weak};

use uuid::Uuid;

use crate::db::changes::Announcement;
use crate::db::DbConnection;
use crate::error::ApiResult;
use crate::models::plans::Plan;

/// Rows of one kind by key, kept while they cannot have changed.
pub struct Kept<K, V> {
    inner: Mutex<Inner<K, V>>,
}

struct Inner<K, V> {
    /// Announcements are being received: kept rows may be used.
    trusted: bool,
    /// One more each time anything is forgotten.
    generation: u64,
    rows: HashMap<K, Arc<V>>,
}

impl<K, V> Default for Kept<K, V> {
    fn default() -> Self {
        Kept { inner: Mutex::new(Inner { trusted: false, generation: 0, rows: HashMap::new() }) }
    }
}

/// Rows kept at most; beyond, all are forgotten.
const MAX_ROWS: usize = 10_000;

impl<K: Eq + Hash + Clone, V> Kept<K, V> {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner<K, V>> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The row as last read, when it cannot have changed since.
    pub fn get(&self, key: &K) -> Option<Arc<V>> {
        let inner = self.lock();
        if !inner.trusted {
            return None;
        }
        inner.rows.get(key).cloned()
    }

    /// Where a read from the database starts: pass it to [`Self::keep`] with what it read.
    pub fn generation(&self) -> u64 {
        self.lock().generation
    }

    /// Keeps `row`, read from the database after [`Self::generation`] answered `read_at`,
    /// unless something was forgotten since.
    pub fn keep(&self, key: K, row: V, read_at: u64) -> Arc<V> {
        let row = Arc::new(row);
        let mut inner = self.lock();
        if inner.trusted && inner.generation == read_at {
            if inner.rows.len() >= MAX_ROWS {
                inner.rows.clear();
            }
            inner.rows.insert(key, row.clone());
        }
        row
    }

    /// Forgets the rows of `keys` (changed by this instance).
    pub fn forget(&self, keys: &[K]) {
        if keys.is_empty() {
            return;
        }
        let mut inner = self.lock();
        inner.generation += 1;
        for key in keys {
            inner.rows.remove(key);
        }
    }

    /// Forgets every row.
    pub fn forget_all(&self) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.rows.clear();
    }

    /// Whether the watcher listens: while it does not, nothing is kept or used.
    fn set_trusted(&self, trusted: bool) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.rows.clear();
        inner.trusted = trusted;
    }
}

/// Plan rows by id.
pub type KnownPlans = Kept<Uuid, Plan>;

impl KnownPlans {
    /// Plan `id` as kept, else read from the database (and kept). `read_at`: what
    /// [`Self::generation`] answered before the work began.
    pub fn load(&self, conn: &mut DbConnection, id: Uuid, read_at: u64) -> ApiResult<Arc<Plan>> {
        if let Some(plan) = self.get(&id) {
            return Ok(plan);
        }
        let plan = crate::models::plans::load(conn, id)?;
        Ok(self.keep(id, plan, read_at))
    }
}

/// An active user as a caller: login, role, departments, and when their sessions last ended.
#[derive(Debug, Clone)]
pub struct ActiveUser {
    pub login: String,
    /// The role as stored (`admin`, `department` …).
    pub role: String,
    pub departments: Vec<Uuid>,
    pub sessions_valid_after: i64,
}

/// Signed-in users by id.
pub type KnownUsers = Kept<Uuid, ActiveUser>;

/// The plan of each initiative (an initiative never moves to another plan; when it is deleted,
/// its plan's data version moves, and the plan is forgotten).
pub type InitiativePlans = Kept<Uuid, Uuid>;

/// Starts watching `database_url` for changes, for `plans`, `users` and `initiative_plans`; the
/// watcher stops when they are dropped.
pub fn watch(
    plans: &Arc<KnownPlans>,
    users: &Arc<KnownUsers>,
    initiative_plans: &Arc<InitiativePlans>,
    database_url: &str,
) {
    let (plans, users, initiative_plans): (Weak<KnownPlans>, Weak<KnownUsers>, Weak<InitiativePlans>) =
        (Arc::downgrade(plans), Arc::downgrade(users), Arc::downgrade(initiative_plans));
    crate::db::changes::watch(database_url, move |announcement| {
        let (Some(plans), Some(users), Some(initiative_plans)) =
            (plans.upgrade(), users.upgrade(), initiative_plans.upgrade())
        else {
            return false;
        };
        match announcement {
            Announcement::Nothing => {}
            Announcement::Plan(id) => plans.forget(&[id]),
            Announcement::User(id) => users.forget(&[id]),
            Announcement::Everything => {
                plans.forget_all();
                users.forget_all();
                initiative_plans.forget_all();
            }
            Announcement::Connected | Announcement::Lost => {
                let listening = announcement == Announcement::Connected;
                plans.set_trusted(listening);
                users.set_trusted(listening);
                initiative_plans.set_trusted(listening);
            }
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trusted() -> Kept<u32, i64> {
        let kept = Kept::default();
        kept.set_trusted(true);
        kept
    }

    #[test]
    fn nothing_is_kept_or_used_until_the_watcher_listens() {
        let kept: Kept<u32, i64> = Kept::default();
        kept.keep(1, 10, kept.generation());
        assert!(kept.get(&1).is_none());
        kept.set_trusted(true);
        kept.keep(1, 10, kept.generation());
        assert_eq!(*kept.get(&1).unwrap(), 10);
        // A lost connection: changes may go unannounced, so nothing is used any more.
        kept.set_trusted(false);
        assert!(kept.get(&1).is_none());
        kept.keep(1, 10, kept.generation());
        assert!(kept.get(&1).is_none());
    }

    #[test]
    fn a_read_that_raced_a_change_is_not_kept() {
        let kept = trusted();
        let read_at = kept.generation();
        // Meanwhile the row changes (here or elsewhere): what was read may be the old row.
        kept.forget(&[1]);
        assert_eq!(*kept.keep(1, 10, read_at), 10, "the caller still gets what it read");
        assert!(kept.get(&1).is_none());
        let read_at = kept.generation();
        kept.forget(&[2]);
        kept.keep(1, 11, read_at);
        assert!(kept.get(&1).is_none());
        // Nothing changed: kept.
        let read_at = kept.generation();
        kept.keep(1, 12, read_at);
        assert_eq!(*kept.get(&1).unwrap(), 12);
    }

    #[test]
    fn forgetting_names_rows_or_all() {
        let kept = trusted();
        kept.keep(1, 10, kept.generation());
        kept.keep(2, 20, kept.generation());
        kept.forget(&[1]);
        assert!(kept.get(&1).is_none());
        assert!(kept.get(&2).is_some());
        kept.keep(1, 11, kept.generation());
        kept.forget_all();
        assert!(kept.get(&1).is_none() && kept.get(&2).is_none());
    }

    #[test]
    fn the_number_of_rows_stays_bounded() {
        let kept = trusted();
        for i in 0..(MAX_ROWS as u32 + 5) {
            kept.keep(i, 0, kept.generation());
        }
        assert!(kept.lock().rows.len() <= MAX_ROWS);
    }
}
