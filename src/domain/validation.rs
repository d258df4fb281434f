//! Turning `validator` results and cross-field rules into field errors with JSON pointers.

use std::borrow::Cow;

use validator::{Validate, ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::error::{ApiError, ApiResult, FieldError};

/// Validates `value`; every failing field becomes one error named by its JSON pointer under `prefix`.
pub fn errors_of<T: Validate>(value: &T, prefix: &str) -> Vec<FieldError> {
    let mut out = Vec::new();
    if let Err(errors) = value.validate() {
        flatten(&errors, prefix, &mut out);
    }
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

/// Validates `value` and fails with 422 listing every bad field.
pub fn check<T: Validate>(value: &T) -> ApiResult<()> {
    let errors = errors_of(value, "");
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

fn flatten(errors: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    for (field, kind) in errors.errors() {
        let pointer = format!("{prefix}/{field}");
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    let (code, message) = describe(e);
                    out.push(FieldError::new(pointer.clone(), &code, message));
                }
            }
            ValidationErrorsKind::Struct(inner) => flatten(inner, &pointer, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    flatten(inner, &format!("{pointer}/{index}"), out);
                }
            }
        }
    }
}

/// The code and message of a `validator` error, in the words and codes the schema checks use
/// (`min_length`, `max_items`, `minimum` …): a list's length is counted in items, a text's in characters.
fn describe(e: &ValidationError) -> (String, String) {
    let param = |name: &str| e.params.get(name);
    let number = |name: &str| param(name).map(|v| v.to_string());
    let is_list = param("value").is_some_and(|v| v.is_array());
    match e.code.as_ref() {
        "length" => {
            let count = param("value").map(|v| match v {
                serde_json::Value::Array(items) => items.len() as u64,
                serde_json::Value::String(s) => s.chars().count() as u64,
                _ => 0,
            });
            let min = param("min").and_then(|v| v.as_u64());
            let max = param("max").and_then(|v| v.as_u64());
            let (unit, prefix) = if is_list { ("items", "items") } else { ("characters", "length") };
            match (count, min, max) {
                (Some(n), Some(min), _) if n < min => (
                    format!("min_{prefix}"),
                    if min == 1 { "must not be empty".into() } else { format!("must have at least {min} {unit}") },
                ),
                (_, _, Some(max)) => (format!("max_{prefix}"), format!("must have at most {max} {unit}")),
                _ => ("length".into(), format!("has the wrong number of {unit}")),
            }
        }
        "range" => match (number("min"), number("max")) {
            (Some(min), Some(max)) => ("range".into(), format!("must be between {min} and {max}")),
            _ => ("range".into(), "is out of range".into()),
        },
        code => (code.to_string(), e.message.as_ref().map(|m| m.to_string()).unwrap_or_else(|| code.replace('_', " "))),
    }
}

/// White space as ECMA-262 regular expressions define `\s` — the meaning of the `\S` pattern the
/// OpenAPI document gives non-blank strings (it includes the ideographic space U+3000, but not
/// U+0085, which Rust's `char::is_whitespace` counts).
fn is_pattern_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
    )
}

/// Trims white space as the documented patterns define it (see [`is_pattern_space`]).
pub trait Tidy {
    fn tidy(&self) -> &str;
}

impl Tidy for str {
    fn tidy(&self) -> &str {
        self.trim_matches(is_pattern_space)
    }
}

/// True when a string has nothing but white space (also full-width): what `\S` refuses.
pub fn is_blank(value: &str) -> bool {
    value.chars().all(is_pattern_space)
}

/// Rejects strings with nothing but white space (also full-width), as the `\S` pattern does.
pub fn not_blank(value: &str) -> Result<(), ValidationError> {
    if is_blank(value) {
        let mut e = ValidationError::new("blank");
        e.message = Some(Cow::Borrowed("must not be empty or only white space"));
        Err(e)
    } else {
        Ok(())
    }
}

/// An e-mail address as mail is sent to it: `local@domain`, at most 254 characters; the local
/// part 1–64 characters of letters, digits and ``!#$%&'*+/=?^_`{|}~.-`` (no dot first, last or
/// twice running); the domain two or more labels of letters, digits and hyphens (1–63 each, no
/// hyphen first or last), its last label letters only (an internationalized domain in its
/// `xn--` form). No quoted local parts, comments or address literals: no municipal mailbox needs
/// them, and every one of them has fooled a mail parser somewhere.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.rsplit_once('@') else { return false };
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c);
    let local_ok = (1..=64).contains(&local.len())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| atext(c) || c == '.');
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    let top_ok = labels
        .last()
        .is_some_and(|t| t.len() >= 2 && (t.chars().all(|c| c.is_ascii_alphabetic()) || t.starts_with("xn--")));
    value.len() <= 254 && local_ok && labels.len() >= 2 && labels.iter().all(label_ok) && top_ok
}

/// [`is_email`] as a field rule.
pub fn email(value: &str) -> Result<(), ValidationError> {
    if is_email(value.tidy()) {
        Ok(())
    } else {
        let mut e = ValidationError::new("email");
        e.message = Some(Cow::Borrowed("must be an e-mail address such as tanaka@city.example.jp"));
        Err(e)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn email_addresses_as_mail_is_sent_to_them() {
        for ok in [
            "tanaka@city.shiroi.chiba.jp",
            "fukushi-ka+r4@example.jp",
            "o'brien@example.com",
            "a@b.co",
            "info@xn--eckwd4c7c.xn--zckzah",
        ] {
            assert!(super::is_email(ok), "{ok}");
        }
        let long_local = format!("{}@example.jp", "a".repeat(65));
        let long_all = format!("{}@{}.jp", "a".repeat(64), ["b".repeat(63), "c".repeat(63), "d".repeat(63)].join("."));
        for bad in [
            "",
            "tanaka",
            "tanaka@",
            "@example.jp",
            "tanaka@localhost",
            "tanaka@example.1",
            ".tanaka@example.jp",
            "tanaka.@example.jp",
            "ta..naka@example.jp",
            "tanaka@-example.jp",
            "tanaka@example..jp",
            "田中@example.jp",
            "tanaka@例え.jp",
            "\"tanaka\"@example.jp",
            "tanaka@[127.0.0.1]",
            "tana ka@example.jp",
            "tanaka@example.jp\n",
            long_local.as_str(),
            long_all.as_str(),
        ] {
            assert!(!super::is_email(bad), "{bad:?}");
        }
        assert!(super::email(" tanaka@example.jp ").is_ok(), "trimmed before the check");
    }

    #[test]
    fn blank_means_what_the_pattern_means() {
        assert!(super::not_blank("").is_err());
        assert!(super::not_blank(" \u{3000}\t").is_err());
        assert!(super::not_blank("\u{85}").is_ok(), "U+0085 matches \\S in ECMA-262");
        assert!(super::not_blank(" 社会福祉課 ").is_ok());
    }
}

/// Collects cross-field errors before failing once with all of them.
#[derive(Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn add(&mut self, field: impl Into<String>, code: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, code, message));
    }

    /// Adds an error unless `fy` lies within `[start, end]`.
    pub fn fy_within(&mut self, field: &str, fy: Option<i32>, start: i32, end: i32) {
        if let Some(fy) = fy {
            if fy < start || fy > end {
                self.add(
                    field,
                    "fiscal_year_out_of_range",
                    format!(
                        "{} ({fy}) lies outside the plan period {}–{}",
                        crate::domain::fiscal_year::label(fy),
                        crate::domain::fiscal_year::label(start),
                        crate::domain::fiscal_year::label(end)
                    ),
                );
            }
        }
    }

    /// Adds an error when `from` is after `to`.
    pub fn fy_order(&mut self, field: &str, from: Option<i32>, to: Option<i32>) {
        if let (Some(from), Some(to)) = (from, to) {
            if from > to {
                self.add(field, "fiscal_year_order", format!("must not be before the start FY {from}"));
            }
        }
    }

    /// Checks a list of references (nodes, departments) in order, each at `{field}/{index}`: a
    /// repeat is `duplicate`, an unknown one gets `unknown`'s code and message. The one rule for
    /// an initiative's nodes and departments, whether posted to the API or read from a bundle.
    pub fn references<T: Eq + std::hash::Hash + Copy>(
        &mut self,
        field: &str,
        items: impl IntoIterator<Item = T>,
        known: impl Fn(T) -> bool,
        unknown: impl Fn(T) -> (&'static str, String),
    ) {
        let mut seen = std::collections::HashSet::new();
        for (i, item) in items.into_iter().enumerate() {
            if !seen.insert(item) {
                self.add(format!("{field}/{i}"), "duplicate", "listed twice");
            } else if !known(item) {
                let (code, message) = unknown(item);
                self.add(format!("{field}/{i}"), code, message);
            }
        }
    }

    pub fn extend(&mut self, more: Vec<FieldError>) {
        self.0.extend(more);
    }

    pub fn into_result(self) -> ApiResult<()> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.0))
        }
    }
}

/// The largest magnitude an indicator's number may have: beyond it a double no longer holds
/// every integer, and sums and ratios of such values lose meaning.
pub const MAX_INDICATOR_NUMBER: f64 = 1e15;
/// The smallest non-zero magnitude (six decimal places): a ratio of two allowed values stays
/// far inside the range of a double, in SQL as in Rust.
pub const MIN_INDICATOR_NUMBER: f64 = 1e-6;

/// Whether `v` is in the range every entry point enforces ([`indicator_number`]).
pub fn is_indicator_number(v: f64) -> bool {
    v.is_finite() && (v == 0.0 || (MIN_INDICATOR_NUMBER..=MAX_INDICATOR_NUMBER).contains(&v.abs()))
}

/// An indicator's target, actual, baseline or final target: finite, zero or between
/// 0.000001 and 10¹⁵ in magnitude. Every entry point checks it (JSON, batch, sheet, bundle).
pub fn indicator_number(pointer: &str, value: Option<f64>) -> Option<FieldError> {
    let v = value?;
    if is_indicator_number(v) {
        return None;
    }
    Some(FieldError::new(
        pointer,
        "out_of_range",
        if v.is_finite() {
            "must be 0 or between 0.000001 and 1,000,000,000,000,000 in magnitude".to_string()
        } else {
            "must be a finite number".to_string()
        },
    ))
}

/// [`indicator_number`] as a `validator` rule (baselines and final targets of indicators).
pub fn sane_number(value: f64) -> Result<(), ValidationError> {
    match indicator_number("", Some(value)) {
        None => Ok(()),
        Some(e) => {
            let mut error = ValidationError::new("out_of_range");
            error.message = Some(Cow::Owned(e.message));
            Err(error)
        }
    }
}

#[cfg(test)]
mod number_tests {
    use super::*;

    #[test]
    fn indicator_numbers_are_finite_and_sane() {
        for ok in [0.0, -0.0, 15.0, 0.5, -2.0, 1e15, 1e-6, 2300.25] {
            assert!(indicator_number("/actual", Some(ok)).is_none(), "{ok}");
        }
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e308, 1e-308, 1e16, -1e16, 1e-7] {
            assert_eq!(indicator_number("/actual", Some(bad)).map(|e| e.code), Some("out_of_range".into()), "{bad}");
        }
        assert!(indicator_number("/actual", None).is_none());
    }
}

/// Control characters other than tab, line feed and carriage return (NUL, escape, C1 …) have no
/// place in any text of a plan; PostgreSQL cannot even store NUL. Refused in every string of a
/// body (values and keys), each one named.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

#[cfg(test)]
mod reference_tests {
    use super::Errors;

    #[test]
    fn a_list_of_references_names_each_repeat_and_each_unknown_at_its_index() {
        let mut errors = Errors(Vec::new());
        let known = ["a", "b"];
        errors.references(
            "/node_keys",
            ["a", "x", "a", "b", "x"],
            |k| known.contains(&k),
            |k| ("not_found", format!("no node {k}")),
        );
        let found: Vec<(&str, &str, &str)> =
            errors.0.iter().map(|e| (e.field.as_str(), e.code.as_str(), e.message.as_str())).collect();
        assert_eq!(
            found,
            [
                ("/node_keys/1", "not_found", "no node x"),
                ("/node_keys/2", "duplicate", "listed twice"),
                ("/node_keys/4", "duplicate", "listed twice"),
            ]
        );
    }
}
