//! The rules of the domain, as pure code: no database, no HTTP.

pub mod achievement;
pub mod enums;
pub mod fiscal_year;
pub mod natural;
pub mod palette;
pub mod suggestion;
pub mod tally;
pub mod text_width;
pub mod validation;
pub mod webhooks;
pub mod workflow;
