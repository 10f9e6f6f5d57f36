//! Bytes → text: the only step of extraction that can fail.
//!
//! [`decode`] turns the bytes of a file into the text that every offset counts into. It accepts
//! what government report files really are: UTF-8 (with or without a byte-order mark),
//! UTF-16 with a BOM (or, detected by its NUL-byte pattern, without one), GB18030 (a superset
//! of GBK and GB2312, the usual encodings of files from mainland China), Big5 (traditional
//! characters, Taiwan / Hong Kong) and HTML pages saved instead of text. It refuses, with a
//! one-line message naming what is wrong, empty files, binary files (naming PDF, ZIP/DOCX,
//! OLE/DOC… when it recognises the format), bytes undecodable in every supported encoding,
//! HTML pages without visible text and inputs over [`MAX_INPUT_BYTES`].
//!
//! What the offsets count into:
//! - A UTF-8 BOM is stripped: offsets count into the text *after* the BOM (so code point 0 is
//!   the first character after it). UTF-16 BOMs are likewise not part of the text.
//! - Line endings are kept exactly as given (CRLF, CR, LF): nothing is normalised.
//! - For HTML the text is the extracted visible text (see [`Decoded::html`]); offsets count
//!   into that extracted text, not into the page's markup.

use encoding_rs::{Encoding, BIG5, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use sha2::{Digest, Sha256};
use thiserror::Error;

/// SHA-256 of `bytes`, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Largest input [`decode`] accepts, in bytes (256 MiB).
///
/// Compiled volumes of reports (a province's yearbook of county reports, a national collection
/// of several decades) run to tens of megabytes of text, and GB18030 or UTF-16 files grow by
/// up to a half or double when decoded to UTF-8; 64 MB inputs must work. Above 256 MiB the
/// input is almost certainly not one report (or a collection of them) but a dump or a binary,
/// and holding it plus its decoded text plus the per-code-point offset index would need
/// several gigabytes, so it is refused up front rather than failing half-way.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text all offsets count into: without a BOM, line endings as given, and for HTML the
    /// extracted visible text.
    pub text: String,
    /// Name of the encoding: `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE (BOM)`, `UTF-16BE (BOM)`,
    /// `UTF-16LE`, `UTF-16BE` (no BOM, detected), `GB18030`, `Big5`, or for HTML a charset
    /// declared in the page (e.g. `GBK`) — HTML adds `; HTML text extracted`
    /// (e.g. `UTF-8; HTML text extracted`).
    pub encoding: String,
    /// Whether the input was an HTML page whose visible text was extracted (`<script>`,
    /// `<style>`, `<head>` and comments dropped; block elements made line breaks, paragraphs
    /// separated by a blank line; entities decoded; runs of spaces collapsed).
    pub html: bool,
    /// Whether the input began with a byte-order mark (which is not part of [`Decoded::text`]).
    pub bom: bool,
}

/// Why bytes could not be decoded to report text. Every message is one line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// No bytes, or only whitespace (after a BOM).
    #[error("the file is empty (no text, or only whitespace)")]
    Empty,
    /// Larger than [`MAX_INPUT_BYTES`].
    #[error("the file is {size} bytes, larger than the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: u64,
        /// The limit ([`MAX_INPUT_BYTES`]).
        limit: u64,
    },
    /// A recognised binary file format (PDF, ZIP/DOCX, OLE/DOC, image…).
    #[error("{format}, not text: convert it to text first")]
    Format {
        /// What it is, as a noun phrase: "a PDF file", "a ZIP archive (DOCX, XLSX, …)".
        format: &'static str,
    },
    /// Binary data: NUL bytes (not UTF-16) or a high share of control characters.
    #[error("binary data, not text: {reason}")]
    Binary {
        /// What gave it away.
        reason: String,
    },
    /// A byte-order mark followed by bytes that are not valid in its encoding.
    #[error("the file starts with a {encoding} byte-order mark but is not valid {encoding}")]
    BadBom {
        /// The encoding the BOM announces (`UTF-8`, `UTF-16LE`, `UTF-16BE`).
        encoding: &'static str,
    },
    /// Undecodable in every supported encoding.
    #[error("not text in a supported encoding (UTF-8, UTF-16 with BOM, GB18030/GBK/GB2312, Big5)")]
    NotText,
    /// An HTML page whose visible text is empty.
    #[error("an HTML page with no text")]
    HtmlNoText,
}

/// Decodes the bytes of a report file to text (see the [module docs](self) for the rules).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let size = bytes.len() as u64;
    if size > MAX_INPUT_BYTES {
        return Err(DecodeError::TooLarge {
            size,
            limit: MAX_INPUT_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(format) = binary_signature(bytes) {
        return Err(DecodeError::Format { format });
    }

    let (text, encoding, bom, declared) = decode_text(bytes)?;

    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    check_controls(&text)?;

    if looks_like_html(&text) {
        let extracted = html_to_text(&text);
        if extracted.trim().is_empty() {
            return Err(DecodeError::HtmlNoText);
        }
        let name = declared.unwrap_or(encoding);
        return Ok(Decoded {
            text: extracted,
            encoding: format!("{name}; HTML text extracted"),
            html: true,
            bom,
        });
    }
    Ok(Decoded {
        text,
        encoding: encoding.to_string(),
        html: false,
        bom,
    })
}

/// Decodes per the BOM / UTF-16 / UTF-8 / HTML charset / GB18030 / Big5 rules. Returns the
/// text, the encoding name, whether there was a BOM, and the name of a charset declared in an
/// HTML page when that is what decoded it.
fn decode_text(
    bytes: &[u8],
) -> Result<(String, &'static str, bool, Option<&'static str>), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok((s.to_string(), "UTF-8 (BOM)", true, None)),
            Err(_) => Err(DecodeError::BadBom { encoding: "UTF-8" }),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_strict(UTF_16LE, rest)
            .map(|s| (s, "UTF-16LE (BOM)", true, None))
            .ok_or(DecodeError::BadBom {
                encoding: "UTF-16LE",
            });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_strict(UTF_16BE, rest)
            .map(|s| (s, "UTF-16BE (BOM)", true, None))
            .ok_or(DecodeError::BadBom {
                encoding: "UTF-16BE",
            });
    }

    if bytes.contains(&0) {
        return match sniff_utf16(bytes) {
            Some((s, name)) => Ok((s, name, false, None)),
            None => Err(DecodeError::Binary {
                reason: "it contains NUL bytes".into(),
            }),
        };
    }

    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), "UTF-8", false, None));
    }

    if let Some(enc) = html_declared_charset(bytes) {
        if let Some(s) = decode_strict(enc, bytes) {
            // A single-byte charset (ISO-8859-1, windows-1252…) decodes any bytes; a page
            // that declares one but reads as Chinese in GB18030 was mis-declared.
            let misdeclared = enc.is_single_byte()
                && decode_strict(GB18030, bytes)
                    .is_some_and(|gb| plausibly_chinese(&gb) && common_score(&gb) >= 0.15);
            if !misdeclared {
                return Ok((s, enc.name(), false, Some(enc.name())));
            }
        }
    }

    let gb = decode_strict(GB18030, bytes);
    match gb {
        Some(gb_text) => {
            // Big5 text often decodes "cleanly" as GB18030 too, into rare characters: real
            // GB18030/GBK text of simplified Chinese stays almost entirely in the GB2312 area.
            if gb2312_share(bytes) < 0.9 {
                if let Some(big5_text) = decode_strict(BIG5, bytes) {
                    if plausibly_chinese(&big5_text)
                        && common_score(&big5_text) > common_score(&gb_text) * 1.5 + 0.01
                    {
                        return Ok((big5_text, "Big5", false, None));
                    }
                }
            }
            Ok((gb_text, "GB18030", false, None))
        }
        None => match decode_strict(BIG5, bytes) {
            Some(s) if plausibly_chinese(&s) => Ok((s, "Big5", false, None)),
            _ => Err(DecodeError::NotText),
        },
    }
}

/// Decodes without BOM sniffing and without replacement characters; `None` on any malformed
/// sequence.
fn decode_strict(enc: &'static Encoding, bytes: &[u8]) -> Option<String> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
}

/// Recognises common binary formats by their leading bytes.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF file"),
        (b"PK\x03\x04", "a ZIP archive (DOCX, XLSX, ODT, EPUB, …)"),
        (b"PK\x05\x06", "an empty ZIP archive"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an OLE compound file (DOC, XLS, PPT, WPS, …)",
        ),
        (b"\x89PNG\r\n\x1A\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"\x1F\x8B", "a gzip-compressed file"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"{\\rtf", "an RTF document"),
        (b"\x7FELF", "an ELF executable"),
        (b"MZ\x90\x00", "a Windows executable"),
    ];
    SIGS.iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, name)| *name)
}

/// UTF-16 without a BOM: decodes cleanly to plausible text. When the NUL bytes are many and
/// concentrated in one parity (the high byte of ASCII characters) that is enough; text that is
/// nearly all CJK has few NULs in either parity (a character such as U+4E00 一 has a NUL low
/// byte), so then it must also read as Chinese (a good share of very common characters, which
/// also tells LE from BE: byte-swapped CJK is often CJK again, but garbage).
fn sniff_utf16(bytes: &[u8]) -> Option<(String, &'static str)> {
    if bytes.len() % 2 != 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in bytes.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    // Mostly-ASCII text: the NULs of one parity are at least 30% of the code units, and the
    // other parity has few.
    let pairs = bytes.len() / 2;
    let le_ascii = odd >= 3 * even.max(1) && odd * 10 >= pairs * 3;
    let be_ascii = even >= 3 * odd.max(1) && even * 10 >= pairs * 3;
    let mut best: Option<(f64, String, &'static str)> = None;
    for (enc, name, ascii) in [
        (UTF_16LE, "UTF-16LE", le_ascii),
        (UTF_16BE, "UTF-16BE", be_ascii),
    ] {
        let Some(text) = decode_strict(enc, bytes) else {
            continue;
        };
        if !plausible_utf16_text(&text) {
            continue;
        }
        let score = common_score(&text);
        // Byte-swapped CJK is often CJK again, but not common characters.
        if score < 0.15 && !ascii {
            continue;
        }
        let score = if ascii { score + 1.0 } else { score };
        if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
            best = Some((score, text, name));
        }
    }
    best.map(|(_, text, name)| (text, name))
}

fn plausible_utf16_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut good = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return false;
        }
        if matches!(c, '\t' | '\n' | '\r' | '\x0C' | ' '..='~')
            || is_cjk_like(c)
            || is_latin_like(c)
        {
            good += 1;
        }
    }
    total > 0 && good * 10 >= total * 9
}

fn is_latin_like(c: char) -> bool {
    matches!(c, '\u{A0}'..='\u{24F}' | '\u{2000}'..='\u{206F}' | '\u{2100}'..='\u{22FF}')
}

/// CJK ideographs, CJK punctuation, full-width forms, kana and bopomofo, circled numbers.
fn is_cjk_like(c: char) -> bool {
    matches!(c,
        '\u{2460}'..='\u{24FF}'   // enclosed alphanumerics ①
        | '\u{2E80}'..='\u{2FDF}' // radicals
        | '\u{3000}'..='\u{33FF}' // CJK punctuation, kana, bopomofo, enclosed, compatibility
        | '\u{3400}'..='\u{4DBF}' // extension A
        | '\u{4E00}'..='\u{9FFF}' // unified ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}' // compatibility forms
        | '\u{FF00}'..='\u{FFEF}' // full-width forms
        | '\u{20000}'..='\u{3134F}')
}

/// Whether Big5-decoded text looks like Chinese: it has ideographs, and its non-ASCII
/// characters are nearly all CJK (ideographs, CJK punctuation, full-width forms).
fn plausibly_chinese(text: &str) -> bool {
    let mut non_ascii = 0usize;
    let mut cjk = 0usize;
    let mut ideographs = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if is_cjk_like(c) {
            cjk += 1;
        }
        if matches!(c, '\u{4E00}'..='\u{9FFF}') {
            ideographs += 1;
        }
    }
    ideographs > 0 && cjk * 10 >= non_ascii * 9
}

/// Share of GB18030 two-byte characters that lie in the GB2312 area (both bytes 0xA1–0xFE),
/// over at most the first 1 MiB.
fn gb2312_share(bytes: &[u8]) -> f64 {
    let bytes = bytes.get(..1 << 20).unwrap_or(bytes);
    let (mut two, mut gb2312) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(t) if (0x30..=0x39).contains(t) => i += 4,
            Some(t) => {
                two += 1;
                if (0xA1..=0xFE).contains(&b) && (0xA1..=0xFE).contains(t) {
                    gb2312 += 1;
                }
                i += 2;
            }
            None => i += 1,
        }
    }
    if two == 0 {
        1.0
    } else {
        gb2312 as f64 / two as f64
    }
}

/// Very frequent Chinese characters, simplified and traditional forms, as seen in reports.
const COMMON: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研保务县镇市省亿万元增长亿元百分点改革创新城乡服务社会环境建设推进实施完成项目企业投资财政收入经济发展年度工作报告這個國來們時為說會發動產過於學對經進與開還問關應實現長區縣鎮務財發幣億萬點間體標準設計畫計劃濟際業務總";

/// Share of characters of `text` (first 200 000) in [`COMMON`].
fn common_score(text: &str) -> f64 {
    let common: std::collections::HashSet<char> = COMMON.chars().collect();
    let mut total = 0usize;
    let mut hits = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()).take(200_000) {
        total += 1;
        if common.contains(&c) {
            hits += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        hits as f64 / total as f64
    }
}

/// Refuses text in which control characters (other than tab, LF, CR, form feed) are more than
/// 5% of the characters, or which contains NUL.
fn check_controls(text: &str) -> Result<(), DecodeError> {
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return Err(DecodeError::Binary {
                reason: "it contains NUL characters".into(),
            });
        }
        if (c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')) || c == '\x7F' {
            controls += 1;
        }
    }
    if controls * 20 > total {
        let pct = controls * 100 / total.max(1);
        return Err(DecodeError::Binary {
            reason: format!("{controls} of its {total} characters ({pct}%) are control characters"),
        });
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

/// Whether the text is an HTML page: after whitespace it starts with `<!DOCTYPE html` or
/// `<html` (or `<?xml … <html` for XHTML), or it has `<body` … `</body>`.
fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .chars()
        .take(256)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    if head.starts_with("<?xml") && head.contains("<html") {
        return true;
    }
    let Some(start) = find_ci(text, "<body", 0) else {
        return false;
    };
    find_ci(text, "</body", start).is_some()
}

/// Byte position of ASCII `needle` (lower-case) in `hay` from `from`, ignoring ASCII case.
fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    let first = *n.first()?;
    let mut i = from;
    while i + n.len() <= h.len() {
        let rest = h.get(i..)?;
        let off = rest.iter().position(|b| b.to_ascii_lowercase() == first)?;
        i += off;
        if let Some(window) = h.get(i..i + n.len()) {
            if window.eq_ignore_ascii_case(n) {
                return Some(i);
            }
        } else {
            return None;
        }
        i += 1;
    }
    None
}

/// The encoding named by `<meta charset=…>` or `content="text/html; charset=…"` in the first
/// 8 KiB of an HTML page (UTF-16 declarations are ignored, as browsers do).
fn html_declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..8192).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let is_html = lower.windows(5).any(|w| w == b"<html")
        || lower.windows(9).any(|w| w == b"<!doctype")
        || lower.windows(5).any(|w| w == b"<meta");
    if !is_html {
        return None;
    }
    let mut from = 0;
    while let Some(pos) = lower
        .get(from..)
        .and_then(|r| r.windows(7).position(|w| w == b"charset"))
    {
        let mut i = from + pos + 7;
        from = i;
        while lower.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let start = i;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        {
            i += 1;
        }
        let label = lower.get(start..i)?;
        if let Some(enc) = Encoding::for_label(label) {
            if enc == UTF_16LE || enc == UTF_16BE {
                return Some(UTF_8);
            }
            if enc.name() == "replacement" || enc.name() == "x-user-defined" {
                return None;
            }
            return Some(enc);
        }
    }
    None
}

/// Elements whose content is never visible text.
const SKIP_CONTENT: &[&str] = &[
    "script", "style", "noscript", "template", "title", "textarea", "select", "svg", "math",
    "object", "iframe",
];

/// Elements whose content runs to the end of the page when they are not closed.
const RAW_TEXT: &[&str] = &["script", "style", "title", "textarea"];

/// Elements that end a line (single line break).
const LINE_BREAK: &[&str] = &[
    "br",
    "li",
    "tr",
    "dt",
    "dd",
    "option",
    "caption",
    "figcaption",
];

/// Elements that end a paragraph (blank line).
const PARA_BREAK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "pre",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "form",
    "hr",
    "address",
    "center",
    "fieldset",
    "figure",
    "body",
    "html",
];

/// Elements that separate cells.
const CELL: &[&str] = &["td", "th"];

/// Visible text of an HTML page (see [`Decoded::html`]).
fn html_to_text(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = Out::default();
    let mut i = 0usize;
    // Whether a closing `</head` exists (searched once, so malformed pages stay linear).
    let head_end = find_ci(html, "</head", 0);
    // First `<body` at or after some position (cached, for the same reason).
    let mut body_cache: Option<Option<usize>> = None;
    // Elements found to have no closing tag after some point (so none after any later point).
    let mut unclosed: Vec<String> = Vec::new();
    let mut pre_depth = 0usize;
    let mut text_start = 0usize;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        // Flush text before the `<` (ASCII, so a char boundary).
        out.text(html.get(text_start..i).unwrap_or(""), pre_depth > 0);
        let rest = bytes.get(i + 1..).unwrap_or(&[]);
        let next = rest.first().copied();
        if rest.starts_with(b"!--") {
            i = match html.get(i + 4..).and_then(|r| r.find("-->")) {
                Some(p) => i + 4 + p + 3,
                None => bytes.len(),
            };
        } else if matches!(next, Some(b'!' | b'?'))
            || (next == Some(b'/') && !rest.get(1).is_some_and(u8::is_ascii_alphabetic))
        {
            // Doctype, processing instruction, bogus comment: up to the next `>`.
            i = match html.get(i..).and_then(|r| r.find('>')) {
                Some(p) => i + p + 1,
                None => bytes.len(),
            };
        } else if next.is_some_and(|b| b.is_ascii_alphabetic() || b == b'/') {
            let closing = next == Some(b'/');
            let name_start = if closing { i + 2 } else { i + 1 };
            let mut name_end = name_start;
            while bytes
                .get(name_end)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
            {
                name_end += 1;
            }
            let name = html
                .get(name_start..name_end)
                .unwrap_or("")
                .to_ascii_lowercase();
            let Some(end) = tag_end(bytes, name_end) else {
                // No `>` anywhere after: the rest is not markup; keep it as text.
                out.text(html.get(i..).unwrap_or(""), pre_depth > 0);
                text_start = bytes.len();
                break;
            };
            i = end;
            if !closing && SKIP_CONTENT.contains(&name.as_str()) {
                let close = format!("</{name}");
                let found = if unclosed.contains(&name) {
                    None
                } else {
                    find_ci(html, &close, i)
                };
                match found {
                    Some(p) => i = tag_end(bytes, p + close.len()).unwrap_or(bytes.len()),
                    // Unclosed raw-text elements run to the end (as in browsers); other
                    // unclosed elements are ignored rather than swallowing the page.
                    None if RAW_TEXT.contains(&name.as_str()) => i = bytes.len(),
                    None => {
                        if !unclosed.contains(&name) {
                            unclosed.push(name);
                        }
                    }
                }
            } else if !closing && name == "head" {
                // Skip the head's content when it is properly closed before the body.
                if let Some(he) = head_end.filter(|he| *he >= i) {
                    let body = match body_cache {
                        Some(Some(b)) if b >= i => Some(b),
                        Some(None) => None,
                        _ => find_ci(html, "<body", i),
                    };
                    body_cache = Some(body);
                    if body.is_none_or(|b| b > he) {
                        i = tag_end(bytes, he + 6).unwrap_or(bytes.len());
                    }
                }
            } else if name == "pre" {
                if closing {
                    pre_depth = pre_depth.saturating_sub(1);
                } else {
                    pre_depth += 1;
                }
                out.brk(2);
            } else if LINE_BREAK.contains(&name.as_str()) {
                out.brk(1);
            } else if PARA_BREAK.contains(&name.as_str()) {
                out.brk(2);
            } else if CELL.contains(&name.as_str()) {
                out.space();
            }
        } else {
            // A lone `<` in text.
            text_start = i;
            i += 1;
            continue;
        }
        text_start = i;
    }
    out.text(html.get(text_start..).unwrap_or(""), pre_depth > 0);
    out.finish()
}

/// Byte position just after the `>` closing a tag whose attributes start at `from`; quoted
/// attribute values may contain `>`. `None` when no `>` follows at all.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        let rest = bytes.get(i..)?;
        let p = rest.iter().position(|b| matches!(b, b'>' | b'"' | b'\''))?;
        let b = rest[p];
        if b == b'>' {
            return Some(i + p + 1);
        }
        // A quote: skip to its match; an unmatched quote is taken literally.
        let after = i + p + 1;
        match bytes
            .get(after..)
            .and_then(|r| r.iter().position(|x| *x == b))
        {
            Some(q) => i = after + q + 1,
            None => {
                let r = bytes.get(after..)?;
                return r.iter().position(|x| *x == b'>').map(|g| after + g + 1);
            }
        }
    }
}

/// Builds extracted text: collapses whitespace, places line and paragraph breaks.
#[derive(Default)]
struct Out {
    s: String,
    /// Pending whitespace before the next character: none, space, or whitespace that had a
    /// source line break (dropped between two CJK characters, as browsers do).
    pending_space: Option<bool>,
    /// Pending break: 0 none, 1 line, 2 paragraph.
    pending_break: u8,
}

impl Out {
    fn brk(&mut self, n: u8) {
        self.pending_break = self.pending_break.max(n);
        self.pending_space = None;
    }

    fn space(&mut self) {
        if self.pending_break == 0 {
            self.pending_space = Some(self.pending_space.unwrap_or(false));
        }
    }

    /// Appends the text between two tags, decoding entities.
    fn text(&mut self, raw: &str, pre: bool) {
        let mut rest = raw;
        while let Some(c) = rest.chars().next() {
            let (ch, used) = if c == '&' {
                match decode_entity(rest) {
                    Some((ch, used)) => (ch, used),
                    None => ('&', 1),
                }
            } else {
                (c, c.len_utf8())
            };
            rest = rest.get(used..).unwrap_or("");
            self.push(ch, pre);
        }
    }

    fn push(&mut self, c: char, pre: bool) {
        if pre {
            if c == '\n' || c == '\r' {
                self.flush_break();
                self.pending_space = None;
                if !self.s.is_empty() {
                    self.s.push(c);
                }
                return;
            }
        } else if matches!(
            c,
            ' ' | '\t'
                | '\n'
                | '\r'
                | '\x0C'
                | '\u{A0}'
                | '\u{2002}'
                | '\u{2003}'
                | '\u{2009}'
                | '\u{200B}'
        ) {
            if self.pending_break == 0 {
                let nl = matches!(c, '\n' | '\r');
                self.pending_space = Some(self.pending_space.unwrap_or(false) || nl);
            }
            return;
        }
        if c == '\u{AD}' {
            return;
        }
        self.flush_break();
        if let Some(had_newline) = self.pending_space.take() {
            let last = self.s.chars().next_back();
            let drop = had_newline && last.is_some_and(is_cjk_like) && is_cjk_like(c);
            if !drop && last.is_some_and(|l| l != '\n') {
                self.s.push(' ');
            }
        }
        self.s.push(c);
    }

    fn flush_break(&mut self) {
        if self.pending_break > 0 {
            if !self.s.is_empty() {
                let trimmed = self.s.trim_end_matches([' ', '\t']).len();
                self.s.truncate(trimmed);
                if !self.s.ends_with('\n') {
                    self.s.push('\n');
                }
                if self.pending_break >= 2 && !self.s.ends_with("\n\n") {
                    self.s.push('\n');
                }
            }
            self.pending_break = 0;
            self.pending_space = None;
        }
    }

    fn finish(mut self) -> String {
        let trimmed = self.s.trim_end().len();
        self.s.truncate(trimmed);
        if !self.s.is_empty() {
            self.s.push('\n');
        }
        self.s
    }
}

/// Decodes the entity at the start of `s` (which starts with `&`): the character and the
/// number of bytes used.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let body = s.get(1..)?;
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 3),
            None => (num, 10, 2),
        };
        let len = digits
            .bytes()
            .take_while(|b| (*b as char).is_digit(radix))
            .count();
        if len == 0 || len > 8 {
            return None;
        }
        let value = u32::from_str_radix(digits.get(..len)?, radix).ok()?;
        let semi = usize::from(digits.as_bytes().get(len) == Some(&b';'));
        let ch = match value {
            0 => '\u{FFFD}',
            // As browsers do: C1 references mean their windows-1252 characters (&#150; –).
            0x80..=0x9F => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(&[value as u8])
                .0
                .chars()
                .next()
                .unwrap_or('\u{FFFD}'),
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return Some((ch, skip + len + semi));
    }
    let len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = body.get(..len)?;
    let has_semi = body.as_bytes().get(len) == Some(&b';');
    let ch = named_entity(name)?;
    // Without `;` only the legacy entities are recognised (as browsers do for these).
    if !has_semi && !matches!(name, "nbsp" | "amp" | "lt" | "gt" | "quot" | "copy" | "reg") {
        return None;
    }
    Some((ch, 1 + len + usize::from(has_semi)))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" => '\u{A0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "thinsp" => '\u{2009}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "shy" => '\u{AD}',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "middot" => '·',
        "bull" => '•',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "sbquo" => '‚',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "minus" => '−',
        "deg" => '°',
        "permil" => '‰',
        "micro" => 'µ',
        "para" => '¶',
        "sect" => '§',
        "cent" => '¢',
        "pound" => '£',
        "yen" => '¥',
        "euro" => '€',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "asymp" => '≈',
        "infin" => '∞',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "harr" => '↔',
        "prime" => '′',
        "Prime" => '″',
        "ordm" => 'º',
        "ordf" => 'ª',
        "iexcl" => '¡',
        "iquest" => '¿',
        "not" => '¬',
        "brvbar" => '¦',
        "curren" => '¤',
        "alpha" => 'α',
        "beta" => 'β',
        "gamma" => 'γ',
        "delta" => 'δ',
        "mu" => 'μ',
        "pi" => 'π',
        "sigma" => 'σ',
        "Omega" => 'Ω',
        _ => return None,
    })
}
