//! Text search (`q=`) over codes and titles, insensitive to what Japanese text varies in without
//! meaning anything different: full-width and half-width forms (`ＡＢＣ１` = `ABC1`, `ｿｳﾀﾞﾝ` =
//! `ソウダン`), katakana and hiragana (`ソウダン` = `そうだん`), letter case and white space.
//!
//! Each searchable row keeps its text in this form (`search_text`), so that the database does the
//! matching with `LIKE`; [`backfill`] fills rows written before the column existed.

use diesel::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::db::DbConnection;

/// The searchable form of some text: NFKC (width), katakana as hiragana, lower case, no spaces.
pub fn normalize(text: &str) -> String {
    text.nfkc()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            // Katakana ァ..ヶ map onto hiragana ぁ..ゖ one to one.
            '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The searchable text of a row: its parts (code, title, …) normalized, one per line.
pub fn text_of(parts: &[Option<&str>]) -> String {
    parts.iter().flatten().map(|p| normalize(p)).collect::<Vec<_>>().join("\n")
}

/// The `LIKE` pattern of a `q=` parameter; `None` when it has nothing to search for.
pub fn pattern_for(query: Option<&str>) -> Option<String> {
    query.filter(|q| !normalize(q).is_empty()).map(like_pattern)
}

/// A `LIKE` pattern (escape character `\`) matching rows whose text contains the query.
pub fn like_pattern(query: &str) -> String {
    format!("%{}%", escape_like(&normalize(query)))
}

/// Text as a literal inside a `LIKE` pattern whose escape character is `\`: `%` and `_` match
/// only themselves.
pub fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// Fills `search_text` of rows that have none (written before the column existed). Runs at
/// start after the migrations; a no-op once every row has its text.
pub fn backfill(conn: &mut DbConnection) -> QueryResult<usize> {
    use crate::db::schema::{departments, initiatives, plan_nodes, plans};
    use crate::db::DbUuid;
    let mut filled = 0;
    let rows: Vec<(DbUuid, String)> = departments::table
        .filter(departments::search_text.eq(""))
        .select((departments::id, departments::name))
        .load(conn)?;
    for (id, name) in rows {
        filled += diesel::update(departments::table.find(id))
            .set(departments::search_text.eq(text_of(&[Some(&name)])))
            .execute(conn)?;
    }
    let rows: Vec<(DbUuid, String, String)> = plans::table
        .filter(plans::search_text.eq(""))
        .select((plans::id, plans::title, plans::organization))
        .load(conn)?;
    for (id, title, organization) in rows {
        filled += diesel::update(plans::table.find(id))
            .set(plans::search_text.eq(text_of(&[Some(&title), Some(&organization)])))
            .execute(conn)?;
    }
    let rows: Vec<(DbUuid, Option<String>, String)> = plan_nodes::table
        .filter(plan_nodes::search_text.eq(""))
        .select((plan_nodes::id, plan_nodes::code, plan_nodes::title))
        .load(conn)?;
    for (id, code, title) in rows {
        filled += diesel::update(plan_nodes::table.find(id))
            .set(plan_nodes::search_text.eq(text_of(&[code.as_deref(), Some(&title)])))
            .execute(conn)?;
    }
    let rows: Vec<(DbUuid, String, String)> = initiatives::table
        .filter(initiatives::search_text.eq(""))
        .select((initiatives::id, initiatives::code, initiatives::title))
        .load(conn)?;
    for (id, code, title) in rows {
        filled += diesel::update(initiatives::table.find(id))
            .set(initiatives::search_text.eq(text_of(&[Some(&code), Some(&title)])))
            .execute(conn)?;
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_kana_case_and_spaces_do_not_matter() {
        assert_eq!(normalize("ＡＢＣ１"), "abc1");
        assert_eq!(normalize("ｿｳﾀﾞﾝ"), normalize("ソウダン"));
        assert_eq!(normalize("ソウダン"), normalize("そうだん"));
        assert_eq!(normalize("相談 窓口"), normalize("相談　窓口"));
        assert_eq!(normalize("①"), "1");
        assert_eq!(like_pattern("100%"), "%100\\%%");
        assert_eq!(like_pattern("a_b"), "%a\\_b%");
    }

    #[test]
    fn a_row_is_found_by_any_part() {
        let text = text_of(&[Some("(1)"), Some("地域福祉の推進")]);
        for q in ["(1)", "（１）", "地域福祉", "ちいき"] {
            let needle = normalize(q);
            let found = text.contains(&needle);
            assert_eq!(found, q != "ちいき", "{q}");
        }
    }
}
