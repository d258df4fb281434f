//! Plan rows kept in memory, so that a read served from the summary cache asks the database
//! nothing: the cache's keys name the plan's data version, and this is where the version (with
//! the plan's status and settings) is known without a query.
//!
//! A plan is forgotten as soon as it may have changed:
//! - by this instance: when the work that changed it ends, before its response is sent
//!   ([`crate::web::state::AppState::db`], from [`crate::db::changes::take_touched`]), so a
//!   caller always reads its own writes;
//! - by another instance or process: when the database announces it
//!   ([`crate::db::changes::watch`]: PostgreSQL's `NOTIFY` on commit, SQLite's data version),
//!   within [`crate::db::changes::POLL`] and the message's delay.
//!
//! While the watcher is not listening (at start, after a lost connection) nothing is kept or
//! used: every read asks the database, as it would without this. A row read from the database
//! is kept only if nothing was forgotten since the read began (a generation counter), so a read
//! that raced a change never keeps the row from before it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use uuid::Uuid;

use crate::db::changes::Announcement;
use crate::models::plans::Plan;

#[derive(Default)]
pub struct KnownPlans {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Announcements are being received: kept rows may be used.
    trusted: bool,
    /// One more each time anything is forgotten.
    generation: u64,
    plans: HashMap<Uuid, Arc<Plan>>,
}

/// Plans kept at most (a few per installation in practice); beyond, all are forgotten.
const MAX_PLANS: usize = 10_000;

impl KnownPlans {
    /// Starts watching `database_url` for changes; kept rows are used only while it listens.
    /// The watcher stops when `known` is dropped.
    pub fn watch(known: &Arc<KnownPlans>, database_url: &str) {
        let weak: Weak<KnownPlans> = Arc::downgrade(known);
        crate::db::changes::watch(database_url, move |announcement| match weak.upgrade() {
            Some(known) => {
                known.announced(announcement);
                true
            }
            None => false,
        });
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The plan as last read, when it cannot have changed since.
    pub fn get(&self, id: Uuid) -> Option<Arc<Plan>> {
        let inner = self.lock();
        if !inner.trusted {
            return None;
        }
        inner.plans.get(&id).cloned()
    }

    /// Where a read from the database starts: pass it to [`Self::keep`] with what it read.
    pub fn generation(&self) -> u64 {
        self.lock().generation
    }

    /// Keeps `plan`, read from the database after [`Self::generation`] answered `read_at`,
    /// unless something was forgotten since.
    pub fn keep(&self, plan: &Plan, read_at: u64) {
        let mut inner = self.lock();
        if !inner.trusted || inner.generation != read_at {
            return;
        }
        if inner.plans.len() >= MAX_PLANS {
            inner.plans.clear();
        }
        inner.plans.insert(plan.id.0, Arc::new(plan.clone()));
    }

    /// Forgets plans changed by this instance.
    pub fn forget(&self, ids: &[Uuid]) {
        if ids.is_empty() {
            return;
        }
        let mut inner = self.lock();
        inner.generation += 1;
        for id in ids {
            inner.plans.remove(id);
        }
    }

    fn announced(&self, announcement: Announcement) {
        let mut inner = self.lock();
        match announcement {
            Announcement::Nothing => return,
            Announcement::Plan(id) => {
                inner.plans.remove(&id);
            }
            Announcement::Everything => inner.plans.clear(),
            Announcement::Connected => {
                inner.plans.clear();
                inner.trusted = true;
            }
            Announcement::Lost => {
                inner.plans.clear();
                inner.trusted = false;
            }
        }
        inner.generation += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::DbUuid;

    fn plan(id: Uuid, data_version: i64) -> Plan {
        let ts = chrono::NaiveDateTime::default();
        Plan {
            id: DbUuid(id),
            title: "計画".into(),
            organization: "市".into(),
            start_fy: 2020,
            end_fy: 2024,
            level_labels: "[]".into(),
            rating_scale: "[]".into(),
            status: "published".into(),
            source: None,
            data_version,
            version: 1,
            created_at: ts,
            updated_at: ts,
            owner_department_id: None,
            search_text: String::new(),
            quarterly_reports: false,
            report_due_days: 0,
            quarter_due_days: 0,
        }
    }

    #[test]
    fn nothing_is_kept_or_used_until_the_watcher_listens() {
        let known = KnownPlans::default();
        let id = Uuid::now_v7();
        known.keep(&plan(id, 1), known.generation());
        assert!(known.get(id).is_none());
        known.announced(Announcement::Connected);
        known.keep(&plan(id, 1), known.generation());
        assert_eq!(known.get(id).unwrap().data_version, 1);
        // A lost connection: changes may go unannounced, so nothing is used any more.
        known.announced(Announcement::Lost);
        assert!(known.get(id).is_none());
        known.keep(&plan(id, 1), known.generation());
        assert!(known.get(id).is_none());
    }

    #[test]
    fn a_read_that_raced_a_change_is_not_kept() {
        let known = KnownPlans::default();
        known.announced(Announcement::Connected);
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let read_at = known.generation();
        // Meanwhile the plan changes (here or elsewhere): what was read may be the old row.
        known.forget(&[a]);
        known.keep(&plan(a, 1), read_at);
        assert!(known.get(a).is_none());
        let read_at = known.generation();
        known.announced(Announcement::Plan(b));
        known.keep(&plan(a, 2), read_at);
        assert!(known.get(a).is_none());
        // Nothing changed: kept.
        let read_at = known.generation();
        known.announced(Announcement::Nothing);
        known.keep(&plan(a, 2), read_at);
        assert_eq!(known.get(a).unwrap().data_version, 2);
    }

    #[test]
    fn announcements_forget_the_plans_they_name() {
        let known = KnownPlans::default();
        known.announced(Announcement::Connected);
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        known.keep(&plan(a, 1), known.generation());
        known.keep(&plan(b, 1), known.generation());
        known.announced(Announcement::Plan(a));
        assert!(known.get(a).is_none());
        assert!(known.get(b).is_some());
        known.forget(&[b]);
        assert!(known.get(b).is_none());
        known.keep(&plan(a, 2), known.generation());
        known.announced(Announcement::Everything);
        assert!(known.get(a).is_none());
    }
}
