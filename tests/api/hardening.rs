//! Hostile and careless input: control characters, huge and deep bundles, lookalike logins,
//! ended sessions, demo accounts, headers. Each test would have caught one finding of the audit.

use serde_json::{json, Value};
use shinchoku::web::auth::Role;

use crate::harness::{TestApp, MAX_FAILURES};

fn sign_in(app: &TestApp, login: &str, password: &str) -> crate::harness::Resp {
    app.send_as(None, "POST", "/api/v1/auth/token", &json!({"login": login, "password": password}))
}

#[test]
fn control_characters_are_refused_in_every_kind_of_input() {
    let app = TestApp::spawn();
    let plan = app
        .post("/api/v1/plans", &json!({"title": "計画", "organization": "市", "start_fy": 2020, "end_fy": 2024, "level_labels": ["基本方針"]}))
        .ok(201);
    let plan_id = plan["id"].as_str().unwrap();
    let before = app.row_counts();
    let nul = "名\u{0}前";
    app.send_as(None, "POST", "/api/v1/auth/token", &json!({"login": "ad\u{0}min", "password": "x"}))
        .problem_at(422, "/login");
    app.post("/api/v1/departments", &json!({"name": nul, "kind": "city_department"})).problem_at(422, "/name");
    app.post(&format!("/api/v1/plans/{plan_id}/nodes"), &json!({"title": nul})).problem_at(422, "/title");
    app.patch(&format!("/api/v1/plans/{plan_id}"), &json!({"level_labels": ["基本\u{1b}方針"]}), None)
        .problem_at(422, "/level_labels/0");
    app.post(
        "/api/v1/users",
        &json!({"login": "sato", "display_name": nul, "password": "long enough password", "role": "committee"}),
    )
    .problem_at(422, "/display_name");
    app.post("/api/v1/api-tokens", &json!({"name": "token\u{7}", "scopes": ["read"]})).problem_at(422, "/name");
    // Keys are named too, and C1 controls count.
    app.post("/api/v1/departments", &json!({"name": "課", "kind": "city_department", "x\u{85}y": 1})).problem(422);
    // Query parameters: 400 naming the parameter, before any handler runs.
    app.get("/api/v1/audit-events?entity_type=plan%00").problem_at(400, "/query/entity_type");
    app.get(&format!("/api/v1/plans/{plan_id}/initiatives?cursor=%01")).problem_at(400, "/query/cursor");
    // Bundles (parsed without a generic tree) name the field as well.
    let mut bundle: Value = serde_json::from_str(&crate::harness::fixture("silver-center-basic-plan")).unwrap();
    bundle["nodes"][2]["title"] = json!(nul);
    let r = app.request(
        "POST",
        "/api/v1/plan-bundles",
        &[("Content-Type", "application/json")],
        Some(bundle.to_string().as_bytes()),
    );
    r.problem_at(422, "/nodes/2/title");
    assert_eq!(app.row_counts(), before, "nothing was written");
    // Tabs and line breaks are text, not control characters to refuse.
    app.post(
        &format!("/api/v1/plans/{plan_id}/nodes"),
        &json!({"title": "見出し", "objective": "一行目\n\t二行目\r\n"}),
    )
    .ok(201);
}

fn resident_set_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_huge_bundle_from_a_reader_is_refused_unread() {
    let app = TestApp::spawn();
    let committee = app.create_user("iinkai", Role::Committee, &[]);
    // Just under the test server's 4 MiB bundle limit: one array of two million numbers.
    let mut huge = String::from("{\"nodes\": [");
    huge.push_str(&"0,".repeat(2_000_000));
    huge.push_str("0]}");
    let rss_before = resident_set_kib();
    let responses = app.concurrently(3, |app, _| {
        app.request_as(
            Some(&committee.token),
            "POST",
            "/api/v1/plan-bundles",
            &[("Content-Type", "application/json")],
            Some(huge.as_bytes()),
        )
    });
    for r in &responses {
        r.problem(403);
    }
    let grown_mib = resident_set_kib().saturating_sub(rss_before) / 1024;
    // The bodies alone are 12 MiB in the test's own buffers; a parsed tree of them would be gigabytes.
    assert!(grown_mib < 64, "memory grew by {grown_mib} MiB");
    // An invalid token is 401 whatever its body.
    app.request_as(
        Some("not-a-token"),
        "POST",
        "/api/v1/plan-bundles",
        &[("Content-Type", "application/json")],
        Some(huge.as_bytes()),
    )
    .problem(401);
}

#[test]
fn bundle_collections_are_bounded_while_parsing() {
    let app = TestApp::spawn();
    let mut nodes = String::new();
    for i in 0..10_001 {
        nodes.push_str(&format!("{{\"key\":\"{i}\",\"title\":\"t\"}},"));
    }
    nodes.pop();
    let body = format!(
        "{{\"plan\": {{\"title\": \"計画\", \"organization\": \"市\", \"level_labels\": [\"a\"]}}, \"nodes\": [{nodes}]}}"
    );
    let r = app.request("POST", "/api/v1/plan-bundles", &[("Content-Type", "application/json")], Some(body.as_bytes()));
    let p = r.problem_at(422, "/nodes");
    assert!(p["errors"][0]["message"].as_str().unwrap().contains("at most 10000"), "{p}");
}

#[test]
fn hierarchies_deeper_than_ten_levels_are_refused() {
    let app = TestApp::spawn();
    let before = app.row_counts();
    let chain = |depth: usize| -> Value {
        let nodes: Vec<Value> = (0..depth)
            .map(|i| json!({"key": format!("n{i}"), "parent_key": if i == 0 { Value::Null } else { json!(format!("n{}", i - 1)) }, "title": format!("段{i}")}))
            .collect();
        json!({"plan": {"title": "深い計画", "organization": "市", "start_fy": 2020, "end_fy": 2024, "level_labels": ["a"]}, "nodes": nodes})
    };
    let send = |bundle: &Value| {
        app.request(
            "POST",
            "/api/v1/plan-bundles",
            &[("Content-Type", "application/json")],
            Some(bundle.to_string().as_bytes()),
        )
    };
    send(&chain(4000)).problem_at(422, "/nodes/10/parent_key");
    send(&chain(11)).problem_at(422, "/nodes/10/parent_key");
    assert_eq!(app.row_counts(), before);
    let imported = send(&chain(10)).ok(201);
    let plan_id = imported["plan"]["id"].as_str().unwrap();
    let nodes = app.get(&format!("/api/v1/plans/{plan_id}/nodes?limit=500")).ok(200);
    let deepest = nodes["items"].as_array().unwrap().iter().find(|n| n["level"] == 10).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let top = nodes["items"].as_array().unwrap().iter().find(|n| n["level"] == 1).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Through the API: no child below level 10, and no move that pushes a subtree past it.
    app.post(&format!("/api/v1/plans/{plan_id}/nodes"), &json!({"title": "十一段", "parent_id": deepest}))
        .problem_at(422, "/parent_id");
    let other = app.post(&format!("/api/v1/plans/{plan_id}/nodes"), &json!({"title": "別の柱"})).ok(201);
    app.patch(&format!("/api/v1/plans/{plan_id}/nodes/{top}"), &json!({"parent_id": other["id"]}), None)
        .problem_at(422, "/parent_id");
}

#[test]
fn lookalike_logins_are_one_login() {
    let app = TestApp::spawn();
    let user = app.create_user("Yamada", Role::Committee, &[]);
    // Stored normalized; every spelling signs in.
    assert_eq!(app.get(&format!("/api/v1/users/{}", user.id)).ok(200)["login"], "yamada");
    for spelling in ["yamada", "YAMADA", "ｙａｍａｄａ", "\u{feff}yamada", " yamada\u{200b}"] {
        sign_in(&app, spelling, &user.password).ok(200);
    }
    // One user per login, whatever the spelling.
    app.post(
        "/api/v1/users",
        &json!({"login": "YAMADA", "display_name": "別人", "password": "long enough password", "role": "committee"}),
    )
    .problem(409);
    // And one failure count: lookalikes do not buy fresh guesses.
    for i in 0..MAX_FAILURES {
        let spelling = ["yamada", "\u{feff}yamada", "ＹＡＭＡＤＡ"][i as usize % 3];
        sign_in(&app, spelling, "wrong password 123").problem(401);
    }
    sign_in(&app, "\u{feff}Yamada\u{200d}", &user.password).problem(429);
}

#[test]
fn new_passwords_and_deactivation_end_every_session_for_good() {
    let app = TestApp::spawn();
    let user = app.create_user("kato", Role::Committee, &[]);
    let signed_in = sign_in(&app, "kato", &user.password).ok(200);
    let access = signed_in["access_token"].as_str().unwrap().to_string();
    let api_token = app
        .send_as(Some(&access), "POST", "/api/v1/api-tokens", &json!({"name": "script", "scopes": ["read"]}))
        .ok(201)["token"]
        .as_str()
        .unwrap()
        .to_string();
    app.request_as(Some(&api_token), "GET", "/api/v1/me", &[], None).ok(200);
    app.patch(&format!("/api/v1/users/{}", user.id), &json!({"password": "a brand new password"}), None).ok(200);
    // Access token, API token and refresh token: all ended.
    app.request_as(Some(&access), "GET", "/api/v1/me", &[], None).problem(401);
    app.request_as(Some(&api_token), "GET", "/api/v1/me", &[], None).problem(401);
    app.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": signed_in["refresh_token"]}))
        .problem(401);
    // A sign-in right after (even within the same second) works.
    let fresh = sign_in(&app, "kato", "a brand new password").ok(200);
    let fresh_access = fresh["access_token"].as_str().unwrap().to_string();
    app.request_as(Some(&fresh_access), "GET", "/api/v1/me", &[], None).ok(200);
    // Deactivating and reactivating revives nothing.
    app.patch(&format!("/api/v1/users/{}", user.id), &json!({"active": false}), None).ok(200);
    app.patch(&format!("/api/v1/users/{}", user.id), &json!({"active": true}), None).ok(200);
    app.request_as(Some(&fresh_access), "GET", "/api/v1/me", &[], None).problem(401);
    app.request_as(Some(&api_token), "GET", "/api/v1/me", &[], None).problem(401);
}

#[test]
fn demo_users_with_published_passwords_are_found_and_disabled() {
    let app = TestApp::spawn();
    app.import_fixture("regional-welfare-plan");
    let mut conn = app.conn();
    shinchoku::ops::demo::ensure_users(&mut conn).unwrap();
    // The test server's own admin is called `admin`, so the demo's admin is not created here.
    let exposed = shinchoku::ops::demo::users_with_published_passwords(&mut conn).unwrap();
    assert_eq!(exposed, ["fukushi", "shakyo", "iinkai"], "{exposed:?}");
    // A demo user whose password was changed no longer counts.
    let fukushi = app.get("/api/v1/users?limit=500").ok(200)["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["login"] == "fukushi")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.patch(&format!("/api/v1/users/{fukushi}"), &json!({"password": "a private password now"}), None).ok(200);
    assert_eq!(shinchoku::ops::demo::users_with_published_passwords(&mut conn).unwrap().len(), 2);
    let disabled = shinchoku::ops::demo::disable_users(&mut conn).unwrap();
    assert_eq!(disabled.len(), 3);
    assert!(shinchoku::ops::demo::users_with_published_passwords(&mut conn).unwrap().is_empty());
    sign_in(&app, "iinkai", "demo-committee-password").problem(401);
}

#[test]
fn responses_carry_protective_headers() {
    let app = TestApp::spawn();
    let r = app.get("/api/v1/departments");
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let user = app.create_user("ito", Role::Committee, &[]);
    let r = sign_in(&app, "ito", &user.password);
    r.ok(200);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let docs = app.raw("GET", "/docs/", &[], None);
    assert!(docs.header("content-security-policy").unwrap().contains("frame-ancestors 'none'"));
    // HEAD wherever GET is: the headers, no body.
    let head = app.request("HEAD", "/api/v1/departments", &[], None);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(app.raw("HEAD", "/healthz", &[], None).status, 200);
    // A compressed body is not read as if it were plain.
    app.request(
        "POST",
        "/api/v1/departments",
        &[("Content-Type", "application/json"), ("Content-Encoding", "br")],
        Some(b"\x1b\x00\x00"),
    )
    .problem(415);
    // Request ids: a sane one is kept, anything else replaced.
    let kept = app.raw("GET", "/healthz", &[("X-Request-Id", "portal-42")], None);
    assert_eq!(kept.header("x-request-id"), Some("portal-42"));
    let long = "x".repeat(65);
    for bad in [long.as_str(), "a b", "a\"b", "<script>"] {
        let r = app.raw("GET", "/healthz", &[("X-Request-Id", bad)], None);
        assert_ne!(r.header("x-request-id"), Some(bad));
    }
}

#[test]
fn conflicts_do_not_reveal_sql_names() {
    let app = TestApp::spawn();
    // Eight creations of one name at once: the database's unique index decides the losers.
    let responses = app.concurrently(8, |app, _| {
        app.post("/api/v1/departments", &json!({"name": "同名課", "kind": "city_department"}))
    });
    assert_eq!(responses.iter().filter(|r| r.status == 201).count(), 1);
    for r in responses.iter().filter(|r| r.status != 201) {
        let p = r.problem(409);
        let detail = p["detail"].as_str().unwrap();
        for leak in ["departments_name", "constraint", "_key", "violates", "UNIQUE"] {
            assert!(!detail.contains(leak), "{detail}");
        }
    }
}
