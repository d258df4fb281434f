//! The decision on one change, from stored rows built in memory (no database).

use serde_json::json;

use super::*;
use crate::models::initiatives::Initiative;
use crate::models::plans::{default_rating_scale, Plan};
use crate::web::http::IfMatch;

fn ts(second: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_opt(10, 0, second).unwrap()
}

const FY: i32 = 2024;

struct World {
    ctx: Context,
    clerk: Principal,
    actor: Actor,
    names: UserNames,
}

fn world() -> World {
    let plan_id = DbUuid(Uuid::now_v7());
    let department = Uuid::now_v7();
    let plan = Plan {
        id: plan_id,
        title: "地域福祉計画".into(),
        organization: "市".into(),
        start_fy: 2022,
        end_fy: 2026,
        level_labels: "[]".into(),
        rating_scale: serde_json::to_string(&default_rating_scale()).unwrap(),
        status: "published".into(),
        source: None,
        data_version: 1,
        version: 1,
        created_at: ts(0),
        updated_at: ts(0),
        owner_department_id: None,
        search_text: String::new(),
        quarterly_reports: true,
        report_due_days: 60,
        quarter_due_days: 30,
        packet_layout: None,
        rating_rule: None,
    };
    let initiative = Initiative {
        id: DbUuid(Uuid::now_v7()),
        plan_id,
        bundle_key: "1-1-1".into(),
        code: "①".into(),
        code_sort: "1".into(),
        title: "見守り活動".into(),
        description: None,
        aim: None,
        notes: None,
        related_city: None,
        related_council: None,
        active_from_fy: None,
        active_to_fy: None,
        status: "active".into(),
        version: 1,
        created_at: ts(0),
        updated_at: ts(0),
        search_text: String::new(),
    };
    let user = Uuid::now_v7();
    World {
        ctx: Context { plan, initiative, responsible: vec![department], scale: default_rating_scale(), rule: None },
        clerk: Principal {
            user_id: user,
            login: "fukushi".into(),
            role: Role::Department,
            departments: vec![department],
            token: None,
        },
        actor: Actor { user_id: Some(user), token_id: None, request_id: Some("req-1".into()) },
        names: UserNames::of([(DbUuid(user), "社会福祉課 担当".to_string())]),
    }
}

fn indicator(w: &World, valid_to_fy: Option<i32>) -> Indicator {
    Indicator {
        id: DbUuid(Uuid::now_v7()),
        plan_id: w.ctx.plan.id,
        initiative_id: Some(w.ctx.initiative.id),
        bundle_key: "1-1".into(),
        name: "発行部数".into(),
        unit: Some("部".into()),
        direction: "increase".into(),
        tolerance: None,
        baseline_value: None,
        baseline_fy: None,
        final_target: None,
        valid_from_fy: None,
        valid_to_fy,
        replaces_id: None,
        position: 0,
        version: 1,
        created_at: ts(0),
        updated_at: ts(0),
    }
}

fn report(w: &World, state: &str) -> Report {
    Report {
        workflow_state: state.into(),
        version: 3,
        result_text: Some("前回の実績".into()),
        ..Report::draft(w.ctx.initiative.id, FY, &w.actor)
    }
}

fn quarter(report: &Report, n: i32, text: &str) -> Quarter {
    Quarter {
        id: DbUuid(Uuid::now_v7()),
        report_id: report.id,
        quarter: n,
        plan_text: Some("計画".into()),
        result_text: Some(text.into()),
        mark: Some("done".into()),
        version: 2,
        created_at: ts(1),
        updated_at: ts(1),
    }
}

fn change(fields: serde_json::Value, quarters: Vec<(i32, serde_json::Value)>, sparse: bool) -> ReportChange {
    ReportChange {
        fields: (!fields.as_object().unwrap().is_empty()).then(|| serde_json::from_value(fields).unwrap()),
        quarters: quarters.into_iter().map(|(n, q)| (n, serde_json::from_value(q).unwrap())).collect(),
        values: Vec::new(),
        precondition: Precondition::None,
        sparse,
    }
}

/// Decides, and checks that the fields named changed are those the history's diff finds.
fn decide_on(w: &World, p: &Principal, change: ReportChange, stored: &Stored) -> ApiResult<Decision> {
    let d = decide(p, &w.actor, &w.ctx, FY, change, stored, &w.names, ts(30))?;
    if let Some(new) = &d.new_version {
        let by_diff: Vec<String> =
            diff::diff(new.before.as_ref(), &new.after).unwrap().into_iter().map(|c| c.field).collect();
        assert_eq!(d.changed_fields, by_diff);
    }
    Ok(d)
}

fn nothing_stored<'a>(values: &'a HashMap<DbUuid, IndicatorValue>, indicators: &'a [Indicator]) -> Stored<'a> {
    Stored { report: None, quarters: &[], indicators, values }
}

#[test]
fn a_first_quarter_creates_the_draft_report_with_its_revision_views() {
    let w = world();
    let values = HashMap::new();
    let q = json!({"plan_text": "運用方法検討", "result_text": "協議", "mark": "done"});
    let d = decide_on(&w, &w.clerk, change(json!({}), vec![(1, q)], false), &nothing_stored(&values, &[])).unwrap();
    assert_eq!(d.outcome, Outcome::Created);
    assert_eq!(d.version, Some(1));
    let new = d.new_version.unwrap();
    assert_eq!(new.action, "create");
    assert!(new.before.is_none());
    assert!(new.rows.created);
    assert_eq!(new.rows.quarter_inserts.len(), 1);
    let row = new.rows.report.unwrap();
    assert_eq!(
        (row.workflow_state.as_str(), row.updated_at, row.updated_by),
        ("draft", ts(30), w.actor.user_id.map(DbUuid))
    );
    assert_eq!(new.after.quarters[0].quarter_label, "4～6月");
    assert_eq!(new.after.updated_by.as_ref().unwrap().display_name, "社会福祉課 担当");
    // A new report: everything it holds is new (its edition too).
    let expected = ["edition", "quarters.1.mark", "quarters.1.plan_text", "quarters.1.result_text", "workflow_state"];
    assert_eq!(d.changed_fields, expected);
}

#[test]
fn an_empty_item_of_a_batch_creates_nothing_but_a_single_put_creates_the_report() {
    let w = world();
    let values = HashMap::new();
    let stored = nothing_stored(&values, &[]);
    let sparse = decide_on(&w, &w.clerk, change(json!({}), vec![(2, json!({}))], true), &stored).unwrap();
    assert_eq!((sparse.outcome, sparse.report_id, sparse.version), (Outcome::Unchanged, None, None));
    assert!(sparse.new_version.is_none());
    let put = decide_on(&w, &w.clerk, change(json!({}), vec![(2, json!({}))], false), &stored).unwrap();
    assert_eq!(put.outcome, Outcome::Created);
}

#[test]
fn an_edit_of_a_returned_report_is_a_new_version_conditional_on_the_one_read_and_a_draft_again() {
    let w = world();
    let stored_report = report(&w, "returned");
    let quarters = vec![quarter(&stored_report, 1, "協議"), quarter(&stored_report, 3, "実施")];
    let values = HashMap::new();
    let stored = Stored { report: Some(&stored_report), quarters: &quarters, indicators: &[], values: &values };
    let q = json!({"plan_text": "計画", "result_text": "実施済み", "mark": "done"});
    let d = decide_on(&w, &w.clerk, change(json!({}), vec![(3, q)], true), &stored).unwrap();
    assert_eq!((d.outcome, d.version), (Outcome::Updated, Some(4)));
    let new = d.new_version.unwrap();
    assert_eq!(new.action, "quarter");
    assert_eq!(new.rows.quarter_updates.len(), 1);
    let updated = &new.rows.quarter_updates[0];
    assert_eq!((updated.id, updated.version, updated.updated_at), (quarters[1].id, 3, ts(30)));
    assert_eq!(new.rows.report.as_ref().unwrap().workflow_state, "draft");
    assert_eq!(new.before.as_ref().unwrap().version, 3);
    let after_quarters: Vec<(i32, Option<&str>)> =
        new.after.quarters.iter().map(|q| (q.quarter, q.result_text.as_deref())).collect();
    assert_eq!(after_quarters, [(1, Some("協議")), (3, Some("実施済み"))]);
    assert_eq!(d.changed_fields, ["quarters.3.result_text", "workflow_state"]);
}

#[test]
fn sending_what_is_stored_again_changes_nothing() {
    let w = world();
    let stored_report = report(&w, "draft");
    let quarters = vec![quarter(&stored_report, 1, "協議")];
    let values = HashMap::new();
    let stored = Stored { report: Some(&stored_report), quarters: &quarters, indicators: &[], values: &values };
    let q = json!({"plan_text": "計画", "result_text": "協議", "mark": "done"});
    let fields = json!({"result_text": "前回の実績"});
    let d = decide_on(&w, &w.clerk, change(fields, vec![(1, q)], false), &stored).unwrap();
    assert_eq!((d.outcome, d.version), (Outcome::Unchanged, Some(3)));
    assert!(d.new_version.is_none() && d.changed_fields.is_empty());
}

#[test]
fn rights_state_and_visibility_are_decided_before_anything_is_written() {
    let w = world();
    let values = HashMap::new();
    let text = || change(json!({"result_text": "x"}), vec![], false);
    // Another department.
    let other = Principal { departments: vec![Uuid::now_v7()], ..w.clerk.clone() };
    let stored_report = report(&w, "draft");
    let stored = Stored { report: Some(&stored_report), quarters: &[], indicators: &[], values: &values };
    assert!(matches!(decide_on(&w, &other, text(), &stored), Err(ApiError::Forbidden(_))));
    // A submitted report is not the department's to edit.
    let submitted = report(&w, "submitted");
    let stored = Stored { report: Some(&submitted), ..stored };
    assert!(
        matches!(decide_on(&w, &w.clerk, text(), &stored), Err(ApiError::Conflict(m)) if m.contains("提出済") || m.contains("submitted"))
    );
    // The committee never creates a report, and learns nothing of one that is missing.
    let committee = Principal { role: Role::Committee, departments: vec![], ..w.clerk.clone() };
    let opinion = change(json!({"committee_opinion": "良い"}), vec![], false);
    assert!(matches!(decide_on(&w, &committee, opinion, &nothing_stored(&values, &[])), Err(ApiError::NotFound(_))));
    // Nor does it see a draft.
    let draft = report(&w, "draft");
    let opinion = change(json!({"committee_opinion": "良い"}), vec![], false);
    let stored = Stored { report: Some(&draft), quarters: &[], indicators: &[], values: &values };
    assert!(matches!(decide_on(&w, &committee, opinion, &stored), Err(ApiError::NotFound(_))));
    // A year outside the plan period.
    let late = decide(&w.clerk, &w.actor, &w.ctx, 2030, text(), &nothing_stored(&values, &[]), &w.names, ts(30));
    assert!(matches!(late, Err(ApiError::Validation(e)) if e[0].code == "fiscal_year_out_of_range"));
}

#[test]
fn preconditions_and_grades() {
    let w = world();
    let values = HashMap::new();
    let stored_report = report(&w, "draft");
    let stored = Stored { report: Some(&stored_report), quarters: &[], indicators: &[], values: &values };
    let tagged = |tag: &str| ReportChange {
        precondition: Precondition::Report(IfMatch::tags(&[tag])),
        ..change(json!({"result_text": "新"}), vec![], false)
    };
    assert!(matches!(decide_on(&w, &w.clerk, tagged("\"2\""), &stored), Err(ApiError::PreconditionFailed)));
    let d = decide_on(&w, &w.clerk, tagged("\"3\""), &stored).unwrap();
    assert!(d.report_tag && d.outcome == Outcome::Updated);
    // On a report that does not exist yet a precondition cannot hold.
    let missing = decide_on(&w, &w.clerk, tagged("\"1\""), &nothing_stored(&values, &[]));
    assert!(matches!(missing, Err(ApiError::PreconditionFailed)));
    let graded = change(json!({"self_rating": "Z"}), vec![], false);
    let bad = decide_on(&w, &w.clerk, graded, &stored);
    assert!(matches!(bad, Err(ApiError::Validation(e)) if e[0].field == "/self_rating"));
}

#[test]
fn values_overlay_what_is_stored_and_respect_the_indicators_validity() {
    let w = world();
    let ind = indicator(&w, None);
    let retired = Indicator { id: DbUuid(Uuid::now_v7()), bundle_key: "1-2".into(), ..indicator(&w, Some(2023)) };
    let indicators = vec![ind.clone(), retired.clone()];
    let stored_report = report(&w, "draft");
    let stored_value = IndicatorValue {
        id: DbUuid(Uuid::now_v7()),
        indicator_id: ind.id,
        fiscal_year: FY,
        target: Some(2000.0),
        actual: Some(1500.0),
        raw: None,
        version: 5,
        created_at: ts(1),
        updated_at: ts(1),
    };
    let values = HashMap::from([(ind.id, stored_value.clone())]);
    let stored = Stored { report: Some(&stored_report), quarters: &[], indicators: &indicators, values: &values };
    let input: ValueInput = serde_json::from_value(json!({"target": 2000, "actual": 2300, "raw": "2,300"})).unwrap();
    let with_value =
        |id: DbUuid, input: ValueInput| ReportChange { values: vec![(id, input)], ..change(json!({}), vec![], false) };
    let d = decide_on(&w, &w.clerk, with_value(ind.id, input), &stored).unwrap();
    let new = d.new_version.unwrap();
    assert_eq!(new.action, "indicator_value");
    assert_eq!((new.rows.value_updates[0].id, new.rows.value_updates[0].version), (stored_value.id, 6));
    // Only the indicators valid in the year are shown; the written value replaces the stored one.
    assert_eq!(new.after.indicator_values.len(), 1);
    assert_eq!(new.after.indicator_values[0].actual, Some(2300.0));
    assert_eq!(new.before.unwrap().indicator_values[0].actual, Some(1500.0));
    assert_eq!(d.changed_fields, ["indicator_values.1-1.actual", "indicator_values.1-1.raw"]);
    let input: ValueInput = serde_json::from_value(json!({"actual": 1})).unwrap();
    let outside = decide_on(&w, &w.clerk, with_value(retired.id, input), &stored);
    assert!(matches!(outside, Err(ApiError::Validation(e)) if e[0].code == "fiscal_year_out_of_range"));
    let input: ValueInput = serde_json::from_value(json!({"actual": 1})).unwrap();
    let unknown = decide_on(&w, &w.clerk, with_value(DbUuid(Uuid::now_v7()), input), &stored);
    assert!(matches!(unknown, Err(ApiError::NotFound(_))));
}
