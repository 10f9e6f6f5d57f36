//! Runs every example of the lexicon files (`crates/gwr-extract/lexicon/`): each line's
//! example sentence must give what its `gives` column says — the subject, measure and status
//! of the sentence's first fact (`subject|measure|status`, or `-` when it has none).
//!
//! `UPDATE_EXPECT=1 cargo test -p gwr-extract --test lexicon` rewrites the `gives` column with
//! what the examples give now (review the diff).

use gwr_extract::facts::extract_facts;
use gwr_extract::lexicon::{parse, SUBJECT_WORDS_TSV};
use gwr_extract::structure::segment;
use gwr_model::ReportMeta;

fn enum_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// What a sentence gives: its first fact's subject, measure and status.
fn gives(sentence: &str) -> String {
    let meta = ReportMeta {
        report_id: "lexicon".into(),
        place_zh: "测试".into(),
        report_year: Some(2025),
        ..Default::default()
    };
    let facts = extract_facts(sentence, &segment(sentence, "lexicon"), &meta);
    facts.first().map_or_else(
        || "-".to_string(),
        |f| {
            format!(
                "{}|{}|{}",
                f.subject,
                enum_str(&f.measure),
                enum_str(&f.status)
            )
        },
    )
}

#[test]
fn every_example_gives_what_it_says() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicon/subject_words.tsv");
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let entries = parse(SUBJECT_WORDS_TSV);
    assert!(entries.len() > 400, "the lexicon lost its lines");
    let mut bad = Vec::new();
    let mut out = vec![SUBJECT_WORDS_TSV
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()];
    for e in &entries {
        assert!(!e.example.is_empty(), "{} has no example", e.word);
        let got = gives(e.example);
        if got != e.gives {
            bad.push(format!(
                "{}: {:?} gives {got:?}, expected {:?}",
                e.word, e.example, e.gives
            ));
        }
        let roles: Vec<&str> = e.roles.iter().map(|r| r.name()).collect();
        out.push(format!(
            "{}\t{}\t{}\t{got}",
            e.word,
            roles.join(","),
            e.example
        ));
    }
    if update {
        std::fs::write(path, out.join("\n") + "\n").expect("write the lexicon");
        return;
    }
    assert!(
        bad.is_empty(),
        "{} examples differ (UPDATE_EXPECT=1 to bless):\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn words_are_unique() {
    let mut seen = std::collections::HashSet::new();
    for e in parse(SUBJECT_WORDS_TSV) {
        assert!(
            seen.insert(e.word),
            "{} is on two lines: give it both roles on one",
            e.word
        );
        assert!(!e.roles.is_empty(), "{} has no role", e.word);
    }
}
