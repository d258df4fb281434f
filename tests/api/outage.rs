//! The database going away and coming back, on a PostgreSQL cluster of the test's own (initdb
//! and pg_ctl on a private port; the machine's shared server is never touched). Runs with the
//! PostgreSQL suite (`TEST_DATABASE_URL`), whose machine has PostgreSQL's programs.

use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use serde_json::json;

use crate::lifecycle::{new_dir, Process};

/// A private PostgreSQL cluster, run as the `postgres` system user.
struct Cluster {
    dir: std::path::PathBuf,
    port: u16,
}

fn as_postgres(program: &str, args: &[&str]) -> std::process::Output {
    let bin = Command::new("pg_config").arg("--bindir").output().ok().and_then(|o| String::from_utf8(o.stdout).ok());
    let path = match bin.map(|b| b.trim().to_string()).filter(|b| !b.is_empty()) {
        Some(dir) => format!("{dir}/{program}"),
        None => program.to_string(),
    };
    let mut command = if unsafe_is_root() { Command::new("runuser") } else { Command::new(&path) };
    if unsafe_is_root() {
        command.args(["-u", "postgres", "--", &path]);
    }
    command.args(args).output().expect("run a PostgreSQL program")
}

/// PostgreSQL's programs refuse to run as root: CI machines run tests as root.
fn unsafe_is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0")).unwrap_or(false)
}

impl Cluster {
    fn create() -> Cluster {
        let dir = new_dir().join("pg");
        std::fs::create_dir_all(&dir).unwrap();
        if unsafe_is_root() {
            assert!(Command::new("chown")
                .args(["-R", "postgres:postgres", &dir.parent().unwrap().to_string_lossy()])
                .status()
                .unwrap()
                .success());
        }
        let data = dir.join("data");
        let out = as_postgres(
            "initdb",
            &["-D", &data.to_string_lossy(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"],
        );
        assert!(out.status.success(), "initdb: {}", String::from_utf8_lossy(&out.stderr));
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let cluster = Cluster { dir, port };
        cluster.start();
        cluster
    }

    fn start(&self) {
        let options =
            format!("-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off", self.port, self.dir.to_string_lossy());
        let (data, log) = (self.dir.join("data"), self.dir.join("server.log"));
        let out = as_postgres(
            "pg_ctl",
            &["-D", &data.to_string_lossy(), "-o", &options, "-l", &log.to_string_lossy(), "-w", "start"],
        );
        assert!(out.status.success(), "pg_ctl start: {}", String::from_utf8_lossy(&out.stderr));
    }

    fn stop(&self) {
        let out = as_postgres("pg_ctl", &["-D", &self.dir.join("data").to_string_lossy(), "-m", "fast", "-w", "stop"]);
        assert!(out.status.success(), "pg_ctl stop: {}", String::from_utf8_lossy(&out.stderr));
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = as_postgres("pg_ctl", &["-D", &self.dir.join("data").to_string_lossy(), "-m", "immediate", "stop"]);
        let _ = std::fs::remove_dir_all(self.dir.parent().unwrap());
    }
}

#[test]
#[ignore = "PostgreSQL only (a SQLite file cannot go away): the PostgreSQL suite runs it with --include-ignored"]
fn the_database_going_away_is_a_503_and_its_return_heals_the_service() {
    assert!(
        std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()).is_some(),
        "this drill needs PostgreSQL and its programs: run it with TEST_DATABASE_URL set"
    );
    let cluster = Cluster::create();
    let process = Process::start_in(new_dir(), Some(cluster.url()));
    let token = process.token();
    let call = |method: &str, path: &str, body: Option<serde_json::Value>| {
        let request = ureq::request(method, &format!("{}{path}", process.base))
            .set("Authorization", &format!("Bearer {token}"))
            .timeout(Duration::from_secs(30));
        let result = match body {
            Some(b) => request.send_json(b),
            None => request.call(),
        };
        match result {
            Ok(r) => (r.status(), r.header("retry-after").map(String::from), r.into_string().unwrap_or_default()),
            Err(ureq::Error::Status(s, r)) => {
                (s, r.header("retry-after").map(String::from), r.into_string().unwrap_or_default())
            }
            Err(e) => panic!("{method} {path}: {e}"),
        }
    };
    let department =
        call("POST", "/api/v1/departments", Some(json!({"name": "社会福祉課", "kind": "city_department"})));
    let department: serde_json::Value = serde_json::from_str(&department.2).unwrap();
    let plan: serde_json::Value = serde_json::from_str(
        &call("POST", "/api/v1/plans", Some(json!({"title": "計画", "organization": "市", "start_fy": 2020, "end_fy": 2024, "level_labels": ["基本方針"]}))).2,
    )
    .unwrap();
    let plan_id = plan["id"].as_str().unwrap();
    let node: serde_json::Value = serde_json::from_str(
        &call("POST", &format!("/api/v1/plans/{plan_id}/nodes"), Some(json!({"title": "基本方針1"}))).2,
    )
    .unwrap();
    let initiative: serde_json::Value = serde_json::from_str(
        &call(
            "POST",
            &format!("/api/v1/plans/{plan_id}/initiatives"),
            Some(json!({"code": "1", "title": "取組", "node_ids": [node["id"]], "department_ids": [department["id"]]})),
        )
        .2,
    )
    .unwrap();
    let report = format!("/api/v1/initiatives/{}/years/2024", initiative["id"].as_str().unwrap());

    // Load through the outage: each write sets two fields to the same number in one transaction.
    let stop = AtomicBool::new(false);
    let outcomes = std::thread::scope(|scope| {
        // Four writers, so that statements are running when the database stops.
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let (stop, call, report) = (&stop, &call, &report);
                scope.spawn(move || {
                    let mut seen = Vec::new();
                    let mut n = 0;
                    while !stop.load(Ordering::Relaxed) {
                        n += 1;
                        let started = Instant::now();
                        let body =
                            json!({"plan_text": format!("計画 {w}-{n}"), "issues_text": format!("課題 {w}-{n}")});
                        let (status, retry_after, _) = call("PUT", report, Some(body));
                        seen.push((status, retry_after, started.elapsed()));
                    }
                    seen
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(500));
        cluster.stop();
        let down = Instant::now();
        std::thread::sleep(Duration::from_secs(2));
        let health = ureq::get(&format!("{}/healthz", process.base)).call().map(|r| r.status()).unwrap_or(0);
        let ready = match ureq::get(&format!("{}/readyz", process.base)).timeout(Duration::from_secs(30)).call() {
            Ok(r) => r.status(),
            Err(ureq::Error::Status(s, _)) => s,
            Err(e) => panic!("/readyz: {e}"),
        };
        assert_eq!(health, 200, "the process is alive");
        assert_eq!(ready, 503, "not ready without its database");
        cluster.start();
        let back = Instant::now();
        let recovered = loop {
            if ureq::get(&format!("{}/readyz", process.base)).call().is_ok() {
                break back.elapsed();
            }
            assert!(back.elapsed() < Duration::from_secs(30), "never recovered: {}", process.log());
            std::thread::sleep(Duration::from_millis(50));
        };
        std::thread::sleep(Duration::from_millis(500));
        stop.store(true, Ordering::Relaxed);
        eprintln!("database down for {:?}; ready again {recovered:?} after it was back", back - down);
        assert!(recovered <= Duration::from_secs(5), "recovered in {recovered:?}");
        writers.into_iter().flat_map(|w| w.join().unwrap()).collect::<Vec<_>>()
    });
    let statuses: Vec<u16> = outcomes.iter().map(|o| o.0).collect();
    assert!(statuses.iter().all(|s| matches!(s, 200 | 201 | 503)), "only successes and 503s: {statuses:?}");
    assert!(statuses.contains(&503), "the outage was seen: {statuses:?}");
    assert!(outcomes.iter().rev().take(4).any(|o| matches!(o.0, 200 | 201)), "writes succeed again: {statuses:?}");
    for (status, retry_after, took) in &outcomes {
        if *status == 503 {
            assert!(retry_after.is_some(), "a 503 says when to retry");
        }
        assert!(*took < Duration::from_secs(15), "no request hangs: {took:?}");
    }
    let longest = outcomes.iter().map(|o| o.2).max().unwrap();
    eprintln!(
        "{} writes, {} answered 503; the longest took {longest:?}",
        outcomes.len(),
        statuses.iter().filter(|s| **s == 503).count()
    );

    // No write is half done: both fields carry the same number.
    let mut conn = diesel::PgConnection::establish(&process.database_url()).unwrap();
    #[derive(QueryableByName)]
    struct Texts {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        plan_text: Option<String>,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        issues_text: Option<String>,
    }
    let texts: Texts =
        diesel::sql_query("SELECT plan_text, issues_text FROM annual_reports").get_result(&mut conn).unwrap();
    let number = |t: &Option<String>| t.as_deref().and_then(|t| t.split(' ').nth(1)).map(str::to_string);
    assert_eq!(number(&texts.plan_text), number(&texts.issues_text));
}
