//! HTTP-level tests against the real service on a real database (see `harness.rs`).

mod harness;

mod audit;
mod auth;
mod batches;
mod bundles;
mod concurrency;
mod departments;
mod ergonomics;
mod errors;
mod hardening;
mod indicators;
mod initiatives;
mod instances;
mod kept_counts;
mod lifecycle;
mod mail;
mod matrix;
mod nodes;
mod openapi;
mod operations;
mod outage;
mod packet;
mod plans;
mod portal;
mod reports;
mod sheet_files;
mod sheet_safety;
mod sheets;
mod suggestions;
mod summaries;
mod tokens;
mod users;
mod webhooks;
