//! The public portal API: anonymous and read-only, over published plans and published reports
//! only. No drafts, no comments, no committee fields of unpublished reports, no user names or
//! ids. Every response carries an `ETag` and `Cache-Control`, and answers `304` to a matching
//! `If-None-Match`, so that the city's portal and any HTTP cache in front of it revalidate cheaply.
//!
//! `access` holds what every endpoint shares; `display` the figures in the shapes a portal
//! draws; `plans`, `timeline` and `summary` the JSON (and the CSV file); `charts` the SVG
//! charts and `page` the HTML page, both rendered from the same figures.

pub mod access;
pub mod charts;
pub mod display;
pub mod page;
pub mod plans;
pub mod summary;
pub mod timeline;

pub use access::PUBLIC_CACHE;
pub use charts::{get_ratings_chart, get_trend_chart};
pub use page::get_public_page;
pub use plans::{get_public_plan, list_public_plans};
pub use summary::{get_public_summary, get_public_summary_csv, get_public_trend};
pub use timeline::get_public_timeline;
