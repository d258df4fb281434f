//! An initiative with what the reporting rules need (its plan, rating scale, responsible
//! departments), and what a caller sees of its reports.

use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::initiative_departments;
use crate::db::{DbConnection, DbUuid};
use crate::domain::fiscal_year;
use crate::domain::suggestion::RatingRule;
use crate::error::{ApiError, ApiResult};
use crate::models::initiatives::{self, Initiative};
use crate::models::plans::{self, Plan, RatingGrade};
use crate::models::reports::Report;
use crate::web::auth::Principal;
use crate::web::policy::{self, ReportSight};

/// An initiative with what the reporting rules need: its plan, rating scale and departments.
#[derive(Clone)]
pub struct Context {
    pub plan: Plan,
    pub initiative: Initiative,
    pub responsible: Vec<Uuid>,
    pub scale: Vec<RatingGrade>,
    /// The plan's rule suggesting self-ratings.
    pub rule: Option<RatingRule>,
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
        let rule = plan.rating_rule()?;
        Ok(Context { plan, initiative, responsible, scale, rule })
    }

    pub fn grade_label(&self, code: Option<&str>) -> Option<String> {
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

pub fn not_found() -> ApiError {
    ApiError::not_found("annual report")
}
