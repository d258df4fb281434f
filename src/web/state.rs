//! Shared application state and the bridge from async handlers to blocking diesel work.

use actix_web::web;

use crate::db::{DbConnection, Pool};
use crate::error::{ApiError, ApiResult};

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub auth: std::sync::Arc<crate::web::credentials::AuthConfig>,
    /// Rendered summaries by plan data version ([`crate::web::cache`]).
    pub summaries: std::sync::Arc<crate::web::cache::SummaryCache>,
    /// What uncached public reads each anonymous address may still cause ([`crate::web::budget`]).
    pub public_budget: std::sync::Arc<crate::web::budget::ComputeBudget>,
    /// Plan rows kept while they cannot have changed ([`crate::web::known`]).
    pub plans: std::sync::Arc<crate::web::known::KnownPlans>,
    /// Signed-in users kept while they cannot have changed ([`crate::web::known`]).
    pub users: std::sync::Arc<crate::web::known::KnownUsers>,
    /// The plan of each initiative read (an initiative never moves to another plan).
    pub initiative_plans: std::sync::Arc<crate::web::known::InitiativePlans>,
    /// How webhook deliveries are made (what a subscription's URL may be).
    pub deliveries: std::sync::Arc<crate::domain::webhooks::DeliverySettings>,
}

impl AppState {
    pub fn new(pool: Pool, auth: crate::web::credentials::AuthConfig) -> AppState {
        AppState {
            pool,
            auth: std::sync::Arc::new(auth),
            summaries: Default::default(),
            public_budget: Default::default(),
            plans: Default::default(),
            users: Default::default(),
            initiative_plans: Default::default(),
            deliveries: Default::default(),
        }
    }

    /// Watches the database for changes of plans and users, so that kept rows are used
    /// (without it every read asks the database).
    pub fn watch_changes(&self, database_url: &str) {
        crate::web::known::watch(&self.plans, &self.users, &self.initiative_plans, database_url);
    }

    /// Runs blocking database work on the blocking thread pool.
    pub async fn db<T, F>(&self, work: F) -> ApiResult<T>
    where
        F: FnOnce(&mut DbConnection) -> ApiResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        let (plans, users) = (self.plans.clone(), self.users.clone());
        let span = tracing::Span::current();
        web::block(move || {
            let _entered = span.enter();
            let waited = std::time::Instant::now();
            let conn = pool.get();
            crate::web::metrics::METRICS.pool_wait.observe(waited.elapsed().as_secs_f64());
            let mut conn = conn?;
            crate::db::touched::take();
            let result = work(&mut conn);
            // Before the response: the caller's next read sees its own change.
            let touched = crate::db::touched::take();
            plans.forget(&touched.plans);
            if touched.wrote {
                users.forget_all();
            }
            result
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
