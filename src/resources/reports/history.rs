//! A report's history (docs/domain.md, "Every version is kept"): every version, who made it and what it changed, one version
//! whole, and the per-field difference between two versions.

use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::context::{not_found, Context};
use super::views::AnnualReportView;
use crate::db::schema::report_revisions;
use crate::db::{utc, DbUuid};
use crate::domain::enums::WorkflowState;
use crate::error::{self, ApiError, ApiResult};
use crate::models::reports::find;
use crate::models::users::{UserNames, UserRef};
use crate::resources::reports::diff::{diff, FieldChange};
use crate::resources::users::AuthenticatedBy;
use crate::web::auth::Principal;
use crate::web::http::{self, finish_page, PageParams};
use crate::web::policy::{self, ReportSight};
use crate::web::state::AppState;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = report_revisions)]
struct RevisionRow {
    number: i32,
    edition: i32,
    workflow_state: String,
    action: String,
    changed_fields: String,
    actor_id: Option<DbUuid>,
    token_id: Option<DbUuid>,
    occurred_at: chrono::NaiveDateTime,
    snapshot: String,
}

/// One version of a report in its history.
#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionSummary {
    /// The report's version this revision produced (1, 2, …).
    #[schema(example = 3)]
    pub revision: i32,
    #[schema(example = 1)]
    pub edition: i32,
    pub workflow_state: WorkflowState,
    #[schema(example = "提出済")]
    pub workflow_state_label: String,
    /// What happened: `create`, `update`, `quarter`, `indicator_value`, `submit`, `return`,
    /// `review`, `publish`, `correct`, or `import` (the state it was imported or migrated in).
    #[schema(example = "submit")]
    pub action: String,
    /// The fields this version changed (see the diff operation for old and new values).
    #[schema(example = json!(["workflow_state"]))]
    pub changed_fields: Vec<String>,
    /// Who made it (`null`: imported).
    pub actor: Option<UserRef>,
    /// How the actor signed in (`null`: imported).
    pub authenticated_by: Option<AuthenticatedBy>,
    pub occurred_at: chrono::DateTime<chrono::Utc>,
}

/// One version whole.
#[derive(Debug, Serialize, ToSchema)]
pub struct Revision {
    /// Who, when, what.
    pub revision: RevisionSummary,
    /// The report as it was after this revision.
    pub report: AnnualReportView,
}

crate::list_type!(RevisionList, RevisionSummary);

/// The difference between two versions.
#[derive(Debug, Serialize, ToSchema)]
pub struct RevisionDiff {
    #[schema(example = 2)]
    pub from_revision: i32,
    #[schema(example = 3)]
    pub to_revision: i32,
    pub changes: Vec<FieldChange>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffParams {
    /// The version to compare with (default: the one before).
    #[param(minimum = 1, example = 1)]
    pub from: Option<i32>,
}

type YearPath = web::Path<(Uuid, i32)>;

/// Loads the report's revisions the caller may see (the committee and other departments never
/// see a draft or returned version), newest last.
fn visible_rows(
    conn: &mut crate::db::DbConnection,
    principal: &Principal,
    initiative: Uuid,
    fy: i32,
    numbers: Option<&[i32]>,
) -> ApiResult<Vec<RevisionRow>> {
    let ctx = Context::load(conn, initiative, false)?;
    let report = find(conn, ctx.initiative.id, fy)?.ok_or_else(not_found)?;
    if ctx.sight(principal, &report)? == ReportSight::Hidden {
        return Err(not_found());
    }
    let mut query = report_revisions::table
        .filter(report_revisions::report_id.eq(report.id))
        .select(RevisionRow::as_select())
        .into_boxed();
    if let Some(numbers) = numbers {
        query = query.filter(report_revisions::number.eq_any(numbers.to_vec()));
    }
    let rows: Vec<RevisionRow> = query.order(report_revisions::number).load(conn)?;
    let mut visible = Vec::new();
    for row in rows {
        let state = WorkflowState::from_db(&row.workflow_state)?;
        if policy::see_report(principal, &ctx.responsible, state, false) == ReportSight::Current {
            visible.push(row);
        }
    }
    Ok(visible)
}

fn summaries(conn: &mut crate::db::DbConnection, rows: &[RevisionRow]) -> ApiResult<Vec<RevisionSummary>> {
    let names = UserNames::load(conn, rows.iter().filter_map(|r| r.actor_id))?;
    rows.iter()
        .map(|r| {
            let state = WorkflowState::from_db(&r.workflow_state)?;
            Ok(RevisionSummary {
                revision: r.number,
                edition: r.edition,
                workflow_state: state,
                workflow_state_label: state.label().into(),
                action: r.action.clone(),
                changed_fields: serde_json::from_str(&r.changed_fields)?,
                actor: names.user(r.actor_id),
                authenticated_by: r.actor_id.map(|_| {
                    if r.token_id.is_some() {
                        AuthenticatedBy::ApiToken
                    } else {
                        AuthenticatedBy::Jwt
                    }
                }),
                occurred_at: utc(r.occurred_at),
            })
        })
        .collect()
}

/// List a report's revisions
///
/// Every version of the report, its quarters and indicator values, oldest first: who, when, in
/// which state, and which fields changed. The committee and other departments see the versions
/// that were handed in only.
///
/// Roles: every signed-in role that may see the report.
#[utoipa::path(
    tag = "reports",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("fiscal_year" = i32, Path, minimum = 1989, maximum = 2200, description = "Fiscal year (the year it starts)", example = 2022),
           PageParams),
    responses(
        (status = 200, description = "One page of revisions", body = RevisionList),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/initiatives/{initiative_id}/years/{fiscal_year}/revisions")]
pub async fn list_revisions(
    principal: Principal,
    state: web::Data<AppState>,
    path: YearPath,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<RevisionList>> {
    policy::read_internal(&principal)?;
    let (initiative, fy) = path.into_inner();
    let page = page.into_inner().validate()?;
    let after: i32 = match &page.after {
        Some((number, _)) => number.parse().map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?,
        None => 0,
    };
    let limit = page.limit;
    let (items, next_cursor) = state
        .db(move |conn| {
            let rows: Vec<RevisionRow> = visible_rows(conn, &principal, initiative, fy, None)?
                .into_iter()
                .filter(|r| r.number > after)
                .take(limit as usize + 1)
                .collect();
            let (rows, next) = finish_page(rows, limit, |r: &RevisionRow| (r.number.to_string(), String::new()));
            Ok((summaries(conn, &rows)?, next))
        })
        .await?;
    Ok(web::Json(RevisionList { items, next_cursor }))
}

/// Get one revision of a report
///
/// The report whole as it was after that revision.
///
/// Roles: every signed-in role that may see the report and that version.
#[utoipa::path(
    tag = "reports",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("fiscal_year" = i32, Path, minimum = 1989, maximum = 2200, description = "Fiscal year", example = 2022),
           ("revision" = i32, Path, minimum = 1, maximum = 2147483647, description = "Revision number", example = 1)),
    responses(
        (status = 200, description = "The revision", body = Revision),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/initiatives/{initiative_id}/years/{fiscal_year}/revisions/{revision}")]
pub async fn get_revision(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, i32, i32)>,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let (initiative, fy, number) = path.into_inner();
    let revision = state
        .db(move |conn| {
            let rows = visible_rows(conn, &principal, initiative, fy, Some(&[number]))?;
            let row = rows.into_iter().next().ok_or_else(|| ApiError::not_found("revision"))?;
            let summary = summaries(conn, std::slice::from_ref(&row))?.remove(0);
            Ok(Revision { revision: summary, report: serde_json::from_str(&row.snapshot)? })
        })
        .await?;
    Ok(HttpResponse::Ok().json(revision))
}

/// Compare two revisions of a report
///
/// Per field, the old and the new value: between `from` (default: the revision before) and this one.
///
/// Roles: every signed-in role that may see the report and both versions.
#[utoipa::path(
    tag = "reports",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("fiscal_year" = i32, Path, minimum = 1989, maximum = 2200, description = "Fiscal year", example = 2022),
           ("revision" = i32, Path, minimum = 1, maximum = 2147483647, description = "Revision number", example = 2),
           DiffParams),
    responses(
        (status = 200, description = "The changes", body = RevisionDiff),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/initiatives/{initiative_id}/years/{fiscal_year}/revisions/{revision}/diff")]
pub async fn diff_revisions(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<(Uuid, i32, i32)>,
    params: http::Query<DiffParams>,
) -> ApiResult<web::Json<RevisionDiff>> {
    policy::read_internal(&principal)?;
    let (initiative, fy, number) = path.into_inner();
    let from = params.into_inner().from.unwrap_or(number - 1);
    let result = state
        .db(move |conn| {
            let rows = visible_rows(conn, &principal, initiative, fy, Some(&[from, number]))?;
            let to = rows.iter().find(|r| r.number == number).ok_or_else(|| ApiError::not_found("revision"))?;
            let new: AnnualReportView = serde_json::from_str(&to.snapshot)?;
            // Revision 1 compared with "the one before" is compared with nothing.
            let old: Option<AnnualReportView> = match rows.iter().find(|r| r.number == from) {
                Some(r) => Some(serde_json::from_str(&r.snapshot)?),
                None if from == 0 => None,
                None => return Err(ApiError::not_found("revision to compare with")),
            };
            Ok(RevisionDiff { from_revision: from, to_revision: number, changes: diff(old.as_ref(), &new)? })
        })
        .await?;
    Ok(web::Json(result))
}
