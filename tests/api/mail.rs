//! Mail to people through a real SMTP conversation on loopback: notices of returns (with the
//! reason) and submissions gathered per user, reminders as one daily digest, opting out.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::json;
use shinchoku::ops::mail::{MailSettings, Mailer, Smtp, SmtpTls};
use shinchoku::web::auth::Role;

use crate::harness::TestApp;

/// A mail as the server received it, decoded.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: Vec<String>,
    pub subject: String,
    pub body: String,
    pub raw: String,
}

/// An SMTP server on loopback that keeps every message.
#[derive(Clone)]
pub struct SmtpServer {
    pub port: u16,
    pub mails: Arc<Mutex<Vec<Mail>>>,
}

/// `=?utf-8?b?…?=` words of a header, decoded and joined.
fn decode_header(value: &str) -> String {
    let mut out = String::new();
    for word in value.split_whitespace() {
        let lower = word.to_ascii_lowercase();
        if lower.starts_with("=?utf-8?b?") && word.ends_with("?=") {
            let bytes = base64::engine::general_purpose::STANDARD.decode(&word[10..word.len() - 2]).unwrap();
            out.push_str(&String::from_utf8(bytes).unwrap());
        } else {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

fn parse(raw: &str, to: Vec<String>) -> Mail {
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
    let mut headers: BTreeMap<String, String> = BTreeMap::new();
    let mut last = String::new();
    for line in head.split("\r\n") {
        if line.starts_with(' ') || line.starts_with('\t') {
            headers.entry(last.clone()).or_default().push_str(line);
        } else if let Some((k, v)) = line.split_once(':') {
            last = k.trim().to_ascii_lowercase();
            headers.insert(last.clone(), v.trim().to_string());
        }
    }
    assert_eq!(headers.get("content-transfer-encoding").map(String::as_str), Some("base64"), "{raw}");
    let joined: String = body.split_whitespace().collect();
    // Mail lines end in CRLF on the wire.
    let body = String::from_utf8(base64::engine::general_purpose::STANDARD.decode(joined).unwrap())
        .unwrap()
        .replace("\r\n", "\n");
    Mail {
        to,
        subject: decode_header(headers.get("subject").map(String::as_str).unwrap_or("")),
        body,
        raw: raw.to_string(),
    }
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let server = SmtpServer { port: listener.local_addr().unwrap().port(), mails: Default::default() };
        let mails = server.mails.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mails = mails.clone();
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut say = |s: &str| stream.write_all(format!("{s}\r\n").as_bytes()).is_ok();
                    say("220 localhost ESMTP test");
                    let mut to = Vec::new();
                    loop {
                        let mut line = String::new();
                        if reader.read_line(&mut line).unwrap_or(0) == 0 {
                            return;
                        }
                        let command = line.trim_end().to_ascii_uppercase();
                        if command.starts_with("EHLO") {
                            say("250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
                        } else if command.starts_with("RCPT TO:") {
                            to.push(
                                line.trim_end()[8..].trim_matches(|c| c == '<' || c == '>' || c == ' ').to_string(),
                            );
                            say("250 OK");
                        } else if command == "DATA" {
                            say("354 go on");
                            let mut raw = String::new();
                            loop {
                                let mut l = String::new();
                                if reader.read_line(&mut l).unwrap_or(0) == 0 || l == ".\r\n" {
                                    break;
                                }
                                raw.push_str(l.strip_prefix('.').filter(|_| l.starts_with("..")).unwrap_or(&l));
                            }
                            mails.lock().unwrap().push(parse(&raw, std::mem::take(&mut to)));
                            say("250 queued");
                        } else if command == "QUIT" {
                            say("221 bye");
                            return;
                        } else {
                            say("250 OK");
                        }
                    }
                });
            }
        });
        server
    }

    pub fn all(&self) -> Vec<Mail> {
        self.mails.lock().unwrap().clone()
    }

    pub fn wait_for(&self, n: usize, seconds: u64) -> Vec<Mail> {
        let until = Instant::now() + Duration::from_secs(seconds);
        while self.all().len() < n && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(20));
        }
        self.all()
    }
}

fn mailer(app: &TestApp, server: &SmtpServer, delay: Duration) -> shinchoku::ops::mail::Running {
    let settings = MailSettings {
        smtp: Some(Smtp {
            host: "127.0.0.1".into(),
            port: server.port,
            tls: SmtpTls::Opportunistic,
            credentials: None,
        }),
        from: "進捗管理 <no-reply@city.example.jp>".into(),
        frontend_url: Some("https://shinchoku.city.example.jp".into()),
        notice_delay: delay,
        poll: Duration::from_millis(100),
    };
    Mailer::new(app.pool.clone(), settings).spawn().expect("mail is on")
}

/// A user of `role` with an e-mail address.
fn user_with_mail(app: &TestApp, login: &str, role: Role, departments: &[&str], reminders: bool) -> String {
    let user = app.create_user(login, role, departments);
    let email = format!("{login}@city.example.jp");
    app.patch(&format!("/api/v1/users/{}", user.id), &json!({"email": email, "email_reminders": reminders}), None)
        .ok(200);
    email
}

struct World {
    plan: String,
    initiative: String,
    department: String,
}

fn world(app: &TestApp) -> World {
    let plan = app.import_fixture("regional-welfare-plan")["plan"]["id"].as_str().unwrap().to_string();
    app.patch(&format!("/api/v1/plans/{plan}"), &json!({"end_fy": 2024}), None).ok(200);
    let initiative = app.get(&format!("/api/v1/plans/{plan}/initiatives?limit=1")).ok(200)["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let department = app.get(&format!("/api/v1/initiatives/{initiative}")).ok(200)["departments"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    World { plan, initiative, department }
}

#[test]
fn returns_and_submissions_are_told_by_mail_gathered_per_person() {
    let app = TestApp::spawn();
    let server = SmtpServer::start();
    let w = world(&app);
    let clerk = user_with_mail(&app, "fukushi.tanaka", Role::Department, &[&w.department], true);
    let member = user_with_mail(&app, "iinkai.sato", Role::Committee, &[], true);
    let _mail = mailer(&app, &server, Duration::from_millis(1500));
    let year = format!("/api/v1/initiatives/{}/years/2023", w.initiative);
    app.send_as(Some(&app.token), "PUT", &year, &json!({"result_text": "実施した"})).ok(201);
    // Submitted, returned, submitted again, returned again: within the delay, one mail each.
    let reasons = ["成果の数値を追記してください", "単位を記入してください"];
    for reason in reasons {
        app.request("POST", &format!("{year}/submission"), &[], None).ok(200);
        let body = serde_json::to_vec(&json!({"reason": reason})).unwrap();
        app.request("POST", &format!("{year}/return"), &[("Content-Type", "application/json")], Some(&body)).ok(200);
    }
    let mails = server.wait_for(2, 20);
    std::thread::sleep(Duration::from_millis(1000));
    let mails_after = server.all();
    assert_eq!(
        mails_after.len(),
        2,
        "one mail per person: {:#?}",
        mails_after.iter().map(|m| (&m.to, &m.subject)).collect::<Vec<_>>()
    );
    let to_clerk = mails.iter().find(|m| m.to == [clerk.clone()]).expect("the department's mail");
    assert_eq!(to_clerk.subject, "【進捗管理】お知らせ 2件（差し戻された報告 2件）");
    for reason in reasons {
        assert!(to_clerk.body.contains(&format!("  差し戻しの理由: {reason}\n")), "{}", to_clerk.body);
    }
    assert!(to_clerk
        .body
        .contains(&format!("https://shinchoku.city.example.jp/initiatives/{}/years/2023", w.initiative)));
    assert!(to_clerk.body.contains("（令和5年度）"));
    assert!(to_clerk.raw.contains("From: =?utf-8?b?") || to_clerk.raw.contains("no-reply@city.example.jp"));
    let to_member = mails.iter().find(|m| m.to == [member.clone()]).expect("the committee's mail");
    assert_eq!(to_member.subject, "【進捗管理】お知らせ 2件（提出された報告（確認をお願いします） 2件）");
    println!("the notice mail:\nSubject: {}\n\n{}", to_clerk.subject, to_clerk.body);
}

#[test]
fn reminders_come_as_one_daily_digest_and_not_to_who_opted_out() {
    let app = TestApp::spawn();
    let server = SmtpServer::start();
    let w = world(&app);
    let clerk = user_with_mail(&app, "fukushi.tanaka", Role::Department, &[&w.department], true);
    user_with_mail(&app, "fukushi.suzuki", Role::Department, &[&w.department], false);
    let _mail = mailer(&app, &server, Duration::from_secs(60));
    let date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
    let due = shinchoku::ops::due::DueSettings { within_days: 7, ..Default::default() };
    let pass = shinchoku::ops::due::run(&app.pool, date("2024-05-24"), due).unwrap();
    assert!(pass.due_soon > 1);
    let mails = server.wait_for(1, 20);
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(server.all().len(), 1, "one digest, none for who opted out");
    let digest = &mails[0];
    assert_eq!(digest.to, [clerk]);
    let listed = digest.body.matches("\n・").count();
    assert!(listed > 1, "every report of the department in one mail: {}", digest.body);
    assert!(digest.subject.starts_with("【進捗管理】提出期限のお知らせ（提出期限が近い報告 "), "{}", digest.subject);
    assert!(digest.body.contains("  提出期限: 2024年5月31日\n"), "{}", digest.body);
    // The same day again: nothing new.
    shinchoku::ops::due::run(&app.pool, date("2024-05-25"), due).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(server.all().len(), 1);
    println!("the reminder mail ({listed} items):\nSubject: {}\n\n{}", digest.subject, digest.body);
    let _ = w.plan;
}
