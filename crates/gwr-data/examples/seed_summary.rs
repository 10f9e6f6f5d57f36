//! Prints the seed report's results for the year it reviews and its targets for the year it
//! plans, as two aligned tables.
//!
//! Run it with `cargo run -p gwr-data --example seed_summary`.

use gwr_data::{fact, report, FactFilter, Qualifier, Status, Target};
use unicode_width::UnicodeWidthStr;

const SEED: &str = "cn-sh-baoshan-songnan-2024";
/// Widest subject shown, in terminal columns.
const SUBJECT_WIDTH: usize = 30;

fn qualifier(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::Approx => "approx",
        Qualifier::LowerBound => "at least",
        Qualifier::UpperBound => "at most",
        Qualifier::Range => "range",
    }
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Actual => "actual",
        Status::Target => "target",
        Status::Forecast => "forecast",
    }
}

/// The value as the report wrote it, with its unit (5.87亿元, 14.5%).
fn as_written(value_raw: &str, unit_raw: Option<&str>) -> String {
    format!("{value_raw}{}", unit_raw.unwrap_or(""))
}

/// Pads `s` to `width` terminal columns (CJK characters take two).
fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// Cuts `s` to at most `width` terminal columns, ending with … when cut.
fn truncate(s: &str, width: usize) -> String {
    if UnicodeWidthStr::width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

fn print_table(title: &str, rows: &[[String; 5]]) {
    let header = ["subject", "value", "qualifier", "status", "period"].map(String::from);
    let mut widths = [0usize; 5];
    let rows: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r[0] = truncate(&r[0], SUBJECT_WIDTH);
            r
        })
        .collect();
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(UnicodeWidthStr::width(cell.as_str()));
        }
    }
    println!("{title} ({} rows)", rows.len());
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row.iter().zip(widths).map(|(c, w)| pad(c, w)).collect();
        println!("  {}", cells.join("  ").trim_end());
    }
    println!();
}

fn target_row(t: &Target) -> [String; 5] {
    let value = match fact(&t.fact_id) {
        Some(f) => as_written(&f.value_raw, f.unit_raw.as_deref()),
        None => format!("{} {:?}", t.value, t.unit),
    };
    [
        t.subject.clone(),
        value,
        qualifier(t.qualifier).into(),
        "target".into(),
        t.period.map(|p| p.to_string()).unwrap_or_default(),
    ]
}

fn main() {
    let Some(seed) = report(SEED) else {
        eprintln!("the seed report {SEED} is not embedded");
        std::process::exit(1);
    };
    let Some(year) = seed.report_year else {
        eprintln!("the seed report {SEED} has no report year");
        std::process::exit(1);
    };
    let reviewed = year - 1;
    println!(
        "{} ({}, {})\n",
        seed.title, seed.place_en, seed.parent_areas
    );

    let results: Vec<[String; 5]> = FactFilter::new()
        .report(SEED)
        .status(Status::Actual)
        .period(reviewed)
        .iter()
        .map(|f| {
            [
                f.subject.clone(),
                as_written(&f.value_raw, f.unit_raw.as_deref()),
                qualifier(f.qualifier).into(),
                status(f.status).into(),
                reviewed.to_string(),
            ]
        })
        .collect();
    print_table(&format!("{reviewed} results"), &results);

    let targets: Vec<[String; 5]> = gwr_data::targets_of(SEED)
        .iter()
        .filter(|t| t.period == Some(year))
        .map(target_row)
        .collect();
    print_table(&format!("{year} targets"), &targets);
}
