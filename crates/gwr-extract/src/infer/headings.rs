//! Headings and statements: the year a report reviews and plans.

use super::*;

// Headings and statements

/// Words of a heading that reviews the year it names.
pub(super) const REVIEW_WORDS: &[&str] = &[
    "回顾",
    "总结",
    "成就",
    "成绩",
    "胜利",
    "决算",
    "执行情况",
    "执行结果",
];
/// Words of a heading that plans the year it names.
pub(super) const PLAN_WORDS: &[&str] = &[
    "安排", "任务", "目标", "要求", "计划", "预算", "部署", "取向", "方针",
];

/// The lines of `s` that start with a part or section marker (一、 （一） (一)), without it:
/// (start of the title, end of the line).
pub(super) fn marked_headings(s: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut ls = 0;
    while ls < s.len() {
        let le = (ls..s.len())
            .find(|&k| s.get(k) == Some(&'\n'))
            .unwrap_or(s.len());
        let mut i = ls;
        while s
            .get(i)
            .is_some_and(|c| c.is_whitespace() || is_invisible(*c))
            && i < le
        {
            i += 1;
        }
        let open = s.get(i).is_some_and(|&c| c == '（' || c == '(');
        let j = i + usize::from(open);
        if let Some((_, l)) =
            small_number(s, j).filter(|_| !s.get(j).is_some_and(char::is_ascii_digit))
        {
            let k = j + l;
            let closed = if open {
                s.get(k).is_some_and(|&c| c == '）' || c == ')')
            } else {
                s.get(k) == Some(&'、')
            };
            // a heading is short; a numbered list item runs on as a sentence
            if closed && le.saturating_sub(k) <= 60 {
                out.push((k + 1, le));
            }
        }
        ls = le + 1;
    }
    out
}

/// The year the headings give: the earliest plan year, else the year after the first review.
pub(super) fn heading_year(s: &[char]) -> Option<i32> {
    let mut plan: Option<i32> = None;
    let mut review = None;
    for (from, to) in marked_headings(s) {
        let line = s.get(from..to).unwrap_or(&[]);
        let years = years_in(line);
        // each year with the words up to the next year: 一、1996年的政府工作和1997年的奋斗目标
        // reviews 1996 and plans 1997; 一、…全面完成2003年各项预期目标 reviews 2003
        for (k, &(start, end, y)) in years.iter().enumerate() {
            if is_vision_year(line, end) {
                continue;
            }
            let next = years.get(k + 1).map_or(line.len(), |n| n.0);
            // 2024、2025年计划: a list of years shares the words after it
            let listed = line.get(end..next).is_some_and(|g| {
                g.len() <= 2
                    && g.iter()
                        .all(|c| matches!(c, '、' | '和' | '至' | '—' | '-' | '年'))
            });
            let next = if listed { line.len() } else { next };
            let rest = line.get(end..next).unwrap_or(&[]);
            let before = if k == 0 {
                line.get(..start).unwrap_or(&[])
            } else {
                &[]
            };
            // 一、…全面完成2003年各项预期目标 (the first part: done) and 三、…努力完成2006年
            // 各项任务 (a later part: to do)
            let first_part = from >= 2 && s.get(from - 2..from) == Some(&['一', '、'][..]);
            let done = contains(before, "取得") || (contains(before, "完成") && first_part);
            if done || REVIEW_WORDS.iter().any(|w| contains(rest, w)) {
                review.get_or_insert(y + 1);
            } else if PLAN_WORDS.iter().any(|w| contains(rest, w)) {
                plan = Some(plan.map_or(y, |p| p.min(y)));
            } else if k == 0 && years.len() > 1 && !listed {
                // 一、1996年的政府工作和…: the first of two years, a review
                review.get_or_insert(y + 1);
            }
        }
    }
    plan.or(review)
}

/// A heading line without a marker that opens with a year (2006年工作回顾, 2007年工作安排): a
/// review the year after, a plan that year. Short lines without sentence punctuation only.
pub(super) fn unmarked_heading_year(s: &[char]) -> Option<i32> {
    for line in s.split(|&c| c == '\n') {
        let a = line
            .iter()
            .position(|c| !c.is_whitespace())
            .unwrap_or(line.len());
        let b = line
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(a, |k| k + 1);
        let t = line.get(a..b).unwrap_or(&[]);
        if t.is_empty() || t.len() > 20 || t.iter().any(|&c| is_prose_punct(c)) {
            continue;
        }
        let Some((y, end)) = year_at(t, 0) else {
            continue;
        };
        let rest = t.get(end..).unwrap_or(&[]);
        if REVIEW_WORDS.iter().any(|w| contains(rest, w)) {
            return Some(y + 1);
        }
        if PLAN_WORDS.iter().any(|w| contains(rest, w)) {
            return Some(y);
        }
    }
    None
}

/// 刚刚过去的1984年, 过去的一年 is not enough: the year after the year named.
pub(super) fn just_past_year(s: &[char]) -> Option<i32> {
    years_in(s).into_iter().find_map(|(start, _, y)| {
        let n = "过去的".chars().count();
        (start >= n && starts(s, start - n, "过去的")).then_some(y + 1)
    })
}

/// The five-year plan of a mention at `i` (“七五”, 七五计划, 第七个五年计划): its first year.
pub(super) fn five_year_plan_at(s: &[char], i: usize) -> Option<(u32, usize)> {
    let quoted = s.get(i).is_some_and(|&c| c == '“' || c == '"');
    let j = i + usize::from(quoted);
    let di = usize::from(s.get(j) == Some(&'第'));
    if s.get(j + di).is_some_and(char::is_ascii_digit) {
        return None;
    }
    // the numeral is followed by 五 (of 五年): 十五五 is the 15th plan, 十五 the 10th
    let exactly = |l: usize| {
        let part = s.get(j + di..j + di + l)?;
        small_number(part, 0)
            .filter(|&(_, n)| n == l)
            .map(|(v, _)| v)
    };
    let (n, k) = if di == 1 {
        let (n, l) = small_number(s, j + di)?;
        (n, j + di + l)
    } else {
        (1..=3).rev().find_map(|l| {
            exactly(l)
                .filter(|_| s.get(j + l) == Some(&'五'))
                .map(|n| (n, j + l))
        })?
    };
    let end = if di == 1 {
        starts(s, k, "个五年").then_some(k + 3)?
    } else {
        let after = k + 1;
        let closed = s.get(after).is_some_and(|&c| c == '”' || c == '"');
        let a = after + usize::from(closed);
        let named = ["计划", "规划", "时期", "期间"]
            .iter()
            .any(|w| starts(s, a, w));
        if !(quoted && closed || named) {
            return None;
        }
        a
    };
    // 新世纪第一个五年计划 is the tenth, not the first
    if di == 1 && i >= 3 && (starts(s, i - 3, "新世纪") || starts(s, i - 3, "本世纪")) {
        return None;
    }
    let start = if n <= 2 {
        1953 + 5 * (n as i32 - 1)
    } else {
        1966 + 5 * (n as i32 - 3)
    };
    (1..=20).contains(&n).then_some((start as u32, end))
}

/// 今年是“七五”计划的头一年 (the plan's first year), 今年是“十四五”规划收官之年 (its last);
/// a heading reviewing a plan (一、“十一五”时期…的回顾): the year after the plan ended.
pub(super) fn five_year_plan_year(s: &[char]) -> Option<i32> {
    const ORDINAL: &[(&str, i32)] = &[
        ("开局之年", 0),
        ("起步之年", 0),
        ("第一年", 0),
        ("头一年", 0),
        ("第二年", 1),
        ("第三年", 2),
        ("第四年", 3),
        ("第五年", 4),
        ("最后一年", 4),
        ("收官之年", 4),
    ];
    let mut from = 0;
    while let Some(k) = find(s, "今年是", from, s.len()) {
        from = k + 3;
        let end = sentence_end(s, from);
        for i in from..end {
            if let Some((start, e)) = five_year_plan_at(s, i) {
                // the plan's year in the same clause: 今年是“十二五”时期承前启后的重要一年，也是
                // 本届政府任期的最后一年 says nothing of the plan's last year
                let clause_end = (e..end)
                    .find(|&k| s.get(k).is_some_and(|&c| c == '，' || c == ','))
                    .unwrap_or(end);
                let rest = s.get(e..clause_end).unwrap_or(&[]);
                if let Some((_, off)) = ORDINAL.iter().find(|(w, _)| contains(rest, w)) {
                    return Some(start as i32 + off);
                }
                break;
            }
        }
    }
    for (a, b) in marked_headings(s) {
        let line = s.get(a..b).unwrap_or(&[]);
        if !(contains(line, "回顾") || contains(line, "执行情况") || contains(line, "总结"))
        {
            continue;
        }
        if let Some((start, _)) = (0..line.len()).find_map(|i| five_year_plan_at(line, i)) {
            return Some(start as i32 + 5);
        }
    }
    None
}

/// A review heading without a year (一、去年工作回顾, 一、过去一年工作回顾) whose text opens
/// with a year (2005年，…): the year after it.
pub(super) fn review_heading_then_year(s: &[char]) -> Option<i32> {
    for (a, b) in marked_headings(s) {
        let line = s.get(a..b).unwrap_or(&[]);
        let last_year = ["去年", "过去一年", "一年来", "上年"]
            .iter()
            .any(|w| contains(line, w));
        let review = last_year && REVIEW_WORDS.iter().any(|w| contains(line, w));
        if !review || !years_in(line).is_empty() {
            continue;
        }
        let mut i = b;
        while s
            .get(i)
            .is_some_and(|c| c.is_whitespace() || is_invisible(*c))
        {
            i += 1;
        }
        if let Some((y, _)) = year_at(s, i) {
            return Some(y + 1);
        }
    }
    None
}

/// Sentences opening with a year vote: what was done (1984年，…增长…) for the year after,
/// what is to be done (1987年要…) for that year. The year with most votes, if one has more
/// than any other.
pub(super) fn voted_year(s: &[char]) -> Option<i32> {
    const PAST: &[&str] = &[
        "比上年",
        "同比",
        "达到",
        "完成了",
        "取得了",
        "实现了",
        "增长了",
        "增加了",
        "了",
    ];
    const FUTURE: &[&str] = &["要", "将", "预期", "力争", "拟", "计划", "目标", "任务"];
    const PLAN_OPENING: &[&str] = &[
        "要",
        "，要",
        "，我们要",
        "我们要",
        "将",
        "的主要任务",
        "工作的总体要求",
        "的主要预期目标",
        "主要预期目标",
    ];
    let mut votes: Vec<(i32, u32)> = Vec::new();
    let mut vote = |y: i32| match votes.iter_mut().find(|(v, _)| *v == y) {
        Some((_, n)) => *n += 1,
        None => votes.push((y, 1)),
    };
    for (start, end, y) in years_in(s) {
        let mut b = start;
        while b > 0
            && s.get(b - 1)
                .is_some_and(|c| *c == ' ' || *c == '　' || *c == '\t')
        {
            b -= 1;
        }
        let opens = b == 0 || s.get(b - 1).copied().is_some_and(is_sentence_end);
        if !opens {
            continue;
        }
        let se = sentence_end(s, end);
        let rest = s.get(end..se).unwrap_or(&[]);
        let span = rest.first().is_some_and(|&c| {
            matches!(
                c,
                '—' | '-' | '－' | '至' | '到' | '~' | '～' | '、' | '和' | '与' | '及'
            )
        }) || ["以来", "以前", "前", "以后"]
            .iter()
            .any(|w| starts(rest, 0, w));
        // a date (2023年3月5日，…) says when, not which year is reviewed or planned
        let date = small_number(rest, 0).is_some_and(|(_, l)| rest.get(l) == Some(&'月'));
        if span || date {
            continue;
        }
        if PLAN_OPENING.iter().any(|w| starts(rest, 0, w)) {
            vote(y);
        } else if PAST.iter().any(|w| contains(rest, w))
            && !FUTURE.iter().any(|w| contains(rest, w))
        {
            vote(y + 1);
        }
    }
    votes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    match votes.as_slice() {
        [(y, _)] => Some(*y),
        [(y, n), (_, m), ..] if n > m => Some(*y),
        _ => None,
    }
}

/// Whether the text is in traditional characters: more of a few common traditional-only
/// characters than of their simplified forms.
pub(super) fn is_traditional(text: &str) -> bool {
    const TRAD: &str = "們國會議個發經濟這對於體實設關";
    const SIMP: &str = "们国会议个发经济这对于体实设关";
    let (mut t, mut s) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if TRAD.contains(c) {
            t += 1;
        } else if SIMP.contains(c) {
            s += 1;
        }
    }
    t > s
}
