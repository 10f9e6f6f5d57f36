//! The subject of a fact: the shortest phrase before (or after) a number naming what is measured.

use super::*;

impl Ctx<'_> {
    /// A phrase that names nothing: a verb alone, a per-head qualifier, a function character.
    pub(super) fn not_a_subject(&self, (a, b): Span) -> bool {
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
    pub(super) fn subject_span(&self, a: usize, b: usize) -> (Span, bool) {
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
    pub(super) fn mid_object(&self, a: usize, b: usize) -> Option<usize> {
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
    pub(super) fn post_subject(&self, end: usize, frequency: bool) -> Span {
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
}

/// Trims spaces and dashes.
pub(super) fn trim_marks(t: &[char], a: usize, b: usize) -> Span {
    let (mut a, b) = trim(t, a, b);
    while a < b && matches!(t[a], '—' | '-' | '·') {
        a += 1;
    }
    trim(t, a, b)
}

/// Whether the single character at `a` begins a word there (有效, 有关, 新能源, 先进).
pub(super) fn lead_char_is_word(t: &[char], a: usize, b: usize) -> bool {
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
pub(super) fn modal_at(t: &[char], a: usize, b: usize) -> Option<usize> {
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

/// Cuts a trailing comparison: 比上年, 同比, 比2020年, 比上年年初预算, 较上年 (not 比重, 评比,
/// 之比); and an adverbial 扣除价格因素.
pub(super) fn cut_comparison(t: &[char], a: usize, b: usize) -> Option<usize> {
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
pub(super) fn cut_base_year(t: &[char], a: usize, b: usize) -> Option<usize> {
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
pub(super) fn cut_from(t: &[char], a: usize, b: usize) -> Option<usize> {
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
pub(super) fn cut_trailing_time(t: &[char], a: usize, b: usize) -> Option<usize> {
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
pub(super) fn cut_fulfilment(t: &[char], a: usize, b: usize) -> Option<usize> {
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
pub(super) fn strip_year_prefix(t: &[char], a: usize, b: usize) -> usize {
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
pub(super) fn is_year_digit(c: char) -> bool {
    is_digit(c) || "〇○零一二三四五六七八九".contains(c)
}
