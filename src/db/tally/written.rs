//! The counts of what the write path just wrote, from what it knows the rows now say: a set of
//! reports of one fiscal year ([`crate::resources::reports::write`]) is counted without reading
//! its rows back (docs/write-path.md, "Counting").

use std::collections::HashMap;

use diesel::prelude::*;
use diesel::sql_types::Text;
use uuid::Uuid;

use super::facts::bad_data;
use super::kept::{write_counts, Kept};
use crate::db::bulk::Prepared;
use crate::db::connection::DbConnection;
use crate::db::portable_uuid::{DbUuid, PortableUuid};
use crate::domain::tally::{self, Delta, Facts, Year};

/// Runs `write`, whose rows of reports, quarters and values the caller counts itself
/// ([`count`]): the triggers do not note them (migration `counted_by_writer`: a row of
/// `summary_counted_by_writer` on SQLite, the transaction's setting `shinchoku.counted_by_writer`
/// on PostgreSQL, both gone after `write`). Noting 10,000 rows, then taking them off the list
/// again, cost 44 ms on SQLite and 50 ms on PostgreSQL.
pub fn counted_by_writer<T, E>(
    conn: &mut DbConnection,
    write: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    let (on, off) = match conn {
        DbConnection::Pg(_) => (
            "SELECT set_config('shinchoku.counted_by_writer', 'on', true)",
            "SELECT set_config('shinchoku.counted_by_writer', '', true)",
        ),
        DbConnection::Sqlite(_) => {
            ("INSERT INTO summary_counted_by_writer (id) VALUES (1)", "DELETE FROM summary_counted_by_writer")
        }
    };
    Prepared::new(on, &[], Vec::new()).execute(conn)?;
    let written = write(conn);
    // After a failed write the transaction is rolled back, and may refuse this statement.
    let set_back = Prepared::new(off, &[], Vec::new()).execute(conn);
    let value = written?;
    set_back?;
    Ok(value)
}

/// What is stored of the initiatives whose year the write path counts ([`read_stored`]): their
/// facts (what concerns every year, and the year read), as read.
pub struct Stored {
    rows: Vec<StoredRow>,
}

#[derive(QueryableByName)]
struct StoredRow {
    #[diesel(sql_type = PortableUuid)]
    initiative_id: DbUuid,
    #[diesel(sql_type = PortableUuid)]
    plan_id: DbUuid,
    #[diesel(sql_type = Text)]
    facts: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
    year: Option<String>,
}

/// What the counts of a write gain, worked out ([`count`]) and not yet written ([`write_counted`]).
pub struct Counted {
    delta: HashMap<Uuid, Delta>,
    keep: Kept,
    /// Initiatives the counts never saw, as text.
    never_counted: Vec<String>,
}

/// Reads what is stored of the initiatives `ids` (what concerns every year, and year `fy`): one
/// statement, none without ids. The write path reads it before it writes (nothing it writes
/// changes it: only counting does), so that the counts are worked out beside the write.
pub fn read_stored(conn: &mut DbConnection, fy: i32, ids: &[Uuid]) -> QueryResult<Stored> {
    if ids.is_empty() {
        return Ok(Stored { rows: Vec::new() });
    }
    let ids: Vec<String> = ids.iter().map(|id| id.hyphenated().to_string()).collect();
    let pg = matches!(conn, DbConnection::Pg(_));
    // The year is the first parameter, the ids (one array) the second, in the text as bound.
    let (list, year, among) = if pg {
        (format!("{{{}}}", ids.join(",")), "$1::int4", "IN (SELECT unnest($2::uuid[]))")
    } else {
        (serde_json::to_string(&ids).map_err(bad_data)?, "?1", "IN (SELECT value FROM json_each(?2))")
    };
    // Fixed text, so prepared once per connection: a single `PUT` runs it too.
    let sql = format!(
        "SELECT s.initiative_id, s.plan_id, s.facts, y.facts AS year FROM summary_facts s \
         LEFT JOIN summary_fact_years y ON y.initiative_id = s.initiative_id AND y.fiscal_year = {year} \
         WHERE s.initiative_id {among}"
    );
    let placeholders: &[&str] = if pg { &["$1", "$2"] } else { &["?1", "?2"] };
    let rows = Prepared::new(&sql, placeholders, vec![fy.to_string(), list]).load(conn)?;
    Ok(Stored { rows })
}

/// What the counts gain when year `fy` of initiatives goes from what is stored (`stored`, read
/// for that year) to `fresh`: what each one's rows of the year now say (the initiative is active
/// in it), as the writer decided them. Pure (no database): it runs beside the write.
pub fn count(stored: Stored, fresh: Vec<(Uuid, Year)>) -> QueryResult<Counted> {
    let mut before: HashMap<Uuid, (Uuid, Facts)> = HashMap::with_capacity(stored.rows.len());
    for r in stored.rows {
        let mut facts: Facts = serde_json::from_str(&r.facts).map_err(bad_data)?;
        facts.years = r.year.map(|y| serde_json::from_str(&y)).transpose().map_err(bad_data)?.into_iter().collect();
        before.insert(r.initiative_id.0, (r.plan_id.0, facts));
    }
    let mut counted = Counted { delta: HashMap::new(), keep: Kept::default(), never_counted: Vec::new() };
    for (id, year) in fresh {
        let Some(entry) = before.get(&id) else {
            counted.never_counted.push(id.hyphenated().to_string());
            continue;
        };
        let (plan, stored) = entry;
        let after = Facts { nodes: stored.nodes.clone(), departments: stored.departments.clone(), years: vec![year] };
        tally::difference(Some(stored), Some(&after), counted.delta.entry(*plan).or_default());
        counted.keep.changes(id, *plan, Some(entry), &after)?;
    }
    Ok(counted)
}

/// Writes what [`count`] worked out: the counts gained, and the years' facts in place of the
/// stored ones. An initiative the counts never saw is noted for every year: the refresh
/// ([`super::refresh`]) reads it whole.
///
/// With [`read_stored`] and [`count`], this counts the years the write path wrote, unnoted by the
/// triggers ([`counted_by_writer`]). Correct whatever else the transaction writes: what was
/// last counted is what is stored, and `fresh` is what the rows say now, so the difference is
/// exact. A year an earlier write of the transaction noted is read again by the refresh, which
/// finds it as now stored (nothing to add); a later change is noted by the triggers.
pub fn write_counted(conn: &mut DbConnection, counted: Counted) -> QueryResult<()> {
    let Counted { delta, keep, never_counted } = counted;
    write_counts(conn, delta)?;
    keep.write(conn)?;
    if !never_counted.is_empty() {
        // Rare (an initiative created in this transaction is already noted): one statement more.
        let (sql, list) = match conn {
            DbConnection::Pg(_) => (
                "INSERT INTO summary_dirty (initiative_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING",
                format!("{{{}}}", never_counted.join(",")),
            ),
            DbConnection::Sqlite(_) => (
                "INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT value FROM json_each(?1)",
                serde_json::to_string(&never_counted).map_err(bad_data)?,
            ),
        };
        let placeholder = if sql.contains("$1") { "$1" } else { "?1" };
        Prepared::new(sql, &[placeholder], vec![list]).execute(conn)?;
    }
    Ok(())
}
