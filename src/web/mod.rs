//! Web plumbing shared by every resource: the state handed to handlers, who is calling and what
//! they may do, bodies, ETags and paging, the contract requests are checked against, caching.

pub mod auth;
pub mod budget;
pub mod cache;
pub mod contract;
pub mod credentials;
pub mod http;
pub mod idempotency;
pub mod known;
pub mod metrics;
pub mod openapi;
pub mod policy;
pub mod state;
