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
//! - **status**: `target` in the plan part and after 力争, 确保, 预期, 目标是/目标为, 拟, 今年…计划
//!   in the review (unless 完成 reports the result); `forecast` where 预计 heads the list — across ；
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
//! - **indicator**: [`crate::glossary::Glossary::indicator`] on the subject: a glossary name,
//!   or the growth of one (经济增长, 国内生产总值增速, 经济增长预期目标, 经济 with a verb of
//!   growth; `glossary/growth_words.tsv`), which is the level indicator with measure `change`
//!   (a percentage read as a rate becomes a change).
//!
//! `fact_id` is `{report_id}/f{n:04}` in text order; `paragraph_id` and `section_id` come from
//! the [`Structure`] (empty / `None` when no paragraph contains the fact).

mod cut;
mod draft;
mod relate;
pub mod rules;
mod soft;
mod status;
mod subject;
#[cfg(test)]
mod tests;
mod words;

use gwr_model::{Fact, Measure, Qualifier, ReportMeta, Status, Unit};

use crate::glossary::Glossary;
use crate::normal::norm_char;
use crate::numbers::{self, NumberForm, NumberToken, Reject};
use crate::structure::Structure;

use self::cut::*;
use self::draft::*;
use self::relate::*;
use self::rules::*;
use self::soft::*;
use self::status::*;
use self::subject::*;
use self::words::*;

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
    // a statistical communiqué states what was achieved in the year it reports on: no plan part
    let statistical = meta.document_kind == Some(gwr_model::DocumentKind::StatisticalCommunique);
    let plan_start = if statistical {
        body_end
    } else {
        find_plan_start(&norm, structure, meta.report_year, body_start, body_end)
    };
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
        statistical,
        years: &years,
        glossary,
        rules_off: rules_off(),
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
        // a growth is the level indicator with measure change (经济增长7%左右 → gdp)
        let coded = glossary.indicator(
            &string(&norm, d.subject),
            d.measure == Measure::Change,
            meta.report_year,
        );
        let indicator = coded.map(|c| c.entry.code.clone());
        let measure = match coded {
            Some(c) if c.growth && d.measure == Measure::Rate => Measure::Change,
            _ => d.measure,
        };
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
            measure,
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
    /// A statistical text (a statistical communiqué): every fact achieved, and a fact that
    /// names no year is about the report year, the year it reports on.
    statistical: bool,
    years: &'a [(usize, usize, i32)],
    glossary: &'a Glossary,
    /// The subject rules turned off, one bit per index of [`SUBJECT_RULES`] (none, except in
    /// [`with_subject_rules_off`]).
    rules_off: u64,
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
        role(Role::Decrease)
            .iter()
            .chain(role(Role::Increase))
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
}
