//! Spot checks of fact extraction on the seed and on the 2024 national report, and a property
//! test over arbitrary text.

use gwr_extract::{facts::extract_facts, structure::segment};
use gwr_model::{Fact, Measure, Qualifier, ReportMeta, Status, Unit};
use proptest::prelude::*;

fn run(text: &str, id: &str, year: i32) -> Vec<Fact> {
    let meta = ReportMeta {
        report_id: id.into(),
        place_zh: "测试".into(),
        report_year: Some(year),
        ..Default::default()
    };
    extract_facts(text, &segment(text, id), &meta)
}

fn seed() -> (String, Vec<Fact>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/sources/cn-sh-baoshan-songnan-2024/report.txt"
    );
    let text = std::fs::read_to_string(path).expect("seed report");
    let facts = run(&text, "cn-sh-baoshan-songnan-2024", 2024);
    (text, facts)
}

fn find<'a>(facts: &'a [Fact], quote: &str) -> &'a Fact {
    facts
        .iter()
        .find(|f| f.quote == quote)
        .unwrap_or_else(|| panic!("no fact {quote:?}"))
}

#[test]
fn seed_spot_checks() {
    let (text, facts) = seed();
    let f = find(&facts, "5.87亿元");
    assert_eq!(
        (f.value, f.unit, f.measure, f.status, f.period),
        (
            587_000_000.0,
            Unit::Cny,
            Measure::Level,
            Status::Actual,
            Some(2023)
        )
    );
    assert_eq!(f.subject, "区级财政收入");
    assert_eq!(f.indicator.as_deref(), Some("fiscal_revenue"));
    assert_eq!(
        (f.value_raw.as_str(), f.unit_raw.as_deref().unwrap_or("")),
        ("5.87", "亿元")
    );
    let g = find(&facts, "14.5%");
    assert_eq!((g.measure, g.value), (Measure::Change, 14.5));
    assert_eq!(g.relates_to.as_deref(), Some(f.fact_id.as_str()));
    assert_eq!(g.subject, "区级财政收入");
    let f = find(&facts, "六成");
    assert_eq!(
        (f.value, f.unit, f.measure),
        (60.0, Unit::Percent, Measure::Share)
    );
    let f = find(&facts, "近4万人次");
    assert_eq!(
        (f.value, f.unit, f.qualifier),
        (40_000.0, Unit::PersonTime, Qualifier::Approx)
    );
    let f = find(&facts, "约4.37万平方米");
    assert_eq!(
        (f.value, f.unit, f.qualifier),
        (43_700.0, Unit::M2, Qualifier::Approx)
    );
    let f = find(&facts, "1031人以内");
    assert_eq!(f.qualifier, Qualifier::UpperBound);
    assert_eq!(f.subject, "城镇登记失业人员");
    let f = find(&facts, "过半");
    assert_eq!(
        (f.value, f.unit, f.qualifier, f.measure),
        (-50.0, Unit::Percent, Qualifier::LowerBound, Measure::Change)
    );
    for q in ["6.3亿元", "7%", "40亿元", "142亿元", "1个"] {
        let f = find(&facts, q);
        assert_eq!((f.status, f.period), (Status::Target, Some(2024)), "{q}");
    }
    assert_eq!(
        find(&facts, "7%").relates_to.as_deref(),
        Some(find(&facts, "6.3亿元").fact_id.as_str())
    );
    // not facts
    for bad in [
        "2023年",
        "18号线",
        "780弄",
        "500号",
        "12345",
        "75周年",
        "50强",
        "十二星座",
        "15分钟",
        "五个一",
        "第八届",
        "第五次",
        "2024110日",
        "20192023年度",
        "十四五",
    ] {
        assert!(
            !facts
                .iter()
                .any(|f| f.quote.contains(bad) || bad.contains(f.quote.as_str())),
            "{bad} emitted: {:?}",
            facts
                .iter()
                .filter(|f| f.quote.contains(bad) || bad.contains(f.quote.as_str()))
                .collect::<Vec<_>>()
        );
    }
    // ids, quotes and offsets
    let chars: Vec<char> = text.chars().collect();
    for (i, f) in facts.iter().enumerate() {
        assert_eq!(
            f.fact_id,
            format!("cn-sh-baoshan-songnan-2024/f{:04}", i + 1)
        );
        let q: String = chars[f.start as usize..f.end as usize].iter().collect();
        assert_eq!(q, f.quote);
        assert!(!f.paragraph_id.is_empty(), "{f:?}");
    }
}

#[test]
fn national_2024_targets() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/facts/national-2024.txt"
    );
    let text = std::fs::read_to_string(path).expect("fixture");
    let facts = run(&text, "cn-national-2024", 2024);
    let cases: &[(&str, f64, Unit, Qualifier, Measure)] = &[
        (
            "5%左右",
            5.0,
            Unit::Percent,
            Qualifier::Approx,
            Measure::Change,
        ),
        (
            "1200万人以上",
            12_000_000.0,
            Unit::Count,
            Qualifier::LowerBound,
            Measure::Level,
        ),
        (
            "5.5%左右",
            5.5,
            Unit::Percent,
            Qualifier::Approx,
            Measure::Rate,
        ),
        (
            "3%左右",
            3.0,
            Unit::Percent,
            Qualifier::Approx,
            Measure::Change,
        ),
        (
            "1.3万亿斤以上",
            650_000_000.0,
            Unit::Ton,
            Qualifier::LowerBound,
            Measure::Level,
        ),
        (
            "2.5%左右",
            -2.5,
            Unit::Percent,
            Qualifier::Approx,
            Measure::Change,
        ),
    ];
    for &(q, v, u, ql, m) in cases {
        let f = facts
            .iter()
            .find(|f| f.quote == q && f.status == Status::Target)
            .unwrap_or_else(|| panic!("no target {q}"));
        assert!(
            (f.value - v).abs() < 1e-6 * v.abs().max(1.0),
            "{q}: {}",
            f.value
        );
        assert_eq!(
            (f.unit, f.qualifier, f.measure, f.period),
            (u, ql, m, Some(2024)),
            "{q}"
        );
    }
    let subjects: Vec<&str> = facts
        .iter()
        .filter(|f| f.status == Status::Target)
        .map(|f| f.subject.as_str())
        .collect();
    for s in [
        "国内生产总值",
        "城镇新增就业",
        "城镇调查失业率",
        "粮食产量",
        "单位国内生产总值能耗",
    ] {
        assert!(subjects.contains(&s), "{s} missing from {subjects:?}");
    }
    let gdp = facts.iter().find(|f| f.quote == "5%左右").expect("gdp");
    assert_eq!(gdp.indicator.as_deref(), Some("gdp"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_quotes_are_slices(s in "[0-9０-９一二两三四五六七八九十百千万亿零〇.．,，%％—\\-至到个家人次万元亿元平方米公里吨斤亩倍成分之半过翻番约近超以上以内左右第年月日号增长下降同比占预计今年去年一、二、工作安排目标。；：\n a-zA-Z淞南]{0,80}") {
        let facts = run(&s, "p", 2024);
        let chars: Vec<char> = s.chars().collect();
        for f in &facts {
            prop_assert!(f.start <= f.end && (f.end as usize) <= chars.len());
            let q: String = chars[f.start as usize..f.end as usize].iter().collect();
            prop_assert_eq!(&q, &f.quote);
            prop_assert!(f.value.is_finite());
            prop_assert!(f.value_max.is_none_or(|m| m.is_finite() && m >= f.value));
        }
        let _ = gwr_extract::targets::build_targets(&facts, "p");
    }

    #[test]
    fn never_panics_on_any_string(s in "\\PC{0,60}") {
        let facts = run(&s, "p", 2024);
        let chars: Vec<char> = s.chars().collect();
        for f in &facts {
            let q: String = chars.get(f.start as usize..f.end as usize).map(|c| c.iter().collect()).unwrap_or_default();
            prop_assert_eq!(&q, &f.quote);
        }
    }
}
