//! The `shinchoku` command: `serve [--demo]`, `migrate`, `disable-demo-users`, `openapi`.

use std::net::TcpListener;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use shinchoku::app::ServerSettings;
use shinchoku::models::audit::Actor;
use shinchoku::ops::config::Config;
use shinchoku::ops::demo;
use shinchoku::resources::users::{self, UserInput};
use shinchoku::web::auth::Role;
use shinchoku::web::http::BodyLimits;
use shinchoku::web::state::AppState;
use shinchoku::{app, db};

mod commands;

/// See Cargo.toml: the service allocates much and small.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use commands::{
    check_summaries, deliver, notify_due, open_database, plans_command, report, sheet, CliError, SheetCommand,
};

/// Progress management API for municipal multi-year plans (地域福祉計画の進行管理).
#[derive(Debug, Parser)]
#[command(
    name = "shinchoku",
    version,
    about,
    after_help = "Configuration comes from environment variables (SHINCHOKU_BIND, SHINCHOKU_DATA_DIR, \
                  DATABASE_URL, SHINCHOKU_JWT_SECRET, SHINCHOKU_LOG_FORMAT, …) or a KEY=VALUE file named by \
                  SHINCHOKU_CONFIG_FILE; README.md lists them all."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the API server (migrates the database first)
    #[command(after_help = "Listens on SHINCHOKU_BIND (default 127.0.0.1:8080). The whole configuration is \
                             checked (listen address free, data directory writable, signing secret) before \
                             the database is touched.")]
    Serve {
        /// Use the embedded SQLite database with the two demo plans and one demo user per role
        /// (their passwords are published: never for real data)
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit
    Migrate,
    /// Deactivate the users `serve --demo` created (their passwords are published)
    DisableDemoUsers,
    /// Print the OpenAPI document to stdout
    Openapi,
    /// Write a consistent copy of the SQLite database while the service runs (PostgreSQL: says to use pg_dump)
    Backup {
        /// The new file to write
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Replace the SQLite database with a backup (stop the service first)
    Restore {
        /// The backup to restore
        #[arg(long)]
        from: std::path::PathBuf,
        /// Replace a database that already holds plans or users
        #[arg(long)]
        force: bool,
    },
    /// Exit 0 when the local server answers GET /healthz with 200, 1 otherwise (the container's
    /// HEALTHCHECK; needs no curl)
    Healthcheck,
    /// The progress sheet offline, against the database, for the secretariat (as admin)
    Sheet {
        #[command(subcommand)]
        action: SheetCommand,
    },
    /// Write the committee packet (進行管理シート for the meeting) of a plan and fiscal year to an .xlsx file
    #[command(after_help = "The same workbook as GET /api/v1/plans/{plan_id}/progress-report: a cover with \
                             the year's counts and the legend, then the layout, A4 at 100 % with 10 pt text. \
                             Reports not handed in show as 未提出.")]
    Report {
        /// The plan: its id, or its title (or a part of it naming one plan); `shinchoku plans` lists them
        #[arg(long)]
        plan: String,
        /// The fiscal year: 2022, R4, 令和4年度
        #[arg(long)]
        fiscal_year: String,
        /// The file to write (.xlsx)
        #[arg(long)]
        out: std::path::PathBuf,
        /// node_table, per_initiative or quarterly (default: quarterly for plans that report
        /// quarterly, else node_table)
        #[arg(long)]
        layout: Option<String>,
    },
    /// List the plans of the database: id, title, period
    Plans,
    /// Recount every plan's summary counts from the rows and compare them with the kept ones;
    /// exit 1 when they differ (or repair them)
    #[command(after_help = "The kept counts change with every write made through the service, in its \
                             transaction. Writes made outside it (SQL, a restored copy) are counted by the \
                             service within a second; this command checks the whole installation at once. \
                             Plans are locked while it runs, so writers wait.")]
    CheckSummaries {
        /// Replace what differs with the recount
        #[arg(long)]
        repair: bool,
    },
    /// Send the webhook deliveries that are due now, then exit (what `serve` does continuously)
    #[command(
        after_help = "Safe beside running servers: each delivery is claimed by one sender.                              Prints how many were sent, will be retried, and failed for good."
    )]
    Deliver,
    /// Run the due-date pass: reports and quarters due soon or overdue become events, once each
    #[command(after_help = "What `serve` runs each day at SHINCHOKU_NOTIFY_DUE_AT (Japan time). Items told \
                             of before are not told again, so running it twice, or beside servers, is safe.")]
    NotifyDue {
        /// The day to run it for (YYYY-MM-DD; default today in Japan)
        #[arg(long)]
        date: Option<String>,
    },
    /// Add a synthetic plan of the given size to the database (for the performance harness)
    #[command(after_help = "A three-level hierarchy, 10 % cross-listed initiatives, 1–3 departments each, \
                             0–2 indicators each, and for every fiscal year a report (all states in the \
                             last year) with four quarters and indicator values. Deterministic per seed.")]
    Synth {
        /// Number of initiatives
        #[arg(long, default_value_t = 2000)]
        initiatives: usize,
        /// Number of fiscal years with reports
        #[arg(long, default_value_t = 5)]
        years: usize,
        /// The last of those fiscal years
        #[arg(long, default_value_t = 2024)]
        last_fy: i32,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
}

/// Creates the configured admin when no user has that login.
fn bootstrap_admin(config: &Config, pool: &db::Pool) -> Result<(), String> {
    let Some((login, password)) = &config.bootstrap_admin else { return Ok(()) };
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    if users::exists(&mut conn, login).map_err(|e| e.to_string())? {
        return Ok(());
    }
    let input = UserInput {
        login: login.clone(),
        display_name: "Administrator".into(),
        password: password.clone(),
        role: Role::Admin,
        department_ids: Vec::new(),
        email: None,
        email_reminders: true,
    };
    db::write_transaction(&mut conn, |conn| users::create(conn, &Actor::default(), &input))
        .map_err(|e| format!("bootstrap admin {login}: {e}"))?;
    tracing::info!(%login, "bootstrap admin created");
    Ok(())
}

fn disable_demo_users(config: &Config) -> Result<(), String> {
    let pool = open_database(config)?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let disabled = demo::disable_users(&mut conn).map_err(|e| e.to_string())?;
    if disabled.is_empty() {
        println!("no active demo users");
    } else {
        println!("deactivated demo users: {}", disabled.join(", "));
    }
    Ok(())
}

/// Waits for SIGTERM or SIGINT; returns which.
async fn wait_for_stop_signal(term: &mut actix_web::rt::signal::unix::Signal) -> &'static str {
    let interrupt = actix_web::rt::signal::ctrl_c();
    futures_util::pin_mut!(interrupt);
    match futures_util::future::select(Box::pin(term.recv()), interrupt).await {
        futures_util::future::Either::Left(_) => "SIGTERM",
        futures_util::future::Either::Right(_) => "SIGINT",
    }
}

/// `GET /healthz` on the configured listen address (a wildcard address is asked on loopback).
fn healthcheck(config: &Config) -> Result<(), String> {
    use std::io::{Read, Write};
    let mut address = config.bind_addresses()?.into_iter().next().ok_or("SHINCHOKU_BIND names no address")?;
    if address.ip().is_unspecified() {
        address.set_ip(if address.is_ipv4() { [127, 0, 0, 1].into() } else { std::net::Ipv6Addr::LOCALHOST.into() });
    }
    let timeout = std::time::Duration::from_secs(3);
    let mut stream = std::net::TcpStream::connect_timeout(&address, timeout).map_err(|e| format!("{address}: {e}"))?;
    stream.set_read_timeout(Some(timeout)).map_err(|e| e.to_string())?;
    write!(stream, "GET /healthz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n")
        .map_err(|e| e.to_string())?;
    let mut response = String::new();
    stream.read_to_string(&mut response).map_err(|e| e.to_string())?;
    let status = response.lines().next().unwrap_or_default();
    if status.split_whitespace().nth(1) == Some("200") {
        Ok(())
    } else {
        Err(format!("{address} answered {status:?}"))
    }
}

fn synth(config: &Config, shape: shinchoku::ops::synth::Shape) -> Result<(), String> {
    if shape.initiatives == 0 || shape.initiatives > 10_000 || shape.years == 0 || shape.years > 20 {
        return Err("--initiatives must be 1–10000 and --years 1–20".into());
    }
    let pool = open_database(config)?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let (plan, counts) = shinchoku::ops::synth::generate(&mut conn, shape).map_err(|e| e.to_string())?;
    println!(
        "{}",
        serde_json::json!({"plan_id": plan.id.0, "initiatives": counts.initiatives, "annual_reports": counts.annual_reports,
                           "quarter_updates": counts.quarter_updates, "indicator_values": counts.indicator_values,
                           "seconds": started.elapsed().as_secs_f64()})
    );
    Ok(())
}

fn serve(config: Config, demo_mode: bool) -> Result<(), CliError> {
    // Everything that can be wrong with the configuration is found before the database is touched.
    let auth = config.auth(demo_mode).map_err(CliError::Config)?;
    let addresses = config.bind_addresses().map_err(CliError::Config)?;
    let listener = TcpListener::bind(addresses.as_slice()).map_err(|e| {
        CliError::Config(match e.kind() {
            std::io::ErrorKind::AddrInUse => {
                format!("cannot listen on {}: the port is in use (set SHINCHOKU_BIND to another address)", config.bind)
            }
            _ => format!("cannot listen on {}: {e}", config.bind),
        })
    })?;
    config.prepare_data_dir().map_err(CliError::Config)?;
    let pool = open_database(&config)?;
    bootstrap_admin(&config, &pool)?;
    if demo_mode {
        let mut conn = pool.get().map_err(|e| e.to_string())?;
        let imported = demo::load_if_empty(&mut conn).map_err(|e| format!("demo data: {e}"))?;
        if imported > 0 {
            tracing::info!(imported, "demo plans imported");
        }
        demo::ensure_users(&mut conn).map_err(|e| format!("demo users: {e}"))?;
    } else {
        // The demo's passwords are in the README: such accounts must not serve real data.
        let mut conn = pool.get().map_err(|e| e.to_string())?;
        let exposed = demo::users_with_published_passwords(&mut conn).map_err(|e| format!("demo users: {e}"))?;
        if !exposed.is_empty() {
            return Err(CliError::Config(format!(
                "this database has active demo users with the passwords published in the README ({}); \
                 refusing to serve without --demo. Run `shinchoku disable-demo-users` to deactivate them \
                 (and set SHINCHOKU_BOOTSTRAP_ADMIN_LOGIN/_PASSWORD for a real admin), or start with `serve --demo`",
                exposed.join(", ")
            )));
        }
    }
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let limits = BodyLimits { json: config.max_body_bytes, bundle: config.max_bundle_bytes };
    let backend = db::Backend::from_url(&config.database_url);
    tracing::info!(%address, ?backend, "listening");
    if demo_mode {
        println!("Shinchoku is running with demo data.");
        println!("  API docs:  http://{address}/docs/");
        println!("  Sign in:   POST http://{address}/api/v1/auth/token");
        println!("Demo users (demo only — never use these passwords elsewhere):");
        for (login, password, role, department, _) in demo::USERS {
            println!("  {login:<8} {password:<26} {:<10} {}", role.as_str(), department.unwrap_or(""));
        }
    }
    let mut state = AppState::new(pool, auth);
    state.summaries = std::sync::Arc::new(shinchoku::web::cache::SummaryCache::new(config.summary_cache));
    state.public_budget = std::sync::Arc::new(shinchoku::web::budget::ComputeBudget::new(config.public_compute_ms));
    state.watch_changes(&config.database_url);
    state.deliveries = std::sync::Arc::new(config.deliveries.clone());
    // Webhooks queued by this or any other instance are sent from here (several instances share
    // the work: each delivery is claimed by one).
    let _deliveries = shinchoku::ops::delivery::Deliverer::new(state.pool.clone(), config.deliveries.clone()).spawn();
    let _due = shinchoku::ops::due::spawn_daily(state.pool.clone(), config.due);
    let _mail = shinchoku::ops::mail::Mailer::new(state.pool.clone(), config.mail.clone()).spawn();
    if config.mail.smtp.is_none() {
        tracing::info!("mail is off (SHINCHOKU_SMTP_URL is not set)");
    }
    let settings = ServerSettings {
        limits,
        workers: config.workers,
        cors_origins: config.cors_origins.clone(),
        shutdown_timeout_seconds: config.shutdown_timeout_seconds,
    };
    let metrics_listener = match &config.metrics_bind {
        Some(bind) => Some(
            TcpListener::bind(bind.as_str())
                .map_err(|e| format!("cannot listen on SHINCHOKU_METRICS_BIND={bind}: {e}"))?,
        ),
        None => None,
    };
    let pool = state.pool.clone();
    actix_web::rt::System::new()
        .block_on(async move {
            let timeout = settings.shutdown_timeout_seconds;
            let server = app::server(state, settings, listener)?;
            let api = server.handle();
            let metrics = match metrics_listener {
                Some(listener) => {
                    tracing::info!(address = ?listener.local_addr().ok(), "metrics at /metrics");
                    let metrics = app::metrics_server(pool, listener)?;
                    let handle = metrics.handle();
                    actix_web::rt::spawn(metrics);
                    Some(handle)
                }
                None => None,
            };
            // SIGTERM or SIGINT: stop accepting, let the requests in flight finish (up to the
            // shutdown timeout), then stop the metrics listener.
            actix_web::rt::spawn(async move {
                use actix_web::rt::signal::unix::{signal, SignalKind};
                let Ok(mut term) = signal(SignalKind::terminate()) else { return };
                let name = wait_for_stop_signal(&mut term).await;
                tracing::info!(
                    signal = name,
                    timeout_seconds = timeout,
                    "stopping: no new connections; requests in flight may finish"
                );
                api.stop(true).await;
                if let Some(metrics) = metrics {
                    metrics.stop(true).await;
                }
            });
            server.await
        })
        .map_err(|e| e.to_string())?;
    // The server returns once it stopped accepting and the requests in flight finished (or the
    // shutdown timeout passed); its state, with the database pool, is dropped with it.
    tracing::info!("stopped: no longer accepting, requests in flight finished, database connections closed");
    Ok(())
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Openapi => {
            print!("{}", app::document_json());
            ExitCode::SUCCESS
        }
        Command::Serve { demo } => run(|config| serve(config, demo)),
        Command::Migrate => run(|config| Ok(open_database(&config).map(|_| ())?)),
        Command::DisableDemoUsers => run(|config| Ok(disable_demo_users(&config)?)),
        Command::Backup { to } => run(|config| {
            println!("{}", shinchoku::ops::backup::backup(&config.database_url, &to)?);
            Ok(())
        }),
        Command::Restore { from, force } => run(|config| {
            println!("{}", shinchoku::ops::backup::restore(&config.database_url, &from, force)?);
            Ok(())
        }),
        Command::Healthcheck => match Config::from_env() {
            Err(e) => {
                eprintln!("shinchoku: configuration error: {e}");
                ExitCode::from(2)
            }
            Ok(config) => match healthcheck(&config) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("shinchoku: unhealthy: {e}");
                    ExitCode::FAILURE
                }
            },
        },
        Command::Plans => run(|config| plans_command(&config)),
        Command::CheckSummaries { repair } => run(|config| check_summaries(&config, repair)),
        Command::Deliver => run(|config| deliver(&config)),
        Command::NotifyDue { date } => run(|config| notify_due(&config, date.as_deref())),
        Command::Sheet { action } => run(|config| sheet(&config, action)),
        Command::Report { plan, fiscal_year, out, layout } => {
            run(|config| report(&config, &plan, &fiscal_year, &out, layout.as_deref()))
        }
        Command::Synth { initiatives, years, last_fy, seed } => {
            run(|config| Ok(synth(&config, shinchoku::ops::synth::Shape { initiatives, years, last_fy, seed })?))
        }
    }
}

/// Runs a command that needs the configuration and the log: exit 2 for a configuration error,
/// 1 for a failure.
fn run(command: impl FnOnce(Config) -> Result<(), CliError>) -> ExitCode {
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("shinchoku: configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    let log = shinchoku::ops::logging::init(config.log_format, config.log_filter.as_deref());
    // Demo data, bundles and sheets are checked against the contract, which the routes define.
    app::document();
    let outcome = command(config);
    // What was logged comes out before the outcome.
    drop(log);
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Config(e)) => {
            eprintln!("shinchoku: {e}");
            ExitCode::from(2)
        }
        Err(CliError::Failed(e)) => {
            eprintln!("shinchoku: {e}");
            ExitCode::FAILURE
        }
    }
}
