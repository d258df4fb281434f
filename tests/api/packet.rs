//! The committee packet: the layouts of both demo plans, what each reader sees (未提出, never a
//! draft; a correction as last published), and the page setup that keeps it legible.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use serde_json::json;
use shinchoku::web::auth::Role;

use crate::harness::TestApp;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn packet(app: &TestApp, token: &str, plan: &str, query: &str) -> Vec<u8> {
    let response = ureq::get(&format!("{}/api/v1/plans/{plan}/progress-report?{query}", app.base))
        .set("Authorization", &format!("Bearer {token}"))
        .call()
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    assert_eq!(response.content_type(), XLSX);
    let disposition = response.header("content-disposition").unwrap_or_default().to_string();
    assert!(disposition.starts_with("attachment;") && disposition.contains("filename*=UTF-8''"), "{disposition}");
    let mut bytes = Vec::new();
    response.into_reader().read_to_end(&mut bytes).unwrap();
    bytes
}

/// Every sheet's cells, by sheet name, as text.
fn sheets(bytes: &[u8]) -> Vec<(String, Vec<String>)> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let cells = range
                .cells()
                .filter_map(|(_, _, d)| match d {
                    Data::String(s) => Some(s.clone()),
                    Data::Empty => None,
                    other => Some(other.to_string()),
                })
                .collect();
            (name, cells)
        })
        .collect()
}

/// The XML of the `n`th sheet (1-based), for its page setup.
fn sheet_xml(bytes: &[u8], n: usize) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{n}.xml")).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

fn plan_of(app: &TestApp, fixture: &str) -> String {
    app.import_fixture(fixture)["plan"]["id"].as_str().unwrap().to_string()
}

#[test]
fn the_regional_plan_prints_as_a_table_per_node_with_three_years_side_by_side() {
    let app = TestApp::spawn();
    let plan = plan_of(&app, "regional-welfare-plan");
    let bytes = packet(&app, &app.token, &plan, "fiscal_year=2022&format=xlsx");
    let sheets = sheets(&bytes);
    assert_eq!(sheets.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["表紙", "進行管理シート"]);
    let cover = &sheets[0].1;
    assert!(cover.contains(&"白井市第2次地域福祉計画 進行管理シート（令和4年度）".to_string()), "{cover:?}");
    assert!(cover.contains(&"48件".to_string()), "{cover:?}");
    assert!(
        cover.iter().any(|c| c == "31件") && cover.iter().any(|c| c == "64.6%"),
        "the summary's numbers: {cover:?}"
    );
    let table = &sheets[1].1;
    for header in [
        "No.",
        "取組項目",
        "担当課",
        "取組内容",
        "進捗状況",
        "実績の指標",
        "単位",
        "令和2年度\n実績値",
        "令和4年度\n実績値",
    ] {
        assert!(table.contains(&header.to_string()), "{header}");
    }
    assert!(
        table.iter().any(|c| c.starts_with("基本方針 (1) 地域における福祉サービスの適切な利用の促進 ＞ 施策の方向")),
        "node paths"
    );
    assert!(table.contains(&"取り組み目標".to_string()) && table.contains(&"主な取り組み".to_string()));
    // Irregular cells as they were written, three years side by side.
    for cell in ["15/664", "17/535", "54/100", "12 書面会議"] {
        assert!(table.contains(&cell.to_string()), "{cell}");
    }
    // A cell printed once for two indicators (発行部数 and 配布部数) is printed once a year.
    assert_eq!(table.iter().filter(|c| c.as_str() == "2,000 1,880").count(), 1);
    assert_eq!(table.iter().filter(|c| c.as_str() == "2,300 1,990").count(), 2, "FY2020 and FY2021");
    let xml = sheet_xml(&bytes, 2);
    assert!(xml.contains("<mergeCell "), "merged cells");
    // ※再掲: marked, and its figures are not repeated.
    let cross: Vec<&String> = table.iter().filter(|c| c.ends_with("（※再掲）")).collect();
    assert!(!cross.is_empty());
    assert_eq!(
        table.iter().filter(|c| c.as_str() == "保健福祉ガイドブックの発行").count(),
        1,
        "the first placement carries the figures, the other is marked"
    );
    // Legible: A4 landscape at 100 %, never shrunk to fit, breaks between top-level nodes.
    let xml = sheet_xml(&bytes, 2);
    assert!(
        xml.contains("paperSize=\"9\"") && xml.contains("orientation=\"landscape\""),
        "{}",
        &xml[..xml.len().min(400)]
    );
    assert!(!xml.contains("fitToPage") && !xml.contains("fitToWidth"), "no fit-to-page");
    assert!(xml.contains("<rowBreaks"), "page breaks");
    assert!(xml.contains("&amp;P / &amp;N ページ") || xml.contains("&P / &N ページ"), "page numbers");
    assert!(sheet_xml(&bytes, 1).contains("orientation=\"portrait\""));
}

#[test]
fn other_layouts_per_initiative_and_quarterly() {
    let app = TestApp::spawn();
    let regional = plan_of(&app, "regional-welfare-plan");
    let bytes = packet(&app, &app.token, &regional, "fiscal_year=2022&layout=per_initiative");
    let read = sheets(&bytes);
    assert_eq!(read[1].0, "取組別シート");
    let cells = &read[1].1;
    for header in ["年度", "取組の内容", "内容と成果", "課題", "評価", "意見等", "令和2年度", "令和4年度"]
    {
        assert!(cells.contains(&header.to_string()), "{header}");
    }
    assert!(cells.contains(&"1 保健福祉ガイドブックの発行".to_string()));
    assert!(sheet_xml(&bytes, 2).contains("orientation=\"portrait\""));

    let silver = plan_of(&app, "silver-center-basic-plan");
    let bytes = packet(&app, &app.token, &silver, "fiscal_year=2021");
    let read = sheets(&bytes);
    assert_eq!(read[1].0, "進行管理表", "a quarterly plan's default layout");
    let cells = &read[1].1;
    for header in
        ["取り組み項目", "具体的内容", "～6月", "～9月", "～12月", "～3月", "達成状況及び今後の方針", "進行管理"]
    {
        assert!(cells.contains(&header.to_string()), "{header}");
    }
    assert!(cells.iter().filter(|c| c.as_str() == "○").count() > 100);
    assert!(cells.iter().any(|c| c == "×"));
    // The node table of a quarterly plan, asked for.
    let bytes = packet(&app, &app.token, &silver, "fiscal_year=2021&layout=node_table");
    assert_eq!(sheets(&bytes)[1].0, "進行管理シート");

    // A plan's own setting is its default; a request still overrides it; null restores the shape's.
    let plan =
        app.patch(&format!("/api/v1/plans/{regional}"), &json!({"packet_layout": "per_initiative"}), None).ok(200);
    assert_eq!(plan["packet_layout"], "per_initiative");
    assert_eq!(sheets(&packet(&app, &app.token, &regional, "fiscal_year=2022"))[1].0, "取組別シート");
    assert_eq!(
        sheets(&packet(&app, &app.token, &regional, "fiscal_year=2022&layout=node_table"))[1].0,
        "進行管理シート"
    );
    let exported = app.get(&format!("/api/v1/plans/{regional}/bundle")).ok(200);
    assert_eq!(exported["plan"]["packet_layout"], "per_initiative", "bundles keep it");
    let plan = app.patch(&format!("/api/v1/plans/{regional}"), &json!({"packet_layout": null}), None).ok(200);
    assert_eq!(plan["packet_layout"], serde_json::Value::Null);
    assert_eq!(sheets(&packet(&app, &app.token, &regional, "fiscal_year=2022"))[1].0, "進行管理シート");
    app.patch(&format!("/api/v1/plans/{regional}"), &json!({"packet_layout": "booklet"}), None)
        .problem_at(422, "/packet_layout");
}

#[test]
fn reports_not_handed_in_show_as_not_submitted_and_corrections_as_last_published() {
    let app = TestApp::spawn();
    let plan = plan_of(&app, "regional-welfare-plan");
    let initiatives = app.get(&format!("/api/v1/plans/{plan}/initiatives?limit=2")).ok(200);
    let first = initiatives["items"][0]["id"].as_str().unwrap().to_string();
    let second = initiatives["items"][1]["id"].as_str().unwrap().to_string();
    // FY2022 of the first: a correction whose draft must not show; the published edition does.
    let year = format!("/api/v1/initiatives/{first}/years/2022");
    let published_text = app.get(&year).ok(200)["result_text"].as_str().unwrap().to_string();
    app.request("POST", &format!("{year}/corrections"), &[], None).ok(200);
    app.send_as(Some(&app.token), "PUT", &year, &json!({"result_text": "SECRET-DRAFT 訂正中"})).ok(200);
    // FY2023 of the second: a draft (never handed in) and one handed in.
    app.patch(&format!("/api/v1/plans/{plan}"), &json!({"end_fy": 2024}), None).ok(200);
    app.send_as(
        Some(&app.token),
        "PUT",
        &format!("/api/v1/initiatives/{second}/years/2023"),
        &json!({"result_text": "SECRET-DRAFT 下書き", "self_rating": "A"}),
    )
    .ok(201);
    app.send_as(
        Some(&app.token),
        "PUT",
        &format!("/api/v1/initiatives/{first}/years/2023"),
        &json!({"result_text": "提出した実績", "self_rating": "B"}),
    )
    .ok(201);
    app.request("POST", &format!("/api/v1/initiatives/{first}/years/2023/submission"), &[], None).ok(200);

    let committee = app.create_user("iinkai", Role::Committee, &[]);
    // The department responsible for the draft: its own draft is not meeting material either.
    let own =
        app.get(&format!("/api/v1/initiatives/{second}")).ok(200)["departments"][0]["id"].as_str().unwrap().to_string();
    let department = app.create_user("fukushi", Role::Department, &[&own]);
    for (who, token) in [("admin", &app.token), ("committee", &committee.token), ("department", &department.token)] {
        for fy in [2022, 2023] {
            let bytes = packet(&app, token, &plan, &format!("fiscal_year={fy}"));
            let text: Vec<String> = sheets(&bytes).into_iter().flat_map(|(_, cells)| cells).collect();
            assert!(!text.iter().any(|c| c.contains("SECRET")), "{who} FY{fy}: a draft in the packet");
            if fy == 2022 {
                assert!(text.iter().any(|c| c.starts_with(published_text.trim())), "{who}: the published edition");
            } else {
                assert!(text.iter().any(|c| c == "未提出"), "{who}: 未提出");
                assert!(text.iter().any(|c| c.starts_with("提出した実績")), "{who}: handed in");
            }
        }
    }
}

#[test]
fn the_packet_is_for_signed_in_readers_of_years_in_the_plan() {
    let app = TestApp::spawn();
    let plan = plan_of(&app, "regional-welfare-plan");
    let path = format!("/api/v1/plans/{plan}/progress-report?fiscal_year=2022");
    app.request_as(None, "GET", &path, &[], None).problem(401);
    app.get(&format!("/api/v1/plans/{plan}/progress-report?fiscal_year=2030")).problem_at(422, "/query/fiscal_year");
    app.get(&format!("{path}&layout=landscape")).problem_at(400, "/query/layout");
    app.get(&format!("{path}&format=pdf")).problem_at(400, "/query/format");
    app.get(&format!("/api/v1/plans/{}/progress-report?fiscal_year=2022", uuid::Uuid::now_v7())).problem(404);
}

#[test]
fn the_suggested_rating_stands_beside_the_self_rating_with_the_rule_in_the_legend() {
    let app = TestApp::spawn();
    let plan = plan_of(&app, "regional-welfare-plan");
    let rule = crate::harness::usual_rating_rule();
    app.patch(&format!("/api/v1/plans/{plan}"), &json!({"end_fy": 2024, "rating_rule": rule}), None).ok(200);
    let first = app.get(&format!("/api/v1/plans/{plan}/initiatives?limit=1")).ok(200)["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let indicators = app.get(&format!("/api/v1/initiatives/{first}/indicators")).ok(200);
    let year = format!("/api/v1/initiatives/{first}/years/2023");
    app.send_as(Some(&app.token), "PUT", &year, &json!({"result_text": "発行した", "self_rating": "A"})).ok(201);
    for (k, actual) in [(0, 2100), (1, 1500)] {
        let indicator = indicators["items"][k]["id"].as_str().unwrap();
        let path = format!("/api/v1/initiatives/{first}/indicators/{indicator}/values/2023");
        app.send_as(Some(&app.token), "PUT", &path, &json!({"target": 2000, "actual": actual})).ok(200);
    }
    // A draft shows no suggestion (未提出); handed in, it does.
    let draft: Vec<String> = sheets(&packet(&app, &app.token, &plan, "fiscal_year=2023")).remove(1).1;
    assert!(!draft.iter().any(|c| c == "B\n1/2"), "a draft's suggestion is not meeting material");
    app.request("POST", &format!("{year}/submission"), &[], None).ok(200);

    let read = sheets(&packet(&app, &app.token, &plan, "fiscal_year=2023"));
    let (cover, table) = (&read[0].1, &read[1].1);
    assert!(table.contains(&"評価の目安".to_string()));
    assert!(table.contains(&"B\n1/2".to_string()), "the grade over achieved/measurable");
    assert!(table.iter().any(|c| c == "—"), "years without anything measurable");
    assert!(
        cover.iter().any(|c| c.starts_with("目安のある報告 1件：自己評価が目安と同じ 0件、異なる 1件")),
        "{cover:?}"
    );
    assert!(cover.iter().any(|c| c.contains("すべて達成→A、50%以上達成→B、1件以上達成→C、それ以外→D")), "{cover:?}");
    let read = sheets(&packet(&app, &app.token, &plan, "fiscal_year=2023&layout=per_initiative"));
    assert!(read[1].1.contains(&"A\n目安 B\n1/2".to_string()), "beside the self-rating");
    // Without a rule, nothing of it.
    app.patch(&format!("/api/v1/plans/{plan}"), &json!({"rating_rule": null}), None).ok(200);
    let read = sheets(&packet(&app, &app.token, &plan, "fiscal_year=2023"));
    assert!(!read.iter().flat_map(|(_, cells)| cells).any(|c| c.contains("目安")));
}
