use serde_json::json;

use crate::harness::TestApp;

#[test]
fn indicator_revision_closes_the_old_one_and_opens_a_successor() {
    let app = TestApp::spawn();
    let world = crate::errors::World::build(&app);
    let i = &world.initiative;
    let old = format!("/api/v1/initiatives/{i}/indicators/{}", world.indicator);
    let revised = app.request(
        "POST",
        &format!("{old}/revisions"),
        &[("Content-Type", "application/json")],
        Some(json!({"from_fy": 2022, "name": "配布部数"}).to_string().as_bytes()),
    );
    let successor = revised.ok(201);
    assert_eq!(successor["valid_from_fy"], 2022);
    assert_eq!(successor["valid_from_fy_label"], "令和4年度");
    assert_eq!(successor["replaces_id"], world.indicator.as_str());
    assert_eq!(successor["unit"], "部", "unit carried over");
    let closed = app.get(&old).ok(200);
    assert_eq!(closed["valid_to_fy"], 2021);
    assert_eq!(closed["version"], 2);
    // Revising twice, or deleting the replaced one, is a conflict.
    app.post(&format!("{old}/revisions"), &json!({"from_fy": 2021, "name": "x"})).problem(409);
    app.delete(&old, None).problem(409);
    let list = app.get(&format!("/api/v1/initiatives/{i}/indicators")).ok(200);
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
}

#[test]
fn revising_over_existing_values_is_a_conflict() {
    let app = TestApp::spawn();
    let result = app.import_fixture("regional-welfare-plan");
    let plan_id = result["plan"]["id"].as_str().unwrap();
    let list = app.get(&format!("/api/v1/plans/{plan_id}/initiatives?limit=1")).ok(200);
    let initiative = list["items"][0]["id"].as_str().unwrap();
    let indicators = app.get(&format!("/api/v1/initiatives/{initiative}/indicators")).ok(200);
    let first = indicators["items"][0]["id"].as_str().unwrap();
    let before = app.row_counts();
    // 1-1 has values for FY2020–2022: a definition change from FY2021 would orphan them.
    app.post(
        &format!("/api/v1/initiatives/{initiative}/indicators/{first}/revisions"),
        &json!({"from_fy": 2021, "name": "x"}),
    )
    .problem(409);
    // Narrowing the validity below existing values too.
    app.patch(&format!("/api/v1/initiatives/{initiative}/indicators/{first}"), &json!({"valid_to_fy": 2020}), None)
        .problem(409);
    assert_eq!(app.row_counts(), before);
}

#[test]
fn plan_targets_crud() {
    let app = TestApp::spawn();
    let world = crate::errors::World::build(&app);
    let p = &world.plan;
    let created = app
        .post(&format!("/api/v1/plans/{p}/targets"), &json!({
            "name": "重篤事故", "unit": "件", "direction": "decrease", "baseline": {"fiscal_year": 2017, "value": 1}, "final_target": 0
        }))
        .ok(201);
    assert!(created["initiative_id"].is_null());
    assert_eq!(created["direction_label"], "減少");
    assert_eq!(created["baseline_fiscal_year_label"], "平成29年度");
    assert_eq!(created["position"], 1);
    let path = format!("/api/v1/plans/{p}/targets/{}", created["id"].as_str().unwrap());
    let patched = app.patch(&path, &json!({"direction": "maintain", "tolerance": 0.5}), Some("\"1\"")).ok(200);
    assert_eq!(patched["direction"], "maintain");
    assert_eq!(patched["tolerance"], 0.5);
    // A target is not an indicator of an initiative, and the reverse.
    app.get(&format!("/api/v1/initiatives/{}/indicators/{}", world.initiative, created["id"].as_str().unwrap()))
        .problem(404);
    app.get(&format!("/api/v1/plans/{p}/targets/{}", world.indicator)).problem(404);
    app.delete(&path, Some("\"2\"")).ok(204);
    assert_eq!(app.get(&format!("/api/v1/plans/{p}/targets")).ok(200)["items"].as_array().unwrap().len(), 1);
}
