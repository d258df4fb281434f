use serde_json::json;

use crate::harness::TestApp;

#[test]
fn department_lifecycle() {
    let app = TestApp::spawn();
    let created = app.post("/api/v1/departments", &json!({"name": " 高齢者福祉課 ", "kind": "city_department"}));
    assert_eq!(created.status, 201);
    let d = created.json();
    assert_eq!(d["name"], "高齢者福祉課", "surrounding white space is trimmed");
    assert_eq!(d["kind_label"], "市の担当課");
    let location = created.header("location").unwrap().to_string();
    assert_eq!(location, format!("/api/v1/departments/{}", d["id"].as_str().unwrap()));
    assert_eq!(created.header("etag"), Some("\"1\""));

    // Names are unique.
    app.post("/api/v1/departments", &json!({"name": "高齢者福祉課", "kind": "other"})).problem(409);

    let got = app.get(&location);
    assert_eq!(got.json()["name"], "高齢者福祉課");
    let updated = app.patch(&location, &json!({"kind": "council"}), Some("\"1\""));
    assert_eq!(updated.ok(200)["kind"], "council");
    assert_eq!(updated.header("etag"), Some("\"2\""));
    // The old ETag is now stale: two writers never overwrite each other silently.
    app.patch(&location, &json!({"name": "別名"}), Some("\"1\"")).problem(412);
    assert_eq!(app.get(&location).json()["name"], "高齢者福祉課");

    app.post("/api/v1/departments", &json!({"name": "社会福祉協議会", "kind": "council"})).ok(201);
    let councils = app.get("/api/v1/departments?kind=council").ok(200);
    assert_eq!(councils["items"].as_array().unwrap().len(), 2);

    app.delete(&location, Some("\"2\"")).ok(204);
    app.get(&location).problem(404);
}

#[test]
fn department_in_use_cannot_be_deleted() {
    let app = TestApp::spawn();
    let world = crate::errors::World::build(&app);
    let before = app.row_counts();
    app.delete(&format!("/api/v1/departments/{}", world.department), None).problem(409);
    assert_eq!(app.row_counts(), before);
}

#[test]
fn departments_page_by_name() {
    let app = TestApp::spawn();
    for name in ["健康課", "保育課", "社会福祉課", "危機管理課", "障害福祉課"] {
        app.post("/api/v1/departments", &json!({"name": name, "kind": "city_department"})).ok(201);
    }
    let mut names = Vec::new();
    let mut url = "/api/v1/departments?limit=2".to_string();
    loop {
        let page = app.get(&url).ok(200);
        names.extend(page["items"].as_array().unwrap().iter().map(|d| d["name"].as_str().unwrap().to_string()));
        match page["next_cursor"].as_str() {
            Some(c) => url = format!("/api/v1/departments?limit=2&cursor={c}"),
            None => break,
        }
    }
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(names.len(), 5);
}

#[test]
fn concurrent_writers_all_succeed() {
    let app = std::sync::Arc::new(TestApp::spawn());
    let handles: Vec<_> = (0..16)
        .map(|n| {
            let app = app.clone();
            std::thread::spawn(move || {
                let r = app.post("/api/v1/departments", &json!({"name": format!("課{n}"), "kind": "city_department"}));
                (r.status, r.body)
            })
        })
        .collect();
    for h in handles {
        let (status, body) = h.join().unwrap();
        assert_eq!(status, 201, "{body}");
    }
    assert_eq!(app.get("/api/v1/departments?limit=500").ok(200)["items"].as_array().unwrap().len(), 16);
}
