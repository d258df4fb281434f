//! `Idempotency-Key` (IETF draft "The Idempotency-Key HTTP Header Field"): a script that
//! retries a batch after a timeout gets the first answer again instead of a second write.
//!
//! The key is claimed inside the batch's own write transaction by inserting its row: a
//! concurrent request with the same key waits on that row (PostgreSQL) or on the write lock
//! (SQLite) and, once the first commits, finds the stored response and replays it. A batch that
//! fails rolls its claim back, so the key can be used again. Keys are per caller and kept at
//! least [`RETENTION_HOURS`].

use actix_web::http::header::HeaderMap;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::db::schema::idempotency_keys;
use crate::db::{now, DbConnection};
use crate::error::{ApiError, ApiResult};
use crate::models::audit::Actor;

pub const HEADER: &str = "Idempotency-Key";
/// Set on a response replayed from a stored key.
pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";
/// How long a key is kept: at least the 24 hours the API promises, then purged.
pub const RETENTION_HOURS: i64 = 48;

/// A key sent by a caller, with the fingerprint of the request it came with.
pub struct Key {
    caller: String,
    key: String,
    fingerprint: String,
}

/// What claiming a key found.
pub enum Claim {
    /// The key is new: go on, then [`store`](Key::store) the response.
    Fresh,
    /// The same request was answered before: send this again.
    Replay { status: u16, body: String },
}

/// The `Idempotency-Key` of a request (an RFC 8941 string, quoted or not), if any.
pub fn from_headers(headers: &HeaderMap) -> ApiResult<Option<String>> {
    let mut values = headers.get_all(HEADER);
    let Some(value) = values.next() else { return Ok(None) };
    let bad = |why: &str| ApiError::bad_param("/header/Idempotency-Key", why.to_string());
    if values.next().is_some() {
        return Err(bad("send one Idempotency-Key"));
    }
    let text = value.to_str().map_err(|_| bad("must be printable ASCII"))?.trim();
    let text = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(text);
    if text.is_empty() || text.len() > 255 || !text.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
        return Err(bad("must be 1–255 printable ASCII characters (a UUID is a good key)"));
    }
    Ok(Some(text.to_string()))
}

impl Key {
    /// The key of `actor` (per API token for scripts, per user otherwise) for the request `what`
    /// (method and path) with `body`.
    pub fn new(actor: &Actor, key: String, what: &str, body: &[u8]) -> Key {
        let caller = match (actor.token_id, actor.user_id) {
            (Some(token), _) => format!("token:{token}"),
            (None, Some(user)) => format!("user:{user}"),
            (None, None) => "anonymous".to_string(),
        };
        let mut hash = Sha256::new();
        hash.update(what.as_bytes());
        hash.update([0]);
        hash.update(body);
        let fingerprint = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        Key { caller, key, fingerprint }
    }

    /// Claims the key inside the current write transaction (see the module's documentation).
    /// 422 when it was used before with a different request.
    pub fn claim(&self, conn: &mut DbConnection) -> ApiResult<Claim> {
        let row = (
            idempotency_keys::caller.eq(&self.caller),
            idempotency_keys::idempotency_key.eq(&self.key),
            idempotency_keys::fingerprint.eq(&self.fingerprint),
            idempotency_keys::status.eq(0),
            idempotency_keys::response.eq(""),
            idempotency_keys::created_at.eq(now()),
        );
        let inserted = crate::per_backend!(&mut *conn, |c| diesel::insert_into(idempotency_keys::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(c))?;
        if inserted == 1 {
            return Ok(Claim::Fresh);
        }
        let (fingerprint, status, body): (String, i32, String) = idempotency_keys::table
            .find((&self.caller, &self.key))
            .select((idempotency_keys::fingerprint, idempotency_keys::status, idempotency_keys::response))
            .first(conn)?;
        if fingerprint != self.fingerprint {
            return Err(ApiError::invalid(
                "/header/Idempotency-Key",
                "idempotency_key_reused",
                "this key was used for a different request; send a new key for a new request",
            ));
        }
        Ok(Claim::Replay { status: status as u16, body })
    }

    /// Stores the response of the request that claimed the key (same transaction).
    pub fn store(&self, conn: &mut DbConnection, status: u16, body: &str) -> ApiResult<()> {
        diesel::update(idempotency_keys::table.find((&self.caller, &self.key)))
            .set((idempotency_keys::status.eq(i32::from(status)), idempotency_keys::response.eq(body)))
            .execute(conn)?;
        Ok(())
    }
}

/// Deletes keys older than the retention (outside any batch's transaction: best effort).
pub fn purge_expired(conn: &mut DbConnection) -> ApiResult<usize> {
    let cutoff = now() - chrono::Duration::hours(RETENTION_HOURS);
    Ok(diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(cutoff))).execute(conn)?)
}
