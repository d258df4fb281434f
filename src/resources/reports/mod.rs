//! Progress reporting: the annual report of an initiative for a fiscal year (年度報告), its
//! quarterly updates, the indicator values of that year, the review workflow, comments,
//! history and the multi-year timeline.
//!
//! Every write to a report, a quarter or an indicator value of an initiative bumps the report's
//! `version` and appends one revision (the whole report as it then was) in the same
//! transaction as its audit event: nothing a user entered is ever lost (Rule 7).

pub mod annual;
pub mod comments;
pub mod history;
pub mod quarters;
pub mod timeline;
pub mod values;
pub mod write;

use std::collections::HashMap;

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::domain::achievement::{self, Achievement};
use crate::models::audit::{self, Change};
use crate::web::auth::Principal;
use crate::db::{DbConnection, DbUuid};
use crate::domain::enums::{Direction, PlanCategory, ProgressStatus, QuarterMark, WorkflowState};
use crate::error::{ApiError, ApiResult};
use crate::domain::fiscal_year;
use crate::web::policy::{self, ReportSight};
use crate::models::indicators::{Indicator, IndicatorValue};
use crate::models::initiatives;
use crate::models::initiatives::Initiative;
use crate::models::plans;
use crate::models::plans::{Plan, RatingGrade};
use crate::db::schema::{
    annual_reports, indicator_values, indicators, initiative_departments, quarter_updates, report_revisions, users,
};
use crate::db::{now, utc};
use crate::models::audit::Actor;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = annual_reports, treat_none_as_null = true)]
pub struct Report {
    pub id: DbUuid,
    pub initiative_id: DbUuid,
    pub fiscal_year: i32,
    pub category: Option<String>,
    pub plan_text: Option<String>,
    pub result_text: Option<String>,
    pub issues_text: Option<String>,
    pub next_steps_text: Option<String>,
    pub previous_year_result_text: Option<String>,
    pub progress_status: Option<String>,
    pub self_rating: Option<String>,
    pub committee_rating: Option<String>,
    pub committee_opinion: Option<String>,
    pub workflow_state: String,
    /// The edition: 1, then one more for every correction of a published report.
    pub revision: i32,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub updated_by: Option<DbUuid>,
    pub return_reason: Option<String>,
    pub published_snapshot: Option<String>,
    pub published_at: Option<chrono::NaiveDateTime>,
}

impl Report {
    pub fn state(&self) -> ApiResult<WorkflowState> {
        WorkflowState::from_db(&self.workflow_state)
    }

    /// A new, empty draft.
    pub fn draft(initiative_id: DbUuid, fiscal_year: i32, actor: &Actor) -> Report {
        let ts = now();
        Report {
            id: DbUuid(Uuid::now_v7()),
            initiative_id,
            fiscal_year,
            category: None,
            plan_text: None,
            result_text: None,
            issues_text: None,
            next_steps_text: None,
            previous_year_result_text: None,
            progress_status: None,
            self_rating: None,
            committee_rating: None,
            committee_opinion: None,
            workflow_state: WorkflowState::Draft.as_str().into(),
            revision: 1,
            version: 1,
            created_at: ts,
            updated_at: ts,
            updated_by: actor.user_id.map(DbUuid),
            return_reason: None,
            published_snapshot: None,
            published_at: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = quarter_updates, treat_none_as_null = true)]
pub struct Quarter {
    pub id: DbUuid,
    pub report_id: DbUuid,
    pub quarter: i32,
    pub plan_text: Option<String>,
    pub result_text: Option<String>,
    pub mark: Option<String>,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
}

/// The months a quarter of the fiscal year covers (Q1 = 4～6月 … Q4 = 1～3月).
pub fn quarter_label(quarter: i32) -> &'static str {
    match quarter {
        1 => "4～6月",
        2 => "7～9月",
        3 => "10～12月",
        _ => "1～3月",
    }
}

/// Display names of the users who wrote something, loaded in one query.
pub struct UserNames(HashMap<DbUuid, String>);

impl UserNames {
    pub fn load(conn: &mut DbConnection, ids: impl IntoIterator<Item = DbUuid>) -> ApiResult<UserNames> {
        let ids: Vec<DbUuid> = ids.into_iter().collect();
        Ok(UserNames(
            users::table
                .filter(users::id.eq_any(&ids))
                .select((users::id, users::display_name))
                .load::<(DbUuid, String)>(conn)?
                .into_iter()
                .collect(),
        ))
    }

    /// The user as shown beside what they wrote (`None`: imported, no user).
    pub fn user(&self, id: Option<DbUuid>) -> Option<UserRef> {
        id.map(|id| UserRef { id: id.0, display_name: self.0.get(&id).cloned().unwrap_or_default() })
    }
}

/// Who made a change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UserRef {
    pub id: Uuid,
    #[schema(example = "社会福祉課 デモ")]
    pub display_name: String,
}

/// One quarterly update (進行管理).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct QuarterView {
    #[schema(example = 1, minimum = 1, maximum = 4)]
    pub quarter: i32,
    /// `4～6月`, `7～9月`, `10～12月`, `1～3月`.
    #[schema(example = "4～6月")]
    pub quarter_label: String,
    #[schema(example = "運用方法検討")]
    pub plan_text: Option<String>,
    pub result_text: Option<String>,
    pub mark: Option<QuarterMark>,
    /// `○`, `×` or `—`.
    #[schema(example = "○")]
    pub mark_label: Option<String>,
    pub version: i32,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

pub fn quarter_view(q: &Quarter) -> ApiResult<QuarterView> {
    let mark = q.mark.as_deref().map(QuarterMark::from_db).transpose()?;
    Ok(QuarterView {
        quarter: q.quarter,
        quarter_label: quarter_label(q.quarter).into(),
        plan_text: q.plan_text.clone(),
        result_text: q.result_text.clone(),
        mark,
        mark_label: mark.map(|m| m.label().to_string()),
        version: q.version,
        updated_at: utc(q.updated_at),
    })
}

/// An indicator's value in the report's year, with its achievement (Rule 4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ReportValueView {
    pub indicator_id: Uuid,
    #[schema(example = "1-1")]
    pub indicator_key: String,
    #[schema(example = "発行部数")]
    pub indicator_name: String,
    #[schema(example = "部")]
    pub unit: Option<String>,
    pub direction: Direction,
    pub target: Option<f64>,
    #[schema(example = 2300)]
    pub actual: Option<f64>,
    /// The cell as printed (`15/664`, `12 書面会議`).
    #[schema(example = "2,300")]
    pub raw: Option<String>,
    pub achievement: Achievement,
}

/// The annual report of an initiative for one fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct AnnualReportView {
    pub id: Uuid,
    pub initiative_id: Uuid,
    pub plan_id: Uuid,
    #[schema(example = 2022)]
    pub fiscal_year: i32,
    #[schema(example = "令和4年度")]
    pub fiscal_year_label: String,
    /// 実施 / 拡充 / 検討 / 検証 / 新規 / 継続.
    pub category: Option<PlanCategory>,
    #[schema(example = "実施")]
    pub category_label: Option<String>,
    /// 取組の内容: what the initiative plans to do this year.
    pub plan_text: Option<String>,
    /// 内容と成果.
    pub result_text: Option<String>,
    /// 課題.
    pub issues_text: Option<String>,
    /// 今後の方針.
    pub next_steps_text: Option<String>,
    /// Last year's results, for comparison.
    pub previous_year_result_text: Option<String>,
    pub progress_status: Option<ProgressStatus>,
    #[schema(example = "順調に進んだ")]
    pub progress_status_label: Option<String>,
    /// The department's rating, a grade of the plan's scale.
    #[schema(example = "A")]
    pub self_rating: Option<String>,
    #[schema(example = "順調に進んでいる")]
    pub self_rating_label: Option<String>,
    /// The committee's rating.
    pub committee_rating: Option<String>,
    pub committee_rating_label: Option<String>,
    /// 意見等.
    pub committee_opinion: Option<String>,
    pub workflow_state: WorkflowState,
    #[schema(example = "作成中")]
    pub workflow_state_label: String,
    /// Why the report was last returned (until it is submitted again).
    pub return_reason: Option<String>,
    /// 1, then one more for each correction opened after publication.
    #[schema(example = 1)]
    pub edition: i32,
    /// When the current or last edition was published.
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Quarterly updates recorded so far, Q1 first.
    pub quarters: Vec<QuarterView>,
    /// Every indicator of the initiative valid in this year, with its value (or nulls) and achievement.
    pub indicator_values: Vec<ReportValueView>,
    pub updated_by: Option<UserRef>,
    /// Also the number of the latest revision in the report's history.
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// An initiative with what the reporting rules need: its plan, rating scale and departments.
pub struct Context {
    pub plan: Plan,
    pub initiative: Initiative,
    pub responsible: Vec<Uuid>,
    pub scale: Vec<RatingGrade>,
}

impl Context {
    /// Loads the initiative; `lock`: with the plan's row locked for a write (see [`plans::load_locked`]).
    pub fn load(conn: &mut DbConnection, initiative_id: Uuid, lock: bool) -> ApiResult<Context> {
        let plan_id = initiatives::load(conn, initiative_id)?.plan_id.0;
        let plan = if lock { plans::load_locked(conn, plan_id)? } else { plans::load(conn, plan_id)? };
        let initiative = initiatives::load(conn, initiative_id)?;
        let responsible = initiative_departments::table
            .filter(initiative_departments::initiative_id.eq(initiative.id))
            .select(initiative_departments::department_id)
            .load::<DbUuid>(conn)?
            .into_iter()
            .map(|d| d.0)
            .collect();
        let scale = plan.rating_scale()?;
        Ok(Context { plan, initiative, responsible, scale })
    }

    fn grade_label(&self, code: Option<&str>) -> Option<String> {
        code.and_then(|c| self.scale.iter().find(|g| g.code == c)).map(|g| g.label.clone())
    }

    /// The FYs a report may be written for: the plan period within the initiative's active range.
    pub fn fy_range(&self) -> (i32, i32) {
        let from = self.initiative.active_from_fy.map_or(self.plan.start_fy, |f| f.max(self.plan.start_fy));
        let to = self.initiative.active_to_fy.map_or(self.plan.end_fy, |t| t.min(self.plan.end_fy));
        (from, to)
    }

    /// 422 unless `fy` lies in the plan period and the initiative's active range (naming both).
    pub fn check_fy(&self, fy: i32) -> ApiResult<()> {
        let (from, to) = self.fy_range();
        if (from..=to).contains(&fy) {
            return Ok(());
        }
        let active = match (self.initiative.active_from_fy, self.initiative.active_to_fy) {
            (None, None) => "the whole plan period".to_string(),
            (f, t) => format!(
                "{}–{}",
                f.map_or("the plan start".into(), fiscal_year::label),
                t.map_or("the plan end".into(), fiscal_year::label)
            ),
        };
        Err(ApiError::invalid(
            "/path/fiscal_year",
            "fiscal_year_out_of_range",
            format!(
                "{} ({fy}) lies outside the plan period {}–{} ({}–{}) or the initiative's active range ({active})",
                fiscal_year::label(fy),
                fiscal_year::label(self.plan.start_fy),
                fiscal_year::label(self.plan.end_fy),
                self.plan.start_fy,
                self.plan.end_fy,
            ),
        ))
    }

    /// What the caller sees of `report`.
    pub fn sight(&self, p: &Principal, report: &Report) -> ApiResult<ReportSight> {
        Ok(policy::see_report(p, &self.responsible, report.state()?, report.published_snapshot.is_some()))
    }
}

pub fn find(conn: &mut DbConnection, initiative: DbUuid, fy: i32) -> ApiResult<Option<Report>> {
    Ok(annual_reports::table
        .filter(annual_reports::initiative_id.eq(initiative).and(annual_reports::fiscal_year.eq(fy)))
        .select(Report::as_select())
        .first(conn)
        .optional()?)
}

pub fn not_found() -> ApiError {
    ApiError::not_found("annual report")
}

/// The views of several reports of one initiative, in four queries.
pub fn views(conn: &mut DbConnection, ctx: &Context, reports: Vec<Report>) -> ApiResult<Vec<AnnualReportView>> {
    let ids: Vec<DbUuid> = reports.iter().map(|r| r.id).collect();
    let mut quarters: HashMap<DbUuid, Vec<QuarterView>> = HashMap::new();
    for q in quarter_updates::table
        .filter(quarter_updates::report_id.eq_any(&ids))
        .order((quarter_updates::report_id, quarter_updates::quarter))
        .select(Quarter::as_select())
        .load::<Quarter>(conn)?
    {
        quarters.entry(q.report_id).or_default().push(quarter_view(&q)?);
    }
    let own: Vec<Indicator> = indicators::table
        .filter(indicators::initiative_id.eq(ctx.initiative.id))
        .order((indicators::position, indicators::id))
        .select(Indicator::as_select())
        .load(conn)?;
    let fys: Vec<i32> = reports.iter().map(|r| r.fiscal_year).collect();
    let own_ids: Vec<DbUuid> = own.iter().map(|i| i.id).collect();
    let values: HashMap<(DbUuid, i32), IndicatorValue> = indicator_values::table
        .filter(indicator_values::indicator_id.eq_any(&own_ids).and(indicator_values::fiscal_year.eq_any(&fys)))
        .select(IndicatorValue::as_select())
        .load::<IndicatorValue>(conn)?
        .into_iter()
        .map(|v| ((v.indicator_id, v.fiscal_year), v))
        .collect();
    let names = UserNames::load(conn, reports.iter().filter_map(|r| r.updated_by))?;
    reports
        .into_iter()
        .map(|r| {
            let year_values = own
                .iter()
                .filter(|i| i.valid_from_fy.is_none_or(|f| f <= r.fiscal_year))
                .filter(|i| i.valid_to_fy.is_none_or(|t| t >= r.fiscal_year))
                .map(|i| value_entry(i, values.get(&(i.id, r.fiscal_year))))
                .collect::<ApiResult<Vec<_>>>()?;
            let quarters = quarters.remove(&r.id).unwrap_or_default();
            view(ctx, r, quarters, year_values, &names)
        })
        .collect()
}

fn value_entry(i: &Indicator, v: Option<&IndicatorValue>) -> ApiResult<ReportValueView> {
    let direction = Direction::from_db(&i.direction)?;
    let (target, actual, raw) = v.map_or((None, None, None), |v| (v.target, v.actual, v.raw.clone()));
    Ok(ReportValueView {
        indicator_id: i.id.0,
        indicator_key: i.bundle_key.clone(),
        indicator_name: i.name.clone(),
        unit: i.unit.clone(),
        direction,
        target,
        actual,
        raw,
        achievement: achievement::evaluate(direction, i.tolerance, target, actual),
    })
}

fn view(
    ctx: &Context,
    r: Report,
    quarters: Vec<QuarterView>,
    indicator_values: Vec<ReportValueView>,
    names: &UserNames,
) -> ApiResult<AnnualReportView> {
    let category = r.category.as_deref().map(PlanCategory::from_db).transpose()?;
    let progress = r.progress_status.as_deref().map(ProgressStatus::from_db).transpose()?;
    let state = r.state()?;
    Ok(AnnualReportView {
        id: r.id.0,
        initiative_id: r.initiative_id.0,
        plan_id: ctx.plan.id.0,
        fiscal_year: r.fiscal_year,
        fiscal_year_label: fiscal_year::label(r.fiscal_year),
        category,
        category_label: category.map(|c| c.label().to_string()),
        plan_text: r.plan_text,
        result_text: r.result_text,
        issues_text: r.issues_text,
        next_steps_text: r.next_steps_text,
        previous_year_result_text: r.previous_year_result_text,
        progress_status: progress,
        progress_status_label: progress.map(|p| p.label().to_string()),
        self_rating_label: ctx.grade_label(r.self_rating.as_deref()),
        self_rating: r.self_rating,
        committee_rating_label: ctx.grade_label(r.committee_rating.as_deref()),
        committee_rating: r.committee_rating,
        committee_opinion: r.committee_opinion,
        workflow_state: state,
        workflow_state_label: state.label().into(),
        return_reason: r.return_reason,
        edition: r.revision,
        published_at: r.published_at.map(utc),
        quarters,
        indicator_values,
        updated_by: names.user(r.updated_by),
        version: r.version,
        created_at: utc(r.created_at),
        updated_at: utc(r.updated_at),
    })
}

pub fn view_one(conn: &mut DbConnection, ctx: &Context, report: Report) -> ApiResult<AnnualReportView> {
    views(conn, ctx, vec![report])?.pop().ok_or_else(|| ApiError::Internal("report view missing".into()))
}

/// The report as the caller may see it: now, as last published, or 404.
pub fn visible_view(
    conn: &mut DbConnection,
    p: &Principal,
    ctx: &Context,
    report: Report,
) -> ApiResult<AnnualReportView> {
    match ctx.sight(p, &report)? {
        ReportSight::Current => view_one(conn, ctx, report),
        ReportSight::LastPublished => published(&report),
        ReportSight::Hidden => Err(not_found()),
    }
}

/// The last published edition, as stored when it was published.
pub fn published(report: &Report) -> ApiResult<AnnualReportView> {
    let snapshot = report.published_snapshot.as_deref().ok_or_else(not_found)?;
    Ok(serde_json::from_str(snapshot)?)
}

/// Moves the report to its next version (conditionally on the version read: the database
/// decides between concurrent writers), as `updated_by` now, in `state`.
pub fn touch(conn: &mut DbConnection, actor: &Actor, before: &Report, state: WorkflowState) -> ApiResult<()> {
    let rows = diesel::update(annual_reports::table.find(before.id).filter(annual_reports::version.eq(before.version)))
        .set((
            annual_reports::version.eq(before.version + 1),
            annual_reports::updated_at.eq(now()),
            annual_reports::updated_by.eq(actor.user_id.map(DbUuid)),
            annual_reports::workflow_state.eq(state.as_str()),
        ))
        .execute(conn)?;
    crate::web::http::IfMatch::none().applied(rows)
}

/// Appends the revision of the report as it now is, and its audit event. `before` is the view
/// before the change (`None` for a new report).
pub fn commit(
    conn: &mut DbConnection,
    actor: &Actor,
    ctx: &Context,
    report_id: DbUuid,
    before: Option<&AnnualReportView>,
    action: &str,
) -> ApiResult<AnnualReportView> {
    let row: Report = annual_reports::table.find(report_id).select(Report::as_select()).first(conn)?;
    let after = view_one(conn, ctx, row)?;
    insert_revision(conn, actor, before, &after, action)?;
    audit::record(
        conn,
        actor,
        Change {
            action,
            entity_type: "annual_report",
            entity_id: after.id,
            plan_id: Some(ctx.plan.id.0),
            before,
            after: Some(&after),
        },
    )?;
    Ok(after)
}

/// Stores `after` as the report's revision number `after.version`, with the fields changed since `before`.
fn insert_revision(
    conn: &mut DbConnection,
    actor: &Actor,
    before: Option<&AnnualReportView>,
    after: &AnnualReportView,
    action: &str,
) -> ApiResult<()> {
    let changed = history::changed_fields(before, after)?;
    diesel::insert_into(report_revisions::table)
        .values((
            report_revisions::id.eq(DbUuid(Uuid::now_v7())),
            report_revisions::report_id.eq(DbUuid(after.id)),
            report_revisions::number.eq(after.version),
            report_revisions::edition.eq(after.edition),
            report_revisions::workflow_state.eq(after.workflow_state.as_str()),
            report_revisions::action.eq(action),
            report_revisions::changed_fields.eq(serde_json::to_string(&changed)?),
            report_revisions::actor_id.eq(actor.user_id.map(DbUuid)),
            report_revisions::token_id.eq(actor.token_id.map(DbUuid)),
            report_revisions::occurred_at.eq(now()),
            report_revisions::snapshot.eq(serde_json::to_string(after)?),
        ))
        .execute(conn)?;
    Ok(())
}

/// Reports written before history was kept (or imported) get their first revision: the report as
/// it is. Run at start and after a bundle import; cheap when there is nothing to do.
pub fn backfill_history(conn: &mut DbConnection) -> ApiResult<usize> {
    let missing: Vec<Report> = annual_reports::table
        .filter(diesel::dsl::not(diesel::dsl::exists(
            report_revisions::table.filter(report_revisions::report_id.eq(annual_reports::id)),
        )))
        .select(Report::as_select())
        .load(conn)?;
    let mut by_initiative: HashMap<DbUuid, Vec<Report>> = HashMap::new();
    for r in missing {
        by_initiative.entry(r.initiative_id).or_default().push(r);
    }
    let mut count = 0;
    for (initiative, reports) in by_initiative {
        let ctx = Context::load(conn, initiative.0, false)?;
        for view in views(conn, &ctx, reports)? {
            insert_revision(conn, &Actor::default(), None, &view, "import")?;
            if view.workflow_state == WorkflowState::Published {
                diesel::update(annual_reports::table.find(DbUuid(view.id)))
                    .set(annual_reports::published_snapshot.eq(serde_json::to_string(&view)?))
                    .execute(conn)?;
            }
            count += 1;
        }
    }
    Ok(count)
}
