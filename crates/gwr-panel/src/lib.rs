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
//! ```
//! use gwr_panel::Panel;
//!
//! let panel = Panel::default();
//! assert!(panel.target_outcomes().unwrap().is_empty());
//! ```
#![deny(missing_docs)]

mod directions;
mod judge;
mod official;

pub use directions::{direction_of, is_headline, Direction, DIRECTIONS_TSV};
pub use judge::{judge, Judgement, APPROX_TOLERANCE, MET_RULES_MD};
pub use official::OFFICIAL_RULES_MD;

use gwr_model::{
    DocumentKind, Measure, OutcomeSource, OutcomeStatus, Qualifier, Report, Status, TargetOutcome,
    Unit,
};
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
struct TargetIn {
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

/// The reports, targets and candidate outcomes of a package, gathered report by report.
#[derive(Debug, Clone, Default)]
pub struct Panel {
    reports: Vec<(String, Option<String>, Option<i32>)>,
    targets: Vec<TargetIn>,
    outcomes: Vec<OutcomeIn>,
    /// The facts of the statistical communiqués: official outcomes, never next reports.
    official: official::Official,
}

impl Panel {
    /// Keeps what the panel needs of one report: its place and year, its targets, and its facts
    /// that can be outcomes.
    pub fn add(&mut self, report: &Report) {
        let Some(row) = &report.report else {
            return;
        };
        let place = row.place_code.clone().filter(|c| !c.is_empty());
        if row.document_kind == DocumentKind::StatisticalCommunique {
            self.official.add(report, place.as_deref());
            return;
        }
        self.reports
            .push((row.report_id.clone(), place.clone(), row.report_year));
        for t in &report.targets {
            self.targets.push(TargetIn {
                fact_id: t.fact_id.clone(),
                report_id: t.report_id.clone(),
                place_code: place.clone(),
                indicator: t.indicator.clone().filter(|i| !i.is_empty()),
                measure: t.measure,
                period: t.period,
                value: t.value,
                value_max: t.value_max,
                qualifier: t.qualifier,
                unit: t.unit,
            });
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

    /// The `target_outcomes` rows: one per target, in the order the targets were added.
    pub fn target_outcomes(&self) -> Result<Vec<TargetOutcome>, PanelError> {
        if self.targets.is_empty() {
            return Ok(Vec::new());
        }
        let found = self.link()?;
        let mut rows: Vec<TargetOutcome> = self
            .targets
            .iter()
            .zip(found)
            .map(|(t, o)| row(t, o.map(|i| &self.outcomes[i])))
            .collect();
        self.official.fill(&self.targets, &mut rows)?;
        Ok(rows)
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

fn row(t: &TargetIn, o: Option<&OutcomeIn>) -> TargetOutcome {
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
        target_fact_id: t.fact_id.clone(),
        report_id: t.report_id.clone(),
        place_code: t.place_code.clone(),
        indicator: t.indicator.clone(),
        measure: t.measure,
        period: t.period,
        target_value: t.value,
        target_value_max: t.value_max,
        qualifier: t.qualifier,
        unit: t.unit,
        direction: direction.map(|d| d.as_str().to_string()),
        outcome_fact_id: o.map(|o| o.fact_id.clone()),
        outcome_value: o.map(|o| o.value),
        outcome_source: o.map(|_| OutcomeSource::NextReport),
        outcome_status: o.map(|o| match o.status {
            Status::Forecast => OutcomeStatus::Preliminary,
            _ => OutcomeStatus::Actual,
        }),
        gap: o.map(|o| o.value - t.value),
        met: j.met,
        met_reason: j.reason,
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
