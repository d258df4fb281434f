//! Indicators (実績の指標) of initiatives, and plan-level targets (計画期間の目標): the same
//! model, owned by an initiative or by the plan. A revision (見直し) closes an indicator at the
//! FY before the change and opens its successor; both keep their values.

mod input;
mod routes;
mod store;
mod views;

pub use input::{input_errors, row_from, Baseline, IndicatorInput, IndicatorPatch, RevisionInput};
pub use routes::*;
pub use views::{value_view, view, IndicatorList, IndicatorValueView, IndicatorView, TargetList};
