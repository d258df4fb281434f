//! Progress summaries (docs/summaries.md): counts per plan and fiscal
//! year, grouped by node or department, over several years, per department, and what is overdue.
//!
//! The counting runs in the database ([`query`]); a summary is a fixed handful of statements
//! whatever the plan's size. Rendered summaries are cached by the plan's data version
//! ([`crate::web::cache`]), so a read after a write is never stale.

pub mod counts;
pub mod department;
pub mod due;
pub mod kept;
pub mod plan;
pub mod query;

use std::collections::HashMap;

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

pub use counts::Counts;
pub use query::{Grouping, RatingSource};

use crate::db::schema::{departments, indicator_values, indicators, initiative_departments, initiatives, plan_nodes};
use crate::db::{DbConnection, DbUuid};
use crate::domain::achievement::{self, Achievement};
use crate::domain::enums::{Direction, ProgressStatus, QuarterMark, WorkflowState};
use crate::domain::fiscal_year;
use crate::domain::validation::Errors;
use crate::error::ApiResult;
use crate::models::indicators::Indicator;
use crate::models::plans::{Plan, RatingGrade};
use crate::web::policy::SummarySight;

/// How to group a plan summary besides its totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// By plan node of one level (`level`, default 1); a cross-listed initiative counts under each.
    Node,
    /// By responsible department; an initiative counts once under each of its departments.
    Department,
}

/// Japanese labels of the keys the counts use, for people.
#[derive(Debug, Serialize, ToSchema)]
pub struct Legend {
    /// The plan's grades with their labels, best first.
    pub ratings: Vec<RatingGrade>,
    #[schema(value_type = HashMap<String, String>, example = json!({"on_track": "順調に進んだ"}))]
    pub progress: serde_json::Map<String, serde_json::Value>,
    #[schema(value_type = HashMap<String, String>, example = json!({"published": "公開"}))]
    pub workflow: serde_json::Map<String, serde_json::Value>,
    #[schema(value_type = HashMap<String, String>, example = json!({"done": "○"}))]
    pub quarter_marks: serde_json::Map<String, serde_json::Value>,
}

fn labels<T: Copy>(
    all: &[T],
    text: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> serde_json::Map<String, serde_json::Value> {
    all.iter().map(|&v| (text(v).to_string(), serde_json::Value::from(label(v)))).collect()
}

impl Legend {
    pub fn new(ratings: Vec<RatingGrade>) -> Legend {
        Legend {
            ratings,
            progress: labels(ProgressStatus::ALL, ProgressStatus::as_str, ProgressStatus::label),
            workflow: labels(WorkflowState::ALL, WorkflowState::as_str, WorkflowState::label),
            quarter_marks: labels(QuarterMark::ALL, QuarterMark::as_str, QuarterMark::label),
        }
    }
}

/// The counts of one group: a plan node, a department or a plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct SummaryGroup {
    /// The node's, department's or plan's id.
    pub key: Uuid,
    /// The node's code as printed (`null` for departments and plans, or when none was printed).
    #[schema(example = "1")]
    pub code: Option<String>,
    /// The node's title, the department's or the plan's name.
    #[schema(example = "地域での支え合い・助け合いの推進")]
    pub label: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// A plan-level target (計画期間の目標) in one fiscal year.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanTargetYear {
    pub id: Uuid,
    #[schema(example = "T1")]
    pub key: String,
    #[schema(example = "社協会員数")]
    pub name: String,
    pub unit: Option<String>,
    pub direction: Direction,
    /// 現状: the value when the plan was made, and its FY.
    pub baseline_value: Option<f64>,
    pub baseline_fy: Option<i32>,
    pub baseline_fy_label: Option<String>,
    /// 目標: the value to reach by the end of the plan.
    pub final_target: Option<f64>,
    /// The year's target and actual (`null` when not recorded), and the cell as written.
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub raw: Option<String>,
    pub achievement: Achievement,
}

/// A plan's progress in one fiscal year.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanSummary {
    pub plan_id: Uuid,
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    /// Whose rating `ratings` counts.
    pub rating: RatingSource,
    /// The workflow states counted (every state unless narrowed by `state`).
    pub states: Vec<WorkflowState>,
    pub group_by: Option<GroupBy>,
    /// The node level grouped by, and its label (`group_by=node`).
    pub level: Option<i32>,
    #[schema(example = "基本方針")]
    pub level_label: Option<String>,
    pub legend: Legend,
    /// Every initiative active in the year, once.
    pub totals: Counts,
    /// Per node (in plan order) or department (by name); empty without `group_by`.
    pub groups: Vec<SummaryGroup>,
    /// Plan-level targets with the year's target, actual and achievement.
    pub plan_targets: Vec<PlanTargetYear>,
    /// The plan's data version these counts were computed from; `null` in the public summary,
    /// whose body changes only when published data does.
    pub data_version: Option<i64>,
}

/// One fiscal year of a trend.
#[derive(Debug, Serialize, ToSchema)]
pub struct TrendYear {
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// A plan's totals over several fiscal years, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanTrend {
    pub plan_id: Uuid,
    #[schema(example = 2020)]
    pub from: i32,
    #[schema(example = 2024)]
    pub to: i32,
    pub rating: RatingSource,
    pub states: Vec<WorkflowState>,
    pub legend: Legend,
    pub years: Vec<TrendYear>,
    /// As in [`PlanSummary`]: `null` in the public trend.
    pub data_version: Option<i64>,
}

/// What a summary request asks for, once checked against the plan.
#[derive(Debug, Clone)]
pub struct SummaryRequest {
    pub fiscal_year: i32,
    pub group_by: Option<GroupBy>,
    pub level: i32,
    pub rating: RatingSource,
    pub states: Vec<WorkflowState>,
}

impl SummaryRequest {
    /// 422 naming the parameter when the year lies outside the plan period or the level below
    /// the plan's deepest.
    pub fn check(&self, plan: &Plan, level_given: bool) -> ApiResult<()> {
        let mut errors = Errors::default();
        plan.check_fy(&mut errors, "/query/fiscal_year", Some(self.fiscal_year));
        let depth = plan.level_labels()?.len() as i32;
        if level_given && self.group_by != Some(GroupBy::Node) {
            errors.add("/query/level", "unused", "level applies to group_by=node only");
        } else if self.level > depth {
            errors.add("/query/level", "range", format!("the plan has {depth} levels"));
        }
        errors.into_result()
    }

    /// A cache key naming everything the body depends on.
    pub fn key(&self, plan: &Plan, sight: &SummarySight) -> String {
        format!(
            "summary:{}:{}:{}:{:?}:{}:{:?}:{:?}:{:?}",
            plan.id, plan.data_version, self.fiscal_year, self.group_by, self.level, self.rating, self.states, sight
        )
    }
}

fn scale_codes(plan: &Plan) -> ApiResult<Vec<String>> {
    Ok(plan.rating_scale()?.into_iter().map(|g| g.code).collect())
}

/// How counts are had: from the kept counts (every request), or recounted from the rows (the
/// check that the kept counts are exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    Kept,
    Recount,
}

/// Computes a plan's summary (see [`PlanSummary`]) from the kept counts.
pub fn plan_summary(
    conn: &mut DbConnection,
    plan: &Plan,
    req: &SummaryRequest,
    sight: &SummarySight,
) -> ApiResult<PlanSummary> {
    plan_summary_by(conn, plan, req, sight, Counting::Kept)
}

/// Computes a plan's summary, counted as `counting` says.
pub fn plan_summary_by(
    conn: &mut DbConnection,
    plan: &Plan,
    req: &SummaryRequest,
    sight: &SummarySight,
    counting: Counting,
) -> ApiResult<PlanSummary> {
    let scale = scale_codes(plan)?;
    let grouping = req.group_by.map(|g| match g {
        GroupBy::Node => Grouping::Node(req.level),
        GroupBy::Department => Grouping::Department,
    });
    let filter = query::Filter { rating: req.rating, states: &req.states, sight };
    let mut counted = match counting {
        Counting::Kept => {
            kept::count(conn, plan.id.0, &kept::Read::Year { fy: req.fiscal_year, grouping }, &filter, &scale)?
        }
        Counting::Recount => {
            let units = query::Units::Plan { plan: plan.id.0, fy: req.fiscal_year, grouping };
            query::count(conn, &units, &filter, &|_| scale.clone())?
        }
    };
    let rule = plan.rating_rule()?;
    let mut take =
        |key: &str| counted.remove(key).unwrap_or_else(|| Counts::new(&scale).finish()).suggest(rule.as_ref());
    let totals = take("");
    let mut groups = Vec::new();
    for (key, code, label) in group_labels(conn, plan, grouping)? {
        let counts = take(&key.to_string());
        groups.push(SummaryGroup { key, code, label, counts });
    }
    let level_labels = plan.level_labels()?;
    Ok(PlanSummary {
        plan_id: plan.id.0,
        fiscal_year: req.fiscal_year,
        fiscal_year_label: fiscal_year::label(req.fiscal_year),
        rating: req.rating,
        states: filter.counted_states().to_vec(),
        group_by: req.group_by,
        level: (req.group_by == Some(GroupBy::Node)).then_some(req.level),
        level_label: (req.group_by == Some(GroupBy::Node))
            .then(|| level_labels.get(req.level as usize - 1).cloned())
            .flatten(),
        legend: Legend::new(plan.rating_scale()?),
        totals,
        groups,
        plan_targets: plan_targets(conn, plan, req.fiscal_year)?,
        data_version: internal_version(plan, sight),
    })
}

/// The groups to show, in order: every node of the level (plan order), or every department
/// responsible for one of the plan's initiatives (by name).
fn group_labels(
    conn: &mut DbConnection,
    plan: &Plan,
    grouping: Option<Grouping>,
) -> ApiResult<Vec<(Uuid, Option<String>, String)>> {
    Ok(match grouping {
        None => Vec::new(),
        Some(Grouping::Node(level)) => plan_nodes::table
            .filter(plan_nodes::plan_id.eq(plan.id))
            .filter(plan_nodes::level.eq(level))
            .order(plan_nodes::sort_path)
            .select((plan_nodes::id, plan_nodes::code, plan_nodes::title))
            .load::<(DbUuid, Option<String>, String)>(conn)?
            .into_iter()
            .map(|(id, code, title)| (id.0, code, title))
            .collect(),
        Some(Grouping::Department) => departments::table
            .filter(
                departments::id.eq_any(
                    initiative_departments::table
                        .inner_join(initiatives::table)
                        .filter(initiatives::plan_id.eq(plan.id))
                        .select(initiative_departments::department_id),
                ),
            )
            .order((departments::name, departments::id))
            .select((departments::id, departments::name))
            .load::<(DbUuid, String)>(conn)?
            .into_iter()
            .map(|(id, name)| (id.0, None, name))
            .collect(),
    })
}

/// The plan-level targets valid in `fy`, with that year's values (two queries).
pub fn plan_targets(conn: &mut DbConnection, plan: &Plan, fy: i32) -> ApiResult<Vec<PlanTargetYear>> {
    let targets: Vec<Indicator> = indicators::table
        .filter(indicators::plan_id.eq(plan.id))
        .filter(indicators::initiative_id.is_null())
        .filter(indicators::valid_from_fy.is_null().or(indicators::valid_from_fy.le(fy)))
        .filter(indicators::valid_to_fy.is_null().or(indicators::valid_to_fy.ge(fy)))
        .order((indicators::position, indicators::id))
        .select(Indicator::as_select())
        .load(conn)?;
    let ids: Vec<DbUuid> = targets.iter().map(|t| t.id).collect();
    type TargetActualRaw = (Option<f64>, Option<f64>, Option<String>);
    let values: HashMap<DbUuid, TargetActualRaw> = indicator_values::table
        .filter(indicator_values::indicator_id.eq_any(&ids))
        .filter(indicator_values::fiscal_year.eq(fy))
        .select((
            indicator_values::indicator_id,
            (indicator_values::target, indicator_values::actual, indicator_values::raw),
        ))
        .load::<(DbUuid, TargetActualRaw)>(conn)?
        .into_iter()
        .collect();
    targets
        .into_iter()
        .map(|t| {
            let direction = Direction::from_db(&t.direction)?;
            let (target, actual, raw) = values.get(&t.id).cloned().unwrap_or((None, None, None));
            Ok(PlanTargetYear {
                id: t.id.0,
                key: t.bundle_key,
                name: t.name,
                unit: t.unit,
                direction,
                baseline_value: t.baseline_value,
                baseline_fy: t.baseline_fy,
                baseline_fy_label: t.baseline_fy.map(fiscal_year::label),
                final_target: t.final_target,
                target,
                actual,
                raw,
                achievement: achievement::evaluate(direction, t.tolerance, target, actual),
            })
        })
        .collect()
}

/// A trend's years: `from` and `to` default to the plan period and must lie in it, in order
/// (422 naming the parameter).
pub fn trend_range(plan: &Plan, from: Option<i32>, to: Option<i32>) -> ApiResult<(i32, i32)> {
    let (from, to) = (from.unwrap_or(plan.start_fy), to.unwrap_or(plan.end_fy));
    let mut errors = Errors::default();
    plan.check_fy(&mut errors, "/query/from", Some(from));
    plan.check_fy(&mut errors, "/query/to", Some(to));
    if errors.0.is_empty() && from > to {
        errors.add("/query/to", "fiscal_year_order", "must not be before from");
    }
    errors.into_result()?;
    Ok((from, to))
}

/// Computes a plan's totals per fiscal year of `from..=to` from the kept counts.
pub fn plan_trend(
    conn: &mut DbConnection,
    plan: &Plan,
    range: (i32, i32),
    rating: RatingSource,
    states: &[WorkflowState],
    sight: &SummarySight,
) -> ApiResult<PlanTrend> {
    plan_trend_by(conn, plan, range, (rating, states), sight, Counting::Kept)
}

/// Computes a plan's totals per fiscal year, counted as `counting` says.
pub fn plan_trend_by(
    conn: &mut DbConnection,
    plan: &Plan,
    (from, to): (i32, i32),
    (rating, states): (RatingSource, &[WorkflowState]),
    sight: &SummarySight,
    counting: Counting,
) -> ApiResult<PlanTrend> {
    let scale = scale_codes(plan)?;
    let rule = plan.rating_rule()?;
    let filter = query::Filter { rating, states, sight };
    let mut counted = match counting {
        Counting::Kept => kept::count(conn, plan.id.0, &kept::Read::Years { from, to }, &filter, &scale)?,
        Counting::Recount => {
            let units = query::Units::Trend { plan: plan.id.0, from, to };
            query::count(conn, &units, &filter, &|_| scale.clone())?
        }
    };
    Ok(PlanTrend {
        plan_id: plan.id.0,
        from,
        to,
        rating,
        states: filter.counted_states().to_vec(),
        legend: Legend::new(plan.rating_scale()?),
        years: (from..=to)
            .map(|fy| TrendYear {
                fiscal_year: fy,
                fiscal_year_label: fiscal_year::label(fy),
                counts: counted
                    .remove(&fy.to_string())
                    .unwrap_or_else(|| Counts::new(&scale).finish())
                    .suggest(rule.as_ref()),
            })
            .collect(),
        data_version: internal_version(plan, sight),
    })
}

/// The plan's data version for internal bodies; none in public ones, where a counter that every
/// draft edit moves would tell that something unpublished changed (and defeat HTTP caches).
fn internal_version(plan: &Plan, sight: &SummarySight) -> Option<i64> {
    (!matches!(sight, SummarySight::Published)).then_some(plan.data_version)
}

pub use crate::web::cache::PRIVATE_CACHE;
