//! Indicators as stored — of an initiative, or plan-level targets ([`Owner`]) — with their yearly
//! values, and the loaders that find them through their owner.

use std::collections::HashMap;

use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{indicator_values, indicators};
use crate::db::{DbConnection, DbUuid};
use crate::domain::validation::Tidy;
use crate::error::{ApiError, ApiResult};
use crate::models::initiatives;
use crate::models::plans::{self, Plan};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = indicators, treat_none_as_null = true)]
pub struct Indicator {
    pub id: DbUuid,
    pub plan_id: DbUuid,
    pub initiative_id: Option<DbUuid>,
    pub bundle_key: String,
    pub name: String,
    pub unit: Option<String>,
    pub direction: String,
    pub tolerance: Option<f64>,
    pub baseline_value: Option<f64>,
    pub baseline_fy: Option<i32>,
    pub final_target: Option<f64>,
    pub valid_from_fy: Option<i32>,
    pub valid_to_fy: Option<i32>,
    pub replaces_id: Option<DbUuid>,
    pub position: i32,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = indicator_values, treat_none_as_default_value = false)]
pub struct IndicatorValue {
    pub id: DbUuid,
    pub indicator_id: DbUuid,
    pub fiscal_year: i32,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub raw: Option<String>,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

/// Who owns an indicator: an initiative, or the plan (a plan-level target).
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    Initiative(Uuid),
    Plan(Uuid),
}

impl Owner {
    pub fn what(self) -> &'static str {
        match self {
            Owner::Initiative(_) => "indicator",
            Owner::Plan(_) => "target",
        }
    }

    /// Loads the owner's plan (404 when the owner does not exist) and the owner's initiative id.
    pub fn resolve(self, conn: &mut DbConnection) -> ApiResult<(Plan, Option<DbUuid>)> {
        match self {
            Owner::Initiative(id) => {
                let initiative = initiatives::load(conn, id)?;
                Ok((plans::load(conn, initiative.plan_id.0)?, Some(initiative.id)))
            }
            Owner::Plan(id) => Ok((plans::load(conn, id)?, None)),
        }
    }

    pub fn location(self, id: Uuid) -> String {
        match self {
            Owner::Initiative(o) => format!("/api/v1/initiatives/{o}/indicators/{id}"),
            Owner::Plan(o) => format!("/api/v1/plans/{o}/targets/{id}"),
        }
    }
}

pub fn owned_query(
    plan: &Plan,
    initiative: Option<DbUuid>,
) -> indicators::BoxedQuery<'static, crate::db::MultiBackend> {
    let query = indicators::table.filter(indicators::plan_id.eq(plan.id)).into_boxed();
    match initiative {
        Some(i) => query.filter(indicators::initiative_id.eq(i)),
        None => query.filter(indicators::initiative_id.is_null()),
    }
}

/// For a write: the plan's row is locked first, then the indicator is read (see [`plans::load_locked`]).
pub fn load_owned_locked(conn: &mut DbConnection, owner: Owner, id: Uuid) -> ApiResult<(Plan, Indicator)> {
    let (plan, _) = owner.resolve(conn)?;
    plans::load_locked(conn, plan.id.0)?;
    load_owned(conn, owner, id)
}

pub fn load_owned(conn: &mut DbConnection, owner: Owner, id: Uuid) -> ApiResult<(Plan, Indicator)> {
    let (plan, initiative) = owner.resolve(conn)?;
    let row = owned_query(&plan, initiative)
        .filter(indicators::id.eq(DbUuid(id)))
        .select(Indicator::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found(owner.what()))?;
    Ok((plan, row))
}

/// Yearly values grouped by indicator, oldest FY first.
pub type ValuesByIndicator = HashMap<DbUuid, Vec<IndicatorValue>>;

/// Values of many indicators in one query, grouped, oldest FY first.
pub fn load_values(conn: &mut DbConnection, ids: &[DbUuid]) -> ApiResult<ValuesByIndicator> {
    let mut out: HashMap<DbUuid, Vec<IndicatorValue>> = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<IndicatorValue> = indicator_values::table
            .filter(indicator_values::indicator_id.eq_any(chunk))
            .order((indicator_values::indicator_id, indicator_values::fiscal_year))
            .select(IndicatorValue::as_select())
            .load(conn)?;
        for r in rows {
            out.entry(r.indicator_id).or_default().push(r);
        }
    }
    Ok(out)
}

pub fn check_key(
    conn: &mut DbConnection,
    plan: &Plan,
    key: Option<&str>,
    except: Option<DbUuid>,
    field: &str,
) -> ApiResult<()> {
    let Some(key) = key else { return Ok(()) };
    let existing: Option<DbUuid> = indicators::table
        .filter(indicators::plan_id.eq(plan.id).and(indicators::bundle_key.eq(key.tidy())))
        .select(indicators::id)
        .first(conn)
        .optional()?;
    if existing.is_some() && existing != except {
        return Err(ApiError::invalid(field, "duplicate", format!("key {} is already used in this plan", key.tidy())));
    }
    Ok(())
}
