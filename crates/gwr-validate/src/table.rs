//! Reading table resources (CSV and Parquet) into typed cells, reporting cells whose text does
//! not have the field's type.

use std::collections::HashMap;
use std::path::Path;

use arrow::array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float32Array, Float64Array, Int16Array, Int32Array,
    Int64Array, Int8Array, LargeStringArray, StringArray, StringViewArray, UInt16Array,
    UInt32Array, UInt64Array, UInt8Array,
};
use arrow::datatypes::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use crate::descriptor::{Field, FieldType, Resource, TableSchema};
use crate::files::Contents;
use crate::Report;

/// One cell, typed by its field.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Null,
    Str(String),
    Int(i64),
    Num(f64),
    Bool(bool),
    /// ISO `YYYY-MM-DD`.
    Date(String),
    /// Text that does not have the field's type (already reported).
    Bad(String),
}

impl Cell {
    pub fn is_null(&self) -> bool {
        matches!(self, Cell::Null)
    }

    /// The value as text, for keys and messages (`None` for null).
    pub fn key(&self) -> Option<String> {
        match self {
            Cell::Null => None,
            Cell::Str(s) | Cell::Date(s) | Cell::Bad(s) => Some(s.clone()),
            Cell::Int(i) => Some(i.to_string()),
            Cell::Num(f) => Some(num_text(*f)),
            Cell::Bool(b) => Some(b.to_string()),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Cell::Str(s) | Cell::Date(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Cell::Int(i) => Some(*i as f64),
            Cell::Num(f) => Some(*f),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Cell::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// For messages: strings quoted, null spelled out.
    pub fn show(&self) -> String {
        match self {
            Cell::Null => "null (empty)".into(),
            Cell::Str(s) | Cell::Bad(s) => format!("{:?}", crate::profile::truncate(s, 80)),
            other => other.key().unwrap_or_default(),
        }
    }
}

/// A float as the shortest text that reads back to it.
pub(crate) fn num_text(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "INF" } else { "-INF" }.into()
    } else {
        format!("{f}")
    }
}

/// A table resource read into rows.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// Resource name.
    pub resource: String,
    /// The schema's field names, in order; each row has one cell per field.
    pub fields: Vec<String>,
    index: HashMap<String, usize>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    fn new(resource: &str, schema: &TableSchema) -> Self {
        let fields: Vec<String> = schema.fields.iter().map(|f| f.name.clone()).collect();
        let index = fields
            .iter()
            .enumerate()
            .map(|(i, f)| (f.clone(), i))
            .collect();
        Table {
            resource: resource.to_string(),
            fields,
            index,
            rows: Vec::new(),
        }
    }

    pub fn col(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    pub fn has(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }

    /// The cell of `row` in column `name` (null when the column does not exist).
    pub fn get<'a>(&'a self, row: &'a [Cell], name: &str) -> &'a Cell {
        static NULL: Cell = Cell::Null;
        self.col(name).and_then(|i| row.get(i)).unwrap_or(&NULL)
    }
}

/// Reads every table resource whose file could be read.
pub(crate) fn load_all(
    _root: &Path,
    resources: &[Resource],
    contents: &Contents,
    report: &mut Report,
) -> HashMap<String, Table> {
    let mut out = HashMap::new();
    for r in resources {
        let Some(schema) = &r.schema else { continue };
        let Some(bytes) = contents.get(&r.name) else {
            continue;
        };
        let table = match r.format.as_str() {
            "csv" => read_csv(r, schema, bytes, report),
            "parquet" => read_parquet(r, schema, bytes, report),
            other => {
                report.push(
                    &r.name,
                    None,
                    Some("format"),
                    "format",
                    format!(
                        "table format `{other}` is not supported (csv, parquet); rows not checked"
                    ),
                );
                None
            }
        };
        if let Some(t) = table {
            report.stats.tables += 1;
            report.stats.rows += t.rows.len();
            out.insert(r.name.clone(), t);
        }
    }
    out
}

fn read_csv(
    r: &Resource,
    schema: &TableSchema,
    bytes: &[u8],
    report: &mut Report,
) -> Option<Table> {
    let mut table = Table::new(&r.name, schema);
    let d = &r.dialect;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(d.delimiter)
        .quote(d.quote)
        .double_quote(d.double_quote)
        .from_reader(bytes);
    let mut records = rdr.records();
    // column of each schema field in the file
    let mut map: Vec<Option<usize>> = (0..schema.fields.len()).map(Some).collect();
    let mut width = schema.fields.len();
    if d.header {
        match records.next() {
            Some(Ok(h)) => {
                let header: Vec<&str> = h.iter().collect();
                let header: Vec<&str> = header
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        if i == 0 {
                            s.trim_start_matches('\u{feff}')
                        } else {
                            s
                        }
                    })
                    .collect();
                width = header.len();
                if header != table.fields.iter().map(String::as_str).collect::<Vec<_>>() {
                    report.push(
                        &r.name,
                        None,
                        None,
                        "header",
                        format!(
                            "the header is [{}], the schema's fields are [{}]",
                            header.join(","),
                            table.fields.join(",")
                        ),
                    );
                    map = table
                        .fields
                        .iter()
                        .map(|f| header.iter().position(|h| h == f))
                        .collect();
                }
            }
            Some(Err(e)) => {
                report.push(
                    &r.name,
                    None,
                    None,
                    "csv",
                    format!("unreadable header: {e}"),
                );
                return None;
            }
            None => {
                report.push(
                    &r.name,
                    None,
                    None,
                    "csv",
                    "the file is empty (no header row)",
                );
                return Some(table);
            }
        }
    }
    for (i, rec) in records.enumerate() {
        let row_no = i + 1;
        let rec = match rec {
            Ok(rec) => rec,
            Err(e) => {
                report.push(
                    &r.name,
                    Some(row_no),
                    None,
                    "csv",
                    format!("unreadable row: {e}"),
                );
                continue;
            }
        };
        if rec.len() != width {
            report.push(
                &r.name,
                Some(row_no),
                None,
                "csv",
                format!("has {} cells, the header has {width}", rec.len()),
            );
        }
        let row: Vec<Cell> = schema
            .fields
            .iter()
            .zip(&map)
            .map(|(f, col)| {
                let text = col.and_then(|c| rec.get(c));
                match text {
                    None => Cell::Null,
                    Some(t) if schema.missing_values.iter().any(|m| m == t) => Cell::Null,
                    Some(t) => parse_cell(f, t, &r.name, row_no, report),
                }
            })
            .collect();
        table.rows.push(row);
    }
    Some(table)
}

fn is_decimal(t: &str) -> bool {
    let t = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (mant, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t, None),
    };
    let (int, frac) = match mant.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (mant, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mant_ok = digits(int)
        && frac.is_none_or(digits)
        && (!int.is_empty() || frac.is_some_and(|f| !f.is_empty()));
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mant_ok && exp_ok
}

/// Days from 1970-01-01 to a civil date, when the date exists.
pub(crate) fn parse_date(t: &str) -> Option<(i64, u32, u32)> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = t.get(0..4)?.parse().ok()?;
    let m: u32 = t.get(5..7)?.parse().ok()?;
    let d: u32 = t.get(8..10)?.parse().ok()?;
    if !t.get(0..4)?.bytes().all(|c| c.is_ascii_digit())
        || !t.get(5..7)?.bytes().all(|c| c.is_ascii_digit())
        || !t.get(8..10)?.bytes().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let dim = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=dim).contains(&d).then_some((y, m, d))
}

/// The ISO date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).
pub(crate) fn date_of_days(days: i32) -> String {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

fn parse_cell(f: &Field, t: &str, resource: &str, row: usize, report: &mut Report) -> Cell {
    let bad = |report: &mut Report, what: &str| {
        report.push(
            resource,
            Some(row),
            Some(&f.name),
            "type",
            format!("{:?} is not {what}", crate::profile::truncate(t, 80)),
        );
        Cell::Bad(t.to_string())
    };
    match &f.ty {
        FieldType::String | FieldType::Other(_) => Cell::Str(t.to_string()),
        FieldType::Integer => {
            let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return bad(report, "an integer");
            }
            match t.parse::<i64>() {
                Ok(i) => Cell::Int(i),
                Err(_) => bad(report, "an integer in the 64-bit range"),
            }
        }
        FieldType::Number => match t {
            "NaN" => Cell::Num(f64::NAN),
            "INF" => Cell::Num(f64::INFINITY),
            "-INF" => Cell::Num(f64::NEG_INFINITY),
            _ if is_decimal(t) => match t.parse::<f64>() {
                Ok(x) if x.is_finite() => Cell::Num(x),
                _ => bad(report, "a number in the 64-bit float range"),
            },
            _ => bad(report, "a number"),
        },
        FieldType::Boolean => {
            if f.true_values.iter().any(|v| v == t) {
                Cell::Bool(true)
            } else if f.false_values.iter().any(|v| v == t) {
                Cell::Bool(false)
            } else {
                bad(report, "a boolean")
            }
        }
        FieldType::Date => match parse_date(t) {
            Some(_) => Cell::Date(t.to_string()),
            None => bad(report, "a date (YYYY-MM-DD)"),
        },
    }
}

fn expected_arrow(ty: &FieldType) -> Option<DataType> {
    Some(match ty {
        FieldType::String => DataType::Utf8,
        FieldType::Integer => DataType::Int64,
        FieldType::Number => DataType::Float64,
        FieldType::Boolean => DataType::Boolean,
        FieldType::Date => DataType::Date32,
        FieldType::Other(_) => return None,
    })
}

fn read_parquet(
    r: &Resource,
    schema: &TableSchema,
    bytes: &[u8],
    report: &mut Report,
) -> Option<Table> {
    let mut table = Table::new(&r.name, schema);
    let data = bytes::Bytes::copy_from_slice(bytes);
    let reader = ParquetRecordBatchReaderBuilder::try_new(data).and_then(|b| b.build());
    let reader = match reader {
        Ok(rd) => rd,
        Err(e) => {
            report.push(
                &r.name,
                None,
                None,
                "parquet",
                format!("unreadable Parquet file: {e}"),
            );
            return None;
        }
    };
    let mut checked_columns = false;
    for batch in reader {
        let batch = match batch {
            Ok(b) => b,
            Err(e) => {
                report.push(
                    &r.name,
                    None,
                    None,
                    "parquet",
                    format!("unreadable row group: {e}"),
                );
                return Some(table);
            }
        };
        let bs = batch.schema();
        if !checked_columns {
            checked_columns = true;
            let names: Vec<&str> = bs.fields().iter().map(|f| f.name().as_str()).collect();
            if names != table.fields.iter().map(String::as_str).collect::<Vec<_>>() {
                report.push(
                    &r.name,
                    None,
                    None,
                    "header",
                    format!(
                        "the columns are [{}], the schema's fields are [{}]",
                        names.join(","),
                        table.fields.join(",")
                    ),
                );
            }
            for f in &schema.fields {
                if let (Ok(col), Some(want)) = (bs.field_with_name(&f.name), expected_arrow(&f.ty))
                {
                    let got = col.data_type();
                    let same_kind = got == &want
                        || matches!(
                            (got, &want),
                            (DataType::LargeUtf8 | DataType::Utf8View, DataType::Utf8)
                        );
                    if !same_kind {
                        report.push(
                            &r.name,
                            None,
                            Some(&f.name),
                            "type",
                            format!("the Parquet column is {got}, the schema's type needs {want}"),
                        );
                    }
                }
            }
        }
        let base = table.rows.len();
        let n = batch.num_rows();
        let mut cols: Vec<Vec<Cell>> = Vec::with_capacity(schema.fields.len());
        for f in &schema.fields {
            match bs.index_of(&f.name).ok().map(|i| batch.column(i)) {
                Some(a) => cols.push(cells_of(a, &r.name, &f.name, base, report)),
                None => cols.push(vec![Cell::Null; n]),
            }
        }
        for i in 0..n {
            table.rows.push(
                cols.iter()
                    .map(|c| c.get(i).cloned().unwrap_or(Cell::Null))
                    .collect(),
            );
        }
    }
    Some(table)
}

macro_rules! cells {
    ($a:expr, $t:ty, $f:expr) => {
        match $a.as_any().downcast_ref::<$t>() {
            Some(arr) => Some(
                (0..arr.len())
                    .map(|i| {
                        if arr.is_null(i) {
                            Cell::Null
                        } else {
                            $f(arr.value(i))
                        }
                    })
                    .collect::<Vec<Cell>>(),
            ),
            None => None,
        }
    };
}

fn cells_of(
    a: &ArrayRef,
    resource: &str,
    field: &str,
    base: usize,
    report: &mut Report,
) -> Vec<Cell> {
    let s = |v: &str| Cell::Str(v.to_string());
    let out = match a.data_type() {
        DataType::Utf8 => cells!(a, StringArray, s),
        DataType::LargeUtf8 => cells!(a, LargeStringArray, s),
        DataType::Utf8View => cells!(a, StringViewArray, s),
        DataType::Int8 => cells!(a, Int8Array, |v: i8| Cell::Int(v.into())),
        DataType::Int16 => cells!(a, Int16Array, |v: i16| Cell::Int(v.into())),
        DataType::Int32 => cells!(a, Int32Array, |v: i32| Cell::Int(v.into())),
        DataType::Int64 => cells!(a, Int64Array, Cell::Int),
        DataType::UInt8 => cells!(a, UInt8Array, |v: u8| Cell::Int(v.into())),
        DataType::UInt16 => cells!(a, UInt16Array, |v: u16| Cell::Int(v.into())),
        DataType::UInt32 => cells!(a, UInt32Array, |v: u32| Cell::Int(v.into())),
        DataType::UInt64 => cells!(a, UInt64Array, |v: u64| i64::try_from(v)
            .map(Cell::Int)
            .unwrap_or_else(|_| Cell::Bad(v.to_string()))),
        DataType::Float32 => cells!(a, Float32Array, |v: f32| Cell::Num(v.into())),
        DataType::Float64 => cells!(a, Float64Array, Cell::Num),
        DataType::Boolean => cells!(a, BooleanArray, Cell::Bool),
        DataType::Date32 => cells!(a, Date32Array, |v: i32| Cell::Date(date_of_days(v))),
        _ => None,
    };
    match out {
        Some(c) => c,
        None => {
            report.push(
                resource,
                None,
                Some(field),
                "type",
                format!(
                    "Parquet column type {} is not read by the validator (rows from {} on not checked)",
                    a.data_type(),
                    base + 1
                ),
            );
            vec![Cell::Bad(String::new()); a.len()]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        for ok in ["0", "-1", "+2.5", "1e10", "1.5E-3", ".5", "5.", "587000000"] {
            assert!(is_decimal(ok), "{ok}");
        }
        for bad in [
            "", "-", "1.2.3", "1e", "abc", "1,000", " 1", "inf", "0x10", "e5",
        ] {
            assert!(!is_decimal(bad), "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-13-01"), None);
        assert_eq!(parse_date("2024-1-10"), None);
        assert_eq!(parse_date("２０２４-01-10"), None);
        assert_eq!(date_of_days(0), "1970-01-01");
        assert_eq!(date_of_days(19732), "2024-01-10");
        assert_eq!(date_of_days(-1), "1969-12-31");
        let _ = date_of_days(i32::MAX);
        let _ = date_of_days(i32::MIN);
    }
}
