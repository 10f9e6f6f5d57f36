//! Sections and paragraphs: where the body of a report starts and ends, its parts (一、…),
//! their sections ((一)…, or headings whose number the scrape lost) and its paragraphs.
//!
//! The text is handled as a vector of code points, so every offset here is already a
//! code-point offset and every quote is an exact slice. Nothing in this module indexes past
//! the end of that vector: all slicing goes through [`slice`], which clamps.

use gwr_model::{Diagnostic, Paragraph, ParagraphKind, Section, SectionKind};

/// The structure of a report body.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    /// Code-point offset where the body starts.
    pub body_start: usize,
    /// Code-point offset where the body ends (exclusive).
    pub body_end: usize,
    /// Parts and sections in text order.
    pub sections: Vec<Section>,
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// The salutation that opens (and often closes) a report.
const SALUTATION: &str = "各位代表";
/// Longest part title (一、…) taken as a heading; the 1980s national reports have 45.
const MAX_PART_TITLE: usize = 50;
/// Longest section title ((一)…) taken as a heading.
const MAX_SECTION_TITLE: usize = 70;
/// Longest stand-alone line taken as a heading whose number was lost.
const MAX_UNMARKED_TITLE: usize = 40;
/// Longest lead phrase (发展态势稳中有进。).
const MAX_LEAD: usize = 20;
/// Longest line of trailing page furniture (文件预览, 当前页二维码, Public domain).
const MAX_FURNITURE_LINE: usize = 13;

/// Whitespace for trimming and blank lines: Unicode white space (incl. U+3000 and U+00A0)
/// and the zero-width characters web pages scatter through the text.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Ends a sentence; a line containing one is prose, not a heading.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// Finds the body, its parts, sections and paragraphs.
pub fn segment(text: &str, report_id: &str) -> Structure {
    segment_chars(text, &crate::text::chars(text), report_id)
}

/// [`segment`] on the text's chars, when the caller has them already.
pub(crate) fn segment_chars(text: &str, chars: &[char], report_id: &str) -> Structure {
    segment_marked(text, chars, report_id, &[], false)
}

/// [`segment_chars`] with the lines a Markdown source marks as headings (`heading_lines`:
/// where they start, see [`crate::markdown::Markdown::heading_lines`]). When the text numbers
/// no part (一、), those of them inside the body that read as titles are its parts.
///
/// A `statistical` text (a statistical communiqué) has no salutation: its body starts at its
/// first sentence, the line after its title, issuer and date lines (the first line holding a
/// 。), so the opening summary with the year's headline figures is body text.
pub(crate) fn segment_marked(
    text: &str,
    chars: &[char],
    report_id: &str,
    heading_lines: &[usize],
    statistical: bool,
) -> Structure {
    let lines = split_lines(chars);
    let mut diagnostics = Vec::new();

    let salutation = if statistical {
        lines.iter().position(|l| l.content(chars).contains(&'。'))
    } else {
        lines.iter().position(|l| l.starts_with(chars, SALUTATION))
    };
    let first_line = salutation.unwrap_or(0);
    let (parts, bracketed_parts) = find_parts(chars, &lines, first_line, &mut diagnostics);
    let body_start = match (salutation, parts.first()) {
        (Some(i), _) => lines.get(i).map_or(0, |l| l.ts),
        (None, Some(p)) => p.start,
        (None, None) => lines.iter().find(|l| !l.is_blank()).map_or(0, |l| l.ts),
    };
    if salutation.is_none() {
        diagnostics.push(diag(
            "no_body_start",
            "no salutation 各位代表; the body starts at the first part heading or the first text",
            body_start,
            body_start,
        ));
    }
    let body_end = find_body_end(chars, &lines, body_start);
    let mut parts: Vec<Heading> = parts.into_iter().filter(|p| p.start < body_end).collect();
    let mut bracketed_parts = bracketed_parts;
    if parts.is_empty() {
        parts = marked_parts(chars, &lines, heading_lines, body_start, body_end);
        if let Some(first) = parts.first() {
            bracketed_parts = true;
            diagnostics.push(diag(
                "parts_from_markup",
                "no numbered part headings; the lines the Markdown makes headings (bold, ##) are taken as the parts",
                first.start,
                first.end,
            ));
        }
    }
    if parts.is_empty() {
        diagnostics.push(diag(
            "no_parts",
            "no part heading (一、…) found",
            body_start,
            body_start,
        ));
    }

    let all_blocks = blocks(&lines);
    let mut headings = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let part_end = parts.get(i + 1).map_or(body_end, |p| p.start);
        headings.push(part.clone());
        if bracketed_parts {
            continue;
        }
        headings.extend(find_sections(
            chars,
            &lines,
            &all_blocks,
            part,
            part_end,
            &mut diagnostics,
        ));
    }

    let spans = paragraph_spans(chars, &lines, &headings, body_start, body_end);
    let first_part = headings.first().map(|h| h.start);
    let kinds: Vec<ParagraphKind> = spans
        .iter()
        .map(|&(s, _)| paragraph_kind(chars, s, &headings, first_part, body_start))
        .collect();
    let closings: Vec<usize> = spans
        .iter()
        .zip(&kinds)
        .filter(|(_, k)| **k == ParagraphKind::Closing)
        .map(|(span, _)| span.0)
        .collect();
    let sections = section_rows(chars, report_id, &headings, &closings, body_end);
    let paragraphs = paragraph_rows(text, chars, report_id, &spans, &kinds, &sections);

    Structure {
        body_start,
        body_end,
        sections,
        paragraphs,
        diagnostics,
    }
}

// ---------------------------------------------------------------------------------------
// Lines

/// One line of the text, without its terminator (\n, \r\n or a lone \r).
#[derive(Debug, Clone, Copy)]
struct Line {
    /// Start of the line.
    start: usize,
    /// Start of its first non-space character (== `te` for a blank line).
    ts: usize,
    /// End of its last non-space character.
    te: usize,
    /// Whether the line is white space only, so it separates paragraphs. A line holding only
    /// a zero-width space does not: scrapes put those inside paragraphs, at hyperlinks.
    separates: bool,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.ts >= self.te
    }

    fn len(&self) -> usize {
        self.te.saturating_sub(self.ts)
    }

    fn content<'a>(&self, chars: &'a [char]) -> &'a [char] {
        slice(chars, self.ts, self.te)
    }

    fn starts_with(&self, chars: &[char], prefix: &str) -> bool {
        starts_with(self.content(chars), prefix)
    }
}

fn split_lines(chars: &[char]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i <= chars.len() {
        let c = chars.get(i).copied();
        if matches!(c, None | Some('\n') | Some('\r')) {
            lines.push(trimmed_line(chars, start, i));
            // \r\n is one terminator.
            if c == Some('\r') && chars.get(i + 1) == Some(&'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    lines
}

fn trimmed_line(chars: &[char], start: usize, end: usize) -> Line {
    let (ts, te) = trim(chars, start, end);
    let separates = slice(chars, start, end).iter().all(|c| c.is_whitespace());
    Line {
        start,
        ts,
        te,
        separates,
    }
}

/// The span [start, end) without surrounding space; empty spans collapse to (end, end).
fn trim(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let mut s = start;
    let mut e = end.min(chars.len());
    while s < e && chars.get(s).is_some_and(|&c| is_space(c)) {
        s += 1;
    }
    while e > s && chars.get(e - 1).is_some_and(|&c| is_space(c)) {
        e -= 1;
    }
    if s == e {
        (e, e)
    } else {
        (s, e)
    }
}

/// Maximal runs of lines between white-space-only lines, as ranges of line indices.
fn blocks(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        match (line.separates, open) {
            (false, None) => open = Some(i),
            (true, Some(s)) => {
                out.push(s..i);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(s..lines.len());
    }
    out
}

// ---------------------------------------------------------------------------------------
// Body end

/// The end of the last real paragraph: web pages append navigation, license notes and link
/// lists after the report, and those must not become paragraphs.
fn find_body_end(chars: &[char], lines: &[Line], body_start: usize) -> usize {
    let blocks: Vec<_> = blocks(lines)
        .into_iter()
        .filter(|b| {
            lines
                .get(b.end.saturating_sub(1))
                .is_some_and(|l| l.te > body_start)
        })
        .collect();
    // The first block holds the body start and is never furniture, whatever it looks like.
    let last_real = blocks.iter().enumerate().rposition(|(i, b)| {
        i == 0 || !is_furniture_block(chars, lines.get(b.clone()).unwrap_or(&[]))
    });
    let end = match last_real {
        Some(i) => blocks
            .get(i)
            .and_then(|b| lines.get(b.end.saturating_sub(1)))
            .map(|l| l.te),
        None => None,
    };
    end.unwrap_or(body_start).max(body_start)
}

fn is_furniture_block(chars: &[char], block: &[Line]) -> bool {
    let lines: Vec<&Line> = block.iter().filter(|l| !l.is_blank()).collect();
    lines.iter().all(|l| is_furniture_line(l.content(chars))) || is_fragmented(chars, &lines)
}

/// Bullets (• 所属类目, • 文件预览) and short captions without sentence punctuation.
fn is_furniture_line(line: &[char]) -> bool {
    let Some(&first) = line.first() else {
        return true;
    };
    if matches!(first, '•' | '·' | '●' | '▪' | '■' | '◆' | '※') {
        return true;
    }
    // A caption may end in a colon (字库未存字注释：) when nothing but furniture follows it.
    let body = match line.last() {
        Some('：') | Some(':') => slice(line, 0, line.len() - 1),
        _ => line,
    };
    line.len() <= MAX_FURNITURE_LINE
        && !body
            .iter()
            .any(|&c| is_sentence_end(c) || matches!(c, '，' | ',' | '：' | ':'))
        && part_marker(line).is_none()
        && section_marker(line).is_none()
}

/// Text broken at every hyperlink (a license note: "本作品是…的\n法律\n、\n法规\n，…"): lines of
/// one to three characters or lines that start with a mark that cannot start a sentence.
/// Only used on trailing blocks; the body of a report can look like this too.
fn is_fragmented(chars: &[char], lines: &[&Line]) -> bool {
    lines.len() >= 2
        && lines.iter().any(|l| {
            let c = l.content(chars);
            c.len() <= 3
                || c.first()
                    .is_some_and(|&f| matches!(f, '、' | '，' | '。' | '》' | '」' | '）'))
        })
}

// ---------------------------------------------------------------------------------------
// Headings

/// A recognised heading.
#[derive(Debug, Clone)]
struct Heading {
    level: u32,
    /// Printed number (五 in (五)), when there is a marker.
    number: Option<u32>,
    /// The heading's span: the whole line, or marker and title when text follows on the line.
    start: usize,
    end: usize,
    /// The marker (一、, (五)) when printed.
    marker: Option<(usize, usize)>,
    /// The title without marker, final punctuation and line breaks.
    title: String,
    /// Whether the heading fills its line (so the line is its own paragraph).
    whole_line: bool,
    /// The line the heading starts on.
    line: usize,
    /// The line it ends on (a title broken at hyperlinks spans several).
    last_line: usize,
}

/// A line that starts with a numbered marker, heading or not.
#[derive(Debug, Clone)]
struct Candidate {
    number: u32,
    /// Set when the line reads as a heading, not a list item.
    heading: Option<Heading>,
}

/// The value of a Chinese numeral 一 … 九十九 at the start of `s`, and its length.
fn cn_numeral(s: &[char]) -> Option<(u32, usize)> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1)
    };
    let first = *s.first()?;
    let second = s.get(1).copied();
    let third = s.get(2).copied();
    match (first, second, third) {
        ('十', Some(b), _) if digit(b).is_some() => Some((10 + digit(b)?, 2)),
        ('十', _, _) => Some((10, 1)),
        (a, Some('十'), Some(b)) if digit(a).is_some() && digit(b).is_some() => {
            Some((digit(a)? * 10 + digit(b)?, 3))
        }
        (a, Some('十'), _) => Some((digit(a)? * 10, 2)),
        (a, _, _) => Some((digit(a)?, 1)),
    }
}

/// 一、 at the start of a line: (number, marker length).
fn part_marker(line: &[char]) -> Option<(u32, usize)> {
    let (n, len) = cn_numeral(line)?;
    (line.get(len) == Some(&'、')).then_some((n, len + 1))
}

/// （一） or (一), full- or half-width, at the start of a line: (number, marker length).
fn section_marker(line: &[char]) -> Option<(u32, usize)> {
    if !matches!(line.first(), Some('（') | Some('(')) {
        return None;
    }
    let (n, len) = cn_numeral(line.get(1..)?)?;
    matches!(line.get(len + 1), Some('）') | Some(')')).then_some((n, len + 2))
}

/// Reads the text after a marker as a heading title. A title fills the line (a final 。 is
/// allowed for sections: 2010's "（一）加强和改善宏观调控，促进经济平稳较快发展。"), or, for
/// sections, is the first sentence of a line that goes on (2024's "（一）…新质生产力。充分发挥…").
/// A title whose quotation marks are left open goes on over the next lines of its block: web
/// scrapes break lines at every hyperlink ("三、关于《\n…纲要（草案）\n》的说明").
fn read_heading(
    chars: &[char],
    lines: &[Line],
    line_idx: usize,
    level: u32,
    number: u32,
    marker_len: usize,
) -> Option<Heading> {
    let line = lines.get(line_idx)?;
    let marker = (line.ts, line.ts + marker_len);
    let mut last_line = line_idx;
    let first_line = slice(chars, marker.1, line.te);
    let title_on_line = first_line.iter().any(|&c| is_sentence_end(c));
    while !title_on_line && !balanced(slice(chars, marker.1, lines.get(last_line)?.te)) {
        last_line += 1;
        lines.get(last_line).filter(|l| !l.is_blank())?;
    }
    let line_end = lines.get(last_line)?.te;
    let (ts, te) = trim(chars, marker.1, line_end);
    let rest = slice(chars, ts, te);
    let sentence_end = rest.iter().position(|&c| is_sentence_end(c));
    let max = if level == 1 {
        MAX_PART_TITLE
    } else {
        MAX_SECTION_TITLE
    };
    let (title_len, whole_line) = match sentence_end {
        None => (rest.len(), true),
        Some(p) if level > 1 && p + 1 == rest.len() => (p, true),
        Some(p) if level > 1 && last_line == line_idx => (p, false),
        Some(_) => return None,
    };
    let title = join_lines(slice(chars, ts, ts + title_len));
    let dangling = title
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '，' | ',' | '：' | ':' | '、'));
    if title.is_empty() || title.chars().count() > max || dangling {
        return None;
    }
    let end = if whole_line { line_end } else { ts + title_len };
    Some(Heading {
        level,
        number: Some(number),
        start: line.ts,
        end,
        marker: Some(marker),
        title,
        whole_line,
        line: line_idx,
        last_line,
    })
}

/// Whether every opening quotation mark or bracket of `s` is closed.
fn balanced(s: &[char]) -> bool {
    let count = |c: char| s.iter().filter(|&&x| x == c).count();
    [
        ('《', '》'),
        ('（', '）'),
        ('(', ')'),
        ('“', '”'),
        ('「', '」'),
    ]
    .iter()
    .all(|&(open, close)| count(open) <= count(close))
}

/// The lines of `s` trimmed and joined without their breaks.
fn join_lines(s: &[char]) -> String {
    let text: String = s.iter().collect();
    text.lines().map(|l| l.trim_matches(is_space)).collect()
}

/// The two styles of heading marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerStyle {
    /// 一、
    Enumerated,
    /// （一）
    Bracketed,
}

impl MarkerStyle {
    fn read(self, line: &[char]) -> Option<(u32, usize)> {
        match self {
            MarkerStyle::Enumerated => part_marker(line),
            MarkerStyle::Bracketed => section_marker(line),
        }
    }
}

fn candidates(
    chars: &[char],
    lines: &[Line],
    range: std::ops::Range<usize>,
    level: u32,
    style: MarkerStyle,
) -> Vec<Candidate> {
    // Lists are numbered (一)…(二)… far more often than 一、: a bracketed heading must be
    // followed by text of its own.
    let bracketed = style == MarkerStyle::Bracketed;
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(range.start).take(range.len()) {
        if let Some((number, len)) = style.read(line.content(chars)) {
            let heading = read_heading(chars, lines, i, level, number, len).filter(|h| {
                !bracketed || !h.whole_line || introduces_text(chars, lines, h.last_line)
            });
            out.push(Candidate { number, heading });
        }
    }
    out
}

/// Whether a section heading line is followed by text of its own: in a list of one-sentence
/// items ((一)要使粮食生产…。\n\n(二)在轻纺工业方面…) each item is followed by the next.
fn introduces_text(chars: &[char], lines: &[Line], line: usize) -> bool {
    let next = lines.iter().skip(line + 1).find(|l| !l.is_blank());
    next.is_some_and(|l| section_marker(l.content(chars)).is_none())
}

/// Picks the headings out of numbered lines. Reports number lists inside a part with the same
/// markers as the parts (1981: parts 一…四, a list 一、…；二、…, then part 五), so each number
/// continues the innermost open sequence it fits; only the outermost sequence is headings.
/// `any_start` lets that sequence begin at any number (a section whose predecessors lost
/// their markers); otherwise it begins at 一.
fn select_headings(cands: Vec<Candidate>, any_start: bool) -> Vec<Heading> {
    let mut runs: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for cand in cands {
        let Some(&outer) = runs.first() else {
            if let Some(h) = cand.heading.filter(|_| any_start || cand.number == 1) {
                runs.push(cand.number);
                out.push(h);
            }
            continue;
        };
        let fits = runs.iter().rposition(|&last| cand.number == last + 1);
        match (fits, cand.heading) {
            (Some(0), Some(h)) => {
                continue_run(&mut runs, 0, cand.number);
                out.push(h);
            }
            (Some(i), _) if i > 0 => continue_run(&mut runs, i, cand.number),
            // A heading that skips one number: its predecessor was merged into text.
            (None, Some(h)) if cand.number == outer + 2 => {
                continue_run(&mut runs, 0, cand.number);
                out.push(h);
            }
            _ if cand.number == 1 => {
                runs.push(1);
                // a text of nothing but 一、 lines opens a run per line: keep the outer run and
                // the latest inner ones, so the search above stays short (linear time)
                if runs.len() > MAX_RUNS {
                    runs.remove(1);
                }
            }
            _ => {}
        }
    }
    out
}

/// Inner numbering runs remembered by [`select_headings`] besides the outer one.
const MAX_RUNS: usize = 64;

/// Sets run `i` to `number` and closes the runs nested in it.
fn continue_run(runs: &mut Vec<u32>, i: usize, number: u32) {
    runs.truncate(i + 1);
    if let Some(last) = runs.get_mut(i) {
        *last = number;
    }
}

/// The parts: 一、… lines; in reports without them (1983, 1985), （一）… lines are the top level.
fn find_parts(
    chars: &[char],
    lines: &[Line],
    from_line: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Heading>, bool) {
    let range = from_line..lines.len();
    let mut parts = select_headings(
        candidates(chars, lines, range.clone(), 1, MarkerStyle::Enumerated),
        false,
    );
    let bracketed = parts.is_empty();
    if bracketed {
        parts = select_headings(
            candidates(chars, lines, range, 1, MarkerStyle::Bracketed),
            false,
        );
        if let Some(first) = parts.first() {
            diagnostics.push(diag(
                "parts_from_section_markers",
                "no 一、 part headings; the （一） headings are taken as the parts",
                first.start,
                first.end,
            ));
        }
    }
    note_gaps(&parts, "part_number_gap", diagnostics);
    (parts, bracketed)
}

/// The parts of a text that numbers none: the lines its markup makes headings, inside the body,
/// that read as titles (short, no sentence or clause inside; a final ： allowed). At least two,
/// or none.
fn marked_parts(
    chars: &[char],
    lines: &[Line],
    heading_lines: &[usize],
    body_start: usize,
    body_end: usize,
) -> Vec<Heading> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if heading_lines.binary_search(&line.start).is_err()
            || line.ts < body_start
            || line.te > body_end
            || line.is_blank()
        {
            continue;
        }
        let content = line.content(chars);
        let cut = content
            .iter()
            .rposition(|&c| !matches!(c, '：' | ':' | ' ' | '\u{3000}'))
            .map_or(0, |k| k + 1);
        let title = content[..cut].iter().collect::<String>();
        let title = title.trim();
        let tchars: Vec<char> = title.chars().collect();
        // a title: short, no sentence in it (a leading year is fine: 2014年工作回顾)
        let titled = !tchars.is_empty()
            && tchars.len() <= MAX_UNMARKED_TITLE
            && !tchars
                .iter()
                .any(|&c| is_sentence_end(c) || matches!(c, '：' | ':' | '，' | ','))
            && !starts_with(&tchars, SALUTATION);
        if !titled {
            continue;
        }
        out.push(Heading {
            level: 1,
            number: None,
            start: line.ts,
            end: line.te,
            marker: None,
            title: title.to_string(),
            whole_line: true,
            line: i,
            last_line: i,
        });
    }
    if out.len() < 2 {
        out.clear();
    }
    out
}

fn note_gaps(headings: &[Heading], code: &str, diagnostics: &mut Vec<Diagnostic>) {
    let mut previous: Option<u32> = None;
    for h in headings {
        if let (Some(p), Some(n)) = (previous, h.number) {
            if n != p + 1 {
                let msg = format!(
                    "heading number {n} follows {p}: a heading was lost or merged into text"
                );
                diagnostics.push(diag(code, &msg, h.start, h.end));
            }
        }
        previous = h.number.or(previous);
    }
}

/// The sections of one part: numbered ones, plus stand-alone lines that are headings whose
/// number the scrape lost, when their positions agree with the printed numbers.
fn find_sections(
    chars: &[char],
    lines: &[Line],
    all_blocks: &[std::ops::Range<usize>],
    part: &Heading,
    part_end: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Heading> {
    let first = part.line + 1;
    let last = lines
        .iter()
        .rposition(|l| l.start < part_end)
        .map_or(first, |i| i + 1)
        .max(first);
    let cands = candidates(chars, lines, first..last, 2, MarkerStyle::Bracketed);
    let captions = unmarked_candidates(chars, lines, all_blocks, first..last);
    // Numbering may begin past (一) only when lost-marker headings fill the gap (淞南 2024:
    // four headings without numbers, then (五)).
    let loose = select_headings(cands.clone(), true);
    let strict = select_headings(cands, false);
    let (marked, unmarked) = match with_unmarked(&loose, &captions) {
        Some(found) if !found.is_empty() => (loose, found),
        _ => {
            let found = with_unmarked(&strict, &captions).unwrap_or_default();
            (strict, found)
        }
    };
    let mut all: Vec<Heading> = marked.into_iter().chain(unmarked.iter().cloned()).collect();
    // One numbered line alone is a list item, not a division of the part.
    if all.len() < 2 {
        return Vec::new();
    }
    all.sort_by_key(|h| h.start);
    for h in &unmarked {
        diagnostics.push(diag(
            "unnumbered_heading",
            "section heading without its number (the marker was lost); recognised by its position",
            h.start,
            h.end,
        ));
    }
    note_gaps(&all, "section_number_gap", diagnostics);
    all
}

/// The captions that fill the gaps of the numbered sections, if every printed number then
/// equals its position (four captions, then (五)). Only captions before the last numbered
/// section count: without a numbered sibling after them to vouch for them, short lines are
/// left as paragraphs (in national reports they are 结束语, 第一，… or lines broken at links).
fn with_unmarked(marked: &[Heading], captions: &[Heading]) -> Option<Vec<Heading>> {
    let last = marked.last()?;
    let found: Vec<Heading> = captions
        .iter()
        .filter(|c| c.end <= last.start)
        .cloned()
        .collect();
    let mut merged: Vec<&Heading> = marked.iter().chain(&found).collect();
    merged.sort_by_key(|h| h.start);
    let consistent = merged
        .iter()
        .enumerate()
        .all(|(i, h)| h.number.is_none_or(|n| n as usize == i + 1));
    consistent.then_some(found)
}

/// One-line blocks of a part that read as headings and are followed by prose.
fn unmarked_candidates(
    chars: &[char],
    lines: &[Line],
    all_blocks: &[std::ops::Range<usize>],
    range: std::ops::Range<usize>,
) -> Vec<Heading> {
    all_blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.start >= range.start && b.end <= range.end && b.len() == 1)
        .filter(|(k, _)| {
            // A heading introduces text: the next block must be prose, not another caption.
            let next = all_blocks.get(k + 1).and_then(|b| lines.get(b.start));
            next.is_some_and(|l| l.len() > MAX_UNMARKED_TITLE)
        })
        .filter_map(|(_, b)| {
            let line = lines.get(b.start)?;
            is_unmarked_heading(line.content(chars)).then_some(Heading {
                level: 2,
                number: None,
                start: line.ts,
                end: line.te,
                marker: None,
                title: quote(chars, line.ts, line.te),
                whole_line: true,
                line: b.start,
                last_line: b.start,
            })
        })
        .collect()
}

fn is_unmarked_heading(line: &[char]) -> bool {
    let list_like = line.first().is_some_and(|&c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '—' | '-' | '－' | '•' | '·' | '（' | '(' | '第' | '＠' | '●' | '※'
            )
            || ('０'..='９').contains(&c)
    });
    !line.is_empty()
        && line.len() <= MAX_UNMARKED_TITLE
        && !list_like
        && !starts_with(line, SALUTATION)
        && part_marker(line).is_none()
        && !line
            .iter()
            .any(|&c| is_sentence_end(c) || matches!(c, '：' | ':'))
        && !line.last().is_some_and(|&c| matches!(c, '，' | ',' | '、'))
}

// ---------------------------------------------------------------------------------------
// Paragraphs

/// Blank-line-separated blocks of the body, split so that a heading line is a paragraph of
/// its own and a heading followed by text on its line starts a paragraph.
fn paragraph_spans(
    chars: &[char],
    lines: &[Line],
    headings: &[Heading],
    body_start: usize,
    body_end: usize,
) -> Vec<(usize, usize)> {
    let mut cuts: Vec<usize> = Vec::new();
    for b in blocks(lines) {
        if let Some(first) = lines.get(b.start) {
            cuts.push(first.start);
        }
        if let Some(last) = lines.get(b.end.saturating_sub(1)) {
            cuts.push(last.te);
        }
    }
    for h in headings {
        if let Some(line) = lines.get(h.line) {
            cuts.push(line.start);
        }
        if h.whole_line {
            cuts.push(h.end);
        }
    }
    cuts.push(body_start);
    cuts.push(body_end);
    cuts.retain(|&c| c >= body_start && c <= body_end);
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|w| match w {
            [s, e] => Some(trim(chars, *s, *e)),
            _ => None,
        })
        .filter(|(s, e)| s < e)
        .collect()
}

fn paragraph_kind(
    chars: &[char],
    start: usize,
    headings: &[Heading],
    first_part: Option<usize>,
    body_start: usize,
) -> ParagraphKind {
    let salutation = starts_with(slice(chars, start, chars.len()), SALUTATION);
    if headings.iter().any(|h| h.whole_line && h.start == start) {
        return ParagraphKind::Heading;
    }
    match first_part {
        Some(p) if start < p => ParagraphKind::Opening,
        // Without parts only the salutation itself opens the report.
        None if salutation && start == body_start => ParagraphKind::Opening,
        _ if salutation => ParagraphKind::Closing,
        _ => ParagraphKind::Body,
    }
}

/// The opening summary phrase of a paragraph: "发展态势稳中有进。全年完成…" → 发展态势稳中有进.
/// A phrase with digits or commas is the first sentence of ordinary prose, not a summary.
fn lead_phrase(text: &[char]) -> Option<String> {
    // National reports list achievements as "——经济总体回升向好。…": the dash is a bullet.
    let bullet = text
        .iter()
        .take_while(|&&c| matches!(c, '—' | '－' | '-'))
        .count();
    let text = slice(text, bullet, text.len());
    let end = text.iter().take(MAX_LEAD + 1).position(|&c| c == '。')?;
    let phrase = slice(text, 0, end);
    let prose = phrase.iter().any(|&c| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || matches!(c, '，' | ',' | '：' | ':' | '（' | '(')
    });
    (phrase.len() >= 2 && !prose).then(|| phrase.iter().collect())
}

// ---------------------------------------------------------------------------------------
// Rows

fn section_rows(
    chars: &[char],
    report_id: &str,
    headings: &[Heading],
    closings: &[usize],
    body_end: usize,
) -> Vec<Section> {
    let mut rows: Vec<Section> = Vec::new();
    let mut path: Vec<u32> = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        let depth = h.level as usize;
        path.truncate(depth);
        while path.len() < depth {
            path.push(0);
        }
        if let Some(last) = path.last_mut() {
            *last += 1;
        }
        let next = headings
            .iter()
            .skip(i + 1)
            .find(|n| n.level <= h.level)
            .map_or(body_end, |n| n.start);
        // A closing address (各位代表！…) after a part's sections sums up the whole part.
        let closing = closings.iter().find(|&&c| c > h.start && c < next).copied();
        let content_end = if h.level > 1 {
            closing.unwrap_or(next)
        } else {
            next
        };
        let id = |p: &[u32]| {
            let nums: Vec<String> = p.iter().map(|n| n.to_string()).collect();
            format!("{report_id}/s{}", nums.join("."))
        };
        rows.push(Section {
            section_id: id(&path),
            report_id: report_id.to_string(),
            parent_id: (depth > 1).then(|| id(path.get(..depth - 1).unwrap_or(&[]))),
            kind: match h.level {
                1 => SectionKind::Part,
                2 => SectionKind::Section,
                _ => SectionKind::Subsection,
            },
            level: h.level,
            ordinal: path.last().copied().unwrap_or(1),
            marker: h.marker.map(|(s, e)| quote(chars, s, e)),
            title: h.title.clone(),
            start: h.start as u64,
            end: h.end as u64,
            content_end: content_end as u64,
            quote: quote(chars, h.start, h.end),
        });
    }
    rows
}

fn paragraph_rows(
    text: &str,
    chars: &[char],
    report_id: &str,
    spans: &[(usize, usize)],
    kinds: &[ParagraphKind],
    sections: &[Section],
) -> Vec<Paragraph> {
    let quotes = crate::text::slices(text, chars, spans);
    spans
        .iter()
        .zip(kinds)
        .zip(quotes)
        .enumerate()
        .map(|(i, ((&(s, e), &kind), quote))| {
            // The innermost section is the last one (in text order) whose content holds `s`.
            let section = sections
                .iter()
                .filter(|sec| sec.start as usize <= s && s < sec.content_end as usize)
                .max_by_key(|sec| (sec.level, sec.start));
            let opens_section = sections.iter().any(|sec| sec.start as usize == s);
            let body = slice(chars, s, e);
            Paragraph {
                paragraph_id: format!("{report_id}/p{:04}", i + 1),
                report_id: report_id.to_string(),
                section_id: section.map(|sec| sec.section_id.clone()),
                ordinal: i as u32 + 1,
                kind,
                lead: (kind == ParagraphKind::Body && !opens_section)
                    .then(|| lead_phrase(body))
                    .flatten(),
                start: s as u64,
                end: e as u64,
                quote: quote.to_string(),
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Helpers

/// `chars[start..end]`, clamped to the text.
fn slice(chars: &[char], start: usize, end: usize) -> &[char] {
    let e = end.min(chars.len());
    chars.get(start.min(e)..e).unwrap_or(&[])
}

fn quote(chars: &[char], start: usize, end: usize) -> String {
    crate::text::string(slice(chars, start, end))
}

fn starts_with(s: &[char], prefix: &str) -> bool {
    let mut it = s.iter();
    prefix.chars().all(|p| it.next() == Some(&p))
}

fn diag(code: &str, message: &str, start: usize, end: usize) -> Diagnostic {
    Diagnostic {
        code: code.to_string(),
        message: message.to_string(),
        start: start as u64,
        end: end as u64,
    }
}
