//! # gwr-validate
//!
//! Checks a data package (a folder holding `datapackage.json`) the way a careful reader would,
//! without trusting the code that wrote it:
//!
//! 1. **Profile.** `datapackage.json` against the official Data Package v2 profile (JSON
//!    Schema, shipped in `profiles/2.0/`, no network needed).
//! 2. **Rows.** Every row of every table resource against its Table Schema (types, required,
//!    enum, minimum/maximum, pattern, length, unique) and, for CSV tables, against the JSON
//!    Schema `schemas/<table>.schema.json` (each row as a JSON object, an empty cell as null);
//!    primary keys unique; foreign keys resolve (including keys into the table itself); the
//!    CSV and Parquet copies of a table identical, value for value (floats bit for bit).
//! 3. **Files.** `bytes` (or `x-bytes`) and `hash` of every resource match its file.
//! 4. **Provenance.** Every `quote` equals the code-point slice `start..end` of the report's
//!    source text (the `source-<report_id>` resource); the `reports` row's length matches that
//!    text, and so does its checksum when the original file was plain UTF-8 (`sha256` is the
//!    hash of the original file; the shipped text has its own resource `hash`); every fact's
//!    `value` equals `value_raw` × the magnitude of `unit_raw`.
//! 5. **Targets.** The consistency each `targets` row claims is recomputed from the facts it
//!    cites: implied = baseline × (1 + growth / 100), consistent iff
//!    |implied − level| ≤ tolerance × |level|.
//!
//! **It never leaves its package.** Every file is opened through `safe.rs`: the path must be
//! relative, resolve (links included) inside the package folder, and be a regular file by
//! `fstat` of the open handle (FIFOs, devices and sockets are refused without blocking); reads
//! are bounded. A file far over its declared `bytes` (`x-bytes`) is reported and not read, so
//! the memory spent on a file rejected for its size does not grow with it. The JSON Schema of
//! a table is `schemas/STEM.schema.json`, STEM from the table's own checked `path`.
//!
//! Problems are collected, never thrown: [`validate_package`] returns a [`Report`] listing each
//! [`Problem`] with its resource, 1-based data row and field. Only a missing or unreadable
//! `datapackage.json` is an error ([`ValidateError`]). Nothing here panics on any input.
//!
//! ```no_run
//! let report = gwr_validate::validate_package(std::path::Path::new("dist/gwr-reports-0.1.0"))?;
//! for p in &report.problems {
//!     println!("{p}");
//! }
//! println!("{}", report.summary());
//! # Ok::<(), gwr_validate::ValidateError>(())
//! ```
#![deny(missing_docs)]

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

mod descriptor;
mod files;
mod profile;
mod provenance;
mod rows;
mod safe;
mod table;
mod targets;
mod values;

pub use safe::kind_of;
pub use values::expected_value;

/// The largest `datapackage.json` or JSON Schema file read (64 MiB).
pub const MAX_SCHEMA_BYTES: u64 = 64 << 20;

/// At most this many problems of one code are listed per resource; the rest are counted.
pub const MAX_LISTED_PER_KIND: usize = 50;

/// Why a package could not be examined at all.
#[derive(Debug, thiserror::Error)]
pub enum ValidateError {
    /// The folder has no `datapackage.json` (or the path does not exist).
    #[error("{0}: no datapackage.json")]
    NotFound(PathBuf),
    /// `datapackage.json` exists but cannot be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// One thing wrong with a package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The resource (its `name`), or `datapackage.json` for the descriptor itself.
    pub resource: String,
    /// The 1-based data row (the header is not counted), when the problem is in a row.
    pub row: Option<usize>,
    /// The field (column), or a JSON pointer into the descriptor, when there is one.
    pub field: Option<String>,
    /// A stable kebab-case code naming the check (`hash`, `foreign-key`, `quote`, …).
    pub code: &'static str,
    /// What is wrong, readable.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.resource)?;
        if let Some(r) = self.row {
            write!(f, ": row {r}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {} [{}]", self.message, self.code)
    }
}

/// What was checked, for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Resources in the descriptor.
    pub resources: usize,
    /// Table resources read.
    pub tables: usize,
    /// Data rows read over all table resources.
    pub rows: usize,
    /// Rows checked against a JSON Schema.
    pub json_schema_rows: usize,
    /// CSV/Parquet pairs compared.
    pub pairs_compared: usize,
    /// Files whose size and hash were checked.
    pub files_checked: usize,
    /// Quotes compared with the source text.
    pub quotes_checked: usize,
    /// Fact values recomputed from `value_raw` and `unit_raw`.
    pub values_checked: usize,
    /// Fact values whose raw form could not be parsed (not checked).
    pub values_unchecked: usize,
    /// Target rows whose claims were recomputed.
    pub targets_checked: usize,
}

/// The result of validating a package.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The package folder.
    pub dir: PathBuf,
    /// The problems listed, in check order.
    pub problems: Vec<Problem>,
    /// Problems found but not listed (over [`MAX_LISTED_PER_KIND`] of one code in one resource).
    pub omitted: usize,
    /// What was checked.
    pub stats: Stats,
    listed: BTreeMap<(String, &'static str), usize>,
}

impl Report {
    /// Whether the package is valid: no problem at all.
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty() && self.omitted == 0
    }

    /// Total number of problems found, listed or not.
    pub fn problem_count(&self) -> usize {
        self.problems.len() + self.omitted
    }

    /// Whether any listed problem has this code.
    pub fn has(&self, code: &str) -> bool {
        self.problems.iter().any(|p| p.code == code)
    }

    /// The listed problems with this code.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Problem> + 'a {
        self.problems.iter().filter(move |p| p.code == code)
    }

    /// A one-paragraph summary of what was checked and found.
    pub fn summary(&self) -> String {
        let s = &self.stats;
        let mut out = format!(
            "{}: {} resources, {} tables, {} rows ({} against JSON Schemas), {} files hashed, {} CSV/Parquet pairs compared, {} quotes, {} fact values checked ({} unchecked), {} targets recomputed",
            self.dir.display(),
            s.resources,
            s.tables,
            s.rows,
            s.json_schema_rows,
            s.files_checked,
            s.pairs_compared,
            s.quotes_checked,
            s.values_checked,
            s.values_unchecked,
            s.targets_checked
        );
        if self.is_valid() {
            out.push_str(" — valid");
        } else {
            out.push_str(&format!(
                " — INVALID: {} problem{}",
                self.problem_count(),
                if self.problem_count() == 1 { "" } else { "s" }
            ));
            if self.omitted > 0 {
                out.push_str(&format!(
                    " ({} not listed: at most {MAX_LISTED_PER_KIND} per resource and kind)",
                    self.omitted
                ));
            }
        }
        out
    }

    /// Records a problem (listed unless its resource already has too many of its code).
    pub(crate) fn push(
        &mut self,
        resource: &str,
        row: Option<usize>,
        field: Option<&str>,
        code: &'static str,
        message: impl Into<String>,
    ) {
        let n = self.listed.entry((resource.to_string(), code)).or_insert(0);
        *n += 1;
        if *n > MAX_LISTED_PER_KIND {
            self.omitted += 1;
            return;
        }
        self.problems.push(Problem {
            resource: resource.to_string(),
            row,
            field: field.map(String::from),
            code,
            message: message.into(),
        });
    }
}

/// The descriptor file of a package given as its folder or as the file itself.
pub fn descriptor_path(dir: &Path) -> PathBuf {
    if dir.is_file() {
        dir.to_path_buf()
    } else {
        dir.join("datapackage.json")
    }
}

/// Validates the package in `dir` (a folder holding `datapackage.json`, or that file itself).
///
/// Every check runs even when an earlier one found problems, as far as the package can still
/// be read. Errors only when `datapackage.json` is missing or unreadable.
pub fn validate_package(dir: &Path) -> Result<Report, ValidateError> {
    let desc_path = descriptor_path(dir);
    let root = desc_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let name = desc_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| DESCRIPTOR.into());
    if std::fs::symlink_metadata(&desc_path).is_err() {
        return Err(ValidateError::NotFound(dir.to_path_buf()));
    }
    let bytes = safe::read(&root, &name, MAX_SCHEMA_BYTES).map_err(|e| ValidateError::Io {
        path: desc_path.clone(),
        source: match e {
            safe::OpenError::Io(e) => e,
            other => std::io::Error::other(other.to_string()),
        },
    })?;
    let mut report = Report {
        dir: dir.to_path_buf(),
        ..Report::default()
    };
    validate_bytes(&root, &bytes, &mut report);
    Ok(report)
}

const DESCRIPTOR: &str = "datapackage.json";

fn validate_bytes(root: &Path, bytes: &[u8], report: &mut Report) {
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            report.push(
                DESCRIPTOR,
                None,
                None,
                "descriptor-json",
                format!("not valid JSON: {e}"),
            );
            return;
        }
    };
    profile::check(&value, report);
    let mut resources = descriptor::resources(&value, report);
    for r in &mut resources {
        descriptor::resolve_schema_path(r, root, report);
    }
    report.stats.resources = resources.len();

    // 3. files: sizes and hashes; keep the bytes of text resources for provenance
    let contents = files::check(root, &resources, report);

    // 2. tables
    let tables = table::load_all(root, &resources, &contents, report);
    rows::check_all(root, &resources, &tables, report);

    // 4. provenance, 5. targets: on one copy of each table, CSV preferred
    let canonical = rows::canonical_tables(&resources, &tables);
    provenance::check(&resources, &contents, &canonical, report);
    targets::check(&canonical, report);

    // readable order: the descriptor, then each resource in descriptor order, by row
    let order: std::collections::HashMap<&str, usize> = resources
        .iter()
        .enumerate()
        .map(|(i, r)| (r.name.as_str(), i + 1))
        .collect();
    let rank = |p: &Problem| {
        let r = if p.resource == DESCRIPTOR {
            0
        } else {
            order
                .get(p.resource.as_str())
                .copied()
                .unwrap_or(usize::MAX)
        };
        (r, p.row.unwrap_or(0))
    };
    report.problems.sort_by_key(rank);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_display_has_all_parts() {
        let p = Problem {
            resource: "facts".into(),
            row: Some(3),
            field: Some("value".into()),
            code: "value",
            message: "is 1, expected 2".into(),
        };
        assert_eq!(
            p.to_string(),
            "facts: row 3: value: is 1, expected 2 [value]"
        );
    }

    #[test]
    fn caps_listed_problems() {
        let mut r = Report::default();
        for _ in 0..(MAX_LISTED_PER_KIND + 5) {
            r.push("x", None, None, "hash", "bad");
        }
        r.push("y", None, None, "hash", "bad");
        assert_eq!(r.problems.len(), MAX_LISTED_PER_KIND + 1);
        assert_eq!(r.omitted, 5);
        assert_eq!(r.problem_count(), MAX_LISTED_PER_KIND + 6);
        assert!(!r.is_valid());
    }

    #[test]
    fn malformed_json_is_a_problem_not_a_panic() {
        let mut r = Report::default();
        validate_bytes(Path::new("."), b"{\"resources\": [", &mut r);
        assert!(r.has("descriptor-json"));
        let mut r = Report::default();
        validate_bytes(Path::new("."), b"[1, 2, 3]", &mut r);
        assert!(r.has("profile"));
        let mut r = Report::default();
        validate_bytes(Path::new("."), &[0xff, 0xfe, 0x00], &mut r);
        assert!(r.has("descriptor-json"));
    }
}
