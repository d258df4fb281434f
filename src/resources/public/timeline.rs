//! An initiative's published reports across fiscal years.

use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::access::{charge, is_public, PUBLIC_CACHE};
use crate::db::schema::{annual_reports, departments, indicators, initiative_departments};
use crate::db::{DbConnection, DbUuid};
use crate::domain::enums::{PlanCategory, ProgressStatus};
use crate::error::{self, ApiError, ApiResult};
use crate::models::plans::{Plan, RatingGrade};
use crate::models::reports::Report;
use crate::resources::reports::timeline::TimelineIndicator;
use crate::resources::reports::views::{published_contents, AnnualReportView, QuarterView, ReportValueView};
use crate::web::cache::Rendered;
use crate::web::state::AppState;

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
                    let years = reports
                        .iter()
                        .map(|r| published_contents(r).map(PublicReport::from))
                        .collect::<ApiResult<_>>()?;
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
