//! The counts a summary answers, and how aggregated rows add up to them. Pure: no database.
//!
//! The database groups and counts ([`super::query`]); this adds its few aggregated rows into
//! the shape clients read, with every bucket present (zeros included) so that a portal can draw
//! a table without knowing which grades or marks occurred.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};
use utoipa::ToSchema;

use crate::domain::enums::{ProgressStatus, QuarterMark, WorkflowState};
use crate::domain::suggestion::{self, Basis, RatingRule};
use crate::models::reports::quarter_label;

/// Reports per grade, keys in the order of the plan's scale, then `unrated`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ratings(pub Vec<(String, i64)>);

impl Serialize for Ratings {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl Ratings {
    fn new(scale: &[String]) -> Ratings {
        Ratings(scale.iter().cloned().chain(["unrated".to_string()]).map(|g| (g, 0)).collect())
    }

    /// Adds `n` to `grade`; no grade (or one no longer in the scale) is `unrated`.
    fn add(&mut self, grade: Option<&str>, n: i64) {
        let key = grade.filter(|g| self.0.iter().any(|(k, _)| k == g && k != "unrated")).unwrap_or("unrated");
        if let Some((_, count)) = self.0.iter_mut().find(|(k, _)| k == key) {
            *count += n;
        }
    }
}

/// Initiatives per progress status (進捗状況) of their report.
#[derive(Debug, Clone, PartialEq, Default, Serialize, ToSchema)]
pub struct ProgressCounts {
    pub on_track: i64,
    pub mostly_on_track: i64,
    pub partly_delayed: i64,
    pub not_started: i64,
    /// No report, no status in it, or a report the caller may not see.
    pub unreported: i64,
}

/// Initiatives per workflow state of their report.
#[derive(Debug, Clone, PartialEq, Default, Serialize, ToSchema)]
pub struct WorkflowCounts {
    pub draft: i64,
    pub submitted: i64,
    pub returned: i64,
    pub reviewed: i64,
    pub published: i64,
    /// No report for the year (or one in a state not asked for).
    pub missing: i64,
}

/// Quarter marks (○ × —) of one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct QuarterCounts {
    #[schema(example = 1, minimum = 1, maximum = 4)]
    pub quarter: i32,
    #[schema(example = "4～6月")]
    pub label: String,
    /// ○
    pub done: i64,
    /// ×
    pub not_done: i64,
    /// —
    pub not_applicable: i64,
    /// No mark.
    pub unreported: i64,
}

// The rule is docs/domain.md, "Achievement". The doc line below is published in the OpenAPI
// document, so its old citation stays until the next change of the contract.
/// Indicators of the counted initiatives valid in the year, by achievement (DOMAIN Rule 4).
#[derive(Debug, Clone, PartialEq, Default, Serialize, ToSchema)]
pub struct IndicatorCounts {
    pub achieved: i64,
    pub not_achieved: i64,
    /// Target or actual missing (or in a report the caller may not see).
    pub not_measurable: i64,
    /// Mean of the achievement ratios that exist (see `Achievement.ratio`); `null` when none does.
    #[schema(example = 1.04)]
    pub mean_achievement_ratio: Option<f64>,
    /// The sum of the ratios in millionths ([`crate::domain::tally::ratio_units`]): integers, so
    /// that kept counts and a recount add up to the same.
    #[serde(skip)]
    ratio_units: i64,
    #[serde(skip)]
    ratio_count: i64,
}

/// Self-ratings beside the plan's rating suggestions (docs/domain.md, "Rating suggestions"), over
/// the counted reports whose contents the caller may see.
#[derive(Debug, Clone, PartialEq, Default, Serialize, ToSchema)]
pub struct SuggestionCounts {
    /// Reports whose year has a suggestion (enough indicators measurable).
    #[schema(example = 40)]
    pub suggested: i64,
    /// … whose self-rating is the suggested grade.
    #[schema(example = 31)]
    pub agreeing: i64,
    /// … whose self-rating is another grade.
    #[schema(example = 6)]
    pub differing: i64,
    /// … not self-rated yet.
    #[schema(example = 3)]
    pub unrated: i64,
    /// Reports whose year has no suggestion (too few indicators measurable).
    #[schema(example = 8)]
    pub without_suggestion: i64,
}

/// Everything a summary counts over a set of initiatives in one fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Counts {
    /// Initiatives active in the year (each once, also when cross-listed).
    #[schema(example = 48)]
    pub initiatives: i64,
    /// By the rating asked for (`rating=self|committee`): the plan's grades in order, then `unrated`.
    #[schema(value_type = std::collections::HashMap<String, i64>, example = json!({"A": 31, "B": 15, "C": 2, "D": 0, "unrated": 0}))]
    pub ratings: Ratings,
    pub progress: ProgressCounts,
    pub workflow: WorkflowCounts,
    /// Q1 to Q4.
    pub quarters: Vec<QuarterCounts>,
    pub indicators: IndicatorCounts,
    /// Self-ratings beside the suggestions of the plan's rule; `null` when the plan has none.
    pub suggestions: Option<SuggestionCounts>,
    /// Reports by what a suggestion is made from and their self-rating, for [`Counts::suggest`].
    #[serde(skip)]
    bases: BTreeMap<(Basis, Option<String>), i64>,
}

impl Counts {
    /// All zeros, with a bucket for every grade of `scale` and every quarter.
    pub fn new(scale: &[String]) -> Counts {
        Counts {
            initiatives: 0,
            ratings: Ratings::new(scale),
            progress: ProgressCounts::default(),
            workflow: WorkflowCounts::default(),
            quarters: (1..=4)
                .map(|q| QuarterCounts {
                    quarter: q,
                    label: quarter_label(q).to_string(),
                    done: 0,
                    not_done: 0,
                    not_applicable: 0,
                    unreported: 0,
                })
                .collect(),
            indicators: IndicatorCounts::default(),
            suggestions: None,
            bases: BTreeMap::new(),
        }
    }

    /// `n` reports whose year's indicators are `basis` and that are self-rated `grade`.
    pub fn add_basis(&mut self, n: i64, basis: Basis, grade: Option<&str>) {
        *self.bases.entry((basis, grade.map(str::to_string))).or_default() += n;
    }

    /// Counts the self-ratings beside what `rule` suggests (nothing without a rule).
    pub fn suggest(mut self, rule: Option<&RatingRule>) -> Counts {
        self.suggestions = rule.map(|rule| {
            let mut s = SuggestionCounts::default();
            for ((basis, grade), n) in &self.bases {
                let n = *n;
                match (suggestion::suggest(rule, *basis).grade, grade) {
                    (None, _) => s.without_suggestion += n,
                    (Some(_), None) => s.unrated += n,
                    (Some(g), Some(own)) if g == *own => s.agreeing += n,
                    (Some(_), Some(_)) => s.differing += n,
                }
            }
            s.suggested = s.agreeing + s.differing + s.unrated;
            s
        });
        self
    }

    /// `n` initiatives whose report is in `state` (`None`: none) with this status and grade
    /// (`None`: not given, or not visible to the caller).
    pub fn add_reports(
        &mut self,
        n: i64,
        state: Option<WorkflowState>,
        progress: Option<ProgressStatus>,
        grade: Option<&str>,
    ) {
        self.add_workflow(n, state);
        self.add_progress(n, progress);
        self.add_grade(n, grade);
    }

    /// `n` initiatives whose report is in `state` (`None`: none, or not counted).
    pub fn add_workflow(&mut self, n: i64, state: Option<WorkflowState>) {
        self.initiatives += n;
        let w = &mut self.workflow;
        *match state {
            None => &mut w.missing,
            Some(WorkflowState::Draft) => &mut w.draft,
            Some(WorkflowState::Submitted) => &mut w.submitted,
            Some(WorkflowState::Returned) => &mut w.returned,
            Some(WorkflowState::Reviewed) => &mut w.reviewed,
            Some(WorkflowState::Published) => &mut w.published,
        } += n;
    }

    /// `n` reports with this progress status (`None`: not given, or not visible).
    pub fn add_progress(&mut self, n: i64, progress: Option<ProgressStatus>) {
        let p = &mut self.progress;
        *match progress {
            None => &mut p.unreported,
            Some(ProgressStatus::OnTrack) => &mut p.on_track,
            Some(ProgressStatus::MostlyOnTrack) => &mut p.mostly_on_track,
            Some(ProgressStatus::PartlyDelayed) => &mut p.partly_delayed,
            Some(ProgressStatus::NotStarted) => &mut p.not_started,
        } += n;
    }

    /// `n` reports with this grade (`None`: not given, or not visible).
    pub fn add_grade(&mut self, n: i64, grade: Option<&str>) {
        self.ratings.add(grade, n);
    }

    /// `n` marks of `quarter` (`None`: a quarter row without a mark, which stays unreported).
    pub fn add_marks(&mut self, quarter: i32, mark: Option<QuarterMark>, n: i64) {
        let Some(q) = self.quarters.iter_mut().find(|q| q.quarter == quarter) else { return };
        match mark {
            Some(QuarterMark::Done) => q.done += n,
            Some(QuarterMark::NotDone) => q.not_done += n,
            Some(QuarterMark::NotApplicable) => q.not_applicable += n,
            None => {}
        }
    }

    /// `n` indicators with this verdict, and the sum (in millionths) and number of their ratios.
    pub fn add_indicators(
        &mut self,
        verdict: crate::domain::achievement::AchievementStatus,
        n: i64,
        ratio_units: i64,
        ratio_count: i64,
    ) {
        use crate::domain::achievement::AchievementStatus::*;
        let i = &mut self.indicators;
        *match verdict {
            Achieved => &mut i.achieved,
            NotAchieved => &mut i.not_achieved,
            NotMeasurable => &mut i.not_measurable,
        } += n;
        i.ratio_units += ratio_units;
        i.ratio_count += ratio_count;
    }

    /// Derives what is not counted directly: unmarked quarters, the mean ratio.
    pub fn finish(mut self) -> Counts {
        for q in &mut self.quarters {
            q.unreported = (self.initiatives - q.done - q.not_done - q.not_applicable).max(0);
        }
        let i = &mut self.indicators;
        let unit = crate::domain::tally::RATIO_UNIT;
        i.mean_achievement_ratio = (i.ratio_count > 0)
            .then(|| (i.ratio_units as f64 / unit / i.ratio_count as f64 * 10_000.0).round() / 10_000.0);
        self
    }

    /// Adds another set of counts (a department over several plans); grades missing here are appended.
    pub fn merge(&mut self, other: &Counts) {
        self.initiatives += other.initiatives;
        for (grade, n) in &other.ratings.0 {
            match self.ratings.0.iter_mut().find(|(k, _)| k == grade) {
                Some((_, count)) => *count += n,
                None => {
                    let at = self.ratings.0.len().saturating_sub(1);
                    self.ratings.0.insert(at, (grade.clone(), *n));
                }
            }
        }
        let (p, o) = (&mut self.progress, &other.progress);
        p.on_track += o.on_track;
        p.mostly_on_track += o.mostly_on_track;
        p.partly_delayed += o.partly_delayed;
        p.not_started += o.not_started;
        p.unreported += o.unreported;
        let (w, o) = (&mut self.workflow, &other.workflow);
        w.draft += o.draft;
        w.submitted += o.submitted;
        w.returned += o.returned;
        w.reviewed += o.reviewed;
        w.published += o.published;
        w.missing += o.missing;
        for (q, o) in self.quarters.iter_mut().zip(&other.quarters) {
            q.done += o.done;
            q.not_done += o.not_done;
            q.not_applicable += o.not_applicable;
        }
        let (i, o) = (&mut self.indicators, &other.indicators);
        i.achieved += o.achieved;
        i.not_achieved += o.not_achieved;
        i.not_measurable += o.not_measurable;
        i.ratio_units += o.ratio_units;
        i.ratio_count += o.ratio_count;
        for (key, n) in &other.bases {
            *self.bases.entry(key.clone()).or_default() += n;
        }
        // Plans suggest by their own rules: what each suggested adds up.
        if let Some(o) = &other.suggestions {
            let s = self.suggestions.get_or_insert_with(SuggestionCounts::default);
            s.suggested += o.suggested;
            s.agreeing += o.agreeing;
            s.differing += o.differing;
            s.unrated += o.unrated;
            s.without_suggestion += o.without_suggestion;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::achievement::AchievementStatus;

    fn scale() -> Vec<String> {
        ["A", "B", "C", "D"].map(String::from).to_vec()
    }

    #[test]
    fn every_bucket_is_present_and_grades_keep_the_scale_order() {
        let mut c = Counts::new(&scale());
        c.add_reports(3, Some(WorkflowState::Published), Some(ProgressStatus::OnTrack), Some("B"));
        c.add_reports(2, None, None, None);
        c.add_reports(1, Some(WorkflowState::Draft), None, Some("Z"));
        let c = c.finish();
        assert_eq!(serde_json::to_string(&c.ratings).unwrap(), r#"{"A":0,"B":3,"C":0,"D":0,"unrated":3}"#);
        assert_eq!((c.initiatives, c.workflow.published, c.workflow.missing, c.workflow.draft), (6, 3, 2, 1));
        assert_eq!((c.progress.on_track, c.progress.unreported), (3, 3));
        assert_eq!(c.quarters.iter().map(|q| q.unreported).collect::<Vec<_>>(), [6, 6, 6, 6]);
    }

    #[test]
    fn unmarked_quarters_are_the_rest() {
        let mut c = Counts::new(&scale());
        c.add_reports(68, Some(WorkflowState::Published), None, None);
        c.add_marks(3, Some(QuarterMark::Done), 62);
        c.add_marks(3, Some(QuarterMark::NotDone), 1);
        c.add_marks(3, Some(QuarterMark::NotApplicable), 3);
        c.add_marks(3, None, 1);
        let q3 = &c.finish().quarters[2];
        assert_eq!(
            (q3.label.as_str(), q3.done, q3.not_done, q3.not_applicable, q3.unreported),
            ("10～12月", 62, 1, 3, 2)
        );
    }

    #[test]
    fn mean_ratio_is_over_the_ratios_that_exist() {
        let mut c = Counts::new(&scale());
        c.add_indicators(AchievementStatus::Achieved, 2, 2_500_000, 2);
        c.add_indicators(AchievementStatus::NotMeasurable, 4, 0, 0);
        let c = c.finish();
        assert_eq!((c.indicators.achieved, c.indicators.not_measurable), (2, 4));
        assert_eq!(c.indicators.mean_achievement_ratio, Some(1.25));
        assert_eq!(Counts::new(&scale()).finish().indicators.mean_achievement_ratio, None);
    }

    #[test]
    fn merging_plans_with_other_scales_keeps_every_grade() {
        let mut a = Counts::new(&scale());
        a.add_reports(1, Some(WorkflowState::Draft), None, Some("A"));
        let mut b = Counts::new(&["S".to_string(), "A".to_string()]);
        b.add_reports(2, Some(WorkflowState::Draft), None, Some("S"));
        a.merge(&b);
        let a = a.finish();
        assert_eq!(serde_json::to_string(&a.ratings).unwrap(), r#"{"A":1,"B":0,"C":0,"D":0,"S":2,"unrated":0}"#);
        assert_eq!((a.initiatives, a.workflow.draft), (3, 3));
    }
}
