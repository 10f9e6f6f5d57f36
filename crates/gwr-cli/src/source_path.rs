//! What a report file's path says: its id, whether it is Markdown, the place its folder names.

use std::path::Path;

use gwr_extract::infer::Hints;
use gwr_model::meta::sanitize_id;
use pinyin::ToPinyin;

/// Whether `path` names a Markdown file (`.md`, `.markdown`).
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| e == "md" || e == "markdown")
}

/// Whether a Markdown file is a folder's documentation (`README.md`, `UPSTREAM-README.md`),
/// not a report.
pub fn is_readme(path: &Path) -> bool {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_ascii_uppercase())
        .is_some_and(|s| s.ends_with("README"))
}

/// The report id of a file at `rel` (its path relative to the folder given, or its name):
/// every part of the path, the file's without its extension, Chinese characters spelled in
/// pinyin without tones (the most common reading of each), joined by `-`, then made a safe id
/// (lower-case ASCII letters, digits and hyphens, at most 100 long). So
/// `政府工作报告-省自治区/福建省/2024.md` → `zhengfugongzuobaogao-shengzizhiqu-fujiansheng-2024`
/// and `cn-sh-2024.txt` → `cn-sh-2024`. Deterministic; two paths share an id only when they are
/// spelled the same in pinyin (the folder run refuses that, naming both files).
pub fn report_id(rel: &Path) -> String {
    let n = rel.components().count();
    let parts: Vec<String> = rel
        .components()
        .enumerate()
        .map(|(i, c)| {
            let s = c.as_os_str();
            let p = Path::new(s);
            let name = if i + 1 == n {
                p.file_stem().unwrap_or(s)
            } else {
                s
            };
            romanize(&name.to_string_lossy())
        })
        .collect();
    sanitize_id(&parts.join("-"))
}

/// Official romanizations that plain pinyin does not give: 陕西 is spelled Shaanxi (GB/T 2260,
/// the national standard's English names) so that it does not read as 山西 Shanxi.
const SPELLED: &[(&str, &str)] = &[("陕西", "shaanxi")];

/// Chinese characters in pinyin without tones (the official spelling where plain pinyin would
/// confuse two places, [`SPELLED`]), everything else as it is.
fn romanize(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    let mut rest = s;
    'outer: while let Some(c) = rest.chars().next() {
        for (zh, spelled) in SPELLED {
            if let Some(after) = rest.strip_prefix(zh) {
                out.push_str(spelled);
                rest = after;
                continue 'outer;
            }
        }
        match c.to_pinyin() {
            Some(p) => out.push_str(p.plain()),
            None => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The hints a file's path gives the inference: Markdown by extension, and the place named by
/// the folder it is in (福建省/2024.md; see [`gwr_extract::infer::place_of_folder`]).
pub fn hints(file: &Path) -> Hints {
    let place = file
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| gwr_extract::infer::place_of_folder(&n.to_string_lossy()));
    Hints {
        markdown: is_markdown(file),
        place,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shaanxi_and_shanxi_differ() {
        let a = report_id(Path::new("政府工作报告-省自治区/山西省/2003.md"));
        let b = report_id(Path::new("政府工作报告-省自治区/陕西省/2003.md"));
        assert_eq!(a, "zhengfugongzuobaogao-shengzizhiqu-shanxisheng-2003");
        assert_eq!(b, "zhengfugongzuobaogao-shengzizhiqu-shaanxisheng-2003");
    }

    #[test]
    fn ids_from_paths() {
        assert_eq!(
            report_id(Path::new("政府工作报告-省自治区/福建省/2024.md")),
            "zhengfugongzuobaogao-shengzizhiqu-fujiansheng-2024"
        );
        assert_eq!(report_id(Path::new("cn-sh-2024.txt")), "cn-sh-2024");
        assert_eq!(
            report_id(Path::new("国务院/1964-part.md")),
            "guowuyuan-1964-part"
        );
        assert_eq!(report_id(Path::new("../x/淞南镇.txt")), "x-songnanzhen");
    }

    #[test]
    fn hints_from_paths() {
        let h = hints(Path::new("lawtext/政府工作报告-省自治区/福建省/2024.md"));
        assert!(h.markdown);
        assert_eq!(h.place.as_deref(), Some("福建省"));
        let h = hints(Path::new("lawtext/国家统计局年度统计/2020.md"));
        assert_eq!(h.place, None);
        assert!(!hints(Path::new("a/report.txt")).markdown);
        assert!(is_readme(Path::new("a/UPSTREAM-README.md")) && !is_readme(Path::new("a/2024.md")));
    }
}
