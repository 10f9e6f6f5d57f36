//! Throughput of fact extraction on the national corpus, and a dump of facts for review.
//! Reads /work/shared (not on CI), so it is ignored by default:
//!
//! `CARGO_TARGET_DIR=/tmp/tgt-h2 cargo test --release -p gwr-extract --test facts_speed -- --ignored --nocapture`
//!
//! Set `FACTS_DUMP=/tmp/facts.tsv` to also write every fact of every report.

use std::io::Write;
use std::time::Instant;

use gwr_extract::{facts::extract_facts, numbers, structure::Structure};
use gwr_model::ReportMeta;

const CORPUS: &str = "/work/shared/corpus/national-gwr-1954-2025.jsonl";

fn corpus() -> Vec<(i32, String)> {
    let Ok(raw) = std::fs::read_to_string(CORPUS) else {
        return Vec::new();
    };
    raw.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| {
            v["title"]
                .as_str()
                .is_some_and(|t| t.ends_with("政府工作报告"))
        })
        .filter_map(|v| {
            Some((
                v["year"]
                    .as_i64()
                    .or_else(|| v["year"].as_str().and_then(|y| y.parse().ok()))?
                    as i32,
                v["content"].as_str()?.to_string(),
            ))
        })
        .collect()
}

#[test]
#[ignore]
fn national_corpus_throughput() {
    let docs = corpus();
    if docs.is_empty() {
        eprintln!("corpus not found; skipped");
        return;
    }
    let all: String = docs
        .iter()
        .map(|(_, c)| c.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mb = all.len() as f64 / 1e6;
    let meta = ReportMeta {
        report_id: "all".into(),
        place_zh: "全国".into(),
        report_year: Some(2024),
        ..Default::default()
    };
    let structure = Structure {
        body_start: 0,
        body_end: all.chars().count(),
        ..Default::default()
    };
    let mut best_scan = f64::MAX;
    let mut best_facts = f64::MAX;
    let mut n = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let toks = numbers::scan(&all);
        best_scan = best_scan.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let facts = extract_facts(&all, &structure, &meta);
        best_facts = best_facts.min(t.elapsed().as_secs_f64());
        n = facts.len();
        assert!(toks.len() >= n);
    }
    println!("corpus {:.2} MB, {} reports, {} facts", mb, docs.len(), n);
    println!("numbers::scan      {:.1} MB/s", mb / best_scan);
    println!("facts::extract     {:.1} MB/s", mb / best_facts);

    if let Ok(path) = std::env::var("FACTS_DUMP") {
        let mut out = std::fs::File::create(&path).expect("dump file");
        for (year, content) in &docs {
            let meta = ReportMeta {
                report_id: format!("cn-{year}"),
                place_zh: "全国".into(),
                report_year: Some(*year),
                ..Default::default()
            };
            let structure = gwr_extract::structure::segment(content, &meta.report_id);
            for f in extract_facts(content, &structure, &meta) {
                let _ = writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{:?}\t{:?}\t{:?}\t{:?}\t{}\t{}\t{}",
                    year,
                    f.start,
                    f.quote,
                    f.value,
                    f.unit,
                    f.measure,
                    f.status,
                    f.qualifier,
                    f.period.unwrap_or(0),
                    f.subject,
                    f.indicator.unwrap_or_default()
                );
            }
        }
    }
}
