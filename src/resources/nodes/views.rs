//! A node as answered, with its level label.

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::db::utc;
use crate::models::nodes::Node;

/// One node of a plan's hierarchy.
#[derive(Debug, Serialize, ToSchema)]
pub struct NodeView {
    pub id: Uuid,
    pub plan_id: Uuid,
    /// `null` for a top-level node.
    pub parent_id: Option<Uuid>,
    /// Stable key within the plan (plan bundles refer to nodes by it).
    #[schema(example = "1-2")]
    pub key: String,
    /// Code as printed, if any.
    #[schema(example = "②")]
    pub code: Option<String>,
    #[schema(example = "わかりやすい福祉情報の提供・共有")]
    pub title: String,
    /// 取り組み目標.
    pub objective: Option<String>,
    /// 主な取り組み.
    pub main_actions: Option<String>,
    /// Order among siblings (0 first).
    pub position: i32,
    /// Depth: 1 = top level.
    #[schema(example = 2)]
    pub level: i32,
    /// The plan's name for this level (`null` deeper than the plan names levels).
    #[schema(example = "施策の方向")]
    pub level_label: Option<String>,
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

pub fn view(n: Node, level_labels: &[String]) -> NodeView {
    NodeView {
        id: n.id.0,
        plan_id: n.plan_id.0,
        parent_id: n.parent_id.map(|p| p.0),
        key: n.bundle_key,
        code: n.code,
        title: n.title,
        objective: n.objective,
        main_actions: n.main_actions,
        position: n.position,
        level: n.level,
        level_label: usize::try_from(n.level - 1).ok().and_then(|i| level_labels.get(i)).cloned(),
        version: n.version,
        created_at: utc(n.created_at),
        updated_at: utc(n.updated_at),
    }
}

crate::list_type!(NodeList, NodeView);
