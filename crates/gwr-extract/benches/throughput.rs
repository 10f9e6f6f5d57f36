//! Extraction throughput (MB/s of UTF-8 text).
//!
//! Input: every report of /work/shared/corpus/national-gwr-1954-2025.jsonl whose title ends
//! with 政府工作报告 (the "national" benches), or, where that file is absent, the seed report
//! of data/sources repeated 72 times (the "seed-x72" benches). Set GWR_BENCH_CORPUS to use
//! another JSONL file of the same shape (fields title, content).
//!
//! - `extract/single/*`: `gwr_extract::extract` over every report in turn on one thread.
//! - `extract/multi-N/*`: the reports split among N = available_parallelism() threads
//!   (std::thread::scope), each thread extracting its share in turn.
//! - `numbers_scan/*`: `gwr_extract::numbers::scan` alone over every report in turn.
//!
//! Run: `cargo bench -p gwr-extract --bench throughput` (see BENCHMARKS.md).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gwr_extract::{extract, numbers, SourceInfo};
use gwr_model::ReportMeta;

#[path = "corpus.rs"]
mod corpus;
use corpus::load;

fn meta(i: usize) -> ReportMeta {
    ReportMeta {
        report_id: format!("bench-{i}"),
        place_zh: "中华人民共和国".into(),
        report_year: Some(2024),
        ..Default::default()
    }
}

/// Extracts every report in turn; returns the number of facts (so nothing is optimised away).
fn extract_all(texts: &[(usize, &str)]) -> usize {
    texts
        .iter()
        .map(|&(i, t)| extract(t, &meta(i), &SourceInfo::utf8(t)).facts.len())
        .sum()
}

fn benches(c: &mut Criterion) {
    let (name, texts) = load();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let indexed: Vec<(usize, &str)> = texts.iter().map(String::as_str).enumerate().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    eprintln!(
        "input {name}: {} reports, {bytes} bytes of UTF-8, {threads} threads",
        texts.len()
    );

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes))
        .sample_size(10)
        .warm_up_time(Duration::from_secs(3))
        .measurement_time(Duration::from_secs(40));
    g.bench_function(format!("single/{name}"), |b| {
        b.iter(|| extract_all(&indexed))
    });
    // Split by size, not count: deal the reports, largest first, to the least loaded thread.
    let mut order: Vec<(usize, &str)> = indexed.clone();
    order.sort_by_key(|(_, t)| std::cmp::Reverse(t.len()));
    let mut shares: Vec<(usize, Vec<(usize, &str)>)> = vec![(0, Vec::new()); threads];
    for item in order {
        if let Some(least) = shares.iter_mut().min_by_key(|(load, _)| *load) {
            least.0 += item.1.len();
            least.1.push(item);
        }
    }
    g.bench_function(format!("multi-{threads}/{name}"), |b| {
        b.iter(|| {
            std::thread::scope(|s| {
                let handles: Vec<_> = shares
                    .iter()
                    .map(|(_, share)| s.spawn(move || extract_all(share)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or(0))
                    .sum::<usize>()
            })
        })
    });
    g.finish();

    let mut g = c.benchmark_group("numbers_scan");
    g.throughput(Throughput::Bytes(bytes))
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    g.bench_function(format!("single/{name}"), |b| {
        b.iter(|| texts.iter().map(|t| numbers::scan(t).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(throughput, benches);
criterion_main!(throughput);
