//! Putting a finished output in place without ever losing the previous one.
//!
//! The contract (ARCHITECTURE.md, "Crash safety of `--out`"):
//!
//! 1. The new output is written into a staging folder beside `--out`,
//!    `.NAME.gwr-tmp-PID-NONCE` (unique per run), then every file and folder of it is synced.
//! 2. An earlier output is renamed to `.NAME.gwr-old-PID-NONCE`, the staging folder is renamed
//!    to `NAME`, and the parent folder is synced after each rename. If the second rename fails,
//!    the first is undone.
//! 3. Only then is the backup renamed to `.NAME.gwr-del-PID-NONCE` and deleted.
//!
//! A run killed at any moment leaves `NAME` holding the old or the new output, except between
//! the two renames of step 2, where `NAME` is missing and `.NAME.gwr-old-…` holds the old one.
//! The next run (of any gwr extract into `NAME`) recognises the leftovers of runs whose process
//! is gone: it puts a `gwr-old` back when `NAME` is missing, and deletes `gwr-tmp`, `gwr-del`
//! and (when `NAME` exists) `gwr-old` folders. Leftovers never block a run: every name is new.
//! SIGINT and SIGTERM remove the staging folder and undo a half-done swap before exiting
//! (a signal-hook thread, [`install_signal_cleanup`]); SIGKILL and power loss leave leftovers
//! the next run cleans.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::anyhow;

use crate::input::explain_io;
use crate::{Exit, Failure};

/// What a signal must undo: the staging folder, and a backup with the output it came from.
#[derive(Default)]
struct Pending {
    staging: Option<PathBuf>,
    backup: Option<(PathBuf, PathBuf)>,
}

static PENDING: Mutex<Pending> = Mutex::new(Pending {
    staging: None,
    backup: None,
});

fn pending() -> std::sync::MutexGuard<'static, Pending> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Starts a thread that, on SIGINT or SIGTERM, removes the staging folder, puts back an
/// output moved aside, and exits with 128 + the signal number (130, 143).
pub fn install_signal_cleanup() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let p = pending();
                undo(&p);
                eprintln!("gwr: interrupted; nothing was written");
                std::process::exit(128 + sig);
            }
        });
    }
}

/// Removes the staging folder and puts back a backup whose output is missing.
fn undo(p: &Pending) {
    if let Some(s) = &p.staging {
        for _ in 0..3 {
            if std::fs::remove_dir_all(s).is_ok() || !s.exists() {
                break;
            }
        }
    }
    if let Some((backup, out)) = &p.backup {
        if !out.exists() {
            std::fs::rename(backup, out).ok();
        }
    }
}

/// The parent folder of `out` (`.` for a bare name) and its file name.
fn parent_and_name(out: &Path) -> (PathBuf, String) {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    (parent, name)
}

/// A name unique to this run: the process id and a nonce from the clock.
fn run_suffix() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{}-{:x}", std::process::id(), nanos & 0xffff_ffff_ffff)
}

/// The kinds of leftover, by the tag in their name.
const TMP: &str = "gwr-tmp";
const OLD: &str = "gwr-old";
const DEL: &str = "gwr-del";

/// A leftover of an earlier run beside `out`: (kind, pid, path).
fn leftovers(out: &Path) -> Vec<(&'static str, u32, PathBuf)> {
    let (parent, name) = parent_and_name(out);
    let Ok(rd) = std::fs::read_dir(&parent) else {
        return Vec::new();
    };
    let prefix = format!(".{name}.");
    let mut found = Vec::new();
    for e in rd.flatten() {
        let f = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = f.strip_prefix(&prefix) else {
            continue;
        };
        for kind in [TMP, OLD, DEL] {
            let Some(tail) = rest.strip_prefix(kind).and_then(|t| t.strip_prefix('-')) else {
                continue;
            };
            // PID-NONCE; earlier versions wrote `gwr-tmp-PID` and backed up to `gwr-tmp-PID.old`
            let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
            let kind = if tail.ends_with(".old") { OLD } else { kind };
            if let Ok(pid) = digits.parse::<u32>() {
                found.push((kind, pid, e.path()));
            }
        }
    }
    found.sort_by(|a, b| a.2.cmp(&b.2));
    found
}

/// Whether process `pid` is running (another gwr may be writing its own staging folder).
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    #[cfg(unix)]
    {
        let Ok(p) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: kill with signal 0 only checks that the process exists; it sends nothing.
        let r = unsafe { libc::kill(p, 0) };
        r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Cleans the leftovers of earlier runs into `out` whose process is gone: puts back the
/// newest backup when `out` is missing (a run killed between its two renames), deletes the
/// rest. Returns what was done, one line each, for warnings.
pub fn clean_leftovers(out: &Path) -> Vec<String> {
    let mut done = Vec::new();
    let found: Vec<_> = leftovers(out)
        .into_iter()
        .filter(|(_, pid, _)| !alive(*pid))
        .collect();
    if !out.exists() {
        // the newest backup: the largest nonce among dead runs' gwr-old folders
        let newest = found
            .iter()
            .filter(|(k, _, p)| *k == OLD && p.is_dir())
            .max_by_key(|(_, _, p)| modified(p));
        if let Some((_, _, backup)) = newest {
            if std::fs::rename(backup, out).is_ok() {
                sync_dir(&parent_and_name(out).0);
                done.push(format!(
                    "put back the earlier output {} that an interrupted run had moved aside",
                    out.display()
                ));
            }
        }
    }
    for (_, _, p) in found {
        let Ok(md) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        let removed = if md.is_dir() {
            std::fs::remove_dir_all(&p)
        } else {
            std::fs::remove_file(&p)
        };
        if removed.is_ok() {
            done.push(format!(
                "removed {} left by an interrupted run",
                p.display()
            ));
        }
    }
    done
}

fn modified(p: &Path) -> SystemTime {
    std::fs::symlink_metadata(p)
        .and_then(|m| m.modified())
        .unwrap_or(UNIX_EPOCH)
}

/// A fresh staging folder beside `out` (so the final rename stays on one file system),
/// registered for removal on SIGINT/SIGTERM.
pub fn staging_dir(out: &Path) -> Result<PathBuf, Failure> {
    let (parent, name) = parent_and_name(out);
    let tmp = parent.join(format!(".{name}.{TMP}-{}", run_suffix()));
    std::fs::create_dir(&tmp).map_err(|e| {
        Failure::new(
            Exit::OutputUnwritable,
            anyhow!(
                "{}: cannot create the output folder: {}",
                out.display(),
                explain_io(&e)
            ),
        )
    })?;
    pending().staging = Some(tmp.clone());
    Ok(tmp)
}

/// Removes a staging folder after a failure.
pub fn discard(tmp: &Path) {
    std::fs::remove_dir_all(tmp).ok();
    pending().staging = None;
}

/// Moves the finished output `tmp` into place as `out` (see the module docs). On failure the
/// staging folder is removed and an earlier output is left (or put back) at `out`.
pub fn install(tmp: &Path, out: &Path) -> Result<(), Failure> {
    let fail = |what: &str, e: io::Error| {
        discard(tmp);
        Failure::new(
            Exit::OutputUnwritable,
            anyhow!("{}: {what}: {}", out.display(), explain_io(&e)),
        )
    };
    sync_tree(tmp).map_err(|e| fail("cannot write the output to disk", e))?;
    let (parent, name) = parent_and_name(out);
    let suffix = run_suffix();
    let backup = parent.join(format!(".{name}.{OLD}-{suffix}"));
    // Each rename happens under the lock, so a signal sees the state the disk is in.
    let step = {
        let mut p = pending();
        swap_locked(&mut p, tmp, out, &backup)
    };
    sync_dir(&parent);
    match step {
        Ok(false) => return Ok(()),
        Ok(true) => {}
        Err((what, e)) => return Err(fail(what, e)),
    }
    // the new output is in place: the backup goes, under a name no run ever restores
    let del = parent.join(format!(".{name}.{DEL}-{suffix}"));
    if std::fs::rename(&backup, &del).is_ok() {
        std::fs::remove_dir_all(&del).ok();
    } else {
        std::fs::remove_dir_all(&backup).ok();
    }
    Ok(())
}

/// The renames of [`install`], with the lock held: Ok(whether a backup was made).
fn swap_locked(
    p: &mut Pending,
    tmp: &Path,
    out: &Path,
    backup: &Path,
) -> Result<bool, (&'static str, io::Error)> {
    if !out.exists() {
        std::fs::rename(tmp, out).map_err(|e| ("cannot put the output in place", e))?;
        p.staging = None;
        return Ok(false);
    }
    std::fs::rename(out, backup).map_err(|e| ("cannot move the earlier output aside", e))?;
    p.backup = Some((backup.to_path_buf(), out.to_path_buf()));
    if let Some(parent) = backup.parent() {
        sync_dir(parent);
    }
    if let Err(e) = std::fs::rename(tmp, out) {
        std::fs::rename(backup, out).ok();
        p.backup = None;
        return Err(("cannot put the output in place", e));
    }
    p.staging = None;
    p.backup = None;
    Ok(true)
}

/// Syncs every file and folder under `dir` (and `dir` itself) to disk.
fn sync_tree(dir: &Path) -> io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let t = e.file_type()?;
        if t.is_dir() {
            sync_tree(&e.path())?;
        } else if t.is_file() {
            File::open(e.path())?.sync_all()?;
        }
    }
    sync_dir_result(dir)
}

fn sync_dir_result(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Syncs a folder's entries (after a rename in it); best effort.
fn sync_dir(dir: &Path) {
    sync_dir_result(dir).ok();
}
