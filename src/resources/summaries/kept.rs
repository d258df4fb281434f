//! Plan summaries and trends read from the kept counts (docs/summaries.md, "Kept counts"):
//! a few rows per group and year, whatever the number of reports. Which cells count, and how,
//! follows the caller's sight and filter here, by the same rules as the recount in [`super::query`],
//! which `check-summaries` and the tests compare it with.

use std::collections::BTreeMap;

use uuid::Uuid;

use super::counts::Counts;
use super::query::{Filter, Grouping, RatingSource};
use crate::db::{tally as kept, DbConnection};
use crate::domain::achievement::AchievementStatus;
use crate::domain::enums::{ProgressStatus, QuarterMark, WorkflowState};
use crate::domain::suggestion::Basis;
use crate::domain::tally::{kind, Tally, SEP};
use crate::error::{ApiError, ApiResult};
use crate::web::policy::SummarySight;

/// What to read: one year's totals and groups, or the totals of a range of years.
pub enum Read {
    /// Keys: `""` for the totals, the node's or department's id for a group.
    Year { fy: i32, grouping: Option<Grouping> },
    /// Keys: the fiscal year.
    Years { from: i32, to: i32 },
}

/// The counts per key, as [`super::query::count`] gives them.
pub fn count(
    conn: &mut DbConnection,
    plan: Uuid,
    read: &Read,
    filter: &Filter<'_>,
    scale: &[String],
) -> ApiResult<BTreeMap<String, Counts>> {
    let edition = if *filter.sight == SummarySight::Published { "p" } else { "c" };
    // A department's read also counts the contents its departments may see of reports not
    // handed in (the `x` cells, computed from its initiatives' stored facts); every other read
    // needs none of them.
    let mut families = vec![edition];
    let revealing = match filter.sight {
        SummarySight::HandedInOr(mine) => mine.as_slice(),
        _ => &[],
    };
    if !revealing.is_empty() {
        families.push("x");
    }
    let (mut sets, years) = (
        Vec::new(),
        match *read {
            Read::Year { fy, .. } => (fy, fy),
            Read::Years { from, to } => (from, to),
        },
    );
    for family in &families {
        sets.push(family.to_string());
        match *read {
            Read::Year { grouping: Some(Grouping::Node(level)), .. } => sets.push(format!("{family}n{level}")),
            Read::Year { grouping: Some(Grouping::Department), .. } => sets.push(format!("{family}d")),
            _ => {}
        }
    }
    let rows = kept::read(conn, plan, &sets, years, revealing)?;
    let mut out: BTreeMap<String, Counts> = BTreeMap::new();
    for (set, fy, key, cell, tally) in rows {
        let revealing = set.starts_with('x');
        let key = match read {
            Read::Year { .. } if set.len() == 1 => String::new(),
            Read::Year { .. } => key,
            Read::Years { .. } => fy.to_string(),
        };
        let counts = out.entry(key).or_insert_with(|| Counts::new(scale));
        if revealing {
            reveal(counts, &cell, tally, filter)?;
        } else {
            add(counts, &cell, tally, filter)?;
        }
    }
    Ok(out.into_iter().map(|(k, c)| (k, c.finish())).collect())
}

fn fault(cell: &str) -> ApiError {
    ApiError::Internal(format!("kept count with an unknown cell: {}", cell.escape_debug()))
}

/// Adds one kept cell to `counts` as `filter` asks and its sight allows.
fn add(counts: &mut Counts, cell: &str, t: Tally, filter: &Filter<'_>) -> ApiResult<()> {
    let parts: Vec<&str> = cell.split(SEP).collect();
    let [what, state, departments, rest @ ..] = parts.as_slice() else { return Err(fault(cell)) };
    let state = (!state.is_empty()).then(|| WorkflowState::from_db(state)).transpose()?;
    let counted = state.filter(|s| filter.counted_states().contains(s));
    let seen = counted.is_some() && seen(filter.sight, counted);
    debug_assert!(departments.is_empty(), "departments are named in x cells only");
    let value = rest.first().copied().filter(|v| !v.is_empty());
    match *what {
        kind::WORKFLOW => counts.add_workflow(t.n, counted),
        kind::PROGRESS => counts.add_progress(t.n, value.filter(|_| seen).map(ProgressStatus::from_db).transpose()?),
        kind::SELF_RATING | kind::COMMITTEE_RATING => {
            let asked = match filter.rating {
                RatingSource::SelfRating => kind::SELF_RATING,
                RatingSource::Committee => kind::COMMITTEE_RATING,
            };
            if *what == asked {
                counts.add_grade(t.n, value.filter(|_| seen));
            }
        }
        kind::MARK => {
            let [quarter, mark] = rest else { return Err(fault(cell)) };
            let quarter: i32 = quarter.parse().map_err(|_| fault(cell))?;
            if seen {
                counts.add_marks(quarter, Some(QuarterMark::from_db(mark)?), t.n);
            }
        }
        kind::INDICATOR => {
            let verdict = AchievementStatus::from_db(value.ok_or_else(|| fault(cell))?)?;
            // The secretariat asking for every state counts every value, with a report or not.
            let visible = (*filter.sight == SummarySight::All && filter.states.is_empty()) || seen;
            if visible {
                counts.add_indicators(verdict, t.n, t.ratio_units, t.ratio_n);
            } else {
                counts.add_indicators(AchievementStatus::NotMeasurable, t.n, 0, 0);
            }
        }
        kind::BASIS => {
            if seen {
                add_basis(counts, rest, t.n).ok_or_else(|| fault(cell))?;
            }
        }
        _ => return Err(fault(cell)),
    }
    Ok(())
}

/// A report's basis for a rating suggestion (`achieved|measurable|indicators|self-rating`).
fn add_basis(counts: &mut Counts, rest: &[&str], n: i64) -> Option<()> {
    let [achieved, measurable, indicators, grade] = rest else { return None };
    let basis = Basis {
        achieved: achieved.parse().ok()?,
        measurable: measurable.parse().ok()?,
        indicators: indicators.parse().ok()?,
    };
    counts.add_basis(n, basis, Some(*grade).filter(|g| !g.is_empty()));
    Some(())
}

/// Whether contents of a report in `state` may be counted by everyone with this sight: handed-in
/// reports by all who count, the others by the secretariat (and by the initiative's departments:
/// see [`reveal`]).
fn seen(sight: &SummarySight, state: Option<WorkflowState>) -> bool {
    match sight {
        SummarySight::All | SummarySight::Published => true,
        SummarySight::HandedInOr(_) => {
            matches!(state, Some(WorkflowState::Submitted | WorkflowState::Reviewed | WorkflowState::Published))
        }
    }
}

/// An `x` cell: contents of reports not handed in, of initiatives of these departments. When one
/// of them is the caller's, what [`add`] counted as not seen is counted as what it is.
fn reveal(counts: &mut Counts, cell: &str, t: Tally, filter: &Filter<'_>) -> ApiResult<()> {
    let SummarySight::HandedInOr(mine) = filter.sight else { return Ok(()) };
    let parts: Vec<&str> = cell.split(SEP).collect();
    let [what, state, departments, rest @ ..] = parts.as_slice() else { return Err(fault(cell)) };
    let state = (!state.is_empty()).then(|| WorkflowState::from_db(state)).transpose()?;
    let counted = state.is_some_and(|s| filter.counted_states().contains(&s));
    let theirs = departments.split(',').any(|d| d.parse::<Uuid>().is_ok_and(|d| mine.contains(&d)));
    if !counted || !theirs {
        return Ok(());
    }
    let value = rest.first().copied().filter(|v| !v.is_empty());
    match *what {
        kind::PROGRESS => {
            counts.add_progress(-t.n, None);
            counts.add_progress(t.n, value.map(ProgressStatus::from_db).transpose()?);
        }
        kind::SELF_RATING | kind::COMMITTEE_RATING => {
            let asked = match filter.rating {
                RatingSource::SelfRating => kind::SELF_RATING,
                RatingSource::Committee => kind::COMMITTEE_RATING,
            };
            if *what == asked {
                counts.add_grade(-t.n, None);
                counts.add_grade(t.n, value);
            }
        }
        kind::MARK => {
            let [quarter, mark] = rest else { return Err(fault(cell)) };
            let quarter: i32 = quarter.parse().map_err(|_| fault(cell))?;
            counts.add_marks(quarter, Some(QuarterMark::from_db(mark)?), t.n);
        }
        kind::INDICATOR => {
            let verdict = AchievementStatus::from_db(value.ok_or_else(|| fault(cell))?)?;
            counts.add_indicators(AchievementStatus::NotMeasurable, -t.n, 0, 0);
            counts.add_indicators(verdict, t.n, t.ratio_units, t.ratio_n);
        }
        // Not counted by `add`, which counts only what every reader with the sight may.
        kind::BASIS => add_basis(counts, rest, t.n).ok_or_else(|| fault(cell))?,
        _ => return Err(fault(cell)),
    }
    Ok(())
}
