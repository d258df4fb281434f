//! Rating suggestions: a plan's rule proposes a self-rating from the year's indicator
//! achievement; reports, timelines, summaries and the committee packet show it beside the
//! department's own rating, on both databases.

use serde_json::{json, Value};
use shinchoku::web::auth::Role;

use crate::harness::{usual_rating_rule, TestApp};

struct World {
    plan: String,
    /// 保健福祉ガイドブックの発行: 発行部数 and 配布部数.
    guidebook: String,
    indicators: Vec<String>,
    /// Another initiative, without values in FY2023.
    other: String,
    department: String,
}

/// The regional plan, running to FY2024, with the usual rule.
fn world(app: &TestApp) -> World {
    let plan = app.import_fixture("regional-welfare-plan")["plan"]["id"].as_str().unwrap().to_string();
    let patched =
        app.patch(&format!("/api/v1/plans/{plan}"), &json!({"end_fy": 2024, "rating_rule": usual_rating_rule()}), None);
    let patched = patched.ok(200);
    assert_eq!(patched["rating_rule"]["steps"][2], json!({"grade": "C", "more_than": 0.0}));
    assert_eq!(
        (patched["rating_rule"]["min_measurable"].as_i64(), patched["rating_rule"]["min_measurable_share"].as_f64()),
        (Some(1), Some(0.0))
    );
    let list = app.get(&format!("/api/v1/plans/{plan}/initiatives?limit=2")).ok(200);
    let guidebook = list["items"][0]["id"].as_str().unwrap().to_string();
    let other = list["items"][1]["id"].as_str().unwrap().to_string();
    let indicators = app.get(&format!("/api/v1/initiatives/{guidebook}/indicators")).ok(200);
    let indicators: Vec<String> =
        indicators["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(indicators.len(), 2);
    let department = app.get(&format!("/api/v1/initiatives/{guidebook}")).ok(200)["departments"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    World { plan, guidebook, indicators, other, department }
}

fn put(app: &TestApp, path: &str, body: Value) -> Value {
    let r = app.send_as(Some(&app.token), "PUT", path, &body);
    assert!(r.status == 200 || r.status == 201, "{path}: {} {}", r.status, r.body);
    r.json()
}

fn summary(app: &TestApp, token: &str, plan: &str, query: &str) -> Value {
    app.request_as(Some(token), "GET", &format!("/api/v1/plans/{plan}/summary?{query}"), &[], None).ok(200)
}

#[test]
fn reports_and_timelines_carry_the_suggestion_beside_the_departments_own_rating() {
    let app = TestApp::spawn();
    let w = world(&app);
    let year = format!("/api/v1/initiatives/{}/years/2023", w.guidebook);
    put(&app, &year, json!({"result_text": "2,100部発行", "self_rating": "A"}));
    // 発行部数 met its target, 配布部数 did not: 1 of 2.
    let value = |k: usize| format!("/api/v1/initiatives/{}/indicators/{}/values/2023", w.guidebook, w.indicators[k]);
    put(&app, &value(0), json!({"target": 2000, "actual": 2100}));
    let report = app.get(&year).ok(200);
    assert_eq!(
        report["suggested_rating"],
        json!({
            "grade": "A", "grade_label": "順調に進んでいる", "achieved": 1, "measurable": 1, "indicators": 2,
            "reason": "1/1 indicators achieved", "reason_label": "測定できた指標1件中1件達成"
        }),
        "the share is over the measurable indicators"
    );
    put(&app, &value(1), json!({"target": 2000, "actual": 1500}));
    let report = app.get(&year).ok(200);
    assert_eq!(report["suggested_rating"]["grade"], "B");
    assert_eq!(report["suggested_rating"]["reason"], "1/2 indicators achieved");
    assert_eq!(report["self_rating"], "A", "the department still rates");

    let timeline = app.get(&format!("/api/v1/initiatives/{}/timeline", w.guidebook)).ok(200);
    let fy2023 = timeline["years"].as_array().unwrap().iter().find(|y| y["fiscal_year"] == 2023).unwrap();
    assert_eq!(fy2023["report"]["suggested_rating"]["grade"], "B");
    // FY2022 has no targets (the source printed none): no suggestion, and why.
    let fy2022 = timeline["years"].as_array().unwrap().iter().find(|y| y["fiscal_year"] == 2022).unwrap();
    assert_eq!(fy2022["report"]["suggested_rating"]["grade"], Value::Null);
    assert_eq!(fy2022["report"]["suggested_rating"]["reason"], "0/2 indicators measurable; 1 needed");

    // The rule changes: the suggestion follows, the report's version does not move.
    let version = report["version"].clone();
    let lenient = json!({"steps": [{"grade": "A", "at_least": 0.5}, {"grade": "D", "at_least": 0}]});
    app.patch(&format!("/api/v1/plans/{}", w.plan), &json!({"rating_rule": lenient}), None).ok(200);
    let report = app.get(&year).ok(200);
    assert_eq!((report["suggested_rating"]["grade"].as_str(), &report["version"]), (Some("A"), &version));
    // A published edition shown to the committee carries the suggestion of the rule as it is now.
    let committee = app.create_user("iinkai", Role::Committee, &[]);
    let published = app.request_as(Some(&committee.token), "GET", &year.replace("2023", "2022"), &[], None).ok(200);
    assert_eq!(published["suggested_rating"]["reason"], "0/2 indicators measurable; 1 needed");
    // History: a suggestion is derived, never a change of its own.
    let revisions = app.get(&format!("{year}/revisions?limit=100")).ok(200);
    let last = revisions["items"].as_array().unwrap().last().unwrap()["revision"].as_i64().unwrap();
    let diff = app.get(&format!("{year}/revisions/{last}/diff")).ok(200);
    assert!(diff["changes"].as_array().unwrap().iter().all(|c| !c["field"].as_str().unwrap().starts_with("suggested")));

    // No rule, no suggestion.
    app.patch(&format!("/api/v1/plans/{}", w.plan), &json!({"rating_rule": null}), None).ok(200);
    assert_eq!(app.get(&year).ok(200)["suggested_rating"], Value::Null);
}

#[test]
fn summaries_count_self_ratings_that_differ_from_the_suggestion_per_group_and_sight() {
    let app = TestApp::spawn();
    let w = world(&app);
    let year = format!("/api/v1/initiatives/{}/years/2023", w.guidebook);
    put(&app, &year, json!({"self_rating": "A"}));
    for (k, actual) in [(0, 2100), (1, 1500)] {
        let path = format!("/api/v1/initiatives/{}/indicators/{}/values/2023", w.guidebook, w.indicators[k]);
        put(&app, &path, json!({"target": 2000, "actual": actual}));
    }
    app.request("POST", &format!("{year}/submission"), &[], None).ok(200);
    // A draft of another initiative, with nothing measurable.
    put(&app, &format!("/api/v1/initiatives/{}/years/2023", w.other), json!({"self_rating": "B"}));

    let expect = |differing: i64, without: i64| json!({"suggested": differing, "agreeing": 0, "differing": differing, "unrated": 0, "without_suggestion": without});
    let s = summary(&app, &app.token, &w.plan, "fiscal_year=2023&group_by=department");
    assert_eq!(s["totals"]["suggestions"], expect(1, 1), "the secretariat counts the draft too");
    let group = s["groups"].as_array().unwrap().iter().find(|g| g["key"] == w.department.as_str()).unwrap();
    assert_eq!(group["suggestions"]["differing"], 1);
    let empty = s["groups"].as_array().unwrap().iter().filter(|g| g["suggestions"]["suggested"] == 0).count();
    assert!(empty > 0, "groups without reports count zeros");
    // The committee sees handed-in reports only; the draft's department sees its own draft.
    let committee = app.create_user("iinkai", Role::Committee, &[]);
    assert_eq!(summary(&app, &committee.token, &w.plan, "fiscal_year=2023")["totals"]["suggestions"], expect(1, 0));
    let other_department = app.get(&format!("/api/v1/initiatives/{}", w.other)).ok(200)["departments"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let clerk = app.create_user("tantou", Role::Department, &[&other_department]);
    assert_eq!(summary(&app, &clerk.token, &w.plan, "fiscal_year=2023")["totals"]["suggestions"], expect(1, 1));
    // Over the years, and once the department agrees with the suggestion.
    app.request(
        "POST",
        &format!("{year}/return"),
        &[("Content-Type", "application/json")],
        Some(&br#"{"reason": "B?"}"#[..]),
    )
    .ok(200);
    put(&app, &year, json!({"self_rating": "B"}));
    let trend = app.get(&format!("/api/v1/plans/{}/summary/trend", w.plan)).ok(200);
    let fy2023 = trend["years"].as_array().unwrap().iter().find(|y| y["fiscal_year"] == 2023).unwrap();
    assert_eq!(fy2023["suggestions"]["agreeing"], 1);
    assert_eq!(fy2023["suggestions"]["differing"], 0);
    // Without a rule the summary says so.
    app.patch(&format!("/api/v1/plans/{}", w.plan), &json!({"rating_rule": null}), None).ok(200);
    assert_eq!(summary(&app, &app.token, &w.plan, "fiscal_year=2023")["totals"]["suggestions"], Value::Null);
}

#[test]
fn a_rule_is_checked_against_the_scale_stored_and_kept_in_bundles() {
    let app = TestApp::spawn();
    let w = world(&app);
    let path = format!("/api/v1/plans/{}", w.plan);
    let before = app.get(&path).ok(200);
    for (rule, field) in [
        (json!({"steps": [{"grade": "S", "at_least": 1}]}), "/rating_rule/steps/0/grade"),
        (json!({"steps": [{"grade": "A", "at_least": 1, "more_than": 0.5}]}), "/rating_rule/steps/0"),
        (json!({"steps": [{"grade": "B", "at_least": 0.5}, {"grade": "A", "at_least": 1}]}), "/rating_rule/steps/1"),
        (json!({"steps": [{"grade": "A", "at_least": 1.5}]}), "/rating_rule/steps/0/at_least"),
        (json!({"steps": []}), "/rating_rule/steps"),
        (json!({"steps": [{"grade": "A", "at_least": 1}], "min_measurable": 0}), "/rating_rule/min_measurable"),
        (
            json!({"steps": [{"grade": "A", "at_least": 1}], "min_measurable_share": 2}),
            "/rating_rule/min_measurable_share",
        ),
    ] {
        app.patch(&path, &json!({"rating_rule": rule}), None).problem_at(422, field);
    }
    let unknown =
        app.patch(&path, &json!({"rating_rule": {"steps": [{"grade": "A", "atleast": 1}]}}), None).problem(422);
    assert_eq!(unknown["errors"][0]["code"], "unknown_field", "{unknown}");
    // A scale without a grade the rule names is refused while the rule names it.
    let scale = json!([{"code": "A", "label": "順調"}, {"code": "B", "label": "概ね"}, {"code": "C", "label": "遅れ"}]);
    app.patch(&path, &json!({"rating_scale": scale}), None).problem_at(422, "/rating_rule/steps/3/grade");
    assert_eq!(app.get(&path).ok(200)["version"], before["version"], "nothing changed");

    let bundle = app.get(&format!("{path}/bundle")).ok(200);
    assert_eq!(bundle["plan"]["rating_rule"], before["rating_rule"], "bundles keep the rule");
    let mut copy = bundle.clone();
    copy["plan"]["title"] = json!("写し");
    let imported = app.post("/api/v1/plan-bundles", &copy).ok(201);
    let id = imported["plan"]["id"].as_str().unwrap();
    assert_eq!(app.get(&format!("/api/v1/plans/{id}")).ok(200)["rating_rule"], before["rating_rule"]);
    copy["plan"]["title"] = json!("写し2");
    copy["plan"]["rating_rule"]["steps"][0]["grade"] = json!("S");
    app.post("/api/v1/plan-bundles", &copy).problem_at(422, "/plan/rating_rule/steps/0/grade");
}
