//! The scanner's word tables, compiled by `build.rs` from `lexicon/units.tsv` and
//! `lexicon/qualifiers.tsv`, and the automata that match them.
//!
//! Each table is matched with one anchored aho-corasick automaton (leftmost-longest): at a
//! spot, the longest word of the table that the text continues with wins, so the order of the
//! lines in the data files does not matter. The text is `&[char]`; the few chars a word can
//! span are encoded into a small buffer for the automaton (qualifiers before a number are
//! matched backwards, on reversed words and the reversed chars before it).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use gwr_model::{Qualifier, Unit};

/// What a word after a number makes of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum After {
    /// A unit, with the factor to the base unit.
    Unit(Unit, f64),
    /// A date or time (年, 月, 日, 季度).
    Date,
    /// A duration (个月, 小时, 天).
    Duration,
    /// A name or slogan (号线, 届, 强).
    Name,
    /// An age (岁).
    Age,
}

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

/// An automaton over some words, with each word's length in chars.
struct Words {
    ac: AhoCorasick,
    lens: Vec<usize>,
    max: usize,
    /// The chars a word starts with, as a bitmap of the Basic Multilingual Plane (a char
    /// above it always goes to the automaton): most spots start no word and skip it.
    first: Box<[u64; 1024]>,
}

impl Words {
    /// The automaton of `words` (reversed when `backwards`).
    fn new<'a>(words: impl Iterator<Item = &'a str>, backwards: bool) -> Words {
        let words: Vec<String> = words
            .map(|w| {
                if backwards {
                    w.chars().rev().collect()
                } else {
                    w.to_string()
                }
            })
            .collect();
        let lens: Vec<usize> = words.iter().map(|w| w.chars().count()).collect();
        let max = lens.iter().copied().max().unwrap_or(0).min(MAX_WORD_CHARS);
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&words)
            .unwrap_or_else(|e| panic!("the lexicon's automaton: {e}"));
        let mut first = Box::new([0u64; 1024]);
        for c in words.iter().filter_map(|w| w.chars().next()) {
            let c = c as usize;
            if c < 0x1_0000 {
                first[c >> 6] |= 1 << (c & 63);
            }
        }
        Words {
            ac,
            lens,
            max,
            first,
        }
    }

    /// The longest word that `chars` (walked forwards) starts with: its index and length.
    fn find(&self, chars: impl Iterator<Item = char>) -> Option<(usize, usize)> {
        let mut chars = chars.peekable();
        let c0 = *chars.peek()? as usize;
        if c0 < 0x1_0000 && self.first[c0 >> 6] & (1 << (c0 & 63)) == 0 {
            return None;
        }
        let mut buf = [0u8; 4 * MAX_WORD_CHARS];
        let mut n = 0;
        for c in chars.take(self.max) {
            n += c.encode_utf8(&mut buf[n..]).len();
        }
        let m = self
            .ac
            .find(Input::new(&buf[..n]).anchored(Anchored::Yes))?;
        let k = m.pattern().as_usize();
        Some((k, self.lens[k]))
    }
}

/// No word of a lexicon is longer than this many chars (build.rs's tables are far shorter).
const MAX_WORD_CHARS: usize = 16;

fn after_words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| Words::new(AFTER.iter().map(|(w, _)| *w), false))
}

fn prefix_words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| Words::new(PREFIX_QUAL.iter().map(|(w, _)| *w), true))
}

fn suffix_words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| Words::new(SUFFIX_QUAL.iter().map(|(w, _)| *w), false))
}

/// The word after a number at `chars[i..]`: its length in chars and what it makes of the
/// number.
pub(crate) fn after_at(chars: &[char], i: usize) -> Option<(usize, After)> {
    let (k, len) = after_words().find(chars.get(i..)?.iter().copied())?;
    Some((len, AFTER.get(k)?.1))
}

/// The qualifier word after a number at `chars[i..]`: the word, its qualifier, its length.
pub(crate) fn suffix_qualifier_at(
    chars: &[char],
    i: usize,
) -> Option<(&'static str, Qualifier, usize)> {
    let (k, len) = suffix_words().find(chars.get(i..)?.iter().copied())?;
    let &(w, q) = SUFFIX_QUAL.get(k)?;
    Some((w, q, len))
}

/// The qualifier word that `chars[..i]` ends with: the word, its qualifier, its length.
pub(crate) fn prefix_qualifier_before(
    chars: &[char],
    i: usize,
) -> Option<(&'static str, Qualifier, usize)> {
    let (k, len) = prefix_words().find(chars.get(..i)?.iter().rev().copied())?;
    let &(w, q) = PREFIX_QUAL.get(k)?;
    Some((w, q, len))
}

/// Whether `c` is a unit the scanner does not read (`kind` unread in `lexicon/units.tsv`: 分,
/// 毛, 瓩…): a number before it is not missing its measure word.
pub fn is_unread_unit(c: char) -> bool {
    let mut buf = [0u8; 4];
    let s: &str = c.encode_utf8(&mut buf);
    UNREAD_UNITS.contains(&s)
}

/// The factor to the table's base unit of the unit word `word` exactly as printed (`亩` →
/// 666.6667, `公里` → 1000, `元` → 1), from `lexicon/units.tsv`; `None` for a word the scanner
/// does not read as a unit.
///
/// ```
/// assert_eq!(gwr_numbers::unit_factor("平方公里"), Some(1e6));
/// assert_eq!(gwr_numbers::unit_factor("個"), Some(1.0));
/// assert_eq!(gwr_numbers::unit_factor("年"), None);
/// ```
pub fn unit_factor(word: &str) -> Option<f64> {
    AFTER.iter().find_map(|(w, a)| match a {
        After::Unit(_, f) if *w == word => Some(*f),
        _ => None,
    })
}
