//! Progress reporting: the annual report of an initiative for a fiscal year (年度報告), its
//! quarterly updates, the indicator values of that year, the review workflow, comments,
//! history and the multi-year timeline.
//!
//! Every write to a report, a quarter or an indicator value of an initiative bumps the report's
//! `version` and appends one revision (the whole report as it then was) in the same
//! transaction as its audit event: nothing a user entered is ever lost (docs/domain.md, "Every version is kept").
//!
//! Inside, one direction: [`change`] (inputs and checks) and [`context`] ← [`views`] ← [`diff`]
//! ← [`store`] ← [`write`](mod@write) (one write path) ← the handler modules.

pub mod change;
pub mod context;
pub mod diff;
pub mod store;
pub mod views;
pub mod write;

pub mod annual;
pub mod comments;
pub mod history;
pub mod quarters;
pub mod timeline;
pub mod values;
