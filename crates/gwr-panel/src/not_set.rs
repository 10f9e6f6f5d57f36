//! `not_set` rows: the headline indicators a national or provincial report sets no target for,
//! told apart by whether the text says so (`stated`, with the sentence) or is silent.
//!
//! Two data files: `data/headlines.tsv` (which headline codes get a row at which level, and
//! which codes count as another: a `gnp` target is a `gdp` target) and
//! `data/not_set.tsv` (the words of a sentence saying no target is set: a negation, an
//! indicator word and, after both, a target word, in one clause).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use gwr_model::{AdminLevel, Paragraph};

/// The headline table as shipped.
pub const HEADLINES_TSV: &str = include_str!("../data/headlines.tsv");

/// The lexicon of "no target is set" sentences as shipped.
pub const NOT_SET_TSV: &str = include_str!("../data/not_set.tsv");

/// One line of `headlines.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Headline {
    pub code: String,
    pub national: bool,
    pub province: bool,
    pub counts_as: Option<String>,
}

/// The role of a word of `not_set.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Negation,
    Target,
    Indicator,
}

/// One line of `not_set.tsv`: word, role, indicator code, example, what the example gives.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub word: Vec<char>,
    pub role: Role,
    pub indicator: Option<String>,
    pub example: String,
    pub gives: String,
}

fn data_lines(tsv: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1) // the header
        .map(|(n, l)| (n + 1, l.split('\t').collect()))
}

pub(crate) fn parse_headlines(tsv: &str) -> Result<Vec<Headline>, String> {
    let mut out = Vec::new();
    for (n, cells) in data_lines(tsv) {
        let [code, levels, counts_as, _note] = cells[..] else {
            return Err(format!("line {n}: expected 4 tab-separated cells"));
        };
        let mut h = Headline {
            code: code.to_string(),
            national: false,
            province: false,
            counts_as: (counts_as != "-").then(|| counts_as.to_string()),
        };
        for l in levels.split(',') {
            match l {
                "national" => h.national = true,
                "province" => h.province = true,
                "-" => {}
                other => return Err(format!("line {n}: unknown level {other:?}")),
            }
        }
        out.push(h);
    }
    Ok(out)
}

pub(crate) fn parse_words(tsv: &str) -> Result<Vec<Word>, String> {
    let mut out = Vec::new();
    for (n, cells) in data_lines(tsv) {
        let [word, role, indicator, example, gives] = cells[..] else {
            return Err(format!("line {n}: expected 5 tab-separated cells"));
        };
        let role = match role {
            "negation" => Role::Negation,
            "target" => Role::Target,
            "indicator" => Role::Indicator,
            other => return Err(format!("line {n}: unknown role {other:?}")),
        };
        let indicator = (indicator != "-").then(|| indicator.to_string());
        if (role == Role::Indicator) != indicator.is_some() {
            return Err(format!(
                "line {n}: an indicator word names a code, other words `-`"
            ));
        }
        if word.is_empty() || !example.contains(word) {
            return Err(format!("line {n}: the example does not hold {word:?}"));
        }
        out.push(Word {
            word: word.chars().collect(),
            role,
            indicator,
            example: example.to_string(),
            gives: gives.to_string(),
        });
    }
    Ok(out)
}

fn headlines() -> &'static [Headline] {
    static T: OnceLock<Vec<Headline>> = OnceLock::new();
    T.get_or_init(|| parse_headlines(HEADLINES_TSV).unwrap_or_default())
}

/// The words by first char, longest first.
fn words() -> &'static BTreeMap<char, Vec<Word>> {
    static T: OnceLock<BTreeMap<char, Vec<Word>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: BTreeMap<char, Vec<Word>> = BTreeMap::new();
        for w in parse_words(NOT_SET_TSV).unwrap_or_default() {
            if let Some(&c) = w.word.first() {
                m.entry(c).or_default().push(w);
            }
        }
        for v in m.values_mut() {
            v.sort_by_key(|w| std::cmp::Reverse(w.word.len()));
        }
        m
    })
}

/// The headline codes a report of `level` gets a `not_set` row for, in table order.
pub(crate) fn headline_codes(level: AdminLevel) -> Vec<&'static str> {
    headlines()
        .iter()
        .filter(|h| match level {
            AdminLevel::National => h.national,
            AdminLevel::Province => h.province,
            _ => false,
        })
        .map(|h| h.code.as_str())
        .collect()
}

/// The headline code a target of indicator `code` counts for (itself, or its `counts_as`).
pub(crate) fn counts_for(code: &str) -> &str {
    headlines()
        .iter()
        .find(|h| h.code == code)
        .and_then(|h| h.counts_as.as_deref())
        .unwrap_or(code)
}

fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '!' | '？' | '?' | '\n' | '\r'
    )
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?' | '\n' | '\r')
}

/// The headline codes a clause says no target is set for, each once, in text order.
fn clause_codes(chars: &[char], out: &mut Vec<String>) {
    let table = words();
    let (mut negations, mut indicators, mut targets) = (Vec::new(), Vec::new(), Vec::new());
    let mut i = 0;
    while i < chars.len() {
        let hit = chars.get(i).and_then(|c| table.get(c)).and_then(|ws| {
            ws.iter()
                .find(|w| chars.get(i..i + w.word.len()) == Some(&w.word[..]))
        });
        match hit {
            Some(w) => {
                let span = (i, i + w.word.len());
                match w.role {
                    Role::Negation => negations.push(span),
                    Role::Target => targets.push(span),
                    Role::Indicator => indicators.push((span, w.indicator.as_deref())),
                }
                i = span.1;
            }
            None => i += 1,
        }
    }
    for ((a, b), code) in indicators {
        let Some(code) = code else { continue };
        let said = negations.iter().any(|&(na, nb)| {
            targets
                .iter()
                .any(|&(ta, _)| ta >= b && ta >= nb && (na >= b || nb <= a))
        });
        if said && !out.iter().any(|c| c == code) {
            out.push(code.to_string());
        }
    }
}

/// The codes the sentences of `text` say no target is set for, with each one's sentence as
/// char offsets into `text` (the first sentence naming it).
pub(crate) fn statements(text: &str) -> Vec<(String, usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    let mut s = 0;
    while s < chars.len() {
        let e = (s..chars.len())
            .find(|&k| chars.get(k).copied().is_some_and(ends_sentence))
            .map_or(chars.len(), |k| k + 1);
        let sentence = chars.get(s..e).unwrap_or(&[]);
        let mut codes = Vec::new();
        let mut c = 0;
        while c < sentence.len() {
            let ce = (c..sentence.len())
                .find(|&k| sentence.get(k).copied().is_some_and(ends_clause))
                .unwrap_or(sentence.len());
            clause_codes(sentence.get(c..ce).unwrap_or(&[]), &mut codes);
            c = ce + 1;
        }
        if !codes.is_empty() {
            // the sentence without its leading white space and closing mark
            let lead = sentence.iter().take_while(|c| c.is_whitespace()).count();
            let trail = sentence
                .iter()
                .rev()
                .take_while(|c| c.is_whitespace() || ends_sentence(**c))
                .count();
            let (a, b) = (s + lead, e.saturating_sub(trail).max(s + lead));
            for code in codes {
                if !out.iter().any(|(c, _, _)| *c == code) {
                    out.push((code, a, b));
                }
            }
        }
        s = e;
    }
    out
}

/// The sentence saying no target is set: code-point offsets into the source and the quote.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Statement {
    pub start: u64,
    pub end: u64,
    pub quote: String,
}

/// For each headline code the paragraphs say no target is set for, the first sentence saying
/// so (offsets into the source, since a paragraph's quote is the source from its `start`).
pub(crate) fn stated_in(paragraphs: &[Paragraph]) -> BTreeMap<String, Statement> {
    let mut out = BTreeMap::new();
    for p in paragraphs {
        for (code, a, b) in statements(&p.quote) {
            if out.contains_key(&code) {
                continue;
            }
            let quote: String = p.quote.chars().skip(a).take(b - a).collect();
            out.insert(
                code,
                Statement {
                    start: p.start + a as u64,
                    end: p.start + b as u64,
                    quote,
                },
            );
        }
    }
    out
}

/// The headline codes of `level` a report with targets of `indicators` sets none for.
pub(crate) fn unset_codes<'a>(
    level: AdminLevel,
    indicators: impl IntoIterator<Item = &'a str>,
) -> Vec<&'static str> {
    let set: BTreeSet<&str> = indicators.into_iter().map(counts_for).collect();
    headline_codes(level)
        .into_iter()
        .filter(|c| !set.contains(c))
        .collect()
}

/// The row id of the `not_set` row of `indicator` in report `report_id`: `<report_id>/n-` and
/// the first 8 hex digits of the SHA-256 of `n`, a unit separator and the code (the scheme of
/// the other tables' ids, `crates/gwr-extract/src/ids.rs`).
pub fn row_id(report_id: &str, indicator: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update([b'n', 0x1f]);
    h.update(indicator.as_bytes());
    let hex: String = h
        .finalize()
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{report_id}/n-{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gives(text: &str) -> String {
        let codes: Vec<String> = statements(text).into_iter().map(|(c, _, _)| c).collect();
        if codes.is_empty() {
            "none".into()
        } else {
            codes.join(",")
        }
    }

    #[test]
    fn every_example_of_the_lexicon_gives_what_it_says() {
        let words = parse_words(NOT_SET_TSV).expect("not_set.tsv parses");
        assert!(words.len() >= 40, "{}", words.len());
        let codes: Vec<String> = parse_headlines(HEADLINES_TSV)
            .expect("headlines.tsv parses")
            .into_iter()
            .filter(|h| h.counts_as.is_none())
            .map(|h| h.code)
            .collect();
        let mut wrong = Vec::new();
        for w in &words {
            if let Some(code) = &w.indicator {
                assert!(
                    codes.contains(code),
                    "{code} is not a headline code with rows"
                );
            }
            let got = gives(&w.example);
            if got != w.gives {
                wrong.push(format!(
                    "{}: {} gives {got}, not {}",
                    w.word.iter().collect::<String>(),
                    w.example,
                    w.gives
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        // a malformed line is named
        assert!(parse_words(
            "word\trole\tindicator\texample\tgives\n不设\tnegation\tgdp\t不设\tnone\n"
        )
        .unwrap_err()
        .contains("line 2"));
    }

    #[test]
    fn headlines_list_every_headline_of_the_direction_table() {
        let lines = parse_headlines(HEADLINES_TSV).expect("headlines.tsv parses");
        let codes: BTreeSet<&str> = lines.iter().map(|h| h.code.as_str()).collect();
        let headline: BTreeSet<String> = crate::directions::parse(crate::DIRECTIONS_TSV)
            .expect("directions.tsv parses")
            .into_iter()
            .filter(|(_, _, h)| *h)
            .map(|(c, _, _)| c)
            .collect();
        let headline: BTreeSet<&str> = headline.iter().map(String::as_str).collect();
        assert_eq!(
            codes, headline,
            "headlines.tsv and the headline flags of directions.tsv"
        );
        for h in &lines {
            if let Some(c) = &h.counts_as {
                assert!(
                    codes.contains(c.as_str()),
                    "{} counts as unknown {c}",
                    h.code
                );
                assert!(
                    !h.national && !h.province,
                    "{} counts as {c} and has rows",
                    h.code
                );
            }
        }
        assert_eq!(counts_for("gnp"), "gdp");
        assert_eq!(counts_for("retail_price_index"), "cpi");
        assert!(headline_codes(AdminLevel::National).contains(&"m2_money_supply"));
        assert!(!headline_codes(AdminLevel::Province).contains(&"m2_money_supply"));
        assert!(headline_codes(AdminLevel::Town).is_empty());
        assert!(!unset_codes(AdminLevel::National, ["gnp"]).contains(&"gdp"));
        assert!(unset_codes(AdminLevel::National, ["cpi"]).contains(&"gdp"));
    }

    #[test]
    fn a_statement_is_its_sentence_and_offsets() {
        let text = "一、工作安排\n今年发展主要预期目标是：城镇新增就业900万人以上。需要说明的是，我们没有提出全年经济增速具体目标，主要因为不确定性很大。";
        let found = statements(text);
        assert_eq!(found.len(), 1, "{found:?}");
        let (code, a, b) = &found[0];
        assert_eq!(code, "gdp");
        let quote: String = text.chars().skip(*a).take(b - a).collect();
        assert_eq!(
            quote,
            "需要说明的是，我们没有提出全年经济增速具体目标，主要因为不确定性很大"
        );
        // the words apart in different clauses say nothing
        assert!(statements("经济增速放缓，不设上限，目标明确。").is_empty());
        // a negation after the target word says nothing
        assert!(statements("经济增长目标不变。").is_empty());
    }
}
