//! Mail to people (docs/notifications.md): the worker that turns each user's queued mail items
//! into one plain-text Japanese mail — the reminders of a day as one digest, notices gathered
//! over `SHINCHOKU_NOTICE_DELAY_SECONDS` — and sends it over SMTP. Never one mail per item.

use std::collections::BTreeMap;
use std::time::Duration;

use diesel::prelude::*;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};
use serde_json::Value;
use uuid::Uuid;

use crate::db::schema::{mail_items, outbox_events, users};
use crate::db::{now, DbUuid, Pool};
use crate::error::{ApiError, ApiResult};

/// How mail is sent; mail is off without an SMTP server.
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// `SHINCHOKU_SMTP_URL` (with `SHINCHOKU_SMTP_USERNAME` / `_PASSWORD`).
    pub smtp: Option<Smtp>,
    /// `SHINCHOKU_MAIL_FROM`.
    pub from: String,
    /// `SHINCHOKU_FRONTEND_URL`: the base of links in mails (`{base}/initiatives/{id}/years/{fy}`).
    pub frontend_url: Option<String>,
    /// `SHINCHOKU_NOTICE_DELAY_SECONDS` (default 60): how long notices to one user are gathered.
    pub notice_delay: Duration,
    pub poll: Duration,
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            smtp: None,
            from: "Shinchoku <no-reply@localhost>".into(),
            frontend_url: None,
            notice_delay: Duration::from_secs(60),
            poll: Duration::from_secs(1),
        }
    }
}

/// Where and how to reach the SMTP server.
#[derive(Debug, Clone, PartialEq)]
pub struct Smtp {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    pub credentials: Option<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// `smtp://` : plain (STARTTLS when the server offers it).
    Opportunistic,
    /// `smtp://…?tls=required`: STARTTLS or nothing.
    Required,
    /// `smtps://`: TLS from the first byte.
    Implicit,
}

impl Smtp {
    /// Reads `smtp://host:port`, `smtp://…?tls=required`, `smtps://…`, with credentials in the URL
    /// or given apart (`username`, `password`, which win).
    pub fn parse(text: &str, username: Option<String>, password: Option<String>) -> Result<Smtp, String> {
        let url =
            url::Url::parse(text.trim()).map_err(|_| "must be a URL such as smtp://mail.example.jp:587".to_string())?;
        let query: BTreeMap<String, String> =
            url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
        let tls = match (url.scheme(), query.get("tls").map(String::as_str)) {
            ("smtps", _) => SmtpTls::Implicit,
            ("smtp", None | Some("opportunistic")) => SmtpTls::Opportunistic,
            ("smtp", Some("required")) => SmtpTls::Required,
            ("smtp", Some(other)) => return Err(format!("tls={other}: use tls=required (or nothing)")),
            (other, _) => return Err(format!("{other}:// is not smtp:// or smtps://")),
        };
        let host = url.host_str().filter(|h| !h.is_empty()).ok_or("must name a host")?.to_string();
        let port = url.port().unwrap_or(if tls == SmtpTls::Implicit { 465 } else { 25 });
        let decode = |s: &str| percent_decode(s);
        let user = username.or_else(|| (!url.username().is_empty()).then(|| decode(url.username())));
        let pass = password.or_else(|| url.password().map(decode));
        let credentials = match (user, pass) {
            (Some(u), Some(p)) => Some((u, p)),
            (None, None) => None,
            _ => return Err("give both a user name and a password, or neither".into()),
        };
        Ok(Smtp { host, port, tls, credentials })
    }

    fn transport(&self) -> Result<SmtpTransport, String> {
        let parameters = || TlsParameters::new(self.host.clone()).map_err(|e| e.to_string());
        let tls = match self.tls {
            SmtpTls::Opportunistic => Tls::Opportunistic(parameters()?),
            SmtpTls::Required => Tls::Required(parameters()?),
            SmtpTls::Implicit => Tls::Wrapper(parameters()?),
        };
        let mut builder = SmtpTransport::builder_dangerous(&self.host)
            .port(self.port)
            .tls(tls)
            .timeout(Some(Duration::from_secs(20)));
        if let Some((user, password)) = &self.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(builder.build())
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// One event a mail tells of: its type and its body as stored.
pub struct Told {
    pub event_type: String,
    pub body: Value,
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

/// `[code] title（令和5年度・7～9月）`.
fn item_line(data: &Value) -> String {
    let code = text(data, "initiative_code");
    let code = if code.is_empty() { String::new() } else { format!("[{code}] ") };
    let mut when = text(data, "fiscal_year_label");
    let quarter = text(data, "quarter_label");
    if !quarter.is_empty() {
        when = format!("{when}・{quarter}");
    }
    format!("{code}{}（{when}）", text(data, "initiative_title"))
}

fn link(frontend: Option<&str>, data: &Value) -> Option<String> {
    let base = frontend?.trim_end_matches('/');
    let initiative = data.get("initiative_id")?.as_str()?;
    let fy = data.get("fiscal_year")?.as_i64()?;
    Some(format!("{base}/initiatives/{initiative}/years/{fy}"))
}

/// The subject and plain-text body of one user's mail (pure).
pub fn compose(reminder: bool, name: &str, told: &[Told], frontend: Option<&str>) -> (String, String) {
    let heading = |t: &str| match t {
        "report.returned" => "差し戻された報告",
        "report.published" => "公開された報告",
        "report.submitted" => "提出された報告（確認をお願いします）",
        "report.overdue" => "提出期限を過ぎた報告",
        "report.due_soon" => "提出期限が近い報告",
        "quarter.overdue" => "提出期限を過ぎた四半期の進行管理",
        "quarter.due_soon" => "提出期限が近い四半期の進行管理",
        _ => "お知らせ",
    };
    let mut groups: BTreeMap<usize, (&str, Vec<&Told>)> = BTreeMap::new();
    let order = [
        "report.overdue",
        "quarter.overdue",
        "report.due_soon",
        "quarter.due_soon",
        "report.returned",
        "report.submitted",
        "report.published",
    ];
    for t in told {
        let rank = order.iter().position(|o| *o == t.event_type).unwrap_or(order.len());
        groups.entry(rank).or_insert((heading(&t.event_type), Vec::new())).1.push(t);
    }
    let counts: Vec<String> = groups.values().map(|(h, items)| format!("{h} {}件", items.len())).collect();
    let subject = if reminder {
        format!("【進捗管理】提出期限のお知らせ（{}）", counts.join("、"))
    } else {
        format!("【進捗管理】お知らせ {}件（{}）", told.len(), counts.join("、"))
    };
    let mut body = format!("{name} 様\n\n");
    body.push_str(if reminder {
        "提出期限が近い、または過ぎた報告があります。ご確認ください。\n"
    } else {
        "進捗管理システムからのお知らせです。\n"
    });
    for (h, items) in groups.values() {
        body.push_str(&format!("\n■ {h}（{}件）\n", items.len()));
        for t in items {
            let data = &t.body["data"];
            body.push_str(&format!("・{}\n", item_line(data)));
            if let Some(due) = data.get("due_on").and_then(Value::as_str) {
                let late = data.get("days_overdue").and_then(Value::as_i64).unwrap_or(0);
                let date = chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d")
                    .map(|d| d.format("%Y年%-m月%-d日").to_string())
                    .unwrap_or_else(|_| due.to_string());
                if late > 0 {
                    body.push_str(&format!("  提出期限: {date}（{late}日経過）\n"));
                } else {
                    body.push_str(&format!("  提出期限: {date}\n"));
                }
            }
            let reason = text(data, "return_reason");
            if !reason.is_empty() {
                body.push_str(&format!("  差し戻しの理由: {reason}\n"));
            }
            if let Some(url) = link(frontend, data) {
                body.push_str(&format!("  {url}\n"));
            }
        }
    }
    body.push_str("\n--\nこのメールは進捗管理システム（Shinchoku）から送信専用のアドレスで送っています。\n");
    if reminder {
        body.push_str("期限のお知らせが不要な場合は、ご自身の設定で配信を停止できます（事務局でも承ります）。\n");
    }
    (subject, body)
}

pub struct Mailer {
    pool: Pool,
    settings: MailSettings,
    sender: Uuid,
}

/// A running mail worker; dropping it stops it after its current pass.
pub struct Running(std::sync::Arc<std::sync::atomic::AtomicBool>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Mailer {
    pub fn new(pool: Pool, settings: MailSettings) -> Mailer {
        Mailer { pool, settings, sender: Uuid::now_v7() }
    }

    /// Starts the worker (nothing when no SMTP server is set).
    pub fn spawn(self) -> Option<Running> {
        self.settings.smtp.as_ref()?;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::Builder::new()
            .name("mail".into())
            .spawn(move || {
                while !stopped.load(std::sync::atomic::Ordering::Relaxed) {
                    if let Err(e) = self.pass() {
                        tracing::warn!(error = %e, "mail pass failed");
                    }
                    std::thread::sleep(self.settings.poll);
                }
            })
            .expect("the mail thread starts");
        Some(Running(stop))
    }

    /// Sends every user's mail that is due; returns how many mails were sent.
    pub fn pass(&self) -> ApiResult<usize> {
        let Some(smtp) = &self.settings.smtp else { return Ok(0) };
        let mut conn = self.pool.get()?;
        let at = now();
        let open: Vec<(DbUuid, String, chrono::NaiveDateTime)> = mail_items::table
            .filter(mail_items::sent_at.is_null())
            .filter(mail_items::claimed_until.is_null().or(mail_items::claimed_until.lt(at)))
            .select((mail_items::user_id, mail_items::kind, mail_items::created_at))
            .load(&mut conn)?;
        // Per user and kind, the oldest item: reminders go at once (the daily pass made them
        // together), notices once the oldest has waited the delay.
        let mut oldest: BTreeMap<(DbUuid, String), chrono::NaiveDateTime> = BTreeMap::new();
        for (user, kind, created) in open {
            let e = oldest.entry((user, kind)).or_insert(created);
            *e = (*e).min(created);
        }
        let delay = chrono::Duration::milliseconds(self.settings.notice_delay.as_millis() as i64);
        let transport = smtp.transport().map_err(ApiError::Internal)?;
        let mut sent = 0;
        for ((user, kind), first) in oldest {
            if kind == "notice" && first + delay > at {
                continue;
            }
            let lease = at + chrono::Duration::seconds(120);
            let mine = DbUuid(self.sender);
            let claimed = diesel::update(
                mail_items::table
                    .filter(mail_items::user_id.eq(user))
                    .filter(mail_items::kind.eq(&kind))
                    .filter(mail_items::sent_at.is_null())
                    .filter(mail_items::claimed_until.is_null().or(mail_items::claimed_until.lt(at))),
            )
            .set((mail_items::claimed_by.eq(Some(mine)), mail_items::claimed_until.eq(Some(lease))))
            .execute(&mut conn)?;
            if claimed == 0 {
                continue; // another instance took them
            }
            let rows: Vec<(String, String, String, Option<String>)> = mail_items::table
                .inner_join(outbox_events::table)
                .inner_join(users::table)
                .filter(mail_items::user_id.eq(user))
                .filter(mail_items::kind.eq(&kind))
                .filter(mail_items::claimed_by.eq(mine))
                .filter(mail_items::sent_at.is_null())
                .order(outbox_events::occurred_at)
                .select((outbox_events::event_type, outbox_events::payload, users::display_name, users::email))
                .load(&mut conn)?;
            let Some((_, _, name, Some(address))) = rows.first().cloned() else { continue };
            let told: Vec<Told> = rows
                .into_iter()
                .map(|(event_type, payload, _, _)| Told {
                    event_type,
                    body: serde_json::from_str(&payload).unwrap_or(Value::Null),
                })
                .collect();
            let (subject, body) = compose(kind == "reminder", &name, &told, self.settings.frontend_url.as_deref());
            let outcome = self.send(&transport, &name, &address, &subject, body);
            let mine_rows = mail_items::table
                .filter(mail_items::user_id.eq(user))
                .filter(mail_items::kind.eq(&kind))
                .filter(mail_items::claimed_by.eq(mine))
                .filter(mail_items::sent_at.is_null());
            match outcome {
                Ok(()) => {
                    sent += 1;
                    diesel::update(mine_rows).set(mail_items::sent_at.eq(Some(now()))).execute(&mut conn)?;
                }
                Err(error) => {
                    tracing::warn!(%error, "a mail could not be sent; trying again in a minute");
                    diesel::update(mine_rows)
                        .set((
                            mail_items::attempts.eq(mail_items::attempts + 1),
                            mail_items::last_error.eq(Some(error.chars().take(300).collect::<String>())),
                            mail_items::claimed_until.eq(Some(now() + chrono::Duration::seconds(60))),
                        ))
                        .execute(&mut conn)?;
                }
            }
        }
        Ok(sent)
    }

    fn send(
        &self,
        transport: &SmtpTransport,
        name: &str,
        address: &str,
        subject: &str,
        body: String,
    ) -> Result<(), String> {
        let from: Mailbox = self.settings.from.parse().map_err(|e| format!("SHINCHOKU_MAIL_FROM: {e}"))?;
        let to = Mailbox::new(Some(name.to_string()), address.parse().map_err(|e| format!("{e}"))?);
        // Base64 keeps every line of Japanese text intact through any relay.
        let part =
            SinglePart::builder().header(ContentType::TEXT_PLAIN).header(ContentTransferEncoding::Base64).body(body);
        let message =
            Message::builder().from(from).to(to).subject(subject).singlepart(part).map_err(|e| e.to_string())?;
        transport.send(&message).map(|_| ()).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn smtp_urls_name_the_server_its_tls_and_credentials() {
        let s = Smtp::parse("smtp://mail.example.jp:587?tls=required", None, None).unwrap();
        assert_eq!((s.host.as_str(), s.port, s.tls, s.credentials), ("mail.example.jp", 587, SmtpTls::Required, None));
        let s = Smtp::parse("smtps://user%40city:p%40ss@mail.example.jp", None, None).unwrap();
        assert_eq!((s.port, s.tls), (465, SmtpTls::Implicit));
        assert_eq!(s.credentials, Some(("user@city".into(), "p@ss".into())));
        let s = Smtp::parse("smtp://127.0.0.1:2525", Some("u".into()), Some("p".into())).unwrap();
        assert_eq!((s.port, s.tls, s.credentials), (2525, SmtpTls::Opportunistic, Some(("u".into(), "p".into()))));
        assert!(Smtp::parse("http://mail.example.jp", None, None).is_err());
        assert!(Smtp::parse("smtp://mail.example.jp?tls=maybe", None, None).is_err());
        assert!(Smtp::parse("smtp://mail.example.jp", Some("u".into()), None).is_err());
    }

    #[test]
    fn one_mail_lists_every_item_in_japanese() {
        let overdue = Told {
            event_type: "report.overdue".into(),
            body: json!({"type": "report.overdue", "data": {
                "initiative_id": "i1", "initiative_code": "9", "initiative_title": "担当職員の配置",
                "fiscal_year": 2023, "fiscal_year_label": "令和5年度", "due_on": "2024-05-31", "days_overdue": 3
            }}),
        };
        let soon = Told {
            event_type: "quarter.due_soon".into(),
            body: json!({"type": "quarter.due_soon", "data": {
                "initiative_id": "i2", "initiative_code": "①", "initiative_title": "入会説明会",
                "fiscal_year": 2024, "fiscal_year_label": "令和6年度", "quarter_label": "4～6月", "due_on": "2024-07-30", "days_overdue": 0
            }}),
        };
        let (subject, body) = compose(true, "田中 花子", &[soon, overdue], Some("https://shinchoku.city.example.jp/"));
        assert_eq!(
            subject,
            "【進捗管理】提出期限のお知らせ（提出期限を過ぎた報告 1件、提出期限が近い四半期の進行管理 1件）"
        );
        assert!(body.starts_with("田中 花子 様\n"), "{body}");
        assert!(body.find("■ 提出期限を過ぎた報告").unwrap() < body.find("■ 提出期限が近い").unwrap(), "late first");
        assert!(body.contains("・[9] 担当職員の配置（令和5年度）\n  提出期限: 2024年5月31日（3日経過）\n"), "{body}");
        assert!(body.contains("・[①] 入会説明会（令和6年度・4～6月）\n  提出期限: 2024年7月30日\n"), "{body}");
        assert!(body.contains("  https://shinchoku.city.example.jp/initiatives/i1/years/2023\n"), "{body}");
        let returned = Told {
            event_type: "report.returned".into(),
            body: json!({"data": {"initiative_title": "ガイドブック", "fiscal_year_label": "令和5年度", "return_reason": "数値を追記してください"}}),
        };
        let (subject, body) = compose(false, "佐藤", &[returned], None);
        assert_eq!(subject, "【進捗管理】お知らせ 1件（差し戻された報告 1件）");
        assert!(body.contains("・ガイドブック（令和5年度）\n  差し戻しの理由: 数値を追記してください\n"), "{body}");
        assert!(!body.contains("http"), "no link without a front end");
    }
}
