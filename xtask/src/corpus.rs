//! `cargo xtask corpus-check`: the year (and place) gwr reads off every report of the real
//! corpus, checked against the file and folder names and the front matter.
//!
//! The corpus is `../shared/corpus` beside the repository (or the folder given); the check is
//! skipped, with a line saying so, when it is not there. For each Markdown file of `lawtext/`
//! (README files aside) the metadata is inferred exactly as `gwr extract` infers it (the same
//! library call with the same hints: Markdown, the folder's place) and compared with:
//! - **the file's year** (`2024.md`, `1964-part.md`): for a work report, the year it was
//!   delivered in (upstream's convention), so `report_year` must be the file's year, or the
//!   next one when the text says the report was delivered in December of the file's year; for
//!   a statistical communiqué (`国家统计局年度统计/`), the year it reports on: `report_year`
//!   must be the file's year;
//! - **the front matter's title**, when it names a year that is not part of a date: that year
//!   must be `report_year` (or, for a report delivered in December, its delivery year);
//! - **the place**: for the provinces and cities (`<folder>/<place>/<year>.md`), `place_zh`
//!   must be the folder's place.
//!
//! The 51 reports of `national-gwr-1954-2025.jsonl` (rows with a `year`) are checked against
//! their `year` field.
//!
//! Prints the accuracy of the year and of the place and every exception, one line each; fails
//! (exit 1) when the year accuracy is below 99 %. `docs/corpus-exceptions.md` explains the
//! exceptions.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use gwr_extract::decode;
use gwr_extract::infer::{infer_meta_with, place_of_folder, Hints};
use gwr_model::{ReportMeta, YearBasis};

/// Below this share of reports whose year is right the check fails.
const MIN_ACCURACY: f64 = 0.99;

/// One report checked.
struct Checked {
    path: String,
    meta: ReportMeta,
    year_problem: Option<String>,
    place_problem: Option<String>,
}

/// Runs the check on `corpus` (the folder holding `lawtext/`); `Ok(false)` when the year
/// accuracy is below [`MIN_ACCURACY`].
pub fn corpus_check(corpus: &Path) -> Result<bool> {
    let lawtext = corpus.join("lawtext");
    if !lawtext.is_dir() {
        println!(
            "corpus-check: {} not found: skipped (the corpus is not part of the repository)",
            lawtext.display()
        );
        return Ok(true);
    }
    let mut files = Vec::new();
    markdown_files(&lawtext, &mut files)?;
    files.sort();
    let mut checked = Vec::with_capacity(files.len());
    for file in &files {
        checked.push(check_file(&lawtext, file)?);
    }
    let national = check_national(&corpus.join("national-gwr-1954-2025.jsonl"))?;
    let total = checked.len() + national.len();
    let all = || checked.iter().chain(&national);
    let year_bad = all().filter(|c| c.year_problem.is_some()).count();
    let place_total = checked
        .iter()
        .filter(|c| place_expected(&c.path).is_some())
        .count()
        + national.len();
    let place_bad = all().filter(|c| c.place_problem.is_some()).count();
    let unknown = all().filter(|c| c.meta.report_year.is_none()).count();
    let share = |bad: usize, of: usize| {
        if of == 0 {
            1.0
        } else {
            (of - bad) as f64 / of as f64
        }
    };
    let year_acc = share(year_bad, total);
    println!(
        "year: {} of {total} right ({:.2} %), {year_bad} exceptions, {unknown} without a year",
        total - year_bad,
        year_acc * 100.0
    );
    println!(
        "place: {} of {place_total} right ({:.2} %), {place_bad} exceptions",
        place_total - place_bad,
        share(place_bad, place_total) * 100.0
    );
    let mut bases: std::collections::BTreeMap<YearBasis, usize> = Default::default();
    for c in all() {
        *bases.entry(c.meta.year_basis()).or_default() += 1;
    }
    let bases: Vec<String> = bases
        .iter()
        .map(|(b, n)| format!("{} {n}", basis_name(*b)))
        .collect();
    println!("year read from: {}", bases.join(", "));
    let december: Vec<String> = all()
        .filter(|c| {
            c.meta
                .delivered_date
                .as_deref()
                .is_some_and(|d| d.get(5..7) == Some("12"))
        })
        .map(|c| {
            format!(
                "{} ({} → {})",
                c.path,
                c.meta.delivered_date.as_deref().unwrap_or_default(),
                c.meta
                    .report_year
                    .map_or_else(|| "none".to_string(), |y| y.to_string())
            )
        })
        .collect();
    println!(
        "delivered in December (report_year the next year): {}: {}",
        december.len(),
        december.join("; ")
    );
    // one report in two files: the same place and delivery date
    let mut seen: std::collections::BTreeMap<(String, String), &str> = Default::default();
    for c in &checked {
        if let Some(d) = &c.meta.delivered_date {
            if let Some(first) = seen.insert((c.meta.place_zh.clone(), d.clone()), &c.path) {
                println!(
                    "duplicate: {first} and {} hold the same report ({}, delivered {d})",
                    c.path, c.meta.place_zh
                );
            }
        }
    }
    for c in all() {
        for problem in [&c.year_problem, &c.place_problem].into_iter().flatten() {
            println!(
                "exception: {}: {problem} [report_year {} ({}), delivered {}, place {}, title {}]",
                c.path,
                c.meta
                    .report_year
                    .map_or_else(|| "none".to_string(), |y| y.to_string()),
                basis_name(c.meta.year_basis()),
                c.meta.delivered_date.as_deref().unwrap_or("-"),
                c.meta.place_zh,
                if c.meta.title.is_empty() {
                    "-"
                } else {
                    &c.meta.title
                },
            );
        }
    }
    Ok(year_acc >= MIN_ACCURACY)
}

fn basis_name(b: YearBasis) -> String {
    serde_json::to_value(b)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("{}", dir.display()))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            markdown_files(&path, out)?;
        } else if name.ends_with(".md") && !name.to_ascii_uppercase().ends_with("README.MD") {
            out.push(path);
        }
    }
    Ok(())
}

/// The year a file's name gives: its leading four digits (`2024.md`, `1964-part.md`).
fn file_year(path: &Path) -> Option<i32> {
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    let digits: String = stem.chars().take(4).collect();
    (digits.len() == 4 && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The place a report's folder says it is from, for the provinces and the cities.
fn place_expected(rel: &str) -> Option<String> {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        [group, place, _] if group.contains("省自治区") || group.contains("主要城市") => {
            place_of_folder(place)
        }
        _ => None,
    }
}

fn check_file(lawtext: &Path, file: &Path) -> Result<Checked> {
    let bytes = std::fs::read(file).with_context(|| format!("{}", file.display()))?;
    let decoded = decode::decode(&bytes).with_context(|| format!("{}", file.display()))?;
    let rel = file
        .strip_prefix(lawtext)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/");
    let hints = Hints {
        markdown: true,
        place: file
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| place_of_folder(&n.to_string_lossy())),
    };
    let meta = infer_meta_with(&decoded.text, "r", &hints);
    let communique = rel.starts_with("国家统计局年度统计");
    let delivered_year = meta
        .delivered_date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<i32>().ok());
    let december = meta
        .delivered_date
        .as_deref()
        .is_some_and(|d| d.get(5..7) == Some("12"));
    let mut year_problem = None;
    if let Some(fy) = file_year(file) {
        let ok = match meta.report_year {
            None => false,
            Some(y) if communique => y == fy,
            // delivered in December of the file's year, for the next year
            Some(y) if december && delivered_year == Some(fy) => y == fy + 1,
            Some(y) => y == fy,
        };
        if !ok {
            year_problem = Some(format!(
                "file year {fy} ({}), but the report's year is read as {}",
                if communique {
                    "the year reported on"
                } else {
                    "the year delivered"
                },
                meta.report_year
                    .map_or_else(|| "unknown".to_string(), |y| y.to_string())
            ));
        }
    }
    if year_problem.is_none() {
        let fm_year = gwr_extract::markdown::Markdown::read(&decoded.text)
            .front_matter
            .and_then(|f| f.title)
            .and_then(|t| gwr_extract::infer::title_year_of(&t));
        if let (Some(fy), Some(y)) = (fm_year, meta.report_year) {
            let ok = fy == y || (december && delivered_year == Some(fy));
            if !ok {
                year_problem = Some(format!(
                    "the front matter's title names {fy}, but the report's year is read as {y}"
                ));
            }
        }
    }
    let place_problem = place_expected(&rel).and_then(|want| {
        (meta.place_zh != want).then(|| {
            format!(
                "folder place {want}, but the place is read as {}",
                meta.place_zh
            )
        })
    });
    Ok(Checked {
        path: rel,
        meta,
        year_problem,
        place_problem,
    })
}

/// The national reports of the JSON Lines file (rows with a `year`), against that year.
fn check_national(path: &Path) -> Result<Vec<Checked>> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let row: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), i + 1))?;
        let Some(year) = row["year"].as_str().and_then(|y| y.parse::<i32>().ok()) else {
            continue;
        };
        let content = row["content"].as_str().unwrap_or_default();
        let meta = infer_meta_with(content, "r", &Hints::default());
        let year_problem = (meta.report_year != Some(year)).then(|| {
            format!(
                "year field {year}, but the report's year is read as {}",
                meta.report_year
                    .map_or_else(|| "unknown".to_string(), |y| y.to_string())
            )
        });
        let place_problem = (meta.place_zh != "中华人民共和国").then(|| {
            format!(
                "a national report, but the place is read as {}",
                meta.place_zh
            )
        });
        out.push(Checked {
            path: format!("national-gwr-1954-2025.jsonl:{} ({year})", i + 1),
            meta,
            year_problem,
            place_problem,
        });
    }
    Ok(out)
}
