//! The parts of `datapackage.json` the checks need, read leniently: whatever has the wrong
//! shape is left out here (the profile check reports it) or reported once.

use regex::Regex;
use serde_json::Value;

use crate::{Report, DESCRIPTOR};

/// A resource of the package.
#[derive(Debug, Clone)]
pub(crate) struct Resource {
    /// `name`, or a stand-in naming its position.
    pub name: String,
    /// `path` when it is one string.
    pub path: Option<String>,
    /// `format`, or the path's extension, lower-case.
    pub format: String,
    /// The whole descriptor of the resource.
    pub raw: Value,
    /// The Table Schema, for table resources.
    pub schema: Option<TableSchema>,
    /// CSV dialect.
    pub dialect: Dialect,
}

impl Resource {
    pub fn is_table(&self) -> bool {
        self.schema.is_some()
    }
}

/// The CSV dialect options we honour.
#[derive(Debug, Clone)]
pub(crate) struct Dialect {
    pub header: bool,
    pub delimiter: u8,
    pub quote: u8,
    pub double_quote: bool,
}

impl Default for Dialect {
    fn default() -> Self {
        Dialect {
            header: true,
            delimiter: b',',
            quote: b'"',
            double_quote: true,
        }
    }
}

/// Field types of Table Schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FieldType {
    String,
    Integer,
    Number,
    Boolean,
    Date,
    /// Any other type: read as text, not checked.
    Other(String),
}

/// A field of a Table Schema with its constraints.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    pub name: String,
    pub ty: FieldType,
    pub required: bool,
    pub unique: bool,
    pub enum_values: Option<Vec<Value>>,
    pub minimum: Option<Value>,
    pub maximum: Option<Value>,
    pub exclusive_minimum: Option<Value>,
    pub exclusive_maximum: Option<Value>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub pattern: Option<(String, Option<Regex>)>,
    pub true_values: Vec<String>,
    pub false_values: Vec<String>,
}

/// A foreign key.
#[derive(Debug, Clone)]
pub(crate) struct ForeignKey {
    pub fields: Vec<String>,
    /// The referenced resource; `None` for the resource itself.
    pub resource: Option<String>,
    pub ref_fields: Vec<String>,
}

/// A Table Schema.
#[derive(Debug, Clone)]
pub(crate) struct TableSchema {
    pub fields: Vec<Field>,
    pub primary_key: Vec<String>,
    pub foreign_keys: Vec<ForeignKey>,
    pub missing_values: Vec<String>,
}

/// One string or an array of strings, as Table Schema allows for keys.
fn names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
        _ => Vec::new(),
    }
}

fn strings(v: Option<&Value>, default: &[&str]) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| match x {
                Value::String(s) => Some(s.clone()),
                // v2 allows {"value": "", "label": "…"}
                Value::Object(o) => o.get("value").and_then(Value::as_str).map(String::from),
                _ => None,
            })
            .collect(),
        _ => default.iter().map(|s| s.to_string()).collect(),
    }
}

fn table_schema(v: &Value, resource: &str, report: &mut Report) -> Option<TableSchema> {
    let obj = v.as_object()?;
    let fields: Vec<Field> = obj
        .get("fields")
        .and_then(Value::as_array)
        .map(|fs| {
            fs.iter()
                .filter_map(|f| field(f, resource, report))
                .collect()
        })
        .unwrap_or_default();
    let foreign_keys = obj
        .get("foreignKeys")
        .and_then(Value::as_array)
        .map(|fks| {
            fks.iter()
                .filter_map(|fk| {
                    let reference = fk.get("reference")?;
                    Some(ForeignKey {
                        fields: names(fk.get("fields")),
                        resource: reference
                            .get("resource")
                            .and_then(Value::as_str)
                            .filter(|s| !s.is_empty())
                            .map(String::from),
                        ref_fields: names(reference.get("fields")),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Some(TableSchema {
        fields,
        primary_key: names(obj.get("primaryKey")),
        foreign_keys,
        missing_values: strings(obj.get("missingValues"), &[""]),
    })
}

fn field(f: &Value, resource: &str, report: &mut Report) -> Option<Field> {
    let name = f.get("name")?.as_str()?.to_string();
    let ty = match f.get("type").and_then(Value::as_str).unwrap_or("any") {
        "string" => FieldType::String,
        "integer" => FieldType::Integer,
        "number" => FieldType::Number,
        "boolean" => FieldType::Boolean,
        "date" => FieldType::Date,
        other => FieldType::Other(other.to_string()),
    };
    let c = f.get("constraints");
    let get = |k: &str| c.and_then(|c| c.get(k)).cloned();
    let pattern = match get("pattern") {
        Some(Value::String(p)) => {
            let re = Regex::new(&format!("^(?:{p})$"));
            if let Err(e) = &re {
                report.push(
                    resource,
                    None,
                    Some(&name),
                    "schema",
                    format!("pattern `{p}` does not compile: {e}"),
                );
            }
            Some((p, re.ok()))
        }
        _ => None,
    };
    Some(Field {
        ty,
        required: get("required").and_then(|v| v.as_bool()).unwrap_or(false),
        unique: get("unique").and_then(|v| v.as_bool()).unwrap_or(false),
        enum_values: get("enum").and_then(|v| v.as_array().cloned()),
        minimum: get("minimum"),
        maximum: get("maximum"),
        exclusive_minimum: get("exclusiveMinimum"),
        exclusive_maximum: get("exclusiveMaximum"),
        min_length: get("minLength").and_then(|v| v.as_u64()),
        max_length: get("maxLength").and_then(|v| v.as_u64()),
        pattern,
        true_values: strings(f.get("trueValues"), &["true", "True", "TRUE", "1"]),
        false_values: strings(f.get("falseValues"), &["false", "False", "FALSE", "0"]),
        name,
    })
}

fn dialect(v: Option<&Value>) -> Dialect {
    let mut d = Dialect::default();
    let Some(v) = v else { return d };
    if let Some(h) = v.get("header").and_then(Value::as_bool) {
        d.header = h;
    }
    let one_byte = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .filter(|s| s.len() == 1)
            .and_then(|s| s.bytes().next())
    };
    if let Some(b) = one_byte("delimiter") {
        d.delimiter = b;
    }
    if let Some(b) = one_byte("quoteChar") {
        d.quote = b;
    }
    if let Some(b) = v.get("doubleQuote").and_then(Value::as_bool) {
        d.double_quote = b;
    }
    d
}

/// The resources of the descriptor.
pub(crate) fn resources(descriptor: &Value, report: &mut Report) -> Vec<Resource> {
    let Some(list) = descriptor.get("resources").and_then(Value::as_array) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (index, r) in list.iter().enumerate() {
        if !r.is_object() {
            continue;
        }
        let name = r
            .get("name")
            .and_then(Value::as_str)
            .map(String::from)
            .unwrap_or_else(|| format!("{DESCRIPTOR} (resource {index})"));
        if !seen.insert(name.clone()) {
            report.push(
                &name,
                None,
                Some("name"),
                "resource-name",
                format!("resource name `{name}` is used more than once"),
            );
        }
        let path = r.get("path").and_then(Value::as_str).map(String::from);
        let format = r
            .get("format")
            .and_then(Value::as_str)
            .map(str::to_ascii_lowercase)
            .or_else(|| {
                path.as_deref()
                    .and_then(|p| p.rsplit_once('.'))
                    .map(|(_, ext)| ext.to_ascii_lowercase())
            })
            .unwrap_or_default();
        let mut schema_value = r.get("schema").cloned();
        if let Some(Value::String(_)) = schema_value {
            // a schema given by path is resolved by the caller (files::schema_by_path)
            schema_value = None;
        }
        let schema = schema_value.and_then(|s| table_schema(&s, &name, report));
        out.push(Resource {
            path,
            format,
            dialect: dialect(r.get("dialect")),
            schema,
            raw: r.clone(),
            name,
        });
    }
    out
}

/// Reads a Table Schema given as a path (a string `schema`) for resource `r`.
pub(crate) fn resolve_schema_path(r: &mut Resource, root: &std::path::Path, report: &mut Report) {
    let Some(Value::String(p)) = r.raw.get("schema").cloned() else {
        return;
    };
    let why = match crate::safe::read(root, &p, crate::MAX_SCHEMA_BYTES) {
        Ok(b) => match serde_json::from_slice::<Value>(&b) {
            Ok(v) => {
                let name = r.name.clone();
                r.schema = table_schema(&v, &name, report);
                return;
            }
            Err(e) => format!("is not JSON: {e}"),
        },
        Err(e) => e.to_string(),
    };
    report.push(
        &r.name,
        None,
        Some("schema"),
        "resource-path",
        format!("schema `{p}`: {why}"),
    );
}
