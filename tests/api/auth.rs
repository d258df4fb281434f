//! Signing in, refresh-token rotation, sign-out, login throttling, and every way a JWT can be wrong.

use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};
use shinchoku::web::auth::Role;

use crate::harness::{TestApp, AUDIENCE, BLOCK_SECONDS, ISSUER, MAX_FAILURES, SECRET};

fn sign_in(app: &TestApp, login: &str, password: &str) -> crate::harness::Resp {
    app.send_as(None, "POST", "/api/v1/auth/token", &json!({"login": login, "password": password}))
}

#[test]
fn sign_in_refresh_and_sign_out() {
    let app = TestApp::spawn();
    let user = app.create_user("fukushi", Role::Committee, &[]);
    let tokens = sign_in(&app, "fukushi", &user.password).ok(200);
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 900);
    let access = tokens["access_token"].as_str().unwrap();
    let refresh = tokens["refresh_token"].as_str().unwrap().to_string();
    let me = app.request_as(Some(access), "GET", "/api/v1/me", &[], None).ok(200);
    assert_eq!(me["user"]["login"], "fukushi");
    assert_eq!(me["user"]["role_label"], "推進委員会");
    assert_eq!(me["authenticated_by"], "jwt");
    assert!(me["user"].get("password").is_none() && me["user"].get("password_hash").is_none());

    // Rotation: the new refresh token works, the old one is spent.
    let rotated = app.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": refresh})).ok(200);
    let second = rotated["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(second, refresh);
    // Reusing the spent token is refused, and revokes the whole sign-in (the new token too).
    app.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": refresh})).problem(401);
    app.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": second})).problem(401);

    // Sign out revokes the refresh token.
    let third = sign_in(&app, "fukushi", &user.password).ok(200)["refresh_token"].as_str().unwrap().to_string();
    app.send_as(None, "POST", "/api/v1/auth/logout", &json!({"refresh_token": third})).ok(204);
    app.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": third})).problem(401);
    app.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": "shr_unknown"})).problem(401);
}

#[test]
fn wrong_credentials_and_deactivated_users() {
    let app = TestApp::spawn();
    let user = app.create_user("kenko", Role::Committee, &[]);
    let r = sign_in(&app, "kenko", "wrong password!!");
    r.problem(401);
    assert!(r.header("www-authenticate").unwrap().starts_with("Bearer"));
    sign_in(&app, "nobody", "whatever-password").problem(401);
    sign_in(&app, "", "x").problem_at(422, "/login");

    // Deactivation stops the access token, the refresh token and further sign-ins at once.
    let tokens = sign_in(&app, "kenko", &user.password).ok(200);
    app.patch(&format!("/api/v1/users/{}", user.id), &json!({"active": false}), None).ok(200);
    app.request_as(Some(&user.token), "GET", "/api/v1/me", &[], None).problem(401);
    app.send_as(None, "POST", "/api/v1/auth/refresh", &json!({"refresh_token": tokens["refresh_token"]})).problem(401);
    sign_in(&app, "kenko", &user.password).problem(401);
}

#[test]
fn failed_logins_are_throttled_and_the_block_lifts() {
    let app = TestApp::spawn();
    let user = app.create_user("hoiku", Role::Committee, &[]);
    for _ in 0..MAX_FAILURES {
        sign_in(&app, "hoiku", "not-the-password").problem(401);
    }
    // Blocked: even the right password is refused, with Retry-After.
    let blocked = sign_in(&app, "hoiku", &user.password);
    blocked.problem(429);
    let retry: u64 = blocked.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=BLOCK_SECONDS as u64).contains(&retry));
    // Another account from the same address is not affected.
    let other = app.create_user("other", Role::Committee, &[]);
    sign_in(&app, "other", &other.password).ok(200);
    std::thread::sleep(std::time::Duration::from_secs(BLOCK_SECONDS as u64 + 1));
    sign_in(&app, "hoiku", &user.password).ok(200);
}

fn claims(app: &TestApp) -> Value {
    let now = chrono::Utc::now().timestamp();
    json!({"sub": app.admin_id, "role": "admin", "iat": now, "nbf": now, "exp": now + 600, "iss": ISSUER, "aud": AUDIENCE, "jti": "t"})
}

fn forge(claims: &Value, alg: Algorithm, secret: &[u8]) -> String {
    encode(&Header::new(alg), claims, &EncodingKey::from_secret(secret)).unwrap()
}

fn b64(v: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v)
}

#[test]
fn bad_jwts_are_refused() {
    let app = TestApp::spawn();
    let get = |token: &str| app.request_as(Some(token), "GET", "/api/v1/me", &[], None);
    // The control: a well-formed token passes.
    get(&forge(&claims(&app), Algorithm::HS256, SECRET)).ok(200);

    let mut cases: Vec<(&str, String)> = Vec::new();
    // alg: none, unsigned.
    let payload = b64(claims(&app).to_string().as_bytes());
    cases.push(("alg none", format!("{}.{payload}.", b64(br#"{"alg":"none","typ":"JWT"}"#))));
    cases.push(("another algorithm", forge(&claims(&app), Algorithm::HS512, SECRET)));
    cases.push(("wrong key", forge(&claims(&app), Algorithm::HS256, b"another-secret-of-enough-length-0123456789")));
    let now = chrono::Utc::now().timestamp();
    let mut c = claims(&app);
    c["exp"] = json!(now - 3600);
    c["iat"] = json!(now - 7200);
    c["nbf"] = json!(now - 7200);
    cases.push(("expired", forge(&c, Algorithm::HS256, SECRET)));
    let mut c = claims(&app);
    c["nbf"] = json!(now + 3600);
    c["exp"] = json!(now + 7200);
    cases.push(("not yet valid", forge(&c, Algorithm::HS256, SECRET)));
    let mut c = claims(&app);
    c["aud"] = json!("another-service");
    cases.push(("wrong aud", forge(&c, Algorithm::HS256, SECRET)));
    let mut c = claims(&app);
    c["iss"] = json!("someone-else");
    cases.push(("wrong iss", forge(&c, Algorithm::HS256, SECRET)));
    for claim in ["exp", "iat", "nbf", "iss", "aud", "sub"] {
        let mut c = claims(&app);
        c.as_object_mut().unwrap().remove(claim);
        cases.push((claim, forge(&c, Algorithm::HS256, SECRET)));
    }
    // Tampered payload: a committee member's token re-labelled admin, signature kept.
    let committee = app.create_user("iinkai", Role::Committee, &[]);
    let parts: Vec<&str> = committee.token.split('.').collect();
    let mut payload: Value = {
        use base64::Engine;
        serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap()
    };
    payload["sub"] = json!(app.admin_id);
    cases.push(("tampered payload", format!("{}.{}.{}", parts[0], b64(payload.to_string().as_bytes()), parts[2])));
    let mut c = claims(&app);
    c["sub"] = json!("01930000-0000-7000-8000-000000000000");
    cases.push(("unknown user", forge(&c, Algorithm::HS256, SECRET)));
    cases.push(("garbage", "not.a.jwt".to_string()));

    for (name, token) in cases {
        let r = get(&token);
        assert_eq!(r.status, 401, "{name}: {}", r.body);
        r.problem(401);
        assert!(r.header("www-authenticate").is_some_and(|h| h.starts_with("Bearer realm=\"shinchoku\"")), "{name}");
    }
    // No credentials: a challenge without an error code (RFC 6750 §3); another scheme is invalid.
    let anonymous = app.request_as(None, "GET", "/api/v1/plans", &[], None);
    anonymous.problem(401);
    assert_eq!(anonymous.header("www-authenticate"), Some("Bearer realm=\"shinchoku\""));
    app.request_as(None, "GET", "/api/v1/plans", &[("Authorization", "Basic YWRtaW46eA==")], None).problem(401);
}

#[test]
fn cors_allows_the_configured_origin_only() {
    let app = TestApp::spawn();
    let preflight = app.request_as(
        None,
        "OPTIONS",
        "/api/v1/plans",
        &[
            ("Origin", "https://portal.example.jp"),
            ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "authorization"),
        ],
        None,
    );
    assert_eq!(preflight.status, 200, "{}", preflight.body);
    assert_eq!(preflight.header("access-control-allow-origin"), Some("https://portal.example.jp"));
    let ok = app.request("GET", "/api/v1/plans", &[("Origin", "https://portal.example.jp")], None);
    assert_eq!(ok.header("access-control-allow-origin"), Some("https://portal.example.jp"));
    let other = app.request("GET", "/api/v1/plans", &[("Origin", "https://evil.example.com")], None);
    assert!(other.header("access-control-allow-origin").is_none());
}
