//! The multi-row statements of the write path: reports, quarters and values inserted or updated
//! (each update conditional on the version read), and the revisions, each in one statement
//! whatever the number of rows: `COPY` (binary) for inserts on PostgreSQL, one JSON array
//! ([`crate::db::bulk`]) for inserts on SQLite and for updates on both.

use diesel::prelude::*;

use super::parallel;
use crate::db::bulk::{self, Columns, Kind, Rows};
use crate::db::schema::{annual_reports, indicator_values, quarter_updates, report_revisions};
use crate::db::{DbConnection, DbUuid};
use crate::error::ApiResult;
use crate::models::audit::Actor;
use crate::models::indicators::IndicatorValue;
use crate::models::reports::{Quarter, Report};

const REPORT_INSERT: Columns = Columns {
    table: "annual_reports",
    columns: &[
        ("id", Kind::Uuid),
        ("initiative_id", Kind::Uuid),
        ("fiscal_year", Kind::Int),
        ("category", Kind::Text),
        ("plan_text", Kind::Text),
        ("result_text", Kind::Text),
        ("issues_text", Kind::Text),
        ("next_steps_text", Kind::Text),
        ("previous_year_result_text", Kind::Text),
        ("progress_status", Kind::Text),
        ("self_rating", Kind::Text),
        ("committee_rating", Kind::Text),
        ("committee_opinion", Kind::Text),
        ("workflow_state", Kind::Text),
        ("revision", Kind::Int),
        ("version", Kind::Int),
        ("created_at", Kind::Timestamp),
        ("updated_at", Kind::Timestamp),
        ("updated_by", Kind::Uuid),
        ("return_reason", Kind::Text),
        ("published_snapshot", Kind::Text),
        ("published_at", Kind::Timestamp),
    ],
};

/// What a write changes of a report: its content, state and authorship (never its edition,
/// publication or return reason, which the workflow transitions write).
const REPORT_UPDATE: Columns = Columns {
    table: "annual_reports",
    columns: &[
        ("id", Kind::Uuid),
        ("version", Kind::Int),
        ("category", Kind::Text),
        ("plan_text", Kind::Text),
        ("result_text", Kind::Text),
        ("issues_text", Kind::Text),
        ("next_steps_text", Kind::Text),
        ("previous_year_result_text", Kind::Text),
        ("progress_status", Kind::Text),
        ("self_rating", Kind::Text),
        ("committee_rating", Kind::Text),
        ("committee_opinion", Kind::Text),
        ("workflow_state", Kind::Text),
        ("updated_at", Kind::Timestamp),
        ("updated_by", Kind::Uuid),
    ],
};

const QUARTER_INSERT: Columns = Columns {
    table: "quarter_updates",
    columns: &[
        ("id", Kind::Uuid),
        ("report_id", Kind::Uuid),
        ("quarter", Kind::Int),
        ("plan_text", Kind::Text),
        ("result_text", Kind::Text),
        ("mark", Kind::Text),
        ("version", Kind::Int),
        ("created_at", Kind::Timestamp),
        ("updated_at", Kind::Timestamp),
    ],
};

const QUARTER_UPDATE: Columns = Columns {
    table: "quarter_updates",
    columns: &[
        ("id", Kind::Uuid),
        ("version", Kind::Int),
        ("plan_text", Kind::Text),
        ("result_text", Kind::Text),
        ("mark", Kind::Text),
        ("updated_at", Kind::Timestamp),
    ],
};

const VALUE_INSERT: Columns = Columns {
    table: "indicator_values",
    columns: &[
        ("id", Kind::Uuid),
        ("indicator_id", Kind::Uuid),
        ("fiscal_year", Kind::Int),
        ("target", Kind::Float),
        ("actual", Kind::Float),
        ("raw", Kind::Text),
        ("version", Kind::Int),
        ("created_at", Kind::Timestamp),
        ("updated_at", Kind::Timestamp),
    ],
};

const VALUE_UPDATE: Columns = Columns {
    table: "indicator_values",
    columns: &[
        ("id", Kind::Uuid),
        ("version", Kind::Int),
        ("target", Kind::Float),
        ("actual", Kind::Float),
        ("raw", Kind::Text),
        ("updated_at", Kind::Timestamp),
    ],
};

const REVISION_INSERT: Columns = Columns {
    table: "report_revisions",
    columns: &[
        ("id", Kind::Uuid),
        ("report_id", Kind::Uuid),
        ("number", Kind::Int),
        ("edition", Kind::Int),
        ("workflow_state", Kind::Text),
        ("action", Kind::Text),
        ("changed_fields", Kind::Text),
        ("actor_id", Kind::Uuid),
        ("token_id", Kind::Uuid),
        ("occurred_at", Kind::Timestamp),
        ("snapshot", Kind::Text),
    ],
};

/// A revision as stored: the report as it then was (`snapshot`, JSON), with the fields the
/// change touched.
#[derive(Insertable)]
#[diesel(table_name = report_revisions, treat_none_as_default_value = false)]
pub struct RevisionRow {
    pub id: DbUuid,
    pub report_id: DbUuid,
    pub number: i32,
    pub edition: i32,
    pub workflow_state: String,
    pub action: String,
    pub changed_fields: String,
    pub actor_id: Option<DbUuid>,
    pub token_id: Option<DbUuid>,
    pub occurred_at: chrono::NaiveDateTime,
    pub snapshot: String,
}

impl RevisionRow {
    /// Revision `report.version` of `report`: `snapshot` is its view (JSON), written by `actor`
    /// at `occurred_at`, changing `changed_fields`.
    pub fn of(
        report: &Report,
        action: &str,
        changed_fields: &[String],
        actor: &Actor,
        occurred_at: chrono::NaiveDateTime,
        snapshot: String,
    ) -> ApiResult<RevisionRow> {
        Ok(RevisionRow {
            id: DbUuid(uuid::Uuid::now_v7()),
            report_id: report.id,
            number: report.version,
            edition: report.revision,
            workflow_state: report.workflow_state.clone(),
            action: action.to_string(),
            changed_fields: serde_json::to_string(changed_fields)?,
            actor_id: actor.user_id.map(DbUuid),
            token_id: actor.token_id.map(DbUuid),
            occurred_at,
            snapshot,
        })
    }
}

/// The rows of a set of decisions, collected for one statement per kind: inserts as rows (sent
/// by `COPY` on PostgreSQL, as one JSON array on SQLite), conditional updates as JSON arrays.
#[derive(Default)]
pub struct Batch {
    report_inserts: Vec<Report>,
    quarter_inserts: Vec<Quarter>,
    value_inserts: Vec<IndicatorValue>,
    revisions: Vec<RevisionRow>,
    report_updates: Rows,
    quarter_updates: Rows,
    value_updates: Rows,
}

impl Batch {
    pub fn insert_report(&mut self, r: Report) {
        self.report_inserts.push(r);
    }

    /// `r` is the report after the change: the update is conditional on the version before it.
    pub fn update_report(&mut self, r: &Report) {
        self.report_updates
            .row()
            .uuid(r.id)
            .int(r.version - 1)
            .text(r.category.as_deref())
            .text(r.plan_text.as_deref())
            .text(r.result_text.as_deref())
            .text(r.issues_text.as_deref())
            .text(r.next_steps_text.as_deref())
            .text(r.previous_year_result_text.as_deref())
            .text(r.progress_status.as_deref())
            .text(r.self_rating.as_deref())
            .text(r.committee_rating.as_deref())
            .text(r.committee_opinion.as_deref())
            .text(Some(&r.workflow_state))
            .timestamp(r.updated_at)
            .opt_uuid(r.updated_by);
    }

    pub fn insert_quarter(&mut self, q: Quarter) {
        self.quarter_inserts.push(q);
    }

    pub fn update_quarter(&mut self, q: &Quarter) {
        self.quarter_updates
            .row()
            .uuid(q.id)
            .int(q.version - 1)
            .text(q.plan_text.as_deref())
            .text(q.result_text.as_deref())
            .text(q.mark.as_deref())
            .timestamp(q.updated_at);
    }

    pub fn insert_value(&mut self, v: IndicatorValue) {
        self.value_inserts.push(v);
    }

    pub fn update_value(&mut self, v: &IndicatorValue) {
        self.value_updates
            .row()
            .uuid(v.id)
            .int(v.version - 1)
            .float(v.target)
            .float(v.actual)
            .text(v.raw.as_deref())
            .timestamp(v.updated_at);
    }

    pub fn revision(&mut self, revision: RevisionRow) {
        self.revisions.push(revision);
    }

    /// Writes every row, one statement per kind. Returns whether every conditional update found
    /// the version it was decided on (else a concurrent writer got there first: roll back).
    pub fn write(self, conn: &mut DbConnection) -> ApiResult<bool> {
        let Batch {
            report_inserts,
            quarter_inserts,
            value_inserts,
            revisions,
            report_updates,
            quarter_updates,
            value_updates,
        } = self;
        let expected = report_updates.count() + quarter_updates.count() + value_updates.count();
        let copy = matches!(conn, DbConnection::Pg(_))
            && report_inserts.len().max(quarter_inserts.len()).max(value_inserts.len()).max(revisions.len())
                >= bulk::COPY_ROWS;
        // Every row but the revisions first. Where the revisions go as one array (not `COPY`),
        // their rows (their snapshots: 16 MB for 10,000 reports) are put together meanwhile, on
        // another core for a large set.
        let apart = !copy && revisions.len() >= parallel::MIN_PER_THREAD;
        let (revision_rows, matched) = parallel::beside(
            apart,
            || (!copy).then(|| revision_rows(&revisions)),
            || -> QueryResult<usize> {
                match &mut *conn {
                    DbConnection::Pg(c) if copy => {
                        if !report_inserts.is_empty() {
                            diesel::copy_from(annual_reports::table).from_insertable(&report_inserts).execute(c)?;
                        }
                        if !quarter_inserts.is_empty() {
                            diesel::copy_from(quarter_updates::table).from_insertable(&quarter_inserts).execute(c)?;
                        }
                        if !value_inserts.is_empty() {
                            diesel::copy_from(indicator_values::table).from_insertable(&value_inserts).execute(c)?;
                        }
                    }
                    conn => {
                        bulk::insert(conn, &REPORT_INSERT, report_rows(&report_inserts))?;
                        bulk::insert(conn, &QUARTER_INSERT, quarter_rows(&quarter_inserts))?;
                        bulk::insert(conn, &VALUE_INSERT, value_rows(&value_inserts))?;
                    }
                }
                let mut matched = bulk::update_versioned(conn, &REPORT_UPDATE, report_updates)?;
                matched += bulk::update_versioned(conn, &QUARTER_UPDATE, quarter_updates)?;
                matched += bulk::update_versioned(conn, &VALUE_UPDATE, value_updates)?;
                Ok(matched)
            },
        );
        let matched = matched?;
        match (revision_rows, &mut *conn) {
            (Some(rows), conn) => {
                bulk::insert(conn, &REVISION_INSERT, rows)?;
            }
            (None, DbConnection::Pg(c)) if !revisions.is_empty() => {
                diesel::copy_from(report_revisions::table).from_insertable(&revisions).execute(c)?;
            }
            (None, _) => {}
        }
        Ok(matched == expected)
    }
}

fn report_rows(reports: &[Report]) -> Rows {
    let mut rows = Rows::default();
    for r in reports {
        rows.row()
            .uuid(r.id)
            .uuid(r.initiative_id)
            .int(r.fiscal_year)
            .text(r.category.as_deref())
            .text(r.plan_text.as_deref())
            .text(r.result_text.as_deref())
            .text(r.issues_text.as_deref())
            .text(r.next_steps_text.as_deref())
            .text(r.previous_year_result_text.as_deref())
            .text(r.progress_status.as_deref())
            .text(r.self_rating.as_deref())
            .text(r.committee_rating.as_deref())
            .text(r.committee_opinion.as_deref())
            .text(Some(&r.workflow_state))
            .int(r.revision)
            .int(r.version)
            .timestamp(r.created_at)
            .timestamp(r.updated_at)
            .opt_uuid(r.updated_by)
            .text(r.return_reason.as_deref())
            .text(r.published_snapshot.as_deref())
            .opt_timestamp(r.published_at);
    }
    rows
}

fn quarter_rows(quarters: &[Quarter]) -> Rows {
    let mut rows = Rows::default();
    for q in quarters {
        rows.row()
            .uuid(q.id)
            .uuid(q.report_id)
            .int(q.quarter)
            .text(q.plan_text.as_deref())
            .text(q.result_text.as_deref())
            .text(q.mark.as_deref())
            .int(q.version)
            .timestamp(q.created_at)
            .timestamp(q.updated_at);
    }
    rows
}

fn value_rows(values: &[IndicatorValue]) -> Rows {
    let mut rows = Rows::default();
    for v in values {
        rows.row()
            .uuid(v.id)
            .uuid(v.indicator_id)
            .int(v.fiscal_year)
            .float(v.target)
            .float(v.actual)
            .text(v.raw.as_deref())
            .int(v.version)
            .timestamp(v.created_at)
            .timestamp(v.updated_at);
    }
    rows
}

fn revision_rows(revisions: &[RevisionRow]) -> Rows {
    let mut rows = Rows::default();
    for r in revisions {
        rows.row()
            .uuid(r.id)
            .uuid(r.report_id)
            .int(r.number)
            .int(r.edition)
            .text(Some(&r.workflow_state))
            .text(Some(&r.action))
            .text(Some(&r.changed_fields))
            .opt_uuid(r.actor_id)
            .opt_uuid(r.token_id)
            .timestamp(r.occurred_at)
            .text(Some(&r.snapshot));
    }
    rows
}
