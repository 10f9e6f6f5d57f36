//! Arbitrary bytes → a package folder → `gwr_validate::validate_package`: never panics, never
//! hangs, and never reads outside the folder. The input is split at its first NUL byte: the
//! part before becomes `datapackage.json`, the part after `data.csv` (a resource may point at
//! it, at a missing file, or at a path that tries to leave the package). A panic is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("gwr-fuzz-validate-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if std::fs::create_dir_all(dir.join("schemas")).is_err() {
        return;
    }
    let (descriptor, csv) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let ok = std::fs::write(dir.join("datapackage.json"), descriptor).is_ok()
        && std::fs::write(dir.join("data.csv"), csv).is_ok()
        && std::fs::write(dir.join("schemas/data.schema.json"), b"{\"type\":\"object\"}").is_ok();
    if ok {
        if let Ok(report) = gwr_validate::validate_package(&dir) {
            // the summary and every problem render
            let _ = report.summary();
            for p in &report.problems {
                let _ = p.to_string();
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
});
