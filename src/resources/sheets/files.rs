//! The progress sheet as a file: an Excel workbook (rust_xlsxwriter out, calamine in) or CSV
//! (UTF-8 with BOM, or Shift_JIS / CP932 for older Excel, via encoding_rs).

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook};

use super::layout::{Cell, Column, Field};
use crate::error::{ApiError, ApiResult, FieldError};

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const CSV: &str = "text/csv";
const BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvEncoding {
    Utf8,
    ShiftJis,
}

/// Rows as read from a file: each with its sheet row number (1-based, as Excel shows it).
pub type Grid = Vec<(u32, Vec<Cell>)>;

/// CSV text of the header and rows, encoded. Shift_JIS cannot hold every character: the first
/// one it cannot is named (row and column) rather than replaced.
pub fn csv_bytes(columns: &[Column], rows: &[Vec<Cell>], encoding: CsvEncoding) -> ApiResult<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let internal = |e: csv::Error| ApiError::Internal(format!("CSV: {e}"));
    writer.write_record(columns.iter().map(|c| c.header.as_str())).map_err(internal)?;
    for row in rows {
        // Excel wants CRLF inside quoted cells too.
        writer.write_record(row.iter().map(|c| c.as_text().replace('\n', "\r\n"))).map_err(internal)?;
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

/// The workbook: the sheet (frozen header and identifying columns, widths, wrapped text, A4
/// landscape, one page wide, the header repeated on every printed page) and the legend.
pub fn xlsx_bytes(
    title: &str,
    columns: &[Column],
    rows: &[Vec<Cell>],
    legend: &[(String, String, String)],
) -> ApiResult<Vec<u8>> {
    let xlsx = |e: rust_xlsxwriter::XlsxError| ApiError::Internal(format!("XLSX: {e}"));
    let mut workbook = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin);
    let locked = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xF2F2F2));
    let editable = Format::new().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin);
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
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, (cell, column)) in row.iter().zip(columns).enumerate() {
            let format = if column.field.editable() { &editable } else { &locked };
            let c = c as u16;
            match cell {
                Cell::Empty => sheet.write_blank(r, c, format).map_err(xlsx)?,
                Cell::Text(t) => sheet.write_string_with_format(r, c, t, format).map_err(xlsx)?,
                Cell::Number(n) => sheet.write_number_with_format(r, c, *n, format).map_err(xlsx)?,
            };
        }
    }
    // Frozen: the header row and the columns up to the initiative's title.
    let frozen = columns.iter().position(|c| c.field == Field::Title).map_or(0, |p| p + 1) as u16;
    sheet.set_freeze_panes(1, frozen).map_err(xlsx)?;

    let sheet = workbook.add_worksheet();
    sheet.set_name("凡例").map_err(xlsx)?;
    sheet.set_column_width(0, 16).map_err(xlsx)?;
    sheet.set_column_width(1, 10).map_err(xlsx)?;
    sheet.set_column_width(2, 40).map_err(xlsx)?;
    for (c, text) in ["項目", "記号", "意味"].iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *text, &header).map_err(xlsx)?;
    }
    for (r, (group, mark, meaning)) in legend.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string_with_format(r, 0, group, &editable).map_err(xlsx)?;
        sheet.write_string_with_format(r, 1, mark, &editable).map_err(xlsx)?;
        sheet.write_string_with_format(r, 2, meaning, &editable).map_err(xlsx)?;
    }
    sheet.set_landscape().set_paper_size(9);
    workbook.save_to_buffer().map_err(xlsx)
}

/// An uploaded sheet's rows. XLSX is recognised by its content (a ZIP file); CSV is UTF-8 (with
/// or without BOM) unless `charset` says otherwise, and Shift_JIS (CP932) when it is not UTF-8.
pub fn read(bytes: &[u8], charset: Option<&str>) -> ApiResult<Grid> {
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(bytes);
    }
    let text = decode_csv(bytes, charset)?;
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let row = e.position().map_or(0, |p| p.line() as u32);
            ApiError::Validation(vec![FieldError {
                row: Some(row),
                ..FieldError::new("/body", "malformed_csv", format!("行 {row}: the CSV cannot be read: {e}"))
            }])
        })?;
        let row = record.position().map_or(0, |p| p.line() as u32);
        grid.push((row, record.iter().map(|t| Cell::text(Some(t))).collect()));
    }
    Ok(grid)
}

fn decode_csv(bytes: &[u8], charset: Option<&str>) -> ApiResult<String> {
    let unreadable = |what: &str| {
        ApiError::invalid(
            "/body",
            "encoding",
            format!("the sheet is not {what}: save it as Excel (.xlsx), or as CSV in UTF-8 or Shift_JIS"),
        )
    };
    if let Some(rest) = bytes.strip_prefix(BOM) {
        return String::from_utf8(rest.to_vec()).map_err(|_| unreadable("valid UTF-8"));
    }
    let charset = charset.map(|c| c.trim().trim_matches('"').to_ascii_lowercase());
    let shift_jis = match charset.as_deref() {
        None => std::str::from_utf8(bytes).is_err(),
        Some("utf-8" | "utf8") => false,
        Some("shift_jis" | "shift-jis" | "sjis" | "cp932" | "windows-31j" | "ms932" | "x-sjis") => true,
        Some(other) => {
            return Err(ApiError::invalid(
                "/header/Content-Type",
                "enum",
                format!("charset {other} is not supported: use utf-8 or shift_jis"),
            ))
        }
    };
    if shift_jis {
        let (text, _, errors) = encoding_rs::SHIFT_JIS.decode(bytes);
        if errors {
            return Err(unreadable("UTF-8 or Shift_JIS (CP932) text"));
        }
        return Ok(text.into_owned());
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| unreadable("valid UTF-8"))
}

fn read_xlsx(bytes: &[u8]) -> ApiResult<Grid> {
    let unreadable =
        |e: String| ApiError::invalid("/body", "malformed_xlsx", format!("the workbook cannot be read: {e}"));
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    // The progress sheet by name, else the first sheet.
    let range = match workbook.worksheet_range("進行管理シート") {
        Ok(range) => range,
        Err(_) => workbook
            .worksheet_range_at(0)
            .ok_or_else(|| unreadable("it has no sheet".into()))?
            .map_err(|e| unreadable(e.to_string()))?,
    };
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    Ok(range
        .rows()
        .enumerate()
        .map(|(r, cells)| {
            let mut row: Vec<Cell> = vec![Cell::Empty; first_column as usize];
            row.extend(cells.iter().map(|cell| match cell {
                Data::Empty => Cell::Empty,
                Data::String(s) => Cell::text(Some(s)),
                Data::Float(f) => Cell::Number(*f),
                Data::Int(i) => Cell::Number(*i as f64),
                Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
                other => Cell::Text(other.to_string()),
            }));
            (first_row + r as u32 + 1, row)
        })
        .collect())
}
