//! From rows to facts: what a fiscal year's report, quarters and indicator values say that the
//! kept counts need ([`Year`]). The one place that does it, for the recount reading rows
//! (`db::tally::facts`) and for the write path deciding them in memory
//! (`resources::reports::write::counted`).

use serde::Deserialize;

use super::facts::{ratio_units, Edition, Verdict, Year};
use crate::domain::achievement;
use crate::domain::enums::{Direction, WorkflowState};

/// An indicator as the counts judge it: its rule, and the fiscal years it is valid in.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: uuid::Uuid,
    pub direction: Direction,
    pub tolerance: Option<f64>,
    pub from: Option<i32>,
    pub to: Option<i32>,
}

/// A target and an actual value, as stored (`None`: no value row).
pub type Value = (Option<f64>, Option<f64>);

impl Rule {
    pub fn valid_in(&self, fy: i32) -> bool {
        self.from.is_none_or(|f| f <= fy) && self.to.is_none_or(|t| t >= fy)
    }

    fn verdict(&self, value: Option<Value>) -> Verdict {
        let (target, actual) = value.unwrap_or((None, None));
        let a = achievement::evaluate(self.direction, self.tolerance, target, actual);
        Verdict(a.status.as_str().to_string(), a.ratio.map(ratio_units))
    }
}

/// A year's report as its row holds it (state, progress status and grades as stored), with the
/// marks of its quarters (any order).
pub struct ReportRow<'a> {
    pub state: &'a str,
    pub progress: Option<&'a str>,
    pub self_rating: Option<&'a str>,
    pub committee_rating: Option<&'a str>,
    pub marks: Vec<(i32, String)>,
}

/// The edition a published snapshot holds (the report's view as it was published): what the
/// public counts of a report under correction.
#[derive(Debug, Deserialize)]
pub struct Snapshot {
    progress_status: Option<String>,
    self_rating: Option<String>,
    committee_rating: Option<String>,
    #[serde(default)]
    quarters: Vec<SnapshotQuarter>,
    #[serde(default)]
    indicator_values: Vec<SnapshotValue>,
}

#[derive(Debug, Deserialize)]
struct SnapshotQuarter {
    quarter: i32,
    mark: Option<String>,
}

#[derive(Debug, Deserialize)]
struct SnapshotValue {
    indicator_id: uuid::Uuid,
    target: Option<f64>,
    actual: Option<f64>,
}

/// What the rows of fiscal year `fy` say, of an initiative active in it whose indicators are
/// `rules` (sorted by id): its report (`None`: none), the year's values by indicator and, for a
/// report not published that has a published edition, that edition's snapshot. The one place
/// that turns rows into a [`Year`]: the recount reading rows and the write path deciding in
/// memory both come here.
pub fn year(
    fy: i32,
    rules: &[Rule],
    report: Option<ReportRow<'_>>,
    value: &dyn Fn(uuid::Uuid) -> Option<Value>,
    snapshot: Option<&Snapshot>,
) -> Year {
    let verdicts = |value: &dyn Fn(uuid::Uuid) -> Option<Value>| -> Vec<Verdict> {
        rules.iter().filter(|r| r.valid_in(fy)).map(|r| r.verdict(value(r.id))).collect()
    };
    let sorted = |mut marks: Vec<(i32, String)>| {
        marks.sort();
        marks
    };
    let owned = |s: Option<&str>| s.map(str::to_string);
    let state = report.as_ref().map(|r| r.state.to_string());
    let current = Edition {
        progress: report.as_ref().and_then(|r| owned(r.progress)),
        self_rating: report.as_ref().and_then(|r| owned(r.self_rating)),
        committee_rating: report.as_ref().and_then(|r| owned(r.committee_rating)),
        marks: report.map(|r| sorted(r.marks)).unwrap_or_default(),
        indicators: verdicts(value),
        state,
    };
    let published = match (current.state.as_deref(), snapshot) {
        (Some("published"), _) => current.clone(),
        (Some(_), Some(s)) => Edition {
            state: Some(WorkflowState::Published.as_str().into()),
            progress: s.progress_status.clone(),
            self_rating: s.self_rating.clone(),
            committee_rating: s.committee_rating.clone(),
            marks: sorted(s.quarters.iter().filter_map(|q| Some((q.quarter, q.mark.clone()?))).collect()),
            indicators: verdicts(&|indicator| {
                s.indicator_values.iter().find(|v| v.indicator_id == indicator).map(|v| (v.target, v.actual))
            }),
        },
        // Nothing published: no report, and no indicator measurable.
        _ => Edition { indicators: verdicts(&|_| None), ..Edition::default() },
    };
    Year { fiscal_year: fy, current, published }
}

/// Whether an initiative active from `active` (its own first and last years, if any) in a plan of
/// the period `plan` is active in `fy`.
pub fn active_in(fy: i32, (from, to): (Option<i32>, Option<i32>), (start, end): (i32, i32)) -> bool {
    let first = from.map_or(start, |f| f.max(start));
    let last = to.map_or(end, |t| t.min(end));
    (first..=last).contains(&fy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_counts_the_rows_and_for_a_report_under_correction_its_published_snapshot() {
        let id = uuid::Uuid::from_u128(7);
        let rules = [Rule { id, direction: Direction::Increase, tolerance: None, from: Some(2022), to: None }];
        let row = |state: &'static str| ReportRow {
            state,
            progress: Some("on_track"),
            self_rating: Some("B"),
            committee_rating: None,
            marks: vec![(2, "done".into()), (1, "not_done".into())],
        };
        let value = |_| Some((Some(10.0), Some(12.0)));
        let draft = year(2023, &rules, Some(row("draft")), &value, None);
        assert_eq!(draft.current.marks, vec![(1, "not_done".into()), (2, "done".into())]);
        assert_eq!(draft.current.indicators[0].0, "achieved");
        assert_eq!(
            draft.published,
            Edition { indicators: vec![Verdict("not_measurable".into(), None)], ..Edition::default() }
        );
        let published = year(2023, &rules, Some(row("published")), &value, None);
        assert_eq!(published.published, published.current);
        let snapshot: Snapshot = serde_json::from_value(serde_json::json!({
            "progress_status": "delayed", "self_rating": "C", "committee_rating": "B",
            "quarters": [{"quarter": 1, "mark": "done"}, {"quarter": 2, "mark": null}],
            "indicator_values": [{"indicator_id": id, "target": 10.0, "actual": 5.0}],
            "ignored": "the rest of the view"
        }))
        .unwrap();
        let corrected = year(2023, &rules, Some(row("draft")), &value, Some(&snapshot));
        assert_eq!(corrected.published.state.as_deref(), Some("published"));
        assert_eq!(corrected.published.self_rating.as_deref(), Some("C"));
        assert_eq!(corrected.published.marks, vec![(1, "done".into())]);
        assert_eq!(corrected.published.indicators[0].0, "not_achieved");
        // The indicator is not valid before 2022; without a report the year counts the values only.
        let before = year(2021, &rules, None, &value, None);
        assert!(before.current.indicators.is_empty() && before.current.state.is_none());
        assert!(active_in(2024, (Some(2023), None), (2021, 2025)));
        assert!(!active_in(2022, (Some(2023), None), (2021, 2025)));
        assert!(!active_in(2026, (None, None), (2021, 2025)));
    }
}
