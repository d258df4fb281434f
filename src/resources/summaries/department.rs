//! A department's view across plans, and the secretariat's list of what is overdue.

use std::collections::{HashMap, HashSet};

use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::{query, Counts, RatingSource, SummaryGroup};
use crate::db::schema::{annual_reports, initiative_departments, initiatives, plans as plans_table, quarter_updates};
use crate::db::{schema, DbConnection, DbUuid};
use crate::domain::enums::WorkflowState;
use crate::domain::fiscal_year::{self, DueRule};
use crate::domain::workflow;
use crate::error::{self, ApiResult};
use crate::models::plans;
use crate::models::reports::quarter_label;
use crate::resources::departments;
use crate::web::auth::Principal;
use crate::web::state::AppState;
use crate::web::{http, policy};

/// A department responsible for an initiative.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DepartmentName {
    pub id: Uuid,
    #[schema(example = "社会福祉課")]
    pub name: String,
}

/// A report (or, for quarterly plans, a quarter) not yet handed in.
#[derive(Debug, Serialize, ToSchema)]
pub struct PendingItem {
    pub plan_id: Uuid,
    #[schema(example = "白井市第2次地域福祉計画")]
    pub plan_title: String,
    pub initiative_id: Uuid,
    #[schema(example = "9")]
    pub initiative_code: Option<String>,
    #[schema(example = "地域福祉にかかる担当職員の配置")]
    pub initiative_title: String,
    /// Who reports on it.
    pub departments: Vec<DepartmentName>,
    #[schema(example = 2023)]
    pub fiscal_year: i32,
    #[schema(example = "令和5年度")]
    pub fiscal_year_label: String,
    /// The quarter whose mark is missing; `null`: the year's report.
    #[schema(minimum = 1, maximum = 4)]
    pub quarter: Option<i32>,
    pub quarter_label: Option<String>,
    /// The report's state (`draft` or `returned`); `null`: no report yet.
    pub workflow_state: Option<WorkflowState>,
    pub workflow_state_label: Option<String>,
    /// When it is due (the plan's `report_due_days` or `quarter_due_days` after the period ends).
    #[schema(example = "2024-05-31")]
    pub due_on: chrono::NaiveDate,
    /// Whether the due date has passed (in Japan's time zone).
    pub overdue: bool,
    /// Days since the due date (0 when not overdue).
    pub days_overdue: i64,
}

/// Whose pending work to list.
#[derive(Debug, Clone, Copy)]
pub enum PendingScope {
    Plan(Uuid),
    Department(Uuid),
}

#[derive(Queryable)]
struct Candidate {
    initiative_id: DbUuid,
    code: String,
    title: String,
    plan_id: DbUuid,
    plan_title: String,
    quarterly: bool,
    report_days: i32,
    quarter_days: i32,
    report_id: Option<DbUuid>,
    state: Option<String>,
}

/// The year's reports not handed in (every one, with its due date), and the ended quarters of
/// quarterly plans without a mark, in plan order. Three queries, whatever the plan's size.
pub fn pending(
    conn: &mut DbConnection,
    scope: PendingScope,
    fy: i32,
    today: chrono::NaiveDate,
) -> ApiResult<Vec<PendingItem>> {
    let mut q = initiatives::table
        .inner_join(plans_table::table)
        .left_join(
            annual_reports::table
                .on(annual_reports::initiative_id.eq(initiatives::id).and(annual_reports::fiscal_year.eq(fy))),
        )
        .filter(plans_table::start_fy.le(fy).and(plans_table::end_fy.ge(fy)))
        .filter(initiatives::active_from_fy.is_null().or(initiatives::active_from_fy.le(fy)))
        .filter(initiatives::active_to_fy.is_null().or(initiatives::active_to_fy.ge(fy)))
        .into_boxed();
    q = match scope {
        PendingScope::Plan(plan) => q.filter(initiatives::plan_id.eq(DbUuid(plan))),
        PendingScope::Department(department) => q.filter(
            initiatives::id.eq_any(
                initiative_departments::table
                    .filter(initiative_departments::department_id.eq(DbUuid(department)))
                    .select(initiative_departments::initiative_id),
            ),
        ),
    };
    let candidates: Vec<Candidate> = q
        .filter(annual_reports::id.is_null().or(annual_reports::workflow_state.eq_any(["draft", "returned"])))
        .order((plans_table::title, plans_table::id, initiatives::code_sort, initiatives::id))
        .select((
            initiatives::id,
            initiatives::code,
            initiatives::title,
            plans_table::id,
            plans_table::title,
            plans_table::quarterly_reports,
            plans_table::report_due_days,
            plans_table::quarter_due_days,
            annual_reports::id.nullable(),
            annual_reports::workflow_state.nullable(),
        ))
        .load(conn)?;

    let report_ids: Vec<DbUuid> = candidates.iter().filter_map(|c| c.report_id).collect();
    let marked: HashSet<(DbUuid, i32)> = quarter_updates::table
        .filter(quarter_updates::report_id.eq_any(&report_ids))
        .filter(quarter_updates::mark.is_not_null())
        .select((quarter_updates::report_id, quarter_updates::quarter))
        .load::<(DbUuid, i32)>(conn)?
        .into_iter()
        .collect();
    let initiative_ids: Vec<DbUuid> = candidates.iter().map(|c| c.initiative_id).collect();
    let mut responsible: HashMap<DbUuid, Vec<DepartmentName>> = HashMap::new();
    for (initiative, id, name) in initiative_departments::table
        .inner_join(schema::departments::table)
        .filter(initiative_departments::initiative_id.eq_any(&initiative_ids))
        .order((initiative_departments::initiative_id, initiative_departments::position))
        .select((initiative_departments::initiative_id, schema::departments::id, schema::departments::name))
        .load::<(DbUuid, DbUuid, String)>(conn)?
    {
        responsible.entry(initiative).or_default().push(DepartmentName { id: id.0, name });
    }

    let mut items = Vec::new();
    for c in candidates {
        let rule = DueRule { quarterly: c.quarterly, report_days: c.report_days, quarter_days: c.quarter_days };
        let state = c.state.as_deref().map(WorkflowState::from_db).transpose()?;
        let item = |quarter: Option<i32>, due_on: chrono::NaiveDate| PendingItem {
            plan_id: c.plan_id.0,
            plan_title: c.plan_title.clone(),
            initiative_id: c.initiative_id.0,
            initiative_code: (!c.code.is_empty()).then(|| c.code.clone()),
            initiative_title: c.title.clone(),
            departments: responsible.get(&c.initiative_id).cloned().unwrap_or_default(),
            fiscal_year: fy,
            fiscal_year_label: fiscal_year::label(fy),
            quarter,
            quarter_label: quarter.map(|q| quarter_label(q).to_string()),
            workflow_state: state,
            workflow_state_label: state.map(|s| s.label().to_string()),
            due_on,
            overdue: today > due_on,
            days_overdue: (today - due_on).num_days().max(0),
        };
        for quarter in 1..=4 {
            let Some(due) = rule.quarter_due(fy, quarter) else { break };
            let ended = today > fiscal_year::quarter_end(fy, quarter);
            let has_mark = c.report_id.is_some_and(|r| marked.contains(&(r, quarter)));
            if ended && !has_mark {
                items.push(item(Some(quarter), due));
            }
        }
        debug_assert!(state.is_none_or(|s| !workflow::handed_in(s)));
        items.push(item(None, rule.report_due(fy)));
    }
    Ok(items)
}

/// A department's fiscal year.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DepartmentSummaryParams {
    /// The fiscal year.
    #[param(example = 2022, minimum = 1989, maximum = 2200)]
    pub fiscal_year: i32,
    /// Whose rating to count: `self` (default) or `committee`.
    pub rating: Option<RatingSource>,
}

/// A department's progress across plans in one fiscal year.
#[derive(Debug, Serialize, ToSchema)]
pub struct DepartmentSummary {
    pub department_id: Uuid,
    #[schema(example = "社会福祉課")]
    pub department_name: String,
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    pub rating: RatingSource,
    /// The day in Japan that `overdue` was decided on.
    pub today: chrono::NaiveDate,
    /// Over the department's initiatives in every plan whose period holds the year (ratings:
    /// every plan's grades).
    pub totals: Counts,
    /// The same per plan (`key`: the plan id, `label`: its title).
    pub plans: Vec<SummaryGroup>,
    /// Reports (and quarters) not yet handed in, with due dates; `overdue` when past.
    pub pending: Vec<PendingItem>,
    /// How many of `pending` are overdue.
    pub overdue: i64,
}

/// Get a department's summary
///
/// The summary's counts over the initiatives the department is responsible for, in every plan
/// whose period holds the year, per plan and in total, and its reports not yet submitted with
/// their due dates (overdue ones flagged).
///
/// Roles: every signed-in role (contents counted as for the plan summary).
#[utoipa::path(
    tag = "summaries",
    params(("department_id" = Uuid, Path, description = "Department id"), DepartmentSummaryParams),
    responses(
        (status = 200, description = "The department's summary", body = DepartmentSummary),
        (status = 404, response = error::NotFound),
    )
)]
#[get("/departments/{department_id}/summary")]
pub async fn get_department_summary(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    params: http::Query<DepartmentSummaryParams>,
) -> ApiResult<web::Json<DepartmentSummary>> {
    let sight = policy::summary_sight(&principal)?;
    let id = path.into_inner();
    let params = params.into_inner();
    let summary = state
        .db(move |conn| {
            let department = departments::load(conn, id)?;
            let fy = params.fiscal_year;
            let rating = params.rating.unwrap_or(RatingSource::SelfRating);
            let units = query::Units::Department { department: id, fy };
            let filter = query::Filter { rating, states: &[], sight: &sight };
            let plan_rows: Vec<plans::Plan> = plans_table::table
                .filter(
                    plans_table::id.eq_any(
                        initiatives::table
                            .inner_join(initiative_departments::table)
                            .filter(initiative_departments::department_id.eq(DbUuid(id)))
                            .select(initiatives::plan_id),
                    ),
                )
                .filter(plans_table::start_fy.le(fy).and(plans_table::end_fy.ge(fy)))
                .order((plans_table::title, plans_table::id))
                .select(plans::Plan::as_select())
                .load(conn)?;
            let mut scales = HashMap::new();
            for p in &plan_rows {
                scales.insert(p.id.to_string(), p.rating_scale()?.into_iter().map(|g| g.code).collect::<Vec<_>>());
            }
            let mut counted = query::count(conn, &units, &filter, &|key| scales.get(key).cloned().unwrap_or_default())?;
            let mut totals = Counts::new(&[]);
            let mut groups = Vec::new();
            for p in plan_rows {
                let key = p.id.to_string();
                let counts = counted
                    .remove(&key)
                    .unwrap_or_else(|| Counts::new(&scales[&key]).finish())
                    .suggest(p.rating_rule()?.as_ref());
                totals.merge(&counts);
                groups.push(SummaryGroup { key: p.id.0, code: None, label: p.title, counts });
            }
            let today = fiscal_year::today_in_japan();
            let pending = pending(conn, PendingScope::Department(id), fy, today)?;
            Ok(DepartmentSummary {
                department_id: id,
                department_name: department.name,
                fiscal_year: fy,
                fiscal_year_label: fiscal_year::label(fy),
                rating,
                today,
                totals: totals.finish(),
                plans: groups,
                overdue: pending.iter().filter(|i| i.overdue).count() as i64,
                pending,
            })
        })
        .await?;
    Ok(web::Json(summary))
}

/// The fiscal year to look at.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OverdueParams {
    /// The fiscal year (in the plan period).
    #[param(example = 2023, minimum = 1989, maximum = 2200)]
    pub fiscal_year: i32,
}

/// What is overdue in a plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct OverdueList {
    pub plan_id: Uuid,
    #[schema(example = 2023)]
    pub fiscal_year: i32,
    #[schema(example = "令和5年度")]
    pub fiscal_year_label: String,
    /// The day in Japan the due dates were compared with.
    pub today: chrono::NaiveDate,
    /// Reports not handed in (and quarters without a mark) past their due date, in plan order.
    pub items: Vec<PendingItem>,
}

/// List a plan's overdue reports
///
/// Every report of the year not handed in by its due date (the plan's `report_due_days` after
/// the FY ends), and for quarterly plans every quarter without a mark past its due date, with the
/// responsible departments: whom the secretariat reminds.
///
/// Roles: admin.
#[utoipa::path(
    tag = "summaries",
    params(("plan_id" = Uuid, Path, description = "Plan id"), OverdueParams),
    responses(
        (status = 200, description = "What is overdue", body = OverdueList),
        (status = 404, response = error::NotFound),
        (status = 422, response = error::UnprocessableEntity),
    )
)]
#[get("/plans/{plan_id}/overdue")]
pub async fn list_overdue(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    params: http::Query<OverdueParams>,
) -> ApiResult<HttpResponse> {
    policy::see_overdue(&principal)?;
    let id = path.into_inner();
    let fy = params.into_inner().fiscal_year;
    let list = state
        .db(move |conn| {
            let plan = plans::load(conn, id)?;
            let mut errors = crate::domain::validation::Errors::default();
            plan.check_fy(&mut errors, "/query/fiscal_year", Some(fy));
            errors.into_result()?;
            let today = fiscal_year::today_in_japan();
            let mut items = pending(conn, PendingScope::Plan(id), fy, today)?;
            items.retain(|i| i.overdue);
            Ok(OverdueList { plan_id: id, fiscal_year: fy, fiscal_year_label: fiscal_year::label(fy), today, items })
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
}
