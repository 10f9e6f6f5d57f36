//! The subject rules (`gwr_extract::facts::rules::SUBJECT_RULES`): every rule's examples, and
//! what each rule contributes.
//!
//! `examples`: each `(phrase, subject)` of a rule is what the phrase gives with every rule on.
//!
//! `contribution` turns each rule off in turn and counts, on the hand-checked fixture sets
//! (`tests/fixtures/{facts,heldout,blind2}`), the matched facts whose subject is right with
//! every rule on and with the rule off, and the facts whose subject changes; it prints a table:
//!
//! `cargo test -p gwr-extract --test subject_rules -- --nocapture`
//!
//! With `SUBJECT_RULES_CORPUS=DIR` (a folder of Markdown reports, such as the lawtext corpus)
//! it also counts the subjects each rule changes there (best in release:
//! `SUBJECT_RULES_CORPUS=../shared/corpus/lawtext cargo test --release -p gwr-extract --test subject_rules -- --nocapture contribution`).

mod common;

use std::path::{Path, PathBuf};

use common::{evaluate, fixture_dir, fixture_names, report_year};
use gwr_extract::facts::extract_facts;
use gwr_extract::facts::rules::{subject_of_phrase, with_subject_rules_off, SUBJECT_RULES};
use gwr_extract::structure::segment;
use gwr_model::ReportMeta;

const SETS: [&str; 3] = ["facts", "heldout", "blind2"];

#[test]
fn examples() {
    let mut bad = Vec::new();
    let mut names = std::collections::HashSet::new();
    for r in SUBJECT_RULES {
        assert!(names.insert(r.name), "two rules named {}", r.name);
        assert!(
            !r.doc.is_empty() && !r.examples.is_empty(),
            "{} lacks doc or example",
            r.name
        );
        for (phrase, want) in r.examples {
            let got = subject_of_phrase(phrase);
            if got != *want {
                bad.push(format!(
                    "{}: {phrase:?} gives {got:?}, expected {want:?}",
                    r.name
                ));
            }
        }
    }
    assert!(bad.is_empty(), "rule examples:\n{}", bad.join("\n"));
    // each rule shows itself: one of its examples gives something else with the rule off
    let silent: Vec<&str> = SUBJECT_RULES
        .iter()
        .filter(|r| {
            with_subject_rules_off(&[r.name], || {
                r.examples
                    .iter()
                    .all(|(p, want)| subject_of_phrase(p) == *want)
            })
        })
        .map(|r| r.name)
        .collect();
    assert!(
        silent.is_empty(),
        "examples that do not need their rule: {silent:?}"
    );
}

/// Subjects of every fact of every fixture report, in order.
fn fixture_subjects() -> Vec<String> {
    let mut out = Vec::new();
    for set in SETS {
        let dir = fixture_dir(set);
        for name in fixture_names(&dir) {
            let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("text");
            let meta = ReportMeta {
                report_id: name.clone(),
                place_zh: "测试".into(),
                report_year: Some(report_year(&name)),
                ..Default::default()
            };
            let s = segment(&text, &name);
            out.extend(
                extract_facts(&text, &s, &meta)
                    .into_iter()
                    .map(|f| f.subject),
            );
        }
    }
    out
}

/// Matched facts with the right subject over the fixture sets.
fn fixture_right() -> usize {
    SETS.iter()
        .map(|set| {
            let dir = fixture_dir(set);
            fixture_names(&dir)
                .iter()
                .map(|n| evaluate(&dir, n, false).subject_ok)
                .sum::<usize>()
        })
        .sum()
}

fn md_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut es: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    es.sort();
    for p in es {
        if p.is_dir() {
            md_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "md")
            && p.file_name().is_some_and(|n| n != "README.md")
        {
            out.push(p);
        }
    }
}

/// Subjects of every fact of every report of the corpus folder.
fn corpus_subjects(texts: &[(String, String)]) -> Vec<String> {
    let hints = gwr_extract::infer::Hints {
        markdown: true,
        place: None,
    };
    let src = gwr_extract::SourceInfo {
        encoding: "UTF-8".into(),
        sha256: String::new(),
        markdown: true,
    };
    texts
        .iter()
        .flat_map(|(stem, text)| {
            let meta = gwr_extract::infer::infer_meta_with(text, stem, &hints);
            gwr_extract::extract(text, &meta, &src)
                .facts
                .into_iter()
                .map(|f| f.subject)
        })
        .collect()
}

fn changed<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    a.iter().zip(b).filter(|(x, y)| x != y).count() + a.len().abs_diff(b.len())
}

#[test]
fn contribution() {
    let corpus: Vec<(String, String)> = std::env::var("SUBJECT_RULES_CORPUS")
        .ok()
        .map(|d| {
            let mut files = Vec::new();
            md_files(Path::new(&d), &mut files);
            files
                .iter()
                .filter_map(|p| {
                    let stem = p.file_stem()?.to_string_lossy().into_owned();
                    Some((stem, std::fs::read_to_string(p).ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    let base_right = fixture_right();
    let base_subjects = fixture_subjects();
    let base_corpus = corpus_subjects(&corpus);
    println!(
        "{:28} {:>9} {:>7} {:>9} {:>9}",
        "rule", "right-off", "gain", "changed", "corpus"
    );
    println!(
        "{:28} {:>9} {:>7} {:>9} {:>9}",
        "(all on)",
        base_right,
        0,
        0,
        if corpus.is_empty() {
            "-".to_string()
        } else {
            base_corpus.len().to_string()
        }
    );
    for r in SUBJECT_RULES {
        let (right, subjects, corp) = with_subject_rules_off(&[r.name], || {
            (
                fixture_right(),
                fixture_subjects(),
                corpus_subjects(&corpus),
            )
        });
        println!(
            "{:28} {:>9} {:>+7} {:>9} {:>9}",
            r.name,
            right,
            base_right as i64 - right as i64,
            changed(&base_subjects, &subjects),
            if corpus.is_empty() {
                "-".to_string()
            } else {
                changed(&base_corpus, &corp).to_string()
            }
        );
    }
}
