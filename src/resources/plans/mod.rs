//! Plans (計画): title, organization, fiscal-year period, level labels, rating scale.

mod input;
mod routes;
mod store;
mod views;

pub use input::{default_quarter_due_days, default_report_due_days, insert, PlanFilter, PlanInput, PlanPatch};
pub use routes::*;
pub use views::{PlanList, PlanView};
