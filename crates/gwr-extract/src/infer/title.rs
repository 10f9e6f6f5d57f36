//! The title, the place and the date line of a report.

use super::*;

// Title, place, date line

/// Chars that make a line a sentence rather than a title.
pub(super) fn is_prose_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | '!' | '?'
    )
}

/// Names of a government's work report in a title line.
pub(super) const REPORT_NAMES: &[&str] = &[
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
pub(super) fn title_of(head: &[&str]) -> String {
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
pub(super) fn without_date_note(s: &str) -> String {
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
pub(super) fn tidy(s: &str) -> String {
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
pub(super) fn place_of(title: &str) -> String {
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
pub(super) fn represented_government(s: &[char], limit: usize) -> String {
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
pub(super) fn congress_place(s: &[char]) -> String {
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
pub(super) fn is_national(s: &[char]) -> bool {
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

pub(super) fn level_of(place: &str) -> AdminLevel {
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
pub(super) struct DateLine {
    pub(super) year: i32,
    pub(super) month: u32,
    pub(super) iso: String,
    pub(super) meeting: Option<String>,
}

impl DateLine {
    /// The year a report delivered on this date plans for: a report delivered in December
    /// plans for the next year (the congresses of many cities meet in late December).
    pub(super) fn plan_year(&self) -> i32 {
        if self.month == 12 {
            self.year + 1
        } else {
            self.year
        }
    }
}

/// Marks that set a date line off: dashes and brackets.
pub(super) fn is_line_mark(c: char) -> bool {
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
pub(super) fn date_line(head: &[&str]) -> Option<DateLine> {
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
pub(super) fn meeting_of(m: &str) -> Option<String> {
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
pub(super) fn date_line_at(
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
pub(super) struct FrontTitle {
    /// The title without its date-and-speaker note, a doubled title said once.
    pub(super) title: String,
    /// Whether it names the report (…政府工作报告, …统计公报), rather than being a bare year or
    /// a sentence.
    pub(super) names_report: bool,
    /// A delivery date it gives: （2021年12月29日 马洪海）, 2025年1月15日…在…会议上作政府工作报告.
    pub(super) date: Option<DateLine>,
    /// The speaker named after that date.
    pub(super) speaker: Option<String>,
}

impl FrontTitle {
    pub(super) fn read(raw: &str) -> FrontTitle {
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
pub(super) fn title_chars(title: &str) -> Vec<char> {
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
pub(super) fn title_year(title: &str) -> Option<i32> {
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
pub(super) fn is_vision_year(s: &[char], end: usize) -> bool {
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
pub(super) fn is_place_name(place: &str) -> bool {
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
pub(super) fn published_line(head: &[&str]) -> Option<DateLine> {
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
pub(super) fn this_year_statement(s: &[char]) -> Option<i32> {
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
