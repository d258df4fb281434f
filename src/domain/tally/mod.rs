//! Kept summary counts (docs/summaries.md, "Kept counts"). Pure: no database.
//!
//! A plan's counts are the sum, over its initiatives, of what each one adds: its **cells**. A
//! cell names one thing counted (a workflow state, a progress status, a grade, a quarter mark,
//! an indicator verdict) together with what decides who may count it: the report's state and,
//! for reports not handed in, the initiative's departments. So one stored set of counts answers
//! every sight, state filter and rating source (`resources::summaries::kept` reads it).
//!
//! An initiative's cells follow from its [`Facts`]: what its rows say that the counts need. The
//! facts last counted are stored beside the counts; a write replaces an initiative's facts and
//! adds to the counts the difference between the old cells and the new ([`difference`]). The
//! invariant: every plan's counts equal the sum of the cells of its initiatives' stored facts,
//! and the stored facts are those of the rows (`shinchoku check-summaries` recounts both).

use std::collections::{BTreeMap, HashMap};

use crate::domain::enums::WorkflowState;

mod facts;
mod rows;

pub use facts::{ratio_units, Edition, Facts, Verdict, Year, RATIO_MAX, RATIO_UNIT};
pub use rows::{active_in, year, ReportRow, Rule, Snapshot, Value};

/// Separates the parts of a cell's text (never in a state, status, grade or mark).
pub const SEP: char = '\u{1f}';

/// Where a count is kept: the year, the set of groups (`c`/`p` for the current or published
/// edition, then nothing for the totals, `n<level>` for nodes of a level, `d` for departments),
/// the group's key (node or department id; empty for the totals), and the cell.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub fiscal_year: i32,
    pub set: String,
    pub key: String,
    pub cell: String,
}

/// What is counted in one place: how many, and the sum and number of ratios (indicator cells).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub n: i64,
    pub ratio_units: i64,
    pub ratio_n: i64,
}

impl Tally {
    fn add(&mut self, o: Tally, sign: i64) {
        self.n += sign * o.n;
        self.ratio_units += sign * o.ratio_units;
        self.ratio_n += sign * o.ratio_n;
    }

    pub fn is_zero(&self) -> bool {
        *self == Tally::default()
    }
}

/// The kinds of cell, the first part of its text.
pub mod kind {
    /// The report's workflow state (`""`: no report). Counts the initiatives.
    pub const WORKFLOW: &str = "W";
    pub const PROGRESS: &str = "P";
    pub const SELF_RATING: &str = "S";
    pub const COMMITTEE_RATING: &str = "C";
    /// A quarter's mark: `Q|state|departments|quarter|mark`.
    pub const MARK: &str = "Q";
    /// An indicator's verdict: `I|state|departments|status`.
    pub const INDICATOR: &str = "I";
    /// What a rating suggestion is made from, for a report: `G|state|departments|achieved|
    /// measurable|indicators|self-rating` ([`crate::domain::suggestion::Basis`]). Kept apart from
    /// any rule, so that a plan's rule may change without a recount.
    pub const BASIS: &str = "G";
}

/// The basis of a rating suggestion in an edition's verdicts.
pub fn basis(e: &Edition) -> crate::domain::suggestion::Basis {
    let count = |f: &dyn Fn(&str) -> bool| e.indicators.iter().filter(|v| f(&v.0)).count() as u32;
    crate::domain::suggestion::Basis {
        achieved: count(&|s| s == "achieved"),
        measurable: count(&|s| s != "not_measurable"),
        indicators: e.indicators.len() as u32,
    }
}

/// A cell's parts: kind, report state, departments (for reports not handed in), then the value.
pub fn cell(parts: &[&str]) -> String {
    parts.join(&SEP.to_string())
}

fn handed_in(state: &str) -> bool {
    [WorkflowState::Submitted, WorkflowState::Reviewed, WorkflowState::Published].iter().any(|s| s.as_str() == state)
}

/// A cell with the family of groups it is counted in: `c` (current rows), `p` (published
/// editions) or `x` (current rows not handed in, by department: see [`edition_cells`]).
type FamilyCell = (&'static str, String, Tally);

/// The cells of one edition, counted in the groups of `family`: `c` or `p`, which are kept; or
/// `x`, the contents of a current report not handed in (draft, returned). Those depend on who
/// asks: the initiative's departments count them, others do not. They are not kept (a department
/// may own any set of initiatives, and keeping them per set of departments would multiply the
/// rows a write moves tenfold): a department's read computes them from the stored facts of its
/// initiatives ([`hidden`]), and every other read never needs them.
fn edition_cells(e: &Edition, departments: &str, family: &'static str, out: &mut Vec<FamilyCell>) {
    let state = e.state.as_deref().unwrap_or("");
    if family == "x" && (state.is_empty() || handed_in(state)) {
        return;
    }
    let one = Tally { n: 1, ..Tally::default() };
    let push = |kind: &str, rest: &[&str], tally: Tally, out: &mut Vec<FamilyCell>| {
        if family == "x" && kind == kind::WORKFLOW {
            return; // who is late is everyone's to count
        }
        let ds = if family == "x" { departments } else { "" };
        out.push((family, cell(&[&[kind, state, ds][..], rest].concat()), tally));
    };
    push(kind::WORKFLOW, &[], one, out);
    push(kind::PROGRESS, &[e.progress.as_deref().unwrap_or("")], one, out);
    push(kind::SELF_RATING, &[e.self_rating.as_deref().unwrap_or("")], one, out);
    push(kind::COMMITTEE_RATING, &[e.committee_rating.as_deref().unwrap_or("")], one, out);
    for (q, mark) in &e.marks {
        push(kind::MARK, &[&q.to_string(), mark], one, out);
    }
    for Verdict(status, ratio) in &e.indicators {
        let tally = Tally { n: 1, ratio_units: ratio.unwrap_or(0), ratio_n: i64::from(ratio.is_some()) };
        push(kind::INDICATOR, &[status], tally, out);
    }
    if !state.is_empty() {
        let b = basis(e);
        let [achieved, measurable, indicators] = [b.achieved, b.measurable, b.indicators].map(|n| n.to_string());
        let grade = e.self_rating.as_deref().unwrap_or("");
        push(kind::BASIS, &[&achieved, &measurable, &indicators, grade], one, out);
    }
}

/// The groups an initiative counts in, for one family of groups: the totals, each node, each
/// department.
fn groups<'a>(facts: &'a Facts, family: &'a str) -> impl Iterator<Item = (String, &'a str)> + 'a {
    std::iter::once((family.to_string(), ""))
        .chain(facts.nodes.iter().map(move |(level, id)| (format!("{family}n{level}"), id.as_str())))
        .chain(facts.departments.iter().map(move |id| (format!("{family}d"), id.as_str())))
}

/// A map hashed quickly: a batch adds up a million (place, cell) pairs, and the standard hasher
/// (built to resist keys chosen to collide) took a third of that time. The keys are this
/// module's own numbers and the texts of cells and groups, made of stored states, grades, marks
/// and ids.
type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// FxHash (as in rustc): a rotate, a xor and a multiply per word.
#[derive(Default)]
struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_i32(&mut self, n: i32) {
        self.add(u64::from(n as u32));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// Counts being added up, place by place. The texts of places are numbered as they first come,
/// so adding one initiative's cells to its groups (tens of places, for thousands of initiatives
/// in a batch) adds integers, not strings.
#[derive(Debug, Default)]
pub struct Delta {
    numbers: FastMap<String, u32>,
    texts: Vec<String>,
    tallies: FastMap<(i32, u32, u32, u32), Tally>,
}

impl Delta {
    fn number(&mut self, text: &str) -> u32 {
        if let Some(n) = self.numbers.get(text) {
            return *n;
        }
        let n = self.texts.len() as u32;
        self.texts.push(text.to_string());
        self.numbers.insert(text.to_string(), n);
        n
    }

    /// The places added to, with what they gained (places whose gains cancel out included).
    pub fn places(self) -> BTreeMap<Place, Tally> {
        let text = |n: u32| self.texts[n as usize].clone();
        self.tallies
            .iter()
            .map(|(&(fiscal_year, set, key, cell), t)| {
                (Place { fiscal_year, set: text(set), key: text(key), cell: text(cell) }, *t)
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.tallies.is_empty()
    }
}

/// Adds `sign` times `cells` in year `fy` to every group of the initiative.
fn fan_out(facts: &Facts, fy: i32, cells: &[FamilyCell], sign: i64, into: &mut Delta) {
    for family in ["c", "p", "x"] {
        let of_family: Vec<(u32, Tally)> =
            cells.iter().filter(|(f, _, _)| *f == family).map(|(_, c, t)| (into.number(c), *t)).collect();
        if of_family.is_empty() {
            continue;
        }
        for (set, key) in groups(facts, family) {
            let (set, key) = (into.number(&set), into.number(key));
            for (c, tally) in &of_family {
                into.tallies.entry((fy, set, key, *c)).or_default().add(*tally, sign);
            }
        }
    }
}

const EDITIONS: [&str; 2] = ["c", "p"];

fn edition_of<'a>(year: &'a Year, prefix: &str) -> &'a Edition {
    if prefix == "c" {
        &year.current
    } else {
        &year.published
    }
}

/// What one initiative's reports not handed in hold in the years `from..=to`, which only its
/// departments may count: its `x` cells (naming the departments), in the groups of family `x`
/// (`x`, `xn<level>`, `xd`), of the sets `sets` only. A department's read adds them to the kept
/// counts. Each place once.
pub fn hidden(facts: &Facts, (from, to): (i32, i32), sets: &[&str]) -> Vec<(Place, Tally)> {
    let mut out = Vec::new();
    let mut edition = Vec::new();
    for year in facts.years.iter().filter(|y| (from..=to).contains(&y.fiscal_year)) {
        edition.clear();
        edition_cells(&year.current, &facts.departments.join(","), "x", &mut edition);
        if edition.is_empty() {
            continue;
        }
        for (set, key) in groups(facts, "x").filter(|(set, _)| sets.contains(&set.as_str())) {
            for (_, cell, tally) in &edition {
                let place =
                    Place { fiscal_year: year.fiscal_year, set: set.clone(), key: key.to_string(), cell: cell.clone() };
                out.push((place, *tally));
            }
        }
    }
    out
}

/// Text that a stored year (serde's compact JSON of [`Year`], or of [`Facts`] holding it)
/// contains when its current report, of year `fy`, is in `state`: a read that needs the hidden
/// cells of some years parses only the years that contain one of these for a state not handed in.
pub fn state_marker(fy: i32, state: &str) -> String {
    format!("\"y\":{fy},\"c\":{{\"w\":\"{state}\"")
}

/// Everything one initiative adds to its plan's counts.
pub fn cells(facts: &Facts) -> BTreeMap<Place, Tally> {
    let mut out = Delta::default();
    cells_into(facts, 1, &mut out);
    out.places()
}

/// Adds `sign` times every cell of `facts` to `out`.
fn cells_into(facts: &Facts, sign: i64, out: &mut Delta) {
    let mut edition = Vec::new();
    for year in &facts.years {
        for prefix in EDITIONS {
            edition.clear();
            // Kept cells (`c`, `p`) never name departments.
            edition_cells(edition_of(year, prefix), "", prefix, &mut edition);
            fan_out(facts, year.fiscal_year, &edition, sign, out);
        }
    }
}

/// The facts `stored` with the fiscal years `years` replaced by what `fresh` says of them (`fresh`
/// is what the rows say of those years only: a year of them it lacks is no longer active). What
/// concerns every year (nodes, departments) is `stored`'s: it has not changed, or the change
/// would have been noted for every year, and `fresh` is read without it.
pub fn with_years(stored: &Facts, fresh: Facts, years: &std::collections::BTreeSet<i32>) -> Facts {
    let mut merged: Vec<Year> = stored.years.iter().filter(|y| !years.contains(&y.fiscal_year)).cloned().collect();
    merged.extend(fresh.years.into_iter().filter(|y| years.contains(&y.fiscal_year)));
    merged.sort_by_key(|y| y.fiscal_year);
    Facts { nodes: stored.nodes.clone(), departments: stored.departments.clone(), years: merged }
}

/// What the counts gain when an initiative's facts go from `old` to `new` (`None`: no facts, as
/// before it existed or after it is deleted), added to `into`. When the groups are the same, only
/// the editions that changed are compared, cell by cell, before being spread over the groups: a
/// report moving from draft to submitted moves a handful of cells, whatever the plan's size.
/// Places whose gains cancel out may be left at zero (callers skip them).
pub fn difference(old: Option<&Facts>, new: Option<&Facts>, into: &mut Delta) {
    if old == new {
        return;
    }
    let (Some(o), Some(n)) = (old, new) else {
        for (facts, sign) in [(old, -1), (new, 1)] {
            if let Some(facts) = facts {
                cells_into(facts, sign, into);
            }
        }
        return;
    };
    if o.nodes != n.nodes || o.departments != n.departments {
        difference(Some(o), None, into);
        difference(None, Some(n), into);
        return;
    }
    fn year(f: &Facts, fy: i32) -> Option<&Year> {
        f.years.iter().find(|y| y.fiscal_year == fy)
    }
    let years: std::collections::BTreeSet<i32> = o.years.iter().chain(&n.years).map(|y| y.fiscal_year).collect();
    let mut changed: BTreeMap<(&'static str, String), Tally> = BTreeMap::new();
    let mut edition = Vec::new();
    for fy in years {
        let (oy, ny) = (year(o, fy), year(n, fy));
        if oy == ny {
            continue;
        }
        for prefix in EDITIONS {
            let (oe, ne) = (oy.map(|y| edition_of(y, prefix)), ny.map(|y| edition_of(y, prefix)));
            if oe == ne {
                continue;
            }
            changed.clear();
            for (e, sign) in [(oe, -1), (ne, 1)] {
                let Some(e) = e else { continue };
                edition.clear();
                // Kept cells (`c`, `p`) never name departments.
                edition_cells(e, "", prefix, &mut edition);
                for (family, c, tally) in edition.drain(..) {
                    changed.entry((family, c)).or_default().add(tally, sign);
                }
            }
            changed.retain(|_, t| !t.is_zero());
            let moved: Vec<FamilyCell> =
                std::mem::take(&mut changed).into_iter().map(|((f, c), t)| (f, c, t)).collect();
            fan_out(n, fy, &moved, 1, into);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(state: &str, grade: &str) -> Edition {
        Edition {
            state: Some(state.into()),
            progress: Some("on_track".into()),
            self_rating: Some(grade.into()),
            committee_rating: None,
            marks: vec![(1, "done".into())],
            indicators: vec![Verdict("achieved".into(), Some(1_150_000)), Verdict("not_measurable".into(), None)],
        }
    }

    fn facts(state: &str) -> Facts {
        Facts {
            nodes: vec![(1, "n1".into()), (2, "n2".into())],
            departments: vec!["d1".into(), "d2".into()],
            years: vec![Year { fiscal_year: 2024, current: report(state, "A"), published: Edition::default() }],
        }
    }

    fn at<'a>(cells: &'a BTreeMap<Place, Tally>, set: &str, key: &str, cell: &str) -> Option<&'a Tally> {
        cells.get(&Place { fiscal_year: 2024, set: set.into(), key: key.into(), cell: cell.into() })
    }

    #[test]
    fn an_initiative_counts_once_in_the_totals_and_once_under_each_node_and_department() {
        let cells = cells(&facts("submitted"));
        let workflow = cell(&[kind::WORKFLOW, "submitted", ""]);
        for (set, key) in [("c", ""), ("cn1", "n1"), ("cn2", "n2"), ("cd", "d1"), ("cd", "d2")] {
            assert_eq!(at(&cells, set, key, &workflow).map(|t| t.n), Some(1), "{set} {key}");
        }
        // Nothing published: the public edition counts the initiative as without a report.
        assert_eq!(at(&cells, "p", "", &cell(&[kind::WORKFLOW, "", ""])).map(|t| t.n), Some(1));
        let indicator = at(&cells, "c", "", &cell(&[kind::INDICATOR, "submitted", "", "achieved"])).unwrap();
        assert_eq!((indicator.n, indicator.ratio_units, indicator.ratio_n), (1, 1_150_000, 1));
        let unmeasured = at(&cells, "c", "", &cell(&[kind::INDICATOR, "submitted", "", "not_measurable"])).unwrap();
        assert_eq!((unmeasured.n, unmeasured.ratio_n), (1, 0));
        // A report's basis for a rating suggestion: 1 of 1 measurable achieved, of 2, rated A.
        let basis = cell(&[kind::BASIS, "submitted", "", "1", "1", "2", "A"]);
        assert_eq!(at(&cells, "cd", "d2", &basis).map(|t| t.n), Some(1));
        assert!(
            cells.keys().filter(|p| p.set == "p").all(|p| !p.cell.starts_with(kind::BASIS)),
            "no report published, no basis in the public edition"
        );
    }

    #[test]
    fn contents_not_handed_in_are_hidden_cells_named_by_department_and_never_kept() {
        let draft = facts("draft");
        let kept = cells(&draft);
        assert!(at(&kept, "c", "", &cell(&[kind::SELF_RATING, "draft", "", "A"])).is_some());
        assert!(kept.keys().all(|p| !p.set.starts_with('x')), "x cells are computed when read");
        let every_set = ["x", "xn1", "xn2", "xd"];
        let hidden: BTreeMap<Place, Tally> = hidden(&draft, (2024, 2024), &every_set).into_iter().collect();
        assert_eq!(hidden.len(), super::hidden(&draft, (2024, 2024), &every_set).len(), "each place once");
        assert!(super::hidden(&draft, (2024, 2024), &["x"]).iter().all(|(p, _)| p.set == "x"), "only the sets asked");
        assert!(at(&hidden, "x", "", &cell(&[kind::SELF_RATING, "draft", "d1,d2", "A"])).is_some());
        assert!(at(&hidden, "xn2", "n2", &cell(&[kind::SELF_RATING, "draft", "d1,d2", "A"])).is_some());
        assert!(at(&hidden, "xd", "d2", &cell(&[kind::MARK, "draft", "d1,d2", "1", "done"])).is_some());
        assert!(
            at(&hidden, "x", "", &cell(&[kind::WORKFLOW, "draft", "d1,d2"])).is_none(),
            "who is late is everyone's"
        );
        assert!(hidden.keys().all(|p| p.set.starts_with('x')));
        assert!(super::hidden(&draft, (2025, 2030), &every_set).is_empty(), "only the years asked for");
        for state in ["submitted", "reviewed", "published"] {
            assert!(
                super::hidden(&facts(state), (2024, 2024), &every_set).is_empty(),
                "{state} is everyone's to count"
            );
        }
        // Stored facts say, in a text a statement can look for, which years have a draft.
        let stored = serde_json::to_string(&draft).unwrap();
        assert!(stored.contains(&state_marker(2024, "draft")), "{stored}");
        let year = serde_json::to_string(&draft.years[0]).unwrap();
        assert!(year.contains(&state_marker(2024, "draft")), "{year}");
        assert!(!stored.contains(&state_marker(2025, "draft")) && !stored.contains(&state_marker(2024, "returned")));
    }

    #[test]
    fn the_difference_moves_counts_from_the_old_cells_to_the_new() {
        let (old, new) = (facts("draft"), facts("submitted"));
        let mut delta = Delta::default();
        difference(Some(&old), Some(&new), &mut delta);
        let mut delta = delta.places();
        delta.retain(|_, t| !t.is_zero());
        assert_eq!(at(&delta, "c", "", &cell(&[kind::WORKFLOW, "draft", ""])).map(|t| t.n), Some(-1));
        assert_eq!(at(&delta, "cn2", "n2", &cell(&[kind::PROGRESS, "draft", "", "on_track"])).map(|t| t.n), Some(-1));
        assert_eq!(at(&delta, "c", "", &cell(&[kind::WORKFLOW, "submitted", ""])).map(|t| t.n), Some(1));
        // The public edition did not change: no place of it moves.
        assert!(delta.keys().all(|p| !p.set.starts_with('p')));

        // Old plus the difference is new, place by place; no facts at all subtracts everything.
        let mut sum: BTreeMap<Place, Tally> = cells(&old);
        for (place, t) in &delta {
            sum.entry(place.clone()).or_default().add(*t, 1);
        }
        sum.retain(|_, t| !t.is_zero());
        assert_eq!(sum, cells(&new));
        let mut gone = Delta::default();
        difference(Some(&new), None, &mut gone);
        let mut gone = gone.places();
        gone.retain(|_, t| !t.is_zero());
        assert!(gone.values().all(|t| t.n <= 0) && gone.len() == cells(&new).len());
        let mut same = Delta::default();
        difference(Some(&new), Some(&new), &mut same);
        assert!(same.is_empty());
    }

    #[test]
    fn some_years_read_afresh_replace_those_years_only() {
        let year =
            |fy: i32, state: &str| Year { fiscal_year: fy, current: report(state, "B"), published: Edition::default() };
        let stored =
            Facts { years: vec![year(2023, "published"), year(2024, "draft"), year(2025, "draft")], ..facts("draft") };
        let fresh = Facts { years: vec![year(2024, "submitted")], nodes: vec![], departments: vec![] };
        let asked: std::collections::BTreeSet<i32> = [2024, 2025].into();
        let merged = with_years(&stored, fresh.clone(), &asked);
        // 2023 kept as stored, 2024 replaced, 2025 (asked, absent from the rows) gone; in order.
        assert_eq!(merged.years, vec![year(2023, "published"), year(2024, "submitted")]);
        assert_eq!((&merged.nodes, &merged.departments), (&stored.nodes, &stored.departments));
        assert!(!merged.nodes.is_empty() && !merged.departments.is_empty());
        let unchanged = with_years(&stored, Facts { years: vec![], ..facts("draft") }, &[].into());
        assert_eq!(unchanged, stored);
    }

    #[test]
    fn ratios_are_counted_in_whole_millionths_up_to_a_million() {
        assert_eq!(ratio_units(1.15), 1_150_000);
        assert_eq!(ratio_units(0.810_333_333), 810_333);
        assert_eq!(ratio_units(1e21), 1_000_000_000_000);
        assert_eq!(ratio_units(0.0), 0);
    }
}
