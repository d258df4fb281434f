//! Keeps the summary counts (docs/summaries.md, "Kept counts") in step with the rows, in the
//! transaction that changes them.
//!
//! Triggers note every initiative whose rows a statement changes (`summary_dirty`; see the
//! migration `kept_counts`). Before a write transaction commits, [`refresh`] reads what those
//! initiatives' rows now say ([`facts`]), compares it with what they last added
//! (`summary_facts`), and adds the difference to `summary_counts` ([`crate::domain::tally`]).
//! Writers of one plan are serialized by the plan's row (every write bumps its data version),
//! so the facts read here are the latest and the counts' additions never interleave wrongly.

use std::collections::{BTreeMap, HashMap, HashSet};

use diesel::prelude::*;
use diesel::sql_types::{Double, Integer, Nullable, Text};
use uuid::Uuid;

use super::bulk::{self, Columns, Kind, Rows};
use super::connection::DbConnection;
use super::portable_uuid::DbUuid;
use super::portable_uuid::PortableUuid;
use super::schema::{initiatives, plans, summary_counts, summary_facts};
use crate::domain::achievement;
use crate::domain::enums::Direction;
use crate::domain::tally::{self, Edition, Facts, Place, Tally, Verdict, Year};

/// Ids per statement (SQLite's bound-parameter limit is 32,766).
const CHUNK: usize = 5_000;

#[derive(QueryableByName)]
struct Noted {
    #[diesel(sql_type = PortableUuid)]
    initiative_id: DbUuid,
}

fn bad_data(e: impl std::fmt::Display) -> diesel::result::Error {
    diesel::result::Error::DeserializationError(format!("kept counts: {e}").into())
}

/// Recounts the initiatives this transaction changed. Called by every write transaction before
/// it commits ([`super::write_transaction`]); without changed initiatives, one statement.
pub fn refresh(conn: &mut DbConnection) -> QueryResult<()> {
    let sql = match conn {
        DbConnection::Pg(_) => "DELETE FROM summary_dirty WHERE tx = txid_current() RETURNING initiative_id",
        // One writer at a time: every noted row is this transaction's (or left by a write made
        // outside the service, which this counts too).
        DbConnection::Sqlite(_) => "DELETE FROM summary_dirty RETURNING initiative_id",
    };
    let noted: Vec<Noted> = diesel::sql_query(sql).load(conn)?;
    if noted.is_empty() {
        return Ok(());
    }
    let ids: Vec<Uuid> = noted.into_iter().map(|n| n.initiative_id.0).collect::<HashSet<_>>().into_iter().collect();
    recount(conn, &ids)
}

/// Recounts every initiative noted by any writer, also by writes made outside the service (at
/// start, by the change watcher every second, and by `check-summaries`); returns how many.
/// Takes the plans' locks first, as writers do, and moves their data versions.
pub fn refresh_noted(conn: &mut DbConnection) -> QueryResult<usize> {
    let noted: Vec<Noted> = diesel::sql_query("SELECT DISTINCT initiative_id FROM summary_dirty").load(conn)?;
    let ids: Vec<DbUuid> = noted.into_iter().map(|n| n.initiative_id).collect();
    if ids.is_empty() {
        return Ok(0);
    }
    let mut plan_ids: Vec<DbUuid> = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        plan_ids.extend(
            initiatives::table
                .filter(initiatives::id.eq_any(chunk))
                .select(initiatives::plan_id)
                .load::<DbUuid>(conn)?,
        );
        plan_ids.extend(
            summary_facts::table
                .filter(summary_facts::initiative_id.eq_any(chunk))
                .select(summary_facts::plan_id)
                .load::<DbUuid>(conn)?,
        );
    }
    plan_ids.sort_by_key(|p| p.0);
    plan_ids.dedup();
    if let DbConnection::Pg(c) = conn {
        plans::table
            .filter(plans::id.eq_any(&plan_ids))
            .order(plans::id)
            .select(plans::id)
            .for_update()
            .load::<DbUuid>(c)?;
    }
    // Summaries computed since those writes (and cached under the plan's data version) counted
    // without them: a new data version sets them aside.
    diesel::update(plans::table.filter(plans::id.eq_any(&plan_ids)))
        .set(plans::data_version.eq(plans::data_version + 1))
        .execute(conn)?;
    for chunk in ids.chunks(CHUNK) {
        diesel::delete(
            super::schema::summary_dirty::table.filter(super::schema::summary_dirty::initiative_id.eq_any(chunk)),
        )
        .execute(conn)?;
    }
    let ids: Vec<Uuid> = ids.into_iter().map(|i| i.0).collect();
    recount(conn, &ids)?;
    Ok(ids.len())
}

const COUNTS: Columns = Columns {
    table: "summary_counts",
    columns: &[
        ("plan_id", Kind::Uuid),
        ("grp_set", Kind::Text),
        ("fiscal_year", Kind::Int),
        ("grp_key", Kind::Text),
        ("cell", Kind::Text),
        ("n", Kind::BigInt),
        ("ratio_units", Kind::BigInt),
        ("ratio_n", Kind::BigInt),
    ],
};

const FACTS: Columns = Columns {
    table: "summary_facts",
    columns: &[("initiative_id", Kind::Uuid), ("plan_id", Kind::Uuid), ("facts", Kind::Text)],
};

/// Replaces the stored facts of `ids` with what their rows say, and adds the difference to
/// their plans' counts. Three statements whatever the number of initiatives (per 5,000): what
/// is stored and what the rows say (one), the counts and the facts written (two).
fn recount(conn: &mut DbConnection, ids: &[Uuid]) -> QueryResult<()> {
    let (mut old, mut new) = (HashMap::new(), HashMap::new());
    for chunk in ids.chunks(CHUNK) {
        let (o, n) = read_facts(conn, chunk, true)?;
        old.extend(o);
        new.extend(n);
    }
    let mut delta: HashMap<Uuid, BTreeMap<Place, Tally>> = HashMap::new();
    let (mut keep, mut gone) = (Rows::default(), Vec::new());
    for id in ids {
        let (before, after) = (old.get(id), new.get(id));
        let Some(plan) = after.or(before).map(|(plan, _)| *plan) else { continue };
        tally::difference(before.map(|(_, f)| f), after.map(|(_, f)| f), delta.entry(plan).or_default());
        match after {
            Some((plan, facts)) if before.map(|(_, f)| f) != Some(facts) => {
                let text = serde_json::to_string(facts).map_err(bad_data)?;
                keep.row().uuid(*id).uuid(*plan).text(Some(&text));
            }
            Some(_) => {}
            None => gone.push(DbUuid(*id)),
        }
    }
    let mut counts = Rows::default();
    for (plan, places) in &delta {
        for (place, t) in places.iter().filter(|(_, t)| !t.is_zero()) {
            counts
                .row()
                .uuid(*plan)
                .text(Some(&place.set))
                .int(place.fiscal_year)
                .text(Some(&place.key))
                .text(Some(&place.cell))
                .big(t.n)
                .big(t.ratio_units)
                .big(t.ratio_n);
        }
    }
    bulk::upsert(
        conn,
        &COUNTS,
        counts,
        &["plan_id", "grp_set", "fiscal_year", "grp_key", "cell"],
        "n = t.n + excluded.n, ratio_units = t.ratio_units + excluded.ratio_units, ratio_n = t.ratio_n + excluded.ratio_n",
    )?;
    bulk::upsert(conn, &FACTS, keep, &["initiative_id"], "plan_id = excluded.plan_id, facts = excluded.facts")?;
    for chunk in gone.chunks(CHUNK) {
        diesel::delete(summary_facts::table.filter(summary_facts::initiative_id.eq_any(chunk))).execute(conn)?;
    }
    Ok(())
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
/// `stored`, `S` the facts last counted.
fn facts_sql(pg: bool, stored: bool) -> String {
    // PostgreSQL reads the ids from an array, whose length the planner sees (`unnest` of a
    // known array): a few ids are found through the indexes, thousands by a hash join.
    let (with, uuid, text, int, dbl) = if pg {
        ("", "uuid", "text", "integer", "double precision")
    } else {
        ("WITH ids AS (SELECT value AS id FROM json_each(?)) ", "TEXT", "TEXT", "INTEGER", "REAL")
    };
    let among = if pg { "IN (SELECT unnest($1::uuid[]))" } else { "IN (SELECT id FROM ids)" };
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
        row(
            "R",
            "r.id",
            "r.initiative_id",
            ["r.workflow_state", "r.progress_status", "r.self_rating", "r.committee_rating"],
            ["r.fiscal_year", "", "", ""],
            ["", ""],
            "FROM annual_reports r WHERE r.initiative_id IN (SELECT id FROM ids)",
        ),
        // Reports under correction: their published edition is the snapshot.
        row(
            "C",
            "r.id",
            "",
            ["r.published_snapshot", "", "", ""],
            ["", "", "", ""],
            ["", ""],
            "FROM annual_reports r WHERE r.initiative_id IN (SELECT id FROM ids) \
             AND r.workflow_state <> 'published' AND r.published_snapshot IS NOT NULL",
        ),
        row(
            "Q",
            "q.report_id",
            "",
            ["q.mark", "", "", ""],
            ["q.quarter", "", "", ""],
            ["", ""],
            "FROM quarter_updates q JOIN annual_reports r ON r.id = q.report_id \
             WHERE r.initiative_id IN (SELECT id FROM ids) AND q.mark IS NOT NULL",
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
            "FROM indicator_values v JOIN indicators x ON x.id = v.indicator_id \
             WHERE x.initiative_id IN (SELECT id FROM ids)",
        ),
    ];
    if stored {
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

type PlanFacts = HashMap<Uuid, (Uuid, Facts)>;

/// An initiative, its plan, its active years and the plan period.
type InitiativeRow = (DbUuid, DbUuid, Option<i32>, Option<i32>, i32, i32);

/// What is stored for these initiatives (with `stored`; else nothing) and what their rows say,
/// each with the initiative's plan, in one statement. Initiatives that no longer exist have no
/// facts.
fn read_facts(conn: &mut DbConnection, ids: &[Uuid], stored: bool) -> QueryResult<(PlanFacts, PlanFacts)> {
    let texts: Vec<String> = ids.iter().map(|i| i.hyphenated().to_string()).collect();
    let pg = matches!(conn, DbConnection::Pg(_));
    // An array literal for PostgreSQL (`{…}`), a JSON array for SQLite.
    let list = if pg { format!("{{{}}}", texts.join(",")) } else { serde_json::to_string(&texts).map_err(bad_data)? };
    let sql = facts_sql(pg, stored);
    let rows: Vec<FactRow> = match conn {
        DbConnection::Pg(c) => diesel::sql_query(sql).bind::<Text, _>(&list).load(c)?,
        DbConnection::Sqlite(c) => diesel::sql_query(sql).bind::<Text, _>(&list).load(c)?,
    };
    facts_of_rows(rows)
}

/// Stored facts of these initiatives, with their plans.
fn stored(conn: &mut DbConnection, ids: &[Uuid]) -> QueryResult<PlanFacts> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let chunk: Vec<DbUuid> = chunk.iter().copied().map(DbUuid).collect();
        let rows: Vec<(DbUuid, DbUuid, String)> = summary_facts::table
            .filter(summary_facts::initiative_id.eq_any(&chunk))
            .select((summary_facts::initiative_id, summary_facts::plan_id, summary_facts::facts))
            .load(conn)?;
        for (id, plan, text) in rows {
            out.insert(id.0, (plan.0, serde_json::from_str(&text).map_err(bad_data)?));
        }
    }
    Ok(out)
}

type ReportRow = (DbUuid, DbUuid, i32, String, Option<String>, Option<String>, Option<String>);

/// One edition's contents as a published snapshot holds them (the report's view).
#[derive(serde::Deserialize)]
struct Snapshot {
    progress_status: Option<String>,
    self_rating: Option<String>,
    committee_rating: Option<String>,
    #[serde(default)]
    quarters: Vec<SnapshotQuarter>,
    #[serde(default)]
    indicator_values: Vec<SnapshotValue>,
}

#[derive(serde::Deserialize)]
struct SnapshotQuarter {
    quarter: i32,
    mark: Option<String>,
}

#[derive(serde::Deserialize)]
struct SnapshotValue {
    indicator_id: Uuid,
    target: Option<f64>,
    actual: Option<f64>,
}

/// An indicator valid in some years, with its rule.
struct Rule {
    id: Uuid,
    direction: Direction,
    tolerance: Option<f64>,
    from: Option<i32>,
    to: Option<i32>,
}

impl Rule {
    fn valid_in(&self, fy: i32) -> bool {
        self.from.is_none_or(|f| f <= fy) && self.to.is_none_or(|t| t >= fy)
    }

    fn verdict(&self, value: Option<(Option<f64>, Option<f64>)>) -> Verdict {
        let (target, actual) = value.unwrap_or((None, None));
        let a = achievement::evaluate(self.direction, self.tolerance, target, actual);
        Verdict(a.status.as_str().to_string(), a.ratio.map(tally::ratio_units))
    }
}

/// What the rows of these initiatives say that the counts need, with their plans (initiatives
/// that no longer exist are absent). One statement per 5,000 initiatives.
pub fn facts(conn: &mut DbConnection, ids: &[Uuid]) -> QueryResult<PlanFacts> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        out.extend(read_facts(conn, chunk, false)?.1);
    }
    Ok(out)
}

fn missing(kind: &str) -> diesel::result::Error {
    bad_data(format!("a {kind} row without its id"))
}

/// Builds the stored facts (`S` rows) and the facts the rows say (every other kind).
fn facts_of_rows(rows: Vec<FactRow>) -> QueryResult<(PlanFacts, PlanFacts)> {
    let mut old = HashMap::new();
    let mut found: Vec<InitiativeRow> = Vec::new();
    let mut nodes: HashMap<DbUuid, (Option<DbUuid>, i32)> = HashMap::new();
    let mut placed: HashMap<DbUuid, Vec<DbUuid>> = HashMap::new();
    let mut responsible: HashMap<DbUuid, Vec<String>> = HashMap::new();
    let mut reports: Vec<ReportRow> = Vec::new();
    let mut snapshots: HashMap<DbUuid, Snapshot> = HashMap::new();
    let mut marks: HashMap<DbUuid, Vec<(i32, String)>> = HashMap::new();
    let mut rules: HashMap<DbUuid, Vec<Rule>> = HashMap::new();
    let mut values: HashMap<(Uuid, i32), (Option<f64>, Option<f64>)> = HashMap::new();
    for r in rows {
        let a = r.a.ok_or_else(|| missing(&r.kind));
        match r.kind.as_str() {
            "S" => {
                let facts: Facts = serde_json::from_str(r.t1.as_deref().unwrap_or("{}")).map_err(bad_data)?;
                old.insert(a?.0, (r.b.ok_or_else(|| missing("S"))?.0, facts));
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
                    let rule = Rule { id: a?.0, direction, tolerance: r.f1, from: r.i1, to: r.i2 };
                    rules.entry(initiative).or_default().push(rule);
                }
            }
            "V" => {
                values.insert((a?.0, r.i1.unwrap_or(0)), (r.f1, r.f2));
            }
            other => return Err(bad_data(format!("unknown row kind {other}"))),
        }
    }
    let mut by_initiative: HashMap<DbUuid, Vec<&ReportRow>> = HashMap::new();
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
        for fy in first..=last {
            let report = reports.iter().find(|r| r.2 == fy);
            let verdicts = |value: &dyn Fn(Uuid) -> Option<(Option<f64>, Option<f64>)>| {
                rules.iter().filter(|r| r.valid_in(fy)).map(|r| r.verdict(value(r.id))).collect::<Vec<_>>()
            };
            let current = Edition {
                state: report.map(|r| r.3.clone()),
                progress: report.and_then(|r| r.4.clone()),
                self_rating: report.and_then(|r| r.5.clone()),
                committee_rating: report.and_then(|r| r.6.clone()),
                marks: report.map(|r| sorted(marks.get(&r.0).cloned().unwrap_or_default())).unwrap_or_default(),
                indicators: verdicts(&|indicator| values.get(&(indicator, fy)).copied()),
            };
            let published = match report {
                Some(r) if r.3 == "published" => current.clone(),
                Some(r) => match snapshots.get(&r.0) {
                    Some(s) => Edition {
                        state: Some("published".into()),
                        progress: s.progress_status.clone(),
                        self_rating: s.self_rating.clone(),
                        committee_rating: s.committee_rating.clone(),
                        marks: sorted(s.quarters.iter().filter_map(|q| Some((q.quarter, q.mark.clone()?))).collect()),
                        indicators: verdicts(&|indicator| {
                            s.indicator_values
                                .iter()
                                .find(|v| v.indicator_id == indicator)
                                .map(|v| (v.target, v.actual))
                        }),
                    },
                    None => unpublished(&rules, fy),
                },
                None => unpublished(&rules, fy),
            };
            facts.years.push(Year { fiscal_year: fy, current, published });
        }
        out.insert(id.0, (plan.0, facts));
    }
    Ok((old, out))
}

fn sorted(mut marks: Vec<(i32, String)>) -> Vec<(i32, String)> {
    marks.sort();
    marks
}

/// A year with nothing published: no report, and no indicator measurable.
fn unpublished(rules: &[Rule], fy: i32) -> Edition {
    let indicators = rules.iter().filter(|r| r.valid_in(fy)).map(|r| r.verdict(None)).collect();
    Edition { indicators, ..Edition::default() }
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

/// A kept count as stored: set, fiscal year, key, cell, n, ratio units, ratio n.
type CountRow = (String, i32, String, String, i64, i64, i64);

const COUNT_ROW: (
    summary_counts::grp_set,
    summary_counts::fiscal_year,
    summary_counts::grp_key,
    summary_counts::cell,
    summary_counts::n,
    summary_counts::ratio_units,
    summary_counts::ratio_n,
) = (
    summary_counts::grp_set,
    summary_counts::fiscal_year,
    summary_counts::grp_key,
    summary_counts::cell,
    summary_counts::n,
    summary_counts::ratio_units,
    summary_counts::ratio_n,
);

/// A plan's kept counts in some groups and years: `(set, fiscal year, key, cell, tally)`.
pub type KeptRow = (String, i32, String, String, Tally);

/// Reads a plan's kept counts of the sets `sets` in the years `from..=to`.
pub fn read(conn: &mut DbConnection, plan: Uuid, sets: &[String], (from, to): (i32, i32)) -> QueryResult<Vec<KeptRow>> {
    let rows: Vec<CountRow> = summary_counts::table
        .filter(summary_counts::plan_id.eq(DbUuid(plan)))
        .filter(summary_counts::grp_set.eq_any(sets))
        .filter(summary_counts::fiscal_year.between(from, to))
        .filter(summary_counts::n.ne(0))
        .select(COUNT_ROW)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(set, fy, key, cell, n, ratio_units, ratio_n)| (set, fy, key, cell, Tally { n, ratio_units, ratio_n }))
        .collect())
}

/// What `check-summaries` finds: places whose kept count differs from a recount of the rows,
/// and initiatives whose stored facts differ from their rows.
#[derive(Debug, Default)]
pub struct Check {
    pub initiatives: usize,
    /// Initiatives changed by writes not counted yet (made outside the service, within the
    /// last second): what the service's change watcher counts next.
    pub noted: usize,
    pub facts_differing: usize,
    pub counts_differing: usize,
}

/// Recounts every initiative of the installation from its rows and compares with what is kept;
/// with `repair`, replaces what is kept with the recount.
pub fn check(conn: &mut DbConnection, repair: bool) -> QueryResult<Check> {
    // Every plan locked, in the writers' order: nothing changes while the rows are recounted.
    if let DbConnection::Pg(c) = conn {
        plans::table.order(plans::id).select(plans::id).for_update().load::<DbUuid>(c)?;
    }
    let noted: i64 = super::schema::summary_dirty::table.count().get_result(conn)?;
    let ids: Vec<Uuid> =
        initiatives::table.select(initiatives::id).load::<DbUuid>(conn)?.into_iter().map(|i| i.0).collect();
    let fresh = facts(conn, &ids)?;
    let all_stored: Vec<Uuid> = summary_facts::table
        .select(summary_facts::initiative_id)
        .load::<DbUuid>(conn)?
        .into_iter()
        .map(|i| i.0)
        .collect();
    let kept = stored(conn, &all_stored)?;
    let mut check = Check { initiatives: ids.len(), noted: noted as usize, ..Check::default() };
    let every: HashSet<Uuid> = fresh.keys().chain(kept.keys()).copied().collect();
    let mut expected: BTreeMap<(Uuid, Place), Tally> = BTreeMap::new();
    for id in &every {
        let f = fresh.get(id);
        if f != kept.get(id) {
            check.facts_differing += 1;
        }
        if let Some((plan, facts)) = f {
            for (place, t) in tally::cells(facts) {
                let e = expected.entry((*plan, place)).or_default();
                e.n += t.n;
                e.ratio_units += t.ratio_units;
                e.ratio_n += t.ratio_n;
            }
        }
    }
    let rows: Vec<(DbUuid, CountRow)> = summary_counts::table
        .filter(summary_counts::n.ne(0))
        .select((summary_counts::plan_id, COUNT_ROW))
        .load(conn)?;
    let stored_counts: BTreeMap<(Uuid, Place), Tally> = rows
        .into_iter()
        .map(|(plan, (set, fiscal_year, key, cell, n, ratio_units, ratio_n))| {
            ((plan.0, Place { fiscal_year, set, key, cell }), Tally { n, ratio_units, ratio_n })
        })
        .collect();
    let places: HashSet<&(Uuid, Place)> = expected.keys().chain(stored_counts.keys()).collect();
    check.counts_differing = places
        .into_iter()
        .filter(|p| expected.get(*p).copied().unwrap_or_default() != stored_counts.get(*p).copied().unwrap_or_default())
        .count();
    if repair && (check.facts_differing > 0 || check.counts_differing > 0 || check.noted > 0) {
        diesel::delete(super::schema::summary_dirty::table).execute(conn)?;
        diesel::delete(summary_counts::table).execute(conn)?;
        diesel::delete(summary_facts::table).execute(conn)?;
        let mut counts = Rows::default();
        for ((plan, place), t) in &expected {
            counts
                .row()
                .uuid(*plan)
                .text(Some(&place.set))
                .int(place.fiscal_year)
                .text(Some(&place.key))
                .text(Some(&place.cell))
                .big(t.n)
                .big(t.ratio_units)
                .big(t.ratio_n);
        }
        bulk::insert(conn, &COUNTS, counts)?;
        let mut keep = Rows::default();
        for (id, (plan, facts)) in &fresh {
            keep.row().uuid(*id).uuid(*plan).text(Some(&serde_json::to_string(facts).map_err(bad_data)?));
        }
        bulk::insert(conn, &FACTS, keep)?;
        // Summaries cached from the counts before the repair are set aside.
        diesel::update(plans::table).set(plans::data_version.eq(plans::data_version + 1)).execute(conn)?;
    }
    Ok(check)
}
