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

/// The value of the series `metric` whose labels include every one of `labels` (the text
/// exposition format: `name{a="x",b="y"} 1`); the format itself is checked in CI with the
/// Prometheus project's own Python parser (`.ci/contract.sh`).
fn value_of(text: &str, metric: &str, labels: &[(&str, &str)]) -> Option<f64> {
    text.lines().filter(|l| !l.starts_with('#')).find_map(|line| {
        let (series, value) = line.rsplit_once(' ')?;
        let (name, rest) = series.split_once('{').unwrap_or((series, ""));
        let matches = name == metric && labels.iter().all(|(k, v)| rest.contains(&format!("{k}=\"{v}\"")));
        matches.then(|| value.parse().ok()).flatten()
    })
}

#[test]
fn metrics_are_served_apart_with_route_templates() {
    let app = TestApp::spawn();
    let base = app.spawn_metrics();
    let plan = app
        .post(
            "/api/v1/plans",
            &serde_json::json!({"title": "計画", "organization": "市", "start_fy": 2020, "end_fy": 2024,
                                "level_labels": ["基本方針"], "status": "published"}),
        )
        .ok(201);
    let plan_id = plan["id"].as_str().unwrap();
    app.get(&format!("/api/v1/plans/{plan_id}")).ok(200);
    for _ in 0..2 {
        app.request_as(None, "GET", &format!("/api/v1/public/plans/{plan_id}/summary?fiscal_year=2022"), &[], None)
            .ok(200);
    }
    app.send_as(
        None,
        "POST",
        "/api/v1/auth/token",
        &serde_json::json!({"login": "admin", "password": "wrong password"}),
    )
    .problem(401);

    let response = ureq::get(&format!("{base}/metrics")).call().expect("scrape");
    assert!(response.content_type().starts_with("text/plain"));
    let text = response.into_string().unwrap();
    let get_plan = [("route", "/api/v1/plans/{plan_id}"), ("method", "GET"), ("status", "200")];
    assert!(value_of(&text, "shinchoku_http_requests_total", &get_plan).unwrap_or(0.0) >= 1.0, "{text}");
    assert!(!text.contains(plan_id), "routes are templates, never paths with ids");
    let bucket = [("route", "/api/v1/plans/{plan_id}"), ("method", "GET"), ("le", "+Inf")];
    assert!(value_of(&text, "shinchoku_http_request_duration_seconds_bucket", &bucket).unwrap() >= 1.0);
    assert!(value_of(&text, "shinchoku_http_requests_in_flight", &[]).is_some());
    assert!(value_of(&text, "shinchoku_db_pool_connections", &[]).unwrap() >= 1.0);
    assert!(value_of(&text, "shinchoku_db_pool_connections_in_use", &[]).is_some());
    assert!(value_of(&text, "shinchoku_db_pool_wait_seconds_count", &[]).unwrap() >= 1.0);
    assert!(value_of(&text, "shinchoku_summary_cache_hits_total", &[]).unwrap() >= 1.0);
    assert!(value_of(&text, "shinchoku_summary_cache_misses_total", &[]).unwrap() >= 1.0);
    assert!(value_of(&text, "shinchoku_summary_cache_evictions_total", &[]).is_some());
    assert!(value_of(&text, "shinchoku_summary_cache_bytes", &[]).unwrap() > 0.0);
    assert!(value_of(&text, "shinchoku_sign_in_failures_total", &[]).unwrap() >= 1.0);
    assert!(value_of(&text, "shinchoku_sign_ins_throttled_total", &[]).is_some());
    assert_eq!(value_of(&text, "shinchoku_build_info", &[("version", env!("CARGO_PKG_VERSION"))]), Some(1.0));
    // The metrics are not part of the API.
    assert_eq!(app.get("/metrics").status, 404);
}
