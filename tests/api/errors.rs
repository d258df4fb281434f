//! Bad input on every endpoint: each answer is problem+json with the right status, and nothing is stored.

use serde_json::{json, Value};

use crate::harness::TestApp;

pub const UNKNOWN: &str = "01930000-0000-7000-8000-000000000000";

/// A small plan made through the API: one of everything.
pub struct World {
    pub department: String,
    pub plan: String,
    pub root: String,
    pub child: String,
    pub initiative: String,
    pub indicator: String,
    pub target: String,
    pub user: String,
}

impl World {
    pub fn build(app: &TestApp) -> World {
        let department =
            app.post("/api/v1/departments", &json!({"name": "社会福祉課", "kind": "city_department"})).ok(201);
        let plan = app
            .post(
                "/api/v1/plans",
                &json!({"title": "第2次地域福祉計画", "organization": "白井市", "start_fy": 2020, "end_fy": 2024,
                                            "level_labels": ["基本方針", "施策の方向"]}),
            )
            .ok(201);
        let plan_id = plan["id"].as_str().unwrap().to_string();
        let root = app
            .post(
                &format!("/api/v1/plans/{plan_id}/nodes"),
                &json!({"code": "(1)", "title": "地域における福祉サービスの適切な利用の促進"}),
            )
            .ok(201);
        let child = app
            .post(
                &format!("/api/v1/plans/{plan_id}/nodes"),
                &json!({"parent_id": root["id"], "code": "①", "title": "相談支援体制の整備"}),
            )
            .ok(201);
        let initiative = app
            .post(&format!("/api/v1/plans/{plan_id}/initiatives"), &json!({
                "code": "1", "title": "保健福祉ガイドブックの発行", "node_ids": [child["id"]], "department_ids": [department["id"]]
            }))
            .ok(201);
        let initiative_id = initiative["id"].as_str().unwrap().to_string();
        let indicator = app
            .post(
                &format!("/api/v1/initiatives/{initiative_id}/indicators"),
                &json!({"name": "発行部数", "unit": "部"}),
            )
            .ok(201);
        let target =
            app.post(&format!("/api/v1/plans/{plan_id}/targets"), &json!({"name": "会員数", "unit": "人"})).ok(201);
        let user = app.create_user("iinkai", shinchoku::web::auth::Role::Committee, &[]);
        let id = |v: &Value| v["id"].as_str().unwrap().to_string();
        World {
            department: id(&department),
            plan: plan_id,
            root: id(&root),
            child: id(&child),
            initiative: initiative_id,
            indicator: id(&indicator),
            target: id(&target),
            user: user.id,
        }
    }

    /// (method, path, a valid body) for every endpoint that takes a body.
    pub fn writes(&self) -> Vec<(&'static str, String, Value)> {
        let (p, i) = (&self.plan, &self.initiative);
        vec![
            ("POST", "/api/v1/departments".into(), json!({"name": "健康課", "kind": "city_department"})),
            ("PATCH", format!("/api/v1/departments/{}", self.department), json!({"name": "社会福祉課"})),
            (
                "POST",
                "/api/v1/plans".into(),
                json!({"title": "計画", "organization": "市", "start_fy": 2020, "end_fy": 2024, "level_labels": ["基本方針"]}),
            ),
            ("PATCH", format!("/api/v1/plans/{p}"), json!({"title": "第2次地域福祉計画"})),
            ("POST", format!("/api/v1/plans/{p}/nodes"), json!({"title": "新しい方針"})),
            ("PATCH", format!("/api/v1/plans/{p}/nodes/{}", self.root), json!({"title": "方針"})),
            (
                "POST",
                format!("/api/v1/plans/{p}/initiatives"),
                json!({"code": "2", "title": "取組", "node_ids": [self.child], "department_ids": [self.department]}),
            ),
            ("PATCH", format!("/api/v1/initiatives/{i}"), json!({"title": "保健福祉ガイドブックの発行"})),
            ("POST", format!("/api/v1/initiatives/{i}/indicators"), json!({"name": "配布部数"})),
            ("PATCH", format!("/api/v1/initiatives/{i}/indicators/{}", self.indicator), json!({"unit": "冊"})),
            (
                "POST",
                format!("/api/v1/initiatives/{i}/indicators/{}/revisions", self.indicator),
                json!({"from_fy": 2022, "name": "新しい指標"}),
            ),
            ("POST", format!("/api/v1/plans/{p}/targets"), json!({"name": "契約金額"})),
            ("PATCH", format!("/api/v1/plans/{p}/targets/{}", self.target), json!({"unit": "円"})),
            (
                "POST",
                format!("/api/v1/plans/{p}/targets/{}/revisions", self.target),
                json!({"from_fy": 2023, "name": "新しい目標"}),
            ),
            (
                "POST",
                "/api/v1/plan-bundles".into(),
                json!({"plan": {"title": "t", "organization": "o", "start_fy": 2020, "end_fy": 2021, "level_labels": ["a"]}}),
            ),
            (
                "POST",
                "/api/v1/users".into(),
                json!({"login": "new.user", "display_name": "新", "password": "long enough password", "role": "committee"}),
            ),
            ("PATCH", format!("/api/v1/users/{}", self.user), json!({"display_name": "委員"})),
            ("POST", "/api/v1/api-tokens".into(), json!({"name": "閲覧", "scopes": ["read"]})),
            ("POST", "/api/v1/auth/token".into(), json!({"login": "iinkai", "password": "iinkai-password-1234"})),
            ("POST", "/api/v1/auth/refresh".into(), json!({"refresh_token": "shr_x"})),
            ("POST", "/api/v1/auth/logout".into(), json!({"refresh_token": "shr_x"})),
        ]
    }

    /// Every versioned item path (GET, PATCH) and whether it can be deleted (users are
    /// deactivated instead, so that their history stays).
    pub fn items(&self) -> Vec<(String, bool)> {
        let (p, i) = (&self.plan, &self.initiative);
        vec![
            (format!("/api/v1/departments/{}", self.department), true),
            (format!("/api/v1/plans/{p}"), true),
            (format!("/api/v1/plans/{p}/nodes/{}", self.root), true),
            (format!("/api/v1/initiatives/{i}"), true),
            (format!("/api/v1/initiatives/{i}/indicators/{}", self.indicator), true),
            (format!("/api/v1/plans/{p}/targets/{}", self.target), true),
            (format!("/api/v1/users/{}", self.user), false),
        ]
    }
}

fn send(app: &TestApp, method: &str, path: &str, content_type: &str, body: &[u8]) -> crate::harness::Resp {
    app.request(method, path, &[("Content-Type", content_type)], Some(body))
}

fn content_type(method: &str) -> &'static str {
    if method == "PATCH" {
        "application/merge-patch+json"
    } else {
        "application/json"
    }
}

#[test]
fn malformed_bodies_are_refused_and_change_nothing() {
    let app = TestApp::spawn();
    let world = World::build(&app);
    let before = app.row_counts();
    for (method, path, body) in world.writes() {
        let ct = content_type(method);
        // Malformed JSON → 400.
        send(&app, method, &path, ct, b"{\"name\": ").problem(400);
        send(&app, method, &path, ct, "{'title': 'x'}".as_bytes()).problem(400);
        // Unknown field → 422 naming it.
        let mut unknown = body.clone();
        unknown["surprise"] = json!(true);
        send(&app, method, &path, ct, unknown.to_string().as_bytes()).problem_at(422, "/surprise");
        // Wrong type → 422.
        let field = body.as_object().unwrap().keys().next().unwrap().clone();
        let mut wrong = body.clone();
        wrong[&field] = json!(true);
        send(&app, method, &path, ct, wrong.to_string().as_bytes()).problem_at(422, &format!("/{field}"));
        // Not an object at all.
        send(&app, method, &path, ct, b"[1, 2, 3]").problem(422);
        // Wrong content type → 415.
        send(&app, method, &path, "text/plain", body.to_string().as_bytes()).problem(415);
        app.request(method, &path, &[], Some(body.to_string().as_bytes())).problem(415);
        // Oversized → 413 (the test server allows 64 KiB for JSON, 4 MiB for bundles).
        let huge = format!("{{\"name\": \"{}\"}}", "あ".repeat(2 * 1024 * 1024));
        send(&app, method, &path, ct, huge.as_bytes()).problem(413);
        assert_eq!(app.row_counts(), before, "{method} {path} stored something");
    }
}

#[test]
fn blank_and_overlong_strings_are_refused() {
    let app = TestApp::spawn();
    let world = World::build(&app);
    let before = app.row_counts();
    let p = &world.plan;
    let cases: Vec<(&str, String, Value, &str)> = vec![
        ("POST", "/api/v1/departments".into(), json!({"name": "", "kind": "council"}), "/name"),
        ("POST", "/api/v1/departments".into(), json!({"name": "　 ", "kind": "council"}), "/name"),
        ("POST", "/api/v1/departments".into(), json!({"name": "課".repeat(101), "kind": "council"}), "/name"),
        ("PATCH", format!("/api/v1/departments/{}", world.department), json!({"name": ""}), "/name"),
        ("PATCH", format!("/api/v1/departments/{}", world.department), json!({"name": null}), "/name"),
        (
            "POST",
            "/api/v1/plans".into(),
            json!({"title": "", "organization": "市", "start_fy": 2020, "end_fy": 2024, "level_labels": ["a"]}),
            "/title",
        ),
        (
            "POST",
            "/api/v1/plans".into(),
            json!({"title": "t", "organization": "市", "start_fy": 2020, "end_fy": 2024, "level_labels": []}),
            "/level_labels",
        ),
        (
            "POST",
            "/api/v1/plans".into(),
            json!({"title": "t", "organization": "市", "start_fy": 2024, "end_fy": 2020, "level_labels": ["a"]}),
            "/end_fy",
        ),
        (
            "POST",
            "/api/v1/plans".into(),
            json!({"title": "t", "organization": "市", "start_fy": 1800, "end_fy": 2020, "level_labels": ["a"]}),
            "/start_fy",
        ),
        (
            "POST",
            "/api/v1/plans".into(),
            json!({"title": "t", "organization": "市", "start_fy": 2020, "end_fy": 2021, "level_labels": ["a"],
                                                "rating_scale": [{"code": "A", "label": "x"}, {"code": "A", "label": "y"}]}),
            "/rating_scale/1/code",
        ),
        ("PATCH", format!("/api/v1/plans/{p}"), json!({"title": "t".repeat(301)}), "/title"),
        ("POST", format!("/api/v1/plans/{p}/nodes"), json!({"title": " "}), "/title"),
        ("PATCH", format!("/api/v1/plans/{p}/nodes/{}", world.root), json!({"title": ""}), "/title"),
        (
            "POST",
            format!("/api/v1/plans/{p}/initiatives"),
            json!({"code": "", "title": "x", "node_ids": [world.child], "department_ids": [world.department]}),
            "/code",
        ),
        (
            "POST",
            format!("/api/v1/plans/{p}/initiatives"),
            json!({"code": "2", "title": "x", "node_ids": [], "department_ids": [world.department]}),
            "/node_ids",
        ),
        (
            "POST",
            format!("/api/v1/plans/{p}/initiatives"),
            json!({"code": "2", "title": "x", "node_ids": [world.child], "department_ids": []}),
            "/department_ids",
        ),
        (
            "POST",
            format!("/api/v1/plans/{p}/initiatives"),
            json!({"code": "2", "title": "x", "node_ids": [world.child], "department_ids": [super::errors::UNKNOWN]}),
            "/department_ids/0",
        ),
        ("PATCH", format!("/api/v1/initiatives/{}", world.initiative), json!({"title": "題".repeat(301)}), "/title"),
        ("POST", format!("/api/v1/initiatives/{}/indicators", world.initiative), json!({"name": ""}), "/name"),
        (
            "POST",
            format!("/api/v1/initiatives/{}/indicators", world.initiative),
            json!({"name": "x", "direction": "sideways"}),
            "/direction",
        ),
        ("PATCH", format!("/api/v1/plans/{p}/targets/{}", world.target), json!({"name": ""}), "/name"),
    ];
    for (method, path, body, field) in cases {
        let r = send(&app, method, &path, content_type(method), body.to_string().as_bytes());
        r.problem_at(422, field);
    }
    assert_eq!(app.row_counts(), before);
}

#[test]
fn fiscal_years_outside_the_plan_period_are_refused() {
    let app = TestApp::spawn();
    let world = World::build(&app);
    let before = app.row_counts();
    let (p, i) = (&world.plan, &world.initiative);
    let cases: Vec<(&str, String, Value, &str)> = vec![
        (
            "POST",
            format!("/api/v1/plans/{p}/initiatives"),
            json!({"code": "2", "title": "x", "node_ids": [world.child], "department_ids": [world.department], "active_from_fy": 2019}),
            "/active_from_fy",
        ),
        ("PATCH", format!("/api/v1/initiatives/{i}"), json!({"active_to_fy": 2025}), "/active_to_fy"),
        (
            "PATCH",
            format!("/api/v1/initiatives/{i}"),
            json!({"active_from_fy": 2023, "active_to_fy": 2021}),
            "/active_to_fy",
        ),
        (
            "POST",
            format!("/api/v1/initiatives/{i}/indicators"),
            json!({"name": "x", "valid_from_fy": 2030}),
            "/valid_from_fy",
        ),
        (
            "PATCH",
            format!("/api/v1/initiatives/{i}/indicators/{}", world.indicator),
            json!({"valid_to_fy": 2019}),
            "/valid_to_fy",
        ),
        ("POST", format!("/api/v1/plans/{p}/targets"), json!({"name": "x", "valid_to_fy": 2031}), "/valid_to_fy"),
        (
            "POST",
            format!("/api/v1/initiatives/{i}/indicators/{}/revisions", world.indicator),
            json!({"from_fy": 2026, "name": "x"}),
            "/from_fy",
        ),
        (
            "POST",
            format!("/api/v1/initiatives/{i}/indicators/{}/revisions", world.indicator),
            json!({"from_fy": 2020, "name": "x"}),
            "/from_fy",
        ),
    ];
    for (method, path, body, field) in cases {
        let r = send(&app, method, &path, content_type(method), body.to_string().as_bytes());
        let p = r.problem_at(422, field);
        assert!(p["errors"][0]["message"].as_str().unwrap().contains("年度") || field == "/active_to_fy", "{p}");
    }
    assert_eq!(app.row_counts(), before);
}

#[test]
fn unknown_ids_and_invalid_uuids() {
    let app = TestApp::spawn();
    let world = World::build(&app);
    let before = app.row_counts();
    for (path, deletable) in world.items() {
        // Replace the last id with an unknown one, then with garbage.
        let (head, _) = path.rsplit_once('/').unwrap();
        let unknown = format!("{head}/{UNKNOWN}");
        app.get(&unknown).problem(404);
        app.patch(&unknown, &json!({}), None).problem(404);
        app.delete(&unknown, None).problem(if deletable { 404 } else { 405 });
        let garbage = format!("{head}/12345");
        app.get(&garbage).problem(400);
        app.patch(&garbage, &json!({}), None).problem(400);
        app.delete(&garbage, None).problem(if deletable { 400 } else { 405 });
    }
    // Unknown parents in the path.
    for path in [
        format!("/api/v1/plans/{UNKNOWN}/nodes"),
        format!("/api/v1/plans/{UNKNOWN}/initiatives"),
        format!("/api/v1/plans/{UNKNOWN}/targets"),
        format!("/api/v1/initiatives/{UNKNOWN}/indicators"),
        format!("/api/v1/plans/{UNKNOWN}/bundle"),
        // An item under the wrong parent is not found either.
        format!("/api/v1/plans/{UNKNOWN}/nodes/{}", world.root),
        format!("/api/v1/plans/{}/targets/{}", world.plan, world.indicator),
    ] {
        app.get(&path).problem(404);
    }
    app.post(&format!("/api/v1/plans/{UNKNOWN}/nodes"), &json!({"title": "x"})).problem(404);
    app.post(&format!("/api/v1/initiatives/{UNKNOWN}/indicators"), &json!({"name": "x"})).problem(404);
    app.get("/api/v1/no-such-thing").problem(404);
    assert_eq!(app.row_counts(), before);
}

#[test]
fn stale_if_match_is_refused_on_every_item() {
    let app = TestApp::spawn();
    let world = World::build(&app);
    let before = app.row_counts();
    for (path, deletable) in world.items() {
        let current = app.get(&path);
        let etag = current.header("etag").expect("ETag on every item").to_string();
        assert_eq!(etag, format!("\"{}\"", current.json()["version"]));
        app.patch(&path, &json!({}), Some("\"999\"")).problem(412);
        app.delete(&path, Some("\"999\"")).problem(if deletable { 412 } else { 405 });
    }
    assert_eq!(app.row_counts(), before);
}

#[test]
fn list_parameters_are_checked() {
    let app = TestApp::spawn();
    let world = World::build(&app);
    for path in [
        "/api/v1/departments".to_string(),
        "/api/v1/plans".to_string(),
        format!("/api/v1/plans/{}/nodes", world.plan),
        format!("/api/v1/plans/{}/initiatives", world.plan),
        format!("/api/v1/plans/{}/targets", world.plan),
        format!("/api/v1/initiatives/{}/indicators", world.initiative),
    ] {
        app.get(&format!("{path}?limit=0")).problem_at(400, "/query/limit");
        app.get(&format!("{path}?limit=501")).problem_at(400, "/query/limit");
        app.get(&format!("{path}?limit=abc")).problem(400);
        app.get(&format!("{path}?cursor=%%%")).problem(400);
        app.get(&format!("{path}?cursor=bm90LWpzb24")).problem_at(400, "/query/cursor");
        let page = app.get(&format!("{path}?limit=500")).ok(200);
        assert!(page["items"].is_array());
        assert!(page["next_cursor"].is_null());
    }
    app.get("/api/v1/departments?kind=ministry").problem(400);
    app.get(&format!("/api/v1/plans/{}/initiatives?node_id=x", world.plan)).problem(400);
}

#[test]
fn bodies_must_be_objects_all_the_way_down() {
    let app = TestApp::spawn();
    let world = World::build(&app);
    let before = app.row_counts();
    for (method, path, _) in world.writes() {
        send(&app, method, &path, content_type(method), b"[]").problem_at(422, "/");
        send(&app, method, &path, content_type(method), b"\"text\"").problem_at(422, "/");
    }
    let initiative = format!("/api/v1/initiatives/{}", world.initiative);
    app.patch(&initiative, &json!({"related_programs": ["市", "社協"]}), None).problem_at(422, "/related_programs");
    app.patch(&initiative, &json!({"related_programs": {"city": "x", "mayor": "y"}}), None)
        .problem_at(422, "/related_programs/mayor");
    assert_eq!(app.row_counts(), before);
    let ok = app.patch(&initiative, &json!({"related_programs": {"city": "地域福祉推進事業"}}), None).ok(200);
    assert_eq!(ok["related_programs"]["city"], "地域福祉推進事業");
}
