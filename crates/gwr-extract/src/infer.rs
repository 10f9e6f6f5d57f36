//! Metadata read off the text, for reports given without a `report.toml`.
//!
//! Only what the text states is taken; anything else stays empty.
//!
//! - **Markdown**: a text with a YAML front matter (or a `.md` file, [`Hints::markdown`]) is
//!   read through [`crate::markdown`]: `source:` is the source URL, `title:` a title whose
//!   note gives the date and the speaker (中卫市政府工作报告（2021年12月29日 马洪海）); the
//!   front matter's lines and the markup never become a title or a place.
//! - **Title**: the front matter's title when it names the report, else a line of the head
//!   (before 各位代表) naming a 政府工作报告 (or 统计公报) that is not a sentence, also when a
//!   PDF broke it over two lines (政府工作报 / 告); a web page's `_site_section` suffix and a
//!   date line run on after it are cut off.
//! - **Place and level**: the place in the title (2024年淞南镇人民政府工作报告), else the
//!   government the speaker represents (我代表淞南镇人民政府); a report delivered for the State
//!   Council (我代表国务院, 中华人民共和国国务院向…) is national. A bare level word (我代表省
//!   人民政府) or a phrase (市第十六届) is no place: then the place the file's folder names
//!   ([`Hints::place`]) is taken, and also when the text gives a short form of it (长春 →
//!   长春市).
//! - **Delivered date and meeting**: a date line of the head, with or without its dash, in
//!   Arabic, full-width or Chinese numerals (——2024年3月5日在…会议上, 1957年6月26日在…會議上,
//!   一九五四年九月二十三日在…), the meeting also when it runs on to the next line.
//! - **Year** (`report_year`, the year the report plans for), from the first of these that the
//!   text gives (the basis is recorded as `report_year_basis`):
//!   1. the date the report was delivered (the date line, or the date in the front matter's
//!      title): its year, the next one when delivered in December (a city congress meeting
//!      on 2021-12-29 hears the report for 2022), or in October or November when the title or
//!      the plan headings name the next year; a half-year or mid-term report delivered in July
//!      plans for the year it is delivered in. The date the text says wins over a title's year
//!      (a page titled 2019年…政府工作报告 that holds the report delivered on 2020-05-09 is 2020);
//!   2. the year of the text's title line, else of the front matter's title unless the
//!      headings (5.) name another year (upstream labels some pages with the year reviewed);
//!      never a date's year nor a long-range goal's (2035年远景目标);
//!   3. the session of the National People's Congress the report is addressed to
//!      (向第一届全国人民代表大会第二次会议提出…, 我们第一届全国人民代表大会第一次会议…), by
//!      the congress's calendar (a national report only);
//!   4. an earlier session the text dates relative to now (从去年九月第五届全国人民代表大会
//!      第三次会议到现在 → one year later; 第十一届全国人民代表大会第一次会议以来的五年 → five);
//!   5. the part and section headings that name a year: a plan (二、2024年政府工作任务,
//!      二、1959年经济战线上的任务) is that year, the earliest if several; a review
//!      (一、2023年工作回顾, 一、1955年国家决算, (一)一九五七年经济战线上的胜利) the year after;
//!   6. 刚刚过去的1984年 (the year after);
//!   7. the five-year plans: 今年是“七五”计划的头一年 (its first year), a heading reviewing a
//!      plan (一、“十一五”时期国民经济和社会发展的回顾) the year after it ended;
//!   8. a review heading without a year followed by a year (一、去年工作回顾 / 2005年，…):
//!      the year after it; a short heading line without a marker opening with a year
//!      (2006年工作回顾: the year after; 2007年工作安排: that year);
//!   9. 第六届全国人民代表大会期间 (a whole term looked back on): the next term's first
//!      session;
//!   10. a publication line of the page (2018-01-24 16:20, a news write-up of the report): that
//!       year, the next when published in December;
//!   11. 今年 next to a year (今年即2018年);
//!   12. the statements about single years: a sentence opening with a year that reports what
//!       was done (1984年，…增长…) counts for the year after, one that says what is to be done
//!       (1987年要…) for that year; the year with most votes, when one has more than any other.
//!
//! Years may be written in Arabic, full-width or Chinese numerals (一九五八年), digits even
//! spaced out (1 9 9 3 年). The calendars used (the five-year plans and the sessions of the
//! National People's Congress) are facts about every national report, not about one report.

use gwr_model::meta::sanitize_id;
use gwr_model::{AdminLevel, ReportMeta, YearBasis};

/// The place name of national reports.
const NATIONAL: &str = "中华人民共和国";

/// Lines of the head searched for the title and the date line.
const HEAD_LINES: usize = 40;

/// What the caller knows of a text besides the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// The text is Markdown (a `.md` file); a text opening with a `---` front matter is read
    /// as Markdown anyway.
    pub markdown: bool,
    /// A place the file's location names (its folder, 福建省), used when the text names none.
    pub place: Option<String>,
}

/// The place a folder's name names, as a hint: the name when it ends with a level word (省,
/// 自治区, 市, 州, 盟, 县, 区, 旗, 镇, 乡, 街道) and is 2 to 16 characters long (福建省,
/// 内蒙古自治区, 乌鲁木齐市); `None` otherwise (国家统计局年度统计).
pub fn place_of_folder(name: &str) -> Option<String> {
    let len = name.chars().count();
    let named = [
        "省",
        "自治区",
        "市",
        "州",
        "盟",
        "县",
        "区",
        "旗",
        "镇",
        "乡",
        "街道",
    ]
    .iter()
    .any(|s| name.ends_with(s));
    ((2..=16).contains(&len) && named && is_place_name(name)).then(|| name.to_string())
}

/// Metadata inferred from `text`; `stem` (the file name without extension) gives the id.
pub fn infer_meta(text: &str, stem: &str) -> ReportMeta {
    infer_meta_with(text, stem, &Hints::default())
}

/// [`infer_meta`] with what the caller knows: a Markdown text's front matter gives the source
/// address and the title (and the title's place, date and speaker: 中卫市政府工作报告
/// （2021年12月29日 马洪海）); its markup is read as layout; the place hint is taken when the
/// text names no place.
pub fn infer_meta_with(text: &str, stem: &str, hints: &Hints) -> ReportMeta {
    let md = (hints.markdown || crate::markdown::has_front_matter(text))
        .then(|| crate::markdown::Markdown::read(text));
    let fm = md
        .as_ref()
        .and_then(|m| m.front_matter.clone())
        .unwrap_or_default();
    let text = md.as_ref().map_or(text, |m| m.analysis.as_str());
    let fm_title = fm
        .title
        .as_deref()
        .map(FrontTitle::read)
        .unwrap_or_default();
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || is_invisible(c)))
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
        .collect();
    // the head: what comes before the salutation (all of the first lines when there is none)
    let head_len = lines
        .iter()
        .position(|l| l.starts_with("各位代表") || l.starts_with("各位代錶"))
        .unwrap_or(lines.len());
    let head = lines.get(..head_len).unwrap_or(&[]);
    let text_title = title_of(head);
    // the front matter's title when it names the report, else the text's title line
    let title = if fm_title.names_report || text_title.is_empty() {
        fm_title.title.clone()
    } else {
        text_title.clone()
    };
    let chars: Vec<char> = text.chars().map(norm_char).collect();
    let national = is_national(&chars);
    let date = date_line(head).or_else(|| fm_title.date.clone());
    let published = published_line(head);

    let mut place = [&title, &text_title, &fm_title.title]
        .iter()
        .map(|t| place_of(t))
        .find(|p| is_place_name(p))
        .unwrap_or_default();
    if place.is_empty() {
        place = if national {
            NATIONAL.to_string()
        } else {
            represented_government(&chars, 3000)
        };
    }
    if !is_place_name(&place) {
        if let Some(hint) = &hints.place {
            place = hint.clone();
        }
    }
    if !is_place_name(&place) {
        // the congress named at the head: 在泉州市第十六届人民代表大会…
        let head_chars: Vec<char> = head.join("\n").chars().map(norm_char).collect();
        place = congress_place(&head_chars);
    }
    if !is_place_name(&place) {
        place = represented_government(&chars, chars.len());
    }
    if !is_place_name(&place) {
        place = hints.place.clone().unwrap_or_default();
    } else if let Some(hint) = &hints.place {
        // the folder's full name for a short form of it: 长春 → 长春市, 新疆自治区 → 新疆维吾尔自治区
        let head: String = place.chars().take(2).collect();
        if *hint != place
            && (hint.starts_with(&place)
                || (hint.starts_with(&head) && level_of(hint) == level_of(&place)))
        {
            place = hint.clone();
        }
    }
    let mut meta = ReportMeta {
        report_id: sanitize_id(stem),
        place_zh: if place.is_empty() {
            "未知".to_string()
        } else {
            place.clone()
        },
        admin_level: if place.is_empty() {
            AdminLevel::Other
        } else {
            level_of(&place)
        },
        ..Default::default()
    };

    let addressed = if national {
        addressed_session(text, &chars)
    } else {
        None
    };
    // the text's own title line; the front matter's title is a web page's, and a page's year
    // is only taken when the headings do not name another (upstream labels some pages with
    // the year reviewed: 2008年四川省人民政府工作报告 holding the report for 2009)
    let text_title_year = title_year(&text_title);
    let headings = heading_year(&chars);
    let fm_year = title_year(&fm_title.title).filter(|y| headings.is_none_or(|h| h == *y));
    let title_year = text_title_year.or(fm_year);
    let with = |basis: YearBasis| move |y: i32| (y, basis);
    // the date the text says the report was delivered comes first, whatever year a title
    // names (a page titled 2019年政府工作报告 that holds the report delivered in 2020); a report
    // delivered in December plans for the next year
    let year = date
        .as_ref()
        .map(|d| {
            // delivered in October or November for the next year, as its title or plan
            // headings say (——2011年11月15日…, 兰州市人民政府工作报告（2012）)
            let next = d.year + 1;
            let early =
                matches!(d.month, 10 | 11) && (title_year == Some(next) || headings == Some(next));
            (
                if early { next } else { d.plan_year() },
                YearBasis::DeliveredDate,
            )
        })
        .or(title_year.map(with(YearBasis::Title)))
        .or(addressed.as_ref().map(|a| (a.0, YearBasis::Session)))
        .or_else(|| {
            national
                .then(|| relative_session_year(&chars))
                .flatten()
                .map(with(YearBasis::Session))
        })
        .or_else(|| headings.map(with(YearBasis::Headings)))
        .or_else(|| just_past_year(&chars).map(with(YearBasis::Headings)))
        .or_else(|| five_year_plan_year(&chars).map(with(YearBasis::Calendar)))
        .or_else(|| review_heading_then_year(&chars).map(with(YearBasis::Headings)))
        .or_else(|| unmarked_heading_year(&chars).map(with(YearBasis::Headings)))
        .or_else(|| {
            national
                .then(|| term_review_year(&chars))
                .flatten()
                .map(with(YearBasis::Calendar))
        })
        .or_else(|| {
            published
                .as_ref()
                .map(|d| (d.plan_year(), YearBasis::PublishedDate))
        })
        .or_else(|| this_year_statement(&chars).map(with(YearBasis::Statements)))
        .or_else(|| voted_year(&chars).map(with(YearBasis::Statements)))
        .filter(|(y, _)| (1949..=2100).contains(y));
    meta.report_year = year.map(|y| y.0);
    meta.report_year_basis = Some(year.map_or(YearBasis::Unknown, |y| y.1));
    identify_place(&mut meta);
    meta.title = title;
    if let Some(d) = date {
        meta.delivered_date = Some(d.iso);
        meta.meeting = d.meeting;
    }
    if let Some(d) = published {
        meta.published_date = Some(d.iso);
    }
    meta.speaker = fm_title.speaker.clone();
    meta.source_url = fm.source.clone();
    if meta.meeting.is_none() {
        meta.meeting = addressed.map(|a| a.1);
    }
    meta.language = language_of(text).into();
    meta
}

/// The BCP 47 tag of a report's script: `zh-Hant` for a text in traditional characters,
/// `zh-Hans` otherwise.
pub fn language_of(text: &str) -> &'static str {
    if is_traditional(text) {
        "zh-Hant"
    } else {
        "zh-Hans"
    }
}

/// The place's official code, full name, level and parents ([`crate::places`]), when the
/// name written in the text identifies one place without guessing; else the name stays as
/// written and the level as its ending suggests.
fn identify_place(meta: &mut ReportMeta) {
    if meta.place_zh == "未知" {
        return;
    }
    if let Ok(p) = crate::places::identify(meta) {
        if let Some(row) = p.place() {
            meta.place_code = Some(row.code.clone());
            meta.place_zh = row.name_zh.clone();
            meta.place_en = row.name_en.clone();
            meta.admin_level = row.level;
        }
        meta.parent_areas = p.parent_names();
    }
}

/// Characters that print as nothing (zero-width space, BOM, word joiner).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// One char for one char: full-width digits to ASCII, and traditional characters to simplified
/// ([`crate::normal`], OpenCC's table), so positions in the normalised text are positions in the
/// text. Full-width punctuation stays: the rules here match it as written.
fn norm_char(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        c => crate::normal::simplified(c),
    }
}

// ---------------------------------------------------------------------------------------
// Numbers

fn ascii_digit(c: char) -> Option<u32> {
    c.is_ascii_digit().then(|| c as u32 - '0' as u32)
}

/// A Chinese digit of a year written digit by digit (一九五八, 二〇二四, 一九八○).
fn cn_year_digit(c: char) -> Option<u32> {
    match c {
        '○' | '零' | 'Ｏ' | 'O' => Some(0),
        _ => "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .and_then(|p| u32::try_from(p).ok()),
    }
}

/// A small number in Chinese numerals or Arabic digits (一, 十二, 两, 二十三, 9): the value and
/// its length. At most 99.
fn small_number(s: &[char], i: usize) -> Option<(u32, usize)> {
    let digits: Vec<u32> = s
        .iter()
        .skip(i)
        .take_while(|c| c.is_ascii_digit())
        .filter_map(|&c| ascii_digit(c))
        .collect();
    if !digits.is_empty() {
        let n = digits.iter().fold(0u32, |a, d| a.saturating_mul(10) + d);
        return (n <= 99).then_some((n, digits.len()));
    }
    let unit = |c: char| match c {
        '两' => Some(2),
        c => cn_year_digit(c).filter(|&d| d > 0),
    };
    let c0 = *s.get(i)?;
    if c0 == '十' {
        // 十, 十二
        return Some(match s.get(i + 1).copied().and_then(unit) {
            Some(d) => (10 + d, 2),
            None => (10, 1),
        });
    }
    let d0 = unit(c0)?;
    if s.get(i + 1) == Some(&'十') {
        return Some(match s.get(i + 2).copied().and_then(unit) {
            Some(d) => (d0 * 10 + d, 3),
            None => (d0 * 10, 2),
        });
    }
    Some((d0, 1))
}

/// A year at `i`: four digits (Arabic, spaced Arabic as in `1 9 9 3`, or Chinese digit by
/// digit as in 一九五八) followed by 年. Returns the year and the index after 年.
fn year_at(s: &[char], i: usize) -> Option<(i32, usize)> {
    let before = i.checked_sub(1).and_then(|k| s.get(k)).copied();
    let mut j = i;
    let mut year = 0i32;
    let first = *s.get(i)?;
    if first.is_ascii_digit() {
        if before.is_some_and(|c| c.is_ascii_digit() || c == '.') {
            return None;
        }
        for n in 0..4 {
            if n > 0 && s.get(j) == Some(&' ') && s.get(j + 1).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            let d = s.get(j).copied().and_then(ascii_digit)?;
            year = year * 10 + d as i32;
            j += 1;
        }
        if s.get(j).is_some_and(char::is_ascii_digit) {
            return None;
        }
    } else {
        if before.is_some_and(|c| cn_year_digit(c).is_some() || c == '十') {
            return None;
        }
        for _ in 0..4 {
            let d = s.get(j).copied().and_then(cn_year_digit)?;
            year = year * 10 + d as i32;
            j += 1;
        }
    }
    if s.get(j) == Some(&' ') {
        j += 1;
    }
    (s.get(j) == Some(&'年') && (1900..=2100).contains(&year)).then_some((year, j + 1))
}

/// The first of two years written as a list or span (1980、1981年, 1981—1985年): four Arabic
/// digits and a joining mark before a year. Returns the year and the index after it.
fn listed_year_at(s: &[char], i: usize) -> Option<(i32, usize)> {
    if i > 0 && s.get(i - 1).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let mut year = 0i32;
    for k in i..i + 4 {
        year = year * 10 + s.get(k).copied().and_then(ascii_digit)? as i32;
    }
    let joined = s.get(i + 4).is_some_and(|&c| {
        matches!(
            c,
            '、' | '和' | '至' | '到' | '—' | '-' | '－' | '–' | '~' | '～'
        )
    });
    let next = i + 5 + usize::from(s.get(i + 5) == Some(&'—'));
    (joined && (1900..=2100).contains(&year) && year_at(s, next).is_some()).then_some((year, i + 4))
}

/// Every year of `s`, as (start, end, year), the first of a list or span included.
fn years_in(s: &[char]) -> Vec<(usize, usize, i32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match year_at(s, i).or_else(|| listed_year_at(s, i)) {
            Some((y, end)) => {
                out.push((i, end, y));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// A date at `i`: year, 月, 日 in any numerals (2024年3月5日, 一九五四年九月二十三日). Returns
/// (year, month, day, index after 日).
fn date_at(s: &[char], i: usize) -> Option<(i32, u32, u32, usize)> {
    let (year, j) = year_at(s, i)?;
    let skip = |k: usize| if s.get(k) == Some(&' ') { k + 1 } else { k };
    let j = skip(j);
    let (month, n) = small_number(s, j)?;
    let j = skip(j + n);
    if s.get(j) != Some(&'月') {
        return None;
    }
    let j = skip(j + 1);
    let (day, n) = small_number(s, j)?;
    let j = skip(j + n);
    let ok = s.get(j).is_some_and(|&c| c == '日' || c == '号') && (1..=12).contains(&month);
    (ok && (1..=31).contains(&day)).then_some((year, month, day, j + 1))
}

// ---------------------------------------------------------------------------------------
// Searching

fn starts(s: &[char], i: usize, pat: &str) -> bool {
    pat.chars()
        .enumerate()
        .all(|(n, p)| s.get(i + n) == Some(&p))
}

fn find(s: &[char], pat: &str, from: usize, to: usize) -> Option<usize> {
    (from..to.min(s.len())).find(|&i| starts(s, i, pat))
}

fn contains(s: &[char], pat: &str) -> bool {
    find(s, pat, 0, s.len()).is_some()
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n')
}

/// Longest stretch taken for one sentence (text without stops is cut here, so no search
/// runs away on it).
const MAX_SENTENCE: usize = 400;

/// The end of the sentence holding `i` (exclusive), at most [`MAX_SENTENCE`] on.
fn sentence_end(s: &[char], i: usize) -> usize {
    let limit = s.len().min(i.saturating_add(MAX_SENTENCE));
    (i..limit)
        .find(|&k| s.get(k).copied().is_some_and(is_sentence_end))
        .unwrap_or(limit)
}

// ---------------------------------------------------------------------------------------
// Title, place, date line

/// Chars that make a line a sentence rather than a title.
fn is_prose_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | '!' | '?'
    )
}

/// Names of a government's work report in a title line.
const REPORT_NAMES: &[&str] = &[
    "人民政府工作报告",
    "人民政府工作報告",
    "政府工作报告",
    "政府工作報告",
    "办事处工作报告",
    "辦事處工作報告",
    "统计公报",
    "統計公報",
];

/// The title line of the head: names a government's work report, is not a sentence, and may
/// be broken over two lines. A web page title's `_section_site` suffix is cut off. A line that
/// ends with the name (桐溪镇2025年政府工作报告, 政府工作报告（摘要）) is preferred to one that
/// only contains it (关于印发…政府工作报告的通知).
fn title_of(head: &[&str]) -> String {
    // (title, whether it ends with the name)
    let candidate = |s: &str| {
        let s = s.split('_').next().unwrap_or(s).trim();
        let s = tidy(&without_date_note(s));
        let s = s.as_str();
        let named = REPORT_NAMES.iter().any(|n| s.contains(n));
        if !named || s.chars().any(is_prose_punct) || s.chars().count() > 60 {
            return None;
        }
        let core = match s.rfind(['（', '(']) {
            Some(i) if s.ends_with(['）', ')']) => s.get(..i).unwrap_or(s).trim(),
            _ => s,
        };
        Some((
            s.to_string(),
            REPORT_NAMES.iter().any(|n| core.ends_with(n)),
        ))
    };
    let singles: Vec<(String, bool)> = head.iter().filter_map(|l| candidate(l)).collect();
    // 政府工作报 / 告: a title a PDF broke over two lines (neither half names the report)
    let pairs: Vec<(String, bool)> = head
        .windows(2)
        .filter(|w| w.iter().all(|l| candidate(l).is_none()))
        .filter_map(|w| candidate(&w.concat()))
        .collect();
    let all = || singles.iter().chain(&pairs);
    all()
        .find(|(_, ends)| *ends)
        .or_else(|| all().next())
        .map(|(t, _)| t.clone())
        .unwrap_or_default()
}

/// A title line without the date line run on after it (政府工作报告  ——2019年1月27日在…,
/// 政府工作报告（2013年1月26日在…会议上 代省长某某）).
fn without_date_note(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let norm: Vec<char> = chars.iter().map(|&c| norm_char(c)).collect();
    let cut = (1..norm.len()).find(|&p| {
        norm.get(p - 1).is_some_and(|&c| is_line_mark(c))
            && date_at(&norm, p).is_some()
            && norm
                .get(..p)
                .is_some_and(|b| REPORT_NAMES.iter().any(|n| contains(b, n)))
    });
    match cut {
        Some(p) => {
            let mut k = p;
            while k > 0 && (is_line_mark(norm[k - 1]) || norm[k - 1].is_whitespace()) {
                k -= 1;
            }
            chars[..k].iter().collect()
        }
        None => s.to_string(),
    }
}

/// A line with the blanks of a Markdown text's markup (and PDF spacing) taken out: whitespace
/// between two non-ASCII characters removed, other runs made one space.
fn tidy(s: &str) -> String {
    let chars: Vec<char> = s.trim().chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let j = (i..chars.len())
                .find(|&k| !chars[k].is_whitespace())
                .unwrap_or(chars.len());
            let before = out.chars().last();
            let after = chars.get(j).copied();
            let join =
                before.is_some_and(|b| !b.is_ascii()) || after.is_some_and(|a| !a.is_ascii());
            if !join {
                out.push(' ');
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The place named in a title: 2024年淞南镇人民政府工作报告 → 淞南镇, 澜江省2025年政府工作报告
/// → 澜江省, 关于印发桐溪镇2025年政府工作报告的通知 → 桐溪镇; 政府工作报告 → nothing.
fn place_of(title: &str) -> String {
    let chars: Vec<char> = title.chars().collect();
    let norm: Vec<char> = chars.iter().map(|&c| norm_char(c)).collect();
    let Some(at) = REPORT_NAMES
        .iter()
        .find_map(|n| (0..norm.len()).find(|&i| starts(&norm, i, n)))
    else {
        return String::new();
    };
    // the words before the name, without the years and the wrapper of a notice
    let mut place = String::new();
    let mut i = 0;
    while i < at {
        if let Some((_, end)) = year_at(&norm, i).or_else(|| listed_year_at(&norm, i)) {
            i = end;
            continue;
        }
        if let Some(c) = chars.get(i) {
            place.push(*c);
        }
        i += 1;
    }
    let place = place.replace(['《', '》', '“', '”', '"'], "");
    let mut place = place.trim();
    for wrapper in ["关于印发", "关于公布", "关于", "關於印發", "關於"] {
        place = place.strip_prefix(wrapper).unwrap_or(place);
    }
    let place = place.trim_end_matches(['年', '度']).trim();
    let place = place
        .strip_suffix("人民政府")
        .or_else(|| place.strip_suffix("政府"))
        .unwrap_or(place)
        .trim();
    if place.contains("国务院") || place.contains("國務院") || place.contains(NATIONAL) {
        return NATIONAL.into();
    }
    place.to_string()
}

/// The government the speaker represents, within the first `limit` chars: 我代表淞南镇人民政府
/// → 淞南镇 (我代表省人民政府 names no place).
fn represented_government(s: &[char], limit: usize) -> String {
    let limit = s.len().min(limit);
    let mut from = 0;
    while let Some(i) = find(s, "代表", from, limit) {
        from = i + 2;
        let Some(end) = find(s, "人民政府", from, (from + 16).min(limit)) else {
            continue;
        };
        let name = s.get(from..end).unwrap_or(&[]);
        let plain = name.iter().all(|&c| {
            ('\u{4e00}'..='\u{9fff}').contains(&c) && !matches!(c, '我' | '的' | '和' | '向')
        });
        let name: String = name.iter().collect();
        let generic = ["自治区", "自治州", "自治县", "地区", "特区", "新区", "街道"];
        if name.chars().count() >= 2 && plain && !generic.contains(&name.as_str()) {
            return name;
        }
    }
    String::new()
}

/// The place of the congress the report is delivered to, in the head (before 各位代表): 在云南省第十三届人民代表
/// 大会第三次会议上 → 云南省 (a national congress, 第十届全国人民代表大会, names none).
fn congress_place(s: &[char]) -> String {
    let limit = s.len().min(1500);
    let mut from = 0;
    while let Some(i) = find(s, "人民代表大会", from, limit) {
        from = i + 6;
        // 第十一届: the ordinal of the congress, a few chars back
        let Some(di) = (i.saturating_sub(8)..i)
            .rev()
            .find(|&k| s.get(k) == Some(&'第'))
        else {
            continue;
        };
        let mut start = di;
        while start > 0 && di - start < 24 {
            let c = s.get(start - 1).copied().unwrap_or(' ');
            if !('\u{4e00}'..='\u{9fff}').contains(&c) || matches!(c, '在' | '于' | '日') {
                break;
            }
            start -= 1;
        }
        if di - start >= 2 {
            return s.get(start..di).unwrap_or(&[]).iter().collect();
        }
    }
    String::new()
}

/// Whether the report is delivered for the State Council (or, before 1954, the Central
/// People's Government): its opening says so.
fn is_national(s: &[char]) -> bool {
    let opening = s.get(..s.len().min(1500)).unwrap_or(s);
    [
        "代表国务院",
        "国务院的委托",
        "国务院委托",
        "国务院向",
        "国务院决定由我",
        "国务院的决定",
        "代表中央人民政府",
    ]
    .iter()
    .any(|p| contains(opening, p))
}

fn level_of(place: &str) -> AdminLevel {
    let simplified: String = place
        .chars()
        .map(|c| match c {
            '縣' => '县',
            '區' => '区',
            '鎮' => '镇',
            '鄉' => '乡',
            '島' => '岛',
            c => c,
        })
        .collect();
    let place = simplified.as_str();
    let ends = |s: &str| place.ends_with(s);
    if place == NATIONAL {
        AdminLevel::National
    } else if ends("省")
        || ends("自治区")
        || ["北京市", "上海市", "天津市", "重庆市"].contains(&place)
    {
        AdminLevel::Province
    } else if ends("镇") || ends("乡") {
        AdminLevel::Town
    } else if ends("街道") {
        AdminLevel::Subdistrict
    } else if ends("区") {
        AdminLevel::District
    } else if ends("县") || ends("旗") {
        AdminLevel::County
    } else if ends("州") || ends("盟") || ends("市") {
        AdminLevel::Prefecture
    } else {
        AdminLevel::Other
    }
}

/// A date line of the head.
#[derive(Debug, Clone)]
struct DateLine {
    year: i32,
    month: u32,
    iso: String,
    meeting: Option<String>,
}

impl DateLine {
    /// The year a report delivered on this date plans for: a report delivered in December
    /// plans for the next year (the congresses of many cities meet in late December).
    fn plan_year(&self) -> i32 {
        if self.month == 12 {
            self.year + 1
        } else {
            self.year
        }
    }
}

/// Marks that set a date line off: dashes and brackets.
fn is_line_mark(c: char) -> bool {
    matches!(
        c,
        '—' | '―' | '-' | '─' | '－' | '–' | '(' | '（' | '[' | '【'
    )
}

/// "——2024年3月5日在第十四届全国人民代表大会第二次会议上" (the dash, brackets and the
/// meeting optional; the meeting may run on to the next line), also after the title on the same
/// line (政府工作报告  ——2019年1月27日在…, 政府工作报告（2013年1月26日在…会议上 代省长某某）),
/// for a session of several days (1964年12月21日和22日在…), and with the date after the
/// meeting (—在河北省第十届人民代表大会第二次会议上（二〇〇四年一月八日）).
fn date_line(head: &[&str]) -> Option<DateLine> {
    for (k, line) in head.iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let norm: Vec<char> = chars.iter().map(|&c| norm_char(c)).collect();
        let lead = norm
            .iter()
            .take_while(|&&c| is_line_mark(c) || c.is_whitespace())
            .count();
        let marked = norm
            .get(..lead)
            .is_some_and(|p| p.iter().any(|c| !c.is_whitespace()));
        // the date at the start, or right after a dash or bracket inside the line
        let inner = (lead + 1..norm.len()).filter(|&p| {
            let dash = norm
                .get(p.saturating_sub(2)..p)
                .is_some_and(|d| d.iter().all(|&c| matches!(c, '—' | '―' | '-' | '－')));
            let after_title = norm.get(p - 1).is_some_and(|&c| is_line_mark(c))
                && norm
                    .get(..p)
                    .is_some_and(|b| REPORT_NAMES.iter().any(|n| contains(b, n)));
            dash || after_title
        });
        // ——在一九九七年二月十五日在…会议上: a stray 在 before the date
        let lead = if marked && norm.get(lead) == Some(&'在') && date_at(&norm, lead + 1).is_some()
        {
            lead + 1
        } else {
            lead
        };
        for (start, is_marked) in std::iter::once((lead, marked)).chain(inner.map(|p| (p, true))) {
            if let Some(d) = date_line_at(head, k, &chars, &norm, start, is_marked) {
                return Some(d);
            }
        }
        // the meeting first, the date after it in brackets
        if norm.get(lead) == Some(&'在') && marked {
            if let Some(open) = norm.iter().rposition(|&c| c == '(' || c == '（') {
                if let Some((year, month, day, _)) = date_at(&norm, open + 1) {
                    let m: String = chars.get(lead + 1..open).unwrap_or(&[]).iter().collect();
                    if let Some(meeting) = meeting_of(&m) {
                        return Some(DateLine {
                            year,
                            month,
                            iso: format!("{year:04}-{month:02}-{day:02}"),
                            meeting: Some(meeting),
                        });
                    }
                }
            }
        }
    }
    None
}

/// The meeting named by `m` (what follows 在): up to its last 会议 or 大会, spaces taken out;
/// `None` when it names no meeting.
fn meeting_of(m: &str) -> Option<String> {
    let chars: Vec<char> = m.chars().collect();
    let norm: Vec<char> = chars.iter().map(|&c| norm_char(c)).collect();
    let ends = (0..norm.len().saturating_sub(1))
        .filter(|&i| starts(&norm, i, "会议") || starts(&norm, i, "大会"))
        .map(|i| i + 2)
        .max()?;
    let m: String = chars
        .get(..ends)?
        .iter()
        .filter(|c| !c.is_whitespace())
        .collect();
    (!m.is_empty()).then_some(m)
}

/// A date line whose date starts at `start` of line `k`.
fn date_line_at(
    head: &[&str],
    k: usize,
    chars: &[char],
    norm: &[char],
    start: usize,
    marked: bool,
) -> Option<DateLine> {
    let (year, month, day, mut end) = date_at(norm, start)?;
    // 1964年12月21日和22日: a session of several days, the first is the date
    if norm
        .get(end)
        .is_some_and(|&c| matches!(c, '和' | '、' | '至' | '-' | '—'))
    {
        if let Some((_, n)) = small_number(norm, end + 1) {
            if matches!(norm.get(end + 1 + n), Some('日' | '号')) {
                end += n + 2;
            }
        }
    }
    let rest: String = chars.get(end..).unwrap_or(&[]).iter().collect();
    let rest = rest.trim().trim_end_matches([')', '）']).trim();
    if rest.chars().any(is_prose_punct) {
        return None; // a sentence that starts with a date
    }
    let meeting = if rest.is_empty() {
        // a bare date is a signature or a publication date unless it is set off as the
        // date line (——2024年1月10日)
        if !marked {
            return None;
        }
        None
    } else if let Some(m) = rest.strip_prefix('在') {
        // a meeting broken over two lines: 在上海市宝山区淞南镇 / 第八届人民代表大会第五次会议上
        let m = match head.get(k + 1) {
            Some(next)
                if !m.ends_with('上') && next.trim_end_matches([')', '）']).ends_with('上') =>
            {
                format!("{m}{next}")
            }
            _ => m.to_string(),
        };
        Some(meeting_of(&m)?)
    } else {
        return None; // a sentence that starts with a date
    };
    Some(DateLine {
        year,
        month,
        iso: format!("{year:04}-{month:02}-{day:02}"),
        meeting,
    })
}

/// A front matter title read: the title proper and the hints it carries.
#[derive(Debug, Clone, Default)]
struct FrontTitle {
    /// The title without its date-and-speaker note, a doubled title said once.
    title: String,
    /// Whether it names the report (…政府工作报告, …统计公报), rather than being a bare year or
    /// a sentence.
    names_report: bool,
    /// A delivery date it gives: （2021年12月29日 马洪海）, 2025年1月15日…在…会议上作政府工作报告.
    date: Option<DateLine>,
    /// The speaker named after that date.
    speaker: Option<String>,
}

impl FrontTitle {
    fn read(raw: &str) -> FrontTitle {
        let raw = raw.trim();
        // 2002年广州市政府工作报告2002年广州市政府工作报告: said twice
        let n = raw.chars().count();
        let half: String = raw.chars().take(n / 2).collect();
        let raw = if n % 2 == 0 && n > 0 && raw == format!("{half}{half}") {
            half.as_str()
        } else {
            raw
        };
        let norm = title_chars(raw);
        let chars: Vec<char> = raw.chars().collect();
        let mut out = FrontTitle::default();
        // a note in brackets at the end: （2021年12月29日 马洪海）, （省九届人大四次会议 2001年）
        let mut title_end = chars.len();
        if matches!(norm.last(), Some(')')) {
            if let Some(open) = norm.iter().rposition(|&c| c == '(') {
                let inner = &norm[open + 1..norm.len() - 1];
                if let Some(k) = (0..inner.len()).find(|&k| date_at(inner, k).is_some()) {
                    if let Some((y, m, d, end)) = date_at(inner, k) {
                        out.date = Some(DateLine {
                            year: y,
                            month: m,
                            iso: format!("{y:04}-{m:02}-{d:02}"),
                            meeting: None,
                        });
                        let rest: String = chars[open + 1 + end..chars.len() - 1].iter().collect();
                        let name = rest.trim();
                        let cjk = name
                            .chars()
                            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '·');
                        if cjk && (2..=5).contains(&name.chars().count()) {
                            out.speaker = Some(name.to_string());
                        }
                        title_end = open;
                    }
                }
            }
        }
        // 2025年1月15日广东省省长王伟中在…会议上作政府工作报告: a sentence opening with the date
        if out.date.is_none() {
            if let Some((y, m, d, _)) = date_at(&norm, 0) {
                out.date = Some(DateLine {
                    year: y,
                    month: m,
                    iso: format!("{y:04}-{m:02}-{d:02}"),
                    meeting: None,
                });
            }
        }
        out.title = tidy(&chars[..title_end].iter().collect::<String>());
        let sentence = out.date.is_some() && title_end == chars.len();
        out.names_report = !sentence
            && REPORT_NAMES.iter().any(|n| out.title.contains(n))
            && !out.title.chars().any(is_prose_punct);
        out
    }
}

/// A title's chars, normalised ([`norm_char`]) with full-width parentheses made ASCII.
fn title_chars(title: &str) -> Vec<char> {
    title
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => norm_char(c),
        })
        .collect()
}

/// The year a title names, not as part of a date (中卫市政府工作报告（2021年12月29日…） names
/// none; 2024年福建省人民政府工作报告 and 兰州市人民政府工作报告（2019） name theirs).
fn title_year(title: &str) -> Option<i32> {
    let t = title_chars(title);
    for (start, end, y) in years_in(&t) {
        if date_at(&t, start).is_none() && !is_vision_year(&t, end) {
            return Some(y);
        }
    }
    // （2019）: a year in brackets
    let s: String = t.iter().collect();
    let open = s.rfind('(')?;
    let inner = s.get(open + 1..)?.strip_suffix(')')?.trim();
    let y: i32 = inner.parse().ok()?;
    (inner.len() == 4 && (1949..=2100).contains(&y)).then_some(y)
}

/// Whether the year ending at `end` is a long-range goal's (2035年远景目标, 2010年远景规划):
/// never the report's year.
fn is_vision_year(s: &[char], end: usize) -> bool {
    let after: String = s
        .get(end..(end + 3).min(s.len()))
        .unwrap_or(&[])
        .iter()
        .collect();
    after.contains("远景") || after.contains("遠景")
}

/// [`title_year`] for other crates: the year a title names, not as part of a date.
pub fn title_year_of(title: &str) -> Option<i32> {
    title_year(title)
}

/// Whether a name read off the text can be a place: not empty, not a bare level word (省, 市,
/// 自治区: 我代表市人民政府), not a phrase (…在…会议上作…).
fn is_place_name(place: &str) -> bool {
    let n = place.chars().count();
    let generic = [
        "省",
        "市",
        "区",
        "县",
        "州",
        "自治区",
        "自治州",
        "镇",
        "乡",
        "旗",
        "盟",
        "本市",
        "全市",
        "全省",
    ];
    // 上 ends a phrase (…会议上) but begins 上海, 上饶, 上杭
    (2..=16).contains(&n)
        && !generic.contains(&place)
        && !place.chars().enumerate().any(|(i, c)| {
            matches!(
                c,
                '在' | '作' | '向' | '的' | '届' | '屆' | '第' | '次' | '《' | '》'
            ) || (c == '上' && i > 0)
                || c.is_ascii_digit()
                || c.is_whitespace()
                || is_prose_punct(c)
        })
}

/// A page's publication line: a line of the head that opens with a date (2018-01-24 16:20,
/// 2018年01月24日 来源：…) and is not the date line of the report.
fn published_line(head: &[&str]) -> Option<DateLine> {
    for line in head.iter().take(8) {
        let norm: Vec<char> = line.chars().map(norm_char).collect();
        let dashed = || -> Option<(i32, u32, u32)> {
            let s: String = norm.iter().take(10).collect();
            let b = s.as_bytes();
            if s.len() != 10
                || !matches!(b.get(4), Some(b'-' | b'/' | b'.'))
                || b.get(7) != b.get(4)
            {
                return None;
            }
            let y: i32 = s.get(0..4)?.parse().ok()?;
            let m: u32 = s.get(5..7)?.parse().ok()?;
            let d: u32 = s.get(8..10)?.parse().ok()?;
            if norm.get(10).is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            ((1949..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
                .then_some((y, m, d))
        };
        let found = dashed().or_else(|| {
            let (y, m, d, end) = date_at(&norm, 0)?;
            // a date and then a time or a source note, not a sentence or a meeting
            let rest: String = norm.get(end..)?.iter().collect();
            let rest = rest.trim();
            (rest.is_empty()
                || rest.starts_with(|c: char| c.is_ascii_digit())
                || rest.starts_with("来源")
                || rest.starts_with("來源"))
            .then_some((y, m, d))
        });
        if let Some((y, m, d)) = found {
            return Some(DateLine {
                year: y,
                month: m,
                iso: format!("{y:04}-{m:02}-{d:02}"),
                meeting: None,
            });
        }
    }
    None
}

/// A year the text calls this year or next year in the opening (今年是…2018年, 2019年是…明年):
/// `Y年` right after 今年 (今年即2018年) or 今年（2018年）.
fn this_year_statement(s: &[char]) -> Option<i32> {
    let limit = s.len().min(6000);
    let mut from = 0;
    while let Some(i) = find(s, "今年", from, limit) {
        from = i + 2;
        let mut j = from;
        while j < limit && j < from + 3 && matches!(s[j], '(' | '即' | '是' | ' ' | '，' | ',') {
            j += 1;
        }
        if let Some((y, _)) = year_at(s, j) {
            return Some(y);
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// The National People's Congress

/// The year of a session of the National People's Congress: the 1st congress met every year
/// 1954–1958, the 2nd in 1959, 1960, 1962 and 1963, the 3rd (1964) and the 4th (1975) once,
/// and from the 5th (1978) each congress has five yearly sessions. `None` for the congress's
/// first session.
fn npc_year(term: u32, session: Option<u32>) -> Option<i32> {
    let s = session.unwrap_or(1);
    match term {
        1 => (1..=5).contains(&s).then(|| 1953 + s as i32),
        2 => [1959, 1960, 1962, 1963]
            .get(s.checked_sub(1)? as usize)
            .copied(),
        3 => (s == 1).then_some(1964),
        4 => (s == 1).then_some(1975),
        5..=30 => (1..=5)
            .contains(&s)
            .then(|| 1978 + 5 * (term as i32 - 5) + s as i32 - 1),
        _ => None,
    }
}

/// A mention of a congress or one of its sessions.
struct Session {
    start: usize,
    end: usize,
    term: u32,
    session: Option<u32>,
}

/// The numeral ending just before `at`, preceded by 第 when `with_di`: (value, start).
fn numeral_before(s: &[char], at: usize, with_di: bool) -> Option<(u32, usize)> {
    for len in (1..=3).rev() {
        let Some(i) = at.checked_sub(len) else {
            continue;
        };
        if let Some((n, l)) = small_number(s, i) {
            if l == len {
                if !with_di {
                    return Some((n, i));
                }
                if i > 0 && s.get(i - 1) == Some(&'第') {
                    return Some((n, i - 1));
                }
            }
        }
    }
    None
}

/// Every mention of a congress of the National People's Congress: 第五届全国人民代表大会
/// (第三次会议), 五届全国人大四次会议, 五届人大四次会议.
fn sessions(s: &[char]) -> Vec<Session> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = find(s, "届", i, s.len()) {
        i = k + 1;
        let after = k + 1;
        let (full, name_len) = if starts(s, after, "全国人民代表大会") {
            (true, 8)
        } else if starts(s, after, "全国人大") {
            (false, 4)
        } else if starts(s, after, "人大") {
            (false, 2)
        } else {
            continue;
        };
        let Some((term, start)) = numeral_before(s, k, full) else {
            continue;
        };
        let mut end = after + name_len;
        let mut session = None;
        let di = usize::from(s.get(end) == Some(&'第'));
        if let Some((n, l)) = small_number(s, end + di) {
            let j = end + di + l;
            if starts(s, j, "次会议") {
                session = Some(n);
                end = j + 3;
            } else if starts(s, j, "次会") {
                session = Some(n);
                end = j + 2;
            }
        }
        if !full && session.is_none() {
            continue;
        }
        out.push(Session {
            start,
            end,
            term,
            session,
        });
        i = end;
    }
    out
}

/// The session the report is addressed to (向第一届全国人民代表大会第二次会议提出…, 我们第一届
/// 全国人民代表大会第一次会议…): its year and its name as written.
fn addressed_session(text: &str, s: &[char]) -> Option<(i32, String)> {
    let original: Vec<char> = text.chars().collect();
    sessions(s).into_iter().find_map(|m| {
        let before = |p: &str| {
            let n = p.chars().count();
            m.start >= n && starts(s, m.start - n, p)
        };
        let mut j = m.end;
        while s.get(j).is_some_and(|&c| c == '，' || c == ',' || c == ' ') {
            j += 1;
        }
        let verb = ["作", "提出", "报告", "提交", "提请"]
            .iter()
            .any(|v| starts(s, j, v));
        let addressed = (before("向") && verb) || before("我们");
        if !addressed {
            return None;
        }
        let year = npc_year(m.term, m.session)?;
        let name: String = original.get(m.start..m.end)?.iter().collect();
        Some((year, name))
    })
}

/// An earlier session dated relative to now: 去年…第五届全国人民代表大会第三次会议 (a year
/// later), 第十一届全国人民代表大会第一次会议以来的五年, 从…会议…到现在，已经一年零两个月.
fn relative_session_year(s: &[char]) -> Option<i32> {
    for m in sessions(s) {
        let Some(year) = npc_year(m.term, m.session) else {
            continue;
        };
        // 去年 shortly before, in the same sentence
        let from = m.start.saturating_sub(8);
        let window = s.get(from..m.start).unwrap_or(&[]);
        if let Some(p) = (0..window.len()).rev().find(|&p| starts(window, p, "去年")) {
            if !window.iter().skip(p).any(|&c| is_sentence_end(c)) {
                return Some(year + 1);
            }
        }
        // the time since, later in the sentence
        let end = sentence_end(s, m.end);
        for key in ["以来", "已经", "过去了", "到现在"] {
            let Some(k) = find(s, key, m.end, end) else {
                continue;
            };
            let after = k + key.chars().count();
            let to = (after + 12).min(end);
            if let Some(n) = (after..to)
                .find_map(|i| small_number(s, i).filter(|&(_, l)| s.get(i + l) == Some(&'年')))
            {
                return Some(year + n.0 as i32);
            }
        }
    }
    None
}

/// A whole term looked back on (第六届全国人民代表大会期间): the report opens the next term.
fn term_review_year(s: &[char]) -> Option<i32> {
    sessions(s)
        .into_iter()
        .filter(|m| m.session.is_none() && starts(s, m.end, "期间"))
        .find_map(|m| npc_year(m.term + 1, None))
}

// ---------------------------------------------------------------------------------------
// Headings and statements

/// Words of a heading that reviews the year it names.
const REVIEW_WORDS: &[&str] = &[
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
const PLAN_WORDS: &[&str] = &[
    "安排", "任务", "目标", "要求", "计划", "预算", "部署", "取向", "方针",
];

/// The lines of `s` that start with a part or section marker (一、 （一） (一)), without it:
/// (start of the title, end of the line).
fn marked_headings(s: &[char]) -> Vec<(usize, usize)> {
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
fn heading_year(s: &[char]) -> Option<i32> {
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
fn unmarked_heading_year(s: &[char]) -> Option<i32> {
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
fn just_past_year(s: &[char]) -> Option<i32> {
    years_in(s).into_iter().find_map(|(start, _, y)| {
        let n = "过去的".chars().count();
        (start >= n && starts(s, start - n, "过去的")).then_some(y + 1)
    })
}

/// The five-year plan of a mention at `i` (“七五”, 七五计划, 第七个五年计划): its first year.
fn five_year_plan_at(s: &[char], i: usize) -> Option<(u32, usize)> {
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
fn five_year_plan_year(s: &[char]) -> Option<i32> {
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
fn review_heading_then_year(s: &[char]) -> Option<i32> {
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
fn voted_year(s: &[char]) -> Option<i32> {
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
fn is_traditional(text: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().map(norm_char).collect()
    }

    #[test]
    fn seed_like_header() {
        let text = "2024年淞南镇人民政府工作报告_规划计划_上海市宝山区人民政府门户网站\n\n2024年淞南镇人民政府工作报告\n\n各位代表:\n";
        let m = infer_meta(text, "000_6f05bcefc5d3777c");
        assert_eq!(m.title, "2024年淞南镇人民政府工作报告");
        assert_eq!(m.place_zh, "淞南镇");
        assert_eq!(m.report_year, Some(2024));
        assert_eq!(m.admin_level, AdminLevel::Town);
        assert_eq!(m.report_id, "000-6f05bcefc5d3777c");
    }

    #[test]
    fn national_header() {
        let text = "政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n国务院总理　李强\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、2023年工作回顾\n\n二、2024年经济社会发展总体要求和政策取向\n";
        let m = infer_meta(text, "national 2024");
        assert_eq!(m.report_year, Some(2024));
        assert_eq!(m.delivered_date.as_deref(), Some("2024-03-05"));
        assert_eq!(
            m.meeting.as_deref(),
            Some("第十四届全国人民代表大会第二次会议")
        );
        assert_eq!(m.report_id, "national-2024");
        assert_eq!(m.title, "政府工作报告");
        assert_eq!(m.place_zh, NATIONAL);
        assert_eq!(m.admin_level, AdminLevel::National);
    }

    #[test]
    fn nothing_to_read() {
        let m = infer_meta("", "x");
        assert_eq!(m.report_year, None);
        assert_eq!(m.place_zh, "未知");
        assert_eq!(m.title, "");
    }

    #[test]
    fn years_in_every_numeral() {
        for (s, y) in [
            ("2024年", 2024),
            ("２０２４年", 2024),
            ("一九五八年", 1958),
            ("二〇二四年", 2024),
            ("1 9 9 3 年", 1993),
        ] {
            assert_eq!(year_at(&chars(s), 0).map(|x| x.0), Some(y), "{s}");
        }
        for s in [
            "12024年",
            "202年",
            "十九五八年",
            "2024",
            "1.2024年",
            "2024号",
        ] {
            assert!(years_in(&chars(s)).is_empty(), "{s}");
        }
        assert_eq!(
            years_in(&chars("1980、1981年和1981—1985年")),
            [(0, 4, 1980), (5, 10, 1981), (11, 15, 1981), (16, 21, 1985)]
        );
        assert_eq!(year_at(&chars("12024年"), 1), None);
        assert_eq!(
            date_at(&chars("一九五四年九月二十三日"), 0).map(|d| (d.0, d.1, d.2)),
            Some((1954, 9, 23))
        );
        assert_eq!(date_at(&chars("2024年13月5日"), 0), None);
    }

    #[test]
    fn npc_calendar() {
        assert_eq!(npc_year(1, Some(1)), Some(1954));
        assert_eq!(npc_year(1, Some(5)), Some(1958));
        assert_eq!(npc_year(2, Some(3)), Some(1962));
        assert_eq!(npc_year(4, None), Some(1975));
        assert_eq!(npc_year(5, Some(4)), Some(1981));
        assert_eq!(npc_year(10, Some(1)), Some(2003));
        assert_eq!(npc_year(14, Some(2)), Some(2024));
        assert_eq!(npc_year(14, Some(6)), None);
        assert_eq!(npc_year(0, None), None);
    }

    #[test]
    fn local_sessions_are_not_national() {
        // a town's congress is not on the national calendar, and its report is not national
        let text = "各位代表：\n现在，我代表淞南镇人民政府，向大会报告工作。\n去年镇八届人大四次会议以来，全镇上下……\n一、2023年工作总结\n";
        let m = infer_meta(text, "t");
        assert_eq!(m.report_year, Some(2024));
        assert_eq!(m.place_zh, "淞南镇");
        assert_eq!(m.admin_level, AdminLevel::Town);
    }
}
