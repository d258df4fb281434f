//! Annual reports and their quarterly updates as stored, and the loader of one report.

use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{annual_reports, quarter_updates};
use crate::db::{now, DbConnection, DbUuid};
use crate::domain::enums::WorkflowState;
use crate::error::ApiResult;
use crate::models::audit::Actor;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
// `None` is NULL, never DEFAULT: rows are also written by `COPY` (no column has a default but NULL).
#[diesel(table_name = annual_reports, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct Report {
    pub id: DbUuid,
    pub initiative_id: DbUuid,
    pub fiscal_year: i32,
    pub category: Option<String>,
    pub plan_text: Option<String>,
    pub result_text: Option<String>,
    pub issues_text: Option<String>,
    pub next_steps_text: Option<String>,
    pub previous_year_result_text: Option<String>,
    pub progress_status: Option<String>,
    pub self_rating: Option<String>,
    pub committee_rating: Option<String>,
    pub committee_opinion: Option<String>,
    pub workflow_state: String,
    /// The edition: 1, then one more for every correction of a published report.
    pub revision: i32,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub updated_by: Option<DbUuid>,
    pub return_reason: Option<String>,
    pub published_snapshot: Option<String>,
    pub published_at: Option<chrono::NaiveDateTime>,
}

impl Report {
    pub fn state(&self) -> ApiResult<WorkflowState> {
        WorkflowState::from_db(&self.workflow_state)
    }

    /// A new, empty draft.
    pub fn draft(initiative_id: DbUuid, fiscal_year: i32, actor: &Actor) -> Report {
        let ts = now();
        Report {
            id: DbUuid(Uuid::now_v7()),
            initiative_id,
            fiscal_year,
            category: None,
            plan_text: None,
            result_text: None,
            issues_text: None,
            next_steps_text: None,
            previous_year_result_text: None,
            progress_status: None,
            self_rating: None,
            committee_rating: None,
            committee_opinion: None,
            workflow_state: WorkflowState::Draft.as_str().into(),
            revision: 1,
            version: 1,
            created_at: ts,
            updated_at: ts,
            updated_by: actor.user_id.map(DbUuid),
            return_reason: None,
            published_snapshot: None,
            published_at: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = quarter_updates, treat_none_as_null = true, treat_none_as_default_value = false)]
pub struct Quarter {
    pub id: DbUuid,
    pub report_id: DbUuid,
    pub quarter: i32,
    pub plan_text: Option<String>,
    pub result_text: Option<String>,
    pub mark: Option<String>,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

/// The months a quarter of the fiscal year covers (Q1 = 4～6月 … Q4 = 1～3月).
pub fn quarter_label(quarter: i32) -> &'static str {
    match quarter {
        1 => "4～6月",
        2 => "7～9月",
        3 => "10～12月",
        _ => "1～3月",
    }
}

pub fn find(conn: &mut DbConnection, initiative: DbUuid, fy: i32) -> ApiResult<Option<Report>> {
    Ok(annual_reports::table
        .filter(annual_reports::initiative_id.eq(initiative).and(annual_reports::fiscal_year.eq(fy)))
        .select(Report::as_select())
        .first(conn)
        .optional()?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn quarter_labels() {
        let labels: Vec<&str> = (1..=4).map(super::quarter_label).collect();
        assert_eq!(labels, ["4～6月", "7～9月", "10～12月", "1～3月"]);
    }
}
