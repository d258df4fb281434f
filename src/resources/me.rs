//! The caller: who am I (`GET /api/v1/me`), and the settings each user keeps for themselves
//! (`PATCH /api/v1/me`: the daily reminder mail).

use actix_web::{get, patch, web};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::users::{load, view, AuthenticatedBy, User, UserView};
use crate::db::schema::users;
use crate::db::{now, DbUuid};
use crate::error::ApiResult;
use crate::models::audit::{self, Change};
use crate::web::auth::{Caller, Principal, Scope};
use crate::web::http::{patch_field, required_in_patch, IfMatch, MergePatch};
use crate::web::state::AppState;

/// The caller: the user, and the API token when a script is calling.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub user: UserView,
    /// `jwt` for a signed-in user, `api_token` for a script.
    pub authenticated_by: AuthenticatedBy,
    /// Present when calling with an API token.
    pub token: Option<MeToken>,
    /// The departments this caller acts for now (an API token may narrow them).
    pub acting_for_department_ids: Vec<Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeToken {
    pub id: Uuid,
    pub name: String,
    pub scopes: Vec<Scope>,
}

/// What a user changes of their own account (JSON merge patch).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MePatch {
    /// The daily reminder mail of reports due (notices of returns and publications still come).
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = bool, required = false)]
    pub email_reminders: Option<Option<bool>>,
}

fn me_of(principal: Principal, user: UserView) -> Me {
    Me {
        user,
        authenticated_by: if principal.token.is_some() { AuthenticatedBy::ApiToken } else { AuthenticatedBy::Jwt },
        token: principal.token.map(|t| MeToken { id: t.id, name: t.name, scopes: t.scopes }),
        acting_for_department_ids: principal.departments,
    }
}

/// Who am I
///
/// The signed-in user (or the owner of the API token), with the token's scopes when a script calls.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "users",
    responses((status = 200, description = "The caller", body = Me))
)]
#[get("/me")]
pub async fn me(principal: Principal, state: web::Data<AppState>) -> ApiResult<web::Json<Me>> {
    let id = principal.user_id;
    let user = state
        .db(move |conn| {
            let row = load(conn, id)?;
            view(conn, row)
        })
        .await?;
    Ok(web::Json(me_of(principal, user)))
}

/// Change my settings
///
/// JSON merge patch of the caller's own settings: `email_reminders` turns the daily reminder mail
/// of reports due on or off. The address itself is the secretariat's to set.
///
/// Roles: every signed-in role (not an API token: a script does not speak for its owner here).
#[utoipa::path(
    tag = "users",
    params(("If-Match" = Option<String>, Header, description = "ETag of the user's version being changed")),
    request_body(content = MePatch, content_type = "application/merge-patch+json", example = json!({"email_reminders": false})),
    responses(
        (status = 200, description = "The caller, changed", body = Me),
    )
)]
#[patch("/me")]
pub async fn update_me(
    caller: Caller,
    state: web::Data<AppState>,
    if_match: IfMatch,
    body: MergePatch<MePatch>,
) -> ApiResult<web::Json<Me>> {
    let Caller { principal, actor } = caller;
    crate::web::policy::change_own_settings(&principal)?;
    let patch = body.read().await?;
    let id = principal.user_id;
    let user = state
        .write(move |conn| {
            crate::lock_rows!(conn, users::table.find(DbUuid(id)).select(users::id))?;
            let before: User = load(conn, id)?;
            let reminders =
                required_in_patch("email_reminders", patch.email_reminders)?.unwrap_or(before.email_reminders);
            if_match.check(before.version)?;
            let before_view = view(conn, before.clone())?;
            if reminders == before.email_reminders {
                return Ok(before_view);
            }
            let after =
                User { email_reminders: reminders, version: before.version + 1, updated_at: now(), ..before.clone() };
            let rows = diesel::update(users::table.find(before.id).filter(users::version.eq(before.version)))
                .set(&after)
                .execute(conn)?;
            if_match.applied(rows)?;
            let after_view = view(conn, after)?;
            audit::record(
                conn,
                &actor,
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
        })
        .await?;
    Ok(web::Json(me_of(principal, user)))
}
