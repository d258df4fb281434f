use serde_json::{json, Value};

use crate::harness::TestApp;

fn plan(app: &TestApp) -> String {
    app.post(
        "/api/v1/plans",
        &json!({"title": "計画", "organization": "白井市", "start_fy": 2020, "end_fy": 2024,
                                       "level_labels": ["基本方針", "施策の方向", "事業"]}),
    )
    .ok(201)["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn node(app: &TestApp, plan: &str, parent: Option<&Value>, code: &str) -> Value {
    let mut body = json!({"code": code, "title": format!("項目{code}")});
    if let Some(p) = parent {
        body["parent_id"] = p["id"].clone();
    }
    app.post(&format!("/api/v1/plans/{plan}/nodes"), &body).ok(201)
}

fn codes(app: &TestApp, path: &str) -> Vec<String> {
    app.get(path).ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn tree_of_any_depth_in_depth_first_order() {
    let app = TestApp::spawn();
    let p = plan(&app);
    let a = node(&app, &p, None, "I");
    let b = node(&app, &p, None, "II");
    let a1 = node(&app, &p, Some(&a), "1");
    let a1x = node(&app, &p, Some(&a1), "(1)");
    let deep = node(&app, &p, Some(&a1x), "①");
    let deeper = node(&app, &p, Some(&deep), "ア");
    assert_eq!(deeper["level"], 5);
    assert!(deeper["level_label"].is_null(), "deeper than the plan names levels");
    assert_eq!(a1["level_label"], "施策の方向");
    node(&app, &p, Some(&b), "1");
    assert_eq!(codes(&app, &format!("/api/v1/plans/{p}/nodes")), ["I", "1", "(1)", "①", "ア", "II", "1"]);
    assert_eq!(codes(&app, &format!("/api/v1/plans/{p}/nodes?level=1")), ["I", "II"]);
    let children = format!("/api/v1/plans/{p}/nodes?parent_id={}", a["id"].as_str().unwrap());
    assert_eq!(codes(&app, &children), ["1"]);
    // Paging through the tree with a cursor keeps the order.
    let first = app.get(&format!("/api/v1/plans/{p}/nodes?limit=4")).ok(200);
    let cursor = first["next_cursor"].as_str().unwrap();
    assert_eq!(codes(&app, &format!("/api/v1/plans/{p}/nodes?limit=4&cursor={cursor}")), ["ア", "II", "1"]);
}

#[test]
fn moving_a_node_moves_its_subtree_and_refuses_cycles() {
    let app = TestApp::spawn();
    let p = plan(&app);
    let a = node(&app, &p, None, "I");
    let b = node(&app, &p, None, "II");
    let a1 = node(&app, &p, Some(&a), "1");
    let a11 = node(&app, &p, Some(&a1), "(1)");
    let a_path = format!("/api/v1/plans/{p}/nodes/{}", a["id"].as_str().unwrap());
    let a1_path = format!("/api/v1/plans/{p}/nodes/{}", a1["id"].as_str().unwrap());

    // Cycles: a node under itself or under its own descendant.
    let before = app.row_counts();
    app.patch(&a_path, &json!({"parent_id": a["id"]}), None).problem_at(422, "/parent_id");
    app.patch(&a_path, &json!({"parent_id": a11["id"]}), None).problem_at(422, "/parent_id");
    app.patch(&a_path, &json!({"parent_id": crate::errors::UNKNOWN}), None).problem_at(422, "/parent_id");
    assert_eq!(app.row_counts(), before);

    // Move I/1 (with its child) under II.
    let moved = app.patch(&a1_path, &json!({"parent_id": b["id"]}), Some("\"1\"")).ok(200);
    assert_eq!(moved["parent_id"], b["id"]);
    assert_eq!(moved["level"], 2);
    assert_eq!(codes(&app, &format!("/api/v1/plans/{p}/nodes")), ["I", "II", "1", "(1)"]);
    let child = app.get(&format!("/api/v1/plans/{p}/nodes/{}", a11["id"].as_str().unwrap())).ok(200);
    assert_eq!(child["level"], 3);

    // Move to the top level and reorder.
    let top = app.patch(&a1_path, &json!({"parent_id": null, "position": 0}), None).ok(200);
    assert_eq!(top["level"], 1);
    assert_eq!(codes(&app, &format!("/api/v1/plans/{p}/nodes?level=1")), ["1", "I", "II"]);
    let deep = app.get(&format!("/api/v1/plans/{p}/nodes/{}", a11["id"].as_str().unwrap())).ok(200);
    assert_eq!(deep["level"], 2);
}

#[test]
fn nodes_cannot_move_to_another_plan() {
    let app = TestApp::spawn();
    let p1 = plan(&app);
    let p2 = plan(&app);
    let a = node(&app, &p1, None, "1");
    let other = node(&app, &p2, None, "1");
    let before = app.row_counts();
    app.patch(
        &format!("/api/v1/plans/{p1}/nodes/{}", a["id"].as_str().unwrap()),
        &json!({"parent_id": other["id"]}),
        None,
    )
    .problem_at(422, "/parent_id");
    app.post(&format!("/api/v1/plans/{p1}/nodes"), &json!({"title": "x", "parent_id": other["id"]}))
        .problem_at(422, "/parent_id");
    assert_eq!(app.row_counts(), before);
}

#[test]
fn deleting_a_node_with_children_or_initiatives_is_a_conflict() {
    let app = TestApp::spawn();
    let world = crate::errors::World::build(&app);
    let before = app.row_counts();
    let root = format!("/api/v1/plans/{}/nodes/{}", world.plan, world.root);
    let child = format!("/api/v1/plans/{}/nodes/{}", world.plan, world.child);
    app.delete(&root, None).problem(409);
    app.delete(&child, None).problem(409);
    assert_eq!(app.row_counts(), before);
    app.delete(&format!("/api/v1/initiatives/{}", world.initiative), None).ok(204);
    app.delete(&child, None).ok(204);
    app.delete(&root, None).ok(204);
}

#[test]
fn node_keys_are_unique_in_a_plan() {
    let app = TestApp::spawn();
    let p = plan(&app);
    app.post(&format!("/api/v1/plans/{p}/nodes"), &json!({"key": "1-1", "title": "x"})).ok(201);
    app.post(&format!("/api/v1/plans/{p}/nodes"), &json!({"key": "1-1", "title": "y"})).problem_at(422, "/key");
}
