//! Reading JSON Schema values of the document: types, branches, numbers, and how to describe
//! them in an error (pure: no request, no state).

use serde_json::Value;

use crate::error::FieldError;

pub fn check_number(schema: &Value, n: &serde_json::Number, pointer: &str, errors: &mut Vec<FieldError>) {
    let at = |p: Problem| p.at(if pointer.is_empty() { "/" } else { pointer });
    let Some(x) = n.as_f64() else { return };
    let (low, high) = match schema.get("format").and_then(Value::as_str) {
        Some("int32") => (Some(i32::MIN as f64), Some(i32::MAX as f64)),
        _ => (None, None),
    };
    let minimum = schema.get("minimum").and_then(Value::as_f64).or(low);
    let maximum = schema.get("maximum").and_then(Value::as_f64).or(high);
    if let Some(min) = minimum.filter(|&m| x < m) {
        errors.push(at(Problem::new("minimum", format!("must be at least {}", number_text(min)))));
    } else if let Some(max) = maximum.filter(|&m| x > m) {
        errors.push(at(Problem::new("maximum", format!("must be at most {}", number_text(max)))));
    }
}

pub fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        x.to_string()
    }
}

pub fn is_param(segment: &str) -> bool {
    segment.starts_with('{') && segment.ends_with('}')
}

pub fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

pub fn branches(schema: &Value) -> Vec<&Value> {
    schema
        .get("oneOf")
        .or_else(|| schema.get("anyOf"))
        .and_then(Value::as_array)
        .map(|b| b.iter().collect())
        .unwrap_or_default()
}

pub fn types_of(schema: &Value) -> Option<Vec<&str>> {
    match schema.get("type")? {
        Value::String(t) => Some(vec![t.as_str()]),
        Value::Array(ts) => Some(ts.iter().filter_map(Value::as_str).collect()),
        _ => None,
    }
}

pub fn has_type(schema: &Value, wanted: &str) -> bool {
    types_of(schema).is_some_and(|ts| ts.contains(&wanted))
}

pub fn is_only_null(schema: &Value) -> bool {
    types_of(schema).is_some_and(|ts| ts == ["null"])
}

pub fn fits_type(t: &str, value: &Value) -> bool {
    match t {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "array" => value.is_array(),
        "object" => value.is_object(),
        "null" => value.is_null(),
        _ => true,
    }
}

pub fn describe_types(types: &[&str], schema: &Value) -> String {
    let format = schema.get("format").and_then(Value::as_str);
    let names: Vec<&str> = types
        .iter()
        .map(|t| match (*t, format) {
            ("string", Some("uuid")) => "a UUID",
            ("string", Some("date-time")) => "a date-time (RFC 3339)",
            ("string", _) => "a string",
            ("integer", _) => "an integer",
            ("number", _) => "a number",
            ("boolean", _) => "true or false",
            ("array", _) => "a list",
            ("object", _) => "an object",
            ("null", _) => "null",
            (other, _) => other,
        })
        .collect();
    names.join(" or ")
}

/// An error before it knows where it is.
pub struct Problem {
    code: &'static str,
    message: String,
}

impl Problem {
    pub fn new(code: &'static str, message: impl Into<String>) -> Problem {
        Problem { code, message: message.into() }
    }

    pub fn at(self, pointer: &str) -> FieldError {
        FieldError::new(pointer, self.code, self.message)
    }
}
