//! What is posted to create, change or revise an indicator or target, its checks against the
//! plan, and the row it becomes.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::{now, DbUuid};
use crate::domain::enums::Direction;
use crate::domain::validation::{self, Errors, Tidy};
use crate::models::indicators::Indicator;
use crate::models::plans::Plan;
use crate::web::http::patch_field;

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
