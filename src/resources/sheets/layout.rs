//! The progress sheet's layout (進行管理シート): its columns with their Japanese headers, the
//! cells of one initiative's row, and reading edited cells back. Pure: no database, no HTTP,
//! no file format.

use crate::domain::enums::{PlanCategory, ProgressStatus, QuarterMark, WorkflowState};
use crate::domain::fiscal_year;
use crate::models::reports::quarter_label;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

impl Cell {
    pub fn text(value: Option<&str>) -> Cell {
        match value {
            Some(t) if !t.is_empty() => Cell::Text(t.to_string()),
            _ => Cell::Empty,
        }
    }

    pub fn number(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Number)
    }

    /// The cell as text, the way both file formats carry it (line breaks as `\n`; whole numbers
    /// without a decimal point).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.replace("\r\n", "\n"),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
        }
    }

    /// Whether a cell read back says the same as the cell written (a number typed as text, or
    /// text with Windows line breaks, is the same).
    pub fn same_as(&self, other: &Cell) -> bool {
        // ― (U+2015) is how Shift_JIS files carry — (U+2014).
        let (a, b) = (self.as_text().replace('\u{2015}', "\u{2014}"), other.as_text().replace('\u{2015}', "\u{2014}"));
        a.trim_end() == b.trim_end()
            || matches!((self.number_value(), other.number_value()), (Ok(Some(x)), Ok(Some(y))) if x == y)
    }

    /// The cell as a number: empty is `None`; digits with thousands separators and full-width
    /// digits are read; anything else is an error.
    pub fn number_value(&self) -> Result<Option<f64>, String> {
        match self {
            Cell::Empty => Ok(None),
            Cell::Number(n) => Ok(Some(*n)),
            Cell::Text(t) => {
                let normalized: String = t
                    .trim()
                    .chars()
                    .filter(|c| !matches!(c, ',' | '，'))
                    .map(|c| match c {
                        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                        '．' => '.',
                        '－' | '−' => '-',
                        c => c,
                    })
                    .collect();
                if normalized.is_empty() {
                    return Ok(None);
                }
                normalized
                    .parse::<f64>()
                    .map(Some)
                    .map_err(|_| format!("「{}」は数値ではありません (not a number)", excerpt(t.trim())))
            }
        }
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The hierarchy level (1 = top), with the node's code and title.
    Level(usize),
    Key,
    Code,
    Title,
    /// `※再掲` on rows of a cross-listed initiative under its other nodes.
    Relisted,
    Departments,
    State,
    Category,
    PlanText,
    ResultText,
    IssuesText,
    NextStepsText,
    Progress,
    SelfRating,
    CommitteeRating,
    CommitteeOpinion,
    QuarterPlan(i32),
    QuarterResult(i32),
    QuarterMark(i32),
    IndicatorName(usize),
    IndicatorTarget(usize),
    IndicatorActual(usize),
    IndicatorRaw(usize),
    /// The report's version the row shows (hidden in the workbook): the base of a three-way
    /// merge on upload. Empty: no report could be shown; `0`: there was no report.
    Version,
}

impl Field {
    /// Whether an upload may change the column (the others describe the row).
    pub fn editable(self) -> bool {
        !matches!(
            self,
            Field::Level(_)
                | Field::Key
                | Field::Code
                | Field::Title
                | Field::Relisted
                | Field::Departments
                | Field::State
                | Field::IndicatorName(_)
                | Field::Version
        )
    }

    /// The batch field the column writes (for errors named by JSON pointer).
    pub fn pointer(self) -> String {
        match self {
            Field::Category => "/category".into(),
            Field::PlanText => "/plan_text".into(),
            Field::ResultText => "/result_text".into(),
            Field::IssuesText => "/issues_text".into(),
            Field::NextStepsText => "/next_steps_text".into(),
            Field::Progress => "/progress_status".into(),
            Field::SelfRating => "/self_rating".into(),
            Field::CommitteeRating => "/committee_rating".into(),
            Field::CommitteeOpinion => "/committee_opinion".into(),
            Field::QuarterPlan(_) => "/quarters/0/plan_text".into(),
            Field::QuarterResult(_) => "/quarters/0/result_text".into(),
            Field::QuarterMark(_) => "/quarters/0/mark".into(),
            Field::IndicatorTarget(_) => "/indicator_values/0/target".into(),
            Field::IndicatorActual(_) => "/indicator_values/0/actual".into(),
            Field::IndicatorRaw(_) => "/indicator_values/0/raw".into(),
            _ => "/initiative_code".into(),
        }
    }

    /// Width in Excel's character units.
    pub fn width(self) -> f64 {
        match self {
            Field::Level(_) => 18.0,
            Field::Key | Field::Code => 6.0,
            Field::Title => 24.0,
            Field::Relisted | Field::Version => 7.0,
            Field::Departments => 14.0,
            Field::State | Field::Category | Field::SelfRating | Field::CommitteeRating => 8.0,
            Field::Progress => 12.0,
            Field::QuarterMark(_) => 6.0,
            Field::QuarterPlan(_) | Field::QuarterResult(_) => 18.0,
            Field::IndicatorName(_) => 16.0,
            Field::IndicatorTarget(_) | Field::IndicatorActual(_) | Field::IndicatorRaw(_) => 10.0,
            _ => 36.0,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Column {
    pub header: String,
    pub field: Field,
}

/// The shape of a plan's sheet for a fiscal year.
pub struct Layout {
    pub fiscal_year: i32,
    pub columns: Vec<Column>,
}

impl Layout {
    /// `levels`: the plan's level labels for the deepest placement; `quarterly`: the plan reports
    /// quarterly; `indicators`: the most indicators one initiative has.
    pub fn new(fiscal_year: i32, levels: &[String], quarterly: bool, indicators: usize) -> Layout {
        let fy = fiscal_year::label(fiscal_year);
        let mut columns = Vec::new();
        let mut add = |header: String, field: Field| columns.push(Column { header, field });
        for (n, label) in levels.iter().enumerate() {
            add(label.clone(), Field::Level(n + 1));
        }
        for (header, field) in [
            ("キー", Field::Key),
            ("No.", Field::Code),
            ("取組", Field::Title),
            ("再掲", Field::Relisted),
            ("担当課", Field::Departments),
            ("状態", Field::State),
            ("区分", Field::Category),
            ("年度計画", Field::PlanText),
            ("実績", Field::ResultText),
            ("課題", Field::IssuesText),
            ("今後の方向性", Field::NextStepsText),
            ("進捗状況", Field::Progress),
            ("自己評価", Field::SelfRating),
            ("委員会評価", Field::CommitteeRating),
            ("委員会意見", Field::CommitteeOpinion),
        ] {
            add(header.to_string(), field);
        }
        if quarterly {
            for q in 1..=4 {
                let months = quarter_label(q);
                add(format!("{months} 計画"), Field::QuarterPlan(q));
                add(format!("{months} 実績"), Field::QuarterResult(q));
                add(format!("{months} 進捗"), Field::QuarterMark(q));
            }
        }
        for k in 1..=indicators {
            add(format!("指標{k}"), Field::IndicatorName(k));
            add(format!("指標{k} 目標値（{fy}）"), Field::IndicatorTarget(k));
            add(format!("指標{k} 実績値（{fy}）"), Field::IndicatorActual(k));
            add(format!("指標{k} 実績（表記）（{fy}）"), Field::IndicatorRaw(k));
        }
        add(VERSION.to_string(), Field::Version);
        Layout { fiscal_year, columns }
    }

    pub fn headers(&self) -> Vec<String> {
        self.columns.iter().map(|c| c.header.clone()).collect()
    }

    /// The column whose header is `header` (spaces and full-width forms of the sheet's own
    /// punctuation tolerated).
    pub fn find(&self, header: &str) -> Option<&Column> {
        let wanted = normalize_header(header);
        self.columns.iter().find(|c| normalize_header(&c.header) == wanted)
    }
}

/// A header as compared: without spaces, in the sheet's own forms of its punctuation (so that
/// `指標1 実績値(令和4年度)` is the column `指標1 実績値（令和4年度）`).
pub fn normalize_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '．' => '.',
            'Ｎ' => 'N',
            'ｏ' => 'o',
            c => c,
        })
        .collect()
}

/// One initiative's quarter as shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuarterCells {
    pub plan_text: Option<String>,
    pub result_text: Option<String>,
    pub mark: Option<QuarterMark>,
}

/// One indicator as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorCells {
    pub key: String,
    pub name: String,
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub raw: Option<String>,
}

/// What one row shows: the initiative, where it sits, and its report as the reader may see it.
#[derive(Debug, Clone, Default)]
pub struct RowData {
    /// Code and title of each ancestor node, top first (`1 誰もが…`).
    pub levels: Vec<String>,
    pub key: String,
    pub code: String,
    pub title: String,
    pub relisted: bool,
    pub departments: String,
    pub state: Option<WorkflowState>,
    pub category: Option<PlanCategory>,
    pub plan_text: Option<String>,
    pub result_text: Option<String>,
    pub issues_text: Option<String>,
    pub next_steps_text: Option<String>,
    pub progress: Option<ProgressStatus>,
    pub self_rating: Option<String>,
    pub committee_rating: Option<String>,
    pub committee_opinion: Option<String>,
    pub quarters: [QuarterCells; 4],
    pub indicators: Vec<IndicatorCells>,
    /// The version of the report shown (`Some(0)`: there was none to show yet).
    pub version: Option<i32>,
}

pub const RELISTED: &str = "※再掲";
/// The header of the version column.
pub const VERSION: &str = "版";

impl RowData {
    pub fn cell(&self, field: Field) -> Cell {
        let text = |t: &Option<String>| Cell::text(t.as_deref());
        let quarter = |q: i32| &self.quarters[(q - 1) as usize];
        let indicator = |k: usize| self.indicators.get(k - 1);
        match field {
            Field::Level(n) => Cell::text(self.levels.get(n - 1).map(String::as_str)),
            Field::Key => Cell::text(Some(&self.key)),
            Field::Code => Cell::text(Some(&self.code)),
            Field::Title => Cell::text(Some(&self.title)),
            Field::Relisted => Cell::text(self.relisted.then_some(RELISTED)),
            Field::Departments => Cell::text(Some(&self.departments)),
            Field::State => Cell::text(Some(self.state.map_or("未提出", |s| s.label()))),
            Field::Category => Cell::text(self.category.map(|c| c.label())),
            Field::PlanText => text(&self.plan_text),
            Field::ResultText => text(&self.result_text),
            Field::IssuesText => text(&self.issues_text),
            Field::NextStepsText => text(&self.next_steps_text),
            Field::Progress => Cell::text(self.progress.map(|p| p.label())),
            Field::SelfRating => text(&self.self_rating),
            Field::CommitteeRating => text(&self.committee_rating),
            Field::CommitteeOpinion => text(&self.committee_opinion),
            Field::QuarterPlan(q) => text(&quarter(q).plan_text),
            Field::QuarterResult(q) => text(&quarter(q).result_text),
            Field::QuarterMark(q) => Cell::text(quarter(q).mark.map(|m| m.label())),
            Field::IndicatorName(k) => Cell::text(indicator(k).map(|i| i.name.as_str())),
            Field::IndicatorTarget(k) => Cell::number(indicator(k).and_then(|i| i.target)),
            Field::IndicatorActual(k) => Cell::number(indicator(k).and_then(|i| i.actual)),
            Field::IndicatorRaw(k) => Cell::text(indicator(k).and_then(|i| i.raw.as_deref())),
            Field::Version => self.version.map_or(Cell::Empty, |v| Cell::Number(v as f64)),
        }
    }
}

/// The first characters of a value, for messages: never more of the input than this.
pub fn excerpt(text: &str) -> String {
    const KEEP: usize = 40;
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(KEEP).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// A text cell read back: empty is `null`, Windows line breaks become `\n`.
pub fn text_of(cell: &Cell) -> Option<String> {
    let text = cell.as_text();
    (!text.trim().is_empty()).then_some(text)
}

/// An enum cell read back by its Japanese label (or its API name).
pub fn label_of<T>(cell: &Cell, parse: impl Fn(&str) -> Option<T>, allowed: &[&str]) -> Result<Option<T>, String> {
    match text_of(cell) {
        None => Ok(None),
        Some(text) => parse(text.trim()).map(Some).ok_or_else(|| {
            format!("「{}」は次のいずれかで入力してください: {}", excerpt(text.trim()), allowed.join("、"))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_carry_the_fiscal_year_and_quarters() {
        let layout = Layout::new(2022, &["基本方針".into(), "施策の方向".into()], true, 2);
        let headers = layout.headers();
        assert_eq!(headers[0], "基本方針");
        assert!(headers.contains(&"4～6月 進捗".to_string()));
        assert!(headers.contains(&"指標2 実績値（令和4年度）".to_string()));
        assert_eq!(layout.find(" 指標2 実績値(令和4年度) ").map(|c| c.field), Some(Field::IndicatorActual(2)));
        assert!(layout.find("指標2 実績値（令和3年度）").is_none());
    }

    #[test]
    fn cells_read_back_as_written() {
        assert!(Cell::Number(2300.0).same_as(&Cell::Text("2300".into())));
        assert!(Cell::Number(2300.0).same_as(&Cell::Text("2,300".into())));
        assert!(Cell::Text("a\nb".into()).same_as(&Cell::Text("a\r\nb".into())));
        assert!(!Cell::Text("15/664".into()).same_as(&Cell::Text("15/665".into())));
        assert_eq!(Cell::Text("１２．５".into()).number_value(), Ok(Some(12.5)));
        assert!(Cell::Text("12 書面会議".into()).number_value().is_err());
        assert_eq!(Cell::Number(0.5).as_text(), "0.5");
    }
}
