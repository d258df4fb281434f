//! The city's portal: the public API's display shapes (latest published year, ordered
//! distributions with shares, legend with colours), the open-data CSV, the charts and the page
//! rendered by the service, and compressed responses with their entity tags.

use std::io::Read;

use serde_json::{json, Value};

use crate::harness::{Resp, TestApp};

fn public(app: &TestApp, path: &str) -> Resp {
    app.request_as(None, "GET", path, &[], None)
}

fn regional(app: &TestApp) -> String {
    app.import_fixture("regional-welfare-plan")["plan"]["id"].as_str().unwrap().to_string()
}

#[test]
fn the_latest_published_year_is_named_and_asked_for_as_latest() {
    let app = TestApp::spawn();
    let plan = regional(&app);
    let listed = public(&app, "/api/v1/public/plans").ok(200);
    let p = &listed["items"][0];
    assert_eq!(
        (&p["latest_published_fiscal_year"], &p["latest_published_fiscal_year_label"]),
        (&json!(2022), &json!("令和4年度"))
    );
    let years: Vec<&Value> =
        p["published_fiscal_years"].as_array().unwrap().iter().map(|y| &y["fiscal_year"]).collect();
    assert_eq!(years, [&json!(2020), &json!(2021), &json!(2022)]);
    assert_eq!(
        public(&app, &format!("/api/v1/public/plans/{plan}")).ok(200)["published_fiscal_years"],
        p["published_fiscal_years"]
    );

    // `latest`, and no fiscal_year at all, are FY2022: the same body as asking for 2022.
    let base = format!("/api/v1/public/plans/{plan}/summary");
    let explicit = public(&app, &format!("{base}?fiscal_year=2022&group_by=node")).ok(200);
    assert_eq!(public(&app, &format!("{base}?fiscal_year=latest&group_by=node")).ok(200), explicit);
    assert_eq!(public(&app, &format!("{base}?group_by=node")).ok(200), explicit);
    assert!(explicit["as_of"].is_string(), "{}", explicit["as_of"]);
    public(&app, &format!("{base}?fiscal_year=newest")).problem_at(400, "/query/fiscal_year");
    public(&app, &format!("{base}?fiscal_year=2030")).problem_at(422, "/query/fiscal_year");

    // The plan runs to FY2024, as the demo plan does: FY2023 has nothing published yet.
    app.patch(&format!("/api/v1/plans/{plan}"), &json!({"end_fy": 2024}), None).ok(200);
    assert_eq!(public(&app, &format!("{base}?fiscal_year=2023")).ok(200)["as_of"], Value::Null);
    assert_eq!(public(&app, &format!("{base}?fiscal_year=latest")).ok(200)["fiscal_year"], 2022);
    // The trend shows the years with published reports only (not FY2023 and FY2024 as all 未評価).
    let trend = public(&app, &format!("{base}/trend")).ok(200);
    let shown: Vec<i64> =
        trend["years"].as_array().unwrap().iter().map(|y| y["fiscal_year"].as_i64().unwrap()).collect();
    assert_eq!(shown, [2020, 2021, 2022]);
    assert_eq!((&trend["from"], &trend["to"]), (&json!(2020), &json!(2024)));
}

#[test]
fn a_plan_with_nothing_published_has_no_latest_year() {
    let app = TestApp::spawn();
    let plan = app
        .post(
            "/api/v1/plans",
            &json!({"title": "新しい計画", "organization": "市", "start_fy": 2024, "end_fy": 2028,
                    "level_labels": ["基本方針"], "status": "published"}),
        )
        .ok(201)["id"]
        .as_str()
        .unwrap()
        .to_string();
    let p = public(&app, &format!("/api/v1/public/plans/{plan}")).ok(200);
    assert_eq!((&p["latest_published_fiscal_year"], &p["published_fiscal_years"]), (&Value::Null, &json!([])));
    let missing = public(&app, &format!("/api/v1/public/plans/{plan}/summary")).problem(404);
    assert!(missing["detail"].as_str().unwrap().contains("published"), "{missing}");
    assert_eq!(
        public(&app, &format!("/api/v1/public/plans/{plan}/summary?fiscal_year=2024")).ok(200)["totals"]["initiatives"],
        0
    );
    assert_eq!(public(&app, &format!("/api/v1/public/plans/{plan}/summary/trend")).ok(200)["years"], json!([]));
    let page = public(&app, &format!("/public/plans/{plan}"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("公開された報告はまだありません"), "{}", page.body);
    let chart = public(&app, &format!("/api/v1/public/plans/{plan}/charts/trend.svg"));
    assert!(chart.body.contains("公開された報告はありません"), "{}", chart.body);
}

#[test]
fn distributions_are_ordered_buckets_with_shares_and_a_legend_for_each() {
    let app = TestApp::spawn();
    let plan = regional(&app);
    let s = public(&app, &format!("/api/v1/public/plans/{plan}/summary?fiscal_year=2022&group_by=node")).ok(200);
    let totals = &s["totals"];
    let ratings: Vec<(Value, i64, f64)> = totals["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["grade"].clone(), r["count"].as_i64().unwrap(), r["share"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        ratings,
        [
            (json!("A"), 31, 0.646),
            (json!("B"), 15, 0.313),
            (json!("C"), 2, 0.042),
            (json!("D"), 0, 0.0),
            (Value::Null, 0, 0.0)
        ]
    );
    assert_eq!(totals["ratings"][0]["label"], "順調に進んでいる");
    assert_eq!(totals["ratings"][4]["label"], "未評価");
    assert_eq!(totals["progress"][0]["label"], "順調に進んだ");
    assert_eq!(totals["progress"].as_array().unwrap().last().unwrap()["label"], "未報告");
    // The regional plan does not report quarterly: no quarter blocks, no quarter legend.
    assert_eq!(totals["quarters"], json!([]));
    assert_eq!(s["legend"]["quarter_marks"]["entries"], json!([]));
    // Every group's distributions add up to its initiatives; the groups are the 基本方針.
    for g in s["groups"].as_array().unwrap() {
        for d in ["ratings", "progress"] {
            let sum: i64 = g[d].as_array().unwrap().iter().map(|b| b["count"].as_i64().unwrap()).sum();
            assert_eq!(sum, g["initiatives"].as_i64().unwrap(), "{d} of {}", g["label"]);
        }
    }
    assert_eq!(s["level_label"], "基本方針");
    // The legend names each distribution and labels every bucket in the same order.
    let legend = &s["legend"];
    assert_eq!((&legend["ratings"]["title"], &legend["progress"]["title"]), (&json!("評価"), &json!("進捗状況")));
    let keys: Vec<&Value> = legend["ratings"]["entries"].as_array().unwrap().iter().map(|e| &e["key"]).collect();
    assert_eq!(keys, [&json!("A"), &json!("B"), &json!("C"), &json!("D"), &Value::Null]);
    for e in legend["ratings"]["entries"].as_array().unwrap() {
        let colour = e["color"].as_str().unwrap();
        assert!(colour.len() == 7 && colour.starts_with('#'), "{e}");
        assert!(["#000000", "#FFFFFF"].contains(&e["text_color"].as_str().unwrap()), "{e}");
    }

    // A plan that reports quarterly has its four quarters, each with ○ × — and 未報告.
    let silver = app.import_fixture("silver-center-basic-plan")["plan"]["id"].as_str().unwrap().to_string();
    let s = public(&app, &format!("/api/v1/public/plans/{silver}/summary")).ok(200);
    let quarters = s["totals"]["quarters"].as_array().unwrap();
    assert_eq!(quarters.len(), 4, "{s}");
    let marks: Vec<&Value> = quarters[0]["marks"].as_array().unwrap().iter().map(|m| &m["mark"]).collect();
    assert_eq!(marks, [&json!("done"), &json!("not_done"), &json!("not_applicable"), &Value::Null]);
    assert_eq!(s["legend"]["quarter_marks"]["entries"].as_array().unwrap().len(), 4);
}

#[test]
fn the_summary_is_open_data_csv() {
    let app = TestApp::spawn();
    let plan = regional(&app);
    let json = public(&app, &format!("/api/v1/public/plans/{plan}/summary?group_by=node")).ok(200);
    let r = public(&app, &format!("/api/v1/public/plans/{plan}/summary.csv?group_by=node"));
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(r.body.starts_with('\u{FEFF}'), "a byte order mark, so that Excel reads UTF-8");
    let lines: Vec<&str> = r.body.trim_start_matches('\u{FEFF}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "年度,年度表示,集計単位,コード,名称,項目,区分,区分名,件数,割合,時点");
    assert!(!r.body.replace("\r\n", "").contains('\n'), "CRLF line ends only");
    // Per group (全体 and six 基本方針): 取組数, 4 grades + 未評価, 4 statuses + 未報告, 3 verdicts.
    assert_eq!(lines.len() - 1, 7 * (1 + 5 + 5 + 3));
    assert!(
        lines[1].starts_with("2022,令和4年度,全体,,白井市第2次地域福祉計画,取組数,,取組数,48,1.000,"),
        "{}",
        lines[1]
    );
    assert!(
        lines.contains(&lines[2]) && lines[2].contains(",評価（自己評価）,A,順調に進んでいる,31,0.646,"),
        "{}",
        lines[2]
    );
    let first_group = &json["groups"][0];
    let label = first_group["label"].as_str().unwrap();
    let row = lines.iter().find(|l| l.contains(label) && l.contains(",評価（自己評価）,B,")).unwrap();
    assert!(row.contains(&format!(",{},", first_group["ratings"][1]["count"])), "{row}");
    assert!(row.contains(",基本方針,"), "{row}");
    let tag = r.header("etag").unwrap().to_string();
    let again = app.request_as(
        None,
        "GET",
        &format!("/api/v1/public/plans/{plan}/summary.csv?group_by=node"),
        &[("If-None-Match", &tag)],
        None,
    );
    assert_eq!(again.status, 304);
}

#[test]
fn the_charts_are_svg_with_their_figures_in_words() {
    let app = TestApp::spawn();
    let plan = regional(&app);
    let r = public(&app, &format!("/api/v1/public/plans/{plan}/charts/ratings.svg?group_by=node"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("content-type"), Some("image/svg+xml"));
    assert_eq!(r.header("cache-control"), Some("public, max-age=60"));
    let svg = &r.body;
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\""));
    assert!(
        svg.contains("role=\"img\"")
            && svg.contains("<title id=\"ratings-title\">白井市第2次地域福祉計画 令和4年度の評価</title>")
    );
    assert!(
        svg.contains("全体（取組48件）：A 順調に進んでいる 31件（64.6%）、B 概ね進んでいる 15件（31.3%）"),
        "{svg}"
    );
    // One bar for the plan and one per 基本方針, each with its label.
    assert_eq!(svg.matches("（取組").count(), 2 * 7, "label and text alternative per bar");
    assert!(!svg.contains("<script") && !svg.contains("href"), "self-contained");
    let tag = r.header("etag").unwrap().to_string();
    let again = app.request_as(
        None,
        "GET",
        &format!("/api/v1/public/plans/{plan}/charts/ratings.svg?group_by=node"),
        &[("If-None-Match", &tag)],
        None,
    );
    assert_eq!(again.status, 304);

    let trend = public(&app, &format!("/api/v1/public/plans/{plan}/charts/trend.svg"));
    assert_eq!(trend.status, 200);
    for year in ["令和2年度（取組48件）", "令和3年度", "令和4年度"] {
        assert!(trend.body.contains(year), "{year}: {}", trend.body);
    }
    assert!(!trend.body.contains("令和5年度"), "years without published reports are left out");
    public(&app, &format!("/api/v1/public/plans/{plan}/charts/ratings.svg?level=9&group_by=node"))
        .problem_at(422, "/query/level");
}

#[test]
fn the_page_is_self_contained_embeddable_and_japanese() {
    let app = TestApp::spawn();
    let plan = regional(&app);
    let r = public(&app, &format!("/public/plans/{plan}"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    let csp = r.header("content-security-policy").unwrap();
    assert!(csp.starts_with("default-src 'none'; style-src 'sha256-") && csp.ends_with("frame-ancestors *"), "{csp}");
    assert!(!csp.contains("unsafe") && !csp.contains("script-src"), "{csp}");
    assert_eq!(r.header("x-frame-options"), None, "a portal may frame it");
    let html = &r.body;
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"ja\">"));
    assert!(html.contains("<title>白井市第2次地域福祉計画 令和4年度の進捗状況</title>"));
    assert!(html.contains("<meta name=\"viewport\""));
    // The inline style is the one the policy's hash allows.
    let style = &html[html.find("<style>").unwrap() + 7..html.find("</style>").unwrap()];
    use base64::Engine;
    use sha2::Digest;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style.as_bytes()));
    assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    // Charts inline, their figures in tables, every initiative with its published rating.
    assert_eq!(html.matches("<svg ").count(), 2);
    assert!(html.contains("<caption>基本方針ごとの評価（令和4年度）</caption>"));
    assert!(html.contains("<caption>基本方針ごとの進捗状況（令和4年度）</caption>"));
    assert!(html.contains("<caption>年度ごとの評価</caption>"));
    assert!(html.contains("（※再掲）"), "cross-listed initiatives are marked");
    for external in ["<script", " src=", "href=\"http", "url(", "@import"] {
        assert!(!html.contains(external), "no script and no external asset: {external}");
    }
    let fy2021 = public(&app, &format!("/public/plans/{plan}?fiscal_year=2021"));
    assert!(fy2021.body.contains("令和3年度の評価"));
    public(&app, &format!("/public/plans/{plan}?utm=1")).problem_at(400, "/query/utm");
}

/// Compressed as the client accepts, each coding with its own entity tag (RFC 9110 8.8.3);
/// conditional requests with either tag work, for reads (304) and for writes (If-Match).
#[test]
fn responses_are_compressed_with_a_tag_per_coding() {
    let app = TestApp::spawn();
    let plan = regional(&app);
    let path = format!("/api/v1/public/plans/{plan}");
    let plain = public(&app, &path);
    let plain_tag = plain.header("etag").unwrap().to_string();
    assert!(plain.header("content-encoding").is_none());
    for (coding, magic) in [("gzip", vec![0x1f_u8, 0x8b]), ("br", vec![])] {
        let response = ureq::get(&format!("{}{path}", app.base)).set("Accept-Encoding", coding).call().unwrap();
        assert_eq!(response.header("content-encoding"), Some(coding));
        assert!(response.header("vary").unwrap_or_default().to_ascii_lowercase().contains("accept-encoding"));
        let tag = response.header("etag").unwrap().to_string();
        assert_eq!(tag, format!("{}-{coding}\"", plain_tag.trim_end_matches('"')));
        let mut body = Vec::new();
        response.into_reader().read_to_end(&mut body).unwrap();
        assert!(body.len() * 3 < plain.body.len(), "{coding}: {} of {} bytes", body.len(), plain.body.len());
        assert!(body.starts_with(&magic));
        let again = app.request_as(None, "GET", &path, &[("Accept-Encoding", coding), ("If-None-Match", &tag)], None);
        assert_eq!((again.status, again.header("etag")), (304, Some(tag.as_str())));
        // The plain copy's tag still matches the plain representation.
        assert_eq!(app.request_as(None, "GET", &path, &[("If-None-Match", &plain_tag)], None).status, 304);
    }
    // A write from a copy fetched compressed: its If-Match names the coded tag.
    let internal = format!("/api/v1/plans/{plan}");
    let response = ureq::get(&format!("{}{internal}", app.base))
        .set("Authorization", &format!("Bearer {}", app.token))
        .set("Accept-Encoding", "gzip")
        .call()
        .unwrap();
    let tag = response.header("etag").unwrap().to_string();
    assert!(tag.ends_with("-gzip\""), "{tag}");
    app.patch(&internal, &json!({"title": "白井市第2次地域福祉計画（改訂）"}), Some(&tag)).ok(200);
    app.patch(&internal, &json!({"title": "もう一度"}), Some(&tag)).problem(412);
}

/// `as_of` is the latest publication the figures include: a correction being prepared leaves
/// it (and the whole public body) as it was, also for reports that came published with an
/// import; publishing the correction moves it.
#[test]
fn as_of_moves_with_a_publication_only() {
    let app = TestApp::spawn();
    let plan = regional(&app);
    let summary = format!("/api/v1/public/plans/{plan}/summary?fiscal_year=2022");
    let before = public(&app, &summary);
    let as_of = before.json()["as_of"].as_str().unwrap().to_string();
    let listed = app.get(&format!("/api/v1/plans/{plan}/initiatives?limit=1")).ok(200);
    let initiative = listed["items"][0]["id"].as_str().unwrap().to_string();
    let year = format!("/api/v1/initiatives/{initiative}/years/2022");
    app.request("POST", &format!("{year}/corrections"), &[], None).ok(200);
    app.send_as(Some(&app.token), "PUT", &year, &json!({"result_text": "訂正中の下書き"})).ok(200);
    let during = public(&app, &summary);
    assert_eq!((during.body.as_str(), during.header("etag")), (before.body.as_str(), before.header("etag")));
    for action in ["submission", "review", "publication"] {
        app.request("POST", &format!("{year}/{action}"), &[], None).ok(200);
    }
    let after = public(&app, &summary).json();
    assert!(after["as_of"].as_str().unwrap() > as_of.as_str(), "{} after {as_of}", after["as_of"]);
}

/// Every link a public plan lists answers 200 with what it says it is.
#[test]
fn the_links_of_a_public_plan_lead_to_its_figures() {
    let app = TestApp::spawn();
    let plan = regional(&app);
    let p = public(&app, &format!("/api/v1/public/plans/{plan}")).ok(200);
    let links = p["links"].as_object().unwrap();
    assert_eq!(links.len(), 6);
    for (name, path) in links {
        let r = public(&app, path.as_str().unwrap());
        assert_eq!(r.status, 200, "{name}: {path}");
        let expected = match name.as_str() {
            "page" => "text/html; charset=utf-8",
            "summary_csv" => "text/csv; charset=utf-8",
            "ratings_chart" | "trend_chart" => "image/svg+xml",
            _ => "application/json",
        };
        assert_eq!(r.header("content-type"), Some(expected), "{name}");
    }
}

/// A name a spreadsheet would run as a formula reaches the open-data file behind an apostrophe.
#[test]
fn the_csv_does_not_carry_formulas() {
    let app = TestApp::spawn();
    let plan = app
        .post(
            "/api/v1/plans",
            &json!({"title": "=HYPERLINK(\"http://example.com\",\"計画\")", "organization": "市", "start_fy": 2024,
                    "end_fy": 2028, "level_labels": ["基本方針"], "status": "published"}),
        )
        .ok(201)["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.post(&format!("/api/v1/plans/{plan}/nodes"), &json!({"title": "+SUM(1,2)", "code": "-1"})).ok(201);
    let csv = public(&app, &format!("/api/v1/public/plans/{plan}/summary.csv?fiscal_year=2024&group_by=node")).body;
    assert!(csv.contains(",全体,,\"'=HYPERLINK(\"\"http://example.com\"\",\"\"計画\"\")\",取組数,"), "{csv}");
    assert!(csv.contains(",基本方針,'-1,'+SUM(1,2),") || csv.contains(",基本方針,'-1,\"'+SUM(1,2)\","), "{csv}");
    for line in csv.trim_start_matches('\u{FEFF}').lines() {
        for cell in line.split(',') {
            assert!(!cell.trim_matches('"').starts_with(['=', '+', '-', '@']), "{cell} in {line}");
        }
    }
}
