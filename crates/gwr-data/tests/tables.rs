//! The invariants the crate's accessors rely on: every embedded table parses, loses no row,
//! keeps each report's rows together, agrees with its foreign keys, and is a byte-exact copy of
//! the table published at the repository root (`data/`).

use std::path::Path;

use gwr_data::*;

/// Number of data records of a CSV text, counted by a reader that knows nothing of the row type.
fn record_count(text: &str) -> usize {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes())
        .records()
        .count()
}

#[test]
fn every_table_parses_without_losing_rows() {
    check().unwrap();
    let counts = [
        (Indicator::NAME, indicators().len()),
        (ReportRow::NAME, reports().len()),
        (Section::NAME, sections().len()),
        (Paragraph::NAME, paragraphs().len()),
        (Fact::NAME, facts().len()),
        (Target::NAME, targets().len()),
        (QualityIssue::NAME, quality_issues().len()),
        (TargetOutcome::NAME, target_outcomes().len()),
    ];
    for (name, parsed) in counts {
        let text = gwr_data::csv(name).unwrap();
        assert_eq!(parsed, record_count(text), "table {name}");
    }
    assert!(!reports().is_empty());
    assert!(!facts().is_empty());
    assert!(!targets().is_empty());
    assert!(indicators().len() >= 50);
}

#[test]
fn tables_match_the_published_schemas() {
    fn header(name: &str) -> Vec<String> {
        let text = gwr_data::csv(name).unwrap();
        let first = text.lines().next().unwrap_or("");
        first.split(',').map(str::to_string).collect()
    }
    fn names<T: Table>() -> Vec<String> {
        T::fields().into_iter().map(|f| f.name).collect()
    }
    assert_eq!(header(Indicator::NAME), names::<Indicator>());
    assert_eq!(header(ReportRow::NAME), names::<ReportRow>());
    assert_eq!(header(Section::NAME), names::<Section>());
    assert_eq!(header(Paragraph::NAME), names::<Paragraph>());
    assert_eq!(header(Fact::NAME), names::<Fact>());
    assert_eq!(header(Target::NAME), names::<Target>());
    assert_eq!(header(QualityIssue::NAME), names::<QualityIssue>());
}

/// `facts_of` and friends return sub-slices: this holds only if each report's rows are
/// contiguous, which the package writer guarantees (it writes report by report).
#[test]
fn rows_of_each_report_are_contiguous() {
    for r in reports() {
        let id = r.report_id.as_str();
        let whole = |n: usize, f: usize| assert_eq!(n, f, "report {id}");
        whole(
            sections_of(id).len(),
            sections().iter().filter(|x| x.report_id == id).count(),
        );
        whole(
            paragraphs_of(id).len(),
            paragraphs().iter().filter(|x| x.report_id == id).count(),
        );
        whole(
            facts_of(id).len(),
            facts().iter().filter(|x| x.report_id == id).count(),
        );
        whole(
            targets_of(id).len(),
            targets().iter().filter(|x| x.report_id == id).count(),
        );
        whole(
            quality_issues_of(id).len(),
            quality_issues()
                .iter()
                .filter(|x| x.report_id == id)
                .count(),
        );
    }
    let rows_of_known_reports: usize = reports().iter().map(|r| facts_of(&r.report_id).len()).sum();
    assert_eq!(rows_of_known_reports, facts().len());
}

#[test]
fn references_resolve() {
    for f in facts() {
        assert!(report(&f.report_id).is_some(), "{}", f.fact_id);
        let p = paragraph(&f.paragraph_id).unwrap();
        assert!(p.quote.contains(&f.quote), "{}", f.fact_id);
        if let Some(code) = &f.indicator {
            assert!(indicator(code).is_some(), "{} {code}", f.fact_id);
        }
        if let Some(s) = &f.section_id {
            assert!(section(s).is_some(), "{} {s}", f.fact_id);
        }
    }
    for t in targets() {
        let f = fact(&t.fact_id).unwrap();
        assert_eq!(f.status, Status::Target, "{}", t.target_id);
        assert_eq!(target(&t.target_id), Some(t));
    }
}

#[test]
fn filters_agree_with_plain_iteration() {
    let seed = "cn-sh-baoshan-songnan-2024";
    let by_filter: Vec<&Fact> = FactFilter::new()
        .report(seed)
        .status(Status::Target)
        .iter()
        .collect();
    let by_hand: Vec<&Fact> = facts()
        .iter()
        .filter(|f| f.report_id == seed && f.status == Status::Target)
        .collect();
    assert_eq!(by_filter, by_hand);
    assert!(!by_filter.is_empty());
    // `apply` on the full slice and `iter` (which narrows to the report first) agree.
    let filter = FactFilter::new().report(seed).period(2023);
    assert_eq!(
        filter.apply(facts()).count(),
        filter.iter().count(),
        "apply vs iter"
    );
    assert_eq!(FactFilter::new().report("no-such-report").iter().count(), 0);
    // A filter can exclude: no fact is both actual and target.
    let none = FactFilter::new().status(Status::Actual);
    assert!(none.iter().all(|f| f.status != Status::Target));

    let t: Vec<&Target> = TargetFilter::new()
        .report(seed)
        .indicator("fiscal_revenue")
        .iter()
        .collect();
    assert!(t
        .iter()
        .all(|t| t.indicator.as_deref() == Some("fiscal_revenue")));
    assert!(!t.is_empty());
}

#[test]
fn the_seed_targets_are_what_the_report_says() {
    let seed = "cn-sh-baoshan-songnan-2024";
    let level = TargetFilter::new()
        .report(seed)
        .indicator("fiscal_revenue")
        .measure(Measure::Level)
        .iter()
        .next()
        .unwrap();
    assert_eq!(level.value, 630_000_000.0);
    assert_eq!(level.unit, Unit::Cny);
    assert_eq!(level.period, Some(2024));
    assert_eq!(level.baseline_value, Some(587_000_000.0));
    assert_eq!(level.consistency, Consistency::Consistent);
}

#[test]
fn parse_errors_name_the_table_and_line() {
    let text = "code,name_zh,variants,name_en,unit,measure,description_en,description_zh\n\
                gdp,国内生产总值,,GDP,CNY,level,x,y\n\
                bad,坏,,Bad,furlong,level,x,y\n";
    let err = parse_csv::<Indicator>(text).unwrap_err();
    assert_eq!(err.table, "indicators");
    assert_eq!(err.line, Some(3));
    assert!(err.to_string().contains("line 3"), "{err}");
}

/// The copies under `crates/gwr-data/data/` must equal the tables at the repository root.
/// `cargo xtask publish` refreshes both; if this fails, run it (or copy the files).
/// Outside the repository (the crate as packaged) there is nothing to compare with.
#[test]
fn embedded_copies_are_not_stale() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if !root.join("datapackage.json").is_file() {
        eprintln!("not inside the gwr repository: nothing to compare");
        return;
    }
    for t in TABLES {
        let published = std::fs::read_to_string(root.join(t.path))
            .unwrap_or_else(|e| panic!("{}: {e}", t.path));
        assert!(
            published == t.csv,
            "crates/gwr-data/{} differs from {}: run `cargo xtask publish` to refresh it",
            t.path,
            t.path
        );
    }
    // Every CSV table of the root package is embedded.
    let pkg: String = std::fs::read_to_string(root.join("datapackage.json")).unwrap();
    for t in TABLES {
        assert!(
            pkg.contains(&format!("\"path\": \"{}\"", t.path)),
            "{}",
            t.path
        );
    }
}

/// The national series' `target_outcomes` parses without losing a row, has the columns of the
/// table, and holds the national reports' targets and not_set rows. (Its staleness against the
/// national collection is checked by `xtask/tests/collections.rs`, which builds the collection.)
#[test]
fn the_national_target_outcomes_parse_and_hold_the_series() {
    let rows = national_target_outcomes();
    assert_eq!(rows.len(), record_count(NATIONAL_TARGET_OUTCOMES_CSV));
    let first = NATIONAL_TARGET_OUTCOMES_CSV.lines().next().unwrap_or("");
    let header: Vec<String> = first.split(',').map(str::to_string).collect();
    let fields: Vec<String> = TargetOutcome::fields()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(header, fields);
    assert!(rows
        .iter()
        .all(|r| r.place_code.as_deref() == Some("100000")));
    let not_set = rows
        .iter()
        .filter(|r| r.target_status == TargetStatus::NotSet)
        .count();
    assert!(
        not_set > 0 && not_set < rows.len(),
        "{not_set} of {}",
        rows.len()
    );
    let ids: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.row_id.as_str()).collect();
    assert_eq!(ids.len(), rows.len(), "row ids are unique");
}
