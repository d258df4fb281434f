//! Requests checked against the OpenAPI document itself: every path parameter, query parameter
//! and body field that does not fit its documented schema is reported at once, each with a JSON
//! pointer (`/title`, `/path/plan_id`, `/query/limit`), a stable `code` a front-end can translate,
//! and a message a person understands. Unknown query parameters are refused like unknown body
//! fields. What the document says is what the server enforces, by construction.
//!
//! Rules the schema cannot state (cross-field rules, references to other records) are checked
//! afterwards by the resources; this module holds no HTTP and no database.

mod schema;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use schema::{
    branches, check_number, describe_types, escape, fits_type, has_type, is_only_null, is_param, types_of, Problem,
};
use serde_json::{Map, Value};

use crate::error::FieldError;

/// The document's operations and schemas, as checks.
pub struct Contract {
    schemas: Map<String, Value>,
    routes: Vec<Route>,
}

struct Route {
    /// The template's segments: literals, or `{name}` for a parameter.
    segments: Vec<String>,
    operations: BTreeMap<String, Operation>,
}

#[derive(Default)]
struct Operation {
    path: Vec<Param>,
    query: Vec<Param>,
}

struct Param {
    name: String,
    schema: Value,
}

static CONTRACT: OnceLock<Contract> = OnceLock::new();

/// Makes `document` the contract of this process (the first call wins). Called where the routes
/// are built ([`crate::app::routes`]), which is the only place that knows the whole document.
pub fn install(document: &utoipa::openapi::OpenApi) {
    CONTRACT.get_or_init(|| {
        let document = serde_json::to_value(document).expect("OpenAPI document serializes");
        Contract::from_document(&document)
    });
}

/// The contract of this build.
pub fn get() -> &'static Contract {
    CONTRACT
        .get()
        .expect("the contract is installed where the routes are built (app::routes) before anything is checked")
}

impl Contract {
    pub fn from_document(document: &Value) -> Contract {
        let schemas = document.pointer("/components/schemas").and_then(Value::as_object).cloned().unwrap_or_default();
        let mut routes = Vec::new();
        for (template, item) in document["paths"].as_object().into_iter().flatten() {
            let mut operations = BTreeMap::new();
            for (method, op) in item.as_object().into_iter().flatten() {
                let mut operation = Operation::default();
                for param in op["parameters"].as_array().into_iter().flatten() {
                    let p = Param {
                        name: param["name"].as_str().unwrap_or_default().to_string(),
                        schema: param["schema"].clone(),
                    };
                    match param["in"].as_str() {
                        Some("path") => operation.path.push(p),
                        Some("query") => operation.query.push(p),
                        _ => {}
                    }
                }
                operations.insert(method.to_ascii_uppercase(), operation);
            }
            routes.push(Route { segments: template.split('/').map(str::to_string).collect(), operations });
        }
        Contract { schemas, routes }
    }

    /// The documented route a concrete path falls under; literal segments win over parameters
    /// (`/api/v1/plan-bundles` is not `/api/v1/plans/{plan_id}`).
    fn route(&self, path: &str) -> Option<&Route> {
        let segments: Vec<&str> = path.split('/').collect();
        self.routes
            .iter()
            .filter(|route| {
                route.segments.len() == segments.len()
                    && route.segments.iter().zip(&segments).all(|(t, s)| t == s || (is_param(t) && !s.is_empty()))
            })
            .max_by_key(|route| route.segments.iter().filter(|t| !is_param(t)).count())
    }

    /// The methods a path answers (for `Allow`), when it is documented.
    pub fn allow(&self, path: &str) -> Option<String> {
        let route = self.route(path)?;
        let mut methods: Vec<&str> = Vec::new();
        for method in ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] {
            let answered = if method == "HEAD" { "GET" } else { method };
            if route.operations.contains_key(answered) {
                methods.push(method);
            }
        }
        Some(methods.join(", "))
    }

    /// Every path and query parameter of a request that does not fit the document, and every
    /// query parameter the operation does not take. Undocumented routes and methods pass (they
    /// are 404 and 405 later).
    pub fn check_parameters(&self, method: &str, path: &str, query: &str) -> Vec<FieldError> {
        let Some(route) = self.route(path) else { return Vec::new() };
        let Some(operation) = route.operations.get(method) else { return Vec::new() };
        let mut errors = Vec::new();
        for (template, raw) in route.segments.iter().zip(path.split('/')) {
            let Some(name) = template.strip_prefix('{').and_then(|t| t.strip_suffix('}')) else { continue };
            let Some(param) = operation.path.iter().find(|p| p.name == name) else { continue };
            let pointer = format!("/path/{name}");
            match self.coerce(&param.schema, raw) {
                Ok(value) => self.check(&param.schema, &value, &pointer, &mut errors),
                Err(e) => errors.push(e.at(&pointer)),
            }
        }
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
        let mut given: Vec<(&str, Vec<&str>)> = Vec::new();
        for (name, value) in &pairs {
            if name.is_empty() && value.is_empty() {
                continue;
            }
            match given.iter_mut().find(|(n, _)| n == name) {
                Some((_, values)) => values.push(value),
                None => given.push((name, vec![value])),
            }
        }
        for (name, values) in given {
            let printable: String = name.chars().filter(|c| !c.is_control()).collect();
            let pointer = format!("/query/{}", printable.replace('~', "~0").replace('/', "~1"));
            if name
                .chars()
                .chain(values.iter().flat_map(|v| v.chars()))
                .any(crate::domain::validation::is_forbidden_control)
            {
                errors.push(FieldError::new(pointer, "control_character", "must not contain control characters"));
                continue;
            }
            let Some(param) = operation.query.iter().find(|p| p.name == name) else {
                let known: Vec<&str> = operation.query.iter().map(|p| p.name.as_str()).collect();
                let message = if known.is_empty() {
                    "unknown query parameter: this operation takes none".to_string()
                } else {
                    format!("unknown query parameter; this operation takes: {}", known.join(", "))
                };
                errors.push(FieldError::new(pointer, "unknown_parameter", message));
                continue;
            };
            let schema = self.resolve(&param.schema);
            let value = if has_type(schema, "array") {
                // Lists: repeated (`?a=1&a=2`) or comma-separated (`?a=1,2`), or both.
                let item_schema = &schema["items"];
                let mut items = Vec::new();
                for (i, raw) in values.iter().flat_map(|v| v.split(',')).enumerate() {
                    if raw.trim().is_empty() {
                        // `?status=` or `?status=a,,b`: a value left empty is a mistake, not "no filter".
                        errors.push(FieldError::new(
                            format!("{pointer}/{i}"),
                            "blank",
                            "is empty: give a value, or leave the parameter out",
                        ));
                        continue;
                    }
                    match self.coerce(item_schema, raw.trim()) {
                        Ok(item) => items.push(item),
                        Err(e) => errors.push(e.at(&format!("{pointer}/{i}"))),
                    }
                }
                Value::Array(items)
            } else if values.len() > 1 {
                errors.push(FieldError::new(pointer, "repeated", "given more than once: give it once"));
                continue;
            } else {
                match self.coerce(&param.schema, values[0]) {
                    Ok(value) => value,
                    Err(e) => {
                        errors.push(e.at(&pointer));
                        continue;
                    }
                }
            };
            self.check(&param.schema, &value, &pointer, &mut errors);
        }
        errors
    }

    /// Every field of a JSON body that does not fit the named schema. An undocumented schema
    /// name checks nothing (the typed parse still does).
    pub fn check_body(&self, schema_name: &str, body: &Value) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Some(schema) = self.schemas.get(schema_name) {
            self.check(schema, body, "", &mut errors);
        }
        errors
    }

    /// [`Self::check_body`] for a value found at `pointer` in a larger body (errors name their
    /// place in that body).
    pub fn check_body_at(&self, schema_name: &str, value: &Value, pointer: &str) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Some(schema) = self.schemas.get(schema_name) {
            self.check(schema, value, pointer, &mut errors);
        }
        errors
    }

    /// A query parameter's values in the JSON form its schema describes (a list for list
    /// parameters, split at commas). Values were checked before; one that still does not read
    /// stays text, for the typed parse to refuse.
    pub fn query_value(&self, schema: &Value, values: &[&str]) -> Value {
        let schema = self.resolve(schema);
        if has_type(schema, "array") {
            let items = values.iter().flat_map(|v| v.split(',')).map(str::trim).filter(|v| !v.is_empty());
            Value::Array(
                items.map(|raw| self.coerce(&schema["items"], raw).unwrap_or_else(|_| Value::from(raw))).collect(),
            )
        } else {
            let raw = values.first().copied().unwrap_or_default();
            self.coerce(schema, raw).unwrap_or_else(|_| Value::from(raw))
        }
    }

    fn resolve<'a>(&'a self, schema: &'a Value) -> &'a Value {
        let mut schema = schema;
        for _ in 0..8 {
            match schema.get("$ref").and_then(Value::as_str) {
                Some(r) => match r.strip_prefix("#/components/schemas/").and_then(|name| self.schemas.get(name)) {
                    Some(target) => schema = target,
                    None => return schema,
                },
                None => return schema,
            }
        }
        schema
    }

    /// A parameter's text as the JSON value its schema describes (`"12"` as 12 for integers).
    fn coerce(&self, schema: &Value, raw: &str) -> Result<Value, Problem> {
        let schema = self.resolve(schema);
        let branches = branches(schema);
        if !branches.is_empty() {
            // The first branch that reads the text decides its form; `check` then tries them all.
            let mut first_error = None;
            for branch in branches {
                match self.coerce(branch, raw) {
                    Ok(v) => return Ok(v),
                    Err(e) => {
                        first_error.get_or_insert(e);
                    }
                }
            }
            return Err(first_error.unwrap_or_else(|| Problem::new("invalid_type", "is not valid here")));
        }
        if has_type(schema, "integer") {
            return raw
                .trim()
                .parse::<i64>()
                .map(Value::from)
                .map_err(|_| Problem::new("invalid_type", "must be an integer"));
        }
        if has_type(schema, "number") {
            return raw
                .trim()
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(Value::Number)
                .ok_or_else(|| Problem::new("invalid_type", "must be a number"));
        }
        if has_type(schema, "boolean") {
            return match raw.trim() {
                "true" => Ok(Value::Bool(true)),
                "false" => Ok(Value::Bool(false)),
                _ => Err(Problem::new("invalid_type", "must be true or false")),
            };
        }
        Ok(Value::String(raw.to_string()))
    }

    /// JSON Schema, the part the document uses: types, enums, `$ref`, `oneOf`/`anyOf`/`allOf`,
    /// required and unknown properties, lengths, ranges, item counts, formats (uuid, date-time,
    /// int32) and the non-blank pattern. Adds one error per failing value.
    fn check(&self, schema: &Value, value: &Value, pointer: &str, errors: &mut Vec<FieldError>) {
        let schema = self.resolve(schema);
        let at = |p: Problem| p.at(if pointer.is_empty() { "/" } else { pointer });
        if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
            for part in all {
                self.check(part, value, pointer, errors);
            }
        }
        let branches = branches(schema);
        if !branches.is_empty() {
            let mut outcomes: Vec<Vec<FieldError>> = Vec::new();
            for branch in &branches {
                let mut found = Vec::new();
                self.check(branch, value, pointer, &mut found);
                if found.is_empty() {
                    return;
                }
                outcomes.push(found);
            }
            // A nullable reference (`oneOf: [null, X]`): report what is wrong against X itself.
            let typed: Vec<usize> = (0..branches.len()).filter(|&i| !is_only_null(self.resolve(branches[i]))).collect();
            match (value.is_null(), typed.as_slice()) {
                (false, [one]) => errors.append(&mut outcomes[*one]),
                _ => errors.push(at(Problem::new("invalid_type", describe_branches(self, &branches)))),
            }
            return;
        }
        if let Some(types) = types_of(schema) {
            if !types.iter().any(|t| fits_type(t, value)) {
                errors.push(at(Problem::new("invalid_type", format!("must be {}", describe_types(&types, schema)))));
                return;
            }
        }
        if let Some(choices) = schema.get("enum").and_then(Value::as_array) {
            if !choices.contains(value) {
                let listed: Vec<String> = choices
                    .iter()
                    .filter(|c| !c.is_null())
                    .map(|c| c.as_str().map(str::to_string).unwrap_or_else(|| c.to_string()))
                    .collect();
                errors.push(at(Problem::new("enum", format!("must be one of: {}", listed.join(", ")))));
                return;
            }
        }
        match value {
            Value::String(s) => self.check_string(schema, s, pointer, errors),
            Value::Number(n) => check_number(schema, n, pointer, errors),
            Value::Array(items) => {
                let count = items.len() as u64;
                if let Some(min) = schema.get("minItems").and_then(Value::as_u64).filter(|&m| count < m) {
                    let message =
                        if min == 1 { "must not be empty".into() } else { format!("must have at least {min} items") };
                    errors.push(at(Problem::new("min_items", message)));
                }
                if let Some(max) = schema.get("maxItems").and_then(Value::as_u64).filter(|&m| count > m) {
                    errors.push(at(Problem::new("max_items", format!("must have at most {max} items"))));
                }
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        self.check(item_schema, item, &format!("{pointer}/{i}"), errors);
                    }
                }
            }
            Value::Object(fields) => {
                let properties = schema.get("properties").and_then(Value::as_object);
                for name in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
                    if let Some(name) = name.as_str().filter(|n| !fields.contains_key(*n)) {
                        errors.push(FieldError::new(format!("{pointer}/{}", escape(name)), "required", "is required"));
                    }
                }
                for (name, item) in fields {
                    let field = format!("{pointer}/{}", escape(name));
                    match properties.and_then(|p| p.get(name)) {
                        Some(property) => self.check(property, item, &field, errors),
                        None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                            let known: Vec<&str> = properties.into_iter().flatten().map(|(k, _)| k.as_str()).collect();
                            errors.push(FieldError::new(
                                field,
                                "unknown_field",
                                format!("unknown field; allowed: {}", known.join(", ")),
                            ));
                        }
                        None => {}
                    }
                }
            }
            _ => {}
        }
    }

    fn check_string(&self, schema: &Value, s: &str, pointer: &str, errors: &mut Vec<FieldError>) {
        let at = |p: Problem| p.at(if pointer.is_empty() { "/" } else { pointer });
        let length = s.chars().count() as u64;
        if let Some(min) = schema.get("minLength").and_then(Value::as_u64).filter(|&m| length < m) {
            let message =
                if min == 1 { "must not be empty".into() } else { format!("must be at least {min} characters") };
            errors.push(at(Problem::new("min_length", message)));
            return;
        }
        if let Some(max) = schema.get("maxLength").and_then(Value::as_u64).filter(|&m| length > m) {
            errors.push(at(Problem::new("max_length", format!("must be at most {max} characters (it has {length})"))));
            return;
        }
        if schema.get("pattern").and_then(Value::as_str) == Some(r"\S") && crate::domain::validation::is_blank(s) {
            errors.push(at(Problem::new("blank", "must not be blank")));
            return;
        }
        match schema.get("format").and_then(Value::as_str) {
            Some("uuid") if uuid::Uuid::try_parse(s).is_err() => {
                errors.push(at(Problem::new("format", "must be a UUID (e.g. 0192f7a4-5b6c-7d8e-9f00-112233445566)")))
            }
            Some("date-time") if chrono::DateTime::parse_from_rfc3339(s).is_err() => errors
                .push(at(Problem::new("format", "must be a date-time (RFC 3339, e.g. 2026-03-31T23:59:59+09:00)"))),
            _ => {}
        }
    }
}

fn describe_branches(contract: &Contract, branches: &[&Value]) -> String {
    let forms: Vec<String> = branches
        .iter()
        .map(|b| {
            let b = contract.resolve(b);
            match (types_of(b), b.get("enum").and_then(Value::as_array)) {
                (_, Some(choices)) => {
                    choices.iter().filter_map(Value::as_str).map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
                }
                (Some(types), None) => describe_types(&types, b),
                (None, None) => "another form".to_string(),
            }
        })
        .collect();
    format!("must be {}", forms.join(" or "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn contract() -> Contract {
        Contract::from_document(&json!({
            "paths": {
                "/plans/{plan_id}": {"get": {"parameters": [
                    {"name": "plan_id", "in": "path", "schema": {"type": "string", "format": "uuid"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}},
                    {"name": "department_id", "in": "query", "schema": {"type": "array", "items": {"anyOf": [
                        {"type": "string", "format": "uuid"}, {"type": "string", "enum": ["mine"]}]}}},
                    {"name": "status", "in": "query", "schema": {"$ref": "#/components/schemas/Status"}}
                ]}},
                "/plans/new": {"post": {}}
            },
            "components": {"schemas": {
                "Status": {"type": "string", "enum": ["draft", "published"]},
                "Input": {"type": "object", "additionalProperties": false, "required": ["title", "start_fy", "labels"],
                    "properties": {
                        "title": {"type": "string", "minLength": 1, "maxLength": 5, "pattern": "\\S"},
                        "start_fy": {"type": "integer", "format": "int32", "minimum": 1989},
                        "labels": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                        "status": {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Status"}]}
                    }}
            }}
        }))
    }

    fn fields(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect()
    }

    #[test]
    fn every_bad_field_of_a_body_at_once() {
        let c = contract();
        let errors = c.check_body("Input", &json!({"status": "gone", "extra": 1}));
        assert_eq!(
            fields(&errors),
            [
                ("/title", "required"),
                ("/start_fy", "required"),
                ("/labels", "required"),
                ("/status", "enum"),
                ("/extra", "unknown_field")
            ]
        );
        let errors = c.check_body("Input", &json!({"title": "　", "start_fy": "2020", "labels": [], "status": null}));
        assert_eq!(fields(&errors), [("/title", "blank"), ("/start_fy", "invalid_type"), ("/labels", "min_items")]);
        assert_eq!(errors[1].message, "must be an integer");
        assert_eq!(errors[2].message, "must not be empty");
        assert!(c.check_body("Input", &json!({"title": "計画", "start_fy": 2020, "labels": ["a"]})).is_empty());
    }

    #[test]
    fn parameters_are_named_and_unknown_ones_refused() {
        let c = contract();
        let errors = c.check_parameters("GET", "/plans/nope", "limit=x&limit=2&q=相談&status=gone");
        assert_eq!(
            fields(&errors),
            [
                ("/path/plan_id", "format"),
                ("/query/limit", "repeated"),
                ("/query/q", "unknown_parameter"),
                ("/query/status", "enum")
            ]
        );
        let id = "0192f7a4-5b6c-7d8e-9f00-112233445566";
        let ok =
            c.check_parameters("GET", &format!("/plans/{id}"), &format!("department_id=mine,{id}&department_id={id}"));
        assert!(ok.is_empty(), "{ok:?}");
        let bad = c.check_parameters("GET", &format!("/plans/{id}"), "department_id=mine,x&limit=0");
        assert_eq!(fields(&bad), [("/query/department_id/1", "invalid_type"), ("/query/limit", "minimum")]);
        // A literal segment wins over a parameter; an undocumented method is left to routing.
        assert!(c.check_parameters("POST", "/plans/new", "").is_empty());
        assert_eq!(c.allow("/plans/new").as_deref(), Some("POST"));
        assert_eq!(c.allow(&format!("/plans/{id}")).as_deref(), Some("GET, HEAD"));
    }
}
