//! The checker of the hand-checked fact fixtures (`tests/fixtures/{facts,heldout,blind2}`),
//! which replaced the three `check.py` scripts: every `<name>.facts.tsv` next to a
//! `<name>.txt` must hold valid rows whose `quote == text[start..end]` (code points), sorted by
//! `start` and not overlapping, `relates_to` pointing at the start of another row, each subject
//! copied from the text; `facts/seed.txt` must be the source report byte for byte; each
//! `heldout/national-<year>.txt` excerpt must be whole paragraphs of the corpus report (when
//! `../shared/corpus` is there); the synthetic `blind2` texts are checked further (length,
//! planted not-facts, values recomputed from the quotes by a parser of their own, bound words,
//! the sign of changes). The glossary `glossary/indicators.csv` is validated too.
//!
//! Run: `cargo test -p gwr-extract --test fixture_sets -- --nocapture` (prints the row counts).

mod common;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use sha2::{Digest, Sha256};

const COLS: &[&str] = &[
    "start",
    "end",
    "quote",
    "value",
    "unit",
    "value_max",
    "qualifier",
    "measure",
    "status",
    "period",
    "subject",
    "relates_to",
    "borderline",
    "note",
];
const UNITS: &[&str] = &[
    "CNY",
    "USD",
    "m2",
    "m",
    "ton",
    "kwh",
    "percent",
    "percentage_point",
    "multiple",
    "count",
    "person_time",
    "other",
];
const QUALIFIERS: &[&str] = &["exact", "approx", "lower_bound", "upper_bound", "range"];
const MEASURES: &[&str] = &["level", "change", "share", "rate"];
const STATUSES: &[&str] = &["actual", "target", "forecast"];
const SEED_SHA256: &str = "b27ab57de98b33a75402aa3c8ddd7f2a3c4a7fc160868096eda197a8f329d954";

/// One row of a fixture, by column name, with where it is.
struct Row {
    at: String,
    cells: BTreeMap<&'static str, String>,
    span: Option<(usize, usize)>,
}

impl Row {
    fn get(&self, k: &str) -> &str {
        self.cells.get(k).map_or("", String::as_str)
    }
}

/// `-?[0-9]+(\.[0-9]+)?`
fn plain_decimal(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    digits(int) && frac.is_none_or(digits)
}

/// Checks one `<name>.facts.tsv`; returns its rows (empty when unreadable).
fn check_file(tsv: &Path, errors: &mut Vec<String>) -> (String, String, Vec<Row>) {
    let file = tsv.file_name().unwrap().to_string_lossy().to_string();
    let name = file.trim_end_matches(".facts.tsv").to_string();
    let txt = tsv.with_file_name(format!("{name}.txt"));
    let Ok(raw) = std::fs::read(&txt) else {
        errors.push(format!("{file}: missing {name}.txt"));
        return (name, String::new(), Vec::new());
    };
    let text = String::from_utf8(raw.clone()).expect("UTF-8 text");
    let chars: Vec<char> = text.chars().collect();
    let data = std::fs::read_to_string(tsv).expect("UTF-8 TSV");
    if data.contains('\r') {
        errors.push(format!("{file}: CR characters (use LF line endings)"));
    }
    let mut lines: Vec<&str> = data.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    if lines.first().map(|h| h.split('\t').collect::<Vec<_>>()) != Some(COLS.to_vec()) {
        errors.push(format!("{file}: header must be {COLS:?}"));
        return (name, text, Vec::new());
    }
    let mut rows = Vec::new();
    for (k, line) in lines.iter().enumerate().skip(1) {
        let at = format!("{file}:{}", k + 1);
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() != COLS.len() {
            errors.push(format!(
                "{at}: {} columns, expected {}",
                cells.len(),
                COLS.len()
            ));
            continue;
        }
        let mut r = Row {
            at: at.clone(),
            cells: COLS
                .iter()
                .copied()
                .zip(cells.iter().map(|c| c.to_string()))
                .collect(),
            span: None,
        };
        let (s, e) = match (
            r.get("start").parse::<usize>(),
            r.get("end").parse::<usize>(),
        ) {
            (Ok(s), Ok(e)) => (s, e),
            _ => {
                errors.push(format!("{at}: start/end not integers"));
                rows.push(r);
                continue;
            }
        };
        r.span = Some((s, e));
        let quote = r.get("quote");
        if !(s < e && e <= chars.len()) {
            errors.push(format!(
                "{at}: bad span {s}..{e} (text has {} code points)",
                chars.len()
            ));
        } else {
            let slice: String = chars[s..e].iter().collect();
            if slice != quote {
                errors.push(format!("{at}: quote {quote:?} != text[{s}:{e}] {slice:?}"));
            }
        }
        if quote != quote.trim() {
            errors.push(format!("{at}: quote has surrounding whitespace"));
        }
        if !plain_decimal(r.get("value")) {
            errors.push(format!(
                "{at}: value {:?} is not a plain decimal",
                r.get("value")
            ));
        }
        for (col, allowed) in [
            ("unit", UNITS),
            ("qualifier", QUALIFIERS),
            ("measure", MEASURES),
            ("status", STATUSES),
        ] {
            if !allowed.contains(&r.get(col)) {
                errors.push(format!("{at}: {col} {:?}", r.get(col)));
            }
        }
        if r.get("qualifier") == "range" {
            if !plain_decimal(r.get("value_max")) {
                errors.push(format!("{at}: range needs a numeric value_max"));
            } else if r.get("value_max").parse::<f64>().unwrap_or(0.0)
                < r.get("value").parse::<f64>().unwrap_or(0.0)
            {
                errors.push(format!("{at}: value_max < value"));
            }
        } else if !r.get("value_max").is_empty() {
            errors.push(format!("{at}: value_max set but qualifier is not range"));
        }
        let p = r.get("period");
        let year_ok = p.len() == 4
            && p.bytes().all(|b| b.is_ascii_digit())
            && (p.starts_with("19") || p.starts_with("20"));
        if !p.is_empty() && !year_ok {
            errors.push(format!("{at}: period {p:?}"));
        }
        let subject = r.get("subject");
        if subject.trim().is_empty() {
            errors.push(format!("{at}: empty subject"));
        } else if !text.contains(subject) {
            errors.push(format!(
                "{at}: subject {subject:?} is not copied from the text"
            ));
        }
        if !matches!(r.get("borderline"), "0" | "1") {
            errors.push(format!("{at}: borderline must be 0 or 1"));
        }
        rows.push(r);
    }
    let starts: HashSet<usize> = rows.iter().filter_map(|r| r.span.map(|s| s.0)).collect();
    let mut prev: Option<(usize, usize)> = None;
    for r in &rows {
        let Some((s, _e)) = r.span else { continue };
        if let Some((ps, pe)) = prev {
            if s < ps {
                errors.push(format!("{}: not sorted by start", r.at));
            }
            if s < pe {
                errors.push(format!("{}: overlaps the previous row", r.at));
            }
        }
        prev = r.span;
        let rel = r.get("relates_to");
        if !rel.is_empty() {
            match rel.parse::<usize>() {
                Ok(x) if !starts.contains(&x) || !rel.bytes().all(|b| b.is_ascii_digit()) => {
                    errors.push(format!("{}: relates_to {rel:?} is not a row start", r.at))
                }
                Ok(x) if x == s => errors.push(format!("{}: relates_to points at itself", r.at)),
                Ok(_) => {}
                Err(_) => errors.push(format!("{}: relates_to {rel:?} is not a row start", r.at)),
            }
        }
    }
    if name == "seed" && hex(&Sha256::digest(&raw)) != SEED_SHA256 {
        errors.push("seed.txt: not byte-identical to the source report (SHA-256 differs)".into());
    }
    (name, text, rows)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Checks every fixture of a set; returns the number of rows.
fn check_set(set: &str, extra: impl Fn(&str, &str, &[Row], &mut Vec<String>)) -> usize {
    let dir = common::fixture_dir(set);
    let mut errors = Vec::new();
    let mut total = 0;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".facts.tsv"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no *.facts.tsv in {}", dir.display());
    for tsv in files {
        let (name, text, rows) = check_file(&tsv, &mut errors);
        extra(&name, &text, &rows, &mut errors);
        let borderline = rows.iter().filter(|r| r.get("borderline") == "1").count();
        println!(
            "{set}/{name}.facts.tsv: {} rows ({borderline} borderline)",
            rows.len()
        );
        total += rows.len();
    }
    assert!(errors.is_empty(), "{set}:\n{}", errors.join("\n"));
    total
}

#[test]
fn facts_fixtures_are_valid() {
    let n = check_set("facts", |_, _, _, _| {});
    assert!(n > 300);
}

/// Each `"\n\n"`-separated block of a `national-<year>` excerpt must be a whole paragraph of
/// the corpus report (skipped when the corpus is absent).
#[test]
fn heldout_fixtures_are_valid() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/national-gwr-1954-2025.jsonl");
    let reports: Vec<serde_json::Value> = std::fs::read_to_string(&corpus)
        .map(|t| {
            t.lines()
                .filter_map(|l| serde_json::from_str(l).ok())
                .collect()
        })
        .unwrap_or_default();
    if reports.is_empty() {
        println!(
            "{}: absent, the excerpts are not compared",
            corpus.display()
        );
    }
    check_set("heldout", |name, text, _, errors| {
        let Some(year) = name.strip_prefix("national-") else {
            return;
        };
        if reports.is_empty() {
            return;
        }
        let content = reports
            .iter()
            .filter(|d| {
                d["year"].to_string().trim_matches('"') == year
                    && d["title"].as_str().unwrap_or("").ends_with("政府工作报告")
            })
            .filter_map(|d| d["content"].as_str())
            .next_back();
        let Some(content) = content else {
            errors.push(format!("{name}.txt: no {year} report in the corpus"));
            return;
        };
        let padded = format!("\n{content}\n");
        for block in text.split("\n\n") {
            if !padded.contains(&format!("\n{block}\n")) {
                let head: String = block.chars().take(20).collect();
                errors.push(format!(
                    "{name}.txt: block {head:?} is not a whole paragraph of the {year} report"
                ));
            }
        }
    });
}

#[test]
fn blind2_fixtures_are_valid() {
    let n = check_set("blind2", |name, text, rows, errors| {
        for r in rows {
            if r.span.is_some() {
                blind::check_row(text, r, errors);
            }
        }
        blind::check_text(name, text, rows, errors);
    });
    assert!(n > 0);
    for (name, _) in blind::NOT_FACTS {
        let tsv = common::fixture_dir("blind2").join(format!("{name}.facts.tsv"));
        assert!(tsv.exists(), "{name}.facts.tsv: missing");
    }
}

#[test]
fn the_glossary_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary/indicators.csv");
    let data = std::fs::read_to_string(&path).unwrap();
    assert!(!data.contains('\r'), "indicators.csv: CR characters");
    let rows: Vec<Vec<String>> = data.lines().map(csv_fields).collect();
    let header = [
        "code",
        "name_zh",
        "variants",
        "name_en",
        "unit",
        "measure",
        "description_en",
        "description_zh",
    ];
    assert_eq!(rows[0], header, "indicators.csv: header");
    let mut errors = Vec::new();
    let mut codes = HashSet::new();
    let mut owner: BTreeMap<String, String> = BTreeMap::new();
    for (k, row) in rows.iter().enumerate().skip(1) {
        let at = format!("indicators.csv:{}", k + 1);
        if row.len() != header.len() {
            errors.push(format!("{at}: {} columns", row.len()));
            continue;
        }
        let code = &row[0];
        let snake = code.starts_with(|c: char| c.is_ascii_lowercase())
            && code
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !snake || !codes.insert(code.clone()) {
            errors.push(format!("{at}: bad or duplicate code {code:?}"));
        }
        if !UNITS.contains(&row[4].as_str()) {
            errors.push(format!("{at}: unit {:?}", row[4]));
        }
        if !MEASURES.contains(&row[5].as_str()) {
            errors.push(format!("{at}: measure {:?}", row[5]));
        }
        let variants: Vec<&str> = row[2].split('|').collect();
        if !variants.contains(&row[1].as_str()) {
            errors.push(format!("{at}: name_zh is not among the variants"));
        }
        for v in variants {
            if v.trim().is_empty() || v != v.trim() {
                errors.push(format!("{at}: empty or padded variant {v:?}"));
            } else if let Some(o) = owner.get(v) {
                errors.push(format!("{at}: variant {v:?} also belongs to {o}"));
            } else {
                owner.insert(v.to_string(), code.clone());
            }
        }
        for col in [3, 6, 7] {
            if row[col].trim().is_empty() {
                errors.push(format!("{at}: empty {}", header[col]));
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// The fields of one CSV line (RFC 4180 quoting; the glossary has no line breaks in fields).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut it = line.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '"' if quoted && it.peek() == Some(&'"') => {
                cur.push('"');
                it.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// The checks of the synthetic `blind2` texts, with a value parser independent of the
/// extractor's scanner.
mod blind {
    use super::Row;

    /// Planted not-facts: each must occur in the text, and no row may overlap any occurrence.
    pub(super) const NOT_FACTS: &[(&str, &[&str])] = &[
        (
            "synth-province-2025",
            &[
                "第7位",
                "“十四五”",
                "第十四届",
                "第三次会议",
                "PM2.5",
                "2024年",
                "2025年",
                "1月20日",
                "一是",
                "二是",
                "三是",
                "第一产业",
                "第二产业",
                "第三产业",
            ],
        ),
        (
            "synth-town-2025",
            &[
                "〔2025〕3号",
                "2025-02-14 09:30",
                "浏览次数:1268",
                "第十九届",
                "第四次会议",
                "第六届",
                "1.抓产业",
                "2.抓建设",
                "3.抓民生",
                "“15分钟健身圈”",
                "(一)",
                "(二)",
                "(三)",
                "(四)",
                "2024年",
                "2025年2月12日",
                "1月24日",
                "2025年",
                "扫一扫",
            ],
        ),
        (
            "synth-county-trad-2025",
            &[
                "第十九屆",
                "第五次會議",
                "４Ａ級",
                "三級醫院",
                "ＰＭ２．５",
                "·３·",
                "２０２４年",
                "２０２５年",
                "「一件事一次辦」",
                "（一）",
                "（五）",
                "（七）",
                "２月１０日",
            ],
        ),
        (
            "synth-district-2025",
            &[
                "第八届",
                "第六次会议",
                "2020年",
                "2027年",
                "“高效办成一件事”",
                "“一老一小”",
                "12345热线",
                "PM2.5",
                "一是",
                "二是",
                "三是",
                "1月9日",
                "2024年",
                "2025年",
                "每千人口",
                "一次性",
            ],
        ),
        (
            "synth-city-2024",
            &[
                "18号线",
                "12345热线",
                "第五次会议",
                "第十七届",
                "“一网通办”",
                "5G",
                "前三位",
                "2023年",
                "3月起",
                "“15分钟生活圈”",
                "— 3 —",
                "二十大",
                "“十四五”",
                "过去五年",
                "一期",
                "1月16日",
                "年底前",
                "PM2.5",
                "2024年",
            ],
        ),
    ];

    const CN_DIGIT: &[(char, u64)] = &[
        ('零', 0),
        ('〇', 0),
        ('一', 1),
        ('二', 2),
        ('两', 2),
        ('兩', 2),
        ('三', 3),
        ('四', 4),
        ('五', 5),
        ('六', 6),
        ('七', 7),
        ('八', 8),
        ('九', 9),
    ];
    const CN_SMALL: &[(char, u64)] = &[('十', 10), ('百', 100), ('千', 1000)];
    const CN_BIG: &[(char, u64)] = &[
        ('万', 10_000),
        ('萬', 10_000),
        ('亿', 100_000_000),
        ('億', 100_000_000),
    ];
    const MULT: &[(&str, f64)] = &[
        ("万亿", 1e12),
        ("萬億", 1e12),
        ("亿", 1e8),
        ("億", 1e8),
        ("万", 1e4),
        ("萬", 1e4),
    ];
    const LOWER: &[&str] = &[
        "不少于",
        "不少於",
        "不低于",
        "不低於",
        "超过",
        "超過",
        "突破",
        "逾",
        "超",
    ];
    const APPROX_PRE: &[&str] = &["接近", "约", "約", "近"];
    const UPPER_PRE: &[&str] = &["不超过", "不超過"];
    const SUFFIX: &[(&str, &str)] = &[
        ("以上", "lower_bound"),
        ("以内", "upper_bound"),
        ("以內", "upper_bound"),
        ("以下", "upper_bound"),
        ("左右", "approx"),
        ("上下", "approx"),
    ];
    const UNIT_WORDS: &[(&str, &str, f64)] = &[
        ("微克/立方米", "other", 1.0),
        ("个百分点", "percentage_point", 1.0),
        ("個百分點", "percentage_point", 1.0),
        ("个工作日", "other", 1.0),
        ("個工作日", "other", 1.0),
        ("平方公里", "m2", 1e6),
        ("平方米", "m2", 1.0),
        ("立方米", "other", 1.0),
        ("千瓦时", "kwh", 1.0),
        ("千瓦時", "kwh", 1.0),
        ("千瓦", "other", 1.0),
        ("公顷", "m2", 1e4),
        ("公頃", "m2", 1e4),
        ("公里", "m", 1000.0),
        ("美元", "USD", 1.0),
        ("元", "CNY", 1.0),
        ("亩", "m2", 666.6667),
        ("畝", "m2", 666.6667),
        ("吨", "ton", 1.0),
        ("噸", "ton", 1.0),
        ("斤", "ton", 0.0005),
        ("米", "m", 1.0),
        ("%", "percent", 1.0),
        ("倍", "multiple", 1.0),
        ("人次", "person_time", 1.0),
        ("岁", "other", 1.0),
        ("歲", "other", 1.0),
        ("小时", "other", 1.0),
        ("套(间)", "count", 1.0),
        ("套(間)", "count", 1.0),
        ("台(套)", "count", 1.0),
        ("场次", "count", 1.0),
        ("場次", "count", 1.0),
        ("家次", "count", 1.0),
        ("户次", "count", 1.0),
    ];
    /// Single-character measure words of counts.
    const COUNT_CHARS: &str =
        "家户戶人名个個所座张張条條盏处處间間套幢件场場项項辆輛头頭支台次年大";
    const UP: &[&str] = &[
        "增长", "增長", "增加", "提高", "上升", "上涨", "上漲", "增产", "增產", "净增", "淨增",
        "扩大", "擴大",
    ];
    const DOWN: &[&str] = &[
        "下降", "减少", "減少", "降低", "削减", "削減", "压减", "壓減", "缩减", "縮減", "回落",
        "下滑",
    ];

    fn lookup(table: &[(char, u64)], c: char) -> Option<u64> {
        table.iter().find(|(k, _)| *k == c).map(|(_, v)| *v)
    }

    fn is_cn(c: char) -> bool {
        lookup(CN_DIGIT, c).is_some()
            || lookup(CN_SMALL, c).is_some()
            || lookup(CN_BIG, c).is_some()
    }

    /// A Chinese numeral (十三, 两万, 三百, 千亿, 二十一).
    fn cn_number(s: &str) -> f64 {
        let (mut total, mut section, mut digit) = (0u64, 0u64, 0u64);
        for c in s.chars() {
            if let Some(d) = lookup(CN_DIGIT, c) {
                digit = d;
            } else if let Some(m) = lookup(CN_SMALL, c) {
                section += digit.max(u64::from(digit == 0)) * m;
                digit = 0;
            } else if let Some(big) = lookup(CN_BIG, c) {
                section += digit;
                if total > 0 && total < big {
                    total = (total + section) * big;
                } else {
                    total += section.max(u64::from(section == 0)) * big;
                }
                section = 0;
                digit = 0;
            }
        }
        (total + section + digit) as f64
    }

    /// The leading number of `s` (Arabic with a magnitude, or Chinese) and the rest.
    fn parse_number(s: &str) -> (Option<f64>, &str) {
        let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
        if digits > 0 {
            let mut end = digits;
            if s[end..].starts_with('.') {
                let frac = s[end + 1..]
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(s.len() - end - 1);
                if frac > 0 {
                    end += 1 + frac;
                }
            }
            let mut val: f64 = s[..end].parse().unwrap_or(f64::NAN);
            let mut rest = &s[end..];
            for (w, m) in MULT {
                if let Some(r) = rest.strip_prefix(w) {
                    val *= m;
                    rest = r;
                    break;
                }
            }
            return (Some(val), rest);
        }
        let cn = s.find(|c: char| !is_cn(c)).unwrap_or(s.len());
        if cn > 0 {
            return (Some(cn_number(&s[..cn])), &s[cn..]);
        }
        (None, s)
    }

    /// Full-width ASCII forms and the ideographic space as ASCII (what NFKC does to these
    /// texts).
    fn narrow(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3000}' => ' ',
                _ => c,
            })
            .collect()
    }

    /// Thousands separators removed: a comma between a digit and exactly three digits.
    fn drop_separators(s: &str) -> String {
        let cs: Vec<char> = s.chars().collect();
        let mut out = String::new();
        for (i, &c) in cs.iter().enumerate() {
            let three = (1..=3).all(|k| cs.get(i + k).is_some_and(char::is_ascii_digit))
                && !cs.get(i + 4).is_some_and(char::is_ascii_digit);
            if c == ',' && i > 0 && cs[i - 1].is_ascii_digit() && three {
                continue;
            }
            out.push(c);
        }
        out
    }

    type Parsed = (f64, Option<f64>, &'static str, Option<&'static str>);

    /// (magnitude, value_max, unit, implied qualifier) of a quote.
    fn parse_quote(quote: &str) -> Result<Parsed, String> {
        let owned = drop_separators(&narrow(quote));
        let mut s: &str = &owned;
        let mut implied: Option<&'static str> = None;
        for w in UPPER_PRE.iter().chain(LOWER).chain(APPROX_PRE) {
            if let Some(r) = s.strip_prefix(w) {
                implied = Some(if UPPER_PRE.contains(w) {
                    "upper_bound"
                } else if LOWER.contains(w) {
                    "lower_bound"
                } else {
                    "approx"
                });
                s = r;
                break;
            }
        }
        for (w, q) in SUFFIX {
            if let Some(r) = s.strip_suffix(w) {
                implied = implied.or(Some(q));
                s = r;
                break;
            }
        }
        if s == "过半" || s == "過半" {
            return Ok((50.0, None, "percent", Some("lower_bound")));
        }
        if s == "一半" {
            return Ok((50.0, None, "percent", implied));
        }
        if let Some(n) = s.strip_prefix('翻').and_then(|r| r.strip_suffix('番')) {
            if n.chars().count() == 1 && "一两兩二三四".contains(n) {
                return Ok((2f64.powf(cn_number(n)) - 1.0, None, "multiple", implied));
            }
        }
        if let Some((a, b)) = s.split_once("分之") {
            if !a.is_empty() && !b.is_empty() && a.chars().chain(b.chars()).all(is_cn) {
                return Ok((
                    cn_number(b) / cn_number(a) * 100.0,
                    None,
                    "percent",
                    implied,
                ));
            }
        }
        if let Some(a) = s.strip_suffix('成') {
            if !a.is_empty() && a.chars().all(is_cn) {
                return Ok((cn_number(a) * 10.0, None, "percent", implied));
            }
        }
        let pct;
        if let Some(r) = s.strip_prefix("百分之") {
            pct = format!("{r}%");
            s = &pct;
        }
        let mut range: Option<(f64, f64)> = None;
        for sep in ["—", "-", "至", "到"] {
            if let Some((left, right)) = s.split_once(sep) {
                let (lo, lrest) = parse_number(left);
                let Some(lo) = lo.filter(|_| lrest.is_empty() || lrest == "%") else {
                    break;
                };
                let (hi, rest) = parse_number(right);
                let Some(hi) = hi else { break };
                range = Some((lo, hi));
                s = rest;
                implied = Some("range");
                break;
            }
        }
        let (val, vmax) = match range {
            Some((lo, hi)) => (lo, Some(hi)),
            None => {
                let (v, rest) = parse_number(s);
                s = rest;
                (v.ok_or(format!("no number in {quote:?}"))?, None)
            }
        };
        let strip_more = |s: &mut &str, implied: &mut Option<&'static str>| {
            for m in ["多", "余", "餘"] {
                if let Some(r) = s.strip_prefix(m) {
                    *implied = implied.or(Some("approx"));
                    *s = r;
                    break;
                }
            }
        };
        strip_more(&mut s, &mut implied);
        let (mut unit, mut factor) = ("count", 1.0);
        if !s.is_empty() {
            let mut words: Vec<(String, &'static str, f64)> = UNIT_WORDS
                .iter()
                .map(|(w, u, f)| (w.to_string(), *u, *f))
                .chain(COUNT_CHARS.chars().map(|c| (c.to_string(), "count", 1.0)))
                .collect();
            words.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.chars().count()));
            let hit = words.iter().find(|(w, _, _)| s.starts_with(w.as_str()));
            let Some((w, u, f)) = hit else {
                return Err(format!("unknown unit {s:?} in {quote:?}"));
            };
            unit = u;
            factor = *f;
            s = &s[w.len()..];
        }
        strip_more(&mut s, &mut implied);
        if !s.is_empty() {
            return Err(format!("unparsed tail {s:?} in {quote:?}"));
        }
        Ok((val * factor, vmax.map(|v| v * factor), unit, implied))
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 0.0001 + b.abs() * 1e-9
    }

    /// +1 / -1 from the last growth or decline verb in the 14 non-space chars before `start`.
    fn verb_sign(text: &str, start: usize) -> Option<i32> {
        let chars: Vec<char> = text.chars().collect();
        let from = start.saturating_sub(20);
        let window: Vec<char> = chars[from..start.min(chars.len())]
            .iter()
            .copied()
            .filter(|c| !c.is_whitespace())
            .collect();
        let window: String = window[window.len().saturating_sub(14)..].iter().collect();
        let mut best: Option<(usize, i32)> = None;
        for (words, sign) in [(UP, 1), (DOWN, -1)] {
            for w in words {
                if let Some(i) = window.rfind(w) {
                    if best.is_none_or(|(b, _)| i > b) {
                        best = Some((i, sign));
                    }
                }
            }
        }
        best.map(|(_, s)| s)
    }

    pub(super) fn check_row(text: &str, r: &Row, errors: &mut Vec<String>) {
        let at = &r.at;
        let quote = r.get("quote");
        let (mag, vmax, unit, implied) = match parse_quote(quote) {
            Ok(p) => p,
            Err(e) => {
                errors.push(format!("{at}: parser: {e}"));
                return;
            }
        };
        let Ok(val) = r.get("value").parse::<f64>() else {
            return;
        };
        if !close(val.abs(), mag) {
            errors.push(format!(
                "{at}: value {val} but the quote {quote:?} parses to {mag}"
            ));
        }
        if unit != r.get("unit") {
            errors.push(format!(
                "{at}: unit {} but the quote {quote:?} reads as {unit}",
                r.get("unit")
            ));
        }
        if let Some(vm) = vmax {
            let ok = r
                .get("value_max")
                .parse::<f64>()
                .is_ok_and(|x| close(x, vm));
            if !ok {
                errors.push(format!(
                    "{at}: value_max {:?} but the quote gives {vm}",
                    r.get("value_max")
                ));
            }
        }
        let q = r.get("qualifier");
        match implied {
            Some(i) if i != q => {
                errors.push(format!("{at}: qualifier {q} but the quote implies {i}"))
            }
            None if q != "exact" => errors.push(format!(
                "{at}: qualifier {q} but the quote has no bound word"
            )),
            _ => {}
        }
        let measure = r.get("measure");
        if val < 0.0 && measure != "change" {
            errors.push(format!("{at}: negative value on a {measure} row"));
        }
        if measure == "change" {
            let start = r.span.map_or(0, |s| s.0);
            match verb_sign(text, start) {
                Some(-1) if val > 0.0 => errors.push(format!(
                    "{at}: a decline verb precedes {quote:?} but the value is positive"
                )),
                Some(1) if val < 0.0 => errors.push(format!(
                    "{at}: a growth verb precedes {quote:?} but the value is negative"
                )),
                None if val < 0.0 => errors.push(format!(
                    "{at}: negative change without a decline verb before it"
                )),
                _ => {}
            }
        }
        if !r.get("relates_to").is_empty() && !matches!(measure, "change" | "share") {
            errors.push(format!(
                "{at}: relates_to on a {measure} row (only changes and shares point at a level)"
            ));
        }
    }

    pub(super) fn check_text(name: &str, text: &str, rows: &[Row], errors: &mut Vec<String>) {
        if !text.ends_with('\n') {
            errors.push(format!("{name}.txt: no trailing newline"));
        }
        let n = text.chars().count();
        if !(1500..=3000).contains(&n) {
            errors.push(format!(
                "{name}.txt: {n} code points (expected 1,500-3,000)"
            ));
        }
        let spans: Vec<(usize, usize)> = rows.iter().filter_map(|r| r.span).collect();
        let planted = NOT_FACTS
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&[][..], |(_, v)| *v);
        for nf in planted {
            // every occurrence, overlapping ones too
            let hits: Vec<usize> = text
                .char_indices()
                .filter(|(b, _)| text[*b..].starts_with(nf))
                .map(|(b, _)| text[..b].chars().count())
                .collect();
            if hits.is_empty() {
                errors.push(format!("{name}.txt: planted not-fact {nf:?} not found"));
            }
            let len = nf.chars().count();
            for i in hits {
                for &(s, e) in &spans {
                    if s < i + len && i < e {
                        errors.push(format!(
                            "{name}: a row at {s}..{e} overlaps the not-fact {nf:?} at {i}"
                        ));
                    }
                }
            }
        }
    }
}
