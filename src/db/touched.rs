//! What this thread's work changed, known when the work ends: the plans whose rows it changed
//! and whether it committed a write. Caches of rows ([`crate::web::known`]) forget them before
//! the work's response is sent, so a caller always reads its own writes.

use std::cell::RefCell;

/// What this thread's work changed since it was last asked.
#[derive(Debug, Default)]
pub struct Touched {
    /// Plans whose rows changed (their data version, status, settings, or deleted).
    pub plans: Vec<uuid::Uuid>,
    /// Whether a write transaction committed (users, say, may have changed).
    pub wrote: bool,
}

thread_local! {
    static TOUCHED: RefCell<Touched> = RefCell::new(Touched::default());
}

/// Notes that this thread's current work changes plan `id`'s row.
pub fn plan(id: uuid::Uuid) {
    TOUCHED.with(|t| t.borrow_mut().plans.push(id));
}

/// Notes that this thread's work committed a write.
pub fn wrote() {
    TOUCHED.with(|t| t.borrow_mut().wrote = true);
}

/// What this thread's work touched since the last call (committed or not: forgetting a row
/// whose change was rolled back only costs a reload).
pub fn take() -> Touched {
    TOUCHED.with(|t| std::mem::take(&mut *t.borrow_mut()))
}
