//! The committee packet (進行管理シート for the meeting): a plan's progress in a fiscal year as a
//! workbook printed the way the committee reads it ([`layouts`]), legible on paper
//! ([`document`]), with what the committee may read and nothing not handed in
//! ([`content`]). The data-entry sheet is [`crate::resources::sheets`]; this one is for reading.

pub mod content;
pub mod document;
pub mod layouts;
pub mod workbook;

use actix_web::http::header;
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

pub use layouts::PacketLayout;

use crate::db::DbConnection;
use crate::error::{self, ApiResult};
use crate::resources::sheets::rows::check_fiscal_year;
use crate::resources::sheets::{disposition, files::XLSX};
use crate::web::auth::Principal;
use crate::web::state::AppState;
use crate::web::{http, policy};

/// The packet's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PacketFormat {
    /// An Excel workbook, A4, printable as it is.
    Xlsx,
}

/// Which packet.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PacketParams {
    /// The fiscal year (in the plan period).
    #[param(example = 2022, minimum = 1989, maximum = 2200)]
    pub fiscal_year: i32,
    /// `xlsx` (the default and, for now, the only format).
    #[param(inline)]
    pub format: Option<PacketFormat>,
    /// The layout: `node_table`, `per_initiative` or `quarterly`. Default: the plan's
    /// `packet_layout`, else `quarterly` for plans that report quarterly and `node_table` for the others.
    #[param(inline)]
    pub layout: Option<PacketLayout>,
}

/// A packet ready to send: its bytes, file name and the number of rows laid out.
pub struct Packet {
    pub bytes: Vec<u8>,
    pub file_name: String,
    pub layout: PacketLayout,
    /// Printed pages of the layout's sheet, as laid out (the cover is one more).
    pub pages: usize,
}

/// Lays out and writes the packet of plan `plan_id` for `fy`.
pub fn export(conn: &mut DbConnection, plan_id: Uuid, fy: i32, layout: Option<PacketLayout>) -> ApiResult<Packet> {
    let plan = crate::models::plans::load(conn, plan_id)?;
    check_fiscal_year(&plan, fy)?;
    // Asked for, else the plan's setting, else what its shape suggests.
    let stored = plan.packet_layout.as_deref().map(PacketLayout::from_db).transpose()?;
    let layout = layout.or(stored).unwrap_or_else(|| PacketLayout::default_for(plan.quarterly_reports));
    let content = content::load(conn, plan, fy)?;
    let sheets = layouts::packet(&content, layout);
    let pages = sheets.last().map_or(0, |s| 1 + s.rows.iter().filter(|r| r.page_break).count());
    let title = layouts::title(&content);
    let bytes = workbook::xlsx(&title, &sheets)?;
    Ok(Packet { bytes, file_name: format!("{title}.xlsx"), layout, pages })
}

/// Export the committee packet
///
/// The plan's progress in one fiscal year as the committee reads it on paper (進行管理シート):
/// a cover with the year's counts (as the summary counts them over reports handed in) and the
/// legend, then the layout — `node_table` (a block per node with its 取り組み目標 and 主な取り組み,
/// a row per initiative with its indicators, 単位 and the actuals and ratings of the last three
/// years side by side, ※再掲 placements marked and not repeated), `per_initiative` (a page per
/// initiative, a row per fiscal year of the plan period) or `quarterly` (the year's plan and each
/// quarter's plan with its ○ × —). A4 at 100 % with text of 10 pt, rows as tall as their text,
/// initiatives never split over pages, the block's header repeated when it goes on, page
/// breaks between top-level nodes, the plan and year in the page header, page numbers in the
/// footer. Reports not handed in (draft, returned) show as 未提出, never their drafts; a report
/// being corrected shows as last published. The data-entry sheet is `…/progress-sheet`.
///
/// Roles: every signed-in role.
#[utoipa::path(
    tag = "reports",
    params(("plan_id" = Uuid, Path, description = "Plan id"), PacketParams),
    responses(
        (status = 200, description = "The packet",
            content((crate::resources::sheets::SheetFile = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
            headers(("Content-Disposition" = String, description = "attachment, with the file name (…進行管理シート（令和4年度）.xlsx)"))),
        (status = 404, response = error::NotFound),
        (status = 422, response = error::UnprocessableEntity),
    )
)]
#[get("/plans/{plan_id}/progress-report")]
pub async fn export_progress_report(
    principal: Principal,
    state: web::Data<AppState>,
    path: web::Path<Uuid>,
    params: http::Query<PacketParams>,
) -> ApiResult<HttpResponse> {
    policy::read_internal(&principal)?;
    let plan_id = path.into_inner();
    let PacketParams { fiscal_year, layout, .. } = params.into_inner();
    let packet = state.db(move |conn| export(conn, plan_id, fiscal_year, layout)).await?;
    Ok(HttpResponse::Ok()
        .content_type(XLSX)
        .insert_header((header::CONTENT_DISPOSITION, disposition(&packet.file_name)))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(packet.bytes))
}
