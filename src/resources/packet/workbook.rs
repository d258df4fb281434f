//! Writes a packet's sheets as an Excel workbook, with the page setup that keeps it legible:
//! A4 at 100 % (never "fit to page"), the margins the layout counted on, the page breaks it
//! chose, the plan title and year in the header and page numbers in the footer.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook};

use super::document::{Orientation, Sheet, Style};
use crate::error::{ApiError, ApiResult};

/// The font of the workbook: the Japanese UI font of Office (LibreOffice substitutes its own).
const FONT: &str = "游ゴシック";

fn format(style: Style) -> Format {
    let base =
        Format::new().set_font_name(FONT).set_font_size(style.size()).set_text_wrap().set_align(FormatAlign::Top);
    let bordered = |f: Format| f.set_border(FormatBorder::Thin);
    match style {
        Style::Title => base.set_bold(),
        Style::Plain => base,
        Style::Heading => bordered(base.set_bold().set_background_color(Color::RGB(0xDDEBF7))),
        Style::Label => bordered(base.set_bold().set_background_color(Color::RGB(0xF2F2F2))),
        Style::Header => bordered(
            base.set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xF2F2F2)),
        ),
        Style::Text => bordered(base),
        Style::Center => bordered(base.set_align(FormatAlign::Center)),
    }
}

fn header_text(text: &str) -> String {
    text.replace('&', "&&")
}

/// The workbook's bytes.
pub fn xlsx(title: &str, sheets: &[Sheet]) -> ApiResult<Vec<u8>> {
    let err = |e: rust_xlsxwriter::XlsxError| ApiError::Internal(format!("XLSX: {e}"));
    let mut workbook = Workbook::new();
    for sheet in sheets {
        let ws = workbook.add_worksheet();
        ws.set_name(&sheet.name).map_err(err)?;
        ws.set_paper_size(9);
        match sheet.orientation {
            Orientation::Portrait => ws.set_portrait(),
            Orientation::Landscape => ws.set_landscape(),
        };
        ws.set_print_scale(100);
        ws.set_margins(0.5, 0.5, 0.75, 0.75, 0.3, 0.3);
        ws.set_header(format!("&L&9{}", header_text(title)));
        ws.set_footer("&C&9&P / &N ページ");
        for (c, w) in sheet.widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w).map_err(err)?;
        }
        let mut breaks = Vec::new();
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32;
            if row.page_break {
                breaks.push(r);
            }
            ws.set_row_height(r, row.height).map_err(err)?;
            for cell in &row.cells {
                let f = format(cell.style);
                if cell.across > 1 || cell.down > 1 {
                    let last_col = cell.col + cell.across - 1;
                    let last_row = r + cell.down - 1;
                    ws.merge_range(r, cell.col, last_row, last_col, &cell.text, &f).map_err(err)?;
                } else if cell.text.is_empty() {
                    ws.write_blank(r, cell.col, &f).map_err(err)?;
                } else {
                    ws.write_string_with_format(r, cell.col, &cell.text, &f).map_err(err)?;
                }
            }
        }
        if !breaks.is_empty() {
            ws.set_page_breaks(&breaks).map_err(err)?;
        }
    }
    workbook.save_to_buffer().map_err(err)
}
