//! How much uncached work anonymous callers may cause: each client address (an IPv6 client by
//! its /64, the network one host usually holds) has a budget of computation time that refills
//! at a steady rate. A public read served from the cache costs nothing; one that must be
//! computed (a summary, trend, tree or timeline of a data version not yet cached) is charged
//! the time it took, at least 1 ms. While an address's budget is spent, its uncached reads get 429 with
//! `Retry-After` (when the budget is back above zero); its cached reads are still answered.
//!
//! The check is made before the work starts and the charge after it, so concurrent requests
//! may overdraw the budget once; the debt is then repaid before the address computes again.
//! The budget is per instance: it protects this process's cores, whatever the others do.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::error::{ApiError, ApiResult};

/// Addresses tracked at most; beyond it, those whose budget has refilled are forgotten (they
/// owe nothing).
const MAX_ADDRESSES: usize = 16_384;

pub struct ComputeBudget {
    /// `None`: no limit (`SHINCHOKU_PUBLIC_COMPUTE_MS=off`).
    rate: Option<Rate>,
    accounts: Mutex<HashMap<String, Account>>,
}

#[derive(Debug, Clone, Copy)]
struct Rate {
    /// Computation time regained per second of wall time (0.2: 200 ms per second).
    per_second: f64,
    /// The most an address holds (what it may spend at once after being idle).
    burst: Duration,
}

#[derive(Debug, Clone, Copy)]
struct Account {
    /// Seconds of computation left; negative: owed.
    balance: f64,
    updated: Instant,
}

impl Account {
    fn refilled(self, rate: Rate, now: Instant) -> f64 {
        let gained = now.saturating_duration_since(self.updated).as_secs_f64() * rate.per_second;
        (self.balance + gained).min(rate.burst.as_secs_f64())
    }
}

impl Default for ComputeBudget {
    fn default() -> Self {
        ComputeBudget::new(Some(DEFAULT_MS_PER_SECOND))
    }
}

/// Milliseconds of computation per second per address unless configured.
pub const DEFAULT_MS_PER_SECOND: u32 = 200;

/// What one computation costs at least: a request's own overhead, however fast the counting
/// (summaries read from kept counts take well under a millisecond).
const MIN_CHARGE: Duration = Duration::from_millis(1);

impl ComputeBudget {
    /// `ms_per_second` of uncached computation per address (`None`: unlimited); an idle address
    /// may spend 25 seconds' worth at once (5 s of computation at the default).
    pub fn new(ms_per_second: Option<u32>) -> ComputeBudget {
        let rate = ms_per_second.map(|ms| {
            let per_second = f64::from(ms) / 1000.0;
            Rate { per_second, burst: Duration::from_secs_f64(per_second * 25.0) }
        });
        ComputeBudget { rate, accounts: Mutex::default() }
    }

    /// Runs `work` charged to `address`, or answers 429 when its budget is spent.
    pub fn run<T>(&self, address: &str, work: impl FnOnce() -> ApiResult<T>) -> ApiResult<T> {
        let Some(rate) = self.rate else { return work() };
        let key = account_key(address);
        self.check(&key, rate, Instant::now())?;
        let started = Instant::now();
        let result = work();
        self.charge(&key, rate, started.elapsed().max(MIN_CHARGE), Instant::now());
        result
    }

    fn check(&self, key: &str, rate: Rate, now: Instant) -> ApiResult<()> {
        let accounts = self.accounts.lock().expect("budget lock");
        let Some(account) = accounts.get(key) else { return Ok(()) };
        let balance = account.refilled(rate, now);
        if balance > 0.0 {
            return Ok(());
        }
        crate::web::metrics::METRICS.public_compute_refused.inc();
        let retry_after = (-balance / rate.per_second).ceil().max(1.0) as u64;
        Err(ApiError::TooManyRequests { retry_after })
    }

    fn charge(&self, key: &str, rate: Rate, spent: Duration, now: Instant) {
        let mut accounts = self.accounts.lock().expect("budget lock");
        if accounts.len() >= MAX_ADDRESSES && !accounts.contains_key(key) {
            let full = rate.burst.as_secs_f64();
            accounts.retain(|_, a| a.refilled(rate, now) < full);
            if accounts.len() >= MAX_ADDRESSES {
                // As many addresses owing at once: keep those owing the most.
                let mut owed: Vec<f64> = accounts.values().map(|a| a.refilled(rate, now)).collect();
                owed.sort_by(f64::total_cmp);
                let cut = owed[MAX_ADDRESSES / 2];
                accounts.retain(|_, a| a.refilled(rate, now) < cut);
            }
        }
        let fresh = Account { balance: rate.burst.as_secs_f64(), updated: now };
        let account = accounts.entry(key.to_string()).or_insert(fresh);
        account.balance = account.refilled(rate, now) - spent.as_secs_f64();
        account.updated = now;
    }
}

/// One caller's share of a budget: work run through it is charged to the caller's address.
pub struct Charge {
    budget: Arc<ComputeBudget>,
    address: String,
}

impl Charge {
    pub fn new(budget: Arc<ComputeBudget>, address: String) -> Charge {
        Charge { budget, address }
    }

    /// Runs `work` charged to the address, or answers 429 when its budget is spent.
    pub fn run<T>(&self, work: impl FnOnce() -> ApiResult<T>) -> ApiResult<T> {
        self.budget.run(&self.address, work)
    }
}

/// An address as budgets count it: IPv4 as is, IPv6 by its /64.
fn account_key(address: &str) -> String {
    match address.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Ok(IpAddr::V6(v6)) => v6.to_ipv4_mapped().map(|v4| v4.to_string()).unwrap_or_default(),
        _ => address.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(ms: u32) -> (ComputeBudget, Rate) {
        let b = ComputeBudget::new(Some(ms));
        let rate = b.rate.unwrap();
        (b, rate)
    }

    #[test]
    fn an_address_spends_its_burst_then_waits_for_the_refill() {
        let (b, rate) = budget(200);
        let t0 = Instant::now();
        // 5 s of burst: the first charge of 6 s is allowed (checked before), then it owes 1 s.
        b.check("a", rate, t0).unwrap();
        b.charge("a", rate, Duration::from_secs(6), t0);
        match b.check("a", rate, t0) {
            Err(ApiError::TooManyRequests { retry_after }) => assert_eq!(retry_after, 5, "1 s owed at 0.2 s/s"),
            other => panic!("expected 429, got {other:?}"),
        }
        // Others are not affected.
        b.check("b", rate, t0).unwrap();
        // Repaid after 5 s and a little.
        assert!(b.check("a", rate, t0 + Duration::from_millis(5_100)).is_ok());
    }

    #[test]
    fn the_balance_never_exceeds_the_burst() {
        let (b, rate) = budget(100);
        let t0 = Instant::now();
        b.charge("a", rate, Duration::from_millis(1), t0);
        // A day idle refills 2.5 s, not 8,640 s.
        let later = t0 + Duration::from_secs(86_400);
        b.charge("a", rate, Duration::from_millis(2_600), later);
        assert!(b.check("a", rate, later).is_err());
    }

    #[test]
    fn unlimited_when_off() {
        let b = ComputeBudget::new(None);
        for _ in 0..100 {
            b.run("a", || {
                std::thread::sleep(Duration::from_micros(10));
                Ok(())
            })
            .unwrap();
        }
    }

    #[test]
    fn ipv6_clients_count_by_their_64() {
        assert_eq!(account_key("2001:db8:1:2:aaaa::1"), account_key("2001:db8:1:2:bbbb::9"));
        assert_ne!(account_key("2001:db8:1:2::1"), account_key("2001:db8:1:3::1"));
        assert_eq!(account_key("::ffff:192.0.2.7"), "192.0.2.7");
        assert_eq!(account_key("192.0.2.7"), "192.0.2.7");
    }

    #[test]
    fn the_table_of_addresses_stays_bounded() {
        let (b, rate) = budget(200);
        let t0 = Instant::now();
        for i in 0..(MAX_ADDRESSES + 100) {
            b.charge(&format!("10.0.{}.{}", i / 256, i % 256), rate, Duration::from_secs(10), t0);
        }
        assert!(b.accounts.lock().unwrap().len() <= MAX_ADDRESSES);
    }
}
