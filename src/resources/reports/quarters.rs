//! Quarterly updates (進行管理 ～6月 … ～3月): what scripts post every quarter.

use actix_web::{put, web, HttpResponse};
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{commit, find, not_found, quarter_view, touch, Context, Quarter, QuarterView, Report};
use crate::auth::Caller;
use crate::db::DbUuid;
use crate::enums::QuarterMark;
use crate::error::{self, ApiError, ApiResult};
use crate::http::{self, IfMatch, JsonBody};
use crate::policy::{self, ReportSight};
use crate::schema::{annual_reports, quarter_updates};
use crate::state::{now, AppState};
use crate::workflow;

/// One quarter, replaced whole (`PUT`): a field left out is `null`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuarterInput {
    /// What was planned for the quarter.
    #[serde(default)]
    #[schema(max_length = 5000, example = "運用方法検討")]
    pub plan_text: Option<String>,
    /// What was done.
    #[serde(default)]
    #[schema(max_length = 5000, example = "関係課と協議を実施")]
    pub result_text: Option<String>,
    /// ○ `done`, × `not_done`, — `not_applicable`; `null`: not yet assessed.
    #[serde(default)]
    pub mark: Option<QuarterMark>,
}

/// Put a quarterly update
///
/// Sets the quarter (1 = 4～6月, 2 = 7～9月, 3 = 10～12月, 4 = 1～3月) of the initiative's
/// report for the fiscal year, creating the `draft` report when there is none. Idempotent:
/// sending the same body again changes nothing and keeps the version, the ETag and the history,
/// so a script may post the quarter it has as often as it runs. `If-Match` takes the quarter's
/// ETag. Editing a `returned` report moves it back to `draft`.
///
/// Roles: the responsible departments or council; admin.
#[utoipa::path(
    tag = "reports",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("fiscal_year" = i32, Path, minimum = 1989, maximum = 2200, description = "Fiscal year", example = 2022),
           ("quarter" = i32, Path, minimum = 1, maximum = 4, description = "Quarter of the fiscal year: 1 = 4～6月 … 4 = 1～3月", example = 1),
           ("If-Match" = Option<String>, Header, description = "ETag of the quarter being changed")),
    request_body(content = QuarterInput, example = json!({"plan_text": "運用方法検討", "result_text": "関係課と協議を実施", "mark": "done"})),
    responses(
        (status = 200, description = "The quarter as stored (unchanged when the same body is sent again)", body = QuarterView,
            headers(("ETag" = String, description = "The quarter's version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[put("/initiatives/{initiative_id}/years/{fiscal_year}/quarters/{quarter}")]
pub async fn put_quarter(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, i32, i32)>,
    if_match: IfMatch,
    body: JsonBody<QuarterInput>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    policy::write_some_initiative_data(&principal)?;
    let (initiative, fy, quarter) = path.into_inner();
    let input = body.read().await?;
    let view = state
        .write(move |conn| {
            let ctx = Context::load(conn, initiative, true)?;
            policy::write_initiative_data(&principal, &ctx.responsible)?;
            ctx.check_fy(fy)?;
            let (report, before_view) = match find(conn, ctx.initiative.id, fy)? {
                Some(r) => {
                    if ctx.sight(&principal, &r)? != ReportSight::Current {
                        return Err(not_found());
                    }
                    let view = super::view_one(conn, &ctx, r.clone())?;
                    (r, Some(view))
                }
                None => (Report::draft(ctx.initiative.id, fy, &actor), None),
            };
            let state = report.state()?;
            if !workflow::department_text_editable(state) {
                return Err(ApiError::Conflict(format!(
                    "the report is {} ({}): quarters are written in draft or returned only",
                    state.as_str(),
                    state.label()
                )));
            }
            let existing: Option<Quarter> = quarter_updates::table
                .filter(quarter_updates::report_id.eq(report.id).and(quarter_updates::quarter.eq(quarter)))
                .select(Quarter::as_select())
                .first(conn)
                .optional()?;
            let mark = input.mark.map(|m| m.as_str().to_string());
            match &existing {
                Some(q) => if_match.check(q.version)?,
                None if if_match.is_present() => return Err(ApiError::PreconditionFailed),
                None => {}
            }
            if let Some(q) = &existing {
                if q.plan_text == input.plan_text && q.result_text == input.result_text && q.mark == mark {
                    return quarter_view(q);
                }
            }
            let ts = now();
            match &existing {
                Some(q) => {
                    let rows = diesel::update(
                        quarter_updates::table.find(q.id).filter(quarter_updates::version.eq(q.version)),
                    )
                    .set((
                        quarter_updates::plan_text.eq(&input.plan_text),
                        quarter_updates::result_text.eq(&input.result_text),
                        quarter_updates::mark.eq(&mark),
                        quarter_updates::version.eq(q.version + 1),
                        quarter_updates::updated_at.eq(ts),
                    ))
                    .execute(conn)?;
                    if_match.applied(rows)?;
                }
                None => {
                    if before_view.is_none() {
                        diesel::insert_into(annual_reports::table).values(&report).execute(conn)?;
                    }
                    diesel::insert_into(quarter_updates::table)
                        .values(&Quarter {
                            id: DbUuid(Uuid::now_v7()),
                            report_id: report.id,
                            quarter,
                            plan_text: input.plan_text.clone(),
                            result_text: input.result_text.clone(),
                            mark: mark.clone(),
                            version: 1,
                            created_at: ts,
                            updated_at: ts,
                        })
                        .execute(conn)?;
                }
            }
            if before_view.is_some() {
                touch(conn, &actor, &report, workflow::after_department_edit(state))?;
            }
            let action = if before_view.is_some() { "quarter" } else { "create" };
            commit(conn, &actor, &ctx, report.id, before_view.as_ref(), action)?;
            let stored: Quarter = quarter_updates::table
                .filter(quarter_updates::report_id.eq(report.id).and(quarter_updates::quarter.eq(quarter)))
                .select(Quarter::as_select())
                .first(conn)?;
            quarter_view(&stored)
        })
        .await?;
    Ok(http::ok_with_etag(&view, view.version))
}

#[cfg(test)]
mod tests {
    #[test]
    fn quarter_labels() {
        let labels: Vec<&str> = (1..=4).map(super::super::quarter_label).collect();
        assert_eq!(labels, ["4～6月", "7～9月", "10～12月", "1～3月"]);
    }
}
