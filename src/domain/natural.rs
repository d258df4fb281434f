//! Natural ordering of printed codes: `①②…⑳`, `(1)(2)…(10)`, `I II III IV`, `1 2 10`, `9-1 9-2 10-1`.
//!
//! [`sort_key`] maps a code to a string whose byte order is the natural order, so that
//! the database can sort and paginate by it.

/// Value of a circled number (① = 1 … ⑳ = 20, ㉑ = 21 … ㊿ = 50).
fn circled(c: char) -> Option<u32> {
    match c {
        '①'..='⑳' => Some(c as u32 - '①' as u32 + 1),
        '㉑'..='㉟' => Some(c as u32 - '㉑' as u32 + 21),
        '㊱'..='㊿' => Some(c as u32 - '㊱' as u32 + 36),
        '⑴'..='⒇' => Some(c as u32 - '⑴' as u32 + 1),
        '⒈'..='⒛' => Some(c as u32 - '⒈' as u32 + 1),
        _ => None,
    }
}

fn roman_value(c: char) -> Option<u32> {
    Some(match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        _ => return None,
    })
}

/// Single-character Roman numerals (Ⅱ, Ⅲ, Ⅳ … as one code point).
fn roman_char(c: char) -> Option<u32> {
    match c {
        'Ⅰ'..='Ⅻ' => Some(c as u32 - 'Ⅰ' as u32 + 1),
        'ⅰ'..='ⅻ' => Some(c as u32 - 'ⅰ' as u32 + 1),
        _ => None,
    }
}

/// Parses a run of Roman numeral letters, only when it is a canonical numeral (`IV`, not `IIII`
/// or `CIVIC`), so that words in capitals stay text.
fn parse_roman(run: &str) -> Option<u32> {
    let values: Vec<u32> = run.chars().map(roman_value).collect::<Option<_>>()?;
    let mut total: i64 = 0;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= *v as i64,
            _ => total += *v as i64,
        }
    }
    let n = u32::try_from(total).ok().filter(|n| *n > 0 && *n < 400)?;
    (to_roman(n) == run).then_some(n)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 9] =
        [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (value, letters) in TABLE {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

fn push_number(key: &mut String, n: u64) {
    // Numbers sort before text ('0' < any letter) and among themselves by value.
    key.push_str(&format!("{n:010}"));
}

/// Folds full-width ASCII forms (`０`–`９`, `Ｒ`, `（`, …, U+FF01–FF5E) to ASCII, as sheets mix both.
pub fn halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// A string whose byte order is the natural order of `code`.
pub fn sort_key(code: &str) -> String {
    let chars: Vec<char> = code.trim().chars().map(halfwidth).collect();
    let mut key = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            push_number(&mut key, digits.parse().unwrap_or(u64::MAX));
            key.push('.');
            continue;
        }
        if let Some(n) = circled(c).or_else(|| roman_char(c)) {
            push_number(&mut key, n as u64);
            key.push('.');
            i += 1;
            continue;
        }
        if roman_value(c).is_some() {
            // A standalone run of Roman letters (not part of a word) is a number.
            let start = i;
            while i < chars.len() && roman_value(chars[i]).is_some() {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            let before_ok = start == 0 || !chars[start - 1].is_alphabetic();
            let after_ok = i == chars.len() || !chars[i].is_alphabetic();
            match parse_roman(&run) {
                Some(n) if before_ok && after_ok => {
                    push_number(&mut key, n as u64);
                    key.push('.');
                }
                _ => key.push_str(&run),
            }
            continue;
        }
        // Brackets, separators and spaces only group numbers: they do not order them.
        if !matches!(c, '(' | ')' | ' ' | '　' | '-' | '.' | '・' | '、' | ',' | '_' | '/') {
            key.push(c);
        }
        i += 1;
    }
    key
}

/// Compares two codes in natural order.
pub fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(codes: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = codes.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| compare(a, b));
        v
    }

    #[test]
    fn numbers_sort_by_value() {
        assert_eq!(sorted(&["10", "2", "1"]), ["1", "2", "10"]);
        assert_eq!(sorted(&["9-2", "10-1", "9-1"]), ["9-1", "9-2", "10-1"]);
    }

    #[test]
    fn circled_and_bracketed_numbers() {
        assert_eq!(sorted(&["⑪", "②", "①"]), ["①", "②", "⑪"]);
        assert_eq!(sorted(&["(10)", "(2)", "(1)"]), ["(1)", "(2)", "(10)"]);
        assert_eq!(sorted(&["（2）", "(1)"]), ["(1)", "（2）"]);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(sorted(&["IV", "II", "IX", "I", "III", "V"]), ["I", "II", "III", "IV", "V", "IX"]);
        assert_eq!(sorted(&["Ⅲ", "Ⅰ", "Ⅱ"]), ["Ⅰ", "Ⅱ", "Ⅲ"]);
        assert_eq!(
            sorted(&["II 1 (2)", "I 2 (1)", "I 1 (10)", "I 1 (2)"]),
            ["I 1 (2)", "I 1 (10)", "I 2 (1)", "II 1 (2)"]
        );
    }

    #[test]
    fn roman_letters_inside_words_stay_text() {
        // "CIVIC" is a word, not a numeral.
        assert_eq!(sort_key("CIVIC"), "CIVIC");
        assert!(sort_key("No.1") < sort_key("No.2"));
    }

    #[test]
    fn full_width_forms_sort_as_ascii() {
        assert_eq!(sort_key("（１２）"), sort_key("(12)"));
        assert_eq!(sort_key("Ａ－１"), sort_key("A-1"));
        assert_eq!(halfwidth('ｒ'), 'r');
        assert_eq!(halfwidth('あ'), 'あ');
    }

    #[test]
    fn numbers_before_text() {
        assert_eq!(sorted(&["その他", "1"]), ["1", "その他"]);
    }
}
