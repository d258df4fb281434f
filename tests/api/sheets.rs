//! The progress sheet out and in: round trips of both fixtures in XLSX and CSV (UTF-8 and
//! Shift_JIS), edits written through the batch, errors named by row and column, unknown and
//! missing columns, CP932 characters.

use serde_json::json;
use shinchoku::web::auth::Role;

use crate::harness::{Resp, TestApp};

pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub(crate) fn export(app: &TestApp, token: &str, plan: &str, query: &str) -> Resp {
    let r = app.request_as(Some(token), "GET", &format!("/api/v1/plans/{plan}/progress-sheet?{query}"), &[], None);
    assert_eq!(r.status, 200, "{}", r.body);
    r
}

/// The body as bytes (the harness reads bodies as text; sheets are binary).
pub(crate) fn export_bytes(app: &TestApp, plan: &str, query: &str) -> Vec<u8> {
    let response = ureq::get(&format!("{}/api/v1/plans/{plan}/progress-sheet?{query}", app.base))
        .set("Authorization", &format!("Bearer {}", app.token))
        .call()
        .unwrap();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut response.into_reader(), &mut bytes).unwrap();
    bytes
}

pub(crate) fn upload(app: &TestApp, token: &str, plan: &str, query: &str, content_type: &str, body: &[u8]) -> Resp {
    app.request_as(
        Some(token),
        "POST",
        &format!("/api/v1/plans/{plan}/progress-sheet?{query}"),
        &[("Content-Type", content_type)],
        Some(body),
    )
}

pub(crate) fn plan_of(app: &TestApp, fixture: &str) -> String {
    app.import_fixture(fixture)["plan"]["id"].as_str().unwrap().to_string()
}

pub(crate) fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

pub(crate) fn write_csv(rows: &[Vec<String>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

pub(crate) fn column(rows: &[Vec<String>], header: &str) -> usize {
    rows[0].iter().position(|h| h == header).unwrap_or_else(|| panic!("no column {header}: {:?}", rows[0]))
}

#[test]
fn exported_sheets_round_trip_unchanged_in_every_format() {
    let app = TestApp::spawn();
    for (fixture, fy) in [("regional-welfare-plan", 2022), ("silver-center-basic-plan", 2021)] {
        let plan = plan_of(&app, fixture);
        let before = app.row_counts();
        for (query, content_type) in [
            (format!("fiscal_year={fy}&format=csv"), "text/csv"),
            (format!("fiscal_year={fy}&format=csv&encoding=shift_jis"), "text/csv"),
            (format!("fiscal_year={fy}&format=xlsx"), XLSX),
        ] {
            let bytes = export_bytes(&app, &plan, &query);
            let r = upload(&app, &app.token, &plan, &format!("fiscal_year={fy}"), content_type, &bytes).ok(200);
            assert_eq!((r["created"].as_u64(), r["updated"].as_u64()), (Some(0), Some(0)), "{fixture} {query}: {r}");
            assert_eq!(r["unknown_columns"], json!([]), "{r}");
            assert_eq!(r["missing_columns"], json!([]), "{r}");
            assert!(r["rows"].as_u64().unwrap() > 40, "{r}");
        }
        assert_eq!(app.row_counts(), before, "{fixture}: an unchanged sheet writes nothing");
    }
}

#[test]
fn the_sheet_is_laid_out_as_the_seeds_are() {
    let app = TestApp::spawn();
    let plan = plan_of(&app, "regional-welfare-plan");
    let r = export(&app, &app.token, &plan, "fiscal_year=2022&format=csv");
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(r.header("content-disposition").unwrap().contains("filename*=UTF-8''"));
    let text = r.body.strip_prefix('\u{feff}').expect("UTF-8 with BOM");
    let rows = csv_rows(text);
    for header in [
        "基本方針",
        "施策の方向",
        "事業",
        "No.",
        "取組",
        "担当課",
        "年度計画",
        "実績",
        "課題",
        "今後の方向性",
        "進捗状況",
        "自己評価",
        "委員会評価",
        "委員会意見",
        "状態",
        "指標1 目標値（令和4年度）",
        "指標1 実績値（令和4年度）",
    ] {
        column(&rows, header);
    }
    // 48 initiatives, each cross-listed one again under its other nodes (※再掲).
    let relisted = column(&rows, "再掲");
    let primary = rows[1..].iter().filter(|r| r[relisted].is_empty()).count();
    assert_eq!(primary, 48);
    assert!(rows[1..].iter().any(|r| r[relisted] == "※再掲"));
    // Initiative 1: its hierarchy with codes, its department, its indicator as printed.
    let key = column(&rows, "キー");
    let one = rows.iter().find(|r| r[key] == "1").unwrap();
    assert!(one[column(&rows, "基本方針")].contains(' '), "code and title: {one:?}");
    assert!(!one[column(&rows, "事業")].is_empty(), "{one:?}");
    assert_eq!(one[column(&rows, "担当課")], "社会福祉課");
    assert_eq!(one[column(&rows, "状態")], "公開");
    assert_eq!(one[column(&rows, "指標1")], "発行部数");
    // The silver centre's quarters.
    let plan = plan_of(&app, "silver-center-basic-plan");
    let r = export(&app, &app.token, &plan, "fiscal_year=2021&format=csv");
    let rows = csv_rows(r.body.strip_prefix('\u{feff}').unwrap());
    let marks = column(&rows, "4～6月 進捗");
    assert!(rows[1..].iter().filter(|r| r[marks] == "○").count() >= 60);
    column(&rows, "1～3月 実績");
    // By Accept, and a workbook by default.
    let r = app.request(
        "GET",
        &format!("/api/v1/plans/{plan}/progress-sheet?fiscal_year=2021"),
        &[("Accept", "text/csv")],
        None,
    );
    assert!(r.header("content-type").unwrap().starts_with("text/csv"));
    let r = app.request("GET", &format!("/api/v1/plans/{plan}/progress-sheet?fiscal_year=2021"), &[], None);
    assert_eq!(r.header("content-type"), Some(XLSX));
    // A year outside the plan.
    app.get(&format!("/api/v1/plans/{plan}/progress-sheet?fiscal_year=2030")).problem_at(422, "/query/fiscal_year");
}

#[test]
fn an_edited_sheet_is_written_through_the_batch_dry_run_first() {
    let app = TestApp::spawn();
    let plan = plan_of(&app, "silver-center-basic-plan");
    // FY2022: no reports yet; the 総務 department fills its quarter.
    let departments = app.get("/api/v1/departments?limit=500").ok(200);
    let soumu = departments["items"].as_array().unwrap().iter().find(|d| d["name"] == "総務").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let user = app.create_user("soumu", Role::Department, &[&soumu]);
    let r = export(&app, &user.token, &plan, "fiscal_year=2022&format=csv&encoding=shift_jis");
    assert_eq!(r.header("content-type"), Some("text/csv; charset=shift_jis"));
    let bytes = export_bytes(&app, &plan, "fiscal_year=2022&format=csv&encoding=shift_jis");
    let (text, _, errors) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!errors);
    let mut rows = csv_rows(&text);
    let (key, result, mark, departments) =
        (column(&rows, "キー"), column(&rows, "4～6月 実績"), column(&rows, "4～6月 進捗"), column(&rows, "担当課"));
    let row = rows.iter().position(|r| r[key] == "1-1-1").unwrap();
    assert_eq!(rows[row][departments], "総務");
    // CP932 characters: 髙 (IBM extension) and ① (NEC special).
    rows[row][result] = "髙橋さんと協議 ①".to_string();
    rows[row][mark] = "〇".to_string();
    let csv = write_csv(&rows);
    let (sjis, _, lossy) = encoding_rs::SHIFT_JIS.encode(&csv);
    assert!(!lossy);
    let before = app.row_counts();
    let dry = upload(&app, &user.token, &plan, "fiscal_year=2022&dry_run=true", "text/csv", &sjis).ok(200);
    assert_eq!((dry["dry_run"].as_bool(), dry["created"].as_u64()), (Some(true), Some(1)), "{dry}");
    assert_eq!(dry["items"][0]["row"], row + 1);
    assert_eq!(app.row_counts(), before);
    let real = upload(&app, &user.token, &plan, "fiscal_year=2022", "text/csv; charset=Shift_JIS", &sjis).ok(200);
    assert_eq!(real["created"], 1);
    let initiative = real["items"][0]["initiative_id"].as_str().unwrap();
    let report = app.get(&format!("/api/v1/initiatives/{initiative}/years/2022")).ok(200);
    assert_eq!(report["quarters"][0]["result_text"], "髙橋さんと協議 ①");
    assert_eq!(report["quarters"][0]["mark"], "done");
    // Uploaded again: nothing changes.
    let again = upload(&app, &user.token, &plan, "fiscal_year=2022", "text/csv", &sjis).ok(200);
    assert_eq!((again["created"].as_u64(), again["updated"].as_u64()), (Some(0), Some(0)));

    // A row of another department's initiative: the whole upload is refused, naming the row.
    let other = rows.iter().skip(1).position(|r| r[departments] != "総務" && !r[departments].is_empty()).unwrap() + 1;
    rows[other][result] = "よその取組".to_string();
    let csv = write_csv(&rows);
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&csv);
    let before = app.row_counts();
    let p = upload(&app, &user.token, &plan, "fiscal_year=2022", "text/csv", &sjis).problem(403);
    assert_eq!(p["errors"][0]["row"], other + 1, "{p}");
    assert_eq!(app.row_counts(), before);
}

#[test]
fn bad_cells_and_odd_columns_get_a_clear_report() {
    let app = TestApp::spawn();
    let plan = plan_of(&app, "regional-welfare-plan");
    // FY2023 (no reports yet) so that edits are allowed.
    app.patch(&format!("/api/v1/plans/{plan}"), &json!({"end_fy": 2024}), None);
    let text = export(&app, &app.token, &plan, "fiscal_year=2023&format=csv").body;
    let mut rows = csv_rows(text.strip_prefix('\u{feff}').unwrap());
    let (key, progress, actual, result) = (
        column(&rows, "キー"),
        column(&rows, "進捗状況"),
        column(&rows, "指標1 実績値（令和5年度）"),
        column(&rows, "実績"),
    );
    let first = rows.iter().position(|r| r[key] == "1").unwrap();
    let third = rows.iter().position(|r| r[key] == "3").unwrap();
    rows[first][progress] = "たぶん順調".to_string();
    rows[third][actual] = "12 書面会議".to_string();
    let before = app.row_counts();
    let p = upload(&app, &app.token, &plan, "fiscal_year=2023", "text/csv", write_csv(&rows).as_bytes()).problem(422);
    let errors = p["errors"].as_array().unwrap();
    let at = |row: usize, column: &str| errors.iter().any(|e| e["row"] == row + 1 && e["column"] == column);
    assert!(at(first, "進捗状況"), "{p}");
    assert!(at(third, "指標1 実績値（令和5年度）"), "{p}");
    assert!(errors
        .iter()
        .any(|e| e["message"].as_str().unwrap().starts_with(&format!("行 {}, 列 進捗状況", first + 1))));
    assert!(errors.iter().all(|e| e["field"].as_str().unwrap().starts_with("/items/")), "{p}");
    // A rule of the domain, found by the batch: a grade not on the scale.
    rows[first][progress] = "順調に進んだ".to_string();
    rows[third][actual] = "12".to_string();
    let self_rating = column(&rows, "自己評価");
    rows[first][self_rating] = "Z".to_string();
    let p = upload(&app, &app.token, &plan, "fiscal_year=2023", "text/csv", write_csv(&rows).as_bytes()).problem(422);
    assert_eq!(p["errors"][0]["row"], first + 1, "{p}");
    assert_eq!(p["errors"][0]["column"], "自己評価");
    assert_eq!(app.row_counts(), before, "nothing of a rejected sheet is written");
    rows[first][self_rating] = "A".to_string();

    // An extra column and a missing one: listed; the rest is imported.
    rows[0].push("備考".to_string());
    for r in rows.iter_mut().skip(1) {
        r.push("メモ".to_string());
    }
    let opinion = column(&rows, "委員会意見");
    for r in rows.iter_mut() {
        r.remove(opinion);
    }
    rows[first][result] = "実績を入力".to_string();
    let r = upload(&app, &app.token, &plan, "fiscal_year=2023", "text/csv", write_csv(&rows).as_bytes()).ok(200);
    assert_eq!(r["unknown_columns"], json!(["備考"]));
    assert_eq!(r["missing_columns"], json!(["委員会意見"]));
    assert_eq!(r["created"], 2, "{r}");

    // A sheet of another year, and one that is not a sheet at all.
    let other_year = export(&app, &app.token, &plan, "fiscal_year=2022&format=csv").body;
    upload(&app, &app.token, &plan, "fiscal_year=2023", "text/csv", other_year.as_bytes()).problem(422);
    upload(&app, &app.token, &plan, "fiscal_year=2023", "text/csv", b"a,b\n1,2\n").problem_at(422, "/body");
    upload(&app, &app.token, &plan, "fiscal_year=2023", XLSX, b"PK\x03\x04 not really").problem_at(422, "/body");
    upload(&app, &app.token, &plan, "fiscal_year=2023", "application/pdf", b"%PDF").problem(415);
    // ※再掲 rows are read only.
    let relisted = column(&rows, "再掲");
    if let Some(r) = rows.iter().position(|r| r[relisted] == "※再掲") {
        rows[r][result] = "再掲行で編集".to_string();
        let p =
            upload(&app, &app.token, &plan, "fiscal_year=2023", "text/csv", write_csv(&rows).as_bytes()).problem(422);
        assert_eq!(p["errors"][0]["code"], "relisted_row", "{p}");
    }
}
