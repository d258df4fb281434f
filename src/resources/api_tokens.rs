//! API tokens for scripts (quarterly updates from a department's own system): scoped,
//! expiring, revocable, stored hashed; the secret is shown once, at creation.

use std::collections::HashMap;

use actix_web::{delete, get, post, web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::db::schema::{api_token_departments, api_tokens};
use crate::db::{now, utc, DbConnection, DbUuid};
use crate::domain::validation::{self, Errors, Tidy};
use crate::error::{self, ApiError, ApiResult};
use crate::models::audit::{self, Actor, Change};
use crate::web::auth::{Caller, Principal, Scope};
use crate::web::credentials::secret;
use crate::web::http::{self, finish_page, JsonBody, PageParams};
use crate::web::policy;
use crate::web::state::AppState;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
struct TokenRow {
    id: DbUuid,
    user_id: DbUuid,
    name: String,
    token_prefix: String,
    scopes: String,
    expires_at: Option<chrono::NaiveDateTime>,
    revoked_at: Option<chrono::NaiveDateTime>,
    last_used_at: Option<chrono::NaiveDateTime>,
    created_at: chrono::NaiveDateTime,
}

/// An API token (without its secret).
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiTokenView {
    pub id: Uuid,
    /// The user the token acts for; it never does more than this user may.
    pub user_id: Uuid,
    #[schema(example = "高齢者福祉課 四半期更新スクリプト")]
    pub name: String,
    /// The first characters of the secret, to recognise it.
    #[schema(example = "shk_Q2xh")]
    pub token_prefix: String,
    pub scopes: Vec<Scope>,
    /// Departments the token is narrowed to (empty: all of the owner's).
    pub department_ids: Vec<Uuid>,
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
    pub last_used_at: Option<chrono::DateTime<chrono::Utc>>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A new token: the only time its secret is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiToken {
    #[serde(flatten)]
    pub token: ApiTokenView,
    /// The secret: send it as `Authorization: Bearer <token>`. It cannot be shown again.
    #[schema(example = "shk_Q2xhc3NpZmllZCBzZWNyZXQgdG9rZW4gZXhhbXBsZQ")]
    #[serde(rename = "token")]
    pub secret: String,
}

/// A new API token.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ApiTokenInput {
    #[validate(length(min = 1, max = 100), custom(function = "validation::not_blank"))]
    #[schema(example = "高齢者福祉課 四半期更新スクリプト", min_length = 1, max_length = 100, pattern = r"\S")]
    pub name: String,
    /// `read`, `report:write` (includes read), `admin` (everything the owner may do).
    #[validate(length(min = 1, max = 3))]
    #[schema(example = json!(["report:write"]), min_items = 1, max_items = 3)]
    pub scopes: Vec<Scope>,
    /// When the token stops working (default: never; it can always be revoked).
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Narrows the token to some of the owner's departments.
    #[serde(default)]
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub department_ids: Vec<Uuid>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApiTokenFilter {
    /// Admin only: the tokens of this user (others always see their own).
    pub user_id: Option<Uuid>,
}

crate::list_type!(ApiTokenList, ApiTokenView);

fn views(conn: &mut DbConnection, rows: Vec<TokenRow>) -> ApiResult<Vec<ApiTokenView>> {
    let ids: Vec<DbUuid> = rows.iter().map(|r| r.id).collect();
    let mut narrowed: HashMap<DbUuid, Vec<Uuid>> = HashMap::new();
    let links: Vec<(DbUuid, DbUuid)> = api_token_departments::table
        .filter(api_token_departments::token_id.eq_any(&ids))
        .select((api_token_departments::token_id, api_token_departments::department_id))
        .load(conn)?;
    for (token, dep) in links {
        narrowed.entry(token).or_default().push(dep.0);
    }
    rows.into_iter()
        .map(|r| {
            Ok(ApiTokenView {
                id: r.id.0,
                user_id: r.user_id.0,
                name: r.name,
                token_prefix: r.token_prefix,
                scopes: serde_json::from_str(&r.scopes)?,
                department_ids: narrowed.remove(&r.id).unwrap_or_default(),
                expires_at: r.expires_at.map(utc),
                revoked_at: r.revoked_at.map(utc),
                last_used_at: r.last_used_at.map(utc),
                created_at: utc(r.created_at),
            })
        })
        .collect()
}

fn load(conn: &mut DbConnection, id: Uuid) -> ApiResult<TokenRow> {
    api_tokens::table
        .find(DbUuid(id))
        .select(TokenRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("API token"))
}

/// Create an API token
///
/// Issues a token to the signed-in user, for scripts. The scopes must be ones the user's role
/// allows (`admin` for admins only; `report:write` not for the committee), and the departments
/// some of the user's own. The response carries the secret — the only time it is shown.
///
/// Roles: every signed-in role (with a session, not with another API token).
#[utoipa::path(
    tag = "api-tokens",
    request_body(content = ApiTokenInput, example = json!({
        "name": "高齢者福祉課 四半期更新スクリプト", "scopes": ["report:write"], "expires_at": "2027-03-31T23:59:59Z"
    })),
    responses(
        (status = 201, description = "Created; `token` is the secret", body = CreatedApiToken,
            headers(("Location" = String, description = "URL of the token")),
            links(
                ("GetApiToken" = (operation_id = "get_api_token", parameters(("token_id" = "$response.body#/id")))),
                ("RevokeApiToken" = (operation_id = "revoke_api_token", parameters(("token_id" = "$response.body#/id")))),
            )),
    )
)]
#[post("/api-tokens")]
pub async fn create_api_token(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<ApiTokenInput>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    policy::issue_token(&principal)?;
    let input = body.read().await?;
    check_input(&principal, &input)?;
    let (view, secret) = state.write(move |conn| create(conn, &principal, &actor, &input)).await?;
    let location = format!("/api/v1/api-tokens/{}", view.id);
    Ok(HttpResponse::Created()
        .insert_header((actix_web::http::header::LOCATION, location))
        .json(CreatedApiToken { token: view, secret }))
}

/// List API tokens
///
/// The caller's own tokens (revoked ones included, newest first); admins may ask for any
/// user's with `user_id`, or see everyone's without it.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "api-tokens",
    params(ApiTokenFilter, PageParams),
    responses(
        (status = 200, description = "One page of tokens", body = ApiTokenList),
    )
)]
#[get("/api-tokens")]
pub async fn list_api_tokens(
    principal: Principal,
    state: web::Data<AppState>,
    filter: http::Query<ApiTokenFilter>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<ApiTokenList>> {
    policy::read_internal(&principal)?;
    let page = page.validate()?;
    let see_all = policy::manage_users(&principal).is_ok();
    let user = if see_all { filter.user_id } else { Some(principal.user_id) };
    let (items, next_cursor) = state
        .db(move |conn| {
            let mut query = api_tokens::table.select(TokenRow::as_select()).into_boxed();
            if let Some(user) = user {
                query = query.filter(api_tokens::user_id.eq(DbUuid(user)));
            }
            if let Some((_, id)) = &page.after {
                let id = Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?;
                query = query.filter(api_tokens::id.lt(DbUuid(id)));
            }
            let rows = query.order(api_tokens::id.desc()).limit(page.limit + 1).load(conn)?;
            let (rows, next) = finish_page(rows, page.limit, |t: &TokenRow| (String::new(), t.id.to_string()));
            Ok((views(conn, rows)?, next))
        })
        .await?;
    Ok(web::Json(ApiTokenList { items, next_cursor }))
}

/// Get an API token
///
/// Roles: the token's owner; admin.
#[utoipa::path(
    tag = "api-tokens",
    params(("token_id" = Uuid, Path, description = "API token id")),
    responses(
        (status = 200, description = "The token (without its secret)", body = ApiTokenView),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/api-tokens/{token_id}")]
pub async fn get_api_token(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> ApiResult<web::Json<ApiTokenView>> {
    let id = path.into_inner();
    let view = state
        .db(move |conn| {
            let row = load(conn, id)?;
            policy::see_token(&principal, row.user_id.0)?;
            Ok(views(conn, vec![row])?.remove(0))
        })
        .await?;
    Ok(web::Json(view))
}

/// Revoke an API token
///
/// The token stops working at once. Revoking a revoked token changes nothing.
///
/// Roles: the token's owner; admin.
#[utoipa::path(
    tag = "api-tokens",
    params(("token_id" = Uuid, Path, description = "API token id")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 404, response = error::NotFound),
    )
)]
#[delete("/api-tokens/{token_id}")]
pub async fn revoke_api_token(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let id = path.into_inner();
    state.write(move |conn| revoke(conn, &principal, &actor, id)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A token never does more than its owner: scopes the role may grant, each once; the owner's own
/// departments; an expiry in the future.
fn check_input(principal: &Principal, input: &ApiTokenInput) -> ApiResult<()> {
    let mut errors = Errors(validation::errors_of(&input, ""));
    for (i, scope) in input.scopes.iter().enumerate() {
        if !scope.allowed_for(principal.role) {
            errors.add(format!("/scopes/{i}"), "not_permitted", "your role cannot grant this scope");
        }
        if input.scopes[..i].contains(scope) {
            errors.add(format!("/scopes/{i}"), "duplicate", "listed twice");
        }
    }
    for (i, dep) in input.department_ids.iter().enumerate() {
        if !principal.departments.contains(dep) {
            errors.add(format!("/department_ids/{i}"), "not_yours", "a token is narrowed to your own departments only");
        }
    }
    if input.expires_at.is_some_and(|e| e <= chrono::Utc::now()) {
        errors.add("/expires_at", "past", "must lie in the future");
    }
    errors.into_result()
}

/// Issues a token: its secret is shown once, only its digest is stored.
pub fn create(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    input: &ApiTokenInput,
) -> ApiResult<(ApiTokenView, String)> {
    let secret = secret::generate(secret::API_TOKEN_PREFIX);
    let id = DbUuid(Uuid::now_v7());
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::id.eq(id),
            api_tokens::user_id.eq(DbUuid(principal.user_id)),
            api_tokens::name.eq(input.name.tidy()),
            api_tokens::token_hash.eq(secret::digest(&secret)),
            api_tokens::token_prefix.eq(&secret[..8]),
            api_tokens::scopes.eq(serde_json::to_string(&input.scopes)?),
            api_tokens::expires_at.eq(input.expires_at.map(|e| e.naive_utc())),
            api_tokens::created_at.eq(now()),
        ))
        .execute(conn)?;
    for dep in &input.department_ids {
        diesel::insert_into(api_token_departments::table)
            .values((api_token_departments::token_id.eq(id), api_token_departments::department_id.eq(DbUuid(*dep))))
            .execute(conn)?;
    }
    let row = load(conn, id.0)?;
    let view = views(conn, vec![row])?.remove(0);
    audit::record(
        conn,
        actor,
        Change::<(), _> {
            action: "create",
            entity_type: "api_token",
            entity_id: view.id,
            plan_id: None,
            before: None,
            after: Some(&view),
        },
    )?;
    Ok((view, secret))
}

/// Revokes a token (revoking a revoked token changes nothing).
pub fn revoke(conn: &mut DbConnection, principal: &Principal, actor: &Actor, id: Uuid) -> ApiResult<()> {
    let row = load(conn, id)?;
    policy::revoke_token(principal, row.user_id.0)?;
    if row.revoked_at.is_some() {
        return Ok(());
    }
    let before = views(conn, vec![row])?.remove(0);
    diesel::update(api_tokens::table.find(DbUuid(id))).set(api_tokens::revoked_at.eq(Some(now()))).execute(conn)?;
    let row = load(conn, id)?;
    let after = views(conn, vec![row])?.remove(0);
    audit::record(
        conn,
        actor,
        Change {
            action: "revoke",
            entity_type: "api_token",
            entity_id: id,
            plan_id: None,
            before: Some(&before),
            after: Some(&after),
        },
    )
}
