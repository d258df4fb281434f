//! Users: login name, display name, role, departments, active flag. Managed by the secretariat;
//! everyone reads themselves at `/api/v1/me`. Passwords are Argon2id hashes, never returned.

use std::collections::HashMap;

use actix_web::{get, patch, post, web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::db::schema::{departments, user_departments, users};
use crate::db::{now, utc, DbConnection, DbUuid};
use crate::domain::enums::DepartmentKind;
use crate::domain::validation::{self, Errors, Tidy};
use crate::error::{self, ApiError, ApiResult};
use crate::models::audit::{self, Actor, Change, Nothing};
use crate::web::auth::{Caller, Principal, Role};
use crate::web::credentials::password;
use crate::web::http::{self, finish_page, patch_field, required_in_patch, IfMatch, JsonBody, MergePatch, PageParams};
use crate::web::policy;
use crate::web::state::AppState;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = users, treat_none_as_null = true)]
pub struct User {
    pub id: DbUuid,
    pub login: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: String,
    pub active: bool,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    /// Created by `serve --demo` with a published password.
    pub demo: bool,
    /// Access tokens issued at or before this instant (Unix seconds) are refused.
    pub sessions_valid_after: i64,
    /// In lower case ([`email_of`]); unique.
    pub email: Option<String>,
    pub email_reminders: bool,
}

/// A department a user acts for.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UserDepartment {
    pub id: Uuid,
    #[schema(example = "社会福祉課")]
    pub name: String,
    pub kind: DepartmentKind,
}

/// A user (never with the password).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UserView {
    pub id: Uuid,
    #[schema(example = "fukushi.tanaka")]
    pub login: String,
    #[schema(example = "田中 花子")]
    pub display_name: String,
    /// Where the service may write to the user (seen by admins and the user only).
    #[schema(example = "tanaka@city.example.jp", format = Email)]
    pub email: Option<String>,
    /// Whether the user gets the daily reminder of reports due (notices of returns and
    /// publications come regardless).
    pub email_reminders: bool,
    pub role: Role,
    #[schema(example = "担当課")]
    pub role_label: String,
    /// The departments the user acts for (department and council users).
    pub departments: Vec<UserDepartment>,
    /// A deactivated user cannot sign in, and their tokens stop working.
    pub active: bool,
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// A new user.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct UserInput {
    /// Letters, digits and `. _ - @`, 3–64 characters; unique.
    #[validate(length(min = 3, max = 64), custom(function = "login_chars"))]
    #[schema(example = "fukushi.tanaka", min_length = 3, max_length = 64)]
    pub login: String,
    #[validate(length(min = 1, max = 100), custom(function = "validation::not_blank"))]
    #[schema(example = "田中 花子", min_length = 1, max_length = 100, pattern = r"\S")]
    pub display_name: String,
    /// At least 12 characters.
    #[schema(example = "correct horse battery staple", min_length = 12, max_length = 256, format = Password)]
    pub password: String,
    /// Unique among users (in any case); stored in lower case.
    #[serde(default)]
    #[validate(length(max = 254), custom(function = "validation::email"))]
    #[schema(example = "tanaka@city.example.jp", format = Email, max_length = 254)]
    pub email: Option<String>,
    /// The daily reminder of reports due (default `true`).
    #[serde(default = "reminders_on")]
    pub email_reminders: bool,
    pub role: Role,
    /// Department users: their city departments; council users: their council. At least one for both.
    #[serde(default)]
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub department_ids: Vec<Uuid>,
}

fn reminders_on() -> bool {
    true
}

/// Changes to a user (JSON merge patch). `password` sets a new password; `active: false` deactivates.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 100, pattern = r"\S")]
    pub display_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, format = Password)]
    pub password: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Role, required = false)]
    pub role: Option<Option<Role>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Vec<Uuid>, required = false, max_items = 20)]
    pub department_ids: Option<Option<Vec<Uuid>>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = bool, required = false)]
    pub active: Option<Option<bool>>,
    /// `null` removes it.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, required = false, format = Email, max_length = 254)]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = bool, required = false)]
    pub email_reminders: Option<Option<bool>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserFilter {
    pub role: Option<Role>,
    pub active: Option<bool>,
    /// Only users acting for this department.
    pub department_id: Option<Uuid>,
}

/// How the caller proved who it is.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuthenticatedBy {
    /// An access token from signing in.
    Jwt,
    /// An API token (`shk_…`) of a script.
    ApiToken,
}

crate::list_type!(UserList, UserView);

fn login_chars(login: &str) -> Result<(), validator::ValidationError> {
    let login = crate::web::credentials::login::normalize(login);
    if login.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@')) {
        Ok(())
    } else {
        let mut e = validator::ValidationError::new("charset");
        e.message = Some("may contain letters, digits and . _ - @ only".into());
        Err(e)
    }
}

/// An address as stored: trimmed, in lower case (mailboxes do not tell case apart in practice,
/// and two spellings of one address must not belong to two users).
fn email_of(address: &str) -> String {
    address.tidy().to_lowercase()
}

/// 409 when another user has this address (the unique index decides between two writers at once).
fn check_email_free(conn: &mut DbConnection, email: &str, except: Option<DbUuid>) -> ApiResult<()> {
    let mut query = users::table.filter(users::email.eq(email)).into_boxed();
    if let Some(id) = except {
        query = query.filter(users::id.ne(id));
    }
    if query.count().get_result::<i64>(conn)? > 0 {
        return Err(ApiError::Conflict("another user has this e-mail address".into()));
    }
    Ok(())
}

/// Loads a user with its row locked for the rest of the write transaction.
fn load_locked(conn: &mut DbConnection, id: Uuid) -> ApiResult<User> {
    crate::lock_rows!(conn, users::table.find(DbUuid(id)).select(users::id))?;
    load(conn, id)
}

pub fn load(conn: &mut DbConnection, id: Uuid) -> ApiResult<User> {
    users::table
        .find(DbUuid(id))
        .select(User::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("user"))
}

/// Views of many users with their departments, in two queries.
pub fn views(conn: &mut DbConnection, rows: Vec<User>) -> ApiResult<Vec<UserView>> {
    let ids: Vec<DbUuid> = rows.iter().map(|u| u.id).collect();
    let links: Vec<(DbUuid, DbUuid, String, String)> = user_departments::table
        .inner_join(departments::table)
        .filter(user_departments::user_id.eq_any(&ids))
        .order(departments::name)
        .select((user_departments::user_id, departments::id, departments::name, departments::kind))
        .load(conn)?;
    let mut by_user: HashMap<DbUuid, Vec<UserDepartment>> = HashMap::new();
    for (user, id, name, kind) in links {
        by_user.entry(user).or_default().push(UserDepartment { id: id.0, name, kind: DepartmentKind::from_db(&kind)? });
    }
    rows.into_iter()
        .map(|u| {
            let role = Role::from_db(&u.role)?;
            Ok(UserView {
                id: u.id.0,
                departments: by_user.remove(&u.id).unwrap_or_default(),
                login: u.login,
                display_name: u.display_name,
                email: u.email,
                email_reminders: u.email_reminders,
                role,
                role_label: role.label().to_string(),
                active: u.active,
                version: u.version,
                created_at: utc(u.created_at),
                updated_at: utc(u.updated_at),
            })
        })
        .collect()
}

pub fn view(conn: &mut DbConnection, row: User) -> ApiResult<UserView> {
    Ok(views(conn, vec![row])?.remove(0))
}

/// Department and council users act for at least one department of the matching kind.
fn check_departments(conn: &mut DbConnection, role: Role, ids: &[Uuid], errors: &mut Errors) -> ApiResult<()> {
    let db_ids: Vec<DbUuid> = ids.iter().copied().map(DbUuid).collect();
    let kinds: HashMap<DbUuid, String> = departments::table
        .filter(departments::id.eq_any(&db_ids))
        .select((departments::id, departments::kind))
        .load::<(DbUuid, String)>(conn)?
        .into_iter()
        .collect();
    for (i, id) in db_ids.iter().enumerate() {
        match kinds.get(id).map(String::as_str) {
            None => errors.add(format!("/department_ids/{i}"), "not_found", "no such department"),
            Some("council") if role == Role::Department => errors.add(
                format!("/department_ids/{i}"),
                "kind",
                "department users act for city departments, not the council",
            ),
            Some(kind) if role == Role::Council && kind != "council" => {
                errors.add(format!("/department_ids/{i}"), "kind", "a council user's departments are of kind council")
            }
            _ => {}
        }
    }
    if matches!(role, Role::Department | Role::Council) && ids.is_empty() {
        errors.add("/department_ids", "length", "department and council users act for at least one department");
    }
    Ok(())
}

fn write_departments(conn: &mut DbConnection, user: DbUuid, ids: &[Uuid]) -> ApiResult<()> {
    diesel::delete(user_departments::table.filter(user_departments::user_id.eq(user))).execute(conn)?;
    for id in ids {
        diesel::insert_into(user_departments::table)
            .values((user_departments::user_id.eq(user), user_departments::department_id.eq(DbUuid(*id))))
            .execute(conn)?;
    }
    Ok(())
}

/// Creates a user after every check (used by the endpoint, bootstrap and the demo).
pub fn create(conn: &mut DbConnection, actor: &Actor, input: &UserInput) -> ApiResult<UserView> {
    let mut errors = Errors(validation::errors_of(input, ""));
    if let Err(message) = password::check_strength(&input.password) {
        errors.add("/password", "weak", message);
    }
    check_departments(conn, input.role, &input.department_ids, &mut errors)?;
    errors.into_result()?;
    let login = crate::web::credentials::login::normalize(&input.login);
    if exists(conn, &login)? {
        return Err(ApiError::Conflict(format!("the login {login} is taken")));
    }
    let email = input.email.as_deref().map(email_of);
    if let Some(email) = &email {
        check_email_free(conn, email, None)?;
    }
    let ts = now();
    let row = User {
        id: DbUuid(Uuid::now_v7()),
        login,
        display_name: input.display_name.tidy().to_string(),
        password_hash: password::hash(&input.password)?,
        role: input.role.as_str().to_string(),
        active: true,
        version: 1,
        created_at: ts,
        updated_at: ts,
        demo: false,
        sessions_valid_after: 0,
        email,
        email_reminders: input.email_reminders,
    };
    diesel::insert_into(users::table).values(&row).execute(conn)?;
    write_departments(conn, row.id, &input.department_ids)?;
    let view = view(conn, row)?;
    audit::record(
        conn,
        actor,
        Change::<Nothing, _> {
            action: "create",
            entity_type: "user",
            entity_id: view.id,
            plan_id: None,
            before: None,
            after: Some(&view),
        },
    )?;
    Ok(view)
}

/// Whether a user with this login (in any spelling) exists.
pub fn exists(conn: &mut DbConnection, login: &str) -> ApiResult<bool> {
    let login = crate::web::credentials::login::normalize(login);
    Ok(users::table.filter(users::login.eq(login)).count().get_result::<i64>(conn)? > 0)
}

/// The active admins, their rows locked: two admins demoting each other at once are decided one
/// after the other, and the second sees that only one admin is left.
fn lock_active_admins(conn: &mut DbConnection) -> ApiResult<i64> {
    let admins = users::table.filter(users::role.eq(Role::Admin.as_str()).and(users::active.eq(true)));
    crate::lock_rows!(conn, admins.select(users::id).order(users::id))?;
    Ok(admins.count().get_result(conn)?)
}

/// List users
///
/// Sorted by login.
///
/// Roles: admin.
#[utoipa::path(
    tag = "users",
    params(UserFilter, PageParams),
    responses(
        (status = 200, description = "One page of users", body = UserList),
    )
)]
#[get("/users")]
pub async fn list_users(
    principal: Principal,
    state: web::Data<AppState>,
    filter: http::Query<UserFilter>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<UserList>> {
    policy::manage_users(&principal)?;
    let page = page.validate()?;
    let filter = filter.into_inner();
    let (items, next_cursor) = state
        .db(move |conn| {
            let mut query = users::table.select(User::as_select()).into_boxed();
            if let Some(role) = filter.role {
                query = query.filter(users::role.eq(role.as_str()));
            }
            if let Some(active) = filter.active {
                query = query.filter(users::active.eq(active));
            }
            if let Some(dep) = filter.department_id {
                let members = user_departments::table
                    .filter(user_departments::department_id.eq(DbUuid(dep)))
                    .select(user_departments::user_id);
                query = query.filter(users::id.eq_any(members));
            }
            if let Some((login, _)) = &page.after {
                query = query.filter(users::login.gt(login.clone()));
            }
            let rows = query.order(users::login).limit(page.limit + 1).load(conn)?;
            let (rows, next) = finish_page(rows, page.limit, |u: &User| (u.login.clone(), u.id.to_string()));
            Ok((views(conn, rows)?, next))
        })
        .await?;
    Ok(web::Json(UserList { items, next_cursor }))
}

/// Create a user
///
/// Roles: admin.
#[utoipa::path(
    tag = "users",
    request_body(content = UserInput, example = json!({
        "login": "fukushi.tanaka", "display_name": "田中 花子", "password": "correct horse battery staple",
        "role": "department", "department_ids": ["0193a3c4-6a0e-7c1e-9b1a-2f4b8c9d0e13"]
    })),
    responses(
        (status = 201, description = "Created", body = UserView,
            headers(("Location" = String, description = "URL of the new user"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetUser" = (operation_id = "get_user", parameters(("user_id" = "$response.body#/id")))),
                ("UpdateUser" = (operation_id = "update_user", parameters(("user_id" = "$response.body#/id")))),
            )),
        (status = 409, response = error::Conflict),
    )
)]
#[post("/users")]
pub async fn create_user(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<UserInput>,
) -> ApiResult<HttpResponse> {
    policy::manage_users(&caller.principal)?;
    let input = body.read().await?;
    let view = state.write(move |conn| create(conn, &caller.actor, &input)).await?;
    Ok(http::created(&view, format!("/api/v1/users/{}", view.id), view.version))
}

/// Get a user
///
/// Roles: admin.
#[utoipa::path(
    tag = "users",
    params(("user_id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, description = "The user", body = UserView, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/users/{user_id}")]
pub async fn get_user(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::manage_users(&principal)?;
    let id = path.into_inner();
    let view = state
        .db(move |conn| {
            let row = load(conn, id)?;
            view(conn, row)
        })
        .await?;
    Ok(http::ok_with_etag(&view, view.version))
}

/// Update a user
///
/// JSON merge patch. Deactivating (`"active": false`) stops the user's sessions and API tokens at
/// once. Admins cannot deactivate or demote themselves, and the last active admin cannot be
/// deactivated or demoted (409): the service never locks its secretariat out.
///
/// Roles: admin.
#[utoipa::path(
    tag = "users",
    params(("user_id" = Uuid, Path, description = "User id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = UserPatch, content_type = "application/merge-patch+json", example = json!({"active": false})),
    responses(
        (status = 200, description = "Updated", body = UserView, headers(("ETag" = String, description = "New version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[patch("/users/{user_id}")]
pub async fn update_user(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    if_match: IfMatch,
    body: MergePatch<UserPatch>,
) -> ApiResult<HttpResponse> {
    policy::manage_users(&caller.principal)?;
    let Caller { principal, actor } = caller;
    let id = path.into_inner();
    let patch = body.read().await?;
    let view = state.write(move |conn| update(conn, &principal, &actor, id, &if_match, patch)).await?;
    Ok(http::ok_with_etag(&view, view.version))
}

// The write of `update_user`, run in one transaction with its audit record.
/// Applies a merge patch to a user (the last active admin stays an active admin).
pub fn update(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    id: Uuid,
    if_match: &IfMatch,
    patch: UserPatch,
) -> ApiResult<UserView> {
    // The admins first, then the user: every user update takes its locks in this order.
    let active_admins = lock_active_admins(conn)?;
    let before = load_locked(conn, id)?;
    let before_view = view(conn, before.clone())?;
    let mut errors = Errors::default();
    let display_name = required_in_patch("display_name", patch.display_name)?.unwrap_or(before.display_name.clone());
    if validation::not_blank(&display_name).is_err() || display_name.chars().count() > 100 {
        errors.add("/display_name", "length", "must be 1 to 100 characters");
    }
    let role = required_in_patch("role", patch.role)?.unwrap_or(before_view.role);
    let active = required_in_patch("active", patch.active)?.unwrap_or(before.active);
    let department_ids = required_in_patch("department_ids", patch.department_ids)?
        .unwrap_or_else(|| before_view.departments.iter().map(|d| d.id).collect());
    let email = match patch.email {
        None => before.email.clone(),
        Some(None) => None,
        Some(Some(address)) => {
            if address.chars().count() > 254 || validation::email(&address).is_err() {
                errors.add("/email", "email", "must be an e-mail address such as tanaka@city.example.jp");
            }
            Some(email_of(&address))
        }
    };
    let email_reminders =
        required_in_patch("email_reminders", patch.email_reminders)?.unwrap_or(before.email_reminders);
    let new_password = required_in_patch("password", patch.password)?;
    if let Some(pw) = &new_password {
        if let Err(message) = password::check_strength(pw) {
            errors.add("/password", "weak", message);
        }
    }
    check_departments(conn, role, &department_ids, &mut errors)?;
    errors.into_result()?;
    if let Some(email) = email.as_deref().filter(|e| Some(*e) != before.email.as_deref()) {
        check_email_free(conn, email, Some(before.id))?;
    }
    if principal.user_id == id && (role != before_view.role || !active) {
        return Err(ApiError::Conflict(
            "you cannot deactivate yourself or change your own role; ask another admin".into(),
        ));
    }
    let was_active_admin = before_view.role == Role::Admin && before.active;
    if was_active_admin && (role != Role::Admin || !active) && active_admins <= 1 {
        return Err(ApiError::Conflict("this is the last active admin".into()));
    }
    let after = User {
        display_name: display_name.tidy().to_string(),
        password_hash: match &new_password {
            Some(pw) => password::hash(pw)?,
            None => before.password_hash.clone(),
        },
        role: role.as_str().to_string(),
        active,
        email,
        email_reminders,
        version: before.version + 1,
        updated_at: now(),
        ..before.clone()
    };
    // After validation: an invalid request is answered as invalid, whatever its tag.
    if_match.check(before.version)?;
    // A new password is always a change (a new hash, and every session ends).
    let same_departments = department_ids.iter().eq(before_view.departments.iter().map(|d| &d.id));
    if new_password.is_none()
        && same_departments
        && after.display_name == before.display_name
        && after.role == before.role
        && after.active == before.active
        && after.email == before.email
        && after.email_reminders == before.email_reminders
    {
        return Ok(before_view);
    }
    let rows = diesel::update(users::table.find(before.id).filter(users::version.eq(before.version)))
        .set(&after)
        .execute(conn)?;
    if_match.applied(rows)?;
    write_departments(conn, before.id, &department_ids)?;
    if !active || new_password.is_some() {
        crate::resources::sessions::end_all_sessions(conn, before.id)?;
    }
    let after_view = view(conn, after)?;
    audit::record(
        conn,
        actor,
        Change {
            action: "update",
            entity_type: "user",
            entity_id: id,
            plan_id: None,
            before: Some(&before_view),
            after: Some(&after_view),
        },
    )?;
    Ok(after_view)
}
