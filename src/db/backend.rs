//! The only place where SQL differs per backend.
//!
//! `MultiConnection` covers the common subset of both backends; multi-row inserts,
//! `ON CONFLICT` and `RETURNING` have to be issued on the concrete connection.
//! `per_backend!` runs the same diesel expression on whichever connection is inside.

/// Runs `$body` with `$c` bound to the concrete `PgConnection` or `SqliteConnection`.
#[macro_export]
macro_rules! per_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConnection::Pg($c) => $body,
            $crate::db::DbConnection::Sqlite($c) => $body,
        }
    };
}

/// Inserts many rows in one statement per backend (batched to stay under SQLite's
/// bound-parameter limit).
#[macro_export]
macro_rules! insert_many {
    ($conn:expr, $table:expr, $rows:expr) => {{
        let mut inserted = 0usize;
        for chunk in $rows.chunks(200) {
            inserted +=
                $crate::per_backend!(&mut *$conn, |c| { diesel::insert_into($table).values(chunk).execute(c) })?;
        }
        Ok::<usize, diesel::result::Error>(inserted)
    }};
}

/// Locks the rows `$query` selects until the end of the write transaction.
///
/// PostgreSQL: `SELECT … FOR UPDATE`, so a concurrent writer waits here and then reads what the
/// first one committed. SQLite: nothing to do, the transaction already holds the database's
/// write lock (`BEGIN IMMEDIATE`, see [`crate::db::write_transaction`]).
#[macro_export]
macro_rules! lock_rows {
    ($conn:expr, $query:expr) => {
        match &mut *$conn {
            $crate::db::DbConnection::Pg(c) => {
                diesel::RunQueryDsl::execute(diesel::QueryDsl::for_update($query), c).map(|_| ())
            }
            $crate::db::DbConnection::Sqlite(_) => Ok::<(), diesel::result::Error>(()),
        }
    };
}
