//! Paragraph layout: lead phrases that lost their 。 and paragraphs that end without final
//! punctuation.

use std::collections::HashMap;

use gwr_model::{ParagraphKind, QualityCode, Severity};

use super::{is_han, words, Ctx, Finding, Findings};
use crate::structure::is_space;

/// Shortest paragraph checked for final punctuation.
const MIN_PARAGRAPH: usize = 15;

fn is_clause_punct(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '？' | '!' | '?' | '、'
    )
}

/// Runs the checks.
pub(crate) fn detect(ctx: &Ctx, out: &mut Findings) {
    lead_lost(ctx, out);
    final_punctuation(ctx, out);
}

fn lead_lost(ctx: &Ctx, out: &mut Findings) {
    let body: Vec<_> = ctx
        .structure
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Body && p.section_id.is_some())
        .collect();
    let with_lead = body.iter().filter(|p| p.lead.is_some()).count();
    // the report opens its paragraphs with lead phrases
    if body.len() < 4 || with_lead * 10 < body.len() * 3 {
        return;
    }
    // the lengths of the report's lead phrases
    let mut lead_lens: Vec<usize> = body
        .iter()
        .filter_map(|p| p.lead.as_ref().map(|l| l.chars().count()))
        .filter(|n| (4..=10).contains(n))
        .collect();
    lead_lens.sort_unstable();
    lead_lens.dedup();
    let mut per_section: HashMap<&str, usize> = HashMap::new();
    for p in &body {
        if p.lead.is_some() {
            if let Some(s) = p.section_id.as_deref() {
                *per_section.entry(s).or_default() += 1;
            }
        }
    }
    for p in &body {
        let sec = p.section_id.as_deref().unwrap_or("");
        if p.lead.is_some() || per_section.get(sec).copied().unwrap_or(0) == 0 {
            continue;
        }
        let (s, e) = (p.start as usize, p.end as usize);
        if e - s < 40 || !is_han(ctx.at(s)) {
            continue;
        }
        let mut k = s;
        while k < e && !is_clause_punct(ctx.at(k)) && ctx.at(k) != '\n' {
            k += 1;
        }
        // a lead-sized opening phrase followed straight by a clause-opening verb
        let Some(len) = lead_lens.iter().copied().find(|n| {
            let at = s + n;
            at + 4 <= k
                && (words::list("clause_openers")
                    .iter()
                    .any(|w| ctx.starts(at, w))
                    || (ctx.at(at).is_ascii_uppercase() && ctx.at(at + 1).is_ascii_digit()))
                && !ctx
                    .slice(s, at)
                    .contains(|c: char| "的是在这把对我".contains(c) || c.is_ascii_digit())
        }) else {
            continue;
        };
        let lead = ctx.slice(s, s + len);
        let qe = (s + len + 8).min(k);
        let q = ctx.slice(s, qe);
        out.push(
            Finding::new(
                s,
                qe,
                Severity::Info,
                QualityCode::LeadPunctuationLost,
                format!("本段开头“{q}”中,概括语“{lead}”后直接接正文,没有句号;同节其他段落以概括语加句号开头:句号疑已丢失"),
                format!(
                    "The paragraph opens with “{q}”: the lead phrase “{lead}” runs straight into the sentence with no 。, while other paragraphs of its section open with a lead phrase and 。: the 。 was probably lost"
                ),
            )
            .no_fact(),
        );
    }
}

fn final_punctuation(ctx: &Ctx, out: &mut Findings) {
    for p in &ctx.structure.paragraphs {
        if p.kind == ParagraphKind::Heading {
            continue;
        }
        let (s, mut e) = (p.start as usize, p.end as usize);
        while e > s && is_space(ctx.at(e - 1)) {
            e -= 1;
        }
        if e - s < MIN_PARAGRAPH {
            continue;
        }
        let last = ctx.at(e - 1);
        if !(is_han(last) || last.is_alphanumeric()) {
            continue;
        }
        // prose, not a heading the structure took for body text: a sentence ends inside it
        if !(s..e - 1).any(|k| matches!(ctx.at(k), '。' | '！' | '？' | '；')) {
            continue;
        }
        let mut qs = e - 1;
        while qs > s && e - qs < 8 && !is_clause_punct(ctx.at(qs - 1)) {
            qs -= 1;
        }
        let q = ctx.slice(qs, e);
        out.push(
            Finding::new(
                qs,
                e,
                Severity::Info,
                QualityCode::MissingFinalPunctuation,
                format!("段落以“{q}”结尾,没有句末标点:句号疑已丢失,或段落在此被截断"),
                format!(
                    "The paragraph ends with “{q}” and no final punctuation: the 。 was probably lost, or the paragraph was cut here"
                ),
            )
            .no_fact(),
        );
    }
}
