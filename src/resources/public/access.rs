//! What every public endpoint shares: which plans are public, the cached read of a public body,
//! the anonymous caller's budget of uncached work, and the years with published data.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::db::schema::{annual_reports, initiatives};
use crate::db::{DbConnection, DbUuid};
use crate::domain::enums::PlanStatus;
use crate::domain::fiscal_year;
use crate::error::{ApiError, ApiResult};
use crate::models::plans::Plan;
use crate::web::budget::Charge;
use crate::web::cache::Rendered;
use crate::web::state::AppState;

/// Public responses may be kept by browsers and shared caches for a minute, then revalidated.
pub const PUBLIC_CACHE: &str = "public, max-age=60";

/// Whether the plan is public (drafts and archived plans are not: 404).
pub fn is_public(plan: &Plan) -> bool {
    plan.status == PlanStatus::Published.as_str()
}

/// A public body of plan `id` under the cache key `key` names: when the plan is kept in memory
/// ([`crate::web::known`]) and its body cached, answered without asking the database;
/// else the plan is read (and kept), and the body computed by `compute` unless cached, charged
/// to the caller's budget of uncached work.
pub async fn cached_public(
    state: &AppState,
    req: &HttpRequest,
    id: Uuid,
    key: impl Fn(&Plan) -> ApiResult<String> + Send + 'static,
    compute: impl FnOnce(&mut DbConnection, &Plan) -> ApiResult<Rendered> + Send + 'static,
) -> ApiResult<HttpResponse> {
    if let Some(plan) = state.plans.get(&id).filter(|p| is_public(p)) {
        if let Some(hit) = state.summaries.hit(&key(&plan)?) {
            return Ok(hit.response(req, PUBLIC_CACHE));
        }
    }
    let (cache, known, charge) = (state.summaries.clone(), state.plans.clone(), charge(state, req));
    let read_at = known.generation();
    let rendered = state
        .db(move |conn| {
            let plan = known.load(conn, id, read_at)?;
            if !is_public(&plan) {
                return Err(ApiError::not_found("plan"));
            }
            cache.get_or(key(&plan)?, || charge.run(|| compute(conn, &plan)))
        })
        .await?;
    Ok(rendered.response(req, PUBLIC_CACHE))
}

/// The caller's share of the budget of uncached public work ([`crate::web::budget`]).
pub fn charge(state: &AppState, req: &HttpRequest) -> Charge {
    Charge::new(state.public_budget.clone(), crate::web::auth::client_address(req, state.auth.proxies))
}

/// A fiscal year with published reports.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PublishedYear {
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    /// The latest publication of one of the year's reports (for reports imported as published,
    /// when they were imported). Not part of a plan's body, which a republication leaves as is.
    #[serde(skip)]
    pub as_of: DateTime<Utc>,
}

/// The years with published reports of each of `plans`, oldest first (one statement).
pub fn published_years(conn: &mut DbConnection, plans: &[DbUuid]) -> ApiResult<HashMap<DbUuid, Vec<PublishedYear>>> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Nullable, Timestamp};
    // Imported reports were published by the import, which stamps no publication time: their
    // creation is it (never their last update, which a correction's unpublished draft moves).
    let latest = sql::<Nullable<Timestamp>>("MAX(COALESCE(annual_reports.published_at, annual_reports.created_at))");
    let rows: Vec<(DbUuid, i32, Option<chrono::NaiveDateTime>)> = annual_reports::table
        .inner_join(initiatives::table)
        .filter(initiatives::plan_id.eq_any(plans))
        .filter(annual_reports::published_snapshot.is_not_null())
        .group_by((initiatives::plan_id, annual_reports::fiscal_year))
        .select((initiatives::plan_id, annual_reports::fiscal_year, latest))
        .order((initiatives::plan_id, annual_reports::fiscal_year))
        .load(conn)?;
    let mut years: HashMap<DbUuid, Vec<PublishedYear>> = HashMap::new();
    for (plan, fy, as_of) in rows {
        years.entry(plan).or_default().push(PublishedYear {
            fiscal_year: fy,
            fiscal_year_label: fiscal_year::label(fy),
            as_of: crate::db::utc(as_of.unwrap_or_default()),
        });
    }
    Ok(years)
}

/// The years with published reports of one plan, oldest first.
pub fn published_years_of(conn: &mut DbConnection, plan: &Plan) -> ApiResult<Vec<PublishedYear>> {
    Ok(published_years(conn, &[plan.id])?.remove(&plan.id).unwrap_or_default())
}
