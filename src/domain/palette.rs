//! Suggested colours for the buckets of a distribution: a colour-blind-safe palette (Okabe & Ito,
//! "Color Universal Design", 2008, the palette the 色覚バリアフリー guidance of Japanese
//! prefectures recommends), and for each colour the text colour that stays legible on it
//! (WCAG 2.1: contrast ratio ≥ 4.5 for normal text, 1.4.3 AA). Pure: no database, no HTTP.

/// Okabe–Ito colours, as `#rrggbb`.
pub const BLUE: &str = "#0072B2";
pub const SKY_BLUE: &str = "#56B4E9";
pub const BLUISH_GREEN: &str = "#009E73";
pub const YELLOW: &str = "#F0E442";
pub const ORANGE: &str = "#E69F00";
pub const VERMILLION: &str = "#D55E00";
pub const REDDISH_PURPLE: &str = "#CC79A7";
/// For "nothing to count" buckets (未評価, 未報告, 測定不能): a neutral grey.
pub const GREY: &str = "#BBBBBB";

/// Colours for an ordered scale of `n` steps, best first: blue for the best, vermillion for the
/// worst, so that the order reads the same with every kind of colour vision.
pub fn scale(n: usize) -> Vec<&'static str> {
    match n {
        0 => vec![],
        1 => vec![BLUE],
        2 => vec![BLUE, VERMILLION],
        3 => vec![BLUE, ORANGE, VERMILLION],
        4 => vec![BLUE, SKY_BLUE, ORANGE, VERMILLION],
        5 => vec![BLUE, SKY_BLUE, YELLOW, ORANGE, VERMILLION],
        _ => {
            let all = [BLUE, SKY_BLUE, BLUISH_GREEN, YELLOW, ORANGE, VERMILLION, REDDISH_PURPLE];
            (0..n).map(|i| all[i % all.len()]).collect()
        }
    }
}

/// The colour as linear sRGB components; `None` unless written `#rrggbb`.
fn channels(colour: &str) -> Option<[f64; 3]> {
    let hex = colour.strip_prefix('#').filter(|h| h.len() == 6)?;
    let mut out = [0.0; 3];
    for (i, c) in out.iter_mut().enumerate() {
        let v = u8::from_str_radix(hex.get(i * 2..i * 2 + 2)?, 16).ok()? as f64 / 255.0;
        *c = if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) };
    }
    Some(out)
}

/// Relative luminance (WCAG 2.1), 0 (black) to 1 (white).
pub fn luminance(colour: &str) -> Option<f64> {
    let [r, g, b] = channels(colour)?;
    Some(0.2126 * r + 0.7152 * g + 0.0722 * b)
}

/// The contrast ratio of two colours (WCAG 2.1), 1 to 21.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (a, b) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// Black or white, whichever contrasts more with `background`. One of the two always reaches
/// 4.58:1 at least (the worst case is a background of luminance 0.179), so text in it passes AA.
pub fn text_on(background: &str) -> &'static str {
    let on_black = contrast(background, "#000000").unwrap_or(21.0);
    let on_white = contrast(background, "#FFFFFF").unwrap_or(1.0);
    if on_black >= on_white {
        "#000000"
    } else {
        "#FFFFFF"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        assert_eq!(contrast("#000000", "#FFFFFF").map(|c| (c * 100.0).round()), Some(2100.0));
        assert_eq!(contrast("#777777", "#777777"), Some(1.0));
        // #767676 is the lightest grey that passes AA on white: 4.54:1, a well-known reference.
        assert_eq!(contrast("#767676", "#FFFFFF").map(|c| (c * 100.0).round() / 100.0), Some(4.54));
        assert_eq!(contrast(BLUE, "#FFFFFF").map(|c| (c * 100.0).round() / 100.0), Some(5.19));
        assert_eq!(contrast("#12345", "#FFFFFF"), None);
    }

    #[test]
    fn text_on_every_colour_of_every_scale_passes_aa() {
        for n in 0..=9 {
            for colour in scale(n).into_iter().chain([GREY]) {
                let text = text_on(colour);
                let ratio = contrast(colour, text).unwrap();
                assert!(ratio >= 4.5, "{text} on {colour}: {ratio:.2}");
            }
        }
        assert_eq!(text_on(BLUE), "#FFFFFF");
        assert_eq!(text_on(YELLOW), "#000000");
        assert_eq!(text_on(VERMILLION), "#000000");
    }

    #[test]
    fn scales_run_from_blue_to_vermillion_without_repeating() {
        for n in 2..=7 {
            let s = scale(n);
            assert_eq!((s.len(), s[0]), (n, BLUE));
            let distinct: std::collections::HashSet<_> = s.iter().collect();
            assert_eq!(distinct.len(), n);
            if n <= 5 {
                assert_eq!(s[n - 1], VERMILLION);
            }
        }
    }
}
