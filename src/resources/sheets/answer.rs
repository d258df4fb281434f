//! What an upload of the progress sheet answers: what it wrote (each cell with its value before
//! and after), warnings for what it did not import, and errors placed at their cell (`行 12, 列
//! 実績`) in the words a clerk reads.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::upload::MAX_ERRORS;
use crate::error::FieldError;
use crate::resources::batches::ProgressBatchResult;

/// What an uploaded sheet wrote (or would write, `dry_run`).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SheetImportResult {
    #[serde(flatten)]
    pub batch: ProgressBatchResult,
    /// How the file was read (`xlsx`, `ods`, `csv (UTF-8)`, `tsv (UTF-16LE)` …).
    #[schema(example = "xlsx")]
    pub file_format: String,
    /// Data rows read (blank rows not counted).
    #[schema(example = 58)]
    pub rows: usize,
    /// Rows the clerk changed nothing in (or only to what is stored already): not sent to the
    /// batch, counted in `unchanged`.
    #[schema(example = 55)]
    pub unchanged_rows: usize,
    /// ※再掲 rows (a cross-listed initiative under its other nodes): read only, edit the first row.
    #[schema(example = 5)]
    pub relisted_rows: usize,
    /// Rows without a report version (an older export, a hand-made sheet): compared with the
    /// data as it is now, so a cell someone else changed since would be put back.
    #[schema(example = 0)]
    pub unversioned_rows: usize,
    /// Every cell written (or that would be, `dry_run`), with the value before and after.
    pub changes: Vec<CellChange>,
    /// What was not imported, and why: edits in read-only columns, unknown and missing
    /// columns, rows of initiatives the plan does not have, rows compared without a version,
    /// cells where the caller kept their value over a newer one (`keep_mine`).
    pub warnings: Vec<SheetWarning>,
    /// Columns the sheet has that the progress sheet does not (their cells were not read).
    #[schema(example = json!(["備考"]))]
    pub unknown_columns: Vec<String>,
    /// Columns of the progress sheet missing from the upload (those fields were left as they are).
    #[schema(example = json!(["委員会意見"]))]
    pub missing_columns: Vec<String>,
}

/// One cell an upload writes.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CellChange {
    /// The sheet row, as the spreadsheet application numbers it.
    #[schema(example = 12)]
    pub row: u32,
    #[schema(example = "実績")]
    pub column: String,
    #[schema(example = "40")]
    pub initiative_key: String,
    /// The value stored now (`null`: empty).
    #[schema(example = "配置人数 18人")]
    pub old: Option<String>,
    /// The value written (`null`: emptied).
    #[schema(example = "配置人数 20人")]
    pub new: Option<String>,
}

/// Something in the upload that was not imported, or how it was compared.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SheetWarning {
    /// `read_only_column`, `unknown_column`, `missing_column`, `unknown_initiative`,
    /// `no_version`, `kept_mine`.
    #[schema(example = "read_only_column")]
    pub code: String,
    /// For the clerk, in Japanese.
    #[schema(example = "行 12, 列 取組: 灰色の列は取り込まれません（変更は無視しました）")]
    pub message: String,
    #[schema(example = 12)]
    pub row: Option<u32>,
    #[schema(example = "取組")]
    pub column: Option<String>,
}

/// Where an item's fields sit in the sheet, to name an error's cell.
pub struct ItemPlace {
    pub row: u32,
    pub columns: Vec<(String, String)>,
}

pub fn cell_error(row: u32, column: &str, pointer: String, code: &str, message: String) -> FieldError {
    FieldError {
        row: Some(row),
        column: (!column.is_empty()).then(|| column.to_string()),
        ..FieldError::new(
            pointer,
            code,
            if column.is_empty() {
                format!("行 {row}: {message}")
            } else {
                format!("行 {row}, 列 {column}: {message}")
            },
        )
    }
}

pub fn warning(code: &str, row: Option<u32>, column: Option<&str>, message: String) -> SheetWarning {
    let place = match (row, column) {
        (Some(r), Some(c)) => format!("行 {r}, 列 {c}: "),
        (Some(r), None) => format!("行 {r}: "),
        (None, Some(c)) => format!("列 {c}: "),
        (None, None) => String::new(),
    };
    SheetWarning { code: code.into(), message: format!("{place}{message}"), row, column: column.map(str::to_string) }
}

/// At most [`MAX_ERRORS`] errors, and a last one counting the rest.
pub fn capped(mut errors: Vec<FieldError>) -> Vec<FieldError> {
    if errors.len() > MAX_ERRORS {
        let rest = errors.len() - MAX_ERRORS;
        errors.truncate(MAX_ERRORS);
        errors.push(FieldError::new(
            "/body",
            "more_errors",
            format!(
                "ほかに {rest} 件の誤りがあります（最初の {MAX_ERRORS} 件を直して、もう一度アップロードしてください）"
            ),
        ));
    }
    errors
}

/// What an error of the batch means, for a clerk (Japanese), by its code and field.
fn japanese(e: &FieldError, scale: &[String]) -> Option<String> {
    let field = e.field.rsplit('/').next().unwrap_or_default();
    Some(match e.code.as_str() {
        "enum" if field.ends_with("rating") => format!("評価は {} のいずれかです", scale.join("・")),
        "enum" => "選択肢にない値です".into(),
        "max_length" => format!("長すぎます（{}）", e.message),
        "control_character" => "制御文字は使えません（タブと改行のほかは使えません）".into(),
        "out_of_range" => "数値は 0 か、絶対値が 0.000001 から 1,000兆 までの有限の数で入力してください".into(),
        "forbidden" => format!("この取組を変更する権限がありません（{}）", e.message),
        "workflow_state" => format!("報告の今の状態では変更できません（{}）", e.message),
        "fiscal_year_out_of_range" => format!("この年度には入力できません（{}）", e.message),
        "not_found" => format!("見つかりません（{}）", e.message),
        _ => return None,
    })
}

/// An error of the batch, placed at its sheet row and column (a row's error at the first
/// column the row changes), in Japanese where the code is known.
pub fn locate(mut e: FieldError, places: &[ItemPlace], scale: &[String]) -> FieldError {
    let index =
        e.field.strip_prefix("/items/").and_then(|rest| rest.split('/').next()).and_then(|i| i.parse::<usize>().ok());
    let Some(place) = index.and_then(|i| places.get(i)) else { return e };
    let column = place
        .columns
        .iter()
        .find(|(pointer, _)| *pointer == e.field)
        .or_else(|| {
            (e.field == format!("/items/{}", index.unwrap_or_default())).then(|| place.columns.first()).flatten()
        })
        .map(|(_, header)| header.clone());
    let message = japanese(&e, scale).unwrap_or_else(|| e.message.clone());
    e.row = Some(place.row);
    e.message = match &column {
        Some(c) => format!("行 {}, 列 {c}: {message}", place.row),
        None => format!("行 {}: {message}", place.row),
    };
    e.column = column;
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_placed_at_their_cell() {
        let places = vec![ItemPlace {
            row: 12,
            columns: vec![
                ("/items/0/result_text".into(), "実績".into()),
                ("/items/0/self_rating".into(), "自己評価".into()),
            ],
        }];
        let scale = vec!["A".to_string(), "B".into(), "C".into(), "D".into()];
        let e = locate(FieldError::new("/items/0/result_text", "max_length", "too long"), &places, &scale);
        assert_eq!((e.row, e.column.as_deref()), (Some(12), Some("実績")));
        assert_eq!(e.message, "行 12, 列 実績: 長すぎます（too long）");
        let e = locate(FieldError::new("/items/0/self_rating", "enum", "must be a grade"), &places, &scale);
        assert_eq!(e.message, "行 12, 列 自己評価: 評価は A・B・C・D のいずれかです");
        let e = locate(FieldError::new("/items/0", "forbidden", "not yours"), &places, &scale);
        assert_eq!((e.row, e.column.as_deref()), (Some(12), Some("実績")), "a row's error at its first changed cell");
        let e = locate(FieldError::new("/fiscal_year", "x", "y"), &places, &scale);
        assert_eq!(e.row, None);
    }

    #[test]
    fn at_most_max_errors_are_listed() {
        let errors = (0..MAX_ERRORS + 5).map(|i| FieldError::new(format!("/x/{i}"), "c", "m")).collect();
        let capped = capped(errors);
        assert_eq!(capped.len(), MAX_ERRORS + 1);
        assert!(capped.last().unwrap().message.contains('5'));
    }
}
