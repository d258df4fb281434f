//! Users as shown beside what they wrote.

use std::collections::HashMap;

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::db::schema::users;
use crate::db::{DbConnection, DbUuid};
use crate::error::ApiResult;

/// Display names of the users who wrote something, loaded in one query.
pub struct UserNames(HashMap<DbUuid, String>);

impl UserNames {
    pub fn load(conn: &mut DbConnection, ids: impl IntoIterator<Item = DbUuid>) -> ApiResult<UserNames> {
        let ids: Vec<DbUuid> = ids.into_iter().collect();
        Ok(UserNames(
            users::table
                .filter(users::id.eq_any(&ids))
                .select((users::id, users::display_name))
                .load::<(DbUuid, String)>(conn)?
                .into_iter()
                .collect(),
        ))
    }

    /// Names already known (a user id and display name each).
    pub fn of(names: impl IntoIterator<Item = (DbUuid, String)>) -> UserNames {
        UserNames(names.into_iter().collect())
    }

    /// The user as shown beside what they wrote (`None`: imported, no user).
    pub fn user(&self, id: Option<DbUuid>) -> Option<UserRef> {
        id.map(|id| UserRef { id: id.0, display_name: self.0.get(&id).cloned().unwrap_or_default() })
    }
}

/// Who made a change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UserRef {
    pub id: Uuid,
    #[schema(example = "社会福祉課 デモ")]
    pub display_name: String,
}
