//! The one write path of reports: a set of changes to one fiscal year's reports of a plan —
//! a batch of 10,000 or a single `PUT`, which is a set of one — each checked and applied as one
//! new version of its report (one revision, one audit event). The single endpoints (`PUT`
//! report, quarter, indicator value), the batch and the progress sheet import all write through
//! [`apply_set`], so they check and store the same way.
//!
//! Three phases, with statement counts that do not grow with the number of changes
//! (docs/write-path.md):
//! 1. [`load`]: what is stored, in five statements;
//! 2. [`decide`]: every check, diff, new version and view, in memory (pure; on every core for a
//!    large set, [`parallel`]);
//! 3. [`rows`]: one multi-row statement per kind of row, revisions and audit events included,
//!    and the plan's data version bumped once;
//! 4. the kept summary counts of the years written, from what phase 2 decided the rows now say
//!    ([`counted`], [`crate::db::tally::count`]), worked out beside phase 3: only what is
//!    stored is read, before the write.

mod counted;
mod decide;
mod load;
mod parallel;
mod rows;

use std::collections::HashMap;

use uuid::Uuid;

use self::load::Loaded;
use self::rows::{Batch, RevisionRow};
use super::change::ReportChange;
use super::context::Context;
use super::views::{self, AnnualReportView, ValueStamp};
use crate::db::{now, tally, DbConnection, DbUuid};
use crate::domain::enums::WorkflowState;
use crate::error::{ApiError, ApiResult};
use crate::models::audit::{self, Actor, Event};
use crate::models::indicators::{Indicator, IndicatorValue};
use crate::models::reports::{Quarter, Report};
use crate::models::users::UserNames;
use crate::web::auth::Principal;

pub use decide::{value_changes, Outcome};

/// One change of a set: an initiative (with what the rules need of it) and what to write to its
/// report of the set's fiscal year.
pub struct Item {
    pub ctx: Context,
    pub change: ReportChange,
}

pub struct Applied {
    pub outcome: Outcome,
    pub report_id: Option<DbUuid>,
    /// The report's version after the write (`None`: there is no report).
    pub version: Option<i32>,
    /// The report after the write (`None` when nothing was written).
    pub view: Option<AnnualReportView>,
    /// The fields the write changed, as the history names them (`result_text`, `quarters.2.mark` …).
    pub changed_fields: Vec<String>,
}

/// Decides every change of the set, and writes them when every one is sound: the answer holds
/// each item's outcome or error, in order. When any item fails nothing is written, and the
/// caller (which answers with the errors) rolls back. At most one item per initiative. The
/// caller holds the plan's write lock ([`crate::models::plans::load_locked`]); every item's
/// context is of that plan. `dry_run`: the caller rolls back whatever happens, so the history
/// (revisions, audit events) is not written.
pub fn apply_set(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    fy: i32,
    items: Vec<Item>,
    dry_run: bool,
) -> ApiResult<Vec<ApiResult<Applied>>> {
    apply_set_with(conn, principal, actor, fy, items, dry_run, None)
}

/// [`apply_set`], with the initiatives' indicators (in display order) when the caller has read
/// them in this state of the plan (under its lock, or before it with the plan's data version
/// unchanged since): they are not read again.
pub fn apply_set_with(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    fy: i32,
    items: Vec<Item>,
    dry_run: bool,
    indicators: Option<HashMap<DbUuid, Vec<Indicator>>>,
) -> ApiResult<Vec<ApiResult<Applied>>> {
    let Some(plan_id) = items.first().map(|i| i.ctx.plan.id.0) else { return Ok(Vec::new()) };
    let initiatives: Vec<DbUuid> = items.iter().map(|i| i.ctx.initiative.id).collect();
    let loaded = Loaded::load(conn, &initiatives, fy, actor, indicators)?;
    let ts = now();
    let empty = Default::default();
    // Each change is decided on its own (pure), so a large set is decided on every core. With
    // the decision come, unless for a dry run (not counted, no history): what the written year
    // now says, for the kept counts, and the views as the history stores them.
    let decided: Vec<ApiResult<Decided>> = parallel::map(items, |Item { ctx, change }| {
        let stored = loaded.stored(ctx.initiative.id, &empty);
        let decision = decide::decide(principal, actor, &ctx, fy, change, &stored, &loaded.names, ts)?;
        let (mut year, mut views) = (None, None);
        if let Some(new) = decision.new_version.as_ref().filter(|_| !dry_run) {
            year = counted::changed_year(&ctx, fy, &stored, &new.rows)?.map(|y| (ctx.initiative.id.0, y));
            let before = new.before.as_ref().map(serde_json::to_string).transpose()?;
            views = Some((serde_json::to_string(&new.after)?, before));
        }
        Ok(Decided { decision, year, views })
    });
    if decided.iter().any(Result::is_err) {
        return Ok(decided.into_iter().map(|d| d.map(|d| applied(d.decision))).collect());
    }
    let mut decided: Vec<Decided> = decided.into_iter().collect::<ApiResult<_>>()?;
    let counted: Vec<_> = decided.iter_mut().filter_map(|d| d.year.take()).collect();
    if dry_run {
        write(conn, actor, plan_id, &mut decided)?;
    } else {
        // Counted here, from what was decided, rather than noted by the triggers and read back;
        // worked out beside the write (on another core for a large set), from what is stored,
        // read before it (the write changes none of it).
        let ids: Vec<Uuid> = counted.iter().map(|(id, _)| *id).collect();
        let stored = tally::read_stored(conn, fy, &ids)?;
        let large = ids.len() >= parallel::MIN_PER_THREAD;
        let (counts, written) = parallel::beside(
            large,
            move || tally::count(stored, counted),
            || tally::counted_by_writer(conn, |conn| write(conn, actor, plan_id, &mut decided)),
        );
        written?;
        tally::write_counted(conn, counts?)?;
    }
    Ok(decided.into_iter().map(|d| Ok(applied(d.decision))).collect())
}

/// A change decided, with what its write needs beside the decision (none for a dry run).
struct Decided {
    decision: decide::Decision,
    /// What the year written now says, where that changed for the kept counts.
    year: Option<(Uuid, crate::domain::tally::Year)>,
    /// The report's view after the change and before it, as JSON.
    views: Option<(String, Option<String>)>,
}

/// One change (a set of one): its outcome, or its error.
pub fn apply(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    ctx: &Context,
    fy: i32,
    change: ReportChange,
) -> ApiResult<Applied> {
    let item = Item { ctx: ctx.clone(), change };
    apply_set(conn, principal, actor, fy, vec![item], false)?
        .pop()
        .unwrap_or_else(|| Err(ApiError::Internal("a set of one change answered nothing".into())))
}

fn applied(d: decide::Decision) -> Applied {
    Applied {
        outcome: d.outcome,
        report_id: d.report_id,
        version: d.version,
        view: d.new_version.map(|v| v.after),
        changed_fields: d.changed_fields,
    }
}

/// Phase 3: every row, revision and audit event of the decisions, one statement per kind. A dry
/// run (decided without views) writes the rows, so that the database checks them as it would,
/// but not the history, which only appends and would be rolled back.
fn write(conn: &mut DbConnection, actor: &Actor, plan_id: Uuid, decided: &mut [Decided]) -> ApiResult<()> {
    let mut batch = Batch::default();
    let mut events = Vec::new();
    let single_tag = decided.len() == 1 && decided[0].decision.report_tag;
    for Decided { decision: d, views, .. } in decided.iter_mut() {
        let Some(new) = &mut d.new_version else { continue };
        let rows = &mut new.rows;
        let Some(report) = rows.report.take() else { continue };
        std::mem::take(&mut rows.quarter_inserts).into_iter().for_each(|q| batch.insert_quarter(q));
        rows.quarter_updates.iter().for_each(|q| batch.update_quarter(q));
        std::mem::take(&mut rows.value_inserts).into_iter().for_each(|v| batch.insert_value(v));
        rows.value_updates.iter().for_each(|v| batch.update_value(v));
        if let Some((after, before_state)) = views.take() {
            let revision = RevisionRow::of(&report, new.action, &d.changed_fields, actor, report.updated_at, after)?;
            events.push(Event {
                action: new.action,
                entity_type: "annual_report",
                entity_id: report.id.0,
                before_state,
                after_revision: revision.id.0,
            });
            batch.revision(revision);
        }
        if rows.created {
            batch.insert_report(report);
        } else {
            batch.update_report(&report);
        }
    }
    if !batch.write(conn)? {
        // Writers hold the plan's lock, so this is a guard: a version moved after it was read.
        return Err(if single_tag {
            ApiError::PreconditionFailed
        } else {
            ApiError::Conflict("the resource was changed concurrently; read it again".into())
        });
    }
    audit::record_all(conn, actor, plan_id, events)
}

/// A report created whole (by a bundle import), with its quarters and the year's values of its
/// initiative's indicators.
pub struct Imported<'a> {
    pub ctx: &'a Context,
    /// The initiative's indicators, in display order.
    pub indicators: &'a [Indicator],
    pub report: Report,
    pub quarters: Vec<Quarter>,
    pub values: Vec<IndicatorValue>,
}

/// Writes reports created whole, one statement per kind of row whatever their number: each with
/// its first revision (the report as imported, by no user: what [`super::store::backfill_history`]
/// writes for a report without history) and, when published, the snapshot the public is shown.
/// `more_values`: values of plan-level targets, written with them.
pub fn insert_imported(
    conn: &mut DbConnection,
    items: Vec<Imported<'_>>,
    more_values: Vec<IndicatorValue>,
) -> ApiResult<()> {
    let names = UserNames::of([]);
    let mut batch = Batch::default();
    for Imported { ctx, indicators, mut report, mut quarters, values } in items {
        quarters.sort_by_key(|q| q.quarter);
        let year: std::collections::HashMap<DbUuid, &IndicatorValue> =
            values.iter().map(|v| (v.indicator_id, v)).collect();
        let view = views::assemble(ctx, report.clone(), &quarters, indicators, |i| year.get(&i).copied(), &names)?;
        let snapshot = serde_json::to_string(&view)?;
        if view.workflow_state == WorkflowState::Published {
            let stamps = values
                .iter()
                .filter(|v| view.indicator_values.iter().any(|shown| shown.indicator_id == v.indicator_id.0))
                .map(|v| ValueStamp { indicator_id: v.indicator_id.0, version: v.version, updated_at: v.updated_at })
                .collect();
            report.published_snapshot = Some(views::snapshot_with_stamps(&view, stamps)?);
        }
        // By no user: what `store::backfill_history` writes for a report without history.
        let changed = super::diff::changed_fields(None, &view)?;
        batch.revision(RevisionRow::of(&report, "import", &changed, &Actor::default(), now(), snapshot)?);
        batch.insert_report(report);
        quarters.into_iter().for_each(|q| batch.insert_quarter(q));
        values.into_iter().for_each(|v| batch.insert_value(v));
    }
    more_values.into_iter().for_each(|v| batch.insert_value(v));
    batch.write(conn)?;
    Ok(())
}
