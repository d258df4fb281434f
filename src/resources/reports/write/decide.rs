//! What one change does to one report, decided in memory from what is stored (pure: no database,
//! no HTTP): every check (rights, visibility, fiscal year, indicator validity, workflow state,
//! precondition, grades), the rows to insert and update, the next version and the views before
//! and after, from which the revision, the audit event and the answer follow.

use std::collections::HashMap;

use uuid::Uuid;

use super::super::change::{check_grades, check_stored, check_validity, wrong_state, Precondition, ReportChange};
use super::super::change::{QuarterInput, ValueInput};
use super::super::context::{not_found, Context};
use super::super::diff;
use super::super::views::{assemble, AnnualReportView};
use crate::db::DbUuid;
use crate::domain::workflow;
use crate::error::{ApiError, ApiResult};
use crate::models::audit::Actor;
use crate::models::indicators::{Indicator, IndicatorValue};
use crate::models::reports::{Quarter, Report};
use crate::models::users::UserNames;
use crate::web::auth::{Principal, Role};
use crate::web::policy::{self, ReportSight};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Updated,
    Unchanged,
}

/// What is stored for one initiative's report of the year, as the decision needs it.
pub struct Stored<'a> {
    pub report: Option<&'a Report>,
    /// The report's quarters, in quarter order.
    pub quarters: &'a [Quarter],
    /// The initiative's indicators, in display order.
    pub indicators: &'a [Indicator],
    /// The year's values of those indicators, by indicator.
    pub values: &'a HashMap<DbUuid, IndicatorValue>,
}

/// The rows one decision writes. Updates carry the new version: each is conditional on the one
/// before it (the version read).
#[derive(Debug, Default)]
pub struct Rows {
    /// The report after the change; inserted when `created`, else updated.
    pub report: Option<Report>,
    pub created: bool,
    pub quarter_inserts: Vec<Quarter>,
    pub quarter_updates: Vec<Quarter>,
    pub value_inserts: Vec<IndicatorValue>,
    pub value_updates: Vec<IndicatorValue>,
}

/// A new version of the report: its rows, and what the history and the audit trail record.
#[derive(Debug)]
pub struct NewVersion {
    pub rows: Rows,
    /// `create`, `update`, `quarter` or `indicator_value`.
    pub action: &'static str,
    pub before: Option<AnnualReportView>,
    pub after: AnnualReportView,
}

/// The decision on one change.
#[derive(Debug)]
pub struct Decision {
    pub outcome: Outcome,
    pub report_id: Option<DbUuid>,
    /// The report's version after the write (`None`: there is no report).
    pub version: Option<i32>,
    /// The fields the write changes, as the history names them.
    pub changed_fields: Vec<String>,
    /// `None`: nothing to write.
    pub new_version: Option<NewVersion>,
    /// An `If-Match` on the report: a version that moved after it was read is a 412, not a 409.
    pub report_tag: bool,
}

/// Decides `change` against what is stored. `names` has the display names of the stored
/// report's author and of the actor; `now` stamps every row written.
#[allow(clippy::too_many_arguments)]
pub fn decide(
    principal: &Principal,
    actor: &Actor,
    ctx: &Context,
    fy: i32,
    change: ReportChange,
    stored: &Stored,
    names: &UserNames,
    now: chrono::NaiveDateTime,
) -> ApiResult<Decision> {
    let department = change.touches_department_data();
    let committee = change.touches_committee_fields();
    if department {
        policy::write_initiative_data(principal, &ctx.responsible)?;
    }
    if committee {
        policy::review_report(principal)?;
    }
    let existing = stored.report;
    match existing {
        Some(report) if ctx.sight(principal, report)? != ReportSight::Current => return Err(not_found()),
        // The committee never creates reports, and learns nothing about drafts.
        None if principal.role == Role::Committee => return Err(not_found()),
        _ => {}
    }
    ctx.check_fy(fy)?;
    let mut indicators = Vec::with_capacity(change.values.len());
    for (id, _) in &change.values {
        let indicator =
            stored.indicators.iter().find(|i| i.id == *id).ok_or_else(|| ApiError::not_found("indicator"))?;
        check_validity(&ctx.plan, indicator, fy)?;
        indicators.push(indicator);
    }
    let before = existing.cloned().unwrap_or_else(|| draft(ctx.initiative.id, fy, actor, now));
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

    let stored_quarter = |n: i32| stored.quarters.iter().find(|q| q.quarter == n);
    match &change.precondition {
        Precondition::None => {}
        Precondition::Report(if_match) => match existing {
            Some(r) => if_match.check(r.version)?,
            // A precondition on a report that does not exist yet cannot hold.
            None if if_match.is_present() => return Err(ApiError::PreconditionFailed),
            None => {}
        },
        Precondition::Quarter(if_match) => {
            let first = change.quarters.first().and_then(|(n, _)| existing.and(stored_quarter(*n)));
            check_stored(if_match, first.map(|q| q.version))?
        }
        Precondition::Value(if_match) => {
            let first = change.values.first().and_then(|(id, _)| stored.values.get(id));
            check_stored(if_match, first.map(|v| v.version))?
        }
    }
    let report_tag = matches!(&change.precondition, Precondition::Report(m) if m.is_present());

    let after = match change.fields {
        Some(fields) => fields.apply(before.clone()),
        None => before.clone(),
    };
    check_grades(ctx, &after)?;
    let fields_changed = Report { version: before.version, updated_at: before.updated_at, ..after.clone() } != before;
    let report_id = before.id;
    let mut rows = Rows::default();
    for (n, input) in &change.quarters {
        let old = existing.and(stored_quarter(*n));
        if !quarter_changes(old, input, change.sparse) {
            continue;
        }
        let mark = input.mark.map(|m| m.as_str().to_string());
        let (plan_text, result_text) = (input.plan_text.clone(), input.result_text.clone());
        match old {
            Some(q) => rows.quarter_updates.push(Quarter {
                plan_text,
                result_text,
                mark,
                version: q.version + 1,
                updated_at: now,
                ..q.clone()
            }),
            None => rows.quarter_inserts.push(Quarter {
                id: DbUuid(Uuid::now_v7()),
                report_id,
                quarter: *n,
                plan_text,
                result_text,
                mark,
                version: 1,
                created_at: now,
                updated_at: now,
            }),
        }
    }
    for (id, input) in &change.values {
        let old = stored.values.get(id);
        if !value_changes(old, input, change.sparse) {
            continue;
        }
        let (target, actual, raw) = (input.target, input.actual, input.raw.clone());
        match old {
            Some(v) => rows.value_updates.push(IndicatorValue {
                target,
                actual,
                raw,
                version: v.version + 1,
                updated_at: now,
                ..v.clone()
            }),
            None => rows.value_inserts.push(IndicatorValue {
                id: DbUuid(Uuid::now_v7()),
                indicator_id: *id,
                fiscal_year: fy,
                target,
                actual,
                raw,
                version: 1,
                created_at: now,
                updated_at: now,
            }),
        }
    }
    let quarters_changed = !(rows.quarter_inserts.is_empty() && rows.quarter_updates.is_empty());
    let values_changed = !(rows.value_inserts.is_empty() && rows.value_updates.is_empty());
    let anything = fields_changed || quarters_changed || values_changed;
    let unchanged = |report: Option<&Report>| Decision {
        outcome: Outcome::Unchanged,
        report_id: report.map(|r| r.id),
        version: report.map(|r| r.version),
        changed_fields: vec![],
        new_version: None,
        report_tag,
    };
    if !anything && (existing.is_some() || change.sparse) {
        return Ok(unchanged(existing));
    }

    let (row, action, before_view) = match existing {
        None => (after, "create", None),
        Some(existing) => {
            let before_view = view(ctx, existing.clone(), stored.quarters, stored, &[], &[], names)?;
            let next_state = if department { workflow::after_department_edit(state_before) } else { state_before };
            let row = Report {
                version: existing.version + 1,
                updated_at: now,
                updated_by: actor.user_id.map(DbUuid),
                workflow_state: next_state.as_str().into(),
                ..after
            };
            let action = match (fields_changed, quarters_changed, values_changed) {
                (false, true, false) => "quarter",
                (false, false, true) => "indicator_value",
                _ => "update",
            };
            (row, action, Some(before_view))
        }
    };
    let quarters_after = merged_quarters(stored.quarters, &rows);
    let after_view = view(ctx, row.clone(), &quarters_after, stored, &rows.value_inserts, &rows.value_updates, names)?;
    let changed_fields = diff::changed_fields(before_view.as_ref(), &after_view)?;
    rows.created = existing.is_none();
    rows.report = Some(row);
    Ok(Decision {
        outcome: if existing.is_none() { Outcome::Created } else { Outcome::Updated },
        report_id: Some(report_id),
        version: Some(after_view.version),
        changed_fields,
        new_version: Some(NewVersion { rows, action, before: before_view, after: after_view }),
        report_tag,
    })
}

/// A new, empty draft.
fn draft(initiative: DbUuid, fy: i32, actor: &Actor, now: chrono::NaiveDateTime) -> Report {
    Report { created_at: now, updated_at: now, ..Report::draft(initiative, fy, actor) }
}

/// Whether writing `input` over the stored quarter changes it; `sparse`: an empty quarter where
/// none is stored is no change.
fn quarter_changes(stored: Option<&Quarter>, input: &QuarterInput, sparse: bool) -> bool {
    let mark = input.mark.map(|m| m.as_str());
    match stored {
        Some(q) => q.plan_text != input.plan_text || q.result_text != input.result_text || q.mark.as_deref() != mark,
        None => !sparse || input.plan_text.is_some() || input.result_text.is_some() || mark.is_some(),
    }
}

/// Whether writing `input` over the stored value changes it; `sparse`: an empty value where none
/// is stored is no change.
pub fn value_changes(stored: Option<&IndicatorValue>, input: &ValueInput, sparse: bool) -> bool {
    match stored {
        Some(v) => v.target != input.target || v.actual != input.actual || v.raw != input.raw,
        None => !sparse || input.target.is_some() || input.actual.is_some() || input.raw.is_some(),
    }
}

/// The report's quarters after the rows are written, in quarter order.
fn merged_quarters(stored: &[Quarter], rows: &Rows) -> Vec<Quarter> {
    let mut quarters: Vec<Quarter> = stored
        .iter()
        .map(|q| rows.quarter_updates.iter().find(|u| u.id == q.id).unwrap_or(q).clone())
        .chain(rows.quarter_inserts.iter().cloned())
        .collect();
    quarters.sort_by_key(|q| q.quarter);
    quarters
}

/// The view of `report` with the stored values overlaid by those written.
fn view(
    ctx: &Context,
    report: Report,
    quarters: &[Quarter],
    stored: &Stored,
    inserted: &[IndicatorValue],
    updated: &[IndicatorValue],
    names: &UserNames,
) -> ApiResult<AnnualReportView> {
    let written: HashMap<DbUuid, &IndicatorValue> =
        inserted.iter().chain(updated).map(|v| (v.indicator_id, v)).collect();
    let value = |id: DbUuid| written.get(&id).copied().or_else(|| stored.values.get(&id));
    assemble(ctx, report, quarters, stored.indicators, value, names)
}

#[cfg(test)]
mod tests;
