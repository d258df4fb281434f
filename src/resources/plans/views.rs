//! A plan as answered.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::db::utc;
use crate::domain::enums::{PacketLayout, PlanStatus};
use crate::domain::fiscal_year;
use crate::domain::suggestion::RatingRule;
use crate::error::{ApiError, ApiResult};
use crate::models::plans::{Plan, RatingGrade};

/// A multi-year plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanView {
    pub id: Uuid,
    #[schema(example = "白井市第2次地域福祉計画")]
    pub title: String,
    #[schema(example = "白井市")]
    pub organization: String,
    /// First fiscal year of the plan period.
    #[schema(example = 2020)]
    pub start_fy: i32,
    #[schema(example = "令和2年度")]
    pub start_fy_label: String,
    /// Last fiscal year of the plan period.
    #[schema(example = 2024)]
    pub end_fy: i32,
    #[schema(example = "令和6年度")]
    pub end_fy_label: String,
    /// Names of the hierarchy levels, top first.
    #[schema(example = json!(["基本方針", "施策の方向", "事業"]))]
    pub level_labels: Vec<String>,
    /// The rating scale reports use, best grade first.
    pub rating_scale: Vec<RatingGrade>,
    pub status: PlanStatus,
    #[schema(example = "公開")]
    pub status_label: String,
    /// Where the plan came from (e.g. the document a bundle was transcribed from).
    pub source: Option<String>,
    /// The council that owns the plan (its staff may change the plan's structure); `null`: the city's.
    pub owner_department_id: Option<Uuid>,
    /// Whether reports carry four quarters (進行管理 ○ × —) that are due each quarter.
    pub quarterly_reports: bool,
    /// A fiscal year's report is due this many days after the FY ends (31 March).
    #[schema(example = 61)]
    pub report_due_days: i32,
    /// A quarter is due this many days after the quarter ends (quarterly plans).
    #[schema(example = 30)]
    pub quarter_due_days: i32,
    /// How the committee packet lays out the plan; `null`: by its shape (`quarterly` for plans
    /// that report quarterly, else `node_table`).
    pub packet_layout: Option<PacketLayout>,
    /// The rule suggesting self-ratings from indicator achievement; `null`: none.
    pub rating_rule: Option<RatingRule>,
    /// Grows with every write to any data of the plan (for caches).
    pub data_version: i64,
    /// Version of the plan record itself; the ETag is this number in quotes.
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl TryFrom<Plan> for PlanView {
    type Error = ApiError;
    fn try_from(p: Plan) -> ApiResult<Self> {
        let status = PlanStatus::from_db(&p.status)?;
        Ok(PlanView {
            id: p.id.0,
            level_labels: p.level_labels()?,
            rating_scale: p.rating_scale()?,
            rating_rule: p.rating_rule()?,
            title: p.title,
            organization: p.organization,
            start_fy: p.start_fy,
            start_fy_label: fiscal_year::label(p.start_fy),
            end_fy: p.end_fy,
            end_fy_label: fiscal_year::label(p.end_fy),
            status,
            status_label: status.label().to_string(),
            source: p.source,
            owner_department_id: p.owner_department_id.map(|d| d.0),
            quarterly_reports: p.quarterly_reports,
            report_due_days: p.report_due_days,
            quarter_due_days: p.quarter_due_days,
            packet_layout: p.packet_layout.as_deref().map(PacketLayout::from_db).transpose()?,
            data_version: p.data_version,
            version: p.version,
            created_at: utc(p.created_at),
            updated_at: utc(p.updated_at),
        })
    }
}

crate::list_type!(PlanList, PlanView);
