//! The transactional outbox (docs/notifications.md): an event worth telling is written in the
//! transaction of the change that causes it, with a delivery row for every active webhook
//! subscription it concerns. Nothing is sent from inside a request: the delivery worker sends
//! what is due, so a change rolled back tells no one, and a change made is never left untold.

use diesel::prelude::*;
use serde::Serialize;
use uuid::Uuid;

use crate::db::schema::{mail_items, outbox_events, user_departments, users, webhook_deliveries, webhooks};
use crate::db::{now, DbConnection, DbUuid};
use crate::domain::webhooks::EventType;
use crate::error::ApiResult;

/// A report as events tell of it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReportEventData {
    pub plan_id: Uuid,
    pub initiative_id: Uuid,
    /// As printed (`null` when the source printed none).
    #[schema(example = "9")]
    pub initiative_code: Option<String>,
    #[schema(example = "保健福祉ガイドブックの発行")]
    pub initiative_title: String,
    pub report_id: Uuid,
    #[schema(example = 2023)]
    pub fiscal_year: i32,
    #[schema(example = "令和5年度")]
    pub fiscal_year_label: String,
    /// The state after the change.
    #[schema(example = "returned")]
    pub workflow_state: String,
    #[schema(example = 1)]
    pub edition: i32,
    /// `report.returned`: why.
    #[schema(example = "成果の数値を追記してください")]
    pub return_reason: Option<String>,
    /// `comment.created`: the comment.
    pub comment_id: Option<Uuid>,
}

/// A plan as events tell of it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PlanEventData {
    pub plan_id: Uuid,
    #[schema(example = "白井市第2次地域福祉計画")]
    pub title: String,
    #[schema(example = "白井市")]
    pub organization: String,
    #[schema(example = 2020)]
    pub start_fy: i32,
    #[schema(example = 2024)]
    pub end_fy: i32,
}

impl PlanEventData {
    pub fn of(plan: &crate::models::plans::Plan) -> PlanEventData {
        PlanEventData {
            plan_id: plan.id.0,
            title: plan.title.clone(),
            organization: plan.organization.clone(),
            start_fy: plan.start_fy,
            end_fy: plan.end_fy,
        }
    }
}

/// Tells that `plan` became public when it did: written `published` now and not `before`
/// (`None`: a new plan).
pub fn plan_published(
    conn: &mut DbConnection,
    before: Option<&crate::models::plans::Plan>,
    plan: &crate::models::plans::Plan,
) -> ApiResult<()> {
    let published = |p: &crate::models::plans::Plan| p.status == crate::domain::enums::PlanStatus::Published.as_str();
    if published(plan) && !before.is_some_and(published) {
        emit(conn, EventType::PlanPublished, Some(plan.id.0), &PlanEventData::of(plan), None)?;
    }
    Ok(())
}

/// What a receiver gets: the Standard Webhooks body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EventBody<T: Serialize> {
    #[serde(rename = "type")]
    #[schema(value_type = String, example = "report.returned")]
    pub event_type: EventType,
    /// When it happened (RFC 3339, UTC).
    pub timestamp: chrono::DateTime<chrono::Utc>,
    pub data: T,
}

/// The body of `report.*` and `comment.created` events (for the OpenAPI document's `webhooks`).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReportEvent {
    #[serde(rename = "type")]
    #[schema(example = "report.returned")]
    pub event_type: EventType,
    pub timestamp: chrono::DateTime<chrono::Utc>,
    pub data: ReportEventData,
}

/// The body of `plan.published` events.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PlanEvent {
    #[serde(rename = "type")]
    #[schema(example = "plan.published")]
    pub event_type: EventType,
    pub timestamp: chrono::DateTime<chrono::Utc>,
    pub data: PlanEventData,
}

/// What a `webhook.test` event says.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TestEventData {
    pub webhook_id: Uuid,
    #[schema(example = "Shinchoku からのテスト送信です。")]
    pub message: String,
}

/// The body of `webhook.test` events.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TestEvent {
    #[serde(rename = "type")]
    #[schema(example = "webhook.test")]
    pub event_type: EventType,
    pub timestamp: chrono::DateTime<chrono::Utc>,
    pub data: TestEventData,
}

/// The schema of an event type's body, by name, and what it tells.
pub fn documented(event_type: EventType) -> Option<(&'static str, &'static str)> {
    Some(match event_type {
        EventType::ReportSubmitted => ("ReportEvent", "A department handed its report in for review."),
        EventType::ReportReturned => {
            ("ReportEvent", "The committee or the secretariat sent a report back; `return_reason` says why.")
        }
        EventType::ReportReviewed => ("ReportEvent", "The committee marked a report reviewed."),
        EventType::ReportPublished => {
            ("ReportEvent", "A report (or a new edition of it) is public: the portal's cue to refresh.")
        }
        EventType::ReportCorrected => {
            ("ReportEvent", "A published report was opened for a correction (a new edition in preparation).")
        }
        EventType::CommentCreated => ("ReportEvent", "A comment on a report; `comment_id` names it."),
        EventType::PlanPublished => ("PlanEvent", "A plan became public."),
        EventType::WebhookTest => {
            ("TestEvent", "Sent by `POST /api/v1/webhooks/{webhook_id}/test` to that subscription only.")
        }
        EventType::ReportDueSoon => ("DueEvent", "A year's report not handed in is due within the reminder days (the daily due-date pass; once per report and due date)."),
        EventType::ReportOverdue => ("DueEvent", "A year's report not handed in passed its due date (once per report and due date)."),
        EventType::QuarterDueSoon => ("DueEvent", "A quarter without its mark is due within the reminder days."),
        EventType::QuarterOverdue => ("DueEvent", "A quarter without its mark passed its due date."),
    })
}

/// Writes an event (in the caller's transaction) with a delivery for each active subscription
/// to its type and plan, or only for `to` when given. Returns the event's id, which receivers
/// get as `webhook-id`.
pub fn emit<T: Serialize>(
    conn: &mut DbConnection,
    event_type: EventType,
    plan_id: Option<Uuid>,
    data: &T,
    to: Option<Uuid>,
) -> ApiResult<Uuid> {
    let id = Uuid::now_v7();
    let at = now();
    let body = EventBody { event_type, timestamp: crate::db::utc(at), data };
    diesel::insert_into(outbox_events::table)
        .values((
            outbox_events::id.eq(DbUuid(id)),
            outbox_events::event_type.eq(event_type.as_str()),
            outbox_events::plan_id.eq(plan_id.map(DbUuid)),
            outbox_events::occurred_at.eq(at),
            outbox_events::payload.eq(serde_json::to_string(&body)?),
        ))
        .execute(conn)?;
    let mut query = webhooks::table.into_boxed();
    query = match to {
        Some(to) => query.filter(webhooks::id.eq(DbUuid(to))),
        None => query.filter(webhooks::active.eq(true)),
    };
    let subscribed: Vec<(DbUuid, String, Option<DbUuid>)> =
        query.select((webhooks::id, webhooks::events, webhooks::plan_id)).load(conn)?;
    let rows: Vec<_> = subscribed
        .into_iter()
        .filter(|(_, _, plan)| to.is_some() || plan.is_none() || plan.map(|p| p.0) == plan_id)
        .filter(|(_, events, _)| {
            to.is_some()
                || serde_json::from_str::<Vec<String>>(events).is_ok_and(|e| e.iter().any(|t| t == event_type.as_str()))
        })
        .map(|(webhook, _, _)| {
            (
                webhook_deliveries::id.eq(DbUuid(Uuid::now_v7())),
                webhook_deliveries::webhook_id.eq(webhook),
                webhook_deliveries::event_id.eq(DbUuid(id)),
                webhook_deliveries::status.eq("pending"),
                webhook_deliveries::attempts.eq(0),
                webhook_deliveries::next_attempt_at.eq(at),
                webhook_deliveries::created_at.eq(at),
            )
        })
        .collect();
    if !rows.is_empty() {
        crate::per_backend!(conn, |c| diesel::insert_into(webhook_deliveries::table).values(&rows).execute(c))?;
    }
    Ok(id)
}

/// Who is told of an event by mail.
pub enum Audience<'a> {
    /// The users (department and council roles) of these departments.
    Departments(&'a [Uuid]),
    /// The committee's users.
    Committee,
}

/// What a mail item is: a notice (gathered per user over a short delay) or a reminder (the
/// daily digest; users may opt out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    Notice,
    Reminder,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MailKind::Notice => "notice",
            MailKind::Reminder => "reminder",
        }
    }
}

/// Queues mail of event `event` for its audience (in the caller's transaction): one row per
/// active user with an e-mail address (for reminders: who has not opted out). The mail worker
/// sends each user's rows together.
pub fn mail_to(conn: &mut DbConnection, event: Uuid, kind: MailKind, audience: Audience<'_>) -> ApiResult<usize> {
    // The roles as stored (`web::auth::Role`, a layer above).
    const DEPARTMENT_ROLES: [&str; 2] = ["department", "council"];
    const COMMITTEE: &str = "committee";
    let mut query = users::table
        .filter(users::active.eq(true))
        .filter(users::email.is_not_null())
        .select(users::id)
        .distinct()
        .into_boxed();
    if kind == MailKind::Reminder {
        query = query.filter(users::email_reminders.eq(true));
    }
    query = match audience {
        Audience::Departments(departments) => {
            let ids: Vec<DbUuid> = departments.iter().copied().map(DbUuid).collect();
            query.filter(users::role.eq_any(DEPARTMENT_ROLES)).filter(
                users::id.eq_any(
                    user_departments::table
                        .filter(user_departments::department_id.eq_any(ids))
                        .select(user_departments::user_id),
                ),
            )
        }
        Audience::Committee => query.filter(users::role.eq(COMMITTEE)),
    };
    let recipients: Vec<DbUuid> = query.load(conn)?;
    let at = now();
    let rows: Vec<_> = recipients
        .into_iter()
        .map(|user| {
            (
                mail_items::id.eq(DbUuid(Uuid::now_v7())),
                mail_items::user_id.eq(user),
                mail_items::event_id.eq(DbUuid(event)),
                mail_items::kind.eq(kind.as_str()),
                mail_items::created_at.eq(at),
                mail_items::send_after.eq(at),
                mail_items::attempts.eq(0),
            )
        })
        .collect();
    if rows.is_empty() {
        return Ok(0);
    }
    Ok(crate::per_backend!(conn, |c| diesel::insert_into(mail_items::table).values(&rows).execute(c))?)
}
