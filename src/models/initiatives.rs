//! Initiatives as stored: the row, its placements in the hierarchy (※再掲) and responsible
//! departments, and their loaders.

use std::collections::HashMap;

use diesel::prelude::*;
use serde::Serialize;
use uuid::Uuid;

use crate::db::schema::{departments, initiative_departments, initiative_placements, initiatives};
use crate::db::{DbConnection, DbUuid};
use crate::domain::natural;
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = initiatives, treat_none_as_null = true)]
pub struct Initiative {
    pub id: DbUuid,
    pub plan_id: DbUuid,
    pub bundle_key: String,
    pub code: String,
    pub code_sort: String,
    pub title: String,
    pub description: Option<String>,
    pub aim: Option<String>,
    pub notes: Option<String>,
    pub related_city: Option<String>,
    pub related_council: Option<String>,
    pub active_from_fy: Option<i32>,
    pub active_to_fy: Option<i32>,
    pub status: String,
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    /// Code and title in searchable form ([`crate::models::search`]).
    pub search_text: String,
}

/// Placements and departments of an initiative, loaded alongside it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Links {
    pub node_ids: Vec<Uuid>,
    pub departments: Vec<(Uuid, String)>,
}

pub fn load(conn: &mut DbConnection, id: Uuid) -> ApiResult<Initiative> {
    initiatives::table
        .find(DbUuid(id))
        .select(Initiative::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::not_found("initiative"))
}

/// Placements and departments of many initiatives in two queries.
pub fn load_links(conn: &mut DbConnection, ids: &[DbUuid]) -> ApiResult<HashMap<DbUuid, Links>> {
    let mut links: HashMap<DbUuid, Links> = HashMap::new();
    for chunk in ids.chunks(500) {
        let placements: Vec<(DbUuid, DbUuid)> = initiative_placements::table
            .filter(initiative_placements::initiative_id.eq_any(chunk))
            .order((initiative_placements::initiative_id, initiative_placements::position))
            .select((initiative_placements::initiative_id, initiative_placements::node_id))
            .load(conn)?;
        for (initiative, node) in placements {
            links.entry(initiative).or_default().node_ids.push(node.0);
        }
        let deps: Vec<(DbUuid, DbUuid, String)> = initiative_departments::table
            .inner_join(departments::table)
            .filter(initiative_departments::initiative_id.eq_any(chunk))
            .order((initiative_departments::initiative_id, initiative_departments::position))
            .select((initiative_departments::initiative_id, departments::id, departments::name))
            .load(conn)?;
        for (initiative, dep, name) in deps {
            links.entry(initiative).or_default().departments.push((dep.0, name));
        }
    }
    Ok(links)
}

/// Writes the initiative's placements and departments (replacing any existing ones).
pub fn write_links(
    conn: &mut DbConnection,
    id: DbUuid,
    node_ids: &[DbUuid],
    department_ids: &[DbUuid],
) -> ApiResult<()> {
    diesel::delete(initiative_placements::table.filter(initiative_placements::initiative_id.eq(id))).execute(conn)?;
    diesel::delete(initiative_departments::table.filter(initiative_departments::initiative_id.eq(id))).execute(conn)?;
    for (position, node) in node_ids.iter().enumerate() {
        diesel::insert_into(initiative_placements::table)
            .values((
                initiative_placements::initiative_id.eq(id),
                initiative_placements::node_id.eq(*node),
                initiative_placements::position.eq(position as i32),
            ))
            .execute(conn)?;
    }
    for (position, dep) in department_ids.iter().enumerate() {
        diesel::insert_into(initiative_departments::table)
            .values((
                initiative_departments::initiative_id.eq(id),
                initiative_departments::department_id.eq(*dep),
                initiative_departments::position.eq(position as i32),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The natural-order key of a code. Initiatives without a code sort after the coded ones (the
/// key starts with the greatest character; byte order on both databases), by title.
pub fn code_sort(code: Option<&str>, title: &str) -> String {
    match code {
        Some(code) => natural::sort_key(code),
        None => format!("{}{}", char::MAX, natural::sort_key(title)),
    }
}
