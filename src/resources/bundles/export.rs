//! Exporting a plan as a bundle: the inverse of import. Nothing but keys identifies
//! things in a bundle, so export → import → export yields the same document.

use std::collections::{BTreeMap, HashMap};

use diesel::prelude::*;
use uuid::Uuid;

use super::format::*;
use crate::db::schema::{
    annual_reports, departments, indicators as indicators_table, initiative_placements,
    initiatives as initiatives_table, plan_nodes, quarter_updates,
};
use crate::db::{DbConnection, DbUuid};
use crate::domain::enums::{
    Direction, InitiativeStatus, PlanCategory, PlanStatus, ProgressStatus, QuarterMark, WorkflowState,
};
use crate::error::ApiResult;
use crate::models::indicators::Indicator;
use crate::models::initiatives::Initiative;
use crate::models::nodes::Node;
use crate::models::plans::Plan;
use crate::models::{indicators, initiatives};
use crate::resources::departments::Department;
use crate::resources::initiatives::RelatedPrograms;
use crate::web::policy;

/// (report id, quarter, plan text, result text, mark)
type QuarterRow = (DbUuid, i32, Option<String>, Option<String>, Option<String>);

#[derive(Queryable)]
struct ReportRow {
    id: DbUuid,
    initiative_id: DbUuid,
    fiscal_year: i32,
    category: Option<String>,
    plan_text: Option<String>,
    result_text: Option<String>,
    issues_text: Option<String>,
    next_steps_text: Option<String>,
    previous_year_result_text: Option<String>,
    progress_status: Option<String>,
    self_rating: Option<String>,
    committee_rating: Option<String>,
    committee_opinion: Option<String>,
    workflow_state: String,
}

/// The whole plan; `reader`: leave out the years of reports that caller may not see (`None`: all).
pub fn export(
    conn: &mut DbConnection,
    plan: &Plan,
    reader: Option<&crate::web::auth::Principal>,
) -> ApiResult<PlanBundle> {
    let nodes: Vec<Node> = plan_nodes::table
        .filter(plan_nodes::plan_id.eq(plan.id))
        .order(plan_nodes::sort_path)
        .select(Node::as_select())
        .load(conn)?;
    let node_keys: HashMap<DbUuid, String> = nodes.iter().map(|n| (n.id, n.bundle_key.clone())).collect();
    let node_paths: HashMap<DbUuid, String> = nodes.iter().map(|n| (n.id, n.sort_path.clone())).collect();

    // Initiatives in tree order of their primary node, then by code.
    let mut inits: Vec<(String, Initiative)> = initiatives_table::table
        .inner_join(initiative_placements::table)
        .filter(initiatives_table::plan_id.eq(plan.id).and(initiative_placements::position.eq(0)))
        .select((initiative_placements::node_id, Initiative::as_select()))
        .load::<(DbUuid, Initiative)>(conn)?
        .into_iter()
        .map(|(node, i)| (node_paths.get(&node).cloned().unwrap_or_default(), i))
        .collect();
    inits.sort_by(|a, b| (&a.0, &a.1.code_sort, a.1.id).cmp(&(&b.0, &b.1.code_sort, b.1.id)));
    let ids: Vec<DbUuid> = inits.iter().map(|(_, i)| i.id).collect();
    let mut links = initiatives::load_links(conn, &ids)?;

    let all_indicators: Vec<Indicator> = indicators_table::table
        .filter(indicators_table::plan_id.eq(plan.id))
        .order((indicators_table::position, indicators_table::id))
        .select(Indicator::as_select())
        .load(conn)?;
    let indicator_keys: HashMap<DbUuid, String> = all_indicators.iter().map(|i| (i.id, i.bundle_key.clone())).collect();
    let indicator_ids: Vec<DbUuid> = all_indicators.iter().map(|i| i.id).collect();
    let mut values = indicators::load_values(conn, &indicator_ids)?;

    let reports: Vec<ReportRow> = annual_reports::table
        .inner_join(initiatives_table::table)
        .filter(initiatives_table::plan_id.eq(plan.id))
        .select((
            annual_reports::id,
            annual_reports::initiative_id,
            annual_reports::fiscal_year,
            annual_reports::category,
            annual_reports::plan_text,
            annual_reports::result_text,
            annual_reports::issues_text,
            annual_reports::next_steps_text,
            annual_reports::previous_year_result_text,
            annual_reports::progress_status,
            annual_reports::self_rating,
            annual_reports::committee_rating,
            annual_reports::committee_opinion,
            annual_reports::workflow_state,
        ))
        .load(conn)?;
    let quarters: Vec<QuarterRow> = quarter_updates::table
        .inner_join(annual_reports::table.inner_join(initiatives_table::table))
        .filter(initiatives_table::plan_id.eq(plan.id))
        .order((quarter_updates::report_id, quarter_updates::quarter))
        .select((
            quarter_updates::report_id,
            quarter_updates::quarter,
            quarter_updates::plan_text,
            quarter_updates::result_text,
            quarter_updates::mark,
        ))
        .load(conn)?;
    let mut quarters_by_report: HashMap<DbUuid, Vec<BundleQuarter>> = HashMap::new();
    for (report, quarter, plan_text, result_text, mark) in quarters {
        let mark = mark.as_deref().map(QuarterMark::from_db).transpose()?.map(|m| m.label().to_string());
        quarters_by_report.entry(report).or_default().push(BundleQuarter { quarter, plan_text, result_text, mark });
    }
    let mut reports_by_initiative: HashMap<DbUuid, Vec<ReportRow>> = HashMap::new();
    for r in reports {
        reports_by_initiative.entry(r.initiative_id).or_default().push(r);
    }
    let mut indicators_by_initiative: HashMap<Option<DbUuid>, Vec<&Indicator>> = HashMap::new();
    for i in &all_indicators {
        indicators_by_initiative.entry(i.initiative_id).or_default().push(i);
    }

    let mut department_order: Vec<String> = Vec::new();
    let mut initiatives_out = Vec::new();
    for (_, init) in inits {
        let link = links.remove(&init.id).unwrap_or_default();
        for (_, name) in &link.departments {
            if !department_order.contains(name) {
                department_order.push(name.clone());
            }
        }
        let own: Vec<&Indicator> = indicators_by_initiative.remove(&Some(init.id)).unwrap_or_default();
        let mut years: BTreeMap<i32, BundleYear> = BTreeMap::new();
        for r in reports_by_initiative.remove(&init.id).unwrap_or_default() {
            years.insert(
                r.fiscal_year,
                BundleYear {
                    fiscal_year: Fy(r.fiscal_year),
                    category: r
                        .category
                        .as_deref()
                        .map(PlanCategory::from_db)
                        .transpose()?
                        .map(|c| c.label().to_string()),
                    plan_text: r.plan_text,
                    quarters: quarters_by_report.remove(&r.id).unwrap_or_default(),
                    result_text: r.result_text,
                    issues_text: r.issues_text,
                    next_steps_text: r.next_steps_text,
                    progress_status: r
                        .progress_status
                        .as_deref()
                        .map(ProgressStatus::from_db)
                        .transpose()?
                        .map(|p| p.label().to_string()),
                    rating: r.self_rating,
                    committee_rating: r.committee_rating,
                    committee_opinion: r.committee_opinion,
                    indicator_values: Vec::new(),
                    previous_year_result_text: r.previous_year_result_text,
                    workflow_state: Some(WorkflowState::from_db(&r.workflow_state)?),
                },
            );
        }
        for ind in &own {
            for v in values.remove(&ind.id).unwrap_or_default() {
                let year = years.entry(v.fiscal_year).or_insert_with(|| empty_year(v.fiscal_year));
                year.indicator_values.push(BundleValue {
                    indicator_key: ind.bundle_key.clone(),
                    actual: v.actual,
                    target: v.target,
                    raw: v.raw,
                });
            }
        }
        if let Some(reader) = reader {
            // Drafts stay with those who may see them (docs/domain.md, "Report workflow": the committee never sees drafts).
            let responsible: Vec<Uuid> = link.departments.iter().map(|(id, _)| *id).collect();
            years.retain(|_, y| {
                y.workflow_state.is_none_or(|state| {
                    policy::see_report(reader, &responsible, state, false) == policy::ReportSight::Current
                })
            });
        }
        initiatives_out.push(BundleInitiative {
            key: init.bundle_key,
            code: (!init.code.is_empty()).then_some(init.code),
            title: init.title,
            description: init.description,
            aim: init.aim,
            node_keys: link
                .node_ids
                .iter()
                .map(|id| node_keys.get(&DbUuid(*id)).cloned().unwrap_or_default())
                .collect(),
            departments: link.departments.into_iter().map(|(_, name)| name).collect(),
            notes: init.notes,
            related_programs: (init.related_city.is_some() || init.related_council.is_some())
                .then_some(RelatedPrograms { city: init.related_city, council: init.related_council }),
            active_from_fy: init.active_from_fy.map(Fy),
            active_to_fy: init.active_to_fy.map(Fy),
            status: Some(InitiativeStatus::from_db(&init.status)?),
            indicators: own
                .iter()
                .map(|i| {
                    Ok(BundleIndicator {
                        key: i.bundle_key.clone(),
                        name: i.name.clone(),
                        unit: i.unit.clone(),
                        direction: Some(Direction::from_db(&i.direction)?),
                        tolerance: i.tolerance,
                        baseline: baseline(i),
                        final_target: i.final_target,
                        valid_from_fy: Some(i.valid_from_fy.map(Fy)),
                        valid_to_fy: Some(i.valid_to_fy.map(Fy)),
                        replaces_key: Some(i.replaces_id.and_then(|r| indicator_keys.get(&r).cloned())),
                    })
                })
                .collect::<ApiResult<_>>()?,
            years: years.into_values().collect(),
        });
    }

    // The owning council travels with the plan even when no initiative names it.
    let owner: Option<String> = match plan.owner_department_id {
        Some(id) => Some(departments::table.find(id).select(departments::name).first(conn)?),
        None => None,
    };
    if let Some(owner) = &owner {
        if !department_order.contains(owner) {
            department_order.push(owner.clone());
        }
    }
    let kinds: HashMap<String, String> = departments::table
        .filter(departments::name.eq_any(&department_order))
        .select(Department::as_select())
        .load(conn)?
        .into_iter()
        .map(|d| (d.name, d.kind))
        .collect();
    let departments_out = department_order
        .into_iter()
        .map(|name| {
            let kind =
                crate::domain::enums::DepartmentKind::from_db(kinds.get(&name).map(String::as_str).unwrap_or("other"))?;
            Ok(BundleDepartment { name, kind })
        })
        .collect::<ApiResult<_>>()?;

    let targets = indicators_by_initiative
        .remove(&None)
        .unwrap_or_default()
        .into_iter()
        .map(|t| {
            Ok(BundleTarget {
                key: Some(t.bundle_key.clone()),
                name: t.name.clone(),
                unit: t.unit.clone(),
                direction: Some(Direction::from_db(&t.direction)?),
                tolerance: t.tolerance,
                baseline: baseline(t),
                final_target: t.final_target,
                years: values
                    .remove(&t.id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|v| BundleTargetYear {
                        fiscal_year: Fy(v.fiscal_year),
                        target: v.target,
                        actual: v.actual,
                        raw: v.raw,
                    })
                    .collect(),
            })
        })
        .collect::<ApiResult<_>>()?;

    let scale = plan.rating_scale()?;
    Ok(PlanBundle {
        format_version: Some(FORMAT_VERSION),
        source: plan.source.clone(),
        plan: BundlePlan {
            title: plan.title.clone(),
            organization: plan.organization.clone(),
            start_fy: Some(Fy(plan.start_fy)),
            end_fy: Some(Fy(plan.end_fy)),
            level_labels: plan.level_labels()?,
            rating_scale: Some(scale.iter().map(|g| g.code.clone()).collect()),
            rating_legend: Some(scale.into_iter().map(|g| (g.code, g.label)).collect()),
            status: Some(PlanStatus::from_db(&plan.status)?),
            owner_department: owner,
            quarterly_reports: Some(plan.quarterly_reports),
            report_due_days: Some(plan.report_due_days),
            quarter_due_days: Some(plan.quarter_due_days),
            packet_layout: plan
                .packet_layout
                .as_deref()
                .map(crate::domain::enums::PacketLayout::from_db)
                .transpose()?,
            rating_rule: plan.rating_rule()?,
        },
        departments: departments_out,
        nodes: nodes
            .iter()
            .map(|n| BundleNode {
                key: n.bundle_key.clone(),
                parent_key: n.parent_id.and_then(|p| node_keys.get(&p).cloned()),
                level: Some(n.level),
                code: n.code.clone(),
                title: n.title.clone(),
                objective: n.objective.clone(),
                main_actions: n.main_actions.clone(),
            })
            .collect(),
        initiatives: initiatives_out,
        plan_targets: targets,
    })
}

fn baseline(i: &Indicator) -> Option<BundleBaseline> {
    i.baseline_fy.map(|fy| BundleBaseline { fiscal_year: Fy(fy), value: i.baseline_value })
}

fn empty_year(fy: i32) -> BundleYear {
    BundleYear {
        fiscal_year: Fy(fy),
        category: None,
        plan_text: None,
        quarters: Vec::new(),
        result_text: None,
        issues_text: None,
        next_steps_text: None,
        progress_status: None,
        rating: None,
        committee_rating: None,
        committee_opinion: None,
        indicator_values: Vec::new(),
        previous_year_result_text: None,
        workflow_state: None,
    }
}
