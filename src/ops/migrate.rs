//! Bringing a database up to date: the SQL migrations, then the backfills that need the models
//! and views above the storage layer (which is why this step lives here, not in [`crate::db`]).

use crate::db::{self, DbConnection};

/// Applies pending migrations and fills in what rows written by older versions lack.
/// Returns how many migrations were applied.
pub fn run(conn: &mut DbConnection) -> Result<usize, String> {
    let applied = db::run_migrations(conn)?;
    // Rows written before the search column existed get their searchable text.
    crate::models::search::backfill(conn).map_err(|e| format!("search text backfill failed: {e}"))?;
    // Reports written before history was kept get their first revision.
    crate::resources::reports::store::backfill_history(conn)
        .map_err(|e| format!("report history backfill failed: {e}"))?;
    // Initiatives changed by writes made outside the service (or stored before counts were
    // kept) are counted.
    db::write_transaction(conn, db::tally::refresh_noted).map_err(|e| format!("summary counts failed: {e}"))?;
    Ok(applied)
}
