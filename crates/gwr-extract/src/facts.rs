//! Quantitative facts: every number of the body that measures something the report claims or
//! plans, with what it measures, whether it is achieved, planned or forecast, and its year.
//!
//! The numbers come from [`crate::numbers::scan_chars`] (tokens with a reject reason are
//! dropped). Each remaining token gets:
//!
//! - **measure**: `change` when a verb of growth or decline (增长, 增加, 提高, 上涨, 下降, 减少,
//!   降低, 回落, 削减…) stands right before the number (not followed by 到/至, which give a new
//!   level), for every multiple (增长1.2倍, 为1997年的2.9倍, 翻一番 → 1, 翻两番 → 3: the increase
//!   over the base); a number glued to the long noun it counts (降低900多万个体工商户税负) is
//!   no change; `share` for 六成/过半/三分之一 or a percentage after 占/比重/比例; `rate`
//!   for other percentages (满意率, 失业率, 完成预算的92%); otherwise `level`. Declines are
//!   negative.
//! - **subject**: copied from the text, the shortest phrase naming what is measured. All word
//!   lists are matched on a normalised copy of the text (traditional characters and full-width
//!   ASCII mapped one char for one char, so offsets stay those of the text). The phrase runs from
//!   the start of the clause (，；。：、 after a number …) or the end of the previous fact to the
//!   number; years, codes and names (2002年, 5G, “三农”) do not cut it. From its end are removed
//!   verbs and fillers (完成, 达到, 控制在, 增长, 提高到, 分别, 新增, 每人每月…), comparisons (比上年,
//!   同比, 较上年, 比“八五”时期), adverbials (扣除价格因素), trailing years (增加到2007年) and plan
//!   fulfilment (完成了原定计划的, 为年度预算的); a modal verb ends it (集团购买力要按…核减) unless
//!   only time words precede it (今年拟安排…); a share is cut at 占/超过 (占全球比重). From its
//!   start are removed years, time words and adverbs (全年, 过去五年, 其中, 由于, 连续三年,
//!   “十五”期间, 以各种形式…), scope (全国, 全省, 全市, 全县, 全区, 全镇, 本市…; not 全国人大,
//!   全国人民), demonstratives (这些农场的), participle clauses (施工的, 签约成交的) and verbs of
//!   action or creation (完成, 制定, 取消, 新增, 新建, 改造…) — but a glossary indicator keeps
//!   its verb when the rest is not one (新增就业, 接待游客, 经济增长; 新增高新技术企业 →
//!   高新技术企业), a short rate keeps it (调解成功率), an attribute keeps it (改造面积), and
//!   保障性 is no verb. Inside the phrase, the object of a verb is what is counted
//!   (12345热线受理群众诉求 → 群众诉求, 困难家庭发放救助金 → 救助金; 加装电梯 keeps its verb, it
//!   names the activity), a service channel or 全年 is a topic (…热线工单 → 工单), a clause
//!   ends before its predicate (粮食总产量实现了…), the base of a multiple is cut
//!   (等于1949年的), X的宏观调控目标 → X, and …工程建设 → …工程. A whole quoted name loses its
//!   quotes (“口袋公园” → 口袋公园). A list before a 等 keeps what follows it; a list before a quoted group name
//!   keeps the name (…光伏产品“新三样”出口). A phrase that names nothing (a verb alone, 平均每人,
//!   总数, a function character) is empty. Counts (and shares with nothing before them) take the
//!   noun phrase after the unit, up to a clause end, a number, 和/、 or a predicate verb
//!   (为近600户老年人…, 六成以上村庄完成… → 村庄; an age threshold after the count is skipped:
//!   1286名60岁以上老年人 → 老年人). An attribute after 、 (河道整治3条、长度4.6公里) is the
//!   item before. n numbers joined by 和/、 after a list of n
//!   items take the items in order (A、B分别增长x%、y%); after 分别 with nothing before them,
//!   the n level facts before them, or the list of the previous clause; a short first item with
//!   a longer last one (化肥、农药使用量, 中、高等…) is one shared phrase. Still empty: the
//!   subject of the previous fact of the sentence, of the next when it is a change, or of the
//!   previous clause (skipping adverbial clauses such as 从中央到地方). A line break inside a
//!   sentence (PDF wrapping: the line does not end with 。；：, is not a heading, and has clause
//!   punctuation or 25+ characters) does not end the phrase; a subject split by one is its
//!   intact part after the break (人大⏎代表建议 → 代表建议).
//! - **status**: `target` in the plan part and after 力争, 确保, 预期, 目标是/目标为, 拟 in the
//!   review (unless 完成 reports the result); `forecast` where 预计 heads the list — across ；
//!   to the end of the sentence — until a clause starts with a verb of achievement (完成, 实现,
//!   发放, 投入, 新增, 全年); `target` also for last year's target quoted (曾提出), 目标…定为,
//!   and a sentence that is a list of planned bounds (three or more 左右/以内/控制在, two or
//!   more ；, and no 完成/实现/达到/比上年); otherwise `actual`. A number in the plan part introduced by
//!   去年的/上年的/过去 is actual. The plan part starts at the first plan heading: a part of the
//!   structure or a heading line (二、2025年主要目标任务) whose title has a plan word (安排, 任务,
//!   目标, 要求, 打算, 今年…) or this year and no review word (回顾, 过去, 报告…); an unmarked line
//!   starting with this year, 今年 or 关于 (2025年工作安排, 今年工作的总体要求和主要目标,
//!   关于2025年工作); or the first sentence naming this year's 预期目标/主要目标.
//! - **period**: the nearest year written before the number in the same sentence (the end of a
//!   range such as 2019—2023年度; not a base year after 比/较/等于 nor the base of a multiple,
//!   1949年的4.2倍), else 去年/上年 → report year − 1,
//!   else the plan part, 今年 or a target → report year, else (review, including 预计 forecasts
//!   there, which are about the year reviewed) report year − 1. Multi-year totals (过去五年…,
//!   “十四五”期间) therefore get the last year of the span.
//! - **relates_to**: a change or share points at the level fact of the same sentence with the
//!   same subject, the previous one if any, else the next one.
//! - **indicator**: [`crate::glossary::Glossary::lookup`] on the subject.
//!
//! `fact_id` is `{report_id}/f{n:04}` in text order; `paragraph_id` and `section_id` come from
//! the [`Structure`] (empty / `None` when no paragraph contains the fact).

use std::sync::OnceLock;

use gwr_model::{Fact, Measure, Qualifier, ReportMeta, Status, Unit};

use crate::glossary::Glossary;
use crate::numbers::{self, NumberForm, NumberToken, Reject};
use crate::structure::Structure;

/// Finds every quantity stated in the body.
pub fn extract_facts(text: &str, structure: &Structure, meta: &ReportMeta) -> Vec<Fact> {
    let chars = crate::text::chars(text);
    let tokens = numbers::scan_chars(&chars);
    extract_facts_from(&chars, &tokens, structure, meta)
}

/// [`extract_facts`] on the text's chars and their number tokens ([`numbers::scan_chars`]),
/// when the caller has them already.
pub(crate) fn extract_facts_from(
    chars: &[char],
    tokens: &[NumberToken],
    structure: &Structure,
    meta: &ReportMeta,
) -> Vec<Fact> {
    let soft = soft_newlines(chars, structure);
    if soft.is_empty() {
        return facts_core(chars, tokens, structure, meta, None);
    }
    // Line breaks inside a sentence (PDF wrapping) split words (增⏎长) and numbers from their
    // units. The rules run on the text without them; positions are mapped back, so quotes and
    // subjects are still the original text between their offsets (line break included).
    let mut keep: Vec<usize> = Vec::with_capacity(chars.len() - soft.len());
    let mut next_soft = soft.iter().copied().peekable();
    for i in 0..chars.len() {
        if next_soft.peek() == Some(&i) {
            next_soft.next();
        } else {
            keep.push(i);
        }
    }
    let compact: Vec<char> = keep.iter().map(|&i| chars[i]).collect();
    let to_compact = |p: u64| -> u64 {
        let p = p as usize;
        (p - soft.partition_point(|&s| s < p)) as u64
    };
    // numbers next to a break are read again (１２６．３⏎亿元); elsewhere the tokens only move
    let near_break = |t: &NumberToken| {
        let k = soft.partition_point(|&s| s + 3 < t.start);
        soft.get(k).is_some_and(|&s| s <= t.end + 2)
    };
    let ctokens = if tokens.iter().any(near_break) {
        numbers::scan_chars(&compact)
    } else {
        tokens
            .iter()
            .map(|t| {
                let m = |p: usize| to_compact(p as u64) as usize;
                NumberToken {
                    start: m(t.start),
                    end: m(t.end),
                    num_start: m(t.num_start),
                    num_end: m(t.num_end),
                    unit_start: m(t.unit_start),
                    unit_end: m(t.unit_end),
                    ..t.clone()
                }
            })
            .collect()
    };
    let mut cstructure = Structure {
        body_start: to_compact(structure.body_start as u64) as usize,
        body_end: to_compact(structure.body_end as u64) as usize,
        sections: structure.sections.clone(),
        paragraphs: Vec::new(),
        diagnostics: Vec::new(),
    };
    for sec in &mut cstructure.sections {
        sec.start = to_compact(sec.start);
        sec.end = to_compact(sec.end);
        sec.content_end = to_compact(sec.content_end);
    }
    let back = Remap {
        keep: &keep,
        chars,
        structure,
    };
    facts_core(&compact, &ctokens, &cstructure, meta, Some(&back))
}

/// Positions of a text without its soft line breaks, mapped back to the original text.
struct Remap<'a> {
    /// Original position of each kept char.
    keep: &'a [usize],
    /// The original chars.
    chars: &'a [char],
    /// The original structure (paragraph and section ids).
    structure: &'a Structure,
}

impl Remap<'_> {
    /// The original span of compact span `a..b`.
    fn span(&self, (a, b): Span) -> Span {
        let at = |p: usize| self.keep.get(p).copied().unwrap_or(self.chars.len());
        if b > a {
            (at(a), at(b - 1) + 1)
        } else {
            (at(a), at(a))
        }
    }
}

/// The facts of `chars`; with `back`, `chars` is the text without its soft line breaks and
/// every position is mapped back to the original text.
fn facts_core(
    chars: &[char],
    tokens: &[NumberToken],
    structure: &Structure,
    meta: &ReportMeta,
    back: Option<&Remap>,
) -> Vec<Fact> {
    let n = chars.len();
    let (body_start, body_end) =
        if structure.body_end > structure.body_start && structure.body_end <= n {
            (structure.body_start, structure.body_end)
        } else {
            (0, n)
        };
    let norm: Vec<char> = chars.iter().map(|&c| norm_char(c)).collect();
    let years: Vec<(usize, usize, i32)> = tokens
        .iter()
        .filter(|t| t.reject == Some(Reject::Year))
        .map(|t| {
            (
                t.start,
                t.end,
                t.value_max.unwrap_or(t.value).round() as i32,
            )
        })
        .collect();
    let plan_start = find_plan_start(&norm, structure, meta.report_year, body_start, body_end);
    let glossary = Glossary::builtin();
    // phrases are delimited by facts and by numbers that lost their measure word, not by
    // years, codes or names (城镇居民人均可支配收入由2002年7703元, 5G用户普及率)
    let token_ends: Vec<usize> = tokens
        .iter()
        .filter(|t| t.is_fact() || t.reject == Some(Reject::MissingUnit))
        .map(|t| t.end)
        .collect();
    let ctx = Ctx {
        token_ends: &token_ends,
        norm: &norm,
        report_year: meta.report_year,
        plan_start,
        years: &years,
        glossary,
    };

    let mut drafts: Vec<Draft> = Vec::new();
    for tok in tokens.iter().filter(|t| {
        t.is_fact() && t.start >= body_start && t.end <= body_end && t.value.is_finite()
    }) {
        // end of the previous delimiting token
        let idx = token_ends.partition_point(|&e| e <= tok.start);
        let prev_end = idx.checked_sub(1).and_then(|i| token_ends.get(i).copied());
        drafts.push(ctx.draft(tok, prev_end));
    }
    inherit_measures(&mut drafts);
    distribute_fenbie(&ctx, &mut drafts);
    inherit_subjects(&ctx, &mut drafts);
    let relates = relate(&norm, &drafts);

    let mut out = Vec::with_capacity(drafts.len());
    for (k, d) in drafts.iter().enumerate() {
        let tok = d.tok;
        let mut value = tok.value;
        let mut value_max = tok.value_max;
        if d.negative {
            value = -value;
            value_max = value_max.map(|m| -m);
            if let Some(m) = value_max {
                if m < value {
                    value_max = Some(value);
                    value = m;
                }
            }
        }
        let orig = |span: Span| back.map_or(span, |m| m.span(span));
        let (start, end) = orig((tok.start, tok.end));
        let (orig_chars, orig_structure) =
            back.map_or((chars, structure), |m| (m.chars, m.structure));
        let (paragraph_id, section_id) = locate(orig_structure, start);
        // a subject never holds a line break: the part after the last one (the indicator is
        // still looked up on the whole phrase)
        let subject = string(orig_chars, after_line_break(orig_chars, orig(d.subject)));
        let indicator = glossary
            .code_for(&string(&norm, d.subject))
            .map(str::to_string);
        let qualifier = if tok.qualifier == Qualifier::Exact && d.loose_bound.is_some() {
            d.loose_bound.unwrap_or(Qualifier::Exact)
        } else {
            tok.qualifier
        };
        out.push(Fact {
            fact_id: format!("{}/f{:04}", meta.report_id, k + 1),
            report_id: meta.report_id.clone(),
            section_id,
            paragraph_id,
            subject,
            indicator,
            value: clean(value),
            unit: tok.unit.unwrap_or(Unit::Count),
            value_max: value_max.map(clean),
            value_raw: tok.value_raw.clone(),
            unit_raw: Some(tok.unit_raw.clone()).filter(|u| !u.is_empty()),
            measure: d.measure,
            status: d.status,
            period: d.period,
            qualifier,
            relates_to: relates[k].map(|j| format!("{}/f{:04}", meta.report_id, j + 1)),
            start: start as u64,
            end: end as u64,
            quote: string(orig_chars, (start, end)),
        });
    }
    out
}

/// The part of `a..b` after its last line break (`\n` or `\r`), unless nothing follows it.
fn after_line_break(t: &[char], (a, b): Span) -> Span {
    let b = b.min(t.len());
    match (a..b).rev().find(|&i| matches!(t[i], '\n' | '\r')) {
        Some(i) if trim(t, i + 1, b).1 > trim(t, i + 1, b).0 => trim(t, i + 1, b),
        Some(i) => trim(t, a, i),
        None => (a, b),
    }
}

/// Rounds away float noise (0.1 + 0.2) while keeping every printed digit.
fn clean(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return if v.is_finite() { v } else { 0.0 };
    }
    let mag = v.abs().log10().floor() as i32;
    let digits = (12 - mag).clamp(0, 12);
    let f = 10f64.powi(digits);
    let r = (v * f).round() / f;
    if r.is_finite() {
        r
    } else {
        v
    }
}

fn locate(structure: &Structure, pos: usize) -> (String, Option<String>) {
    let ps = &structure.paragraphs;
    let idx = ps.partition_point(|p| p.start as usize <= pos);
    if idx > 0 {
        if let Some(p) = ps.get(idx - 1) {
            if (p.end as usize) > pos {
                return (p.paragraph_id.clone(), p.section_id.clone());
            }
        }
    }
    // no paragraph: innermost section whose content covers the position
    let sec = structure
        .sections
        .iter()
        .filter(|s| (s.start as usize) <= pos && pos < s.content_end as usize)
        .max_by_key(|s| s.level)
        .map(|s| s.section_id.clone());
    (String::new(), sec)
}

struct Ctx<'a> {
    /// End offsets of the tokens that delimit phrases (facts, and numbers that lost their
    /// measure word), sorted.
    token_ends: &'a [usize],
    /// The text with traditional characters and full-width ASCII mapped to their simplified /
    /// ASCII forms, one char for one char (every word list is matched here).
    norm: &'a [char],
    report_year: Option<i32>,
    plan_start: usize,
    years: &'a [(usize, usize, i32)],
    glossary: &'a Glossary,
}

/// A half-open code-point range of the text; empty when `a == b`.
type Span = (usize, usize);

#[derive(Debug, Clone)]
struct Draft<'a> {
    tok: &'a NumberToken,
    measure: Measure,
    negative: bool,
    /// The measure was set by a verb before the number (not inherited).
    measure_from_verb: bool,
    subject: Span,
    /// The subject was not found next to the number.
    subject_empty: bool,
    /// Only a connective (和, 与, 、) stands between the previous fact and this one.
    joined_to_prev: bool,
    /// 分别 stands before the number.
    fenbie: bool,
    status: Status,
    period: Option<i32>,
    group_start: usize,
    clause_start: usize,
    /// A bound qualifier found a few characters before the number (超过全球一半).
    loose_bound: Option<Qualifier>,
}

const SPACE: &[char] = &[' ', '\u{3000}', '\t', '\r', '\n', '\u{a0}'];

fn is_space_char(c: char) -> bool {
    SPACE.contains(&c)
}

// ---------------------------------------------------------------------------------------------
// Matching words against char ranges (all on the normalised text)

/// Whether `t[a..b]` starts with `w`.
fn sw(t: &[char], a: usize, b: usize, w: &str) -> bool {
    (a..)
        .zip(w.chars())
        .all(|(i, c)| i < b && t.get(i) == Some(&c))
}

/// Whether `t[a..b]` ends with `w` (`w.chars().count()` is `wl`).
fn ew(t: &[char], a: usize, b: usize, w: &str, wl: usize) -> bool {
    b >= a + wl && sw(t, b - wl, b, w)
}

fn clen(w: &str) -> usize {
    w.chars().count()
}

/// Whether `t[a..b]` equals `w`.
fn eq(t: &[char], a: usize, b: usize, w: &str) -> bool {
    sw_len(t, a, b, w) == Some(b.saturating_sub(a))
}

/// First position in `a..b` where `w` starts (and fits).
fn find(t: &[char], a: usize, b: usize, w: &str) -> Option<usize> {
    let first = w.chars().next()?;
    (a..b).find(|&i| t.get(i) == Some(&first) && sw(t, i, b, w))
}

/// Last position in `a..b` where `w` starts (and fits).
fn rfind(t: &[char], a: usize, b: usize, w: &str) -> Option<usize> {
    let first = w.chars().next()?;
    (a..b)
        .rev()
        .find(|&i| t.get(i) == Some(&first) && sw(t, i, b, w))
}

fn contains(t: &[char], a: usize, b: usize, w: &str) -> bool {
    find(t, a, b, w).is_some()
}

/// If `t[a..b]` ends with `w`: its length in chars.
fn ew_len(t: &[char], a: usize, b: usize, w: &str) -> Option<usize> {
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
fn sw_len(t: &[char], a: usize, b: usize, w: &str) -> Option<usize> {
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
fn longest_suffix(t: &[char], a: usize, b: usize, list: &[&str]) -> Option<usize> {
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
fn longest_prefix(t: &[char], a: usize, b: usize, list: &[&str]) -> Option<usize> {
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
fn bytes_start_with(w: &[u8], p: &[u8]) -> bool {
    let n = p.len();
    n > 0 && w.len() >= n && w[n - 1] == p[n - 1] && w[..n - 1] == p[..n - 1]
}

/// `w.ends_with(p)` for the 1–4 bytes of one char, like [`bytes_start_with`].
#[inline]
fn bytes_end_with(w: &[u8], p: &[u8]) -> bool {
    let (n, m) = (p.len(), w.len());
    n > 0 && m >= n && w[m - 1] == p[n - 1] && w[m - n..m - 1] == p[..n - 1]
}

fn trim(t: &[char], mut a: usize, mut b: usize) -> Span {
    while a < b && t.get(a).is_some_and(|&c| is_space_char(c)) {
        a += 1;
    }
    while b > a && t.get(b - 1).is_some_and(|&c| is_space_char(c)) {
        b -= 1;
    }
    (a, b)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn string(t: &[char], (a, b): Span) -> String {
    t.get(a..b.min(t.len()))
        .map(crate::text::string)
        .unwrap_or_default()
}

fn is_group_end_char(c: char) -> bool {
    matches!(c, '。' | ';' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

fn is_clause_end_char(c: char) -> bool {
    is_group_end_char(c) || matches!(c, ',' | ':' | '、' | '(' | ')' | '—')
}

const INCREASE: &[&str] = &[
    "增长幅度",
    "上涨幅度",
    "增长",
    "增加",
    "提高",
    "提升",
    "上升",
    "上涨",
    "扩大",
    "增幅",
    "涨幅",
    "增速",
    "多支出",
    "递增",
    "增产",
    "增收",
    "多收",
    "超收",
    "加快",
    "增",
    "升",
];
const DECREASE: &[&str] = &[
    "下降幅度",
    "下降",
    "减少",
    "降低",
    "回落",
    "下滑",
    "下跌",
    "缩小",
    "削减",
    "核减",
    "少支出",
    "压减",
    "缩减",
    "降幅",
    "减产",
    "递减",
    "减",
    "降",
    "压缩",
    "节约",
    "节省",
    "少收",
];

/// Words stripped from the end of the phrase before a number (longest match first).
const TRAIL: &[&str] = &[
    // adverbs and frames of reference before a number (产值首次突破, 同口径增长, 按美元计价为)
    "首次",
    "首度",
    "再次",
    "一举",
    "较",
    "同口径",
    "按美元计价为",
    "按美元计价",
    "按美元计算",
    "以美元计价",
    "以美元计",
    "按美元计",
    "折合",
    "回落到",
    "回落至",
    "下降至",
    "降低至",
    "减少至",
    "缩小到",
    "缩小至",
    "扩大至",
    "增加至",
    "上升至",
    "新增",
    "净增",
    "全部",
    "每人每月",
    "每人每年",
    "每月",
    "再",
    "不少于",
    "到",
    "至",
    "覆盖",
    "分别为",
    "分别是",
    "分别达到",
    "分别达",
    "分别",
    "达到了",
    "达到",
    "达",
    "为",
    "是",
    "完成了",
    "完成",
    "实现了",
    "实现",
    "共计",
    "合计",
    "总计",
    "累计",
    "共",
    "均",
    "都",
    "都要",
    "已",
    "了",
    "约为",
    "控制在",
    "保持在",
    "稳定在",
    "维持在",
    "突破",
    "超过",
    "超出",
    "只差",
    "相当于",
    "平均",
    "年均",
    "平均每年",
    "每年",
    "预计",
    "可以有",
    "可以",
    "受益",
    "已经",
    "只",
    "仅",
    "定为",
    "可",
    "将",
    "要",
    "拟按",
    "拟",
    "按",
    "有",
    "就",
    "实际",
    "人民币",
    "五年",
    "五年累计",
    "增加到",
    "增长到",
    "提高到",
    "提升到",
    "上升到",
    "扩大到",
    "下降到",
    "降低到",
    "减少到",
    "降到",
    "降至",
    "增至",
    "减至",
    "升至",
    "提高至",
    "提升至",
    "达至",
    "预期目标为",
    "预期目标是",
    "预期",
    "目标为",
    "目标是",
    "约",
    "近",
    "计",
    "低于",
    "不超过",
    "不低于",
    "高于",
    "以上",
    "以内",
    "同比",
    "年度",
    "全年",
    "保持",
];

/// Time words, connectives, adverbs and modal words stripped from the start of the phrase.
const LEAD: &[&str] = &[
    "基本",
    "过去五年",
    "过去一年",
    "五年来",
    "一年来",
    "五年累计",
    "全年",
    "今年的",
    "去年的",
    "上年的",
    "今年",
    "去年",
    "当年",
    "年内",
    "年初",
    "年底",
    "年末",
    "国家级",
    "其中",
    "同时",
    "此外",
    "另外",
    "累计",
    "共计",
    "共",
    "总计",
    "合计",
    "拟",
    "预计",
    "力争",
    "确保",
    "目标是",
    "目标为",
    "预期目标是",
    "预期",
    "要",
    "将",
    "使",
    "把",
    "让",
    "给",
    "为",
    "向",
    "对",
    "已经",
    "已",
    "并",
    "还",
    "又",
    "再",
    "先",
    "都",
    "则",
    "而",
    "且",
    "即",
    "从而",
    "加上",
    "我国",
    "我省",
    "我镇",
    "我区",
    "我市",
    "我县",
    "每年",
    "平均每年",
    "一律",
    "五年",
    "五年间",
    "期间",
    "进一步",
    "深入",
    "持续",
    "全面",
    "大力",
    "积极",
    "稳步",
    "着力",
    "扎实",
    "不断",
    "有序",
    "有效",
    "切实",
    "认真",
    "继续",
    "努力",
    "重点",
    "高质量",
    "成功",
    "顺利",
    "率先",
    "全部",
    "全力",
    "加快",
    "加大",
    "加强",
    "新",
    "一共",
    "由于",
    "年均",
    "施工的",
    "在建的",
    "竣工的",
    "投产的",
    "开工的",
    "建成的",
];

/// Verbs of action stripped from the start of the phrase (完成老旧小区改造, 新建5G基站), unless
/// the phrase with the verb is an indicator of the glossary and the rest is not (新增就业,
/// 接待游客).
const VERBS: &[&str] = &[
    "改扩建",
    "新改扩建",
    "新装",
    "新修",
    "关停",
    "统筹安排",
    "新筹集",
    "新开办",
    "开办",
    "改造",
    "改造提升",
    "使用",
    "完成",
    "实现",
    "建成",
    "扩建",
    "提升",
    "打造",
    "创建",
    "培育",
    "新培育",
    "引进",
    "新引进",
    "招引",
    "签约",
    "新签约",
    "批准",
    "取消",
    "下放",
    "制定",
    "修订",
    "出台",
    "发放",
    "投入",
    "拨付",
    "争取",
    "筹集",
    "开展",
    "组织开展",
    "组织",
    "举办",
    "承办",
    "办理",
    "受理",
    "办结",
    "调处",
    "化解",
    "整治",
    "治理",
    "处置",
    "查处",
    "清理",
    "清退",
    "拆除",
    "安装",
    "铺设",
    "种植",
    "培训",
    "帮助",
    "资助",
    "救助",
    "走访",
    "慰问",
    "接待",
    "惠及",
    "带动",
    "吸引",
    "促进",
    "支持",
    "解决",
    "提供",
    "收集",
    "开具",
    "设置",
    "涉及",
    "覆盖",
    "处理",
    "调解",
    "推进",
    "着力推进",
    "推动",
    "实施",
    "落实",
    "新设",
    "设立",
    "新开设",
    "开设",
    "增设",
    "认定",
    "新认定",
    "获评",
    "获批",
    "入选",
    "提请",
    "发布",
    "发行",
    "增发",
    "先发行",
    "用于",
    "安排",
    "拟安排",
    "新发展",
    "发展",
    "举行",
    "新开通",
    "开通",
    "建立",
    "新建成",
    "改善",
    "保障",
    "回收",
    "收购",
    "征收",
    "征迁",
    "签订",
    "达成",
    "成交",
    "挂牌",
    "上市",
    "新登记",
    "登记",
    "注册",
    "新注册",
    "引导",
    "储备",
    "收储",
    "出让",
    "供应",
    "盘活",
    "流转",
    "深入参与",
    "吸纳",
    "安置",
    "新招",
];

/// [`VERB_ONLY`], [`VERBS`] and [`NEW_VERBS`] as a set of char strings: phrases that name no
/// thing on their own.
fn bare_verbs() -> &'static crate::text::FastSet<Vec<char>> {
    static SET: OnceLock<crate::text::FastSet<Vec<char>>> = OnceLock::new();
    SET.get_or_init(|| {
        VERB_ONLY
            .iter()
            .chain(VERBS)
            .chain(NEW_VERBS)
            .map(|w| w.chars().collect())
            .collect()
    })
}

/// Verbs of creation, stripped like the other verbs (新增高新技术企业 → 高新技术企业, 新建5G基站
/// → 5G基站) unless the phrase with the verb is a glossary indicator and the rest is not
/// (新增就业, 新增注册企业).
const NEW_VERBS: &[&str] = &[
    "新增",
    "新建",
    "新改建",
    "新建改建",
    "改建",
    "新开工",
    "新登记",
    "新注册",
    "新设",
];

/// Modifiers that come in parallel pairs before a shared head (城镇、农村居民…).
const PAIRED_SCOPES: &[&str] = &["城镇", "农村", "城市", "乡村", "城乡", "城区", "郊区"];

/// Attribute nouns that name what is measured only together with the thing before them
/// (改造面积, 河道整治3条、长度4.6公里): a verb before them stays, and alone they are no subject.
const ATTRIBUTES: &[&str] = &[
    "面积",
    "长度",
    "金额",
    "实际金额",
    "总金额",
    "总面积",
    "数量",
    "里程",
];

/// Phrases that are only a verb or a per-head qualifier: no subject (新增45台, 全国平均每人).
const VERB_ONLY: &[&str] = &[
    "合",
    "约合",
    "保持增长",
    "总数",
    "总量",
    "规模",
    "总长",
    "总规模",
    "新增",
    "完工",
    "在建",
    "新建",
    "建成",
    "开工",
    "竣工",
    "增加",
    "减少",
    "完成",
    "实现",
    "达到",
    "累计",
    "其中",
    "共有",
    "分别",
    "新开工",
    "改造",
    "建设",
    "投入",
    "发放",
    "平均每人",
    "人均",
    "每人",
    "平均",
    "总计",
    "合计",
    "共计",
    "全部建成的",
    "建成的",
    "完成的",
    "开工的",
    "全年",
];

/// Words after a count that end the counted noun (近百家租户清退腾地 → 租户).
const POST_STOP: &[&str] = &[
    "建设", "工作", "提供", "宣传", "办复", "成效", "顺利", "正在", "的", "支持", "用于", "实现",
    "进行", "开展", "完成", "得到", "获得", "清退", "腾退", "享受", "纳入", "通过", "达到", "饮水",
    "脱贫", "入住", "搬迁", "落户", "签约", "落地", "开工", "竣工", "投产", "实施", "已", "实行",
    "接受", "获评", "评为", "列入", "成为", "达标", "提前", "、", "建成", "发放", "全部", "受益",
    "平均",
];

/// Verbs inside a phrase whose object is what is counted (12345热线受理群众诉求 → 群众诉求,
/// 社区食堂累计提供助餐服务 → 助餐服务); a glossary name with the verb keeps it (城镇新增就业).
const MID_VERBS: &[&str] = &[
    "受理",
    "提供",
    "发放",
    "解决",
    "获得",
    "组建",
    "办理",
    "化解",
    "举办",
    "帮助",
    "资助",
    "救助",
    "惠及",
    "吸纳",
    "安置",
    "新增",
    "新引进",
    "新培育",
    "招引",
    "兑现",
];

/// Verbs that are part of the name of the activity counted (加装电梯): the subject starts
/// at the verb.
const NAMING_VERBS: &[&str] = &["加装"];

/// Administrative scope words before an indicator (全市地区生产总值 → 地区生产总值).
const SCOPE: &[&str] = &[
    "全国",
    "全省",
    "全市",
    "全县",
    "全区",
    "全镇",
    "全乡",
    "全州",
    "全旗",
    "全盟",
    "全街道",
    "全街",
    "本市",
    "本县",
    "本区",
    "本镇",
    "本街道",
    "全域",
];

impl<'a> Ctx<'a> {
    fn at(&self, i: usize) -> char {
        self.norm.get(i).copied().unwrap_or('\0')
    }

    // (soft line breaks were taken out of the text before the rules run: every line break
    // left ends a group and a clause)
    fn is_group_end(&self, i: usize) -> bool {
        is_group_end_char(self.at(i))
    }

    fn is_clause_end(&self, i: usize) -> bool {
        let c = self.at(i);
        if c == '、' {
            // 、 ends a clause only after a number (149家、专精特新企业18家), not inside a
            // list of nouns (化学需氧量、氨氮排放)
            return self.token_ends.binary_search(&i).is_ok();
        }
        is_clause_end_char(c)
    }

    fn group_start(&self, pos: usize) -> usize {
        let mut k = pos;
        while k > 0 && !self.is_group_end(k - 1) && pos - k <= 400 {
            k -= 1;
        }
        k
    }

    fn clause_start(&self, pos: usize) -> usize {
        let mut k = pos;
        while k > 0 && !self.is_clause_end(k - 1) && pos - k <= 200 {
            k -= 1;
        }
        k
    }

    fn clause_end(&self, pos: usize) -> usize {
        let mut k = pos;
        while k < self.norm.len() && !self.is_clause_end(k) && k - pos <= 200 {
            k += 1;
        }
        k
    }

    /// Whether stripping a change word from the end of the glossary name `norm[a..b]` leaves
    /// another glossary name (居民消费价格涨幅 → 居民消费价格, but not 经济增长 → 经济).
    fn is_var_suffix_strip(&self, a: usize, b: usize) -> bool {
        let t = self.norm;
        DECREASE
            .iter()
            .chain(INCREASE.iter())
            .filter_map(|v| ew_len(t, a, b, v).filter(|&l| l > 1))
            .any(|l| self.is_var((a, b - l)))
    }

    /// Whether `norm[a..b]` is exactly a name of the glossary.
    fn is_var(&self, (a, b): Span) -> bool {
        b > a + 1
            && b - a <= 24
            && self
                .norm
                .get(a..b)
                .is_some_and(|n| self.glossary.is_name_chars(n))
    }

    fn draft(&self, tok: &'a NumberToken, prev_end: Option<usize>) -> Draft<'a> {
        let t = self.norm;
        let group_start = self.group_start(tok.start);
        let clause_start = self.clause_start(tok.start);
        let from = match prev_end {
            Some(e) if e > clause_start && e <= tok.start => e,
            _ => clause_start,
        };
        let (pa, pb) = trim(t, from, tok.start);
        let joined_to_prev = match prev_end {
            Some(e) if e >= group_start && e <= tok.start => {
                let (ja, jb) = trim(t, e, tok.start);
                jb == ja
                    || (jb == ja + 1 && matches!(self.at(ja), '和' | '与' | '及' | '或' | '、'))
            }
            _ => false,
        };
        let fenbie = contains(t, pa, pb, "分别");

        // --- measure and sign
        let (mut change, mut negative) = change_verb(t, pa, pb);
        let unit = tok.unit.unwrap_or(Unit::Count);
        // 降低900多万个体工商户税负: a number glued to the noun it counts is the size of that
        // noun, not the amount of the change (the verb governs the noun's object)
        let next = self.at(tok.end);
        if change
            && unit == Unit::Count
            && {
                let (x, y) = self.post_subject(tok.end, false);
                y >= x + 3
            }
            && tok
                .unit_raw
                .chars()
                .all(|c| matches!(c, '万' | '亿' | '萬' | '億' | '千' | '百'))
            && ('\u{4e00}'..='\u{9fff}').contains(&next)
        {
            change = false;
            negative = false;
        }
        let mut measure = Measure::Level;
        let mut measure_from_verb = false;
        let has_zhan = share_word_at(t, pa, pb).is_some();
        // a multiple is always relative to a base (增长1.2倍, 为1997年的2.9倍), and percentage
        // points are a difference of two rates (高于城镇居民1.8个百分点): a change
        if change
            || tok.form == NumberForm::Doubling
            || unit == Unit::Multiple
            || (unit == Unit::PercentagePoint && !has_zhan)
        {
            measure = Measure::Change;
            measure_from_verb = true;
        } else if matches!(
            tok.form,
            NumberForm::Tenths | NumberForm::Half | NumberForm::Fraction
        ) || (has_zhan && unit == Unit::Percent)
        {
            measure = Measure::Share;
        } else if unit == Unit::Percent {
            measure = Measure::Rate;
        }

        // --- subject
        let (mut subject, share_cut) = if joined_to_prev {
            ((pa, pa), false)
        } else {
            self.subject_span(pa, pb)
        };
        if self.not_a_subject(subject) {
            subject = (subject.0, subject.0);
        }
        // 河道整治3条、长度4.6公里: an attribute after 、 belongs to the item before
        if pa > 0
            && self.at(pa - 1) == '、'
            && ATTRIBUTES.iter().any(|w| eq(t, subject.0, subject.1, w))
        {
            subject = (subject.0, subject.0);
        }
        if measure == Measure::Rate
            && (share_cut
                || ["比重", "比例", "份额", "占比"]
                    .iter()
                    .any(|w| contains(t, pa, pb, w)))
        {
            measure = Measure::Share;
        }
        if measure == Measure::Rate && ew(t, subject.0, subject.1, "贡献率", 3) {
            measure = Measure::Share;
        }
        let mut subject_empty = subject.1 <= subject.0;
        // counts: the noun after the measure word is what is counted (为近600户老年人…,
        // 13家企业跻身50强); an empty or dangling (…的, …等) phrase also looks after the unit
        let counted = matches!(unit, Unit::Count | Unit::PersonTime);
        let dangling = if subject_empty {
            pb > pa && matches!(self.at(pb - 1), '的' | '等')
        } else {
            matches!(self.at(subject.1 - 1), '的' | '等')
        };
        let post_ok = (measure == Measure::Level && (subject_empty || counted || dangling))
            || (measure == Measure::Share && subject_empty);
        if post_ok && !change && !joined_to_prev {
            let frequency = tok.unit_raw.ends_with('次') && unit == Unit::Count;
            // 上千万家庭: the 家 read as a measure word begins the noun
            let from = if tok.unit_raw.ends_with('家')
                && matches!(self.at(tok.end), '庭' | '属' | '长' | '电' | '门')
            {
                tok.end - 1
            } else {
                tok.end
            };
            let post = self.post_subject(from, frequency);
            if post.1 > post.0 {
                subject = post;
                subject_empty = false;
            }
        }
        // the glossary knows what kind of number its indicators are (经济增长…5%左右 is a change)
        let by_word =
            has_zhan || share_cut || !matches!(tok.form, NumberForm::Arabic | NumberForm::Chinese);
        if !subject_empty && matches!(measure, Measure::Rate | Measure::Share) && !by_word {
            if let Some(e) = self.glossary.lookup(&string(t, subject)) {
                match e.measure.as_str() {
                    "change" if measure == Measure::Rate => measure = Measure::Change,
                    "share" => measure = Measure::Share,
                    "rate" => measure = Measure::Rate,
                    _ => {}
                }
            }
        }

        // --- status and period
        let status = self.status(tok, group_start, clause_start);
        let period = self.period(tok, group_start, status);

        // 超过全球一半: a bound word a few characters before a share
        let mut loose_bound = None;
        if tok.qualifier == Qualifier::Exact
            && matches!(
                tok.form,
                NumberForm::Half | NumberForm::Tenths | NumberForm::Fraction
            )
        {
            let wa = tok.start.saturating_sub(6).max(clause_start);
            if contains(t, wa, tok.start, "超") || contains(t, wa, tok.start, "逾") {
                loose_bound = Some(Qualifier::LowerBound);
            }
        }

        Draft {
            tok,
            measure,
            negative,
            measure_from_verb,
            subject,
            subject_empty,
            joined_to_prev,
            fenbie,
            status,
            period,
            group_start,
            clause_start,
            loose_bound,
        }
    }

    /// A phrase that names nothing: a verb alone, a per-head qualifier, a function character.
    fn not_a_subject(&self, (a, b): Span) -> bool {
        if b <= a {
            return true;
        }
        if self
            .norm
            .get(a..b)
            .is_some_and(|p| bare_verbs().contains(p))
        {
            return true;
        }
        // a streak (连续5年) names no thing
        if sw(self.norm, a, b, "连续") && self.at(b - 1) == '年' && b <= a + 6 {
            return true;
        }
        // one character names a thing only when it is a noun (煤, 钢, 油, 电)
        b - a == 1
            && "了的和等有为是在达共中及与或并已都均将要可超近约逾再还又也就才仅新增减降升占比其该这各每即则而且到从由"
                .contains(self.at(a))
    }

    /// Cleans the phrase `norm[a..b]` before a number into the subject; also says whether it
    /// was cut at 占.
    fn subject_span(&self, a: usize, b: usize) -> (Span, bool) {
        let t = self.norm;
        let (mut a, mut b) = trim_marks(t, a, b);
        // after the last 等 of a list (…等各类文化活动), not the 等 of 中等/高等/同等
        if let Some(i) = (a..b).rev().find(|&i| t[i] == '等') {
            let prev = if i > a { t[i - 1] } else { '\0' };
            let next = t.get(i + 1).copied().unwrap_or('\0');
            if i + 1 < b
                && !"中高初同平均对相上下优次头二三一特超".contains(prev)
                && !matches!(next, '于' | '级' | '同' | '次')
            {
                a = i + 1;
            }
        }
        // apposition: a list of items, then the quoted name of the group (电动汽车、锂电池、
        // 光伏产品“新三样”出口 → “新三样”出口)
        if let Some(q) = (a..b).find(|&i| t[i] == '“') {
            if q > a && (a..q).any(|i| t[i] == '、') {
                a = q;
            }
        }
        // a modal verb ends the subject (集团购买力要按上年实际数额核减), unless only time words
        // stand before it (今年拟安排财政赤字)
        if let Some(i) = modal_at(t, a, b) {
            let mut x = a;
            while let Some(l) = longest_prefix(t, x, i, LEAD) {
                x += l;
            }
            x = strip_year_prefix(t, x, i);
            if x < i {
                b = i;
            } else {
                a = i + if matches!(t[i], '力' | '确') { 2 } else { 1 };
            }
        }
        // change verbs, comparisons and fillers at the end
        loop {
            (a, b) = trim(t, a, b);
            if self.is_var((a, b)) && !self.is_var_suffix_strip(a, b) {
                break;
            }
            if let Some(l) = longest_suffix(t, a, b, TRAIL) {
                // 约 of 签约, 节约, 制约 ends a word, not an approximation
                let word_yue = l == 1
                    && t[b - 1] == '约'
                    && b >= a + 2
                    && "签合预节制公条婚违履契集".contains(t[b - 2]);
                if !word_yue {
                    b -= l;
                    continue;
                }
            }
            // 增长速度在百分之十一以上 (not 现在, 所在, 存在)
            if b >= a + 3 && t[b - 1] == '在' && !"现所存正实好".contains(t[b - 2]) {
                b -= 1;
                continue;
            }
            let verb = DECREASE
                .iter()
                .chain(INCREASE.iter())
                .filter_map(|v| ew_len(t, a, b, v).filter(|&l| l > 1))
                .max();
            if let Some(l) = verb {
                b -= l;
                continue;
            }
            if let Some(nb) = cut_base_year(t, a, b)
                .or_else(|| cut_trailing_time(t, a, b))
                .or_else(|| cut_comparison(t, a, b))
                .or_else(|| cut_from(t, a, b))
                .or_else(|| cut_fulfilment(t, a, b))
            {
                b = nb;
                continue;
            }
            break;
        }
        // 计划内签约成交的技术引进项目 → 技术引进项目: a participle clause before 的
        if let Some(i) = (a + 2..b.saturating_sub(3)).rev().find(|&i| t[i] == '的') {
            let participle = [
                "成交", "施工", "在建", "开工", "竣工", "投产", "建成", "完工", "签约", "落地",
            ]
            .iter()
            .any(|w| ew(t, a, i, w, 2));
            if participle && !self.is_var((a, b)) {
                a = i + 1;
            }
        }
        // 两位数增长全社会固定资产投资 (damaged): a glossary name after a change verb
        if !self.is_var((a, b)) {
            for v in ["增长", "下降", "增加", "减少"] {
                if let Some(i) = rfind(t, a, b, v) {
                    if b >= i + 2 + 4 && self.is_var((i + 2, b)) {
                        a = i + 2;
                        break;
                    }
                }
            }
        }
        // 粮食总产量实现了历史罕见的“八连增” (a clause without its number): the subject
        // ends before its predicate
        for w in ["实现了", "取得了", "保持了", "创造了", "创下"] {
            if let Some(i) = find(t, a, b, w) {
                if i >= a + 2 && b > i + clen(w) {
                    b = i;
                }
            }
        }
        // 保障性安居工程建设 → 保障性安居工程 (the works, not the building of them)
        if ew(t, a, b, "建设", 2) && b >= a + 6 {
            let r = b - 2;
            if ew(t, a, r, "工程", 2) || ew(t, a, r, "项目", 2) {
                b = r;
            }
        }
        // 经济增长速度的宏观调控目标 → 经济增长速度 (the target of an indicator)
        if ew(t, a, b, "目标", 2) {
            if let Some(i) = (a..b - 2).rev().find(|&i| t[i] == '的') {
                if i >= a + 2 && b <= i + 10 {
                    b = i;
                }
            }
        }
        // share: 占全球比重 / 占比 / 占…的 (not 占有); 超过全球一半
        let mut share_cut = false;
        for w in ["超过", "接近", "达到"] {
            if let Some(i) = rfind(t, a, b, w) {
                if i > a && b <= i + 2 + 6 && b > i + 2 {
                    b = i;
                }
            }
        }
        if let Some(i) = share_word_at(t, a, b) {
            b = i.max(a);
            share_cut = true;
        }
        // a service channel or a time word inside the phrase is the topic, not the thing
        // measured (12345市民服务热线工单 → 工单, 受理服务中心全年办件 → 办件)
        if !self.is_var((a, b)) {
            for w in ["热线", "全年"] {
                if let Some(i) = rfind(t, a, b, w) {
                    if i > a && b >= i + 2 + 2 && !self.not_a_subject((i + 2, b)) {
                        a = i + 2;
                    }
                }
            }
        }
        // the object of a verb inside the phrase (…热线受理群众诉求 → 群众诉求)
        if !self.is_var((a, b)) {
            if let Some(na) = self.mid_object(a, b) {
                a = na;
            }
        }
        // leading time words, scope, adverbs and verbs
        loop {
            (a, b) = trim(t, a, b);
            let na = strip_year_prefix(t, a, b);
            if na != a {
                a = na;
                continue;
            }
            if let Some(l) = longest_prefix(t, a, b, SCOPE).filter(|&l| {
                !["人大", "人民", "政协", "总工会", "妇联", "工商联", "范围"]
                    .iter()
                    .any(|w| sw(t, a + l, b, w))
            }) {
                let mut r = a + l;
                if self.at(r) == '的' {
                    r += 1;
                }
                if b >= r + 4 || (b > r + 1 && self.is_var((r, b))) {
                    a = r;
                    continue;
                }
            }
            if let Some(l) = longest_prefix(t, a, b, LEAD) {
                // a single-character word only before a word it cannot begin (有效, 新能源)
                // 基本建设 is a term, not 基本 + 建设
                let keep = (l == 1 && lead_char_is_word(t, a, b))
                    || (sw(t, a, b, "基本") && sw(t, a + 2, b, "建设"));
                if !keep {
                    a += l;
                    continue;
                }
            }
            // 以各种形式实际使用的国外资金 → 实际使用的国外资金
            if t[a] == '以' {
                if let Some(i) =
                    (a + 1..b.min(a + 8)).find(|&i| sw(t, i, b, "形式") || sw(t, i, b, "方式"))
                {
                    if b >= i + 2 + 3 {
                        a = i + 2;
                        continue;
                    }
                }
            }
            // 连续三年 / 连续5年 (a streak before the indicator)
            if sw(t, a, b, "连续") {
                let k = (a + 2..b)
                    .take_while(|&i| is_digit(t[i]) || "一二三四五六七八九十两".contains(t[i]))
                    .count();
                if k > 0 && self.at(a + 2 + k) == '年' && b > a + 3 + k + 1 {
                    a += 3 + k;
                    continue;
                }
            }
            // “十五”期间 (a quoted plan period)
            if t[a] == '“' {
                if let Some(c) = (a + 1..b.min(a + 8)).find(|&i| t[i] == '”') {
                    if let Some(l) = ["期间", "时期"].iter().find_map(|w| sw_len(t, c + 1, b, w))
                    {
                        if b > c + 1 + l + 1 {
                            a = c + 1 + l;
                            continue;
                        }
                    }
                }
            }
            // 计划完成… (a plan word before a verb)
            if sw(t, a, b, "计划") && longest_prefix(t, a + 2, b, VERBS).is_some() {
                a += 2;
                continue;
            }
            if let Some(l) = longest_prefix(t, a, b, VERBS)
                .into_iter()
                .chain(longest_prefix(t, a, b, NEW_VERBS))
                .max()
            {
                let rest = (a + l, b);
                // 调解成功率, 办结率: a short rate keeps its verb
                let rest_ok = b >= a + l + 2
                    && !(ew(t, a + l, b, "率", 1) && b <= a + l + 3)
                    && !ATTRIBUTES.iter().any(|w| eq(t, a + l, b, w))
                    // 保障性安居工程: a verb before 性 is an adjective; 建成区 is a noun
                    && self.at(a + l) != '性'
                    && !sw(t, a, b, "建成区");
                if rest_ok && (self.is_var(rest) || !self.is_var((a, b))) {
                    a += l;
                    continue;
                }
            }
            // a demonstrative with its noun: 这些农场的耕地面积 → 耕地面积
            if sw(t, a, b, "这些") || sw(t, a, b, "这个") || sw(t, a, b, "该") || sw(t, a, b, "其")
            {
                if let Some(i) = (a..b.min(a + 8)).find(|&i| t[i] == '的') {
                    if b > i + 2 {
                        a = i + 1;
                        continue;
                    }
                }
            }
            // a leading change verb left over from damaged text (两位数增长全社会固定资产投资)
            if let Some(l) = longest_prefix(t, a, b, &["增长", "下降", "增加", "减少"]) {
                if b >= a + l + 4 && !matches!(self.at(a + l), '值' | '率' | '幅' | '速' | '量')
                {
                    a += l;
                    continue;
                }
            }
            break;
        }
        let (a, b) = trim_marks(t, a, b);
        let (mut a, mut b) = (a, b);
        while a < b && matches!(t[a], '的' | '和' | '及' | ',' | '、' | ':') {
            a += 1;
        }
        while b > a && matches!(t[b - 1], '和' | '及' | ',' | '、' | ':') {
            b -= 1;
        }
        // a quoted name that is the whole subject (“口袋公园”), or an opening quote whose
        // closing one was lost, is the name without its quotes
        if b > a + 2 && matches!(t[a], '“' | '「' | '『') {
            let close = (a + 1..b).find(|&i| matches!(t[i], '”' | '」' | '』'));
            match close {
                Some(c) if c + 1 == b => {
                    a += 1;
                    b -= 1;
                }
                None => a += 1,
                _ => {}
            }
        }
        // a rate of items (“一网通办”事项网办率, 政务服务事项网上可办率): the rate after 事项
        if b > a && t[b - 1] == '率' && !self.is_var((a, b)) {
            if let Some(i) = rfind(t, a, b, "事项") {
                if b >= i + 2 + 3 {
                    a = i + 2;
                }
            }
        }
        // urban and rural modifiers before a shared head (城镇、农村居民人均可支配收入,
        // 城镇和农村居民…): the head
        if let Some(l1) = longest_prefix(t, a, b, PAIRED_SCOPES) {
            let sep = a + l1;
            if b > sep && matches!(t[sep], '、' | '和' | '与' | '及') {
                if let Some(l2) = longest_prefix(t, sep + 1, b, PAIRED_SCOPES) {
                    let head = (sep + 1 + l2, b);
                    if head.1 >= head.0 + 4
                        && !(head.0..head.1).any(|i| matches!(t[i], '、' | '和' | '与' | '及'))
                        && !self.not_a_subject(head)
                    {
                        a = head.0;
                    }
                }
            }
        }
        // a PDF line break inside: the subject is the shortest intact phrase, the part after
        // the last break (人大⏎代表建议 → 代表建议), when that part names something
        if let Some(i) = (a..b).rev().find(|&i| t[i] == '\n') {
            let (mut ra, rb) = trim(t, i + 1, b);
            while ra < rb && matches!(t[ra], '的' | '和' | '及' | '与' | ',' | '、' | ':') {
                ra += 1;
            }
            if rb >= ra + 2 && !self.not_a_subject((ra, rb)) {
                return ((ra, rb), share_cut);
            }
        }
        ((a, b), share_cut)
    }

    /// Where the object of the last verb inside `norm[a..b]` starts (the verb itself when the
    /// verb names the activity, 加装电梯, or when verb and object are a glossary name).
    fn mid_object(&self, a: usize, b: usize) -> Option<usize> {
        let t = self.norm;
        let mut best: Option<usize> = None;
        let mut i = b.saturating_sub(2);
        while i > a {
            i -= 1;
            if let Some(w) = NAMING_VERBS.iter().find(|w| sw(t, i, b, w)) {
                if b >= i + clen(w) + 2 {
                    return Some(i);
                }
            }
            let Some(w) = MID_VERBS
                .iter()
                .filter(|w| sw(t, i, b, w))
                .max_by_key(|w| clen(w))
            else {
                continue;
            };
            let r = i + clen(w);
            if b < r + 2 || self.not_a_subject((r, b)) {
                continue;
            }
            best = Some(if self.is_var((i, b)) && !self.is_var((r, b)) {
                // the longest glossary name ending here (城镇新增就业, not 新增就业)
                (a..i).find(|&k| self.is_var((k, b))).unwrap_or(i)
            } else {
                r
            });
            break;
        }
        best
    }

    /// The noun phrase after the unit, up to the end of the clause or a stop word.
    fn post_subject(&self, end: usize, frequency: bool) -> Span {
        let t = self.norm;
        let ce = self.clause_end(end);
        let mut b = ce.min(end + 24);
        let mut a = end;
        while a < b && matches!(t[a], '的' | ' ' | '\u{3000}') {
            a += 1;
        }
        // 为1286名60岁以上老年人: the age threshold qualifies the noun counted
        {
            let mut k = a;
            while k < b && (is_digit(t[k]) || "一二三四五六七八九十".contains(t[k])) {
                k += 1;
            }
            if k > a {
                let age = ["周岁以上", "岁以上", "岁及以上", "周岁以下", "岁以下"]
                    .iter()
                    .find_map(|w| sw_len(t, k, b, w));
                if let Some(l) = age {
                    a = k + l;
                    while a < b && t[a] == '的' {
                        a += 1;
                    }
                }
            }
        }
        if let Some(p) = (a..b).find(|&i| is_digit(t[i])) {
            b = p;
        }
        for w in ["和", "与", "及"] {
            if let Some(p) = find(t, a, b, w) {
                if p > a {
                    b = p;
                }
            }
        }
        if let Some(p) = (a..b).find(|&i| t[i] == '、') {
            b = p;
        }
        if !frequency {
            for w in POST_STOP {
                if let Some(p) = find(t, a + 1, b, w) {
                    b = p;
                }
            }
            if let Some(p) = modal_at(t, a, b) {
                b = b.min(p);
            }
        }
        // 主要工业产品中 → 主要工业产品
        if b >= a + 3 && matches!(t[b - 1], '中' | '里') {
            b -= 1;
        }
        let (a, b) = trim(t, a, b);
        if b <= a {
            return (a, a);
        }
        // a verb of change or a comparison is not a noun (…的18亿元增加到…, ８６个减少２７个)
        let verbish = DECREASE
            .iter()
            .chain(INCREASE.iter())
            .any(|v| sw_len(t, a, b, v).is_some_and(|l| l > 1))
            || matches!(t[a], '比' | '到' | '为' | '减' | '增' | '降' | '提' | '至');
        // a subject starts with a noun, not with a qualifier word, a number or (except after
        // a frequency: 两次降低存款准备金率) a verb
        let bad_start = is_digit(t[a])
            || matches!(
                t[a],
                '以' | '左' | '上' | '多' | '余' | '的' | '和' | '与' | '及' | '或' | '只'
            )
            || (!frequency && longest_prefix(t, a, b, VERBS).is_some());
        if verbish && !frequency || bad_start {
            return (a, a);
        }
        (a, b)
    }

    fn status(&self, tok: &NumberToken, group_start: usize, clause_start: usize) -> Status {
        let t = self.norm;
        let (g, p) = (group_start, tok.start);
        // 预计 governs its list (across ；, to the end of the sentence) until a clause starts
        // with a verb of achievement
        let mut ss = g;
        while ss > 0 && p - ss < 600 && !matches!(self.at(ss - 1), '。' | '!' | '?') {
            if self.at(ss - 1) == '\n' {
                break;
            }
            ss -= 1;
        }
        if let Some(i) = rfind(t, ss, p, "预计") {
            let restarted = (i..p).any(|k| {
                matches!(t[k], ',' | ';' | '、')
                    && ["完成", "实现", "发放", "投入", "新增", "全年"]
                        .iter()
                        .any(|v| sw(t, k + 1, p, v))
            });
            if !restarted {
                return Status::Forecast;
            }
        }
        if tok.start >= self.plan_start {
            let (ca, cb) = trim(t, clause_start, p);
            if ew(t, ca, cb, "去年的", 3)
                || ew(t, ca, cb, "上年的", 3)
                || sw(t, ca, cb, "去年")
                || sw(t, ca, cb, "过去")
            {
                return Status::Actual;
            }
            return Status::Target;
        }
        // words of intent in the review (力争, 确保, 预期, 目标是, 拟), unless 完成 reports the result
        let mut intent = false;
        for i in g..p {
            match t[i] {
                '力' => intent |= sw(t, i, p, "力争"),
                '确' => intent |= sw(t, i, p, "确保"),
                '预' => intent |= sw(t, i, p, "预期"),
                '目' => {
                    intent |= sw(t, i, p, "目标是")
                        || sw(t, i, p, "目标为")
                        || (sw(t, i, p, "目标") && contains(t, i, p, "定为"))
                }
                // 去年…曾提出，要把…控制在: last year's target quoted in the review
                '曾' => intent |= sw(t, i, p, "曾提出") || sw(t, i, p, "曾经提出"),
                '拟' => intent = true,
                '完' if sw(t, i, p, "完成") => return Status::Actual,
                _ => {}
            }
        }
        if intent {
            return Status::Target;
        }
        // a sentence that is a list of planned bounds (国内生产总值增长7.5％；城镇新增就业900万人
        // 以上，城镇登记失业率控制在4.6％以内；居民消费价格涨幅控制在4％左右): targets, even
        // without a plan heading before it
        let mut se = p;
        while se < t.len() && se - p < 600 && !matches!(t[se], '。' | '!' | '?' | '\n') {
            se += 1;
        }
        let bounds = (ss..se)
            .filter(|&k| sw(t, k, se, "左右") || sw(t, k, se, "以内") || sw(t, k, se, "控制在"))
            .count();
        let semis = (ss..se).filter(|&k| t[k] == ';').count();
        let achieved = ["完成", "实现", "达到", "比上年", "同比", "增加到", "提高到"]
            .iter()
            .any(|w| contains(t, ss, se, w));
        if bounds >= 3 && semis >= 2 && !achieved {
            return Status::Target;
        }
        Status::Actual
    }

    /// The year a number is about; `None` when it counts from an unknown report year.
    fn period(&self, tok: &NumberToken, group_start: usize, status: Status) -> Option<i32> {
        let t = self.norm;
        // nearest year written before the number in the sentence
        let idx = self.years.partition_point(|y| y.1 <= tok.start);
        let mut k = idx;
        while k > 0 {
            let (ys, ye, y) = self.years[k - 1];
            if ys < group_start {
                break;
            }
            let before = if ys > 0 { self.at(ys - 1) } else { '\0' };
            // a base of comparison is not the period: 比上年, 等于1949年的4.2倍, 为1997年的2.9倍
            let base = matches!(before, '比' | '较' | '同' | '与' | '从')
                || ["等于", "相当于", "相当"]
                    .iter()
                    .any(|w| ew(t, group_start, ys, w, clen(w)))
                || (tok.unit == Some(Unit::Multiple) && self.at(ye) == '的' && tok.start <= ye + 2);
            if !base && (1900..=2100).contains(&y) {
                return Some(y);
            }
            k -= 1;
        }
        let (ca, cb) = trim(t, group_start, tok.start);
        if ew(t, ca, cb, "去年的", 3) || ew(t, ca, cb, "上年的", 3) || sw(t, ca, cb, "去年")
        {
            return self.report_year.map(|y| y - 1);
        }
        if tok.start >= self.plan_start || contains(t, ca, cb, "今年") {
            return self.report_year;
        }
        // a forecast in the review is about the year reviewed (预计全年…)
        if status == Status::Target {
            return self.report_year;
        }
        self.report_year.map(|y| y - 1)
    }
}

/// Trims spaces and dashes.
fn trim_marks(t: &[char], a: usize, b: usize) -> Span {
    let (mut a, b) = trim(t, a, b);
    while a < b && matches!(t[a], '—' | '-' | '·') {
        a += 1;
    }
    trim(t, a, b)
}

/// Whether the single character at `a` begins a word there (有效, 有关, 新能源, 先进).
fn lead_char_is_word(t: &[char], a: usize, b: usize) -> bool {
    let next = if a + 1 < b { t[a + 1] } else { '\0' };
    match t[a] {
        '有' => "效关机色线限序力".contains(next),
        '新' => true,
        '先' => "进行导".contains(next),
        '为' => "民".contains(next),
        '对' => "外口".contains(next),
        '再' => "生就".contains(next),
        '使' => "用".contains(next),
        '要' => "素".contains(next),
        _ => false,
    }
}

/// A modal verb inside the phrase (要, 将, 拟, 应, 力争, 确保): where the subject ends.
fn modal_at(t: &[char], a: usize, b: usize) -> Option<usize> {
    (a + 2..b).find(|&i| {
        let prev = t[i - 1];
        let next = t.get(i + 1).copied().unwrap_or('\0');
        match t[i] {
            '要' => !"主重需只必纲摘提概简险要首".contains(prev) && !"素求点件闻".contains(next),
            '将' => !"即".contains(prev) && !"领士军".contains(next),
            '拟' => !"模虚".contains(prev),
            '力' => next == '争',
            '确' => next == '保',
            _ => false,
        }
    })
}

/// Whether the phrase before a number ends with a verb of change; and whether it is a decline.
fn change_verb(t: &[char], a: usize, b: usize) -> (bool, bool) {
    let (a, mut b) = trim(t, a, b);
    for suf in ['了', '约', '近', '为', '的'] {
        if b > a && t[b - 1] == suf {
            b -= 1;
        }
        (_, b) = trim(t, a, b);
    }
    // 提高到 / 降至 give a new level
    for (list, neg) in [(DECREASE, true), (INCREASE, false)] {
        for v in list {
            if let Some(l) = ew_len(t, a, b, v) {
                // single-character verbs only after 同比/比上年/年均/分别 (比上年增, 同比降)
                if l == 1 && !(b >= a + 2 && matches!(t[b - 2], '比' | '年' | '均' | '别')) {
                    continue;
                }
                return (true, neg);
            }
        }
    }
    (false, false)
}

/// Position of a 占 that introduces a share (占全国, 占比), not 占有/占用/占地.
fn share_word_at(t: &[char], a: usize, b: usize) -> Option<usize> {
    (a..b).find(|&i| {
        t[i] == '占'
            && !t
                .get(i + 1)
                .is_some_and(|c| matches!(c, '有' | '用' | '领' | '据' | '地' | '压'))
    })
}

/// Cuts a trailing comparison: 比上年, 同比, 比2020年, 比上年年初预算, 较上年 (not 比重, 评比,
/// 之比); and an adverbial 扣除价格因素.
fn cut_comparison(t: &[char], a: usize, b: usize) -> Option<usize> {
    for w in ["扣除", "剔除"] {
        if let Some(i) = rfind(t, a, b, w) {
            if find(t, i, b, "因素").is_some_and(|f| f + 5 >= b) {
                return Some(i);
            }
        }
    }
    // 高于城镇居民, 快于经济增长: the other side of a comparison
    for w in ["高于", "低于", "快于", "慢于", "好于", "优于"] {
        if let Some(i) = rfind(t, a, b, w) {
            if b <= i + 2 + 8 {
                return Some(i);
            }
        }
    }
    if let Some(i) = rfind(t, a, b, "较") {
        let next = t.get(i + 1).copied().unwrap_or('\0');
        if i + 1 < b && b <= i + 8 && (matches!(next, '上' | '去' | '前' | '同') || is_digit(next))
        {
            return Some(i);
        }
    }
    let i = (a..b).rev().find(|&i| t[i] == '比')?;
    if i > a && matches!(t[i - 1], '之' | '评' | '对' | '占' | '相') {
        return None;
    }
    // a ratio indicator (城乡收入比, 资产负债比) ends in 比
    if i + 1 >= b
        && !t.get(b).is_some_and(|&c| "上去前同".contains(c))
        && !(t
            .get(b..b + 5)
            .is_some_and(|w| w[..4].iter().all(|&c| is_year_digit(c)) && w[4] == '年'))
        && ["收入", "支出", "负债", "产出"]
            .iter()
            .any(|w| ew(t, a, i, w, 2))
    {
        return None;
    }
    let rest = t.get(i + 1).copied();
    let ok = i + 1 >= b
        || rest.is_some_and(|c| {
            "上去前同年预计原全过“第".contains(c)
                || is_digit(c)
                || "一二三四五六七八九十".contains(c)
        });
    if !ok {
        return None;
    }
    let mut j = i;
    if j > a && matches!(t[j - 1], '同' | '与' | '较') {
        j -= 1;
    }
    Some(j)
}

/// Cuts a trailing base of a multiple: 等于1949年的 / 为1997年的 / 相当于上年的.
fn cut_base_year(t: &[char], a: usize, b: usize) -> Option<usize> {
    if b < a + 4 || t[b - 1] != '的' {
        return None;
    }
    let mut k = b - 1;
    if t[k - 1] == '年' {
        k -= 1;
        let e = k;
        while k > a && (is_digit(t[k - 1]) || "〇零一二三四五六七八九".contains(t[k - 1]))
        {
            k -= 1;
        }
        if e - k < 2 {
            return None;
        }
    } else {
        k = ["上年", "去年", "前年"]
            .iter()
            .find(|w| ew(t, a, k, w, 2))
            .map(|_| k - 2)?;
    }
    ["等于", "相当于", "为", "是", "达到", "达"]
        .iter()
        .find_map(|w| ew_len(t, a, k, w))
        .map(|l| k - l)
}

/// Cuts a trailing 由2002年 / 从去年的 / 由 (the start of a from–to phrase).
fn cut_from(t: &[char], a: usize, b: usize) -> Option<usize> {
    for w in ['由', '从'] {
        if let Some(i) = (a..b).rev().find(|&i| t[i] == w) {
            let short = b - i <= 9;
            if short && (i + 1 == b || (i + 1..b).any(|k| t[k] == '年') || is_digit(t[i + 1])) {
                return Some(i);
            }
        }
    }
    None
}

/// Cuts a trailing year or time word: …增加到2007年, …增加到去年的, …今年的.
fn cut_trailing_time(t: &[char], a: usize, b: usize) -> Option<usize> {
    for w in [
        "去年的",
        "上年的",
        "今年的",
        "去年",
        "今年",
        "当年",
        "年底",
        "年末",
    ] {
        let l = clen(w);
        // 2000年底: the year goes with it (below)
        if ew(t, a, b, w, l) && !(b > a + l && is_digit(t[b - l - 1])) {
            return Some(b - l);
        }
    }
    // 2007年 / 2007年的 / 2007年底
    let mut e = b;
    for w in ['的', '底', '末'] {
        if e > a && t[e - 1] == w {
            e -= 1;
        }
    }
    if e > a && t[e - 1] == '年' {
        let d = (a..e - 1).rev().take_while(|&i| is_digit(t[i])).count();
        let d = if d == 0 {
            // 一九八五年
            let c = (a..e - 1)
                .rev()
                .take_while(|&i| is_year_digit(t[i]))
                .count();
            if c == 4 {
                4
            } else {
                0
            }
        } else {
            d
        };
        if d == 4 {
            let mut s = e - 1 - d;
            // 在1979到1983年, 到1984年
            if s > a && matches!(t[s - 1], '到' | '至' | '—' | '-') {
                s -= 1;
                let d0 = (a..s).rev().take_while(|&i| is_digit(t[i])).count();
                if d0 == 4 {
                    s -= 4;
                }
            }
            if s > a && matches!(t[s - 1], '在' | '从' | '由' | '于' | '到' | '至') {
                s -= 1;
            }
            return Some(s);
        }
    }
    None
}

/// Cuts a plan or budget fulfilment phrase: 完成了原定计划的, 为预算数的, 为年度预算的.
fn cut_fulfilment(t: &[char], a: usize, b: usize) -> Option<usize> {
    let base = [
        "计划的",
        "预算的",
        "预算数的",
        "任务的",
        "目标的",
        "计划",
        "预算数",
    ];
    let l = longest_suffix(t, a, b, &base)?;
    let mut e = b - l;
    if let Some(m) = longest_suffix(t, a, e, &["原定", "年度", "全年", "年初"]) {
        e -= m;
    }
    let v = longest_suffix(
        t,
        a,
        e,
        &["完成了", "完成", "为", "达到", "是", "占", "超额完成"],
    )?;
    Some(e - v)
}

/// Strips a leading year or year range: 2023年, 到2025年, １９７９到１９８３年, 2019—2023年度.
fn strip_year_prefix(t: &[char], a: usize, b: usize) -> usize {
    // (a year in Arabic or Chinese digits: 2023, 一九八二)
    let mut r = a;
    if r < b && matches!(t[r], '到' | '至' | '在') {
        r += 1;
    }
    let digits = (r..b).take_while(|&i| is_year_digit(t[i])).count();
    if digits != 4 {
        return a;
    }
    r += 4;
    // a range: 到/至/— and four more digits
    if r < b && matches!(t[r], '到' | '至' | '—' | '-' | '－') {
        let d2 = (r + 1..b).take_while(|&i| is_year_digit(t[i])).count();
        if d2 == 4 {
            r += 5;
        }
    }
    let before = r;
    for w in ["年度", "年的", "年", "底", "末", "内"] {
        if sw(t, r, b, w) {
            r += clen(w);
        }
    }
    if r == before {
        return a;
    }
    while r < b && matches!(t[r], ',' | '底' | '末') {
        r += 1;
    }
    r
}

/// A digit of a year: Arabic or Chinese (一九八○年 uses ○).
fn is_year_digit(c: char) -> bool {
    is_digit(c) || "〇○零一二三四五六七八九".contains(c)
}

/// A change or share with no verb of its own takes the measure of the fact before it when
/// joined by 和/、 (分别增长5%和6%、7%).
fn inherit_measures(drafts: &mut [Draft]) {
    for k in 1..drafts.len() {
        if drafts[k].joined_to_prev
            && !drafts[k].measure_from_verb
            && drafts[k - 1].group_start == drafts[k].group_start
            && drafts[k].tok.unit == drafts[k - 1].tok.unit
        {
            drafts[k].measure = drafts[k - 1].measure;
            drafts[k].negative = drafts[k - 1].negative;
            drafts[k].measure_from_verb = drafts[k - 1].measure_from_verb;
        }
    }
}

/// 分别: n numbers joined by 和/、 after 分别 take the n items of the list before it in order
/// (A、B分别增长x%、y%), or, when the 分别 clause names nothing, the subjects of the n facts
/// before it in the sentence (其中出口21亿元，分别增长12%和9%). A list whose first item is a
/// bare modifier (中、高等职业教育在校生; 城镇、农村居民人均可支配收入) shares the whole phrase.
fn distribute_fenbie(ctx: &Ctx, drafts: &mut [Draft]) {
    let t = ctx.norm;
    let mut k = 0;
    while k < drafts.len() {
        let mut n = 1;
        while k + n < drafts.len()
            && drafts[k + n].joined_to_prev
            && drafts[k + n].group_start == drafts[k].group_start
        {
            n += 1;
        }
        if n < 2 || drafts[k].measure != drafts[k + n - 1].measure {
            k += 1;
            continue;
        }
        let fenbie = drafts[k].fenbie;
        let (a, b) = drafts[k].subject;
        if b > a && !drafts[k].subject_empty {
            let items = split_items(t, (a, b));
            if items.len() == n && sensible_items(&items) {
                for (j, it) in items.iter().enumerate() {
                    drafts[k + j].subject = *it;
                    drafts[k + j].subject_empty = false;
                }
            } else if fenbie {
                for j in 1..n {
                    drafts[k + j].subject = (a, b);
                    drafts[k + j].subject_empty = false;
                }
            }
        } else {
            // the n level facts before, in the same sentence
            let prev: Vec<usize> = (0..k)
                .rev()
                .take_while(|&j| drafts[j].group_start == drafts[k].group_start)
                .filter(|&j| drafts[j].measure == Measure::Level && !drafts[j].subject_empty)
                .take(n)
                .collect();
            if prev.len() == n {
                for (j, &p) in prev.iter().rev().enumerate() {
                    drafts[k + j].subject = drafts[p].subject;
                    drafts[k + j].subject_empty = false;
                }
            } else if prev.is_empty() && drafts[k].clause_start > drafts[k].group_start {
                // the list is the previous clause (A和B，2000年分别达到x和y)
                let cs = drafts[k].clause_start;
                let pcs = ctx.clause_start(cs - 1);
                let (ra, rb) = trim(t, pcs, cs - 1);
                let (subj, _) = ctx.subject_span(ra, rb);
                let items = split_items(t, subj);
                if items.len() == n && sensible_items(&items) {
                    for (j, it) in items.iter().enumerate() {
                        drafts[k + j].subject = *it;
                        drafts[k + j].subject_empty = false;
                    }
                }
            }
        }
        k += n;
    }
}

/// The items of a list phrase (A、B和C), split at 、/和/与/及 outside quotes and brackets.
fn split_items(t: &[char], (a, b): Span) -> Vec<Span> {
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut s = a;
    for i in a..b {
        match t[i] {
            '“' | '(' | '《' | '「' => depth += 1,
            '”' | ')' | '》' | '」' => depth -= 1,
            '、' | '和' | '与' | '及' if depth == 0 => {
                items.push(trim(t, s, i));
                s = i + 1;
            }
            _ => {}
        }
    }
    items.push(trim(t, s, b));
    items
}

/// Whether list items name things of their own: each has two characters or more, and not a
/// short first item with a longer last one that carries the shared head (化肥、农药使用量;
/// 中、高等职业教育在校生; 城镇、农村居民人均可支配收入), which share the whole phrase.
fn sensible_items(items: &[Span]) -> bool {
    let lens: Vec<usize> = items.iter().map(|(x, y)| y.saturating_sub(*x)).collect();
    let first = lens.first().copied().unwrap_or(0);
    let last = lens.last().copied().unwrap_or(0);
    lens.len() >= 2 && lens.iter().all(|&l| l >= 2) && !(first <= 4 && last >= first + 2)
}

fn same_text(t: &[char], x: Span, y: Span) -> bool {
    x.1 - x.0 == y.1 - y.0 && t.get(x.0..x.1) == t.get(y.0..y.1)
}

fn inherit_subjects(ctx: &Ctx, drafts: &mut [Draft]) {
    for k in 0..drafts.len() {
        if !drafts[k].subject_empty {
            continue;
        }
        // previous fact of the same sentence
        let mut found = None;
        if k > 0 && drafts[k - 1].group_start == drafts[k].group_start {
            let p = drafts[k - 1].subject;
            if p.1 > p.0 {
                found = Some(p);
            }
        }
        // a change first in its sentence takes the next fact's subject
        if found.is_none() {
            if let Some(next) = drafts.get(k + 1) {
                if next.group_start == drafts[k].group_start
                    && !next.subject_empty
                    && drafts[k].measure == Measure::Change
                {
                    found = Some(next.subject);
                }
            }
        }
        if found.is_none() {
            // the previous clause of the sentence (着力推进电梯加装，新增45台), skipping
            // adverbial clauses (从中央到地方, 扣除价格因素)
            let mut cs = drafts[k].clause_start;
            for _ in 0..3 {
                if cs <= drafts[k].group_start {
                    break;
                }
                let prev_cs = ctx.clause_start(cs - 1);
                let (ra, rb) = trim(ctx.norm, prev_cs, cs - 1);
                let adverbial = ["从", "由", "扣除", "按", "据", "在", "经过", "通过"]
                    .iter()
                    .any(|w| sw(ctx.norm, ra, rb, w));
                if !adverbial {
                    let (subj, _) = ctx.subject_span(ra, rb);
                    if subj.1 > subj.0 && subj.1 - subj.0 <= 20 && !ctx.not_a_subject(subj) {
                        found = Some(subj);
                    }
                    break;
                }
                cs = prev_cs;
            }
        }
        if let Some(f) = found {
            drafts[k].subject = f;
        }
    }
}

/// relates_to: a change or share → the level fact of the same sentence with the same subject.
fn relate(t: &[char], drafts: &[Draft]) -> Vec<Option<usize>> {
    let mut out = vec![None; drafts.len()];
    for (k, d) in drafts.iter().enumerate() {
        if !matches!(d.measure, Measure::Change | Measure::Share) || d.subject.1 <= d.subject.0 {
            continue;
        }
        let same = |j: usize| {
            let o = &drafts[j];
            o.group_start == d.group_start
                && (o.measure == Measure::Level
                    || (d.measure == Measure::Change
                        && o.measure != Measure::Change
                        && o.tok.unit != d.tok.unit))
                && same_text(t, o.subject, d.subject)
                && o.status == d.status
        };
        let prev = (0..k)
            .rev()
            .take_while(|&j| drafts[j].group_start == d.group_start)
            .find(|&j| same(j));
        let next = (k + 1..drafts.len())
            .take_while(|&j| drafts[j].group_start == d.group_start)
            .find(|&j| same(j));
        out[k] = prev.or(next);
    }
    out
}

/// Line breaks inside a sentence (PDF line wrapping): the line before does not end with
/// sentence punctuation, is not a heading (no list marker at its start, not a section heading
/// of the structure) and either has clause punctuation or is long (≥ 25 characters); the next
/// line is not blank, indented or a heading.
fn soft_newlines(chars: &[char], structure: &Structure) -> Vec<usize> {
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
fn starts_with_marker(chars: &[char], ls: usize) -> bool {
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

/// Maps a character to the form the word lists use: full-width ASCII to ASCII, traditional
/// characters of report vocabulary to simplified ones (one char for one char, so offsets
/// stay the same).
fn norm_char(c: char) -> char {
    let u = c as u32;
    if (0xFF01..=0xFF5E).contains(&u) {
        return char::from_u32(u - 0xFEE0).unwrap_or(c);
    }
    if u < 0x4E00 {
        return c;
    }
    trad_table()
        .get((u - 0x4E00) as usize)
        .copied()
        .filter(|&m| m != '\0')
        .unwrap_or(c)
}

/// `TRAD` as a table indexed by `c - U+4E00` ('\0' where there is no mapping).
fn trad_table() -> &'static [char] {
    static T: OnceLock<Vec<char>> = OnceLock::new();
    T.get_or_init(|| {
        let mut v = vec!['\0'; 0xA000 - 0x4E00];
        // OpenCC's table first (trad/README.md), then the hand-written pairs over it
        let opencc = OPENCC_TS.lines().filter_map(|l| {
            let (t, s) = l.split_once('\t')?;
            let mut tc = t.chars();
            let a = tc.next().filter(|_| tc.next().is_none())?;
            let b = s.split(' ').next()?.chars().next()?;
            Some((a, b))
        });
        for (a, b) in opencc.chain(TRAD.iter().copied()) {
            if let Some(slot) = (a as usize).checked_sub(0x4E00).and_then(|i| v.get_mut(i)) {
                if a != b {
                    *slot = b;
                }
            }
        }
        v
    })
}

/// Traditional → simplified for the characters of report vocabulary.
/// OpenCC's traditional → simplified character table (trad/TSCharacters.txt).
const OPENCC_TS: &str = include_str!("../trad/TSCharacters.txt");

const TRAD: &[(char, char)] = &[
    ('與', '与'),
    ('業', '业'),
    ('東', '东'),
    ('個', '个'),
    ('們', '们'),
    ('價', '价'),
    ('億', '亿'),
    ('優', '优'),
    ('內', '内'),
    ('農', '农'),
    ('凈', '净'),
    ('創', '创'),
    ('劃', '划'),
    ('動', '动'),
    ('務', '务'),
    ('勞', '劳'),
    ('區', '区'),
    ('協', '协'),
    ('參', '参'),
    ('發', '发'),
    ('變', '变'),
    ('單', '单'),
    ('啟', '启'),
    ('團', '团'),
    ('國', '国'),
    ('圍', '围'),
    ('場', '场'),
    ('壓', '压'),
    ('處', '处'),
    ('學', '学'),
    ('實', '实'),
    ('審', '审'),
    ('對', '对'),
    ('將', '将'),
    ('專', '专'),
    ('屆', '届'),
    ('屬', '属'),
    ('島', '岛'),
    ('幣', '币'),
    ('幫', '帮'),
    ('廣', '广'),
    ('應', '应'),
    ('建', '建'),
    ('後', '后'),
    ('從', '从'),
    ('態', '态'),
    ('戶', '户'),
    ('擴', '扩'),
    ('據', '据'),
    ('擊', '击'),
    ('收', '收'),
    ('數', '数'),
    ('標', '标'),
    ('樓', '楼'),
    ('機', '机'),
    ('權', '权'),
    ('歲', '岁'),
    ('歸', '归'),
    ('氣', '气'),
    ('減', '减'),
    ('漲', '涨'),
    ('濟', '济'),
    ('營', '营'),
    ('爭', '争'),
    ('產', '产'),
    ('畝', '亩'),
    ('當', '当'),
    ('療', '疗'),
    ('發', '发'),
    ('盤', '盘'),
    ('確', '确'),
    ('種', '种'),
    ('穩', '稳'),
    ('積', '积'),
    ('築', '筑'),
    ('節', '节'),
    ('範', '范'),
    ('約', '约'),
    ('紀', '纪'),
    ('級', '级'),
    ('純', '纯'),
    ('紙', '纸'),
    ('組', '组'),
    ('結', '结'),
    ('統', '统'),
    ('綠', '绿'),
    ('維', '维'),
    ('緊', '紧'),
    ('線', '线'),
    ('編', '编'),
    ('縣', '县'),
    ('縮', '缩'),
    ('總', '总'),
    ('績', '绩'),
    ('續', '续'),
    ('與', '与'),
    ('舉', '举'),
    ('舊', '旧'),
    ('華', '华'),
    ('萬', '万'),
    ('落', '落'),
    ('處', '处'),
    ('號', '号'),
    ('術', '术'),
    ('衛', '卫'),
    ('補', '补'),
    ('裝', '装'),
    ('製', '制'),
    ('規', '规'),
    ('視', '视'),
    ('覽', '览'),
    ('計', '计'),
    ('訂', '订'),
    ('記', '记'),
    ('設', '设'),
    ('許', '许'),
    ('評', '评'),
    ('試', '试'),
    ('詳', '详'),
    ('認', '认'),
    ('調', '调'),
    ('談', '谈'),
    ('請', '请'),
    ('證', '证'),
    ('議', '议'),
    ('護', '护'),
    ('責', '责'),
    ('貧', '贫'),
    ('貨', '货'),
    ('貿', '贸'),
    ('資', '资'),
    ('質', '质'),
    ('購', '购'),
    ('贏', '赢'),
    ('較', '较'),
    ('輕', '轻'),
    ('輛', '辆'),
    ('輸', '输'),
    ('辦', '办'),
    ('農', '农'),
    ('這', '这'),
    ('進', '进'),
    ('過', '过'),
    ('達', '达'),
    ('違', '违'),
    ('遞', '递'),
    ('適', '适'),
    ('選', '选'),
    ('還', '还'),
    ('鄉', '乡'),
    ('醫', '医'),
    ('針', '针'),
    ('鎮', '镇'),
    ('長', '长'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('際', '际'),
    ('險', '险'),
    ('隊', '队'),
    ('隨', '随'),
    ('雖', '虽'),
    ('離', '离'),
    ('電', '电'),
    ('預', '预'),
    ('領', '领'),
    ('頭', '头'),
    ('題', '题'),
    ('額', '额'),
    ('風', '风'),
    ('飛', '飞'),
    ('養', '养'),
    ('驗', '验'),
    ('體', '体'),
    ('點', '点'),
    ('齊', '齐'),
    ('為', '为'),
    ('無', '无'),
    ('環', '环'),
    ('現', '现'),
    ('幾', '几'),
    ('張', '张'),
    ('時', '时'),
    ('會', '会'),
    ('條', '条'),
    ('來', '来'),
    ('樣', '样'),
    ('歷', '历'),
    ('賽', '赛'),
    ('車', '车'),
    ('軌', '轨'),
    ('輪', '轮'),
    ('運', '运'),
    ('際', '际'),
    ('雙', '双'),
    ('項', '项'),
    ('順', '顺'),
    ('預', '预'),
    ('億', '亿'),
    ('擬', '拟'),
    ('險', '险'),
    ('稅', '税'),
    ('滿', '满'),
    ('蘇', '苏'),
    ('務', '务'),
    ('廠', '厂'),
    ('園', '园'),
    ('圖', '图'),
    ('團', '团'),
    ('壩', '坝'),
    ('層', '层'),
    ('貸', '贷'),
    ('費', '费'),
    ('產', '产'),
    ('糧', '粮'),
    ('廢', '废'),
    ('漁', '渔'),
    ('畜', '畜'),
    ('聯', '联'),
    ('職', '职'),
    ('辭', '辞'),
    ('鐵', '铁'),
    ('錢', '钱'),
    ('門', '门'),
    ('陽', '阳'),
    ('雲', '云'),
    ('館', '馆'),
    ('鋼', '钢'),
    ('礦', '矿'),
    ('熱', '热'),
    ('爐', '炉'),
    ('灣', '湾'),
    ('瀋', '沈'),
    ('傳', '传'),
    ('價', '价'),
    ('儲', '储'),
    ('兒', '儿'),
    ('兩', '两'),
    ('冊', '册'),
    ('剛', '刚'),
    ('勵', '励'),
    ('匯', '汇'),
    ('嚴', '严'),
    ('獎', '奖'),
    ('寬', '宽'),
    ('導', '导'),
    ('屆', '届'),
    ('帶', '带'),
    ('彈', '弹'),
    ('徑', '径'),
    ('據', '据'),
    ('擔', '担'),
    ('攜', '携'),
    ('敗', '败'),
    ('斷', '断'),
    ('槓', '杠'),
    ('檢', '检'),
    ('歐', '欧'),
    ('殘', '残'),
    ('濕', '湿'),
    ('災', '灾'),
    ('燈', '灯'),
    ('獲', '获'),
    ('異', '异'),
    ('療', '疗'),
    ('盡', '尽'),
    ('監', '监'),
    ('碼', '码'),
    ('礎', '础'),
    ('禍', '祸'),
    ('稱', '称'),
    ('穀', '谷'),
    ('競', '竞'),
    ('籌', '筹'),
    ('級', '级'),
    ('紅', '红'),
    ('細', '细'),
    ('經', '经'),
    ('網', '网'),
    ('緩', '缓'),
    ('練', '练'),
    ('織', '织'),
    ('繼', '继'),
    ('罰', '罚'),
    ('聽', '听'),
    ('腦', '脑'),
    ('艱', '艰'),
    ('藥', '药'),
    ('虧', '亏'),
    ('蟲', '虫'),
    ('覆', '覆'),
    ('觀', '观'),
    ('訊', '讯'),
    ('訴', '诉'),
    ('診', '诊'),
    ('說', '说'),
    ('課', '课'),
    ('謀', '谋'),
    ('豐', '丰'),
    ('負', '负'),
    ('財', '财'),
    ('貢', '贡'),
    ('貫', '贯'),
    ('賦', '赋'),
    ('質', '质'),
    ('趨', '趋'),
    ('跡', '迹'),
    ('軍', '军'),
    ('載', '载'),
    ('輔', '辅'),
    ('轉', '转'),
    ('農', '农'),
    ('迴', '回'),
    ('週', '周'),
    ('遊', '游'),
    ('鄰', '邻'),
    ('釋', '释'),
    ('針', '针'),
    ('銀', '银'),
    ('銷', '销'),
    ('鏈', '链'),
    ('閒', '闲'),
    ('闊', '阔'),
    ('陣', '阵'),
    ('陸', '陆'),
    ('險', '险'),
    ('雜', '杂'),
    ('難', '难'),
    ('響', '响'),
    ('頒', '颁'),
    ('頻', '频'),
    ('類', '类'),
    ('顯', '显'),
    ('飲', '饮'),
    ('髮', '发'),
    ('魚', '鱼'),
    ('鳥', '鸟'),
    ('麥', '麦'),
    ('黨', '党'),
    ('齡', '龄'),
    ('龍', '龙'),
    ('倉', '仓'),
    ('偉', '伟'),
    ('僅', '仅'),
    ('億', '亿'),
    ('償', '偿'),
    ('優', '优'),
    ('軟', '软'),
    ('週', '周'),
    ('衝', '冲'),
    ('衆', '众'),
    ('眾', '众'),
    ('壽', '寿'),
    ('夥', '伙'),
    ('奪', '夺'),
    ('孫', '孙'),
    ('寧', '宁'),
    ('實', '实'),
    ('將', '将'),
    ('對', '对'),
    ('屢', '屡'),
    ('嶺', '岭'),
    ('廳', '厅'),
    ('彙', '汇'),
    ('復', '复'),
    ('徵', '征'),
    ('憂', '忧'),
    ('懷', '怀'),
    ('戰', '战'),
    ('撥', '拨'),
    ('擁', '拥'),
    ('擴', '扩'),
    ('攝', '摄'),
    ('數', '数'),
    ('條', '条'),
    ('棄', '弃'),
    ('棟', '栋'),
    ('樁', '桩'),
    ('橋', '桥'),
    ('櫃', '柜'),
    ('歸', '归'),
    ('氫', '氢'),
    ('決', '决'),
    ('溝', '沟'),
    ('滬', '沪'),
    ('漢', '汉'),
    ('潔', '洁'),
    ('濱', '滨'),
    ('瀏', '浏'),
    ('煙', '烟'),
    ('爾', '尔'),
    ('獨', '独'),
    ('獻', '献'),
    ('畫', '画'),
    ('瘧', '疟'),
    ('癥', '症'),
    ('發', '发'),
    ('盜', '盗'),
    ('報', '报'),
    ('顧', '顾'),
    ('頃', '顷'),
    ('綜', '综'),
    ('轄', '辖'),
    ('絡', '络'),
    ('識', '识'),
    ('夠', '够'),
    ('戶', '户'),
    ('兌', '兑'),
    ('幹', '干'),
    ('區', '区'),
    ('勢', '势'),
    ('壯', '壮'),
    ('補', '补'),
    ('貼', '贴'),
    ('錄', '录'),
    ('鬆', '松'),
    ('闆', '板'),
    ('衡', '衡'),
    ('樂', '乐'),
    ('藝', '艺'),
    ('鐘', '钟'),
    ('鋪', '铺'),
    ('廈', '厦'),
    ('灑', '洒'),
    ('儘', '尽'),
    ('陳', '陈'),
    ('遠', '远'),
    ('興', '兴'),
    ('轉', '转'),
    ('構', '构'),
    ('織', '织'),
    ('極', '极'),
    ('麼', '么'),
    ('復', '复'),
    ('惡', '恶'),
    ('愛', '爱'),
    ('慶', '庆'),
    ('戲', '戏'),
    ('換', '换'),
    ('據', '据'),
    ('權', '权'),
    ('歡', '欢'),
    ('汙', '污'),
    ('測', '测'),
    ('濟', '济'),
    ('灣', '湾'),
    ('煥', '焕'),
    ('碳', '碳'),
    ('祿', '禄'),
    ('離', '离'),
    ('稱', '称'),
    ('筆', '笔'),
    ('範', '范'),
    ('糾', '纠'),
    ('紛', '纷'),
    ('終', '终'),
    ('給', '给'),
    ('絕', '绝'),
    ('絲', '丝'),
    ('綫', '线'),
    ('緣', '缘'),
    ('縱', '纵'),
    ('繫', '系'),
    ('罷', '罢'),
    ('聲', '声'),
    ('膽', '胆'),
    ('舖', '铺'),
    ('莊', '庄'),
    ('蓋', '盖'),
    ('薦', '荐'),
    ('薩', '萨'),
    ('處', '处'),
    ('規', '规'),
    ('覺', '觉'),
    ('訪', '访'),
    ('證', '证'),
    ('讓', '让'),
    ('貴', '贵'),
    ('買', '买'),
    ('賣', '卖'),
    ('賴', '赖'),
    ('趕', '赶'),
    ('軸', '轴'),
    ('較', '较'),
    ('辯', '辩'),
    ('邊', '边'),
    ('鄭', '郑'),
    ('鋒', '锋'),
    ('錯', '错'),
    ('鍵', '键'),
    ('長', '长'),
    ('閉', '闭'),
    ('開', '开'),
    ('閣', '阁'),
    ('陰', '阴'),
    ('隱', '隐'),
    ('雞', '鸡'),
    ('靈', '灵'),
    ('韓', '韩'),
    ('頁', '页'),
    ('順', '顺'),
    ('須', '须'),
    ('顧', '顾'),
    ('駐', '驻'),
    ('驅', '驱'),
    ('鬥', '斗'),
    ('鮮', '鲜'),
    ('鳳', '凤'),
    ('麗', '丽'),
    ('黃', '黄'),
    ('齒', '齿'),
    ('並', '并'),
    ('佔', '占'),
    ('於', '于'),
    ('餘', '余'),
    ('裡', '里'),
    ('著', '着'),
];
/// Where the plan part starts: the first plan heading (a part of the structure, or a heading
/// line: 二、2025年主要目标任务, 2025年工作安排, 今年工作的总体要求和主要目标, 关于2025年工作), or
/// the first sentence naming this year's 预期目标 / 主要目标, whichever is earlier; the body end
/// when there is none. `t` is the normalised text.
fn find_plan_start(
    t: &[char],
    structure: &Structure,
    report_year: Option<i32>,
    body_start: usize,
    body_end: usize,
) -> usize {
    let mut best = body_end;
    // an unknown year is named nowhere: "\0年" never matches
    let year = report_year.map_or_else(|| "\0".to_string(), |y| y.to_string());
    let n = t.len();
    let review = [
        "回顾",
        "总结",
        "过去",
        "成绩",
        "一年来",
        "五年来",
        "工作报告",
        "取得",
    ];
    let plan = [
        "安排",
        "任务",
        "要求",
        "建议",
        "目标",
        "部署",
        "打算",
        "今年",
        "今后",
        "展望",
        "政策取向",
        "主要工作",
        "计划",
        "思路",
    ];
    let is_plan = |a: usize, b: usize| {
        !review.iter().any(|w| contains(t, a, b, w))
            && (plan.iter().any(|w| contains(t, a, b, w))
                || contains(t, a, b, &format!("{year}年")))
    };
    for p in structure.sections.iter().filter(|s| s.level == 1) {
        let (a, b) = (p.start as usize, (p.end as usize).min(n));
        if is_plan(a, b) {
            best = best.min(a);
            break;
        }
    }
    // heading lines: a marker (二、) or, unmarked, this year or 今年 with a plan word; short,
    // without sentence punctuation
    let mut ls = body_start.min(n);
    let end = body_end.min(n);
    let mut k = ls;
    while k <= end && k < best {
        if k == end || t[k] == '\n' {
            let (a, b) = trim(t, ls, k);
            let len = b - a;
            if len > 2 && len <= 40 && !(a..b).any(|i| matches!(t[i], '。' | ',' | ';')) {
                let marker = starts_with_marker(t, a);
                let unmarked = (sw(t, a, b, &format!("{year}年"))
                    || sw(t, a, b, "今年")
                    || sw(t, a, b, "关于"))
                    && !["报告", "代表", "会议", "讲话", "第"]
                        .iter()
                        .any(|w| contains(t, a, b, w));
                if (marker || unmarked) && is_plan(a, b) {
                    best = best.min(ls);
                    break;
                }
            }
            ls = k + 1;
        }
        k += 1;
    }
    // a sentence naming this year's targets
    for key in ["预期目标", "主要目标"] {
        let mut from = body_start.min(n);
        while let Some(p) = find(t, from, end, key) {
            if p >= best {
                break;
            }
            let sent_start = (body_start..p)
                .rev()
                .find(|&i| matches!(t[i], '。' | '\n' | ';'))
                .map_or(body_start, |i| i + 1);
            if (contains(t, sent_start, p, "今年") || contains(t, sent_start, p, &year))
                && !contains(t, sent_start, p, "完成")
                && !contains(t, sent_start, p, "实现")
            {
                best = best.min(sent_start);
                break;
            }
            from = p + 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Vec<char> {
        s.chars().map(norm_char).collect()
    }

    #[test]
    fn change_verbs() {
        let cv = |s: &str| {
            let t = v(s);
            change_verb(&t, 0, t.len())
        };
        assert_eq!(cv("同比增加"), (true, false));
        assert_eq!(cv("能耗降低"), (true, true));
        assert_eq!(cv("提高到"), (false, false));
        assert_eq!(cv("比上年增"), (true, false));
        assert_eq!(cv("区级财政收入"), (false, false));
        assert_eq!(cv("地區生產總值增長"), (true, false));
    }

    #[test]
    fn subjects() {
        let g = Glossary::builtin();
        let subj = |s: &str| {
            let t = v(s);
            let ctx = Ctx {
                token_ends: &[],
                norm: &t,
                report_year: Some(2024),
                plan_start: usize::MAX,
                years: &[],
                glossary: g,
            };
            let (sp, cut) = ctx.subject_span(0, t.len());
            (string(&t, sp), cut)
        };
        assert_eq!(subj("全年完成区级财政收入").0, "区级财政收入");
        assert_eq!(subj("全社会固定资产投资完成").0, "全社会固定资产投资");
        assert_eq!(subj("同比增加").0, "");
        assert_eq!(subj("开展环保约谈").0, "环保约谈");
        assert_eq!(subj("全年开展综合文艺演出等各类文化活动").0, "各类文化活动");
        assert_eq!(
            subj("新能源汽车产销量占全球比重"),
            ("新能源汽车产销量".to_string(), true)
        );
        assert_eq!(subj("比上年年初预算增加").0, "");
        assert_eq!(subj("城镇登记失业人员控制在").0, "城镇登记失业人员");
        assert_eq!(subj("全市地区生产总值增长").0, "地区生产总值");
        assert_eq!(subj("新增就业").0, "新增就业");
        assert_eq!(subj("新增高新技术企业").0, "高新技术企业");
        assert_eq!(subj("制定修订行政法规").0, "行政法规");
        assert_eq!(subj("中等职业学校资助面").0, "中等职业学校资助面");
        assert_eq!(subj("经济增长预期目标为").0, "经济增长");
        assert_eq!(subj("集团购买力要按上年实际数额核减").0, "集团购买力");
    }

    #[test]
    fn traditional_and_full_width_are_normalised() {
        assert_eq!(norm_char('長'), '长');
        assert_eq!(norm_char('１'), '1');
        assert_eq!(norm_char('，'), ',');
        assert_eq!(norm_char('中'), '中');
    }
}
