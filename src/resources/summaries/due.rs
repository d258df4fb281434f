//! The due-date pass (docs/notifications.md): once a day, every report and quarter not handed in
//! whose due date is near or past becomes an event (`report.due_soon`, `report.overdue`,
//! `quarter.due_soon`, `quarter.overdue`), each once per item, due date and kind, however often
//! the pass runs and however many instances run it.

use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::department::{pending, PendingItem, PendingScope};
use crate::db::schema::{due_notices, plans};
use crate::db::{now, DbConnection, DbUuid};
use crate::domain::enums::PlanStatus;
use crate::domain::fiscal_year;
use crate::domain::webhooks::EventType;
use crate::error::ApiResult;
use crate::models::outbox;

/// The body of the due-date events.
#[derive(Debug, Serialize, ToSchema)]
pub struct DueEvent {
    #[serde(rename = "type")]
    #[schema(example = "report.due_soon")]
    pub event_type: EventType,
    pub timestamp: chrono::DateTime<chrono::Utc>,
    pub data: PendingItem,
}

/// What one pass told.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DuePass {
    pub due_soon: usize,
    pub overdue: usize,
    /// Items already told of before (not told again).
    pub already: usize,
}

/// Runs the pass for `today` (a day in Japan) in the caller's transaction: items of the fiscal
/// year `today` lies in and the one before, in every plan that is not archived.
pub fn notify_due(conn: &mut DbConnection, today: chrono::NaiveDate, within_days: i64) -> ApiResult<DuePass> {
    let current = fiscal_year::of_date(today);
    let open: Vec<(DbUuid, i32, i32)> = plans::table
        .filter(plans::status.ne(PlanStatus::Archived.as_str()))
        .order(plans::id)
        .select((plans::id, plans::start_fy, plans::end_fy))
        .load(conn)?;
    let mut pass = DuePass::default();
    for (plan, start, end) in open {
        for fy in [current - 1, current].into_iter().filter(|fy| (start..=end).contains(fy)) {
            for item in pending(conn, PendingScope::Plan(plan.0), fy, today)? {
                let Some(overdue) = fiscal_year::due_notice(item.due_on, today, within_days) else { continue };
                let event = match (item.quarter.is_some(), overdue) {
                    (false, false) => EventType::ReportDueSoon,
                    (false, true) => EventType::ReportOverdue,
                    (true, false) => EventType::QuarterDueSoon,
                    (true, true) => EventType::QuarterOverdue,
                };
                let key = format!("{}:{}:{}", item.initiative_id, item.fiscal_year, item.quarter.unwrap_or(0));
                // The row decides, in the database, whether this was told before.
                let inserted = crate::per_backend!(conn, |c| diesel::insert_into(due_notices::table)
                    .values((
                        due_notices::item.eq(&key),
                        due_notices::due_on.eq(item.due_on),
                        due_notices::kind.eq(event.as_str()),
                        due_notices::notified_at.eq(now()),
                    ))
                    .on_conflict_do_nothing()
                    .execute(c))?;
                if inserted == 0 {
                    pass.already += 1;
                    continue;
                }
                let id = outbox::emit(conn, event, Some(plan.0), &item, None)?;
                let departments: Vec<uuid::Uuid> = item.departments.iter().map(|d| d.id).collect();
                outbox::mail_to(conn, id, outbox::MailKind::Reminder, outbox::Audience::Departments(&departments))?;
                if overdue {
                    pass.overdue += 1;
                } else {
                    pass.due_soon += 1;
                }
            }
        }
    }
    Ok(pass)
}
