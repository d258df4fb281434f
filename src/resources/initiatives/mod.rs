//! Initiatives (取組項目): the unit that is reported on. One primary node, any number of
//! cross-listings (※再掲) in the same plan, one or more responsible departments.

mod input;
mod routes;
mod store;
mod views;

pub use input::{row_from, InitiativeFilter, InitiativeInput, InitiativePatch, RelatedPrograms};
pub use routes::*;
pub use views::{view, InitiativeList, InitiativeView, ResponsibleDepartment};
