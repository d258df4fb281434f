//! Yearly values of indicators (実績値 / 目標値) and of plan-level targets, with their achievement.
//!
//! An initiative's indicator values belong to that year's report: they are written while it is
//! a draft (or returned), writing one creates the draft report when there is none, and every
//! change is a revision of the report. Plan-level targets belong to the plan: their history is
//! the audit trail.

use std::collections::HashMap;

use actix_web::{get, put, web, HttpResponse};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::change::{check_stored, check_validity, Precondition, ReportChange, ValueInput};
use super::context::Context;
use super::write::{self, value_changes};
use crate::db::schema::{annual_reports, indicator_values};
use crate::db::{now, utc, DbConnection, DbUuid};
use crate::domain::achievement::{self, Achievement};
use crate::domain::enums::Direction;
use crate::domain::fiscal_year;
use crate::error::{self, ApiError, ApiResult};
use crate::models::audit::{self, Change};
use crate::models::indicators::{load_owned, load_owned_locked, Indicator, IndicatorValue, Owner};
use crate::models::reports::Report;
use crate::web::auth::{Caller, Principal};
use crate::web::http::{self, finish_page, IfMatch, JsonBody, PageParams};
use crate::web::policy::{self, ReportSight};
use crate::web::state::AppState;

/// An indicator's target and actual for one fiscal year, with its achievement.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IndicatorValueEntry {
    pub indicator_id: Uuid,
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    pub target: Option<f64>,
    #[schema(example = 2300)]
    pub actual: Option<f64>,
    #[schema(example = "2,300")]
    pub raw: Option<String>,
    pub achievement: Achievement,
    pub version: i32,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

crate::list_type!(IndicatorValueList, IndicatorValueEntry);

fn entry(ind: &Indicator, v: &IndicatorValue) -> ApiResult<IndicatorValueEntry> {
    let direction = Direction::from_db(&ind.direction)?;
    Ok(IndicatorValueEntry {
        indicator_id: ind.id.0,
        fiscal_year: v.fiscal_year,
        fiscal_year_label: fiscal_year::label(v.fiscal_year),
        target: v.target,
        actual: v.actual,
        raw: v.raw.clone(),
        achievement: achievement::evaluate(direction, ind.tolerance, v.target, v.actual),
        version: v.version,
        updated_at: utc(v.updated_at),
    })
}

fn find_value(conn: &mut DbConnection, indicator: DbUuid, fy: i32) -> ApiResult<Option<IndicatorValue>> {
    Ok(indicator_values::table
        .filter(indicator_values::indicator_id.eq(indicator).and(indicator_values::fiscal_year.eq(fy)))
        .select(IndicatorValue::as_select())
        .first(conn)
        .optional()?)
}

/// Checks `If-Match` against the stored value, and writes the new one unless it is the same
/// (a plan-level target's value: one row, conditional on the version read). Returns whether
/// anything was written.
fn store(
    conn: &mut DbConnection,
    indicator: DbUuid,
    fy: i32,
    existing: Option<&IndicatorValue>,
    input: &ValueInput,
    if_match: &IfMatch,
) -> ApiResult<bool> {
    check_stored(if_match, existing.map(|v| v.version))?;
    if !value_changes(existing, input, false) {
        return Ok(false);
    }
    let ts = now();
    match existing {
        Some(v) => {
            let rows =
                diesel::update(indicator_values::table.find(v.id).filter(indicator_values::version.eq(v.version)))
                    .set((
                        indicator_values::target.eq(input.target),
                        indicator_values::actual.eq(input.actual),
                        indicator_values::raw.eq(&input.raw),
                        indicator_values::version.eq(v.version + 1),
                        indicator_values::updated_at.eq(ts),
                    ))
                    .execute(conn)?;
            if_match.applied(rows)?;
        }
        None => {
            diesel::insert_into(indicator_values::table)
                .values(&IndicatorValue {
                    id: DbUuid(Uuid::now_v7()),
                    indicator_id: indicator,
                    fiscal_year: fy,
                    target: input.target,
                    actual: input.actual,
                    raw: input.raw.clone(),
                    version: 1,
                    created_at: ts,
                    updated_at: ts,
                })
                .execute(conn)?;
        }
    }
    Ok(true)
}

/// Put an indicator's value for a fiscal year
///
/// Target, actual and the cell as printed. The fiscal year must lie in the indicator's validity
/// (a revised indicator keeps its old years; the new one starts at its `valid_from_fy`) and in
/// the initiative's active range. The value is part of that year's report: it is written while
/// the report is `draft` or `returned`, and a draft report is created when there is none.
/// Sending the same value again changes nothing. `If-Match` takes the value's ETag.
///
/// Roles: the responsible departments or council; admin.
#[utoipa::path(
    tag = "reports",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("indicator_id" = Uuid, Path, description = "Indicator id"),
           ("fiscal_year" = i32, Path, minimum = 1989, maximum = 2200, description = "Fiscal year", example = 2022),
           ("If-Match" = Option<String>, Header, description = "ETag of the value being changed")),
    request_body(content = ValueInput, example = json!({"target": 2000, "actual": 2300, "raw": "2,300"})),
    responses(
        (status = 200, description = "The value as stored", body = IndicatorValueEntry, headers(("ETag" = String, description = "The value's version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[put("/initiatives/{initiative_id}/indicators/{indicator_id}/values/{fiscal_year}")]
pub async fn put_indicator_value(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid, i32)>,
    if_match: IfMatch,
    body: JsonBody<ValueInput>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    policy::write_some_initiative_data(&principal)?;
    let (initiative, indicator, fy) = path.into_inner();
    let input = body.read().await?.checked()?;
    let entry = state
        .write(move |conn| {
            let (_, ind) = load_owned_locked(conn, Owner::Initiative(initiative), indicator)?;
            let ctx = Context::load(conn, initiative, false)?;
            let change = ReportChange {
                fields: None,
                quarters: Vec::new(),
                values: vec![(ind.id, input)],
                precondition: Precondition::Value(if_match),
                sparse: false,
            };
            write::apply(conn, &principal, &actor, &ctx, fy, change)?;
            let stored = find_value(conn, ind.id, fy)?.ok_or_else(|| ApiError::Internal("value vanished".into()))?;
            entry(&ind, &stored)
        })
        .await?;
    Ok(http::ok_with_etag(&entry, entry.version))
}

/// Put a plan-level target's value for a fiscal year
///
/// Target, actual and the cell as printed, for a plan-level target (計画期間の目標). The fiscal
/// year must lie in the target's validity (by default the plan period). Sending the same value
/// again changes nothing. `If-Match` takes the value's ETag.
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "reports",
    params(("plan_id" = Uuid, Path, description = "Plan id"),
           ("target_id" = Uuid, Path, description = "Target id"),
           ("fiscal_year" = i32, Path, minimum = 1989, maximum = 2200, description = "Fiscal year", example = 2022),
           ("If-Match" = Option<String>, Header, description = "ETag of the value being changed")),
    request_body(content = ValueInput, example = json!({"target": 2600, "actual": 2512, "raw": "2,512"})),
    responses(
        (status = 200, description = "The value as stored", body = IndicatorValueEntry, headers(("ETag" = String, description = "The value's version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[put("/plans/{plan_id}/targets/{target_id}/values/{fiscal_year}")]
pub async fn put_target_value(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid, i32)>,
    if_match: IfMatch,
    body: JsonBody<ValueInput>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    policy::write_some_plan_target_values(&principal)?;
    let (plan_id, target, fy) = path.into_inner();
    let input = body.read().await?.checked()?;
    let entry = state
        .write(move |conn| {
            let (plan, ind) = load_owned_locked(conn, Owner::Plan(plan_id), target)?;
            policy::write_plan_target_values(&principal, &plan)?;
            check_validity(&plan, &ind, fy)?;
            let existing = find_value(conn, ind.id, fy)?;
            let before = existing.as_ref().map(|v| entry(&ind, v)).transpose()?;
            if store(conn, ind.id, fy, existing.as_ref(), &input, &if_match)? {
                let stored =
                    find_value(conn, ind.id, fy)?.ok_or_else(|| ApiError::Internal("value vanished".into()))?;
                let after = entry(&ind, &stored)?;
                audit::record(
                    conn,
                    &actor,
                    Change {
                        action: if before.is_some() { "update" } else { "create" },
                        entity_type: "indicator_value",
                        entity_id: stored.id.0,
                        plan_id: Some(plan.id.0),
                        before: before.as_ref(),
                        after: Some(&after),
                    },
                )?;
                return Ok(after);
            }
            before.ok_or_else(|| ApiError::Internal("value vanished".into()))
        })
        .await?;
    Ok(http::ok_with_etag(&entry, entry.version))
}

/// An initiative's indicator values as the caller may see them: the years whose report it sees
/// as it is, the published values where it sees the last published edition, nothing of a draft.
pub fn visible_values(
    conn: &mut DbConnection,
    p: &Principal,
    initiative: Uuid,
    values: Vec<IndicatorValue>,
) -> ApiResult<Vec<IndicatorValue>> {
    if p.role == crate::web::auth::Role::Admin || values.is_empty() {
        return Ok(values);
    }
    let ctx = Context::load(conn, initiative, false)?;
    let reports: HashMap<i32, Report> = annual_reports::table
        .filter(annual_reports::initiative_id.eq(ctx.initiative.id))
        .select(Report::as_select())
        .load::<Report>(conn)?
        .into_iter()
        .map(|r| (r.fiscal_year, r))
        .collect();
    let mut out = Vec::new();
    for v in values {
        let Some(report) = reports.get(&v.fiscal_year) else {
            out.push(v);
            continue;
        };
        match ctx.sight(p, report)? {
            ReportSight::Current => out.push(v),
            ReportSight::LastPublished => {
                // The value as published, with the row's version and time then; a row written
                // since (in the correction) is not shown.
                let published = super::views::published_contents(report)?;
                let Some(shown) = published.indicator_values.iter().find(|x| x.indicator_id == v.indicator_id.0) else {
                    continue;
                };
                let (version, updated_at) = match super::views::published_value_stamps(report)? {
                    Some(stamps) => match stamps.iter().find(|s| s.indicator_id == v.indicator_id.0) {
                        Some(stamp) => (stamp.version, stamp.updated_at),
                        None => continue,
                    },
                    // Published before stamps were kept: the row as it is, unless it is empty
                    // in the published edition.
                    None if shown.target.is_none() && shown.actual.is_none() && shown.raw.is_none() => continue,
                    None => (v.version, v.updated_at),
                };
                out.push(IndicatorValue {
                    target: shown.target,
                    actual: shown.actual,
                    raw: shown.raw.clone(),
                    version,
                    updated_at,
                    ..v
                });
            }
            ReportSight::Hidden => {}
        }
    }
    Ok(out)
}

/// One page of `entries`, by fiscal year.
fn page_of(entries: Vec<IndicatorValueEntry>, page: PageParams) -> ApiResult<IndicatorValueList> {
    let page = page.validate()?;
    let after: i32 = match &page.after {
        Some((fy, _)) => fy.parse().map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?,
        None => i32::MIN,
    };
    let rows: Vec<IndicatorValueEntry> =
        entries.into_iter().filter(|e| e.fiscal_year > after).take(page.limit as usize + 1).collect();
    let (items, next_cursor) = finish_page(rows, page.limit, |e| (e.fiscal_year.to_string(), String::new()));
    Ok(IndicatorValueList { items, next_cursor })
}

fn all_values(conn: &mut DbConnection, ind: &Indicator) -> ApiResult<Vec<IndicatorValue>> {
    Ok(indicator_values::table
        .filter(indicator_values::indicator_id.eq(ind.id))
        .order(indicator_values::fiscal_year)
        .select(IndicatorValue::as_select())
        .load(conn)?)
}

/// List an indicator's values
///
/// Every fiscal year's target and actual, oldest first, with achievement. The committee and
/// other departments see the years whose report has been handed in (and while a correction is
/// prepared, the value as published, with its version and time then; a value first written in
/// the correction is not listed).
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "reports",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("indicator_id" = Uuid, Path, description = "Indicator id"), PageParams),
    responses(
        (status = 200, description = "One page of values", body = IndicatorValueList),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/initiatives/{initiative_id}/indicators/{indicator_id}/values")]
pub async fn list_indicator_values(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<IndicatorValueList>> {
    policy::read_internal(&principal)?;
    let (initiative, indicator) = path.into_inner();
    let entries = state
        .db(move |conn| {
            let (_, ind) = load_owned(conn, Owner::Initiative(initiative), indicator)?;
            let values = all_values(conn, &ind)?;
            visible_values(conn, &principal, initiative, values)?
                .iter()
                .map(|v| entry(&ind, v))
                .collect::<ApiResult<Vec<_>>>()
        })
        .await?;
    Ok(web::Json(page_of(entries, page.into_inner())?))
}

/// List a plan-level target's values
///
/// Every fiscal year's target and actual, oldest first, with achievement.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "reports",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ("target_id" = Uuid, Path, description = "Target id"), PageParams),
    responses(
        (status = 200, description = "One page of values", body = IndicatorValueList),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/plans/{plan_id}/targets/{target_id}/values")]
pub async fn list_target_values(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<IndicatorValueList>> {
    policy::read_internal(&principal)?;
    let (plan, target) = path.into_inner();
    let entries = state
        .db(move |conn| {
            let (_, ind) = load_owned(conn, Owner::Plan(plan), target)?;
            all_values(conn, &ind)?.iter().map(|v| entry(&ind, v)).collect::<ApiResult<Vec<_>>>()
        })
        .await?;
    Ok(web::Json(page_of(entries, page.into_inner())?))
}
