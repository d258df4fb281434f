//! Request plumbing shared by every resource: JSON bodies, merge patches, `If-Match`,
//! ETags, pagination, path/query parameter errors.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use base64::Engine;
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::IntoParams;

use crate::error::{ApiError, ApiResult, FieldError};

/// Body size limits (bytes), from configuration.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimits {
    pub json: usize,
    pub bundle: usize,
}

impl Default for BodyLimits {
    fn default() -> Self {
        BodyLimits { json: 1024 * 1024, bundle: 32 * 1024 * 1024 }
    }
}

/// The media type of a request's body (lower case, without parameters), and its `charset`.
pub fn content_type(req: &HttpRequest) -> (String, Option<String>) {
    split_content_type(req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or(""))
}

/// A `Content-Type` value's media type (lower case) and `charset`.
pub fn split_content_type(raw: &str) -> (String, Option<String>) {
    let mut parts = raw.split(';');
    let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v.trim().trim_matches('"').to_string());
    (media, charset)
}

/// Reads a body's bytes: checks the content type, the content coding and the size.
async fn read_body(
    req: &HttpRequest,
    payload: &mut Payload,
    limit: usize,
    accept_merge_patch: bool,
) -> ApiResult<web::BytesMut> {
    let (content_type, _) = content_type(req);
    let json_ok = content_type == "application/json";
    let patch_ok = accept_merge_patch && content_type == "application/merge-patch+json";
    if !(json_ok || patch_ok) {
        let expected =
            if accept_merge_patch { "application/merge-patch+json (or application/json)" } else { "application/json" };
        let got = if content_type.is_empty() { "none".to_string() } else { content_type };
        return Err(ApiError::UnsupportedMediaType(format!("expected Content-Type {expected}, got {got}")));
    }
    read_limited(req, payload, limit).await
}

/// Reads a body of any type up to `limit` bytes; compressed bodies are refused.
async fn read_limited(req: &HttpRequest, payload: &mut Payload, limit: usize) -> ApiResult<web::BytesMut> {
    // Compressed bodies are not decoded: reading `br` or `gzip` bytes as JSON would be wrong.
    for coding in req.headers().get_all(header::CONTENT_ENCODING) {
        let coding = coding.to_str().unwrap_or("?").trim().to_ascii_lowercase();
        if !(coding.is_empty() || coding == "identity") {
            return Err(ApiError::UnsupportedMediaType(format!(
                "Content-Encoding {coding} is not supported: send the body uncompressed"
            )));
        }
    }
    let declared =
        req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(ApiError::PayloadTooLarge { limit });
    }
    // Sized once from Content-Length (within the limit), so that growing it never doubles.
    let mut body = web::BytesMut::with_capacity(declared.unwrap_or(0).min(limit));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::bad_param("/body", format!("cannot read body: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// An uploaded file (a spreadsheet) within the bundle size limit; nothing is read until the
/// handler has authorized the caller and calls [`FileBody::read`].
pub struct FileBody {
    req: HttpRequest,
    payload: Payload,
}

impl FromRequest for FileBody {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        std::future::ready(Ok(FileBody { req: req.clone(), payload: payload.take() }))
    }
}

/// An uploaded file's bytes with what its `Content-Type` says.
pub struct UploadedFile {
    pub bytes: web::Bytes,
    /// The media type, lower case (`text/csv`).
    pub media: String,
    pub charset: Option<String>,
    /// The whole header (a multipart body's boundary is in it).
    pub content_type: String,
}

impl FileBody {
    /// The body, at most `limit` bytes, when its media type is one of `accepted` (else 415
    /// listing them).
    pub async fn read(mut self, accepted: &[&str], limit: usize) -> ApiResult<UploadedFile> {
        let (media, charset) = content_type(&self.req);
        if !accepted.contains(&media.as_str()) {
            let got = if media.is_empty() { "none".to_string() } else { media };
            return Err(ApiError::UnsupportedMediaType(format!(
                "expected Content-Type {}, got {got}",
                accepted.join(", ")
            )));
        }
        let content_type =
            self.req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let bytes = read_limited(&self.req, &mut self.payload, limit).await?.freeze();
        Ok(UploadedFile { bytes, media, charset, content_type })
    }
}

pub mod codings;
mod json;
mod large;

use json::parse_against;
pub use json::{at_most, control_character_errors, parse_json, parse_large_json};
pub use large::{read_element, read_head, read_large_object, LargeObject};

macro_rules! json_extractor {
    ($(#[$doc:meta])* $name:ident, $limit:ident, $merge_patch:literal) => {
        $(#[$doc])*
        ///
        /// Nothing is read when the handler is called: it authorizes the caller first, then
        /// calls [`Self::read`], so a caller who may not use the operation never has a body parsed.
        pub struct $name<T> {
            req: HttpRequest,
            payload: Payload,
            kind: std::marker::PhantomData<T>,
        }

        impl<T: DeserializeOwned + 'static> FromRequest for $name<T> {
            type Error = ApiError;
            type Future = std::future::Ready<Result<Self, ApiError>>;

            fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
                std::future::ready(Ok($name { req: req.clone(), payload: payload.take(), kind: std::marker::PhantomData }))
            }
        }

        impl<T: DeserializeOwned + utoipa::ToSchema + 'static> $name<T> {
            /// Reads and parses the body (size, content type and coding checked first), against
            /// the schema the document gives it.
            pub async fn read(mut self) -> ApiResult<T> {
                let limits = self.req.app_data::<web::Data<BodyLimits>>().map(|l| *l.get_ref()).unwrap_or_default();
                let body = read_body(&self.req, &mut self.payload, limits.$limit, $merge_patch).await?;
                parse_against::<T>(&body, Some(&T::name()))
            }

            /// The body's bytes (size, content type and coding checked), to be parsed off the
            /// HTTP workers ([`read_large_object`]).
            pub async fn read_bytes(mut self) -> ApiResult<web::Bytes> {
                let limits = self.req.app_data::<web::Data<BodyLimits>>().map(|l| *l.get_ref()).unwrap_or_default();
                Ok(read_body(&self.req, &mut self.payload, limits.$limit, $merge_patch).await?.freeze())
            }
        }
    };
}

json_extractor!(
    /// A JSON request body (`application/json`) within the normal size limit.
    JsonBody, json, false
);
json_extractor!(
    /// A large JSON request body (`application/json`, a batch) within the bundle size limit,
    /// checked against its schema like any other.
    LargeJsonBody, bundle, false
);
json_extractor!(
    /// A JSON merge patch (RFC 7396, `application/merge-patch+json`; `application/json` is accepted too).
    MergePatch, json, true
);

/// A whole plan bundle: JSON with the larger bundle size limit, parsed straight into its shape.
pub struct BundleBody<T> {
    inner: JsonBody<T>,
}

impl<T: DeserializeOwned + 'static> FromRequest for BundleBody<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        std::future::ready(Ok(BundleBody {
            inner: JsonBody { req: req.clone(), payload: payload.take(), kind: std::marker::PhantomData },
        }))
    }
}

impl<T: DeserializeOwned + Serialize + Send + 'static> BundleBody<T> {
    /// Reads and parses the bundle; call it only after the caller is authorized. Parsing (seconds
    /// for a large bundle) runs off the HTTP workers, which keep answering meanwhile.
    pub async fn read(self) -> ApiResult<T> {
        let JsonBody { req, mut payload, .. } = self.inner;
        let limits = req.app_data::<web::Data<BodyLimits>>().map(|l| *l.get_ref()).unwrap_or_default();
        let body = read_body(&req, &mut payload, limits.bundle, false).await?;
        web::block(move || parse_large_json(&body))
            .await
            .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))?
    }
}

/// For merge-patch fields: absent → `None`, `null` → `Some(None)`, value → `Some(Some(v))`.
pub fn patch_field<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// A required field in a merge patch: absent → keep, value → set, `null` → 422.
pub fn required_in_patch<T>(field: &str, value: Option<Option<T>>) -> ApiResult<Option<T>> {
    match value {
        None => Ok(None),
        Some(Some(v)) => Ok(Some(v)),
        Some(None) => Err(ApiError::invalid(format!("/{field}"), "required", "must not be null")),
    }
}

/// Applies a JSON merge patch to the current state of a resource, field by field: `required`
/// fields may be absent (kept) but not `null` (422); `nullable` fields may also be `null` (cleared).
#[macro_export]
macro_rules! merge_patch {
    ($current:ident, $patch:ident, required: [$($r:ident),* $(,)?], nullable: [$($n:ident),* $(,)?]) => {
        $(
            if let Some(value) = $crate::web::http::required_in_patch(stringify!($r), $patch.$r)? {
                $current.$r = value.into();
            }
        )*
        $(
            if let Some(value) = $patch.$n {
                $current.$n = value;
            }
        )*
    };
}

/// Strong ETag of a versioned row.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// The `If-Match` precondition of a write.
pub struct IfMatch(Option<Vec<String>>);

impl IfMatch {
    /// 412 unless the header is absent, `*`, or lists the current ETag.
    pub fn check(&self, current_version: i32) -> ApiResult<()> {
        let Some(tags) = &self.0 else { return Ok(()) };
        let current = etag(current_version);
        let matches = tags.iter().any(|t| t == "*" || t == &current);
        if matches {
            Ok(())
        } else {
            Err(ApiError::PreconditionFailed)
        }
    }
}

impl IfMatch {
    /// Whether the request carries `If-Match` at all.
    pub fn is_present(&self) -> bool {
        self.0.is_some()
    }

    /// A precondition naming these tags (as a request's `If-Match: "3", "4"` would).
    pub fn tags(tags: &[&str]) -> IfMatch {
        IfMatch(Some(tags.iter().map(|t| t.to_string()).collect()))
    }

    /// No precondition (for writes whose request carries no `If-Match`).
    pub fn none() -> IfMatch {
        IfMatch(None)
    }

    /// The outcome of a versioned write, `UPDATE … WHERE id = ? AND version = ?`: the database
    /// decides. No row means the version moved after it was read: 412 when the client sent a tag,
    /// 409 otherwise (writes lock the row before reading it, so this is a guard, not the rule).
    pub fn applied(&self, rows: usize) -> ApiResult<()> {
        match (rows, &self.0) {
            (1, _) => Ok(()),
            (_, Some(_)) => Err(ApiError::PreconditionFailed),
            (_, None) => Err(ApiError::Conflict("the resource was changed concurrently; read it again".into())),
        }
    }
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // A value that is not visible ASCII is still a precondition: one that matches no tag (412).
        let values: Vec<String> = req
            .headers()
            .get_all(header::IF_MATCH)
            .map(|v| v.to_str().unwrap_or("\u{0}unreadable"))
            .flat_map(|v| v.split(','))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        std::future::ready(Ok(IfMatch((!values.is_empty()).then_some(values))))
    }
}

/// Whether the request's `If-None-Match` names `tag` (or is `*`): the weak comparison of
/// RFC 9110 §13.1.2, so `W/"x"` matches `"x"`; lists and repeated headers are read whole.
pub fn if_none_match(req: &HttpRequest, tag: &str) -> bool {
    req.headers()
        .get_all(header::IF_NONE_MATCH)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim())
        .any(|t| t == "*" || t.trim_start_matches("W/") == tag)
}

/// `200 OK` with a body of `content_type`, its ETag and `Cache-Control`; `304 Not Modified`
/// (the same headers, no body) when the request's `If-None-Match` already names the tag.
pub fn conditional(
    req: &HttpRequest,
    body: Vec<u8>,
    content_type: &str,
    etag: &str,
    cache_control: &str,
) -> HttpResponse {
    let fresh = if_none_match(req, etag);
    let mut response = if fresh { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    response
        .insert_header((header::ETAG, etag.to_string()))
        .insert_header((header::CACHE_CONTROL, cache_control.to_string()));
    if fresh {
        response.finish()
    } else {
        response.content_type(content_type.to_string()).body(body)
    }
}

/// `200 OK` with the resource's ETag.
pub fn ok_with_etag<T: Serialize>(body: &T, version: i32) -> HttpResponse {
    HttpResponse::Ok().insert_header((header::ETAG, etag(version))).json(body)
}

/// `201 Created` with `Location` and ETag.
pub fn created<T: Serialize>(body: &T, location: String, version: i32) -> HttpResponse {
    HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .insert_header((header::ETAG, etag(version)))
        .json(body)
}

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 500;

/// Pagination parameters shared by every list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page size, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500, example = 50)]
    pub limit: Option<i64>,
    /// Opaque cursor from the previous page's `next_cursor` (empty or absent: the first page).
    pub cursor: Option<String>,
}

/// A validated page request: the position after which to continue, and the page size.
#[derive(Debug)]
pub struct PageRequest {
    pub after: Option<(String, String)>,
    pub limit: i64,
}

impl PageParams {
    pub fn validate(&self) -> ApiResult<PageRequest> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::bad_param("/query/limit", format!("must be between 1 and {MAX_LIMIT}")));
        }
        let after = match self.cursor.as_deref().filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => Some(decode_cursor(c).ok_or_else(|| ApiError::bad_param("/query/cursor", "invalid cursor"))?),
        };
        Ok(PageRequest { after, limit })
    }
}

/// Cursors are the (sort key, id) of the last item, base64url-encoded JSON: opaque to clients.
pub fn encode_cursor(sort_key: &str, id: &str) -> String {
    let json = serde_json::to_vec(&(sort_key, id)).unwrap_or_default();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
}

fn decode_cursor(cursor: &str) -> Option<(String, String)> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(cursor).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Splits one extra fetched row off a page and builds `next_cursor` from the last item.
pub fn finish_page<R>(mut rows: Vec<R>, limit: i64, key: impl Fn(&R) -> (String, String)) -> (Vec<R>, Option<String>) {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = if more {
        rows.last().map(|r| {
            let (k, id) = key(r);
            encode_cursor(&k, &id)
        })
    } else {
        None
    };
    (rows, next)
}

/// Path parameters are checked against the document before routing (see [`crate::web::contract`]);
/// what still fails to parse here is named by the parameters of the matched route.
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|_, req| {
        let errors: Vec<FieldError> = req
            .match_info()
            .iter()
            .filter(|(name, value)| name.ends_with("_id") && uuid::Uuid::try_parse(value).is_err())
            .map(|(name, _)| FieldError::new(format!("/path/{name}"), "format", "must be a UUID"))
            .collect();
        let errors = if errors.is_empty() {
            vec![FieldError::new("/path", "invalid_type", "invalid path parameter")]
        } else {
            errors
        };
        ApiError::BadRequest { detail: format!("{}: {}", errors[0].field, errors[0].message), errors }.into()
    })
}

/// Query parameters of a list: lists may be repeated (`?a=1&a=2`) or comma-separated
/// (`?a=1,2`). The parameters were checked against the document before routing (unknown ones,
/// types, ranges: all named at once), so this only reads them into their typed form.
pub struct Query<T>(pub T);

impl<T> Query<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Query<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + IntoParams> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(parse_query::<T>(req.query_string()).map(Query))
    }
}

fn parse_query<T: DeserializeOwned + IntoParams>(query: &str) -> ApiResult<T> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
    let mut fields = serde_json::Map::new();
    for param in T::into_params(|| Some(utoipa::openapi::path::ParameterIn::Query)) {
        let values: Vec<&str> = pairs.iter().filter(|(k, _)| *k == param.name).map(|(_, v)| v.as_str()).collect();
        if values.is_empty() {
            continue;
        }
        let schema = serde_json::to_value(&param.schema)?;
        fields.insert(param.name.clone(), crate::web::contract::get().query_value(&schema, &values));
    }
    serde_json::from_value(serde_json::Value::Object(fields)).map_err(|e| {
        // A required parameter that is absent is named like every other bad parameter.
        let message = e.to_string();
        match message.strip_prefix("missing field `").and_then(|rest| rest.split_once('`')) {
            Some((name, _)) => {
                let error = FieldError::new(format!("/query/{name}"), "required", "is required");
                ApiError::BadRequest { detail: format!("/query/{name}: is required"), errors: vec![error] }
            }
            None => ApiError::bad_param("/query", format!("invalid query parameters: {message}")),
        }
    })
}
