//! Every kind of write leaves exactly one audit event, with the right actor.

use serde_json::{json, Value};
use shinchoku::web::auth::Role;

use crate::harness::{fixture, TestApp};

fn events(app: &TestApp) -> Vec<Value> {
    app.get("/api/v1/audit-events?limit=500").ok(200)["items"].as_array().unwrap().clone()
}

/// Runs `write` and checks that it added exactly one event: `action` on `entity_type`, by `actor`.
#[track_caller]
fn one_event(app: &TestApp, actor: &str, action: &str, entity_type: &str, write: impl FnOnce() -> Value) -> Value {
    let before = events(app).len();
    let result = write();
    let after = events(app);
    assert_eq!(after.len(), before + 1, "{action} {entity_type}: {} events", after.len() - before);
    let event = &after[0];
    assert_eq!(event["action"], action, "{event}");
    assert_eq!(event["entity_type"], entity_type, "{event}");
    assert_eq!(event["actor_id"], actor, "{event}");
    assert!(event["request_id"].is_string());
    result
}

#[test]
fn each_kind_of_write_leaves_one_event() {
    let app = TestApp::spawn();
    let admin = app.admin_id.clone();
    let council = app.post("/api/v1/departments", &json!({"name": "社会福祉協議会", "kind": "council"})).ok(201);
    let owner = app.create_user("shakyo", Role::Council, &[council["id"].as_str().unwrap()]);
    let as_owner = |method: &str, path: &str, body: Value| app.send_as(Some(&owner.token), method, path, &body);

    let dep = one_event(&app, &admin, "create", "department", || {
        app.post("/api/v1/departments", &json!({"name": "社会福祉課", "kind": "city_department"})).ok(201)
    });
    let dep_path = format!("/api/v1/departments/{}", dep["id"].as_str().unwrap());
    one_event(&app, &admin, "update", "department", || {
        app.patch(&dep_path, &json!({"name": "社会福祉課（福祉部）"}), None).ok(200)
    });
    let plan = one_event(&app, &admin, "create", "plan", || {
        app.post("/api/v1/plans", &json!({"title": "地域福祉活動計画", "organization": "白井市社会福祉協議会", "start_fy": 2020, "end_fy": 2024,
                                           "level_labels": ["基本目標", "取組"], "owner_department_id": council["id"]}))
            .ok(201)
    });
    let p = plan["id"].as_str().unwrap().to_string();
    // The owning council writes the structure; the events name the council user.
    let actor = owner.id.clone();
    one_event(&app, &actor, "update", "plan", || {
        as_owner("PATCH", &format!("/api/v1/plans/{p}"), json!({"title": "第2次地域福祉活動計画"})).ok(200)
    });
    let root = one_event(&app, &actor, "create", "node", || {
        as_owner("POST", &format!("/api/v1/plans/{p}/nodes"), json!({"title": "基本目標1"})).ok(201)
    });
    let other = one_event(&app, &actor, "create", "node", || {
        as_owner("POST", &format!("/api/v1/plans/{p}/nodes"), json!({"title": "基本目標2"})).ok(201)
    });
    let other_path = format!("/api/v1/plans/{p}/nodes/{}", other["id"].as_str().unwrap());
    one_event(&app, &actor, "move", "node", || {
        as_owner("PATCH", &other_path, json!({"parent_id": root["id"]})).ok(200)
    });
    one_event(&app, &actor, "update", "node", || {
        as_owner("PATCH", &other_path, json!({"title": "取組の方向"})).ok(200)
    });
    let initiative = one_event(&app, &actor, "create", "initiative", || {
        as_owner(
            "POST",
            &format!("/api/v1/plans/{p}/initiatives"),
            json!({"code": "1", "title": "見守り活動", "node_ids": [other["id"]], "department_ids": [council["id"]]}),
        )
        .ok(201)
    });
    let i = initiative["id"].as_str().unwrap().to_string();
    one_event(&app, &actor, "update", "initiative", || {
        as_owner("PATCH", &format!("/api/v1/initiatives/{i}"), json!({"notes": "新規"})).ok(200)
    });
    let indicator = one_event(&app, &actor, "create", "indicator", || {
        as_owner("POST", &format!("/api/v1/initiatives/{i}/indicators"), json!({"name": "見守り件数", "unit": "件"}))
            .ok(201)
    });
    let k = format!("/api/v1/initiatives/{i}/indicators/{}", indicator["id"].as_str().unwrap());
    one_event(&app, &actor, "update", "indicator", || as_owner("PATCH", &k, json!({"unit": "回"})).ok(200));
    let successor = one_event(&app, &actor, "revise", "indicator", || {
        as_owner("POST", &format!("{k}/revisions"), json!({"from_fy": 2022, "name": "見守り訪問件数"})).ok(201)
    });
    one_event(&app, &actor, "delete", "indicator", || {
        as_owner(
            "DELETE",
            &format!("/api/v1/initiatives/{i}/indicators/{}", successor["id"].as_str().unwrap()),
            json!(null),
        )
        .ok(204)
    });
    let target = one_event(&app, &actor, "create", "target", || {
        as_owner("POST", &format!("/api/v1/plans/{p}/targets"), json!({"name": "会員数"})).ok(201)
    });
    let t = format!("/api/v1/plans/{p}/targets/{}", target["id"].as_str().unwrap());
    one_event(&app, &actor, "update", "target", || as_owner("PATCH", &t, json!({"unit": "人"})).ok(200));
    one_event(&app, &actor, "delete", "target", || as_owner("DELETE", &t, json!(null)).ok(204));
    one_event(&app, &actor, "delete", "initiative", || {
        as_owner("DELETE", &format!("/api/v1/initiatives/{i}"), json!(null)).ok(204)
    });
    one_event(&app, &actor, "delete", "node", || as_owner("DELETE", &other_path, json!(null)).ok(204));
    one_event(&app, &admin, "delete", "plan", || app.delete(&format!("/api/v1/plans/{p}"), None).ok(204));
    one_event(&app, &admin, "delete", "department", || app.delete(&dep_path, None).ok(204));

    // A bundle is one write: one event, though it creates departments too.
    let imported = one_event(&app, &admin, "import", "plan", || {
        app.request(
            "POST",
            "/api/v1/plan-bundles",
            &[("Content-Type", "application/json")],
            Some(fixture("silver-center-basic-plan").as_bytes()),
        )
        .ok(201)
    });
    let event = &events(&app)[0];
    assert_eq!(event["after"]["departments_created"], json!(["総務", "事業"]));
    assert_eq!(event["plan_id"], imported["plan"]["id"]);

    // Users, tokens and sessions.
    let user = one_event(&app, &admin, "create", "user", || {
        app.post(
            "/api/v1/users",
            &json!({"login": "iinkai", "display_name": "委員", "password": "committee password", "role": "committee"}),
        )
        .ok(201)
    });
    let u = user["id"].as_str().unwrap().to_string();
    assert!(events(&app)[0]["after"].get("password_hash").is_none(), "no password in the trail");
    one_event(&app, &admin, "update", "user", || {
        app.patch(&format!("/api/v1/users/{u}"), &json!({"display_name": "委員長"}), None).ok(200)
    });
    let tokens = one_event(&app, &u, "sign_in", "session", || {
        app.send_as(None, "POST", "/api/v1/auth/token", &json!({"login": "iinkai", "password": "committee password"}))
            .ok(200)
    });
    let access = tokens["access_token"].as_str().unwrap().to_string();
    let rotated = one_event(&app, &u, "refresh", "session", || {
        app.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": tokens["refresh_token"]})).ok(200)
    });
    one_event(&app, &u, "sign_out", "session", || {
        app.send_as(None, "POST", "/api/v1/auth/logout", &json!({"refresh_token": rotated["refresh_token"]})).ok(204)
    });
    let token = one_event(&app, &u, "create", "api_token", || {
        app.send_as(Some(&access), "POST", "/api/v1/api-tokens", &json!({"name": "閲覧", "scopes": ["read"]})).ok(201)
    });
    assert!(!events(&app)[0].to_string().contains(token["token"].as_str().unwrap()), "no secret in the trail");
    one_event(&app, &u, "revoke", "api_token", || {
        app.request_as(
            Some(&access),
            "DELETE",
            &format!("/api/v1/api-tokens/{}", token["id"].as_str().unwrap()),
            &[],
            None,
        )
        .ok(204)
    });

    // Writes through an API token name the token too.
    let script = app
        .send_as(Some(&app.token), "POST", "/api/v1/api-tokens", &json!({"name": "移行", "scopes": ["admin"]}))
        .ok(201);
    one_event(&app, &admin, "create", "department", || {
        app.send_as(
            Some(script["token"].as_str().unwrap()),
            "POST",
            "/api/v1/departments",
            &json!({"name": "健康課", "kind": "city_department"}),
        )
        .ok(201)
    });
    assert_eq!(events(&app)[0]["token_id"], script["id"]);
}

#[test]
fn refused_writes_leave_no_event_and_filters_work() {
    let app = TestApp::spawn();
    let committee = app.create_user("iinkai", Role::Committee, &[]);
    let before = events(&app).len();
    app.send_as(Some(&committee.token), "POST", "/api/v1/departments", &json!({"name": "x", "kind": "other"}))
        .problem(403);
    app.post("/api/v1/departments", &json!({"name": "", "kind": "other"})).problem(422);
    assert_eq!(events(&app).len(), before);

    let dep = app.post("/api/v1/departments", &json!({"name": "保育課", "kind": "city_department"})).ok(201);
    let id = dep["id"].as_str().unwrap();
    app.patch(&format!("/api/v1/departments/{id}"), &json!({"name": "保育幼稚園課"}), None).ok(200);
    let by_entity = app.get(&format!("/api/v1/audit-events?entity_type=department&entity_id={id}")).ok(200);
    let items = by_entity["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["before"]["name"], "保育課");
    assert_eq!(items[0]["after"]["name"], "保育幼稚園課");
    assert_eq!(items[0]["actor_login"], "admin");
    let by_actor = app.get(&format!("/api/v1/audit-events?actor_id={}", committee.id)).ok(200);
    assert_eq!(by_actor["items"].as_array().unwrap().len(), 0);
    let future = app.get("/api/v1/audit-events?from=2999-01-01T00:00:00Z").ok(200);
    assert_eq!(future["items"].as_array().unwrap().len(), 0);
    app.get("/api/v1/audit-events?from=yesterday").problem(400);
    let paged = app.get("/api/v1/audit-events?limit=1").ok(200);
    assert!(paged["next_cursor"].is_string());
}

/// A report write's event shows the report after the write: its revision's snapshot, which the
/// event refers to instead of keeping a copy. Once the initiative and its reports are deleted,
/// the event still shows it (the snapshot moves into the event before the revision goes).
#[test]
fn a_report_write_shows_the_report_after_also_once_the_report_is_deleted() {
    let app = TestApp::spawn();
    let dep = app.post("/api/v1/departments", &json!({"name": "社会福祉課", "kind": "city_department"})).ok(201);
    let plan = app
        .post(
            "/api/v1/plans",
            &json!({"title": "地域福祉計画", "organization": "市", "start_fy": 2020, "end_fy": 2024,
                    "level_labels": ["基本方針", "取組"]}),
        )
        .ok(201);
    let p = plan["id"].as_str().unwrap();
    let node = app.post(&format!("/api/v1/plans/{p}/nodes"), &json!({"title": "基本方針1"})).ok(201);
    let body = json!({"code": "1", "title": "見守り活動", "node_ids": [node["id"]], "department_ids": [dep["id"]]});
    let i = app.post(&format!("/api/v1/plans/{p}/initiatives"), &body).ok(201)["id"].as_str().unwrap().to_string();
    let year = format!("/api/v1/initiatives/{i}/years/2023");
    let put = |body: Value, status: u16| app.send_as(Some(&app.token), "PUT", &year, &body).ok(status);
    put(json!({"plan_text": "見守り訓練を行う", "result_text": "2回実施"}), 201);
    let report = put(json!({"plan_text": "見守り訓練を行う", "result_text": "3回実施"}), 200);
    let r = report["id"].as_str().unwrap().to_string();
    let of_report = || app.get(&format!("/api/v1/audit-events?entity_id={r}&limit=100")).ok(200)["items"].clone();
    let events = of_report();
    let events = events.as_array().unwrap();
    assert_eq!(events.len(), 2, "{events:?}");
    // Newest first: the second write, from the first write's state to the report as answered.
    let revisions = app.get(&format!("{year}/revisions?limit=100")).ok(200)["items"].clone();
    let second = app.get(&format!("{year}/revisions/2")).ok(200)["report"].clone();
    let first = app.get(&format!("{year}/revisions/1")).ok(200)["report"].clone();
    assert_eq!(revisions.as_array().unwrap().len(), 2);
    assert_eq!(events[0]["after"], second);
    assert_eq!(events[0]["before"], first);
    assert_eq!(events[1]["after"], first);
    assert!(events[1]["before"].is_null());
    assert_eq!(events[0]["after"]["result_text"], "3回実施");

    app.delete(&format!("/api/v1/initiatives/{i}"), None).ok(204);
    app.get(&year).problem(404);
    let kept = of_report();
    assert_eq!(kept.as_array().unwrap(), events, "the events outlive the report, states included");
    // So does a whole plan's deletion, which takes every report of the plan with it.
    let i2 = app.post(&format!("/api/v1/plans/{p}/initiatives"), &body).ok(201)["id"].as_str().unwrap().to_string();
    let report = app
        .send_as(
            Some(&app.token),
            "PUT",
            &format!("/api/v1/initiatives/{i2}/years/2022"),
            &json!({"result_text": "実施"}),
        )
        .ok(201);
    let r2 = report["id"].as_str().unwrap().to_string();
    let before = app.get(&format!("/api/v1/audit-events?entity_id={r2}")).ok(200)["items"].clone();
    assert_eq!(before[0]["after"]["result_text"], "実施");
    app.delete(&format!("/api/v1/plans/{p}"), None).ok(204);
    let after = app.get(&format!("/api/v1/audit-events?entity_id={r2}")).ok(200)["items"].clone();
    assert_eq!(after, before);
}
