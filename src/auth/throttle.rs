//! Login throttling per account and per client address, in the database so that every
//! instance behind a load balancer shares it. Blocks lift by themselves.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::error::{ApiError, ApiResult};
use crate::schema::login_throttle;

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
    failures: i32,
    window_started_at: NaiveDateTime,
    blocked_until: Option<NaiveDateTime>,
}

pub fn account_key(login: &str) -> String {
    format!("account:{}", login.trim().to_lowercase())
}

pub fn address_key(address: &str) -> String {
    format!("address:{address}")
}

/// 429 with the seconds left when any of the keys is blocked.
pub fn check(conn: &mut DbConnection, keys: &[String], now: NaiveDateTime) -> ApiResult<()> {
    let blocked: Vec<Option<NaiveDateTime>> = login_throttle::table
        .filter(login_throttle::throttle_key.eq_any(keys))
        .select(login_throttle::blocked_until)
        .load(conn)?;
    let until = blocked.into_iter().flatten().filter(|u| *u > now).max();
    match until {
        Some(u) => Err(ApiError::TooManyRequests { retry_after: (u - now).num_seconds().max(1) as u64 }),
        None => Ok(()),
    }
}

/// Counts one failure for `key`; blocks it once `limit` failures fall within the window.
pub fn record_failure(
    conn: &mut DbConnection,
    key: &str,
    limit: i32,
    limits: &Limits,
    now: NaiveDateTime,
) -> ApiResult<()> {
    let existing: Option<Entry> = login_throttle::table.find(key).select(Entry::as_select()).first(conn).optional()?;
    let window = chrono::Duration::seconds(limits.window_seconds);
    let (failures, started) = match existing {
        Some(e) if now - e.window_started_at < window => (e.failures + 1, e.window_started_at),
        _ => (1, now),
    };
    let blocked_until = (failures >= limit).then(|| now + chrono::Duration::seconds(limits.block_seconds));
    let entry = Entry { throttle_key: key.to_string(), failures, window_started_at: started, blocked_until };
    crate::per_backend!(conn, |c| {
        diesel::insert_into(login_throttle::table)
            .values(&entry)
            .on_conflict(login_throttle::throttle_key)
            .do_update()
            .set((
                login_throttle::failures.eq(entry.failures),
                login_throttle::window_started_at.eq(entry.window_started_at),
                login_throttle::blocked_until.eq(entry.blocked_until),
            ))
            .execute(c)
    })?;
    Ok(())
}

/// A successful login forgets the account's failures.
pub fn clear(conn: &mut DbConnection, key: &str) -> ApiResult<()> {
    diesel::delete(login_throttle::table.find(key)).execute(conn)?;
    Ok(())
}
