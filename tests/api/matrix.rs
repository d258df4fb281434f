//! The permission matrix, generated from the route table: every operation in the OpenAPI
//! document (which is collected from the routes themselves) × every role → the expected status.
//! A new endpoint without a row here fails the test.

use std::collections::BTreeSet;

use serde_json::{json, Value};
use shinchoku::web::auth::Role;

use crate::harness::TestApp;

/// What the roles may do with one operation; `ok` is the success status.
#[derive(Clone, Copy)]
enum Rule {
    /// Health, sign-in: anyone.
    Public(u16),
    /// Internal reads and self-service: every signed-in role.
    SignedIn(u16),
    /// The secretariat only.
    Admin(u16),
    /// Plan structure: admin, and the council that owns the plan (the world's plan is owned by `council_own`'s council).
    Structure(u16),
    /// Another user's API token (owned by `department_own`): invisible to everyone but its owner and admin.
    OwnToken(u16),
    /// An initiative's data (reports, quarters, values): admin and the responsible department
    /// and council (the world's initiative belongs to `department_own`'s and `council_own`'s).
    Report(u16),
    /// Reviewing reports: the committee and admin.
    Review(u16),
}

impl Rule {
    fn expected(self, role: &str) -> u16 {
        match (self, role) {
            (Rule::Public(ok), _) => ok,
            (_, "anonymous") => 401,
            (Rule::SignedIn(ok), _) => ok,
            (Rule::Admin(ok), "admin") => ok,
            (Rule::Admin(_), _) => 403,
            (Rule::Structure(ok), "admin" | "council_own") => ok,
            (Rule::Structure(_), _) => 403,
            (Rule::OwnToken(ok), "admin" | "department_own") => ok,
            (Rule::OwnToken(_), _) => 404,
            (Rule::Report(ok), "admin" | "department_own" | "council_own") => ok,
            (Rule::Report(_), _) => 403,
            (Rule::Review(ok), "admin" | "committee") => ok,
            (Rule::Review(_), _) => 403,
        }
    }
}

struct World {
    tokens: Vec<(&'static str, Option<String>)>,
    plan: String,
    node: String,
    initiative: String,
    indicator: String,
    target: String,
    city_department: String,
    council: String,
    committee_user: String,
    department_own_token: String,
    counter: std::cell::Cell<u32>,
}

/// The world's initiative has a submitted report for FY2020 and a draft for FY2021.
const SUBMITTED: &str = "2020";
const DRAFT: &str = "2021";

/// A new initiative of the world's departments whose FY2020 report went through `steps`
/// (`submission`, `review`, `publication`, …) as admin; returns its id.
fn report_after(app: &TestApp, w: &World, steps: &[&str]) -> String {
    let body = json!({"code": format!("R{}", w.next()), "title": "報告", "node_ids": [w.node], "department_ids": [w.city_department, w.council]});
    let i = id(&app.post(&format!("/api/v1/plans/{}/initiatives", w.plan), &body).ok(201));
    app.send_as(Some(&app.token), "PUT", &format!("/api/v1/initiatives/{i}/years/2020"), &json!({"plan_text": "計画"}))
        .ok(201);
    for step in steps {
        app.request("POST", &format!("/api/v1/initiatives/{i}/years/2020/{step}"), &[], None).ok(200);
    }
    i
}

/// The world's plan, published (the public API shows published plans only); returns its id.
fn published(app: &TestApp, w: &World) -> String {
    app.patch(&format!("/api/v1/plans/{}", w.plan), &json!({"status": "published"}), None).ok(200);
    w.plan.clone()
}

impl World {
    fn next(&self) -> u32 {
        self.counter.set(self.counter.get() + 1);
        self.counter.get()
    }
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

fn build(app: &TestApp) -> World {
    let dep =
        |name: &str, kind: &str| id(&app.post("/api/v1/departments", &json!({"name": name, "kind": kind})).ok(201));
    let d1 = dep("社会福祉課", "city_department");
    let d2 = dep("健康課", "city_department");
    let c1 = dep("社会福祉協議会", "council");
    let c2 = dep("第二社会福祉協議会", "council");
    let department_own = app.create_user("dept-own", Role::Department, &[&d1]);
    let department_other = app.create_user("dept-other", Role::Department, &[&d2]);
    let council_own = app.create_user("council-own", Role::Council, &[&c1]);
    let council_other = app.create_user("council-other", Role::Council, &[&c2]);
    let committee = app.create_user("committee", Role::Committee, &[]);
    let plan = id(&app
        .post(
            "/api/v1/plans",
            &json!({"title": "地域福祉活動計画", "organization": "社協", "start_fy": 2020, "end_fy": 2024,
                                        "level_labels": ["基本目標", "取組"], "owner_department_id": c1}),
        )
        .ok(201));
    let node = id(&app.post(&format!("/api/v1/plans/{plan}/nodes"), &json!({"title": "基本目標1"})).ok(201));
    let initiative = id(&app
        .post(
            &format!("/api/v1/plans/{plan}/initiatives"),
            &json!({"code": "1", "title": "見守り", "node_ids": [node], "department_ids": [d1, c1]}),
        )
        .ok(201));
    let indicator =
        id(&app.post(&format!("/api/v1/initiatives/{initiative}/indicators"), &json!({"name": "件数"})).ok(201));
    let target = id(&app.post(&format!("/api/v1/plans/{plan}/targets"), &json!({"name": "会員数"})).ok(201));
    for fy in [SUBMITTED, DRAFT] {
        app.send_as(
            Some(&app.token),
            "PUT",
            &format!("/api/v1/initiatives/{initiative}/years/{fy}"),
            &json!({"plan_text": "計画"}),
        )
        .ok(201);
    }
    app.request("POST", &format!("/api/v1/initiatives/{initiative}/years/{SUBMITTED}/submission"), &[], None).ok(200);
    World {
        department_own_token: department_own.token.clone(),
        tokens: vec![
            ("anonymous", None),
            ("admin", Some(app.token.clone())),
            ("department_own", Some(department_own.token)),
            ("department_other", Some(department_other.token)),
            ("council_own", Some(council_own.token)),
            ("council_other", Some(council_other.token)),
            ("committee", Some(committee.token)),
        ],
        plan,
        node,
        initiative,
        indicator,
        target,
        city_department: d1,
        council: c1,
        committee_user: committee.id,
        counter: std::cell::Cell::new(0),
    }
}

type Make = Box<dyn Fn(&TestApp, &World) -> (String, Option<Value>)>;

fn row(
    key: &'static str,
    rule: Rule,
    make: impl Fn(&TestApp, &World) -> (String, Option<Value>) + 'static,
) -> (&'static str, Rule, Make) {
    (key, rule, Box::new(make))
}

fn rows() -> Vec<(&'static str, Rule, Make)> {
    use Rule::*;
    vec![
        row("GET /healthz", Public(200), |_, _| ("/healthz".into(), None)),
        row("GET /readyz", Public(200), |_, _| ("/readyz".into(), None)),
        row("GET /api/v1/departments", SignedIn(200), |_, _| ("/api/v1/departments".into(), None)),
        row("POST /api/v1/departments", Admin(201), |_, w| {
            ("/api/v1/departments".into(), Some(json!({"name": format!("課{}", w.next()), "kind": "other"})))
        }),
        row("GET /api/v1/departments/{department_id}", SignedIn(200), |_, w| {
            (format!("/api/v1/departments/{}", w.city_department), None)
        }),
        row("PATCH /api/v1/departments/{department_id}", Admin(200), |_, w| {
            (format!("/api/v1/departments/{}", w.city_department), Some(json!({"kind": "city_department"})))
        }),
        row("DELETE /api/v1/departments/{department_id}", Admin(204), |app, w| {
            let d = id(&app
                .post("/api/v1/departments", &json!({"name": format!("消す課{}", w.next()), "kind": "other"}))
                .ok(201));
            (format!("/api/v1/departments/{d}"), None)
        }),
        row("GET /api/v1/plans", SignedIn(200), |_, _| ("/api/v1/plans".into(), None)),
        row("POST /api/v1/plans", Admin(201), |_, _| {
            (
                "/api/v1/plans".into(),
                Some(
                    json!({"title": "計画", "organization": "市", "start_fy": 2020, "end_fy": 2024, "level_labels": ["基本方針"]}),
                ),
            )
        }),
        row("GET /api/v1/plans/{plan_id}", SignedIn(200), |_, w| (format!("/api/v1/plans/{}", w.plan), None)),
        row("PATCH /api/v1/plans/{plan_id}", Structure(200), |_, w| {
            (format!("/api/v1/plans/{}", w.plan), Some(json!({"title": "地域福祉活動計画"})))
        }),
        row("DELETE /api/v1/plans/{plan_id}", Admin(204), |app, w| {
            let p = id(&app
                .post(
                    "/api/v1/plans",
                    &json!({"title": "消す計画", "organization": "社協", "start_fy": 2020, "end_fy": 2024,
                                                "level_labels": ["a"], "owner_department_id": w.council}),
                )
                .ok(201));
            (format!("/api/v1/plans/{p}"), None)
        }),
        row("GET /api/v1/plans/{plan_id}/nodes", SignedIn(200), |_, w| {
            (format!("/api/v1/plans/{}/nodes", w.plan), None)
        }),
        row("POST /api/v1/plans/{plan_id}/nodes", Structure(201), |_, w| {
            (format!("/api/v1/plans/{}/nodes", w.plan), Some(json!({"title": "新しい目標"})))
        }),
        row("GET /api/v1/plans/{plan_id}/nodes/{node_id}", SignedIn(200), |_, w| {
            (format!("/api/v1/plans/{}/nodes/{}", w.plan, w.node), None)
        }),
        row("PATCH /api/v1/plans/{plan_id}/nodes/{node_id}", Structure(200), |_, w| {
            (format!("/api/v1/plans/{}/nodes/{}", w.plan, w.node), Some(json!({"title": "基本目標1"})))
        }),
        row("DELETE /api/v1/plans/{plan_id}/nodes/{node_id}", Structure(204), |app, w| {
            let n = id(&app.post(&format!("/api/v1/plans/{}/nodes", w.plan), &json!({"title": "消す"})).ok(201));
            (format!("/api/v1/plans/{}/nodes/{n}", w.plan), None)
        }),
        row("GET /api/v1/plans/{plan_id}/initiatives", SignedIn(200), |_, w| {
            (format!("/api/v1/plans/{}/initiatives", w.plan), None)
        }),
        row("POST /api/v1/plans/{plan_id}/initiatives", Structure(201), |_, w| {
            let body = json!({"code": format!("{}", 100 + w.next()), "title": "取組", "node_ids": [w.node], "department_ids": [w.city_department]});
            (format!("/api/v1/plans/{}/initiatives", w.plan), Some(body))
        }),
        row("GET /api/v1/initiatives/{initiative_id}", SignedIn(200), |_, w| {
            (format!("/api/v1/initiatives/{}", w.initiative), None)
        }),
        row("PATCH /api/v1/initiatives/{initiative_id}", Structure(200), |_, w| {
            (format!("/api/v1/initiatives/{}", w.initiative), Some(json!({"title": "見守り"})))
        }),
        row("DELETE /api/v1/initiatives/{initiative_id}", Structure(204), |app, w| {
            let body =
                json!({"code": "x", "title": "消す", "node_ids": [w.node], "department_ids": [w.city_department]});
            let i = id(&app.post(&format!("/api/v1/plans/{}/initiatives", w.plan), &body).ok(201));
            (format!("/api/v1/initiatives/{i}"), None)
        }),
        row("GET /api/v1/initiatives/{initiative_id}/indicators", SignedIn(200), |_, w| {
            (format!("/api/v1/initiatives/{}/indicators", w.initiative), None)
        }),
        row("POST /api/v1/initiatives/{initiative_id}/indicators", Structure(201), |_, w| {
            (format!("/api/v1/initiatives/{}/indicators", w.initiative), Some(json!({"name": "参加者数"})))
        }),
        row("GET /api/v1/initiatives/{initiative_id}/indicators/{indicator_id}", SignedIn(200), |_, w| {
            (format!("/api/v1/initiatives/{}/indicators/{}", w.initiative, w.indicator), None)
        }),
        row("PATCH /api/v1/initiatives/{initiative_id}/indicators/{indicator_id}", Structure(200), |_, w| {
            (format!("/api/v1/initiatives/{}/indicators/{}", w.initiative, w.indicator), Some(json!({"unit": "件"})))
        }),
        row("DELETE /api/v1/initiatives/{initiative_id}/indicators/{indicator_id}", Structure(204), |app, w| {
            let k = id(&app
                .post(&format!("/api/v1/initiatives/{}/indicators", w.initiative), &json!({"name": "消す"}))
                .ok(201));
            (format!("/api/v1/initiatives/{}/indicators/{k}", w.initiative), None)
        }),
        row(
            "POST /api/v1/initiatives/{initiative_id}/indicators/{indicator_id}/revisions",
            Structure(201),
            |app, w| {
                let k = id(&app
                    .post(&format!("/api/v1/initiatives/{}/indicators", w.initiative), &json!({"name": "旧"}))
                    .ok(201));
                (
                    format!("/api/v1/initiatives/{}/indicators/{k}/revisions", w.initiative),
                    Some(json!({"from_fy": 2022, "name": "新"})),
                )
            },
        ),
        row("GET /api/v1/plans/{plan_id}/targets", SignedIn(200), |_, w| {
            (format!("/api/v1/plans/{}/targets", w.plan), None)
        }),
        row("POST /api/v1/plans/{plan_id}/targets", Structure(201), |_, w| {
            (format!("/api/v1/plans/{}/targets", w.plan), Some(json!({"name": "契約金額"})))
        }),
        row("GET /api/v1/plans/{plan_id}/targets/{target_id}", SignedIn(200), |_, w| {
            (format!("/api/v1/plans/{}/targets/{}", w.plan, w.target), None)
        }),
        row("PATCH /api/v1/plans/{plan_id}/targets/{target_id}", Structure(200), |_, w| {
            (format!("/api/v1/plans/{}/targets/{}", w.plan, w.target), Some(json!({"unit": "人"})))
        }),
        row("DELETE /api/v1/plans/{plan_id}/targets/{target_id}", Structure(204), |app, w| {
            let t = id(&app.post(&format!("/api/v1/plans/{}/targets", w.plan), &json!({"name": "消す"})).ok(201));
            (format!("/api/v1/plans/{}/targets/{t}", w.plan), None)
        }),
        row("POST /api/v1/plans/{plan_id}/targets/{target_id}/revisions", Structure(201), |app, w| {
            let t = id(&app.post(&format!("/api/v1/plans/{}/targets", w.plan), &json!({"name": "旧目標"})).ok(201));
            (
                format!("/api/v1/plans/{}/targets/{t}/revisions", w.plan),
                Some(json!({"from_fy": 2023, "name": "新目標"})),
            )
        }),
        row("GET /api/v1/initiatives/{initiative_id}/years/{fiscal_year}", SignedIn(200), |_, w| {
            (format!("/api/v1/initiatives/{}/years/{SUBMITTED}", w.initiative), None)
        }),
        row("PUT /api/v1/initiatives/{initiative_id}/years/{fiscal_year}", Report(200), |_, w| {
            (format!("/api/v1/initiatives/{}/years/{DRAFT}", w.initiative), Some(json!({"plan_text": "計画"})))
        }),
        row("POST /api/v1/initiatives/{initiative_id}/years/{fiscal_year}/submission", Report(200), |app, w| {
            (format!("/api/v1/initiatives/{}/years/2020/submission", report_after(app, w, &[])), None)
        }),
        row("POST /api/v1/initiatives/{initiative_id}/years/{fiscal_year}/return", Review(200), |app, w| {
            let i = report_after(app, w, &["submission"]);
            (format!("/api/v1/initiatives/{i}/years/2020/return"), Some(json!({"reason": "追記してください"})))
        }),
        row("POST /api/v1/initiatives/{initiative_id}/years/{fiscal_year}/review", Review(200), |app, w| {
            (format!("/api/v1/initiatives/{}/years/2020/review", report_after(app, w, &["submission"])), None)
        }),
        row("POST /api/v1/initiatives/{initiative_id}/years/{fiscal_year}/publication", Admin(200), |app, w| {
            let i = report_after(app, w, &["submission", "review"]);
            (format!("/api/v1/initiatives/{i}/years/2020/publication"), None)
        }),
        row("POST /api/v1/initiatives/{initiative_id}/years/{fiscal_year}/corrections", Admin(200), |app, w| {
            let i = report_after(app, w, &["submission", "review", "publication"]);
            (format!("/api/v1/initiatives/{i}/years/2020/corrections"), None)
        }),
        row("PUT /api/v1/initiatives/{initiative_id}/years/{fiscal_year}/quarters/{quarter}", Report(200), |_, w| {
            (format!("/api/v1/initiatives/{}/years/{DRAFT}/quarters/2", w.initiative), Some(json!({"mark": "done"})))
        }),
        row("POST /api/v1/plans/{plan_id}/progress-batches", Report(200), |_, w| {
            let item = json!({"initiative_id": w.initiative, "quarters": [{"quarter": 3, "mark": "done"}]});
            (format!("/api/v1/plans/{}/progress-batches", w.plan), Some(json!({"fiscal_year": 2021, "items": [item]})))
        }),
        row("GET /api/v1/plans/{plan_id}/progress-sheet", SignedIn(200), |_, w| {
            (format!("/api/v1/plans/{}/progress-sheet?fiscal_year=2021&format=csv", w.plan), None)
        }),
        row("POST /api/v1/plans/{plan_id}/progress-sheet", Report(200), |app, w| {
            // The world's plan's sheet for the draft year, with the initiative's 実績 edited.
            let path = format!("/api/v1/plans/{}/progress-sheet?fiscal_year={DRAFT}", w.plan);
            let sheet = app.get(&format!("{path}&format=csv"));
            assert_eq!(sheet.status, 200, "{}", sheet.body);
            let key = app.get(&format!("/api/v1/initiatives/{}", w.initiative)).ok(200)["key"].clone();
            let mut lines: Vec<String> = sheet.body.lines().map(str::to_string).collect();
            let header: Vec<&str> = lines[0].trim_start_matches('\u{feff}').split(',').collect();
            let (key_at, result_at) =
                (header.iter().position(|h| *h == "キー").unwrap(), header.iter().position(|h| *h == "実績").unwrap());
            for line in lines.iter_mut().skip(1) {
                let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
                if cells[key_at] == key.as_str().unwrap() {
                    cells[result_at] = format!("実績{}", w.next());
                    *line = cells.join(",");
                }
            }
            (path, Some(Value::String(lines.join("\n"))))
        }),
        row("GET /api/v1/initiatives/{initiative_id}/years/{fiscal_year}/comments", SignedIn(200), |_, w| {
            (format!("/api/v1/initiatives/{}/years/{SUBMITTED}/comments", w.initiative), None)
        }),
        row("POST /api/v1/initiatives/{initiative_id}/years/{fiscal_year}/comments", Review(201), |_, w| {
            (
                format!("/api/v1/initiatives/{}/years/{SUBMITTED}/comments", w.initiative),
                Some(json!({"body": "確認しました"})),
            )
        }),
        row("GET /api/v1/initiatives/{initiative_id}/years/{fiscal_year}/revisions", SignedIn(200), |_, w| {
            (format!("/api/v1/initiatives/{}/years/{SUBMITTED}/revisions", w.initiative), None)
        }),
        row(
            "GET /api/v1/initiatives/{initiative_id}/years/{fiscal_year}/revisions/{revision}",
            SignedIn(200),
            |_, w| (format!("/api/v1/initiatives/{}/years/{SUBMITTED}/revisions/2", w.initiative), None),
        ),
        row(
            "GET /api/v1/initiatives/{initiative_id}/years/{fiscal_year}/revisions/{revision}/diff",
            SignedIn(200),
            |_, w| (format!("/api/v1/initiatives/{}/years/{SUBMITTED}/revisions/2/diff?from=2", w.initiative), None),
        ),
        row("GET /api/v1/initiatives/{initiative_id}/indicators/{indicator_id}/values", SignedIn(200), |_, w| {
            (format!("/api/v1/initiatives/{}/indicators/{}/values", w.initiative, w.indicator), None)
        }),
        row(
            "PUT /api/v1/initiatives/{initiative_id}/indicators/{indicator_id}/values/{fiscal_year}",
            Report(200),
            |_, w| {
                (
                    format!("/api/v1/initiatives/{}/indicators/{}/values/{DRAFT}", w.initiative, w.indicator),
                    Some(json!({"actual": 12, "raw": "12 書面会議"})),
                )
            },
        ),
        row("GET /api/v1/plans/{plan_id}/targets/{target_id}/values", SignedIn(200), |_, w| {
            (format!("/api/v1/plans/{}/targets/{}/values", w.plan, w.target), None)
        }),
        row("PUT /api/v1/plans/{plan_id}/targets/{target_id}/values/{fiscal_year}", Structure(200), |_, w| {
            (
                format!("/api/v1/plans/{}/targets/{}/values/2022", w.plan, w.target),
                Some(json!({"target": 3000, "actual": 2431})),
            )
        }),
        row("GET /api/v1/initiatives/{initiative_id}/timeline", SignedIn(200), |_, w| {
            (format!("/api/v1/initiatives/{}/timeline", w.initiative), None)
        }),
        row("GET /api/v1/plans/{plan_id}/reports", SignedIn(200), |_, w| {
            (format!("/api/v1/plans/{}/reports?fiscal_year=2020&department_id=mine", w.plan), None)
        }),
        row("GET /api/v1/plans/{plan_id}/summary", SignedIn(200), |_, w| {
            (format!("/api/v1/plans/{}/summary?fiscal_year=2020&group_by=node", w.plan), None)
        }),
        row("GET /api/v1/plans/{plan_id}/summary/trend", SignedIn(200), |_, w| {
            (format!("/api/v1/plans/{}/summary/trend?from=2020&to=2021", w.plan), None)
        }),
        row("GET /api/v1/departments/{department_id}/summary", SignedIn(200), |_, w| {
            (format!("/api/v1/departments/{}/summary?fiscal_year=2021", w.city_department), None)
        }),
        row("GET /api/v1/plans/{plan_id}/overdue", Admin(200), |_, w| {
            (format!("/api/v1/plans/{}/overdue?fiscal_year=2021", w.plan), None)
        }),
        row("GET /api/v1/plans/{plan_id}/progress-report", SignedIn(200), |_, w| {
            (format!("/api/v1/plans/{}/progress-report?fiscal_year=2020", w.plan), None)
        }),
        row("GET /api/v1/public/plans", Public(200), |_, _| ("/api/v1/public/plans".into(), None)),
        row("GET /api/v1/public/plans/{plan_id}", Public(200), |app, w| {
            (format!("/api/v1/public/plans/{}", published(app, w)), None)
        }),
        row("GET /api/v1/public/plans/{plan_id}/summary", Public(200), |app, w| {
            (format!("/api/v1/public/plans/{}/summary?fiscal_year=2020", published(app, w)), None)
        }),
        row("GET /api/v1/public/plans/{plan_id}/summary/trend", Public(200), |app, w| {
            (format!("/api/v1/public/plans/{}/summary/trend", published(app, w)), None)
        }),
        row("GET /api/v1/public/plans/{plan_id}/summary.csv", Public(200), |app, w| {
            (format!("/api/v1/public/plans/{}/summary.csv?fiscal_year=2020", published(app, w)), None)
        }),
        row("GET /api/v1/public/plans/{plan_id}/charts/ratings.svg", Public(200), |app, w| {
            (format!("/api/v1/public/plans/{}/charts/ratings.svg?fiscal_year=2020", published(app, w)), None)
        }),
        row("GET /api/v1/public/plans/{plan_id}/charts/trend.svg", Public(200), |app, w| {
            (format!("/api/v1/public/plans/{}/charts/trend.svg", published(app, w)), None)
        }),
        row("GET /public/plans/{plan_id}", Public(200), |app, w| {
            (format!("/public/plans/{}?fiscal_year=2020", published(app, w)), None)
        }),
        row("GET /api/v1/public/initiatives/{initiative_id}/timeline", Public(200), |app, w| {
            published(app, w);
            (format!("/api/v1/public/initiatives/{}/timeline", w.initiative), None)
        }),
        row("POST /api/v1/plan-bundles", Admin(201), |_, _| {
            (
                "/api/v1/plan-bundles".into(),
                Some(
                    json!({"plan": {"title": "t", "organization": "o", "start_fy": 2020, "end_fy": 2021, "level_labels": ["a"]}}),
                ),
            )
        }),
        row("GET /api/v1/plans/{plan_id}/bundle", SignedIn(200), |_, w| {
            (format!("/api/v1/plans/{}/bundle", w.plan), None)
        }),
        row("POST /api/v1/auth/token", Public(200), |_, _| {
            ("/api/v1/auth/token".into(), Some(json!({"login": "committee", "password": "committee-password-1234"})))
        }),
        row("POST /api/v1/auth/refresh", Public(200), |app, _| {
            let t = app
                .send_as(
                    None,
                    "POST",
                    "/api/v1/auth/token",
                    &json!({"login": "committee", "password": "committee-password-1234"}),
                )
                .ok(200);
            ("/api/v1/auth/refresh".into(), Some(json!({"refresh_token": t["refresh_token"]})))
        }),
        row("POST /api/v1/auth/logout", Public(204), |app, _| {
            let t = app
                .send_as(
                    None,
                    "POST",
                    "/api/v1/auth/token",
                    &json!({"login": "committee", "password": "committee-password-1234"}),
                )
                .ok(200);
            ("/api/v1/auth/logout".into(), Some(json!({"refresh_token": t["refresh_token"]})))
        }),
        row("GET /api/v1/me", SignedIn(200), |_, _| ("/api/v1/me".into(), None)),
        row("PATCH /api/v1/me", SignedIn(200), |_, _| ("/api/v1/me".into(), Some(json!({"email_reminders": true})))),
        row("GET /api/v1/users", Admin(200), |_, _| ("/api/v1/users".into(), None)),
        row("POST /api/v1/users", Admin(201), |_, w| {
            (
                "/api/v1/users".into(),
                Some(
                    json!({"login": format!("new{}", w.next()), "display_name": "新", "password": "a long enough password", "role": "committee"}),
                ),
            )
        }),
        row("GET /api/v1/users/{user_id}", Admin(200), |_, w| (format!("/api/v1/users/{}", w.committee_user), None)),
        row("PATCH /api/v1/users/{user_id}", Admin(200), |_, w| {
            (format!("/api/v1/users/{}", w.committee_user), Some(json!({"display_name": "委員"})))
        }),
        row("POST /api/v1/api-tokens", SignedIn(201), |_, _| {
            ("/api/v1/api-tokens".into(), Some(json!({"name": "閲覧用", "scopes": ["read"]})))
        }),
        row("GET /api/v1/api-tokens", SignedIn(200), |_, _| ("/api/v1/api-tokens".into(), None)),
        row("GET /api/v1/api-tokens/{token_id}", OwnToken(200), |app, w| {
            let t = app
                .send_as(
                    Some(&w.department_own_token),
                    "POST",
                    "/api/v1/api-tokens",
                    &json!({"name": "t", "scopes": ["read"]}),
                )
                .ok(201);
            (format!("/api/v1/api-tokens/{}", id(&t)), None)
        }),
        row("DELETE /api/v1/api-tokens/{token_id}", OwnToken(204), |app, w| {
            let t = app
                .send_as(
                    Some(&w.department_own_token),
                    "POST",
                    "/api/v1/api-tokens",
                    &json!({"name": "t", "scopes": ["read"]}),
                )
                .ok(201);
            (format!("/api/v1/api-tokens/{}", id(&t)), None)
        }),
        row("GET /api/v1/audit-events", Admin(200), |_, _| ("/api/v1/audit-events".into(), None)),
        row("GET /api/v1/webhooks", Admin(200), |_, _| ("/api/v1/webhooks".into(), None)),
        row("POST /api/v1/webhooks", Admin(201), |_, _| ("/api/v1/webhooks".into(), Some(webhook_body()))),
        row("GET /api/v1/webhooks/{webhook_id}", Admin(200), |app, _| (webhook(app), None)),
        row("PATCH /api/v1/webhooks/{webhook_id}", Admin(200), |app, _| {
            (webhook(app), Some(json!({"description": "変更"})))
        }),
        row("DELETE /api/v1/webhooks/{webhook_id}", Admin(204), |app, _| (webhook(app), None)),
        row("GET /api/v1/webhooks/{webhook_id}/deliveries", Admin(200), |app, _| {
            (format!("{}/deliveries", webhook(app)), None)
        }),
        row("POST /api/v1/webhooks/{webhook_id}/test", Admin(202), |app, _| (format!("{}/test", webhook(app)), None)),
    ]
}

#[test]
fn every_endpoint_by_every_role() {
    let app = TestApp::spawn();
    let doc: Value = serde_json::from_str(&shinchoku::app::document_json()).unwrap();
    let mut routes = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            routes.insert(format!("{} {path}", method.to_uppercase()));
        }
    }
    let table = rows();
    let covered: BTreeSet<String> = table.iter().map(|(k, _, _)| k.to_string()).collect();
    let missing: Vec<_> = routes.difference(&covered).collect();
    assert!(missing.is_empty(), "operations without a row in the permission matrix: {missing:?}");
    let stale: Vec<_> = covered.difference(&routes).collect();
    assert!(stale.is_empty(), "matrix rows for operations that do not exist: {stale:?}");

    let world = build(&app);
    let mut failures = Vec::new();
    for (key, rule, make) in &table {
        let (method, _) = key.split_once(' ').unwrap();
        for (role, token) in &world.tokens {
            let (path, body) = make(&app, &world);
            let r = match &body {
                // A sheet upload: CSV text.
                Some(Value::String(text)) => app.request_as(
                    token.as_deref(),
                    method,
                    &path,
                    &[("Content-Type", "text/csv")],
                    Some(text.as_bytes()),
                ),
                Some(b) => app.send_as(token.as_deref(), method, &path, b),
                None => app.request_as(token.as_deref(), method, &path, &[], None),
            };
            let expected = rule.expected(role);
            if r.status != expected {
                failures.push(format!("{key} as {role}: expected {expected}, got {} {}", r.status, r.body));
            } else if r.status >= 400 {
                r.problem(expected);
                if expected == 401 {
                    assert!(r.header("www-authenticate").is_some(), "{key}: 401 without WWW-Authenticate");
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} cells differ:\n{}", failures.len(), failures.join("\n"));
}

fn webhook_body() -> Value {
    json!({"url": "https://portal.example.jp/hooks/shinchoku", "events": ["report.published"]})
}

/// A fresh subscription's path (never delivered to: no worker runs here).
fn webhook(app: &TestApp) -> String {
    format!("/api/v1/webhooks/{}", id(&app.post("/api/v1/webhooks", &webhook_body()).ok(201)))
}
