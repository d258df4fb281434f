//! What an initiative's rows say that the kept counts need (its [`Facts`]), read in one
//! statement for many initiatives, and the facts stored when they were last counted.

use std::collections::{BTreeSet, HashMap};

use diesel::prelude::*;
use diesel::sql_types::{Double, Integer, Nullable, Text};
use uuid::Uuid;

use crate::db::bulk::Prepared;
use crate::db::connection::DbConnection;
use crate::db::portable_uuid::{DbUuid, PortableUuid};
use crate::db::schema::{summary_fact_years, summary_facts};
use crate::domain::enums::Direction;
use crate::domain::tally::{self, Facts, ReportRow, Year};

/// Ids per statement that binds each (SQLite's bound-parameter limit is 32,766).
pub(super) const CHUNK: usize = 5_000;

/// Up to this many initiatives, the statement that reads their facts on PostgreSQL is prepared
/// once per connection.
const FEW: usize = 16;

/// Ids per statement that reads facts: bound as one parameter, so only memory bounds them; each
/// statement scans the tables of reports and quarters once.
pub(super) const FACTS_CHUNK: usize = 20_000;

pub(super) fn bad_data(e: impl std::fmt::Display) -> diesel::result::Error {
    diesel::result::Error::DeserializationError(format!("kept counts: {e}").into())
}

/// One row of what [`read_facts`] reads, of any kind: the kind names which columns mean what.
#[derive(QueryableByName, Debug)]
struct FactRow {
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = Nullable<PortableUuid>)]
    a: Option<DbUuid>,
    #[diesel(sql_type = Nullable<PortableUuid>)]
    b: Option<DbUuid>,
    #[diesel(sql_type = Nullable<Text>)]
    t1: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    t2: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    t3: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    t4: Option<String>,
    #[diesel(sql_type = Nullable<Integer>)]
    i1: Option<i32>,
    #[diesel(sql_type = Nullable<Integer>)]
    i2: Option<i32>,
    #[diesel(sql_type = Nullable<Integer>)]
    i3: Option<i32>,
    #[diesel(sql_type = Nullable<Integer>)]
    i4: Option<i32>,
    #[diesel(sql_type = Nullable<Double>)]
    f1: Option<f64>,
    #[diesel(sql_type = Nullable<Double>)]
    f2: Option<f64>,
}

/// The statement that reads, for a list of initiatives (bound as one parameter), every
/// row the counts need, as [`FactRow`]s: `I` initiative (id, plan; active from/to, plan
/// start/end), `N` node of their plans (id, parent; level), `P` placement, `D` responsible
/// department, `R` report (id, initiative; state, progress, ratings, the published snapshot of
/// one under correction; year), `Q` quarter mark, `X` indicator, `V` indicator value and, with
/// `stored`, the facts last counted: `S` what concerns every year, `Y` one year's. With
/// `by_year`, reports, quarters, values and stored years only of the fiscal years bound as the
/// second parameter, and neither nodes, placements nor departments: what concerns every year has
/// not changed (a change to it is noted for every year), so the stored facts say it.
fn facts_sql(pg: bool, stored: bool, by_year: bool, few: bool) -> String {
    // PostgreSQL reads the ids from an array, whose length the planner sees (`unnest` of a
    // known array): a few ids are found through the indexes, thousands by a hash join. More
    // than a few are unnested once (a materialized list) rather than in every part: the text of
    // 10,000 ids parsed ten times cost a third of the statement.
    let (with, uuid, text, int, dbl) = match (pg, few) {
        (true, true) => ("", "uuid", "text", "integer", "double precision"),
        (true, false) => (
            "WITH ids AS MATERIALIZED (SELECT unnest($1::uuid[]) AS id) ",
            "uuid",
            "text",
            "integer",
            "double precision",
        ),
        (false, _) => ("WITH ids AS (SELECT value AS id FROM json_each(?1)) ", "TEXT", "TEXT", "INTEGER", "REAL"),
    };
    let among = if pg && few { "IN (SELECT unnest($1::uuid[]))" } else { "IN (SELECT id FROM ids)" };
    let in_years = |column: &str| match (by_year, pg) {
        (false, _) => String::new(),
        (true, true) => format!(" AND {column} IN (SELECT unnest($2::int4[]))"),
        (true, false) => format!(" AND {column} IN (SELECT value FROM json_each(?2))"),
    };
    let null = |t: &str| format!("CAST(NULL AS {t})");
    let (u, t, i, f) = (null(uuid), null(text), null(int), null(dbl));
    let row = |kind: &str, a: &str, b: &str, texts: [&str; 4], ints: [&str; 4], floats: [&str; 2], from: &str| {
        let or = |v: &str, n: &str| if v.is_empty() { n.to_string() } else { v.to_string() };
        format!(
            "SELECT '{kind}' AS kind, {} AS a, {} AS b, {} AS t1, {} AS t2, {} AS t3, {} AS t4, {} AS i1, {} AS i2, \
             {} AS i3, {} AS i4, {} AS f1, {} AS f2 {from}",
            or(a, &u),
            or(b, &u),
            or(texts[0], &t),
            or(texts[1], &t),
            or(texts[2], &t),
            or(texts[3], &t),
            or(ints[0], &i),
            or(ints[1], &i),
            or(ints[2], &i),
            or(ints[3], &i),
            or(floats[0], &f),
            or(floats[1], &f),
        )
    };
    let mut parts = vec![
        row(
            "I",
            "x.id",
            "x.plan_id",
            ["", "", "", ""],
            ["x.active_from_fy", "x.active_to_fy", "p.start_fy", "p.end_fy"],
            ["", ""],
            "FROM initiatives x JOIN plans p ON p.id = x.plan_id WHERE x.id IN (SELECT id FROM ids)",
        ),
        row(
            "R",
            "r.id",
            "r.initiative_id",
            ["r.workflow_state", "r.progress_status", "r.self_rating", "r.committee_rating"],
            ["r.fiscal_year", "", "", ""],
            ["", ""],
            &format!(
                "FROM annual_reports r WHERE r.initiative_id IN (SELECT id FROM ids){}",
                in_years("r.fiscal_year")
            ),
        ),
        // Reports under correction: their published edition is the snapshot.
        row(
            "C",
            "r.id",
            "",
            ["r.published_snapshot", "", "", ""],
            ["", "", "", ""],
            ["", ""],
            &format!(
                "FROM annual_reports r WHERE r.initiative_id IN (SELECT id FROM ids) \
                 AND r.workflow_state <> 'published' AND r.published_snapshot IS NOT NULL{}",
                in_years("r.fiscal_year")
            ),
        ),
        row(
            "Q",
            "q.report_id",
            "",
            ["q.mark", "", "", ""],
            ["q.quarter", "", "", ""],
            ["", ""],
            &format!(
                "FROM quarter_updates q JOIN annual_reports r ON r.id = q.report_id \
                 WHERE r.initiative_id IN (SELECT id FROM ids) AND q.mark IS NOT NULL{}",
                in_years("r.fiscal_year")
            ),
        ),
        row(
            "X",
            "x.id",
            "x.initiative_id",
            ["x.direction", "", "", ""],
            ["x.valid_from_fy", "x.valid_to_fy", "", ""],
            ["x.tolerance", ""],
            "FROM indicators x WHERE x.initiative_id IN (SELECT id FROM ids)",
        ),
        row(
            "V",
            "v.indicator_id",
            "",
            ["", "", "", ""],
            ["v.fiscal_year", "", "", ""],
            ["v.target", "v.actual"],
            &format!(
                "FROM indicator_values v JOIN indicators x ON x.id = v.indicator_id \
                 WHERE x.initiative_id IN (SELECT id FROM ids){}",
                in_years("v.fiscal_year")
            ),
        ),
    ];
    if !by_year {
        parts.extend([
        row(
            "N",
            "n.id",
            "n.parent_id",
            ["", "", "", ""],
            ["n.level", "", "", ""],
            ["", ""],
            "FROM plan_nodes n WHERE n.plan_id IN (SELECT plan_id FROM initiatives WHERE id IN (SELECT id FROM ids))",
        ),
        row(
            "P",
            "p.initiative_id",
            "p.node_id",
            ["", "", "", ""],
            ["", "", "", ""],
            ["", ""],
            "FROM initiative_placements p WHERE p.initiative_id IN (SELECT id FROM ids)",
        ),
        row(
            "D",
            "d.initiative_id",
            "d.department_id",
            ["", "", "", ""],
            ["", "", "", ""],
            ["", ""],
            "FROM initiative_departments d WHERE d.initiative_id IN (SELECT id FROM ids)",
        ),
        ]);
    }
    if stored {
        parts.push(row(
            "Y",
            "y.initiative_id",
            "",
            ["y.facts", "", "", ""],
            ["y.fiscal_year", "", "", ""],
            ["", ""],
            &format!(
                "FROM summary_fact_years y WHERE y.initiative_id IN (SELECT id FROM ids){}",
                in_years("y.fiscal_year")
            ),
        ));
        parts.push(row(
            "S",
            "s.initiative_id",
            "s.plan_id",
            ["s.facts", "", "", ""],
            ["", "", "", ""],
            ["", ""],
            "FROM summary_facts s WHERE s.initiative_id IN (SELECT id FROM ids)",
        ));
    }
    format!("{with}{}", parts.join(" UNION ALL ")).replace("IN (SELECT id FROM ids)", among)
}

pub(super) type PlanFacts = HashMap<Uuid, (Uuid, Facts)>;

/// An initiative, its plan, its active years and the plan period.
type InitiativeRow = (DbUuid, DbUuid, Option<i32>, Option<i32>, i32, i32);

/// What is stored for these initiatives (with `stored`; else nothing) and what their rows say,
/// each with the initiative's plan, in one statement; with `years`, what they say of those
/// fiscal years only (the facts' years are those). Initiatives that no longer exist have no facts.
pub(super) fn read_facts(
    conn: &mut DbConnection,
    ids: &[Uuid],
    stored: bool,
    years: Option<&BTreeSet<i32>>,
) -> QueryResult<(PlanFacts, PlanFacts)> {
    let texts: Vec<String> = ids.iter().map(|i| i.hyphenated().to_string()).collect();
    let pg = matches!(conn, DbConnection::Pg(_));
    // An array literal for PostgreSQL (`{…}`), a JSON array for SQLite.
    let list = if pg { format!("{{{}}}", texts.join(",")) } else { serde_json::to_string(&texts).map_err(bad_data)? };
    let sql = facts_sql(pg, stored, years.is_some(), ids.len() <= FEW);
    let pg_years = years.map(|ys| format!("{{{}}}", ys.iter().map(i32::to_string).collect::<Vec<_>>().join(",")));
    let rows: Vec<FactRow> = match (conn, years) {
        // A write of a few initiatives (a `PUT`): the statement is prepared once per connection,
        // and its plan (index lookups, right for a few ids) kept; planning it took longer than
        // running it. Larger sets are planned for their size every time.
        (DbConnection::Pg(c), _) if ids.len() <= FEW => {
            let (placeholders, params) = match pg_years {
                None => (vec!["$1"], vec![list]),
                Some(years) => (vec!["$1", "$2"], vec![list, years]),
            };
            Prepared::new(&format!("{sql} -- a few"), &placeholders, params).load(c)?
        }
        (DbConnection::Pg(c), None) => diesel::sql_query(sql).bind::<Text, _>(&list).load(c)?,
        (DbConnection::Pg(c), Some(_)) => {
            diesel::sql_query(sql).bind::<Text, _>(&list).bind::<Text, _>(pg_years.unwrap_or_default()).load(c)?
        }
        (DbConnection::Sqlite(c), None) => diesel::sql_query(sql).bind::<Text, _>(&list).load(c)?,
        (DbConnection::Sqlite(c), Some(years)) => {
            let years = serde_json::to_string(years).map_err(bad_data)?;
            diesel::sql_query(sql).bind::<Text, _>(&list).bind::<Text, _>(years).load(c)?
        }
    };
    facts_of_rows(rows, years)
}

/// Stored facts of these initiatives (every year), with their plans.
pub(super) fn stored(conn: &mut DbConnection, ids: &[Uuid]) -> QueryResult<PlanFacts> {
    let mut out = HashMap::new();
    let mut years: HashMap<Uuid, Vec<Year>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let chunk: Vec<DbUuid> = chunk.iter().copied().map(DbUuid).collect();
        let rows: Vec<(DbUuid, DbUuid, String)> = summary_facts::table
            .filter(summary_facts::initiative_id.eq_any(&chunk))
            .select((summary_facts::initiative_id, summary_facts::plan_id, summary_facts::facts))
            .load(conn)?;
        for (id, plan, text) in rows {
            out.insert(id.0, (plan.0, serde_json::from_str(&text).map_err(bad_data)?));
        }
        let rows: Vec<(DbUuid, String)> = summary_fact_years::table
            .filter(summary_fact_years::initiative_id.eq_any(&chunk))
            .select((summary_fact_years::initiative_id, summary_fact_years::facts))
            .load(conn)?;
        for (id, text) in rows {
            years.entry(id.0).or_default().push(serde_json::from_str(&text).map_err(bad_data)?);
        }
    }
    join_years(&mut out, years);
    Ok(out)
}

type ReportTuple = (DbUuid, DbUuid, i32, String, Option<String>, Option<String>, Option<String>);

/// What the rows of these initiatives say that the counts need, with their plans (initiatives
/// that no longer exist are absent). One statement per 20,000 initiatives.
pub fn load(conn: &mut DbConnection, ids: &[Uuid]) -> QueryResult<PlanFacts> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(FACTS_CHUNK) {
        out.extend(read_facts(conn, chunk, false, None)?.1);
    }
    Ok(out)
}

fn missing(kind: &str) -> diesel::result::Error {
    bad_data(format!("a {kind} row without its id"))
}

/// Builds the stored facts (`S` and `Y` rows) and the facts the rows say (every other kind).
fn facts_of_rows(rows: Vec<FactRow>, years: Option<&BTreeSet<i32>>) -> QueryResult<(PlanFacts, PlanFacts)> {
    let mut old: PlanFacts = HashMap::new();
    let mut old_years: HashMap<Uuid, Vec<Year>> = HashMap::new();
    let mut found: Vec<InitiativeRow> = Vec::new();
    let mut nodes: HashMap<DbUuid, (Option<DbUuid>, i32)> = HashMap::new();
    let mut placed: HashMap<DbUuid, Vec<DbUuid>> = HashMap::new();
    let mut responsible: HashMap<DbUuid, Vec<String>> = HashMap::new();
    let mut reports: Vec<ReportTuple> = Vec::new();
    let mut snapshots: HashMap<DbUuid, tally::Snapshot> = HashMap::new();
    let mut marks: HashMap<DbUuid, Vec<(i32, String)>> = HashMap::new();
    let mut rules: HashMap<DbUuid, Vec<tally::Rule>> = HashMap::new();
    let mut values: HashMap<(Uuid, i32), (Option<f64>, Option<f64>)> = HashMap::new();
    for r in rows {
        let a = r.a.ok_or_else(|| missing(&r.kind));
        match r.kind.as_str() {
            "S" => {
                let facts: Facts = serde_json::from_str(r.t1.as_deref().unwrap_or("{}")).map_err(bad_data)?;
                old.insert(a?.0, (r.b.ok_or_else(|| missing("S"))?.0, facts));
            }
            "Y" => {
                let year: Year = serde_json::from_str(r.t1.as_deref().unwrap_or("{}")).map_err(bad_data)?;
                old_years.entry(a?.0).or_default().push(year);
            }
            "I" => {
                let (start, end) = (r.i3.ok_or_else(|| missing("I"))?, r.i4.ok_or_else(|| missing("I"))?);
                found.push((a?, r.b.ok_or_else(|| missing("I"))?, r.i1, r.i2, start, end));
            }
            "N" => {
                nodes.insert(a?, (r.b, r.i1.unwrap_or(0)));
            }
            "P" => placed.entry(a?).or_default().extend(r.b),
            "D" => responsible.entry(a?).or_default().extend(r.b.map(|d| d.0.to_string())),
            "R" => reports.push((
                a?,
                r.b.ok_or_else(|| missing("R"))?,
                r.i1.unwrap_or(0),
                r.t1.unwrap_or_default(),
                r.t2,
                r.t3,
                r.t4,
            )),
            "C" => {
                let snapshot = serde_json::from_str(r.t1.as_deref().unwrap_or("{}")).map_err(bad_data)?;
                snapshots.insert(a?, snapshot);
            }
            "Q" => marks.entry(a?).or_default().extend(r.t1.map(|m| (r.i1.unwrap_or(0), m))),
            "X" => {
                let direction = Direction::from_db(r.t1.as_deref().unwrap_or("")).map_err(bad_data)?;
                if let Some(initiative) = r.b {
                    let rule = tally::Rule { id: a?.0, direction, tolerance: r.f1, from: r.i1, to: r.i2 };
                    rules.entry(initiative).or_default().push(rule);
                }
            }
            "V" => {
                values.insert((a?.0, r.i1.unwrap_or(0)), (r.f1, r.f2));
            }
            other => return Err(bad_data(format!("unknown row kind {other}"))),
        }
    }
    join_years(&mut old, old_years);
    let mut by_initiative: HashMap<DbUuid, Vec<&ReportTuple>> = HashMap::new();
    for r in &reports {
        by_initiative.entry(r.1).or_default().push(r);
    }

    let mut out = HashMap::new();
    for (id, plan, active_from, active_to, start, end) in found {
        let mut rules = rules.remove(&id).unwrap_or_default();
        rules.sort_by_key(|r| r.id);
        let mut departments = responsible.remove(&id).unwrap_or_default();
        departments.sort();
        departments.dedup();
        let mut facts = Facts {
            nodes: ancestors(&nodes, placed.get(&id).map(Vec::as_slice).unwrap_or(&[])),
            departments,
            years: Vec::new(),
        };
        let reports = by_initiative.get(&id).map(Vec::as_slice).unwrap_or(&[]);
        let first = active_from.map_or(start, |f| f.max(start));
        let last = active_to.map_or(end, |t| t.min(end));
        for fy in (first..=last).filter(|fy| years.is_none_or(|ys| ys.contains(fy))) {
            let report = reports.iter().find(|r| r.2 == fy);
            let row = report.map(|r| ReportRow {
                state: &r.3,
                progress: r.4.as_deref(),
                self_rating: r.5.as_deref(),
                committee_rating: r.6.as_deref(),
                marks: marks.get(&r.0).cloned().unwrap_or_default(),
            });
            let snapshot = report.and_then(|r| snapshots.get(&r.0));
            facts.years.push(tally::year(
                fy,
                &rules,
                row,
                &|indicator| values.get(&(indicator, fy)).copied(),
                snapshot,
            ));
        }
        out.insert(id.0, (plan.0, facts));
    }
    Ok((old, out))
}

/// Puts the stored years (`Y` rows) into the stored facts of their initiatives, in order.
fn join_years(facts: &mut PlanFacts, years: HashMap<Uuid, Vec<Year>>) {
    for (id, mut years) in years {
        if let Some((_, f)) = facts.get_mut(&id) {
            years.sort_by_key(|y| y.fiscal_year);
            f.years = years;
        }
    }
}

/// Every node these placements lie in or under, each once, with its level, in order.
fn ancestors(nodes: &HashMap<DbUuid, (Option<DbUuid>, i32)>, placements: &[DbUuid]) -> Vec<(i32, String)> {
    let mut seen: Vec<(i32, String)> = Vec::new();
    for &start in placements {
        let mut at = Some(start);
        // A chain is at most as long as the plan has nodes (a cycle would be a database fault).
        for _ in 0..=nodes.len() {
            let Some(id) = at else { break };
            let Some(&(parent, level)) = nodes.get(&id) else { break };
            let entry = (level, id.0.to_string());
            if seen.contains(&entry) {
                break;
            }
            seen.push(entry);
            at = parent;
        }
    }
    seen.sort();
    seen
}
