//! A printable workbook as data: sheets of rows of cells with the page setup, and the rules
//! that make it legible on paper — column widths that fit the page at 100 % (never shrunk to
//! fit), row heights from the text they hold, pages filled with whole units (an initiative is
//! never split) and a block's header repeated when it goes on over a page. Pure: no database,
//! no file format ([`super::workbook`] writes it).

use crate::domain::text_width::columns;

/// Body text, in points: at least 9 pt on paper, since pages print at 100 %.
pub const BODY_PT: f64 = 10.0;
/// Height of one line of body text, in points (LibreOffice sets 10 pt Japanese text about 13 pt apart).
const LINE_PT: f64 = 13.5;
/// Above and below the text of a cell.
const PADDING_PT: f64 = 5.0;
/// The tallest row a spreadsheet keeps.
pub const MAX_ROW_PT: f64 = 409.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// The sheet's title (14 pt, bold).
    Title,
    /// A node path or an initiative's heading (11 pt, bold, shaded).
    Heading,
    /// A label cell beside its value (bold, shaded).
    Label,
    /// A column header (bold, shaded, centred).
    Header,
    /// Wrapped text, top-aligned.
    Text,
    /// Short values, centred (No., marks, grades, numbers).
    Center,
    /// Plain text without borders (a line under the title, a space between tables).
    Plain,
}

impl Style {
    pub fn size(self) -> f64 {
        match self {
            Style::Title => 14.0,
            Style::Heading => 11.0,
            _ => BODY_PT,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub col: u16,
    /// Columns it spans (1: its own).
    pub across: u16,
    /// Rows it spans (1: its own); the rows below hold no cell in its columns.
    pub down: u32,
    pub text: String,
    pub style: Style,
}

impl Cell {
    pub fn new(col: u16, text: impl Into<String>, style: Style) -> Cell {
        Cell { col, across: 1, down: 1, text: text.into(), style }
    }

    pub fn across(mut self, n: u16) -> Cell {
        self.across = n.max(1);
        self
    }

    pub fn down(mut self, n: u32) -> Cell {
        self.down = n.max(1);
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub height: f64,
    /// A page starts with this row.
    pub page_break: bool,
}

/// Which way the paper is turned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

impl Orientation {
    /// The printable width (points) of A4 with the margins [`super::workbook`] stores
    /// (0.5 in left and right).
    pub fn width_pt(self) -> f64 {
        match self {
            Orientation::Portrait => 595.0 - 72.0,
            Orientation::Landscape => 842.0 - 72.0,
        }
    }

    /// The printable height (points): 0.75 in top and bottom, the header and footer inside them.
    pub fn height_pt(self) -> f64 {
        match self {
            Orientation::Portrait => 842.0 - 108.0,
            Orientation::Landscape => 595.0 - 108.0,
        }
    }
}

/// Points a column of `width` (in a spreadsheet's character units) takes on paper, counted on
/// the wide side: Excel gives a unit 5.25 pt (7 px and 5 px a column), LibreOffice a little
/// more (5.9 pt, measured on its PDF).
pub fn column_pt(width: f64) -> f64 {
    width * 6.0 + 3.0
}

/// Whether columns of these widths fit the paper's width at 100 %.
pub fn fits(widths: &[f64], orientation: Orientation) -> bool {
    widths.iter().map(|w| column_pt(*w)).sum::<f64>() <= orientation.width_pt()
}

/// Lines a text takes in a cell `width` units wide at `size` points: East Asian wide
/// characters take two columns ([`columns`]), and a cell keeps a little room at its edges.
pub fn lines(text: &str, width: f64, size: f64) -> usize {
    // A column unit holds a half-width character of 10 pt; larger text holds fewer.
    let per_line = ((width - 1.5) * BODY_PT / size * 0.95).max(1.0);
    text.split('\n').map(|line| ((columns(line) as f64 / per_line).ceil() as usize).max(1)).sum()
}

/// The height a text needs in a cell `width` units wide.
pub fn height(text: &str, width: f64, style: Style) -> f64 {
    let size = style.size();
    (lines(text, width, size) as f64 * LINE_PT * size / BODY_PT + PADDING_PT).min(MAX_ROW_PT)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// At most 31 characters (the spreadsheet's limit).
    pub name: String,
    pub orientation: Orientation,
    /// Column widths, in character units.
    pub widths: Vec<f64>,
    pub rows: Vec<Row>,
}

impl Sheet {
    pub fn new(name: &str, orientation: Orientation, widths: Vec<f64>) -> Sheet {
        let name: String = name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        Sheet { name, orientation, widths, rows: Vec::new() }
    }

    fn width_of(&self, cell: &Cell) -> f64 {
        let from = cell.col as usize;
        self.widths[from..(from + cell.across as usize).min(self.widths.len())].iter().sum::<f64>()
            + (cell.across as f64 - 1.0) * 0.7
    }

    /// Rows sized to their cells: a cell spanning rows gets the room it needs from the last of
    /// them, so that its text fits the rows together.
    pub fn rows_for(&self, rows: Vec<Vec<Cell>>) -> Vec<Row> {
        let mut heights: Vec<f64> = rows
            .iter()
            .map(|cells| {
                cells
                    .iter()
                    .filter(|c| c.down == 1)
                    .map(|c| height(&c.text, self.width_of(c), c.style))
                    .fold(LINE_PT + PADDING_PT, f64::max)
            })
            .collect();
        for (r, cells) in rows.iter().enumerate() {
            for cell in cells.iter().filter(|c| c.down > 1) {
                let last = (r + cell.down as usize).min(rows.len()) - 1;
                let needed = height(&cell.text, self.width_of(cell), cell.style);
                let have: f64 = heights[r..=last].iter().sum();
                if needed > have {
                    heights[last] = (heights[last] + needed - have).min(MAX_ROW_PT);
                }
            }
        }
        rows.into_iter().zip(heights).map(|(cells, height)| Row { cells, height, page_break: false }).collect()
    }
}

/// Fills pages: blocks start with their header rows; each unit (an initiative's rows) goes on
/// the page it starts on when it fits, else on the next, after the block's header again
/// (marked 続き). `new_page` blocks start a page (a new top-level node).
pub struct Pager {
    page_pt: f64,
    used: f64,
    pub rows: Vec<Row>,
}

impl Pager {
    pub fn new(orientation: Orientation) -> Pager {
        Pager { page_pt: orientation.height_pt(), used: 0.0, rows: Vec::new() }
    }

    fn push(&mut self, mut row: Row, page_break: bool) {
        if page_break && !self.rows.is_empty() {
            row.page_break = true;
            self.used = 0.0;
        }
        self.used += row.height;
        self.rows.push(row);
    }

    fn total(rows: &[Row]) -> f64 {
        rows.iter().map(|r| r.height).sum()
    }

    /// Rows that stand alone (a title, the cover): on this page if they fit.
    pub fn rows(&mut self, rows: Vec<Row>) {
        let needed = Self::total(&rows);
        let mut first = self.used + needed > self.page_pt;
        for row in rows {
            self.push(row, first);
            first = false;
        }
    }

    /// A block: its header, then its units. `again` is the header to repeat on a new page.
    pub fn block(&mut self, header: Vec<Row>, again: Vec<Row>, units: Vec<Vec<Row>>, new_page: bool) {
        let first_unit = units.first().map_or(0.0, |u| Self::total(u));
        let mut break_next = new_page || self.used + Self::total(&header) + first_unit > self.page_pt;
        for row in header {
            self.push(row, break_next);
            break_next = false;
        }
        for unit in units {
            let needed = Self::total(&unit);
            if self.used + needed > self.page_pt && self.used > Self::total(&again) {
                let mut first = true;
                for row in again.iter().cloned() {
                    self.push(row, first);
                    first = false;
                }
            }
            for row in unit {
                self.push(row, false);
            }
        }
    }

    /// Pages so far.
    pub fn pages(&self) -> usize {
        usize::from(!self.rows.is_empty()) + self.rows.iter().filter(|r| r.page_break).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_twice_the_room() {
        // 20 kanji (40 columns) in a column 21.5 units wide at 10 pt: 19 columns a line, so 3 lines.
        assert_eq!(lines(&"漢".repeat(20), 21.5, 10.0), 3);
        assert_eq!(lines(&"a".repeat(20), 21.5, 10.0), 2);
        assert_eq!(lines("一行目\n二行目", 30.0, 10.0), 2);
        assert_eq!(lines("", 10.0, 10.0), 1);
        assert!(height(&"漢".repeat(2000), 20.0, Style::Text) <= MAX_ROW_PT);
    }

    #[test]
    fn a_cell_over_several_rows_gets_its_room_from_the_last() {
        let sheet = Sheet::new("s", Orientation::Landscape, vec![10.0, 10.0]);
        let long = "あ".repeat(40); // 80 columns in 10 units: about 10 lines
        let rows = sheet.rows_for(vec![
            vec![Cell::new(0, long.clone(), Style::Text).down(2), Cell::new(1, "x", Style::Text)],
            vec![Cell::new(1, "y", Style::Text)],
        ]);
        let together: f64 = rows.iter().map(|r| r.height).sum();
        assert!(together >= height(&long, 10.0, Style::Text), "{together}");
        assert!(rows[0].height < rows[1].height);
    }

    #[test]
    fn units_are_never_split_and_the_header_comes_again() {
        let row = |h: f64| Row { cells: vec![Cell::new(0, "x", Style::Text)], height: h, page_break: false };
        let mut pager = Pager::new(Orientation::Landscape); // 487 pt a page
        let header = vec![row(30.0)];
        let again = vec![row(20.0)];
        let units = (0..5).map(|_| vec![row(100.0), row(50.0)]).collect();
        pager.block(header, again, units, false);
        // 30 + 3 × 150 = 480 fit on the first page; the fourth unit starts the second after the header.
        assert_eq!(pager.pages(), 2);
        let heights: Vec<f64> = pager.rows.iter().map(|r| r.height).collect();
        assert_eq!(heights[7], 20.0);
        assert!(pager.rows[7].page_break);
        assert_eq!(pager.rows.iter().filter(|r| r.page_break).count(), 1);
        pager.block(vec![row(30.0)], vec![], vec![vec![row(10.0)]], true);
        assert_eq!(pager.pages(), 3, "a new top-level node starts a page");
    }

    #[test]
    fn columns_are_counted_on_the_wide_side() {
        assert!(column_pt(10.0) > (10.0 * 7.0 + 5.0) * 0.75);
        assert!(fits(&[60.0, 60.0], Orientation::Landscape));
        assert!(!fits(&[60.0, 60.0], Orientation::Portrait));
    }
}
