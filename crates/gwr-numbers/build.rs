//! Compiles the lexicons `lexicon/units.tsv` and `lexicon/qualifiers.tsv` (see their headers)
//! into the scanner's static tables (`$OUT_DIR/lexicon.rs`, included by `src/lexicon.rs`).

use std::fmt::Write as _;
use std::path::Path;

/// The data lines of a TSV lexicon (comments and the header left out), each with its line number.
fn lines(path: &str, columns: usize) -> Vec<(usize, Vec<String>)> {
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<String> = line.split('\t').map(str::to_string).collect();
        assert!(
            cols.len() == columns,
            "{path} line {}: {columns} tab-separated columns expected, found {}",
            n + 1,
            cols.len()
        );
        if cols[0] == "form" {
            continue; // the header
        }
        assert!(!cols[0].is_empty(), "{path} line {}: empty form", n + 1);
        out.push((n + 1, cols));
    }
    out
}

/// Every form of a line: the form, then its traditional forms.
fn forms(cols: &[String], trad: usize) -> Vec<String> {
    let mut v = vec![cols[0].clone()];
    v.extend(
        cols[trad]
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
    );
    v
}

fn unit_variant(path: &str, n: usize, u: &str) -> &'static str {
    match u {
        "CNY" => "Cny",
        "USD" => "Usd",
        "m2" => "M2",
        "m" => "M",
        "ton" => "Ton",
        "kwh" => "Kwh",
        "percent" => "Percent",
        "percentage_point" => "PercentagePoint",
        "multiple" => "Multiple",
        "count" => "Count",
        "person_time" => "PersonTime",
        "other" => "Other",
        _ => panic!("{path} line {n}: unknown unit `{u}`"),
    }
}

fn check_new(path: &str, n: usize, f: &str, seen: &mut Vec<String>) {
    assert!(
        !seen.iter().any(|s| s == f),
        "{path} line {n}: `{f}` is listed twice"
    );
    seen.push(f.to_string());
}

fn main() {
    let mut o = String::new();
    let mut seen: Vec<String> = Vec::new();

    let units = "lexicon/units.tsv";
    let mut after = String::new();
    let mut unread = String::new();
    for (n, cols) in lines(units, 7) {
        let what = match cols[1].as_str() {
            "unit" => {
                let factor: f64 = cols[3]
                    .parse()
                    .unwrap_or_else(|_| panic!("{units} line {n}: factor `{}`", cols[3]));
                assert!(factor > 0.0, "{units} line {n}: factor must be positive");
                format!(
                    "After::Unit(Unit::{}, {factor:?})",
                    unit_variant(units, n, &cols[2])
                )
            }
            "date" => "After::Date".into(),
            "duration" => "After::Duration".into(),
            "name" => "After::Name".into(),
            "age" => "After::Age".into(),
            "unread" => String::new(),
            k => panic!("{units} line {n}: unknown kind `{k}`"),
        };
        for f in forms(&cols, 4) {
            check_new(units, n, &f, &mut seen);
            if what.is_empty() {
                writeln!(unread, "    {f:?},").unwrap();
            } else {
                writeln!(after, "    ({f:?}, {what}),").unwrap();
            }
        }
    }
    o.push_str("/// Every word the scanner reads after a number (`lexicon/units.tsv`), traditional forms included.\n");
    writeln!(
        o,
        "pub(crate) static AFTER: &[(&str, After)] = &[\n{after}];\n"
    )
    .unwrap();
    o.push_str("/// Units the scanner does not read (`kind` unread in `lexicon/units.tsv`).\n");
    writeln!(o, "pub static UNREAD_UNITS: &[&str] = &[\n{unread}];\n").unwrap();

    let quals = "lexicon/qualifiers.tsv";
    let mut seen: Vec<String> = Vec::new();
    let (mut before, mut after) = (String::new(), String::new());
    for (n, cols) in lines(quals, 6) {
        let q = match cols[2].as_str() {
            "approx" => "Approx",
            "lower_bound" => "LowerBound",
            "upper_bound" => "UpperBound",
            q => panic!("{quals} line {n}: unknown qualifier `{q}`"),
        };
        let out = match cols[1].as_str() {
            "before" => &mut before,
            "after" => &mut after,
            p => panic!("{quals} line {n}: position `{p}` is neither before nor after"),
        };
        for f in forms(&cols, 3) {
            check_new(quals, n, &format!("{}:{f}", cols[1]), &mut seen);
            writeln!(out, "    ({f:?}, Qualifier::{q}),").unwrap();
        }
    }
    o.push_str("/// Qualifier words before a number (`lexicon/qualifiers.tsv`).\n");
    writeln!(
        o,
        "pub(crate) static PREFIX_QUAL: &[(&str, Qualifier)] = &[\n{before}];\n"
    )
    .unwrap();
    o.push_str("/// Qualifier words after a number (`lexicon/qualifiers.tsv`).\n");
    writeln!(
        o,
        "pub(crate) static SUFFIX_QUAL: &[(&str, Qualifier)] = &[\n{after}];\n"
    )
    .unwrap();

    let dir = std::env::var("OUT_DIR").expect("OUT_DIR is set");
    std::fs::write(Path::new(&dir).join("lexicon.rs"), o).expect("OUT_DIR is writable");
}
