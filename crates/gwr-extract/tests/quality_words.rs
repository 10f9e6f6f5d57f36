//! Runs every example of `lexicon/quality-words.tsv`, the quality detectors' word lists: the
//! example (`\n` written as `\n`) must give exactly the quality codes of its `gives` column
//! ("none" for none). `UPDATE_EXPECT=1 cargo test -p gwr-extract --test quality_words` writes
//! what extraction gives into that column (review the diff before committing it).

use std::path::PathBuf;

use gwr_extract::{extract, SourceInfo};
use gwr_model::ReportMeta;

fn codes(example: &str) -> String {
    let text = example.replace("\\n", "\n");
    let meta = ReportMeta {
        report_id: "example".into(),
        place_zh: "上海市".into(),
        report_year: Some(2024),
        ..Default::default()
    };
    let report = extract(&text, &meta, &SourceInfo::utf8(&text));
    let mut codes: Vec<&str> = report
        .quality_issues
        .iter()
        .map(|q| q.code.as_str())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    if codes.is_empty() {
        "none".into()
    } else {
        codes.join(",")
    }
}

#[test]
fn every_quality_word_example() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("lexicon/quality-words.tsv");
    let text = std::fs::read_to_string(&path).unwrap();
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut out = Vec::new();
    let mut failures = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("list\t") {
            out.push(line.to_string());
            continue;
        }
        let mut cells: Vec<String> = line.split('\t').map(str::to_string).collect();
        assert_eq!(cells.len(), 4, "line {}: 4 columns expected", n + 1);
        assert!(
            cells[2].contains(&cells[1]),
            "line {}: the example does not contain {:?}",
            n + 1,
            cells[1]
        );
        let got = codes(&cells[2]);
        if update {
            cells[3] = got;
        } else if got != cells[3] {
            failures.push(format!(
                "line {}: {} {:?} gives {got}, the lexicon says {}",
                n + 1,
                cells[0],
                cells[1],
                cells[3]
            ));
        }
        out.push(cells.join("\t"));
    }
    if update {
        std::fs::write(&path, out.join("\n") + "\n").unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
