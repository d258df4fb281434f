//! Progress batches: a department's whole quarter (or year) in one call. Every item is one
//! initiative's report for the batch's fiscal year, written through the same code as the single
//! endpoints ([`crate::resources::reports::write`]). All or nothing: one transaction; any
//! forbidden item refuses the batch (403), any invalid one rejects it (422, every error with
//! its JSON pointer), and nothing is written. `Idempotency-Key` makes a retry safe.

use std::collections::HashMap;

use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use uuid::Uuid;

use crate::db::schema::{initiative_departments, initiatives};
use crate::db::{self, DbConnection, DbUuid};
use crate::domain::fiscal_year;
use crate::error::{self, ApiError, ApiResult, FieldError};
use crate::models::audit::Actor;
use crate::models::initiatives::Initiative;
use crate::models::plans;
use crate::resources::reports::context::Context;
use crate::resources::reports::write::{self, Outcome};
use crate::web::auth::{Caller, Principal};
use crate::web::http::{read_head, read_large_object, LargeJsonBody};
use crate::web::idempotency::{self, Claim};
use crate::web::policy;
use crate::web::state::AppState;

mod prepare;
mod shapes;

pub use prepare::{Batch, Items};
use prepare::{PlanData, Prepared};

pub use shapes::{
    BatchItemResult, BatchOutcome, BatchQuarterInput, BatchValueInput, ProgressBatchInput, ProgressBatchItem,
    ProgressBatchResult, MAX_ITEMS,
};

/// Runs a batch inside the caller's write transaction (a sheet import's): prepares the items
/// ([`prepare::prepare`]), then writes them through [`write::apply_set`], collecting every
/// error (422, or 409 when all are workflow conflicts). On any error nothing the batch wrote
/// may be kept: the caller rolls back.
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
/// writes: the other items are still checked, so that one answer lists every problem
/// (forbidden, invalid and workflow conflicts together, as a 422 unless all are of one kind).
/// The progress sheet uses it: a clerk learns every mistake at once.
pub fn run_with(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    input: ProgressBatchInput,
    every_error: bool,
) -> ApiResult<ProgressBatchResult> {
    let batch = Batch::from(input);
    let plan = plans::load_locked(conn, plan_id)?;
    let prepared = prepare::prepare(PlanData::load(conn, plan)?, principal, &batch, every_error)?;
    write_prepared(conn, principal, actor, plan_id, &batch, prepared)
}

/// The plan and what a batch is prepared against, read outside any transaction: while the body
/// is parsed, as neither needs the other.
fn read_plan_data(conn: &mut DbConnection, plan_id: Uuid) -> ApiResult<PlanData> {
    let plan = plans::load(conn, plan_id)?;
    PlanData::load(conn, plan)
}

/// Prepares a batch outside any transaction, against the plan's data read before it
/// ([`read_plan_data`]), so that the plan's write lock is held for the write alone. An error
/// (the plan's reading's included) is the batch's answer, given once the write transaction has
/// checked the idempotency key.
fn prepare_outside_lock(data: ApiResult<PlanData>, principal: &Principal, batch: &Batch) -> ApiResult<Prepared> {
    prepare::prepare(data?, principal, batch, false)
}

/// The write transaction's part: takes the plan's write lock, reads each item's initiative and
/// departments as they now are, and writes every change through [`write::apply_set`], which
/// decides each again from what it reads under the lock. When the plan's data version is the
/// one read first to prepare, nothing of the plan was written since (every write of its data
/// moves it, in the write's transaction): the initiatives, departments and indicators read
/// then are what is stored now, and are not read again.
fn write_prepared(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    batch: &Batch,
    prepared: Prepared,
) -> ApiResult<ProgressBatchResult> {
    let fy = batch.fiscal_year;
    let Prepared { data, changes, mut invalid, mut forbidden, item_count } = prepared;
    let plan = plans::load_locked(conn, plan_id)?;
    let scale = plan.rating_scale()?;
    let rule = plan.rating_rule()?;
    let (mut current, mut responsible, indicators) = if plan.data_version == data.plan.data_version {
        (data.initiatives, data.responsible, Some(data.indicators))
    } else {
        let ids: Vec<DbUuid> = changes.iter().map(|(_, initiative, _)| *initiative).collect();
        let (current, responsible) = read_initiatives(conn, plan.id, &ids)?;
        (current, responsible, None)
    };
    let mut items = Vec::with_capacity(changes.len());
    let mut indexes = Vec::with_capacity(changes.len());
    for (index, initiative, change) in changes {
        let Some(found) = current.remove(&initiative) else {
            // Deleted since the batch was prepared.
            invalid.push(FieldError::new(format!("/items/{index}"), "not_found", "the initiative no longer exists"));
            continue;
        };
        let ctx = Context {
            plan: plan.clone(),
            initiative: found,
            responsible: responsible.remove(&initiative).unwrap_or_default(),
            scale: scale.clone(),
            rule: rule.clone(),
        };
        indexes.push(index);
        items.push(write::Item { ctx, change });
    }
    let named: Vec<(usize, Uuid, String, String)> = indexes
        .into_iter()
        .zip(&items)
        .map(|(index, i)| {
            (index, i.ctx.initiative.id.0, i.ctx.initiative.bundle_key.clone(), i.ctx.initiative.code.clone())
        })
        .collect();
    let outcomes = write::apply_set_with(conn, principal, actor, fy, items, batch.dry_run, indicators)?;
    let mut conflicts = Vec::new();
    let mut results = Vec::with_capacity(outcomes.len());
    for ((index, initiative_id, initiative_key, initiative_code), outcome) in named.into_iter().zip(outcomes) {
        let at = format!("/items/{index}");
        match outcome {
            Ok(applied) => results.push(BatchItemResult {
                index,
                initiative_id,
                initiative_key,
                initiative_code,
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
            Err(ApiError::Forbidden(message)) => forbidden.push(FieldError::new(at, "forbidden", message)),
            Err(other) => return Err(other),
        }
    }
    if !forbidden.is_empty() {
        // Forbidden items are refused whole (403) unless there is more to tell (every_error).
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
        dry_run: batch.dry_run,
        request_id: actor.request_id.clone(),
        created: count(BatchOutcome::Created),
        updated: count(BatchOutcome::Updated),
        unchanged: count(BatchOutcome::Unchanged),
        items: results,
    })
}

/// Each initiative's responsible departments.
type Responsible = HashMap<DbUuid, Vec<Uuid>>;

/// The initiatives `ids` of the plan, and their responsible departments.
fn read_initiatives(
    conn: &mut DbConnection,
    plan_id: DbUuid,
    ids: &[DbUuid],
) -> ApiResult<(HashMap<DbUuid, Initiative>, Responsible)> {
    let current: HashMap<DbUuid, Initiative> = initiatives::table
        .filter(initiatives::plan_id.eq(plan_id).and(initiatives::id.eq_any(ids)))
        .select(Initiative::as_select())
        .load::<Initiative>(conn)?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let mut responsible: HashMap<DbUuid, Vec<Uuid>> = HashMap::new();
    for (initiative, department) in initiative_departments::table
        .filter(initiative_departments::initiative_id.eq_any(ids))
        .select((initiative_departments::initiative_id, initiative_departments::department_id))
        .load::<(DbUuid, DbUuid)>(conn)?
    {
        responsible.entry(initiative).or_default().push(department.0);
    }
    Ok((current, responsible))
}

/// Runs a batch in its own transaction, prepared outside it: committed, or rolled back for a dry run.
pub fn run_in_transaction(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    batch: &Batch,
) -> ApiResult<ProgressBatchResult> {
    let data = read_plan_data(conn, plan_id);
    run_in_transaction_with(conn, principal, actor, plan_id, batch, data)
}

/// [`run_in_transaction`], prepared against `data`: the plan's, read before.
fn run_in_transaction_with(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    batch: &Batch,
    data: ApiResult<PlanData>,
) -> ApiResult<ProgressBatchResult> {
    let prepared = prepare_outside_lock(data, principal, batch)?;
    let write = |conn: &mut DbConnection| write_prepared(conn, principal, actor, plan_id, batch, prepared);
    if batch.dry_run {
        db::dry_run_transaction(conn, write)
    } else {
        db::write_transaction(conn, write)
    }
}

/// Reads a batch's body (off the HTTP workers): checked against the document item by item,
/// with the items kept as places in the body ([`crate::web::http::read_large_object`]).
pub fn read_body(body: actix_web::web::Bytes) -> ApiResult<Batch> {
    #[derive(serde::Deserialize)]
    struct Head {
        fiscal_year: i32,
        #[serde(default)]
        dry_run: bool,
    }
    let object =
        read_large_object::<ProgressBatchItem>(&body, "ProgressBatchInput", "items", "ProgressBatchItem", MAX_ITEMS)?;
    let mut head = object.head;
    if let Some(members) = head.as_object_mut() {
        members.remove("items");
    }
    let Head { fiscal_year, dry_run } = read_head(head)?;
    Ok(Batch { fiscal_year, dry_run, items: Items::Text { body, items: object.elements } })
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
/// (409, unless there are also invalid ones). Nothing is written then. An answer lists at most
/// 1,000 errors.
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
    let bytes = body.read_bytes().await?;
    // Parsed off the HTTP workers: a large body takes a while and must not stall other requests.
    // The plan's data is read meanwhile, as neither needs the other; an error of the body's is
    // answered first, as when they were read one after the other.
    let parsed = bytes.clone();
    let (batch, data) = futures_util::future::join(
        web::block(move || read_body(parsed)),
        state.db(move |conn| read_plan_data(conn, plan_id)),
    )
    .await;
    let batch = batch.map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))??;
    let key = key
        .filter(|_| !batch.dry_run)
        .map(|key| idempotency::Key::new(&actor, key, &format!("POST {}", req.path()), &bytes));
    drop(bytes);
    if key.is_some() {
        // Best effort, outside the batch's transaction: an expired key is only a row too many.
        if let Err(e) = state.db(idempotency::purge_expired).await {
            tracing::warn!(error = %e, "purging expired idempotency keys failed");
        }
    }
    let (replayed, status, body) = state
        .db(move |conn| match key {
            None => {
                let result = run_in_transaction_with(conn, &principal, &actor, plan_id, &batch, data)?;
                Ok((false, 200, serde_json::to_string(&result)?))
            }
            Some(key) => {
                // Prepared before the transaction; its error is answered only after the key was
                // checked, so that a retry of a stored request is answered from the store.
                let prepared = prepare_outside_lock(data, &principal, &batch);
                db::write_transaction(conn, |conn| {
                    if let Claim::Replay { status, body } = key.claim(conn)? {
                        return Ok((true, status, body));
                    }
                    let result = write_prepared(conn, &principal, &actor, plan_id, &batch, prepared?)?;
                    let body = serde_json::to_string(&result)?;
                    key.store(conn, 200, &body)?;
                    Ok((false, 200, body))
                })
            }
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
