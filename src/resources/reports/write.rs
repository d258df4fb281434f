//! One write to an initiative's report for a fiscal year: report fields, quarters and indicator
//! values, checked and applied together as one new version of the report (one revision, one
//! audit event). The single endpoints (`PUT` report, quarter, indicator value), the batch and
//! the progress sheet import all write through [`apply`], so they check and store the same way.

use std::collections::HashMap;

use diesel::prelude::*;
use uuid::Uuid;

use super::change::{check_grades, check_validity, wrong_state, Precondition, ReportChange, ValueInput};
use super::context::{not_found, Context};
use super::store::commit;
use super::views::AnnualReportView;
use crate::db::schema::{annual_reports, indicator_values, quarter_updates};
use crate::db::{now, DbConnection, DbUuid};
use crate::domain::workflow;
use crate::error::{ApiError, ApiResult};
use crate::models::audit::Actor;
use crate::models::indicators::IndicatorValue;
use crate::models::reports::{find, Quarter, Report};
use crate::resources::reports::change::check_stored;
use crate::web::auth::{Principal, Role};
use crate::web::http::IfMatch;
use crate::web::policy::{self, ReportSight};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
}

pub struct Applied {
    pub outcome: Outcome,
    pub report_id: Option<DbUuid>,
    /// The report's version after the write (`None`: there is no report).
    pub version: Option<i32>,
    /// The report after the write (`None` when nothing was written).
    pub view: Option<AnnualReportView>,
    /// The fields the write changed, as the history names them (`result_text`, `quarters/2/mark` …).
    pub changed_fields: Vec<String>,
}

/// Checks the change against the caller's rights, the report's visibility and workflow state,
/// the fiscal year, the indicators' validity, the precondition and the rating scale, then
/// writes it. The caller holds the plan's write lock ([`Context::load`] with `lock`).
pub fn apply(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    ctx: &Context,
    fy: i32,
    change: ReportChange,
) -> ApiResult<Applied> {
    let department = change.touches_department_data();
    let committee = change.touches_committee_fields();
    if department {
        policy::write_initiative_data(principal, &ctx.responsible)?;
    }
    if committee {
        policy::review_report(principal)?;
    }
    let existing = find(conn, ctx.initiative.id, fy)?;
    match &existing {
        Some(report) if ctx.sight(principal, report)? != ReportSight::Current => return Err(not_found()),
        // The committee never creates reports, and learns nothing about drafts.
        None if principal.role == Role::Committee => return Err(not_found()),
        _ => {}
    }
    ctx.check_fy(fy)?;
    for (indicator, _) in &change.values {
        check_validity(&ctx.plan, indicator, fy)?;
    }
    let before = existing.clone().unwrap_or_else(|| Report::draft(ctx.initiative.id, fy, actor));
    let state_before = before.state()?;
    if department && !workflow::department_text_editable(state_before) {
        let what = match (&change.fields, change.quarters.is_empty()) {
            (Some(f), _) if f.has_department_fields() => "department text is edited in draft or returned only",
            (_, false) => "quarters are written in draft or returned only",
            _ => "indicator values are written in draft or returned only",
        };
        return Err(wrong_state(state_before, what));
    }
    if committee && !workflow::committee_fields_editable(state_before) {
        return Err(wrong_state(
            state_before,
            "the committee's opinion and rating are written while the report is submitted or reviewed",
        ));
    }

    let quarters = quarter_writes(conn, existing.as_ref(), &change)?;
    let values = value_writes(conn, fy, &change)?;
    match &change.precondition {
        Precondition::None => {}
        Precondition::Report(if_match) => match &existing {
            Some(r) => if_match.check(r.version)?,
            // A precondition on a report that does not exist yet cannot hold.
            None if if_match.is_present() => return Err(ApiError::PreconditionFailed),
            None => {}
        },
        Precondition::Quarter(if_match) => {
            check_stored(if_match, quarters.first().and_then(|w| w.stored.as_ref()).map(|q| q.version))?
        }
        Precondition::Value(if_match) => {
            check_stored(if_match, values.first().and_then(|w| w.stored.as_ref()).map(|v| v.version))?
        }
    }

    let after = match change.fields {
        Some(fields) => fields.apply(before.clone()),
        None => before.clone(),
    };
    check_grades(ctx, &after)?;
    let fields_changed = Report { version: before.version, updated_at: before.updated_at, ..after.clone() } != before;
    let quarters: Vec<QuarterWrite> = quarters.into_iter().filter(|w| w.changes).collect();
    let values: Vec<ValueWrite> = values.into_iter().filter(|w| w.changes).collect();
    let anything = fields_changed || !quarters.is_empty() || !values.is_empty();

    let Some(existing) = existing else {
        if change.sparse && !anything {
            return Ok(Applied {
                outcome: Outcome::Unchanged,
                report_id: None,
                version: None,
                view: None,
                changed_fields: vec![],
            });
        }
        diesel::insert_into(annual_reports::table).values(&after).execute(conn)?;
        write_quarters(conn, after.id, &quarters)?;
        write_values(conn, fy, &values, &IfMatch::none())?;
        let view = commit(conn, actor, ctx, after.id, None, "create")?;
        let changed_fields = super::diff::changed_fields(None, &view)?;
        return Ok(Applied {
            outcome: Outcome::Created,
            report_id: Some(after.id),
            version: Some(view.version),
            view: Some(view),
            changed_fields,
        });
    };
    if !anything {
        return Ok(Applied {
            outcome: Outcome::Unchanged,
            report_id: Some(existing.id),
            version: Some(existing.version),
            view: None,
            changed_fields: vec![],
        });
    }
    let before_view = super::views::view_one(conn, ctx, existing.clone())?;
    let next_state = if department { workflow::after_department_edit(state_before) } else { state_before };
    let row = Report {
        version: existing.version + 1,
        updated_at: now(),
        updated_by: actor.user_id.map(DbUuid),
        workflow_state: next_state.as_str().into(),
        ..after
    };
    // Conditional on the version read: the database decides between concurrent writers.
    let rows =
        diesel::update(annual_reports::table.find(existing.id).filter(annual_reports::version.eq(existing.version)))
            .set(&row)
            .execute(conn)?;
    match &change.precondition {
        Precondition::Report(if_match) => if_match.applied(rows)?,
        _ => IfMatch::none().applied(rows)?,
    }
    write_quarters(conn, existing.id, &quarters)?;
    write_values(conn, fy, &values, &IfMatch::none())?;
    let action = match (fields_changed, quarters.is_empty(), values.is_empty()) {
        (false, false, true) => "quarter",
        (false, true, false) => "indicator_value",
        _ => "update",
    };
    let view = commit(conn, actor, ctx, existing.id, Some(&before_view), action)?;
    let changed_fields = super::diff::changed_fields(Some(&before_view), &view)?;
    Ok(Applied {
        outcome: Outcome::Updated,
        report_id: Some(existing.id),
        version: Some(view.version),
        view: Some(view),
        changed_fields,
    })
}

struct QuarterWrite {
    quarter: i32,
    stored: Option<Quarter>,
    plan_text: Option<String>,
    result_text: Option<String>,
    mark: Option<String>,
    changes: bool,
}

fn quarter_writes(
    conn: &mut DbConnection,
    report: Option<&Report>,
    change: &ReportChange,
) -> ApiResult<Vec<QuarterWrite>> {
    if change.quarters.is_empty() {
        return Ok(Vec::new());
    }
    let mut stored: HashMap<i32, Quarter> = match report {
        Some(r) => quarter_updates::table
            .filter(quarter_updates::report_id.eq(r.id))
            .select(Quarter::as_select())
            .load::<Quarter>(conn)?
            .into_iter()
            .map(|q| (q.quarter, q))
            .collect(),
        None => HashMap::new(),
    };
    Ok(change
        .quarters
        .iter()
        .map(|(quarter, input)| {
            let mark = input.mark.map(|m| m.as_str().to_string());
            let stored = stored.remove(quarter);
            let changes = match &stored {
                Some(q) => q.plan_text != input.plan_text || q.result_text != input.result_text || q.mark != mark,
                None => !change.sparse || input.plan_text.is_some() || input.result_text.is_some() || mark.is_some(),
            };
            QuarterWrite {
                quarter: *quarter,
                stored,
                plan_text: input.plan_text.clone(),
                result_text: input.result_text.clone(),
                mark,
                changes,
            }
        })
        .collect())
}

fn write_quarters(conn: &mut DbConnection, report_id: DbUuid, writes: &[QuarterWrite]) -> ApiResult<()> {
    let ts = now();
    for w in writes {
        match &w.stored {
            Some(q) => {
                let rows =
                    diesel::update(quarter_updates::table.find(q.id).filter(quarter_updates::version.eq(q.version)))
                        .set((
                            quarter_updates::plan_text.eq(&w.plan_text),
                            quarter_updates::result_text.eq(&w.result_text),
                            quarter_updates::mark.eq(&w.mark),
                            quarter_updates::version.eq(q.version + 1),
                            quarter_updates::updated_at.eq(ts),
                        ))
                        .execute(conn)?;
                IfMatch::none().applied(rows)?;
            }
            None => {
                diesel::insert_into(quarter_updates::table)
                    .values(&Quarter {
                        id: DbUuid(Uuid::now_v7()),
                        report_id,
                        quarter: w.quarter,
                        plan_text: w.plan_text.clone(),
                        result_text: w.result_text.clone(),
                        mark: w.mark.clone(),
                        version: 1,
                        created_at: ts,
                        updated_at: ts,
                    })
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

pub(super) struct ValueWrite {
    indicator: DbUuid,
    stored: Option<IndicatorValue>,
    target: Option<f64>,
    actual: Option<f64>,
    raw: Option<String>,
    changes: bool,
}

fn value_writes(conn: &mut DbConnection, fy: i32, change: &ReportChange) -> ApiResult<Vec<ValueWrite>> {
    if change.values.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<DbUuid> = change.values.iter().map(|(i, _)| i.id).collect();
    let mut stored: HashMap<DbUuid, IndicatorValue> = indicator_values::table
        .filter(indicator_values::indicator_id.eq_any(&ids).and(indicator_values::fiscal_year.eq(fy)))
        .select(IndicatorValue::as_select())
        .load::<IndicatorValue>(conn)?
        .into_iter()
        .map(|v| (v.indicator_id, v))
        .collect();
    Ok(change
        .values
        .iter()
        .map(|(indicator, input)| ValueWrite::new(indicator.id, stored.remove(&indicator.id), input, change.sparse))
        .collect())
}

impl ValueWrite {
    /// The write of `input` over the stored value; `sparse`: an empty value where none is stored is no change.
    pub(super) fn new(
        indicator: DbUuid,
        stored: Option<IndicatorValue>,
        input: &ValueInput,
        sparse: bool,
    ) -> ValueWrite {
        let changes = match &stored {
            Some(v) => v.target != input.target || v.actual != input.actual || v.raw != input.raw,
            None => !sparse || input.target.is_some() || input.actual.is_some() || input.raw.is_some(),
        };
        ValueWrite { indicator, stored, target: input.target, actual: input.actual, raw: input.raw.clone(), changes }
    }

    pub(super) fn changes(&self) -> bool {
        self.changes
    }
}

/// Writes the values (each update conditional on the version read; `if_match` decides the
/// error when that version is gone).
pub(super) fn write_values(
    conn: &mut DbConnection,
    fy: i32,
    writes: &[ValueWrite],
    if_match: &IfMatch,
) -> ApiResult<()> {
    let ts = now();
    for w in writes {
        match &w.stored {
            Some(v) => {
                let rows =
                    diesel::update(indicator_values::table.find(v.id).filter(indicator_values::version.eq(v.version)))
                        .set((
                            indicator_values::target.eq(w.target),
                            indicator_values::actual.eq(w.actual),
                            indicator_values::raw.eq(&w.raw),
                            indicator_values::version.eq(v.version + 1),
                            indicator_values::updated_at.eq(ts),
                        ))
                        .execute(conn)?;
                if_match.applied(rows)?;
            }
            None => {
                diesel::insert_into(indicator_values::table)
                    .values(&IndicatorValue {
                        id: DbUuid(Uuid::now_v7()),
                        indicator_id: w.indicator,
                        fiscal_year: fy,
                        target: w.target,
                        actual: w.actual,
                        raw: w.raw.clone(),
                        version: 1,
                        created_at: ts,
                        updated_at: ts,
                    })
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}
