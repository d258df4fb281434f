//! What a report looks like to its readers: the annual report with its quarters and the year's
//! indicator values (with achievement), as now or as last published.

use std::collections::HashMap;

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::context::{not_found, Context};
use crate::db::schema::{indicator_values, indicators, quarter_updates};
use crate::db::{utc, DbConnection, DbUuid};
use crate::domain::achievement::{self, Achievement, AchievementStatus};
use crate::domain::enums::{Direction, PlanCategory, ProgressStatus, QuarterMark, WorkflowState};
use crate::domain::fiscal_year;
use crate::domain::suggestion::{self, Basis, RatingRule};
use crate::error::{ApiError, ApiResult};
use crate::models::indicators::{Indicator, IndicatorValue};
use crate::models::plans::{Plan, RatingGrade};
use crate::models::reports::{quarter_label, Quarter, Report};
use crate::models::users::{UserNames, UserRef};
use crate::web::auth::Principal;
use crate::web::policy::ReportSight;

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

// The rule is docs/domain.md, "Achievement". The doc line below is published in the OpenAPI
// document, so its old citation stays until the next change of the contract.
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

/// The self-rating a plan's rule suggests for a report's year (docs/domain.md, "Rating
/// suggestions"). The department still rates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SuggestedRating {
    /// `null`: too few indicators measurable, or no step of the rule met.
    #[schema(example = "B")]
    pub grade: Option<String>,
    #[schema(example = "概ね進んでいる")]
    pub grade_label: Option<String>,
    /// Indicators valid in the year that met their target.
    #[schema(example = 3)]
    pub achieved: i32,
    /// Indicators with both a target and an actual.
    #[schema(example = 4)]
    pub measurable: i32,
    /// Indicators valid in the year.
    #[schema(example = 5)]
    pub indicators: i32,
    #[schema(example = "3/4 indicators achieved")]
    pub reason: String,
    #[schema(example = "測定できた指標4件中3件達成")]
    pub reason_label: String,
}

/// What `rule` suggests for a year with these indicator values (`None` without a rule).
pub fn suggested_rating(
    rule: Option<&RatingRule>,
    scale: &[RatingGrade],
    values: &[ReportValueView],
) -> Option<SuggestedRating> {
    let basis = basis_of(values.iter().map(|v| v.achievement.status));
    let s = suggestion::suggest(rule?, basis);
    Some(SuggestedRating {
        grade_label: s.grade.as_deref().and_then(|g| scale.iter().find(|x| x.code == g)).map(|g| g.label.clone()),
        grade: s.grade,
        achieved: basis.achieved as i32,
        measurable: basis.measurable as i32,
        indicators: basis.indicators as i32,
        reason: s.reason,
        reason_label: s.reason_label,
    })
}

/// What a suggestion is made from: the verdicts of the indicators valid in a year.
pub fn basis_of(verdicts: impl Iterator<Item = AchievementStatus>) -> Basis {
    let mut basis = Basis::default();
    for verdict in verdicts {
        basis.indicators += 1;
        basis.measurable += u32::from(verdict != AchievementStatus::NotMeasurable);
        basis.achieved += u32::from(verdict == AchievementStatus::Achieved);
    }
    basis
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
    /// The self-rating the plan's rule suggests from these indicators (`null`: the plan has no
    /// rule). Worked out when read, from the rule as it is now: not part of the report's version.
    #[serde(default)]
    pub suggested_rating: Option<SuggestedRating>,
    pub updated_by: Option<UserRef>,
    /// Also the number of the latest revision in the report's history.
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// The views of several reports of one initiative, in four queries.
pub fn views(conn: &mut DbConnection, ctx: &Context, reports: Vec<Report>) -> ApiResult<Vec<AnnualReportView>> {
    let ids: Vec<DbUuid> = reports.iter().map(|r| r.id).collect();
    let mut quarters: HashMap<DbUuid, Vec<Quarter>> = HashMap::new();
    for q in quarter_updates::table
        .filter(quarter_updates::report_id.eq_any(&ids))
        .order((quarter_updates::report_id, quarter_updates::quarter))
        .select(Quarter::as_select())
        .load::<Quarter>(conn)?
    {
        quarters.entry(q.report_id).or_default().push(q);
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
            let fy = r.fiscal_year;
            let quarters = quarters.remove(&r.id).unwrap_or_default();
            assemble(ctx, r, &quarters, &own, |i| values.get(&(i, fy)), &names)
        })
        .collect()
}

/// The view of `r` from what is stored with it (pure): its quarters (in quarter order), the
/// initiative's indicators (in display order; those valid in the report's year are shown) and
/// their values in that year.
pub fn assemble<'v>(
    ctx: &Context,
    r: Report,
    quarters: &[Quarter],
    own: &[Indicator],
    value: impl Fn(DbUuid) -> Option<&'v IndicatorValue>,
    names: &UserNames,
) -> ApiResult<AnnualReportView> {
    let year_values = own
        .iter()
        .filter(|i| i.valid_from_fy.is_none_or(|f| f <= r.fiscal_year))
        .filter(|i| i.valid_to_fy.is_none_or(|t| t >= r.fiscal_year))
        .map(|i| value_entry(i, value(i.id)))
        .collect::<ApiResult<Vec<_>>>()?;
    let quarters = quarters.iter().map(quarter_view).collect::<ApiResult<Vec<_>>>()?;
    view(ctx, r, quarters, year_values, names)
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
    let suggested_rating = suggested_rating(ctx.rule.as_ref(), &ctx.scale, &indicator_values);
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
        suggested_rating,
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
        ReportSight::LastPublished => published(&report, &ctx.plan),
        ReportSight::Hidden => Err(not_found()),
    }
}

/// The last published edition, as stored when it was published, with the suggestion of the
/// plan's rule as it is now.
pub fn published(report: &Report, plan: &Plan) -> ApiResult<AnnualReportView> {
    let mut view = published_contents(report)?;
    view.suggested_rating =
        suggested_rating(plan.rating_rule()?.as_ref(), &plan.rating_scale()?, &view.indicator_values);
    Ok(view)
}

/// The last published edition as stored, without a suggestion: for readers of its contents only.
pub fn published_contents(report: &Report) -> ApiResult<AnnualReportView> {
    let snapshot = report.published_snapshot.as_deref().ok_or_else(not_found)?;
    let view: AnnualReportView = serde_json::from_str(snapshot)?;
    Ok(AnnualReportView { suggested_rating: None, ..view })
}

/// The version and time of one indicator value row when its report was published: what those
/// who see only the published edition are shown while a correction changes the row.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ValueStamp {
    pub indicator_id: Uuid,
    pub version: i32,
    pub updated_at: chrono::NaiveDateTime,
}

/// The snapshot stored when a report is published: its view, and the stamps of the year's value
/// rows as they are then (`value_stamps`, not part of the view; [`published_value_stamps`]).
pub fn published_snapshot(conn: &mut DbConnection, view: &AnnualReportView) -> ApiResult<String> {
    let ids: Vec<DbUuid> = view.indicator_values.iter().map(|v| DbUuid(v.indicator_id)).collect();
    let stamps: Vec<ValueStamp> = indicator_values::table
        .filter(indicator_values::indicator_id.eq_any(&ids).and(indicator_values::fiscal_year.eq(view.fiscal_year)))
        .select(IndicatorValue::as_select())
        .load::<IndicatorValue>(conn)?
        .into_iter()
        .map(|v| ValueStamp { indicator_id: v.indicator_id.0, version: v.version, updated_at: v.updated_at })
        .collect();
    snapshot_with_stamps(view, stamps)
}

/// The published snapshot of `view` with the stamps of its value rows (pure).
pub fn snapshot_with_stamps(view: &AnnualReportView, stamps: Vec<ValueStamp>) -> ApiResult<String> {
    let mut snapshot = serde_json::to_value(view)?;
    if let Some(members) = snapshot.as_object_mut() {
        members.insert("value_stamps".into(), serde_json::to_value(stamps)?);
    }
    Ok(serde_json::to_string(&snapshot)?)
}

/// The stamps of the value rows that existed when the report was published; `None` for a
/// snapshot stored before stamps were kept.
pub fn published_value_stamps(report: &Report) -> ApiResult<Option<Vec<ValueStamp>>> {
    #[derive(Deserialize)]
    struct Stamps {
        value_stamps: Option<Vec<ValueStamp>>,
    }
    let snapshot = report.published_snapshot.as_deref().ok_or_else(not_found)?;
    Ok(serde_json::from_str::<Stamps>(snapshot)?.value_stamps)
}
