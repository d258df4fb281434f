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
    /// `SHINCHOKU_DB_POOL_SIZE`, default 8.
    pub pool_size: u32,
    /// `SHINCHOKU_MAX_BODY_BYTES`, default 1 MiB.
    pub max_body_bytes: usize,
    /// `SHINCHOKU_MAX_BUNDLE_BYTES`, default 32 MiB.
    pub max_bundle_bytes: usize,
    /// `SHINCHOKU_WORKERS`, default the number of CPUs.
    pub workers: Option<usize>,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn parse_var<T: std::str::FromStr>(name: &str, default: T) -> Result<T, String> {
    match var(name) {
        None => Ok(default),
        Some(v) => v.trim().parse().map_err(|_| format!("{name}={v} is not valid")),
    }
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let data_dir = PathBuf::from(var("SHINCHOKU_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url =
            var("DATABASE_URL").unwrap_or_else(|| data_dir.join("shinchoku.sqlite3").to_string_lossy().into_owned());
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
        })
    }

    /// Creates the data directory when the database is the embedded SQLite file.
    pub fn prepare_data_dir(&self) -> Result<(), String> {
        if crate::db::Backend::from_url(&self.database_url) == crate::db::Backend::Sqlite {
            if let Some(parent) = std::path::Path::new(&self.database_url).parent() {
                if !parent.as_os_str().is_empty() {
                    std::fs::create_dir_all(parent)
                        .map_err(|e| format!("cannot create data directory {}: {e}", parent.display()))?;
                }
            }
        }
        Ok(())
    }
}
