//! Test harness: a real server on a random port over a real database, one per test.
//!
//! SQLite by default (a fresh file); PostgreSQL when `TEST_DATABASE_URL` is set (a fresh
//! database per test, dropped afterwards), so tests run in parallel on both backends.

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::sync::mpsc;

use diesel::prelude::*;
use diesel::r2d2::ManageConnection;
use diesel::sql_types::BigInt;
use serde_json::Value;
use shinchoku::app::ServerSettings;
use shinchoku::db;
use shinchoku::models::audit::Actor;
use shinchoku::resources::users::{self, UserInput};
use shinchoku::web::auth::Role;
use shinchoku::web::credentials::throttle::Limits;
use shinchoku::web::credentials::{jwt, AuthConfig};
use shinchoku::web::http::BodyLimits;
use shinchoku::web::state::AppState;

/// The signing secret of test servers (tests forge and tamper with tokens on purpose).
pub const SECRET: &[u8] = b"test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
pub const ISSUER: &str = "shinchoku";
pub const AUDIENCE: &str = "shinchoku-api";
/// Failed logins per account before it is blocked, and for how long (short, so tests see it lift).
pub const MAX_FAILURES: i32 = 3;
pub const BLOCK_SECONDS: i64 = 2;

pub fn keys() -> jwt::Keys {
    jwt::Keys::hmac(jsonwebtoken::Algorithm::HS256, SECRET, ISSUER, AUDIENCE, 900)
}

pub struct TestApp {
    pub base: String,
    pub database_url: String,
    /// An admin's access token; requests carry it unless they say otherwise.
    pub token: String,
    pub admin_id: String,
    pub pool: db::Pool,
    cleanup: Cleanup,
    server: actix_web::dev::ServerHandle,
}

/// A user made for a test, with a fresh access token.
pub struct TestUser {
    pub id: String,
    pub password: String,
    pub token: String,
}

enum Cleanup {
    /// Another instance on a database a first one owns.
    Nothing,
    SqliteDir(std::path::PathBuf),
    PgDatabase {
        admin_url: String,
        name: String,
    },
}

/// A response, whatever its status.
pub struct Resp {
    pub status: u16,
    pub headers: BTreeMap<String, String>,
    pub body: String,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(&name.to_ascii_lowercase()).map(String::as_str)
    }

    /// Asserts a problem+json response with `status`; returns the problem.
    #[track_caller]
    pub fn problem(&self, status: u16) -> Value {
        assert_eq!(self.status, status, "expected {status}, got {}: {}", self.status, self.body);
        assert_eq!(self.header("content-type"), Some("application/problem+json"), "{}", self.body);
        let p = self.json();
        assert_eq!(p["status"], status);
        assert!(p["type"].as_str().unwrap().starts_with("urn:shinchoku:problem:"));
        assert!(p["title"].is_string() && p["detail"].is_string());
        p
    }

    /// Asserts a problem naming `field` (a JSON pointer) among its errors.
    #[track_caller]
    pub fn problem_at(&self, status: u16, field: &str) -> Value {
        let p = self.problem(status);
        let fields: Vec<&str> =
            p["errors"].as_array().map(|a| a.iter().filter_map(|e| e["field"].as_str()).collect()).unwrap_or_default();
        assert!(fields.contains(&field), "expected an error at {field}, got {fields:?}: {}", self.body);
        p
    }

    #[track_caller]
    pub fn ok(&self, status: u16) -> Value {
        assert_eq!(self.status, status, "expected {status}, got {}: {}", self.status, self.body);
        if self.body.is_empty() {
            Value::Null
        } else {
            self.json()
        }
    }
}

fn admin_url_and_name(url: &str) -> (String, String) {
    let (prefix, _) = url.rsplit_once('/').expect("TEST_DATABASE_URL needs a database name");
    let name = format!("shinchoku_test_{}", uuid::Uuid::new_v4().simple());
    (prefix.to_string(), name)
}

impl TestApp {
    pub fn spawn() -> TestApp {
        let (database_url, cleanup) = match std::env::var("TEST_DATABASE_URL").ok().filter(|u| !u.is_empty()) {
            Some(url) => {
                let (prefix, name) = admin_url_and_name(&url);
                let mut admin = diesel::PgConnection::establish(&url).expect("connect to TEST_DATABASE_URL");
                diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin).expect("create test database");
                (format!("{prefix}/{name}"), Cleanup::PgDatabase { admin_url: url, name })
            }
            None => {
                let dir = std::env::temp_dir().join(format!("shinchoku-test-{}", uuid::Uuid::new_v4().simple()));
                std::fs::create_dir_all(&dir).unwrap();
                (dir.join("test.sqlite3").to_string_lossy().into_owned(), Cleanup::SqliteDir(dir))
            }
        };
        // Several connections and two workers: concurrency tests run truly in parallel.
        let pool = db::connect(&database_url, 8).expect("open test database");
        shinchoku::ops::migrate::run(&mut pool.get().unwrap()).expect("migrate");
        let (base, server) = serve(pool.clone(), &database_url, |_| {});
        let mut app =
            TestApp { base, database_url, token: String::new(), admin_id: String::new(), pool, cleanup, server };
        let admin = app.create_user("admin", Role::Admin, &[]);
        app.token = admin.token;
        app.admin_id = admin.id;
        app
    }

    /// Another instance of the service on the same database (its own pool, cache and server),
    /// as a load balancer would spread requests over; the admin's token works on both.
    pub fn second_instance(&self) -> TestApp {
        self.instance_with(|_| {})
    }

    /// Another instance on the same database whose state `configure` changes (its cache, its
    /// budget of public work …).
    pub fn instance_with(&self, configure: impl FnOnce(&mut AppState)) -> TestApp {
        let pool = db::connect(&self.database_url, 8).expect("open the database again");
        let (base, server) = serve(pool.clone(), &self.database_url, configure);
        TestApp {
            base,
            database_url: self.database_url.clone(),
            token: self.token.clone(),
            admin_id: self.admin_id.clone(),
            pool,
            cleanup: Cleanup::Nothing,
            server,
        }
    }

    /// Starts the metrics listener (`SHINCHOKU_METRICS_BIND`) on this app's pool; returns its base URL.
    pub fn spawn_metrics(&self) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let pool = self.pool.clone();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                shinchoku::app::metrics_server(pool, listener).unwrap().await.unwrap();
            });
        });
        base
    }

    /// Creates a user directly (as the service's own bootstrap does) and signs a token for it.
    pub fn create_user(&self, login: &str, role: Role, department_ids: &[&str]) -> TestUser {
        let password = format!("{login}-password-1234");
        let input = UserInput {
            login: login.to_string(),
            display_name: format!("{login} さん"),
            password: password.clone(),
            role,
            department_ids: department_ids.iter().map(|d| uuid::Uuid::parse_str(d).unwrap()).collect(),
            email: None,
            email_reminders: true,
        };
        let mut conn = self.pool.get().unwrap();
        let view = db::write_transaction(&mut conn, |conn| users::create(conn, &Actor::default(), &input))
            .expect("create user");
        let (token, _) = keys().issue(view.id, role.as_str()).unwrap();
        TestUser { id: view.id.to_string(), password, token }
    }

    /// A connection to the test database, for what only the service's own commands do.
    pub fn conn(&self) -> db::PooledConn {
        self.pool.get().expect("test database connection")
    }

    /// Counts in the kept summary counts what was written with [`TestApp::conn`], outside the
    /// service, as the service's change watcher does within a second (and returns how many
    /// initiatives it counted).
    pub fn count_outside_writes(&self) -> usize {
        let mut conn = self.conn();
        db::write_transaction(&mut conn, db::tally::refresh_noted).expect("counting outside writes")
    }

    /// Runs `n` requests at once (released together by a barrier); returns their responses.
    pub fn concurrently<F>(&self, n: usize, request: F) -> Vec<Resp>
    where
        F: Fn(&TestApp, usize) -> Resp + Sync,
    {
        let barrier = std::sync::Barrier::new(n);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..n)
                .map(|i| {
                    let (barrier, request) = (&barrier, &request);
                    scope.spawn(move || {
                        barrier.wait();
                        request(self, i)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("request thread")).collect()
        })
    }

    /// A request with the given bearer token (`None`: anonymous).
    pub fn request_as(
        &self,
        token: Option<&str>,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Resp {
        let auth = token.map(|t| format!("Bearer {t}"));
        let mut all: Vec<(&str, &str)> = headers.to_vec();
        if let Some(a) = &auth {
            if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("authorization")) {
                all.push(("Authorization", a));
            }
        }
        self.raw(method, path, &all, body)
    }

    /// JSON body as `token`.
    pub fn send_as(&self, token: Option<&str>, method: &str, path: &str, body: &Value) -> Resp {
        let ct = if method == "PATCH" { "application/merge-patch+json" } else { "application/json" };
        self.request_as(token, method, path, &[("Content-Type", ct)], Some(body.to_string().as_bytes()))
    }

    /// A request as the admin.
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Resp {
        self.request_as(Some(&self.token), method, path, headers, body)
    }

    /// Exactly the given headers.
    pub fn raw(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Resp {
        let mut req = ureq::request(method, &format!("{}{}", self.base, path));
        for (k, v) in headers {
            req = req.set(k, v);
        }
        let result = match body {
            Some(b) => req.send_bytes(b),
            None => req.call(),
        };
        let response = match result {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{method} {path}: {e}"),
        };
        let status = response.status();
        let headers = response
            .headers_names()
            .into_iter()
            .map(|n| {
                let v = response.header(&n).unwrap_or_default().to_string();
                (n.to_ascii_lowercase(), v)
            })
            .collect();
        let body = response.into_string().unwrap_or_default();
        Resp { status, headers, body }
    }

    pub fn get(&self, path: &str) -> Resp {
        self.request("GET", path, &[], None)
    }

    pub fn post(&self, path: &str, body: &Value) -> Resp {
        self.request("POST", path, &[("Content-Type", "application/json")], Some(body.to_string().as_bytes()))
    }

    pub fn patch(&self, path: &str, body: &Value, if_match: Option<&str>) -> Resp {
        let mut headers = vec![("Content-Type", "application/merge-patch+json")];
        if let Some(tag) = if_match {
            headers.push(("If-Match", tag));
        }
        self.request("PATCH", path, &headers, Some(body.to_string().as_bytes()))
    }

    pub fn delete(&self, path: &str, if_match: Option<&str>) -> Resp {
        let headers: Vec<(&str, &str)> = if_match.map(|t| vec![("If-Match", t)]).unwrap_or_default();
        self.request("DELETE", path, &headers, None)
    }

    /// Row counts of every table: compare before and after a refused request ("nothing stored").
    pub fn row_counts(&self) -> BTreeMap<&'static str, i64> {
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = BigInt)]
            n: i64,
        }
        let mut conn = db::ConnectionManager::new(&self.database_url).connect().expect("connect for counts");
        let tables = [
            "departments",
            "plans",
            "plan_nodes",
            "initiatives",
            "initiative_placements",
            "initiative_departments",
            "indicators",
            "indicator_values",
            "annual_reports",
            "quarter_updates",
            "audit_events",
        ];
        tables
            .into_iter()
            .map(|t| {
                let c: Count =
                    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {t}")).get_result(&mut conn).unwrap();
                (t, c.n)
            })
            .collect()
    }

    /// Imports one of the demo fixtures, published as the demo is; returns the import result.
    pub fn import_fixture(&self, name: &str) -> Value {
        let text = fixture(name);
        let r = self.request(
            "POST",
            "/api/v1/plan-bundles?publish=true",
            &[("Content-Type", "application/json")],
            Some(text.as_bytes()),
        );
        r.ok(201)
    }
}

pub fn fixture(name: &str) -> String {
    let path = format!("{}/src/ops/demo/{name}.bundle.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Starts a server on `pool` with the tests' settings; returns its base URL and handle.
fn serve(
    pool: db::Pool,
    database_url: &str,
    configure: impl FnOnce(&mut AppState),
) -> (String, actix_web::dev::ServerHandle) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let auth = AuthConfig {
        keys: keys(),
        refresh_ttl_seconds: 3600,
        throttle: Limits {
            per_account: MAX_FAILURES,
            per_address: 1000,
            window_seconds: 60,
            block_seconds: BLOCK_SECONDS,
        },
        proxies: Default::default(),
    };
    let settings = ServerSettings {
        limits: BodyLimits { json: 64 * 1024, bundle: 4 * 1024 * 1024 },
        workers: Some(2),
        cors_origins: vec!["https://portal.example.jp".into()],
        shutdown_timeout_seconds: 5,
    };
    let mut state = AppState::new(pool, auth);
    configure(&mut state);
    state.watch_changes(database_url);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let system = actix_web::rt::System::new();
        system.block_on(async move {
            let server = shinchoku::app::server(state, settings, listener).unwrap();
            tx.send(server.handle()).unwrap();
            server.await.unwrap();
        });
    });
    (base, rx.recv().unwrap())
}

impl Drop for TestApp {
    fn drop(&mut self) {
        drop(self.server.stop(false));
        match &self.cleanup {
            Cleanup::Nothing => {}
            Cleanup::SqliteDir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::PgDatabase { admin_url, name } => {
                if let Ok(mut admin) = diesel::PgConnection::establish(admin_url) {
                    let _ =
                        diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut admin);
                }
            }
        }
    }
}

/// The rule many municipalities rate by: every indicator achieved → A, at least half → B, one
/// or more → C, none → D (of the measurable ones).
pub fn usual_rating_rule() -> Value {
    serde_json::json!({
        "steps": [
            {"grade": "A", "at_least": 1.0},
            {"grade": "B", "at_least": 0.5},
            {"grade": "C", "more_than": 0},
            {"grade": "D", "at_least": 0}
        ]
    })
}
