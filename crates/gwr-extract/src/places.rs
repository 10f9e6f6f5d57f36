//! Place identity: a place name as a report writes it → its official division code, full
//! name, level and chain of ancestors.
//!
//! The data is `places/places.csv` (compiled in; its README says where it comes from and the
//! command that made it): every GB/T 2260 code from 1980 to 2019 with the years each name was
//! listed, the statistical division codes of 2023 down to towns and subdistricts, and
//! `100000` 中华人民共和国 as the root.
//!
//! [`resolve`] takes a name as written — a full name (延边朝鲜族自治州), a short form (延边州,
//! 云南, 内蒙古), with 人民政府 or 街道办事处 after it, or with its parents before it
//! (上海市宝山区淞南镇) — plus hints naming parents (宝山区 for 淞南镇) and the report year.
//! It never guesses: a name that fits several places (朝阳区, 鼓楼区) is resolved only when the
//! hints leave one; the one preference is that a bare short name (吉林, 海南) is the province
//! when exactly one candidate is a province. Where a code's name changed, the name listed in
//! the report's year is taken, else the nearest listing in time.

use std::collections::HashMap;
use std::sync::OnceLock;

use gwr_model::{AdminLevel, PlaceRow};

/// The place file, compiled in.
const PLACES_CSV: &str = include_str!("../places/places.csv");

/// The code of the whole country (gwr's convention: GB/T 2260 has none).
pub const NATIONAL_CODE: &str = "100000";

/// Generic endings whose bare stem is also a name people use, for provinces and prefectures.
const STEM_ENDINGS: &[&str] = &["特别行政区", "省", "市", "地区", "盟"];

/// Endings of autonomous divisions: 延边朝鲜族自治州 is also 延边州 and 延边.
const AUTONOMOUS: &[(&str, &str)] = &[
    ("自治区", ""),
    ("自治州", "州"),
    ("自治县", "县"),
    ("自治旗", "旗"),
];

/// One listing of the place file.
#[derive(Debug, Clone, Copy)]
struct Entry {
    code: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    level: AdminLevel,
    parent: &'static str,
    first: Option<i32>,
    last: Option<i32>,
}

impl Entry {
    /// How many years `year` lies outside the years this listing covers (0 inside).
    fn distance(&self, year: i32) -> i32 {
        match (self.first, self.last) {
            (Some(f), _) if year < f => f - year,
            (_, Some(l)) if year > l => year - l,
            _ => 0,
        }
    }
}

struct Gazetteer {
    entries: Vec<Entry>,
    by_code: HashMap<&'static str, Vec<usize>>,
    by_name: HashMap<&'static str, Vec<usize>>,
    by_alias: HashMap<String, Vec<usize>>,
}

fn level(s: &str) -> AdminLevel {
    match s {
        "national" => AdminLevel::National,
        "province" => AdminLevel::Province,
        "prefecture" => AdminLevel::Prefecture,
        "county" => AdminLevel::County,
        "district" => AdminLevel::District,
        "town" => AdminLevel::Town,
        "subdistrict" => AdminLevel::Subdistrict,
        _ => AdminLevel::Other,
    }
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut entries = Vec::new();
        for line in PLACES_CSV.lines().skip(1) {
            let c: Vec<&'static str> = line.split(',').collect();
            let [code, name_zh, name_en, lvl, parent, first, last] = c[..] else {
                continue;
            };
            entries.push(Entry {
                code,
                name_zh,
                name_en,
                level: level(lvl),
                parent,
                first: first.parse().ok(),
                last: last.parse().ok(),
            });
        }
        let mut by_code: HashMap<&'static str, Vec<usize>> = HashMap::new();
        let mut by_name: HashMap<&'static str, Vec<usize>> = HashMap::new();
        let mut by_alias: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            by_code.entry(e.code).or_default().push(i);
            by_name.entry(e.name_zh).or_default().push(i);
            for a in aliases(e) {
                if a != e.name_zh {
                    let v = by_alias.entry(a).or_default();
                    if !v.contains(&i) {
                        v.push(i);
                    }
                }
            }
        }
        Gazetteer {
            entries,
            by_code,
            by_name,
            by_alias,
        }
    })
}

/// The short forms of a division's name: the stem of a province or prefecture (云南省 → 云南,
/// 锡林郭勒盟 → 锡林郭勒), and the forms of an autonomous division without its peoples
/// (延边朝鲜族自治州 → 延边州, 延边; 广西壮族自治区 → 广西). The peoples' names are not listed,
/// so every prefix of two chars or more is offered; the ones that are not names are harmless.
fn aliases(e: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    let name = e.name_zh;
    let high = matches!(e.level, AdminLevel::Province | AdminLevel::Prefecture);
    for (ending, short) in AUTONOMOUS {
        if let Some(before) = name.strip_suffix(ending) {
            let chars: Vec<char> = before.chars().collect();
            for k in 2..=chars.len() {
                let stem: String = chars[..k].iter().collect();
                if !short.is_empty() {
                    out.push(format!("{stem}{short}"));
                }
                if high {
                    out.push(stem);
                }
            }
            return out;
        }
    }
    if high {
        for ending in STEM_ENDINGS {
            if let Some(stem) = name.strip_suffix(ending) {
                if stem.chars().count() >= 2 {
                    out.push(stem.to_string());
                }
                break;
            }
        }
    }
    out
}

/// A place identified: the place and its ancestors.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedPlace {
    /// The country, then every ancestor, then the place itself (the last row).
    pub chain: Vec<PlaceRow>,
}

impl ResolvedPlace {
    /// The place itself.
    pub fn place(&self) -> Option<&PlaceRow> {
        self.chain.last()
    }

    /// The names of the ancestors below the country, from the top down (上海市, 宝山区).
    pub fn parent_names(&self) -> Vec<String> {
        let n = self.chain.len();
        self.chain
            .iter()
            .take(n.saturating_sub(1))
            .filter(|p| p.level != AdminLevel::National)
            .map(|p| p.name_zh.clone())
            .collect()
    }
}

/// What [`resolve`] found.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// Exactly one place fits.
    Found(ResolvedPlace),
    /// Several places fit and nothing tells them apart: their codes.
    Ambiguous(Vec<String>),
    /// No place of that name.
    NotFound,
}

/// The place named `name` (as written), given names of its parents (`hints`, any of which
/// may also be a run of names: 上海市宝山区) and the report year.
pub fn resolve(name: &str, hints: &[&str], year: Option<i32>) -> Resolution {
    let g = gazetteer();
    let q = normalize(name);
    if q.chars().count() < 2 {
        return Resolution::NotFound;
    }
    if let Some(r) = among(g, &q, hints, year) {
        return r;
    }
    // parents written before the name: 上海市宝山区淞南镇, 吉林省延边朝鲜族自治州
    let cuts: Vec<usize> = q.char_indices().map(|(i, _)| i).skip(1).collect();
    for i in cuts {
        let (prefix, rest) = q.split_at(i);
        if rest.chars().count() < 2 {
            break;
        }
        let mut more: Vec<&str> = hints.to_vec();
        more.push(prefix);
        if let Some(r) = among(g, rest, &more, year) {
            return r;
        }
    }
    Resolution::NotFound
}

/// The place with `code`, named as listed in `year` (or as listed last).
pub fn by_code(code: &str, year: Option<i32>) -> Option<ResolvedPlace> {
    let g = gazetteer();
    let idx = pick(g, g.by_code.get(code)?, year)?;
    Some(chain_of(g, idx, year))
}

/// Every division whose full name is exactly `name` today (or, when none has it today, ever),
/// each code once with its chain: what a check needs to find the place a folder name means.
pub fn exact(name: &str) -> Vec<ResolvedPlace> {
    let g = gazetteer();
    let Some(list) = g.by_name.get(name) else {
        return Vec::new();
    };
    let current: Vec<usize> = list
        .iter()
        .copied()
        .filter(|&i| g.entries[i].last.is_none())
        .collect();
    let list = if current.is_empty() { list } else { &current };
    let mut codes: Vec<&str> = list.iter().map(|&i| g.entries[i].code).collect();
    codes.sort_unstable();
    codes.dedup();
    codes.into_iter().filter_map(|c| by_code(c, None)).collect()
}

/// Takes off what is not the place's name: markup and punctuation (only CJK ideographs are
/// kept), a congress's ordinal after it (青岛市第十三届 → 青岛市, 海南省二届 → 海南省), and what a
/// government adds: 人民政府, 政府, 办事处 (街道办事处 → 街道).
fn normalize(name: &str) -> String {
    let mut s: String = name
        .chars()
        .filter(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}'))
        .collect();
    if let Some(i) = s.find('届') {
        s.truncate(i);
        let kept = s
            .trim_end_matches(|c| "第一二三四五六七八九十".contains(c))
            .len();
        s.truncate(kept);
    }
    for tail in ["人民政府", "政府"] {
        if let Some(t) = s.strip_suffix(tail) {
            s = t.to_string();
            break;
        }
    }
    if let Some(t) = s.strip_suffix("街道办事处") {
        s = format!("{t}街道");
    }
    s
}

/// Resolution among the places named `q` exactly or by a short form; `None` when there are
/// none.
fn among(g: &Gazetteer, q: &str, hints: &[&str], year: Option<i32>) -> Option<Resolution> {
    let (cands, by_alias) = match g.by_name.get(q) {
        Some(v) => (v.clone(), false),
        None => (g.by_alias.get(q)?.clone(), true),
    };
    let mut cands = cands;
    let hints: Vec<&str> = hints.iter().copied().filter(|h| !h.is_empty()).collect();
    if !hints.is_empty() {
        cands.retain(|&i| fits_hints(g, i, &hints));
        if cands.is_empty() {
            return Some(Resolution::NotFound);
        }
    }
    // one listing per code: the one nearest the year
    let mut codes: Vec<&str> = cands.iter().map(|&i| g.entries[i].code).collect();
    codes.sort_unstable();
    codes.dedup();
    // when a name moved from one code to another, the code listed nearest the year
    let dist = |code: &str| -> i32 {
        cands
            .iter()
            .filter(|&&i| g.entries[i].code == code)
            .map(|&i| match year {
                Some(y) => g.entries[i].distance(y),
                None => g.entries[i].last.map_or(0, |l| 10_000 - l),
            })
            .min()
            .unwrap_or(i32::MAX)
    };
    let best = codes.iter().map(|c| dist(c)).min().unwrap_or(i32::MAX);
    codes.retain(|c| dist(c) == best);
    if codes.len() > 1 && by_alias && hints.is_empty() {
        let provinces: Vec<&str> = codes
            .iter()
            .copied()
            .filter(|c| {
                g.by_code
                    .get(*c)
                    .and_then(|v| v.first())
                    .is_some_and(|&i| g.entries[i].level == AdminLevel::Province)
            })
            .collect();
        if provinces.len() == 1 {
            codes = provinces;
        }
    }
    match codes.as_slice() {
        [code] => {
            let idx = pick(g, g.by_code.get(*code)?, year)?;
            Some(Resolution::Found(chain_of(g, idx, year)))
        }
        _ => Some(Resolution::Ambiguous(
            codes.iter().map(|c| c.to_string()).collect(),
        )),
    }
}

/// Whether every hint names an ancestor of entry `i` (by full name or short form).
fn fits_hints(g: &Gazetteer, i: usize, hints: &[&str]) -> bool {
    let mut names: Vec<String> = Vec::new();
    let mut code = g.entries[i].parent;
    let mut guard = 0;
    while !code.is_empty() && code != NATIONAL_CODE && guard < 8 {
        guard += 1;
        let Some(list) = g.by_code.get(code) else {
            break;
        };
        for &k in list {
            names.push(g.entries[k].name_zh.to_string());
            names.extend(aliases(&g.entries[k]));
        }
        code = list.first().map_or("", |&k| g.entries[k].parent);
    }
    hints
        .iter()
        .all(|h| names.iter().any(|n| h.contains(n.as_str())))
}

/// The listing of a code nearest the year (the latest listing without a year).
fn pick(g: &Gazetteer, list: &[usize], year: Option<i32>) -> Option<usize> {
    list.iter().copied().min_by_key(|&i| {
        let e = &g.entries[i];
        let last = e.last.unwrap_or(i32::MAX);
        match year {
            Some(y) => (e.distance(y), -last.min(10_000)),
            None => (0, -last.min(10_000)),
        }
    })
}

fn row(e: &Entry) -> PlaceRow {
    PlaceRow {
        code: e.code.to_string(),
        name_zh: e.name_zh.to_string(),
        name_en: e.name_en.to_string(),
        level: e.level,
        parent_code: (!e.parent.is_empty()).then(|| e.parent.to_string()),
    }
}

fn chain_of(g: &Gazetteer, idx: usize, year: Option<i32>) -> ResolvedPlace {
    let mut chain = vec![row(&g.entries[idx])];
    let mut code = g.entries[idx].parent;
    while !code.is_empty() && chain.len() < 8 {
        let Some(i) = g.by_code.get(code).and_then(|l| pick(g, l, year)) else {
            break;
        };
        chain.push(row(&g.entries[i]));
        code = g.entries[i].parent;
    }
    chain.reverse();
    ResolvedPlace { chain }
}

/// Why a report's place has no code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlaceProblem {
    /// `report.toml`'s `place_code` is not in the data.
    UnknownCode(String),
    /// The name fits several places: the name and their codes.
    Ambiguous(String, Vec<String>),
    /// No place has that name.
    NotFound(String),
}

impl PlaceProblem {
    /// The name or code the problem is about.
    pub fn subject(&self) -> &str {
        match self {
            PlaceProblem::UnknownCode(s)
            | PlaceProblem::Ambiguous(s, _)
            | PlaceProblem::NotFound(s) => s,
        }
    }

    /// The problem in Chinese and in English.
    pub fn messages(&self) -> (String, String) {
        match self {
            PlaceProblem::UnknownCode(c) => (
                format!("元数据给出的行政区划代码 {c} 不在区划数据中"),
                format!("the metadata's place_code {c} is not a known division code"),
            ),
            PlaceProblem::Ambiguous(n, codes) => (
                format!(
                    "地名“{n}”对应多个行政区划({}),缺少上级地名无法确定,区划代码留空",
                    codes.join("、")
                ),
                format!(
                    "the place name {n} fits several divisions ({}); without a parent to tell them apart the place code is left empty",
                    codes.join(", ")
                ),
            ),
            PlaceProblem::NotFound(n) => (
                format!("地名“{n}”未能对应到行政区划代码,区划代码留空"),
                format!("the place name {n} matches no administrative division; the place code is left empty"),
            ),
        }
    }
}

/// The place of a report: `meta.place_code` when given, else the place resolved from
/// `meta.place_zh` with `meta.parent_areas` as hints, in the report year.
pub fn identify(meta: &gwr_model::ReportMeta) -> Result<ResolvedPlace, PlaceProblem> {
    let year = meta.report_year.filter(|y| (1949..=2100).contains(y));
    if let Some(code) = meta.place_code.as_deref().filter(|c| !c.is_empty()) {
        return by_code(code, year).ok_or_else(|| PlaceProblem::UnknownCode(code.to_string()));
    }
    let hints: Vec<&str> = meta.parent_areas.iter().map(String::as_str).collect();
    match resolve(&meta.place_zh, &hints, year) {
        Resolution::Found(p) => Ok(p),
        Resolution::Ambiguous(codes) => Err(PlaceProblem::Ambiguous(meta.place_zh.clone(), codes)),
        Resolution::NotFound => Err(PlaceProblem::NotFound(meta.place_zh.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(name: &str, hints: &[&str], year: Option<i32>) -> Option<String> {
        match resolve(name, hints, year) {
            Resolution::Found(p) => p.place().map(|p| p.code.clone()),
            _ => None,
        }
    }

    #[test]
    fn short_and_full_names_resolve() {
        let p = match resolve("延边州", &[], Some(2020)) {
            Resolution::Found(p) => p,
            other => panic!("{other:?}"),
        };
        let place = p.place().unwrap();
        assert_eq!(place.code, "222400");
        assert_eq!(place.name_zh, "延边朝鲜族自治州");
        assert_eq!(place.level, AdminLevel::Prefecture);
        assert_eq!(p.parent_names(), vec!["吉林省"]);
        assert_eq!(code("云南", &[], Some(2010)).as_deref(), Some("530000"));
        assert_eq!(code("内蒙古", &[], Some(2010)).as_deref(), Some("150000"));
        assert_eq!(code("北京", &[], Some(2010)).as_deref(), Some("110000"));
        assert_eq!(code("吉林", &[], Some(2010)).as_deref(), Some("220000"));
        assert_eq!(
            code("吉林市人民政府", &[], Some(2010)).as_deref(),
            Some("220200")
        );
    }

    #[test]
    fn a_town_gets_its_nine_digit_code_and_chain() {
        let p = match resolve("淞南镇", &["上海市", "宝山区"], Some(2024)) {
            Resolution::Found(p) => p,
            other => panic!("{other:?}"),
        };
        let codes: Vec<&str> = p.chain.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes, ["100000", "310000", "310113", "310113113"]);
        assert_eq!(p.parent_names(), vec!["上海市", "宝山区"]);
        assert_eq!(p.place().unwrap().level, AdminLevel::Town);
        assert_eq!(
            code("上海市宝山区淞南镇人民政府", &[], Some(2024)).as_deref(),
            Some("310113113")
        );
    }

    #[test]
    fn ambiguous_names_need_a_parent() {
        assert!(matches!(
            resolve("朝阳区", &[], Some(2020)),
            Resolution::Ambiguous(_)
        ));
        assert_eq!(
            code("朝阳区", &["北京市"], Some(2020)).as_deref(),
            Some("110105")
        );
        assert_eq!(
            code("鼓楼区", &["南京"], Some(2020)).as_deref(),
            Some("320106")
        );
        assert_eq!(resolve("不存在市", &[], None), Resolution::NotFound);
        assert_eq!(resolve("朝阳区", &["上海市"], None), Resolution::NotFound);
    }

    #[test]
    fn by_code_names_the_place_as_listed_in_the_year() {
        let p = by_code("310113113", Some(2024)).unwrap();
        assert_eq!(p.place().unwrap().name_zh, "淞南镇");
        assert_eq!(by_code("100000", None).unwrap().chain.len(), 1);
        assert!(by_code("999999", None).is_none());
    }
}
