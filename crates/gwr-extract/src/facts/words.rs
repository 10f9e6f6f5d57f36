//! Word lists of the subject, measure and status rules, and matching words against char ranges (all on the normalised text).

use std::sync::OnceLock;

use super::*;

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

pub(super) const INCREASE: &[&str] = &[
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
pub(super) const DECREASE: &[&str] = &[
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
pub(super) const TRAIL: &[&str] = &[
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
pub(super) const LEAD: &[&str] = &[
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
pub(super) const VERBS: &[&str] = &[
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
pub(super) fn bare_verbs() -> &'static crate::text::FastSet<Vec<char>> {
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
pub(super) const NEW_VERBS: &[&str] = &[
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
pub(super) const PAIRED_SCOPES: &[&str] = &["城镇", "农村", "城市", "乡村", "城乡", "城区", "郊区"];

/// Attribute nouns that name what is measured only together with the thing before them
/// (改造面积, 河道整治3条、长度4.6公里): a verb before them stays, and alone they are no subject.
pub(super) const ATTRIBUTES: &[&str] = &[
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
pub(super) const VERB_ONLY: &[&str] = &[
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
pub(super) const POST_STOP: &[&str] = &[
    "建设", "工作", "提供", "宣传", "办复", "成效", "顺利", "正在", "的", "支持", "用于", "实现",
    "进行", "开展", "完成", "得到", "获得", "清退", "腾退", "享受", "纳入", "通过", "达到", "饮水",
    "脱贫", "入住", "搬迁", "落户", "签约", "落地", "开工", "竣工", "投产", "实施", "已", "实行",
    "接受", "获评", "评为", "列入", "成为", "达标", "提前", "、", "建成", "发放", "全部", "受益",
    "平均",
];

/// Verbs inside a phrase whose object is what is counted (12345热线受理群众诉求 → 群众诉求,
/// 社区食堂累计提供助餐服务 → 助餐服务); a glossary name with the verb keeps it (城镇新增就业).
pub(super) const MID_VERBS: &[&str] = &[
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
pub(super) const NAMING_VERBS: &[&str] = &["加装"];

/// Administrative scope words before an indicator (全市地区生产总值 → 地区生产总值).
pub(super) const SCOPE: &[&str] = &[
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
