//! One uploaded row's changed cells as the batch item that writes them: cells read as the clerk
//! meant them (NFKC grades and labels), typed (labels, numbers) with errors at their cell, and a
//! quarter or indicator value completed from what is stored now.

use unicode_normalization::UnicodeNormalization;

use super::answer::{cell_error, ItemPlace};
use super::layout::{label_of, text_of, Cell, Field, Layout, RowData};
use crate::domain::enums::{PlanCategory, ProgressStatus, QuarterMark};
use crate::error::FieldError;
use crate::resources::batches::{BatchQuarterInput, BatchValueInput, ProgressBatchItem};

pub(super) fn cells_get(cells: &[Cell], index: usize) -> Cell {
    cells.get(index).cloned().unwrap_or(Cell::Empty)
}

/// A cell as the clerk meant it: grades and enumerations in NFKC (`Ａ`, `ａ` are `A` when the
/// scale has `A`), other cells as they are.
pub(super) fn normalize_cell(field: Field, cell: Cell, scale: &[String]) -> Cell {
    let Cell::Text(text) = &cell else { return cell };
    match field {
        Field::SelfRating | Field::CommitteeRating => {
            let t: String = text.trim().nfkc().collect();
            let upper = t.to_uppercase();
            if scale.contains(&t) {
                Cell::Text(t)
            } else if scale.contains(&upper) {
                Cell::Text(upper)
            } else {
                Cell::Text(text.trim().to_string())
            }
        }
        Field::Category | Field::Progress | Field::QuarterMark(_) => {
            Cell::Text(text.trim().nfkc().collect::<String>().replace('〇', "○"))
        }
        _ => cell,
    }
}

/// The batch item of one row's changed cells. A quarter or an indicator value is sent whole:
/// its cells the clerk did not change are taken from what is stored now, never from the sheet.
pub(super) fn item_of(
    row: u32,
    now: &RowData,
    layout: &Layout,
    changed: &[(Field, String, Cell)],
    index: usize,
    errors: &mut Vec<FieldError>,
) -> (ProgressBatchItem, ItemPlace) {
    let at = format!("/items/{index}");
    let mut item = ProgressBatchItem { initiative_code: Some(now.key.clone()), ..Default::default() };
    let mut place = ItemPlace { row, columns: Vec::new() };
    let value_of = |field: Field| {
        changed.iter().find(|(f, _, _)| *f == field).map_or_else(|| now.cell(field), |(_, _, c)| c.clone())
    };
    let header_of = |field: Field| layout.columns.iter().find(|c| c.field == field).map_or("", |c| c.header.as_str());
    for (field, header, cell) in changed {
        let mut bad = |code: &str, message: String| {
            errors.push(cell_error(row, header, format!("{at}{}", field.pointer()), code, message))
        };
        match field {
            Field::Category => {
                match label_of(
                    cell,
                    PlanCategory::from_label,
                    &PlanCategory::ALL.iter().map(|c| c.label()).collect::<Vec<_>>(),
                ) {
                    Ok(v) => item.category = Some(v),
                    Err(m) => bad("enum", m),
                }
            }
            Field::Progress => {
                match label_of(
                    cell,
                    ProgressStatus::from_label,
                    &ProgressStatus::ALL.iter().map(|c| c.label()).collect::<Vec<_>>(),
                ) {
                    Ok(v) => item.progress_status = Some(v),
                    Err(m) => bad("enum", m),
                }
            }
            Field::PlanText => item.plan_text = Some(text_of(cell)),
            Field::ResultText => item.result_text = Some(text_of(cell)),
            Field::IssuesText => item.issues_text = Some(text_of(cell)),
            Field::NextStepsText => item.next_steps_text = Some(text_of(cell)),
            Field::SelfRating => item.self_rating = Some(text_of(cell).map(|t| t.trim().to_string())),
            Field::CommitteeRating => item.committee_rating = Some(text_of(cell).map(|t| t.trim().to_string())),
            Field::CommitteeOpinion => item.committee_opinion = Some(text_of(cell)),
            Field::QuarterPlan(q) | Field::QuarterResult(q) | Field::QuarterMark(q) => {
                let q = *q;
                if item.quarters.iter().any(|x| x.quarter == q) {
                    continue;
                }
                let mark = match label_of(&value_of(Field::QuarterMark(q)), QuarterMark::from_sheet, &["○", "×", "—"])
                {
                    Ok(mark) => mark,
                    Err(m) => {
                        let mark_header = header_of(Field::QuarterMark(q));
                        errors.push(cell_error(row, mark_header, format!("{at}/quarters/0/mark"), "enum", m));
                        None
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
                    place.columns.push((format!("{at}/quarters/{n}/{name}"), header_of(f).to_string()));
                }
            }
            Field::IndicatorTarget(k) | Field::IndicatorActual(k) | Field::IndicatorRaw(k) => {
                let k = *k;
                let Some(indicator) = now.indicators.get(k - 1) else {
                    bad(
                        "not_found",
                        format!("この取組の指標は {} つです: 指標{k} の列は空にしてください", now.indicators.len()),
                    );
                    continue;
                };
                if item.indicator_values.iter().any(|v| v.indicator == indicator.key) {
                    continue;
                }
                let n = item.indicator_values.len();
                let mut number = |f: Field, name: &str| match value_of(f).number_value() {
                    Ok(v) => v,
                    Err(m) => {
                        errors.push(cell_error(
                            row,
                            header_of(f),
                            format!("{at}/indicator_values/{n}/{name}"),
                            "invalid_type",
                            m,
                        ));
                        None
                    }
                };
                let target = number(Field::IndicatorTarget(k), "target");
                let actual = number(Field::IndicatorActual(k), "actual");
                item.indicator_values.push(BatchValueInput {
                    indicator: indicator.key.clone(),
                    target,
                    actual,
                    raw: text_of(&value_of(Field::IndicatorRaw(k))),
                });
                for (f, name) in [
                    (Field::IndicatorTarget(k), "target"),
                    (Field::IndicatorActual(k), "actual"),
                    (Field::IndicatorRaw(k), "raw"),
                ] {
                    place.columns.push((format!("{at}/indicator_values/{n}/{name}"), header_of(f).to_string()));
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
    (item, place)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_and_labels_are_read_in_nfkc() {
        let scale = vec!["A".to_string(), "B".into()];
        assert_eq!(normalize_cell(Field::SelfRating, Cell::Text("Ａ".into()), &scale), Cell::Text("A".into()));
        assert_eq!(normalize_cell(Field::SelfRating, Cell::Text(" b ".into()), &scale), Cell::Text("B".into()));
        assert_eq!(normalize_cell(Field::SelfRating, Cell::Text("E".into()), &scale), Cell::Text("E".into()));
        assert_eq!(normalize_cell(Field::QuarterMark(1), Cell::Text("〇".into()), &scale), Cell::Text("○".into()));
    }
}
