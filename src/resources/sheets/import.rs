//! An uploaded progress sheet, read back into a batch: each row is compared with what the
//! uploader's own export shows now, and only the cells that differ become the row's item (so an
//! unchanged sheet changes nothing, and an item never carries what its writer did not touch).
//! The batch then checks and writes it like any other; its errors come back as sheet row and
//! column (`行 12, 列 実績`) as well as JSON pointers.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::files::Grid;
use super::layout::{label_of, text_of, Cell, Field, RowData, RELISTED};
use super::rows;
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::enums::{PlanCategory, ProgressStatus, QuarterMark};
use crate::error::{ApiError, ApiResult, FieldError};
use crate::resources::batches::{
    self, BatchQuarterInput, BatchValueInput, ProgressBatchInput, ProgressBatchItem, ProgressBatchResult,
};
use crate::resources::plans;
use crate::state::Actor;

/// What an uploaded sheet wrote (or would write, `dry_run`).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SheetImportResult {
    #[serde(flatten)]
    pub batch: ProgressBatchResult,
    /// Data rows read (blank rows not counted).
    #[schema(example = 58)]
    pub rows: usize,
    /// Rows whose cells all equal what the sheet shows now: not sent to the batch, counted in `unchanged`.
    #[schema(example = 55)]
    pub unchanged_rows: usize,
    /// ※再掲 rows (a cross-listed initiative under its other nodes): read only, edit the first row.
    #[schema(example = 5)]
    pub relisted_rows: usize,
    /// Columns the sheet has that the progress sheet does not (their cells were not read).
    #[schema(example = json!(["備考"]))]
    pub unknown_columns: Vec<String>,
    /// Columns of the progress sheet missing from the upload (those fields were left as they are).
    #[schema(example = json!(["委員会意見"]))]
    pub missing_columns: Vec<String>,
}

/// Where an item's fields sit in the sheet, to name an error's cell.
struct ItemPlace {
    row: u32,
    columns: Vec<(String, String)>,
}

fn cell_error(row: u32, column: &str, pointer: String, code: &str, message: String) -> FieldError {
    FieldError {
        row: Some(row),
        column: (!column.is_empty()).then(|| column.to_string()),
        ..FieldError::new(pointer, code, format!("行 {row}, 列 {column}: {message}"))
    }
}

pub fn import(
    conn: &mut DbConnection,
    principal: &Principal,
    actor: &Actor,
    plan_id: Uuid,
    fy: i32,
    grid: Grid,
    dry_run: bool,
) -> ApiResult<SheetImportResult> {
    let plan = plans::load_locked(conn, plan_id)?;
    let (layout, current) = rows::load(conn, principal, &plan, fy)?;
    let (header_row, headers) = find_header(&grid)?;
    let mut columns: Vec<(usize, Field, String)> = Vec::new();
    let mut unknown = Vec::new();
    let mut errors = Vec::new();
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
                    "the column is for another fiscal year than {} (fiscal_year={fy})",
                    crate::fiscal_year::label(fy)
                ),
            )),
            None => unknown.push(text),
        }
    }
    let missing: Vec<String> = layout
        .columns
        .iter()
        .filter(|c| !columns.iter().any(|(_, f, _)| *f == c.field))
        .map(|c| c.header.clone())
        .collect();
    let key_column = columns.iter().find(|(_, f, _)| *f == Field::Key).map(|(i, _, _)| *i);
    let code_column = columns.iter().find(|(_, f, _)| *f == Field::Code).map(|(i, _, _)| *i);
    let relisted_column = columns.iter().find(|(_, f, _)| *f == Field::Relisted).map(|(i, _, _)| *i);
    if key_column.is_none() && code_column.is_none() {
        errors.push(cell_error(
            header_row,
            "",
            "/body".into(),
            "required",
            "the sheet needs the column キー or No. to know each row's initiative".into(),
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }

    let by_key: HashMap<&str, &RowData> =
        current.iter().filter(|r| !r.data.relisted).map(|r| (r.data.key.as_str(), &r.data)).collect();
    let mut by_code: HashMap<&str, Vec<&RowData>> = HashMap::new();
    for r in current.iter().filter(|r| !r.data.relisted) {
        by_code.entry(r.data.code.as_str()).or_default().push(&r.data);
    }
    let cell_at =
        |cells: &[Cell], index: Option<usize>| index.and_then(|i| cells.get(i)).map(Cell::as_text).unwrap_or_default();

    let mut items = Vec::new();
    let mut places = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let (mut read, mut relisted_rows) = (0, 0);
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
            (key, _) => by_key.get(key).copied(),
        };
        let Some(now) = found else {
            let (column, value) = if key.trim().is_empty() { ("No.", code.trim()) } else { ("キー", key.trim()) };
            errors.push(cell_error(
                *row,
                column,
                format!("/items/{}/initiative_code", items.len()),
                "not_found",
                format!(
                    "「{value}」: no initiative of the plan active in {} has this {column}",
                    crate::fiscal_year::label(fy)
                ),
            ));
            continue;
        };
        let relisted = cell_at(cells, relisted_column).contains(RELISTED.trim_start_matches('※'));
        let changed: Vec<(usize, Field, &String)> = columns
            .iter()
            .filter(|(_, field, _)| field.editable())
            .filter(|(index, field, _)| !cells.get(*index).unwrap_or(&Cell::Empty).same_as(&now.cell(*field)))
            .map(|(index, field, header)| (*index, *field, header))
            .collect();
        if relisted {
            relisted_rows += 1;
            if let Some((_, _, header)) = changed.first() {
                errors.push(cell_error(
                    *row,
                    header,
                    format!("/items/{}", items.len()),
                    "relisted_row",
                    format!("※再掲の行は変更できません: {} の最初の行で入力してください (edit the initiative in its first row)", now.key),
                ));
            }
            continue;
        }
        if let Some(first) = seen.insert(now.key.clone(), *row) {
            errors.push(cell_error(
                *row,
                "キー",
                format!("/items/{}/initiative_code", items.len()),
                "duplicate",
                format!("the initiative {} is also in 行 {first}", now.key),
            ));
            continue;
        }
        if changed.is_empty() {
            continue;
        }
        let at = format!("/items/{}", items.len());
        let mut item = ProgressBatchItem { initiative_code: Some(now.key.clone()), ..Default::default() };
        let mut place = ItemPlace { row: *row, columns: Vec::new() };
        let value_of = |field: Field| -> Cell {
            match columns.iter().find(|(_, f, _)| *f == field) {
                Some((index, _, _)) => cells.get(*index).cloned().unwrap_or(Cell::Empty),
                None => now.cell(field),
            }
        };
        for (_, field, header) in &changed {
            let cell = value_of(*field);
            let mut bad = |message: String| {
                errors.push(cell_error(*row, header, format!("{at}{}", field.pointer()), "invalid", message))
            };
            match field {
                Field::Category => match label_of(
                    &cell,
                    PlanCategory::from_label,
                    &labels(PlanCategory::ALL.iter().map(|c| c.label())),
                ) {
                    Ok(v) => item.category = Some(v),
                    Err(m) => bad(m),
                },
                Field::Progress => match label_of(
                    &cell,
                    ProgressStatus::from_label,
                    &labels(ProgressStatus::ALL.iter().map(|c| c.label())),
                ) {
                    Ok(v) => item.progress_status = Some(v),
                    Err(m) => bad(m),
                },
                Field::PlanText => item.plan_text = Some(text_of(&cell)),
                Field::ResultText => item.result_text = Some(text_of(&cell)),
                Field::IssuesText => item.issues_text = Some(text_of(&cell)),
                Field::NextStepsText => item.next_steps_text = Some(text_of(&cell)),
                Field::SelfRating => item.self_rating = Some(text_of(&cell).map(|t| t.trim().to_string())),
                Field::CommitteeRating => item.committee_rating = Some(text_of(&cell).map(|t| t.trim().to_string())),
                Field::CommitteeOpinion => item.committee_opinion = Some(text_of(&cell)),
                Field::QuarterPlan(q) | Field::QuarterResult(q) | Field::QuarterMark(q) => {
                    let q = *q;
                    if item.quarters.iter().any(|x| x.quarter == q) {
                        continue;
                    }
                    let mark =
                        match label_of(&value_of(Field::QuarterMark(q)), QuarterMark::from_sheet, &["○", "×", "—"])
                        {
                            Ok(mark) => mark,
                            Err(m) => {
                                bad(m);
                                continue;
                            }
                        };
                    item.quarters.push(BatchQuarterInput {
                        quarter: q,
                        plan_text: text_of(&value_of(Field::QuarterPlan(q))),
                        result_text: text_of(&value_of(Field::QuarterResult(q))),
                        mark,
                    });
                    let n = item.quarters.len() - 1;
                    for (f, name) in [
                        (Field::QuarterPlan(q), "plan_text"),
                        (Field::QuarterResult(q), "result_text"),
                        (Field::QuarterMark(q), "mark"),
                    ] {
                        if let Some(h) = layout.columns.iter().find(|c| c.field == f) {
                            place.columns.push((format!("{at}/quarters/{n}/{name}"), h.header.clone()));
                        }
                    }
                }
                Field::IndicatorTarget(k) | Field::IndicatorActual(k) | Field::IndicatorRaw(k) => {
                    let k = *k;
                    let Some(indicator) = now.indicators.get(k - 1) else {
                        bad(format!("the initiative has {} indicators: leave 指標{k} empty", now.indicators.len()));
                        continue;
                    };
                    if item.indicator_values.iter().any(|v| v.indicator == indicator.key) {
                        continue;
                    }
                    let mut number = |f: Field| match value_of(f).number_value() {
                        Ok(n) => n,
                        Err(m) => {
                            let header = layout.columns.iter().find(|c| c.field == f).map_or("", |c| c.header.as_str());
                            errors.push(cell_error(*row, header, format!("{at}{}", f.pointer()), "invalid_type", m));
                            None
                        }
                    };
                    let target = number(Field::IndicatorTarget(k));
                    let actual = number(Field::IndicatorActual(k));
                    item.indicator_values.push(BatchValueInput {
                        indicator: indicator.key.clone(),
                        target,
                        actual,
                        raw: text_of(&value_of(Field::IndicatorRaw(k))),
                    });
                    let n = item.indicator_values.len() - 1;
                    for (f, name) in [
                        (Field::IndicatorTarget(k), "target"),
                        (Field::IndicatorActual(k), "actual"),
                        (Field::IndicatorRaw(k), "raw"),
                    ] {
                        if let Some(h) = layout.columns.iter().find(|c| c.field == f) {
                            place.columns.push((format!("{at}/indicator_values/{n}/{name}"), h.header.clone()));
                        }
                    }
                }
                _ => {}
            }
            if !matches!(
                field,
                Field::QuarterPlan(_)
                    | Field::QuarterResult(_)
                    | Field::QuarterMark(_)
                    | Field::IndicatorTarget(_)
                    | Field::IndicatorActual(_)
                    | Field::IndicatorRaw(_)
            ) {
                place.columns.push((format!("{at}{}", field.pointer()), header.to_string()));
            }
        }
        items.push(item);
        places.push(place);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let unchanged_rows = read - relisted_rows - items.len();
    let extra = |batch: ProgressBatchResult| SheetImportResult {
        batch,
        rows: read,
        unchanged_rows,
        relisted_rows,
        unknown_columns: unknown.clone(),
        missing_columns: missing.clone(),
    };
    if items.is_empty() {
        return Ok(extra(ProgressBatchResult {
            plan_id,
            fiscal_year: fy,
            fiscal_year_label: crate::fiscal_year::label(fy),
            dry_run,
            request_id: actor.request_id.clone(),
            created: 0,
            updated: 0,
            unchanged: unchanged_rows,
            items: Vec::new(),
        }));
    }
    let input = ProgressBatchInput { fiscal_year: fy, items, dry_run };
    // The same schema checks as a batch sent as JSON (lengths, ranges …).
    let shape = crate::contract::get().check_body("ProgressBatchInput", &serde_json::to_value(&input)?);
    if !shape.is_empty() {
        return Err(ApiError::Validation(shape.into_iter().map(|e| locate(e, &places)).collect()));
    }
    match batches::run(conn, principal, actor, plan_id, input) {
        Ok(mut batch) => {
            for item in &mut batch.items {
                item.row = places.get(item.index).map(|p| p.row);
            }
            batch.unchanged += unchanged_rows;
            Ok(extra(batch))
        }
        Err(ApiError::Validation(errors)) => {
            Err(ApiError::Validation(errors.into_iter().map(|e| locate(e, &places)).collect()))
        }
        Err(ApiError::ForbiddenItems { detail, errors }) => {
            Err(ApiError::ForbiddenItems { detail, errors: errors.into_iter().map(|e| locate(e, &places)).collect() })
        }
        Err(ApiError::ConflictItems { detail, errors }) => {
            Err(ApiError::ConflictItems { detail, errors: errors.into_iter().map(|e| locate(e, &places)).collect() })
        }
        Err(other) => Err(other),
    }
}

fn labels<'a>(all: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    all.collect()
}

/// The header row: the first of the first 20 rows that names the initiative's columns.
fn find_header(grid: &Grid) -> ApiResult<(u32, Vec<Cell>)> {
    grid.iter()
        .take(20)
        .find(|(_, cells)| cells.iter().any(|c| matches!(c.as_text().trim(), "取組" | "キー" | "No.")))
        .map(|(row, cells)| (*row, cells.clone()))
        .ok_or_else(|| {
            ApiError::invalid(
                "/body",
                "header_not_found",
                "no header row (with the columns キー, No. and 取組) in the first 20 rows: upload a sheet exported from Shinchoku",
            )
        })
}

/// An error of the batch, placed at its sheet row and column.
fn locate(mut e: FieldError, places: &[ItemPlace]) -> FieldError {
    let index =
        e.field.strip_prefix("/items/").and_then(|rest| rest.split('/').next()).and_then(|i| i.parse::<usize>().ok());
    let Some(place) = index.and_then(|i| places.get(i)) else { return e };
    let column = place.columns.iter().find(|(pointer, _)| *pointer == e.field).map(|(_, header)| header.clone());
    e.row = Some(place.row);
    e.message = match &column {
        Some(c) => format!("行 {}, 列 {c}: {}", place.row, e.message),
        None => format!("行 {}: {}", place.row, e.message),
    };
    e.column = column;
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_placed_at_their_cell() {
        let places = vec![ItemPlace { row: 12, columns: vec![("/items/0/result_text".into(), "実績".into())] }];
        let e = locate(FieldError::new("/items/0/result_text", "max_length", "too long"), &places);
        assert_eq!((e.row, e.column.as_deref()), (Some(12), Some("実績")));
        assert_eq!(e.message, "行 12, 列 実績: too long");
        let e = locate(FieldError::new("/items/0", "forbidden", "not yours"), &places);
        assert_eq!((e.row, e.column), (Some(12), None));
        let e = locate(FieldError::new("/fiscal_year", "x", "y"), &places);
        assert_eq!(e.row, None);
    }
}
