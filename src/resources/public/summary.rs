//! The public summary and trend in display shapes ([`super::display`]), and the summary as an
//! open-data CSV file. Published reports only; `fiscal_year=latest` (the default) is the latest
//! year with published reports.

use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::access::{cached_public, published_years_of, PublishedYear};
use super::display::{PublicCounts, PublicLegend};
use crate::db::DbConnection;
use crate::domain::enums::WorkflowState;
use crate::domain::fiscal_year;
use crate::error::{self, ApiError, ApiResult};
use crate::models::plans::Plan;
use crate::resources::sheets::upload::csv_escape;
use crate::resources::summaries::{self, GroupBy, PlanTargetYear, RatingSource, SummaryRequest};
use crate::web::cache::Rendered;
use crate::web::http;
use crate::web::policy::SummarySight;
use crate::web::state::AppState;

/// A fiscal year, or `latest`: the latest year with published reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum YearChoice {
    #[default]
    Latest,
    Year(i32),
}

impl<'de> Deserialize<'de> for YearChoice {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The query arrives checked against the document, the year already read as a number.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Given {
            Number(i32),
            Text(String),
        }
        let invalid = || serde::de::Error::custom("must be a fiscal year (2022) or `latest`");
        match Given::deserialize(deserializer).map_err(|_: D::Error| invalid())? {
            Given::Number(fy) => Ok(YearChoice::Year(fy)),
            Given::Text(text) if text.trim() == "latest" => Ok(YearChoice::Latest),
            Given::Text(text) => text.trim().parse::<i32>().map(YearChoice::Year).map_err(|_| invalid()),
        }
    }
}

impl utoipa::PartialSchema for YearChoice {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AnyOfBuilder, KnownFormat, ObjectBuilder, SchemaFormat, Type};
        AnyOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
                    .minimum(Some(1989))
                    .maximum(Some(2200)),
            )
            .item(ObjectBuilder::new().schema_type(Type::String).enum_values(Some(["latest"])))
            .description(Some(
                "A fiscal year (in the plan period), or `latest`: the latest year with published reports.",
            ))
            .into()
    }
}

impl utoipa::ToSchema for YearChoice {}

impl YearChoice {
    /// The year meant: `latest` is the last of `published` (404 while nothing is published).
    pub fn resolve(self, published: &[PublishedYear]) -> ApiResult<i32> {
        match self {
            YearChoice::Year(fy) => Ok(fy),
            YearChoice::Latest => published.last().map(|y| y.fiscal_year).ok_or_else(|| {
                ApiError::NotFound("published fiscal year not found: the plan has no published report yet".into())
            }),
        }
    }
}

/// What to count in a public summary (published reports only).
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublicSummaryParams {
    /// A fiscal year in the plan period, or `latest` (default): the latest with published reports.
    #[param(inline, example = "latest")]
    pub fiscal_year: Option<YearChoice>,
    /// Groups besides the totals: `node` (one level of the hierarchy) or `department`.
    pub group_by: Option<GroupBy>,
    /// With `group_by=node`: the level, 1 = top (default 1).
    #[param(example = 1, minimum = 1, maximum = 10)]
    pub level: Option<i32>,
    /// Whose rating to count: `self` (default) or `committee`.
    pub rating: Option<RatingSource>,
}

impl PublicSummaryParams {
    fn choice(&self) -> YearChoice {
        self.fiscal_year.unwrap_or_default()
    }

    fn request(&self, fiscal_year: i32) -> (SummaryRequest, bool) {
        let request = SummaryRequest {
            fiscal_year,
            group_by: self.group_by,
            level: self.level.unwrap_or(1),
            rating: self.rating.unwrap_or(RatingSource::SelfRating),
            states: vec![WorkflowState::Published],
        };
        (request, self.level.is_some())
    }

    /// 422 naming the parameter: a year outside the plan period, a level the plan lacks.
    pub fn check(&self, plan: &Plan) -> ApiResult<()> {
        let year = match self.choice() {
            YearChoice::Year(fy) => fy,
            YearChoice::Latest => plan.start_fy,
        };
        let (request, level_given) = self.request(year);
        request.check(plan, level_given)
    }

    /// A cache key naming everything a body of `kind` depends on (`latest` is resolved by the
    /// data of the plan's data version, which the key names).
    pub fn key(&self, kind: &str, plan: &Plan) -> String {
        let (request, _) = self.request(0);
        format!("public-{kind}:{:?}:{}", self.choice(), request.key(plan, &SummarySight::Published))
    }

    /// The summary these parameters ask for.
    pub fn summary(&self, conn: &mut DbConnection, plan: &Plan) -> ApiResult<PublicSummary> {
        let published = published_years_of(conn, plan)?;
        let fy = self.choice().resolve(&published)?;
        let (request, _) = self.request(fy);
        let counted = summaries::plan_summary(conn, plan, &request, &SummarySight::Published)?;
        let scale = plan.rating_scale()?;
        let of = |c: &summaries::Counts| PublicCounts::of(c, &scale, plan.quarterly_reports);
        Ok(PublicSummary {
            plan_id: plan.id.0,
            plan_title: plan.title.clone(),
            fiscal_year: fy,
            fiscal_year_label: fiscal_year::label(fy),
            rating: request.rating,
            as_of: published.iter().find(|y| y.fiscal_year == fy).map(|y| y.as_of),
            group_by: counted.group_by,
            level: counted.level,
            level_label: counted.level_label,
            legend: PublicLegend::new(&scale, request.rating, plan.quarterly_reports),
            totals: of(&counted.totals),
            groups: counted
                .groups
                .iter()
                .map(|g| PublicGroup {
                    key: g.key,
                    code: g.code.clone(),
                    label: g.label.clone(),
                    counts: of(&g.counts),
                })
                .collect(),
            plan_targets: counted.plan_targets,
        })
    }
}

/// The counts of one group: a plan node or a department.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicGroup {
    /// The node's or department's id.
    pub key: Uuid,
    /// The node's code as printed (`null` for departments, or when none was printed).
    #[schema(example = "1")]
    pub code: Option<String>,
    /// The node's title or the department's name.
    #[schema(example = "地域での支え合い・助け合いの推進")]
    pub label: String,
    #[serde(flatten)]
    pub counts: PublicCounts,
}

/// A published plan's progress in one fiscal year, over published reports only.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicSummary {
    pub plan_id: Uuid,
    #[schema(example = "白井市第2次地域福祉計画")]
    pub plan_title: String,
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    /// Whose rating `ratings` counts.
    pub rating: RatingSource,
    /// The latest publication these figures include; `null` when nothing of the year is published.
    pub as_of: Option<DateTime<Utc>>,
    pub group_by: Option<GroupBy>,
    /// The node level grouped by, and its label (`group_by=node`).
    pub level: Option<i32>,
    #[schema(example = "基本方針")]
    pub level_label: Option<String>,
    pub legend: PublicLegend,
    /// Every initiative active in the year, once.
    pub totals: PublicCounts,
    /// Per node (in plan order) or department (by name); empty without `group_by`.
    pub groups: Vec<PublicGroup>,
    /// Plan-level targets with the year's target, actual and achievement.
    pub plan_targets: Vec<PlanTargetYear>,
}

/// Get a published plan's summary
///
/// The plan's progress in one fiscal year (the latest with published reports unless
/// `fiscal_year` says otherwise), over published reports only: reports in any other state count
/// as 未報告 and 未評価. Every distribution is an ordered array of buckets with counts and shares,
/// and the legend labels every bucket and suggests a colour for it.
///
/// Roles: anyone, without credentials.
#[utoipa::path(
    tag = "public",
    security(()),
    params(
        ("plan_id" = Uuid, Path, description = "Plan id"),
        PublicSummaryParams,
        ("If-None-Match" = Option<String>, Header, description = "ETag of a summary already held"),
    ),
    responses(
        (status = 200, description = "The summary", body = PublicSummary,
            headers(("ETag" = String, description = "Tag of this summary"), ("Cache-Control" = String, description = "`public, max-age=60`"))),
        (status = 404, response = error::NotFound),
        (status = 429, response = error::TooManyRequests),
        (status = 422, response = error::UnprocessableEntity),
    )
)]
#[get("/public/plans/{plan_id}/summary")]
pub async fn get_public_summary(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    params: http::Query<PublicSummaryParams>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    from_summary(&state, &req, path.into_inner(), params.into_inner(), "summary", Rendered::of::<PublicSummary>).await
}

/// A public body made from the summary `params` ask for, cached under `kind`.
pub async fn from_summary(
    state: &AppState,
    req: &HttpRequest,
    plan_id: Uuid,
    params: PublicSummaryParams,
    kind: &'static str,
    render: fn(&PublicSummary) -> ApiResult<Rendered>,
) -> ApiResult<HttpResponse> {
    let params = std::sync::Arc::new(params);
    let asked = params.clone();
    cached_public(
        state,
        req,
        plan_id,
        move |plan| {
            params.check(plan)?;
            Ok(params.key(kind, plan))
        },
        move |conn, plan| render(&asked.summary(conn, plan)?),
    )
    .await
}

/// A public body made from the trend `params` ask for, cached under `kind`.
pub async fn from_trend(
    state: &AppState,
    req: &HttpRequest,
    plan_id: Uuid,
    params: PublicTrendParams,
    kind: &'static str,
    render: fn(&PublicTrend) -> ApiResult<Rendered>,
) -> ApiResult<HttpResponse> {
    let params = std::sync::Arc::new(params);
    let asked = params.clone();
    cached_public(
        state,
        req,
        plan_id,
        move |plan| params.key(kind, plan),
        move |conn, plan| render(&asked.trend(conn, plan)?),
    )
    .await
}

/// The headers of the open-data file, in order.
pub const CSV_HEADERS: [&str; 11] =
    ["年度", "年度表示", "集計単位", "コード", "名称", "項目", "区分", "区分名", "件数", "割合", "時点"];

/// The summary as an open-data table: one row per group (the plan, then each group) and bucket.
pub fn summary_csv(s: &PublicSummary) -> ApiResult<Vec<u8>> {
    let mut out = Vec::from("\u{FEFF}".as_bytes());
    {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        w.write_record(CSV_HEADERS).map_err(csv_error)?;
        let fy = s.fiscal_year.to_string();
        let as_of = s.as_of.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)).unwrap_or_default();
        let unit = s.level_label.clone().unwrap_or_else(|| match s.group_by {
            Some(GroupBy::Department) => "担当課".into(),
            _ => "区分".into(),
        });
        let rating_item = match s.rating {
            RatingSource::SelfRating => "評価（自己評価）",
            RatingSource::Committee => "評価（委員会評価）",
        };
        let groups = std::iter::once(("全体".to_string(), String::new(), s.plan_title.clone(), &s.totals)).chain(
            s.groups.iter().map(|g| (unit.clone(), g.code.clone().unwrap_or_default(), g.label.clone(), &g.counts)),
        );
        for (unit, code, name, c) in groups {
            let mut rows: Vec<(String, String, String, i64, f64)> = Vec::new();
            rows.push(("取組数".into(), String::new(), "取組数".into(), c.initiatives, 1.0));
            for r in &c.ratings {
                rows.push((rating_item.into(), r.grade.clone().unwrap_or_default(), r.label.clone(), r.count, r.share));
            }
            for p in &c.progress {
                let key = p.status.map(|s| s.as_str().to_string()).unwrap_or_default();
                rows.push(("進捗状況".into(), key, p.label.clone(), p.count, p.share));
            }
            for q in &c.quarters {
                for m in &q.marks {
                    let key = m.mark.map(|m| m.as_str().to_string()).unwrap_or_default();
                    rows.push((format!("四半期（{}）", q.label), key, m.label.clone(), m.count, m.share));
                }
            }
            for i in &c.indicators {
                rows.push(("指標の達成状況".into(), i.achievement.as_str().into(), i.label.clone(), i.count, i.share));
            }
            // Names and labels come from what people typed: one a spreadsheet would run as a
            // formula goes behind an apostrophe, as in the progress sheet (CSV injection).
            let (code, name) = (csv_escape(&code).into_owned(), csv_escape(&name).into_owned());
            for (item, key, label, count, share) in rows {
                let (count, share, label) = (count.to_string(), format!("{share:.3}"), csv_escape(&label).into_owned());
                let record =
                    [&fy, &s.fiscal_year_label, &unit, &code, &name, &item, &key, &label, &count, &share, &as_of];
                w.write_record(record).map_err(csv_error)?;
            }
        }
        w.flush().map_err(|e| ApiError::Internal(e.to_string()))?;
    }
    Ok(out)
}

fn csv_error(e: csv::Error) -> ApiError {
    ApiError::Internal(format!("writing CSV: {e}"))
}

/// Get a published plan's summary as CSV (open data)
///
/// The public summary as a table a city can publish in its open-data catalogue: UTF-8 with a
/// byte order mark (so that Excel reads it), CRLF line ends, Japanese headers
/// (年度, 年度表示, 集計単位, コード, 名称, 項目, 区分, 区分名, 件数, 割合, 時点) and one row per
/// group (全体, then each node or department) and bucket (取組数, each grade and 未評価, each
/// progress status and 未報告, the quarter marks of plans that report quarterly, indicator
/// achievement). Same parameters as the JSON summary.
///
/// Roles: anyone, without credentials.
#[utoipa::path(
    tag = "public",
    security(()),
    params(
        ("plan_id" = Uuid, Path, description = "Plan id"),
        PublicSummaryParams,
        ("If-None-Match" = Option<String>, Header, description = "ETag of a file already held"),
    ),
    responses(
        (status = 200, description = "The summary as CSV", content_type = "text/csv; charset=utf-8", body = String,
            headers(("ETag" = String, description = "Tag of this file"), ("Cache-Control" = String, description = "`public, max-age=60`")),
            example = "\u{FEFF}年度,年度表示,集計単位,コード,名称,項目,区分,区分名,件数,割合,時点\r\n2022,令和4年度,全体,,白井市第2次地域福祉計画,取組数,,取組数,48,1.000,2023-06-30T00:00:00Z\r\n"),
        (status = 404, response = error::NotFound),
        (status = 429, response = error::TooManyRequests),
        (status = 422, response = error::UnprocessableEntity),
    )
)]
#[get("/public/plans/{plan_id}/summary.csv")]
pub async fn get_public_summary_csv(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    params: http::Query<PublicSummaryParams>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    from_summary(&state, &req, path.into_inner(), params.into_inner(), "summary.csv", |s| {
        Ok(Rendered::raw(summary_csv(s)?, "text/csv; charset=utf-8"))
    })
    .await
}

/// What a public trend covers.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublicTrendParams {
    /// First fiscal year (default: the plan's first).
    #[param(example = 2020, minimum = 1989, maximum = 2200)]
    pub from: Option<i32>,
    /// Last fiscal year (default: the plan's last).
    #[param(example = 2024, minimum = 1989, maximum = 2200)]
    pub to: Option<i32>,
    /// Whose rating to count: `self` (default) or `committee`.
    pub rating: Option<RatingSource>,
}

impl PublicTrendParams {
    fn rating(&self) -> RatingSource {
        self.rating.unwrap_or(RatingSource::SelfRating)
    }

    pub fn key(&self, kind: &str, plan: &Plan) -> ApiResult<String> {
        let range = summaries::trend_range(plan, self.from, self.to)?;
        Ok(format!("public-{kind}:{}:{}:{range:?}:{:?}", plan.id, plan.data_version, self.rating()))
    }

    /// The trend these parameters ask for: the years of the range with published reports.
    pub fn trend(&self, conn: &mut DbConnection, plan: &Plan) -> ApiResult<PublicTrend> {
        let (from, to) = summaries::trend_range(plan, self.from, self.to)?;
        let published: Vec<PublishedYear> =
            published_years_of(conn, plan)?.into_iter().filter(|y| (from..=to).contains(&y.fiscal_year)).collect();
        let rating = self.rating();
        let trend = summaries::plan_trend(conn, plan, (from, to), rating, &[], &SummarySight::Published)?;
        let scale = plan.rating_scale()?;
        let years = trend
            .years
            .into_iter()
            .filter_map(|y| {
                let year = published.iter().find(|p| p.fiscal_year == y.fiscal_year)?;
                Some(PublicTrendYear {
                    fiscal_year: y.fiscal_year,
                    fiscal_year_label: y.fiscal_year_label,
                    as_of: year.as_of,
                    counts: PublicCounts::of(&y.counts, &scale, plan.quarterly_reports),
                })
            })
            .collect::<Vec<_>>();
        Ok(PublicTrend {
            plan_id: plan.id.0,
            plan_title: plan.title.clone(),
            from,
            to,
            rating,
            as_of: years.iter().map(|y| y.as_of).max(),
            legend: PublicLegend::new(&scale, rating, plan.quarterly_reports),
            years,
        })
    }
}

/// One fiscal year of a public trend.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicTrendYear {
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    /// The latest publication of the year's reports.
    pub as_of: DateTime<Utc>,
    #[serde(flatten)]
    pub counts: PublicCounts,
}

/// A published plan's totals over the years with published reports, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicTrend {
    pub plan_id: Uuid,
    #[schema(example = "白井市第2次地域福祉計画")]
    pub plan_title: String,
    /// The range asked for; `years` holds those of its years with published reports.
    #[schema(example = 2020)]
    pub from: i32,
    #[schema(example = 2024)]
    pub to: i32,
    pub rating: RatingSource,
    /// The latest publication these figures include; `null` when none is.
    pub as_of: Option<DateTime<Utc>>,
    pub legend: PublicLegend,
    pub years: Vec<PublicTrendYear>,
}

/// Get a published plan's trend
///
/// The public summary's totals per fiscal year with published reports, oldest first: years
/// without any published report are left out (not shown as all 未評価).
///
/// Roles: anyone, without credentials.
#[utoipa::path(
    tag = "public",
    security(()),
    params(
        ("plan_id" = Uuid, Path, description = "Plan id"),
        PublicTrendParams,
        ("If-None-Match" = Option<String>, Header, description = "ETag of a trend already held"),
    ),
    responses(
        (status = 200, description = "The totals per fiscal year", body = PublicTrend,
            headers(("ETag" = String, description = "Tag of this trend"), ("Cache-Control" = String, description = "`public, max-age=60`"))),
        (status = 404, response = error::NotFound),
        (status = 429, response = error::TooManyRequests),
        (status = 422, response = error::UnprocessableEntity),
    )
)]
#[get("/public/plans/{plan_id}/summary/trend")]
pub async fn get_public_trend(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    params: http::Query<PublicTrendParams>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    from_trend(&state, &req, path.into_inner(), params.into_inner(), "trend", Rendered::of::<PublicTrend>).await
}
