//! Storing a report's new version: the conditional version bump, the revision (the whole report
//! as it then was) and the audit event, all in the caller's transaction.

use std::collections::HashMap;

use diesel::prelude::*;
use uuid::Uuid;

use super::context::Context;
use super::diff;
use super::views::{view_one, views, AnnualReportView};
use crate::db::schema::{annual_reports, report_revisions};
use crate::db::{now, DbConnection, DbUuid};
use crate::domain::enums::WorkflowState;
use crate::error::ApiResult;
use crate::models::audit::{self, Actor, Change};
use crate::models::reports::Report;

/// Moves the report to its next version (conditionally on the version read: the database
/// decides between concurrent writers), as `updated_by` now, in `state`.
pub fn touch(conn: &mut DbConnection, actor: &Actor, before: &Report, state: WorkflowState) -> ApiResult<()> {
    let rows = diesel::update(annual_reports::table.find(before.id).filter(annual_reports::version.eq(before.version)))
        .set((
            annual_reports::version.eq(before.version + 1),
            annual_reports::updated_at.eq(now()),
            annual_reports::updated_by.eq(actor.user_id.map(DbUuid)),
            annual_reports::workflow_state.eq(state.as_str()),
        ))
        .execute(conn)?;
    crate::web::http::IfMatch::none().applied(rows)
}

/// Appends the revision of the report as it now is, and its audit event. `before` is the view
/// before the change (`None` for a new report).
pub fn commit(
    conn: &mut DbConnection,
    actor: &Actor,
    ctx: &Context,
    report_id: DbUuid,
    before: Option<&AnnualReportView>,
    action: &str,
) -> ApiResult<AnnualReportView> {
    let row: Report = annual_reports::table.find(report_id).select(Report::as_select()).first(conn)?;
    let after = view_one(conn, ctx, row)?;
    insert_revision(conn, actor, before, &after, action)?;
    audit::record(
        conn,
        actor,
        Change {
            action,
            entity_type: "annual_report",
            entity_id: after.id,
            plan_id: Some(ctx.plan.id.0),
            before,
            after: Some(&after),
        },
    )?;
    Ok(after)
}

/// Stores `after` as the report's revision number `after.version`, with the fields changed since `before`.
fn insert_revision(
    conn: &mut DbConnection,
    actor: &Actor,
    before: Option<&AnnualReportView>,
    after: &AnnualReportView,
    action: &str,
) -> ApiResult<()> {
    let changed = diff::changed_fields(before, after)?;
    diesel::insert_into(report_revisions::table)
        .values((
            report_revisions::id.eq(DbUuid(Uuid::now_v7())),
            report_revisions::report_id.eq(DbUuid(after.id)),
            report_revisions::number.eq(after.version),
            report_revisions::edition.eq(after.edition),
            report_revisions::workflow_state.eq(after.workflow_state.as_str()),
            report_revisions::action.eq(action),
            report_revisions::changed_fields.eq(serde_json::to_string(&changed)?),
            report_revisions::actor_id.eq(actor.user_id.map(DbUuid)),
            report_revisions::token_id.eq(actor.token_id.map(DbUuid)),
            report_revisions::occurred_at.eq(now()),
            report_revisions::snapshot.eq(serde_json::to_string(after)?),
        ))
        .execute(conn)?;
    Ok(())
}

/// Reports written before history was kept get their first revision: the report as it is. Run
/// at start; cheap when there is nothing to do. (A bundle import writes its reports' first
/// revisions itself: [`super::write::insert_imported`].)
pub fn backfill_history(conn: &mut DbConnection) -> ApiResult<usize> {
    let missing: Vec<Report> = annual_reports::table
        .filter(diesel::dsl::not(diesel::dsl::exists(
            report_revisions::table.filter(report_revisions::report_id.eq(annual_reports::id)),
        )))
        .select(Report::as_select())
        .load(conn)?;
    let mut by_initiative: HashMap<DbUuid, Vec<Report>> = HashMap::new();
    for r in missing {
        by_initiative.entry(r.initiative_id).or_default().push(r);
    }
    let mut count = 0;
    for (initiative, reports) in by_initiative {
        let ctx = Context::load(conn, initiative.0, false)?;
        for view in views(conn, &ctx, reports)? {
            insert_revision(conn, &Actor::default(), None, &view, "import")?;
            if view.workflow_state == WorkflowState::Published {
                diesel::update(annual_reports::table.find(DbUuid(view.id)))
                    .set(annual_reports::published_snapshot.eq(super::views::published_snapshot(conn, &view)?))
                    .execute(conn)?;
            }
            count += 1;
        }
    }
    Ok(count)
}
