//! Opening a file of the package without ever leaving the package.
//!
//! Every file the validator reads goes through [`open`]: the relative path must pass
//! [`crate::files::safe_join`] (no `..`, no absolute path, no URL), the joined path is resolved
//! with all its symbolic links (`canonicalize`) and must still lie inside the resolved package
//! folder, and the file is opened without following a last link and without blocking
//! (`O_NOFOLLOW | O_NONBLOCK`: a FIFO with no writer would hang a plain open). The OPEN handle
//! is then asked what it is (`fstat`): anything but a regular file (FIFO, device, socket,
//! folder) is refused before a byte is read. Reads are bounded by a limit given by the caller,
//! enforced while reading (`take(limit + 1)`), never trusting the reported size.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Why a file of the package was not read.
#[derive(Debug)]
pub(crate) enum OpenError {
    /// The path is not a relative path inside the package, or resolves (through a symbolic
    /// link) to somewhere outside it.
    Outside(String),
    /// It is not a regular file: what it is instead.
    NotRegular(&'static str),
    /// Larger than the limit the caller set.
    TooLarge { size: u64, limit: u64 },
    /// The OS refused.
    Io(io::Error),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Outside(why) => write!(f, "{why}; only files inside the package are read"),
            OpenError::NotRegular(kind) => {
                write!(f, "is {kind}, not a regular file; not read")
            }
            OpenError::TooLarge { size, limit } => {
                write!(
                    f,
                    "has {size} bytes or more, over the limit of {limit}; not read"
                )
            }
            OpenError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Opens `rel` inside the package folder `root`: the open regular file and its size.
pub(crate) fn open(root: &Path, rel: &str) -> Result<(File, u64), OpenError> {
    let joined = crate::files::safe_join(root, rel)
        .ok_or_else(|| OpenError::Outside("is not a relative path inside the package".into()))?;
    let real_root = canonical(root)?;
    let real = canonical(&joined)?;
    if !real.starts_with(&real_root) {
        return Err(OpenError::Outside(
            "leads outside the package (through a symbolic link)".into(),
        ));
    }
    let file = open_nonblocking(&real).map_err(OpenError::Io)?;
    let md = file.metadata().map_err(OpenError::Io)?;
    if !md.is_file() {
        return Err(OpenError::NotRegular(kind_of(&md.file_type())));
    }
    Ok((file, md.len()))
}

/// Reads `rel` inside `root` ([`open`]), at most `limit` bytes.
pub(crate) fn read(root: &Path, rel: &str, limit: u64) -> Result<Vec<u8>, OpenError> {
    let (file, size) = open(root, rel)?;
    read_open(file, size, limit)
}

/// Reads an open file of reported size `size`, at most `limit` bytes.
pub(crate) fn read_open(file: File, size: u64, limit: u64) -> Result<Vec<u8>, OpenError> {
    if size > limit {
        return Err(OpenError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(OpenError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(OpenError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

fn canonical(p: &Path) -> Result<PathBuf, OpenError> {
    p.canonicalize().map_err(OpenError::Io)
}

fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    opts.open(path)
}

/// What a file that is not a regular file is, with an article (`a FIFO (named pipe)`): for
/// messages that refuse it (the validator's and `gwr extract`'s).
pub fn kind_of(t: &std::fs::FileType) -> &'static str {
    if t.is_dir() {
        return "a folder";
    }
    if t.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn sandbox(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("gwr-validate-safe-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&d).ok();
        std::fs::create_dir_all(d.join("pkg/data")).unwrap();
        d
    }

    #[test]
    fn symlinks_out_of_the_package_are_refused() {
        let d = sandbox("link");
        std::fs::write(d.join("secret.txt"), "secret").unwrap();
        std::os::unix::fs::symlink(d.join("secret.txt"), d.join("pkg/data/a.csv")).unwrap();
        std::os::unix::fs::symlink(d.join("pkg/data"), d.join("pkg/inner")).unwrap();
        std::fs::write(d.join("pkg/data/b.csv"), "b").unwrap();
        let root = d.join("pkg");
        assert!(matches!(
            read(&root, "data/a.csv", 100),
            Err(OpenError::Outside(_))
        ));
        // a link that stays inside is followed
        assert_eq!(read(&root, "inner/b.csv", 100).unwrap(), b"b");
        assert!(matches!(
            read(&root, "../secret.txt", 100),
            Err(OpenError::Outside(_))
        ));
        std::fs::remove_dir_all(&d).ok();
    }

    #[test]
    fn devices_and_oversize_files_are_not_read() {
        let d = sandbox("dev");
        let root = d.join("pkg");
        std::os::unix::fs::symlink("/dev/zero", root.join("data/z.csv")).unwrap();
        // /dev/zero is outside the package: refused before it is opened
        assert!(matches!(
            read(&root, "data/z.csv", 100),
            Err(OpenError::Outside(_))
        ));
        std::fs::write(root.join("data/big.csv"), vec![b'x'; 1000]).unwrap();
        assert!(matches!(
            read(&root, "data/big.csv", 999),
            Err(OpenError::TooLarge { size: 1000, .. })
        ));
        std::fs::remove_dir_all(&d).ok();
    }
}
