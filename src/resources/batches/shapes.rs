//! The JSON shapes of a progress batch: what a script posts (the batch, its items, quarters and
//! values, with merge semantics) and what it gets back (per item, what was or would be written).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::domain::enums::{PlanCategory, ProgressStatus, QuarterMark};
use crate::resources::reports::change::AnnualReportInput;
use crate::web::http::patch_field;

/// The most items one batch takes.
pub const MAX_ITEMS: usize = 10_000;

/// A batch of progress for one plan and fiscal year.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgressBatchInput {
    /// The fiscal year every item reports on (2022 = 令和4年度).
    #[schema(minimum = 1989, maximum = 2200, example = 2022)]
    pub fiscal_year: i32,
    /// One item per initiative (at most one item per initiative).
    #[schema(min_items = 1, max_items = 10000)]
    pub items: Vec<ProgressBatchItem>,
    /// Check everything and answer what would change, writing nothing (no idempotency key is kept).
    #[serde(default)]
    pub dry_run: bool,
}

/// One initiative's report for the batch's fiscal year. Report fields have merge semantics
/// (left out: kept; `null`: cleared); each quarter and indicator value sent is replaced whole.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgressBatchItem {
    /// The initiative's key (unique in the plan, e.g. `1-1-1`) or its code as printed (No.,
    /// e.g. `①`) when that code names one initiative only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(min_length = 1, max_length = 100, example = "1")]
    pub initiative_code: Option<String>,
    /// The initiative's id (instead of, or as well as, its code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiative_id: Option<Uuid>,
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<PlanCategory>)]
    pub category: Option<Option<PlanCategory>>,
    /// 年度計画 (取組の内容).
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub plan_text: Option<Option<String>>,
    /// 実績 (内容と成果).
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub result_text: Option<Option<String>>,
    /// 課題.
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub issues_text: Option<Option<String>>,
    /// 今後の方向性.
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub next_steps_text: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub previous_year_result_text: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<ProgressStatus>)]
    pub progress_status: Option<Option<ProgressStatus>>,
    /// A grade of the plan's rating scale.
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, max_length = 8, example = "B")]
    pub self_rating: Option<Option<String>>,
    /// Committee or admin.
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, max_length = 8)]
    pub committee_rating: Option<Option<String>>,
    /// 委員会意見 (committee or admin).
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub committee_opinion: Option<Option<String>>,
    /// Quarters to set, each replaced whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schema(max_items = 4)]
    pub quarters: Vec<BatchQuarterInput>,
    /// Indicator values of the fiscal year to set, each replaced whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schema(max_items = 100)]
    pub indicator_values: Vec<BatchValueInput>,
}

/// One quarter (1 = 4～6月 … 4 = 1～3月), replaced whole.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchQuarterInput {
    #[schema(minimum = 1, maximum = 4, example = 1)]
    pub quarter: i32,
    #[serde(default)]
    #[schema(max_length = 5000, example = "運用方法検討")]
    pub plan_text: Option<String>,
    #[serde(default)]
    #[schema(max_length = 5000, example = "関係課と協議を実施")]
    pub result_text: Option<String>,
    /// ○ `done`, × `not_done`, — `not_applicable`; `null`: not yet assessed.
    #[serde(default)]
    pub mark: Option<QuarterMark>,
}

/// One indicator's value for the fiscal year, replaced whole.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchValueInput {
    /// The indicator: its id, its key (`1-1`) or its name (`発行部数`) among the initiative's indicators.
    #[schema(min_length = 1, max_length = 300, example = "発行部数")]
    pub indicator: String,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    #[schema(example = 2300)]
    pub actual: Option<f64>,
    /// The cell as printed (`15/664`, `12 書面会議`).
    #[serde(default)]
    #[schema(max_length = 500, example = "2,300")]
    pub raw: Option<String>,
}

/// What happened (or, in a dry run, would happen) to an item's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BatchOutcome {
    Created,
    Updated,
    Unchanged,
}

/// The result of one item.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct BatchItemResult {
    /// The item's position in `items` (0-based, as in the JSON pointers of errors).
    #[schema(example = 0)]
    pub index: usize,
    pub initiative_id: Uuid,
    #[schema(example = "1")]
    pub initiative_key: String,
    #[schema(example = "1")]
    pub initiative_code: String,
    pub outcome: BatchOutcome,
    /// The report's fields this item changed, as the history names them.
    #[schema(example = json!(["quarters/1/mark", "quarters/1/result_text"]))]
    pub changed_fields: Vec<String>,
    /// The report's version after the item (`null`: there is no report).
    pub report_version: Option<i32>,
    /// For an uploaded progress sheet: the item's sheet row; else `null`.
    #[schema(example = 12)]
    pub row: Option<u32>,
}

/// What a batch wrote, or would write (`dry_run`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ProgressBatchResult {
    pub plan_id: Uuid,
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    /// `true`: nothing was written; the counts say what would change.
    pub dry_run: bool,
    /// The request id every audit event of this batch carries.
    pub request_id: Option<String>,
    #[schema(example = 1)]
    pub created: usize,
    #[schema(example = 2)]
    pub updated: usize,
    #[schema(example = 45)]
    pub unchanged: usize,
    pub items: Vec<BatchItemResult>,
}

impl ProgressBatchItem {
    /// Whether the item sets a report field of the department (its quarters and values aside).
    pub(super) fn has_department_fields(&self) -> bool {
        self.category.is_some()
            || self.plan_text.is_some()
            || self.result_text.is_some()
            || self.issues_text.is_some()
            || self.next_steps_text.is_some()
            || self.previous_year_result_text.is_some()
            || self.progress_status.is_some()
            || self.self_rating.is_some()
    }

    /// Whether the item sets a field of the committee.
    pub(super) fn has_committee_fields(&self) -> bool {
        self.committee_rating.is_some() || self.committee_opinion.is_some()
    }

    pub(super) fn report_fields(&mut self) -> Option<AnnualReportInput> {
        let fields = AnnualReportInput {
            category: self.category.take(),
            plan_text: self.plan_text.take(),
            result_text: self.result_text.take(),
            issues_text: self.issues_text.take(),
            next_steps_text: self.next_steps_text.take(),
            previous_year_result_text: self.previous_year_result_text.take(),
            progress_status: self.progress_status.take(),
            self_rating: self.self_rating.take(),
            committee_rating: self.committee_rating.take(),
            committee_opinion: self.committee_opinion.take(),
        };
        (fields.has_department_fields() || fields.has_committee_fields()).then_some(fields)
    }
}
