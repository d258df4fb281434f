//! The plan hierarchy (基本方針 → 施策の方向 → 事業 …): a tree of any depth.
//!
//! Each node stores its depth (`level`) and a `sort_path` (the sibling positions from the
//! root down) so that one ordered query returns the tree depth-first and pages through it.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::models::audit::{self, Change, Nothing};
use crate::web::auth::{Caller, Principal};
use crate::db::DbUuid;
use crate::error::{self, ApiError, ApiResult};
use crate::web::http::{self, finish_page, patch_field, IfMatch, JsonBody, MergePatch, PageParams};
use crate::web::policy;
use crate::models::plans;
use crate::db::schema::{initiative_placements, plan_nodes};
use crate::db::{now, utc};
use crate::web::state::AppState;
use crate::domain::validation;
use crate::domain::validation::Tidy;

/// One node of a plan's hierarchy.
#[derive(Debug, Serialize, ToSchema)]
pub struct NodeView {
    pub id: Uuid,
    pub plan_id: Uuid,
    /// `null` for a top-level node.
    pub parent_id: Option<Uuid>,
    /// Stable key within the plan (plan bundles refer to nodes by it).
    #[schema(example = "1-2")]
    pub key: String,
    /// Code as printed, if any.
    #[schema(example = "②")]
    pub code: Option<String>,
    #[schema(example = "わかりやすい福祉情報の提供・共有")]
    pub title: String,
    /// 取り組み目標.
    pub objective: Option<String>,
    /// 主な取り組み.
    pub main_actions: Option<String>,
    /// Order among siblings (0 first).
    pub position: i32,
    /// Depth: 1 = top level.
    #[schema(example = 2)]
    pub level: i32,
    /// The plan's name for this level (`null` deeper than the plan names levels).
    #[schema(example = "施策の方向")]
    pub level_label: Option<String>,
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

pub fn view(n: Node, level_labels: &[String]) -> NodeView {
    NodeView {
        id: n.id.0,
        plan_id: n.plan_id.0,
        parent_id: n.parent_id.map(|p| p.0),
        key: n.bundle_key,
        code: n.code,
        title: n.title,
        objective: n.objective,
        main_actions: n.main_actions,
        position: n.position,
        level: n.level,
        level_label: usize::try_from(n.level - 1).ok().and_then(|i| level_labels.get(i)).cloned(),
        version: n.version,
        created_at: utc(n.created_at),
        updated_at: utc(n.updated_at),
    }
}

/// Changes to a node (JSON merge patch). Setting `parent_id` moves the node with its subtree.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NodePatch {
    /// New parent (`null`: move to the top level). A move under the node's own subtree is refused.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<Uuid>)]
    pub parent_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 100, pattern = r"\S")]
    pub key: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 50, pattern = r"\S")]
    pub code: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 300, pattern = r"\S")]
    pub title: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 10000)]
    pub objective: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 10000)]
    pub main_actions: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = i32, required = false, minimum = 0, maximum = 100000)]
    pub position: Option<Option<i32>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NodeFilter {
    /// Text in the code or title (insensitive to full-/half-width, katakana/hiragana, case and spaces).
    #[param(max_length = 200, example = "相談")]
    pub q: Option<String>,
    /// Only the children of this node.
    pub parent_id: Option<Uuid>,
    /// Only nodes at this depth (1 = top level).
    #[param(minimum = 1, example = 1)]
    pub level: Option<i32>,
}

crate::list_type!(NodeList, NodeView);

mod input;
mod tree;

pub use input::NodeInput;

pub use tree::insert;
use crate::models::nodes::{load, sort_path, Node, MAX_DEPTH};
use tree::{ensure_unique_key, make_room, next_position, reflow, subtree_height, too_deep};

/// List a plan's nodes
///
/// Depth-first in tree order (siblings by `position`). Filter by `parent_id` or `level`.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "nodes",
    params(("plan_id" = Uuid, Path, description = "Plan id"), NodeFilter, PageParams),
    responses(
        (status = 200, description = "One page of nodes", body = NodeList),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/plans/{plan_id}/nodes")]
pub async fn list_nodes(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    filter: http::Query<NodeFilter>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<NodeList>> {
    policy::read_internal(&principal)?;
    let plan_id = path.into_inner();
    let page = page.validate()?;
    let filter = filter.into_inner();
    if filter.level.is_some_and(|l| l < 1) {
        return Err(ApiError::bad_param("/query/level", "levels start at 1 (the top)"));
    }
    let (plan, rows) = state
        .db(move |conn| {
            let plan = plans::load(conn, plan_id)?;
            let mut query =
                plan_nodes::table.filter(plan_nodes::plan_id.eq(plan.id)).select(Node::as_select()).into_boxed();
            if let Some(parent) = filter.parent_id {
                query = query.filter(plan_nodes::parent_id.eq(DbUuid(parent)));
            }
            if let Some(level) = filter.level {
                query = query.filter(plan_nodes::level.eq(level));
            }
            if let Some(pattern) = crate::models::search::pattern_for(filter.q.as_deref()) {
                query = query.filter(plan_nodes::search_text.like(pattern).escape('\\'));
            }
            if let Some((path, _)) = &page.after {
                query = query.filter(plan_nodes::sort_path.gt(path.clone()));
            }
            let rows = query.order(plan_nodes::sort_path).limit(page.limit + 1).load(conn)?;
            Ok((plan, rows))
        })
        .await?;
    let labels = plan.level_labels()?;
    let (rows, next_cursor) = finish_page(rows, page.limit, |n: &Node| (n.sort_path.clone(), n.id.to_string()));
    Ok(web::Json(NodeList { items: rows.into_iter().map(|n| view(n, &labels)).collect(), next_cursor }))
}

/// Create a node
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "nodes",
    params(("plan_id" = Uuid, Path, description = "Plan id")),
    request_body(content = NodeInput, example = json!({"code": "②", "title": "わかりやすい福祉情報の提供・共有"})),
    responses(
        (status = 201, description = "Created", body = NodeView,
            headers(("Location" = String, description = "URL of the new node"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetNode" = (operation_id = "get_node", parameters(("plan_id" = "$request.path.plan_id"), ("node_id" = "$response.body#/id")))),
                ("UpdateNode" = (operation_id = "update_node", parameters(("plan_id" = "$request.path.plan_id"), ("node_id" = "$response.body#/id")))),
                ("DeleteNode" = (operation_id = "delete_node", parameters(("plan_id" = "$request.path.plan_id"), ("node_id" = "$response.body#/id")))),
            )),
        (status = 404, response = error::NotFound),
    )
)]
#[post("/plans/{plan_id}/nodes")]
pub async fn create_node(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    body: JsonBody<NodeInput>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let plan_id = path.into_inner();
    policy::write_some_structure(&principal)?;
    let input = body.read().await?;
    let (row, labels) = state
        .write(move |conn| {
            let plan = plans::load_locked(conn, plan_id)?;
            policy::write_structure(&principal, &plan)?;
            validation::check(&input)?;
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
            let row = insert(conn, &plan, parent.as_ref(), &input, position)?;
            if shifted {
                reflow(conn, plan.id)?;
            }
            let labels = plan.level_labels()?;
            audit::record(
                conn,
                &actor,
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
        })
        .await?;
    let version = row.version;
    let location = format!("/api/v1/plans/{plan_id}/nodes/{}", row.id);
    Ok(http::created(&view(row, &labels), location, version))
}

/// Get a node
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "nodes",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ("node_id" = Uuid, Path, description = "Node id")),
    responses(
        (status = 200, description = "The node", body = NodeView, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/plans/{plan_id}/nodes/{node_id}")]
pub async fn get_node(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let (plan_id, node_id) = path.into_inner();
    let (row, plan) = state.db(move |conn| Ok((load(conn, plan_id, node_id)?, plans::load(conn, plan_id)?))).await?;
    let version = row.version;
    Ok(http::ok_with_etag(&view(row, &plan.level_labels()?), version))
}

/// Update or move a node
///
/// JSON merge patch. Changing `parent_id` moves the node with its whole subtree; a move that
/// would put a node under itself is refused with 422.
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "nodes",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ("node_id" = Uuid, Path, description = "Node id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = NodePatch, content_type = "application/merge-patch+json", example = json!({"title": "相談支援体制の整備"})),
    responses(
        (status = 200, description = "Updated", body = NodeView, headers(("ETag" = String, description = "New version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[patch("/plans/{plan_id}/nodes/{node_id}")]
pub async fn update_node(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
    body: MergePatch<NodePatch>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let (plan_id, node_id) = path.into_inner();
    policy::write_some_structure(&principal)?;
    let patch = body.read().await?;
    let (row, labels) = state
        .write(move |conn| {
            // The plan's lock serializes changes to its tree (two moves cannot make a cycle).
            let plan = plans::load_locked(conn, plan_id)?;
            policy::write_structure(&principal, &plan)?;
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
                (_, Some(p)) if p != before.position || moved => {
                    (p, make_room(conn, plan.id, parent_id, p, Some(before.id))?)
                }
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
            let rows =
                diesel::update(plan_nodes::table.find(before.id).filter(plan_nodes::version.eq(before.version)))
                    .set(&after)
                    .execute(conn)?;
            if_match.applied(rows)?;
            if shifted || after.sort_path != before.sort_path {
                reflow(conn, plan.id)?;
            }
            audit::record(
                conn,
                &actor,
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
        })
        .await?;
    let version = row.version;
    Ok(http::ok_with_etag(&view(row, &labels), version))
}

/// Delete a node
///
/// Refused with 409 while the node has child nodes or initiatives placed under it.
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "nodes",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ("node_id" = Uuid, Path, description = "Node id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[delete("/plans/{plan_id}/nodes/{node_id}")]
pub async fn delete_node(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let (plan_id, node_id) = path.into_inner();
    state
        .write(move |conn| {
            let plan = plans::load_locked(conn, plan_id)?;
            policy::write_structure(&principal, &plan)?;
            let before = load(conn, plan_id, node_id)?;
            if_match.check(before.version)?;
            let children: i64 =
                plan_nodes::table.filter(plan_nodes::parent_id.eq(before.id)).count().get_result(conn)?;
            let placed: i64 = initiative_placements::table
                .filter(initiative_placements::node_id.eq(before.id))
                .count()
                .get_result(conn)?;
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
                &actor,
                Change::<_, Nothing> {
                    action: "delete",
                    entity_type: "node",
                    entity_id: node_id,
                    plan_id: Some(plan_id),
                    before: Some(&view(before, &plan.level_labels()?)),
                    after: None,
                },
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
