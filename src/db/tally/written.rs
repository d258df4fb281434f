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
/// ([`count_written`]): the triggers do not note them (migration `counted_by_writer`: a row of
/// `summary_counted_by_writer` on SQLite, the transaction's setting `shinchoku.counted_by_writer`
/// on PostgreSQL, both gone after `write`). Noting 10,000 rows, then taking them off the list
/// again, was a tenth of a 10,000-item batch's time.
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

/// Counts year `fy` of initiatives whose rows of that year this transaction has just written,
/// unnoted by the triggers ([`counted_by_writer`]): `fresh` holds what each one's rows of the
/// year now say (the initiative is active in it), as the writer decided them. Only what is
/// stored is read (one statement); the difference is added to the counts and the year's stored
/// facts replaced. An initiative the counts never saw is noted for every year: the refresh
/// ([`super::refresh`]) reads it whole.
///
/// Correct whatever else the transaction writes: what was last counted is what is stored, and
/// `fresh` is what the rows say now, so the difference is exact. A year an earlier write of the
/// transaction noted is read again by the refresh, which finds it as now stored (nothing to
/// add); a later change is noted by the triggers.
pub fn count_written(conn: &mut DbConnection, fy: i32, fresh: Vec<(Uuid, Year)>) -> QueryResult<()> {
    if fresh.is_empty() {
        return Ok(());
    }
    let ids: Vec<String> = fresh.iter().map(|(id, _)| id.hyphenated().to_string()).collect();
    let pg = matches!(conn, DbConnection::Pg(_));
    // The year is the first parameter, the ids (one array) the second, in the text as bound.
    let (list, year, among) = if pg {
        (format!("{{{}}}", ids.join(",")), "$1::int4", "IN (SELECT unnest($2::uuid[]))")
    } else {
        (serde_json::to_string(&ids).map_err(bad_data)?, "?1", "IN (SELECT value FROM json_each(?2))")
    };
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
    // Fixed text, so prepared once per connection: a single `PUT` runs it too.
    let sql = format!(
        "SELECT s.initiative_id, s.plan_id, s.facts, y.facts AS year FROM summary_facts s \
         LEFT JOIN summary_fact_years y ON y.initiative_id = s.initiative_id AND y.fiscal_year = {year} \
         WHERE s.initiative_id {among}"
    );
    let placeholders: &[&str] = if pg { &["$1", "$2"] } else { &["?1", "?2"] };
    let rows: Vec<StoredRow> = Prepared::new(&sql, placeholders, vec![fy.to_string(), list]).load(conn)?;
    let mut stored: HashMap<Uuid, (Uuid, Facts)> = HashMap::with_capacity(rows.len());
    for r in rows {
        let mut facts: Facts = serde_json::from_str(&r.facts).map_err(bad_data)?;
        facts.years = r.year.map(|y| serde_json::from_str(&y)).transpose().map_err(bad_data)?.into_iter().collect();
        stored.insert(r.initiative_id.0, (r.plan_id.0, facts));
    }
    let mut delta: HashMap<Uuid, Delta> = HashMap::new();
    let mut keep = Kept::default();
    let mut never_counted = Vec::new();
    for (id, year) in fresh {
        let Some(entry) = stored.get(&id) else {
            never_counted.push(id.hyphenated().to_string());
            continue;
        };
        let (plan, before) = entry;
        let after = Facts { nodes: before.nodes.clone(), departments: before.departments.clone(), years: vec![year] };
        tally::difference(Some(before), Some(&after), delta.entry(*plan).or_default());
        keep.changes(id, *plan, Some(entry), &after)?;
    }
    write_counts(conn, delta)?;
    keep.write(conn)?;
    if !never_counted.is_empty() {
        // Rare (an initiative created in this transaction is already noted): one statement more.
        let (sql, list) = if pg {
            let sql = "INSERT INTO summary_dirty (initiative_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING";
            (sql, format!("{{{}}}", never_counted.join(",")))
        } else {
            let sql = "INSERT OR IGNORE INTO summary_dirty (initiative_id) SELECT value FROM json_each(?1)";
            (sql, serde_json::to_string(&never_counted).map_err(bad_data)?)
        };
        Prepared::new(sql, &placeholders[..1], vec![list]).execute(conn)?;
    }
    Ok(())
}
