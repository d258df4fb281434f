//! A plan's summary and trend, for the committee and the secretariat.

use actix_web::{get, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{plan_summary, plan_trend, GroupBy, PlanSummary, PlanTrend, RatingSource, SummaryRequest, PRIVATE_CACHE};
use crate::domain::enums::WorkflowState;
use crate::error::{self, ApiResult};
use crate::models::plans;
use crate::web::auth::Principal;
use crate::web::cache::Rendered;
use crate::web::state::AppState;
use crate::web::{http, policy};

/// What to count in a plan summary.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryParams {
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
    /// Count only reports in these workflow states (repeat or separate with commas); reports in
    /// other states count as missing. Default: every state.
    pub state: Option<Vec<WorkflowState>>,
}

impl SummaryParams {
    pub fn request(self) -> (SummaryRequest, bool) {
        let level_given = self.level.is_some();
        let request = SummaryRequest {
            fiscal_year: self.fiscal_year,
            group_by: self.group_by,
            level: self.level.unwrap_or(1),
            rating: self.rating.unwrap_or(RatingSource::SelfRating),
            states: self.state.unwrap_or_default(),
        };
        (request, level_given)
    }
}

/// The years of a trend.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TrendParams {
    /// First fiscal year (default: the plan's first).
    #[param(example = 2020, minimum = 1989, maximum = 2200)]
    pub from: Option<i32>,
    /// Last fiscal year (default: the plan's last).
    #[param(example = 2024, minimum = 1989, maximum = 2200)]
    pub to: Option<i32>,
    /// Whose rating to count: `self` (default) or `committee`.
    pub rating: Option<RatingSource>,
    /// Count only reports in these workflow states (default: every state).
    pub state: Option<Vec<WorkflowState>>,
}

/// Get a plan's progress summary
///
/// For one fiscal year: how many initiatives are active, their ratings (the plan's grades and
/// `unrated`), progress status, report workflow state, quarter marks per quarter and indicator
/// achievement, with plan-level targets; optionally grouped by node of a level (a cross-listed
/// initiative counts under every node it is placed in, and once in the totals) or by department.
/// Counted in the database; cached until the plan's data changes (the `ETag` changes with it:
/// send `If-None-Match` for a `304`).
///
/// Roles: every signed-in role. The committee and other departments count the contents
/// (ratings, status, marks, values) of handed-in reports only; drafts and returned reports still
/// count in `workflow`.
#[utoipa::path(
    tag = "summaries",
    params(
        ("plan_id" = Uuid, Path, description = "Plan id"),
        SummaryParams,
        ("If-None-Match" = Option<String>, Header, description = "ETag of a summary already held"),
    ),
    responses(
        (status = 200, description = "The summary", body = PlanSummary,
            headers(("ETag" = String, description = "Tag of this summary"), ("Cache-Control" = String, description = "`private, no-cache`"))),
        (status = 404, response = error::NotFound),
        (status = 422, response = error::UnprocessableEntity),
    )
)]
#[get("/plans/{plan_id}/summary")]
pub async fn get_plan_summary(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    params: http::Query<SummaryParams>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let sight = policy::summary_sight(&principal)?;
    let id = path.into_inner();
    let (request, level_given) = params.into_inner().request();
    let cache = state.summaries.clone();
    let rendered = state
        .db(move |conn| {
            let plan = plans::load(conn, id)?;
            request.check(&plan, level_given)?;
            cache.get_or(request.key(&plan, &sight), || Rendered::of(&plan_summary(conn, &plan, &request, &sight)?))
        })
        .await?;
    Ok(rendered.response(&req, PRIVATE_CACHE))
}

/// Get a plan's progress trend
///
/// The summary's totals for each fiscal year of a range (default the plan period), oldest first,
/// with labels: how ratings, progress and workflow moved over the years.
///
/// Roles: every signed-in role (contents counted as for the summary).
#[utoipa::path(
    tag = "summaries",
    params(
        ("plan_id" = Uuid, Path, description = "Plan id"),
        TrendParams,
        ("If-None-Match" = Option<String>, Header, description = "ETag of a trend already held"),
    ),
    responses(
        (status = 200, description = "The totals per fiscal year", body = PlanTrend,
            headers(("ETag" = String, description = "Tag of this trend"), ("Cache-Control" = String, description = "`private, no-cache`"))),
        (status = 404, response = error::NotFound),
        (status = 422, response = error::UnprocessableEntity),
    )
)]
#[get("/plans/{plan_id}/summary/trend")]
pub async fn get_plan_trend(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    params: http::Query<TrendParams>,
    req: HttpRequest,
) -> ApiResult<HttpResponse> {
    let sight = policy::summary_sight(&principal)?;
    let id = path.into_inner();
    let params = params.into_inner();
    let cache = state.summaries.clone();
    let rendered = state
        .db(move |conn| {
            let plan = plans::load(conn, id)?;
            let range = super::trend_range(&plan, params.from, params.to)?;
            let rating = params.rating.unwrap_or(RatingSource::SelfRating);
            let states = params.state.unwrap_or_default();
            let key = format!("trend:{}:{}:{range:?}:{rating:?}:{states:?}:{sight:?}", plan.id, plan.data_version);
            cache.get_or(key, || Rendered::of(&plan_trend(conn, &plan, range, rating, &states, &sight)?))
        })
        .await?;
    Ok(rendered.response(&req, PRIVATE_CACHE))
}
