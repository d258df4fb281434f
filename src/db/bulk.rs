//! Multi-row writes in one statement whatever the number of rows: the rows travel as one JSON
//! array bound as a single parameter (`jsonb_array_elements` on PostgreSQL, `jsonb_each` on
//! SQLite), so a write of 10,000 rows is one round trip, never over a bound-parameter limit.
//! On SQLite `jsonb_each` (not `json_each`) hands each row over as binary JSON, so reading its
//! columns does not parse the row's text once per column (a third of the insert time).
//!
//! Each row is a JSON array whose positions follow the columns of its [`Columns`]: UUIDs as
//! text, timestamps as [`timestamp`] writes them (what diesel stores on SQLite), numbers as
//! serde writes them (the shortest text that reads back as the same `f64`).

use diesel::prelude::*;
use diesel::sql_types::Text;

use super::connection::DbConnection;

/// From this many rows on, inserts on PostgreSQL go by `COPY` (binary, no text to parse); fewer
/// go as one JSON array, which spares `COPY`'s extra round trips on small writes.
pub const COPY_ROWS: usize = 64;

/// How a JSON element becomes a column value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Uuid,
    Text,
    Int,
    BigInt,
    Float,
    Timestamp,
}

/// A table and the columns a statement writes, in row order.
pub struct Columns {
    pub table: &'static str,
    pub columns: &'static [(&'static str, Kind)],
}

/// A timestamp as diesel writes it on SQLite (`2026-12-04 14:25:51.123456`), which PostgreSQL
/// reads as the same `timestamp`.
pub fn timestamp(ts: chrono::NaiveDateTime) -> String {
    ts.format("%F %T%.f").to_string()
}

/// Rows being written for one statement: a JSON array of arrays, built element by element.
pub struct Rows {
    json: String,
    count: usize,
}

impl Default for Rows {
    fn default() -> Self {
        Rows { json: String::from("["), count: 0 }
    }
}

/// One row being written: its elements in column order.
pub struct Row<'a> {
    json: &'a mut String,
    first: bool,
}

impl Rows {
    /// Starts the next row.
    pub fn row(&mut self) -> Row<'_> {
        if self.count > 0 {
            self.json.push(',');
        }
        self.count += 1;
        self.json.push('[');
        Row { json: &mut self.json, first: true }
    }

    pub fn count(&self) -> usize {
        self.count
    }

    /// The JSON text and the number of rows.
    pub fn finish(mut self) -> (String, usize) {
        self.json.push(']');
        (self.json, self.count)
    }
}

impl Row<'_> {
    fn next(&mut self) -> &mut String {
        if !self.first {
            self.json.push(',');
        }
        self.first = false;
        self.json
    }

    fn value<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> &mut Self {
        let json = self.next();
        // Serializing strings, numbers and null into a String cannot fail.
        json.push_str(&serde_json::to_string(value).unwrap_or_else(|_| "null".into()));
        self
    }

    pub fn uuid(&mut self, id: impl Into<uuid::Uuid>) -> &mut Self {
        let id: uuid::Uuid = id.into();
        let json = self.next();
        json.push('"');
        json.push_str(id.hyphenated().encode_lower(&mut uuid::Uuid::encode_buffer()));
        json.push('"');
        self
    }

    pub fn opt_uuid(&mut self, id: Option<impl Into<uuid::Uuid>>) -> &mut Self {
        match id {
            Some(id) => self.uuid(id),
            None => self.value(&()),
        }
    }

    pub fn text(&mut self, text: Option<&str>) -> &mut Self {
        self.value(&text)
    }

    pub fn int(&mut self, n: i32) -> &mut Self {
        self.value(&n)
    }

    pub fn big(&mut self, n: i64) -> &mut Self {
        self.value(&n)
    }

    pub fn float(&mut self, x: Option<f64>) -> &mut Self {
        self.value(&x)
    }

    pub fn timestamp(&mut self, ts: chrono::NaiveDateTime) -> &mut Self {
        self.value(&timestamp(ts))
    }

    pub fn opt_timestamp(&mut self, ts: Option<chrono::NaiveDateTime>) -> &mut Self {
        self.value(&ts.map(timestamp))
    }
}

impl Drop for Row<'_> {
    fn drop(&mut self) {
        self.json.push(']');
    }
}

/// Element `i` of the row `r` as a value of `kind`.
fn element(pg: bool, i: usize, kind: Kind) -> String {
    if !pg {
        // SQLite: `->>` yields text, integers and reals as the JSON has them; `r.value` is the
        // row as binary JSON (`jsonb_each`), read without parsing text again.
        return format!("r.value ->> {i}");
    }
    match kind {
        Kind::Text => format!("r ->> {i}"),
        Kind::Uuid => format!("(r ->> {i})::uuid"),
        Kind::Int => format!("(r ->> {i})::int4"),
        Kind::BigInt => format!("(r ->> {i})::int8"),
        Kind::Float => format!("(r ->> {i})::float8"),
        Kind::Timestamp => format!("(r ->> {i})::timestamp"),
    }
}

fn rows_source(pg: bool) -> &'static str {
    if pg {
        "jsonb_array_elements($1::jsonb) AS r"
    } else {
        "jsonb_each(?) AS r"
    }
}

/// `INSERT INTO table (columns) SELECT … FROM <rows>`.
fn insert_sql(pg: bool, spec: &Columns) -> String {
    let names: Vec<&str> = spec.columns.iter().map(|(name, _)| *name).collect();
    let values: Vec<String> = spec.columns.iter().enumerate().map(|(i, (_, kind))| element(pg, i, *kind)).collect();
    format!("INSERT INTO {} ({}) SELECT {} FROM {}", spec.table, names.join(", "), values.join(", "), rows_source(pg))
}

/// `UPDATE table SET … FROM <rows> WHERE id = row[0] AND version = row[1]`, setting the columns
/// from position 2 on and `version = version + 1`.
fn update_sql(pg: bool, spec: &Columns) -> String {
    let set: Vec<String> = spec.columns[2..]
        .iter()
        .enumerate()
        .map(|(i, (name, kind))| format!("{name} = {}", element(pg, i + 2, *kind)))
        .collect();
    let (id, version) = (element(pg, 0, Kind::Uuid), element(pg, 1, Kind::Int));
    let t = spec.table;
    format!(
        "UPDATE {t} SET {}, version = {t}.version + 1 FROM {} WHERE {t}.id = {id} AND {t}.version = {version}",
        set.join(", "),
        rows_source(pg)
    )
}

/// A statement whose text is fixed and whose parameters are text: unlike `sql_query`, it is
/// prepared once per connection and kept in diesel's statement cache (keyed by its text), so a
/// single-row write does not parse and plan its statements anew (about half a millisecond each
/// on PostgreSQL). Only for statements whose best plan does not depend on the values bound: rows
/// as JSON, whose size the planner never sees, or sets of a few ids.
pub struct Prepared {
    /// The text around the parameters: one more piece than parameters.
    pieces: Vec<String>,
    params: Vec<String>,
}

impl Prepared {
    /// `sql` with the parameters `params`, whose placeholders are `placeholders` (`$1`, `?1`, …),
    /// each at its first occurrence in order (later occurrences, PostgreSQL's `$1` again, stay as
    /// they are written).
    pub fn new(sql: &str, placeholders: &[&str], params: Vec<String>) -> Prepared {
        debug_assert_eq!(placeholders.len(), params.len());
        let (mut pieces, mut rest) = (Vec::new(), sql);
        for placeholder in placeholders {
            match rest.split_once(placeholder) {
                Some((before, after)) => {
                    pieces.push(before.to_string());
                    rest = after;
                }
                None => pieces.push(String::new()),
            }
        }
        pieces.push(rest.to_string());
        Prepared { pieces, params }
    }
}

impl diesel::query_builder::QueryId for Prepared {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl diesel::query_builder::Query for Prepared {
    type SqlType = diesel::sql_types::Untyped;
}

impl<DB> diesel::query_builder::QueryFragment<DB> for Prepared
where
    DB: diesel::backend::Backend + diesel::sql_types::HasSqlType<Text>,
    String: diesel::serialize::ToSql<Text, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: diesel::query_builder::AstPass<'_, 'b, DB>) -> QueryResult<()> {
        for (piece, param) in self.pieces.iter().zip(&self.params) {
            out.push_sql(piece);
            out.push_bind_param::<Text, String>(param)?;
        }
        out.push_sql(self.pieces.last().map_or("", String::as_str));
        Ok(())
    }
}

impl<Conn> RunQueryDsl<Conn> for Prepared {}

/// The statement `sql` with the rows as its one parameter, prepared ([`Prepared`]).
fn with_rows(pg: bool, sql: &str, rows_json: String) -> Prepared {
    Prepared::new(sql, &[if pg { "$1" } else { "?" }], vec![rows_json])
}

/// Inserts the rows; returns how many were inserted. No rows: no statement.
pub fn insert(conn: &mut DbConnection, spec: &Columns, rows: Rows) -> QueryResult<usize> {
    let (rows_json, count) = rows.finish();
    if count == 0 {
        return Ok(0);
    }
    let pg = matches!(conn, DbConnection::Pg(_));
    with_rows(pg, &insert_sql(pg, spec), rows_json).execute(conn)
}

/// Inserts the rows, or where a row with the same `key` columns exists, sets it as `set` says
/// (SQL over the stored row, `t`, and the new one, `excluded`): `n = t.n + excluded.n`, say.
pub fn upsert(conn: &mut DbConnection, spec: &Columns, rows: Rows, key: &[&str], set: &str) -> QueryResult<usize> {
    let (rows_json, count) = rows.finish();
    if count == 0 {
        return Ok(0);
    }
    // `WHERE true` tells SQLite's parser that `ON CONFLICT` is the upsert, not a join's.
    let pg = matches!(conn, DbConnection::Pg(_));
    let sql = format!("{} WHERE true ON CONFLICT ({}) DO UPDATE SET {set}", insert_sql(pg, spec), key.join(", "))
        .replacen(&format!("INSERT INTO {} ", spec.table), &format!("INSERT INTO {} AS t ", spec.table), 1);
    with_rows(pg, &sql, rows_json).execute(conn)
}

/// Updates the rows whose `(id, version)` are the rows' first two elements, setting the other
/// columns and the next version; returns how many rows matched (fewer than the rows: a version
/// moved). No rows: no statement.
pub fn update_versioned(conn: &mut DbConnection, spec: &Columns, rows: Rows) -> QueryResult<usize> {
    let (rows_json, count) = rows.finish();
    if count == 0 {
        return Ok(0);
    }
    debug_assert!(spec.columns.len() > 2 && spec.columns[0] == ("id", Kind::Uuid) && spec.columns[1].0 == "version");
    let pg = matches!(conn, DbConnection::Pg(_));
    with_rows(pg, &update_sql(pg, spec), rows_json).execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: Columns = Columns {
        table: "things",
        columns: &[("id", Kind::Uuid), ("version", Kind::Int), ("name", Kind::Text), ("at", Kind::Timestamp)],
    };

    #[test]
    fn statements_read_every_column_from_its_position() {
        assert_eq!(
            insert_sql(true, &SPEC),
            "INSERT INTO things (id, version, name, at) SELECT (r ->> 0)::uuid, (r ->> 1)::int4, r ->> 2, \
             (r ->> 3)::timestamp FROM jsonb_array_elements($1::jsonb) AS r"
        );
        assert_eq!(
            update_sql(false, &SPEC),
            "UPDATE things SET name = r.value ->> 2, at = r.value ->> 3, version = things.version + 1 \
             FROM jsonb_each(?) AS r WHERE things.id = r.value ->> 0 AND things.version = r.value ->> 1"
        );
    }

    #[test]
    fn rows_are_json_arrays_in_column_order() {
        let mut rows = Rows::default();
        let id = uuid::Uuid::nil();
        rows.row().uuid(id).int(2).text(Some("改行\n\"引用\"")).float(None).float(Some(0.1));
        rows.row().opt_uuid(None::<uuid::Uuid>).int(-1).text(None).float(Some(1e308)).float(Some(2300.0));
        let (json, count) = rows.finish();
        assert_eq!(count, 2);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed[0], serde_json::json!([id.to_string(), 2, "改行\n\"引用\"", null, 0.1]));
        assert_eq!(parsed[1], serde_json::json!([null, -1, null, 1e308, 2300.0]));
        assert_eq!(Rows::default().finish(), ("[]".to_string(), 0));
    }

    /// Numbers travel as JSON text: they must read back as the very same `f64`.
    #[test]
    fn numbers_read_back_as_the_same_f64_on_sqlite() {
        use diesel::connection::SimpleConnection;
        let mut conn = DbConnection::Sqlite(diesel::SqliteConnection::establish(":memory:").unwrap());
        conn.batch_execute("CREATE TABLE numbers (id TEXT PRIMARY KEY, version INTEGER NOT NULL, x DOUBLE)").unwrap();
        const NUMBERS: Columns =
            Columns { table: "numbers", columns: &[("id", Kind::Uuid), ("version", Kind::Int), ("x", Kind::Float)] };
        let xs = [0.1 + 0.2, 1.0 / 3.0, 2.675, 123_456_789.123_456_79, 999_999_999_999_999.9, 1e-6, 1e15, -7.0e-5];
        let mut rows = Rows::default();
        let ids: Vec<uuid::Uuid> = xs.iter().map(|_| uuid::Uuid::now_v7()).collect();
        for (id, x) in ids.iter().zip(xs) {
            rows.row().uuid(*id).int(1).float(Some(x));
        }
        assert_eq!(insert(&mut conn, &NUMBERS, rows).unwrap(), xs.len());
        #[derive(QueryableByName)]
        struct Number {
            #[diesel(sql_type = diesel::sql_types::Double)]
            x: f64,
        }
        let read = |conn: &mut DbConnection| -> Vec<f64> {
            diesel::sql_query("SELECT x FROM numbers ORDER BY id")
                .load::<Number>(conn)
                .unwrap()
                .into_iter()
                .map(|n| n.x)
                .collect()
        };
        assert_eq!(read(&mut conn), xs);
        let mut rows = Rows::default();
        for (id, x) in ids.iter().zip(xs) {
            rows.row().uuid(*id).int(1).float(Some(-x));
        }
        assert_eq!(update_versioned(&mut conn, &NUMBERS, rows).unwrap(), xs.len());
        assert_eq!(read(&mut conn), xs.map(|x| -x));
    }

    #[test]
    fn timestamps_are_written_as_diesel_writes_them_on_sqlite() {
        let ts = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_micro_opt(14, 25, 51, 120).unwrap();
        assert_eq!(timestamp(ts), "2026-12-04 14:25:51.000120");
        let whole = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_opt(0, 0, 0).unwrap();
        assert_eq!(timestamp(whole), "2026-12-04 00:00:00");
    }
}
