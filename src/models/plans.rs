//! Plans as stored: the row, its rating scale and level labels, and the loaders every write
//! inside a plan starts from.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;

use crate::db::schema::plans;
use crate::db::{DbConnection, DbUuid};
use crate::domain::validation::{self, Errors};
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = plans, treat_none_as_null = true)]
pub struct Plan {
    pub id: DbUuid,
    pub title: String,
    pub organization: String,
    pub start_fy: i32,
    pub end_fy: i32,
    pub level_labels: String,
    pub rating_scale: String,
    pub status: String,
    pub source: Option<String>,
    pub data_version: i64,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub owner_department_id: Option<DbUuid>,
    /// Title and organization in searchable form ([`crate::models::search`]).
    pub search_text: String,
    pub quarterly_reports: bool,
    pub report_due_days: i32,
    pub quarter_due_days: i32,
    /// [`crate::domain::enums::PacketLayout`]; `None`: by the plan's shape.
    pub packet_layout: Option<String>,
    /// [`crate::domain::suggestion::RatingRule`] as JSON; `None`: no suggestions.
    pub rating_rule: Option<String>,
}

impl Plan {
    pub fn level_labels(&self) -> ApiResult<Vec<String>> {
        Ok(serde_json::from_str(&self.level_labels)?)
    }

    pub fn rating_scale(&self) -> ApiResult<Vec<RatingGrade>> {
        Ok(serde_json::from_str(&self.rating_scale)?)
    }

    /// The rule suggesting self-ratings, if the plan has one.
    pub fn rating_rule(&self) -> ApiResult<Option<crate::domain::suggestion::RatingRule>> {
        Ok(self.rating_rule.as_deref().map(serde_json::from_str).transpose()?)
    }

    /// Adds an error unless `fy` lies in the plan period.
    pub fn check_fy(&self, errors: &mut Errors, field: &str, fy: Option<i32>) {
        errors.fy_within(field, fy, self.start_fy, self.end_fy);
    }
}

/// One grade of a plan's rating scale (評価).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct RatingGrade {
    #[validate(length(min = 1, max = 8), custom(function = "validation::not_blank"))]
    #[schema(example = "A", min_length = 1, max_length = 8, pattern = r"\S")]
    pub code: String,
    #[validate(length(max = 100))]
    #[schema(example = "順調に進んでいる", max_length = 100)]
    pub label: String,
}

/// The usual A–D scale with its legend.
pub fn default_rating_scale() -> Vec<RatingGrade> {
    [("A", "順調に進んでいる"), ("B", "概ね進んでいる"), ("C", "一部遅れがある"), ("D", "未実施")]
        .into_iter()
        .map(|(code, label)| RatingGrade { code: code.into(), label: label.into() })
        .collect()
}

/// Loads a plan with its row locked for the rest of the write transaction. Every write inside a
/// plan takes this lock first (then the rows it changes): one order of locks, so concurrent
/// writers wait for each other instead of deadlocking, and the plan's data version is bumped in turn.
pub fn load_locked(conn: &mut DbConnection, id: Uuid) -> ApiResult<Plan> {
    crate::lock_rows!(conn, plans::table.find(DbUuid(id)).select(plans::id))?;
    load(conn, id)
}

/// Every plan, by title (for the command line).
pub fn all(conn: &mut DbConnection) -> ApiResult<Vec<Plan>> {
    Ok(plans::table.order((plans::title, plans::id)).select(Plan::as_select()).load(conn)?)
}

pub fn load(conn: &mut DbConnection, id: Uuid) -> ApiResult<Plan> {
    plans::table
        .find(DbUuid(id))
        .select(Plan::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("plan"))
}
