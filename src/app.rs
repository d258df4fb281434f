//! The HTTP application: routes, middleware (request id, access log), docs page, server.

use std::net::TcpListener;
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{Server, Service, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::Method;
use actix_web::{get, web, App, HttpMessage, HttpRequest, HttpResponse, HttpServer};
use futures_util::future::Either;
use serde::Serialize;
use tracing::Instrument;
use utoipa::{OpenApi, ToSchema};
use utoipa_actix_web::{scope, AppExt};

use crate::error::{self, ApiError, ApiResult};
use crate::resources::{
    api_tokens, audit_events, batches, bundles, departments, indicators, initiatives, me, nodes, packet, plans, public,
    reports, sessions, sheets, summaries, users, webhooks,
};
use crate::web::http::{self as api_http, BodyLimits};
use crate::web::openapi::ApiDoc;
use crate::web::state::{AppState, RequestId};

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Every route, with the OpenAPI document collected from them.
pub fn routes() -> (
    App<
        impl ServiceFactory<
            ServiceRequest,
            Config = (),
            Response = ServiceResponse<impl MessageBody>,
            Error = actix_web::Error,
            InitError = (),
        >,
    >,
    utoipa::openapi::OpenApi,
) {
    let (app, mut api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(healthz)
        .service(readyz)
        .service(public::get_public_page)
        .service(
            scope::scope("/api/v1")
                .service(departments::list_departments)
                .service(departments::create_department)
                .service(departments::get_department)
                .service(departments::update_department)
                .service(departments::delete_department)
                .service(plans::list_plans)
                .service(plans::create_plan)
                .service(plans::get_plan)
                .service(plans::update_plan)
                .service(plans::delete_plan)
                .service(nodes::list_nodes)
                .service(nodes::create_node)
                .service(nodes::get_node)
                .service(nodes::update_node)
                .service(nodes::delete_node)
                .service(initiatives::list_initiatives)
                .service(initiatives::create_initiative)
                .service(initiatives::get_initiative)
                .service(initiatives::update_initiative)
                .service(initiatives::delete_initiative)
                .service(indicators::list_indicators)
                .service(indicators::create_indicator)
                .service(indicators::get_indicator)
                .service(indicators::update_indicator)
                .service(indicators::delete_indicator)
                .service(indicators::revise_indicator)
                .service(indicators::list_targets)
                .service(indicators::create_target)
                .service(indicators::get_target)
                .service(indicators::update_target)
                .service(indicators::delete_target)
                .service(indicators::revise_target)
                .service(reports::annual::get_report)
                .service(reports::annual::put_report)
                .service(reports::annual::submit_report)
                .service(reports::annual::return_report)
                .service(reports::annual::review_report)
                .service(reports::annual::publish_report)
                .service(reports::annual::correct_report)
                .service(reports::quarters::put_quarter)
                .service(reports::comments::list_comments)
                .service(reports::comments::create_comment)
                .service(reports::history::list_revisions)
                .service(reports::history::get_revision)
                .service(reports::history::diff_revisions)
                .service(reports::values::list_indicator_values)
                .service(reports::values::put_indicator_value)
                .service(reports::values::list_target_values)
                .service(reports::values::put_target_value)
                .service(batches::post_progress_batch)
                .service(sheets::export_progress_sheet)
                .service(sheets::import_progress_sheet)
                .service(packet::export_progress_report)
                .service(reports::timeline::get_timeline)
                .service(reports::timeline::list_reports)
                .service(summaries::plan::get_plan_summary)
                .service(summaries::plan::get_plan_trend)
                .service(summaries::department::get_department_summary)
                .service(summaries::department::list_overdue)
                .service(public::list_public_plans)
                .service(public::get_public_plan)
                .service(public::get_public_summary)
                .service(public::get_public_summary_csv)
                .service(public::get_public_trend)
                .service(public::get_ratings_chart)
                .service(public::get_trend_chart)
                .service(public::get_public_timeline)
                .service(bundles::import_bundle)
                .service(bundles::export_bundle)
                .service(sessions::sign_in)
                .service(sessions::refresh)
                .service(sessions::sign_out)
                .service(me::me)
                .service(me::update_me)
                .service(users::list_users)
                .service(users::create_user)
                .service(users::get_user)
                .service(users::update_user)
                .service(api_tokens::create_api_token)
                .service(api_tokens::list_api_tokens)
                .service(api_tokens::get_api_token)
                .service(api_tokens::revoke_api_token)
                .service(audit_events::list_audit_events)
                .service(webhooks::list_webhooks)
                .service(webhooks::create_webhook)
                .service(webhooks::get_webhook)
                .service(webhooks::update_webhook)
                .service(webhooks::delete_webhook)
                .service(webhooks::list_webhook_deliveries)
                .service(webhooks::test_webhook)
                // Inside the scope (which answers every /api/v1 path), not part of the document itself.
                .route("/openapi.json", web::get().to(openapi_json)),
        )
        .split_for_parts();
    // Sent, not answered: the due-date events' body (the document's `webhooks` refer to it).
    if let Some(components) = api.components.as_mut() {
        use utoipa::PartialSchema;
        components.schemas.insert("DueEvent".into(), summaries::due::DueEvent::schema());
        let mut nested = Vec::new();
        <summaries::due::DueEvent as ToSchema>::schemas(&mut nested);
        components.schemas.extend(nested);
    }
    crate::web::openapi::finish(&mut api);
    crate::web::contract::install(&api);
    (app, api)
}

/// The complete document, as served at `/api/v1/openapi.json` and committed at `openapi/openapi.json`.
/// Building it also installs the contract that requests are checked against.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, api) = routes();
    api
}

/// Pretty JSON with a trailing newline (the committed file's exact form).
pub fn document_json() -> String {
    crate::web::openapi::render(&document())
}

/// How the HTTP server runs.
#[derive(Debug, Clone, Default)]
pub struct ServerSettings {
    pub limits: BodyLimits,
    pub workers: Option<usize>,
    /// Origins allowed to call from browsers (CORS); empty: CORS off.
    pub cors_origins: Vec<String>,
    /// On SIGTERM/SIGINT, how long in-flight requests may take before their connections close.
    pub shutdown_timeout_seconds: u64,
}

fn cors(origins: &[String]) -> actix_cors::Cors {
    let mut cors = actix_cors::Cors::default()
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::IF_NONE_MATCH,
            HeaderName::from_static("idempotency-key"),
            REQUEST_ID,
        ])
        .expose_headers([header::ETAG, header::LOCATION, header::RETRY_AFTER, header::WWW_AUTHENTICATE, REQUEST_ID])
        .max_age(3600);
    for origin in origins {
        cors = cors.allowed_origin(origin);
    }
    cors
}

/// Builds the server on an already bound listener (tests bind port 0).
pub fn server(state: AppState, settings: ServerSettings, listener: TcpListener) -> std::io::Result<Server> {
    let state = web::Data::new(state);
    let limits = web::Data::new(settings.limits);
    let origins = settings.cors_origins.clone();
    let mut server = HttpServer::new(move || {
        let (app, api) = routes();
        let document = web::Data::new(OpenApiJson(
            serde_json::from_str(&crate::web::openapi::render(&api)).expect("the document is JSON"),
        ));
        let docs_config = web::Data::new(std::sync::Arc::new(
            utoipa_swagger_ui::Config::new(["/api/v1/openapi.json"]).validator_url("none"),
        ));
        app.app_data(state.clone())
            .app_data(document)
            .app_data(limits.clone())
            .app_data(api_http::path_config())
            .route("/docs", web::get().to(docs_redirect))
            .service(web::scope("/docs").app_data(docs_config).route("/{file:.*}", web::get().to(docs_file)))
            .default_service(web::to(not_found))
            // JSON, SVG, HTML and CSV go out gzip- or brotli-coded as the client accepts; a
            // coded body's tag carries its coding (web::http::codings).
            .wrap(actix_web::middleware::Compress::default())
            .wrap_fn(|mut req, srv| {
                let held = api_http::codings::strip(req.headers_mut());
                let response = srv.call(req);
                async move {
                    let mut res = response.await?;
                    let status = res.status();
                    api_http::codings::tag(res.headers_mut(), status, held);
                    Ok(res)
                }
            })
            .wrap(actix_web::middleware::Condition::new(!origins.is_empty(), cors(&origins)))
            .wrap_fn(|mut req, srv| {
                let request_id = request_id_of(&req);
                req.extensions_mut().insert(RequestId(request_id.clone()));
                // HEAD is answered as GET; the HTTP layer sends the headers without the body.
                if req.method() == Method::HEAD {
                    req.head_mut().method = Method::GET;
                }
                let method = req.method().to_string();
                let path = req.path().to_string();
                let span = tracing::info_span!("request", request_id = %request_id);
                let started = Instant::now();
                let in_flight = InFlight::start();
                let rejected = parameter_problem(&req);
                let response = match rejected {
                    Some(problem) => {
                        Either::Left(std::future::ready(Ok::<_, actix_web::Error>(req.error_response(problem))))
                    }
                    None => Either::Right(srv.call(req)),
                };
                async move {
                    let mut res = match response {
                        Either::Left(ready) => ready.await?,
                        Either::Right(call) => as_problem(call.await?.map_into_boxed_body()),
                    };
                    if let Ok(value) = HeaderValue::from_str(&request_id) {
                        res.headers_mut().insert(REQUEST_ID, value);
                    }
                    security_headers(&path, res.headers_mut());
                    // The route template, never the path: ids would make every series unique.
                    let route = res.request().match_pattern().unwrap_or_else(|| "unmatched".into());
                    let status = res.status().as_u16();
                    let metrics = &*crate::web::metrics::METRICS;
                    metrics.requests.with_label_values(&[route.as_str(), method.as_str(), &status.to_string()]).inc();
                    metrics
                        .latency
                        .with_label_values(&[route.as_str(), method.as_str()])
                        .observe(started.elapsed().as_secs_f64());
                    drop(in_flight);
                    // Who called (never a credential): the user, and the API token when one was used.
                    let (user_id, token_id) = res
                        .request()
                        .extensions()
                        .get::<crate::web::auth::Principal>()
                        .map(|p| {
                            (p.user_id.to_string(), p.token.as_ref().map(|t| t.id.to_string()).unwrap_or_default())
                        })
                        .unwrap_or_default();
                    tracing::info!(
                        %method, %path, %route, status,
                        latency_ms = latency_ms(started), %user_id, %token_id, "request"
                    );
                    Ok(res)
                }
                .instrument(span)
            })
    })
    .listen(listener)?;
    if let Some(n) = settings.workers {
        server = server.workers(n);
    }
    // Signals are handled by the caller (`shinchoku serve`), which stops every listener
    // gracefully: actix's own handling would stop the whole runtime as soon as the first
    // listener is done, cutting requests still in flight on the others, and treats SIGINT as
    // a forced stop.
    server = server.shutdown_timeout(settings.shutdown_timeout_seconds).disable_signals();
    Ok(server.run())
}

/// Counts a request in flight until dropped (also when the handler fails or the client goes away).
struct InFlight;

impl InFlight {
    fn start() -> InFlight {
        crate::web::metrics::METRICS.in_flight.inc();
        InFlight
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        crate::web::metrics::METRICS.in_flight.dec();
    }
}

/// The Prometheus endpoint on its own listener (`SHINCHOKU_METRICS_BIND`): `GET /metrics`.
pub fn metrics_server(pool: crate::db::Pool, listener: TcpListener) -> std::io::Result<Server> {
    let pool = web::Data::new(pool);
    Ok(HttpServer::new(move || {
        App::new().app_data(pool.clone()).route(
            "/metrics",
            web::get().to(|pool: web::Data<crate::db::Pool>| async move {
                HttpResponse::Ok()
                    .content_type("text/plain; version=0.0.4; charset=utf-8")
                    .body(crate::web::metrics::render(&pool))
            }),
        )
    })
    .workers(1)
    .disable_signals()
    .listen(listener)?
    .run())
}

/// Milliseconds with at most three decimals (whole microseconds divided by 1000 print exactly:
/// `0.02`, not `0.020006000000000003`).
fn latency_ms(started: Instant) -> f64 {
    started.elapsed().as_micros() as f64 / 1000.0
}

/// Uses the caller's `X-Request-Id` when it is a short token of safe characters (it goes into
/// logs and the audit trail), else a new UUID.
fn request_id_of(req: &ServiceRequest) -> String {
    req.headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '@' | '/' | '+' | '='))
        })
        .map(str::to_string)
        .unwrap_or_else(|| uuid::Uuid::now_v7().to_string())
}

/// Path and query parameters that do not fit the document (unknown ones included) are refused,
/// all named at once, before any handler sees the request.
fn parameter_problem(req: &ServiceRequest) -> Option<ApiError> {
    let errors = crate::web::contract::get().check_parameters(req.method().as_str(), req.path(), req.query_string());
    let first = errors.first()?;
    let detail = match errors.len() {
        1 => format!("{}: {}", first.field, first.message),
        n => format!("{n} parameters are invalid"),
    };
    Some(ApiError::BadRequest { detail, errors })
}

/// Responses that something other than a handler produced with an error status (a missing file
/// of the docs page, a framework's own refusal) leave as problem+json like every other error.
fn as_problem(res: ServiceResponse) -> ServiceResponse {
    let status = res.status();
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(error::PROBLEM_JSON.as_bytes()));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return res;
    }
    let mut problem = ApiError::for_status(status).problem();
    problem.status = status.as_u16();
    let (req, old) = res.into_parts();
    let mut new = HttpResponse::build(status);
    for (name, value) in old.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH && name != header::CONTENT_ENCODING {
            new.append_header((name.clone(), value.clone()));
        }
    }
    let body = serde_json::to_string(&problem).unwrap_or_default();
    ServiceResponse::new(req, new.content_type(error::PROBLEM_JSON).body(body))
}

/// Headers every response carries: no MIME sniffing, no framing, a content security policy
/// (the docs page runs Swagger UI's own scripts and styles; the API runs none), and no caching of
/// API answers unless an endpoint says otherwise (they hold tokens and internal data).
fn security_headers(path: &str, headers: &mut header::HeaderMap) {
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // The public page is made to be framed by the city's portal, and sets its own policy.
    if path.starts_with("/public/") && headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        return;
    }
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    let csp = if path.starts_with("/docs") {
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    } else {
        "default-src 'none'; frame-ancestors 'none'"
    };
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp));
    if path.starts_with("/api/") && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}

/// The OpenAPI document as served: the committed document, its server's default host and
/// scheme set to those the document was fetched from, so that the docs page and generated
/// clients reach this very server.
struct OpenApiJson(serde_json::Value);

async fn openapi_json(req: HttpRequest, document: web::Data<OpenApiJson>) -> HttpResponse {
    let mut document = document.0.clone();
    let info = req.connection_info();
    if let Some(variables) = document.pointer_mut("/servers/0/variables") {
        variables["host"]["default"] = info.host().into();
        if matches!(info.scheme(), "http" | "https") {
            variables["scheme"]["default"] = info.scheme().into();
        }
    }
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    HttpResponse::Ok().content_type("application/json").body(text)
}

/// The docs page (Swagger UI, vendored): titled after the service, compressed when the client
/// accepts it, its static files cacheable (they change only with a new build), and the page
/// itself revalidated by ETag.
async fn docs_file(
    req: HttpRequest,
    config: web::Data<std::sync::Arc<utoipa_swagger_ui::Config<'static>>>,
) -> ApiResult<HttpResponse> {
    use std::hash::{Hash, Hasher};
    let name = req.match_info().get("file").unwrap_or_default();
    let file = utoipa_swagger_ui::serve(name, config.get_ref().clone())
        .map_err(|e| ApiError::Internal(format!("docs page: {e}")))?
        .ok_or_else(|| ApiError::NotFound(format!("the docs page has no file {name}")))?;
    let page = name.is_empty() || name == "index.html";
    let body = if page {
        String::from_utf8_lossy(&file.bytes)
            .replace("<title>Swagger UI</title>", "<title>Shinchoku API — 進捗管理 API documentation</title>")
            .into_bytes()
    } else {
        file.bytes.into_owned()
    };
    let mut hasher = std::hash::DefaultHasher::new();
    body.hash(&mut hasher);
    let tag = format!("\"{}-{:016x}\"", env!("CARGO_PKG_VERSION"), hasher.finish());
    // The page and its configuration are revalidated; the library's files are kept a day.
    let cache = if page || name == "swagger-initializer.js" { "no-cache" } else { "public, max-age=86400" };
    Ok(api_http::conditional(&req, body, &file.content_type, &tag, cache))
}

async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect().insert_header((header::LOCATION, "/docs/")).finish()
}

async fn not_found(req: HttpRequest) -> ApiResult<HttpResponse> {
    match crate::web::contract::get().allow(req.path()) {
        Some(allow) => Err(ApiError::MethodNotAllowed { allow }),
        None => Err(ApiError::NotFound(format!("no route for {} {}", req.method(), req.path()))),
    }
}

/// Health of this process.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: String,
}

/// Liveness
///
/// The process is up. Does not touch the database.
#[utoipa::path(tag = "operations", security(()), responses((status = 200, description = "Alive", body = Health)))]
#[get("/healthz")]
pub async fn healthz() -> web::Json<Health> {
    web::Json(Health { status: "ok".into() })
}

/// Readiness of this process, with what an operator should look at.
#[derive(Debug, Serialize, ToSchema)]
pub struct Readiness {
    #[schema(example = "ready")]
    pub status: String,
    /// Problems that do not make the service unready, e.g. webhook deliveries that failed for
    /// good (`GET /api/v1/webhooks` shows which).
    #[schema(example = json!(["2 webhook deliveries failed for good"]))]
    pub warnings: Vec<String>,
}

/// Readiness
///
/// The database is reachable and every migration is applied. Warnings (such as webhook
/// deliveries that failed for good) never make it unready.
#[utoipa::path(
    tag = "operations",
    security(()),
    responses(
        (status = 200, description = "Ready", body = Readiness),
        (status = 503, response = error::ServiceUnavailable),
    )
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> ApiResult<web::Json<Readiness>> {
    let complete = state.db(|conn| crate::db::migrations_complete(conn).map_err(ApiError::Unavailable)).await?;
    if complete {
        let failed = state.db(crate::ops::delivery::failed_count).await.unwrap_or(0);
        let warnings = match failed {
            0 => Vec::new(),
            1 => vec!["1 webhook delivery failed for good".to_string()],
            n => vec![format!("{n} webhook deliveries failed for good")],
        };
        Ok(web::Json(Readiness { status: "ready".into(), warnings }))
    } else {
        Err(ApiError::Unavailable("migrations pending".into()))
    }
}
