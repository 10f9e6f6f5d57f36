//! Shared evaluation of the fact extractor against hand-checked TSV fixtures
//! (`<name>.txt` + `<name>.facts.tsv`, format in `tests/fixtures/facts/README.md`).
//!
//! A predicted fact matches a gold row when their spans overlap and value (signed, relative
//! tolerance 1e-4) and unit agree. Rows marked borderline are neither required nor penalised:
//! a prediction overlapping one is ignored. Reports precision, recall and F1, and the accuracy
//! of subject, status (and both), period, measure, qualifier and relates_to among matched facts.
//! Set `FACTS_VERBOSE=1` to print every miss.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use gwr_extract::{facts::extract_facts, structure::segment};
use gwr_model::{Fact, ReportMeta};

#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    quote: String,
    value: f64,
    unit: String,
    qualifier: String,
    measure: String,
    status: String,
    period: String,
    subject: String,
    relates_to: Option<usize>,
    borderline: bool,
}

/// `tests/fixtures/<sub>` of this crate.
pub fn fixture_dir(sub: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sub)
}

fn load(dir: &Path, name: &str) -> (String, Vec<Gold>) {
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("fixture text");
    let tsv = std::fs::read_to_string(dir.join(format!("{name}.facts.tsv"))).expect("fixture tsv");
    let mut rows = Vec::new();
    for line in tsv.lines().skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 13 {
            continue;
        }
        rows.push(Gold {
            start: c[0].parse().expect("start"),
            end: c[1].parse().expect("end"),
            quote: c[2].to_string(),
            value: c[3].parse().expect("value"),
            unit: c[4].to_string(),
            qualifier: c[6].to_string(),
            measure: c[7].to_string(),
            status: c[8].to_string(),
            period: c[9].to_string(),
            subject: c[10].to_string(),
            relates_to: c[11].parse().ok(),
            borderline: c[12] == "1",
        });
    }
    (text, rows)
}

/// The report year: the last `-`-separated part of the name (`national-2024`), 2024 for the seed.
pub fn report_year(name: &str) -> i32 {
    if name == "seed" {
        return 2024;
    }
    name.rsplit('-')
        .next()
        .and_then(|y| y.parse().ok())
        .unwrap_or(2024)
}

fn enum_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn value_ok(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-4 * b.abs().max(1.0)
}

#[derive(Default, Debug, Clone, Copy)]
/// Counts of one evaluation.
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub subject_ok: usize,
    pub status_ok: usize,
    pub both_ok: usize,
    pub period_ok: usize,
    pub measure_ok: usize,
    pub qualifier_ok: usize,
    pub relates_ok: usize,
}

impl Score {
    pub fn add(&mut self, o: &Score) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.subject_ok += o.subject_ok;
        self.status_ok += o.status_ok;
        self.both_ok += o.both_ok;
        self.period_ok += o.period_ok;
        self.measure_ok += o.measure_ok;
        self.qualifier_ok += o.qualifier_ok;
        self.relates_ok += o.relates_ok;
    }
    pub fn p(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    pub fn r(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn frac(&self, k: usize) -> f64 {
        k as f64 / self.tp.max(1) as f64
    }
}

/// Scores the extractor on `<dir>/<name>.txt` against `<dir>/<name>.facts.tsv`; prints every
/// miss when `verbose`.
pub fn evaluate(dir: &Path, name: &str, verbose: bool) -> Score {
    let (text, gold) = load(dir, name);
    let meta = ReportMeta {
        report_id: name.to_string(),
        place_zh: "测试".into(),
        report_year: Some(report_year(name)),
        ..Default::default()
    };
    let structure = segment(&text, &meta.report_id);
    let facts = extract_facts(&text, &structure, &meta);
    let by_id: HashMap<&str, &Fact> = facts.iter().map(|f| (f.fact_id.as_str(), f)).collect();
    let mut score = Score::default();
    let mut gold_hit = vec![false; gold.len()];
    for f in &facts {
        let (fs, fe) = (f.start as usize, f.end as usize);
        let overl: Vec<usize> = (0..gold.len())
            .filter(|&g| gold[g].start < fe && fs < gold[g].end)
            .collect();
        let unit = enum_str(&f.unit);
        let m = overl.iter().copied().find(|&g| {
            !gold[g].borderline && value_ok(f.value, gold[g].value) && unit == gold[g].unit
        });
        match m {
            Some(g) => {
                gold_hit[g] = true;
                score.tp += 1;
                let gr = &gold[g];
                let subj = f.subject == gr.subject;
                let stat = enum_str(&f.status) == gr.status;
                score.subject_ok += subj as usize;
                score.status_ok += stat as usize;
                score.both_ok += (subj && stat) as usize;
                let per = f.period.map(|p| p.to_string()).unwrap_or_default() == gr.period;
                score.period_ok += per as usize;
                let meas = enum_str(&f.measure) == gr.measure;
                score.measure_ok += meas as usize;
                let qual = enum_str(&f.qualifier) == gr.qualifier;
                score.qualifier_ok += qual as usize;
                let rel_pred = f
                    .relates_to
                    .as_deref()
                    .and_then(|id| by_id.get(id))
                    .map(|o| o.start as usize);
                let rel_ok = match (rel_pred, gr.relates_to) {
                    (None, None) => true,
                    (Some(p), Some(g)) => gold.iter().any(|x| {
                        x.start == g
                            && (x.start as u64)
                                < by_id
                                    .values()
                                    .find(|o| o.start as usize == p)
                                    .map_or(0, |o| o.end)
                            && p < x.end
                    }),
                    _ => false,
                };
                score.relates_ok += rel_ok as usize;
                if verbose && !(subj && stat && per && meas && qual && rel_ok) {
                    println!(
                        "  ~ {name} {} {:?}: subject {:?} vs {:?}{} status {} vs {}; period {:?} vs {}; measure {} vs {}; qual {} vs {}; rel {:?} vs {:?}",
                        gr.start,
                        gr.quote,
                        f.subject,
                        gr.subject,
                        if subj { "" } else { " <<" },
                        enum_str(&f.status),
                        gr.status,
                        f.period,
                        gr.period,
                        enum_str(&f.measure),
                        gr.measure,
                        enum_str(&f.qualifier),
                        gr.qualifier,
                        rel_pred,
                        gr.relates_to
                    );
                }
            }
            None => {
                if overl.iter().any(|&g| gold[g].borderline) {
                    continue;
                }
                score.fp += 1;
                if verbose {
                    println!(
                        "  + {name} FP {} {:?} value {} {} subject {:?}",
                        f.start, f.quote, f.value, unit, f.subject
                    );
                }
            }
        }
    }
    for (g, gr) in gold.iter().enumerate() {
        if gr.borderline || gold_hit[g] {
            continue;
        }
        score.fn_ += 1;
        if verbose {
            let near: Vec<String> = facts
                .iter()
                .filter(|f| (f.start as usize) < gr.end && gr.start < f.end as usize)
                .map(|f| format!("{:?}={} {}", f.quote, f.value, enum_str(&f.unit)))
                .collect();
            println!(
                "  - {name} FN {} {:?} value {} {} (predicted here: {near:?})",
                gr.start, gr.quote, gr.value, gr.unit
            );
        }
    }
    score
}

/// The fixture names (`<name>.facts.tsv` with a `<name>.txt` beside it) in `dir`, sorted.
pub fn fixture_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("fixture dir")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".facts.tsv"))
                .map(str::to_string)
        })
        .filter(|n| dir.join(format!("{n}.txt")).exists())
        .collect();
    names.sort();
    names
}

/// One line of scores.
pub fn line(name: &str, s: &Score) -> String {
    format!(
        "{name:16} tp {:3} fp {:3} fn {:3}  P {:.3} R {:.3} F1 {:.3} | subject {:.3} status {:.3} both {:.3} period {:.3} measure {:.3} qualifier {:.3} relates {:.3}",
        s.tp,
        s.fp,
        s.fn_,
        s.p(),
        s.r(),
        s.f1(),
        s.frac(s.subject_ok),
        s.frac(s.status_ok),
        s.frac(s.both_ok),
        s.frac(s.period_ok),
        s.frac(s.measure_ok),
        s.frac(s.qualifier_ok),
        s.frac(s.relates_ok)
    )
}

/// Evaluates every fixture of `dir`; prints one line per file and the total; returns
/// `(name, score)` per file and the total.
pub fn evaluate_dir(dir: &Path) -> (Vec<(String, Score)>, Score) {
    let verbose = std::env::var("FACTS_VERBOSE").is_ok();
    let mut total = Score::default();
    let mut out = Vec::new();
    for name in fixture_names(dir) {
        let s = evaluate(dir, &name, verbose);
        println!("{}", line(&name, &s));
        total.add(&s);
        out.push((name, s));
    }
    println!("{}", line("TOTAL", &total));
    (out, total)
}
