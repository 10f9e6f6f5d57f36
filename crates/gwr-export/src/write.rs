//! Table files: CSV through polars, Parquet through arrow + parquet.

use std::sync::Arc;

use arrow::record_batch::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use polars::prelude::{CsvWriter, QuoteStyle, SerWriter};

use crate::arrow_schema::schema_of;
use crate::{Columns, ExportError};

/// The CSV form of a table: UTF-8 without BOM, LF line ends, a header row, RFC 4180 quoting
/// (a field is quoted when it holds a comma, a quote or a line break; quotes are doubled).
pub fn csv_bytes(cols: &Columns) -> Result<Vec<u8>, ExportError> {
    let mut df = cols.to_polars()?;
    let mut buf = Vec::new();
    CsvWriter::new(&mut buf)
        .include_header(true)
        .with_separator(b',')
        .with_quote_char(b'"')
        .with_quote_style(QuoteStyle::Necessary)
        .with_line_terminator("\n".into())
        .with_float_scientific(Some(false))
        .finish(&mut df)
        .map_err(|e| ExportError::Polars(cols.table.into(), e.to_string()))?;
    Ok(buf)
}

/// pandas metadata, as pandas itself writes it, so that readers going through pandas
/// (pyarrow's `to_pandas`, hence frictionless-py) restore nullable integer and float columns
/// as pandas' nullable `Int64`/`Float64` types instead of turning nulls into NaN floats.
fn pandas_metadata(cols: &Columns) -> String {
    use gwr_model::FieldType;
    let columns: Vec<serde_json::Value> = cols
        .fields
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

/// The Parquet form of a table: zstd, types from the Table Schema, and the package name,
/// version and table name in the file's key-value metadata.
pub fn parquet_bytes(
    cols: &Columns,
    title_en: &str,
    title_zh: &str,
    package: &str,
    version: &str,
) -> Result<Vec<u8>, ExportError> {
    let err = |e: String| ExportError::Parquet(cols.table.into(), e);
    let schema = schema_of(&cols.fields, cols.table, title_en, title_zh);
    let mut meta = schema.metadata().clone();
    meta.insert("pandas".to_string(), pandas_metadata(cols));
    let schema = Arc::new(schema.with_metadata(meta));
    let batch =
        RecordBatch::try_new(schema.clone(), cols.to_arrow()).map_err(|e| err(e.to_string()))?;
    let level = ZstdLevel::try_new(9).map_err(|e| err(e.to_string()))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(level))
        .set_created_by(format!("gwr-export {}", env!("CARGO_PKG_VERSION")))
        .set_statistics_enabled(EnabledStatistics::Chunk)
        .set_key_value_metadata(Some(vec![
            KeyValue::new("gwr:package".into(), package.to_string()),
            KeyValue::new("gwr:version".into(), version.to_string()),
            KeyValue::new("gwr:table".into(), cols.table.to_string()),
        ]))
        .build();
    let mut buf = Vec::new();
    let mut writer =
        ArrowWriter::try_new(&mut buf, schema, Some(props)).map_err(|e| err(e.to_string()))?;
    writer.write(&batch).map_err(|e| err(e.to_string()))?;
    writer.close().map_err(|e| err(e.to_string()))?;
    Ok(buf)
}
