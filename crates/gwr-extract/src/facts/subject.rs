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

    /// Where the object of the last verb inside `norm[a..b]` starts (the verb itself when the
    /// verb names the activity, 加装电梯, or when verb and object are a glossary name).
    pub(super) fn mid_object(&self, a: usize, b: usize) -> Option<usize> {
        let t = self.norm;
        let mut best: Option<usize> = None;
        let mut i = b.saturating_sub(2);
        while i > a {
            i -= 1;
            if let Some(l) = lx().naming.longest_prefix(t, i, b) {
                if b >= i + l + 2 {
                    return Some(i);
                }
            }
            let Some(l) = lx().mid.longest_prefix(t, i, b) else {
                continue;
            };
            let r = i + l;
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
            for w in role(Role::PostStop) {
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
        let verbish = role(Role::Decrease)
            .iter()
            .chain(role(Role::Increase))
            .any(|v| sw_len(t, a, b, v).is_some_and(|l| l > 1))
            || matches!(t[a], '比' | '到' | '为' | '减' | '增' | '降' | '提' | '至');
        // a subject starts with a noun, not with a qualifier word, a number or (except after
        // a frequency: 两次降低存款准备金率) a verb
        let bad_start = is_digit(t[a])
            || matches!(
                t[a],
                '以' | '左' | '上' | '多' | '余' | '的' | '和' | '与' | '及' | '或' | '只'
            )
            || (!frequency && lx().verbs.longest_prefix(t, a, b).is_some());
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
