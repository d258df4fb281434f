//! The plan-bundle format: one whole plan as JSON (the demo plans in `src/demo/` are examples), version 1.
//!
//! Additions over the fixtures' first version, all optional on import: `format_version`,
//! `plan.status`, initiative `active_from_fy`/`active_to_fy`/`status`, indicator `direction`,
//! `tolerance`, `baseline`, `final_target`, `valid_from_fy`/`valid_to_fy`, `replaces_key`,
//! year `workflow_state`/`committee_rating`, quarter `result_text`, target `key`.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::ToSchema;

use crate::domain::enums::{DepartmentKind, Direction, InitiativeStatus, PlanStatus, WorkflowState};
use crate::resources::initiatives::RelatedPrograms;
use crate::web::http::{at_most, patch_field};

pub const FORMAT_VERSION: u32 = 1;

/// A fiscal year as an integer (`2022`) or as sheets write it (`R4`, `令和4年度`, `H29`, `平成29年度`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fy(pub i32);

impl Serialize for Fy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(self.0)
    }
}

impl<'de> Deserialize<'de> for Fy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Fy;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a fiscal year: 2022, \"R4\", \"令和4年度\", \"H29\" or \"平成29年度\"")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Fy, E> {
                i32::try_from(v)
                    .ok()
                    .filter(|y| (1900..=2200).contains(y))
                    .map(Fy)
                    .ok_or_else(|| E::custom(format!("fiscal year {v} is out of range")))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Fy, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
            /// `2022.0` is the integer 2022 to JSON Schema.
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Fy, E> {
                if v.fract() == 0.0 && v.abs() < 1.0e6 {
                    self.visit_i64(v as i64)
                } else {
                    Err(E::custom(format!("fiscal year {v} is not a year")))
                }
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Fy, E> {
                crate::domain::fiscal_year::parse(v).map(Fy).ok_or_else(|| E::custom(format!("not a fiscal year: {v}")))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl utoipa::PartialSchema for Fy {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
        OneOfBuilder::new()
            .item(ObjectBuilder::new().schema_type(Type::Integer).examples([serde_json::json!(2022)]))
            .item(ObjectBuilder::new().schema_type(Type::String).examples([serde_json::json!("令和4年度")]))
            .description(Some(
                "Fiscal year: the Gregorian year in which it starts, or an era form such as R4, 令和4年度, H29",
            ))
            .into()
    }
}

impl utoipa::ToSchema for Fy {}

/// Writes integral numbers as JSON integers (`2300`, not `2300.0`), as sheets print them.
pub fn number<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 9.0e15 => s.serialize_i64(*v as i64),
        Some(v) => s.serialize_f64(*v),
        None => s.serialize_none(),
    }
}

/// A whole plan: structure, departments, per-year data and plan-level targets.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanBundle {
    /// `1`; absent in the first fixtures.
    #[serde(default)]
    #[schema(example = 1)]
    pub format_version: Option<u32>,
    /// The document the bundle was transcribed from.
    #[serde(default)]
    #[schema(example = "sources/regional-welfare-plan-fy2020-2022.txt")]
    pub source: Option<String>,
    pub plan: BundlePlan,
    #[serde(default, deserialize_with = "at_most::<_, _, 1000>")]
    #[schema(max_items = 1000)]
    pub departments: Vec<BundleDepartment>,
    #[serde(default, deserialize_with = "at_most::<_, _, 10000>")]
    #[schema(max_items = 10000)]
    pub nodes: Vec<BundleNode>,
    #[serde(default, deserialize_with = "at_most::<_, _, 10000>")]
    #[schema(max_items = 10000)]
    pub initiatives: Vec<BundleInitiative>,
    #[serde(default, deserialize_with = "at_most::<_, _, 1000>")]
    #[schema(max_items = 1000)]
    pub plan_targets: Vec<BundleTarget>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BundlePlan {
    #[schema(example = "白井市第2次地域福祉計画")]
    pub title: String,
    #[schema(example = "白井市")]
    pub organization: String,
    /// `null`: derived from the years the data covers.
    #[serde(default)]
    pub start_fy: Option<Fy>,
    #[serde(default)]
    pub end_fy: Option<Fy>,
    #[schema(example = json!(["基本方針", "施策の方向", "事業"]))]
    #[serde(deserialize_with = "at_most::<_, _, 10>")]
    #[schema(max_items = 10)]
    pub level_labels: Vec<String>,
    /// Grade codes, best first; `null`: the default A–D.
    #[serde(default)]
    pub rating_scale: Option<Vec<String>>,
    /// Label of each grade.
    #[serde(default)]
    pub rating_legend: Option<BTreeMap<String, String>>,
    /// Default `published` (bundles carry plans already decided).
    #[serde(default)]
    pub status: Option<PlanStatus>,
    /// Name of the council (a department of the bundle or of the server) that owns the plan.
    #[serde(default)]
    #[schema(example = "社会福祉協議会")]
    pub owner_department: Option<String>,
    /// Whether reports carry quarters due each quarter; `null`: when any year of the bundle has quarters.
    #[serde(default)]
    pub quarterly_reports: Option<bool>,
    /// Days after the FY ends that a year's report is due; `null`: 61 (31 May).
    #[serde(default)]
    #[schema(minimum = 0, maximum = 366)]
    pub report_due_days: Option<i32>,
    /// Days after a quarter ends that it is due; `null`: 30.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 366)]
    pub quarter_due_days: Option<i32>,
    /// How the committee packet lays the plan out; `null`: by its shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub packet_layout: Option<crate::domain::enums::PacketLayout>,
    /// Suggests self-ratings from indicator achievement; `null`: no suggestions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating_rule: Option<crate::domain::suggestion::RatingRule>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleDepartment {
    /// Matched by name with existing departments; created when missing.
    #[schema(example = "社会福祉課")]
    pub name: String,
    pub kind: DepartmentKind,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleNode {
    #[schema(example = "1-2")]
    pub key: String,
    /// `null` at the top.
    #[serde(default)]
    pub parent_key: Option<String>,
    /// 1 = top; checked against the depth implied by `parent_key`.
    #[serde(default)]
    pub level: Option<i32>,
    #[serde(default)]
    #[schema(example = "②")]
    pub code: Option<String>,
    #[schema(example = "わかりやすい福祉情報の提供・共有")]
    pub title: String,
    #[serde(default)]
    pub objective: Option<String>,
    #[serde(default)]
    pub main_actions: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleInitiative {
    #[schema(example = "1")]
    pub key: String,
    /// Code as printed; `null` or absent when the source prints none.
    #[serde(default)]
    #[schema(example = "1")]
    pub code: Option<String>,
    #[schema(example = "保健福祉ガイドブックの発行")]
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub aim: Option<String>,
    /// Primary node first, then every node it is cross-listed under (※再掲).
    #[schema(example = json!(["1-1-1", "1-2-1"]))]
    #[serde(deserialize_with = "at_most::<_, _, 50>")]
    #[schema(max_items = 50)]
    pub node_keys: Vec<String>,
    /// Names of responsible departments.
    #[schema(example = json!(["社会福祉課"]))]
    #[serde(deserialize_with = "at_most::<_, _, 50>")]
    #[schema(max_items = 50)]
    pub departments: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub related_programs: Option<RelatedPrograms>,
    #[serde(default)]
    pub active_from_fy: Option<Fy>,
    #[serde(default)]
    pub active_to_fy: Option<Fy>,
    #[serde(default)]
    pub status: Option<InitiativeStatus>,
    #[serde(default, deserialize_with = "at_most::<_, _, 100>")]
    #[schema(max_items = 100)]
    pub indicators: Vec<BundleIndicator>,
    #[serde(default, deserialize_with = "at_most::<_, _, 50>")]
    #[schema(max_items = 50)]
    pub years: Vec<BundleYear>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleBaseline {
    pub fiscal_year: Fy,
    #[serde(serialize_with = "number")]
    #[schema(value_type = f64, example = 2431)]
    pub value: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleIndicator {
    #[schema(example = "1-1")]
    pub key: String,
    #[schema(example = "発行部数")]
    pub name: String,
    #[serde(default)]
    #[schema(example = "部")]
    pub unit: Option<String>,
    /// Default `increase` (`decrease` when the final target is 0).
    #[serde(default)]
    pub direction: Option<Direction>,
    #[serde(default, serialize_with = "number")]
    pub tolerance: Option<f64>,
    #[serde(default)]
    pub baseline: Option<BundleBaseline>,
    #[serde(default, serialize_with = "number")]
    pub final_target: Option<f64>,
    /// Absent: read from a name that starts `R4～` (valid from FY2022). `null`: open.
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Fy>)]
    pub valid_from_fy: Option<Option<Fy>>,
    /// Absent: read from a name that starts `～R3` (valid to FY2021). `null`: open.
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Fy>)]
    pub valid_to_fy: Option<Option<Fy>>,
    /// Key of the indicator this one revised. Absent: inferred when exactly one indicator
    /// of the initiative ends the FY before this one starts.
    #[serde(default, deserialize_with = "patch_field", skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub replaces_key: Option<Option<String>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleQuarter {
    /// 1 = 4～6月 … 4 = 1～3月.
    #[schema(example = 1, minimum = 1, maximum = 4)]
    pub quarter: i32,
    #[serde(default)]
    #[schema(example = "運用方法検討")]
    pub plan_text: Option<String>,
    #[serde(default)]
    pub result_text: Option<String>,
    /// `○`, `×`, `—` (or `done`, `not_done`, `not_applicable`); `null`: not yet reported.
    #[serde(default)]
    #[schema(example = "○")]
    pub mark: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleValue {
    #[schema(example = "1-1")]
    pub indicator_key: String,
    #[serde(default, serialize_with = "number")]
    #[schema(example = 2300)]
    pub actual: Option<f64>,
    #[serde(default, serialize_with = "number")]
    pub target: Option<f64>,
    /// The cell as printed.
    #[serde(default)]
    #[schema(example = "2,300 1,990")]
    pub raw: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleYear {
    pub fiscal_year: Fy,
    /// 実施 / 拡充 / 検討 / 検証 / 新規 / 継続 as printed.
    #[serde(default)]
    #[schema(example = "実施")]
    pub category: Option<String>,
    #[serde(default)]
    pub plan_text: Option<String>,
    #[serde(default, deserialize_with = "at_most::<_, _, 12>")]
    #[schema(max_items = 12)]
    pub quarters: Vec<BundleQuarter>,
    #[serde(default)]
    pub result_text: Option<String>,
    #[serde(default)]
    pub issues_text: Option<String>,
    #[serde(default)]
    pub next_steps_text: Option<String>,
    /// 順調に進んだ / 概ね進んだ / 一部遅れがある / 未実施 (or the enum value).
    #[serde(default)]
    #[schema(example = "順調に進んだ")]
    pub progress_status: Option<String>,
    /// Self-rating, a grade of the plan's scale.
    #[serde(default)]
    #[schema(example = "A")]
    pub rating: Option<String>,
    #[serde(default)]
    pub committee_rating: Option<String>,
    #[serde(default)]
    pub committee_opinion: Option<String>,
    #[serde(default, deserialize_with = "at_most::<_, _, 200>")]
    #[schema(max_items = 200)]
    pub indicator_values: Vec<BundleValue>,
    #[serde(default)]
    pub previous_year_result_text: Option<String>,
    /// Default `published` (imported years are history).
    #[serde(default)]
    pub workflow_state: Option<WorkflowState>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleTargetYear {
    pub fiscal_year: Fy,
    #[serde(default, serialize_with = "number")]
    #[schema(example = 2600)]
    pub target: Option<f64>,
    #[serde(default, serialize_with = "number")]
    #[schema(example = 2252)]
    pub actual: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleTarget {
    /// Default `target-<n>` (1-based position).
    #[serde(default)]
    pub key: Option<String>,
    #[schema(example = "会員数")]
    pub name: String,
    #[serde(default)]
    #[schema(example = "人")]
    pub unit: Option<String>,
    #[serde(default)]
    pub direction: Option<Direction>,
    #[serde(default, serialize_with = "number")]
    pub tolerance: Option<f64>,
    #[serde(default)]
    pub baseline: Option<BundleBaseline>,
    #[serde(default, serialize_with = "number")]
    #[schema(example = 3000)]
    pub final_target: Option<f64>,
    #[serde(default, deserialize_with = "at_most::<_, _, 50>")]
    #[schema(max_items = 50)]
    pub years: Vec<BundleTargetYear>,
}
