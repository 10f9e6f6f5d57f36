//! What kind of document a text is: a government work report or an NBS statistical communiqué
//! ([`DocumentKind`]).
//!
//! The kind given in the metadata (`report.toml`'s `document_kind`, a collection manifest's
//! column) wins. Otherwise the title decides: the metadata's title and the head of the text
//! (the short lines before its first sentence, where a communiqué prints its title,
//! 中华人民共和国2023年国民经济和社会发展统计公报) are searched for the words of
//! `lexicon/document_kinds.tsv` (统计公报, 执行结果的公报); a text naming none is a work report.
//! A work report that cites 统计公报 in its body is not mistaken: only the head is read.

use gwr_model::{DocumentKind, ReportMeta};

/// The word list, compiled in.
pub const DOCUMENT_KINDS_TSV: &str = include_str!("../lexicon/document_kinds.tsv");

/// The longest head of a text searched for a title, in chars.
const MAX_HEAD: usize = 400;
/// The longest line taken as a title, in chars.
const MAX_TITLE: usize = 80;

/// One line of `document_kinds.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindWord {
    /// The word a title contains.
    pub word: String,
    /// The kind it gives.
    pub kind: DocumentKind,
    /// An example title.
    pub example: String,
    /// The kind the example must give.
    pub gives: DocumentKind,
}

/// A kind as the tables write it (`statistical_communique`).
pub fn parse_kind(s: &str) -> Option<DocumentKind> {
    match s {
        "work_report" => Some(DocumentKind::WorkReport),
        "statistical_communique" => Some(DocumentKind::StatisticalCommunique),
        _ => None,
    }
}

/// Parses the word list; an error names the line.
pub fn parse(tsv: &str) -> Result<Vec<KindWord>, String> {
    let mut out = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("word\t") || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = || format!("document_kinds.tsv line {}: {line}", i + 1);
        let [word, kind, example, gives] = cols[..] else {
            return Err(bad());
        };
        if word.is_empty() {
            return Err(bad());
        }
        out.push(KindWord {
            word: word.to_string(),
            kind: parse_kind(kind).ok_or_else(bad)?,
            example: example.to_string(),
            gives: parse_kind(gives).ok_or_else(bad)?,
        });
    }
    Ok(out)
}

fn words() -> &'static [KindWord] {
    static WORDS: std::sync::OnceLock<Vec<KindWord>> = std::sync::OnceLock::new();
    // the file is compiled in and its test parses it: a broken line cannot ship
    WORDS.get_or_init(|| parse(DOCUMENT_KINDS_TSV).unwrap_or_default())
}

/// The kind a title names, if any.
pub fn of_title(title: &str) -> Option<DocumentKind> {
    let title: String = title.chars().map(crate::normal::norm_char).collect();
    words()
        .iter()
        .find(|w| title.contains(w.word.as_str()))
        .map(|w| w.kind)
}

/// The head of a text: what comes before its first sentence end (。), at most [`MAX_HEAD`]
/// chars. `text` is the text as extraction reads it (a Markdown front matter blanked).
pub fn head(text: &str) -> &str {
    let mut end = text.len();
    for (n, (i, c)) in text.char_indices().enumerate() {
        if c == '。' || n >= MAX_HEAD {
            end = i;
            break;
        }
    }
    &text[..end]
}

/// The lines of the head of a text that can be titles: short, no clause punctuation
/// (，：；), so a first sentence that cites a communiqué (各位代表：据统计公报…) is not one.
fn title_lines(text: &str) -> impl Iterator<Item = &str> {
    head(text.trim_start()).lines().map(str::trim).filter(|l| {
        !l.is_empty()
            && l.chars().count() <= MAX_TITLE
            && !l.contains(['，', '：', '；', ',', ':', ';'])
    })
}

/// The title line of a text whose head names a kind (the line holding the word, its markup
/// and footnote marks left out): `**2010年国民经济和社会发展统计公报[1]**` →
/// `2010年国民经济和社会发展统计公报`. `None` when the head names no kind.
pub fn title_line(text: &str) -> Option<String> {
    let line = title_lines(text).find(|l| of_title(l).is_some())?;
    let mut out = String::new();
    let mut in_mark = false;
    for c in line.chars() {
        match c {
            '[' => in_mark = true,
            ']' if in_mark => in_mark = false,
            '*' | '#' => {}
            _ if !in_mark => out.push(c),
            _ => {}
        }
    }
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}

/// The kind of a report: the metadata's when given, else what its title or the head of its
/// text names, else a work report.
pub fn document_kind(meta: &ReportMeta, text: &str) -> DocumentKind {
    meta.document_kind
        .or_else(|| of_title(&meta.title))
        .or_else(|| title_lines(text).find_map(of_title))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_metadata_wins_then_the_title_then_the_head() {
        let mut meta = ReportMeta::default();
        let communique = "**中华人民共和国2023年国民经济和社会发展统计公报**\n\n初步核算，全年国内生产总值1260582亿元。";
        assert_eq!(
            document_kind(&meta, communique),
            DocumentKind::StatisticalCommunique
        );
        // a work report citing a communiqué in its body stays a work report
        let report = "政府工作报告\n\n各位代表：据统计公报。据统计公报，全年增长5%。";
        assert_eq!(document_kind(&meta, report), DocumentKind::WorkReport);
        meta.title = "2023年国民经济和社会发展统计公报".into();
        assert_eq!(
            document_kind(&meta, "各位代表"),
            DocumentKind::StatisticalCommunique
        );
        meta.document_kind = Some(DocumentKind::WorkReport);
        assert_eq!(document_kind(&meta, communique), DocumentKind::WorkReport);
    }

    #[test]
    fn the_title_line_without_its_markup() {
        assert_eq!(
            title_line(
                "**中华人民共和国**\n\n**2010年国民经济和社会发展统计公报[1]**\n\n2010年，发展。"
            )
            .as_deref(),
            Some("2010年国民经济和社会发展统计公报")
        );
        assert_eq!(title_line("政府工作报告\n各位代表：统计公报。"), None);
    }

    #[test]
    fn the_head_stops_at_the_first_sentence() {
        assert_eq!(head("标题\n正文。后文"), "标题\n正文");
        assert_eq!(head("没有句号").chars().count(), 4);
        assert_eq!(head(&"字".repeat(1000)).chars().count(), MAX_HEAD);
    }
}
