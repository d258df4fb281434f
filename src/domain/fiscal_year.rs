//! Fiscal years (年度): stored as the Gregorian year in which the FY starts (April).
//! FY2022 = 令和4年度 = April 2022 – March 2023.

/// Japanese label of a fiscal year: `令和4年度`, `令和元年度` (2019), `平成30年度` (2018).
pub fn label(fy: i32) -> String {
    let (era, year) = if fy >= 2019 {
        ("令和", fy - 2018)
    } else if fy >= 1989 {
        ("平成", fy - 1988)
    } else if fy >= 1926 {
        ("昭和", fy - 1925)
    } else {
        return format!("{fy}年度");
    };
    if year == 1 {
        format!("{era}元年度")
    } else {
        format!("{era}{year}年度")
    }
}

/// Parses the ways sheets write a fiscal year: `2022`, `R4`, `令和4年度`, `令和元年度`,
/// `H29`, `平成29年度`, `R4年度`, full-width digits. Returns the Gregorian start year.
pub fn parse(text: &str) -> Option<i32> {
    let s: String = text.trim().chars().map(crate::domain::natural::halfwidth).collect();
    let s = s.strip_suffix("年度").unwrap_or(&s);
    let s = s.strip_suffix('年').unwrap_or(s);
    let eras: [(&str, i32); 6] =
        [("令和", 2018), ("R", 2018), ("平成", 1988), ("H", 1988), ("昭和", 1925), ("S", 1925)];
    for (prefix, offset) in eras {
        if let Some(rest) = s.strip_prefix(prefix) {
            let n = if rest == "元" { 1 } else { rest.trim().parse::<i32>().ok()? };
            // An era year past 200 is no fiscal year (and `R2147483647` must not overflow).
            return (1..=200).contains(&n).then(|| offset + n).filter(|y| (1900..=2200).contains(y));
        }
    }
    let year: i32 = s.parse().ok()?;
    (1900..=2200).contains(&year).then_some(year)
}

/// When a plan's reports are due: a fiscal year's report `report_days` after the FY ends
/// (31 March), each quarter of a quarterly plan `quarter_days` after the quarter ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueRule {
    pub quarterly: bool,
    pub report_days: i32,
    pub quarter_days: i32,
}

/// The last day of quarter `quarter` (1 = April–June … 4 = January–March) of `fy`.
pub fn quarter_end(fy: i32, quarter: i32) -> chrono::NaiveDate {
    let (year, month, day) = match quarter {
        1 => (fy, 6, 30),
        2 => (fy, 9, 30),
        3 => (fy, 12, 31),
        _ => (fy + 1, 3, 31),
    };
    chrono::NaiveDate::from_ymd_opt(year, month, day).expect("quarter ends are valid dates")
}

impl DueRule {
    /// When the FY's report is due.
    pub fn report_due(&self, fy: i32) -> chrono::NaiveDate {
        quarter_end(fy, 4) + chrono::Days::new(self.report_days.max(0) as u64)
    }

    /// When a quarter's update is due (`None` for plans that do not report quarterly).
    pub fn quarter_due(&self, fy: i32, quarter: i32) -> Option<chrono::NaiveDate> {
        self.quarterly.then(|| quarter_end(fy, quarter) + chrono::Days::new(self.quarter_days.max(0) as u64))
    }
}

/// The fiscal year a day lies in (April to March).
pub fn of_date(day: chrono::NaiveDate) -> i32 {
    use chrono::Datelike;
    if day.month() >= 4 {
        day.year()
    } else {
        day.year() - 1
    }
}

/// What a due date calls for on `today`: `Some(true)` overdue, `Some(false)` due within
/// `within_days` (today included), `None` nothing yet.
pub fn due_notice(due_on: chrono::NaiveDate, today: chrono::NaiveDate, within_days: i64) -> Option<bool> {
    let days_left = (due_on - today).num_days();
    if days_left < 0 {
        Some(true)
    } else if days_left <= within_days {
        Some(false)
    } else {
        None
    }
}

/// Today in Japan (UTC+9, no daylight saving): the day due dates are compared with.
pub fn today_in_japan() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(9)).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_lies_in_the_fiscal_year_that_began_on_the_april_before_it() {
        let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(of_date(date(2024, 3, 31)), 2023);
        assert_eq!(of_date(date(2024, 4, 1)), 2024);
        assert_eq!(of_date(date(2024, 12, 31)), 2024);
    }

    #[test]
    fn a_due_date_is_near_within_the_days_given_and_overdue_after_it() {
        let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let due = date(2024, 5, 31);
        assert_eq!(due_notice(due, date(2024, 5, 23), 7), None, "8 days before");
        assert_eq!(due_notice(due, date(2024, 5, 24), 7), Some(false), "7 days before");
        assert_eq!(due_notice(due, due, 7), Some(false), "the day itself is not late");
        assert_eq!(due_notice(due, date(2024, 6, 1), 7), Some(true));
    }

    #[test]
    fn due_dates_follow_the_fiscal_year() {
        let rule = DueRule { quarterly: true, report_days: 61, quarter_days: 30 };
        let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(rule.report_due(2022), date(2023, 5, 31), "61 days after 31 March 2023");
        assert_eq!(rule.quarter_due(2022, 1), Some(date(2022, 7, 30)));
        assert_eq!(rule.quarter_due(2022, 3), Some(date(2023, 1, 30)));
        assert_eq!(rule.quarter_due(2022, 4), Some(date(2023, 4, 30)), "Q4 ends in the next calendar year");
        assert_eq!(DueRule { quarterly: false, ..rule }.quarter_due(2022, 1), None);
        assert_eq!(DueRule { report_days: 0, ..rule }.report_due(2023), date(2024, 3, 31));
    }

    #[test]
    fn absurd_era_years_are_refused_without_overflow() {
        assert_eq!(parse("R2147483647"), None);
        assert_eq!(parse("令和2147483647年度"), None);
        assert_eq!(parse("H-1"), None);
        assert_eq!(parse("R4"), Some(2022));
    }

    #[test]
    fn labels_use_the_era_of_the_fiscal_year() {
        assert_eq!(label(2022), "令和4年度");
        assert_eq!(label(2019), "令和元年度");
        assert_eq!(label(2018), "平成30年度");
        assert_eq!(label(1989), "平成元年度");
        assert_eq!(label(2016), "平成28年度");
        assert_eq!(label(1988), "昭和63年度");
    }

    #[test]
    fn parses_what_sheets_write() {
        assert_eq!(parse("2022"), Some(2022));
        assert_eq!(parse("R4"), Some(2022));
        assert_eq!(parse("令和4年度"), Some(2022));
        assert_eq!(parse("令和元年度"), Some(2019));
        assert_eq!(parse("H29"), Some(2017));
        assert_eq!(parse("平成29年度"), Some(2017));
        assert_eq!(parse("Ｒ４"), Some(2022));
        assert_eq!(parse("R0"), None);
        assert_eq!(parse("令和"), None);
        assert_eq!(parse("abc"), None);
        assert_eq!(parse("99999"), None);
    }

    #[test]
    fn label_and_parse_round_trip() {
        for fy in 1989..2100 {
            assert_eq!(parse(&label(fy)), Some(fy), "{fy}");
        }
    }
}
