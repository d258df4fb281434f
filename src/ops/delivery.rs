//! The delivery worker (docs/notifications.md): sends the webhook deliveries that are due.
//!
//! A pass claims a few due deliveries in one short transaction (on PostgreSQL with `FOR UPDATE
//! SKIP LOCKED`, so that several instances never claim one delivery together; on SQLite the
//! single writer decides), marking them with this sender and a lease. It then sends each one
//! outside any transaction and records the outcome only while its claim still holds. A sender
//! killed between claim and send leaves the delivery to whoever claims it after the lease: at
//! least once, with the same `webhook-id`, so that receivers can drop a repeat.

use std::io;
use std::net::{SocketAddr, ToSocketAddrs};
use std::time::Duration;

use argon2::password_hash::rand_core::{OsRng, RngCore};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{outbox_events, webhook_attempts, webhook_deliveries, webhooks};
use crate::db::{now, DbConnection, DbUuid, Pool};
use crate::domain::webhooks::{self as rules, DeliverySettings, EventType};
use crate::error::{ApiError, ApiResult};

/// How many deliveries a pass claims at most.
const CLAIM: i64 = 20;
/// How much of a receiver's answer (or of an error) is kept.
const KEPT: usize = 300;

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub claimed: usize,
    pub delivered: usize,
    /// Failed this time, to be tried again.
    pub retried: usize,
    /// Failed for good (every attempt used, or the subscription deactivated).
    pub failed: usize,
}

/// One claimed delivery with what sending it needs.
struct Claimed {
    id: DbUuid,
    attempts: i32,
    url: String,
    secret: String,
    active: bool,
    event_id: DbUuid,
    event_type: String,
    payload: String,
}

pub struct Deliverer {
    pool: Pool,
    settings: DeliverySettings,
    /// Who claims: one id per worker.
    sender: Uuid,
}

impl Deliverer {
    pub fn new(pool: Pool, settings: DeliverySettings) -> Deliverer {
        Deliverer { pool, settings, sender: Uuid::now_v7() }
    }

    /// Starts the worker on a thread of its own: a pass whenever one is due, else a short
    /// sleep; it stops when the handle is dropped.
    pub fn spawn(self) -> Running {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::Builder::new()
            .name("webhook-delivery".into())
            .spawn(move || {
                while !stopped.load(std::sync::atomic::Ordering::Relaxed) {
                    match self.pass() {
                        Ok(pass) if pass.claimed > 0 => continue,
                        Ok(_) => {}
                        Err(e) => tracing::warn!(error = %e, "webhook delivery pass failed"),
                    }
                    std::thread::sleep(self.settings.poll);
                }
            })
            .expect("the delivery thread starts");
        Running(stop)
    }

    /// Passes until nothing is due now (`shinchoku deliver`); what they did, added up.
    pub fn until_done(&self) -> ApiResult<Pass> {
        let mut total = Pass::default();
        loop {
            let pass = self.pass()?;
            total.claimed += pass.claimed;
            total.delivered += pass.delivered;
            total.retried += pass.retried;
            total.failed += pass.failed;
            if pass.claimed == 0 {
                return Ok(total);
            }
        }
    }

    /// Claims what is due, sends it, records the outcomes.
    pub fn pass(&self) -> ApiResult<Pass> {
        let mut conn = self.pool.get()?;
        let claimed = crate::db::side_transaction(&mut conn, |conn| self.claim(conn))?;
        let mut pass = Pass { claimed: claimed.len(), ..Pass::default() };
        for delivery in claimed {
            // A test goes to the subscription asked for, active or not (to try it before switching it on).
            let wanted = delivery.active || delivery.event_type == EventType::WebhookTest.as_str();
            let started = std::time::Instant::now();
            let outcome = if wanted { self.send(&delivery) } else { Err(Failure::gone()) };
            let took = started.elapsed().as_millis().min(i32::MAX as u128) as i32;
            let attempts = delivery.attempts + 1;
            let at = now();
            // What the delivery becomes: its status, when it is tried next, the last answer.
            let (status, next, last_status, last_error) = match outcome {
                Ok(code) => {
                    pass.delivered += 1;
                    crate::web::metrics::METRICS.webhook_deliveries.with_label_values(&["sent"]).inc();
                    ("delivered", at, Some(i32::from(code)), None)
                }
                Err(failure) => {
                    let last = failure.permanent || attempts >= self.settings.max_attempts as i32;
                    let wait = rules::backoff_seconds(
                        attempts as u32,
                        self.settings.retry_base_seconds,
                        self.settings.retry_cap_seconds,
                        0.5 + f64::from(OsRng.next_u32()) / f64::from(u32::MAX),
                    );
                    let outcome = if last { "failed" } else { "retried" };
                    crate::web::metrics::METRICS.webhook_deliveries.with_label_values(&[outcome]).inc();
                    if last {
                        pass.failed += 1;
                        tracing::warn!(delivery = %delivery.id.0, attempts, error = %failure.error, "webhook delivery failed for good");
                    } else {
                        pass.retried += 1;
                    }
                    let next = at + chrono::Duration::milliseconds((wait * 1000.0) as i64);
                    (if last { "failed" } else { "pending" }, next, failure.status.map(i32::from), Some(failure.error))
                }
            };
            let sender = DbUuid(self.sender);
            // The outcome and its attempt, together, only while this sender's claim holds.
            let recorded = crate::db::side_transaction(&mut conn, |conn| -> ApiResult<usize> {
                let mine = webhook_deliveries::table
                    .filter(webhook_deliveries::id.eq(delivery.id))
                    .filter(webhook_deliveries::claimed_by.eq(sender));
                let rows = diesel::update(mine)
                    .set((
                        webhook_deliveries::status.eq(status),
                        webhook_deliveries::attempts.eq(attempts),
                        webhook_deliveries::next_attempt_at.eq(next),
                        webhook_deliveries::last_status.eq(last_status),
                        webhook_deliveries::last_error.eq(last_error.clone()),
                        webhook_deliveries::last_attempt_at.eq(Some(at)),
                        webhook_deliveries::delivered_at.eq((status == "delivered").then_some(at)),
                        webhook_deliveries::claimed_by.eq(None::<DbUuid>),
                        webhook_deliveries::claimed_until.eq(None::<chrono::NaiveDateTime>),
                    ))
                    .execute(conn)?;
                if rows == 1 {
                    diesel::insert_into(webhook_attempts::table)
                        .values((
                            webhook_attempts::id.eq(DbUuid(Uuid::now_v7())),
                            webhook_attempts::delivery_id.eq(delivery.id),
                            webhook_attempts::attempted_at.eq(at),
                            webhook_attempts::status.eq(last_status),
                            webhook_attempts::error.eq(last_error.clone()),
                            webhook_attempts::duration_ms.eq(took),
                        ))
                        .execute(conn)?;
                }
                Ok(rows)
            })?;
            if recorded == 0 {
                // The lease ran out and another sender claimed it: its outcome is the one kept.
                tracing::warn!(delivery = %delivery.id.0, "a delivery's lease ran out while it was being sent");
            }
        }
        Ok(pass)
    }

    fn claim(&self, conn: &mut DbConnection) -> ApiResult<Vec<Claimed>> {
        let at = now();
        let due = webhook_deliveries::table
            .filter(webhook_deliveries::status.eq("pending"))
            .filter(webhook_deliveries::next_attempt_at.le(at))
            .filter(webhook_deliveries::claimed_until.is_null().or(webhook_deliveries::claimed_until.lt(at)))
            .order(webhook_deliveries::next_attempt_at)
            .limit(CLAIM)
            .select(webhook_deliveries::id);
        let ids: Vec<DbUuid> = match conn {
            DbConnection::Pg(c) => due.for_update().skip_locked().load(c)?,
            DbConnection::Sqlite(c) => due.load(c)?,
        };
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let until = at + chrono::Duration::milliseconds(self.settings.lease.as_millis() as i64);
        diesel::update(webhook_deliveries::table.filter(webhook_deliveries::id.eq_any(&ids)))
            .set((
                webhook_deliveries::claimed_by.eq(Some(DbUuid(self.sender))),
                webhook_deliveries::claimed_until.eq(Some(until)),
            ))
            .execute(conn)?;
        type Row = (DbUuid, i32, String, String, bool, DbUuid, String, String);
        let rows: Vec<Row> = webhook_deliveries::table
            .inner_join(webhooks::table)
            .inner_join(outbox_events::table)
            .filter(webhook_deliveries::id.eq_any(&ids))
            .order(webhook_deliveries::next_attempt_at)
            .select((
                webhook_deliveries::id,
                webhook_deliveries::attempts,
                webhooks::url,
                webhooks::secret,
                webhooks::active,
                outbox_events::id,
                outbox_events::event_type,
                outbox_events::payload,
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(id, attempts, url, secret, active, event_id, event_type, payload)| Claimed {
                id,
                attempts,
                url,
                secret,
                active,
                event_id,
                event_type,
                payload,
            })
            .collect())
    }

    /// One attempt: a signed `POST`, no redirect followed, only to addresses a delivery may
    /// reach (checked on the addresses actually connected to, so a name that resolves to an
    /// internal address is refused). `Ok`: the receiver's 2xx status.
    fn send(&self, d: &Claimed) -> Result<u16, Failure> {
        let url = rules::check_url(&d.url, &self.settings.allowed_networks).map_err(Failure::permanent)?;
        let https = url.scheme() == "https";
        let allowed = self.settings.allowed_networks.clone();
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(self.settings.timeout)
            .timeout(self.settings.timeout)
            .redirects(0)
            .user_agent("Shinchoku-Webhooks/1")
            .resolver(move |address: &str| -> io::Result<Vec<SocketAddr>> {
                let found: Vec<SocketAddr> = address.to_socket_addrs()?.collect();
                let reachable: Vec<SocketAddr> =
                    found.iter().copied().filter(|a| rules::may_connect(a.ip(), https, &allowed)).collect();
                if reachable.is_empty() {
                    return Err(io::Error::new(
                        io::ErrorKind::PermissionDenied,
                        format!("{address} resolves to no address a webhook may reach"),
                    ));
                }
                Ok(reachable)
            })
            .build();
        let id = d.event_id.0.to_string();
        let timestamp = chrono::Utc::now().timestamp();
        let signature = rules::signature(&d.secret, &id, timestamp, d.payload.as_bytes())
            .ok_or_else(|| Failure::permanent("the subscription's secret is not of the whsec_ form"))?;
        let answer = agent
            .post(url.as_str())
            .set("Content-Type", "application/json")
            .set("webhook-id", &id)
            .set("webhook-timestamp", &timestamp.to_string())
            .set("webhook-signature", &signature)
            .send_bytes(d.payload.as_bytes());
        match answer {
            Ok(response) if (200..300).contains(&response.status()) => Ok(response.status()),
            Ok(response) => Err(Failure::answer(response)),
            Err(ureq::Error::Status(_, response)) => Err(Failure::answer(response)),
            Err(ureq::Error::Transport(t)) => {
                Err(Failure { status: None, error: shorten(&t.to_string()), permanent: false })
            }
        }
    }
}

/// A running worker; dropping it stops the worker after its current pass.
pub struct Running(std::sync::Arc<std::sync::atomic::AtomicBool>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Why an attempt failed.
struct Failure {
    status: Option<u16>,
    error: String,
    /// Trying again cannot help.
    permanent: bool,
}

impl Failure {
    fn permanent(error: &str) -> Failure {
        Failure { status: None, error: error.to_string(), permanent: true }
    }

    fn gone() -> Failure {
        Failure::permanent("the subscription is deactivated")
    }

    /// A non-2xx answer (a redirect included: it is not followed): its status and the start of
    /// its body, never more.
    fn answer(response: ureq::Response) -> Failure {
        let status = response.status();
        let mut body = Vec::new();
        let _ = io::Read::read_to_end(&mut io::Read::take(response.into_reader(), KEPT as u64), &mut body);
        let text = String::from_utf8_lossy(&body);
        Failure { status: Some(status), error: shorten(&format!("HTTP {status}: {}", text.trim())), permanent: false }
    }
}

fn shorten(text: &str) -> String {
    text.chars().take(KEPT).collect()
}

/// How many deliveries have failed for good (for `/readyz`, as a warning).
pub fn failed_count(conn: &mut DbConnection) -> Result<i64, ApiError> {
    Ok(webhook_deliveries::table.filter(webhook_deliveries::status.eq("failed")).count().get_result(conn)?)
}

/// The retry schedule's figures, for the docs and the note: the waits after each failed attempt
/// without jitter.
pub fn schedule(settings: &DeliverySettings) -> Vec<Duration> {
    (1..settings.max_attempts)
        .map(|a| {
            Duration::from_secs_f64(rules::backoff_seconds(
                a,
                settings.retry_base_seconds,
                settings.retry_cap_seconds,
                1.0,
            ))
        })
        .collect()
}
