//! An initiative as answered: its placements (※再掲) and responsible departments.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::input::RelatedPrograms;
use crate::db::{utc, DbConnection};
use crate::domain::enums::InitiativeStatus;
use crate::domain::fiscal_year;
use crate::error::{ApiError, ApiResult};
use crate::models::initiatives::{load_links, Initiative, Links};

/// A responsible department, as shown on an initiative.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ResponsibleDepartment {
    pub id: Uuid,
    #[schema(example = "社会福祉課")]
    pub name: String,
}

/// An initiative with its placements and responsible departments.
#[derive(Debug, Serialize, ToSchema)]
pub struct InitiativeView {
    pub id: Uuid,
    pub plan_id: Uuid,
    /// Stable key within the plan (plan bundles refer to initiatives by it).
    #[schema(example = "1")]
    pub key: String,
    /// Code as printed (`null`: the source printed none; such initiatives sort after the coded
    /// ones).
    #[schema(example = "1")]
    pub code: Option<String>,
    #[schema(example = "保健福祉ガイドブックの発行")]
    pub title: String,
    /// 取組内容.
    pub description: Option<String>,
    /// 方向・ねらい.
    pub aim: Option<String>,
    /// 特記事項.
    #[schema(example = "R4以降見直しあり")]
    pub notes: Option<String>,
    pub related_programs: Option<RelatedPrograms>,
    /// The node the initiative belongs to.
    pub primary_node_id: Uuid,
    /// Further nodes it is listed under (※再掲). It is one initiative: counted once in plan totals.
    pub cross_listed_node_ids: Vec<Uuid>,
    /// Responsible departments, in the order printed.
    pub departments: Vec<ResponsibleDepartment>,
    /// First FY in which the initiative is carried out (`null`: from the plan start).
    pub active_from_fy: Option<i32>,
    pub active_from_fy_label: Option<String>,
    /// Last FY (`null`: to the plan end).
    pub active_to_fy: Option<i32>,
    pub active_to_fy_label: Option<String>,
    pub status: InitiativeStatus,
    #[schema(example = "実施中")]
    pub status_label: String,
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

pub fn view(i: Initiative, links: Links) -> ApiResult<InitiativeView> {
    let status = InitiativeStatus::from_db(&i.status)?;
    let related = (i.related_city.is_some() || i.related_council.is_some())
        .then(|| RelatedPrograms { city: i.related_city.clone(), council: i.related_council.clone() });
    let mut nodes = links.node_ids.into_iter();
    Ok(InitiativeView {
        id: i.id.0,
        plan_id: i.plan_id.0,
        key: i.bundle_key,
        code: (!i.code.is_empty()).then_some(i.code),
        title: i.title,
        description: i.description,
        aim: i.aim,
        notes: i.notes,
        related_programs: related,
        primary_node_id: nodes.next().ok_or_else(|| ApiError::Internal("initiative without a node".into()))?,
        cross_listed_node_ids: nodes.collect(),
        departments: links.departments.into_iter().map(|(id, name)| ResponsibleDepartment { id, name }).collect(),
        active_from_fy: i.active_from_fy,
        active_from_fy_label: i.active_from_fy.map(fiscal_year::label),
        active_to_fy: i.active_to_fy,
        active_to_fy_label: i.active_to_fy.map(fiscal_year::label),
        status,
        status_label: status.label().to_string(),
        version: i.version,
        created_at: utc(i.created_at),
        updated_at: utc(i.updated_at),
    })
}

pub fn view_one(conn: &mut DbConnection, row: Initiative) -> ApiResult<InitiativeView> {
    let links = load_links(conn, &[row.id])?.remove(&row.id).unwrap_or_default();
    view(row, links)
}

crate::list_type!(InitiativeList, InitiativeView);
