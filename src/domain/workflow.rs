//! The report workflow (docs/domain.md, "Report workflow") as pure rules: which transition leads where, which
//! fields may be edited in which state, and who sees what. No database, no HTTP.
//!
//! ```text
//!            submit            review            publish
//!   draft ───────────▶ submitted ───────▶ reviewed ───────▶ published
//!     ▲                  │                  │                  │
//!     │ next edit        │ return           │ return           │ correct (admin): a new edition
//!     │                  ▼                  ▼                  ▼
//!  returned ◀────────────┴──────────────────┘                draft
//!  (returned may also be submitted again as it is)
//! ```

use crate::domain::enums::WorkflowState;

crate::text_enum! {
    /// A step of the report workflow, each its own endpoint.
    Transition {
        /// The responsible department (or admin) hands the report in.
        Submit => "submit", "提出";
        /// The committee or the secretariat sends it back, with a reason.
        Return => "return", "差戻し";
        /// The committee or the secretariat marks it reviewed.
        Review => "review", "確認";
        /// The secretariat publishes it.
        Publish => "publish", "公開";
        /// The secretariat opens a correction of a published report (a new edition).
        Correct => "correct", "訂正";
    }
}

/// Where a transition leads from `state`, or `None` when it is impossible there.
pub fn next(state: WorkflowState, transition: Transition) -> Option<WorkflowState> {
    use Transition as T;
    use WorkflowState as S;
    match (state, transition) {
        // A returned report may be handed in again as it is (the department may disagree).
        (S::Draft | S::Returned, T::Submit) => Some(S::Submitted),
        (S::Submitted | S::Reviewed, T::Return) => Some(S::Returned),
        (S::Submitted, T::Review) => Some(S::Reviewed),
        (S::Reviewed, T::Publish) => Some(S::Published),
        (S::Published, T::Correct) => Some(S::Draft),
        _ => None,
    }
}

/// The states a transition starts from (for the message of a refused one).
pub fn allowed_from(transition: Transition) -> Vec<WorkflowState> {
    WorkflowState::ALL.iter().copied().filter(|s| next(*s, transition).is_some()).collect()
}

/// The department's text (plan, results, issues, quarters, indicator actuals…) is written in
/// `draft`, and in `returned`, which an edit turns back into `draft`.
pub fn department_text_editable(state: WorkflowState) -> bool {
    matches!(state, WorkflowState::Draft | WorkflowState::Returned)
}

/// The state after the department edits its text.
pub fn after_department_edit(state: WorkflowState) -> WorkflowState {
    match state {
        WorkflowState::Returned => WorkflowState::Draft,
        other => other,
    }
}

/// The committee's opinion and rating are written while the report is under review.
pub fn committee_fields_editable(state: WorkflowState) -> bool {
    matches!(state, WorkflowState::Submitted | WorkflowState::Reviewed)
}

/// Comments are exchanged while the report is with the committee, or returned from it.
pub fn comments_open(state: WorkflowState) -> bool {
    matches!(state, WorkflowState::Submitted | WorkflowState::Reviewed | WorkflowState::Returned)
}

/// Whether the report has left the department's hands: what the committee and other
/// departments may see (they never see a draft or a returned report).
pub fn handed_in(state: WorkflowState) -> bool {
    matches!(state, WorkflowState::Submitted | WorkflowState::Reviewed | WorkflowState::Published)
}

#[cfg(test)]
mod tests {
    use super::*;
    use WorkflowState as S;

    #[test]
    fn the_happy_path_and_the_way_back() {
        assert_eq!(next(S::Draft, Transition::Submit), Some(S::Submitted));
        assert_eq!(next(S::Submitted, Transition::Review), Some(S::Reviewed));
        assert_eq!(next(S::Reviewed, Transition::Publish), Some(S::Published));
        assert_eq!(next(S::Submitted, Transition::Return), Some(S::Returned));
        assert_eq!(next(S::Reviewed, Transition::Return), Some(S::Returned));
        assert_eq!(after_department_edit(S::Returned), S::Draft);
        assert_eq!(next(S::Published, Transition::Correct), Some(S::Draft));
    }

    #[test]
    fn impossible_transitions() {
        // Exactly the five arrows of the diagram exist.
        let possible: usize =
            S::ALL.iter().map(|s| Transition::ALL.iter().filter(|t| next(*s, **t).is_some()).count()).sum();
        assert_eq!(possible, 7, "2×→submitted, submitted→reviewed, reviewed→published, 2×→returned, published→draft");
        assert_eq!(next(S::Draft, Transition::Publish), None);
        assert_eq!(next(S::Returned, Transition::Submit), Some(S::Submitted));
        assert_eq!(next(S::Submitted, Transition::Submit), None);
        assert_eq!(next(S::Published, Transition::Return), None);
        assert_eq!(next(S::Reviewed, Transition::Review), None);
        assert_eq!(allowed_from(Transition::Return), vec![S::Submitted, S::Reviewed]);
    }

    #[test]
    fn who_writes_when() {
        for s in S::ALL {
            assert!(!(department_text_editable(*s) && committee_fields_editable(*s)), "{s:?}: never both");
            assert_eq!(handed_in(*s), !department_text_editable(*s), "{s:?}");
        }
        assert!(!committee_fields_editable(S::Published), "a published report is corrected by a new edition");
    }
}
