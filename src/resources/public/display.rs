//! The public figures in the shapes a portal draws: every distribution an ordered array of
//! buckets (count and share), best first and the bucket of "nothing" last, with a legend that
//! labels every bucket and suggests a colour for it. Built from the summaries' [`Counts`]; pure:
//! no database, no HTTP.

use serde::Serialize;
use utoipa::ToSchema;

use crate::domain::achievement::AchievementStatus;
use crate::domain::enums::{ProgressStatus, QuarterMark};
use crate::domain::palette;
use crate::models::plans::RatingGrade;
use crate::models::reports::quarter_label;
use crate::resources::summaries::{Counts, RatingSource};

/// Label of the rating bucket of initiatives without a (published) rating.
pub const UNRATED: &str = "未評価";
/// Label of the progress and quarter buckets of initiatives without a (published) report.
pub const UNREPORTED: &str = "未報告";

/// A bucket's share of its distribution: `count / total`, rounded to three decimals; 0 when the
/// total is 0 (a year without initiatives is "nothing", not a division by zero).
pub fn share(count: i64, total: i64) -> f64 {
    if total <= 0 {
        return 0.0;
    }
    (count as f64 / total as f64 * 1000.0).round() / 1000.0
}

/// One grade of a rating distribution.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct RatingShare {
    /// The grade's code; `null` for 未評価 (no published rating).
    #[schema(example = "A")]
    pub grade: Option<String>,
    #[schema(example = "順調に進んでいる")]
    pub label: String,
    #[schema(example = 31)]
    pub count: i64,
    /// `count` over the initiatives counted, rounded to three decimals.
    #[schema(example = 0.646, minimum = 0, maximum = 1)]
    pub share: f64,
}

/// One status of a progress distribution (進捗状況).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ProgressShare {
    /// The status; `null` for 未報告 (no published report, or none given in it).
    pub status: Option<ProgressStatus>,
    #[schema(example = "順調に進んだ")]
    pub label: String,
    #[schema(example = 40)]
    pub count: i64,
    #[schema(example = 0.833, minimum = 0, maximum = 1)]
    pub share: f64,
}

/// One mark of a quarter's distribution (○ × —).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct MarkShare {
    /// The mark; `null` for 未報告 (no mark published).
    pub mark: Option<QuarterMark>,
    #[schema(example = "○ 実施")]
    pub label: String,
    #[schema(example = 62)]
    pub count: i64,
    #[schema(example = 0.912, minimum = 0, maximum = 1)]
    pub share: f64,
}

/// The marks of one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct QuarterDistribution {
    #[schema(example = 1, minimum = 1, maximum = 4)]
    pub quarter: i32,
    #[schema(example = "4～6月")]
    pub label: String,
    pub marks: Vec<MarkShare>,
}

/// One verdict of an indicator distribution.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct AchievementShare {
    pub achievement: AchievementStatus,
    #[schema(example = "達成")]
    pub label: String,
    #[schema(example = 12)]
    pub count: i64,
    #[schema(example = 0.6, minimum = 0, maximum = 1)]
    pub share: f64,
}

/// What the published reports of a set of initiatives say in one fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PublicCounts {
    /// Initiatives active in the year (each once, also when cross-listed).
    #[schema(example = 48)]
    pub initiatives: i64,
    /// Of those, the initiatives whose report of the year is published; the others count as
    /// 未評価 and 未報告.
    #[schema(example = 48)]
    pub published: i64,
    /// By the rating asked for (`rating`): the plan's grades, best first, then 未評価.
    pub ratings: Vec<RatingShare>,
    /// 進捗状況, best first, then 未報告.
    pub progress: Vec<ProgressShare>,
    /// Q1 to Q4, for plans that report quarterly; empty for the others.
    pub quarters: Vec<QuarterDistribution>,
    /// The counted initiatives' indicators valid in the year, by achievement.
    pub indicators: Vec<AchievementShare>,
    /// Mean of the achievement ratios that exist; `null` when none does.
    #[schema(example = 1.04)]
    pub mean_achievement_ratio: Option<f64>,
}

/// A rating's label in the plan's scale: its legend, else the code itself.
fn grade_label(scale: &[RatingGrade], code: &str) -> String {
    scale.iter().find(|g| g.code == code).map(|g| g.label.clone()).unwrap_or_else(|| code.to_string())
}

fn quarter_mark_label(mark: Option<QuarterMark>) -> String {
    match mark {
        Some(QuarterMark::Done) => "○ 実施".into(),
        Some(QuarterMark::NotDone) => "× 未実施".into(),
        Some(QuarterMark::NotApplicable) => "— 該当なし".into(),
        None => UNREPORTED.into(),
    }
}

impl PublicCounts {
    /// The distributions of `counts` (of a plan with this rating scale; quarters only when it
    /// reports quarterly).
    pub fn of(counts: &Counts, scale: &[RatingGrade], quarterly: bool) -> PublicCounts {
        let rated_total: i64 = counts.ratings.0.iter().map(|(_, n)| n).sum();
        let ratings = counts
            .ratings
            .0
            .iter()
            .map(|(code, n)| {
                let unrated = code == "unrated";
                RatingShare {
                    grade: (!unrated).then(|| code.clone()),
                    label: if unrated { UNRATED.into() } else { grade_label(scale, code) },
                    count: *n,
                    share: share(*n, rated_total),
                }
            })
            .collect();
        let p = &counts.progress;
        let statuses = [
            (Some(ProgressStatus::OnTrack), p.on_track),
            (Some(ProgressStatus::MostlyOnTrack), p.mostly_on_track),
            (Some(ProgressStatus::PartlyDelayed), p.partly_delayed),
            (Some(ProgressStatus::NotStarted), p.not_started),
            (None, p.unreported),
        ];
        let progress_total: i64 = statuses.iter().map(|(_, n)| n).sum();
        let progress = statuses
            .iter()
            .map(|&(status, count)| ProgressShare {
                status,
                label: status.map_or(UNREPORTED, ProgressStatus::label).into(),
                count,
                share: share(count, progress_total),
            })
            .collect();
        let quarters = if !quarterly {
            Vec::new()
        } else {
            counts
                .quarters
                .iter()
                .map(|q| {
                    let marks = [
                        (Some(QuarterMark::Done), q.done),
                        (Some(QuarterMark::NotDone), q.not_done),
                        (Some(QuarterMark::NotApplicable), q.not_applicable),
                        (None, q.unreported),
                    ];
                    let total: i64 = marks.iter().map(|(_, n)| n).sum();
                    QuarterDistribution {
                        quarter: q.quarter,
                        label: quarter_label(q.quarter).into(),
                        marks: marks
                            .iter()
                            .map(|&(mark, count)| MarkShare {
                                mark,
                                label: quarter_mark_label(mark),
                                count,
                                share: share(count, total),
                            })
                            .collect(),
                    }
                })
                .collect()
        };
        let i = &counts.indicators;
        let verdicts = [
            (AchievementStatus::Achieved, i.achieved),
            (AchievementStatus::NotAchieved, i.not_achieved),
            (AchievementStatus::NotMeasurable, i.not_measurable),
        ];
        let indicator_total: i64 = verdicts.iter().map(|(_, n)| n).sum();
        let indicators = verdicts
            .iter()
            .map(|&(achievement, count)| AchievementShare {
                achievement,
                label: achievement.label().into(),
                count,
                share: share(count, indicator_total),
            })
            .collect();
        PublicCounts {
            initiatives: counts.initiatives,
            published: counts.workflow.published,
            ratings,
            progress,
            quarters,
            indicators,
            mean_achievement_ratio: i.mean_achievement_ratio,
        }
    }
}

/// One bucket in a legend.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct LegendEntry {
    /// The bucket as its distribution names it (`grade`, `status`, `mark` or `achievement`);
    /// `null` for the bucket of initiatives with nothing published.
    #[schema(example = "A")]
    pub key: Option<String>,
    #[schema(example = "順調に進んでいる")]
    pub label: String,
    /// A suggested fill, from a colour-blind-safe palette (Okabe–Ito), `#rrggbb`.
    #[schema(example = "#0072B2", pattern = "^#[0-9A-F]{6}$")]
    pub color: String,
    /// Black or white: text on `color` in it has a contrast of at least 4.5:1 (WCAG 2.1 AA).
    #[schema(example = "#FFFFFF", pattern = "^#[0-9A-F]{6}$")]
    pub text_color: String,
}

/// What one distribution counts, and its buckets in order.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct LegendScale {
    /// What the distribution is, as a heading says it.
    #[schema(example = "評価")]
    pub title: String,
    /// One sentence a reader needs to tell this distribution from the others.
    #[schema(example = "担当課による取組の自己評価（A～D）。")]
    pub description: String,
    pub entries: Vec<LegendEntry>,
}

/// The legend of every distribution of a public summary.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct PublicLegend {
    pub ratings: LegendScale,
    pub progress: LegendScale,
    /// Empty entries for plans that do not report quarterly.
    pub quarter_marks: LegendScale,
    pub indicators: LegendScale,
}

fn entry(key: Option<&str>, label: &str, color: &str) -> LegendEntry {
    LegendEntry {
        key: key.map(String::from),
        label: label.to_string(),
        color: color.to_string(),
        text_color: palette::text_on(color).to_string(),
    }
}

impl PublicLegend {
    pub fn new(scale: &[RatingGrade], rating: RatingSource, quarterly: bool) -> PublicLegend {
        let grade_colours = palette::scale(scale.len());
        let whose = match rating {
            RatingSource::SelfRating => "担当課による取組の自己評価",
            RatingSource::Committee => "推進委員会による取組の評価",
        };
        let codes: Vec<&str> = scale.iter().map(|g| g.code.as_str()).collect();
        let ratings = LegendScale {
            title: "評価".into(),
            description: format!("{whose}（{}）。", codes.join("・")),
            entries: scale
                .iter()
                .zip(&grade_colours)
                .map(|(g, c)| entry(Some(&g.code), &g.label, c))
                .chain([entry(None, UNRATED, palette::GREY)])
                .collect(),
        };
        let progress_colours = palette::scale(ProgressStatus::ALL.len());
        let progress = LegendScale {
            title: "進捗状況".into(),
            description: "その年度の取組がどこまで進んだか（担当課の報告）。評価とは別の項目です。".into(),
            entries: ProgressStatus::ALL
                .iter()
                .zip(&progress_colours)
                .map(|(s, c)| entry(Some(s.as_str()), s.label(), c))
                .chain([entry(None, UNREPORTED, palette::GREY)])
                .collect(),
        };
        let marks = [
            (Some(QuarterMark::Done), palette::BLUE),
            (Some(QuarterMark::NotDone), palette::VERMILLION),
            (Some(QuarterMark::NotApplicable), palette::SKY_BLUE),
            (None, palette::GREY),
        ];
        let quarter_marks = LegendScale {
            title: "四半期の実施状況".into(),
            description: "各四半期に予定した取組を実施したか（○ 実施、× 未実施、— 該当なし）。".into(),
            entries: if quarterly {
                marks.iter().map(|&(m, c)| entry(m.map(QuarterMark::as_str), &quarter_mark_label(m), c)).collect()
            } else {
                Vec::new()
            },
        };
        let indicators = LegendScale {
            title: "指標の達成状況".into(),
            description: "その年度の目標値に実績値が届いたか。目標値か実績値がないものは測定不能です。".into(),
            entries: vec![
                entry(Some(AchievementStatus::Achieved.as_str()), AchievementStatus::Achieved.label(), palette::BLUE),
                entry(
                    Some(AchievementStatus::NotAchieved.as_str()),
                    AchievementStatus::NotAchieved.label(),
                    palette::VERMILLION,
                ),
                entry(
                    Some(AchievementStatus::NotMeasurable.as_str()),
                    AchievementStatus::NotMeasurable.label(),
                    palette::GREY,
                ),
            ],
        };
        PublicLegend { ratings, progress, quarter_marks, indicators }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enums::WorkflowState;

    fn scale() -> Vec<RatingGrade> {
        crate::models::plans::default_rating_scale()
    }

    fn counts() -> Counts {
        let codes: Vec<String> = scale().into_iter().map(|g| g.code).collect();
        let mut c = Counts::new(&codes);
        c.add_reports(31, Some(WorkflowState::Published), Some(ProgressStatus::OnTrack), Some("A"));
        c.add_reports(15, Some(WorkflowState::Published), Some(ProgressStatus::MostlyOnTrack), Some("B"));
        c.add_reports(2, None, None, None);
        c.add_marks(1, Some(QuarterMark::Done), 40);
        c.finish()
    }

    #[test]
    fn ratings_are_ordered_buckets_with_shares_and_unrated_last() {
        let p = PublicCounts::of(&counts(), &scale(), true);
        let grades: Vec<_> = p.ratings.iter().map(|r| (r.grade.as_deref(), r.count, r.share)).collect();
        assert_eq!(
            grades,
            [
                (Some("A"), 31, 0.646),
                (Some("B"), 15, 0.313),
                (Some("C"), 0, 0.0),
                (Some("D"), 0, 0.0),
                (None, 2, 0.042)
            ]
        );
        assert_eq!((p.ratings[0].label.as_str(), p.ratings[4].label.as_str()), ("順調に進んでいる", "未評価"));
        assert_eq!((p.initiatives, p.published), (48, 46));
        assert_eq!(p.progress.last().map(|s| (s.status, s.count, s.label.as_str())), Some((None, 2, "未報告")));
        assert_eq!(p.quarters[0].marks[0].count, 40);
        assert_eq!(p.quarters[0].marks[3], MarkShare { mark: None, label: "未報告".into(), count: 8, share: 0.167 });
    }

    #[test]
    fn quarters_only_for_plans_that_report_quarterly() {
        assert!(PublicCounts::of(&counts(), &scale(), false).quarters.is_empty());
        assert!(PublicLegend::new(&scale(), RatingSource::SelfRating, false).quarter_marks.entries.is_empty());
        assert_eq!(PublicLegend::new(&scale(), RatingSource::SelfRating, true).quarter_marks.entries.len(), 4);
    }

    #[test]
    fn nothing_counted_shares_nothing() {
        let p = PublicCounts::of(&Counts::new(&["A".into()]).finish(), &scale(), false);
        assert!(p.ratings.iter().all(|r| r.share == 0.0) && p.progress.iter().all(|s| s.share == 0.0));
        assert!(p.indicators.iter().all(|i| i.share == 0.0));
        assert_eq!(share(1, 3), 0.333);
    }

    #[test]
    fn the_legend_labels_every_bucket_and_tells_rating_from_progress() {
        let legend = PublicLegend::new(&scale(), RatingSource::Committee, true);
        let p = PublicCounts::of(&counts(), &scale(), true);
        let keys = |l: &LegendScale| l.entries.iter().map(|e| e.key.clone()).collect::<Vec<_>>();
        assert_eq!(keys(&legend.ratings), p.ratings.iter().map(|r| r.grade.clone()).collect::<Vec<_>>());
        assert_eq!(
            keys(&legend.progress),
            p.progress.iter().map(|s| s.status.map(|s| s.as_str().to_string())).collect::<Vec<_>>()
        );
        assert_ne!(legend.ratings.title, legend.progress.title);
        assert!(legend.ratings.description.contains("推進委員会"));
        for e in legend.ratings.entries.iter().chain(&legend.progress.entries).chain(&legend.quarter_marks.entries) {
            assert!(palette::contrast(&e.color, &e.text_color).unwrap() >= 4.5, "{e:?}");
        }
    }
}
