//! Indicators (実績の指標) of initiatives, and plan-level targets (計画期間の目標): the same
//! model, owned by an initiative or by the plan. A revision (見直し) closes an indicator at the
//! FY before the change and opens its successor; both keep their values.

use std::collections::HashMap;

use actix_web::{delete, get, patch, post, web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::audit::{self, Change, Nothing};
use crate::auth::{Caller, Principal};
use crate::db::{DbConnection, DbUuid};
use crate::enums::Direction;
use crate::error::{self, ApiError, ApiResult};
use crate::fiscal_year;
use crate::http::{self, finish_page, patch_field, IfMatch, JsonBody, MergePatch, PageParams};
use crate::policy;
use crate::resources::plans::{self, Plan};
use crate::resources::{initiatives, reports};
use crate::schema::{indicator_values, indicators};
use crate::state::{now, utc, AppState};
use crate::validation::{self, Errors, Tidy};

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
#[diesel(table_name = indicator_values)]
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

/// The value before the plan (現状), e.g. 2,431 members in FY2017.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    #[validate(range(min = 1989, max = 2200))]
    #[schema(example = 2017, minimum = 1989, maximum = 2200)]
    pub fiscal_year: i32,
    #[validate(custom(function = "validation::sane_number"))]
    #[schema(example = 2431)]
    pub value: f64,
}

/// A target and an actual for one fiscal year. `raw` keeps the cell as printed (`15/664`, `12 書面会議`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IndicatorValueView {
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    pub target: Option<f64>,
    #[schema(example = 2300)]
    pub actual: Option<f64>,
    #[schema(example = "2,300 1,990")]
    pub raw: Option<String>,
}

/// An indicator of an initiative, or a plan-level target (then `initiative_id` is `null`).
#[derive(Debug, Serialize, ToSchema)]
pub struct IndicatorView {
    pub id: Uuid,
    pub plan_id: Uuid,
    pub initiative_id: Option<Uuid>,
    /// Stable key within the plan (plan bundles refer to indicators by it).
    #[schema(example = "1-1")]
    pub key: String,
    #[schema(example = "発行部数")]
    pub name: String,
    #[schema(example = "部")]
    pub unit: Option<String>,
    pub direction: Direction,
    #[schema(example = "増加")]
    pub direction_label: String,
    /// Allowed distance from the target for `maintain` (default 0).
    pub tolerance: Option<f64>,
    pub baseline: Option<Baseline>,
    pub baseline_fiscal_year_label: Option<String>,
    /// Target at the end of the plan period.
    pub final_target: Option<f64>,
    /// First FY the definition applies to (`null`: from the plan start).
    pub valid_from_fy: Option<i32>,
    pub valid_from_fy_label: Option<String>,
    /// Last FY the definition applies to (`null`: to the plan end).
    pub valid_to_fy: Option<i32>,
    pub valid_to_fy_label: Option<String>,
    /// The indicator this one revised (見直し).
    pub replaces_id: Option<Uuid>,
    pub position: i32,
    /// Yearly targets and actuals, oldest first.
    pub values: Vec<IndicatorValueView>,
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

pub fn value_view(v: &IndicatorValue) -> IndicatorValueView {
    IndicatorValueView {
        fiscal_year: v.fiscal_year,
        fiscal_year_label: fiscal_year::label(v.fiscal_year),
        target: v.target,
        actual: v.actual,
        raw: v.raw.clone(),
    }
}

pub fn view(i: Indicator, values: &[IndicatorValue]) -> ApiResult<IndicatorView> {
    let direction = Direction::from_db(&i.direction)?;
    let baseline = i.baseline_fy.zip(i.baseline_value).map(|(fiscal_year, value)| Baseline { fiscal_year, value });
    Ok(IndicatorView {
        id: i.id.0,
        plan_id: i.plan_id.0,
        initiative_id: i.initiative_id.map(|x| x.0),
        key: i.bundle_key,
        name: i.name,
        unit: i.unit,
        direction,
        direction_label: direction.label().to_string(),
        tolerance: i.tolerance,
        baseline_fiscal_year_label: baseline.as_ref().map(|b| fiscal_year::label(b.fiscal_year)),
        baseline,
        final_target: i.final_target,
        valid_from_fy: i.valid_from_fy,
        valid_from_fy_label: i.valid_from_fy.map(fiscal_year::label),
        valid_to_fy: i.valid_to_fy,
        valid_to_fy_label: i.valid_to_fy.map(fiscal_year::label),
        replaces_id: i.replaces_id.map(|x| x.0),
        position: i.position,
        values: values.iter().map(value_view).collect(),
        version: i.version,
        created_at: utc(i.created_at),
        updated_at: utc(i.updated_at),
    })
}

/// A new indicator or plan-level target.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct IndicatorInput {
    /// Stable key within the plan; default the new indicator's id.
    #[validate(length(min = 1, max = 100), custom(function = "validation::not_blank"))]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub key: Option<String>,
    #[validate(length(min = 1, max = 300), custom(function = "validation::not_blank"))]
    #[schema(example = "発行部数", min_length = 1, max_length = 300, pattern = r"\S")]
    pub name: String,
    #[validate(length(max = 50))]
    #[schema(example = "部", max_length = 50)]
    pub unit: Option<String>,
    /// Default `increase`.
    #[serde(default = "increase")]
    pub direction: Direction,
    #[validate(range(min = 0.0))]
    #[schema(minimum = 0.0)]
    pub tolerance: Option<f64>,
    #[validate(nested)]
    pub baseline: Option<Baseline>,
    #[validate(custom(function = "validation::sane_number"))]
    pub final_target: Option<f64>,
    #[validate(range(min = 1989, max = 2200))]
    #[schema(minimum = 1989, maximum = 2200)]
    pub valid_from_fy: Option<i32>,
    #[validate(range(min = 1989, max = 2200))]
    #[schema(minimum = 1989, maximum = 2200)]
    pub valid_to_fy: Option<i32>,
    /// Order among the owner's indicators (上段 = 0); default last.
    #[validate(range(min = 0, max = 10000))]
    #[schema(minimum = 0, maximum = 10000)]
    pub position: Option<i32>,
}

fn increase() -> Direction {
    Direction::Increase
}

/// Changes to an indicator (JSON merge patch).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorPatch {
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 100, pattern = r"\S")]
    pub key: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 300, pattern = r"\S")]
    pub name: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 50)]
    pub unit: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Direction, required = false)]
    pub direction: Option<Option<Direction>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<f64>, minimum = 0.0)]
    pub tolerance: Option<Option<f64>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<Baseline>)]
    pub baseline: Option<Option<Baseline>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<f64>)]
    pub final_target: Option<Option<f64>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<i32>, minimum = 1989, maximum = 2200)]
    pub valid_from_fy: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<i32>, minimum = 1989, maximum = 2200)]
    pub valid_to_fy: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = i32, required = false, minimum = 0, maximum = 10000)]
    pub position: Option<Option<i32>>,
}

/// A revision (見直し): the definition changes from `from_fy`.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct RevisionInput {
    /// First FY of the new definition; the old one ends the FY before.
    #[validate(range(min = 1989, max = 2200))]
    #[schema(example = 2022, minimum = 1989, maximum = 2200)]
    pub from_fy: i32,
    #[validate(length(min = 1, max = 100), custom(function = "validation::not_blank"))]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub key: Option<String>,
    #[validate(length(min = 1, max = 300), custom(function = "validation::not_blank"))]
    #[schema(example = "福祉事務所内専門職等配置数", min_length = 1, max_length = 300, pattern = r"\S")]
    pub name: String,
    /// Default: the old indicator's unit.
    #[validate(length(max = 50))]
    #[schema(max_length = 50)]
    pub unit: Option<String>,
    /// Default: the old indicator's direction.
    pub direction: Option<Direction>,
    #[validate(range(min = 0.0))]
    #[schema(minimum = 0.0)]
    pub tolerance: Option<f64>,
    #[validate(custom(function = "validation::sane_number"))]
    pub final_target: Option<f64>,
}

crate::list_type!(IndicatorList, IndicatorView);
crate::list_type!(TargetList, IndicatorView);

/// Who owns an indicator: an initiative, or the plan (a plan-level target).
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    Initiative(Uuid),
    Plan(Uuid),
}

impl Owner {
    fn what(self) -> &'static str {
        match self {
            Owner::Initiative(_) => "indicator",
            Owner::Plan(_) => "target",
        }
    }

    /// Loads the owner's plan (404 when the owner does not exist) and the owner's initiative id.
    fn resolve(self, conn: &mut DbConnection) -> ApiResult<(Plan, Option<DbUuid>)> {
        match self {
            Owner::Initiative(id) => {
                let initiative = initiatives::load(conn, id)?;
                Ok((plans::load(conn, initiative.plan_id.0)?, Some(initiative.id)))
            }
            Owner::Plan(id) => Ok((plans::load(conn, id)?, None)),
        }
    }

    fn location(self, id: Uuid) -> String {
        match self {
            Owner::Initiative(o) => format!("/api/v1/initiatives/{o}/indicators/{id}"),
            Owner::Plan(o) => format!("/api/v1/plans/{o}/targets/{id}"),
        }
    }
}

fn owned_query(plan: &Plan, initiative: Option<DbUuid>) -> indicators::BoxedQuery<'static, crate::db::MultiBackend> {
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

fn view_one(conn: &mut DbConnection, row: Indicator) -> ApiResult<IndicatorView> {
    let values = load_values(conn, &[row.id])?.remove(&row.id).unwrap_or_default();
    view(row, &values)
}

/// Field rules plus the plan period for the validity range.
pub fn input_errors(plan: &Plan, input: &IndicatorInput, prefix: &str) -> Errors {
    let mut errors = Errors(validation::errors_of(input, prefix));
    plan.check_fy(&mut errors, &format!("{prefix}/valid_from_fy"), input.valid_from_fy);
    plan.check_fy(&mut errors, &format!("{prefix}/valid_to_fy"), input.valid_to_fy);
    errors.fy_order(&format!("{prefix}/valid_to_fy"), input.valid_from_fy, input.valid_to_fy);
    errors
}

fn check_key(
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

/// The row for a validated input.
pub fn row_from(
    plan: &Plan,
    initiative: Option<DbUuid>,
    id: DbUuid,
    input: &IndicatorInput,
    position: i32,
) -> Indicator {
    let ts = now();
    Indicator {
        id,
        plan_id: plan.id,
        initiative_id: initiative,
        bundle_key: input.key.as_deref().map(Tidy::tidy).map(str::to_string).unwrap_or_else(|| id.to_string()),
        name: input.name.tidy().to_string(),
        unit: input.unit.clone(),
        direction: input.direction.as_str().to_string(),
        tolerance: input.tolerance,
        baseline_value: input.baseline.as_ref().map(|b| b.value),
        baseline_fy: input.baseline.as_ref().map(|b| b.fiscal_year),
        final_target: input.final_target,
        valid_from_fy: input.valid_from_fy,
        valid_to_fy: input.valid_to_fy,
        replaces_id: None,
        position,
        version: 1,
        created_at: ts,
        updated_at: ts,
    }
}

fn list_inner(
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

async fn list(
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

async fn create(state: &AppState, caller: Caller, owner: Owner, input: IndicatorInput) -> ApiResult<HttpResponse> {
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

async fn get_one(state: &AppState, principal: Principal, owner: Owner, id: Uuid) -> ApiResult<HttpResponse> {
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

async fn update(
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
fn check_values_in_range(conn: &mut DbConnection, id: DbUuid, from: Option<i32>, to: Option<i32>) -> ApiResult<()> {
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

async fn remove(
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

async fn revise(
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

/// List an initiative's indicators
///
/// In stacking order (上段, 中段, 下段), each with its yearly values.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "indicators",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"), PageParams),
    responses(
        (status = 200, description = "One page of indicators", body = IndicatorList),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/initiatives/{initiative_id}/indicators")]
pub async fn list_indicators(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<IndicatorList>> {
    policy::read_internal(&principal)?;
    let (items, next_cursor) = list(&state, principal, Owner::Initiative(path.into_inner()), page.into_inner()).await?;
    Ok(web::Json(IndicatorList { items, next_cursor }))
}

/// Create an indicator
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("initiative_id" = Uuid, Path, description = "Initiative id")),
    request_body(content = IndicatorInput, example = json!({"name": "発行部数", "unit": "部", "direction": "increase"})),
    responses(
        (status = 201, description = "Created", body = IndicatorView,
            headers(("Location" = String, description = "URL of the new indicator"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetIndicator" = (operation_id = "get_indicator", parameters(("initiative_id" = "$request.path.initiative_id"), ("indicator_id" = "$response.body#/id")))),
                ("UpdateIndicator" = (operation_id = "update_indicator", parameters(("initiative_id" = "$request.path.initiative_id"), ("indicator_id" = "$response.body#/id")))),
                ("DeleteIndicator" = (operation_id = "delete_indicator", parameters(("initiative_id" = "$request.path.initiative_id"), ("indicator_id" = "$response.body#/id")))),
                ("ReviseIndicator" = (operation_id = "revise_indicator", parameters(("initiative_id" = "$request.path.initiative_id"), ("indicator_id" = "$response.body#/id")))),
            )),
        (status = 404, response = error::NotFound),
    )
)]
#[post("/initiatives/{initiative_id}/indicators")]
pub async fn create_indicator(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    body: JsonBody<IndicatorInput>,
) -> ApiResult<HttpResponse> {
    policy::write_some_structure(&caller.principal)?;
    let input = body.read().await?;
    create(&state, caller, Owner::Initiative(path.into_inner()), input).await
}

/// Get an indicator
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "indicators",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"), ("indicator_id" = Uuid, Path, description = "Indicator id")),
    responses(
        (status = 200, description = "The indicator with its values", body = IndicatorView, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/initiatives/{initiative_id}/indicators/{indicator_id}")]
pub async fn get_indicator(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let (owner, id) = path.into_inner();
    get_one(&state, principal, Owner::Initiative(owner), id).await
}

/// Update an indicator
///
/// JSON merge patch. To change what an indicator measures from some FY on, create a revision instead.
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"), ("indicator_id" = Uuid, Path, description = "Indicator id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = IndicatorPatch, content_type = "application/merge-patch+json", example = json!({"unit": "部"})),
    responses(
        (status = 200, description = "Updated", body = IndicatorView, headers(("ETag" = String, description = "New version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[patch("/initiatives/{initiative_id}/indicators/{indicator_id}")]
pub async fn update_indicator(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
    body: MergePatch<IndicatorPatch>,
) -> ApiResult<HttpResponse> {
    let (owner, id) = path.into_inner();
    policy::write_some_structure(&caller.principal)?;
    let input = body.read().await?;
    update(&state, caller, Owner::Initiative(owner), id, if_match, input).await
}

/// Delete an indicator
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"), ("indicator_id" = Uuid, Path, description = "Indicator id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[delete("/initiatives/{initiative_id}/indicators/{indicator_id}")]
pub async fn delete_indicator(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (owner, id) = path.into_inner();
    remove(&state, caller, Owner::Initiative(owner), id, if_match).await
}

/// Revise an indicator (見直し)
///
/// Closes the indicator at the FY before `from_fy` and creates its successor from `from_fy`.
/// Both keep their values; values of the old indicator at or after `from_fy` make this a 409.
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"), ("indicator_id" = Uuid, Path, description = "Indicator id")),
    request_body(content = RevisionInput, example = json!({"from_fy": 2022, "name": "福祉事務所内専門職等配置数", "unit": "人"})),
    responses(
        (status = 201, description = "The successor", body = IndicatorView,
            headers(("Location" = String, description = "URL of the successor"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetSuccessor" = (operation_id = "get_indicator", parameters(("initiative_id" = "$request.path.initiative_id"), ("indicator_id" = "$response.body#/id")))),
                ("UpdateSuccessor" = (operation_id = "update_indicator", parameters(("initiative_id" = "$request.path.initiative_id"), ("indicator_id" = "$response.body#/id")))),
            )),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[post("/initiatives/{initiative_id}/indicators/{indicator_id}/revisions")]
pub async fn revise_indicator(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    body: JsonBody<RevisionInput>,
) -> ApiResult<HttpResponse> {
    let (owner, id) = path.into_inner();
    policy::write_some_structure(&caller.principal)?;
    let input = body.read().await?;
    revise(&state, caller, Owner::Initiative(owner), id, input).await
}

/// List a plan's targets
///
/// Plan-level targets (計画期間の目標) with baseline, final target and yearly values.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "indicators",
    params(("plan_id" = Uuid, Path, description = "Plan id"), PageParams),
    responses(
        (status = 200, description = "One page of targets (their `initiative_id` is `null`)", body = TargetList),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/plans/{plan_id}/targets")]
pub async fn list_targets(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<TargetList>> {
    policy::read_internal(&principal)?;
    let (items, next_cursor) = list(&state, principal, Owner::Plan(path.into_inner()), page.into_inner()).await?;
    Ok(web::Json(TargetList { items, next_cursor }))
}

/// Create a plan target
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("plan_id" = Uuid, Path, description = "Plan id")),
    request_body(content = IndicatorInput, example = json!({
        "name": "会員数", "unit": "人", "direction": "increase",
        "baseline": {"fiscal_year": 2017, "value": 2431}, "final_target": 3000
    })),
    responses(
        (status = 201, description = "Created", body = IndicatorView,
            headers(("Location" = String, description = "URL of the new target"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetTarget" = (operation_id = "get_target", parameters(("plan_id" = "$request.path.plan_id"), ("target_id" = "$response.body#/id")))),
                ("UpdateTarget" = (operation_id = "update_target", parameters(("plan_id" = "$request.path.plan_id"), ("target_id" = "$response.body#/id")))),
                ("DeleteTarget" = (operation_id = "delete_target", parameters(("plan_id" = "$request.path.plan_id"), ("target_id" = "$response.body#/id")))),
                ("ReviseTarget" = (operation_id = "revise_target", parameters(("plan_id" = "$request.path.plan_id"), ("target_id" = "$response.body#/id")))),
            )),
        (status = 404, response = error::NotFound),
    )
)]
#[post("/plans/{plan_id}/targets")]
pub async fn create_target(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    body: JsonBody<IndicatorInput>,
) -> ApiResult<HttpResponse> {
    policy::write_some_structure(&caller.principal)?;
    let input = body.read().await?;
    create(&state, caller, Owner::Plan(path.into_inner()), input).await
}

/// Get a plan target
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "indicators",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ("target_id" = Uuid, Path, description = "Target id")),
    responses(
        (status = 200, description = "The target with its values", body = IndicatorView, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/plans/{plan_id}/targets/{target_id}")]
pub async fn get_target(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let (owner, id) = path.into_inner();
    get_one(&state, principal, Owner::Plan(owner), id).await
}

/// Update a plan target
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ("target_id" = Uuid, Path, description = "Target id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = IndicatorPatch, content_type = "application/merge-patch+json", example = json!({"final_target": 3000})),
    responses(
        (status = 200, description = "Updated", body = IndicatorView, headers(("ETag" = String, description = "New version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[patch("/plans/{plan_id}/targets/{target_id}")]
pub async fn update_target(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
    body: MergePatch<IndicatorPatch>,
) -> ApiResult<HttpResponse> {
    let (owner, id) = path.into_inner();
    policy::write_some_structure(&caller.principal)?;
    let input = body.read().await?;
    update(&state, caller, Owner::Plan(owner), id, if_match, input).await
}

/// Delete a plan target
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ("target_id" = Uuid, Path, description = "Target id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[delete("/plans/{plan_id}/targets/{target_id}")]
pub async fn delete_target(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (owner, id) = path.into_inner();
    remove(&state, caller, Owner::Plan(owner), id, if_match).await
}

/// Revise a plan target (見直し)
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ("target_id" = Uuid, Path, description = "Target id")),
    request_body(content = RevisionInput),
    responses(
        (status = 201, description = "The successor", body = IndicatorView,
            headers(("Location" = String, description = "URL of the successor"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetSuccessor" = (operation_id = "get_target", parameters(("plan_id" = "$request.path.plan_id"), ("target_id" = "$response.body#/id")))),
                ("UpdateSuccessor" = (operation_id = "update_target", parameters(("plan_id" = "$request.path.plan_id"), ("target_id" = "$response.body#/id")))),
            )),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[post("/plans/{plan_id}/targets/{target_id}/revisions")]
pub async fn revise_target(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    body: JsonBody<RevisionInput>,
) -> ApiResult<HttpResponse> {
    let (owner, id) = path.into_inner();
    policy::write_some_structure(&caller.principal)?;
    let input = body.read().await?;
    revise(&state, caller, Owner::Plan(owner), id, input).await
}
