//! The release extras made from the real sources: the workbook, the Excel CSVs (the canonical
//! CSVs plus a BOM and CRLF record ends) and the annotated report page (one fact span per
//! `facts` row). None of them is committed at the repo root.

use std::path::Path;

use gwr_export::excel_csv::{canonical_from_excel, BOM};

fn csv_rows(path: &Path) -> usize {
    // Records of an RFC 4180 file: line ends outside quotes, less the header.
    let bytes = std::fs::read(path).expect("read csv");
    let mut quoted = false;
    let mut records = 0;
    for b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => records += 1,
            _ => {}
        }
    }
    records - 1
}

#[test]
fn release_extras_are_made_and_match_the_package() {
    let root = xtask::repo_root();
    let out = root
        .join("target")
        .join(format!("extras-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let files = xtask::generate(&root, &out).expect("generate");
    let release = xtask::load_release(&root).expect("release.toml");
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();

    let workbook = format!("{}.xlsx", release.name);
    assert!(paths.contains(&workbook.as_str()), "{paths:?}");
    let xlsx = std::fs::read(out.join(&workbook)).unwrap();
    assert_eq!(&xlsx[..2], b"PK");

    let tables = [
        ("indicators", "data/glossary/indicators.csv"),
        ("places", "data/places.csv"),
        ("reports", "data/reports.csv"),
        ("sections", "data/sections.csv"),
        ("paragraphs", "data/paragraphs.csv"),
        ("facts", "data/facts.csv"),
        ("targets", "data/targets.csv"),
        ("quality_issues", "data/quality_issues.csv"),
    ];
    for (name, canonical) in tables {
        let rel = format!("excel/{name}.csv");
        assert!(paths.contains(&rel.as_str()), "{rel} missing");
        let excel = std::fs::read(out.join(&rel)).unwrap();
        let canon = std::fs::read(out.join(canonical)).unwrap();
        assert!(excel.starts_with(BOM), "{rel} has a BOM");
        assert!(!canon.starts_with(BOM), "{canonical} has no BOM");
        assert_eq!(canonical_from_excel(&excel), canon, "{rel}");
        assert!(!xtask::is_committed(&rel));
    }

    let reports = files.iter().filter(|f| f.path.ends_with(".html")).count();
    let sources = xtask::load_sources(&root).unwrap();
    assert_eq!(reports, sources.len());
    let page = if sources.len() == 1 {
        "report.html".to_string()
    } else {
        format!("report-{}.html", sources[0].meta.report_id)
    };
    let html = std::fs::read_to_string(out.join(&page)).unwrap();
    let spans = html.matches("<span class=\"fact ").count();
    if sources.len() == 1 {
        assert_eq!(spans, csv_rows(&out.join("data/facts.csv")));
    }
    assert!(spans > 0);
    for bad in ["src=\"http", "<link", "url(", "@import"] {
        assert!(!html.contains(bad), "{page} contains {bad}");
    }
    assert!(!xtask::is_committed(&page) && !xtask::is_committed(&workbook));
    // Not committed at the repo root either.
    assert!(
        !root.join(&page).exists()
            && !root.join(&workbook).exists()
            && !root.join("excel").exists()
    );
    let _ = std::fs::remove_dir_all(&out);
}
