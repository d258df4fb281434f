//! Files made by hand for the sheet tests, byte by byte, so that they can be hostile: ZIP
//! archives whose headers may lie, deflate streams that expand a thousandfold (fixed Huffman
//! codes: one literal, then back-references of 258 bytes at distance 1), minimal XLSX and ODS
//! workbooks.

/// CRC-32 (IEEE), as ZIP stores it.
pub fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, entry) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
        }
        *entry = c;
    }
    !data.iter().fold(!0u32, |c, b| table[((c ^ *b as u32) & 0xFF) as usize] ^ (c >> 8))
}

struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u64, count: u32) {
        self.acc |= value << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code: most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        let reversed = (0..len).fold(0u64, |r, i| r | ((((code >> i) & 1) as u64) << (len - 1 - i)));
        self.put(reversed, len);
    }

    fn literal(&mut self, byte: u8) {
        if byte < 144 {
            self.code(0x30 + byte as u32, 8);
        } else {
            self.code(0x190 + (byte as u32 - 144), 9);
        }
    }
}

/// A raw deflate stream of `prefix`, then `pattern` repeated to `count` bytes (whole patterns
/// and at most 257 bytes more), then `suffix`: the pattern as literals once, then copies of 258
/// bytes at the pattern's distance.
pub fn deflate_repeat(prefix: &[u8], pattern: &[u8], count: u64, suffix: &[u8]) -> Vec<u8> {
    // (base distance, extra bits) of distance codes 0–29 (RFC 1951, 3.2.5).
    const DISTANCES: [(u32, u32); 30] = [
        (1, 0),
        (2, 0),
        (3, 0),
        (4, 0),
        (5, 1),
        (7, 1),
        (9, 2),
        (13, 2),
        (17, 3),
        (25, 3),
        (33, 4),
        (49, 4),
        (65, 5),
        (97, 5),
        (129, 6),
        (193, 6),
        (257, 7),
        (385, 7),
        (513, 8),
        (769, 8),
        (1025, 9),
        (1537, 9),
        (2049, 10),
        (3073, 10),
        (4097, 11),
        (6145, 11),
        (8193, 12),
        (12289, 12),
        (16385, 13),
        (24577, 13),
    ];
    let distance = pattern.len() as u32;
    assert!((1..=32_768).contains(&distance));
    let code = DISTANCES.iter().rposition(|(base, _)| *base <= distance).unwrap();
    let (base, extra) = DISTANCES[code];
    let mut bits = Bits { out: Vec::new(), acc: 0, n: 0 };
    bits.put(1, 1); // the last block
    bits.put(1, 2); // fixed Huffman codes
    for b in prefix {
        bits.literal(*b);
    }
    if count > 0 {
        for b in pattern {
            bits.literal(*b);
        }
        let mut left = count.saturating_sub(pattern.len() as u64);
        while left >= 258 {
            bits.code(0xC5, 8); // length 258 (code 285)
            bits.code(code as u32, 5);
            bits.put((distance - base) as u64, extra);
            left -= 258;
        }
    }
    for b in suffix {
        bits.literal(*b);
    }
    bits.code(0, 7); // end of block
    bits.put(0, 7);
    bits.out
}

/// One entry of an archive: its name, stored bytes, method (0 stored, 8 deflated), and the
/// CRC and uncompressed size its headers declare.
pub struct Entry {
    pub name: String,
    pub data: Vec<u8>,
    pub method: u16,
    pub crc: u32,
    pub size: u32,
}

impl Entry {
    pub fn stored(name: &str, data: &[u8]) -> Entry {
        Entry { name: name.into(), data: data.to_vec(), method: 0, crc: crc32(data), size: data.len() as u32 }
    }

    /// Deflated content whose uncompressed size is declared as `declared` (it may lie).
    pub fn deflated(name: &str, data: Vec<u8>, declared: u32) -> Entry {
        Entry { name: name.into(), data, method: 8, crc: 0, size: declared }
    }
}

pub fn zip(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(0u16.to_le_bytes());
            h.extend(e.method.to_le_bytes());
            h.extend(0u16.to_le_bytes());
            h.extend(0x21u16.to_le_bytes());
            h.extend(e.crc.to_le_bytes());
            h.extend((e.data.len() as u32).to_le_bytes());
            h.extend(e.size.to_le_bytes());
            h.extend((e.name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes());
            if central {
                h.extend([0u8; 6]); // comment length, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(e.name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(&e.data);
        central.extend(header(0x0201_4b50, true));
    }
    let (at, size) = (out.len() as u32, central.len() as u32);
    out.extend(central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend(size.to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// The parts of a workbook other than its sheet.
pub fn xlsx_frame() -> Vec<Entry> {
    vec![
        Entry::stored(
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        Entry::stored(
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        Entry::stored(
            "xl/workbook.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        Entry::stored(
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ]
}

/// The parts of a workbook other than its sheet and shared strings, which it refers to.
pub fn xlsx_frame_with_strings() -> Vec<Entry> {
    let mut entries = xlsx_frame();
    for e in entries.iter_mut() {
        let text = String::from_utf8(e.data.clone()).unwrap();
        let text = match e.name.as_str() {
            "[Content_Types].xml" => text.replace("</Types>", r#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#),
            "xl/_rels/workbook.xml.rels" => text.replace("</Relationships>", r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#),
            _ => continue,
        };
        *e = Entry::stored(&e.name.clone(), text.as_bytes());
    }
    entries
}

/// A workbook with these shared strings and whose sheet is `sheet_data`.
pub fn xlsx_with_strings(strings: &[String], sheet_data: &str) -> Vec<u8> {
    let mut entries = xlsx_frame_with_strings();
    let items: String = strings.iter().map(|s| format!("<si><t>{s}</t></si>")).collect();
    entries.push(Entry::stored(
        "xl/sharedStrings.xml",
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">{items}</sst>"#, strings.len()).as_bytes(),
    ));
    entries.push(Entry::stored("xl/worksheets/sheet1.xml", format!("{SHEET_START}{sheet_data}{SHEET_END}").as_bytes()));
    zip(&entries)
}

pub const SHEET_START: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;
pub const SHEET_END: &str = "</sheetData></worksheet>";

/// A workbook whose sheet is `sheet_data` (the rows).
pub fn xlsx(sheet_data: &str) -> Vec<u8> {
    let mut entries = xlsx_frame();
    entries.push(Entry::stored("xl/worksheets/sheet1.xml", format!("{SHEET_START}{sheet_data}{SHEET_END}").as_bytes()));
    zip(&entries)
}

/// An OpenDocument spreadsheet whose first table is `table` (its rows).
pub fn ods(table: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="進行管理シート"><table:table-column table:number-columns-repeated="40"/>{table}</table:table><table:table table:name="凡例"><table:table-row><table:table-cell office:value-type="string"><text:p>項目</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zip(&[
        Entry::stored("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        Entry::stored("content.xml", content.as_bytes()),
        Entry::stored(
            "META-INF/manifest.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
        ),
    ])
}

/// An ODS row of cells as LibreOffice writes them: numbers with `office:value`, text in
/// paragraphs (line breaks as paragraphs, runs of spaces as `text:s`), empty cells repeated.
pub fn ods_row(cells: &[String]) -> String {
    let mut row = String::from("<table:table-row>");
    let mut empty = 0;
    let flush = |row: &mut String, empty: &mut usize| {
        if *empty > 0 {
            row.push_str(&format!(r#"<table:table-cell table:number-columns-repeated="{empty}"/>"#));
            *empty = 0;
        }
    };
    for cell in cells {
        if cell.is_empty() {
            empty += 1;
            continue;
        }
        flush(&mut row, &mut empty);
        let escaped = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        if let Ok(n) = cell.parse::<f64>() {
            row.push_str(&format!(
                r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{}</text:p></table:table-cell>"#,
                escaped(cell)
            ));
        } else {
            let paragraphs: String = cell
                .split('\n')
                .map(|p| format!("<text:p>{}</text:p>", escaped(p).replace("  ", r#" <text:s/>"#)))
                .collect();
            row.push_str(&format!(r#"<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>"#));
        }
    }
    row.push_str(r#"<table:table-cell table:number-columns-repeated="1000"/></table:table-row>"#);
    row
}
