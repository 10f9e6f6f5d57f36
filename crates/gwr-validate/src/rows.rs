//! Check 2: rows against their Table Schema and JSON Schema, keys, and the CSV/Parquet copies
//! of a table against each other.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::{Map, Number, Value};

use crate::descriptor::{Field, Resource};
use crate::profile::{describe, truncate};
use crate::table::{Cell, Table};
use crate::Report;

/// Runs every row check on every loaded table.
pub(crate) fn check_all(
    root: &Path,
    resources: &[Resource],
    tables: &HashMap<String, Table>,
    report: &mut Report,
) {
    for r in resources {
        let (Some(schema), Some(t)) = (&r.schema, tables.get(&r.name)) else {
            continue;
        };
        constraints(&schema.fields, t, report);
        primary_key(&schema.primary_key, t, report);
        foreign_keys(r, resources, tables, report);
        if r.format == "csv" {
            json_schema(root, r, t, report);
        }
    }
    for (csv, pq) in pairs(resources) {
        if let (Some(a), Some(b)) = (tables.get(&csv.name), tables.get(&pq.name)) {
            report.stats.pairs_compared += 1;
            compare(a, b, report);
        }
    }
}

fn value_eq(cell: &Cell, v: &Value) -> bool {
    match (cell, v) {
        (Cell::Str(s) | Cell::Date(s), Value::String(e)) => s == e,
        (Cell::Int(i), Value::Number(n)) => {
            n.as_i64() == Some(*i) || n.as_f64().is_some_and(|f| f == *i as f64)
        }
        (Cell::Num(x), Value::Number(n)) => n.as_f64() == Some(*x),
        (Cell::Bool(b), Value::Bool(e)) => b == e,
        (Cell::Int(_) | Cell::Num(_), Value::String(e)) => cell.key().as_deref() == Some(e),
        _ => false,
    }
}

/// `cell` compared with a bound: `Some(ordering)` when comparable.
fn cmp_bound(cell: &Cell, bound: &Value) -> Option<std::cmp::Ordering> {
    match (cell, bound) {
        (Cell::Int(i), Value::Number(n)) => match n.as_i64() {
            Some(b) => Some(i.cmp(&b)),
            None => (*i as f64).partial_cmp(&n.as_f64()?),
        },
        (Cell::Num(x), Value::Number(n)) => x.partial_cmp(&n.as_f64()?),
        (Cell::Date(d), Value::String(b)) => Some(d.as_str().cmp(b.as_str())),
        (Cell::Int(_) | Cell::Num(_), Value::String(b)) => {
            let b: f64 = b.parse().ok()?;
            cell.as_f64()?.partial_cmp(&b)
        }
        _ => None,
    }
}

fn constraints(fields: &[Field], t: &Table, report: &mut Report) {
    use std::cmp::Ordering::*;
    let mut uniques: Vec<HashMap<String, usize>> = vec![HashMap::new(); fields.len()];
    for (i, row) in t.rows.iter().enumerate() {
        let row_no = i + 1;
        for (j, f) in fields.iter().enumerate() {
            let cell = row.get(j).unwrap_or(&Cell::Null);
            let mut push = |code: &'static str, msg: String| {
                report.push(&t.resource, Some(row_no), Some(&f.name), code, msg)
            };
            if cell.is_null() {
                if f.required {
                    push("required", "is empty, but the field is required".into());
                }
                continue;
            }
            if matches!(cell, Cell::Bad(_)) {
                continue; // reported when read
            }
            if let Some(values) = &f.enum_values {
                if !values.iter().any(|v| value_eq(cell, v)) {
                    let allowed: Vec<String> = values.iter().map(|v| v.to_string()).collect();
                    push(
                        "enum",
                        format!(
                            "{} is not one of the allowed values [{}]",
                            cell.show(),
                            truncate(&allowed.join(", "), 300)
                        ),
                    );
                }
            }
            let bounds = [
                (
                    &f.minimum,
                    [Less].as_slice(),
                    "minimum",
                    "below the minimum",
                ),
                (
                    &f.maximum,
                    [Greater].as_slice(),
                    "maximum",
                    "above the maximum",
                ),
                (
                    &f.exclusive_minimum,
                    [Less, Equal].as_slice(),
                    "minimum",
                    "not above the exclusive minimum",
                ),
                (
                    &f.exclusive_maximum,
                    [Greater, Equal].as_slice(),
                    "maximum",
                    "not below the exclusive maximum",
                ),
            ];
            for (bound, bad, code, what) in bounds {
                if let Some(b) = bound {
                    if let Some(o) = cmp_bound(cell, b) {
                        if bad.contains(&o) {
                            push(code, format!("{} is {what} {b}", cell.show()));
                        }
                    }
                }
            }
            if let Cell::Str(s) = cell {
                let n = s.chars().count() as u64;
                if f.min_length.is_some_and(|m| n < m) {
                    push(
                        "length",
                        format!("{} has {n} characters, fewer than the minimum", cell.show()),
                    );
                }
                if f.max_length.is_some_and(|m| n > m) {
                    push(
                        "length",
                        format!("{} has {n} characters, more than the maximum", cell.show()),
                    );
                }
                if let Some((p, Some(re))) = &f.pattern {
                    if !re.is_match(s) {
                        push(
                            "pattern",
                            format!("{} does not match the pattern `{p}`", cell.show()),
                        );
                    }
                }
            }
            if f.unique {
                if let Some(k) = cell.key() {
                    if let Some(first) = uniques[j].get(&k) {
                        push(
                            "unique",
                            format!(
                                "{} repeats row {first}, but the field is unique",
                                cell.show()
                            ),
                        );
                    } else {
                        uniques[j].insert(k, row_no);
                    }
                }
            }
        }
    }
}

const SEP: char = '\u{1f}';

/// The key of `row` over `cols`; `None` when a column is missing or a cell is null.
fn key_of(t: &Table, row: &[Cell], cols: &[usize]) -> Option<String> {
    let mut k = String::new();
    for (n, &c) in cols.iter().enumerate() {
        if n > 0 {
            k.push(SEP);
        }
        k.push_str(&row.get(c)?.key()?);
    }
    let _ = t;
    Some(k)
}

fn show_key(k: &str) -> String {
    k.split(SEP).collect::<Vec<_>>().join(", ")
}

fn columns(t: &Table, names: &[String], report: &mut Report, what: &str) -> Option<Vec<usize>> {
    let mut cols = Vec::new();
    for n in names {
        match t.col(n) {
            Some(c) => cols.push(c),
            None => {
                report.push(
                    &t.resource,
                    None,
                    Some(n),
                    "schema",
                    format!("{what} names field `{n}`, which the schema does not have"),
                );
                return None;
            }
        }
    }
    Some(cols)
}

fn primary_key(pk: &[String], t: &Table, report: &mut Report) {
    if pk.is_empty() {
        return;
    }
    let Some(cols) = columns(t, pk, report, "the primary key") else {
        return;
    };
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(t.rows.len());
    for (i, row) in t.rows.iter().enumerate() {
        let row_no = i + 1;
        match key_of(t, row, &cols) {
            None => report.push(
                &t.resource,
                Some(row_no),
                Some(&pk.join(",")),
                "primary-key",
                "a primary key field is empty",
            ),
            Some(k) => {
                if let Some(first) = seen.get(&k) {
                    report.push(
                        &t.resource,
                        Some(row_no),
                        Some(&pk.join(",")),
                        "primary-key",
                        format!(
                            "duplicate primary key ({}), first in row {first}",
                            show_key(&k)
                        ),
                    );
                } else {
                    seen.insert(k, row_no);
                }
            }
        }
    }
}

fn foreign_keys(
    r: &Resource,
    resources: &[Resource],
    tables: &HashMap<String, Table>,
    report: &mut Report,
) {
    let (Some(schema), Some(t)) = (&r.schema, tables.get(&r.name)) else {
        return;
    };
    for fk in &schema.foreign_keys {
        let target_name = fk.resource.clone().unwrap_or_else(|| r.name.clone());
        let label = fk.fields.join(",");
        if fk.fields.is_empty() || fk.fields.len() != fk.ref_fields.len() {
            report.push(
                &r.name,
                None,
                Some(&label),
                "schema",
                "a foreign key's fields and its reference's fields differ in number",
            );
            continue;
        }
        if !resources.iter().any(|x| x.name == target_name) {
            report.push(
                &r.name,
                None,
                Some(&label),
                "foreign-key",
                format!("the foreign key references resource `{target_name}`, which the package does not have"),
            );
            continue;
        }
        let Some(target) = tables.get(&target_name) else {
            continue; // unreadable; reported where it was read
        };
        let Some(cols) = columns(t, &fk.fields, report, "a foreign key") else {
            continue;
        };
        let Some(ref_cols) = columns(target, &fk.ref_fields, report, "a foreign key reference")
        else {
            continue;
        };
        let keys: HashSet<String> = target
            .rows
            .iter()
            .filter_map(|row| key_of(target, row, &ref_cols))
            .collect();
        for (i, row) in t.rows.iter().enumerate() {
            if let Some(k) = key_of(t, row, &cols) {
                if !keys.contains(&k) {
                    report.push(
                        &r.name,
                        Some(i + 1),
                        Some(&label),
                        "foreign-key",
                        format!(
                            "({}) has no match in {}.{}",
                            show_key(&k),
                            target_name,
                            fk.ref_fields.join(",")
                        ),
                    );
                }
            }
        }
    }
}

/// A row as the JSON object its JSON Schema describes: typed values, empty cells as null.
fn row_json(t: &Table, row: &[Cell]) -> Value {
    let mut m = Map::new();
    for (name, cell) in t.fields.iter().zip(row) {
        let v = match cell {
            Cell::Null => Value::Null,
            Cell::Str(s) | Cell::Date(s) | Cell::Bad(s) => Value::String(s.clone()),
            Cell::Int(i) => Value::Number((*i).into()),
            Cell::Num(f) => Number::from_f64(*f)
                .map(Value::Number)
                .unwrap_or_else(|| Value::String(crate::table::num_text(*f))),
            Cell::Bool(b) => Value::Bool(*b),
        };
        m.insert(name.clone(), v);
    }
    Value::Object(m)
}

/// The JSON Schema of a CSV table: `schemas/STEM.schema.json`, STEM the file name of the
/// resource's own (checked) `path` without its extension — never built from the resource's
/// `name` — read through [`crate::safe`], so it is a regular file inside the package.
fn json_schema(root: &Path, r: &Resource, t: &Table, report: &mut Report) {
    let stem = r
        .path
        .as_deref()
        .and_then(|p| p.rsplit('/').next())
        .and_then(|f| f.rsplit_once('.'))
        .map(|(s, _)| s)
        .filter(|s| !s.is_empty() && !s.starts_with('.'));
    let Some(stem) = stem else {
        report.push(
            &r.name,
            None,
            None,
            "json-schema",
            "the resource has no file path to find its JSON Schema by",
        );
        return;
    };
    let rel = format!("schemas/{stem}.schema.json");
    let schema: Value = match crate::safe::read(root, &rel, crate::MAX_SCHEMA_BYTES) {
        Ok(b) => match serde_json::from_slice(&b) {
            Ok(v) => v,
            Err(e) => {
                report.push(
                    &r.name,
                    None,
                    None,
                    "json-schema",
                    format!("{rel} is not JSON: {e}"),
                );
                return;
            }
        },
        Err(e) => {
            report.push(&r.name, None, None, "json-schema", format!("{rel}: {e}"));
            return;
        }
    };
    let validator = match jsonschema::validator_for(&schema) {
        Ok(v) => v,
        Err(e) => {
            report.push(
                &r.name,
                None,
                None,
                "json-schema",
                format!("{rel} is not a usable JSON Schema: {e}"),
            );
            return;
        }
    };
    for (i, row) in t.rows.iter().enumerate() {
        let obj = row_json(t, row);
        report.stats.json_schema_rows += 1;
        for e in validator.iter_errors(&obj) {
            let ptr = e.instance_path().as_str();
            let field = ptr.strip_prefix('/').unwrap_or(ptr);
            let field = field.split('/').next().unwrap_or_default().to_string();
            report.push(
                &r.name,
                Some(i + 1),
                (!field.is_empty()).then_some(field.as_str()),
                "json-schema",
                format!("{} ({rel})", describe(&e)),
            );
        }
    }
}

/// CSV resources paired with the Parquet resource of the same path stem.
pub(crate) fn pairs(resources: &[Resource]) -> Vec<(&Resource, &Resource)> {
    let stem = |r: &Resource| {
        r.path
            .as_deref()
            .and_then(|p| p.rsplit_once('.'))
            .map(|(s, _)| s.to_string())
    };
    let mut out = Vec::new();
    for a in resources
        .iter()
        .filter(|r| r.is_table() && r.format == "csv")
    {
        let Some(sa) = stem(a) else { continue };
        if let Some(b) = resources
            .iter()
            .find(|r| r.is_table() && r.format == "parquet" && stem(r).as_deref() == Some(&sa))
        {
            out.push((a, b));
        }
    }
    out
}

/// One copy of each table: the CSV of a CSV/Parquet pair, and every unpaired table.
pub(crate) fn canonical_tables<'a>(
    resources: &'a [Resource],
    tables: &'a HashMap<String, Table>,
) -> Vec<(&'a Resource, &'a Table)> {
    let paired = pairs(resources);
    resources
        .iter()
        .filter(|r| {
            !paired
                .iter()
                .any(|(csv, pq)| pq.name == r.name && tables.contains_key(&csv.name))
        })
        .filter_map(|r| tables.get(&r.name).map(|t| (r, t)))
        .collect()
}

fn same(a: &Cell, b: &Cell) -> bool {
    match (a, b) {
        (Cell::Num(x), Cell::Num(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
        _ => a == b,
    }
}

fn compare(csv: &Table, pq: &Table, report: &mut Report) {
    let name = &csv.resource;
    if csv.fields != pq.fields {
        report.push(
            name,
            None,
            None,
            "csv-parquet",
            format!("the fields differ from those of {}", pq.resource),
        );
        return;
    }
    if csv.rows.len() != pq.rows.len() {
        report.push(
            name,
            None,
            None,
            "csv-parquet",
            format!(
                "has {} rows, {} has {}",
                csv.rows.len(),
                pq.resource,
                pq.rows.len()
            ),
        );
    }
    for (i, (a, b)) in csv.rows.iter().zip(&pq.rows).enumerate() {
        for (j, f) in csv.fields.iter().enumerate() {
            let (x, y) = (
                a.get(j).unwrap_or(&Cell::Null),
                b.get(j).unwrap_or(&Cell::Null),
            );
            if !same(x, y) {
                let ty = |c: &Cell| match c {
                    Cell::Num(_) => " (number)",
                    Cell::Int(_) => " (integer)",
                    _ => "",
                };
                report.push(
                    name,
                    Some(i + 1),
                    Some(f),
                    "csv-parquet",
                    format!(
                        "CSV has {}{}, {} has {}{}",
                        x.show(),
                        ty(x),
                        pq.resource,
                        y.show(),
                        ty(y)
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_compare_bitwise() {
        assert!(same(&Cell::Num(0.1 + 0.2), &Cell::Num(0.1 + 0.2)));
        assert!(!same(&Cell::Num(0.1 + 0.2), &Cell::Num(0.3)));
        assert!(same(&Cell::Num(f64::NAN), &Cell::Num(f64::NAN)));
        assert!(!same(&Cell::Int(1), &Cell::Num(1.0)));
    }

    #[test]
    fn bounds_and_enums() {
        assert!(value_eq(&Cell::Str("a".into()), &Value::String("a".into())));
        assert!(value_eq(&Cell::Int(3), &serde_json::json!(3)));
        assert!(!value_eq(&Cell::Int(3), &serde_json::json!("x")));
        assert_eq!(
            cmp_bound(&Cell::Int(1948), &serde_json::json!(1949)),
            Some(std::cmp::Ordering::Less)
        );
        assert_eq!(
            cmp_bound(&Cell::Num(-0.5), &serde_json::json!(0.0)),
            Some(std::cmp::Ordering::Less)
        );
        assert_eq!(
            cmp_bound(&Cell::Str("x".into()), &serde_json::json!(0)),
            None
        );
    }
}
