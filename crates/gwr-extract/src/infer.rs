//! Metadata read off the text, for reports given without a `report.toml`.
//!
//! Only what the text states plainly is taken: the title line, the place in the title, the
//! year of the title or of the plan part, and a delivered date of the form
//! "——2024年3月5日在…会议上". Anything else stays empty.

use gwr_model::meta::sanitize_id;
use gwr_model::{AdminLevel, ReportMeta};

/// Metadata inferred from `text`; `stem` (the file name without extension) gives the id.
pub fn infer_meta(text: &str, stem: &str) -> ReportMeta {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .take(40)
        .collect();
    let title = lines
        .iter()
        .find(|l| l.contains("政府工作报告") || l.contains("政府工作報告"))
        .map(|l| l.split('_').next().unwrap_or(l).trim().to_string())
        .unwrap_or_default();
    let title_year = leading_year(&title);
    let year = title_year.or_else(|| plan_year(text)).unwrap_or(0);
    let place = place_of(&title);
    let mut meta = ReportMeta {
        report_id: sanitize_id(stem),
        title,
        place_zh: if place.is_empty() {
            "未知".to_string()
        } else {
            place.clone()
        },
        admin_level: level_of(&place),
        report_year: year,
        ..Default::default()
    };
    if let Some((date, meeting)) = date_line(&lines) {
        meta.delivered_date = Some(date);
        meta.meeting = meeting;
    }
    if meta.report_year == 0 {
        meta.report_year = meta
            .delivered_date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
            .unwrap_or(0);
    }
    meta.language = if is_traditional(text) {
        "zh-Hant".into()
    } else {
        "zh-Hans".into()
    };
    meta
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A four-digit year followed by 年 at the start of `s`.
fn leading_year(s: &str) -> Option<i32> {
    let digits: Vec<u32> = s
        .chars()
        .take_while(|c| digit(*c).is_some())
        .filter_map(digit)
        .collect();
    let rest = s.chars().nth(digits.len());
    (digits.len() == 4 && rest == Some('年'))
        .then(|| digits.iter().fold(0, |a, d| a * 10 + *d as i32))
}

/// The plan year: the year of a part heading like "二、2024年工作安排", or one more than the
/// year of "一、2023年工作回顾".
fn plan_year(text: &str) -> Option<i32> {
    let mut review = None;
    for line in text.lines().map(str::trim) {
        let Some(rest) = line
            .strip_prefix(|c: char| "一二三四".contains(c))
            .and_then(|r| r.strip_prefix('、'))
        else {
            continue;
        };
        if let Some(y) = leading_year(rest) {
            let after: String = rest.chars().skip(5).collect();
            if after.contains("回顾") || after.contains("总结") {
                review.get_or_insert(y + 1);
            } else if after.contains("安排")
                || after.contains("任务")
                || after.contains("目标")
                || after.contains("总体要求")
            {
                return Some(y);
            }
        }
    }
    review
}

/// The place named in a title like "2024年淞南镇人民政府工作报告" or "政府工作报告".
fn place_of(title: &str) -> String {
    let body: String = title
        .chars()
        .skip_while(|c| digit(*c).is_some() || *c == '年')
        .collect();
    for marker in [
        "人民政府工作报告",
        "政府工作报告",
        "人民政府工作報告",
        "政府工作報告",
    ] {
        if let Some(i) = body.find(marker) {
            let place = body[..i].trim();
            if place.contains("国务院") || place.contains("中华人民共和国") {
                return "中华人民共和国".into();
            }
            return place.to_string();
        }
    }
    String::new()
}

fn level_of(place: &str) -> AdminLevel {
    let ends = |s: &str| place.ends_with(s);
    if place == "中华人民共和国" {
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

/// "——2024年3月5日在第十四届全国人民代表大会第二次会议上" → ("2024-03-05", meeting).
fn date_line(lines: &[&str]) -> Option<(String, Option<String>)> {
    for line in lines {
        let l = line.trim_start_matches(['—', '-', '─', ' ']);
        if l.len() == line.len() {
            continue;
        }
        let chars: Vec<char> = l.chars().collect();
        let mut nums = Vec::new();
        let mut i = 0;
        for sep in ['年', '月', '日'] {
            let start = i;
            while i < chars.len() && digit(chars[i]).is_some() {
                i += 1;
            }
            if i == start || chars.get(i) != Some(&sep) {
                break;
            }
            nums.push(
                chars[start..i]
                    .iter()
                    .filter_map(|c| digit(*c))
                    .fold(0u32, |a, d| a * 10 + d),
            );
            i += 1;
        }
        if nums.len() == 3 && (1..=12).contains(&nums[1]) && (1..=31).contains(&nums[2]) {
            let rest: String = chars[i..].iter().collect();
            let meeting = rest
                .strip_prefix('在')
                .map(|m| m.trim_end_matches('上').trim().to_string())
                .filter(|m| !m.is_empty());
            return Some((
                format!("{:04}-{:02}-{:02}", nums[0], nums[1], nums[2]),
                meeting,
            ));
        }
    }
    None
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

    #[test]
    fn seed_like_header() {
        let text = "2024年淞南镇人民政府工作报告_规划计划_上海市宝山区人民政府门户网站\n\n2024年淞南镇人民政府工作报告\n\n各位代表:\n";
        let m = infer_meta(text, "000_6f05bcefc5d3777c");
        assert_eq!(m.title, "2024年淞南镇人民政府工作报告");
        assert_eq!(m.place_zh, "淞南镇");
        assert_eq!(m.report_year, 2024);
        assert_eq!(m.admin_level, AdminLevel::Town);
        assert_eq!(m.report_id, "000-6f05bcefc5d3777c");
    }

    #[test]
    fn national_header() {
        let text = "政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n国务院总理　李强\n\n各位代表：\n\n一、2023年工作回顾\n\n二、2024年经济社会发展总体要求和政策取向\n";
        let m = infer_meta(text, "national 2024");
        assert_eq!(m.report_year, 2024);
        assert_eq!(m.delivered_date.as_deref(), Some("2024-03-05"));
        assert_eq!(
            m.meeting.as_deref(),
            Some("第十四届全国人民代表大会第二次会议")
        );
        assert_eq!(m.report_id, "national-2024");
    }

    #[test]
    fn nothing_to_read() {
        let m = infer_meta("", "x");
        assert_eq!(m.report_year, 0);
        assert_eq!(m.place_zh, "未知");
    }
}
