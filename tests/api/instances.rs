//! Two instances of the service on one database, as behind a load balancer: what one instance
//! decides, the other honours at once (sign-in limits, spent refresh tokens); public bodies
//! (which each instance answers from memory, and says may be cached for 60 s anyway) follow
//! another instance's writes within a bound, measured here.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use shinchoku::web::auth::Role;

use crate::harness::{TestApp, MAX_FAILURES};

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

#[test]
fn sign_in_limits_are_shared() {
    let a = TestApp::spawn();
    let b = a.second_instance();
    a.create_user("fukushi", Role::Committee, &[]);
    for _ in 0..MAX_FAILURES {
        a.send_as(None, "POST", "/api/v1/auth/token", &json!({"login": "fukushi", "password": "wrong password!"}))
            .problem(401);
    }
    // The other instance refuses even the right password while the account is blocked.
    let r = b.send_as(
        None,
        "POST",
        "/api/v1/auth/token",
        &json!({"login": "fukushi", "password": "fukushi-password-1234"}),
    );
    r.problem(429);
    assert!(r.header("retry-after").is_some());
}

#[test]
fn a_refresh_token_rotated_on_one_instance_is_spent_on_the_other() {
    let a = TestApp::spawn();
    let b = a.second_instance();
    a.create_user("iinkai", Role::Committee, &[]);
    let signed_in = a
        .send_as(None, "POST", "/api/v1/auth/token", &json!({"login": "iinkai", "password": "iinkai-password-1234"}))
        .ok(200);
    let first = signed_in["refresh_token"].as_str().unwrap().to_string();
    let rotated = a.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": first})).ok(200);
    b.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": first})).problem(401);
    // Its reuse ended the sign-in everywhere: the token A issued in its place is refused too.
    let second = rotated["refresh_token"].as_str().unwrap();
    b.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": second})).problem(401);
    // A new access token works on both instances (they share the signing keys, not state).
    let access = signed_in["access_token"].as_str().unwrap();
    assert_eq!(b.request_as(Some(access), "GET", "/api/v1/me", &[], None).status, 200);
}

#[test]
fn a_write_through_one_instance_is_read_through_the_other_within_a_bound() {
    let a = TestApp::spawn();
    let b = a.second_instance();
    let department =
        id(&a.post("/api/v1/departments", &json!({"name": "社会福祉課", "kind": "city_department"})).ok(201));
    let plan = id(&a
        .post(
            "/api/v1/plans",
            &json!({"title": "計画", "organization": "市", "start_fy": 2020, "end_fy": 2024,
                    "level_labels": ["基本方針"], "status": "published"}),
        )
        .ok(201));
    let node = id(&a.post(&format!("/api/v1/plans/{plan}/nodes"), &json!({"title": "基本方針1"})).ok(201));
    let initiative = id(&a
        .post(
            &format!("/api/v1/plans/{plan}/initiatives"),
            &json!({"code": "1", "title": "取組", "node_ids": [node], "department_ids": [department]}),
        )
        .ok(201));
    let summary = format!("/api/v1/public/plans/{plan}/summary?fiscal_year=2022&group_by=department");
    let read = |app: &TestApp| app.request_as(None, "GET", &summary, &[], None).ok(200);
    let mut waits = Vec::new();
    let timeline = format!("/api/v1/public/initiatives/{initiative}/timeline");
    let published_years =
        |app: &TestApp| app.request_as(None, "GET", &timeline, &[], None).ok(200)["years"].as_array().unwrap().len();
    // B computes and caches the summary and the timeline.
    assert_eq!(published_years(&b), 0);
    assert_eq!(published_years(&b), 0);
    assert_eq!(read(&b)["totals"]["published"], 0);
    assert_eq!(read(&b)["groups"][0]["label"], "社会福祉課");
    // A writes; B's answer follows within the bound.
    a.send_as(
        Some(&a.token),
        "PUT",
        &format!("/api/v1/initiatives/{initiative}/years/2022"),
        &json!({"self_rating": "A"}),
    )
    .ok(201);
    for action in ["submission", "review", "publication"] {
        a.request("POST", &format!("/api/v1/initiatives/{initiative}/years/2022/{action}"), &[], None).ok(200);
    }
    // A itself answers at once: a caller reads its own writes.
    assert_eq!(read(&a)["totals"]["published"], 1);
    waits.push(within_bound(|| {
        let after = read(&b);
        after["totals"]["published"] == 1 && after["totals"]["ratings"][0]["count"] == 1
    }));
    waits.push(within_bound(|| published_years(&b) == 1));
    // The signed-in list page, kept rendered too, follows a new initiative and a new name.
    let list = format!("/api/v1/plans/{plan}/initiatives");
    let listed = |app: &TestApp| app.get(&list).ok(200)["items"].as_array().unwrap().clone();
    assert_eq!(listed(&b).len(), 1);
    a.post(
        &format!("/api/v1/plans/{plan}/initiatives"),
        &json!({"code": "2", "title": "取組2", "node_ids": [node], "department_ids": [department]}),
    )
    .ok(201);
    assert_eq!(listed(&a).len(), 2);
    waits.push(within_bound(|| listed(&b).len() == 2));
    a.patch(&format!("/api/v1/departments/{department}"), &json!({"name": "福祉政策課"}), None).ok(200);
    waits.push(within_bound(|| read(&b)["groups"][0]["label"] == "福祉政策課"));
    waits.push(within_bound(|| listed(&b)[0]["departments"][0]["name"] == "福祉政策課"));
    // And the other way round.
    let tree = format!("/api/v1/public/plans/{plan}");
    assert_eq!(a.request_as(None, "GET", &tree, &[], None).ok(200)["title"], "計画");
    b.patch(&format!("/api/v1/plans/{plan}"), &json!({"title": "第2次計画"}), None).ok(200);
    assert_eq!(b.request_as(None, "GET", &tree, &[], None).ok(200)["title"], "第2次計画");
    waits.push(within_bound(|| a.request_as(None, "GET", &tree, &[], None).ok(200)["title"] == "第2次計画"));
    // A plan no longer published is gone from the other instance's public API too.
    b.patch(&format!("/api/v1/plans/{plan}"), &json!({"status": "draft"}), None).ok(200);
    b.request_as(None, "GET", &tree, &[], None).problem(404);
    waits.push(within_bound(|| a.request_as(None, "GET", &tree, &[], None).status == 404));
    eprintln!("another instance's change was seen after {waits:?}");
}

/// How long until `seen` holds, asking again every millisecond; fails beyond the bound (1 s,
/// against a watcher that polls every 20 ms).
fn within_bound(mut seen: impl FnMut() -> bool) -> Duration {
    let started = Instant::now();
    while !seen() {
        assert!(started.elapsed() < Duration::from_secs(1), "another instance's change unseen after 1 s");
        std::thread::sleep(Duration::from_millis(1));
    }
    started.elapsed()
}

#[test]
fn changes_written_outside_the_service_are_seen_within_a_bound() {
    use diesel::prelude::*;
    use shinchoku::db::schema::plans;
    let app = TestApp::spawn();
    let plan = id(&app
        .post(
            "/api/v1/plans",
            &json!({"title": "計画", "organization": "市", "start_fy": 2020, "end_fy": 2024,
                    "level_labels": ["基本方針"], "status": "published"}),
        )
        .ok(201));
    let tree = format!("/api/v1/public/plans/{plan}");
    let title = || app.request_as(None, "GET", &tree, &[], None).ok(200)["title"].as_str().unwrap().to_string();
    // Written by another process (a script, a console), not through this instance.
    let write_elsewhere = |title: &str| {
        let id = shinchoku::db::DbUuid(plan.parse().unwrap());
        diesel::update(plans::table.find(id))
            .set((plans::title.eq(title), plans::data_version.eq(plans::data_version + 1)))
            .execute(&mut *app.conn())
            .unwrap();
    };
    let mut waits = Vec::new();
    assert_eq!(title(), "計画");
    write_elsewhere("外部で変更");
    waits.push(within_bound(|| title() == "外部で変更"));
    let postgres = matches!(*app.conn(), shinchoku::db::DbConnection::Pg(_));
    if postgres {
        // The watcher's connection is cut: once it notices (at its next poll), every read asks
        // the database until it listens again.
        let cut = diesel::sql_query(format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND application_name = '{}'",
            shinchoku::db::changes::APPLICATION_NAME
        ))
        .execute(&mut *app.conn())
        .unwrap();
        assert_eq!(cut, 1, "one watcher");
        write_elsewhere("切断中に変更");
        waits.push(within_bound(|| title() == "切断中に変更"));
        // It listens again (after 0.1 s) and kept rows are used again, and forgotten on change.
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(title(), "切断中に変更");
        write_elsewhere("再接続後に変更");
        waits.push(within_bound(|| title() == "再接続後に変更"));
    }
    eprintln!("a change written outside the service was seen after {waits:?}");
}

#[test]
fn a_role_change_or_deactivation_on_one_instance_is_honoured_by_the_other_within_a_bound() {
    let a = TestApp::spawn();
    let b = a.second_instance();
    let department =
        id(&a.post("/api/v1/departments", &json!({"name": "社会福祉課", "kind": "city_department"})).ok(201));
    let user = a.create_user("tantou", Role::Department, &[&department]);
    // Only the secretariat lists users: the status says which role the instance acts on.
    let users = |app: &TestApp| app.request_as(Some(&user.token), "GET", "/api/v1/users", &[], None).status;
    // Each instance knows the user from its first request on.
    for app in [&a, &b] {
        assert_eq!(users(app), 403);
        assert_eq!(users(app), 403);
    }
    let path = format!("/api/v1/users/{}", user.id);
    let mut waits = Vec::new();
    a.patch(&path, &json!({"role": "admin", "department_ids": []}), None).ok(200);
    assert_eq!(users(&a), 200, "the instance that wrote, at once");
    waits.push(within_bound(|| users(&b) == 200));
    b.patch(&path, &json!({"active": false}), None).ok(200);
    assert_eq!(users(&b), 401);
    waits.push(within_bound(|| users(&a) == 401));
    eprintln!("another instance's change of a user was honoured after {waits:?}");
}
