//! `gwr show` on the package committed at the repository root, on a `gwr extract --out` folder
//! (flat layout), and on broken input. Expected counts are computed from the CSV files with an
//! independent reader, not hard-coded.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gwr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gwr"))
        .args(args)
        .output()
        .unwrap()
}

fn root_arg() -> String {
    root().display().to_string()
}

/// Rows of a CSV file as header → cell maps, read without gwr.
fn records(path: &Path) -> Vec<Vec<(String, String)>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect()
}

fn cell<'a>(row: &'a [(String, String)], name: &str) -> &'a str {
    row.iter()
        .find(|(h, _)| h == name)
        .map(|(_, v)| v.as_str())
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "gwr failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn targets_as_json_are_typed_by_the_schema() {
    let out = stdout(&gwr(&[
        "show",
        "targets",
        "--dir",
        &root_arg(),
        "--format",
        "json",
    ]));
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    let expected = records(&root().join("data/targets.csv"));
    assert_eq!(rows.len(), expected.len());
    assert!(!rows.is_empty());
    for (row, csv_row) in rows.iter().zip(&expected) {
        assert_eq!(row["target_id"], cell(csv_row, "target_id"));
        // integer and number columns are JSON numbers; empty cells are null.
        match cell(csv_row, "period") {
            "" => assert!(row["period"].is_null()),
            p => assert_eq!(row["period"].as_i64(), Some(p.parse().unwrap())),
        }
        let value: f64 = cell(csv_row, "value").parse().unwrap();
        assert_eq!(row["value"].as_f64(), Some(value));
        match cell(csv_row, "value_max") {
            "" => assert!(row["value_max"].is_null()),
            v => assert_eq!(row["value_max"].as_f64(), Some(v.parse().unwrap())),
        }
        assert!(row["consistency"].is_string());
    }
}

#[test]
fn status_filter_selects_the_target_facts() {
    let out = stdout(&gwr(&[
        "show",
        "facts",
        "--dir",
        &root_arg(),
        "--status",
        "target",
        "--format",
        "json",
    ]));
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    let all = records(&root().join("data/facts.csv"));
    let expected: Vec<&str> = all
        .iter()
        .filter(|r| cell(r, "status") == "target")
        .map(|r| cell(r, "fact_id"))
        .collect();
    assert!(!expected.is_empty());
    assert!(
        expected.len() < all.len(),
        "the filter must exclude something"
    );
    let got: Vec<&str> = rows
        .iter()
        .map(|r| r["fact_id"].as_str().unwrap())
        .collect();
    assert_eq!(got, expected);

    // Filters combine; --limit caps what is left.
    let out = stdout(&gwr(&[
        "show",
        "facts",
        "--dir",
        &root_arg(),
        "--status",
        "actual",
        "--period",
        "2023",
        "--limit",
        "3",
        "--format",
        "json",
    ]));
    let rows: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.len(), 3);
    assert!(rows
        .iter()
        .all(|r| r["status"] == "actual" && r["period"] == 2023));
}

#[test]
fn csv_output_round_trips() {
    for rel in ["data/facts.csv", "data/paragraphs.csv", "data/reports.csv"] {
        let table = Path::new(rel).file_stem().unwrap().to_str().unwrap();
        let out = stdout(&gwr(&[
            "show",
            table,
            "--dir",
            &root_arg(),
            "--format",
            "csv",
        ]));
        let path = root().join(rel);
        // Same cells as the file …
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let parsed: Vec<Vec<(String, String)>> = reader
            .records()
            .map(|r| {
                header
                    .iter()
                    .cloned()
                    .zip(r.unwrap().iter().map(String::from))
                    .collect()
            })
            .collect();
        assert_eq!(parsed, records(&path), "{rel}");
        // … and, since both quote only where needed, the same bytes.
        assert_eq!(out, std::fs::read_to_string(&path).unwrap(), "{rel}");
    }
}

#[test]
fn table_format_aligns_columns() {
    let out = stdout(&gwr(&[
        "show",
        "targets",
        "--dir",
        &root_arg(),
        "--columns",
        "target_id,subject,value,unit",
    ]));
    let lines: Vec<&str> = out.lines().collect();
    let n = records(&root().join("data/targets.csv")).len();
    assert_eq!(lines.len(), n + 2, "{out}");
    assert!(lines[0].starts_with("target_id"), "{out}");
    assert!(lines[1].starts_with("---"), "{out}");
    // The value column is right-aligned, so every row ends at the same terminal column
    // before the unit column: check that the unit column starts at one width for all rows.
    let unit_col = |l: &str| {
        let cut = l.rfind(' ').unwrap();
        unicode_width::UnicodeWidthStr::width(&l[..cut])
    };
    let first = unit_col(lines[2]);
    assert!(lines[2..].iter().all(|l| unit_col(l) == first), "{out}");
}

#[test]
fn works_on_a_flat_extract_folder() {
    let tmp = std::env::temp_dir().join(format!("gwr-show-test-{}", std::process::id()));
    std::fs::remove_dir_all(&tmp).ok();
    std::fs::create_dir_all(&tmp).unwrap();
    let src = root().join("data/sources/cn-sh-baoshan-songnan-2024");
    let out_dir = tmp.join("out");
    let extract = gwr(&[
        "extract",
        src.join("report.txt").to_str().unwrap(),
        "--meta",
        src.join("report.toml").to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(
        extract.status.success(),
        "{}",
        String::from_utf8_lossy(&extract.stderr)
    );
    assert!(out_dir.join("facts.csv").is_file(), "flat layout expected");
    let json = stdout(&gwr(&[
        "show",
        "facts",
        "--dir",
        out_dir.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let rows: Vec<Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(rows.len(), records(&out_dir.join("facts.csv")).len());
    // The datapackage.json itself works as --dir too.
    let dp = out_dir.join("datapackage.json");
    let json2 = stdout(&gwr(&[
        "show",
        "facts",
        "--dir",
        dp.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert_eq!(json, json2);
    std::fs::remove_dir_all(&tmp).ok();
}

#[test]
fn no_table_lists_the_tables() {
    let out = stdout(&gwr(&["show", "--dir", &root_arg()]));
    for t in [
        "reports",
        "sections",
        "paragraphs",
        "facts",
        "targets",
        "quality_issues",
        "indicators",
        "places",
    ] {
        assert!(out.lines().any(|l| l.starts_with(t)), "{t} in {out}");
    }
    assert!(!out.contains("parquet"), "only CSV tables: {out}");
}

#[test]
fn unknown_table_is_a_usage_error_listing_the_tables() {
    let o = gwr(&["show", "fact", "--dir", &root_arg()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("unknown table \"fact\""), "{err}");
    assert!(err.contains("did you mean facts?"), "{err}");
    assert!(
        err.contains("reports, sections, paragraphs, facts, targets"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn a_filter_on_a_table_without_the_column_is_refused() {
    let o = gwr(&[
        "show",
        "reports",
        "--dir",
        &root_arg(),
        "--status",
        "target",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("table reports has no column status"), "{err}");

    let o = gwr(&[
        "show",
        "facts",
        "--dir",
        &root_arg(),
        "--columns",
        "subject,nope",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("table facts has no column nope"));
}

#[test]
fn a_missing_package_names_the_path() {
    let dir = std::env::temp_dir().join(format!("gwr-show-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let o = gwr(&["show", "facts", "--dir", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&dir.join("datapackage.json").display().to_string()),
        "{err}"
    );
    std::fs::write(dir.join("datapackage.json"), "{not json").unwrap();
    let o = gwr(&["show", "facts", "--dir", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(5));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn help_explains_every_option_with_an_example() {
    let out = stdout(&gwr(&["show", "--help"]));
    for opt in [
        "--dir",
        "--report",
        "--status",
        "--indicator",
        "--period",
        "--format",
        "--limit",
        "--columns",
        "--max-width",
    ] {
        // The option's own entry: its line starts with spaces and the option name.
        let at = out
            .find(&format!("\n      {opt} "))
            .unwrap_or_else(|| panic!("{opt} in {out}"));
        let rest = &out[at + 1..];
        let next = rest.find("\n  -").unwrap_or(rest.len());
        assert!(
            rest[..next].contains("Example:"),
            "{opt}: {}",
            &rest[..next]
        );
    }
}
