//! Release extras: files that go into the release folder beside the package, for readers who
//! do not use the data package itself. They are only in `dist/`, never committed at the repo
//! root (see [`is_release_only`]):
//!
//! - `<name>.xlsx`: the workbook — a data-dictionary sheet and one sheet per table;
//! - `excel/<table>.csv`: the tables as Excel opens them (UTF-8 BOM, CRLF record ends);
//! - `report.html` (or `report-<report_id>.html` per report when there are several): the
//!   report text with every fact and suspect spot marked.

use anyhow::{bail, Context, Result};
use gwr_export::excel_csv::excel_csvs;
use gwr_export::html::{report_html, report_page_name};
use gwr_export::xlsx::{package_columns_with_reference, workbook_bytes, workbook_file_name};
use gwr_export::PackageMeta;
use gwr_model::Report;

/// Extra release files as (path relative to the package folder, bytes). `texts` are the source
/// texts in the order of `reports`; `reference` the reports whose national targets stand beside
/// the package's in `target_outcomes` (see `gwr_export::PackageInput::reference`).
pub fn release_extras(
    meta: &PackageMeta,
    reports: &[Report],
    reference: &[Report],
    texts: &[String],
) -> Result<Vec<(String, Vec<u8>)>> {
    if reports.len() != texts.len() {
        bail!("{} reports but {} source texts", reports.len(), texts.len());
    }
    let glossary = gwr_extract::glossary_rows();
    let tables = package_columns_with_reference(reports, reference, &glossary)
        .context("lay out the tables")?;
    let mut out = Vec::new();
    out.push((
        workbook_file_name(meta),
        workbook_bytes(meta, &tables).context("build the workbook")?,
    ));
    out.extend(excel_csvs(&tables).context("build the Excel CSVs")?);
    for (i, (report, text)) in reports.iter().zip(texts).enumerate() {
        let id = report
            .report
            .as_ref()
            .map(|r| r.report_id.clone())
            .unwrap_or_else(|| format!("{}", i + 1));
        out.push((
            report_page_name(&id, reports.len()),
            report_html(report, text, meta).into_bytes(),
        ));
    }
    Ok(out)
}

/// Whether a release file is only in `dist/`, not committed at the repo root.
pub fn is_release_only(rel: &str) -> bool {
    rel.starts_with("excel/") || rel.ends_with(".xlsx") || rel.ends_with(".html")
}
