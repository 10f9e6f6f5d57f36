//! The indicator glossary: canonical codes for the quantities reports state.
//!
//! The glossary is `glossary/indicators.csv` in this crate (columns
//! `code,name_zh,variants,name_en,unit,measure,description_en,description_zh`; `variants` is a
//! `|`-separated list of Chinese names), compiled in with `include_str!`. A subject matches an
//! indicator when, after trimming whitespace and quotation marks, it equals one of its names,
//! or else when it ends with one of them; the longest such name wins, so 财政总收入 is not
//! taken for 财政收入.
//!
//! **Growth is the level indicator with measure `change`.** One code per headline quantity:
//! 国内生产总值增长8%, 经济增长7%左右, 经济增长速度的调控目标定为8% and 地区生产总值增速 are all
//! `gdp` with measure `change`, so a target and the next report's outcome share indicator,
//! measure, unit and period whatever the wording. [`Glossary::indicator`] reads the words that
//! make a subject the growth of an indicator from `glossary/growth_words.tsv` (whole growth
//! names such as 经济增长, growth words after a name such as 增速, target words such as
//! 预期目标, and bases such as 经济 that name an indicator only with a growth word or verb).

use crate::text::FastMap;
use std::sync::OnceLock;

/// One indicator of the glossary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Canonical snake_case code (fiscal_revenue).
    pub code: String,
    /// Standard Chinese name.
    pub name_zh: String,
    /// Every Chinese name the reports use (including `name_zh`).
    pub variants: Vec<String>,
    /// English name.
    pub name_en: String,
    /// Usual unit (CNY, percent, count…), as in the file.
    pub unit: String,
    /// Usual measure (level, change, share, rate), as in the file.
    pub measure: String,
    /// Description in English.
    pub description_en: String,
    /// Description in Chinese.
    pub description_zh: String,
}

/// A parsed glossary with a lookup from names to codes.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// The indicators in file order.
    pub entries: Vec<Entry>,
    /// name → entry index, for exact lookups.
    exact: FastMap<String, usize>,
    /// The same, keyed by chars (lookups on char slices without allocating); growth names
    /// (经济增长) too.
    exact_chars: FastMap<Vec<char>, usize>,
    /// The growth words of `growth_words.tsv`.
    growth: GrowthWords,
}

/// What a subject names: an indicator, and whether the subject names its growth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coded<'a> {
    /// The indicator.
    pub entry: &'a Entry,
    /// The subject names the indicator's growth (经济增长, 国内生产总值增速): a percentage of
    /// it is a `change`.
    pub growth: bool,
}

/// The kinds of line of `growth_words.tsv` (see its header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrowthKind {
    /// A whole name of an indicator's growth (经济增长).
    Name,
    /// A growth word after a name or base (增速).
    Suffix,
    /// A target word after a name (预期目标).
    Target,
    /// A target word that says growth (预期增长目标).
    GrowthTarget,
    /// A word naming an indicator only with a growth word or verb, as the whole subject (经济).
    Base,
}

/// One line of `growth_words.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrowthWord {
    /// The word.
    pub word: String,
    /// Its kind.
    pub kind: GrowthKind,
    /// The glossary code (names and bases), else empty.
    pub code: String,
    /// The report years the line holds for: first and last, either open.
    pub years: (Option<i32>, Option<i32>),
    /// An example sentence.
    pub example: String,
    /// What the example's first fact gives: `indicator|measure|status`.
    pub gives: String,
}

/// The growth words compiled into the crate.
pub const GROWTH_WORDS_TSV: &str = include_str!("../glossary/growth_words.tsv");

/// Parses `growth_words.tsv`: `#` comments, a header line, then
/// `word<TAB>kind<TAB>code<TAB>years<TAB>example<TAB>gives`. A malformed line is an error
/// naming it.
pub fn parse_growth_words(tsv: &str) -> Result<Vec<GrowthWord>, String> {
    let mut out = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("word\t") {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let [word, kind, code, years, example, gives] = cells[..] else {
            return Err(format!("line {}: expected 6 tab-separated cells", n + 1));
        };
        let years = parse_years(years)
            .ok_or_else(|| format!("line {}: years {years:?} is not -, A.., ..B or A..B", n + 1))?;
        let kind = match kind {
            "name" => GrowthKind::Name,
            "suffix" => GrowthKind::Suffix,
            "target" => GrowthKind::Target,
            "growth_target" => GrowthKind::GrowthTarget,
            "base" => GrowthKind::Base,
            other => return Err(format!("line {}: unknown kind {other:?}", n + 1)),
        };
        let needs_code = matches!(kind, GrowthKind::Name | GrowthKind::Base);
        if word.trim().is_empty() || needs_code == (code == "-" || code.is_empty()) {
            return Err(format!(
                "line {}: a word, and a code exactly for names and bases",
                n + 1
            ));
        }
        out.push(GrowthWord {
            word: word.to_string(),
            kind,
            code: if needs_code {
                code.to_string()
            } else {
                String::new()
            },
            years,
            example: example.to_string(),
            gives: gives.to_string(),
        });
    }
    Ok(out)
}

/// `-` (every year), `A..`, `..B` or `A..B`.
fn parse_years(s: &str) -> Option<(Option<i32>, Option<i32>)> {
    if s == "-" {
        return Some((None, None));
    }
    let (a, b) = s.split_once("..")?;
    let year = |x: &str| -> Option<Option<i32>> {
        if x.is_empty() {
            Some(None)
        } else {
            x.parse().ok().map(Some)
        }
    };
    Some((year(a)?, year(b)?))
}

/// An entry index and the report years it holds for.
type Dated = (usize, (Option<i32>, Option<i32>));

/// The entry of a dated list that holds in `year` (an unknown year is a recent one: a line
/// with a last year does not hold).
fn dated(list: Option<&Vec<Dated>>, year: Option<i32>) -> Option<usize> {
    list?
        .iter()
        .find(|(_, (a, b))| match year {
            Some(y) => a.is_none_or(|a| y >= a) && b.is_none_or(|b| y <= b),
            None => b.is_none(),
        })
        .map(|(i, _)| *i)
}

/// The growth words by kind; words sorted longest first.
#[derive(Debug, Clone, Default)]
struct GrowthWords {
    /// Whole growth names → entry index (exact match only: 数字经济增长 is no GDP growth).
    names: FastMap<String, Vec<Dated>>,
    /// Bases → entry index (exact match only).
    bases: FastMap<String, Vec<Dated>>,
    /// Growth words after a name.
    suffixes: Vec<String>,
    /// Target words, and whether each says growth.
    targets: Vec<(String, bool)>,
}

/// The CSV compiled into the crate.
pub const INDICATORS_CSV: &str = include_str!("../glossary/indicators.csv");

impl Glossary {
    /// The glossary compiled into the crate (parsed once).
    pub fn builtin() -> &'static Glossary {
        static G: OnceLock<Glossary> = OnceLock::new();
        G.get_or_init(|| Glossary::parse(INDICATORS_CSV))
    }

    /// Parses glossary CSV (RFC 4180 quoting; a header line first). Rows with fewer than three
    /// fields or an empty code are skipped.
    pub fn parse(csv: &str) -> Glossary {
        let mut entries = Vec::new();
        for (i, row) in parse_csv(csv).into_iter().enumerate() {
            if i == 0 && row.first().is_some_and(|c| c.trim() == "code") {
                continue;
            }
            let get = |k: usize| row.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
            let code = get(0);
            if code.is_empty() || row.len() < 3 {
                continue;
            }
            let name_zh = get(1);
            let mut variants: Vec<String> = get(2)
                .split('|')
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect();
            if !name_zh.is_empty() && !variants.contains(&name_zh) {
                variants.insert(0, name_zh.clone());
            }
            entries.push(Entry {
                code,
                name_zh,
                variants,
                name_en: get(3),
                unit: get(4),
                measure: get(5),
                description_en: get(6),
                description_zh: get(7),
            });
        }
        let mut names: Vec<(String, usize)> = entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.variants.iter().map(move |v| (v.clone(), i)))
            .collect();
        names.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then_with(|| a.0.cmp(&b.0))
        });
        let mut exact = FastMap::with_capacity_and_hasher(names.len(), Default::default());
        let mut exact_chars = FastMap::with_capacity_and_hasher(names.len(), Default::default());
        for (n, i) in &names {
            exact.entry(n.clone()).or_insert(*i);
            exact_chars.entry(n.chars().collect()).or_insert(*i);
        }
        let mut growth = GrowthWords::default();
        let index = |code: &str| entries.iter().position(|e| e.code == code);
        // the shipped file is checked by a test; a line naming no code is left out
        for w in parse_growth_words(GROWTH_WORDS_TSV).unwrap_or_default() {
            match w.kind {
                GrowthKind::Name => {
                    if let Some(i) = index(&w.code) {
                        // a growth name is no longer a level name (经济增长 of the alias row
                        // economic_growth is gdp's growth)
                        exact.remove(&w.word);
                        exact_chars.insert(w.word.chars().collect(), i);
                        growth.names.entry(w.word).or_default().push((i, w.years));
                    }
                }
                GrowthKind::Base => {
                    if let Some(i) = index(&w.code) {
                        growth.bases.entry(w.word).or_default().push((i, w.years));
                    }
                }
                GrowthKind::Suffix => growth.suffixes.push(w.word),
                GrowthKind::Target => growth.targets.push((w.word, false)),
                GrowthKind::GrowthTarget => growth.targets.push((w.word, true)),
            }
        }
        growth
            .suffixes
            .sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        growth
            .targets
            .sort_by_key(|w| std::cmp::Reverse(w.0.chars().count()));
        Glossary {
            entries,
            exact,
            exact_chars,
            growth,
        }
    }

    /// Whether `text` holds a growth word (增长, 增速, 涨幅, 预期增长目标…: the `suffix` and
    /// `growth_target` words): between a subject and its number (地区生产总值增长目标为6%), it
    /// makes the percentage a growth.
    pub fn has_growth_word(&self, text: &str) -> bool {
        self.growth
            .suffixes
            .iter()
            .any(|w| text.contains(w.as_str()))
            || self
                .growth
                .targets
                .iter()
                .any(|(w, g)| *g && text.contains(w.as_str()))
    }

    /// The indicator a subject names, and whether it names its growth; `change` says the
    /// fact's measure is already a change (a verb of growth stood before the number), `year`
    /// is the report's year (a bare 物价 is the retail price index before 2000).
    ///
    /// In order: a name of the glossary ([`Glossary::lookup`]) or a whole growth name
    /// (经济增长); else, after taking off one target word (预期目标, 预期增长目标) and then one
    /// growth word (增速, 涨幅), a name or growth name, or a base (经济, 物价) as the whole rest;
    /// a base alone counts only with a growth word, a growth target word or `change`.
    pub fn indicator(&self, subject: &str, change: bool, year: Option<i32>) -> Option<Coded<'_>> {
        let s = trim_quotes(subject);
        if s.is_empty() {
            return None;
        }
        let coded =
            |i: usize, growth: bool| self.entries.get(i).map(|entry| Coded { entry, growth });
        let named = |s: &str| -> Option<(usize, bool)> {
            if let Some(i) = dated(self.growth.names.get(s), year) {
                return Some((i, true));
            }
            self.lookup_index(s).map(|i| (i, false))
        };
        if let Some((i, g)) = named(s) {
            return coded(i, g);
        }
        // one target word off the end
        let mut rest = s;
        let mut growth = false;
        if let Some((w, g)) = self
            .growth
            .targets
            .iter()
            .find(|(w, _)| s.len() > w.len() && s.ends_with(w.as_str()))
        {
            rest = s[..s.len() - w.len()].trim_end_matches('的');
            growth = *g;
            if let Some((i, g2)) = named(rest) {
                return coded(i, growth || g2);
            }
        }
        // one growth word off the end
        if let Some(w) = self
            .growth
            .suffixes
            .iter()
            .find(|w| rest.len() > w.len() && rest.ends_with(w.as_str()))
        {
            let r = &rest[..rest.len() - w.len()];
            if let Some((i, _)) = named(r) {
                return coded(i, true);
            }
            if let Some(i) = dated(self.growth.bases.get(r), year) {
                return coded(i, true);
            }
        }
        if growth || change {
            if let Some(i) = dated(self.growth.bases.get(rest), year) {
                return coded(i, true);
            }
        }
        None
    }

    /// The entry a subject names: an exact name first, else the longest name the subject ends
    /// with.
    pub fn lookup(&self, subject: &str) -> Option<&Entry> {
        self.lookup_index(trim_quotes(subject))
            .and_then(|i| self.entries.get(i))
    }

    /// The index of [`Glossary::lookup`] on a trimmed subject.
    fn lookup_index(&self, s: &str) -> Option<usize> {
        if s.is_empty() {
            return None;
        }
        if let Some(i) = self.exact.get(s) {
            return Some(*i);
        }
        // the longest name the subject ends with: its suffixes, longest first
        s.char_indices()
            .find_map(|(b, _)| s.get(b..).and_then(|suf| self.exact.get(suf)))
            .copied()
    }

    /// Whether the chars `name` are exactly one of the glossary's names or growth names (no
    /// allocation).
    pub fn is_name_chars(&self, name: &[char]) -> bool {
        self.exact_chars.contains_key(name)
    }

    /// The code of [`Glossary::lookup`].
    pub fn code_for(&self, subject: &str) -> Option<&str> {
        self.lookup(subject).map(|e| e.code.as_str())
    }

    /// Whether `name` is exactly one of the glossary's names.
    pub fn is_name(&self, name: &str) -> bool {
        self.exact.contains_key(name)
    }
}

/// A subject without surrounding whitespace and quotation marks.
fn trim_quotes(subject: &str) -> &str {
    subject.trim().trim_matches(|c: char| {
        matches!(c, '“' | '”' | '"' | '「' | '」' | '‘' | '’' | '《' | '》')
    })
}

/// Splits RFC 4180 CSV into rows of fields.
fn parse_csv(csv: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                if !(row.len() == 1 && row[0].is_empty()) {
                    rows.push(std::mem::take(&mut row));
                } else {
                    row.clear();
                }
                any = false;
            }
            _ => field.push(c),
        }
    }
    if any {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "code,name_zh,variants,name_en,unit,measure,description_en,description_zh\n\
fiscal_revenue,一般公共预算收入,一般公共预算收入|区级财政收入|财政收入,Fiscal revenue,CNY,level,\"Revenue, kept\",收入\n\
total_fiscal_revenue,财政总收入,财政总收入|全口径财政收入,Total,CNY,level,\"Say \"\"all\"\"\",全部\n";

    #[test]
    fn parses_and_matches_longest() {
        let g = Glossary::parse(CSV);
        assert_eq!(g.entries.len(), 2);
        assert_eq!(g.entries[0].description_en, "Revenue, kept");
        assert_eq!(g.entries[1].description_en, "Say \"all\"");
        assert_eq!(g.code_for("区级财政收入"), Some("fiscal_revenue"));
        assert_eq!(g.code_for("“财政收入”"), Some("fiscal_revenue"));
        assert_eq!(g.code_for("全镇财政总收入"), Some("total_fiscal_revenue"));
        assert_eq!(g.code_for("全年完成区级财政收入"), Some("fiscal_revenue"));
        assert_eq!(g.code_for("财政收入增长"), None);
        assert_eq!(g.code_for(""), None);
    }

    #[test]
    fn builtin_glossary_loads() {
        let g = Glossary::builtin();
        assert!(g.entries.len() >= 50);
        assert_eq!(g.code_for("区级财政收入"), Some("fiscal_revenue"));
        assert_eq!(
            g.code_for("全社会固定资产投资"),
            Some("fixed_asset_investment")
        );
        for e in &g.entries {
            assert!(!e.code.is_empty() && !e.variants.is_empty(), "{e:?}");
        }
    }
}
