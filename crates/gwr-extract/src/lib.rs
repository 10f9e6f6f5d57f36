//! # gwr-extract
//!
//! Text of a government work report (政府工作报告) → [`gwr_model::Report`]: its sections,
//! paragraphs, quantitative facts, targets and quality issues.
//!
//! Extraction never fails on decodable text: [`extract`] always returns a report, and whatever
//! it could not do cleanly is in [`Report::diagnostics`](gwr_model::Report). Only decoding
//! bytes ([`decode`]) can fail. Every offset is a Unicode code-point offset into the text
//! exactly as given, and every `quote` equals the text between its `start` and `end`.
//!
//! ```
//! use gwr_extract::extract;
//! use gwr_model::ReportMeta;
//!
//! let text = "各位代表:\n\n一、2023年工作回顾\n\n全年完成区级财政收入5.87亿元,同比增加14.5%。\n";
//! let meta = ReportMeta { report_id: "demo-2024".into(), place_zh: "某镇".into(), report_year: Some(2024), ..Default::default() };
//! let report = extract(text, &meta, &gwr_extract::SourceInfo::utf8(text));
//! assert_eq!(report.sections.len(), 1);
//! ```
#![deny(missing_docs)]

pub mod decode;
pub mod facts;
pub mod glossary;
pub mod ids;
pub mod infer;
pub mod kind;
pub mod lexicon;
pub mod markdown;
pub mod normal;
pub mod numbers;
pub mod places;
pub mod quality;
pub mod structure;
pub mod targets;
pub mod text;

use gwr_model::{DocumentKind, Report, ReportMeta, ReportRow};

/// What is known of the file the text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    /// Name of the encoding the bytes were decoded from (UTF-8, GB18030, UTF-16LE…).
    pub encoding: String,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
    /// Whether the text is Markdown (a `.md` file): its markup is layout (see [`markdown`]).
    /// A text that opens with a `---` front matter line is read as Markdown anyway.
    pub markdown: bool,
}

impl SourceInfo {
    /// Source info for text that was given as UTF-8 (hashes the text's bytes).
    pub fn utf8(text: &str) -> Self {
        SourceInfo {
            encoding: "UTF-8".into(),
            sha256: decode::sha256_hex(text.as_bytes()),
            markdown: false,
        }
    }
}

/// Extracts every table from one report's text.
///
/// A Markdown text (`source.markdown`, or a text opening with a `---` front matter) is read
/// through [`markdown::Markdown::analysis`], its markup blanked out; offsets and quotes still
/// count into `text` as given.
pub fn extract(text: &str, meta: &ReportMeta, source: &SourceInfo) -> Report {
    let md = (source.markdown || markdown::has_front_matter(text))
        .then(|| markdown::Markdown::read(text));
    let read = md.as_ref().map_or(text, |m| m.analysis.as_str());
    // a statistical communiqué is read as a statistical text: every fact achieved, about the
    // year it reports on, no plan part
    let kind = kind::document_kind(meta, read.trim_start());
    let with_kind;
    let meta = if meta.document_kind == Some(kind) {
        meta
    } else {
        with_kind = ReportMeta {
            document_kind: Some(kind),
            ..meta.clone()
        };
        &with_kind
    };
    // every pass reads the same chars; the facts and the quality detectors the same tokens
    let chars = text::chars(read);
    let heading_lines = md.as_ref().map_or(&[][..], |m| &m.heading_lines[..]);
    let statistical = kind == DocumentKind::StatisticalCommunique;
    let structure =
        structure::segment_marked(read, &chars, &meta.report_id, heading_lines, statistical);
    let tokens = numbers::scan_chars(&chars);
    let facts = facts::extract_facts_from(&chars, &tokens, &structure, meta);
    let targets = targets::build_targets(&facts, &meta.report_id);
    let place = places::identify(meta);
    let mut notes = quality::source_notes(&chars, md.as_ref(), meta);
    if let Err(p) = &place {
        notes.push(quality::place_issue(&chars, p));
    }
    let quality_issues = quality::detect_from(&chars, &tokens, &structure, &facts, meta, notes);
    let mut report = report_row(text, meta, source, &structure);
    let places = match place {
        Ok(p) => {
            if let Some(row) = p.place() {
                report.place_code = Some(row.code.clone());
                report.place_zh = row.name_zh.clone();
                report.admin_level = row.level;
                if report.place_en.is_empty() {
                    report.place_en = row.name_en.clone();
                }
            }
            report.parent_areas = p.parent_names().join(" / ");
            p.chain
        }
        Err(_) => Vec::new(),
    };
    let mut report = Report {
        report: Some(report),
        sections: structure.sections,
        paragraphs: structure.paragraphs,
        facts,
        targets,
        quality_issues,
        diagnostics: structure.diagnostics,
        places,
    };
    if md.is_some() {
        requote(text, &mut report);
    }
    ids::assign(&mut report, &chars);
    report
}

/// Sets every quote to the slice of `text` between its offsets (after reading a Markdown text
/// through its blanked copy, whose quotes hold blanks where the markup was).
fn requote(text: &str, report: &mut Report) {
    let idx = text::CharIndex::new(text);
    let slice = |s: u64, e: u64| {
        let (s, e) = (s as usize, e as usize);
        text.get(idx.byte(s)..idx.byte(e.max(s)))
            .unwrap_or("")
            .to_string()
    };
    for r in &mut report.sections {
        r.quote = slice(r.start, r.end);
    }
    for r in &mut report.paragraphs {
        r.quote = slice(r.start, r.end);
    }
    for r in &mut report.facts {
        r.quote = slice(r.start, r.end);
    }
    for r in &mut report.quality_issues {
        r.quote = slice(r.start, r.end);
    }
}

/// The indicator glossary as rows of the `indicators` table. An entry whose unit or measure is
/// not one of the model's values is left out (the glossary test guards against that).
pub fn glossary_rows() -> Vec<gwr_model::Indicator> {
    fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
        serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
    }
    glossary::Glossary::builtin()
        .entries
        .iter()
        .filter_map(|e| {
            Some(gwr_model::Indicator {
                code: e.code.clone(),
                name_zh: e.name_zh.clone(),
                variants: Some(
                    e.variants
                        .iter()
                        .filter(|v| **v != e.name_zh)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("|"),
                )
                .filter(|v| !v.is_empty()),
                name_en: e.name_en.clone(),
                unit: parse(&e.unit)?,
                measure: parse(&e.measure)?,
                description_en: e.description_en.clone(),
                description_zh: e.description_zh.clone(),
            })
        })
        .collect()
}

fn report_row(
    text: &str,
    meta: &ReportMeta,
    source: &SourceInfo,
    structure: &structure::Structure,
) -> ReportRow {
    let opt = |s: &Option<String>| s.as_ref().filter(|v| !v.trim().is_empty()).cloned();
    ReportRow {
        report_id: meta.report_id.clone(),
        title: meta.title.clone(),
        place_zh: meta.place_zh.clone(),
        place_en: meta.place_en.clone(),
        place_code: None,
        admin_level: meta.admin_level,
        parent_areas: meta.parent_areas.join(" / "),
        report_year: meta.report_year,
        report_year_basis: meta.year_basis(),
        delivered_date: opt(&meta.delivered_date),
        delivered_date_note: opt(&meta.delivered_date_note),
        published_date: opt(&meta.published_date),
        meeting: opt(&meta.meeting),
        speaker: opt(&meta.speaker),
        speaker_title: opt(&meta.speaker_title),
        source_url: opt(&meta.source_url),
        publisher: opt(&meta.publisher),
        language: meta.language.clone(),
        encoding: source.encoding.clone(),
        sha256: source.sha256.clone(),
        char_count: text.chars().count() as u64,
        body_start: structure.body_start as u64,
        body_end: structure.body_end as u64,
        document_kind: meta.document_kind.unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_glossary_entry_becomes_a_row() {
        let n = crate::glossary::Glossary::builtin().entries.len();
        assert!(n >= 40, "glossary has {n} entries");
        assert_eq!(
            crate::glossary_rows().len(),
            n,
            "an entry has a unit or measure the model does not know"
        );
    }
}
