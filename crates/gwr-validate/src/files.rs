//! Check 3: every resource's file exists inside the package, and its `bytes` (or `x-bytes`)
//! and `hash` match.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde_json::Value;
use sha2::{Digest, Sha256, Sha512};

use crate::descriptor::Resource;
use crate::safe::OpenError;
use crate::Report;

/// The bytes of each resource file that could be read, by resource name.
pub(crate) type Contents = HashMap<String, Vec<u8>>;

/// Files larger than this are not read (4 GiB).
pub const MAX_FILE_BYTES: u64 = 4 << 30;

/// `root/rel` when `rel` is a relative POSIX path that stays inside `root`.
pub(crate) fn safe_join(root: &Path, rel: &str) -> Option<PathBuf> {
    if rel.is_empty() || rel.contains('\\') || rel.contains("://") || rel.starts_with('/') {
        return None;
    }
    let p = Path::new(rel);
    if p.components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return None;
    }
    Some(
        rel.split('/')
            .filter(|s| !s.is_empty() && *s != ".")
            .fold(root.to_path_buf(), |acc, s| acc.join(s)),
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads every resource's file and checks its size and hash.
pub(crate) fn check(root: &Path, resources: &[Resource], report: &mut Report) -> Contents {
    let mut contents = Contents::new();
    for r in resources {
        let path = match r.raw.get("path") {
            Some(Value::String(p)) => p.clone(),
            Some(Value::Array(_)) => {
                report.push(
                    &r.name,
                    None,
                    Some("path"),
                    "resource-path",
                    "multi-part resources (path arrays) are not supported; not checked",
                );
                continue;
            }
            _ => {
                if r.raw.get("data").is_none() {
                    report.push(
                        &r.name,
                        None,
                        Some("path"),
                        "resource-path",
                        "has neither `path` nor `data`",
                    );
                }
                continue;
            }
        };
        if path.contains("://") {
            report.push(
                &r.name,
                None,
                Some("path"),
                "resource-path",
                format!("`{path}` is remote; a published package must hold its files"),
            );
            continue;
        }
        if safe_join(root, &path).is_none() {
            report.push(
                &r.name,
                None,
                Some("path"),
                "resource-path",
                format!("`{path}` is not a relative path inside the package"),
            );
            continue;
        }
        let (file, size) = match crate::safe::open(root, &path) {
            Ok(x) => x,
            Err(e) => {
                let code = match e {
                    OpenError::Outside(_) => "resource-path",
                    _ => "file-missing",
                };
                report.push(&r.name, None, Some("path"), code, format!("`{path}`: {e}"));
                continue;
            }
        };
        if size > MAX_FILE_BYTES {
            report.push(
                &r.name,
                None,
                Some("path"),
                "file-too-large",
                format!(
                    "`{path}` has {size} bytes, over the limit of {MAX_FILE_BYTES}; not checked"
                ),
            );
            continue;
        }
        // a file far larger than the package says is not read at all: its size is wrong
        // already, and reading it would cost memory the package never announced
        if let Some(declared) = declared_bytes(r) {
            if size > read_bound(declared) {
                check_size(r, size, report);
                report.push(
                    &r.name,
                    None,
                    Some("path"),
                    "file-too-large",
                    format!(
                        "`{path}` has {size} bytes, far over the {declared} declared; not read, so its hash and rows are not checked"
                    ),
                );
                continue;
            }
        }
        let bytes = match crate::safe::read_open(file, size, MAX_FILE_BYTES) {
            Ok(b) => b,
            Err(e) => {
                report.push(
                    &r.name,
                    None,
                    Some("path"),
                    "file-missing",
                    format!("`{path}`: cannot read: {e}"),
                );
                continue;
            }
        };
        report.stats.files_checked += 1;
        check_size(r, bytes.len() as u64, report);
        check_hash(r, &bytes, report);
        contents.insert(r.name.clone(), bytes);
    }
    contents
}

/// The smallest size the resource declares (`bytes`, `x-bytes`), when it declares one.
fn declared_bytes(r: &Resource) -> Option<u64> {
    ["bytes", "x-bytes"]
        .iter()
        .filter_map(|k| r.raw.get(*k).and_then(Value::as_u64))
        .min()
}

/// The largest file read for a resource that declares `declared` bytes: an eighth more and
/// 1 MiB, room enough for edited rows to be shown, never for a file grown to gigabytes.
pub const fn read_bound(declared: u64) -> u64 {
    declared
        .saturating_add(declared / 8)
        .saturating_add(1 << 20)
}

fn check_size(r: &Resource, actual: u64, report: &mut Report) {
    let mut declared_any = false;
    for key in ["bytes", "x-bytes"] {
        let Some(v) = r.raw.get(key) else { continue };
        declared_any = true;
        match v.as_u64() {
            Some(n) if n == actual => {}
            Some(n) => report.push(
                &r.name,
                None,
                Some(key),
                "bytes",
                format!("`{key}` says {n}, the file has {actual} bytes"),
            ),
            None => report.push(
                &r.name,
                None,
                Some(key),
                "bytes",
                format!("`{key}` is {v}, not a byte count"),
            ),
        }
    }
    if !declared_any {
        report.push(
            &r.name,
            None,
            Some("bytes"),
            "bytes",
            "no `bytes` (or `x-bytes`) is declared",
        );
    }
}

fn check_hash(r: &Resource, bytes: &[u8], report: &mut Report) {
    let Some(v) = r.raw.get("hash") else {
        report.push(&r.name, None, Some("hash"), "hash", "no `hash` is declared");
        return;
    };
    let Some(h) = v.as_str() else {
        report.push(
            &r.name,
            None,
            Some("hash"),
            "hash",
            format!("`hash` is {v}, not a string"),
        );
        return;
    };
    let (alg, declared) = match h.split_once(':') {
        Some((a, d)) => (a.to_ascii_lowercase(), d.to_ascii_lowercase()),
        None => ("md5".to_string(), h.to_ascii_lowercase()),
    };
    let actual = match alg.as_str() {
        "sha256" => hex(&Sha256::digest(bytes)),
        "sha512" => hex(&Sha512::digest(bytes)),
        other => {
            report.push(
                &r.name,
                None,
                Some("hash"),
                "hash",
                format!("cannot check a `{other}` hash (sha256 and sha512 are supported)"),
            );
            return;
        }
    };
    if actual != declared {
        report.push(
            &r.name,
            None,
            Some("hash"),
            "hash",
            format!("`hash` says {alg}:{declared}, the file's {alg} is {actual}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_join_rejects_escapes() {
        let root = Path::new("/pkg");
        assert_eq!(
            safe_join(root, "data/a.csv"),
            Some(PathBuf::from("/pkg/data/a.csv"))
        );
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "data/../../x",
            "C:\\x",
            "http://x/y.csv",
        ] {
            assert_eq!(safe_join(root, bad), None, "{bad}");
        }
    }
}
