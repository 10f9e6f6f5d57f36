use super::*;
use crate::directions::parse;
use gwr_model::Met;

fn j(q: Qualifier, t: f64, max: Option<f64>, d: Option<Direction>, o: f64) -> Met {
    judge(q, t, max, d, Some(o), "none").met
}

use Direction::{Higher, Lower};
use Qualifier::{Approx, Exact, LowerBound, Range, UpperBound};

#[test]
fn each_qualifier_and_direction_has_its_rule() {
    // GDP 7%左右: 6.65 and more meets it
    assert_eq!(j(Approx, 7.0, None, Some(Higher), 6.9), Met::Yes);
    assert_eq!(j(Approx, 7.0, None, Some(Higher), 6.5), Met::No);
    // CPI 3%左右 (lower is better): 3.15 and less
    assert_eq!(j(Approx, 3.0, None, Some(Lower), 2.8), Met::Yes);
    assert_eq!(j(Approx, 3.0, None, Some(Lower), 3.4), Met::No);
    // 能耗降低3%左右 (−3; lower is better): a decline of 3.2 meets it, 2.5 does not
    assert_eq!(j(Approx, -3.0, None, Some(Lower), -3.2), Met::Yes);
    assert_eq!(j(Approx, -3.0, None, Some(Lower), -2.5), Met::No);
    // 能耗降低3%以上: a decline of at least 3
    assert_eq!(j(LowerBound, -3.0, None, Some(Lower), -3.1), Met::Yes);
    assert_eq!(j(LowerBound, -3.0, None, Some(Lower), -2.9), Met::No);
    // 城镇登记失业率控制在4.5%以内
    assert_eq!(j(UpperBound, 4.5, None, Some(Lower), 4.6), Met::No);
    assert_eq!(j(UpperBound, 4.5, None, Some(Lower), 4.5), Met::Yes);
    // 城镇新增就业1100万人以上
    assert_eq!(j(LowerBound, 1.1e7, None, Some(Higher), 1.2e7), Met::Yes);
    // 6%—6.5%
    assert_eq!(j(Range, 6.0, Some(6.5), Some(Higher), 6.1), Met::Yes);
    assert_eq!(j(Range, 6.0, Some(6.5), Some(Higher), 5.9), Met::No);
    assert_eq!(j(Range, 6.0, Some(6.5), Some(Lower), 6.7), Met::No);
    assert_eq!(j(Range, 6.0, Some(6.5), None, 6.7), Met::No);
    assert_eq!(j(Range, 6.0, Some(6.5), None, 6.2), Met::Yes);
    // M2 8%左右, no direction: within 5 % of 8 is met, beyond it undecided
    assert_eq!(j(Approx, 8.0, None, None, 8.3), Met::Yes);
    assert_eq!(j(Approx, 8.0, None, None, 10.0), Met::Unclear);
    // exact, higher is better
    assert_eq!(j(Exact, 8.0, None, Some(Higher), 7.99), Met::No);
    assert_eq!(j(Exact, 8.0, None, None, 8.0), Met::Yes);
}

#[test]
fn no_outcome_is_unclear_with_the_reason() {
    let v = judge(Approx, 7.0, None, Some(Higher), None, "no outcome: because");
    assert_eq!(v.met, Met::Unclear);
    assert_eq!(v.reason, "no outcome: because");
    let v = judge(Approx, 7.0, None, Some(Higher), Some(6.9), "");
    assert_eq!(
        v.reason,
        "approximate target 7 (tolerance 0.35), higher is better: outcome 6.9 ≥ 6.65 meets it"
    );
}

#[test]
fn the_direction_table_parses_and_names_only_glossary_codes() {
    let lines = parse(DIRECTIONS_TSV).expect("directions.tsv parses");
    assert!(lines.len() >= 30, "{}", lines.len());
    let glossary = include_str!("../../gwr-extract/glossary/indicators.csv");
    let codes: Vec<&str> = glossary
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    let mut seen = std::collections::HashSet::new();
    for (code, _, _) in &lines {
        assert!(
            codes.contains(&code.as_str()),
            "{code} is not a glossary code"
        );
        assert!(seen.insert(code.clone()), "{code} listed twice");
    }
    for code in [
        "gdp",
        "cpi",
        "new_urban_jobs",
        "grain_output",
        "m2_money_supply",
    ] {
        assert!(directions::is_headline(code), "{code}");
    }
    assert_eq!(direction_of("cpi"), Some(Lower));
    assert_eq!(direction_of("gdp"), Some(Higher));
    assert_eq!(direction_of("m2_money_supply"), None);
    // a malformed line is named
    assert!(
        parse("code\tdirection\theadline\texample\ngdp\tup\tyes\tx\n")
            .unwrap_err()
            .contains("line 2")
    );
}
