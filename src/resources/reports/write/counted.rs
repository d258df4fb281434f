//! What a decision changes of the kept summary counts: the fiscal year's facts
//! ([`tally::Year`]) as the rows will say them after the write, worked out in memory from what
//! was loaded and what was decided (pure), so that the counts need not read the rows back
//! ([`crate::db::tally::count`]).

use std::collections::HashMap;

use uuid::Uuid;

use super::decide::{Rows, Stored};
use crate::domain::enums::Direction;
use crate::domain::tally::{self, ReportRow, Snapshot, Year};
use crate::error::{ApiError, ApiResult};
use crate::models::indicators::IndicatorValue;
use crate::models::reports::{Quarter, Report};
use crate::resources::reports::context::Context;

/// Year `fy` of the initiative as its rows say after `rows` are written over `stored`, when that
/// differs from what they said before (`None`: the counts do not change, or the initiative is
/// not active in the year, which nothing counts).
pub fn changed_year(ctx: &Context, fy: i32, stored: &Stored, rows: &Rows) -> ApiResult<Option<Year>> {
    let Some(after) = rows.report.as_ref() else { return Ok(None) };
    let initiative = &ctx.initiative;
    let active = (initiative.active_from_fy, initiative.active_to_fy);
    if !tally::active_in(fy, active, (ctx.plan.start_fy, ctx.plan.end_fy)) {
        return Ok(None);
    }
    let mut rules = Vec::with_capacity(stored.indicators.len());
    for i in stored.indicators {
        let direction = Direction::from_db(&i.direction)?;
        rules.push(tally::Rule {
            id: i.id.0,
            direction,
            tolerance: i.tolerance,
            from: i.valid_from_fy,
            to: i.valid_to_fy,
        });
    }
    rules.sort_by_key(|r| r.id);
    let before = match stored.report {
        Some(report) => year(fy, &rules, report, stored.quarters.iter(), stored.values.values())?,
        // No report before: what the rows said then (the year's values only).
        None => tally::year(fy, &rules, None, &value_of(stored.values.values()), None),
    };
    let quarters = overlay(
        stored.quarters.iter().map(|q| (q.id.0, q)),
        rows.quarter_updates.iter().chain(&rows.quarter_inserts).map(|q| (q.id.0, q)),
    );
    let values = overlay(
        stored.values.values().map(|v| (v.id.0, v)),
        rows.value_updates.iter().chain(&rows.value_inserts).map(|v| (v.id.0, v)),
    );
    let after = year(fy, &rules, after, quarters.into_values(), values.into_values())?;
    Ok((before != after).then_some(after))
}

/// The rows `stored`, with `written` in place of those with the same id (and new ones added).
fn overlay<'a, T>(
    stored: impl Iterator<Item = (Uuid, &'a T)>,
    written: impl Iterator<Item = (Uuid, &'a T)>,
) -> HashMap<Uuid, &'a T> {
    let mut rows: HashMap<Uuid, &T> = stored.collect();
    rows.extend(written);
    rows
}

fn value_of<'a>(values: impl Iterator<Item = &'a IndicatorValue>) -> impl Fn(Uuid) -> Option<tally::Value> {
    let by_indicator: HashMap<Uuid, tally::Value> = values.map(|v| (v.indicator_id.0, (v.target, v.actual))).collect();
    move |indicator| by_indicator.get(&indicator).copied()
}

/// The year's facts of `report` with these quarters and values.
fn year<'a>(
    fy: i32,
    rules: &[tally::Rule],
    report: &Report,
    quarters: impl Iterator<Item = &'a Quarter>,
    values: impl Iterator<Item = &'a IndicatorValue>,
) -> ApiResult<Year> {
    // The published edition of a report under correction (the rows' own edition otherwise).
    let snapshot: Option<Snapshot> = match (&report.published_snapshot, report.workflow_state.as_str()) {
        (Some(text), state) if state != "published" => Some(
            serde_json::from_str(text)
                .map_err(|e| ApiError::Internal(format!("a published snapshot cannot be read: {e}")))?,
        ),
        _ => None,
    };
    let row = ReportRow {
        state: &report.workflow_state,
        progress: report.progress_status.as_deref(),
        self_rating: report.self_rating.as_deref(),
        committee_rating: report.committee_rating.as_deref(),
        marks: quarters.filter_map(|q| Some((q.quarter, q.mark.clone()?))).collect(),
    };
    Ok(tally::year(fy, rules, Some(row), &value_of(values), snapshot.as_ref()))
}
