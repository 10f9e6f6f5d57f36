//! Whether a target was met: one rule per qualifier, turned by the indicator's direction.
//!
//! The rules are [`MET_RULES_MD`] (the data dictionary prints it).
//!
//! A decline target (a negative change: 能耗降低3%, value −3) is compared as magnitudes, with
//! the direction turned: a decline of 3.2 % meets "降低3%左右" of an indicator where lower is
//! better. No outcome, or a rule that cannot decide, gives `unclear` and the reason.

use crate::Direction;
use gwr_model::{Met, Qualifier};

/// The rules deciding `target_outcomes.met`, as the data dictionary prints them.
pub const MET_RULES_MD: &str = "\
| qualifier | higher is better | lower is better | no direction |\n\
|---|---|---|---|\n\
| `lower_bound` (以上, 不低于) | outcome ≥ target | outcome ≥ target | outcome ≥ target |\n\
| `upper_bound` (以内, 控制在) | outcome ≤ target | outcome ≤ target | outcome ≤ target |\n\
| `range` (a–b) | outcome ≥ a | outcome ≤ b | a ≤ outcome ≤ b |\n\
| `approx` (左右) | outcome ≥ target − 5 % of it | outcome ≤ target + 5 % of it | within 5 % of it, else unclear |\n\
| `exact` | outcome ≥ target | outcome ≤ target | equal, else unclear |\n\
\n\
A decline target (a negative change: 能耗降低3%, value −3) is compared as magnitudes with the \
direction turned: a decline of 3.2% meets 降低3%左右 where lower is better. `gap` is outcome − \
target (the lower end of a range). No outcome (no next report of the place in the package, or \
it states no figure of the same indicator, measure, unit and year) gives `unclear`; \
`met_reason` says which rule applied and why. Directions: `crates/gwr-panel/data/directions.tsv`.\n";

/// The share of an approximate target (左右) within which an outcome still counts as meeting
/// it: 5 % (7%左右 is met by 6.65 % and more when higher is better).
pub const APPROX_TOLERANCE: f64 = 0.05;

/// The verdict on one target and the reason, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// Yes, no or unclear.
    pub met: Met,
    /// Why.
    pub reason: String,
}

/// A number as the reasons print it: at most six decimals, no trailing zeros.
fn num(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Judges a target (`target`, `target_max` for a range, its qualifier, the indicator's
/// direction) against its outcome; `missing` is the reason given when there is no outcome.
pub fn judge(
    qualifier: Qualifier,
    target: f64,
    target_max: Option<f64>,
    direction: Option<Direction>,
    outcome: Option<f64>,
    missing: &str,
) -> Judgement {
    let Some(outcome) = outcome else {
        return Judgement {
            met: Met::Unclear,
            reason: missing.to_string(),
        };
    };
    let verdict = |ok: bool, rule: String| Judgement {
        met: if ok { Met::Yes } else { Met::No },
        reason: rule,
    };
    if qualifier == Qualifier::Range {
        return range(target, target_max, direction, outcome, verdict);
    }
    // a decline target: compare magnitudes, direction turned
    let decline = target < 0.0;
    let (t, o, direction) = if decline {
        (-target, -outcome, direction.map(Direction::flip))
    } else {
        (target, outcome, direction)
    };
    let what = if decline { "decline " } else { "" };
    let (st, so) = (num(t), num(o));
    match qualifier {
        Qualifier::LowerBound => verdict(
            o >= t,
            format!("{what}lower bound {st}: outcome {so} ≥ {st} meets it"),
        ),
        Qualifier::UpperBound => verdict(
            o <= t,
            format!("{what}ceiling {st}: outcome {so} ≤ {st} meets it"),
        ),
        Qualifier::Approx | Qualifier::Exact => {
            let tol = if qualifier == Qualifier::Approx {
                APPROX_TOLERANCE * t.abs()
            } else {
                0.0
            };
            let kind = if qualifier == Qualifier::Approx {
                format!("approximate {what}target {st} (tolerance {})", num(tol))
            } else {
                format!("exact {what}target {st}")
            };
            match direction {
                Some(Direction::Higher) => verdict(
                    o >= t - tol,
                    format!("{kind}, higher is better: outcome {so} ≥ {} meets it", num(t - tol)),
                ),
                Some(Direction::Lower) => verdict(
                    o <= t + tol,
                    format!("{kind}, lower is better: outcome {so} ≤ {} meets it", num(t + tol)),
                ),
                None if (o - t).abs() <= tol => Judgement {
                    met: Met::Yes,
                    reason: format!("{kind}, no direction: outcome {so} within the tolerance"),
                },
                None => Judgement {
                    met: Met::Unclear,
                    reason: format!("{kind}, no direction: outcome {so} is off the target and the indicator has no better side"),
                },
            }
        }
        Qualifier::Range => range(target, target_max, direction, outcome, verdict),
    }
}

/// The rule of a range target (3%—5%): against its lower end when higher is better, its upper
/// end when lower is better, within it otherwise.
fn range(
    target: f64,
    target_max: Option<f64>,
    direction: Option<Direction>,
    outcome: f64,
    verdict: impl Fn(bool, String) -> Judgement,
) -> Judgement {
    let (a, b) = (target, target_max.unwrap_or(target).max(target));
    let (o, sa, sb) = (num(outcome), num(a), num(b));
    match direction {
        Some(Direction::Higher) => verdict(
            outcome >= a,
            format!("range {sa}–{sb}, higher is better: outcome {o} against the lower end {sa}"),
        ),
        Some(Direction::Lower) => verdict(
            outcome <= b,
            format!("range {sa}–{sb}, lower is better: outcome {o} against the upper end {sb}"),
        ),
        None => verdict(
            (a..=b).contains(&outcome),
            format!("range {sa}–{sb}, no direction: outcome {o} must fall within it"),
        ),
    }
}
