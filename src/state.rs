//! Shared application state and the bridge from async handlers to blocking diesel work.

use actix_web::web;
use chrono::{DateTime, NaiveDateTime, Utc};

use crate::db::{DbConnection, Pool};
use crate::error::{ApiError, ApiResult};

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub auth: std::sync::Arc<crate::auth::AuthConfig>,
    /// Rendered summaries by plan data version ([`crate::cache`]).
    pub summaries: std::sync::Arc<crate::cache::SummaryCache>,
}

impl AppState {
    pub fn new(pool: Pool, auth: crate::auth::AuthConfig) -> AppState {
        AppState { pool, auth: std::sync::Arc::new(auth), summaries: Default::default() }
    }

    /// Runs blocking database work on the blocking thread pool.
    pub async fn db<T, F>(&self, work: F) -> ApiResult<T>
    where
        F: FnOnce(&mut DbConnection) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        let span = tracing::Span::current();
        web::block(move || {
            let _entered = span.enter();
            let waited = std::time::Instant::now();
            let conn = pool.get();
            crate::metrics::METRICS.pool_wait.observe(waited.elapsed().as_secs_f64());
            let mut conn = conn?;
            work(&mut conn)
        })
        .await
        .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))?
    }

    /// Runs `work` in one transaction: all of it is written, or nothing.
    pub async fn write<T, F>(&self, work: F) -> ApiResult<T>
    where
        F: FnOnce(&mut DbConnection) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        self.db(move |conn| crate::db::write_transaction(conn, work)).await
    }
}

/// The request id given to this request (from `X-Request-Id` or generated).
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Who is acting and under which request: carried into every audit event
/// (from [`crate::auth::Caller`]; empty for start-up work such as loading the demo data).
#[derive(Debug, Clone, Default)]
pub struct Actor {
    pub user_id: Option<uuid::Uuid>,
    pub token_id: Option<uuid::Uuid>,
    pub request_id: Option<String>,
}

pub fn now() -> NaiveDateTime {
    // Microsecond precision: what both backends store, so values read back compare equal.
    let now = Utc::now().naive_utc();
    now.with_nanosecond_floor()
}

trait FloorMicros {
    fn with_nanosecond_floor(self) -> Self;
}

impl FloorMicros for NaiveDateTime {
    fn with_nanosecond_floor(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(self.nanosecond() / 1000 * 1000).unwrap_or(self)
    }
}

/// Database timestamps are UTC; the API shows them as RFC 3339 with `Z`.
pub fn utc(ts: NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(ts, Utc)
}
