//! Progress batches: all or nothing, per-item policy, dry runs, Idempotency-Key (also under
//! concurrent callers), and the same writes as the single endpoints, on both databases.

use serde_json::{json, Value};
use shinchoku::web::auth::Role;

use crate::harness::{TestApp, TestUser};

/// The regional plan with a year to write (FY2023 has no reports) and a 社会福祉課 user.
struct Setup {
    plan: String,
    fukushi: TestUser,
    koureisha: TestUser,
}

const FY: i32 = 2023;

fn setup(app: &TestApp) -> Setup {
    let plan = app.import_fixture("regional-welfare-plan")["plan"]["id"].as_str().unwrap().to_string();
    let p = app.get(&format!("/api/v1/plans/{plan}")).ok(200);
    if p["end_fy"].as_i64().unwrap() < i64::from(FY) {
        app.patch(&format!("/api/v1/plans/{plan}"), &json!({"end_fy": 2024}), None).ok(200);
    }
    let departments = app.get("/api/v1/departments?limit=500").ok(200);
    let department = |name: &str| {
        departments["items"].as_array().unwrap().iter().find(|d| d["name"] == name).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    Setup {
        fukushi: app.create_user("fukushi", Role::Department, &[&department("社会福祉課")]),
        koureisha: app.create_user("koureisha", Role::Department, &[&department("高齢者福祉課")]),
        plan,
    }
}

fn batch_path(s: &Setup) -> String {
    format!("/api/v1/plans/{}/progress-batches", s.plan)
}

fn post_batch(app: &TestApp, token: &str, path: &str, body: &Value, key: Option<&str>) -> crate::harness::Resp {
    let mut headers = vec![("Content-Type", "application/json")];
    if let Some(key) = key {
        headers.push(("Idempotency-Key", key));
    }
    app.request_as(Some(token), "POST", path, &headers, Some(body.to_string().as_bytes()))
}

fn initiative_id(app: &TestApp, s: &Setup, key: &str) -> String {
    let list = app.get(&format!("/api/v1/plans/{}/initiatives?limit=500", s.plan)).ok(200);
    list["items"].as_array().unwrap().iter().find(|i| i["key"] == key).unwrap()["id"].as_str().unwrap().to_string()
}

/// What a report says, without what differs between two equal writes (ids, times, versions).
fn content(report: &Value) -> Value {
    let values: Vec<Value> = report["indicator_values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| json!([v["indicator_name"], v["target"], v["actual"], v["raw"], v["achievement"]]))
        .collect();
    let quarters: Vec<Value> = report["quarters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| json!([q["quarter"], q["plan_text"], q["result_text"], q["mark"]]))
        .collect();
    json!({
        "fields": [report["category"], report["plan_text"], report["result_text"], report["issues_text"],
                   report["next_steps_text"], report["progress_status"], report["self_rating"], report["workflow_state"]],
        "quarters": quarters,
        "values": values,
    })
}

#[test]
fn a_batch_writes_what_the_single_endpoints_write() {
    let app = TestApp::spawn();
    let s = setup(&app);
    // Initiatives 1 and 3 belong to 社会福祉課; 1 has two indicators (発行部数, 配布部数), 3 one.
    let fields = json!({"category": "implement", "plan_text": "年度計画", "result_text": "実績 ①②",
                        "issues_text": "課題", "next_steps_text": "方向性", "progress_status": "on_track", "self_rating": "B"});
    let quarters = json!([{"quarter": 1, "plan_text": "準備", "result_text": "協議", "mark": "done"},
                          {"quarter": 2, "plan_text": null, "result_text": null, "mark": "not_applicable"}]);
    let mut item = fields.clone();
    item["initiative_code"] = json!("1");
    item["quarters"] = quarters.clone();
    item["indicator_values"] = json!([{"indicator": "発行部数", "target": 2000, "actual": 2300, "raw": "2,300"},
                                      {"indicator": "1-2", "actual": 15, "raw": "15/664"}]);
    let body = json!({"fiscal_year": FY, "items": [item]});
    let r = post_batch(&app, &s.fukushi.token, &batch_path(&s), &body, None).ok(200);
    assert_eq!((r["created"].as_u64(), r["updated"].as_u64(), r["unchanged"].as_u64()), (Some(1), Some(0), Some(0)));
    assert_eq!(r["items"][0]["outcome"], "created");
    assert_eq!(r["fiscal_year_label"], "令和5年度");

    // The same through the single endpoints, on initiative 8 (also 社会福祉課, also indicators).
    let one = initiative_id(&app, &s, "1");
    let other = initiative_id(&app, &s, "8");
    let as_fukushi = |method: &str, path: &str, body: &Value| app.send_as(Some(&s.fukushi.token), method, path, body);
    as_fukushi("PUT", &format!("/api/v1/initiatives/{other}/years/{FY}"), &fields).ok(201);
    for q in quarters.as_array().unwrap() {
        let mut q = q.clone();
        let n = q.as_object_mut().unwrap().remove("quarter").unwrap();
        as_fukushi("PUT", &format!("/api/v1/initiatives/{other}/years/{FY}/quarters/{n}"), &q).ok(200);
    }
    let batch_report = app.get(&format!("/api/v1/initiatives/{one}/years/{FY}")).ok(200);
    let single_report = app.get(&format!("/api/v1/initiatives/{other}/years/{FY}")).ok(200);
    let (mut a, b) = (content(&batch_report), content(&single_report));
    // Indicators differ between the two initiatives; compare the report and quarters here,
    // the values below.
    a["values"] = b["values"].clone();
    assert_eq!(a, b);
    let values = &batch_report["indicator_values"];
    assert_eq!(values[0]["actual"], 2300.0);
    assert_eq!(values[0]["achievement"]["status"], "achieved", "{values}");
    assert_eq!(values[1]["raw"], "15/664");
    // One item: one version, one revision, one audit event.
    assert_eq!(batch_report["version"], 1);
    let history = app.get(&format!("/api/v1/initiatives/{one}/years/{FY}/revisions")).ok(200);
    assert_eq!(history["items"].as_array().unwrap().len(), 1);

    // Sent again: unchanged, nothing new.
    let before = app.row_counts();
    let again = post_batch(&app, &s.fukushi.token, &batch_path(&s), &body, None).ok(200);
    assert_eq!(again["unchanged"], 1);
    assert_eq!(again["items"][0]["changed_fields"], json!([]));
    assert_eq!(app.row_counts(), before);

    // A change of one quarter is one update, naming the fields it changed.
    let body = json!({"fiscal_year": FY, "items": [{"initiative_id": one, "quarters": [
        {"quarter": 2, "plan_text": null, "result_text": "実施", "mark": "done"}]}]});
    let r = post_batch(&app, &s.fukushi.token, &batch_path(&s), &body, None).ok(200);
    assert_eq!(r["updated"], 1);
    assert_eq!(r["items"][0]["report_version"], 2);
    let changed: Vec<&str> =
        r["items"][0]["changed_fields"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(changed.iter().any(|f| f.starts_with("quarters")), "{changed:?}");
}

#[test]
fn one_bad_item_rejects_the_batch_and_every_error_is_named() {
    let app = TestApp::spawn();
    let s = setup(&app);
    let before = app.row_counts();
    // A value the schema refuses: named by its pointer at once.
    let body = json!({"fiscal_year": FY, "items": [
        {"initiative_code": "1", "result_text": "ok"},
        {"initiative_code": "3", "quarters": [{"quarter": 1, "mark": "maybe"}]}]});
    app.send_as(Some(&s.fukushi.token), "POST", &batch_path(&s), &body).problem_at(422, "/items/1/quarters/0/mark");
    // Rules of the domain: every failing item, each at its pointer.
    let body = json!({"fiscal_year": FY, "items": [
        {"initiative_code": "1", "result_text": "ok"},
        {"initiative_code": "no-such-code", "result_text": "x"},
        {"initiative_code": "3", "self_rating": "Z"},
        {"initiative_code": "8", "indicator_values": [{"indicator": "存在しない指標", "actual": 1}]},
        {"initiative_code": "1", "issues_text": "twice"}]});
    let p = app.send_as(Some(&s.fukushi.token), "POST", &batch_path(&s), &body).problem(422);
    let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().filter_map(|e| e["field"].as_str()).collect();
    assert!(fields.contains(&"/items/1/initiative_code"), "{p}");
    assert!(fields.contains(&"/items/3/indicator_values/0/indicator"), "{p}");
    assert!(fields.contains(&"/items/4/initiative_code"), "duplicate item: {p}");
    // The grade is checked when the item is applied, once every item is resolved.
    let body = json!({"fiscal_year": FY, "items": [
        {"initiative_code": "1", "result_text": "ok"},
        {"initiative_code": "3", "self_rating": "Z"}]});
    app.send_as(Some(&s.fukushi.token), "POST", &batch_path(&s), &body).problem_at(422, "/items/1/self_rating");
    assert_eq!(app.row_counts(), before, "nothing of a rejected batch is written");
    // Integral numbers written as floats are integers, in every item.
    let body = json!({"fiscal_year": 2023.0, "items": [
        {"initiative_code": "3", "quarters": [{"quarter": 4.0, "mark": "done"}]}]});
    let written = app.send_as(Some(&s.fukushi.token), "POST", &batch_path(&s), &body).ok(200);
    assert_eq!(written["created"], 1, "{written}");
    // Too many items.
    let items: Vec<Value> = (0..10_001).map(|_| json!({"initiative_code": "1"})).collect();
    app.send_as(Some(&s.fukushi.token), "POST", &batch_path(&s), &json!({"fiscal_year": FY, "items": items}))
        .problem_at(422, "/items");
}

#[test]
fn a_department_batch_touching_another_departments_initiative_is_refused_whole() {
    let app = TestApp::spawn();
    let s = setup(&app);
    let before = app.row_counts();
    // Initiative 7 is 高齢者福祉課's only; 1 is 社会福祉課's.
    let body = json!({"fiscal_year": FY, "items": [
        {"initiative_code": "1", "result_text": "ours"},
        {"initiative_code": "7", "result_text": "theirs"},
        {"initiative_code": "3", "committee_opinion": "not ours to write"}]});
    let p = app.send_as(Some(&s.fukushi.token), "POST", &batch_path(&s), &body).problem(403);
    let fields: Vec<&str> = p["errors"].as_array().unwrap().iter().filter_map(|e| e["field"].as_str()).collect();
    assert_eq!(fields, ["/items/1", "/items/2"], "{p}");
    assert_eq!(app.row_counts(), before);
    // The other department may write its own.
    let body = json!({"fiscal_year": FY, "items": [{"initiative_code": "7", "result_text": "theirs"}]});
    app.send_as(Some(&s.koureisha.token), "POST", &batch_path(&s), &body).ok(200);
    // The committee may not write department data, and learns so before its body is read.
    let committee = app.create_user("iinkai", Role::Committee, &[]);
    let r = app.request_as(
        Some(&committee.token),
        "POST",
        &batch_path(&s),
        &[("Content-Type", "application/json")],
        Some(b"{not json"),
    );
    assert_eq!(r.status, 400, "committee may post committee fields: the body is read: {}", r.body);
    let body = json!({"fiscal_year": FY, "items": [{"initiative_code": "7", "result_text": "x"}]});
    app.send_as(Some(&committee.token), "POST", &batch_path(&s), &body).problem_at(403, "/items/0");
    // Anonymous callers learn nothing.
    app.request_as(None, "POST", &batch_path(&s), &[("Content-Type", "application/json")], Some(b"{not json"))
        .problem(401);
}

#[test]
fn workflow_conflicts_reject_the_batch() {
    let app = TestApp::spawn();
    let s = setup(&app);
    // FY2022's reports were imported as published: nothing of a department is editable there.
    let before = app.row_counts();
    let body = json!({"fiscal_year": 2022, "items": [
        {"initiative_code": "1", "result_text": "late change"},
        {"initiative_code": "3", "quarters": [{"quarter": 1, "mark": "done"}]}]});
    let p = app.send_as(Some(&s.fukushi.token), "POST", &batch_path(&s), &body).problem(409);
    assert_eq!(p["errors"].as_array().unwrap().len(), 2, "{p}");
    assert_eq!(p["errors"][0]["code"], "workflow_state");
    assert_eq!(app.row_counts(), before);
}

#[test]
fn a_dry_run_answers_what_would_change_and_writes_nothing() {
    let app = TestApp::spawn();
    let s = setup(&app);
    let body = |dry_run: bool| {
        json!({"fiscal_year": FY, "dry_run": dry_run, "items": [
            {"initiative_code": "1", "result_text": "実績"},
            {"initiative_code": "3"},
            {"initiative_code": "8", "quarters": [{"quarter": 1}], "indicator_values": [{"indicator": "8-1"}]}]})
    };
    let before = app.row_counts();
    let dry = post_batch(&app, &s.fukushi.token, &batch_path(&s), &body(true), Some("dry-key")).ok(200);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(app.row_counts(), before, "a dry run writes nothing");
    // Empty items and empty quarters or values where nothing is stored create nothing.
    assert_eq!((dry["created"].as_u64(), dry["unchanged"].as_u64()), (Some(1), Some(2)), "{dry}");
    assert!(dry["items"][0]["changed_fields"].as_array().unwrap().iter().any(|f| f == "result_text"));
    let real = post_batch(&app, &s.fukushi.token, &batch_path(&s), &body(false), Some("dry-key")).ok(200);
    assert_eq!(real["dry_run"], false);
    for field in ["created", "updated", "unchanged"] {
        assert_eq!(real[field], dry[field], "{field}");
    }
    assert_eq!(real["items"][0]["changed_fields"], dry["items"][0]["changed_fields"]);
}

#[test]
fn the_same_idempotency_key_writes_once() {
    let app = TestApp::spawn();
    let s = setup(&app);
    let body = json!({"fiscal_year": FY, "items": [
        {"initiative_code": "1", "quarters": [{"quarter": 1, "result_text": "実施", "mark": "done"}]},
        {"initiative_code": "3", "quarters": [{"quarter": 1, "result_text": "実施", "mark": "not_done"}]}]});
    let path = batch_path(&s);
    let first = post_batch(&app, &s.fukushi.token, &path, &body, Some("\"run-2023-q1\""));
    assert_eq!(first.status, 200, "{}", first.body);
    assert_eq!(first.header("idempotent-replayed"), None);
    let after_first = app.row_counts();
    let second = post_batch(&app, &s.fukushi.token, &path, &body, Some("run-2023-q1"));
    assert_eq!(second.status, 200);
    assert_eq!(second.header("idempotent-replayed"), Some("true"));
    assert_eq!(second.body, first.body, "the stored response, as it was");
    assert_eq!(app.row_counts(), after_first, "a replay writes nothing");
    // The same key with another body is refused.
    let mut other = body.clone();
    other["items"][0]["quarters"][0]["mark"] = json!("not_done");
    post_batch(&app, &s.fukushi.token, &path, &other, Some("run-2023-q1")).problem_at(422, "/header/Idempotency-Key");
    // Keys are per caller: another caller's same key is a new request.
    let admin = post_batch(&app, &app.token, &path, &other, Some("run-2023-q1")).ok(200);
    assert_eq!(admin["updated"], 1);
    // Every audit event of the batch carries its request id.
    let request_id = first.header("x-request-id").unwrap();
    let events = app.get(&format!("/api/v1/audit-events?request_id={request_id}")).ok(200);
    assert_eq!(events["items"].as_array().unwrap().len(), 2, "{events}");
    assert_eq!(first.json()["request_id"], request_id);
    // A malformed key is a 400 naming the header.
    post_batch(&app, &s.fukushi.token, &path, &body, Some("")).problem_at(400, "/header/Idempotency-Key");
}

#[test]
fn concurrent_requests_with_one_key_write_once() {
    let app = TestApp::spawn();
    let s = setup(&app);
    let path = batch_path(&s);
    let items: Vec<Value> = ["1", "3", "8"]
        .iter()
        .map(|code| json!({"initiative_code": code, "result_text": "同時送信", "quarters": [{"quarter": 2, "mark": "done"}]}))
        .collect();
    let body = json!({"fiscal_year": FY, "items": items});
    let before = app.row_counts();
    let responses =
        app.concurrently(6, |app, _| post_batch(app, &s.fukushi.token, &path, &body, Some("concurrent-key")));
    for r in &responses {
        assert_eq!(r.status, 200, "{}", r.body);
    }
    let fresh = responses.iter().filter(|r| r.header("idempotent-replayed").is_none()).count();
    assert_eq!(fresh, 1, "exactly one request wrote");
    assert!(responses.iter().all(|r| r.body == responses[0].body), "every caller got the one response");
    let after = app.row_counts();
    assert_eq!(after["annual_reports"] - before["annual_reports"], 3);
    assert_eq!(after["audit_events"] - before["audit_events"], 3, "one event per report, once");
    // Different keys at once: each batch is whole; the second one finds the first's reports.
    let responses = app.concurrently(4, |app, i| {
        let key = format!("key-{i}");
        let body =
            json!({"fiscal_year": FY, "items": [{"initiative_code": "1", "result_text": format!("writer {i}")}]});
        post_batch(app, &s.fukushi.token, &path, &body, Some(&key))
    });
    assert!(responses.iter().all(|r| r.status == 200));
    let one = initiative_id(&app, &s, "1");
    let report = app.get(&format!("/api/v1/initiatives/{one}/years/{FY}")).ok(200);
    assert_eq!(report["version"], 5, "four updates after the create, none lost");
}

/// Counts the SQL statements a connection issues (diesel's instrumentation).
#[derive(Clone, Default)]
struct StatementCount(std::sync::Arc<std::sync::atomic::AtomicUsize>);

impl diesel::connection::Instrumentation for StatementCount {
    fn on_connection_event(&mut self, event: diesel::connection::InstrumentationEvent<'_>) {
        if let diesel::connection::InstrumentationEvent::StartQuery { .. } = event {
            self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

/// A synthetic plan of `initiatives` with FY2024 open to write, and for each of its initiatives
/// that has an indicator valid in FY2024: its key and that indicator's id.
fn synthetic_plan(app: &TestApp, initiatives: usize) -> (uuid::Uuid, Vec<(String, String)>) {
    use diesel::prelude::*;
    use shinchoku::db::schema::{indicators, initiatives};
    let mut conn = app.conn();
    let shape = shinchoku::ops::synth::Shape { initiatives, years: 1, last_fy: 2023, seed: 7 };
    let (plan, _) = shinchoku::ops::synth::generate(&mut conn, shape).unwrap();
    app.patch(&format!("/api/v1/plans/{}", plan.id), &json!({"end_fy": 2024}), None).ok(200);
    let rows: Vec<(String, Option<shinchoku::db::DbUuid>, Option<i32>)> = initiatives::table
        .left_join(indicators::table.on(indicators::initiative_id.eq(initiatives::id.nullable())))
        .filter(initiatives::plan_id.eq(plan.id))
        .order((initiatives::code_sort, indicators::position))
        .select((initiatives::bundle_key, indicators::id.nullable(), indicators::valid_to_fy.nullable()))
        .load(&mut *conn)
        .unwrap();
    let mut items: Vec<(String, Option<String>)> = Vec::new();
    for (key, indicator, valid_to) in rows {
        let usable = indicator.filter(|_| valid_to.is_none_or(|t| t >= 2024)).map(|i| i.0.to_string());
        match items.last_mut() {
            Some((last, value)) if *last == key => {
                if value.is_none() {
                    *value = usable;
                }
            }
            _ => items.push((key, usable)),
        }
    }
    (plan.id.0, items.into_iter().filter_map(|(key, value)| Some((key, value?))).collect())
}

/// A batch item: the report's result, quarter 1 and one indicator value, all saying `text`.
fn item(key: &str, indicator: &str, text: &str) -> Value {
    json!({"initiative_code": key, "result_text": text,
        "quarters": [{"quarter": 1, "plan_text": "計画", "result_text": text, "mark": "done"}],
        "indicator_values": [{"indicator": indicator, "actual": text.len(), "raw": text}]})
}

#[test]
fn a_batch_issues_as_many_statements_for_a_thousand_items_as_for_one() {
    use shinchoku::resources::batches::{self, Batch, ProgressBatchInput};
    let app = TestApp::spawn();
    let (plan, items) = synthetic_plan(&app, 1800);
    // Every item writes the same kinds of rows: its report, a quarter and a value.
    assert!(items.len() >= 1101, "{}", items.len());
    let admin = shinchoku::web::auth::Principal {
        user_id: uuid::Uuid::parse_str(&app.admin_id).unwrap(),
        login: "admin".into(),
        role: Role::Admin,
        departments: vec![],
        token: None,
    };
    let actor = shinchoku::models::audit::Actor { user_id: Some(admin.user_id), ..Default::default() };
    let mut conn = app.conn();
    let counter = StatementCount::default();
    diesel::connection::Connection::set_instrumentation(&mut *conn, counter.clone());
    let mut run = |range: std::ops::Range<usize>, text: &str, dry_run: bool| {
        let body = json!({"fiscal_year": 2024, "dry_run": dry_run,
            "items": items[range.clone()].iter().map(|(key, indicator)| item(key, indicator, text)).collect::<Vec<_>>()});
        let input: ProgressBatchInput = serde_json::from_value(body).unwrap();
        let before = counter.0.load(std::sync::atomic::Ordering::Relaxed);
        let result = batches::run_in_transaction(&mut conn, &admin, &actor, plan, &Batch::from(input)).unwrap();
        assert_eq!(result.created + result.updated, range.len(), "{range:?} {text}");
        counter.0.load(std::sync::atomic::Ordering::Relaxed) - before
    };
    let sizes = [0..1, 1..101, 101..1101];
    let dry: Vec<usize> = sizes.iter().map(|r| run(r.clone(), "作成", true)).collect();
    let create: Vec<usize> = sizes.iter().map(|r| run(r.clone(), "作成", false)).collect();
    let update: Vec<usize> = sizes.iter().map(|r| run(r.clone(), "更新", false)).collect();
    println!("statements for 1, 100, 1000 items: dry run {dry:?}, create {create:?}, update {update:?}");
    for counts in [&dry, &create, &update] {
        assert!(counts.iter().all(|c| *c == counts[0]), "statements grow with the items: {counts:?}");
    }
    // About 20 for the batch, 4 for its kept summary counts (docs/summaries.md, "Kept counts").
    assert!(create[0] < 30, "{create:?}");
}

#[test]
fn single_writes_during_a_large_batch_on_the_same_plan_get_their_normal_answer() {
    let app = TestApp::spawn();
    let (plan, items) = synthetic_plan(&app, 2500);
    let body = json!({"fiscal_year": 2024,
        "items": items.iter().map(|(key, indicator)| item(key, indicator, "バッチ")).collect::<Vec<_>>()});
    let path = format!("/api/v1/plans/{plan}/progress-batches");
    // One of the batch's initiatives: the single writes go to another quarter of its report.
    let page = app.get(&format!("/api/v1/plans/{plan}/initiatives?limit=500")).ok(200);
    let initiative = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|i| items.iter().any(|(key, _)| i["key"] == key.as_str()))
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let done = std::sync::atomic::AtomicBool::new(false);
    let (batch, puts) = std::thread::scope(|scope| {
        let batch = scope.spawn(|| {
            let r = app.post(&path, &body);
            done.store(true, std::sync::atomic::Ordering::SeqCst);
            r
        });
        let puts = scope.spawn(|| {
            let mut answers = Vec::new();
            let mut n = 0;
            while !done.load(std::sync::atomic::Ordering::SeqCst) || answers.len() < 3 {
                n += 1;
                let quarter = json!({"plan_text": "計画", "result_text": format!("単独 {n}"), "mark": "done"});
                let path = format!("/api/v1/initiatives/{initiative}/years/2024/quarters/3");
                answers.push(app.send_as(Some(&app.token), "PUT", &path, &quarter));
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            answers
        });
        (batch.join().unwrap(), puts.join().unwrap())
    });
    let result = batch.ok(200);
    assert_eq!(result["created"].as_u64().unwrap() + result["updated"].as_u64().unwrap(), items.len() as u64);
    let mut versions = Vec::new();
    for answer in &puts {
        versions.push(answer.ok(200)["version"].as_i64().unwrap());
    }
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "each write is a new version: {versions:?}");
    // Nothing is lost: the batch's quarter and the last single write are both in the report.
    let report = app.get(&format!("/api/v1/initiatives/{initiative}/years/2024")).ok(200);
    let quarter = |n: i64| report["quarters"].as_array().unwrap().iter().find(|q| q["quarter"] == n).cloned();
    assert_eq!(quarter(1).unwrap()["result_text"], "バッチ");
    assert_eq!(quarter(3).unwrap()["result_text"], format!("単独 {}", puts.len()));
    let history = app.get(&format!("/api/v1/initiatives/{initiative}/years/2024/revisions?limit=500")).ok(200);
    let mut numbers: Vec<i64> =
        history["items"].as_array().unwrap().iter().map(|r| r["revision"].as_i64().unwrap()).collect();
    numbers.sort();
    let expected: Vec<i64> = (1..=report["version"].as_i64().unwrap()).collect();
    assert_eq!(numbers, expected, "one revision per version, none lost");
}

#[test]
fn numbers_written_in_bulk_read_back_as_the_same_numbers() {
    let app = TestApp::spawn();
    let s = setup(&app);
    let initiative = initiative_id(&app, &s, "8");
    for x in [0.1 + 0.2, 1.0 / 3.0, 2.675, 123_456_789.123_456_79, 999_999_999_999_999.9, 0.000_001, 1e15] {
        let body = json!({"fiscal_year": FY, "items": [
            {"initiative_code": "8", "indicator_values": [{"indicator": "8-1", "target": x, "actual": -x}]}]});
        post_batch(&app, &s.fukushi.token, &batch_path(&s), &body, None).ok(200);
        let again = post_batch(&app, &s.fukushi.token, &batch_path(&s), &body, None).ok(200);
        assert_eq!(again["unchanged"], 1, "{x} was stored as another number: {again}");
        let report = app.get(&format!("/api/v1/initiatives/{initiative}/years/{FY}")).ok(200);
        let value =
            report["indicator_values"].as_array().unwrap().iter().find(|v| v["indicator_key"] == "8-1").unwrap();
        assert_eq!((value["target"].as_f64(), value["actual"].as_f64()), (Some(x), Some(-x)), "{value}");
    }
}
