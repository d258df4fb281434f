use serde_json::json;

use crate::harness::TestApp;

#[test]
fn initiative_with_cross_listings_and_several_departments() {
    let app = TestApp::spawn();
    let world = crate::errors::World::build(&app);
    let council = app.post("/api/v1/departments", &json!({"name": "社会福祉協議会", "kind": "council"})).ok(201);
    let p = &world.plan;
    let created = app
        .post(
            &format!("/api/v1/plans/{p}/initiatives"),
            &json!({
                "code": "10", "title": "地区社協への支援", "node_ids": [world.child, world.root],
                "department_ids": [world.department, council["id"]], "active_from_fy": 2021,
                "related_programs": {"city": "地域福祉推進事業", "council": "地区社協活動支援"}
            }),
        )
        .ok(201);
    assert_eq!(created["primary_node_id"], world.child.as_str());
    assert_eq!(created["cross_listed_node_ids"], json!([world.root]));
    assert_eq!(created["departments"][1]["name"], "社会福祉協議会");
    assert_eq!(created["active_from_fy_label"], "令和3年度");
    assert_eq!(created["related_programs"]["council"], "地区社協活動支援");

    // Natural order: 1, 2, 10.
    app.post(
        &format!("/api/v1/plans/{p}/initiatives"),
        &json!({"code": "2", "title": "x", "node_ids": [world.child], "department_ids": [world.department]}),
    )
    .ok(201);
    let list = app.get(&format!("/api/v1/plans/{p}/initiatives")).ok(200);
    let codes: Vec<&str> = list["items"].as_array().unwrap().iter().map(|i| i["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["1", "2", "10"]);
    // Filters.
    let by_root = app.get(&format!("/api/v1/plans/{p}/initiatives?node_id={}", world.root)).ok(200);
    assert_eq!(by_root["items"].as_array().unwrap().len(), 1, "cross-listed initiative found under its second node");
    let by_council =
        app.get(&format!("/api/v1/plans/{p}/initiatives?department_id={}", council["id"].as_str().unwrap())).ok(200);
    assert_eq!(by_council["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        app.get(&format!("/api/v1/plans/{p}/initiatives?fiscal_year=2020")).ok(200)["items"].as_array().unwrap().len(),
        2
    );

    // Patch replaces the lists; nulls clear optional fields.
    let path = format!("/api/v1/initiatives/{}", created["id"].as_str().unwrap());
    let patched = app
        .patch(
            &path,
            &json!({"node_ids": [world.root], "related_programs": null, "status": "completed"}),
            Some("\"1\""),
        )
        .ok(200);
    assert_eq!(patched["primary_node_id"], world.root.as_str());
    assert_eq!(patched["cross_listed_node_ids"], json!([]));
    assert!(patched["related_programs"].is_null());
    assert_eq!(patched["status_label"], "完了");
    assert_eq!(patched["version"], 2);
}

#[test]
fn cross_listing_stays_within_one_plan() {
    let app = TestApp::spawn();
    let world = crate::errors::World::build(&app);
    let other_plan = app
        .post("/api/v1/plans", &json!({"title": "別計画", "organization": "市", "start_fy": 2020, "end_fy": 2024, "level_labels": ["基本目標"]}))
        .ok(201);
    let foreign = app
        .post(&format!("/api/v1/plans/{}/nodes", other_plan["id"].as_str().unwrap()), &json!({"title": "他"}))
        .ok(201);
    let before = app.row_counts();
    app.post(
        &format!("/api/v1/plans/{}/initiatives", world.plan),
        &json!({
            "code": "3", "title": "x", "node_ids": [world.child, foreign["id"]], "department_ids": [world.department]
        }),
    )
    .problem_at(422, "/node_ids/1");
    app.patch(
        &format!("/api/v1/initiatives/{}", world.initiative),
        &json!({"node_ids": [world.child, foreign["id"]]}),
        None,
    )
    .problem_at(422, "/node_ids/1");
    app.patch(
        &format!("/api/v1/initiatives/{}", world.initiative),
        &json!({"node_ids": [world.child, world.child]}),
        None,
    )
    .problem_at(422, "/node_ids/1");
    assert_eq!(app.row_counts(), before);
}

#[test]
fn narrowing_the_active_range_below_reports_is_a_conflict() {
    let app = TestApp::spawn();
    let result = app.import_fixture("regional-welfare-plan");
    let list =
        app.get(&format!("/api/v1/plans/{}/initiatives?limit=1", result["plan"]["id"].as_str().unwrap())).ok(200);
    let path = format!("/api/v1/initiatives/{}", list["items"][0]["id"].as_str().unwrap());
    let before = app.row_counts();
    app.patch(&path, &json!({"active_from_fy": 2022}), None).problem(409);
    assert_eq!(app.row_counts(), before);
}
