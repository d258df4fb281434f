//! Synthetic plans for the performance harness (`shinchoku synth`): a realistic shape at any
//! size — a three-level hierarchy, cross-listings, several departments per initiative,
//! indicators in every direction, reports in every workflow state with ratings, progress, four
//! quarters and indicator values — imported through the same code as a plan bundle.
//! Deterministic for a seed, so figures can be compared between runs.

use serde_json::{json, Value};

use crate::db::DbConnection;
use crate::error::ApiResult;
use crate::models::audit::Actor;
use crate::models::plans::Plan;
use crate::resources::bundles::format::PlanBundle;
use crate::resources::bundles::import::{self, ImportCounts};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub initiatives: usize,
    /// Fiscal years with reports, ending with `last_fy`.
    pub years: usize,
    pub last_fy: i32,
    pub seed: u64,
}

/// SplitMix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const DEPARTMENTS: [&str; 16] = [
    "社会福祉課",
    "高齢者福祉課",
    "障害福祉課",
    "子育て支援課",
    "保育課",
    "健康課",
    "危機管理課",
    "市民活動支援課",
    "生涯学習課",
    "教育支援課",
    "都市計画課",
    "交通政策課",
    "住宅課",
    "商工振興課",
    "環境課",
    "社会福祉協議会",
];

/// The plan as a bundle document.
pub fn bundle(shape: Shape) -> Value {
    let mut rng = Rng(shape.seed);
    let first_fy = shape.last_fy - shape.years.max(1) as i32 + 1;
    // 基本方針 × 施策の方向 × 事業, growing with the plan so that leaves hold ~20 initiatives.
    let tops = 6usize;
    let subs = 4usize;
    let leaves_per_sub = (shape.initiatives / (tops * subs * 20)).clamp(1, 40);
    let mut nodes = Vec::new();
    let mut leaves = Vec::new();
    for t in 1..=tops {
        nodes.push(json!({"key": format!("{t}"), "code": format!("({t})"), "title": format!("基本方針{t} 地域で支え合う仕組みづくり")}));
        for s in 1..=subs {
            let sub = format!("{t}-{s}");
            nodes.push(json!({"key": sub, "parent_key": format!("{t}"), "code": format!("{s}"), "title": format!("施策の方向{t}-{s}")}));
            for l in 1..=leaves_per_sub {
                let leaf = format!("{t}-{s}-{l}");
                nodes.push(json!({"key": leaf, "parent_key": sub, "code": format!("{l}"), "title": format!("事業{t}-{s}-{l}")}));
                leaves.push(leaf);
            }
        }
    }
    let states = ["draft", "submitted", "returned", "reviewed", "published"];
    let progress = ["順調に進んだ", "概ね進んだ", "一部遅れがある", "未実施"];
    let grades = ["A", "A", "B", "B", "C", "D"];
    let marks = ["○", "○", "○", "○", "×", "—"];
    let directions = ["increase", "increase", "decrease", "maintain"];
    let mut initiatives = Vec::with_capacity(shape.initiatives);
    for n in 1..=shape.initiatives {
        let primary = leaves[(n - 1) * leaves.len() / shape.initiatives.max(1)].clone();
        let mut node_keys = vec![Value::from(primary.clone())];
        if rng.chance(10) {
            let other = leaves[rng.below(leaves.len())].clone();
            if other != primary {
                node_keys.push(Value::from(other)); // ※再掲
            }
        }
        let mut departments = vec![DEPARTMENTS[rng.below(DEPARTMENTS.len())]];
        for _ in 0..rng.below(3) {
            let d = DEPARTMENTS[rng.below(DEPARTMENTS.len())];
            if !departments.contains(&d) {
                departments.push(d);
            }
        }
        let indicator_count = rng.below(3);
        let indicators: Vec<Value> = (1..=indicator_count)
            .map(|k| {
                json!({"key": format!("{n}-{k}"), "name": format!("実績指標{n}-{k}"), "unit": "件",
                       "direction": rng.pick(&directions), "tolerance": 2.0})
            })
            .collect();
        let mut years = Vec::new();
        for fy in first_fy..=shape.last_fy {
            if rng.chance(4) {
                continue; // no report that year
            }
            // Past years are published; the latest is in every state of the workflow.
            let state = if fy < shape.last_fy && !rng.chance(5) { "published" } else { rng.pick(&states) };
            let quarters: Vec<Value> = (1..=4)
                .map(|q| json!({"quarter": q, "plan_text": format!("第{q}四半期の取組"), "mark": rng.pick(&marks)}))
                .collect();
            let values: Vec<Value> = (1..=indicator_count)
                .map(|k| {
                    let target = (10 + rng.below(990)) as f64;
                    let actual = target * (60 + rng.below(80)) as f64 / 100.0;
                    let target = (!rng.chance(15)).then_some(target);
                    json!({"indicator_key": format!("{n}-{k}"), "target": target, "actual": actual.round(),
                           "raw": format!("{}", actual.round())})
                })
                .collect();
            years.push(json!({
                "fiscal_year": fy,
                "category": "実施",
                "plan_text": format!("{fy}年度の取組内容。地域の関係機関と連携して事業を実施する。"),
                "result_text": format!("{fy}年度の実績。説明会を{}回開催し、延べ{}人が参加した。", 1 + rng.below(12), 10 + rng.below(500)),
                "issues_text": "参加者の固定化",
                "next_steps_text": "周知方法を見直す",
                "progress_status": rng.pick(&progress),
                "rating": if rng.chance(5) { Value::Null } else { Value::from(rng.pick(&grades)) },
                "committee_rating": if state == "reviewed" || state == "published" { Value::from(rng.pick(&grades)) } else { Value::Null },
                "committee_opinion": if state == "published" { Value::from("引き続き取り組まれたい。") } else { Value::Null },
                "quarters": quarters,
                "indicator_values": values,
                "workflow_state": state,
            }));
        }
        initiatives.push(json!({
            "key": format!("{n}"),
            "code": format!("{n}"),
            "title": format!("取組{n} 見守り活動の推進"),
            "description": "地域の見守り活動を支援する。",
            "node_keys": node_keys,
            "departments": departments,
            "indicators": indicators,
            "years": years,
        }));
    }
    let plan_targets: Vec<Value> = (1..=3)
        .map(|t| {
            json!({"key": format!("T{t}"), "name": format!("計画目標{t}"), "unit": "人",
                   "baseline": {"value": 2431.0, "fiscal_year": first_fy - 1}, "final_target": 3000.0,
                   "years": (first_fy..=shape.last_fy).map(|fy| json!({"fiscal_year": fy, "target": 2500 + 100 * (fy - first_fy), "actual": 2400 + 90 * (fy - first_fy)})).collect::<Vec<_>>()})
        })
        .collect();
    json!({
        "source": format!("shinchoku synth --initiatives {} --years {} --seed {}", shape.initiatives, shape.years, shape.seed),
        "plan": {
            "title": format!("合成計画 {}取組×{}年度", shape.initiatives, shape.years),
            "organization": "合成市",
            "start_fy": first_fy,
            "end_fy": shape.last_fy,
            "level_labels": ["基本方針", "施策の方向", "事業"],
            "status": "published",
            "quarterly_reports": true,
        },
        "departments": DEPARTMENTS.iter().map(|d| json!({"name": d, "kind": if d.contains("協議会") { "council" } else { "city_department" }})).collect::<Vec<_>>(),
        "nodes": nodes,
        "initiatives": initiatives,
        "plan_targets": plan_targets,
    })
}

/// Generates and imports a synthetic plan in one transaction.
pub fn generate(conn: &mut DbConnection, shape: Shape) -> ApiResult<(Plan, ImportCounts)> {
    let bundle: PlanBundle = serde_json::from_value(bundle(shape))?;
    let imported = crate::db::write_transaction(conn, |conn| import::import(conn, &Actor::default(), &bundle))?;
    crate::db::refresh_statistics(conn)?;
    Ok(imported)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundle_is_valid_and_deterministic() {
        let shape = Shape { initiatives: 50, years: 3, last_fy: 2024, seed: 7 };
        let a = bundle(shape);
        assert_eq!(a, bundle(shape), "the same seed gives the same plan");
        let parsed: PlanBundle = serde_json::from_value(a.clone()).expect("a valid bundle");
        assert_eq!(parsed.initiatives.len(), 50);
        let cross_listed = parsed.initiatives.iter().filter(|i| i.node_keys.len() > 1).count();
        assert!(cross_listed > 0, "some initiatives are cross-listed");
        let states: std::collections::HashSet<String> = a["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|i| {
                i["years"].as_array().unwrap().iter().map(|y| y["workflow_state"].as_str().unwrap().to_string())
            })
            .collect();
        assert_eq!(states.len(), 5, "every workflow state occurs: {states:?}");
    }
}
