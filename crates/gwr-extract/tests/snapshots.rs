//! Every fixture report's current output, committed as TSV rows under `tests/snapshots/`:
//! `<set>/<name>.facts.tsv` (the `facts` rows) and `<set>/<name>.issues.tsv` (the
//! `quality_issues` rows) for each `tests/fixtures/<set>/<name>.txt`. A rule change shows in
//! review as the rows it changed. When a change is meant, bless the new output with
//! `UPDATE_EXPECT=1 cargo test -p gwr-extract --test snapshots` and commit the diff.

mod common;

use std::path::{Path, PathBuf};

use gwr_extract::{extract, SourceInfo};
use gwr_model::ReportMeta;

/// The fixture sets whose `.txt` files are reports.
const SETS: &[&str] = &[
    "facts",
    "heldout",
    "blind2",
    "infer",
    "structure",
    "quality",
];

/// A row as one TSV line (and the header from its keys): every field but `report_id`, text
/// with tabs, line breaks and backslashes escaped, null as an empty cell.
fn rows_tsv<T: serde::Serialize>(rows: &[T]) -> String {
    let mut out = String::new();
    for (i, r) in rows.iter().enumerate() {
        let serde_json::Value::Object(map) = serde_json::to_value(r).unwrap() else {
            panic!("a row serialises to an object");
        };
        let cells: Vec<(&String, &serde_json::Value)> =
            map.iter().filter(|(k, _)| *k != "report_id").collect();
        if i == 0 {
            let head: Vec<&str> = cells.iter().map(|(k, _)| k.as_str()).collect();
            out.push_str(&head.join("\t"));
            out.push('\n');
        }
        let line: Vec<String> = cells
            .iter()
            .map(|(_, v)| match v {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s
                    .replace('\\', "\\\\")
                    .replace('\t', "\\t")
                    .replace('\n', "\\n")
                    .replace('\r', "\\r"),
                other => other.to_string(),
            })
            .collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    out
}

fn reports(set: &str) -> Vec<(String, PathBuf)> {
    let dir = common::fixture_dir(set);
    let mut v: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| Some((p.file_stem()?.to_str()?.to_string(), p.clone())))
        .collect();
    v.sort();
    v
}

/// Compares `got` with the snapshot at `path` (writes it under UPDATE_EXPECT); returns a
/// description of the difference, if any.
fn compare(path: &Path, got: &str) -> Option<String> {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, got).unwrap();
        return None;
    }
    let want = std::fs::read_to_string(path).unwrap_or_default();
    if want == got {
        return None;
    }
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut diff = Vec::new();
    for l in &w {
        if !g.contains(l) {
            diff.push(format!("  - {l}"));
        }
    }
    for l in &g {
        if !w.contains(l) {
            diff.push(format!("  + {l}"));
        }
    }
    diff.truncate(40);
    Some(format!("{}:\n{}", path.display(), diff.join("\n")))
}

#[test]
fn fixture_outputs_match_their_snapshots() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut problems = Vec::new();
    let mut n = 0;
    for set in SETS {
        for (name, path) in reports(set) {
            let text = std::fs::read_to_string(&path).unwrap();
            let meta = ReportMeta {
                report_id: name.clone(),
                place_zh: "测试".into(),
                report_year: Some(common::report_year(&name)),
                ..Default::default()
            };
            let report = extract(&text, &meta, &SourceInfo::utf8(&text));
            let dir = root.join(set);
            problems.extend(compare(
                &dir.join(format!("{name}.facts.tsv")),
                &rows_tsv(&report.facts),
            ));
            problems.extend(compare(
                &dir.join(format!("{name}.issues.tsv")),
                &rows_tsv(&report.quality_issues),
            ));
            n += 1;
        }
    }
    assert!(n >= 30, "only {n} fixture reports found");
    assert!(
        problems.is_empty(),
        "outputs differ from tests/snapshots (bless a meant change with UPDATE_EXPECT=1 cargo test -p gwr-extract --test snapshots):\n{}",
        problems.join("\n")
    );
}
