//! Measures the fact extractor against the hand-checked development fixtures in
//! `tests/fixtures/facts/` (the set the rules were written on). Matching and scoring live in
//! `tests/common/mod.rs`; run with
//! `FACTS_VERBOSE=1 cargo test -p gwr-extract --test facts_fixtures -- --nocapture` to see every miss.

mod common;

use common::{evaluate_dir, fixture_dir};

#[test]
fn fixtures_precision_recall() {
    let (files, total) = evaluate_dir(&fixture_dir("facts"));
    let seed = files
        .iter()
        .find(|(n, _)| n == "seed")
        .map(|(_, s)| *s)
        .unwrap_or_default();
    assert!(seed.tp > 0, "the seed fixture must be present");
    assert!(
        seed.f1() >= SEED_F1_FLOOR,
        "seed F1 {:.3} below {SEED_F1_FLOOR}",
        seed.f1()
    );
    assert!(
        seed.frac(seed.both_ok) >= SEED_BOTH_FLOOR,
        "seed subject+status {:.3} below {SEED_BOTH_FLOOR}",
        seed.frac(seed.both_ok)
    );
    assert!(
        total.f1() >= TOTAL_F1_FLOOR,
        "total F1 {:.3} below {TOTAL_F1_FLOOR}",
        total.f1()
    );
    assert!(
        total.frac(total.status_ok) >= TOTAL_STATUS_FLOOR,
        "total status {:.3}",
        total.frac(total.status_ok)
    );
}

const SEED_F1_FLOOR: f64 = 0.97;
const SEED_BOTH_FLOOR: f64 = 0.85;
const TOTAL_F1_FLOOR: f64 = 0.97;
const TOTAL_STATUS_FLOOR: f64 = 0.95;
