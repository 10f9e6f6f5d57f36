//! A fact's value recomputed from how it was written: `value_raw` × the magnitude of
//! `unit_raw`.
//!
//! Arabic numbers (`5.87`, `27,203`, `２７．５`, `2000多万`) are read here, independently of
//! the extractor; the unit's magnitude is its leading Chinese magnitude (`亿元` → 10⁸,
//! `万人次` → 10⁴, `千万元` → 10⁷) times the conversion of its base unit to the table's base
//! unit (`亩` → 666.6667 m², `公顷` → 10⁴ m², `平方公里` → 10⁶ m², `公里` → 1000 m, `公斤` →
//! 0.001 t, `斤` → 0.0005 t; everything else as written, as the facts guide says). Other forms
//! — Chinese numerals (`三千五百万`), fractions and shares (`三分之一`, `六成`, `过半`),
//! doublings, ranges — are read with `gwr_extract`'s number scanner; what neither can read is
//! left unchecked.

/// Conversions of base units to the tables' base units (m², m, ton); units not listed are
/// kept as written.
const CONVERSIONS: &[(&str, f64)] = &[
    ("平方公里", 1e6),
    ("平方千米", 1e6),
    ("公顷", 1e4),
    ("公頃", 1e4),
    ("亩", 666.6667),
    ("畝", 666.6667),
    ("公里", 1000.0),
    ("千米", 1000.0),
    ("公斤", 0.001),
    ("千克", 0.001),
    ("斤", 0.0005),
];

/// Magnitude prefixes of a unit, longest first.
const MAGNITUDES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("萬億", 1e12),
    ("千万", 1e7),
    ("千萬", 1e7),
    ("百万", 1e6),
    ("百萬", 1e6),
    ("十万", 1e5),
    ("十萬", 1e5),
    ("亿", 1e8),
    ("億", 1e8),
    ("万", 1e4),
    ("萬", 1e4),
];

fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// An Arabic number, with thousands separators and trailing Chinese magnitudes (and 多/余
/// between them, as in `2000多万`).
fn arabic(raw: &str) -> Option<f64> {
    let raw = raw.trim();
    let mut digits = String::new();
    let mut rest = "";
    let mut seen_point = false;
    for (i, c) in raw.char_indices() {
        if let Some(d) = ascii_digit(c) {
            digits.push(d);
        } else if (c == '.' || c == '．') && !seen_point && !digits.is_empty() {
            seen_point = true;
            digits.push('.');
        } else if (c == ',' || c == '，') && !digits.is_empty() && !seen_point {
            // thousands separator: must be followed by a digit
            raw.get(i + c.len_utf8()..)
                .and_then(|s| s.chars().next())
                .and_then(ascii_digit)?;
        } else {
            rest = raw.get(i..).unwrap_or_default();
            break;
        }
    }
    if digits.is_empty() || digits.ends_with('.') {
        return None;
    }
    let mut v: f64 = digits.parse().ok()?;
    for c in rest.chars() {
        v *= match c {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1000.0,
            '万' | '萬' => 1e4,
            '亿' | '億' => 1e8,
            '多' | '余' | '餘' => 1.0,
            _ => return None,
        };
    }
    Some(v)
}

/// The factor `unit_raw` multiplies the printed number by.
fn unit_factor(unit_raw: &str) -> f64 {
    let mut u = unit_raw.trim();
    let mut f = 1.0;
    'outer: loop {
        for (m, k) in MAGNITUDES {
            if let Some(r) = u.strip_prefix(m) {
                f *= k;
                u = r;
                continue 'outer;
            }
        }
        break;
    }
    f * CONVERSIONS
        .iter()
        .find(|(b, _)| *b == u)
        .map_or(1.0, |(_, k)| *k)
}

/// The value (and upper end of a range) that `value_raw` written with `unit_raw` stands for,
/// in the tables' base units, unsigned; `None` when the form cannot be read.
///
/// ```
/// use gwr_validate::expected_value;
/// assert_eq!(expected_value("5.87", "亿元"), Some((587_000_000.0, None)));
/// assert_eq!(expected_value("4", "万人次"), Some((40_000.0, None)));
/// assert_eq!(expected_value("六成", ""), Some((60.0, None)));
/// assert_eq!(expected_value("什么", ""), None);
/// ```
pub fn expected_value(value_raw: &str, unit_raw: &str) -> Option<(f64, Option<f64>)> {
    if let Some(v) = arabic(value_raw) {
        return Some((v * unit_factor(unit_raw), None));
    }
    // Chinese numerals, fractions, shares, doublings and ranges: the extractor's scanner
    let text = format!("{value_raw}{unit_raw}");
    let tokens = gwr_extract::numbers::scan(&text);
    let t = tokens.first()?;
    // the token must start where the number as written starts
    if t.start > 0 {
        return None;
    }
    if !t.value.is_finite() {
        return None;
    }
    Some((t.value, t.value_max))
}

/// Whether two values agree up to float noise (a relative 1e-9).
pub(crate) fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_forms() {
        let cases: &[(&str, &str, f64)] = &[
            ("5.87", "亿元", 587_000_000.0),
            ("4", "万人次", 40_000.0),
            ("14.5", "%", 14.5),
            ("27,203,319,000", "元", 27_203_319_000.0),
            ("２７．５", "万元", 275_000.0),
            ("4.37", "万平方米", 43_700.0),
            ("9", "平方公里", 9e6),
            ("100", "亩", 66_666.67),
            ("12", "公里", 12_000.0),
            ("5", "万", 50_000.0),
            ("2000多万", "", 2e7),
            ("6600多万", "元", 6.6e7),
            ("3", "千万元", 3e7),
            ("1.39", "万亿元", 1.39e12),
            ("50", "公斤", 0.05),
            ("5", "万千瓦", 50_000.0),
            ("1", "个百分点", 1.0),
        ];
        for (v, u, want) in cases {
            let got = expected_value(v, u).map(|x| x.0);
            assert!(
                got.is_some_and(|g| close(g, *want)),
                "{v} {u}: {got:?} vs {want}"
            );
        }
    }

    #[test]
    fn other_forms_via_scanner() {
        assert_eq!(expected_value("六成", "").map(|x| x.0), Some(60.0));
        assert_eq!(expected_value("过半", "").map(|x| x.0), Some(50.0));
        assert!(expected_value("三千五百万", "元").is_some_and(|x| close(x.0, 3.5e7)));
        let r = expected_value("3%—5", "%");
        assert_eq!(r, Some((3.0, Some(5.0))));
    }

    #[test]
    fn unreadable_forms() {
        for v in ["", "abc", "1.", ".", ",1", "1,", "1,,2", "5x"] {
            assert!(arabic(v).is_none(), "{v}");
        }
        assert_eq!(expected_value("", ""), None);
    }
}
