//! # gwr-export
//!
//! Model → files: every table of [`gwr_model`] as CSV and Parquet (through arrow and parquet),
//! written report by report ([`PackageWriter`]) so memory does not grow with the package, the JSON Schema of each table's rows, and a Frictionless Data Package v2
//! descriptor (`datapackage.json`) that lists every file with its `bytes`, `hash` and full Table
//! Schema.
//!
//! Output is deterministic: the same reports and metadata give the same bytes (no clock is read;
//! the package's `created` comes from its metadata).
//!
//! ```no_run
//! use gwr_export::{write_package, Layout, PackageInput, PackageMeta};
//! # fn demo(meta: PackageMeta, reports: Vec<gwr_model::Report>) -> Result<(), gwr_export::ExportError> {
//! let input = PackageInput { meta: &meta, reports: &reports, glossary: &[], sources: vec![], reference: &[] };
//! let files = write_package(std::path::Path::new("out"), &input, &Layout::PUBLISH)?;
//! println!("{} files written", files.len());
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

pub mod arrow_schema;
pub mod cells;
pub mod columns;
pub mod dictionary;
pub mod excel_csv;
pub mod html;
pub mod package;
pub mod stream;
pub mod write;
pub mod xlsx;

pub use columns::{Columns, Values};
pub use package::{
    write_package, Contributor, Layout, License, PackageInput, PackageMeta, PackageWriter,
    SourceText, WrittenFile,
};

/// What can go wrong while exporting.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A row could not be laid out as the table's schema says.
    #[error("table {0}: {1}")]
    Shape(String, String),
    /// Arrow or Parquet failed.
    #[error("table {0}: parquet: {1}")]
    Parquet(String, String),
    /// Writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// The package metadata is unusable.
    #[error("package metadata: {0}")]
    Meta(String),
    /// Linking targets to outcomes across the reports failed.
    #[error("table target_outcomes: {0}")]
    Panel(#[from] gwr_panel::PanelError),
}

/// SHA-256 of `bytes`, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
