//! Reading the audit trail: every write, with who, when, under which request, before and after.

use actix_web::{get, web};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::db::schema::{audit_events, report_revisions, users};
use crate::db::{utc, DbUuid};
use crate::error::{ApiError, ApiResult};
use crate::web::auth::Principal;
use crate::web::http::{self, finish_page, PageParams};
use crate::web::policy;
use crate::web::state::AppState;

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = audit_events)]
struct EventRow {
    id: DbUuid,
    occurred_at: chrono::NaiveDateTime,
    actor_id: Option<DbUuid>,
    token_id: Option<DbUuid>,
    action: String,
    entity_type: String,
    entity_id: DbUuid,
    plan_id: Option<DbUuid>,
    request_id: Option<String>,
    before_state: Option<String>,
    after_state: Option<String>,
}

/// One write, as it happened.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEventView {
    pub id: Uuid,
    pub occurred_at: chrono::DateTime<chrono::Utc>,
    /// The user who wrote (`null`: the service itself, e.g. loading demo data).
    pub actor_id: Option<Uuid>,
    #[schema(example = "admin")]
    pub actor_login: Option<String>,
    /// The API token used, if a script wrote.
    pub token_id: Option<Uuid>,
    /// `create`, `update`, `delete`, `move`, `import`, `revise`, `revoke`, `sign_in`, `refresh`, `sign_out`.
    #[schema(example = "update")]
    pub action: String,
    /// `department`, `plan`, `node`, `initiative`, `indicator`, `target`, `user`, `api_token`, `session`.
    #[schema(example = "initiative")]
    pub entity_type: String,
    pub entity_id: Uuid,
    pub plan_id: Option<Uuid>,
    pub request_id: Option<String>,
    /// The entity before the write (`null` for creations).
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    /// The entity after the write (`null` for deletions).
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilter {
    #[param(example = "initiative")]
    pub entity_type: Option<String>,
    pub entity_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub plan_id: Option<Uuid>,
    /// The request that made the events (`X-Request-Id`): everything one batch wrote.
    #[param(max_length = 200)]
    pub request_id: Option<String>,
    /// From this time on (RFC 3339).
    pub from: Option<chrono::DateTime<chrono::Utc>>,
    /// Before this time (RFC 3339).
    pub to: Option<chrono::DateTime<chrono::Utc>>,
}

crate::list_type!(AuditEventList, AuditEventView);

/// List audit events
///
/// Newest first. Filter by entity, actor, plan, request and time range.
///
/// Roles: admin.
#[utoipa::path(
    tag = "audit",
    params(AuditFilter, PageParams),
    responses(
        (status = 200, description = "One page of events", body = AuditEventList),
    )
)]
#[get("/audit-events")]
pub async fn list_audit_events(
    principal: Principal,
    state: web::Data<AppState>,
    filter: http::Query<AuditFilter>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<AuditEventList>> {
    policy::read_audit(&principal)?;
    let page = page.validate()?;
    let f = filter.into_inner();
    let rows = state
        .db(move |conn| {
            // A report write's state after is its revision's snapshot (`revision_id`).
            let mut query = audit_events::table
                .left_join(users::table.on(audit_events::actor_id.eq(users::id.nullable())))
                .left_join(report_revisions::table.on(audit_events::revision_id.eq(report_revisions::id.nullable())))
                .into_boxed();
            if let Some(t) = &f.entity_type {
                query = query.filter(audit_events::entity_type.eq(t.clone()));
            }
            if let Some(id) = f.entity_id {
                query = query.filter(audit_events::entity_id.eq(DbUuid(id)));
            }
            if let Some(id) = f.actor_id {
                query = query.filter(audit_events::actor_id.eq(DbUuid(id)));
            }
            if let Some(id) = f.plan_id {
                query = query.filter(audit_events::plan_id.eq(DbUuid(id)));
            }
            if let Some(request) = &f.request_id {
                query = query.filter(audit_events::request_id.eq(request.clone()));
            }
            if let Some(from) = f.from {
                query = query.filter(audit_events::occurred_at.ge(from.naive_utc()));
            }
            if let Some(to) = f.to {
                query = query.filter(audit_events::occurred_at.lt(to.naive_utc()));
            }
            if let Some((_, id)) = &page.after {
                let id = Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?;
                query = query.filter(audit_events::id.lt(DbUuid(id)));
            }
            let rows: Vec<(EventRow, Option<String>, Option<String>)> = query
                .select((EventRow::as_select(), users::login.nullable(), report_revisions::snapshot.nullable()))
                .order(audit_events::id.desc())
                .limit(page.limit + 1)
                .load(conn)?;
            Ok(rows)
        })
        .await?;
    let (rows, next_cursor) = finish_page(rows, page.limit, |(e, _, _)| (String::new(), e.id.to_string()));
    let parse = |text: Option<String>| text.map(|t| serde_json::from_str(&t)).transpose();
    let items = rows
        .into_iter()
        .map(|(e, login, snapshot)| {
            Ok(AuditEventView {
                id: e.id.0,
                occurred_at: utc(e.occurred_at),
                actor_id: e.actor_id.map(|a| a.0),
                actor_login: login,
                token_id: e.token_id.map(|t| t.0),
                action: e.action,
                entity_type: e.entity_type,
                entity_id: e.entity_id.0,
                plan_id: e.plan_id.map(|p| p.0),
                request_id: e.request_id,
                before: parse(e.before_state)?,
                after: parse(e.after_state.or(snapshot))?,
            })
        })
        .collect::<ApiResult<_>>()?;
    Ok(web::Json(AuditEventList { items, next_cursor }))
}
