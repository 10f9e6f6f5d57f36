//! Unbalanced quotation marks and brackets, per paragraph (and per line outside the body's
//! paragraphs).

use gwr_model::{QualityCode, Severity};

use super::{paragraph_at, Ctx, Finding, Findings};
use crate::text::CharSet;

/// One kind of paired mark: its openers and closers, whether it is a quotation mark.
struct Pair {
    open: &'static [char],
    close: &'static [char],
    quote: bool,
}

const PAIRS: &[Pair] = &[
    Pair {
        open: &['“'],
        close: &['”'],
        quote: true,
    },
    Pair {
        open: &['「'],
        close: &['」'],
        quote: true,
    },
    Pair {
        open: &['『'],
        close: &['』'],
        quote: true,
    },
    Pair {
        open: &['《'],
        close: &['》'],
        quote: false,
    },
    Pair {
        open: &['（', '('],
        close: &['）', ')'],
        quote: false,
    },
    Pair {
        open: &['【'],
        close: &['】'],
        quote: false,
    },
    Pair {
        open: &['〔'],
        close: &['〕'],
        quote: false,
    },
];

/// Where a quoted stretch stops when widening an issue's span.
fn is_boundary(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '。'
            | '、'
            | '；'
            | ';'
            | '：'
            | ':'
            | '！'
            | '？'
            | '!'
            | '?'
            | '\n'
            | '\r'
            | ' '
            | '\u{3000}'
            | '“'
            | '”'
            | '「'
            | '」'
            | '《'
            | '》'
            | '（'
            | '）'
            | '('
            | ')'
            | '\0'
    )
}

/// Whether `c` at a list-marker position: `1)`, `a)`, `一）` at the start of a unit (after
/// white space only). Looks back from `k` no further than the marker and the white space
/// before it, so a unit of a million closing brackets stays linear.
fn is_list_marker_close(ctx: &Ctx, unit_start: usize, k: usize) -> bool {
    let marker = |c: char| {
        c.is_ascii_alphanumeric()
            || ('０'..='９').contains(&c)
            || "一二三四五六七八九十".contains(c)
    };
    let mut i = k;
    let mut n = 0;
    while i > unit_start && !ctx.at(i - 1).is_whitespace() {
        n += 1;
        if n > 3 || !marker(ctx.at(i - 1)) {
            return false;
        }
        i -= 1;
    }
    n >= 1 && (unit_start..i).rev().all(|j| ctx.at(j).is_whitespace())
}

/// Runs the checks.
pub(crate) fn detect(ctx: &Ctx, out: &mut Findings) {
    let st = ctx.structure;
    for p in &st.paragraphs {
        check_unit(ctx, p.start as usize, p.end as usize, true, out);
    }
    // lines outside the paragraphs (title block, page furniture)
    let mut ls = 0usize;
    let n = ctx.chars.len();
    while ls < n {
        let mut le = ls;
        while le < n && ctx.at(le) != '\n' {
            le += 1;
        }
        if paragraph_at(st, ls).is_none() && ls < le {
            let in_body = ls >= st.body_start && ls < st.body_end;
            check_unit(ctx, ls, le, in_body, out);
        }
        ls = le + 1;
    }
}

fn check_unit(ctx: &Ctx, start: usize, end: usize, in_body: bool, out: &mut Findings) {
    // one pass over the unit, a stack of open marks per pair
    let mut open: [Vec<usize>; PAIRS.len()] = Default::default();
    let mut any = false;
    for k in start..end.min(ctx.chars.len()) {
        let c = ctx.at(k);
        let Some((p, is_open)) = mark(c) else {
            continue;
        };
        let pair = &PAIRS[p];
        if is_open {
            open[p].push(k);
            any = true;
        } else if open[p].pop().is_none() {
            if (!pair.quote && is_list_marker_close(ctx, start, k))
                || opener_before(ctx, pair, start)
            {
                continue;
            }
            let s = close_start(ctx, start, k);
            out.push_with(code(pair), s, k + 1, || {
                unmatched_close(ctx, pair, start, k, in_body)
            });
        }
    }
    if !any {
        return;
    }
    for (p, pair) in PAIRS.iter().enumerate() {
        for &k in &open[p] {
            if closer_after(ctx, pair, end) {
                continue;
            }
            let e = open_end(ctx, end, k);
            out.push_with(code(pair), k, e, || {
                unmatched_open(ctx, pair, end, k, in_body)
            });
        }
    }
}

/// Which pair `c` belongs to (its index in [`PAIRS`]) and whether it opens it.
fn mark(c: char) -> Option<(usize, bool)> {
    /// Every char of every pair.
    static MARKS: CharSet = CharSet::new(&[
        '“', '”', '「', '」', '『', '』', '《', '》', '（', '(', '）', ')', '【', '】', '〔', '〕',
    ]);
    if !MARKS.contains(c) {
        return None;
    }
    PAIRS.iter().enumerate().find_map(|(p, pair)| {
        if pair.open.contains(&c) {
            Some((p, true))
        } else if pair.close.contains(&c) {
            Some((p, false))
        } else {
            None
        }
    })
}

/// How far a mark may be from its partner across a line or paragraph break (a title on a
/// line of its own, a quotation split by a PDF line break).
const SPAN_REACH: usize = 60;

/// Whether the text just before `unit_start` has an unclosed opener of `pair`.
fn opener_before(ctx: &Ctx, pair: &Pair, unit_start: usize) -> bool {
    let lo = unit_start.saturating_sub(SPAN_REACH);
    for k in (lo..unit_start).rev() {
        let c = ctx.at(k);
        if pair.close.contains(&c) {
            return false;
        }
        if pair.open.contains(&c) {
            return true;
        }
    }
    false
}

/// Whether the text just after `unit_end` has an unopened closer of `pair`.
fn closer_after(ctx: &Ctx, pair: &Pair, unit_end: usize) -> bool {
    let hi = (unit_end + SPAN_REACH).min(ctx.chars.len());
    for k in unit_end..hi {
        let c = ctx.at(k);
        if pair.open.contains(&c) {
            return false;
        }
        if pair.close.contains(&c) {
            return true;
        }
    }
    false
}

fn severity(pair: &Pair, in_body: bool) -> Severity {
    if pair.quote || in_body {
        Severity::Warning
    } else {
        Severity::Info
    }
}

fn code(pair: &Pair) -> QualityCode {
    if pair.quote {
        QualityCode::UnbalancedQuote
    } else {
        QualityCode::UnbalancedBracket
    }
}

/// Start of the span of an unmatched closer at `k`: up to 10 chars back, not past a boundary.
fn close_start(ctx: &Ctx, unit_start: usize, k: usize) -> usize {
    let mut s = k;
    while s > unit_start && k - s < 10 && !is_boundary(ctx.at(s - 1)) {
        s -= 1;
    }
    s
}

/// End of the span of an unmatched opener at `k`: up to 12 chars on, not past a boundary.
fn open_end(ctx: &Ctx, unit_end: usize, k: usize) -> usize {
    let mut e = k + 1;
    while e < unit_end && e - k < 12 && !is_boundary(ctx.at(e)) {
        e += 1;
    }
    e
}

fn unmatched_close(ctx: &Ctx, pair: &Pair, unit_start: usize, k: usize, in_body: bool) -> Finding {
    let s = close_start(ctx, unit_start, k);
    let q = ctx.slice(s, k + 1);
    let c = ctx.at(k);
    let o = pair.open.first().copied().unwrap_or(' ');
    let (zh_kind, en_kind) = if pair.quote {
        ("右引号", "closing quotation mark")
    } else {
        ("右括号", "closing bracket")
    };
    Finding::new(
        s,
        k + 1,
        severity(pair, in_body),
        code(pair),
        format!(
            "{zh_kind}“{c}”在本段中没有对应的“{o}”:“{q}”前的“{o}”(可能连同其间的文字)疑已丢失"
        ),
        format!(
            "The {en_kind} {c} has no matching {o} in its paragraph: the {o} before “{q}” (and possibly words with it) was probably lost"
        ),
    )
    .no_fact()
}

fn unmatched_open(ctx: &Ctx, pair: &Pair, unit_end: usize, k: usize, in_body: bool) -> Finding {
    let e = open_end(ctx, unit_end, k);
    let q = ctx.slice(k, e);
    let c = ctx.at(k);
    let cl = pair.close.first().copied().unwrap_or(' ');
    let (zh_kind, en_kind) = if pair.quote {
        ("左引号", "opening quotation mark")
    } else {
        ("左括号", "opening bracket")
    };
    Finding::new(
        k,
        e,
        severity(pair, in_body),
        code(pair),
        format!("{zh_kind}“{c}”在本段中没有对应的“{cl}”:“{q}”之后的“{cl}”疑已丢失"),
        format!(
            "The {en_kind} {c} has no matching {cl} in its paragraph: the {cl} after “{q}” was probably lost"
        ),
    )
    .no_fact()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_of_every_pair_is_recognised() {
        for (p, pair) in PAIRS.iter().enumerate() {
            for &c in pair.open {
                assert_eq!(mark(c), Some((p, true)), "{c}");
            }
            for &c in pair.close {
                assert_eq!(mark(c), Some((p, false)), "{c}");
            }
        }
        for c in ['a', '〈', '，', '"', '中'] {
            assert_eq!(mark(c), None, "{c}");
        }
    }
}
