//! `numbers::scan` on arbitrary UTF-8: never panics, and every token's offsets are ordered
//! and inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let n = text.chars().count();
    let mut prev_start = 0;
    for t in gwr_extract::numbers::scan(text) {
        assert!(
            t.start <= t.num_start
                && t.num_start <= t.num_end
                && t.num_end <= t.unit_start
                && t.unit_start <= t.unit_end
                && t.unit_end <= t.end
                && t.end <= n,
            "offsets out of order or past the end ({n} chars): {t:?}"
        );
        assert!(t.start >= prev_start, "tokens not in text order: {t:?}");
        prev_start = t.start;
        assert!(t.value.is_finite(), "non-finite value: {t:?}");
    }
});
