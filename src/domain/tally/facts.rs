//! What one initiative's rows say that the counts need ([`Facts`]): stored beside the counts as
//! compact JSON, and compared when the rows change.

use serde::{Deserialize, Serialize};

/// Ratios are counted in millionths, up to this ratio, so that sums are integers and exact.
pub const RATIO_MAX: f64 = 1e6;
pub const RATIO_UNIT: f64 = 1e6;

/// An achievement ratio in millionths (at most [`RATIO_MAX`]), as counts add it up. The same
/// arithmetic as the recount's SQL: `FLOOR(LEAST(ratio, 1e6) * 1e6)`.
pub fn ratio_units(ratio: f64) -> i64 {
    (ratio.min(RATIO_MAX) * RATIO_UNIT).floor() as i64
}

/// One indicator's verdict in a year: its status text and ratio (in millionths) if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict(pub String, pub Option<i64>);

/// What one edition of a year's report says that the counts need (every part `None` or empty
/// when there is no report).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<String>,
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    pub self_rating: Option<String>,
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    pub committee_rating: Option<String>,
    /// Quarter and mark, for quarters with a mark.
    #[serde(rename = "q", default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<(i32, String)>,
    /// Each indicator valid in the year, with the values of this edition.
    #[serde(rename = "i", default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Verdict>,
}

/// One fiscal year in which the initiative is active.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Year {
    #[serde(rename = "y")]
    pub fiscal_year: i32,
    /// The rows as they are (what the secretariat, the committee and departments count).
    #[serde(rename = "c")]
    pub current: Edition,
    /// The edition last published (what the public counts): the current rows of a published
    /// report, the published snapshot of one under correction, none otherwise.
    #[serde(rename = "p")]
    pub published: Edition,
}

/// What one initiative's rows say that the counts need.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// The nodes it counts under: every node it is placed in and their ancestors, each once, with
    /// its level.
    #[serde(rename = "n", default)]
    pub nodes: Vec<(i32, String)>,
    /// Its responsible departments (ids), sorted.
    #[serde(rename = "d", default)]
    pub departments: Vec<String>,
    /// The years of the plan period in which it is active.
    #[serde(rename = "y", default)]
    pub years: Vec<Year>,
}
