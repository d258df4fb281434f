//! The connection type: one enum over both backends (diesel's `MultiConnection`), which also
//! defines the [`MultiBackend`] that boxed queries and custom SQL types name.

/// A connection to either backend; queries written once run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Pg(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}
