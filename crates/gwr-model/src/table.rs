//! One definition per table, and everything derived from it.
//!
//! A table is a row struct (see [`crate::rows`]) plus the table-level facts of the [`Table`]
//! trait (name, titles, keys). From these, this module derives:
//! - [`Table::row_json_schema`]: the JSON Schema (draft 2020-12) of one row, from `schemars`;
//! - [`Table::fields`]: the field list ([`FieldSpec`]) read off that JSON Schema;
//! - [`Table::table_schema`]: the Frictionless Table Schema built from the field list.
//!
//! The Arrow schema (in `gwr-export`) and the data dictionary are built from [`FieldSpec`]s too,
//! so a field is described in exactly one place: its row struct.

use schemars::{generate::SchemaSettings, JsonSchema};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Map, Value};

use crate::rows::{
    Fact, Indicator, Paragraph, PlaceRow, QualityIssue, ReportRow, Section, Target, TargetOutcome,
};

/// A foreign key of a table: `fields` refer to `reference_fields` of `resource`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForeignKey {
    /// Fields of this table.
    pub fields: &'static [&'static str],
    /// The referenced table's name.
    pub resource: &'static str,
    /// Fields of the referenced table.
    pub reference_fields: &'static [&'static str],
}

/// The Frictionless field types used by gwr tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldType {
    /// UTF-8 text.
    String,
    /// 64-bit signed integer.
    Integer,
    /// 64-bit float.
    Number,
    /// true/false.
    Boolean,
    /// A calendar date, ISO 8601 (YYYY-MM-DD).
    Date,
}

impl FieldType {
    /// The Frictionless Table Schema name of the type.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Integer => "integer",
            FieldType::Number => "number",
            FieldType::Boolean => "boolean",
            FieldType::Date => "date",
        }
    }
}

/// One field of a table, as derived from its row struct.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSpec {
    /// Column name.
    pub name: String,
    /// Column type.
    pub field_type: FieldType,
    /// Whether every row has a value.
    pub required: bool,
    /// English description.
    pub description_en: String,
    /// Chinese description.
    pub description_zh: String,
    /// Allowed values, for enumerations.
    pub enum_values: Option<Vec<String>>,
    /// Inclusive minimum, for numbers.
    pub minimum: Option<f64>,
    /// Inclusive maximum, for numbers.
    pub maximum: Option<f64>,
    /// Regular expression every value matches.
    pub pattern: Option<String>,
    /// JSON Schema string format (date, uri), when one is set.
    pub format: Option<String>,
    /// Unit of measurement, when fixed.
    pub unit: Option<String>,
}

/// A published table: its row type and table-level metadata.
pub trait Table: Serialize + DeserializeOwned + JsonSchema {
    /// File stem and resource name (`facts`).
    const NAME: &'static str;
    /// English title.
    const TITLE_EN: &'static str;
    /// Chinese title.
    const TITLE_ZH: &'static str;
    /// English description.
    const DESCRIPTION_EN: &'static str;
    /// Chinese description.
    const DESCRIPTION_ZH: &'static str;
    /// Primary key fields.
    const PRIMARY_KEY: &'static [&'static str];
    /// Foreign keys.
    const FOREIGN_KEYS: &'static [ForeignKey];
    /// Sub-folder of the data folder the table's files go in ("" for none).
    const SUBDIR: &'static str = "";

    /// JSON Schema (draft 2020-12) of one row, with subschemas inlined.
    fn row_json_schema() -> Value {
        let settings = SchemaSettings::draft2020_12().with(|s| s.inline_subschemas = true);
        let schema = settings.into_generator().into_root_schema_for::<Self>();
        let mut value = schema.to_value();
        if let Value::Object(map) = &mut value {
            map.insert(
                "$id".into(),
                Value::String(format!(
                    "https://gwr.example/schemas/{}.schema.json",
                    Self::NAME
                )),
            );
            map.insert("title".into(), Value::String(Self::TITLE_EN.into()));
            map.insert(
                "description".into(),
                Value::String(format!("{} {}", Self::DESCRIPTION_EN, Self::DESCRIPTION_ZH)),
            );
            map.insert("additionalProperties".into(), Value::Bool(false));
        }
        value
    }

    /// The fields of the table in column order.
    fn fields() -> Vec<FieldSpec> {
        fields_of(&Self::row_json_schema())
    }

    /// The Frictionless Table Schema of the table.
    fn table_schema() -> Value {
        table_schema_of(&Self::fields(), Self::PRIMARY_KEY, Self::FOREIGN_KEYS)
    }
}

/// Reads the field list off a row's JSON Schema.
pub fn fields_of(schema: &Value) -> Vec<FieldSpec> {
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(props) = schema.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    props
        .iter()
        .map(|(name, prop)| {
            let mut types = Vec::new();
            let mut enums = Vec::new();
            collect(prop, &mut types, &mut enums);
            let nullable = types.iter().any(|t| t == "null");
            let format = prop.get("format").and_then(Value::as_str).map(String::from);
            let field_type = if types.iter().any(|t| t == "integer") {
                FieldType::Integer
            } else if types.iter().any(|t| t == "number") {
                FieldType::Number
            } else if types.iter().any(|t| t == "boolean") {
                FieldType::Boolean
            } else if format.as_deref() == Some("date") {
                FieldType::Date
            } else {
                FieldType::String
            };
            let num = |k: &str| prop.get(k).and_then(Value::as_f64);
            let text = |k: &str| prop.get(k).and_then(Value::as_str).map(String::from);
            FieldSpec {
                name: name.clone(),
                field_type,
                required: required.contains(&name.as_str()) && !nullable,
                description_en: text("description").unwrap_or_default(),
                description_zh: text("x-zh").unwrap_or_default(),
                enum_values: (!enums.is_empty()).then_some(enums),
                minimum: num("minimum"),
                maximum: num("maximum"),
                pattern: text("pattern"),
                format: format.filter(|f| {
                    f != "date" && !f.starts_with("int") && !f.starts_with("uint") && f != "double"
                }),
                unit: text("x-unit"),
            }
        })
        .collect()
}

fn collect(schema: &Value, types: &mut Vec<String>, enums: &mut Vec<String>) {
    match schema.get("type") {
        Some(Value::String(t)) => types.push(t.clone()),
        Some(Value::Array(ts)) => {
            types.extend(ts.iter().filter_map(Value::as_str).map(String::from))
        }
        _ => {}
    }
    if let Some(Value::Array(values)) = schema.get("enum") {
        for v in values {
            match v {
                Value::String(s) => enums.push(s.clone()),
                Value::Null => types.push("null".into()),
                _ => {}
            }
        }
    }
    if let Some(Value::String(s)) = schema.get("const") {
        enums.push(s.clone());
        types.push("string".into());
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(subs)) = schema.get(key) {
            for sub in subs {
                collect(sub, types, enums);
            }
        }
    }
}

/// Builds a Frictionless Table Schema from a field list and keys.
pub fn table_schema_of(
    fields: &[FieldSpec],
    primary_key: &[&str],
    foreign_keys: &[ForeignKey],
) -> Value {
    let fields: Vec<Value> = fields.iter().map(field_descriptor).collect();
    let mut schema = Map::new();
    schema.insert(
        "$schema".into(),
        json!("https://datapackage.org/profiles/2.0/tableschema.json"),
    );
    schema.insert("fields".into(), Value::Array(fields));
    schema.insert("missingValues".into(), json!([""]));
    schema.insert("primaryKey".into(), json!(primary_key));
    if !foreign_keys.is_empty() {
        let fks: Vec<Value> = foreign_keys
            .iter()
            .map(|fk| {
                json!({
                    "fields": fk.fields,
                    "reference": {"resource": fk.resource, "fields": fk.reference_fields}
                })
            })
            .collect();
        schema.insert("foreignKeys".into(), Value::Array(fks));
    }
    Value::Object(schema)
}

fn field_descriptor(f: &FieldSpec) -> Value {
    let mut d = Map::new();
    d.insert("name".into(), json!(f.name));
    d.insert("type".into(), json!(f.field_type.as_str()));
    if f.field_type == FieldType::Number || f.field_type == FieldType::Integer {
        d.insert("bareNumber".into(), json!(true));
    }
    d.insert("title".into(), json!(f.description_zh));
    d.insert(
        "description".into(),
        json!(format!("{} / {}", f.description_en, f.description_zh)),
    );
    if let Some(unit) = &f.unit {
        d.insert("x-unit".into(), json!(unit));
    }
    let mut c = Map::new();
    if f.required {
        c.insert("required".into(), json!(true));
    }
    if let Some(values) = &f.enum_values {
        c.insert("enum".into(), json!(values));
    }
    let as_json_number = |x: f64| {
        if f.field_type == FieldType::Integer {
            json!(x as i64)
        } else {
            json!(x)
        }
    };
    if let Some(min) = f.minimum {
        c.insert("minimum".into(), as_json_number(min));
    }
    if let Some(max) = f.maximum {
        c.insert("maximum".into(), as_json_number(max));
    }
    if let Some(p) = &f.pattern {
        c.insert("pattern".into(), json!(p));
    }
    if !c.is_empty() {
        d.insert("constraints".into(), Value::Object(c));
    }
    Value::Object(d)
}

const TO_REPORT: ForeignKey = ForeignKey {
    fields: &["report_id"],
    resource: "reports",
    reference_fields: &["report_id"],
};

impl Table for ReportRow {
    const NAME: &'static str = "reports";
    const TITLE_EN: &'static str = "Reports";
    const TITLE_ZH: &'static str = "报告";
    const DESCRIPTION_EN: &'static str = "One row per report (a government work report, or an NBS statistical communiqué): place, level, year, meeting, speaker, source, checksum and document kind.";
    const DESCRIPTION_ZH: &'static str =
        "每份报告(政府工作报告或国家统计局统计公报)一行:地区、级别、年度、会议、报告人、来源、校验和与文件类型。";
    const PRIMARY_KEY: &'static [&'static str] = &["report_id"];
    const FOREIGN_KEYS: &'static [ForeignKey] = &[ForeignKey {
        fields: &["place_code"],
        resource: "places",
        reference_fields: &["code"],
    }];
}

impl Table for Section {
    const NAME: &'static str = "sections";
    const TITLE_EN: &'static str = "Sections";
    const TITLE_ZH: &'static str = "章节";
    const DESCRIPTION_EN: &'static str = "The parts (一、二、) of each report and their numbered sections ((一)…), with titles, order, parent and offsets.";
    const DESCRIPTION_ZH: &'static str =
        "报告的各部分(一、二、)及其下的编号章节((一)……),含标题、顺序、上级与偏移。";
    const PRIMARY_KEY: &'static [&'static str] = &["section_id"];
    const FOREIGN_KEYS: &'static [ForeignKey] = &[
        TO_REPORT,
        ForeignKey {
            fields: &["parent_id"],
            resource: "sections",
            reference_fields: &["section_id"],
        },
    ];
}

impl Table for Paragraph {
    const NAME: &'static str = "paragraphs";
    const TITLE_EN: &'static str = "Paragraphs";
    const TITLE_ZH: &'static str = "段落";
    const DESCRIPTION_EN: &'static str =
        "Every paragraph of each report body, with its section, lead phrase, text and offsets.";
    const DESCRIPTION_ZH: &'static str = "报告正文的每个段落,含所属章节、段首概括语、原文与偏移。";
    const PRIMARY_KEY: &'static [&'static str] = &["paragraph_id"];
    const FOREIGN_KEYS: &'static [ForeignKey] = &[
        TO_REPORT,
        ForeignKey {
            fields: &["section_id"],
            resource: "sections",
            reference_fields: &["section_id"],
        },
    ];
}

impl Table for Fact {
    const NAME: &'static str = "facts";
    const TITLE_EN: &'static str = "Facts";
    const TITLE_ZH: &'static str = "数据事实";
    const DESCRIPTION_EN: &'static str = "Every quantity stated in each report: what it measures, its value in base units, status, year, and the exact place in the text.";
    const DESCRIPTION_ZH: &'static str =
        "报告中陈述的每个数量:统计对象、基本单位数值、状态、年度及其在原文中的确切位置。";
    const PRIMARY_KEY: &'static [&'static str] = &["fact_id"];
    const FOREIGN_KEYS: &'static [ForeignKey] = &[
        TO_REPORT,
        ForeignKey {
            fields: &["section_id"],
            resource: "sections",
            reference_fields: &["section_id"],
        },
        ForeignKey {
            fields: &["paragraph_id"],
            resource: "paragraphs",
            reference_fields: &["paragraph_id"],
        },
        ForeignKey {
            fields: &["relates_to"],
            resource: "facts",
            reference_fields: &["fact_id"],
        },
        ForeignKey {
            fields: &["indicator"],
            resource: "indicators",
            reference_fields: &["code"],
        },
    ];
}

impl Table for Target {
    const NAME: &'static str = "targets";
    const TITLE_EN: &'static str = "Targets";
    const TITLE_ZH: &'static str = "目标";
    const DESCRIPTION_EN: &'static str = "One row per target, with its companion growth or level, the previous year's baseline the report gives, and whether they agree.";
    const DESCRIPTION_ZH: &'static str =
        "每个目标一行,含配套的增速或水平目标、报告给出的上年基数,以及三者是否一致。";
    const PRIMARY_KEY: &'static [&'static str] = &["target_id"];
    const FOREIGN_KEYS: &'static [ForeignKey] = &[
        TO_REPORT,
        ForeignKey {
            fields: &["fact_id"],
            resource: "facts",
            reference_fields: &["fact_id"],
        },
        ForeignKey {
            fields: &["indicator"],
            resource: "indicators",
            reference_fields: &["code"],
        },
        ForeignKey {
            fields: &["level_fact_id"],
            resource: "facts",
            reference_fields: &["fact_id"],
        },
        ForeignKey {
            fields: &["growth_fact_id"],
            resource: "facts",
            reference_fields: &["fact_id"],
        },
        ForeignKey {
            fields: &["baseline_fact_id"],
            resource: "facts",
            reference_fields: &["fact_id"],
        },
    ];
}

impl Table for QualityIssue {
    const NAME: &'static str = "quality_issues";
    const TITLE_EN: &'static str = "Quality issues";
    const TITLE_ZH: &'static str = "数据质量问题";
    const DESCRIPTION_EN: &'static str = "Every suspect spot of each report (damaged text, missing units, implausible magnitudes), with the reason. Values are kept as the text says.";
    const DESCRIPTION_ZH: &'static str =
        "报告中每处可疑之处(文本损坏、缺失量词、量级不合理等)及其原因。数值保持原文所述。";
    const PRIMARY_KEY: &'static [&'static str] = &["issue_id"];
    const FOREIGN_KEYS: &'static [ForeignKey] = &[
        TO_REPORT,
        ForeignKey {
            fields: &["fact_id"],
            resource: "facts",
            reference_fields: &["fact_id"],
        },
        ForeignKey {
            fields: &["paragraph_id"],
            resource: "paragraphs",
            reference_fields: &["paragraph_id"],
        },
    ];
}

impl Table for Indicator {
    const NAME: &'static str = "indicators";
    const TITLE_EN: &'static str = "Indicator glossary";
    const TITLE_ZH: &'static str = "指标词表";
    const DESCRIPTION_EN: &'static str = "The canonical indicators of government work reports, with the Chinese names reports use for each, English name, unit and description.";
    const DESCRIPTION_ZH: &'static str =
        "政府工作报告的标准指标,含各级报告使用的中文称谓、英文名、单位与说明。";
    const PRIMARY_KEY: &'static [&'static str] = &["code"];
    const FOREIGN_KEYS: &'static [ForeignKey] = &[];
    const SUBDIR: &'static str = "glossary";
}

impl Table for PlaceRow {
    const NAME: &'static str = "places";
    const TITLE_EN: &'static str = "Places";
    const TITLE_ZH: &'static str = "行政区划";
    const DESCRIPTION_EN: &'static str = "The administrative divisions the reports are about and their ancestors up to the country: official code, full name, pinyin, level and parent.";
    const DESCRIPTION_ZH: &'static str =
        "报告所属行政区划及其各级上级(直至全国):区划代码、规范全称、拼音、级别与上级代码。";
    const PRIMARY_KEY: &'static [&'static str] = &["code"];
    const FOREIGN_KEYS: &'static [ForeignKey] = &[ForeignKey {
        fields: &["parent_code"],
        resource: "places",
        reference_fields: &["code"],
    }];
}

impl Table for TargetOutcome {
    const NAME: &'static str = "target_outcomes";
    const TITLE_EN: &'static str = "Targets and outcomes";
    const TITLE_ZH: &'static str = "目标与完成情况";
    const DESCRIPTION_EN: &'static str = "One row per target of each report, beside the outcome the next report of the same place states for the target's year, the gap, whether the target was met, and for a sub-national report the national target of the same indicator and year; where the package holds the NBS statistical communiqué on that year, the official outcome it states, its gap and verdict; plus one row per headline indicator a national or provincial report sets no target for (not_set), stated in the text or silent.";
    const DESCRIPTION_ZH: &'static str =
        "每个目标一行,并列同一地区下一年度报告所述该年度的实际结果、差距及是否完成,地方报告另列同年度同指标的全国目标;包内有该年度国家统计局统计公报时,并列公报所载官方结果、差距及是否完成;全国和省级报告未设目标的主要指标各一行(not_set),注明文中明言或未提及。";
    const PRIMARY_KEY: &'static [&'static str] = &["row_id"];
    const FOREIGN_KEYS: &'static [ForeignKey] = &[
        TO_REPORT,
        ForeignKey {
            fields: &["target_fact_id"],
            resource: "facts",
            reference_fields: &["fact_id"],
        },
        ForeignKey {
            fields: &["place_code"],
            resource: "places",
            reference_fields: &["code"],
        },
        ForeignKey {
            fields: &["indicator"],
            resource: "indicators",
            reference_fields: &["code"],
        },
        ForeignKey {
            fields: &["outcome_fact_id"],
            resource: "facts",
            reference_fields: &["fact_id"],
        },
        ForeignKey {
            fields: &["official_outcome_fact_id"],
            resource: "facts",
            reference_fields: &["fact_id"],
        },
    ];
}
