//! A change to a report and the checks every way of writing one passes: the inputs (report
//! fields, quarters, indicator values), the preconditions, the grades, the validity of an
//! indicator in a year and the workflow state. `write` and the handlers import this module,
//! never the other way round.

use serde::Deserialize;
use utoipa::ToSchema;

use super::context::Context;
use crate::db::DbUuid;
use crate::domain::enums::{PlanCategory, ProgressStatus, QuarterMark, WorkflowState};
use crate::domain::fiscal_year;
use crate::domain::validation::Errors;
use crate::error::{ApiError, ApiResult};
use crate::models::indicators::Indicator;
use crate::models::plans::Plan;
use crate::models::reports::Report;
use crate::web::http::{patch_field, IfMatch};

/// The fields of an annual report to set. Merge semantics: fields sent are set (`null` clears
/// them), fields left out keep their value. The department's fields are written by the
/// responsible departments (or admin) in `draft` or `returned`; `committee_rating` and
/// `committee_opinion` by the committee (or admin) in `submitted` or `reviewed`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnualReportInput {
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<PlanCategory>)]
    pub category: Option<Option<PlanCategory>>,
    /// 取組の内容.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub plan_text: Option<Option<String>>,
    /// 内容と成果.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub result_text: Option<Option<String>>,
    /// 課題.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub issues_text: Option<Option<String>>,
    /// 今後の方針.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub next_steps_text: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub previous_year_result_text: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<ProgressStatus>)]
    pub progress_status: Option<Option<ProgressStatus>>,
    /// A grade of the plan's rating scale.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 8, example = "B")]
    pub self_rating: Option<Option<String>>,
    /// A grade of the plan's rating scale (committee or admin).
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 8)]
    pub committee_rating: Option<Option<String>>,
    /// 意見等 (committee or admin).
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub committee_opinion: Option<Option<String>>,
}

impl AnnualReportInput {
    pub fn has_department_fields(&self) -> bool {
        self.category.is_some()
            || self.plan_text.is_some()
            || self.result_text.is_some()
            || self.issues_text.is_some()
            || self.next_steps_text.is_some()
            || self.previous_year_result_text.is_some()
            || self.progress_status.is_some()
            || self.self_rating.is_some()
    }

    pub fn has_committee_fields(&self) -> bool {
        self.committee_rating.is_some() || self.committee_opinion.is_some()
    }

    /// The row with the fields sent applied.
    pub(super) fn apply(self, mut row: Report) -> Report {
        fn set<T>(field: &mut Option<T>, value: Option<Option<T>>) {
            if let Some(v) = value {
                *field = v;
            }
        }
        set(&mut row.category, self.category.map(|c| c.map(|c| c.as_str().to_string())));
        set(&mut row.plan_text, self.plan_text);
        set(&mut row.result_text, self.result_text);
        set(&mut row.issues_text, self.issues_text);
        set(&mut row.next_steps_text, self.next_steps_text);
        set(&mut row.previous_year_result_text, self.previous_year_result_text);
        set(&mut row.progress_status, self.progress_status.map(|p| p.map(|p| p.as_str().to_string())));
        set(&mut row.self_rating, self.self_rating);
        set(&mut row.committee_rating, self.committee_rating);
        set(&mut row.committee_opinion, self.committee_opinion);
        row
    }
}

/// 409 naming the current state.
pub(super) fn wrong_state(state: WorkflowState, what: &str) -> ApiError {
    ApiError::Conflict(format!("the report is {} ({}): {what}", state.as_str(), state.label()))
}

/// Ratings must be grades of the plan's scale.
pub(super) fn check_grades(ctx: &Context, row: &Report) -> ApiResult<()> {
    let mut errors = Errors(Vec::new());
    let codes: Vec<&str> = ctx.scale.iter().map(|g| g.code.as_str()).collect();
    for (field, value) in [("/self_rating", &row.self_rating), ("/committee_rating", &row.committee_rating)] {
        if let Some(v) = value {
            if !codes.contains(&v.as_str()) {
                errors.add(field, "enum", format!("must be a grade of the plan's scale: {}", codes.join(", ")));
            }
        }
    }
    errors.into_result()
}

/// One quarter, replaced whole (`PUT`): a field left out is `null`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuarterInput {
    /// What was planned for the quarter.
    #[serde(default)]
    #[schema(max_length = 5000, example = "運用方法検討")]
    pub plan_text: Option<String>,
    /// What was done.
    #[serde(default)]
    #[schema(max_length = 5000, example = "関係課と協議を実施")]
    pub result_text: Option<String>,
    /// ○ `done`, × `not_done`, — `not_applicable`; `null`: not yet assessed.
    #[serde(default)]
    pub mark: Option<QuarterMark>,
}

/// A value for one fiscal year, replaced whole (`PUT`): a field left out is `null`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ValueInput {
    /// 目標値.
    #[serde(default)]
    #[schema(example = 2000)]
    pub target: Option<f64>,
    /// 実績値.
    #[serde(default)]
    #[schema(example = 2300)]
    pub actual: Option<f64>,
    /// The cell as printed, kept as it is: `15/664`, `12 書面会議`, `760 (うち障がい者15)`.
    #[serde(default)]
    #[schema(max_length = 500, example = "2,300")]
    pub raw: Option<String>,
}

impl ValueInput {
    /// 422 unless target and actual are sane numbers ([`crate::domain::validation::indicator_number`]).
    pub fn check_numbers(&self, at: &str) -> Vec<crate::error::FieldError> {
        [("target", self.target), ("actual", self.actual)]
            .into_iter()
            .filter_map(|(field, v)| crate::domain::validation::indicator_number(&format!("{at}/{field}"), v))
            .collect()
    }

    pub fn checked(self) -> ApiResult<Self> {
        let errors = self.check_numbers("");
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(ApiError::Validation(errors))
        }
    }
}

/// 422 unless `fy` lies in the indicator's validity (which defaults to the plan period).
pub fn check_validity(plan: &Plan, ind: &Indicator, fy: i32) -> ApiResult<()> {
    let from = ind.valid_from_fy.unwrap_or(plan.start_fy);
    let to = ind.valid_to_fy.unwrap_or(plan.end_fy);
    if (from..=to).contains(&fy) {
        return Ok(());
    }
    Err(ApiError::invalid(
        "/path/fiscal_year",
        "fiscal_year_out_of_range",
        format!(
            "{} ({fy}) lies outside the validity of \"{}\": {}–{} ({from}–{to})",
            fiscal_year::label(fy),
            ind.name,
            fiscal_year::label(from),
            fiscal_year::label(to)
        ),
    ))
}

/// Which version an `If-Match` of a single endpoint refers to.
pub enum Precondition {
    None,
    /// The report's version (`PUT` report).
    Report(IfMatch),
    /// The quarter's version (`PUT` quarter).
    Quarter(IfMatch),
    /// The value's version (`PUT` indicator value).
    Value(IfMatch),
}

/// What to write to one report.
pub struct ReportChange {
    /// Report fields, merge semantics (fields left out keep their value).
    pub fields: Option<AnnualReportInput>,
    /// Quarters replaced whole.
    pub quarters: Vec<(i32, QuarterInput)>,
    /// Indicator values replaced whole, by indicator id; each indicator belongs to the initiative.
    pub values: Vec<(DbUuid, ValueInput)>,
    pub precondition: Precondition,
    /// Batch semantics: a quarter or value that is empty where nothing is stored, and a new
    /// report that would stay empty, are not written (a blank sheet row changes nothing). The
    /// single `PUT`s create what they are sent.
    pub sparse: bool,
}

impl ReportChange {
    pub fn touches_department_data(&self) -> bool {
        self.fields.as_ref().is_some_and(AnnualReportInput::has_department_fields)
            || !self.quarters.is_empty()
            || !self.values.is_empty()
    }

    pub fn touches_committee_fields(&self) -> bool {
        self.fields.as_ref().is_some_and(AnnualReportInput::has_committee_fields)
    }
}

/// `If-Match` on a quarter or value: against the stored version; on one not stored yet it cannot hold.
pub(super) fn check_stored(if_match: &IfMatch, stored_version: Option<i32>) -> ApiResult<()> {
    match stored_version {
        Some(version) => if_match.check(version),
        None if if_match.is_present() => Err(ApiError::PreconditionFailed),
        None => Ok(()),
    }
}
