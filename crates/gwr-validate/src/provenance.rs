//! Check 4: quotes against the source texts, the `reports` rows against their texts, and fact
//! values against how they were written.
//!
//! A `reports` row's `sha256` is the hash of the original file (GB18030, UTF-16, a saved web
//! page…), which the package does not ship; the shipped text is checked against its own
//! resource `hash`. The row's `sha256` is compared with the shipped text only when its
//! `encoding` is plain `UTF-8`, the one case in which the file and the text are the same bytes.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use crate::descriptor::Resource;
use crate::files::Contents;
use crate::profile::truncate;
use crate::table::{Cell, Table};
use crate::values::{close, expected_value};
use crate::Report;

/// The source text of each report, as chars, loaded on first use.
struct Sources<'a> {
    contents: &'a Contents,
    resources: &'a [Resource],
    texts: HashMap<String, Option<(Vec<char>, String)>>,
}

impl<'a> Sources<'a> {
    /// The text of `report_id` (chars, sha256) or `None` (reported once per table).
    fn get(
        &mut self,
        report_id: &str,
        table: &str,
        report: &mut Report,
    ) -> Option<&(Vec<char>, String)> {
        if !self.texts.contains_key(report_id) {
            let name = format!("source-{report_id}");
            let loaded = if !self.resources.iter().any(|r| r.name == name) {
                report.push(
                    table,
                    None,
                    Some("report_id"),
                    "source",
                    format!("the package has no resource `{name}` with the text of report `{report_id}`; its quotes are not checked"),
                );
                None
            } else if let Some(bytes) = self.contents.get(&name) {
                match std::str::from_utf8(bytes) {
                    Ok(s) => Some((s.chars().collect(), hex(&Sha256::digest(bytes)))),
                    Err(e) => {
                        report.push(
                            &name,
                            None,
                            None,
                            "source",
                            format!("the source text is not UTF-8: {e}"),
                        );
                        None
                    }
                }
            } else {
                None // unreadable: reported by the file check
            };
            self.texts.insert(report_id.to_string(), loaded);
        }
        self.texts.get(report_id).and_then(Option::as_ref)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn offset(c: &Cell) -> Option<usize> {
    c.as_i64().and_then(|i| usize::try_from(i).ok())
}

/// Runs the provenance checks on the canonical copy of each table.
pub(crate) fn check(
    resources: &[Resource],
    contents: &Contents,
    tables: &[(&Resource, &Table)],
    report: &mut Report,
) {
    let mut sources = Sources {
        contents,
        resources,
        texts: HashMap::new(),
    };
    for (_, t) in tables {
        if ["report_id", "start", "end", "quote"]
            .iter()
            .all(|f| t.has(f))
        {
            quotes(t, &mut sources, report);
        }
        if ["report_id", "sha256", "char_count"]
            .iter()
            .all(|f| t.has(f))
        {
            report_rows(t, &mut sources, report);
        }
        if ["value", "value_raw"].iter().all(|f| t.has(f)) {
            values(t, report);
        }
    }
}

fn quotes(t: &Table, sources: &mut Sources<'_>, report: &mut Report) {
    for (i, row) in t.rows.iter().enumerate() {
        let row_no = i + 1;
        let Some(rid) = t.get(row, "report_id").as_str() else {
            continue;
        };
        let Some((chars, _)) = sources.get(rid, &t.resource, report) else {
            continue;
        };
        let (Some(start), Some(end)) = (offset(t.get(row, "start")), offset(t.get(row, "end")))
        else {
            continue; // null or ill-typed: reported by the row checks
        };
        let Some(quote) = t.get(row, "quote").as_str() else {
            continue;
        };
        report.stats.quotes_checked += 1;
        if start > end || end > chars.len() {
            report.push(
                &t.resource,
                Some(row_no),
                Some("start,end"),
                "offset",
                format!(
                    "{start}..{end} is not a span of the source text of `{rid}` ({} code points)",
                    chars.len()
                ),
            );
            continue;
        }
        let actual: String = chars
            .get(start..end)
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        if actual != quote {
            report.push(
                &t.resource,
                Some(row_no),
                Some("quote"),
                "quote",
                format!(
                    "{:?} is not the source text at {start}..{end}, which reads {:?}",
                    truncate(quote, 60),
                    truncate(&actual, 60)
                ),
            );
        }
        // sections: the content runs on from the heading
        if let Some(ce) = offset(t.get(row, "content_end")) {
            if ce < end || ce > chars.len() {
                report.push(
                    &t.resource,
                    Some(row_no),
                    Some("content_end"),
                    "offset",
                    format!(
                        "content_end {ce} is not between end {end} and the text's length {}",
                        chars.len()
                    ),
                );
            }
        }
    }
}

/// The `encoding` of a source file that was plain UTF-8 (no BOM, not HTML): its bytes are the
/// text the package ships, so its `sha256` must equal the shipped text's.
const PLAIN_UTF8: &str = "UTF-8";

fn report_rows(t: &Table, sources: &mut Sources<'_>, report: &mut Report) {
    for (i, row) in t.rows.iter().enumerate() {
        let row_no = i + 1;
        let Some(rid) = t.get(row, "report_id").as_str() else {
            continue;
        };
        let Some((chars, sha)) = sources.get(rid, &t.resource, report) else {
            continue;
        };
        // `sha256` is the hash of the original file, before decoding; the package ships the
        // decoded text as UTF-8 (checked against its own resource `hash` by the file check).
        // The two are the same bytes only when the file was plain UTF-8 without a BOM.
        let plain_utf8 = t.get(row, "encoding").as_str() == Some(PLAIN_UTF8);
        if let (true, Some(claimed)) = (plain_utf8, t.get(row, "sha256").as_str()) {
            if claimed != sha {
                report.push(
                    &t.resource,
                    Some(row_no),
                    Some("sha256"),
                    "source",
                    format!("says {claimed}, but the file was plain UTF-8 and the source text's sha256 is {sha}"),
                );
            }
        }
        let n = chars.len();
        if let Some(c) = offset(t.get(row, "char_count")) {
            if c != n {
                report.push(
                    &t.resource,
                    Some(row_no),
                    Some("char_count"),
                    "source",
                    format!("says {c}, the source text has {n} code points"),
                );
            }
        }
        if let (Some(s), Some(e)) = (
            offset(t.get(row, "body_start")),
            offset(t.get(row, "body_end")),
        ) {
            if s > e || e > n {
                report.push(
                    &t.resource,
                    Some(row_no),
                    Some("body_start,body_end"),
                    "offset",
                    format!("{s}..{e} is not a span of the source text ({n} code points)"),
                );
            }
        }
    }
}

fn values(t: &Table, report: &mut Report) {
    for (i, row) in t.rows.iter().enumerate() {
        let row_no = i + 1;
        let (Some(value), Some(raw)) = (
            t.get(row, "value").as_f64(),
            t.get(row, "value_raw").as_str(),
        ) else {
            continue;
        };
        let unit_raw = t.get(row, "unit_raw").as_str().unwrap_or("");
        let Some((want, want_max)) = expected_value(raw, unit_raw) else {
            report.stats.values_unchecked += 1;
            continue;
        };
        report.stats.values_checked += 1;
        let max = t.get(row, "value_max").as_f64();
        // A signed range is stored in numeric order: 下降8%至10% is value -10, value_max -8,
        // so the written ends swap places when the values are negative.
        let negative = value < 0.0 || max.is_some_and(|m| m < 0.0);
        let (want_value, want_max, value_end, max_end) = match want_max {
            Some(m) if negative => (m, Some(want), "upper", "lower"),
            _ => (want, want_max, "lower", "upper"),
        };
        if !close(value.abs(), want_value) {
            let of = if max.is_some() && want_max.is_some() {
                format!(" (its {value_end} end as written)")
            } else {
                String::new()
            };
            report.push(
                &t.resource,
                Some(row_no),
                Some("value"),
                "value",
                format!(
                    "{} disagrees with value_raw {raw:?} × unit_raw {unit_raw:?} = {}{of}",
                    crate::table::num_text(value),
                    crate::table::num_text(want_value)
                ),
            );
        }
        if let (Some(max), Some(want_max)) = (max, want_max) {
            if !close(max.abs(), want_max) {
                report.push(
                    &t.resource,
                    Some(row_no),
                    Some("value_max"),
                    "value",
                    format!(
                        "{} disagrees with the {max_end} end of {raw:?}{unit_raw} = {}",
                        crate::table::num_text(max),
                        crate::table::num_text(want_max)
                    ),
                );
            }
        }
    }
}
