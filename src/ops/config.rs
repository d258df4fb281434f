//! Configuration from `SHINCHOKU_*` environment variables (documented in README.md).

use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// `SHINCHOKU_BIND`, default `127.0.0.1:8080`.
    pub bind: String,
    /// `SHINCHOKU_DATA_DIR`, default `./data`: where the SQLite file lives.
    pub data_dir: PathBuf,
    /// `DATABASE_URL` (`postgres://…` selects PostgreSQL); default the SQLite file in the data dir.
    pub database_url: String,
    /// `SHINCHOKU_LOG_FORMAT`, `text` (default) or `json`.
    pub log_format: LogFormat,
    /// `SHINCHOKU_LOG` (else `RUST_LOG`), default `info`: log levels, e.g. `warn,shinchoku=debug`.
    pub log_filter: Option<String>,
    /// `SHINCHOKU_DB_POOL_SIZE`, default 8.
    pub pool_size: u32,
    /// `SHINCHOKU_MAX_BODY_BYTES`, default 1 MiB.
    pub max_body_bytes: usize,
    /// `SHINCHOKU_MAX_BUNDLE_BYTES`, default 32 MiB.
    pub max_bundle_bytes: usize,
    /// `SHINCHOKU_WORKERS`, default the number of CPUs.
    pub workers: Option<usize>,
    /// `SHINCHOKU_JWT_SECRET`: required outside demo mode, at least 32 bytes.
    pub jwt_secret: Option<String>,
    /// `SHINCHOKU_JWT_ALGORITHM`, default `HS256` (`HS384`, `HS512`).
    pub jwt_algorithm: String,
    /// `SHINCHOKU_JWT_ISSUER`, default `shinchoku`.
    pub jwt_issuer: String,
    /// `SHINCHOKU_JWT_AUDIENCE`, default `shinchoku-api`.
    pub jwt_audience: String,
    /// `SHINCHOKU_ACCESS_TOKEN_TTL_SECONDS`, default 900.
    pub access_token_ttl: i64,
    /// `SHINCHOKU_REFRESH_TOKEN_TTL_SECONDS`, default 30 days.
    pub refresh_token_ttl: i64,
    /// `SHINCHOKU_LOGIN_MAX_FAILURES` (per account, default 5), `SHINCHOKU_LOGIN_MAX_FAILURES_PER_ADDRESS`
    /// (default 20), `SHINCHOKU_LOGIN_WINDOW_SECONDS` and `SHINCHOKU_LOGIN_BLOCK_SECONDS` (default 900).
    pub login_limits: crate::web::credentials::throttle::Limits,
    /// How many reverse proxies in front of the service append to the forwarding header:
    /// `SHINCHOKU_TRUSTED_PROXIES` (a number, default 0), or `SHINCHOKU_TRUST_PROXY=true` for one.
    pub trusted_proxies: u8,
    /// `SHINCHOKU_FORWARDED_HEADER`: `x-forwarded-for` (default) or `forwarded` (RFC 7239), the
    /// one header the proxies write; the other is ignored.
    pub forwarded_header: crate::web::credentials::client::ForwardedHeader,
    /// `SHINCHOKU_CORS_ORIGINS`: comma-separated origins allowed to call from browsers (default none).
    pub cors_origins: Vec<String>,
    /// `SHINCHOKU_BOOTSTRAP_ADMIN_LOGIN` / `SHINCHOKU_BOOTSTRAP_ADMIN_PASSWORD`: created at start when missing.
    pub bootstrap_admin: Option<(String, String)>,
    /// `SHINCHOKU_SHUTDOWN_TIMEOUT_SECONDS`, default 30: on SIGTERM/SIGINT, how long in-flight
    /// requests may take to finish before their connections are closed.
    pub shutdown_timeout_seconds: u64,
    /// `SHINCHOKU_SUMMARY_CACHE`, default true: keep rendered summaries in memory per plan data
    /// version (false: compute every read; the performance harness measures both).
    pub summary_cache: bool,
    /// `SHINCHOKU_PUBLIC_COMPUTE_MS`, default 200: milliseconds of computation per second that
    /// each anonymous client address may cause by public reads not in the cache (beyond it: 429
    /// with `Retry-After`); `off`: no limit.
    pub public_compute_ms: Option<u32>,
    /// `SHINCHOKU_METRICS_BIND`, default none: where `GET /metrics` (Prometheus) is served, apart
    /// from the API (e.g. `127.0.0.1:9464`).
    pub metrics_bind: Option<String>,
    /// `SHINCHOKU_WEBHOOK_*`, `SHINCHOKU_DELIVERY_LEASE_SECONDS`: how webhooks are delivered.
    pub deliveries: crate::domain::webhooks::DeliverySettings,
    /// `SHINCHOKU_NOTIFY_DUE_AT`, `SHINCHOKU_REMINDER_DAYS`: the daily due-date pass.
    pub due: crate::ops::due::DueSettings,
    /// `SHINCHOKU_SMTP_*`, `SHINCHOKU_MAIL_FROM`, `SHINCHOKU_FRONTEND_URL`, `SHINCHOKU_NOTICE_DELAY_SECONDS`.
    pub mail: crate::ops::mail::MailSettings,
}

/// Settings from the optional file named by `SHINCHOKU_CONFIG_FILE` (`KEY=VALUE` lines, `#`
/// comments); the environment wins over the file.
static FILE_SETTINGS: std::sync::OnceLock<std::collections::HashMap<String, String>> = std::sync::OnceLock::new();

/// Parses `KEY=VALUE` lines; blank lines and `#` comments are skipped, values may be quoted.
pub fn parse_settings(text: &str) -> Result<std::collections::HashMap<String, String>, String> {
    let mut settings = std::collections::HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once('=').ok_or_else(|| format!("line {}: expected KEY=VALUE", n + 1))?;
        let value = value.trim();
        let value = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')).unwrap_or(value);
        settings.insert(key.trim().to_string(), value.to_string());
    }
    Ok(settings)
}

fn load_file_settings() -> Result<(), String> {
    let settings = match std::env::var("SHINCHOKU_CONFIG_FILE").ok().filter(|p| !p.trim().is_empty()) {
        None => Default::default(),
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("SHINCHOKU_CONFIG_FILE={path}: {e}"))?;
            parse_settings(&text).map_err(|e| format!("SHINCHOKU_CONFIG_FILE={path}: {e}"))?
        }
    };
    let _ = FILE_SETTINGS.set(settings);
    Ok(())
}

fn var(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .or_else(|| FILE_SETTINGS.get().and_then(|f| f.get(name).cloned()))
        .filter(|v| !v.trim().is_empty())
}

fn parse_var<T: std::str::FromStr>(name: &str, default: T) -> Result<T, String> {
    match var(name) {
        None => Ok(default),
        Some(v) => v.trim().parse().map_err(|_| format!("{name}={v} is not valid")),
    }
}

/// The mail settings (mail is off without `SHINCHOKU_SMTP_URL`).
fn mail() -> Result<crate::ops::mail::MailSettings, String> {
    let defaults = crate::ops::mail::MailSettings::default();
    let smtp = match var("SHINCHOKU_SMTP_URL").filter(|v| !v.trim().is_empty()) {
        None => None,
        Some(url) => Some(
            crate::ops::mail::Smtp::parse(&url, var("SHINCHOKU_SMTP_USERNAME"), var("SHINCHOKU_SMTP_PASSWORD"))
                .map_err(|e| format!("SHINCHOKU_SMTP_URL: {e}"))?,
        ),
    };
    let from = var("SHINCHOKU_MAIL_FROM").unwrap_or(defaults.from.clone());
    if smtp.is_some() && from.parse::<lettre::message::Mailbox>().is_err() {
        return Err(format!(
            "SHINCHOKU_MAIL_FROM={from} must be an address such as 進捗管理 <no-reply@city.example.jp>"
        ));
    }
    let frontend_url = var("SHINCHOKU_FRONTEND_URL").filter(|v| !v.trim().is_empty());
    if let Some(base) = &frontend_url {
        if !matches!(url::Url::parse(base).map(|u| u.scheme().to_string()).as_deref(), Ok("https" | "http")) {
            return Err(format!("SHINCHOKU_FRONTEND_URL={base} must be an http(s) URL"));
        }
    }
    let delay: u64 = parse_var("SHINCHOKU_NOTICE_DELAY_SECONDS", 60)?;
    if delay > 86_400 {
        return Err("SHINCHOKU_NOTICE_DELAY_SECONDS must be at most 86400".into());
    }
    Ok(crate::ops::mail::MailSettings {
        smtp,
        from,
        frontend_url,
        notice_delay: std::time::Duration::from_secs(delay),
        ..defaults
    })
}

/// The webhook delivery settings.
fn deliveries() -> Result<crate::domain::webhooks::DeliverySettings, String> {
    let defaults = crate::domain::webhooks::DeliverySettings::default();
    let seconds = |name: &str, default: f64| -> Result<f64, String> {
        let value: f64 = parse_var(name, default)?;
        if value.is_finite() && value > 0.0 && value <= 86_400.0 {
            Ok(value)
        } else {
            Err(format!("{name} must be a number of seconds from more than 0 to 86400"))
        }
    };
    let allowed = var("SHINCHOKU_WEBHOOK_ALLOWED_NETWORKS").unwrap_or_default();
    Ok(crate::domain::webhooks::DeliverySettings {
        allowed_networks: crate::domain::webhooks::parse_networks(&allowed).map_err(|bad| {
            format!("SHINCHOKU_WEBHOOK_ALLOWED_NETWORKS: {bad} is not a network such as 10.0.0.0/8 or fd00::/8")
        })?,
        timeout: std::time::Duration::from_secs_f64(seconds("SHINCHOKU_WEBHOOK_TIMEOUT_SECONDS", 10.0)?),
        max_attempts: match parse_var("SHINCHOKU_WEBHOOK_MAX_ATTEMPTS", defaults.max_attempts)? {
            n @ 1..=50 => n,
            _ => return Err("SHINCHOKU_WEBHOOK_MAX_ATTEMPTS must be from 1 to 50".into()),
        },
        retry_base_seconds: seconds("SHINCHOKU_WEBHOOK_RETRY_SECONDS", defaults.retry_base_seconds)?,
        lease: std::time::Duration::from_secs_f64(seconds("SHINCHOKU_DELIVERY_LEASE_SECONDS", 60.0)?),
        ..defaults
    })
}

/// A signing secret must be long and not trivially guessable.
pub fn check_secret(secret: &str) -> Result<(), String> {
    let distinct: std::collections::HashSet<char> = secret.chars().collect();
    if secret.len() < 32 {
        return Err(format!(
            "SHINCHOKU_JWT_SECRET is too short ({} bytes): use at least 32 bytes of random text",
            secret.len()
        ));
    }
    if distinct.len() < 10 {
        return Err("SHINCHOKU_JWT_SECRET is too repetitive: use random text (e.g. `openssl rand -base64 48`)".into());
    }
    Ok(())
}

/// Every setting the service reads. A `SHINCHOKU_` variable (or config-file key) not listed here
/// is a typo, refused with the nearest name, so that a misspelt setting never silently falls
/// back to its default.
pub const SETTINGS: &[&str] = &[
    "SHINCHOKU_ACCESS_TOKEN_TTL_SECONDS",
    "SHINCHOKU_BIND",
    "SHINCHOKU_BOOTSTRAP_ADMIN_LOGIN",
    "SHINCHOKU_BOOTSTRAP_ADMIN_PASSWORD",
    "SHINCHOKU_CONFIG_FILE",
    "SHINCHOKU_CORS_ORIGINS",
    "SHINCHOKU_DATA_DIR",
    "SHINCHOKU_DB_POOL_SIZE",
    "SHINCHOKU_FORWARDED_HEADER",
    "SHINCHOKU_JWT_ALGORITHM",
    "SHINCHOKU_JWT_AUDIENCE",
    "SHINCHOKU_JWT_ISSUER",
    "SHINCHOKU_JWT_SECRET",
    "SHINCHOKU_LOG",
    "SHINCHOKU_LOGIN_BLOCK_SECONDS",
    "SHINCHOKU_LOGIN_MAX_FAILURES",
    "SHINCHOKU_LOGIN_MAX_FAILURES_PER_ADDRESS",
    "SHINCHOKU_LOGIN_WINDOW_SECONDS",
    "SHINCHOKU_LOG_FORMAT",
    "SHINCHOKU_MAX_BODY_BYTES",
    "SHINCHOKU_MAX_BUNDLE_BYTES",
    "SHINCHOKU_METRICS_BIND",
    "SHINCHOKU_REFRESH_TOKEN_TTL_SECONDS",
    "SHINCHOKU_SHUTDOWN_TIMEOUT_SECONDS",
    "SHINCHOKU_SUMMARY_CACHE",
    "SHINCHOKU_PUBLIC_COMPUTE_MS",
    "SHINCHOKU_TRUSTED_PROXIES",
    "SHINCHOKU_TRUST_PROXY",
    "SHINCHOKU_WORKERS",
    "SHINCHOKU_WEBHOOK_ALLOWED_NETWORKS",
    "SHINCHOKU_WEBHOOK_TIMEOUT_SECONDS",
    "SHINCHOKU_WEBHOOK_MAX_ATTEMPTS",
    "SHINCHOKU_WEBHOOK_RETRY_SECONDS",
    "SHINCHOKU_DELIVERY_LEASE_SECONDS",
    "SHINCHOKU_NOTIFY_DUE_AT",
    "SHINCHOKU_SMTP_URL",
    "SHINCHOKU_SMTP_USERNAME",
    "SHINCHOKU_SMTP_PASSWORD",
    "SHINCHOKU_MAIL_FROM",
    "SHINCHOKU_FRONTEND_URL",
    "SHINCHOKU_NOTICE_DELAY_SECONDS",
    "SHINCHOKU_REMINDER_DAYS",
];

/// What the example clients read (`SHINCHOKU_URL` …): not the server's, but not typos either.
const CLIENT_VARIABLES: &[&str] = &["SHINCHOKU_URL", "SHINCHOKU_LOGIN", "SHINCHOKU_PASSWORD", "SHINCHOKU_TOKEN"];

/// Refuses a `SHINCHOKU_` name the service does not know, naming the closest known one.
pub fn check_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<(), String> {
    for name in names {
        if !name.starts_with("SHINCHOKU_") || SETTINGS.contains(&name) || CLIENT_VARIABLES.contains(&name) {
            continue;
        }
        let distance = |known: &str| {
            // Letters in common at the same places, and the length difference: enough to point at a typo.
            let same = name.chars().zip(known.chars()).filter(|(a, b)| a == b).count();
            name.len().max(known.len()) - same
        };
        let nearest = SETTINGS.iter().min_by_key(|k| distance(k)).expect("settings are listed");
        return Err(format!("{name} is not a setting of this service (did you mean {nearest}?)"));
    }
    Ok(())
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        load_file_settings()?;
        let env_names: Vec<String> = std::env::vars_os().filter_map(|(k, _)| k.into_string().ok()).collect();
        check_names(env_names.iter().map(String::as_str))?;
        if let Some(file) = FILE_SETTINGS.get() {
            check_names(file.keys().map(String::as_str)).map_err(|e| format!("SHINCHOKU_CONFIG_FILE: {e}"))?;
        }
        let data_dir = PathBuf::from(var("SHINCHOKU_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url =
            var("DATABASE_URL").unwrap_or_else(|| data_dir.join("shinchoku.sqlite3").to_string_lossy().into_owned());
        crate::db::parse_url(&database_url)?;
        let log_format = match var("SHINCHOKU_LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => return Err(format!("SHINCHOKU_LOG_FORMAT must be text or json, not {other}")),
        };
        Ok(Config {
            bind: var("SHINCHOKU_BIND").unwrap_or_else(|| "127.0.0.1:8080".into()),
            data_dir,
            database_url,
            log_format,
            pool_size: parse_var("SHINCHOKU_DB_POOL_SIZE", 8)?,
            max_body_bytes: parse_var("SHINCHOKU_MAX_BODY_BYTES", 1024 * 1024)?,
            max_bundle_bytes: parse_var("SHINCHOKU_MAX_BUNDLE_BYTES", 32 * 1024 * 1024)?,
            workers: var("SHINCHOKU_WORKERS")
                .map(|v| v.parse().map_err(|_| format!("SHINCHOKU_WORKERS={v} is not valid")))
                .transpose()?,
            jwt_secret: var("SHINCHOKU_JWT_SECRET"),
            jwt_algorithm: var("SHINCHOKU_JWT_ALGORITHM").unwrap_or_else(|| "HS256".into()),
            jwt_issuer: var("SHINCHOKU_JWT_ISSUER").unwrap_or_else(|| "shinchoku".into()),
            jwt_audience: var("SHINCHOKU_JWT_AUDIENCE").unwrap_or_else(|| "shinchoku-api".into()),
            access_token_ttl: parse_var("SHINCHOKU_ACCESS_TOKEN_TTL_SECONDS", 900)?,
            refresh_token_ttl: parse_var("SHINCHOKU_REFRESH_TOKEN_TTL_SECONDS", 30 * 24 * 3600)?,
            login_limits: crate::web::credentials::throttle::Limits {
                per_account: parse_var("SHINCHOKU_LOGIN_MAX_FAILURES", 5)?,
                per_address: parse_var("SHINCHOKU_LOGIN_MAX_FAILURES_PER_ADDRESS", 20)?,
                window_seconds: parse_var("SHINCHOKU_LOGIN_WINDOW_SECONDS", 900)?,
                block_seconds: parse_var("SHINCHOKU_LOGIN_BLOCK_SECONDS", 900)?,
            },
            trusted_proxies: match var("SHINCHOKU_TRUSTED_PROXIES") {
                Some(v) => {
                    v.trim().parse::<u8>().ok().filter(|n| *n <= 10).ok_or_else(|| {
                        format!("SHINCHOKU_TRUSTED_PROXIES={v} must be a number of proxies from 0 to 10")
                    })?
                }
                None => u8::from(parse_var("SHINCHOKU_TRUST_PROXY", false)?),
            },
            forwarded_header: match var("SHINCHOKU_FORWARDED_HEADER").map(|v| v.trim().to_ascii_lowercase()).as_deref()
            {
                None | Some("x-forwarded-for") => crate::web::credentials::client::ForwardedHeader::XForwardedFor,
                Some("forwarded") => crate::web::credentials::client::ForwardedHeader::Forwarded,
                Some(other) => {
                    return Err(format!("SHINCHOKU_FORWARDED_HEADER must be x-forwarded-for or forwarded, not {other}"))
                }
            },
            cors_origins: var("SHINCHOKU_CORS_ORIGINS")
                .map(|v| v.split(',').map(|o| o.trim().to_string()).filter(|o| !o.is_empty()).collect())
                .unwrap_or_default(),
            shutdown_timeout_seconds: parse_var("SHINCHOKU_SHUTDOWN_TIMEOUT_SECONDS", 30)?,
            summary_cache: parse_var("SHINCHOKU_SUMMARY_CACHE", true)?,
            public_compute_ms: match var("SHINCHOKU_PUBLIC_COMPUTE_MS").as_deref().map(str::trim) {
                Some("off") => None,
                _ => match parse_var("SHINCHOKU_PUBLIC_COMPUTE_MS", crate::web::budget::DEFAULT_MS_PER_SECOND)? {
                    0 => {
                        return Err(
                            "SHINCHOKU_PUBLIC_COMPUTE_MS=0 is not valid: give milliseconds per second, or off".into()
                        )
                    }
                    ms => Some(ms),
                },
            },
            log_filter: var("SHINCHOKU_LOG")
                .or_else(|| std::env::var("RUST_LOG").ok().filter(|v| !v.trim().is_empty())),
            metrics_bind: var("SHINCHOKU_METRICS_BIND").filter(|v| !v.trim().is_empty()),
            deliveries: deliveries()?,
            mail: mail()?,
            due: crate::ops::due::DueSettings {
                at: match var("SHINCHOKU_NOTIFY_DUE_AT") {
                    None => crate::ops::due::DueSettings::default().at,
                    Some(v) => chrono::NaiveTime::parse_from_str(v.trim(), "%H:%M").map_err(|_| {
                        format!("SHINCHOKU_NOTIFY_DUE_AT={v} must be a time of day such as 08:00 (Japan time)")
                    })?,
                },
                within_days: match parse_var("SHINCHOKU_REMINDER_DAYS", 7i64)? {
                    n @ 0..=90 => n,
                    _ => return Err("SHINCHOKU_REMINDER_DAYS must be from 0 to 90".into()),
                },
            },
            bootstrap_admin: match (var("SHINCHOKU_BOOTSTRAP_ADMIN_LOGIN"), var("SHINCHOKU_BOOTSTRAP_ADMIN_PASSWORD")) {
                (Some(login), Some(password)) => Some((login, password)),
                (None, None) => None,
                _ => {
                    return Err(
                        "set both SHINCHOKU_BOOTSTRAP_ADMIN_LOGIN and SHINCHOKU_BOOTSTRAP_ADMIN_PASSWORD, or neither"
                            .into(),
                    )
                }
            },
        })
    }

    /// Authentication settings. Outside demo mode a missing or weak signing secret stops the
    /// service; demo mode uses the configured secret or a random one.
    pub fn auth(&self, demo: bool) -> Result<crate::web::credentials::AuthConfig, String> {
        let secret = match &self.jwt_secret {
            Some(secret) => {
                check_secret(secret)?;
                secret.as_bytes().to_vec()
            }
            None if demo => crate::web::credentials::secret::generate("").into_bytes(),
            None => {
                return Err("SHINCHOKU_JWT_SECRET is not set: give at least 32 bytes of random text \
                            (for example the output of `openssl rand -base64 48`)"
                    .into())
            }
        };
        let algorithm = crate::web::credentials::jwt::parse_algorithm(&self.jwt_algorithm)?;
        if self.access_token_ttl < 30 || self.refresh_token_ttl < self.access_token_ttl {
            return Err("token lifetimes: access ≥ 30 s and refresh ≥ access".into());
        }
        Ok(crate::web::credentials::AuthConfig {
            keys: crate::web::credentials::jwt::Keys::hmac(
                algorithm,
                &secret,
                &self.jwt_issuer,
                &self.jwt_audience,
                self.access_token_ttl,
            ),
            refresh_ttl_seconds: self.refresh_token_ttl,
            throttle: self.login_limits,
            proxies: crate::web::credentials::client::ProxyTrust {
                hops: self.trusted_proxies,
                header: self.forwarded_header,
            },
        })
    }

    /// The address to listen on, parsed (`host:port`, names resolved) before anything else starts.
    pub fn bind_addresses(&self) -> Result<Vec<std::net::SocketAddr>, String> {
        use std::net::ToSocketAddrs;
        let invalid = |why: String| {
            format!("SHINCHOKU_BIND={} is not a listen address ({why}); write HOST:PORT, e.g. 127.0.0.1:8080 or 0.0.0.0:8080", self.bind)
        };
        let addresses: Vec<_> = self.bind.to_socket_addrs().map_err(|e| invalid(e.to_string()))?.collect();
        if addresses.is_empty() {
            return Err(invalid("the name resolves to no address".into()));
        }
        Ok(addresses)
    }

    /// Creates the directory of the SQLite file (the path itself, never the URL's text) and
    /// checks that the service can write there, naming the path when it cannot.
    pub fn prepare_data_dir(&self) -> Result<(), String> {
        let (backend, target) = crate::db::parse_url(&self.database_url)?;
        if backend != crate::db::Backend::Sqlite {
            return Ok(());
        }
        let file = std::path::Path::new(&target);
        let dir = match file.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create data directory {}: {e}", dir.display()))?;
        // SQLite writes its journal files beside the database: the directory must be writable.
        let probe = dir.join(format!(".shinchoku-write-check-{}", std::process::id()));
        std::fs::File::create(&probe)
            .and_then(|_| std::fs::remove_file(&probe))
            .map_err(|e| format!("data directory {} is not writable: {e}", dir.display()))?;
        if file.exists() {
            std::fs::OpenOptions::new()
                .append(true)
                .open(file)
                .map_err(|e| format!("database file {} is not writable: {e}", file.display()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_files_are_key_value_lines() {
        let parsed =
            parse_settings("# comment\n\nSHINCHOKU_BIND = 0.0.0.0:8080\nSHINCHOKU_JWT_SECRET=\"a b c\"\n").unwrap();
        assert_eq!(parsed["SHINCHOKU_BIND"], "0.0.0.0:8080");
        assert_eq!(parsed["SHINCHOKU_JWT_SECRET"], "a b c");
        assert!(parse_settings("NOT A SETTING").is_err());
    }

    #[test]
    fn misspelt_settings_are_refused_with_the_nearest_name() {
        assert!(check_names(["SHINCHOKU_BIND", "SHINCHOKU_URL", "PATH", "DATABASE_URL"]).is_ok());
        let e = check_names(["SHINCHOKU_BIDN"]).unwrap_err();
        assert!(e.contains("SHINCHOKU_BIDN") && e.contains("SHINCHOKU_BIND"), "{e}");
        let e = check_names(["SHINCHOKU_JWT_SECRT"]).unwrap_err();
        assert!(e.contains("SHINCHOKU_JWT_SECRET"), "{e}");
    }

    #[test]
    fn database_urls_name_a_known_backend_or_a_path() {
        use crate::db::{parse_url, Backend};
        assert_eq!(parse_url("postgres://u@h/db").unwrap().0, Backend::Postgres);
        assert_eq!(parse_url("postgresql://u@h/db").unwrap().0, Backend::Postgres);
        assert_eq!(parse_url("sqlite://newdir/x.db").unwrap(), (Backend::Sqlite, "newdir/x.db".into()));
        assert_eq!(parse_url("sqlite:x.db").unwrap(), (Backend::Sqlite, "x.db".into()));
        assert_eq!(parse_url("sqlite:///var/lib/x.db").unwrap(), (Backend::Sqlite, "/var/lib/x.db".into()));
        assert_eq!(parse_url("./data/x.sqlite3").unwrap(), (Backend::Sqlite, "./data/x.sqlite3".into()));
        assert_eq!(parse_url("C:\\data\\x.db").unwrap().0, Backend::Sqlite);
        for bad in ["mysql://u@h/db", "mariadb://h/db", "postgre://h/db", "sqlite:", "redis:x"] {
            assert!(parse_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn weak_secrets_are_refused() {
        assert!(check_secret("short").is_err());
        assert!(check_secret(&"a".repeat(64)).is_err());
        assert!(check_secret("Zq3v9LrT0pXw6sYb2nHc8mKd4fGj1aUe7").is_ok());
    }
}
