//! The extractor and the panel measured against our own gold: headline targets and outcomes
//! annotated by hand from national and provincial reports (`tests/gold/`, conventions in its
//! README). Each gold report is extracted from the collections' committed sources with the
//! metadata of `manifest.csv` (as the releases are), all of them go through one `Panel`, and
//! the `target_outcomes` rows are compared with the gold rows.
//!
//! `cargo test -p gwr-panel --test gold -- --nocapture` prints, per set (tune / heldout) and
//! level (national / provincial): the targets found with the right indicator, measure, value,
//! qualifier, unit and period; the annotated outcomes the matching `target_outcomes` row
//! carries (same value, from the next report); the `not_set` statements found; and one line
//! per miss. The floors below are today's numbers rounded down, so a regression fails.
//! `heldout/` is for measuring only: never tune the extractor on its misses.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use gwr_extract::{extract, SourceInfo};
use gwr_model::{AdminLevel, Report, ReportMeta, TargetOutcome};
use gwr_panel::Panel;

const SETS: [&str; 2] = ["tune", "heldout"];
const LEVELS: [&str; 2] = ["national", "provincial"];

/// (set, level) → (targets found, outcomes carried, not_set found): today's numbers rounded
/// down. Raise them when the extractor improves; never lower them to make a change pass.
const FLOORS: [(&str, &str, usize, usize, usize); 4] = [
    ("tune", "national", 61, 21, 2),
    ("tune", "provincial", 137, 54, 1),
    ("heldout", "national", 37, 8, 0),
    ("heldout", "provincial", 85, 14, 0),
];

/// One row of a gold file.
#[derive(Debug, Clone)]
struct Gold {
    line: usize,
    report_file: String,
    place_code: String,
    kind: String,
    indicator: String,
    measure: String,
    period: i32,
    value: Option<f64>,
    value_max: Option<f64>,
    qualifier: String,
    unit: String,
    status: String,
    quote: String,
}

impl Gold {
    fn key(&self) -> (String, String, String, i32) {
        (
            self.place_code.clone(),
            self.indicator.clone(),
            self.measure.clone(),
            self.period,
        )
    }

    fn describe(&self) -> String {
        let value = match (self.value, self.value_max) {
            (Some(v), Some(m)) => format!("{v}–{m}"),
            (Some(v), None) => format!("{v}"),
            _ => "-".into(),
        };
        format!(
            "{} {} {} {} {} {} {} «{}»",
            self.indicator,
            self.measure,
            self.period,
            value,
            self.qualifier,
            self.unit,
            self.status,
            self.quote
        )
    }
}

/// A line of a manifest: what the release extracts a source file with.
#[derive(Debug, Clone)]
struct Manifest {
    report_id: String,
    report_year: Option<i32>,
    place_zh: String,
    admin_level: String,
    place_code: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gold_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold")
}

/// Splits one CSV line (double quotes, `""` inside quotes); manifest lines hold no newlines.
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

fn manifests() -> HashMap<String, Manifest> {
    let mut out = HashMap::new();
    for coll in ["national", "provinces"] {
        let path = root().join(format!("data/collections/{coll}/manifest.csv"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut lines = text.lines();
        let header = csv_fields(lines.next().expect("a header"));
        let col = |name: &str| {
            header
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("{}: no column {name}", path.display()))
        };
        let (file, id, year, place, level, code) = (
            col("file"),
            col("report_id"),
            col("report_year"),
            col("place_zh"),
            col("admin_level"),
            col("place_code"),
        );
        for line in lines.filter(|l| !l.trim().is_empty()) {
            let f = csv_fields(line);
            out.insert(
                format!("data/collections/{coll}/sources/{}", f[file]),
                Manifest {
                    report_id: f[id].clone(),
                    report_year: f[year].parse().ok(),
                    place_zh: f[place].clone(),
                    admin_level: f[level].clone(),
                    place_code: f[code].clone(),
                },
            );
        }
    }
    out
}

fn number(s: &str, what: &str, line: usize) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    Some(
        s.parse()
            .unwrap_or_else(|_| panic!("line {line}: {what} `{s}` is not a number")),
    )
}

fn read_gold(set: &str, level: &str) -> Vec<Gold> {
    let path = gold_dir().join(set).join(format!("{level}.tsv"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines().enumerate();
    let (_, header) = lines.next().expect("a header");
    let header: Vec<&str> = header.split('\t').collect();
    assert_eq!(
        header,
        "report_file place_code report_year kind indicator measure period value value_max qualifier unit status quote note"
            .split(' ')
            .collect::<Vec<_>>(),
        "{}: header",
        path.display()
    );
    let mut out = Vec::new();
    for (i, line) in lines {
        let line_no = i + 1;
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            f.len(),
            header.len(),
            "{}:{line_no}: columns",
            path.display()
        );
        out.push(Gold {
            line: line_no,
            report_file: f[0].into(),
            place_code: f[1].into(),
            kind: f[3].into(),
            indicator: f[4].into(),
            measure: f[5].into(),
            period: f[6]
                .parse()
                .unwrap_or_else(|_| panic!("{}:{line_no}: period", path.display())),
            value: number(f[7], "value", line_no),
            value_max: number(f[8], "value_max", line_no),
            qualifier: f[9].into(),
            unit: f[10].into(),
            status: f[11].into(),
            quote: f[12].into(),
        });
    }
    out
}

/// The serde name of a value (`lower_bound`, `CNY`, `change`…), as the tables write it.
fn name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn matches(g: &Gold, r: &TargetOutcome) -> bool {
    r.indicator.as_deref() == Some(g.indicator.as_str())
        && name(&r.measure) == g.measure
        && r.period == Some(g.period)
        && g.value
            .is_some_and(|v| r.target_value.is_some_and(|t| close(t, v)))
        && close_opt(r.target_value_max, g.value_max)
        && name(&r.qualifier) == g.qualifier
        && name(&r.unit) == g.unit
}

fn show(r: &TargetOutcome) -> String {
    let target = r
        .target_value
        .map_or("(no value)".into(), |v| v.to_string());
    let value = match r.target_value_max {
        Some(m) => format!("{target}–{m}"),
        None => target,
    };
    format!(
        "{} {} {} {} {} {}",
        r.indicator.as_deref().unwrap_or("(no indicator)"),
        name(&r.measure),
        r.period.map_or("(no period)".into(), |p| p.to_string()),
        value,
        name(&r.qualifier),
        name(&r.unit)
    )
}

/// What we produced nearest to a gold target: rows of the report with the same value, else
/// with the same indicator.
fn nearest(g: &Gold, rows: &[&TargetOutcome]) -> String {
    let same_value: Vec<_> = rows
        .iter()
        .filter(|r| {
            g.value
                .is_some_and(|v| r.target_value.is_some_and(|t| close(t, v)))
        })
        .map(|r| show(r))
        .collect();
    if !same_value.is_empty() {
        return same_value.join(" | ");
    }
    let same_indicator: Vec<_> = rows
        .iter()
        .filter(|r| r.indicator.as_deref() == Some(g.indicator.as_str()))
        .map(|r| show(r))
        .collect();
    if !same_indicator.is_empty() {
        return format!("only {}", same_indicator.join(" | "));
    }
    "no target row with this value or indicator".into()
}

fn extract_file(file: &str, m: &Manifest) -> Report {
    let path = root().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let admin_level: AdminLevel =
        serde_json::from_value(serde_json::Value::String(m.admin_level.clone()))
            .unwrap_or_else(|e| panic!("{file}: admin_level {}: {e}", m.admin_level));
    let meta = ReportMeta {
        report_id: m.report_id.clone(),
        place_zh: m.place_zh.clone(),
        admin_level,
        report_year: m.report_year,
        place_code: Some(m.place_code.clone()).filter(|c| !c.is_empty()),
        language: gwr_extract::infer::language_of(&text).into(),
        ..ReportMeta::default()
    };
    let info = SourceInfo {
        markdown: true,
        ..SourceInfo::utf8(&text)
    };
    extract(&text, &meta, &info)
}

#[derive(Default)]
struct Tally {
    targets: (usize, usize),
    outcomes: (usize, usize),
    not_set: (usize, usize),
    misses: Vec<String>,
}

#[test]
fn gold_targets_and_outcomes() {
    let manifest = manifests();
    let gold: BTreeMap<(&str, &str), Vec<Gold>> = SETS
        .iter()
        .flat_map(|s| LEVELS.iter().map(move |l| (*s, *l)))
        .map(|(s, l)| ((s, l), read_gold(s, l)))
        .collect();

    // the gold is well-formed: known files, quotes from their text, places as the manifest says
    let mut problems = Vec::new();
    let mut texts: HashMap<String, String> = HashMap::new();
    for ((set, level), rows) in &gold {
        for g in rows {
            let at = format!("{set}/{level}.tsv:{}", g.line);
            let Some(m) = manifest.get(&g.report_file) else {
                problems.push(format!("{at}: {} is not in a manifest", g.report_file));
                continue;
            };
            if m.place_code != g.place_code {
                problems.push(format!(
                    "{at}: place_code {} ≠ {}",
                    g.place_code, m.place_code
                ));
            }
            let text = texts.entry(g.report_file.clone()).or_insert_with(|| {
                std::fs::read_to_string(root().join(&g.report_file)).unwrap_or_default()
            });
            if !text.contains(&g.quote) {
                problems.push(format!("{at}: quote «{}» is not in the text", g.quote));
            }
            let kind_ok = match g.kind.as_str() {
                "target" => g.status == "target" && g.value.is_some(),
                "outcome" => {
                    matches!(g.status.as_str(), "actual" | "forecast") && g.value.is_some()
                }
                "not_set" => g.status.is_empty() && g.value.is_none(),
                _ => false,
            };
            if !kind_ok {
                problems.push(format!("{at}: kind {} with status `{}`", g.kind, g.status));
            }
            if (g.qualifier == "range") != g.value_max.is_some() {
                problems.push(format!("{at}: value_max goes with range only"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "gold problems:\n{}",
        problems.join("\n")
    );

    // extract every gold report once, link them all in one panel
    let files: BTreeSet<&str> = gold
        .values()
        .flatten()
        .map(|g| g.report_file.as_str())
        .collect();
    let mut panel = Panel::default();
    let mut report_of: HashMap<&str, String> = HashMap::new();
    for file in &files {
        let m = &manifest[*file];
        let report = extract_file(file, m);
        panel.add(&report);
        report_of.insert(file, m.report_id.clone());
    }
    let rows = panel.target_outcomes().expect("panel links");
    let mut by_report: HashMap<&str, Vec<&TargetOutcome>> = HashMap::new();
    for r in &rows {
        by_report.entry(r.report_id.as_str()).or_default().push(r);
    }

    let mut table = String::new();
    let _ = writeln!(
        table,
        "{:<8} {:<11} {:>16} {:>17} {:>8}",
        "set", "level", "targets found", "outcomes carried", "not_set"
    );
    let mut misses = String::new();
    let mut failures = Vec::new();
    for ((set, level), rows_gold) in &gold {
        let mut t = Tally::default();
        // the gold target of each (place, indicator, measure, period), and the row that found it
        let mut found_for: HashMap<(String, String, String, i32), Option<&TargetOutcome>> =
            HashMap::new();
        for g in rows_gold.iter().filter(|g| g.kind == "target") {
            let id = report_of[g.report_file.as_str()].as_str();
            let ours = by_report.get(id).map(Vec::as_slice).unwrap_or(&[]);
            let hit = ours.iter().copied().find(|r| matches(g, r));
            t.targets.1 += 1;
            if hit.is_some() {
                t.targets.0 += 1;
            } else {
                t.misses.push(format!(
                    "target  {id}: {} → ours: {}",
                    g.describe(),
                    nearest(g, ours)
                ));
            }
            found_for.insert(g.key(), hit);
        }
        for g in rows_gold.iter().filter(|g| g.kind == "outcome") {
            let id = report_of[g.report_file.as_str()].as_str();
            t.outcomes.1 += 1;
            let line = match found_for.get(&g.key()) {
                None => Some("no gold target for it".to_string()),
                Some(None) => Some("its target was not found".to_string()),
                Some(Some(r)) => {
                    let from_next = r
                        .outcome_fact_id
                        .as_deref()
                        .is_some_and(|f| f.starts_with(&format!("{id}/")));
                    let right = from_next
                        && r.outcome_value
                            .is_some_and(|v| g.value.is_some_and(|gv| close(v, gv)));
                    if right {
                        None
                    } else {
                        Some(format!(
                            "row carries {} from {}",
                            r.outcome_value
                                .map_or("no outcome".into(), |v| v.to_string()),
                            r.outcome_fact_id.as_deref().unwrap_or("-")
                        ))
                    }
                }
            };
            match line {
                None => t.outcomes.0 += 1,
                Some(why) => t
                    .misses
                    .push(format!("outcome {id}: {} → {why}", g.describe())),
            }
        }
        for g in rows_gold.iter().filter(|g| g.kind == "not_set") {
            let id = report_of[g.report_file.as_str()].as_str();
            t.not_set.1 += 1;
            // a row of the report for the indicator whose serialised form says `not_set`
            let hit = by_report.get(id).is_some_and(|ours| {
                ours.iter().any(|r| {
                    r.indicator.as_deref() == Some(g.indicator.as_str())
                        && serde_json::to_value(r).is_ok_and(|v| {
                            v.as_object()
                                .is_some_and(|o| o.values().any(|x| x.as_str() == Some("not_set")))
                        })
                })
            });
            if hit {
                t.not_set.0 += 1;
            } else {
                t.misses
                    .push(format!("not_set {id}: {} → no not_set row", g.describe()));
            }
        }
        let pct = |(a, b): (usize, usize)| {
            if b == 0 {
                "-".to_string()
            } else {
                format!("{a}/{b} {:>3.0}%", 100.0 * a as f64 / b as f64)
            }
        };
        let _ = writeln!(
            table,
            "{:<8} {:<11} {:>16} {:>17} {:>8}",
            set,
            level,
            pct(t.targets),
            pct(t.outcomes),
            format!("{}/{}", t.not_set.0, t.not_set.1)
        );
        let _ = writeln!(misses, "\n## misses: {set} {level} ({})", t.misses.len());
        for m in &t.misses {
            let _ = writeln!(misses, "{m}");
        }
        let (_, _, ft, fo, fn_) = FLOORS
            .iter()
            .find(|f| f.0 == *set && f.1 == *level)
            .expect("a floor per set");
        if t.targets.0 < *ft || t.outcomes.0 < *fo || t.not_set.0 < *fn_ {
            failures.push(format!(
                "{set} {level}: targets {} (floor {ft}), outcomes {} (floor {fo}), not_set {} (floor {fn_})",
                t.targets.0, t.outcomes.0, t.not_set.0
            ));
        }
    }
    println!("{table}{misses}");
    assert!(
        failures.is_empty(),
        "below the floors:\n{}",
        failures.join("\n")
    );
}
