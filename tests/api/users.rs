//! Users: created and changed by the secretariat, with roles and departments that fit.

use serde_json::json;
use shinchoku::web::auth::Role;

use crate::harness::TestApp;

#[test]
fn admin_creates_a_department_user_who_signs_in() {
    let app = TestApp::spawn();
    let department = app.post("/api/v1/departments", &json!({"name": "社会福祉課", "kind": "city_department"})).ok(201);
    let created = app
        .post(
            "/api/v1/users",
            &json!({
                "login": "fukushi.tanaka", "display_name": "田中 花子", "password": "correct horse battery staple",
                "role": "department", "department_ids": [department["id"]]
            }),
        )
        .ok(201);
    assert_eq!(created["role"], "department");
    assert_eq!(created["departments"][0]["name"], "社会福祉課");
    assert!(created.get("password").is_none() && created.get("password_hash").is_none());
    let signed_in = app
        .send_as(
            None,
            "POST",
            "/api/v1/auth/token",
            &json!({"login": "fukushi.tanaka", "password": "correct horse battery staple"}),
        )
        .ok(200);
    assert!(signed_in["access_token"].is_string());
    let list = app.get("/api/v1/users?role=department").ok(200);
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    // Same login twice → 409.
    app.post("/api/v1/users", &json!({"login": "fukushi.tanaka", "display_name": "x", "password": "another long password", "role": "committee"}))
        .problem(409);
}

#[test]
fn user_input_is_checked() {
    let app = TestApp::spawn();
    let city = app.post("/api/v1/departments", &json!({"name": "健康課", "kind": "city_department"})).ok(201);
    let council = app.post("/api/v1/departments", &json!({"name": "社会福祉協議会", "kind": "council"})).ok(201);
    let before = app.row_counts();
    let base = json!({"login": "new.user", "display_name": "新しい人", "password": "long enough password", "role": "committee"});
    let with = |k: &str, v: serde_json::Value| {
        let mut b = base.clone();
        b[k] = v;
        b
    };
    app.post("/api/v1/users", &with("password", json!("short"))).problem_at(422, "/password");
    app.post("/api/v1/users", &with("login", json!("空白 あり"))).problem_at(422, "/login");
    app.post("/api/v1/users", &with("login", json!("ab"))).problem_at(422, "/login");
    app.post("/api/v1/users", &with("role", json!("superuser"))).problem_at(422, "/role");
    // Department users act for a city department; council users for the council.
    app.post("/api/v1/users", &with("role", json!("department"))).problem_at(422, "/department_ids");
    let mut b = with("role", json!("department"));
    b["department_ids"] = json!([council["id"]]);
    app.post("/api/v1/users", &b).problem_at(422, "/department_ids/0");
    let mut b = with("role", json!("council"));
    b["department_ids"] = json!([city["id"]]);
    app.post("/api/v1/users", &b).problem_at(422, "/department_ids/0");
    assert_eq!(app.row_counts(), before);
}

#[test]
fn admins_never_lock_themselves_out() {
    let app = TestApp::spawn();
    let path = format!("/api/v1/users/{}", app.admin_id);
    app.patch(&path, &json!({"active": false}), None).problem(409);
    app.patch(&path, &json!({"role": "committee"}), None).problem(409);
    let second = app.create_user("second-admin", Role::Admin, &[]);
    // Not even with another admin around: no one deactivates or demotes themselves…
    app.patch(&path, &json!({"active": false}), None).problem(409);
    app.patch(&path, &json!({"display_name": "事務局長"}), None).ok(200);
    // …but another admin may.
    app.request_as(
        Some(&second.token),
        "PATCH",
        &path,
        &[("Content-Type", "application/merge-patch+json")],
        Some(br#"{"active": false}"#),
    )
    .ok(200);
}

#[test]
fn new_password_ends_other_sessions() {
    let app = TestApp::spawn();
    let user = app.create_user("kosodate", Role::Committee, &[]);
    let tokens = app
        .send_as(None, "POST", "/api/v1/auth/token", &json!({"login": "kosodate", "password": user.password}))
        .ok(200);
    app.patch(&format!("/api/v1/users/{}", user.id), &json!({"password": "a brand new password"}), None).ok(200);
    app.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": tokens["refresh_token"]})).problem(401);
    app.send_as(None, "POST", "/api/v1/auth/token", &json!({"login": "kosodate", "password": user.password}))
        .problem(401);
    app.send_as(None, "POST", "/api/v1/auth/token", &json!({"login": "kosodate", "password": "a brand new password"}))
        .ok(200);
}
