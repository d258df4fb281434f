//! What is posted to create or change a plan, its checks, and the new row.

use diesel::prelude::*;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::db::schema::{annual_reports, departments, indicator_values, indicators, initiatives, plans};
use crate::db::{now, DbConnection, DbUuid};
use crate::domain::enums::{PacketLayout, PlanStatus};
use crate::domain::suggestion::RatingRule;
use crate::domain::validation::{self, Errors, Tidy};
use crate::error::{ApiError, ApiResult};
use crate::models::plans::{default_rating_scale, Plan, RatingGrade};
use crate::web::http::patch_field;

/// A new plan.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    #[validate(length(min = 1, max = 300), custom(function = "validation::not_blank"))]
    #[schema(example = "白井市第2次地域福祉計画", min_length = 1, max_length = 300, pattern = r"\S")]
    pub title: String,
    #[validate(length(min = 1, max = 200), custom(function = "validation::not_blank"))]
    #[schema(example = "白井市", min_length = 1, max_length = 200, pattern = r"\S")]
    pub organization: String,
    #[validate(range(min = 1989, max = 2200))]
    #[schema(example = 2020, minimum = 1989, maximum = 2200)]
    pub start_fy: i32,
    #[validate(range(min = 1989, max = 2200))]
    #[schema(example = 2024, minimum = 1989, maximum = 2200)]
    pub end_fy: i32,
    /// Names of the hierarchy levels, top first (1–10).
    #[validate(length(min = 1, max = 10), custom(function = "labels_valid"))]
    #[schema(schema_with = level_labels_schema)]
    pub level_labels: Vec<String>,
    /// Default: A 順調に進んでいる, B 概ね進んでいる, C 一部遅れがある, D 未実施.
    #[serde(default = "default_rating_scale")]
    #[validate(length(min = 1, max = 10), nested)]
    #[schema(min_items = 1, max_items = 10)]
    pub rating_scale: Vec<RatingGrade>,
    /// Default `draft`.
    #[serde(default = "draft")]
    pub status: PlanStatus,
    #[validate(length(max = 1000))]
    #[schema(max_length = 1000)]
    pub source: Option<String>,
    /// The council that owns the plan (its staff may then change the plan's structure).
    #[serde(default)]
    pub owner_department_id: Option<Uuid>,
    /// Whether reports carry four quarters that are due each quarter (default `false`).
    #[serde(default)]
    pub quarterly_reports: bool,
    /// A fiscal year's report is due this many days after the FY ends on 31 March (default 61: 31 May).
    #[serde(default = "default_report_due_days")]
    #[validate(range(min = 0, max = 366))]
    #[schema(example = 61, minimum = 0, maximum = 366)]
    pub report_due_days: i32,
    /// A quarter is due this many days after the quarter ends (default 30).
    #[serde(default = "default_quarter_due_days")]
    #[validate(range(min = 0, max = 366))]
    #[schema(example = 30, minimum = 0, maximum = 366)]
    pub quarter_due_days: i32,
    /// How the committee packet lays out the plan (`GET …/progress-report`); `null` (default):
    /// `quarterly` for plans that report quarterly, else `node_table`.
    #[serde(default)]
    pub packet_layout: Option<PacketLayout>,
    /// Suggests a self-rating for each report from the share of the year's measurable
    /// indicators achieved (reports and timelines show it as `suggested_rating`; summaries count
    /// self-ratings that differ from it). `null` (default): no suggestions.
    #[serde(default)]
    #[validate(nested)]
    pub rating_rule: Option<RatingRule>,
}

pub fn default_report_due_days() -> i32 {
    61
}

pub fn default_quarter_due_days() -> i32 {
    30
}

fn draft() -> PlanStatus {
    PlanStatus::Draft
}

/// 1–10 labels of 1–50 characters, not blank (what `labels_valid` checks).
fn level_labels_schema() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .max_length(Some(50))
                .pattern(Some(r"\S")),
        )
        .min_items(Some(1))
        .max_items(Some(10))
        .examples([serde_json::json!(["基本方針", "施策の方向", "事業"])])
        .build()
}

fn labels_valid(labels: &[String]) -> Result<(), validator::ValidationError> {
    if labels.iter().any(|l| validation::not_blank(l).is_err() || l.chars().count() > 50) {
        let mut e = validator::ValidationError::new("label");
        e.message = Some("every level label must be 1 to 50 characters".into());
        return Err(e);
    }
    Ok(())
}

impl PlanInput {
    /// Field rules plus the rules across fields (period order, unique grades).
    pub fn errors(&self, prefix: &str) -> Vec<crate::error::FieldError> {
        let mut errors = Errors(validation::errors_of(self, prefix));
        if self.start_fy > self.end_fy {
            errors.add(format!("{prefix}/end_fy"), "fiscal_year_order", "must not be before start_fy");
        }
        let mut seen = std::collections::HashSet::new();
        for (i, grade) in self.rating_scale.iter().enumerate() {
            if !seen.insert(grade.code.tidy()) {
                errors.add(format!("{prefix}/rating_scale/{i}/code"), "duplicate", "grade codes must be unique");
            }
        }
        if let Some(rule) = &self.rating_rule {
            let scale: Vec<&str> = self.rating_scale.iter().map(|g| g.code.tidy()).collect();
            for problem in rule.problems(&scale) {
                errors.add(format!("{prefix}/rating_rule{}", problem.at), problem.code, problem.message);
            }
        }
        errors.0
    }
}

/// Changes to a plan (JSON merge patch). Narrowing the period is refused (409) while data lies outside it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanPatch {
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 300, pattern = r"\S")]
    pub title: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 200, pattern = r"\S")]
    pub organization: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = i32, required = false, minimum = 1989, maximum = 2200)]
    pub start_fy: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = i32, required = false, example = 2024, minimum = 1989, maximum = 2200)]
    pub end_fy: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(schema_with = level_labels_schema, required = false)]
    pub level_labels: Option<Option<Vec<String>>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Vec<RatingGrade>, required = false, min_items = 1, max_items = 10)]
    pub rating_scale: Option<Option<Vec<RatingGrade>>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = PlanStatus, required = false)]
    pub status: Option<Option<PlanStatus>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 1000)]
    pub source: Option<Option<String>>,
    /// Admin only.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<Uuid>)]
    pub owner_department_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = bool, required = false)]
    pub quarterly_reports: Option<Option<bool>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = i32, required = false, minimum = 0, maximum = 366)]
    pub report_due_days: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = i32, required = false, minimum = 0, maximum = 366)]
    pub quarter_due_days: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<PacketLayout>, required = false)]
    pub packet_layout: Option<Option<PacketLayout>>,
    /// Replaces the whole rule (`null`: no suggestions).
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<RatingRule>, required = false)]
    pub rating_rule: Option<Option<RatingRule>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanFilter {
    /// Text in the title or organization (insensitive to full-/half-width, katakana/hiragana,
    /// case and spaces).
    #[param(max_length = 200, example = "地域福祉")]
    pub q: Option<String>,
    /// Only plans of this organization (exactly as written, e.g. `白井市`).
    #[param(max_length = 200, example = "白井市")]
    pub organization: Option<String>,
    /// Only plans with these statuses (repeat the parameter or separate with commas).
    pub status: Option<Vec<PlanStatus>>,
    /// Only plans whose period includes this fiscal year.
    #[param(example = 2022)]
    pub fiscal_year: Option<i32>,
}

/// Inserts a validated plan (used by the endpoint and by bundle import).
pub fn insert(conn: &mut DbConnection, input: &PlanInput) -> ApiResult<Plan> {
    let ts = now();
    let row = Plan {
        id: DbUuid(Uuid::now_v7()),
        title: input.title.tidy().to_string(),
        organization: input.organization.tidy().to_string(),
        start_fy: input.start_fy,
        end_fy: input.end_fy,
        level_labels: serde_json::to_string(&input.level_labels)?,
        rating_scale: serde_json::to_string(&input.rating_scale)?,
        status: input.status.as_str().to_string(),
        source: input.source.clone(),
        data_version: 1,
        version: 1,
        created_at: ts,
        updated_at: ts,
        owner_department_id: input.owner_department_id.map(DbUuid),
        search_text: crate::models::search::text_of(&[Some(input.title.tidy()), Some(input.organization.tidy())]),
        quarterly_reports: input.quarterly_reports,
        report_due_days: input.report_due_days,
        quarter_due_days: input.quarter_due_days,
        packet_layout: input.packet_layout.map(|l| l.as_str().to_string()),
        rating_rule: input.rating_rule.as_ref().map(serde_json::to_string).transpose()?,
    };
    diesel::insert_into(plans::table).values(&row).execute(conn)?;
    crate::models::outbox::plan_published(conn, None, &row)?;
    Ok(row)
}

/// The owner must be an existing department.
pub fn check_owner(conn: &mut DbConnection, owner: Option<Uuid>) -> ApiResult<()> {
    if let Some(owner) = owner {
        let found: i64 = departments::table.find(DbUuid(owner)).count().get_result(conn)?;
        if found == 0 {
            return Err(ApiError::invalid("/owner_department_id", "not_found", "no such department"));
        }
    }
    Ok(())
}

/// The fiscal years that data of the plan occupies (reports, values, initiative ranges).
pub fn used_fy_range(conn: &mut DbConnection, plan_id: DbUuid) -> ApiResult<Option<(i32, i32)>> {
    use diesel::dsl::{max, min};
    let reports: (Option<i32>, Option<i32>) = annual_reports::table
        .inner_join(initiatives::table)
        .filter(initiatives::plan_id.eq(plan_id))
        .select((min(annual_reports::fiscal_year), max(annual_reports::fiscal_year)))
        .first(conn)?;
    let ranges: (Option<i32>, Option<i32>) = initiatives::table
        .filter(initiatives::plan_id.eq(plan_id))
        .select((min(initiatives::active_from_fy), max(initiatives::active_to_fy)))
        .first(conn)?;
    let values: (Option<i32>, Option<i32>) = indicator_values::table
        .inner_join(indicators::table)
        .filter(indicators::plan_id.eq(plan_id))
        .select((min(indicator_values::fiscal_year), max(indicator_values::fiscal_year)))
        .first(conn)?;
    let lows = [reports.0, ranges.0, values.0].into_iter().flatten().min();
    let highs = [reports.1, ranges.1, values.1].into_iter().flatten().max();
    Ok(lows.zip(highs))
}
