//! Plans (計画): title, organization, fiscal-year period, level labels, rating scale.

use actix_web::{delete, get, patch, post, web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::models::audit::{self, Change, Nothing};
use crate::web::auth::{Caller, Principal};
use crate::db::{DbConnection, DbUuid};
use crate::domain::enums::PlanStatus;
use crate::error::{self, ApiError, ApiResult};
use crate::domain::fiscal_year;
use crate::web::http::{self, finish_page, patch_field, IfMatch, JsonBody, MergePatch, PageParams};
use crate::web::policy;
use crate::db::schema::departments;
use crate::db::schema::{annual_reports, indicator_values, indicators, initiatives, plans};
use crate::db::{now, utc};
use crate::web::state::AppState;
use crate::models::plans::{default_rating_scale, load, load_locked, Plan, RatingGrade};
use crate::domain::validation::{self, Errors, Tidy};


/// A multi-year plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanView {
    pub id: Uuid,
    #[schema(example = "白井市第2次地域福祉計画")]
    pub title: String,
    #[schema(example = "白井市")]
    pub organization: String,
    /// First fiscal year of the plan period.
    #[schema(example = 2020)]
    pub start_fy: i32,
    #[schema(example = "令和2年度")]
    pub start_fy_label: String,
    /// Last fiscal year of the plan period.
    #[schema(example = 2024)]
    pub end_fy: i32,
    #[schema(example = "令和6年度")]
    pub end_fy_label: String,
    /// Names of the hierarchy levels, top first.
    #[schema(example = json!(["基本方針", "施策の方向", "事業"]))]
    pub level_labels: Vec<String>,
    /// The rating scale reports use, best grade first.
    pub rating_scale: Vec<RatingGrade>,
    pub status: PlanStatus,
    #[schema(example = "公開")]
    pub status_label: String,
    /// Where the plan came from (e.g. the document a bundle was transcribed from).
    pub source: Option<String>,
    /// The council that owns the plan (its staff may change the plan's structure); `null`: the city's.
    pub owner_department_id: Option<Uuid>,
    /// Whether reports carry four quarters (進行管理 ○ × —) that are due each quarter.
    pub quarterly_reports: bool,
    /// A fiscal year's report is due this many days after the FY ends (31 March).
    #[schema(example = 61)]
    pub report_due_days: i32,
    /// A quarter is due this many days after the quarter ends (quarterly plans).
    #[schema(example = 30)]
    pub quarter_due_days: i32,
    /// Grows with every write to any data of the plan (for caches).
    pub data_version: i64,
    /// Version of the plan record itself; the ETag is this number in quotes.
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

impl TryFrom<Plan> for PlanView {
    type Error = ApiError;
    fn try_from(p: Plan) -> ApiResult<Self> {
        let status = PlanStatus::from_db(&p.status)?;
        Ok(PlanView {
            id: p.id.0,
            level_labels: p.level_labels()?,
            rating_scale: p.rating_scale()?,
            title: p.title,
            organization: p.organization,
            start_fy: p.start_fy,
            start_fy_label: fiscal_year::label(p.start_fy),
            end_fy: p.end_fy,
            end_fy_label: fiscal_year::label(p.end_fy),
            status,
            status_label: status.label().to_string(),
            source: p.source,
            owner_department_id: p.owner_department_id.map(|d| d.0),
            quarterly_reports: p.quarterly_reports,
            report_due_days: p.report_due_days,
            quarter_due_days: p.quarter_due_days,
            data_version: p.data_version,
            version: p.version,
            created_at: utc(p.created_at),
            updated_at: utc(p.updated_at),
        })
    }
}

/// A new plan.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    #[validate(length(min = 1, max = 300), custom(function = "validation::not_blank"))]
    #[schema(example = "白井市第2次地域福祉計画", min_length = 1, max_length = 300, pattern = r"\S")]
    pub title: String,
    #[validate(length(min = 1, max = 200), custom(function = "validation::not_blank"))]
    #[schema(example = "白井市", min_length = 1, max_length = 200, pattern = r"\S")]
    pub organization: String,
    #[validate(range(min = 1989, max = 2200))]
    #[schema(example = 2020, minimum = 1989, maximum = 2200)]
    pub start_fy: i32,
    #[validate(range(min = 1989, max = 2200))]
    #[schema(example = 2024, minimum = 1989, maximum = 2200)]
    pub end_fy: i32,
    /// Names of the hierarchy levels, top first (1–10).
    #[validate(length(min = 1, max = 10), custom(function = "labels_valid"))]
    #[schema(schema_with = level_labels_schema)]
    pub level_labels: Vec<String>,
    /// Default: A 順調に進んでいる, B 概ね進んでいる, C 一部遅れがある, D 未実施.
    #[serde(default = "default_rating_scale")]
    #[validate(length(min = 1, max = 10), nested)]
    #[schema(min_items = 1, max_items = 10)]
    pub rating_scale: Vec<RatingGrade>,
    /// Default `draft`.
    #[serde(default = "draft")]
    pub status: PlanStatus,
    #[validate(length(max = 1000))]
    #[schema(max_length = 1000)]
    pub source: Option<String>,
    /// The council that owns the plan (its staff may then change the plan's structure).
    #[serde(default)]
    pub owner_department_id: Option<Uuid>,
    /// Whether reports carry four quarters that are due each quarter (default `false`).
    #[serde(default)]
    pub quarterly_reports: bool,
    /// A fiscal year's report is due this many days after the FY ends on 31 March (default 61: 31 May).
    #[serde(default = "default_report_due_days")]
    #[validate(range(min = 0, max = 366))]
    #[schema(example = 61, minimum = 0, maximum = 366)]
    pub report_due_days: i32,
    /// A quarter is due this many days after the quarter ends (default 30).
    #[serde(default = "default_quarter_due_days")]
    #[validate(range(min = 0, max = 366))]
    #[schema(example = 30, minimum = 0, maximum = 366)]
    pub quarter_due_days: i32,
}

pub fn default_report_due_days() -> i32 {
    61
}

pub fn default_quarter_due_days() -> i32 {
    30
}

fn draft() -> PlanStatus {
    PlanStatus::Draft
}

/// 1–10 labels of 1–50 characters, not blank (what `labels_valid` checks).
fn level_labels_schema() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .max_length(Some(50))
                .pattern(Some(r"\S")),
        )
        .min_items(Some(1))
        .max_items(Some(10))
        .examples([serde_json::json!(["基本方針", "施策の方向", "事業"])])
        .build()
}

fn labels_valid(labels: &[String]) -> Result<(), validator::ValidationError> {
    if labels.iter().any(|l| validation::not_blank(l).is_err() || l.chars().count() > 50) {
        let mut e = validator::ValidationError::new("label");
        e.message = Some("every level label must be 1 to 50 characters".into());
        return Err(e);
    }
    Ok(())
}

impl PlanInput {
    /// Field rules plus the rules across fields (period order, unique grades).
    pub fn errors(&self, prefix: &str) -> Vec<crate::error::FieldError> {
        let mut errors = Errors(validation::errors_of(self, prefix));
        if self.start_fy > self.end_fy {
            errors.add(format!("{prefix}/end_fy"), "fiscal_year_order", "must not be before start_fy");
        }
        let mut seen = std::collections::HashSet::new();
        for (i, grade) in self.rating_scale.iter().enumerate() {
            if !seen.insert(grade.code.tidy()) {
                errors.add(format!("{prefix}/rating_scale/{i}/code"), "duplicate", "grade codes must be unique");
            }
        }
        errors.0
    }
}

/// Changes to a plan (JSON merge patch). Narrowing the period is refused (409) while data lies outside it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanPatch {
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 300, pattern = r"\S")]
    pub title: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 200, pattern = r"\S")]
    pub organization: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = i32, required = false, minimum = 1989, maximum = 2200)]
    pub start_fy: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = i32, required = false, example = 2024, minimum = 1989, maximum = 2200)]
    pub end_fy: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(schema_with = level_labels_schema, required = false)]
    pub level_labels: Option<Option<Vec<String>>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Vec<RatingGrade>, required = false, min_items = 1, max_items = 10)]
    pub rating_scale: Option<Option<Vec<RatingGrade>>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = PlanStatus, required = false)]
    pub status: Option<Option<PlanStatus>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 1000)]
    pub source: Option<Option<String>>,
    /// Admin only.
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<Uuid>)]
    pub owner_department_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = bool, required = false)]
    pub quarterly_reports: Option<Option<bool>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = i32, required = false, minimum = 0, maximum = 366)]
    pub report_due_days: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = i32, required = false, minimum = 0, maximum = 366)]
    pub quarter_due_days: Option<Option<i32>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlanFilter {
    /// Text in the title or organization (insensitive to full-/half-width, katakana/hiragana,
    /// case and spaces).
    #[param(max_length = 200, example = "地域福祉")]
    pub q: Option<String>,
    /// Only plans of this organization (exactly as written, e.g. `白井市`).
    #[param(max_length = 200, example = "白井市")]
    pub organization: Option<String>,
    /// Only plans with these statuses (repeat the parameter or separate with commas).
    pub status: Option<Vec<PlanStatus>>,
    /// Only plans whose period includes this fiscal year.
    #[param(example = 2022)]
    pub fiscal_year: Option<i32>,
}

crate::list_type!(PlanList, PlanView);


/// Inserts a validated plan (used by the endpoint and by bundle import).
pub fn insert(conn: &mut DbConnection, input: &PlanInput) -> ApiResult<Plan> {
    let ts = now();
    let row = Plan {
        id: DbUuid(Uuid::now_v7()),
        title: input.title.tidy().to_string(),
        organization: input.organization.tidy().to_string(),
        start_fy: input.start_fy,
        end_fy: input.end_fy,
        level_labels: serde_json::to_string(&input.level_labels)?,
        rating_scale: serde_json::to_string(&input.rating_scale)?,
        status: input.status.as_str().to_string(),
        source: input.source.clone(),
        data_version: 1,
        version: 1,
        created_at: ts,
        updated_at: ts,
        owner_department_id: input.owner_department_id.map(DbUuid),
        search_text: crate::models::search::text_of(&[Some(input.title.tidy()), Some(input.organization.tidy())]),
        quarterly_reports: input.quarterly_reports,
        report_due_days: input.report_due_days,
        quarter_due_days: input.quarter_due_days,
    };
    diesel::insert_into(plans::table).values(&row).execute(conn)?;
    Ok(row)
}

/// The owner must be an existing department.
fn check_owner(conn: &mut DbConnection, owner: Option<Uuid>) -> ApiResult<()> {
    if let Some(owner) = owner {
        let found: i64 = departments::table.find(DbUuid(owner)).count().get_result(conn)?;
        if found == 0 {
            return Err(ApiError::invalid("/owner_department_id", "not_found", "no such department"));
        }
    }
    Ok(())
}

/// The fiscal years that data of the plan occupies (reports, values, initiative ranges).
fn used_fy_range(conn: &mut DbConnection, plan_id: DbUuid) -> ApiResult<Option<(i32, i32)>> {
    use diesel::dsl::{max, min};
    let reports: (Option<i32>, Option<i32>) = annual_reports::table
        .inner_join(initiatives::table)
        .filter(initiatives::plan_id.eq(plan_id))
        .select((min(annual_reports::fiscal_year), max(annual_reports::fiscal_year)))
        .first(conn)?;
    let ranges: (Option<i32>, Option<i32>) = initiatives::table
        .filter(initiatives::plan_id.eq(plan_id))
        .select((min(initiatives::active_from_fy), max(initiatives::active_to_fy)))
        .first(conn)?;
    let values: (Option<i32>, Option<i32>) = indicator_values::table
        .inner_join(indicators::table)
        .filter(indicators::plan_id.eq(plan_id))
        .select((min(indicator_values::fiscal_year), max(indicator_values::fiscal_year)))
        .first(conn)?;
    let lows = [reports.0, ranges.0, values.0].into_iter().flatten().min();
    let highs = [reports.1, ranges.1, values.1].into_iter().flatten().max();
    Ok(lows.zip(highs))
}

/// List plans
///
/// In creation order.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "plans",
    params(PlanFilter, PageParams),
    responses(
        (status = 200, description = "One page of plans", body = PlanList),
    )
)]
#[get("/plans")]
pub async fn list_plans(
    principal: Principal,
    state: web::Data<AppState>,
    filter: http::Query<PlanFilter>,
    page: http::Query<PageParams>,
) -> ApiResult<web::Json<PlanList>> {
    policy::read_internal(&principal)?;
    let page = page.validate()?;
    let filter = filter.into_inner();
    let rows = state
        .db(move |conn| {
            let mut query = plans::table.select(Plan::as_select()).into_boxed();
            if let Some(statuses) = &filter.status {
                query = query.filter(plans::status.eq_any(statuses.iter().map(|s| s.as_str()).collect::<Vec<_>>()));
            }
            if let Some(organization) = filter.organization.as_deref().map(Tidy::tidy) {
                query = query.filter(plans::organization.eq(organization.to_string()));
            }
            if let Some(pattern) = crate::models::search::pattern_for(filter.q.as_deref()) {
                query = query.filter(plans::search_text.like(pattern).escape('\\'));
            }
            if let Some(fy) = filter.fiscal_year {
                query = query.filter(plans::start_fy.le(fy).and(plans::end_fy.ge(fy)));
            }
            if let Some((_, id)) = &page.after {
                let id = Uuid::parse_str(id).map_err(|_| ApiError::bad_param("/query/cursor", "invalid cursor"))?;
                query = query.filter(plans::id.gt(DbUuid(id)));
            }
            Ok(query.order(plans::id).limit(page.limit + 1).load(conn)?)
        })
        .await?;
    let (rows, next_cursor) = finish_page(rows, page.limit, |p: &Plan| (String::new(), p.id.to_string()));
    let items = rows.into_iter().map(PlanView::try_from).collect::<ApiResult<_>>()?;
    Ok(web::Json(PlanList { items, next_cursor }))
}

/// Create a plan
///
/// An empty plan; add nodes and initiatives next, or import a whole plan with `POST /api/v1/plan-bundles`.
///
/// Roles: admin.
#[utoipa::path(
    tag = "plans",
    request_body(content = PlanInput, example = json!({
        "title": "白井市第2次地域福祉計画", "organization": "白井市", "start_fy": 2020, "end_fy": 2024,
        "level_labels": ["基本方針", "施策の方向", "事業"]
    })),
    responses(
        (status = 201, description = "Created", body = PlanView,
            headers(("Location" = String, description = "URL of the new plan"), ("ETag" = String, description = "Version tag")),
            links(
                ("GetPlan" = (operation_id = "get_plan", parameters(("plan_id" = "$response.body#/id")))),
                ("UpdatePlan" = (operation_id = "update_plan", parameters(("plan_id" = "$response.body#/id")))),
                ("DeletePlan" = (operation_id = "delete_plan", parameters(("plan_id" = "$response.body#/id")))),
                ("ListNodes" = (operation_id = "list_nodes", parameters(("plan_id" = "$response.body#/id")))),
                ("CreateNode" = (operation_id = "create_node", parameters(("plan_id" = "$response.body#/id")))),
                ("ListInitiatives" = (operation_id = "list_initiatives", parameters(("plan_id" = "$response.body#/id")))),
                ("ListTargets" = (operation_id = "list_targets", parameters(("plan_id" = "$response.body#/id")))),
                ("CreateTarget" = (operation_id = "create_target", parameters(("plan_id" = "$response.body#/id")))),
                ("ExportBundle" = (operation_id = "export_bundle", parameters(("plan_id" = "$response.body#/id")))),
            )),
    )
)]
#[post("/plans")]
pub async fn create_plan(
    caller: Caller,
    state: web::Data<AppState>,
    body: JsonBody<PlanInput>,
) -> ApiResult<HttpResponse> {
    policy::create_plan(&caller.principal)?;
    let actor = caller.actor;
    let input = body.read().await?;
    Errors(input.errors("")).into_result()?;
    let row = state
        .write(move |conn| {
            check_owner(conn, input.owner_department_id)?;
            let row = insert(conn, &input)?;
            let view = PlanView::try_from(row.clone())?;
            audit::record(
                conn,
                &actor,
                Change::<Nothing, _> {
                    action: "create",
                    entity_type: "plan",
                    entity_id: row.id.0,
                    plan_id: Some(row.id.0),
                    before: None,
                    after: Some(&view),
                },
            )?;
            Ok(row)
        })
        .await?;
    let (version, id) = (row.version, row.id);
    Ok(http::created(&PlanView::try_from(row)?, format!("/api/v1/plans/{id}"), version))
}

/// Get a plan
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "plans",
    params(("plan_id" = Uuid, Path, description = "Plan id")),
    responses(
        (status = 200, description = "The plan", body = PlanView, headers(("ETag" = String, description = "Version tag"))),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/plans/{plan_id}")]
pub async fn get_plan(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let id = path.into_inner();
    let row = state.db(move |conn| load(conn, id)).await?;
    let version = row.version;
    Ok(http::ok_with_etag(&PlanView::try_from(row)?, version))
}

/// Update a plan
///
/// JSON merge patch; `If-Match` guards against lost updates.
///
/// Roles: admin; council users for the plans their council owns (not `status` or `owner_department_id`).
#[utoipa::path(
    tag = "plans",
    params(("plan_id" = Uuid, Path, description = "Plan id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being changed")),
    request_body(content = PlanPatch, content_type = "application/merge-patch+json", example = json!({"end_fy": 2024, "status": "published"})),
    responses(
        (status = 200, description = "Updated", body = PlanView, headers(("ETag" = String, description = "New version tag"))),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[patch("/plans/{plan_id}")]
pub async fn update_plan(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    if_match: IfMatch,
    body: MergePatch<PlanPatch>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    let id = path.into_inner();
    policy::write_some_structure(&principal)?;
    let patch = body.read().await?;
    let row = state
        .write(move |conn| {
            let before = load_locked(conn, id)?;
            policy::write_structure(&principal, &before)?;
            if patch.owner_department_id.is_some() || patch.status.is_some() {
                policy::change_plan_ownership_or_status(&principal)?;
            }
            let mut input = PlanInput {
                title: before.title.clone(),
                organization: before.organization.clone(),
                start_fy: before.start_fy,
                end_fy: before.end_fy,
                level_labels: before.level_labels()?,
                rating_scale: before.rating_scale()?,
                status: PlanStatus::from_db(&before.status)?,
                source: before.source.clone(),
                owner_department_id: before.owner_department_id.map(|d| d.0),
                quarterly_reports: before.quarterly_reports,
                report_due_days: before.report_due_days,
                quarter_due_days: before.quarter_due_days,
            };
            crate::merge_patch!(input, patch, required: [title, organization, start_fy, end_fy, level_labels, rating_scale, status, quarterly_reports, report_due_days, quarter_due_days], nullable: [source, owner_department_id]);
            Errors(input.errors("")).into_result()?;
            check_owner(conn, input.owner_department_id)?;
            if let Some((low, high)) = used_fy_range(conn, before.id)? {
                if low < input.start_fy || high > input.end_fy {
                    return Err(ApiError::Conflict(format!(
                        "the plan has data for {}–{}: the period must include those years",
                        fiscal_year::label(low),
                        fiscal_year::label(high)
                    )));
                }
            }
            let after = Plan {
                title: input.title.tidy().to_string(),
                organization: input.organization.tidy().to_string(),
                start_fy: input.start_fy,
                end_fy: input.end_fy,
                level_labels: serde_json::to_string(&input.level_labels)?,
                rating_scale: serde_json::to_string(&input.rating_scale)?,
                status: input.status.as_str().to_string(),
                source: input.source,
                owner_department_id: input.owner_department_id.map(DbUuid),
                search_text: crate::models::search::text_of(&[Some(input.title.tidy()), Some(input.organization.tidy())]),
                quarterly_reports: input.quarterly_reports,
                report_due_days: input.report_due_days,
                quarter_due_days: input.quarter_due_days,
                version: before.version + 1,
                data_version: before.data_version + 1,
                updated_at: now(),
                ..before.clone()
            };
            // After validation: an invalid request is answered as invalid, whatever its tag.
            if_match.check(before.version)?;
            if audit::unchanged(&PlanView::try_from(before.clone())?, &PlanView::try_from(after.clone())?)? {
                return Ok(before);
            }
            let rows = diesel::update(plans::table.find(before.id).filter(plans::version.eq(before.version)))
                .set(&after)
                .execute(conn)?;
            if_match.applied(rows)?;
            let after_view = PlanView::try_from(after.clone())?;
            audit::record(
                conn,
                &actor,
                Change {
                    action: "update",
                    entity_type: "plan",
                    entity_id: id,
                    plan_id: None,
                    before: Some(&PlanView::try_from(before)?),
                    after: Some(&after_view),
                },
            )?;
            Ok(after)
        })
        .await?;
    let version = row.version;
    Ok(http::ok_with_etag(&PlanView::try_from(row)?, version))
}

/// Delete a plan
///
/// Deletes the plan with its whole structure and data. The audit trail keeps the plan's last state.
///
/// Roles: admin.
#[utoipa::path(
    tag = "plans",
    params(("plan_id" = Uuid, Path, description = "Plan id"),
           ("If-Match" = Option<String>, Header, description = "ETag of the version being deleted")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, response = error::NotFound),
    )
)]
#[delete("/plans/{plan_id}")]
pub async fn delete_plan(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    policy::delete_plan(&caller.principal)?;
    let actor = caller.actor;
    let id = path.into_inner();
    state
        .write(move |conn| {
            let before = load_locked(conn, id)?;
            if_match.check(before.version)?;
            crate::models::nodes::delete_all_of_plan(conn, before.id)?;
            let rows =
                diesel::delete(plans::table.find(before.id).filter(plans::version.eq(before.version))).execute(conn)?;
            if_match.applied(rows)?;
            audit::record(
                conn,
                &actor,
                Change::<_, Nothing> {
                    action: "delete",
                    entity_type: "plan",
                    entity_id: id,
                    plan_id: None,
                    before: Some(&PlanView::try_from(before)?),
                    after: None,
                },
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
