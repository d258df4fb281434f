//! Achievement of an indicator in one fiscal year (docs/domain.md, "Achievement"). Pure arithmetic.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::domain::enums::Direction;
use crate::domain::validation::is_indicator_number;

crate::text_enum! {
    /// Whether an indicator met its target in a fiscal year.
    AchievementStatus {
        Achieved => "achieved", "達成";
        NotAchieved => "not_achieved", "未達成";
        /// Target or actual missing: counted, never guessed.
        NotMeasurable => "not_measurable", "測定不能";
    }
}

/// The verdict for one indicator and FY.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Achievement {
    pub status: AchievementStatus,
    #[schema(example = "達成")]
    pub status_label: String,
    /// How far the target was reached (1.0 = exactly): actual / target for `increase` and
    /// `maintain`, target / actual for `decrease` (1.0 when the actual is 0). `null` when not
    /// measurable or when the ratio has no meaning (a target of 0 to increase from, negative
    /// numbers, a number stored before the range every entry point enforces).
    #[schema(example = 1.15)]
    pub ratio: Option<f64>,
}

fn verdict(status: AchievementStatus, ratio: Option<f64>) -> Achievement {
    Achievement { status, status_label: status.label().to_string(), ratio: ratio.filter(|r| r.is_finite()) }
}

/// `tolerance` applies to `maintain` (default 0).
pub fn evaluate(direction: Direction, tolerance: Option<f64>, target: Option<f64>, actual: Option<f64>) -> Achievement {
    use AchievementStatus::*;
    let (Some(target), Some(actual)) = (target, actual) else {
        return verdict(NotMeasurable, None);
    };
    // Only numbers in the entry range have a ratio: it then stays far inside a double's range.
    let positive = target >= 0.0 && actual >= 0.0 && is_indicator_number(target) && is_indicator_number(actual);
    match direction {
        Direction::Increase => {
            let ratio = (positive && target > 0.0).then(|| actual / target);
            verdict(if actual >= target { Achieved } else { NotAchieved }, ratio)
        }
        Direction::Decrease => {
            let ratio = positive.then(|| if actual == 0.0 { 1.0 } else { target / actual });
            verdict(if actual <= target { Achieved } else { NotAchieved }, ratio)
        }
        Direction::Maintain => {
            let tolerance = tolerance.unwrap_or(0.0).abs();
            let ratio = (positive && target > 0.0).then(|| actual / target);
            // Beyond 10³⁰⁰ a difference may overflow (an error in PostgreSQL's arithmetic, which
            // the summaries share): there only equal values are achieved.
            let comparable = actual.abs() < 1e300 && target.abs() < 1e300;
            let achieved = actual == target || (comparable && (actual - target).abs() <= tolerance);
            verdict(if achieved { Achieved } else { NotAchieved }, ratio)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AchievementStatus::*;

    fn status(d: Direction, tol: Option<f64>, t: Option<f64>, a: Option<f64>) -> AchievementStatus {
        evaluate(d, tol, t, a).status
    }

    #[test]
    fn increase() {
        let r = evaluate(Direction::Increase, None, Some(2000.0), Some(2300.0));
        assert_eq!((r.status, r.ratio), (Achieved, Some(1.15)));
        let r = evaluate(Direction::Increase, None, Some(3000.0), Some(2431.0));
        assert_eq!(r.status, NotAchieved);
        assert!((r.ratio.unwrap() - 0.810_333).abs() < 1e-6);
        assert_eq!(status(Direction::Increase, None, Some(10.0), Some(10.0)), Achieved, "equal is achieved");
        let r = evaluate(Direction::Increase, None, Some(0.0), Some(3.0));
        assert_eq!((r.status, r.ratio), (Achieved, None), "no ratio against a target of 0");
    }

    #[test]
    fn decrease_with_target_zero() {
        // Serious accidents: target 0.
        let r = evaluate(Direction::Decrease, None, Some(0.0), Some(0.0));
        assert_eq!((r.status, r.ratio), (Achieved, Some(1.0)));
        let r = evaluate(Direction::Decrease, None, Some(0.0), Some(2.0));
        assert_eq!((r.status, r.ratio), (NotAchieved, Some(0.0)));
        let r = evaluate(Direction::Decrease, None, Some(10.0), Some(8.0));
        assert_eq!((r.status, r.ratio), (Achieved, Some(1.25)));
        let r = evaluate(Direction::Decrease, None, Some(10.0), Some(20.0));
        assert_eq!((r.status, r.ratio), (NotAchieved, Some(0.5)));
    }

    #[test]
    fn maintain_within_tolerance() {
        assert_eq!(status(Direction::Maintain, None, Some(100.0), Some(100.0)), Achieved);
        assert_eq!(status(Direction::Maintain, None, Some(100.0), Some(101.0)), NotAchieved, "default tolerance 0");
        assert_eq!(status(Direction::Maintain, Some(5.0), Some(100.0), Some(95.0)), Achieved);
        assert_eq!(status(Direction::Maintain, Some(5.0), Some(100.0), Some(106.0)), NotAchieved);
        assert_eq!(evaluate(Direction::Maintain, Some(1.0), Some(100.0), Some(101.0)).ratio, Some(1.01));
    }

    #[test]
    fn missing_numbers_are_not_measurable() {
        for d in Direction::ALL {
            assert_eq!(status(*d, None, None, Some(1.0)), NotMeasurable);
            assert_eq!(status(*d, None, Some(1.0), None), NotMeasurable);
            assert_eq!(evaluate(*d, None, None, None).ratio, None);
        }
    }

    #[test]
    fn numbers_outside_the_entry_range_have_a_verdict_and_no_ratio() {
        for (d, t, a) in [
            (Direction::Decrease, 1e-300, 1e300),
            (Direction::Increase, 1e-308, 1e308),
            (Direction::Maintain, 1e16, 1e16),
            (Direction::Increase, 5.0, 1e-7),
        ] {
            let r = evaluate(d, None, Some(t), Some(a));
            assert_eq!(r.ratio, None, "{d:?} {t} {a}");
            assert_ne!(r.status, NotMeasurable);
        }
        assert_eq!(evaluate(Direction::Maintain, None, Some(1e16), Some(1e16)).status, Achieved);
        assert_eq!(evaluate(Direction::Increase, None, Some(1e-6), Some(1e15)).ratio, Some(1e21));
    }

    #[test]
    fn negative_numbers_have_no_ratio() {
        let r = evaluate(Direction::Increase, None, Some(-5.0), Some(-2.0));
        assert_eq!((r.status, r.ratio), (Achieved, None));
    }
}
