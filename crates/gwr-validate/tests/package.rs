//! The validator against the published package (repo root) and copies of it broken on
//! purpose: each break must be reported precisely (resource, row, field, check), and the
//! unbroken package must validate clean.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use gwr_validate::{validate_package, Problem, Report};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        let dest = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

/// A temporary package folder, removed when dropped.
struct TempPkg(PathBuf);

impl Drop for TempPkg {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl std::ops::Deref for TempPkg {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

/// A fresh copy of the published package (datapackage.json, data/, schemas/).
fn copy_package(tag: &str) -> TempPkg {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "gwr-validate-test-{}-{}-{tag}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    let root = repo_root();
    std::fs::copy(root.join("datapackage.json"), dir.join("datapackage.json")).unwrap();
    copy_dir(&root.join("data"), &dir.join("data"));
    copy_dir(&root.join("schemas"), &dir.join("schemas"));
    TempPkg(dir)
}

fn validate(dir: &Path) -> Report {
    validate_package(dir).expect("the package can be examined")
}

type Key = (String, Option<usize>, Option<String>, String);

fn keys(r: &Report) -> BTreeSet<Key> {
    r.problems
        .iter()
        .map(|p| {
            (
                p.resource.clone(),
                p.row,
                p.field.clone(),
                p.code.to_string(),
            )
        })
        .collect()
}

fn key(resource: &str, row: Option<usize>, field: Option<&str>, code: &str) -> Key {
    (
        resource.to_string(),
        row,
        field.map(String::from),
        code.to_string(),
    )
}

fn show(r: &Report) -> String {
    r.problems
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts the report has exactly the problems `want` (resource, row, field, code).
fn assert_exactly(r: &Report, want: &[Key]) {
    let got = keys(r);
    let want: BTreeSet<Key> = want.iter().cloned().collect();
    assert_eq!(got, want, "problems:\n{}", show(r));
}

/// Asserts the report has at least the problems `want`.
fn assert_has(r: &Report, want: &[Key]) {
    let got = keys(r);
    for w in want {
        assert!(got.contains(w), "missing {w:?}; problems:\n{}", show(r));
    }
}

// ------------------------------------------------------------------------------------------
// CSV editing that keeps every other byte as the exporter wrote it

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(path)
        .unwrap();
    let header = rdr.headers().unwrap().iter().map(String::from).collect();
    let rows = rdr
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn write_csv(path: &Path, header: &[String], rows: &[Vec<String>]) {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    w.write_record(header).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    std::fs::write(path, w.into_inner().unwrap()).unwrap();
}

/// Sets `field` of data row `row` (1-based) of a CSV file; returns the old value.
fn set_cell(dir: &Path, rel: &str, row: usize, field: &str, value: &str) -> String {
    let path = dir.join(rel);
    let (header, mut rows) = read_csv(&path);
    let col = header.iter().position(|h| h == field).unwrap();
    let old = std::mem::replace(&mut rows[row - 1][col], value.to_string());
    write_csv(&path, &header, &rows);
    old
}

fn cell(dir: &Path, rel: &str, row: usize, field: &str) -> String {
    let (header, rows) = read_csv(&dir.join(rel));
    let col = header.iter().position(|h| h == field).unwrap();
    rows[row - 1][col].clone()
}

/// The 1-based rows of a CSV whose `field` equals `value`.
fn rows_where(dir: &Path, rel: &str, field: &str, value: &str) -> Vec<usize> {
    let (header, rows) = read_csv(&dir.join(rel));
    let col = header.iter().position(|h| h == field).unwrap();
    rows.iter()
        .enumerate()
        .filter(|(_, r)| r[col] == value)
        .map(|(i, _)| i + 1)
        .collect()
}

fn delete_row(dir: &Path, rel: &str, row: usize) {
    let path = dir.join(rel);
    let (header, mut rows) = read_csv(&path);
    rows.remove(row - 1);
    write_csv(&path, &header, &rows);
}

fn edit_descriptor(dir: &Path, f: impl FnOnce(&mut serde_json::Value)) {
    let path = dir.join("datapackage.json");
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    f(&mut v);
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

fn resource_index(dir: &Path, name: &str) -> usize {
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("datapackage.json")).unwrap()).unwrap();
    v["resources"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["name"] == name)
        .unwrap()
}

const FACTS: &str = "data/facts.csv";
const TARGETS: &str = "data/targets.csv";
const PARAGRAPHS: &str = "data/paragraphs.csv";

// ------------------------------------------------------------------------------------------

#[test]
fn published_package_is_clean() {
    let t = std::time::Instant::now();
    let full = validate_package(&repo_root()).unwrap();
    let elapsed = t.elapsed();
    println!("{}\n{}\n{elapsed:?}", show(&full), full.summary());
    assert!(full.is_valid(), "{}", show(&full));
    assert_eq!(full.problem_count(), 0);
    let s = &full.stats;
    assert!(s.tables >= 14 && s.rows > 0 && s.pairs_compared >= 7);
    assert!(s.quotes_checked > 0 && s.values_checked > 0 && s.targets_checked > 0);
}

#[test]
fn unmodified_copy_is_clean_and_the_csv_editor_is_byte_exact() {
    let dir = copy_package("clean");
    for rel in [
        FACTS,
        TARGETS,
        PARAGRAPHS,
        "data/sections.csv",
        "data/reports.csv",
    ] {
        let before = std::fs::read(dir.join(rel)).unwrap();
        let (h, rows) = read_csv(&dir.join(rel));
        write_csv(&dir.join(rel), &h, &rows);
        assert_eq!(
            before,
            std::fs::read(dir.join(rel)).unwrap(),
            "{rel} rewritten"
        );
    }
    let r = validate(&dir);
    assert_exactly(&r, &[]);
    assert!(r.is_valid());
}

#[test]
fn changed_csv_value_breaks_hash_size_and_the_parquet_copy() {
    let dir = copy_package("csv-value");
    let old = set_cell(&dir, FACTS, 5, "subject", "改过的对象");
    assert_ne!(old, "改过的对象");
    let r = validate(&dir);
    let mut want = vec![
        key("facts", None, Some("hash"), "hash"),
        key("facts", Some(5), Some("subject"), "csv-parquet"),
    ];
    if old.len() != "改过的对象".len() {
        want.push(key("facts", None, Some("bytes"), "bytes"));
    }
    assert_exactly(&r, &want);
    let p = r.with_code("csv-parquet").next().unwrap();
    assert!(
        p.message.contains("改过的对象") && p.message.contains(&old),
        "{p}"
    );
}

#[test]
fn broken_hash_in_descriptor() {
    let dir = copy_package("hash");
    let i = resource_index(&dir, "targets-parquet");
    edit_descriptor(&dir, |v| {
        v["resources"][i]["hash"] = serde_json::json!(format!("sha256:{}", "0".repeat(64)));
    });
    let r = validate(&dir);
    assert_exactly(&r, &[key("targets-parquet", None, Some("hash"), "hash")]);
    edit_descriptor(&dir, |v| {
        v["resources"][i]["x-bytes"] = serde_json::json!(12);
    });
    let r = validate(&dir);
    assert_has(
        &r,
        &[key("targets-parquet", None, Some("x-bytes"), "bytes")],
    );
}

#[test]
fn deleted_row_that_others_reference() {
    let dir = copy_package("fk");
    // a paragraph that facts point at
    let pid = cell(&dir, FACTS, 1, "paragraph_id");
    let prow = rows_where(&dir, PARAGRAPHS, "paragraph_id", &pid)[0];
    let referencing = rows_where(&dir, FACTS, "paragraph_id", &pid);
    delete_row(&dir, PARAGRAPHS, prow);
    let r = validate(&dir);
    let mut want: Vec<Key> = referencing
        .iter()
        .map(|&row| key("facts", Some(row), Some("paragraph_id"), "foreign-key"))
        .collect();
    want.push(key("paragraphs", None, Some("hash"), "hash"));
    want.push(key("paragraphs", None, Some("bytes"), "bytes"));
    assert_has(&r, &want);
    // quality_issues may point at the paragraph too; count the facts' broken keys.
    let fk: Vec<&Problem> = r
        .with_code("foreign-key")
        .filter(|p| p.resource == "facts")
        .collect();
    assert_eq!(fk.len(), referencing.len(), "{}", show(&r));
    assert!(fk[0].message.contains(&pid) && fk[0].message.contains("paragraphs.paragraph_id"));
    assert!(r.has("csv-parquet"));
}

#[test]
fn deleted_fact_breaks_self_reference_and_targets() {
    let dir = copy_package("fk-self");
    let fid = cell(&dir, FACTS, 1, "fact_id");
    let relating = rows_where(&dir, FACTS, "relates_to", &fid);
    assert!(!relating.is_empty(), "fact 1 is related to by another fact");
    let baseline_of = rows_where(&dir, TARGETS, "baseline_fact_id", &fid);
    assert!(!baseline_of.is_empty(), "fact 1 is a target's baseline");
    delete_row(&dir, FACTS, 1);
    let r = validate(&dir);
    let mut want: Vec<Key> = relating
        .iter()
        .map(|&row| key("facts", Some(row - 1), Some("relates_to"), "foreign-key"))
        .collect();
    want.extend(baseline_of.iter().map(|&row| {
        key(
            "targets",
            Some(row),
            Some("baseline_fact_id"),
            "foreign-key",
        )
    }));
    assert_has(&r, &want);
}

#[test]
fn altered_quote() {
    let dir = copy_package("quote");
    let old = cell(&dir, FACTS, 1, "quote");
    let new = old.replacen('7', "8", 1);
    assert_ne!(old, new);
    set_cell(&dir, FACTS, 1, "quote", &new);
    let r = validate(&dir);
    assert_exactly(
        &r,
        &[
            key("facts", None, Some("hash"), "hash"),
            key("facts", Some(1), Some("quote"), "csv-parquet"),
            key("facts", Some(1), Some("quote"), "quote"),
        ],
    );
    let p = r.with_code("quote").next().unwrap();
    assert!(p.message.contains(&new) && p.message.contains(&old), "{p}");
}

#[test]
fn quote_past_the_end_of_the_text() {
    let dir = copy_package("offset");
    set_cell(&dir, FACTS, 2, "end", "99999999");
    let r = validate(&dir);
    assert_has(&r, &[key("facts", Some(2), Some("start,end"), "offset")]);
}

#[test]
fn unknown_enum_value() {
    let dir = copy_package("enum");
    set_cell(&dir, FACTS, 1, "unit", "EUR");
    let r = validate(&dir);
    assert_has(
        &r,
        &[
            key("facts", Some(1), Some("unit"), "enum"),
            key("facts", Some(1), Some("unit"), "json-schema"),
            key("facts", Some(1), Some("unit"), "csv-parquet"),
        ],
    );
    let p = r.with_code("enum").next().unwrap();
    assert!(p.message.contains("\"EUR\""), "{p}");
}

#[test]
fn duplicate_primary_key() {
    let dir = copy_package("pk");
    let first = cell(&dir, PARAGRAPHS, 1, "paragraph_id");
    set_cell(&dir, PARAGRAPHS, 2, "paragraph_id", &first);
    let r = validate(&dir);
    assert_has(
        &r,
        &[key(
            "paragraphs",
            Some(2),
            Some("paragraph_id"),
            "primary-key",
        )],
    );
    let p = r.with_code("primary-key").next().unwrap();
    assert!(p.message.contains("first in row 1"), "{p}");
}

#[test]
fn value_disagreeing_with_value_raw_and_unit() {
    let dir = copy_package("value");
    // 5.87 亿元 → 587000000; make it 588000000
    let row = rows_where(&dir, FACTS, "value_raw", "5.87")[0];
    assert_eq!(cell(&dir, FACTS, row, "unit_raw"), "亿元");
    set_cell(&dir, FACTS, row, "value", "588000000");
    let r = validate(&dir);
    assert_has(
        &r,
        &[
            key("facts", Some(row), Some("value"), "value"),
            key("facts", Some(row), Some("value"), "csv-parquet"),
        ],
    );
    let p = r.with_code("value").next().unwrap();
    assert!(p.message.contains("587000000"), "{p}");
}

/// A falling range (下降8%至10%) is stored in numeric order, value -10 and value_max -8: the
/// ends as written swap places, and the check must know it.
#[test]
fn falling_range_is_checked_in_numeric_order() {
    let dir = copy_package("falling-range");
    let (header, rows) = read_csv(&dir.join(TARGETS));
    let used: BTreeSet<String> = [
        "fact_id",
        "level_fact_id",
        "growth_fact_id",
        "baseline_fact_id",
    ]
    .iter()
    .filter_map(|f| header.iter().position(|h| h == f))
    .flat_map(|c| rows.iter().map(move |r| r[c].clone()))
    .collect();
    let row = (1..)
        .find(|&r| !used.contains(&cell(&dir, FACTS, r, "fact_id")))
        .unwrap();
    set_cell(&dir, FACTS, row, "value_raw", "8%至10");
    set_cell(&dir, FACTS, row, "unit_raw", "%");
    set_cell(&dir, FACTS, row, "value", "-10");
    set_cell(&dir, FACTS, row, "value_max", "-8");
    let r = validate(&dir);
    assert!(!r.has("value"), "{}", show(&r));
    assert!(r.stats.values_checked > 0);
    // the same ends in the written order are wrong
    set_cell(&dir, FACTS, row, "value", "-8");
    set_cell(&dir, FACTS, row, "value_max", "-10");
    let r = validate(&dir);
    assert_has(
        &r,
        &[
            key("facts", Some(row), Some("value"), "value"),
            key("facts", Some(row), Some("value_max"), "value"),
        ],
    );
}

const REPORTS: &str = "data/reports.csv";

/// `sha256` is the hash of the original file: for a plain UTF-8 file it must be the shipped
/// text's hash, for a decoded one (GB18030, UTF-16, a web page…) it is not compared with it.
#[test]
fn sha256_is_compared_with_the_text_only_for_plain_utf8_files() {
    let other = "0".repeat(64);
    let dir = copy_package("sha-utf8");
    assert_eq!(cell(&dir, REPORTS, 1, "encoding"), "UTF-8");
    set_cell(&dir, REPORTS, 1, "sha256", &other);
    let r = validate(&dir);
    assert_has(&r, &[key("reports", Some(1), Some("sha256"), "source")]);

    for encoding in [
        "GB18030",
        "UTF-8 (BOM)",
        "UTF-16LE (BOM)",
        "UTF-8; HTML text extracted",
    ] {
        let dir = copy_package("sha-decoded");
        set_cell(&dir, REPORTS, 1, "encoding", encoding);
        set_cell(&dir, REPORTS, 1, "sha256", &other);
        let r = validate(&dir);
        assert!(!r.has("source"), "{encoding}: {}", show(&r));
        // the text itself is still covered by its own resource hash
        let source = resource_index(&dir, "source-cn-sh-baoshan-songnan-2024");
        edit_descriptor(&dir, |v| {
            v["resources"][source]["hash"] = serde_json::Value::String(format!("sha256:{other}"));
        });
        let r = validate(&dir);
        assert_has(
            &r,
            &[key(
                "source-cn-sh-baoshan-songnan-2024",
                None,
                Some("hash"),
                "hash",
            )],
        );
    }
}

#[test]
fn wrong_consistency_claim() {
    let dir = copy_package("target");
    let rows = rows_where(&dir, TARGETS, "consistency", "consistent");
    assert!(!rows.is_empty());
    let row = rows[0];
    set_cell(&dir, TARGETS, row, "consistency", "inconsistent");
    let r = validate(&dir);
    assert_exactly(
        &r,
        &[
            key("targets", None, Some("hash"), "hash"),
            key("targets", None, Some("bytes"), "bytes"),
            key("targets", Some(row), Some("consistency"), "csv-parquet"),
            key("targets", Some(row), Some("consistency"), "target"),
        ],
    );
    let p = r.with_code("target").next().unwrap();
    assert!(p.message.contains("so consistent"), "{p}");

    // a not-checkable row claiming to be checked
    let dir = copy_package("target-nc");
    let rows = rows_where(&dir, TARGETS, "consistency", "not_checkable");
    if let Some(&row) = rows.first() {
        set_cell(&dir, TARGETS, row, "consistency", "consistent");
        let r = validate(&dir);
        assert_has(
            &r,
            &[key("targets", Some(row), Some("consistency"), "target")],
        );
    }
}

#[test]
fn wrong_implied_value() {
    let dir = copy_package("implied");
    let row = rows_where(&dir, TARGETS, "consistency", "consistent")[0];
    set_cell(&dir, TARGETS, row, "implied_value", "1");
    let r = validate(&dir);
    assert_has(
        &r,
        &[key("targets", Some(row), Some("implied_value"), "target")],
    );
}

#[test]
fn descriptor_violating_the_profile() {
    let dir = copy_package("profile-array");
    edit_descriptor(&dir, |v| {
        let first = v["resources"][0].clone();
        v["resources"] = first;
    });
    let r = validate(&dir);
    assert_has(
        &r,
        &[key("datapackage.json", None, Some("/resources"), "profile")],
    );

    let dir = copy_package("profile-name");
    let i = resource_index(&dir, "reports");
    edit_descriptor(&dir, |v| {
        v["resources"][i].as_object_mut().unwrap().remove("name");
    });
    let r = validate(&dir);
    let label = format!("datapackage.json (resource {i})");
    assert_has(
        &r,
        &[key(
            &label,
            None,
            Some(&format!("/resources/{i}")),
            "profile",
        )],
    );
    // the rest of the package is still checked: sections etc. now reference a missing resource
    assert!(r.has("foreign-key"), "{}", show(&r));

    let dir = copy_package("profile-json");
    std::fs::write(dir.join("datapackage.json"), b"{\"resources\": [").unwrap();
    let r = validate(&dir);
    assert_exactly(
        &r,
        &[key("datapackage.json", None, None, "descriptor-json")],
    );
}

#[test]
fn missing_and_escaping_files() {
    let dir = copy_package("files");
    std::fs::remove_file(dir.join("data/sections.parquet")).unwrap();
    let i = resource_index(&dir, "quality_issues");
    edit_descriptor(&dir, |v| {
        v["resources"][i]["path"] = serde_json::json!("../../etc/passwd");
    });
    let r = validate(&dir);
    assert_has(
        &r,
        &[
            key("sections-parquet", None, Some("path"), "file-missing"),
            key("quality_issues", None, Some("path"), "resource-path"),
        ],
    );
}

#[test]
fn type_and_range_errors() {
    let dir = copy_package("types");
    set_cell(&dir, FACTS, 1, "start", "-1");
    set_cell(&dir, FACTS, 2, "value", "lots");
    set_cell(&dir, FACTS, 3, "period", "99999999999999999999999");
    // a required text left empty (subject may be empty; value_raw may not)
    set_cell(&dir, FACTS, 4, "value_raw", "");
    set_cell(&dir, FACTS, 5, "subject", "");
    let r = validate(&dir);
    assert_has(
        &r,
        &[
            key("facts", Some(1), Some("start"), "minimum"),
            key("facts", Some(1), Some("start"), "json-schema"),
            key("facts", Some(2), Some("value"), "type"),
            key("facts", Some(3), Some("period"), "type"),
            key("facts", Some(4), Some("value_raw"), "required"),
            key("facts", Some(4), Some("value_raw"), "json-schema"),
        ],
    );
    let subject_problems: Vec<&Problem> = r
        .problems
        .iter()
        .filter(|p| p.row == Some(5) && p.field.as_deref() == Some("subject"))
        .filter(|p| p.code != "csv-parquet")
        .collect();
    assert!(subject_problems.is_empty(), "{subject_problems:?}");
}

#[test]
fn garbage_files_do_not_panic() {
    let dir = copy_package("garbage");
    std::fs::write(dir.join(FACTS), [0xff, 0xfe, b'"', b'\n', 0, 1, 2]).unwrap();
    std::fs::write(dir.join("data/targets.parquet"), b"PAR1 not really").unwrap();
    std::fs::write(dir.join("schemas/sections.schema.json"), b"{\"type\": 5}").unwrap();
    let r = validate(&dir);
    assert!(!r.is_valid());
    assert!(r.has("parquet"), "{}", show(&r));
    assert!(r.has("json-schema"), "{}", show(&r));
}

#[test]
fn missing_descriptor_is_an_error() {
    let dir = copy_package("nodesc");
    std::fs::remove_file(dir.join("datapackage.json")).unwrap();
    assert!(matches!(
        validate_package(&dir),
        Err(gwr_validate::ValidateError::NotFound(_))
    ));
}

/// The release folder `cargo xtask publish` wrote, when there is one (not built here).
#[test]
fn release_folder_if_present() {
    let dist = repo_root().join("dist");
    let Ok(entries) = std::fs::read_dir(&dist) else {
        eprintln!("no dist/: skipped");
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.join("datapackage.json").is_file() {
            let r = validate(&p);
            assert!(r.is_valid(), "{}:\n{}", p.display(), show(&r));
        }
    }
}

/// Issue 13, 4-6: a Table Schema given by path is read only when it is a regular file inside
/// the package: not through a link to a file outside, not a FIFO (which would hang).
#[cfg(unix)]
#[test]
fn schema_paths_never_leave_the_package() {
    let dir = copy_package("schema-escape");
    let outside =
        std::env::temp_dir().join(format!("gwr-validate-outside-{}.json", std::process::id()));
    std::fs::write(&outside, r#"{"fields":[{"name":"OUTSIDE-FIELD"}]}"#).unwrap();
    std::os::unix::fs::symlink(&outside, dir.0.join("schemas/linked.json")).unwrap();
    let st = std::process::Command::new("mkfifo")
        .arg(dir.0.join("schemas/fifo.json"))
        .status()
        .unwrap();
    assert!(st.success());
    let i = resource_index(&dir.0, "quality_issues");
    let j = resource_index(&dir.0, "targets");
    edit_descriptor(&dir.0, |v| {
        v["resources"][i]["schema"] = serde_json::json!("schemas/linked.json");
        v["resources"][j]["schema"] = serde_json::json!("schemas/fifo.json");
    });
    let r = validate(&dir.0);
    std::fs::remove_file(&outside).ok();
    let text = show(&r);
    assert!(!text.contains("OUTSIDE-FIELD"), "{text}");
    let p = r
        .problems
        .iter()
        .find(|p| p.resource == "quality_issues" && p.field.as_deref() == Some("schema"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(p.message.contains("leads outside the package"), "{p}");
    let p = r
        .problems
        .iter()
        .find(|p| p.resource == "targets" && p.field.as_deref() == Some("schema"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(p.message.contains("FIFO"), "{p}");
}
