use serde_json::json;

use crate::harness::TestApp;

#[test]
fn plan_lifecycle_with_japanese_labels() {
    let app = TestApp::spawn();
    let created = app
        .post(
            "/api/v1/plans",
            &json!({"title": "白井市第2次地域福祉計画", "organization": "白井市", "start_fy": 2019, "end_fy": 2023,
                                        "level_labels": ["基本方針", "施策の方向", "事業"]}),
        )
        .ok(201);
    assert_eq!(created["start_fy_label"], "令和元年度");
    assert_eq!(created["end_fy_label"], "令和5年度");
    assert_eq!(created["status"], "draft");
    assert_eq!(created["rating_scale"][0], json!({"code": "A", "label": "順調に進んでいる"}));
    assert_eq!(created["rating_scale"].as_array().unwrap().len(), 4);
    let path = format!("/api/v1/plans/{}", created["id"].as_str().unwrap());

    let updated = app
        .patch(&path, &json!({"start_fy": 2018, "status": "published", "rating_scale": [{"code": "S", "label": "特に優れている"}, {"code": "A", "label": "順調"}]}), Some("\"1\""))
        .ok(200);
    assert_eq!(updated["start_fy_label"], "平成30年度");
    assert_eq!(updated["rating_scale"][0]["code"], "S");
    assert_eq!(updated["version"], 2);
    assert!(updated["data_version"].as_i64().unwrap() > created["data_version"].as_i64().unwrap());

    let published = app.get("/api/v1/plans?status=published").ok(200);
    assert_eq!(published["items"].as_array().unwrap().len(), 1);
    assert_eq!(app.get("/api/v1/plans?status=draft").ok(200)["items"].as_array().unwrap().len(), 0);
    assert_eq!(app.get("/api/v1/plans?fiscal_year=2018").ok(200)["items"].as_array().unwrap().len(), 1);
    assert_eq!(app.get("/api/v1/plans?fiscal_year=2024").ok(200)["items"].as_array().unwrap().len(), 0);

    app.delete(&path, Some("\"2\"")).ok(204);
    app.get(&path).problem(404);
}

#[test]
fn narrowing_the_period_below_existing_data_is_a_conflict() {
    let app = TestApp::spawn();
    let result = app.import_fixture("regional-welfare-plan");
    let path = format!("/api/v1/plans/{}", result["plan"]["id"].as_str().unwrap());
    let before = app.row_counts();
    app.patch(&path, &json!({"start_fy": 2021}), None).problem(409);
    assert_eq!(app.row_counts(), before);
    // Widening is fine.
    assert_eq!(app.patch(&path, &json!({"end_fy": 2024}), None).ok(200)["end_fy_label"], "令和6年度");
}

#[test]
fn deleting_a_plan_removes_its_whole_structure() {
    let app = TestApp::spawn();
    let before = app.row_counts();
    let result = app.import_fixture("silver-center-basic-plan");
    let path = format!("/api/v1/plans/{}", result["plan"]["id"].as_str().unwrap());
    app.delete(&path, None).ok(204);
    let after = app.row_counts();
    for table in [
        "plans",
        "plan_nodes",
        "initiatives",
        "initiative_placements",
        "indicators",
        "indicator_values",
        "annual_reports",
        "quarter_updates",
    ] {
        assert_eq!(after[table], before[table], "{table}");
    }
    // Departments stay (they are shared), and the audit trail grows.
    assert_eq!(after["departments"], 2);
    assert!(after["audit_events"] > before["audit_events"]);
}

/// A field set to `null` by a merge patch is cleared in the database, not only in the answer.
#[test]
fn clearing_a_field_of_a_plan_is_stored() {
    let app = TestApp::spawn();
    let plan = app
        .post(
            "/api/v1/plans",
            &serde_json::json!({"title": "計画", "organization": "市", "start_fy": 2024, "end_fy": 2028,
                                "level_labels": ["基本方針"], "source": "議題1-資料①", "packet_layout": "per_initiative"}),
        )
        .ok(201);
    let id = plan["id"].as_str().unwrap();
    assert_eq!(
        (&plan["source"], &plan["packet_layout"]),
        (&serde_json::json!("議題1-資料①"), &serde_json::json!("per_initiative"))
    );
    let cleared = app
        .patch(&format!("/api/v1/plans/{id}"), &serde_json::json!({"source": null, "packet_layout": null}), None)
        .ok(200);
    assert_eq!((&cleared["source"], &cleared["packet_layout"]), (&serde_json::Value::Null, &serde_json::Value::Null));
    let read = app.get(&format!("/api/v1/plans/{id}")).ok(200);
    assert_eq!(
        (&read["source"], &read["packet_layout"]),
        (&serde_json::Value::Null, &serde_json::Value::Null),
        "{read}"
    );
}
