//! The word lists of the fact rules, as data: `lexicon/subject_words.tsv` (compiled in, parsed
//! once). Each line is a word, its roles (comma-separated), an example sentence and what the
//! example must give (`tests/lexicon.rs` runs every example; bless with `UPDATE_EXPECT=1`).
//! A word with several roles (新增: trail, new_verb, verb_only, mid_verb) lists them all on its
//! one line.
//!
//! Roles ([`Role`]): `increase`/`decrease` change verbs; `trail`, words stripped from the end of
//! a subject; `lead`, from its start; `verb` and `new_verb`, verbs of action and creation
//! stripped from its start; `verb_only`, phrases that name nothing; `post_stop`, words that end
//! the noun counted after a unit (tried in file order); `mid_verb`, verbs whose object is
//! counted; `naming_verb`, verbs that are part of an activity's name (加装电梯); `scope`,
//! administrative scope words; `paired_scope`, urban/rural modifiers in pairs; `attribute`,
//! attribute nouns (面积, 长度).
//!
//! Prefix and suffix sets are matched with anchored leftmost-longest automata
//! ([`aho_corasick`]), built once.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

/// The lexicon file.
pub const SUBJECT_WORDS_TSV: &str = include_str!("../lexicon/subject_words.tsv");

/// What a word does in the fact rules (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A verb of growth (增长, 提高): a change, positive.
    Increase,
    /// A verb of decline (下降, 减少): a change, negative.
    Decrease,
    /// Stripped from the end of a subject (完成, 达到, 控制在).
    Trail,
    /// Stripped from the start of a subject (全年, 其中, 累计).
    Lead,
    /// A verb of action stripped from the start of a subject (完成, 开展).
    Verb,
    /// A verb of creation stripped like `verb` (新增, 新建).
    NewVerb,
    /// A phrase that names nothing on its own (新增, 总量, 人均).
    VerbOnly,
    /// Ends the noun counted after a unit (建设, 工作); tried in file order.
    PostStop,
    /// A verb inside a phrase whose object is counted (受理, 提供).
    MidVerb,
    /// A verb that is part of the name of the activity counted (加装).
    NamingVerb,
    /// An administrative scope before an indicator (全市, 本县).
    Scope,
    /// An urban/rural modifier that comes in pairs (城镇、农村).
    PairedScope,
    /// An attribute noun that names a measure only with its thing (面积, 长度).
    Attribute,
}

impl Role {
    /// Every role, in the order of [`Role`].
    pub const ALL: [Role; 13] = [
        Role::Increase,
        Role::Decrease,
        Role::Trail,
        Role::Lead,
        Role::Verb,
        Role::NewVerb,
        Role::VerbOnly,
        Role::PostStop,
        Role::MidVerb,
        Role::NamingVerb,
        Role::Scope,
        Role::PairedScope,
        Role::Attribute,
    ];

    /// The role's name in the lexicon file.
    pub fn name(self) -> &'static str {
        match self {
            Role::Increase => "increase",
            Role::Decrease => "decrease",
            Role::Trail => "trail",
            Role::Lead => "lead",
            Role::Verb => "verb",
            Role::NewVerb => "new_verb",
            Role::VerbOnly => "verb_only",
            Role::PostStop => "post_stop",
            Role::MidVerb => "mid_verb",
            Role::NamingVerb => "naming_verb",
            Role::Scope => "scope",
            Role::PairedScope => "paired_scope",
            Role::Attribute => "attribute",
        }
    }

    fn from_name(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == s)
    }
}

/// One line of the lexicon.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The word as written in the lists (simplified, ASCII).
    pub word: &'static str,
    /// Its roles.
    pub roles: Vec<Role>,
    /// A sentence that uses it.
    pub example: &'static str,
    /// What the sentence gives (see `tests/lexicon.rs`).
    pub gives: &'static str,
}

/// The entries of a lexicon file (header and blank lines skipped). A line with an unknown
/// role or too few fields panics: the file is compiled in and tested.
pub fn parse(tsv: &'static str) -> Vec<Entry> {
    tsv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let word = f.next().unwrap_or_default();
            let roles = f
                .next()
                .unwrap_or_default()
                .split(',')
                .map(|r| Role::from_name(r).unwrap_or_else(|| panic!("unknown role {r:?}")))
                .collect();
            Entry {
                word,
                roles,
                example: f.next().unwrap_or_default(),
                gives: f.next().unwrap_or_default(),
            }
        })
        .collect()
}

/// The subject lexicon: the words of each role (in file order) and the affix automata.
pub(crate) struct Lexicon {
    words: Vec<Vec<&'static str>>,
    pub(crate) trail: Affixes,
    pub(crate) lead: Affixes,
    pub(crate) scope: Affixes,
    pub(crate) verbs: Affixes,
    pub(crate) verbs_and_new: Affixes,
    pub(crate) paired: Affixes,
    pub(crate) mid: Affixes,
    pub(crate) naming: Affixes,
}

impl Lexicon {
    /// The words of a role, in file order.
    pub(crate) fn words(&self, r: Role) -> &[&'static str] {
        &self.words[r as usize]
    }
}

/// The built-in lexicon.
pub(crate) fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut words: Vec<Vec<&'static str>> = vec![Vec::new(); Role::ALL.len()];
        for e in parse(SUBJECT_WORDS_TSV) {
            for r in e.roles {
                words[r as usize].push(e.word);
            }
        }
        let set = |rs: &[Role]| -> Vec<&'static str> {
            rs.iter()
                .flat_map(|&r| words[r as usize].iter().copied())
                .collect()
        };
        Lexicon {
            trail: Affixes::new(&set(&[Role::Trail])),
            lead: Affixes::new(&set(&[Role::Lead])),
            scope: Affixes::new(&set(&[Role::Scope])),
            verbs: Affixes::new(&set(&[Role::Verb])),
            verbs_and_new: Affixes::new(&set(&[Role::Verb, Role::NewVerb])),
            paired: Affixes::new(&set(&[Role::PairedScope])),
            mid: Affixes::new(&set(&[Role::MidVerb])),
            naming: Affixes::new(&set(&[Role::NamingVerb])),
            words,
        }
    })
}

/// The longest word of a set at the start or at the end of a char range: two anchored
/// leftmost-longest automata, over the words and over the words reversed.
pub(crate) struct Affixes {
    forward: AhoCorasick,
    backward: AhoCorasick,
    /// Length in chars of each pattern (same ids in both automata).
    lens: Vec<usize>,
    /// The longest word, in chars.
    max: usize,
}

/// Most chars a word of a set may have (the automata read at most this many).
const MAX_WORD: usize = 16;

impl Affixes {
    fn new(words: &[&str]) -> Affixes {
        let build = |pats: Vec<String>| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .kind(Some(AhoCorasickKind::DFA))
                .build(pats)
                .unwrap_or_else(|e| panic!("lexicon automaton: {e}"))
        };
        let lens: Vec<usize> = words.iter().map(|w| w.chars().count()).collect();
        let max = lens.iter().copied().max().unwrap_or(0);
        assert!(
            max <= MAX_WORD,
            "a lexicon word is longer than {MAX_WORD} chars"
        );
        Affixes {
            forward: build(words.iter().map(|w| w.to_string()).collect()),
            backward: build(words.iter().map(|w| w.chars().rev().collect()).collect()),
            lens,
            max,
        }
    }

    /// Length (in chars) of the longest word that `t[a..b]` starts with.
    pub(crate) fn longest_prefix(&self, t: &[char], a: usize, b: usize) -> Option<usize> {
        let b = b.min(t.len());
        (b > a).then(|| self.matched(&self.forward, t[a..b.min(a + self.max)].iter()))?
    }

    /// Length (in chars) of the longest word that `t[a..b]` ends with.
    pub(crate) fn longest_suffix(&self, t: &[char], a: usize, b: usize) -> Option<usize> {
        let b = b.min(t.len());
        let from = b.saturating_sub(self.max).max(a);
        (b > a).then(|| self.matched(&self.backward, t[from..b].iter().rev()))?
    }

    /// The longest pattern of `ac` at the start of `chars` (at most [`MAX_WORD`]), in chars.
    fn matched<'c>(
        &self,
        ac: &AhoCorasick,
        chars: impl Iterator<Item = &'c char>,
    ) -> Option<usize> {
        let mut buf = [0u8; 4 * MAX_WORD];
        let mut n = 0;
        for &c in chars {
            n += c.encode_utf8(&mut buf[n..]).len();
        }
        ac.find(Input::new(&buf[..n]).anchored(Anchored::Yes))
            .map(|m| self.lens[m.pattern().as_usize()])
    }
}
