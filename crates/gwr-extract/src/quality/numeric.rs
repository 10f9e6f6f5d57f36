//! Checks on number tokens and facts: lost measure words, fused digit runs, garbled dates,
//! implausible magnitudes, shares over 100%.

use gwr_model::{Measure, QualityCode, Severity, Status, Unit};

use super::{is_han, is_hard_break, words, Ctx, Finding, Findings};
use crate::numbers::{self, NumberForm, NumberToken, Reject};
use crate::structure::is_space;

/// Chars next to a number that mean it is part of a code, a date in figures, a version, a
/// quoted name or a number the scanner split: no missing-measure-word issue there.
fn is_code_neighbour(c: char) -> bool {
    is_space(c)
        || c.is_ascii_alphanumeric()
        || matches!(
            c,
            '.' | '·'
                | '．'
                | '・'
                | '-'
                | '－'
                | '–'
                | '—'
                | '/'
                | '／'
                | '\''
                | '’'
                | '‘'
                | '"'
                | '“'
                | '”'
                | '《'
                | '》'
                | '%'
                | '％'
                | '‰'
                | '℃'
                | '+'
                | '＋'
                | '×'
                | '~'
                | '～'
                | '_'
                | '#'
                | '＃'
        )
        || ('０'..='９').contains(&c)
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
}

fn contains_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// ASCII digits of the run of (ASCII or full-width) digits at `i`, and where it ends.
fn digit_run(ctx: &Ctx, i: usize) -> (String, usize) {
    let mut s = String::new();
    let mut j = i;
    loop {
        let c = ctx.at(j);
        let d = match c {
            '0'..='9' => c,
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or('0'),
            _ => break,
        };
        s.push(d);
        j += 1;
    }
    (s, j)
}

fn is_year(d: &str) -> bool {
    d.len() == 4 && d.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// The possible readings of a garbled date, in Chinese and English, for its message.
fn readings_text(readings: &[String]) -> (String, String) {
    if readings.is_empty() {
        (
            "无法确定日期".to_string(),
            "no valid date reading".to_string(),
        )
    } else {
        (
            format!("可读作{}", readings.join("或")),
            format!("it reads as {}", readings.join(" or ")),
        )
    }
}

/// Valid month/day readings of the digits after a 4-digit year (`110` → 1月10日).
fn date_readings(year: &str, rest: &str, with_day: bool) -> Vec<String> {
    let mut out = Vec::new();
    let n = rest.len();
    for ml in 1..=2usize {
        if ml > n {
            break;
        }
        let (m, d) = rest.split_at(ml);
        let Ok(mv) = m.parse::<u32>() else { continue };
        if !(1..=12).contains(&mv) {
            continue;
        }
        if with_day {
            if d.is_empty() || d.len() > 2 {
                continue;
            }
            let Ok(dv) = d.parse::<u32>() else { continue };
            if (1..=31).contains(&dv) && !(d.len() == 2 && d.starts_with('0')) {
                out.push(format!("{year}年{mv}月{dv}日"));
            }
        } else if d.is_empty() && !(m.len() == 2 && m.starts_with('0')) {
            out.push(format!("{year}年{mv}月"));
        }
    }
    out
}

fn has_decimal(t: &NumberToken) -> bool {
    t.value_raw.contains(['.', '．'])
}

fn is_magnitude_only(unit_raw: &str) -> bool {
    !unit_raw.is_empty()
        && unit_raw
            .chars()
            .all(|c| matches!(c, '万' | '萬' | '亿' | '億' | '千' | '百'))
}

/// Runs the number-token checks.
pub(crate) fn detect(ctx: &Ctx, out: &mut Findings) {
    for (i, t) in ctx.tokens.iter().enumerate() {
        if t.form != NumberForm::Arabic {
            continue;
        }
        if let Some(f) = token_finding(ctx, i, t) {
            out.push(f);
        }
    }
}

fn token_finding(ctx: &Ctx, i: usize, t: &NumberToken) -> Option<Finding> {
    let (digits, dend) = digit_run(ctx, t.num_start);
    if digits.is_empty() {
        return None;
    }
    let next = ctx.at(dend);
    let prev = ctx.before(t.num_start);
    let integer = !has_decimal(t) && dend == t.num_end;
    if prev.is_ascii_digit() || prev.is_ascii_alphabetic() {
        return None;
    }

    // an impossible age: a count and an age run together
    if next == '岁' && integer && digits.len() >= 3 && digits.parse::<u64>().is_ok_and(|v| v > 120)
    {
        return Some(fused_age(ctx, t, &digits, dend));
    }

    // dates whose 年/月 were lost, months over 12, days over 31
    if integer {
        if let Some(f) = date_finding(ctx, t, &digits, dend, next, prev) {
            return Some(f);
        }
    }

    if t.reject == Some(Reject::MissingUnit) {
        return missing_unit(ctx, t, &digits, dend, next, prev);
    }
    if t.reject == Some(Reject::Year) && t.unit_raw.is_empty() && is_year(&digits) {
        return year_without_nian(ctx, t, &digits, dend, next);
    }
    if t.reject.is_some() {
        return None;
    }

    // the "measure word" starts a word with what follows (公告10处理)
    if t.unit == Some(Unit::Count) && t.unit_raw.chars().count() == 1 {
        if let Some(w) = words::list("measure_word_traps")
            .iter()
            .find(|w| ctx.starts(t.unit_start, w))
        {
            let q = ctx.slice(t.num_start, t.unit_end);
            let mw = &t.unit_raw;
            return Some(Finding::new(
                t.num_start,
                t.unit_end,
                Severity::Warning,
                QualityCode::DoubtfulMeasureWord,
                format!(
                    "“{q}”的“{mw}”与后文连成“{w}”:“{mw}”未必是量词,数字“{}”的量词可能已丢失,原文为“{}”",
                    t.value_raw,
                    ctx.context(t.num_start, t.unit_end, 6)
                ),
                format!(
                    "In “{q}” the measure word {mw} runs into the word {w}: it may not be a measure word, and the number {}'s own measure word may have been lost: “{}”",
                    t.value_raw,
                    ctx.context(t.num_start, t.unit_end, 6)
                ),
            ));
        }
    }

    // a count with decimals and no magnitude (堂食14.78客)
    if matches!(t.unit, Some(Unit::Count) | Some(Unit::PersonTime))
        && has_decimal(t)
        && !t.unit_raw.contains(['万', '萬', '亿', '億', '千', '百'])
    {
        let clause = ctx.slice(ctx.sentence_start(t.start, 30), t.start);
        if !contains_any(&clause, words::list("per_unit_words")) {
            let q = ctx.slice(t.num_start, t.unit_end);
            return Some(Finding::new(
                t.num_start,
                t.unit_end,
                Severity::Warning,
                QualityCode::FractionalCount,
                format!(
                    "“{q}”是带小数的个数,以“{}”计的数量不应有小数:疑丢失“万”等数量级(原文为“{}”)",
                    t.unit_raw,
                    ctx.context(t.num_start, t.unit_end, 6)
                ),
                format!(
                    "{q} is a count with decimals; a number of {} cannot be fractional, so a magnitude such as 万 was probably lost: “{}”",
                    t.unit_raw,
                    ctx.context(t.num_start, t.unit_end, 6)
                ),
            ));
        }
    }

    // a magnitude-only number running into the next item (送餐5万余堂食14.78客)
    if t.unit == Some(Unit::Count) && is_magnitude_only(&t.unit_raw) {
        if let Some(nt) = ctx.tokens.get(i + 1) {
            let gap = ctx.slice(t.end, nt.start);
            let n = gap.chars().count();
            if (1..=4).contains(&n)
                && gap.chars().all(is_han)
                && !gap.chars().next().is_some_and(numbers::is_unread_unit)
                && !gap.contains([
                    '到', '至', '为', '比', '增', '减', '降', '提', '达', '超', '升', '及', '和',
                    '与', '或', '共', '人', '户', '家',
                ])
            {
                let q = ctx.slice(t.num_start, t.end);
                let c = ctx.context(t.num_start, nt.end, 4);
                return Some(Finding::new(
                    t.num_start,
                    t.end,
                    Severity::Warning,
                    QualityCode::MissingMeasureWord,
                    format!(
                        "“{q}”后没有量词,且直接连着下一项“{}”,中间没有标点:量词和标点疑已丢失(原文为“{c}”)",
                        ctx.slice(t.end, nt.end)
                    ),
                    format!(
                        "{q} has no measure word and runs straight into the next item “{}” with no punctuation: a measure word and a separator were probably lost: “{c}”",
                        ctx.slice(t.end, nt.end)
                    ),
                ));
            }
        }
    }

    implausible(ctx, t)
}

fn fused_age(ctx: &Ctx, t: &NumberToken, digits: &str, dend: usize) -> Finding {
    // split so that the age is a plausible two-digit (or 100+) age
    let n = digits.len();
    let split = [2usize, 3]
        .into_iter()
        .filter(|k| *k < n)
        .find(|k| {
            let a = &digits[n - k..];
            !a.starts_with('0') && a.parse::<u32>().is_ok_and(|v| (10..=120).contains(&v))
        })
        .unwrap_or(2.min(n));
    let (count, age) = digits.split_at(n - split);
    let end = (dend + 1).max(t.num_end);
    let q = ctx.slice(t.num_start, end);
    let c = ctx.context(t.num_start, end, 6);
    Finding::new(
        t.num_start,
        end,
        Severity::Error,
        QualityCode::FusedNumbers,
        format!(
            "“{q}”不是可能的年龄:疑为数量“{count}”与年龄“{age}岁”连写(其间的量词如“名”丢失),原文为“{c}”"
        ),
        format!(
            "{q} is not a possible age: probably a count {count} run together with the age {age}岁 (the measure word between them was lost): “{c}”"
        ),
    )
}

fn date_finding(
    ctx: &Ctx,
    t: &NumberToken,
    digits: &str,
    dend: usize,
    next: char,
    prev: char,
) -> Option<Finding> {
    let value: u64 = digits.parse().ok()?;
    let q = ctx.slice(t.num_start, dend + 1);
    let c = ctx.context(t.num_start, dend + 1, 6);
    let year_prefixed = digits.len() >= 5 && is_year(&digits[..4]);
    match next {
        '日' | '月' if year_prefixed => {
            let readings = date_readings(&digits[..4], &digits[4..], next == '日');
            let (zh_r, en_r) = readings_text(&readings);
            Some(
                Finding::new(
                    t.num_start,
                    dend + 1,
                    Severity::Error,
                    QualityCode::GarbledDate,
                    format!("日期“{q}”中的“年”“月”丢失,数字连写在一起,{zh_r};原文为“{c}”"),
                    format!(
                        "The date {q} lost its 年/月 characters and its digits run together ({en_r}): “{c}”"
                    ),
                )
                .no_fact(),
            )
        }
        '日' if prev == '年' && value > 31 && (3..=4).contains(&digits.len()) => {
            // 2025年115日: the 月 between month and day was lost
            let readings: Vec<String> = (1..digits.len())
                .filter_map(|k| {
                    let (m, d) = digits.split_at(k);
                    let (mv, dv): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
                    ((1..=12).contains(&mv) && (1..=31).contains(&dv) && !d.starts_with('0'))
                        .then(|| format!("{mv}月{dv}日"))
                })
                .collect();
            let (zh_r, en_r) = readings_text(&readings);
            Some(
                Finding::new(
                    t.num_start,
                    dend + 1,
                    Severity::Error,
                    QualityCode::GarbledDate,
                    format!("日期“{q}”中的“月”丢失,月和日连写在一起,{zh_r};原文为“{c}”"),
                    format!(
                        "The date {q} lost its 月 and its month and day run together ({en_r}): “{c}”"
                    ),
                )
                .no_fact(),
            )
        }
        '日' if prev == '月' && value > 31 => Some(
            Finding::new(
                t.num_start,
                dend + 1,
                Severity::Error,
                QualityCode::GarbledDate,
                format!("“{q}”的日数{value}大于31,不是有效日期;原文为“{c}”"),
                format!("{q}: day {value} is over 31, not a valid date: “{c}”"),
            )
            .no_fact(),
        ),
        '月' if prev == '年' && value > 12 && digits.len() <= 2 => Some(
            Finding::new(
                t.num_start,
                dend + 1,
                Severity::Error,
                QualityCode::GarbledDate,
                format!("“{q}”的月份{value}大于12,不是有效日期;原文为“{c}”"),
                format!("{q}: month {value} is over 12, not a valid date: “{c}”"),
            )
            .no_fact(),
        ),
        '年' if digits.len() == 8 && is_year(&digits[..4]) && is_year(&digits[4..]) => {
            let (a, b) = digits.split_at(4);
            (a < b).then(|| {
                Finding::new(
                    t.num_start,
                    dend + 1,
                    Severity::Warning,
                    QualityCode::FusedYears,
                    format!(
                        "“{q}”是两个年份“{a}”“{b}”连写:年份区间的连接号(如“{a}—{b}年”)疑已丢失,原文为“{c}”"
                    ),
                    format!(
                        "{q} is two years {a} and {b} run together: the dash of the range {a}—{b} was probably lost: “{c}”"
                    ),
                )
                .no_fact()
            })
        }
        _ => None,
    }
}

fn missing_unit(
    ctx: &Ctx,
    t: &NumberToken,
    digits: &str,
    dend: usize,
    next: char,
    prev: char,
) -> Option<Finding> {
    let before_tok = ctx.before(t.start);
    let mut after_tok = ctx.at(t.end);
    // trailing blanks before a line break: the number ends its line
    let mut j = t.end;
    while matches!(ctx.at(j), ' ' | '\u{3000}' | '\t' | '\u{A0}') {
        j += 1;
    }
    if matches!(ctx.at(j), '\n' | '\r' | '\0') {
        after_tok = '\n';
    }
    if is_code_neighbour(before_tok)
        || (after_tok != '\n' && is_code_neighbour(after_tok))
        || is_code_neighbour(prev)
        || (after_tok != '\n' && is_code_neighbour(next))
        || after_tok == '比'
        || before_tok == '比'
        || numbers::is_unread_unit(after_tok)
    {
        return None;
    }
    // part of a compound number (1亿3千多万) or split from its unit by blanks and a line break
    if matches!(before_tok, '亿' | '万' | '億' | '萬')
        && ctx.before(t.start.saturating_sub(1)).is_ascii_digit()
    {
        return None;
    }
    let mut j = t.end;
    while j < t.end + 8 && crate::structure::is_space(ctx.at(j)) {
        j += 1;
    }
    if j > t.end
        && matches!(
            ctx.at(j),
            '万' | '萬' | '亿' | '億' | '千' | '百' | '多' | '余' | '餘' | '%' | '％'
        )
    {
        return None;
    }
    // an index number: 以1950年为100, 上升为189。
    if before_tok == '为' && !is_han(after_tok) {
        return None;
    }
    let q = ctx.slice(t.start, t.end);
    let c = ctx.context(t.start, t.end, 6);
    let value: Option<u32> = digits.parse().ok();
    let integer = !has_decimal(t) && dend == t.num_end;
    if integer
        && value.is_some_and(|v| (1..=12).contains(&v))
        && [
            "今年", "明年", "去年", "当年", "同年", "本年", "次年", "上年",
        ]
        .iter()
        .any(|w| ctx.ends(t.start, w))
        && is_han(after_tok)
    {
        return Some(
            Finding::new(
                t.start,
                t.end,
                Severity::Warning,
                QualityCode::MissingMonthCharacter,
                format!("数字“{q}”紧跟在表示年份的词后面且没有单位:疑丢失“月”(即{q}月),原文为“{c}”"),
                format!(
                    "The number {q} follows a word for a year and has no unit: 月 was probably lost (month {q}): “{c}”"
                ),
            )
            .no_fact(),
        );
    }
    let at_end = is_hard_break(after_tok) || matches!(after_tok, '，' | ',' | '、');
    let (zh_pos, en_pos) = if at_end {
        ("位于句末或段末,后面", "ends its sentence or paragraph with")
    } else {
        (
            "后面直接接其他文字,",
            "runs straight into the next word, with",
        )
    };
    Some(Finding::new(
        t.start,
        t.end,
        Severity::Warning,
        QualityCode::MissingMeasureWord,
        format!("数字“{q}”{zh_pos}没有量词(疑在抓取中丢失),不能确定数的是什么,原文为“{c}”"),
        format!(
            "The number {q} {en_pos} no measure word after it (probably lost in the scrape), so what it counts is unclear: “{c}”"
        ),
    ))
}

fn year_without_nian(
    ctx: &Ctx,
    t: &NumberToken,
    digits: &str,
    dend: usize,
    next: char,
) -> Option<Finding> {
    if !is_han(next)
        || matches!(
            next,
            '年' | '两' | '至' | '到' | '和' | '及' | '与' | '或' | '届' | '版' | '号' | '级'
        )
    {
        return None;
    }
    // 中国制造2025, 科技创新2030: a year inside a quoted programme name is left alone
    let q = ctx.slice(t.num_start, dend);
    let c = ctx.context(t.num_start, dend, 6);
    let quoted_name = {
        let ls = ctx.clause_start(t.num_start, 12);
        let lead = ctx.slice(ls, t.num_start);
        lead.contains(['“', '《', '「'])
    };
    if quoted_name {
        return None;
    }
    Some(
        Finding::new(
            t.num_start,
            dend,
            Severity::Warning,
            QualityCode::MissingYearCharacter,
            format!("年份“{digits}”后缺少“年”,直接连着“{next}”:“年”疑已丢失,原文为“{c}”"),
            format!(
                "The year {q} has no 年 after it and runs into {next}: 年 was probably lost: “{c}”"
            ),
        )
        .no_fact(),
    )
}

fn implausible(ctx: &Ctx, t: &NumberToken) -> Option<Finding> {
    let ss = ctx.sentence_start(t.start, 40);
    let window = ctx.slice(ss, t.start);
    let clause = ctx.slice(ctx.clause_start(t.start, 20), t.start);
    if contains_any(&clause, words::list("per_unit_words")) {
        return None;
    }
    let q = ctx.slice(t.start, t.end);
    let c = ctx.context(t.start, t.end, 10);
    match t.unit {
        Some(Unit::M2) => {
            let land = words::list("land_words")
                .iter()
                .find(|w| window.contains(*w));
            if let (Some(w), true) = (land, t.value < 100.0) {
                return Some(Finding::new(
                    t.start,
                    t.end,
                    Severity::Warning,
                    QualityCode::ImplausibleMagnitude,
                    format!(
                        "“{q}”作为“{w}”的面积过小(不足100平方米):疑丢失“万”等数量级(如“{}万{}”),原文为“{c}”",
                        t.value_raw, t.unit_raw
                    ),
                    format!(
                        "{q} is implausibly small for the area of {w} (under 100 m²): a magnitude such as 万 was probably lost: “{c}”"
                    ),
                ));
            }
            if window.contains("建筑面积") && t.value < 1000.0 {
                if let Some(w) = words::list("large_building_words")
                    .iter()
                    .find(|w| window.contains(*w))
                {
                    return Some(Finding::new(
                        t.start,
                        t.end,
                        Severity::Warning,
                        QualityCode::ImplausibleMagnitude,
                        format!(
                            "建筑面积“{q}”对“{w}”这样的载体而言过小(不足1000平方米):请核对原文,数量级(如“万”)可能丢失,原文为“{c}”"
                        ),
                        format!(
                            "A building area of {q} is implausibly small for a {w} (under 1000 m²): check the original; a magnitude such as 万 may have been lost: “{c}”"
                        ),
                    ));
                }
            }
            None
        }
        Some(Unit::Cny) if t.value < 1000.0 => {
            let w = words::list("big_money_words")
                .iter()
                .find(|w| clause.contains(*w))?;
            Some(Finding::new(
                t.start,
                t.end,
                Severity::Warning,
                QualityCode::ImplausibleMagnitude,
                format!(
                    "“{q}”作为“{w}”的金额过小(不足1000元):疑丢失“万”“亿”等数量级,原文为“{c}”"
                ),
                format!(
                    "{q} is implausibly small for {w} (under 1000 yuan): a magnitude such as 万 or 亿 was probably lost: “{c}”"
                ),
            ))
        }
        _ => None,
    }
}

/// Bounded rates: never over 100%.
fn is_bounded_rate(subject: &str) -> bool {
    words::list("bounded_rates")
        .iter()
        .any(|w| subject.ends_with(w))
}

/// Whether the share at `start` is a part of a whole (占…比重), not a completion ratio
/// (完成计划的106%, 占预算的102%) or a growth.
fn is_plain_share(ctx: &Ctx, start: usize) -> bool {
    let clause = ctx.slice(ctx.clause_start(start, 25), start);
    (clause.contains("占") || clause.contains("比重") || clause.contains("份额"))
        && !contains_any(
            &clause,
            &[
                "预算",
                "计划",
                "規定",
                "规定",
                "上年",
                "去年",
                "同期",
                "增长",
                "增長",
                "增加",
                "提高",
                "造价",
                "原来",
                "完成",
                "相当于",
                "相當於",
            ],
        )
}

/// Runs the fact checks.
pub(crate) fn detect_facts(ctx: &Ctx, out: &mut Findings) {
    for f in ctx.facts {
        let (s, e) = (f.start as usize, f.end as usize);
        if f.unit == Unit::Percent
            && f.value > 100.0
            && (is_bounded_rate(&f.subject)
                || (f.measure == Measure::Share && is_plain_share(ctx, s)))
        {
            let mut x = Finding::new(
                s,
                e,
                Severity::Error,
                QualityCode::ShareOver100,
                format!(
                    "“{}”的{}为{}%,超过100%,作为占比或比率不可能:数字或单位疑有误,原文为“{}”",
                    f.subject,
                    if f.measure == Measure::Share { "占比" } else { "比率" },
                    f.value,
                    ctx.context(s, e, 6)
                ),
                format!(
                    "{} is given as {}%, over 100%, impossible for a {}: the number or its unit is probably damaged: “{}”",
                    f.subject,
                    f.value,
                    if f.measure == Measure::Share { "share" } else { "bounded rate" },
                    ctx.context(s, e, 6)
                ),
            );
            x.fact_id = Some(f.fact_id.clone());
            out.push(x);
        }
        // a change compares with a base year (比1949年增长2倍), so only levels are checked
        if f.status == Status::Forecast
            && f.measure == Measure::Level
            && !matches!(
                f.unit,
                Unit::Multiple | Unit::Percent | Unit::PercentagePoint
            )
        {
            let report_year = ctx.meta.report_year.unwrap_or(i32::MIN);
            if let Some(p) = f.period.filter(|p| *p < report_year.saturating_sub(1)) {
                let mut x = Finding::new(
                    s,
                    e,
                    Severity::Warning,
                    QualityCode::ForecastPeriodPast,
                    format!(
                        "“{}”是预计数,但所属年度{p}年早于报告年度{}年的上一年:年份或状态疑有误",
                        f.quote, report_year
                    ),
                    format!(
                        "{} is a forecast, but its year {p} is before the year preceding the report year {}: the year or the status is probably wrong",
                        f.quote, report_year
                    ),
                );
                x.fact_id = Some(f.fact_id.clone());
                out.push(x);
            }
        }
    }
}
