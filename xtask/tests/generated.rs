//! The committed generated files (`data/` tables, `schemas/`, `datapackage.json`,
//! `DATA-DICTIONARY.md`) must be exactly what `cargo xtask publish` makes from `data/sources/`.
//! When this fails, run `cargo xtask publish` and commit the result.

use std::collections::BTreeSet;
use std::path::Path;

fn listed(root: &Path, dir: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack = vec![root.join(dir)];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(root) {
                out.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out
}

#[test]
fn committed_package_files_are_fresh() {
    let root = xtask::repo_root();
    let tmp = root
        .join("target")
        .join(format!("staleness-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let files = xtask::generate(&root, &tmp).expect("generate the package");
    let mut stale = Vec::new();
    for f in files.iter().filter(|f| xtask::is_committed(&f.path)) {
        let fresh = std::fs::read(tmp.join(&f.path)).expect("read generated file");
        match std::fs::read(root.join(xtask::committed_path(&f.path))) {
            Ok(committed) if committed == fresh => {}
            Ok(_) => stale.push(format!("{} differs", f.path)),
            Err(_) => stale.push(format!("{} is missing", f.path)),
        }
    }
    // A file left behind by an earlier version (a renamed table, say) is stale too.
    let generated: BTreeSet<String> = files.iter().map(|f| f.path.clone()).collect();
    for dir in ["data", "schemas"] {
        for rel in listed(&root, dir) {
            if xtask::is_committed(&rel) && !generated.contains(&rel) {
                stale.push(format!("{rel} is not generated any more"));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(
        stale.is_empty(),
        "stale generated files (run `cargo xtask publish` and commit):\n{}",
        stale.join("\n")
    );
}

#[test]
fn generating_twice_gives_the_same_bytes() {
    let root = xtask::repo_root();
    let a = root
        .join("target")
        .join(format!("det-a-{}", std::process::id()));
    let b = root
        .join("target")
        .join(format!("det-b-{}", std::process::id()));
    let fa = xtask::generate(&root, &a).expect("first");
    let fb = xtask::generate(&root, &b).expect("second");
    let _ = std::fs::remove_dir_all(&a);
    let _ = std::fs::remove_dir_all(&b);
    assert_eq!(fa, fb);
}
