//! Arbitrary bytes → `decode` → `extract`: never panics, and every extracted row satisfies the
//! invariants of fuzz/check.rs (quotes equal their code-point slices, ids unique, references
//! resolve). A violation panics, so libFuzzer keeps the input.
#![no_main]

use gwr_model::ReportMeta;
use libfuzzer_sys::fuzz_target;

#[path = "../check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = gwr_extract::decode::decode(data) else {
        return;
    };
    let meta = ReportMeta {
        report_id: "fuzz-2024".into(),
        place_zh: "某地".into(),
        report_year: 2024,
        ..Default::default()
    };
    let report = gwr_extract::extract(
        &decoded.text,
        &meta,
        &gwr_extract::SourceInfo::utf8(&decoded.text),
    );
    if let Err(e) = check::check_report(&decoded.text, &report) {
        panic!("invariant violated: {e}");
    }
});
