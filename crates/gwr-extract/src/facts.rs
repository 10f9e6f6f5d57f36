//! Quantitative facts: every number of the body that measures something the report claims or
//! plans, with what it measures, whether it is achieved, planned or forecast, and its year.
//!
//! The numbers come from [`crate::numbers::scan_chars`] (tokens with a reject reason are
//! dropped). Each remaining token gets:
//!
//! - **measure**: `change` when a verb of growth or decline (增长, 增加, 提高, 上涨, 下降, 减少,
//!   降低, 回落, 削减…) stands right before the number (not followed by 到/至, which give a new
//!   level), or for 翻一番; `share` for 六成/过半/三分之一 or a percentage after 占/比重/比例; `rate`
//!   for other percentages (满意率, 失业率, 完成预算的92%); otherwise `level`. Declines are
//!   negative.
//! - **subject**: the text between the start of the clause (，；。：、 …) and the number, with
//!   leading time words and verbs (全年, 完成, 实现, 开展…) and trailing verbs and comparisons
//!   (增长, 达到, 比上年…) removed, and after the last 等 or 占; when nothing is left, the noun
//!   phrase after the unit (为近600户老年人… → 老年人…); when that is empty too, the subject of
//!   the previous fact of the sentence, or the previous clause (新增45台 after 推进电梯加装).
//! - **status**: `target` in the plan part (from the first plan heading such as 二、2024年工作安排,
//!   or from the first sentence naming this year's 预期目标, whichever comes first) and after 力争,
//!   确保, 目标, 计划, 拟 in the review; `forecast` where 预计 heads the sentence, until a clause
//!   starts with a verb of achievement (完成, 实现, 发放, 投入); otherwise `actual`. A number in the
//!   plan part introduced by 去年的/上年的 is actual.
//! - **period**: the nearest year written before the number in the same sentence (the end of a
//!   range such as 2019—2023年度; not a base year after 比/较), else 去年/上年 → report year − 1,
//!   else target/forecast or plan part → report year, else (review) report year − 1. Multi-year
//!   totals (过去五年…) therefore get the last year of the span.
//! - **relates_to**: a change or share points at the level fact of the same sentence with the
//!   same subject, the previous one if any, else the next one.
//! - **indicator**: [`crate::glossary::Glossary::lookup`] on the subject.
//!
//! `fact_id` is `{report_id}/f{n:04}` in text order; `paragraph_id` and `section_id` come from
//! the [`Structure`] (empty / `None` when no paragraph contains the fact).

use gwr_model::{Fact, Measure, Qualifier, ReportMeta, Status, Unit};

use crate::glossary::Glossary;
use crate::numbers::{self, NumberForm, NumberToken, Reject};
use crate::structure::Structure;

/// Finds every quantity stated in the body.
pub fn extract_facts(text: &str, structure: &Structure, meta: &ReportMeta) -> Vec<Fact> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let (body_start, body_end) =
        if structure.body_end > structure.body_start && structure.body_end <= n {
            (structure.body_start, structure.body_end)
        } else {
            (0, n)
        };
    let tokens = numbers::scan_chars(&chars);
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
    let plan_start = find_plan_start(&chars, structure, meta.report_year, body_start, body_end);
    let glossary = Glossary::builtin();
    let token_ends: Vec<usize> = tokens.iter().map(|t| t.end).collect();
    let ctx = Ctx {
        token_ends: &token_ends,
        chars: &chars,
        report_year: meta.report_year,
        plan_start,
        years: &years,
        glossary,
    };

    let facts_tok: Vec<&NumberToken> = tokens
        .iter()
        .filter(|t| {
            t.is_fact() && t.start >= body_start && t.end <= body_end && t.value.is_finite()
        })
        .collect();
    let mut drafts: Vec<Draft> = Vec::with_capacity(facts_tok.len());
    for tok in facts_tok.iter() {
        // end of the previous numeric token (a fact or not)
        let idx = token_ends.partition_point(|&e| e <= tok.start);
        let prev_end = if idx > 0 {
            token_ends.get(idx - 1).copied()
        } else {
            None
        };
        drafts.push(ctx.draft(tok, prev_end));
    }
    inherit_measures(&mut drafts);
    inherit_subjects(&ctx, &mut drafts);
    let relates = relate(&drafts);

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
        let (paragraph_id, section_id) = locate(structure, tok.start);
        let subject = d.subject.clone();
        let indicator = glossary.code_for(&subject).map(str::to_string);
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
            period: Some(d.period),
            qualifier,
            relates_to: relates[k].map(|j| format!("{}/f{:04}", meta.report_id, j + 1)),
            start: tok.start as u64,
            end: tok.end as u64,
            quote: chars
                .get(tok.start..tok.end)
                .map(|s| s.iter().collect())
                .unwrap_or_default(),
        });
    }
    out
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
    /// End offsets of every numeric token (facts or not), sorted.
    token_ends: &'a [usize],
    chars: &'a [char],
    report_year: i32,
    plan_start: usize,
    years: &'a [(usize, usize, i32)],
    glossary: &'a Glossary,
}

#[derive(Debug, Clone)]
struct Draft<'a> {
    tok: &'a NumberToken,
    measure: Measure,
    negative: bool,
    /// The measure was set by a verb before the number (not inherited).
    measure_from_verb: bool,
    subject: String,
    /// The subject was not found next to the number.
    subject_empty: bool,
    /// The text between the previous token of the clause and this one was only a connective (和, 、).
    joined_to_prev: bool,
    status: Status,
    period: i32,
    group_start: usize,
    clause_start: usize,
    /// A bound qualifier found a few characters before the number (超过全球一半).
    loose_bound: Option<Qualifier>,
}

fn is_group_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

fn is_clause_end(c: char) -> bool {
    is_group_end(c)
        || matches!(
            c,
            '，' | ',' | '：' | ':' | '、' | '（' | '(' | '）' | ')' | '—'
        )
}

fn s(chars: &[char], a: usize, b: usize) -> String {
    chars
        .get(a..b.min(chars.len()))
        .map(|x| x.iter().collect())
        .unwrap_or_default()
}

const INCREASE: &[&str] = &[
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
    "分别为",
    "分别是",
    "分别达到",
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
    "达到了",
    "预期目标为",
    "预期目标是",
    "目标为",
    "目标是",
    "约",
    "近",
    "计",
];

/// Words stripped from the start of the phrase before a number (longest match first).
const LEAD: &[&str] = &[
    "过去五年",
    "过去一年",
    "五年来",
    "一年来",
    "五年累计",
    "全年",
    "今年",
    "去年",
    "上年",
    "当年",
    "年内",
    "年初",
    "其中",
    "同时",
    "此外",
    "另外",
    "累计",
    "共计",
    "共",
    "总计",
    "合计",
    "完成了",
    "完成",
    "实现了",
    "实现",
    "组织开展",
    "开展",
    "收集",
    "开具",
    "设置",
    "发放",
    "解决",
    "涉及",
    "帮助",
    "引进",
    "举办",
    "办理",
    "成功",
    "调解",
    "覆盖",
    "培育",
    "处理",
    "着力推进",
    "推进",
    "加快",
    "支持",
    "带动",
    "吸引",
    "持续",
    "全面",
    "加强",
    "投入",
    "拟安排",
    "安排",
    "拟",
    "预计",
    "力争",
    "确保",
    "要",
    "将",
    "使",
    "把",
    "让",
    "给",
    "为",
    "向",
    "对",
    "有",
    "已经",
    "已",
    "并",
    "还",
    "又",
    "再",
    "先",
    "都",
    "我国",
    "我镇",
    "我区",
    "我市",
    "我省",
    "我县",
    "增发",
    "发行",
    "先发行",
    "惠及",
    "达到",
    "达",
    "新开设",
    "开设",
    "每年",
    "平均每年",
    "用于",
    "增加",
    "一律",
    "五年",
    "五年间",
    "期间",
];

/// Phrases that are only a verb: a subject made of one of them is no subject (新增45台).
const VERB_ONLY: &[&str] = &[
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
];

const POST_STOP: &[&str] = &[
    "建设", "工作", "提供", "宣传", "办复", "成效", "顺利", "正在", "的", "支持", "用于", "实现",
    "进行", "开展", "完成", "得到", "获得",
];

impl<'a> Ctx<'a> {
    fn at(&self, i: usize) -> char {
        self.chars.get(i).copied().unwrap_or('\0')
    }

    fn group_start(&self, pos: usize) -> usize {
        let mut k = pos;
        while k > 0 && !is_group_end(self.at(k - 1)) {
            k -= 1;
            if pos - k > 400 {
                break;
            }
        }
        k
    }

    fn clause_start(&self, pos: usize) -> usize {
        let mut k = pos;
        while k > 0 {
            let c = self.at(k - 1);
            if c == '、' {
                // 、 ends a clause only after a number (149家、专精特新企业18家), not inside a
                // list of nouns (化学需氧量、氨氮排放)
                if self.token_ends.binary_search(&(k - 1)).is_ok() {
                    break;
                }
            } else if is_clause_end(c) {
                break;
            }
            k -= 1;
            if pos - k > 200 {
                break;
            }
        }
        k
    }

    fn clause_end(&self, pos: usize) -> usize {
        let mut k = pos;
        while k < self.chars.len() && !is_clause_end(self.at(k)) {
            k += 1;
            if k - pos > 200 {
                break;
            }
        }
        k
    }

    fn draft(&self, tok: &'a NumberToken, prev_end: Option<usize>) -> Draft<'a> {
        let group_start = self.group_start(tok.start);
        let clause_start = self.clause_start(tok.start);
        let from = match prev_end {
            Some(e) if e > clause_start && e <= tok.start => e,
            _ => clause_start,
        };
        let raw_pre = s(self.chars, from, tok.start);
        let pre_trim = raw_pre.trim();
        let joined_to_prev =
            from != clause_start && matches!(pre_trim, "和" | "与" | "及" | "或" | "、" | "");

        // --- measure and sign
        let (change, negative) = change_verb(pre_trim);
        let unit = tok.unit.unwrap_or(Unit::Count);
        let mut measure = Measure::Level;
        let mut measure_from_verb = false;
        let has_zhan = has_share_word(pre_trim);
        if change || tok.form == NumberForm::Doubling {
            measure = Measure::Change;
            measure_from_verb = true;
        } else if matches!(
            tok.form,
            NumberForm::Tenths | NumberForm::Half | NumberForm::Fraction
        ) || (has_zhan && unit == Unit::Percent)
        {
            measure = Measure::Share;
        } else if unit == Unit::Percent || unit == Unit::PercentagePoint {
            measure = Measure::Rate;
        }

        // --- subject
        let (mut subject, share_cut) = if joined_to_prev {
            (String::new(), false)
        } else {
            strip_subject(pre_trim, self.glossary)
        };
        if VERB_ONLY.contains(&subject.as_str()) || subject.chars().count() == 1 {
            subject.clear();
        }
        if measure == Measure::Rate
            && (share_cut
                || ["比重", "比例", "份额", "占比"]
                    .iter()
                    .any(|w| pre_trim.contains(w)))
        {
            measure = Measure::Share;
        }
        if measure == Measure::Rate && subject.ends_with("贡献率") {
            measure = Measure::Share;
        }
        let mut subject_empty = subject.is_empty();
        // counts: the noun after the measure word is what is counted (为近600户老年人…,
        // 13家企业跻身50强); an empty or dangling (…的, …等) phrase also looks after the unit
        let counted = matches!(unit, Unit::Count | Unit::PersonTime);
        let dangling = if subject.is_empty() {
            pre_trim.ends_with('的') || pre_trim.ends_with('等')
        } else {
            subject.ends_with('的') || subject.ends_with('等')
        };
        if (subject_empty || counted || dangling)
            && !change
            && !joined_to_prev
            && measure == Measure::Level
        {
            let post = self.post_subject(tok.end);
            if !post.is_empty() {
                subject = post;
                subject_empty = false;
            }
        }

        // --- status
        let status = self.status(tok, group_start, clause_start);
        // --- period
        let period = self.period(tok, group_start, status);

        // 超过全球一半: a bound word a few characters before a share
        let mut loose_bound = None;
        if tok.qualifier == Qualifier::Exact
            && matches!(
                tok.form,
                NumberForm::Half | NumberForm::Tenths | NumberForm::Fraction
            )
        {
            let win = s(
                self.chars,
                tok.start.saturating_sub(6).max(clause_start),
                tok.start,
            );
            if win.contains("超过") || win.contains("超") || win.contains("逾") {
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
            status,
            period,
            group_start,
            clause_start,
            loose_bound,
        }
    }

    /// The noun phrase after the unit, up to the end of the clause or a stop word.
    fn post_subject(&self, end: usize) -> String {
        let ce = self.clause_end(end);
        let mut text = s(self.chars, end, ce.min(end + 24));
        if let Some(p) = text.find(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
            text.truncate(p);
        }
        for w in ["和", "与", "及"] {
            if let Some(p) = text.find(w) {
                if p > 0 {
                    text.truncate(p);
                }
            }
        }
        for w in POST_STOP {
            if let Some(p) = text.find(w) {
                if p > 0 {
                    text.truncate(p);
                } else if *w == "的" {
                    text.clear();
                }
            }
        }
        let t = text.trim().trim_start_matches(['的', '，']).trim();
        // a verb of change or a comparison is not a noun (…的18亿元增加到…, ８６个减少２７个)
        if DECREASE
            .iter()
            .chain(INCREASE.iter())
            .any(|v| v.chars().count() > 1 && t.starts_with(v))
            || t.starts_with(['比', '到', '为', '减', '增', '降', '提'])
        {
            return String::new();
        }
        // a subject starts with a noun, not with a qualifier word or a number
        if t.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '以' | '左' | '上' | '多' | '余'))
        {
            return String::new();
        }
        t.to_string()
    }

    fn status(&self, tok: &NumberToken, group_start: usize, clause_start: usize) -> Status {
        let before = s(self.chars, group_start, tok.start);
        // 预计 governs the sentence until a clause starts with a verb of achievement
        if let Some(p) = before.rfind("预计") {
            let after: String = before[p..].to_string();
            let restarted = after.split(['，', ',', '；', '、']).skip(1).any(|cl| {
                ["完成", "实现", "发放", "投入", "新增", "全年"]
                    .iter()
                    .any(|v| cl.trim_start().starts_with(v))
            });
            if !restarted {
                return Status::Forecast;
            }
        }
        let clause = s(self.chars, clause_start, tok.start);
        if tok.start >= self.plan_start {
            let c = clause.trim_end();
            if c.ends_with("去年的")
                || c.ends_with("上年的")
                || c.starts_with("去年")
                || c.starts_with("过去")
            {
                return Status::Actual;
            }
            return Status::Target;
        }
        if ["力争", "确保", "预期目标", "目标是", "目标为", "拟"]
            .iter()
            .any(|w| before.contains(w))
            && !before.contains("完成")
        {
            return Status::Target;
        }
        Status::Actual
    }

    fn period(&self, tok: &NumberToken, group_start: usize, status: Status) -> i32 {
        // nearest year written before the number in the sentence
        let idx = self.years.partition_point(|y| y.1 <= tok.start);
        let mut k = idx;
        while k > 0 {
            let (ys, _ye, y) = self.years[k - 1];
            if ys < group_start {
                break;
            }
            let before = if ys > 0 { self.at(ys - 1) } else { '\0' };
            let base = matches!(before, '比' | '较' | '同' | '与' | '从');
            if !base && (1900..=2100).contains(&y) {
                return y;
            }
            k -= 1;
        }
        let clause = s(self.chars, group_start, tok.start);
        let c = clause.trim_end();
        if c.ends_with("去年的") || c.ends_with("上年的") || c.starts_with("去年") {
            return self.report_year - 1;
        }
        if status != Status::Actual || tok.start >= self.plan_start {
            return self.report_year;
        }
        if clause.contains("今年") {
            return self.report_year;
        }
        self.report_year - 1
    }
}

/// Whether the phrase before a number ends with a verb of change; and whether it is a decline.
fn change_verb(pre: &str) -> (bool, bool) {
    let mut p = pre.trim_end();
    for suf in ["了", "约", "近", "为", "的"] {
        p = p.strip_suffix(suf).unwrap_or(p).trim_end();
    }
    // 提高到 / 降至 give a new level
    for (list, neg) in [(DECREASE, true), (INCREASE, false)] {
        for v in list {
            if p.ends_with(v) {
                // single-character verbs only after 同比/比上年/年均/分别 (比上年增, 同比降)
                if v.chars().count() == 1
                    && !(p.ends_with(&format!("比{v}"))
                        || p.ends_with(&format!("年{v}"))
                        || p.ends_with(&format!("均{v}")))
                {
                    continue;
                }
                return (true, neg);
            }
        }
    }
    (false, false)
}

/// Cleans the phrase before a number into a subject; also says whether it was cut at 占.
fn strip_subject(pre: &str, glossary: &Glossary) -> (String, bool) {
    let mut p: String = pre
        .trim()
        .trim_start_matches(['—', '-', ' ', '\u{3000}'])
        .to_string();
    // after the last 等 (…等各类文化活动)
    if let Some(i) = p.rfind('等') {
        let rest = &p[i + '等'.len_utf8()..];
        if !rest.trim().is_empty() && !rest.starts_with('于') {
            p = rest.to_string();
        }
    }
    // change verbs, comparisons and fillers at the end
    let mut share_cut = false;
    loop {
        let before = p.clone();
        let t = p.trim_end().to_string();
        let mut cut = t.len();
        if let Some(w) = longest_suffix(&t, TRAIL) {
            cut = t.len() - w.len();
        } else if let Some(v) = DECREASE
            .iter()
            .chain(INCREASE.iter())
            .filter(|v| v.chars().count() > 1 && t.ends_with(*v))
            .max_by_key(|v| v.len())
        {
            cut = t.len() - v.len();
        }
        p.truncate(cut);
        cut_comparison(&mut p);
        cut_from_year(&mut p);
        if p == before {
            break;
        }
    }
    // share: 占全球比重 / 占比 / 占…的 (not 占有)
    if let Some(i) = share_word_at(&p) {
        if i > 0 {
            p.truncate(i);
        } else {
            p.clear();
        }
        share_cut = true;
    }
    // leading time words and verbs
    loop {
        let before = p.clone();
        let t = strip_year_prefix(p.trim_start()).to_string();
        p = match longest_prefix(&t, LEAD) {
            Some(w) => t[w.len()..].to_string(),
            None => t,
        };
        if p == before {
            break;
        }
    }
    let p = p
        .trim()
        .trim_matches(['，', ',', '、', '：', ':', '和', '及'])
        .trim_start_matches('的')
        .to_string();
    let _ = glossary;
    (p, share_cut)
}

fn longest_suffix(t: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter()
        .copied()
        .filter(|w| t.ends_with(w))
        .max_by_key(|w| w.len())
}

fn longest_prefix(t: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter()
        .copied()
        .filter(|w| t.starts_with(w))
        .max_by_key(|w| w.len())
}

/// Byte position of a 占 that introduces a share (占全国, 占比), not 占有/占用/占地.
fn share_word_at(p: &str) -> Option<usize> {
    p.match_indices('占').map(|(i, _)| i).find(|&i| {
        let rest = &p[i + '占'.len_utf8()..];
        !rest.starts_with(['有', '用', '领', '据', '地', '压'])
    })
}

fn has_share_word(p: &str) -> bool {
    share_word_at(p).is_some()
}

/// Cuts a trailing comparison: 比上年, 同比, 比2020年, 比上年年初预算 (not 比重, 评比, 之比).
fn cut_comparison(p: &mut String) {
    let Some(i) = p.rfind('比') else { return };
    let rest = &p[i + '比'.len_utf8()..];
    let ok = rest.is_empty()
        || rest.starts_with(['上', '去', '前', '同', '年', '预', '计', '原', '全', '过'])
        || rest.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if !ok {
        return;
    }
    let mut j = i;
    for pre in ["同", "与", "较"] {
        if p[..j].ends_with(pre) {
            j -= pre.len();
        }
    }
    p.truncate(j);
}

/// Cuts a trailing 由2002年 / 从去年的 / 由 (the start of a from–to phrase).
fn cut_from_year(p: &mut String) {
    for w in ["由", "从"] {
        if let Some(i) = p.rfind(w) {
            let rest = &p[i + w.len()..];
            let short = rest.chars().count() <= 8;
            if short
                && (rest.is_empty()
                    || rest.contains('年')
                    || rest.starts_with(|c: char| c.is_ascii_digit()))
            {
                p.truncate(i);
                return;
            }
        }
    }
}

/// Strips a leading year or year range: 2023年, 到2025年, １９７９到１９８３年, 2019—2023年度.
fn strip_year_prefix(t: &str) -> &str {
    let rest = t
        .strip_prefix('到')
        .or_else(|| t.strip_prefix('至'))
        .unwrap_or(t);
    let is_d = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let digits = rest.chars().take_while(|&c| is_d(c)).count();
    if digits != 4 {
        return t;
    }
    let mut r: &str = &rest[rest
        .char_indices()
        .nth(digits)
        .map_or(rest.len(), |(b, _)| b)..];
    // a range: 到/至/— and four more digits
    for sep in ["到", "至", "—", "-", "－"] {
        if let Some(x) = r.strip_prefix(sep) {
            let d2 = x.chars().take_while(|&c| is_d(c)).count();
            if d2 == 4 {
                r = &x[x.char_indices().nth(4).map_or(x.len(), |(b, _)| b)..];
            }
            break;
        }
    }
    for w in ["年度", "年的", "年", "底", "末"] {
        if let Some(x) = r.strip_prefix(w) {
            r = x;
        }
    }
    if r.len() == rest.len() - digits {
        return t;
    }
    r.trim_start_matches(['，', ',', '底', '末'])
}

/// A change or share with no subject of its own takes the measure of the token before it in
/// the same clause when joined by 和/、 (分别增长5%和6%).
fn inherit_measures(drafts: &mut [Draft]) {
    for k in 1..drafts.len() {
        if drafts[k].joined_to_prev
            && !drafts[k].measure_from_verb
            && drafts[k - 1].clause_start == drafts[k].clause_start
        {
            let (m, neg) = (drafts[k - 1].measure, drafts[k - 1].negative);
            if drafts[k].tok.unit == drafts[k - 1].tok.unit {
                drafts[k].measure = m;
                drafts[k].negative = neg;
                drafts[k].measure_from_verb = drafts[k - 1].measure_from_verb;
            }
        }
    }
}

fn inherit_subjects(ctx: &Ctx, drafts: &mut [Draft]) {
    for k in 0..drafts.len() {
        if !drafts[k].subject_empty {
            continue;
        }
        // previous fact of the same sentence
        let mut found = None;
        if k > 0
            && drafts[k - 1].group_start == drafts[k].group_start
            && !drafts[k - 1].subject.is_empty()
        {
            found = Some(drafts[k - 1].subject.clone());
        }
        // a change before its level: 增长7%，达到6.3亿元 is handled by the level inheriting; a
        // change first in its sentence takes the next fact's subject
        if found.is_none() {
            if let Some(next) = drafts.get(k + 1) {
                if next.group_start == drafts[k].group_start
                    && !next.subject_empty
                    && drafts[k].measure == Measure::Change
                {
                    found = Some(next.subject.clone());
                }
            }
        }
        if found.is_none() {
            // the previous clause of the sentence (着力推进电梯加装，新增45台)
            let cs = drafts[k].clause_start;
            if cs > drafts[k].group_start {
                let prev_cs = ctx.clause_start(cs - 1);
                let raw = s(ctx.chars, prev_cs, cs - 1);
                let (subj, _) = strip_subject(raw.trim(), ctx.glossary);
                if !subj.is_empty() && subj.chars().count() <= 20 {
                    found = Some(subj);
                }
            }
        }
        if let Some(f) = found {
            drafts[k].subject = f;
        }
    }
}

/// relates_to: a change or share → the level fact of the same sentence with the same subject.
fn relate(drafts: &[Draft]) -> Vec<Option<usize>> {
    let mut out = vec![None; drafts.len()];
    for (k, d) in drafts.iter().enumerate() {
        if !matches!(d.measure, Measure::Change | Measure::Share) || d.subject.is_empty() {
            continue;
        }
        let same = |j: usize| {
            let o = &drafts[j];
            o.group_start == d.group_start
                && (o.measure == Measure::Level
                    || (d.measure == Measure::Change
                        && o.measure != Measure::Change
                        && o.tok.unit != d.tok.unit))
                && o.subject == d.subject
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

/// Where the plan part starts: the first plan heading, or the first sentence naming this
/// year's 预期目标 / 主要目标, whichever is earlier; the body end when there is none.
fn find_plan_start(
    chars: &[char],
    structure: &Structure,
    report_year: i32,
    body_start: usize,
    body_end: usize,
) -> usize {
    let mut best = body_end;
    let year = report_year.to_string();
    let is_review = |t: &str| {
        [
            "回顾",
            "总结",
            "过去",
            "成绩",
            "一年来",
            "五年来",
            "工作报告",
        ]
        .iter()
        .any(|w| t.contains(w))
    };
    let is_plan = |t: &str| {
        let t: String = t
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                _ => c,
            })
            .collect();
        let t = t.as_str();
        !is_review(t)
            && ([
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
            ]
            .iter()
            .any(|w| t.contains(w))
                || t.contains(&format!("{year}年")))
    };
    let parts: Vec<_> = structure.sections.iter().filter(|s| s.level == 1).collect();
    if !parts.is_empty() {
        if let Some(p) = parts.iter().find(|p| is_plan(&p.title)) {
            best = best.min(p.start as usize);
        }
    } else {
        // no structure: lines that look like part headings (二、2024年工作安排)
        let mut line_start = body_start;
        let mut k = body_start;
        while k <= body_end.min(chars.len()) {
            if k == chars.len() || chars[k] == '\n' {
                let line: String = chars[line_start..k].iter().collect();
                let t = line.trim();
                let len = t.chars().count();
                if len > 2 && len <= 50 && !t.contains('。') {
                    let mut it = t.chars();
                    let first = it.next().unwrap_or(' ');
                    let marker = "一二三四五六七八九十".contains(first)
                        && t.chars().take(4).any(|c| c == '、');
                    if marker && is_plan(t) {
                        best = best.min(line_start);
                        break;
                    }
                }
                line_start = k + 1;
            }
            k += 1;
        }
    }
    // a sentence naming this year's targets
    let text: String = chars[body_start.min(chars.len())..body_end.min(chars.len())]
        .iter()
        .collect();
    for key in ["预期目标", "主要目标"] {
        let mut from = 0;
        while let Some(p) = text[from..].find(key) {
            let abs = from + p;
            // the sentence start
            let sent_start = text[..abs].rfind(['。', '\n', '；']).map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, |c| c.len_utf8())
            });
            let sentence = &text[sent_start..abs];
            if (sentence.contains("今年") || sentence.contains(&year))
                && !sentence.contains("完成")
                && !sentence.contains("实现")
            {
                let cp = body_start + text[..sent_start].chars().count();
                best = best.min(cp);
                break;
            }
            from = abs + key.len();
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_verbs() {
        assert_eq!(change_verb("同比增加"), (true, false));
        assert_eq!(change_verb("能耗降低"), (true, true));
        assert_eq!(change_verb("提高到"), (false, false));
        assert_eq!(change_verb("比上年增"), (true, false));
        assert_eq!(change_verb("区级财政收入"), (false, false));
    }

    #[test]
    fn subjects() {
        let g = Glossary::builtin();
        assert_eq!(strip_subject("全年完成区级财政收入", g).0, "区级财政收入");
        assert_eq!(
            strip_subject("全社会固定资产投资完成", g).0,
            "全社会固定资产投资"
        );
        assert_eq!(strip_subject("同比增加", g).0, "");
        assert_eq!(strip_subject("开展环保约谈", g).0, "环保约谈");
        assert_eq!(
            strip_subject("全年开展综合文艺演出等各类文化活动", g).0,
            "各类文化活动"
        );
        assert_eq!(
            strip_subject("新能源汽车产销量占全球比重", g),
            ("新能源汽车产销量".to_string(), true)
        );
        assert_eq!(strip_subject("比上年年初预算增加", g).0, "");
        assert_eq!(
            strip_subject("城镇登记失业人员控制在", g).0,
            "城镇登记失业人员"
        );
    }
}
