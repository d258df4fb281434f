//! Reading many reports at once: an initiative's timeline across fiscal years (the multi-year
//! progress sheet), and a plan's reports filtered for a department's or the committee's queue.

use std::collections::HashMap;

use actix_web::{get, web};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::context::Context;
use super::views::AnnualReportView;
use crate::db::schema::{annual_reports, indicators, initiative_departments, initiatives};
use crate::db::{utc, DbUuid};
use crate::domain::enums::{Direction, ProgressStatus, WorkflowState};
use crate::domain::fiscal_year;
use crate::error::{self, ApiError, ApiResult};
use crate::models::indicators::Indicator;
use crate::models::plans;
use crate::models::reports::Report;
use crate::models::users::{UserNames, UserRef};
use crate::resources::departments::DepartmentRef;
use crate::web::auth::Principal;
use crate::web::http::{self, finish_page, PageParams};
use crate::web::policy::{self, ReportSight};
use crate::web::state::AppState;

/// One fiscal year of an initiative.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineYear {
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    /// The year's report with its quarters and indicator values (`null`: none yet, or not
    /// visible to the caller).
    pub report: Option<AnnualReportView>,
}

/// An indicator as the timeline lists it: which years its definition covers.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineIndicator {
    pub id: Uuid,
    #[schema(example = "9-2")]
    pub key: String,
    #[schema(example = "R4~ 福祉事務所内専門職等配置数")]
    pub name: String,
    pub unit: Option<String>,
    pub direction: Direction,
    pub valid_from_fy: Option<i32>,
    pub valid_to_fy: Option<i32>,
    /// The indicator this one revised (見直し).
    pub replaces_id: Option<Uuid>,
}

impl TimelineIndicator {
    pub fn of(i: Indicator) -> ApiResult<TimelineIndicator> {
        Ok(TimelineIndicator {
            id: i.id.0,
            key: i.bundle_key,
            name: i.name,
            unit: i.unit,
            direction: Direction::from_db(&i.direction)?,
            valid_from_fy: i.valid_from_fy,
            valid_to_fy: i.valid_to_fy,
            replaces_id: i.replaces_id.map(|r| r.0),
        })
    }
}

/// Every fiscal year of an initiative side by side.
#[derive(Debug, Serialize, ToSchema)]
pub struct Timeline {
    pub initiative_id: Uuid,
    pub plan_id: Uuid,
    /// Code as printed (`null` when the source printed none).
    #[schema(example = "9")]
    pub code: Option<String>,
    #[schema(example = "地域福祉にかかる担当職員の配置")]
    pub title: String,
    /// The plan's grades, for the ratings in the years.
    pub rating_scale: Vec<plans::RatingGrade>,
    pub indicators: Vec<TimelineIndicator>,
    /// Oldest first: every FY of the plan period in the initiative's active range, and any other
    /// year that has a report.
    pub years: Vec<TimelineYear>,
}

/// Get an initiative's timeline
///
/// Every fiscal year of the initiative with its report (state, ratings, texts), quarters,
/// indicator values and achievements, oldest first: the multi-year progress sheet in one call.
///
/// Roles: every signed-in role; the committee and other departments see the years whose report
/// was handed in (and the published edition while a correction is prepared).
#[utoipa::path(
    tag = "reports",
    params(("initiative_id" = Uuid, Path, description = "Initiative id")),
    responses(
        (status = 200, description = "The timeline", body = Timeline),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/initiatives/{initiative_id}/timeline")]
pub async fn get_timeline(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> ApiResult<web::Json<Timeline>> {
    policy::read_internal(&principal)?;
    let initiative = path.into_inner();
    let timeline = state
        .db(move |conn| {
            let ctx = Context::load(conn, initiative, false)?;
            let reports: Vec<Report> = annual_reports::table
                .filter(annual_reports::initiative_id.eq(ctx.initiative.id))
                .order(annual_reports::fiscal_year)
                .select(Report::as_select())
                .load(conn)?;
            let mut seen: Vec<Report> = Vec::new();
            let mut shown: HashMap<i32, AnnualReportView> = HashMap::new();
            for r in reports {
                match ctx.sight(&principal, &r)? {
                    ReportSight::Current => seen.push(r),
                    ReportSight::LastPublished => {
                        shown.insert(r.fiscal_year, super::views::published(&r, &ctx.plan)?);
                    }
                    ReportSight::Hidden => {}
                }
            }
            let all_fys: Vec<i32> = seen.iter().map(|r| r.fiscal_year).collect();
            for view in super::views::views(conn, &ctx, seen)? {
                shown.insert(view.fiscal_year, view);
            }
            let (from, to) = ctx.fy_range();
            let mut fys: Vec<i32> = (from..=to).chain(all_fys).chain(shown.keys().copied()).collect();
            fys.sort_unstable();
            fys.dedup();
            let indicators: Vec<Indicator> = indicators::table
                .filter(indicators::initiative_id.eq(ctx.initiative.id))
                .order((indicators::position, indicators::id))
                .select(Indicator::as_select())
                .load(conn)?;
            Ok(Timeline {
                initiative_id: ctx.initiative.id.0,
                plan_id: ctx.plan.id.0,
                code: (!ctx.initiative.code.is_empty()).then(|| ctx.initiative.code.clone()),
                title: ctx.initiative.title.clone(),
                rating_scale: ctx.scale.clone(),
                indicators: indicators.into_iter().map(TimelineIndicator::of).collect::<ApiResult<_>>()?,
                years: fys
                    .into_iter()
                    .map(|fy| TimelineYear {
                        fiscal_year: fy,
                        fiscal_year_label: fiscal_year::label(fy),
                        report: shown.remove(&fy),
                    })
                    .collect(),
            })
        })
        .await?;
    Ok(web::Json(timeline))
}

/// A report in a list: its initiative, state and ratings.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportSummary {
    pub id: Uuid,
    pub initiative_id: Uuid,
    /// The initiative's code as printed (`null` when it has none).
    #[schema(example = "9")]
    pub initiative_code: Option<String>,
    #[schema(example = "地域福祉にかかる担当職員の配置")]
    pub initiative_title: String,
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    pub workflow_state: WorkflowState,
    #[schema(example = "提出済")]
    pub workflow_state_label: String,
    pub progress_status: Option<ProgressStatus>,
    pub progress_status_label: Option<String>,
    #[schema(example = "B")]
    pub self_rating: Option<String>,
    pub committee_rating: Option<String>,
    #[schema(example = 1)]
    pub edition: i32,
    pub updated_by: Option<UserRef>,
    pub version: i32,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

crate::list_type!(ReportList, ReportSummary);

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportFilter {
    /// Only this fiscal year.
    #[param(example = 2022, minimum = 1989, maximum = 2200)]
    pub fiscal_year: Option<i32>,
    /// Only reports in these workflow states (repeat the parameter or separate with commas).
    pub state: Option<Vec<WorkflowState>>,
    /// Only reports of initiatives one of these departments is responsible for; `mine`: the
    /// departments the caller acts for.
    #[param(inline)]
    pub department_id: Option<Vec<DepartmentRef>>,
    /// Only reports with these progress statuses.
    pub progress_status: Option<Vec<ProgressStatus>>,
    /// Only reports whose self-rating is one of these grades (`unrated`: none given).
    #[param(example = json!(["C", "D"]))]
    pub rating: Option<Vec<String>>,
    /// Only reports whose committee rating is one of these grades (`unrated`: none given).
    pub committee_rating: Option<Vec<String>>,
}

/// Narrows the query by a rating filter: the current row's grade is one of `grades` (`unrated`:
/// none), or the report has a published edition, which may be what the caller is shown; the
/// exact filter applies to what is shown ([`matches_shown`]).
macro_rules! rating_filter {
    ($query:ident, $column:expr, $grades:expr) => {
        if let Some(grades) = $grades {
            let codes: Vec<String> = grades.iter().filter(|g| g.as_str() != "unrated").cloned().collect();
            let published = annual_reports::published_snapshot.is_not_null();
            if grades.iter().any(|g| g == "unrated") {
                $query = $query.filter($column.eq_any(codes).or($column.is_null()).or(published));
            } else {
                $query = $query.filter($column.eq_any(codes).or(published));
            }
        }
    };
}

/// Whether a grade shown (`None`: unrated) is one of a filter's grades.
fn grade_in(grade: Option<&str>, grades: &Option<Vec<String>>) -> bool {
    grades
        .as_ref()
        .is_none_or(|grades| grades.iter().any(|g| Some(g.as_str()) == grade || (g == "unrated" && grade.is_none())))
}

/// Whether the report as the caller is shown it (the published edition, for those who see only
/// that) passes the filter's state, progress and ratings: a filter never answers from contents
/// the caller may not see.
fn matches_shown(filter: &ReportFilter, shown: &ReportSummary) -> bool {
    filter.state.as_ref().is_none_or(|s| s.contains(&shown.workflow_state))
        && filter.progress_status.as_ref().is_none_or(|s| shown.progress_status.is_some_and(|p| s.contains(&p)))
        && grade_in(shown.self_rating.as_deref(), &filter.rating)
        && grade_in(shown.committee_rating.as_deref(), &filter.committee_rating)
}

/// List a plan's reports
///
/// Filtered by fiscal year, state, department (`mine`), progress status and ratings, ordered by
/// fiscal year and then by the initiative's code: a department finds its open reports
/// (`?department_id=mine&state=draft,returned`), the committee its queue (`?state=submitted`).
/// The committee and other departments see reports once handed in; while a correction is being
/// prepared, the published edition is listed as it was published. Filters apply to what the
/// caller is shown: the published edition's state, progress and ratings, not the correction's.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "reports",
    params(("plan_id" = Uuid, Path, description = "Plan id"), ReportFilter, PageParams),
    responses(
        (status = 200, description = "One page of reports", body = ReportList),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/plans/{plan_id}/reports")]
pub async fn list_reports(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    filter: http::Query<ReportFilter>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<ReportList>> {
    policy::read_internal(&principal)?;
    let plan_id = path.into_inner();
    let filter = filter.into_inner();
    let page = page.into_inner().validate()?;
    let list = state
        .db(move |conn| {
            let plan = plans::load(conn, plan_id)?;
            let mut query = annual_reports::table
                .inner_join(initiatives::table)
                .filter(initiatives::plan_id.eq(plan.id))
                .select((Report::as_select(), initiatives::code, initiatives::title, initiatives::code_sort))
                .into_boxed();
            if let Some(fy) = filter.fiscal_year {
                query = query.filter(annual_reports::fiscal_year.eq(fy));
            }
            if let Some(refs) = &filter.department_id {
                let departments = DepartmentRef::resolve(refs, &principal);
                let owned = initiative_departments::table
                    .filter(initiative_departments::department_id.eq_any(departments))
                    .select(initiative_departments::initiative_id);
                query = query.filter(annual_reports::initiative_id.eq_any(owned));
            }
            if let Some(statuses) = &filter.progress_status {
                let statuses: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
                // A superset: the exact filter applies to what is shown (see `matches_shown`).
                query = query.filter(
                    annual_reports::progress_status
                        .eq_any(statuses)
                        .or(annual_reports::published_snapshot.is_not_null()),
                );
            }
            rating_filter!(query, annual_reports::self_rating, &filter.rating);
            rating_filter!(query, annual_reports::committee_rating, &filter.committee_rating);
            if let Some((key, id)) = &page.after {
                let (fy, code_sort) =
                    key.split_once('|').ok_or_else(|| ApiError::bad_param("/query/cursor", "invalid cursor"))?;
                let fy: i32 = fy.parse().map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?;
                let id =
                    DbUuid(Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?);
                let code_sort = code_sort.to_string();
                query = query.filter(
                    annual_reports::fiscal_year.gt(fy).or(annual_reports::fiscal_year.eq(fy).and(
                        initiatives::code_sort
                            .gt(code_sort.clone())
                            .or(initiatives::code_sort.eq(code_sort).and(annual_reports::id.gt(id))),
                    )),
                );
            }
            let rows: Vec<(Report, String, String, String)> =
                query.order((annual_reports::fiscal_year, initiatives::code_sort, annual_reports::id)).load(conn)?;
            let names = UserNames::load(conn, rows.iter().filter_map(|r| r.0.updated_by))?;
            // Who sees what is decided per report (it depends on its departments), then the
            // filters apply to what is seen.
            let ids: Vec<DbUuid> = rows.iter().map(|r| r.0.initiative_id).collect();
            let mut responsible: HashMap<DbUuid, Vec<Uuid>> = HashMap::new();
            for chunk in ids.chunks(500) {
                for (i, d) in initiative_departments::table
                    .filter(initiative_departments::initiative_id.eq_any(chunk))
                    .select((initiative_departments::initiative_id, initiative_departments::department_id))
                    .load::<(DbUuid, DbUuid)>(conn)?
                {
                    responsible.entry(i).or_default().push(d.0);
                }
            }
            let mut items = Vec::new();
            for (report, code, title, code_sort) in rows {
                let deps = responsible.get(&report.initiative_id).map(Vec::as_slice).unwrap_or_default();
                let summary =
                    match policy::see_report(&principal, deps, report.state()?, report.published_snapshot.is_some()) {
                        ReportSight::Current => summary_of(&report, &names)?,
                        ReportSight::LastPublished => {
                            summary_of_view(&report, &super::views::published_contents(&report)?)
                        }
                        ReportSight::Hidden => continue,
                    };
                if !matches_shown(&filter, &summary) {
                    continue;
                }
                let key = format!("{}|{code_sort}", report.fiscal_year);
                items.push((
                    ReportSummary {
                        initiative_code: (!code.is_empty()).then_some(code),
                        initiative_title: title,
                        ..summary
                    },
                    key,
                ));
                if items.len() as i64 > page.limit {
                    break;
                }
            }
            let (items, next_cursor) =
                finish_page(items, page.limit, |(s, key): &(ReportSummary, String)| (key.clone(), s.id.to_string()));
            let items: Vec<ReportSummary> = items.into_iter().map(|(s, _)| s).collect();
            Ok(ReportList { items, next_cursor })
        })
        .await?;
    Ok(web::Json(list))
}

fn summary_of(r: &Report, names: &UserNames) -> ApiResult<ReportSummary> {
    let state = r.state()?;
    let progress = r.progress_status.as_deref().map(ProgressStatus::from_db).transpose()?;
    Ok(ReportSummary {
        id: r.id.0,
        initiative_id: r.initiative_id.0,
        initiative_code: None,
        initiative_title: String::new(),
        fiscal_year: r.fiscal_year,
        fiscal_year_label: fiscal_year::label(r.fiscal_year),
        workflow_state: state,
        workflow_state_label: state.label().into(),
        progress_status: progress,
        progress_status_label: progress.map(|p| p.label().to_string()),
        self_rating: r.self_rating.clone(),
        committee_rating: r.committee_rating.clone(),
        edition: r.revision,
        updated_by: names.user(r.updated_by),
        version: r.version,
        updated_at: utc(r.updated_at),
    })
}

fn summary_of_view(r: &Report, v: &AnnualReportView) -> ReportSummary {
    ReportSummary {
        id: r.id.0,
        initiative_id: r.initiative_id.0,
        initiative_code: None,
        initiative_title: String::new(),
        fiscal_year: v.fiscal_year,
        fiscal_year_label: v.fiscal_year_label.clone(),
        workflow_state: v.workflow_state,
        workflow_state_label: v.workflow_state_label.clone(),
        progress_status: v.progress_status,
        progress_status_label: v.progress_status_label.clone(),
        self_rating: v.self_rating.clone(),
        committee_rating: v.committee_rating.clone(),
        edition: v.edition,
        updated_by: v.updated_by.clone(),
        version: v.version,
        updated_at: v.updated_at,
    }
}
