//! Request bodies as JSON: syntax (400), then shape against the document or the typed value
//! (422, every field by its JSON pointer), then control characters in any string.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use crate::domain::validation::is_forbidden_control;
use crate::error::{ApiError, ApiResult, FieldError};

/// Parses JSON text: first its syntax (400 when malformed), then its shape, naming the
/// failing field as a JSON pointer (422), then refuses control characters in any string.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> ApiResult<T> {
    parse_against::<T>(body, None)
}

/// Parses a request body documented as the schema `schema`: every field that does not fit the
/// document (missing, unknown, wrong type, too long …) and every control character is reported
/// at once (422), before the typed parse.
pub(super) fn parse_against<T: DeserializeOwned>(body: &[u8], schema: Option<&str>) -> ApiResult<T> {
    let mut value: serde_json::Value = serde_json::from_slice(body).map_err(malformed)?;
    integral_floats_to_integers(&mut value);
    // serde would also read a struct from an array (`[]` as an empty patch): every body is an object.
    if !value.is_object() {
        return Err(ApiError::invalid("/", "invalid_type", "the body must be a JSON object"));
    }
    let mut errors = Vec::new();
    control_characters(&value, &mut String::new(), &mut errors);
    if let Some(schema) = schema {
        let controls: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
        let shape = crate::web::contract::get().check_body(schema, &value);
        errors.extend(shape.into_iter().filter(|e| !controls.contains(&e.field)));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    serde_path_to_error::deserialize(value).map_err(shape_error)
}

/// Parses a large document straight into its typed shape, never into a generic JSON tree (a
/// tree of a 32 MiB array takes gigabytes): the syntax first, without keeping anything, then
/// the typed parse, whose collections are bounded (see [`at_most`]); then control characters.
pub fn parse_large_json<T: DeserializeOwned + Serialize>(body: &[u8]) -> ApiResult<T> {
    serde_json::from_slice::<serde::de::IgnoredAny>(body).map_err(malformed)?;
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(ApiError::invalid("/", "invalid_type", "the body must be a JSON object"));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let parsed: T = serde_path_to_error::deserialize(&mut deserializer).map_err(shape_error)?;
    // Bounded by now: the typed value's own form names the field of a bad character.
    let mut errors = Vec::new();
    control_characters(&serde_json::to_value(&parsed)?, &mut String::new(), &mut errors);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(parsed)
}

pub(super) fn malformed(e: serde_json::Error) -> ApiError {
    ApiError::BadRequest {
        detail: format!("malformed JSON: {e}"),
        errors: vec![FieldError::new("/", "malformed_json", e.to_string())],
    }
}

pub(super) fn shape_error(err: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let pointer = json_pointer(err.path());
    let message = strip_position(&err.into_inner().to_string());
    let code = if message.starts_with("unknown field") {
        "unknown_field"
    } else if message.starts_with("missing field") {
        "required"
    } else if message.starts_with("at most ") {
        "max_items"
    } else {
        "invalid_type"
    };
    let field = missing_field_pointer(&pointer, &message);
    ApiError::Validation(vec![FieldError::new(field, code, message)])
}

/// Every string of `value` (and key) holding a control character other than tab and line
/// breaks, by its JSON pointer.
pub fn control_character_errors(value: &serde_json::Value) -> Vec<FieldError> {
    let mut errors = Vec::new();
    control_characters(value, &mut String::new(), &mut errors);
    errors
}

pub(super) fn control_characters(value: &serde_json::Value, pointer: &mut String, errors: &mut Vec<FieldError>) {
    use serde_json::Value;
    let found = |errors: &mut Vec<FieldError>, at: &str| {
        errors.push(FieldError::new(
            if at.is_empty() { "/" } else { at },
            "control_character",
            "must not contain control characters (only tab and line breaks are allowed)",
        ))
    };
    match value {
        Value::String(s) if s.chars().any(is_forbidden_control) => found(errors, pointer),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push_str(&format!("/{i}"));
                control_characters(item, pointer, errors);
                pointer.truncate(len);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                if key.chars().any(is_forbidden_control) {
                    found(errors, pointer);
                } else {
                    control_characters(item, pointer, errors);
                }
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// A list of at most `N` items, refused while it is being read (not after a huge one was built).
/// Use as `#[serde(deserialize_with = "crate::web::http::at_most::<_, _, 100>")]`.
pub fn at_most<'de, D, T, const N: usize>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Bounded<T, const N: usize>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>, const N: usize> serde::de::Visitor<'de> for Bounded<T, N> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "a list of at most {N} items")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(N).min(1024));
            while let Some(item) = seq.next_element()? {
                if items.len() == N {
                    return Err(serde::de::Error::custom(format!("at most {N} items are allowed here")));
                }
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_seq(Bounded::<T, N>(std::marker::PhantomData))
}

/// JSON has one number type: `2024.0` is an integer to JSON Schema, so it is one here too.
pub(super) fn integral_floats_to_integers(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|f| n.is_f64() && f.fract() == 0.0 && f.abs() < 9.0e15) {
                *n = serde_json::Number::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_floats_to_integers),
        Value::Object(map) => map.values_mut().for_each(integral_floats_to_integers),
        _ => {}
    }
}

pub(super) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// serde reports a missing field at its parent: name the field itself.
pub(super) fn missing_field_pointer(pointer: &str, message: &str) -> String {
    let name = message.strip_prefix("missing field `").and_then(|rest| rest.split('`').next());
    match name {
        Some(name) if pointer.is_empty() || pointer == "/" => format!("/{name}"),
        Some(name) => format!("{pointer}/{name}"),
        None => pointer.to_string(),
    }
}

pub(super) fn json_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        out.push('/');
        match segment {
            Segment::Seq { index } => out.push_str(&index.to_string()),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push_str(&key.replace('~', "~0").replace('/', "~1"))
            }
            Segment::Unknown => out.push('?'),
        }
    }
    if out.is_empty() {
        "/".to_string()
    } else {
        out
    }
}
