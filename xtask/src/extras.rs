//! Release extras: files that go into the release folder beside the package (workbook,
//! Excel-ready CSVs, annotated report page). (Being built.)

use gwr_model::Report;

/// Extra release files as (path relative to the package folder, bytes). `texts` are the source
/// texts in the order of `reports`.
pub fn release_extras(
    _reports: &[Report],
    _texts: &[String],
) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    Ok(Vec::new())
}

/// Whether a release file is only in `dist/`, not committed at the repo root.
pub fn is_release_only(rel: &str) -> bool {
    rel.starts_with("excel/") || rel.ends_with(".xlsx") || rel.ends_with(".html")
}
