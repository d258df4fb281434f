//! Plan bundles: a whole plan as one JSON document, imported atomically and exported back.

mod check;
pub mod export;
pub mod format;
pub mod import;

use actix_web::{get, post, web, HttpResponse};
use format::PlanBundle;
use import::ImportCounts;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::domain::enums::PlanStatus;
use crate::error::{self, ApiResult};
use crate::models::plans;
use crate::resources::plans::PlanView;
use crate::web::auth::{Caller, Principal};
use crate::web::http::{self, BundleBody};
use crate::web::policy;
use crate::web::state::AppState;

/// The plan an import created, with what it holds.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportResult {
    pub plan: PlanView,
    pub counts: ImportCounts,
}

/// Import a plan bundle
///
/// Creates a new plan from one JSON document, atomically: structure, departments (matched by
/// name, created when missing), initiatives with cross-listings, indicators, and the yearly data
/// (reports, quarters, indicator values, plan targets). A bad bundle is answered with 422 listing
/// every error by JSON pointer, and nothing is written. Fiscal years may be written `R4` or `令和4年度`.
///
/// The new plan starts as a draft (作成中: the portal shows nothing of it) unless `publish=true`,
/// with which it takes the bundle's `status` (`published` when the bundle gives none); a bundle
/// that says `archived` stays archived either way.
///
/// Importing a plan whose title and organization an existing plan already has (importing an
/// export again, say) makes a copy, its title marked `（コピー）` (`（コピー2）` …), so that the
/// two are told apart by more than their ids.
///
/// Roles: admin.
#[utoipa::path(
    tag = "bundles",
    params(ImportParams),
    request_body(content = PlanBundle, example = json!({
        "format_version": 1,
        "plan": {"title": "令和3年度 第3次基本計画に係る取り組み事項進行管理表", "organization": "千葉市シルバー人材センター",
                 "start_fy": 2018, "end_fy": 2022, "level_labels": ["大項目", "中項目"]},
        "departments": [{"name": "総務", "kind": "other"}],
        "nodes": [{"key": "1", "parent_key": null, "level": 1, "code": "1", "title": "会員の増強"},
                  {"key": "1-1", "parent_key": "1", "level": 2, "code": "(1)", "title": "入会説明会の充実"}],
        "initiatives": [{"key": "1-1-1", "code": "①", "title": "ホームページからの入会説明会参加予約",
                         "node_keys": ["1-1"], "departments": ["総務"],
                         "years": [{"fiscal_year": "R3", "category": "実施",
                                    "quarters": [{"quarter": 1, "plan_text": "運用方法検討", "mark": "○"}],
                                    "result_text": "運用に向けて実施方法を検討。"}]}],
        "plan_targets": [{"name": "会員数", "unit": "人", "baseline": {"fiscal_year": 2017, "value": 2431}, "final_target": 3000,
                          "years": [{"fiscal_year": 2018, "target": 2600, "actual": 2252}]}]
    })),
    responses(
        (status = 201, description = "Imported", body = ImportResult,
            headers(("Location" = String, description = "URL of the new plan"), ("ETag" = String, description = "Version tag of the plan")),
            links(
                ("GetPlan" = (operation_id = "get_plan", parameters(("plan_id" = "$response.body#/plan/id")))),
                ("ExportBundle" = (operation_id = "export_bundle", parameters(("plan_id" = "$response.body#/plan/id")))),
                ("ListNodes" = (operation_id = "list_nodes", parameters(("plan_id" = "$response.body#/plan/id")))),
                ("ListInitiatives" = (operation_id = "list_initiatives", parameters(("plan_id" = "$response.body#/plan/id")))),
                ("ListTargets" = (operation_id = "list_targets", parameters(("plan_id" = "$response.body#/plan/id")))),
            )),
    )
)]
#[post("/plan-bundles")]
pub async fn import_bundle(
    caller: Caller,
    state: web::Data<AppState>,
    params: http::Query<ImportParams>,
    body: BundleBody<PlanBundle>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    policy::create_plan(&principal)?;
    let mut bundle = body.read().await?;
    bundle.plan.status = Some(status_on_import(bundle.plan.status, params.into_inner().publish.unwrap_or(false)));
    let (plan, counts) = state
        .write(move |conn| {
            bundle.plan.title = title_for_copy(conn, &bundle.plan.title, &bundle.plan.organization)?;
            import::import(conn, &actor, &bundle)
        })
        .await?;
    // Best effort: the import stands whether or not the statistics could be refreshed.
    if let Err(e) = state.db(|conn| Ok(crate::db::refresh_statistics(conn)?)).await {
        tracing::warn!(error = %e, "refreshing planner statistics after an import failed");
    }
    let (id, version) = (plan.id, plan.version);
    let result = ImportResult { plan: PlanView::try_from(plan)?, counts };
    Ok(http::created(&result, format!("/api/v1/plans/{id}"), version))
}

/// How an import is published.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportParams {
    /// `true`: the plan takes the bundle's status (`published` when none is given), and is on the
    /// portal at once. Default `false`: it starts as a draft until an admin publishes it.
    pub publish: Option<bool>,
}

/// The status an imported plan starts with: a draft unless the caller asks to publish; never
/// public when the bundle says `archived`.
fn status_on_import(bundle: Option<PlanStatus>, publish: bool) -> PlanStatus {
    match (bundle, publish) {
        (Some(PlanStatus::Archived), _) => PlanStatus::Archived,
        (given, true) => given.unwrap_or(PlanStatus::Published),
        (_, false) => PlanStatus::Draft,
    }
}

/// The title a new plan gets: its own, or, when a plan of the organization already has it, the
/// first free `title（コピー）`, `title（コピー2）` ….
fn title_for_copy(conn: &mut crate::db::DbConnection, title: &str, organization: &str) -> ApiResult<String> {
    use crate::db::schema::plans as p;
    use crate::domain::validation::Tidy;
    use diesel::prelude::*;
    let (title, organization) = (title.tidy(), organization.tidy());
    let taken: Vec<String> = p::table
        .filter(p::organization.eq(organization))
        .filter(p::title.like(format!("{}%", crate::models::search::escape_like(title))).escape('\\'))
        .select(p::title)
        .load(conn)?;
    let candidates = std::iter::once(title.to_string())
        .chain(std::iter::once(format!("{title}（コピー）")))
        .chain((2..).map(|n| format!("{title}（コピー{n}）")));
    Ok(candidates.take(10_000).find(|t| !taken.contains(t)).unwrap_or_else(|| title.to_string()))
}

/// Export a plan bundle
///
/// The whole plan as one document that `POST /api/v1/plan-bundles` imports again.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "bundles",
    params(("plan_id" = Uuid, Path, description = "Plan id")),
    responses(
        (status = 200, description = "The plan as a bundle", body = PlanBundle),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/plans/{plan_id}/bundle")]
pub async fn export_bundle(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
) -> ApiResult<web::Json<PlanBundle>> {
    policy::read_internal(&principal)?;
    let id = path.into_inner();
    let bundle = state
        .db(move |conn| {
            let plan = plans::load(conn, id)?;
            export::export(conn, &plan, Some(&principal))
        })
        .await?;
    Ok(web::Json(bundle))
}
