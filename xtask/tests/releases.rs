//! The release rules (`xtask::releases`): each kind of change needs its bump, publish refuses a
//! version below it, and the committed `releases/` and `CHANGELOG.md` match the package.
//! Everything runs on copies under `target/`, never on the repo's files.

use std::fs;
use std::path::{Path, PathBuf};

use xtask::releases::{self, Bump, Manifest};

const SEED: &str = "cn-sh-baoshan-songnan-2024";

/// A repo-like folder with `release.toml` and the seed's sources.
fn temp_root(name: &str) -> PathBuf {
    let repo = xtask::repo_root();
    let root = repo
        .join("target")
        .join(format!("releases-test-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    let src = root.join("data/sources").join(SEED);
    fs::create_dir_all(&src).expect("mkdir");
    fs::copy(repo.join("release.toml"), root.join("release.toml")).expect("release.toml");
    for f in ["report.txt", "report.toml"] {
        fs::copy(repo.join("data/sources").join(SEED).join(f), src.join(f)).expect("source");
    }
    // the tests count their versions from 0.1.0, whatever the repo's release is now
    set_version(&root, "0.1.0");
    root
}

/// Generates the package of `root` into `root/<out>` and reads its manifest.
fn build(root: &Path, out: &str) -> (PathBuf, Manifest) {
    let dir = root.join(out);
    let _ = fs::remove_dir_all(&dir);
    xtask::generate(root, &dir).expect("generate");
    let m = releases::build_manifest(&dir).expect("manifest");
    (dir, m)
}

/// Edits a report's text and drops its recorded checksum.
fn edit_source(root: &Path, id: &str, from: &str, to: &str) {
    let dir = root.join("data/sources").join(id);
    let text = fs::read_to_string(dir.join("report.txt")).expect("text");
    assert!(text.contains(from));
    fs::write(dir.join("report.txt"), text.replacen(from, to, 1)).expect("write");
    let toml = fs::read_to_string(dir.join("report.toml")).expect("toml");
    let toml: String = toml
        .lines()
        .filter(|l| !l.starts_with("sha256"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(dir.join("report.toml"), toml).expect("write");
}

fn set_version(root: &Path, v: &str) {
    let p = root.join("release.toml");
    let t = fs::read_to_string(&p).expect("release.toml");
    let t: String = t
        .lines()
        .map(|l| {
            if l.starts_with("version") {
                format!("version = \"{v}\"\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    fs::write(p, t).expect("write");
}

#[test]
fn a_corrected_value_needs_a_patch_and_the_changelog_says_it() {
    let root = temp_root("patch");
    let rel = root.join("releases");
    let (v1, _) = build(&root, "v1");
    let first = releases::plan(&rel, &v1, None, "2026-11-27").expect("first release");
    assert!(first
        .entry
        .as_deref()
        .is_some_and(|e| e.contains("First release")));
    releases::record(&rel, &first).expect("record");

    // the same content again under the same version is fine, and records nothing new
    let (v1b, _) = build(&root, "v1b");
    let again = releases::plan(&rel, &v1b, None, "2026-11-27").expect("same content");
    assert_eq!(again.needed, Bump::None);
    assert!(again.entry.is_none());

    edit_source(&root, SEED, "5.87亿元", "5.97亿元");
    let (v2, _) = build(&root, "v2");
    let err = releases::plan(&rel, &v2, Some(v1.as_path()), "2026-11-27")
        .err()
        .expect("refused without a bump");
    let msg = format!("{err:#}");
    println!("{msg}");
    assert!(
        msg.contains("need a patch release (0.1.1 or later)"),
        "{msg}"
    );
    assert!(msg.contains("`facts`: 1 row(s) changed"), "{msg}");
    assert!(
        msg.contains("淞南镇 2023 区级财政收入 5.87亿元 → 5.97亿元"),
        "{msg}"
    );

    set_version(&root, "0.1.1");
    let (v2, m2) = build(&root, "v2");
    assert_eq!(m2.version, "0.1.1");
    let plan = releases::plan(&rel, &v2, Some(v1.as_path()), "2026-11-27").expect("patch bump");
    assert_eq!(plan.needed, Bump::Patch);
    let entry = plan.entry.clone().expect("entry");
    println!("{entry}");
    assert!(entry.contains("Patch release after 0.1.0"), "{entry}");
    assert!(
        entry.contains("淞南镇 2023 区级财政收入 5.87亿元 → 5.97亿元"),
        "{entry}"
    );
    releases::record(&rel, &plan).expect("record");
    let log = releases::changelog(&rel, &["gwr-reports"]).expect("changelog");
    assert!(log.find("0.1.1").expect("0.1.1") < log.find("0.1.0 (").expect("0.1.0"));

    // `cargo xtask diff` says the same
    let diffs = releases::diff_packages(&v1, &v2).expect("diff");
    let text = releases::render_diff(&diffs, Some(&v2), usize::MAX).expect("render");
    assert!(text.contains("5.87亿元 → 5.97亿元"), "{text}");
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn a_report_added_needs_a_minor_release() {
    let root = temp_root("minor");
    let rel = root.join("releases");
    let (v1, _) = build(&root, "v1");
    releases::record(&rel, &releases::plan(&rel, &v1, None, "d").expect("first")).expect("rec");

    let copy = format!("{SEED}-copy");
    let from = root.join("data/sources").join(SEED);
    let to = root.join("data/sources").join(&copy);
    fs::create_dir_all(&to).expect("mkdir");
    fs::copy(from.join("report.txt"), to.join("report.txt")).expect("copy");
    let toml = fs::read_to_string(from.join("report.toml")).expect("toml");
    fs::write(
        to.join("report.toml"),
        toml.replace(&format!("\"{SEED}\""), &format!("\"{copy}\"")),
    )
    .expect("write");

    set_version(&root, "0.1.1");
    let (v2, _) = build(&root, "v2");
    let msg = format!(
        "{:#}",
        releases::plan(&rel, &v2, Some(v1.as_path()), "d")
            .err()
            .expect("a patch bump is refused")
    );
    println!("{msg}");
    assert!(
        msg.contains("need a minor release (0.2.0 or later)"),
        "{msg}"
    );
    assert!(msg.contains("a patch bump"), "{msg}");
    assert!(msg.contains("row(s) added"), "{msg}");

    set_version(&root, "0.2.0");
    let (v2, _) = build(&root, "v2");
    let plan = releases::plan(&rel, &v2, Some(v1.as_path()), "d").expect("minor bump");
    assert_eq!(plan.needed, Bump::Minor);
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn schema_changes_need_a_major_release_and_nothing_changed_needs_none() {
    let root = temp_root("major");
    let (_, m) = build(&root, "v1");
    let (_, same) = build(&root, "v1b");
    let (changes, diffs) = releases::compare(&m, &same);
    assert!(changes.is_empty() && diffs.is_empty(), "{changes:?}");
    assert_eq!(releases::needed(&changes), Bump::None);

    let facts = |m: &mut Manifest| {
        m.resources
            .iter_mut()
            .find(|r| r.name == "facts")
            .expect("facts")
            .clone()
    };
    let mut removed = m.clone();
    let mut f = facts(&mut removed);
    f.fields.retain(|x| x.name != "qualifier");
    removed.resources.retain(|r| r.name != "facts");
    removed.resources.push(f);
    let (changes, _) = releases::compare(&m, &removed);
    assert_eq!(releases::needed(&changes), Bump::Major, "{changes:?}");
    assert!(changes
        .iter()
        .any(|c| c.what.contains("`qualifier` removed")));

    let mut retyped = m.clone();
    for r in &mut retyped.resources {
        for x in &mut r.fields {
            if x.name == "period" {
                x.kind = "string".into();
            }
        }
    }
    let (changes, _) = releases::compare(&m, &retyped);
    assert_eq!(releases::needed(&changes), Bump::Major);
    assert!(
        changes
            .iter()
            .any(|c| c.what.contains("retyped integer → string")),
        "{changes:?}"
    );

    // a row that disappears (its key changed) is major too; a field added at the end, minor
    let mut fewer = m.clone();
    for r in &mut fewer.resources {
        if r.name == "facts" {
            let k = r.rows.keys().next().cloned().expect("a row");
            r.rows.remove(&k);
        }
    }
    assert_eq!(
        releases::needed(&releases::compare(&m, &fewer).0),
        Bump::Major
    );
    let mut wider = m.clone();
    for r in &mut wider.resources {
        if r.name == "facts" {
            let mut x = r.fields[0].clone();
            x.name = "new_field".into();
            r.fields.push(x);
        }
    }
    assert_eq!(
        releases::needed(&releases::compare(&m, &wider).0),
        Bump::Minor
    );
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn a_manifest_reads_back_as_written() {
    let root = temp_root("roundtrip");
    let (_, m) = build(&root, "v1");
    let back = releases::parse_manifest(&releases::manifest_json(&m)).expect("parse");
    assert_eq!(back, m);
    let _ = fs::remove_dir_all(&root);
}

/// The committed manifest of the default package is that of the committed package, and the
/// committed CHANGELOG.md is made of the committed entries. When this fails, run
/// `cargo xtask publish` and commit `releases/` and `CHANGELOG.md`.
#[test]
fn committed_releases_match_the_committed_package() {
    let repo = xtask::repo_root();
    let release = xtask::load_release(&repo).expect("release.toml");
    let m = releases::build_manifest(&repo).expect("manifest of the committed package");
    let path = releases::manifest_path(&repo.join("releases"), &release.name, &release.version);
    let committed =
        fs::read_to_string(&path).expect("committed manifest of release.toml's version");
    assert!(
        committed == releases::manifest_json(&m),
        "{} differs from the committed package",
        path.display()
    );
    let log = releases::changelog(&repo.join("releases"), &[release.name.as_str()]).expect("log");
    let committed = fs::read_to_string(repo.join("CHANGELOG.md")).expect("CHANGELOG.md");
    assert!(
        committed == log,
        "CHANGELOG.md is not made of releases/*/*.md"
    );
}
