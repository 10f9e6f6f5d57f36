//! # gwr-data
//!
//! The published **gwr** tables — Chinese government work reports (政府工作报告) as data —
//! embedded in the crate, with typed access and no file I/O.
//!
//! Every table of the data package (`reports`, `sections`, `paragraphs`, `facts`, `targets`,
//! `quality_issues` and the indicator glossary `indicators`) is compiled into the binary as the
//! CSV file the package publishes, and parsed into the row types of [`gwr_model`] the first time
//! it is asked for (once per table, thread-safe, with [`std::sync::OnceLock`]).
//!
//! ```
//! use gwr_data::{facts_of, report, targets_of, Status};
//!
//! let id = "cn-sh-baoshan-songnan-2024";
//! let seed = report(id).expect("the seed report is embedded");
//! assert_eq!(seed.place_zh, "淞南镇");
//! assert_eq!(seed.report_year, Some(2024));
//!
//! // Every fact keeps the exact quote it was read from.
//! let first = &facts_of(id)[0];
//! assert_eq!(first.quote, "5.87亿元");
//! assert_eq!(first.value, 587_000_000.0);
//! assert_eq!(first.status, Status::Actual);
//!
//! for t in targets_of(id) {
//!     println!("{} {} {:?} ({:?})", t.subject, t.value, t.unit, t.consistency);
//! }
//! ```
//!
//! Filters select facts and targets by report, status, indicator and period:
//!
//! ```
//! use gwr_data::{FactFilter, Status};
//!
//! let revenue_2023: Vec<_> = FactFilter::new()
//!     .indicator("fiscal_revenue")
//!     .status(Status::Actual)
//!     .period(2023)
//!     .iter()
//!     .collect();
//! assert!(revenue_2023.iter().any(|f| f.quote == "5.87亿元"));
//! ```
//!
//! The raw CSV text of each table is available too ([`TABLES`], [`csv()`]), for callers that
//! want to hand it to their own reader.
//!
//! ## Panics and the embedded data
//!
//! The accessors ([`facts`], [`reports`], …) return `&'static` slices and do not return errors:
//! the embedded files are part of the crate, and the crate's own tests parse every table and
//! check its row count, so a build of this crate whose data does not parse is never released.
//! Should that invariant ever break, the accessor panics naming the table, line and field.
//! Call [`check`] first to get the same problem as a [`DataError`] instead.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use std::fmt;
use std::sync::OnceLock;

pub use gwr_model::{
    AdminLevel, Consistency, Fact, Indicator, Measure, Met, NotSetBasis, OutcomeSource,
    OutcomeStatus, Paragraph, ParagraphKind, PlaceRow, Qualifier, QualityIssue, ReportRow, Section,
    SectionKind, Severity, Status, Table, Target, TargetOutcome, TargetStatus, Unit,
};

/// One embedded table file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbeddedTable {
    /// Table (resource) name: `facts`.
    pub name: &'static str,
    /// Path of the file in the data package: `data/facts.csv`.
    pub path: &'static str,
    /// The file's contents: UTF-8 CSV (RFC 4180) with a header row; empty fields are nulls.
    pub csv: &'static str,
}

const PLACES_CSV: &str = include_str!("../data/places.csv");
const REPORTS_CSV: &str = include_str!("../data/reports.csv");
const SECTIONS_CSV: &str = include_str!("../data/sections.csv");
const PARAGRAPHS_CSV: &str = include_str!("../data/paragraphs.csv");
const FACTS_CSV: &str = include_str!("../data/facts.csv");
const TARGETS_CSV: &str = include_str!("../data/targets.csv");
const QUALITY_ISSUES_CSV: &str = include_str!("../data/quality_issues.csv");
const TARGET_OUTCOMES_CSV: &str = include_str!("../data/target_outcomes.csv");
const INDICATORS_CSV: &str = include_str!("../data/glossary/indicators.csv");

/// The `target_outcomes` table of the national collection (gwr-national: the State Council's
/// reports since 1954), written by `cargo xtask publish` beside the default package's tables.
pub const NATIONAL_TARGET_OUTCOMES_CSV: &str = include_str!("../national/target_outcomes.csv");

/// Every embedded table, in publication order (a referenced table before the tables that
/// refer to it, as in [`gwr_model::TABLE_NAMES`]).
///
/// ```
/// let names: Vec<&str> = gwr_data::TABLES.iter().map(|t| t.name).collect();
/// assert_eq!(names, gwr_model::TABLE_NAMES);
/// ```
pub const TABLES: &[EmbeddedTable] = &[
    EmbeddedTable {
        name: Indicator::NAME,
        path: "data/glossary/indicators.csv",
        csv: INDICATORS_CSV,
    },
    EmbeddedTable {
        name: PlaceRow::NAME,
        path: "data/places.csv",
        csv: PLACES_CSV,
    },
    EmbeddedTable {
        name: ReportRow::NAME,
        path: "data/reports.csv",
        csv: REPORTS_CSV,
    },
    EmbeddedTable {
        name: Section::NAME,
        path: "data/sections.csv",
        csv: SECTIONS_CSV,
    },
    EmbeddedTable {
        name: Paragraph::NAME,
        path: "data/paragraphs.csv",
        csv: PARAGRAPHS_CSV,
    },
    EmbeddedTable {
        name: Fact::NAME,
        path: "data/facts.csv",
        csv: FACTS_CSV,
    },
    EmbeddedTable {
        name: Target::NAME,
        path: "data/targets.csv",
        csv: TARGETS_CSV,
    },
    EmbeddedTable {
        name: QualityIssue::NAME,
        path: "data/quality_issues.csv",
        csv: QUALITY_ISSUES_CSV,
    },
    EmbeddedTable {
        name: TargetOutcome::NAME,
        path: "data/target_outcomes.csv",
        csv: TARGET_OUTCOMES_CSV,
    },
];

/// The raw CSV text of a table, by name (`"facts"`); `None` for an unknown name.
///
/// ```
/// let csv = gwr_data::csv("targets").unwrap();
/// assert!(csv.starts_with("target_id,report_id,fact_id,"));
/// assert!(gwr_data::csv("nope").is_none());
/// ```
pub fn csv(table: &str) -> Option<&'static str> {
    TABLES.iter().find(|t| t.name == table).map(|t| t.csv)
}

/// An embedded table that does not parse into its row type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The table.
    pub table: &'static str,
    /// 1-based line of the CSV file, when known.
    pub line: Option<u64>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(
                f,
                "embedded table {} line {}: {}",
                self.table, line, self.message
            ),
            None => write!(f, "embedded table {}: {}", self.table, self.message),
        }
    }
}

impl std::error::Error for DataError {}

/// Parses a gwr CSV table (header row, RFC 4180, empty field = null) into rows of `T`.
///
/// This is the reader the embedded tables go through; it works on any CSV file of a gwr
/// package with the same columns, e.g. one written by `gwr extract`.
///
/// ```
/// use gwr_data::{parse_csv, Indicator};
///
/// let text = "code,name_zh,variants,name_en,unit,measure,description_en,description_zh\n\
///             gdp,国内生产总值,,GDP,CNY,level,Gross domestic product,地区生产总值\n";
/// let rows: Vec<Indicator> = parse_csv(text).unwrap();
/// assert_eq!(rows[0].variants, None);
/// assert!(parse_csv::<Indicator>("code\nx\n").is_err());
/// ```
pub fn parse_csv<T: Table>(text: &str) -> Result<Vec<T>, DataError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for result in reader.deserialize::<T>() {
        let row = result.map_err(|e| DataError {
            table: T::NAME,
            line: e.position().map(|p| p.line()),
            message: e.to_string(),
        })?;
        rows.push(row);
    }
    Ok(rows)
}

fn load<T: Table + Send + Sync>(
    cell: &'static OnceLock<Result<Vec<T>, DataError>>,
) -> &'static Result<Vec<T>, DataError> {
    cell.get_or_init(|| {
        let text = TABLES
            .iter()
            .find(|t| t.name == T::NAME)
            .map(|t| t.csv)
            .unwrap_or("");
        parse_csv(text)
    })
}

fn rows_or_panic<T: Table + Send + Sync>(
    cell: &'static OnceLock<Result<Vec<T>, DataError>>,
) -> &'static [T] {
    match load(cell) {
        Ok(rows) => rows,
        // The crate's tests parse every embedded table (tests/tables.rs), so this is unreachable
        // in a released build; see the crate docs.
        Err(e) => panic!("gwr-data: {e}"),
    }
}

static PLACES: OnceLock<Result<Vec<PlaceRow>, DataError>> = OnceLock::new();
static REPORTS: OnceLock<Result<Vec<ReportRow>, DataError>> = OnceLock::new();
static SECTIONS: OnceLock<Result<Vec<Section>, DataError>> = OnceLock::new();
static PARAGRAPHS: OnceLock<Result<Vec<Paragraph>, DataError>> = OnceLock::new();
static FACTS: OnceLock<Result<Vec<Fact>, DataError>> = OnceLock::new();
static TARGETS: OnceLock<Result<Vec<Target>, DataError>> = OnceLock::new();
static QUALITY_ISSUES: OnceLock<Result<Vec<QualityIssue>, DataError>> = OnceLock::new();
static TARGET_OUTCOMES: OnceLock<Result<Vec<TargetOutcome>, DataError>> = OnceLock::new();
static INDICATORS: OnceLock<Result<Vec<Indicator>, DataError>> = OnceLock::new();
static NATIONAL_TARGET_OUTCOMES: OnceLock<Result<Vec<TargetOutcome>, DataError>> = OnceLock::new();

/// Parses every embedded table (if not done yet) and returns the first problem found.
///
/// ```
/// gwr_data::check().expect("the embedded tables parse");
/// ```
pub fn check() -> Result<(), DataError> {
    fn ok<T>(r: &Result<Vec<T>, DataError>) -> Result<(), DataError> {
        r.as_ref().map(|_| ()).map_err(Clone::clone)
    }
    ok(load(&INDICATORS))?;
    ok(load(&PLACES))?;
    ok(load(&REPORTS))?;
    ok(load(&SECTIONS))?;
    ok(load(&PARAGRAPHS))?;
    ok(load(&FACTS))?;
    ok(load(&TARGETS))?;
    ok(load(&QUALITY_ISSUES))?;
    ok(load(&TARGET_OUTCOMES))?;
    ok(NATIONAL_TARGET_OUTCOMES.get_or_init(|| parse_csv(NATIONAL_TARGET_OUTCOMES_CSV)))
}

/// All reports (`data/reports.csv`), in id order.
///
/// ```
/// assert!(gwr_data::reports().iter().any(|r| r.place_en == "Songnan Town"));
/// ```
pub fn reports() -> &'static [ReportRow] {
    rows_or_panic(&REPORTS)
}

/// The places of the reports and their ancestors (`data/places.csv`), in code order.
///
/// ```
/// let town = gwr_data::places().iter().find(|p| p.name_zh == "淞南镇").unwrap();
/// assert_eq!(town.code, "310113113");
/// ```
pub fn places() -> &'static [PlaceRow] {
    rows_or_panic(&PLACES)
}

/// All parts and sections (`data/sections.csv`), report by report, in text order.
pub fn sections() -> &'static [Section] {
    rows_or_panic(&SECTIONS)
}

/// All paragraphs (`data/paragraphs.csv`), report by report, in text order.
pub fn paragraphs() -> &'static [Paragraph] {
    rows_or_panic(&PARAGRAPHS)
}

/// All facts (`data/facts.csv`), report by report, in text order.
///
/// ```
/// use gwr_data::{facts, Status};
/// let targets = facts().iter().filter(|f| f.status == Status::Target).count();
/// assert!(targets > 0);
/// ```
pub fn facts() -> &'static [Fact] {
    rows_or_panic(&FACTS)
}

/// All targets (`data/targets.csv`), report by report, in text order of their facts.
pub fn targets() -> &'static [Target] {
    rows_or_panic(&TARGETS)
}

/// All quality issues (`data/quality_issues.csv`), report by report, in text order.
pub fn quality_issues() -> &'static [QualityIssue] {
    rows_or_panic(&QUALITY_ISSUES)
}

/// Every target beside its outcome (`data/target_outcomes.csv`), in the order of the targets.
/// The embedded package has one report, so no target has a next report to take its outcome
/// from: every row is `unclear`, with the reason.
///
/// ```
/// use gwr_data::{target_outcomes, Met};
/// assert_eq!(target_outcomes().len(), gwr_data::targets().len());
/// assert!(target_outcomes().iter().all(|t| t.met == Some(Met::Unclear)));
/// ```
pub fn target_outcomes() -> &'static [TargetOutcome] {
    rows_or_panic(&TARGET_OUTCOMES)
}

/// The national series' `target_outcomes` ([`NATIONAL_TARGET_OUTCOMES_CSV`]): every target of
/// the State Council's reports beside the outcome the next year's report states, and one
/// `not_set` row per headline indicator a report sets no target for, report by report.
///
/// ```
/// use gwr_data::{national_target_outcomes, Met, NotSetBasis, TargetStatus};
///
/// // 2020: no GDP growth target, and the report says so
/// let gdp_2020 = national_target_outcomes()
///     .iter()
///     .find(|t| t.report_id == "cn-2020" && t.indicator.as_deref() == Some("gdp"))
///     .unwrap();
/// assert_eq!(gdp_2020.target_status, TargetStatus::NotSet);
/// assert_eq!(gdp_2020.not_set_basis, Some(NotSetBasis::Stated));
/// assert!(gdp_2020.quote.as_deref().unwrap().contains("没有提出全年经济增速具体目标"));
/// assert_eq!(gdp_2020.met, None);
///
/// // targets met, by the rule of their qualifier and direction
/// let met = national_target_outcomes()
///     .iter()
///     .filter(|t| t.met == Some(Met::Yes))
///     .count();
/// assert!(met > 0);
/// ```
pub fn national_target_outcomes() -> &'static [TargetOutcome] {
    match NATIONAL_TARGET_OUTCOMES.get_or_init(|| parse_csv(NATIONAL_TARGET_OUTCOMES_CSV)) {
        Ok(rows) => rows,
        // parsed by the crate's tests (tests/tables.rs); see the crate docs
        Err(e) => panic!("gwr-data: {e}"),
    }
}

/// The indicator glossary (`data/glossary/indicators.csv`).
///
/// ```
/// let gdp = gwr_data::indicator("gdp").unwrap();
/// assert_eq!(gdp.name_zh, "国内生产总值");
/// ```
pub fn indicators() -> &'static [Indicator] {
    rows_or_panic(&INDICATORS)
}

/// The rows of `rows` whose report is `report_id`: a sub-slice, since every table is written
/// report by report (the crate's tests check that the rows of each report are contiguous).
fn run_of<'a, T>(rows: &'a [T], report_id: &str, id_of: impl Fn(&T) -> &str) -> &'a [T] {
    let Some(first) = rows.iter().position(|r| id_of(r) == report_id) else {
        return &[];
    };
    let rest = rows.get(first..).unwrap_or(&[]);
    let len = rest
        .iter()
        .position(|r| id_of(r) != report_id)
        .unwrap_or(rest.len());
    rest.get(..len).unwrap_or(&[])
}

/// The report with id `report_id`.
pub fn report(report_id: &str) -> Option<&'static ReportRow> {
    reports().iter().find(|r| r.report_id == report_id)
}

/// The sections of one report, in text order (empty for an unknown id).
pub fn sections_of(report_id: &str) -> &'static [Section] {
    run_of(sections(), report_id, |r| &r.report_id)
}

/// The paragraphs of one report, in text order (empty for an unknown id).
pub fn paragraphs_of(report_id: &str) -> &'static [Paragraph] {
    run_of(paragraphs(), report_id, |r| &r.report_id)
}

/// The facts of one report, in text order (empty for an unknown id).
///
/// ```
/// let facts = gwr_data::facts_of("cn-sh-baoshan-songnan-2024");
/// assert!(facts.len() > 50);
/// assert!(gwr_data::facts_of("no-such-report").is_empty());
/// ```
pub fn facts_of(report_id: &str) -> &'static [Fact] {
    run_of(facts(), report_id, |r| &r.report_id)
}

/// The targets of one report (empty for an unknown id).
///
/// ```
/// use gwr_data::{targets_of, Consistency};
/// let t = targets_of("cn-sh-baoshan-songnan-2024");
/// assert!(t.iter().any(|t| t.consistency == Consistency::Consistent));
/// ```
pub fn targets_of(report_id: &str) -> &'static [Target] {
    run_of(targets(), report_id, |r| &r.report_id)
}

/// The quality issues of one report (empty for an unknown id).
pub fn quality_issues_of(report_id: &str) -> &'static [QualityIssue] {
    run_of(quality_issues(), report_id, |r| &r.report_id)
}

/// The section with id `section_id`.
pub fn section(section_id: &str) -> Option<&'static Section> {
    sections().iter().find(|r| r.section_id == section_id)
}

/// The paragraph with id `paragraph_id`.
///
/// ```
/// let f = &gwr_data::facts()[0];
/// let p = gwr_data::paragraph(&f.paragraph_id).unwrap();
/// assert!(p.quote.contains(&f.quote));
/// ```
pub fn paragraph(paragraph_id: &str) -> Option<&'static Paragraph> {
    paragraphs().iter().find(|r| r.paragraph_id == paragraph_id)
}

/// The fact with id `fact_id`.
pub fn fact(fact_id: &str) -> Option<&'static Fact> {
    facts().iter().find(|r| r.fact_id == fact_id)
}

/// The target with id `target_id`.
pub fn target(target_id: &str) -> Option<&'static Target> {
    targets().iter().find(|r| r.target_id == target_id)
}

/// The glossary indicator with code `code`.
pub fn indicator(code: &str) -> Option<&'static Indicator> {
    indicators().iter().find(|r| r.code == code)
}

/// A selection of facts: every field that is set must match; unset fields match anything.
///
/// Build one with the chained setters, then iterate the embedded facts with [`FactFilter::iter`]
/// or any slice of facts with [`FactFilter::apply`].
///
/// ```
/// use gwr_data::{FactFilter, Measure, Status};
///
/// let filter = FactFilter::new()
///     .report("cn-sh-baoshan-songnan-2024")
///     .status(Status::Target)
///     .period(2024);
/// let n = filter.iter().count();
/// assert!(n > 0);
/// assert!(filter.iter().all(|f| f.status == Status::Target && f.period == Some(2024)));
///
/// // The fields are public, so a filter can also be written as a struct literal.
/// let growth = FactFilter { measure: Some(Measure::Change), ..FactFilter::default() };
/// assert!(growth.iter().all(|f| f.measure == Measure::Change));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactFilter {
    /// Only facts of this report.
    pub report_id: Option<String>,
    /// Only facts with this status.
    pub status: Option<Status>,
    /// Only facts of this glossary indicator (`fiscal_revenue`).
    pub indicator: Option<String>,
    /// Only facts about this year.
    pub period: Option<i32>,
    /// Only facts of this measure.
    pub measure: Option<Measure>,
}

impl FactFilter {
    /// A filter that matches every fact.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only facts of report `report_id`.
    pub fn report(mut self, report_id: impl Into<String>) -> Self {
        self.report_id = Some(report_id.into());
        self
    }

    /// Only facts with status `status`.
    pub fn status(mut self, status: Status) -> Self {
        self.status = Some(status);
        self
    }

    /// Only facts of glossary indicator `code`.
    pub fn indicator(mut self, code: impl Into<String>) -> Self {
        self.indicator = Some(code.into());
        self
    }

    /// Only facts about year `year`.
    pub fn period(mut self, year: i32) -> Self {
        self.period = Some(year);
        self
    }

    /// Only facts of measure `measure`.
    pub fn measure(mut self, measure: Measure) -> Self {
        self.measure = Some(measure);
        self
    }

    /// Whether `fact` matches every field that is set.
    pub fn matches(&self, fact: &Fact) -> bool {
        self.report_id
            .as_deref()
            .is_none_or(|id| fact.report_id == id)
            && self.status.is_none_or(|s| fact.status == s)
            && self
                .indicator
                .as_deref()
                .is_none_or(|code| fact.indicator.as_deref() == Some(code))
            && self.period.is_none_or(|p| fact.period == Some(p))
            && self.measure.is_none_or(|m| fact.measure == m)
    }

    /// The matching facts of `facts`, in order.
    pub fn apply<'a>(&'a self, facts: &'a [Fact]) -> impl Iterator<Item = &'a Fact> + 'a {
        facts.iter().filter(move |f| self.matches(f))
    }

    /// The matching embedded facts, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'static Fact> + '_ {
        let all = match &self.report_id {
            Some(id) => facts_of(id),
            None => facts(),
        };
        all.iter().filter(move |f| self.matches(f))
    }
}

/// A selection of targets: every field that is set must match; unset fields match anything.
///
/// ```
/// use gwr_data::{Consistency, TargetFilter};
///
/// let checked: Vec<_> = TargetFilter::new()
///     .consistency(Consistency::Consistent)
///     .iter()
///     .collect();
/// assert!(checked.iter().all(|t| t.baseline_value.is_some()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetFilter {
    /// Only targets of this report.
    pub report_id: Option<String>,
    /// Only targets of this glossary indicator.
    pub indicator: Option<String>,
    /// Only targets for this year.
    pub period: Option<i32>,
    /// Only targets of this measure.
    pub measure: Option<Measure>,
    /// Only targets with this consistency verdict.
    pub consistency: Option<Consistency>,
}

impl TargetFilter {
    /// A filter that matches every target.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only targets of report `report_id`.
    pub fn report(mut self, report_id: impl Into<String>) -> Self {
        self.report_id = Some(report_id.into());
        self
    }

    /// Only targets of glossary indicator `code`.
    pub fn indicator(mut self, code: impl Into<String>) -> Self {
        self.indicator = Some(code.into());
        self
    }

    /// Only targets for year `year`.
    pub fn period(mut self, year: i32) -> Self {
        self.period = Some(year);
        self
    }

    /// Only targets of measure `measure`.
    pub fn measure(mut self, measure: Measure) -> Self {
        self.measure = Some(measure);
        self
    }

    /// Only targets with consistency verdict `consistency`.
    pub fn consistency(mut self, consistency: Consistency) -> Self {
        self.consistency = Some(consistency);
        self
    }

    /// Whether `target` matches every field that is set.
    pub fn matches(&self, target: &Target) -> bool {
        self.report_id
            .as_deref()
            .is_none_or(|id| target.report_id == id)
            && self
                .indicator
                .as_deref()
                .is_none_or(|code| target.indicator.as_deref() == Some(code))
            && self.period.is_none_or(|p| target.period == Some(p))
            && self.measure.is_none_or(|m| target.measure == m)
            && self.consistency.is_none_or(|c| target.consistency == c)
    }

    /// The matching targets of `targets`, in order.
    pub fn apply<'a>(&'a self, targets: &'a [Target]) -> impl Iterator<Item = &'a Target> + 'a {
        targets.iter().filter(move |t| self.matches(t))
    }

    /// The matching embedded targets, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'static Target> + '_ {
        let all = match &self.report_id {
            Some(id) => targets_of(id),
            None => targets(),
        };
        all.iter().filter(move |t| self.matches(t))
    }
}
