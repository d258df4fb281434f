use crate::harness::TestApp;

#[test]
fn health_readiness_and_request_ids() {
    let app = TestApp::spawn();
    let r = app.get("/healthz");
    assert_eq!(r.ok(200)["status"], "ok");
    assert!(r.header("x-request-id").is_some_and(|v| !v.is_empty()));
    assert_eq!(app.get("/readyz").ok(200)["status"], "ready");
    let echoed = app.request("GET", "/healthz", &[("X-Request-Id", "trace-abc-123")], None);
    assert_eq!(echoed.header("x-request-id"), Some("trace-abc-123"));
    // Errors carry a request id too.
    assert!(app.get("/api/v1/nothing").header("x-request-id").is_some());
}

#[test]
fn docs_page_and_document_are_served() {
    let app = TestApp::spawn();
    let redirect = app.request("GET", "/docs", &[], None);
    // ureq follows the redirect to /docs/.
    assert_eq!(redirect.status, 200);
    assert!(redirect.body.contains("swagger-ui"));
    let init = app.get("/docs/swagger-initializer.js");
    assert!(init.body.contains("/api/v1/openapi.json"));
    assert!(init.body.contains("\"validatorUrl\": \"none\""));
    let doc = app.get("/api/v1/openapi.json").ok(200);
    assert_eq!(doc["openapi"], "3.1.0");
}

#[test]
fn undeclared_methods_get_405_with_allow() {
    let app = TestApp::spawn();
    let r = app.request("PUT", "/api/v1/departments", &[("Content-Type", "application/json")], Some(b"{}"));
    r.problem(405);
    assert_eq!(r.header("allow"), Some("GET, HEAD, POST"));
    let r = app.request("POST", "/api/v1/plans/01930000-0000-7000-8000-000000000000", &[], None);
    r.problem(405);
    assert_eq!(r.header("allow"), Some("GET, HEAD, PATCH, DELETE"));
    app.request("POST", "/healthz", &[], None).problem(405);
    // Unknown paths stay 404.
    app.request("PUT", "/api/v1/no-such-things", &[], None).problem(404);
}

#[test]
fn integral_numbers_are_integers_and_empty_cursors_start_over() {
    let app = TestApp::spawn();
    let plan = app
        .post("/api/v1/plans", &serde_json::json!({"title": "計画", "organization": "市", "start_fy": 2020.0, "end_fy": 2024.0, "level_labels": ["基本方針"]}))
        .ok(201);
    assert_eq!(plan["start_fy"], 2020);
    app.post("/api/v1/plans", &serde_json::json!({"title": "計画", "organization": "市", "start_fy": 2020.5, "end_fy": 2024, "level_labels": ["a"]}))
        .problem_at(422, "/start_fy");
    assert_eq!(app.get("/api/v1/plans?cursor=").ok(200)["items"].as_array().unwrap().len(), 1);
}
