//! The stored things: row types and their loaders, shared by resources, batches, sheets,
//! bundles, summaries and the policy; the audit trail and the search text written with them.

pub mod audit;
pub mod indicators;
pub mod initiatives;
pub mod nodes;
pub mod outbox;
pub mod plans;
pub mod reports;
pub mod search;
pub mod users;
