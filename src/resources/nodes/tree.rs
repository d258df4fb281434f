//! The tree in the database: loading and inserting nodes, their sort paths (sibling positions
//! from the root down), positions among siblings, depth, and unique keys.

use std::collections::HashMap;

use diesel::prelude::*;
use uuid::Uuid;

use super::input::NodeInput;
use crate::db::schema::plan_nodes;
use crate::db::{now, DbConnection, DbUuid};
use crate::domain::validation::Tidy;
use crate::error::{ApiError, ApiResult};
use crate::models::nodes::{segment, sort_path, Node, MAX_DEPTH};
use crate::models::plans::Plan;

pub(super) fn too_deep(field: &str) -> ApiError {
    ApiError::invalid(field, "depth", format!("the hierarchy may be at most {MAX_DEPTH} levels deep"))
}

/// How many levels the subtree below `node` adds (0 for a leaf).
pub(super) fn subtree_height(conn: &mut DbConnection, node: &Node) -> ApiResult<i32> {
    let deepest: Option<i32> = plan_nodes::table
        .filter(plan_nodes::plan_id.eq(node.plan_id))
        .filter(plan_nodes::sort_path.like(format!("{}/%", node.sort_path)))
        .select(diesel::dsl::max(plan_nodes::level))
        .first(conn)?;
    Ok(deepest.map_or(0, |d| d - node.level))
}

/// Inserts a node under `parent` (used by the endpoint and by bundle import).
pub fn insert(
    conn: &mut DbConnection,
    plan: &Plan,
    parent: Option<&Node>,
    input: &NodeInput,
    position: i32,
) -> ApiResult<Node> {
    let id = DbUuid(Uuid::now_v7());
    let ts = now();
    let row = Node {
        id,
        plan_id: plan.id,
        parent_id: parent.map(|p| p.id),
        bundle_key: input.key.as_deref().map(Tidy::tidy).map(str::to_string).unwrap_or_else(|| id.to_string()),
        code: input.code.as_deref().map(Tidy::tidy).map(str::to_string),
        title: input.title.tidy().to_string(),
        objective: input.objective.clone(),
        main_actions: input.main_actions.clone(),
        position,
        level: parent.map_or(1, |p| p.level + 1),
        sort_path: sort_path(parent, position, id),
        version: 1,
        created_at: ts,
        updated_at: ts,
        search_text: crate::models::search::text_of(&[input.code.as_deref(), Some(&input.title)]),
    };
    diesel::insert_into(plan_nodes::table).values(&row).execute(conn)?;
    Ok(row)
}

pub(super) fn ensure_unique_key(
    conn: &mut DbConnection,
    plan_id: DbUuid,
    key: &str,
    except: Option<DbUuid>,
) -> ApiResult<()> {
    let existing: Option<DbUuid> = plan_nodes::table
        .filter(plan_nodes::plan_id.eq(plan_id).and(plan_nodes::bundle_key.eq(key)))
        .select(plan_nodes::id)
        .first(conn)
        .optional()?;
    match existing {
        Some(id) if Some(id) != except => {
            Err(ApiError::invalid("/key", "duplicate", format!("key {key} is already used in this plan")))
        }
        _ => Ok(()),
    }
}

pub(super) fn next_position(conn: &mut DbConnection, plan_id: DbUuid, parent: Option<DbUuid>) -> ApiResult<i32> {
    let mut query = plan_nodes::table.filter(plan_nodes::plan_id.eq(plan_id)).into_boxed();
    query = match parent {
        Some(p) => query.filter(plan_nodes::parent_id.eq(p)),
        None => query.filter(plan_nodes::parent_id.is_null()),
    };
    let max: Option<i32> = query.select(diesel::dsl::max(plan_nodes::position)).first(conn)?;
    Ok(max.map_or(0, |m| m + 1))
}

/// Shifts siblings at or after `position` one place down when that place is taken, so that
/// an explicit position puts the node exactly there. Returns whether anything moved.
pub(super) fn make_room(
    conn: &mut DbConnection,
    plan_id: DbUuid,
    parent: Option<DbUuid>,
    position: i32,
    except: Option<DbUuid>,
) -> ApiResult<bool> {
    let siblings = |conn: &mut DbConnection| -> ApiResult<Vec<(DbUuid, i32)>> {
        let mut query = plan_nodes::table.filter(plan_nodes::plan_id.eq(plan_id)).into_boxed();
        query = match parent {
            Some(p) => query.filter(plan_nodes::parent_id.eq(p)),
            None => query.filter(plan_nodes::parent_id.is_null()),
        };
        Ok(query.select((plan_nodes::id, plan_nodes::position)).load(conn)?)
    };
    let all = siblings(conn)?;
    if !all.iter().any(|(id, p)| *p == position && Some(*id) != except) {
        return Ok(false);
    }
    for (id, p) in all {
        if p >= position && Some(id) != except {
            diesel::update(plan_nodes::table.find(id)).set(plan_nodes::position.eq(p + 1)).execute(conn)?;
        }
    }
    Ok(true)
}

/// Recomputes every node's level and sort path from the roots down (after a move or reorder).
/// Plans hold hundreds of nodes, so one pass over the plan is cheap; only changed rows are written.
pub(super) fn reflow(conn: &mut DbConnection, plan_id: DbUuid) -> ApiResult<()> {
    let all: Vec<Node> =
        plan_nodes::table.filter(plan_nodes::plan_id.eq(plan_id)).select(Node::as_select()).load(conn)?;
    let mut children: HashMap<Option<DbUuid>, Vec<&Node>> = HashMap::new();
    for n in &all {
        children.entry(n.parent_id).or_default().push(n);
    }
    let mut stack: Vec<(Option<DbUuid>, i32, String)> = vec![(None, 0, String::new())];
    while let Some((id, level, path)) = stack.pop() {
        for child in children.get(&id).into_iter().flatten() {
            let seg = segment(child.position, child.id);
            let child_path = if path.is_empty() { seg } else { format!("{path}/{seg}") };
            if child.level != level + 1 || child.sort_path != child_path {
                diesel::update(plan_nodes::table.find(child.id))
                    .set((plan_nodes::level.eq(level + 1), plan_nodes::sort_path.eq(&child_path)))
                    .execute(conn)?;
            }
            stack.push((Some(child.id), level + 1, child_path));
        }
    }
    Ok(())
}
