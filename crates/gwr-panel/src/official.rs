//! Official outcomes: the figure the NBS statistical communiqué on a target's year states
//! (`target_outcomes.official_*`).
//!
//! A statistical communiqué (a report whose `document_kind` is `statistical_communique`) sets
//! no targets and is no "next report": its facts are kept apart, and each target is matched to
//! the first fact, in text order, of a communiqué of the same place about the target's year
//! with the same indicator, measure and unit (`初步核算，全年国内生产总值…比上年增长5.2%` for a
//! 2023 target `国内生产总值增长5%左右`). The verdict follows the same rule as `met`
//! ([`crate::judge`]). The columns come after the next-report ones, which keep their meaning:
//! a target carries both outcomes side by side, `official_outcome_source` saying where the
//! second was read.

use gwr_model::{Measure, OutcomeSource, Report, TargetOutcome, Unit};

/// How the official columns are filled, as the data dictionary prints it.
pub const OFFICIAL_RULES_MD: &str = "\
Official outcomes · 官方结果 (`official_*`): where the package holds the NBS statistical \
communiqué (国民经济和社会发展统计公报, a report with `document_kind = statistical_communique`) \
on the target's year for the target's place, `official_outcome_fact_id` is the first fact of \
that communiqué, in text order, with the target's indicator, measure, unit and year \
(初步核算，全年国内生产总值…比上年增长5.2% for a 2023 GDP growth target), \
`official_outcome_source` is `statistical_communique`, and `official_met` follows the rules \
above; without one the official columns are empty and `official_met_reason` says why. The \
next-report columns (`outcome_*`, `gap`, `met`) never read a communiqué.\n";
use polars::prelude::*;

use crate::{direction_of, judge, PanelError, TargetIn};

/// A fact of a statistical communiqué that can be an official outcome.
#[derive(Debug, Clone, PartialEq)]
struct OfficialFact {
    fact_id: String,
    report_id: String,
    place_code: String,
    indicator: String,
    measure: Measure,
    unit: Unit,
    period: i32,
    /// The figure is about another year than the communiqué reports on (上年…).
    other_year: bool,
    start: u64,
    value: f64,
}

/// The facts of the statistical communiqués of a package, gathered report by report.
#[derive(Debug, Clone, Default)]
pub(crate) struct Official {
    facts: Vec<OfficialFact>,
}

impl Official {
    /// Keeps the facts of a communiqué that can be official outcomes: with an indicator and a
    /// period, of a place with a code. (Every fact of a communiqué is achieved.)
    pub(crate) fn add(&mut self, report: &Report, place: Option<&str>) {
        let Some(place) = place else {
            return;
        };
        for f in &report.facts {
            let (Some(indicator), Some(period)) = (f.indicator.as_deref(), f.period) else {
                continue;
            };
            if indicator.is_empty() {
                continue;
            }
            self.facts.push(OfficialFact {
                fact_id: f.fact_id.clone(),
                report_id: f.report_id.clone(),
                place_code: place.to_string(),
                indicator: indicator.to_string(),
                measure: f.measure,
                unit: f.unit,
                period,
                other_year: report.report.as_ref().and_then(|r| r.report_year) != Some(period),
                start: f.start,
                value: f.value,
            });
        }
    }

    /// Fills the official columns of `rows` (one per target of `targets`, in the same order).
    pub(crate) fn fill(
        &self,
        targets: &[TargetIn],
        rows: &mut [&mut TargetOutcome],
    ) -> Result<(), PanelError> {
        let found = self.link(targets)?;
        for ((t, row), o) in targets.iter().zip(rows.iter_mut()).zip(found) {
            let o = o.and_then(|i| self.facts.get(i));
            set(t, row, o);
        }
        Ok(())
    }

    /// For each target, the communiqué fact chosen for it (an index into `self.facts`): same
    /// place, indicator, measure, unit and year; the first of its report in text order.
    fn link(&self, targets: &[TargetIn]) -> Result<Vec<Option<usize>>, PanelError> {
        let mut found = vec![None; targets.len()];
        if self.facts.is_empty() || targets.is_empty() {
            return Ok(found);
        }
        let keys = ["place_code", "indicator", "measure", "unit", "period"];
        let by = |names: &[&str]| names.iter().map(|n| col(*n)).collect::<Vec<_>>();
        let wanted = df!(
            "t" => (0..targets.len() as u32).collect::<Vec<_>>(),
            "place_code" => targets.iter().map(|t| t.place_code.clone()).collect::<Vec<_>>(),
            "indicator" => targets.iter().map(|t| t.indicator.clone()).collect::<Vec<_>>(),
            "measure" => targets.iter().map(|t| t.measure as u32).collect::<Vec<_>>(),
            "unit" => targets.iter().map(|t| t.unit as u32).collect::<Vec<_>>(),
            "period" => targets.iter().map(|t| t.period).collect::<Vec<_>>(),
        )?;
        let f = &self.facts;
        let stated = df!(
            "o" => (0..f.len() as u32).collect::<Vec<_>>(),
            "report_id" => f.iter().map(|f| f.report_id.as_str()).collect::<Vec<_>>(),
            "place_code" => f.iter().map(|f| f.place_code.as_str()).collect::<Vec<_>>(),
            "indicator" => f.iter().map(|f| f.indicator.as_str()).collect::<Vec<_>>(),
            "measure" => f.iter().map(|f| f.measure as u32).collect::<Vec<_>>(),
            "unit" => f.iter().map(|f| f.unit as u32).collect::<Vec<_>>(),
            "period" => f.iter().map(|f| Some(f.period)).collect::<Vec<_>>(),
            "other_year" => f.iter().map(|f| f.other_year).collect::<Vec<_>>(),
            "start" => f.iter().map(|f| f.start).collect::<Vec<_>>(),
        )?;
        // the figure of (place, indicator, measure, unit, Y): the first the communiqué on Y
        // states (another year's communiqué only when none does)
        let chosen = stated
            .lazy()
            .sort_by_exprs(
                by(&["other_year", "report_id", "start", "o"]),
                SortMultipleOptions::default(),
            )
            .group_by_stable(by(&keys))
            .agg([col("o").first()]);
        let linked = wanted
            .lazy()
            .join(chosen, by(&keys), by(&keys), JoinArgs::new(JoinType::Left))
            .select([col("t"), col("o")])
            .collect()?;
        let t = linked.column("t")?.u32()?;
        let o = linked.column("o")?.u32()?;
        for (t, o) in t.iter().zip(o.iter()) {
            if let (Some(t), Some(o)) = (t, o) {
                if let Some(slot) = found.get_mut(t as usize) {
                    *slot = Some(o as usize);
                }
            }
        }
        Ok(found)
    }
}

/// The official columns of one row: the communiqué's figure and the verdict on it, or why
/// there is none.
fn set(t: &TargetIn, row: &mut TargetOutcome, o: Option<&OfficialFact>) {
    let Some(o) = o else {
        row.official_outcome_fact_id = None;
        row.official_outcome_value = None;
        row.official_outcome_source = None;
        row.official_gap = None;
        row.official_met = None;
        row.official_met_reason = Some(missing(t).to_string());
        return;
    };
    let direction = t.indicator.as_deref().and_then(direction_of);
    let j = judge(
        t.qualifier,
        t.value,
        t.value_max,
        direction,
        Some(o.value),
        "",
    );
    row.official_outcome_fact_id = Some(o.fact_id.clone());
    row.official_outcome_value = Some(o.value);
    row.official_outcome_source = Some(OutcomeSource::StatisticalCommunique);
    row.official_gap = Some(o.value - t.value);
    row.official_met = Some(j.met);
    row.official_met_reason = Some(j.reason);
}

/// Why a target has no official outcome.
fn missing(t: &TargetIn) -> &'static str {
    if t.indicator.is_none() {
        "no official outcome: the target has no indicator code to link on"
    } else if t.period.is_none() {
        "no official outcome: the target's year is unknown"
    } else if t.place_code.is_none() {
        "no official outcome: the report's place has no division code"
    } else {
        "no official outcome: the package has no statistical communiqué of the place stating this indicator for the target's year"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Panel;
    use gwr_model::{DocumentKind, Fact, Met, Qualifier, ReportRow, Status, Target, YearBasis};

    fn report(id: &str, year: i32, kind: DocumentKind, facts: Vec<Fact>) -> Report {
        let targets = facts
            .iter()
            .filter(|f| f.status == Status::Target)
            .map(|f| Target {
                target_id: f.fact_id.replace("/f-", "/t-"),
                report_id: id.into(),
                fact_id: f.fact_id.clone(),
                subject: f.subject.clone(),
                indicator: f.indicator.clone(),
                period: f.period,
                measure: f.measure,
                value: f.value,
                value_max: f.value_max,
                unit: f.unit,
                qualifier: f.qualifier,
                level_fact_id: None,
                growth_fact_id: None,
                baseline_fact_id: None,
                baseline_value: None,
                baseline_period: None,
                implied_value: None,
                tolerance: None,
                consistency: gwr_model::Consistency::NotCheckable,
                note: None,
            })
            .collect();
        Report {
            report: Some(ReportRow {
                report_id: id.into(),
                title: String::new(),
                place_zh: "中华人民共和国".into(),
                place_en: String::new(),
                place_code: Some("100000".into()),
                admin_level: gwr_model::AdminLevel::National,
                parent_areas: String::new(),
                report_year: Some(year),
                report_year_basis: YearBasis::Metadata,
                delivered_date: None,
                delivered_date_note: None,
                published_date: None,
                meeting: None,
                speaker: None,
                speaker_title: None,
                source_url: None,
                publisher: None,
                language: "zh-Hans".into(),
                encoding: "UTF-8".into(),
                sha256: "0".repeat(64),
                char_count: 0,
                body_start: 0,
                body_end: 0,
                document_kind: kind,
            }),
            facts,
            targets,
            ..Report::default()
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn fact(
        id: &str,
        indicator: &str,
        measure: Measure,
        unit: Unit,
        status: Status,
        period: i32,
        value: f64,
        qualifier: Qualifier,
        start: u64,
    ) -> Fact {
        Fact {
            fact_id: id.into(),
            report_id: id.split('/').next().unwrap_or(id).into(),
            section_id: None,
            paragraph_id: String::new(),
            subject: String::new(),
            indicator: Some(indicator.into()),
            value,
            unit,
            value_max: None,
            value_raw: value.to_string(),
            unit_raw: None,
            measure,
            status,
            period: Some(period),
            qualifier,
            relates_to: None,
            start,
            end: start + 1,
            quote: value.to_string(),
        }
    }

    use DocumentKind::{StatisticalCommunique, WorkReport};
    use Measure::{Change, Rate};
    use Qualifier::{Approx, Exact, UpperBound};
    use Status::{Actual, Target as Planned};
    use Unit::Percent;

    /// A 2023 work report with a GDP and an unemployment target, the 2024 report reviewing
    /// 2023, and the 2023 communiqué: both outcomes, side by side.
    fn panel() -> (Panel, Vec<TargetOutcome>) {
        let plan = report(
            "cn-2023",
            2023,
            WorkReport,
            vec![
                fact(
                    "cn-2023/f-1",
                    "gdp",
                    Change,
                    Percent,
                    Planned,
                    2023,
                    5.0,
                    Approx,
                    10,
                ),
                fact(
                    "cn-2023/f-2",
                    "urban_surveyed_unemployment",
                    Rate,
                    Percent,
                    Planned,
                    2023,
                    5.5,
                    UpperBound,
                    20,
                ),
                fact(
                    "cn-2023/f-3",
                    "cpi",
                    Change,
                    Percent,
                    Planned,
                    2023,
                    3.0,
                    Approx,
                    30,
                ),
            ],
        );
        let review = report(
            "cn-2024",
            2024,
            WorkReport,
            vec![fact(
                "cn-2024/f-1",
                "gdp",
                Change,
                Percent,
                Actual,
                2023,
                5.2,
                Exact,
                10,
            )],
        );
        let communique = report(
            "cn-nbs-communique-2023",
            2023,
            StatisticalCommunique,
            vec![
                // the year's figure first, a quarter's later: the first is taken
                fact(
                    "cn-nbs-communique-2023/f-1",
                    "gdp",
                    Change,
                    Percent,
                    Actual,
                    2023,
                    5.2,
                    Exact,
                    100,
                ),
                fact(
                    "cn-nbs-communique-2023/f-2",
                    "gdp",
                    Change,
                    Percent,
                    Actual,
                    2023,
                    4.5,
                    Exact,
                    200,
                ),
                fact(
                    "cn-nbs-communique-2023/f-3",
                    "urban_surveyed_unemployment",
                    Rate,
                    Percent,
                    Actual,
                    2023,
                    5.2,
                    Exact,
                    300,
                ),
                // about another year: never an outcome of 2023
                fact(
                    "cn-nbs-communique-2023/f-4",
                    "cpi",
                    Change,
                    Percent,
                    Actual,
                    2022,
                    2.0,
                    Exact,
                    400,
                ),
            ],
        );
        let mut p = Panel::default();
        for r in [&plan, &review, &communique] {
            p.add(r);
        }
        let rows = set_rows(&p);
        (p, rows)
    }

    /// The target rows (the work reports' not_set rows aside).
    fn set_rows(p: &Panel) -> Vec<TargetOutcome> {
        let rows = p.target_outcomes().expect("links");
        rows.into_iter()
            .filter(|r| r.target_status == gwr_model::TargetStatus::Set)
            .collect()
    }

    #[test]
    fn a_national_target_gets_the_communique_figure_beside_the_next_report() {
        let (_, rows) = panel();
        // the communiqué sets no targets: one row per target of the work reports
        assert_eq!(rows.len(), 3);
        let gdp = &rows[0];
        assert_eq!(gdp.outcome_fact_id.as_deref(), Some("cn-2024/f-1"));
        assert_eq!(gdp.outcome_source, Some(OutcomeSource::NextReport));
        assert_eq!(
            gdp.official_outcome_fact_id.as_deref(),
            Some("cn-nbs-communique-2023/f-1")
        );
        assert_eq!(gdp.official_outcome_value, Some(5.2));
        assert_eq!(
            gdp.official_outcome_source,
            Some(OutcomeSource::StatisticalCommunique)
        );
        assert!((gdp.official_gap.unwrap() - 0.2).abs() < 1e-9);
        assert_eq!(gdp.official_met, Some(Met::Yes));
        // the unemployment target has no next-report outcome but an official one
        let jobs = &rows[1];
        assert_eq!(jobs.outcome_fact_id, None);
        assert_eq!(jobs.met, Some(Met::Unclear));
        assert_eq!(jobs.official_outcome_value, Some(5.2));
        assert_eq!(
            jobs.official_met,
            Some(Met::Yes),
            "{:?}",
            jobs.official_met_reason
        );
        // the CPI figure of the communiqué is about 2022: no official outcome, and why
        let cpi = &rows[2];
        assert_eq!(cpi.official_outcome_fact_id, None);
        assert_eq!(cpi.official_met, None);
        assert!(cpi
            .official_met_reason
            .as_deref()
            .unwrap()
            .starts_with("no official outcome"));
    }

    #[test]
    fn a_communique_is_never_a_next_report() {
        // a communiqué on 2024 states a 2023 figure (上年): it is not the next report of 2023
        let plan = report(
            "cn-2023",
            2023,
            WorkReport,
            vec![fact(
                "cn-2023/f-1",
                "gdp",
                Change,
                Percent,
                Planned,
                2023,
                5.0,
                Approx,
                10,
            )],
        );
        let communique = report(
            "cn-nbs-communique-2024",
            2024,
            StatisticalCommunique,
            vec![fact(
                "cn-nbs-communique-2024/f-1",
                "gdp",
                Change,
                Percent,
                Actual,
                2023,
                5.2,
                Exact,
                10,
            )],
        );
        let mut p = Panel::default();
        p.add(&plan);
        p.add(&communique);
        let rows = set_rows(&p);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].outcome_fact_id, None, "{:?}", rows[0]);
        // but it is the official source of the year its fact is about
        assert_eq!(rows[0].official_outcome_value, Some(5.2));
    }

    #[test]
    fn without_communiques_the_official_columns_say_why() {
        let plan = report(
            "cn-2023",
            2023,
            WorkReport,
            vec![fact(
                "cn-2023/f-1",
                "gdp",
                Change,
                Percent,
                Planned,
                2023,
                5.0,
                Approx,
                10,
            )],
        );
        let mut p = Panel::default();
        p.add(&plan);
        let rows = p.target_outcomes().expect("links");
        assert_eq!(rows[0].official_outcome_source, None);
        assert_eq!(
            rows[0].official_met_reason.as_deref(),
            Some("no official outcome: the package has no statistical communiqué of the place stating this indicator for the target's year")
        );
    }
}
