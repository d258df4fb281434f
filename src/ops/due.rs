//! The daily due-date pass in `serve` (docs/notifications.md): at `SHINCHOKU_NOTIFY_DUE_AT`
//! (Japan time) each day, and once at start when that time has passed today. Every instance
//! runs it; the pass tells each item once whatever runs it (`resources::summaries::due`).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::db::Pool;
use crate::error::ApiResult;
use crate::resources::summaries::due::{notify_due, DuePass};

/// When and how far ahead the pass looks.
#[derive(Debug, Clone, Copy)]
pub struct DueSettings {
    /// `SHINCHOKU_NOTIFY_DUE_AT` (default 08:00), in Japan time.
    pub at: chrono::NaiveTime,
    /// `SHINCHOKU_REMINDER_DAYS` (default 7): reminders this many days before a due date.
    pub within_days: i64,
}

impl Default for DueSettings {
    fn default() -> Self {
        DueSettings { at: chrono::NaiveTime::from_hms_opt(8, 0, 0).expect("a time"), within_days: 7 }
    }
}

/// One pass for `today` (a day in Japan), in one transaction.
pub fn run(pool: &Pool, today: chrono::NaiveDate, settings: DueSettings) -> ApiResult<DuePass> {
    let mut conn = pool.get()?;
    crate::db::side_transaction(&mut conn, |conn| notify_due(conn, today, settings.within_days))
}

/// The scheduler; dropping it stops it.
pub struct Daily(Arc<AtomicBool>);

impl Drop for Daily {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

pub fn spawn_daily(pool: Pool, settings: DueSettings) -> Daily {
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = stop.clone();
    std::thread::Builder::new()
        .name("due-dates".into())
        .spawn(move || {
            let mut last: Option<chrono::NaiveDate> = None;
            while !stopped.load(Ordering::Relaxed) {
                let now = chrono::Utc::now().naive_utc() + chrono::Duration::hours(9);
                let today = now.date();
                if now.time() >= settings.at && last != Some(today) {
                    match run(&pool, today, settings) {
                        Ok(pass) => {
                            last = Some(today);
                            tracing::info!(%today, due_soon = pass.due_soon, overdue = pass.overdue, "due-date pass");
                        }
                        Err(e) => tracing::warn!(error = %e, "due-date pass failed; trying again in a minute"),
                    }
                }
                for _ in 0..60 {
                    if stopped.load(Ordering::Relaxed) {
                        return;
                    }
                    std::thread::sleep(Duration::from_secs(1));
                }
            }
        })
        .expect("the due-date thread starts");
    Daily(stop)
}
