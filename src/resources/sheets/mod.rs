//! The progress sheet (進行管理シート) out and in: the plan's initiatives for a fiscal year, one
//! row each, as an Excel workbook or CSV; uploaded back (edited in Excel) through the batch.

pub mod answer;
pub mod files;
pub mod grid;
pub mod import;
mod items;
pub mod layout;
pub mod rows;
pub mod upload;
mod workbooks;

use actix_web::http::header;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use self::files::CsvEncoding;
use self::grid::ReadSheet;
use self::import::{ImportOptions, KeepMine, SheetImportResult};
use self::layout::Field;
use crate::db::{self, DbConnection};
use crate::domain::enums::{PlanCategory, ProgressStatus, QuarterMark, WorkflowState};
use crate::domain::fiscal_year;
use crate::error::{self, ApiError, ApiResult};
use crate::models::audit::Actor;
use crate::models::plans;
use crate::web::auth::{Caller, Principal};
use crate::web::http::{self, FileBody};
use crate::web::policy;
use crate::web::state::AppState;

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

/// A form (`multipart/form-data`) carrying the sheet as its one file.
#[derive(ToSchema)]
pub struct SheetUploadForm {
    /// The sheet file (any field name).
    #[allow(dead_code)]
    file: SheetFile,
}

/// A sheet as a file: its bytes, media type and file name.
pub struct SheetDownload {
    pub bytes: Vec<u8>,
    pub content_type: String,
    pub file_name: String,
}

/// The legend sheet, in the words clerks use: grades, 区分, 進捗状況, quarter marks, states.
fn legend(plan: &plans::Plan) -> ApiResult<Vec<(String, String, String)>> {
    let mut rows = Vec::new();
    let mut add = |group: &str, mark: &str, meaning: &str| rows.push((group.into(), mark.into(), meaning.into()));
    for grade in plan.rating_scale()? {
        add("自己評価・委員会評価", &grade.code, &grade.label);
    }
    for category in PlanCategory::ALL {
        let meaning = match category {
            PlanCategory::Implement => "計画どおり実施する",
            PlanCategory::Expand => "内容や対象を広げて実施する",
            PlanCategory::Study => "実施に向けて検討する",
            PlanCategory::Verify => "これまでの成果を検証する",
            PlanCategory::New => "新たに始める",
            PlanCategory::Continue => "引き続き実施する",
        };
        add("区分", category.label(), meaning);
    }
    for status in ProgressStatus::ALL {
        let meaning = match status {
            ProgressStatus::OnTrack => "年度計画どおりに進んだ",
            ProgressStatus::MostlyOnTrack => "年度計画のおおむねが進んだ",
            ProgressStatus::PartlyDelayed => "年度計画の一部に遅れがある",
            ProgressStatus::NotStarted => "年度計画を実施できなかった",
        };
        add("進捗状況", status.label(), meaning);
    }
    for mark in QuarterMark::ALL {
        let meaning = match mark {
            QuarterMark::Done => "実施した",
            QuarterMark::NotDone => "実施できなかった",
            QuarterMark::NotApplicable => "該当なし",
        };
        add("四半期の進捗", mark.label(), meaning);
    }
    for state in WorkflowState::ALL {
        let meaning = match state {
            WorkflowState::Draft => "担当課が入力中（入力できます）",
            WorkflowState::Submitted => "事務局に提出済み（事務局の確認を待っています。入力できません）",
            WorkflowState::Returned => "事務局から差し戻された（直して再提出します。入力できます）",
            WorkflowState::Reviewed => "事務局が確認済み（入力できません）",
            WorkflowState::Published => "公開済み（訂正は事務局に依頼してください）",
        };
        add("状態", state.label(), meaning);
    }
    add("状態", "未提出", "報告がない、またはまだ提出されていない");
    add("再掲", layout::RELISTED, "他の施策にも掲載される取組。最初の行で入力します（再掲の行は入力できません）");
    add("入力", "白いセル", "入力できるセル。灰色のセルは参照用で、取り込まれません");
    add(
        "版",
        "（非表示の列）",
        "報告の版。アップロードのとき、ダウンロード後に他の人が入力した内容を上書きしないために使います。消したり変えたりしないでください",
    );
    Ok(rows)
}

/// The drop-down lists of the enumerated columns.
fn choices(plan: &plans::Plan) -> ApiResult<Vec<files::Choices>> {
    let labels = |all: &[&str]| all.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    let grades: Vec<String> = plan.rating_scale()?.into_iter().map(|g| g.code).collect();
    let mut out = vec![
        files::Choices {
            field: Field::Category,
            values: labels(&PlanCategory::ALL.iter().map(|c| c.label()).collect::<Vec<_>>()),
        },
        files::Choices {
            field: Field::Progress,
            values: labels(&ProgressStatus::ALL.iter().map(|c| c.label()).collect::<Vec<_>>()),
        },
        files::Choices { field: Field::SelfRating, values: grades.clone() },
        files::Choices { field: Field::CommitteeRating, values: grades },
    ];
    for q in 1..=4 {
        out.push(files::Choices {
            field: Field::QuarterMark(q),
            values: labels(&QuarterMark::ALL.iter().map(|m| m.label()).collect::<Vec<_>>()),
        });
    }
    Ok(out)
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
            bytes: files::xlsx_bytes(&title, &layout.columns, &cells, &choices(&plan)?, &legend(&plan)?)?,
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
/// [`grid::LIMITS`]. Runs on a blocking thread: call it through `web::block`.
pub fn read_upload(bytes: &[u8], media: &str, charset: Option<&str>, content_type: &str) -> ApiResult<ReadSheet> {
    let _reading = upload::READERS.acquire();
    if media == "multipart/form-data" {
        let (file, part_type) = upload::multipart_file(bytes, content_type)?;
        let (_, part_charset) = http::split_content_type(&part_type);
        return upload::read(&file, part_charset.as_deref(), grid::LIMITS);
    }
    upload::read(bytes, charset, grid::LIMITS)
}

/// `Content-Disposition` with an ASCII fallback and the Japanese name (RFC 6266, RFC 8187).
pub fn disposition(file_name: &str) -> String {
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
/// columns shaded and the sheet protected so that only the white cells can be edited (no
/// password: guidance, not security), drop-down lists of the Japanese labels for 区分,
/// 進捗状況, 自己評価, 委員会評価 and ○ × —, a Japanese font, A4 landscape one page wide, the
/// legend on a second sheet. `csv`: UTF-8 with BOM (Excel opens it as it is) or
/// `encoding=shift_jis`; a text cell a spreadsheet would run as a formula (starting with `=`,
/// `+`, `-`, `@`, tab or carriage return) is written behind an apostrophe, which an upload
/// takes off again. Every row carries its report's version (column 版, hidden in the workbook)
/// for the upload's three-way merge.
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
/// The progress sheet as exported, edited in Excel or LibreOffice: XLSX, ODS, or CSV in UTF-8
/// (with or without BOM) or Shift_JIS / CP932 (detected, or named by the `charset` parameter
/// of `Content-Type`), tab-separated UTF-16 text (Excel's "Unicode テキスト"), or a legacy
/// `.xls` workbook; as the body itself or as the one file of a `multipart/form-data` body (an
/// HTML form).
///
/// **Three-way merge.** Each row carries the version of its report the sheet was exported
/// from (the hidden column 版). A cell the clerk changed from that version is written; a cell
/// they did not change is never written, so an old sheet cannot put back what a colleague
/// entered since, and the same file uploaded twice changes nothing. A cell that both the clerk
/// and someone else changed is an `edit_conflict` (409, each with `row`, `column`,
/// `current_value` and `your_value`), and nothing is written, unless `keep_mine` names it.
/// Rows without a version (an older export, a hand-made sheet) are compared with the data as
/// it is now, and the answer says so (`unversioned_rows`, warning `no_version`). A quarter or
/// an indicator value is sent whole, its unchanged cells taken from what is stored now.
///
/// **Checks.** The changed cells become one batch (`POST …/progress-batches`) with the same
/// checks, all or nothing: control characters, lengths, finite indicator numbers (0, or
/// 0.000001 to 10¹⁵ in magnitude), labels, grades (full-width and lower case read as the
/// grade), rights, workflow states. Every problem of the upload, reading, domain and
/// permission alike, comes in one answer (at most 200 listed, then a count), each at its cell
/// (`row` as the spreadsheet numbers it, `column` by header) with a Japanese message
/// (`行 12, 列 自己評価: 評価は A・B・C・D のいずれかです`): 422, or 403 when every one is a
/// refusal, 409 when every one is a conflict.
///
/// **Nothing silent.** Edits in read-only (shaded) columns, unknown and missing columns, rows of
/// initiatives the plan does not have and cells kept over newer ones are listed in `warnings`;
/// `changes` lists every cell written with its value before and after (in a dry run too).
///
/// **Bounds.** At most 8 MiB uploaded; a workbook's entries at most 32 MiB unpacked, no XML
/// text node or tag over 256 KiB, at most 500,000 shared strings; values at most in row 50,000
/// and column 1,000; at most 500,000 cells (each row counted to its last value; in an `.xls`,
/// every sheet's extent together); 32,767 characters a cell; 32 MiB of cell text. A file over a
/// bound is a 413 naming it.
///
/// Roles: as for the batch: department data by the responsible departments or council, admin;
/// committee fields by the committee, admin.
#[utoipa::path(
    tag = "reports",
    params(("plan_id" = Uuid, Path, description = "Plan id"), SheetImportParams),
    request_body(description = "The sheet: XLSX, ODS, XLS, CSV or tab-separated text, or a form with its file",
        content((SheetFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                (SheetFile = "application/vnd.oasis.opendocument.spreadsheet"),
                (SheetFile = "application/vnd.ms-excel"),
                (SheetFile = "text/csv"),
                (SheetFile = "text/tab-separated-values"),
                (SheetUploadForm = "multipart/form-data"))),
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
    let file = body.read(&grid::ACCEPTED, grid::LIMITS.upload_bytes).await?;
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
