//! Across levels: beside each target of a sub-national report, the national target of the same
//! indicator, measure, unit and year, and the difference (the amplification research measures).
//!
//! The national targets are those of the package's national reports (place `100000`) and of the
//! reference reports handed to [`crate::Panel::add_reference`] (the national collection, for the
//! provinces' release, which holds no national report). When the national report states several
//! targets of one key, the first (in the order the reports and their targets were added) is the
//! one beside the others. Amplification is `target_value − national_target_value`, both the
//! lower end of a range: a province aiming at 7 % beside a national 6 %–6.5 % aims 1 point above.

use polars::prelude::*;

use crate::{PanelError, TargetIn};

/// The division code of the country.
pub(crate) const COUNTRY: &str = "100000";

/// A national target, kept to be set beside sub-national ones.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NationalIn {
    pub fact_id: String,
    pub indicator: String,
    pub measure: gwr_model::Measure,
    pub unit: gwr_model::Unit,
    pub period: i32,
    pub value: f64,
    pub value_max: Option<f64>,
    pub qualifier: gwr_model::Qualifier,
}

impl NationalIn {
    /// The national target `t` as kept, when it has an indicator and a year.
    pub(crate) fn of(t: &TargetIn) -> Option<NationalIn> {
        Some(NationalIn {
            fact_id: t.fact_id.clone(),
            indicator: t.indicator.clone()?,
            measure: t.measure,
            unit: t.unit,
            period: t.period?,
            value: t.value,
            value_max: t.value_max,
            qualifier: t.qualifier,
        })
    }
}

/// Whether a target is of a sub-national report: its place is known and is not the country.
pub(crate) fn is_sub_national(t: &TargetIn) -> bool {
    t.place_code.as_deref().is_some_and(|c| c != COUNTRY)
}

/// For each target (in order), the national target beside it, as an index into `national`.
pub(crate) fn national_beside(
    targets: &[TargetIn],
    national: &[NationalIn],
) -> Result<Vec<Option<usize>>, PanelError> {
    let mut found = vec![None; targets.len()];
    if national.is_empty() || !targets.iter().any(is_sub_national) {
        return Ok(found);
    }
    let keys = ["indicator", "measure", "unit", "period"];
    let by = |names: &[&str]| names.iter().map(|n| col(*n)).collect::<Vec<_>>();
    let sub: Vec<u32> = (0..targets.len() as u32)
        .filter(|&i| targets.get(i as usize).is_some_and(is_sub_national))
        .collect();
    let pick = |f: &dyn Fn(&TargetIn) -> Option<u32>| -> Vec<Option<u32>> {
        sub.iter()
            .map(|&i| targets.get(i as usize).and_then(f))
            .collect()
    };
    let left = df!(
        "t" => sub.clone(),
        "indicator" => sub.iter().map(|&i| targets.get(i as usize).and_then(|t| t.indicator.clone())).collect::<Vec<_>>(),
        "measure" => pick(&|t| Some(t.measure as u32)),
        "unit" => pick(&|t| Some(t.unit as u32)),
        "period" => sub.iter().map(|&i| targets.get(i as usize).and_then(|t| t.period)).collect::<Vec<_>>(),
    )?;
    let right = df!(
        "n" => (0..national.len() as u32).collect::<Vec<_>>(),
        "indicator" => national.iter().map(|n| n.indicator.as_str()).collect::<Vec<_>>(),
        "measure" => national.iter().map(|n| n.measure as u32).collect::<Vec<_>>(),
        "unit" => national.iter().map(|n| n.unit as u32).collect::<Vec<_>>(),
        "period" => national.iter().map(|n| n.period).collect::<Vec<_>>(),
    )?;
    let first = right
        .lazy()
        .sort(["n"], SortMultipleOptions::default())
        .group_by_stable(by(&keys))
        .agg([col("n").first()]);
    let linked = left
        .lazy()
        .join(first, by(&keys), by(&keys), JoinArgs::new(JoinType::Left))
        .select([col("t"), col("n")])
        .collect()?;
    let t = linked.column("t")?.u32()?;
    let n = linked.column("n")?.u32()?;
    for (t, n) in t.iter().zip(n.iter()) {
        if let (Some(t), Some(n)) = (t, n) {
            if let Some(slot) = found.get_mut(t as usize) {
                *slot = Some(n as usize);
            }
        }
    }
    Ok(found)
}
