//! The annual report of an initiative for a fiscal year: reading and writing it, and the
//! workflow transitions (submission, return, review, publication, correction).

use actix_web::{get, post, put, web, HttpResponse};
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::change::{wrong_state, AnnualReportInput, Precondition, ReportChange};
use super::context::{not_found, Context};
use super::store::{commit, touch};
use super::views::AnnualReportView;
use super::write::{self, Outcome};
use crate::db::now;
use crate::db::schema::annual_reports;
use crate::domain::webhooks::EventType;
use crate::domain::workflow::{self, Transition};
use crate::error::{self, ApiResult};
use crate::models::outbox::{self, Audience, MailKind, ReportEventData};
use crate::models::reports::find;
use crate::web::auth::{Caller, Principal};
use crate::web::http::{self, IfMatch, JsonBody};
use crate::web::policy::{self, ReportSight};
use crate::web::state::AppState;

type YearPath = web::Path<(Uuid, i32)>;

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
            super::views::visible_view(conn, &principal, &ctx, report)
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
                    super::views::view_one(conn, &ctx, report)?
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

/// A report as its events tell of it (`comment`: the comment a `comment.created` is about).
pub fn event_data(ctx: &Context, view: &AnnualReportView, comment: Option<Uuid>) -> ReportEventData {
    ReportEventData {
        plan_id: ctx.plan.id.0,
        initiative_id: ctx.initiative.id.0,
        initiative_code: Some(ctx.initiative.code.clone()).filter(|c| !c.trim().is_empty()),
        initiative_title: ctx.initiative.title.clone(),
        report_id: view.id,
        fiscal_year: view.fiscal_year,
        fiscal_year_label: view.fiscal_year_label.clone(),
        workflow_state: view.workflow_state.as_str().to_string(),
        edition: view.edition,
        return_reason: view.return_reason.clone(),
        comment_id: comment,
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
            let before_view = super::views::view_one(conn, &ctx, before.clone())?;
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
                    .set(annual_reports::published_snapshot.eq(super::views::published_snapshot(conn, &after)?))
                    .execute(conn)?;
            }
            let event = match transition {
                Transition::Submit => EventType::ReportSubmitted,
                Transition::Return => EventType::ReportReturned,
                Transition::Review => EventType::ReportReviewed,
                Transition::Publish => EventType::ReportPublished,
                Transition::Correct => EventType::ReportCorrected,
            };
            let id = outbox::emit(conn, event, Some(ctx.plan.id.0), &event_data(&ctx, &after, None), None)?;
            // Mail: the department learns of a return or a publication, the committee of a submission.
            match transition {
                Transition::Return | Transition::Publish => {
                    outbox::mail_to(conn, id, MailKind::Notice, Audience::Departments(&ctx.responsible))?;
                }
                Transition::Submit => {
                    outbox::mail_to(conn, id, MailKind::Notice, Audience::Committee)?;
                }
                Transition::Review | Transition::Correct => {}
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
