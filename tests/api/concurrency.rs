//! Concurrent callers on one object: the database decides versions, single-use tokens, the last
//! admin and the sign-in limit. On PostgreSQL (`TEST_DATABASE_URL`) these requests run on several
//! connections at once; on SQLite they queue for its write lock.

use std::collections::BTreeSet;

use serde_json::json;
use shinchoku::web::auth::Role;

use crate::harness::{TestApp, MAX_FAILURES};

const WRITERS: usize = 32;

fn statuses(responses: &[crate::harness::Resp]) -> Vec<u16> {
    let mut s: Vec<u16> = responses.iter().map(|r| r.status).collect();
    s.sort();
    s
}

fn count(responses: &[crate::harness::Resp], status: u16) -> usize {
    responses.iter().filter(|r| r.status == status).count()
}

/// The first initiative of the regional welfare plan, with its ETag.
fn an_initiative(app: &TestApp) -> (String, String) {
    let plan = app.import_fixture("regional-welfare-plan");
    let plan_id = plan["plan"]["id"].as_str().unwrap().to_string();
    let list = app.get(&format!("/api/v1/plans/{plan_id}/initiatives?limit=1")).ok(200);
    let id = list["items"][0]["id"].as_str().unwrap().to_string();
    let etag = app.get(&format!("/api/v1/initiatives/{id}")).header("etag").unwrap().to_string();
    (id, etag)
}

#[test]
fn of_writers_with_one_etag_exactly_one_wins() {
    let app = TestApp::spawn();
    let (id, etag) = an_initiative(&app);
    let path = format!("/api/v1/initiatives/{id}");
    let responses =
        app.concurrently(WRITERS, |app, i| app.patch(&path, &json!({"notes": format!("writer {i}")}), Some(&etag)));
    assert_eq!(count(&responses, 200), 1, "{:?}", statuses(&responses));
    assert_eq!(count(&responses, 412), WRITERS - 1, "{:?}", statuses(&responses));
    let winner = responses.iter().find(|r| r.status == 200).unwrap().json();
    let now = app.get(&path).ok(200);
    assert_eq!(now["notes"], winner["notes"], "the stored notes are the winner's");
    assert_eq!(now["version"], 2);
    let events = app.get(&format!("/api/v1/audit-events?entity_id={id}&limit=100")).ok(200);
    let updates = events["items"].as_array().unwrap().iter().filter(|e| e["action"] == "update").count();
    assert_eq!(updates, 1, "one update, one audit event");
}

#[test]
fn of_writers_without_etag_none_is_lost() {
    let app = TestApp::spawn();
    let dep = app.post("/api/v1/departments", &json!({"name": "高齢者福祉課", "kind": "city_department"})).ok(201);
    let path = format!("/api/v1/departments/{}", dep["id"].as_str().unwrap());
    let responses =
        app.concurrently(WRITERS, |app, i| app.patch(&path, &json!({"name": format!("高齢者福祉課 {i}")}), None));
    assert_eq!(count(&responses, 200), WRITERS, "{:?}", statuses(&responses));
    // Every write saw the one before it: the versions they report are 2, 3, … 33, each once.
    let versions: BTreeSet<i64> = responses.iter().map(|r| r.json()["version"].as_i64().unwrap()).collect();
    assert_eq!(versions, (2..=WRITERS as i64 + 1).collect::<BTreeSet<_>>());
    let etags: BTreeSet<String> = responses.iter().map(|r| r.header("etag").unwrap().to_string()).collect();
    assert_eq!(etags.len(), WRITERS, "no ETag is handed out twice");
    let now = app.get(&path).ok(200);
    assert_eq!(now["version"], WRITERS as i64 + 1);
    // The audit trail chains: each update starts from the version the previous one produced.
    let events = app.get(&format!("/api/v1/audit-events?entity_id={}&limit=100", dep["id"].as_str().unwrap())).ok(200);
    let mut from: Vec<i64> = events["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "update")
        .map(|e| e["before"]["version"].as_i64().unwrap())
        .collect();
    from.sort();
    assert_eq!(from, (1..=WRITERS as i64).collect::<Vec<_>>());
}

#[test]
fn of_refreshes_with_one_token_exactly_one_succeeds() {
    let app = TestApp::spawn();
    let user = app.create_user("tanaka", Role::Committee, &[]);
    let tokens =
        app.send_as(None, "POST", "/api/v1/auth/token", &json!({"login": "tanaka", "password": user.password})).ok(200);
    let refresh = tokens["refresh_token"].as_str().unwrap().to_string();
    let responses = app.concurrently(10, |app, _| {
        app.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": refresh}))
    });
    assert_eq!(count(&responses, 200), 1, "{:?}", statuses(&responses));
    assert_eq!(count(&responses, 401), 9, "{:?}", statuses(&responses));
    // The reuse ended the sign-in: the winner's new refresh token is revoked as well.
    let winner = responses.iter().find(|r| r.status == 200).unwrap().json();
    app.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": winner["refresh_token"]})).problem(401);
}

#[test]
fn two_admins_deactivating_each_other_leave_one() {
    let app = TestApp::spawn();
    let mut lister = app.token.clone();
    for round in 0..5 {
        let a = app.create_user(&format!("admin-a{round}"), Role::Admin, &[]);
        let b = app.create_user(&format!("admin-b{round}"), Role::Admin, &[]);
        // Only these two are active admins now.
        let list = |token: &str| {
            app.request_as(Some(token), "GET", "/api/v1/users?role=admin&active=true&limit=500", &[], None)
        };
        let others: Vec<String> = list(&lister).ok(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["id"].as_str().unwrap().to_string())
            .filter(|id| id != &a.id && id != &b.id)
            .collect();
        for id in others {
            app.send_as(Some(&a.token), "PATCH", &format!("/api/v1/users/{id}"), &json!({"active": false})).ok(200);
        }
        let pairs = [(&a.token, &b.id), (&b.token, &a.id)];
        let responses = app.concurrently(2, |app, i| {
            let (token, target) = pairs[i];
            app.send_as(Some(token), "PATCH", &format!("/api/v1/users/{target}"), &json!({"active": false}))
        });
        assert_eq!(count(&responses, 200), 1, "round {round}: {:?}", statuses(&responses));
        // The other was refused as the last admin (409), or had already lost its session (401).
        assert!(responses.iter().all(|r| [200, 401, 409].contains(&r.status)), "{:?}", statuses(&responses));
        let survivor = if responses[0].status == 200 { &a } else { &b };
        let remaining: Vec<String> = list(&survivor.token).ok(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["login"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(remaining.len(), 1, "round {round}: {remaining:?}");
        // The survivor's token signs the next round's requests.
        lister = survivor.token.clone();
    }
}

#[test]
fn concurrent_wrong_passwords_are_never_checked_beyond_the_limit() {
    let app = TestApp::spawn();
    app.create_user("suzuki", Role::Committee, &[]);
    let responses = app.concurrently(30, |app, _| {
        app.send_as(None, "POST", "/api/v1/auth/token", &json!({"login": "suzuki", "password": "wrong password 123"}))
    });
    assert_eq!(count(&responses, 401), MAX_FAILURES as usize, "{:?}", statuses(&responses));
    assert_eq!(count(&responses, 429), 30 - MAX_FAILURES as usize, "{:?}", statuses(&responses));
    assert!(responses.iter().filter(|r| r.status == 429).all(|r| r.header("retry-after").is_some()));
}

/// An initiative of the regional welfare plan, a department user responsible for it, and the
/// path of its FY2023 report (open: the sheets end with FY2022).
fn a_report(app: &TestApp) -> (crate::harness::TestUser, String) {
    let plan = app.import_fixture("regional-welfare-plan");
    let plan_id = plan["plan"]["id"].as_str().unwrap();
    let initiative = app.get(&format!("/api/v1/plans/{plan_id}/initiatives?limit=1")).ok(200)["items"][0].clone();
    let department = initiative["departments"][0]["id"].as_str().unwrap().to_string();
    app.patch(&format!("/api/v1/plans/{plan_id}"), &json!({"end_fy": 2024}), None).ok(200);
    let user = app.create_user("reporter", Role::Department, &[&department]);
    (user, format!("/api/v1/initiatives/{}/years/2023", initiative["id"].as_str().unwrap()))
}

#[test]
fn of_report_writers_with_one_etag_exactly_one_wins() {
    let app = TestApp::spawn();
    let (user, path) = a_report(&app);
    let created = app.send_as(Some(&user.token), "PUT", &path, &json!({"plan_text": "計画"}));
    let etag = created.header("etag").unwrap().to_string();
    created.ok(201);
    let responses = app.concurrently(WRITERS, |app, i| {
        let body = json!({"result_text": format!("writer {i}")}).to_string();
        app.request_as(
            Some(&user.token),
            "PUT",
            &path,
            &[("Content-Type", "application/json"), ("If-Match", &etag)],
            Some(body.as_bytes()),
        )
    });
    assert_eq!(count(&responses, 200), 1, "{:?}", statuses(&responses));
    assert_eq!(count(&responses, 412), WRITERS - 1, "{:?}", statuses(&responses));
    let winner = responses.iter().find(|r| r.status == 200).unwrap().json();
    let now = app.get(&path).ok(200);
    assert_eq!((now["result_text"].clone(), now["version"].as_i64()), (winner["result_text"].clone(), Some(2)));
    let revisions = app.get(&format!("{path}/revisions")).ok(200);
    assert_eq!(revisions["items"].as_array().unwrap().len(), 2, "create and the one update");
}

#[test]
fn concurrent_quarter_updates_are_all_kept() {
    let app = TestApp::spawn();
    let (user, path) = a_report(&app);
    let responses = app.concurrently(WRITERS, |app, i| {
        let quarter = i % 4 + 1;
        app.send_as(
            Some(&user.token),
            "PUT",
            &format!("{path}/quarters/{quarter}"),
            &json!({"plan_text": format!("writer {i}")}),
        )
    });
    assert!(responses.iter().all(|r| r.status == 200 || r.status == 503), "{:?}", statuses(&responses));
    let accepted: Vec<usize> = (0..WRITERS).filter(|i| responses[*i].status == 200).collect();
    assert!(accepted.len() >= WRITERS / 2, "most writes are accepted: {:?}", statuses(&responses));
    // Every accepted write is one revision of the report (the first one created it).
    let report = app.get(&path).ok(200);
    assert_eq!(report["version"].as_i64().unwrap() as usize, accepted.len());
    let revisions = app.get(&format!("{path}/revisions?limit=100")).ok(200);
    let numbers: Vec<i64> =
        revisions["items"].as_array().unwrap().iter().map(|r| r["revision"].as_i64().unwrap()).collect();
    assert_eq!(numbers, (1..=accepted.len() as i64).collect::<Vec<_>>());
    let mut written = BTreeSet::new();
    for n in &numbers {
        let revision = app.get(&format!("{path}/revisions/{n}")).ok(200);
        let changed = revision["revision"]["changed_fields"].as_array().unwrap().clone();
        let quarter: usize = changed
            .iter()
            .find_map(|f| f.as_str().unwrap().strip_prefix("quarters.").and_then(|r| r.split('.').next()?.parse().ok()))
            .unwrap();
        let text = revision["report"]["quarters"].as_array().unwrap().iter().find(|q| q["quarter"] == quarter).unwrap()
            ["plan_text"]
            .as_str()
            .unwrap()
            .to_string();
        written.insert(text);
    }
    let expected: BTreeSet<String> = accepted.iter().map(|i| format!("writer {i}")).collect();
    assert_eq!(written, expected, "every accepted write is in the history");
}
