//! Departments (担当課) and the council: who is responsible for initiatives.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::db::schema::{departments, initiative_departments};
use crate::db::{now, utc, DbConnection, DbUuid};
use crate::domain::enums::DepartmentKind;
use crate::domain::validation;
use crate::domain::validation::Tidy;
use crate::error::{self, ApiError, ApiResult};
use crate::models::audit::{self, Actor, Change, Nothing};
use crate::web::auth::{Caller, Principal};
use crate::web::http::{self, finish_page, patch_field, IfMatch, JsonBody, MergePatch, PageParams};
use crate::web::policy;
use crate::web::state::AppState;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = departments)]
pub struct Department {
    pub id: DbUuid,
    pub name: String,
    pub kind: String,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    /// The name in searchable form ([`crate::models::search`]).
    pub search_text: String,
}

/// A city department (課), the social welfare council, or another responsible body.
#[derive(Debug, Serialize, ToSchema)]
pub struct DepartmentView {
    #[schema(example = "0193a3c4-6a0e-7c1e-9b1a-2f4b8c9d0e11")]
    pub id: Uuid,
    #[schema(example = "社会福祉課")]
    pub name: String,
    pub kind: DepartmentKind,
    /// Japanese label of `kind`.
    #[schema(example = "市の担当課")]
    pub kind_label: String,
    /// Current version; the ETag is this number in quotes.
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl TryFrom<Department> for DepartmentView {
    type Error = ApiError;
    fn try_from(d: Department) -> ApiResult<Self> {
        let kind = DepartmentKind::from_db(&d.kind)?;
        Ok(DepartmentView {
            id: d.id.0,
            name: d.name,
            kind,
            kind_label: kind.label().to_string(),
            version: d.version,
            created_at: utc(d.created_at),
            updated_at: utc(d.updated_at),
        })
    }
}

/// A new department.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct DepartmentInput {
    /// Unique name as printed on the sheets.
    #[validate(length(min = 1, max = 100), custom(function = "validation::not_blank"))]
    #[schema(example = "高齢者福祉課", min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: String,
    pub kind: DepartmentKind,
}

/// Changes to a department (JSON merge patch).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DepartmentPatch {
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, example = "高齢者支援課", min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = DepartmentKind, required = false)]
    pub kind: Option<Option<DepartmentKind>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DepartmentFilter {
    /// Text in the name (insensitive to full-/half-width, katakana/hiragana, case and spaces).
    #[param(max_length = 200, example = "福祉")]
    pub q: Option<String>,
    /// Only departments of these kinds (repeat the parameter or separate with commas).
    pub kind: Option<Vec<DepartmentKind>>,
}

/// A department in a filter: its id, or `mine` for the departments the caller acts for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DepartmentRef {
    Mine,
    Id(Uuid),
}

impl<'de> serde::Deserialize<'de> for DepartmentRef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        match text.as_str() {
            "mine" => Ok(DepartmentRef::Mine),
            other => Uuid::try_parse(other)
                .map(DepartmentRef::Id)
                .map_err(|_| serde::de::Error::custom("must be a department id (UUID) or `mine`")),
        }
    }
}

impl utoipa::PartialSchema for DepartmentRef {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AnyOfBuilder, KnownFormat, ObjectBuilder, SchemaFormat, Type};
        AnyOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid))),
            )
            .item(ObjectBuilder::new().schema_type(Type::String).enum_values(Some(["mine"])))
            .description(Some("A department id, or `mine`: the departments the caller acts for."))
            .into()
    }
}

impl utoipa::ToSchema for DepartmentRef {}

impl DepartmentRef {
    /// The department ids a filter names (`mine`: the caller's own; none for the secretariat).
    pub fn resolve(refs: &[DepartmentRef], principal: &crate::web::auth::Principal) -> Vec<DbUuid> {
        let mut ids: Vec<DbUuid> = Vec::new();
        for r in refs {
            match r {
                DepartmentRef::Mine => ids.extend(principal.departments.iter().copied().map(DbUuid)),
                DepartmentRef::Id(id) => ids.push(DbUuid(*id)),
            }
        }
        ids
    }
}

crate::list_type!(DepartmentList, DepartmentView);

/// Loads a department with its row locked for the rest of the write transaction.
fn load_locked(conn: &mut DbConnection, id: Uuid) -> ApiResult<Department> {
    crate::lock_rows!(conn, departments::table.find(DbUuid(id)).select(departments::id))?;
    load(conn, id)
}

pub fn load(conn: &mut DbConnection, id: Uuid) -> ApiResult<Department> {
    departments::table
        .find(DbUuid(id))
        .select(Department::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("department"))
}

fn ensure_unique_name(conn: &mut DbConnection, name: &str, except: Option<Uuid>) -> ApiResult<()> {
    let existing: Option<DbUuid> =
        departments::table.filter(departments::name.eq(name)).select(departments::id).first(conn).optional()?;
    match existing {
        Some(id) if Some(id.0) != except => {
            Err(ApiError::Conflict(format!("a department named {name} already exists")))
        }
        _ => Ok(()),
    }
}

/// Creates a department row without its audit event (bundle import records one event for all).
pub fn insert_row(conn: &mut DbConnection, input: &DepartmentInput) -> ApiResult<Department> {
    ensure_unique_name(conn, input.name.tidy(), None)?;
    let ts = now();
    let row = Department {
        id: DbUuid(Uuid::now_v7()),
        name: input.name.tidy().to_string(),
        kind: input.kind.as_str().to_string(),
        version: 1,
        created_at: ts,
        updated_at: ts,
        search_text: crate::models::search::text_of(&[Some(input.name.tidy())]),
    };
    diesel::insert_into(departments::table).values(&row).execute(conn)?;
    Ok(row)
}

/// Creates a department with its audit event.
pub fn insert(conn: &mut DbConnection, actor: &Actor, input: &DepartmentInput) -> ApiResult<Department> {
    let row = insert_row(conn, input)?;
    let view = DepartmentView::try_from(row.clone())?;
    audit::record(
        conn,
        actor,
        Change::<Nothing, _> {
            action: "create",
            entity_type: "department",
            entity_id: row.id.0,
            plan_id: None,
            before: None,
            after: Some(&view),
        },
    )?;
    Ok(row)
}

/// List departments
///
/// Sorted by name. Filter by `kind`.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "departments",
    params(DepartmentFilter, PageParams),
    responses(
        (status = 200, description = "One page of departments", body = DepartmentList),
    )
)]
#[get("/departments")]
pub async fn list_departments(
    principal: Principal,
    state: web::Data<AppState>,
    filter: http::Query<DepartmentFilter>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<DepartmentList>> {
    policy::read_internal(&principal)?;
    let page = page.validate()?;
    let filter = filter.into_inner();
    let rows = state
        .db(move |conn| {
            let mut query = departments::table.select(Department::as_select()).into_boxed();
            if let Some(kinds) = &filter.kind {
                query = query.filter(departments::kind.eq_any(kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>()));
            }
            if let Some(pattern) = crate::models::search::pattern_for(filter.q.as_deref()) {
                query = query.filter(departments::search_text.like(pattern).escape('\\'));
            }
            if let Some((name, id)) = &page.after {
                let id =
                    DbUuid(Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?);
                query = query.filter(
                    departments::name
                        .gt(name.clone())
                        .or(departments::name.eq(name.clone()).and(departments::id.gt(id))),
                );
            }
            Ok(query.order((departments::name, departments::id)).limit(page.limit + 1).load(conn)?)
        })
        .await?;
    let (rows, next_cursor) = finish_page(rows, page.limit, |d: &Department| (d.name.clone(), d.id.to_string()));
    let items = rows.into_iter().map(DepartmentView::try_from).collect::<ApiResult<_>>()?;
    Ok(web::Json(DepartmentList { items, next_cursor }))
}

/// Create a department
///
/// Roles: admin.
#[utoipa::path(
    tag = "departments",
    request_body(content = DepartmentInput, example = json!({"name": "高齢者福祉課", "kind": "city_department"})),
    responses(
        (status = 201, description = "Created", body = DepartmentView,
            headers(("Location" = String, description = "URL of the new department"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetDepartment" = (operation_id = "get_department", parameters(("department_id" = "$response.body#/id")))),
                ("UpdateDepartment" = (operation_id = "update_department", parameters(("department_id" = "$response.body#/id")))),
                ("DeleteDepartment" = (operation_id = "delete_department", parameters(("department_id" = "$response.body#/id")))),
            )),
        (status = 409, response = error::Conflict),
    )
)]
#[post("/departments")]
pub async fn create_department(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<DepartmentInput>,
) -> ApiResult<HttpResponse> {
    policy::manage_departments(&caller.principal)?;
    let input = body.read().await?;
    validation::check(&input)?;
    let row = state.write(move |conn| insert(conn, &caller.actor, &input)).await?;
    let version = row.version;
    let view = DepartmentView::try_from(row)?;
    Ok(http::created(&view, format!("/api/v1/departments/{}", view.id), version))
}

/// Get a department
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "departments",
    params(("department_id" = Uuid, Path, description = "Department id")),
    responses(
        (status = 200, description = "The department", body = DepartmentView, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/departments/{department_id}")]
pub async fn get_department(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let id = path.into_inner();
    let row = state.db(move |conn| load(conn, id)).await?;
    let version = row.version;
    Ok(http::ok_with_etag(&DepartmentView::try_from(row)?, version))
}

/// Update a department
///
/// JSON merge patch. Send `If-Match` with the ETag you read to avoid overwriting someone else's change.
///
/// Roles: admin.
#[utoipa::path(
    tag = "departments",
    params(("department_id" = Uuid, Path, description = "Department id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = DepartmentPatch, content_type = "application/merge-patch+json", example = json!({"name": "高齢者支援課"})),
    responses(
        (status = 200, description = "Updated", body = DepartmentView, headers(("ETag" = String, description = "New version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[patch("/departments/{department_id}")]
pub async fn update_department(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    if_match: IfMatch,
    body: MergePatch<DepartmentPatch>,
) -> ApiResult<HttpResponse> {
    policy::manage_departments(&caller.principal)?;
    let actor = caller.actor;
    let id = path.into_inner();
    let patch = body.read().await?;
    let row = state.write(move |conn| update(conn, &actor, id, &if_match, patch)).await?;
    let version = row.version;
    Ok(http::ok_with_etag(&DepartmentView::try_from(row)?, version))
}

/// Delete a department
///
/// Refused with 409 while any initiative names it as responsible.
///
/// Roles: admin.
#[utoipa::path(
    tag = "departments",
    params(("department_id" = Uuid, Path, description = "Department id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[delete("/departments/{department_id}")]
pub async fn delete_department(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    policy::manage_departments(&caller.principal)?;
    let actor = caller.actor;
    let id = path.into_inner();
    state.write(move |conn| delete(conn, &actor, id, &if_match)).await?;
    Ok(HttpResponse::NoContent().finish())
}

// The writes, each run by its handler in one transaction with its audit record.
/// Applies a merge patch to a department (the plans that show it see a new data version).
pub fn update(
    conn: &mut DbConnection,
    actor: &Actor,
    id: Uuid,
    if_match: &IfMatch,
    patch: DepartmentPatch,
) -> ApiResult<Department> {
    audit::bump_plans_showing_department(conn, id)?;
    let before = load_locked(conn, id)?;
    let mut input = DepartmentInput { name: before.name.clone(), kind: DepartmentKind::from_db(&before.kind)? };
    crate::merge_patch!(input, patch, required: [name, kind], nullable: []);
    validation::check(&input)?;
    ensure_unique_name(conn, input.name.tidy(), Some(id))?;
    let after = Department {
        name: input.name.tidy().to_string(),
        kind: input.kind.as_str().to_string(),
        search_text: crate::models::search::text_of(&[Some(input.name.tidy())]),
        version: before.version + 1,
        updated_at: now(),
        ..before.clone()
    };
    // After validation: an invalid request is answered as invalid, whatever its tag.
    if_match.check(before.version)?;
    if audit::unchanged(&DepartmentView::try_from(before.clone())?, &DepartmentView::try_from(after.clone())?)? {
        return Ok(before);
    }
    let rows = diesel::update(departments::table.find(before.id).filter(departments::version.eq(before.version)))
        .set(&after)
        .execute(conn)?;
    if_match.applied(rows)?;
    audit::record(
        conn,
        actor,
        Change {
            action: "update",
            entity_type: "department",
            entity_id: id,
            plan_id: None,
            before: Some(&DepartmentView::try_from(before)?),
            after: Some(&DepartmentView::try_from(after.clone())?),
        },
    )?;
    Ok(after)
}

/// Deletes a department that is responsible for no initiative.
pub fn delete(conn: &mut DbConnection, actor: &Actor, id: Uuid, if_match: &IfMatch) -> ApiResult<()> {
    let before = load_locked(conn, id)?;
    if_match.check(before.version)?;
    let uses: i64 = initiative_departments::table
        .filter(initiative_departments::department_id.eq(before.id))
        .count()
        .get_result(conn)?;
    if uses > 0 {
        return Err(ApiError::Conflict(format!("{} is responsible for {uses} initiatives", before.name)));
    }
    let rows = diesel::delete(departments::table.find(before.id).filter(departments::version.eq(before.version)))
        .execute(conn)?;
    if_match.applied(rows)?;
    audit::record(
        conn,
        actor,
        Change::<_, Nothing> {
            action: "delete",
            entity_type: "department",
            entity_id: id,
            plan_id: None,
            before: Some(&DepartmentView::try_from(before)?),
            after: None,
        },
    )
}
