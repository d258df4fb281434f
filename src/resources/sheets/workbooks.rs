//! Workbooks as uploaded (XLSX, ODS, legacy XLS), read within [`Limits`]: a ZIP archive's
//! entries are inflated and counted before any reader sees them; XLSX cells are streamed; ODS is
//! read as XML events, repeated rows and columns advancing without allocating; a legacy XLS is
//! checked for what its reader trusts before it is read. Every cell goes into a [`GridBuilder`].

use std::io::{Cursor, Read};

use calamine::{DataRef, Reader, Xlsx};
use quick_xml::events::{BytesStart, Event};

use super::grid::{too_large, unreadable, GridBuilder, Limits, ReadSheet, ODS};
use super::layout::Cell;
use crate::error::{ApiError, ApiResult};

pub(super) enum Archive {
    Xlsx,
    Ods,
}

/// Inflates every entry of the archive into nothing, counting: refuses it before any reader
/// allocates for it when the entries add up to more than the limit, whatever their headers say.
pub(super) fn unpack_check(bytes: &[u8], limits: Limits) -> ApiResult<Archive> {
    let unreadable = unreadable("malformed_workbook");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    if zip.len() > 10_000 {
        return Err(too_large(format!("the archive has {} entries (at most 10,000)", zip.len())));
    }
    let over = || {
        too_large(format!(
            "展開後のサイズが {} MiB を超えます (the workbook unpacks to more than {} MiB: at most 4 × the upload limit)",
            limits.unpacked_bytes / 1024 / 1024,
            limits.unpacked_bytes / 1024 / 1024
        ))
    };
    let (mut total, mut kind) = (0u64, None);
    for index in 0..zip.len() {
        let mut entry = zip.by_index(index).map_err(|e| unreadable(e.to_string()))?;
        let remaining = limits.unpacked_bytes - total;
        if entry.size() > remaining {
            return Err(over());
        }
        let name = entry.name().to_string();
        if name == "xl/workbook.xml" {
            kind = Some(Archive::Xlsx);
        }
        let inflated = if name == "mimetype" {
            let mut text = Vec::new();
            let n = (&mut entry).take(200).read_to_end(&mut text).map_err(|e| unreadable(e.to_string()))?;
            if text.starts_with(ODS.as_bytes()) {
                kind = Some(Archive::Ods);
            }
            n as u64
        } else {
            let mut scan = XmlScan::new(limits, name.ends_with("sharedStrings.xml"));
            let mut limited = (&mut entry).take(remaining + 1);
            let mut buffer = vec![0u8; 64 * 1024];
            let mut n = 0u64;
            loop {
                let read = limited.read(&mut buffer).map_err(|e| unreadable(e.to_string()))?;
                if read == 0 {
                    break;
                }
                n += read as u64;
                if name.ends_with(".xml") {
                    scan.feed(&buffer[..read])?;
                }
            }
            n
        };
        total += inflated;
        if total > limits.unpacked_bytes {
            return Err(over());
        }
    }
    kind.ok_or_else(|| {
        ApiError::UnsupportedMediaType(
            "the ZIP file is neither an Excel workbook (.xlsx) nor an OpenDocument spreadsheet (.ods)".into(),
        )
    })
}

/// What the inflating pass sees of an XML part: its longest text node and tag, and in the
/// shared strings, how many there are. Readers buffer a whole text node or tag, and hold every
/// shared string: past these bounds a part is refused before any reader sees it.
struct XmlScan {
    limits: Limits,
    shared_strings: bool,
    /// Bytes since the last `<` or `>`.
    run: usize,
    /// The last bytes seen, to find `<si>` and `<si ` across reads.
    tail: [u8; 3],
    strings: usize,
}

impl XmlScan {
    fn new(limits: Limits, shared_strings: bool) -> Self {
        XmlScan { limits, shared_strings, run: 0, tail: [0; 3], strings: 0 }
    }

    fn feed(&mut self, bytes: &[u8]) -> ApiResult<()> {
        for &b in bytes {
            if b == b'<' || b == b'>' {
                self.run = 0;
            } else {
                self.run += 1;
                if self.run > self.limits.xml_run_bytes {
                    return Err(too_large(format!(
                        "1つのセルまたは要素が {} KiB を超えます (a cell or element of more than {} KiB: at most 32,767 characters a cell)",
                        self.limits.xml_run_bytes >> 10,
                        self.limits.xml_run_bytes >> 10
                    )));
                }
            }
            if self.shared_strings && self.tail == *b"<si" && (b == b'>' || b == b' ') {
                self.strings += 1;
                if self.strings > self.limits.cells {
                    return Err(too_large(format!(
                        "共有文字列が {} を超えます (more than {} shared strings)",
                        self.limits.cells, self.limits.cells
                    )));
                }
            }
            self.tail = [self.tail[1], self.tail[2], b];
        }
        Ok(())
    }
}

/// The progress sheet by its name, else the first sheet.
const SHEET_NAME: &str = "進行管理シート";

pub(super) fn read_xlsx(bytes: &[u8], limits: Limits) -> ApiResult<ReadSheet> {
    let unreadable = unreadable("malformed_xlsx");
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let names = workbook.sheet_names();
    let name = names
        .iter()
        .find(|n| n.as_str() == SHEET_NAME)
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| unreadable("it has no sheet".into()))?;
    let mut cells = workbook.worksheet_cells_reader(&name).map_err(|e| unreadable(e.to_string()))?;
    let mut grid = GridBuilder::new(limits);
    while let Some(cell) = cells.next_cell().map_err(|e| unreadable(e.to_string()))? {
        let (row, column) = cell.get_position();
        let value = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::String(s) => Cell::text(Some(s)),
            DataRef::SharedString(s) => Cell::text(Some(s)),
            DataRef::Float(f) => Cell::Number(*f),
            DataRef::Int(i) => Cell::Number(*i as f64),
            DataRef::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
            DataRef::DateTime(d) => Cell::Number(d.as_f64()),
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::text(Some(s)),
            DataRef::Error(e) => Cell::Text(format!("{e}")),
        };
        grid.put(row, column, value)?;
    }
    Ok(grid.finish("xlsx"))
}

/// A legacy Excel workbook (.xls, BIFF8 in a compound file). calamine reads every sheet of it
/// at once into dense ranges sized by each sheet's cells and declared dimensions, trusting the
/// file's header: so the file is checked first ([`xls_check`]), then read.
pub(super) fn read_xls(bytes: &[u8], limits: Limits) -> ApiResult<ReadSheet> {
    let unreadable = unreadable("malformed_xls");
    xls_check(bytes, limits)?;
    let mut workbook: calamine::Xls<_> =
        calamine::Xls::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let names = workbook.sheet_names();
    let name = names
        .iter()
        .find(|n| n.as_str() == SHEET_NAME)
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| unreadable("it has no sheet".into()))?;
    let range = workbook.worksheet_range(&name).map_err(|e| unreadable(e.to_string()))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut grid = GridBuilder::new(limits);
    for (row, column, value) in range.used_cells() {
        let cell = match value {
            calamine::Data::Empty => continue,
            calamine::Data::String(s) => Cell::text(Some(s)),
            calamine::Data::Float(f) => Cell::Number(*f),
            calamine::Data::Int(i) => Cell::Number(*i as f64),
            calamine::Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
            calamine::Data::DateTime(d) => Cell::Number(d.as_f64()),
            other => Cell::Text(other.to_string()),
        };
        grid.put(top + row as u32, left + column as u32, cell)?;
    }
    Ok(grid.finish("xls"))
}

/// What a legacy workbook must be before calamine reads it: a compound file whose chains a
/// checking reader follows; header counts (FAT, mini FAT, and the bytes calamine reads as the
/// DIFAT length) no larger than the file; and in its workbook stream, every sheet's cells and
/// declared dimensions within the limits, all sheets together within the cell limit (calamine
/// allocates each sheet's extent, twice with formulas).
fn xls_check(bytes: &[u8], limits: Limits) -> ApiResult<()> {
    let malformed = unreadable("malformed_xls");
    if bytes.len() < 512 {
        return Err(malformed("too short".into()));
    }
    let u32_at = |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]) as u64;
    let shift = u16::from_le_bytes([bytes[30], bytes[31]]);
    if shift != 9 && shift != 12 {
        return Err(malformed(format!("sector shift {shift}")));
    }
    let sectors = bytes.len() as u64 >> shift;
    for (what, at) in [("FAT", 44), ("mini FAT", 64), ("DIFAT", 72)] {
        if u32_at(at) > sectors + 1 {
            return Err(malformed(format!("the header claims {} {what} sectors in a file of {sectors}", u32_at(at))));
        }
    }
    // calamine sizes its DIFAT by the four bytes at offset 62 (the end of the mini FAT's start
    // and the start of its length): in a valid file a small number or 0xFFFF plus a multiple of
    // 65,536; a crafted one could ask for 16 GiB.
    if u32_at(62) > 1 << 24 {
        return Err(malformed("the header's mini FAT fields are out of range".into()));
    }
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| malformed(e.to_string()))?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))
        .ok_or_else(|| malformed("no workbook stream".into()))?;
    let mut stream = Vec::new();
    file.open_stream(name)
        .map_err(|e| malformed(e.to_string()))?
        .take(limits.unpacked_bytes)
        .read_to_end(&mut stream)
        .map_err(|e| malformed(e.to_string()))?;

    let over = |what: String| {
        too_large(format!(
            "{what} (at most {} cells in all sheets, row {}, column {})",
            limits.cells, limits.rows, limits.columns
        ))
    };
    let (mut at, mut total) = (0usize, 0u64);
    // The bounds of the current substream's cells: (first row, last row, first column, last column).
    let mut bounds: Option<(u32, u32, u32, u32)> = None;
    let grow = |bounds: &mut Option<(u32, u32, u32, u32)>, row: u32, first: u32, last: u32| {
        let b = bounds.get_or_insert((row, row, first, last));
        *b = (b.0.min(row), b.1.max(row), b.2.min(first), b.3.max(last));
    };
    while at + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = u16::from_le_bytes([stream[at + 2], stream[at + 3]]) as usize;
        let data = stream.get(at + 4..at + 4 + len).ok_or_else(|| malformed("a record runs past the stream".into()))?;
        at += 4 + len;
        let u16_at = |i: usize| data.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as u32);
        match typ {
            // Cells: row, column first.
            0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                let (Some(row), Some(column)) = (u16_at(0), u16_at(2)) else {
                    return Err(malformed("a short cell record".into()));
                };
                grow(&mut bounds, row, column, column);
            }
            // MulRk: row, first column … last column.
            0x00BD => {
                let (Some(row), Some(first), Some(last)) = (u16_at(0), u16_at(2), len.checked_sub(2).and_then(u16_at))
                else {
                    return Err(malformed("a short MulRk record".into()));
                };
                if last < first {
                    return Err(malformed("a MulRk record ends before it starts".into()));
                }
                grow(&mut bounds, row, first, last);
            }
            // Dimensions: calamine reserves what they declare.
            0x0200 => {
                let (first_row, last_row, first_column, last_column) = match len {
                    10 => (
                        u16_at(0).unwrap_or(0) as u64,
                        u16_at(2).unwrap_or(0) as u64,
                        u16_at(4).unwrap_or(0),
                        u16_at(6).unwrap_or(0),
                    ),
                    14 => {
                        let u32_in =
                            |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]) as u64;
                        (u32_in(0), u32_in(4), u16_at(8).unwrap_or(0), u16_at(10).unwrap_or(0))
                    }
                    _ => return Err(malformed("a Dimensions record of unknown length".into())),
                };
                let first_column = if first_column > 0xFF || last_column < first_column { 0 } else { first_column };
                if last_row >= 1 && last_column >= 1 {
                    if last_row - 1 < first_row || (last_column - 1) < first_column {
                        return Err(malformed("a Dimensions record ends before it starts".into()));
                    }
                    let declared = (last_row - first_row) * (last_column - first_column) as u64;
                    if declared > limits.cells as u64 {
                        return Err(over(format!("a sheet declares {declared} cells")));
                    }
                }
            }
            // End of a substream (a sheet): its extent is what calamine allocates.
            0x000A => {
                if let Some((top, bottom, left, right)) = bounds.take() {
                    if bottom + 1 > limits.rows || right + 1 > limits.columns {
                        return Err(over(format!("a value in row {}, column {}", bottom + 1, right + 1)));
                    }
                    total += (bottom - top + 1) as u64 * (right - left + 1) as u64;
                    if total > limits.cells as u64 {
                        return Err(over(format!("the sheets span {total} cells")));
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// An OpenDocument spreadsheet (LibreOffice's .ods), read from `content.xml` as events:
/// repeated rows and columns (`number-rows-repeated`, `number-columns-repeated`) advance the
/// position without allocating, and only repeated values count, cell by cell.
pub(super) fn read_ods(bytes: &[u8], limits: Limits) -> ApiResult<ReadSheet> {
    let unreadable = unreadable("malformed_ods");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let mut xml = Vec::new();
    zip.by_name("content.xml")
        .map_err(|e| unreadable(e.to_string()))?
        .take(limits.unpacked_bytes)
        .read_to_end(&mut xml)
        .map_err(|e| unreadable(e.to_string()))?;
    // Which table: the progress sheet by name, else the first.
    let names = ods_table_names(&xml).map_err(&unreadable)?;
    let wanted = names.iter().position(|n| n == SHEET_NAME).unwrap_or(0);
    let mut grid = GridBuilder::new(limits);
    ods_table(&xml, wanted, &mut grid).map_err(|e| match e {
        OdsFailure::Xml(e) => unreadable(e),
        OdsFailure::Api(e) => e,
    })?;
    Ok(grid.finish("ods"))
}

enum OdsFailure {
    Xml(String),
    Api(ApiError),
}

impl From<quick_xml::Error> for OdsFailure {
    fn from(e: quick_xml::Error) -> Self {
        OdsFailure::Xml(e.to_string())
    }
}

fn attribute(e: &BytesStart, name: &[u8]) -> Option<String> {
    let attribute = e.attributes().flatten().find(|a| a.key.as_ref() == name)?;
    let raw = String::from_utf8_lossy(&attribute.value).to_string();
    Some(quick_xml::escape::unescape(&raw).map(|v| v.to_string()).unwrap_or(raw))
}

fn repeats(e: &BytesStart, name: &[u8]) -> u32 {
    attribute(e, name).and_then(|v| v.parse::<u32>().ok()).unwrap_or(1).max(1)
}

fn ods_table_names(xml: &[u8]) -> Result<Vec<String>, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut names = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"table:table" => {
                names.push(attribute(&e, b"table:name").unwrap_or_default())
            }
            Event::Eof => return Ok(names),
            _ => {}
        }
        buf.clear();
    }
}

/// The cells of the `wanted`-th table.
fn ods_table(xml: &[u8], wanted: usize, grid: &mut GridBuilder) -> Result<(), OdsFailure> {
    let cap = grid.limits.cell_chars * 4;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut table = 0usize;
    let mut inside = false;
    let (mut row, mut column) = (0u32, 0u32);
    let mut row_repeats = 1u32;
    // The current row's values: (column, repeats, cell).
    let mut values: Vec<(u32, u32, Cell)> = Vec::new();
    // The current cell: its repeats, numeric value, text and depth of annotation.
    let mut cell: Option<(u32, Option<f64>, String, bool)> = None;
    let mut annotation = 0u32;
    let mut paragraphs = 0u32;
    loop {
        let event = reader.read_event_into(&mut buf)?;
        match event {
            Event::Eof => return Ok(()),
            Event::Start(e) if e.name().as_ref() == b"table:table" => {
                inside = table == wanted;
                table += 1;
            }
            Event::End(e) if e.name().as_ref() == b"table:table" && inside => return Ok(()),
            _ if !inside => {}
            Event::Start(e) if e.name().as_ref() == b"table:table-row" => {
                row_repeats = repeats(&e, b"table:number-rows-repeated");
                column = 0;
                values.clear();
            }
            Event::Empty(e) if e.name().as_ref() == b"table:table-row" => {
                row = row.saturating_add(repeats(&e, b"table:number-rows-repeated"));
            }
            Event::End(e) if e.name().as_ref() == b"table:table-row" => {
                // A row with values repeated: each copy counts, and is refused past the limits.
                for copy in 0..if values.is_empty() { 0 } else { row_repeats } {
                    for (at, times, value) in &values {
                        for n in 0..*times {
                            grid.put(row.saturating_add(copy), at.saturating_add(n), value.clone())
                                .map_err(OdsFailure::Api)?;
                        }
                    }
                }
                row = row.saturating_add(row_repeats);
            }
            Event::Empty(e) if is_cell(&e) => {
                column = column.saturating_add(repeats(&e, b"table:number-columns-repeated"))
            }
            Event::Start(e) if is_cell(&e) => {
                let number = match attribute(&e, b"office:value-type").as_deref() {
                    Some("float" | "percentage" | "currency") => {
                        attribute(&e, b"office:value").and_then(|v| v.parse::<f64>().ok())
                    }
                    _ => None,
                };
                cell = Some((repeats(&e, b"table:number-columns-repeated"), number, String::new(), false));
                paragraphs = 0;
            }
            Event::End(e)
                if e.name().as_ref() == b"table:table-cell" || e.name().as_ref() == b"table:covered-table-cell" =>
            {
                if let Some((times, number, text, _)) = cell.take() {
                    let value = match number {
                        Some(n) => Cell::Number(n),
                        None => Cell::text(Some(&text)),
                    };
                    if value != Cell::Empty {
                        // Past the column limit, a repeated value is refused by the grid at its first copy.
                        values.push((column, times.min(grid.limits.columns.saturating_add(1)), value));
                    }
                    column = column.saturating_add(times);
                }
            }
            Event::Start(e) if e.name().as_ref() == b"office:annotation" => annotation += 1,
            Event::End(e) if e.name().as_ref() == b"office:annotation" => annotation = annotation.saturating_sub(1),
            _ if annotation > 0 || cell.is_none() => {}
            // Past Excel's length the cell is refused anyway (by the grid): repeated spaces
            // (`text:s`), breaks and text no longer grow it.
            _ if cell.as_ref().is_some_and(|(_, _, text, _)| text.len() > cap) => {}
            Event::Start(e) if e.name().as_ref() == b"text:p" => {
                if let Some((_, _, text, _)) = cell.as_mut() {
                    if paragraphs > 0 {
                        text.push('\n');
                    }
                }
                paragraphs += 1;
            }
            Event::Empty(e) => {
                if let Some((_, _, text, _)) = cell.as_mut() {
                    match e.name().as_ref() {
                        b"text:s" => {
                            let n = repeats(&e, b"text:c").min(1_000);
                            text.extend(std::iter::repeat_n(' ', n as usize));
                        }
                        b"text:tab" => text.push('\t'),
                        b"text:line-break" => text.push('\n'),
                        b"text:p" => {
                            if paragraphs > 0 {
                                text.push('\n');
                            }
                            paragraphs += 1;
                        }
                        _ => {}
                    }
                }
            }
            Event::Text(t) => {
                if let Some((_, _, text, _)) = cell.as_mut() {
                    text.push_str(&t.xml10_content().map_err(|e| OdsFailure::Xml(e.to_string()))?);
                }
            }

            Event::GeneralRef(r) => {
                if let Some((_, _, text, _)) = cell.as_mut() {
                    let name = r.decode().map_err(|e| OdsFailure::Xml(e.to_string()))?;
                    if let Some(s) = quick_xml::escape::resolve_xml_entity(&name) {
                        text.push_str(s);
                    } else if let Some(c) = r.resolve_char_ref()? {
                        text.push(c);
                    }
                }
            }
            _ => {}
        }
        buf.clear();
    }
}

fn is_cell(e: &BytesStart) -> bool {
    matches!(e.name().as_ref(), b"table:table-cell" | b"table:covered-table-cell")
}
