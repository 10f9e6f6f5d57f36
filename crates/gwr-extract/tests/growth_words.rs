//! Runs every example of `glossary/growth_words.tsv`: each line's example sentence must give
//! what its `gives` column says — the subject, indicator, measure and status of the sentence's
//! first fact (`subject|indicator|measure|status`, `-` for no indicator, or `-` alone when it
//! has no fact) — and
//! checks that the file parses and names only glossary codes.
//!
//! `UPDATE_EXPECT=1 cargo test -p gwr-extract --test growth_words` rewrites the `gives` column
//! with what the examples give now (review the diff).

use gwr_extract::facts::extract_facts;
use gwr_extract::glossary::{parse_growth_words, Glossary, GrowthKind, GROWTH_WORDS_TSV};
use gwr_extract::structure::segment;
use gwr_model::ReportMeta;

fn enum_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// What a sentence gives: its first fact's subject, indicator, measure and status.
fn gives(sentence: &str, year: i32) -> String {
    let meta = ReportMeta {
        report_id: "growth".into(),
        place_zh: "测试".into(),
        report_year: Some(year),
        ..Default::default()
    };
    let facts = extract_facts(sentence, &segment(sentence, "growth"), &meta);
    facts.first().map_or_else(
        || "-".to_string(),
        |f| {
            format!(
                "{}|{}|{}|{}",
                f.subject,
                f.indicator.as_deref().unwrap_or("-"),
                enum_str(&f.measure),
                enum_str(&f.status)
            )
        },
    )
}

#[test]
fn every_example_gives_what_it_says() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/glossary/growth_words.tsv");
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let words = parse_growth_words(GROWTH_WORDS_TSV).expect("growth_words.tsv parses");
    assert!(words.len() >= 20, "growth_words.tsv lost its lines");
    let glossary = Glossary::builtin();
    let mut bad = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for line in GROWTH_WORDS_TSV.lines() {
        let cells: Vec<&str> = line.split('\t').collect();
        if line.starts_with('#') || line.starts_with("word\t") || cells.len() != 6 {
            lines.push(line.to_string());
            continue;
        }
        // the example is read in a report of the last year the line holds for (else 2025)
        let year = cells[3]
            .split_once("..")
            .and_then(|(a, b)| b.parse().ok().or_else(|| a.parse().ok()))
            .unwrap_or(2025);
        let got = gives(cells[4], year);
        if got != cells[5] {
            bad.push(format!(
                "{}: {:?} ({year}) gives {got:?}, expected {:?}",
                cells[0], cells[4], cells[5]
            ));
        }
        lines.push(format!(
            "{}\t{}\t{}\t{}\t{}\t{got}",
            cells[0], cells[1], cells[2], cells[3], cells[4]
        ));
    }
    for w in &words {
        assert!(!w.example.is_empty(), "{} has no example", w.word);
        if matches!(w.kind, GrowthKind::Name | GrowthKind::Base) {
            assert!(
                glossary.entries.iter().any(|e| e.code == w.code),
                "{}: {} is not a glossary code",
                w.word,
                w.code
            );
        }
    }
    if update {
        std::fs::write(path, lines.join("\n") + "\n").expect("write growth_words.tsv");
        return;
    }
    assert!(
        bad.is_empty(),
        "{} examples differ (UPDATE_EXPECT=1 to bless):\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// The coding of a growth: the level indicator with measure change, whatever the wording; a
/// base names it only as the whole subject.
#[test]
fn a_growth_is_the_level_indicator() {
    let g = Glossary::builtin();
    let code = |s: &str, change: bool| {
        g.indicator(s, change, Some(2025))
            .map(|c| (c.entry.code.as_str(), c.growth))
    };
    assert_eq!(code("经济增长", false), Some(("gdp", true)));
    assert_eq!(code("经济增长速度", false), Some(("gdp", true)));
    assert_eq!(code("经济增长预期目标", false), Some(("gdp", true)));
    assert_eq!(code("地区生产总值增速", false), Some(("gdp", true)));
    assert_eq!(code("国内生产总值", true), Some(("gdp", false)));
    assert_eq!(code("经济", true), Some(("gdp", true)));
    assert_eq!(code("经济", false), None);
    assert_eq!(code("数字经济", true), None);
    assert_eq!(code("数字经济增长", false), None);
    assert_eq!(
        code("广义货币M2预期增长目标", false).map(|c| c.0),
        Some("m2_money_supply")
    );
    assert_eq!(code("零售物价", true), Some(("retail_price_index", false)));
    let price = |year| {
        g.indicator("物价上涨幅度", false, year)
            .map(|c| c.entry.code.as_str())
    };
    assert_eq!(price(Some(1995)), Some("retail_price_index"));
    assert_eq!(price(Some(2005)), Some("cpi"));
    assert_eq!(price(None), Some("cpi"));
    assert_eq!(
        code("进出口贸易总额", false),
        Some(("foreign_trade", false))
    );
    // the alias row is never assigned
    assert_ne!(
        code("全国经济增长", false).map(|c| c.0),
        Some("economic_growth")
    );
}
