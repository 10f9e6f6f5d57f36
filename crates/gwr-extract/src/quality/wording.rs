//! Damaged wording: a scope word lost after 全, counting frames whose number is gone, doubled
//! 的, digits split by spaces.

use gwr_model::{QualityCode, Severity};

use super::{paragraph_at, words, Ctx, Finding, Findings};
use crate::structure::is_space;
use crate::text::CharSet;

/// Chars that end a word with 全 (健全, 安全, 完全…): 全 is then not the prefix "whole".
const WORD_BEFORE_QUAN: &[char] = &[
    '健', '安', '完', '齐', '周', '保', '顾', '成', '俱', '两', '万', '十', '求', '双', '大',
];

/// Measure words that a counting frame takes.
const FRAME_MEASURES: &[char] = &[
    '年', '个', '家', '项', '次', '届', '户', '件', '条', '名', '座', '所', '批', '台', '辆', '套',
    '宗', '起', '处', '人',
];

/// Chars that can stand before 个百分点 (the number, or an approximation word).
fn is_number_char(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "零〇一二两三四五六七八九十百千万点几多余半数".contains(c)
        || c == '.'
        || c == '．'
}

/// Runs the checks.
pub(crate) fn detect(ctx: &Ctx, out: &mut Findings) {
    /// The chars the checks below start at.
    static STARTS: CharSet = CharSet::new(&['全', '个', '的', '连', '共', '累', '合', '总']);
    for (i, &c) in ctx.chars.iter().enumerate() {
        if !STARTS.contains(c) {
            continue;
        }
        match c {
            '全' => lost_scope(ctx, i, out),
            '个' if ctx.starts(i, "个百分点") && !is_number_char(ctx.before(i)) => {
                let c = ctx.context(i, i + 4, 6);
                out.push(
                    Finding::new(
                        i,
                        i + 4,
                        Severity::Warning,
                        QualityCode::MissingNumber,
                        format!("“个百分点”前没有数字:表示变动幅度的数字疑已丢失,原文为“{c}”"),
                        format!(
                            "“个百分点” (percentage points) has no number before it: the number was probably lost: “{c}”"
                        ),
                    )
                    .no_fact(),
                );
            }
            '的' if ctx.at(i + 1) == '的'
                && ctx.at(i + 2) != '确'
                && !matches!(ctx.before(i), '的' | '目') =>
            {
                let c = ctx.context(i, i + 2, 6);
                out.push(
                    Finding::new(
                        i,
                        i + 2,
                        Severity::Info,
                        QualityCode::DuplicatedWord,
                        format!("“的的”重复:疑为排版或换行造成的重复字,原文为“{c}”"),
                        format!("“的的”: a doubled word, probably from a line break or typesetting: “{c}”"),
                    )
                    .no_fact(),
                );
            }
            _ => {}
        }
        for w in words::list("count_frames") {
            if ctx.starts(i, w) {
                count_frame(ctx, i, w.chars().count(), out);
            }
        }
    }
    split_digits(ctx, out);
}

fn lost_scope(ctx: &Ctx, i: usize, out: &mut Findings) {
    if WORD_BEFORE_QUAN.contains(&ctx.before(i)) {
        return;
    }
    let Some(w) = words::list("needs_scope")
        .iter()
        .find(|w| ctx.starts(i + 1, w))
    else {
        return;
    };
    let end = i + 1 + w.chars().count();
    let c = ctx.context(i, end, 6);
    out.push(
        Finding::new(
            i,
            end,
            Severity::Info,
            QualityCode::LostCharacter,
            format!("“全{w}”不成词:“全”后疑漏掉一个字(如“全镇”“全区”“全体”),原文为“{c}”"),
            format!(
                "“全{w}” is not a word: a character after 全 (such as 镇, 区 or 体) was probably lost: “{c}”"
            ),
        )
        .no_fact(),
    );
}

fn count_frame(ctx: &Ctx, i: usize, wlen: usize, out: &mut Findings) {
    let m = i + wlen;
    let mc = ctx.at(m);
    if !FRAME_MEASURES.contains(&mc)
        || words::list("measure_words_as_nouns")
            .iter()
            .any(|w| ctx.starts(m, w))
    {
        return;
    }
    let q = ctx.slice(i, m + 1);
    let frame = ctx.slice(i, m);
    let c = ctx.context(i, m + 1, 6);
    out.push(
        Finding::new(
            i,
            m + 1,
            Severity::Warning,
            QualityCode::MissingNumber,
            format!("“{q}”中“{frame}”与量词“{mc}”之间没有数字:数字疑已丢失(如“{frame}N{mc}”),原文为“{c}”"),
            format!(
                "“{q}” has no number between {frame} and the measure word {mc}: the number was probably lost: “{c}”"
            ),
        )
        .no_fact(),
    );
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Digits, or a number and its magnitude or percent sign, separated by spaces: one issue per
/// paragraph (or line outside the paragraphs), quoting the first such number.
fn split_digits(ctx: &Ctx, out: &mut Findings) {
    let n = ctx.chars.len();
    let mut pending: Option<(usize, usize, usize, Option<String>)> = None; // start, end, count, group
    let mut i = 0;
    while i < n {
        // skip to the next digit in one tight scan
        match ctx
            .chars
            .get(i..)
            .and_then(|rest| rest.iter().position(|&c| is_digit(c)))
        {
            Some(k) => i += k,
            None => break,
        }
        // a run: digit (space+ (digit|magnitude|%))+
        let s = i;
        let mut e = i + 1;
        let mut broken = false;
        loop {
            let mut j = e;
            while j < n && ctx.at(j) != '\n' && is_space(ctx.at(j)) && j - e < 4 {
                j += 1;
            }
            let c = ctx.at(j);
            if j > e && (is_digit(c) || matches!(c, '万' | '萬' | '亿' | '億' | '%' | '％' | '．'))
            {
                broken = true;
                e = j + 1;
            } else if j == e && (is_digit(c) || matches!(c, '.' | '．')) {
                e = j + 1;
            } else {
                break;
            }
        }
        // 2025-01-14 09:30: a date and a time of day, not a split number
        if broken && !matches!(ctx.at(e), ':' | '：') {
            let group = paragraph_at(ctx.structure, s).map(|p| p.paragraph_id.clone());
            let line_group = group
                .clone()
                .or_else(|| Some(format!("line:{}", line_of(ctx, s))));
            match &mut pending {
                Some((_, _, count, g)) if *g == line_group => *count += 1,
                _ => {
                    if let Some(p) = pending.take() {
                        push_split(ctx, p, out);
                    }
                    pending = Some((s, e, 1, line_group.clone()));
                }
            }
        }
        i = e.max(i + 1);
    }
    if let Some(p) = pending.take() {
        push_split(ctx, p, out);
    }
}

fn line_of(ctx: &Ctx, i: usize) -> usize {
    let mut s = i;
    while s > 0 && ctx.at(s - 1) != '\n' {
        s -= 1;
    }
    s
}

fn push_split(
    ctx: &Ctx,
    (s, e, count, _): (usize, usize, usize, Option<String>),
    out: &mut Findings,
) {
    let q = ctx.slice(s, e);
    let more = if count > 1 {
        (
            format!("(本段共{count}处)"),
            format!(" ({count} such numbers in this paragraph)"),
        )
    } else {
        (String::new(), String::new())
    };
    out.push(
        Finding::new(
            s,
            e,
            Severity::Info,
            QualityCode::DigitsSplitBySpace,
            format!("数字“{q}”被空格隔开{}:读数时可能被拆成几个数或与单位分离", more.0),
            format!(
                "The number “{q}” is split by spaces{}: it may be read as several numbers or apart from its unit",
                more.1
            ),
        )
        .no_fact(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_counting_frame_is_found() {
        for w in words::list("count_frames") {
            let text = format!("经济{w}项增长");
            let chars: Vec<char> = text.chars().collect();
            let found = run(&chars);
            assert!(
                found.iter().any(|f| f.code == QualityCode::MissingNumber),
                "{w}: add its first char to STARTS in detect()"
            );
        }
    }

    #[test]
    fn each_start_char_finds_its_issue() {
        for (text, code) in [
            ("推动全各项事业发展。", QualityCode::LostCharacter),
            ("提高个百分点。", QualityCode::MissingNumber),
            ("城市的的面貌。", QualityCode::DuplicatedWord),
        ] {
            let chars: Vec<char> = text.chars().collect();
            assert!(
                run(&chars).iter().any(|f| f.code == code),
                "{text}: no {code}"
            );
        }
    }

    fn run(chars: &[char]) -> Vec<Finding> {
        let text: String = chars.iter().collect();
        let structure = crate::structure::segment_chars(&text, chars, "t");
        let meta = gwr_model::ReportMeta::default();
        let ctx = Ctx {
            chars,
            structure: &structure,
            facts: &[],
            meta: &meta,
            tokens: &[],
        };
        let mut out = Findings::new(chars.len());
        detect(&ctx, &mut out);
        out.into_vec()
    }
}
