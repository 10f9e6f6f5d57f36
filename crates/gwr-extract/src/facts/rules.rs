//! The subject rules: [`SUBJECT_RULES`], in the order they run on the phrase before a number.
//!
//! Each rule is one small named function with a doc line and examples (phrase → subject with
//! every rule on). A rule is one of three kinds:
//! - [`Step::Once`] runs once, in its place in the list, and may change both ends;
//! - [`Step::End`] cuts words off the end of the phrase; a run of consecutive `End` rules is
//!   one loop: after any of them cuts, the first is tried again, until none cuts (or the
//!   phrase is a glossary name that no change word can be taken from);
//! - [`Step::Start`] cuts words off the start, looping the same way.
//!
//! [`with_subject_rules_off`] runs a closure with some rules turned off (on this thread), so a
//! test can measure what each rule contributes (`tests/subject_rules.rs`).

use std::cell::Cell;

use super::*;

/// A subject rule: its name, what it does, examples and the function.
pub struct SubjectRule {
    /// Unique, snake_case.
    pub name: &'static str,
    /// One line: what the rule cuts or keeps.
    pub doc: &'static str,
    /// `(phrase before the number, subject)` with every rule on.
    pub examples: &'static [(&'static str, &'static str)],
    pub(super) step: Step,
}

/// What a rule is and how it runs (see the module doc).
pub(super) enum Step {
    Once(fn(&Ctx, &mut Phrase)),
    End(fn(&Ctx, usize, usize) -> Option<usize>),
    Start(fn(&Ctx, usize, usize) -> Option<usize>),
}

/// The phrase being cleaned: `norm[a..b]`, and whether it was cut at 占 (a share).
pub(super) struct Phrase {
    pub(super) a: usize,
    pub(super) b: usize,
    pub(super) share_cut: bool,
}

thread_local! {
    static OFF: Cell<u64> = const { Cell::new(0) };
}

/// The rules turned off on this thread, one bit per index of [`SUBJECT_RULES`].
pub(super) fn rules_off() -> u64 {
    OFF.with(Cell::get)
}

/// Runs `f` with the named subject rules turned off on this thread (an unknown name panics:
/// it is a test's typo). For measuring rules; extraction never turns one off.
pub fn with_subject_rules_off<R>(names: &[&str], f: impl FnOnce() -> R) -> R {
    let mut mask = 0u64;
    for n in names {
        let i = SUBJECT_RULES
            .iter()
            .position(|r| r.name == *n)
            .unwrap_or_else(|| panic!("no subject rule named {n}"));
        mask |= 1 << i;
    }
    let old = OFF.with(|c| c.replace(mask));
    let out = f();
    OFF.with(|c| c.set(old));
    out
}

/// The subject of a phrase alone (the text before a number, no number token around it), with
/// the built-in glossary and every rule that is on: what the rule examples are checked with.
pub fn subject_of_phrase(phrase: &str) -> String {
    let t: Vec<char> = phrase.chars().map(norm_char).collect();
    let ctx = Ctx {
        token_ends: &[],
        norm: &t,
        report_year: Some(2024),
        plan_start: usize::MAX,
        statistical: false,
        years: &[],
        glossary: Glossary::builtin(),
        rules_off: rules_off(),
    };
    let (sp, _) = ctx.subject_span(0, t.len());
    string(&t, sp)
}

impl Ctx<'_> {
    /// Cleans the phrase `norm[a..b]` before a number into the subject by running
    /// [`SUBJECT_RULES`] in order; also says whether it was cut at 占.
    pub(super) fn subject_span(&self, a: usize, b: usize) -> (Span, bool) {
        let (a, b) = trim_marks(self.norm, a, b);
        let mut p = Phrase {
            a,
            b,
            share_cut: false,
        };
        let rules = SUBJECT_RULES;
        let mut i = 0;
        while i < rules.len() {
            match rules[i].step {
                Step::Once(f) => {
                    if self.rules_off & (1 << i) == 0 {
                        f(self, &mut p);
                    }
                    i += 1;
                }
                Step::End(_) => {
                    let run = i..(i..rules.len())
                        .find(|&k| !matches!(rules[k].step, Step::End(_)))
                        .unwrap_or(rules.len());
                    self.cut_end(&mut p, run.clone());
                    i = run.end;
                }
                Step::Start(_) => {
                    let run = i..(i..rules.len())
                        .find(|&k| !matches!(rules[k].step, Step::Start(_)))
                        .unwrap_or(rules.len());
                    self.cut_start(&mut p, run.clone());
                    i = run.end;
                }
            }
        }
        ((p.a, p.b), p.share_cut)
    }

    /// The loop of a run of `End` rules.
    fn cut_end(&self, p: &mut Phrase, run: std::ops::Range<usize>) {
        'outer: loop {
            (p.a, p.b) = trim(self.norm, p.a, p.b);
            if self.is_var((p.a, p.b)) && !self.is_var_suffix_strip(p.a, p.b) {
                break;
            }
            for k in run.clone() {
                if self.rules_off & (1 << k) != 0 {
                    continue;
                }
                if let Step::End(f) = SUBJECT_RULES[k].step {
                    if let Some(nb) = f(self, p.a, p.b) {
                        p.b = nb;
                        continue 'outer;
                    }
                }
            }
            break;
        }
    }

    /// The loop of a run of `Start` rules.
    fn cut_start(&self, p: &mut Phrase, run: std::ops::Range<usize>) {
        'outer: loop {
            (p.a, p.b) = trim(self.norm, p.a, p.b);
            for k in run.clone() {
                if self.rules_off & (1 << k) != 0 {
                    continue;
                }
                if let Step::Start(f) = SUBJECT_RULES[k].step {
                    if let Some(na) = f(self, p.a, p.b) {
                        p.a = na;
                        continue 'outer;
                    }
                }
            }
            break;
        }
    }
}

macro_rules! rule {
    ($name:ident, $kind:ident, $doc:literal, [$(($x:literal, $y:literal)),* $(,)?]) => {
        SubjectRule {
            name: stringify!($name),
            doc: $doc,
            examples: &[$(($x, $y)),*],
            step: Step::$kind($name),
        }
    };
}

/// Every subject rule, in the order they run.
pub static SUBJECT_RULES: &[SubjectRule] = &[
    rule!(list_after_deng, Once,
        "after the last 等 of a list (…等各类文化活动), not the 等 of 中等/高等/同等",
        [("全年开展综合文艺演出等各类文化活动", "各类文化活动")]),
    rule!(quoted_group_name, Once,
        "a list of items, then the quoted name of the group: the name",
        [("电动汽车、锂电池、光伏产品“新三样”出口", "“新三样”出口")]),
    rule!(modal_ends, Once,
        "a modal verb (要, 将, 拟, 力争, 确保) ends the subject, unless only time words stand before it",
        [("集团购买力要按上年实际数额核减", "集团购买力"), ("今年拟安排财政赤字", "财政赤字")]),
    rule!(trailing_words, End,
        "fillers, verbs and frames at the end (完成, 达到, 控制在, 分别, 每人每月…; not the 约 of 签约)",
        [("城镇登记失业人员控制在", "城镇登记失业人员"), ("全社会固定资产投资完成", "全社会固定资产投资")]),
    rule!(trailing_zai, End,
        "a trailing 在 (增长速度在…), not 现在, 所在, 存在",
        [("增长速度在", "增长速度")]),
    rule!(trailing_change_verb, End,
        "a change verb of two or more characters at the end (增长, 下降幅度)",
        [("全市地区生产总值增长", "地区生产总值")]),
    rule!(base_of_multiple, End,
        "the base of a multiple at the end: 等于1949年的, 为1997年的, 相当于上年的",
        [("钢产量等于1949年的", "钢产量")]),
    rule!(trailing_time, End,
        "a trailing year or time word: …增加到2007年, …去年的, …今年",
        [("粮食产量2007年", "粮食产量")]),
    rule!(comparison, End,
        "a trailing comparison (比上年, 同比, 较上年, 高于城镇居民) or 扣除价格因素",
        [("比上年年初预算增加", ""), ("农民人均纯收入扣除价格因素", "农民人均纯收入")]),
    rule!(from_phrase, End,
        "the start of a from–to phrase at the end: 由2002年, 从去年的, 由",
        [("城镇居民人均可支配收入由", "城镇居民人均可支配收入")]),
    rule!(fulfilment, End,
        "plan or budget fulfilment at the end: 完成了原定计划的, 为年度预算的",
        [("财政收入为年度预算的", "财政收入")]),
    rule!(participle_clause, Once,
        "a participle clause before 的 (计划内签约成交的技术引进项目 → 技术引进项目)",
        [("计划内签约成交的技术引进项目", "技术引进项目")]),
    rule!(glossary_after_change_verb, Once,
        "damaged text: a glossary name after a change verb (两位数增长全社会固定资产投资)",
        [("两位数增长全社会固定资产投资", "全社会固定资产投资")]),
    rule!(predicate_ends, Once,
        "a clause without its number ends before its predicate (实现了, 取得了, 创下…)",
        [("粮食总产量实现了历史罕见的“八连增”", "粮食总产量")]),
    rule!(works_not_building, Once,
        "…工程建设 / …项目建设 → the works, not the building of them",
        [("保障性安居工程建设", "保障性安居工程")]),
    rule!(target_of_indicator, Once,
        "X的…目标 → X (经济增长速度的宏观调控目标 → 经济增长速度)",
        [("经济增长速度的宏观调控目标", "经济增长速度")]),
    rule!(share_bound, Once,
        "a bound verb shortly before a share: 超过/接近/达到全球… → what stands before it",
        [("出口超过全国", "出口")]),
    rule!(share_zhan, Once,
        "a share is cut at 占 (占全球比重, 占比; not 占有, 占地)",
        [("新能源汽车产销量占全球比重", "新能源汽车产销量")]),
    rule!(topic_word, Once,
        "a service channel (热线) or 全年 inside the phrase is the topic, not the thing measured",
        [("12345市民服务热线工单", "工单"), ("受理服务中心全年办件", "办件")]),
    rule!(verb_object, Once,
        "the object of the last verb inside the phrase is what is counted (加装电梯 keeps its verb)",
        [("12345热线受理群众诉求", "群众诉求"), ("困难家庭发放救助金", "救助金")]),
    rule!(year_prefix, Start,
        "a leading year or year range: 2023年, 到2025年, 2019—2023年度",
        [("2023年粮食产量", "粮食产量")]),
    rule!(scope_prefix, Start,
        "a leading administrative scope (全国, 全市, 本市…; not 全国人大, 全国人民)",
        [("全市地区生产总值增长", "地区生产总值")]),
    rule!(lead_words, Start,
        "leading time words, connectives, adverbs and modal words (全年, 其中, 累计, 力争…)",
        [("全年完成区级财政收入", "区级财政收入")]),
    rule!(in_form, Start,
        "以各种形式/方式 before the rest",
        [("以各种形式实际使用的国外资金", "实际使用的国外资金")]),
    rule!(streak, Start,
        "a streak before the indicator: 连续三年, 连续5年",
        [("连续三年粮食产量", "粮食产量")]),
    rule!(plan_period, Start,
        "a quoted plan period: “十五”期间, “八五”时期",
        [("“十五”期间财政收入", "财政收入")]),
    rule!(plan_verb, Start,
        "计划 before a verb of action (计划完成…)",
        [("计划完成改造老旧小区", "老旧小区")]),
    rule!(action_verb, Start,
        "a verb of action or creation at the start, unless the phrase with it is a glossary name and the rest is not",
        [("新增高新技术企业", "高新技术企业"), ("新增就业", "新增就业"), ("制定修订行政法规", "行政法规")]),
    rule!(demonstrative, Start,
        "a demonstrative with its noun: 这些农场的耕地面积 → 耕地面积",
        [("这些农场的耕地面积", "耕地面积")]),
    rule!(leading_change_verb, Start,
        "a change verb left at the start of damaged text (增长全社会固定资产投资)",
        [("增长农村公路通车里程", "农村公路通车里程")]),
    rule!(edge_particles, Once,
        "dashes, 的, 和, 及 and list punctuation at the edges",
        [("和农村居民", "农村居民")]),
    rule!(whole_quoted_name, Once,
        "a quoted name that is the whole subject, or an opening quote whose closing one was lost, loses its quotes",
        [("“口袋公园”", "口袋公园")]),
    rule!(rate_of_items, Once,
        "a rate of items: the rate after 事项 (政务服务事项网上可办率 → 网上可办率)",
        [("政务服务事项网上可办率", "网上可办率")]),
    rule!(paired_scopes, Once,
        "urban and rural modifiers before a shared head: the head (城镇、农村居民人均可支配收入)",
        [("城镇、农村居民人均可支配收入", "居民人均可支配收入")]),
];

fn list_after_deng(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    let (a, b) = (p.a, p.b);
    if let Some(i) = (a..b).rev().find(|&i| t[i] == '等') {
        let prev = if i > a { t[i - 1] } else { '\0' };
        let next = t.get(i + 1).copied().unwrap_or('\0');
        if i + 1 < b
            && !"中高初同平均对相上下优次头二三一特超".contains(prev)
            && !matches!(next, '于' | '级' | '同' | '次')
        {
            p.a = i + 1;
        }
    }
}

fn quoted_group_name(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    if let Some(q) = (p.a..p.b).find(|&i| t[i] == '“') {
        if q > p.a && (p.a..q).any(|i| t[i] == '、') {
            p.a = q;
        }
    }
}

fn modal_ends(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    if let Some(i) = modal_at(t, p.a, p.b) {
        let mut x = p.a;
        while let Some(l) = lx().lead.longest_prefix(t, x, i) {
            x += l;
        }
        x = strip_year_prefix(t, x, i);
        if x < i {
            p.b = i;
        } else {
            p.a = i + if matches!(t[i], '力' | '确') { 2 } else { 1 };
        }
    }
}

fn trailing_words(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let t = c.norm;
    let l = lx().trail.longest_suffix(t, a, b)?;
    // 约 of 签约, 节约, 制约 ends a word, not an approximation
    let word_yue =
        l == 1 && t[b - 1] == '约' && b >= a + 2 && "签合预节制公条婚违履契集".contains(t[b - 2]);
    (!word_yue).then_some(b - l)
}

fn trailing_zai(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let t = c.norm;
    (b >= a + 3 && t[b - 1] == '在' && !"现所存正实好".contains(t[b - 2])).then(|| b - 1)
}

fn trailing_change_verb(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let t = c.norm;
    role(Role::Decrease)
        .iter()
        .chain(role(Role::Increase))
        .filter_map(|v| ew_len(t, a, b, v).filter(|&l| l > 1))
        .max()
        .map(|l| b - l)
}

fn base_of_multiple(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    cut_base_year(c.norm, a, b)
}

fn trailing_time(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    cut_trailing_time(c.norm, a, b)
}

fn comparison(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    cut_comparison(c.norm, a, b)
}

fn from_phrase(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    cut_from(c.norm, a, b)
}

fn fulfilment(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    cut_fulfilment(c.norm, a, b)
}

fn participle_clause(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    let (a, b) = (p.a, p.b);
    if let Some(i) = (a + 2..b.saturating_sub(3)).rev().find(|&i| t[i] == '的') {
        let participle = [
            "成交", "施工", "在建", "开工", "竣工", "投产", "建成", "完工", "签约", "落地",
        ]
        .iter()
        .any(|w| ew(t, a, i, w, 2));
        if participle && !c.is_var((a, b)) {
            p.a = i + 1;
        }
    }
}

fn glossary_after_change_verb(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    let (a, b) = (p.a, p.b);
    if !c.is_var((a, b)) {
        for v in ["增长", "下降", "增加", "减少"] {
            if let Some(i) = rfind(t, a, b, v) {
                if b >= i + 2 + 4 && c.is_var((i + 2, b)) {
                    p.a = i + 2;
                    break;
                }
            }
        }
    }
}

fn predicate_ends(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    for w in ["实现了", "取得了", "保持了", "创造了", "创下"] {
        if let Some(i) = find(t, p.a, p.b, w) {
            if i >= p.a + 2 && p.b > i + clen(w) {
                p.b = i;
            }
        }
    }
}

fn works_not_building(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    let (a, b) = (p.a, p.b);
    if ew(t, a, b, "建设", 2) && b >= a + 6 {
        let r = b - 2;
        if ew(t, a, r, "工程", 2) || ew(t, a, r, "项目", 2) {
            p.b = r;
        }
    }
}

fn target_of_indicator(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    let (a, b) = (p.a, p.b);
    if ew(t, a, b, "目标", 2) {
        if let Some(i) = (a..b - 2).rev().find(|&i| t[i] == '的') {
            if i >= a + 2 && b <= i + 10 {
                p.b = i;
            }
        }
    }
}

fn share_bound(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    for w in ["超过", "接近", "达到"] {
        if let Some(i) = rfind(t, p.a, p.b, w) {
            if i > p.a && p.b <= i + 2 + 6 && p.b > i + 2 {
                p.b = i;
            }
        }
    }
}

fn share_zhan(c: &Ctx, p: &mut Phrase) {
    if let Some(i) = share_word_at(c.norm, p.a, p.b) {
        p.b = i.max(p.a);
        p.share_cut = true;
    }
}

fn topic_word(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    if !c.is_var((p.a, p.b)) {
        for w in ["热线", "全年"] {
            if let Some(i) = rfind(t, p.a, p.b, w) {
                if i > p.a && p.b >= i + 2 + 2 && !c.not_a_subject((i + 2, p.b)) {
                    p.a = i + 2;
                }
            }
        }
    }
}

fn verb_object(c: &Ctx, p: &mut Phrase) {
    if !c.is_var((p.a, p.b)) {
        if let Some(na) = c.mid_object(p.a, p.b) {
            p.a = na;
        }
    }
}

fn year_prefix(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let na = strip_year_prefix(c.norm, a, b);
    (na != a).then_some(na)
}

fn scope_prefix(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let t = c.norm;
    let l = lx().scope.longest_prefix(t, a, b).filter(|&l| {
        !["人大", "人民", "政协", "总工会", "妇联", "工商联", "范围"]
            .iter()
            .any(|w| sw(t, a + l, b, w))
    })?;
    let mut r = a + l;
    if c.at(r) == '的' {
        r += 1;
    }
    (b >= r + 4 || (b > r + 1 && c.is_var((r, b)))).then_some(r)
}

fn lead_words(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let t = c.norm;
    let l = lx().lead.longest_prefix(t, a, b)?;
    // a single-character word only before a word it cannot begin (有效, 新能源)
    // 基本建设 is a term, not 基本 + 建设
    let keep =
        (l == 1 && lead_char_is_word(t, a, b)) || (sw(t, a, b, "基本") && sw(t, a + 2, b, "建设"));
    (!keep).then_some(a + l)
}

fn in_form(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let t = c.norm;
    if t[a] != '以' {
        return None;
    }
    let i = (a + 1..b.min(a + 8)).find(|&i| sw(t, i, b, "形式") || sw(t, i, b, "方式"))?;
    (b >= i + 2 + 3).then_some(i + 2)
}

fn streak(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let t = c.norm;
    if !sw(t, a, b, "连续") {
        return None;
    }
    let k = (a + 2..b)
        .take_while(|&i| is_digit(t[i]) || "一二三四五六七八九十两".contains(t[i]))
        .count();
    (k > 0 && c.at(a + 2 + k) == '年' && b > a + 3 + k + 1).then_some(a + 3 + k)
}

fn plan_period(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let t = c.norm;
    if t[a] != '“' {
        return None;
    }
    let q = (a + 1..b.min(a + 8)).find(|&i| t[i] == '”')?;
    let l = ["期间", "时期"]
        .iter()
        .find_map(|w| sw_len(t, q + 1, b, w))?;
    (b > q + 1 + l + 1).then_some(q + 1 + l)
}

fn plan_verb(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let t = c.norm;
    (sw(t, a, b, "计划") && lx().verbs.longest_prefix(t, a + 2, b).is_some()).then_some(a + 2)
}

fn action_verb(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let t = c.norm;
    let l = lx().verbs_and_new.longest_prefix(t, a, b)?;
    let rest = (a + l, b);
    // 调解成功率, 办结率: a short rate keeps its verb
    let rest_ok = b >= a + l + 2
        && !(ew(t, a + l, b, "率", 1) && b <= a + l + 3)
        && !role(Role::Attribute).iter().any(|w| eq(t, a + l, b, w))
        // 保障性安居工程: a verb before 性 is an adjective; 建成区 is a noun
        && c.at(a + l) != '性'
        && !sw(t, a, b, "建成区");
    (rest_ok && (c.is_var(rest) || !c.is_var((a, b)))).then_some(a + l)
}

fn demonstrative(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let t = c.norm;
    if !(sw(t, a, b, "这些") || sw(t, a, b, "这个") || sw(t, a, b, "该") || sw(t, a, b, "其"))
    {
        return None;
    }
    let i = (a..b.min(a + 8)).find(|&i| t[i] == '的')?;
    (b > i + 2).then_some(i + 1)
}

fn leading_change_verb(c: &Ctx, a: usize, b: usize) -> Option<usize> {
    let t = c.norm;
    let l = longest_prefix(t, a, b, &["增长", "下降", "增加", "减少"])?;
    (b >= a + l + 4 && !matches!(c.at(a + l), '值' | '率' | '幅' | '速' | '量')).then_some(a + l)
}

fn edge_particles(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    let (mut a, mut b) = trim_marks(t, p.a, p.b);
    while a < b && matches!(t[a], '的' | '和' | '及' | ',' | '、' | ':') {
        a += 1;
    }
    while b > a && matches!(t[b - 1], '和' | '及' | ',' | '、' | ':') {
        b -= 1;
    }
    (p.a, p.b) = (a, b);
}

fn whole_quoted_name(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    if p.b > p.a + 2 && matches!(t[p.a], '“' | '「' | '『') {
        let close = (p.a + 1..p.b).find(|&i| matches!(t[i], '”' | '」' | '』'));
        match close {
            Some(q) if q + 1 == p.b => {
                p.a += 1;
                p.b -= 1;
            }
            None => p.a += 1,
            _ => {}
        }
    }
}

fn rate_of_items(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    if p.b > p.a && t[p.b - 1] == '率' && !c.is_var((p.a, p.b)) {
        if let Some(i) = rfind(t, p.a, p.b, "事项") {
            if p.b >= i + 2 + 3 {
                p.a = i + 2;
            }
        }
    }
}

fn paired_scopes(c: &Ctx, p: &mut Phrase) {
    let t = c.norm;
    let (a, b) = (p.a, p.b);
    let Some(l1) = lx().paired.longest_prefix(t, a, b) else {
        return;
    };
    let sep = a + l1;
    if b > sep && matches!(t[sep], '、' | '和' | '与' | '及') {
        if let Some(l2) = lx().paired.longest_prefix(t, sep + 1, b) {
            let head = (sep + 1 + l2, b);
            if head.1 >= head.0 + 4
                && !(head.0..head.1).any(|i| matches!(t[i], '、' | '和' | '与' | '及'))
                && !c.not_a_subject(head)
            {
                p.a = head.0;
            }
        }
    }
}
