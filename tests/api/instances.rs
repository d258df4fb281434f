//! Two instances of the service on one database, as behind a load balancer: what one instance
//! decides, the other honours at once (sign-in limits, spent refresh tokens, cached summaries).

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
fn a_write_through_one_instance_is_read_through_the_other_at_once() {
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
    // B computes and caches the summary.
    assert_eq!(read(&b)["totals"]["workflow"]["published"], 0);
    assert_eq!(read(&b)["groups"][0]["label"], "社会福祉課");
    // A writes; B's very next read sees it.
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
    let after = read(&b);
    assert_eq!(after["totals"]["workflow"]["published"], 1);
    assert_eq!(after["totals"]["ratings"]["A"], 1);
    a.patch(&format!("/api/v1/departments/{department}"), &json!({"name": "福祉政策課"}), None).ok(200);
    assert_eq!(read(&b)["groups"][0]["label"], "福祉政策課");
    // And the other way round.
    b.patch(&format!("/api/v1/plans/{plan}"), &json!({"title": "第2次計画"}), None).ok(200);
    assert_eq!(
        a.request_as(None, "GET", &format!("/api/v1/public/plans/{plan}"), &[], None).ok(200)["title"],
        "第2次計画"
    );
}
