//! The summary's SQL: three GROUP BY statements (reports, quarter marks, indicators) over a set
//! of counted initiatives, whatever the plan's size. They return a few aggregated rows per group,
//! which [`super::counts`] adds up.
//!
//! Every value spliced into the SQL text is typed (`i32`, `Uuid`, an enum's fixed text), never
//! caller text, so the statements are written once for both databases without bind-parameter
//! syntax (`$1` or `?`).

use std::collections::BTreeMap;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Nullable, Text};
use uuid::Uuid;

use super::counts::Counts;
use crate::db::DbConnection;
use crate::domain::achievement::AchievementStatus;
use crate::domain::enums::{ProgressStatus, QuarterMark, WorkflowState};
use crate::domain::suggestion::Basis;
use crate::error::ApiResult;
use crate::models::nodes;
use crate::web::policy::SummarySight;

/// Whose rating the ratings count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RatingSource {
    /// The department's self-rating (自己評価).
    #[serde(rename = "self")]
    SelfRating,
    /// The committee's rating (委員会評価).
    Committee,
}

impl RatingSource {
    fn column(self) -> &'static str {
        match self {
            RatingSource::SelfRating => "self_rating",
            RatingSource::Committee => "committee_rating",
        }
    }
}

/// How the initiatives of a plan are grouped besides the totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// By the plan node of this level that each placement lies under (cross-listings count under each).
    Node(i32),
    /// By responsible department (an initiative counts once under each of its departments).
    Department,
}

/// Which initiatives in which fiscal year are counted, and under which group key.
#[derive(Debug, Clone, Copy)]
pub enum Units {
    /// One plan's initiatives active in `fy`: the totals (key `""`) and optionally groups
    /// (key: node or department id).
    Plan { plan: Uuid, fy: i32, grouping: Option<Grouping> },
    /// One plan's initiatives active in each FY of `from..=to` (key: the FY).
    Trend { plan: Uuid, from: i32, to: i32 },
    /// A department's initiatives active in `fy` in every plan whose period holds it (key: plan id).
    Department { department: Uuid, fy: i32 },
}

fn literal(id: Uuid) -> String {
    format!("'{}'", id.hyphenated())
}

fn active_in(fy: &str) -> String {
    format!(
        "(i.active_from_fy IS NULL OR i.active_from_fy <= {fy}) AND (i.active_to_fy IS NULL OR i.active_to_fy >= {fy})"
    )
}

impl Units {
    /// `SELECT initiative_id, fy, gkey`: one row per initiative, year and group it counts in.
    fn sql(&self) -> String {
        match *self {
            Units::Plan { plan, fy, grouping } => {
                let plan = literal(plan);
                let active = active_in(&fy.to_string());
                let totals = format!(
                    "SELECT i.id AS initiative_id, {fy} AS fy, CAST('' AS TEXT) AS gkey FROM initiatives i \
                     WHERE i.plan_id = {plan} AND {active}"
                );
                let groups = match grouping {
                    None => return totals,
                    // The level-N ancestor's sort path is the first N segments of the node's own.
                    Some(Grouping::Node(level)) => format!(
                        "SELECT DISTINCT i.id, {fy}, CAST(a.id AS TEXT) FROM initiatives i \
                         JOIN initiative_placements p ON p.initiative_id = i.id \
                         JOIN plan_nodes n ON n.id = p.node_id AND n.level >= {level} \
                         JOIN plan_nodes a ON a.plan_id = n.plan_id AND a.level = {level} \
                           AND a.sort_path = SUBSTR(n.sort_path, 1, {len}) \
                         WHERE i.plan_id = {plan} AND {active}",
                        len = nodes::sort_path_len(level)
                    ),
                    Some(Grouping::Department) => format!(
                        "SELECT i.id, {fy}, CAST(d.department_id AS TEXT) FROM initiatives i \
                         JOIN initiative_departments d ON d.initiative_id = i.id \
                         WHERE i.plan_id = {plan} AND {active}"
                    ),
                };
                format!("{totals} UNION ALL {groups}")
            }
            Units::Trend { plan, from, to } => {
                let years = (from..=to).map(|fy| format!("SELECT {fy} AS fy")).collect::<Vec<_>>().join(" UNION ALL ");
                format!(
                    "SELECT i.id AS initiative_id, y.fy AS fy, CAST(y.fy AS TEXT) AS gkey FROM initiatives i \
                     JOIN ({years}) y ON {active} WHERE i.plan_id = {plan}",
                    active = active_in("y.fy"),
                    plan = literal(plan)
                )
            }
            Units::Department { department, fy } => format!(
                "SELECT i.id AS initiative_id, {fy} AS fy, CAST(i.plan_id AS TEXT) AS gkey FROM initiatives i \
                 JOIN initiative_departments d ON d.initiative_id = i.id AND d.department_id = {department} \
                 JOIN plans pl ON pl.id = i.plan_id AND pl.start_fy <= {fy} AND pl.end_fy >= {fy} \
                 WHERE {active}",
                department = literal(department),
                active = active_in(&fy.to_string())
            ),
        }
    }
}

/// What the caller asked to count and may see.
pub struct Filter<'a> {
    pub rating: RatingSource,
    /// Workflow states whose reports count; empty: every state.
    pub states: &'a [WorkflowState],
    pub sight: &'a SummarySight,
}

impl Filter<'_> {
    /// The states whose reports count: published only for the public, else those asked for
    /// (every state when none were).
    pub fn counted_states(&self) -> &[WorkflowState] {
        match (self.sight, self.states.is_empty()) {
            (SummarySight::Published, _) => &[WorkflowState::Published],
            (_, true) => WorkflowState::ALL,
            (_, false) => self.states,
        }
    }

    fn states_in(&self) -> String {
        let list = self.counted_states().iter().map(|s| format!("'{}'", s.as_str())).collect::<Vec<_>>().join(", ");
        format!("r.workflow_state IN ({list})")
    }

    /// Narrows the joined report `r` to the states asked for (nothing when every state is).
    fn state_filter(&self) -> String {
        if self.states.is_empty() && *self.sight != SummarySight::Published {
            String::new()
        } else {
            format!(" AND {}", self.states_in())
        }
    }

    /// Whether the contents of the joined report `r` may be counted (see [`SummarySight`]).
    fn seen(&self) -> String {
        match self.sight {
            SummarySight::All | SummarySight::Published => "1 = 1".to_string(),
            SummarySight::HandedInOr(departments) => {
                let handed_in = "r.workflow_state IN ('submitted', 'reviewed', 'published')";
                if departments.is_empty() {
                    format!("({handed_in})")
                } else {
                    let list = departments.iter().map(|d| literal(*d)).collect::<Vec<_>>().join(", ");
                    format!(
                        "({handed_in} OR r.initiative_id IN \
                         (SELECT d.initiative_id FROM initiative_departments d WHERE d.department_id IN ({list})))"
                    )
                }
            }
        }
    }

    /// Whether an indicator value of the joined report's year may be counted: always for the
    /// secretariat asking for every state; otherwise only with a report that is.
    fn value_seen(&self) -> String {
        if *self.sight == SummarySight::All && self.states.is_empty() {
            "1 = 1".to_string()
        } else {
            format!("r.id IS NOT NULL AND {} AND {}", self.states_in(), self.seen())
        }
    }
}

/// Where the counted reports, quarters and indicator values are read from. The public counts
/// published editions: a report under correction (its current row a new draft, its published
/// edition kept in `published_snapshot`) counts as published, with the snapshot's progress,
/// ratings, quarter marks and values, as its public timeline shows it. Every other sight counts
/// the current rows.
struct Sources {
    reports: String,
    quarters: String,
    values: String,
}

/// A report under correction: a published edition that is not the current row.
const UNDER_CORRECTION: &str = "a.workflow_state <> 'published' AND a.published_snapshot IS NOT NULL";

impl Sources {
    /// `corrections`: whether any report is under correction (else the current rows are the
    /// published editions, and the plain tables are read).
    fn of(sight: &SummarySight, pg: bool, corrections: bool) -> Sources {
        if *sight != SummarySight::Published || !corrections {
            return Sources {
                reports: "annual_reports".into(),
                quarters: "quarter_updates".into(),
                values: "indicator_values".into(),
            };
        }
        // A member of the snapshot (`doc`) or of one of its array elements (`el`), as SQL.
        let text = |doc: &str, key: &str| {
            if pg {
                format!("({doc}::jsonb ->> '{key}')")
            } else {
                format!("json_extract({doc}, '$.{key}')")
            }
        };
        let el_text =
            |key: &str| if pg { format!("(el ->> '{key}')") } else { format!("json_extract(el.value, '$.{key}')") };
        let elements = |member: &str| {
            if pg {
                format!("CROSS JOIN LATERAL jsonb_array_elements(a.published_snapshot::jsonb -> '{member}') AS el")
            } else {
                format!("CROSS JOIN json_each(a.published_snapshot, '$.{member}') AS el")
            }
        };
        let shown = |column: &str| {
            format!(
                "CASE WHEN a.workflow_state = 'published' THEN a.{column} ELSE {} END AS {column}",
                text("a.published_snapshot", column)
            )
        };
        let reports = format!(
            "(SELECT a.id, a.initiative_id, a.fiscal_year, 'published' AS workflow_state, {}, {}, {} \
             FROM annual_reports a WHERE a.workflow_state = 'published' OR a.published_snapshot IS NOT NULL)",
            shown("progress_status"),
            shown("self_rating"),
            shown("committee_rating")
        );
        let quarters = format!(
            "(SELECT q.report_id, q.quarter, q.mark FROM quarter_updates q \
               JOIN annual_reports a ON a.id = q.report_id WHERE a.workflow_state = 'published' \
             UNION ALL \
             SELECT a.id AS report_id, CAST({} AS INTEGER) AS quarter, {} AS mark \
             FROM annual_reports a {} WHERE {UNDER_CORRECTION})",
            el_text("quarter"),
            el_text("mark"),
            elements("quarters")
        );
        let indicator = if pg { format!("CAST({} AS uuid)", el_text("indicator_id")) } else { el_text("indicator_id") };
        let values = format!(
            "(SELECT v.indicator_id, v.fiscal_year, v.target, v.actual FROM indicator_values v \
             WHERE NOT EXISTS (SELECT 1 FROM indicators i2 JOIN annual_reports a \
               ON a.initiative_id = i2.initiative_id AND a.fiscal_year = v.fiscal_year \
               WHERE i2.id = v.indicator_id AND {UNDER_CORRECTION}) \
             UNION ALL \
             SELECT {indicator} AS indicator_id, a.fiscal_year, CAST({} AS DOUBLE PRECISION) AS target, \
               CAST({} AS DOUBLE PRECISION) AS actual \
             FROM annual_reports a {} WHERE {UNDER_CORRECTION})",
            el_text("target"),
            el_text("actual"),
            elements("indicator_values")
        );
        Sources { reports, quarters, values }
    }
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct ReportCell {
    #[diesel(sql_type = Text)]
    gkey: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = Nullable<Text>)]
    wstate: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    prog: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    grade: Option<String>,
}

#[derive(QueryableByName)]
struct MarkCell {
    #[diesel(sql_type = Text)]
    gkey: String,
    #[diesel(sql_type = Integer)]
    qn: i32,
    #[diesel(sql_type = Nullable<Text>)]
    mark: Option<String>,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct VerdictCell {
    #[diesel(sql_type = Text)]
    gkey: String,
    #[diesel(sql_type = Text)]
    verdict: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
    #[diesel(sql_type = Nullable<BigInt>)]
    ratio_units: Option<i64>,
    #[diesel(sql_type = BigInt)]
    ratio_n: i64,
}

#[derive(QueryableByName)]
struct BasisCell {
    #[diesel(sql_type = Text)]
    gkey: String,
    #[diesel(sql_type = Nullable<Text>)]
    grade: Option<String>,
    #[diesel(sql_type = BigInt)]
    achieved: i64,
    #[diesel(sql_type = BigInt)]
    measurable: i64,
    #[diesel(sql_type = BigInt)]
    total: i64,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The achievement rule (docs/domain.md, "Achievement") in SQL, the same rule as [`crate::domain::achievement::evaluate`] (the summaries'
/// tests check the two agree on the fixtures). Any stored double is safe: PostgreSQL raises an
/// error where a result overflows or underflows, so the difference for `maintain` is taken only
/// between magnitudes below 10³⁰⁰ (beyond, equal values are achieved and others are not), and a
/// ratio only between numbers in the range every entry point enforces
/// ([`crate::domain::validation::is_indicator_number`]: zero, or 10⁻⁶ to 10¹⁵ in magnitude), whose
/// quotient stays within 10²¹. Numbers stored before that range was enforced have no ratio.
const VERDICT: &str = "CASE WHEN v.target IS NULL OR v.actual IS NULL THEN 'not_measurable' \
    WHEN (ind.direction = 'decrease' AND v.actual <= v.target) \
      OR (ind.direction = 'maintain' AND (v.actual = v.target OR (ABS(v.actual) < 1e300 AND ABS(v.target) < 1e300 \
        AND ABS(v.actual - v.target) <= ABS(COALESCE(ind.tolerance, 0))))) \
      OR (ind.direction NOT IN ('decrease', 'maintain') AND v.actual >= v.target) THEN 'achieved' \
    ELSE 'not_achieved' END";

const RATIO: &str = "CASE WHEN v.target IS NULL OR v.actual IS NULL OR v.target < 0 OR v.actual < 0 \
      OR v.target > 1e15 OR v.actual > 1e15 OR (v.target > 0 AND v.target < 1e-6) \
      OR (v.actual > 0 AND v.actual < 1e-6) THEN NULL \
    WHEN ind.direction = 'decrease' THEN CASE WHEN v.actual = 0 THEN 1.0 ELSE v.target / v.actual END \
    WHEN v.target > 0 THEN v.actual / v.target ELSE NULL END";

/// The sum of the ratios in millionths, each at most 10⁶: the arithmetic of
/// [`crate::domain::tally::ratio_units`] (ratios are never negative, so truncation is the floor).
fn ratio_units_sum(pg: bool) -> String {
    if pg {
        format!(
            "CAST(SUM(CASE WHEN ({RATIO}) IS NULL THEN NULL ELSE FLOOR(LEAST(({RATIO}), 1e6) * 1e6) END) AS BIGINT)"
        )
    } else {
        format!("SUM(CAST(MIN(({RATIO}), 1e6) * 1e6 AS INTEGER))")
    }
}

fn load<T>(conn: &mut DbConnection, sql: String) -> ApiResult<Vec<T>>
where
    T: QueryableByName<diesel::pg::Pg> + QueryableByName<diesel::sqlite::Sqlite> + 'static,
{
    Ok(crate::per_backend!(conn, |c| diesel::sql_query(sql).load::<T>(c))?)
}

/// Counts per group key; `scale_of(key)` gives the grades of the group's plan.
pub fn count(
    conn: &mut DbConnection,
    units: &Units,
    filter: &Filter<'_>,
    scale_of: &dyn Fn(&str) -> Vec<String>,
) -> ApiResult<BTreeMap<String, Counts>> {
    let units = units.sql();
    let (states, seen, rating) = (filter.state_filter(), filter.seen(), filter.rating.column());
    let corrections = *filter.sight == SummarySight::Published && {
        // A scan of a partial index holding only the reports under correction.
        let found: Vec<Exists> = load(
            conn,
            format!("SELECT COUNT(*) AS n FROM (SELECT 1 FROM annual_reports a WHERE {UNDER_CORRECTION} LIMIT 1) c"),
        )?;
        found.first().is_some_and(|f| f.n > 0)
    };
    let pg = matches!(conn, DbConnection::Pg(_));
    let Sources { reports: report_rows, quarters: quarter_rows, values: value_rows } =
        Sources::of(filter.sight, pg, corrections);
    let mut out: BTreeMap<String, Counts> = BTreeMap::new();
    let reports: Vec<ReportCell> = load(
        conn,
        format!(
            "WITH units AS ({units}) \
             SELECT u.gkey AS gkey, COUNT(*) AS n, r.workflow_state AS wstate, \
               CASE WHEN {seen} THEN r.progress_status END AS prog, \
               CASE WHEN {seen} THEN r.{rating} END AS grade \
             FROM units u LEFT JOIN {report_rows} r \
               ON r.initiative_id = u.initiative_id AND r.fiscal_year = u.fy{states} \
             GROUP BY u.gkey, r.workflow_state, CASE WHEN {seen} THEN r.progress_status END, \
               CASE WHEN {seen} THEN r.{rating} END"
        ),
    )?;
    for cell in reports {
        let state = cell.wstate.as_deref().map(WorkflowState::from_db).transpose()?;
        let progress = cell.prog.as_deref().map(ProgressStatus::from_db).transpose()?;
        let counts = out.entry(cell.gkey.clone()).or_insert_with(|| Counts::new(&scale_of(&cell.gkey)));
        counts.add_reports(cell.n, state, progress, cell.grade.as_deref());
    }

    let marks: Vec<MarkCell> = load(
        conn,
        format!(
            "WITH units AS ({units}) \
             SELECT u.gkey AS gkey, q.quarter AS qn, q.mark AS mark, COUNT(*) AS n \
             FROM units u JOIN {report_rows} r \
               ON r.initiative_id = u.initiative_id AND r.fiscal_year = u.fy{states} AND {seen} \
             JOIN {quarter_rows} q ON q.report_id = r.id \
             GROUP BY u.gkey, q.quarter, q.mark"
        ),
    )?;
    for cell in marks {
        let mark = cell.mark.as_deref().map(QuarterMark::from_db).transpose()?;
        if let Some(counts) = out.get_mut(&cell.gkey) {
            counts.add_marks(cell.qn, mark, cell.n);
        }
    }

    let verdicts: Vec<VerdictCell> = load(
        conn,
        format!(
            "WITH units AS ({units}) \
             SELECT u.gkey AS gkey, {VERDICT} AS verdict, COUNT(*) AS n, \
               {ratio_units} AS ratio_units, COUNT({RATIO}) AS ratio_n \
             FROM units u \
             JOIN indicators ind ON ind.initiative_id = u.initiative_id \
               AND (ind.valid_from_fy IS NULL OR ind.valid_from_fy <= u.fy) \
               AND (ind.valid_to_fy IS NULL OR ind.valid_to_fy >= u.fy) \
             LEFT JOIN {report_rows} r ON r.initiative_id = u.initiative_id AND r.fiscal_year = u.fy \
             LEFT JOIN {value_rows} v ON v.indicator_id = ind.id AND v.fiscal_year = u.fy AND {value_seen} \
             GROUP BY u.gkey, {VERDICT}",
            value_seen = filter.value_seen(),
            ratio_units = ratio_units_sum(pg),
        ),
    )?;
    for cell in verdicts {
        let verdict = AchievementStatus::from_db(&cell.verdict)?;
        if let Some(counts) = out.get_mut(&cell.gkey) {
            counts.add_indicators(verdict, cell.n, cell.ratio_units.unwrap_or(0), cell.ratio_n);
        }
    }

    // What rating suggestions are made from: per counted report whose contents are seen, its
    // achieved, measurable and valid indicators, then reports counted per those and the self-rating.
    let bases: Vec<BasisCell> = load(
        conn,
        format!(
            "WITH units AS ({units}), per_report AS (\
               SELECT u.gkey AS gkey, r.self_rating AS grade, \
                 CAST(SUM(CASE WHEN {VERDICT} = 'achieved' THEN 1 ELSE 0 END) AS BIGINT) AS achieved, \
                 CAST(SUM(CASE WHEN ind.id IS NOT NULL AND {VERDICT} <> 'not_measurable' THEN 1 ELSE 0 END) AS BIGINT) \
                   AS measurable, \
                 COUNT(ind.id) AS total \
               FROM units u JOIN {report_rows} r \
                 ON r.initiative_id = u.initiative_id AND r.fiscal_year = u.fy{states} AND {seen} \
               LEFT JOIN indicators ind ON ind.initiative_id = u.initiative_id \
                 AND (ind.valid_from_fy IS NULL OR ind.valid_from_fy <= u.fy) \
                 AND (ind.valid_to_fy IS NULL OR ind.valid_to_fy >= u.fy) \
               LEFT JOIN {value_rows} v ON v.indicator_id = ind.id AND v.fiscal_year = u.fy \
               GROUP BY u.gkey, u.initiative_id, r.id, r.self_rating) \
             SELECT gkey, grade, achieved, measurable, total, COUNT(*) AS n FROM per_report \
             GROUP BY gkey, grade, achieved, measurable, total"
        ),
    )?;
    for cell in bases {
        if let Some(counts) = out.get_mut(&cell.gkey) {
            let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
            let basis = Basis {
                achieved: count(cell.achieved),
                measurable: count(cell.measurable),
                indicators: count(cell.total),
            };
            counts.add_basis(cell.n, basis, cell.grade.as_deref());
        }
    }
    Ok(out.into_iter().map(|(k, c)| (k, c.finish())).collect())
}
