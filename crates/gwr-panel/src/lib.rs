//! # gwr-panel
//!
//! The stage of **gwr** that reads across reports: it links each target of a report to what
//! became of it, the outcome the next report of the same place states for the target's year,
//! and decides whether the target was met; and, when the package holds the NBS statistical
//! communiqué on that year, to the official figure it states (`official.rs`). The result is the `target_outcomes` table
//! ([`gwr_model::TargetOutcome`]).
//!
//! The joins and group-bys across reports run in polars lazy frames; the rule that decides
//! `met` ([`judge`]) is plain Rust, one function per qualifier, documented in the data
//! dictionary. Rows come in report by report ([`Panel::add`]), so a package writer can feed it
//! while it streams the other tables out; only the targets and the facts that can be outcomes
//! (an indicator, a period, achieved or forecast) are kept.
//!
//! Beside the targets it sets, a national or provincial report gets one `not_set` row per
//! headline indicator it sets no target for ([`not_set`]: stated in the text, with the sentence,
//! or silent), and each target of a sub-national report the national target of the same
//! indicator and year ([`levels`]).
//!
//! ```
//! use gwr_panel::Panel;
//!
//! let panel = Panel::from_reports(&[]);
//! assert!(panel.target_outcomes().unwrap().is_empty());
//! ```
#![deny(missing_docs)]

mod directions;
mod judge;
pub mod levels;
pub mod not_set;
mod official;

pub use directions::{direction_of, is_headline, Direction, DIRECTIONS_TSV};
pub use judge::{judge, Judgement, APPROX_TOLERANCE, MET_RULES_MD};
pub use official::OFFICIAL_RULES_MD;

/// How `not_set` rows and the national columns are made, as the data dictionary prints it.
pub const NOT_SET_AND_LEVELS_MD: &str = "\
**`not_set` rows.** A national or provincial report of known place and year gets one row per \
headline indicator it sets no target for (`crates/gwr-panel/data/headlines.tsv`: GDP growth — \
a `gnp` target counts as one —, CPI (or the retail price index), jobs, unemployment, fiscal revenue, \
investment, retail sales, trade, income, grain, energy intensity; the deficits and M2 for the \
national reports only). City, county and town reports get none: they choose their own menu of \
targets, so an absence says little. The row has `target_status` `not_set`, no target, outcome \
or `met`, and `row_id` `<report_id>/n-<8 hex>`. `not_set_basis` is `stated` when a sentence of \
the report says no target is set — a clause with a negation (没有提出, 不设, 不再设置…), an \
indicator word and, after both, a target word (目标, 指标): 我们没有提出全年经济增速具体目标 — \
with that sentence in `quote`, `start`, `end`; else `silent`. The words are \
`crates/gwr-panel/data/not_set.tsv`, each with an example the tests run.\n\
\n\
**National targets beside sub-national ones.** Each target of a report whose place is not the \
country gets the national target of the same indicator, measure, unit and year: the first the \
national report of that year states, from the package's national reports or, for the provinces' \
release, from the national collection (gwr-national), so `national_target_fact_id` is a fact of \
that package. `amplification` = `target_value` − `national_target_value`, in the unit's base \
value; for a range, the lower ends (as `target_value` and `gap`).\n";

use gwr_model::{
    DocumentKind, Measure, NotSetBasis, OutcomeSource, OutcomeStatus, Qualifier, Report, Status,
    TargetOutcome, TargetStatus, Unit,
};
use levels::NationalIn;
use not_set::Statement;
use polars::prelude::*;

/// Errors of the panel stage.
#[derive(Debug, thiserror::Error)]
pub enum PanelError {
    /// A polars operation failed (a bug: the frames are built here).
    #[error("panel join failed: {0}")]
    Polars(#[from] PolarsError),
}

/// A target as the panel keeps it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TargetIn {
    report_ix: usize,
    fact_id: String,
    report_id: String,
    place_code: Option<String>,
    indicator: Option<String>,
    measure: Measure,
    period: Option<i32>,
    value: f64,
    value_max: Option<f64>,
    qualifier: Qualifier,
    unit: Unit,
}

/// A fact that may be the outcome of some target: achieved or forecast, with an indicator and
/// a period.
#[derive(Debug, Clone, PartialEq)]
struct OutcomeIn {
    fact_id: String,
    report_id: String,
    indicator: String,
    measure: Measure,
    unit: Unit,
    period: i32,
    status: Status,
    start: u64,
    value: f64,
}

/// A headline indicator a report sets no target for.
#[derive(Debug, Clone, PartialEq)]
struct NotSetIn {
    report_ix: usize,
    indicator: &'static str,
    statement: Option<Statement>,
}

/// The reports, targets and candidate outcomes of a package, gathered report by report.
#[derive(Debug, Clone, Default)]
pub struct Panel {
    reports: Vec<(String, Option<String>, Option<i32>)>,
    targets: Vec<TargetIn>,
    outcomes: Vec<OutcomeIn>,
    /// The targets of the package's national reports.
    national: Vec<NationalIn>,
    /// The targets of the national reference reports (after the package's own, whatever the
    /// order of the calls).
    reference: Vec<NationalIn>,
    not_set: Vec<NotSetIn>,
    /// The facts of the statistical communiqués: official outcomes, never next reports.
    official: official::Official,
}

impl Panel {
    /// The panel of `reports`, added in order.
    pub fn from_reports(reports: &[Report]) -> Panel {
        let mut panel = Panel::default();
        for r in reports {
            panel.add(r);
        }
        panel
    }

    /// Keeps the targets of a national report that is not part of the package, to be set
    /// beside the sub-national targets of the package (the national collection for the
    /// provinces' release). Other reports are ignored; no row comes from a reference report.
    pub fn add_reference(&mut self, report: &Report) {
        let Some(row) = &report.report else {
            return;
        };
        if row.place_code.as_deref() != Some(levels::COUNTRY) {
            return;
        }
        for t in &report.targets {
            let kept = target_in(usize::MAX, Some(levels::COUNTRY.to_string()), t);
            self.reference.extend(NationalIn::of(&kept));
        }
    }

    /// Keeps what the panel needs of one report: its place and year, its targets, its facts
    /// that can be outcomes, and the headline indicators it sets no target for.
    pub fn add(&mut self, report: &Report) {
        let Some(row) = &report.report else {
            return;
        };
        let report_ix = self.reports.len();
        let place = row.place_code.clone().filter(|c| !c.is_empty());
        if row.document_kind == DocumentKind::StatisticalCommunique {
            self.official.add(report, place.as_deref());
            return;
        }
        self.reports
            .push((row.report_id.clone(), place.clone(), row.report_year));
        for t in &report.targets {
            let kept = target_in(report_ix, place.clone(), t);
            if place.as_deref() == Some(levels::COUNTRY) {
                self.national.extend(NationalIn::of(&kept));
            }
            self.targets.push(kept);
        }
        // the headline indicators of a national or provincial report of known place and year
        // that it sets no target for
        if place.is_some() && row.report_year.is_some() {
            let indicators = report.targets.iter().filter_map(|t| t.indicator.as_deref());
            let unset = not_set::unset_codes(row.admin_level, indicators);
            if !unset.is_empty() {
                let mut stated = not_set::stated_in(&report.paragraphs);
                for code in unset {
                    self.not_set.push(NotSetIn {
                        report_ix,
                        indicator: code,
                        statement: stated.remove(code),
                    });
                }
            }
        }
        for f in &report.facts {
            let (Some(indicator), Some(period)) = (&f.indicator, f.period) else {
                continue;
            };
            if indicator.is_empty() || f.status == Status::Target {
                continue;
            }
            self.outcomes.push(OutcomeIn {
                fact_id: f.fact_id.clone(),
                report_id: f.report_id.clone(),
                indicator: indicator.clone(),
                measure: f.measure,
                unit: f.unit,
                period,
                status: f.status,
                start: f.start,
                value: f.value,
            });
        }
    }

    /// The `target_outcomes` rows, report by report in the order the reports were added: the
    /// report's targets in order, then its `not_set` rows in the order of `headlines.tsv`.
    pub fn target_outcomes(&self) -> Result<Vec<TargetOutcome>, PanelError> {
        let found = if self.targets.is_empty() {
            Vec::new()
        } else {
            self.link()?
        };
        let national: Vec<NationalIn> = self
            .national
            .iter()
            .chain(&self.reference)
            .cloned()
            .collect();
        let beside = levels::national_beside(&self.targets, &national)?;
        let mut rows = Vec::with_capacity(self.targets.len() + self.not_set.len());
        let mut unset = self.not_set.iter().peekable();
        for (i, t) in self.targets.iter().enumerate() {
            while let Some(n) = unset.next_if(|n| n.report_ix < t.report_ix) {
                rows.push(self.not_set_row(n));
            }
            let o = found
                .get(i)
                .copied()
                .flatten()
                .and_then(|o| self.outcomes.get(o));
            let n = beside
                .get(i)
                .copied()
                .flatten()
                .and_then(|n| national.get(n));
            rows.push(row(t, o, n));
        }
        rows.extend(unset.map(|n| self.not_set_row(n)));
        let mut set: Vec<&mut TargetOutcome> = rows
            .iter_mut()
            .filter(|r| r.target_status == TargetStatus::Set)
            .collect();
        self.official.fill(&self.targets, &mut set)?;
        Ok(rows)
    }

    fn not_set_row(&self, n: &NotSetIn) -> TargetOutcome {
        let (report_id, place_code, year) =
            self.reports.get(n.report_ix).cloned().unwrap_or_default();
        let basis = if n.statement.is_some() {
            NotSetBasis::Stated
        } else {
            NotSetBasis::Silent
        };
        let reason = match basis {
            NotSetBasis::Stated => "not set: the report says it sets no target for this headline indicator (quote)",
            NotSetBasis::Silent => "not set: the report sets no target for this headline indicator and says nothing about it",
        };
        TargetOutcome {
            target_fact_id: None,
            row_id: not_set::row_id(&report_id, n.indicator),
            report_id,
            place_code,
            indicator: Some(n.indicator.to_string()),
            measure: None,
            period: year,
            target_value: None,
            target_value_max: None,
            qualifier: None,
            unit: None,
            direction: direction_of(n.indicator).map(|d| d.as_str().to_string()),
            outcome_fact_id: None,
            outcome_value: None,
            outcome_source: None,
            outcome_status: None,
            gap: None,
            met: None,
            met_reason: reason.to_string(),
            target_status: TargetStatus::NotSet,
            not_set_basis: Some(basis),
            start: n.statement.as_ref().map(|s| s.start),
            end: n.statement.as_ref().map(|s| s.end),
            quote: n.statement.as_ref().map(|s| s.quote.clone()),
            national_target_fact_id: None,
            national_target_value: None,
            national_target_value_max: None,
            national_qualifier: None,
            amplification: None,
            official_outcome_fact_id: None,
            official_outcome_value: None,
            official_outcome_source: None,
            official_gap: None,
            official_met: None,
            official_met_reason: None,
        }
    }

    /// For each target (in order), the outcome fact chosen for it, as an index into
    /// `self.outcomes`: the facts of the next report of the same place (its report year is the
    /// period plus one) with the same indicator, measure, unit and period; an achieved fact
    /// before a forecast one, then the first in the report.
    fn link(&self) -> Result<Vec<Option<usize>>, PanelError> {
        let keys = ["place_code", "indicator", "measure", "unit", "period"];
        let targets = df!(
            "t" => (0..self.targets.len() as u32).collect::<Vec<_>>(),
            "place_code" => self.targets.iter().map(|t| t.place_code.clone()).collect::<Vec<_>>(),
            "indicator" => self.targets.iter().map(|t| t.indicator.clone()).collect::<Vec<_>>(),
            "measure" => self.targets.iter().map(|t| t.measure as u32).collect::<Vec<_>>(),
            "unit" => self.targets.iter().map(|t| t.unit as u32).collect::<Vec<_>>(),
            "period" => self.targets.iter().map(|t| t.period).collect::<Vec<_>>(),
        )?;
        let facts = df!(
            "o" => (0..self.outcomes.len() as u32).collect::<Vec<_>>(),
            "report_id" => self.outcomes.iter().map(|f| f.report_id.as_str()).collect::<Vec<_>>(),
            "indicator" => self.outcomes.iter().map(|f| f.indicator.as_str()).collect::<Vec<_>>(),
            "measure" => self.outcomes.iter().map(|f| f.measure as u32).collect::<Vec<_>>(),
            "unit" => self.outcomes.iter().map(|f| f.unit as u32).collect::<Vec<_>>(),
            "period" => self.outcomes.iter().map(|f| f.period).collect::<Vec<_>>(),
            "forecast" => self.outcomes.iter().map(|f| f.status == Status::Forecast).collect::<Vec<_>>(),
            "start" => self.outcomes.iter().map(|f| f.start).collect::<Vec<_>>(),
        )?;
        let reports = df!(
            "report_id" => self.reports.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
            "place_code" => self.reports.iter().map(|r| r.1.clone()).collect::<Vec<_>>(),
            "report_year" => self.reports.iter().map(|r| r.2).collect::<Vec<_>>(),
        )?;
        let by = |names: &[&str]| names.iter().map(|n| col(*n)).collect::<Vec<_>>();
        // the outcome of (place, indicator, measure, unit, Y): a fact about Y in a report of Y+1
        let chosen = facts
            .lazy()
            .join(
                reports.lazy(),
                [col("report_id")],
                [col("report_id")],
                JoinArgs::new(JoinType::Inner),
            )
            .filter(
                col("place_code")
                    .is_not_null()
                    .and(col("report_year").eq(col("period") + lit(1))),
            )
            .sort_by_exprs(
                by(&["forecast", "report_id", "start", "o"]),
                SortMultipleOptions::default(),
            )
            .group_by_stable(by(&keys))
            .agg([col("o").first()]);
        let linked = targets
            .lazy()
            .join(chosen, by(&keys), by(&keys), JoinArgs::new(JoinType::Left))
            .sort(["t"], SortMultipleOptions::default())
            .select([col("t"), col("o")])
            .collect()?;
        let t = linked.column("t")?.u32()?;
        let o = linked.column("o")?.u32()?;
        let mut found = vec![None; self.targets.len()];
        for (t, o) in t.iter().zip(o.iter()) {
            if let (Some(t), Some(o)) = (t, o) {
                found[t as usize] = Some(o as usize);
            }
        }
        Ok(found)
    }
}

fn target_in(report_ix: usize, place_code: Option<String>, t: &gwr_model::Target) -> TargetIn {
    TargetIn {
        report_ix,
        fact_id: t.fact_id.clone(),
        report_id: t.report_id.clone(),
        place_code,
        indicator: t.indicator.clone().filter(|i| !i.is_empty()),
        measure: t.measure,
        period: t.period,
        value: t.value,
        value_max: t.value_max,
        qualifier: t.qualifier,
        unit: t.unit,
    }
}

fn row(t: &TargetIn, o: Option<&OutcomeIn>, n: Option<&NationalIn>) -> TargetOutcome {
    let direction = t.indicator.as_deref().and_then(direction_of);
    let j = judge(
        t.qualifier,
        t.value,
        t.value_max,
        direction,
        o.map(|o| o.value),
        missing_reason(t),
    );
    TargetOutcome {
        target_fact_id: Some(t.fact_id.clone()),
        report_id: t.report_id.clone(),
        place_code: t.place_code.clone(),
        indicator: t.indicator.clone(),
        measure: Some(t.measure),
        period: t.period,
        target_value: Some(t.value),
        target_value_max: t.value_max,
        qualifier: Some(t.qualifier),
        unit: Some(t.unit),
        direction: direction.map(|d| d.as_str().to_string()),
        outcome_fact_id: o.map(|o| o.fact_id.clone()),
        outcome_value: o.map(|o| o.value),
        outcome_source: o.map(|_| OutcomeSource::NextReport),
        outcome_status: o.map(|o| match o.status {
            Status::Forecast => OutcomeStatus::Preliminary,
            _ => OutcomeStatus::Actual,
        }),
        gap: o.map(|o| o.value - t.value),
        met: Some(j.met),
        met_reason: j.reason,
        row_id: t.fact_id.clone(),
        target_status: TargetStatus::Set,
        not_set_basis: None,
        start: None,
        end: None,
        quote: None,
        national_target_fact_id: n.map(|n| n.fact_id.clone()),
        national_target_value: n.map(|n| n.value),
        national_target_value_max: n.and_then(|n| n.value_max),
        national_qualifier: n.map(|n| n.qualifier),
        amplification: n.map(|n| t.value - n.value),
        // filled by `official::Official::fill`
        official_outcome_fact_id: None,
        official_outcome_value: None,
        official_outcome_source: None,
        official_gap: None,
        official_met: None,
        official_met_reason: None,
    }
}

/// Why a target can have no outcome, before looking: what it lacks to be linked.
fn missing_reason(t: &TargetIn) -> &'static str {
    if t.indicator.is_none() {
        "no outcome: the target has no indicator code to link on"
    } else if t.period.is_none() {
        "no outcome: the target's year is unknown"
    } else if t.place_code.is_none() {
        "no outcome: the report's place has no division code"
    } else {
        "no outcome: the package has no next report of the place stating this indicator for the target's year"
    }
}

#[cfg(test)]
mod tests;
