//! A Rust user's first five minutes: a fresh project that depends on gwr-data by path builds
//! and prints the targets, with nothing but the crate (no data files next to the binary).
//!
//! It runs a nested `cargo run`: about 18 s the first time (it compiles gwr-data and its
//! dependencies), under a second afterwards. It builds `--offline` when the dependencies are already in the local registry cache (they
//! are, once the workspace has been built) and into `target/gwr-data-consumer`, a target folder
//! of its own: the enclosing `cargo test` holds the lock of the workspace's target folder, and a
//! persistent folder keeps later runs fast.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_target() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
    }
}

#[test]
fn a_fresh_project_builds_and_prints_the_targets() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let project = std::env::temp_dir().join(format!("gwr-data-consumer-{}", std::process::id()));
    if project.exists() {
        std::fs::remove_dir_all(&project).unwrap();
    }
    std::fs::create_dir_all(project.join("src")).unwrap();
    std::fs::write(
        project.join("Cargo.toml"),
        format!(
            "[package]\nname = \"consumer\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\ngwr-data = {{ path = {:?} }}\n\n[workspace]\n",
            crate_dir.display().to_string()
        ),
    )
    .unwrap();
    std::fs::write(
        project.join("src/main.rs"),
        r#"fn main() {
    let id = "cn-sh-baoshan-songnan-2024";
    let report = gwr_data::report(id).expect("seed report");
    println!("{} {:?}", report.report_id, report.report_year);
    for t in gwr_data::targets_of(id) {
        println!("{}\t{}\t{:?}\t{:?}", t.target_id, t.subject, t.value, t.unit);
    }
}
"#,
    )
    .unwrap();
    // Same dependency versions as the workspace, so an offline build finds them in the cache.
    let lock = crate_dir.join("../../Cargo.lock");
    if lock.is_file() {
        std::fs::copy(&lock, project.join("Cargo.lock")).unwrap();
    }

    let target = workspace_target().join("gwr-data-consumer");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let run = |offline: bool| {
        let mut cmd = Command::new(&cargo);
        cmd.arg("run").arg("--quiet");
        if offline {
            cmd.arg("--offline");
        }
        cmd.current_dir(&project)
            .env("CARGO_TARGET_DIR", &target)
            .env_remove("RUSTFLAGS")
            .output()
            .unwrap()
    };
    let mut out = run(true);
    if !out.status.success() {
        // Not everything is cached: let cargo fetch.
        out = run(false);
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "cargo run failed:\n{stderr}");
    println!("{stdout}");

    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.first(),
        Some(&"cn-sh-baoshan-songnan-2024 Some(2024)")
    );
    let expected = gwr_data::targets_of("cn-sh-baoshan-songnan-2024").len();
    assert!(expected > 0);
    assert_eq!(lines.len(), 1 + expected, "{stdout}");
    assert!(
        stdout.contains("地方财政收入\t630000000.0\tCny"),
        "{stdout}"
    );
    std::fs::remove_dir_all(&project).ok();
}
