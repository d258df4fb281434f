//! Reading an uploaded sheet, with bounds: whatever a file declares or contains, reading it
//! never holds more than [`LIMITS`](super::grid::LIMITS) allows. A workbook (XLSX, ODS) is a ZIP archive: every
//! entry is inflated once into nothing, counted, before any reader sees it, so a zip bomb stops
//! at [`Limits::unpacked_bytes`]. Cells are taken one at a time into a grid that grows with the
//! cells that hold something, never with the sheet's declared or actual extent (a single cell
//! at `XFD1048576` costs one cell, or is refused for its row number). CSV and tab-separated
//! text (UTF-8, Shift_JIS / CP932, UTF-16 as Excel's "Unicode text" writes it) are read record
//! by record, numbered as a spreadsheet application numbers them. Pure: no database, no HTTP.

use super::grid::{unreadable, GridBuilder, Limits, ReadSheet};
pub use super::layout::excerpt;
use super::layout::Cell;
use super::workbooks;
use crate::error::{ApiError, ApiResult, FieldError};

/// How many uploads are read at once: reading one within [`LIMITS`](super::grid::LIMITS) may hold some tens of MiB
/// (the workbook's shared strings, the cells), so the rest wait their turn on their blocking
/// thread, and the memory reading takes does not grow with the number of uploads.
pub static READERS: Permits = Permits::new(2);

/// A counting semaphore for blocking threads.
pub struct Permits {
    taken: std::sync::Mutex<usize>,
    freed: std::sync::Condvar,
    most: usize,
}

/// One of [`Permits`], given back when dropped.
pub struct Permit<'a>(&'a Permits);

impl Permits {
    pub const fn new(most: usize) -> Self {
        Permits { taken: std::sync::Mutex::new(0), freed: std::sync::Condvar::new(), most }
    }

    /// Waits until fewer than `most` are taken, and takes one.
    pub fn acquire(&self) -> Permit<'_> {
        let mut taken = self.taken.lock().unwrap_or_else(|e| e.into_inner());
        while *taken >= self.most {
            taken = self.freed.wait(taken).unwrap_or_else(|e| e.into_inner());
        }
        *taken += 1;
        Permit(self)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut taken = self.0.taken.lock().unwrap_or_else(|e| e.into_inner());
        *taken -= 1;
        self.0.freed.notify_one();
    }
}

/// At most this many errors are listed in one answer; the rest are counted.
pub const MAX_ERRORS: usize = 200;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The file of a `multipart/form-data` body (what an HTML form sends): the first part with a
/// file name, else the only part, with its media type.
pub fn multipart_file(body: &[u8], content_type: &str) -> ApiResult<(Vec<u8>, String)> {
    let boundary = content_type
        .split(';')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v.trim().trim_matches('"').to_string())
        .filter(|b| !b.is_empty() && b.len() <= 200)
        .ok_or_else(|| ApiError::invalid("/header/Content-Type", "format", "multipart/form-data needs a boundary"))?;
    let delimiter = format!("--{boundary}");
    let malformed = || {
        ApiError::invalid(
            "/body",
            "malformed_multipart",
            "the multipart/form-data body cannot be read: send the file in one part",
        )
    };
    let mut parts = Vec::new();
    let mut rest = body;
    let first = find(rest, delimiter.as_bytes()).ok_or_else(malformed)?;
    rest = &rest[first + delimiter.len()..];
    while !rest.starts_with(b"--") {
        let rest_after_line = rest.strip_prefix(b"\r\n").or_else(|| rest.strip_prefix(b"\n")).ok_or_else(malformed)?;
        let head_end = find(rest_after_line, b"\r\n\r\n").ok_or_else(malformed)?;
        let head = String::from_utf8_lossy(&rest_after_line[..head_end]).to_string();
        let content = &rest_after_line[head_end + 4..];
        let end = find(content, format!("\r\n{delimiter}").as_bytes()).ok_or_else(malformed)?;
        parts.push((head, &content[..end]));
        rest = &content[end + 2 + delimiter.len()..];
        if parts.len() > 20 {
            return Err(malformed());
        }
    }
    let header = |head: &str, name: &str| {
        head.lines().find_map(|l| {
            l.split_once(':').filter(|(k, _)| k.trim().eq_ignore_ascii_case(name)).map(|(_, v)| v.trim().to_string())
        })
    };
    let files: Vec<&(String, &[u8])> = parts
        .iter()
        .filter(|(head, _)| header(head, "content-disposition").is_some_and(|d| d.contains("filename")))
        .collect();
    let (head, content) = match (files.as_slice(), parts.as_slice()) {
        ([one], _) => *one,
        ([], [one]) => one,
        _ => {
            return Err(ApiError::invalid(
                "/body",
                "malformed_multipart",
                "send exactly one file in the multipart/form-data body",
            ))
        }
    };
    Ok((content.to_vec(), header(head, "content-type").unwrap_or_default()))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads an uploaded sheet by its content (the media type only chooses a text's charset). A
/// reader that panics on a malformed file makes it a file that cannot be read (422), not a fault.
pub fn read(bytes: &[u8], charset: Option<&str>, limits: Limits) -> ApiResult<ReadSheet> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_unguarded(bytes, charset, limits))).unwrap_or_else(
        |_| {
            tracing::warn!(bytes = bytes.len(), "a sheet reader panicked on an uploaded file");
            Err(unreadable("malformed_file")("the file is damaged or not a spreadsheet".into()))
        },
    )
}

fn read_unguarded(bytes: &[u8], charset: Option<&str>, limits: Limits) -> ApiResult<ReadSheet> {
    if bytes.len() > limits.upload_bytes {
        return Err(ApiError::PayloadTooLarge { limit: limits.upload_bytes });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match workbooks::unpack_check(bytes, limits)? {
            workbooks::Archive::Xlsx => workbooks::read_xlsx(bytes, limits),
            workbooks::Archive::Ods => workbooks::read_ods(bytes, limits),
        };
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return workbooks::read_xls(bytes, limits);
    }
    read_text(bytes, charset, limits)
}

/// CSV or tab-separated text: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode
/// text", tab-separated), Shift_JIS / CP932 when it is not UTF-8 or `charset` says so.
fn read_text(bytes: &[u8], charset: Option<&str>, limits: Limits) -> ApiResult<ReadSheet> {
    let (text, encoding) = decode_text(bytes, charset)?;
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches('\t').count() > first_line.matches(',').count() { b'\t' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut grid = GridBuilder::new(limits);
    // Rows numbered as a spreadsheet application numbers them: one per record, whatever line
    // breaks its cells hold, and one per blank line (which the CSV reader skips).
    let (mut row, mut previous) = (0u32, None::<(usize, usize)>);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let at = row + 1;
            ApiError::Validation(vec![FieldError {
                row: Some(at),
                ..FieldError::new(
                    "/body",
                    "malformed_csv",
                    format!("行 {at}: CSV を読み取れません (the CSV cannot be read): {}", excerpt(&e.to_string())),
                )
            }])
        })?;
        // The reader's position is where it began looking: before any blank lines.
        let from = (record.position().map_or(0, |p| p.byte() as usize)).min(text.len());
        let start = from + text.as_bytes()[from..].iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        // Line breaks since the previous record began, less its own and those in its cells:
        // the blank lines between.
        let blank_lines = match previous {
            None => text.as_bytes()[..start.min(text.len())].iter().filter(|b| **b == b'\n').count(),
            Some((from, inside)) => text.as_bytes()[from.min(start)..start.min(text.len())]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                .saturating_sub(inside + 1),
        };
        row = row.saturating_add(u32::try_from(blank_lines).unwrap_or(u32::MAX)).saturating_add(1);
        previous = Some((start, record.iter().map(|t| t.matches('\n').count()).sum()));
        for (column, value) in record.iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            let column = u32::try_from(column).unwrap_or(u32::MAX);
            grid.put(row - 1, column, Cell::Text(csv_unescape(value).to_string()))?;
        }
    }
    let kind = if delimiter == b'\t' { "tsv" } else { "csv" };
    Ok(grid.finish(&format!("{kind} ({encoding})")))
}

/// Characters that make a spreadsheet application read a CSV cell as a formula (OWASP, "CSV
/// injection"): such a cell is exported behind an apostrophe, as is one that already starts
/// with an apostrophe, so that reading it back is exact.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as written to CSV: behind `'` when it could be read as a formula.
pub fn csv_escape(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some(c) if FORMULA_START.contains(&c) || c == '\'' => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// A CSV cell read back: the apostrophe [`csv_escape`] put there is taken off.
pub fn csv_unescape(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) || rest.starts_with('\'') => rest,
        _ => text,
    }
}

fn decode_text(bytes: &[u8], charset: Option<&str>) -> ApiResult<(String, &'static str)> {
    let unreadable = |what: &str| {
        ApiError::invalid(
            "/body",
            "encoding",
            format!(
                "ファイルを読み取れません: {what}。Excel ブック (.xlsx)、または UTF-8・Shift_JIS の CSV で保存してください \
                 (the file is not {what}: save it as .xlsx, .ods, or CSV in UTF-8 or Shift_JIS)"
            ),
        )
    };
    if let Some(rest) = bytes.strip_prefix(BOM) {
        return Ok((String::from_utf8(rest.to_vec()).map_err(|_| unreadable("valid UTF-8"))?, "UTF-8"));
    }
    for (bom, encoding, name) in
        [(&b"\xFF\xFE"[..], encoding_rs::UTF_16LE, "UTF-16LE"), (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE, "UTF-16BE")]
    {
        if bytes.starts_with(bom) {
            let (text, _, errors) = encoding.decode(bytes);
            if errors {
                return Err(unreadable("valid UTF-16"));
            }
            return Ok((text.into_owned(), name));
        }
    }
    let charset = charset.map(|c| c.trim().trim_matches('"').to_ascii_lowercase());
    let shift_jis = match charset.as_deref() {
        None => std::str::from_utf8(bytes).is_err(),
        Some("utf-8" | "utf8") => false,
        Some("shift_jis" | "shift-jis" | "sjis" | "cp932" | "windows-31j" | "ms932" | "x-sjis") => true,
        Some("utf-16" | "utf-16le" | "utf-16be") => return Err(unreadable("UTF-16 with a byte order mark")),
        Some(other) => {
            return Err(ApiError::invalid(
                "/header/Content-Type",
                "enum",
                format!("charset {} is not supported: use utf-8, shift_jis or utf-16", excerpt(other)),
            ))
        }
    };
    if shift_jis {
        let (text, _, errors) = encoding_rs::SHIFT_JIS.decode(bytes);
        if errors {
            return Err(unreadable("UTF-8 or Shift_JIS (CP932) text"));
        }
        return Ok((text.into_owned(), "Shift_JIS"));
    }
    Ok((String::from_utf8(bytes.to_vec()).map_err(|_| unreadable("valid UTF-8"))?, "UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::sheets::grid::{column_letters, LIMITS};

    const SMALL: Limits = Limits {
        upload_bytes: 1 << 20,
        unpacked_bytes: 1 << 20,
        xml_run_bytes: 1 << 10,
        rows: 100,
        columns: 10,
        cells: 50,
        cell_chars: 5,
        text_bytes: 40,
    };

    #[test]
    fn csv_rows_are_numbered_as_a_spreadsheet_shows_them() {
        let read = read(b"a,b\n1,\"x\ny\"\n\n2,z\n", None, LIMITS).unwrap();
        let rows: Vec<u32> = read.grid.iter().map(|(r, _)| *r).collect();
        assert_eq!(rows, vec![1, 2, 4]);
        assert_eq!(read.grid[1].1[1], Cell::Text("x\ny".into()));
    }

    #[test]
    fn the_grid_is_bounded_by_its_values_not_its_extent() {
        let mut grid = GridBuilder::new(SMALL);
        grid.put(0, 0, Cell::Text("a".into())).unwrap();
        assert!(matches!(grid.put(100, 0, Cell::Text("b".into())), Err(ApiError::TooLarge(_))));
        assert!(matches!(grid.put(1, 10, Cell::Text("b".into())), Err(ApiError::TooLarge(_))));
        grid.put(1, 9, Cell::Text("abcdef".into())).unwrap();
        assert_eq!(grid.errors.len(), 1, "a cell over its length is an error at the cell");
        assert!(grid.errors[0].message.contains("abcde"));
        for row in 2..6 {
            grid.put(row, 9, Cell::Text("c".into())).unwrap();
        }
        assert!(matches!(grid.put(6, 9, Cell::Text("c".into())), Err(ApiError::TooLarge(_))), "cells held");
        // Text held in all cells together: one string shown in many cells counts each time.
        let mut grid = GridBuilder::new(SMALL);
        for row in 0..8 {
            grid.put(row, 0, Cell::Text("abcde".into())).unwrap();
        }
        assert!(matches!(grid.put(8, 0, Cell::Text("abcde".into())), Err(ApiError::TooLarge(_))), "text held");
    }

    #[test]
    fn formula_cells_round_trip_through_csv() {
        for text in ["=HYPERLINK(\"x\")", "+cmd", "-2+3", "@SUM(1)", "\tx", "'=x", "'abc", "abc", "''"] {
            let escaped = csv_escape(text);
            assert!(!escaped.starts_with(FORMULA_START), "{escaped}");
            assert_eq!(csv_unescape(&escaped), text);
        }
        assert_eq!(csv_unescape("'abc"), "'abc", "an apostrophe the export did not put there stays");
    }

    #[test]
    fn permits_let_so_many_through_at_once() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let permits = Permits::new(2);
        let (inside, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        std::thread::scope(|scope| {
            for _ in 0..6 {
                scope.spawn(|| {
                    let _permit = permits.acquire();
                    let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    inside.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        assert!((1..=2).contains(&most.load(Ordering::SeqCst)), "never more than two at once");
    }

    #[test]
    fn excerpts_are_short() {
        assert_eq!(excerpt("abc"), "abc");
        assert_eq!(excerpt(&"あ".repeat(100)).chars().count(), 41);
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(16_384), "XFD");
    }

    #[test]
    fn multipart_bodies_yield_their_file() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\na,b\r\n1,2\r\n--XyZ--\r\n";
        let (file, media) = multipart_file(body, "multipart/form-data; boundary=XyZ").unwrap();
        assert_eq!(file, b"a,b\r\n1,2");
        assert_eq!(media, "text/csv");
    }
}
