//! Excel-ready copies of the CSV tables (`excel/<table>.csv` in a release).
//!
//! Excel opens a CSV as UTF-8 only when the file starts with a byte-order mark; without one it
//! guesses the machine's ANSI code page and the Chinese text turns into mojibake. These copies
//! are therefore the canonical CSV bytes (see [`crate::write::csv_bytes`]) with two changes:
//!
//! - a UTF-8 BOM (`EF BB BF`) in front;
//! - records end in CRLF, as RFC 4180 says and as Excel itself writes CSV. A line break
//!   *inside* a quoted field stays a bare LF, so every cell value is byte for byte the value of
//!   the canonical file (Excel shows it as a line break within the cell).
//!
//! The canonical `data/*.csv` stay BOM-free with LF line ends, the form most tools expect.

use crate::write::csv_bytes;
use crate::{Columns, ExportError};

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Folder of the Excel-ready copies in a release.
pub const EXCEL_DIR: &str = "excel";

/// The Excel-ready form of canonical CSV bytes: a BOM, then the same records with CRLF record
/// ends (line breaks inside quoted fields are kept as they are).
pub fn excel_csv_from_canonical(canonical: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(canonical.len() + canonical.len() / 32 + BOM.len());
    out.extend_from_slice(BOM);
    let mut quoted = false;
    let mut prev = 0u8;
    for &b in canonical {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted && prev != b'\r' => out.push(b'\r'),
            _ => {}
        }
        out.push(b);
        prev = b;
    }
    out
}

/// The canonical form back from the Excel-ready form: the BOM dropped and CRLF record ends
/// turned into LF. `canonical_from_excel(&excel_csv_from_canonical(x)) == x` for every CSV `x`
/// whose record ends are bare LF.
pub fn canonical_from_excel(excel: &[u8]) -> Vec<u8> {
    let body = excel.strip_prefix(BOM).unwrap_or(excel);
    let mut out = Vec::with_capacity(body.len());
    let mut quoted = false;
    let mut iter = body.iter().peekable();
    while let Some(&b) = iter.next() {
        if b == b'"' {
            quoted = !quoted;
        }
        if b == b'\r' && !quoted && iter.peek() == Some(&&b'\n') {
            continue;
        }
        out.push(b);
    }
    out
}

/// The Excel-ready CSV of one table.
pub fn excel_csv_bytes(cols: &Columns) -> Result<Vec<u8>, ExportError> {
    Ok(excel_csv_from_canonical(&csv_bytes(cols)?))
}

/// Every table's Excel-ready CSV as (`excel/<table>.csv`, bytes), in the order of `tables`.
pub fn excel_csvs(tables: &[Columns]) -> Result<Vec<(String, Vec<u8>)>, ExportError> {
    tables
        .iter()
        .map(|c| Ok((format!("{EXCEL_DIR}/{}.csv", c.table), excel_csv_bytes(c)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_ends_become_crlf_but_quoted_breaks_stay() {
        let canonical = b"a,b\n1,\"x\ny\"\n2,\"q\"\"\n\"\n";
        let excel = excel_csv_from_canonical(canonical);
        assert_eq!(
            excel,
            b"\xEF\xBB\xBFa,b\r\n1,\"x\ny\"\r\n2,\"q\"\"\n\"\r\n".to_vec()
        );
        assert_eq!(canonical_from_excel(&excel), canonical.to_vec());
    }
}
