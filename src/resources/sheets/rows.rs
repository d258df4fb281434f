//! The rows of a plan's progress sheet for a fiscal year, as one caller may see them: every
//! initiative active in the year in plan order (nodes in sort order, initiatives by code), a
//! cross-listed initiative again under each of its other nodes (※再掲). Read in a fixed number
//! of queries, whatever the plan's size.

use std::collections::HashMap;

use diesel::prelude::*;

use super::layout::{IndicatorCells, Layout, QuarterCells, RowData};
use crate::db::schema::{
    annual_reports, departments, indicator_values, indicators, initiative_departments, initiative_placements,
    initiatives, plan_nodes, quarter_updates,
};
use crate::db::{DbConnection, DbUuid};
use crate::domain::enums::{PlanCategory, ProgressStatus, QuarterMark, WorkflowState};
use crate::domain::fiscal_year;
use crate::error::{ApiError, ApiResult};
use crate::models::indicators::{Indicator, IndicatorValue};
use crate::models::initiatives::Initiative;
use crate::models::plans::Plan;
use crate::models::reports::{Quarter, Report};
use crate::resources::reports::views::AnnualReportView;
use crate::web::auth::Principal;
use crate::web::policy::{self, ReportSight};

/// One row, with the initiative it shows.
pub struct SheetRow {
    pub initiative: DbUuid,
    /// The report now and its version, when the reader sees one.
    pub report: Option<(DbUuid, i32)>,
    pub data: RowData,
}

/// 422 unless the plan period holds `fy`.
pub fn check_fiscal_year(plan: &Plan, fy: i32) -> ApiResult<()> {
    if (plan.start_fy..=plan.end_fy).contains(&fy) {
        return Ok(());
    }
    Err(ApiError::invalid(
        "/query/fiscal_year",
        "fiscal_year_out_of_range",
        format!(
            "{} ({fy}) lies outside the plan period {}–{}",
            fiscal_year::label(fy),
            fiscal_year::label(plan.start_fy),
            fiscal_year::label(plan.end_fy)
        ),
    ))
}

pub fn load(conn: &mut DbConnection, p: &Principal, plan: &Plan, fy: i32) -> ApiResult<(Layout, Vec<SheetRow>)> {
    check_fiscal_year(plan, fy)?;
    let nodes: Vec<(DbUuid, Option<DbUuid>, Option<String>, String)> = plan_nodes::table
        .filter(plan_nodes::plan_id.eq(plan.id))
        .order(plan_nodes::sort_path)
        .select((plan_nodes::id, plan_nodes::parent_id, plan_nodes::code, plan_nodes::title))
        .load(conn)?;
    let parent: HashMap<DbUuid, Option<DbUuid>> = nodes.iter().map(|(id, parent, _, _)| (*id, *parent)).collect();
    let name: HashMap<DbUuid, String> = nodes
        .iter()
        .map(|(id, _, code, title)| {
            let code = code.as_deref().map(str::trim).filter(|c| !c.is_empty());
            (*id, code.map_or_else(|| title.clone(), |c| format!("{c} {title}")))
        })
        .collect();
    let path = |node: DbUuid| {
        let mut chain = vec![node];
        while let Some(Some(up)) = parent.get(chain.last().unwrap()) {
            chain.push(*up);
        }
        chain.reverse();
        chain.into_iter().map(|n| name[&n].clone()).collect::<Vec<_>>()
    };

    let active: HashMap<DbUuid, Initiative> = initiatives::table
        .filter(initiatives::plan_id.eq(plan.id))
        .select(Initiative::as_select())
        .load::<Initiative>(conn)?
        .into_iter()
        .filter(|i| i.active_from_fy.is_none_or(|f| f <= fy) && i.active_to_fy.is_none_or(|t| t >= fy))
        .map(|i| (i.id, i))
        .collect();
    let mut placements: Vec<(DbUuid, DbUuid, i32)> = initiative_placements::table
        .inner_join(initiatives::table)
        .inner_join(plan_nodes::table)
        .filter(initiatives::plan_id.eq(plan.id))
        .order((plan_nodes::sort_path, initiatives::code_sort, initiatives::id))
        .select((initiative_placements::node_id, initiatives::id, initiative_placements::position))
        .load(conn)?;
    placements.retain(|(_, i, _)| active.contains_key(i));
    let placed: std::collections::HashSet<DbUuid> = placements.iter().map(|(_, i, _)| *i).collect();
    let mut unplaced: Vec<&Initiative> = active.values().filter(|i| !placed.contains(&i.id)).collect();
    unplaced.sort_by(|a, b| (&a.code_sort, a.id.0).cmp(&(&b.code_sort, b.id.0)));

    let mut responsible: HashMap<DbUuid, (Vec<uuid::Uuid>, Vec<String>)> = HashMap::new();
    for (initiative, department, department_name) in initiative_departments::table
        .inner_join(initiatives::table)
        .inner_join(departments::table)
        .filter(initiatives::plan_id.eq(plan.id))
        .order(departments::name)
        .select((initiative_departments::initiative_id, departments::id, departments::name))
        .load::<(DbUuid, DbUuid, String)>(conn)?
    {
        let entry = responsible.entry(initiative).or_default();
        entry.0.push(department.0);
        entry.1.push(department_name);
    }
    let reports: HashMap<DbUuid, Report> = annual_reports::table
        .inner_join(initiatives::table)
        .filter(initiatives::plan_id.eq(plan.id).and(annual_reports::fiscal_year.eq(fy)))
        .select(Report::as_select())
        .load::<Report>(conn)?
        .into_iter()
        .map(|r| (r.initiative_id, r))
        .collect();
    let mut quarters: HashMap<DbUuid, Vec<Quarter>> = HashMap::new();
    for q in quarter_updates::table
        .inner_join(annual_reports::table.inner_join(initiatives::table))
        .filter(initiatives::plan_id.eq(plan.id).and(annual_reports::fiscal_year.eq(fy)))
        .select(Quarter::as_select())
        .load::<Quarter>(conn)?
    {
        quarters.entry(q.report_id).or_default().push(q);
    }
    let mut own_indicators: HashMap<DbUuid, Vec<Indicator>> = HashMap::new();
    for ind in indicators::table
        .filter(indicators::plan_id.eq(plan.id).and(indicators::initiative_id.is_not_null()))
        .order((indicators::position, indicators::id))
        .select(Indicator::as_select())
        .load::<Indicator>(conn)?
    {
        if ind.valid_from_fy.is_none_or(|f| f <= fy) && ind.valid_to_fy.is_none_or(|t| t >= fy) {
            if let Some(initiative) = ind.initiative_id {
                own_indicators.entry(initiative).or_default().push(ind);
            }
        }
    }
    let values: HashMap<DbUuid, IndicatorValue> = indicator_values::table
        .inner_join(indicators::table)
        .filter(indicators::plan_id.eq(plan.id).and(indicator_values::fiscal_year.eq(fy)))
        .select(IndicatorValue::as_select())
        .load::<IndicatorValue>(conn)?
        .into_iter()
        .map(|v| (v.indicator_id, v))
        .collect();

    // One RowData per initiative, then one row per placement.
    let mut data: HashMap<DbUuid, RowData> = HashMap::new();
    for (id, initiative) in &active {
        let (responsible_ids, names) = responsible.get(id).cloned().unwrap_or_default();
        let indicators = own_indicators.get(id).map(Vec::as_slice).unwrap_or_default();
        let mut row = RowData {
            key: initiative.bundle_key.clone(),
            code: initiative.code.clone(),
            title: initiative.title.clone(),
            departments: names.join("、"),
            indicators: indicators
                .iter()
                .map(|i| IndicatorCells {
                    key: i.bundle_key.clone(),
                    name: i.name.clone(),
                    target: None,
                    actual: None,
                    raw: None,
                })
                .collect(),
            ..RowData::default()
        };
        let report = reports.get(id);
        let state = report.map(Report::state).transpose()?;
        let sight = policy::see_report(
            p,
            &responsible_ids,
            state.unwrap_or(WorkflowState::Draft),
            report.is_some_and(|r| r.published_snapshot.is_some()),
        );
        match (sight, report) {
            (ReportSight::Current, Some(r)) => {
                fill_from_rows(&mut row, r, quarters.get(&r.id), indicators, &values)?;
                row.version = Some(r.version);
            }
            (ReportSight::Current, None) => {
                fill_values(&mut row, indicators, &values);
                row.version = Some(0);
            }
            (ReportSight::LastPublished, Some(r)) => {
                let snapshot: AnnualReportView =
                    serde_json::from_str(r.published_snapshot.as_deref().unwrap_or_default())?;
                fill_from_view(&mut row, &snapshot);
                row.version = Some(snapshot.version);
            }
            (ReportSight::LastPublished, None) | (ReportSight::Hidden, _) => {
                // Not handed in: nothing of it is shown (nor that it exists); to the upload's
                // merge the row showed no report.
                row.state = None;
                row.version = Some(0);
            }
        }
        data.insert(*id, row);
    }

    let report_of = |initiative: DbUuid| reports.get(&initiative).map(|r| (r.id, r.version));
    let mut rows = Vec::with_capacity(placements.len() + unplaced.len());
    let mut deepest = 0;
    for (node, initiative, position) in placements {
        let mut row = data[&initiative].clone();
        row.levels = path(node);
        row.relisted = position > 0;
        deepest = deepest.max(row.levels.len());
        rows.push(SheetRow { initiative, report: report_of(initiative), data: row });
    }
    for initiative in unplaced {
        rows.push(SheetRow {
            initiative: initiative.id,
            report: report_of(initiative.id),
            data: data[&initiative.id].clone(),
        });
    }
    let mut labels = plan.level_labels()?;
    labels.truncate(deepest);
    while labels.len() < deepest {
        labels.push(format!("階層{}", labels.len() + 1));
    }
    let most_indicators = data.values().map(|r| r.indicators.len()).max().unwrap_or(0);
    Ok((Layout::new(fy, &labels, plan.quarterly_reports, most_indicators), rows))
}

fn fill_from_rows(
    row: &mut RowData,
    r: &Report,
    quarters: Option<&Vec<Quarter>>,
    indicators: &[Indicator],
    values: &HashMap<DbUuid, IndicatorValue>,
) -> ApiResult<()> {
    row.state = Some(r.state()?);
    row.category = r.category.as_deref().map(PlanCategory::from_db).transpose()?;
    row.plan_text = r.plan_text.clone();
    row.result_text = r.result_text.clone();
    row.issues_text = r.issues_text.clone();
    row.next_steps_text = r.next_steps_text.clone();
    row.progress = r.progress_status.as_deref().map(ProgressStatus::from_db).transpose()?;
    row.self_rating = r.self_rating.clone();
    row.committee_rating = r.committee_rating.clone();
    row.committee_opinion = r.committee_opinion.clone();
    for q in quarters.into_iter().flatten().filter(|q| (1..=4).contains(&q.quarter)) {
        row.quarters[(q.quarter - 1) as usize] = QuarterCells {
            plan_text: q.plan_text.clone(),
            result_text: q.result_text.clone(),
            mark: q.mark.as_deref().map(QuarterMark::from_db).transpose()?,
        };
    }
    fill_values(row, indicators, values);
    Ok(())
}

fn fill_values(row: &mut RowData, indicators: &[Indicator], values: &HashMap<DbUuid, IndicatorValue>) {
    for (cells, ind) in row.indicators.iter_mut().zip(indicators) {
        if let Some(v) = values.get(&ind.id) {
            cells.target = v.target;
            cells.actual = v.actual;
            cells.raw = v.raw.clone();
        }
    }
}

/// The row as a version of its report showed it (its report fields, quarters and values only).
pub fn as_of(now: &RowData, v: Option<&AnnualReportView>) -> RowData {
    let mut row = RowData {
        levels: now.levels.clone(),
        key: now.key.clone(),
        code: now.code.clone(),
        title: now.title.clone(),
        relisted: now.relisted,
        departments: now.departments.clone(),
        indicators: now
            .indicators
            .iter()
            .map(|i| IndicatorCells { target: None, actual: None, raw: None, ..i.clone() })
            .collect(),
        ..RowData::default()
    };
    if let Some(v) = v {
        fill_from_view(&mut row, v);
        row.version = Some(v.version);
    }
    row
}

fn fill_from_view(row: &mut RowData, v: &AnnualReportView) {
    row.state = Some(WorkflowState::Published);
    row.category = v.category;
    row.plan_text = v.plan_text.clone();
    row.result_text = v.result_text.clone();
    row.issues_text = v.issues_text.clone();
    row.next_steps_text = v.next_steps_text.clone();
    row.progress = v.progress_status;
    row.self_rating = v.self_rating.clone();
    row.committee_rating = v.committee_rating.clone();
    row.committee_opinion = v.committee_opinion.clone();
    for q in v.quarters.iter().filter(|q| (1..=4).contains(&q.quarter)) {
        row.quarters[(q.quarter - 1) as usize] =
            QuarterCells { plan_text: q.plan_text.clone(), result_text: q.result_text.clone(), mark: q.mark };
    }
    for cells in row.indicators.iter_mut() {
        if let Some(value) = v.indicator_values.iter().find(|x| x.indicator_key == cells.key) {
            cells.target = value.target;
            cells.actual = value.actual;
            cells.raw = value.raw.clone();
        }
    }
}
