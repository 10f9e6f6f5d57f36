//! Measures the fact extractor on the SECOND BLIND set (`tests/fixtures/blind2/`): five
//! synthetic reports (province, web-scraped town, traditional-character county with PDF line
//! breaks, district of shares and rates, a 2024 city report with forecasts) annotated by
//! someone who neither ran nor read the extractor. The first measurement is recorded below;
//! the floors are that measurement minus a small margin, so that a regression fails. Rules
//! written after looking at this set's errors make it a dev set: say so here when it happens.
//! Run with `FACTS_VERBOSE=1 cargo test -p gwr-extract --test facts_blind2 -- --nocapture`.

mod common;

use common::{evaluate_dir, fixture_dir};

#[test]
fn blind2_precision_recall() {
    let dir = fixture_dir("blind2");
    let (files, total) = evaluate_dir(&dir);
    assert_eq!(files.len(), 5, "the blind2 fixtures are missing");
    let both = total.frac(total.both_ok);
    let subject = total.frac(total.subject_ok);
    let status = total.frac(total.status_ok);
    assert!(
        total.f1() >= F1_FLOOR,
        "blind2 F1 {:.3} below {F1_FLOOR}",
        total.f1()
    );
    assert!(
        subject >= SUBJECT_FLOOR,
        "blind2 subject {subject:.3} below {SUBJECT_FLOOR}"
    );
    assert!(
        status >= STATUS_FLOOR,
        "blind2 status {status:.3} below {STATUS_FLOOR}"
    );
    assert!(
        both >= BOTH_FLOOR,
        "blind2 subject+status {both:.3} below {BOTH_FLOOR}"
    );
}

// First, blind measurement (5 files, 411 matched facts, 12 borderline rows not counted):
// F1 1.000, subject 0.783, status 1.000, both 0.783.
// Then one round of rules written after reading its subject errors (OpenCC traditional
// characters, trailing 首次/同口径/按美元计价, 合/较 alone, verbs 改扩建/新装/关停…, 签约's 约,
// rates after 事项): subject 0.827, both 0.827. From here on it is a dev set too.
const F1_FLOOR: f64 = 0.98;
const SUBJECT_FLOOR: f64 = 0.80;
const STATUS_FLOOR: f64 = 0.98;
const BOTH_FLOOR: f64 = 0.80;
