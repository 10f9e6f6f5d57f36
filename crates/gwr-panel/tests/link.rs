//! Targets linked to outcomes through the real extractor: two reports of one place, the
//! second reviewing the year the first planned.

use gwr_extract::{extract, SourceInfo};
use gwr_model::{Met, OutcomeSource, OutcomeStatus, Report, ReportMeta};
use gwr_panel::Panel;

fn report(id: &str, place_code: &str, year: i32, text: &str) -> Report {
    let meta = ReportMeta {
        report_id: id.into(),
        place_zh: "示例市".into(),
        place_code: Some(place_code.into()),
        report_year: Some(year),
        ..ReportMeta::default()
    };
    extract(text, &meta, &SourceInfo::utf8(text))
}

const Y2023: &str = "各位代表：\n一、2022年工作回顾\n2022年，全市地区生产总值增长4.1%。\n二、2023年工作安排\n2023年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右。\n";
const Y2024: &str = "各位代表：\n一、2023年工作回顾\n2023年，全市地区生产总值增长5.2%，城镇调查失业率5.7%，居民消费价格上涨0.4%。\n二、2024年工作安排\n2024年的主要预期目标是：地区生产总值增长5%左右。\n";

#[test]
fn a_target_meets_the_outcome_of_the_next_report_of_its_place() {
    let a = report("x-2023", "110000", 2023, Y2023);
    let b = report("x-2024", "110000", 2024, Y2024);
    let other = report("y-2024", "120000", 2024, Y2024);
    let mut panel = Panel::default();
    for r in [&a, &b, &other] {
        panel.add(r);
    }
    let rows = panel.target_outcomes().expect("links");
    let targets: usize = [&a, &b, &other].iter().map(|r| r.targets.len()).sum();
    assert_eq!(rows.len(), targets, "one row per target");
    let gdp = rows
        .iter()
        .find(|r| r.report_id == "x-2023" && r.indicator.as_deref() == Some("gdp"))
        .unwrap_or_else(|| panic!("a GDP target in x-2023: {:#?}", a.targets));
    assert_eq!(gdp.period, Some(2023));
    assert_eq!(gdp.target_value, 6.0);
    assert_eq!(gdp.outcome_value, Some(5.2), "{gdp:#?}");
    assert!(gdp
        .outcome_fact_id
        .as_deref()
        .unwrap()
        .starts_with("x-2024/"));
    assert_eq!(gdp.outcome_source, Some(OutcomeSource::NextReport));
    assert_eq!(gdp.outcome_status, Some(OutcomeStatus::Actual));
    assert_eq!(gdp.met, Met::No, "{}", gdp.met_reason);
    assert!((gdp.gap.unwrap() - -0.8).abs() < 1e-9);
    // the 2024 targets have no 2025 report: unclear, and it says why
    for r in rows.iter().filter(|r| r.report_id != "x-2023") {
        assert_eq!(r.met, Met::Unclear);
        assert!(r.outcome_fact_id.is_none());
        assert!(r.met_reason.starts_with("no outcome"), "{}", r.met_reason);
    }
    // the same rows twice
    assert_eq!(panel.target_outcomes().unwrap(), rows);
}
