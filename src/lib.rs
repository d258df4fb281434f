//! Shinchoku (進捗): progress management of municipal multi-year plans.
//!
//! The layers, lowest first; a module imports only from its own layer or lower ones
//! (`docs/architecture.md`, checked by `.ci/layers.py`):
//! [`error`] → [`domain`] → [`db`] → [`models`] → [`web`] → [`resources`] → [`app`], [`ops`].

pub mod app;
pub mod db;
pub mod domain;
pub mod error;
pub mod models;
pub mod ops;
pub mod resources;
pub mod web;
