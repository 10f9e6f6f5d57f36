//! The data dictionary (`DATA-DICTIONARY.md`), generated from the same definitions as the schemas.

use gwr_model::{
    Fact, FieldSpec, Indicator, Paragraph, PlaceRow, QualityIssue, ReportRow, Section, Table,
    Target, TargetOutcome,
};

/// One table's entry: name, titles, description, keys and fields.
pub struct TableDoc {
    /// Resource name.
    pub name: &'static str,
    /// English title.
    pub title_en: &'static str,
    /// Chinese title.
    pub title_zh: &'static str,
    /// English description.
    pub description_en: &'static str,
    /// Chinese description.
    pub description_zh: &'static str,
    /// Primary key.
    pub primary_key: &'static [&'static str],
    /// Fields.
    pub fields: Vec<FieldSpec>,
}

impl TableDoc {
    /// The entry of table `T`.
    pub fn of<T: Table>() -> Self {
        TableDoc {
            name: T::NAME,
            title_en: T::TITLE_EN,
            title_zh: T::TITLE_ZH,
            description_en: T::DESCRIPTION_EN,
            description_zh: T::DESCRIPTION_ZH,
            primary_key: T::PRIMARY_KEY,
            fields: T::fields(),
        }
    }
}

/// Every published table, in publication order.
pub fn all_tables() -> Vec<TableDoc> {
    vec![
        TableDoc::of::<Indicator>(),
        TableDoc::of::<PlaceRow>(),
        TableDoc::of::<ReportRow>(),
        TableDoc::of::<Section>(),
        TableDoc::of::<Paragraph>(),
        TableDoc::of::<Fact>(),
        TableDoc::of::<Target>(),
        TableDoc::of::<QualityIssue>(),
        TableDoc::of::<TargetOutcome>(),
    ]
}

/// The data dictionary as Markdown, in Chinese and English.
pub fn data_dictionary_md() -> String {
    let mut out = String::from(
        "# Data dictionary · 数据字典\n\nGenerated from the row types in `crates/gwr-model` (the single source of the schemas); do not edit by hand.\n由 `crates/gwr-model` 中的行类型生成(与各 Schema 同源),请勿手工编辑。\n\n",
    );
    for t in all_tables() {
        out.push_str(&format!(
            "## `{}` — {} · {}\n\n{}\n\n{}\n\n",
            t.name, t.title_en, t.title_zh, t.description_en, t.description_zh
        ));
        out.push_str(&format!(
            "Primary key · 主键: `{}`\n\n",
            t.primary_key.join("`, `")
        ));
        out.push_str("| field 字段 | type 类型 | required 必填 | constraints 约束 | description | 说明 |\n|---|---|---|---|---|---|\n");
        for f in &t.fields {
            let mut c = Vec::new();
            if let Some(e) = &f.enum_values {
                c.push(format!("one of: {}", e.join(", ")));
            }
            if let Some(m) = f.minimum {
                c.push(format!("≥ {m}"));
            }
            if let Some(m) = f.maximum {
                c.push(format!("≤ {m}"));
            }
            if let Some(p) = &f.pattern {
                c.push(format!("pattern `{p}`"));
            }
            if let Some(u) = &f.unit {
                c.push(format!("unit: {u}"));
            }
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} | {} |\n",
                f.name,
                f.field_type.as_str(),
                if f.required { "yes 是" } else { "no 否" },
                c.join("; ").replace('|', "\\|"),
                f.description_en.replace('|', "\\|"),
                f.description_zh.replace('|', "\\|"),
            ));
        }
        out.push('\n');
        if t.name == TargetOutcome::NAME {
            out.push_str("How `met` is decided · 完成判定规则 (`crates/gwr-panel`):\n\n");
            out.push_str(gwr_panel::MET_RULES_MD);
            out.push('\n');
            out.push_str(gwr_panel::NOT_SET_AND_LEVELS_MD);
            out.push_str(gwr_panel::OFFICIAL_RULES_MD);
            out.push('\n');
        }
    }
    out
}
