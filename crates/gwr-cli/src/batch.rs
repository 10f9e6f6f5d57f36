//! `gwr extract FOLDER`: every report of a folder, extracted in parallel into one package,
//! written report by report in path order.

use std::collections::{BTreeMap, HashMap};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

use anyhow::anyhow;
use gwr_extract::extract;
use gwr_model::meta::sanitize_id;
use gwr_model::ReportMeta;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::extract_cmd::{load_report, ExtractArgs, Extracted, Output};
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
///
/// Reports are extracted on every core and written in path order as they come (see
/// [`extract_in_order`]): at most a few reports are in memory at any time, whatever the size
/// of the folder.
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
    let mut output = Output::new(&args.out, |m: &ReportMeta| {
        format!("source/{}.txt", m.report_id)
    });
    let mut n = 0;
    let mut first_skipped: Option<Failure> = None;
    // report_id → the job that has it. A clash is reported once every report was read, so a
    // bad file (which fails the command) still wins over it, as before.
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut clash: Option<Failure> = None;
    let consumed = extract_in_order(&jobs, args.year, &bar, |i, result| {
        let job = &jobs[i];
        match result {
            Ok(d) => {
                if clash.is_some() {
                    return Ok(());
                }
                if let Some(&first) = ids.get(&d.loaded.meta.report_id) {
                    clash = Some(duplicate_id(&jobs[first], job, &d.loaded.meta.report_id));
                    return Ok(());
                }
                ids.insert(d.loaded.meta.report_id.clone(), i);
                n += 1;
                output.add(d)
            }
            Err(f) if args.skip_bad => {
                let msg = one_line(&f);
                let file = crate::input::for_terminal(&job.file.display().to_string());
                if msg.starts_with(&file) {
                    eprintln!("gwr: warning: skipped {msg}");
                } else {
                    eprintln!("gwr: warning: skipped {file}: {msg}");
                }
                first_skipped.get_or_insert(f);
                Ok(())
            }
            Err(f) => Err(f),
        }
    });
    bar.finish_and_clear();
    consumed?;
    if let Some(f) = clash {
        return Err(f);
    }
    if n == 0 {
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
    let counts = output.finish()?;
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

/// How many reports extraction may run ahead of the writer, per thread: with the threads'
/// own, the bound on the reports held in memory at once.
const AHEAD_PER_THREAD: usize = 2;

/// Runs every job over `available_parallelism()` threads and hands each result to `consume`
/// in job order (`consume(i, result of job i)`), on the calling thread, as soon as it and all
/// before it are done. A job is started only when it is fewer than
/// `AHEAD_PER_THREAD × threads` jobs ahead of the next one to consume, so a slow report never
/// lets the finished ones after it pile up. When `consume` fails, no further job is started
/// and its error is returned: every job before the failing one was consumed, so the first
/// failure in path order is the one reported.
fn extract_in_order(
    jobs: &[Job],
    year: Option<i32>,
    bar: &ProgressBar,
    mut consume: impl FnMut(usize, Result<Extracted, Failure>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, jobs.len().max(1));
    let ahead = AHEAD_PER_THREAD * threads;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // the index of the next job to consume, and the signal that it moved
    let turn = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel::<(usize, Result<Extracted, Failure>)>();
    std::thread::scope(|s| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop, turn) = (&next, &stop, &turn);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                {
                    let mut due = turn.0.lock().unwrap_or_else(PoisonError::into_inner);
                    while i >= *due + ahead && !stop.load(Ordering::Relaxed) {
                        due = turn.1.wait(due).unwrap_or_else(PoisonError::into_inner);
                    }
                }
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                bar.set_message(job.label.clone());
                let result = catch_unwind(AssertUnwindSafe(|| job.run(year)))
                    .unwrap_or_else(|_| Err(lost(job)));
                bar.inc(1);
                if tx.send((i, result)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut waiting: BTreeMap<usize, Result<Extracted, Failure>> = BTreeMap::new();
        let mut due = 0;
        let mut outcome = Ok(());
        'results: for (i, result) in rx.iter() {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&due) {
                outcome = consume(due, result);
                due += 1;
                let failed = outcome.is_err();
                if failed {
                    stop.store(true, Ordering::Relaxed);
                }
                *turn.0.lock().unwrap_or_else(PoisonError::into_inner) = due;
                turn.1.notify_all();
                if failed {
                    break 'results;
                }
            }
        }
        drop(rx);
        // a job whose thread died without sending its result
        while outcome.is_ok() && due < jobs.len() {
            outcome = consume(due, Err(lost(&jobs[due])));
            due += 1;
        }
        outcome
    })
}

/// The failure of a job whose extraction panicked.
fn lost(job: &Job) -> Failure {
    Failure::new(
        Exit::Other,
        anyhow!("{}: internal error while extracting", job.file.display()),
    )
}

/// The failure of two reports sharing a `report_id`, naming both files.
fn duplicate_id(first: &Job, job: &Job, id: &str) -> Failure {
    let origin = if job.meta.is_none() || first.meta.is_none() {
        " (an id without metadata is made from the file name: rename the file or give it a .toml)"
    } else {
        ""
    };
    Failure::new(
        Exit::BadMeta,
        anyhow!(
            "{} and {} both have report_id `{id}`{origin}",
            first.file.display(),
            job.file.display()
        ),
    )
}

/// A failure's message on one line, safe for a terminal (control characters escaped, long
/// values cut).
fn one_line(f: &Failure) -> String {
    crate::input::for_terminal(&format!("{:#}", f.error).replace('\n', " "))
}
