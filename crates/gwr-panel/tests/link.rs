//! Targets linked to outcomes through the real extractor: two reports of one place, the
//! second reviewing the year the first planned.

use gwr_extract::{extract, SourceInfo};
use gwr_model::{Met, NotSetBasis, OutcomeSource, OutcomeStatus, Report, ReportMeta, TargetStatus};
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
    let panel = Panel::from_reports(&[a.clone(), b.clone(), other.clone()]);
    let all = panel.target_outcomes().expect("links");
    let rows: Vec<_> = all
        .iter()
        .filter(|r| r.target_status == TargetStatus::Set)
        .cloned()
        .collect();
    let targets: usize = [&a, &b, &other].iter().map(|r| r.targets.len()).sum();
    assert_eq!(rows.len(), targets, "one row per target");
    let gdp = rows
        .iter()
        .find(|r| r.report_id == "x-2023" && r.indicator.as_deref() == Some("gdp"))
        .unwrap_or_else(|| panic!("a GDP target in x-2023: {:#?}", a.targets));
    assert_eq!(gdp.period, Some(2023));
    assert_eq!(gdp.target_value, Some(6.0));
    assert_eq!(gdp.row_id, gdp.target_fact_id.clone().unwrap());
    assert_eq!(gdp.outcome_value, Some(5.2), "{gdp:#?}");
    assert!(gdp
        .outcome_fact_id
        .as_deref()
        .unwrap()
        .starts_with("x-2024/"));
    assert_eq!(gdp.outcome_source, Some(OutcomeSource::NextReport));
    assert_eq!(gdp.outcome_status, Some(OutcomeStatus::Actual));
    assert_eq!(gdp.met, Some(Met::No), "{}", gdp.met_reason);
    assert!((gdp.gap.unwrap() - -0.8).abs() < 1e-9);
    // the 2024 targets have no 2025 report: unclear, and it says why
    for r in rows.iter().filter(|r| r.report_id != "x-2023") {
        assert_eq!(r.met, Some(Met::Unclear));
        assert!(r.outcome_fact_id.is_none());
        assert!(r.met_reason.starts_with("no outcome"), "{}", r.met_reason);
    }
    // the places are provinces (110000, 120000): the headline indicators they set no target
    // for have a not_set row each, silent, after the report's targets
    let unset: Vec<_> = all
        .iter()
        .filter(|r| r.report_id == "x-2023" && r.target_status == TargetStatus::NotSet)
        .collect();
    assert!(unset
        .iter()
        .all(|r| r.not_set_basis == Some(NotSetBasis::Silent)));
    assert!(unset
        .iter()
        .all(|r| r.met.is_none() && r.target_value.is_none()));
    let codes: Vec<_> = unset
        .iter()
        .filter_map(|r| r.indicator.as_deref())
        .collect();
    assert!(codes.contains(&"new_urban_jobs"), "{codes:?}");
    assert!(
        !codes.contains(&"gdp") && !codes.contains(&"cpi"),
        "{codes:?}"
    );
    assert!(
        !codes.contains(&"m2_money_supply"),
        "national only: {codes:?}"
    );
    // the same rows twice
    assert_eq!(panel.target_outcomes().unwrap(), all);
}

fn national(id: &str, year: i32, text: &str) -> Report {
    let meta = ReportMeta {
        report_id: id.into(),
        place_zh: "国务院".into(),
        place_code: Some("100000".into()),
        report_year: Some(year),
        ..ReportMeta::default()
    };
    extract(text, &meta, &SourceInfo::utf8(text))
}

const N2023: &str = "各位代表：\n一、2022年工作回顾\n2022年，国内生产总值增长3%。\n二、2023年工作安排\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。\n";
const N2020: &str = "各位代表：\n一、2019年工作回顾\n2019年，国内生产总值增长6.1%。\n二、2020年工作安排\n今年发展主要目标是：城镇新增就业900万人以上，城镇调查失业率6%左右；居民消费价格涨幅3.5%左右。需要说明的是，我们没有提出全年经济增速具体目标，主要因为全球疫情和经贸形势不确定性很大。\n";

#[test]
fn a_report_that_sets_no_gdp_target_says_so_or_is_silent() {
    let stated = national("n-2020", 2020, N2020);
    let silent_text = N2020.replace(
        "需要说明的是，我们没有提出全年经济增速具体目标，主要因为全球疫情和经贸形势不确定性很大。",
        "",
    );
    let silent = national("s-2020", 2020, &silent_text);
    let rows = Panel::from_reports(&[stated.clone(), silent])
        .target_outcomes()
        .unwrap();
    let gdp = |id: &str| {
        rows.iter()
            .find(|r| r.report_id == id && r.indicator.as_deref() == Some("gdp"))
            .unwrap_or_else(|| panic!("a gdp row of {id}: {rows:#?}"))
    };
    let g = gdp("n-2020");
    assert_eq!(g.target_status, TargetStatus::NotSet);
    assert_eq!(g.not_set_basis, Some(NotSetBasis::Stated));
    assert_eq!(g.met, None);
    assert_eq!(g.target_fact_id, None);
    assert!(g.row_id.starts_with("n-2020/n-"), "{}", g.row_id);
    assert_eq!(g.period, Some(2020));
    let quote = g.quote.as_deref().unwrap();
    assert!(quote.contains("没有提出全年经济增速具体目标"), "{quote}");
    let (s, e) = (g.start.unwrap() as usize, g.end.unwrap() as usize);
    let slice: String = N2020.chars().skip(s).take(e - s).collect();
    assert_eq!(slice, quote, "the quote is the source at start..end");
    let s = gdp("s-2020");
    assert_eq!(s.not_set_basis, Some(NotSetBasis::Silent));
    assert_eq!(s.quote, None);
    // the row ids differ by report and indicator, and no target row is not_set
    let ids: std::collections::BTreeSet<_> = rows.iter().map(|r| r.row_id.as_str()).collect();
    assert_eq!(ids.len(), rows.len());
    assert!(!rows.iter().any(|r| r.report_id == "n-2020"
        && r.indicator.as_deref() == Some("new_urban_jobs")
        && r.target_status == TargetStatus::NotSet));
    // the national report gets the national-only headlines too
    assert!(rows
        .iter()
        .any(|r| r.report_id == "n-2020" && r.indicator.as_deref() == Some("m2_money_supply")));
}

#[test]
fn a_provincial_target_has_the_national_target_beside_it() {
    let n = national("cn-2023", 2023, N2023);
    let p = report("x-2023", "110000", 2023, Y2023);
    let expect = |rows: &[gwr_model::TargetOutcome]| {
        let gdp = rows
            .iter()
            .find(|r| {
                r.report_id == "x-2023"
                    && r.indicator.as_deref() == Some("gdp")
                    && r.target_status == TargetStatus::Set
            })
            .expect("the provincial gdp target");
        assert_eq!(gdp.target_value, Some(6.0));
        assert_eq!(gdp.national_target_value, Some(5.0));
        assert_eq!(gdp.amplification, Some(1.0));
        assert_eq!(gdp.national_qualifier, Some(gwr_model::Qualifier::Approx));
        assert!(gdp
            .national_target_fact_id
            .as_deref()
            .unwrap()
            .starts_with("cn-2023/f-"));
        // the CPI ceiling: 3 beside 3
        let cpi = rows
            .iter()
            .find(|r| {
                r.report_id == "x-2023"
                    && r.indicator.as_deref() == Some("cpi")
                    && r.target_status == TargetStatus::Set
            })
            .expect("the provincial cpi target");
        assert_eq!(cpi.amplification, Some(0.0));
        // the national report's own targets have no national target beside them
        assert!(rows
            .iter()
            .filter(|r| r.report_id == "cn-2023")
            .all(|r| r.national_target_fact_id.is_none() && r.amplification.is_none()));
    };
    // in one package
    let rows = Panel::from_reports(&[n.clone(), p.clone()])
        .target_outcomes()
        .unwrap();
    expect(&rows);
    // or the national report as a reference (the provinces' release), which adds no rows
    let mut panel = Panel::from_reports(std::slice::from_ref(&p));
    panel.add_reference(&n);
    let alone = Panel::from_reports(std::slice::from_ref(&p))
        .target_outcomes()
        .unwrap();
    let with = panel.target_outcomes().unwrap();
    assert_eq!(with.len(), alone.len());
    expect(&with);
    assert!(alone.iter().all(|r| r.national_target_fact_id.is_none()));
    // a different year has no national target beside it
    let n24 = national(
        "cn-2024",
        2024,
        &N2023.replace("2023", "2024").replace("2022", "2023"),
    );
    let mut panel = Panel::from_reports(std::slice::from_ref(&p));
    panel.add_reference(&n24);
    assert!(panel
        .target_outcomes()
        .unwrap()
        .iter()
        .all(|r| r.amplification.is_none()));
}

/// The 2020 national report as committed: its GDP row is not_set, stated in the text.
#[test]
fn the_2020_national_report_states_that_it_sets_no_gdp_target() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/collections/national/sources/政府工作报告-国务院/2020.md"
    );
    let text = std::fs::read_to_string(path).expect("the committed 2020 national report");
    let meta = ReportMeta {
        report_id: "cn-2020".into(),
        place_zh: "国务院".into(),
        place_code: Some("100000".into()),
        report_year: Some(2020),
        ..ReportMeta::default()
    };
    let info = SourceInfo {
        markdown: true,
        ..SourceInfo::utf8(&text)
    };
    let r = extract(&text, &meta, &info);
    let rows = Panel::from_reports(&[r]).target_outcomes().unwrap();
    let gdp: Vec<_> = rows
        .iter()
        .filter(|r| r.indicator.as_deref() == Some("gdp"))
        .collect();
    assert_eq!(gdp.len(), 1, "{gdp:#?}");
    assert_eq!(gdp[0].target_status, TargetStatus::NotSet);
    assert_eq!(gdp[0].not_set_basis, Some(NotSetBasis::Stated));
    let quote = gdp[0].quote.as_deref().unwrap();
    assert!(
        quote.contains("我们没有提出全年经济增速具体目标"),
        "{quote}"
    );
    let (s, e) = (gdp[0].start.unwrap() as usize, gdp[0].end.unwrap() as usize);
    let slice: String = text.chars().skip(s).take(e - s).collect();
    assert_eq!(slice, quote);
    // its jobs target is a target, not a not_set row
    assert!(
        rows.iter()
            .any(|r| r.indicator.as_deref() == Some("new_urban_jobs")
                && r.target_status == TargetStatus::Set),
        "{rows:#?}"
    );
}
