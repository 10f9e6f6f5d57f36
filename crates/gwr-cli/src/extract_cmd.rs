//! `gwr extract`.

use std::path::{Path, PathBuf};

use anyhow::anyhow;
use clap::Args;
use gwr_export::{Layout, PackageMeta, PackageWriter, SourceText};
use gwr_extract::infer::{infer_meta_with, Hints};
use gwr_extract::{decode, extract, SourceInfo};
use gwr_model::{Report, ReportMeta, YearBasis};

use crate::input::explain_io;
use crate::swap::{discard, install, staging_dir};
use crate::{read_input, Exit, Failure};

/// Examples and exit codes, shown after the options of `gwr extract --help`.
const AFTER_HELP: &str = "\
Examples:
  gwr extract report.txt --out out/                      metadata read off the text
  gwr extract report.txt --meta report.toml --out out/   metadata from report.toml
  gwr extract 2024.html --year 2024 --out out/           a saved web page, the year given
  gwr extract reports/ --out all/                        every report of a folder, one package
  gwr extract data/sources/ --out all/ --skip-bad -q     skip unreadable files, print no summary

A folder holds reports as SUB/report.txt (metadata in SUB/report.toml, id from SUB), as
NAME.txt, NAME.html, NAME.htm (metadata in NAME.toml, id from NAME), and as NAME.md at any
depth (Markdown with an optional YAML front matter; id from the path below the folder, Chinese
in pinyin: 福建省/2024.md → fujiansheng-2024); each metadata file is optional. Names starting
with \".\" and README.md files are passed over. A report whose year nobody can tell is still
extracted, its report_year left empty, with a warning.

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
    crate::swap::install_signal_cleanup();
    for done in crate::swap::clean_leftovers(&args.out) {
        eprintln!("gwr: note: {}", crate::input::for_terminal(&done));
    }
    check_out(&args.out)?;
    if args.file.is_dir() {
        return crate::batch::run(args);
    }
    let stem = crate::source_path::report_id(Path::new(
        args.file.file_name().unwrap_or(args.file.as_os_str()),
    ));
    let hints = crate::source_path::hints(&args.file);
    let loaded = load_report(&args.file, args.meta.as_deref(), &stem, args.year, &hints)?;
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
/// the text with `stem` for the id. `year` overrides the report year. A year nobody can tell
/// is no failure: it stays empty and a warning line says so.
pub(crate) fn load_report(
    file: &Path,
    meta_file: Option<&Path>,
    stem: &str,
    year: Option<i32>,
    hints: &Hints,
) -> Result<Loaded, Failure> {
    let bytes = read_input(file)?;
    let decoded = decode::decode(&bytes)
        .map_err(|e| Failure::new(Exit::InputNotText, anyhow!("{}: {}", file.display(), e)))?;
    let meta = load_meta(file, meta_file, stem, year, &decoded.text, hints)?;
    if meta.report_year.is_none() {
        eprintln!(
            "gwr: warning: {}: the text does not say the report year: report_year left empty (give --year, or report_year in its metadata)",
            file.display()
        );
    }
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
            markdown: hints.markdown,
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
        let why = match (&e, &self.tmp) {
            // name the file inside the output, not inside the (removed) staging folder
            (gwr_export::ExportError::Io { path, source }, Some(tmp)) => format!(
                "cannot write {}: {}",
                path.strip_prefix(tmp).unwrap_or(path).display(),
                explain_io(source)
            ),
            _ => e.to_string(),
        };
        Failure::new(
            Exit::OutputUnwritable,
            anyhow!("{}: {why}", self.out.display()),
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
            stall_for_tests();
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
            discard(&tmp);
        }
    }
}

/// Waits `GWR_TEST_STALL_MS` milliseconds with the staging folder written, when that variable
/// is set: lets the tests send a signal at that moment (tests/hostile.rs). Unset, it does
/// nothing.
fn stall_for_tests() {
    if let Some(ms) = std::env::var("GWR_TEST_STALL_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms.min(60_000)));
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
    hints: &Hints,
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
        None => infer_meta_with(text, stem, hints),
    };
    if let Some(y) = year {
        meta.report_year = Some(y);
        meta.report_year_basis = Some(YearBasis::Metadata);
    } else if meta_file.is_some() && meta.report_year.is_none() {
        // metadata without a year: read it off the text
        let read = infer_meta_with(text, stem, hints);
        meta.report_year = read.report_year;
        meta.report_year_basis = read.report_year_basis;
    }
    meta.validate()
        .map_err(|e| bad(anyhow!("{}: {}", file.display(), e)))?;
    Ok(meta)
}

/// Refuses an output path that is a file or a symbolic link, the current folder or one of its
/// parents, or a non-empty folder that is not exactly an earlier `gwr extract` output: a
/// `gwr-…` package every file of which is listed in its own `datapackage.json` (a resource
/// `path`), is that file, or is the JSON Schema `schemas/NAME.schema.json` of a listed table
/// `NAME.csv`. Anything else (a user's `my-analysis.csv`, `source/notes.docx`, `schemas/mine/`,
/// an empty folder of their own) would be deleted with it, so the folder is refused, naming
/// what is in the way.
fn check_out(out: &Path) -> Result<(), Failure> {
    let refuse = |why: &str| {
        Failure::new(
            Exit::OutputUnwritable,
            anyhow!("{}: {}", out.display(), why),
        )
    };
    let Ok(md) = std::fs::symlink_metadata(out) else {
        return Ok(());
    };
    if md.file_type().is_symlink() {
        return Err(refuse(
            "is a symbolic link; give the folder it points to, or a new folder",
        ));
    }
    if !md.is_dir() {
        return Err(refuse(&format!(
            "is {}, not a folder",
            if md.is_file() {
                "a file"
            } else {
                crate::input::kind_of(&md.file_type())
            }
        )));
    }
    if let (Ok(cwd), Ok(abs)) = (std::env::current_dir(), out.canonicalize()) {
        if cwd.starts_with(&abs) {
            return Err(refuse(
                "is the current folder or one of its parents; choose a new folder",
            ));
        }
    }
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    let mut others = Vec::new();
    walk(out, "", &mut files, &mut dirs, &mut others)
        .map_err(|e| refuse(&format!("cannot list the folder: {}", explain_io(&e))))?;
    if files.is_empty() && dirs.is_empty() && others.is_empty() {
        return Ok(());
    }
    let not_ours = "is not an earlier gwr output (of gwr extract); choose an empty or new folder";
    let descriptor = std::fs::symlink_metadata(out.join("datapackage.json"))
        .ok()
        .filter(|m| m.is_file() && m.len() <= 64 << 20)
        .and_then(|_| std::fs::read(out.join("datapackage.json")).ok())
        .and_then(|t| serde_json::from_slice::<serde_json::Value>(&t).ok());
    let Some(descriptor) = descriptor.filter(|v| {
        v.get("name")
            .and_then(|n| n.as_str())
            .is_some_and(|n| n.starts_with("gwr-"))
    }) else {
        return Err(refuse(&format!("holds files and {not_ours}")));
    };
    let listed = listed_paths(&descriptor);
    let stems: Vec<&str> = listed
        .iter()
        .filter_map(|p| p.rsplit('/').next())
        .filter_map(|f| f.rsplit_once('.').map(|(s, _)| s))
        .collect();
    let ours = |f: &str| {
        f == "datapackage.json"
            || listed.iter().any(|l| l == f)
            || f.strip_prefix("schemas/")
                .and_then(|n| n.strip_suffix(".schema.json"))
                .is_some_and(|n| stems.contains(&n))
    };
    let mut foreign: Vec<String> = files.iter().filter(|f| !ours(f)).cloned().collect();
    // a folder is ours when it holds one of our files
    foreign.extend(
        dirs.iter()
            .filter(|d| {
                let prefix = format!("{d}/");
                !files.iter().any(|f| ours(f) && f.starts_with(&prefix))
            })
            .map(|d| format!("{d}/")),
    );
    foreign.extend(others);
    if foreign.is_empty() {
        return Ok(());
    }
    foreign.sort();
    let more = match foreign.len() {
        1 => String::new(),
        n => format!(" and {} more", n - 1),
    };
    Err(refuse(&format!(
        "holds `{}`{more}, which gwr did not write; gwr replaces a folder only when it holds an earlier gwr output and nothing else, so nothing of yours is deleted: move them away or choose another --out",
        foreign[0]
    )))
}

/// The resource paths of a descriptor (a `path` string, or each string of a `path` array).
fn listed_paths(descriptor: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for r in descriptor
        .get("resources")
        .and_then(|r| r.as_array())
        .into_iter()
        .flatten()
    {
        match r.get("path") {
            Some(serde_json::Value::String(p)) => out.push(p.clone()),
            Some(serde_json::Value::Array(a)) => {
                out.extend(a.iter().filter_map(|p| p.as_str()).map(String::from))
            }
            _ => {}
        }
    }
    out
}

/// Lists `dir` (without following links): regular files and folders by their path relative
/// to the top with `/`, anything else (links, FIFOs, …) into `others`.
fn walk(
    dir: &Path,
    rel: &str,
    files: &mut Vec<String>,
    dirs: &mut Vec<String>,
    others: &mut Vec<String>,
) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        let path = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        let t = e.file_type()?;
        if t.is_dir() {
            dirs.push(path.clone());
            walk(&e.path(), &path, files, dirs, others)?;
        } else if t.is_file() {
            files.push(path);
        } else {
            others.push(path);
        }
    }
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
