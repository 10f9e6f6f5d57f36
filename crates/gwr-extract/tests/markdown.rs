//! Markdown sources: offsets and quotes count into the file as given (front matter included),
//! the markup never reaches a subject or a title, a broken front matter and an unknown year are
//! quality issues, not failures.

use gwr_extract::infer::{infer_meta_with, Hints};
use gwr_extract::{extract, SourceInfo};
use gwr_model::Report;

const MD: &str = "---\nsource: https://example.invalid/zw/2022.htm\ntitle: 中卫市政府工作报告（2021年12月29日 马洪海）\n---\n\n**各位代表：**\n\n现在，我代表市人民政府，向大会报告工作。\n\n## 一、2021年工作回顾\n\n全年地区生产总值**增长8.1%**，一般公共预算收入达到25.6亿元[1]。\n\n| 指标 | 数值 |\n|---|---|\n| 粮食产量 | 40万吨 |\n\n![图片](a.png)\n\n**二、2022年主要目标任务**\n\n今年地区生产总值增长7%左右，城镇新增就业1.2万人以上。\n";

fn run(text: &str, markdown: bool) -> Report {
    let hints = Hints {
        markdown,
        place: None,
    };
    let meta = infer_meta_with(text, "r", &hints);
    let mut info = SourceInfo::utf8(text);
    info.markdown = markdown;
    extract(text, &meta, &info)
}

fn slice(text: &str, s: u64, e: u64) -> String {
    text.chars()
        .skip(s as usize)
        .take((e - s) as usize)
        .collect()
}

fn markup(s: &str) -> bool {
    s.contains("**") || s.contains('#') || s.contains("[1]") || s.contains('|') || s.contains('!')
}

#[test]
fn markdown_report_reads_through_its_markup() {
    let r = run(MD, true);
    let row = r.report.as_ref().expect("row");
    assert_eq!(row.report_year, Some(2022));
    assert_eq!(row.delivered_date.as_deref(), Some("2021-12-29"));
    assert_eq!(row.title, "中卫市政府工作报告");
    assert_eq!(row.place_zh, "中卫市");
    assert_eq!(
        row.char_count as usize,
        MD.chars().count(),
        "the whole file counts"
    );
    // headings found through ** and ##, their titles clean
    let titles: Vec<&str> = r.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.iter().all(|t| !markup(t)), "{titles:?}");
    assert!(titles[1].starts_with("2022年主要目标任务"), "{titles:?}");
    // every quote is the slice of the file as given
    for s in &r.sections {
        assert_eq!(s.quote, slice(MD, s.start, s.end));
    }
    for p in &r.paragraphs {
        assert_eq!(p.quote, slice(MD, p.start, p.end));
    }
    for f in &r.facts {
        assert_eq!(f.quote, slice(MD, f.start, f.end));
        assert!(!markup(&f.subject), "{:?}", f.subject);
    }
    for q in &r.quality_issues {
        assert_eq!(q.quote, slice(MD, q.start, q.end));
    }
    let gdp = r
        .facts
        .iter()
        .find(|f| f.value_raw == "8.1")
        .expect("the bold growth is a fact");
    assert_eq!(gdp.period, Some(2021));
    let target = r.facts.iter().find(|f| f.value_raw == "7").expect("target");
    assert_eq!(target.period, Some(2022));
    // nothing is taken from the front matter as a fact
    let body = MD.split_once("\n---\n").expect("closing line").1;
    let fm_end = MD.chars().count() - body.chars().count();
    assert!(r.facts.iter().all(|f| f.start as usize >= fm_end));
    assert!(r.sections.iter().all(|s| s.start as usize >= fm_end));
}

#[test]
fn a_leading_front_matter_is_markdown_without_the_flag() {
    let flagged = run(MD, true);
    let detected = run(MD, false);
    assert_eq!(flagged.sections, detected.sections);
    assert_eq!(flagged.facts, detected.facts);
}

#[test]
fn broken_front_matter_is_a_quality_issue() {
    for (text, what) in [
        (
            "---\ntitle: [2022年\n---\n各位代表：\n2022年地区生产总值增长7%左右。\n",
            "YAML",
        ),
        (
            "---\ntitle: 2022年\n各位代表：\n2022年地区生产总值增长7%左右。\n",
            "never closed",
        ),
    ] {
        let r = run(text, true);
        let issue = r
            .quality_issues
            .iter()
            .find(|q| q.code == "front_matter_invalid")
            .unwrap_or_else(|| panic!("no issue for {text:?}: {:?}", r.quality_issues));
        assert!(issue.message_en.contains(what), "{}", issue.message_en);
        assert_eq!(issue.quote, slice(text, issue.start, issue.end));
        assert!(issue.quote.starts_with("---"));
        assert!(
            r.facts.iter().any(|f| f.value_raw == "7"),
            "still extracted"
        );
    }
}

#[test]
fn unknown_year_leaves_the_year_and_its_periods_empty() {
    let text = "各位代表：\n现在，我代表政府向大会报告工作。\n一、过去一年的工作\n去年财政收入增长5%。\n二、今年的主要任务\n今年地区生产总值增长6%左右。\n";
    let r = run(text, false);
    let row = r.report.as_ref().expect("row");
    assert_eq!(row.report_year, None);
    assert_eq!(row.report_year_basis, gwr_model::YearBasis::Unknown);
    assert!(r
        .quality_issues
        .iter()
        .any(|q| q.code == "report_year_unknown" && q.quote == "各位代表："));
    assert!(!r.facts.is_empty());
    assert!(r.facts.iter().all(|f| f.period.is_none()), "{:?}", r.facts);
}

/// A report that numbers none of its headings but sets them in bold (南京市 2015): the bold
/// lines inside the body are its parts; the same text as plain text has none; a bold phrase
/// inside a sentence, a bold salutation and a bold sentence are not headings.
#[test]
fn bold_lines_are_the_parts_of_an_unnumbered_report() {
    let text = "---\ntitle: 南京市2015年政府工作报告\n---\n\n**各位代表：**\n\n现在，我代表市人民政府向大会报告工作，请予审议。\n\n**2014年工作回顾**\n\n一年来，全市地区生产总值增长10.1%，**一般公共预算收入**增长12%。\n\n**全市经济运行总体平稳。**\n\n**2015年总体要求和目标任务**\n\n今年经济社会发展的主要预期目标是：地区生产总值增长8.5%左右。\n";
    let r = run(text, true);
    let titles: Vec<&str> = r.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["2014年工作回顾", "2015年总体要求和目标任务"]);
    for s in &r.sections {
        assert_eq!(slice(text, s.start, s.end), s.quote);
    }
    let plain = text.replace("**", "");
    assert!(run(&plain, false).sections.is_empty());
}
