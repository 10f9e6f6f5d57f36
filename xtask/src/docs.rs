//! The package's documents: `DATA-DICTIONARY.md` and the package `README.md`.

use gwr_export::{dictionary::data_dictionary_md, PackageMeta};
use gwr_model::Report;

/// The generated documents of the package, as (path, text).
pub fn package_docs(release: &PackageMeta, reports: &[Report]) -> Vec<(String, String)> {
    vec![
        ("DATA-DICTIONARY.md".to_string(), data_dictionary_md()),
        ("README.md".to_string(), package_readme(release, reports)),
    ]
}

fn package_readme(release: &PackageMeta, reports: &[Report]) -> String {
    let mut out = format!(
        "# {} · {}\n\nVersion {}.\n\n{}\n\n{}\n\n",
        release.title_zh,
        release.title_en,
        release.version,
        release.description_en,
        release.description_zh
    );
    out.push_str("## Tables · 数据表\n\n| table | rows |\n|---|---|\n");
    let count = |f: fn(&Report) -> usize| reports.iter().map(f).sum::<usize>();
    for (name, n) in [
        ("reports", reports.len()),
        ("sections", count(|r| r.sections.len())),
        ("paragraphs", count(|r| r.paragraphs.len())),
        ("facts", count(|r| r.facts.len())),
        ("targets", count(|r| r.targets.len())),
        ("quality_issues", count(|r| r.quality_issues.len())),
    ] {
        out.push_str(&format!("| `{name}` | {n} |\n"));
    }
    out.push_str("\nSee `DATA-DICTIONARY.md` for every field.\n");
    out
}
