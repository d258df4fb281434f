//! What changed between two versions of a report, field by field (pure: no database).

use std::collections::BTreeMap;

use serde::Serialize;
use utoipa::ToSchema;

use super::views::AnnualReportView;
use crate::error::ApiResult;

/// Fields of a report view that are bookkeeping, not content: a change of these alone is no change.
const VOLATILE: [&str; 9] = [
    "id",
    "initiative_id",
    "plan_id",
    "fiscal_year",
    "version",
    "created_at",
    "updated_at",
    "updated_by",
    "published_at",
];

/// The report's content as `field → value`: top-level fields by name, quarters as
/// `quarters.<n>.<field>`, indicator values as `indicator_values.<indicator key>.<field>`.
/// Labels follow from the values they label and are left out, as does the suggested rating,
/// which follows from the values and the plan's rule.
pub fn flatten(view: &AnnualReportView) -> ApiResult<BTreeMap<String, serde_json::Value>> {
    let mut out = BTreeMap::new();
    let serde_json::Value::Object(map) = serde_json::to_value(view)? else {
        return Ok(out);
    };
    for (key, value) in map {
        if VOLATILE.contains(&key.as_str()) || key.ends_with("_label") || key == "suggested_rating" {
            continue;
        }
        match key.as_str() {
            "quarters" => {
                for q in &view.quarters {
                    out.insert(format!("quarters.{}.plan_text", q.quarter), serde_json::json!(q.plan_text));
                    out.insert(format!("quarters.{}.result_text", q.quarter), serde_json::json!(q.result_text));
                    out.insert(format!("quarters.{}.mark", q.quarter), serde_json::json!(q.mark));
                }
            }
            "indicator_values" => {
                for v in &view.indicator_values {
                    let at = format!("indicator_values.{}", v.indicator_key);
                    out.insert(format!("{at}.target"), serde_json::json!(v.target));
                    out.insert(format!("{at}.actual"), serde_json::json!(v.actual));
                    out.insert(format!("{at}.raw"), serde_json::json!(v.raw));
                }
            }
            _ => {
                out.insert(key, value);
            }
        }
    }
    Ok(out)
}

/// One field that differs between two versions (`null`: empty, or absent in that version).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct FieldChange {
    /// `result_text`, `quarters.2.mark`, `indicator_values.9-2.actual`, …
    #[schema(example = "result_text")]
    pub field: String,
    /// The value before, as text.
    #[schema(example = "配置人数 18人")]
    pub old: Option<String>,
    /// The value after, as text.
    #[schema(example = "配置人数 19人")]
    pub new: Option<String>,
}

fn text(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// Every field that differs, in field order.
pub fn diff(old: Option<&AnnualReportView>, new: &AnnualReportView) -> ApiResult<Vec<FieldChange>> {
    let old = old.map(flatten).transpose()?.unwrap_or_default();
    let new = flatten(new)?;
    let mut fields: Vec<&String> = old.keys().chain(new.keys()).collect();
    fields.sort();
    fields.dedup();
    Ok(fields
        .into_iter()
        .filter_map(|f| {
            let (a, b) = (text(old.get(f)), text(new.get(f)));
            (a != b).then(|| FieldChange { field: f.clone(), old: a, new: b })
        })
        .collect())
}

/// The names of the fields a change touched: the fields of [`diff`], compared on the view's own
/// values rather than on two JSON trees (the write path names them for every report it writes).
pub fn changed_fields(before: Option<&AnnualReportView>, after: &AnnualReportView) -> ApiResult<Vec<String>> {
    fn text<T: Serialize>(value: &T) -> Option<String> {
        match serde_json::to_value(value).ok()? {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s),
            other => Some(other.to_string()),
        }
    }
    let mut changed: Vec<String> = Vec::new();
    let mut field = |name: String, old: Option<String>, new: Option<String>| {
        if old != new {
            changed.push(name);
        }
    };
    macro_rules! top {
        ($($f:ident),*) => {$(
            if before.map(|b| &b.$f) != Some(&after.$f) {
                field(stringify!($f).into(), before.and_then(|b| text(&b.$f)), text(&after.$f));
            }
        )*};
    }
    top!(
        category,
        plan_text,
        result_text,
        issues_text,
        next_steps_text,
        previous_year_result_text,
        progress_status,
        self_rating,
        committee_rating,
        committee_opinion,
        workflow_state,
        return_reason,
        edition
    );
    let no_quarters = Vec::new();
    let old_quarters = before.map_or(&no_quarters, |b| &b.quarters);
    let mut quarters: Vec<i32> = old_quarters.iter().chain(&after.quarters).map(|q| q.quarter).collect();
    quarters.sort();
    quarters.dedup();
    for n in quarters {
        let (old, new) = (old_quarters.iter().find(|q| q.quarter == n), after.quarters.iter().find(|q| q.quarter == n));
        if old == new {
            continue;
        }
        field(
            format!("quarters.{n}.plan_text"),
            old.and_then(|q| q.plan_text.clone()),
            new.and_then(|q| q.plan_text.clone()),
        );
        field(
            format!("quarters.{n}.result_text"),
            old.and_then(|q| q.result_text.clone()),
            new.and_then(|q| q.result_text.clone()),
        );
        field(format!("quarters.{n}.mark"), old.and_then(|q| text(&q.mark)), new.and_then(|q| text(&q.mark)));
    }
    let no_values = Vec::new();
    let old_values = before.map_or(&no_values, |b| &b.indicator_values);
    let mut keys: Vec<&str> =
        old_values.iter().chain(&after.indicator_values).map(|v| v.indicator_key.as_str()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        let old = old_values.iter().find(|v| v.indicator_key == key);
        let new = after.indicator_values.iter().find(|v| v.indicator_key == key);
        if old == new {
            continue;
        }
        let number = |v: Option<f64>| v.and_then(|v| text(&v));
        field(
            format!("indicator_values.{key}.target"),
            old.and_then(|v| number(v.target)),
            new.and_then(|v| number(v.target)),
        );
        field(
            format!("indicator_values.{key}.actual"),
            old.and_then(|v| number(v.actual)),
            new.and_then(|v| number(v.actual)),
        );
        field(format!("indicator_values.{key}.raw"), old.and_then(|v| v.raw.clone()), new.and_then(|v| v.raw.clone()));
    }
    changed.sort();
    Ok(changed)
}
