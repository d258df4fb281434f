//! The plan endpoints: authorize, read the body, one transaction, answer.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use diesel::prelude::*;
use uuid::Uuid;

use super::input::{PlanFilter, PlanInput, PlanPatch};
use super::store;
use super::views::{PlanList, PlanView};
use crate::db::schema::plans;
use crate::db::DbUuid;
use crate::domain::validation::{Errors, Tidy};
use crate::error::{self, ApiError, ApiResult};
use crate::models::plans::{load, Plan};
use crate::web::auth::{Caller, Principal};
use crate::web::http::{self, finish_page, IfMatch, JsonBody, MergePatch, PageParams};
use crate::web::policy;
use crate::web::state::AppState;

/// List plans
///
/// In creation order.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "plans",
    params(PlanFilter, PageParams),
    responses(
        (status = 200, description = "One page of plans", body = PlanList),
    )
)]
#[get("/plans")]
pub async fn list_plans(
    principal: Principal,
    state: web::Data<AppState>,
    filter: http::Query<PlanFilter>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<PlanList>> {
    policy::read_internal(&principal)?;
    let page = page.validate()?;
    let filter = filter.into_inner();
    let rows = state
        .db(move |conn| {
            let mut query = plans::table.select(Plan::as_select()).into_boxed();
            if let Some(statuses) = &filter.status {
                query = query.filter(plans::status.eq_any(statuses.iter().map(|s| s.as_str()).collect::<Vec<_>>()));
            }
            if let Some(organization) = filter.organization.as_deref().map(Tidy::tidy) {
                query = query.filter(plans::organization.eq(organization.to_string()));
            }
            if let Some(pattern) = crate::models::search::pattern_for(filter.q.as_deref()) {
                query = query.filter(plans::search_text.like(pattern).escape('\\'));
            }
            if let Some(fy) = filter.fiscal_year {
                query = query.filter(plans::start_fy.le(fy).and(plans::end_fy.ge(fy)));
            }
            if let Some((_, id)) = &page.after {
                let id = Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?;
                query = query.filter(plans::id.gt(DbUuid(id)));
            }
            Ok(query.order(plans::id).limit(page.limit + 1).load(conn)?)
        })
        .await?;
    let (rows, next_cursor) = finish_page(rows, page.limit, |p: &Plan| (String::new(), p.id.to_string()));
    let items = rows.into_iter().map(PlanView::try_from).collect::<ApiResult<_>>()?;
    Ok(web::Json(PlanList { items, next_cursor }))
}

/// Create a plan
///
/// An empty plan; add nodes and initiatives next, or import a whole plan with `POST /api/v1/plan-bundles`.
///
/// Roles: admin.
#[utoipa::path(
    tag = "plans",
    request_body(content = PlanInput, example = json!({
        "title": "白井市第2次地域福祉計画", "organization": "白井市", "start_fy": 2020, "end_fy": 2024,
        "level_labels": ["基本方針", "施策の方向", "事業"]
    })),
    responses(
        (status = 201, description = "Created", body = PlanView,
            headers(("Location" = String, description = "URL of the new plan"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetPlan" = (operation_id = "get_plan", parameters(("plan_id" = "$response.body#/id")))),
                ("UpdatePlan" = (operation_id = "update_plan", parameters(("plan_id" = "$response.body#/id")))),
                ("DeletePlan" = (operation_id = "delete_plan", parameters(("plan_id" = "$response.body#/id")))),
                ("ListNodes" = (operation_id = "list_nodes", parameters(("plan_id" = "$response.body#/id")))),
                ("CreateNode" = (operation_id = "create_node", parameters(("plan_id" = "$response.body#/id")))),
                ("ListInitiatives" = (operation_id = "list_initiatives", parameters(("plan_id" = "$response.body#/id")))),
                ("ListTargets" = (operation_id = "list_targets", parameters(("plan_id" = "$response.body#/id")))),
                ("CreateTarget" = (operation_id = "create_target", parameters(("plan_id" = "$response.body#/id")))),
                ("ExportBundle" = (operation_id = "export_bundle", parameters(("plan_id" = "$response.body#/id")))),
            )),
    )
)]
#[post("/plans")]
pub async fn create_plan(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<PlanInput>,
) -> ApiResult<HttpResponse> {
    policy::create_plan(&caller.principal)?;
    let actor = caller.actor;
    let input = body.read().await?;
    Errors(input.errors("")).into_result()?;
    let row = state.write(move |conn| store::create(conn, &actor, &input)).await?;
    let (version, id) = (row.version, row.id);
    Ok(http::created(&PlanView::try_from(row)?, format!("/api/v1/plans/{id}"), version))
}

/// Get a plan
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "plans",
    params(("plan_id" = Uuid, Path, description = "Plan id")),
    responses(
        (status = 200, description = "The plan", body = PlanView, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/plans/{plan_id}")]
pub async fn get_plan(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let id = path.into_inner();
    let row = state.db(move |conn| load(conn, id)).await?;
    let version = row.version;
    Ok(http::ok_with_etag(&PlanView::try_from(row)?, version))
}

/// Update a plan
///
/// JSON merge patch; `If-Match` guards against lost updates.
///
/// Roles: admin; council users for the plans their council owns (not `status` or `owner_department_id`).
#[utoipa::path(
    tag = "plans",
    params(("plan_id" = Uuid, Path, description = "Plan id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = PlanPatch, content_type = "application/merge-patch+json", example = json!({"end_fy": 2024, "status": "published"})),
    responses(
        (status = 200, description = "Updated", body = PlanView, headers(("ETag" = String, description = "New version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[patch("/plans/{plan_id}")]
pub async fn update_plan(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    if_match: IfMatch,
    body: MergePatch<PlanPatch>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let id = path.into_inner();
    policy::write_some_structure(&principal)?;
    let patch = body.read().await?;
    let row = state.write(move |conn| store::update(conn, &principal, &actor, id, &if_match, patch)).await?;
    let version = row.version;
    Ok(http::ok_with_etag(&PlanView::try_from(row)?, version))
}

/// Delete a plan
///
/// Deletes the plan with its whole structure and data. The audit trail keeps the plan's last state.
///
/// Roles: admin.
#[utoipa::path(
    tag = "plans",
    params(("plan_id" = Uuid, Path, description = "Plan id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, response = error::NotFound),
    )
)]
#[delete("/plans/{plan_id}")]
pub async fn delete_plan(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    policy::delete_plan(&caller.principal)?;
    let actor = caller.actor;
    let id = path.into_inner();
    state.write(move |conn| store::delete(conn, &actor, id, &if_match)).await?;
    Ok(HttpResponse::NoContent().finish())
}
