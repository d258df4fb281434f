//! The plan hierarchy as stored: the node row, its sort path (sibling positions from the root
//! down, so one ordered scan yields the tree) and the loaders.

use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{indicators, initiatives, plan_nodes};
use crate::db::{DbConnection, DbUuid};
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = plan_nodes, treat_none_as_null = true)]
pub struct Node {
    pub id: DbUuid,
    pub plan_id: DbUuid,
    pub parent_id: Option<DbUuid>,
    pub bundle_key: String,
    pub code: Option<String>,
    pub title: String,
    pub objective: Option<String>,
    pub main_actions: Option<String>,
    pub position: i32,
    pub level: i32,
    pub sort_path: String,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    /// Code and title in searchable form ([`crate::models::search`]).
    pub search_text: String,
}

/// Sort-path segment: sibling position, then id so that equal positions never interleave subtrees.
pub fn segment(position: i32, id: DbUuid) -> String {
    format!("{:08}:{}", position.max(0), id.0.simple())
}

/// Length of the sort path of a node at `level` (1 = top): its ancestor at `level` has the
/// first this many characters of a deeper node's path.
pub fn sort_path_len(level: i32) -> i32 {
    // Each segment is 8 digits, `:` and 32 hex digits; segments are joined by `/`.
    42 * level - 1
}

pub fn sort_path(parent: Option<&Node>, position: i32, id: DbUuid) -> String {
    match parent {
        Some(p) => format!("{}/{}", p.sort_path, segment(position, id)),
        None => segment(position, id),
    }
}

/// The deepest a hierarchy may go. Real plans have three to five levels (基本方針 → 施策の方向 →
/// 事業 → 取組項目); ten leaves room, and bounds each node's sort path (one segment per level).
pub const MAX_DEPTH: i32 = 10;

pub fn load(conn: &mut DbConnection, plan_id: Uuid, id: Uuid) -> ApiResult<Node> {
    plan_nodes::table
        .filter(plan_nodes::id.eq(DbUuid(id)).and(plan_nodes::plan_id.eq(DbUuid(plan_id))))
        .select(Node::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("node"))
}

/// Removes every node (and first every initiative and indicator) of a plan.
pub fn delete_all_of_plan(conn: &mut DbConnection, plan_id: DbUuid) -> ApiResult<()> {
    diesel::delete(initiatives::table.filter(initiatives::plan_id.eq(plan_id))).execute(conn)?;
    diesel::delete(indicators::table.filter(indicators::plan_id.eq(plan_id))).execute(conn)?;
    diesel::update(plan_nodes::table.filter(plan_nodes::plan_id.eq(plan_id)))
        .set(plan_nodes::parent_id.eq(None::<DbUuid>))
        .execute(conn)?;
    diesel::delete(plan_nodes::table.filter(plan_nodes::plan_id.eq(plan_id))).execute(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ancestors_sort_path_is_a_prefix_of_known_length() {
        let id = |n: u128| DbUuid(uuid::Uuid::from_u128(n));
        let top = segment(3, id(1));
        let child = format!("{top}/{}", segment(12, id(2)));
        let grandchild = format!("{child}/{}", segment(0, id(3)));
        assert_eq!(top.len() as i32, sort_path_len(1));
        assert_eq!(child.len() as i32, sort_path_len(2));
        assert_eq!(&grandchild[..sort_path_len(1) as usize], top);
        assert_eq!(&grandchild[..sort_path_len(2) as usize], child);
    }
}
