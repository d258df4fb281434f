//! The plan hierarchy (基本方針 → 施策の方向 → 事業 …): a tree of any depth.
//!
//! Each node stores its depth (`level`) and a `sort_path` (the sibling positions from the
//! root down) so that one ordered query returns the tree depth-first and pages through it.

mod input;
mod routes;
mod store;
mod tree;
mod views;

pub use input::{NodeFilter, NodeInput, NodePatch};
pub use routes::*;
pub use tree::insert;
pub use views::{view, NodeList, NodeView};
