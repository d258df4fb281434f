//! The writes of plans, each in the caller's transaction with its audit record.

use diesel::prelude::*;
use uuid::Uuid;

use super::input::{check_owner, insert, used_fy_range, PlanInput, PlanPatch};
use super::views::PlanView;
use crate::db::schema::plans;
use crate::db::{now, DbConnection, DbUuid};
use crate::domain::enums::{PacketLayout, PlanStatus};
use crate::domain::fiscal_year;
use crate::domain::validation::{Errors, Tidy};
use crate::error::{ApiError, ApiResult};
use crate::models::audit::{self, Actor, Change, Nothing};
use crate::models::plans::{load_locked, Plan};
use crate::web::auth::Principal;
use crate::web::http::IfMatch;
use crate::web::policy;

/// Creates a plan (its input already checked).
pub fn create(conn: &mut DbConnection, actor: &Actor, input: &PlanInput) -> ApiResult<Plan> {
    check_owner(conn, input.owner_department_id)?;
    let row = insert(conn, input)?;
    let view = PlanView::try_from(row.clone())?;
    audit::record(
        conn,
        actor,
        Change::<Nothing, _> {
            action: "create",
            entity_type: "plan",
            entity_id: row.id.0,
            plan_id: Some(row.id.0),
            before: None,
            after: Some(&view),
        },
    )?;
    Ok(row)
}

/// Applies a merge patch to a plan; the period may not shrink below its data.
pub fn update(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    id: Uuid,
    if_match: &IfMatch,
    patch: PlanPatch,
) -> ApiResult<Plan> {
    let before = load_locked(conn, id)?;
    policy::write_structure(principal, &before)?;
    if patch.owner_department_id.is_some() || patch.status.is_some() {
        policy::change_plan_ownership_or_status(principal)?;
    }
    let mut input = PlanInput {
        title: before.title.clone(),
        organization: before.organization.clone(),
        start_fy: before.start_fy,
        end_fy: before.end_fy,
        level_labels: before.level_labels()?,
        rating_scale: before.rating_scale()?,
        status: PlanStatus::from_db(&before.status)?,
        source: before.source.clone(),
        owner_department_id: before.owner_department_id.map(|d| d.0),
        quarterly_reports: before.quarterly_reports,
        report_due_days: before.report_due_days,
        quarter_due_days: before.quarter_due_days,
        packet_layout: before.packet_layout.as_deref().map(PacketLayout::from_db).transpose()?,
        rating_rule: before.rating_rule()?,
    };
    crate::merge_patch!(input, patch, required: [title, organization, start_fy, end_fy, level_labels, rating_scale, status, quarterly_reports, report_due_days, quarter_due_days], nullable: [source, owner_department_id, packet_layout, rating_rule]);
    Errors(input.errors("")).into_result()?;
    check_owner(conn, input.owner_department_id)?;
    if let Some((low, high)) = used_fy_range(conn, before.id)? {
        if low < input.start_fy || high > input.end_fy {
            return Err(ApiError::Conflict(format!(
                "the plan has data for {}–{}: the period must include those years",
                fiscal_year::label(low),
                fiscal_year::label(high)
            )));
        }
    }
    let after = Plan {
        title: input.title.tidy().to_string(),
        organization: input.organization.tidy().to_string(),
        start_fy: input.start_fy,
        end_fy: input.end_fy,
        level_labels: serde_json::to_string(&input.level_labels)?,
        rating_scale: serde_json::to_string(&input.rating_scale)?,
        status: input.status.as_str().to_string(),
        source: input.source,
        owner_department_id: input.owner_department_id.map(DbUuid),
        search_text: crate::models::search::text_of(&[Some(input.title.tidy()), Some(input.organization.tidy())]),
        quarterly_reports: input.quarterly_reports,
        report_due_days: input.report_due_days,
        quarter_due_days: input.quarter_due_days,
        packet_layout: input.packet_layout.map(|l| l.as_str().to_string()),
        rating_rule: input.rating_rule.as_ref().map(serde_json::to_string).transpose()?,
        version: before.version + 1,
        data_version: before.data_version + 1,
        updated_at: now(),
        ..before.clone()
    };
    // After validation: an invalid request is answered as invalid, whatever its tag.
    if_match.check(before.version)?;
    if audit::unchanged(&PlanView::try_from(before.clone())?, &PlanView::try_from(after.clone())?)? {
        return Ok(before);
    }
    let rows = diesel::update(plans::table.find(before.id).filter(plans::version.eq(before.version)))
        .set(&after)
        .execute(conn)?;
    if_match.applied(rows)?;
    crate::db::touched::plan(id);
    let after_view = PlanView::try_from(after.clone())?;
    crate::models::outbox::plan_published(conn, Some(&before), &after)?;
    audit::record(
        conn,
        actor,
        Change {
            action: "update",
            entity_type: "plan",
            entity_id: id,
            plan_id: None,
            before: Some(&PlanView::try_from(before)?),
            after: Some(&after_view),
        },
    )?;
    Ok(after)
}

/// Deletes a plan with its whole structure and data.
pub fn delete(conn: &mut DbConnection, actor: &Actor, id: Uuid, if_match: &IfMatch) -> ApiResult<()> {
    let before = load_locked(conn, id)?;
    if_match.check(before.version)?;
    crate::models::nodes::delete_all_of_plan(conn, before.id)?;
    let rows = diesel::delete(plans::table.find(before.id).filter(plans::version.eq(before.version))).execute(conn)?;
    if_match.applied(rows)?;
    crate::db::touched::plan(id);
    audit::record(
        conn,
        actor,
        Change::<_, Nothing> {
            action: "delete",
            entity_type: "plan",
            entity_id: id,
            plan_id: None,
            before: Some(&PlanView::try_from(before)?),
            after: None,
        },
    )
}
