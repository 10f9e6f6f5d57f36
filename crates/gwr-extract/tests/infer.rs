//! `infer_meta`: the year, date, meeting, title and place read off a report's own text.
//!
//! The national cases are the heads of real reports (`fixtures/infer/`, see its README), each
//! showing another way the text gives its year; the local cases are written here in the shapes
//! of town, county and city reports. Nothing here reads `/work/shared`.

use std::path::Path;

use gwr_extract::infer::infer_meta;
use gwr_model::{AdminLevel, ReportMeta};

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/infer"))
}

fn level(s: &str) -> AdminLevel {
    serde_json::from_value(serde_json::Value::String(s.into()))
        .unwrap_or_else(|e| panic!("admin level {s:?}: {e}"))
}

/// Every field the fixture row names, compared; the differences as lines.
fn differences(m: &ReportMeta, cols: &[&str]) -> Vec<String> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let got = [
        m.report_year.map_or("0".into(), |y| y.to_string()),
        opt(&m.delivered_date),
        opt(&m.meeting),
        m.title.clone(),
        m.place_zh.clone(),
    ];
    let names = [
        "report_year",
        "delivered_date",
        "meeting",
        "title",
        "place_zh",
    ];
    let mut out: Vec<String> = names
        .iter()
        .zip(&got)
        .zip(cols.iter().skip(1))
        .filter(|((_, g), w)| g.as_str() != **w)
        .map(|((n, g), w)| format!("{n}: got {g:?}, want {w:?}"))
        .collect();
    if let Some(w) = cols.get(6) {
        if m.admin_level != level(w) {
            out.push(format!("admin_level: got {:?}, want {w}", m.admin_level));
        }
    }
    if let Some(w) = cols.get(7) {
        if m.language != *w {
            out.push(format!("language: got {}, want {w}", m.language));
        }
    }
    out
}

#[test]
fn national_heads_give_year_date_and_meeting() {
    let table = std::fs::read_to_string(fixtures().join("expected.csv")).expect("expected.csv");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.splitn(9, ',').collect();
        assert_eq!(cols.len(), 9, "malformed row {line:?}");
        let file = cols[0];
        let text = std::fs::read_to_string(fixtures().join(file)).expect(file);
        let m = infer_meta(&text, file.trim_end_matches(".txt"));
        for d in differences(&m, &cols) {
            failures.push(format!("{file} ({}): {d}", cols[8]));
        }
        n += 1;
    }
    assert!(n >= 15, "only {n} fixtures");
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The report id comes from the file name, whatever the text says.
#[test]
fn id_is_the_file_name() {
    let text = std::fs::read_to_string(fixtures().join("national-2024.txt")).expect("fixture");
    assert_eq!(
        infer_meta(&text, "Gov Report_2024").report_id,
        "gov-report-2024"
    );
}

/// (text, year, delivered date, meeting, title, place, level)
type Case = (
    &'static str,
    i32,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    &'static str,
    AdminLevel,
);

#[test]
fn local_reports() {
    let cases: &[Case] = &[
        // a web page: title with the site's suffix, date line in brackets with the meeting
        // broken over two lines
        (
            "2023年某县人民政府工作报告_政务公开_某县人民政府网\n\n2023年某县人民政府工作报告\n（2023年1月8日在某县第十八届人民代表大会\n第三次会议上）\n县长 某某\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n",
            2023,
            Some("2023-01-08"),
            Some("某县第十八届人民代表大会第三次会议"),
            "2023年某县人民政府工作报告",
            "某县",
            AdminLevel::County,
        ),
        // Chinese numerals in the title and the date line
        (
            "二〇二四年甲市人民政府工作报告\n——二〇二四年一月十六日在甲市第十届人民代表大会第四次会议上\n各位代表：\n",
            2024,
            Some("2024-01-16"),
            Some("甲市第十届人民代表大会第四次会议"),
            "二〇二四年甲市人民政府工作报告",
            "甲市",
            AdminLevel::Prefecture,
        ),
        // traditional characters, full-width digits, a title a PDF broke over two lines
        (
            "乙鎮人民政府工作報\n告\n——２０２２年１月５日在乙鎮第五屆人民代表大會第一次會議上\n各位代表：\n",
            2022,
            Some("2022-01-05"),
            Some("乙鎮第五屆人民代表大會第一次會議"),
            "乙鎮人民政府工作報告",
            "乙鎮",
            AdminLevel::Town,
        ),
        // no title, no date line: the government represented and the headings
        (
            "各位代表：\n现在，我代表丙区人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n全年完成区级财政收入5.87亿元。\n二、2024年主要目标任务\n",
            2024,
            None,
            None,
            "",
            "丙区",
            AdminLevel::District,
        ),
        // a heading list of two plan years: the earlier
        (
            "各位代表：\n我代表丁市人民政府报告工作。\n一、过去一年的工作\n二、2025年主要任务\n三、确保2024、2025年计划的完成\n",
            2024,
            None,
            None,
            "",
            "丁市",
            AdminLevel::Prefecture,
        ),
        // a subdistrict's report, the year in front
        (
            "2025年临江街道办事处工作报告\n各位代表：\n",
            2025,
            None,
            None,
            "2025年临江街道办事处工作报告",
            "临江街道",
            AdminLevel::Subdistrict,
        ),
        // a notice publishing the report: the report's own title line, not the notice's, and
        // the notice's signature date is not the delivered date
        (
            "关于印发桐溪镇2025年政府工作报告的通知_通知公告_桐溪镇人民政府网\n桐溪镇人民政府\n2025年2月12日\n桐溪镇2025年政府工作报告\n各位代表：\n",
            2025,
            None,
            None,
            "桐溪镇2025年政府工作报告",
            "桐溪镇",
            AdminLevel::Town,
        ),
        // a news write-up of a report: no title, no date line; the page's date line
        // (2018-01-24 16:20) and what it says of 2018
        (
            "2018-01-24 16:20\n鄧輝在報告中說，2018年涪城全區經濟社會發展的主要預期目標是：地區生產總值增長8.5%。\n",
            2018,
            None,
            None,
            "",
            "未知",
            AdminLevel::Other,
        ),
        // a half-year report, delivered in July: the year it is delivered in
        (
            "关于2022年上半年工作情况的报告\n——2022年7月28日在甲市第十七届人民代表大会常务委员会第四次会议上\n主任、各位副主任：\n上半年，全市地区生产总值增长3.5%。下半年，我们将确保完成全年目标。\n",
            2022,
            Some("2022-07-28"),
            Some("甲市第十七届人民代表大会常务委员会第四次会议"),
            "",
            // the congress it was delivered to names the place
            "甲市",
            AdminLevel::Prefecture,
        ),
        // no year at all
        (
            "各位代表：\n现在，我代表政府向大会报告工作，请予审议。\n一、过去一年的工作\n财政收入增长5%。\n",
            0,
            None,
            None,
            "",
            "未知",
            AdminLevel::Other,
        ),
        // delivered in December for the next year: the next year, whatever the title says
        (
            "乙市人民政府工作报告\n——2021年12月28日在乙市第八届人民代表大会第一次会议上\n各位代表：\n一、2021年工作回顾\n二、2022年主要任务\n",
            2022,
            Some("2021-12-28"),
            Some("乙市第八届人民代表大会第一次会议"),
            "乙市人民政府工作报告",
            "乙市",
            AdminLevel::Prefecture,
        ),
        // a Markdown text: the front matter's title gives the place, date and speaker; its
        // lines and the markup never leak into title or place
        (
            "---\nsource: https://example.invalid/zw/2022.htm\ntitle: 中卫市政府工作报告（2021年12月29日 马洪海）\n---\n\n**各位代表：**\n\n现在，我代表市人民政府，向大会报告工作。\n\n## 一、2021年工作回顾\n",
            2022,
            Some("2021-12-29"),
            None,
            "中卫市政府工作报告",
            "中卫市",
            AdminLevel::Prefecture,
        ),
        // the five-year plan of the current year
        (
            "各位代表：\n今年是“十四五”规划的开局之年，也是本届政府任期的最后一年。\n",
            2021,
            None,
            None,
            "",
            "未知",
            AdminLevel::Other,
        ),
        // a sentence starting with a date is not a date line; a local congress has no calendar
        (
            "各位代表：\n2023年3月5日，在戊镇第九届人民代表大会第二次会议上，代表们审议了规划。\n去年镇九届人大二次会议以来，全镇上下……\n",
            0,
            None,
            None,
            "",
            "未知",
            AdminLevel::Other,
        ),
    ];
    for (text, year, date, meeting, title, place, lvl) in cases {
        let m = infer_meta(text, "r");
        let head = text.lines().next().unwrap_or_default();
        assert_eq!(m.report_year.unwrap_or(0), *year, "year of {head}");
        assert_eq!(m.delivered_date.as_deref(), *date, "date of {head}");
        assert_eq!(m.meeting.as_deref(), *meeting, "meeting of {head}");
        assert_eq!(m.title, *title, "title of {head}");
        assert_eq!(m.place_zh, *place, "place of {head}");
        assert_eq!(m.admin_level, *lvl, "level of {head}");
    }
}

/// Never a panic, whatever the text: fragments of every pattern, cut anywhere.
#[test]
fn never_panics_on_fragments() {
    let pieces = [
        "各位代表：",
        "政府工作报",
        "告",
        "——",
        "（",
        "2024年",
        "二〇二",
        "1 9 9",
        "年3月",
        "十",
        "日在",
        "第十四届全国人民代表大会第",
        "次会议上",
        "向第",
        "届人大",
        "去年",
        "以来的",
        "一、",
        "（一）",
        "今年是“十",
        "五”规划",
        "第十个五年",
        "刚刚过去的",
        "我代表",
        "人民政府",
        "\n",
        "。",
        "期间",
        "１９８４",
        "、",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut text = String::new();
        let n = (seed % 12) as usize;
        for _ in 0..n {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        seed = seed.wrapping_add(0x2545_f491);
        let m = infer_meta(&text, "x");
        assert!(
            m.report_year.is_none_or(|y| (1949..=2100).contains(&y)),
            "{text:?}"
        );
    }
}

/// How the year was read is recorded; the front matter gives the source and the speaker; the
/// place a folder names is taken only when the text names none.
#[test]
fn year_basis_and_hints() {
    use gwr_extract::infer::{infer_meta_with, Hints};
    use gwr_model::YearBasis;
    let basis = |text: &str| infer_meta(text, "r").report_year_basis;
    assert_eq!(
        basis("2024年甲镇人民政府工作报告\n各位代表：\n"),
        Some(YearBasis::Title)
    );
    assert_eq!(
        basis("乙市人民政府工作报告\n——2021年12月28日在乙市第八届人民代表大会第一次会议上\n各位代表：\n"),
        Some(YearBasis::DeliveredDate)
    );
    assert_eq!(
        basis("2018-01-24 16:20\n报告说。\n"),
        Some(YearBasis::PublishedDate)
    );
    assert_eq!(
        basis("各位代表：\n二、2024年主要任务\n"),
        Some(YearBasis::Headings)
    );
    assert_eq!(basis("各位代表：\n报告工作。\n"), Some(YearBasis::Unknown));

    let md = "---\nsource: https://example.invalid/zw/2022.htm\ntitle: 中卫市政府工作报告（2021年12月29日 马洪海）\n---\n\n**各位代表：**\n";
    let m = infer_meta(md, "r");
    assert_eq!(m.speaker.as_deref(), Some("马洪海"));
    assert_eq!(
        m.source_url.as_deref(),
        Some("https://example.invalid/zw/2022.htm")
    );

    // 2024年政府工作报告 names no place; 我代表省人民政府 neither: the folder's
    let text = "---\ntitle: 2024年政府工作报告\n---\n**各位代表：**\n现在，我代表省人民政府，向大会报告工作。\n";
    let hints = Hints {
        markdown: true,
        place: Some("福建省".into()),
    };
    let m = infer_meta_with(text, "r", &hints);
    assert_eq!((m.place_zh.as_str(), m.report_year), ("福建省", Some(2024)));
    assert_eq!(m.admin_level, AdminLevel::Province);
    assert_eq!(m.title, "2024年政府工作报告");
    // a place the text names wins over the folder's
    let m = infer_meta_with(
        "---\ntitle: 2024年厦门市政府工作报告\n---\n各位代表：\n",
        "r",
        &hints,
    );
    assert_eq!(m.place_zh, "厦门市");
    // a broken front matter: nothing taken from it, the text still read
    let m = infer_meta(
        "---\ntitle: [2024年\n---\n2023年丙县人民政府工作报告\n各位代表：\n",
        "r",
    );
    assert_eq!((m.place_zh.as_str(), m.report_year), ("丙县", Some(2023)));
}

/// A folder's name is a place when it ends with a level word; 上 may begin a name (上海市,
/// 上饶市) though it marks a phrase elsewhere (会议上).
#[test]
fn folder_names() {
    use gwr_extract::infer::place_of_folder;
    for name in ["上海市", "上饶市", "福建省", "内蒙古自治区", "乌鲁木齐市"] {
        assert_eq!(place_of_folder(name).as_deref(), Some(name), "{name}");
    }
    for name in ["国家统计局年度统计", "会议上市", "市", "2024"] {
        assert_eq!(place_of_folder(name), None, "{name}");
    }
}
