//! Quarterly updates (進行管理 ～6月 … ～3月): what scripts post every quarter.

use actix_web::{put, web, HttpResponse};
use diesel::prelude::*;
use uuid::Uuid;

use super::change::{Precondition, QuarterInput, ReportChange};
use super::context::{not_found, Context};
use super::views::{quarter_view, QuarterView};
use super::write;
use crate::db::schema::quarter_updates;
use crate::error::{self, ApiResult};
use crate::models::reports::Quarter;
use crate::web::auth::Caller;
use crate::web::http::{self, IfMatch, JsonBody};
use crate::web::policy;
use crate::web::state::AppState;

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
            let change = ReportChange {
                fields: None,
                quarters: vec![(quarter, input)],
                values: Vec::new(),
                precondition: Precondition::Quarter(if_match),
                sparse: false,
            };
            let report_id =
                write::apply(conn, &principal, &actor, &ctx, fy, change)?.report_id.ok_or_else(not_found)?;
            let stored: Quarter = quarter_updates::table
                .filter(quarter_updates::report_id.eq(report_id).and(quarter_updates::quarter.eq(quarter)))
                .select(Quarter::as_select())
                .first(conn)?;
            quarter_view(&stored)
        })
        .await?;
    Ok(http::ok_with_etag(&view, view.version))
}
