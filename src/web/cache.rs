//! Rendered summaries kept in memory, keyed by the plan's data version.
//!
//! Every write to a plan's data bumps `plans.data_version` in its own transaction
//! ([`crate::models::audit::record`]), and every read looks the version up first, so a cached body is
//! only ever served for the data it was computed from: never stale, also with several instances
//! on one database. Entries of older versions are simply never asked for again; the cache is
//! bounded and starts over when full.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::web::metrics::METRICS;

/// A rendered JSON body and its strong ETag.
#[derive(Debug)]
pub struct Rendered {
    pub body: Vec<u8>,
    pub etag: String,
}

impl Rendered {
    /// Renders `value`; the ETag is a digest of the bytes (the same on every instance).
    pub fn of<T: serde::Serialize>(value: &T) -> crate::error::ApiResult<Rendered> {
        let body = serde_json::to_vec(value)?;
        let etag = etag_of(&body);
        Ok(Rendered { body, etag })
    }

    /// The JSON response: 200 with the body, or 304 when the client holds it already.
    pub fn response(&self, req: &actix_web::HttpRequest, cache_control: &str) -> actix_web::HttpResponse {
        crate::web::http::conditional(req, self.body.clone(), "application/json", &self.etag, cache_control)
    }
}

/// A strong ETag from the bytes of a body.
pub fn etag_of(body: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(body);
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

const CAPACITY: usize = 2048;

pub struct SummaryCache {
    /// Off (`SHINCHOKU_SUMMARY_CACHE=false`): every read computes (the harness measures both).
    enabled: bool,
    entries: Mutex<HashMap<String, Arc<Rendered>>>,
}

impl Default for SummaryCache {
    fn default() -> Self {
        SummaryCache::new(true)
    }
}

impl SummaryCache {
    pub fn new(enabled: bool) -> SummaryCache {
        SummaryCache { enabled, entries: Mutex::default() }
    }

    /// `key` must name the data version it was computed from.
    pub fn get(&self, key: &str) -> Option<Arc<Rendered>> {
        let found = self.entries.lock().expect("cache lock").get(key).cloned();
        let counter = if found.is_some() { &METRICS.summary_cache_hits } else { &METRICS.summary_cache_misses };
        counter.inc();
        found
    }

    /// The cached body under `key`, or `compute`'s, kept for the next caller.
    pub fn get_or(
        &self,
        key: String,
        compute: impl FnOnce() -> crate::error::ApiResult<Rendered>,
    ) -> crate::error::ApiResult<Arc<Rendered>> {
        if !self.enabled {
            METRICS.summary_cache_misses.inc();
            return Ok(Arc::new(compute()?));
        }
        if let Some(hit) = self.get(&key) {
            return Ok(hit);
        }
        let rendered = Arc::new(compute()?);
        self.put(key, rendered.clone());
        Ok(rendered)
    }

    pub fn put(&self, key: String, value: Arc<Rendered>) {
        let mut entries = self.entries.lock().expect("cache lock");
        if entries.len() >= CAPACITY {
            entries.clear();
        }
        entries.insert(key, value);
    }
}
