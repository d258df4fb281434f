//! The committed document is what the code generates (drift test), and it is complete.

use serde_json::Value;

const COMMITTED: &str = "openapi/openapi.json";

#[test]
fn committed_document_matches_the_code() {
    let generated = shinchoku::app::document_json();
    let path = format!("{}/{COMMITTED}", env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{COMMITTED} is stale: regenerate it with `cargo run -- openapi > {COMMITTED}` and commit it"
    );
}

/// What a handler's author must write in `#[utoipa::path]` (what follows from an operation's
/// shape — 400, 401/403, 412, 413/415/422, 500/503 and the security requirement — is added by
/// `web::openapi::finish`, whose own unit test covers it).
#[test]
fn every_operation_says_what_it_is_who_may_call_it_and_how_it_ends() {
    let doc: Value = serde_json::from_str(&shinchoku::app::document_json()).unwrap();
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            operations += 1;
            let responses = op["responses"].as_object().unwrap();
            assert!(op["summary"].as_str().is_some_and(|s| !s.is_empty()), "{method} {path} has no summary");
            assert!(op["operationId"].is_string(), "{method} {path} has no operationId");
            assert!(op["tags"].as_array().is_some_and(|t| t.len() == 1), "{method} {path} has no tag");
            assert!(
                responses.keys().any(|s| s.starts_with('2') || s.starts_with('3')),
                "{method} {path} documents no success"
            );
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            for segment in path.split('/').filter(|s| s.starts_with('{')) {
                let name = segment.trim_matches(['{', '}']);
                let declared = params.iter().find(|p| p["in"] == "path" && p["name"] == name);
                assert!(
                    declared.is_some_and(|p| p["description"].as_str().is_some_and(|d| !d.is_empty())),
                    "{method} {path} does not describe its path parameter {name}"
                );
            }
            if path.contains('{') {
                assert!(responses.contains_key("404"), "{method} {path} lacks 404");
            }
            if path.starts_with("/api/v1") {
                let description = op["description"].as_str().unwrap_or_default();
                assert!(description.contains("Roles:"), "{method} {path} does not say which roles may call it");
            }
            if method == "patch" {
                assert!(params.iter().any(|p| p["name"] == "If-Match"), "{method} {path} takes no If-Match");
            }
            for (status, r) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        r["$ref"].as_str().is_some_and(|s| s.starts_with("#/components/responses/")),
                        "{method} {path} {status} is not one of the shared problem responses"
                    );
                }
            }
        }
    }
    assert!(operations >= 80, "the document lists only {operations} operations");
}

#[test]
fn links_lead_to_existing_operations_and_parameters() {
    let doc: Value = serde_json::from_str(&shinchoku::app::document_json()).unwrap();
    let operations: Vec<&Value> =
        doc["paths"].as_object().unwrap().values().flat_map(|i| i.as_object().unwrap().values()).collect();
    let mut links = 0;
    for op in &operations {
        for response in op["responses"].as_object().unwrap().values() {
            for (name, link) in response["links"].as_object().into_iter().flatten() {
                links += 1;
                let target_id =
                    link["operationId"].as_str().unwrap_or_else(|| panic!("{name}: no operationId: {link}"));
                let target = operations
                    .iter()
                    .find(|o| o["operationId"] == target_id)
                    .unwrap_or_else(|| panic!("{name}: no {target_id}"));
                let accepted: Vec<&str> =
                    target["parameters"].as_array().into_iter().flatten().filter_map(|p| p["name"].as_str()).collect();
                for parameter in link["parameters"].as_object().unwrap().keys() {
                    assert!(accepted.contains(&parameter.as_str()), "{name}: {target_id} takes no {parameter}");
                }
            }
        }
    }
    // Every creation links to what can be done with what it created.
    assert!(links >= 40, "{links} links");
}
