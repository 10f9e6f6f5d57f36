//! The direction of each indicator for judging its targets: `data/directions.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The direction table as shipped (tab-separated, `#` comment lines, one header line).
pub const DIRECTIONS_TSV: &str = include_str!("../data/directions.tsv");

/// Which way an indicator's outcome is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// A higher outcome is better (growth, output, jobs).
    Higher,
    /// A lower outcome is better, or the target is a ceiling (prices, unemployment, deficits).
    Lower,
}

impl Direction {
    /// The name the tables use.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
        }
    }

    /// The other way.
    pub fn flip(self) -> Direction {
        match self {
            Direction::Higher => Direction::Lower,
            Direction::Lower => Direction::Higher,
        }
    }
}

/// One line of the table: code, direction (None for `none`), headline.
pub(crate) type Line = (String, Option<Direction>, bool);

/// Parses the table; a malformed line is an error naming it (the shipped table is checked by
/// a test, so the built-in one never fails).
pub(crate) fn parse(tsv: &str) -> Result<Vec<Line>, String> {
    let mut out = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("code\t") {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let [code, direction, headline, example] = cells[..] else {
            return Err(format!("line {}: expected 4 tab-separated cells", n + 1));
        };
        let direction = match direction {
            "higher" => Some(Direction::Higher),
            "lower" => Some(Direction::Lower),
            "none" => None,
            other => return Err(format!("line {}: unknown direction {other:?}", n + 1)),
        };
        let headline = match headline {
            "yes" => true,
            "no" => false,
            other => {
                return Err(format!(
                    "line {}: headline must be yes or no, not {other:?}",
                    n + 1
                ))
            }
        };
        if example.trim().is_empty() {
            return Err(format!("line {}: no example", n + 1));
        }
        out.push((code.to_string(), direction, headline));
    }
    Ok(out)
}

fn table() -> &'static HashMap<String, (Option<Direction>, bool)> {
    static TABLE: OnceLock<HashMap<String, (Option<Direction>, bool)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        parse(DIRECTIONS_TSV)
            .unwrap_or_default()
            .into_iter()
            .map(|(c, d, h)| (c, (d, h)))
            .collect()
    })
}

/// The direction of indicator `code`; `None` when it has none (or is not in the table).
pub fn direction_of(code: &str) -> Option<Direction> {
    table().get(code).and_then(|(d, _)| *d)
}

/// Whether `code` is a headline indicator of the reports.
pub fn is_headline(code: &str) -> bool {
    table().get(code).is_some_and(|(_, h)| *h)
}
