//! `cargo xtask place-check [CORPUS]`: how many reports of the lawtext corpus get the right
//! division code from their text alone.
//!
//! The corpus's folders name each report's place: `政府工作报告-国务院/` is the country
//! (`100000`), `政府工作报告-省自治区/<省>/` and `政府工作报告-主要城市/<市>/` name a province or
//! a prefecture-level city by its full name. The expected code is the one division of that
//! exact name at province or prefecture level (found by exact name, not by the resolver under
//! test). The text is read as `infer_meta_with` reads a Markdown file without `report.toml`
//! (markup as layout); the front matter is cut off first and no folder hint is given, so
//! neither the `title:` line nor the folder helps (the text alone).
//! `国家统计局年度统计/` holds statistical communiqués, not reports, and is left out.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use gwr_extract::places::{self, NATIONAL_CODE};
use gwr_model::AdminLevel;

/// The outcome for one file.
#[derive(Debug, Clone)]
pub struct FileOutcome {
    /// Path relative to the corpus folder.
    pub path: String,
    /// The code the folder names.
    pub expected: String,
    /// The code inferred from the text (empty when none).
    pub got: String,
    /// The place name as the inference read it.
    pub place_zh: String,
    /// The code `gwr extract FOLDER` gives the file: the whole file read (front matter
    /// included), the folder's place as a hint.
    pub got_extract: String,
}

impl FileOutcome {
    /// Whether the inferred code is the expected one.
    pub fn right(&self) -> bool {
        self.expected == self.got
    }

    /// Whether `gwr extract` gives the expected code.
    pub fn right_extract(&self) -> bool {
        self.expected == self.got_extract
    }
}

/// The folders checked, with whether their subfolders name the place.
const GROUPS: &[(&str, bool)] = &[
    ("政府工作报告-国务院", false),
    ("政府工作报告-省自治区", true),
    ("政府工作报告-主要城市", true),
];

/// The code a folder name means: the one province- or prefecture-level division of that
/// exact name.
fn expected_code(folder: &str) -> Result<String> {
    let found: Vec<String> = places::exact(folder)
        .into_iter()
        .filter_map(|p| p.place().cloned())
        .filter(|p| matches!(p.level, AdminLevel::Province | AdminLevel::Prefecture))
        .map(|p| p.code)
        .collect();
    match found.as_slice() {
        [one] => Ok(one.clone()),
        _ => bail!("folder {folder}: {} divisions of that name", found.len()),
    }
}

/// The text without a leading YAML front matter block (`---` … `---`).
pub fn strip_front_matter(text: &str) -> &str {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = t
        .strip_prefix("---\n")
        .or_else(|| t.strip_prefix("---\r\n"))
    else {
        return text;
    };
    match rest.find("\n---") {
        Some(i) => rest[i + 4..].trim_start_matches(['\r', '\n']),
        None => text,
    }
}

fn md_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("{}: cannot list", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    out.sort();
    Ok(out)
}

fn subdirs(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("{}: cannot list", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    Ok(out)
}

/// Checks every report file of the corpus at `root`, in path order.
pub fn check(root: &Path) -> Result<Vec<FileOutcome>> {
    let mut jobs: Vec<(PathBuf, String)> = Vec::new();
    for (group, by_place) in GROUPS {
        let dir = root.join(group);
        if *by_place {
            for sub in subdirs(&dir)? {
                let name = sub
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
                    .to_string();
                let code = expected_code(&name)?;
                for f in md_files(&sub)? {
                    jobs.push((f, code.clone()));
                }
            }
        } else {
            for f in md_files(&dir)? {
                jobs.push((f, NATIONAL_CODE.to_string()));
            }
        }
    }
    let mut out = Vec::new();
    for (path, expected) in jobs {
        let bytes = fs::read(&path).with_context(|| format!("{}: cannot read", path.display()))?;
        let decoded = gwr_extract::decode::decode(&bytes)
            .with_context(|| format!("{}: cannot decode", path.display()))?;
        let text = strip_front_matter(&decoded.text);
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("report");
        let hints = gwr_extract::infer::Hints {
            markdown: true,
            place: None,
        };
        let meta = gwr_extract::infer::infer_meta_with(text, stem, &hints);
        // as `gwr extract` reads it in a folder run (gwr-cli's source_path::hints)
        let folder_hint = path
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| gwr_extract::infer::place_of_folder(&n.to_string_lossy()));
        let full = gwr_extract::infer::infer_meta_with(
            &decoded.text,
            stem,
            &gwr_extract::infer::Hints {
                markdown: true,
                place: folder_hint,
            },
        );
        out.push(FileOutcome {
            path: path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned(),
            expected,
            got: meta.place_code.unwrap_or_default(),
            place_zh: meta.place_zh,
            got_extract: full.place_code.unwrap_or_default(),
        });
    }
    Ok(out)
}

/// The report of a check: every miss, then the share right per folder and in all.
pub fn summary(outcomes: &[FileOutcome]) -> String {
    let mut s = String::new();
    for o in outcomes.iter().filter(|o| !o.right()) {
        s.push_str(&format!(
            "miss  {}  expected {}  got {}  (read: {})\n",
            o.path,
            o.expected,
            if o.got.is_empty() { "-" } else { &o.got },
            o.place_zh
        ));
    }
    for o in outcomes.iter().filter(|o| !o.right_extract()) {
        s.push_str(&format!(
            "miss (gwr extract)  {}  expected {}  got {}\n",
            o.path,
            o.expected,
            if o.got_extract.is_empty() {
                "-"
            } else {
                &o.got_extract
            },
        ));
    }
    let line = |label: &str, set: Vec<&FileOutcome>| {
        let n = set.len();
        let pct = |r: usize| {
            if n == 0 {
                0.0
            } else {
                100.0 * r as f64 / n as f64
            }
        };
        let r = set.iter().filter(|o| o.right()).count();
        let e = set.iter().filter(|o| o.right_extract()).count();
        format!(
            "{label}: {r} of {n} files resolve to the right place code from the text alone ({:.1}%), {e} as gwr extract reads them ({:.1}%)\n",
            pct(r),
            pct(e)
        )
    };
    for (group, _) in GROUPS {
        s.push_str(&line(
            group,
            outcomes
                .iter()
                .filter(|o| o.path.starts_with(group))
                .collect(),
        ));
    }
    s.push_str(&line("all", outcomes.iter().collect()));
    s
}
