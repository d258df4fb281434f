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

#[test]
fn every_operation_documents_its_errors() {
    let doc: Value = serde_json::from_str(&shinchoku::app::document_json()).unwrap();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            assert!(op["summary"].is_string(), "{method} {path} has no summary");
            assert!(op["tags"].is_array(), "{method} {path} has no tag");
            let has_input = op.get("parameters").is_some_and(|p| !p.as_array().unwrap().is_empty())
                || op.get("requestBody").is_some();
            if path.starts_with("/api/v1") && has_input {
                assert!(responses.contains_key("400"), "{method} {path} lacks 400");
            }
            if path.contains('{') {
                assert!(responses.contains_key("404"), "{method} {path} lacks 404");
            }
            if path.starts_with("/api/v1") {
                let description = op["description"].as_str().unwrap_or_default();
                assert!(description.contains("Roles:"), "{method} {path} does not say which roles may call it");
                let public = op["security"] == serde_json::json!([{}]);
                if !public {
                    assert_eq!(
                        op["security"],
                        serde_json::json!([{"bearer": []}, {"api_token": []}]),
                        "{method} {path}"
                    );
                    assert!(
                        responses.contains_key("401") && responses.contains_key("403"),
                        "{method} {path} lacks 401/403"
                    );
                }
            }
            if op.get("requestBody").is_some() {
                for status in ["413", "415", "422"] {
                    assert!(responses.contains_key(status), "{method} {path} lacks {status}");
                }
            }
            let if_match = op["parameters"].as_array().is_some_and(|ps| ps.iter().any(|p| p["name"] == "If-Match"));
            if method == "patch" {
                assert!(if_match, "{method} {path} takes no If-Match");
            }
            if if_match {
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
