//! What is posted to create a node.

use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use validator::Validate;
use crate::domain::validation;

/// A new node.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct NodeInput {
    /// Parent node in the same plan; `null` or absent for a top-level node.
    #[serde(default)]
    pub parent_id: Option<Uuid>,
    /// Stable key within the plan; default the new node's id.
    #[validate(length(min = 1, max = 100), custom(function = "validation::not_blank"))]
    #[schema(example = "1-2", min_length = 1, max_length = 100, pattern = r"\S")]
    pub key: Option<String>,
    #[validate(length(min = 1, max = 50), custom(function = "validation::not_blank"))]
    #[schema(example = "②", min_length = 1, max_length = 50, pattern = r"\S")]
    pub code: Option<String>,
    #[validate(length(min = 1, max = 300), custom(function = "validation::not_blank"))]
    #[schema(example = "わかりやすい福祉情報の提供・共有", min_length = 1, max_length = 300, pattern = r"\S")]
    pub title: String,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub objective: Option<String>,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub main_actions: Option<String>,
    /// Order among siblings; default after the last sibling.
    #[validate(range(min = 0, max = 100000))]
    #[schema(minimum = 0, maximum = 100000)]
    pub position: Option<i32>,
}
