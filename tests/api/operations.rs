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
