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
                    out.push(FieldError::new(pointer.clone(), &e.code, describe(e)));
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

fn describe(e: &ValidationError) -> String {
    if let Some(message) = &e.message {
        return message.to_string();
    }
    let param = |name: &str| e.params.get(name).map(|v| v.to_string());
    match e.code.as_ref() {
        "length" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("must be {min} to {max} characters"),
            (None, Some(max)) => format!("must be at most {max} items or characters"),
            (Some(min), None) => format!("must be at least {min} items or characters"),
            _ => "has the wrong length".into(),
        },
        "range" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("must be between {min} and {max}"),
            _ => "is out of range".into(),
        },
        code => code.replace('_', " "),
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

/// Rejects strings with nothing but white space (also full-width), as the `\S` pattern does.
pub fn not_blank(value: &str) -> Result<(), ValidationError> {
    if value.chars().all(is_pattern_space) {
        let mut e = ValidationError::new("blank");
        e.message = Some(Cow::Borrowed("must not be empty or only white space"));
        Err(e)
    } else {
        Ok(())
    }
}

/// Collects cross-field errors before failing once with all of them.
#[cfg(test)]
mod tests {
    #[test]
    fn blank_means_what_the_pattern_means() {
        assert!(super::not_blank("").is_err());
        assert!(super::not_blank(" \u{3000}\t").is_err());
        assert!(super::not_blank("\u{85}").is_ok(), "U+0085 matches \\S in ECMA-262");
        assert!(super::not_blank(" 社会福祉課 ").is_ok());
    }
}

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
                        crate::fiscal_year::label(fy),
                        crate::fiscal_year::label(start),
                        crate::fiscal_year::label(end)
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
