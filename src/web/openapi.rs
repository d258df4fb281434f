//! The OpenAPI document: paths are collected from the routes themselves (utoipa-actix-web),
//! so each path string exists once; shared responses and metadata are declared here.

use utoipa::OpenApi;

use crate::error;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Shinchoku API",
        description = "Progress management of municipal multi-year plans (計画の進行管理): plans and their \
hierarchy, initiatives with responsible departments, indicators, plan bundles.\n\n\
Conventions: JSON fields in snake_case; every fiscal year (FY, stored as the Gregorian year in which it \
starts) comes with its Japanese label (`令和4年度`); lists take `limit` (1–500, default 50) and an opaque \
`cursor`; every error is `application/problem+json` naming each bad field by JSON pointer; every mutable \
resource has an `ETag` and honours `If-Match` (412 when stale).",
        version = "1.0.0",
        license(name = "MIT", identifier = "MIT"),
    ),
    servers((
        url = "{scheme}://{host}",
        description = "A Shinchoku server. The document served at `/api/v1/openapi.json` names the host it was fetched from.",
        variables(
            ("scheme" = (default = "http", description = "`https` behind a TLS-terminating proxy", enum_values("http", "https"))),
            ("host" = (default = "127.0.0.1:8080", description = "Host and port (SHINCHOKU_BIND, or the proxy's public name)")),
        )
    )),
    components(
        schemas(
            error::Problem,
            error::FieldError,
            crate::models::outbox::ReportEvent,
            crate::models::outbox::PlanEvent,
            crate::models::outbox::TestEvent
        ),
        responses(
            error::BadRequest,
            error::Unauthorized,
            error::Forbidden,
            error::TooManyRequests,
            error::NotFound,
            error::Conflict,
            error::PreconditionFailed,
            error::PayloadTooLarge,
            error::UnsupportedMediaType,
            error::UnprocessableEntity,
            error::ServiceUnavailable,
            error::InternalError,
        )
    ),
    tags(
        (name = "departments", description = "Departments (担当課) and the council (社会福祉協議会)"),
        (name = "plans", description = "Plans (計画) with their period, level labels and rating scale"),
        (name = "nodes", description = "The plan hierarchy (基本方針 → 施策の方向 → 事業 …)"),
        (name = "initiatives", description = "Initiatives (取組項目): the unit that is reported on"),
        (name = "indicators", description = "Indicators (実績の指標) of initiatives, and plan-level targets"),
        (name = "reports", description = "Annual reports (年度報告), quarterly updates, indicator values, the review workflow, comments, history and timelines"),
        (name = "summaries", description = "Progress summaries: per plan and fiscal year, by node or department, over years, per department; what is overdue"),
        (name = "public", description = "The public portal: published plans, summaries and reports, without credentials (ETag, Cache-Control, 304)"),
        (name = "bundles", description = "Whole plans as one JSON document (import/export)"),
        (name = "auth", description = "Signing in: access tokens (JWT) and refresh tokens"),
        (name = "users", description = "Users, their roles and departments; who am I"),
        (name = "api-tokens", description = "Tokens for scripts: scoped, expiring, revocable"),
        (name = "audit", description = "The audit trail of every write"),
        (name = "webhooks", description = "Webhook subscriptions: signed deliveries of events (Standard Webhooks), their delivery logs and test events"),
        (name = "operations", description = "Health and readiness"),
    )
)]
pub struct ApiDoc;

/// Adds what follows from an operation's shape, so that handlers list only their own outcomes:
/// 400 where there are parameters or a body; 413, 415 and 422 with a JSON body; 412 with
/// `If-Match`; 500 everywhere and 503 where the database is involved; and on every `/api/v1`
/// operation that needs credentials, the security requirement with 401 and 403.
pub fn finish(api: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
    use utoipa::openapi::{Ref, RefOr};
    let components = api.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "bearer",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .bearer_format("JWT")
                .description(Some("Access token from `POST /api/v1/auth/token` (short-lived JWT)."))
                .build(),
        ),
    );
    components.add_security_scheme(
        "api_token",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .description(Some(
                    "API token (`shk_…`) from `POST /api/v1/api-tokens`, for scripts; limited by its scopes.",
                ))
                .build(),
        ),
    );
    for (path, item) in api.paths.paths.iter_mut() {
        let uses_database = path != "/healthz";
        let operations = [&mut item.get, &mut item.post, &mut item.put, &mut item.patch, &mut item.delete];
        for op in operations.into_iter().flatten() {
            let has_body = op.request_body.is_some();
            let params = op.parameters.as_deref().unwrap_or_default();
            let if_match = params.iter().any(|p| p.name == "If-Match");
            let responses = &mut op.responses.responses;
            let mut shared = |status: &str, name: &str| {
                responses.entry(status.to_string()).or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
            };
            if has_body || !params.is_empty() {
                shared("400", "BadRequest");
            }
            if has_body {
                shared("413", "PayloadTooLarge");
                shared("415", "UnsupportedMediaType");
                shared("422", "UnprocessableEntity");
            }
            if if_match {
                shared("412", "PreconditionFailed");
            }
            if params.iter().any(|p| p.name == "If-None-Match") {
                responses.entry("304".to_string()).or_insert_with(|| {
                    RefOr::T(
                        utoipa::openapi::ResponseBuilder::new()
                            .description("Not modified: `If-None-Match` names the current ETag (no body).")
                            .build(),
                    )
                });
            }
            responses.entry("500".to_string()).or_insert_with(|| RefOr::Ref(Ref::from_response_name("InternalError")));
            if uses_database {
                responses
                    .entry("503".to_string())
                    .or_insert_with(|| RefOr::Ref(Ref::from_response_name("ServiceUnavailable")));
            }
            if !path.starts_with("/api/v1/") {
                continue;
            }
            // Operations that declare their own (empty) requirement are public.
            if op.security.is_some() {
                continue;
            }
            op.security = Some(vec![
                SecurityRequirement::new("bearer", Vec::<String>::new()),
                SecurityRequirement::new("api_token", Vec::<String>::new()),
            ]);
            for (status, name) in [("401", "Unauthorized"), ("403", "Forbidden")] {
                op.responses
                    .responses
                    .entry(status.to_string())
                    .or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
            }
        }
    }
}

/// The document as JSON text, served and committed alike.
pub fn render(api: &utoipa::openapi::OpenApi) -> String {
    let mut value = serde_json::to_value(api).expect("OpenAPI document serializes");
    fix_link_keys(&mut value);
    require_what_is_always_sent(&mut value);
    if let Some(schemas) = value.pointer_mut("/components/schemas").and_then(|v| v.as_object_mut()) {
        // Problems echo what was sent (a bad key, a bad value): they state no rule of their own.
        for (name, schema) in schemas.iter_mut() {
            if name != "Problem" && name != "FieldError" {
                forbid_control_characters(schema);
            }
        }
    }
    if let Some(paths) = value.get_mut("paths") {
        forbid_control_characters(paths);
    }
    value["webhooks"] = webhooks();
    let mut text = serde_json::to_string_pretty(&value).expect("OpenAPI document serializes");
    text.push('\n');
    text
}

/// What the service sends to webhook subscriptions (OpenAPI 3.1 `webhooks`): one `POST` per event
/// type, signed as the Standard Webhooks specification says.
fn webhooks() -> serde_json::Value {
    use crate::domain::webhooks::EventType;
    use serde_json::json;
    let header = |name: &str, description: &str| json!({"name": name, "in": "header", "required": true, "description": description, "schema": {"type": "string"}});
    let mut out = serde_json::Map::new();
    for event in EventType::ALL {
        let Some((schema, what)) = crate::models::outbox::documented(*event) else { continue };
        out.insert(
            event.as_str().to_string(),
            json!({"post": {
                "tags": ["webhooks"],
                "summary": event.as_str(),
                "description": format!("{what}\n\nVerify `webhook-signature` before trusting the body: HMAC-SHA256, keyed with the subscription's secret (base64 after `whsec_`), over `webhook-id.webhook-timestamp.body`, base64, after `v1,`. Answer 2xx within the timeout; anything else is retried with backoff, and the same `webhook-id` may come more than once."),
                "operationId": format!("webhook_{}", event.as_str().replace('.', "_")),
                // The receiver authenticates the sender by the signature, not by credentials.
                "security": [],
                "parameters": [
                    header("webhook-id", "The event's id: the same on every attempt (drop repeats)."),
                    header("webhook-timestamp", "When this attempt was signed (Unix seconds): refuse old ones."),
                    header("webhook-signature", "`v1,` and the base64 HMAC-SHA256 signature."),
                ],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}},
                "responses": {
                    "200": {"description": "Received (any 2xx)."},
                    "default": {"description": "Not received: the delivery is retried."}
                }
            }}),
        );
    }
    serde_json::Value::Object(out)
}

/// The server sends every property of what it answers (absent values as `null`, never left
/// out): in schemas that only responses use, every property is `required`, so that generated
/// types read `source: string | null`, not `source?: string | null`. Schemas that requests use
/// keep their optional fields.
fn require_what_is_always_sent(document: &mut serde_json::Value) {
    use serde_json::Value;
    fn refs(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(name) =
                    map.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/components/schemas/"))
                {
                    out.push(name.to_string());
                }
                map.values().for_each(|v| refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut pending = Vec::new();
    for item in document["paths"].as_object().into_iter().flatten().map(|(_, item)| item) {
        for op in item.as_object().into_iter().flatten().map(|(_, op)| op) {
            refs(&op["requestBody"], &mut pending);
            refs(&op["parameters"], &mut pending);
        }
    }
    let schemas = document.pointer("/components/schemas").cloned().unwrap_or_default();
    let mut inputs = std::collections::HashSet::new();
    while let Some(name) = pending.pop() {
        if inputs.insert(name.clone()) {
            refs(&schemas[&name], &mut pending);
        }
    }
    let Some(schemas) = document.pointer_mut("/components/schemas").and_then(Value::as_object_mut) else { return };
    for (name, schema) in schemas.iter_mut() {
        if inputs.contains(name) {
            continue;
        }
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            let all: Vec<Value> = properties.keys().map(|k| Value::String(k.clone())).collect();
            schema["required"] = Value::Array(all);
        }
    }
}

/// utoipa 5.5 writes a Link's `operationId`, `operationRef` and `requestBody` in snake_case
/// (its `Link` lacks `rename_all = "camelCase"`); OpenAPI spells them in camelCase.
fn fix_link_keys(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(links)) = map.get_mut("links") {
                for link in links.values_mut() {
                    if let Value::Object(fields) = link {
                        *fields = std::mem::take(fields)
                            .into_iter()
                            .map(|(k, v)| {
                                let key = match k.as_str() {
                                    "operation_id" => "operationId".to_string(),
                                    "operation_ref" => "operationRef".to_string(),
                                    "request_body" => "requestBody".to_string(),
                                    _ => k,
                                };
                                (key, v)
                            })
                            .collect();
                    }
                }
            }
            map.values_mut().for_each(fix_link_keys);
        }
        Value::Array(items) => items.iter_mut().for_each(fix_link_keys),
        _ => {}
    }
}

/// Control characters other than tab and line breaks, as a regular-expression class.
const CONTROLS: &str = r"\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F";

/// Every free-text string schema states what the server enforces (see
/// [`crate::domain::validation::is_forbidden_control`]): no control characters. Non-blank strings (`\S`)
/// keep that rule in the same pattern. Formats (uuid, date-time; not password) and enums are left as they are.
fn forbid_control_characters(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        // Header values are bytes of their own syntax, not text of a plan.
        Value::Object(map) if map.get("in").is_some_and(|i| i == "header") => {}
        Value::Object(map) => {
            let is_string = match map.get("type") {
                Some(Value::String(t)) => t == "string",
                Some(Value::Array(types)) => types.iter().any(|t| t == "string"),
                _ => false,
            };
            let free_text = map.get("format").is_none_or(|f| f == "password");
            if is_string && free_text && !map.contains_key("enum") {
                let pattern = match map.get("pattern").and_then(Value::as_str) {
                    None => Some(format!("^[^{CONTROLS}]*$")),
                    Some(r"\S") => Some(format!(r"^[^{CONTROLS}]*[^\s{CONTROLS}][^{CONTROLS}]*$")),
                    Some(_) => None,
                };
                if let Some(p) = pattern {
                    map.insert("pattern".into(), Value::String(p));
                }
            }
            map.values_mut().for_each(forbid_control_characters);
        }
        Value::Array(items) => items.iter_mut().for_each(forbid_control_characters),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn, PathItem, PathsBuilder};
    use utoipa::openapi::request_body::RequestBodyBuilder;
    use utoipa::openapi::security::SecurityRequirement;
    use utoipa::openapi::{OpenApiBuilder, ResponseBuilder};

    fn statuses(api: &utoipa::openapi::OpenApi, path: &str, method: &str) -> Vec<String> {
        let value = serde_json::to_value(api).unwrap();
        let mut out: Vec<String> =
            value["paths"][path][method]["responses"].as_object().unwrap().keys().cloned().collect();
        out.sort();
        out
    }

    #[test]
    fn finish_adds_what_follows_from_an_operations_shape() {
        let write = OperationBuilder::new()
            .parameter(ParameterBuilder::new().name("If-Match").parameter_in(ParameterIn::Header))
            .request_body(Some(RequestBodyBuilder::new().build()))
            .response("200", ResponseBuilder::new().description("Updated"))
            .build();
        let public = OperationBuilder::new()
            .securities(Some([SecurityRequirement::default()]))
            .response("200", ResponseBuilder::new().description("Open"))
            .build();
        let health = OperationBuilder::new().response("200", ResponseBuilder::new().description("Alive")).build();
        let mut api = OpenApiBuilder::new()
            .paths(
                PathsBuilder::new()
                    .path("/api/v1/things", PathItem::new(HttpMethod::Patch, write))
                    .path("/api/v1/public", PathItem::new(HttpMethod::Get, public))
                    .path("/healthz", PathItem::new(HttpMethod::Get, health)),
            )
            .build();
        super::finish(&mut api);
        let expected = ["200", "400", "401", "403", "412", "413", "415", "422", "500", "503"];
        assert_eq!(statuses(&api, "/api/v1/things", "patch"), expected);
        assert_eq!(statuses(&api, "/api/v1/public", "get"), ["200", "500", "503"], "public: no 401/403");
        assert_eq!(statuses(&api, "/healthz", "get"), ["200", "500"], "no database, no 503");
        let value = serde_json::to_value(&api).unwrap();
        assert_eq!(
            value["paths"]["/api/v1/things"]["patch"]["security"],
            serde_json::json!([{"bearer": []}, {"api_token": []}])
        );
        assert_eq!(value["paths"]["/api/v1/public"]["get"]["security"], serde_json::json!([{}]));
        assert_eq!(
            value["paths"]["/api/v1/things"]["patch"]["responses"]["412"]["$ref"],
            "#/components/responses/PreconditionFailed"
        );
        assert!(value["components"]["securitySchemes"]["api_token"].is_object());
    }
}
