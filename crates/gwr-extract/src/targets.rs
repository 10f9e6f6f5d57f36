//! Targets: one row per fact whose status is `target`, checked against the baseline the
//! report gives.
//!
//! - **Pairing.** A growth target (a `change` in percent) and a level target of the same
//!   sentence are paired through the fact's `relates_to` (增长7%，达到6.3亿元): the growth row
//!   gets `level_fact_id`, the level row gets `growth_fact_id`.
//! - **Baseline.** The previous year's `actual` `level` fact (period = target period − 1, same
//!   unit) of the same indicator; failing that, one whose subject equals the target's subject or
//!   contains it (or is contained in it). The earliest such fact in the text wins.
//! - **Implied value.** baseline × (1 + g / 100) for a growth target g in percent.
//! - **Consistency.** `consistent` when |implied − level| ≤ tolerance × level, where the
//!   relative tolerance is the rounding of the printed level — half a unit of its last printed
//!   digit over the level (6.3亿元 → 0.05 / 6.3 ≈ 0.79%) — plus the rounding of the printed
//!   growth rate carried to the level — half a unit of its last digit, times the baseline,
//!   over the level (7% → 0.5% × 5.87 / 6.3 ≈ 0.47%). `inconsistent` when the difference is
//!   larger; `not_checkable` when the target has no paired growth/level or no baseline.
//!   `tolerance` holds that combined relative tolerance.
//!
//! `target_id` is `{report_id}/t{n:02}` in text order here; [`crate::extract`] then gives every
//! row its stable id ([`crate::ids`]: a target takes the hex of its fact, `…/t-1a2b3c4d`).
//!
//! **Linear time.** The facts are indexed once (by id, by the level a growth target relates
//! to, and the previous-year actual levels by unit and period, by indicator and by subject),
//! so each target costs a few hash look-ups, not a pass over all facts. The one search left,
//! a subject that contains the target's subject or is contained in it, looks at no more than
//! the first [`MAX_BASELINE_SCAN`] actual levels of that unit and year, and its answer is
//! remembered per subject.

use std::collections::HashMap;

use gwr_model::{Consistency, Fact, Measure, Status, Target, Unit};

use crate::numbers::printed_precision;

/// One row per target fact, checked against its baseline.
pub fn build_targets(facts: &[Fact], report_id: &str) -> Vec<Target> {
    let mut ids: HashMap<&str, &Fact> = HashMap::new();
    let mut growth_of: HashMap<&str, &Fact> = HashMap::new();
    for f in facts {
        ids.entry(f.fact_id.as_str()).or_insert(f);
        if is_growth(f) && f.status == Status::Target {
            if let Some(l) = f.relates_to.as_deref() {
                growth_of.entry(l).or_insert(f);
            }
        }
    }
    let by_id = |id: &str| ids.get(id).copied();
    let mut baselines = Baselines::new(facts);
    let mut out = Vec::new();
    for f in facts.iter().filter(|f| f.status == Status::Target) {
        // pairing through relates_to, in either direction
        let (growth, level): (Option<&Fact>, Option<&Fact>) = if is_growth(f) {
            let lvl = f
                .relates_to
                .as_deref()
                .and_then(by_id)
                .filter(|l| l.measure == Measure::Level && l.status == Status::Target);
            (Some(f), lvl)
        } else if f.measure == Measure::Level {
            (growth_of.get(f.fact_id.as_str()).copied(), Some(f))
        } else {
            (None, None)
        };
        let anchor = level.unwrap_or(f);
        let baseline = if anchor.measure == Measure::Level {
            baselines.find(anchor)
        } else {
            None
        };
        let mut implied = None;
        let mut tolerance = None;
        let mut consistency = Consistency::NotCheckable;
        let note;
        match (growth, level, baseline) {
            (Some(g), Some(l), Some(b)) => {
                let imp = b.value * (1.0 + g.value / 100.0);
                let rel_level = printed_precision(&l.value_raw).map_or(0.005, |(_, r)| r);
                let half_growth =
                    printed_precision(&g.value_raw).map_or(0.005, |(v, r)| r * v.abs()) / 100.0;
                let tol = if l.value.abs() > 0.0 {
                    rel_level + half_growth * b.value.abs() / l.value.abs()
                } else {
                    rel_level
                };
                let diff = (imp - l.value).abs();
                consistency = if diff <= tol * l.value.abs() {
                    Consistency::Consistent
                } else {
                    Consistency::Inconsistent
                };
                note = Some(format!(
                    "{} {} × (1 {} {}%) = {} vs target {} {}; relative difference {:.4} against tolerance {:.4} (rounding of the printed level and growth rate)",
                    b.period.map(|p| p.to_string()).unwrap_or_default(),
                    fmt(b.value),
                    if g.value < 0.0 { "−" } else { "+" },
                    fmt(g.value.abs()),
                    fmt(imp),
                    l.quote,
                    fmt(l.value),
                    if l.value != 0.0 { diff / l.value.abs() } else { 0.0 },
                    tol
                ));
                implied = Some(imp);
                tolerance = Some(tol);
            }
            (Some(g), None, Some(b)) => {
                implied = Some(b.value * (1.0 + g.value / 100.0));
                note = Some("growth target without a stated level: the implied level is given, nothing to check it against".into());
            }
            (_, _, None) => {
                note = Some(if growth.is_some() && level.is_some() {
                    "growth and level stated, but the report gives no previous-year level to check them against".into()
                } else {
                    "no previous-year level of the same indicator in the report".into()
                });
            }
            (None, _, Some(_)) => {
                note = Some(
                    "level target without a growth rate: the baseline is given, nothing to check"
                        .into(),
                );
            }
        }
        let baseline_for_row = if f.measure == Measure::Level || growth.is_some() {
            baseline
        } else {
            None
        };
        out.push(Target {
            target_id: format!("{report_id}/t{:02}", out.len() + 1),
            report_id: report_id.to_string(),
            fact_id: f.fact_id.clone(),
            subject: f.subject.clone(),
            indicator: f.indicator.clone(),
            period: f.period,
            measure: f.measure,
            value: f.value,
            value_max: f.value_max,
            unit: f.unit,
            qualifier: f.qualifier,
            level_fact_id: if is_growth(f) {
                level.map(|l| l.fact_id.clone())
            } else {
                None
            },
            growth_fact_id: if is_growth(f) {
                None
            } else {
                growth.map(|g| g.fact_id.clone())
            },
            baseline_fact_id: baseline_for_row.map(|b| b.fact_id.clone()),
            baseline_value: baseline_for_row.map(|b| b.value),
            baseline_period: baseline_for_row.and_then(|b| b.period),
            implied_value: implied,
            tolerance,
            consistency,
            note,
        });
    }
    out
}

fn is_growth(f: &Fact) -> bool {
    f.measure == Measure::Change && f.unit == Unit::Percent
}

fn fmt(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// How many actual levels of one unit and year the containment search of a baseline looks
/// at, at most (the earliest wins, and a report has a few dozen of them).
pub const MAX_BASELINE_SCAN: usize = 256;

/// The actual levels of the report, indexed to find a target's baseline.
struct Baselines<'a> {
    /// By unit and period, in text order.
    by_period: HashMap<(Unit, i32), Vec<&'a Fact>>,
    /// The first by unit, period and indicator.
    by_indicator: HashMap<(Unit, i32, &'a str), &'a Fact>,
    /// The first by unit, period and subject.
    by_subject: HashMap<(Unit, i32, &'a str), &'a Fact>,
    /// Answers of the containment search, by unit, period and subject.
    contained: HashMap<(Unit, i32, &'a str), Option<&'a Fact>>,
}

impl<'a> Baselines<'a> {
    fn new(facts: &'a [Fact]) -> Self {
        let mut b = Baselines {
            by_period: HashMap::new(),
            by_indicator: HashMap::new(),
            by_subject: HashMap::new(),
            contained: HashMap::new(),
        };
        for f in facts {
            let (Status::Actual, Measure::Level, Some(p)) = (f.status, f.measure, f.period) else {
                continue;
            };
            b.by_period.entry((f.unit, p)).or_default().push(f);
            if let Some(code) = f.indicator.as_deref() {
                b.by_indicator.entry((f.unit, p, code)).or_insert(f);
            }
            b.by_subject
                .entry((f.unit, p, f.subject.as_str()))
                .or_insert(f);
        }
        b
    }

    /// The previous year's actual level of the same indicator (or subject) as `level`.
    fn find(&mut self, level: &'a Fact) -> Option<&'a Fact> {
        let period = level.period?.checked_sub(1)?;
        let unit = level.unit;
        if let Some(code) = level.indicator.as_deref() {
            if let Some(b) = self.by_indicator.get(&(unit, period, code)) {
                return Some(*b);
            }
        }
        let s = level.subject.as_str();
        if s.chars().count() < 2 {
            return None;
        }
        if let Some(b) = self.by_subject.get(&(unit, period, s)) {
            return Some(*b);
        }
        let key = (unit, period, s);
        if let Some(found) = self.contained.get(&key) {
            return *found;
        }
        let found = self.by_period.get(&(unit, period)).and_then(|list| {
            list.iter()
                .take(MAX_BASELINE_SCAN)
                .find(|b| {
                    b.subject.chars().count() >= 2
                        && (b.subject.contains(s) || s.contains(b.subject.as_str()))
                })
                .copied()
        });
        self.contained.insert(key, found);
        found
    }
}
