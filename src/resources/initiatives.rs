//! Initiatives (取組項目): the unit that is reported on. One primary node, any number of
//! cross-listings (※再掲) in the same plan, one or more responsible departments.

use std::collections::HashSet;

use actix_web::{delete, get, patch, post, web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::models::audit::{self, Change, Nothing};
use crate::web::auth::{Caller, Principal};
use crate::db::{DbConnection, DbUuid};
use crate::domain::enums::InitiativeStatus;
use crate::error::{self, ApiError, ApiResult};
use crate::domain::fiscal_year;
use crate::web::http::{self, finish_page, patch_field, IfMatch, JsonBody, MergePatch, PageParams};
use crate::web::policy;
use crate::models::plans;
use crate::models::plans::Plan;
use crate::db::schema::{
    annual_reports, departments, indicator_values, indicators, initiative_departments, initiative_placements,
    initiatives, plan_nodes,
};
use crate::db::{now, utc};
use crate::web::state::AppState;
use crate::domain::validation::{self, Errors, Tidy};
use crate::models::initiatives::{code_sort, load, load_links, write_links, Initiative, Links};

/// The city's and the council's programs that carry an initiative (関係取組・事業).
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct RelatedPrograms {
    /// 市.
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub city: Option<String>,
    /// 市社協.
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub council: Option<String>,
}

impl<'de> Deserialize<'de> for RelatedPrograms {
    /// Only from a JSON object: a derived struct of optional fields would also take an array.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            #[serde(default)]
            city: Option<String>,
            #[serde(default)]
            council: Option<String>,
        }
        let object = serde_json::Map::<String, serde_json::Value>::deserialize(deserializer)?;
        let fields: Fields =
            serde_json::from_value(serde_json::Value::Object(object)).map_err(serde::de::Error::custom)?;
        Ok(RelatedPrograms { city: fields.city, council: fields.council })
    }
}

/// A responsible department, as shown on an initiative.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ResponsibleDepartment {
    pub id: Uuid,
    #[schema(example = "社会福祉課")]
    pub name: String,
}

/// An initiative with its placements and responsible departments.
#[derive(Debug, Serialize, ToSchema)]
pub struct InitiativeView {
    pub id: Uuid,
    pub plan_id: Uuid,
    /// Stable key within the plan (plan bundles refer to initiatives by it).
    #[schema(example = "1")]
    pub key: String,
    /// Code as printed (`null`: the source printed none; such initiatives sort after the coded
    /// ones).
    #[schema(example = "1")]
    pub code: Option<String>,
    #[schema(example = "保健福祉ガイドブックの発行")]
    pub title: String,
    /// 取組内容.
    pub description: Option<String>,
    /// 方向・ねらい.
    pub aim: Option<String>,
    /// 特記事項.
    #[schema(example = "R4以降見直しあり")]
    pub notes: Option<String>,
    pub related_programs: Option<RelatedPrograms>,
    /// The node the initiative belongs to.
    pub primary_node_id: Uuid,
    /// Further nodes it is listed under (※再掲). It is one initiative: counted once in plan totals.
    pub cross_listed_node_ids: Vec<Uuid>,
    /// Responsible departments, in the order printed.
    pub departments: Vec<ResponsibleDepartment>,
    /// First FY in which the initiative is carried out (`null`: from the plan start).
    pub active_from_fy: Option<i32>,
    pub active_from_fy_label: Option<String>,
    /// Last FY (`null`: to the plan end).
    pub active_to_fy: Option<i32>,
    pub active_to_fy_label: Option<String>,
    pub status: InitiativeStatus,
    #[schema(example = "実施中")]
    pub status_label: String,
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

pub fn view(i: Initiative, links: Links) -> ApiResult<InitiativeView> {
    let status = InitiativeStatus::from_db(&i.status)?;
    let related = (i.related_city.is_some() || i.related_council.is_some())
        .then(|| RelatedPrograms { city: i.related_city.clone(), council: i.related_council.clone() });
    let mut nodes = links.node_ids.into_iter();
    Ok(InitiativeView {
        id: i.id.0,
        plan_id: i.plan_id.0,
        key: i.bundle_key,
        code: (!i.code.is_empty()).then_some(i.code),
        title: i.title,
        description: i.description,
        aim: i.aim,
        notes: i.notes,
        related_programs: related,
        primary_node_id: nodes.next().ok_or_else(|| ApiError::Internal("initiative without a node".into()))?,
        cross_listed_node_ids: nodes.collect(),
        departments: links.departments.into_iter().map(|(id, name)| ResponsibleDepartment { id, name }).collect(),
        active_from_fy: i.active_from_fy,
        active_from_fy_label: i.active_from_fy.map(fiscal_year::label),
        active_to_fy: i.active_to_fy,
        active_to_fy_label: i.active_to_fy.map(fiscal_year::label),
        status,
        status_label: status.label().to_string(),
        version: i.version,
        created_at: utc(i.created_at),
        updated_at: utc(i.updated_at),
    })
}

/// A new initiative.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct InitiativeInput {
    /// Stable key within the plan; default the new initiative's id.
    #[validate(length(min = 1, max = 100), custom(function = "validation::not_blank"))]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub key: Option<String>,
    /// Code as printed; `null` or absent when the source prints none.
    #[validate(length(min = 1, max = 50), custom(function = "validation::not_blank"))]
    #[schema(example = "1", min_length = 1, max_length = 50, pattern = r"\S")]
    #[serde(default)]
    pub code: Option<String>,
    #[validate(length(min = 1, max = 300), custom(function = "validation::not_blank"))]
    #[schema(example = "保健福祉ガイドブックの発行", min_length = 1, max_length = 300, pattern = r"\S")]
    pub title: String,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub description: Option<String>,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub aim: Option<String>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub notes: Option<String>,
    #[validate(nested)]
    pub related_programs: Option<RelatedPrograms>,
    /// The primary node first, then every node it is cross-listed under; all in the same plan.
    #[validate(length(min = 1, max = 50))]
    #[schema(min_items = 1, max_items = 50)]
    pub node_ids: Vec<Uuid>,
    /// Responsible departments (at least one).
    #[validate(length(min = 1, max = 50))]
    #[schema(min_items = 1, max_items = 50)]
    pub department_ids: Vec<Uuid>,
    #[validate(range(min = 1989, max = 2200))]
    #[schema(minimum = 1989, maximum = 2200)]
    pub active_from_fy: Option<i32>,
    #[validate(range(min = 1989, max = 2200))]
    #[schema(minimum = 1989, maximum = 2200)]
    pub active_to_fy: Option<i32>,
    /// Default `active`.
    #[serde(default = "active")]
    pub status: InitiativeStatus,
}

fn active() -> InitiativeStatus {
    InitiativeStatus::Active
}

/// Changes to an initiative (JSON merge patch). `node_ids` and `department_ids` replace the lists.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InitiativePatch {
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
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 10000)]
    pub aim: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 2000)]
    pub notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<RelatedPrograms>)]
    pub related_programs: Option<Option<RelatedPrograms>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Vec<Uuid>, required = false, min_items = 1, max_items = 50)]
    pub node_ids: Option<Option<Vec<Uuid>>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Vec<Uuid>, required = false, min_items = 1, max_items = 50)]
    pub department_ids: Option<Option<Vec<Uuid>>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<i32>, minimum = 1989, maximum = 2200)]
    pub active_from_fy: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<i32>, minimum = 1989, maximum = 2200)]
    pub active_to_fy: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = InitiativeStatus, required = false)]
    pub status: Option<Option<InitiativeStatus>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InitiativeFilter {
    /// Text in the code or title (insensitive to full-/half-width, katakana/hiragana, case and
    /// spaces: `ｿｳﾀﾞﾝ`, `そうだん` and `ソウダン` are one search).
    #[param(max_length = 200, example = "相談")]
    pub q: Option<String>,
    /// Only initiatives placed under one of these nodes (cross-listings included).
    pub node_id: Option<Vec<Uuid>>,
    /// Only initiatives one of these departments is responsible for; `mine`: the departments
    /// the caller acts for. Repeat the parameter or separate with commas.
    #[param(inline)]
    pub department_id: Option<Vec<crate::resources::departments::DepartmentRef>>,
    /// Only initiatives with these statuses.
    pub status: Option<Vec<InitiativeStatus>>,
    /// Only initiatives active in this fiscal year.
    #[param(example = 2022)]
    pub fiscal_year: Option<i32>,
}

crate::list_type!(InitiativeList, InitiativeView);

fn view_one(conn: &mut DbConnection, row: Initiative) -> ApiResult<InitiativeView> {
    let links = load_links(conn, &[row.id])?.remove(&row.id).unwrap_or_default();
    view(row, links)
}

/// Checks the input against the plan: nodes of this plan, existing departments, FYs in the period.
fn check_against_plan(
    conn: &mut DbConnection,
    plan: &Plan,
    input: &InitiativeInput,
    except: Option<DbUuid>,
) -> ApiResult<()> {
    let mut errors = Errors(validation::errors_of(input, ""));
    plan.check_fy(&mut errors, "/active_from_fy", input.active_from_fy);
    plan.check_fy(&mut errors, "/active_to_fy", input.active_to_fy);
    errors.fy_order("/active_to_fy", input.active_from_fy, input.active_to_fy);
    let node_ids: Vec<DbUuid> = input.node_ids.iter().copied().map(DbUuid).collect();
    let known_nodes: HashSet<DbUuid> = plan_nodes::table
        .filter(plan_nodes::plan_id.eq(plan.id).and(plan_nodes::id.eq_any(&node_ids)))
        .select(plan_nodes::id)
        .load::<DbUuid>(conn)?
        .into_iter()
        .collect();
    let mut seen = HashSet::new();
    for (i, id) in node_ids.iter().enumerate() {
        if !seen.insert(*id) {
            errors.add(format!("/node_ids/{i}"), "duplicate", "listed twice");
        } else if !known_nodes.contains(id) {
            errors.add(
                format!("/node_ids/{i}"),
                "not_in_plan",
                "no such node in this plan (cross-listings stay within one plan)",
            );
        }
    }
    let dep_ids: Vec<DbUuid> = input.department_ids.iter().copied().map(DbUuid).collect();
    let known_deps: HashSet<DbUuid> = departments::table
        .filter(departments::id.eq_any(&dep_ids))
        .select(departments::id)
        .load::<DbUuid>(conn)?
        .into_iter()
        .collect();
    let mut seen = HashSet::new();
    for (i, id) in dep_ids.iter().enumerate() {
        if !seen.insert(*id) {
            errors.add(format!("/department_ids/{i}"), "duplicate", "listed twice");
        } else if !known_deps.contains(id) {
            errors.add(format!("/department_ids/{i}"), "not_found", "no such department");
        }
    }
    if let Some(key) = &input.key {
        let existing: Option<DbUuid> = initiatives::table
            .filter(initiatives::plan_id.eq(plan.id).and(initiatives::bundle_key.eq(key.tidy())))
            .select(initiatives::id)
            .first(conn)
            .optional()?;
        if existing.is_some() && existing != except {
            errors.add("/key", "duplicate", format!("key {} is already used in this plan", key.tidy()));
        }
    }
    errors.into_result()
}

/// The row for a validated input (id and timestamps given by the caller).
pub fn row_from(plan_id: DbUuid, id: DbUuid, input: &InitiativeInput) -> Initiative {
    let ts = now();
    let related = input.related_programs.clone().unwrap_or_default();
    Initiative {
        id,
        plan_id,
        bundle_key: input.key.as_deref().map(Tidy::tidy).map(str::to_string).unwrap_or_else(|| id.to_string()),
        code: input.code.as_deref().map(Tidy::tidy).unwrap_or_default().to_string(),
        code_sort: code_sort(input.code.as_deref(), &input.title),
        title: input.title.tidy().to_string(),
        description: input.description.clone(),
        aim: input.aim.clone(),
        notes: input.notes.clone(),
        related_city: related.city,
        related_council: related.council,
        active_from_fy: input.active_from_fy,
        active_to_fy: input.active_to_fy,
        status: input.status.as_str().to_string(),
        version: 1,
        created_at: ts,
        updated_at: ts,
        search_text: crate::models::search::text_of(&[input.code.as_deref(), Some(&input.title)]),
    }
}

/// List a plan's initiatives
///
/// In natural order of their codes (1, 2, 10; ①②; (1)(2); I II III). `node_id` includes
/// initiatives cross-listed under that node.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "initiatives",
    params(("plan_id" = Uuid, Path, description = "Plan id"), InitiativeFilter, PageParams),
    responses(
        (status = 200, description = "One page of initiatives", body = InitiativeList),
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
) -> ApiResult<web::Json<InitiativeList>> {
    policy::read_internal(&principal)?;
    let plan_id = path.into_inner();
    let page = page.validate()?;
    let filter = filter.into_inner();
    let (rows, mut links) = state
        .db(move |conn| {
            let plan = plans::load(conn, plan_id)?;
            let mut query = initiatives::table
                .filter(initiatives::plan_id.eq(plan.id))
                .select(Initiative::as_select())
                .into_boxed();
            if let Some(nodes) = &filter.node_id {
                let placed = initiative_placements::table
                    .filter(
                        initiative_placements::node_id.eq_any(nodes.iter().copied().map(DbUuid).collect::<Vec<_>>()),
                    )
                    .select(initiative_placements::initiative_id);
                query = query.filter(initiatives::id.eq_any(placed));
            }
            if let Some(refs) = &filter.department_id {
                let departments = crate::resources::departments::DepartmentRef::resolve(refs, &principal);
                let owned = initiative_departments::table
                    .filter(initiative_departments::department_id.eq_any(departments))
                    .select(initiative_departments::initiative_id);
                query = query.filter(initiatives::id.eq_any(owned));
            }
            if let Some(statuses) = &filter.status {
                query =
                    query.filter(initiatives::status.eq_any(statuses.iter().map(|s| s.as_str()).collect::<Vec<_>>()));
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
                let id =
                    DbUuid(Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?);
                query = query.filter(
                    initiatives::code_sort
                        .gt(code_sort.clone())
                        .or(initiatives::code_sort.eq(code_sort.clone()).and(initiatives::id.gt(id))),
                );
            }
            let rows: Vec<Initiative> =
                query.order((initiatives::code_sort, initiatives::id)).limit(page.limit + 1).load(conn)?;
            let ids: Vec<DbUuid> = rows.iter().map(|r| r.id).collect();
            Ok((rows, load_links(conn, &ids)?))
        })
        .await?;
    let (rows, next_cursor) = finish_page(rows, page.limit, |i: &Initiative| (i.code_sort.clone(), i.id.to_string()));
    let items = rows
        .into_iter()
        .map(|r| {
            let l = links.remove(&r.id).unwrap_or_default();
            view(r, l)
        })
        .collect::<ApiResult<_>>()?;
    Ok(web::Json(InitiativeList { items, next_cursor }))
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
    let view = state
        .write(move |conn| {
            let plan = plans::load_locked(conn, plan_id)?;
            policy::write_structure(&principal, &plan)?;
            check_against_plan(conn, &plan, &input, None)?;
            let row = row_from(plan.id, DbUuid(Uuid::now_v7()), &input);
            diesel::insert_into(initiatives::table).values(&row).execute(conn)?;
            let nodes: Vec<DbUuid> = input.node_ids.iter().copied().map(DbUuid).collect();
            let deps: Vec<DbUuid> = input.department_ids.iter().copied().map(DbUuid).collect();
            write_links(conn, row.id, &nodes, &deps)?;
            let view = view_one(conn, row)?;
            audit::record(
                conn,
                &actor,
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
        })
        .await?;
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
    let view = state
        .write(move |conn| {
            let plan_id = load(conn, id)?.plan_id.0;
            let plan = plans::load_locked(conn, plan_id)?;
            let before = load(conn, id)?;
            policy::write_structure(&principal, &plan)?;
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
            let same_departments =
                input.department_ids.iter().eq(before_view.departments.iter().map(|d| &d.id));
            if same_row && same_nodes && same_departments {
                return Ok(before_view);
            }
            let rows =
                diesel::update(initiatives::table.find(before.id).filter(initiatives::version.eq(before.version)))
                    .set(&after)
                    .execute(conn)?;
            if_match.applied(rows)?;
            let nodes: Vec<DbUuid> = input.node_ids.iter().copied().map(DbUuid).collect();
            let deps: Vec<DbUuid> = input.department_ids.iter().copied().map(DbUuid).collect();
            write_links(conn, before.id, &nodes, &deps)?;
            let after_view = view_one(conn, after)?;
            audit::record(
                conn,
                &actor,
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
        })
        .await?;
    Ok(http::ok_with_etag(&view, view.version))
}

/// Reports and indicator values must stay inside a narrowed active range.
fn check_reports_in_range(conn: &mut DbConnection, id: DbUuid, from: Option<i32>, to: Option<i32>) -> ApiResult<()> {
    let from = from.unwrap_or(i32::MIN);
    let to = to.unwrap_or(i32::MAX);
    let reports: i64 = annual_reports::table
        .filter(annual_reports::initiative_id.eq(id))
        .filter(annual_reports::fiscal_year.lt(from).or(annual_reports::fiscal_year.gt(to)))
        .count()
        .get_result(conn)?;
    let values: i64 = indicator_values::table
        .inner_join(indicators::table)
        .filter(indicators::initiative_id.eq(id))
        .filter(indicator_values::fiscal_year.lt(from).or(indicator_values::fiscal_year.gt(to)))
        .count()
        .get_result(conn)?;
    if reports + values > 0 {
        return Err(ApiError::Conflict(format!(
            "{reports} reports and {values} indicator values lie outside the new active range"
        )));
    }
    Ok(())
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
    state
        .write(move |conn| {
            let plan_id = load(conn, id)?.plan_id.0;
            let plan = plans::load_locked(conn, plan_id)?;
            let before = load(conn, id)?;
            policy::write_structure(&principal, &plan)?;
            if_match.check(before.version)?;
            let plan_id = before.plan_id.0;
            let before_view = view_one(conn, before.clone())?;
            // Successor links point inside the same initiative's indicators; clear them first.
            diesel::update(indicators::table.filter(indicators::initiative_id.eq(before.id)))
                .set(indicators::replaces_id.eq(None::<DbUuid>))
                .execute(conn)?;
            let rows =
                diesel::delete(initiatives::table.find(before.id).filter(initiatives::version.eq(before.version)))
                    .execute(conn)?;
            if_match.applied(rows)?;
            audit::record(
                conn,
                &actor,
                Change::<_, Nothing> {
                    action: "delete",
                    entity_type: "initiative",
                    entity_id: id,
                    plan_id: Some(plan_id),
                    before: Some(&before_view),
                    after: None,
                },
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
