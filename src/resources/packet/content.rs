//! What a packet shows, read in a fixed number of statements: the plan's nodes, the initiatives
//! active in the year where the tree places them, their indicators, and each report of the
//! plan's years as the committee is shown it — handed in (submitted, reviewed, published) as
//! it is now, a report being corrected as it was last published, any other as 未提出 (never a
//! draft), whoever asks.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::db::schema::{
    annual_reports, departments, indicator_values, indicators, initiative_departments, initiative_placements,
    initiatives, plan_nodes, quarter_updates,
};
use crate::db::{DbConnection, DbUuid};
use crate::domain::achievement;
use crate::domain::enums::{Direction, PlanCategory, ProgressStatus, QuarterMark, WorkflowState};
use crate::domain::suggestion::{self, RatingRule, Suggestion};
use crate::error::ApiResult;
use crate::models::plans::Plan;
use crate::models::reports::{Quarter, Report};
use crate::resources::reports::views::{basis_of, published};
use crate::resources::summaries::{self, PlanSummary, RatingSource, SummaryRequest};
use crate::web::policy::SummarySight;

/// A node of the plan's tree.
pub struct Node {
    pub id: DbUuid,
    pub parent: Option<DbUuid>,
    pub code: Option<String>,
    pub title: String,
    pub level: i32,
    pub objective: Option<String>,
    pub main_actions: Option<String>,
}

impl Node {
    /// The node as printed: its code, then its title.
    pub fn label(&self) -> String {
        match self.code.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            Some(code) => format!("{code} {}", self.title),
            None => self.title.clone(),
        }
    }
}

pub struct Indicator {
    pub id: DbUuid,
    pub name: String,
    pub unit: Option<String>,
    pub valid_from: Option<i32>,
    pub valid_to: Option<i32>,
    pub direction: Direction,
    pub tolerance: Option<f64>,
}

impl Indicator {
    pub fn valid_in(&self, fy: i32) -> bool {
        self.valid_from.is_none_or(|f| f <= fy) && self.valid_to.is_none_or(|t| t >= fy)
    }
}

pub struct Initiative {
    pub id: DbUuid,
    pub code: String,
    pub title: String,
    pub description: Option<String>,
    pub aim: Option<String>,
    pub notes: Option<String>,
    pub related_city: Option<String>,
    pub related_council: Option<String>,
    pub departments: Vec<String>,
    pub indicators: Vec<Indicator>,
}

/// A report as the packet shows it.
#[derive(Default, Clone)]
pub struct Shown {
    pub category: Option<String>,
    pub plan_text: Option<String>,
    pub result_text: Option<String>,
    pub issues_text: Option<String>,
    pub next_steps_text: Option<String>,
    pub progress: Option<String>,
    pub self_rating: Option<String>,
    pub committee_rating: Option<String>,
    pub committee_opinion: Option<String>,
    /// Q1 to Q4: the quarter's plan and its mark (○ × —).
    pub quarters: [(Option<String>, Option<String>); 4],
    /// The year's actual of each indicator, as written (the printed cell where there is one).
    pub actuals: HashMap<DbUuid, String>,
    /// What the plan's rule suggests for the year (`None`: the plan has no rule).
    pub suggestion: Option<Suggestion>,
}

/// A report of one initiative and year: shown, or not handed in (未提出). No report at all is
/// `None` in [`Content::report`].
pub enum Year {
    Shown(Box<Shown>),
    NotHandedIn,
}

pub struct Content {
    pub plan: Plan,
    pub fy: i32,
    /// Nodes in plan order (sort path).
    pub nodes: Vec<Node>,
    /// Initiatives active in `fy`, by id.
    pub initiatives: HashMap<DbUuid, Initiative>,
    /// Where the tree places each initiative, in plan order: (node, initiative, ※再掲).
    pub placed: Vec<(DbUuid, DbUuid, bool)>,
    reports: HashMap<(DbUuid, i32), Year>,
    /// The year's summary over reports handed in (the committee's sight).
    pub summary: PlanSummary,
    /// The plan's rule suggesting self-ratings.
    pub rule: Option<RatingRule>,
}

impl Content {
    pub fn report(&self, initiative: DbUuid, fy: i32) -> Option<&Year> {
        self.reports.get(&(initiative, fy))
    }

    pub fn node(&self, id: DbUuid) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// The node's ancestors and itself, top first.
    pub fn path(&self, id: DbUuid) -> Vec<&Node> {
        let mut chain = Vec::new();
        let mut at = self.node(id);
        while let Some(node) = at {
            chain.push(node);
            at = node.parent.and_then(|p| self.node(p));
        }
        chain.reverse();
        chain
    }
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        // Thousands separators, as the sheets print them.
        let digits = format!("{}", value.abs() as i64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if value < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        format!("{value}")
    }
}

/// An actual as printed: the cell as written when there is one, else the number.
fn actual(raw: Option<&str>, actual: Option<f64>) -> Option<String> {
    raw.map(str::to_string).filter(|r| !r.trim().is_empty()).or_else(|| actual.map(number))
}

fn label<T: Copy>(text: Option<&str>, from: fn(&str) -> Option<T>, label: fn(T) -> &'static str) -> Option<String> {
    text.and_then(from).map(|v| label(v).to_string())
}

pub fn load(conn: &mut DbConnection, plan: Plan, fy: i32) -> ApiResult<Content> {
    let nodes: Vec<Node> = plan_nodes::table
        .filter(plan_nodes::plan_id.eq(plan.id))
        .order(plan_nodes::sort_path)
        .select((
            plan_nodes::id,
            plan_nodes::parent_id,
            plan_nodes::code,
            plan_nodes::title,
            plan_nodes::level,
            plan_nodes::objective,
            plan_nodes::main_actions,
        ))
        .load::<(DbUuid, Option<DbUuid>, Option<String>, String, i32, Option<String>, Option<String>)>(conn)?
        .into_iter()
        .map(|(id, parent, code, title, level, objective, main_actions)| Node {
            id,
            parent,
            code,
            title,
            level,
            objective,
            main_actions,
        })
        .collect();

    type InitiativeRow =
        (DbUuid, String, String, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);
    let rows: Vec<InitiativeRow> = initiatives::table
        .filter(initiatives::plan_id.eq(plan.id))
        .filter(initiatives::active_from_fy.is_null().or(initiatives::active_from_fy.le(fy)))
        .filter(initiatives::active_to_fy.is_null().or(initiatives::active_to_fy.ge(fy)))
        .select((
            initiatives::id,
            initiatives::code,
            initiatives::title,
            initiatives::description,
            initiatives::aim,
            initiatives::notes,
            initiatives::related_city,
            initiatives::related_council,
        ))
        .load(conn)?;
    let mut active: HashMap<DbUuid, Initiative> = rows
        .into_iter()
        .map(|(id, code, title, description, aim, notes, related_city, related_council)| {
            let i = Initiative {
                id,
                code,
                title,
                description,
                aim,
                notes,
                related_city,
                related_council,
                departments: Vec::new(),
                indicators: Vec::new(),
            };
            (id, i)
        })
        .collect();

    for (initiative, name) in initiative_departments::table
        .inner_join(initiatives::table)
        .inner_join(departments::table)
        .filter(initiatives::plan_id.eq(plan.id))
        .order((initiative_departments::initiative_id, initiative_departments::position))
        .select((initiative_departments::initiative_id, departments::name))
        .load::<(DbUuid, String)>(conn)?
    {
        if let Some(i) = active.get_mut(&initiative) {
            i.departments.push(name);
        }
    }

    let placed: Vec<(DbUuid, DbUuid, bool)> = initiative_placements::table
        .inner_join(initiatives::table)
        .inner_join(plan_nodes::table)
        .filter(initiatives::plan_id.eq(plan.id))
        .order((plan_nodes::sort_path, initiatives::code_sort, initiatives::id))
        .select((initiative_placements::node_id, initiatives::id, initiative_placements::position))
        .load::<(DbUuid, DbUuid, i32)>(conn)?
        .into_iter()
        .filter(|(_, i, _)| active.contains_key(i))
        .map(|(n, i, position)| (n, i, position > 0))
        .collect();

    type IndicatorRow = (DbUuid, Option<DbUuid>, String, Option<String>, Option<i32>, Option<i32>, String, Option<f64>);
    let indicator_rows: Vec<IndicatorRow> = indicators::table
        .filter(indicators::plan_id.eq(plan.id))
        .filter(indicators::initiative_id.is_not_null())
        .order((indicators::position, indicators::id))
        .select((
            indicators::id,
            indicators::initiative_id,
            indicators::name,
            indicators::unit,
            indicators::valid_from_fy,
            indicators::valid_to_fy,
            indicators::direction,
            indicators::tolerance,
        ))
        .load(conn)?;
    for (id, initiative, name, unit, valid_from, valid_to, direction, tolerance) in indicator_rows {
        if let Some(i) = initiative.and_then(|i| active.get_mut(&i)) {
            let direction = Direction::from_db(&direction)?;
            i.indicators.push(Indicator { id, name, unit, valid_from, valid_to, direction, tolerance });
        }
    }

    // Reports of every year of the plan, with their quarters and the values of their years.
    let reports: Vec<Report> = annual_reports::table
        .inner_join(initiatives::table)
        .filter(initiatives::plan_id.eq(plan.id))
        .select(Report::as_select())
        .load(conn)?;
    let quarters: Vec<Quarter> = quarter_updates::table
        .inner_join(annual_reports::table.inner_join(initiatives::table))
        .filter(initiatives::plan_id.eq(plan.id))
        .select(Quarter::as_select())
        .load(conn)?;
    let mut quarters_of: HashMap<DbUuid, Vec<Quarter>> = HashMap::new();
    for q in quarters {
        quarters_of.entry(q.report_id).or_default().push(q);
    }
    type ValueRow = (DbUuid, Option<DbUuid>, i32, Option<f64>, Option<String>, Option<f64>);
    let values: Vec<ValueRow> = indicator_values::table
        .inner_join(indicators::table)
        .filter(indicators::plan_id.eq(plan.id))
        .filter(indicators::initiative_id.is_not_null())
        .select((
            indicator_values::indicator_id,
            indicators::initiative_id,
            indicator_values::fiscal_year,
            indicator_values::actual,
            indicator_values::raw,
            indicator_values::target,
        ))
        .load(conn)?;
    let mut values_of: HashMap<(DbUuid, i32), HashMap<DbUuid, String>> = HashMap::new();
    // Target and actual of each indicator, per initiative and year.
    type Numbers = HashMap<DbUuid, (Option<f64>, Option<f64>)>;
    let mut numbers_of: HashMap<(DbUuid, i32), Numbers> = HashMap::new();
    for (indicator, initiative, year, value, raw, target) in values {
        let Some(initiative) = initiative else { continue };
        numbers_of.entry((initiative, year)).or_default().insert(indicator, (target, value));
        if let Some(text) = actual(raw.as_deref(), value) {
            values_of.entry((initiative, year)).or_default().insert(indicator, text);
        }
    }
    let rule = plan.rating_rule()?;
    // The suggestion for a report handed in, from its year's values as they are now.
    let suggestion_of = |initiative: DbUuid, year: i32| -> Option<Suggestion> {
        let rule = rule.as_ref()?;
        let numbers = numbers_of.get(&(initiative, year));
        let verdicts =
            active.get(&initiative).into_iter().flat_map(|i| &i.indicators).filter(|i| i.valid_in(year)).map(|i| {
                let (target, actual) = numbers.and_then(|n| n.get(&i.id)).copied().unwrap_or_default();
                achievement::evaluate(i.direction, i.tolerance, target, actual).status
            });
        Some(suggestion::suggest(rule, basis_of(verdicts)))
    };

    let mut shown: HashMap<(DbUuid, i32), Year> = HashMap::new();
    for report in reports {
        let key = (report.initiative_id, report.fiscal_year);
        let state = report.state()?;
        let year = if matches!(state, WorkflowState::Submitted | WorkflowState::Reviewed | WorkflowState::Published) {
            let mut q: [(Option<String>, Option<String>); 4] = Default::default();
            for quarter in quarters_of.remove(&report.id).unwrap_or_default() {
                if (1..=4).contains(&quarter.quarter) {
                    let mark = label(quarter.mark.as_deref(), QuarterMark::from_label, QuarterMark::label);
                    q[quarter.quarter as usize - 1] = (quarter.plan_text.clone(), mark);
                }
            }
            Year::Shown(Box::new(Shown {
                category: label(report.category.as_deref(), PlanCategory::from_label, PlanCategory::label),
                plan_text: report.plan_text.clone(),
                result_text: report.result_text.clone(),
                issues_text: report.issues_text.clone(),
                next_steps_text: report.next_steps_text.clone(),
                progress: label(report.progress_status.as_deref(), ProgressStatus::from_label, ProgressStatus::label),
                self_rating: report.self_rating.clone(),
                committee_rating: report.committee_rating.clone(),
                committee_opinion: report.committee_opinion.clone(),
                quarters: q,
                actuals: values_of.remove(&key).unwrap_or_default(),
                suggestion: suggestion_of(report.initiative_id, report.fiscal_year),
            }))
        } else if report.published_snapshot.is_some() {
            // Being corrected: the edition last published, with its figures.
            let view = published(&report, &plan)?;
            let mut q: [(Option<String>, Option<String>); 4] = Default::default();
            for quarter in &view.quarters {
                if (1..=4).contains(&quarter.quarter) {
                    q[quarter.quarter as usize - 1] = (quarter.plan_text.clone(), quarter.mark_label.clone());
                }
            }
            Year::Shown(Box::new(Shown {
                category: view.category_label.clone(),
                plan_text: view.plan_text.clone(),
                result_text: view.result_text.clone(),
                issues_text: view.issues_text.clone(),
                next_steps_text: view.next_steps_text.clone(),
                progress: view.progress_status_label.clone(),
                self_rating: view.self_rating.clone(),
                committee_rating: view.committee_rating.clone(),
                committee_opinion: view.committee_opinion.clone(),
                quarters: q,
                actuals: view
                    .indicator_values
                    .iter()
                    .filter_map(|v| Some((DbUuid(v.indicator_id), actual(v.raw.as_deref(), v.actual)?)))
                    .collect(),
                suggestion: rule.as_ref().map(|rule| {
                    suggestion::suggest(rule, basis_of(view.indicator_values.iter().map(|v| v.achievement.status)))
                }),
            }))
        } else {
            Year::NotHandedIn
        };
        shown.insert(key, year);
    }

    let request = SummaryRequest {
        fiscal_year: fy,
        group_by: None,
        level: 1,
        rating: RatingSource::SelfRating,
        states: Vec::new(),
    };
    let summary = summaries::plan_summary(conn, &plan, &request, &SummarySight::HandedInOr(Vec::new()))?;
    Ok(Content { plan, fy, nodes, initiatives: active, placed, reports: shown, summary, rule })
}
