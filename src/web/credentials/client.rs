//! The client's address, for throttling sign-ins: the peer, or behind reverse proxies the entry
//! that the outermost trusted proxy wrote — never an entry the client could have written itself.

use std::net::IpAddr;

use actix_web::http::header::HeaderMap;

/// The forwarding header the proxies in front of the service append to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For: client, proxy1, …`
    #[default]
    XForwardedFor,
    /// `Forwarded: for=client, for=proxy1, …` (RFC 7239).
    Forwarded,
}

/// How many proxies stand in front of the service, and which header they write.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProxyTrust {
    pub hops: u8,
    pub header: ForwardedHeader,
}

/// The client address. Each trusted proxy appends the address it received the request from, so
/// with `hops` trusted proxies the client is the `hops`-th entry from the right; entries further
/// left were written by the client. With fewer entries than hops, the leftmost (proxy-written) one.
pub fn address(peer: Option<IpAddr>, headers: &HeaderMap, trust: ProxyTrust) -> String {
    let peer = peer.map(|ip| ip.to_string()).unwrap_or_else(|| "unknown".into());
    if trust.hops == 0 {
        return peer;
    }
    let entries = forwarded_entries(headers, trust.header);
    let hops = usize::from(trust.hops);
    let chosen = if entries.len() >= hops { entries.get(entries.len() - hops) } else { entries.first() };
    match chosen {
        Some(entry) => normalize(entry),
        None => peer,
    }
}

fn forwarded_entries(headers: &HeaderMap, header: ForwardedHeader) -> Vec<String> {
    let name = match header {
        ForwardedHeader::XForwardedFor => "x-forwarded-for",
        ForwardedHeader::Forwarded => "forwarded",
    };
    let mut entries = Vec::new();
    // Several header lines are one list, in order (RFC 9110 §5.3).
    for value in headers.get_all(name) {
        let Ok(value) = value.to_str() else { continue };
        for element in value.split(',') {
            let element = element.trim();
            let entry = match header {
                ForwardedHeader::XForwardedFor => Some(element.to_string()),
                ForwardedHeader::Forwarded => element.split(';').find_map(|pair| {
                    let (key, value) = pair.trim().split_once('=')?;
                    key.trim().eq_ignore_ascii_case("for").then(|| value.trim().trim_matches('"').to_string())
                }),
            };
            if let Some(entry) = entry.filter(|e| !e.is_empty()) {
                entries.push(entry);
            }
        }
    }
    entries
}

/// `1.2.3.4:5678`, `[2001:db8::1]:443` and `2001:db8::1` as the bare address; anything else
/// (`unknown`, obfuscated identifiers) as written, shortened.
fn normalize(entry: &str) -> String {
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return ip.to_string();
    }
    if let Ok(socket) = entry.parse::<std::net::SocketAddr>() {
        return socket.ip().to_string();
    }
    if let Some(inner) = entry.strip_prefix('[').and_then(|r| r.split(']').next()) {
        if let Ok(ip) = inner.parse::<IpAddr>() {
            return ip.to_string();
        }
    }
    entry.chars().filter(|c| c.is_ascii_graphic()).take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.append(HeaderName::from_bytes(k.as_bytes()).unwrap(), HeaderValue::from_str(v).unwrap());
        }
        map
    }

    const PEER: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 1)));

    fn trust(hops: u8, header: ForwardedHeader) -> ProxyTrust {
        ProxyTrust { hops, header }
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client() {
        let h = headers(&[("x-forwarded-for", "203.0.113.9"), ("forwarded", "for=203.0.113.9")]);
        assert_eq!(address(PEER, &h, trust(0, ForwardedHeader::XForwardedFor)), "10.0.0.1");
    }

    #[test]
    fn entries_written_by_the_client_are_never_taken() {
        // The client sent "X-Forwarded-For: 1.1.1.1"; the one proxy appended the real address.
        let h = headers(&[("x-forwarded-for", "1.1.1.1, 198.51.100.7")]);
        assert_eq!(address(PEER, &h, trust(1, ForwardedHeader::XForwardedFor)), "198.51.100.7");
        // Two proxies: the client's address is second from the right.
        let h = headers(&[("x-forwarded-for", "1.1.1.1"), ("x-forwarded-for", "198.51.100.7, 192.0.2.3")]);
        assert_eq!(address(PEER, &h, trust(2, ForwardedHeader::XForwardedFor)), "198.51.100.7");
        // Fewer entries than proxies: the leftmost, which a proxy wrote.
        let h = headers(&[("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(address(PEER, &h, trust(2, ForwardedHeader::XForwardedFor)), "198.51.100.7");
        // No header at all: the peer.
        assert_eq!(address(PEER, &HeaderMap::new(), trust(1, ForwardedHeader::XForwardedFor)), "10.0.0.1");
    }

    #[test]
    fn only_the_configured_header_counts() {
        let h = headers(&[("forwarded", "for=1.1.1.1"), ("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(address(PEER, &h, trust(1, ForwardedHeader::XForwardedFor)), "198.51.100.7");
        let h = headers(&[
            ("x-forwarded-for", "1.1.1.1"),
            ("forwarded", r#"for=1.1.1.1, for="[2001:db8::7]:4711";proto=https"#),
        ]);
        assert_eq!(address(PEER, &h, trust(1, ForwardedHeader::Forwarded)), "2001:db8::7");
    }

    #[test]
    fn ports_are_stripped() {
        let h = headers(&[("x-forwarded-for", "198.51.100.7:5555")]);
        assert_eq!(address(PEER, &h, trust(1, ForwardedHeader::XForwardedFor)), "198.51.100.7");
    }
}
