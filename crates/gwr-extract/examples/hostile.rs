//! Time and peak memory of `extract()` on the pathological inputs of issue 13, to show they
//! grow linearly with the input (BENCHMARKS.md, "Hostile input"). One input per process, so
//! the peak memory (VmHWM of /proc/self/status) is this input's alone.
//!
//! Run: `cargo run --release -p gwr-extract --example hostile -- KIND MB [UNIT]`, KIND one of
//! - `parens`: MB megabytes of `(` (one unbalanced-bracket spot per byte);
//! - `targets`: the target sentence `2025年预期目标：地区生产总值增长5%左右，达到1000亿元。`
//!   repeated to MB megabytes (two target facts per sentence, each looking for a baseline);
//! - `levels`: `2024年地区生产总值达到N亿元。2025年预期目标：地区生产总值增长5%左右，达到M亿元。`
//!   repeated, with N and M counting up (every target has baseline candidates);
//! - `repeat`: a third argument (e.g. `的`, `1 `, `（`, `5%，`) repeated to MB megabytes.
//!
//! Prints one tab-separated line: kind, MB, chars, seconds, facts, targets, quality issues,
//! peak RSS in MB.

use std::time::Instant;

use gwr_extract::{extract, SourceInfo};
use gwr_model::ReportMeta;

fn main() {
    let mut args = std::env::args().skip(1);
    let kind = args.next().unwrap_or_else(|| "parens".into());
    let mb: f64 = args.next().and_then(|m| m.parse().ok()).unwrap_or(2.0);
    let want = (mb * 1024.0 * 1024.0) as usize;
    let mut text = String::with_capacity(want + 256);
    match kind.as_str() {
        "parens" => text.extend(std::iter::repeat_n('(', want)),
        "targets" => {
            while text.len() < want {
                text.push_str("2025年预期目标：地区生产总值增长5%左右，达到1000亿元。");
            }
        }
        "levels" => {
            let mut i = 0u64;
            while text.len() < want {
                i += 1;
                text.push_str(&format!(
                    "2024年地区生产总值达到{}亿元。2025年预期目标：地区生产总值增长5%左右，达到{}亿元。\n",
                    900 + i % 97,
                    1000 + i % 89
                ));
            }
        }
        "repeat" => {
            let unit = args.next().unwrap_or_else(|| "的".into());
            while text.len() < want {
                text.push_str(&unit);
            }
        }
        other => {
            eprintln!("unknown kind {other}: parens, targets, levels or repeat");
            std::process::exit(2);
        }
    }
    let meta = ReportMeta {
        report_id: "hostile-2024".into(),
        place_zh: "某地".into(),
        report_year: Some(2024),
        ..Default::default()
    };
    let chars = text.chars().count();
    let t0 = Instant::now();
    let report = extract(&text, &meta, &SourceInfo::utf8(&text));
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{kind}\t{mb}\t{chars}\t{secs:.2}\t{}\t{}\t{}\t{:.0}",
        report.facts.len(),
        report.targets.len(),
        report.quality_issues.len(),
        peak_rss_mb()
    );
}

/// Peak resident memory of this process in MB (Linux), or 0 when unknown.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
