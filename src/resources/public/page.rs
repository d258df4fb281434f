//! The page a city links to or puts in an `<iframe>`: a published plan's progress, rendered by
//! the service (no script, no external asset), in Japanese, readable on a phone and printable,
//! built to WCAG 2.1 AA (JIS X 8341-3:2016): headings in order, tables with captions and header
//! cells, charts with text alternatives and their figures in a table beside them.

use std::collections::HashMap;
use std::sync::OnceLock;

use actix_web::http::header::{self, HeaderValue};
use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::access::cached_public;
use super::charts::{self, xml};
use super::display::PublicCounts;
use super::plans::{tree, PublicNode, PublicPlanTree};
use super::summary::{PublicSummary, PublicSummaryParams, PublicTrend, PublicTrendParams, YearChoice};
use crate::db::schema::{annual_reports, initiatives};
use crate::db::DbConnection;
use crate::error::{self, ApiResult};
use crate::models::plans::Plan;
use crate::models::reports::Report;
use crate::resources::reports::views::{published_contents, AnnualReportView};
use crate::resources::summaries::GroupBy;
use crate::web::cache::Rendered;
use crate::web::http;
use crate::web::state::AppState;

const STYLE: &str = "\
body{margin:0;font-family:'Noto Sans JP','Hiragino Sans','Yu Gothic',Meiryo,'IPAGothic',sans-serif;\
color:#333;background:#fff;line-height:1.7;font-size:100%}\
main,header,footer{max-width:60rem;margin:0 auto;padding:0 1rem}\
h1{font-size:1.5rem;line-height:1.4;margin:1rem 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;\
border-bottom:2px solid #0072B2}h3{font-size:1.1rem;margin:1.5rem 0 .5rem}\
a{color:#005A8C}a:focus,div[tabindex]:focus{outline:3px solid #D55E00;outline-offset:2px}\
svg{max-width:100%;height:auto}\
.scroll{overflow-x:auto}table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem;width:100%;min-width:20rem}\
caption{text-align:left;font-weight:bold;padding:.25rem 0}\
th,td{border:1px solid #767676;padding:.25rem .5rem;vertical-align:top;text-align:left}\
thead th{background:#E8F1F8}td.n{text-align:right;white-space:nowrap}th.n{white-space:nowrap}\
.label{min-width:10em}\
.note{font-size:.9rem}footer{margin:2rem auto;font-size:.9rem;border-top:1px solid #767676;padding-top:.5rem}\
@media print{.scroll{overflow:visible}h2{break-after:avoid}table{break-inside:auto}}";

/// The page's policy: nothing but its own inline style (by hash) and no script at all; any site
/// may frame it (the page is public and made to be embedded).
pub fn content_security_policy() -> &'static str {
    static CSP: OnceLock<String> = OnceLock::new();
    CSP.get_or_init(|| {
        use base64::Engine;
        use sha2::Digest;
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(STYLE.as_bytes()));
        format!(
            "default-src 'none'; style-src 'sha256-{hash}'; img-src 'self' data:; base-uri 'none'; \
             form-action 'none'; frame-ancestors *"
        )
    })
}

/// What the page shows.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// A fiscal year in the plan period, or `latest` (default): the latest with published reports.
    #[param(inline, example = "latest")]
    pub fiscal_year: Option<YearChoice>,
}

/// Get a published plan's progress page (HTML)
///
/// A page a city links to or embeds in an `<iframe>`: the plan, the ratings of the latest year
/// with published reports (or `fiscal_year`) by top-level node, chart and table, their trend, and
/// a table per node with each initiative's published progress and ratings. No script and no
/// external asset (`Content-Security-Policy` allows its own inline style only, and framing from
/// any site); Japanese; usable on a phone; accessible (WCAG 2.1 AA / JIS X 8341-3:2016).
///
/// Roles: anyone, without credentials.
#[utoipa::path(
    tag = "public",
    security(()),
    params(
        ("plan_id" = Uuid, Path, description = "Plan id"),
        PageParams,
        ("If-None-Match" = Option<String>, Header, description = "ETag of a page already held"),
    ),
    responses(
        (status = 200, description = "The page", content_type = "text/html; charset=utf-8", body = String,
            headers(("ETag" = String, description = "Tag of this page"), ("Cache-Control" = String, description = "`public, max-age=60`"),
                ("Content-Security-Policy" = String, description = "No script; the page's own style; framing allowed"))),
        (status = 404, response = error::NotFound),
        (status = 429, response = error::TooManyRequests),
        (status = 422, response = error::UnprocessableEntity),
    )
)]
#[get("/public/plans/{plan_id}")]
pub async fn get_public_page(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    params: http::Query<PageParams>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let summary = std::sync::Arc::new(PublicSummaryParams {
        fiscal_year: params.into_inner().fiscal_year,
        group_by: Some(GroupBy::Node),
        level: None,
        rating: None,
    });
    let asked = summary.clone();
    let mut response = cached_public(
        &state,
        &req,
        path.into_inner(),
        move |plan| {
            summary.check(plan)?;
            Ok(summary.key("page", plan))
        },
        move |conn, plan| Ok(Rendered::raw(page(conn, plan, &asked)?.into_bytes(), "text/html; charset=utf-8")),
    )
    .await?;
    response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(content_security_policy()));
    Ok(response)
}

/// Everything the page shows, read in a fixed number of statements.
fn page(conn: &mut DbConnection, plan: &Plan, asked: &PublicSummaryParams) -> ApiResult<String> {
    let tree = tree(conn, plan)?;
    let summary = match asked.fiscal_year.unwrap_or_default() {
        YearChoice::Latest if tree.plan.latest_published_fiscal_year.is_none() => None,
        _ => Some(asked.summary(conn, plan)?),
    };
    let trend = PublicTrendParams { from: None, to: None, rating: None }.trend(conn, plan)?;
    let reports = match &summary {
        Some(s) => published_reports(conn, plan, s.fiscal_year)?,
        None => HashMap::new(),
    };
    Ok(render(&tree, summary.as_ref(), &trend, &reports))
}

/// The published edition of each initiative's report of `fy`.
fn published_reports(conn: &mut DbConnection, plan: &Plan, fy: i32) -> ApiResult<HashMap<Uuid, AnnualReportView>> {
    let rows: Vec<Report> = annual_reports::table
        .inner_join(initiatives::table)
        .filter(initiatives::plan_id.eq(plan.id))
        .filter(annual_reports::fiscal_year.eq(fy))
        .filter(annual_reports::published_snapshot.is_not_null())
        .select(Report::as_select())
        .load(conn)?;
    rows.iter().map(|r| Ok((r.initiative_id.0, published_contents(r)?))).collect()
}

/// A date in Japan time, as Japanese write it.
fn japanese_date(t: chrono::DateTime<chrono::Utc>) -> String {
    let jst = t.with_timezone(&chrono::FixedOffset::east_opt(9 * 3600).expect("a valid offset"));
    jst.format("%Y年%-m月%-d日").to_string()
}

/// One distribution of a set of counts, as (column heading, count, share) per bucket.
type Distribution = fn(&PublicCounts) -> Vec<(String, i64, f64)>;

fn ratings(c: &PublicCounts) -> Vec<(String, i64, f64)> {
    c.ratings
        .iter()
        .map(|r| {
            let name = match &r.grade {
                Some(g) => format!("{g}（{}）", r.label),
                None => r.label.clone(),
            };
            (name, r.count, r.share)
        })
        .collect()
}

fn progress(c: &PublicCounts) -> Vec<(String, i64, f64)> {
    c.progress.iter().map(|p| (p.label.clone(), p.count, p.share)).collect()
}

/// A table of one distribution: a row per set of counts, a column per bucket.
fn counts_table(caption: &str, head: &str, rows: &[(String, &PublicCounts)], distribution: Distribution) -> String {
    let Some((_, first)) = rows.first() else { return String::new() };
    let mut html = format!(
        "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{0}\"><table><caption>{0}</caption><thead><tr><th scope=\"col\" class=\"label\">{1}</th><th scope=\"col\" class=\"n\">取組数</th>",
        xml(caption),
        xml(head)
    );
    for (name, _, _) in distribution(first) {
        html.push_str(&format!("<th scope=\"col\">{}</th>", xml(&name)));
    }
    html.push_str("</tr></thead><tbody>");
    for (label, c) in rows {
        html.push_str(&format!("<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td>", xml(label), c.initiatives));
        for (_, count, share) in distribution(c) {
            html.push_str(&format!("<td class=\"n\">{count}件（{:.1}%）</td>", share * 100.0));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table></div>");
    html
}

fn node_label(code: &Option<String>, title: &str) -> String {
    match code {
        Some(c) => format!("{c} {title}"),
        None => title.to_string(),
    }
}

/// The tables of one node's subtree: one per node that has initiatives placed under it.
fn node_tables(node: &PublicNode, path: &str, reports: &HashMap<Uuid, AnnualReportView>, html: &mut String) {
    let here = if path.is_empty() {
        node_label(&node.code, &node.title)
    } else {
        format!("{path} ＞ {}", node_label(&node.code, &node.title))
    };
    if !node.initiatives.is_empty() {
        html.push_str(&format!(
            "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{0}\"><table><caption>{0}</caption><thead><tr>\
             <th scope=\"col\">No.</th><th scope=\"col\" class=\"label\">取組</th><th scope=\"col\">担当課</th><th scope=\"col\">進捗状況</th>\
             <th scope=\"col\">評価（自己評価）</th><th scope=\"col\">評価（委員会）</th></tr></thead><tbody>",
            xml(&here)
        ));
        for i in &node.initiatives {
            let report = reports.get(&i.id);
            let text = |f: fn(&AnnualReportView) -> Option<String>| report.and_then(f).unwrap_or_else(|| "—".into());
            let grade = |code: Option<&String>, label: Option<&String>| match (code, label) {
                (Some(c), Some(l)) => format!("{c}（{l}）"),
                (Some(c), None) => c.clone(),
                _ => "—".into(),
            };
            let title = if i.cross_listed { format!("{}（※再掲）", i.title) } else { i.title.clone() };
            html.push_str(&format!(
                "<tr><td>{}</td><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                xml(i.code.as_deref().unwrap_or("")),
                xml(&title),
                xml(&i.departments.join("、")),
                xml(&text(|r| r.progress_status_label.clone())),
                xml(&grade(
                    report.and_then(|r| r.self_rating.as_ref()),
                    report.and_then(|r| r.self_rating_label.as_ref())
                )),
                xml(&grade(
                    report.and_then(|r| r.committee_rating.as_ref()),
                    report.and_then(|r| r.committee_rating_label.as_ref())
                )),
            ));
        }
        html.push_str("</tbody></table></div>");
    }
    for child in &node.children {
        node_tables(child, &here, reports, html);
    }
}

/// The page's HTML.
pub fn render(
    tree: &PublicPlanTree,
    summary: Option<&PublicSummary>,
    trend: &PublicTrend,
    reports: &HashMap<Uuid, AnnualReportView>,
) -> String {
    let plan = &tree.plan;
    let mut html = String::new();
    let heading = match summary {
        Some(s) => format!("{} {}の進捗状況", plan.title, s.fiscal_year_label),
        None => format!("{} 進捗状況", plan.title),
    };
    html.push_str(&format!(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\">\
         <title>{}</title><style>{STYLE}</style></head><body><header><h1>{}</h1><p>{}　計画期間 {}～{}</p></header><main>",
        xml(&heading),
        xml(&plan.title),
        xml(&plan.organization),
        xml(&plan.start_fy_label),
        xml(&plan.end_fy_label),
    ));
    match summary {
        None => html.push_str("<p>公開された報告はまだありません。</p>"),
        Some(s) => {
            html.push_str(&format!("<h2 id=\"ratings\">{}の評価</h2>", xml(&s.fiscal_year_label)));
            let as_of = s.as_of.map(|t| format!("{}時点で", japanese_date(t))).unwrap_or_default();
            html.push_str(&format!(
                "<p class=\"note\">{as_of}公開されている報告（取組{}件のうち{}件）による。{}</p>",
                s.totals.initiatives,
                s.totals.published,
                xml(&s.legend.ratings.description)
            ));
            html.push_str(&charts::render(&charts::ratings_chart(s), "ratings"));
            let level = s.level_label.clone().unwrap_or_else(|| "区分".into());
            let mut rows = vec![("全体".to_string(), &s.totals)];
            rows.extend(s.groups.iter().map(|g| (node_label(&g.code, &g.label), &g.counts)));
            let year = &s.fiscal_year_label;
            html.push_str(&counts_table(&format!("{level}ごとの評価（{year}）"), &level, &rows, ratings));
            html.push_str(&format!(
                "<p class=\"note\">{}：{}</p>",
                xml(&s.legend.progress.title),
                xml(&s.legend.progress.description)
            ));
            html.push_str(&counts_table(&format!("{level}ごとの進捗状況（{year}）"), &level, &rows, progress));
        }
    }
    if !trend.years.is_empty() {
        html.push_str("<h2 id=\"trend\">評価の推移</h2>");
        html.push_str(&charts::render(&charts::trend_chart(trend), "trend"));
        let rows: Vec<(String, &PublicCounts)> =
            trend.years.iter().map(|y| (y.fiscal_year_label.clone(), &y.counts)).collect();
        html.push_str(&counts_table("年度ごとの評価", "年度", &rows, ratings));
    }
    if let Some(s) = summary {
        html.push_str(&format!("<h2 id=\"initiatives\">取組の一覧（{}）</h2>", xml(&s.fiscal_year_label)));
        html.push_str("<p class=\"note\">「—」は公開された報告がないことを示します。※再掲は、ほかの項目にも掲げている取組です。</p>");
        for node in &tree.nodes {
            html.push_str(&format!("<h3>{}</h3>", xml(&node_label(&node.code, &node.title))));
            node_tables(node, "", reports, &mut html);
        }
    }
    let base = format!("/api/v1/public/plans/{}", plan.id);
    let year = summary.map(|s| format!("?fiscal_year={}", s.fiscal_year)).unwrap_or_default();
    html.push_str(&format!(
        "</main><footer><p>データ：<a href=\"{base}/summary.csv{year}\">集計表（CSV）</a>・\
         <a href=\"{base}/summary{year}\">集計（JSON）</a>・<a href=\"{base}\">計画の構成（JSON）</a></p></footer></body></html>"
    ));
    html
}
