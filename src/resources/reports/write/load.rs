//! Everything a set of changes to one fiscal year's reports needs, read in a fixed number of
//! statements whatever the number of initiatives: the reports, their quarters, the initiatives'
//! indicators and the year's values, and the names of who last wrote them.

use std::collections::HashMap;

use diesel::prelude::*;

use super::decide::Stored;
use crate::db::schema::{annual_reports, indicator_values, indicators, quarter_updates};
use crate::db::{DbConnection, DbUuid};
use crate::error::ApiResult;
use crate::models::audit::Actor;
use crate::models::indicators::{Indicator, IndicatorValue};
use crate::models::reports::{Quarter, Report};
use crate::models::users::UserNames;

/// What is stored for the initiatives of a set of changes in one fiscal year.
pub struct Loaded {
    reports: HashMap<DbUuid, Report>,
    quarters: HashMap<DbUuid, Vec<Quarter>>,
    indicators: HashMap<DbUuid, Vec<Indicator>>,
    values: HashMap<DbUuid, HashMap<DbUuid, IndicatorValue>>,
    pub names: UserNames,
}

const NO_QUARTERS: &[Quarter] = &[];

impl Loaded {
    /// Five statements: reports, quarters, indicators, values, user names; four when the
    /// initiatives' indicators are `known` (read by the caller in this state of the plan).
    pub fn load(
        conn: &mut DbConnection,
        initiatives: &[DbUuid],
        fy: i32,
        actor: &Actor,
        known: Option<HashMap<DbUuid, Vec<Indicator>>>,
    ) -> ApiResult<Loaded> {
        let reports: HashMap<DbUuid, Report> = annual_reports::table
            .filter(annual_reports::fiscal_year.eq(fy).and(annual_reports::initiative_id.eq_any(initiatives)))
            .select(Report::as_select())
            .load::<Report>(conn)?
            .into_iter()
            .map(|r| (r.initiative_id, r))
            .collect();
        let mut quarters: HashMap<DbUuid, Vec<Quarter>> = HashMap::new();
        for q in quarter_updates::table
            .inner_join(annual_reports::table)
            .filter(annual_reports::fiscal_year.eq(fy).and(annual_reports::initiative_id.eq_any(initiatives)))
            .order((quarter_updates::report_id, quarter_updates::quarter))
            .select(Quarter::as_select())
            .load::<Quarter>(conn)?
        {
            quarters.entry(q.report_id).or_default().push(q);
        }
        let by_initiative = match known {
            Some(known) => known,
            None => {
                let mut by_initiative: HashMap<DbUuid, Vec<Indicator>> = HashMap::new();
                for i in indicators::table
                    .filter(indicators::initiative_id.eq_any(initiatives))
                    .order((indicators::position, indicators::id))
                    .select(Indicator::as_select())
                    .load::<Indicator>(conn)?
                {
                    if let Some(initiative) = i.initiative_id {
                        by_initiative.entry(initiative).or_default().push(i);
                    }
                }
                by_initiative
            }
        };
        let initiative_of: HashMap<DbUuid, DbUuid> =
            by_initiative.iter().flat_map(|(initiative, own)| own.iter().map(move |i| (i.id, *initiative))).collect();
        let mut values: HashMap<DbUuid, HashMap<DbUuid, IndicatorValue>> = HashMap::new();
        for v in indicator_values::table
            .inner_join(indicators::table)
            .filter(indicator_values::fiscal_year.eq(fy).and(indicators::initiative_id.eq_any(initiatives)))
            .select(IndicatorValue::as_select())
            .load::<IndicatorValue>(conn)?
        {
            if let Some(initiative) = initiative_of.get(&v.indicator_id) {
                values.entry(*initiative).or_default().insert(v.indicator_id, v);
            }
        }
        let authors = reports.values().filter_map(|r| r.updated_by).chain(actor.user_id.map(DbUuid));
        let names = UserNames::load(conn, authors)?;
        Ok(Loaded { reports, quarters, indicators: by_initiative, values, names })
    }

    /// What is stored for `initiative`'s report of the year.
    pub fn stored<'a>(&'a self, initiative: DbUuid, empty: &'a HashMap<DbUuid, IndicatorValue>) -> Stored<'a> {
        let report = self.reports.get(&initiative);
        Stored {
            report,
            quarters: report.and_then(|r| self.quarters.get(&r.id)).map_or(NO_QUARTERS, Vec::as_slice),
            indicators: self.indicators.get(&initiative).map_or(&[], Vec::as_slice),
            values: self.values.get(&initiative).unwrap_or(empty),
        }
    }
}
