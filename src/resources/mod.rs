//! One module per resource: handlers, their request/response types and OpenAPI docs together.

pub mod api_tokens;
pub mod audit_events;
pub mod batches;
pub mod bundles;
pub mod departments;
pub mod indicators;
pub mod initiatives;
pub mod me;
pub mod nodes;
pub mod packet;
pub mod plans;
pub mod public;
pub mod reports;
pub mod sessions;
pub mod sheets;
pub mod summaries;
pub mod users;
pub mod webhooks;

/// A page of `$item`s: `items` plus the cursor of the next page (`null` on the last page).
#[macro_export]
macro_rules! list_type {
    ($name:ident, $item:ty) => {
        #[doc = concat!("One page of ", stringify!($item), "s.")]
        #[derive(Debug, serde::Serialize, utoipa::ToSchema)]
        pub struct $name {
            pub items: Vec<$item>,
            /// Pass as `cursor` to get the next page; `null` on the last page.
            pub next_cursor: Option<String>,
        }
    };
}
