//! Quality issues: suspect spots of a report's text.
//!
//! [`detect`] runs a set of detectors over the text, its structure, its number tokens
//! ([`crate::numbers::scan`]) and its facts, and returns one [`QualityIssue`] per suspect spot,
//! in text order, with the reason in Chinese and English. Nothing is repaired: the issue says
//! which value is suspect and why; the facts keep what the text says.
//!
//! The detectors look for patterns of damaged text in general (scrapes that lost characters
//! inside inline formatting, PDF line breaks, split digits), not for particular sentences.
//!
//! Every code, its usual severity and its rule are listed once, in the registry
//! `crates/gwr-model/registry/quality-codes.tsv`, from which [`gwr_model::QualityCode`], the
//! schemas' list of codes and the table of `docs/quality-codes.md` are generated. A detector
//! names its code as a `QualityCode` variant, never as a string.
//!
//! **Bounded output.** At most [`MAX_ISSUES_PER_CODE`] issues of one code are listed per
//! report (the first ones in text order); when a code has more, ONE more issue of that code
//! stands at the first unlisted spot and says how many were left out. Time and memory stay
//! linear in the text on any input (2 MB of `(` would otherwise give two million issues): the
//! detectors hand their findings to [`Findings`], which keeps at most twice the cap per code
//! and only the spans (8 bytes each) of the rest, to count them exactly.

mod layout;
mod marks;
mod numeric;
mod wording;
mod words;

use std::collections::BTreeMap;

use gwr_model::{Fact, QualityCode, QualityIssue, ReportMeta, Severity};

use crate::numbers::{self, NumberToken};
use crate::structure::Structure;

/// Finds suspect spots of the text and returns them as rows of the `quality_issues` table, in
/// text order (see the module docs for the detectors).
pub fn detect(
    text: &str,
    structure: &Structure,
    facts: &[Fact],
    meta: &ReportMeta,
) -> Vec<QualityIssue> {
    let chars = crate::text::chars(text);
    let tokens = numbers::scan_chars(&chars);
    detect_from(&chars, &tokens, structure, facts, meta, Vec::new())
}

/// What is wrong with the source as a whole: a broken front matter (`front_matter_invalid`, on
/// the block) and a report year nobody knows (`report_year_unknown`, on the first line of
/// text). `chars` are the chars the passes read.
pub(crate) fn source_notes(
    chars: &[char],
    md: Option<&crate::markdown::Markdown>,
    meta: &ReportMeta,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(fm) = md.and_then(|m| m.front_matter.as_ref()) {
        if let Some(problem) = &fm.problem {
            out.push(
                Finding::new(
                    fm.span.0,
                    fm.span.1,
                    Severity::Warning,
                    QualityCode::FrontMatterInvalid,
                    format!("文首的 YAML 元数据块有误,未予采用: {problem}"),
                    format!("The YAML front matter is broken and was not used: {problem}"),
                )
                .no_fact(),
            );
        }
    }
    if meta.report_year.is_none() {
        // the first line with text (the head), at most 60 code points of it
        let n = chars.len();
        let start = chars.iter().position(|c| !c.is_whitespace()).unwrap_or(n);
        let mut end = start;
        while end < n && chars[end] != '\n' && end - start < 60 {
            end += 1;
        }
        while end > start && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        out.push(
            Finding::new(
                start,
                end,
                Severity::Warning,
                QualityCode::ReportYearUnknown,
                "元数据和正文均未载明报告年度:report_year 及依赖它的年份(今年、去年)为空".into(),
                "Neither the metadata nor the text says the report year: report_year and the periods that count from it (this year, last year) are empty".into(),
            )
            .no_fact(),
        );
    }
    out
}

/// [`detect`] on the text's chars and their number tokens ([`numbers::scan_chars`]), when the
/// caller has them already.
pub(crate) fn detect_from(
    chars: &[char],
    tokens: &[NumberToken],
    structure: &Structure,
    facts: &[Fact],
    meta: &ReportMeta,
    notes: Vec<Finding>,
) -> Vec<QualityIssue> {
    let ctx = Ctx {
        chars,
        structure,
        facts,
        meta,
        tokens,
    };
    let mut found = Findings::new(chars.len());
    for note in notes {
        found.push(note);
    }
    numeric::detect(&ctx, &mut found);
    numeric::detect_facts(&ctx, &mut found);
    marks::detect(&ctx, &mut found);
    wording::detect(&ctx, &mut found);
    layout::detect(&ctx, &mut found);
    finish(&ctx, found)
}

/// What a detector sees.
pub(crate) struct Ctx<'a> {
    pub chars: &'a [char],
    pub structure: &'a Structure,
    pub facts: &'a [Fact],
    pub meta: &'a ReportMeta,
    pub tokens: &'a [NumberToken],
}

impl Ctx<'_> {
    /// The char at `i`, or NUL past either end.
    pub fn at(&self, i: usize) -> char {
        self.chars.get(i).copied().unwrap_or('\0')
    }

    /// The char before `i`, or NUL.
    pub fn before(&self, i: usize) -> char {
        if i == 0 {
            '\0'
        } else {
            self.at(i - 1)
        }
    }

    /// chars[start..end], clamped.
    pub fn slice(&self, start: usize, end: usize) -> String {
        let n = self.chars.len();
        let s = start.min(n);
        let e = end.clamp(s, n);
        crate::text::string(&self.chars[s..e])
    }

    /// Whether the text at `i` starts with `w`.
    pub fn starts(&self, i: usize, w: &str) -> bool {
        w.chars().enumerate().all(|(k, c)| self.at(i + k) == c)
    }

    /// Whether the text before `i` ends with `w`.
    pub fn ends(&self, i: usize, w: &str) -> bool {
        let n = w.chars().count();
        i >= n && self.starts(i - n, w)
    }

    /// The span of `start..end` widened by up to `width` chars on each side, not across a
    /// line break or a sentence end: the context quoted in messages.
    pub fn context(&self, start: usize, end: usize, width: usize) -> String {
        let mut s = start.min(self.chars.len());
        let mut k = 0;
        while s > 0 && k < width {
            let c = self.at(s - 1);
            if is_hard_break(c) {
                break;
            }
            s -= 1;
            k += 1;
        }
        let mut e = end.min(self.chars.len());
        k = 0;
        while e < self.chars.len() && k < width {
            let c = self.at(e);
            if is_hard_break(c) {
                break;
            }
            e += 1;
            k += 1;
        }
        self.slice(s, e).trim().to_string()
    }

    /// Start of the clause containing `i`: after the last clause punctuation or line break,
    /// at most `max` chars back.
    pub fn clause_start(&self, i: usize, max: usize) -> usize {
        let mut s = i.min(self.chars.len());
        let lo = i.saturating_sub(max);
        while s > lo {
            let c = self.at(s - 1);
            if is_hard_break(c) || matches!(c, '，' | ',' | '、' | '：' | ':') {
                break;
            }
            s -= 1;
        }
        s
    }

    /// Start of the sentence containing `i`, at most `max` chars back.
    pub fn sentence_start(&self, i: usize, max: usize) -> usize {
        let mut s = i.min(self.chars.len());
        let lo = i.saturating_sub(max);
        while s > lo && !is_hard_break(self.at(s - 1)) {
            s -= 1;
        }
        s
    }

    /// The fact whose span overlaps `start..end`, if any.
    pub fn fact_at(&self, start: usize, end: usize) -> Option<&Fact> {
        self.facts.iter().find(|f| {
            let (fs, fe) = (f.start as usize, f.end as usize);
            fs < end.max(start + 1) && start < fe
        })
    }
}

/// A line break or a sentence end.
pub(crate) fn is_hard_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\0'
    )
}

/// A CJK ideograph.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// An issue before ids, paragraph and quote are filled in.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub start: usize,
    pub end: usize,
    pub severity: Severity,
    pub code: QualityCode,
    pub zh: String,
    pub en: String,
    /// Set when the detector knows the fact (else the fact overlapping the span is linked).
    pub fact_id: Option<String>,
    /// Whether to link the fact overlapping the span when `fact_id` is empty.
    pub link_fact: bool,
}

impl Finding {
    /// A finding that links the fact overlapping its span.
    pub fn new(
        start: usize,
        end: usize,
        severity: Severity,
        code: QualityCode,
        zh: String,
        en: String,
    ) -> Self {
        Finding {
            start,
            end,
            severity,
            code,
            zh,
            en,
            fact_id: None,
            link_fact: true,
        }
    }

    /// The same finding, linking no fact (a spot that is not a value).
    pub fn no_fact(mut self) -> Self {
        self.link_fact = false;
        self
    }
}

/// At most this many issues of one code are listed per report; one more issue of the code
/// says how many were left out.
pub const MAX_ISSUES_PER_CODE: usize = 200;

/// The findings of the detectors, at most [`MAX_ISSUES_PER_CODE`] per code kept whole (the
/// first in text order), the rest counted by their distinct spans.
pub(crate) struct Findings {
    /// The text's length in chars: a finding must lie inside it.
    len: usize,
    by_code: BTreeMap<QualityCode, Bucket>,
}

#[derive(Default)]
struct Bucket {
    /// Candidates, in push order between compactions.
    kept: Vec<Finding>,
    /// After a compaction that left exactly [`MAX_ISSUES_PER_CODE`] candidates, the largest
    /// of their spans: a later finding beyond it can never be listed.
    bar: Option<(usize, usize)>,
    /// Spans of findings that can no longer be among the first [`MAX_ISSUES_PER_CODE`]:
    /// every one lies after every kept finding.
    dropped: Vec<(u32, u32)>,
    /// The first dropped finding (the place of the summary issue).
    first_dropped: Option<Finding>,
}

impl Bucket {
    /// Sorts the candidates by span (stable: the first pushed of equal spans stays first),
    /// removes repeated spans and moves all but the first `MAX_ISSUES_PER_CODE` to `dropped`.
    fn compact(&mut self) {
        self.kept.sort_by_key(|f| (f.start, f.end));
        self.kept
            .dedup_by(|b, a| a.start == b.start && a.end == b.end);
        if self.kept.len() <= MAX_ISSUES_PER_CODE {
            return;
        }
        let rest = self.kept.split_off(MAX_ISSUES_PER_CODE);
        self.bar = self.kept.last().map(|f| (f.start, f.end));
        for f in rest {
            let span = (to_u32(f.start), to_u32(f.end));
            self.dropped.push(span);
            let earlier = self
                .first_dropped
                .as_ref()
                .is_none_or(|d| (f.start, f.end) < (d.start, d.end));
            if earlier {
                self.first_dropped = Some(f);
            }
        }
    }
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl Findings {
    /// No findings yet, in a text of `len` chars.
    pub fn new(len: usize) -> Self {
        Findings {
            len,
            by_code: BTreeMap::new(),
        }
    }

    /// Adds a finding (one with an empty span or a span past the text is passed over).
    pub fn push(&mut self, f: Finding) {
        if f.start >= f.end || f.end > self.len {
            return;
        }
        let b = self.by_code.entry(f.code).or_default();
        b.kept.push(f);
        if b.kept.len() >= 2 * MAX_ISSUES_PER_CODE {
            b.compact();
        }
    }

    /// Adds the finding `make()` of `code` at `start..end`, without making it when it could
    /// never be listed (past the cap, after the first unlisted one): detectors that can fire
    /// once per character (brackets, quotes) spend no time on messages nobody sees.
    pub fn push_with(
        &mut self,
        code: QualityCode,
        start: usize,
        end: usize,
        make: impl FnOnce() -> Finding,
    ) {
        if start >= end || end > self.len {
            return;
        }
        if let Some(b) = self.by_code.get_mut(&code) {
            let past_bar = b.bar.is_some_and(|bar| (start, end) > bar);
            let past_first = b
                .first_dropped
                .as_ref()
                .is_some_and(|d| (start, end) > (d.start, d.end));
            if past_bar && past_first {
                b.dropped.push((to_u32(start), to_u32(end)));
                return;
            }
        }
        self.push(make());
    }

    /// The findings kept, plus one summary finding per code that had too many, unsorted.
    pub fn into_vec(self) -> Vec<Finding> {
        let mut out = Vec::new();
        for (code, mut b) in self.by_code {
            b.compact();
            out.append(&mut b.kept);
            let Some(first) = b.first_dropped else {
                continue;
            };
            b.dropped.sort_unstable();
            b.dropped.dedup();
            let n = b.dropped.len();
            out.push(Finding {
                zh: format!(
                    "本报告中“{code}”问题过多：已列出前{MAX_ISSUES_PER_CODE}处，从此处起另有{n}处未列出"
                ),
                en: format!(
                    "Too many `{code}` issues in this report: the first {MAX_ISSUES_PER_CODE} are listed; {n} more, starting here, are not"
                ),
                fact_id: None,
                link_fact: false,
                ..first
            });
        }
        out
    }
}

fn finish(ctx: &Ctx, found: Findings) -> Vec<QualityIssue> {
    let mut found = found.into_vec();
    found.sort_by_key(|a| (a.start, a.end, a.code));
    found.dedup_by(|b, a| a.start == b.start && a.end == b.end && a.code == b.code);
    let report_id = &ctx.meta.report_id;
    found
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let fact_id = f.fact_id.clone().or_else(|| {
                if f.link_fact {
                    ctx.fact_at(f.start, f.end).map(|x| x.fact_id.clone())
                } else {
                    None
                }
            });
            let paragraph_id = paragraph_at(ctx.structure, f.start).map(|p| p.paragraph_id.clone());
            QualityIssue {
                issue_id: format!("{report_id}/q{:03}", i + 1),
                report_id: report_id.clone(),
                fact_id,
                paragraph_id,
                severity: f.severity,
                code: f.code,
                message_zh: f.zh,
                message_en: f.en,
                start: f.start as u64,
                end: f.end as u64,
                quote: ctx.slice(f.start, f.end),
            }
        })
        .collect()
}

/// The issue of a report whose place has no code: on the first place the text writes the
/// name, else on its first line.
pub(crate) fn place_issue(chars: &[char], problem: &crate::places::PlaceProblem) -> Finding {
    let name: Vec<char> = problem.subject().chars().collect();
    let at = (!name.is_empty())
        .then(|| chars.windows(name.len()).position(|w| w == name.as_slice()))
        .flatten();
    let (start, end) = match at {
        Some(i) => (i, i + name.len()),
        None => {
            let s = chars.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
            let e = (s..chars.len())
                .find(|&i| matches!(chars[i], '\n' | '\r'))
                .unwrap_or(chars.len())
                .min(s + 40);
            (s, e)
        }
    };
    let (zh, en) = problem.messages();
    Finding::new(
        start,
        end,
        Severity::Warning,
        QualityCode::PlaceUnresolved,
        zh,
        en,
    )
    .no_fact()
}

/// The paragraph containing code-point offset `i`.
pub(crate) fn paragraph_at(structure: &Structure, i: usize) -> Option<&gwr_model::Paragraph> {
    let ps = &structure.paragraphs;
    let k = ps.partition_point(|p| (p.start as usize) <= i);
    let p = ps.get(k.checked_sub(1)?)?;
    ((p.start as usize) <= i && i < (p.end as usize)).then_some(p)
}
