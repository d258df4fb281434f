//! Who is calling: users (JWT access tokens) and scripts (API tokens), both as
//! `Authorization: Bearer …`. The [`Principal`] extractor turns the header into a caller;
//! what a caller may do is decided in [`crate::web::policy`].

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::db::schema::{api_token_departments, api_tokens, user_departments, users};
use crate::db::{now, DbConnection, DbUuid};
use crate::error::{ApiError, ApiResult};
use crate::models::audit::Actor;
use crate::web::credentials::{client, secret, AuthConfig};
use crate::web::known::{ActiveUser, KnownUsers};
use crate::web::state::{AppState, RequestId};

crate::text_enum! {
    /// What a user is; the README's Access section says what each role may do.
    Role {
        /// The plan secretariat: everything.
        Admin => "admin", "事務局";
        /// Staff of a city department (課).
        Department => "department", "担当課";
        /// Staff of the social welfare council.
        Council => "council", "社会福祉協議会";
        /// Members of the promotion committee.
        Committee => "committee", "推進委員会";
    }
}

/// What an API token may be used for. `admin` includes the others, `report:write` includes `read`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum Scope {
    #[serde(rename = "read")]
    Read,
    #[serde(rename = "report:write")]
    ReportWrite,
    #[serde(rename = "admin")]
    Admin,
}

impl Scope {
    pub fn implies(self, needed: Scope) -> bool {
        matches!(
            (self, needed),
            (Scope::Admin, _) | (Scope::ReportWrite, Scope::ReportWrite | Scope::Read) | (Scope::Read, Scope::Read)
        )
    }

    /// Whether a user of `role` may hand this scope to a token (a token never does more than its owner).
    pub fn allowed_for(self, role: Role) -> bool {
        match self {
            Scope::Read => true,
            Scope::ReportWrite => matches!(role, Role::Admin | Role::Department | Role::Council),
            Scope::Admin => role == Role::Admin,
        }
    }
}

/// An API token's grant, when the caller is a script.
#[derive(Debug, Clone)]
pub struct TokenGrant {
    pub id: Uuid,
    pub name: String,
    pub scopes: Vec<Scope>,
}

/// The authenticated caller: the user (also behind an API token), its role and departments.
#[derive(Debug, Clone)]
pub struct Principal {
    pub user_id: Uuid,
    pub login: String,
    pub role: Role,
    /// Departments the caller acts for (narrowed by the API token, if any).
    pub departments: Vec<Uuid>,
    pub token: Option<TokenGrant>,
}

impl Principal {
    /// Whether the credentials allow `scope` (users' own sessions allow everything their role does).
    pub fn has_scope(&self, scope: Scope) -> bool {
        self.token.as_ref().is_none_or(|t| t.scopes.iter().any(|s| s.implies(scope)))
    }
}

fn bearer(req: &HttpRequest) -> ApiResult<String> {
    let value = req.headers().get(header::AUTHORIZATION).ok_or(ApiError::Unauthenticated)?;
    let value = value.to_str().map_err(|_| ApiError::Unauthorized("malformed Authorization header".into()))?;
    let (scheme, token) =
        value.split_once(' ').ok_or_else(|| ApiError::Unauthorized("malformed Authorization header".into()))?;
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Err(ApiError::Unauthorized("only Bearer credentials are accepted".into()));
    }
    Ok(token.trim().to_string())
}

/// Loads an active user and their departments, in one statement.
fn load_user(conn: &mut DbConnection, id: Uuid) -> ApiResult<ActiveUser> {
    let rows: Vec<(String, String, bool, i64, Option<DbUuid>)> = users::table
        .left_join(user_departments::table)
        .filter(users::id.eq(DbUuid(id)))
        .select((
            users::login,
            users::role,
            users::active,
            users::sessions_valid_after,
            user_departments::department_id.nullable(),
        ))
        .load(conn)?;
    let Some((login, role, active, sessions_valid_after, _)) = rows.first().cloned() else {
        return Err(ApiError::Unauthorized("the user no longer exists".into()));
    };
    if !active {
        return Err(ApiError::Unauthorized("the user is deactivated".into()));
    }
    Role::from_db(&role)?;
    Ok(ActiveUser {
        login,
        role,
        departments: rows.into_iter().filter_map(|r| r.4).map(|d| d.0).collect(),
        sessions_valid_after,
    })
}

/// Resolves an API token: live, unexpired, its owner active; narrows the owner's departments.
fn resolve_api_token(conn: &mut DbConnection, token: &str) -> ApiResult<Principal> {
    let invalid = || ApiError::Unauthorized("the API token is unknown, revoked or expired".into());
    type Row = (
        DbUuid,
        DbUuid,
        String,
        String,
        Option<chrono::NaiveDateTime>,
        Option<chrono::NaiveDateTime>,
        Option<chrono::NaiveDateTime>,
    );
    let row: Option<Row> = api_tokens::table
        .filter(api_tokens::token_hash.eq(secret::digest(token)))
        .select((
            api_tokens::id,
            api_tokens::user_id,
            api_tokens::name,
            api_tokens::scopes,
            api_tokens::expires_at,
            api_tokens::revoked_at,
            api_tokens::last_used_at,
        ))
        .first(conn)
        .optional()?;
    let (id, user_id, name, scopes, expires_at, revoked_at, last_used_at) = row.ok_or_else(invalid)?;
    let now = now();
    if revoked_at.is_some() || expires_at.is_some_and(|e| e <= now) {
        return Err(invalid());
    }
    let ActiveUser { login, role, mut departments, .. } = load_user(conn, user_id.0)?;
    let narrowed: Vec<DbUuid> = api_token_departments::table
        .filter(api_token_departments::token_id.eq(id))
        .select(api_token_departments::department_id)
        .load(conn)?;
    if !narrowed.is_empty() {
        departments.retain(|d| narrowed.contains(&DbUuid(*d)));
    }
    // Touch last_used_at at most once a minute: a write per request would serialize reads.
    if last_used_at.is_none_or(|t| now - t > chrono::Duration::seconds(60)) {
        diesel::update(api_tokens::table.find(id)).set(api_tokens::last_used_at.eq(Some(now))).execute(conn)?;
    }
    let scopes: Vec<Scope> = serde_json::from_str(&scopes)?;
    Ok(Principal {
        user_id: user_id.0,
        login,
        role: Role::from_db(&role)?,
        departments,
        token: Some(TokenGrant { id: id.0, name, scopes }),
    })
}

/// An access token's user and when it was issued (its signature and expiry checked).
fn verify_access_token(config: &AuthConfig, token: &str) -> ApiResult<(Uuid, i64)> {
    let claims = config.keys.verify(token).map_err(ApiError::Unauthorized)?;
    let user_id = Uuid::parse_str(&claims.sub)
        .map_err(|_| ApiError::Unauthorized("the access token's subject is invalid".into()))?;
    Ok((user_id, claims.iat))
}

/// The caller of an access token issued at `issued_at` to `user`.
fn user_principal(user_id: Uuid, user: &ActiveUser, issued_at: i64) -> ApiResult<Principal> {
    // A new password or a deactivation ends every session, also access tokens not yet expired.
    if issued_at <= user.sessions_valid_after {
        return Err(ApiError::Unauthorized(
            "the session has ended (new password or deactivation); sign in again".into(),
        ));
    }
    // The role is the user's as stored now (kept in memory only while it cannot have changed:
    // [`crate::web::known`]): a changed role takes effect at once.
    Ok(Principal {
        user_id,
        login: user.login.clone(),
        role: Role::from_db(&user.role)?,
        departments: user.departments.clone(),
        token: None,
    })
}

fn resolve(
    conn: &mut DbConnection,
    config: &AuthConfig,
    token: &str,
    users: &KnownUsers,
    read_at: u64,
) -> ApiResult<Principal> {
    if token.starts_with(secret::API_TOKEN_PREFIX) {
        return resolve_api_token(conn, token);
    }
    let (user_id, issued_at) = verify_access_token(config, token)?;
    let user = match users.get(&user_id) {
        Some(user) => user,
        None => users.keep(user_id, load_user(conn, user_id)?, read_at),
    };
    user_principal(user_id, &user, issued_at)
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            if let Some(p) = req.extensions().get::<Principal>() {
                return Ok(p.clone());
            }
            let token = bearer(&req)?;
            let state = req
                .app_data::<web::Data<AppState>>()
                .cloned()
                .ok_or_else(|| ApiError::Internal("application state missing".into()))?;
            // A user kept in memory needs no database (nor a blocking thread).
            if !token.starts_with(secret::API_TOKEN_PREFIX) {
                let (user_id, issued_at) = verify_access_token(&state.auth, &token)?;
                if let Some(user) = state.users.get(&user_id) {
                    let principal = user_principal(user_id, &user, issued_at)?;
                    req.extensions_mut().insert(principal.clone());
                    return Ok(principal);
                }
            }
            let (auth, users) = (state.auth.clone(), state.users.clone());
            let read_at = users.generation();
            let principal = state.db(move |conn| resolve(conn, &auth, &token, &users, read_at)).await?;
            req.extensions_mut().insert(principal.clone());
            Ok(principal)
        })
    }
}

/// A caller who writes: the principal for the policy, and the actor for the audit trail.
pub struct Caller {
    pub principal: Principal,
    pub actor: Actor,
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let principal = Principal::from_request(req, payload);
        let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone());
        Box::pin(async move {
            let principal = principal.await?;
            let actor = Actor {
                user_id: Some(principal.user_id),
                token_id: principal.token.as_ref().map(|t| t.id),
                request_id,
            };
            Ok(Caller { principal, actor })
        })
    }
}

/// The client address for login throttling.
pub fn client_address(req: &HttpRequest, proxies: client::ProxyTrust) -> String {
    client::address(req.peer_addr().map(|a| a.ip()), req.headers(), proxies)
}
