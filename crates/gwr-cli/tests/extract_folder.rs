//! `gwr extract FOLDER`: every report of a folder (SUB/report.txt with report.toml, loose
//! NAME.txt with or without NAME.toml, any supported encoding) extracted in parallel into ONE
//! valid package, the same bytes on every run; bad files fail the command (or are skipped with
//! `--skip-bad`); stderr holds only the summary when it is not a terminal.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `Exit` in src/main.rs (the binary's enum is not reachable from an integration test).
const USAGE: i32 = 2;
const INPUT_MISSING: i32 = 3;
const INPUT_NOT_TEXT: i32 = 4;
const BAD_META: i32 = 5;

/// A report text in the shape of a town or city report, with facts and targets.
fn report_text(place: &str, year: i32, n: u32) -> String {
    let last = year - 1;
    format!(
        "{year}年{place}人民政府工作报告\n\
         各位代表：\n\
         一、{last}年工作回顾\n\
         全年完成财政收入{}.{}亿元，同比增长{}.5%。新增企业{}家，引进项目{}个。\n\
         （一）经济发展\n\
         工业总产值达到{}.3亿元，增长6.{}%。\n\
         二、{year}年主要目标\n\
         地区生产总值增长5%左右，城镇调查失业率控制在5.5%以内。\n",
        3 + n,
        n % 10,
        10 + n,
        100 + n,
        20 + n,
        80 + n,
        n % 10,
    )
}

/// Metadata of a report.
fn meta_toml(id: &str, place: &str, year: i32) -> String {
    format!(
        "report_id = \"{id}\"\nplace_zh = \"{place}\"\nreport_year = {year}\ntitle = \"{year}年{place}人民政府工作报告\"\n"
    )
}

/// A fresh, empty folder for one test.
fn sandbox(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("extract_folder")
        .join(name);
    // absent on the first run
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create sandbox");
    dir
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).expect("create folder");
    }
    fs::write(path, bytes).expect("write file");
}

/// The three reports of the folder tests, as (report_id, text):
/// `a-town/report.txt` + `a-town/report.toml` (UTF-8), `b-city-2023.txt` without metadata
/// (UTF-8, id from the file name), `c-county.txt` + `c-county.toml` (GB18030).
/// Also a file and a hidden report that must be passed over.
fn three_reports(dir: &Path) -> Vec<(&'static str, String)> {
    let a = report_text("甲镇", 2024, 1);
    let b = report_text("乙市", 2023, 2);
    let c = report_text("丙县", 2022, 3);
    write(&dir.join("a-town/report.txt"), &a);
    write(
        &dir.join("a-town/report.toml"),
        meta_toml("a-town-2024", "甲镇", 2024),
    );
    write(&dir.join("b-city-2023.txt"), &b);
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&c);
    assert!(!unmappable && std::str::from_utf8(&gb).is_err());
    write(&dir.join("c-county.txt"), &gb);
    write(
        &dir.join("c-county.toml"),
        meta_toml("c-county-2022", "丙县", 2022),
    );
    write(&dir.join("notes.csv"), "not a report");
    write(
        &dir.join("README.md"),
        "# the folder's documentation, not a report",
    );
    write(&dir.join(".hidden.txt"), report_text("丁乡", 2021, 4));
    vec![("a-town-2024", a), ("b-city-2023", b), ("c-county-2022", c)]
}

/// Runs `gwr extract ARGS…` in `cwd`, stderr piped (so not a terminal).
fn gwr(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gwr"))
        .arg("extract")
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run gwr")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_ok(o: &Output) {
    assert!(
        o.status.success(),
        "gwr extract failed ({:?}): {}",
        o.status.code(),
        stderr(o)
    );
}

/// Asserts a failure with `code`, one line of stderr naming each of `names`, nothing written.
fn assert_failed(o: &Output, code: i32, names: &[&str], out: &Path) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "exit code; stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err:?}");
    for n in names {
        assert!(err.contains(n), "stderr does not name {n:?}: {err}");
    }
    assert!(!out.exists(), "{} was written", out.display());
    assert_no_temp(out);
}

/// No `.NAME.gwr-tmp-*` folder beside `out`.
fn assert_no_temp(out: &Path) {
    let parent = out.parent().expect("out has a parent");
    for e in fs::read_dir(parent).expect("list").flatten() {
        let f = e.file_name().to_string_lossy().into_owned();
        assert!(!f.contains("gwr-tmp"), "temporary folder left: {f}");
    }
}

/// The rows of a CSV table as maps from column to value.
fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header = r.headers().expect("header").clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("csv record");
            header
                .iter()
                .map(String::from)
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// Every file below `dir`, relative path → bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in fs::read_dir(dir).expect("list").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .expect("below root")
                    .display()
                    .to_string();
                out.insert(rel, fs::read(&p).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn three_reports_make_one_package() {
    let dir = sandbox("three");
    let reports = three_reports(&dir.join("in"));
    let o = gwr(&dir, &["in", "--out", "out"]);
    assert_ok(&o);
    let out = dir.join("out");
    let ids: BTreeSet<&str> = reports.iter().map(|(id, _)| *id).collect();

    let rows = read_csv(&out.join("reports.csv"));
    assert_eq!(rows.len(), 3, "{rows:?}");
    // rows in the order of the files' paths
    let order: Vec<&str> = rows.iter().map(|r| r["report_id"].as_str()).collect();
    assert_eq!(order, ["a-town-2024", "b-city-2023", "c-county-2022"]);
    assert_eq!(rows[1]["report_year"], "2023", "year read off the text");
    assert_eq!(rows[2]["encoding"], "GB18030");

    let facts = read_csv(&out.join("facts.csv"));
    let fact_ids: BTreeSet<&str> = facts.iter().map(|f| f["report_id"].as_str()).collect();
    assert_eq!(fact_ids, ids, "facts of every report");

    // each source text as decoded, and every quote is its code-point slice
    for (id, text) in &reports {
        let source = fs::read_to_string(out.join(format!("source/{id}.txt"))).expect("source");
        assert_eq!(&source, text, "source/{id}.txt");
    }
    let mut quotes = 0;
    for table in ["sections", "paragraphs", "facts", "quality_issues"] {
        for row in read_csv(&out.join(format!("{table}.csv"))) {
            let text = &reports
                .iter()
                .find(|(id, _)| *id == row["report_id"])
                .expect("known report_id")
                .1;
            let s: usize = row["start"].parse().expect("start");
            let e: usize = row["end"].parse().expect("end");
            let slice: String = text.chars().skip(s).take(e - s).collect();
            assert_eq!(row["quote"], slice, "{table} {} {s}..{e}", row["report_id"]);
            quotes += 1;
        }
    }
    assert!(quotes > 30, "{quotes} quotes");

    // piped stderr: no progress bar, only the summary
    let err = stderr(&o);
    assert!(!err.contains('\x1b'), "escape codes on a pipe: {err:?}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("3 reports: ")
            && err.contains(" facts, ")
            && err.trim_end().ends_with("→ out"),
        "{err}"
    );
}

/// Validates `out`; returns its problems as lines.
fn problems(out: &Path) -> Vec<String> {
    let report = gwr_validate::validate_package(out).expect("validate");
    assert!(report.summary().contains("quotes"), "{}", report.summary());
    report.problems.iter().map(|p| p.to_string()).collect()
}

/// Three UTF-8 reports with complete metadata, in both layouts: the combined package passes
/// every check of gwr-validate (keys unique across reports, every quote against its own source
/// text, hashes, schemas, targets).
#[test]
fn folder_package_is_valid() {
    let dir = sandbox("valid");
    let full = |id: &str, place: &str, year: i32| {
        format!(
            "{}place_en = \"Place {id}\"\nparent_areas = [\"某省\", \"某市\"]\n",
            meta_toml(id, place, year)
        )
    };
    write(&dir.join("in/a/report.txt"), report_text("甲镇", 2024, 1));
    write(&dir.join("in/a/report.toml"), full("a-2024", "甲镇", 2024));
    for (name, place, year, n) in [("b", "乙市", 2023, 2), ("c", "丙县", 2022, 3)] {
        write(
            &dir.join(format!("in/{name}.txt")),
            report_text(place, year, n),
        );
        write(
            &dir.join(format!("in/{name}.toml")),
            full(&format!("{name}-{year}"), place, year),
        );
    }
    assert_ok(&gwr(&dir, &["in", "--out", "out"]));
    assert_eq!(read_csv(&dir.join("out/reports.csv")).len(), 3);
    let found = problems(&dir.join("out"));
    assert!(found.is_empty(), "{found:#?}");
}

/// The package of [`three_reports`] passes every check too, although it has what a package
/// made from arbitrary files has: no `licenses` or `contributors` (left out of
/// `datapackage.json`, not written as empty lists), no `place_en` or `parent_areas` (metadata
/// read off the text does not give them; the `reports` schema allows them empty), and a source
/// file in GB18030 (the `reports` row's `sha256` is that of the GB18030 file, which the package
/// does not ship; the shipped UTF-8 text is covered by its own resource `hash`).
#[test]
fn folder_package_with_inferred_and_gb18030_reports_is_valid() {
    let dir = sandbox("valid-all");
    three_reports(&dir.join("in"));
    assert_ok(&gwr(&dir, &["in", "--out", "out"]));
    let found = problems(&dir.join("out"));
    assert!(found.is_empty(), "{found:#?}");
    let desc: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(dir.join("out/datapackage.json")).expect("datapackage.json"),
    )
    .expect("json");
    for key in ["licenses", "contributors"] {
        assert!(desc.get(key).is_none(), "{key}: {}", desc[key]);
    }
    let rows = read_csv(&dir.join("out/reports.csv"));
    let b = &rows[1];
    assert_eq!(b["report_id"], "b-city-2023");
    assert_eq!(
        (b["place_en"].as_str(), b["parent_areas"].as_str()),
        ("", "")
    );
    let c = &rows[2];
    assert_eq!(c["encoding"], "GB18030");
    let text = report_text("丙县", 2022, 3);
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    assert_eq!(c["sha256"], sha256_hex(&gb), "sha256 of the original file");
}

/// Lower-case hex SHA-256.
fn sha256_hex(bytes: &[u8]) -> String {
    gwr_extract::decode::sha256_hex(bytes)
}

#[test]
fn same_bytes_on_every_run() {
    let dir = sandbox("determinism");
    three_reports(&dir.join("in"));
    // more reports than threads, of different sizes, so they finish out of order
    for n in 0..13u32 {
        let text = report_text("某镇", 2000 + n as i32, n).repeat(1 + (n as usize * 7) % 5);
        write(&dir.join(format!("in/r{n:02}.txt")), text);
    }
    assert_ok(&gwr(&dir, &["in", "--out", "out1"]));
    assert_ok(&gwr(&dir, &["in", "--out", "out2"]));
    let (one, two) = (tree(&dir.join("out1")), tree(&dir.join("out2")));
    assert!(one.len() > 10, "{:?}", one.keys());
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        two.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &one {
        assert!(two.get(path) == Some(bytes), "{path} differs between runs");
    }
    assert_eq!(read_csv(&dir.join("out1/reports.csv")).len(), 16);
}

/// A folder with the three good reports and one bad file.
fn with_bad_file(name: &str, bad_name: &str, bad: &[u8]) -> PathBuf {
    let dir = sandbox(name);
    three_reports(&dir.join("in"));
    write(&dir.join("in").join(bad_name), bad);
    dir
}

const PNG: &[u8] = b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";

#[test]
fn bad_file_fails_and_writes_nothing() {
    let dir = with_bad_file("bad", "b-bad.txt", PNG);
    let o = gwr(&dir, &["in", "--out", "out"]);
    assert_failed(&o, INPUT_NOT_TEXT, &["b-bad.txt"], &dir.join("out"));
}

#[test]
fn bad_metadata_fails_and_writes_nothing() {
    let dir = sandbox("bad-meta");
    three_reports(&dir.join("in"));
    write(&dir.join("in/a-town/report.toml"), "report_id = [");
    let o = gwr(&dir, &["in", "--out", "out"]);
    assert_failed(&o, BAD_META, &["a-town/report.toml"], &dir.join("out"));
}

#[test]
fn first_bad_file_in_path_order_is_named() {
    let dir = with_bad_file("two-bad", "z-bad.txt", PNG);
    write(&dir.join("in/0-empty.txt"), "");
    for _ in 0..3 {
        let o = gwr(&dir, &["in", "--out", "out"]);
        assert_failed(&o, INPUT_NOT_TEXT, &["0-empty.txt"], &dir.join("out"));
    }
}

#[test]
fn skip_bad_skips_with_a_warning() {
    let dir = with_bad_file("skip", "b-bad.txt", PNG);
    write(&dir.join("in/e.toml"), "report_id = [");
    write(&dir.join("in/e.txt"), report_text("戊镇", 2024, 5));
    let o = gwr(&dir, &["in", "--out", "out", "--skip-bad"]);
    assert_ok(&o);
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "two warnings and the summary: {err}");
    assert!(
        lines[0].contains("warning") && lines[0].contains("b-bad.txt") && lines[0].contains("PNG"),
        "{err}"
    );
    assert!(
        lines[1].contains("warning") && lines[1].contains("e.toml"),
        "{err}"
    );
    assert!(lines[2].starts_with("3 reports: "), "{err}");
    assert_eq!(read_csv(&dir.join("out/reports.csv")).len(), 3);
}

#[test]
fn skip_bad_with_nothing_left_fails() {
    let dir = sandbox("skip-all");
    write(&dir.join("in/one.txt"), PNG);
    write(&dir.join("in/two.txt"), b"%PDF-1.7\n");
    let o = gwr(&dir, &["in", "--out", "out", "--skip-bad"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(INPUT_NOT_TEXT), "{err}");
    let last = err.lines().last().unwrap_or_default();
    assert!(last.contains("no report left"), "{err}");
    assert!(!dir.join("out").exists());
    assert_no_temp(&dir.join("out"));
}

#[test]
fn duplicate_report_id_names_both_files() {
    let dir = sandbox("duplicate");
    three_reports(&dir.join("in"));
    write(&dir.join("in/d.txt"), report_text("丁乡", 2024, 4));
    write(
        &dir.join("in/d.toml"),
        meta_toml("a-town-2024", "丁乡", 2024),
    );
    let o = gwr(&dir, &["in", "--out", "out", "--skip-bad"]);
    assert_failed(
        &o,
        BAD_META,
        &["a-town/report.txt", "d.txt", "a-town-2024"],
        &dir.join("out"),
    );
}

#[test]
fn meta_with_a_folder_is_a_usage_error() {
    let dir = sandbox("meta-folder");
    three_reports(&dir.join("in"));
    write(&dir.join("report.toml"), meta_toml("x", "某镇", 2024));
    let o = gwr(&dir, &["in", "--meta", "report.toml", "--out", "out"]);
    assert_failed(&o, USAGE, &["--meta"], &dir.join("out"));
}

#[test]
fn folder_without_reports_is_refused() {
    let dir = sandbox("empty");
    write(&dir.join("in/notes.csv"), "nothing");
    write(&dir.join("in/sub/README.md"), "nothing");
    let o = gwr(&dir, &["in", "--out", "out"]);
    assert_failed(&o, INPUT_MISSING, &["in", "no reports"], &dir.join("out"));
}

#[test]
fn year_applies_to_every_report() {
    let dir = sandbox("year");
    let no_year = "各位代表：\n一、工作回顾\n全年完成财政收入5.87亿元，同比增长14.5%。\n";
    write(&dir.join("in/p.txt"), no_year);
    write(&dir.join("in/q.txt"), no_year);
    // no year anywhere: extracted all the same, one warning per report, the year left empty
    let o = gwr(&dir, &["in", "--out", "out"]);
    assert_ok(&o);
    let err = stderr(&o);
    for name in ["p.txt", "q.txt"] {
        assert!(
            err.lines()
                .any(|l| l.contains("warning") && l.contains(name) && l.contains("year")),
            "no warning naming {name}: {err}"
        );
    }
    let rows = read_csv(&dir.join("out/reports.csv"));
    let years: Vec<&str> = rows.iter().map(|r| r["report_year"].as_str()).collect();
    assert_eq!(years, ["", ""]);
    // --year fills it for every report
    assert_ok(&gwr(&dir, &["in", "--out", "out", "--year", "2019"]));
    let rows = read_csv(&dir.join("out/reports.csv"));
    let years: Vec<&str> = rows.iter().map(|r| r["report_year"].as_str()).collect();
    assert_eq!(years, ["2019", "2019"]);
}

#[test]
fn quiet_prints_nothing() {
    let dir = sandbox("quiet");
    three_reports(&dir.join("in"));
    for flag in ["--quiet", "-q"] {
        let o = gwr(&dir, &["in", "--out", "out", flag]);
        assert_ok(&o);
        assert_eq!(stderr(&o), "", "{flag}");
        assert!(o.stdout.is_empty(), "{flag}");
    }
}

#[test]
fn earlier_folder_output_is_replaced() {
    let dir = sandbox("rerun");
    three_reports(&dir.join("in"));
    assert_ok(&gwr(&dir, &["in", "--out", "out"]));
    fs::remove_dir_all(dir.join("in/a-town")).unwrap();
    assert_ok(&gwr(&dir, &["in", "--out", "out"]));
    assert_eq!(read_csv(&dir.join("out/reports.csv")).len(), 2);
    assert!(!dir.join("out/source/a-town-2024.txt").exists());
    assert_no_temp(&dir.join("out"));
}

#[test]
fn help_explains_the_folder_form() {
    let o = Command::new(env!("CARGO_BIN_EXE_gwr"))
        .args(["extract", "--help"])
        .output()
        .expect("run gwr");
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{help}");
    for want in [
        "gwr extract reports/ --out all/",
        "--skip-bad",
        "--quiet",
        "--year",
        "--meta",
        "SUB/report.txt",
        "Exit codes",
    ] {
        assert!(help.contains(want), "--help lacks {want:?}:\n{help}");
    }
}

/// Markdown reports at any depth, with a YAML front matter: ids from the path (pinyin), the
/// place from the folder when the text names none, the front matter's title and source; a
/// report without a year and one with a broken front matter are extracted all the same; the
/// package validates.
#[test]
fn nested_markdown_reports() {
    let dir = sandbox("markdown");
    let md = |title: &str, body: &str| {
        format!("---\nsource: https://example.invalid/a.htm\ntitle: {title}\n---\n\n{body}")
    };
    let body = "**各位代表：**\n\n现在，我代表省人民政府，向大会报告工作。\n\n## 一、2023年工作回顾\n\n全年地区生产总值**增长5.5%**[1]。\n\n**二、2024年主要任务**\n\n今年地区生产总值增长5%左右。\n";
    write(
        &dir.join("in/政府工作报告-省自治区/福建省/2024.md"),
        md("2024年政府工作报告", body),
    );
    write(
        &dir.join("in/主要城市/中卫市/2022.md"),
        md("中卫市政府工作报告（2021年12月29日 马洪海）", body),
    );
    write(
        &dir.join("in/其他/无年份.md"),
        "各位代表：\n现在，我代表政府报告工作。\n",
    );
    write(
        &dir.join("in/其他/坏.md"),
        "---\ntitle: [2024年\n各位代表：\n",
    );
    write(&dir.join("in/README.md"), "# not a report");
    let o = gwr(&dir, &["in", "--out", "out"]);
    assert_ok(&o);
    let err = stderr(&o);
    assert!(
        err.contains("无年份.md") && err.contains("report year"),
        "{err}"
    );
    let rows = read_csv(&dir.join("out/reports.csv"));
    let by_id: BTreeMap<&str, &BTreeMap<String, String>> =
        rows.iter().map(|r| (r["report_id"].as_str(), r)).collect();
    let ids: Vec<&str> = by_id.keys().copied().collect();
    assert_eq!(
        ids,
        [
            "qita-huai",
            "qita-wunianfen",
            "zhengfugongzuobaogao-shengzizhiqu-fujiansheng-2024",
            "zhuyaochengshi-zhongweishi-2022"
        ]
    );
    let fj = by_id["zhengfugongzuobaogao-shengzizhiqu-fujiansheng-2024"];
    assert_eq!(fj["place_zh"], "福建省");
    assert_eq!(fj["report_year"], "2024");
    assert_eq!(fj["source_url"], "https://example.invalid/a.htm");
    let zw = by_id["zhuyaochengshi-zhongweishi-2022"];
    assert_eq!(zw["place_zh"], "中卫市");
    assert_eq!(zw["report_year"], "2022");
    assert_eq!(zw["report_year_basis"], "delivered_date");
    assert_eq!(zw["delivered_date"], "2021-12-29");
    assert_eq!(zw["speaker"], "马洪海");
    assert_eq!(by_id["qita-wunianfen"]["report_year"], "");
    let issues = fs::read_to_string(dir.join("out/quality_issues.csv")).expect("issues");
    assert!(issues.contains("front_matter_invalid"), "{issues}");
    assert!(issues.contains("report_year_unknown"), "{issues}");
    let sections = fs::read_to_string(dir.join("out/sections.csv")).expect("sections");
    assert!(
        !sections.contains("**") && sections.contains("2024年主要任务"),
        "{sections}"
    );
    assert_eq!(problems(&dir.join("out")), Vec::<String>::new());
}
