//! `gwr extract` on good input in every supported shape, and on bad input: every failure exits
//! with its own code (`Exit` in src/main.rs), says on ONE line of stderr which file is wrong and
//! why, and writes nothing (no output folder, no temporary folder beside it).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `Exit` in src/main.rs (the binary's enum is not reachable from an integration test).
const INPUT_MISSING: i32 = 3;
const INPUT_NOT_TEXT: i32 = 4;
const BAD_META: i32 = 5;
const OUTPUT_UNWRITABLE: i32 = 6;

const REPORT: &str = "2024年某镇人民政府工作报告\n\
各位代表：\n\
一、2023年工作回顾\n\
全年完成财政收入5.87亿元，同比增长14.5%。新增企业120家，引进项目35个。\n\
（一）经济发展\n\
工业总产值达到86.3亿元，增长6.2%。\n\
二、2024年主要目标\n\
地区生产总值增长5%左右，城镇调查失业率控制在5.5%以内。\n";

/// REPORT encoded in GB18030 (gwr-cli has no encoder; the test checks it decodes back to REPORT).
const REPORT_GB18030_HEX: &str = concat!(
    "32303234c4eac4b3d5f2c8cbc3f1d5feb8aeb9a4d7f7b1a8b8e60ab8f7cebbb4fab1eda3ba0ad2bba1a232303233c4ea",
    "b9a4d7f7bbd8b9cb0ac8abc4eacdeab3c9b2c6d5fecad5c8eb352e3837d2dad4aaa3accdacb1c8d4f6b3a431342e3525",
    "a1a3d0c2d4f6c6f3d2b5313230bcd2a3acd2fdbdf8cfeec4bf3335b8f6a1a30aa3a8d2bba3a9beadbcc3b7a2d5b90ab9",
    "a4d2b5d7dcb2fad6b5b4efb5bd38362e33d2dad4aaa3acd4f6b3a4362e3225a1a30ab6fea1a232303234c4ead6f7d2aa",
    "c4bfb1ea0ab5d8c7f8c9fab2fad7dcd6b5d4f6b3a43525d7f3d3d2a3acb3c7d5f2b5f7b2e9caa7d2b5c2cabfd8d6c6d4",
    "da352e3525d2d4c4daa1a30a",
);

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

const META: &str = "report_id = \"demo-town-2024\"\n\
place_zh = \"某镇\"\n\
report_year = 2024\n\
title = \"2024年某镇人民政府工作报告\"\n";

/// A fresh, empty folder for one test.
fn sandbox(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("extract_errors")
        .join(name);
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("clear sandbox");
    }
    fs::create_dir_all(&dir).expect("create sandbox");
    dir
}

fn gwr(args: &[&Path], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gwr"))
        .arg("extract")
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run gwr")
}

/// Runs `gwr extract FILE [--meta META] --out OUT` in `dir`.
fn extract(dir: &Path, file: &Path, meta: Option<&Path>, out: &Path) -> Output {
    let mut args: Vec<&Path> = vec![file];
    if let Some(m) = meta {
        args.push(Path::new("--meta"));
        args.push(m);
    }
    args.push(Path::new("--out"));
    args.push(out);
    gwr(&args, dir)
}

/// Runs `gwr extract FILE ARGS… --out OUT` in `dir`.
fn extract_with(dir: &Path, file: &Path, extra: &[&str], out: &Path) -> Output {
    let mut args: Vec<&Path> = vec![file];
    args.extend(extra.iter().map(Path::new));
    args.push(Path::new("--out"));
    args.push(out);
    gwr(&args, dir)
}

fn write_meta(dir: &Path, text: &str) -> PathBuf {
    let p = dir.join("report.toml");
    fs::write(&p, text).expect("write meta");
    p
}

/// Asserts a failure: the exit code, one line of stderr naming `names` and containing every
/// word of `problem` (case-insensitive), and nothing written: `out` does not exist (unless it
/// existed before, then `before` lists its entries, unchanged) and no temporary folder is left
/// beside it.
fn assert_failed(o: &Output, code: i32, names: &str, problem: &[&str], out: &Path) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(code),
        "exit code; stderr: {err}; stdout: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    let line = err.trim_end();
    assert_eq!(line.lines().count(), 1, "stderr is not one line: {err:?}");
    assert!(
        line.contains(names),
        "stderr does not name {names:?}: {line}"
    );
    let lower = line.to_lowercase();
    for w in problem {
        assert!(
            lower.contains(&w.to_lowercase()),
            "stderr does not say {w:?}: {line}"
        );
    }
    assert!(!out.exists(), "{} was written", out.display());
    assert_no_temp(out);
}

/// No `.NAME.gwr-tmp-*` folder beside `out`.
fn assert_no_temp(out: &Path) {
    let parent = out.parent().expect("out has a parent");
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    if let Ok(rd) = fs::read_dir(parent) {
        for e in rd.flatten() {
            let f = e.file_name().to_string_lossy().into_owned();
            assert!(
                !(f.contains(name) && f.contains("gwr-tmp")),
                "temporary folder left behind: {}",
                e.path().display()
            );
        }
    }
}

/// Minimal RFC 4180 reader: header + rows, as strings.
fn read_csv(path: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                _ => field.push(c),
            }
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    let mut it = rows.into_iter();
    let header = it.next().expect("csv header");
    it.map(|r| header.iter().cloned().zip(r).collect())
        .collect()
}

/// Every quote of sections, paragraphs, facts and quality issues equals the code-point slice
/// of the written source/report.txt; returns the number of quotes checked.
fn assert_quotes_exact(out: &Path) -> usize {
    let source = fs::read_to_string(out.join("source/report.txt")).expect("source/report.txt");
    let chars: Vec<char> = source.chars().collect();
    let mut n = 0;
    for table in ["sections", "paragraphs", "facts", "quality_issues"] {
        for row in read_csv(&out.join(format!("{table}.csv"))) {
            let s: usize = row["start"].parse().expect("start");
            let e: usize = row["end"].parse().expect("end");
            assert!(s <= e && e <= chars.len(), "{table}: span {s}..{e}");
            let slice: String = chars[s..e].iter().collect();
            assert_eq!(row["quote"], slice, "{table} quote at {s}..{e}");
            n += 1;
        }
    }
    n
}

/// Extracts `bytes` (written as report.txt) with the demo metadata; asserts success and
/// returns the output folder.
fn extract_ok(name: &str, bytes: &[u8], file_name: &str) -> PathBuf {
    let dir = sandbox(name);
    let file = dir.join(file_name);
    fs::write(&file, bytes).expect("write input");
    let meta = write_meta(&dir, META);
    let out = dir.join("out");
    let o = extract(&dir, &file, Some(&meta), &out);
    assert!(
        o.status.success(),
        "gwr extract failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.join("datapackage.json").is_file());
    assert_no_temp(&out);
    out
}

fn encoding_of(out: &Path) -> String {
    let rows = read_csv(&out.join("reports.csv"));
    assert_eq!(rows.len(), 1);
    rows[0]["encoding"].clone()
}

fn facts_count(out: &Path) -> usize {
    read_csv(&out.join("facts.csv")).len()
}

// ---------------------------------------------------------------- accepted input

#[test]
fn utf8_plain() {
    let out = extract_ok("utf8", REPORT.as_bytes(), "report.txt");
    assert_eq!(encoding_of(&out), "UTF-8");
    assert!(facts_count(&out) >= 5, "facts: {}", facts_count(&out));
    assert!(assert_quotes_exact(&out) > 10);
    assert_eq!(
        fs::read_to_string(out.join("source/report.txt")).unwrap(),
        REPORT
    );
}

#[test]
fn gb18030() {
    let bytes = unhex(REPORT_GB18030_HEX);
    assert!(std::str::from_utf8(&bytes).is_err(), "not GB18030 bytes");
    let out = extract_ok("gb18030", &bytes, "report.txt");
    assert_eq!(encoding_of(&out), "GB18030");
    assert!(facts_count(&out) >= 5);
    assert!(assert_quotes_exact(&out) > 10);
    // the source is written as UTF-8, the decoded text exactly
    assert_eq!(
        fs::read_to_string(out.join("source/report.txt")).unwrap(),
        REPORT
    );
}

#[test]
fn utf8_with_bom() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(REPORT.as_bytes());
    let out = extract_ok("utf8-bom", &bytes, "report.txt");
    assert_eq!(encoding_of(&out), "UTF-8 (BOM)");
    assert!(assert_quotes_exact(&out) > 10);
    // offsets count after the BOM: the written source has no BOM
    assert_eq!(
        fs::read_to_string(out.join("source/report.txt")).unwrap(),
        REPORT
    );
}

#[test]
fn utf16le_with_bom() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in REPORT.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let out = extract_ok("utf16le-bom", &bytes, "report.txt");
    assert_eq!(encoding_of(&out), "UTF-16LE (BOM)");
    assert!(facts_count(&out) >= 5);
    assert!(assert_quotes_exact(&out) > 10);
}

#[test]
fn crlf_offsets_are_exact() {
    let crlf = REPORT.replace('\n', "\r\n");
    let out = extract_ok("crlf", crlf.as_bytes(), "report.txt");
    let source = fs::read_to_string(out.join("source/report.txt")).unwrap();
    assert_eq!(source, crlf, "line endings must be kept as given");
    assert!(assert_quotes_exact(&out) > 10);
    // a fact after several CRLFs: its offsets count each \r
    let facts = read_csv(&out.join("facts.csv"));
    let f = facts
        .iter()
        .find(|f| f["quote"].contains("86.3亿元"))
        .expect("fact 86.3亿元");
    let want = crlf[..crlf.find("86.3亿元").unwrap()].chars().count();
    assert_eq!(f["start"].parse::<usize>().unwrap(), want);
    // same facts as with LF
    let lf = extract_ok("crlf-lf", REPORT.as_bytes(), "report.txt");
    assert_eq!(facts_count(&lf), facts.len());
}

#[test]
fn html_page_text_is_extracted() {
    let body: String = REPORT
        .lines()
        .map(|l| format!("<p>{}</p>\n", l.replace('%', "&#37;")))
        .collect();
    let html = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>报告</title>\
         <script>var x = \"1亿元\";</script></head>\n<body>\n{body}</body></html>\n"
    );
    let out = extract_ok("html", html.as_bytes(), "report.html");
    assert!(encoding_of(&out).contains("HTML"), "{}", encoding_of(&out));
    let source = fs::read_to_string(out.join("source/report.txt")).unwrap();
    assert!(!source.contains('<'), "markup left in the text: {source}");
    assert!(source.contains("全年完成财政收入5.87亿元"));
    assert!(source.contains("14.5%"), "entity not decoded: {source}");
    assert!(!source.contains("var x"), "script text kept");
    assert!(facts_count(&out) >= 5);
    assert!(assert_quotes_exact(&out) > 10);
}

#[test]
fn earlier_output_is_replaced() {
    let out = extract_ok("rerun", REPORT.as_bytes(), "report.txt");
    let dir = out.parent().unwrap().to_path_buf();
    let o = extract(
        &dir,
        &dir.join("report.txt"),
        Some(&dir.join("report.toml")),
        &out,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_no_temp(&out);
}

// ---------------------------------------------------------------- refused input

/// Writes `bytes` as the input and runs with good metadata; asserts the failure.
fn refused(name: &str, bytes: &[u8], code: i32, problem: &[&str]) {
    let dir = sandbox(name);
    let file = dir.join("input.txt");
    fs::write(&file, bytes).expect("write input");
    let meta = write_meta(&dir, META);
    let out = dir.join("out");
    let o = extract(&dir, &file, Some(&meta), &out);
    assert_failed(&o, code, "input.txt", problem, &out);
}

#[test]
fn empty_file() {
    refused("empty", b"", INPUT_NOT_TEXT, &["empty"]);
}

#[test]
fn whitespace_only_file() {
    refused(
        "blank",
        " \r\n\u{3000}\n".as_bytes(),
        INPUT_NOT_TEXT,
        &["empty"],
    );
}

#[test]
fn png_file() {
    let mut png = b"\x89PNG\r\n\x1A\n\0\0\0\rIHDR".to_vec();
    png.extend((0..200u8).map(|b| b.wrapping_mul(37)));
    refused("png", &png, INPUT_NOT_TEXT, &["PNG", "not text"]);
}

#[test]
fn random_binary_with_nuls() {
    let mut x: u32 = 0x1234_5678;
    let bytes: Vec<u8> = (0..4096)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            if i % 7 == 0 {
                0
            } else {
                x as u8
            }
        })
        .collect();
    refused("random", &bytes, INPUT_NOT_TEXT, &["binary"]);
}

#[test]
fn pdf_file() {
    refused(
        "pdf",
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        INPUT_NOT_TEXT,
        &["PDF"],
    );
}

#[test]
fn html_page_without_text() {
    refused(
        "html-empty",
        b"<!DOCTYPE html><html><head><title>x</title><script>var a=1;</script></head><body> </body></html>",
        INPUT_NOT_TEXT,
        &["HTML", "no text"],
    );
}

#[test]
fn file_over_the_size_limit() {
    let dir = sandbox("too-large");
    let file = dir.join("input.txt");
    let f = fs::File::create(&file).unwrap();
    // sparse: no data is written, the test stays fast
    f.set_len(gwr_extract::decode::MAX_INPUT_BYTES + 1).unwrap();
    drop(f);
    let meta = write_meta(&dir, META);
    let out = dir.join("out");
    let o = extract(&dir, &file, Some(&meta), &out);
    assert_failed(
        &o,
        INPUT_NOT_TEXT,
        "input.txt",
        &["limit", "268435457"],
        &out,
    );
}

#[test]
fn size_limit_is_256_mib() {
    assert_eq!(gwr_extract::decode::MAX_INPUT_BYTES, 256 * 1024 * 1024);
}

#[test]
fn file_at_the_size_limit_passes_the_size_check() {
    // exactly MAX bytes (sparse, all NUL): not refused for its size, but as binary
    let dir = sandbox("at-max");
    let file = dir.join("input.txt");
    let f = fs::File::create(&file).unwrap();
    f.set_len(gwr_extract::decode::MAX_INPUT_BYTES).unwrap();
    drop(f);
    let meta = write_meta(&dir, META);
    let out = dir.join("out");
    let o = extract(&dir, &file, Some(&meta), &out);
    assert_failed(&o, INPUT_NOT_TEXT, "input.txt", &["binary"], &out);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        !err.contains("over the limit"),
        "refused for its size: {err}"
    );
}

#[test]
fn missing_input() {
    let dir = sandbox("missing");
    let meta = write_meta(&dir, META);
    let out = dir.join("out");
    let o = extract(&dir, &dir.join("nope.txt"), Some(&meta), &out);
    assert_failed(&o, INPUT_MISSING, "nope.txt", &["no such file"], &out);
}

#[test]
fn input_is_a_folder() {
    let dir = sandbox("input-dir");
    fs::create_dir(dir.join("folder.txt")).unwrap();
    let meta = write_meta(&dir, META);
    let out = dir.join("out");
    let o = extract(&dir, &dir.join("folder.txt"), Some(&meta), &out);
    assert_failed(&o, INPUT_MISSING, "folder.txt", &["folder"], &out);
}

#[test]
fn output_under_a_regular_file() {
    let dir = sandbox("out-under-file");
    let file = dir.join("report.txt");
    fs::write(&file, REPORT).unwrap();
    let meta = write_meta(&dir, META);
    let blocker = dir.join("blocker");
    fs::write(&blocker, "a file, not a folder").unwrap();
    let out = blocker.join("sub");
    let o = extract(&dir, &file, Some(&meta), &out);
    assert_failed(
        &o,
        OUTPUT_UNWRITABLE,
        "blocker/sub",
        &["not a directory"],
        &out,
    );
    assert_eq!(
        fs::read_to_string(&blocker).unwrap(),
        "a file, not a folder"
    );
}

#[test]
fn output_is_a_regular_file() {
    let dir = sandbox("out-is-file");
    let file = dir.join("report.txt");
    fs::write(&file, REPORT).unwrap();
    let meta = write_meta(&dir, META);
    let out = dir.join("out.csv");
    fs::write(&out, "keep me").unwrap();
    let o = extract(&dir, &file, Some(&meta), &out);
    assert_eq!(o.status.code(), Some(OUTPUT_UNWRITABLE));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("out.csv") && err.contains("is a file"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");
    assert_no_temp(&out);
}

/// Lists a folder's entries (sorted) with their sizes and a checksum, to compare before and
/// after.
fn snapshot(dir: &Path) -> Vec<(String, u64, u64)> {
    let mut v: Vec<(String, u64, u64)> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let p = e.path();
            let body = if p.is_file() {
                fs::read(&p).unwrap()
            } else {
                Vec::new()
            };
            let sum = body.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            });
            (
                e.file_name().to_string_lossy().into_owned(),
                body.len() as u64,
                sum,
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn output_is_a_foreign_non_empty_folder() {
    let dir = sandbox("out-foreign");
    let file = dir.join("report.txt");
    fs::write(&file, REPORT).unwrap();
    let meta = write_meta(&dir, META);
    let out = dir.join("photos");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("holiday.jpg"), b"\xFF\xD8\xFF precious").unwrap();
    let before = snapshot(&out);
    let o = extract(&dir, &file, Some(&meta), &out);
    assert_eq!(
        o.status.code(),
        Some(OUTPUT_UNWRITABLE),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("photos") && err.contains("not an earlier gwr output"),
        "{err}"
    );
    assert_eq!(snapshot(&out), before, "the folder was changed");
    assert_no_temp(&out);
}

/// BUG (gwr-cli/src/extract_cmd.rs `check_out` + `install`): any folder holding a file named
/// datapackage.json is taken for an earlier gwr output and deleted with remove_dir_all —
/// another project's Frictionless package, or the current directory with `--out .` (which also
/// deletes the input; the rename then fails with EINVAL). Must refuse with exit 6 and touch
/// nothing.
#[test]
fn output_is_someone_elses_data_package() {
    for (name, out_arg) in [("foreign-pkg", "pkg"), ("foreign-pkg-dot", ".")] {
        let dir = sandbox(name);
        let work = if out_arg == "." {
            dir.join("pkg")
        } else {
            dir.clone()
        };
        let pkg = dir.join("pkg");
        fs::create_dir_all(&pkg).unwrap();
        fs::write(pkg.join("datapackage.json"), r#"{"name":"my-own-data"}"#).unwrap();
        fs::write(pkg.join("precious.csv"), "a,b\n1,2\n").unwrap();
        fs::write(work.join("report.txt"), REPORT).unwrap();
        fs::write(work.join("report.toml"), META).unwrap();
        let before = snapshot(&pkg);
        let o = gwr(
            &[
                Path::new("report.txt"),
                Path::new("--meta"),
                Path::new("report.toml"),
                Path::new("--out"),
                Path::new(out_arg),
            ],
            &work,
        );
        assert!(pkg.is_dir(), "--out {out_arg}: the folder was deleted");
        assert_eq!(
            snapshot(&pkg),
            before,
            "--out {out_arg}: the folder was changed"
        );
        assert_eq!(o.status.code(), Some(OUTPUT_UNWRITABLE), "--out {out_arg}");
    }
}

// ---------------------------------------------------------------- bad metadata

/// Runs with good input and the given metadata text; asserts the failure.
fn bad_meta(name: &str, meta_text: &str, code: i32, problem: &[&str]) {
    let dir = sandbox(name);
    let file = dir.join("report.txt");
    fs::write(&file, REPORT).unwrap();
    let meta = write_meta(&dir, meta_text);
    let out = dir.join("out");
    let o = extract(&dir, &file, Some(&meta), &out);
    assert_failed(&o, code, "report.toml", problem, &out);
}

#[test]
fn meta_malformed_toml() {
    bad_meta(
        "meta-malformed",
        "report_id = \"demo-2024\nplace_zh = [",
        BAD_META,
        &[],
    );
}

#[test]
fn meta_wrong_type() {
    bad_meta(
        "meta-type",
        "report_id = \"demo-2024\"\nplace_zh = \"某镇\"\nreport_year = \"二〇二四\"\n",
        BAD_META,
        &["invalid type"],
    );
}

/// A TOML type error names the key it is about (fixed in 7dfff2d: `toml_error_line`).
#[test]
fn meta_wrong_type_names_the_field() {
    bad_meta(
        "meta-type-field",
        "report_id = \"demo-2024\"\nplace_zh = \"某镇\"\nreport_year = \"二〇二四\"\n",
        BAD_META,
        &["invalid type", "report_year"],
    );
}

#[test]
fn meta_lacks_report_id() {
    bad_meta(
        "meta-no-id",
        "place_zh = \"某镇\"\nreport_year = 2024\n",
        BAD_META,
        &["report_id"],
    );
}

#[test]
fn meta_lacks_place() {
    bad_meta(
        "meta-no-place",
        "report_id = \"demo-2024\"\nreport_year = 2024\n",
        BAD_META,
        &["place_zh"],
    );
}

#[test]
fn meta_empty_place() {
    bad_meta(
        "meta-empty-place",
        "report_id = \"demo-2024\"\nplace_zh = \"  \"\nreport_year = 2024\n",
        BAD_META,
        &["place_zh"],
    );
}

/// Metadata without a year: the year is read off the text (REPORT's title says 2024).
#[test]
fn meta_lacks_year() {
    let dir = sandbox("meta-no-year");
    let file = dir.join("report.txt");
    fs::write(&file, REPORT).unwrap();
    let meta = write_meta(&dir, "report_id = \"demo-2024\"\nplace_zh = \"某镇\"\n");
    let out = dir.join("out");
    let o = extract(&dir, &file, Some(&meta), &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let reports = fs::read_to_string(out.join("reports.csv")).expect("reports.csv");
    assert!(reports.contains(",2024,title,"), "{reports}");
}

#[test]
fn meta_year_out_of_range() {
    bad_meta(
        "meta-bad-year",
        "report_id = \"demo-2024\"\nplace_zh = \"某镇\"\nreport_year = 20240\n",
        BAD_META,
        &["report_year"],
    );
}

#[test]
fn meta_unsafe_report_id() {
    for (i, id) in ["../x", "a/b", "Demo", "-x", "x y", ""].iter().enumerate() {
        bad_meta(
            &format!("meta-unsafe-id-{i}"),
            &format!("report_id = \"{id}\"\nplace_zh = \"某镇\"\nreport_year = 2024\n"),
            BAD_META,
            &["report_id"],
        );
    }
}

#[test]
fn meta_unknown_field() {
    bad_meta(
        "meta-unknown",
        "report_id = \"demo-2024\"\nplace_zh = \"某镇\"\nreport_year = 2024\nyear = 2024\n",
        BAD_META,
        &["year"],
    );
}

#[test]
fn meta_bad_date() {
    bad_meta(
        "meta-bad-date",
        "report_id = \"demo-2024\"\nplace_zh = \"某镇\"\nreport_year = 2024\ndelivered_date = \"2024年1月10日\"\n",
        BAD_META,
        &["delivered_date"],
    );
}

#[test]
fn meta_not_utf8() {
    // 某镇 in GBK
    let bytes = b"report_id = \"demo-2024\"\nplace_zh = \"\xC4\xB3\xD5\xF2\"\nreport_year = 2024\n";
    let dir = sandbox("meta-gbk");
    let file = dir.join("report.txt");
    fs::write(&file, REPORT).unwrap();
    let meta = dir.join("report.toml");
    fs::write(&meta, bytes).unwrap();
    let out = dir.join("out");
    let o = extract(&dir, &file, Some(&meta), &out);
    assert_failed(&o, BAD_META, "report.toml", &["UTF-8"], &out);
}

#[test]
fn meta_missing_file() {
    let dir = sandbox("meta-missing");
    let file = dir.join("report.txt");
    fs::write(&file, REPORT).unwrap();
    let out = dir.join("out");
    let o = extract(&dir, &file, Some(&dir.join("nope.toml")), &out);
    assert_failed(&o, INPUT_MISSING, "nope.toml", &["no such file"], &out);
}

#[test]
fn no_meta_and_no_year_in_text() {
    let dir = sandbox("no-year");
    let file = dir.join("report.txt");
    fs::write(
        &file,
        "各位代表：\n一、工作回顾\n财政收入5.87亿元，增长14.5%。\n",
    )
    .unwrap();
    let out = dir.join("out");
    let o = extract(&dir, &file, None, &out);
    // extracted all the same: the year empty, a warning line and a quality issue say so
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.lines().any(|l| l.starts_with("gwr: warning: ")
            && l.contains("report.txt")
            && l.contains("report year")),
        "{err}"
    );
    let reports = fs::read_to_string(out.join("reports.csv")).expect("reports.csv");
    assert!(reports.contains(",,unknown,"), "{reports}");
    let issues = fs::read_to_string(out.join("quality_issues.csv")).expect("issues");
    assert!(issues.contains("report_year_unknown"), "{issues}");
    let facts = fs::read_to_string(out.join("facts.csv")).expect("facts");
    assert!(facts.lines().count() > 1, "{facts}");
    // --year still gives it
    let o = extract_with(&dir, &file, &["--year", "2024"], &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let reports = fs::read_to_string(out.join("reports.csv")).expect("reports.csv");
    assert!(reports.contains(",2024,metadata,"), "{reports}");
}

/// BUG (gwr-cli/src/extract_cmd.rs `run`): `ReportMeta::sha256` is documented "checked
/// against the file", but `gwr extract` never compares it, so a report.toml written for another
/// version of the text is used silently. Fix: after `load_meta`, if `meta.sha256` is set and
/// differs from `decode::sha256_hex(&bytes)`, fail with `Exit::BadMeta`.
#[test]
fn meta_sha256_mismatch() {
    bad_meta(
        "meta-sha",
        &format!("{META}sha256 = \"{}\"\n", "0".repeat(64)),
        BAD_META,
        &["sha256"],
    );
}

/// The README documents the input size limit (decode::MAX_INPUT_BYTES = 256 MiB).
#[test]
fn readme_documents_the_size_limit() {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("README.md");
    assert_eq!(gwr_extract::decode::MAX_INPUT_BYTES, 256 * 1024 * 1024);
    assert!(
        readme.contains("256 MiB"),
        "README.md does not state the 256 MiB input limit"
    );
}
