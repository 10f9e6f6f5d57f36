//! A fact's value recomputed from how it was written: `value_raw` × the magnitude of
//! `unit_raw`.
//!
//! Arabic numbers (`5.87`, `27,203`, `２７．５`, `2000多万`) are read here, independently of
//! the extractor; the unit's magnitude is its leading Chinese magnitudes (`亿元` → 10⁸,
//! `万人次` → 10⁴, `千万元` → 10⁷, `千户` → 10³, `百亿元` → 10¹⁰; but `千米`, `千克`, `千瓦`…
//! and `百分之` are units of their own, not magnitudes) times the conversion of its base unit to the table's base
//! unit (`亩` → 666.6667 m², `公顷` → 10⁴ m², `平方公里` → 10⁶ m², `公里` → 1000 m, `公斤` →
//! 0.001 t, `斤` → 0.0005 t: the factors of `crates/gwr-numbers/lexicon/units.tsv`; everything
//! else as written, as the facts guide says). Other forms
//! — Chinese numerals (`三千五百万`), fractions and shares (`三分之一`, `六成`, `过半`),
//! doublings, ranges — are read with `gwr_numbers`'s number scanner; what neither can read is
//! left unchecked. A share written with its unit in front (`百分之七`, whose `unit_raw` is
//! `百分之`) already holds its unit in `value_raw`, so it is read alone.

/// Magnitude prefixes of a unit, longest first (千 and 百 alone are checked after these, see
/// [`single_magnitude`]).
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

/// Units of their own that start with 千 (千米, 千克, 千瓦, 千瓦时, 千伏, 千帕, 千焦, 千卡, 千升):
/// after 千, these characters make a unit, not a thousand of something.
const AFTER_QIAN_UNIT: &[char] = &['米', '瓦', '克', '伏', '帕', '焦', '卡', '升'];

/// A leading 千 (10³) or 百 (10²) of `u` as a magnitude, and the rest: `千户` → 1000 × 户,
/// `百亿元` → 100 × 亿元; not `千米` (a kilometre) nor `百分之`/`百分点` (percent).
fn single_magnitude(u: &str) -> Option<(f64, &str)> {
    let mut chars = u.chars();
    let (k, rest) = match chars.next()? {
        '千' => (1e3, chars.as_str()),
        '百' => (1e2, chars.as_str()),
        _ => return None,
    };
    let next = rest.chars().next()?;
    let unit_of_its_own = if k == 1e3 {
        AFTER_QIAN_UNIT.contains(&next)
    } else {
        next == '分'
    };
    (!unit_of_its_own).then_some((k, rest))
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
        if let Some((k, r)) = single_magnitude(u) {
            f *= k;
            u = r;
            continue;
        }
        break;
    }
    // the conversion of the base unit, from the scanner's unit lexicon
    // (crates/gwr-numbers/lexicon/units.tsv): one table for both
    f * gwr_numbers::unit_factor(u).unwrap_or(1.0)
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
    // Chinese numerals, fractions, shares, doublings and ranges: the extractor's scanner. A
    // unit written before the number (百分之七) is already part of `value_raw`.
    let unit_raw = if !unit_raw.is_empty() && value_raw.starts_with(unit_raw) {
        ""
    } else {
        unit_raw
    };
    let text = format!("{value_raw}{unit_raw}");
    let tokens = gwr_numbers::scan(&text);
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
            ("5", "千户", 5_000.0),
            ("5", "千公里", 5e6),
            ("5", "千米", 5_000.0),
            ("5", "千克", 0.005),
            ("5", "万千瓦", 50_000.0),
            ("5", "千瓦时", 5.0),
            ("5", "万千升", 50_000.0),
            ("3", "百亿元", 3e10),
            ("2", "千亿元", 2e11),
            ("3", "百万元", 3e6),
            ("8", "百分点", 8.0),
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
        // the unit written in front is part of value_raw (百分之七 with unit_raw 百分之)
        assert!(expected_value("百分之七", "百分之").is_some_and(|x| close(x.0, 7.0)));
        let r = expected_value("百分之八至百分之九", "百分之");
        assert!(
            r.is_some_and(|(v, m)| close(v, 8.0) && m.is_some_and(|m| close(m, 9.0))),
            "{r:?}"
        );
        assert!(expected_value("百分之十二点五", "百分之").is_some_and(|x| close(x.0, 12.5)));
    }

    #[test]
    fn unreadable_forms() {
        for v in ["", "abc", "1.", ".", ",1", "1,", "1,,2", "5x"] {
            assert!(arabic(v).is_none(), "{v}");
        }
        assert_eq!(expected_value("", ""), None);
    }
}
