//! The multi-row statements of the write path: reports, quarters and values inserted or updated
//! (each update conditional on the version read), and the revisions, each in one statement
//! whatever the number of rows ([`crate::db::bulk`]).

use crate::db::bulk::{self, Columns, Kind, Rows};
use crate::db::DbConnection;
use crate::error::ApiResult;
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

/// Rows of one kind being collected for their statement.
#[derive(Default)]
pub struct Batch {
    report_inserts: Rows,
    report_updates: Rows,
    quarter_inserts: Rows,
    quarter_updates: Rows,
    value_inserts: Rows,
    value_updates: Rows,
    revisions: Rows,
}

/// One revision: the report as it now is (`snapshot`, JSON), with the fields the change touched.
pub struct Revision<'a> {
    pub report: &'a Report,
    pub action: &'a str,
    pub changed_fields: &'a [String],
    pub actor: &'a crate::models::audit::Actor,
    pub snapshot: &'a str,
}

impl Batch {
    pub fn insert_report(&mut self, r: &Report) {
        self.report_inserts
            .row()
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

    pub fn insert_quarter(&mut self, q: &Quarter) {
        self.quarter_inserts
            .row()
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

    pub fn insert_value(&mut self, v: &IndicatorValue) {
        self.value_inserts
            .row()
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

    pub fn revision(&mut self, r: Revision) -> ApiResult<()> {
        self.revisions
            .row()
            .uuid(uuid::Uuid::now_v7())
            .uuid(r.report.id)
            .int(r.report.version)
            .int(r.report.revision)
            .text(Some(&r.report.workflow_state))
            .text(Some(r.action))
            .text(Some(&serde_json::to_string(r.changed_fields)?))
            .opt_uuid(r.actor.user_id)
            .opt_uuid(r.actor.token_id)
            .timestamp(r.report.updated_at)
            .text(Some(r.snapshot));
        Ok(())
    }

    /// Writes every row, one statement per kind. Returns whether every conditional update found
    /// the version it was decided on (else a concurrent writer got there first: roll back).
    pub fn write(self, conn: &mut DbConnection) -> ApiResult<bool> {
        let expected = self.report_updates.count() + self.quarter_updates.count() + self.value_updates.count();
        bulk::insert(conn, &REPORT_INSERT, self.report_inserts)?;
        let mut matched = bulk::update_versioned(conn, &REPORT_UPDATE, self.report_updates)?;
        bulk::insert(conn, &QUARTER_INSERT, self.quarter_inserts)?;
        matched += bulk::update_versioned(conn, &QUARTER_UPDATE, self.quarter_updates)?;
        bulk::insert(conn, &VALUE_INSERT, self.value_inserts)?;
        matched += bulk::update_versioned(conn, &VALUE_UPDATE, self.value_updates)?;
        bulk::insert(conn, &REVISION_INSERT, self.revisions)?;
        Ok(matched == expected)
    }
}
