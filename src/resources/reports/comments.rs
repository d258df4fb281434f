//! The committee's comments on a report under review, and the reporting department's replies.
//! Internal only (never public); never edited or deleted.

use actix_web::{get, post, web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::context::{not_found, Context};
use crate::db::schema::report_comments;
use crate::db::{now, utc, DbConnection, DbUuid};
use crate::domain::enums::WorkflowState;
use crate::domain::webhooks::EventType;
use crate::domain::workflow;
use crate::error::{self, ApiError, ApiResult};
use crate::models::audit::{self, Actor, Change, Nothing};
use crate::models::outbox;
use crate::models::reports::find;
use crate::models::users::{UserNames, UserRef};
use crate::web::auth::{Caller, Principal, Role};
use crate::web::http::{self, finish_page, JsonBody, PageParams};
use crate::web::policy::{self, ReportSight};
use crate::web::state::AppState;

type YearPath = web::Path<(Uuid, i32)>;

/// A new comment, or a reply to one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentInput {
    #[schema(
        min_length = 1,
        max_length = 5000,
        pattern = r"\S",
        example = "参加者数の推移を次年度の報告にも記載してください。"
    )]
    pub body: String,
    /// The comment this one answers (required for the department's replies).
    #[serde(default)]
    pub in_reply_to: Option<Uuid>,
}

/// A comment on a report.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommentView {
    pub id: Uuid,
    pub report_id: Uuid,
    pub in_reply_to: Option<Uuid>,
    pub author: Option<UserRef>,
    /// The author's role when writing (`committee`, `department`, `council`, `admin`).
    #[schema(example = "committee")]
    pub author_role: String,
    #[schema(example = "参加者数の推移を次年度の報告にも記載してください。")]
    pub body: String,
    /// The report's state when the comment was written.
    pub workflow_state: WorkflowState,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

crate::list_type!(CommentList, CommentView);

#[derive(Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = report_comments)]
struct Comment {
    id: DbUuid,
    report_id: DbUuid,
    in_reply_to: Option<DbUuid>,
    author_id: Option<DbUuid>,
    author_role: String,
    body: String,
    workflow_state: String,
    created_at: chrono::NaiveDateTime,
}

fn views(conn: &mut DbConnection, rows: Vec<Comment>) -> ApiResult<Vec<CommentView>> {
    let names = UserNames::load(conn, rows.iter().filter_map(|c| c.author_id))?;
    rows.into_iter()
        .map(|c| {
            Ok(CommentView {
                id: c.id.0,
                report_id: c.report_id.0,
                in_reply_to: c.in_reply_to.map(|r| r.0),
                author: names.user(c.author_id),
                author_role: c.author_role,
                body: c.body,
                workflow_state: WorkflowState::from_db(&c.workflow_state)?,
                created_at: utc(c.created_at),
            })
        })
        .collect()
}

/// Whether the caller takes part in the report's review: the secretariat, the committee (also
/// once it has returned the report) and the responsible departments; others once it is handed in.
fn may_read(p: &Principal, ctx: &Context, report: &crate::models::reports::Report) -> ApiResult<bool> {
    let state = report.state()?;
    Ok(ctx.sight(p, report)? == ReportSight::Current
        || (p.role == Role::Committee && p.has_scope(crate::web::auth::Scope::Read) && workflow::comments_open(state)))
}

/// List a report's comments
///
/// The committee's comments and the department's replies, oldest first.
///
/// Roles: admin, committee, the responsible departments; other departments once the report is handed in.
#[utoipa::path(
    tag = "reports",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("fiscal_year" = i32, Path, minimum = 1989, maximum = 2200, description = "Fiscal year", example = 2022),
           PageParams),
    responses(
        (status = 200, description = "One page of comments", body = CommentList),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/initiatives/{initiative_id}/years/{fiscal_year}/comments")]
pub async fn list_comments(
    principal: Principal,
    state: web::Data<AppState>,
    path: YearPath,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<CommentList>> {
    policy::read_internal(&principal)?;
    let (initiative, fy) = path.into_inner();
    let page = page.into_inner().validate()?;
    let list = state
        .db(move |conn| {
            let ctx = Context::load(conn, initiative, false)?;
            let report = find(conn, ctx.initiative.id, fy)?.ok_or_else(not_found)?;
            if !may_read(&principal, &ctx, &report)? {
                return Err(not_found());
            }
            let mut query = report_comments::table
                .filter(report_comments::report_id.eq(report.id))
                .select(Comment::as_select())
                .into_boxed();
            if let Some((_, id)) = &page.after {
                let id = Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?;
                query = query.filter(report_comments::id.gt(DbUuid(id)));
            }
            // Ids are UUIDv7: their order is the order of writing.
            let rows: Vec<Comment> = query.order(report_comments::id).limit(page.limit + 1).load(conn)?;
            let (rows, next_cursor) = finish_page(rows, page.limit, |c: &Comment| (String::new(), c.id.to_string()));
            Ok(CommentList { items: views(conn, rows)?, next_cursor })
        })
        .await?;
    Ok(web::Json(list))
}

/// Comment on a report
///
/// The committee (or the secretariat) comments on a `submitted` or `reviewed` report; the
/// reporting department replies (with `in_reply_to`), also while the report is `returned`.
/// Comments are never edited or deleted, and never public.
///
/// Roles: committee, admin; the responsible departments or council for replies.
#[utoipa::path(
    tag = "reports",
    params(("initiative_id" = Uuid, Path, description = "Initiative id"),
           ("fiscal_year" = i32, Path, minimum = 1989, maximum = 2200, description = "Fiscal year", example = 2022)),
    request_body(content = CommentInput, example = json!({"body": "参加者数の推移を次年度の報告にも記載してください。"})),
    responses(
        (status = 201, description = "Created", body = CommentView, headers(("Location" = String, description = "URL of the report's comments"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[post("/initiatives/{initiative_id}/years/{fiscal_year}/comments")]
pub async fn create_comment(
    caller: Caller,
    state: web::Data<AppState>,
    path: YearPath,
    body: JsonBody<CommentInput>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    policy::comment_on_some_report(&principal)?;
    let (initiative, fy) = path.into_inner();
    let input = body.read().await?;
    let view = state.write(move |conn| create(conn, &principal, &actor, initiative, fy, &input)).await?;
    let location = format!("/api/v1/initiatives/{initiative}/years/{fy}/comments");
    Ok(HttpResponse::Created().insert_header((actix_web::http::header::LOCATION, location)).json(view))
}

// The write of `create_comment`, run in one transaction with its audit record.
/// Adds a comment (or a reply) to the report of `initiative` in `fy`.
pub fn create(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    initiative: Uuid,
    fy: i32,
    input: &CommentInput,
) -> ApiResult<CommentView> {
    let ctx = Context::load(conn, initiative, true)?;
    policy::comment_on_report(principal, &ctx.responsible, input.in_reply_to.is_some())?;
    let report = find(conn, ctx.initiative.id, fy)?.ok_or_else(not_found)?;
    if !may_read(principal, &ctx, &report)? {
        return Err(not_found());
    }
    let state = report.state()?;
    let open = if input.in_reply_to.is_some() {
        workflow::comments_open(state)
    } else {
        workflow::committee_fields_editable(state)
    };
    if !open {
        return Err(ApiError::Conflict(format!(
            "the report is {} ({}): comments are written while it is submitted or reviewed, replies also while it is returned",
            state.as_str(),
            state.label()
        )));
    }
    if let Some(parent) = input.in_reply_to {
        let exists: i64 = report_comments::table
            .filter(report_comments::id.eq(DbUuid(parent)).and(report_comments::report_id.eq(report.id)))
            .count()
            .get_result(conn)?;
        if exists == 0 {
            return Err(ApiError::invalid("/in_reply_to", "not_found", "no such comment on this report"));
        }
    }
    let row = Comment {
        id: DbUuid(Uuid::now_v7()),
        report_id: report.id,
        in_reply_to: input.in_reply_to.map(DbUuid),
        author_id: Some(DbUuid(principal.user_id)),
        author_role: principal.role.as_str().to_string(),
        body: input.body.trim().to_string(),
        workflow_state: state.as_str().into(),
        created_at: now(),
    };
    diesel::insert_into(report_comments::table).values(&row).execute(conn)?;
    let view = views(conn, vec![row])?.remove(0);
    audit::record(
        conn,
        actor,
        Change::<Nothing, _> {
            action: "create",
            entity_type: "report_comment",
            entity_id: view.id,
            plan_id: Some(ctx.plan.id.0),
            before: None,
            after: Some(&view),
        },
    )?;
    let report_view = super::views::view_one(conn, &ctx, report)?;
    let data = super::annual::event_data(&ctx, &report_view, Some(view.id));
    outbox::emit(conn, EventType::CommentCreated, Some(ctx.plan.id.0), &data, None)?;
    Ok(view)
}
