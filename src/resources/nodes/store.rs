//! The writes of nodes, each in the caller's transaction with its audit record. The plan's
//! lock serializes changes to its tree, so two moves cannot make a cycle.

use diesel::prelude::*;
use uuid::Uuid;

use super::input::{NodeInput, NodePatch};
use super::tree::{ensure_unique_key, insert, make_room, next_position, reflow, subtree_height, too_deep};
use super::views::view;
use crate::db::schema::{initiative_placements, plan_nodes};
use crate::db::{now, DbConnection};
use crate::domain::validation;
use crate::domain::validation::Tidy;
use crate::error::{ApiError, ApiResult};
use crate::models::audit::{self, Actor, Change, Nothing};
use crate::models::nodes::{load, sort_path, Node, MAX_DEPTH};
use crate::models::plans;
use crate::web::auth::Principal;
use crate::web::http::IfMatch;
use crate::web::policy;

/// Creates a node under its parent (or at the top), making room among its siblings.
pub fn create(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    input: &NodeInput,
) -> ApiResult<(Node, Vec<String>)> {
    let plan = plans::load_locked(conn, plan_id)?;
    policy::write_structure(principal, &plan)?;
    validation::check(input)?;
    let parent = match input.parent_id {
        Some(p) => Some(
            load(conn, plan_id, p)
                .map_err(|_| ApiError::invalid("/parent_id", "not_found", "no such node in this plan"))?,
        ),
        None => None,
    };
    if parent.as_ref().is_some_and(|p| p.level >= MAX_DEPTH) {
        return Err(too_deep("/parent_id"));
    }
    if let Some(key) = &input.key {
        ensure_unique_key(conn, plan.id, key.tidy(), None)?;
    }
    let parent_id = parent.as_ref().map(|p| p.id);
    let (position, shifted) = match input.position {
        Some(p) => (p, make_room(conn, plan.id, parent_id, p, None)?),
        None => (next_position(conn, plan.id, parent_id)?, false),
    };
    let row = insert(conn, &plan, parent.as_ref(), input, position)?;
    if shifted {
        reflow(conn, plan.id)?;
    }
    let labels = plan.level_labels()?;
    audit::record(
        conn,
        actor,
        Change::<Nothing, _> {
            action: "create",
            entity_type: "node",
            entity_id: row.id.0,
            plan_id: Some(plan_id),
            before: None,
            after: Some(&view(row.clone(), &labels)),
        },
    )?;
    Ok((row, labels))
}

/// Applies a merge patch to a node; a move re-threads the sort paths of its subtree.
pub fn update(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    node_id: Uuid,
    if_match: &IfMatch,
    patch: NodePatch,
) -> ApiResult<(Node, Vec<String>)> {
    // The plan's lock serializes changes to its tree (two moves cannot make a cycle).
    let plan = plans::load_locked(conn, plan_id)?;
    policy::write_structure(principal, &plan)?;
    let before = load(conn, plan_id, node_id)?;
    let mut input = NodeInput {
        parent_id: before.parent_id.map(|p| p.0),
        key: Some(before.bundle_key.clone()),
        code: before.code.clone(),
        title: before.title.clone(),
        objective: before.objective.clone(),
        main_actions: before.main_actions.clone(),
        position: Some(before.position),
    };
    // `position` is read below too: whether it was given decides where a moved node goes.
    let position_given = patch.position.is_some();
    crate::merge_patch!(input, patch, required: [key, title, position], nullable: [parent_id, code, objective, main_actions]);
    let moved = input.parent_id != before.parent_id.map(|p| p.0);
    validation::check(&input)?;
    let key = input.key.clone().unwrap_or_default();
    ensure_unique_key(conn, plan.id, key.tidy(), Some(before.id))?;
    let parent = match input.parent_id {
        Some(p) => {
            let parent = load(conn, plan_id, p)
                .map_err(|_| ApiError::invalid("/parent_id", "not_found", "no such node in this plan"))?;
            if parent.id == before.id || parent.sort_path.starts_with(&format!("{}/", before.sort_path)) {
                return Err(ApiError::invalid(
                    "/parent_id",
                    "cycle",
                    "a node cannot be moved under itself or one of its descendants",
                ));
            }
            Some(parent)
        }
        None => None,
    };
    if moved && parent.as_ref().map_or(1, |p| p.level + 1) + subtree_height(conn, &before)? > MAX_DEPTH {
        return Err(too_deep("/parent_id"));
    }
    let parent_id = parent.as_ref().map(|p| p.id);
    let (position, shifted) = match (moved, input.position) {
        (true, _) if !position_given => (next_position(conn, plan.id, parent_id)?, false),
        (_, Some(p)) if p != before.position || moved => (p, make_room(conn, plan.id, parent_id, p, Some(before.id))?),
        _ => (before.position, false),
    };
    let after = Node {
        parent_id: parent.as_ref().map(|p| p.id),
        bundle_key: key.tidy().to_string(),
        code: input.code.as_deref().map(Tidy::tidy).map(str::to_string),
        title: input.title.tidy().to_string(),
        objective: input.objective.clone(),
        main_actions: input.main_actions.clone(),
        position,
        level: parent.as_ref().map_or(1, |p| p.level + 1),
        sort_path: sort_path(parent.as_ref(), position, before.id),
        search_text: crate::models::search::text_of(&[input.code.as_deref(), Some(&input.title)]),
        version: before.version + 1,
        updated_at: now(),
        ..before.clone()
    };
    // After validation: an invalid request is answered as invalid, whatever its tag.
    if_match.check(before.version)?;
    let labels = plan.level_labels()?;
    if !shifted && audit::unchanged(&view(before.clone(), &labels), &view(after.clone(), &labels))? {
        return Ok((before, labels));
    }
    let rows = diesel::update(plan_nodes::table.find(before.id).filter(plan_nodes::version.eq(before.version)))
        .set(&after)
        .execute(conn)?;
    if_match.applied(rows)?;
    if shifted || after.sort_path != before.sort_path {
        reflow(conn, plan.id)?;
    }
    audit::record(
        conn,
        actor,
        Change {
            action: if moved { "move" } else { "update" },
            entity_type: "node",
            entity_id: node_id,
            plan_id: Some(plan_id),
            before: Some(&view(before, &labels)),
            after: Some(&view(after.clone(), &labels)),
        },
    )?;
    Ok((after, labels))
}

/// Deletes a leaf node that no initiative is placed under.
pub fn delete(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    node_id: Uuid,
    if_match: &IfMatch,
) -> ApiResult<()> {
    let plan = plans::load_locked(conn, plan_id)?;
    policy::write_structure(principal, &plan)?;
    let before = load(conn, plan_id, node_id)?;
    if_match.check(before.version)?;
    let children: i64 = plan_nodes::table.filter(plan_nodes::parent_id.eq(before.id)).count().get_result(conn)?;
    let placed: i64 =
        initiative_placements::table.filter(initiative_placements::node_id.eq(before.id)).count().get_result(conn)?;
    if children > 0 || placed > 0 {
        return Err(ApiError::Conflict(format!(
            "the node still has {children} child nodes and {placed} initiatives placed under it"
        )));
    }
    let rows = diesel::delete(plan_nodes::table.find(before.id).filter(plan_nodes::version.eq(before.version)))
        .execute(conn)?;
    if_match.applied(rows)?;
    audit::record(
        conn,
        actor,
        Change::<_, Nothing> {
            action: "delete",
            entity_type: "node",
            entity_id: node_id,
            plan_id: Some(plan_id),
            before: Some(&view(before, &plan.level_labels()?)),
            after: None,
        },
    )
}
