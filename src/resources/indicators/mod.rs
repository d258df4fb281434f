//! Indicators (実績の指標) of initiatives, and plan-level targets (計画期間の目標): the same
//! model, owned by an initiative or by the plan. A revision (見直し) closes an indicator at the
//! FY before the change and opens its successor; both keep their values.


use actix_web::{delete, get, patch, post, web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::models::audit::{self, Change, Nothing};
use crate::web::auth::{Caller, Principal};
use crate::db::{DbConnection, DbUuid};
use crate::domain::enums::Direction;
use crate::error::{self, ApiError, ApiResult};
use crate::domain::fiscal_year;
use crate::web::http::{self, finish_page, patch_field, IfMatch, JsonBody, MergePatch, PageParams};
use crate::web::policy;
use crate::models::plans::Plan;
use crate::resources::reports;
use crate::db::schema::{indicator_values, indicators};
use crate::db::{now, utc};
use crate::web::state::AppState;
use crate::domain::validation::{self, Errors, Tidy};
use crate::models::indicators::{check_key, load_owned, load_owned_locked, load_values, owned_query, Indicator, IndicatorValue, Owner, ValuesByIndicator};

mod endpoints;
mod writes;

pub use endpoints::*;

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
