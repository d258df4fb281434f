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

/// Counts year `fy` of initiatives whose rows of that year this transaction has just written:
/// `fresh` holds what each one's rows of the year now say (the initiative is active in it), as
/// the writer decided them. Only what is stored is read (one statement); the
/// difference is added to the counts, the year's stored facts replaced, and the year taken off
/// the list of what the transaction changed, so that [`super::refresh`] does not read it again.
/// An initiative the counts never saw is left on that list: the refresh reads it whole.
///
/// Correct whatever else the transaction wrote before: what was last counted is what is stored,
/// and `fresh` is what the rows say now, so the difference is exact; a later change to the same
/// rows is noted again by the triggers and counted by the refresh.
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
    let mut counted = Vec::with_capacity(fresh.len());
    for (id, year) in fresh {
        let Some(entry) = stored.get(&id) else { continue };
        let (plan, before) = entry;
        let after = Facts { nodes: before.nodes.clone(), departments: before.departments.clone(), years: vec![year] };
        tally::difference(Some(before), Some(&after), delta.entry(*plan).or_default());
        keep.changes(id, *plan, Some(entry), &after)?;
        counted.push(id.hyphenated().to_string());
    }
    write_counts(conn, delta)?;
    keep.write(conn)?;
    if counted.is_empty() {
        return Ok(());
    }
    let sql = if pg {
        // The ids unnested once: `= ANY` over the cast text parsed the array again for each row.
        "DELETE FROM summary_dirty_years d USING unnest($1::uuid[]) AS w(id) \
         WHERE d.tx = txid_current() AND d.fiscal_year = $2::int4 AND d.initiative_id = w.id"
    } else {
        "DELETE FROM summary_dirty_years WHERE initiative_id IN (SELECT value FROM json_each(?1)) AND fiscal_year = ?2"
    };
    let list =
        if pg { format!("{{{}}}", counted.join(",")) } else { serde_json::to_string(&counted).map_err(bad_data)? };
    Prepared::new(sql, placeholders, vec![list, fy.to_string()]).execute(conn)?;
    Ok(())
}
