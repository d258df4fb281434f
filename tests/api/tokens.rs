//! API tokens for scripts: shown once, hashed, scoped, narrowed, revocable, expiring.

use serde_json::json;
use shinchoku::web::auth::Role;

use crate::harness::TestApp;

#[test]
fn api_token_lifecycle() {
    let app = TestApp::spawn();
    let department =
        app.post("/api/v1/departments", &json!({"name": "高齢者福祉課", "kind": "city_department"})).ok(201);
    let second = app.post("/api/v1/departments", &json!({"name": "障害福祉課", "kind": "city_department"})).ok(201);
    let dep_ids = [department["id"].as_str().unwrap(), second["id"].as_str().unwrap()];
    let user = app.create_user("koreisha", Role::Department, &dep_ids);

    let created = app
        .send_as(
            Some(&user.token),
            "POST",
            "/api/v1/api-tokens",
            &json!({
                "name": "四半期更新スクリプト", "scopes": ["report:write"], "department_ids": [dep_ids[0]]
            }),
        )
        .ok(201);
    let secret = created["token"].as_str().unwrap().to_string();
    assert!(secret.starts_with("shk_"));
    assert_eq!(created["token_prefix"], &secret[..8]);
    let id = created["id"].as_str().unwrap().to_string();

    // The token authenticates as its owner, narrowed to one department.
    let me = app.request_as(Some(&secret), "GET", "/api/v1/me", &[], None).ok(200);
    assert_eq!(me["authenticated_by"], "api_token");
    assert_eq!(me["user"]["login"], "koreisha");
    // A script does not change its owner's own settings; its owner, signed in, does.
    app.request_as(
        Some(&secret),
        "PATCH",
        "/api/v1/me",
        &[("Content-Type", "application/merge-patch+json")],
        Some(br#"{"email_reminders": false}"#),
    )
    .problem(403);
    let changed = app
        .request_as(
            Some(&user.token),
            "PATCH",
            "/api/v1/me",
            &[("Content-Type", "application/merge-patch+json")],
            Some(br#"{"email_reminders": false}"#),
        )
        .ok(200);
    assert_eq!(
        (changed["user"]["email_reminders"].as_bool(), changed["authenticated_by"].as_str()),
        (Some(false), Some("jwt"))
    );
    app.request_as(
        Some(&user.token),
        "PATCH",
        "/api/v1/me",
        &[("Content-Type", "application/merge-patch+json")],
        Some(br#"{"email": "x@example.jp"}"#),
    )
    .problem(422);
    assert_eq!(me["token"]["scopes"], json!(["report:write"]));
    assert_eq!(me["acting_for_department_ids"], json!([dep_ids[0]]));
    // The secret is never shown again, and is not stored in clear.
    let listed = app.request_as(Some(&user.token), "GET", "/api/v1/api-tokens", &[], None).ok(200);
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);
    assert!(listed["items"][0].get("token").is_none());
    assert!(listed["items"][0]["last_used_at"].is_string(), "last_used_at is recorded");
    assert!(!app.row_counts().is_empty());

    // A token cannot mint tokens.
    app.send_as(Some(&secret), "POST", "/api/v1/api-tokens", &json!({"name": "x", "scopes": ["read"]})).problem(403);

    // Revoked: 401 from then on.
    app.request_as(Some(&user.token), "DELETE", &format!("/api/v1/api-tokens/{id}"), &[], None).ok(204);
    app.request_as(Some(&secret), "GET", "/api/v1/me", &[], None).problem(401);
    let revoked = app.request_as(Some(&user.token), "GET", &format!("/api/v1/api-tokens/{id}"), &[], None).ok(200);
    assert!(revoked["revoked_at"].is_string());
    app.request_as(Some(&user.token), "DELETE", &format!("/api/v1/api-tokens/{id}"), &[], None).ok(204);
}

#[test]
fn scopes_never_exceed_the_owner() {
    let app = TestApp::spawn();
    let committee = app.create_user("iinkai", Role::Committee, &[]);
    let post = |token: &str, body: serde_json::Value| app.send_as(Some(token), "POST", "/api/v1/api-tokens", &body);
    post(&committee.token, json!({"name": "x", "scopes": ["admin"]})).problem_at(422, "/scopes/0");
    post(&committee.token, json!({"name": "x", "scopes": ["read", "report:write"]})).problem_at(422, "/scopes/1");
    post(&committee.token, json!({"name": "x", "scopes": []})).problem_at(422, "/scopes");
    post(&committee.token, json!({"name": "x", "scopes": ["write"]})).problem_at(422, "/scopes/0");
    post(&committee.token, json!({"name": "x", "scopes": ["read"], "expires_at": "2001-01-01T00:00:00Z"}))
        .problem_at(422, "/expires_at");
    post(
        &committee.token,
        json!({"name": "x", "scopes": ["read"], "department_ids": ["01930000-0000-7000-8000-000000000000"]}),
    )
    .problem_at(422, "/department_ids/0");

    // An admin's read-only token reads but cannot write (403: scope exceeded).
    let read_only = post(&app.token, json!({"name": "読み取り専用", "scopes": ["read"]})).ok(201)["token"]
        .as_str()
        .unwrap()
        .to_string();
    app.request_as(Some(&read_only), "GET", "/api/v1/plans", &[], None).ok(200);
    let r = app.send_as(
        Some(&read_only),
        "POST",
        "/api/v1/departments",
        &json!({"name": "健康課", "kind": "city_department"}),
    );
    assert!(r.problem(403)["detail"].as_str().unwrap().contains("scope"));
    // With the admin scope it can.
    let full = post(&app.token, json!({"name": "移行スクリプト", "scopes": ["admin"]})).ok(201)["token"]
        .as_str()
        .unwrap()
        .to_string();
    app.send_as(Some(&full), "POST", "/api/v1/departments", &json!({"name": "健康課", "kind": "city_department"}))
        .ok(201);
}

#[test]
fn expired_tokens_and_tokens_of_deactivated_owners_stop() {
    let app = TestApp::spawn();
    let user = app.create_user("kikikanri", Role::Committee, &[]);
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    let expiring = app
        .send_as(
            Some(&user.token),
            "POST",
            "/api/v1/api-tokens",
            &json!({"name": "短命", "scopes": ["read"], "expires_at": soon}),
        )
        .ok(201)["token"]
        .as_str()
        .unwrap()
        .to_string();
    let lasting = app
        .send_as(Some(&user.token), "POST", "/api/v1/api-tokens", &json!({"name": "長命", "scopes": ["read"]}))
        .ok(201)["token"]
        .as_str()
        .unwrap()
        .to_string();
    app.request_as(Some(&expiring), "GET", "/api/v1/me", &[], None).ok(200);
    std::thread::sleep(std::time::Duration::from_secs(3));
    app.request_as(Some(&expiring), "GET", "/api/v1/me", &[], None).problem(401);
    app.request_as(Some(&lasting), "GET", "/api/v1/me", &[], None).ok(200);
    app.patch(&format!("/api/v1/users/{}", user.id), &json!({"active": false}), None).ok(200);
    app.request_as(Some(&lasting), "GET", "/api/v1/me", &[], None).problem(401);
    app.request_as(None, "GET", "/api/v1/me", &[("Authorization", "Bearer shk_not-a-real-token")], None).problem(401);
}

#[test]
fn other_users_tokens_are_invisible() {
    let app = TestApp::spawn();
    let a = app.create_user("a-user", Role::Committee, &[]);
    let b = app.create_user("b-user", Role::Committee, &[]);
    let token =
        app.send_as(Some(&a.token), "POST", "/api/v1/api-tokens", &json!({"name": "A", "scopes": ["read"]})).ok(201);
    let path = format!("/api/v1/api-tokens/{}", token["id"].as_str().unwrap());
    app.request_as(Some(&b.token), "GET", &path, &[], None).problem(404);
    app.request_as(Some(&b.token), "DELETE", &path, &[], None).problem(404);
    assert_eq!(
        app.request_as(Some(&b.token), "GET", "/api/v1/api-tokens", &[], None).ok(200)["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    // The secretariat sees and revokes everyone's.
    app.get(&path).ok(200);
    let all = app.get(&format!("/api/v1/api-tokens?user_id={}", a.id)).ok(200);
    assert_eq!(all["items"].as_array().unwrap().len(), 1);
    app.delete(&path, None).ok(204);
}

#[test]
fn unknown_and_malformed_token_ids() {
    let app = TestApp::spawn();
    app.get("/api/v1/api-tokens/01930000-0000-7000-8000-000000000000").problem(404);
    app.delete("/api/v1/api-tokens/01930000-0000-7000-8000-000000000000", None).problem(404);
    app.get("/api/v1/api-tokens/12345").problem(400);
    app.delete("/api/v1/api-tokens/12345", None).problem(400);
    app.get("/api/v1/api-tokens?user_id=nope").problem(400);
}
