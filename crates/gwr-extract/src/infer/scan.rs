//! Numbers and searching on char slices: digits, Chinese numerals, years, words.

// Numbers

pub(super) fn ascii_digit(c: char) -> Option<u32> {
    c.is_ascii_digit().then(|| c as u32 - '0' as u32)
}

/// A Chinese digit of a year written digit by digit (一九五八, 二〇二四, 一九八○).
pub(super) fn cn_year_digit(c: char) -> Option<u32> {
    match c {
        '○' | '零' | 'Ｏ' | 'O' => Some(0),
        _ => "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .and_then(|p| u32::try_from(p).ok()),
    }
}

/// A small number in Chinese numerals or Arabic digits (一, 十二, 两, 二十三, 9): the value and
/// its length. At most 99.
pub(super) fn small_number(s: &[char], i: usize) -> Option<(u32, usize)> {
    let digits: Vec<u32> = s
        .iter()
        .skip(i)
        .take_while(|c| c.is_ascii_digit())
        .filter_map(|&c| ascii_digit(c))
        .collect();
    if !digits.is_empty() {
        let n = digits.iter().fold(0u32, |a, d| a.saturating_mul(10) + d);
        return (n <= 99).then_some((n, digits.len()));
    }
    let unit = |c: char| match c {
        '两' => Some(2),
        c => cn_year_digit(c).filter(|&d| d > 0),
    };
    let c0 = *s.get(i)?;
    if c0 == '十' {
        // 十, 十二
        return Some(match s.get(i + 1).copied().and_then(unit) {
            Some(d) => (10 + d, 2),
            None => (10, 1),
        });
    }
    let d0 = unit(c0)?;
    if s.get(i + 1) == Some(&'十') {
        return Some(match s.get(i + 2).copied().and_then(unit) {
            Some(d) => (d0 * 10 + d, 3),
            None => (d0 * 10, 2),
        });
    }
    Some((d0, 1))
}

/// A year at `i`: four digits (Arabic, spaced Arabic as in `1 9 9 3`, or Chinese digit by
/// digit as in 一九五八) followed by 年. Returns the year and the index after 年.
pub(super) fn year_at(s: &[char], i: usize) -> Option<(i32, usize)> {
    let before = i.checked_sub(1).and_then(|k| s.get(k)).copied();
    let mut j = i;
    let mut year = 0i32;
    let first = *s.get(i)?;
    if first.is_ascii_digit() {
        if before.is_some_and(|c| c.is_ascii_digit() || c == '.') {
            return None;
        }
        for n in 0..4 {
            if n > 0 && s.get(j) == Some(&' ') && s.get(j + 1).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            let d = s.get(j).copied().and_then(ascii_digit)?;
            year = year * 10 + d as i32;
            j += 1;
        }
        if s.get(j).is_some_and(char::is_ascii_digit) {
            return None;
        }
    } else {
        if before.is_some_and(|c| cn_year_digit(c).is_some() || c == '十') {
            return None;
        }
        for _ in 0..4 {
            let d = s.get(j).copied().and_then(cn_year_digit)?;
            year = year * 10 + d as i32;
            j += 1;
        }
    }
    if s.get(j) == Some(&' ') {
        j += 1;
    }
    (s.get(j) == Some(&'年') && (1900..=2100).contains(&year)).then_some((year, j + 1))
}

/// The first of two years written as a list or span (1980、1981年, 1981—1985年): four Arabic
/// digits and a joining mark before a year. Returns the year and the index after it.
pub(super) fn listed_year_at(s: &[char], i: usize) -> Option<(i32, usize)> {
    if i > 0 && s.get(i - 1).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let mut year = 0i32;
    for k in i..i + 4 {
        year = year * 10 + s.get(k).copied().and_then(ascii_digit)? as i32;
    }
    let joined = s.get(i + 4).is_some_and(|&c| {
        matches!(
            c,
            '、' | '和' | '至' | '到' | '—' | '-' | '－' | '–' | '~' | '～'
        )
    });
    let next = i + 5 + usize::from(s.get(i + 5) == Some(&'—'));
    (joined && (1900..=2100).contains(&year) && year_at(s, next).is_some()).then_some((year, i + 4))
}

/// Every year of `s`, as (start, end, year), the first of a list or span included.
pub(super) fn years_in(s: &[char]) -> Vec<(usize, usize, i32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match year_at(s, i).or_else(|| listed_year_at(s, i)) {
            Some((y, end)) => {
                out.push((i, end, y));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// A date at `i`: year, 月, 日 in any numerals (2024年3月5日, 一九五四年九月二十三日). Returns
/// (year, month, day, index after 日).
pub(super) fn date_at(s: &[char], i: usize) -> Option<(i32, u32, u32, usize)> {
    let (year, j) = year_at(s, i)?;
    let skip = |k: usize| if s.get(k) == Some(&' ') { k + 1 } else { k };
    let j = skip(j);
    let (month, n) = small_number(s, j)?;
    let j = skip(j + n);
    if s.get(j) != Some(&'月') {
        return None;
    }
    let j = skip(j + 1);
    let (day, n) = small_number(s, j)?;
    let j = skip(j + n);
    let ok = s.get(j).is_some_and(|&c| c == '日' || c == '号') && (1..=12).contains(&month);
    (ok && (1..=31).contains(&day)).then_some((year, month, day, j + 1))
}

// ---------------------------------------------------------------------------------------
// Searching

pub(super) fn starts(s: &[char], i: usize, pat: &str) -> bool {
    pat.chars()
        .enumerate()
        .all(|(n, p)| s.get(i + n) == Some(&p))
}

pub(super) fn find(s: &[char], pat: &str, from: usize, to: usize) -> Option<usize> {
    (from..to.min(s.len())).find(|&i| starts(s, i, pat))
}

pub(super) fn contains(s: &[char], pat: &str) -> bool {
    find(s, pat, 0, s.len()).is_some()
}

pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n')
}

/// Longest stretch taken for one sentence (text without stops is cut here, so no search
/// runs away on it).
pub(super) const MAX_SENTENCE: usize = 400;

/// The end of the sentence holding `i` (exclusive), at most [`MAX_SENTENCE`] on.
pub(super) fn sentence_end(s: &[char], i: usize) -> usize {
    let limit = s.len().min(i.saturating_add(MAX_SENTENCE));
    (i..limit)
        .find(|&k| s.get(k).copied().is_some_and(is_sentence_end))
        .unwrap_or(limit)
}
