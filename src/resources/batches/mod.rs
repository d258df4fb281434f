//! Progress batches: a department's whole quarter (or year) in one call. Every item is one
//! initiative's report for the batch's fiscal year, written through the same code as the single
//! endpoints ([`crate::resources::reports::write`]). All or nothing: one transaction; any
//! forbidden item refuses the batch (403), any invalid one rejects it (422, every error with
//! its JSON pointer), and nothing is written. `Idempotency-Key` makes a retry safe.

use std::collections::HashMap;

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{indicators, initiative_departments, initiatives};
use crate::db::{self, DbConnection, DbUuid};
use crate::domain::fiscal_year;
use crate::error::{self, ApiError, ApiResult, FieldError};
use crate::models::audit::Actor;
use crate::models::indicators::Indicator;
use crate::models::initiatives::Initiative;
use crate::models::plans;
use crate::models::plans::Plan;
use crate::resources::reports::change::{check_validity, Precondition, QuarterInput, ReportChange, ValueInput};
use crate::resources::reports::context::Context;
use crate::resources::reports::write::{self, Outcome};
use crate::web::auth::{Caller, Principal};
use crate::web::http::LargeJsonBody;
use crate::web::idempotency::{self, Claim};
use crate::web::policy;
use crate::web::state::AppState;

mod shapes;

pub use shapes::{
    BatchItemResult, BatchOutcome, BatchQuarterInput, BatchValueInput, ProgressBatchInput, ProgressBatchItem,
    ProgressBatchResult, MAX_ITEMS,
};

/// The plan's initiatives, departments and indicators, read once for the whole batch.
struct PlanData {
    plan: Plan,
    scale: Vec<crate::models::plans::RatingGrade>,
    initiatives: HashMap<DbUuid, Initiative>,
    by_key: HashMap<String, DbUuid>,
    by_code: HashMap<String, Vec<DbUuid>>,
    responsible: HashMap<DbUuid, Vec<Uuid>>,
    indicators: HashMap<DbUuid, Vec<Indicator>>,
}

impl PlanData {
    fn load(conn: &mut DbConnection, plan: Plan) -> ApiResult<PlanData> {
        let rows: Vec<Initiative> =
            initiatives::table.filter(initiatives::plan_id.eq(plan.id)).select(Initiative::as_select()).load(conn)?;
        let mut by_key = HashMap::new();
        let mut by_code: HashMap<String, Vec<DbUuid>> = HashMap::new();
        for i in &rows {
            by_key.insert(i.bundle_key.clone(), i.id);
            by_code.entry(i.code.clone()).or_default().push(i.id);
        }
        let mut responsible: HashMap<DbUuid, Vec<Uuid>> = HashMap::new();
        for (initiative, department) in initiative_departments::table
            .inner_join(initiatives::table)
            .filter(initiatives::plan_id.eq(plan.id))
            .select((initiative_departments::initiative_id, initiative_departments::department_id))
            .load::<(DbUuid, DbUuid)>(conn)?
        {
            responsible.entry(initiative).or_default().push(department.0);
        }
        let mut by_initiative: HashMap<DbUuid, Vec<Indicator>> = HashMap::new();
        for ind in indicators::table
            .filter(indicators::plan_id.eq(plan.id).and(indicators::initiative_id.is_not_null()))
            .order((indicators::position, indicators::id))
            .select(Indicator::as_select())
            .load::<Indicator>(conn)?
        {
            if let Some(initiative) = ind.initiative_id {
                by_initiative.entry(initiative).or_default().push(ind);
            }
        }
        Ok(PlanData {
            scale: plan.rating_scale()?,
            plan,
            initiatives: rows.into_iter().map(|i| (i.id, i)).collect(),
            by_key,
            by_code,
            responsible,
            indicators: by_initiative,
        })
    }

    /// The initiative an item names, or the error at its pointer.
    // A field error is the natural error of one item; it is built once per bad item, not per call.
    #[allow(clippy::result_large_err)]
    fn resolve(&self, at: &str, item: &ProgressBatchItem) -> Result<DbUuid, FieldError> {
        let by_code = match item.initiative_code.as_deref().map(str::trim) {
            None => None,
            Some(code) => Some(match (self.by_key.get(code), self.by_code.get(code).map(Vec::as_slice)) {
                (Some(id), _) | (None, Some([id])) => *id,
                (None, Some(several)) => {
                    let mut keys: Vec<&str> = several
                        .iter()
                        .filter_map(|id| self.initiatives.get(id))
                        .map(|i| i.bundle_key.as_str())
                        .collect();
                    keys.sort();
                    return Err(FieldError::new(
                        format!("{at}/initiative_code"),
                        "ambiguous",
                        format!(
                            "{} initiatives have the code {code}: name one by its key ({})",
                            keys.len(),
                            keys.join(", ")
                        ),
                    ));
                }
                (None, None) => {
                    return Err(FieldError::new(
                        format!("{at}/initiative_code"),
                        "not_found",
                        format!("the plan has no initiative with the key or code {code}"),
                    ))
                }
            }),
        };
        let by_id = match item.initiative_id {
            None => None,
            Some(id) if self.initiatives.contains_key(&DbUuid(id)) => Some(DbUuid(id)),
            Some(_) => {
                return Err(FieldError::new(
                    format!("{at}/initiative_id"),
                    "not_found",
                    "the plan has no initiative with this id",
                ))
            }
        };
        match (by_code, by_id) {
            (Some(a), Some(b)) if a != b => Err(FieldError::new(
                format!("{at}/initiative_id"),
                "mismatch",
                "initiative_id and initiative_code name different initiatives",
            )),
            (Some(id), _) | (None, Some(id)) => Ok(id),
            (None, None) => Err(FieldError::new(
                at.to_string(),
                "required",
                "name the initiative by initiative_code or initiative_id",
            )),
        }
    }

    /// The initiative's indicator a value names (id, key or name).
    #[allow(clippy::result_large_err)]
    fn indicator(&self, initiative: DbUuid, at: &str, name: &str) -> Result<&Indicator, FieldError> {
        let own = self.indicators.get(&initiative).map(Vec::as_slice).unwrap_or_default();
        let name = name.trim();
        let id = Uuid::parse_str(name).ok().map(DbUuid);
        let found: Vec<&Indicator> = match own.iter().find(|i| Some(i.id) == id || i.bundle_key == name) {
            Some(one) => vec![one],
            None => own.iter().filter(|i| i.name == name).collect(),
        };
        match found.as_slice() {
            [one] => Ok(one),
            [] => Err(FieldError::new(
                format!("{at}/indicator"),
                "not_found",
                format!(
                    "the initiative has no indicator {name}; it has: {}",
                    own.iter().map(|i| format!("{} ({})", i.name, i.bundle_key)).collect::<Vec<_>>().join(", ")
                ),
            )),
            several => Err(FieldError::new(
                format!("{at}/indicator"),
                "ambiguous",
                format!(
                    "{} indicators are named {name}: name one by its key ({})",
                    several.len(),
                    several.iter().map(|i| i.bundle_key.as_str()).collect::<Vec<_>>().join(", ")
                ),
            )),
        }
    }

    fn context(&self, initiative: DbUuid) -> ApiResult<Context> {
        Ok(Context {
            initiative: self.initiatives[&initiative].clone(),
            responsible: self.responsible.get(&initiative).cloned().unwrap_or_default(),
            scale: self.scale.clone(),
            plan: self.plan.clone(),
        })
    }
}

/// Runs a batch inside the caller's write transaction: resolves every item, checks the
/// caller's rights on each (403 listing every forbidden item), then writes each item through
/// [`write::apply`], collecting every error (422, or 409 when all are workflow conflicts).
/// On any error nothing the batch wrote may be kept: the caller rolls back.
pub fn run(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    input: ProgressBatchInput,
) -> ApiResult<ProgressBatchResult> {
    run_with(conn, principal, actor, plan_id, input, false)
}

/// [`run`]; with `every_error`, forbidden and invalid items do not stop the batch before its
/// writes: the other items are still checked and written (to be rolled back), so that one
/// answer lists every problem (forbidden, invalid and workflow conflicts together, as a 422
/// unless all are of one kind). The progress sheet uses it: a clerk learns every mistake at once.
pub fn run_with(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    input: ProgressBatchInput,
    every_error: bool,
) -> ApiResult<ProgressBatchResult> {
    let plan = plans::load_locked(conn, plan_id)?;
    let data = PlanData::load(conn, plan)?;
    let fy = input.fiscal_year;
    let mut invalid = Vec::new();
    let mut forbidden = Vec::new();
    let mut prepared: Vec<Option<(DbUuid, ReportChange)>> = Vec::with_capacity(input.items.len());
    let mut first_item: HashMap<DbUuid, usize> = HashMap::new();
    let item_count = input.items.len();
    for (index, mut item) in input.items.into_iter().enumerate() {
        let at = format!("/items/{index}");
        let errors_before = invalid.len();
        let initiative = match data.resolve(&at, &item) {
            Ok(id) => id,
            Err(e) => {
                invalid.push(e);
                prepared.push(None);
                continue;
            }
        };
        if let Some(first) = first_item.insert(initiative, index) {
            let field = if item.initiative_code.is_some() { "initiative_code" } else { "initiative_id" };
            invalid.push(FieldError::new(
                format!("{at}/{field}"),
                "duplicate",
                format!("the initiative is also in /items/{first}: send one item per initiative"),
            ));
        }
        let mut quarters = Vec::new();
        for (q, quarter) in item.quarters.drain(..).enumerate() {
            if quarters.iter().any(|(n, _)| *n == quarter.quarter) {
                invalid.push(FieldError::new(
                    format!("{at}/quarters/{q}/quarter"),
                    "duplicate",
                    format!("quarter {} is sent twice", quarter.quarter),
                ));
            }
            let BatchQuarterInput { quarter, plan_text, result_text, mark } = quarter;
            quarters.push((quarter, QuarterInput { plan_text, result_text, mark }));
        }
        let mut values: Vec<(Indicator, ValueInput)> = Vec::new();
        for (v, value) in item.indicator_values.drain(..).enumerate() {
            let at = format!("{at}/indicator_values/{v}");
            match data.indicator(initiative, &at, &value.indicator) {
                Ok(ind) if values.iter().any(|(i, _)| i.id == ind.id) => invalid.push(FieldError::new(
                    format!("{at}/indicator"),
                    "duplicate",
                    format!("the indicator {} is sent twice", ind.name),
                )),
                Ok(ind) => {
                    for (field, v) in [("target", value.target), ("actual", value.actual)] {
                        invalid.extend(crate::domain::validation::indicator_number(&format!("{at}/{field}"), v));
                    }
                    if let Err(ApiError::Validation(errors)) = check_validity(&data.plan, ind, fy) {
                        invalid
                            .extend(errors.into_iter().map(|e| FieldError { field: format!("{at}/indicator"), ..e }));
                    }
                    values
                        .push((ind.clone(), ValueInput { target: value.target, actual: value.actual, raw: value.raw }))
                }
                Err(e) => invalid.push(e),
            }
        }
        let change = ReportChange {
            fields: item.report_fields(),
            quarters,
            values,
            precondition: Precondition::None,
            sparse: true,
        };
        let responsible = data.responsible.get(&initiative).map(Vec::as_slice).unwrap_or_default();
        let mut refusals = Vec::new();
        if change.touches_department_data() {
            refusals.extend(policy::write_initiative_data(principal, responsible).err());
        }
        if change.touches_committee_fields() {
            refusals.extend(policy::review_report(principal).err());
        }
        let refused = !refusals.is_empty();
        for refusal in refusals {
            let key = &data.initiatives[&initiative].bundle_key;
            forbidden.push(FieldError::new(at.clone(), "forbidden", format!("initiative {key}: {refusal}")));
        }
        // Every error pushed since this item began is the item's own.
        let faulty = invalid.len() > errors_before;
        prepared.push((!(every_error && (refused || faulty))).then_some((initiative, change)));
    }
    if !forbidden.is_empty() && !every_error {
        return Err(ApiError::ForbiddenItems {
            detail: format!("{} of {item_count} items may not be written by you: nothing was written", forbidden.len()),
            errors: forbidden,
        });
    }
    if !invalid.is_empty() && !every_error {
        return Err(ApiError::Validation(invalid));
    }

    let mut conflicts = Vec::new();
    let mut results = Vec::with_capacity(item_count);
    for (index, prepared) in prepared.into_iter().enumerate() {
        let Some((initiative, change)) = prepared else { continue };
        let at = format!("/items/{index}");
        let ctx = data.context(initiative)?;
        match write::apply(conn, principal, actor, &ctx, fy, change) {
            Ok(applied) => results.push(BatchItemResult {
                index,
                initiative_id: initiative.0,
                initiative_key: ctx.initiative.bundle_key.clone(),
                initiative_code: ctx.initiative.code.clone(),
                outcome: match applied.outcome {
                    Outcome::Created => BatchOutcome::Created,
                    Outcome::Updated => BatchOutcome::Updated,
                    Outcome::Unchanged => BatchOutcome::Unchanged,
                },
                report_version: applied.version,
                changed_fields: applied.changed_fields,
                row: None,
            }),
            Err(ApiError::Conflict(message)) => conflicts.push(FieldError::new(at, "workflow_state", message)),
            Err(ApiError::Validation(errors)) => invalid.extend(errors.into_iter().map(|e| e.under(&at))),
            Err(ApiError::NotFound(message)) => invalid.push(FieldError::new(at, "not_found", message)),
            Err(other) => return Err(other),
        }
    }
    if every_error && !forbidden.is_empty() {
        if invalid.is_empty() && conflicts.is_empty() {
            return Err(ApiError::ForbiddenItems {
                detail: format!(
                    "{} of {item_count} items may not be written by you: nothing was written",
                    forbidden.len()
                ),
                errors: forbidden,
            });
        }
        invalid.extend(forbidden);
    }
    if !invalid.is_empty() {
        invalid.extend(conflicts);
        return Err(ApiError::Validation(invalid));
    }
    if !conflicts.is_empty() {
        return Err(ApiError::ConflictItems {
            detail: format!(
                "{} items cannot be written in their report's workflow state: nothing was written",
                conflicts.len()
            ),
            errors: conflicts,
        });
    }
    let count = |o: BatchOutcome| results.iter().filter(|r| r.outcome == o).count();
    Ok(ProgressBatchResult {
        plan_id,
        fiscal_year: fy,
        fiscal_year_label: fiscal_year::label(fy),
        dry_run: input.dry_run,
        request_id: actor.request_id.clone(),
        created: count(BatchOutcome::Created),
        updated: count(BatchOutcome::Updated),
        unchanged: count(BatchOutcome::Unchanged),
        items: results,
    })
}

/// Runs a batch in its own transaction: committed, or rolled back for a dry run.
pub fn run_in_transaction(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    input: ProgressBatchInput,
) -> ApiResult<ProgressBatchResult> {
    if input.dry_run {
        db::dry_run_transaction(conn, |conn| run(conn, principal, actor, plan_id, input))
    } else {
        db::write_transaction(conn, |conn| run(conn, principal, actor, plan_id, input))
    }
}

/// Post a batch of progress
///
/// Reports, quarters and indicator values of many initiatives of the plan for one fiscal year,
/// in one call and one transaction: what a script posts every quarter. Each item is checked and
/// written exactly as the single endpoints (`PUT …/years/{fiscal_year}`, `…/quarters/{quarter}`,
/// `…/values/{fiscal_year}`) would, and changes its report by one version, one revision and
/// one audit event (all with this request's id). Items that change nothing are `unchanged`;
/// an empty quarter or value where none is stored, and an item that would create an empty
/// report, write nothing.
///
/// **All or nothing**: any forbidden item refuses the whole batch (403, each listed in `errors`
/// as `/items/{index}`); any invalid item rejects it (422, every error with its JSON pointer,
/// such as `/items/17/quarters/0/mark`); items whose report is not in an editable state reject it
/// (409, unless there are also invalid ones). Nothing is written then.
///
/// **Idempotency-Key** (IETF draft): send a unique key (a UUID) and retry with the same key
/// after a timeout: the same key with the same body answers the stored response again (with
/// `Idempotent-Replayed: true`) without writing; the same key with another body is 422. Keys
/// are kept 48 hours per caller (per API token for scripts). Concurrent requests with one key
/// write once. A dry run neither uses nor keeps a key. At most 10,000 items.
///
/// Roles: department data: the responsible departments or council, admin; committee fields
/// (`committee_rating`, `committee_opinion`): committee, admin.
#[utoipa::path(
    tag = "reports",
    params(("plan_id" = Uuid, Path, description = "Plan id"),
           ("Idempotency-Key" = Option<String>, Header, description = "A unique key for this request (RFC 8941 string, 1–255 characters), e.g. a UUID")),
    request_body(content = ProgressBatchInput, example = json!({
        "fiscal_year": 2021,
        "items": [
            {"initiative_code": "1-1-1", "quarters": [{"quarter": 1, "plan_text": "運用方法検討", "result_text": "関係課と協議を実施", "mark": "done"}]},
            {"initiative_code": "1", "result_text": "8月に改訂版を発行（2,300部）", "self_rating": "A",
             "indicator_values": [{"indicator": "発行部数", "target": 2000, "actual": 2300, "raw": "2,300"}]}
        ],
        "dry_run": false
    })),
    responses(
        (status = 200, description = "What was written (or would be, `dry_run`); also a replay of a stored response",
            body = ProgressBatchResult,
            headers(("Idempotent-Replayed" = String, description = "`true` when this is the stored response of an earlier request with the same key"))),
        (status = 403, response = error::Forbidden),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
        (status = 413, response = error::PayloadTooLarge),
    )
)]
#[post("/plans/{plan_id}/progress-batches")]
pub async fn post_progress_batch(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    req: HttpRequest,
    body: LargeJsonBody<ProgressBatchInput>,
) -> ApiResult<HttpResponse> {
    let Caller { principal, actor } = caller;
    policy::write_some_report_field(&principal)?;
    let plan_id = path.into_inner();
    let key = idempotency::from_headers(req.headers())?;
    let (input, bytes) = body.read_with_bytes().await?;
    let key = key
        .filter(|_| !input.dry_run)
        .map(|key| idempotency::Key::new(&actor, key, &format!("POST {}", req.path()), &bytes));
    if key.is_some() {
        // Best effort, outside the batch's transaction: an expired key is only a row too many.
        if let Err(e) = state.db(idempotency::purge_expired).await {
            tracing::warn!(error = %e, "purging expired idempotency keys failed");
        }
    }
    let (replayed, status, body) = state
        .db(move |conn| match key {
            None => {
                let result = run_in_transaction(conn, &principal, &actor, plan_id, input)?;
                Ok((false, 200, serde_json::to_string(&result)?))
            }
            Some(key) => db::write_transaction(conn, |conn| {
                if let Claim::Replay { status, body } = key.claim(conn)? {
                    return Ok((true, status, body));
                }
                let body = serde_json::to_string(&run(conn, &principal, &actor, plan_id, input)?)?;
                key.store(conn, 200, &body)?;
                Ok((false, 200, body))
            }),
        })
        .await?;
    let status = actix_web::http::StatusCode::from_u16(status).unwrap_or(actix_web::http::StatusCode::OK);
    let mut response = HttpResponse::build(status);
    response.content_type("application/json");
    if replayed {
        response.insert_header((idempotency::REPLAYED_HEADER, "true"));
    }
    Ok(response.body(body))
}
