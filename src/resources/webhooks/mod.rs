//! Webhook subscriptions (docs/notifications.md): which events go to which URL, signed with a
//! secret shown once; each subscription's delivery log ([`deliveries`]); a test event. The
//! secretariat's.

mod deliveries;

pub use deliveries::{
    list_webhook_deliveries, AttemptView, DeliveryFilter, DeliveryList, DeliveryStatus, DeliveryView,
};

use actix_web::{delete, get, patch, post, web, HttpResponse};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::db::schema::{plans, webhook_deliveries, webhooks};
use crate::db::{now, utc, DbConnection, DbUuid};
use crate::domain::webhooks::{self as rules, EventType, Network};
use crate::error::{self, ApiError, ApiResult};
use crate::models::audit::{self, Actor, Change, Nothing};
use crate::models::outbox;
use crate::web::auth::{Caller, Principal};
use crate::web::http::{self, finish_page, patch_field, IfMatch, JsonBody, MergePatch, PageParams};
use crate::web::policy;
use crate::web::state::AppState;

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = webhooks, treat_none_as_null = true)]
pub struct Webhook {
    pub id: DbUuid,
    pub url: String,
    /// JSON array of event types.
    pub events: String,
    pub plan_id: Option<DbUuid>,
    pub active: bool,
    pub description: Option<String>,
    pub secret: String,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

/// A subscription (never with its secret, which only its creation answers).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookView {
    pub id: Uuid,
    #[schema(example = "https://portal.city.example.jp/hooks/shinchoku")]
    pub url: String,
    #[schema(example = json!(["report.published", "plan.published"]))]
    pub events: Vec<EventType>,
    /// Only this plan's events; `null`: every plan's.
    pub plan_id: Option<Uuid>,
    /// An inactive subscription is sent no event (what was queued for it fails), only the tests
    /// asked for it.
    pub active: bool,
    #[schema(example = "市ホームページの進捗ページ")]
    pub description: Option<String>,
    /// Deliveries that gave up after every retry.
    pub failed_deliveries: i64,
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// A new subscription with its secret, shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct WebhookCreated {
    #[serde(flatten)]
    pub webhook: WebhookView,
    /// Verifies the `webhook-signature` of every delivery (Standard Webhooks); keep it secret.
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    pub secret: String,
}

/// A new subscription.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct WebhookInput {
    /// `https://…` (`http://` only towards the networks the installation allows).
    #[validate(length(min = 1, max = 2000))]
    #[schema(
        example = "https://portal.city.example.jp/hooks/shinchoku",
        min_length = 1,
        max_length = 2000,
        format = "uri"
    )]
    pub url: String,
    /// The event types to send (at least one).
    #[validate(length(min = 1, max = 20))]
    #[schema(min_items = 1, max_items = 20)]
    pub events: Vec<EventType>,
    /// Only this plan's events (default: every plan's).
    #[serde(default)]
    pub plan_id: Option<Uuid>,
    /// Default `true`.
    #[serde(default = "yes")]
    pub active: bool,
    #[serde(default)]
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub description: Option<String>,
}

fn yes() -> bool {
    true
}

/// Changes to a subscription (JSON merge patch).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookPatch {
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 2000, format = "uri")]
    pub url: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Vec<EventType>, required = false, min_items = 1, max_items = 20)]
    pub events: Option<Option<Vec<EventType>>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<Uuid>, required = false)]
    pub plan_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = bool, required = false)]
    pub active: Option<Option<bool>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, required = false, max_length = 200)]
    pub description: Option<Option<String>>,
}

/// The test event's queued delivery.
#[derive(Debug, Serialize, ToSchema)]
pub struct TestSent {
    /// The `webhook-id` the receiver will get.
    pub event_id: Uuid,
    pub delivery_id: Uuid,
}

crate::list_type!(WebhookList, WebhookView);

fn not_found() -> ApiError {
    ApiError::not_found("webhook")
}

fn load(conn: &mut DbConnection, id: Uuid, lock: bool) -> ApiResult<Webhook> {
    if lock {
        crate::lock_rows!(conn, webhooks::table.find(DbUuid(id)).select(webhooks::id))?;
    }
    webhooks::table.find(DbUuid(id)).select(Webhook::as_select()).first(conn).optional()?.ok_or_else(not_found)
}

/// Views with their failed deliveries counted, in two statements.
fn views(conn: &mut DbConnection, rows: Vec<Webhook>) -> ApiResult<Vec<WebhookView>> {
    let ids: Vec<DbUuid> = rows.iter().map(|w| w.id).collect();
    let failed: std::collections::HashMap<DbUuid, i64> = webhook_deliveries::table
        .filter(webhook_deliveries::webhook_id.eq_any(&ids))
        .filter(webhook_deliveries::status.eq(DeliveryStatus::Failed.as_str()))
        .group_by(webhook_deliveries::webhook_id)
        .select((webhook_deliveries::webhook_id, diesel::dsl::count_star()))
        .load(conn)?
        .into_iter()
        .collect();
    rows.into_iter()
        .map(|w| {
            Ok(WebhookView {
                id: w.id.0,
                url: w.url,
                events: serde_json::from_str(&w.events)?,
                plan_id: w.plan_id.map(|p| p.0),
                active: w.active,
                description: w.description,
                failed_deliveries: failed.get(&w.id).copied().unwrap_or(0),
                version: w.version,
                created_at: utc(w.created_at),
                updated_at: utc(w.updated_at),
            })
        })
        .collect()
}

fn view(conn: &mut DbConnection, row: Webhook) -> ApiResult<WebhookView> {
    Ok(views(conn, vec![row])?.remove(0))
}

/// The checks every stored subscription passes: its URL, its plan, its event types once each.
fn check(conn: &mut DbConnection, input: &WebhookInput, allowed: &[Network]) -> ApiResult<()> {
    let mut errors = crate::domain::validation::Errors(crate::domain::validation::errors_of(input, ""));
    if let Err(message) = rules::check_url(input.url.trim(), allowed) {
        errors.add("/url", "url", message);
    }
    if input.events.contains(&EventType::WebhookTest) {
        errors.add("/events", "test_event", "webhook.test goes to one subscription when asked (POST …/test)");
    }
    if let Some(plan) = input.plan_id {
        if plans::table.find(DbUuid(plan)).count().get_result::<i64>(conn)? == 0 {
            errors.add("/plan_id", "not_found", "no such plan");
        }
    }
    errors.into_result()
}

fn events_text(events: &[EventType]) -> ApiResult<String> {
    let mut unique: Vec<EventType> = Vec::new();
    for e in events {
        if !unique.contains(e) {
            unique.push(*e);
        }
    }
    Ok(serde_json::to_string(&unique)?)
}

fn record(
    conn: &mut DbConnection,
    actor: &Actor,
    action: &str,
    id: Uuid,
    before: Option<&WebhookView>,
    after: Option<&WebhookView>,
) -> ApiResult<()> {
    audit::record(conn, actor, Change { action, entity_type: "webhook", entity_id: id, plan_id: None, before, after })
}

/// List webhook subscriptions
///
/// Roles: admin.
#[utoipa::path(
    tag = "webhooks",
    params(PageParams),
    responses((status = 200, description = "One page of subscriptions", body = WebhookList))
)]
#[get("/webhooks")]
pub async fn list_webhooks(
    principal: Principal,
    state: web::Data<AppState>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<WebhookList>> {
    policy::manage_webhooks(&principal)?;
    let page = page.validate()?;
    let (items, next_cursor) = state
        .db(move |conn| {
            let mut query = webhooks::table.select(Webhook::as_select()).into_boxed();
            if let Some((_, id)) = &page.after {
                let id = Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?;
                query = query.filter(webhooks::id.gt(DbUuid(id)));
            }
            let rows = query.order(webhooks::id).limit(page.limit + 1).load(conn)?;
            let (rows, next) = finish_page(rows, page.limit, |w: &Webhook| (String::new(), w.id.to_string()));
            Ok((views(conn, rows)?, next))
        })
        .await?;
    Ok(web::Json(WebhookList { items, next_cursor }))
}

/// Create a webhook subscription
///
/// The answer carries the `secret` that signs every delivery: it is shown this once. Deliveries
/// follow the Standard Webhooks specification (`webhook-id`, `webhook-timestamp`,
/// `webhook-signature`; docs/notifications.md).
///
/// Roles: admin.
#[utoipa::path(
    tag = "webhooks",
    request_body(content = WebhookInput, example = json!({
        "url": "https://portal.city.example.jp/hooks/shinchoku", "events": ["report.published", "plan.published"]
    })),
    responses(
        (status = 201, description = "Created, with its secret", body = WebhookCreated,
            headers(("Location" = String, description = "URL of the new subscription"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetWebhook" = (operation_id = "get_webhook", parameters(("webhook_id" = "$response.body#/id")))),
                ("UpdateWebhook" = (operation_id = "update_webhook", parameters(("webhook_id" = "$response.body#/id")))),
                ("DeleteWebhook" = (operation_id = "delete_webhook", parameters(("webhook_id" = "$response.body#/id")))),
                ("ListWebhookDeliveries" = (operation_id = "list_webhook_deliveries", parameters(("webhook_id" = "$response.body#/id")))),
                ("TestWebhook" = (operation_id = "test_webhook", parameters(("webhook_id" = "$response.body#/id")))),
            )),
    )
)]
#[post("/webhooks")]
pub async fn create_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<WebhookInput>,
) -> ApiResult<HttpResponse> {
    policy::manage_webhooks(&caller.principal)?;
    let input = body.read().await?;
    let allowed = state.deliveries.allowed_networks.clone();
    let created = state
        .write(move |conn| {
            check(conn, &input, &allowed)?;
            let mut key = [0u8; 32];
            OsRng.fill_bytes(&mut key);
            let ts = now();
            let row = Webhook {
                id: DbUuid(Uuid::now_v7()),
                url: input.url.trim().to_string(),
                events: events_text(&input.events)?,
                plan_id: input.plan_id.map(DbUuid),
                active: input.active,
                description: input.description.map(|d| d.trim().to_string()).filter(|d| !d.is_empty()),
                secret: rules::secret_of(&key),
                version: 1,
                created_at: ts,
                updated_at: ts,
            };
            diesel::insert_into(webhooks::table).values(&row).execute(conn)?;
            let secret = row.secret.clone();
            let webhook = view(conn, row)?;
            record(conn, &caller.actor, "create", webhook.id, None::<&WebhookView>, Some(&webhook))?;
            Ok(WebhookCreated { webhook, secret })
        })
        .await?;
    let (id, version) = (created.webhook.id, created.webhook.version);
    Ok(http::created(&created, format!("/api/v1/webhooks/{id}"), version))
}

/// Get a webhook subscription
///
/// Roles: admin.
#[utoipa::path(
    tag = "webhooks",
    params(("webhook_id" = Uuid, Path, description = "Subscription id")),
    responses(
        (status = 200, description = "The subscription", body = WebhookView, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/webhooks/{webhook_id}")]
pub async fn get_webhook(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::manage_webhooks(&principal)?;
    let id = path.into_inner();
    let view = state
        .db(move |conn| {
            let row = load(conn, id, false)?;
            view(conn, row)
        })
        .await?;
    Ok(http::ok_with_etag(&view, view.version))
}

/// Update a webhook subscription
///
/// JSON merge patch. `"active": false` stops deliveries: what was queued for the subscription
/// fails instead of being sent.
///
/// Roles: admin.
#[utoipa::path(
    tag = "webhooks",
    params(("webhook_id" = Uuid, Path, description = "Subscription id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = WebhookPatch, content_type = "application/merge-patch+json", example = json!({"active": false})),
    responses(
        (status = 200, description = "Updated", body = WebhookView, headers(("ETag" = String, description = "New version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[patch("/webhooks/{webhook_id}")]
pub async fn update_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    if_match: IfMatch,
    body: MergePatch<WebhookPatch>,
) -> ApiResult<HttpResponse> {
    policy::manage_webhooks(&caller.principal)?;
    let id = path.into_inner();
    let patch = body.read().await?;
    let allowed = state.deliveries.allowed_networks.clone();
    let view = state
        .write(move |conn| {
            let before = load(conn, id, true)?;
            let mut input = WebhookInput {
                url: before.url.clone(),
                events: serde_json::from_str(&before.events)?,
                plan_id: before.plan_id.map(|p| p.0),
                active: before.active,
                description: before.description.clone(),
            };
            crate::merge_patch!(input, patch, required: [url, events, active], nullable: [plan_id, description]);
            check(conn, &input, &allowed)?;
            if_match.check(before.version)?;
            let after = Webhook {
                url: input.url.trim().to_string(),
                events: events_text(&input.events)?,
                plan_id: input.plan_id.map(DbUuid),
                active: input.active,
                description: input.description.map(|d| d.trim().to_string()).filter(|d| !d.is_empty()),
                version: before.version + 1,
                updated_at: now(),
                ..before.clone()
            };
            let before_view = view(conn, before.clone())?;
            let rows = diesel::update(webhooks::table.find(before.id).filter(webhooks::version.eq(before.version)))
                .set(&after)
                .execute(conn)?;
            if_match.applied(rows)?;
            let after_view = view(conn, after)?;
            record(conn, &caller.actor, "update", id, Some(&before_view), Some(&after_view))?;
            Ok(after_view)
        })
        .await?;
    Ok(http::ok_with_etag(&view, view.version))
}

/// Delete a webhook subscription
///
/// With its delivery log; nothing more is sent to it.
///
/// Roles: admin.
#[utoipa::path(
    tag = "webhooks",
    params(("webhook_id" = Uuid, Path, description = "Subscription id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, response = error::NotFound),
    )
)]
#[delete("/webhooks/{webhook_id}")]
pub async fn delete_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    policy::manage_webhooks(&caller.principal)?;
    let id = path.into_inner();
    state
        .write(move |conn| {
            let before = load(conn, id, true)?;
            if_match.check(before.version)?;
            let before_view = view(conn, before.clone())?;
            let rows = diesel::delete(webhooks::table.find(before.id).filter(webhooks::version.eq(before.version)))
                .execute(conn)?;
            if_match.applied(rows)?;
            record(conn, &caller.actor, "delete", id, Some(&before_view), None::<&WebhookView>)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Send a test event
///
/// Queues a `webhook.test` event for this subscription only (active or not), to check that the
/// receiver gets it and verifies its signature. The delivery log shows how it went.
///
/// Roles: admin.
#[utoipa::path(
    tag = "webhooks",
    params(("webhook_id" = Uuid, Path, description = "Subscription id")),
    responses(
        (status = 202, description = "Queued", body = TestSent),
        (status = 404, response = error::NotFound),
    )
)]
#[post("/webhooks/{webhook_id}/test")]
pub async fn test_webhook(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::manage_webhooks(&caller.principal)?;
    let id = path.into_inner();
    let sent = state
        .write(move |conn| {
            let hook = load(conn, id, false)?;
            let data = outbox::TestEventData {
                webhook_id: hook.id.0,
                message: "Shinchoku からのテスト送信です。".into(),
            };
            let event_id = outbox::emit(conn, EventType::WebhookTest, None, &data, Some(hook.id.0))?;
            let delivery_id: DbUuid = webhook_deliveries::table
                .filter(webhook_deliveries::event_id.eq(DbUuid(event_id)))
                .select(webhook_deliveries::id)
                .first(conn)?;
            audit::record(
                conn,
                &caller.actor,
                Change::<Nothing, _> {
                    action: "test",
                    entity_type: "webhook",
                    entity_id: id,
                    plan_id: None,
                    before: None,
                    after: Some(&serde_json::json!({"event_id": event_id})),
                },
            )?;
            Ok(TestSent { event_id, delivery_id: delivery_id.0 })
        })
        .await?;
    Ok(HttpResponse::Accepted().json(sent))
}
