//! Hostile input and crash safety (issue 13), through the built binary: special files refused
//! at once, the size limit held while reading, a validator that never leaves its package nor
//! reads a file it would reject for its size, an output swap that never loses an output nor
//! deletes a user's file, signals that clean up, and messages safe for a terminal. Each test is
//! a reproducer of the issue: it fails (or hangs past its deadline) on the code before.
#![cfg(unix)]

mod common;

use std::fs;
use std::path::Path;
use std::time::Duration;

use common::{copy_package, gwr_cmd, hidden_entries, mkfifo, run, sandbox, Run};

const INPUT_MISSING: i32 = 3;
const INPUT_NOT_TEXT: i32 = 4;
const OUTPUT_UNWRITABLE: i32 = 6;
const INVALID: i32 = 7;

/// Far longer than any of these runs takes; only a hang reaches it.
const DEADLINE: Duration = Duration::from_secs(60);

const REPORT: &str = "2024年某镇人民政府工作报告\n\
各位代表：\n\
一、2023年工作回顾\n\
全年完成财政收入5.87亿元，同比增长14.5%。新增企业120家。\n\
二、2024年主要目标\n\
地区生产总值增长5%左右。\n";

fn group(name: &str) -> std::path::PathBuf {
    sandbox("hostile", name)
}

fn extract(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["extract"];
    all.extend_from_slice(args);
    run(gwr_cmd(&all, dir), DEADLINE)
}

fn validate(dir: &Path, pkg: &Path) -> Run {
    run(gwr_cmd(&["validate", pkg.to_str().unwrap()], dir), DEADLINE)
}

fn one_line(r: &Run) -> &str {
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line of stderr: {}", r.stderr);
    lines[0]
}

// ---- reading input ----

#[test]
fn a_fifo_is_refused_at_once() {
    let d = group("fifo");
    mkfifo(&d.join("y.txt"));
    let r = extract(&d, &["y.txt", "--year", "2024", "--out", "o"]);
    assert_eq!(r.code, Some(INPUT_MISSING), "{r:?}");
    let line = one_line(&r);
    assert!(line.contains("y.txt") && line.contains("FIFO"), "{line}");
    assert!(!d.join("o").exists());
}

#[test]
fn a_fifo_in_a_folder_is_a_warning_with_skip_bad() {
    let d = group("fifo-folder");
    fs::create_dir(d.join("in")).unwrap();
    fs::write(d.join("in/a.txt"), REPORT).unwrap();
    mkfifo(&d.join("in/y.txt"));
    let r = extract(&d, &["in", "--out", "o", "--skip-bad", "-q"]);
    assert_eq!(r.code, Some(0), "{r:?}");
    assert!(
        r.stderr.contains("warning: skipped") && r.stderr.contains("FIFO"),
        "{}",
        r.stderr
    );
    assert!(d.join("o/datapackage.json").is_file());
    // without --skip-bad the FIFO fails the run, at once
    let r = extract(&d, &["in", "--out", "o2"]);
    assert_eq!(r.code, Some(INPUT_MISSING), "{r:?}");
}

#[test]
fn a_link_to_a_device_is_refused() {
    let d = group("dev-zero");
    std::os::unix::fs::symlink("/dev/zero", d.join("z.txt")).unwrap();
    let r = extract(&d, &["z.txt", "--year", "2024", "--out", "o"]);
    assert_eq!(r.code, Some(INPUT_MISSING), "{r:?}");
    assert!(one_line(&r).contains("character device"), "{}", r.stderr);
    assert!(
        r.max_rss_kib < 200 * 1024,
        "read the device: {} KiB",
        r.max_rss_kib
    );
    // a link to a regular file is followed
    fs::write(d.join("real.txt"), REPORT).unwrap();
    std::os::unix::fs::symlink(d.join("real.txt"), d.join("link.txt")).unwrap();
    let r = extract(&d, &["link.txt", "--out", "o3"]);
    assert_eq!(r.code, Some(0), "{r:?}");
}

#[test]
fn an_oversize_file_is_refused_without_reading_it() {
    let d = group("oversize");
    let f = fs::File::create(d.join("big.txt")).unwrap();
    f.set_len((256 << 20) + 1).unwrap(); // sparse: takes no disk
    let r = extract(&d, &["big.txt", "--year", "2024", "--out", "o"]);
    assert_eq!(r.code, Some(INPUT_NOT_TEXT), "{r:?}");
    assert!(one_line(&r).contains("over the limit"), "{}", r.stderr);
    assert!(r.max_rss_kib < 200 * 1024, "{} KiB", r.max_rss_kib);
}

// ---- the validator stays in its package ----

#[test]
fn validator_does_not_follow_a_link_out_of_the_package() {
    let d = group("validate-link");
    let pkg = copy_package(&d);
    fs::write(d.join("secret.csv"), "root:x:0:0:root:/root:/bin/bash\n").unwrap();
    fs::remove_file(pkg.join("data/facts.csv")).unwrap();
    std::os::unix::fs::symlink(d.join("secret.csv"), pkg.join("data/facts.csv")).unwrap();
    let r = validate(&d, &pkg);
    assert_eq!(r.code, Some(INVALID), "{r:?}");
    assert!(!r.stdout.contains("root:x"), "read outside: {}", r.stdout);
    assert!(
        r.stdout.contains("leads outside the package"),
        "{}",
        r.stdout
    );
}

#[test]
fn validator_refuses_data_folders_linked_from_elsewhere() {
    let d = group("validate-linked-dirs");
    let pkg = copy_package(&d);
    let elsewhere = d.join("elsewhere");
    fs::rename(pkg.join("data"), &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, pkg.join("data")).unwrap();
    let r = validate(&d, &pkg);
    assert_eq!(
        r.code,
        Some(INVALID),
        "a package of links is not valid: {r:?}"
    );
    assert!(
        r.stdout.contains("leads outside the package"),
        "{}",
        r.stdout
    );
}

#[test]
fn validator_never_makes_a_path_of_a_resource_name() {
    let d = group("validate-name");
    let pkg = copy_package(&d);
    // a JSON Schema outside the package that every row breaks
    fs::write(
        d.join("evil.schema.json"),
        r#"{"type":"object","required":["EVIL-FIELD"]}"#,
    )
    .unwrap();
    let desc = pkg.join("datapackage.json");
    let mut v: serde_json::Value = serde_json::from_slice(&fs::read(&desc).unwrap()).unwrap();
    let evil = format!("../../../../../../../../{}/evil", d.display());
    for r in v["resources"].as_array_mut().unwrap() {
        if r["name"] == "quality_issues" {
            r["name"] = serde_json::Value::String(evil.clone());
        }
    }
    fs::write(&desc, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    let r = validate(&d, &pkg);
    assert!(
        !r.stdout.contains("EVIL-FIELD"),
        "applied an outside schema: {}",
        r.stdout
    );
    assert!(!r.stdout.contains("evil.schema.json"), "{}", r.stdout);
}

#[test]
fn validator_refuses_a_fifo_schema_at_once() {
    let d = group("validate-fifo");
    let pkg = copy_package(&d);
    fs::remove_file(pkg.join("schemas/facts.schema.json")).unwrap();
    mkfifo(&pkg.join("schemas/facts.schema.json"));
    let r = validate(&d, &pkg);
    assert_eq!(r.code, Some(INVALID), "{r:?}");
    assert!(
        r.stdout.contains("schemas/facts.schema.json") && r.stdout.contains("FIFO"),
        "{}",
        r.stdout
    );
}

#[test]
fn validator_does_not_read_a_file_far_over_its_declared_size() {
    let d = group("validate-huge");
    let pkg = copy_package(&d);
    let f = fs::OpenOptions::new()
        .write(true)
        .open(pkg.join("data/facts.csv"))
        .unwrap();
    f.set_len(1 << 30).unwrap(); // 1 GiB, sparse
    let r = validate(&d, &pkg);
    assert_eq!(r.code, Some(INVALID), "{r:?}");
    assert!(r.stdout.contains("file-too-large"), "{}", r.stdout);
    // the committed package is a few MB; reading the file would take over 1 GiB
    assert!(
        r.max_rss_kib < 400 * 1024,
        "peak memory {} KiB grows with the rejected file",
        r.max_rss_kib
    );
}

// ---- the output swap ----

/// Extracts REPORT into `d/o` and returns the run.
fn first_output(d: &Path) -> Run {
    fs::write(d.join("r.txt"), REPORT).unwrap();
    let r = extract(d, &["r.txt", "--out", "o"]);
    assert_eq!(r.code, Some(0), "{r:?}");
    r
}

#[test]
fn replace_guard_never_deletes_a_users_file() {
    let d = group("guard");
    first_output(&d);
    // an earlier output is replaced
    let r = extract(&d, &["r.txt", "--out", "o"]);
    assert_eq!(r.code, Some(0), "{r:?}");
    for (extra, is_dir) in [
        ("my-analysis.csv", false),
        ("source/my-notes.docx", false),
        ("schemas/mine", true),
    ] {
        let p = d.join("o").join(extra);
        if is_dir {
            fs::create_dir_all(&p).unwrap();
        } else {
            fs::write(&p, "mine").unwrap();
        }
        let r = extract(&d, &["r.txt", "--out", "o"]);
        assert_eq!(r.code, Some(OUTPUT_UNWRITABLE), "{extra}: {r:?}");
        assert!(
            one_line(&r).contains("which gwr did not write"),
            "{}",
            r.stderr
        );
        assert!(p.exists(), "{extra} was deleted");
        if is_dir {
            fs::remove_dir(&p).unwrap();
        } else {
            fs::remove_file(&p).unwrap();
        }
    }
    assert!(hidden_entries(&d).is_empty(), "{:?}", hidden_entries(&d));
}

/// A pid no process has (above any pid_max).
const DEAD_PID: u32 = 2_147_483_000;

#[test]
fn a_backup_left_by_a_killed_run_is_put_back() {
    let d = group("leftover-backup");
    first_output(&d);
    // killed between the two renames: no `o`, the earlier output only in the backup
    let backup = d.join(format!(".o.gwr-old-{DEAD_PID}-1"));
    fs::rename(d.join("o"), &backup).unwrap();
    // the next run fails (no input), but puts the earlier output back first
    let r = extract(&d, &["missing.txt", "--out", "o"]);
    assert_eq!(r.code, Some(INPUT_MISSING), "{r:?}");
    assert!(d.join("o/datapackage.json").is_file(), "not put back");
    assert!(hidden_entries(&d).is_empty(), "{:?}", hidden_entries(&d));
}

#[test]
fn leftovers_of_crashed_runs_never_block_a_run() {
    let d = group("leftovers");
    first_output(&d);
    // staging of a killed run, a half-deleted backup, and the fixed-name backup of older
    // versions, all of dead processes
    for name in [
        format!(".o.gwr-tmp-{DEAD_PID}-2"),
        format!(".o.gwr-del-{DEAD_PID}-3"),
        format!(".o.gwr-tmp-{DEAD_PID}.old"),
    ] {
        fs::create_dir_all(d.join(&name).join("schemas")).unwrap();
        fs::write(d.join(&name).join("schemas/x.schema.json"), "{}").unwrap();
    }
    let r = extract(&d, &["r.txt", "--out", "o"]);
    assert_eq!(r.code, Some(0), "{r:?}");
    assert!(hidden_entries(&d).is_empty(), "{:?}", hidden_entries(&d));
}

#[test]
fn sigterm_and_sigint_remove_the_staging_folder() {
    for (sig, code) in [(libc::SIGTERM, 143), (libc::SIGINT, 130)] {
        let d = group(&format!("signal-{sig}"));
        first_output(&d);
        let before = fs::read(d.join("o/datapackage.json")).unwrap();
        let mut cmd = gwr_cmd(&["extract", "r.txt", "--out", "o", "--year", "2023"], &d);
        cmd.env("GWR_TEST_STALL_MS", "30000");
        let child = cmd.spawn().expect("spawn");
        // wait until the staging folder is written
        let t0 = std::time::Instant::now();
        while !hidden_entries(&d).iter().any(|n| n.contains("gwr-tmp")) {
            assert!(t0.elapsed() < DEADLINE, "no staging folder appeared");
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(200));
        // SAFETY: signals our own child.
        unsafe { libc::kill(child.id() as libc::pid_t, sig) };
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(code), "{out:?}");
        assert!(hidden_entries(&d).is_empty(), "{:?}", hidden_entries(&d));
        assert_eq!(fs::read(d.join("o/datapackage.json")).unwrap(), before);
    }
}

// ---- messages ----

#[test]
fn control_characters_and_long_values_are_not_echoed_raw() {
    let d = group("messages");
    fs::write(d.join("r.txt"), REPORT).unwrap();
    fs::write(
        d.join("m.toml"),
        "report_id = \"x\\u001b]0;PWNED\\u0007\"\nplace_zh = \"某镇\"\nreport_year = 2024\n",
    )
    .unwrap();
    let r = extract(&d, &["r.txt", "--meta", "m.toml", "--out", "o"]);
    assert_ne!(r.code, Some(0));
    assert!(
        !r.stderr.contains('\u{1b}') && !r.stderr.contains('\u{7}'),
        "{:?}",
        r.stderr
    );
    assert!(r.stderr.contains("\\u{1b}"), "{}", r.stderr);
    let long = "a".repeat(5000);
    fs::write(
        d.join("m.toml"),
        format!("report_id = \"{long}\"\nplace_zh = \"某镇\"\nreport_year = 2024\n"),
    )
    .unwrap();
    let r = extract(&d, &["r.txt", "--meta", "m.toml", "--out", "o"]);
    assert_ne!(r.code, Some(0));
    let line = one_line(&r);
    assert!(line.chars().count() < 600 && line.contains('…'), "{line}");
}

#[test]
fn a_run_killed_with_its_staging_written_leaves_the_old_output_and_no_obstacle() {
    let d = group("sigkill");
    first_output(&d);
    let before = fs::read(d.join("o/datapackage.json")).unwrap();
    let mut cmd = gwr_cmd(&["extract", "r.txt", "--out", "o", "--year", "2023"], &d);
    cmd.env("GWR_TEST_STALL_MS", "30000");
    let mut child = cmd.spawn().expect("spawn");
    let t0 = std::time::Instant::now();
    while !hidden_entries(&d).iter().any(|n| n.contains("gwr-tmp")) {
        assert!(t0.elapsed() < DEADLINE, "no staging folder appeared");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    child.kill().unwrap(); // SIGKILL: no cleanup can run
    child.wait().unwrap();
    assert_eq!(fs::read(d.join("o/datapackage.json")).unwrap(), before);
    assert!(
        !hidden_entries(&d).is_empty(),
        "SIGKILL leaves the staging folder"
    );
    // the next run cleans it and replaces the output
    let r = extract(&d, &["r.txt", "--out", "o", "--year", "2023"]);
    assert_eq!(r.code, Some(0), "{r:?}");
    assert!(
        r.stderr.contains("left by an interrupted run"),
        "{}",
        r.stderr
    );
    assert!(hidden_entries(&d).is_empty(), "{:?}", hidden_entries(&d));
    assert_ne!(fs::read(d.join("o/datapackage.json")).unwrap(), before);
}
