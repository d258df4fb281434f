//! The kept summary counts are exact (docs/summaries.md, "Kept counts"): random sequences of
//! every kind of write, through the service, and after each step every summary and trend, for
//! every sight, compared with a full recount from the rows, and the installation checked as
//! `shinchoku check-summaries` checks it.

use serde_json::{json, Value};
use shinchoku::models::plans;
use shinchoku::resources::summaries::{self, Counting, GroupBy, RatingSource, SummaryRequest};
use shinchoku::web::policy::SummarySight;
use uuid::Uuid;

use crate::harness::{usual_rating_rule, Resp, TestApp};

/// A small deterministic generator (xorshift64*), so that a failing sequence can be replayed
/// from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// What the sequence writes to: one plan, its years, nodes, departments and initiatives.
struct World {
    plan: String,
    years: Vec<i32>,
    nodes: Vec<(String, i64)>,
    departments: Vec<String>,
}

fn ids(list: &Value) -> Vec<String> {
    list["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_string()).collect()
}

impl World {
    fn new(app: &TestApp, plan: &Value) -> World {
        let id = plan["id"].as_str().unwrap().to_string();
        let (start, end) = (plan["start_fy"].as_i64().unwrap() as i32, plan["end_fy"].as_i64().unwrap() as i32);
        let nodes = app.get(&format!("/api/v1/plans/{id}/nodes?limit=500")).ok(200);
        let nodes = nodes["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| (n["id"].as_str().unwrap().to_string(), n["level"].as_i64().unwrap()))
            .collect();
        let departments = ids(&app.get("/api/v1/departments?limit=500").ok(200));
        World { plan: id, years: (start..=end).collect(), nodes, departments }
    }

    fn initiatives(&self, app: &TestApp) -> Vec<String> {
        ids(&app.get(&format!("/api/v1/plans/{}/initiatives?limit=500", self.plan)).ok(200))
    }

    fn some_nodes(&self, rng: &mut Rng) -> Vec<String> {
        let mut picked: Vec<String> = (0..1 + rng.below(2)).map(|_| rng.pick(&self.nodes).0.clone()).collect();
        picked.sort();
        picked.dedup();
        picked
    }

    fn some_departments(&self, rng: &mut Rng) -> Vec<String> {
        let mut picked: Vec<String> = (0..1 + rng.below(2)).map(|_| rng.pick(&self.departments).clone()).collect();
        picked.sort();
        picked.dedup();
        picked
    }
}

fn maybe<T: Clone + Into<Value>>(rng: &mut Rng, items: &[T]) -> Value {
    if rng.chance(20) {
        Value::Null
    } else {
        rng.pick(items).clone().into()
    }
}

/// A change to a year's report as the secretariat or the committee would write it.
fn report_change(rng: &mut Rng) -> Value {
    let mut body = json!({"result_text": format!("実績 {}", rng.below(1000))});
    if rng.chance(70) {
        body["progress_status"] = maybe(rng, &["on_track", "mostly_on_track", "partly_delayed", "not_started"]);
    }
    if rng.chance(70) {
        body["self_rating"] = maybe(rng, &["A", "B", "C", "D"]);
    }
    if rng.chance(30) {
        body["committee_rating"] = maybe(rng, &["A", "B", "C", "D"]);
    }
    body
}

/// `PUT`s `body` at `path`, part of the report at `year`; a report handed in is first returned,
/// and a published one first corrected (a new edition), as a secretariat would.
fn write_or_correct(app: &TestApp, year: &str, path: &str, body: &Value) -> Resp {
    let first = app.send_as(Some(&app.token), "PUT", path, body);
    if first.status != 409 {
        return first;
    }
    let state = app.get(year).json()["workflow_state"].as_str().unwrap_or_default().to_string();
    match state.as_str() {
        "published" => transition(app, year, "corrections"),
        _ => transition(app, year, "return"),
    };
    app.send_as(Some(&app.token), "PUT", path, body)
}

/// A workflow step; only a return says why.
fn transition(app: &TestApp, year: &str, action: &str) -> Resp {
    if action == "return" {
        app.send_as(Some(&app.token), "POST", &format!("{year}/return"), &json!({"reason": "確認してください"}))
    } else {
        app.request_as(Some(&app.token), "POST", &format!("{year}/{action}"), &[], None)
    }
}

/// One random write of any kind; returns what it did, for the failure message. Refusals (a
/// transition not allowed in the report's state, say) are part of the sequence.
fn step(app: &TestApp, world: &World, rng: &mut Rng) -> (String, String) {
    let initiatives = world.initiatives(app);
    let i = rng.pick(&initiatives).clone();
    let fy = *rng.pick(&world.years);
    let year = format!("/api/v1/initiatives/{i}/years/{fy}");
    let kind = rng.below(13);
    let r: Resp = match kind {
        0 | 1 => write_or_correct(app, &year, &year, &report_change(rng)),
        2 | 3 => {
            // Mostly the next step of the report's workflow; sometimes any step (refused or not).
            let current = app.get(&year);
            let state = if current.status == 200 {
                current.json()["workflow_state"].as_str().unwrap().to_string()
            } else {
                String::new()
            };
            let next: &[&str] = match state.as_str() {
                "draft" | "returned" => &["submission"],
                "submitted" => &["review", "return"],
                "reviewed" => &["publication", "return"],
                "published" => &["corrections"],
                _ => &["submission"],
            };
            let any = ["submission", "review", "publication", "corrections", "return"];
            let action = if rng.chance(85) { *rng.pick(next) } else { *rng.pick(&any) };
            transition(app, &year, action)
        }
        4 => {
            let q = 1 + rng.below(4);
            let mark = maybe(rng, &["done", "not_done", "not_applicable"]);
            write_or_correct(app, &year, &format!("{year}/quarters/{q}"), &json!({"mark": mark, "result_text": "実施"}))
        }
        5 | 6 => {
            let indicators = ids(&app.get(&format!("/api/v1/initiatives/{i}/indicators")).ok(200));
            if indicators.is_empty() {
                return (format!("no indicator of {i}"), i);
            }
            let indicator = rng.pick(&indicators);
            let number =
                |rng: &mut Rng| if rng.chance(15) { Value::Null } else { json!(rng.below(3000) as f64 / 10.0) };
            let body = json!({"target": number(rng), "actual": number(rng)});
            write_or_correct(app, &year, &format!("/api/v1/initiatives/{i}/indicators/{indicator}/values/{fy}"), &body)
        }
        7 => {
            let mut body = json!({"node_ids": world.some_nodes(rng), "department_ids": world.some_departments(rng)});
            if rng.chance(50) {
                let from = *rng.pick(&world.years);
                body["active_from_fy"] = if rng.chance(50) { json!(from) } else { Value::Null };
                body["active_to_fy"] = if rng.chance(50) { json!(from + rng.below(3) as i32) } else { Value::Null };
            }
            app.send_as(Some(&app.token), "PATCH", &format!("/api/v1/initiatives/{i}"), &body)
        }
        8 => {
            let body = json!({"title": format!("新しい取組 {}", rng.below(10_000)),
                "node_ids": world.some_nodes(rng), "department_ids": world.some_departments(rng)});
            app.send_as(Some(&app.token), "POST", &format!("/api/v1/plans/{}/initiatives", world.plan), &body)
        }
        9 => app.send_as(Some(&app.token), "DELETE", &format!("/api/v1/initiatives/{i}"), &Value::Null),
        10 => {
            let direction = *rng.pick(&["increase", "decrease", "maintain"]);
            let indicators = ids(&app.get(&format!("/api/v1/initiatives/{i}/indicators")).ok(200));
            if indicators.is_empty() || rng.chance(40) {
                let body = json!({"name": "参加者数", "direction": direction, "valid_from_fy": fy});
                app.send_as(Some(&app.token), "POST", &format!("/api/v1/initiatives/{i}/indicators"), &body)
            } else {
                let body =
                    json!({"direction": direction, "tolerance": rng.below(5), "valid_to_fy": maybe(rng, &world.years)});
                let path = format!("/api/v1/initiatives/{i}/indicators/{}", rng.pick(&indicators));
                app.send_as(Some(&app.token), "PATCH", &path, &body)
            }
        }
        11 => {
            // A node of level 2 or deeper moves under another node of level 1.
            let (deep, tops): (Vec<_>, Vec<_>) = world.nodes.iter().partition(|(_, level)| *level >= 2);
            if deep.is_empty() || tops.is_empty() {
                return ("no node to move".into(), i);
            }
            let (node, parent) = (&rng.pick(&deep).0, &rng.pick(&tops).0);
            let path = format!("/api/v1/plans/{}/nodes/{node}", world.plan);
            app.send_as(Some(&app.token), "PATCH", &path, &json!({"parent_id": parent}))
        }
        _ => {
            let items: Vec<Value> = (0..3)
                .map(|_| {
                    let mut item = report_change(rng);
                    item["initiative_id"] = json!(rng.pick(&initiatives));
                    item["quarters"] =
                        json!([{"quarter": 1 + rng.below(4), "mark": maybe(rng, &["done", "not_done"])}]);
                    item
                })
                .collect();
            let body = json!({"fiscal_year": fy, "items": items});
            app.send_as(Some(&app.token), "POST", &format!("/api/v1/plans/{}/progress-batches", world.plan), &body)
        }
    };
    assert!(r.status < 500, "write {kind} failed: {} {}", r.status, r.body);
    (format!("write {kind} on {i} FY{fy}: {} {}", r.status, r.body.chars().take(160).collect::<String>()), i)
}

/// The departments responsible for an initiative (none once it is deleted).
fn departments_of(app: &TestApp, initiative: &str) -> Vec<Uuid> {
    let r = app.get(&format!("/api/v1/initiatives/{initiative}"));
    if r.status != 200 {
        return Vec::new();
    }
    let view = r.json();
    view["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Uuid::parse_str(d["id"].as_str().unwrap()).unwrap())
        .collect()
}

/// Every summary and trend of `plan`, for every sight, from the kept counts and from a recount,
/// must be the same; and the installation's kept counts and facts are those of its rows.
fn compare(app: &TestApp, plan: &str, departments: &[String], also: &[Uuid], what: &str) {
    let mut conn = app.conn();
    let check = shinchoku::db::tally::check(&mut conn, false).unwrap();
    assert_eq!((check.noted, check.facts_differing, check.counts_differing), (0, 0, 0), "after {what}: {check:?}");
    let plan = plans::load(&mut conn, Uuid::parse_str(plan).unwrap()).unwrap();
    let department = |i: usize| Uuid::parse_str(&departments[i % departments.len()]).unwrap();
    let mut sights = vec![
        SummarySight::All,
        SummarySight::HandedInOr(Vec::new()),
        SummarySight::HandedInOr(vec![department(0)]),
        SummarySight::HandedInOr(vec![department(1), department(2)]),
        SummarySight::Published,
    ];
    // The departments of the initiative just written: their drafts are what they see and others
    // do not.
    sights.extend(also.iter().map(|d| SummarySight::HandedInOr(vec![*d])));
    sights.push(SummarySight::HandedInOr(also.to_vec()));
    let filters: [(RatingSource, Vec<shinchoku::domain::enums::WorkflowState>); 2] = [
        (RatingSource::SelfRating, Vec::new()),
        (RatingSource::Committee, {
            use shinchoku::domain::enums::WorkflowState::*;
            vec![Draft, Submitted, Reviewed]
        }),
    ];
    for sight in &sights {
        for (rating, states) in &filters {
            for fiscal_year in plan.start_fy..=plan.end_fy {
                for (group_by, level) in
                    [(Some(GroupBy::Node), 1), (Some(GroupBy::Node), 2), (Some(GroupBy::Department), 1)]
                {
                    let req = SummaryRequest { fiscal_year, group_by, level, rating: *rating, states: states.clone() };
                    let kept = summaries::plan_summary_by(&mut conn, &plan, &req, sight, Counting::Kept).unwrap();
                    let recount = summaries::plan_summary_by(&mut conn, &plan, &req, sight, Counting::Recount).unwrap();
                    assert_eq!(
                        serde_json::to_value(&kept).unwrap(),
                        serde_json::to_value(&recount).unwrap(),
                        "after {what}: summary FY{fiscal_year} {group_by:?} {level} {rating:?} {states:?} as {sight:?}"
                    );
                }
            }
            let range = (plan.start_fy, plan.end_fy);
            let kept =
                summaries::plan_trend_by(&mut conn, &plan, range, (*rating, states), sight, Counting::Kept).unwrap();
            let recount =
                summaries::plan_trend_by(&mut conn, &plan, range, (*rating, states), sight, Counting::Recount).unwrap();
            assert_eq!(
                serde_json::to_value(&kept).unwrap(),
                serde_json::to_value(&recount).unwrap(),
                "after {what}: trend {rating:?} {states:?} as {sight:?}"
            );
        }
    }
}

/// Random writes of every kind, one at a time; each step compared with a recount.
#[test]
fn kept_counts_equal_a_recount_after_every_write() {
    let app = TestApp::spawn();
    let imported = app.import_fixture("regional-welfare-plan");
    // A second plan in the installation, imported the same way, and counted apart.
    let silver = app.import_fixture("silver-center-basic-plan")["plan"]["id"].as_str().unwrap().to_string();
    let world = World::new(&app, &imported["plan"]);
    // Suggestions are counted and compared too: the regional plan suggests ratings.
    app.patch(&format!("/api/v1/plans/{}", world.plan), &json!({"rating_rule": usual_rating_rule()}), None).ok(200);
    // The second plan has quarter marks and published reports of a quarterly plan.
    compare(&app, &silver, &world.departments, &[], "the imports");
    compare(&app, &world.plan, &world.departments, &[], "the imports");
    let seed = std::env::var("KEPT_COUNTS_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_2026_1204);
    let mut rng = Rng(seed);
    for n in 0..60 {
        let (what, initiative) = step(&app, &world, &mut rng);
        println!("{what}");
        let also = departments_of(&app, &initiative);
        compare(&app, &world.plan, &world.departments, &also, &format!("step {n} (seed {seed:#x}): {what}"));
    }
    // The plan period changes: every initiative's years change.
    app.patch(&format!("/api/v1/plans/{}", world.plan), &json!({"end_fy": world.years.last().unwrap() + 1}), None)
        .ok(200);
    compare(&app, &world.plan, &world.departments, &[], "a longer plan period");
    compare(&app, &silver, &world.departments, &[], "the other plan's writes");
}

/// Writers at once (PostgreSQL runs them truly concurrently): the counts stay exact.
#[test]
fn kept_counts_stay_exact_with_concurrent_writers() {
    let app = TestApp::spawn();
    let imported = app.import_fixture("regional-welfare-plan");
    let world = World::new(&app, &imported["plan"]);
    app.patch(&format!("/api/v1/plans/{}", world.plan), &json!({"rating_rule": usual_rating_rule()}), None).ok(200);
    for round in 0..4u64 {
        let responses = app.concurrently(8, |app, n| {
            let mut rng = Rng(0xc0ffee + round * 97 + n as u64);
            let initiatives = world.initiatives(app);
            let i = rng.pick(&initiatives).clone();
            let fy = *rng.pick(&world.years);
            let year = format!("/api/v1/initiatives/{i}/years/{fy}");
            match n % 4 {
                0 | 1 => app.send_as(Some(&app.token), "PUT", &year, &report_change(&mut rng)),
                2 => {
                    let action = *rng.pick(&["submission", "review", "publication", "corrections"]);
                    transition(app, &year, action)
                }
                _ => {
                    let body = json!({"node_ids": world.some_nodes(&mut rng), "department_ids": world.some_departments(&mut rng)});
                    app.send_as(Some(&app.token), "PATCH", &format!("/api/v1/initiatives/{i}"), &body)
                }
            }
        });
        for r in &responses {
            assert!(r.status < 500 || r.status == 503, "{} {}", r.status, r.body);
        }
        compare(&app, &world.plan, &world.departments, &[], &format!("concurrent round {round}"));
    }
}

/// The real binary: a write made with SQL, outside the service, is counted within a bound (the
/// change watcher); counts that differ from the rows are found by `check-summaries`, which exits
/// 1, and replaced by `check-summaries --repair`.
#[test]
fn outside_writes_are_counted_and_check_summaries_finds_and_repairs_differences() {
    use diesel::RunQueryDsl;
    use std::time::{Duration, Instant};

    use crate::lifecycle::{command, Process};

    let process = Process::start();
    let token = process.token();
    let imported = process.import_fixture("regional-welfare-plan");
    let plan = imported["plan"]["id"].as_str().unwrap().to_string();
    let summary = || -> Value {
        ureq::get(&format!("{}/api/v1/plans/{plan}/summary?fiscal_year=2022", process.base))
            .set("Authorization", &format!("Bearer {token}"))
            .call()
            .unwrap()
            .into_json()
            .unwrap()
    };
    let url = process.database_url();
    let (code, out) = command(&url, &["check-summaries"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("exact"), "{out}");
    let before = summary();
    assert_eq!(before["totals"]["ratings"]["D"], 0, "{before}");

    let pool = shinchoku::db::connect(&url, 1).unwrap();
    let rated = diesel::sql_query("UPDATE annual_reports SET self_rating = 'D' WHERE fiscal_year = 2022")
        .execute(&mut *pool.get().unwrap())
        .unwrap();
    assert_eq!(rated, 48);
    let started = Instant::now();
    loop {
        let now = summary();
        if now["totals"]["ratings"]["D"] == 48 {
            println!("a write made with SQL was counted after {:?}", started.elapsed());
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "not counted after 5 s: {now}");
        std::thread::sleep(Duration::from_millis(50));
    }

    let skewed = diesel::sql_query("UPDATE summary_counts SET n = n + 7 WHERE grp_set = 'c'")
        .execute(&mut *pool.get().unwrap())
        .unwrap();
    assert!(skewed > 0);
    let (code, out) = command(&url, &["check-summaries"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains(&format!("{skewed} counts that differ")), "{out}");
    let (code, out) = command(&url, &["check-summaries", "--repair"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("repaired"), "{out}");
    let (code, out) = command(&url, &["check-summaries"]);
    assert_eq!((code, out.contains("exact")), (Some(0), true), "{out}");
    let repaired = summary();
    assert_eq!(
        (repaired["totals"]["initiatives"].as_i64(), repaired["totals"]["ratings"]["D"].as_i64()),
        (Some(48), Some(48))
    );
}

/// An update is noted for a recount only when a column the counts read changed: texts and
/// edition bookkeeping cost nothing, a state, a rating, a mark or a value is noted for every
/// initiative it touches, unless the write path, which counts what it writes, writes it.
/// Statements made with SQL in a transaction that is rolled back.
#[test]
fn updates_are_noted_only_when_what_is_counted_changes() {
    use diesel::connection::Connection;
    use diesel::RunQueryDsl;

    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    fn count(conn: &mut shinchoku::db::DbConnection, sql: &str) -> i64 {
        diesel::sql_query(sql).get_result::<Count>(conn).unwrap().n
    }
    /// Runs `sql`; returns how many rows it changed, how many initiatives it noted for every
    /// year, and how many (initiative, year) it noted.
    fn noted(conn: &mut shinchoku::db::DbConnection, sql: &str) -> (usize, i64, i64) {
        let changed = diesel::sql_query(sql).execute(conn).unwrap();
        let every = count(conn, "SELECT COUNT(DISTINCT initiative_id) AS n FROM summary_dirty");
        let years = count(
            conn,
            "SELECT COUNT(*) AS n FROM (SELECT DISTINCT initiative_id, fiscal_year FROM summary_dirty_years) d",
        );
        diesel::sql_query("DELETE FROM summary_dirty").execute(conn).unwrap();
        diesel::sql_query("DELETE FROM summary_dirty_years").execute(conn).unwrap();
        (changed, every, years)
    }

    let app = TestApp::spawn();
    // Indicator values in one, quarter marks in the other.
    app.import_fixture("regional-welfare-plan");
    app.import_fixture("silver-center-basic-plan");
    let mut pooled = app.conn();
    let conn: &mut shinchoku::db::DbConnection = &mut pooled;
    conn.transaction::<(), diesel::result::Error, _>(|conn| {
        let with_reports = count(conn, "SELECT COUNT(*) AS n FROM annual_reports");
        assert!(with_reports > 10, "the fixtures have reports");
        diesel::sql_query("DELETE FROM summary_dirty").execute(conn)?;
        diesel::sql_query("DELETE FROM summary_dirty_years").execute(conn)?;
        for (sql, counted) in [
            ("UPDATE annual_reports SET result_text = 'x', version = version + 1, revision = revision + 1", false),
            ("UPDATE quarter_updates SET plan_text = 'x', result_text = 'y', version = version + 1", false),
            ("UPDATE indicator_values SET raw = 'x', version = version + 1", false),
            ("UPDATE annual_reports SET progress_status = 'not_started'", true),
            ("UPDATE annual_reports SET committee_rating = 'B'", true),
            ("UPDATE quarter_updates SET mark = 'not_done' WHERE mark IS NULL OR mark <> 'not_done'", true),
            ("UPDATE indicator_values SET actual = COALESCE(actual, 0) + 1", true),
        ] {
            let (changed, every, years) = noted(conn, sql);
            assert!(changed > 0, "{sql} changed no row");
            // Reports, quarters and values concern their fiscal year only.
            assert_eq!(every, 0, "{sql}: noted for every year");
            if counted {
                assert!(years > 0, "{sql}: {changed} rows changed, no initiative noted");
            } else {
                assert_eq!(years, 0, "{sql}: {changed} rows changed nothing counted, yet {years} were noted");
            }
        }
        // Rows the write path counts itself, written inside `counted_by_writer`, are not noted;
        // once it is done, writes are noted again (the state change below).
        for sql in [
            "UPDATE annual_reports SET progress_status = 'on_track'",
            "UPDATE quarter_updates SET mark = 'done'",
            "UPDATE indicator_values SET actual = actual + 1 WHERE actual IS NOT NULL",
        ] {
            let (changed, every, years) =
                shinchoku::db::tally::counted_by_writer(conn, |conn| Ok::<_, diesel::result::Error>(noted(conn, sql)))?;
            assert!(changed > 0, "{sql} changed no row");
            assert_eq!((every, years), (0, 0), "{sql}: written by the write path, yet noted");
        }
        // A change of every report's state notes each report's initiative and year.
        let (_, every, years) = noted(conn, "UPDATE annual_reports SET workflow_state = 'returned'");
        assert_eq!((every, years), (0, with_reports));
        // What concerns every year of an initiative is noted for every year.
        let (changed, every, _) = noted(conn, "UPDATE initiatives SET active_to_fy = 2040");
        assert_eq!(every as usize, changed);
        Err(diesel::result::Error::RollbackTransaction)
    })
    .unwrap_err();
}
