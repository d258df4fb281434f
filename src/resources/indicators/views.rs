//! An indicator or target as answered, with its yearly values.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::input::Baseline;
use crate::db::{utc, DbConnection};
use crate::domain::enums::Direction;
use crate::domain::fiscal_year;
use crate::error::ApiResult;
use crate::models::indicators::{load_values, Indicator, IndicatorValue};

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

pub fn view_one(conn: &mut DbConnection, row: Indicator) -> ApiResult<IndicatorView> {
    let values = load_values(conn, &[row.id])?.remove(&row.id).unwrap_or_default();
    view(row, &values)
}

crate::list_type!(IndicatorList, IndicatorView);
crate::list_type!(TargetList, IndicatorView);
