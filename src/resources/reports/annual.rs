//! The annual report of an initiative for a fiscal year: reading and writing it, and the
//! workflow transitions (submission, return, review, publication, correction).

use actix_web::{get, post, put, web, HttpResponse};
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::write::{self, Outcome, Precondition, ReportChange};
use super::{commit, find, not_found, touch, AnnualReportView, Context, Report};
use crate::web::auth::{Caller, Principal};
use crate::domain::enums::{PlanCategory, ProgressStatus, WorkflowState};
use crate::error::{self, ApiError, ApiResult};
use crate::web::http::{self, patch_field, IfMatch, JsonBody};
use crate::web::policy::{self, ReportSight};
use crate::db::schema::annual_reports;
use crate::db::now;
use crate::web::state::AppState;
use crate::domain::validation::Errors;
use crate::domain::workflow::{self, Transition};

type YearPath = web::Path<(Uuid, i32)>;

/// The fields of an annual report to set. Merge semantics: fields sent are set (`null` clears
/// them), fields left out keep their value. The department's fields are written by the
/// responsible departments (or admin) in `draft` or `returned`; `committee_rating` and
/// `committee_opinion` by the committee (or admin) in `submitted` or `reviewed`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnualReportInput {
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<PlanCategory>)]
    pub category: Option<Option<PlanCategory>>,
    /// 取組の内容.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub plan_text: Option<Option<String>>,
    /// 内容と成果.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub result_text: Option<Option<String>>,
    /// 課題.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub issues_text: Option<Option<String>>,
    /// 今後の方針.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub next_steps_text: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub previous_year_result_text: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<ProgressStatus>)]
    pub progress_status: Option<Option<ProgressStatus>>,
    /// A grade of the plan's rating scale.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 8, example = "B")]
    pub self_rating: Option<Option<String>>,
    /// A grade of the plan's rating scale (committee or admin).
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 8)]
    pub committee_rating: Option<Option<String>>,
    /// 意見等 (committee or admin).
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    pub committee_opinion: Option<Option<String>>,
}

impl AnnualReportInput {
    pub fn has_department_fields(&self) -> bool {
        self.category.is_some()
            || self.plan_text.is_some()
            || self.result_text.is_some()
            || self.issues_text.is_some()
            || self.next_steps_text.is_some()
            || self.previous_year_result_text.is_some()
            || self.progress_status.is_some()
            || self.self_rating.is_some()
    }

    pub fn has_committee_fields(&self) -> bool {
        self.committee_rating.is_some() || self.committee_opinion.is_some()
    }

    /// The row with the fields sent applied.
    pub(super) fn apply(self, mut row: Report) -> Report {
        fn set<T>(field: &mut Option<T>, value: Option<Option<T>>) {
            if let Some(v) = value {
                *field = v;
            }
        }
        set(&mut row.category, self.category.map(|c| c.map(|c| c.as_str().to_string())));
        set(&mut row.plan_text, self.plan_text);
        set(&mut row.result_text, self.result_text);
        set(&mut row.issues_text, self.issues_text);
        set(&mut row.next_steps_text, self.next_steps_text);
        set(&mut row.previous_year_result_text, self.previous_year_result_text);
        set(&mut row.progress_status, self.progress_status.map(|p| p.map(|p| p.as_str().to_string())));
        set(&mut row.self_rating, self.self_rating);
        set(&mut row.committee_rating, self.committee_rating);
        set(&mut row.committee_opinion, self.committee_opinion);
        row
    }
}

/// 409 naming the current state.
pub(super) fn wrong_state(state: WorkflowState, what: &str) -> ApiError {
    ApiError::Conflict(format!("the report is {} ({}): {what}", state.as_str(), state.label()))
}

/// Ratings must be grades of the plan's scale.
pub(super) fn check_grades(ctx: &Context, row: &Report) -> ApiResult<()> {
    let mut errors = Errors(Vec::new());
    let codes: Vec<&str> = ctx.scale.iter().map(|g| g.code.as_str()).collect();
    for (field, value) in [("/self_rating", &row.self_rating), ("/committee_rating", &row.committee_rating)] {
        if let Some(v) = value {
            if !codes.contains(&v.as_str()) {
                errors.add(field, "enum", format!("must be a grade of the plan's scale: {}", codes.join(", ")));
            }
        }
    }
    errors.into_result()
}

/// Get an annual report
///
/// The report of the initiative for the fiscal year, with its quarterly updates and the year's
/// indicator values. The committee and other departments see it once it is handed in; while a
/// correction is prepared they see the edition last published.
///
/// Roles: every signed-in role that may see the report (others get 404).
#[utoipa::path(
    tag = "reports",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("fiscal_year" = i32, Path, minimum = 1989, maximum = 2200, description = "Fiscal year (the year it starts: 2022 = 令和4年度)", example = 2022)),
    responses(
        (status = 200, description = "The report", body = AnnualReportView, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/initiatives/{initiative_id}/years/{fiscal_year}")]
pub async fn get_report(principal: Principal, state: web::Data<AppState>, path: YearPath) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let (initiative, fy) = path.into_inner();
    let view = state
        .db(move |conn| {
            let ctx = Context::load(conn, initiative, false)?;
            let report = find(conn, ctx.initiative.id, fy)?.ok_or_else(not_found)?;
            super::visible_view(conn, &principal, &ctx, report)
        })
        .await?;
    Ok(http::ok_with_etag(&view, view.version))
}

/// Create or update an annual report
///
/// Creates the report as a `draft` when there is none (201), else sets the fields sent (200).
/// Sending the current values changes nothing: the version, ETag and history stay as they are.
/// Department text edited in `returned` moves the report back to `draft`. The fiscal year must
/// lie in the plan period and the initiative's active range.
///
/// Roles: department fields: the responsible departments or council, admin; committee fields:
/// committee, admin.
#[utoipa::path(
    tag = "reports",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("fiscal_year" = i32, Path, minimum = 1989, maximum = 2200, description = "Fiscal year", example = 2022),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = AnnualReportInput, example = json!({
        "category": "implement", "plan_text": "ガイドブックを改訂し全戸に配布する",
        "result_text": "8月に改訂版を発行（2,300部）", "progress_status": "on_track", "self_rating": "A"
    })),
    responses(
        (status = 200, description = "Updated (or unchanged)", body = AnnualReportView, headers(("ETag" = String, description = "Version tag"))),
        (status = 201, description = "Created as a draft", body = AnnualReportView,
            headers(("Location" = String, description = "URL of the report"), ("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[put("/initiatives/{initiative_id}/years/{fiscal_year}")]
pub async fn put_report(
    caller: Caller,
    state: web::Data<AppState>,
    path: YearPath,
    if_match: IfMatch,
    body: JsonBody<AnnualReportInput>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    policy::write_some_report_field(&principal)?;
    let (initiative, fy) = path.into_inner();
    let input = body.read().await?;
    let (view, created) = state
        .write(move |conn| {
            let ctx = Context::load(conn, initiative, true)?;
            let change = ReportChange {
                fields: Some(input),
                quarters: Vec::new(),
                values: Vec::new(),
                precondition: Precondition::Report(if_match),
                sparse: false,
            };
            let applied = write::apply(conn, &principal, &actor, &ctx, fy, change)?;
            let view = match applied.view {
                Some(view) => view,
                None => {
                    let report = find(conn, ctx.initiative.id, fy)?.ok_or_else(not_found)?;
                    super::view_one(conn, &ctx, report)?
                }
            };
            Ok((view, applied.outcome == Outcome::Created))
        })
        .await?;
    if created {
        let location = format!("/api/v1/initiatives/{initiative}/years/{fy}");
        Ok(http::created(&view, location, view.version))
    } else {
        Ok(http::ok_with_etag(&view, view.version))
    }
}

/// Why a report is sent back.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReturnInput {
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S", example = "成果の数値を追記してください")]
    pub reason: String,
}

/// Applies a workflow transition: checks the role, that the caller sees the report, the state,
/// `If-Match`; writes the new state and its revision.
async fn transition(
    caller: Caller,
    state: web::Data<AppState>,
    path: YearPath,
    if_match: IfMatch,
    transition: Transition,
    reason: Option<String>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let (initiative, fy) = path.into_inner();
    let view = state
        .write(move |conn| {
            let ctx = Context::load(conn, initiative, true)?;
            if transition == Transition::Submit {
                policy::write_initiative_data(&principal, &ctx.responsible)?;
            }
            let before = find(conn, ctx.initiative.id, fy)?.ok_or_else(not_found)?;
            if ctx.sight(&principal, &before)? != ReportSight::Current {
                return Err(not_found());
            }
            let current = before.state()?;
            let Some(next) = workflow::next(current, transition) else {
                let from: Vec<&str> = workflow::allowed_from(transition).iter().map(|s| s.as_str()).collect();
                return Err(wrong_state(
                    current,
                    &format!(
                        "{} ({}) is possible from {} only",
                        transition.as_str(),
                        transition.label(),
                        from.join(" or ")
                    ),
                ));
            };
            if_match.check(before.version)?;
            let before_view = super::view_one(conn, &ctx, before.clone())?;
            touch(conn, &actor, &before, next)?;
            let extra = diesel::update(annual_reports::table.find(before.id));
            match transition {
                Transition::Return => {
                    extra.set(annual_reports::return_reason.eq(reason)).execute(conn)?;
                }
                Transition::Submit => {
                    extra.set(annual_reports::return_reason.eq(None::<String>)).execute(conn)?;
                }
                Transition::Correct => {
                    extra.set(annual_reports::revision.eq(before.revision + 1)).execute(conn)?;
                }
                Transition::Publish => {
                    extra.set(annual_reports::published_at.eq(now())).execute(conn)?;
                }
                Transition::Review => {}
            }
            let after = commit(conn, &actor, &ctx, before.id, Some(&before_view), transition.as_str())?;
            if transition == Transition::Publish {
                // What the public sees until the next edition is published.
                diesel::update(annual_reports::table.find(before.id))
                    .set(annual_reports::published_snapshot.eq(serde_json::to_string(&after)?))
                    .execute(conn)?;
            }
            Ok(after)
        })
        .await?;
    Ok(http::ok_with_etag(&view, view.version))
}

macro_rules! transition_endpoint {
    ($fn_name:ident, $path:literal, $transition:expr, $summary:literal, $doc:literal, $roles:literal, $check:path) => {
        #[doc = $summary]
        #[doc = ""]
        #[doc = $doc]
        #[doc = ""]
        #[doc = $roles]
        #[utoipa::path(
            tag = "reports",
            params(("initiative_id" = Uuid, Path, description = "Initiative id"),
                   ("fiscal_year" = i32, Path, minimum = 1989, maximum = 2200, description = "Fiscal year", example = 2022),
                   ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
            responses(
                (status = 200, description = "The report in its new state", body = AnnualReportView, headers(("ETag" = String, description = "New version tag"))),
                (status = 404, response = error::NotFound),
                (status = 409, response = error::Conflict),
            )
        )]
        #[post($path)]
        pub async fn $fn_name(
            caller: Caller,
            state: web::Data<AppState>,
            path: YearPath,
            if_match: IfMatch,
        ) -> ApiResult<HttpResponse> {
            $check(&caller.principal)?;
            transition(caller, state, path, if_match, $transition, None).await
        }
    };
}

transition_endpoint!(
    submit_report,
    "/initiatives/{initiative_id}/years/{fiscal_year}/submission",
    Transition::Submit,
    "Submit a report",
    "`draft` or `returned` → `submitted`: the department hands the report to the committee.",
    "Roles: the responsible departments or council; admin.",
    policy::write_some_initiative_data
);
transition_endpoint!(
    review_report,
    "/initiatives/{initiative_id}/years/{fiscal_year}/review",
    Transition::Review,
    "Mark a report reviewed",
    "`submitted` → `reviewed`.",
    "Roles: committee; admin.",
    policy::review_report
);
transition_endpoint!(
    publish_report,
    "/initiatives/{initiative_id}/years/{fiscal_year}/publication",
    Transition::Publish,
    "Publish a report",
    "`reviewed` → `published`: from now on the public portal shows this edition.",
    "Roles: admin.",
    policy::publish_report
);
transition_endpoint!(
    correct_report,
    "/initiatives/{initiative_id}/years/{fiscal_year}/corrections",
    Transition::Correct,
    "Open a correction of a published report",
    "`published` → `draft` as a new edition. The published edition stays what the public (and the committee) see until the correction is published; the old text stays in the history.",
    "Roles: admin.",
    policy::publish_report
);

/// Return a report
///
/// `submitted` or `reviewed` → `returned`, with the reason. The department's next edit moves it
/// back to `draft` (or it submits it again as it is).
///
/// Roles: committee; admin.
#[utoipa::path(
    tag = "reports",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("fiscal_year" = i32, Path, minimum = 1989, maximum = 2200, description = "Fiscal year", example = 2022),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = ReturnInput, example = json!({"reason": "成果の数値を追記してください"})),
    responses(
        (status = 200, description = "The report, returned", body = AnnualReportView, headers(("ETag" = String, description = "New version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[post("/initiatives/{initiative_id}/years/{fiscal_year}/return")]
pub async fn return_report(
    caller: Caller,
    state: web::Data<AppState>,
    path: YearPath,
    if_match: IfMatch,
    body: JsonBody<ReturnInput>,
) -> ApiResult<HttpResponse> {
    policy::review_report(&caller.principal)?;
    let input = body.read().await?;
    transition(caller, state, path, if_match, Transition::Return, Some(input.reason.trim().to_string())).await
}
