//! Tables written as rows arrive: CSV appended, Parquet in record batches and row groups.
//!
//! A [`TableWriter`] holds no more than one batch of rows ([`BATCH_ROWS`]) as Arrow builders
//! plus the Parquet writer's current row group (at most [`crate::write::MAX_ROW_GROUP_BYTES`]),
//! whatever the number of rows: memory does not grow with the package.
//!
//! The bytes are the same as writing the whole table at once ([`crate::write::csv_bytes`],
//! [`crate::write::parquet_bytes`]): batches are a multiple of the Parquet writer's mini-batch
//! (1,024 rows), so its pages break at the same rows.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::array::{
    ArrayRef, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow::datatypes::SchemaRef;
use arrow::record_batch::RecordBatch;
use gwr_model::{FieldSpec, FieldType, Table};
use parquet::arrow::ArrowWriter;
use sha2::{Digest, Sha256};

use crate::cells::{for_each_cell, Cell};
use crate::columns::{check_name, check_width, days_from_iso, extra_field, wrong_type};
use crate::package::WrittenFile;
use crate::write::{csv_cell, csv_header, parquet_setup};
use crate::ExportError;

/// Rows per Arrow record batch handed to the Parquet writer (a multiple of its 1,024-row
/// mini-batch, so the pages are those of one big batch).
pub const BATCH_ROWS: usize = 8 * 1024;

/// CSV bytes gathered before they are written to the file.
const CSV_CHUNK: usize = 1 << 20;

/// A file being written under a temporary name beside its place, hashed as it goes.
pub(crate) struct StagedFile {
    rel: String,
    path: PathBuf,
    tmp: PathBuf,
    out: BufWriter<File>,
    hasher: Sha256,
    bytes: u64,
}

impl StagedFile {
    /// Starts `root/rel` (`rel` `/`-separated), creating its folder.
    pub(crate) fn create(root: &Path, rel: &str) -> Result<Self, ExportError> {
        let path: PathBuf = rel
            .split('/')
            .fold(root.to_path_buf(), |p, part| p.join(part));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        }
        let tmp = tmp_path(&path);
        let file = File::create(&tmp).map_err(|e| io(&tmp, e))?;
        Ok(StagedFile {
            rel: rel.to_string(),
            path,
            tmp,
            out: BufWriter::with_capacity(1 << 16, file),
            hasher: Sha256::new(),
            bytes: 0,
        })
    }

    /// Puts the file in place, unless the file there already holds exactly these bytes (then
    /// it is left untouched and the temporary file removed).
    pub(crate) fn finish(mut self) -> Result<WrittenFile, ExportError> {
        self.out.flush().map_err(|e| io(&self.tmp, e))?;
        drop(self.out);
        let sha256: String = self
            .hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let unchanged = std::fs::metadata(&self.path).is_ok_and(|m| m.len() == self.bytes)
            && std::fs::read(&self.path).is_ok_and(|old| crate::sha256_hex(&old) == sha256);
        if unchanged {
            std::fs::remove_file(&self.tmp).map_err(|e| io(&self.tmp, e))?;
        } else {
            std::fs::rename(&self.tmp, &self.path).map_err(|e| io(&self.path, e))?;
        }
        Ok(WrittenFile {
            path: self.rel,
            bytes: self.bytes,
            sha256,
        })
    }

    /// Removes the temporary file (after a failure).
    pub(crate) fn abandon(self) {
        let tmp = self.tmp.clone();
        drop(self.out);
        std::fs::remove_file(tmp).ok();
    }

    fn io_error(&self, e: std::io::Error) -> ExportError {
        io(&self.tmp, e)
    }
}

impl Write for StagedFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

fn io(path: &Path, source: std::io::Error) -> ExportError {
    ExportError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// An Arrow builder of one column.
enum Builder {
    Str(StringBuilder),
    Int(Int64Builder),
    Num(Float64Builder),
    Bool(BooleanBuilder),
    Date(Date32Builder),
}

impl Builder {
    fn new(t: FieldType) -> Self {
        match t {
            FieldType::String => Builder::Str(StringBuilder::new()),
            FieldType::Integer => Builder::Int(Int64Builder::new()),
            FieldType::Number => Builder::Num(Float64Builder::new()),
            FieldType::Boolean => Builder::Bool(BooleanBuilder::new()),
            FieldType::Date => Builder::Date(Date32Builder::new()),
        }
    }

    /// Appends `cell`, typed as `field` says (the same rules as [`crate::Columns::from_rows`]).
    fn push(&mut self, table: &str, field: &FieldSpec, cell: Cell<'_>) -> Result<(), ExportError> {
        let bad = || wrong_type(table, field, cell);
        match (self, cell) {
            (Builder::Str(b), Cell::Null) => b.append_null(),
            (Builder::Str(b), Cell::Str(s)) => b.append_value(s),
            (Builder::Int(b), Cell::Null) => b.append_null(),
            (Builder::Int(b), Cell::Int(v)) => b.append_value(v),
            (Builder::Num(b), Cell::Null) => b.append_null(),
            (Builder::Num(b), Cell::Num(v)) => b.append_value(v),
            (Builder::Num(b), Cell::Int(v)) => b.append_value(v as f64),
            (Builder::Bool(b), Cell::Null) => b.append_null(),
            (Builder::Bool(b), Cell::Bool(v)) => b.append_value(v),
            (Builder::Date(b), Cell::Null) => b.append_null(),
            (Builder::Date(b), Cell::Str(s)) => b.append_value(days_from_iso(s).ok_or_else(bad)?),
            _ => return Err(bad()),
        }
        Ok(())
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Str(b) => Arc::new(b.finish()),
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Num(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
        }
    }
}

/// The CSV and Parquet files of table `T`, written as rows are pushed.
pub struct TableWriter<T: Table> {
    fields: Vec<FieldSpec>,
    csv: StagedFile,
    csv_buf: Vec<u8>,
    parquet: Option<ArrowWriter<StagedFile>>,
    schema: SchemaRef,
    builders: Vec<Builder>,
    batch_rows: usize,
    rows: usize,
    _table: PhantomData<fn(&T)>,
}

impl<T: Table> TableWriter<T> {
    /// Starts `root/csv_rel` and `root/parquet_rel`; `package` and `version` go into the
    /// Parquet file's metadata.
    pub fn create(
        root: &Path,
        csv_rel: &str,
        parquet_rel: &str,
        package: &str,
        version: &str,
    ) -> Result<Self, ExportError> {
        let fields = T::fields();
        let (schema, props) =
            parquet_setup(&fields, T::NAME, T::TITLE_EN, T::TITLE_ZH, package, version)?;
        let csv = StagedFile::create(root, csv_rel)?;
        let pq_file = match StagedFile::create(root, parquet_rel) {
            Ok(f) => f,
            Err(e) => {
                csv.abandon();
                return Err(e);
            }
        };
        let parquet = ArrowWriter::try_new(pq_file, schema.clone(), Some(props))
            .map_err(|e| ExportError::Parquet(T::NAME.into(), e.to_string()))?;
        Ok(TableWriter {
            csv_buf: csv_header(&fields),
            builders: fields.iter().map(|f| Builder::new(f.field_type)).collect(),
            fields,
            csv,
            parquet: Some(parquet),
            schema,
            batch_rows: 0,
            rows: 0,
            _table: PhantomData,
        })
    }

    /// Appends one row to both files.
    pub fn push(&mut self, row: &T) -> Result<(), ExportError> {
        let fields = &self.fields;
        let builders = &mut self.builders;
        let csv = &mut self.csv_buf;
        let mut width = 0;
        for_each_cell(T::NAME, row, |i, name, cell| {
            let (Some(f), Some(b)) = (fields.get(i), builders.get_mut(i)) else {
                return Err(extra_field(T::NAME, name));
            };
            check_name(T::NAME, f, name)?;
            b.push(T::NAME, f, cell)?;
            if i > 0 {
                csv.push(b',');
            }
            csv_cell(csv, cell);
            width = i + 1;
            Ok(())
        })?;
        check_width(T::NAME, fields.len(), width)?;
        self.csv_buf.push(b'\n');
        self.rows += 1;
        self.batch_rows += 1;
        if self.csv_buf.len() >= CSV_CHUNK {
            self.write_csv()?;
        }
        if self.batch_rows >= BATCH_ROWS {
            self.write_batch()?;
        }
        Ok(())
    }

    /// Rows pushed so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    fn write_csv(&mut self) -> Result<(), ExportError> {
        self.csv
            .write_all(&self.csv_buf)
            .map_err(|e| self.csv.io_error(e))?;
        self.csv_buf.clear();
        Ok(())
    }

    fn write_batch(&mut self) -> Result<(), ExportError> {
        let err = |e: String| ExportError::Parquet(T::NAME.into(), e);
        let columns: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        let batch =
            RecordBatch::try_new(self.schema.clone(), columns).map_err(|e| err(e.to_string()))?;
        self.batch_rows = 0;
        match self.parquet.as_mut() {
            Some(w) => w.write(&batch).map_err(|e| err(e.to_string())),
            None => Err(err("written after close".into())),
        }
    }

    /// Writes what is left and puts both files in place: (CSV, Parquet).
    pub fn finish(mut self) -> Result<(WrittenFile, WrittenFile), ExportError> {
        let err = |e: String| ExportError::Parquet(T::NAME.into(), e);
        let done = (|| {
            self.write_csv()?;
            if self.batch_rows > 0 {
                self.write_batch()?;
            }
            Ok::<_, ExportError>(())
        })();
        let parquet = self.parquet.take();
        if let Err(e) = done {
            self.csv.abandon();
            if let Some(w) = parquet {
                w.into_inner().map(StagedFile::abandon).ok();
            }
            return Err(e);
        }
        let Some(parquet) = parquet else {
            self.csv.abandon();
            return Err(err("closed twice".into()));
        };
        let pq = parquet.into_inner().map_err(|e| err(e.to_string()));
        let csv = self.csv.finish()?;
        Ok((csv, pq?.finish()?))
    }
}

/// The temporary name a file is written under before it is renamed into place
/// (`facts.csv` → `facts.csv.tmp`).
pub(crate) fn tmp_path(path: &Path) -> PathBuf {
    path.with_extension(format!(
        "{}.tmp",
        path.extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::{csv_bytes, parquet_bytes};
    use crate::Columns;
    use gwr_model::{Fact, Measure, Qualifier, Status, Unit};

    fn fact(i: usize) -> Fact {
        Fact {
            fact_id: format!("r-{}/f{i:05}", i / 700),
            report_id: format!("r-{}", i / 700),
            section_id: (i % 5 != 0).then(|| format!("r/s{}", i % 7)),
            paragraph_id: if i % 11 == 0 {
                String::new()
            } else {
                format!("r/p{}", i / 3)
            },
            subject: ["地区生产总值", "", "财政收入,\"一般\"", "居民\n收入"][i % 4].into(),
            indicator: (i % 3 == 0).then(|| "gdp".into()),
            value: i as f64 * 1.25e4 - 7.5,
            unit: Unit::Cny,
            value_max: (i % 9 == 0).then_some(i as f64 / 3.0),
            value_raw: format!("{i}"),
            unit_raw: Some("亿元".into()),
            measure: Measure::Level,
            status: [Status::Actual, Status::Target, Status::Forecast][i % 3],
            period: (i % 4 != 1).then_some(2000 + (i % 25) as i32),
            qualifier: Qualifier::Exact,
            relates_to: None,
            start: i as u64 * 10,
            end: i as u64 * 10 + 4,
            quote: format!("{i}亿元 {}", "字".repeat(i % 300)),
        }
    }

    /// Streaming in batches gives the bytes of one whole-table write (more rows than two
    /// batches, so batch edges are crossed).
    #[test]
    fn streamed_table_is_the_whole_table_bytes() {
        let rows: Vec<Fact> = (0..2 * BATCH_ROWS + 1234).map(fact).collect();
        let root = std::env::temp_dir().join(format!("gwr-export-stream-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let mut w =
            TableWriter::<Fact>::create(&root, "facts.csv", "facts.parquet", "gwr-t", "0.0.0")
                .expect("create");
        for r in &rows {
            w.push(r).expect("push");
        }
        assert_eq!(w.rows(), rows.len());
        let (csv, pq) = w.finish().expect("finish");
        let cols = Columns::from_rows(&rows).expect("columns");
        let whole_csv = csv_bytes(&cols).expect("csv");
        let whole_pq =
            parquet_bytes(&cols, Fact::TITLE_EN, Fact::TITLE_ZH, "gwr-t", "0.0.0").expect("pq");
        let read = |rel: &str| std::fs::read(root.join(rel)).expect("read");
        assert!(read("facts.csv") == whole_csv, "CSV differs");
        assert!(read("facts.parquet") == whole_pq, "Parquet differs");
        assert_eq!(csv.sha256, crate::sha256_hex(&whole_csv));
        assert_eq!(pq.bytes, whole_pq.len() as u64);
        // no temporary file is left
        let names: Vec<_> = std::fs::read_dir(&root)
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        std::fs::remove_dir_all(&root).ok();
    }
}
