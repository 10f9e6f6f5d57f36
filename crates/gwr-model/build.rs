//! Generates `QualityCode` from `registry/quality-codes.tsv` (see that file's header).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let src = Path::new("registry/quality-codes.tsv");
    println!("cargo:rerun-if-changed={}", src.display());
    let text = std::fs::read_to_string(src).expect("registry/quality-codes.tsv is readable");
    let mut rows: Vec<[String; 5]> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() == 5,
            "quality-codes.tsv line {}: 5 tab-separated columns expected, found {}",
            n + 1,
            cols.len()
        );
        if cols[0] == "code" {
            continue; // the header
        }
        let code = cols[0];
        assert!(
            code.starts_with(|c: char| c.is_ascii_lowercase())
                && code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "quality-codes.tsv line {}: `{code}` is not snake_case ASCII",
            n + 1
        );
        assert!(
            matches!(cols[1], "error" | "warning" | "info"),
            "quality-codes.tsv line {}: severity `{}` is not error, warning or info",
            n + 1,
            cols[1]
        );
        assert!(
            cols[2..].iter().all(|c| !c.trim().is_empty()),
            "quality-codes.tsv line {}: empty summary or doc",
            n + 1
        );
        assert!(
            rows.iter().all(|r| r[0] != code),
            "quality-codes.tsv line {}: `{code}` twice",
            n + 1
        );
        rows.push(cols.map_to_array());
    }
    let variant = |code: &str| -> String {
        code.split('_')
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + cs.as_str())
                    .unwrap_or_default()
            })
            .collect()
    };
    let sev = |s: &str| match s {
        "error" => "Error",
        "warning" => "Warning",
        _ => "Info",
    };
    let mut o = String::new();
    o.push_str(
        "/// The code of a quality issue (`quality_issues.code`): one variant per line of\n",
    );
    o.push_str(
        "/// `crates/gwr-model/registry/quality-codes.tsv`, serialised as its snake_case code.\n",
    );
    o.push_str(
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]\n",
    );
    o.push_str("pub enum QualityCode {\n");
    for r in &rows {
        let doc = format!("{} ({}): {}", r[3], r[1], r[4]);
        writeln!(o, "    #[doc = {doc:?}]").unwrap();
        writeln!(o, "    #[serde(rename = {:?})]", r[0]).unwrap();
        writeln!(o, "    {},", variant(&r[0])).unwrap();
    }
    o.push_str("}\n\nimpl QualityCode {\n");
    o.push_str("    /// Every code, in the registry's order.\n");
    o.push_str("    pub const ALL: &'static [QualityCode] = &[\n");
    for r in &rows {
        writeln!(o, "        QualityCode::{},", variant(&r[0])).unwrap();
    }
    o.push_str("    ];\n\n");
    let getter =
        |o: &mut String, name: &str, doc: &str, ty: &str, f: &dyn Fn(&[String; 5]) -> String| {
            writeln!(o, "    /// {doc}").unwrap();
            writeln!(o, "    pub const fn {name}(self) -> {ty} {{").unwrap();
            o.push_str("        match self {\n");
            for r in &rows {
                writeln!(
                    o,
                    "            QualityCode::{} => {},",
                    variant(&r[0]),
                    f(r)
                )
                .unwrap();
            }
            o.push_str("        }\n    }\n\n");
        };
    getter(
        &mut o,
        "as_str",
        "The code as written in the tables (`garbled_date`).",
        "&'static str",
        &|r| format!("{:?}", r[0]),
    );
    getter(
        &mut o,
        "severity",
        "The usual severity (a detector may lower it, as [`QualityCode::doc`] says).",
        "Severity",
        &|r| format!("Severity::{}", sev(&r[1])),
    );
    getter(
        &mut o,
        "summary_zh",
        "What the code means, in Chinese.",
        "&'static str",
        &|r| format!("{:?}", r[2]),
    );
    getter(
        &mut o,
        "summary_en",
        "What the code means, in English.",
        "&'static str",
        &|r| format!("{:?}", r[3]),
    );
    getter(
        &mut o,
        "doc",
        "The rule, with examples.",
        "&'static str",
        &|r| format!("{:?}", r[4]),
    );
    o.push_str("    /// The code written `s`, if it is one.\n");
    o.push_str("    pub fn parse(s: &str) -> Option<QualityCode> {\n        match s {\n");
    for r in &rows {
        writeln!(
            o,
            "            {:?} => Some(QualityCode::{}),",
            r[0],
            variant(&r[0])
        )
        .unwrap();
    }
    o.push_str("            _ => None,\n        }\n    }\n}\n");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("quality_codes.rs");
    std::fs::write(out, o).expect("OUT_DIR is writable");
}

trait MapToArray {
    fn map_to_array(&self) -> [String; 5];
}

impl MapToArray for Vec<&str> {
    fn map_to_array(&self) -> [String; 5] {
        std::array::from_fn(|i| self[i].to_string())
    }
}
