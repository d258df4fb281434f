use std::collections::HashSet;

use serde_json::{json, Value};

use crate::harness::{fixture, TestApp};

fn all_items(app: &TestApp, path: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let sep = if path.contains('?') { '&' } else { '?' };
        let url = match &cursor {
            Some(c) => format!("{path}{sep}limit=7&cursor={c}"),
            None => format!("{path}{sep}limit=7"),
        };
        let page = app.get(&url).ok(200);
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => return items,
        }
    }
}

#[test]
fn regional_welfare_plan_imports_with_its_real_counts() {
    let app = TestApp::spawn();
    let result = app.import_fixture("regional-welfare-plan");
    let counts = &result["counts"];
    assert_eq!(counts["nodes"], 53);
    assert_eq!(counts["initiatives"], 48);
    assert_eq!(counts["cross_listings"], 10);
    assert_eq!(counts["departments_created"], 12);
    assert_eq!(counts["annual_reports"], 144);
    let plan = &result["plan"];
    // No period in the bundle: taken from the years its data covers. (Indicator 36-2 is printed
    // "R5～" but has an R4 value: the value wins, so the period stays FY2020–2022.)
    assert_eq!(plan["start_fy"], 2020);
    assert_eq!(plan["start_fy_label"], "令和2年度");
    assert_eq!(plan["end_fy"], 2022);
    assert_eq!(plan["level_labels"], json!(["基本方針", "施策の方向", "事業"]));
    let plan_id = plan["id"].as_str().unwrap();

    // Paging through every list gives every item once.
    let nodes = all_items(&app, &format!("/api/v1/plans/{plan_id}/nodes"));
    assert_eq!(nodes.len(), 53);
    assert_eq!(nodes.iter().filter(|n| n["level"] == 1).count(), 6);
    assert_eq!(nodes[0]["code"], "(1)");
    assert_eq!(nodes[0]["level_label"], "基本方針");
    assert_eq!(nodes[1]["code"], "①");
    assert_eq!(nodes[1]["level_label"], "施策の方向");
    let initiatives = all_items(&app, &format!("/api/v1/plans/{plan_id}/initiatives"));
    assert_eq!(initiatives.len(), 48);
    let codes: Vec<&str> = initiatives.iter().map(|i| i["code"].as_str().unwrap()).collect();
    let expected: Vec<String> = (1..=48).map(|n| n.to_string()).collect();
    assert_eq!(codes, expected, "codes sort naturally: 1, 2, …, 10, not 1, 10, 11");
    let cross_listed: usize = initiatives.iter().map(|i| i["cross_listed_node_ids"].as_array().unwrap().len()).sum();
    assert_eq!(cross_listed, 10);
    let ids: HashSet<&str> = initiatives.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 48);

    // Initiative 11 is placed under three nodes; listing by any of them finds it.
    let eleven = initiatives.iter().find(|i| i["code"] == "11").unwrap();
    assert_eq!(eleven["cross_listed_node_ids"].as_array().unwrap().len(), 2);
    for node in eleven["cross_listed_node_ids"].as_array().unwrap() {
        let listed =
            all_items(&app, &format!("/api/v1/plans/{plan_id}/initiatives?node_id={}", node.as_str().unwrap()));
        assert!(listed.iter().any(|i| i["code"] == "11"));
    }

    // Several responsible departments, the council among them.
    let council = app.get("/api/v1/departments?kind=council").ok(200);
    assert_eq!(council["items"][0]["name"], "社会福祉協議会");
    let council_id = council["items"][0]["id"].as_str().unwrap();
    let by_council = all_items(&app, &format!("/api/v1/plans/{plan_id}/initiatives?department_id={council_id}"));
    assert_eq!(by_council.len(), 10);

    // Initiative 9: the indicator revised from FY2022 is two indicators, closed and opened.
    let nine = initiatives.iter().find(|i| i["code"] == "9").unwrap();
    let indicators = app.get(&format!("/api/v1/initiatives/{}/indicators", nine["id"].as_str().unwrap())).ok(200);
    let items = indicators["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["key"], "9-1");
    assert_eq!(items[0]["valid_to_fy"], 2021);
    assert_eq!(items[0]["valid_to_fy_label"], "令和3年度");
    assert_eq!(items[1]["key"], "9-2");
    assert_eq!(items[1]["valid_from_fy"], 2022);
    assert_eq!(items[1]["replaces_id"], items[0]["id"]);
    assert_eq!(items[0]["values"].as_array().unwrap().len(), 2);
    assert_eq!(items[1]["values"][0]["actual"], 19.0);
    assert_eq!(items[1]["values"][0]["raw"], "19 0");
    assert_eq!(items[1]["values"][0]["fiscal_year_label"], "令和4年度");
}

#[test]
fn silver_center_plan_imports_with_quarters_and_targets() {
    let app = TestApp::spawn();
    let result = app.import_fixture("silver-center-basic-plan");
    let counts = &result["counts"];
    assert_eq!(counts["nodes"], 21);
    assert_eq!(counts["initiatives"], 68);
    assert_eq!(counts["cross_listings"], 0);
    assert_eq!(counts["annual_reports"], 68);
    assert_eq!(counts["quarter_updates"], 272);
    assert_eq!(counts["plan_targets"], 3);
    assert_eq!(result["plan"]["start_fy"], 2018);
    assert_eq!(result["plan"]["end_fy"], 2022);
    assert_eq!(result["plan"]["start_fy_label"], "平成30年度");
    let plan_id = result["plan"]["id"].as_str().unwrap();

    let targets = app.get(&format!("/api/v1/plans/{plan_id}/targets")).ok(200);
    let targets = targets["items"].as_array().unwrap();
    assert_eq!(targets.len(), 3);
    assert_eq!(targets[0]["name"], "会員数");
    assert_eq!(targets[0]["baseline"], json!({"fiscal_year": 2017, "value": 2431.0}));
    assert_eq!(targets[0]["baseline_fiscal_year_label"], "平成29年度");
    assert_eq!(targets[0]["direction"], "increase");
    assert_eq!(targets[0]["values"].as_array().unwrap().len(), 5);
    assert!(targets[0]["values"][3]["actual"].is_null());
    assert!(targets[0]["values"][3]["raw"].as_str().unwrap().starts_with("2,900人 (2,300人)"));
    // Serious accidents, target 0: less is better.
    assert_eq!(targets[2]["name"], "重篤事故");
    assert_eq!(targets[2]["direction"], "decrease");

    // Codes ① … under each sub-area, in natural order within the node.
    let nodes = app.get(&format!("/api/v1/plans/{plan_id}/nodes?level=2&limit=500")).ok(200);
    let first_sub = &nodes["items"][0];
    let under =
        app.get(&format!("/api/v1/plans/{plan_id}/initiatives?node_id={}", first_sub["id"].as_str().unwrap())).ok(200);
    let codes: Vec<&str> = under["items"].as_array().unwrap().iter().map(|i| i["code"].as_str().unwrap()).collect();
    let mut sorted = codes.clone();
    sorted.sort_by(|a, b| shinchoku::domain::natural::compare(a, b));
    assert_eq!(codes, sorted);
    assert_eq!(codes[0], "①");
}

/// Every value in `original` is in `exported` at the same place (nulls the service derives are skipped).
fn assert_contained(original: &Value, exported: &Value, path: &str) {
    match (original, exported) {
        (Value::Object(o), Value::Object(e)) => {
            for (k, v) in o {
                let p = format!("{path}/{k}");
                let derived = matches!(
                    p.as_str(),
                    "/plan/start_fy" | "/plan/end_fy" | "/plan/rating_scale" | "/plan/rating_legend"
                );
                if derived && v.is_null() {
                    continue;
                }
                assert!(e.contains_key(k), "{p} missing from export");
                assert_contained(v, &e[k], &p);
            }
        }
        (Value::Array(o), Value::Array(e)) => {
            assert_eq!(o.len(), e.len(), "{path}: lengths differ");
            for (i, (a, b)) in o.iter().zip(e).enumerate() {
                assert_contained(a, b, &format!("{path}/{i}"));
            }
        }
        (Value::Number(a), Value::Number(b)) => assert_eq!(a.as_f64(), b.as_f64(), "{path}"),
        (a, b) => assert_eq!(a, b, "{path}"),
    }
}

#[test]
fn export_keeps_everything_and_round_trips() {
    let app = TestApp::spawn();
    for name in ["regional-welfare-plan", "silver-center-basic-plan"] {
        let original: Value = serde_json::from_str(&fixture(name)).unwrap();
        let first = app.import_fixture(name);
        let exported = app.get(&format!("/api/v1/plans/{}/bundle", first["plan"]["id"].as_str().unwrap())).ok(200);
        assert_eq!(exported["format_version"], 1);
        // Everything the fixture holds, including the irregular cells, comes back.
        assert_contained(&original, &exported, "");

        // Export → import → export: the same document.
        let second = app.post("/api/v1/plan-bundles?publish=true", &exported).ok(201);
        let mut again = app.get(&format!("/api/v1/plans/{}/bundle", second["plan"]["id"].as_str().unwrap())).ok(200);
        // The second import is a copy of a plan the organization already has: its title says so.
        let title = exported["plan"]["title"].as_str().unwrap();
        assert_eq!(again["plan"]["title"], format!("{title}（コピー）"));
        again["plan"]["title"] = exported["plan"]["title"].clone();
        assert_eq!(exported, again, "{name}: export → import → export differs");
        assert_eq!(second["counts"]["departments_created"], 0, "departments are matched by name");
    }
}

#[test]
fn irregular_cells_keep_their_text() {
    let app = TestApp::spawn();
    let result = app.import_fixture("regional-welfare-plan");
    let exported =
        app.get(&format!("/api/v1/plans/{}/bundle", result["plan"]["id"].as_str().unwrap())).ok(200).to_string();
    for cell in ["15/664", "12 書面会議", "760 (うち障がい者15)", "10(5)"] {
        assert!(exported.contains(cell), "{cell} lost");
    }
}

#[test]
fn bad_bundle_lists_every_error_and_writes_nothing() {
    let app = TestApp::spawn();
    let mut bundle: Value = serde_json::from_str(&fixture("silver-center-basic-plan")).unwrap();
    bundle["nodes"][3]["parent_key"] = json!("no-such-node");
    bundle["initiatives"][0]["node_keys"] = json!(["missing"]);
    bundle["initiatives"][1]["departments"] = json!(["存在しない課"]);
    bundle["initiatives"][2]["years"][0]["quarters"][0]["mark"] = json!("△");
    bundle["initiatives"][3]["years"][0]["category"] = json!("廃止予定");
    bundle["initiatives"][4]["years"][0]["fiscal_year"] = json!(2030);
    bundle["initiatives"][5]["key"] = bundle["initiatives"][6]["key"].clone();
    let before = app.row_counts();
    let r = app.post("/api/v1/plan-bundles", &bundle);
    let p = r.problem(422);
    let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    for expected in [
        "/nodes/3/parent_key",
        "/initiatives/0/node_keys/0",
        "/initiatives/1/departments/0",
        "/initiatives/2/years/0/quarters/0/mark",
        "/initiatives/3/years/0/category",
        "/initiatives/4/years/0/fiscal_year",
        "/initiatives/6/key",
    ] {
        assert!(fields.contains(&expected), "{expected} not reported: {fields:?}");
    }
    assert_eq!(app.row_counts(), before, "a bad bundle must write nothing");
}

#[test]
fn bundle_shape_errors_name_the_field() {
    let app = TestApp::spawn();
    let mut bundle: Value = serde_json::from_str(&fixture("silver-center-basic-plan")).unwrap();
    bundle["initiatives"][2]["surprise"] = json!(1);
    app.post("/api/v1/plan-bundles", &bundle).problem_at(422, "/initiatives/2/surprise");
    let mut bundle: Value = serde_json::from_str(&fixture("silver-center-basic-plan")).unwrap();
    bundle["initiatives"][1]["years"][0]["fiscal_year"] = json!("来年度");
    app.post("/api/v1/plan-bundles", &bundle).problem_at(422, "/initiatives/1/years/0/fiscal_year");
    let before = app.row_counts();
    let mut bundle: Value = serde_json::from_str(&fixture("silver-center-basic-plan")).unwrap();
    bundle["nodes"][0]["parent_key"] = json!("1-1");
    app.post("/api/v1/plan-bundles", &bundle).problem_at(422, "/nodes/0/parent_key");
    assert_eq!(app.row_counts(), before);
}

#[test]
fn bundle_fiscal_years_accept_era_forms() {
    let app = TestApp::spawn();
    let bundle = json!({
        "plan": {"title": "テスト計画", "organization": "白井市", "start_fy": "令和2年度", "end_fy": "R6",
                 "level_labels": ["基本方針"]},
        "departments": [{"name": "社会福祉課", "kind": "city_department"}],
        "nodes": [{"key": "1", "title": "地域福祉の推進"}],
        "initiatives": [{"key": "a", "code": "1", "title": "ガイドブック", "node_keys": ["1"], "departments": ["社会福祉課"],
                         "years": [{"fiscal_year": "H31", "rating": "A"}]}]
    });
    // H31 = FY2019, before the period.
    app.post("/api/v1/plan-bundles", &bundle).problem_at(422, "/initiatives/0/years/0/fiscal_year");
    let mut ok = bundle.clone();
    ok["initiatives"][0]["years"][0]["fiscal_year"] = json!("令和4年度");
    let r = app.post("/api/v1/plan-bundles", &ok).ok(201);
    assert_eq!(r["plan"]["start_fy"], 2020);
    assert_eq!(r["plan"]["end_fy"], 2024);
    assert_eq!(r["plan"]["status"], "draft", "an import is not on the portal until it is published");
}

/// An imported plan (a copy of an export above all) starts as a draft, and nothing of it is on
/// the portal until an admin publishes it; `publish=true` takes the bundle's status at once,
/// and an archived bundle stays archived either way.
#[test]
fn imports_are_not_public_until_published() {
    let app = TestApp::spawn();
    let original = app.import_fixture("regional-welfare-plan");
    let id = original["plan"]["id"].as_str().unwrap().to_string();
    assert_eq!(original["plan"]["status"], "published");
    let exported = app.get(&format!("/api/v1/plans/{id}/bundle")).ok(200);
    assert_eq!(exported["plan"]["status"], "published");
    let public_ids = |app: &TestApp| -> Vec<String> {
        let list = app.request_as(None, "GET", "/api/v1/public/plans", &[], None).ok(200);
        list["items"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap().to_string()).collect()
    };

    let copy = app.post("/api/v1/plan-bundles", &exported).ok(201);
    let copy_id = copy["plan"]["id"].as_str().unwrap().to_string();
    assert_eq!(
        (copy["plan"]["status"].as_str(), copy["plan"]["title"].as_str()),
        (Some("draft"), Some("白井市第2次地域福祉計画（コピー）"))
    );
    assert_eq!(public_ids(&app), std::slice::from_ref(&id));
    for path in [
        format!("/api/v1/public/plans/{copy_id}"),
        format!("/api/v1/public/plans/{copy_id}/summary"),
        format!("/api/v1/public/plans/{copy_id}/charts/ratings.svg"),
        format!("/public/plans/{copy_id}"),
    ] {
        app.request_as(None, "GET", &path, &[], None).problem(404);
    }
    let explicit = app.post("/api/v1/plan-bundles?publish=false", &exported).ok(201);
    assert_eq!(explicit["plan"]["status"], "draft");

    // Published by an admin: now it is public, with its published years.
    let version = copy["plan"]["version"].as_i64().unwrap();
    app.patch(&format!("/api/v1/plans/{copy_id}"), &json!({"status": "published"}), Some(&format!("\"{version}\"")))
        .ok(200);
    assert!(public_ids(&app).contains(&copy_id));
    let plan = app.request_as(None, "GET", &format!("/api/v1/public/plans/{copy_id}"), &[], None).ok(200);
    assert_eq!(plan["latest_published_fiscal_year"], 2022);

    let published = app.post("/api/v1/plan-bundles?publish=true", &exported).ok(201);
    assert_eq!(published["plan"]["status"], "published");
    let mut archived = exported.clone();
    archived["plan"]["status"] = json!("archived");
    for query in ["", "?publish=true"] {
        let r = app.post(&format!("/api/v1/plan-bundles{query}"), &archived).ok(201);
        assert_eq!(r["plan"]["status"], "archived", "{query}");
    }
    app.post("/api/v1/plan-bundles?publish=yes", &exported).problem_at(400, "/query/publish");
}

#[test]
fn unknown_plan_has_no_bundle() {
    let app = TestApp::spawn();
    app.get("/api/v1/plans/01930000-0000-7000-8000-000000000000/bundle").problem(404);
    app.get("/api/v1/plans/not-a-uuid/bundle").problem(400);
}
