//! Numbers, their units and qualifier words.
//!
//! [`scan`] walks a text once and returns every numeric token as a [`NumberToken`]: its
//! code-point span (including adjacent qualifier words and the unit), the value normalised to
//! base units, the unit and measure word as written, the qualifier, and — when the number is
//! not a quantity a report claims — the [`Reject`] reason (a date, an ordinal, a name, a code, a
//! number whose measure word is missing…). Fact extraction (`gwr_extract::facts`) keeps the tokens
//! without a reject reason; quality checks can use the rejected ones (for instance
//! [`Reject::MissingUnit`] marks an Arabic number that has no measure word after it).
//!
//! Forms read:
//! - Arabic numbers with decimals, thousands separators (`27,203,319,000`, `２７，２０３`),
//!   full-width digits and points (`１．３`), and Chinese magnitudes (`4.37万`, `1.39万亿`,
//!   `2000多万`);
//! - Chinese numerals (`十三`, `一百二十`, `两万`, `三千五百万`, `〇`, `十二点五`);
//! - fractions and shares (`三分之一` → 33.33 %, `百分之五` → 5 %, `六成` → 60 %, `过半`, `半数`,
//!   `一半` → 50 %), doublings as the increase over the base, like `增长X倍` (`翻一番` → multiple 1,
//!   `翻两番` → 3);
//! - ranges (`3%—5%`, `3-5%`, `5至8个`, `3%到5%`): `value` is the lower end, `value_max` the
//!   upper end.
//!
//! Units are normalised to base units: yuan (`亿元` → ×10⁸), m² (`亩` → ×666.6667, `公顷` →
//! ×10⁴, `平方公里` → ×10⁶), m (`公里` → ×1000), ton (`公斤` → ×0.001, `斤` → ×0.0005), kWh;
//! percent as written; counts as counts (`近4万人次` → 40000 person-times). Units without a base
//! (千瓦, 立方米, 岁…) are [`Unit::Other`] with the value as written (Chinese magnitudes
//! applied).
//!
//! `value_raw` / `unit_raw` convention: when a unit follows an Arabic number, the Chinese
//! magnitude goes with the unit (`5.87亿元` → `5.87` + `亿元`, `近4万人次` → `4` + `万人次`), so
//! `value_raw` is the printed mantissa (its digits give the rounding of the number). When no
//! unit follows, or the number is written in Chinese numerals, the magnitude stays in
//! `value_raw` (`6600多万`, `三千五百万` + `元`). Shares and fractions keep their whole form in
//! `value_raw` (`六成`, `三分之一`, `百分之五`, `过半`) with an empty `unit_raw`, except
//! `百分之五`, whose unit_raw is `百分之`. A range's `value_raw` runs from the first number to the
//! second (`3%—5`), its `unit_raw` is the unit of the upper end.

use gwr_model::{Qualifier, Unit};

use lexicon::After;

mod lexicon;
pub mod text;

pub use lexicon::{is_unread_unit, unit_factor, UNREAD_UNITS};

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberForm {
    /// Arabic digits, possibly with a Chinese magnitude (4.37万).
    Arabic,
    /// Chinese numerals (十三, 两万).
    Chinese,
    /// A fraction (三分之一, 百分之五).
    Fraction,
    /// Tenths (六成).
    Tenths,
    /// Half (过半, 半数, 一半).
    Half,
    /// A doubling (翻一番, 翻两番).
    Doubling,
}

/// Why a numeric token is not a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reject {
    /// A year (2023年, 二〇二三年, 2019—2023年度) or a bare year-like number.
    Year,
    /// A date or time of day (1月10日, 3月, 第一季度, 10时).
    Date,
    /// A duration that is not a result (15分钟, 24小时, 3年).
    Duration,
    /// An ordinal (第八届, 第一).
    Ordinal,
    /// A number inside a name or slogan (18号线, 780弄, 50强, 十四五, 五个一, 十二星座).
    Name,
    /// An alphanumeric code (5G, M3, C919, PM2.5).
    Code,
    /// A list marker ((1), 1., 一、).
    ListMarker,
    /// A Chinese numeral in a set phrase (一批, 一件事, 千家万户, 万元GDP).
    Idiom,
    /// An indefinite number (数十, 十几, 三四个).
    Vague,
    /// An Arabic number with no unit or measure word after it (外出招商26落地).
    MissingUnit,
    /// An age threshold (60岁以上).
    Age,
    /// Arabic digits separated by spaces (`1 1 ％`, `7 4 7 7 2 亿元`): the number cannot be read
    /// safely (the spot is a `digits_split_by_space` quality issue).
    SplitDigits,
}

impl Reject {
    /// Stable snake_case name of the reason.
    pub fn as_str(self) -> &'static str {
        match self {
            Reject::Year => "year",
            Reject::Date => "date",
            Reject::Duration => "duration",
            Reject::Ordinal => "ordinal",
            Reject::Name => "name",
            Reject::Code => "code",
            Reject::ListMarker => "list_marker",
            Reject::Idiom => "idiom",
            Reject::Vague => "vague",
            Reject::MissingUnit => "missing_unit",
            Reject::Age => "age",
            Reject::SplitDigits => "split_digits",
        }
    }
}

/// One numeric token of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberToken {
    /// Code-point offset of the token's first character (a leading qualifier word if any).
    pub start: usize,
    /// Code-point offset after the token (after the unit and any trailing qualifier word).
    pub end: usize,
    /// Code-point offset of the number itself (after leading qualifier words).
    pub num_start: usize,
    /// Code-point offset after the number and its magnitude (before the unit).
    pub num_end: usize,
    /// Code-point offset where the unit starts (== `unit_end` when there is none).
    pub unit_start: usize,
    /// Code-point offset after the unit.
    pub unit_end: usize,
    /// Value in base units (unsigned; facts sign changes).
    pub value: f64,
    /// Upper end of a range, in base units.
    pub value_max: Option<f64>,
    /// Unit after normalisation; `None` when no unit or measure word follows.
    pub unit: Option<Unit>,
    /// The number as written (see the module docs for the convention).
    pub value_raw: String,
    /// The unit or measure word as written, with its magnitude (亿元, 万人次, %).
    pub unit_raw: String,
    /// Exact, approx, lower/upper bound or range.
    pub qualifier: Qualifier,
    /// The qualifier words found next to the number (约, 左右, 以上…).
    pub qualifier_words: Vec<&'static str>,
    /// How the number was written.
    pub form: NumberForm,
    /// Why the token is not a fact, if it is not.
    pub reject: Option<Reject>,
}

impl NumberToken {
    /// Whether the token is a quantity (no reject reason).
    pub fn is_fact(&self) -> bool {
        self.reject.is_none()
    }
}

/// Scans `text` once and returns every numeric token in text order (see the module docs).
///
/// ```
/// use gwr_numbers::scan;
/// let toks = scan("全年完成区级财政收入5.87亿元,同比增加14.5%。2023年");
/// assert_eq!(toks[0].value, 587_000_000.0);
/// assert_eq!(toks[0].unit_raw, "亿元");
/// assert!(toks[1].is_fact());
/// assert!(!toks[2].is_fact()); // a year
/// ```
pub fn scan(text: &str) -> Vec<NumberToken> {
    scan_chars(&crate::text::chars(text))
}

/// [`scan`] over text already split into chars (offsets index `chars`).
pub fn scan_chars(chars: &[char]) -> Vec<NumberToken> {
    let mut out: Vec<NumberToken> = Vec::new();
    let mut i = 0;
    let n = chars.len();
    while i < n {
        let c = chars[i];
        if !is_start_char(c) {
            i += 1;
            continue;
        }
        let (tok, next) = read_token(chars, i, out.last());
        if let Some(tok) = tok {
            out.push(tok);
        }
        i = next.max(i + 1);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Character classes

/// The chars a number can start with, besides the ASCII digits.
const START_CHARS: &[char] = &[
    '０', '１', '２', '３', '４', '５', '６', '７', '８', '９', '零', '〇', '一', '二', '两', '兩',
    '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '萬', '亿', '億', '半', '翻',
    '过',
];

/// [`START_CHARS`] as a bitmap: the scan rejects an ordinary char with one lookup.
static START_SET: crate::text::CharSet = crate::text::CharSet::new(START_CHARS);

#[inline]
fn is_start_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    START_SET.contains(c)
}

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' | '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_mult(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1000.0,
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        _ => return None,
    })
}

fn is_ascii_alpha(c: char) -> bool {
    c.is_ascii_alphabetic() || ('Ａ'..='Ｚ').contains(&c) || ('ａ'..='ｚ').contains(&c)
}

fn is_digit_any(c: char) -> bool {
    ascii_digit(c).is_some()
}

fn at(chars: &[char], i: usize) -> char {
    chars.get(i).copied().unwrap_or('\0')
}

/// Whether `chars[i..]` starts with `s`.
fn starts(chars: &[char], i: usize, s: &str) -> bool {
    (i..).zip(s.chars()).all(|(j, c)| at(chars, j) == c)
}

/// Whether `chars[..i]` ends with `s`; returns its length in chars.
fn ends(chars: &[char], i: usize, s: &str) -> Option<usize> {
    // backwards from i: most words fail on their last char, before any counting
    let mut j = i;
    for c in s.chars().rev() {
        if j == 0 || at(chars, j - 1) != c {
            return None;
        }
        j -= 1;
    }
    Some(i - j)
}

fn collect(chars: &[char], a: usize, b: usize) -> String {
    chars
        .get(a..b.min(chars.len()))
        .map(crate::text::string)
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Number cores

/// A parsed number without its unit.
#[derive(Debug, Clone)]
struct Core {
    start: usize,
    end: usize,
    /// Mantissa end (before the magnitude) for Arabic numbers.
    mant_end: usize,
    value: f64,
    form: NumberForm,
    /// Chinese numeral made of multipliers only (百, 千万).
    mult_only: bool,
    /// Chinese numeral written digit by digit (一九五六, 一二八).
    digit_seq: usize,
    /// Number of digits of an Arabic integer part.
    int_digits: usize,
    /// Whether a decimal point was read.
    has_decimal: bool,
    malformed: bool,
    /// 多/余 read inside the number.
    approx_word: Option<&'static str>,
    /// Fixed unit for forms that carry one (成, 分之, 过半, 翻番).
    fixed_unit: Option<Unit>,
    /// Qualifier implied by the form (过半 → lower bound).
    form_qual: Option<(Qualifier, &'static str)>,
}

fn read_arabic(chars: &[char], i: usize) -> Option<Core> {
    let mut j = i;
    let mut int: f64 = 0.0;
    let mut digits = 0usize;
    while let Some(d) = chars.get(j).and_then(|&c| ascii_digit(c)) {
        int = int * 10.0 + d as f64;
        digits += 1;
        j += 1;
    }
    if digits == 0 {
        return None;
    }
    // thousands separators: first group of 1-3 digits, then groups of exactly three
    if digits <= 3 {
        let mut k = j;
        let mut val = int;
        let mut groups = 0;
        loop {
            let sep = at(chars, k);
            if sep != ',' && sep != '，' {
                break;
            }
            let g: Vec<u32> = (1..=3)
                .filter_map(|o| chars.get(k + o).and_then(|&c| ascii_digit(c)))
                .collect();
            if g.len() != 3 || is_digit_any(at(chars, k + 4)) {
                break;
            }
            // three digits each, contiguous
            if (1..=3).any(|o| chars.get(k + o).and_then(|&c| ascii_digit(c)).is_none()) {
                break;
            }
            val = val * 1000.0 + (g[0] * 100 + g[1] * 10 + g[2]) as f64;
            k += 4;
            groups += 1;
        }
        if groups > 0 {
            int = val;
            digits += groups * 3;
            j = k;
        }
    }
    let mut value = int;
    let mut has_decimal = false;
    let p = at(chars, j);
    if (p == '.' || p == '．') && is_digit_any(at(chars, j + 1)) {
        let mut k = j + 1;
        let mut scale = 0.1;
        while let Some(d) = chars.get(k).and_then(|&c| ascii_digit(c)) {
            value += d as f64 * scale;
            scale /= 10.0;
            k += 1;
        }
        // fix float drift by re-parsing the printed digits
        let s: String = chars[i..k]
            .iter()
            .filter_map(|&c| {
                ascii_digit(c)
                    .map(|d| char::from(b'0' + d as u8))
                    .or(if c == '.' || c == '．' {
                        Some('.')
                    } else {
                        None
                    })
            })
            .collect();
        if let Ok(v) = s.parse::<f64>() {
            if groups_free(chars, i, k) {
                value = v;
            }
        }
        has_decimal = true;
        j = k;
    }
    Some(Core {
        start: i,
        end: j,
        mant_end: j,
        value,
        form: NumberForm::Arabic,
        mult_only: false,
        digit_seq: 0,
        int_digits: digits,
        has_decimal,
        malformed: false,
        approx_word: None,
        fixed_unit: None,
        form_qual: None,
    })
}

fn groups_free(chars: &[char], a: usize, b: usize) -> bool {
    !chars[a..b].iter().any(|&c| c == ',' || c == '，')
}

/// Reads 多/余 and a Chinese magnitude after an Arabic number.
fn read_magnitude(chars: &[char], core: &mut Core) {
    let mut j = core.end;
    let approx = |c: char| match c {
        '多' => Some("多"),
        '余' | '餘' => Some("余"),
        _ => None,
    };
    if let Some(w) = approx(at(chars, j)) {
        if cn_mult(at(chars, j + 1)).is_some_and(|m| m >= 1e4) {
            core.approx_word = Some(w);
            j += 1;
        }
    }
    let mut mult = 1.0;
    let mut count = 0;
    while count < 2 {
        let c = at(chars, j);
        let m = match c {
            '万' | '萬' | '亿' | '億' => cn_mult(c),
            '千' => {
                let nx = at(chars, j + 1);
                // 千米, 千瓦, 千克, 千伏, 千帕, 千焦, 千卡, 千升 are units of their own (the
                // validator's AFTER_QIAN_UNIT lists the same characters)
                if matches!(nx, '米' | '瓦' | '克' | '伏' | '帕' | '焦' | '卡' | '升') {
                    None
                } else {
                    Some(1000.0)
                }
            }
            '百' => {
                let nx = at(chars, j + 1);
                if nx == '分' {
                    None
                } else {
                    Some(100.0)
                }
            }
            _ => None,
        };
        match m {
            Some(m) => {
                // 千 and 百 only before 万/亿 or at the first position
                mult *= m;
                j += 1;
                count += 1;
            }
            None => break,
        }
    }
    if count > 0 {
        core.value *= mult;
        core.end = j;
    }
    if core.approx_word.is_none() {
        if let Some(w) = approx(at(chars, j)) {
            core.approx_word = Some(w);
            core.end = j + 1;
        }
    }
}

/// Reads a run of Chinese numerals at `i`.
fn read_chinese(chars: &[char], i: usize) -> Option<Core> {
    let mut j = i;
    let mut yi_total = 0.0f64;
    let mut wan_total = 0.0f64;
    let mut section = 0.0f64;
    let mut num: Option<f64> = None;
    let mut last_small_mult = f64::INFINITY;
    let mut malformed = false;
    let mut digit_run = 0usize;
    let mut max_digit_run = 0usize;
    let mut any_digit = false;
    let mut any_mult = false;
    let mut seq_value = 0.0f64;
    let mut prev_was_mult = false;
    let mut inner_approx: Option<&'static str> = None;
    while j < chars.len() {
        let c = chars[j];
        // 四亿零七百多万: 多/余 before a later magnitude
        if matches!(c, '多' | '余' | '餘')
            && inner_approx.is_none()
            && (num.is_some() || section > 0.0)
            && matches!(at(chars, j + 1), '万' | '萬' | '亿' | '億')
        {
            inner_approx = Some(if c == '多' { "多" } else { "余" });
            j += 1;
            continue;
        }
        if let Some(d) = cn_digit(c) {
            // 两 only as a numeral before a multiplier or a measure word: keep as digit
            if num.is_some() && !(c == '零' || c == '〇') && digit_run > 0 {
                // digit after digit: written digit by digit
            }
            if c == '零' && any_mult && digit_run == 0 {
                // 一千零五: 零 is a place holder
                j += 1;
                continue;
            }
            digit_run += 1;
            max_digit_run = max_digit_run.max(digit_run);
            seq_value = seq_value * 10.0 + d as f64;
            num = Some(d as f64);
            any_digit = true;
            prev_was_mult = false;
            j += 1;
            continue;
        }
        if let Some(m) = cn_mult(c) {
            if max_digit_run > 1 {
                malformed = true;
            }
            digit_run = 0;
            any_mult = true;
            if m < 1e4 {
                if prev_was_mult && num.is_none() {
                    // 十百千万, 千百万
                    malformed = true;
                }
                if m >= last_small_mult {
                    malformed = true;
                }
                let n = num.take().unwrap_or(1.0);
                section += n * m;
                last_small_mult = m;
            } else if m == 1e4 {
                let s = section + num.take().unwrap_or(0.0);
                let s = if s == 0.0 { 1.0 } else { s };
                wan_total += s * 1e4;
                section = 0.0;
                last_small_mult = f64::INFINITY;
            } else {
                let s = wan_total + section + num.take().unwrap_or(0.0);
                let s = if s == 0.0 { 1.0 } else { s };
                yi_total += s * 1e8;
                wan_total = 0.0;
                section = 0.0;
                last_small_mult = f64::INFINITY;
            }
            prev_was_mult = true;
            j += 1;
            continue;
        }
        break;
    }
    if j == i {
        return None;
    }
    // a digit after a completed multiplier group that is followed by another digit (十四五)
    if any_mult && max_digit_run > 1 {
        malformed = true;
    }
    let digit_seq = if !any_mult && max_digit_run > 1 {
        max_digit_run
    } else {
        0
    };
    let mut value = if digit_seq > 0 {
        seq_value
    } else {
        yi_total + wan_total + section + num.unwrap_or(0.0)
    };
    let mut end = j;
    let mut has_decimal = false;
    // Chinese decimal: 十二点五
    if (at(chars, j) == '点' || at(chars, j) == '點')
        && cn_digit(at(chars, j + 1)).is_some()
        && digit_seq == 0
    {
        let mut k = j + 1;
        let mut scale = 0.1;
        let mut frac = 0.0;
        while let Some(d) = cn_digit(at(chars, k)) {
            frac += d as f64 * scale;
            scale /= 10.0;
            k += 1;
        }
        // 二点五万: magnitude after the decimal
        let mut mult = 1.0;
        if let Some(m) = cn_mult(at(chars, k)).filter(|&m| m >= 1e4) {
            mult = m;
            k += 1;
            if let Some(m2) = cn_mult(at(chars, k)).filter(|&m2| m2 >= 1e4) {
                mult *= m2;
                k += 1;
            }
            // the integer part already multiplied? only when no multiplier was read
        }
        if !any_mult || mult == 1.0 {
            value = (value + frac) * mult;
            end = k;
            has_decimal = true;
        }
    }
    Some(Core {
        start: i,
        end,
        mant_end: end,
        value,
        form: NumberForm::Chinese,
        mult_only: any_mult && !any_digit,
        digit_seq,
        int_digits: 0,
        has_decimal,
        malformed,
        approx_word: inner_approx,
        fixed_unit: None,
        form_qual: None,
    })
}

fn read_core(chars: &[char], i: usize) -> Option<Core> {
    let c = at(chars, i);
    // special forms first
    if c == '过' || c == '半' || c == '一' {
        for (w, q) in [
            ("过半", Some((Qualifier::LowerBound, "过半"))),
            ("半数", None),
            ("一半", None),
        ] {
            if starts(chars, i, w) {
                return Some(Core {
                    start: i,
                    end: i + 2,
                    mant_end: i + 2,
                    value: 50.0,
                    form: NumberForm::Half,
                    mult_only: false,
                    digit_seq: 0,
                    int_digits: 0,
                    has_decimal: false,
                    malformed: false,
                    approx_word: None,
                    fixed_unit: Some(Unit::Percent),
                    form_qual: q,
                });
            }
        }
    }
    if c == '翻' {
        // the increase over the base, as with 增长X倍: 翻N番 → 2^N − 1
        let (len, v) = if starts(chars, i, "翻一番") || starts(chars, i, "翻了一番") {
            (if at(chars, i + 1) == '了' { 4 } else { 3 }, 1.0)
        } else if starts(chars, i, "翻两番")
            || starts(chars, i, "翻了两番")
            || starts(chars, i, "翻兩番")
            || starts(chars, i, "翻了兩番")
        {
            (if at(chars, i + 1) == '了' { 4 } else { 3 }, 3.0)
        } else if starts(chars, i, "翻三番") {
            (3, 7.0)
        } else if starts(chars, i, "翻番") || starts(chars, i, "翻了一倍") {
            if starts(chars, i, "翻番") {
                (2, 1.0)
            } else {
                (4, 1.0)
            }
        } else {
            return None;
        };
        return Some(Core {
            start: i,
            end: i + len,
            mant_end: i + len,
            value: v,
            form: NumberForm::Doubling,
            mult_only: false,
            digit_seq: 0,
            int_digits: 0,
            has_decimal: false,
            malformed: false,
            approx_word: None,
            fixed_unit: Some(Unit::Multiple),
            form_qual: None,
        });
    }
    if ascii_digit(c).is_some() {
        let mut core = read_arabic(chars, i)?;
        // 1/3: a fraction of small integers
        if matches!(at(chars, core.end), '/' | '／')
            && !core.has_decimal
            && core.int_digits <= 2
            && ascii_digit(at(chars, core.end + 1)).is_some()
        {
            if let Some(den) = read_arabic(chars, core.end + 1) {
                let nx = at(chars, den.end);
                if !den.has_decimal
                    && den.value > core.value
                    && den.value <= 100.0
                    && !is_digit_any(nx)
                    && nx != '/'
                    && !is_ascii_alpha(nx)
                {
                    core.value = core.value / den.value * 100.0;
                    core.end = den.end;
                    core.mant_end = den.end;
                    core.form = NumberForm::Fraction;
                    core.fixed_unit = Some(Unit::Percent);
                    return Some(core);
                }
            }
        }
        read_magnitude(chars, &mut core);
        return Some(core);
    }
    if cn_digit(c).is_some() || cn_mult(c).is_some() {
        let mut core = read_chinese(chars, i)?;
        // fraction X分之Y
        if starts(chars, core.end, "分之") {
            let y_start = core.end + 2;
            let y = if ascii_digit(at(chars, y_start)).is_some() {
                read_arabic(chars, y_start)
            } else {
                read_chinese(chars, y_start)
            };
            if let Some(y) = y {
                if core.value > 0.0 && !core.malformed && !y.malformed {
                    let pct = y.value / core.value * 100.0;
                    return Some(Core {
                        start: i,
                        end: y.end,
                        mant_end: y.end,
                        value: pct,
                        form: NumberForm::Fraction,
                        mult_only: false,
                        digit_seq: 0,
                        int_digits: 0,
                        has_decimal: y.has_decimal,
                        malformed: false,
                        approx_word: None,
                        fixed_unit: Some(Unit::Percent),
                        form_qual: None,
                    });
                }
            }
        }
        // 六成, 七成五? (only 一..十 followed by 成)
        if at(chars, core.end) == '成'
            && !core.mult_only
            && core.digit_seq == 0
            && core.value >= 2.0
            && core.value <= 10.0
        {
            // not 成为/成立/成功/成本/成果/成效/成交/成绩/成员/成都/成熟/成型/成长 …
            let nx = at(chars, core.end + 1);
            if !matches!(
                nx,
                '为' | '立'
                    | '功'
                    | '本'
                    | '果'
                    | '效'
                    | '交'
                    | '绩'
                    | '员'
                    | '都'
                    | '熟'
                    | '型'
                    | '长'
                    | '品'
                    | '就'
                    | '片'
                    | '套'
                    | '規'
                    | '规'
                    | '了'
            ) {
                let mut end = core.end + 1;
                let mut v = core.value * 10.0;
                // 七成五
                if let Some(d) = cn_digit(at(chars, end)) {
                    if !is_start_char(at(chars, end + 1)) && !matches!(at(chars, end + 1), '成') {
                        v += d as f64;
                        end += 1;
                    }
                }
                core.value = v;
                core.end = end;
                core.mant_end = end;
                core.form = NumberForm::Tenths;
                core.fixed_unit = Some(Unit::Percent);
                return Some(core);
            }
        }
        // 多/余 inside a Chinese number (三十余, 一百多)
        let c2 = at(chars, core.end);
        if (c2 == '多' || c2 == '余' || c2 == '餘') && !core.malformed && core.digit_seq == 0 {
            core.approx_word = Some(if c2 == '多' { "多" } else { "余" });
            core.end += 1;
            // 一百多万
            if let Some(m) = cn_mult(at(chars, core.end)).filter(|&m| m >= 1e4) {
                core.value *= m;
                core.end += 1;
            }
        }
        return Some(core);
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Units and what may follow a number

fn match_after(chars: &[char], i: usize) -> Option<(usize, After)> {
    let c = at(chars, i);
    if c == '\0' {
        return None;
    }
    // 900多万个体工商户: 个 of 个体 is no measure word
    if matches!(c, '个' | '個') && matches!(at(chars, i + 1), '体' | '體') {
        return None;
    }
    lexicon::after_at(chars, i)
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// Reads the token starting at `i`; returns it (if any) and where scanning goes on.
fn read_token(
    chars: &[char],
    i: usize,
    prev: Option<&NumberToken>,
) -> (Option<NumberToken>, usize) {
    let Some(mut core) = read_core(chars, i) else {
        return (None, i + 1);
    };
    let prev_c = if i > 0 { at(chars, i - 1) } else { '\0' };
    let mut reject: Option<Reject> = None;

    // a Chinese numeral glued to a preceding one in a special form (一 of 翻一番 handled there)
    if core.form == NumberForm::Arabic
        && (is_ascii_alpha(prev_c)
            || prev_c == '.'
            || prev_c == '-' && is_ascii_alpha(at(chars, i.wrapping_sub(2))))
    {
        reject = Some(Reject::Code);
    }
    // 7 4 7 7 2 亿元: digits split by spaces would be read as their last group only
    if core.form == NumberForm::Arabic && reject.is_none() {
        let is_gap = |c: char| matches!(c, ' ' | '\u{a0}');
        let is_part = |c: char| is_digit_any(c) || matches!(c, '.' | '．');
        let split_before = i >= 2
            && ((is_gap(at(chars, i - 1)) && is_part(at(chars, i - 2)))
                || (matches!(at(chars, i - 1), '.' | '．') && is_gap(at(chars, i - 2))));
        let split_after = is_gap(at(chars, core.end)) && is_part(at(chars, core.end + 1));
        if split_before || split_after {
            reject = Some(Reject::SplitDigits);
        }
    }
    if core.form == NumberForm::Arabic && is_ascii_alpha(at(chars, core.end)) {
        reject = Some(Reject::Code);
    }

    // unit
    let mut unit_start = core.end;
    let mut unit: Option<Unit> = core.fixed_unit;
    let mut factor = 1.0;
    let mut unit_end = core.end;
    let mut after_kind: Option<After> = None;
    if core.fixed_unit.is_none() {
        let mut found = match_after(chars, core.end);
        let mut gap = 0;
        if found.is_none() && matches!(at(chars, core.end), ' ' | '\u{a0}' | '\u{3000}') {
            found = match_after(chars, core.end + 1).filter(|(_, a)| matches!(a, After::Unit(..)));
            gap = 1;
        }
        if let Some((len, a)) = found {
            let len = len + gap;
            after_kind = Some(a);
            if let After::Unit(u, f) = a {
                if core.fixed_unit.is_none() {
                    unit = Some(u);
                    factor = f;
                    unit_end = core.end + len;
                }
            } else {
                unit_end = core.end + len;
            }
        }
    }
    let cn_big = core.form == NumberForm::Chinese
        && !core.mult_only
        && !core.malformed
        && core.digit_seq == 0
        && core.value >= 1e4
        && ('\u{4e00}'..='\u{9fff}').contains(&at(chars, core.end));
    if cn_big && unit.is_none() && after_kind.is_none() {
        // 四千二百多万农民: the counted noun follows the magnitude
        unit = Some(Unit::Count);
    }
    if core.form == NumberForm::Chinese
        && unit.is_none()
        && after_kind.is_none()
        && core.approx_word.is_none()
    {
        // a Chinese numeral followed by no unit: a word such as 统一, 一是, 万众一心
        return (None, core.end);
    }
    if unit_start == unit_end && unit.is_none() {
        unit_start = core.end;
    } else if unit.is_some() && core.fixed_unit.is_none() {
        // skip a space between the number and its unit
        unit_start = unit_end - unit_len_at(chars, unit_start, unit_end);
    }

    // range: number [unit] sep number [unit]
    let mut value_max: Option<f64> = None;
    let mut range_end_core: Option<Core> = None;
    if matches!(
        core.form,
        NumberForm::Arabic | NumberForm::Chinese | NumberForm::Fraction
    ) {
        let sep_pos = unit_end;
        let sep = at(chars, sep_pos);
        let sep_len = if sep == '—' && at(chars, sep_pos + 1) == '—' {
            2
        } else if matches!(
            sep,
            '—' | '–' | '-' | '－' | '～' | '~' | '〜' | '至' | '到'
        ) {
            1
        } else {
            0
        };
        if sep_len > 0 {
            let j = sep_pos + sep_len;
            let second = if core.form == NumberForm::Fraction {
                if starts(chars, j, "百分之") {
                    read_core(chars, j)
                } else if starts(chars, core.start, "百分之") && cn_digit(at(chars, j)).is_some()
                {
                    // 百分之八至九: the second end is a bare numeral, a percent as the first
                    read_core(chars, j)
                        .filter(|s| s.form == NumberForm::Chinese && s.fixed_unit.is_none())
                        .map(|mut s| {
                            s.fixed_unit = Some(Unit::Percent);
                            s
                        })
                } else {
                    None
                }
            } else if (core.form == NumberForm::Arabic && ascii_digit(at(chars, j)).is_some())
                || (core.form == NumberForm::Chinese
                    && (cn_digit(at(chars, j)).is_some() || cn_mult(at(chars, j)).is_some()))
            {
                read_core(chars, j)
            } else {
                None
            };
            if let Some(second) = second {
                if !second.malformed && second.digit_seq == 0 {
                    let (u2, f2, len2, a2) =
                        match (second.fixed_unit, match_after(chars, second.end)) {
                            (Some(u), _) => (Some(u), 1.0, 0, None),
                            (None, Some((len, After::Unit(u, f)))) => {
                                (Some(u), f, len, Some(After::Unit(u, f)))
                            }
                            (None, Some((len, a))) => (None, 1.0, len, Some(a)),
                            (None, None) => (None, 1.0, 0, None),
                        };
                    let units_agree = match (unit, u2) {
                        (Some(a), Some(b)) => a == b,
                        (None, Some(_)) => unit_end == core.end,
                        (Some(_), None) => false,
                        (None, None) => false,
                    };
                    let is_date_range = matches!(
                        a2,
                        Some(After::Date)
                            | Some(After::Duration)
                            | Some(After::Name)
                            | Some(After::Age)
                    );
                    if units_agree || is_date_range {
                        if unit.is_none() {
                            unit = u2;
                            factor = f2;
                        }
                        if is_date_range {
                            after_kind = a2;
                        }
                        let second_mult = if core.form == NumberForm::Arabic && second.value > 0.0 {
                            // 3-5万: the magnitude of the second applies to the first
                            let m1 = magnitude_of(chars, &core);
                            let m2 = magnitude_of(chars, &second);
                            if m1 == 1.0 && m2 > 1.0 {
                                core.value *= m2;
                            }
                            1.0
                        } else {
                            1.0
                        };
                        value_max = Some(second.value * second_mult);
                        unit_start = second.end;
                        unit_end = second.end + len2;
                        range_end_core = Some(second);
                    }
                }
            }
        }
    }

    // trailing qualifier words
    let mut qualifier = Qualifier::Exact;
    let mut words: Vec<&'static str> = Vec::new();
    let mut end = unit_end;
    if let Some(w) = core.approx_word {
        words.push(w);
        qualifier = Qualifier::Approx;
    }
    if let Some((q, w)) = core.form_qual {
        words.push(w);
        qualifier = q;
    }
    // durations too: 压缩至1个工作日以内 is a result with a bound
    if unit.is_some()
        || core.form == NumberForm::Half
        || matches!(after_kind, Some(After::Duration))
    {
        if let Some((w, q, len)) = lexicon::suffix_qualifier_at(chars, end) {
            // 以上 before 率/的/年 etc. is still a bound: 60%以上
            words.push(w);
            if qualifier == Qualifier::Exact
                || qualifier == Qualifier::Approx
                || q != Qualifier::Approx
            {
                qualifier = q;
            }
            end += len;
        }
    }
    // leading qualifier words
    let mut start = core.start;
    if let Some((w, q, len)) = lexicon::prefix_qualifier_before(chars, core.start) {
        // 约 of 签约, 合约, 节约, 制约 is no qualifier
        let contract = w == "约"
            && core.start >= 2
            && "签合预节制公条婚违履契集".contains(at(chars, core.start - 2));
        if !contract {
            // 超 of 超额/超过 only directly before the number
            start = core.start - len;
            words.insert(0, w);
            if qualifier == Qualifier::Exact {
                qualifier = q;
            }
        }
    }
    // 上千万, 上万, 上百: lower bound of a multiplier-only numeral
    if start == core.start && core.mult_only && prev_c == '上' {
        start = core.start - 1;
        words.insert(0, "上");
        qualifier = Qualifier::LowerBound;
    }
    if value_max.is_some() {
        qualifier = Qualifier::Range;
    }

    // ---- reject reasons
    let lead_c = if start > 0 {
        at(chars, start - 1)
    } else {
        '\0'
    };
    if reject.is_none() && (lead_c == '第' || (lead_c == '初' && core.form == NumberForm::Chinese))
    {
        reject = Some(Reject::Ordinal);
    }
    // 亿元以上项目, 千万元级企业, 百亿级产业集群: a size class, not an amount
    if reject.is_none()
        && core.mult_only
        && (words.contains(&"以上") || matches!(at(chars, end), '级' | '以'))
    {
        reject = Some(Reject::Name);
    }
    if reject.is_none() {
        reject = match after_kind {
            Some(After::Date) => {
                let int4 = core.form == NumberForm::Arabic
                    && core.int_digits == 4
                    && !core.has_decimal
                    && (1800.0..=2200.0).contains(&core.value);
                if int4 || core.digit_seq == 4 {
                    Some(Reject::Year)
                } else if at(chars, core.end) == '年'
                    && !starts(chars, core.end, "年度")
                    && !starts(chars, core.end, "年代")
                {
                    Some(Reject::Duration)
                } else {
                    Some(Reject::Date)
                }
            }
            Some(After::Duration) => {
                if at(chars, core.end) == '天' && days_counted_before(chars, start) {
                    // 空气质量优良天数达到335天: a count of days
                    unit = Some(Unit::Count);
                    None
                } else if result_verb_before(chars, start) {
                    unit = Some(Unit::Other);
                    None
                } else {
                    Some(Reject::Duration)
                }
            }
            Some(After::Name) => Some(Reject::Name),
            Some(After::Age) => {
                // 人均预期寿命78.2岁 is a measure; 60岁以上 is an age threshold
                let bound = ["以上", "以下", "及以上", "至"]
                    .iter()
                    .any(|w| starts(chars, unit_end, w));
                if !bound && words.is_empty() && !(lead_c == '的' || lead_c == '对') {
                    unit = Some(Unit::Other);
                    None
                } else {
                    Some(Reject::Age)
                }
            }
            _ => None,
        };
    }
    if reject.is_none() && (lead_c == '第' || (lead_c == '初' && core.form == NumberForm::Chinese))
    {
        reject = Some(Reject::Ordinal);
    }
    // 亿元以上项目, 千万元级企业, 百亿级产业集群: a size class, not an amount
    if reject.is_none()
        && core.mult_only
        && (words.contains(&"以上") || matches!(at(chars, end), '级' | '以'))
    {
        reject = Some(Reject::Name);
    }
    if reject.is_none() && core.form == NumberForm::Chinese && matches!(lead_c, '周' | '星') {
        reject = Some(Reject::Date);
    }
    if reject.is_none()
        && ((matches!(lead_c, '数' | '几' | '幾') && core.form == NumberForm::Chinese)
            || ends(chars, start, "若干").is_some()
            || at(chars, core.end) == '几')
    {
        reject = Some(Reject::Vague);
    }
    if reject.is_none() && core.form == NumberForm::Chinese {
        reject = chinese_reject(chars, &core, unit, unit_start, unit_end, start, prev);
    }
    if reject.is_none() && core.form == NumberForm::Arabic && unit.is_none() {
        // 6600多万纳税人: a magnitude and the counted noun right after it
        let nx = at(chars, core.end);
        if magnitude_of(chars, &core) >= 1e4
            && !is_ascii_alpha(nx)
            && !is_digit_any(nx)
            && after_kind.is_none()
        {
            unit = Some(Unit::Count);
        } else {
            reject = Some(arabic_without_unit(chars, &core, start));
            if reject == Some(Reject::MissingUnit) && ratio_before(chars, &core, start) {
                unit = Some(Unit::Other);
                reject = None;
            }
        }
    }
    if reject.is_none()
        && core.form == NumberForm::Arabic
        && matches!(at(chars, unit_start), '期')
        && at(chars, unit_start) == '期'
    {
        // 二期 is a phase name; 3期 after 号线 too
        if ends(chars, core.start, "号线").is_some() {
            reject = Some(Reject::Name);
        }
    }
    if reject.is_none() && unit == Some(Unit::Count) {
        // 第五次会议, 四次党代会
        let u_end = unit_end;
        let c0 = at(chars, unit_start);
        if c0 == '次' {
            for w in [
                "会议",
                "全会",
                "全体会议",
                "代表大会",
                "党代会",
                "常委会",
                "會議",
                "全會",
                "全體會議",
                "代表大會",
                "黨代會",
                "常委會",
            ] {
                if starts(chars, u_end, w) {
                    reject = Some(Reject::Name);
                }
            }
            if let Some(p) = prev {
                if p.end == start && matches!(p.reject, Some(Reject::Name)) {
                    reject = Some(Reject::Name);
                }
            }
        }
        // 两位数
        if c0 == '位' && at(chars, u_end) == '数' {
            reject = Some(Reject::Name);
        }
        // 保持全区前三位, 进入全国前10名: a rank, not a count
        if matches!(c0, '位' | '名') && lead_c == '前' && unit_end == unit_start + 1 {
            reject = Some(Reject::Ordinal);
        }
    }
    // inside a short quotation: “五个一”, “12345”
    if reject.is_none() && core.form != NumberForm::Arabic && in_short_quote(chars, start, end) {
        reject = Some(Reject::Name);
    }

    let (value_raw, unit_raw) = raw_parts(
        chars,
        &core,
        range_end_core.as_ref(),
        unit_start,
        unit_end,
        unit.is_some(),
    );
    let value = core.value * factor;
    let value_max = value_max.map(|v| v * factor);
    let (value, value_max) = match value_max {
        Some(m) if m < value => (m, Some(value)),
        other => (value, other),
    };
    let next = end;
    let tok = NumberToken {
        start,
        end,
        num_start: core.start,
        num_end: core.end,
        unit_start,
        unit_end,
        value,
        value_max,
        unit,
        value_raw,
        unit_raw,
        qualifier,
        qualifier_words: words,
        form: core.form,
        reject,
    };
    (Some(tok), next)
}

/// Length of the unit word ending at `unit_end` (without a space before it).
fn unit_len_at(chars: &[char], unit_start: usize, unit_end: usize) -> usize {
    let mut s = unit_start;
    while s < unit_end && matches!(at(chars, s), ' ' | '\u{a0}' | '\u{3000}') {
        s += 1;
    }
    unit_end - s
}

fn magnitude_of(chars: &[char], core: &Core) -> f64 {
    let mut m = 1.0;
    for k in core.mant_end..core.end {
        if let Some(x) = cn_mult(at(chars, k)) {
            m *= x;
        }
    }
    m
}

fn raw_parts(
    chars: &[char],
    core: &Core,
    second: Option<&Core>,
    unit_start: usize,
    unit_end: usize,
    has_unit: bool,
) -> (String, String) {
    match core.form {
        NumberForm::Arabic => {
            let last = second.unwrap_or(core);
            if has_unit {
                // magnitude goes with the unit
                let mut mant_end = last.mant_end;
                // keep 多/余 before the magnitude in value_raw
                while mant_end < last.end && matches!(at(chars, mant_end), '多' | '余' | '餘') {
                    mant_end += 1;
                }
                let mut mag_end = mant_end;
                while mag_end < last.end && cn_mult(at(chars, mag_end)).is_some() {
                    mag_end += 1;
                }
                let vr = collect(chars, core.start, mant_end);
                let mut ur = collect(chars, mant_end, mag_end);
                ur.push_str(&collect(chars, unit_start, unit_end));
                (vr, ur)
            } else {
                (
                    collect(chars, core.start, last.end),
                    collect(chars, unit_start, unit_end),
                )
            }
        }
        NumberForm::Fraction => {
            let end = second.map_or(core.end, |s| s.end);
            let vr = collect(chars, core.start, end);
            let ur = if vr.starts_with("百分之") {
                "百分之".to_string()
            } else {
                String::new()
            };
            (vr, ur)
        }
        NumberForm::Tenths | NumberForm::Half | NumberForm::Doubling => (
            collect(chars, core.start, core.end),
            collect(chars, unit_start, unit_end),
        ),
        NumberForm::Chinese => {
            let end = second.map_or(core.end, |s| s.end);
            (
                collect(chars, core.start, end),
                collect(chars, unit_start, unit_end),
            )
        }
    }
}

/// Whether a count of days (天数, 天數) is named just before a number of days.
fn days_counted_before(chars: &[char], start: usize) -> bool {
    let lo = start.saturating_sub(8);
    (lo..start).any(|k| at(chars, k) == '天' && matches!(at(chars, k + 1), '数' | '數'))
}

/// A ratio written as a bare decimal after a noun ending in 比 (城乡收入比缩小至1.87,
/// 城乡居民收入比为2.3): the verb between is short.
fn ratio_before(chars: &[char], core: &Core, start: usize) -> bool {
    if !core.has_decimal || core.end != core.mant_end || core.int_digits > 2 {
        return false;
    }
    let lo = start.saturating_sub(6);
    let Some(k) = (lo..start).rev().find(|&k| at(chars, k) == '比') else {
        return false;
    };
    let verb = collect(chars, k + 1, start);
    let noun_before = k > 0
        && !matches!(
            at(chars, k - 1),
            '，' | ',' | '。' | '；' | '\n' | '同' | '相' | '对'
        );
    noun_before
        && [
            "",
            "为",
            "為",
            "是",
            "缩小至",
            "缩小到",
            "縮小至",
            "縮小到",
            "降至",
            "降到",
            "下降至",
            "下降到",
            "达到",
            "達到",
            "扩大至",
            "扩大到",
            "擴大至",
        ]
        .contains(&verb.as_str())
}

/// Verbs before a duration that make it a result (审批时间压缩至3个工作日).
fn result_verb_before(chars: &[char], start: usize) -> bool {
    let lo = start.saturating_sub(6);
    let win: String = collect(chars, lo, start);
    [
        "压缩",
        "缩短",
        "减少",
        "降至",
        "降低",
        "控制在",
        "提前",
        "延长",
        "减至",
        "缩减",
        "压减",
        "以内",
        "壓縮",
        "縮短",
        "減少",
        "減至",
        "縮減",
        "壓減",
        "以內",
        // 志愿服务时长超过26万小时, 累计服务3000小时: an amount of time is the result
        "时长",
        "時長",
        "时数",
        "時數",
        "累计",
        "累計",
    ]
    .iter()
    .any(|w| win.contains(w))
}

fn arabic_without_unit(chars: &[char], core: &Core, start: usize) -> Reject {
    let nx = at(chars, core.end);
    let lead = if start > 0 {
        at(chars, start - 1)
    } else {
        '\0'
    };
    // (1) ／ 1. at a line start
    if matches!(lead, '(' | '（') && matches!(nx, ')' | '）') {
        return Reject::ListMarker;
    }
    let line_start = start == 0 || matches!(lead, '\n' | '\r' | ' ' | '\u{3000}' | '\t');
    if line_start && matches!(nx, '.' | '．' | '、' | '，' | ')' | '）') {
        return Reject::ListMarker;
    }
    if core.int_digits == 4
        && !core.has_decimal
        && (1900.0..=2100.0).contains(&core.value)
        && core.end == core.mant_end
    {
        return Reject::Year;
    }
    if ['热', '专', '平'].contains(&nx)
        || (core.int_digits >= 5 && !core.has_decimal && core.end == core.mant_end)
    {
        return Reject::Name;
    }
    Reject::MissingUnit
}

fn chinese_reject(
    chars: &[char],
    core: &Core,
    unit: Option<Unit>,
    unit_start: usize,
    unit_end: usize,
    start: usize,
    prev: Option<&NumberToken>,
) -> Option<Reject> {
    if core.malformed {
        return Some(Reject::Name);
    }
    if core.digit_seq > 0 {
        if core.digit_seq == 2 {
            let a = cn_digit(at(chars, core.start)).unwrap_or(0);
            let b = cn_digit(at(chars, core.start + 1)).unwrap_or(0);
            if b == a + 1 {
                return Some(Reject::Vague);
            }
        }
        return Some(Reject::Name);
    }
    // a quantity word needs a unit; big numbers without one (两万) are rare names
    if core.value == 0.0 {
        return Some(Reject::Idiom);
    }
    let Some(u) = unit else {
        // 6600多万 / 上千万 with no measure word: the noun follows directly
        return Some(Reject::Idiom);
    };
    let text_len = core.end - core.start;
    // 一 alone: 一批, 一件事, 一张蓝图 (but 增长一倍)
    if core.value == 1.0 && text_len == 1 && u != Unit::Multiple {
        return Some(Reject::Idiom);
    }
    // 百, 千, 万 alone: 百万人口, 千家万户 — unless approximated (近百家, 上千万)
    if core.mult_only && start == core.start && core.approx_word.is_none() {
        return Some(Reject::Idiom);
    }
    // 二期, 三期 of a project: a phase name
    if at(chars, unit_start) == '期' {
        return Some(Reject::Name);
    }
    // slogans made of numerals: 五个一, 三所两办一中心, 两个一百年
    let nx = at(chars, unit_end);
    if cn_digit(nx).is_some() || cn_mult(nx).is_some() {
        return Some(Reject::Name);
    }
    if let Some(p) = prev {
        // 千家万户: a numeral right after a rejected numeral phrase
        if p.end == start && p.reject.is_some() && p.form == NumberForm::Chinese {
            return Some(Reject::Name);
        }
    }
    // 三门峡: 门 after a Chinese numeral is a place name more often than a count
    if at(chars, unit_start) == '门' {
        return Some(Reject::Name);
    }
    // 八项规定, 两只手
    if core.value <= 10.0 {
        for w in ["规定", "原则", "手"] {
            if starts(chars, unit_end, w) {
                return Some(Reject::Name);
            }
        }
    }
    if core.value <= 10.0 && at(chars, unit_start) == '个' {
        for w in [
            "方面",
            "规定",
            "原则",
            "意识",
            "自信",
            "维护",
            "确立",
            "代表",
            "全面",
            "务必",
            "毫不动摇",
            "统筹",
            "必须",
            "坚持",
            "结合",
            "一百年",
            "转变",
            "有利于",
            "不",
            "重大",
            "面向",
            "字",
        ] {
            if starts(chars, unit_end, w) {
                return Some(Reject::Name);
            }
        }
    }
    None
}

fn in_short_quote(chars: &[char], start: usize, end: usize) -> bool {
    // look back for an opening quote within 8 chars with no closing in between, and forward;
    // a short quotation never spans a line break (counted in chars, CRLF would reach less far)
    let lo = start.saturating_sub(8);
    let mut open = None;
    for k in (lo..start).rev() {
        let c = at(chars, k);
        if matches!(c, '”' | '」' | '』' | '。' | '，' | '；' | '\n' | '\r') {
            break;
        }
        if matches!(c, '“' | '「' | '『' | '"') {
            open = Some(k);
            break;
        }
    }
    let Some(o) = open else { return false };
    let hi = (end + 10).min(chars.len());
    for k in end..hi {
        let c = at(chars, k);
        if matches!(c, '”' | '」' | '』' | '"') {
            return k - o <= 12;
        }
        if matches!(c, '。' | '，' | '；' | '“' | '\n' | '\r') {
            return false;
        }
    }
    false
}

/// Parses a number as written in `value_raw` form (Arabic with separators and magnitudes, or
/// Chinese numerals); returns the value and the relative half-unit of its last printed digit
/// (6.3 → 0.05 / 6.3). Used to derive rounding tolerances.
pub fn printed_precision(raw: &str) -> Option<(f64, f64)> {
    let chars: Vec<char> = raw.chars().collect();
    let first = chars
        .iter()
        .position(|&c| is_digit_any(c) || cn_digit(c).is_some() || cn_mult(c).is_some())?;
    let core = read_core(&chars, first)?;
    if core.value <= 0.0 {
        return None;
    }
    match core.form {
        NumberForm::Arabic => {
            let mant: String = chars[core.start..core.mant_end]
                .iter()
                .filter_map(|&c| {
                    ascii_digit(c).map(|d| char::from(b'0' + d as u8)).or(
                        if c == '.' || c == '．' {
                            Some('.')
                        } else {
                            None
                        },
                    )
                })
                .collect();
            let m: f64 = mant.parse().ok()?;
            let decimals = mant.split('.').nth(1).map_or(0, |d| d.len()) as i32;
            if m <= 0.0 {
                return None;
            }
            Some((core.value, 0.5 * 10f64.powi(-decimals) / m))
        }
        _ => Some((core.value, 0.5 / core.value.max(1.0))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_chars_are_the_numeral_chars() {
        for c in (0u32..0x1_0000).filter_map(char::from_u32) {
            let expected = c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || cn_digit(c).is_some()
                || cn_mult(c).is_some()
                || matches!(c, '半' | '翻' | '过');
            assert_eq!(is_start_char(c), expected, "{c:?}");
        }
    }

    fn one(s: &str) -> NumberToken {
        let t = scan(s);
        assert!(!t.is_empty(), "no token in {s}");
        t.into_iter()
            .find(|t| t.is_fact())
            .unwrap_or_else(|| panic!("no fact token in {s}: {:?}", scan(s)))
    }

    fn quote(s: &str, t: &NumberToken) -> String {
        s.chars().skip(t.start).take(t.end - t.start).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn arabic_money() {
        let s = "完成区级财政收入5.87亿元,同比";
        let t = one(s);
        assert!(close(t.value, 587_000_000.0));
        assert_eq!(t.unit, Some(Unit::Cny));
        assert_eq!(quote(s, &t), "5.87亿元");
        assert_eq!(
            (t.value_raw.as_str(), t.unit_raw.as_str()),
            ("5.87", "亿元")
        );
        let t = one("申报政策资金总额1657万元。");
        assert!(close(t.value, 16_570_000.0));
        let t = one("人民币213.09亿元");
        assert!(close(t.value, 21_309_000_000.0));
        let t = one("实际使用外资1.2亿美元");
        assert_eq!(t.unit, Some(Unit::Usd));
        assert!(close(t.value, 1.2e8));
        let t = one("国内生产总值超过126万亿元，");
        assert!(close(t.value, 1.26e14));
        assert_eq!(t.qualifier, Qualifier::LowerBound);
        assert_eq!(quote("国内生产总值超过126万亿元，", &t), "超过126万亿元");
    }

    #[test]
    fn separators_and_full_width() {
        let s = "本年收入合计２７，２０３，３１９，０００元，加上";
        let t = one(s);
        assert!(close(t.value, 27_203_319_000.0));
        assert_eq!(quote(s, &t), "２７，２０３，３１９，０００元");
        let t = one("合计27,203,319,000元");
        assert!(close(t.value, 27_203_319_000.0));
        let t = one("１，２００万人");
        assert!(close(t.value, 12_000_000.0));
        assert_eq!(t.unit, Some(Unit::Count));
        let t = one("粮食产量１．３万亿斤以上");
        assert!(close(t.value, 1.3e12 * 0.0005));
        assert_eq!(t.unit, Some(Unit::Ton));
        assert_eq!(t.qualifier, Qualifier::LowerBound);
        let t = one("增长３．６８％；");
        assert!(close(t.value, 3.68));
        // an ASCII comma between clauses is not a separator
        let ts = scan("新增45台,完工28台,在建20台");
        assert_eq!(ts.iter().filter(|t| t.is_fact()).count(), 3);
        assert!(close(ts[0].value, 45.0));
    }

    #[test]
    fn chinese_numerals() {
        for (s, v) in [
            ("十三家企业", 13.0),
            ("一百二十个", 120.0),
            ("两万人", 20000.0),
            ("三千五百万元", 35_000_000.0),
            ("一千零五户", 1005.0),
            ("二十万吨", 200_000.0),
            ("三十余个", 30.0),
            ("一百多万人", 1_000_000.0),
        ] {
            let t = one(s);
            assert!(close(t.value, v), "{s}: {}", t.value);
        }
        assert_eq!(one("三十余个").qualifier, Qualifier::Approx);
        assert_eq!(one("一百二十个").value_raw, "一百二十");
    }

    #[test]
    fn mixed_magnitudes() {
        let s = "拆除违法建筑总面积约4.37万平方米,";
        let t = one(s);
        assert!(close(t.value, 43_700.0));
        assert_eq!(t.unit, Some(Unit::M2));
        assert_eq!(t.qualifier, Qualifier::Approx);
        assert_eq!(quote(s, &t), "约4.37万平方米");
        let t = one("粮食产量1.39万亿斤，");
        assert!(close(t.value, 1.39e12 * 0.0005));
        let s = "参与打钩近4万人次,";
        let t = one(s);
        assert!(close(t.value, 40_000.0));
        assert_eq!(t.unit, Some(Unit::PersonTime));
        assert_eq!(t.qualifier, Qualifier::Approx);
        assert_eq!(quote(s, &t), "近4万人次");
        assert_eq!(t.unit_raw, "万人次");
        let s = "6600多万纳税人受益";
        let t = scan(s).remove(0);
        assert!(close(t.value, 66_000_000.0));
        assert_eq!(t.qualifier, Qualifier::Approx);
    }

    #[test]
    fn fractions_and_shares() {
        let t = one("占比达六成,");
        assert!(close(t.value, 60.0));
        assert_eq!(t.unit, Some(Unit::Percent));
        assert_eq!(t.value_raw, "六成");
        let t = one("三分之一的");
        assert!((t.value - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(t.unit, Some(Unit::Percent));
        let t = one("增长百分之五。");
        assert!(close(t.value, 5.0));
        let t = one("增长百分之十二点五");
        assert!(close(t.value, 12.5));
        // a range whose second end is a bare numeral (1990s reports)
        let t = one("定为百分之八至九。");
        assert!(close(t.value, 8.0));
        assert_eq!(t.value_max, Some(9.0));
        assert_eq!(t.unit, Some(Unit::Percent));
        assert_eq!(t.value_raw, "百分之八至九");
        let t = one("增长百分之八至九十");
        assert!(close(t.value, 8.0));
        assert_eq!(t.value_max, Some(90.0));
        let s = "总量下降过半,";
        let t = one(s);
        assert!(close(t.value, 50.0));
        assert_eq!(t.qualifier, Qualifier::LowerBound);
        assert_eq!(quote(s, &t), "过半");
        let t = one("半数以上");
        assert_eq!(t.qualifier, Qualifier::LowerBound);
        let t = one("到2020年翻一番");
        assert_eq!(t.unit, Some(Unit::Multiple));
        assert!(close(t.value, 1.0));
        let t = one("翻两番");
        assert!(close(t.value, 3.0));
        let t = one("增长1.2倍");
        assert_eq!(t.unit, Some(Unit::Multiple));
        let t = one("提高0.5个百分点");
        assert_eq!(t.unit, Some(Unit::PercentagePoint));
        assert!(!scan("成为").iter().any(|t| t.is_fact()));
        assert!(!scan("一成不变").iter().any(|t| t.is_fact()));
    }

    #[test]
    fn ranges() {
        let s = "增长3%—5%。";
        let t = one(s);
        assert_eq!(t.qualifier, Qualifier::Range);
        assert!(close(t.value, 3.0));
        assert_eq!(t.value_max, Some(5.0));
        assert_eq!(quote(s, &t), "3%—5%");
        let t = one("增长3-5%");
        assert_eq!((t.value, t.value_max), (3.0, Some(5.0)));
        assert_eq!(t.unit, Some(Unit::Percent));
        let s = "新建5至8个公园";
        let t = one(s);
        assert_eq!(
            (t.value, t.value_max, t.unit),
            (5.0, Some(8.0), Some(Unit::Count))
        );
        assert_eq!(quote(s, &t), "5至8个");
        let t = one("3%到5%");
        assert_eq!(t.value_max, Some(5.0));
        let t = one("投资3—5亿元");
        assert!(close(t.value, 3e8));
        assert_eq!(t.value_max, Some(5e8));
        // year ranges are not facts
        assert!(!scan("通过2019—2023年度上海市").iter().any(|t| t.is_fact()));
        assert!(!scan("1-2月").iter().any(|t| t.is_fact()));
    }

    #[test]
    fn units() {
        assert!(close(one("排查河道12公里").value, 12_000.0));
        assert!(close(one("蕰藻浜以南9平方公里").value, 9_000_000.0));
        assert!(close(one("新增绿地面积0.6万平方米").value, 6_000.0));
        assert!(close(one("种植100亩").value, 66_666.67));
        assert!(close(one("造林10万公顷").value, 1e9));
        assert!(close(one("收购200斤").value, 0.1));
        assert!(close(one("发电50万千瓦时").value, 500_000.0));
        assert_eq!(one("发电50万千瓦时").unit, Some(Unit::Kwh));
        let t = one("装机1200万千瓦");
        assert_eq!(t.unit, Some(Unit::Other));
        assert!(close(t.value, 1.2e7));
        let t = one("新增优质白酒产能5万千升");
        assert_eq!((t.unit, t.unit_raw.as_str()), (Some(Unit::Other), "万千升"));
        assert!(close(t.value, 5e4));
        assert_eq!(one("单位场所开展检查2621家次").unit, Some(Unit::Count));
        assert_eq!(
            one("城镇登记失业人员控制在1031人以内").qualifier,
            Qualifier::UpperBound
        );
        assert_eq!(
            one("城镇新增就业1200万人以上").qualifier,
            Qualifier::LowerBound
        );
        assert_eq!(one("5%左右").qualifier, Qualifier::Approx);
        assert_eq!(one("累计送餐100余份").qualifier, Qualifier::Approx);
        assert_eq!(one("近百家租户").qualifier, Qualifier::Approx);
        assert!(close(one("近百家租户").value, 100.0));
        assert_eq!(one("惠及上千万家庭").qualifier, Qualifier::LowerBound);
        assert!(close(one("人均预期寿命达到78.2岁").value, 78.2));
    }

    #[test]
    fn not_facts() {
        for s in [
            "2023年",
            "1月10日",
            "今年3月",
            "通过20192023年度",
            "春节后",
            "十四五规划",
            "轨交18号线二期",
            "长江路780弄",
            "蕰藻南路500号",
            "十二星座",
            "15分钟社区生活圈",
            "五型都市新镇",
            "一地两区",
            "三型六助五关爱",
            "以五个一标准",
            "深化十百千万工程",
            "12345热线",
            "第八届人民代表大会",
            "第五次会议",
            "(一)",
            "跻身50强",
            "5G",
            "M3科创走廊",
            "75周年",
            "长江二中",
            "一二八纪念路",
            "三馆一基地",
            "一网统管",
            "一件事",
            "两个确立",
            "四个意识",
            "一带一路",
            "第一批",
            "一是",
            "二是",
            "七届四次党代会",
            "區十七屆人大五次會議確定的目標",
            "城市管理综合考评保持全区前三位",
            "进入全国前10名",
            "三所两办一中心",
            "千家万户",
            "国产大飞机C919投入",
            "PM2.5浓度",
            "24小时不间断",
            "一二九五年",
            "二〇二三年",
            "连续3年",
            "十几个",
            "数十家",
            "两位数增长",
            "百万人口",
            "万元GDP能耗",
            "一批项目",
            "一张蓝图",
            "万众一心",
            "第四代核电机组",
            "九年一贯制",
            "2024经济社会发展",
            "(1)",
            "二十届二中全会",
        ] {
            let facts: Vec<_> = scan(s).into_iter().filter(|t| t.is_fact()).collect();
            assert!(facts.is_empty(), "{s}: {facts:?}");
        }
        let t = scan("外出招商26落地");
        assert_eq!(t[0].reject, Some(Reject::MissingUnit));
        assert_eq!(scan("2023年")[0].reject, Some(Reject::Year));
        assert_eq!(scan("18号线")[0].reject, Some(Reject::Name));
        assert_eq!(scan("第八届")[0].reject, Some(Reject::Ordinal));
        assert_eq!(scan("5G")[0].reject, Some(Reject::Code));
    }

    #[test]
    fn digits_split_by_spaces_are_no_facts() {
        for s in [
            "增长1 1 ％",
            "达到7 4 7 7 2 亿元",
            "通车里程1 1 3 4 4 公里",
            "年均增长1 0 ． 6 ％",
            "经济增长8 ．8 ％",
        ] {
            assert!(scan(s).iter().all(|t| !t.is_fact()), "{s}: {:?}", scan(s));
        }
        // a space between a number and its unit is no split
        assert_eq!(one("增长11 ％").value, 11.0);
    }

    #[test]
    fn reduced_durations_are_results() {
        let t = one("审批时间压缩至3个工作日");
        assert_eq!(t.unit, Some(Unit::Other));
        let s = "企業開辦時間壓縮至１個工作日以內";
        let t = one(s);
        assert_eq!(t.unit, Some(Unit::Other));
        assert_eq!(t.qualifier, Qualifier::UpperBound);
        assert_eq!(quote(s, &t), "１個工作日以內");
        // an amount of time that is the result
        let s = "志愿服务时长超过26万小时";
        let t = one(s);
        assert_eq!((t.value, t.unit), (260_000.0, Some(Unit::Other)));
        assert_eq!(quote(s, &t), "超过26万小时");
    }

    #[test]
    fn round_two_units() {
        // concentrations with a full-width slash
        let s = "PM2.5年均濃度降至３１微克／立方米";
        let t = one(s);
        assert_eq!(
            (t.unit, quote(s, &t).as_str()),
            (Some(Unit::Other), "３１微克／立方米")
        );
        // a count of days
        let t = one("空气质量优良天数达到335天");
        assert_eq!(t.unit, Some(Unit::Count));
        assert!(close(t.value, 335.0));
        // a ratio after a noun ending in 比
        let t = one("城乡收入比缩小至1.87");
        assert_eq!(t.unit, Some(Unit::Other));
        assert!(close(t.value, 1.87));
        // 个 of 个体 is no measure word
        let s = "降低900多万个体工商户税负";
        let t = one(s);
        assert_eq!(
            (t.unit, quote(s, &t).as_str()),
            (Some(Unit::Count), "900多万")
        );
        assert!(close(t.value, 9_000_000.0));
        // 翻N番 is the increase over the base
        assert!(close(one("翻三番").value, 7.0));
    }

    #[test]
    fn precision() {
        let (v, r) = printed_precision("6.3").unwrap();
        assert!(close(v, 6.3));
        assert!((r - 0.05 / 6.3).abs() < 1e-12);
        let (_, r) = printed_precision("7").unwrap();
        assert!((r - 0.5 / 7.0).abs() < 1e-12);
    }
}
