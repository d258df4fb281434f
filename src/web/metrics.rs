//! Prometheus metrics, rendered in the text exposition format by the `prometheus` crate and
//! served on an address of their own (`SHINCHOKU_METRICS_BIND`), off the public API.

use std::sync::LazyLock;

use prometheus::{
    Encoder, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
    TextEncoder,
};

pub struct Metrics {
    registry: Registry,
    /// By route template (`/api/v1/plans/{plan_id}`), method and status.
    pub requests: IntCounterVec,
    /// By route template and method.
    pub latency: HistogramVec,
    pub in_flight: IntGauge,
    /// How long requests waited for a database connection.
    pub pool_wait: Histogram,
    pub pool_size: IntGauge,
    pub pool_in_use: IntGauge,
    pub pool_idle: IntGauge,
    pub summary_cache_hits: IntCounter,
    pub summary_cache_misses: IntCounter,
    pub summary_cache_evictions: IntCounter,
    pub summary_cache_bytes: IntGauge,
    pub sign_in_failures: IntCounter,
    pub sign_ins_throttled: IntCounter,
    pub public_compute_refused: IntCounter,
    /// Webhook delivery attempts by outcome: `sent`, `retried`, `failed` (for good).
    pub webhook_deliveries: IntCounterVec,
    /// Webhook deliveries by status as of the scrape: `pending` (queued) and `failed`.
    pub webhook_queue: IntGaugeVec,
}

fn register<T: prometheus::core::Collector + Clone + 'static>(registry: &Registry, metric: T) -> T {
    registry.register(Box::new(metric.clone())).expect("metric names are unique");
    metric
}

pub static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let registry = Registry::new_custom(Some("shinchoku".into()), None).expect("registry");
    let r = &registry;
    let build = register(r, IntGaugeVec::new(Opts::new("build_info", "The running build"), &["version"]).unwrap());
    build.with_label_values(&[env!("CARGO_PKG_VERSION")]).set(1);
    let buckets = vec![0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
    Metrics {
        requests: register(
            r,
            IntCounterVec::new(
                Opts::new("http_requests_total", "HTTP requests by route template, method and status"),
                &["route", "method", "status"],
            )
            .unwrap(),
        ),
        latency: register(
            r,
            HistogramVec::new(
                HistogramOpts::new("http_request_duration_seconds", "HTTP request latency by route template")
                    .buckets(buckets.clone()),
                &["route", "method"],
            )
            .unwrap(),
        ),
        in_flight: register(r, IntGauge::new("http_requests_in_flight", "Requests being handled").unwrap()),
        pool_wait: register(
            r,
            Histogram::with_opts(
                HistogramOpts::new("db_pool_wait_seconds", "Time spent waiting for a database connection")
                    .buckets(buckets),
            )
            .unwrap(),
        ),
        pool_size: register(r, IntGauge::new("db_pool_connections", "Open database connections").unwrap()),
        pool_in_use: register(r, IntGauge::new("db_pool_connections_in_use", "Connections lent out").unwrap()),
        pool_idle: register(r, IntGauge::new("db_pool_connections_idle", "Connections waiting in the pool").unwrap()),
        summary_cache_hits: register(
            r,
            IntCounter::new("summary_cache_hits_total", "Summaries served from memory").unwrap(),
        ),
        summary_cache_misses: register(r, IntCounter::new("summary_cache_misses_total", "Summaries computed").unwrap()),
        summary_cache_evictions: register(
            r,
            IntCounter::new("summary_cache_evictions_total", "Cached summaries evicted, least recently used first")
                .unwrap(),
        ),
        summary_cache_bytes: register(
            r,
            IntGauge::new("summary_cache_bytes", "Bytes the summary cache holds").unwrap(),
        ),
        sign_in_failures: register(
            r,
            IntCounter::new("sign_in_failures_total", "Sign-ins refused for wrong credentials").unwrap(),
        ),
        sign_ins_throttled: register(
            r,
            IntCounter::new("sign_ins_throttled_total", "Sign-ins refused by the failure limits (429)").unwrap(),
        ),
        public_compute_refused: register(
            r,
            IntCounter::new(
                "public_compute_refused_total",
                "Anonymous reads that needed computing, refused by the per-address budget (429)",
            )
            .unwrap(),
        ),
        webhook_deliveries: register(
            r,
            IntCounterVec::new(
                Opts::new("webhook_deliveries_total", "Webhook delivery attempts by outcome (sent, retried, failed)"),
                &["outcome"],
            )
            .unwrap(),
        ),
        webhook_queue: register(
            r,
            IntGaugeVec::new(
                Opts::new("webhook_deliveries", "Webhook deliveries by status (pending: queued; failed: gave up)"),
                &["status"],
            )
            .unwrap(),
        ),
        registry,
    }
});

/// The exposition text, with the pool's state as of now.
pub fn render(pool: &crate::db::Pool) -> String {
    let m = &*METRICS;
    let state = pool.state();
    m.pool_size.set(i64::from(state.connections));
    m.pool_idle.set(i64::from(state.idle_connections));
    m.pool_in_use.set(i64::from(state.connections - state.idle_connections));
    if let Ok(mut conn) = pool.get() {
        use crate::db::schema::webhook_deliveries as d;
        use diesel::prelude::*;
        for status in ["pending", "failed"] {
            if let Ok(n) = d::table.filter(d::status.eq(status)).count().get_result::<i64>(&mut conn) {
                m.webhook_queue.with_label_values(&[status]).set(n);
            }
        }
    }
    let mut out = Vec::new();
    TextEncoder::new().encode(&m.registry.gather(), &mut out).expect("text encoding");
    String::from_utf8(out).expect("the text format is UTF-8")
}
