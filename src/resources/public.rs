//! The public portal API: anonymous and read-only, over published plans and published reports
//! only. No drafts, no comments, no committee fields of unpublished reports, no user names or
//! ids. Every response carries an `ETag` and `Cache-Control`, and answers `304` to a matching
//! `If-None-Match`, so that the city's portal and any HTTP cache in front of it revalidate cheaply.

use std::collections::HashMap;

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::db::schema::{
    annual_reports, departments, indicators, initiative_departments, initiative_placements, initiatives, plan_nodes,
    plans as plans_table,
};
use crate::db::{DbConnection, DbUuid};
use crate::domain::enums::{PlanCategory, PlanStatus, ProgressStatus, WorkflowState};
use crate::domain::fiscal_year;
use crate::error::{self, ApiError, ApiResult};
use crate::models::plans::{Plan, RatingGrade};
use crate::models::reports::Report;
use crate::resources::reports::timeline::TimelineIndicator;
use crate::resources::reports::views::{published, AnnualReportView, QuarterView, ReportValueView};
use crate::resources::summaries::plan::SummaryParams;
use crate::resources::summaries::{self, GroupBy, PlanSummary, PlanTrend, RatingSource};
use crate::web::budget::Charge;
use crate::web::cache::Rendered;
use crate::web::http::{self, finish_page, PageParams};
use crate::web::policy::SummarySight;
use crate::web::state::AppState;

/// Public responses may be kept by browsers and shared caches for a minute, then revalidated.
pub const PUBLIC_CACHE: &str = "public, max-age=60";

/// A published plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicPlan {
    pub id: Uuid,
    #[schema(example = "白井市第2次地域福祉計画")]
    pub title: String,
    #[schema(example = "白井市")]
    pub organization: String,
    #[schema(example = 2020)]
    pub start_fy: i32,
    #[schema(example = "令和2年度")]
    pub start_fy_label: String,
    #[schema(example = 2024)]
    pub end_fy: i32,
    #[schema(example = "令和6年度")]
    pub end_fy_label: String,
    #[schema(example = json!(["基本方針", "施策の方向", "事業"]))]
    pub level_labels: Vec<String>,
    pub rating_scale: Vec<RatingGrade>,
    /// Whether reports carry quarter marks (○ × —).
    pub quarterly_reports: bool,
}

impl PublicPlan {
    fn of(p: &Plan) -> ApiResult<PublicPlan> {
        Ok(PublicPlan {
            id: p.id.0,
            title: p.title.clone(),
            organization: p.organization.clone(),
            start_fy: p.start_fy,
            start_fy_label: fiscal_year::label(p.start_fy),
            end_fy: p.end_fy,
            end_fy_label: fiscal_year::label(p.end_fy),
            level_labels: p.level_labels()?,
            rating_scale: p.rating_scale()?,
            quarterly_reports: p.quarterly_reports,
        })
    }
}

crate::list_type!(PublicPlanList, PublicPlan);

/// An initiative where the tree places it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicInitiative {
    pub id: Uuid,
    #[schema(example = "1")]
    pub code: Option<String>,
    #[schema(example = "保健福祉ガイドブックの発行")]
    pub title: String,
    /// 担当課.
    #[schema(example = json!(["社会福祉課"]))]
    pub departments: Vec<String>,
    /// `true` where the initiative is shown again under another node (※再掲).
    pub cross_listed: bool,
}

/// A node of the plan's hierarchy with what lies below it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicNode {
    pub id: Uuid,
    #[schema(example = "1")]
    pub code: Option<String>,
    #[schema(example = "地域での支え合い・助け合いの推進")]
    pub title: String,
    #[schema(example = 1)]
    pub level: i32,
    #[schema(example = "基本方針")]
    pub level_label: Option<String>,
    pub objective: Option<String>,
    pub initiatives: Vec<PublicInitiative>,
    #[schema(no_recursion)]
    pub children: Vec<PublicNode>,
}

/// A published plan with its hierarchy.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicPlanTree {
    #[serde(flatten)]
    pub plan: PublicPlan,
    /// The top-level nodes, each with its subtree, in plan order.
    pub nodes: Vec<PublicNode>,
}

/// A published report as the portal shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicReport {
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    pub category: Option<PlanCategory>,
    pub category_label: Option<String>,
    pub plan_text: Option<String>,
    pub result_text: Option<String>,
    pub issues_text: Option<String>,
    pub next_steps_text: Option<String>,
    pub progress_status: Option<ProgressStatus>,
    pub progress_status_label: Option<String>,
    pub self_rating: Option<String>,
    pub self_rating_label: Option<String>,
    pub committee_rating: Option<String>,
    pub committee_rating_label: Option<String>,
    pub committee_opinion: Option<String>,
    /// 1, then one more for each published correction.
    pub edition: i32,
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
    pub quarters: Vec<QuarterView>,
    pub indicator_values: Vec<ReportValueView>,
}

impl From<AnnualReportView> for PublicReport {
    fn from(r: AnnualReportView) -> PublicReport {
        PublicReport {
            fiscal_year: r.fiscal_year,
            fiscal_year_label: r.fiscal_year_label,
            category: r.category,
            category_label: r.category_label,
            plan_text: r.plan_text,
            result_text: r.result_text,
            issues_text: r.issues_text,
            next_steps_text: r.next_steps_text,
            progress_status: r.progress_status,
            progress_status_label: r.progress_status_label,
            self_rating: r.self_rating,
            self_rating_label: r.self_rating_label,
            committee_rating: r.committee_rating,
            committee_rating_label: r.committee_rating_label,
            committee_opinion: r.committee_opinion,
            edition: r.edition,
            published_at: r.published_at,
            quarters: r.quarters,
            indicator_values: r.indicator_values,
        }
    }
}

/// An initiative's published reports across fiscal years.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicTimeline {
    pub initiative_id: Uuid,
    pub plan_id: Uuid,
    #[schema(example = "9")]
    pub code: Option<String>,
    #[schema(example = "地域福祉にかかる担当職員の配置")]
    pub title: String,
    pub description: Option<String>,
    #[schema(example = json!(["社会福祉課"]))]
    pub departments: Vec<String>,
    pub rating_scale: Vec<RatingGrade>,
    pub indicators: Vec<TimelineIndicator>,
    /// The years with a published report, oldest first (the last published edition while a
    /// correction is being prepared).
    pub years: Vec<PublicReport>,
}

/// Whether the plan is public (drafts and archived plans are not: 404).
fn is_public(plan: &Plan) -> bool {
    plan.status == PlanStatus::Published.as_str()
}

/// A public body of plan `id` under the cache key `key` names: when the plan is kept in memory
/// ([`crate::web::known`]) and its body cached, answered without asking the database;
/// else the plan is read (and kept), and the body computed by `compute` unless cached, charged
/// to the caller's budget of uncached work.
async fn cached_public(
    state: &AppState,
    req: &HttpRequest,
    id: Uuid,
    key: impl Fn(&Plan) -> ApiResult<String> + Send + 'static,
    compute: impl FnOnce(&mut DbConnection, &Plan) -> ApiResult<Rendered> + Send + 'static,
) -> ApiResult<HttpResponse> {
    if let Some(plan) = state.plans.get(&id).filter(|p| is_public(p)) {
        if let Some(hit) = state.summaries.hit(&key(&plan)?) {
            return Ok(hit.response(req, PUBLIC_CACHE));
        }
    }
    let (cache, known, charge) = (state.summaries.clone(), state.plans.clone(), charge(state, req));
    let read_at = known.generation();
    let rendered = state
        .db(move |conn| {
            let plan = known.load(conn, id, read_at)?;
            if !is_public(&plan) {
                return Err(ApiError::not_found("plan"));
            }
            cache.get_or(key(&plan)?, || charge.run(|| compute(conn, &plan)))
        })
        .await?;
    Ok(rendered.response(req, PUBLIC_CACHE))
}

/// List published plans
///
/// Roles: anyone, without credentials.
#[utoipa::path(
    tag = "public",
    security(()),
    params(PageParams, ("If-None-Match" = Option<String>, Header, description = "ETag of a page already held")),
    responses(
        (status = 200, description = "One page of published plans", body = PublicPlanList,
            headers(("ETag" = String, description = "Tag of this page"), ("Cache-Control" = String, description = "`public, max-age=60`"))),
    )
)]
#[get("/public/plans")]
pub async fn list_public_plans(
    state: web::Data<AppState>,
    page: http::Query<PageParams>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let page = page.validate()?;
    let rows = state
        .db(move |conn| {
            let mut query = plans_table::table
                .filter(plans_table::status.eq(PlanStatus::Published.as_str()))
                .select(Plan::as_select())
                .into_boxed();
            if let Some((_, id)) = &page.after {
                let id = Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?;
                query = query.filter(plans_table::id.gt(DbUuid(id)));
            }
            Ok(query.order(plans_table::id).limit(page.limit + 1).load(conn)?)
        })
        .await?;
    let (rows, next_cursor) = finish_page(rows, page.limit, |p: &Plan| (String::new(), p.id.to_string()));
    let items = rows.iter().map(PublicPlan::of).collect::<ApiResult<_>>()?;
    let rendered = Rendered::of(&PublicPlanList { items, next_cursor })?;
    Ok(rendered.response(&req, PUBLIC_CACHE))
}

/// Get a published plan with its hierarchy
///
/// The plan and its node tree, each node with the initiatives placed under it (cross-listings
/// marked) and their departments: the portal's table of contents.
///
/// Roles: anyone, without credentials.
#[utoipa::path(
    tag = "public",
    security(()),
    params(
        ("plan_id" = Uuid, Path, description = "Plan id"),
        ("If-None-Match" = Option<String>, Header, description = "ETag of the plan already held"),
    ),
    responses(
        (status = 200, description = "The plan and its tree", body = PublicPlanTree,
            headers(("ETag" = String, description = "Tag of this plan"), ("Cache-Control" = String, description = "`public, max-age=60`"))),
        (status = 404, response = error::NotFound),
        (status = 429, response = error::TooManyRequests),
    )
)]
#[get("/public/plans/{plan_id}")]
pub async fn get_public_plan(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    cached_public(
        &state,
        &req,
        id,
        |plan| Ok(format!("public-plan:{}:{}", plan.id, plan.data_version)),
        |conn, plan| Rendered::of(&tree(conn, plan)?),
    )
    .await
}

/// The caller's share of the budget of uncached public work ([`crate::web::budget`]).
fn charge(state: &AppState, req: &HttpRequest) -> Charge {
    Charge::new(state.public_budget.clone(), crate::web::auth::client_address(req, state.auth.proxies))
}

/// Department names per initiative of a plan, in each initiative's order.
fn department_names(conn: &mut DbConnection, plan: DbUuid) -> ApiResult<HashMap<DbUuid, Vec<String>>> {
    let mut names: HashMap<DbUuid, Vec<String>> = HashMap::new();
    for (initiative, name) in initiative_departments::table
        .inner_join(initiatives::table)
        .inner_join(departments::table)
        .filter(initiatives::plan_id.eq(plan))
        .order((initiative_departments::initiative_id, initiative_departments::position))
        .select((initiative_departments::initiative_id, departments::name))
        .load::<(DbUuid, String)>(conn)?
    {
        names.entry(initiative).or_default().push(name);
    }
    Ok(names)
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = plan_nodes)]
struct TreeNode {
    id: DbUuid,
    parent_id: Option<DbUuid>,
    code: Option<String>,
    title: String,
    level: i32,
    objective: Option<String>,
}

/// The plan with its node tree; each node lists the initiatives placed under it (nodes come in
/// sort-path order, so siblings keep the plan's order).
fn tree(conn: &mut DbConnection, plan: &Plan) -> ApiResult<PublicPlanTree> {
    let labels = plan.level_labels()?;
    let nodes: Vec<TreeNode> = plan_nodes::table
        .filter(plan_nodes::plan_id.eq(plan.id))
        .order(plan_nodes::sort_path)
        .select(TreeNode::as_select())
        .load(conn)?;
    let placed: Vec<(DbUuid, DbUuid, i32, String, String)> = initiative_placements::table
        .inner_join(initiatives::table)
        .filter(initiatives::plan_id.eq(plan.id))
        .order((initiatives::code_sort, initiatives::id))
        .select((
            initiative_placements::node_id,
            initiatives::id,
            initiative_placements::position,
            initiatives::code,
            initiatives::title,
        ))
        .load(conn)?;
    let names = department_names(conn, plan.id)?;
    let mut under: HashMap<DbUuid, Vec<PublicInitiative>> = HashMap::new();
    for (node, id, position, code, title) in placed {
        under.entry(node).or_default().push(PublicInitiative {
            id: id.0,
            code: (!code.is_empty()).then_some(code),
            title,
            departments: names.get(&id).cloned().unwrap_or_default(),
            cross_listed: position > 0,
        });
    }
    let mut children: HashMap<Option<DbUuid>, Vec<TreeNode>> = HashMap::new();
    for node in nodes {
        children.entry(node.parent_id).or_default().push(node);
    }
    fn build(
        node: TreeNode,
        children: &mut HashMap<Option<DbUuid>, Vec<TreeNode>>,
        under: &mut HashMap<DbUuid, Vec<PublicInitiative>>,
        labels: &[String],
    ) -> PublicNode {
        let kids = children.remove(&Some(node.id)).unwrap_or_default();
        PublicNode {
            id: node.id.0,
            level_label: labels.get(node.level as usize - 1).cloned(),
            code: node.code,
            title: node.title,
            level: node.level,
            objective: node.objective,
            initiatives: under.remove(&node.id).unwrap_or_default(),
            children: kids.into_iter().map(|k| build(k, children, under, labels)).collect(),
        }
    }
    let roots = children.remove(&None).unwrap_or_default();
    let nodes = roots.into_iter().map(|r| build(r, &mut children, &mut under, &labels)).collect();
    Ok(PublicPlanTree { plan: PublicPlan::of(plan)?, nodes })
}

/// What to count in a public summary (published reports only).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublicSummaryParams {
    /// The fiscal year (in the plan period).
    #[param(example = 2022, minimum = 1989, maximum = 2200)]
    pub fiscal_year: i32,
    /// Groups besides the totals: `node` (one level of the hierarchy) or `department`.
    pub group_by: Option<GroupBy>,
    /// With `group_by=node`: the level, 1 = top (default 1).
    #[param(example = 1, minimum = 1, maximum = 10)]
    pub level: Option<i32>,
    /// Whose rating to count: `self` (default) or `committee`.
    pub rating: Option<RatingSource>,
}

/// Get a published plan's summary
///
/// The plan summary over published reports only: reports in any other state count as missing,
/// unreported and unrated (`workflow` shows `published` and `missing` only).
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
        (status = 200, description = "The summary", body = PlanSummary,
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
    let id = path.into_inner();
    let PublicSummaryParams { fiscal_year, group_by, level, rating } = params.into_inner();
    let (mut request, level_given) = SummaryParams { fiscal_year, group_by, level, rating, state: None }.request();
    request.states = vec![WorkflowState::Published];
    let request = std::sync::Arc::new(request);
    let counted = request.clone();
    cached_public(
        &state,
        &req,
        id,
        move |plan| {
            request.check(plan, level_given)?;
            Ok(request.key(plan, &SummarySight::Published))
        },
        move |conn, plan| Rendered::of(&summaries::plan_summary(conn, plan, &counted, &SummarySight::Published)?),
    )
    .await
}

/// What a public trend covers.
#[derive(Debug, Deserialize, IntoParams)]
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

/// Get a published plan's trend
///
/// The public summary's totals per fiscal year, oldest first.
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
        (status = 200, description = "The totals per fiscal year", body = PlanTrend,
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
    let id = path.into_inner();
    let PublicTrendParams { from, to, rating } = params.into_inner();
    let rating = rating.unwrap_or(RatingSource::SelfRating);
    cached_public(
        &state,
        &req,
        id,
        move |plan| {
            let range = summaries::trend_range(plan, from, to)?;
            Ok(format!("public-trend:{}:{}:{range:?}:{rating:?}", plan.id, plan.data_version))
        },
        move |conn, plan| {
            let range = summaries::trend_range(plan, from, to)?;
            let trend: PlanTrend = summaries::plan_trend(conn, plan, range, rating, &[], &SummarySight::Published)?;
            Rendered::of(&trend)
        },
    )
    .await
}

/// Get an initiative's published timeline
///
/// The initiative with every published report (texts, ratings, committee opinion, quarter marks,
/// indicator values and achievement), oldest first. While a correction is being prepared, the
/// year shows its last published edition.
///
/// Roles: anyone, without credentials.
#[utoipa::path(
    tag = "public",
    security(()),
    params(
        ("initiative_id" = Uuid, Path, description = "Initiative id"),
        ("If-None-Match" = Option<String>, Header, description = "ETag of a timeline already held"),
    ),
    responses(
        (status = 200, description = "The published timeline", body = PublicTimeline,
            headers(("ETag" = String, description = "Tag of this timeline"), ("Cache-Control" = String, description = "`public, max-age=60`"))),
        (status = 404, response = error::NotFound),
        (status = 429, response = error::TooManyRequests),
    )
)]
#[get("/public/initiatives/{initiative_id}/timeline")]
pub async fn get_public_timeline(
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let id = path.into_inner();
    let key = move |plan: &Plan| format!("public-timeline:{}:{}", id, plan.data_version);
    // Cached, with its initiative's plan kept: no database asked.
    let kept = state.initiative_plans.get(&id).and_then(|plan| state.plans.get(&plan));
    if let Some(plan) = kept.filter(|p| is_public(p)) {
        if let Some(hit) = state.summaries.hit(&key(&plan)) {
            return Ok(hit.response(&req, PUBLIC_CACHE));
        }
    }
    let (cache, plans, initiative_plans) =
        (state.summaries.clone(), state.plans.clone(), state.initiative_plans.clone());
    let read_at = (plans.generation(), initiative_plans.generation());
    let charge = charge(&state, &req);
    let rendered = state
        .db(move |conn| {
            let initiative = crate::models::initiatives::load(conn, id)?;
            initiative_plans.keep(id, initiative.plan_id.0, read_at.1);
            let plan = plans.load(conn, initiative.plan_id.0, read_at.0)?;
            if !is_public(&plan) {
                return Err(ApiError::not_found("initiative"));
            }
            cache.get_or(key(&plan), || {
                charge.run(|| {
                    let reports: Vec<Report> = annual_reports::table
                        .filter(annual_reports::initiative_id.eq(initiative.id))
                        .filter(annual_reports::published_snapshot.is_not_null())
                        .order(annual_reports::fiscal_year)
                        .select(Report::as_select())
                        .load(conn)?;
                    let years =
                        reports.iter().map(|r| published(r).map(PublicReport::from)).collect::<ApiResult<_>>()?;
                    let indicators = indicators::table
                        .filter(indicators::initiative_id.eq(initiative.id))
                        .order((indicators::position, indicators::id))
                        .select(crate::models::indicators::Indicator::as_select())
                        .load(conn)?
                        .into_iter()
                        .map(TimelineIndicator::of)
                        .collect::<ApiResult<_>>()?;
                    let departments = department_names_of(conn, initiative.id)?;
                    Rendered::of(&PublicTimeline {
                        initiative_id: id,
                        plan_id: plan.id.0,
                        code: (!initiative.code.is_empty()).then(|| initiative.code.clone()),
                        title: initiative.title.clone(),
                        description: initiative.description.clone(),
                        departments,
                        rating_scale: plan.rating_scale()?,
                        indicators,
                        years,
                    })
                })
            })
        })
        .await?;
    Ok(rendered.response(&req, PUBLIC_CACHE))
}

fn department_names_of(conn: &mut DbConnection, initiative: DbUuid) -> ApiResult<Vec<String>> {
    Ok(initiative_departments::table
        .inner_join(departments::table)
        .filter(initiative_departments::initiative_id.eq(initiative))
        .order(initiative_departments::position)
        .select(departments::name)
        .load(conn)?)
}
