//! Demo data: the two real progress documents in `shared/fixtures`, embedded as plan bundles.

use diesel::prelude::*;

use crate::db::DbConnection;
use crate::error::ApiResult;
use crate::resources::bundles::{format::PlanBundle, import};
use crate::schema::plans;
use crate::state::Actor;

/// The demo bundles: (file name, JSON text).
pub const BUNDLES: [(&str, &str); 2] = [
    ("regional-welfare-plan.bundle.json", include_str!("demo/regional-welfare-plan.bundle.json")),
    ("silver-center-basic-plan.bundle.json", include_str!("demo/silver-center-basic-plan.bundle.json")),
];

/// Imports the demo plans unless the database already holds plans. Returns how many were imported.
pub fn load_if_empty(conn: &mut DbConnection) -> ApiResult<usize> {
    let existing: i64 = plans::table.count().get_result(conn)?;
    if existing > 0 {
        return Ok(0);
    }
    crate::db::write_transaction(conn, |conn| {
        for (name, text) in BUNDLES {
            let bundle: PlanBundle = crate::http::parse_json(text.as_bytes())?;
            let (plan, counts) = import::import(conn, &Actor::default(), &bundle)?;
            tracing::info!(file = name, plan_id = %plan.id, initiatives = counts.initiatives, "demo plan imported");
        }
        Ok(BUNDLES.len())
    })
}
