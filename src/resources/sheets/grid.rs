//! What every reader of an uploaded sheet produces and is bounded by: the limits, the formats
//! accepted, the grid of cells and the builder that counts cells, rows and text as they come.

use super::layout::{excerpt, Cell};
use crate::error::{ApiError, ApiResult, FieldError};

/// The bounds of reading one uploaded sheet.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The upload itself (the request body).
    pub upload_bytes: usize,
    /// All entries of a workbook's archive, inflated (4 × the upload limit).
    pub unpacked_bytes: u64,
    /// The longest text node or tag in a workbook's XML (a cell of Excel's 32,767 characters
    /// takes at most 131,068 bytes): past it a string is no cell, and readers would buffer it.
    pub xml_run_bytes: usize,
    /// The last row number that may hold a value.
    pub rows: u32,
    /// The last column number that may hold a value.
    pub columns: u32,
    /// Cells held, counted as each row's width up to its last value; also the most shared
    /// strings a workbook may have.
    pub cells: usize,
    /// Characters of one cell (Excel's own limit).
    pub cell_chars: usize,
    /// Bytes of text held for all cells together (a shared string is held once per cell that
    /// shows it: this stops one long string shown in every cell).
    pub text_bytes: usize,
}

/// The bounds of an upload. A progress sheet of 2,000 initiatives is about 0.4 MiB as XLSX and
/// 3 MiB unpacked: these leave room for ten times that, and bound what one reading can hold
/// (see README, "Bounded").
pub const LIMITS: Limits = Limits {
    upload_bytes: 8 * 1024 * 1024,
    unpacked_bytes: 32 * 1024 * 1024,
    xml_run_bytes: 256 * 1024,
    rows: 50_000,
    columns: 1_000,
    cells: 500_000,
    cell_chars: 32_767,
    text_bytes: 32 * 1024 * 1024,
};

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub const ODS: &str = "application/vnd.oasis.opendocument.spreadsheet";

pub const XLS: &str = "application/vnd.ms-excel";

pub const CSV: &str = "text/csv";

pub const TSV: &str = "text/tab-separated-values";

/// The media types an upload may carry (anything else is 415).
pub const ACCEPTED: [&str; 8] =
    [XLSX, ODS, XLS, CSV, TSV, "text/plain", "application/octet-stream", "multipart/form-data"];

/// Rows as read from a file: each with its sheet row number (1-based, as a spreadsheet
/// application shows it) and its cells up to the last one holding a value. Rows without any
/// value are left out.
pub type Grid = Vec<(u32, Vec<Cell>)>;

/// What reading found: the rows, and cells refused on their own (too long), each at its cell.
#[derive(Debug, Default)]
pub struct ReadSheet {
    pub grid: Grid,
    pub errors: Vec<FieldError>,
    /// What the file was read as (`xlsx`, `ods`, `csv (UTF-8)` …), for the answer.
    pub format: String,
}

/// A1-style column letters (1 = A).
pub fn column_letters(mut column: u32) -> String {
    let mut letters = Vec::new();
    while column > 0 {
        let rem = (column - 1) % 26;
        letters.push(b'A' + rem as u8);
        column = (column - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The error of a file that cannot be read as what it claims to be (`code`: `malformed_xlsx` …),
/// with a short excerpt of the reader's own words.
pub fn unreadable(code: &'static str) -> impl Fn(String) -> ApiError + Copy {
    move |e: String| {
        ApiError::invalid("/body", code, format!("ブックを読み取れません (the file cannot be read): {}", excerpt(&e)))
    }
}

pub fn too_large(what: String) -> ApiError {
    ApiError::TooLarge(what)
}

/// Collects cells into a [`Grid`] within [`Limits`]. Cells arrive in any order within a row,
/// rows in increasing order (as every format stores them); empty cells are skipped.
pub struct GridBuilder {
    pub(super) limits: Limits,
    grid: Grid,
    held: usize,
    text: usize,
    pub(super) errors: Vec<FieldError>,
}

impl GridBuilder {
    pub fn new(limits: Limits) -> Self {
        GridBuilder { limits, grid: Vec::new(), held: 0, text: 0, errors: Vec::new() }
    }

    /// Puts a cell at 0-based `row`, `column`.
    pub fn put(&mut self, row: u32, column: u32, cell: Cell) -> ApiResult<()> {
        if matches!(&cell, Cell::Text(t) if t.is_empty()) || cell == Cell::Empty {
            return Ok(());
        }
        let (row, column) = (row.saturating_add(1), column.saturating_add(1));
        if row > self.limits.rows {
            return Err(too_large(format!(
                "セル {}{row} に値があります: 読み取れるのは {} 行までです (a value in row {row}; at most {} rows are read)",
                column_letters(column.min(16_384)),
                self.limits.rows,
                self.limits.rows
            )));
        }
        if column > self.limits.columns {
            return Err(too_large(format!(
                "行 {row} の {} 列目に値があります: 読み取れるのは {} 列までです (a value in column {column}; at most {} columns are read)",
                column, self.limits.columns, self.limits.columns
            )));
        }
        let cell = match cell {
            Cell::Text(t) if t.chars().count() > self.limits.cell_chars => {
                self.errors.push(FieldError {
                    row: Some(row),
                    column: Some(column_letters(column)),
                    ..FieldError::new(
                        "/body",
                        "cell_too_long",
                        format!(
                            "行 {row}, 列 {}: 1つのセルは {} 文字までです (「{}」)",
                            column_letters(column),
                            self.limits.cell_chars,
                            excerpt(&t)
                        ),
                    )
                });
                return Ok(());
            }
            Cell::Number(n) if !n.is_finite() => Cell::Text(n.to_string()),
            other => other,
        };
        if let Cell::Text(t) = &cell {
            self.text += t.len();
            if self.text > self.limits.text_bytes {
                return Err(too_large(format!(
                    "セルの文字が多すぎます: 全部で {} MiB までです (the cells hold more than {} MiB of text)",
                    self.limits.text_bytes >> 20,
                    self.limits.text_bytes >> 20
                )));
            }
        }
        if self.grid.last().is_none_or(|(last, _)| *last != row) {
            if self.grid.last().is_some_and(|(last, _)| *last > row) {
                // Out of order (a hand-made file): find or insert the row.
                let at = self.grid.partition_point(|(r, _)| *r < row);
                if self.grid.get(at).is_none_or(|(r, _)| *r != row) {
                    self.grid.insert(at, (row, Vec::new()));
                }
                let at = self.grid.partition_point(|(r, _)| *r < row);
                return self.place(at, column, cell);
            }
            self.grid.push((row, Vec::new()));
        }
        let at = self.grid.len() - 1;
        self.place(at, column, cell)
    }

    fn place(&mut self, at: usize, column: u32, cell: Cell) -> ApiResult<()> {
        let cells = &mut self.grid[at].1;
        let index = (column - 1) as usize;
        if index >= cells.len() {
            self.held += index + 1 - cells.len();
            if self.held > self.limits.cells {
                return Err(too_large(format!(
                    "セルが多すぎます: 読み取れるのは {} セルまでです (at most {} cells, counted up to each row's last value)",
                    self.limits.cells, self.limits.cells
                )));
            }
            cells.resize(index + 1, Cell::Empty);
        }
        cells[index] = cell;
        Ok(())
    }

    pub fn finish(self, format: &str) -> ReadSheet {
        ReadSheet { grid: self.grid, errors: self.errors, format: format.to_string() }
    }
}
