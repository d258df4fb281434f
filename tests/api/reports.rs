//! Progress reporting: annual reports, the workflow, quarters, indicator values, comments,
//! history and timelines, through HTTP on both databases.

use std::collections::BTreeSet;

use serde_json::{json, Value};
use shinchoku::domain::enums::WorkflowState;
use shinchoku::domain::workflow::{self, Transition};
use shinchoku::web::auth::Role;

use crate::harness::{TestApp, TestUser};

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

/// A plan FY2020–2024 with one node, two departments and a committee.
struct Office {
    plan: String,
    node: String,
    own: String,
    department: TestUser,
    department_other: TestUser,
    council: TestUser,
    committee: TestUser,
    council_department: String,
}

fn office(app: &TestApp) -> Office {
    let dep =
        |name: &str, kind: &str| id(&app.post("/api/v1/departments", &json!({"name": name, "kind": kind})).ok(201));
    let own = dep("社会福祉課", "city_department");
    let other = dep("健康課", "city_department");
    let council_department = dep("社会福祉協議会", "council");
    let plan = id(&app
        .post(
            "/api/v1/plans",
            &json!({"title": "地域福祉計画", "organization": "市", "start_fy": 2020, "end_fy": 2024, "level_labels": ["基本方針", "取組"]}),
        )
        .ok(201));
    let node = id(&app.post(&format!("/api/v1/plans/{plan}/nodes"), &json!({"title": "基本方針1"})).ok(201));
    Office {
        department: app.create_user("fukushi", Role::Department, &[&own]),
        department_other: app.create_user("kenko", Role::Department, &[&other]),
        council: app.create_user("shakyo", Role::Council, &[&council_department]),
        committee: app.create_user("iinkai", Role::Committee, &[]),
        plan,
        node,
        own,
        council_department,
    }
}

impl Office {
    /// A new initiative of the own department and the council.
    fn initiative(&self, app: &TestApp, code: &str) -> String {
        let body = json!({"code": code, "title": format!("取組{code}"), "node_ids": [self.node],
                          "department_ids": [self.own, self.council_department]});
        id(&app.post(&format!("/api/v1/plans/{}/initiatives", self.plan), &body).ok(201))
    }
}

fn year(initiative: &str, fy: i32) -> String {
    format!("/api/v1/initiatives/{initiative}/years/{fy}")
}

fn put(app: &TestApp, token: &str, path: &str, body: Value) -> crate::harness::Resp {
    app.send_as(Some(token), "PUT", path, &body)
}

fn post(app: &TestApp, token: &str, path: &str) -> crate::harness::Resp {
    app.request_as(Some(token), "POST", path, &[], None)
}

#[test]
fn a_report_from_draft_to_correction() {
    let app = TestApp::spawn();
    let o = office(&app);
    let i = o.initiative(&app, "1");
    let y = year(&i, 2022);
    let d = &o.department.token;

    // The department creates and fills the report.
    let created =
        put(&app, d, &y, json!({"category": "implement", "plan_text": "ガイドブックを改訂する", "self_rating": "B"}));
    let report = created.ok(201);
    assert_eq!(created.header("location"), Some(y.as_str()));
    assert_eq!(report["workflow_state"], "draft");
    assert_eq!(report["workflow_state_label"], "作成中");
    assert_eq!(report["fiscal_year_label"], "令和4年度");
    assert_eq!(report["category_label"], "実施");
    assert_eq!(report["self_rating_label"], "概ね進んでいる");
    assert_eq!(report["updated_by"]["display_name"], "fukushi さん");
    // Merge semantics: fields left out keep their value.
    let filled = put(&app, d, &y, json!({"result_text": "2,300部発行", "progress_status": "on_track"})).ok(200);
    assert_eq!(filled["plan_text"], "ガイドブックを改訂する");
    assert_eq!(filled["progress_status_label"], "順調に進んだ");
    assert_eq!(filled["version"], 2);
    // The same values again: nothing changes.
    let same = put(&app, d, &y, json!({"result_text": "2,300部発行"})).ok(200);
    assert_eq!(same["version"], 2);
    // A grade outside the plan's scale, a FY outside the plan: 422 naming the field.
    put(&app, d, &y, json!({"self_rating": "E"})).problem_at(422, "/self_rating");
    let outside = put(&app, d, &year(&i, 2025), json!({"plan_text": "x"})).problem_at(422, "/path/fiscal_year");
    let message = outside["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("令和2年度–令和6年度") && message.contains("active range"), "{message}");

    // Others: the committee never sees a draft, another department neither; writing is 403.
    app.request_as(Some(&o.committee.token), "GET", &y, &[], None).problem(404);
    app.request_as(Some(&o.department_other.token), "GET", &y, &[], None).problem(404);
    put(&app, &o.department_other.token, &y, json!({"plan_text": "x"})).problem(403);
    put(&app, &o.committee.token, &y, json!({"result_text": "x"})).problem(403);
    // The committee's fields wait for submission.
    put(&app, &app.token, &y, json!({"committee_rating": "A"})).problem(409);

    // Submit; the department's text is then closed.
    let submitted = post(&app, d, &format!("{y}/submission")).ok(200);
    assert_eq!(submitted["workflow_state"], "submitted");
    let closed = put(&app, d, &y, json!({"plan_text": "x"})).problem(409);
    assert!(closed["detail"].as_str().unwrap().contains("submitted"), "{closed}");
    put(&app, d, &format!("{y}/quarters/1"), json!({"mark": "done"})).problem(409);

    // The committee comments, the department replies, the committee rates and returns.
    let c = &o.committee.token;
    assert_eq!(app.request_as(Some(c), "GET", &y, &[], None).ok(200)["workflow_state"], "submitted");
    let comment = app
        .send_as(Some(c), "POST", &format!("{y}/comments"), &json!({"body": "成果の数値を追記してください"}))
        .ok(201);
    app.send_as(Some(d), "POST", &format!("{y}/comments"), &json!({"body": "承知しました"})).problem(403);
    app.send_as(
        Some(d),
        "POST",
        &format!("{y}/comments"),
        &json!({"body": "承知しました", "in_reply_to": comment["id"]}),
    )
    .ok(201);
    let rated = put(&app, c, &y, json!({"committee_rating": "B", "committee_opinion": "概ね良好"})).ok(200);
    assert_eq!(rated["committee_rating_label"], "概ね進んでいる");
    put(&app, c, &y, json!({"committee_rating": "B", "result_text": "x"})).problem(403);
    let returned =
        app.send_as(Some(c), "POST", &format!("{y}/return"), &json!({"reason": "数値を追記してください"})).ok(200);
    assert_eq!(
        (returned["workflow_state"].as_str(), returned["return_reason"].as_str()),
        (Some("returned"), Some("数値を追記してください"))
    );
    app.send_as(Some(c), "POST", &format!("{y}/return"), &json!({"reason": " "})).problem_at(422, "/reason");
    // The next edit moves it back to draft; it is submitted, reviewed and published.
    let edited = put(&app, d, &y, json!({"result_text": "2,300部発行（前年比115%）"})).ok(200);
    assert_eq!(edited["workflow_state"], "draft");
    post(&app, d, &format!("{y}/submission")).ok(200);
    post(&app, c, &format!("{y}/publication")).problem(403);
    let reviewed = post(&app, c, &format!("{y}/review")).ok(200);
    assert_eq!(reviewed["workflow_state"], "reviewed");
    let published = post(&app, &app.token, &format!("{y}/publication")).ok(200);
    assert_eq!(published["workflow_state"], "published");
    assert!(published["published_at"].is_string());

    // A correction: a new edition in draft; the committee and others still see the published one.
    let correcting = post(&app, &app.token, &format!("{y}/corrections")).ok(200);
    assert_eq!((correcting["workflow_state"].as_str(), correcting["edition"].as_i64()), (Some("draft"), Some(2)));
    put(&app, d, &y, json!({"result_text": "2,300部発行（訂正）"})).ok(200);
    let seen = app.request_as(Some(c), "GET", &y, &[], None).ok(200);
    assert_eq!((seen["workflow_state"].as_str(), seen["edition"].as_i64()), (Some("published"), Some(1)));
    assert_eq!(seen["result_text"], "2,300部発行（前年比115%）");
    let list = app
        .request_as(Some(&o.department_other.token), "GET", &format!("/api/v1/plans/{}/reports", o.plan), &[], None)
        .ok(200);
    assert_eq!(list["items"][0]["workflow_state"], "published");

    // History: every step, who, what; the committee sees the handed-in versions only.
    let revisions = app.get(&format!("{y}/revisions?limit=100")).ok(200);
    let actions: Vec<&str> =
        revisions["items"].as_array().unwrap().iter().map(|r| r["action"].as_str().unwrap()).collect();
    assert_eq!(
        actions,
        [
            "create", "update", "submit", "update", "return", "update", "submit", "review", "publish", "correct",
            "update"
        ]
    );
    let committee_sees = app.request_as(Some(c), "GET", &format!("{y}/revisions?limit=100"), &[], None).ok(200);
    for r in committee_sees["items"].as_array().unwrap() {
        assert!(["submitted", "reviewed", "published"].contains(&r["workflow_state"].as_str().unwrap()), "{r}");
    }
    let last = revisions["items"].as_array().unwrap().last().unwrap()["revision"].as_i64().unwrap();
    let diff = app.get(&format!("{y}/revisions/{last}/diff")).ok(200);
    assert_eq!(
        diff["changes"],
        json!([{"field": "result_text", "old": "2,300部発行（前年比115%）", "new": "2,300部発行（訂正）"}])
    );
    let first = app.get(&format!("{y}/revisions/1")).ok(200);
    assert_eq!(first["report"]["plan_text"], "ガイドブックを改訂する");
    assert!(first["report"]["result_text"].is_null(), "revision 1 is the text as first written");
    // The audit trail has the same steps.
    let events =
        app.get(&format!("/api/v1/audit-events?entity_id={}&limit=100", report["id"].as_str().unwrap())).ok(200);
    assert_eq!(events["items"].as_array().unwrap().len(), actions.len());
}

#[test]
fn quarters_are_idempotent_and_create_the_draft() {
    let app = TestApp::spawn();
    let o = office(&app);
    let i = o.initiative(&app, "2");
    let y = year(&i, 2023);
    let q = format!("{y}/quarters/3");
    let body = json!({"plan_text": "見守り訓練", "result_text": "2回実施", "mark": "done"});
    let first = put(&app, &o.council.token, &q, body.clone());
    let quarter = first.ok(200);
    assert_eq!((quarter["quarter_label"].as_str(), quarter["mark_label"].as_str()), (Some("10～12月"), Some("○")));
    let etag = first.header("etag").unwrap().to_string();
    let report = app.get(&y).ok(200);
    assert_eq!(report["workflow_state"], "draft", "the first quarter creates the draft report");
    let again = put(&app, &o.council.token, &q, body.clone());
    assert_eq!(again.header("etag"), Some(etag.as_str()));
    assert_eq!(app.get(&y).ok(200)["version"], report["version"], "nothing changes");
    let revisions = app.get(&format!("{y}/revisions")).ok(200);
    assert_eq!(revisions["items"].as_array().unwrap().len(), 1, "one revision for two identical PUTs");
    // A PUT replaces the quarter whole.
    let replaced = put(&app, &o.council.token, &q, json!({"mark": "not_done"})).ok(200);
    assert!(replaced["plan_text"].is_null());
    assert_eq!(replaced["mark_label"], "×");
    // Stale tag, bad quarter, bad mark.
    app.request_as(
        Some(&o.council.token),
        "PUT",
        &q,
        &[("Content-Type", "application/json"), ("If-Match", &etag)],
        Some(br#"{"mark":"done"}"#),
    )
    .problem(412);
    put(&app, &o.council.token, &format!("{y}/quarters/5"), json!({})).problem_at(400, "/path/quarter");
    put(&app, &o.council.token, &q, json!({"mark": "○"})).problem_at(422, "/mark");
    put(&app, &o.committee.token, &q, json!({"mark": "done"})).problem(403);
}

#[test]
fn indicator_values_follow_validity_and_rule_4() {
    let app = TestApp::spawn();
    let o = office(&app);
    let i = o.initiative(&app, "3");
    let ind = |body: Value| id(&app.post(&format!("/api/v1/initiatives/{i}/indicators"), &body).ok(201));
    let accidents = ind(json!({"name": "重大事故件数", "unit": "件", "direction": "decrease"}));
    let members = ind(json!({"name": "会員数", "direction": "increase", "valid_to_fy": 2021}));
    let value = |indicator: &str, fy: i32, body: Value| {
        put(&app, &o.department.token, &format!("/api/v1/initiatives/{i}/indicators/{indicator}/values/{fy}"), body)
    };
    let zero = value(&accidents, 2022, json!({"target": 0, "actual": 0, "raw": "0"})).ok(200);
    assert_eq!(zero["achievement"], json!({"status": "achieved", "status_label": "達成", "ratio": 1.0}));
    let two = value(&accidents, 2023, json!({"target": 0, "actual": 2})).ok(200);
    assert_eq!(two["achievement"]["status"], "not_achieved");
    let raw = value(&members, 2021, json!({"target": 664, "actual": 15, "raw": "15/664"})).ok(200);
    assert_eq!((raw["raw"].as_str(), raw["achievement"]["status"].as_str()), (Some("15/664"), Some("not_achieved")));
    let text_only = value(&members, 2020, json!({"raw": "12 書面会議"})).ok(200);
    assert_eq!(text_only["achievement"]["status"], "not_measurable");
    // Outside the indicator's validity: 422 naming it.
    let outside = value(&members, 2022, json!({"actual": 1})).problem_at(422, "/path/fiscal_year");
    assert!(outside["detail"].as_str().unwrap().contains("会員数"), "{outside}");
    // The values belong to the year's report (created as a draft) and its history.
    let report = app.get(&year(&i, 2022)).ok(200);
    assert_eq!(report["indicator_values"][0]["actual"], 0.0);
    let list = app.get(&format!("/api/v1/initiatives/{i}/indicators/{members}/values")).ok(200);
    let fys: Vec<i64> = list["items"].as_array().unwrap().iter().map(|v| v["fiscal_year"].as_i64().unwrap()).collect();
    assert_eq!(fys, [2020, 2021]);
    // Another department may not write; the committee does not see the draft years.
    value(&accidents, 2022, json!({"actual": 1})).ok(200);
    put(
        &app,
        &o.department_other.token,
        &format!("/api/v1/initiatives/{i}/indicators/{accidents}/values/2022"),
        json!({}),
    )
    .problem(403);
    let committee = app
        .request_as(
            Some(&o.committee.token),
            "GET",
            &format!("/api/v1/initiatives/{i}/indicators/{accidents}/values"),
            &[],
            None,
        )
        .ok(200);
    assert_eq!(committee["items"], json!([]));
    let indicator = app
        .request_as(
            Some(&o.committee.token),
            "GET",
            &format!("/api/v1/initiatives/{i}/indicators/{accidents}"),
            &[],
            None,
        )
        .ok(200);
    assert_eq!(indicator["values"], json!([]), "no draft values through the indicator either");
    let bundle =
        app.request_as(Some(&o.committee.token), "GET", &format!("/api/v1/plans/{}/bundle", o.plan), &[], None).ok(200);
    assert!(bundle["initiatives"].as_array().unwrap().iter().all(|i| i["years"] == json!([])), "nor through a bundle");
    let own = app
        .request_as(Some(&o.department.token), "GET", &format!("/api/v1/plans/{}/bundle", o.plan), &[], None)
        .ok(200);
    assert!(!own["initiatives"][0]["years"].as_array().unwrap().is_empty(), "the department sees its drafts");

    // Plan-level targets: admin (or the owning council), audit trail as history.
    let target = id(&app.post(&format!("/api/v1/plans/{}/targets", o.plan), &json!({"name": "会員数"})).ok(201));
    let path = format!("/api/v1/plans/{}/targets/{target}/values/2022", o.plan);
    let stored = app.send_as(Some(&app.token), "PUT", &path, &json!({"target": 3000, "actual": 2431})).ok(200);
    assert_eq!(stored["achievement"]["status"], "not_achieved");
    put(&app, &o.department.token, &path, json!({"actual": 1})).problem(403);
}

#[test]
fn initiatives_without_a_code_sort_last() {
    let app = TestApp::spawn();
    let o = office(&app);
    o.initiative(&app, "2");
    let body = json!({"title": "番号のない取組", "node_ids": [o.node], "department_ids": [o.own]});
    let codeless = app.post(&format!("/api/v1/plans/{}/initiatives", o.plan), &body).ok(201);
    assert!(codeless["code"].is_null());
    o.initiative(&app, "10");
    let list = app.get(&format!("/api/v1/plans/{}/initiatives", o.plan)).ok(200);
    let codes: Vec<Value> = list["items"].as_array().unwrap().iter().map(|i| i["code"].clone()).collect();
    assert_eq!(codes, [json!("2"), json!("10"), Value::Null]);
    // And through a bundle, both ways.
    let bundle = app.get(&format!("/api/v1/plans/{}/bundle", o.plan)).ok(200);
    let imported = app.post("/api/v1/plan-bundles", &bundle).ok(201);
    let again = app.get(&format!("/api/v1/plans/{}/bundle", imported["plan"]["id"].as_str().unwrap())).ok(200);
    assert_eq!(again["initiatives"], bundle["initiatives"]);
}

#[test]
fn the_regional_plans_timeline() {
    let app = TestApp::spawn();
    let plan = app.import_fixture("regional-welfare-plan");
    let plan_id = plan["plan"]["id"].as_str().unwrap();
    let list = app.get(&format!("/api/v1/plans/{plan_id}/initiatives?q=9&limit=500")).ok(200);
    let nine = list["items"].as_array().unwrap().iter().find(|i| i["code"] == "9").unwrap();
    let timeline = app.get(&format!("/api/v1/initiatives/{}/timeline", nine["id"].as_str().unwrap())).ok(200);
    let years: Vec<(i64, &str, &str, &str)> = timeline["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| {
            (
                y["fiscal_year"].as_i64().unwrap(),
                y["fiscal_year_label"].as_str().unwrap(),
                y["report"]["self_rating"].as_str().unwrap(),
                y["report"]["workflow_state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        years,
        [
            (2020, "令和2年度", "D", "published"),
            (2021, "令和3年度", "C", "published"),
            (2022, "令和4年度", "B", "published")
        ]
    );
    // The revised indicator: "~R3" until FY2021, its successor "R4~" from FY2022.
    let indicators = timeline["indicators"].as_array().unwrap();
    let old = indicators.iter().find(|i| i["valid_to_fy"] == 2021).unwrap();
    let new = indicators.iter().find(|i| i["valid_from_fy"] == 2022).unwrap();
    assert_eq!(new["replaces_id"], old["id"]);
    let keys = |fy: usize| -> Vec<String> {
        timeline["years"][fy]["report"]["indicator_values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["indicator_id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(keys(1).contains(&old["id"].as_str().unwrap().to_string()));
    assert!(keys(2).contains(&new["id"].as_str().unwrap().to_string()));
    assert!(!keys(2).contains(&old["id"].as_str().unwrap().to_string()));
    // Imported years are published, with their history starting there.
    let y = format!("/api/v1/initiatives/{}/years/2022/revisions", nine["id"].as_str().unwrap());
    assert_eq!(app.get(&y).ok(200)["items"][0]["action"], "import");
    // The plan's report list: filters by FY, rating, state.
    let d = app.get(&format!("/api/v1/plans/{plan_id}/reports?fiscal_year=2020&rating=D&limit=500")).ok(200);
    assert!(d["items"].as_array().unwrap().iter().any(|r| r["initiative_code"] == "9"));
    assert!(d["items"].as_array().unwrap().iter().all(|r| r["self_rating"] == "D"));
    app.get(&format!("/api/v1/plans/{plan_id}/reports?progress_status=")).problem_at(400, "/query/progress_status/0");
    let drafts = app.get(&format!("/api/v1/plans/{plan_id}/reports?state=draft")).ok(200);
    assert_eq!(drafts["items"], json!([]));
}

#[test]
fn report_lists_page_through_every_report_once() {
    let app = TestApp::spawn();
    let plan = app.import_fixture("silver-center-basic-plan");
    let plan_id = plan["plan"]["id"].as_str().unwrap();
    let mut seen = BTreeSet::new();
    let mut cursor = String::new();
    loop {
        let page = app.get(&format!("/api/v1/plans/{plan_id}/reports?limit=7&cursor={cursor}")).ok(200);
        for r in page["items"].as_array().unwrap() {
            assert!(seen.insert(r["id"].as_str().unwrap().to_string()), "listed twice: {r}");
        }
        match page["next_cursor"].as_str() {
            Some(next) => cursor = next.to_string(),
            None => break,
        }
    }
    assert_eq!(seen.len() as i64, plan["counts"]["annual_reports"].as_i64().unwrap());
}

/// Every state × every transition × every role, from the pure rules: who may, whether they see
/// the report, whether the transition exists there. A new transition needs its endpoint here.
#[test]
fn the_transition_table() {
    let app = TestApp::spawn();
    let o = office(&app);
    let roles: [(&str, &str); 6] = [
        ("admin", &app.token),
        ("department_own", &o.department.token),
        ("council_own", &o.council.token),
        ("department_other", &o.department_other.token),
        ("committee", &o.committee.token),
        ("anonymous", ""),
    ];
    let endpoint = |t: Transition| match t {
        Transition::Submit => "submission",
        Transition::Return => "return",
        Transition::Review => "review",
        Transition::Publish => "publication",
        Transition::Correct => "corrections",
    };
    // The document's transitions are exactly these.
    let doc: Value = serde_json::from_str(&shinchoku::app::document_json()).unwrap();
    let documented: BTreeSet<String> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(path, item)| {
            path.starts_with("/api/v1/initiatives/{initiative_id}/years/{fiscal_year}/") && item.get("post").is_some()
        })
        .map(|(path, _)| path.rsplit('/').next().unwrap().to_string())
        .filter(|last| last != "comments")
        .collect();
    let table: BTreeSet<String> = Transition::ALL.iter().map(|t| endpoint(*t).to_string()).collect();
    assert_eq!(documented, table);

    // Brings a new report to `state` as admin.
    let mut n = 0;
    let mut report_in = |state: WorkflowState| -> String {
        n += 1;
        let i = o.initiative(&app, &format!("T{n}"));
        let y = year(&i, 2021);
        put(&app, &app.token, &y, json!({"plan_text": "計画"})).ok(201);
        let steps: &[&str] = match state {
            WorkflowState::Draft => &[],
            WorkflowState::Submitted => &["submission"],
            WorkflowState::Returned => &["submission", "return"],
            WorkflowState::Reviewed => &["submission", "review"],
            WorkflowState::Published => &["submission", "review", "publication"],
        };
        for step in steps {
            if *step == "return" {
                app.send_as(Some(&app.token), "POST", &format!("{y}/return"), &json!({"reason": "再提出"})).ok(200);
            } else {
                post(&app, &app.token, &format!("{y}/{step}")).ok(200);
            }
        }
        y
    };
    let allowed = |t: Transition, role: &str| match t {
        Transition::Submit => ["admin", "department_own", "council_own"].contains(&role),
        Transition::Return | Transition::Review => ["admin", "committee"].contains(&role),
        Transition::Publish | Transition::Correct => role == "admin",
    };
    let sees = |state: WorkflowState, role: &str| {
        ["admin", "department_own", "council_own"].contains(&role) || workflow::handed_in(state)
    };
    let mut failures = Vec::new();
    let mut cells = 0;
    for state in WorkflowState::ALL {
        for t in Transition::ALL {
            for (role, token) in roles {
                let y = report_in(*state);
                let path = format!("{y}/{}", endpoint(*t));
                let token = (!token.is_empty()).then_some(token);
                let r = if *t == Transition::Return {
                    app.send_as(token, "POST", &path, &json!({"reason": "理由"}))
                } else {
                    app.request_as(token, "POST", &path, &[], None)
                };
                let expected = if token.is_none() {
                    401
                } else if !allowed(*t, role) {
                    403
                } else if !sees(*state, role) {
                    404
                } else if workflow::next(*state, *t).is_none() {
                    409
                } else {
                    200
                };
                cells += 1;
                if r.status != expected {
                    failures
                        .push(format!("{state:?} {t:?} as {role}: expected {expected}, got {} {}", r.status, r.body));
                } else if expected == 200 {
                    let next = workflow::next(*state, *t).unwrap();
                    assert_eq!(r.json()["workflow_state"], next.as_str());
                } else if expected == 409 {
                    let detail = r.problem(409)["detail"].as_str().unwrap().to_string();
                    assert!(detail.contains(state.as_str()), "409 names the current state: {detail}");
                }
            }
        }
    }
    assert_eq!(cells, WorkflowState::ALL.len() * Transition::ALL.len() * roles.len());
    assert!(failures.is_empty(), "{} cells differ:\n{}", failures.len(), failures.join("\n"));
}
