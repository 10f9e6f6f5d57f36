//! `gwr extract`.

use std::path::{Path, PathBuf};

use anyhow::anyhow;
use clap::Args;
use gwr_export::{write_package, Layout, PackageInput, PackageMeta, SourceText};
use gwr_extract::{decode, extract, infer::infer_meta, SourceInfo};
use gwr_model::ReportMeta;

use crate::{read_input, staging_dir, Exit, Failure};

/// Arguments of `gwr extract`.
#[derive(Args)]
pub struct ExtractArgs {
    /// The report text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, or an HTML page.
    pub file: PathBuf,
    /// Metadata of the report (report.toml: report_id, title, place_zh, report_year, …).
    /// Without it, the title, place, year and date are read off the text.
    #[arg(long, value_name = "FILE.toml")]
    pub meta: Option<PathBuf>,
    /// The report year, when there is no --meta and the text does not say it.
    #[arg(long)]
    pub year: Option<i32>,
    /// Output folder; created, or replaced when it holds an earlier gwr output.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

/// Runs `gwr extract`.
pub fn run(args: &ExtractArgs) -> Result<(), Failure> {
    check_out(&args.out)?;
    let bytes = read_input(&args.file)?;
    let decoded = decode::decode(&bytes).map_err(|e| {
        Failure::new(
            Exit::InputNotText,
            anyhow!("{}: {}", args.file.display(), e),
        )
    })?;
    let meta = load_meta(args, &decoded.text)?;
    let sha256 = decode::sha256_hex(&bytes);
    if let Some(expected) = meta.sha256.as_deref().filter(|e| *e != sha256) {
        return Err(Failure::new(
            Exit::BadMeta,
            anyhow!(
                "{}: records sha256 {expected}, but {} has sha256 {sha256}",
                args.meta
                    .as_deref()
                    .unwrap_or(Path::new("metadata"))
                    .display(),
                args.file.display()
            ),
        ));
    }
    let source = SourceInfo {
        encoding: decoded.encoding.clone(),
        sha256,
    };
    let report = extract(&decoded.text, &meta, &source);

    let tmp = staging_dir(&args.out)?;
    let release = PackageMeta {
        name: format!("gwr-{}", meta.report_id),
        version: "0.0.0".into(),
        title_en: format!("Government work report as data: {}", meta.report_id),
        title_zh: if meta.title.is_empty() {
            meta.place_zh.clone()
        } else {
            meta.title.clone()
        },
        description_en: "Tables extracted by gwr from one government work report.".into(),
        description_zh: "由 gwr 从一份政府工作报告提取的数据表。".into(),
        homepage: "https://example.invalid/gwr".into(),
        created: meta
            .delivered_date
            .clone()
            .map(|d| format!("{d}T00:00:00Z"))
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".into()),
        keywords: vec!["政府工作报告".into()],
        licenses: vec![],
        contributors: vec![],
    };
    let glossary = gwr_extract::glossary_rows();
    let reports = [report];
    let input = PackageInput {
        meta: &release,
        reports: &reports,
        glossary: &glossary,
        sources: vec![SourceText {
            report_id: meta.report_id.clone(),
            path: "source/report.txt".into(),
            bytes: decoded.text.into_bytes(),
            title: meta.title.clone(),
            url: meta.source_url.clone(),
        }],
    };
    let written = write_package(&tmp, &input, &Layout::FLAT);
    if let Err(e) = written {
        std::fs::remove_dir_all(&tmp).ok();
        return Err(Failure::new(
            Exit::OutputUnwritable,
            anyhow!("{}: {}", args.out.display(), e),
        ));
    }
    install(&tmp, &args.out)?;
    let r = &reports[0];
    eprintln!(
        "{}: {} sections, {} paragraphs, {} facts, {} targets, {} quality issues → {}",
        args.file.display(),
        r.sections.len(),
        r.paragraphs.len(),
        r.facts.len(),
        r.targets.len(),
        r.quality_issues.len(),
        args.out.display()
    );
    Ok(())
}

fn load_meta(args: &ExtractArgs, text: &str) -> Result<ReportMeta, Failure> {
    let bad = |e: anyhow::Error| Failure::new(Exit::BadMeta, e);
    let mut meta = match &args.meta {
        Some(path) => {
            let raw = read_input(path)?;
            let s = String::from_utf8(raw)
                .map_err(|_| bad(anyhow!("{}: not UTF-8 text", path.display())))?;
            let meta: ReportMeta = toml::from_str(&s)
                .map_err(|e| bad(anyhow!("{}: {}", path.display(), toml_error_line(&e))))?;
            meta.validate()
                .map_err(|e| bad(anyhow!("{}: {}", path.display(), e)))?;
            meta
        }
        None => {
            let stem = args
                .file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("report");
            infer_meta(text, stem)
        }
    };
    if let Some(y) = args.year {
        meta.report_year = y;
    }
    if meta.report_year == 0 {
        return Err(bad(anyhow!(
            "{}: the text does not say the report year; give --year or --meta",
            args.file.display()
        )));
    }
    meta.validate()
        .map_err(|e| bad(anyhow!("{}: {}", args.file.display(), e)))?;
    Ok(meta)
}

/// Refuses an output path that is a file, the current folder or one of its parents, or a
/// non-empty folder that is not an earlier `gwr extract` output (a `gwr-…` package holding only
/// what gwr writes). Anything else would be deleted when the new output replaces it.
fn check_out(out: &Path) -> Result<(), Failure> {
    let refuse = |why: &str| {
        Failure::new(
            Exit::OutputUnwritable,
            anyhow!("{}: {}", out.display(), why),
        )
    };
    if out.is_file() {
        return Err(refuse("is a file, not a folder"));
    }
    if !out.is_dir() {
        return Ok(());
    }
    if let (Ok(cwd), Ok(abs)) = (std::env::current_dir(), out.canonicalize()) {
        if cwd.starts_with(&abs) {
            return Err(refuse(
                "is the current folder or one of its parents; choose a new folder",
            ));
        }
    }
    let entries: Vec<String> = std::fs::read_dir(out)
        .map_err(|e| refuse(&e.to_string()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if entries.is_empty() {
        return Ok(());
    }
    let ours = |name: &str| {
        name == "datapackage.json"
            || name.ends_with(".csv")
            || name.ends_with(".parquet")
            || ["schemas", "glossary", "source"].contains(&name)
    };
    let is_gwr_package = std::fs::read_to_string(out.join("datapackage.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| {
            v.get("name")
                .and_then(|n| n.as_str())
                .map(|n| n.starts_with("gwr-"))
        })
        .unwrap_or(false);
    if !is_gwr_package || !entries.iter().all(|e| ours(e)) {
        return Err(refuse(
            "folder exists and is not an earlier gwr output (of gwr extract); choose an empty or new folder",
        ));
    }
    Ok(())
}

/// Moves the finished output into place. An earlier output is first renamed aside and only
/// deleted once the new one is in place, so a failure loses neither.
fn install(tmp: &Path, out: &Path) -> Result<(), Failure> {
    let fail = |e: std::io::Error| {
        std::fs::remove_dir_all(tmp).ok();
        Failure::new(Exit::OutputUnwritable, anyhow!("{}: {}", out.display(), e))
    };
    if !out.exists() {
        return std::fs::rename(tmp, out).map_err(fail);
    }
    let backup = tmp.with_extension("old");
    std::fs::rename(out, &backup).map_err(fail)?;
    if let Err(e) = std::fs::rename(tmp, out) {
        std::fs::rename(&backup, out).ok();
        return Err(fail(e));
    }
    std::fs::remove_dir_all(&backup).ok();
    Ok(())
}

/// A TOML error as one line: the message and, when known, the key or line it is about.
fn toml_error_line(e: &toml::de::Error) -> String {
    let full = e.to_string();
    let snippet: Vec<&str> = full
        .lines()
        .map(str::trim)
        .filter(|l| l.contains('=') && !l.starts_with('|') && !l.starts_with('^'))
        .collect();
    let at = snippet
        .first()
        .map(|l| {
            format!(
                " (at `{}`)",
                l.trim_start_matches(|c: char| c.is_ascii_digit() || c == '|' || c == ' ')
            )
        })
        .unwrap_or_default();
    format!("{}{}", e.message().trim(), at)
}
