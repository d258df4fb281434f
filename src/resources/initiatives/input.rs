//! What is posted to create or change an initiative, and its checks against the plan.

use std::collections::HashSet;

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use validator::Validate;

use crate::db::schema::{annual_reports, departments, indicator_values, indicators, initiatives, plan_nodes};
use crate::db::{now, DbConnection, DbUuid};
use crate::domain::enums::InitiativeStatus;
use crate::domain::validation::{self, Errors, Tidy};
use crate::error::{ApiError, ApiResult};
use crate::models::initiatives::{code_sort, Initiative};
use crate::models::plans::Plan;
use crate::web::http::patch_field;

/// The city's and the council's programs that carry an initiative (関係取組・事業).
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct RelatedPrograms {
    /// 市.
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub city: Option<String>,
    /// 市社協.
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub council: Option<String>,
}

impl<'de> Deserialize<'de> for RelatedPrograms {
    /// Only from a JSON object: a derived struct of optional fields would also take an array.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            #[serde(default)]
            city: Option<String>,
            #[serde(default)]
            council: Option<String>,
        }
        let object = serde_json::Map::<String, serde_json::Value>::deserialize(deserializer)?;
        let fields: Fields =
            serde_json::from_value(serde_json::Value::Object(object)).map_err(serde::de::Error::custom)?;
        Ok(RelatedPrograms { city: fields.city, council: fields.council })
    }
}

/// A new initiative.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct InitiativeInput {
    /// Stable key within the plan; default the new initiative's id.
    #[validate(length(min = 1, max = 100), custom(function = "validation::not_blank"))]
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    pub key: Option<String>,
    /// Code as printed; `null` or absent when the source prints none.
    #[validate(length(min = 1, max = 50), custom(function = "validation::not_blank"))]
    #[schema(example = "1", min_length = 1, max_length = 50, pattern = r"\S")]
    #[serde(default)]
    pub code: Option<String>,
    #[validate(length(min = 1, max = 300), custom(function = "validation::not_blank"))]
    #[schema(example = "保健福祉ガイドブックの発行", min_length = 1, max_length = 300, pattern = r"\S")]
    pub title: String,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub description: Option<String>,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub aim: Option<String>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub notes: Option<String>,
    #[validate(nested)]
    pub related_programs: Option<RelatedPrograms>,
    /// The primary node first, then every node it is cross-listed under; all in the same plan.
    #[validate(length(min = 1, max = 50))]
    #[schema(min_items = 1, max_items = 50)]
    pub node_ids: Vec<Uuid>,
    /// Responsible departments (at least one).
    #[validate(length(min = 1, max = 50))]
    #[schema(min_items = 1, max_items = 50)]
    pub department_ids: Vec<Uuid>,
    #[validate(range(min = 1989, max = 2200))]
    #[schema(minimum = 1989, maximum = 2200)]
    pub active_from_fy: Option<i32>,
    #[validate(range(min = 1989, max = 2200))]
    #[schema(minimum = 1989, maximum = 2200)]
    pub active_to_fy: Option<i32>,
    /// Default `active`.
    #[serde(default = "active")]
    pub status: InitiativeStatus,
}

fn active() -> InitiativeStatus {
    InitiativeStatus::Active
}

/// Changes to an initiative (JSON merge patch). `node_ids` and `department_ids` replace the lists.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InitiativePatch {
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 100, pattern = r"\S")]
    pub key: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 50, pattern = r"\S")]
    pub code: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = String, required = false, min_length = 1, max_length = 300, pattern = r"\S")]
    pub title: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 10000)]
    pub description: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 10000)]
    pub aim: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<String>, max_length = 2000)]
    pub notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<RelatedPrograms>)]
    pub related_programs: Option<Option<RelatedPrograms>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Vec<Uuid>, required = false, min_items = 1, max_items = 50)]
    pub node_ids: Option<Option<Vec<Uuid>>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Vec<Uuid>, required = false, min_items = 1, max_items = 50)]
    pub department_ids: Option<Option<Vec<Uuid>>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<i32>, minimum = 1989, maximum = 2200)]
    pub active_from_fy: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = Option<i32>, minimum = 1989, maximum = 2200)]
    pub active_to_fy: Option<Option<i32>>,
    #[serde(default, deserialize_with = "patch_field")]
    #[schema(value_type = InitiativeStatus, required = false)]
    pub status: Option<Option<InitiativeStatus>>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InitiativeFilter {
    /// Text in the code or title (insensitive to full-/half-width, katakana/hiragana, case and
    /// spaces: `ｿｳﾀﾞﾝ`, `そうだん` and `ソウダン` are one search).
    #[param(max_length = 200, example = "相談")]
    pub q: Option<String>,
    /// Only initiatives placed under one of these nodes (cross-listings included).
    pub node_id: Option<Vec<Uuid>>,
    /// Only initiatives one of these departments is responsible for; `mine`: the departments
    /// the caller acts for. Repeat the parameter or separate with commas.
    #[param(inline)]
    pub department_id: Option<Vec<crate::resources::departments::DepartmentRef>>,
    /// Only initiatives with these statuses.
    pub status: Option<Vec<InitiativeStatus>>,
    /// Only initiatives active in this fiscal year.
    #[param(example = 2022)]
    pub fiscal_year: Option<i32>,
}

impl InitiativeFilter {
    /// No filter given: the plain list of the plan.
    pub fn is_empty(&self) -> bool {
        self.q.is_none()
            && self.node_id.is_none()
            && self.department_id.is_none()
            && self.status.is_none()
            && self.fiscal_year.is_none()
    }
}

/// Checks the input against the plan: nodes of this plan, existing departments, FYs in the period.
pub fn check_against_plan(
    conn: &mut DbConnection,
    plan: &Plan,
    input: &InitiativeInput,
    except: Option<DbUuid>,
) -> ApiResult<()> {
    let mut errors = Errors(validation::errors_of(input, ""));
    plan.check_fy(&mut errors, "/active_from_fy", input.active_from_fy);
    plan.check_fy(&mut errors, "/active_to_fy", input.active_to_fy);
    errors.fy_order("/active_to_fy", input.active_from_fy, input.active_to_fy);
    let node_ids: Vec<DbUuid> = input.node_ids.iter().copied().map(DbUuid).collect();
    let known_nodes: HashSet<DbUuid> = plan_nodes::table
        .filter(plan_nodes::plan_id.eq(plan.id).and(plan_nodes::id.eq_any(&node_ids)))
        .select(plan_nodes::id)
        .load::<DbUuid>(conn)?
        .into_iter()
        .collect();
    errors.references(
        "/node_ids",
        node_ids.iter().copied(),
        |id| known_nodes.contains(&id),
        |_| ("not_in_plan", "no such node in this plan (cross-listings stay within one plan)".into()),
    );
    let dep_ids: Vec<DbUuid> = input.department_ids.iter().copied().map(DbUuid).collect();
    let known_deps: HashSet<DbUuid> = departments::table
        .filter(departments::id.eq_any(&dep_ids))
        .select(departments::id)
        .load::<DbUuid>(conn)?
        .into_iter()
        .collect();
    errors.references(
        "/department_ids",
        dep_ids.iter().copied(),
        |id| known_deps.contains(&id),
        |_| ("not_found", "no such department".into()),
    );
    if let Some(key) = &input.key {
        let existing: Option<DbUuid> = initiatives::table
            .filter(initiatives::plan_id.eq(plan.id).and(initiatives::bundle_key.eq(key.tidy())))
            .select(initiatives::id)
            .first(conn)
            .optional()?;
        if existing.is_some() && existing != except {
            errors.add("/key", "duplicate", format!("key {} is already used in this plan", key.tidy()));
        }
    }
    errors.into_result()
}

/// The row for a validated input (id and timestamps given by the caller).
pub fn row_from(plan_id: DbUuid, id: DbUuid, input: &InitiativeInput) -> Initiative {
    let ts = now();
    let related = input.related_programs.clone().unwrap_or_default();
    Initiative {
        id,
        plan_id,
        bundle_key: input.key.as_deref().map(Tidy::tidy).map(str::to_string).unwrap_or_else(|| id.to_string()),
        code: input.code.as_deref().map(Tidy::tidy).unwrap_or_default().to_string(),
        code_sort: code_sort(input.code.as_deref(), &input.title),
        title: input.title.tidy().to_string(),
        description: input.description.clone(),
        aim: input.aim.clone(),
        notes: input.notes.clone(),
        related_city: related.city,
        related_council: related.council,
        active_from_fy: input.active_from_fy,
        active_to_fy: input.active_to_fy,
        status: input.status.as_str().to_string(),
        version: 1,
        created_at: ts,
        updated_at: ts,
        search_text: crate::models::search::text_of(&[input.code.as_deref(), Some(&input.title)]),
    }
}

/// Reports and indicator values must stay inside a narrowed active range.
pub fn check_reports_in_range(
    conn: &mut DbConnection,
    id: DbUuid,
    from: Option<i32>,
    to: Option<i32>,
) -> ApiResult<()> {
    let from = from.unwrap_or(i32::MIN);
    let to = to.unwrap_or(i32::MAX);
    let reports: i64 = annual_reports::table
        .filter(annual_reports::initiative_id.eq(id))
        .filter(annual_reports::fiscal_year.lt(from).or(annual_reports::fiscal_year.gt(to)))
        .count()
        .get_result(conn)?;
    let values: i64 = indicator_values::table
        .inner_join(indicators::table)
        .filter(indicators::initiative_id.eq(id))
        .filter(indicator_values::fiscal_year.lt(from).or(indicator_values::fiscal_year.gt(to)))
        .count()
        .get_result(conn)?;
    if reports + values > 0 {
        return Err(ApiError::Conflict(format!(
            "{reports} reports and {values} indicator values lie outside the new active range"
        )));
    }
    Ok(())
}
