//! Checking a plan bundle before anything is written: every rule of the format and the domain
//! (keys, references, fiscal years, labels, grades, numbers), every error with its JSON pointer;
//! and what the writer reads from a bundle beyond its fields (validity from printed names,
//! default directions and keys).

use std::collections::{HashMap, HashSet};

use super::format::*;
use crate::domain::enums::{Direction, PlanCategory, PlanStatus, ProgressStatus, QuarterMark};
use crate::domain::validation::{indicator_number, Errors, Tidy};
use crate::models::nodes::MAX_DEPTH;
use crate::models::plans;
use crate::models::plans::RatingGrade;
use crate::resources::plans::PlanInput;

/// Validity read from names such as `～R3 担当職員配置数` (to FY2021) or `R4～ …` (from FY2022).
pub fn validity_from_name(name: &str) -> (Option<i32>, Option<i32>) {
    let s = name.tidy();
    let tilde = |c: char| c == '~' || c == '～' || c == '〜';
    if let Some(rest) = s.strip_prefix(tilde) {
        let era: String = rest
            .trim_start()
            .chars()
            .take_while(|c| !c.is_whitespace() && !tilde(*c) && *c != ':' && *c != '：')
            .collect();
        let era: String = era.chars().take_while(|c| *c == 'R' || *c == 'H' || c.is_ascii_digit()).collect();
        return (None, crate::domain::fiscal_year::parse(&era));
    }
    let head: String = s.chars().take_while(|c| *c == 'R' || *c == 'H' || c.is_ascii_digit()).collect();
    if head.len() >= 2 && s[head.len()..].starts_with(tilde) {
        return (crate::domain::fiscal_year::parse(&head), None);
    }
    (None, None)
}

/// Everything the writer needs, resolved and checked.
pub(super) struct Checked {
    pub(super) plan: PlanInput,
}

fn blank(s: &str) -> bool {
    crate::domain::validation::not_blank(s).is_err()
}

/// Checks the whole bundle; returns the plan input or every error found.
pub(super) fn check(bundle: &PlanBundle, known_departments: &HashSet<String>) -> Result<Checked, Errors> {
    let mut e = Errors::default();
    if let Some(v) = bundle.format_version {
        if v != FORMAT_VERSION {
            e.add("/format_version", "unsupported", format!("this server reads format_version {FORMAT_VERSION}"));
        }
    }

    // Rating scale and legend.
    let scale: Vec<String> = match &bundle.plan.rating_scale {
        Some(codes) => codes.clone(),
        None => plans::default_rating_scale().into_iter().map(|g| g.code).collect(),
    };
    let legend: HashMap<String, String> = match (&bundle.plan.rating_scale, &bundle.plan.rating_legend) {
        (None, None) => plans::default_rating_scale().into_iter().map(|g| (g.code, g.label)).collect(),
        (_, Some(legend)) => legend.clone().into_iter().collect(),
        (Some(_), None) => HashMap::new(),
    };
    if let Some(legend) = &bundle.plan.rating_legend {
        for code in legend.keys() {
            if !scale.contains(code) {
                e.add(format!("/plan/rating_legend/{code}"), "unknown_grade", "not a grade of rating_scale");
            }
        }
    }
    let rating_scale: Vec<RatingGrade> = scale
        .iter()
        .map(|c| RatingGrade { code: c.clone(), label: legend.get(c).cloned().unwrap_or_default() })
        .collect();

    // Departments.
    let mut bundle_departments = HashSet::new();
    for (i, d) in bundle.departments.iter().enumerate() {
        if blank(&d.name) || d.name.chars().count() > 100 {
            e.add(format!("/departments/{i}/name"), "length", "must be 1 to 100 characters");
        } else if !bundle_departments.insert(d.name.tidy().to_string()) {
            e.add(format!("/departments/{i}/name"), "duplicate", "listed twice");
        }
    }

    // Nodes: unique keys, existing parents, no cycles, levels that match the depth.
    let mut node_index: HashMap<&str, usize> = HashMap::new();
    for (i, n) in bundle.nodes.iter().enumerate() {
        if blank(&n.key) {
            e.add(format!("/nodes/{i}/key"), "blank", "must not be empty");
        } else if node_index.insert(n.key.as_str(), i).is_some() {
            e.add(format!("/nodes/{i}/key"), "duplicate", format!("key {} is used twice", n.key));
        }
        if blank(&n.title) || n.title.chars().count() > 300 {
            e.add(format!("/nodes/{i}/title"), "length", "must be 1 to 300 characters");
        }
        if n.code.as_deref().is_some_and(|c| c.chars().count() > 50) {
            e.add(format!("/nodes/{i}/code"), "length", "must be at most 50 characters");
        }
    }
    for (i, n) in bundle.nodes.iter().enumerate() {
        if let Some(parent) = &n.parent_key {
            if !node_index.contains_key(parent.as_str()) {
                e.add(format!("/nodes/{i}/parent_key"), "not_found", format!("no node with key {parent}"));
                continue;
            }
        }
        // Walk up to the root, at most MAX_DEPTH steps: deeper is refused, and so is a cycle.
        let mut depth: i32 = 1;
        let mut current = n;
        let mut visited = vec![i];
        let mut problem = None;
        while let Some(p) = current.parent_key.as_deref().and_then(|k| node_index.get(k)) {
            if visited.contains(p) {
                problem = Some(("cycle", "parent keys form a cycle".to_string()));
                break;
            }
            visited.push(*p);
            current = &bundle.nodes[*p];
            depth += 1;
            if depth > MAX_DEPTH {
                let message =
                    format!("the hierarchy may be at most {MAX_DEPTH} levels deep (or parent keys form a cycle)");
                problem = Some(("depth", message));
                break;
            }
        }
        if let Some((code, message)) = problem {
            e.add(format!("/nodes/{i}/parent_key"), code, message);
        } else if n.level.is_some_and(|l| l != depth) {
            e.add(format!("/nodes/{i}/level"), "level_mismatch", format!("the node is at depth {depth}"));
        }
    }

    // Initiatives, indicators, years.
    let mut initiative_keys = HashSet::new();
    let mut indicator_keys: HashSet<String> = HashSet::new();
    let mut data_years: Vec<i32> = Vec::new();
    for (i, init) in bundle.initiatives.iter().enumerate() {
        let at = format!("/initiatives/{i}");
        if blank(&init.key) {
            e.add(format!("{at}/key"), "blank", "must not be empty");
        } else if !initiative_keys.insert(init.key.as_str()) {
            e.add(format!("{at}/key"), "duplicate", format!("key {} is used twice", init.key));
        }
        if init.code.as_deref().is_some_and(|c| blank(c) || c.chars().count() > 50) {
            e.add(format!("{at}/code"), "length", "must be 1 to 50 characters");
        }
        if blank(&init.title) || init.title.chars().count() > 300 {
            e.add(format!("{at}/title"), "length", "must be 1 to 300 characters");
        }
        if init.node_keys.is_empty() {
            e.add(format!("{at}/node_keys"), "length", "needs at least the primary node");
        }
        e.references(
            &format!("{at}/node_keys"),
            init.node_keys.iter().map(String::as_str),
            |key| node_index.contains_key(key),
            |key| ("not_found", format!("no node with key {key} in this bundle")),
        );
        if init.departments.is_empty() {
            e.add(format!("{at}/departments"), "length", "needs at least one responsible department");
        }
        e.references(
            &format!("{at}/departments"),
            init.departments.iter().map(|name| name.tidy()),
            |name| bundle_departments.contains(name) || known_departments.contains(name),
            |name| ("not_found", format!("{name} is neither in departments nor known to the server")),
        );
        let spans = value_years(init);
        let mut own_indicators: HashMap<&str, (Option<i32>, Option<i32>)> = HashMap::new();
        for (j, ind) in init.indicators.iter().enumerate() {
            let iat = format!("{at}/indicators/{j}");
            if blank(&ind.key) {
                e.add(format!("{iat}/key"), "blank", "must not be empty");
            } else if !indicator_keys.insert(ind.key.clone()) {
                e.add(
                    format!("{iat}/key"),
                    "duplicate",
                    format!("indicator key {} is used twice in the plan", ind.key),
                );
            }
            if blank(&ind.name) || ind.name.chars().count() > 300 {
                e.add(format!("{iat}/name"), "length", "must be 1 to 300 characters");
            }
            let baseline = ind.baseline.as_ref().and_then(|b| b.value);
            for (field, n) in [("final_target", ind.final_target), ("baseline/value", baseline)] {
                if let Some(err) = indicator_number(&format!("{iat}/{field}"), n) {
                    e.0.push(err);
                }
            }
            let (from, to) = indicator_validity(ind, &spans);
            e.fy_order(&format!("{iat}/valid_to_fy"), from, to);
            data_years.extend(from.into_iter().chain(to));
            own_indicators.insert(ind.key.as_str(), (from, to));
        }
        for (j, ind) in init.indicators.iter().enumerate() {
            if let Some(Some(replaced)) = &ind.replaces_key {
                if !own_indicators.contains_key(replaced.as_str()) || replaced == &ind.key {
                    e.add(
                        format!("{at}/indicators/{j}/replaces_key"),
                        "not_found",
                        "must name another indicator of this initiative",
                    );
                }
            }
        }
        let mut fys = HashSet::new();
        for (j, year) in init.years.iter().enumerate() {
            let yat = format!("{at}/years/{j}");
            let fy = year.fiscal_year.0;
            data_years.push(fy);
            if !fys.insert(fy) {
                e.add(
                    format!("{yat}/fiscal_year"),
                    "duplicate",
                    format!("{} appears twice", crate::domain::fiscal_year::label(fy)),
                );
            }
            for (k, v) in year.indicator_values.iter().enumerate() {
                for (field, n) in [("actual", v.actual), ("target", v.target)] {
                    if let Some(err) = indicator_number(&format!("{yat}/indicator_values/{k}/{field}"), n) {
                        e.0.push(err);
                    }
                }
            }
            if let Some(c) = &year.category {
                if PlanCategory::from_label(c).is_none() {
                    e.add(format!("{yat}/category"), "unknown", "must be one of 実施, 拡充, 検討, 検証, 新規, 継続");
                }
            }
            if let Some(p) = &year.progress_status {
                if ProgressStatus::from_label(p).is_none() {
                    e.add(
                        format!("{yat}/progress_status"),
                        "unknown",
                        "must be one of 順調に進んだ, 概ね進んだ, 一部遅れがある, 未実施",
                    );
                }
            }
            for (field, grade) in [("rating", &year.rating), ("committee_rating", &year.committee_rating)] {
                if let Some(g) = grade {
                    if !scale.contains(g) {
                        e.add(
                            format!("{yat}/{field}"),
                            "unknown_grade",
                            format!("must be one of {}", scale.join(", ")),
                        );
                    }
                }
            }
            let mut quarters = HashSet::new();
            for (k, q) in year.quarters.iter().enumerate() {
                if !(1..=4).contains(&q.quarter) {
                    e.add(format!("{yat}/quarters/{k}/quarter"), "range", "must be 1 to 4");
                } else if !quarters.insert(q.quarter) {
                    e.add(format!("{yat}/quarters/{k}/quarter"), "duplicate", "quarter appears twice");
                }
                if let Some(m) = &q.mark {
                    if QuarterMark::from_sheet(m).is_none() {
                        e.add(format!("{yat}/quarters/{k}/mark"), "unknown", "must be ○, × or —");
                    }
                }
            }
            let mut valued = HashSet::new();
            for (k, v) in year.indicator_values.iter().enumerate() {
                let vat = format!("{yat}/indicator_values/{k}/indicator_key");
                match own_indicators.get(v.indicator_key.as_str()) {
                    None => {
                        e.add(vat, "not_found", format!("{} is not an indicator of this initiative", v.indicator_key))
                    }
                    Some((from, to)) => {
                        if !valued.insert(v.indicator_key.as_str()) {
                            e.add(vat, "duplicate", "two values for one indicator in one year");
                        } else if from.is_some_and(|f| fy < f) || to.is_some_and(|t| fy > t) {
                            e.add(
                                vat,
                                "fiscal_year_out_of_range",
                                format!("the indicator is not valid in {}", crate::domain::fiscal_year::label(fy)),
                            );
                        }
                    }
                }
            }
        }
        if let Some(f) = init.active_from_fy {
            data_years.push(f.0);
        }
        if let Some(t) = init.active_to_fy {
            data_years.push(t.0);
        }
    }
    for (i, t) in bundle.plan_targets.iter().enumerate() {
        if blank(&t.name) || t.name.chars().count() > 300 {
            e.add(format!("/plan_targets/{i}/name"), "length", "must be 1 to 300 characters");
        }
        let key = target_key(t, i);
        if !indicator_keys.insert(key) {
            e.add(format!("/plan_targets/{i}/key"), "duplicate", "indicator key used twice in the plan");
        }
        let mut fys = HashSet::new();
        for (j, y) in t.years.iter().enumerate() {
            for (field, n) in [("actual", y.actual), ("target", y.target)] {
                if let Some(err) = indicator_number(&format!("/plan_targets/{i}/years/{j}/{field}"), n) {
                    e.0.push(err);
                }
            }
            data_years.push(y.fiscal_year.0);
            if !fys.insert(y.fiscal_year.0) {
                e.add(format!("/plan_targets/{i}/years/{j}/fiscal_year"), "duplicate", "appears twice");
            }
        }
    }

    // The plan period: as given, else the years the data covers.
    let start = bundle.plan.start_fy.map(|f| f.0).or_else(|| data_years.iter().copied().min());
    let end = bundle.plan.end_fy.map(|f| f.0).or_else(|| data_years.iter().copied().max());
    let (Some(start), Some(end)) = (start, end) else {
        e.add(
            "/plan/start_fy",
            "required",
            "give start_fy and end_fy: the bundle has no yearly data to derive them from",
        );
        return Err(e);
    };
    let plan = PlanInput {
        title: bundle.plan.title.clone(),
        organization: bundle.plan.organization.clone(),
        start_fy: start,
        end_fy: end,
        level_labels: bundle.plan.level_labels.clone(),
        rating_scale,
        status: bundle.plan.status.unwrap_or(PlanStatus::Published),
        source: bundle.source.clone(),
        // Resolved to an id once the departments exist.
        owner_department_id: None,
        quarterly_reports: bundle
            .plan
            .quarterly_reports
            .unwrap_or_else(|| bundle.initiatives.iter().flat_map(|i| &i.years).any(|y| !y.quarters.is_empty())),
        report_due_days: bundle.plan.report_due_days.unwrap_or_else(crate::resources::plans::default_report_due_days),
        quarter_due_days: bundle
            .plan
            .quarter_due_days
            .unwrap_or_else(crate::resources::plans::default_quarter_due_days),
        packet_layout: bundle.plan.packet_layout,
        rating_rule: bundle.plan.rating_rule.clone(),
    };
    if let Some(owner) = &bundle.plan.owner_department {
        if !bundle_departments.contains(owner.tidy()) && !known_departments.contains(owner.tidy()) {
            e.add(
                "/plan/owner_department",
                "not_found",
                format!("{owner} is neither in departments nor known to the server"),
            );
        }
    }
    e.extend(plan.errors("/plan"));
    // Every year of data must lie in the period (only reachable when the period is given).
    for (i, init) in bundle.initiatives.iter().enumerate() {
        for (j, year) in init.years.iter().enumerate() {
            e.fy_within(&format!("/initiatives/{i}/years/{j}/fiscal_year"), Some(year.fiscal_year.0), start, end);
        }
        e.fy_within(&format!("/initiatives/{i}/active_from_fy"), init.active_from_fy.map(|f| f.0), start, end);
        e.fy_within(&format!("/initiatives/{i}/active_to_fy"), init.active_to_fy.map(|f| f.0), start, end);
        let spans = value_years(init);
        for (j, ind) in init.indicators.iter().enumerate() {
            let (from, to) = indicator_validity(ind, &spans);
            e.fy_within(&format!("/initiatives/{i}/indicators/{j}/valid_from_fy"), from, start, end);
            e.fy_within(&format!("/initiatives/{i}/indicators/{j}/valid_to_fy"), to, start, end);
        }
    }
    for (i, t) in bundle.plan_targets.iter().enumerate() {
        for (j, y) in t.years.iter().enumerate() {
            e.fy_within(&format!("/plan_targets/{i}/years/{j}/fiscal_year"), Some(y.fiscal_year.0), start, end);
        }
    }
    if e.0.is_empty() {
        Ok(Checked { plan })
    } else {
        Err(e)
    }
}

/// The validity range of a bundle indicator: as given, else read from its printed name and
/// widened to cover the years the bundle has values for (sheets print `R5～` next to an R4 value).
pub(super) fn indicator_validity(
    ind: &BundleIndicator,
    value_years: &HashMap<&str, (i32, i32)>,
) -> (Option<i32>, Option<i32>) {
    let (named_from, named_to) = validity_from_name(&ind.name);
    let span = value_years.get(ind.key.as_str());
    let from = match ind.valid_from_fy {
        Some(given) => given.map(|f| f.0),
        None => named_from.map(|f| span.map_or(f, |(low, _)| f.min(*low))),
    };
    let to = match ind.valid_to_fy {
        Some(given) => given.map(|f| f.0),
        None => named_to.map(|t| span.map_or(t, |(_, high)| t.max(*high))),
    };
    (from, to)
}

/// First and last FY with a value, per indicator key of one initiative.
pub(super) fn value_years(init: &BundleInitiative) -> HashMap<&str, (i32, i32)> {
    let mut spans: HashMap<&str, (i32, i32)> = HashMap::new();
    for year in &init.years {
        let fy = year.fiscal_year.0;
        for v in &year.indicator_values {
            let span = spans.entry(v.indicator_key.as_str()).or_insert((fy, fy));
            *span = (span.0.min(fy), span.1.max(fy));
        }
    }
    spans
}

pub(super) fn target_key(t: &BundleTarget, index: usize) -> String {
    t.key.clone().unwrap_or_else(|| format!("target-{}", index + 1))
}

/// Direction when the bundle does not say: a final target of 0 (e.g. serious accidents) means less is better.
pub(super) fn default_direction(given: Option<Direction>, final_target: Option<f64>) -> Direction {
    given.unwrap_or(if final_target == Some(0.0) { Direction::Decrease } else { Direction::Increase })
}

#[cfg(test)]
mod tests {
    use super::validity_from_name;

    #[test]
    fn reads_validity_from_printed_names() {
        assert_eq!(validity_from_name("~R3 担当職員配置数"), (None, Some(2021)));
        assert_eq!(validity_from_name("～R3全体計画の策定"), (None, Some(2021)));
        assert_eq!(validity_from_name("R4~ 福祉事務所内専門職等配置数"), (Some(2022), None));
        assert_eq!(validity_from_name("R4～:市民周知の強化"), (Some(2022), None));
        assert_eq!(validity_from_name("R5～地域の防災訓練の支援"), (Some(2023), None));
        assert_eq!(validity_from_name("発行部数"), (None, None));
        assert_eq!(validity_from_name("Rで始まる名前"), (None, None));
    }
}
