//! Signing in: `POST /auth/token` (login and password → access + refresh token),
//! `POST /auth/refresh` (rotates the refresh token), `POST /auth/logout` (revokes it).
//!
//! Refresh tokens are opaque, stored hashed, single-use: each use rotates it within its family
//! (one login), and presenting an already used one revokes the whole family (it was stolen).

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::db::schema::{api_tokens, refresh_tokens, users};
use crate::db::{now, write_transaction, DbConnection, DbUuid};
use crate::error::{self, ApiError, ApiResult};
use crate::models::audit::{self, Actor, Change, Nothing};
use crate::web::auth;
use crate::web::credentials::{login, password, secret, throttle, AuthConfig};
use crate::web::http::JsonBody;
use crate::web::state::{AppState, RequestId};

/// Login name and password.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct LoginInput {
    #[validate(length(min = 1, max = 64))]
    #[schema(example = "admin", min_length = 1, max_length = 64)]
    pub login: String,
    #[validate(length(min = 1, max = 256))]
    #[schema(example = "demo-admin-password", format = Password, min_length = 1, max_length = 256)]
    pub password: String,
}

/// A refresh token to rotate or revoke.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct RefreshInput {
    #[validate(length(min = 1, max = 200))]
    #[schema(example = "shr_Jb1m4cX…", min_length = 1, max_length = 200)]
    pub refresh_token: String,
}

/// Tokens for a signed-in user.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// A JWT; send it as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    /// Opaque and single-use: exchange it at `/api/v1/auth/refresh` for new tokens.
    pub refresh_token: String,
    /// Seconds until the refresh token expires.
    #[schema(example = 2592000)]
    pub refresh_expires_in: i64,
}

/// Issues an access token and a refresh token in `family`.
fn issue(
    conn: &mut DbConnection,
    config: &AuthConfig,
    user_id: DbUuid,
    role: &str,
    sessions_valid_after: i64,
    family: Uuid,
) -> ApiResult<TokenResponse> {
    let (access_token, expires_in) =
        config.keys.issue_after(user_id.0, role, sessions_valid_after).map_err(ApiError::Internal)?;
    let refresh_token = secret::generate(secret::REFRESH_TOKEN_PREFIX);
    let ts = now();
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::id.eq(DbUuid(Uuid::now_v7())),
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::family_id.eq(DbUuid(family)),
            refresh_tokens::token_hash.eq(secret::digest(&refresh_token)),
            refresh_tokens::expires_at.eq(ts + chrono::Duration::seconds(config.refresh_ttl_seconds)),
            refresh_tokens::created_at.eq(ts),
        ))
        .execute(conn)?;
    Ok(TokenResponse {
        access_token,
        token_type: "Bearer".into(),
        expires_in,
        refresh_token,
        refresh_expires_in: config.refresh_ttl_seconds,
    })
}

/// Ends every session of a user (deactivation, new password): refresh tokens and API tokens
/// are revoked for good (reactivation does not revive them), and access tokens issued until now
/// are refused from now on.
pub fn end_all_sessions(conn: &mut DbConnection, user_id: DbUuid) -> ApiResult<()> {
    let ts = now();
    diesel::update(
        refresh_tokens::table.filter(refresh_tokens::user_id.eq(user_id).and(refresh_tokens::revoked_at.is_null())),
    )
    .set(refresh_tokens::revoked_at.eq(Some(ts)))
    .execute(conn)?;
    diesel::update(api_tokens::table.filter(api_tokens::user_id.eq(user_id).and(api_tokens::revoked_at.is_null())))
        .set(api_tokens::revoked_at.eq(Some(ts)))
        .execute(conn)?;
    // Strictly later than before: a token issued just after the last end (its `iat` one second
    // ahead, see `jwt::Keys::issue_after`) must end too.
    let previous: i64 = users::table.find(user_id).select(users::sessions_valid_after).first(conn)?;
    diesel::update(users::table.find(user_id))
        .set(users::sessions_valid_after.eq(chrono::Utc::now().timestamp().max(previous + 1)))
        .execute(conn)?;
    Ok(())
}

fn revoke_family(conn: &mut DbConnection, family: DbUuid) -> ApiResult<()> {
    diesel::update(
        refresh_tokens::table.filter(refresh_tokens::family_id.eq(family).and(refresh_tokens::revoked_at.is_null())),
    )
    .set(refresh_tokens::revoked_at.eq(Some(now())))
    .execute(conn)?;
    Ok(())
}

fn request_id(req: &HttpRequest) -> Option<String> {
    use actix_web::HttpMessage;
    req.extensions().get::<RequestId>().map(|r| r.0.clone())
}

fn actor_for(user_id: DbUuid, request_id: &Option<String>) -> Actor {
    Actor { user_id: Some(user_id.0), token_id: None, request_id: request_id.clone() }
}

enum LoginOutcome {
    Issued(TokenResponse),
    Refused,
}

/// Sign in
///
/// Exchanges a login and password for a short-lived access token (JWT) and a refresh token.
/// Failed attempts are limited per account and per client address (429 with `Retry-After`,
/// lifting by itself).
///
/// Roles: anyone (this is how one signs in).
#[utoipa::path(
    tag = "auth",
    security(()),
    request_body(content = LoginInput, example = json!({"login": "admin", "password": "demo-admin-password"})),
    responses(
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 401, response = error::Unauthorized),
        (status = 429, response = error::TooManyRequests),
    )
)]
#[post("/auth/token")]
pub async fn sign_in(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: JsonBody<LoginInput>,
) -> ApiResult<web::Json<TokenResponse>> {
    let input = body.read().await?;
    crate::domain::validation::check(&input)?;
    let config = state.auth.clone();
    let address = auth::client_address(&req, config.proxies);
    let request_id = request_id(&req);
    let outcome = state
        .db(move |conn| {
            let account = throttle::account_key(&input.login);
            let address = throttle::address_key(&address);
            let limits = config.throttle;
            // The attempt is taken (or refused) before the password is looked at.
            write_transaction(conn, |conn| {
                let keys = [(account.as_str(), limits.per_account), (address.as_str(), limits.per_address)];
                throttle::reserve(conn, &keys, &limits, now())
            })
            .inspect_err(|e| {
                if matches!(e, ApiError::TooManyRequests { .. }) {
                    crate::web::metrics::METRICS.sign_ins_throttled.inc();
                }
            })?;
            let login = login::normalize(&input.login);
            let user: Option<(DbUuid, String, String, bool, i64)> = users::table
                .filter(users::login.eq(&login))
                .select((users::id, users::password_hash, users::role, users::active, users::sessions_valid_after))
                .first(conn)
                .optional()?;
            let verified = match &user {
                Some((_, hash, _, active, _)) => password::verify(&input.password, hash) && *active,
                None => {
                    password::verify_nothing(&input.password);
                    false
                }
            };
            match user {
                Some((id, _, role, _, valid_after)) if verified => write_transaction(conn, |conn| {
                    throttle::succeeded(conn, &account, &address, &limits, now())?;
                    let family = Uuid::now_v7();
                    let tokens = issue(conn, &config, id, &role, valid_after, family)?;
                    audit::record(
                        conn,
                        &actor_for(id, &request_id),
                        Change::<Nothing, _> {
                            action: "sign_in",
                            entity_type: "session",
                            entity_id: family,
                            plan_id: None,
                            before: None,
                            after: Some(&serde_json::json!({"user_id": id.0})),
                        },
                    )?;
                    Ok(LoginOutcome::Issued(tokens))
                }),
                _ => {
                    write_transaction(conn, |conn| {
                        let ts = now();
                        throttle::failed(conn, &account, limits.per_account, &limits, ts)?;
                        throttle::failed(conn, &address, limits.per_address, &limits, ts)
                    })?;
                    tracing::warn!(login = %login, "failed sign-in");
                    crate::web::metrics::METRICS.sign_in_failures.inc();
                    Ok(LoginOutcome::Refused)
                }
            }
        })
        .await?;
    match outcome {
        LoginOutcome::Issued(tokens) => Ok(web::Json(tokens)),
        LoginOutcome::Refused => Err(ApiError::Unauthorized("wrong login or password".into())),
    }
}

enum RefreshOutcome {
    Issued(TokenResponse),
    Refused(&'static str),
}

/// Refresh the tokens
///
/// Exchanges a refresh token for a new access token and a new refresh token. The old refresh
/// token stops working; presenting it again revokes the whole sign-in (401).
///
/// Roles: anyone holding a valid refresh token.
#[utoipa::path(
    tag = "auth",
    security(()),
    request_body(content = RefreshInput),
    responses(
        (status = 200, description = "New tokens", body = TokenResponse),
        (status = 401, response = error::Unauthorized),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: JsonBody<RefreshInput>,
) -> ApiResult<web::Json<TokenResponse>> {
    let input = body.read().await?;
    crate::domain::validation::check(&input)?;
    let config = state.auth.clone();
    let request_id = request_id(&req);
    let outcome = state
        .db(move |conn| {
            write_transaction(conn, |conn| {
                type Row = (
                    DbUuid,
                    DbUuid,
                    DbUuid,
                    chrono::NaiveDateTime,
                    Option<chrono::NaiveDateTime>,
                    Option<chrono::NaiveDateTime>,
                );
                let row: Option<Row> = refresh_tokens::table
                    .filter(refresh_tokens::token_hash.eq(secret::digest(&input.refresh_token)))
                    .select((
                        refresh_tokens::id,
                        refresh_tokens::user_id,
                        refresh_tokens::family_id,
                        refresh_tokens::expires_at,
                        refresh_tokens::used_at,
                        refresh_tokens::revoked_at,
                    ))
                    .first(conn)
                    .optional()?;
                let Some((id, user_id, family, expires_at, used_at, revoked_at)) = row else {
                    return Ok(RefreshOutcome::Refused("unknown refresh token"));
                };
                let ts = now();
                if used_at.is_some() {
                    // A rotated token came back: someone else holds it. End the whole sign-in.
                    revoke_family(conn, family)?;
                    tracing::warn!(user_id = %user_id, "refresh token reused; sign-in revoked");
                    return Ok(RefreshOutcome::Refused("the refresh token was already used; sign in again"));
                }
                if revoked_at.is_some() || expires_at <= ts {
                    return Ok(RefreshOutcome::Refused("the refresh token is revoked or expired"));
                }
                let user: Option<(String, bool, i64)> = users::table
                    .find(user_id)
                    .select((users::role, users::active, users::sessions_valid_after))
                    .first(conn)
                    .optional()?;
                let Some((role, true, valid_after)) = user else {
                    return Ok(RefreshOutcome::Refused("the user is deactivated"));
                };
                // Spent here and only here: of concurrent refreshes with one token, the database
                // lets exactly one mark it used; the others find it used, which is reuse.
                let spent = diesel::update(refresh_tokens::table.find(id).filter(refresh_tokens::used_at.is_null()))
                    .set(refresh_tokens::used_at.eq(Some(ts)))
                    .execute(conn)?;
                if spent == 0 {
                    revoke_family(conn, family)?;
                    tracing::warn!(user_id = %user_id, "refresh token reused concurrently; sign-in revoked");
                    return Ok(RefreshOutcome::Refused("the refresh token was already used; sign in again"));
                }
                let tokens = issue(conn, &config, user_id, &role, valid_after, family.0)?;
                audit::record(
                    conn,
                    &actor_for(user_id, &request_id),
                    Change::<Nothing, Nothing> {
                        action: "refresh",
                        entity_type: "session",
                        entity_id: family.0,
                        plan_id: None,
                        before: None,
                        after: None,
                    },
                )?;
                Ok(RefreshOutcome::Issued(tokens))
            })
        })
        .await?;
    match outcome {
        RefreshOutcome::Issued(tokens) => Ok(web::Json(tokens)),
        RefreshOutcome::Refused(why) => Err(ApiError::Unauthorized(why.into())),
    }
}

/// Sign out
///
/// Revokes the refresh token's whole sign-in. Access tokens already issued expire by themselves
/// (they are short-lived). Answers 204 also for an unknown or already revoked token.
///
/// Roles: anyone holding a refresh token.
#[utoipa::path(
    tag = "auth",
    security(()),
    request_body(content = RefreshInput),
    responses(
        (status = 204, description = "Signed out"),
    )
)]
#[post("/auth/logout")]
pub async fn sign_out(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: JsonBody<RefreshInput>,
) -> ApiResult<HttpResponse> {
    let input = body.read().await?;
    crate::domain::validation::check(&input)?;
    let request_id = request_id(&req);
    state
        .write(move |conn| {
            let row: Option<(DbUuid, DbUuid, Option<chrono::NaiveDateTime>)> = refresh_tokens::table
                .filter(refresh_tokens::token_hash.eq(secret::digest(&input.refresh_token)))
                .select((refresh_tokens::user_id, refresh_tokens::family_id, refresh_tokens::revoked_at))
                .first(conn)
                .optional()?;
            if let Some((user_id, family, None)) = row {
                revoke_family(conn, family)?;
                audit::record(
                    conn,
                    &actor_for(user_id, &request_id),
                    Change::<Nothing, Nothing> {
                        action: "sign_out",
                        entity_type: "session",
                        entity_id: family.0,
                        plan_id: None,
                        before: None,
                        after: None,
                    },
                )?;
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
