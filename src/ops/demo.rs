//! Demo data: the two real progress documents (a regional welfare plan and a silver center plan), embedded as plan bundles.

use diesel::prelude::*;

use crate::db::schema::{departments, plans, users as users_table};
use crate::db::{DbConnection, DbUuid};
use crate::error::ApiResult;
use crate::models::audit::Actor;
use crate::resources::bundles::format::{Fy, PlanBundle};
use crate::resources::bundles::import;
use crate::resources::users::{self, UserInput};
use crate::web::auth::Role;

/// (file name, JSON text, plan period (first FY, last FY) when the bundle leaves it out)
pub type DemoBundle = (&'static str, &'static str, Option<(i32, i32)>);

/// The demo bundles: (file name, JSON text, the plan period as the plan states it when the
/// sheets leave it out). The regional welfare plan runs FY2020–2024; its sheets cover
/// FY2020–2022, so FY2023 and FY2024 are open for the demo's reporting.
pub const BUNDLES: [DemoBundle; 2] = [
    ("regional-welfare-plan.bundle.json", include_str!("demo/regional-welfare-plan.bundle.json"), Some((2020, 2024))),
    ("silver-center-basic-plan.bundle.json", include_str!("demo/silver-center-basic-plan.bundle.json"), None),
];

/// Demo-only users, one per role (documented in README.md; never use these outside `--demo`).
pub const USERS: [(&str, &str, Role, Option<&str>, &str); 4] = [
    ("admin", "demo-admin-password", Role::Admin, None, "事務局 デモ"),
    ("fukushi", "demo-department-password", Role::Department, Some("社会福祉課"), "社会福祉課 デモ"),
    ("shakyo", "demo-council-password", Role::Council, Some("社会福祉協議会"), "社会福祉協議会 デモ"),
    ("iinkai", "demo-committee-password", Role::Committee, None, "推進委員会 デモ"),
];

/// Creates the demo users that do not exist yet; returns how many were created.
pub fn ensure_users(conn: &mut DbConnection) -> ApiResult<usize> {
    let mut created = 0;
    for (login, password, role, department, name) in USERS {
        if users::exists(conn, login)? {
            continue;
        }
        let department_ids = match department {
            Some(d) => departments::table
                .filter(departments::name.eq(d))
                .select(departments::id)
                .load::<DbUuid>(conn)?
                .into_iter()
                .map(|id| id.0)
                .collect(),
            None => Vec::new(),
        };
        let input = UserInput {
            login: login.into(),
            display_name: name.into(),
            password: password.into(),
            role,
            department_ids,
            email: None,
            email_reminders: true,
        };
        crate::db::write_transaction(conn, |conn| {
            let user = users::create(conn, &Actor::default(), &input)?;
            diesel::update(users_table::table.find(DbUuid(user.id))).set(users_table::demo.eq(true)).execute(conn)?;
            Ok::<_, crate::error::ApiError>(())
        })?;
        created += 1;
    }
    Ok(created)
}

/// Imports the demo plans unless the database already holds plans. Returns how many were imported.
pub fn load_if_empty(conn: &mut DbConnection) -> ApiResult<usize> {
    let existing: i64 = plans::table.count().get_result(conn)?;
    if existing > 0 {
        return Ok(0);
    }
    crate::db::write_transaction(conn, |conn| {
        for (name, text, period) in BUNDLES {
            let mut bundle: PlanBundle = crate::web::http::parse_json(text.as_bytes())?;
            if let Some((start, end)) = period {
                bundle.plan.start_fy.get_or_insert(Fy(start));
                bundle.plan.end_fy.get_or_insert(Fy(end));
            }
            // A plan with indicators shows rating suggestions by the usual rule (a setting, not
            // data: the sources print no targets, so the demo suggests nothing until some are
            // entered).
            if bundle.initiatives.iter().any(|i| !i.indicators.is_empty()) {
                bundle.plan.rating_rule.get_or_insert_with(crate::domain::suggestion::RatingRule::usual);
            }
            let (plan, counts) = import::import(conn, &Actor::default(), &bundle)?;
            tracing::info!(file = name, plan_id = %plan.id, initiatives = counts.initiatives, "demo plan imported");
        }
        Ok(BUNDLES.len())
    })
}

/// Active demo users whose password is still the one published in the README: they must not
/// outlive the demo. Returns their logins.
pub fn users_with_published_passwords(conn: &mut DbConnection) -> ApiResult<Vec<String>> {
    let rows: Vec<(String, String)> = users_table::table
        .filter(users_table::demo.eq(true).and(users_table::active.eq(true)))
        .order(users_table::id)
        .select((users_table::login, users_table::password_hash))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(login, hash)| {
            USERS
                .iter()
                .any(|(l, password, ..)| l == login && crate::web::credentials::password::verify(password, hash))
        })
        .map(|(login, _)| login)
        .collect())
}

/// Deactivates every demo user (ending their sessions and API tokens); returns their logins.
pub fn disable_users(conn: &mut DbConnection) -> ApiResult<Vec<String>> {
    crate::db::write_transaction(conn, |conn| {
        let ids: Vec<(DbUuid, String)> = users_table::table
            .filter(users_table::demo.eq(true).and(users_table::active.eq(true)))
            .select((users_table::id, users_table::login))
            .load(conn)?;
        for (id, login) in &ids {
            diesel::update(users_table::table.find(*id))
                .set((users_table::active.eq(false), users_table::version.eq(users_table::version + 1)))
                .execute(conn)?;
            crate::resources::sessions::end_all_sessions(conn, *id)?;
            crate::models::audit::record(
                conn,
                &Actor::default(),
                crate::models::audit::Change::<crate::models::audit::Nothing, _> {
                    action: "deactivate_demo_user",
                    entity_type: "user",
                    entity_id: id.0,
                    plan_id: None,
                    before: None,
                    after: Some(&serde_json::json!({"login": login, "active": false})),
                },
            )?;
        }
        Ok(ids.into_iter().map(|(_, login)| login).collect())
    })
}
