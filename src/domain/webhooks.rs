//! Webhooks (docs/notifications.md): the event types, the signature of the Standard Webhooks
//! specification, the retry schedule, and which network addresses a delivery may reach. Pure:
//! no database, no network.

use std::net::IpAddr;

use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use utoipa::ToSchema;

/// What happened, as receivers subscribe to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum EventType {
    /// A department handed its report in for review.
    #[serde(rename = "report.submitted")]
    ReportSubmitted,
    /// The committee or the secretariat sent a report back, with a reason.
    #[serde(rename = "report.returned")]
    ReportReturned,
    #[serde(rename = "report.reviewed")]
    ReportReviewed,
    /// A report (or a new edition of it) is public.
    #[serde(rename = "report.published")]
    ReportPublished,
    /// A published report was opened for a correction (a new edition).
    #[serde(rename = "report.corrected")]
    ReportCorrected,
    /// A comment on a report.
    #[serde(rename = "comment.created")]
    CommentCreated,
    /// A plan became public.
    #[serde(rename = "plan.published")]
    PlanPublished,
    #[serde(rename = "report.due_soon")]
    ReportDueSoon,
    #[serde(rename = "report.overdue")]
    ReportOverdue,
    #[serde(rename = "quarter.due_soon")]
    QuarterDueSoon,
    #[serde(rename = "quarter.overdue")]
    QuarterOverdue,
    /// Sent by `POST /api/v1/webhooks/{id}/test` to that subscription only.
    #[serde(rename = "webhook.test")]
    WebhookTest,
}

impl EventType {
    pub const ALL: &'static [EventType] = &[
        EventType::ReportSubmitted,
        EventType::ReportReturned,
        EventType::ReportReviewed,
        EventType::ReportPublished,
        EventType::ReportCorrected,
        EventType::CommentCreated,
        EventType::PlanPublished,
        EventType::ReportDueSoon,
        EventType::ReportOverdue,
        EventType::QuarterDueSoon,
        EventType::QuarterOverdue,
        EventType::WebhookTest,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::ReportSubmitted => "report.submitted",
            EventType::ReportReturned => "report.returned",
            EventType::ReportReviewed => "report.reviewed",
            EventType::ReportPublished => "report.published",
            EventType::ReportCorrected => "report.corrected",
            EventType::CommentCreated => "comment.created",
            EventType::PlanPublished => "plan.published",
            EventType::ReportDueSoon => "report.due_soon",
            EventType::ReportOverdue => "report.overdue",
            EventType::QuarterDueSoon => "quarter.due_soon",
            EventType::QuarterOverdue => "quarter.overdue",
            EventType::WebhookTest => "webhook.test",
        }
    }

    pub fn from_db(text: &str) -> Option<EventType> {
        EventType::ALL.iter().copied().find(|t| t.as_str() == text)
    }
}

/// The prefix of a secret as the specification writes it.
pub const SECRET_PREFIX: &str = "whsec_";

/// A secret from random bytes (24 or more): `whsec_` and their base64.
pub fn secret_of(bytes: &[u8]) -> String {
    format!("{SECRET_PREFIX}{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// The `webhook-signature` header: `v1,` and the base64 of HMAC-SHA256, keyed with the secret's
/// bytes, over `id.timestamp.body`. `None` for a secret not of [`secret_of`]'s form.
pub fn signature(secret: &str, id: &str, timestamp: i64, body: &[u8]) -> Option<String> {
    let key = base64::engine::general_purpose::STANDARD.decode(secret.strip_prefix(SECRET_PREFIX)?).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    Some(format!("v1,{}", base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())))
}

/// How long to wait before attempt `attempt + 1` after `attempt` failed ones: `base` doubled each
/// time, at most `cap`, times `jitter` (a draw from 0.5–1.5, so that receivers coming back are
/// not hit by every sender at once).
pub fn backoff_seconds(attempt: u32, base: f64, cap: f64, jitter: f64) -> f64 {
    let doubled = base * 2f64.powi(attempt.saturating_sub(1).min(30) as i32);
    doubled.min(cap) * jitter.clamp(0.5, 1.5)
}

/// A network in CIDR notation (`10.0.0.0/8`, `fd00::/8`, or one address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    address: IpAddr,
    prefix: u8,
}

impl Network {
    pub fn parse(text: &str) -> Option<Network> {
        let (address, prefix) = match text.trim().split_once('/') {
            Some((a, p)) => (a.parse::<IpAddr>().ok()?, p.parse::<u8>().ok()?),
            None => {
                let a = text.trim().parse::<IpAddr>().ok()?;
                (a, if a.is_ipv4() { 32 } else { 128 })
            }
        };
        let max = if address.is_ipv4() { 32 } else { 128 };
        (prefix <= max).then_some(Network { address, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        match (self.address, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = if self.prefix == 0 { 0 } else { u32::MAX << (32 - u32::from(self.prefix)) };
                u32::from(n) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = if self.prefix == 0 { 0 } else { u128::MAX << (128 - u32::from(self.prefix)) };
                u128::from(n) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

/// Parses `SHINCHOKU_WEBHOOK_ALLOWED_NETWORKS`: comma-separated networks; the first that does not
/// parse is the error.
pub fn parse_networks(text: &str) -> Result<Vec<Network>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| Network::parse(t).ok_or_else(|| t.to_string()))
        .collect()
}

/// An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) is that IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

/// Whether an address is on the public internet: not loopback, private, link-local (cloud
/// metadata at 169.254.169.254 included), shared (100.64/10), unspecified, multicast, broadcast,
/// documentation or otherwise reserved.
pub fn is_public(ip: IpAddr) -> bool {
    match canonical(ip) {
        IpAddr::V4(a) => {
            let [b0, b1, b2, _] = a.octets();
            !(a.is_loopback()
                || a.is_private()
                || a.is_link_local()
                || a.is_unspecified()
                || a.is_multicast()
                || a.is_broadcast()
                || a.is_documentation()
                || b0 == 0
                || (b0 == 100 && (64..128).contains(&b1))
                || (b0 == 192 && b1 == 0 && b2 == 0)
                || (b0 == 198 && (18..20).contains(&b1))
                || b0 >= 240)
        }
        IpAddr::V6(a) => {
            let first = a.segments()[0];
            !(a.is_loopback()
                || a.is_unspecified()
                || a.is_multicast()
                || (first & 0xfe00) == 0xfc00 // unique local
                || (first & 0xffc0) == 0xfe80 // link-local
                || first == 0x2001 && a.segments()[1] == 0x0db8 // documentation
                || first == 0x0064 && a.segments()[1] == 0xff9b // NAT64 can reach anything
                || first == 0)
        }
    }
}

/// Whether a delivery may connect to `ip`: a public address, or one in an allowed network.
/// `https`: plain `http` is allowed only towards an allowed network.
pub fn may_connect(ip: IpAddr, https: bool, allowed: &[Network]) -> bool {
    let listed = allowed.iter().any(|n| n.contains(ip));
    listed || (https && is_public(ip))
}

/// How deliveries are made (settings: docs/notifications.md).
#[derive(Debug, Clone)]
pub struct DeliverySettings {
    /// `SHINCHOKU_WEBHOOK_ALLOWED_NETWORKS`: reachable besides public addresses, also by `http`.
    pub allowed_networks: Vec<Network>,
    /// `SHINCHOKU_WEBHOOK_TIMEOUT_SECONDS` (default 10): to connect, and for the whole answer.
    pub timeout: std::time::Duration,
    /// `SHINCHOKU_WEBHOOK_MAX_ATTEMPTS` (default 8): then the delivery is failed.
    pub max_attempts: u32,
    /// `SHINCHOKU_WEBHOOK_RETRY_SECONDS` (default 30): the first wait, doubled each time up to 6 hours.
    pub retry_base_seconds: f64,
    pub retry_cap_seconds: f64,
    /// `SHINCHOKU_DELIVERY_LEASE_SECONDS` (default 60): how long a claimed delivery is one
    /// sender's; one that dies leaves it to another after that.
    pub lease: std::time::Duration,
    /// How often the worker looks for what is due.
    pub poll: std::time::Duration,
}

impl Default for DeliverySettings {
    fn default() -> Self {
        DeliverySettings {
            allowed_networks: Vec::new(),
            timeout: std::time::Duration::from_secs(10),
            max_attempts: 8,
            retry_base_seconds: 30.0,
            retry_cap_seconds: 6.0 * 3600.0,
            lease: std::time::Duration::from_secs(60),
            poll: std::time::Duration::from_millis(500),
        }
    }
}

/// A subscription's URL as it may be stored: `https` (or `http` where networks are allowed),
/// with a host, without credentials or fragment, at most 2,000 characters; an address literal
/// must be one a delivery may reach. Names are checked when a delivery resolves them.
pub fn check_url(text: &str, allowed: &[Network]) -> Result<url::Url, &'static str> {
    if text.len() > 2000 {
        return Err("must be at most 2000 characters");
    }
    let url = url::Url::parse(text).map_err(|_| "must be an absolute URL such as https://portal.example.jp/hooks")?;
    let https = match url.scheme() {
        "https" => true,
        "http" if !allowed.is_empty() => false,
        "http" => return Err("must use https (http only towards SHINCHOKU_WEBHOOK_ALLOWED_NETWORKS)"),
        _ => return Err("must be an https URL"),
    };
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not carry credentials: the signature proves the sender");
    }
    if url.fragment().is_some() {
        return Err("must not have a fragment");
    }
    let literal = match url.host() {
        None => return Err("must name a host"),
        Some(url::Host::Ipv4(a)) => Some(IpAddr::V4(a)),
        Some(url::Host::Ipv6(a)) => Some(IpAddr::V6(a)),
        Some(url::Host::Domain(_)) => None,
    };
    if literal.is_some_and(|ip| !may_connect(ip, https, allowed)) {
        return Err("must be a public address (or one in SHINCHOKU_WEBHOOK_ALLOWED_NETWORKS)");
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_specifications() {
        // The example of the Standard Webhooks specification's own libraries.
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let signed = signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, br#"{"test": 2432232314}"#);
        assert_eq!(signed.as_deref(), Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        assert_eq!(signature("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "x", 1, b""), None, "the prefix is part of it");
        assert!(secret_of(&[7u8; 24]).starts_with("whsec_Bw"));
        assert!(signature(&secret_of(&[7u8; 24]), "x", 1, b"{}").is_some());
    }

    #[test]
    fn retries_back_off_doubling_up_to_a_cap_with_jitter() {
        assert_eq!(backoff_seconds(1, 30.0, 3600.0, 1.0), 30.0);
        assert_eq!(backoff_seconds(2, 30.0, 3600.0, 1.0), 60.0);
        assert_eq!(backoff_seconds(5, 30.0, 3600.0, 1.0), 480.0);
        assert_eq!(backoff_seconds(20, 30.0, 3600.0, 1.0), 3600.0);
        assert_eq!(backoff_seconds(2, 30.0, 3600.0, 0.5), 30.0);
        assert_eq!(backoff_seconds(2, 30.0, 3600.0, 9.0), 90.0, "jitter stays within 0.5–1.5");
        assert_eq!(backoff_seconds(u32::MAX, 30.0, 3600.0, 1.0), 3600.0);
    }

    #[test]
    fn only_public_addresses_unless_a_network_is_allowed() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
        ] {
            assert!(!is_public(ip(private)), "{private}");
            assert!(!may_connect(ip(private), true, &[]), "{private}");
        }
        for public in ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"] {
            assert!(is_public(ip(public)), "{public}");
            assert!(may_connect(ip(public), true, &[]), "{public}");
            assert!(!may_connect(ip(public), false, &[]), "plain http only to allowed networks");
        }
        let allowed = parse_networks("127.0.0.0/8, 10.20.0.0/16,fd00::/8").unwrap();
        assert!(may_connect(ip("127.0.0.1"), false, &allowed));
        assert!(may_connect(ip("::ffff:127.0.0.1"), true, &allowed));
        assert!(may_connect(ip("10.20.3.4"), false, &allowed));
        assert!(!may_connect(ip("10.21.3.4"), true, &allowed));
        assert!(may_connect(ip("fd12::1"), true, &allowed));
        assert_eq!(parse_networks("10.0.0.0/33"), Err("10.0.0.0/33".into()));
        assert_eq!(parse_networks("intranet"), Err("intranet".into()));
        assert_eq!(parse_networks(""), Ok(vec![]));
        assert!(parse_networks("0.0.0.0/0").unwrap()[0].contains(ip("1.2.3.4")));
    }

    #[test]
    fn urls_are_https_with_a_host_and_no_credentials() {
        let local = parse_networks("127.0.0.0/8").unwrap();
        assert!(check_url("https://portal.example.jp/hooks?x=1", &[]).is_ok());
        assert!(check_url("http://portal.example.jp/hooks", &[]).is_err(), "https only without an allow-list");
        assert!(check_url("http://127.0.0.1:8080/hooks", &local).is_ok());
        assert!(check_url("https://127.0.0.1/hooks", &[]).is_err(), "loopback");
        assert!(check_url("https://169.254.169.254/latest/meta-data", &[]).is_err(), "cloud metadata");
        assert!(check_url("https://[::1]/hooks", &[]).is_err());
        assert!(check_url("https://10.0.0.5/hooks", &local).is_err(), "not in the allowed networks");
        assert!(check_url("https://user:pw@portal.example.jp/", &[]).is_err());
        assert!(check_url("https://portal.example.jp/#x", &[]).is_err());
        assert!(check_url("ftp://portal.example.jp/", &[]).is_err());
        assert!(check_url("portal.example.jp/hooks", &[]).is_err());
        assert!(check_url(&format!("https://portal.example.jp/{}", "a".repeat(2000)), &[]).is_err());
    }

    #[test]
    fn event_types_read_as_they_are_written() {
        for t in EventType::ALL {
            assert_eq!(EventType::from_db(t.as_str()), Some(*t));
            assert_eq!(serde_json::to_value(t).unwrap(), t.as_str());
        }
        assert_eq!(EventType::from_db("report.deleted"), None);
    }
}
