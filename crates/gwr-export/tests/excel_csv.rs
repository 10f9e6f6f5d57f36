//! The Excel-ready CSVs: a BOM, CRLF record ends, and otherwise the canonical CSV bytes.

#[path = "xlsx_common/mod.rs"]
mod common;

use gwr_export::excel_csv::{canonical_from_excel, excel_csvs, BOM};
use gwr_export::write::csv_bytes;
use gwr_export::xlsx::package_columns;

#[test]
fn bom_then_the_canonical_content() {
    let tables = package_columns(&[common::report()], &common::glossary()).unwrap();
    let files = excel_csvs(&tables).unwrap();
    assert_eq!(files.len(), tables.len());
    for ((path, bytes), cols) in files.iter().zip(&tables) {
        assert_eq!(path, &format!("excel/{}.csv", cols.table));
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
        assert_eq!(&bytes[..3], BOM);
        let canonical = csv_bytes(cols).unwrap();
        assert!(!canonical.starts_with(BOM), "the canonical CSV has no BOM");
        assert_eq!(canonical_from_excel(bytes), canonical, "{path}");
        // One CRLF per record (header + rows); the canonical file has no CR at all here.
        assert!(!canonical.contains(&b'\r'));
        let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
        assert_eq!(crlf, cols.len + 1, "{path}");
    }
    // The targets note holds a line break inside a quoted field: it stays a bare LF.
    let targets = &files
        .iter()
        .find(|(p, _)| p == "excel/targets.csv")
        .unwrap()
        .1;
    let text = std::str::from_utf8(targets).unwrap();
    assert!(text.contains("\"测试, \"\"note\"\"\nline two\""), "{text}");
}
