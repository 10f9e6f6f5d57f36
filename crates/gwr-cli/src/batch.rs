//! `gwr extract FOLDER`: every report of a folder, extracted in parallel into one package.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::anyhow;
use gwr_extract::extract;
use gwr_model::meta::sanitize_id;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::extract_cmd::{load_report, write_output, ExtractArgs, Extracted};
use crate::{Exit, Failure};

/// A report found in the folder.
struct Job {
    /// The text file.
    file: PathBuf,
    /// Its metadata file, when there is one.
    meta: Option<PathBuf>,
    /// The id when there is no metadata (see [`crate::source_path::report_id`]).
    stem: String,
    /// What the path says: Markdown or not, the place its folder names.
    hints: gwr_extract::infer::Hints,
    /// The file's path relative to the folder, for the progress bar.
    label: String,
}

impl Job {
    fn run(&self, year: Option<i32>) -> Result<Extracted, Failure> {
        let loaded = load_report(
            &self.file,
            self.meta.as_deref(),
            &self.stem,
            year,
            &self.hints,
        )?;
        let report = extract(&loaded.text, &loaded.meta, &loaded.info);
        Ok(Extracted { loaded, report })
    }
}

/// Runs `gwr extract` on the folder `args.file` (the output folder is already checked).
pub fn run(args: &ExtractArgs) -> Result<(), Failure> {
    let dir = &args.file;
    let jobs = discover(dir)?;
    if args.meta.is_some() {
        return Err(Failure::new(
            Exit::Usage,
            anyhow!(
                "{}: --meta describes one report and cannot be used with a folder; put each report's metadata beside it (SUB/report.toml or NAME.toml)",
                dir.display()
            ),
        ));
    }
    let bar = progress_bar(jobs.len(), args.quiet);
    let results = extract_all(&jobs, args.year, !args.skip_bad, &bar);
    bar.finish_and_clear();

    let mut done = Vec::with_capacity(jobs.len());
    let mut first_skipped: Option<Failure> = None;
    for (job, result) in jobs.iter().zip(results) {
        match result {
            Some(Ok(d)) => done.push((job, d)),
            Some(Err(f)) if args.skip_bad => {
                let msg = one_line(&f);
                let file = crate::input::for_terminal(&job.file.display().to_string());
                if msg.starts_with(&file) {
                    eprintln!("gwr: warning: skipped {msg}");
                } else {
                    eprintln!("gwr: warning: skipped {file}: {msg}");
                }
                first_skipped.get_or_insert(f);
            }
            Some(Err(f)) => return Err(f),
            // not run: an earlier report failed
            None => {}
        }
    }
    if done.is_empty() {
        return Err(match first_skipped {
            Some(f) => Failure::new(
                f.exit,
                anyhow!(
                    "{}: no report left after skipping {} bad file{} (the first: {})",
                    dir.display(),
                    jobs.len(),
                    if jobs.len() == 1 { "" } else { "s" },
                    one_line(&f)
                ),
            ),
            None => Failure::new(Exit::Other, anyhow!("{}: nothing extracted", dir.display())),
        });
    }
    refuse_duplicate_ids(&done)?;
    let n = done.len();
    let done: Vec<Extracted> = done.into_iter().map(|(_, d)| d).collect();
    let counts = write_output(&args.out, done, |m| format!("source/{}.txt", m.report_id))?;
    if !args.quiet {
        eprintln!(
            "{n} report{}: {counts} → {}",
            if n == 1 { "" } else { "s" },
            args.out.display()
        );
    }
    Ok(())
}

/// The reports of `dir`, sorted by path: every `SUB/report.txt` (metadata `SUB/report.toml`)
/// and every `NAME.txt`, `NAME.html`, `NAME.htm` (metadata `NAME.toml`) directly in it, and
/// every `NAME.md` at any depth (metadata `NAME.toml`; a folder holding `report.txt` is one
/// report and is not searched further). Names starting with `.` and `README.md` files are passed
/// over. Ids come from the path below `dir` ([`crate::source_path::report_id`]). Fails when
/// there is no report.
fn discover(dir: &Path) -> Result<Vec<Job>, Failure> {
    let missing = |at: &Path, e: std::io::Error| {
        Failure::new(
            Exit::InputMissing,
            anyhow!(
                "{}: cannot list the folder: {}",
                at.display(),
                crate::input::explain_io(&e)
            ),
        )
    };
    let mut jobs = Vec::new();
    // (folder, depth below dir)
    let mut folders = vec![(dir.to_path_buf(), 0usize)];
    while let Some((folder, depth)) = folders.pop() {
        for entry in std::fs::read_dir(&folder).map_err(|e| missing(&folder, e))? {
            let path = entry.map_err(|e| missing(&folder, e))?.path();
            let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let rel = path.strip_prefix(dir).unwrap_or(&path).to_path_buf();
            let (file, meta, stem) = if path.is_dir() {
                let file = path.join("report.txt");
                if depth == 0 && file.is_file() {
                    (file, path.join("report.toml"), sanitize_id(&name))
                } else {
                    // bounded: a link cycle cannot make it endless
                    if depth < 32 {
                        folders.push((path, depth + 1));
                    }
                    continue;
                }
            } else {
                let ext = path
                    .extension()
                    .map(|e| e.to_string_lossy().to_ascii_lowercase())
                    .unwrap_or_default();
                let markdown = crate::source_path::is_markdown(&path);
                let plain = depth == 0 && ["txt", "html", "htm"].contains(&ext.as_str());
                if !(plain || markdown) || crate::source_path::is_readme(&path) {
                    continue;
                }
                (
                    path.clone(),
                    path.with_extension("toml"),
                    crate::source_path::report_id(&rel),
                )
            };
            let label = file
                .strip_prefix(dir)
                .unwrap_or(&file)
                .display()
                .to_string();
            jobs.push(Job {
                meta: meta.is_file().then_some(meta),
                hints: crate::source_path::hints(&file),
                file,
                stem,
                label,
            });
        }
    }
    if jobs.is_empty() {
        return Err(Failure::new(
            Exit::InputMissing,
            anyhow!(
                "{}: is a folder with no reports in it (looked for SUB/report.txt, *.txt, *.html, *.htm, and *.md at any depth)",
                dir.display()
            ),
        ));
    }
    jobs.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(jobs)
}

/// A bar on stderr, drawn only when stderr is a terminal (indicatif hides it otherwise, and
/// when TERM is `dumb`) and not `quiet`.
fn progress_bar(len: usize, quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("extracting [{bar:30}] {pos}/{len} reports, {wide_msg}")
    {
        bar.set_style(style.progress_chars("## "));
    }
    bar
}

/// Runs every job over `available_parallelism()` threads; the result of job `i` is at `i`.
/// With `stop_on_error`, no job after a failed one is started (`None`): the jobs before it
/// all run, so the first failure in path order is always known.
fn extract_all(
    jobs: &[Job],
    year: Option<i32>,
    stop_on_error: bool,
    bar: &ProgressBar,
) -> Vec<Option<Result<Extracted, Failure>>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, jobs.len().max(1));
    let next = AtomicUsize::new(0);
    let first_failed = AtomicUsize::new(usize::MAX);
    let worker = || {
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(i) else { break };
            if i > first_failed.load(Ordering::Relaxed) {
                break;
            }
            bar.set_message(job.label.clone());
            let result =
                catch_unwind(AssertUnwindSafe(|| job.run(year))).unwrap_or_else(|_| Err(lost(job)));
            if stop_on_error && result.is_err() {
                first_failed.fetch_min(i, Ordering::Relaxed);
            }
            bar.inc(1);
            mine.push((i, result));
        }
        mine
    };
    let finished: Vec<(usize, Result<Extracted, Failure>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads).map(|_| s.spawn(worker)).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut results: Vec<Option<Result<Extracted, Failure>>> =
        std::iter::repeat_with(|| None).take(jobs.len()).collect();
    for (i, r) in finished {
        if let Some(slot) = results.get_mut(i) {
            *slot = Some(r);
        }
    }
    // A job before the first failure without a result was lost to a panicking thread.
    let cutoff = match stop_on_error {
        true => results.iter().position(|r| matches!(r, Some(Err(_)))),
        false => None,
    };
    for (job, slot) in jobs
        .iter()
        .zip(results.iter_mut())
        .take(cutoff.unwrap_or(jobs.len()))
    {
        if slot.is_none() {
            *slot = Some(Err(lost(job)));
        }
    }
    results
}

/// The failure of a job whose extraction panicked.
fn lost(job: &Job) -> Failure {
    Failure::new(
        Exit::Other,
        anyhow!("{}: internal error while extracting", job.file.display()),
    )
}

/// Fails when two reports share a `report_id`, naming both files.
fn refuse_duplicate_ids(done: &[(&Job, Extracted)]) -> Result<(), Failure> {
    let mut seen: BTreeMap<&str, &Job> = BTreeMap::new();
    for (job, d) in done {
        let id = d.loaded.meta.report_id.as_str();
        if let Some(first) = seen.insert(id, job) {
            let origin = if job.meta.is_none() || first.meta.is_none() {
                " (an id without metadata is made from the file name: rename the file or give it a .toml)"
            } else {
                ""
            };
            return Err(Failure::new(
                Exit::BadMeta,
                anyhow!(
                    "{} and {} both have report_id `{id}`{origin}",
                    first.file.display(),
                    job.file.display()
                ),
            ));
        }
    }
    Ok(())
}

/// A failure's message on one line, safe for a terminal (control characters escaped, long
/// values cut).
fn one_line(f: &Failure) -> String {
    crate::input::for_terminal(&format!("{:#}", f.error).replace('\n', " "))
}
