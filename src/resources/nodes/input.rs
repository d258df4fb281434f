//! What is posted to create or change a node, and the filter of the node list.

use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::domain::validation;
use crate::web::http::patch_field;

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

/// Changes to a node (JSON merge patch). Setting `parent_id` moves the node with its subtree.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NodePatch {
    /// New parent (`null`: move to the top level). A move under the node's own subtree is refused.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<Uuid>)]
    pub parent_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 100, pattern = r"\S")]
    pub key: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 50, pattern = r"\S")]
    pub code: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 300, pattern = r"\S")]
    pub title: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 10000)]
    pub objective: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 10000)]
    pub main_actions: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = i32, required = false, minimum = 0, maximum = 100000)]
    pub position: Option<Option<i32>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NodeFilter {
    /// Text in the code or title (insensitive to full-/half-width, katakana/hiragana, case and spaces).
    #[param(max_length = 200, example = "相談")]
    pub q: Option<String>,
    /// Only the children of this node.
    pub parent_id: Option<Uuid>,
    /// Only nodes at this depth (1 = top level).
    #[param(minimum = 1, example = 1)]
    pub level: Option<i32>,
}
