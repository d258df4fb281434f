//! The packet's layouts, as the committee's own sheets are laid out (docs/reporting.md): a
//! cover with the year's summary and the legend, then a table per node, a sheet per initiative
//! over the plan period, or the quarterly plan with its marks. Pure: content in, sheets out.

use super::content::{Content, Initiative, Year};
use super::document::{Cell, Orientation, Pager, Sheet, Style};
pub use crate::domain::enums::PacketLayout;
use crate::domain::fiscal_year;
use crate::domain::suggestion::Suggestion;

// Column widths (character units), each layout fitting its paper at 100 % (tested).
/// 表紙: label, text, count, share.
const COVER_WIDTHS: [f64; 4] = [22.0, 30.0, 14.0, 14.0];
/// No., 取組項目, 担当課, 取組内容, 進捗状況, 実績の指標, 単位, three years, 成果・課題・方針.
const NODE_TABLE_WIDTHS: [f64; 11] = [4.0, 12.0, 8.0, 21.0, 7.0, 12.0, 5.0, 7.0, 7.0, 7.0, 29.0];
/// 年度, 取組の内容, 内容と成果, 課題, 評価, 意見等.
const PER_INITIATIVE_WIDTHS: [f64; 6] = [8.0, 16.0, 22.0, 16.0, 6.0, 15.0];
/// 取り組み項目, 具体的内容, 担当課, 年度, four quarters, 達成状況及び今後の方針.
const QUARTERLY_WIDTHS: [f64; 9] = [15.0, 18.0, 7.0, 7.0, 11.0, 11.0, 11.0, 11.0, 30.0];

/// Not handed in: what the packet shows instead of a draft.
pub const NOT_HANDED_IN: &str = "未提出";

fn joined(parts: &[(&str, &Option<String>)]) -> String {
    parts
        .iter()
        .filter_map(|(label, text)| {
            let text = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
            Some(if label.is_empty() { text.to_string() } else { format!("【{label}】{text}") })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// A suggestion as a cell shows it: the grade over the achieved and measurable indicators
/// (`B` then `3/4`), or `—` when too few are measurable.
fn suggestion_text(s: &Suggestion) -> String {
    match &s.grade {
        Some(grade) => format!("{grade}\n{}/{}", s.basis.achieved, s.basis.measurable),
        None => "—".into(),
    }
}

/// The whole packet: the cover, then the layout's sheet.
pub fn packet(content: &Content, layout: PacketLayout) -> Vec<Sheet> {
    let sheet = match layout {
        PacketLayout::NodeTable => node_table(content),
        PacketLayout::PerInitiative => per_initiative(content),
        PacketLayout::Quarterly => quarterly(content),
    };
    vec![cover(content), sheet]
}

/// The title every page carries in its header.
pub fn title(content: &Content) -> String {
    format!("{} 進行管理シート（{}）", content.plan.title, fiscal_year::label(content.fy))
}

/// The cover: the plan, the year's counts (as the summary endpoint counts them, over reports
/// handed in) and the legend.
fn cover(content: &Content) -> Sheet {
    let mut sheet = Sheet::new("表紙", Orientation::Portrait, COVER_WIDTHS.to_vec());
    let s = &content.summary;
    let t = &s.totals;
    let mut rows: Vec<Vec<Cell>> = vec![
        vec![Cell::new(0, title(content), Style::Title).across(4)],
        vec![Cell::new(0, content.plan.organization.clone(), Style::Plain).across(4)],
        vec![Cell::new(0, "", Style::Plain).across(4)],
        vec![Cell::new(0, format!("{}の概要", s.fiscal_year_label), Style::Heading).across(4)],
        vec![Cell::new(0, "取組数", Style::Label), Cell::new(1, format!("{}件", t.initiatives), Style::Text).across(3)],
    ];
    let handed_in = t.workflow.submitted + t.workflow.reviewed + t.workflow.published;
    rows.push(vec![
        Cell::new(0, "提出状況", Style::Label),
        Cell::new(
            1,
            format!(
                "提出済み {handed_in}件（うち公開 {}件）、{NOT_HANDED_IN} {}件",
                t.workflow.published,
                t.initiatives - handed_in
            ),
            Style::Text,
        )
        .across(3),
    ]);
    let share = |n: i64| {
        if t.initiatives > 0 {
            format!("{:.1}%", n as f64 * 100.0 / t.initiatives as f64)
        } else {
            "—".into()
        }
    };
    rows.push(vec![Cell::new(0, "", Style::Plain).across(4)]);
    rows.push(vec![
        Cell::new(0, "評価（自己評価）", Style::Header),
        Cell::new(1, "凡例", Style::Header),
        Cell::new(2, "件数", Style::Header),
        Cell::new(3, "割合", Style::Header),
    ]);
    for (grade, n) in &t.ratings.0 {
        let legend = s.legend.ratings.iter().find(|g| &g.code == grade).map(|g| g.label.clone());
        let (code, label) = match legend {
            Some(label) => (grade.clone(), label),
            None => ("—".to_string(), "未評価（未提出を含む）".to_string()),
        };
        rows.push(vec![
            Cell::new(0, code, Style::Center),
            Cell::new(1, label, Style::Text),
            Cell::new(2, format!("{n}件"), Style::Center),
            Cell::new(3, share(*n), Style::Center),
        ]);
    }
    if let Some(c) = &t.suggestions {
        rows.push(vec![
            Cell::new(0, "評価の目安との比較", Style::Label),
            Cell::new(
                1,
                format!(
                    "目安のある報告 {}件：自己評価が目安と同じ {}件、異なる {}件、未評価 {}件。目安のない報告（測定できた指標が足りない） {}件",
                    c.suggested, c.agreeing, c.differing, c.unrated, c.without_suggestion
                ),
                Style::Text,
            )
            .across(3),
        ]);
    }
    rows.push(vec![Cell::new(0, "", Style::Plain).across(4)]);
    rows.push(vec![
        Cell::new(0, "進捗状況", Style::Header),
        Cell::new(1, "", Style::Header),
        Cell::new(2, "件数", Style::Header),
        Cell::new(3, "割合", Style::Header),
    ]);
    let p = &t.progress;
    for (label, n) in [
        ("順調に進んだ", p.on_track),
        ("概ね進んだ", p.mostly_on_track),
        ("一部遅れがある", p.partly_delayed),
        ("未実施", p.not_started),
        ("未報告（未提出を含む）", p.unreported),
    ] {
        rows.push(vec![
            Cell::new(0, label, Style::Text).across(2),
            Cell::new(2, format!("{n}件"), Style::Center),
            Cell::new(3, share(n), Style::Center),
        ]);
    }
    rows.push(vec![Cell::new(0, "", Style::Plain).across(4)]);
    rows.push(vec![Cell::new(0, "凡例", Style::Heading).across(4)]);
    let scale: Vec<String> = s.legend.ratings.iter().map(|g| format!("{}：{}", g.code, g.label)).collect();
    rows.push(vec![Cell::new(0, "評価", Style::Label), Cell::new(1, scale.join("、"), Style::Text).across(3)]);
    if let Some(rule) = &content.rule {
        rows.push(vec![
            Cell::new(0, "評価の目安", Style::Label),
            Cell::new(1, format!("指標の達成状況から計画が定める目安：{}", rule.describe()), Style::Text).across(3),
        ]);
    }
    rows.push(vec![
        Cell::new(0, "進捗状況", Style::Label),
        Cell::new(1, "順調に進んだ、概ね進んだ、一部遅れがある、未実施（評価とは別の項目です）", Style::Text).across(3),
    ]);
    if content.plan.quarterly_reports {
        rows.push(vec![
            Cell::new(0, "進行管理", Style::Label),
            Cell::new(1, "○ 実施、× 未実施、— 該当なし", Style::Text).across(3),
        ]);
    }
    rows.push(vec![
        Cell::new(0, NOT_HANDED_IN, Style::Label),
        Cell::new(1, "担当課からまだ提出されていない報告（下書きは載せていません）", Style::Text).across(3),
    ]);
    rows.push(vec![
        Cell::new(0, "※再掲", Style::Label),
        Cell::new(1, "ほかの項目にも掲げている取組（初出の項目に記載し、件数には一度だけ数えます）", Style::Text)
            .across(3),
    ]);
    sheet.rows = sheet.rows_for(rows);
    sheet
}

/// The years shown side by side: the year and the two before it, within the plan period.
fn three_years(content: &Content) -> Vec<i32> {
    ((content.fy - 2).max(content.plan.start_fy)..=content.fy).collect()
}

/// The nodes with initiatives placed under them, in plan order, with their placements.
fn blocks(content: &Content) -> Vec<(&super::content::Node, Vec<(&Initiative, bool)>)> {
    let mut out: Vec<(&super::content::Node, Vec<(&Initiative, bool)>)> = Vec::new();
    for node in &content.nodes {
        let placed: Vec<(&Initiative, bool)> = content
            .placed
            .iter()
            .filter(|(n, _, _)| *n == node.id)
            .filter_map(|(_, i, cross)| Some((content.initiatives.get(i)?, *cross)))
            .collect();
        if !placed.is_empty() {
            out.push((node, placed));
        }
    }
    out
}

/// The node path as a heading: `基本方針 (1) … ＞ 施策の方向 ① … ＞ 事業 …`.
fn path_text(content: &Content, node: &super::content::Node) -> String {
    let labels = content.plan.level_labels().unwrap_or_default();
    content
        .path(node.id)
        .iter()
        .map(|n| match labels.get(n.level as usize - 1) {
            Some(level) => format!("{level} {}", n.label()),
            None => n.label(),
        })
        .collect::<Vec<_>>()
        .join(" ＞ ")
}

fn top_of(content: &Content, node: &super::content::Node) -> Option<crate::db::DbUuid> {
    content.path(node.id).first().map(|n| n.id)
}

fn node_table(content: &Content) -> Sheet {
    let years = three_years(content);
    // No. 取組項目 担当課 取組内容 進捗状況 指標 単位 | years | 成果
    let mut widths = NODE_TABLE_WIDTHS[..7].to_vec();
    widths.extend(years.iter().map(|_| NODE_TABLE_WIDTHS[7]));
    widths.push(NODE_TABLE_WIDTHS[10] + NODE_TABLE_WIDTHS[7] * (3.0 - years.len() as f64));
    let last = widths.len() as u16 - 1;
    let mut sheet = Sheet::new("進行管理シート", Orientation::Landscape, widths);
    let first_year = 7u16;
    let header_cells = || {
        let mut cells = vec![
            Cell::new(0, "No.", Style::Header),
            Cell::new(1, "取組項目", Style::Header),
            Cell::new(2, "担当課", Style::Header),
            Cell::new(3, "取組内容", Style::Header),
            Cell::new(4, "進捗状況", Style::Header),
            Cell::new(5, "実績の指標", Style::Header),
            Cell::new(6, "単位", Style::Header),
        ];
        for (k, fy) in years.iter().enumerate() {
            cells.push(Cell::new(first_year + k as u16, format!("{}\n実績値", fiscal_year::label(*fy)), Style::Header));
        }
        cells.push(Cell::new(last, "取組による成果、今後の課題や方針", Style::Header));
        cells
    };
    let mut pager = Pager::new(sheet.orientation);
    pager.rows(sheet.rows_for(vec![vec![Cell::new(0, title(content), Style::Title).across(last + 1)]]));
    let mut top = None;
    for (node, placed) in blocks(content) {
        let path = path_text(content, node);
        let mut header = vec![vec![Cell::new(0, path.clone(), Style::Heading).across(last + 1)]];
        if let Some(objective) = node.objective.as_deref().filter(|t| !t.trim().is_empty()) {
            header.push(vec![
                Cell::new(0, "取り組み目標", Style::Label).across(3),
                Cell::new(3, objective, Style::Text).across(last - 2),
            ]);
        }
        if let Some(actions) = node.main_actions.as_deref().filter(|t| !t.trim().is_empty()) {
            header.push(vec![
                Cell::new(0, "主な取り組み", Style::Label).across(3),
                Cell::new(3, actions, Style::Text).across(last - 2),
            ]);
        }
        header.push(header_cells());
        let again =
            vec![vec![Cell::new(0, format!("{path}（続き）"), Style::Heading).across(last + 1)], header_cells()];
        let mut units = Vec::new();
        for (initiative, cross) in placed {
            let code = initiative.code.clone();
            if cross {
                // ※再掲: named where it is placed again; its figures are where it first appears.
                units.push(sheet.rows_for(vec![vec![
                    Cell::new(0, code, Style::Center),
                    Cell::new(1, format!("{}（※再掲）", initiative.title), Style::Text),
                    Cell::new(2, initiative.departments.join("、"), Style::Text),
                    Cell::new(3, "※再掲：内容・実績は初出の項目に記載", Style::Text).across(last - 2),
                ]]));
                continue;
            }
            let shown = |fy: i32| content.report(initiative.id, fy);
            let now = shown(content.fy);
            let progress = match now {
                Some(Year::Shown(r)) => text(&r.progress),
                Some(Year::NotHandedIn) => NOT_HANDED_IN.into(),
                None => String::new(),
            };
            let outcome = match now {
                Some(Year::Shown(r)) => {
                    joined(&[("", &r.result_text), ("課題", &r.issues_text), ("今後の方針", &r.next_steps_text)])
                }
                Some(Year::NotHandedIn) => NOT_HANDED_IN.into(),
                None => String::new(),
            };
            let indicators: Vec<_> =
                initiative.indicators.iter().filter(|i| years.iter().any(|y| i.valid_in(*y))).collect();
            let suggesting = content.rule.is_some();
            let down = indicators.len() as u32 + 1 + u32::from(suggesting);
            let mut rows: Vec<Vec<Cell>> = Vec::new();
            let mut first = vec![
                Cell::new(0, code, Style::Center).down(down),
                Cell::new(1, initiative.title.clone(), Style::Text).down(down),
                Cell::new(2, initiative.departments.join("、"), Style::Text).down(down),
                Cell::new(3, text(&initiative.description), Style::Text).down(down),
                Cell::new(4, progress, Style::Center).down(down),
                Cell::new(last, outcome, Style::Text).down(down),
            ];
            // The actuals, a row per indicator and a column per year; a cell printed once for
            // several indicators (`2,000 1,880` for 発行部数 and 配布部数) spans their rows, as printed.
            // Only a cell of several figures is taken for one: two counts that happen to be equal stay two.
            let values: Vec<Vec<String>> = indicators
                .iter()
                .map(|indicator| {
                    years
                        .iter()
                        .map(|fy| {
                            if !indicator.valid_in(*fy) {
                                return "—".to_string();
                            }
                            match shown(*fy) {
                                Some(Year::Shown(r)) => r.actuals.get(&indicator.id).cloned().unwrap_or_default(),
                                Some(Year::NotHandedIn) => NOT_HANDED_IN.into(),
                                None => String::new(),
                            }
                        })
                        .collect()
                })
                .collect();
            let mut indicator_rows: Vec<Vec<Cell>> = indicators
                .iter()
                .map(|i| vec![Cell::new(5, i.name.clone(), Style::Text), Cell::new(6, text(&i.unit), Style::Center)])
                .collect();
            for k in 0..years.len() {
                let mut r = 0;
                while r < values.len() {
                    let value = &values[r][k];
                    let several = value.split_whitespace().count() > 1;
                    let shared = values[r + 1..].iter().take_while(|v| several && &v[k] == value).count();
                    let cell = Cell::new(first_year + k as u16, value.clone(), Style::Center).down(shared as u32 + 1);
                    indicator_rows[r].push(cell);
                    r += shared + 1;
                }
            }
            let mut ratings = vec![Cell::new(5, "評価", Style::Label).across(2)];
            ratings.extend(years.iter().enumerate().map(|(k, fy)| {
                let grade = match shown(*fy) {
                    Some(Year::Shown(r)) => r.self_rating.clone().unwrap_or_default(),
                    Some(Year::NotHandedIn) => NOT_HANDED_IN.into(),
                    None => String::new(),
                };
                Cell::new(first_year + k as u16, grade, Style::Center)
            }));
            indicator_rows.push(ratings);
            if suggesting {
                let mut suggested = vec![Cell::new(5, "評価の目安", Style::Label).across(2)];
                suggested.extend(years.iter().enumerate().map(|(k, fy)| {
                    let text = match shown(*fy) {
                        Some(Year::Shown(r)) => r.suggestion.as_ref().map(suggestion_text).unwrap_or_default(),
                        Some(Year::NotHandedIn) => NOT_HANDED_IN.into(),
                        None => String::new(),
                    };
                    Cell::new(first_year + k as u16, text, Style::Center)
                }));
                indicator_rows.push(suggested);
            }
            first.append(&mut indicator_rows.remove(0));
            rows.push(first);
            rows.extend(indicator_rows);
            units.push(sheet.rows_for(rows));
        }
        let new_top = top_of(content, node);
        let new_page = top.is_some() && new_top != top;
        top = new_top;
        let header = sheet.rows_for(header);
        let again = sheet.rows_for(again);
        pager.block(header, again, units, new_page);
    }
    sheet.rows = pager.rows;
    sheet
}

fn per_initiative(content: &Content) -> Sheet {
    // 年度 取組の内容 内容と成果 課題 評価 意見等
    let mut sheet = Sheet::new("取組別シート", Orientation::Portrait, PER_INITIATIVE_WIDTHS.to_vec());
    let mut pager = Pager::new(sheet.orientation);
    let years: Vec<i32> = (content.plan.start_fy..=content.plan.end_fy).collect();
    let mut first = true;
    let mut seen = std::collections::HashSet::new();
    for (node, placed) in blocks(content) {
        for (initiative, _) in placed {
            if !seen.insert(initiative.id) {
                continue;
            }
            let heading = format!("{} {}", initiative.code, initiative.title).trim().to_string();
            let mut head: Vec<Vec<Cell>> = vec![
                vec![Cell::new(0, path_text(content, node), Style::Plain).across(6)],
                vec![Cell::new(0, heading.clone(), Style::Heading).across(6)],
            ];
            let targets: Vec<String> = initiative
                .indicators
                .iter()
                .map(|i| format!("{}{}", i.name, i.unit.as_ref().map(|u| format!("（{u}）")).unwrap_or_default()))
                .collect();
            let plan_text = match content.report(initiative.id, content.fy) {
                Some(Year::Shown(r)) => text(&r.plan_text),
                Some(Year::NotHandedIn) => NOT_HANDED_IN.into(),
                None => String::new(),
            };
            for (label, value) in [
                ("担当課", initiative.departments.join("、")),
                ("取組内容", text(&initiative.description)),
                ("目標・指標", targets.join("\n")),
                (&*format!("{}の計画", fiscal_year::label(content.fy)), plan_text),
                ("特記事項", text(&initiative.notes)),
                ("ねらい", text(&initiative.aim)),
                ("関係取組・事業（市）", text(&initiative.related_city)),
                ("関係取組・事業（市社協）", text(&initiative.related_council)),
            ] {
                if !value.trim().is_empty() {
                    head.push(vec![Cell::new(0, label, Style::Label), Cell::new(1, value, Style::Text).across(5)]);
                }
            }
            let header_cells = || {
                ["年度", "取組の内容", "内容と成果", "課題", "評価", "意見等"]
                    .iter()
                    .enumerate()
                    .map(|(c, h)| Cell::new(c as u16, *h, Style::Header))
                    .collect::<Vec<_>>()
            };
            head.push(header_cells());
            let again =
                vec![vec![Cell::new(0, format!("{heading}（続き）"), Style::Heading).across(6)], header_cells()];
            let units = years
                .iter()
                .map(|fy| {
                    let cells = match content.report(initiative.id, *fy) {
                        Some(Year::Shown(r)) => vec![
                            text(&r.plan_text),
                            text(&r.result_text),
                            joined(&[("", &r.issues_text), ("今後の方向性", &r.next_steps_text)]),
                            match &r.suggestion {
                                Some(s) => format!("{}\n目安 {}", text(&r.self_rating), suggestion_text(s)),
                                None => text(&r.self_rating),
                            },
                            text(&r.committee_opinion),
                        ],
                        Some(Year::NotHandedIn) => {
                            vec![NOT_HANDED_IN.to_string(), String::new(), String::new(), String::new(), String::new()]
                        }
                        None => vec![String::new(); 5],
                    };
                    let mut row = vec![Cell::new(0, fiscal_year::label(*fy), Style::Center)];
                    row.extend(
                        cells
                            .into_iter()
                            .enumerate()
                            .map(|(k, t)| Cell::new(k as u16 + 1, t, if k == 3 { Style::Center } else { Style::Text })),
                    );
                    sheet.rows_for(vec![row])
                })
                .collect();
            let head = sheet.rows_for(head);
            let again = sheet.rows_for(again);
            pager.block(head, again, units, !first);
            first = false;
        }
    }
    sheet.rows = pager.rows;
    sheet
}

fn quarterly(content: &Content) -> Sheet {
    // 取り組み項目 具体的内容 担当課 年度 ～6月 ～9月 ～12月 ～3月 達成状況及び今後の方針
    let mut sheet = Sheet::new("進行管理表", Orientation::Landscape, QUARTERLY_WIDTHS.to_vec());
    let mut pager = Pager::new(sheet.orientation);
    pager.rows(sheet.rows_for(vec![vec![Cell::new(0, title(content), Style::Title).across(9)]]));
    let fy_label = fiscal_year::label(content.fy);
    let header_cells = || {
        [
            "取り組み項目",
            "具体的内容",
            "担当課",
            fy_label.as_str(),
            "～6月",
            "～9月",
            "～12月",
            "～3月",
            "達成状況及び今後の方針",
        ]
        .iter()
        .enumerate()
        .map(|(c, h)| Cell::new(c as u16, *h, Style::Header))
        .collect::<Vec<_>>()
    };
    let mut top = None;
    for (node, placed) in blocks(content) {
        let path = path_text(content, node);
        let header = sheet.rows_for(vec![vec![Cell::new(0, path.clone(), Style::Heading).across(9)], header_cells()]);
        let again = sheet
            .rows_for(vec![vec![Cell::new(0, format!("{path}（続き）"), Style::Heading).across(9)], header_cells()]);
        let units = placed
            .iter()
            .map(|(initiative, cross)| {
                let title = format!("{}{}{}", initiative.code, initiative.title, if *cross { "（※再掲）" } else { "" });
                let (category, quarters, outcome) = match content.report(initiative.id, content.fy) {
                    Some(Year::Shown(r)) => (
                        text(&r.category),
                        r.quarters.clone(),
                        joined(&[("", &r.result_text), ("課題", &r.issues_text), ("今後の方針", &r.next_steps_text)]),
                    ),
                    Some(Year::NotHandedIn) => (NOT_HANDED_IN.into(), Default::default(), NOT_HANDED_IN.into()),
                    None => (String::new(), Default::default(), String::new()),
                };
                let mut plan_row = vec![
                    Cell::new(0, title, Style::Text).down(2),
                    Cell::new(1, text(&initiative.description), Style::Text).down(2),
                    Cell::new(2, initiative.departments.join("、"), Style::Text).down(2),
                    Cell::new(3, category, Style::Center),
                ];
                let mut marks_row = vec![Cell::new(3, "進行管理", Style::Label)];
                for (q, (plan, mark)) in quarters.iter().enumerate() {
                    plan_row.push(Cell::new(4 + q as u16, text(plan), Style::Text));
                    marks_row.push(Cell::new(4 + q as u16, text(mark), Style::Center));
                }
                plan_row.push(Cell::new(8, outcome, Style::Text).down(2));
                sheet.rows_for(vec![plan_row, marks_row])
            })
            .collect();
        let new_top = top_of(content, node);
        let new_page = top.is_some() && new_top != top;
        top = new_top;
        pager.block(header, again, units, new_page);
    }
    sheet.rows = pager.rows;
    sheet
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::packet::document::fits;

    #[test]
    fn every_layout_fits_its_paper_at_full_size() {
        assert!(fits(&COVER_WIDTHS, Orientation::Portrait));
        assert!(fits(&NODE_TABLE_WIDTHS, Orientation::Landscape));
        assert!(fits(&PER_INITIATIVE_WIDTHS, Orientation::Portrait));
        assert!(fits(&QUARTERLY_WIDTHS, Orientation::Landscape));
    }

    #[test]
    fn texts_join_with_their_labels_and_skip_blanks() {
        let (a, b, none) = (Some("実施した".to_string()), Some(" ".to_string()), None);
        assert_eq!(joined(&[("", &a), ("課題", &b), ("今後", &none)]), "実施した");
        assert_eq!(joined(&[("課題", &a), ("今後", &a)]), "【課題】実施した\n【今後】実施した");
        assert_eq!(PacketLayout::default_for(true), PacketLayout::Quarterly);
        assert_eq!(PacketLayout::default_for(false), PacketLayout::NodeTable);
    }
}
