//! Published plans: the list, and one plan with its hierarchy (the portal's table of contents).

use std::collections::HashMap;

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::access::{cached_public, published_years, published_years_of, PublishedYear, PUBLIC_CACHE};
use crate::db::schema::{
    departments, initiative_departments, initiative_placements, initiatives, plan_nodes, plans as plans_table,
};
use crate::db::{DbConnection, DbUuid};
use crate::domain::enums::PlanStatus;
use crate::domain::fiscal_year;
use crate::error::{self, ApiError, ApiResult};
use crate::models::plans::{Plan, RatingGrade};
use crate::web::cache::Rendered;
use crate::web::http::{self, finish_page, PageParams};
use crate::web::state::AppState;

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
    /// The latest fiscal year with published reports (what `fiscal_year=latest` means); `null`
    /// while nothing is published.
    #[schema(example = 2022)]
    pub latest_published_fiscal_year: Option<i32>,
    #[schema(example = "令和4年度")]
    pub latest_published_fiscal_year_label: Option<String>,
    /// The fiscal years with published reports, oldest first.
    pub published_fiscal_years: Vec<PublishedYear>,
    pub links: PublicPlanLinks,
}

/// Where this plan's figures are, ready to show (paths on this server; each answers the latest
/// published year unless asked `fiscal_year=`).
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicPlanLinks {
    /// The page to link to or embed in an `<iframe>` (HTML).
    #[schema(example = "/public/plans/0190a1b2-0000-7000-8000-000000000001")]
    pub page: String,
    /// The summary (JSON).
    #[schema(example = "/api/v1/public/plans/0190a1b2-0000-7000-8000-000000000001/summary")]
    pub summary: String,
    /// The summary as open data (CSV).
    #[schema(example = "/api/v1/public/plans/0190a1b2-0000-7000-8000-000000000001/summary.csv")]
    pub summary_csv: String,
    /// The totals over the years with published reports (JSON).
    #[schema(example = "/api/v1/public/plans/0190a1b2-0000-7000-8000-000000000001/summary/trend")]
    pub trend: String,
    /// The ratings as a chart for `<img>` (SVG; add `group_by=node` for a bar per 基本方針).
    #[schema(example = "/api/v1/public/plans/0190a1b2-0000-7000-8000-000000000001/charts/ratings.svg")]
    pub ratings_chart: String,
    /// The ratings over the years as a chart (SVG).
    #[schema(example = "/api/v1/public/plans/0190a1b2-0000-7000-8000-000000000001/charts/trend.svg")]
    pub trend_chart: String,
}

impl PublicPlanLinks {
    fn of(id: Uuid) -> PublicPlanLinks {
        let api = format!("/api/v1/public/plans/{id}");
        PublicPlanLinks {
            page: format!("/public/plans/{id}"),
            summary: format!("{api}/summary"),
            summary_csv: format!("{api}/summary.csv"),
            trend: format!("{api}/summary/trend"),
            ratings_chart: format!("{api}/charts/ratings.svg"),
            trend_chart: format!("{api}/charts/trend.svg"),
        }
    }
}

impl PublicPlan {
    pub fn of(p: &Plan, published: Vec<PublishedYear>) -> ApiResult<PublicPlan> {
        let latest = published.last().map(|y| y.fiscal_year);
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
            latest_published_fiscal_year: latest,
            latest_published_fiscal_year_label: latest.map(fiscal_year::label),
            published_fiscal_years: published,
            links: PublicPlanLinks::of(p.id.0),
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
    let ids: Vec<DbUuid> = rows.iter().map(|p| p.id).collect();
    let mut years = state.db(move |conn| published_years(conn, &ids)).await?;
    let items =
        rows.iter().map(|p| PublicPlan::of(p, years.remove(&p.id).unwrap_or_default())).collect::<ApiResult<_>>()?;
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

/// Department names per initiative of a plan, in each initiative's order.
pub fn department_names(conn: &mut DbConnection, plan: DbUuid) -> ApiResult<HashMap<DbUuid, Vec<String>>> {
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
pub fn tree(conn: &mut DbConnection, plan: &Plan) -> ApiResult<PublicPlanTree> {
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
    Ok(PublicPlanTree { plan: PublicPlan::of(plan, published_years_of(conn, plan)?)?, nodes })
}
