//! The writes of initiatives, each in the caller's transaction with its audit record: the plan's
//! row is locked first, the policy decided on the locked plan, the version checked in the database.

use diesel::prelude::*;
use uuid::Uuid;

use super::input::{check_against_plan, check_reports_in_range, row_from, InitiativeInput, InitiativePatch};
use super::views::{view_one, InitiativeView};
use crate::db::schema::{indicators, initiatives};
use crate::db::{DbConnection, DbUuid};
use crate::domain::enums::InitiativeStatus;
use crate::error::ApiResult;
use crate::models::audit::{self, Actor, Change, Nothing};
use crate::models::initiatives::{load, write_links, Initiative};
use crate::models::plans;
use crate::web::auth::Principal;
use crate::web::http::IfMatch;
use crate::web::policy;

/// Creates an initiative in `plan_id` with its placements and departments (the plan locked first).
pub fn create(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    input: &InitiativeInput,
) -> ApiResult<InitiativeView> {
    let plan = plans::load_locked(conn, plan_id)?;
    policy::write_structure(principal, &plan)?;
    check_against_plan(conn, &plan, input, None)?;
    let row = row_from(plan.id, DbUuid(Uuid::now_v7()), input);
    diesel::insert_into(initiatives::table).values(&row).execute(conn)?;
    let nodes: Vec<DbUuid> = input.node_ids.iter().copied().map(DbUuid).collect();
    let deps: Vec<DbUuid> = input.department_ids.iter().copied().map(DbUuid).collect();
    write_links(conn, row.id, &nodes, &deps)?;
    let view = view_one(conn, row)?;
    audit::record(
        conn,
        actor,
        Change::<Nothing, _> {
            action: "create",
            entity_type: "initiative",
            entity_id: view.id,
            plan_id: Some(plan_id),
            before: None,
            after: Some(&view),
        },
    )?;
    Ok(view)
}

/// Applies a merge patch to an initiative: unchanged input is no new version; a narrowed active
/// range must still hold every report and value.
pub fn update(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    id: Uuid,
    if_match: &IfMatch,
    patch: InitiativePatch,
) -> ApiResult<InitiativeView> {
    let plan_id = load(conn, id)?.plan_id.0;
    let plan = plans::load_locked(conn, plan_id)?;
    let before = load(conn, id)?;
    policy::write_structure(principal, &plan)?;
    let before_view = view_one(conn, before.clone())?;
    let mut input = InitiativeInput {
        key: Some(before.bundle_key.clone()),
        code: (!before.code.is_empty()).then(|| before.code.clone()),
        title: before.title.clone(),
        description: before.description.clone(),
        aim: before.aim.clone(),
        notes: before.notes.clone(),
        related_programs: before_view.related_programs.clone(),
        node_ids: std::iter::once(before_view.primary_node_id)
            .chain(before_view.cross_listed_node_ids.iter().copied())
            .collect(),
        department_ids: before_view.departments.iter().map(|d| d.id).collect(),
        active_from_fy: before.active_from_fy,
        active_to_fy: before.active_to_fy,
        status: InitiativeStatus::from_db(&before.status)?,
    };
    crate::merge_patch!(input, patch, required: [key, title, node_ids, department_ids, status], nullable: [code, description, aim, notes, related_programs, active_from_fy, active_to_fy]);
    check_against_plan(conn, &plan, &input, Some(before.id))?;
    check_reports_in_range(conn, before.id, input.active_from_fy, input.active_to_fy)?;
    let after = Initiative {
        version: before.version + 1,
        created_at: before.created_at,
        ..row_from(plan.id, before.id, &input)
    };
    // After validation: an invalid request is answered as invalid, whatever its tag.
    if_match.check(before.version)?;
    let same_row = Initiative {
        version: before.version,
        created_at: before.created_at,
        updated_at: before.updated_at,
        ..after.clone()
    } == before;
    let same_nodes = input.node_ids.first() == Some(&before_view.primary_node_id)
        && input.node_ids[1..] == before_view.cross_listed_node_ids[..];
    let same_departments = input.department_ids.iter().eq(before_view.departments.iter().map(|d| &d.id));
    if same_row && same_nodes && same_departments {
        return Ok(before_view);
    }
    let rows = diesel::update(initiatives::table.find(before.id).filter(initiatives::version.eq(before.version)))
        .set(&after)
        .execute(conn)?;
    if_match.applied(rows)?;
    let nodes: Vec<DbUuid> = input.node_ids.iter().copied().map(DbUuid).collect();
    let deps: Vec<DbUuid> = input.department_ids.iter().copied().map(DbUuid).collect();
    write_links(conn, before.id, &nodes, &deps)?;
    let after_view = view_one(conn, after)?;
    audit::record(
        conn,
        actor,
        Change {
            action: "update",
            entity_type: "initiative",
            entity_id: id,
            plan_id: Some(plan.id.0),
            before: Some(&before_view),
            after: Some(&after_view),
        },
    )?;
    Ok(after_view)
}

/// Deletes an initiative with its indicators and yearly data; the audit event keeps its last state.
pub fn delete(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    id: Uuid,
    if_match: &IfMatch,
) -> ApiResult<()> {
    let plan_id = load(conn, id)?.plan_id.0;
    let plan = plans::load_locked(conn, plan_id)?;
    let before = load(conn, id)?;
    policy::write_structure(principal, &plan)?;
    if_match.check(before.version)?;
    let plan_id = before.plan_id.0;
    let before_view = view_one(conn, before.clone())?;
    // Successor links point inside the same initiative's indicators; clear them first.
    diesel::update(indicators::table.filter(indicators::initiative_id.eq(before.id)))
        .set(indicators::replaces_id.eq(None::<DbUuid>))
        .execute(conn)?;
    let rows = diesel::delete(initiatives::table.find(before.id).filter(initiatives::version.eq(before.version)))
        .execute(conn)?;
    if_match.applied(rows)?;
    audit::record(
        conn,
        actor,
        Change::<_, Nothing> {
            action: "delete",
            entity_type: "initiative",
            entity_id: id,
            plan_id: Some(plan_id),
            before: Some(&before_view),
            after: None,
        },
    )
}
