//! What clients stumble on: every failing field at once, parameters named, unknown parameters
//! refused, problems everywhere, list filters and search, no-op writes.

use serde_json::{json, Value};
use shinchoku::web::auth::Role;

use crate::harness::TestApp;

fn fields(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap().to_string(), e["code"].as_str().unwrap().to_string()))
        .collect()
}

fn has(problem: &Value, field: &str, code: &str) -> bool {
    fields(problem).iter().any(|(f, c)| f == field && c == code)
}

#[test]
fn a_body_reports_every_failing_field_at_once() {
    let app = TestApp::spawn();
    let before = app.row_counts();
    let p = app.post("/api/v1/plans", &json!({})).problem(422);
    for field in ["/title", "/organization", "/start_fy", "/end_fy", "/level_labels"] {
        assert!(has(&p, field, "required"), "{field}: {p}");
    }
    assert_eq!(p["code"], "validation");
    assert_eq!(p["detail"], "5 fields are invalid");
    let p = app
        .post(
            "/api/v1/plans",
            &json!({"title": "x".repeat(301), "organization": "　", "start_fy": "2020", "end_fy": 1900,
                    "level_labels": [], "status": "gone", "colour": "red"}),
        )
        .problem(422);
    let message =
        |field: &str| p["errors"].as_array().unwrap().iter().find(|e| e["field"] == field).unwrap()["message"].clone();
    assert!(has(&p, "/title", "max_length"), "{p}");
    assert_eq!(message("/title"), "must be at most 300 characters (it has 301)");
    assert!(has(&p, "/organization", "blank"), "{p}");
    assert!(has(&p, "/start_fy", "invalid_type"), "{p}");
    assert_eq!(message("/start_fy"), "must be an integer");
    assert!(has(&p, "/end_fy", "minimum"), "{p}");
    assert!(has(&p, "/level_labels", "min_items"), "{p}");
    assert_eq!(message("/level_labels"), "must not be empty");
    assert!(has(&p, "/status", "enum"), "{p}");
    assert_eq!(message("/status"), "must be one of: draft, published, archived");
    assert!(has(&p, "/colour", "unknown_field"), "{p}");
    assert_eq!(app.row_counts(), before, "nothing is written");
}

#[test]
fn parameters_are_named_and_unknown_ones_refused() {
    let app = TestApp::spawn();
    let p = app.get("/api/v1/plans/nope/nodes?level=x&limit=0").problem(400);
    assert_eq!(
        fields(&p),
        [
            ("/path/plan_id".to_string(), "format".to_string()),
            ("/query/level".to_string(), "invalid_type".to_string()),
            ("/query/limit".to_string(), "minimum".to_string())
        ]
    );
    assert_eq!(p["errors"][0]["message"], "must be a UUID (e.g. 0192f7a4-5b6c-7d8e-9f00-112233445566)");
    let p = app.get("/api/v1/departments?colour=red&limit=1&limit=2").problem(400);
    assert!(has(&p, "/query/colour", "unknown_parameter"), "{p}");
    assert!(p["errors"][0]["message"].as_str().unwrap().contains("kind"), "names the parameters it takes: {p}");
    assert!(has(&p, "/query/limit", "repeated"), "{p}");
    let p = app.get("/api/v1/me?x=1").problem(400);
    assert!(has(&p, "/query/x", "unknown_parameter"), "{p}");
    // Percent-encoded Japanese is a parameter like any other.
    app.get("/api/v1/plans?q=%E7%9B%B8%E8%AB%87").ok(200);
}

#[test]
fn every_error_is_a_problem() {
    let app = TestApp::spawn();
    for path in ["/docs/no-such-file.js", "/no-such-route", "/api/v1/no-such-route"] {
        let r = app.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.header("content-type"), Some("application/problem+json"), "{path}");
        assert_eq!(r.json()["code"], "not_found", "{path}");
    }
    let r = app.request("PUT", "/api/v1/plans", &[], None);
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow"), Some("GET, HEAD, POST"));
    assert_eq!(r.json()["code"], "method_not_allowed");
}

/// The problem examples of the document are what the server sends: the same type, title and
/// code as a real response of that status, and valid against the Problem schema.
#[test]
fn documented_problems_are_what_the_server_sends() {
    let app = TestApp::spawn();
    let document: Value = app.get("/api/v1/openapi.json").ok(200);
    let contract = shinchoku::web::contract::Contract::from_document(&document);
    let department = app.create_user("iinkai", Role::Committee, &[]);
    let plan = app
        .post(
            "/api/v1/plans",
            &json!({"title": "計画", "organization": "市", "start_fy": 2020, "end_fy": 2024, "level_labels": ["基本方針"]}),
        )
        .ok(201);
    let plan_path = format!("/api/v1/plans/{}", plan["id"].as_str().unwrap());
    let real = |name: &str| -> Value {
        match name {
            "BadRequest" => app.get("/api/v1/plans/nope").json(),
            "Unauthorized" => app.send_as(None, "GET", "/api/v1/plans", &Value::Null).json(),
            "Forbidden" => app.send_as(Some(&department.token), "POST", "/api/v1/departments", &json!({})).json(),
            "NotFound" => app.get("/api/v1/plans/0192f7a4-5b6c-7d8e-9f00-112233445566").json(),
            "Conflict" => {
                app.post("/api/v1/departments", &json!({"name": "課", "kind": "other"})).ok(201);
                app.post("/api/v1/departments", &json!({"name": "課", "kind": "other"})).json()
            }
            "PreconditionFailed" => app.patch(&plan_path, &json!({"title": "新"}), Some("\"99\"")).json(),
            "UnsupportedMediaType" => {
                app.request("POST", "/api/v1/departments", &[("Content-Type", "text/plain")], Some(b"x")).json()
            }
            "UnprocessableEntity" => app.post("/api/v1/plans", &json!({})).json(),
            "PayloadTooLarge" => {
                let big = vec![b' '; 128 * 1024];
                app.request("POST", "/api/v1/departments", &[("Content-Type", "application/json")], Some(&big)).json()
            }
            _ => Value::Null,
        }
    };
    for (name, error) in shinchoku::error::documented_examples() {
        let example = &document["components"]["responses"][name]["content"]["application/problem+json"]["example"];
        assert_eq!(example, &serde_json::to_value(error.problem()).unwrap(), "{name}");
        let errors = contract.check_body("Problem", example);
        assert!(errors.is_empty(), "{name}: {errors:?}");
        let sent = real(name);
        if sent.is_null() {
            continue; // 429, 500, 503: not provoked here (the hardening tests provoke 429 and 503).
        }
        for key in ["type", "title", "status", "code"] {
            assert_eq!(sent[key], example[key], "{name}: {key} of {sent}");
        }
        assert!(contract.check_body("Problem", &sent).is_empty(), "{name}: {sent}");
    }
}

/// Every property of what the server answers is required in the document (nullable where it can
/// be null), so generated types never make a client test for fields that are always there; and
/// real answers fit those schemas.
#[test]
fn responses_send_every_documented_property() {
    let app = TestApp::spawn();
    app.import_fixture("regional-welfare-plan");
    let document: Value = app.get("/api/v1/openapi.json").ok(200);
    let contract = shinchoku::web::contract::Contract::from_document(&document);
    let schemas = document["components"]["schemas"].as_object().unwrap();
    for (name, schema) in schemas {
        let is_output = schema.get("additionalProperties") != Some(&Value::Bool(false));
        if !is_output || name.starts_with("Bundle") {
            continue;
        }
        let properties: Vec<&String> = schema["properties"].as_object().map(|p| p.keys().collect()).unwrap_or_default();
        let required: Vec<&str> =
            schema["required"].as_array().map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        for p in properties {
            assert!(required.contains(&p.as_str()), "{name}.{p} is always sent but not required");
        }
    }
    let plan = &app.get("/api/v1/plans?limit=1").ok(200)["items"][0];
    let plan_id = plan["id"].as_str().unwrap();
    let initiative = app.get(&format!("/api/v1/plans/{plan_id}/initiatives?limit=1")).ok(200)["items"][0].clone();
    let initiative_id = initiative["id"].as_str().unwrap();
    for (path, schema) in [
        ("/api/v1/plans".to_string(), "PlanList"),
        (format!("/api/v1/plans/{plan_id}"), "PlanView"),
        (format!("/api/v1/plans/{plan_id}/nodes?limit=500"), "NodeList"),
        (format!("/api/v1/plans/{plan_id}/initiatives?limit=500"), "InitiativeList"),
        (format!("/api/v1/initiatives/{initiative_id}/indicators"), "IndicatorList"),
        (format!("/api/v1/plans/{plan_id}/targets"), "TargetList"),
        ("/api/v1/departments".to_string(), "DepartmentList"),
        ("/api/v1/users".to_string(), "UserList"),
        ("/api/v1/me".to_string(), "Me"),
        ("/api/v1/audit-events".to_string(), "AuditEventList"),
    ] {
        let body = app.get(&path).ok(200);
        let errors = contract.check_body(schema, &body);
        assert!(errors.is_empty(), "{path} as {schema}: {errors:?}");
    }
}

#[test]
fn lists_search_and_filter() {
    let app = TestApp::spawn();
    let plan = app.import_fixture("regional-welfare-plan")["plan"]["id"].as_str().unwrap().to_string();
    app.import_fixture("silver-center-basic-plan");
    let titles = |path: &str| -> Vec<String> {
        app.get(path).ok(200)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["title"].as_str().unwrap().to_string())
            .collect()
    };
    let list = format!("/api/v1/plans/{plan}/initiatives?limit=500");
    // One search, however the kana and the width are written.
    let found = titles(&format!("{list}&q=ネットワーク"));
    assert!(!found.is_empty() && found.iter().all(|t| t.contains("ネットワーク")), "{found:?}");
    for variant in ["ねっとわーく", "ﾈｯﾄﾜｰｸ", "ネット ワーク"] {
        let q: String = url_encode(variant);
        assert_eq!(titles(&format!("{list}&q={q}")), found, "{variant}");
    }
    let by_code = app.get(&format!("{list}&q=%EF%BC%91%EF%BC%92")).ok(200); // ＱＱ: full-width "12"
    assert!(by_code["items"].as_array().unwrap().iter().any(|i| i["code"] == "12"), "{by_code}");
    assert!(titles(&format!("{list}&q=%25")).is_empty(), "% is a character, not a wildcard");

    // Plans by organization and status; several statuses at once.
    let plans = |query: &str| app.get(&format!("/api/v1/plans?{query}")).ok(200)["items"].as_array().unwrap().len();
    assert_eq!(plans(&format!("organization={}", url_encode("白井市"))), 1);
    assert_eq!(plans(&format!("q={}", url_encode("しるばー"))), plans(&format!("q={}", url_encode("シルバー"))));
    assert_eq!(plans("status=published,draft"), 2);
    assert_eq!(plans("status=published&status=draft"), 2);

    // Several departments, repeated or comma-separated, and `mine`.
    let departments = app.get("/api/v1/departments?limit=500").ok(200)["items"].as_array().unwrap().clone();
    let id_of =
        |name: &str| departments.iter().find(|d| d["name"] == name).unwrap()["id"].as_str().unwrap().to_string();
    let (welfare, council) = (id_of("社会福祉課"), id_of("社会福祉協議会"));
    let count = |query: &str| app.get(&format!("{list}&{query}")).ok(200)["items"].as_array().unwrap().len();
    let (a, b) = (count(&format!("department_id={welfare}")), count(&format!("department_id={council}")));
    let both = count(&format!("department_id={welfare},{council}"));
    assert_eq!(both, count(&format!("department_id={welfare}&department_id={council}")));
    assert!(both > a.max(b) && both <= a + b, "{a} {b} {both}");
    let user = app.create_user("fukushi", Role::Department, &[&welfare]);
    let mine = app.send_as(Some(&user.token), "GET", &format!("{list}&department_id=mine"), &Value::Null).ok(200);
    assert_eq!(mine["items"].as_array().unwrap().len(), a);
    assert_eq!(count("department_id=mine"), 0, "the admin acts for no department");
    let p = app.get(&format!("{list}&department_id=mine,nope")).problem(400);
    assert!(has(&p, "/query/department_id/1", "invalid_type"), "{p}");
}

fn url_encode(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

#[test]
fn writes_that_change_nothing_are_no_ops() {
    let app = TestApp::spawn();
    let plan = app.import_fixture("regional-welfare-plan")["plan"]["id"].as_str().unwrap().to_string();
    let initiative = app.get(&format!("/api/v1/plans/{plan}/initiatives?limit=1")).ok(200)["items"][0].clone();
    let node = app.get(&format!("/api/v1/plans/{plan}/nodes?limit=1")).ok(200)["items"][0].clone();
    let department = app.get("/api/v1/departments?limit=1").ok(200)["items"][0].clone();
    let indicator = app
        .get(&format!("/api/v1/initiatives/{}/indicators?limit=1", initiative["id"].as_str().unwrap()))
        .ok(200)["items"][0]
        .clone();
    let user = app.create_user("fukushi", Role::Department, &[department["id"].as_str().unwrap()]);
    let display_name = app.get(&format!("/api/v1/users/{}", user.id)).ok(200)["display_name"].clone();
    let events = || app.get("/api/v1/audit-events?limit=500").ok(200)["items"].as_array().unwrap().len();
    let cases = [
        (format!("/api/v1/plans/{plan}"), json!({"title": "白井市第2次地域福祉計画"})),
        (format!("/api/v1/plans/{plan}/nodes/{}", node["id"].as_str().unwrap()), json!({"title": node["title"]})),
        (
            format!("/api/v1/initiatives/{}", initiative["id"].as_str().unwrap()),
            json!({"title": initiative["title"], "code": initiative["code"]}),
        ),
        (format!("/api/v1/departments/{}", department["id"].as_str().unwrap()), json!({"name": department["name"]})),
        (
            format!(
                "/api/v1/initiatives/{}/indicators/{}",
                initiative["id"].as_str().unwrap(),
                indicator["id"].as_str().unwrap()
            ),
            json!({"name": indicator["name"]}),
        ),
        (format!("/api/v1/users/{}", user.id), json!({"role": "department", "display_name": display_name})),
        (format!("/api/v1/plans/{plan}"), json!({})),
    ];
    for (path, patch) in cases {
        let current = app.get(&path);
        let tag = current.header("etag").unwrap().to_string();
        let before = events();
        let r = app.patch(&path, &patch, Some(&tag));
        let body = r.ok(200);
        assert_eq!(r.header("etag"), Some(tag.as_str()), "{path}: the same ETag");
        assert_eq!(body["version"], current.json()["version"], "{path}");
        assert_eq!(events(), before, "{path}: no audit event");
    }
    // A real change still is one.
    let r = app.patch(&format!("/api/v1/plans/{plan}"), &json!({"title": "第2次計画"}), None);
    assert_ne!(r.header("etag"), None);
    assert_eq!(r.ok(200)["version"], 2);
}
