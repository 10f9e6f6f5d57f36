//! `gwr validate` through the built binary: exit 0 and a summary on a valid package, exit 7 and
//! one precise line per problem on a broken copy, exit 3 when there is no datapackage.json.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `Exit` in src/main.rs (the binary's enum is not reachable from an integration test).
const INPUT_MISSING: i32 = 3;
const INVALID: i32 = 7;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gwr_validate(dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gwr"))
        .arg("validate")
        .arg(dir)
        .output()
        .expect("runs gwr")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            fs::copy(e.path(), &dest).unwrap();
        }
    }
}

fn copy_package(tag: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("gwr-cli-validate-{}-{tag}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let root = repo_root();
    fs::copy(root.join("datapackage.json"), dir.join("datapackage.json")).unwrap();
    copy_dir(&root.join("data"), &dir.join("data"));
    copy_dir(&root.join("schemas"), &dir.join("schemas"));
    TempDir(dir)
}

#[test]
fn repo_package_validates() {
    let o = gwr_validate(&repo_root());
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "only the summary:\n{out}");
    assert!(
        lines[0].contains("resources") && lines[0].ends_with("— valid"),
        "{out}"
    );
}

#[test]
fn unmodified_copy_exits_0() {
    let dir = copy_package("clean");
    let o = gwr_validate(&dir.0);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
}

#[test]
fn broken_hash_exits_7_with_a_precise_line() {
    let dir = copy_package("hash");
    let path = dir.0.join("datapackage.json");
    let mut v: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    let facts = v["resources"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["name"] == "facts")
        .unwrap();
    let zero = format!("sha256:{}", "0".repeat(64));
    facts["hash"] = serde_json::json!(zero);
    fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();

    let o = gwr_validate(&dir.0);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(INVALID), "{out}");
    let line = out
        .lines()
        .find(|l| l.starts_with("facts: hash: "))
        .unwrap_or_else(|| panic!("no hash line:\n{out}"));
    assert!(line.contains(&zero) && line.ends_with("[hash]"), "{line}");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("not valid"), "{stderr}");
}

#[test]
fn edited_csv_row_is_named_by_row_and_field() {
    let dir = copy_package("row");
    let path = dir.0.join("data/reports.csv");
    let text = fs::read_to_string(&path).unwrap();
    // row 1's report_year 2024 → 1800 (below the minimum 1949)
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    assert!(lines[1].contains(",2024,"));
    lines[1] = lines[1].replacen(",2024,", ",1800,", 1);
    fs::write(&path, lines.join("\n") + "\n").unwrap();

    let o = gwr_validate(&dir.0);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(INVALID), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("reports: row 1: report_year: ") && l.ends_with("[minimum]")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("reports: row 1: report_year: ") && l.ends_with("[csv-parquet]")),
        "{out}"
    );
}

#[test]
fn missing_descriptor_exits_3() {
    let dir = std::env::temp_dir().join(format!("gwr-cli-validate-{}-empty", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let _guard = TempDir(dir.clone());
    let o = gwr_validate(&dir);
    assert_eq!(o.status.code(), Some(INPUT_MISSING));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("no datapackage.json"), "{stderr}");
    let o = gwr_validate(&dir.join("nope"));
    assert_eq!(o.status.code(), Some(INPUT_MISSING));
}
