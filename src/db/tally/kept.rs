//! What a recount writes: the counts gained (added to what is kept) and the facts stored in
//! place of the old, each in one multi-row statement.

use std::collections::HashMap;

use diesel::prelude::*;
use uuid::Uuid;

use super::facts::bad_data;
use crate::db::bulk::{self, Columns, Kind, Rows};
use crate::db::connection::DbConnection;
use crate::domain::tally::{self, Delta, Place, Tally};

pub(super) const COUNTS: Columns = Columns {
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

const FACT_YEARS: Columns = Columns {
    table: "summary_fact_years",
    columns: &[("initiative_id", Kind::Uuid), ("fiscal_year", Kind::Int), ("facts", Kind::Text)],
};

/// The stored facts a recount replaces: what concerns every year of an initiative where it
/// changed (or is new), each year that changed or appeared, and each year no longer active.
#[derive(Default)]
pub(super) struct Kept {
    every_year: Rows,
    years: Rows,
    years_gone: Rows,
}

impl Kept {
    /// What storing `facts` of the initiative `id` changes, where `before` is what is stored
    /// (of the years read: a recount of some years holds only those).
    pub(super) fn changes(
        &mut self,
        id: Uuid,
        plan: Uuid,
        before: Option<&(Uuid, tally::Facts)>,
        facts: &tally::Facts,
    ) -> QueryResult<()> {
        let same_groups =
            before.is_some_and(|(p, b)| *p == plan && b.nodes == facts.nodes && b.departments == facts.departments);
        if !same_groups {
            let every =
                tally::Facts { nodes: facts.nodes.clone(), departments: facts.departments.clone(), years: Vec::new() };
            self.every_year.row().uuid(id).uuid(plan).text(Some(&serde_json::to_string(&every).map_err(bad_data)?));
        }
        let stored: &[tally::Year] = before.map(|(_, b)| b.years.as_slice()).unwrap_or(&[]);
        for year in facts.years.iter().filter(|y| !stored.contains(y)) {
            self.years.row().uuid(id).int(year.fiscal_year).text(Some(&serde_json::to_string(year).map_err(bad_data)?));
        }
        for year in stored.iter().filter(|s| !facts.years.iter().any(|y| y.fiscal_year == s.fiscal_year)) {
            self.years_gone.row().uuid(id).int(year.fiscal_year);
        }
        Ok(())
    }

    /// At most three statements: what concerns every year first (the years refer to it).
    pub(super) fn write(self, conn: &mut DbConnection) -> QueryResult<()> {
        bulk::upsert(
            conn,
            &FACTS,
            self.every_year,
            &["initiative_id"],
            "plan_id = excluded.plan_id, facts = excluded.facts",
        )?;
        bulk::upsert(conn, &FACT_YEARS, self.years, &["initiative_id", "fiscal_year"], "facts = excluded.facts")?;
        if self.years_gone.count() > 0 {
            let gone = self.years_gone;
            match conn {
                DbConnection::Pg(_) => diesel::sql_query(
                    "DELETE FROM summary_fact_years t USING jsonb_array_elements($1::jsonb) AS r \
                     WHERE t.initiative_id = (r ->> 0)::uuid AND t.fiscal_year = (r ->> 1)::int4",
                )
                .bind::<diesel::sql_types::Text, _>(gone.finish_text().0)
                .execute(conn)?,
                DbConnection::Sqlite(_) => diesel::sql_query(
                    "DELETE FROM summary_fact_years WHERE (initiative_id, fiscal_year) IN \
                     (SELECT r.value ->> 0, r.value ->> 1 FROM jsonb_each(?) AS r)",
                )
                .bind::<diesel::sql_types::Binary, _>(gone.finish().0)
                .execute(conn)?,
            };
        }
        Ok(())
    }
}

/// One kept count as [`COUNTS`] lists its columns.
pub(super) fn count_row(counts: &mut Rows, plan: Uuid, place: &Place, t: &Tally) {
    counts
        .row()
        .uuid(plan)
        .text(Some(&place.set))
        .int(place.fiscal_year)
        .text(Some(&place.key))
        .text(Some(&place.cell))
        .big(t.n)
        .big(t.ratio_units)
        .big(t.ratio_n);
}

/// Adds what each plan's counts gained, one statement (places that gained nothing are skipped).
pub(super) fn write_counts(conn: &mut DbConnection, delta: HashMap<Uuid, Delta>) -> QueryResult<()> {
    let mut counts = Rows::default();
    for (plan, places) in delta {
        for (place, t) in places.places().into_iter().filter(|(_, t)| !t.is_zero()) {
            count_row(&mut counts, plan, &place, &t);
        }
    }
    bulk::upsert(
        conn,
        &COUNTS,
        counts,
        &["plan_id", "grp_set", "fiscal_year", "grp_key", "cell"],
        "n = t.n + excluded.n, ratio_units = t.ratio_units + excluded.ratio_units, ratio_n = t.ratio_n + excluded.ratio_n",
    )?;
    Ok(())
}
