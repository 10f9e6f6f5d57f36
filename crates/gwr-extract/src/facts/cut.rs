//! Cuts at the ends of a subject phrase: comparisons, bases of multiples, from–to phrases,
//! trailing years and time words, plan fulfilment, leading years.

use super::*;

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
