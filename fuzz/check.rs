//! Invariants every extracted report must satisfy, whatever the text. Shared by the fuzz
//! target `extract` (fuzz/fuzz_targets/extract.rs) and the property tests
//! (crates/gwr-extract/tests/extract_props.rs), which include this file with `#[path]`.

use std::collections::HashSet;

use gwr_model::Report;

/// The code points `start..end` of `chars`, or `None` when the span is not inside the text.
fn slice(chars: &[char], start: u64, end: u64) -> Option<String> {
    let (s, e) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
    chars.get(s..e).map(|c| c.iter().collect())
}

/// Checks one span: start ≤ end ≤ char count and quote == text[start..end] in code points.
fn span(
    chars: &[char],
    what: &str,
    id: &str,
    start: u64,
    end: u64,
    quote: &str,
) -> Result<(), String> {
    if start > end || end > chars.len() as u64 {
        return Err(format!(
            "{what} {id}: span {start}..{end} outside 0..{}",
            chars.len()
        ));
    }
    match slice(chars, start, end) {
        Some(s) if s == quote => Ok(()),
        other => Err(format!(
            "{what} {id}: quote {quote:?} != text[{start}..{end}] = {other:?}"
        )),
    }
}

/// Inserts every id into a set, failing on the first duplicate.
fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) -> Result<HashSet<&'a str>, String> {
    let mut set = HashSet::new();
    for id in ids {
        if id.is_empty() {
            return Err(format!("{what}: empty id"));
        }
        if !set.insert(id) {
            return Err(format!("{what}: duplicate id {id}"));
        }
    }
    Ok(set)
}

/// Checks every invariant of `report` extracted from `text`; the first violation is returned.
pub fn check_report(text: &str, report: &Report) -> Result<(), String> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len() as u64;

    if let Some(r) = &report.report {
        if r.char_count != n {
            return Err(format!("report: char_count {} != {n}", r.char_count));
        }
        if r.body_start > r.body_end || r.body_end > n {
            return Err(format!(
                "report: body {}..{} outside 0..{n}",
                r.body_start, r.body_end
            ));
        }
    } else {
        return Err("no report row".into());
    }

    let sections = unique(
        "sections",
        report.sections.iter().map(|s| s.section_id.as_str()),
    )?;
    for s in &report.sections {
        span(&chars, "section", &s.section_id, s.start, s.end, &s.quote)?;
        if s.content_end < s.end || s.content_end > n {
            return Err(format!(
                "section {}: content_end {} not in {}..={n}",
                s.section_id, s.content_end, s.end
            ));
        }
        if let Some(p) = &s.parent_id {
            if !sections.contains(p.as_str()) {
                return Err(format!(
                    "section {}: parent {p} does not exist",
                    s.section_id
                ));
            }
        }
    }

    let paragraphs = unique(
        "paragraphs",
        report.paragraphs.iter().map(|p| p.paragraph_id.as_str()),
    )?;
    let mut prev_end = 0;
    for p in &report.paragraphs {
        span(
            &chars,
            "paragraph",
            &p.paragraph_id,
            p.start,
            p.end,
            &p.quote,
        )?;
        if p.start < prev_end {
            return Err(format!(
                "paragraph {}: overlaps the previous one",
                p.paragraph_id
            ));
        }
        prev_end = p.end;
        if let Some(s) = &p.section_id {
            if !sections.contains(s.as_str()) {
                return Err(format!(
                    "paragraph {}: section {s} does not exist",
                    p.paragraph_id
                ));
            }
        }
    }

    let facts = unique("facts", report.facts.iter().map(|f| f.fact_id.as_str()))?;
    for f in &report.facts {
        span(&chars, "fact", &f.fact_id, f.start, f.end, &f.quote)?;
        if f.start == f.end {
            return Err(format!("fact {}: empty span", f.fact_id));
        }
        if !f.value.is_finite() || f.value_max.is_some_and(|m| !m.is_finite()) {
            return Err(format!(
                "fact {}: non-finite value {} / {:?}",
                f.fact_id, f.value, f.value_max
            ));
        }
        // facts.rs: the paragraph containing the fact's start, or "" when no paragraph does.
        let covering = report
            .paragraphs
            .iter()
            .find(|p| p.start <= f.start && f.start < p.end)
            .map_or("", |p| p.paragraph_id.as_str());
        if f.paragraph_id != covering {
            return Err(format!(
                "fact {}: paragraph_id {:?}, but the paragraph covering offset {} is {covering:?}",
                f.fact_id, f.paragraph_id, f.start
            ));
        }
        if !f.paragraph_id.is_empty() && !paragraphs.contains(f.paragraph_id.as_str()) {
            return Err(format!(
                "fact {}: paragraph {} does not exist",
                f.fact_id, f.paragraph_id
            ));
        }
        if let Some(s) = &f.section_id {
            if !sections.contains(s.as_str()) {
                return Err(format!("fact {}: section {s} does not exist", f.fact_id));
            }
        }
        if let Some(r) = &f.relates_to {
            if !facts.contains(r.as_str()) {
                return Err(format!("fact {}: relates_to {r} does not exist", f.fact_id));
            }
        }
    }

    unique(
        "targets",
        report.targets.iter().map(|t| t.target_id.as_str()),
    )?;
    for t in &report.targets {
        for id in [
            Some(&t.fact_id),
            t.level_fact_id.as_ref(),
            t.growth_fact_id.as_ref(),
            t.baseline_fact_id.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            if !facts.contains(id.as_str()) {
                return Err(format!("target {}: fact {id} does not exist", t.target_id));
            }
        }
    }

    unique(
        "quality_issues",
        report.quality_issues.iter().map(|q| q.issue_id.as_str()),
    )?;
    for q in &report.quality_issues {
        span(
            &chars,
            "quality issue",
            &q.issue_id,
            q.start,
            q.end,
            &q.quote,
        )?;
        if let Some(id) = &q.fact_id {
            if !facts.contains(id.as_str()) {
                return Err(format!(
                    "quality issue {}: fact {id} does not exist",
                    q.issue_id
                ));
            }
        }
        if let Some(id) = &q.paragraph_id {
            if !paragraphs.contains(id.as_str()) {
                return Err(format!(
                    "quality issue {}: paragraph {id} does not exist",
                    q.issue_id
                ));
            }
        }
    }
    Ok(())
}
