//! `cargo xtask <task>`: the build tasks of the gwr workspace.

use std::path::Path;

use anyhow::{bail, Result};

const USAGE: &str = "usage: cargo xtask <task>

tasks:
  publish    regenerate data/, schemas/, datapackage.json from data/sources/ and write the
             release into dist/ (package folder, zip, SHA256SUMS)
  generate   regenerate the committed package files only (no dist/)
  diff [OLD NEW]
             the rows added, removed and changed (cells old → new) per table between two
             package folders; without arguments, between the committed package at the repo
             root and what publish would make of data/sources/ now
  corpus-check [DIR]
             check the year and place read off every report of the real corpus
             (DIR, default ../shared/corpus; skipped when absent) against the file and
             folder names and the front matter; prints accuracy and every exception
  places GB2260_CURATED NBS_DIST
             rewrite crates/gwr-extract/places/places.csv from the unpacked upstream
             datasets (see crates/gwr-extract/places/README.md)
  place-check [CORPUS]
             share of the lawtext corpus's reports whose place code the text alone gives
             right (CORPUS defaults to ../shared/corpus/lawtext)
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
        Some("diff") => {
            let staging = root.join("target").join("diff-staging");
            let (old, new) = match (args.get(1), args.get(2)) {
                (Some(o), Some(n)) => (std::path::PathBuf::from(o), std::path::PathBuf::from(n)),
                (None, None) => {
                    let _ = std::fs::remove_dir_all(&staging);
                    xtask::generate(&root, &staging)?;
                    (root.clone(), staging.clone())
                }
                _ => bail!("usage: cargo xtask diff [OLD NEW]"),
            };
            let diffs = xtask::releases::diff_packages(&old, &new)?;
            if diffs.is_empty() {
                println!("no rows differ");
            }
            print!(
                "{}",
                xtask::releases::render_diff(&diffs, Some(&new), usize::MAX)?
            );
            std::fs::remove_dir_all(&staging).ok();
        }
        Some("corpus-check") => {
            let corpus = args
                .get(1)
                .map(std::path::PathBuf::from)
                .unwrap_or_else(|| root.join("..").join("shared").join("corpus"));
            if !xtask::corpus::corpus_check(&corpus)? {
                bail!("year accuracy below 99 %");
            }
        }
        Some("places") => {
            let (Some(gb), Some(nbs)) = (args.get(1), args.get(2)) else {
                bail!("usage: cargo xtask places GB2260_CURATED NBS_DIST");
            };
            let rows = xtask::places::convert(Path::new(gb), Path::new(nbs))?;
            let dest = root.join("crates/gwr-extract/places/places.csv");
            std::fs::write(&dest, xtask::places::to_csv(&rows))?;
            println!("wrote {} places to {}", rows.len(), dest.display());
        }
        Some("place-check") => {
            let corpus = args
                .get(1)
                .map(std::path::PathBuf::from)
                .unwrap_or_else(|| root.join("../shared/corpus/lawtext"));
            let outcomes = xtask::place_check::check(&corpus)?;
            print!("{}", xtask::place_check::summary(&outcomes));
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
