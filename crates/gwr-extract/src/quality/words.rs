//! The detectors' word lists, read from `lexicon/quality-words.tsv` (compiled in): one word a
//! line with the list it belongs to, an example sentence and the quality codes the example
//! gives (`tests/quality_words.rs` runs every example). Within a list the words keep the
//! order of the file: a detector tries them in that order.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The lexicon file.
pub(crate) const SOURCE: &str = include_str!("../../lexicon/quality-words.tsv");

/// Every list of the file, by name.
fn lists() -> &'static BTreeMap<&'static str, Vec<&'static str>> {
    static LISTS: OnceLock<BTreeMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut m: BTreeMap<&'static str, Vec<&'static str>> = BTreeMap::new();
        for line in SOURCE.lines() {
            if line.starts_with('#') || line.trim().is_empty() || line.starts_with("list\t") {
                continue;
            }
            let mut cells = line.split('\t');
            if let (Some(list), Some(word)) = (cells.next(), cells.next()) {
                if !word.is_empty() {
                    m.entry(list).or_default().push(word);
                }
            }
        }
        m
    })
}

/// The words of list `name` (empty for a list the file does not have; a test checks that
/// every list the detectors use is there).
pub(crate) fn list(name: &str) -> &'static [&'static str] {
    lists().get(name).map_or(&[], Vec::as_slice)
}

/// The names of the lists the detectors use.
#[cfg(test)]
const USED: &[&str] = &[
    "measure_word_traps",
    "land_words",
    "large_building_words",
    "per_unit_words",
    "big_money_words",
    "bounded_rates",
    "clause_openers",
    "needs_scope",
    "count_frames",
    "measure_words_as_nouns",
];

#[cfg(test)]
mod tests {
    #[test]
    fn every_used_list_is_in_the_file() {
        for name in super::USED {
            assert!(
                !super::list(name).is_empty(),
                "no list {name} in quality-words.tsv"
            );
        }
    }
}
