//! Login throttling per account and per client address, in the database so that every
//! instance behind a load balancer shares it. Blocks lift by themselves.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::login_throttle;
use crate::db::DbConnection;
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Failures allowed per account within the window before it is blocked.
    pub per_account: i32,
    /// Failures allowed per client address within the window.
    pub per_address: i32,
    pub window_seconds: i64,
    pub block_seconds: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { per_account: 5, per_address: 20, window_seconds: 900, block_seconds: 900 }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = login_throttle)]
struct Entry {
    throttle_key: String,
    /// Failures in the window, plus attempts in flight (reserved, not yet decided).
    failures: i32,
    window_started_at: NaiveDateTime,
    blocked_until: Option<NaiveDateTime>,
}

/// The account's key: the login as users are looked up (see [`super::login::normalize`]).
pub fn account_key(login: &str) -> String {
    format!("account:{}", super::login::normalize(login))
}

pub fn address_key(address: &str) -> String {
    format!("address:{address}")
}

/// Loads `key`'s entry with its row locked (created when missing), its window reset when over.
fn locked_entry(conn: &mut DbConnection, key: &str, limits: &Limits, now: NaiveDateTime) -> ApiResult<Entry> {
    let fresh = Entry { throttle_key: key.to_string(), failures: 0, window_started_at: now, blocked_until: None };
    crate::per_backend!(&mut *conn, |c| {
        diesel::insert_into(login_throttle::table).values(&fresh).on_conflict_do_nothing().execute(c)
    })?;
    crate::lock_rows!(conn, login_throttle::table.find(key).select(login_throttle::throttle_key))?;
    let entry: Entry = login_throttle::table.find(key).select(Entry::as_select()).first(conn)?;
    let window = chrono::Duration::seconds(limits.window_seconds);
    let block_lifted = entry.blocked_until.is_some_and(|u| u <= now);
    let window_over = now - entry.window_started_at >= window && entry.blocked_until.is_none();
    // A lifted block starts a new window: the block was the penalty for the failures in it.
    Ok(if block_lifted || window_over { fresh } else { entry })
}

fn save(conn: &mut DbConnection, entry: &Entry) -> ApiResult<()> {
    diesel::update(login_throttle::table.find(&entry.throttle_key))
        .set((
            login_throttle::failures.eq(entry.failures),
            login_throttle::window_started_at.eq(entry.window_started_at),
            login_throttle::blocked_until.eq(entry.blocked_until),
        ))
        .execute(conn)?;
    Ok(())
}

/// Takes one attempt on every key before the password is checked, in the caller's write
/// transaction, with the rows locked: a key that is blocked, or whose failures and attempts in
/// flight already reach its limit, refuses with 429. So concurrent guesses can never be checked
/// more often than the limit allows. The attempt counts as a failure until [`succeeded`].
pub fn reserve(conn: &mut DbConnection, keys: &[(&str, i32)], limits: &Limits, now: NaiveDateTime) -> ApiResult<()> {
    for (key, limit) in keys {
        let mut entry = locked_entry(conn, key, limits, now)?;
        if let Some(until) = entry.blocked_until.filter(|u| *u > now) {
            return Err(ApiError::TooManyRequests { retry_after: (until - now).num_seconds().max(1) as u64 });
        }
        if entry.failures >= *limit {
            // Attempts still in flight fill the limit: they are decided within a second.
            return Err(ApiError::TooManyRequests { retry_after: 1 });
        }
        entry.failures += 1;
        entry.blocked_until = None;
        save(conn, &entry)?;
    }
    Ok(())
}

/// The reserved attempt failed: it stays counted, and reaching the limit blocks the key.
pub fn failed(conn: &mut DbConnection, key: &str, limit: i32, limits: &Limits, now: NaiveDateTime) -> ApiResult<()> {
    let mut entry = locked_entry(conn, key, limits, now)?;
    if entry.failures >= limit {
        entry.blocked_until = Some(now + chrono::Duration::seconds(limits.block_seconds));
        save(conn, &entry)?;
    }
    Ok(())
}

/// The reserved attempt succeeded: the account's failures are forgotten; the address gives its
/// attempt back (many people may sign in from one office address).
pub fn succeeded(
    conn: &mut DbConnection,
    account: &str,
    address: &str,
    limits: &Limits,
    now: NaiveDateTime,
) -> ApiResult<()> {
    diesel::delete(login_throttle::table.find(account)).execute(conn)?;
    let mut entry = locked_entry(conn, address, limits, now)?;
    entry.failures = (entry.failures - 1).max(0);
    save(conn, &entry)
}
