//! `cargo xtask <task>`: the build tasks of the gwr workspace.

use anyhow::{bail, Result};

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  publish    regenerate data/, schemas/, datapackage.json from data/sources/ and write the
             release into dist/ (package folder, zip, SHA256SUMS)
  generate   regenerate the committed package files only (no dist/)
  collections import [UPSTREAM]
             copy the upstream files of every collection under data/collections/ (default
             UPSTREAM: ../shared/corpus/lawtext) and add a manifest line for each new report";

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = xtask::repo_root();
    match args.first().map(String::as_str) {
        Some("publish") => {
            let dist = xtask::publish(&root)?;
            println!("published {}", dist.display());
            let sums = std::fs::read_to_string(dist.join("SHA256SUMS"))?;
            print!("{sums}");
        }
        Some("generate") => {
            let staging = root.join("target").join("generate-staging");
            let _ = std::fs::remove_dir_all(&staging);
            let files = xtask::generate(&root, &staging)?;
            for f in files.iter().filter(|f| xtask::is_committed(&f.path)) {
                let dest = root.join(xtask::committed_path(&f.path));
                if let Some(d) = dest.parent() {
                    std::fs::create_dir_all(d)?;
                }
                std::fs::copy(staging.join(&f.path), dest)?;
            }
            std::fs::remove_dir_all(&staging).ok();
            println!("generated {} files", files.len());
        }
        Some("collections") => match args.get(1).map(String::as_str) {
            Some("import") => {
                let upstream = args
                    .get(2)
                    .map(std::path::PathBuf::from)
                    .unwrap_or_else(|| root.join("../shared/corpus/lawtext"));
                xtask::collections::import(&root, &upstream)?;
            }
            _ => bail!("usage: cargo xtask collections import [UPSTREAM]"),
        },
        Some("-h") | Some("--help") | None => println!("{USAGE}"),
        Some(other) => bail!("unknown task `{other}`\n\n{USAGE}"),
    }
    Ok(())
}
