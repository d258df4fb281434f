//! An uploaded progress sheet, read back into a batch by a three-way merge, as version control
//! merges: each row carries the version of its report the sheet was exported from (column 版);
//! that version, taken from the report's history, is the base. A cell the clerk changed from
//! the base is written; a cell they did not change never is, whatever it says, so an old sheet
//! never puts back what a colleague wrote since. A cell both the clerk and someone else changed
//! is a conflict: the upload is refused (409, both values by cell) unless the caller asks to
//! keep theirs. Rows without a version are compared with the data as it is now, and the answer
//! says so. The batch then checks and writes the changes like any other; every problem of the
//! upload (reading, domain, permission) comes back in one answer, at its cell, in Japanese.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use unicode_normalization::UnicodeNormalization;
use uuid::Uuid;

use super::answer::{capped, cell_error, locate, warning};
pub use super::answer::{CellChange, SheetImportResult, SheetWarning};
use super::grid::ReadSheet;
use super::items::{cells_get, item_of, normalize_cell};
use super::layout::{normalize_header, text_of, Cell, Field, Layout, RowData, RELISTED};
use super::rows::{self, SheetRow};
use super::upload::excerpt;
use crate::db::schema::report_revisions;
use crate::db::{DbConnection, DbUuid};
use crate::domain::fiscal_year;
use crate::error::{ApiError, ApiResult, FieldError};
use crate::models::audit::Actor;
use crate::models::plans;
use crate::resources::batches::{self, ProgressBatchInput, ProgressBatchResult};
use crate::resources::reports::views::AnnualReportView;
use crate::web::auth::Principal;

/// How an upload treats conflicts.
#[derive(Debug, Clone, Default)]
pub struct KeepMine {
    all: bool,
    cells: HashSet<(u32, String)>,
}

impl KeepMine {
    /// `all`, or cells as the conflict answer names them: `12:実績,14:自己評価`.
    pub fn parse(text: Option<&str>) -> ApiResult<KeepMine> {
        let mut keep = KeepMine::default();
        for part in text.unwrap_or_default().split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if part == "all" {
                keep.all = true;
                continue;
            }
            match part.split_once(':').and_then(|(row, column)| Some((row.trim().parse::<u32>().ok()?, column))) {
                Some((row, column)) => {
                    keep.cells.insert((row, normalize_header(column)));
                }
                None => {
                    return Err(ApiError::invalid(
                        "/query/keep_mine",
                        "format",
                        format!("「{}」: name cells as 行:列 (12:実績), or all", excerpt(part)),
                    ))
                }
            }
        }
        Ok(keep)
    }

    fn covers(&self, row: u32, column: &str) -> bool {
        self.all || self.cells.contains(&(row, normalize_header(column)))
    }
}

/// One data row of the upload, with the initiative it names.
struct UploadRow<'a> {
    row: u32,
    cells: &'a [Cell],
    now: &'a SheetRow,
    relisted: bool,
    version: Option<i32>,
}

/// The options of an upload.
pub struct ImportOptions {
    pub dry_run: bool,
    pub keep_mine: KeepMine,
}

pub fn import(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    fy: i32,
    sheet: ReadSheet,
    options: ImportOptions,
) -> ApiResult<SheetImportResult> {
    let plan = plans::load_locked(conn, plan_id)?;
    let scale: Vec<String> = plan.rating_scale()?.into_iter().map(|g| g.code).collect();
    let (layout, current) = rows::load(conn, principal, &plan, fy)?;
    let ReadSheet { grid, errors: read_errors, format } = sheet;
    let mut errors = read_errors;
    let mut warnings = Vec::new();
    let (header_row, headers) = find_header(&grid)?;

    let SheetColumns { columns, unknown, missing } =
        map_columns(&layout, header_row, &headers, fy, &mut errors, &mut warnings);
    let column_of = |field: Field| columns.iter().find(|(_, f, _)| *f == field).map(|(i, _, _)| *i);
    let (key_column, code_column) = (column_of(Field::Key), column_of(Field::Code));
    let (relisted_column, version_column) = (column_of(Field::Relisted), column_of(Field::Version));
    if key_column.is_none() && code_column.is_none() {
        errors.push(cell_error(
            header_row,
            "",
            "/body".into(),
            "required",
            "キー または No. の列が必要です (the sheet needs the column キー or No.)".into(),
        ));
        return Err(ApiError::Validation(capped(errors)));
    }

    // Each data row's initiative: by キー, else by a No. that names one initiative (exactly,
    // else after NFKC, so that full-width forms match).
    let primary: Vec<&SheetRow> = current.iter().filter(|r| !r.data.relisted).collect();
    let mut by_key: HashMap<String, &SheetRow> = HashMap::new();
    let mut by_code: HashMap<String, Vec<&SheetRow>> = HashMap::new();
    for r in &primary {
        by_key.insert(r.data.key.clone(), r);
        by_code.entry(r.data.code.clone()).or_default().push(r);
    }
    // Keys as a spreadsheet may hand them back: full-width (NFKC), or a number (`22.0`).
    let loose = |t: &str| {
        let t: String = t.trim().nfkc().collect();
        match t.parse::<f64>() {
            Ok(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", n as i64),
            _ => t,
        }
    };
    let by_key_loose: HashMap<String, &SheetRow> = primary.iter().map(|r| (loose(&r.data.key), *r)).collect();
    let cell_at =
        |cells: &[Cell], index: Option<usize>| index.and_then(|i| cells.get(i)).map(Cell::as_text).unwrap_or_default();
    let mut upload_rows = Vec::new();
    let mut read = 0;
    for (row, cells) in grid.iter().filter(|(r, _)| *r > header_row) {
        if cells.iter().all(|c| c.as_text().trim().is_empty()) {
            continue;
        }
        read += 1;
        let (key, code) = (cell_at(cells, key_column), cell_at(cells, code_column));
        let found = match (key.trim(), code.trim()) {
            ("", "") => None,
            ("", code) => match by_code.get(code).map(Vec::as_slice) {
                Some([one]) => Some(*one),
                _ => None,
            },
            (key, _) => by_key.get(key).or_else(|| by_key_loose.get(&loose(key))).copied(),
        };
        let Some(now) = found else {
            let (column, value) = if key.trim().is_empty() { ("No.", code.trim()) } else { ("キー", key.trim()) };
            warnings.push(warning(
                "unknown_initiative",
                Some(*row),
                Some(column),
                format!(
                    "「{}」: {}に実施中の取組にこの{column}はありません（この行は取り込みません）",
                    excerpt(value),
                    fiscal_year::label(fy)
                ),
            ));
            continue;
        };
        let relisted = cell_at(cells, relisted_column).contains(RELISTED.trim_start_matches('※'));
        let version = match version_column.map(|i| cells.get(i).cloned().unwrap_or(Cell::Empty)) {
            None | Some(Cell::Empty) => None,
            Some(cell) => match cell.number_value() {
                Ok(Some(v)) if v.fract() == 0.0 && (0.0..=1e9).contains(&v) => Some(v as i32),
                _ => {
                    warnings.push(warning(
                        "no_version",
                        Some(*row),
                        Some(super::layout::VERSION),
                        format!("「{}」は版として読めません: 今のデータと比べました", excerpt(&cell.as_text())),
                    ));
                    None
                }
            },
        };
        upload_rows.push(UploadRow { row: *row, cells, now, relisted, version });
    }

    let history = versions_shown(conn, &upload_rows)?;

    let mut items = Vec::new();
    let mut places = Vec::new();
    let mut changes = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let (mut relisted_rows, mut unversioned_rows, mut conflicts) = (0, 0, Vec::new());
    for upload in &upload_rows {
        let (row, now) = (upload.row, &upload.now.data);
        let base: RowData = match (upload.now.report, upload.version) {
            (_, None) => {
                unversioned_rows += 1;
                now.clone()
            }
            (None, Some(0)) => now.clone(),
            (Some((_, stored)), Some(v)) if v == stored => now.clone(),
            (Some(_), Some(0)) => rows::as_of(now, None),
            (Some((id, _)), Some(v)) if history.contains_key(&(id, v)) => rows::as_of(now, history.get(&(id, v))),
            (_, Some(v)) => {
                warnings.push(warning(
                    "no_version",
                    Some(row),
                    Some(super::layout::VERSION),
                    format!("版 {v} の報告が見つかりません: 今のデータと比べました"),
                ));
                unversioned_rows += 1;
                now.clone()
            }
        };
        let mine_of = |index: usize, field: Field| normalize_cell(field, cells_get(upload.cells, index), &scale);

        // Read-only columns: an edit there is not imported, and said so.
        for (index, field, header) in columns.iter().filter(|(_, f, _)| !f.editable()) {
            if matches!(field, Field::Key | Field::Code | Field::Relisted | Field::Version) {
                continue;
            }
            let mine = cells_get(upload.cells, *index);
            let shown_elsewhere = upload.relisted && matches!(field, Field::Level(_));
            if !(mine.same_as(&now.cell(*field)) || shown_elsewhere) {
                warnings.push(warning(
                    "read_only_column",
                    Some(row),
                    Some(header),
                    format!("灰色の列は取り込まれません: 「{}」への変更は無視しました", excerpt(&mine.as_text())),
                ));
            }
        }

        // The clerk's changes: cells that differ from the base and from what is stored now.
        let mut changed: Vec<(Field, String, Cell)> = Vec::new();
        for (index, field, header) in columns.iter().filter(|(_, f, _)| f.editable()) {
            let mine = mine_of(*index, *field);
            let (base_cell, now_cell) = (base.cell(*field), now.cell(*field));
            if mine.same_as(&base_cell) || mine.same_as(&now_cell) {
                continue;
            }
            if !base_cell.same_as(&now_cell) && !upload.relisted {
                if options.keep_mine.covers(row, header) {
                    warnings.push(warning(
                        "kept_mine",
                        Some(row),
                        Some(header),
                        format!(
                            "ダウンロード後に変更された「{}」を、あなたの値で上書きします",
                            excerpt(&now_cell.as_text())
                        ),
                    ));
                } else {
                    conflicts.push(FieldError {
                        row: Some(row),
                        column: Some(header.clone()),
                        current_value: text_of(&now_cell),
                        your_value: text_of(&mine),
                        ..FieldError::new(
                            format!("/rows/{row}"),
                            "edit_conflict",
                            format!(
                                "行 {row}, 列 {header}: ダウンロード後に他の人が変更しました（今の値「{}」、あなたの値「{}」）。\
                                 新しいシートで入力し直すか、keep_mine={row}:{header} で上書きしてください",
                                excerpt(&now_cell.as_text()),
                                excerpt(&mine.as_text())
                            ),
                        )
                    });
                    continue;
                }
            }
            changed.push((*field, header.clone(), mine));
        }

        if upload.relisted {
            relisted_rows += 1;
            if let Some((_, header, _)) = changed.first() {
                errors.push(cell_error(
                    row,
                    header,
                    format!("/rows/{row}"),
                    "relisted_row",
                    format!(
                        "※再掲の行は変更できません: 取組 {} の最初の行で入力してください (edit the initiative in its first row)",
                        now.key
                    ),
                ));
            }
            continue;
        }
        if let Some(first) = seen.insert(now.key.clone(), row) {
            errors.push(cell_error(
                row,
                "キー",
                format!("/rows/{row}"),
                "duplicate",
                format!("取組 {} は行 {first} にもあります: 1行にまとめてください", now.key),
            ));
            continue;
        }
        if changed.is_empty() {
            continue;
        }
        let (item, place) = item_of(row, now, &layout, &changed, items.len(), &mut errors);
        for (field, header, mine) in &changed {
            changes.push(CellChange {
                row,
                column: header.clone(),
                initiative_key: now.key.clone(),
                old: text_of(&now.cell(*field)),
                new: text_of(mine).map(|t| {
                    if matches!(field, Field::SelfRating | Field::CommitteeRating) {
                        t.trim().to_string()
                    } else {
                        t
                    }
                }),
            });
        }
        items.push(item);
        places.push(place);
    }
    if unversioned_rows > 0 {
        warnings.push(warning(
            "no_version",
            None,
            Some(super::layout::VERSION),
            format!(
                "{unversioned_rows} 行に版がありません（古いシートか手作りのシート）: 今のデータと比べたため、ダウンロード後に他の人が変更した内容を上書きすることがあります"
            ),
        ));
    }

    let unchanged_rows = read - relisted_rows - items.len();
    let outcome =
        |batch: ProgressBatchResult, changes: Vec<CellChange>, warnings: Vec<SheetWarning>| SheetImportResult {
            batch,
            file_format: format.clone(),
            rows: read,
            unchanged_rows,
            relisted_rows,
            unversioned_rows,
            changes,
            warnings,
            unknown_columns: unknown.clone(),
            missing_columns: missing.clone(),
        };
    if items.is_empty() && errors.is_empty() && conflicts.is_empty() {
        return Ok(outcome(
            ProgressBatchResult {
                plan_id,
                fiscal_year: fy,
                fiscal_year_label: fiscal_year::label(fy),
                dry_run: options.dry_run,
                request_id: actor.request_id.clone(),
                created: 0,
                updated: 0,
                unchanged: unchanged_rows,
                items: Vec::new(),
            },
            changes,
            warnings,
        ));
    }
    let input = ProgressBatchInput { fiscal_year: fy, items, dry_run: options.dry_run };
    // The same checks as a batch sent as JSON: its schema (lengths, ranges …), control
    // characters, then the batch's own (rights, grades, states …), all collected.
    let mut found = Vec::new();
    if !input.items.is_empty() {
        let value = serde_json::to_value(&input)?;
        found.extend(crate::web::contract::get().check_body("ProgressBatchInput", &value));
        found.extend(crate::web::http::control_character_errors(&value));
    }
    let batch = if input.items.is_empty() {
        Err(ApiError::Validation(Vec::new()))
    } else {
        batches::run_with(conn, principal, actor, plan_id, input, true)
    };
    let (status, batch_errors) = match batch {
        Ok(mut batch) if found.is_empty() && errors.is_empty() && conflicts.is_empty() => {
            for item in &mut batch.items {
                item.row = places.get(item.index).map(|p| p.row);
            }
            batch.unchanged += unchanged_rows;
            return Ok(outcome(batch, changes, warnings));
        }
        Ok(_) => (Status::Invalid, Vec::new()),
        Err(ApiError::Validation(e)) => (Status::Invalid, e),
        Err(ApiError::ForbiddenItems { errors, .. }) => (Status::Forbidden, errors),
        Err(ApiError::ConflictItems { errors, .. }) => (Status::Conflict, errors),
        Err(other) => return Err(other),
    };
    let mut located: Vec<FieldError> = Vec::new();
    for e in found.into_iter().chain(batch_errors) {
        let e = locate(e, &places, &scale);
        if !located.iter().any(|x| x.field == e.field && x.code == e.code) {
            located.push(e);
        }
    }
    let reading = errors.len();
    errors.extend(located);
    // One answer: 409 when every problem is an edit conflict, 403 when every one is a refusal,
    // else 422 with all of them.
    let only_conflicts = errors.is_empty();
    errors.extend(conflicts);
    errors.sort_by_key(|e| e.row.unwrap_or(0));
    let count = errors.len();
    let detail = |what: &str| format!("{count} {what}: nothing was written (行と列は errors を見てください)");
    Err(match (only_conflicts, status, reading) {
        (true, _, _) => ApiError::ConflictItems {
            detail: detail("cells were changed by someone else since the sheet was downloaded"),
            errors: capped(errors),
        },
        (false, Status::Forbidden, 0) if errors.iter().all(|e| e.code == "forbidden") => {
            ApiError::ForbiddenItems { detail: detail("rows may not be written by you"), errors: capped(errors) }
        }
        (false, Status::Conflict, 0) if errors.iter().all(|e| e.code == "workflow_state") => ApiError::ConflictItems {
            detail: detail("rows cannot be written in their report's state"),
            errors: capped(errors),
        },
        _ => ApiError::Validation(capped(errors)),
    })
}

enum Status {
    Invalid,
    Forbidden,
    Conflict,
}

/// The upload's columns: each header as a column of the layout (`columns`: index, field,
/// header), or unknown (a warning); another year's columns and a column twice are errors;
/// `missing`: the layout's columns the upload does not have (a warning for editable ones).
struct SheetColumns {
    columns: Vec<(usize, Field, String)>,
    unknown: Vec<String>,
    missing: Vec<String>,
}

fn map_columns(
    layout: &Layout,
    header_row: u32,
    headers: &[Cell],
    fy: i32,
    errors: &mut Vec<FieldError>,
    warnings: &mut Vec<SheetWarning>,
) -> SheetColumns {
    let mut columns: Vec<(usize, Field, String)> = Vec::new();
    let mut unknown = Vec::new();
    for (index, cell) in headers.iter().enumerate() {
        let text = cell.as_text().trim().to_string();
        if text.is_empty() {
            continue;
        }
        match layout.find(&text) {
            Some(column) if columns.iter().any(|(_, f, _)| *f == column.field) => errors.push(cell_error(
                header_row,
                &text,
                "/body".into(),
                "duplicate",
                "この列が2つあります (the column appears twice)".into(),
            )),
            Some(column) => columns.push((index, column.field, column.header.clone())),
            None if text.contains("年度）") || text.contains("年度)") => errors.push(cell_error(
                header_row,
                &text,
                "/query/fiscal_year".into(),
                "fiscal_year_mismatch",
                format!(
                    "この列は{}のものではありません: 年度を確かめてください (fiscal_year={fy})",
                    fiscal_year::label(fy)
                ),
            )),
            None => {
                warnings.push(warning(
                    "unknown_column",
                    Some(header_row),
                    Some(&text),
                    "進行管理シートにない列です（取り込みません）".into(),
                ));
                unknown.push(text);
            }
        }
    }
    let missing: Vec<String> = layout
        .columns
        .iter()
        .filter(|c| !columns.iter().any(|(_, f, _)| *f == c.field))
        .map(|c| c.header.clone())
        .collect();
    for header in missing.iter().filter(|h| layout.find(h).is_some_and(|c| c.field.editable())) {
        warnings.push(warning("missing_column", None, Some(header), "この列がありません（今の内容のままです）".into()));
    }
    SheetColumns { columns, unknown, missing }
}

/// The bases of the merge: each row's report as of the version the sheet shows (where that is
/// not the version stored now), from the report's history, in a few queries.
fn versions_shown(
    conn: &mut DbConnection,
    upload_rows: &[UploadRow],
) -> ApiResult<HashMap<(DbUuid, i32), AnnualReportView>> {
    let wanted: HashSet<(DbUuid, i32)> = upload_rows
        .iter()
        .filter_map(|u| match (u.now.report, u.version) {
            (Some((id, now)), Some(v)) if v > 0 && v != now => Some((id, v)),
            _ => None,
        })
        .collect();
    let mut history = HashMap::new();
    if !wanted.is_empty() {
        let ids: Vec<DbUuid> = wanted.iter().map(|(id, _)| *id).collect::<HashSet<_>>().into_iter().collect();
        let numbers: Vec<i32> = wanted.iter().map(|(_, v)| *v).collect::<HashSet<_>>().into_iter().collect();
        for chunk in ids.chunks(500) {
            let found: Vec<(DbUuid, i32, String)> = report_revisions::table
                .filter(report_revisions::report_id.eq_any(chunk).and(report_revisions::number.eq_any(&numbers)))
                .select((report_revisions::report_id, report_revisions::number, report_revisions::snapshot))
                .load(conn)?;
            for (id, number, snapshot) in found {
                if wanted.contains(&(id, number)) {
                    history.insert((id, number), serde_json::from_str(&snapshot)?);
                }
            }
        }
    }
    Ok(history)
}

/// The header row: the first of the first 20 rows that names the initiative's columns.
fn find_header(grid: &[(u32, Vec<Cell>)]) -> ApiResult<(u32, Vec<Cell>)> {
    grid.iter()
        .take(20)
        .find(|(_, cells)| cells.iter().any(|c| matches!(c.as_text().trim(), "取組" | "キー" | "No.")))
        .map(|(row, cells)| (*row, cells.clone()))
        .ok_or_else(|| {
            ApiError::invalid(
                "/body",
                "header_not_found",
                "見出しの行（キー・No.・取組 の列）が最初の20行にありません: Shinchoku から出力したシートをアップロードしてください \
                 (no header row with the columns キー, No. and 取組 in the first 20 rows)",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_mine_names_cells() {
        let keep = KeepMine::parse(Some("12:実績, 14:自己評価")).unwrap();
        assert!(keep.covers(12, "実績") && keep.covers(14, " 自己評価") && !keep.covers(13, "実績"));
        assert!(KeepMine::parse(Some("all")).unwrap().covers(99, "x"));
        assert!(KeepMine::parse(Some("実績")).is_err());
    }
}
