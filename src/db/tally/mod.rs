//! Keeps the summary counts (docs/summaries.md, "Kept counts") in step with the rows, in the
//! transaction that changes them.
//!
//! Triggers note every initiative whose rows a statement changes (`summary_dirty`; see the
//! migration `kept_counts`). Before a write transaction commits, [`refresh`] reads what those
//! initiatives' rows now say ([`facts`], one statement), compares it with what they last added
//! (`summary_facts`), and adds the difference to `summary_counts` ([`crate::domain::tally`]).
//! Writers of one plan are serialized by the plan's row (every write bumps its data version),
//! so the facts read here are the latest and the counts' additions never interleave wrongly.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use diesel::prelude::*;
use uuid::Uuid;

use crate::db::bulk::{self, Rows};
use crate::db::connection::DbConnection;
use crate::db::portable_uuid::{DbUuid, PortableUuid};
use crate::db::schema::{initiatives, plans, summary_counts, summary_dirty, summary_dirty_years, summary_facts};
use crate::domain::tally::{self, Delta, Place, Tally};

mod facts;
mod kept;
mod written;

pub use written::{count, counted_by_writer, read_stored, write_counted, Counted, Stored};

use facts::{bad_data, read_facts, stored, CHUNK, FACTS_CHUNK};
use kept::{count_row, write_counts, Kept, COUNTS};

#[derive(QueryableByName)]
struct Noted {
    #[diesel(sql_type = PortableUuid)]
    initiative_id: DbUuid,
    /// The fiscal year whose report, quarters or values changed; 0: something that concerns
    /// every year.
    #[diesel(sql_type = diesel::sql_types::Integer)]
    fiscal_year: i32,
}

/// Recounts the initiatives this transaction changed. Called by every write transaction before
/// it commits ([`crate::db::write_transaction`]); without changed initiatives, one statement
/// (two on SQLite, where statements cost no round trip).
pub fn refresh(conn: &mut DbConnection) -> QueryResult<()> {
    let noted: Vec<Noted> = match conn {
        DbConnection::Pg(_) => diesel::sql_query(
            "WITH every_year AS (DELETE FROM summary_dirty WHERE tx = txid_current() \
             RETURNING initiative_id, 0 AS fiscal_year), \
             one_year AS (DELETE FROM summary_dirty_years WHERE tx = txid_current() \
             RETURNING initiative_id, fiscal_year) \
             SELECT initiative_id, fiscal_year FROM every_year UNION ALL SELECT initiative_id, fiscal_year FROM one_year",
        )
        .load(conn)?,
        // One writer at a time: every noted row is this transaction's (or left by a write made
        // outside the service, which this counts too).
        DbConnection::Sqlite(_) => {
            let mut noted: Vec<Noted> =
                diesel::sql_query("DELETE FROM summary_dirty RETURNING initiative_id, 0 AS fiscal_year").load(conn)?;
            noted.extend(
                diesel::sql_query("DELETE FROM summary_dirty_years RETURNING initiative_id, fiscal_year")
                    .load::<Noted>(conn)?,
            );
            noted
        }
    };
    if noted.is_empty() {
        return Ok(());
    }
    let mut every_year: HashSet<Uuid> = HashSet::new();
    let mut some_years: HashMap<Uuid, BTreeSet<i32>> = HashMap::new();
    for n in noted {
        if n.fiscal_year == 0 {
            every_year.insert(n.initiative_id.0);
        } else {
            some_years.entry(n.initiative_id.0).or_default().insert(n.fiscal_year);
        }
    }
    some_years.retain(|id, _| !every_year.contains(id));
    recount(conn, &every_year.into_iter().collect::<Vec<_>>(), &some_years)
}

/// Recounts every initiative noted by any writer, also by writes made outside the service (at
/// start, by the change watcher every second, and by `check-summaries`); returns how many.
/// Takes the plans' locks first, as writers do, and moves their data versions.
pub fn refresh_noted(conn: &mut DbConnection) -> QueryResult<usize> {
    let noted: Vec<Noted> = diesel::sql_query(
        "SELECT DISTINCT initiative_id, 0 AS fiscal_year FROM \
         (SELECT initiative_id FROM summary_dirty UNION SELECT initiative_id FROM summary_dirty_years) d",
    )
    .load(conn)?;
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
        diesel::delete(summary_dirty::table.filter(summary_dirty::initiative_id.eq_any(chunk))).execute(conn)?;
        diesel::delete(summary_dirty_years::table.filter(summary_dirty_years::initiative_id.eq_any(chunk)))
            .execute(conn)?;
    }
    let ids: Vec<Uuid> = ids.into_iter().map(|i| i.0).collect();
    recount(conn, &ids, &HashMap::new())?;
    Ok(ids.len())
}

/// Replaces the stored facts of `ids` (every year) and of `some_years` (those years) with what
/// their rows say, and adds the difference to their plans' counts. At most seven statements
/// whatever the number of initiatives (per 20,000): what is stored and what the rows say (one for
/// every year, one for some), the counts, the facts written (what concerns every year, the years,
/// the years no longer active: each only when there is one) and the facts of initiatives gone.
fn recount(conn: &mut DbConnection, ids: &[Uuid], some_years: &HashMap<Uuid, BTreeSet<i32>>) -> QueryResult<()> {
    let (mut old, mut new) = (HashMap::new(), HashMap::new());
    let mut ids = ids.to_vec();
    // Only some years changed: those years are read (of every such initiative, which is right
    // for each), and replace the same years of what is stored.
    let years: BTreeSet<i32> = some_years.values().flatten().copied().collect();
    let partly: Vec<Uuid> = some_years.keys().copied().collect();
    for chunk in partly.chunks(FACTS_CHUNK) {
        let (mut o, mut n) = read_facts(conn, chunk, true, Some(&years))?;
        for id in chunk {
            match (o.remove(id), n.remove(id)) {
                (Some((plan, stored)), Some((_, fresh))) => {
                    new.insert(*id, (plan, tally::with_years(&stored, fresh, &years)));
                    old.insert(*id, (plan, stored));
                }
                // The initiative is gone.
                (Some(stored), None) => {
                    old.insert(*id, stored);
                }
                // Nothing stored to complete (the service never counted it): every year is read.
                (None, _) => ids.push(*id),
            }
        }
    }
    for chunk in ids.chunks(FACTS_CHUNK) {
        let (o, n) = read_facts(conn, chunk, true, None)?;
        old.extend(o);
        new.extend(n);
    }
    let ids: Vec<Uuid> = ids.into_iter().chain(partly.into_iter().filter(|id| old.contains_key(id))).collect();
    let mut delta: HashMap<Uuid, Delta> = HashMap::new();
    let mut keep = Kept::default();
    let mut gone = Vec::new();
    for id in &ids {
        let (before, after) = (old.get(id), new.get(id));
        let Some(plan) = after.or(before).map(|(plan, _)| *plan) else { continue };
        tally::difference(before.map(|(_, f)| f), after.map(|(_, f)| f), delta.entry(plan).or_default());
        match after {
            Some((plan, facts)) => keep.changes(*id, *plan, before, facts)?,
            None => gone.push(DbUuid(*id)),
        }
    }
    write_counts(conn, delta)?;
    keep.write(conn)?;
    // Their years go with them (`ON DELETE CASCADE`).
    for chunk in gone.chunks(CHUNK) {
        diesel::delete(summary_facts::table.filter(summary_facts::initiative_id.eq_any(chunk))).execute(conn)?;
    }
    Ok(())
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

/// Reads a plan's counts of the sets `sets` in the years `from..=to`: the kept ones and, for sets
/// of the family `x` (contents of reports not handed in, which only an initiative's departments
/// count), those of the initiatives of the departments `revealing`, from their stored facts
/// ([`tally::hidden`]). One statement, so both are of one moment.
pub fn read(
    conn: &mut DbConnection,
    plan: Uuid,
    sets: &[String],
    years: (i32, i32),
    revealing: &[Uuid],
) -> QueryResult<Vec<KeptRow>> {
    let (hidden_sets, kept_sets): (Vec<&str>, Vec<&str>) =
        sets.iter().map(String::as_str).partition(|s| s.starts_with('x'));
    if hidden_sets.is_empty() || revealing.is_empty() {
        let kept_sets: Vec<String> = kept_sets.into_iter().map(str::to_string).collect();
        return read_kept(conn, plan, &kept_sets, years);
    }
    #[derive(QueryableByName)]
    struct Read {
        #[diesel(sql_type = diesel::sql_types::Text)]
        grp_set: String,
        #[diesel(sql_type = diesel::sql_types::Integer)]
        fiscal_year: i32,
        #[diesel(sql_type = diesel::sql_types::Text)]
        grp_key: String,
        /// The cell; for a row of stored facts (`grp_set` empty), one year's facts (and
        /// `grp_key` what concerns every year).
        #[diesel(sql_type = diesel::sql_types::Text)]
        cell: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        ratio_units: i64,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        ratio_n: i64,
    }
    let pg = matches!(conn, DbConnection::Pg(_));
    // The sets as an array on PostgreSQL, so that they bound the index scan of the counts.
    let (among_sets, departments_of, fence) = if pg {
        ("= ANY($2::text[])", "SELECT (jsonb_array_elements_text($5::jsonb))::uuid", "OFFSET 0")
    } else {
        ("IN (SELECT value FROM json_each($2))", "SELECT value FROM json_each($5)", "LIMIT -1 OFFSET 0")
    };
    // Only years whose current report is in draft or returned have hidden cells: the others are
    // not read (`tally::hidden` decides on what is read). The markers are made of integers and
    // fixed words only.
    let marked: Vec<String> = (years.0..=years.1)
        .flat_map(|fy| ["draft", "returned"].map(|state| tally::state_marker(fy, state)))
        .map(|marker| format!("s.facts LIKE '%{marker}%'"))
        .collect();
    // The department's initiatives of the plan first (by the index on departments), each once
    // however many of the caller's departments it has; then their years read by key, and only
    // those are searched for a marker (the subquery's fence keeps the search after the join),
    // each with what concerns every year of its initiative.
    let sql = format!(
        "WITH theirs AS MATERIALIZED (SELECT DISTINCT d.initiative_id FROM initiative_departments d \
         JOIN initiatives i ON i.id = d.initiative_id WHERE i.plan_id = $1 AND d.department_id IN ({departments_of})) \
         SELECT grp_set, fiscal_year, grp_key, cell, n, ratio_units, ratio_n FROM summary_counts \
         WHERE plan_id = $1 AND grp_set {among_sets} AND fiscal_year BETWEEN $3 AND $4 AND n <> 0 \
         UNION ALL \
         SELECT '', 0, s.facts, f.facts, 0, 0, 0 FROM (SELECT y.initiative_id, y.facts FROM theirs \
         JOIN summary_fact_years y ON y.initiative_id = theirs.initiative_id AND y.fiscal_year BETWEEN $3 AND $4 {fence}) f \
         JOIN summary_facts s ON s.initiative_id = f.initiative_id WHERE {}",
        marked.join(" OR ").replace("s.facts", "f.facts")
    );
    let sql = if pg { sql } else { sql.replace('$', "?") };
    let kept_sets = if pg {
        // Set names are letters and digits (`c`, `pn2`, …).
        format!("{{{}}}", kept_sets.join(","))
    } else {
        serde_json::to_string(&kept_sets).map_err(bad_data)?
    };
    let departments: Vec<String> = revealing.iter().map(|d| d.hyphenated().to_string()).collect();
    let departments = serde_json::to_string(&departments).map_err(bad_data)?;
    let rows: Vec<Read> = diesel::sql_query(sql)
        .bind::<PortableUuid, _>(DbUuid(plan))
        .bind::<diesel::sql_types::Text, _>(kept_sets)
        .bind::<diesel::sql_types::Integer, _>(years.0)
        .bind::<diesel::sql_types::Integer, _>(years.1)
        .bind::<diesel::sql_types::Text, _>(departments)
        .load(conn)?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        if !r.grp_set.is_empty() {
            out.push((
                r.grp_set,
                r.fiscal_year,
                r.grp_key,
                r.cell,
                Tally { n: r.n, ratio_units: r.ratio_units, ratio_n: r.ratio_n },
            ));
            continue;
        }
        let mut facts: tally::Facts = serde_json::from_str(&r.grp_key).map_err(bad_data)?;
        facts.years = vec![serde_json::from_str(&r.cell).map_err(bad_data)?];
        for (place, t) in tally::hidden(&facts, years, &hidden_sets) {
            out.push((place.set, place.fiscal_year, place.key, place.cell, t));
        }
    }
    Ok(out)
}

/// The kept counts of the sets `sets` in the years `from..=to`.
fn read_kept(
    conn: &mut DbConnection,
    plan: Uuid,
    sets: &[String],
    (from, to): (i32, i32),
) -> QueryResult<Vec<KeptRow>> {
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
    let noted: i64 = summary_dirty::table.count().get_result::<i64>(conn)?
        + summary_dirty_years::table.count().get_result::<i64>(conn)?;
    let ids: Vec<Uuid> =
        initiatives::table.select(initiatives::id).load::<DbUuid>(conn)?.into_iter().map(|i| i.0).collect();
    let fresh = facts::load(conn, &ids)?;
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
        diesel::delete(summary_dirty::table).execute(conn)?;
        diesel::delete(summary_dirty_years::table).execute(conn)?;
        diesel::delete(summary_counts::table).execute(conn)?;
        diesel::delete(summary_facts::table).execute(conn)?;
        let mut counts = Rows::default();
        for ((plan, place), t) in &expected {
            count_row(&mut counts, *plan, place, t);
        }
        bulk::insert(conn, &COUNTS, counts)?;
        let mut keep = Kept::default();
        for (id, (plan, facts)) in &fresh {
            keep.changes(*id, *plan, None, facts)?;
        }
        keep.write(conn)?;
        // Summaries cached from the counts before the repair are set aside.
        diesel::update(plans::table).set(plans::data_version.eq(plans::data_version + 1)).execute(conn)?;
    }
    Ok(check)
}
