//! Markdown sources: the YAML front matter and the markup, read as layout.
//!
//! A Markdown report (a `.md` file, or any text that opens with a `---` line) keeps its whole
//! text: offsets count code points into the file as given, front matter included, and every
//! quote is a slice of it. What changes is what the passes *read*: [`Markdown::analysis`] is a
//! copy of the text with the same number of code points in which the front matter and the
//! markup are blanked out (each character becomes one space, line breaks stay), so headings are
//! found through `**一、…**` and `## …`, and no `**`, `#`, `[1]`, `|` or image ever ends up in
//! a subject, a title or a section title. [`crate::extract`] re-slices every quote from the
//! original text afterwards.
//!
//! What is markup, per line: `#` runs opening a heading; `>` quote marks and `-`/`*`/`+`
//! bullets at the start; runs of two or more `*` or `_` (bold) anywhere; footnote marks
//! (`[1]`, `[^2]`, `[注3]`); images `![alt](address)` whole; the brackets and address of a link
//! `[text](address)` (the text stays); the `|` of table rows and their `|---|:--:|` rules;
//! thematic breaks (`---`, `***`).
//!
//! The front matter is the block between a first line `---` and the next line `---` (or
//! `...`), parsed with a YAML 1.2 parser (`saphyr`). A block that is never closed or is not a
//! YAML mapping is not fatal: the text is still read, nothing is taken from the block, and
//! [`FrontMatter::problem`] says what was wrong (it becomes a quality issue).

use saphyr::{LoadableYamlNode, Yaml};

/// The YAML front matter of a Markdown text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Code-point range of the whole block, both `---` lines included (or, when it is not
    /// closed, the opening line).
    pub span: (usize, usize),
    /// `source:` — the address the text was taken from.
    pub source: Option<String>,
    /// `title:` — the page's title, which often names the place, the date and the speaker.
    pub title: Option<String>,
    /// What was wrong with the block, when something was (unclosed, not YAML, not a mapping).
    pub problem: Option<String>,
}

/// A text read as Markdown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markdown {
    /// The front matter, when the text opens with one.
    pub front_matter: Option<FrontMatter>,
    /// The text with the front matter and the markup blanked out: the same code points at the
    /// same offsets otherwise.
    pub analysis: String,
    /// Where the lines that the markup makes headings start (code points): `## …` lines and
    /// lines bold from end to end (`**2014年工作回顾**`). The structure takes them as the parts
    /// of a report that numbers none of its headings.
    pub heading_lines: Vec<usize>,
}

/// Whether `text` opens with a front matter line `---` (a Markdown text even without a `.md`
/// name).
pub fn has_front_matter(text: &str) -> bool {
    let first = text.split('\n').next().unwrap_or("");
    first.trim_end_matches('\r').trim_end() == "---"
}

impl Markdown {
    /// Reads `text` as Markdown.
    pub fn read(text: &str) -> Markdown {
        let lines = lines(text);
        let mut out: Vec<char> = Vec::with_capacity(text.len());
        let mut front_matter = None;
        let mut first_body_line = 0;
        if has_front_matter(text) {
            let close = lines.iter().skip(1).position(|l| {
                let t = l.content.trim_end();
                t == "---" || t == "..."
            });
            match close {
                Some(k) => {
                    let close = k + 1;
                    let yaml: String = lines[1..close].iter().map(|l| l.full).collect();
                    let end = lines[close].start_char + lines[close].content.chars().count();
                    front_matter = Some(parse_front_matter(&yaml, (0, end)));
                    first_body_line = close + 1;
                }
                None => {
                    let end = lines[0].content.chars().count();
                    front_matter = Some(FrontMatter {
                        span: (0, end),
                        problem: Some(
                            "the front matter opened by the first line `---` is never closed: it is read as text".into(),
                        ),
                        ..Default::default()
                    });
                    // the opening line alone is layout
                    first_body_line = 0;
                }
            }
        }
        let unclosed = front_matter
            .as_ref()
            .is_some_and(|f| f.problem.is_some() && first_body_line == 0);
        let mut heading_lines = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            if i < first_body_line || (unclosed && i == 0) {
                blank(line.full, &mut out);
            } else {
                if is_heading_line(line.content) {
                    heading_lines.push(line.start_char);
                }
                mask_line(line.content, &mut out);
                out.extend(line.full[line.content.len()..].chars());
            }
        }
        Markdown {
            front_matter,
            analysis: out.into_iter().collect(),
            heading_lines,
        }
    }
}

/// Whether the markup makes a line a heading: an ATX heading (`## 一、…`), or text bold from
/// end to end (`**2014年工作回顾**`, one bold run with text inside).
fn is_heading_line(line: &str) -> bool {
    let t = line.trim();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        return t[hashes..].starts_with(' ') && !t[hashes..].trim().is_empty();
    }
    ["**", "__"].iter().any(|m| {
        t.len() > 4
            && t.starts_with(m)
            && t.ends_with(m)
            && !t[2..t.len() - 2].contains(m)
            && !t[2..t.len() - 2].trim().is_empty()
    })
}

/// A line of the text: `full` with its line break, `content` without it.
struct Line<'a> {
    full: &'a str,
    content: &'a str,
    start_char: usize,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start_char = 0;
    for full in text.split_inclusive('\n') {
        let content = full.trim_end_matches(['\n', '\r']);
        out.push(Line {
            full,
            content,
            start_char,
        });
        start_char += full.chars().count();
    }
    out
}

/// Every char of `s` as a space, line breaks kept.
fn blank(s: &str, out: &mut Vec<char>) {
    out.extend(
        s.chars()
            .map(|c| if c == '\n' || c == '\r' { c } else { ' ' }),
    );
}

fn parse_front_matter(yaml: &str, span: (usize, usize)) -> FrontMatter {
    let mut fm = FrontMatter {
        span,
        ..Default::default()
    };
    let docs = match Yaml::load_from_str(yaml) {
        Ok(d) => d,
        Err(e) => {
            fm.problem = Some(format!(
                "the front matter is not valid YAML ({e}): nothing is taken from it"
            ));
            return fm;
        }
    };
    let Some(doc) = docs.first() else {
        return fm; // an empty block
    };
    if !doc.is_mapping() {
        fm.problem = Some(
            "the front matter is not a YAML mapping (key: value lines): nothing is taken from it"
                .into(),
        );
        return fm;
    }
    let scalar = |key: &str| -> Option<String> {
        let v = doc.as_mapping_get(key)?;
        let s = if let Some(s) = v.as_str() {
            s.to_string()
        } else if let Some(i) = v.as_integer() {
            i.to_string()
        } else {
            return None;
        };
        let s = s.trim().to_string();
        (!s.is_empty()).then_some(s)
    };
    fm.source = scalar("source");
    fm.title = scalar("title");
    fm
}

/// Appends `line` (without its break) with its markup blanked out, char for char.
fn mask_line(line: &str, out: &mut Vec<char>) {
    let chars: Vec<char> = line.chars().collect();
    let n = chars.len();
    let mut m: Vec<char> = chars.clone();
    let set = |m: &mut Vec<char>, a: usize, b: usize| {
        for c in m.iter_mut().take(b.min(n)).skip(a) {
            *c = ' ';
        }
    };
    let lead = chars
        .iter()
        .take_while(|c| **c == ' ' || **c == '\t')
        .count();
    let trimmed: String = chars[lead..].iter().collect();
    let t = trimmed.trim_end();
    // thematic breaks and table rules: the whole line
    let only =
        |set_of: &[char]| !t.is_empty() && t.chars().all(|c| set_of.contains(&c) || c == ' ');
    if (t.chars().filter(|c| !c.is_whitespace()).count() >= 3
        && (only(&['-']) || only(&['*']) || only(&['_'])))
        || (t.starts_with('|') && only(&['|', '-', ':']))
    {
        set(&mut m, 0, n);
        out.extend(m);
        return;
    }
    // line openers: # heading, > quote, bullets
    let mut i = lead;
    loop {
        let hashes = chars[i..].iter().take_while(|c| **c == '#').count();
        if (1..=6).contains(&hashes) && matches!(chars.get(i + hashes), Some(' ') | None) {
            set(&mut m, i, i + hashes);
            i += hashes;
        } else if chars.get(i) == Some(&'>')
            || (matches!(chars.get(i), Some('-' | '*' | '+')) && chars.get(i + 1) == Some(&' '))
        {
            set(&mut m, i, i + 1);
            i += 1;
        } else {
            break;
        }
        i += chars[i..].iter().take_while(|c| **c == ' ').count();
    }
    let table = t.starts_with('|');
    let mut k = i;
    while k < n {
        let c = chars[k];
        // runs of ** or __ (bold), anywhere
        if c == '*' || c == '_' {
            let run = chars[k..].iter().take_while(|x| **x == c).count();
            if run >= 2 {
                set(&mut m, k, k + run);
            }
            k += run;
            continue;
        }
        if c == '|' && table {
            set(&mut m, k, k + 1);
            k += 1;
            continue;
        }
        // images ![alt](address), whole
        if c == '!' && chars.get(k + 1) == Some(&'[') {
            if let Some((_, end)) = link_at(&chars, k + 1) {
                set(&mut m, k, end);
                k = end;
                continue;
            }
        }
        if c == '[' {
            // footnote marks [1], [^2], [注3]
            let mut j = k + 1;
            if matches!(chars.get(j), Some('^' | '注' | '註')) {
                j += 1;
            }
            let digits = chars[j.min(n)..]
                .iter()
                .take_while(|x| x.is_ascii_digit())
                .count();
            if digits > 0 && digits <= 3 && chars.get(j + digits) == Some(&']') {
                set(&mut m, k, j + digits + 1);
                k = j + digits + 1;
                continue;
            }
            // links [text](address): the text stays
            if let Some((close, end)) = link_at(&chars, k) {
                set(&mut m, k, k + 1);
                set(&mut m, close, end);
                k = end;
                continue;
            }
        }
        k += 1;
    }
    out.extend(m);
}

/// A link `[text](address)` opening at `open`: the offsets of its `]` and just after its `)`.
fn link_at(chars: &[char], open: usize) -> Option<(usize, usize)> {
    let close = open
        + 1
        + chars
            .get(open + 1..)?
            .iter()
            .take(200)
            .position(|c| *c == ']')?;
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let rest = chars.get(close + 2..)?;
    let paren = rest.iter().take(500).position(|c| *c == ')')?;
    if rest[..paren].iter().any(|c| c.is_whitespace() && *c != ' ') {
        return None;
    }
    Some((close, close + 2 + paren + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(s: &str) -> String {
        let md = Markdown::read(s);
        assert_eq!(md.analysis.chars().count(), s.chars().count(), "{s:?}");
        md.analysis
    }

    #[test]
    fn heading_lines_are_found() {
        let text = "**2014年工作回顾**\n正文，**强调**在中间。\n## 二、任务\n**a**b**\n****\n";
        let md = Markdown::read(text);
        assert_eq!(md.heading_lines, vec![0, 28]);
    }

    #[test]
    fn front_matter_is_read_and_blanked() {
        let text = "---\nsource: https://example.invalid/a.htm\ntitle: 中卫市政府工作报告（2021年12月29日 马洪海）\n---\n\n**各位代表：**\n";
        let md = Markdown::read(text);
        let fm = md.front_matter.clone().expect("front matter");
        assert_eq!(fm.source.as_deref(), Some("https://example.invalid/a.htm"));
        assert_eq!(
            fm.title.as_deref(),
            Some("中卫市政府工作报告（2021年12月29日 马洪海）")
        );
        assert_eq!(fm.problem, None);
        let head: String = text.chars().take(fm.span.1).collect();
        assert!(head.ends_with("---") && head.starts_with("---\n"), "{head}");
        assert!(!md.analysis.contains("title") && !md.analysis.contains('*'));
        assert!(md.analysis.contains("  各位代表：  \n"));
    }

    #[test]
    fn broken_front_matter_is_a_problem_not_a_failure() {
        let unclosed = Markdown::read("---\ntitle: x\n\n各位代表：\n");
        let fm = unclosed.front_matter.expect("seen");
        assert!(fm.problem.expect("problem").contains("never closed"));
        assert!(unclosed.analysis.contains("各位代表"));
        let invalid = Markdown::read("---\ntitle: [unclosed\n---\n各位代表：\n");
        assert!(invalid
            .front_matter
            .expect("seen")
            .problem
            .expect("problem")
            .contains("YAML"));
        let list = Markdown::read("---\n- a\n- b\n---\n各位代表：\n");
        assert!(list
            .front_matter
            .expect("seen")
            .problem
            .expect("problem")
            .contains("mapping"));
    }

    #[test]
    fn markup_is_blanked_char_for_char() {
        assert_eq!(masked("## 一、2023年工作回顾"), "   一、2023年工作回顾");
        assert_eq!(masked("**二、2024年主要任务**"), "  二、2024年主要任务  ");
        assert_eq!(masked("增长6%[1]。"), "增长6%   。");
        // `[` and `](http://a.b/c)` (15 chars) blanked
        assert_eq!(
            masked("见[附件](http://a.b/c)。"),
            format!("见 附件{}。", " ".repeat(15))
        );
        assert_eq!(masked("![图](a.png)文"), format!("{}文", " ".repeat(11)));
        assert_eq!(
            masked("| 指标 | 数值 |\n|---|---|\n"),
            "  指标   数值  \n         \n"
        );
        assert_eq!(masked("> - 要点"), "    要点");
        assert_eq!(masked("---"), "   ");
        // no markup: unchanged, CRLF kept
        assert_eq!(masked("各位代表：\r\n2×3=6\r\n"), "各位代表：\r\n2×3=6\r\n");
    }
}
