//! The committed document is what the code generates (drift test), and it is complete.

use serde_json::Value;

const COMMITTED: &str = "openapi/openapi.json";

#[test]
fn committed_document_matches_the_code() {
    let generated = shinchoku::openapi::document_json();
    let path = format!("{}/{COMMITTED}", env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{COMMITTED} is stale: regenerate it with `cargo run -- openapi > {COMMITTED}` and commit it"
    );
}

#[test]
fn every_operation_documents_its_errors() {
    let doc: Value = serde_json::from_str(&shinchoku::openapi::document_json()).unwrap();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            assert!(op["summary"].is_string(), "{method} {path} has no summary");
            assert!(op["tags"].is_array(), "{method} {path} has no tag");
            if path.starts_with("/api/v1") {
                assert!(responses.contains_key("400"), "{method} {path} lacks 400");
                if path.contains('{') {
                    assert!(responses.contains_key("404"), "{method} {path} lacks 404");
                }
            }
            if op.get("requestBody").is_some() {
                for status in ["413", "415", "422"] {
                    assert!(responses.contains_key(status), "{method} {path} lacks {status}");
                }
            }
            if method == "patch" || method == "delete" {
                assert!(responses.contains_key("412"), "{method} {path} lacks 412");
            }
            for (status, r) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        r["$ref"].as_str().is_some_and(|s| s.starts_with("#/components/responses/")),
                        "{method} {path} {status} is not shared"
                    );
                }
            }
        }
    }
}
