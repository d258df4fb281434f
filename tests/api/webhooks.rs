//! Webhooks: events written with the change that causes them, delivered by the worker to a real
//! HTTP receiver on loopback that checks each signature with its own HMAC code; retries, giving
//! up, refused addresses, two instances sending from one database.

use std::collections::{BTreeMap, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use hmac::Mac;
use serde_json::{json, Value};
use shinchoku::domain::webhooks::{parse_networks, DeliverySettings};
use shinchoku::ops::delivery::{Deliverer, Running};

use crate::harness::TestApp;

/// One request as the receiver got it.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    pub headers: BTreeMap<String, String>,
    pub body: Vec<u8>,
    pub at: Instant,
}

/// An HTTP receiver on loopback: answers each request with the next scripted status (200 when
/// none is left), after `delay` if set.
#[derive(Clone)]
pub struct Receiver {
    pub base: String,
    pub received: Arc<Mutex<Vec<Received>>>,
    statuses: Arc<Mutex<VecDeque<u16>>>,
    /// How long the first request waits for its answer.
    hold_first: Duration,
}

impl Receiver {
    pub fn start(statuses: &[u16]) -> Receiver {
        Receiver::start_holding(statuses, Duration::ZERO)
    }

    pub fn start_holding(statuses: &[u16], hold_first: Duration) -> Receiver {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let receiver = Receiver {
            base,
            received: Default::default(),
            statuses: Arc::new(Mutex::new(statuses.iter().copied().collect())),
            hold_first,
        };
        let r = receiver.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let r = r.clone();
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut line = String::new();
                    if reader.read_line(&mut line).is_err() {
                        return;
                    }
                    let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
                    let mut headers = BTreeMap::new();
                    loop {
                        let mut h = String::new();
                        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                            break;
                        }
                        if let Some((k, v)) = h.split_once(':') {
                            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
                        }
                    }
                    let length: usize = headers.get("content-length").and_then(|l| l.parse().ok()).unwrap_or(0);
                    let mut body = vec![0; length];
                    let _ = reader.read_exact(&mut body);
                    let first = {
                        let mut all = r.received.lock().unwrap();
                        all.push(Received { path, headers, body, at: Instant::now() });
                        all.len() == 1
                    };
                    if first {
                        std::thread::sleep(r.hold_first);
                    }
                    let status = r.statuses.lock().unwrap().pop_front().unwrap_or(200);
                    let extra = if status == 302 { "Location: http://127.0.0.1:9/elsewhere\r\n" } else { "" };
                    let answer =
                        format!("HTTP/1.1 {status} X\r\n{extra}Content-Length: 2\r\nConnection: close\r\n\r\nno");
                    let _ = stream.write_all(answer.as_bytes());
                });
            }
        });
        receiver
    }

    pub fn all(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until `n` requests came (at most `seconds`).
    pub fn wait_for(&self, n: usize, seconds: u64) -> Vec<Received> {
        let until = Instant::now() + Duration::from_secs(seconds);
        while self.all().len() < n && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(20));
        }
        self.all()
    }
}

/// Checks a delivery's signature as the Standard Webhooks specification describes, with code of
/// the test's own: HMAC-SHA256 keyed with the secret's bytes over `id.timestamp.body`.
pub fn verify(secret: &str, r: &Received) -> bool {
    let key = base64::engine::general_purpose::STANDARD.decode(secret.trim_start_matches("whsec_")).unwrap();
    let (id, timestamp) = (&r.headers["webhook-id"], &r.headers["webhook-timestamp"]);
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(&r.body);
    let expected = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    let fresh = (chrono::Utc::now().timestamp() - timestamp.parse::<i64>().unwrap()).abs() < 300;
    fresh && r.headers["webhook-signature"].split(' ').any(|s| s == format!("v1,{expected}"))
}

/// Quick retries, loopback allowed: what the tests deliver with.
pub fn settings() -> DeliverySettings {
    DeliverySettings {
        allowed_networks: parse_networks("127.0.0.0/8").unwrap(),
        timeout: Duration::from_secs(5),
        max_attempts: 4,
        retry_base_seconds: 0.2,
        retry_cap_seconds: 1.0,
        lease: Duration::from_secs(10),
        poll: Duration::from_millis(50),
    }
}

/// An instance whose subscriptions may point at loopback, and a worker sending from it.
pub fn with_worker(app: &TestApp, settings: DeliverySettings) -> (TestApp, Running) {
    let allowed = settings.clone();
    let hooks = app.instance_with(move |s| s.deliveries = Arc::new(allowed));
    let worker = Deliverer::new(hooks.pool.clone(), settings).spawn();
    (hooks, worker)
}

pub fn subscribe(app: &TestApp, url: &str, events: Value) -> (String, String) {
    let created = app.post("/api/v1/webhooks", &json!({"url": url, "events": events})).ok(201);
    (created["id"].as_str().unwrap().to_string(), created["secret"].as_str().unwrap().to_string())
}

fn deliveries(app: &TestApp, webhook: &str) -> Vec<Value> {
    app.get(&format!("/api/v1/webhooks/{webhook}/deliveries")).ok(200)["items"].as_array().unwrap().clone()
}

/// Waits until every delivery of `webhook` is out of `pending`.
fn settled(app: &TestApp, webhook: &str, seconds: u64) -> Vec<Value> {
    let until = Instant::now() + Duration::from_secs(seconds);
    loop {
        let list = deliveries(app, webhook);
        if (!list.is_empty() && list.iter().all(|d| d["status"] != "pending")) || Instant::now() > until {
            return list;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_returned_report_reaches_its_receiver_signed_as_the_standard_says() {
    let app = TestApp::spawn();
    let receiver = Receiver::start(&[]);
    let url = format!("{}/hooks/shinchoku", receiver.base);
    // Plain http and loopback only where the installation allows them.
    app.post("/api/v1/webhooks", &json!({"url": url, "events": ["report.returned"]})).problem_at(422, "/url");
    let (hooks, _worker) = with_worker(&app, settings());
    hooks.post("/api/v1/webhooks", &json!({"url": url, "events": ["webhook.test"]})).problem_at(422, "/events");
    hooks.post("/api/v1/webhooks", &json!({"url": url, "events": []})).problem_at(422, "/events");
    let (webhook, secret) = subscribe(&hooks, &url, json!(["report.returned", "report.published"]));
    assert!(secret.starts_with("whsec_"));
    let shown = hooks.get(&format!("/api/v1/webhooks/{webhook}")).ok(200);
    assert!(shown.get("secret").is_none(), "the secret is shown once");

    let plan = app.import_fixture("regional-welfare-plan")["plan"]["id"].as_str().unwrap().to_string();
    app.patch(&format!("/api/v1/plans/{plan}"), &json!({"end_fy": 2024}), None).ok(200);
    let initiative = app.get(&format!("/api/v1/plans/{plan}/initiatives?limit=1")).ok(200)["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let year = format!("/api/v1/initiatives/{initiative}/years/2023");
    app.send_as(Some(&app.token), "PUT", &year, &json!({"result_text": "実施した"})).ok(201);
    app.request("POST", &format!("{year}/submission"), &[], None).ok(200);
    // A refused transition writes no event.
    app.request("POST", &format!("{year}/publication"), &[], None).problem(409);
    let reason = "成果の数値を追記してください";
    let body = serde_json::to_vec(&json!({"reason": reason})).unwrap();
    app.request("POST", &format!("{year}/return"), &[("Content-Type", "application/json")], Some(&body)).ok(200);

    let got = receiver.wait_for(1, 15);
    assert_eq!(got.len(), 1, "only the subscribed event: {got:?}");
    let r = &got[0];
    assert_eq!(r.path, "/hooks/shinchoku");
    assert!(verify(&secret, r), "the signature verifies: {:?}", r.headers);
    assert!(!verify("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", r), "and only with its own secret");
    assert_eq!(r.headers["content-type"], "application/json");
    let event: Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(event["type"], "report.returned");
    assert_eq!(event["data"]["return_reason"], reason);
    assert_eq!(event["data"]["fiscal_year"], 2023);
    assert_eq!(event["data"]["fiscal_year_label"], "令和5年度");
    assert_eq!(event["data"]["initiative_id"], initiative.as_str());
    assert_eq!(event["data"]["plan_id"], plan.as_str());
    let log = settled(&hooks, &webhook, 10);
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0]["status"].as_str(), log[0]["attempts"].as_i64(), log[0]["last_status"].as_i64()),
        (Some("delivered"), Some(1), Some(200))
    );
    assert_eq!(log[0]["event_id"].as_str(), Some(r.headers["webhook-id"].as_str()));
    // Everyone but the secretariat is refused, before anything is read.
    let committee = app.create_user("iinkai", shinchoku::web::auth::Role::Committee, &[]);
    app.request_as(Some(&committee.token), "GET", "/api/v1/webhooks", &[], None).problem(403);
}

#[test]
fn a_receiver_that_fails_twice_gets_the_event_once_more_after_the_retries() {
    let app = TestApp::spawn();
    let receiver = Receiver::start(&[500, 503]);
    let (hooks, _worker) = with_worker(&app, settings());
    let (webhook, secret) = subscribe(&hooks, &format!("{}/hooks", receiver.base), json!(["plan.published"]));
    let sent = hooks.request("POST", &format!("/api/v1/webhooks/{webhook}/test"), &[], None).ok(202);
    let got = receiver.wait_for(3, 15);
    let log = settled(&hooks, &webhook, 10);
    assert_eq!(got.len(), 3, "two failures, then the one success");
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(receiver.all().len(), 3, "nothing after the success");
    let ids: Vec<&str> = got.iter().map(|r| r.headers["webhook-id"].as_str()).collect();
    assert!(ids.iter().all(|i| *i == sent["event_id"].as_str().unwrap()), "one event id on every attempt: {ids:?}");
    assert!(got.iter().all(|r| verify(&secret, r)));
    let waits: Vec<u128> = got.windows(2).map(|w| (w[1].at - w[0].at).as_millis()).collect();
    println!("retry timeline (ms between attempts): {waits:?}");
    assert!(waits[0] >= 90 && waits[1] >= waits[0] / 2, "backing off: {waits:?}");
    assert_eq!((log[0]["status"].as_str(), log[0]["attempts"].as_i64()), (Some("delivered"), Some(3)));
    let history: Vec<Option<i64>> =
        log[0]["history"].as_array().unwrap().iter().map(|a| a["status"].as_i64()).collect();
    assert_eq!(history, [Some(500), Some(503), Some(200)], "every attempt is recorded");
    assert!(log[0]["history"][0]["error"].as_str().unwrap().starts_with("HTTP 500"));
    assert_eq!(serde_json::from_slice::<Value>(&got[2].body).unwrap()["type"], "webhook.test");
}

#[test]
fn deliveries_give_up_after_their_attempts_follow_no_redirect_and_reach_no_internal_address() {
    let app = TestApp::spawn();
    let receiver = Receiver::start(&[500, 500, 302, 302]);
    let (hooks, worker) = with_worker(&app, DeliverySettings { max_attempts: 2, ..settings() });
    let (failing, _) = subscribe(&hooks, &format!("{}/failing", receiver.base), json!(["plan.published"]));
    hooks.request("POST", &format!("/api/v1/webhooks/{failing}/test"), &[], None).ok(202);
    let log = settled(&hooks, &failing, 10);
    assert_eq!(
        (log[0]["status"].as_str(), log[0]["attempts"].as_i64(), log[0]["last_status"].as_i64()),
        (Some("failed"), Some(2), Some(500))
    );
    assert!(log[0]["last_error"].as_str().unwrap().starts_with("HTTP 500"), "{}", log[0]);
    assert_eq!(hooks.get(&format!("/api/v1/webhooks/{failing}")).ok(200)["failed_deliveries"], 1);
    let ready = app.get("/readyz").ok(200);
    assert_eq!(ready["status"], "ready", "failures are a warning, never unready");
    assert_eq!(ready["warnings"], json!(["1 webhook delivery failed for good"]));

    // A redirect is an answer, not a way elsewhere.
    let (redirected, _) = subscribe(&hooks, &format!("{}/moved", receiver.base), json!(["plan.published"]));
    hooks.request("POST", &format!("/api/v1/webhooks/{redirected}/test"), &[], None).ok(202);
    let log = settled(&hooks, &redirected, 10);
    assert_eq!((log[0]["status"].as_str(), log[0]["last_status"].as_i64()), (Some("failed"), Some(302)));
    assert_eq!(receiver.all().len(), 4, "one request per attempt, none to the redirect's target");
    drop(worker);
    std::thread::sleep(Duration::from_millis(300));

    // A name that resolves to loopback, with loopback not allowed: nothing is sent.
    let port = receiver.base.rsplit(':').next().unwrap();
    let (internal, _) = subscribe(&hooks, &format!("https://localhost:{port}/internal"), json!(["plan.published"]));
    let _strict =
        Deliverer::new(hooks.pool.clone(), DeliverySettings { allowed_networks: vec![], ..settings() }).spawn();
    hooks.request("POST", &format!("/api/v1/webhooks/{internal}/test"), &[], None).ok(202);
    let log = settled(&hooks, &internal, 10);
    assert_eq!(log[0]["status"], "failed", "{}", log[0]);
    assert!(log[0]["last_error"].as_str().unwrap().contains("no address a webhook may reach"), "{}", log[0]);
    assert_eq!(receiver.all().len(), 4, "nothing reached the internal address");
}

#[test]
fn two_instances_sending_from_one_database_send_every_event_once() {
    let app = TestApp::spawn();
    let receiver = Receiver::start(&[]);
    let (hooks, _one) = with_worker(&app, settings());
    let _two = Deliverer::new(app.pool.clone(), settings()).spawn();
    let (webhook, secret) = subscribe(&hooks, &format!("{}/hooks", receiver.base), json!(["plan.published"]));
    let events = 200;
    let started = Instant::now();
    let responses = app.concurrently(4, |app, _| {
        let mut last = None;
        for _ in 0..events / 4 {
            last = Some(app.request("POST", &format!("/api/v1/webhooks/{webhook}/test"), &[], None));
        }
        last.unwrap()
    });
    assert!(responses.iter().all(|r| r.status == 202));
    let got = receiver.wait_for(events, 60);
    std::thread::sleep(Duration::from_secs(1));
    let got_after = receiver.all();
    let ids: std::collections::BTreeSet<&str> = got_after.iter().map(|r| r.headers["webhook-id"].as_str()).collect();
    println!(
        "two senders: {} events, {} requests received, {} distinct, in {:.2} s",
        events,
        got_after.len(),
        ids.len(),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(got.len(), events);
    assert_eq!((got_after.len(), ids.len()), (events, events), "every event exactly once");
    assert!(got_after.iter().all(|r| verify(&secret, r)));
}

#[test]
fn a_sender_killed_between_claim_and_answer_leaves_the_event_to_the_next_one() {
    let receiver = Receiver::start_holding(&[], Duration::from_secs(30));
    let mut process = crate::lifecycle::Process::start();
    let token = process.token();
    let call = |process: &crate::lifecycle::Process, method: &str, path: &str, body: Option<Value>| -> Value {
        let request =
            ureq::request(method, &format!("{}{path}", process.base)).set("Authorization", &format!("Bearer {token}"));
        let response = match body {
            Some(b) => request.send_json(b),
            None => request.call(),
        }
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        response.into_json().unwrap()
    };
    let created = call(
        &process,
        "POST",
        "/api/v1/webhooks",
        Some(json!({"url": format!("{}/hooks", receiver.base), "events": ["plan.published"]})),
    );
    let (webhook, secret) =
        (created["id"].as_str().unwrap().to_string(), created["secret"].as_str().unwrap().to_string());
    let sent = call(&process, "POST", &format!("/api/v1/webhooks/{webhook}/test"), None);
    // The first attempt is in flight (the receiver holds it): the process dies.
    assert_eq!(receiver.wait_for(1, 20).len(), 1, "sent: {}", process.log());
    process.crash_and_restart();
    let got = receiver.wait_for(2, 30);
    assert_eq!(got.len(), 2, "sent again after the restart: {}", process.log());
    assert!(got.iter().all(|r| r.headers["webhook-id"] == sent["event_id"].as_str().unwrap()), "one event id");
    assert!(got.iter().all(|r| verify(&secret, r)));
    println!("after kill -9: sent again {:.1} s after the first attempt", (got[1].at - got[0].at).as_secs_f64());
    let until = Instant::now() + Duration::from_secs(10);
    loop {
        let log = call(&process, "GET", &format!("/api/v1/webhooks/{webhook}/deliveries"), None);
        if log["items"][0]["status"] == "delivered" || Instant::now() > until {
            assert_eq!(log["items"][0]["status"], "delivered", "{log}");
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn due_dates_become_events_once_each_however_often_the_pass_runs() {
    let app = TestApp::spawn();
    let receiver = Receiver::start(&[]);
    let (hooks, _worker) = with_worker(&app, settings());
    let events = json!(["report.due_soon", "report.overdue", "quarter.due_soon", "quarter.overdue"]);
    let (_, secret) = subscribe(&hooks, &format!("{}/due", receiver.base), events);
    let plan = app.import_fixture("regional-welfare-plan")["plan"]["id"].as_str().unwrap().to_string();
    app.patch(&format!("/api/v1/plans/{plan}"), &json!({"end_fy": 2024}), None).ok(200);
    // One FY2023 report handed in: it is not due.
    let first = app.get(&format!("/api/v1/plans/{plan}/initiatives?limit=1")).ok(200)["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let year = format!("/api/v1/initiatives/{first}/years/2023");
    app.send_as(Some(&app.token), "PUT", &year, &json!({"result_text": "提出済み"})).ok(201);
    app.request("POST", &format!("{year}/submission"), &[], None).ok(200);
    let active = app.get(&format!("/api/v1/plans/{plan}/summary?fiscal_year=2023")).ok(200)["totals"]["initiatives"]
        .as_u64()
        .unwrap() as usize;

    let date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    let due = shinchoku::ops::due::DueSettings { within_days: 7, ..Default::default() };
    // 8 days before 31 May: nothing yet. 7 days before: a reminder per report not handed in.
    let early = shinchoku::ops::due::run(&app.pool, date("2024-05-23"), due).unwrap();
    assert_eq!((early.due_soon, early.overdue), (0, 0));
    let soon = shinchoku::ops::due::run(&app.pool, date("2024-05-24"), due).unwrap();
    assert_eq!((soon.due_soon, soon.overdue), (active - 1, 0), "every report but the one handed in");
    let again = shinchoku::ops::due::run(&app.pool, date("2024-05-25"), due).unwrap();
    assert_eq!((again.due_soon, again.already), (0, active - 1), "told once");
    // The command, as a scheduler would run it, on the day after the due date.
    let (code, out) = crate::lifecycle::command(&app.database_url, &["notify-due", "--date", "2024-06-01"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains(&format!("2024-06-01: 0 due soon, {} overdue told", active - 1)), "{out}");
    let (_, out) = crate::lifecycle::command(&app.database_url, &["notify-due", "--date", "2024-06-02"]);
    assert!(out.contains("0 due soon, 0 overdue told"), "{out}");

    let got = receiver.wait_for(2 * (active - 1), 30);
    assert_eq!(got.len(), 2 * (active - 1));
    assert!(got.iter().all(|r| verify(&secret, r)));
    let bodies: Vec<Value> = got.iter().map(|r| serde_json::from_slice(&r.body).unwrap()).collect();
    let overdue: Vec<&Value> = bodies.iter().filter(|b| b["type"] == "report.overdue").collect();
    assert_eq!(overdue.len(), active - 1);
    let one = &overdue[0]["data"];
    assert_eq!(
        (one["fiscal_year"].as_i64(), one["due_on"].as_str(), one["days_overdue"].as_i64()),
        (Some(2023), Some("2024-05-31"), Some(1))
    );
    assert!(one["departments"].as_array().is_some_and(|d| !d.is_empty()));
    assert!(bodies.iter().all(|b| b["data"]["initiative_id"] != first.as_str()), "the report handed in is not due");
}

#[test]
fn a_test_event_reaches_a_subscription_to_one_plan_before_it_is_switched_on() {
    let app = TestApp::spawn();
    let receiver = Receiver::start(&[]);
    let (hooks, _worker) = with_worker(&app, settings());
    let plan = app.import_fixture("silver-center-basic-plan")["plan"]["id"].as_str().unwrap().to_string();
    let body = json!({"url": format!("{}/off", receiver.base), "events": ["report.published"], "plan_id": plan, "active": false});
    let created = hooks.post("/api/v1/webhooks", &body).ok(201);
    let (webhook, secret) = (created["id"].as_str().unwrap(), created["secret"].as_str().unwrap());
    assert_eq!((created["active"].as_bool(), created["plan_id"].as_str()), (Some(false), Some(plan.as_str())));
    hooks.request("POST", &format!("/api/v1/webhooks/{webhook}/test"), &[], None).ok(202);
    let got = receiver.wait_for(1, 15);
    assert_eq!(got.len(), 1);
    assert!(verify(secret, &got[0]));
    // A plan that does not exist is refused.
    let other =
        json!({"url": format!("{}/off", receiver.base), "events": ["plan.published"], "plan_id": uuid::Uuid::now_v7()});
    hooks.post("/api/v1/webhooks", &other).problem_at(422, "/plan_id");
}

#[test]
fn subscriptions_change_under_if_match_with_one_winner_and_bad_changes_change_nothing() {
    let app = TestApp::spawn();
    let (webhook, _) = subscribe(&app, "https://portal.example.jp/hooks", json!(["report.published"]));
    let path = format!("/api/v1/webhooks/{webhook}");
    let before = app.get(&path).ok(200);
    for (body, field) in [
        (json!({"url": "http://portal.example.jp/hooks"}), "/url"),
        (json!({"url": "https://10.0.0.1/hooks"}), "/url"),
        (json!({"events": []}), "/events"),
        (json!({"events": ["report.deleted"]}), "/events/0"),
        (json!({"plan_id": uuid::Uuid::now_v7()}), "/plan_id"),
    ] {
        app.patch(&path, &body, None).problem_at(422, field);
    }
    app.patch(&path, &json!({"active": false}), Some("\"99\"")).problem(412);
    assert_eq!(app.get(&path).ok(200), before, "nothing changed");
    // Eight writers with the tag they read: exactly one wins, the version moves once.
    let tag = format!("\"{}\"", before["version"]);
    let responses =
        app.concurrently(8, |app, n| app.patch(&path, &json!({"description": format!("writer {n}")}), Some(&tag)));
    let statuses: Vec<u16> = responses.iter().map(|r| r.status).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 412), "{statuses:?}");
    assert_eq!(app.get(&path).ok(200)["version"], before["version"].as_i64().unwrap() + 1);
}
