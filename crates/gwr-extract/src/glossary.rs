//! The indicator glossary: canonical codes for the quantities reports state.
//!
//! The glossary is `glossary/indicators.csv` in this crate (columns
//! `code,name_zh,variants,name_en,unit,measure,description_en,description_zh`; `variants` is a
//! `|`-separated list of Chinese names), compiled in with `include_str!`. A subject matches an
//! indicator when, after trimming whitespace and quotation marks, it equals one of its names,
//! or else when it ends with one of them; the longest such name wins, so 财政总收入 is not
//! taken for 财政收入.

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
    /// The same, keyed by chars (lookups on char slices without allocating).
    exact_chars: FastMap<Vec<char>, usize>,
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
        Glossary {
            entries,
            exact,
            exact_chars,
        }
    }

    /// The entry a subject names: an exact name first, else the longest name the subject ends
    /// with.
    pub fn lookup(&self, subject: &str) -> Option<&Entry> {
        let s = subject.trim().trim_matches(|c: char| {
            matches!(c, '“' | '”' | '"' | '「' | '」' | '‘' | '’' | '《' | '》')
        });
        if s.is_empty() {
            return None;
        }
        if let Some(i) = self.exact.get(s) {
            return self.entries.get(*i);
        }
        // the longest name the subject ends with: its suffixes, longest first
        s.char_indices()
            .find_map(|(b, _)| s.get(b..).and_then(|suf| self.exact.get(suf)))
            .and_then(|i| self.entries.get(*i))
    }

    /// Whether the chars `name` are exactly one of the glossary's names (no allocation).
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
