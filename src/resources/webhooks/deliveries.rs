//! A subscription's delivery log: each event's delivery with every attempt.

use actix_web::{get, web};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::db::schema::{outbox_events, webhook_attempts, webhook_deliveries, webhooks};
use crate::db::{utc, DbUuid};
use crate::error::{self, ApiError, ApiResult};
use crate::web::auth::Principal;
use crate::web::http::{self, finish_page, PageParams};
use crate::web::policy;
use crate::web::state::AppState;

crate::text_enum! {
    /// Where a delivery stands.
    DeliveryStatus {
        /// Waiting for its (next) attempt.
        Pending => "pending", "送信待ち";
        /// The receiver answered 2xx.
        Delivered => "delivered", "送信済み";
        /// Every attempt failed (or the subscription was deactivated).
        Failed => "failed", "失敗";
    }
}

/// One event's delivery to one subscription.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryView {
    pub id: Uuid,
    /// The `webhook-id` the receiver gets (the same on every attempt).
    pub event_id: Uuid,
    #[schema(value_type = String, example = "report.published")]
    pub event_type: String,
    pub status: DeliveryStatus,
    #[schema(example = "送信済み")]
    pub status_label: String,
    #[schema(example = 1)]
    pub attempts: i32,
    /// When the next attempt is due (pending deliveries).
    pub next_attempt_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The receiver's last HTTP status.
    #[schema(example = 200)]
    pub last_status: Option<i32>,
    /// What went wrong last (a short prefix of the answer, or the connection's error).
    pub last_error: Option<String>,
    pub last_attempt_at: Option<chrono::DateTime<chrono::Utc>>,
    pub delivered_at: Option<chrono::DateTime<chrono::Utc>>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Every attempt, oldest first.
    pub history: Vec<AttemptView>,
}

/// One attempt of a delivery.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttemptView {
    pub attempted_at: chrono::DateTime<chrono::Utc>,
    /// The receiver's HTTP status (`null`: no answer).
    #[schema(example = 503)]
    pub status: Option<i32>,
    /// A short prefix of the answer, or why there was none.
    #[schema(example = "HTTP 503: busy")]
    pub error: Option<String>,
    #[schema(example = 84)]
    pub duration_ms: i32,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryFilter {
    /// Only deliveries in this state.
    pub status: Option<DeliveryStatus>,
}

crate::list_type!(DeliveryList, DeliveryView);

/// List a subscription's deliveries
///
/// Newest first: each event's delivery with its attempts, the receiver's last status and error,
/// and when it was delivered or is tried next.
///
/// Roles: admin.
#[utoipa::path(
    tag = "webhooks",
    params(("webhook_id" = Uuid, Path, description = "Subscription id"), DeliveryFilter, PageParams),
    responses(
        (status = 200, description = "One page of deliveries", body = DeliveryList),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/webhooks/{webhook_id}/deliveries")]
pub async fn list_webhook_deliveries(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    filter: http::Query<DeliveryFilter>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<DeliveryList>> {
    policy::manage_webhooks(&principal)?;
    let id = path.into_inner();
    let page = page.validate()?;
    let filter = filter.into_inner();
    let list = state
        .db(move |conn| {
            if webhooks::table.find(DbUuid(id)).count().get_result::<i64>(conn)? == 0 {
                return Err(ApiError::not_found("webhook"));
            }
            let mut query = webhook_deliveries::table
                .inner_join(outbox_events::table)
                .filter(webhook_deliveries::webhook_id.eq(DbUuid(id)))
                .into_boxed();
            if let Some(status) = filter.status {
                query = query.filter(webhook_deliveries::status.eq(status.as_str()));
            }
            if let Some((_, after)) = &page.after {
                let after =
                    Uuid::parse_str(after).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?;
                query = query.filter(webhook_deliveries::id.lt(DbUuid(after)));
            }
            type Row = (DbUuid, DbUuid, String, String, i32, chrono::NaiveDateTime, Option<i32>, Option<String>);
            type Times = (Option<chrono::NaiveDateTime>, Option<chrono::NaiveDateTime>, chrono::NaiveDateTime);
            let rows: Vec<(Row, Times)> = query
                .order(webhook_deliveries::id.desc())
                .limit(page.limit + 1)
                .select((
                    (
                        webhook_deliveries::id,
                        webhook_deliveries::event_id,
                        outbox_events::event_type,
                        webhook_deliveries::status,
                        webhook_deliveries::attempts,
                        webhook_deliveries::next_attempt_at,
                        webhook_deliveries::last_status,
                        webhook_deliveries::last_error,
                    ),
                    (
                        webhook_deliveries::last_attempt_at,
                        webhook_deliveries::delivered_at,
                        webhook_deliveries::created_at,
                    ),
                ))
                .load(conn)?;
            let (rows, next_cursor) =
                finish_page(rows, page.limit, |r: &(Row, Times)| (String::new(), r.0 .0.to_string()));
            let ids: Vec<DbUuid> = rows.iter().map(|r| r.0 .0).collect();
            let mut history: std::collections::HashMap<DbUuid, Vec<AttemptView>> = std::collections::HashMap::new();
            for (delivery, attempted_at, status, error, duration_ms) in webhook_attempts::table
                .filter(webhook_attempts::delivery_id.eq_any(&ids))
                .order((webhook_attempts::delivery_id, webhook_attempts::attempted_at, webhook_attempts::id))
                .select((
                    webhook_attempts::delivery_id,
                    webhook_attempts::attempted_at,
                    webhook_attempts::status,
                    webhook_attempts::error,
                    webhook_attempts::duration_ms,
                ))
                .load::<(DbUuid, chrono::NaiveDateTime, Option<i32>, Option<String>, i32)>(conn)?
            {
                history.entry(delivery).or_default().push(AttemptView {
                    attempted_at: utc(attempted_at),
                    status,
                    error,
                    duration_ms,
                });
            }
            let items = rows
                .into_iter()
                .map(
                    |(
                        (id, event, event_type, status, attempts, next, last_status, last_error),
                        (last_at, delivered, created),
                    )| {
                        let status = DeliveryStatus::from_db(&status)?;
                        Ok(DeliveryView {
                            id: id.0,
                            event_id: event.0,
                            event_type,
                            status,
                            status_label: status.label().to_string(),
                            attempts,
                            next_attempt_at: (status == DeliveryStatus::Pending).then(|| utc(next)),
                            last_status,
                            last_error,
                            last_attempt_at: last_at.map(utc),
                            delivered_at: delivered.map(utc),
                            created_at: utc(created),
                            history: history.remove(&id).unwrap_or_default(),
                        })
                    },
                )
                .collect::<ApiResult<Vec<_>>>()?;
            Ok(DeliveryList { items, next_cursor })
        })
        .await?;
    Ok(web::Json(list))
}
