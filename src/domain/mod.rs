//! The rules of the domain, as pure code: no database, no HTTP.

pub mod achievement;
pub mod enums;
pub mod fiscal_year;
pub mod natural;
pub mod tally;
pub mod validation;
pub mod workflow;
