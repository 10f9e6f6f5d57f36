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

mod headings;
mod npc;
mod scan;
#[cfg(test)]
mod tests;
mod title;

use self::headings::*;
use self::npc::*;
use self::scan::*;
pub use self::title::title_year_of;
use self::title::*;

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
