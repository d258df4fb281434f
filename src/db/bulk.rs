//! Multi-row writes in one statement whatever the number of rows: the rows travel as one array
//! bound as a single parameter (JSON text read by `jsonb_array_elements` on PostgreSQL; SQLite's
//! binary JSON read by `jsonb_each` on SQLite), so a write of 10,000 rows is one round trip,
//! never over a bound-parameter limit. On SQLite the rows are built in binary JSON (JSONB): its
//! texts are stored raw, so they are neither escaped here nor parsed and unescaped by SQLite
//! (the revisions' snapshots of 10,000 reports are 16 MB), and `jsonb_each` hands each row over
//! as binary JSON, so reading its columns does not parse it once per column.
//!
//! Each row is an array whose positions follow the columns of its [`Columns`]: UUIDs as text,
//! timestamps as [`timestamp`] writes them (what diesel stores on SQLite), numbers as serde
//! writes them (the shortest text that reads back as the same `f64`).

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

/// Rows being written for one statement: an array of arrays, built element by element in
/// SQLite's binary JSON (JSONB, <https://sqlite.org/jsonb.html>), which SQLite reads as it is:
/// a text goes in raw (`TEXTRAW`), neither escaped here nor parsed and unescaped there. For
/// PostgreSQL the same rows are written out as JSON text ([`Rows::finish_text`]).
pub struct Rows {
    jsonb: Vec<u8>,
    count: usize,
}

/// JSONB element types (the low four bits of an element's first byte).
const NULL: u8 = 0x0;
const INT: u8 = 0x3;
const FLOAT: u8 = 0x5;
const TEXT_RAW: u8 = 0xA;
const ARRAY: u8 = 0xB;
/// The high four bits of a header whose payload size follows in four bytes (big-endian). Every
/// array is written with one, its size filled in once its elements are written: SQLite accepts
/// a header larger than needed.
const SIZE_IN_4: u8 = 0xE0;

impl Default for Rows {
    fn default() -> Self {
        Rows { jsonb: vec![SIZE_IN_4 | ARRAY, 0, 0, 0, 0], count: 0 }
    }
}

/// One row being written: its elements in column order.
pub struct Row<'a> {
    jsonb: &'a mut Vec<u8>,
    /// Where the row's header starts.
    start: usize,
}

/// Writes the header of an element of `kind` with a payload of `size` bytes.
fn header(jsonb: &mut Vec<u8>, kind: u8, size: usize) {
    match size {
        0..=11 => jsonb.push(((size as u8) << 4) | kind),
        12..=0xFF => jsonb.extend_from_slice(&[0xC0 | kind, size as u8]),
        0x100..=0xFFFF => {
            jsonb.push(0xD0 | kind);
            jsonb.extend_from_slice(&(size as u16).to_be_bytes());
        }
        _ => {
            jsonb.push(SIZE_IN_4 | kind);
            jsonb.extend_from_slice(&(size as u32).to_be_bytes());
        }
    }
}

/// Fills in the size of the array whose four-byte-size header starts at `start`.
fn close_array(jsonb: &mut [u8], start: usize) {
    // Rows come from bodies of at most tens of megabytes: far below 4 GiB.
    let size = (jsonb.len() - start - 5) as u32;
    jsonb[start + 1..start + 5].copy_from_slice(&size.to_be_bytes());
}

impl Rows {
    /// Starts the next row.
    pub fn row(&mut self) -> Row<'_> {
        self.count += 1;
        let start = self.jsonb.len();
        self.jsonb.extend_from_slice(&[SIZE_IN_4 | ARRAY, 0, 0, 0, 0]);
        Row { jsonb: &mut self.jsonb, start }
    }

    pub fn count(&self) -> usize {
        self.count
    }

    /// The rows as SQLite's JSONB, and their number.
    pub fn finish(mut self) -> (Vec<u8>, usize) {
        close_array(&mut self.jsonb, 0);
        (self.jsonb, self.count)
    }

    /// The rows as JSON text (`[[…],[…]]`), and their number.
    pub fn finish_text(self) -> (String, usize) {
        let count = self.count;
        let (jsonb, _) = self.finish();
        let mut text = Vec::with_capacity(jsonb.len() + jsonb.len() / 8);
        write_text(&jsonb, &mut text);
        // Only whole UTF-8 texts are written into the rows, so their JSON text is UTF-8.
        (String::from_utf8(text).unwrap_or_default(), count)
    }
}

/// Writes the elements of `jsonb` (as [`Rows`] writes them) as JSON text.
fn write_text(mut jsonb: &[u8], out: &mut Vec<u8>) {
    while let Some(&first) = jsonb.first() {
        let (skip, size) = match first >> 4 {
            small @ 0..=11 => (1, small as usize),
            12 => (2, jsonb[1] as usize),
            13 => (3, u16::from_be_bytes([jsonb[1], jsonb[2]]) as usize),
            _ => (5, u32::from_be_bytes([jsonb[1], jsonb[2], jsonb[3], jsonb[4]]) as usize),
        };
        let payload = &jsonb[skip..skip + size];
        match first & 0xF {
            NULL => out.extend_from_slice(b"null"),
            TEXT_RAW => {
                let text = std::str::from_utf8(payload).unwrap_or_default();
                // Writing a string into a Vec cannot fail.
                let _ = serde_json::to_writer(&mut *out, text);
            }
            ARRAY => {
                out.push(b'[');
                write_text(payload, out);
                out.push(b']');
            }
            _ => out.extend_from_slice(payload),
        }
        jsonb = &jsonb[skip + size..];
        if !jsonb.is_empty() {
            out.push(b',');
        }
    }
}

impl Row<'_> {
    fn scalar(&mut self, kind: u8, payload: &[u8]) -> &mut Self {
        header(self.jsonb, kind, payload.len());
        self.jsonb.extend_from_slice(payload);
        self
    }

    fn null(&mut self) -> &mut Self {
        self.jsonb.push(NULL);
        self
    }

    pub fn uuid(&mut self, id: impl Into<uuid::Uuid>) -> &mut Self {
        let id: uuid::Uuid = id.into();
        let mut buffer = uuid::Uuid::encode_buffer();
        self.scalar(TEXT_RAW, id.hyphenated().encode_lower(&mut buffer).as_bytes())
    }

    pub fn opt_uuid(&mut self, id: Option<impl Into<uuid::Uuid>>) -> &mut Self {
        match id {
            Some(id) => self.uuid(id),
            None => self.null(),
        }
    }

    pub fn text(&mut self, text: Option<&str>) -> &mut Self {
        match text {
            Some(text) => self.scalar(TEXT_RAW, text.as_bytes()),
            None => self.null(),
        }
    }

    pub fn int(&mut self, n: i32) -> &mut Self {
        self.big(n.into())
    }

    pub fn big(&mut self, n: i64) -> &mut Self {
        use std::io::Write;
        let mut digits = [0u8; 20];
        let mut cursor = std::io::Cursor::new(&mut digits[..]);
        // An i64 has at most 20 characters.
        let _ = write!(cursor, "{n}");
        let len = cursor.position() as usize;
        self.scalar(INT, &digits[..len])
    }

    /// The shortest text that reads back as the same `f64` (serde's); not finite: null.
    pub fn float(&mut self, x: Option<f64>) -> &mut Self {
        match x.filter(|x| x.is_finite()) {
            Some(x) => self.scalar(FLOAT, serde_json::to_string(&x).unwrap_or_default().as_bytes()),
            None => self.null(),
        }
    }

    pub fn timestamp(&mut self, ts: chrono::NaiveDateTime) -> &mut Self {
        self.scalar(TEXT_RAW, timestamp(ts).as_bytes())
    }

    pub fn opt_timestamp(&mut self, ts: Option<chrono::NaiveDateTime>) -> &mut Self {
        match ts {
            Some(ts) => self.timestamp(ts),
            None => self.null(),
        }
    }
}

impl Drop for Row<'_> {
    fn drop(&mut self) {
        close_array(self.jsonb, self.start);
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
    params: Vec<Param>,
}

/// A parameter of a [`Prepared`] statement.
enum Param {
    Text(String),
    /// Rows as SQLite's JSONB.
    Blob(Vec<u8>),
}

impl Prepared {
    /// `sql` with the parameters `params`, whose placeholders are `placeholders` (`$1`, `?1`, …),
    /// each at its first occurrence in order (later occurrences, PostgreSQL's `$1` again, stay as
    /// they are written).
    pub fn new(sql: &str, placeholders: &[&str], params: Vec<String>) -> Prepared {
        Prepared::of(sql, placeholders, params.into_iter().map(Param::Text).collect())
    }

    /// [`Prepared::new`], with parameters of any kind.
    fn of(sql: &str, placeholders: &[&str], params: Vec<Param>) -> Prepared {
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
    DB: diesel::backend::Backend
        + diesel::sql_types::HasSqlType<Text>
        + diesel::sql_types::HasSqlType<diesel::sql_types::Binary>,
    String: diesel::serialize::ToSql<Text, DB>,
    Vec<u8>: diesel::serialize::ToSql<diesel::sql_types::Binary, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: diesel::query_builder::AstPass<'_, 'b, DB>) -> QueryResult<()> {
        for (piece, param) in self.pieces.iter().zip(&self.params) {
            out.push_sql(piece);
            match param {
                Param::Text(text) => out.push_bind_param::<Text, String>(text)?,
                Param::Blob(blob) => out.push_bind_param::<diesel::sql_types::Binary, Vec<u8>>(blob)?,
            }
        }
        out.push_sql(self.pieces.last().map_or("", String::as_str));
        Ok(())
    }
}

impl<Conn> RunQueryDsl<Conn> for Prepared {}

/// The statement `sql` with the rows as its one parameter, prepared ([`Prepared`]): JSON text on
/// PostgreSQL, JSONB on SQLite. `None` when there are no rows.
fn with_rows(pg: bool, sql: &str, rows: Rows) -> Option<Prepared> {
    if rows.count() == 0 {
        return None;
    }
    let rows = if pg { Param::Text(rows.finish_text().0) } else { Param::Blob(rows.finish().0) };
    Some(Prepared::of(sql, &[if pg { "$1" } else { "?" }], vec![rows]))
}

/// Inserts the rows; returns how many were inserted. No rows: no statement.
pub fn insert(conn: &mut DbConnection, spec: &Columns, rows: Rows) -> QueryResult<usize> {
    let pg = matches!(conn, DbConnection::Pg(_));
    match with_rows(pg, &insert_sql(pg, spec), rows) {
        Some(statement) => statement.execute(conn),
        None => Ok(0),
    }
}

/// Inserts the rows, or where a row with the same `key` columns exists, sets it as `set` says
/// (SQL over the stored row, `t`, and the new one, `excluded`): `n = t.n + excluded.n`, say.
pub fn upsert(conn: &mut DbConnection, spec: &Columns, rows: Rows, key: &[&str], set: &str) -> QueryResult<usize> {
    // `WHERE true` tells SQLite's parser that `ON CONFLICT` is the upsert, not a join's.
    let pg = matches!(conn, DbConnection::Pg(_));
    let sql = format!("{} WHERE true ON CONFLICT ({}) DO UPDATE SET {set}", insert_sql(pg, spec), key.join(", "))
        .replacen(&format!("INSERT INTO {} ", spec.table), &format!("INSERT INTO {} AS t ", spec.table), 1);
    match with_rows(pg, &sql, rows) {
        Some(statement) => statement.execute(conn),
        None => Ok(0),
    }
}

/// Updates the rows whose `(id, version)` are the rows' first two elements, setting the other
/// columns and the next version; returns how many rows matched (fewer than the rows: a version
/// moved). No rows: no statement.
pub fn update_versioned(conn: &mut DbConnection, spec: &Columns, rows: Rows) -> QueryResult<usize> {
    debug_assert!(spec.columns.len() > 2 && spec.columns[0] == ("id", Kind::Uuid) && spec.columns[1].0 == "version");
    let pg = matches!(conn, DbConnection::Pg(_));
    match with_rows(pg, &update_sql(pg, spec), rows) {
        Some(statement) => statement.execute(conn),
        None => Ok(0),
    }
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
        let (json, count) = rows.finish_text();
        assert_eq!(count, 2);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed[0], serde_json::json!([id.to_string(), 2, "改行\n\"引用\"", null, 0.1]));
        assert_eq!(parsed[1], serde_json::json!([null, -1, null, 1e308, 2300.0]));
        assert_eq!(Rows::default().finish_text(), ("[]".to_string(), 0));
    }

    /// SQLite reads the rows' binary JSON as it is: texts of every header size (the size in the
    /// first byte, then in one, two and four more), with what JSON text would escape, read back
    /// byte for byte; integers and nulls as such.
    #[test]
    fn sqlite_reads_the_rows_binary_json_as_written() {
        use diesel::connection::SimpleConnection;
        let mut conn = DbConnection::Sqlite(diesel::SqliteConnection::establish(":memory:").unwrap());
        conn.batch_execute("CREATE TABLE texts (id TEXT PRIMARY KEY, n INTEGER, body TEXT)").unwrap();
        const TEXTS: Columns =
            Columns { table: "texts", columns: &[("id", Kind::Uuid), ("n", Kind::BigInt), ("body", Kind::Text)] };
        let bodies: Vec<Option<String>> = [0, 1, 11, 12, 255, 256, 65_535, 65_536, 200_000]
            .iter()
            .map(|&len| Some("改\"\\\n\u{1}x".chars().cycle().take(len).collect()))
            .chain([None])
            .collect();
        let ids: Vec<uuid::Uuid> = bodies.iter().map(|_| uuid::Uuid::now_v7()).collect();
        let mut rows = Rows::default();
        for (n, (id, body)) in ids.iter().zip(&bodies).enumerate() {
            rows.row().uuid(*id).big(i64::MIN + n as i64).text(body.as_deref());
        }
        assert_eq!(insert(&mut conn, &TEXTS, rows).unwrap(), bodies.len());
        #[derive(QueryableByName, PartialEq, Debug)]
        struct Stored {
            #[diesel(sql_type = Text)]
            id: String,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
            #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
            body: Option<String>,
        }
        let stored: Vec<Stored> =
            diesel::sql_query("SELECT id, n, body FROM texts ORDER BY id").load(&mut conn).unwrap();
        let expected: Vec<Stored> = ids
            .iter()
            .zip(bodies)
            .enumerate()
            .map(|(n, (id, body))| Stored { id: id.to_string(), n: i64::MIN + n as i64, body })
            .collect();
        assert_eq!(stored, expected);
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
