//! The initiative endpoints: authorize, read the body, one transaction, answer.

use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use uuid::Uuid;

use super::input::{InitiativeFilter, InitiativeInput, InitiativePatch};
use super::store;
use super::views::{view, view_one, InitiativeList, InitiativeView};
use crate::db::schema::{initiative_departments, initiative_placements, initiatives};
use crate::db::{DbConnection, DbUuid};
use crate::error::{self, ApiError, ApiResult};
use crate::models::initiatives::{load, load_links, Initiative};
use crate::models::plans::Plan;
use crate::resources::departments::DepartmentRef;
use crate::web::auth::{Caller, Principal};
use crate::web::cache::{Rendered, PRIVATE_CACHE};
use crate::web::http::{self, finish_page, IfMatch, JsonBody, MergePatch, PageParams};
use crate::web::policy;
use crate::web::state::AppState;

/// List a plan's initiatives
///
/// In natural order of their codes (1, 2, 10; ①②; (1)(2); I II III). `node_id` includes
/// initiatives cross-listed under that node.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "initiatives",
    params(
        ("plan_id" = Uuid, Path, description = "Plan id"),
        InitiativeFilter,
        PageParams,
        ("If-None-Match" = Option<String>, Header, description = "ETag of a page already held"),
    ),
    responses(
        (status = 200, description = "One page of initiatives", body = InitiativeList,
            headers(("ETag" = String, description = "Tag of this page"), ("Cache-Control" = String, description = "`private, no-cache`"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/plans/{plan_id}/initiatives")]
pub async fn list_initiatives(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    filter: http::Query<InitiativeFilter>,
    page: http::Query<PageParams>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let plan_id = path.into_inner();
    let page = page.validate()?;
    let filter = filter.into_inner();
    let departments = filter.department_id.as_ref().map(|refs| DepartmentRef::resolve(refs, &principal));
    // A page is the same for every caller (given the departments `mine` names), and changes
    // only with its plan's data version: kept rendered, it is answered without the database.
    let key = {
        let (filter, departments, page) = (format!("{filter:?}"), format!("{departments:?}"), format!("{page:?}"));
        move |plan: &Plan| format!("initiatives:{}:{}:{filter}:{departments}:{page}", plan.id, plan.data_version)
    };
    if let Some(plan) = state.plans.get(&plan_id) {
        if let Some(hit) = state.summaries.hit(&key(&plan)) {
            return Ok(hit.response(&req, PRIVATE_CACHE));
        }
    }
    let (known, cache) = (state.plans.clone(), state.summaries.clone());
    let read_at = known.generation();
    let rendered = state
        .db(move |conn| {
            let plan = known.load(conn, plan_id, read_at)?;
            cache.get_or(key(&plan), || Rendered::of(&list_page(conn, &plan, &filter, departments, page)?))
        })
        .await?;
    Ok(rendered.response(&req, PRIVATE_CACHE))
}

/// One page of the plan's initiatives that pass `filter`.
fn list_page(
    conn: &mut DbConnection,
    plan: &Plan,
    filter: &InitiativeFilter,
    departments: Option<Vec<DbUuid>>,
    page: http::PageRequest,
) -> ApiResult<InitiativeList> {
    let rows = if filter.is_empty() {
        // The plain page (a portal or a sheet listing the plan): a query of fixed shape, whose
        // prepared statement each connection keeps (a boxed query is planned anew).
        unfiltered_page(conn, plan.id, &page.after, page.limit)?
    } else {
        let mut query =
            initiatives::table.filter(initiatives::plan_id.eq(plan.id)).select(Initiative::as_select()).into_boxed();
        if let Some(nodes) = &filter.node_id {
            let placed = initiative_placements::table
                .filter(initiative_placements::node_id.eq_any(nodes.iter().copied().map(DbUuid).collect::<Vec<_>>()))
                .select(initiative_placements::initiative_id);
            query = query.filter(initiatives::id.eq_any(placed));
        }
        if let Some(departments) = departments {
            let owned = initiative_departments::table
                .filter(initiative_departments::department_id.eq_any(departments))
                .select(initiative_departments::initiative_id);
            query = query.filter(initiatives::id.eq_any(owned));
        }
        if let Some(statuses) = &filter.status {
            query = query.filter(initiatives::status.eq_any(statuses.iter().map(|s| s.as_str()).collect::<Vec<_>>()));
        }
        if let Some(pattern) = crate::models::search::pattern_for(filter.q.as_deref()) {
            query = query.filter(initiatives::search_text.like(pattern).escape('\\'));
        }
        if let Some(fy) = filter.fiscal_year {
            query = query
                .filter(initiatives::active_from_fy.is_null().or(initiatives::active_from_fy.le(fy)))
                .filter(initiatives::active_to_fy.is_null().or(initiatives::active_to_fy.ge(fy)));
        }
        if let Some((code_sort, id)) = &page.after {
            let id = DbUuid(Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?);
            query = query.filter(
                initiatives::code_sort
                    .gt(code_sort.clone())
                    .or(initiatives::code_sort.eq(code_sort.clone()).and(initiatives::id.gt(id))),
            );
        }
        query.order((initiatives::code_sort, initiatives::id)).limit(page.limit + 1).load(conn)?
    };
    let ids: Vec<DbUuid> = rows.iter().map(|r| r.id).collect();
    let mut links = load_links(conn, &ids)?;
    let (rows, next_cursor) = finish_page(rows, page.limit, |i: &Initiative| (i.code_sort.clone(), i.id.to_string()));
    let items = rows
        .into_iter()
        .map(|r| {
            let l = links.remove(&r.id).unwrap_or_default();
            view(r, l)
        })
        .collect::<ApiResult<_>>()?;
    Ok(InitiativeList { items, next_cursor })
}

/// One page of a plan's initiatives in code order, after the page's cursor if any.
fn unfiltered_page(
    conn: &mut DbConnection,
    plan: DbUuid,
    after: &Option<(String, String)>,
    limit: i64,
) -> ApiResult<Vec<Initiative>> {
    let of_plan = initiatives::table.filter(initiatives::plan_id.eq(plan)).select(Initiative::as_select());
    let order = (initiatives::code_sort, initiatives::id);
    Ok(match after {
        None => of_plan.order(order).limit(limit + 1).load(conn)?,
        Some((code_sort, id)) => {
            let id = DbUuid(Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?);
            of_plan
                .filter(
                    initiatives::code_sort
                        .gt(code_sort.clone())
                        .or(initiatives::code_sort.eq(code_sort.clone()).and(initiatives::id.gt(id))),
                )
                .order(order)
                .limit(limit + 1)
                .load(conn)?
        }
    })
}

/// Create an initiative
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "initiatives",
    params(("plan_id" = Uuid, Path, description = "Plan id")),
    request_body(content = InitiativeInput, example = json!({
        "code": "1", "title": "保健福祉ガイドブックの発行",
        "node_ids": ["0193a3c4-6a0e-7c1e-9b1a-2f4b8c9d0e11", "0193a3c4-6a0e-7c1e-9b1a-2f4b8c9d0e12"],
        "department_ids": ["0193a3c4-6a0e-7c1e-9b1a-2f4b8c9d0e13"], "notes": "R4以降見直しあり"
    })),
    responses(
        (status = 201, description = "Created", body = InitiativeView,
            headers(("Location" = String, description = "URL of the new initiative"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetInitiative" = (operation_id = "get_initiative", parameters(("initiative_id" = "$response.body#/id")))),
                ("UpdateInitiative" = (operation_id = "update_initiative", parameters(("initiative_id" = "$response.body#/id")))),
                ("DeleteInitiative" = (operation_id = "delete_initiative", parameters(("initiative_id" = "$response.body#/id")))),
                ("ListIndicators" = (operation_id = "list_indicators", parameters(("initiative_id" = "$response.body#/id")))),
                ("CreateIndicator" = (operation_id = "create_indicator", parameters(("initiative_id" = "$response.body#/id")))),
            )),
        (status = 404, response = error::NotFound),
    )
)]
#[post("/plans/{plan_id}/initiatives")]
pub async fn create_initiative(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    body: JsonBody<InitiativeInput>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let plan_id = path.into_inner();
    policy::write_some_structure(&principal)?;
    let input = body.read().await?;
    let view = state.write(move |conn| store::create(conn, &principal, &actor, plan_id, &input)).await?;
    let version = view.version;
    Ok(http::created(&view, format!("/api/v1/initiatives/{}", view.id), version))
}

/// Get an initiative
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "initiatives",
    params(("initiative_id" = Uuid, Path, description = "Initiative id")),
    responses(
        (status = 200, description = "The initiative", body = InitiativeView, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/initiatives/{initiative_id}")]
pub async fn get_initiative(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let id = path.into_inner();
    let view = state
        .db(move |conn| {
            let row = load(conn, id)?;
            view_one(conn, row)
        })
        .await?;
    Ok(http::ok_with_etag(&view, view.version))
}

/// Update an initiative
///
/// JSON merge patch. `node_ids` (primary first) and `department_ids` replace the whole lists.
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "initiatives",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = InitiativePatch, content_type = "application/merge-patch+json", example = json!({"notes": "R4以降見直しあり"})),
    responses(
        (status = 200, description = "Updated", body = InitiativeView, headers(("ETag" = String, description = "New version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[patch("/initiatives/{initiative_id}")]
pub async fn update_initiative(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    if_match: IfMatch,
    body: MergePatch<InitiativePatch>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let id = path.into_inner();
    policy::write_some_structure(&principal)?;
    let patch = body.read().await?;
    let view = state.write(move |conn| store::update(conn, &principal, &actor, id, &if_match, patch)).await?;
    Ok(http::ok_with_etag(&view, view.version))
}

/// Delete an initiative
///
/// Deletes the initiative with its indicators and yearly data; the audit trail keeps its last state.
///
/// Roles: admin; council users for the plans their council owns.
#[utoipa::path(
    tag = "initiatives",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, response = error::NotFound),
    )
)]
#[delete("/initiatives/{initiative_id}")]
pub async fn delete_initiative(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let id = path.into_inner();
    state.write(move |conn| store::delete(conn, &principal, &actor, id, &if_match)).await?;
    Ok(HttpResponse::NoContent().finish())
}
