//! Rating suggestions (docs/domain.md, "Rating suggestions"): a plan's rule that proposes a
//! self-rating from the share of a year's measurable indicators that were achieved. The
//! department still rates; the suggestion stands beside its rating. Pure: no database.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

/// Shares are compared with this much slack, so that a threshold of 0.8 meets 4 of 5 although
/// 0.8 has no exact binary form.
const SLACK: f64 = 1e-9;

/// A plan's rule for suggesting a self-rating (評価の目安). The steps are tried in order; the
/// first whose threshold the share of achieved indicators meets gives the grade. The share is
/// taken over the measurable indicators only (target and actual both given), and only when
/// enough of them are measurable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "steps": [
        {"grade": "A", "at_least": 1.0},
        {"grade": "B", "at_least": 0.5},
        {"grade": "C", "more_than": 0.0},
        {"grade": "D", "at_least": 0.0}
    ],
    "min_measurable": 1,
    "min_measurable_share": 0.0
}))]
pub struct RatingRule {
    /// From the highest threshold to the lowest; every grade one of the plan's scale.
    #[validate(length(min = 1, max = 10), nested)]
    #[schema(min_items = 1, max_items = 10)]
    pub steps: Vec<RatingStep>,
    /// The fewest measurable indicators a suggestion needs (default 1).
    #[serde(default = "one")]
    #[validate(range(min = 1, max = 1000))]
    #[schema(default = 1, minimum = 1, maximum = 1000, example = 1)]
    pub min_measurable: i32,
    /// The least share of the year's indicators that must be measurable, 0–1 (default 0: any share,
    /// `1`: every indicator).
    #[serde(default)]
    #[validate(range(min = 0.0, max = 1.0))]
    #[schema(default = 0.0, minimum = 0.0, maximum = 1.0, example = 0.5)]
    pub min_measurable_share: f64,
}

fn one() -> i32 {
    1
}

/// One step of a rule: a grade and its threshold, `at_least` or `more_than` (exactly one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct RatingStep {
    /// A grade of the plan's rating scale.
    #[validate(length(min = 1, max = 8))]
    #[schema(example = "B", min_length = 1, max_length = 8)]
    pub grade: String,
    /// Met when the share of measurable indicators achieved is at least this (0–1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(range(min = 0.0, max = 1.0))]
    #[schema(minimum = 0.0, maximum = 1.0, example = 0.5)]
    pub at_least: Option<f64>,
    /// Met when the share is more than this (0–1): `0` means at least one achieved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(range(min = 0.0, max = 1.0))]
    #[schema(minimum = 0.0, maximum = 1.0)]
    pub more_than: Option<f64>,
}

impl RatingStep {
    /// The threshold, and whether it is strict (`more_than`); `None` when not exactly one is given.
    fn threshold(&self) -> Option<(f64, bool)> {
        match (self.at_least, self.more_than) {
            (Some(t), None) => Some((t, false)),
            (None, Some(t)) => Some((t, true)),
            _ => None,
        }
    }

    fn met_by(&self, share: f64) -> bool {
        match self.threshold() {
            Some((t, false)) => share + SLACK >= t,
            Some((t, true)) => share > t + SLACK,
            None => false,
        }
    }
}

/// A problem with a rule, beyond the ranges: where (a JSON pointer below the rule) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleProblem {
    pub at: String,
    pub code: &'static str,
    pub message: String,
}

impl RatingRule {
    /// The rule many municipalities rate by: every measurable indicator achieved → A, at least
    /// half → B, any → C, none → D.
    pub fn usual() -> RatingRule {
        let step = |grade: &str, at_least: Option<f64>, more_than: Option<f64>| RatingStep {
            grade: grade.into(),
            at_least,
            more_than,
        };
        RatingRule {
            steps: vec![
                step("A", Some(1.0), None),
                step("B", Some(0.5), None),
                step("C", None, Some(0.0)),
                step("D", Some(0.0), None),
            ],
            min_measurable: 1,
            min_measurable_share: 0.0,
        }
    }

    /// What the ranges cannot say: each step has one threshold, names a grade of `scale`, and the
    /// steps go from the highest threshold to the lowest (a later step with a higher one could
    /// never be reached).
    pub fn problems(&self, scale: &[&str]) -> Vec<RuleProblem> {
        let mut out = Vec::new();
        let mut previous: Option<(f64, bool)> = None;
        for (i, step) in self.steps.iter().enumerate() {
            if !scale.contains(&step.grade.as_str()) {
                out.push(RuleProblem {
                    at: format!("/steps/{i}/grade"),
                    code: "unknown_grade",
                    message: format!("must be a grade of the plan's rating scale ({})", scale.join(", ")),
                });
            }
            let Some(threshold) = step.threshold() else {
                out.push(RuleProblem {
                    at: format!("/steps/{i}"),
                    code: "one_threshold",
                    message: "must give exactly one of at_least and more_than".into(),
                });
                continue;
            };
            // (t, strict) orders as the share needed: more than t needs more than at least t.
            if let Some(p) = previous {
                if (threshold.0, threshold.1) >= p {
                    out.push(RuleProblem {
                        at: format!("/steps/{i}"),
                        code: "threshold_order",
                        message: "steps must go from the highest threshold to the lowest".into(),
                    });
                }
            }
            previous = Some(threshold);
        }
        out
    }

    /// The rule in words, for a legend: `すべて達成→A、50%以上達成→B、1件以上達成→C、それ以外→D
    /// （測定できた指標が1件以上の年度）`.
    pub fn describe(&self) -> String {
        let percent = |t: f64| format!("{}%", (t * 1000.0).round() / 10.0);
        let steps: Vec<String> = self
            .steps
            .iter()
            .map(|s| {
                let when = match (s.at_least, s.more_than) {
                    (Some(t), None) if t >= 1.0 => "すべて達成".to_string(),
                    (Some(t), None) if t <= 0.0 => "それ以外".to_string(),
                    (Some(t), None) => format!("{}以上達成", percent(t)),
                    (None, Some(t)) if t <= 0.0 => "1件以上達成".to_string(),
                    (None, Some(t)) => format!("{}を超えて達成", percent(t)),
                    _ => "—".to_string(),
                };
                format!("{when}→{}", s.grade)
            })
            .collect();
        let mut needed = format!("測定できた指標が{}件以上", self.min_measurable.max(1));
        if self.min_measurable_share > 0.0 {
            needed.push_str(&format!("かつ指標の{}以上", percent(self.min_measurable_share)));
        }
        format!("{}（{needed}の年度。割合は測定できた指標に対するもの）", steps.join("、"))
    }

    /// The measurable indicators a suggestion needs out of `indicators`.
    pub fn needed(&self, indicators: u32) -> u32 {
        let by_share = (self.min_measurable_share * f64::from(indicators) - SLACK).ceil().max(0.0) as u32;
        by_share.max(self.min_measurable.max(1) as u32)
    }
}

/// What a suggestion is made from: a report's year, counted over the indicators valid in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Basis {
    pub achieved: u32,
    /// Target and actual both given.
    pub measurable: u32,
    /// Every indicator valid in the year.
    pub indicators: u32,
}

/// The rule's answer for one report's year.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// `None`: too few indicators measurable, or no step met.
    pub grade: Option<String>,
    pub basis: Basis,
    /// `3/4 indicators achieved`.
    pub reason: String,
    /// `測定できた指標4件中3件達成`.
    pub reason_label: String,
}

/// Evaluates `rule` on a year's indicators.
pub fn suggest(rule: &RatingRule, basis: Basis) -> Suggestion {
    let Basis { achieved, measurable, indicators } = basis;
    let needed = rule.needed(indicators);
    if measurable < needed {
        let (reason, reason_label) = if indicators == 0 {
            ("no indicators in the year".to_string(), "この年度の指標なし".to_string())
        } else {
            (
                format!("{measurable}/{indicators} indicators measurable; {needed} needed"),
                format!("測定できた指標が{indicators}件中{measurable}件のため目安なし（{needed}件以上必要）"),
            )
        };
        return Suggestion { grade: None, basis, reason, reason_label };
    }
    let share = f64::from(achieved) / f64::from(measurable);
    let grade = rule.steps.iter().find(|s| s.met_by(share)).map(|s| s.grade.clone());
    Suggestion {
        grade,
        basis,
        reason: format!("{achieved}/{measurable} indicators achieved"),
        reason_label: format!("測定できた指標{measurable}件中{achieved}件達成"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(grade: &str, at_least: Option<f64>, more_than: Option<f64>) -> RatingStep {
        RatingStep { grade: grade.into(), at_least, more_than }
    }

    fn usual() -> RatingRule {
        RatingRule::usual()
    }

    fn grade(rule: &RatingRule, achieved: u32, measurable: u32, indicators: u32) -> Option<String> {
        suggest(rule, Basis { achieved, measurable, indicators }).grade
    }

    #[test]
    fn the_first_step_met_gives_the_grade() {
        let rule = usual();
        assert_eq!(grade(&rule, 4, 4, 4).as_deref(), Some("A"));
        assert_eq!(grade(&rule, 3, 4, 4).as_deref(), Some("B"));
        assert_eq!(grade(&rule, 2, 4, 4).as_deref(), Some("B"), "exactly half is at least 0.5");
        assert_eq!(grade(&rule, 1, 4, 4).as_deref(), Some("C"));
        assert_eq!(grade(&rule, 0, 4, 4).as_deref(), Some("D"));
        let s = suggest(&rule, Basis { achieved: 3, measurable: 4, indicators: 5 });
        assert_eq!(s.reason, "3/4 indicators achieved");
        assert_eq!(s.reason_label, "測定できた指標4件中3件達成");
    }

    #[test]
    fn the_share_is_over_the_measurable_indicators() {
        // 2 of 5 indicators have no actual yet: 3 achieved of 3 measurable is all.
        assert_eq!(grade(&usual(), 3, 3, 5).as_deref(), Some("A"));
    }

    #[test]
    fn thresholds_without_an_exact_binary_form_are_met_exactly() {
        let rule = RatingRule { steps: vec![step("A", Some(0.8), None), step("B", None, Some(0.6))], ..usual() };
        assert_eq!(grade(&rule, 4, 5, 5).as_deref(), Some("A"), "4/5 is at least 0.8");
        assert_eq!(grade(&rule, 3, 5, 5), None, "3/5 is not more than 0.6, and no step is left");
        assert_eq!(grade(&rule, 7, 10, 10).as_deref(), Some("B"));
    }

    #[test]
    fn too_few_measurable_indicators_give_no_grade_and_say_why() {
        let rule = RatingRule { min_measurable: 2, min_measurable_share: 0.5, ..usual() };
        assert_eq!(rule.needed(1), 2);
        assert_eq!(rule.needed(5), 3, "half of 5, rounded up");
        assert_eq!(rule.needed(4), 2);
        let s = suggest(&rule, Basis { achieved: 2, measurable: 2, indicators: 5 });
        assert_eq!(s.grade, None);
        assert_eq!(s.reason, "2/5 indicators measurable; 3 needed");
        assert_eq!(s.reason_label, "測定できた指標が5件中2件のため目安なし（3件以上必要）");
        assert_eq!(grade(&rule, 2, 3, 5).as_deref(), Some("B"));
        let none = suggest(&usual(), Basis::default());
        assert_eq!((none.grade, none.reason.as_str()), (None, "no indicators in the year"));
        let every = RatingRule { min_measurable_share: 1.0, ..usual() };
        assert_eq!(grade(&every, 3, 3, 4), None, "every indicator must be measurable");
        assert_eq!(grade(&every, 3, 4, 4).as_deref(), Some("B"));
    }

    #[test]
    fn a_rule_names_grades_of_the_scale_with_one_threshold_each_from_highest_to_lowest() {
        let scale = ["A", "B", "C", "D"];
        assert!(usual().problems(&scale).is_empty());
        let bad = RatingRule {
            steps: vec![
                step("S", Some(1.0), None),
                step("B", Some(0.5), Some(0.4)),
                step("C", Some(0.2), None),
                step("D", None, Some(0.2)),
            ],
            ..usual()
        };
        let problems: Vec<(String, &str)> = bad.problems(&scale).into_iter().map(|p| (p.at, p.code)).collect();
        assert_eq!(
            problems,
            [
                ("/steps/0/grade".to_string(), "unknown_grade"),
                ("/steps/1".to_string(), "one_threshold"),
                ("/steps/3".to_string(), "threshold_order"),
            ],
            "more than 0.2 needs more than at least 0.2, so it may not come after it"
        );
        let neither = RatingRule { steps: vec![step("A", None, None)], ..usual() };
        assert_eq!(neither.problems(&scale)[0].code, "one_threshold");
    }

    #[test]
    fn a_rule_is_described_in_words() {
        assert_eq!(
            usual().describe(),
            "すべて達成→A、50%以上達成→B、1件以上達成→C、それ以外→D（測定できた指標が1件以上の年度。割合は測定できた指標に対するもの）"
        );
        let rule = RatingRule {
            steps: vec![step("A", None, Some(0.8)), step("B", Some(0.333), None)],
            min_measurable: 2,
            min_measurable_share: 0.5,
        };
        assert_eq!(
            rule.describe(),
            "80%を超えて達成→A、33.3%以上達成→B（測定できた指標が2件以上かつ指標の50%以上の年度。割合は測定できた指標に対するもの）"
        );
    }

    #[test]
    fn a_rule_reads_from_json_with_defaults_and_refuses_unknown_members() {
        let rule: RatingRule = serde_json::from_str(r#"{"steps": [{"grade": "A", "at_least": 1}]}"#).unwrap();
        assert_eq!((rule.min_measurable, rule.min_measurable_share), (1, 0.0));
        assert!(serde_json::from_str::<RatingRule>(r#"{"steps": [], "extra": 1}"#).is_err());
        let written = serde_json::to_string(&usual()).unwrap();
        assert!(written.contains(r#"{"grade":"C","more_than":0.0}"#), "{written}");
        assert_eq!(serde_json::from_str::<RatingRule>(&written).unwrap(), usual());
    }
}
