//! The performance harness: figures, never a pass/fail. Run it with
//!
//!     cargo bench --bench load
//!
//! For SQLite and for PostgreSQL (when reachable) it builds a synthetic plan in a fresh
//! database (`shinchoku synth`'s generator), times the summary's queries run directly against
//! the database (the floor), starts the release server twice on that database (summary cache
//! on, and off for the uncached figures), drives concurrent HTTP load at `/healthz` (the floor),
//! the uncached summary, the cached public summary, a list page and a timeline, and prints a
//! table (req/s, p50, p99, peak RSS of the server). Then it measures how the summary's cost grows
//! with the number of annual reports. Everything is also written to `target/bench/load.json`.
//!
//! Environment: BENCH_INITIATIVES (2000), BENCH_YEARS (5), BENCH_SECONDS per scenario (5),
//! BENCH_CONCURRENCY (16), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres; `none`
//! skips PostgreSQL), BENCH_SCALING (`1k,10k,100k`; empty skips it).

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use serde_json::{json, Value};
use shinchoku::db;
use shinchoku::models::plans;
use shinchoku::ops::synth::{self, Shape};
use shinchoku::resources::summaries::{self, RatingSource, SummaryRequest};
use shinchoku::web::policy::SummarySight;

const LAST_FY: i32 = 2024;
const ADMIN: (&str, &str) = ("bench-admin", "bench-admin-password-2026");

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A fresh database: (URL, what to drop afterwards).
enum Fresh {
    Sqlite(std::path::PathBuf),
    Pg { admin: String, name: String },
}

fn fresh(backend: &str, pg_url: &str) -> (String, Fresh) {
    let tag = uuid::Uuid::new_v4().simple().to_string();
    if backend == "sqlite" {
        let dir = std::env::temp_dir().join(format!("shinchoku-bench-{tag}"));
        std::fs::create_dir_all(&dir).unwrap();
        (dir.join("bench.sqlite3").to_string_lossy().into_owned(), Fresh::Sqlite(dir))
    } else {
        let name = format!("shinchoku_bench_{tag}");
        let mut admin = diesel::PgConnection::establish(pg_url).expect("connect to BENCH_PG_URL");
        diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin).unwrap();
        let (prefix, _) = pg_url.rsplit_once('/').unwrap();
        (format!("{prefix}/{name}"), Fresh::Pg { admin: pg_url.to_string(), name })
    }
}

impl Drop for Fresh {
    fn drop(&mut self) {
        match self {
            Fresh::Sqlite(dir) => drop(std::fs::remove_dir_all(dir)),
            Fresh::Pg { admin, name } => {
                if let Ok(mut c) = diesel::PgConnection::establish(admin) {
                    let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut c);
                }
            }
        }
    }
}

/// Builds the synthetic plan; returns (plan id, an initiative id, seconds, annual reports).
fn load_data(url: &str, shape: Shape) -> (uuid::Uuid, uuid::Uuid, f64, usize) {
    let pool = db::connect(url, 2).expect("open database");
    let mut conn = pool.get().unwrap();
    shinchoku::ops::migrate::run(&mut conn).expect("migrate");
    let started = Instant::now();
    let (plan, counts) = synth::generate(&mut conn, shape).expect("synth");
    let seconds = started.elapsed().as_secs_f64();
    // What autovacuum does a little after a bulk load: the visibility map lets PostgreSQL answer
    // from the covering indexes alone.
    if let db::DbConnection::Pg(c) = &mut *conn {
        use diesel::connection::SimpleConnection;
        c.batch_execute("VACUUM ANALYZE").expect("vacuum");
    }
    use shinchoku::db::schema::initiatives;
    let initiative: db::DbUuid = initiatives::table
        .filter(initiatives::plan_id.eq(plan.id))
        .order(initiatives::code_sort)
        .select(initiatives::id)
        .first(&mut conn)
        .unwrap();
    (plan.id.0, initiative.0, seconds, counts.annual_reports)
}

fn summary_request(group_by: Option<summaries::GroupBy>) -> SummaryRequest {
    SummaryRequest { fiscal_year: LAST_FY, group_by, level: 1, rating: RatingSource::SelfRating, states: vec![] }
}

/// Mean and p50 milliseconds of the summary computed in-process on one connection: the
/// database's floor for the endpoint (its queries plus adding up their few rows).
fn raw_summary_ms(url: &str, plan: uuid::Uuid, sight: &SummarySight, runs: usize) -> (f64, f64) {
    let pool = db::connect(url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    let plan = plans::load(&mut conn, plan).unwrap();
    let req = summary_request(None);
    summaries::plan_summary(&mut conn, &plan, &req, sight).unwrap(); // warm the page cache
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            summaries::plan_summary(&mut conn, &plan, &req, sight).unwrap();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times.iter().sum::<f64>() / runs as f64, times[runs / 2])
}

/// The department responsible for the most initiatives, and how many of them have a report in
/// draft or returned in the summary's year: a department's read adds what those hold, from
/// their stored facts (docs/summaries.md, "Kept counts").
fn busiest_department(url: &str) -> (uuid::Uuid, i64) {
    #[derive(QueryableByName)]
    struct Busiest {
        #[diesel(sql_type = db::portable_uuid::PortableUuid)]
        department_id: db::DbUuid,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        hidden: i64,
    }
    let pool = db::connect(url, 1).unwrap();
    let busiest: Busiest = diesel::sql_query(format!(
        "SELECT d.department_id, SUM(CASE WHEN r.workflow_state IN ('draft', 'returned') THEN 1 ELSE 0 END) AS hidden \
         FROM initiative_departments d LEFT JOIN annual_reports r ON r.initiative_id = d.initiative_id \
         AND r.fiscal_year = {LAST_FY} GROUP BY d.department_id ORDER BY COUNT(*) DESC, d.department_id LIMIT 1"
    ))
    .get_result(&mut *pool.get().unwrap())
    .unwrap();
    (busiest.department_id.0, busiest.hidden)
}

/// The trend over every year (all the plan's reports) in-process: milliseconds.
fn raw_trend_ms(url: &str, plan: uuid::Uuid, runs: usize) -> f64 {
    let pool = db::connect(url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    let plan = plans::load(&mut conn, plan).unwrap();
    let range = (plan.start_fy, plan.end_fy);
    let run = |conn: &mut db::DbConnection| {
        summaries::plan_trend(conn, &plan, range, RatingSource::SelfRating, &[], &SummarySight::Published).unwrap()
    };
    run(&mut conn);
    let t = Instant::now();
    for _ in 0..runs {
        run(&mut conn);
    }
    t.elapsed().as_secs_f64() * 1000.0 / runs as f64
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(url: &str, data_dir: &std::path::Path, cache: bool) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(env!("CARGO_BIN_EXE_shinchoku"))
            .arg("serve")
            .env("DATABASE_URL", url)
            .env("SHINCHOKU_DATA_DIR", data_dir)
            .env("SHINCHOKU_BIND", format!("127.0.0.1:{port}"))
            .env("SHINCHOKU_JWT_SECRET", "bench-secret-bench-secret-bench-secret-0123456789")
            .env("SHINCHOKU_BOOTSTRAP_ADMIN_LOGIN", ADMIN.0)
            .env("SHINCHOKU_BOOTSTRAP_ADMIN_PASSWORD", ADMIN.1)
            .env("SHINCHOKU_SUMMARY_CACHE", cache.to_string())
            // The harness measures what the service can compute, not what one address may ask.
            .env("SHINCHOKU_PUBLIC_COMPUTE_MS", "off")
            .env("SHINCHOKU_DB_POOL_SIZE", "16")
            .env("RUST_LOG", "error")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the server");
        let base = format!("http://127.0.0.1:{port}");
        let mut server = Server { child, base };
        for _ in 0..300 {
            if ureq::get(&format!("{}/readyz", server.base)).call().is_ok() {
                return server;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut err = String::new();
        server.child.stderr.take().unwrap().read_to_string(&mut err).ok();
        panic!("the server did not become ready: {err}");
    }

    /// Peak resident memory so far (VmHWM), in MiB.
    fn peak_rss_mib(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    }

    fn token(&self) -> String {
        let r: Value = ureq::post(&format!("{}/api/v1/auth/token", self.base))
            .send_json(json!({"login": ADMIN.0, "password": ADMIN.1}))
            .expect("sign in")
            .into_json()
            .unwrap();
        r["access_token"].as_str().unwrap().to_string()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug, Clone, serde::Serialize)]
struct Figures {
    backend: String,
    scenario: String,
    concurrency: usize,
    requests: usize,
    errors: usize,
    req_per_s: f64,
    p50_ms: f64,
    p99_ms: f64,
    peak_rss_mib: f64,
}

/// `concurrency` clients with keep-alive connections request `path` for `seconds`.
fn drive(
    server: &Server,
    backend: &str,
    scenario: &str,
    path: &str,
    token: Option<&str>,
    concurrency: usize,
    seconds: f64,
) -> Figures {
    let url = format!("{}{path}", server.base);
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let results: Vec<(Vec<f64>, usize)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..concurrency)
            .map(|_| {
                let url = url.clone();
                s.spawn(move || {
                    let agent = ureq::AgentBuilder::new().max_idle_connections_per_host(1).build();
                    let (mut times, mut errors) = (Vec::new(), 0usize);
                    while Instant::now() < deadline {
                        let mut req = agent.get(&url);
                        if let Some(t) = token {
                            req = req.set("Authorization", &format!("Bearer {t}"));
                        }
                        let t = Instant::now();
                        match req.call() {
                            Ok(r) => {
                                let _ = r.into_string();
                                times.push(t.elapsed().as_secs_f64() * 1000.0);
                            }
                            Err(_) => errors += 1,
                        }
                    }
                    (times, errors)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let errors = results.iter().map(|r| r.1).sum();
    let mut times: Vec<f64> = results.into_iter().flat_map(|r| r.0).collect();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times.get(((times.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(f64::NAN);
    Figures {
        backend: backend.into(),
        scenario: scenario.into(),
        concurrency,
        requests: times.len(),
        errors,
        req_per_s: times.len() as f64 / elapsed,
        p50_ms: at(0.5),
        p99_ms: at(0.99),
        peak_rss_mib: server.peak_rss_mib(),
    }
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is taken from the command line.
    let initiatives: usize = env_or("BENCH_INITIATIVES", 2000);
    let years: usize = env_or("BENCH_YEARS", 5);
    let seconds: f64 = env_or("BENCH_SECONDS", 5.0);
    let concurrency: usize = env_or("BENCH_CONCURRENCY", 16);
    let pg_url = std::env::var("BENCH_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let pg = pg_url != "none" && diesel::PgConnection::establish(&pg_url).is_ok();
    let backends: Vec<&str> = if pg { vec!["sqlite", "postgresql"] } else { vec!["sqlite"] };
    if !pg {
        eprintln!("PostgreSQL at {pg_url} is not reachable: SQLite only");
    }
    let mut figures = Vec::new();
    let mut floors = Vec::new();
    for backend in &backends {
        let (url, guard) = fresh(backend, &pg_url);
        let shape = Shape { initiatives, years, last_fy: LAST_FY, seed: 2026 };
        let (plan, initiative, load_s, reports) = load_data(&url, shape);
        eprintln!(
            "{backend}: {initiatives} initiatives × {years} FYs ({reports} annual reports) built in {load_s:.1} s"
        );
        let (raw_mean, raw_p50) = raw_summary_ms(&url, plan, &SummarySight::Published, 50);
        let (raw_all_mean, _) = raw_summary_ms(&url, plan, &SummarySight::All, 50);
        floors.push(json!({"backend": backend, "annual_reports": reports, "load_seconds": load_s,
                           "raw_public_summary_ms": {"mean": raw_mean, "p50": raw_p50},
                           "raw_internal_summary_ms": raw_all_mean}));
        let data_dir = std::env::temp_dir().join(format!("shinchoku-bench-data-{}", uuid::Uuid::new_v4().simple()));
        let cached = Server::start(&url, &data_dir, true);
        let uncached = Server::start(&url, &data_dir, false);
        let token = cached.token();
        let summary = format!("/api/v1/public/plans/{plan}/summary?fiscal_year={LAST_FY}");
        let scenarios: [(&Server, &str, String, Option<&str>, usize); 7] = [
            (&cached, "/healthz", "/healthz".into(), None, concurrency),
            (&uncached, "summary, uncached", summary.clone(), None, concurrency),
            (&uncached, "summary, uncached, 1 client", summary.clone(), None, 1),
            (&uncached, "summary by node, uncached", format!("{summary}&group_by=node"), None, concurrency),
            (&cached, "public summary, cached", summary.clone(), None, concurrency),
            (
                &cached,
                "list page (50 initiatives)",
                format!("/api/v1/plans/{plan}/initiatives?limit=50"),
                Some(&token),
                concurrency,
            ),
            (&cached, "timeline", format!("/api/v1/initiatives/{initiative}/timeline"), Some(&token), concurrency),
        ];
        for (server, name, path, token, c) in scenarios {
            let f = drive(server, backend, name, &path, token, c, seconds);
            eprintln!("  {name}: {:.0} req/s", f.req_per_s);
            figures.push(f);
        }
        drop((cached, uncached));
        let _ = std::fs::remove_dir_all(&data_dir);
        drop(guard);
    }

    // How the summary's cost grows with the number of annual reports.
    let mut scaling = Vec::new();
    let sizes = std::env::var("BENCH_SCALING").unwrap_or_else(|_| "1k,10k,100k".into());
    for size in sizes.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let (initiatives, years) = match size {
            "1k" => (200, 5),
            "10k" => (2000, 5),
            "100k" => (10_000, 10),
            other => panic!("BENCH_SCALING: unknown size {other} (1k, 10k, 100k)"),
        };
        for backend in &backends {
            let (url, guard) = fresh(backend, &pg_url);
            let shape = Shape { initiatives, years, last_fy: LAST_FY, seed: 2026 };
            let (plan, _, load_s, reports) = load_data(&url, shape);
            let runs = if reports > 50_000 { 10 } else { 30 };
            let (summary_ms, _) = raw_summary_ms(&url, plan, &SummarySight::All, runs);
            let trend_ms = raw_trend_ms(&url, plan, runs);
            let (department, hidden) = busiest_department(&url);
            let (department_ms, _) = raw_summary_ms(&url, plan, &SummarySight::HandedInOr(vec![department]), runs);
            eprintln!(
                "  scaling {backend} {reports} reports: summary {summary_ms:.1} ms, trend {trend_ms:.1} ms, \
                 a department's summary {department_ms:.1} ms ({hidden} of its reports not handed in)"
            );
            scaling.push(json!({"backend": backend, "annual_reports": reports, "initiatives": initiatives,
                                "years": years, "load_seconds": load_s,
                                "summary_one_fy_ms": summary_ms, "trend_all_fys_ms": trend_ms,
                                "department_summary_ms": department_ms, "department_not_handed_in": hidden}));
            drop(guard);
        }
    }

    println!(
        "\nShinchoku load figures: {initiatives} initiatives × {years} FYs, {concurrency} clients, {seconds} s each"
    );
    println!(
        "(client and server share this machine's {} cores)\n",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!("| backend | scenario | clients | req/s | p50 ms | p99 ms | peak RSS MiB | errors |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for f in &figures {
        println!(
            "| {} | {} | {} | {:.0} | {:.2} | {:.2} | {:.0} | {} |",
            f.backend, f.scenario, f.concurrency, f.req_per_s, f.p50_ms, f.p99_ms, f.peak_rss_mib, f.errors
        );
    }
    println!("\n| backend | annual reports | summary queries in-process: public mean / p50 ms | internal mean ms |");
    println!("|---|---:|---:|---:|");
    for f in &floors {
        println!(
            "| {} | {} | {:.2} / {:.2} | {:.2} |",
            f["backend"].as_str().unwrap(),
            f["annual_reports"],
            f["raw_public_summary_ms"]["mean"].as_f64().unwrap(),
            f["raw_public_summary_ms"]["p50"].as_f64().unwrap(),
            f["raw_internal_summary_ms"].as_f64().unwrap()
        );
    }
    if !scaling.is_empty() {
        println!(
            "\n| backend | annual reports | summary, one FY ms | trend, every FY ms | a department's summary ms (its reports not handed in) |"
        );
        println!("|---|---:|---:|---:|---:|");
        for s in &scaling {
            println!(
                "| {} | {} | {:.2} | {:.2} | {:.2} ({}) |",
                s["backend"].as_str().unwrap(),
                s["annual_reports"],
                s["summary_one_fy_ms"].as_f64().unwrap(),
                s["trend_all_fys_ms"].as_f64().unwrap(),
                s["department_summary_ms"].as_f64().unwrap(),
                s["department_not_handed_in"]
            );
        }
    }
    let out = json!({"initiatives": initiatives, "years": years, "concurrency": concurrency, "seconds": seconds,
                     "http": figures, "raw_sql": floors, "scaling": scaling});
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("load.json"), serde_json::to_string_pretty(&out).unwrap()).unwrap();
    println!("\nwritten: target/bench/load.json");
}
