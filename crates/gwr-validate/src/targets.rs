//! Check 5: every `targets` row's claims recomputed from the facts it cites.
//!
//! As `gwr_extract::targets` defines them: the implied level is
//! baseline × (1 + growth / 100); the tolerance is the relative rounding of the printed level
//! plus the rounding of the printed growth rate carried to the level; the pair is consistent
//! iff |implied − level| ≤ tolerance × |level|. A target without a paired growth and level and
//! a baseline is `not_checkable`.

use std::collections::HashMap;

use gwr_numbers::printed_precision;

use crate::descriptor::Resource;
use crate::table::{num_text, Cell, Table};
use crate::values::close;
use crate::Report;

const TARGET_FIELDS: &[&str] = &[
    "fact_id",
    "consistency",
    "implied_value",
    "tolerance",
    "baseline_value",
    "baseline_fact_id",
    "level_fact_id",
    "growth_fact_id",
];

struct Fact<'a> {
    value: f64,
    value_raw: &'a str,
    measure: &'a str,
    unit: &'a str,
    period: Option<i64>,
}

impl Fact<'_> {
    fn is_growth(&self) -> bool {
        self.measure == "change" && self.unit == "percent"
    }
}

fn facts_of(t: &Table) -> HashMap<&str, Fact<'_>> {
    let mut out = HashMap::new();
    for row in &t.rows {
        let (Some(id), Some(value)) =
            (t.get(row, "fact_id").as_str(), t.get(row, "value").as_f64())
        else {
            continue;
        };
        out.insert(
            id,
            Fact {
                value,
                value_raw: t.get(row, "value_raw").as_str().unwrap_or(""),
                measure: t.get(row, "measure").as_str().unwrap_or(""),
                unit: t.get(row, "unit").as_str().unwrap_or(""),
                period: t.get(row, "period").as_i64(),
            },
        );
    }
    out
}

/// The facts table a targets resource cites: the target of its `fact_id` foreign key.
fn facts_table<'a>(r: &Resource, tables: &'a [(&'a Resource, &'a Table)]) -> Option<&'a Table> {
    let name = r
        .schema
        .as_ref()?
        .foreign_keys
        .iter()
        .find(|fk| fk.fields == ["fact_id"])
        .and_then(|fk| fk.resource.clone())
        .unwrap_or_else(|| "facts".to_string());
    let base = name.strip_suffix("-parquet").unwrap_or(&name).to_string();
    tables
        .iter()
        .find(|(x, _)| x.name == name)
        .or_else(|| tables.iter().find(|(x, _)| x.name == base))
        .map(|(_, t)| *t)
}

/// Recomputes the claims of every targets table.
pub(crate) fn check(tables: &[(&Resource, &Table)], report: &mut Report) {
    for (r, t) in tables {
        if !TARGET_FIELDS.iter().all(|f| t.has(f)) {
            continue;
        }
        let Some(ft) = facts_table(r, tables) else {
            report.push(
                &t.resource,
                None,
                Some("fact_id"),
                "target",
                "no facts table to recompute the targets from",
            );
            continue;
        };
        let facts = facts_of(ft);
        for (i, row) in t.rows.iter().enumerate() {
            check_row(t, row, i + 1, &facts, report);
        }
    }
}

fn opt_fact<'a>(
    t: &Table,
    row: &[Cell],
    field: &str,
    facts: &'a HashMap<&str, Fact<'a>>,
) -> Option<&'a Fact<'a>> {
    t.get(row, field).as_str().and_then(|id| facts.get(id))
}

fn check_row(
    t: &Table,
    row: &[Cell],
    row_no: usize,
    facts: &HashMap<&str, Fact<'_>>,
    report: &mut Report,
) {
    let name = &t.resource;
    let Some(fact) = opt_fact(t, row, "fact_id", facts) else {
        return; // unresolved: the foreign-key check reports it
    };
    report.stats.targets_checked += 1;
    let mut push =
        |field: &str, msg: String| report.push(name, Some(row_no), Some(field), "target", msg);

    if let Some(v) = t.get(row, "value").as_f64() {
        if !close(v, fact.value) {
            push(
                "value",
                format!(
                    "{} differs from the value {} of its fact",
                    num_text(v),
                    num_text(fact.value)
                ),
            );
        }
    }

    let level_id = t.get(row, "level_fact_id").as_str();
    let growth_id = t.get(row, "growth_fact_id").as_str();
    let (growth, level) = if level_id.is_some() {
        (Some(fact), opt_fact(t, row, "level_fact_id", facts))
    } else if growth_id.is_some() {
        (opt_fact(t, row, "growth_fact_id", facts), Some(fact))
    } else if fact.is_growth() {
        (Some(fact), None)
    } else if fact.measure == "level" {
        (None, Some(fact))
    } else {
        (None, None)
    };
    if let Some(g) = growth {
        if !g.is_growth() {
            push(
                "growth_fact_id",
                "the growth fact is not a change in percent".into(),
            );
        }
    }
    let baseline = opt_fact(t, row, "baseline_fact_id", facts);
    let claimed_baseline = t.get(row, "baseline_value").as_f64();
    match (baseline, claimed_baseline) {
        (Some(b), Some(v)) if !close(b.value, v) => push(
            "baseline_value",
            format!(
                "{} differs from the value {} of the baseline fact",
                num_text(v),
                num_text(b.value)
            ),
        ),
        (Some(b), _) => {
            if let (Some(p), Some(bp)) = (t.get(row, "baseline_period").as_i64(), b.period) {
                if p != bp {
                    push(
                        "baseline_period",
                        format!("{p} differs from the baseline fact's period {bp}"),
                    );
                }
            }
        }
        (None, Some(v)) => push(
            "baseline_value",
            format!("{} is given without a baseline fact", num_text(v)),
        ),
        (None, None) => {}
    }

    let claim = t.get(row, "consistency").as_str().unwrap_or("");
    let claimed_implied = t.get(row, "implied_value").as_f64();
    let claimed_tol = t.get(row, "tolerance").as_f64();
    match (growth, level, baseline) {
        (Some(g), Some(l), Some(b)) => {
            let implied = b.value * (1.0 + g.value / 100.0);
            let rel_level = printed_precision(l.value_raw).map_or(0.005, |(_, r)| r);
            let half_growth =
                printed_precision(g.value_raw).map_or(0.005, |(v, r)| r * v.abs()) / 100.0;
            let tol = if l.value.abs() > 0.0 {
                rel_level + half_growth * b.value.abs() / l.value.abs()
            } else {
                rel_level
            };
            if !claimed_implied.is_some_and(|c| close(c, implied)) {
                push(
                    "implied_value",
                    format!(
                        "is {}, but {} × (1 + {}%) = {}",
                        claimed_implied.map_or("empty".into(), num_text),
                        num_text(b.value),
                        num_text(g.value),
                        num_text(implied)
                    ),
                );
            }
            if !claimed_tol.is_some_and(|c| close(c, tol)) {
                push(
                    "tolerance",
                    format!(
                        "is {}, but the rounding of {:?} and {:?} gives {}",
                        claimed_tol.map_or("empty".into(), num_text),
                        l.value_raw,
                        g.value_raw,
                        num_text(tol)
                    ),
                );
            }
            let diff = (implied - l.value).abs();
            let consistent = diff <= tol * l.value.abs();
            let want = if consistent {
                "consistent"
            } else {
                "inconsistent"
            };
            if claim != want {
                let rel = if l.value != 0.0 {
                    diff / l.value.abs()
                } else {
                    0.0
                };
                push(
                    "consistency",
                    format!(
                        "claims {claim:?}, but {} × (1 + {}%) = {} vs level {}: relative difference {rel:.4} against tolerance {tol:.4}, so {want}",
                        num_text(b.value),
                        num_text(g.value),
                        num_text(implied),
                        num_text(l.value)
                    ),
                );
            }
        }
        (g, l, b) => {
            if let (Some(g), Some(b)) = (g, b) {
                let implied = b.value * (1.0 + g.value / 100.0);
                if !claimed_implied.is_some_and(|c| close(c, implied)) {
                    push(
                        "implied_value",
                        format!(
                            "is {}, but {} × (1 + {}%) = {}",
                            claimed_implied.map_or("empty".into(), num_text),
                            num_text(b.value),
                            num_text(g.value),
                            num_text(implied)
                        ),
                    );
                }
            }
            if claim != "not_checkable" {
                let why = match (g, l, b) {
                    (_, _, None) => "there is no baseline",
                    (None, _, _) => "there is no growth rate",
                    _ => "there is no stated level",
                };
                push(
                    "consistency",
                    format!("claims {claim:?}, but {why}, so the target is not_checkable"),
                );
            }
        }
    }
}
