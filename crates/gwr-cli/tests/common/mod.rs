//! Helpers shared by the CLI tests that run the binary (`mod common;`): fresh sandboxes,
//! copies of the committed package, and running `gwr` with a deadline while measuring its
//! peak memory.
#![allow(dead_code)]

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The repository root (holding the committed package).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh, empty folder for one test: `CARGO_TARGET_TMPDIR/<group>/<name>`.
pub fn sandbox(group: &str, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(group)
        .join(name);
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("clear sandbox");
    }
    fs::create_dir_all(&dir).expect("create sandbox");
    dir
}

/// Copies a folder tree (regular files and folders).
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// A copy of the committed package (datapackage.json, data/, schemas/) in `dir/pkg`.
pub fn copy_package(dir: &Path) -> PathBuf {
    let pkg = dir.join("pkg");
    let root = repo_root();
    fs::create_dir_all(&pkg).unwrap();
    fs::copy(root.join("datapackage.json"), pkg.join("datapackage.json")).unwrap();
    copy_dir(&root.join("data"), &pkg.join("data"));
    copy_dir(&root.join("schemas"), &pkg.join("schemas"));
    pkg
}

/// What a run of the binary gave.
#[derive(Debug)]
pub struct Run {
    /// The exit code (None when killed by a signal).
    pub code: Option<i32>,
    /// The signal that ended it, if any.
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// Peak resident memory of the process, in KiB (`wait4`'s `ru_maxrss`).
    pub max_rss_kib: i64,
    /// Wall time until it exited.
    pub elapsed: Duration,
}

/// A `gwr` command with `args`, run in `cwd`.
pub fn gwr_cmd(args: &[&str], cwd: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_gwr"));
    c.args(args).current_dir(cwd);
    c
}

/// Runs `cmd`, killing it and failing the test when it has not exited after `deadline` (a
/// hang is the defect these tests look for; the deadline is generous, never a speed check).
// the child is reaped by wait4 (which also gives its peak memory), not by Child::wait
#[allow(clippy::zombie_processes)]
pub fn run(mut cmd: Command, deadline: Duration) -> Run {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gwr");
    let out = child.stdout.take().unwrap();
    let err = child.stderr.take().unwrap();
    let read = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            let _ = r.read_to_end(&mut s);
            String::from_utf8_lossy(&s).into_owned()
        })
    };
    let (to, te) = (read(Box::new(out)), read(Box::new(err)));
    let pid = child.id() as libc::pid_t;
    let start = Instant::now();
    loop {
        let mut status = 0;
        // SAFETY: a zeroed rusage is a valid value; wait4 fills it for our own child.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let r = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if r == pid {
            let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
            let signal = libc::WIFSIGNALED(status).then(|| libc::WTERMSIG(status));
            return Run {
                code,
                signal,
                stdout: to.join().unwrap(),
                stderr: te.join().unwrap(),
                max_rss_kib: usage.ru_maxrss,
                elapsed: start.elapsed(),
            };
        }
        if start.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gwr did not finish within {deadline:?} (it hangs)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Entries of `dir` whose name starts with `.` (staging folders, backups).
pub fn hidden_entries(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

/// Makes a FIFO (named pipe) at `path`.
pub fn mkfifo(path: &Path) {
    let st = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(st.success());
}
