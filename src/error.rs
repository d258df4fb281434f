//! One error type for the whole API; every error leaves as `application/problem+json` (RFC 9457).

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder};
use utoipa::ToSchema;

pub type ApiResult<T> = Result<T, ApiError>;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// The most field errors one answer lists: a body with more mistakes learns the first ones (a
/// list of every mistake in a 32 MiB body would be larger than the body).
pub const MAX_LISTED_ERRORS: usize = 1000;

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct FieldError {
    /// JSON pointer of the bad field in the request body (`/nodes/3/title`),
    /// or `/query/<name>` / `/path/<name>` for parameters.
    #[schema(example = "/title")]
    pub field: String,
    /// Stable machine-readable reason, for clients to translate (`required`, `unknown_field`,
    /// `invalid_type`, `enum`, `format`, `min_length`, `max_length`, `blank`, `minimum`,
    /// `maximum`, `min_items`, `max_items`, `control_character`, `unknown_parameter`,
    /// `repeated`, `malformed_json`, and rules of the domain such as `fiscal_year_out_of_range`,
    /// `duplicate`, `not_found`, `cycle`; docs/api.md lists them).
    #[schema(example = "max_length")]
    pub code: String,
    /// What is wrong, for a person (English; translate by `code`).
    #[schema(example = "must be at most 300 characters (it has 301)")]
    pub message: String,
    /// For an uploaded progress sheet: the sheet row of the bad cell (as Excel numbers it); else `null`.
    #[schema(example = 12)]
    pub row: Option<u32>,
    /// For an uploaded progress sheet: the column's header (`実績`); else `null`.
    #[schema(example = "実績")]
    pub column: Option<String>,
    /// For an edit conflict of an uploaded progress sheet: the value stored now, which someone
    /// else wrote after the sheet was downloaded; else `null`.
    #[serde(default)]
    #[schema(example = "配置人数 18人")]
    pub current_value: Option<String>,
    /// For an edit conflict of an uploaded progress sheet: the value of the uploaded cell; else `null`.
    #[serde(default)]
    #[schema(example = "配置人数 20人")]
    pub your_value: Option<String>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &str, message: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            code: code.to_string(),
            message: message.into(),
            row: None,
            column: None,
            current_value: None,
            your_value: None,
        }
    }

    /// The error of a single write, placed under an item of a batch (`/self_rating` under
    /// `/items/3` is `/items/3/self_rating`; a path parameter is the item itself).
    pub fn under(mut self, item: &str) -> Self {
        self.field = if self.field.starts_with("/path/") { item.to_string() } else { format!("{item}{}", self.field) };
        self
    }
}

/// Problem details (RFC 9457). `errors` lists every invalid field (400, 422), and the refused
/// items of a batch (403, 409); it is empty otherwise.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:shinchoku:problem:validation",
    "title": "Validation failed",
    "status": 422,
    "code": "validation",
    "detail": "2 fields are invalid",
    "errors": [
        {"field": "/title", "code": "max_length", "message": "must be at most 300 characters (it has 301)", "row": null, "column": null, "current_value": null, "your_value": null},
        {"field": "/start_fy", "code": "required", "message": "is required", "row": null, "column": null, "current_value": null, "your_value": null}
    ]
}))]
pub struct Problem {
    /// A URI identifying the kind of problem (`urn:shinchoku:problem:<code>`).
    #[serde(rename = "type")]
    pub problem_type: String,
    /// The kind of problem, in English (the same for every problem of a kind).
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// The kind of problem, stable, for clients to translate: `bad_request`, `unauthorized`,
    /// `forbidden`, `not_found`, `method_not_allowed`, `conflict`, `precondition_failed`,
    /// `payload_too_large`, `unsupported_media_type`, `validation`, `too_many_requests`,
    /// `unavailable`, `internal`.
    pub code: String,
    /// What happened in this case, for a person.
    pub detail: String,
    /// Every invalid field or parameter, by JSON pointer (`/title`, `/path/plan_id`, `/query/limit`).
    pub errors: Vec<FieldError>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{detail}")]
    BadRequest { detail: String, errors: Vec<FieldError> },
    /// No credentials at all.
    #[error("send Authorization: Bearer <access token or API token>")]
    Unauthenticated,
    /// Credentials that do not hold (expired, revoked, forged…).
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    /// Forbidden items of a batch, each named in `errors`.
    #[error("{detail}")]
    ForbiddenItems { detail: String, errors: Vec<FieldError> },
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    /// Items of a batch that conflict with the state of their reports, each named in `errors`.
    #[error("{detail}")]
    ConflictItems { detail: String, errors: Vec<FieldError> },
    #[error("this path answers {allow} only")]
    MethodNotAllowed { allow: String },
    #[error("the resource has changed since it was read (If-Match does not match the current ETag)")]
    PreconditionFailed,
    #[error("request body is larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    /// An uploaded file over one of the bounds of reading it (named in the message).
    #[error("{0}")]
    TooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{}", validation_detail(.0))]
    Validation(Vec<FieldError>),
    #[error("too many failed logins; try again in {retry_after} seconds")]
    TooManyRequests { retry_after: u64 },
    #[error("{0}")]
    Unavailable(String),
    #[error("internal error")]
    Internal(String),
}

fn validation_detail(errors: &[FieldError]) -> String {
    match errors {
        [one] => format!("{}: {}", one.field, one.message),
        many => format!("{} fields are invalid", many.len()),
    }
}

impl ApiError {
    pub fn not_found(what: &str) -> Self {
        ApiError::NotFound(format!("{what} not found"))
    }

    pub fn invalid(field: impl Into<String>, code: &str, message: impl Into<String>) -> Self {
        ApiError::Validation(vec![FieldError::new(field, code, message)])
    }

    pub fn bad_param(field: impl Into<String>, message: impl Into<String>) -> Self {
        let error = FieldError::new(field, "invalid", message);
        ApiError::BadRequest { detail: format!("{}: {}", error.field, error.message), errors: vec![error] }
    }

    fn kind(&self) -> (&'static str, &'static str) {
        match self {
            ApiError::BadRequest { .. } => ("bad-request", "Bad request"),
            ApiError::Unauthenticated | ApiError::Unauthorized(_) => ("unauthorized", "Authentication required"),
            ApiError::Forbidden(_) | ApiError::ForbiddenItems { .. } => ("forbidden", "Forbidden"),
            ApiError::NotFound(_) => ("not-found", "Not found"),
            ApiError::Conflict(_) | ApiError::ConflictItems { .. } => ("conflict", "Conflict with the current state"),
            ApiError::MethodNotAllowed { .. } => ("method-not-allowed", "Method not allowed"),
            ApiError::PreconditionFailed => ("precondition-failed", "Precondition failed"),
            ApiError::PayloadTooLarge { .. } | ApiError::TooLarge(_) => ("payload-too-large", "Payload too large"),
            ApiError::UnsupportedMediaType(_) => ("unsupported-media-type", "Unsupported media type"),
            ApiError::Validation(_) => ("validation", "Validation failed"),
            ApiError::TooManyRequests { .. } => ("too-many-requests", "Too many requests"),
            ApiError::Unavailable(_) => ("unavailable", "Service unavailable"),
            ApiError::Internal(_) => ("internal", "Internal server error"),
        }
    }

    pub fn problem(&self) -> Problem {
        let (slug, title) = self.kind();
        let errors = match self {
            ApiError::BadRequest { errors, .. }
            | ApiError::Validation(errors)
            | ApiError::ForbiddenItems { errors, .. }
            | ApiError::ConflictItems { errors, .. } => errors.clone(),
            _ => Vec::new(),
        };
        Problem {
            problem_type: format!("urn:shinchoku:problem:{slug}"),
            title: title.to_string(),
            status: self.status_code().as_u16(),
            code: slug.replace('-', "_"),
            detail: self.to_string(),
            errors,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unauthenticated | ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) | ApiError::ForbiddenItems { .. } => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) | ApiError::ConflictItems { .. } => StatusCode::CONFLICT,
            ApiError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::PayloadTooLarge { .. } | ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            // Internals go to the log (with the request id of the current span), never to the client.
            ApiError::Internal(cause) => tracing::error!(%cause, "internal error"),
            ApiError::Unavailable(cause) => tracing::warn!(%cause, "service unavailable"),
            _ => {}
        }
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        match self {
            ApiError::Unavailable(_) => {
                response.insert_header((header::RETRY_AFTER, "5"));
            }
            ApiError::TooManyRequests { retry_after } => {
                response.insert_header((header::RETRY_AFTER, retry_after.to_string()));
            }
            ApiError::MethodNotAllowed { allow } => {
                response.insert_header((header::ALLOW, allow.clone()));
            }
            ApiError::Unauthenticated => {
                // RFC 6750 §3: no error code when the request carried no credentials.
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"shinchoku\""));
            }
            ApiError::Unauthorized(reason) => {
                let reason = reason.replace(['"', '\\'], "'");
                response.insert_header((
                    header::WWW_AUTHENTICATE,
                    format!("Bearer realm=\"shinchoku\", error=\"invalid_token\", error_description=\"{reason}\""),
                ));
            }
            _ => {}
        }
        response.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

impl From<diesel::result::Error> for ApiError {
    /// Database errors as clients should see them: constraint names, tables and SQL stay in the
    /// log; contention (SQLite busy, PostgreSQL serialization failures, deadlocks, lock
    /// timeouts) is a 503 with `Retry-After`, never a 500.
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => ApiError::NotFound("not found".into()),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                tracing::info!(constraint = ?info.constraint_name(), message = info.message(), "unique violation");
                ApiError::Conflict("conflicts with an existing record".into())
            }
            Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, info) => {
                tracing::info!(constraint = ?info.constraint_name(), message = info.message(), "foreign key violation");
                ApiError::Conflict(
                    "still referenced by other records, or refers to a record that does not exist".into(),
                )
            }
            Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                info,
            ) => ApiError::Unavailable(format!("database connection lost: {}", info.message())),
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, info) => {
                ApiError::Unavailable(format!("concurrent write, retry: {}", info.message()))
            }
            Error::DatabaseError(_, ref info) if is_contention(info.message()) => {
                ApiError::Unavailable(format!("database busy: {}", info.message()))
            }
            Error::DatabaseError(_, ref info) if is_connection_lost(info.message()) => {
                ApiError::Unavailable(format!("database connection lost: {}", info.message()))
            }
            // The connection died inside a transaction, so it could not even be rolled back (the
            // server rolls it back): the database is going away, not the request being wrong.
            Error::BrokenTransactionManager => {
                ApiError::Unavailable("database connection lost in a transaction".into())
            }
            other => ApiError::Internal(format!("database error: {other}")),
        }
    }
}

/// Messages of contention that diesel does not classify: SQLite's busy and locked states
/// (its messages are never translated), PostgreSQL's deadlock and lock timeout (SQLSTATE
/// 40P01, 55P03; sessions run with `lc_messages` of the server, English by default).
fn is_contention(message: &str) -> bool {
    const MARKERS: [&str; 5] =
        ["database is locked", "database table is locked", "database is busy", "deadlock detected", "lock timeout"];
    MARKERS.iter().any(|m| message.contains(m))
}

/// PostgreSQL going away under a running statement (SQLSTATE 57P01–57P03, or the socket closing):
/// diesel reports these as unclassified errors.
fn is_connection_lost(message: &str) -> bool {
    const MARKERS: [&str; 6] = [
        "terminating connection",
        "server closed the connection",
        "the database system is shutting down",
        "the database system is starting up",
        "no connection to the server",
        "connection to server",
    ];
    MARKERS.iter().any(|m| message.contains(m))
}

impl From<diesel::r2d2::PoolError> for ApiError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        ApiError::Unavailable(format!("database pool: {e}"))
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> Self {
        ApiError::Internal(format!("JSON: {e}"))
    }
}

impl ApiError {
    /// The error a response of a given status stands for, when something other than a handler
    /// answered (a missing file of the docs page, a framework's own refusal): every error leaves
    /// as problem+json all the same.
    pub fn for_status(status: StatusCode) -> ApiError {
        let reason = status.canonical_reason().unwrap_or("error").to_lowercase();
        match status {
            StatusCode::NOT_FOUND => ApiError::NotFound("no such resource".into()),
            StatusCode::UNAUTHORIZED => ApiError::Unauthenticated,
            StatusCode::FORBIDDEN => ApiError::Forbidden(reason),
            StatusCode::CONFLICT => ApiError::Conflict(reason),
            StatusCode::METHOD_NOT_ALLOWED => {
                ApiError::MethodNotAllowed { allow: "the methods listed in Allow".into() }
            }
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge { limit: 0 },
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType(reason),
            StatusCode::SERVICE_UNAVAILABLE => ApiError::Unavailable(reason),
            s if s.is_server_error() => ApiError::Internal(reason),
            _ => ApiError::bad_param("/", reason),
        }
    }
}

/// Shared response definitions: each becomes `#/components/responses/<Name>` in the document,
/// its example the very problem the server sends for that error.
macro_rules! problem_responses {
    ($($name:ident => $description:literal, $error:expr;)*) => {
        $(
            #[doc = $description]
            pub struct $name;

            impl $name {
                /// The error this response documents (its example).
                pub fn example() -> ApiError {
                    $error
                }
            }

            impl<'s> utoipa::ToResponse<'s> for $name {
                fn response() -> (&'s str, RefOr<Response>) {
                    let example = serde_json::to_value(Self::example().problem()).unwrap_or_default();
                    let content = ContentBuilder::new()
                        .schema(Some(utoipa::openapi::Ref::from_schema_name("Problem")))
                        .example(Some(example))
                        .build();
                    (
                        stringify!($name),
                        ResponseBuilder::new().description($description).content(PROBLEM_JSON, content).build().into(),
                    )
                }
            }
        )*

        /// Every documented shared response with the error of its example.
        pub fn documented_examples() -> Vec<(&'static str, ApiError)> {
            vec![$((stringify!($name), $name::example())),*]
        }
    };
}

problem_responses! {
    BadRequest => "Malformed JSON, or invalid query or path parameters (each named in `errors`: `/path/plan_id`, `/query/limit`; unknown query parameters too).",
        ApiError::BadRequest {
            detail: "/path/plan_id: must be a UUID (e.g. 0192f7a4-5b6c-7d8e-9f00-112233445566)".into(),
            errors: vec![FieldError::new("/path/plan_id", "format", "must be a UUID (e.g. 0192f7a4-5b6c-7d8e-9f00-112233445566)")],
        };
    Unauthorized => "No credentials, or invalid ones (expired, revoked, wrong signature…). Send `Authorization: Bearer <access token or API token>`; the `WWW-Authenticate` header says why.",
        ApiError::Unauthenticated;
    Forbidden => "Authenticated, but this role (or this API token's scopes) may not do this to this object.",
        ApiError::Forbidden("only the secretariat (admin) may manage departments".into());
    TooManyRequests => "Too many failed logins for this account or address, or (public reads) too much computation caused from this address by reads that were not cached; `Retry-After` says when to try again.",
        ApiError::TooManyRequests { retry_after: 900 };
    NotFound => "No such resource (or not visible to the caller).",
        ApiError::NotFound("plan not found".into());
    Conflict => "The request conflicts with the current state (for example deleting a node that still has children).",
        ApiError::Conflict("the node still has 2 child nodes and 0 initiatives".into());
    PreconditionFailed => "`If-Match` does not match the current ETag: someone changed the resource since you read it.",
        ApiError::PreconditionFailed;
    PayloadTooLarge => "The request body exceeds the size limit.",
        ApiError::PayloadTooLarge { limit: 1048576 };
    UnsupportedMediaType => "The request body has the wrong Content-Type.",
        ApiError::UnsupportedMediaType("expected Content-Type application/json, got text/plain".into());
    UnprocessableEntity => "Well-formed JSON that is invalid: every bad field is listed in `errors` with its JSON pointer.",
        ApiError::Validation(vec![
            FieldError::new("/title", "max_length", "must be at most 300 characters (it has 301)"),
            FieldError::new("/start_fy", "required", "is required"),
        ]);
    ServiceUnavailable => "The database is unreachable or busy; retry after `Retry-After` seconds.",
        ApiError::Unavailable("database unavailable".into());
    InternalError => "Unexpected server fault; details are logged with the request id, never returned.",
        ApiError::Internal("example".into());
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::result::{DatabaseErrorKind, Error};

    fn database_error(kind: DatabaseErrorKind, message: &str) -> ApiError {
        ApiError::from(Error::DatabaseError(kind, Box::new(message.to_string())))
    }

    #[test]
    fn a_database_going_away_is_unavailable_not_internal() {
        for message in [
            "terminating connection due to administrator command",
            "server closed the connection unexpectedly",
            "FATAL:  the database system is shutting down",
        ] {
            let e = database_error(DatabaseErrorKind::Unknown, message);
            assert_eq!(e.status_code(), StatusCode::SERVICE_UNAVAILABLE, "{message}");
        }
        assert_eq!(ApiError::from(Error::BrokenTransactionManager).status_code(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            database_error(DatabaseErrorKind::Unknown, "syntax error").status_code(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }

    #[test]
    fn contention_is_unavailable_not_internal() {
        for message in ["database is locked", "deadlock detected", "canceling statement due to lock timeout"] {
            let e = database_error(DatabaseErrorKind::Unknown, message);
            assert_eq!(e.status_code(), StatusCode::SERVICE_UNAVAILABLE, "{message}");
            assert!(e.error_response().headers().contains_key(header::RETRY_AFTER));
        }
        let e = database_error(DatabaseErrorKind::SerializationFailure, "could not serialize access");
        assert_eq!(e.status_code(), StatusCode::SERVICE_UNAVAILABLE);
        let e = database_error(DatabaseErrorKind::Unknown, "syntax error");
        assert_eq!(e.status_code(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn constraint_names_stay_in_the_log() {
        let e = database_error(
            DatabaseErrorKind::UniqueViolation,
            "duplicate key value violates unique constraint \"departments_name_key\"",
        );
        assert_eq!(e.status_code(), StatusCode::CONFLICT);
        assert!(!e.problem().detail.contains("departments_name_key"));
    }
}
