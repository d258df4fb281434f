//! The node endpoints: authorize, read the body, one transaction, answer.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use diesel::prelude::*;
use uuid::Uuid;

use super::input::{NodeFilter, NodeInput, NodePatch};
use super::store;
use super::views::{view, NodeList, NodeView};
use crate::db::schema::plan_nodes;
use crate::db::DbUuid;
use crate::error::{self, ApiError, ApiResult};
use crate::models::nodes::{load, Node};
use crate::models::plans;
use crate::web::auth::{Caller, Principal};
use crate::web::http::{self, finish_page, IfMatch, JsonBody, MergePatch, PageParams};
use crate::web::policy;
use crate::web::state::AppState;

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
    let (row, labels) = state.write(move |conn| store::create(conn, &principal, &actor, plan_id, &input)).await?;
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
    let (row, labels) =
        state.write(move |conn| store::update(conn, &principal, &actor, plan_id, node_id, &if_match, patch)).await?;
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
    state.write(move |conn| store::delete(conn, &principal, &actor, plan_id, node_id, &if_match)).await?;
    Ok(HttpResponse::NoContent().finish())
}
