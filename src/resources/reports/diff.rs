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
/// Labels follow from the values they label and are left out.
pub fn flatten(view: &AnnualReportView) -> ApiResult<BTreeMap<String, serde_json::Value>> {
    let mut out = BTreeMap::new();
    let serde_json::Value::Object(map) = serde_json::to_value(view)? else {
        return Ok(out);
    };
    for (key, value) in map {
        if VOLATILE.contains(&key.as_str()) || key.ends_with("_label") {
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

/// The names of the fields a change touched.
pub fn changed_fields(before: Option<&AnnualReportView>, after: &AnnualReportView) -> ApiResult<Vec<String>> {
    Ok(diff(before, after)?.into_iter().map(|c| c.field).collect())
}
