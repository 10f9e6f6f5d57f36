//! Place identity in extraction: the code, full name, level and parents of a report's place,
//! from `report.toml`'s `place_code` or resolved from its name; never a guess.

use gwr_extract::{extract, infer::infer_meta, SourceInfo};
use gwr_model::{AdminLevel, ReportMeta};

const TEXT: &str =
    "各位代表：\n\n一、2023年工作回顾\n\n全年完成区级财政收入5.87亿元，同比增加14.5%。\n";

fn meta(place: &str, parents: &[&str], code: Option<&str>) -> ReportMeta {
    ReportMeta {
        report_id: "r-2024".into(),
        place_zh: place.into(),
        parent_areas: parents.iter().map(|s| s.to_string()).collect(),
        place_code: code.map(String::from),
        report_year: Some(2024),
        ..Default::default()
    }
}

#[test]
fn a_town_with_its_parents_gets_its_nine_digit_code_and_chain() {
    let r = extract(
        TEXT,
        &meta("淞南镇", &["上海市", "宝山区"], None),
        &SourceInfo::utf8(TEXT),
    );
    let row = r.report.unwrap();
    assert_eq!(row.place_code.as_deref(), Some("310113113"));
    assert_eq!(row.admin_level, AdminLevel::Town);
    assert_eq!(row.parent_areas, "上海市 / 宝山区");
    let codes: Vec<&str> = r.places.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["100000", "310000", "310113", "310113113"]);
    assert_eq!(r.places[3].parent_code.as_deref(), Some("310113"));
    assert!(r
        .quality_issues
        .iter()
        .all(|q| q.code != "place_unresolved"));
}

#[test]
fn a_short_name_gets_the_full_name_and_level() {
    let r = extract(TEXT, &meta("延边州", &[], None), &SourceInfo::utf8(TEXT));
    let row = r.report.unwrap();
    assert_eq!(row.place_code.as_deref(), Some("222400"));
    assert_eq!(row.place_zh, "延边朝鲜族自治州");
    assert_eq!(row.admin_level, AdminLevel::Prefecture);
    assert_eq!(row.parent_areas, "吉林省");
}

#[test]
fn the_metadata_code_wins_over_the_name() {
    let r = extract(
        TEXT,
        &meta("朝阳区", &[], Some("110105")),
        &SourceInfo::utf8(TEXT),
    );
    assert_eq!(r.report.unwrap().place_code.as_deref(), Some("110105"));
}

#[test]
fn an_ambiguous_name_is_left_empty_with_a_quality_issue() {
    let text =
        "朝阳区人民政府工作报告\n各位代表：\n\n一、2023年工作回顾\n\n全年完成财政收入5.87亿元。\n";
    let r = extract(text, &meta("朝阳区", &[], None), &SourceInfo::utf8(text));
    assert_eq!(r.report.as_ref().unwrap().place_code, None);
    assert!(r.places.is_empty());
    let q = r
        .quality_issues
        .iter()
        .find(|q| q.code == "place_unresolved")
        .expect("a place_unresolved issue");
    assert_eq!(q.quote, "朝阳区");
    let chars: Vec<char> = text.chars().collect();
    let slice: String = chars[q.start as usize..q.end as usize].iter().collect();
    assert_eq!(q.quote, slice);
    // an unknown code is no better
    let r = extract(
        text,
        &meta("朝阳区", &[], Some("999999")),
        &SourceInfo::utf8(text),
    );
    assert!(r
        .quality_issues
        .iter()
        .any(|q| q.code == "place_unresolved"));
}

#[test]
fn inference_reads_the_place_off_the_text_and_resolves_it() {
    let text = "各位代表：\n\n现在，我代表延边州人民政府，向大会报告政府工作，请予审议。\n\n一、2023年工作回顾\n";
    let m = infer_meta(text, "yanbian-2024");
    assert_eq!(m.place_code.as_deref(), Some("222400"));
    assert_eq!(m.place_zh, "延边朝鲜族自治州");
    assert_eq!(m.admin_level, AdminLevel::Prefecture);
    assert_eq!(m.parent_areas, vec!["吉林省".to_string()]);
    let national =
        "各位代表：\n\n现在，我代表国务院，向大会报告政府工作，请予审议。\n\n一、2023年工作回顾\n";
    assert_eq!(
        infer_meta(national, "n").place_code.as_deref(),
        Some("100000")
    );
}
