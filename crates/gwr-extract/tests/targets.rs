//! Targets of the seed report: pairing, baselines and the consistency check.

use gwr_extract::{facts::extract_facts, structure::segment, targets::build_targets};
use gwr_model::{Consistency, Fact, Measure, ReportMeta, Status, Target, Unit};

fn seed() -> (Vec<Fact>, Vec<Target>) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/sources/cn-sh-baoshan-songnan-2024/report.txt"
    );
    let text = std::fs::read_to_string(path).expect("seed report");
    let meta = ReportMeta {
        report_id: "cn-sh-baoshan-songnan-2024".into(),
        place_zh: "淞南镇".into(),
        report_year: Some(2024),
        ..Default::default()
    };
    let structure = segment(&text, &meta.report_id);
    let facts = extract_facts(&text, &structure, &meta);
    let targets = build_targets(&facts, &meta.report_id);
    (facts, targets)
}

fn target_by_quote<'a>(facts: &[Fact], targets: &'a [Target], quote: &str) -> &'a Target {
    let f = facts
        .iter()
        .find(|f| f.quote == quote && f.status == Status::Target)
        .unwrap_or_else(|| panic!("no target fact {quote}"));
    targets
        .iter()
        .find(|t| t.fact_id == f.fact_id)
        .unwrap_or_else(|| panic!("no target row for {quote}"))
}

#[test]
fn seed_fiscal_revenue_target_is_consistent() {
    let (facts, targets) = seed();
    let level = target_by_quote(&facts, &targets, "6.3亿元");
    let growth = target_by_quote(&facts, &targets, "7%");
    let base = facts
        .iter()
        .find(|f| f.quote == "5.87亿元")
        .expect("baseline fact");
    assert_eq!(
        level.growth_fact_id.as_deref(),
        Some(growth.fact_id.as_str())
    );
    assert_eq!(
        growth.level_fact_id.as_deref(),
        Some(level.fact_id.as_str())
    );
    assert_eq!(
        level.baseline_fact_id.as_deref(),
        Some(base.fact_id.as_str())
    );
    assert_eq!(level.baseline_period, Some(2023));
    assert_eq!(level.period, Some(2024));
    let implied = level.implied_value.expect("implied");
    assert!((implied - 587_000_000.0 * 1.07).abs() < 1.0, "{implied}");
    assert_eq!(
        level.consistency,
        Consistency::Consistent,
        "{:?}",
        level.note
    );
    assert_eq!(growth.consistency, Consistency::Consistent);
    let tol = level.tolerance.expect("tolerance");
    assert!(tol > 0.05 / 6.3 && tol < 0.02, "{tol}");
    assert_eq!(level.indicator.as_deref(), Some("fiscal_revenue"));
}

#[test]
fn seed_level_targets_have_baselines_but_no_check() {
    let (facts, targets) = seed();
    for (q, base_q) in [("40亿元", "24.67亿元"), ("142亿元", "130.63亿元")] {
        let t = target_by_quote(&facts, &targets, q);
        let base = facts.iter().find(|f| f.quote == base_q).expect("baseline");
        assert_eq!(
            t.baseline_fact_id.as_deref(),
            Some(base.fact_id.as_str()),
            "{q}"
        );
        assert_eq!(t.consistency, Consistency::NotCheckable);
        assert_eq!(t.measure, Measure::Level);
        assert_eq!(t.unit, Unit::Cny);
    }
    let t = target_by_quote(&facts, &targets, "1个");
    assert_eq!(t.period, Some(2024));
    assert_eq!(t.consistency, Consistency::NotCheckable);
    // ids in order, one per target fact
    assert_eq!(
        targets.len(),
        facts.iter().filter(|f| f.status == Status::Target).count()
    );
    for (i, t) in targets.iter().enumerate() {
        assert_eq!(
            t.target_id,
            format!("cn-sh-baoshan-songnan-2024/t{:02}", i + 1)
        );
    }
}

#[test]
fn inconsistent_growth_is_flagged() {
    let text = "一、2023年工作回顾\n全年完成区级财政收入5.87亿元，同比增长14.5%。\n二、2024年工作安排\n主要预期目标：区级财政收入增长7%，达到7.5亿元。\n";
    let meta = ReportMeta {
        report_id: "t".into(),
        place_zh: "某镇".into(),
        report_year: Some(2024),
        ..Default::default()
    };
    let structure = segment(text, "t");
    let facts = extract_facts(text, &structure, &meta);
    let targets = build_targets(&facts, "t");
    let level = targets
        .iter()
        .find(|t| t.measure == Measure::Level)
        .expect("level target");
    assert_eq!(level.consistency, Consistency::Inconsistent, "{facts:#?}");
}
