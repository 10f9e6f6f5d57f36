//! `gwr extract`.

use std::path::{Path, PathBuf};

use anyhow::anyhow;
use clap::Args;
use gwr_export::{Layout, PackageMeta, PackageWriter, SourceText};
use gwr_extract::{decode, extract, infer::infer_meta, SourceInfo};
use gwr_model::{Report, ReportMeta};

use crate::{read_input, staging_dir, Exit, Failure};

/// Examples and exit codes, shown after the options of `gwr extract --help`.
const AFTER_HELP: &str = "\
Examples:
  gwr extract report.txt --out out/                      metadata read off the text
  gwr extract report.txt --meta report.toml --out out/   metadata from report.toml
  gwr extract 2024.html --year 2024 --out out/           a saved web page, the year given
  gwr extract reports/ --out all/                        every report of a folder, one package
  gwr extract data/sources/ --out all/ --skip-bad -q     skip unreadable files, print no summary

A folder holds reports as SUB/report.txt (metadata in SUB/report.toml, id from SUB) or as
NAME.txt, NAME.html, NAME.htm (metadata in NAME.toml, id from NAME); each metadata file is
optional. Names starting with \".\" are passed over.

Exit codes: 0 done, 2 wrong command line, 3 input missing, 4 input not usable text,
5 bad metadata, 6 output not writable.";

/// Arguments of `gwr extract`.
#[derive(Args)]
#[command(after_help = AFTER_HELP)]
pub struct ExtractArgs {
    /// The report file, or a folder of reports (see below).
    ///
    /// A file may be UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, Big5, or a saved
    /// HTML page; at most 256 MiB. A folder's reports are extracted in parallel into ONE package
    /// (rows in the order of the files' paths), with a progress bar when stderr is a terminal.
    /// Example: gwr extract reports/ --out all/
    #[arg(value_name = "PATH")]
    pub file: PathBuf,
    /// Metadata of the report (report.toml: report_id, title, place_zh, report_year, …).
    ///
    /// Without it, the title, place, year and date are read off the text and the report_id is
    /// made from the file name. Only for a single file: in a folder, each report's metadata
    /// sits beside it. Example: --meta data/sources/cn-sh-baoshan-songnan-2024/report.toml
    #[arg(long, value_name = "FILE.toml")]
    pub meta: Option<PathBuf>,
    /// The report year, when the text does not say it; overrides the metadata, for every report.
    ///
    /// Example: --year 2024
    #[arg(long)]
    pub year: Option<i32>,
    /// Output folder; created, or replaced when it holds an earlier gwr output.
    ///
    /// Any other non-empty folder is refused. Nothing is written unless everything succeeded.
    /// Example: --out out/
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// With a folder: skip the reports that cannot be read or decoded or whose metadata is bad.
    ///
    /// Prints one warning line per skipped file and extracts the rest; still fails when no
    /// report is left. Without it, the first bad file (in path order) fails the whole command.
    /// Example: gwr extract reports/ --out all/ --skip-bad
    #[arg(long)]
    pub skip_bad: bool,
    /// Print neither the progress bar nor the summary line; warnings and errors still are.
    ///
    /// The progress bar is drawn only when stderr is a terminal anyway. Example: -q
    #[arg(long, short)]
    pub quiet: bool,
}

/// Runs `gwr extract`.
pub fn run(args: &ExtractArgs) -> Result<(), Failure> {
    check_out(&args.out)?;
    if args.file.is_dir() {
        return crate::batch::run(args);
    }
    let stem = args
        .file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("report");
    let loaded = load_report(&args.file, args.meta.as_deref(), stem, args.year)?;
    let report = extract(&loaded.text, &loaded.meta, &loaded.info);
    let done = vec![Extracted { loaded, report }];
    let counts = write_output(&args.out, done, |_| "source/report.txt".into())?;
    if !args.quiet {
        eprintln!("{}: {counts} → {}", args.file.display(), args.out.display());
    }
    Ok(())
}

/// One report read, decoded and described, ready to extract.
pub(crate) struct Loaded {
    /// Its metadata, given or read off the text.
    pub meta: ReportMeta,
    /// The decoded text all offsets count into.
    pub text: String,
    /// Encoding and checksum of the file.
    pub info: SourceInfo,
}

/// One report extracted.
pub(crate) struct Extracted {
    /// What it was extracted from.
    pub loaded: Loaded,
    /// Its rows.
    pub report: Report,
}

/// Reads and decodes `file` and loads its metadata: from `meta_file` when given, else read off
/// the text with `stem` for the id. `year` overrides the report year.
pub(crate) fn load_report(
    file: &Path,
    meta_file: Option<&Path>,
    stem: &str,
    year: Option<i32>,
) -> Result<Loaded, Failure> {
    let bytes = read_input(file)?;
    let decoded = decode::decode(&bytes)
        .map_err(|e| Failure::new(Exit::InputNotText, anyhow!("{}: {}", file.display(), e)))?;
    let meta = load_meta(file, meta_file, stem, year, &decoded.text)?;
    let sha256 = decode::sha256_hex(&bytes);
    if let Some(expected) = meta.sha256.as_deref().filter(|e| *e != sha256) {
        return Err(Failure::new(
            Exit::BadMeta,
            anyhow!(
                "{}: records sha256 {expected}, but {} has sha256 {sha256}",
                meta_file.unwrap_or(Path::new("metadata")).display(),
                file.display()
            ),
        ));
    }
    Ok(Loaded {
        meta,
        info: SourceInfo {
            encoding: decoded.encoding,
            sha256,
        },
        text: decoded.text,
    })
}

/// Writes the package of `done` (in this order) into `out` through a staging folder, the
/// source text of each at `source_path(meta)`; returns the counts for the summary line.
pub(crate) fn write_output(
    out: &Path,
    done: Vec<Extracted>,
    source_path: impl Fn(&ReportMeta) -> String,
) -> Result<String, Failure> {
    let mut output = Output::new(out, source_path);
    for d in done {
        output.add(d)?;
    }
    output.finish()
}

/// The package of `gwr extract`, written report by report into a staging folder and moved to
/// `out` when finished: each report's rows go to the table files as it is added and are then
/// dropped, so memory does not grow with the number of reports.
///
/// The first report is held until a second arrives: a package of one report is named after it
/// (`gwr-<report_id>`, a name that goes into every Parquet file), one of several `gwr-reports`.
pub(crate) struct Output<'a, P: Fn(&ReportMeta) -> String> {
    out: &'a Path,
    source_path: P,
    /// The staging folder, once writing started; removed unless the output was installed.
    tmp: Option<PathBuf>,
    writer: Option<PackageWriter>,
    /// The first report, until it is known whether it is the only one.
    held: Option<Extracted>,
    /// Metadata of the first report.
    first: Option<ReportMeta>,
    /// Reports added.
    n: usize,
    /// The latest delivery date.
    created: Option<String>,
    /// Rows of sections, paragraphs, facts, targets, quality issues.
    counts: [usize; 5],
}

impl<'a, P: Fn(&ReportMeta) -> String> Output<'a, P> {
    /// An output into `out`, the source text of each report at `source_path(meta)`.
    pub(crate) fn new(out: &'a Path, source_path: P) -> Self {
        Output {
            out,
            source_path,
            tmp: None,
            writer: None,
            held: None,
            first: None,
            n: 0,
            created: None,
            counts: [0; 5],
        }
    }

    fn failure(&self, e: gwr_export::ExportError) -> Failure {
        Failure::new(
            Exit::OutputUnwritable,
            anyhow!("{}: {}", self.out.display(), e),
        )
    }

    /// Adds one report (after the ones added before).
    pub(crate) fn add(&mut self, d: Extracted) -> Result<(), Failure> {
        self.n += 1;
        if let Some(date) = &d.loaded.meta.delivered_date {
            if self.created.as_ref().is_none_or(|c| date > c) {
                self.created = Some(date.clone());
            }
        }
        let r = &d.report;
        for (c, n) in self.counts.iter_mut().zip([
            r.sections.len(),
            r.paragraphs.len(),
            r.facts.len(),
            r.targets.len(),
            r.quality_issues.len(),
        ]) {
            *c += n;
        }
        if self.n == 1 {
            self.first = Some(d.loaded.meta.clone());
            self.held = Some(d);
            return Ok(());
        }
        if self.writer.is_none() {
            self.start("gwr-reports".into())?;
            if let Some(first) = self.held.take() {
                self.write(first)?;
            }
        }
        self.write(d)
    }

    fn start(&mut self, name: String) -> Result<(), Failure> {
        let tmp = staging_dir(self.out)?;
        self.tmp = Some(tmp.clone());
        let glossary = gwr_extract::glossary_rows();
        let w = PackageWriter::create(&tmp, Layout::FLAT, &name, VERSION, &glossary)
            .map_err(|e| self.failure(e))?;
        self.writer = Some(w);
        Ok(())
    }

    fn write(&mut self, d: Extracted) -> Result<(), Failure> {
        let Extracted { loaded, report } = d;
        let source = SourceText {
            report_id: loaded.meta.report_id.clone(),
            path: (self.source_path)(&loaded.meta),
            bytes: loaded.text.into_bytes(),
            title: loaded.meta.title,
            url: loaded.meta.source_url,
        };
        let Some(w) = self.writer.as_mut() else {
            return Err(Failure::new(
                Exit::Other,
                anyhow!("internal error: output not started"),
            ));
        };
        let done = w.add_rows(&report).and_then(|()| w.add_source(&source));
        done.map_err(|e| self.failure(e))
    }

    /// Finishes the package, moves it to `out` and returns the counts for the summary line.
    pub(crate) fn finish(mut self) -> Result<String, Failure> {
        let Some(first) = self.first.take() else {
            return Err(Failure::new(Exit::Other, anyhow!("nothing extracted")));
        };
        let release = package_meta(self.n, self.created.clone(), &first);
        if self.writer.is_none() {
            self.start(release.name.clone())?;
            if let Some(only) = self.held.take() {
                self.write(only)?;
            }
        }
        let Some(writer) = self.writer.take() else {
            return Err(Failure::new(
                Exit::Other,
                anyhow!("internal error: output not started"),
            ));
        };
        writer.finish(&release).map_err(|e| self.failure(e))?;
        if let Some(tmp) = self.tmp.take() {
            install(&tmp, self.out)?;
        }
        let [sections, paragraphs, facts, targets, issues] = self.counts;
        Ok(format!(
            "{sections} sections, {paragraphs} paragraphs, {facts} facts, {targets} targets, {issues} quality issues"
        ))
    }
}

impl<P: Fn(&ReportMeta) -> String> Drop for Output<'_, P> {
    /// A package not finished leaves nothing behind.
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            std::fs::remove_dir_all(&tmp).ok();
        }
    }
}

/// The version of every extract output.
const VERSION: &str = "0.0.0";

/// The package metadata of an extract output of `n` reports, the first of them `first`: named
/// after its one report, or `gwr-reports` for several; created on the latest delivery date.
fn package_meta(n: usize, created: Option<String>, first: &ReportMeta) -> PackageMeta {
    let created = created
        .map(|d| format!("{d}T00:00:00Z"))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let mut release = PackageMeta {
        name: "gwr-reports".into(),
        version: VERSION.into(),
        title_en: format!("Government work reports as data: {n} reports"),
        title_zh: format!("{n} 份政府工作报告"),
        description_en: "Tables extracted by gwr from a folder of government work reports.".into(),
        description_zh: "由 gwr 从一个文件夹的政府工作报告提取的数据表。".into(),
        homepage: "https://example.invalid/gwr".into(),
        created,
        keywords: vec!["政府工作报告".into()],
        licenses: vec![],
        contributors: vec![],
    };
    if n == 1 {
        let meta = first;
        release.name = format!("gwr-{}", meta.report_id);
        release.title_en = format!("Government work report as data: {}", meta.report_id);
        release.title_zh = if meta.title.is_empty() {
            meta.place_zh.clone()
        } else {
            meta.title.clone()
        };
        release.description_en = "Tables extracted by gwr from one government work report.".into();
        release.description_zh = "由 gwr 从一份政府工作报告提取的数据表。".into();
    }
    release
}

fn load_meta(
    file: &Path,
    meta_file: Option<&Path>,
    stem: &str,
    year: Option<i32>,
    text: &str,
) -> Result<ReportMeta, Failure> {
    let bad = |e: anyhow::Error| Failure::new(Exit::BadMeta, e);
    let mut meta = match meta_file {
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
        None => infer_meta(text, stem),
    };
    if let Some(y) = year {
        meta.report_year = y;
    }
    if meta.report_year == 0 {
        return Err(bad(anyhow!(
            "{}: the text does not say the report year; give --year, or report_year in its metadata",
            file.display()
        )));
    }
    meta.validate()
        .map_err(|e| bad(anyhow!("{}: {}", file.display(), e)))?;
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
