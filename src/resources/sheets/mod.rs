//! The progress sheet (進行管理シート) out and in: the plan's initiatives for a fiscal year, one
//! row each, as an Excel workbook or CSV; uploaded back (edited in Excel) through the batch.

pub mod files;
pub mod import;
pub mod layout;
pub mod rows;
pub mod upload;

use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use self::files::CsvEncoding;
use self::import::{ImportOptions, KeepMine, SheetImportResult};
use self::upload::ReadSheet;
use crate::auth::{Caller, Principal};
use crate::db::{self, DbConnection};
use crate::enums::{ProgressStatus, QuarterMark, WorkflowState};
use crate::error::{self, ApiError, ApiResult};
use crate::fiscal_year;
use crate::http::{self, FileBody};
use crate::policy;
use crate::resources::plans;
use crate::state::{Actor, AppState};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SheetFormat {
    Xlsx,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
pub enum SheetEncoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "shift_jis")]
    ShiftJis,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SheetExportParams {
    /// The fiscal year (in the plan period).
    #[param(example = 2022, minimum = 1989, maximum = 2200)]
    pub fiscal_year: i32,
    /// `xlsx` (default) or `csv`; without it, `Accept: text/csv` chooses CSV.
    #[param(inline)]
    pub format: Option<SheetFormat>,
    /// CSV only: `utf-8` (default, with BOM, for Excel) or `shift_jis` (CP932, for older tools).
    #[param(inline)]
    pub encoding: Option<SheetEncoding>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SheetImportParams {
    /// The fiscal year the sheet is for (its indicator columns name it).
    #[param(example = 2022, minimum = 1989, maximum = 2200)]
    pub fiscal_year: i32,
    /// Check everything and answer what would change, writing nothing.
    pub dry_run: Option<bool>,
    /// Cells of an edit conflict to write anyway over the newer value: `all`, or cells as the
    /// conflict answer names them, `行:列` separated by commas (`12:実績,14:自己評価`).
    #[param(example = "12:実績")]
    pub keep_mine: Option<String>,
}

/// The uploaded or downloaded file.
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct SheetFile(#[allow(dead_code)] Vec<u8>);

/// A sheet as a file: its bytes, media type and file name.
pub struct SheetDownload {
    pub bytes: Vec<u8>,
    pub content_type: String,
    pub file_name: String,
}

/// The rating scale, progress statuses, quarter marks and workflow states, for the legend sheet.
fn legend(plan: &plans::Plan) -> ApiResult<Vec<(String, String, String)>> {
    let mut rows = Vec::new();
    for grade in plan.rating_scale()? {
        rows.push(("自己評価・委員会評価".to_string(), grade.code.clone(), grade.label.clone()));
    }
    for status in ProgressStatus::ALL {
        rows.push(("進捗状況".to_string(), status.label().to_string(), status.as_str().to_string()));
    }
    for mark in QuarterMark::ALL {
        let meaning = match mark {
            QuarterMark::Done => "実施した",
            QuarterMark::NotDone => "実施できなかった",
            QuarterMark::NotApplicable => "該当なし",
        };
        rows.push(("四半期の進捗".to_string(), mark.label().to_string(), meaning.to_string()));
    }
    for state in WorkflowState::ALL {
        rows.push(("状態".to_string(), state.label().to_string(), state.as_str().to_string()));
    }
    rows.push(("状態".to_string(), "未提出".to_string(), "報告がない、またはまだ提出されていない".to_string()));
    rows.push((
        "再掲".to_string(),
        layout::RELISTED.to_string(),
        "他の施策にも掲載される取組（最初の行で入力）".to_string(),
    ));
    rows.push((
        "入力".to_string(),
        "白い列".to_string(),
        "入力できる列（灰色の列は参照用で、取り込まれません）".to_string(),
    ));
    Ok(rows)
}

/// The sheet of a plan for a fiscal year as the caller may see it, as a file.
pub fn export(
    conn: &mut DbConnection,
    principal: &Principal,
    plan_id: Uuid,
    fy: i32,
    format: SheetFormat,
    encoding: CsvEncoding,
) -> ApiResult<SheetDownload> {
    let plan = plans::load(conn, plan_id)?;
    let (layout, rows) = rows::load(conn, principal, &plan, fy)?;
    let cells: Vec<Vec<layout::Cell>> =
        rows.iter().map(|r| layout.columns.iter().map(|c| r.data.cell(c.field)).collect()).collect();
    let label = fiscal_year::label(fy);
    let title = format!("{} 進行管理シート（{label}）", plan.title);
    Ok(match format {
        SheetFormat::Xlsx => SheetDownload {
            bytes: files::xlsx_bytes(&title, &layout.columns, &cells, &legend(&plan)?)?,
            content_type: files::XLSX.to_string(),
            file_name: format!("{title}.xlsx"),
        },
        SheetFormat::Csv => SheetDownload {
            bytes: files::csv_bytes(&layout.columns, &cells, encoding)?,
            content_type: match encoding {
                CsvEncoding::Utf8 => format!("{}; charset=utf-8", files::CSV),
                CsvEncoding::ShiftJis => format!("{}; charset=shift_jis", files::CSV),
            },
            file_name: format!("{title}.csv"),
        },
    })
}

/// Imports a sheet read from its file in its own transaction (rolled back for a dry run).
pub fn import_sheet(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    fy: i32,
    sheet: ReadSheet,
    options: ImportOptions,
) -> ApiResult<SheetImportResult> {
    let dry_run = options.dry_run;
    let work = |conn: &mut DbConnection| import::import(conn, principal, actor, plan_id, fy, sheet, options);
    if dry_run {
        db::dry_run_transaction(conn, work)
    } else {
        db::write_transaction(conn, work)
    }
}

/// Reads an uploaded file (a multipart body's one file, or the body itself), bounded by
/// [`upload::LIMITS`]. Runs on a blocking thread: call it through `web::block`.
pub fn read_upload(bytes: &[u8], media: &str, charset: Option<&str>, content_type: &str) -> ApiResult<ReadSheet> {
    if media == "multipart/form-data" {
        let (file, part_type) = upload::multipart_file(bytes, content_type)?;
        let (_, part_charset) = http::split_content_type(&part_type);
        return upload::read(&file, part_charset.as_deref(), upload::LIMITS);
    }
    upload::read(bytes, charset, upload::LIMITS)
}

/// `Content-Disposition` with an ASCII fallback and the Japanese name (RFC 6266, RFC 8187).
fn disposition(file_name: &str) -> String {
    let ascii: String =
        file_name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect();
    let encoded: String = file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b".-_".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// Export the progress sheet
///
/// The plan's initiatives active in the fiscal year, one row each in plan order (a
/// cross-listed initiative again under each of its other nodes, marked ※再掲), with the
/// hierarchy, No., 取組, 担当課, the report's state and fields (年度計画, 実績, 課題, 今後の方向性,
/// 進捗状況, 自己評価, 委員会評価, 委員会意見), each quarter's 計画, 実績 and ○ × — for quarterly
/// plans, and each indicator's target and actual for the year. The caller sees what they may
/// see of each report (other departments' reports once handed in).
///
/// `xlsx`: frozen header and identifying columns, column widths, wrapped text, read-only
/// columns shaded, A4 landscape one page wide, the legend on a second sheet. `csv`: UTF-8 with
/// BOM (Excel opens it as it is) or `encoding=shift_jis`.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "reports",
    params(("plan_id" = Uuid, Path, description = "Plan id"), SheetExportParams),
    responses(
        (status = 200, description = "The sheet",
            content((SheetFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (SheetFile = "text/csv")),
            headers(("Content-Disposition" = String, description = "attachment, with the file name (進行管理シート)"))),
        (status = 404, response = error::NotFound),
        (status = 422, response = error::UnprocessableEntity),
    )
)]
#[get("/plans/{plan_id}/progress-sheet")]
pub async fn export_progress_sheet(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    req: HttpRequest,
    params: http::Query<SheetExportParams>,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let plan_id = path.into_inner();
    let params = params.into_inner();
    let accept = req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or("");
    let format = params.format.unwrap_or(if accept.contains("text/csv") && !accept.contains(files::XLSX) {
        SheetFormat::Csv
    } else {
        SheetFormat::Xlsx
    });
    let encoding = match params.encoding {
        Some(SheetEncoding::ShiftJis) => CsvEncoding::ShiftJis,
        _ => CsvEncoding::Utf8,
    };
    let fy = params.fiscal_year;
    let download = state.db(move |conn| export(conn, &principal, plan_id, fy, format, encoding)).await?;
    Ok(HttpResponse::Ok()
        .content_type(download.content_type)
        .insert_header((header::CONTENT_DISPOSITION, disposition(&download.file_name)))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(download.bytes))
}

/// Import a progress sheet
///
/// The progress sheet as exported, edited in Excel: XLSX, or CSV in UTF-8 (with or without
/// BOM) or Shift_JIS / CP932 (detected, or named by the `charset` parameter of
/// `Content-Type`). Each row is compared with what the uploader's own export shows now; only
/// the cells that differ are written, as one batch (`POST …/progress-batches`) with the same
/// checks, all or nothing: an unchanged sheet changes nothing. Read-only columns (shaded) and
/// ※再掲 rows are not imported (a change there is an error naming the row to edit). Columns the
/// sheet does not know are listed in `unknown_columns`, missing ones in `missing_columns`.
/// Errors name the cell (`row`, `column`: `行 12, 列 実績`) and the JSON pointer of the batch item.
///
/// Roles: as for the batch: department data by the responsible departments or council, admin;
/// committee fields by the committee, admin.
#[utoipa::path(
    tag = "reports",
    params(("plan_id" = Uuid, Path, description = "Plan id"), SheetImportParams),
    request_body(description = "The sheet: XLSX or CSV",
        content((SheetFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (SheetFile = "text/csv"))),
    responses(
        (status = 200, description = "What was written (or would be, `dry_run`)", body = SheetImportResult),
        (status = 403, response = error::Forbidden),
        (status = 404, response = error::NotFound),
        (status = 409, response = error::Conflict),
    )
)]
#[post("/plans/{plan_id}/progress-sheet")]
pub async fn import_progress_sheet(
    caller: Caller,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    params: http::Query<SheetImportParams>,
    body: FileBody,
) -> ApiResult<web::Json<SheetImportResult>> {
    let Caller { principal, actor } = caller;
    policy::write_some_report_field(&principal)?;
    let plan_id = path.into_inner();
    let params = params.into_inner();
    let keep_mine = KeepMine::parse(params.keep_mine.as_deref())?;
    let file = body.read(&upload::ACCEPTED, upload::LIMITS.upload_bytes).await?;
    if file.bytes.is_empty() {
        return Err(ApiError::invalid("/body", "required", "the body is empty: send the sheet (XLSX, ODS or CSV)"));
    }
    // Reading is CPU work on untrusted bytes: off the HTTP workers, and without a connection.
    let span = tracing::Span::current();
    let sheet = web::block(move || {
        let _entered = span.enter();
        read_upload(&file.bytes, &file.media, file.charset.as_deref(), &file.content_type)
    })
    .await
    .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))??;
    let options = ImportOptions { dry_run: params.dry_run.unwrap_or(false), keep_mine };
    let fy = params.fiscal_year;
    let result = state.db(move |conn| import_sheet(conn, &principal, &actor, plan_id, fy, sheet, options)).await?;
    Ok(web::Json(result))
}
