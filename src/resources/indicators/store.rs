//! What the twin endpoints of indicators and plan-level targets do, once for both owners:
//! list, create, read, change, delete and revise, each write in one transaction with its audit
//! record.

use actix_web::HttpResponse;
use diesel::prelude::*;
use uuid::Uuid;

use super::input::{input_errors, row_from, Baseline, IndicatorInput, IndicatorPatch, RevisionInput};
use super::views::{view, view_one, IndicatorView};
use crate::db::schema::{indicator_values, indicators};
use crate::db::{now, DbConnection, DbUuid};
use crate::domain::enums::Direction;
use crate::domain::fiscal_year;
use crate::domain::validation::{self, Errors};
use crate::error::{ApiError, ApiResult};
use crate::models::audit::{self, Change, Nothing};
use crate::models::indicators::{
    check_key, load_owned, load_owned_locked, load_values, owned_query, Indicator, Owner, ValuesByIndicator,
};
use crate::resources::reports;
use crate::web::auth::{Caller, Principal};
use crate::web::http::{self, finish_page, IfMatch, PageParams};
use crate::web::policy;
use crate::web::state::AppState;

pub(super) fn list_inner(
    conn: &mut DbConnection,
    owner: Owner,
    page: &http::PageRequest,
) -> ApiResult<(Vec<Indicator>, ValuesByIndicator)> {
    let (plan, initiative) = owner.resolve(conn)?;
    let mut query = owned_query(&plan, initiative).select(Indicator::as_select());
    if let Some((position, id)) = &page.after {
        let position: i32 = position.parse().map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?;
        let id = DbUuid(Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?);
        query = query
            .filter(indicators::position.gt(position).or(indicators::position.eq(position).and(indicators::id.gt(id))));
    }
    let rows: Vec<Indicator> = query.order((indicators::position, indicators::id)).limit(page.limit + 1).load(conn)?;
    let ids: Vec<DbUuid> = rows.iter().map(|r| r.id).collect();
    let values = load_values(conn, &ids)?;
    Ok((rows, values))
}

pub(super) async fn list(
    state: &AppState,
    principal: Principal,
    owner: Owner,
    page: PageParams,
) -> ApiResult<(Vec<IndicatorView>, Option<String>)> {
    let page = page.validate()?;
    let limit = page.limit;
    let (rows, mut values) = state
        .db(move |conn| {
            let (rows, mut values) = list_inner(conn, owner, &page)?;
            if let Owner::Initiative(initiative) = owner {
                for v in values.values_mut() {
                    *v = reports::values::visible_values(conn, &principal, initiative, std::mem::take(v))?;
                }
            }
            Ok((rows, values))
        })
        .await?;
    let (rows, next_cursor) = finish_page(rows, limit, |i: &Indicator| (i.position.to_string(), i.id.to_string()));
    let items = rows
        .into_iter()
        .map(|r| {
            let v = values.remove(&r.id).unwrap_or_default();
            view(r, &v)
        })
        .collect::<ApiResult<_>>()?;
    Ok((items, next_cursor))
}

pub(super) async fn create(
    state: &AppState,
    caller: Caller,
    owner: Owner,
    input: IndicatorInput,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let view = state
        .write(move |conn| {
            let (plan, initiative) = owner.resolve(conn)?;
            policy::write_structure(&principal, &plan)?;
            input_errors(&plan, &input, "").into_result()?;
            check_key(conn, &plan, input.key.as_deref(), None, "/key")?;
            let position = match input.position {
                Some(p) => p,
                None => {
                    let max: Option<i32> =
                        owned_query(&plan, initiative).select(diesel::dsl::max(indicators::position)).first(conn)?;
                    max.map_or(0, |m| m + 1)
                }
            };
            let row = row_from(&plan, initiative, DbUuid(Uuid::now_v7()), &input, position);
            diesel::insert_into(indicators::table).values(&row).execute(conn)?;
            let view = view(row, &[])?;
            audit::record(
                conn,
                &actor,
                Change::<Nothing, _> {
                    action: "create",
                    entity_type: owner.what(),
                    entity_id: view.id,
                    plan_id: Some(plan.id.0),
                    before: None,
                    after: Some(&view),
                },
            )?;
            Ok(view)
        })
        .await?;
    Ok(http::created(&view, owner.location(view.id), view.version))
}

pub(super) async fn get_one(state: &AppState, principal: Principal, owner: Owner, id: Uuid) -> ApiResult<HttpResponse> {
    let view = state
        .db(move |conn| {
            let (_, row) = load_owned(conn, owner, id)?;
            let mut values = load_values(conn, &[row.id])?.remove(&row.id).unwrap_or_default();
            if let Owner::Initiative(initiative) = owner {
                values = reports::values::visible_values(conn, &principal, initiative, values)?;
            }
            view(row, &values)
        })
        .await?;
    Ok(http::ok_with_etag(&view, view.version))
}

pub(super) async fn update(
    state: &AppState,
    caller: Caller,
    owner: Owner,
    id: Uuid,
    if_match: IfMatch,
    patch: IndicatorPatch,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let view = state
        .write(move |conn| {
            let (plan, before) = load_owned_locked(conn, owner, id)?;
            policy::write_structure(&principal, &plan)?;
            let mut input = IndicatorInput {
                key: Some(before.bundle_key.clone()),
                name: before.name.clone(),
                unit: before.unit.clone(),
                direction: Direction::from_db(&before.direction)?,
                tolerance: before.tolerance,
                baseline: before
                    .baseline_fy
                    .zip(before.baseline_value)
                    .map(|(fiscal_year, value)| Baseline { fiscal_year, value }),
                final_target: before.final_target,
                valid_from_fy: before.valid_from_fy,
                valid_to_fy: before.valid_to_fy,
                position: Some(before.position),
            };
            crate::merge_patch!(input, patch, required: [key, name, direction, position], nullable: [unit, tolerance, baseline, final_target, valid_from_fy, valid_to_fy]);
            input_errors(&plan, &input, "").into_result()?;
            check_key(conn, &plan, input.key.as_deref(), Some(before.id), "/key")?;
            check_values_in_range(conn, before.id, input.valid_from_fy, input.valid_to_fy)?;
            let after = Indicator {
                replaces_id: before.replaces_id,
                version: before.version + 1,
                created_at: before.created_at,
                ..row_from(&plan, before.initiative_id, before.id, &input, input.position.unwrap_or(before.position))
            };
            // After validation: an invalid request is answered as invalid, whatever its tag.
            if_match.check(before.version)?;
            // The yearly values are not part of the row: both views read the same ones.
            let before_view = view_one(conn, before.clone())?;
            let after_view = view_one(conn, after.clone())?;
            if audit::unchanged(&before_view, &after_view)? {
                return Ok(before_view);
            }
            let rows =
                diesel::update(indicators::table.find(before.id).filter(indicators::version.eq(before.version)))
                    .set(&after)
                    .execute(conn)?;
            if_match.applied(rows)?;
            audit::record(
                conn,
                &actor,
                Change {
                    action: "update",
                    entity_type: owner.what(),
                    entity_id: id,
                    plan_id: Some(plan.id.0),
                    before: Some(&before_view),
                    after: Some(&after_view),
                },
            )?;
            Ok(after_view)
        })
        .await?;
    Ok(http::ok_with_etag(&view, view.version))
}

/// An indicator's values must stay within its validity range.
pub(super) fn check_values_in_range(
    conn: &mut DbConnection,
    id: DbUuid,
    from: Option<i32>,
    to: Option<i32>,
) -> ApiResult<()> {
    let outside: i64 = indicator_values::table
        .filter(indicator_values::indicator_id.eq(id))
        .filter(
            indicator_values::fiscal_year
                .lt(from.unwrap_or(i32::MIN))
                .or(indicator_values::fiscal_year.gt(to.unwrap_or(i32::MAX))),
        )
        .count()
        .get_result(conn)?;
    if outside > 0 {
        return Err(ApiError::Conflict(format!(
            "{outside} values of this indicator lie outside the new validity range"
        )));
    }
    Ok(())
}

pub(super) async fn remove(
    state: &AppState,
    caller: Caller,
    owner: Owner,
    id: Uuid,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    state
        .write(move |conn| {
            let (plan, before) = load_owned_locked(conn, owner, id)?;
            policy::write_structure(&principal, &plan)?;
            if_match.check(before.version)?;
            let successors: i64 =
                indicators::table.filter(indicators::replaces_id.eq(before.id)).count().get_result(conn)?;
            if successors > 0 {
                return Err(ApiError::Conflict("a revised indicator replaces this one; delete that first".into()));
            }
            let before_view = view_one(conn, before.clone())?;
            let rows = diesel::delete(indicators::table.find(before.id).filter(indicators::version.eq(before.version)))
                .execute(conn)?;
            if_match.applied(rows)?;
            audit::record(
                conn,
                &actor,
                Change::<_, Nothing> {
                    action: "delete",
                    entity_type: owner.what(),
                    entity_id: id,
                    plan_id: Some(plan.id.0),
                    before: Some(&before_view),
                    after: None,
                },
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub(super) async fn revise(
    state: &AppState,
    caller: Caller,
    owner: Owner,
    id: Uuid,
    input: RevisionInput,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let view = state
        .write(move |conn| {
            let (plan, old) = load_owned_locked(conn, owner, id)?;
            policy::write_structure(&principal, &plan)?;
            validation::check(&input)?;
            let mut errors = Errors::default();
            plan.check_fy(&mut errors, "/from_fy", Some(input.from_fy));
            let first = old.valid_from_fy.unwrap_or(plan.start_fy);
            let last = old.valid_to_fy.unwrap_or(plan.end_fy);
            if errors.0.is_empty() && (input.from_fy <= first || input.from_fy > last) {
                errors.add(
                    "/from_fy",
                    "fiscal_year_out_of_range",
                    format!(
                        "must lie after {} and no later than {}",
                        fiscal_year::label(first),
                        fiscal_year::label(last)
                    ),
                );
            }
            errors.into_result()?;
            check_key(conn, &plan, input.key.as_deref(), None, "/key")?;
            let successors: i64 =
                indicators::table.filter(indicators::replaces_id.eq(old.id)).count().get_result(conn)?;
            if successors > 0 {
                return Err(ApiError::Conflict("this indicator has already been revised".into()));
            }
            check_values_in_range(conn, old.id, old.valid_from_fy, Some(input.from_fy - 1))?;
            let old_view = view_one(conn, old.clone())?;
            let closed = Indicator {
                valid_to_fy: Some(input.from_fy - 1),
                version: old.version + 1,
                updated_at: now(),
                ..old.clone()
            };
            let rows = diesel::update(indicators::table.find(old.id).filter(indicators::version.eq(old.version)))
                .set(&closed)
                .execute(conn)?;
            IfMatch::none().applied(rows)?;
            let successor_input = IndicatorInput {
                key: input.key.clone(),
                name: input.name.clone(),
                unit: input.unit.clone().or(old.unit.clone()),
                direction: input.direction.unwrap_or(Direction::from_db(&old.direction)?),
                tolerance: input.tolerance.or(old.tolerance),
                baseline: None,
                final_target: input.final_target,
                valid_from_fy: Some(input.from_fy),
                valid_to_fy: old.valid_to_fy,
                position: Some(old.position),
            };
            let successor = Indicator {
                replaces_id: Some(old.id),
                ..row_from(&plan, old.initiative_id, DbUuid(Uuid::now_v7()), &successor_input, old.position)
            };
            diesel::insert_into(indicators::table).values(&successor).execute(conn)?;
            let closed_view = view_one(conn, closed)?;
            let view = view(successor, &[])?;
            // One write, one event: the old definition as it was, and both results.
            audit::record(
                conn,
                &actor,
                Change {
                    action: "revise",
                    entity_type: owner.what(),
                    entity_id: id,
                    plan_id: Some(plan.id.0),
                    before: Some(&old_view),
                    after: Some(&serde_json::json!({ "closed": closed_view, "successor": view })),
                },
            )?;
            Ok(view)
        })
        .await?;
    Ok(http::created(&view, owner.location(view.id), view.version))
}
