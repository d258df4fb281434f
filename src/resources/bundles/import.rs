//! Importing a plan bundle: validate everything first (every error with its JSON pointer),
//! then write the whole plan in one transaction.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use uuid::Uuid;

use super::format::*;
use crate::db::schema::{
    departments as departments_table, indicators as indicators_table, initiative_departments, initiative_placements,
    initiatives as initiatives_table,
};
use crate::db::{now, DbConnection, DbUuid};
use crate::domain::enums::{InitiativeStatus, PlanCategory, ProgressStatus, QuarterMark, WorkflowState};
use crate::domain::validation::{self, Tidy};
use crate::error::{ApiError, ApiResult};
use crate::models::audit::{self, Actor, Change, Nothing};
use crate::models::indicators::{Indicator, IndicatorValue};
use crate::models::nodes::Node;
use crate::models::plans::Plan;
use crate::models::reports::{Quarter, Report};
use crate::resources::departments::{self, DepartmentInput};
use crate::resources::indicators::{self, Baseline, IndicatorInput};
use crate::resources::initiatives::{self, InitiativeInput};
use crate::resources::nodes::{self, NodeInput};
use crate::resources::plans;
use crate::resources::reports::context::Context;
use crate::resources::reports::write;

/// What an import created, for the response.
#[derive(Debug, Clone, Default, serde::Serialize, utoipa::ToSchema)]
pub struct ImportCounts {
    #[schema(example = 53)]
    pub nodes: usize,
    #[schema(example = 48)]
    pub initiatives: usize,
    /// Placements beyond each initiative's primary node (※再掲).
    #[schema(example = 10)]
    pub cross_listings: usize,
    #[schema(example = 0)]
    pub departments_created: usize,
    #[schema(example = 12)]
    pub departments_matched: usize,
    pub indicators: usize,
    pub plan_targets: usize,
    #[schema(example = 144)]
    pub annual_reports: usize,
    pub quarter_updates: usize,
    pub indicator_values: usize,
}

use super::check::{check, default_direction, indicator_validity, target_key, value_years};

/// Validates and writes a bundle as a new plan, in the caller's transaction.
pub fn import(conn: &mut DbConnection, actor: &Actor, bundle: &PlanBundle) -> ApiResult<(Plan, ImportCounts)> {
    let known: HashSet<String> =
        departments_table::table.select(departments_table::name).load::<String>(conn)?.into_iter().collect();
    let checked = check(bundle, &known).map_err(|e| ApiError::Validation(e.0))?;
    let mut counts = ImportCounts::default();
    let mut created_departments: Vec<String> = Vec::new();
    // Departments by name, created when missing.
    let mut department_ids: HashMap<String, DbUuid> = departments_table::table
        .select((departments_table::name, departments_table::id))
        .load::<(String, DbUuid)>(conn)?
        .into_iter()
        .collect();
    for d in &bundle.departments {
        let name = d.name.tidy().to_string();
        match department_ids.entry(name) {
            std::collections::hash_map::Entry::Occupied(_) => counts.departments_matched += 1,
            std::collections::hash_map::Entry::Vacant(slot) => {
                let input = DepartmentInput { name: slot.key().clone(), kind: d.kind };
                let row = departments::insert_row(conn, &input)?;
                created_departments.push(input.name.clone());
                slot.insert(row.id);
                counts.departments_created += 1;
            }
        }
    }

    let mut plan_input = checked.plan;
    plan_input.owner_department_id = bundle.plan.owner_department.as_deref().map(|name| department_ids[name.tidy()].0);
    let plan = plans::insert(conn, &plan_input)?;

    // Nodes, parents before children, siblings in bundle order.
    let mut by_key: HashMap<&str, Node> = HashMap::new();
    let mut sibling_count: HashMap<Option<&str>, i32> = HashMap::new();
    let mut pending: Vec<&BundleNode> = bundle.nodes.iter().collect();
    while !pending.is_empty() {
        let before = pending.len();
        let mut rest = Vec::new();
        for n in pending {
            let parent = match n.parent_key.as_deref() {
                None => None,
                Some(k) => match by_key.get(k) {
                    Some(p) => Some(p.clone()),
                    None => {
                        rest.push(n);
                        continue;
                    }
                },
            };
            let slot = sibling_count.entry(n.parent_key.as_deref()).or_insert(0);
            let position = *slot;
            *slot += 1;
            let input = NodeInput {
                parent_id: None,
                key: Some(n.key.clone()),
                code: n.code.clone(),
                title: n.title.clone(),
                objective: n.objective.clone(),
                main_actions: n.main_actions.clone(),
                position: Some(position),
            };
            let row = nodes::insert(conn, &plan, parent.as_ref(), &input, position)?;
            by_key.insert(n.key.as_str(), row);
            counts.nodes += 1;
        }
        if rest.len() == before {
            return Err(ApiError::Internal("node hierarchy could not be ordered".into()));
        }
        pending = rest;
    }

    // Initiatives with their links, indicators and years: collected, then written one
    // multi-row statement per kind of row (the reports through the write path's rows).
    let scale = plan.rating_scale()?;
    let rule = plan.rating_rule()?;
    let ts = now();
    let mut initiative_rows = Vec::new();
    let mut placements = Vec::new();
    let mut responsible = Vec::new();
    let mut indicator_rows: Vec<Indicator> = Vec::new();
    let mut replacements: Vec<(DbUuid, DbUuid)> = Vec::new();
    // Per initiative: its context, indicators (display order) and the years' rows.
    let mut contexts = Vec::new();
    let mut years_of = Vec::new();
    for init in &bundle.initiatives {
        let input = InitiativeInput {
            key: Some(init.key.clone()),
            code: init.code.clone(),
            title: init.title.clone(),
            description: init.description.clone(),
            aim: init.aim.clone(),
            notes: init.notes.clone(),
            related_programs: init.related_programs.clone(),
            node_ids: Vec::new(),
            department_ids: Vec::new(),
            active_from_fy: init.active_from_fy.map(|f| f.0),
            active_to_fy: init.active_to_fy.map(|f| f.0),
            status: init.status.unwrap_or(InitiativeStatus::Active),
        };
        let row = initiatives::row_from(plan.id, DbUuid(Uuid::now_v7()), &input);
        let node_ids: Vec<DbUuid> = init.node_keys.iter().map(|k| by_key[k.as_str()].id).collect();
        let dep_ids: Vec<DbUuid> = init.departments.iter().map(|n| department_ids[n.tidy()]).collect();
        for (position, node) in node_ids.iter().enumerate() {
            placements.push((
                initiative_placements::initiative_id.eq(row.id),
                initiative_placements::node_id.eq(*node),
                initiative_placements::position.eq(position as i32),
            ));
        }
        for (position, dep) in dep_ids.iter().enumerate() {
            responsible.push((
                initiative_departments::initiative_id.eq(row.id),
                initiative_departments::department_id.eq(*dep),
                initiative_departments::position.eq(position as i32),
            ));
        }
        counts.initiatives += 1;
        counts.cross_listings += node_ids.len().saturating_sub(1);

        let mut indicator_ids: HashMap<&str, DbUuid> = HashMap::new();
        let mut own: Vec<Indicator> = Vec::new();
        let mut validity: Vec<(DbUuid, Option<i32>, &BundleIndicator)> = Vec::new();
        let spans = value_years(init);
        for (position, ind) in init.indicators.iter().enumerate() {
            let (from, to) = indicator_validity(ind, &spans);
            let input = IndicatorInput {
                key: Some(ind.key.clone()),
                name: ind.name.clone(),
                unit: ind.unit.clone(),
                direction: default_direction(ind.direction, ind.final_target),
                tolerance: ind.tolerance,
                baseline: baseline(&ind.baseline),
                final_target: ind.final_target,
                valid_from_fy: from,
                valid_to_fy: to,
                position: Some(position as i32),
            };
            let row = indicators::row_from(&plan, Some(row.id), DbUuid(Uuid::now_v7()), &input, position as i32);
            indicator_ids.insert(ind.key.as_str(), row.id);
            validity.push((row.id, to, ind));
            own.push(row);
            counts.indicators += 1;
        }
        // Successor links: as given, else the one indicator that ends the FY before this one starts.
        for (indicator, ind) in own.iter().zip(&init.indicators) {
            let replaces = match &ind.replaces_key {
                Some(given) => given.as_deref().map(|k| indicator_ids[k]),
                None => indicator.valid_from_fy.and_then(|f| {
                    let closing: Vec<DbUuid> =
                        validity.iter().filter(|(_, to, _)| *to == Some(f - 1)).map(|v| v.0).collect();
                    (closing.len() == 1).then(|| closing[0])
                }),
            };
            if let Some(r) = replaces {
                replacements.push((indicator.id, r));
            }
        }

        let mut years = Vec::new();
        for year in &init.years {
            let mut report = Report::draft(row.id, year.fiscal_year.0, &Actor::default());
            (report.created_at, report.updated_at) = (ts, ts);
            report.category = year.category.as_deref().and_then(PlanCategory::from_label).map(|c| c.as_str().into());
            report.plan_text = year.plan_text.clone();
            report.result_text = year.result_text.clone();
            report.issues_text = year.issues_text.clone();
            report.next_steps_text = year.next_steps_text.clone();
            report.previous_year_result_text = year.previous_year_result_text.clone();
            report.progress_status =
                year.progress_status.as_deref().and_then(ProgressStatus::from_label).map(|p| p.as_str().into());
            report.self_rating = year.rating.clone();
            report.committee_rating = year.committee_rating.clone();
            report.committee_opinion = year.committee_opinion.clone();
            report.workflow_state = year.workflow_state.unwrap_or(WorkflowState::Published).as_str().into();
            let quarters: Vec<Quarter> = year
                .quarters
                .iter()
                .map(|q| Quarter {
                    id: DbUuid(Uuid::now_v7()),
                    report_id: report.id,
                    quarter: q.quarter,
                    plan_text: q.plan_text.clone(),
                    result_text: q.result_text.clone(),
                    mark: q.mark.as_deref().and_then(QuarterMark::from_sheet).map(|m| m.as_str().into()),
                    version: 1,
                    created_at: ts,
                    updated_at: ts,
                })
                .collect();
            let values: Vec<IndicatorValue> = year
                .indicator_values
                .iter()
                .map(|v| {
                    let id = indicator_ids[v.indicator_key.as_str()];
                    value_row(id, year.fiscal_year.0, v.target, v.actual, v.raw.clone(), ts)
                })
                .collect();
            counts.annual_reports += 1;
            counts.quarter_updates += quarters.len();
            counts.indicator_values += values.len();
            years.push((report, quarters, values));
        }
        let responsible_ids = dep_ids.iter().map(|d| d.0).collect();
        let ctx = Context {
            plan: plan.clone(),
            initiative: row.clone(),
            responsible: responsible_ids,
            scale: scale.clone(),
            rule: rule.clone(),
        };
        initiative_rows.push(row);
        indicator_rows.extend(own.iter().cloned());
        contexts.push((ctx, own));
        years_of.push(years);
    }

    // Plan-level targets.
    let mut target_values = Vec::new();
    for (position, t) in bundle.plan_targets.iter().enumerate() {
        let input = IndicatorInput {
            key: Some(target_key(t, position)),
            name: t.name.clone(),
            unit: t.unit.clone(),
            direction: default_direction(t.direction, t.final_target),
            tolerance: t.tolerance,
            baseline: baseline(&t.baseline),
            final_target: t.final_target,
            valid_from_fy: None,
            valid_to_fy: None,
            position: Some(position as i32),
        };
        validation::check(&input)?;
        let row = indicators::row_from(&plan, None, DbUuid(Uuid::now_v7()), &input, position as i32);
        counts.plan_targets += 1;
        for y in &t.years {
            target_values.push(value_row(row.id, y.fiscal_year.0, y.target, y.actual, y.raw.clone(), ts));
        }
        indicator_rows.push(row);
    }
    counts.indicator_values += target_values.len();

    crate::insert_many!(conn, initiatives_table::table, initiative_rows)?;
    crate::insert_many!(conn, initiative_placements::table, placements)?;
    crate::insert_many!(conn, initiative_departments::table, responsible)?;
    crate::insert_many!(conn, indicators_table::table, indicator_rows)?;
    for (id, replaces) in replacements {
        diesel::update(indicators_table::table.find(id))
            .set(indicators_table::replaces_id.eq(replaces))
            .execute(conn)?;
    }
    let imported = contexts
        .iter()
        .zip(years_of)
        .flat_map(|((ctx, own), years)| {
            years.into_iter().map(move |(report, quarters, values)| write::Imported {
                ctx,
                indicators: own,
                report,
                quarters,
                values,
            })
        })
        .collect();
    write::insert_imported(conn, imported, target_values)?;

    let view = plans::PlanView::try_from(plan.clone())?;
    audit::record(
        conn,
        actor,
        Change::<Nothing, _> {
            action: "import",
            entity_type: "plan",
            entity_id: plan.id.0,
            plan_id: Some(plan.id.0),
            before: None,
            after: Some(
                &serde_json::json!({ "plan": view, "counts": counts, "departments_created": created_departments }),
            ),
        },
    )?;
    Ok((plan, counts))
}

fn baseline(b: &Option<BundleBaseline>) -> Option<Baseline> {
    b.as_ref().and_then(|b| b.value.map(|value| Baseline { fiscal_year: b.fiscal_year.0, value }))
}

fn value_row(
    indicator_id: DbUuid,
    fiscal_year: i32,
    target: Option<f64>,
    actual: Option<f64>,
    raw: Option<String>,
    ts: chrono::NaiveDateTime,
) -> IndicatorValue {
    IndicatorValue {
        id: DbUuid(Uuid::now_v7()),
        indicator_id,
        fiscal_year,
        target,
        actual,
        raw,
        version: 1,
        created_at: ts,
        updated_at: ts,
    }
}
