//! The audit trail: every write appends one event inside its own transaction.

use diesel::prelude::*;
use serde::Serialize;

use crate::db::bulk::{self, Kind};
use crate::db::schema::{audit_events, plans};
use crate::db::{now, DbConnection, DbUuid};
use crate::error::ApiResult;

#[derive(Insertable)]
#[diesel(table_name = audit_events, treat_none_as_default_value = false)]
struct NewAuditEvent {
    id: DbUuid,
    occurred_at: chrono::NaiveDateTime,
    actor_id: Option<DbUuid>,
    token_id: Option<DbUuid>,
    action: String,
    entity_type: &'static str,
    entity_id: DbUuid,
    plan_id: Option<DbUuid>,
    request_id: Option<String>,
    before_state: Option<String>,
    after_state: Option<String>,
    revision_id: Option<DbUuid>,
}

/// What was written: `action` is `create`, `update`, `delete`, `move` or `import`.
pub struct Change<'a, B: Serialize, A: Serialize> {
    pub action: &'a str,
    pub entity_type: &'static str,
    pub entity_id: uuid::Uuid,
    pub plan_id: Option<uuid::Uuid>,
    pub before: Option<&'a B>,
    pub after: Option<&'a A>,
}

/// Appends the audit event and, for plan data, bumps the plan's data version
/// (read caches key on it, so a read after a write is never stale).
pub fn record<B: Serialize, A: Serialize>(
    conn: &mut DbConnection,
    actor: &Actor,
    change: Change<'_, B, A>,
) -> ApiResult<()> {
    let event = NewAuditEvent {
        id: DbUuid(uuid::Uuid::now_v7()),
        occurred_at: now(),
        actor_id: actor.user_id.map(DbUuid),
        token_id: actor.token_id.map(DbUuid),
        action: change.action.to_string(),
        entity_type: change.entity_type,
        entity_id: DbUuid(change.entity_id),
        plan_id: change.plan_id.map(DbUuid),
        request_id: actor.request_id.clone(),
        before_state: change.before.map(serde_json::to_string).transpose()?,
        after_state: change.after.map(serde_json::to_string).transpose()?,
        revision_id: None,
    };
    diesel::insert_into(audit_events::table).values(&event).execute(conn)?;
    if let Some(plan_id) = change.plan_id {
        bump_data_version(conn, plan_id)?;
    }
    Ok(())
}

/// One event of a report write in a set written together ([`record_all`]); the state before is
/// JSON text.
pub struct Event {
    pub action: &'static str,
    pub entity_type: &'static str,
    pub entity_id: uuid::Uuid,
    pub before_state: Option<String>,
    /// The report revision the same write made (in the same transaction): its snapshot is the
    /// entity after the write, so the event refers to it instead of keeping a second copy. The
    /// audit trail reads it through the reference; a trigger copies it into the event if the
    /// revision goes with its report (migration `audit_after_by_revision`).
    pub after_revision: uuid::Uuid,
}

const EVENT_COLUMNS: bulk::Columns = bulk::Columns {
    table: "audit_events",
    columns: &[
        ("id", Kind::Uuid),
        ("occurred_at", Kind::Timestamp),
        ("actor_id", Kind::Uuid),
        ("token_id", Kind::Uuid),
        ("action", Kind::Text),
        ("entity_type", Kind::Text),
        ("entity_id", Kind::Uuid),
        ("plan_id", Kind::Uuid),
        ("request_id", Kind::Text),
        ("before_state", Kind::Text),
        ("after_state", Kind::Text),
        ("revision_id", Kind::Uuid),
    ],
};

/// Appends the events of one write to a plan's data in one statement (`COPY` on PostgreSQL),
/// and bumps the plan's data version once (what [`record`] does per event).
pub fn record_all(conn: &mut DbConnection, actor: &Actor, plan_id: uuid::Uuid, events: Vec<Event>) -> ApiResult<()> {
    if events.is_empty() {
        return Ok(());
    }
    let occurred_at = now();
    let rows: Vec<NewAuditEvent> = events
        .into_iter()
        .map(|e| NewAuditEvent {
            id: DbUuid(uuid::Uuid::now_v7()),
            occurred_at,
            actor_id: actor.user_id.map(DbUuid),
            token_id: actor.token_id.map(DbUuid),
            action: e.action.to_string(),
            entity_type: e.entity_type,
            entity_id: DbUuid(e.entity_id),
            plan_id: Some(DbUuid(plan_id)),
            request_id: actor.request_id.clone(),
            before_state: e.before_state,
            after_state: None,
            revision_id: Some(DbUuid(e.after_revision)),
        })
        .collect();
    match conn {
        DbConnection::Pg(c) => {
            diesel::copy_from(audit_events::table).from_insertable(&rows).execute(c)?;
        }
        _ => {
            let mut json = bulk::Rows::default();
            for e in &rows {
                json.row()
                    .uuid(e.id)
                    .timestamp(e.occurred_at)
                    .opt_uuid(e.actor_id)
                    .opt_uuid(e.token_id)
                    .text(Some(&e.action))
                    .text(Some(e.entity_type))
                    .uuid(e.entity_id)
                    .opt_uuid(e.plan_id)
                    .text(e.request_id.as_deref())
                    .text(e.before_state.as_deref())
                    .text(e.after_state.as_deref())
                    .opt_uuid(e.revision_id);
            }
            bulk::insert(conn, &EVENT_COLUMNS, json)?;
        }
    }
    bump_data_version(conn, plan_id)
}

fn bump_data_version(conn: &mut DbConnection, plan_id: uuid::Uuid) -> ApiResult<()> {
    crate::db::touched::plan(plan_id);
    diesel::update(plans::table.find(DbUuid(plan_id)))
        .set(plans::data_version.eq(plans::data_version + 1))
        .execute(conn)?;
    Ok(())
}

/// Bumps the data version of every plan that shows a department (its initiatives' responsible
/// departments, its owner), so that their cached summaries are not served with an old name.
/// Called before the department's row is locked: plan rows first, one at a time in id order,
/// is the order every plan writer takes its locks in, so a rename never deadlocks with them.
pub fn bump_plans_showing_department(conn: &mut DbConnection, department_id: uuid::Uuid) -> ApiResult<()> {
    use crate::db::schema::{initiative_departments, initiatives};
    let department = DbUuid(department_id);
    let shown_in: Vec<DbUuid> = plans::table
        .filter(
            plans::id
                .eq_any(
                    initiatives::table
                        .inner_join(initiative_departments::table)
                        .filter(initiative_departments::department_id.eq(department))
                        .select(initiatives::plan_id),
                )
                .or(plans::owner_department_id.eq(department)),
        )
        .order(plans::id)
        .select(plans::id)
        .load(conn)?;
    for plan in shown_in {
        bump_data_version(conn, plan.0)?;
    }
    Ok(())
}

/// Whether a write would change nothing a client can see: both states are equal but for the
/// version, the timestamps and the plan's data version. Such a write is a no-op: no new
/// version, no audit event, the unchanged ETag.
pub fn unchanged<B: Serialize, A: Serialize>(before: &B, after: &A) -> ApiResult<bool> {
    fn strip(value: serde_json::Value) -> serde_json::Value {
        match value {
            serde_json::Value::Object(mut map) => {
                for volatile in ["version", "updated_at", "data_version"] {
                    map.remove(volatile);
                }
                serde_json::Value::Object(map)
            }
            other => other,
        }
    }
    Ok(strip(serde_json::to_value(before)?) == strip(serde_json::to_value(after)?))
}

/// Placeholder type for the empty side of a change.
pub type Nothing = ();

/// Who is acting and under which request: carried into every audit event
/// (from [`crate::web::auth::Caller`]; empty for start-up work such as loading the demo data).
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub user_id: Option<uuid::Uuid>,
    pub token_id: Option<uuid::Uuid>,
    pub request_id: Option<String>,
}
