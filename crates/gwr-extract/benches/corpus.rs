//! The input of the benchmarks and of the `stages` example: the national corpus, or the seed.

/// The national corpus, when this machine has it.
pub const CORPUS: &str = "/work/shared/corpus/national-gwr-1954-2025.jsonl";
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/sources/cn-sh-baoshan-songnan-2024/report.txt"
);

/// The reports to extract and the name of the input: the reports of the JSONL file `path`
/// (default `GWR_BENCH_CORPUS`, else [`CORPUS`]; fields `title` and `content`) whose title
/// ends with 政府工作报告, or, where there are none, the seed report repeated 72 times.
pub fn load_from(path: Option<String>) -> (String, Vec<String>) {
    let path = path
        .or_else(|| std::env::var("GWR_BENCH_CORPUS").ok())
        .unwrap_or_else(|| CORPUS.to_string());
    if let Ok(raw) = std::fs::read_to_string(&path) {
        let texts: Vec<String> = raw
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| {
                v["title"]
                    .as_str()
                    .is_some_and(|t| t.trim_end().ends_with("政府工作报告"))
            })
            .filter_map(|v| v["content"].as_str().map(str::to_string))
            .collect();
        if !texts.is_empty() {
            return (format!("national-{}", texts.len()), texts);
        }
    }
    let seed = std::fs::read_to_string(SEED).unwrap_or_default();
    ("seed-x72".to_string(), vec![seed; 72])
}

/// [`load_from`] the default path.
#[allow(dead_code)] // the example names its path
pub fn load() -> (String, Vec<String>) {
    load_from(None)
}
