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

/// E-mail addresses: optional, checked, one user each (in any case, decided by the database when
/// two writers race), seen by admins and by the user only.
#[test]
fn users_have_e_mail_addresses_that_only_admins_and_they_themselves_see() {
    let app = TestApp::spawn();
    let base = json!({"login": "iinkai.sato", "display_name": "佐藤 一郎", "password": "long enough password", "role": "committee"});
    let with_email = |email: serde_json::Value| {
        let mut b = base.clone();
        b["email"] = email;
        b
    };
    let before = app.row_counts();
    for bad in ["sato", "sato@localhost", "佐藤@example.jp", "sato@exa mple.jp"] {
        app.post("/api/v1/users", &with_email(json!(bad))).problem_at(422, "/email");
    }
    assert_eq!(app.row_counts(), before, "nothing written");
    let created = app.post("/api/v1/users", &with_email(json!(" Sato@City.Example.JP "))).ok(201);
    assert_eq!(created["email"], "sato@city.example.jp", "trimmed, in lower case");
    let id = created["id"].as_str().unwrap().to_string();
    // Another user, the same address in another case: taken.
    let mut other = with_email(json!("SATO@city.example.jp"));
    other["login"] = json!("iinkai.suzuki");
    app.post("/api/v1/users", &other).problem(409);
    other["email"] = json!("suzuki@city.example.jp");
    let suzuki = app.post("/api/v1/users", &other).ok(201);
    let suzuki_path = format!("/api/v1/users/{}", suzuki["id"].as_str().unwrap());
    app.patch(&suzuki_path, &json!({"email": "Sato@city.example.jp"}), None).problem(409);
    app.patch(&suzuki_path, &json!({"email": "suzuki@"}), None).problem_at(422, "/email");
    // The user sees their own address; another signed-in user sees no one's.
    let sato = app
        .send_as(
            None,
            "POST",
            "/api/v1/auth/token",
            &json!({"login": "iinkai.sato", "password": "long enough password"}),
        )
        .ok(200)["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let me = app.request_as(Some(&sato), "GET", "/api/v1/me", &[], None).ok(200);
    assert_eq!(me["user"]["email"], "sato@city.example.jp");
    app.request_as(Some(&sato), "GET", &format!("/api/v1/users/{id}"), &[], None).problem(403);
    app.request_as(Some(&sato), "GET", "/api/v1/users", &[], None).problem(403);
    // Removed with null; the address is free again.
    let cleared = app.patch(&format!("/api/v1/users/{id}"), &json!({"email": null}), None).ok(200);
    assert_eq!(cleared["email"], serde_json::Value::Null);
    assert_eq!(app.get(&format!("/api/v1/users/{id}")).ok(200)["email"], serde_json::Value::Null);
    app.patch(&suzuki_path, &json!({"email": "sato@city.example.jp"}), None).ok(200);

    // Two creations with one new address at once: exactly one is made.
    let responses = app.concurrently(8, |app, n| {
        let body = json!({
            "login": format!("racer{n}"), "display_name": "競争", "password": "long enough password",
            "role": "committee", "email": "race@city.example.jp"
        });
        app.send_as(Some(&app.token), "POST", "/api/v1/users", &body)
    });
    let statuses: Vec<u16> = responses.iter().map(|r| r.status).collect();
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 201 || *s == 409), "{statuses:?}");
}
