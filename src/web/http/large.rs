//! Large JSON bodies whose size is one long array (a batch's `items`), checked against the
//! document with bounded memory: never one tree of the whole body (a tree of a 32 MiB array
//! takes gigabytes), but the body's members, then each element of the array in turn, each
//! parsed, checked against its schema and dropped. What is kept is the body's bytes and where
//! each element lies in them, to be read again, one at a time, when it is used.
//!
//! Peak memory while checking: the body, 16 bytes per element, and the tree of one element.

use std::ops::Range;

use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::Value;

use super::json::{control_characters, integral_floats_to_integers, malformed, shape_error};
use crate::error::{ApiError, ApiResult, FieldError, MAX_LISTED_ERRORS};

/// A body checked against its schema, with its long array kept as places in the bytes.
pub struct LargeObject {
    /// The body's members, with the long array replaced by an empty one.
    pub head: Value,
    /// Where each element of the long array lies in the body.
    pub elements: Vec<Range<usize>>,
}

/// Members other than the long array are kept as values up to this size; a larger one is
/// checked as an empty value of its JSON type (it is wrong anyway: the schema's other members
/// are small).
const SMALL_MEMBER: usize = 4096;

/// Reads `body`, a JSON object documented as `schema` whose member `array` is a list of at most
/// `max_items` elements documented as `item_schema`: syntax (400), then every member and
/// element against the document and the typed shape `T` of an element (422, every error with
/// its JSON pointer).
pub fn read_large_object<T: DeserializeOwned>(
    body: &[u8],
    schema: &str,
    array: &str,
    item_schema: &str,
    max_items: usize,
) -> ApiResult<LargeObject> {
    let text = std::str::from_utf8(body).map_err(|e| ApiError::BadRequest {
        detail: format!("malformed JSON: the body is not UTF-8 ({e})"),
        errors: vec![FieldError::new("/", "malformed_json", "the body is not UTF-8")],
    })?;
    serde_json::from_str::<IgnoredAny>(text).map_err(malformed)?;
    if text.trim_start().as_bytes().first() != Some(&b'{') {
        return Err(ApiError::invalid("/", "invalid_type", "the body must be a JSON object"));
    }
    let members: Members = serde_json::from_str(text).map_err(malformed)?;
    let contract = crate::web::contract::get();
    let mut head = serde_json::Map::new();
    let mut elements = Vec::new();
    let mut placeholder_items = 0;
    for (key, raw) in &members.0 {
        let value = if key == array && raw.get().starts_with('[') {
            let list: Bounded = serde_json::from_str(raw.get()).map_err(malformed)?;
            let base = text.as_ptr() as usize;
            elements = list
                .kept
                .iter()
                .map(|e| e.get().as_ptr() as usize - base)
                .zip(list.kept.iter())
                .map(|(start, e)| start..start + e.get().len())
                .collect();
            // As many placeholders as elements (one more than allowed at most), for the
            // schema's item count; what the placeholders hold is not checked.
            placeholder_items = list.kept.len() + usize::from(list.more);
            Value::Array(vec![Value::Null; placeholder_items.min(max_items + 1)])
        } else if raw.get().len() <= SMALL_MEMBER {
            serde_json::from_str(raw.get()).map_err(malformed)?
        } else {
            empty_of_type(raw.get())
        };
        head.insert(key.clone(), value);
    }
    let mut head = Value::Object(head);
    integral_floats_to_integers(&mut head);
    let mut errors = Vec::new();
    control_characters(&head, &mut String::new(), &mut errors);
    let controls: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
    let element_prefix = format!("/{array}/");
    errors.extend(
        contract
            .check_body(schema, &head)
            .into_iter()
            .filter(|e| !controls.contains(&e.field) && !e.field.starts_with(&element_prefix)),
    );
    if placeholder_items > max_items {
        // The count is wrong: the elements are not read.
        return Err(ApiError::Validation(errors));
    }
    for (i, range) in elements.iter().enumerate() {
        if errors.len() >= MAX_LISTED_ERRORS {
            errors.truncate(MAX_LISTED_ERRORS);
            break;
        }
        let at = format!("/{array}/{i}");
        let mut element: Value = serde_json::from_str(&text[range.clone()]).map_err(malformed)?;
        integral_floats_to_integers(&mut element);
        let before = errors.len();
        control_characters(&element, &mut at.clone(), &mut errors);
        let controls: Vec<String> = errors[before..].iter().map(|e| e.field.clone()).collect();
        errors.extend(
            contract.check_body_at(item_schema, &element, &at).into_iter().filter(|e| !controls.contains(&e.field)),
        );
        if errors.len() == before {
            if let Err(e) = serde_path_to_error::deserialize::<_, T>(element) {
                match shape_error(e) {
                    ApiError::Validation(found) => errors.extend(found.into_iter().map(|e| e.under(&at))),
                    other => return Err(other),
                }
            }
        }
    }
    if let Some(v) = head.as_object_mut().and_then(|m| m.get_mut(array)).and_then(Value::as_array_mut) {
        v.clear();
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(LargeObject { head, elements })
}

/// Element `range` of a body read by [`read_large_object`], in its typed shape (checked there).
pub fn read_element<T: DeserializeOwned>(body: &[u8], range: Range<usize>) -> ApiResult<T> {
    let text = &body[range];
    serde_json::from_slice(text).or_else(|_| {
        // As it was checked: integral numbers written as floats (`4.0`) read as integers.
        let mut element: Value = serde_json::from_slice(text).map_err(malformed)?;
        integral_floats_to_integers(&mut element);
        serde_json::from_value(element)
            .map_err(|e| ApiError::Internal(format!("a checked element no longer reads: {e}")))
    })
}

/// The typed shape of the body's members (the long array left empty).
pub fn read_head<T: DeserializeOwned>(head: Value) -> ApiResult<T> {
    serde_path_to_error::deserialize(head).map_err(shape_error)
}

/// An empty value of the JSON type `raw` has.
fn empty_of_type(raw: &str) -> Value {
    match raw.as_bytes().first() {
        Some(b'{') => Value::Object(Default::default()),
        Some(b'[') => Value::Array(Vec::new()),
        Some(b'"') => Value::String(String::new()),
        Some(b't' | b'f') => Value::Bool(false),
        Some(b'n') => Value::Null,
        _ => Value::from(0),
    }
}

/// An object's members as they are written, in order.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for Members<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Members<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'a>, A::Error> {
                let mut members = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, &'de RawValue>()? {
                    members.push((key, value));
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(V(std::marker::PhantomData))
    }
}

/// The elements of a list, kept as text up to [`Bounded::LIMIT`]; past it only whether there are
/// more is kept.
struct Bounded<'a> {
    kept: Vec<&'a RawValue>,
    more: bool,
}

impl Bounded<'_> {
    /// Beyond any list a body may carry.
    const LIMIT: usize = 100_000;
}

impl<'de: 'a, 'a> serde::Deserialize<'de> for Bounded<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Bounded<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bounded<'a>, A::Error> {
                let mut kept = Vec::new();
                let mut more = false;
                while kept.len() < Bounded::LIMIT {
                    match seq.next_element::<&'de RawValue>()? {
                        Some(e) => kept.push(e),
                        None => return Ok(Bounded { kept, more }),
                    }
                }
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    more = true;
                }
                Ok(Bounded { kept, more })
            }
        }
        deserializer.deserialize_seq(V(std::marker::PhantomData))
    }
}
