//! Before the write: a batch's items resolved against the plan (initiatives by key, code or id;
//! indicators by id, key or name), checked item by item, and the caller's right to each decided,
//! from the plan's data read once, outside the plan's write lock. The write path decides again
//! from what it reads under the lock; this is where a batch learns every mistake at once.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use diesel::prelude::*;
use uuid::Uuid;

use super::shapes::{BatchQuarterInput, ProgressBatchInput, ProgressBatchItem};
use crate::db::schema::{indicators, initiative_departments, initiatives};
use crate::db::{DbConnection, DbUuid};
use crate::error::{ApiError, ApiResult, FieldError, MAX_LISTED_ERRORS};
use crate::models::indicators::Indicator;
use crate::models::initiatives::Initiative;
use crate::models::plans::Plan;
use crate::resources::reports::change::{check_validity, Precondition, QuarterInput, ReportChange, ValueInput};
use crate::web::auth::Principal;
use crate::web::http::read_element;
use crate::web::policy;

/// A batch to run: its year, and its items typed (built by a sheet import) or as the checked
/// JSON text of a request body, read one at a time when used.
pub struct Batch {
    pub fiscal_year: i32,
    pub dry_run: bool,
    pub items: Items,
}

pub enum Items {
    Typed(Vec<ProgressBatchItem>),
    /// A request body and where each item lies in it (checked against the document).
    Text {
        body: actix_web::web::Bytes,
        items: Vec<Range<usize>>,
    },
}

impl Items {
    fn len(&self) -> usize {
        match self {
            Items::Typed(items) => items.len(),
            Items::Text { items, .. } => items.len(),
        }
    }

    fn get(&self, index: usize) -> ApiResult<Cow<'_, ProgressBatchItem>> {
        match self {
            Items::Typed(items) => Ok(Cow::Borrowed(&items[index])),
            Items::Text { body, items } => Ok(Cow::Owned(read_element(body, items[index].clone())?)),
        }
    }
}

impl From<ProgressBatchInput> for Batch {
    fn from(input: ProgressBatchInput) -> Batch {
        Batch { fiscal_year: input.fiscal_year, dry_run: input.dry_run, items: Items::Typed(input.items) }
    }
}

/// The items ready for the write path, with what was found wrong with the others.
pub struct Prepared {
    /// The plan's data the items were checked against.
    pub(super) data: PlanData,
    /// `(index in items, initiative, change)`.
    pub changes: Vec<(usize, DbUuid, ReportChange)>,
    /// Items that cannot be written (422).
    pub invalid: Vec<FieldError>,
    /// Items the caller may not write (403).
    pub forbidden: Vec<FieldError>,
    pub item_count: usize,
}

/// Adds `found` to `errors`, up to [`MAX_LISTED_ERRORS`].
fn listed(errors: &mut Vec<FieldError>, found: Vec<FieldError>) {
    let room = MAX_LISTED_ERRORS.saturating_sub(errors.len());
    errors.extend(found.into_iter().take(room));
}

/// What checking one item found.
struct Checked {
    invalid: Vec<FieldError>,
    refusals: Vec<FieldError>,
}

/// The plan's initiatives, departments and indicators, read once for the whole batch.
pub(super) struct PlanData {
    /// The plan as read first: its data version tells whether anything below has changed since.
    pub(super) plan: Plan,
    pub(super) initiatives: HashMap<DbUuid, Initiative>,
    by_key: HashMap<String, DbUuid>,
    by_code: HashMap<String, Vec<DbUuid>>,
    pub(super) responsible: HashMap<DbUuid, Vec<Uuid>>,
    /// Each initiative's indicators, in display order.
    pub(super) indicators: HashMap<DbUuid, Vec<Indicator>>,
}

impl PlanData {
    pub(super) fn load(conn: &mut DbConnection, plan: Plan) -> ApiResult<PlanData> {
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

    /// Checks one item: its initiative (once per batch), quarters, values and the caller's rights.
    fn check_item(
        &self,
        index: usize,
        item: &ProgressBatchItem,
        fy: i32,
        principal: &Principal,
        first_item: &mut HashMap<DbUuid, usize>,
    ) -> Checked {
        let at = format!("/items/{index}");
        let mut invalid = Vec::new();
        let initiative = match self.resolve(&at, item) {
            Ok(id) => id,
            Err(e) => return Checked { invalid: vec![e], refusals: Vec::new() },
        };
        if let Some(first) = first_item.insert(initiative, index) {
            let field = if item.initiative_code.is_some() { "initiative_code" } else { "initiative_id" };
            invalid.push(FieldError::new(
                format!("{at}/{field}"),
                "duplicate",
                format!("the initiative is also in /items/{first}: send one item per initiative"),
            ));
        }
        let mut quarters: Vec<i32> = Vec::new();
        for (q, quarter) in item.quarters.iter().enumerate() {
            if quarters.contains(&quarter.quarter) {
                invalid.push(FieldError::new(
                    format!("{at}/quarters/{q}/quarter"),
                    "duplicate",
                    format!("quarter {} is sent twice", quarter.quarter),
                ));
            }
            quarters.push(quarter.quarter);
        }
        let mut values: Vec<DbUuid> = Vec::new();
        for (v, value) in item.indicator_values.iter().enumerate() {
            let at = format!("{at}/indicator_values/{v}");
            match self.indicator(initiative, &at, &value.indicator) {
                Ok(ind) if values.contains(&ind.id) => invalid.push(FieldError::new(
                    format!("{at}/indicator"),
                    "duplicate",
                    format!("the indicator {} is sent twice", ind.name),
                )),
                Ok(ind) => {
                    for (field, v) in [("target", value.target), ("actual", value.actual)] {
                        invalid.extend(crate::domain::validation::indicator_number(&format!("{at}/{field}"), v));
                    }
                    if let Err(ApiError::Validation(errors)) = check_validity(&self.plan, ind, fy) {
                        invalid
                            .extend(errors.into_iter().map(|e| FieldError { field: format!("{at}/indicator"), ..e }));
                    }
                    values.push(ind.id);
                }
                Err(e) => invalid.push(e),
            }
        }
        let department = item.has_department_fields() || !quarters.is_empty() || !values.is_empty();
        let responsible = self.responsible.get(&initiative).map(Vec::as_slice).unwrap_or_default();
        let mut refusals = Vec::new();
        if department {
            refusals.extend(policy::write_initiative_data(principal, responsible).err());
        }
        if item.has_committee_fields() {
            refusals.extend(policy::review_report(principal).err());
        }
        let key = &self.initiatives[&initiative].bundle_key;
        let refusals = refusals
            .into_iter()
            .map(|refusal| FieldError::new(at.clone(), "forbidden", format!("initiative {key}: {refusal}")))
            .collect();
        Checked { invalid, refusals }
    }

    /// The change an item (checked) makes to its initiative's report.
    fn change(&self, index: usize, mut item: ProgressBatchItem) -> ApiResult<Option<(DbUuid, ReportChange)>> {
        let at = format!("/items/{index}");
        let Ok(initiative) = self.resolve(&at, &item) else { return Ok(None) };
        let quarters = item
            .quarters
            .drain(..)
            .map(|BatchQuarterInput { quarter, plan_text, result_text, mark }| {
                (quarter, QuarterInput { plan_text, result_text, mark })
            })
            .collect();
        let mut values = Vec::with_capacity(item.indicator_values.len());
        for value in item.indicator_values.drain(..) {
            let Ok(ind) = self.indicator(initiative, &at, &value.indicator) else { return Ok(None) };
            values.push((ind.id, ValueInput { target: value.target, actual: value.actual, raw: value.raw }));
        }
        let change = ReportChange {
            fields: item.report_fields(),
            quarters,
            values,
            precondition: Precondition::None,
            sparse: true,
        };
        Ok(Some((initiative, change)))
    }
}

/// Resolves and checks every item, and the caller's right to each. Without `every_error`, a
/// forbidden item refuses the batch (403 listing every forbidden item) and an invalid one
/// rejects it (422, every error), before any change is built; with it, the faulty items are
/// left out and listed, the others prepared. Items are read twice when they are text: once to
/// check them (keeping nothing), once to build the changes, so that a refused body never has
/// its changes built.
pub fn prepare(data: PlanData, principal: &Principal, batch: &Batch, every_error: bool) -> ApiResult<Prepared> {
    let item_count = batch.items.len();
    let mut invalid = Vec::new();
    let mut forbidden = Vec::new();
    let mut first_item: HashMap<DbUuid, usize> = HashMap::new();
    let mut faulty = vec![false; item_count];
    let mut refused = 0;
    for (index, is_faulty) in faulty.iter_mut().enumerate() {
        let item = batch.items.get(index)?;
        let checked = data.check_item(index, &item, batch.fiscal_year, principal, &mut first_item);
        *is_faulty = !checked.invalid.is_empty() || !checked.refusals.is_empty();
        refused += usize::from(!checked.refusals.is_empty());
        listed(&mut invalid, checked.invalid);
        listed(&mut forbidden, checked.refusals);
    }
    if !every_error {
        if !forbidden.is_empty() {
            return Err(ApiError::ForbiddenItems {
                detail: format!("{refused} of {item_count} items may not be written by you: nothing was written"),
                errors: forbidden,
            });
        }
        if !invalid.is_empty() {
            return Err(ApiError::Validation(invalid));
        }
    }
    let mut changes = Vec::with_capacity(item_count);
    for (index, is_faulty) in faulty.into_iter().enumerate() {
        if is_faulty {
            continue;
        }
        let item = batch.items.get(index)?.into_owned();
        if let Some((initiative, change)) = data.change(index, item)? {
            changes.push((index, initiative, change));
        }
    }
    Ok(Prepared { data, changes, invalid, forbidden, item_count })
}
