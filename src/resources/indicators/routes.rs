//! The endpoints: an initiative's indicators (`/initiatives/{initiative_id}/indicators…`) and a
//! plan's targets (`/plans/{plan_id}/targets…`), each a thin handler over [`super::writes`].

use actix_web::{delete, get, patch, post, web, HttpResponse};
use uuid::Uuid;

use super::input::{IndicatorInput, IndicatorPatch, RevisionInput};
use super::store::{create, get_one, list, remove, revise, update};
use super::views::{IndicatorList, IndicatorView, TargetList};
use crate::error::{self, ApiResult};
use crate::models::indicators::Owner;
use crate::web::auth::{Caller, Principal};
use crate::web::http::{self, IfMatch, JsonBody, MergePatch, PageParams};
use crate::web::policy;
use crate::web::state::AppState;

/// List an initiative's indicators
///
/// In stacking order (上段, 中段, 下段), each with its yearly values.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "indicators",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"), PageParams),
    responses(
        (status = 200, description = "One page of indicators", body = IndicatorList),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/initiatives/{initiative_id}/indicators")]
pub async fn list_indicators(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<IndicatorList>> {
    policy::read_internal(&principal)?;
    let (items, next_cursor) = list(&state, principal, Owner::Initiative(path.into_inner()), page.into_inner()).await?;
    Ok(web::Json(IndicatorList { items, next_cursor }))
}

/// Create an indicator
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("initiative_id" = Uuid, Path, description = "Initiative id")),
    request_body(content = IndicatorInput, example = json!({"name": "発行部数", "unit": "部", "direction": "increase"})),
    responses(
        (status = 201, description = "Created", body = IndicatorView,
            headers(("Location" = String, description = "URL of the new indicator"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetIndicator" = (operation_id = "get_indicator", parameters(("initiative_id" = "$request.path.initiative_id"), ("indicator_id" = "$response.body#/id")))),
                ("UpdateIndicator" = (operation_id = "update_indicator", parameters(("initiative_id" = "$request.path.initiative_id"), ("indicator_id" = "$response.body#/id")))),
                ("DeleteIndicator" = (operation_id = "delete_indicator", parameters(("initiative_id" = "$request.path.initiative_id"), ("indicator_id" = "$response.body#/id")))),
                ("ReviseIndicator" = (operation_id = "revise_indicator", parameters(("initiative_id" = "$request.path.initiative_id"), ("indicator_id" = "$response.body#/id")))),
            )),
        (status = 404, response = error::NotFound),
    )
)]
#[post("/initiatives/{initiative_id}/indicators")]
pub async fn create_indicator(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    body: JsonBody<IndicatorInput>,
) -> ApiResult<HttpResponse> {
    policy::write_some_structure(&caller.principal)?;
    let input = body.read().await?;
    create(&state, caller, Owner::Initiative(path.into_inner()), input).await
}

/// Get an indicator
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "indicators",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"), ("indicator_id" = Uuid, Path, description = "Indicator id")),
    responses(
        (status = 200, description = "The indicator with its values", body = IndicatorView, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/initiatives/{initiative_id}/indicators/{indicator_id}")]
pub async fn get_indicator(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let (owner, id) = path.into_inner();
    get_one(&state, principal, Owner::Initiative(owner), id).await
}

/// Update an indicator
///
/// JSON merge patch. To change what an indicator measures from some FY on, create a revision instead.
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"), ("indicator_id" = Uuid, Path, description = "Indicator id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = IndicatorPatch, content_type = "application/merge-patch+json", example = json!({"unit": "部"})),
    responses(
        (status = 200, description = "Updated", body = IndicatorView, headers(("ETag" = String, description = "New version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[patch("/initiatives/{initiative_id}/indicators/{indicator_id}")]
pub async fn update_indicator(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
    body: MergePatch<IndicatorPatch>,
) -> ApiResult<HttpResponse> {
    let (owner, id) = path.into_inner();
    policy::write_some_structure(&caller.principal)?;
    let input = body.read().await?;
    update(&state, caller, Owner::Initiative(owner), id, if_match, input).await
}

/// Delete an indicator
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"), ("indicator_id" = Uuid, Path, description = "Indicator id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[delete("/initiatives/{initiative_id}/indicators/{indicator_id}")]
pub async fn delete_indicator(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (owner, id) = path.into_inner();
    remove(&state, caller, Owner::Initiative(owner), id, if_match).await
}

/// Revise an indicator (見直し)
///
/// Closes the indicator at the FY before `from_fy` and creates its successor from `from_fy`.
/// Both keep their values; values of the old indicator at or after `from_fy` make this a 409.
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"), ("indicator_id" = Uuid, Path, description = "Indicator id")),
    request_body(content = RevisionInput, example = json!({"from_fy": 2022, "name": "福祉事務所内専門職等配置数", "unit": "人"})),
    responses(
        (status = 201, description = "The successor", body = IndicatorView,
            headers(("Location" = String, description = "URL of the successor"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetSuccessor" = (operation_id = "get_indicator", parameters(("initiative_id" = "$request.path.initiative_id"), ("indicator_id" = "$response.body#/id")))),
                ("UpdateSuccessor" = (operation_id = "update_indicator", parameters(("initiative_id" = "$request.path.initiative_id"), ("indicator_id" = "$response.body#/id")))),
            )),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[post("/initiatives/{initiative_id}/indicators/{indicator_id}/revisions")]
pub async fn revise_indicator(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    body: JsonBody<RevisionInput>,
) -> ApiResult<HttpResponse> {
    let (owner, id) = path.into_inner();
    policy::write_some_structure(&caller.principal)?;
    let input = body.read().await?;
    revise(&state, caller, Owner::Initiative(owner), id, input).await
}

/// List a plan's targets
///
/// Plan-level targets (計画期間の目標) with baseline, final target and yearly values.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "indicators",
    params(("plan_id" = Uuid, Path, description = "Plan id"), PageParams),
    responses(
        (status = 200, description = "One page of targets (their `initiative_id` is `null`)", body = TargetList),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/plans/{plan_id}/targets")]
pub async fn list_targets(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<TargetList>> {
    policy::read_internal(&principal)?;
    let (items, next_cursor) = list(&state, principal, Owner::Plan(path.into_inner()), page.into_inner()).await?;
    Ok(web::Json(TargetList { items, next_cursor }))
}

/// Create a plan target
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("plan_id" = Uuid, Path, description = "Plan id")),
    request_body(content = IndicatorInput, example = json!({
        "name": "会員数", "unit": "人", "direction": "increase",
        "baseline": {"fiscal_year": 2017, "value": 2431}, "final_target": 3000
    })),
    responses(
        (status = 201, description = "Created", body = IndicatorView,
            headers(("Location" = String, description = "URL of the new target"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetTarget" = (operation_id = "get_target", parameters(("plan_id" = "$request.path.plan_id"), ("target_id" = "$response.body#/id")))),
                ("UpdateTarget" = (operation_id = "update_target", parameters(("plan_id" = "$request.path.plan_id"), ("target_id" = "$response.body#/id")))),
                ("DeleteTarget" = (operation_id = "delete_target", parameters(("plan_id" = "$request.path.plan_id"), ("target_id" = "$response.body#/id")))),
                ("ReviseTarget" = (operation_id = "revise_target", parameters(("plan_id" = "$request.path.plan_id"), ("target_id" = "$response.body#/id")))),
            )),
        (status = 404, response = error::NotFound),
    )
)]
#[post("/plans/{plan_id}/targets")]
pub async fn create_target(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    body: JsonBody<IndicatorInput>,
) -> ApiResult<HttpResponse> {
    policy::write_some_structure(&caller.principal)?;
    let input = body.read().await?;
    create(&state, caller, Owner::Plan(path.into_inner()), input).await
}

/// Get a plan target
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "indicators",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ("target_id" = Uuid, Path, description = "Target id")),
    responses(
        (status = 200, description = "The target with its values", body = IndicatorView, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/plans/{plan_id}/targets/{target_id}")]
pub async fn get_target(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let (owner, id) = path.into_inner();
    get_one(&state, principal, Owner::Plan(owner), id).await
}

/// Update a plan target
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ("target_id" = Uuid, Path, description = "Target id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = IndicatorPatch, content_type = "application/merge-patch+json", example = json!({"final_target": 3000})),
    responses(
        (status = 200, description = "Updated", body = IndicatorView, headers(("ETag" = String, description = "New version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[patch("/plans/{plan_id}/targets/{target_id}")]
pub async fn update_target(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
    body: MergePatch<IndicatorPatch>,
) -> ApiResult<HttpResponse> {
    let (owner, id) = path.into_inner();
    policy::write_some_structure(&caller.principal)?;
    let input = body.read().await?;
    update(&state, caller, Owner::Plan(owner), id, if_match, input).await
}

/// Delete a plan target
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ("target_id" = Uuid, Path, description = "Target id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[delete("/plans/{plan_id}/targets/{target_id}")]
pub async fn delete_target(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (owner, id) = path.into_inner();
    remove(&state, caller, Owner::Plan(owner), id, if_match).await
}

/// Revise a plan target (見直し)
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "indicators",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ("target_id" = Uuid, Path, description = "Target id")),
    request_body(content = RevisionInput),
    responses(
        (status = 201, description = "The successor", body = IndicatorView,
            headers(("Location" = String, description = "URL of the successor"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetSuccessor" = (operation_id = "get_target", parameters(("plan_id" = "$request.path.plan_id"), ("target_id" = "$response.body#/id")))),
                ("UpdateSuccessor" = (operation_id = "update_target", parameters(("plan_id" = "$request.path.plan_id"), ("target_id" = "$response.body#/id")))),
            )),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[post("/plans/{plan_id}/targets/{target_id}/revisions")]
pub async fn revise_target(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, Uuid)>,
    body: JsonBody<RevisionInput>,
) -> ApiResult<HttpResponse> {
    let (owner, id) = path.into_inner();
    policy::write_some_structure(&caller.principal)?;
    let input = body.read().await?;
    revise(&state, caller, Owner::Plan(owner), id, input).await
}
