//! How wide a text is when set: East Asian wide and full-width characters (漢字, かな, ＡＢＣ,
//! 全角記号) take two columns, the rest one (a simplification of Unicode's East Asian Width that
//! errs on the wide side, which is the safe side for fitting text). Pure.

/// Whether `c` takes two columns.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F          // Hangul Jamo initials
        | 0x2E80..=0x303E        // CJK radicals, punctuation (、。「」)
        | 0x3041..=0x33FF        // かな, カナ, CJK compatibility (㎡)
        | 0x3400..=0x4DBF        // CJK extension A
        | 0x4E00..=0x9FFF        // CJK unified ideographs
        | 0xA000..=0xA4CF        // Yi
        | 0xAC00..=0xD7A3        // Hangul syllables
        | 0xF900..=0xFAFF        // CJK compatibility ideographs
        | 0xFE30..=0xFE4F        // CJK compatibility forms
        | 0xFF00..=0xFF60        // full-width forms (ＡＢＣ１（）)
        | 0xFFE0..=0xFFE6        // full-width signs (￥)
        | 0x1F300..=0x1FAFF      // pictographs
        | 0x20000..=0x3FFFD)     // CJK extensions B and later
        || matches!(c, '①'..='⑳' | '○' | '×' | '—' | '～' | '※' | '…')
}

/// Columns `text` takes.
pub fn columns(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// `text` cut to at most `max` columns, ending with `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if columns(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = if is_wide(c) { 2 } else { 1 };
        if used + w + 2 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(columns("A 31"), 4);
        assert_eq!(columns("令和4年度"), 9);
        assert_eq!(columns("ＡＢＣ（１）ｱｲｳ"), 15);
        assert_eq!(columns("① ○×—"), 9);
    }

    #[test]
    fn truncation_keeps_within_the_columns() {
        assert_eq!(truncate("地域での支え合い", 20), "地域での支え合い");
        let cut = truncate("地域での支え合い・助け合いの推進", 12);
        assert_eq!(cut, "地域での支…");
        assert!(columns(&cut) <= 12);
        assert_eq!(truncate("abcdef", 4), "ab…");
    }
}
