//! Time spent in `extract()` and in each extraction stage over a corpus (a profiling aid, not a benchmark:
//! the throughput figures come from `cargo bench -p gwr-extract --bench throughput`).
//!
//! Run: `cargo run --release -p gwr-extract --example stages [-- CORPUS.jsonl [ROUNDS [whole]]]`
//! (`whole`: time `extract()` only, for `perf stat`).
//! The corpus is a JSONL file with `title` and `content` fields (default: the national corpus
//! at /work/shared/corpus/national-gwr-1954-2025.jsonl, else the seed ×72; see
//! benches/corpus.rs); only titles ending in 政府工作报告 are used.

use std::time::{Duration, Instant};

#[path = "../benches/corpus.rs"]
mod corpus;

use gwr_extract::{extract, facts, ids, quality, structure, targets, SourceInfo};
use gwr_model::ReportMeta;

fn main() {
    let mut args = std::env::args().skip(1);
    let (name, texts) = corpus::load_from(args.next());
    let rounds: u32 = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    eprintln!("input {name}");
    let bytes: usize = texts.iter().map(String::len).sum();
    let meta = ReportMeta {
        report_id: "stages".into(),
        place_zh: "中华人民共和国".into(),
        report_year: Some(2024),
        ..Default::default()
    };
    let source = SourceInfo::utf8("");
    let whole = Instant::now();
    for _ in 0..rounds {
        for text in &texts {
            std::hint::black_box(extract(text, &meta, &source));
        }
    }
    let whole = whole.elapsed();
    if args.next().as_deref() == Some("whole") {
        println!(
            "extract() {:.1} MB/s",
            bytes as f64 * f64::from(rounds) / 1e6 / whole.as_secs_f64()
        );
        return;
    }
    // the stable-id pass alone (`ids::assign`, the last pass of extract()), run again on each
    // extracted report: the same work it does inside extract()
    let mut id_time = Duration::ZERO;
    for _ in 0..rounds {
        for text in &texts {
            let mut r = extract(text, &meta, &source);
            let chars: Vec<char> = text.chars().collect();
            let a = Instant::now();
            ids::assign(&mut r, &chars);
            id_time += a.elapsed();
            std::hint::black_box(&r);
        }
    }
    println!(
        "ids::assign {:.3} s of extract() {:.3} s ({:.1} %); extract() without it {:.1} MB/s",
        id_time.as_secs_f64(),
        whole.as_secs_f64(),
        100.0 * id_time.as_secs_f64() / whole.as_secs_f64(),
        bytes as f64 * f64::from(rounds) / 1e6 / (whole - id_time.min(whole)).as_secs_f64()
    );
    let mut t = [Duration::ZERO; 4];
    for _ in 0..rounds {
        for text in &texts {
            let a = Instant::now();
            let s = structure::segment(text, &meta.report_id);
            let b = Instant::now();
            let f = facts::extract_facts(text, &s, &meta);
            let c = Instant::now();
            let tg = targets::build_targets(&f, &meta.report_id);
            let d = Instant::now();
            let q = quality::detect(text, &s, &f, &meta);
            let e = Instant::now();
            std::hint::black_box((&tg, &q));
            t[0] += b - a;
            t[1] += c - b;
            t[2] += d - c;
            t[3] += e - d;
        }
    }
    let total: Duration = t.iter().sum();
    let mb = (bytes as f64 * f64::from(rounds)) / 1e6;
    println!(
        "{} reports, {:.2} MB × {rounds} rounds: extract() {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        mb / whole.as_secs_f64()
    );
    println!("stages called one by one (facts and quality each scan the numbers again):");
    for (name, d) in ["structure", "facts", "targets", "quality"].iter().zip(t) {
        println!(
            "{name:>10}: {:>8.3} s  {:>5.1}%  {:>8.1} MB/s",
            d.as_secs_f64(),
            100.0 * d.as_secs_f64() / total.as_secs_f64(),
            mb / d.as_secs_f64()
        );
    }
}
