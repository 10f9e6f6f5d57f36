//! Word lists of the subject, measure and status rules, and matching words against char ranges (all on the normalised text).

use std::sync::OnceLock;

use super::*;
pub(super) use crate::lexicon::{lexicon, Lexicon, Role};

pub(super) const SPACE: &[char] = &[' ', '\u{3000}', '\t', '\r', '\n', '\u{a0}'];

pub(super) fn is_space_char(c: char) -> bool {
    SPACE.contains(&c)
}

// ---------------------------------------------------------------------------------------------
// Matching words against char ranges (all on the normalised text)

/// Whether `t[a..b]` starts with `w`.
pub(super) fn sw(t: &[char], a: usize, b: usize, w: &str) -> bool {
    (a..)
        .zip(w.chars())
        .all(|(i, c)| i < b && t.get(i) == Some(&c))
}

/// Whether `t[a..b]` ends with `w` (`w.chars().count()` is `wl`).
pub(super) fn ew(t: &[char], a: usize, b: usize, w: &str, wl: usize) -> bool {
    b >= a + wl && sw(t, b - wl, b, w)
}

pub(super) fn clen(w: &str) -> usize {
    w.chars().count()
}

/// Whether `t[a..b]` equals `w`.
pub(super) fn eq(t: &[char], a: usize, b: usize, w: &str) -> bool {
    sw_len(t, a, b, w) == Some(b.saturating_sub(a))
}

/// First position in `a..b` where `w` starts (and fits).
pub(super) fn find(t: &[char], a: usize, b: usize, w: &str) -> Option<usize> {
    let first = w.chars().next()?;
    (a..b).find(|&i| t.get(i) == Some(&first) && sw(t, i, b, w))
}

/// Last position in `a..b` where `w` starts (and fits).
pub(super) fn rfind(t: &[char], a: usize, b: usize, w: &str) -> Option<usize> {
    let first = w.chars().next()?;
    (a..b)
        .rev()
        .find(|&i| t.get(i) == Some(&first) && sw(t, i, b, w))
}

pub(super) fn contains(t: &[char], a: usize, b: usize, w: &str) -> bool {
    find(t, a, b, w).is_some()
}

/// If `t[a..b]` ends with `w`: its length in chars.
pub(super) fn ew_len(t: &[char], a: usize, b: usize, w: &str) -> Option<usize> {
    let mut i = b;
    for c in w.chars().rev() {
        if i <= a || t.get(i - 1) != Some(&c) {
            return None;
        }
        i -= 1;
    }
    Some(b - i)
}

/// If `t[a..b]` starts with `w`: its length in chars.
pub(super) fn sw_len(t: &[char], a: usize, b: usize, w: &str) -> Option<usize> {
    let mut i = a;
    for c in w.chars() {
        if i >= b || t.get(i) != Some(&c) {
            return None;
        }
        i += 1;
    }
    Some(i - a)
}

/// Length (in chars) of the longest word of `list` that `t[a..b]` ends with.
pub(super) fn longest_suffix(t: &[char], a: usize, b: usize, list: &[&str]) -> Option<usize> {
    if b <= a {
        return None;
    }
    // compare the UTF-8 bytes of the last char first: most words fail there, undecoded
    let mut buf = [0u8; 4];
    let last = t.get(b - 1)?.encode_utf8(&mut buf).as_bytes();
    list.iter()
        .filter(|w| bytes_end_with(w.as_bytes(), last))
        .filter_map(|w| ew_len(t, a, b, w))
        .max()
}

/// Length (in chars) of the longest word of `list` that `t[a..b]` starts with.
pub(super) fn longest_prefix(t: &[char], a: usize, b: usize, list: &[&str]) -> Option<usize> {
    if b <= a {
        return None;
    }
    let mut buf = [0u8; 4];
    let first = t.get(a)?.encode_utf8(&mut buf).as_bytes();
    list.iter()
        .filter(|w| bytes_start_with(w.as_bytes(), first))
        .filter_map(|w| sw_len(t, a, b, w))
        .max()
}

/// `w.starts_with(p)` for the 1–4 bytes of one char, compared inline (a `memcmp` call costs
/// more than the comparison), last byte first (the lead bytes of CJK chars are alike).
#[inline]
pub(super) fn bytes_start_with(w: &[u8], p: &[u8]) -> bool {
    let n = p.len();
    n > 0 && w.len() >= n && w[n - 1] == p[n - 1] && w[..n - 1] == p[..n - 1]
}

/// `w.ends_with(p)` for the 1–4 bytes of one char, like [`bytes_start_with`].
#[inline]
pub(super) fn bytes_end_with(w: &[u8], p: &[u8]) -> bool {
    let (n, m) = (p.len(), w.len());
    n > 0 && m >= n && w[m - 1] == p[n - 1] && w[m - n..m - 1] == p[..n - 1]
}

pub(super) fn trim(t: &[char], mut a: usize, mut b: usize) -> Span {
    while a < b && t.get(a).is_some_and(|&c| is_space_char(c)) {
        a += 1;
    }
    while b > a && t.get(b - 1).is_some_and(|&c| is_space_char(c)) {
        b -= 1;
    }
    (a, b)
}

pub(super) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

pub(super) fn string(t: &[char], (a, b): Span) -> String {
    t.get(a..b.min(t.len()))
        .map(crate::text::string)
        .unwrap_or_default()
}

pub(super) fn is_group_end_char(c: char) -> bool {
    matches!(c, '。' | ';' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

pub(super) fn is_clause_end_char(c: char) -> bool {
    is_group_end_char(c) || matches!(c, ',' | ':' | '、' | '(' | ')' | '—')
}

/// The lexicon (`lexicon/subject_words.tsv`, see [`crate::lexicon`]).
pub(super) fn lx() -> &'static Lexicon {
    lexicon()
}

/// Words of one role of the lexicon, in file order.
pub(super) fn role(r: Role) -> &'static [&'static str] {
    lexicon().words(r)
}

/// `verb_only`, `verb` and `new_verb` words as a set of char strings: phrases that name no
/// thing on their own.
pub(super) fn bare_verbs() -> &'static crate::text::FastSet<Vec<char>> {
    static SET: OnceLock<crate::text::FastSet<Vec<char>>> = OnceLock::new();
    SET.get_or_init(|| {
        role(Role::VerbOnly)
            .iter()
            .chain(role(Role::Verb))
            .chain(role(Role::NewVerb))
            .map(|w| w.chars().collect())
            .collect()
    })
}
