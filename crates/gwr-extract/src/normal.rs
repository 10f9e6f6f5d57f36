//! The one normaliser: traditional → simplified characters (OpenCC's character table) and
//! full-width → ASCII, one char for one char, so a position in the normalised copy is the
//! same position in the text. Every pass that matches words reads a copy made by
//! [`norm_char`] (or [`normalise`]).
//!
//! Data: `trad/TSCharacters.txt` (OpenCC, copied unchanged) and `trad/extra.tsv`, the few
//! pairs OpenCC lacks, each with a note; see `trad/README.md`.

use std::sync::OnceLock;

/// Maps a character to the form the word lists use: full-width ASCII to ASCII, a traditional
/// character to its first simplified form; anything else to itself.
pub fn norm_char(c: char) -> char {
    let u = c as u32;
    if (0xFF01..=0xFF5E).contains(&u) {
        return char::from_u32(u - 0xFEE0).unwrap_or(c);
    }
    simplified(c)
}

/// A traditional character's first simplified form; anything else (full-width forms
/// included) to itself.
pub fn simplified(c: char) -> char {
    let u = c as u32;
    if u < 0x4E00 {
        return c;
    }
    trad_table()
        .get((u - 0x4E00) as usize)
        .copied()
        .filter(|&m| m != '\0')
        .unwrap_or(c)
}

/// `text`'s chars, each through [`norm_char`].
pub fn normalise(text: &str) -> Vec<char> {
    text.chars().map(norm_char).collect()
}

/// OpenCC's traditional → simplified character table (trad/TSCharacters.txt).
const OPENCC_TS: &str = include_str!("../trad/TSCharacters.txt");

/// Pairs OpenCC's character table lacks (trad/extra.tsv: traditional, simplified, note).
const EXTRA: &str = include_str!("../trad/extra.tsv");

/// The pairs of a table of tab-separated lines `traditional<TAB>simplified[ more]…`: the first
/// char of the first simplified form; lines starting with `#` and phrases are skipped.
fn pairs(table: &str) -> impl Iterator<Item = (char, char)> + '_ {
    table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (t, rest) = l.split_once('\t')?;
            let mut tc = t.chars();
            let a = tc.next().filter(|_| tc.next().is_none())?;
            let s = rest.split('\t').next()?;
            let b = s.split(' ').next()?.chars().next()?;
            Some((a, b))
        })
}

/// The table indexed by `c - U+4E00` ('\0' where there is no mapping): OpenCC's pairs, then
/// the extra ones over them.
fn trad_table() -> &'static [char] {
    static T: OnceLock<Vec<char>> = OnceLock::new();
    T.get_or_init(|| {
        let mut v = vec!['\0'; 0xA000 - 0x4E00];
        for (a, b) in pairs(OPENCC_TS).chain(pairs(EXTRA)) {
            if let Some(slot) = (a as usize).checked_sub(0x4E00).and_then(|i| v.get_mut(i)) {
                if a != b {
                    *slot = b;
                }
            }
        }
        v
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_and_full_width() {
        assert_eq!(norm_char('長'), '长');
        assert_eq!(norm_char('１'), '1');
        assert_eq!(norm_char('，'), ',');
        assert_eq!(norm_char('中'), '中');
        assert_eq!(norm_char('舖'), '铺');
        assert_eq!(norm_char('著'), '着');
        assert_eq!(
            normalise("國內生產總值"),
            "国内生产总值".chars().collect::<Vec<_>>()
        );
    }
}
