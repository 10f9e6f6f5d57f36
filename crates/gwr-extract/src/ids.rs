//! Stable row ids: the last pass of [`crate::extract`].
//!
//! The passes before it number rows in text order (`…/f0012`), which renumbers every later row
//! when one more fact is found early in a report. This pass replaces each id of a section,
//! paragraph, fact, target and quality issue by one derived from what the row quotes and the
//! words around it, so that an id survives rows found or lost elsewhere and text changed
//! elsewhere, and rewrites every reference to it (`parent_id`, `section_id`, `paragraph_id`,
//! `relates_to`, the targets' fact ids, the issues' `fact_id`).
//!
//! An id is `<report_id>/<letter>-<8 hex>`: the first 8 hex digits of the SHA-256 of the row's
//! kind letter (`s` section, `p` paragraph, `f` fact, `q` quality issue) and its *fingerprint*:
//!
//! - section: its kind and its heading line;
//! - paragraph: its kind and its first and last [`PARAGRAPH_ENDS`] characters;
//! - fact: its quote with [`CONTEXT_BEFORE`] characters before and [`CONTEXT_AFTER`] after;
//! - quality issue: its code, its quote and the same context as a fact.
//!
//! In a fingerprint white space is left out and every run of digits (with the decimal points
//! and thousands commas inside it) is one mark, so that a corrected number, in the row or near
//! it, moves no id. A target takes the hex of the fact it states (`t-<hex of f>`). Rows with the
//! same fingerprint get `-2`, `-3`… in text order after the first.

use std::collections::HashMap;

use gwr_model::Report;
use sha2::{Digest, Sha256};

/// Characters of context before a fact's or an issue's quote that go into its id.
pub const CONTEXT_BEFORE: usize = 12;
/// Characters of context after a fact's or an issue's quote that go into its id.
pub const CONTEXT_AFTER: usize = 8;
/// Characters from each end of a paragraph that go into its id.
pub const PARAGRAPH_ENDS: usize = 24;

/// Replaces every row id of `report` by its stable id and rewrites the references. `chars` is
/// the text the offsets count into.
pub fn assign(report: &mut Report, chars: &[char]) {
    let rid = report
        .report
        .as_ref()
        .map(|r| r.report_id.clone())
        .or_else(|| report.facts.first().map(|f| f.report_id.clone()))
        .or_else(|| report.paragraphs.first().map(|p| p.report_id.clone()))
        .unwrap_or_default();
    let mut ids = Ids::new(&rid);

    let sections: HashMap<String, String> = report
        .sections
        .iter()
        .map(|s| {
            let fp = format!("{:?}\u{1f}{}", s.kind, mask(span(chars, s.start, s.end)));
            (s.section_id.clone(), ids.next('s', &fp))
        })
        .collect();
    let paragraphs: HashMap<String, String> = report
        .paragraphs
        .iter()
        .map(|p| {
            let body = span(chars, p.start, p.end);
            // the ends only: never a pass over the whole paragraph
            let first: Vec<char> = body
                .iter()
                .copied()
                .filter(|c| !c.is_whitespace())
                .take(PARAGRAPH_ENDS)
                .collect();
            let mut last: Vec<char> = body
                .iter()
                .rev()
                .copied()
                .filter(|c| !c.is_whitespace())
                .take(PARAGRAPH_ENDS)
                .collect();
            last.reverse();
            let fp = format!("{:?}\u{1f}{}\u{1f}{}", p.kind, mask(&first), mask(&last));
            (p.paragraph_id.clone(), ids.next('p', &fp))
        })
        .collect();
    let facts: HashMap<String, String> = report
        .facts
        .iter()
        .map(|f| {
            let fp = in_context(chars, f.start, f.end);
            (f.fact_id.clone(), ids.next('f', &fp))
        })
        .collect();

    let remap = |map: &HashMap<String, String>, id: &mut String| {
        if let Some(new) = map.get(id.as_str()) {
            id.clone_from(new);
        }
    };
    let remap_opt = |map: &HashMap<String, String>, id: &mut Option<String>| {
        if let Some(id) = id.as_mut() {
            remap(map, id);
        }
    };
    for s in &mut report.sections {
        remap(&sections, &mut s.section_id);
        remap_opt(&sections, &mut s.parent_id);
    }
    for p in &mut report.paragraphs {
        remap(&paragraphs, &mut p.paragraph_id);
        remap_opt(&sections, &mut p.section_id);
    }
    for f in &mut report.facts {
        remap(&facts, &mut f.fact_id);
        remap_opt(&sections, &mut f.section_id);
        remap(&paragraphs, &mut f.paragraph_id);
        remap_opt(&facts, &mut f.relates_to);
    }
    for t in &mut report.targets {
        remap(&facts, &mut t.fact_id);
        remap_opt(&facts, &mut t.level_fact_id);
        remap_opt(&facts, &mut t.growth_fact_id);
        remap_opt(&facts, &mut t.baseline_fact_id);
        // the target's id follows its fact's: …/f-1a2b3c4d → …/t-1a2b3c4d
        let local = t.fact_id.rsplit('/').next().unwrap_or("");
        let hex = local.strip_prefix("f-").unwrap_or(local);
        t.target_id = ids.unique(format!("{rid}/t-{hex}"));
    }
    for q in &mut report.quality_issues {
        let fp = format!(
            "{}\u{1f}{}",
            q.code.as_str(),
            in_context(chars, q.start, q.end)
        );
        q.issue_id = ids.next('q', &fp);
        remap_opt(&facts, &mut q.fact_id);
        remap_opt(&paragraphs, &mut q.paragraph_id);
    }
}

/// Hands out ids, each once: the first of a fingerprint plain, the next ones `-2`, `-3`….
struct Ids {
    report_id: String,
    seen: HashMap<String, u32>,
}

impl Ids {
    fn new(report_id: &str) -> Self {
        Ids {
            report_id: report_id.to_string(),
            seen: HashMap::new(),
        }
    }

    fn next(&mut self, letter: char, fingerprint: &str) -> String {
        let mut h = Sha256::new();
        h.update([letter as u8, 0x1f]);
        h.update(fingerprint.as_bytes());
        let digest = h.finalize();
        let hex: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
        self.unique(format!("{}/{letter}-{hex}", self.report_id))
    }

    fn unique(&mut self, id: String) -> String {
        let n = self.seen.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            return id;
        }
        // `-2` may itself be taken (an id that ends in -2 by its hash cannot: hex has no `-`)
        let mut k = *n;
        loop {
            let cand = format!("{id}-{k}");
            if !self.seen.contains_key(&cand) {
                self.seen.insert(cand.clone(), 1);
                return cand;
            }
            k += 1;
        }
    }
}

/// `chars[start..end]`, clamped.
fn span(chars: &[char], start: u64, end: u64) -> &[char] {
    let e = (end as usize).min(chars.len());
    let s = (start as usize).min(e);
    chars.get(s..e).unwrap_or(&[])
}

/// The quote between `start` and `end` with its context: up to [`CONTEXT_BEFORE`] non-space
/// characters before it, [`CONTEXT_AFTER`] after, each part masked.
fn in_context(chars: &[char], start: u64, end: u64) -> String {
    let s = (start as usize).min(chars.len());
    let e = (end as usize).clamp(s, chars.len());
    let mut before: Vec<char> = chars
        .get(..s)
        .unwrap_or(&[])
        .iter()
        .rev()
        .copied()
        .filter(|c| !c.is_whitespace())
        .take(CONTEXT_BEFORE)
        .collect();
    before.reverse();
    let after: Vec<char> = chars
        .get(e..)
        .unwrap_or(&[])
        .iter()
        .copied()
        .filter(|c| !c.is_whitespace())
        .take(CONTEXT_AFTER)
        .collect();
    format!(
        "{}\u{1f}{}\u{1f}{}",
        mask(&before),
        mask(span(chars, s as u64, e as u64)),
        mask(&after)
    )
}

/// The characters without white space, every run of digits (ASCII or full-width, with `.`,
/// `．` or `,` between two digits) one `#`.
pub fn mask(chars: &[char]) -> String {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut out = String::with_capacity(chars.len() * 3);
    let mut in_run = false;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            continue;
        }
        if digit(c) {
            if !in_run {
                out.push('#');
                in_run = true;
            }
            continue;
        }
        let joins =
            in_run && matches!(c, '.' | '．' | ',') && chars.get(i + 1).is_some_and(|&n| digit(n));
        if joins {
            continue;
        }
        in_run = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_runs_are_one_mark() {
        let m = |s: &str| mask(&s.chars().collect::<Vec<_>>());
        assert_eq!(m("收入5.87亿元"), "收入#亿元");
        assert_eq!(m("收入6亿元"), "收入#亿元");
        assert_eq!(m("1,234.5 万 元"), "#万元");
        assert_eq!(m("２０２４年"), "#年");
        assert_eq!(m("5.再"), "#.再");
    }

    #[test]
    fn collisions_are_numbered_in_order() {
        let mut ids = Ids::new("r");
        let a = ids.next('f', "x");
        let b = ids.next('f', "x");
        let c = ids.next('f', "x");
        assert_eq!(b, format!("{a}-2"));
        assert_eq!(c, format!("{a}-3"));
        assert!(a.starts_with("r/f-") && a.len() == "r/f-".len() + 8);
    }
}
