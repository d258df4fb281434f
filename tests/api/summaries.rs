//! Progress summaries and the public portal API, through HTTP on both databases. Expected counts
//! are computed here from the fixture bundles themselves, independently of the service's code,
//! and checked against the figures the seeds print.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::{json, Value};
use shinchoku::web::auth::Role;

use crate::harness::{fixture, Resp, TestApp};

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

fn counts(pairs: &[(&str, i64)]) -> Value {
    Value::Object(pairs.iter().map(|(k, v)| (k.to_string(), json!(v))).collect())
}

/// A public distribution as (bucket, count) pairs in its order; the bucket of nothing is `-`.
fn buckets(distribution: &Value, key: &str) -> Vec<(String, i64)> {
    distribution
        .as_array()
        .unwrap_or_else(|| panic!("not a distribution: {distribution}"))
        .iter()
        .map(|b| (b[key].as_str().unwrap_or("-").to_string(), b["count"].as_i64().unwrap()))
        .collect()
}

/// The count of one bucket of a public distribution.
fn bucket(distribution: &Value, key: &str, value: &str) -> i64 {
    buckets(distribution, key).into_iter().find(|(k, _)| k == value).map(|(_, n)| n).unwrap_or(-1)
}

/// Ratings per FY over distinct initiatives, counted from the bundle's years.
fn ratings_in_bundle(bundle: &Value, fy: i64) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for initiative in bundle["initiatives"].as_array().unwrap() {
        let year = initiative["years"].as_array().unwrap().iter().find(|y| y["fiscal_year"] == fy);
        let grade = year.and_then(|y| y["rating"].as_str()).unwrap_or("unrated");
        *out.entry(grade.to_string()).or_default() += 1;
    }
    out
}

fn summary(app: &TestApp, plan: &str, query: &str) -> Value {
    app.get(&format!("/api/v1/plans/{plan}/summary?{query}")).ok(200)
}

fn public(app: &TestApp, path: &str) -> Resp {
    app.request_as(None, "GET", &format!("/api/v1/public{path}"), &[], None)
}

#[test]
fn the_regional_plan_counts_are_those_of_the_seeds() {
    let app = TestApp::spawn();
    let bundle: Value = serde_json::from_str(&fixture("regional-welfare-plan")).unwrap();
    let plan = app.import_fixture("regional-welfare-plan")["plan"]["id"].as_str().unwrap().to_string();

    // The seeds' tables: ratings per FY over distinct initiatives.
    let seeds = [
        (2022, [("A", 31), ("B", 15), ("C", 2), ("D", 0)]),
        (2021, [("A", 20), ("B", 14), ("C", 6), ("D", 4)]),
        (2020, [("A", 17), ("B", 11), ("C", 7), ("D", 10)]),
    ];
    for (fy, printed) in seeds {
        let s = summary(&app, &plan, &format!("fiscal_year={fy}"));
        let from_bundle = ratings_in_bundle(&bundle, fy);
        for (grade, n) in printed {
            assert_eq!(s["totals"]["ratings"][grade], n, "FY{fy} {grade} (the seeds)");
            assert_eq!(from_bundle.get(grade).copied().unwrap_or(0), n, "FY{fy} {grade} (the bundle)");
        }
        assert_eq!(s["totals"]["ratings"]["unrated"], from_bundle.get("unrated").copied().unwrap_or(0));
        assert_eq!(s["totals"]["initiatives"], 48);
        assert_eq!(s["fiscal_year_label"], format!("令和{}年度", fy - 2018));
        let keys: Vec<&String> = s["totals"]["ratings"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["A", "B", "C", "D", "unrated"], "the plan's scale in order, then unrated");
    }
    let s = summary(&app, &plan, "fiscal_year=2022");
    assert_eq!(
        s["totals"]["progress"],
        counts(&[
            ("on_track", 30),
            ("mostly_on_track", 16),
            ("partly_delayed", 2),
            ("not_started", 0),
            ("unreported", 0)
        ])
    );
    assert_eq!(s["legend"]["progress"]["on_track"], "順調に進んだ");

    // The trend reproduces the same figures year by year, oldest first.
    let trend = app.get(&format!("/api/v1/plans/{plan}/summary/trend?from=2020&to=2022")).ok(200);
    let years: Vec<i64> =
        trend["years"].as_array().unwrap().iter().map(|y| y["fiscal_year"].as_i64().unwrap()).collect();
    assert_eq!(years, [2020, 2021, 2022]);
    assert_eq!(trend["years"][0]["ratings"]["D"], 10);
    assert_eq!(trend["years"][1]["fiscal_year_label"], "令和3年度");
    assert_eq!(trend["years"][2]["progress"]["on_track"], 30);
}

#[test]
fn cross_listed_initiatives_count_once_in_totals_and_under_every_node_and_department() {
    let app = TestApp::spawn();
    let bundle: Value = serde_json::from_str(&fixture("regional-welfare-plan")).unwrap();
    let plan = app.import_fixture("regional-welfare-plan")["plan"]["id"].as_str().unwrap().to_string();
    // Expected from the bundle: the top-level ancestors of each initiative's nodes, and its departments.
    let parents: HashMap<String, Option<String>> = bundle["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["key"].as_str().unwrap().to_string(), n["parent_key"].as_str().map(String::from)))
        .collect();
    let top = |key: &str| {
        let mut key = key.to_string();
        while let Some(Some(parent)) = parents.get(&key) {
            key = parent.clone();
        }
        key
    };
    let mut per_top: BTreeMap<String, i64> = BTreeMap::new();
    let mut per_department: BTreeMap<String, i64> = BTreeMap::new();
    let mut cross_listed = 0;
    for initiative in bundle["initiatives"].as_array().unwrap() {
        let keys: BTreeSet<String> =
            initiative["node_keys"].as_array().unwrap().iter().map(|k| top(k.as_str().unwrap())).collect();
        cross_listed += i64::from(initiative["node_keys"].as_array().unwrap().len() > 1);
        for k in keys {
            *per_top.entry(k).or_default() += 1;
        }
        for d in initiative["departments"].as_array().unwrap() {
            *per_department.entry(d.as_str().unwrap().to_string()).or_default() += 1;
        }
    }
    assert!(cross_listed > 0, "the fixture has cross-listings");
    let titles: HashMap<&str, &str> = bundle["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["key"].as_str().unwrap(), n["title"].as_str().unwrap()))
        .collect();

    let s = summary(&app, &plan, "fiscal_year=2022&group_by=node");
    assert_eq!(s["totals"]["initiatives"], 48, "once in the totals");
    assert_eq!(s["level"], 1);
    assert_eq!(s["level_label"], "基本方針");
    let groups = s["groups"].as_array().unwrap();
    assert_eq!(groups.len(), per_top.len());
    let mut sum = 0;
    for (key, n) in &per_top {
        let group = groups.iter().find(|g| g["label"] == titles[key.as_str()]).expect("every top node is a group");
        assert_eq!(group["initiatives"], *n, "{key}");
        sum += n;
    }
    assert!(sum > 48, "cross-listings count under each node they are placed in ({sum})");
    // Ratings of the groups add up to their initiatives.
    for g in groups {
        let rated: i64 = g["ratings"].as_object().unwrap().values().map(|v| v.as_i64().unwrap()).sum();
        assert_eq!(rated, g["initiatives"].as_i64().unwrap());
    }

    // Every level can group: level 2 covers the same initiatives under its own nodes.
    let level2 = summary(&app, &plan, "fiscal_year=2022&group_by=node&level=2");
    assert_eq!(level2["level_label"], "施策の方向");
    assert!(level2["groups"].as_array().unwrap().len() > groups.len());

    let s = summary(&app, &plan, "fiscal_year=2022&group_by=department");
    assert_eq!(s["totals"]["initiatives"], 48);
    let groups = s["groups"].as_array().unwrap();
    assert_eq!(groups.len(), per_department.len());
    for (name, n) in &per_department {
        let group = groups.iter().find(|g| g["label"] == name.as_str()).expect("every department is a group");
        assert_eq!(group["initiatives"], *n, "{name}");
        assert_eq!(group["code"], Value::Null);
    }
}

#[test]
fn the_silver_center_quarter_marks_are_those_of_the_seeds() {
    let app = TestApp::spawn();
    let bundle: Value = serde_json::from_str(&fixture("silver-center-basic-plan")).unwrap();
    let imported = app.import_fixture("silver-center-basic-plan");
    let plan = imported["plan"]["id"].as_str().unwrap().to_string();
    assert_eq!(imported["plan"]["quarterly_reports"], true, "a bundle with quarters reports quarterly");

    // Independently: marks per quarter from the bundle.
    let mut expected: BTreeMap<(i64, &str), i64> = BTreeMap::new();
    for initiative in bundle["initiatives"].as_array().unwrap() {
        for year in initiative["years"].as_array().unwrap().iter().filter(|y| y["fiscal_year"] == 2021) {
            for q in year["quarters"].as_array().unwrap() {
                let mark = match q["mark"].as_str() {
                    Some("○") => "done",
                    Some("×") => "not_done",
                    Some(_) => "not_applicable",
                    None => "unreported",
                };
                *expected.entry((q["quarter"].as_i64().unwrap(), mark)).or_default() += 1;
            }
        }
    }
    let s = summary(&app, &plan, "fiscal_year=2021");
    let quarters = s["totals"]["quarters"].as_array().unwrap();
    let seeds = [(1, 60, 0, 8), (3, 62, 1, 5), (4, 59, 3, 6)];
    for (q, done, not_done, na) in seeds {
        let row = &quarters[q - 1];
        assert_eq!(row["quarter"], q as i64);
        assert_eq!(
            (row["done"].as_i64(), row["not_done"].as_i64(), row["not_applicable"].as_i64()),
            (Some(done), Some(not_done), Some(na)),
            "Q{q}"
        );
        assert_eq!(expected.get(&(q as i64, "done")).copied().unwrap_or(0), done, "Q{q} in the bundle");
        assert_eq!(expected.get(&(q as i64, "not_done")).copied().unwrap_or(0), not_done);
        assert_eq!(expected.get(&(q as i64, "not_applicable")).copied().unwrap_or(0), na);
    }
    assert_eq!(quarters[0]["label"], "4～6月");
    assert_eq!(quarters[3]["label"], "1～3月");
    assert_eq!(s["totals"]["initiatives"], 68);
    // Plan-level targets come with the year's values and achievement.
    let targets = s["plan_targets"].as_array().unwrap();
    assert!(!targets.is_empty());
    assert!(targets.iter().all(|t| t["achievement"]["status"].is_string() && t["baseline_value"].is_number()));
}

/// A plan FY2020–2024 with two initiatives of two departments under one node.
struct Office {
    plan: String,
    own: String,
    other: String,
    first: String,
    second: String,
}

fn office(app: &TestApp) -> Office {
    let dep =
        |name: &str| id(&app.post("/api/v1/departments", &json!({"name": name, "kind": "city_department"})).ok(201));
    let (own, other) = (dep("社会福祉課"), dep("健康課"));
    let plan = id(&app
        .post(
            "/api/v1/plans",
            &json!({"title": "地域福祉計画", "organization": "市", "start_fy": 2020, "end_fy": 2024,
                    "level_labels": ["基本方針", "取組"], "status": "published"}),
        )
        .ok(201));
    let node = id(&app.post(&format!("/api/v1/plans/{plan}/nodes"), &json!({"title": "基本方針1"})).ok(201));
    let initiative = |code: &str, department: &str| {
        let body =
            json!({"code": code, "title": format!("取組{code}"), "node_ids": [node], "department_ids": [department]});
        id(&app.post(&format!("/api/v1/plans/{plan}/initiatives"), &body).ok(201))
    };
    let first = initiative("1", &own);
    let second = initiative("2", &other);
    Office { plan, own, other, first, second }
}

fn put_report(app: &TestApp, initiative: &str, fy: i32, body: &Value) {
    let r = app.send_as(Some(&app.token), "PUT", &format!("/api/v1/initiatives/{initiative}/years/{fy}"), body);
    assert!(r.status == 200 || r.status == 201, "{}", r.body);
}

fn step(app: &TestApp, initiative: &str, fy: i32, action: &str) {
    app.request("POST", &format!("/api/v1/initiatives/{initiative}/years/{fy}/{action}"), &[], None).ok(200);
}

#[test]
fn indicator_achievement_in_sql_agrees_with_the_rule() {
    let app = TestApp::spawn();
    let o = office(&app);
    // One indicator per direction and case, on the first initiative; values for FY2022. The
    // verdicts are written out from the rule in docs/domain.md ("Achievement"), not computed by
    // the code under test: the value endpoint (Rust) and the summary (SQL) must both give them.
    // (direction, tolerance, target, actual, status, ratio)
    type Case<'a> = (&'a str, Option<f64>, Option<f64>, Option<f64>, &'a str, Option<f64>);
    let cases: [Case; 9] = [
        ("increase", None, Some(100.0), Some(120.0), "achieved", Some(1.2)),
        ("increase", None, Some(100.0), Some(80.0), "not_achieved", Some(0.8)),
        ("increase", None, Some(0.0), Some(3.0), "achieved", None),
        ("decrease", None, Some(0.0), Some(0.0), "achieved", Some(1.0)),
        ("decrease", None, Some(2.0), Some(4.0), "not_achieved", Some(0.5)),
        ("maintain", Some(5.0), Some(50.0), Some(54.0), "achieved", Some(1.08)),
        ("maintain", None, Some(50.0), Some(51.0), "not_achieved", Some(1.02)),
        ("increase", None, None, Some(10.0), "not_measurable", None),
        ("increase", None, Some(-5.0), Some(-2.0), "achieved", None),
    ];
    for (k, (direction, tolerance, target, actual, status, ratio)) in cases.iter().enumerate() {
        let mut body = json!({"name": format!("指標{k}"), "direction": direction});
        if let Some(t) = tolerance {
            body["tolerance"] = json!(t);
        }
        let indicator = id(&app.post(&format!("/api/v1/initiatives/{}/indicators", o.first), &body).ok(201));
        let r = app.send_as(
            Some(&app.token),
            "PUT",
            &format!("/api/v1/initiatives/{}/indicators/{indicator}/values/2022", o.first),
            &json!({"target": target, "actual": actual}),
        );
        let value = r.ok(200);
        assert_eq!(value["achievement"]["status"], *status, "case {k}: {value}");
        match ratio {
            Some(r) => assert!((value["achievement"]["ratio"].as_f64().unwrap() - r).abs() < 1e-9, "case {k}: {value}"),
            None => assert!(value["achievement"]["ratio"].is_null(), "case {k}: {value}"),
        }
    }
    let s = summary(&app, &o.plan, "fiscal_year=2022");
    let i = &s["totals"]["indicators"];
    assert_eq!(i["achieved"], 5, "{i}");
    assert_eq!(i["not_achieved"], 3, "{i}");
    assert_eq!(i["not_measurable"], 1, "{i}");
    // (1.2 + 0.8 + 1.0 + 0.5 + 1.08 + 1.02) / 6
    assert!((i["mean_achievement_ratio"].as_f64().unwrap() - 5.6 / 6.0).abs() < 1e-3, "{i}");
}

#[test]
fn the_committee_counts_handed_in_contents_only_and_a_filter_narrows_states() {
    let app = TestApp::spawn();
    let o = office(&app);
    let committee = app.create_user("iinkai", Role::Committee, &[]);
    let department = app.create_user("fukushi", Role::Department, &[&o.own]);
    put_report(&app, &o.first, 2022, &json!({"self_rating": "A", "progress_status": "on_track"}));
    put_report(&app, &o.second, 2022, &json!({"self_rating": "B", "progress_status": "partly_delayed"}));
    step(&app, &o.second, 2022, "submission");
    let path = format!("/api/v1/plans/{}/summary?fiscal_year=2022", o.plan);

    let admin = app.get(&path).ok(200);
    assert_eq!(admin["totals"]["ratings"], counts(&[("A", 1), ("B", 1), ("C", 0), ("D", 0), ("unrated", 0)]));
    let seen = app.request_as(Some(&committee.token), "GET", &path, &[], None).ok(200);
    assert_eq!(
        seen["totals"]["ratings"],
        counts(&[("A", 0), ("B", 1), ("C", 0), ("D", 0), ("unrated", 1)]),
        "no draft rating"
    );
    assert_eq!(seen["totals"]["workflow"]["draft"], 1, "who is late is still counted");
    let own = app.request_as(Some(&department.token), "GET", &path, &[], None).ok(200);
    assert_eq!(own["totals"]["ratings"]["A"], 1, "a department counts its own drafts");

    let submitted = app.get(&format!("{path}&state=submitted")).ok(200);
    assert_eq!(submitted["states"], json!(["submitted"]));
    assert_eq!(
        submitted["totals"]["workflow"],
        counts(&[("draft", 0), ("submitted", 1), ("returned", 0), ("reviewed", 0), ("published", 0), ("missing", 1)])
    );
    assert_eq!(submitted["totals"]["progress"]["partly_delayed"], 1);
    assert_eq!(submitted["totals"]["progress"]["unreported"], 1);

    // Committee ratings are counted on request.
    app.send_as(
        Some(&app.token),
        "PUT",
        &format!("/api/v1/initiatives/{}/years/2022", o.second),
        &json!({"committee_rating": "C"}),
    )
    .ok(200);
    let by_committee = app.get(&format!("{path}&rating=committee")).ok(200);
    assert_eq!(by_committee["rating"], "committee");
    assert_eq!(by_committee["totals"]["ratings"]["C"], 1);
}

#[test]
fn bad_parameters_are_named() {
    let app = TestApp::spawn();
    let o = office(&app);
    let base = format!("/api/v1/plans/{}/summary", o.plan);
    app.get(&format!("{base}?fiscal_year=2030")).problem_at(422, "/query/fiscal_year");
    app.get(&format!("{base}?fiscal_year=2022&group_by=node&level=3")).problem_at(422, "/query/level");
    app.get(&format!("{base}?fiscal_year=2022&level=1")).problem_at(422, "/query/level");
    app.get(&format!("{base}?fiscal_year=2022&group_by=plan")).problem_at(400, "/query/group_by");
    app.get(&base).problem_at(400, "/query/fiscal_year");
    app.get(&format!("{base}/trend?from=2023&to=2021")).problem_at(422, "/query/to");
    app.get(&format!("{base}/trend?from=2019")).problem_at(422, "/query/from");
    app.get(&format!("/api/v1/plans/{}/overdue?fiscal_year=2019", o.plan)).problem_at(422, "/query/fiscal_year");
    app.get(&format!("/api/v1/plans/{}/summary?fiscal_year=2022", uuid::Uuid::now_v7())).problem(404);
}

#[test]
fn the_public_api_shows_published_data_only() {
    let app = TestApp::spawn();
    let o = office(&app);
    let committee = app.create_user("iinkai", Role::Committee, &[]);
    put_report(
        &app,
        &o.first,
        2022,
        &json!({"result_text": "公開された実績", "self_rating": "A", "progress_status": "on_track"}),
    );
    put_report(
        &app,
        &o.second,
        2022,
        &json!({"result_text": "SECRET-DRAFT-TEXT", "self_rating": "D", "progress_status": "not_started"}),
    );
    for action in ["submission", "review", "publication"] {
        step(&app, &o.first, 2022, action);
    }
    step(&app, &o.second, 2022, "submission");
    app.send_as(
        Some(&app.token),
        "PUT",
        &format!("/api/v1/initiatives/{}/years/2022", o.second),
        &json!({"committee_opinion": "SECRET-OPINION", "committee_rating": "C"}),
    )
    .ok(200);
    app.send_as(
        Some(&committee.token),
        "POST",
        &format!("/api/v1/initiatives/{}/years/2022/comments", o.second),
        &json!({"body": "SECRET-COMMENT"}),
    )
    .ok(201);
    // A draft plan is not public at all.
    let draft_plan = id(&app
        .post("/api/v1/plans", &json!({"title": "SECRET-PLAN", "organization": "市", "start_fy": 2020, "end_fy": 2024, "level_labels": ["a"]}))
        .ok(201));

    let bodies = [
        public(&app, "/plans"),
        public(&app, &format!("/plans/{}", o.plan)),
        public(&app, &format!("/plans/{}/summary?fiscal_year=2022", o.plan)),
        public(&app, &format!("/plans/{}/summary?fiscal_year=2022&group_by=department&rating=committee", o.plan)),
        public(&app, &format!("/plans/{}/summary/trend", o.plan)),
        public(&app, &format!("/initiatives/{}/timeline", o.first)),
        public(&app, &format!("/initiatives/{}/timeline", o.second)),
    ];
    let me = app.get("/api/v1/me").ok(200);
    for r in &bodies {
        assert_eq!(r.status, 200, "{}", r.body);
        for secret in [
            "SECRET",
            "draft\":1",
            &committee.id,
            me["user"]["id"].as_str().unwrap(),
            "updated_by",
            "iinkai",
            "return_reason",
        ] {
            assert!(!r.body.contains(secret), "{secret} leaked: {}", r.body);
        }
        assert_eq!(r.header("cache-control"), Some("public, max-age=60"));
        assert!(r.header("etag").is_some());
    }
    let plans = bodies[0].json();
    assert_eq!(plans["items"].as_array().unwrap().len(), 1);
    assert_eq!(plans["items"][0]["id"], o.plan.as_str());
    let s = bodies[2].json();
    let pairs = |p: &[(&str, i64)]| p.iter().map(|(k, n)| (k.to_string(), *n)).collect::<Vec<_>>();
    assert_eq!(buckets(&s["totals"]["ratings"], "grade"), pairs(&[("A", 1), ("B", 0), ("C", 0), ("D", 0), ("-", 1)]));
    assert_eq!((&s["totals"]["initiatives"], &s["totals"]["published"]), (&json!(2), &json!(1)));
    assert_eq!(s["totals"]["ratings"][4]["label"], "未評価");
    assert_eq!(bucket(&s["totals"]["progress"], "status", "-"), 1, "the unpublished report is 未報告");
    let tree = bodies[1].json();
    assert_eq!(tree["nodes"][0]["initiatives"].as_array().unwrap().len(), 2);
    assert_eq!(tree["nodes"][0]["initiatives"][0]["departments"], json!(["社会福祉課"]));
    let published = bodies[5].json();
    assert_eq!(published["years"].as_array().unwrap().len(), 1);
    assert_eq!(published["years"][0]["result_text"], "公開された実績");
    assert_eq!(bodies[6].json()["years"], json!([]));

    // Unpublished plans, and anything under them, are 404.
    public(&app, &format!("/plans/{draft_plan}")).problem(404);
    public(&app, &format!("/plans/{draft_plan}/summary?fiscal_year=2022")).problem(404);
    public(&app, &format!("/plans/{draft_plan}/summary/trend")).problem(404);
    // The public API takes no state filter: every query parameter is documented, this one is not.
    public(&app, &format!("/plans/{}/summary?fiscal_year=2022&state=draft", o.plan)).problem_at(400, "/query/state");
}

#[test]
fn tags_answer_304_and_change_after_a_write() {
    let app = TestApp::spawn();
    let o = office(&app);
    put_report(&app, &o.first, 2022, &json!({"self_rating": "A"}));
    for action in ["submission", "review", "publication"] {
        step(&app, &o.first, 2022, action);
    }
    let paths = [
        format!("/plans/{}", o.plan),
        format!("/plans/{}/summary?fiscal_year=2022&group_by=department", o.plan),
        format!("/plans/{}/summary/trend", o.plan),
        format!("/initiatives/{}/timeline", o.first),
    ];
    let tags: Vec<String> = paths
        .iter()
        .map(|p| {
            let r = public(&app, p);
            let tag = r.header("etag").unwrap().to_string();
            let again = app.request_as(None, "GET", &format!("/api/v1/public{p}"), &[("If-None-Match", &tag)], None);
            assert_eq!(again.status, 304, "{p}");
            assert_eq!(again.body, "");
            assert_eq!(again.header("etag"), Some(tag.as_str()));
            let weak = format!("W/{tag}");
            let listed = format!("\"other\", {weak}");
            assert_eq!(
                app.request_as(None, "GET", &format!("/api/v1/public{p}"), &[("If-None-Match", &listed)], None).status,
                304
            );
            // The portal calls from browsers: the configured origin may read it, ETag included.
            let cors = app.request_as(
                None,
                "GET",
                &format!("/api/v1/public{p}"),
                &[("Origin", "https://portal.example.jp")],
                None,
            );
            assert_eq!(cors.header("access-control-allow-origin"), Some("https://portal.example.jp"));
            assert!(cors
                .header("access-control-expose-headers")
                .is_some_and(|h| h.to_ascii_lowercase().contains("etag")));
            tag
        })
        .collect();

    // A correction that is published again changes the summary, the timeline and their tags.
    step(&app, &o.first, 2022, "corrections");
    put_report(&app, &o.first, 2022, &json!({"self_rating": "B"}));
    for action in ["submission", "review", "publication"] {
        step(&app, &o.first, 2022, action);
    }
    for (p, old) in paths.iter().zip(&tags).skip(1) {
        let r = app.request_as(None, "GET", &format!("/api/v1/public{p}"), &[("If-None-Match", old)], None);
        assert_eq!(r.status, 200, "{p} after a write");
        assert_ne!(r.header("etag"), Some(old.as_str()));
    }
    // The tree shows no report: its body, and so its tag, did not change.
    let tree =
        app.request_as(None, "GET", &format!("/api/v1/public{}", paths[0]), &[("If-None-Match", &tags[0])], None);
    assert_eq!(tree.status, 304);
    let s = public(&app, &format!("/plans/{}/summary?fiscal_year=2022", o.plan)).json();
    assert_eq!(bucket(&s["totals"]["ratings"], "grade", "B"), 1);

    // Renaming a department the plan shows is a change to the plan's summary too.
    let by_department = format!("/plans/{}/summary?fiscal_year=2022&group_by=department", o.plan);
    let before = public(&app, &by_department);
    app.patch(&format!("/api/v1/departments/{}", o.own), &json!({"name": "福祉政策課"}), None).ok(200);
    let after = public(&app, &by_department);
    assert_ne!(after.header("etag"), before.header("etag"));
    assert!(after.json()["groups"].as_array().unwrap().iter().any(|g| g["label"] == "福祉政策課"));

    // Internal summaries are tagged too, private to the caller.
    let internal = app.get(&format!("/api/v1/plans/{}/summary?fiscal_year=2022", o.plan));
    assert_eq!(internal.header("cache-control"), Some("private, no-cache"));
    let tag = internal.header("etag").unwrap();
    assert_eq!(
        app.request(
            "GET",
            &format!("/api/v1/plans/{}/summary?fiscal_year=2022", o.plan),
            &[("If-None-Match", tag)],
            None
        )
        .status,
        304
    );
}

#[test]
fn a_read_after_a_write_is_never_stale() {
    let app = TestApp::spawn();
    let o = office(&app);
    let path = format!("/api/v1/plans/{}/summary?fiscal_year=2023", o.plan);
    assert_eq!(app.get(&path).ok(200)["totals"]["workflow"]["missing"], 2);
    // Concurrent writers, each read right after its write: every read counts at least its own report.
    let department = app.create_user("fukushi", Role::Department, &[&o.own]);
    let other = app.create_user("kenko", Role::Department, &[&o.other]);
    let results = app.concurrently(2, |app, i| {
        let (user, initiative) = if i == 0 { (&department, &o.first) } else { (&other, &o.second) };
        app.send_as(
            Some(&user.token),
            "PUT",
            &format!("/api/v1/initiatives/{initiative}/years/2023"),
            &json!({"plan_text": "計画"}),
        )
        .ok(201);
        app.get(&path)
    });
    for r in results {
        let drafts = r.ok(200)["totals"]["workflow"]["draft"].as_i64().unwrap();
        assert!(drafts >= 1, "a read after its own write sees it");
    }
    assert_eq!(app.get(&path).ok(200)["totals"]["workflow"]["draft"], 2);
}

#[test]
fn due_dates_make_late_reports_overdue() {
    let app = TestApp::spawn();
    let o = office(&app);
    let department = app.create_user("fukushi", Role::Department, &[&o.own]);
    // FY2023 ended on 31 March 2024; reports were due 61 days later. The first initiative's
    // report is handed in, the second's does not exist.
    put_report(&app, &o.first, 2023, &json!({"plan_text": "計画"}));
    step(&app, &o.first, 2023, "submission");
    let overdue = app.get(&format!("/api/v1/plans/{}/overdue?fiscal_year=2023", o.plan)).ok(200);
    let items = overdue["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{overdue}");
    assert_eq!(items[0]["initiative_id"], o.second.as_str());
    assert_eq!(items[0]["due_on"], "2024-05-31");
    assert_eq!(items[0]["workflow_state"], Value::Null);
    assert_eq!(items[0]["departments"][0]["name"], "健康課");
    assert!(items[0]["days_overdue"].as_i64().unwrap() > 0);
    // Only the secretariat lists them.
    app.request_as(
        Some(&department.token),
        "GET",
        &format!("/api/v1/plans/{}/overdue?fiscal_year=2023", o.plan),
        &[],
        None,
    )
    .problem(403);

    // A quarterly plan: every ended quarter without a mark is due 30 days after it ends.
    app.patch(&format!("/api/v1/plans/{}", o.plan), &json!({"quarterly_reports": true, "quarter_due_days": 10}), None)
        .ok(200);
    put_report(&app, &o.second, 2023, &json!({"plan_text": "計画"}));
    app.send_as(
        Some(&app.token),
        "PUT",
        &format!("/api/v1/initiatives/{}/years/2023/quarters/1", o.second),
        &json!({"mark": "done"}),
    )
    .ok(200);
    let overdue = app.get(&format!("/api/v1/plans/{}/overdue?fiscal_year=2023", o.plan)).ok(200);
    let quarters: Vec<Value> = overdue["items"].as_array().unwrap().iter().map(|i| i["quarter"].clone()).collect();
    assert_eq!(quarters, [json!(2), json!(3), json!(4), Value::Null], "Q1 has its mark; the year's report last");
    assert_eq!(overdue["items"][0]["due_on"], "2023-10-10");
    assert_eq!(overdue["items"][3]["workflow_state"], "draft");

    // The department's view: its counts across plans, and what it still owes.
    let view = app
        .request_as(
            Some(&department.token),
            "GET",
            &format!("/api/v1/departments/{}/summary?fiscal_year=2023", o.own),
            &[],
            None,
        )
        .ok(200);
    assert_eq!(view["department_name"], "社会福祉課");
    assert_eq!(view["totals"]["initiatives"], 1);
    assert_eq!(view["totals"]["workflow"]["submitted"], 1);
    assert_eq!(view["plans"][0]["key"], o.plan.as_str());
    assert_eq!(view["pending"], json!([]), "a handed-in report owes nothing");
    assert_eq!(view["overdue"], 0);
    let other = app.get(&format!("/api/v1/departments/{}/summary?fiscal_year=2023", o.other)).ok(200);
    assert_eq!(other["overdue"], 4);
    app.get(&format!("/api/v1/departments/{}/summary?fiscal_year=2023", uuid::Uuid::now_v7())).problem(404);
}

#[test]
fn a_synthetic_plan_loads_and_adds_up() {
    let app = TestApp::spawn();
    let shape = shinchoku::ops::synth::Shape { initiatives: 120, years: 3, last_fy: 2024, seed: 1 };
    let (plan, counts) = shinchoku::ops::synth::generate(&mut app.conn(), shape).expect("synthetic plan");
    assert_eq!(counts.initiatives, 120);
    let s = summary(&app, &plan.id.to_string(), "fiscal_year=2024&group_by=node");
    let t = &s["totals"];
    assert_eq!(t["initiatives"], 120);
    let sum = |v: &Value| v.as_object().unwrap().values().map(|n| n.as_i64().unwrap()).sum::<i64>();
    assert_eq!(sum(&t["workflow"]), 120, "every initiative once in the workflow counts");
    assert_eq!(sum(&t["ratings"]), 120);
    for state in ["draft", "submitted", "returned", "reviewed", "published"] {
        assert!(t["workflow"][state].as_i64().unwrap() > 0, "the last year has {state} reports");
    }
    let q1 = &t["quarters"][0];
    let marked =
        ["done", "not_done", "not_applicable", "unreported"].iter().map(|k| q1[k].as_i64().unwrap()).sum::<i64>();
    assert_eq!(marked, 120);
    let placed: i64 = s["groups"].as_array().unwrap().iter().map(|g| g["initiatives"].as_i64().unwrap()).sum();
    assert!(placed >= 120, "cross-listings count under each node");
}

/// Values stored before the numeric range was enforced give no ratio, never a 500: PostgreSQL
/// raises an error where a division or a difference overflows or underflows. Every direction
/// meets every extreme pair, in every summary that aggregates indicators (plan, trend,
/// department, public).
#[test]
fn extreme_values_stored_earlier_do_not_break_the_summaries() {
    use diesel::RunQueryDsl;
    let app = TestApp::spawn();
    let plan = app.import_fixture("regional-welfare-plan")["plan"]["id"].as_str().unwrap().to_string();
    let department = app.get("/api/v1/departments").ok(200)["items"][0]["id"].as_str().unwrap().to_string();
    let mut conn = app.conn();
    let extremes =
        [(1e-300, 1e300), (1e300, 1e-300), (-1e308, 1e308), (1e308, 1e308), (5e-324, 1.7e308), (0.0, 1e-310)];
    for direction in ["increase", "decrease", "maintain"] {
        for (target, actual) in extremes {
            diesel::sql_query(format!("UPDATE indicators SET direction = '{direction}', tolerance = 1e308"))
                .execute(&mut conn)
                .unwrap();
            let changed = diesel::sql_query(format!(
                "UPDATE indicator_values SET target = {target:e}, actual = {actual:e} WHERE fiscal_year = 2022 AND actual IS NOT NULL"
            ))
            .execute(&mut conn)
            .unwrap();
            assert!(changed > 0);
            // Counted as the service counts writes made outside it, with a new data version:
            // every summary is computed again.
            assert!(app.count_outside_writes() > 0);
            let case = format!("{direction} {target:e} {actual:e}");
            let summary = app.get(&format!("/api/v1/plans/{plan}/summary?fiscal_year=2022")).ok(200);
            let indicators = &summary["totals"]["indicators"];
            assert!(
                indicators["achieved"].as_i64().unwrap() + indicators["not_achieved"].as_i64().unwrap() > 0,
                "{case}: {summary}"
            );
            assert!(
                indicators["mean_achievement_ratio"].is_null(),
                "{case}: no ratio outside the entry range: {summary}"
            );
            app.get(&format!("/api/v1/plans/{plan}/summary?fiscal_year=2022&group_by=department")).ok(200);
            app.get(&format!("/api/v1/plans/{plan}/summary/trend")).ok(200);
            app.get(&format!("/api/v1/departments/{department}/summary?fiscal_year=2022")).ok(200);
            let public = app.request_as(
                None,
                "GET",
                &format!("/api/v1/public/plans/{plan}/summary?fiscal_year=2022"),
                &[],
                None,
            );
            assert_eq!(public.status, 200, "{case}");
            let trend = app.request_as(None, "GET", &format!("/api/v1/public/plans/{plan}/summary/trend"), &[], None);
            assert_eq!(trend.status, 200, "{case}");
        }
    }
}

/// During a correction (the published edition rated D, the correction's draft rated A), the
/// report list's filters answer from what each caller is shown: the committee and another
/// department find the report under D and not under A, and the indicator values show the
/// published figures with the version and time they had then; a value first written in the
/// correction is not listed. The responsible department sees its draft, and filters on it.
#[test]
fn filters_and_values_during_a_correction_answer_from_what_the_caller_is_shown() {
    let app = TestApp::spawn();
    let o = office(&app);
    let committee = app.create_user("iinkai", Role::Committee, &[]);
    let other = app.create_user("kenkou", Role::Department, &[&o.other]);
    let own = app.create_user("fukushi", Role::Department, &[&o.own]);
    let indicator = |name: &str| {
        id(&app.post(&format!("/api/v1/initiatives/{}/indicators", o.first), &json!({"name": name})).ok(201))
    };
    let (kept, added) = (indicator("相談件数"), indicator("訪問件数"));
    let value_path = |ind: &str| format!("/api/v1/initiatives/{}/indicators/{ind}/values", o.first);
    let put_value = |ind: &str, body: Value| {
        app.send_as(Some(&app.token), "PUT", &format!("{}/2022", value_path(ind)), &body).ok(200);
    };
    put_value(&kept, json!({"target": 10, "actual": 8}));
    put_report(
        &app,
        &o.first,
        2022,
        &json!({"result_text": "公開版", "self_rating": "D", "progress_status": "partly_delayed"}),
    );
    for action in ["submission", "review", "publication"] {
        step(&app, &o.first, 2022, action);
    }
    let values_as = |user: &str, ind: &str| -> Vec<Value> {
        let list = app.request_as(Some(user), "GET", &value_path(ind), &[], None).ok(200);
        list["items"].as_array().unwrap().iter().filter(|e| e["fiscal_year"] == 2022).cloned().collect()
    };
    let published_value = values_as(&committee.token, &kept);
    assert_eq!(published_value.len(), 1);
    step(&app, &o.first, 2022, "corrections");
    put_report(&app, &o.first, 2022, &json!({"self_rating": "A", "progress_status": "on_track"}));
    put_value(&kept, json!({"target": 10, "actual": 12}));
    put_value(&added, json!({"target": 1, "actual": 1}));

    let listed = |user: &str, query: &str| -> Vec<Value> {
        let path = format!("/api/v1/plans/{}/reports?fiscal_year=2022&{query}", o.plan);
        let list = app.request_as(Some(user), "GET", &path, &[], None).ok(200);
        list["items"].as_array().unwrap().iter().filter(|r| r["initiative_id"] == o.first.as_str()).cloned().collect()
    };
    for (who, user) in [("committee", &committee), ("other department", &other)] {
        assert!(listed(&user.token, "rating=A").is_empty(), "{who}: the draft's grade must not select the report");
        assert!(listed(&user.token, "progress_status=on_track").is_empty(), "{who}");
        assert!(listed(&user.token, "rating=A,unrated").is_empty(), "{who}");
        let shown = listed(&user.token, "rating=D&progress_status=partly_delayed");
        assert_eq!(shown.len(), 1, "{who}: the published edition is found by what it shows");
        assert_eq!(shown[0]["self_rating"], "D", "{who}");
        assert_eq!(values_as(&user.token, &kept), published_value, "{who}: the value as published, same version");
        assert!(values_as(&user.token, &added).is_empty(), "{who}: no entry for a value written in the correction");
    }
    let shown = listed(&own.token, "rating=A&progress_status=on_track");
    assert_eq!(shown.len(), 1, "the department sees its correction");
    assert!(listed(&own.token, "rating=D").is_empty());
    assert_eq!(values_as(&own.token, &kept)[0]["actual"], 12.0);
    assert_eq!(values_as(&own.token, &added).len(), 1);
    // Published again: everyone sees the correction.
    for action in ["submission", "review", "publication"] {
        step(&app, &o.first, 2022, action);
    }
    assert_eq!(listed(&committee.token, "rating=A").len(), 1);
    assert_eq!(values_as(&committee.token, &kept)[0]["actual"], 12.0);
    assert_eq!(values_as(&committee.token, &added).len(), 1);
}

/// Every public body and ETag depends on published data only: a draft edit, a submission, a
/// return, a comment and a correction in progress leave each one byte for byte as it was (no
/// internal counter shows that something unpublished changed); a publication changes them.
#[test]
fn public_bodies_and_etags_change_only_with_published_data() {
    let app = TestApp::spawn();
    let o = office(&app);
    app.patch(&format!("/api/v1/plans/{}", o.plan), &json!({"quarterly_reports": true}), None).ok(200);
    let indicator =
        id(&app.post(&format!("/api/v1/initiatives/{}/indicators", o.first), &json!({"name": "相談件数"})).ok(201));
    let value = format!("/api/v1/initiatives/{}/indicators/{indicator}/values/2022", o.first);
    let quarter = format!("/api/v1/initiatives/{}/years/2022/quarters/1", o.first);
    put_report(
        &app,
        &o.first,
        2022,
        &json!({"result_text": "公開", "self_rating": "B", "progress_status": "on_track"}),
    );
    app.send_as(Some(&app.token), "PUT", &value, &json!({"target": 10, "actual": 8})).ok(200);
    app.send_as(Some(&app.token), "PUT", &quarter, &json!({"mark": "done"})).ok(200);
    for action in ["submission", "review", "publication"] {
        step(&app, &o.first, 2022, action);
    }
    put_report(&app, &o.second, 2022, &json!({"result_text": "下書き", "self_rating": "C"}));
    let paths = [
        "/public/plans".to_string(),
        format!("/public/plans/{}", o.plan),
        format!("/public/plans/{}/summary?fiscal_year=2022", o.plan),
        format!("/public/plans/{}/summary?fiscal_year=2022&group_by=department", o.plan),
        format!("/public/plans/{}/summary/trend", o.plan),
        format!("/public/initiatives/{}/timeline", o.first),
        format!("/public/initiatives/{}/timeline", o.second),
    ];
    let public = || -> Vec<(u16, String, String)> {
        paths
            .iter()
            .map(|p| {
                let r = app.request_as(None, "GET", &format!("/api/v1{p}"), &[], None);
                let etag = r.headers.get("etag").cloned().unwrap_or_default();
                (r.status, etag, r.body)
            })
            .collect()
    };
    let before = public();
    for (status, etag, body) in &before {
        assert_eq!(*status, 200, "{body}");
        assert!(!etag.is_empty());
        if let Some(version) = serde_json::from_str::<Value>(body).unwrap().get("data_version") {
            assert!(version.is_null(), "no internal counter in a public body: {body}");
        }
    }
    let totals = serde_json::from_str::<Value>(&before[2].2).unwrap()["totals"].clone();
    let grade = |totals: &Value, g: &str| bucket(&totals["ratings"], "grade", g);
    let verdict = |totals: &Value, v: &str| bucket(&totals["indicators"], "achievement", v);
    let first_quarter = |totals: &Value, m: &str| bucket(&totals["quarters"][0]["marks"], "mark", m);
    assert_eq!((grade(&totals, "B"), verdict(&totals, "not_achieved")), (1, 1), "{totals}");
    assert_eq!(first_quarter(&totals, "done"), 1, "{totals}");
    let internal = |app: &TestApp| app.get(&format!("/api/v1/plans/{}/summary?fiscal_year=2022", o.plan)).ok(200);
    let version = internal(&app)["data_version"].as_i64().unwrap();
    let year = |initiative: &str| format!("/api/v1/initiatives/{initiative}/years/2022");
    type Work<'a> = Box<dyn Fn() + 'a>;
    let mut unpublished: Vec<(&str, Work)> = vec![
        ("draft edit", Box::new(|| put_report(&app, &o.second, 2022, &json!({"result_text": "下書きの修正"})))),
        ("submission", Box::new(|| step(&app, &o.second, 2022, "submission"))),
        (
            "comment",
            Box::new(|| {
                app.send_as(
                    Some(&app.token),
                    "POST",
                    &format!("{}/comments", year(&o.second)),
                    &json!({"body": "確認"}),
                )
                .ok(201);
            }),
        ),
        (
            "return",
            Box::new(|| {
                app.send_as(
                    Some(&app.token),
                    "POST",
                    &format!("{}/return", year(&o.second)),
                    &json!({"reason": "再提出"}),
                )
                .ok(200);
            }),
        ),
        ("correction", Box::new(|| step(&app, &o.first, 2022, "corrections"))),
        ("correction's draft", Box::new(|| put_report(&app, &o.first, 2022, &json!({"self_rating": "D"})))),
        (
            "correction's value and quarter",
            Box::new(|| {
                app.send_as(Some(&app.token), "PUT", &value, &json!({"target": 10, "actual": 12})).ok(200);
                app.send_as(Some(&app.token), "PUT", &quarter, &json!({"mark": "not_done"})).ok(200);
            }),
        ),
    ];
    for (what, work) in unpublished.drain(..) {
        work();
        for (i, now) in public().into_iter().enumerate() {
            assert!(now == before[i], "{what} changed {}: {} → {}", paths[i], before[i].2, now.2);
        }
    }
    assert!(internal(&app)["data_version"].as_i64().unwrap() > version, "internal summaries keep their version");
    for action in ["submission", "review", "publication"] {
        step(&app, &o.first, 2022, action);
    }
    let after = public();
    let totals = serde_json::from_str::<Value>(&after[2].2).unwrap()["totals"].clone();
    assert_eq!((grade(&totals, "D"), verdict(&totals, "achieved")), (1, 1), "{totals}");
    assert_eq!(first_quarter(&totals, "not_done"), 1, "{totals}");
    for (i, p) in paths.iter().enumerate() {
        let changed = before[i] != after[i];
        // The correction (rated D) shows in the summaries, the trend and its timeline.
        let expected = p.contains("summary") || p.ends_with(&format!("{}/timeline", o.first));
        assert_eq!(changed, expected, "{p}");
    }
}

#[test]
fn anonymous_reads_that_need_computing_are_limited_per_address() {
    let app = TestApp::spawn();
    let plan = app.import_fixture("regional-welfare-plan")["plan"]["id"].as_str().unwrap().to_string();
    // An instance whose anonymous callers may each cause 1 ms of computation per second (25 ms
    // after being idle): a few uncached summaries spend it.
    let small = app.instance_with(|state| {
        state.public_budget = std::sync::Arc::new(shinchoku::web::budget::ComputeBudget::new(Some(1)));
    });
    let first = format!("/plans/{plan}/summary?fiscal_year=2022");
    public(&small, &first).ok(200);
    let mut uncached = Vec::new();
    for fy in [2020, 2021, 2022] {
        for group in ["", "&group_by=node", "&group_by=department"] {
            for rating in ["self", "committee"] {
                uncached.push(format!("/plans/{plan}/summary?fiscal_year={fy}{group}&rating={rating}"));
            }
        }
    }
    for from in 2020..=2022 {
        for to in from..=2022 {
            uncached.push(format!("/plans/{plan}/summary/trend?from={from}&to={to}"));
        }
    }
    let refused = uncached
        .iter()
        .map(|path| public(&small, path))
        .find(|r| r.status != 200)
        .expect("an address that keeps asking for uncached summaries is refused at some point");
    let problem = refused.problem(429);
    assert!(problem["type"].as_str().unwrap().ends_with("too-many-requests"), "{problem}");
    let retry: u64 = refused.header("retry-after").expect("Retry-After").parse().unwrap();
    assert!(retry >= 1, "{retry}");

    // What is cached is still answered, to the same address.
    public(&small, &first).ok(200);
    // Signed-in callers are not limited by it.
    small
        .request_as(
            Some(&app.token),
            "GET",
            &format!("/api/v1/plans/{plan}/summary?fiscal_year=2021&rating=committee"),
            &[],
            None,
        )
        .ok(200);
    // The budget is this instance's: another one computes for the same address.
    public(&app, uncached.last().unwrap()).ok(200);
}
