//! Shinchoku (進捗): progress management of municipal multi-year plans.

pub mod achievement;
pub mod app;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod cache;
pub mod config;
pub mod contract;
pub mod db;
pub mod demo;
pub mod enums;
pub mod error;
pub mod fiscal_year;
pub mod http;
pub mod idempotency;
pub mod metrics;
pub mod natural;
pub mod openapi;
pub mod policy;
pub mod resources;
pub mod schema;
pub mod search;
pub mod state;
pub mod synth;
pub mod validation;
pub mod workflow;
