//! Charts the portal embeds with one `<img>`: self-contained SVG (no script, no external font or
//! image), Japanese labels, a `<title>` and a `<desc>` that says in words what the bars show,
//! 640 px wide (a portal column) and vector, so it prints sharp. Rendering is pure: it takes the
//! public summary or trend and returns text.

use actix_web::{get, web, HttpRequest, HttpResponse};
use uuid::Uuid;

use super::display::{LegendEntry, PublicCounts};
use super::summary::{from_summary, from_trend, PublicSummary, PublicSummaryParams, PublicTrend, PublicTrendParams};
use crate::domain::palette;
use crate::domain::text_width::{columns, truncate};
use crate::error::{self, ApiResult};
use crate::web::cache::Rendered;
use crate::web::http;
use crate::web::state::AppState;

pub const SVG: &str = "image/svg+xml";
const WIDTH: f64 = 640.0;
const MARGIN: f64 = 16.0;
const FONT: &str =
    "'Noto Sans JP','Hiragino Sans','Hiragino Kaku Gothic ProN','Yu Gothic',Meiryo,'IPAGothic',sans-serif";
/// Text colour on white: #333 has a contrast of 12.6:1.
const INK: &str = "#333333";

/// One segment of a stacked bar.
pub struct Segment {
    pub label: String,
    pub count: i64,
    pub share: f64,
    pub color: String,
    pub text_color: String,
}

/// One bar: a group, a year or the plan.
pub struct Bar {
    pub label: String,
    pub total: i64,
    pub segments: Vec<Segment>,
}

/// A stacked-bar chart: a heading, a legend, one bar per row.
pub struct Chart {
    pub title: String,
    pub subtitle: String,
    pub legend: Vec<LegendEntry>,
    pub bars: Vec<Bar>,
}

/// Escapes text for XML content and attribute values.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Pixels a text takes at `size` px (a wide character is about one em, the others half).
fn text_px(text: &str, size: f64) -> f64 {
    columns(text) as f64 * size / 2.0
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// The bar of one set of counts: its ratings, best first, 未評価 last.
fn rating_bar(label: String, counts: &PublicCounts, legend: &[LegendEntry]) -> Bar {
    let segments = counts
        .ratings
        .iter()
        .map(|r| {
            let entry = legend.iter().find(|e| e.key == r.grade);
            Segment {
                label: match &r.grade {
                    Some(g) => format!("{g} {}", r.label),
                    None => r.label.clone(),
                },
                count: r.count,
                share: r.share,
                color: entry.map_or(palette::GREY.into(), |e| e.color.clone()),
                text_color: entry.map_or(palette::text_on(palette::GREY).into(), |e| e.text_color.clone()),
            }
        })
        .collect();
    Bar { label, total: counts.initiatives, segments }
}

fn legend_with_codes(legend: &[LegendEntry]) -> Vec<LegendEntry> {
    legend
        .iter()
        .map(|e| LegendEntry {
            label: match &e.key {
                Some(k) => format!("{k} {}", e.label),
                None => e.label.clone(),
            },
            ..e.clone()
        })
        .collect()
}

/// The ratings of one year: the plan, then each group.
pub fn ratings_chart(s: &PublicSummary) -> Chart {
    let legend = &s.legend.ratings.entries;
    let mut bars = vec![rating_bar("全体".into(), &s.totals, legend)];
    for g in &s.groups {
        let label = match &g.code {
            Some(code) => format!("{code} {}", g.label),
            None => g.label.clone(),
        };
        bars.push(rating_bar(label, &g.counts, legend));
    }
    Chart {
        title: format!("{} {}の{}", s.plan_title, s.fiscal_year_label, s.legend.ratings.title),
        subtitle: s.legend.ratings.description.clone(),
        legend: legend_with_codes(legend),
        bars,
    }
}

/// The ratings of each year with published reports, oldest first.
pub fn trend_chart(t: &PublicTrend) -> Chart {
    let legend = &t.legend.ratings.entries;
    Chart {
        title: format!("{} {}の推移", t.plan_title, t.legend.ratings.title),
        subtitle: t.legend.ratings.description.clone(),
        legend: legend_with_codes(legend),
        bars: t.years.iter().map(|y| rating_bar(y.fiscal_year_label.clone(), &y.counts, legend)).collect(),
    }
}

/// What the chart shows, in words: the text alternative.
pub fn describe(chart: &Chart) -> String {
    if chart.bars.is_empty() {
        return format!("{}：公開された報告はありません。", chart.title);
    }
    let bars: Vec<String> = chart
        .bars
        .iter()
        .map(|b| {
            let parts: Vec<String> =
                b.segments.iter().map(|s| format!("{} {}件（{}）", s.label, s.count, percent(s.share))).collect();
            format!("{}（取組{}件）：{}", b.label, b.total, parts.join("、"))
        })
        .collect();
    format!("{}。{}", chart.title, bars.join("。"))
}

/// The chart as an SVG document; `id` prefixes its element ids (several charts on one page).
pub fn render(chart: &Chart, id: &str) -> String {
    let inner = WIDTH - 2.0 * MARGIN;
    let mut body = String::new();
    let mut y = MARGIN + 16.0;
    let title = truncate(&chart.title, (inner / 8.0) as usize);
    body.push_str(&format!(
        r#"<text x="{MARGIN}" y="{y}" font-size="16" font-weight="bold" fill="{INK}">{}</text>"#,
        xml(&title)
    ));
    y += 20.0;
    body.push_str(&format!(
        r#"<text x="{MARGIN}" y="{y}" font-size="12" fill="{INK}">{}</text>"#,
        xml(&truncate(&chart.subtitle, (inner / 6.0) as usize))
    ));
    // The legend, wrapped to the width.
    y += 22.0;
    let mut x = MARGIN;
    for entry in &chart.legend {
        let w = 18.0 + text_px(&entry.label, 12.0) + 14.0;
        if x + w > WIDTH - MARGIN && x > MARGIN {
            x = MARGIN;
            y += 20.0;
        }
        body.push_str(&format!(
            r##"<rect x="{x}" y="{}" width="12" height="12" fill="{}" stroke="{INK}" stroke-width="1"/><text x="{}" y="{y}" font-size="12" fill="{INK}">{}</text>"##,
            y - 10.0,
            entry.color,
            x + 18.0,
            xml(&entry.label)
        ));
        x += w;
    }
    y += 14.0;
    if chart.bars.is_empty() {
        y += 20.0;
        body.push_str(&format!(
            r#"<text x="{MARGIN}" y="{y}" font-size="13" fill="{INK}">公開された報告はありません。</text>"#
        ));
    }
    for bar in &chart.bars {
        y += 20.0;
        let label = format!("{}（取組{}件）", bar.label, bar.total);
        body.push_str(&format!(
            r#"<text x="{MARGIN}" y="{y}" font-size="13" fill="{INK}">{}</text>"#,
            xml(&truncate(&label, (inner / 6.5) as usize))
        ));
        y += 6.0;
        let counted: i64 = bar.segments.iter().map(|s| s.count).sum();
        let mut x = MARGIN;
        for s in bar.segments.iter().filter(|s| s.count > 0) {
            let w = inner * s.count as f64 / counted as f64;
            body.push_str(&format!(
                r##"<g><title>{}</title><rect x="{x:.2}" y="{y}" width="{w:.2}" height="24" fill="{}" stroke="#FFFFFF" stroke-width="1"/>"##,
                xml(&format!("{} {}件（{}）", s.label, s.count, percent(s.share))),
                s.color
            ));
            let text = s.count.to_string();
            if text_px(&text, 12.0) + 8.0 <= w {
                body.push_str(&format!(
                    r#"<text x="{:.2}" y="{}" font-size="12" text-anchor="middle" fill="{}">{}</text>"#,
                    x + w / 2.0,
                    y + 16.0,
                    s.text_color,
                    text
                ));
            }
            body.push_str("</g>");
            x += w;
        }
        if counted == 0 {
            body.push_str(&format!(
                r##"<rect x="{MARGIN}" y="{y}" width="{inner}" height="24" fill="#FFFFFF" stroke="{INK}" stroke-dasharray="4 3"/><text x="{}" y="{}" font-size="12" fill="{INK}">公開された報告はありません</text>"##,
                MARGIN + 8.0,
                y + 16.0
            ));
        } else {
            // One outline around the bar: its edge stands out from the page (3:1, WCAG 1.4.11).
            body.push_str(&format!(
                r#"<rect x="{MARGIN}" y="{y}" width="{inner}" height="24" fill="none" stroke="{INK}" stroke-width="1"/>"#
            ));
        }
        y += 24.0 + 8.0;
    }
    let height = (y + MARGIN).ceil();
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="{}"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc><rect width="{WIDTH}" height="{height}" fill="#FFFFFF"/>{body}</svg>"##,
        xml(FONT),
        xml(&chart.title),
        xml(&describe(chart))
    )
}

/// Get a published plan's ratings as a chart (SVG)
///
/// Stacked bars of the ratings in one fiscal year (the latest with published reports unless
/// `fiscal_year` says otherwise): the plan, then one bar per node of a level (`group_by=node`,
/// `level`) or per department. Self-contained SVG, 640 px wide, Japanese labels, a `<title>` and
/// a `<desc>` with every figure in words; for `<img src>` on a portal or in print.
///
/// Roles: anyone, without credentials.
#[utoipa::path(
    tag = "public",
    security(()),
    params(
        ("plan_id" = Uuid, Path, description = "Plan id"),
        PublicSummaryParams,
        ("If-None-Match" = Option<String>, Header, description = "ETag of a chart already held"),
    ),
    responses(
        (status = 200, description = "The chart", content_type = "image/svg+xml", body = String,
            headers(("ETag" = String, description = "Tag of this chart"), ("Cache-Control" = String, description = "`public, max-age=60`"))),
        (status = 404, response = error::NotFound),
        (status = 429, response = error::TooManyRequests),
        (status = 422, response = error::UnprocessableEntity),
    )
)]
#[get("/public/plans/{plan_id}/charts/ratings.svg")]
pub async fn get_ratings_chart(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    params: http::Query<PublicSummaryParams>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    from_summary(&state, &req, path.into_inner(), params.into_inner(), "ratings.svg", |s| {
        Ok(Rendered::raw(render(&ratings_chart(s), "ratings").into_bytes(), SVG))
    })
    .await
}

/// Get a published plan's trend as a chart (SVG)
///
/// One stacked bar of ratings per fiscal year with published reports, oldest first. Same form
/// as the ratings chart.
///
/// Roles: anyone, without credentials.
#[utoipa::path(
    tag = "public",
    security(()),
    params(
        ("plan_id" = Uuid, Path, description = "Plan id"),
        PublicTrendParams,
        ("If-None-Match" = Option<String>, Header, description = "ETag of a chart already held"),
    ),
    responses(
        (status = 200, description = "The chart", content_type = "image/svg+xml", body = String,
            headers(("ETag" = String, description = "Tag of this chart"), ("Cache-Control" = String, description = "`public, max-age=60`"))),
        (status = 404, response = error::NotFound),
        (status = 429, response = error::TooManyRequests),
        (status = 422, response = error::UnprocessableEntity),
    )
)]
#[get("/public/plans/{plan_id}/charts/trend.svg")]
pub async fn get_trend_chart(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    params: http::Query<PublicTrendParams>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    from_trend(&state, &req, path.into_inner(), params.into_inner(), "trend.svg", |t| {
        Ok(Rendered::raw(render(&trend_chart(t), "trend").into_bytes(), SVG))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(counts: &[i64]) -> Chart {
        let total: i64 = counts.iter().sum();
        Chart {
            title: "計画 <テスト> & 令和4年度の評価".into(),
            subtitle: "自己評価".into(),
            legend: vec![],
            bars: vec![Bar {
                label: "全体".into(),
                total,
                segments: counts
                    .iter()
                    .zip(["A", "B", "未評価"])
                    .map(|(&count, label)| Segment {
                        label: label.into(),
                        count,
                        share: crate::resources::public::display::share(count, total),
                        color: "#0072B2".into(),
                        text_color: "#FFFFFF".into(),
                    })
                    .collect(),
            }],
        }
    }

    #[test]
    fn the_svg_is_escaped_and_says_every_figure_in_words() {
        let svg = render(&chart(&[31, 15, 2]), "c");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\""));
        assert!(svg.contains("<title id=\"c-title\">計画 &lt;テスト&gt; &amp; 令和4年度の評価</title>"));
        assert!(svg.contains("全体（取組48件）：A 31件（64.6%）、B 15件（31.3%）、未評価 2件（4.2%）"), "{svg}");
        assert!(!svg.contains("<script"));
        assert_eq!(svg.matches("<rect").count(), 1 + 3 + 1, "background, three segments, outline");
    }

    #[test]
    fn segments_fill_the_bar_and_zero_counts_draw_nothing() {
        let svg = render(&chart(&[1, 0, 1]), "c");
        assert_eq!(svg.matches("width=\"304.00\"").count(), 2, "{svg}");
        let empty = render(&chart(&[0, 0, 0]), "c");
        assert!(empty.contains("公開された報告はありません"));
    }
}
