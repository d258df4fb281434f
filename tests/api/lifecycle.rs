//! The process as operators run it: the `healthcheck` command a container uses, and a graceful
//! stop on SIGTERM while a slow request is in flight. These start the real binary.

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use diesel::prelude::*;

const ADMIN: (&str, &str) = ("ops-admin", "ops-admin-password-2026");

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Two free ports, never the same one: both are held while the second is chosen (two calls of
/// [`free_port`] may get the same port back, and the second listener then fails).
fn free_ports() -> (u16, u16) {
    let first = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let second = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    (first.local_addr().unwrap().port(), second.local_addr().unwrap().port())
}

/// The service as a process on a database of its own (PostgreSQL when `TEST_DATABASE_URL` is set).
pub struct Process {
    child: Child,
    dir: std::path::PathBuf,
    pub base: String,
    metrics: String,
    database_url: String,
    pg: Option<(String, String)>,
}

pub fn new_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("shinchoku-process-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Process {
    pub fn start() -> Process {
        Process::start_in(new_dir(), std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()))
    }

    /// The service on the SQLite database `dir/db.sqlite3` (or a new PostgreSQL database).
    pub fn start_in(dir: std::path::PathBuf, pg_url: Option<String>) -> Process {
        let (database_url, pg) = match pg_url {
            Some(url) => {
                let name = format!("shinchoku_test_{}", uuid::Uuid::new_v4().simple());
                let mut admin = diesel::PgConnection::establish(&url).unwrap();
                diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin).unwrap();
                let (prefix, _) = url.rsplit_once('/').unwrap();
                (format!("{prefix}/{name}"), Some((url.clone(), name)))
            }
            None => (Process::sqlite_url(&dir), None),
        };
        let (child, base, metrics) = Process::spawn(&dir, &database_url);
        let mut process = Process { child, dir, base, metrics, database_url, pg };
        process.wait_ready();
        process
    }

    /// Starts the binary on `database_url`; its log goes to `dir/log` (appended).
    fn spawn(dir: &std::path::Path, database_url: &str) -> (Child, String, String) {
        let (port, metrics_port) = free_ports();
        let log = std::fs::OpenOptions::new().create(true).append(true).open(dir.join("log")).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_shinchoku"))
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("SHINCHOKU_DATA_DIR", dir)
            .env("SHINCHOKU_BIND", format!("127.0.0.1:{port}"))
            .env("SHINCHOKU_METRICS_BIND", format!("127.0.0.1:{metrics_port}"))
            .env("SHINCHOKU_JWT_SECRET", "lifecycle-test-secret-lifecycle-test-secret-0123")
            .env("SHINCHOKU_BOOTSTRAP_ADMIN_LOGIN", ADMIN.0)
            .env("SHINCHOKU_BOOTSTRAP_ADMIN_PASSWORD", ADMIN.1)
            .env("SHINCHOKU_MAX_BUNDLE_BYTES", (64 * 1024 * 1024).to_string())
            // Webhooks to receivers on loopback, retried soon, a claim lost with its sender soon.
            .env("SHINCHOKU_WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/8")
            .env("SHINCHOKU_WEBHOOK_RETRY_SECONDS", "0.2")
            .env("SHINCHOKU_DELIVERY_LEASE_SECONDS", "2")
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start shinchoku");
        (child, format!("http://127.0.0.1:{port}"), format!("http://127.0.0.1:{metrics_port}/metrics"))
    }

    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while ureq::get(&format!("{}/readyz", self.base)).call().is_err() {
            assert!(Instant::now() < deadline, "not ready: {}", self.log());
            // A port taken by another program between choosing it and listening on it: the
            // process stops at once; start it again on other ports.
            if let Ok(Some(_)) = self.child.try_wait() {
                assert!(self.log().contains("cannot listen"), "the process stopped: {}", self.log());
                let (child, base, metrics) = Process::spawn(&self.dir, &self.database_url);
                (self.child, self.base, self.metrics) = (child, base, metrics);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// `kill -9`, then a new process on the same database.
    pub(crate) fn crash_and_restart(&mut self) {
        self.signal("KILL");
        let _ = self.child.wait();
        let (child, base, metrics) = Process::spawn(&self.dir, &self.database_url);
        (self.child, self.base, self.metrics) = (child, base, metrics);
        self.wait_ready();
    }

    fn sqlite_url(dir: &std::path::Path) -> String {
        dir.join("db.sqlite3").to_string_lossy().into_owned()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn database_url(&self) -> String {
        self.database_url.clone()
    }

    pub fn log(&self) -> String {
        let mut text = String::new();
        std::fs::File::open(self.dir.join("log")).and_then(|mut f| f.read_to_string(&mut text)).ok();
        text
    }

    /// Imports a demo bundle through the API as the admin; returns the import's answer.
    pub fn import_fixture(&self, name: &str) -> serde_json::Value {
        ureq::post(&format!("{}/api/v1/plan-bundles", self.base))
            .set("Authorization", &format!("Bearer {}", self.token()))
            .set("Content-Type", "application/json")
            .send_string(&crate::harness::fixture(name))
            .unwrap()
            .into_json()
            .unwrap()
    }

    pub fn token(&self) -> String {
        let r: serde_json::Value = ureq::post(&format!("{}/api/v1/auth/token", self.base))
            .send_json(serde_json::json!({"login": ADMIN.0, "password": ADMIN.1}))
            .unwrap()
            .into_json()
            .unwrap();
        r["access_token"].as_str().unwrap().to_string()
    }

    /// A gauge from `/metrics` (0 when absent).
    fn gauge(&self, name: &str) -> f64 {
        let text = ureq::get(&self.metrics).call().map(|r| r.into_string().unwrap_or_default()).unwrap_or_default();
        text.lines()
            .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0.0)
    }

    fn signal(&self, name: &str) {
        let ok = Command::new("kill").args([&format!("-{name}"), &self.child.id().to_string()]).status().unwrap();
        assert!(ok.success());
    }

    /// Waits for the process to exit; its exit code.
    fn wait(&mut self, limit: Duration) -> Option<i32> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(Instant::now() < deadline, "still running after {limit:?}: {}", self.log());
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
        if let Some((url, name)) = &self.pg {
            if let Ok(mut admin) = diesel::PgConnection::establish(url) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut admin);
            }
        }
    }
}

#[test]
fn sigterm_and_sigint_let_the_request_in_flight_finish_and_exit_0() {
    for signal in ["TERM", "INT"] {
        stop_during_an_import(signal);
    }
}

fn stop_during_an_import(signal: &str) {
    let mut process = Process::start();
    let token = process.token();
    // A large bundle: its import takes a while.
    let shape = shinchoku::ops::synth::Shape { initiatives: 1500, years: 3, last_fy: 2024, seed: 3 };
    let bundle = serde_json::to_vec(&shinchoku::ops::synth::bundle(shape)).unwrap();
    let url = format!("{}/api/v1/plan-bundles", process.base);
    let bearer = token.clone();
    let importing = std::thread::spawn(move || {
        let started = Instant::now();
        let status = match ureq::post(&url)
            .set("Authorization", &format!("Bearer {token}"))
            .set("Content-Type", "application/json")
            .send_bytes(&bundle)
        {
            Ok(r) => r.status(),
            Err(ureq::Error::Status(code, _)) => code,
            Err(e) => panic!("the import's connection failed: {e}"),
        };
        (status, started.elapsed())
    });
    let deadline = Instant::now() + Duration::from_secs(30);
    // As soon as the import is in flight (the metrics listener's scrapes are not counted), its
    // body perhaps still being uploaded.
    while process.gauge("shinchoku_http_requests_in_flight") < 1.0 {
        assert!(Instant::now() < deadline, "the import never started: {}", process.log());
        std::thread::sleep(Duration::from_millis(5));
    }
    let signalled = Instant::now();
    process.signal(signal);
    let joined = importing.join();
    std::thread::sleep(Duration::from_millis(500));
    let Ok((status, took)) = joined else { panic!("the import failed; the log: {}", process.log()) };
    assert_eq!(status, 201, "the request in flight completes: {}", process.log());
    let code = process.wait(Duration::from_secs(40));
    assert_eq!(code, Some(0), "{}", process.log());
    let log = process.log();
    assert!(log.contains(&format!("SIG{signal}")), "{log}");
    assert!(log.contains("stopped"), "{log}");
    // One structured line per request: route template, status, latency, request id, the caller
    // (user id); never a credential.
    let line = log.lines().find(|l| l.contains("route=/api/v1/plan-bundles")).expect("the import's request line");
    for field in ["request_id=", "method=POST", "status=201", "latency_ms=", "user_id="] {
        assert!(line.contains(field), "{field} in {line}");
    }
    assert!(!log.contains(&bearer) && !log.contains(ADMIN.1), "no credential is ever logged");
    eprintln!("SIG{signal}: the import took {took:?}; the process exited {:?} after the signal", signalled.elapsed());
}

#[test]
fn the_healthcheck_command_asks_the_running_server() {
    let process = Process::start();
    let bind = process.base.trim_start_matches("http://").to_string();
    let check = |bind: &str| {
        Command::new(env!("CARGO_BIN_EXE_shinchoku"))
            .arg("healthcheck")
            .env("SHINCHOKU_BIND", bind)
            .env("RUST_LOG", "off")
            .stderr(Stdio::null())
            .status()
            .unwrap()
            .code()
    };
    assert_eq!(check(&bind), Some(0));
    let port = bind.rsplit_once(':').unwrap().1;
    assert_eq!(check(&format!("0.0.0.0:{port}")), Some(0), "a wildcard address is asked on loopback");
    assert_eq!(check(&format!("127.0.0.1:{}", free_port())), Some(1), "nothing listening: unhealthy");
}

/// Runs a command of the binary with `DATABASE_URL`; (exit code, stdout and stderr).
pub(crate) fn command(database_url: &str, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_shinchoku"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (out.status.code(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

fn bundles(process: &Process, token: &str) -> Vec<serde_json::Value> {
    let get = |path: &str| -> serde_json::Value {
        ureq::get(&format!("{}{path}", process.base))
            .set("Authorization", &format!("Bearer {token}"))
            .call()
            .unwrap()
            .into_json()
            .unwrap()
    };
    let plans = get("/api/v1/plans?limit=500");
    plans["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| get(&format!("/api/v1/plans/{}/bundle", p["id"].as_str().unwrap())))
        .collect()
}

#[test]
fn a_backup_under_write_load_restores_every_plan() {
    if let Some(url) = std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
        // PostgreSQL has its own tools: the command says which, and fails rather than pretend.
        let (code, out) = command(&url, &["backup", "--to", "/tmp/never-written.dump"]);
        assert_eq!(code, Some(1), "{out}");
        assert!(out.contains("pg_dump") && out.contains("pg_restore"), "{out}");
        return;
    }
    let dir = new_dir();
    let process = Process::start_in(dir.clone(), None);
    let token = process.token();
    let post = |path: &str, body: &[u8]| {
        ureq::post(&format!("{}{path}", process.base))
            .set("Authorization", &format!("Bearer {token}"))
            .set("Content-Type", "application/json")
            .send_bytes(body)
            .unwrap()
            .into_json::<serde_json::Value>()
            .unwrap()
    };
    for name in ["regional-welfare-plan", "silver-center-basic-plan"] {
        post("/api/v1/plan-bundles", crate::harness::fixture(name).as_bytes());
    }
    // A plan open for reporting, whose report the load writes.
    let json = |v: serde_json::Value| v.to_string().into_bytes();
    let department = post(
        "/api/v1/departments",
        &json(serde_json::json!({"name": "バックアップ検証課", "kind": "city_department"})),
    );
    let plan = post(
        "/api/v1/plans",
        &json(
            serde_json::json!({"title": "計画", "organization": "市", "start_fy": 2020, "end_fy": 2024, "level_labels": ["基本方針"]}),
        ),
    );
    let plan_id = plan["id"].as_str().unwrap();
    let node = post(&format!("/api/v1/plans/{plan_id}/nodes"), &json(serde_json::json!({"title": "基本方針1"})));
    let created = post(
        &format!("/api/v1/plans/{plan_id}/initiatives"),
        &json(
            serde_json::json!({"code": "1", "title": "取組", "node_ids": [node["id"]], "department_ids": [department["id"]]}),
        ),
    );
    let initiative = created["id"].as_str().unwrap().to_string();
    // Write load: each write sets two fields of one report to the same number, in one transaction.
    let stop = std::sync::atomic::AtomicBool::new(false);
    let url = format!("{}/api/v1/initiatives/{initiative}/years/2024", process.base);
    let (under_load, quiet) = (dir.join("under-load.sqlite3"), dir.join("quiet.sqlite3"));
    let source = Process::sqlite_url(&dir);
    let written = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let mut n = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                let body = serde_json::json!({"plan_text": format!("計画 {n}"), "issues_text": format!("課題 {n}")});
                ureq::put(&url).set("Authorization", &format!("Bearer {token}")).send_json(body).unwrap();
            }
            n
        });
        std::thread::sleep(Duration::from_millis(300));
        let started = Instant::now();
        let (code, out) = command(&source, &["backup", "--to", &under_load.to_string_lossy()]);
        assert_eq!(code, Some(0), "{out}");
        eprintln!("{out} in {:?}", started.elapsed());
        std::thread::sleep(Duration::from_millis(200));
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        writer.join().unwrap()
    });
    assert!(written > 5, "the backup ran under load ({written} writes)");
    let (code, out) = command(&source, &["backup", "--to", &quiet.to_string_lossy()]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = command(&source, &["backup", "--to", &quiet.to_string_lossy()]);
    assert_eq!(code, Some(1), "an existing file is never overwritten: {out}");

    // The copy taken under load holds whole writes only.
    let mut copy = diesel::SqliteConnection::establish(&under_load.to_string_lossy()).unwrap();
    #[derive(QueryableByName)]
    struct Texts {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        plan_text: Option<String>,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        issues_text: Option<String>,
    }
    let texts: Texts = diesel::sql_query(format!(
        "SELECT plan_text, issues_text FROM annual_reports WHERE initiative_id = '{initiative}' AND fiscal_year = 2024"
    ))
    .get_result(&mut copy)
    .unwrap();
    let number = |t: &Option<String>| t.as_deref().and_then(|t| t.split(' ').nth(1)).map(str::to_string);
    assert_eq!(number(&texts.plan_text), number(&texts.issues_text), "no write is half in the copy");

    // Restored into a fresh data directory, every plan exports as the original does now.
    let fresh = new_dir();
    let target = Process::sqlite_url(&fresh);
    let (code, out) = command(&target, &["restore", "--from", &quiet.to_string_lossy()]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = command(&target, &["restore", "--from", &under_load.to_string_lossy()]);
    assert_eq!(code, Some(1), "a database with data is not replaced without --force: {out}");
    assert!(out.contains("--force"), "{out}");
    let original = bundles(&process, &token);
    let restored_process = Process::start_in(fresh, None);
    let restored = bundles(&restored_process, &restored_process.token());
    assert_eq!(original.len(), 3);
    assert_eq!(restored, original, "every plan's bundle export is the same");
    drop(restored_process);

    // The copy taken under load, restored, differs from the original only by the report the
    // load kept rewriting after the copy was taken.
    let under_load_dir = new_dir();
    let (code, out) =
        command(&Process::sqlite_url(&under_load_dir), &["restore", "--from", &under_load.to_string_lossy()]);
    assert_eq!(code, Some(0), "{out}");
    let copy_process = Process::start_in(under_load_dir, None);
    let without_load = |mut bundles: Vec<serde_json::Value>| {
        for bundle in bundles.iter_mut().filter(|b| b["plan"]["title"] == "計画") {
            for initiative in bundle["initiatives"].as_array_mut().unwrap() {
                for year in initiative["years"].as_array_mut().unwrap().iter_mut().filter(|y| y["fiscal_year"] == 2024)
                {
                    year["plan_text"] = serde_json::Value::Null;
                    year["issues_text"] = serde_json::Value::Null;
                }
            }
        }
        bundles
    };
    let copied = bundles(&copy_process, &copy_process.token());
    assert_eq!(without_load(copied), without_load(original), "the copy under load is the data of one moment");
}

#[test]
fn kill_9_during_an_import_leaves_all_or_nothing() {
    let mut process = Process::start();
    let shape = shinchoku::ops::synth::Shape { initiatives: 600, years: 3, last_fy: 2024, seed: 5 };
    let bundle = serde_json::to_vec(&shinchoku::ops::synth::bundle(shape)).unwrap();
    let mut outcomes = Vec::new();
    // Kills at several points: while the body arrives or is checked (in flight), and while the
    // import's one transaction writes (it holds a database connection); then one that finishes.
    let points = [
        ("in flight", 0u64),
        ("in flight", 150),
        ("writing", 0),
        ("writing", 100),
        ("writing", 300),
        ("writing", 600),
        ("done", 0),
    ];
    for (point, delay) in points {
        let token = process.token();
        let url = format!("{}/api/v1/plan-bundles", process.base);
        let body = bundle.clone();
        let importing = std::thread::spawn(move || {
            ureq::post(&url)
                .set("Authorization", &format!("Bearer {token}"))
                .set("Content-Type", "application/json")
                .send_bytes(&body)
                .map(|r| r.status())
                .ok()
        });
        let deadline = Instant::now() + Duration::from_secs(30);
        let gauge = if point == "writing" {
            "shinchoku_db_pool_connections_in_use"
        } else {
            "shinchoku_http_requests_in_flight"
        };
        while process.gauge(gauge) < 1.0 && point != "done" {
            assert!(Instant::now() < deadline, "the import never reached {point}");
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(delay));
        let answered = if point == "done" {
            let answered = importing.join().unwrap();
            process.crash_and_restart();
            answered
        } else {
            process.crash_and_restart();
            importing.join().unwrap()
        };
        // After the restart: each import is there whole, or not at all.
        let token = process.token();
        let get = |path: &str| -> serde_json::Value {
            ureq::get(&format!("{}{path}", process.base))
                .set("Authorization", &format!("Bearer {token}"))
                .call()
                .unwrap()
                .into_json()
                .unwrap()
        };
        let plans = get("/api/v1/plans?limit=500");
        for plan in plans["items"].as_array().unwrap() {
            let exported = get(&format!("/api/v1/plans/{}/bundle", plan["id"].as_str().unwrap()));
            assert_eq!(exported["initiatives"].as_array().unwrap().len(), 600, "an import is whole or absent");
            let reports: usize =
                exported["initiatives"].as_array().unwrap().iter().map(|i| i["years"].as_array().unwrap().len()).sum();
            let expected: usize = shinchoku::ops::synth::bundle(shape)["initiatives"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["years"].as_array().unwrap().len())
                .sum();
            assert_eq!(reports, expected, "with every report");
        }
        let plans_after = plans["items"].as_array().unwrap().len();
        outcomes.push((point, delay, answered, plans_after));
    }
    eprintln!("(kill at, ms after, the client's answer, plans after restart): {outcomes:?}");
    // The import that was answered is there, and only those.
    let answered = outcomes.iter().filter(|o| o.2 == Some(201)).count();
    assert_eq!(outcomes.last().unwrap().3, answered, "every answered import survived the crash, no other did");
}

/// A line of `/proc/PID/status` in KiB (`VmRSS`, `VmHWM`).
fn status_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field).and_then(|rest| rest.strip_prefix(':')))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// The bound of `docs/write-path.md`: the server's peak memory grows by at most three times the
/// size of each batch body it reads at once (the body, and one item's tree at a time).
#[test]
fn four_large_batch_bodies_at_once_stay_within_three_times_their_size() {
    let process = Process::start();
    let token = process.token();
    let get = |path: &str| -> serde_json::Value {
        let r = ureq::get(&format!("{}{path}", process.base)).set("Authorization", &format!("Bearer {token}"));
        r.call().unwrap().into_json().unwrap()
    };
    let imported = process.import_fixture("regional-welfare-plan");
    let plan = imported["plan"]["id"].as_str().unwrap().to_string();
    let key =
        get(&format!("/api/v1/plans/{plan}/initiatives?limit=1"))["items"][0]["key"].as_str().unwrap().to_string();
    // 10,000 items of 90 values each: about the largest batch body a script may send (32 MiB).
    let value = r#"{"indicator":"指標","actual":1.5}"#;
    let values = vec![value; 90].join(",");
    let item = format!(r#"{{"initiative_code":"{key}","indicator_values":[{values}]}}"#);
    let items = vec![item.as_str(); 10_000].join(",");
    let body = format!(r#"{{"fiscal_year":2024,"items":[{items}]}}"#);
    let size = body.len() as u64;
    assert!(size > 30 << 20 && size <= 32 << 20, "{size}");
    // The peak so far is forgotten: what follows is measured from here.
    std::fs::write(format!("/proc/{}/clear_refs", process.pid()), "5").unwrap();
    let before = status_kib(process.pid(), "VmRSS") * 1024;
    let path = format!("{}/api/v1/plans/{plan}/progress-batches", process.base);
    std::thread::scope(|scope| {
        let sends: Vec<_> = (0..4)
            .map(|_| {
                scope.spawn(|| {
                    let r = ureq::post(&path)
                        .set("Authorization", &format!("Bearer {token}"))
                        .set("Content-Type", "application/json")
                        .send_bytes(body.as_bytes());
                    match r {
                        Err(ureq::Error::Status(status, response)) => (status, response.into_string().unwrap()),
                        other => panic!("expected a refusal: {other:?}"),
                    }
                })
            })
            .collect();
        for send in sends {
            let (status, answer) = send.join().unwrap();
            // One item per initiative, and no such indicator: the first mistakes are listed.
            assert_eq!(status, 422, "{}", &answer[..answer.len().min(500)]);
            let problem: serde_json::Value = serde_json::from_str(&answer).unwrap();
            assert_eq!(problem["errors"].as_array().unwrap().len(), 1000);
        }
    });
    let growth = (status_kib(process.pid(), "VmHWM") * 1024).saturating_sub(before);
    println!(
        "4 bodies of {:.1} MiB at once: peak RSS grew {:.1} MiB ({:.2}× one body each)",
        size as f64 / 1048576.0,
        growth as f64 / 1048576.0,
        growth as f64 / 4.0 / size as f64
    );
    assert!(growth <= 4 * 3 * size, "peak grew {growth} bytes for 4 bodies of {size}");
}

/// On SQLite, what a commit leaves in the write-ahead log is copied into the database by the
/// service's change watcher, not by the request that wrote it (a writer copies only past 100 MB):
/// the database file takes in a write far smaller than that within a second of it.
#[test]
fn on_sqlite_the_service_copies_the_write_ahead_log_into_the_database_off_the_requests() {
    let dir = new_dir();
    let process = Process::start_in(dir.clone(), None);
    let size = || std::fs::metadata(dir.join("db.sqlite3")).map(|m| m.len()).unwrap_or(0);
    // The size once nothing has been copied for a while.
    let settled = || {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut last = size();
        loop {
            std::thread::sleep(Duration::from_millis(700));
            let now = size();
            if now == last || Instant::now() > deadline {
                return now;
            }
            last = now;
        }
    };
    process.import_fixture("regional-welfare-plan");
    let before = settled();
    let written = Instant::now();
    let imported = process.import_fixture("silver-center-basic-plan");
    assert!(imported["plan"]["id"].is_string(), "{imported}");
    while size() <= before {
        assert!(
            written.elapsed() < Duration::from_secs(5),
            "the database file never took in the import: {before} bytes"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    eprintln!("the database file grew from {before} to {} bytes {:?} after the import", size(), written.elapsed());
}
