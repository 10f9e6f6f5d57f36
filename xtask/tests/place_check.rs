//! Place identity over the real corpus: the share of the lawtext reports whose division code
//! the text alone gives right (`cargo xtask place-check` prints the same figures and every
//! miss). Runs only when `../shared/corpus/lawtext` is present; the repository never needs it.

#[test]
fn lawtext_reports_resolve_to_their_folders_place() {
    let corpus = xtask::repo_root().join("../shared/corpus/lawtext");
    if !corpus.is_dir() {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    }
    let outcomes = xtask::place_check::check(&corpus).expect("the corpus reads");
    let summary = xtask::place_check::summary(&outcomes);
    println!("{summary}");
    let right = outcomes.iter().filter(|o| o.right()).count();
    assert!(outcomes.len() >= 1_600, "{} files", outcomes.len());
    // no report may get a wrong code: a miss is an empty code, never another place's
    let wrong: Vec<_> = outcomes
        .iter()
        .filter(|o| !o.right() && !o.got.is_empty())
        .map(|o| format!("{} expected {} got {}", o.path, o.expected, o.got))
        .collect();
    assert!(wrong.is_empty(), "wrong codes:\n{}", wrong.join("\n"));
    assert!(
        right * 100 >= outcomes.len() * MIN_PERCENT,
        "{right} of {} right\n{summary}",
        outcomes.len()
    );
    // as `gwr extract FOLDER` reads them (front matter, the folder's place): at least 99 %,
    // and never a wrong code either
    let right = outcomes.iter().filter(|o| o.right_extract()).count();
    let wrong: Vec<_> = outcomes
        .iter()
        .filter(|o| !o.right_extract() && !o.got_extract.is_empty())
        .map(|o| format!("{} expected {} got {}", o.path, o.expected, o.got_extract))
        .collect();
    assert!(
        wrong.is_empty(),
        "wrong codes (gwr extract):\n{}",
        wrong.join("\n")
    );
    assert!(
        right * 100 >= outcomes.len() * 99,
        "{right} of {} right as gwr extract reads them\n{summary}",
        outcomes.len()
    );
}

/// The share measured when the check was written (84.3%), less a margin.
const MIN_PERCENT: usize = 80;

#[test]
fn front_matter_is_cut_off() {
    let t = "---\nsource: x\ntitle: 2015年东莞市政府工作报告\n---\n\n**政府工作报告**\n";
    assert_eq!(
        xtask::place_check::strip_front_matter(t),
        "**政府工作报告**\n"
    );
    assert_eq!(
        xtask::place_check::strip_front_matter("各位代表"),
        "各位代表"
    );
}
