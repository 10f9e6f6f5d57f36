//! # gwr-model
//!
//! The data model of **gwr**: a Chinese government work report (政府工作报告) as tables —
//! reports, sections, paragraphs, facts, targets and quality issues.
//!
//! Each table is one row struct in [`rows`]; the [`Table`] trait derives its JSON Schema and
//! its Frictionless Table Schema from that one definition. The crate does no I/O and depends
//! only on serde, serde_json and schemars, so other projects can depend on it cheaply.
//!
//! ```
//! use gwr_model::{Fact, Table};
//!
//! let schema = Fact::table_schema();
//! assert_eq!(schema["primaryKey"][0], "fact_id");
//! let names: Vec<String> = Fact::fields().into_iter().map(|f| f.name).collect();
//! assert!(names.contains(&"quote".to_string()));
//! ```
#![deny(missing_docs)]

pub mod meta;
pub mod quality_code;
pub mod rows;
pub mod table;

pub use meta::{MetaError, ReportMeta};
pub use quality_code::{QualityCode, UnknownQualityCode};
pub use rows::{
    AdminLevel, Consistency, DocumentKind, Fact, Indicator, Measure, Met, NotSetBasis,
    OutcomeSource, OutcomeStatus, Paragraph, ParagraphKind, PlaceRow, Qualifier, QualityIssue,
    ReportRow, Section, SectionKind, Severity, Status, Target, TargetOutcome, TargetStatus, Unit,
    YearBasis,
};
pub use table::{FieldSpec, FieldType, ForeignKey, Table};

/// A note from extraction about something it could not do cleanly (no headings found, a
/// number it could not read). Extraction never fails on decodable text; it reports these.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Stable code (no_headings, …).
    pub code: String,
    /// What happened, in English.
    pub message: String,
    /// Code-point offset the note is about.
    pub start: u64,
    /// Code-point offset after the spot.
    pub end: u64,
}

/// Everything extracted from one report: its row in `reports` and its rows in every other table.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Report {
    /// The `reports` row.
    pub report: Option<ReportRow>,
    /// Parts and numbered sections, in text order.
    pub sections: Vec<Section>,
    /// Paragraphs of the body, in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Quantities, in text order.
    pub facts: Vec<Fact>,
    /// Targets, in text order of their facts.
    pub targets: Vec<Target>,
    /// Suspect spots, in text order.
    pub quality_issues: Vec<QualityIssue>,
    /// Notes from extraction.
    pub diagnostics: Vec<Diagnostic>,
    /// The report's place and its ancestors, from the country down (empty when the place is
    /// not identified).
    #[serde(default)]
    pub places: Vec<PlaceRow>,
}

/// The rows of every per-report table of several reports, each table's rows concatenated in
/// report order: what a package publishes (besides the glossary).
///
/// ```
/// use gwr_model::{Report, Tables};
///
/// let tables = Tables::from_reports(&[Report::default(), Report::default()]);
/// assert!(tables.facts.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tables {
    /// `reports` rows.
    pub reports: Vec<ReportRow>,
    /// `sections` rows.
    pub sections: Vec<Section>,
    /// `paragraphs` rows.
    pub paragraphs: Vec<Paragraph>,
    /// `facts` rows.
    pub facts: Vec<Fact>,
    /// `targets` rows.
    pub targets: Vec<Target>,
    /// `quality_issues` rows.
    pub quality_issues: Vec<QualityIssue>,
    /// `places` rows: every report's place and ancestors, each code once (first report wins),
    /// in code order.
    pub places: Vec<PlaceRow>,
}

impl Tables {
    /// The tables of `reports`, in report order.
    pub fn from_reports(reports: &[Report]) -> Self {
        let mut t = Tables::default();
        let mut places = std::collections::BTreeMap::new();
        for r in reports {
            t.reports.extend(r.report.iter().cloned());
            t.sections.extend(r.sections.iter().cloned());
            t.paragraphs.extend(r.paragraphs.iter().cloned());
            t.facts.extend(r.facts.iter().cloned());
            t.targets.extend(r.targets.iter().cloned());
            t.quality_issues.extend(r.quality_issues.iter().cloned());
            for p in &r.places {
                places.entry(p.code.clone()).or_insert_with(|| p.clone());
            }
        }
        t.places = places.into_values().collect();
        t
    }
}

/// All tables in publication order (a referenced table before the tables that refer to it).
pub const TABLE_NAMES: &[&str] = &[
    Indicator::NAME,
    PlaceRow::NAME,
    ReportRow::NAME,
    Section::NAME,
    Paragraph::NAME,
    Fact::NAME,
    Target::NAME,
    QualityIssue::NAME,
    TargetOutcome::NAME,
];
