//! Soft line breaks: PDF wrapping inside a sentence.

use super::*;

/// Line breaks inside a sentence (PDF line wrapping): the line before does not end with
/// sentence punctuation, is not a heading (no list marker at its start, not a section heading
/// of the structure) and either has clause punctuation or is long (≥ 25 characters); the next
/// line is not blank, indented or a heading.
pub(super) fn soft_newlines(chars: &[char], structure: &Structure) -> Vec<usize> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut heading_ends: Vec<usize> = structure.sections.iter().map(|s| s.end as usize).collect();
    heading_ends.sort_unstable();
    for i in 0..chars.len() {
        if chars[i] != '\n' {
            continue;
        }
        let ls = line_start;
        line_start = i + 1;
        let mut e = i;
        while e > ls && matches!(chars[e - 1], ' ' | '\u{3000}' | '\r' | '\t') {
            e -= 1;
        }
        if e == ls {
            continue;
        }
        let last = chars[e - 1];
        if "。！？；：!?;:…”」』）)】".contains(last) {
            continue;
        }
        // a line that starts with a marker is a heading unless a sentence ends on it
        // (（六）生态环境持续向好。完成…森林覆盖率达到⏎68.2%: the marker heads a paragraph)
        let heading_line = starts_with_marker(chars, ls) && !(ls..e).any(|k| chars[k] == '。');
        if heading_ends.binary_search(&e).is_ok()
            || heading_ends.binary_search(&i).is_ok()
            || heading_line
        {
            continue;
        }
        let punct = (ls..e).any(|k| matches!(chars[k], '，' | ',' | '、' | '；' | '。'));
        if !punct && e - ls < 25 {
            continue;
        }
        let next = chars.get(i + 1).copied().unwrap_or('\n');
        if matches!(next, '\n' | '\r' | ' ' | '\u{3000}' | '\t' | '—')
            || starts_with_marker(chars, i + 1)
        {
            continue;
        }
        // CRLF: the \r of a soft break is soft too
        if i > 0 && chars[i - 1] == '\r' {
            out.push(i - 1);
        }
        out.push(i);
    }
    out
}

/// Whether a line starts with a list or heading marker (一、 （一） 1. 第一).
pub(super) fn starts_with_marker(chars: &[char], ls: usize) -> bool {
    let mut k = ls;
    while chars.get(k).is_some_and(|&c| matches!(c, ' ' | '\u{3000}')) {
        k += 1;
    }
    let Some(&c) = chars.get(k) else { return false };
    if matches!(
        c,
        '（' | '('
            | '第'
            | '●'
            | '■'
            | '◆'
            | '★'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
    ) {
        if c == '（' || c == '(' || c == '第' || !"一二三四五六七八九十".contains(c) {
            return true;
        }
        // 一、 二、 十一、
        let mut j = k;
        while chars
            .get(j)
            .is_some_and(|&d| "一二三四五六七八九十".contains(d))
        {
            j += 1;
        }
        return chars
            .get(j)
            .is_some_and(|&d| matches!(d, '、' | '是' | '．' | '.'));
    }
    if is_digit(c) {
        let mut j = k;
        while chars.get(j).is_some_and(|&d| is_digit(d)) {
            j += 1;
        }
        let next = chars.get(j + 1).copied().unwrap_or('\0');
        return chars
            .get(j)
            .is_some_and(|&d| matches!(d, '、' | '．' | '.' | '）' | ')'))
            && !is_digit(next);
    }
    false
}
