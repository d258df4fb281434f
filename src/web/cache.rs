//! Rendered summaries kept in memory, keyed by the plan's data version.
//!
//! Every write to a plan's data bumps `plans.data_version` in its own transaction
//! ([`crate::models::audit::record`]), and every read looks the version up first, so a cached body is
//! only ever served for the data it was computed from: never stale, also with several instances
//! on one database. Entries of older versions are simply never asked for again and age out: the
//! cache is bounded by the bytes it holds and by its number of entries, and when full it evicts
//! the least recently used entries, one at a time (never the whole cache, so a flood of rarely
//! asked keys cannot push out the summaries everyone reads without being asked more often).

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use crate::web::metrics::METRICS;

/// Internal bodies may be kept by the caller's browser but must be revalidated.
pub const PRIVATE_CACHE: &str = "private, no-cache";

/// A rendered body (JSON, or a chart, a page, a CSV file) and its strong ETag.
#[derive(Debug)]
pub struct Rendered {
    pub body: Vec<u8>,
    pub etag: String,
    pub content_type: &'static str,
}

impl Rendered {
    /// Renders `value`; the ETag is a digest of the bytes (the same on every instance).
    pub fn of<T: serde::Serialize>(value: &T) -> crate::error::ApiResult<Rendered> {
        Ok(Rendered::raw(serde_json::to_vec(value)?, "application/json"))
    }

    /// A body already rendered, of this content type.
    pub fn raw(body: Vec<u8>, content_type: &'static str) -> Rendered {
        let etag = etag_of(&body);
        Rendered { body, etag, content_type }
    }

    /// The response: 200 with the body, or 304 when the client holds it already.
    pub fn response(&self, req: &actix_web::HttpRequest, cache_control: &str) -> actix_web::HttpResponse {
        crate::web::http::conditional(req, self.body.clone(), self.content_type, &self.etag, cache_control)
    }
}

/// A strong ETag from the bytes of a body.
pub fn etag_of(body: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(body);
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// At most this many bytes of bodies (keys and bookkeeping counted too) …
pub const MAX_BYTES: usize = 64 << 20;
/// … and this many entries.
pub const MAX_ENTRIES: usize = 4096;
/// What an entry costs beyond its key and body (maps, `Arc`, ETag).
const ENTRY_OVERHEAD: usize = 160;

pub struct SummaryCache {
    /// Off (`SHINCHOKU_SUMMARY_CACHE=false`): every read computes (the harness measures both).
    enabled: bool,
    max_bytes: usize,
    max_entries: usize,
    lru: Mutex<Lru>,
}

/// Entries and their order of use: `order` maps each entry's last use (a tick that only grows)
/// to its key, so the least recently used entry is the first of `order`.
#[derive(Default)]
struct Lru {
    entries: HashMap<String, (Arc<Rendered>, u64)>,
    order: BTreeMap<u64, String>,
    bytes: usize,
    tick: u64,
}

fn cost(key: &str, value: &Rendered) -> usize {
    key.len() * 2 + value.body.len() + value.etag.len() + ENTRY_OVERHEAD
}

impl Lru {
    fn touch(&mut self, key: &str) -> Option<Arc<Rendered>> {
        self.tick += 1;
        let tick = self.tick;
        let (value, used) = self.entries.get_mut(key)?;
        let last = std::mem::replace(used, tick);
        let value = value.clone();
        if let Some(k) = self.order.remove(&last) {
            self.order.insert(tick, k);
        }
        Some(value)
    }

    fn remove(&mut self, key: &str) {
        if let Some((value, used)) = self.entries.remove(key) {
            self.order.remove(&used);
            self.bytes -= cost(key, &value);
        }
    }

    fn evict_oldest(&mut self) -> bool {
        let Some((_, key)) = self.order.pop_first() else { return false };
        if let Some((value, _)) = self.entries.remove(&key) {
            self.bytes -= cost(&key, &value);
        }
        METRICS.summary_cache_evictions.inc();
        true
    }
}

impl Default for SummaryCache {
    fn default() -> Self {
        SummaryCache::new(true)
    }
}

impl SummaryCache {
    pub fn new(enabled: bool) -> SummaryCache {
        SummaryCache::bounded(enabled, MAX_BYTES, MAX_ENTRIES)
    }

    /// A cache of at most `max_bytes` and `max_entries`.
    pub fn bounded(enabled: bool, max_bytes: usize, max_entries: usize) -> SummaryCache {
        SummaryCache { enabled, max_bytes, max_entries, lru: Mutex::default() }
    }

    /// `key` must name the data version it was computed from.
    pub fn get(&self, key: &str) -> Option<Arc<Rendered>> {
        let found = self.lru.lock().expect("cache lock").touch(key);
        let counter = if found.is_some() { &METRICS.summary_cache_hits } else { &METRICS.summary_cache_misses };
        counter.inc();
        found
    }

    /// The cached body under `key` if there is one (a miss is not counted: the caller goes on
    /// to [`Self::get_or`], which counts it).
    pub fn hit(&self, key: &str) -> Option<Arc<Rendered>> {
        if !self.enabled {
            return None;
        }
        let found = self.lru.lock().expect("cache lock").touch(key);
        if found.is_some() {
            METRICS.summary_cache_hits.inc();
        }
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

    /// Keeps `value` under `key`, evicting the least recently used entries to make room. A body
    /// larger than the whole budget is not kept.
    pub fn put(&self, key: String, value: Arc<Rendered>) {
        let size = cost(&key, &value);
        if size > self.max_bytes {
            return;
        }
        let mut lru = self.lru.lock().expect("cache lock");
        lru.remove(&key);
        while (lru.bytes + size > self.max_bytes || lru.entries.len() >= self.max_entries) && lru.evict_oldest() {}
        lru.tick += 1;
        let tick = lru.tick;
        lru.order.insert(tick, key.clone());
        lru.entries.insert(key, (value, tick));
        lru.bytes += size;
        METRICS.summary_cache_bytes.set(lru.bytes as i64);
    }

    /// How many entries and bytes the cache holds.
    pub fn usage(&self) -> (usize, usize) {
        let lru = self.lru.lock().expect("cache lock");
        (lru.entries.len(), lru.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(n: usize) -> Arc<Rendered> {
        Arc::new(Rendered { body: vec![b'x'; n], etag: "\"e\"".into(), content_type: "application/json" })
    }

    #[test]
    fn the_least_recently_used_entry_goes_first_and_never_the_whole_cache() {
        let cache = SummaryCache::bounded(true, usize::MAX, 3);
        for key in ["a", "b", "c"] {
            cache.put(key.into(), body(10));
        }
        assert!(cache.get("a").is_some()); // a is now the most recently used
        cache.put("d".into(), body(10));
        assert!(cache.get("b").is_none(), "b was the least recently used");
        for key in ["a", "c", "d"] {
            assert!(cache.get(key).is_some(), "{key} stays");
        }
        // A flood of keys asked once each cannot push out an entry that is read between them.
        assert!(cache.get("a").is_some());
        for n in 0..100 {
            cache.put(format!("flood-{n}"), body(10));
            assert!(cache.get("a").is_some(), "an entry in use is never evicted by the flood");
        }
        assert_eq!(cache.usage().0, 3);
    }

    #[test]
    fn bytes_are_accounted_and_bounded() {
        let per_entry = cost("k00", &body(1000));
        let cache = SummaryCache::bounded(true, per_entry * 5, usize::MAX);
        for n in 0..20 {
            cache.put(format!("k{n:02}"), body(1000));
            let (entries, bytes) = cache.usage();
            assert!(bytes <= per_entry * 5 && entries <= 5, "{entries} entries, {bytes} bytes");
        }
        assert_eq!(cache.usage(), (5, per_entry * 5));
        assert!(cache.get("k19").is_some() && cache.get("k14").is_none());
        // Replacing an entry counts it once; a body over the budget is not kept.
        cache.put("k19".into(), body(1000));
        assert_eq!(cache.usage(), (5, per_entry * 5));
        cache.put("huge".into(), body(per_entry * 6));
        assert!(cache.get("huge").is_none());
        assert_eq!(cache.usage().0, 5);
    }
}
