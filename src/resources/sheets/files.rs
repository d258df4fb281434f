//! The progress sheet as a file: an Excel workbook (rust_xlsxwriter out, calamine in) or CSV
//! (UTF-8 with BOM, or Shift_JIS / CP932 for older Excel, via encoding_rs).

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook};

use super::layout::{Cell, Column, Field};
use super::upload::csv_escape;
use crate::error::{ApiError, ApiResult, FieldError};

pub use super::grid::{CSV, XLSX};
const BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvEncoding {
    Utf8,
    ShiftJis,
}

/// CSV text of the header and rows, encoded. Shift_JIS cannot hold every character: the first
/// one it cannot is named (row and column) rather than replaced.
pub fn csv_bytes(columns: &[Column], rows: &[Vec<Cell>], encoding: CsvEncoding) -> ApiResult<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let internal = |e: csv::Error| ApiError::Internal(format!("CSV: {e}"));
    writer.write_record(columns.iter().map(|c| c.header.as_str())).map_err(internal)?;
    for row in rows {
        // Excel wants CRLF inside quoted cells too; text that a spreadsheet would run as a
        // formula goes behind an apostrophe (numbers are numbers).
        writer
            .write_record(row.iter().map(|c| match c {
                Cell::Text(_) => csv_escape(&c.as_text()).replace('\n', "\r\n"),
                other => other.as_text(),
            }))
            .map_err(internal)?;
    }
    let text = String::from_utf8(writer.into_inner().map_err(|e| ApiError::Internal(format!("CSV: {e}")))?)
        .map_err(|e| ApiError::Internal(format!("CSV: {e}")))?;
    match encoding {
        CsvEncoding::Utf8 => Ok([BOM, text.as_bytes()].concat()),
        CsvEncoding::ShiftJis => {
            // — (U+2014, the "not applicable" mark) is not in CP932; its sheets write ― (U+2015).
            let text = text.replace('\u{2014}', "\u{2015}");
            let (bytes, _, lossy) = encoding_rs::SHIFT_JIS.encode(&text);
            if !lossy {
                return Ok(bytes.into_owned());
            }
            let (row, column, character) = unmappable(columns, rows).unwrap_or((0, String::new(), '?'));
            Err(ApiError::Validation(vec![FieldError {
                row: Some(row),
                column: Some(column.clone()),
                ..FieldError::new(
                    "/query/encoding",
                    "unmappable_character",
                    format!(
                        "行 {row}, 列 {column}: 「{character}」 (U+{:04X}) cannot be written in Shift_JIS; export as UTF-8 (the default)",
                        character as u32
                    ),
                )
            }]))
        }
    }
}

fn unmappable(columns: &[Column], rows: &[Vec<Cell>]) -> Option<(u32, String, char)> {
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            for ch in cell.as_text().replace('\u{2014}', "\u{2015}").chars() {
                let mut buffer = [0u8; 4];
                let (_, _, lossy) = encoding_rs::SHIFT_JIS.encode(ch.encode_utf8(&mut buffer));
                if lossy {
                    return Some((r as u32 + 2, columns[c].header.clone(), ch));
                }
            }
        }
    }
    None
}

/// The font of the workbook: the Japanese UI font of Office (LibreOffice substitutes its own).
const FONT: &str = "游ゴシック";

/// How a value of an enumerated column may be chosen: its drop-down list.
pub struct Choices {
    pub field: Field,
    pub values: Vec<String>,
}

/// The workbook: the sheet (frozen header and identifying columns, widths, wrapped text and
/// row heights that show it, a Japanese font, drop-down lists for enumerated columns, the sheet
/// protected so that only the white cells can be changed, A4 landscape, one page wide, the
/// header repeated on every printed page) and the legend.
pub fn xlsx_bytes(
    title: &str,
    columns: &[Column],
    rows: &[Vec<Cell>],
    choices: &[Choices],
    legend: &[(String, String, String)],
) -> ApiResult<Vec<u8>> {
    use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, ProtectionOptions};
    let xlsx = |e: rust_xlsxwriter::XlsxError| ApiError::Internal(format!("XLSX: {e}"));
    let mut workbook = Workbook::new();
    let base = || Format::new().set_font_name(FONT).set_font_size(10);
    let header = base()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin);
    let locked = base()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xF2F2F2));
    let editable = base().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin).set_unlocked();
    let sheet = workbook.add_worksheet();
    sheet.set_name("進行管理シート").map_err(xlsx)?;
    sheet
        .set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0)
        .set_header(format!("&C{}", title.replace('&', "&&")));
    sheet.set_repeat_rows(0, 0).map_err(xlsx)?;
    for (c, column) in columns.iter().enumerate() {
        let c = c as u16;
        sheet.set_column_width(c, column.field.width()).map_err(xlsx)?;
        sheet.write_string_with_format(0, c, &column.header, &header).map_err(xlsx)?;
    }
    sheet.set_row_height(0, 32).map_err(xlsx)?;
    let relisted = columns.iter().position(|c| c.field == Field::Relisted);
    for (r, row) in rows.iter().enumerate() {
        let is_relisted = relisted.and_then(|i| row.get(i)).is_some_and(|c| *c != Cell::Empty);
        let r = r as u32 + 1;
        let mut lines = 1usize;
        for (c, (cell, column)) in row.iter().zip(columns).enumerate() {
            // ※再掲 rows are read only: their initiative is edited in its first row.
            let format = if column.field.editable() && !is_relisted { &editable } else { &locked };
            let c = c as u16;
            match cell {
                Cell::Empty => sheet.write_blank(r, c, format).map_err(xlsx)?,
                Cell::Text(t) => sheet.write_string_with_format(r, c, t, format).map_err(xlsx)?,
                Cell::Number(n) => sheet.write_number_with_format(r, c, *n, format).map_err(xlsx)?,
            };
            lines = lines.max(wrapped_lines(&cell.as_text(), column.field.width()));
        }
        // Tall enough to show the text (Excel does not grow rows it did not write itself).
        sheet.set_row_height(r, (lines as f64 * 12.5 + 4.0).min(409.0)).map_err(xlsx)?;
    }
    let last = rows.len().max(1) as u32;
    for choice in choices {
        let Some(c) = columns.iter().position(|c| c.field == choice.field) else { continue };
        let header = &columns[c].header;
        let values: Vec<&str> = choice.values.iter().map(String::as_str).collect();
        let validation = DataValidation::new()
            .allow_list_strings(&values)
            .map_err(xlsx)?
            .set_input_title(header.as_str())
            .map_err(xlsx)?
            .set_input_message("一覧から選んでください")
            .map_err(xlsx)?
            .set_error_title("入力できない値です")
            .map_err(xlsx)?
            .set_error_message(format!("{header} は次のいずれかです: {}", values.join("、")))
            .map_err(xlsx)?
            .set_error_style(DataValidationErrorStyle::Stop);
        sheet.add_data_validation(1, c as u16, last, c as u16, &validation).map_err(xlsx)?;
    }
    // Frozen: the header row and the columns up to the initiative's title.
    let frozen = columns.iter().position(|c| c.field == Field::Title).map_or(0, |p| p + 1) as u16;
    sheet.set_freeze_panes(1, frozen).map_err(xlsx)?;
    // The version column is for the upload's merge, not for people.
    if let Some(c) = columns.iter().position(|c| c.field == Field::Version) {
        sheet.set_column_hidden(c as u16).map_err(xlsx)?;
    }
    // Guidance, not security (no password): only the white cells take input; rows and columns
    // may still be resized, filtered and sorted.
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        use_autofilter: true,
        sort: true,
        ..ProtectionOptions::default()
    });

    let sheet = workbook.add_worksheet();
    sheet.set_name("凡例").map_err(xlsx)?;
    sheet.set_column_width(0, 20).map_err(xlsx)?;
    sheet.set_column_width(1, 16).map_err(xlsx)?;
    sheet.set_column_width(2, 70).map_err(xlsx)?;
    for (c, text) in ["項目", "記号", "意味"].iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *text, &header).map_err(xlsx)?;
    }
    let plain = base().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin);
    for (r, (group, mark, meaning)) in legend.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string_with_format(r, 0, group, &plain).map_err(xlsx)?;
        sheet.write_string_with_format(r, 1, mark, &plain).map_err(xlsx)?;
        sheet.write_string_with_format(r, 2, meaning, &plain).map_err(xlsx)?;
        let lines =
            [(group, 20.0), (mark, 16.0), (meaning, 70.0)].iter().map(|(t, w)| wrapped_lines(t, *w)).max().unwrap_or(1);
        sheet.set_row_height(r, lines as f64 * 12.5 + 4.0).map_err(xlsx)?;
    }
    sheet.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    workbook.save_to_buffer().map_err(xlsx)
}

/// Lines a text takes in a column `width` characters wide.
fn wrapped_lines(text: &str, width: f64) -> usize {
    let per_line = (width - 1.0).max(1.0);
    text.split('\n')
        .map(|line| {
            // A full-width character is nearly two columns wide at this font.
            let units: f64 = line.chars().map(|c| if c.is_ascii() { 1.0 } else { 1.75 }).sum();
            ((units / per_line).ceil() as usize).max(1)
        })
        .sum()
}
