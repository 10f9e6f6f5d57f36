//! Stable ids (`gwr_extract::ids`): a row keeps its id when the text changes elsewhere, ids are
//! unique, the same text gives the same ids, and every reference points at a row.

use std::collections::{HashMap, HashSet};

use gwr_extract::{extract, SourceInfo};
use gwr_model::{Report, ReportMeta};

const SEED_ID: &str = "cn-sh-baoshan-songnan-2024";
const SEED: &str = include_str!("../../../data/sources/cn-sh-baoshan-songnan-2024/report.txt");

fn meta() -> ReportMeta {
    ReportMeta {
        report_id: SEED_ID.into(),
        place_zh: "淞南镇".into(),
        parent_areas: vec!["上海市".into(), "宝山区".into()],
        report_year: Some(2024),
        ..Default::default()
    }
}

fn run(text: &str) -> Report {
    extract(text, &meta(), &SourceInfo::utf8(text))
}

/// The seed with `sentence` inserted right after the first occurrence of `after`.
fn inserted(after: &str, sentence: &str) -> String {
    let at = SEED.find(after).expect("anchor in the seed") + after.len();
    format!("{}{sentence}{}", &SEED[..at], &SEED[at..])
}

/// Share of the facts of `old` whose id is in `new` with the same value, unit and quote.
fn kept(old: &Report, new: &Report) -> (usize, usize) {
    let by_id: HashMap<&str, _> = new.facts.iter().map(|f| (f.fact_id.as_str(), f)).collect();
    let same = old
        .facts
        .iter()
        .filter(|f| {
            by_id
                .get(f.fact_id.as_str())
                .is_some_and(|n| n.value == f.value && n.unit == f.unit && n.quote == f.quote)
        })
        .count();
    (same, old.facts.len())
}

#[test]
fn a_sentence_inserted_near_the_start_keeps_the_other_fact_ids() {
    let old = run(SEED);
    // a sentence with a fact of its own, at the start of the body
    let text = inserted("各位代表:", "\n\n今年全镇新增就业岗位1200个,引进企业35家。");
    let new = run(&text);
    assert_eq!(
        new.facts.len(),
        old.facts.len() + 2,
        "the two new facts are found"
    );
    let (same, n) = kept(&old, &new);
    let share = same as f64 / n as f64;
    println!(
        "ids kept after a sentence inserted at the start of the body: {same} of {n} facts ({:.1} %)",
        share * 100.0
    );
    assert!(share >= 0.95, "{same} of {n}");

    // and in the first paragraph of results, before its first fact
    let text = inserted("发展态势稳中有进。", "全镇新增市场主体1500户。");
    let new = run(&text);
    let (same, n) = kept(&old, &new);
    println!("ids kept after a sentence inserted before the first fact: {same} of {n} facts");
    assert!(same as f64 / n as f64 >= 0.95, "{same} of {n}");
}

#[test]
fn a_corrected_value_keeps_its_id() {
    let old = run(SEED);
    let new = run(&SEED.replacen("5.87亿元", "5.97亿元", 1));
    let f = |r: &Report, q: &str| {
        r.facts
            .iter()
            .find(|f| f.quote == q)
            .map(|f| (f.fact_id.clone(), f.value))
            .expect("fact")
    };
    let (id_old, v_old) = f(&old, "5.87亿元");
    let (id_new, v_new) = f(&new, "5.97亿元");
    assert_eq!(id_old, id_new);
    assert_ne!(v_old, v_new);
    // every other id of every table is unchanged
    assert_eq!(ids(&old), ids(&new));
}

fn ids(r: &Report) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    v.extend(r.sections.iter().map(|x| x.section_id.clone()));
    v.extend(r.paragraphs.iter().map(|x| x.paragraph_id.clone()));
    v.extend(r.facts.iter().map(|x| x.fact_id.clone()));
    v.extend(r.targets.iter().map(|x| x.target_id.clone()));
    v.extend(r.quality_issues.iter().map(|x| x.issue_id.clone()));
    v
}

#[test]
fn ids_are_unique_stable_and_every_reference_resolves() {
    let r = run(SEED);
    let all = ids(&r);
    let unique: HashSet<&String> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "duplicate ids");
    for id in &all {
        let local = id
            .strip_prefix(&format!("{SEED_ID}/"))
            .expect("report prefix");
        let (letter, rest) = local.split_at(2);
        assert!(["s-", "p-", "f-", "t-", "q-"].contains(&letter), "{id}");
        let hex = rest.split('-').next().unwrap_or("");
        assert!(
            hex.len() == 8 && hex.chars().all(|c| c.is_ascii_hexdigit()),
            "{id}"
        );
    }
    assert_eq!(all, ids(&run(SEED)), "same input, same ids");

    let sections: HashSet<&str> = r.sections.iter().map(|s| s.section_id.as_str()).collect();
    let paragraphs: HashSet<&str> = r
        .paragraphs
        .iter()
        .map(|p| p.paragraph_id.as_str())
        .collect();
    let facts: HashSet<&str> = r.facts.iter().map(|f| f.fact_id.as_str()).collect();
    for s in &r.sections {
        assert!(s.parent_id.as_deref().is_none_or(|p| sections.contains(p)));
    }
    for p in &r.paragraphs {
        assert!(p.section_id.as_deref().is_none_or(|s| sections.contains(s)));
    }
    for f in &r.facts {
        assert!(f.section_id.as_deref().is_none_or(|s| sections.contains(s)));
        assert!(f.paragraph_id.is_empty() || paragraphs.contains(f.paragraph_id.as_str()));
        assert!(f.relates_to.as_deref().is_none_or(|x| facts.contains(x)));
    }
    assert!(r.facts.iter().any(|f| f.relates_to.is_some()));
    assert!(!r.targets.is_empty());
    for t in &r.targets {
        assert!(facts.contains(t.fact_id.as_str()));
        assert_eq!(
            &t.target_id[SEED_ID.len() + 3..],
            &t.fact_id[SEED_ID.len() + 3..]
        );
        for x in [&t.level_fact_id, &t.growth_fact_id, &t.baseline_fact_id] {
            assert!(x.as_deref().is_none_or(|x| facts.contains(x)), "{x:?}");
        }
    }
    for q in &r.quality_issues {
        assert!(q.fact_id.as_deref().is_none_or(|x| facts.contains(x)));
        assert!(q
            .paragraph_id
            .as_deref()
            .is_none_or(|x| paragraphs.contains(x)));
    }
}
