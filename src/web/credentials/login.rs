//! One normalization of login names, used to store them, to look them up and to throttle
//! sign-ins: NFKC (full-width `ａｄｍｉｎ` is `admin`), invisible characters removed, white space
//! trimmed, lower case. Two spellings of one login are one user and share one failure count.

use unicode_normalization::UnicodeNormalization;

/// Characters that print as nothing (format characters, joiners, variation selectors, BOM…):
/// a login that differs from another only by them is the same login.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    ) || c.is_control()
}

/// The login as stored and compared.
pub fn normalize(raw: &str) -> String {
    let visible: String = raw.nfkc().filter(|c| !is_invisible(*c)).collect();
    visible.trim().to_lowercase().nfkc().collect()
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn spellings_of_one_login_are_one_login() {
        for spelling in ["admin", "ADMIN", " Admin ", "ａｄｍｉｎ", "\u{feff}admin", "ad\u{200b}min", "admin\u{3000}"]
        {
            assert_eq!(normalize(spelling), "admin", "{spelling:?}");
        }
        assert_eq!(normalize("Fukushi.Tanaka@City"), "fukushi.tanaka@city");
        assert_ne!(normalize("admin1"), normalize("admin"));
    }
}
