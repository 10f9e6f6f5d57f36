//! The committed collections (`data/collections/*/`): their manifests agree with their sources,
//! and the national collection builds into a package that validates.

use std::collections::BTreeSet;
use std::path::Path;

use xtask::collections::{load_all, Collection};

fn files_below(dir: &Path, base: &Path, out: &mut BTreeSet<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files_below(&p, base, out);
        } else {
            let rel = p
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel);
        }
    }
}

fn collections() -> Vec<Collection> {
    let root = xtask::repo_root();
    let all = load_all(&root).expect("collections load");
    assert!(
        all.iter().any(|c| c.name() == "national") && all.iter().any(|c| c.name() == "provinces"),
        "the national and provinces collections are committed"
    );
    all
}

/// Every source file has exactly one manifest line and every line names a file; ids are
/// unique across all collections; every report has a year, a place code and a level.
#[test]
fn manifests_match_sources() {
    let mut ids = BTreeSet::new();
    for c in collections() {
        let sources = c.dir.join("sources");
        let mut files = BTreeSet::new();
        files_below(&sources, &sources, &mut files);
        let listed: BTreeSet<String> = c.manifest.iter().map(|r| r.file.clone()).collect();
        assert_eq!(
            listed.len(),
            c.manifest.len(),
            "{}: a file listed twice",
            c.name()
        );
        let unlisted: Vec<_> = files.difference(&listed).collect();
        let missing: Vec<_> = listed.difference(&files).collect();
        assert!(
            unlisted.is_empty(),
            "{}: files without a line: {unlisted:?}",
            c.name()
        );
        assert!(
            missing.is_empty(),
            "{}: lines without a file: {missing:?}",
            c.name()
        );
        for r in &c.manifest {
            assert!(
                ids.insert(r.report_id.clone()),
                "report_id {} twice",
                r.report_id
            );
            assert!(r.report_year.is_some(), "{}: no year", r.file);
            assert!(r.place_code.is_some(), "{}: no place code", r.file);
            assert_ne!(r.admin_level, "other", "{}: no level", r.file);
        }
    }
}

/// The national collection extracts into a package that gwr-validate finds valid.
#[test]
fn national_collection_validates() {
    let c = collections()
        .into_iter()
        .find(|c| c.name() == "national")
        .unwrap();
    let out = std::env::temp_dir().join(format!("gwr-national-{}", std::process::id()));
    if out.exists() {
        std::fs::remove_dir_all(&out).unwrap();
    }
    let files = xtask::generate_collection(&c, &out).expect("national builds");
    assert!(files.iter().any(|f| f.path == "index.html"));
    let report = gwr_validate::validate_package(&out).expect("validates");
    assert!(
        report.is_valid(),
        "{:?}",
        report.problems.iter().take(5).collect::<Vec<_>>()
    );
    // gwr-data's copy of the national series' target_outcomes is this table (publish refreshes it)
    let built = std::fs::read(out.join(xtask::NATIONAL_OUTCOMES_FROM)).expect("built table");
    let committed = std::fs::read(
        xtask::repo_root()
            .join("crates/gwr-data")
            .join(xtask::NATIONAL_OUTCOMES_TO),
    )
    .expect("committed copy");
    assert!(
        built == committed,
        "crates/gwr-data/{} is stale: run `cargo xtask publish`",
        xtask::NATIONAL_OUTCOMES_TO
    );
    // the 2020 report's GDP row: not_set, stated in the text
    let text = String::from_utf8(built).expect("utf-8");
    assert!(
        text.lines().any(|l| l.starts_with(",cn-2020,")
            && l.contains(",gdp,")
            && l.contains("not_set,stated")
            && l.contains("没有提出全年经济增速具体目标")),
        "no stated not_set GDP row of 2020"
    );
    std::fs::remove_dir_all(&out).ok();
}
