//! Reading input files safely, and saying what went wrong in words a person can act on.
//!
//! [`read_input`] opens the path first and then asks the OPEN handle what it is (`fstat`), so
//! the answer cannot change between the check and the read. Only regular files are read; a
//! symbolic link is followed, and accepted only when it ends at a regular file. FIFOs, devices
//! and sockets are refused at once: the open itself never blocks (`O_NONBLOCK`, which a
//! regular file ignores), and nothing is read from them. The size limit is enforced while
//! reading (`take(limit + 1)`), never trusting the size the file system reports.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use anyhow::anyhow;

use crate::{Exit, Failure};

/// Reads a file for the command line: a regular file (or a link to one) of at most
/// [`gwr_extract::decode::MAX_INPUT_BYTES`], mapping every failure to its exit code.
pub fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    read_limited(path, gwr_extract::decode::MAX_INPUT_BYTES)
}

/// [`read_input`] with the limit given.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, Failure> {
    let missing = |e: &io::Error| {
        Failure::new(
            Exit::InputMissing,
            anyhow!("{}: {}", path.display(), explain_io(e)),
        )
    };
    let file = open_nonblocking(path).map_err(|e| missing(&e))?;
    let md = file.metadata().map_err(|e| missing(&e))?;
    if !md.is_file() {
        return Err(Failure::new(
            Exit::InputMissing,
            anyhow!(
                "{}: is {}, not a regular file; only regular files are read",
                path.display(),
                kind_of(&md.file_type())
            ),
        ));
    }
    let over = |size: String| {
        Failure::new(
            Exit::InputNotText,
            anyhow!(
                "{}: {size} bytes is over the limit of {limit} bytes; split the report or give a shorter file",
                path.display()
            ),
        )
    };
    // the reported size may refuse a file at once, but never lets one through: the limit
    // holds while reading
    if md.len() > limit {
        return Err(over(md.len().to_string()));
    }
    let mut bytes = Vec::with_capacity(md.len() as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Failure::new(
                Exit::InputMissing,
                anyhow!("{}: cannot read: {}", path.display(), explain_io(&e)),
            )
        })?;
    if bytes.len() as u64 > limit {
        return Err(over("more than".into()));
    }
    Ok(bytes)
}

/// Opens `path` for reading without ever blocking: a FIFO with no writer would otherwise hang
/// the open. `O_NONBLOCK` changes nothing for regular files.
fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK);
    }
    opts.open(path)
}

pub(crate) use gwr_validate::kind_of;

/// An OS error as a sentence that says what to do, with the system's own words after it.
pub fn explain_io(e: &io::Error) -> String {
    let hint = match e.raw_os_error() {
        Some(libc::ENOENT) => "does not exist; check the path",
        Some(libc::EACCES) | Some(libc::EPERM) => {
            "permission denied; check the permissions, or use a path you may read and write"
        }
        Some(libc::EBUSY) => {
            "is busy (used by another program, or a mount point); close the program or choose another path"
        }
        Some(libc::ENOSPC) | Some(libc::EDQUOT) => {
            "the disk is full (or over quota); free some space or choose another folder"
        }
        Some(libc::EROFS) => "is on a read-only file system; choose a folder you can write to",
        Some(libc::ELOOP) => "has a loop of symbolic links; point it at a real file",
        Some(libc::ENAMETOOLONG) => "the path is too long; use a shorter one",
        Some(libc::ENOTDIR) => "a part of the path is a file, not a folder; check the path",
        Some(libc::EISDIR) => "is a folder, not a file",
        Some(libc::EXDEV) => {
            "cannot be moved across file systems; choose an output folder on the same disk"
        }
        Some(libc::EIO) => "the disk reported an input/output error; check the device",
        Some(libc::EMFILE) | Some(libc::ENFILE) => {
            "too many files are open; close some programs and try again"
        }
        Some(libc::ETXTBSY) => "is in use by a running program; close it and try again",
        Some(libc::ENOTEMPTY) => "is a folder that is not empty",
        _ => match e.kind() {
            io::ErrorKind::NotFound => "does not exist; check the path",
            io::ErrorKind::PermissionDenied => "permission denied; check the permissions",
            io::ErrorKind::InvalidData => "is not valid data",
            _ => "",
        },
    };
    let os = os_message(e);
    if hint.is_empty() {
        os
    } else {
        format!("{hint} ({os})")
    }
}

/// The system's message without Rust's ` (os error N)` suffix.
fn os_message(e: &io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" (os error ") {
        Some(i) if s.ends_with(')') => s[..i].to_string(),
        _ => s,
    }
}

/// A message made safe for a terminal: every control character (ESC, BEL, CR, …) escaped as
/// `\u{1b}`, and every run of more than [`MAX_WORD`] non-blank characters (a 5000-character id,
/// a pasted document) cut in the middle with an ellipsis.
pub fn for_terminal(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len().min(4096));
    let mut word: Vec<char> = Vec::new();
    let flush = |word: &mut Vec<char>, out: &mut String| {
        if word.len() > MAX_WORD {
            let head: String = word[..MAX_WORD / 2].iter().collect();
            let tail: String = word[word.len() - MAX_WORD / 4..].iter().collect();
            out.push_str(&head);
            out.push('…');
            out.push_str(&tail);
        } else {
            out.extend(word.iter());
        }
        word.clear();
    };
    for c in msg.chars() {
        if c == ' ' {
            flush(&mut word, &mut out);
            out.push(c);
        } else if c.is_control() || is_bidi_control(c) {
            word.extend(c.escape_unicode());
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Longest run of non-blank characters kept whole in a message.
pub const MAX_WORD: usize = 160;

/// Unicode controls that reorder text on a terminal (a path could read backwards).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        let s = for_terminal("id x\u{1b}]0;PWNED\u{7} is bad\r\n");
        assert_eq!(s, "id x\\u{1b}]0;PWNED\\u{7} is bad\\u{d}\\u{a}");
        assert!(!s.chars().any(|c| c.is_control()));
    }

    #[test]
    fn long_words_are_cut() {
        let id = "a".repeat(5000);
        let s = for_terminal(&format!("report_id `{id}` is bad"));
        assert!(s.chars().count() < 300, "{s}");
        assert!(s.contains('…') && s.ends_with("` is bad"));
        let short = "report.txt: is a folder";
        assert_eq!(for_terminal(short), short);
    }

    #[test]
    fn os_errors_say_what_to_do() {
        let e = io::Error::from_raw_os_error(libc::EBUSY);
        let s = explain_io(&e);
        assert!(s.starts_with("is busy"), "{s}");
        assert!(!s.contains("os error"), "{s}");
    }
}
