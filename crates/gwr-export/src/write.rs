//! Table files: CSV written cell by cell (the bytes polars' CSV writer makes), Parquet through
//! arrow + parquet.

use std::sync::Arc;

use arrow::datatypes::SchemaRef;
use arrow::record_batch::RecordBatch;
use gwr_model::FieldSpec;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::{EnabledStatistics, WriterProperties};

use crate::arrow_schema::schema_of;
use crate::cells::Cell;
use crate::{Columns, ExportError, Values};

/// The CSV form of a table: UTF-8 without BOM, LF line ends, a header row, RFC 4180 quoting
/// (a field is quoted when it holds a comma, a quote or a line break; quotes are doubled).
///
/// The bytes are those polars' CSV writer made for the same columns (`QuoteStyle::Necessary`,
/// floats positional with Rust's shortest round-trip form, null as nothing and an empty text
/// as `""`); a test compares the two.
pub fn csv_bytes(cols: &Columns) -> Result<Vec<u8>, ExportError> {
    let mut buf = csv_header(&cols.fields);
    for row in 0..cols.len {
        for (i, v) in cols.values.iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            let cell = match v {
                Values::Str(x) => x[row].as_deref().map_or(Cell::Null, Cell::Str),
                Values::Int(x) => x[row].map_or(Cell::Null, Cell::Int),
                Values::Num(x) => x[row].map_or(Cell::Null, Cell::Num),
                Values::Bool(x) => x[row].map_or(Cell::Null, Cell::Bool),
                Values::Date(x) => x[row].as_ref().map_or(Cell::Null, |(_, s)| Cell::Str(s)),
            };
            csv_cell(&mut buf, cell);
        }
        buf.push(b'\n');
    }
    Ok(buf)
}

/// The CSV header line of a field list.
pub(crate) fn csv_header(fields: &[FieldSpec]) -> Vec<u8> {
    let mut buf = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        csv_cell(&mut buf, Cell::Str(&f.name));
    }
    buf.push(b'\n');
    buf
}

/// Appends one CSV cell: nothing for null, `""` for an empty text, a text quoted (its quotes
/// doubled) when it holds a comma, a quote, CR or LF; numbers in Rust's `Display` form.
pub(crate) fn csv_cell(buf: &mut Vec<u8>, cell: Cell<'_>) {
    use std::io::Write;
    match cell {
        Cell::Null => {}
        Cell::Str("") => buf.extend_from_slice(b"\"\""),
        Cell::Str(s) => {
            let bytes = s.as_bytes();
            if bytes
                .iter()
                .any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
            {
                buf.push(b'"');
                for part in bytes.split_inclusive(|&b| b == b'"') {
                    buf.extend_from_slice(part);
                    if part.last() == Some(&b'"') {
                        buf.push(b'"');
                    }
                }
                buf.push(b'"');
            } else {
                buf.extend_from_slice(bytes);
            }
        }
        Cell::Int(v) => {
            let _ = write!(buf, "{v}");
        }
        Cell::Num(v) => {
            let _ = write!(buf, "{v}");
        }
        Cell::Bool(v) => buf.extend_from_slice(if v { b"true" } else { b"false" }),
    }
}

/// pandas metadata, as pandas itself writes it, so that readers going through pandas
/// (pyarrow's `to_pandas`, hence frictionless-py) restore nullable integer and float columns
/// as pandas' nullable `Int64`/`Float64` types instead of turning nulls into NaN floats.
fn pandas_metadata(fields: &[FieldSpec]) -> String {
    use gwr_model::FieldType;
    let columns: Vec<serde_json::Value> = fields
        .iter()
        .map(|f| {
            let (pandas_type, numpy_type) = match f.field_type {
                FieldType::Integer => ("int64", "Int64"),
                FieldType::Number => ("float64", "Float64"),
                FieldType::Boolean => ("bool", "boolean"),
                FieldType::Date => ("date", "object"),
                FieldType::String => ("unicode", "object"),
            };
            serde_json::json!({"name": f.name, "field_name": f.name, "pandas_type": pandas_type, "numpy_type": numpy_type, "metadata": null})
        })
        .collect();
    serde_json::json!({
        "index_columns": [],
        "column_indexes": [],
        "columns": columns,
        "creator": {"library": "gwr-export", "version": env!("CARGO_PKG_VERSION")},
        "pandas_version": "2.2.0"
    })
    .to_string()
}

/// Largest row group of a Parquet table, in (estimated, encoded) bytes: what the writer holds
/// in memory before it writes a row group out. Tables smaller than this are one row group.
pub const MAX_ROW_GROUP_BYTES: usize = 128 << 20;

/// The Arrow schema and writer settings of a table's Parquet file: zstd, types from the Table
/// Schema, and the package name, version and table name in the file's key-value metadata.
pub(crate) fn parquet_setup(
    fields: &[FieldSpec],
    table: &str,
    title_en: &str,
    title_zh: &str,
    package: &str,
    version: &str,
) -> Result<(SchemaRef, WriterProperties), ExportError> {
    let err = |e: String| ExportError::Parquet(table.into(), e);
    let schema = schema_of(fields, table, title_en, title_zh);
    let mut meta = schema.metadata().clone();
    meta.insert("pandas".to_string(), pandas_metadata(fields));
    let schema = Arc::new(schema.with_metadata(meta));
    let level = ZstdLevel::try_new(3).map_err(|e| err(e.to_string()))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(level))
        .set_created_by(format!("gwr-export {}", env!("CARGO_PKG_VERSION")))
        .set_statistics_enabled(EnabledStatistics::Chunk)
        .set_max_row_group_bytes(Some(MAX_ROW_GROUP_BYTES))
        .set_key_value_metadata(Some(vec![
            KeyValue::new("gwr:package".into(), package.to_string()),
            KeyValue::new("gwr:version".into(), version.to_string()),
            KeyValue::new("gwr:table".into(), table.to_string()),
        ]))
        .build();
    Ok((schema, props))
}

/// The Parquet form of a table (see [`parquet_setup`]).
pub fn parquet_bytes(
    cols: &Columns,
    title_en: &str,
    title_zh: &str,
    package: &str,
    version: &str,
) -> Result<Vec<u8>, ExportError> {
    let err = |e: String| ExportError::Parquet(cols.table.into(), e);
    let (schema, props) = parquet_setup(
        &cols.fields,
        cols.table,
        title_en,
        title_zh,
        package,
        version,
    )?;
    let batch =
        RecordBatch::try_new(schema.clone(), cols.to_arrow()).map_err(|e| err(e.to_string()))?;
    let mut buf = Vec::new();
    let mut writer =
        ArrowWriter::try_new(&mut buf, schema, Some(props)).map_err(|e| err(e.to_string()))?;
    writer.write(&batch).map_err(|e| err(e.to_string()))?;
    writer.close().map_err(|e| err(e.to_string()))?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gwr_model::FieldType;
    use polars::prelude::{Column as PlColumn, CsvWriter, DataFrame, QuoteStyle, SerWriter};

    fn field(name: &str, field_type: FieldType) -> FieldSpec {
        FieldSpec {
            name: name.into(),
            field_type,
            required: false,
            description_en: String::new(),
            description_zh: String::new(),
            enum_values: None,
            minimum: None,
            maximum: None,
            pattern: None,
            format: None,
            unit: None,
        }
    }

    /// The columns as a polars DataFrame (dates as ISO text, the form CSV stores them in).
    fn to_polars(cols: &Columns) -> DataFrame {
        let columns: Vec<PlColumn> = cols
            .fields
            .iter()
            .zip(&cols.values)
            .map(|(f, v)| {
                let name = f.name.as_str().into();
                match v {
                    Values::Str(x) => PlColumn::new(name, x),
                    Values::Int(x) => PlColumn::new(name, x),
                    Values::Num(x) => PlColumn::new(name, x),
                    Values::Bool(x) => PlColumn::new(name, x),
                    Values::Date(x) => PlColumn::new(
                        name,
                        x.iter()
                            .map(|d| d.as_ref().map(|(_, s)| s.as_str()))
                            .collect::<Vec<_>>(),
                    ),
                }
            })
            .collect();
        DataFrame::new(cols.len, columns).expect("frame")
    }

    /// The CSV bytes polars' writer makes (the former writer), for comparison.
    fn polars_csv(cols: &Columns) -> Vec<u8> {
        let mut df = to_polars(cols);
        let mut buf = Vec::new();
        CsvWriter::new(&mut buf)
            .include_header(true)
            .with_separator(b',')
            .with_quote_char(b'"')
            .with_quote_style(QuoteStyle::Necessary)
            .with_line_terminator("\n".into())
            .with_float_scientific(Some(false))
            .finish(&mut df)
            .expect("csv");
        buf
    }

    #[test]
    fn csv_is_the_bytes_polars_wrote() {
        let texts = [
            "",
            "plain",
            "a,b",
            "say \"hi\"",
            "\"",
            "\"\"x",
            "line\nbreak",
            "cr\rhere",
            "全角，逗号",
            "x\"y,z",
            "trailing\"",
            " spaced ",
        ];
        let nums = [
            0.0,
            -0.0,
            1.0,
            0.1,
            5.87e8,
            1e21,
            1.5e-7,
            -3.25,
            123456789.125,
            1e300,
            7e-300,
        ];
        let n = texts.len().max(nums.len()) + 1;
        let pick = |i: usize| texts.get(i).map(|s| s.to_string());
        let cols = Columns {
            table: "t",
            fields: vec![
                field("text", FieldType::String),
                field("int", FieldType::Integer),
                field("num", FieldType::Number),
                field("flag", FieldType::Boolean),
                field("day", FieldType::Date),
                field("a \"b\",c", FieldType::String),
            ],
            values: vec![
                Values::Str((0..n).map(pick).collect()),
                Values::Int(
                    (0..n)
                        .map(|i| (i % 3 != 0).then_some(i as i64 * -123_456_789))
                        .collect(),
                ),
                Values::Num((0..n).map(|i| nums.get(i).copied()).collect()),
                Values::Bool((0..n).map(|i| (i % 3 != 2).then_some(i % 2 == 0)).collect()),
                Values::Date(
                    (0..n)
                        .map(|i| (i % 2 == 0).then(|| (19732, "2024-01-10".to_string())))
                        .collect(),
                ),
                Values::Str((0..n).map(|i| pick(n - 1 - i)).collect()),
            ],
            len: n,
        };
        let ours = csv_bytes(&cols).expect("csv");
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&polars_csv(&cols))
        );
        let empty = Columns {
            len: 0,
            values: cols.values.iter().map(|_| Values::Str(vec![])).collect(),
            ..cols.clone()
        };
        assert_eq!(csv_bytes(&empty).expect("csv"), polars_csv(&empty));
    }
}
