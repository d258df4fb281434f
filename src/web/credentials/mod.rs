//! Credentials and what guards them: access-token keys, password and secret hashing, login
//! names, the sign-in throttle and which proxies may name the client. Below [`crate::web::state`],
//! which holds the [`AuthConfig`]; the caller extractors in [`crate::web::auth`] use them.

pub mod client;
pub mod jwt;
pub mod login;
pub mod password;
pub mod secret;
pub mod throttle;

/// Authentication settings, from configuration.
pub struct AuthConfig {
    pub keys: jwt::Keys,
    pub refresh_ttl_seconds: i64,
    pub throttle: throttle::Limits,
    /// The reverse proxies whose forwarding header names the client.
    pub proxies: client::ProxyTrust,
}
