//! `gwr show`: print a table of a data package in the terminal, as CSV or as typed JSON.
//!
//! The package is found through its `datapackage.json`: the table is the CSV resource of that
//! name, read from the resource's `path` and typed by the resource's Table Schema. So the
//! command works on any gwr package layout: a repository checkout (`data/facts.csv`), a
//! release folder, or a `gwr extract --out` folder (`facts.csv` at the top).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::anyhow;
use clap::{Args, ValueEnum};
use serde_json::{Map, Value};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::{Exit, Failure};

const AFTER_HELP: &str = "\
Examples:
  gwr show                                   list the tables of the package in this folder
  gwr show facts --status target             the targets as stated, in the terminal
  gwr show facts --report cn-sh-baoshan-songnan-2024 --period 2023 --limit 20
  gwr show facts --columns subject,value,unit,quote --indicator fiscal_revenue
  gwr show targets --format json > targets.json
  gwr show sections --dir out/ --format csv  a `gwr extract --out out/` folder

Exit codes: 0 success; 2 an unknown table or column, or a filter on a table without that
column; 3 datapackage.json or a table file is missing; 5 datapackage.json is malformed;
1 a table file does not match its schema (run `gwr validate`).";

/// Arguments of `gwr show`.
#[derive(Args)]
#[command(after_help = AFTER_HELP)]
pub struct ShowArgs {
    /// The table to show: reports, sections, paragraphs, facts, targets, quality_issues or
    /// indicators (any CSV table of the package). Without it, lists the tables.
    ///
    /// Example: gwr show targets
    pub table: Option<String>,

    /// The package: a folder holding datapackage.json (a repository checkout, a release folder
    /// such as dist/gwr-reports-0.1.0, or a `gwr extract --out` folder), or the
    /// datapackage.json file itself.
    ///
    /// Example: --dir dist/gwr-reports-0.1.0
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// Only rows of this report (column report_id).
    ///
    /// Example: --report cn-sh-baoshan-songnan-2024
    #[arg(long, value_name = "ID")]
    pub report: Option<String>,

    /// Only facts with this status (column status): actual, target or forecast.
    ///
    /// Example: --status target
    #[arg(long, value_enum, value_name = "STATUS")]
    pub status: Option<StatusArg>,

    /// Only rows of this glossary indicator (column indicator; see `gwr show indicators`).
    ///
    /// Example: --indicator fiscal_revenue
    #[arg(long, value_name = "CODE")]
    pub indicator: Option<String>,

    /// Only rows about this year (column period).
    ///
    /// Example: --period 2024
    #[arg(long, value_name = "YEAR")]
    pub period: Option<i64>,

    /// Output format: `table` (aligned columns for reading; long cells cut with …), `csv`
    /// (RFC 4180 quoting, LF line ends, the package's own cells unchanged) or `json` (an array
    /// of objects typed by the table's schema: numbers as numbers, empty cells as null).
    ///
    /// Example: --format json
    #[arg(long, value_enum, default_value_t = Format::Table, value_name = "FORMAT")]
    pub format: Format,

    /// Print at most N rows (after filtering).
    ///
    /// Example: --limit 10
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Only these columns, in this order, separated by commas.
    ///
    /// Example: --columns fact_id,subject,value,unit,quote
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub columns: Vec<String>,

    /// Widest cell of the `table` format, in terminal columns (a CJK character takes two);
    /// longer cells end with …. 0 means no limit.
    ///
    /// Example: --max-width 60
    #[arg(long, value_name = "COLUMNS", default_value_t = 32)]
    pub max_width: usize,
}

/// A value of `--status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Achieved or observed.
    Actual,
    /// Planned or expected.
    Target,
    /// Estimated for the year still running.
    Forecast,
}

impl StatusArg {
    fn as_str(self) -> &'static str {
        match self {
            StatusArg::Actual => "actual",
            StatusArg::Target => "target",
            StatusArg::Forecast => "forecast",
        }
    }
}

/// A value of `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for the terminal.
    Table,
    /// CSV, RFC 4180.
    Csv,
    /// A JSON array of objects.
    Json,
}

/// The Table Schema type of a column, as far as printing cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ColType {
    String,
    Integer,
    Number,
    Boolean,
}

/// One CSV table resource of the package.
struct Resource {
    name: String,
    title: Option<String>,
    /// The resource's `path`, as written in the descriptor.
    rel_path: String,
    /// Where the file is.
    path: PathBuf,
    /// Column name and type, from the schema.
    fields: Vec<(String, ColType)>,
    missing_values: Vec<String>,
    delimiter: u8,
}

/// A table as read: the header and the rows, cells as written.
struct Loaded {
    header: Vec<String>,
    types: Vec<ColType>,
    rows: Vec<Vec<String>>,
}

/// Runs `gwr show`.
pub fn run(args: &ShowArgs) -> Result<(), Failure> {
    let (pkg_dir, descriptor) = read_descriptor(&args.dir)?;
    let resources = table_resources(&pkg_dir, &descriptor)?;
    let Some(table) = &args.table else {
        return list_tables(&resources);
    };
    let Some(res) = resources.iter().find(|r| &r.name == table) else {
        return Err(unknown_table(table, &resources));
    };
    let loaded = load(res)?;

    let filters = filters(args);
    let mut keep: Vec<(usize, &str)> = Vec::new();
    for (column, value) in &filters {
        let Some(i) = loaded.header.iter().position(|h| h == column) else {
            return Err(usage(format!(
                "table {} has no column {column} (its columns: {})",
                res.name,
                loaded.header.join(", ")
            )));
        };
        keep.push((i, value.as_str()));
    }
    let columns = select_columns(&args.columns, &res.name, &loaded.header)?;

    let matching: Vec<&Vec<String>> = loaded
        .rows
        .iter()
        .filter(|row| {
            keep.iter()
                .all(|(i, v)| row.get(*i).map(String::as_str) == Some(*v))
        })
        .collect();
    let total = matching.len();
    let shown: Vec<&Vec<String>> = match args.limit {
        Some(n) => matching.into_iter().take(n).collect(),
        None => matching,
    };

    let header: Vec<&str> = columns
        .iter()
        .filter_map(|&i| loaded.header.get(i).map(String::as_str))
        .collect();
    let types: Vec<ColType> = columns
        .iter()
        .map(|&i| loaded.types.get(i).copied().unwrap_or(ColType::String))
        .collect();
    let rows: Vec<Vec<&str>> = shown
        .iter()
        .map(|row| {
            columns
                .iter()
                .map(|&i| row.get(i).map(String::as_str).unwrap_or(""))
                .collect()
        })
        .collect();

    let out = match args.format {
        Format::Table => render_table(&header, &types, &rows, args.max_width),
        Format::Csv => render_csv(&header, &rows)?,
        Format::Json => render_json(&res.name, &header, &types, &rows, &res.missing_values)?,
    };
    write_stdout(out.as_bytes())?;
    if args.format == Format::Table && shown.len() < total {
        eprintln!(
            "({} of {total} rows; raise --limit to see more)",
            shown.len()
        );
    }
    Ok(())
}

fn usage(msg: String) -> Failure {
    Failure::new(Exit::Usage, anyhow!(msg))
}

/// The column filters given on the command line, as (column, value).
fn filters(args: &ShowArgs) -> Vec<(&'static str, String)> {
    let mut f = Vec::new();
    if let Some(v) = &args.report {
        f.push(("report_id", v.clone()));
    }
    if let Some(v) = args.status {
        f.push(("status", v.as_str().to_string()));
    }
    if let Some(v) = &args.indicator {
        f.push(("indicator", v.clone()));
    }
    if let Some(v) = args.period {
        f.push(("period", v.to_string()));
    }
    f
}

fn select_columns(
    wanted: &[String],
    table: &str,
    header: &[String],
) -> Result<Vec<usize>, Failure> {
    if wanted.is_empty() {
        return Ok((0..header.len()).collect());
    }
    wanted
        .iter()
        .map(|w| {
            header.iter().position(|h| h == w.trim()).ok_or_else(|| {
                usage(format!(
                    "table {table} has no column {} (its columns: {})",
                    w.trim(),
                    header.join(", ")
                ))
            })
        })
        .collect()
}

/// Finds and parses `datapackage.json`; returns the package folder and the descriptor.
fn read_descriptor(dir: &Path) -> Result<(PathBuf, Value), Failure> {
    let (pkg_dir, path) = if dir.is_file() {
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        (parent, dir.to_path_buf())
    } else {
        (dir.to_path_buf(), dir.join("datapackage.json"))
    };
    let text = std::fs::read_to_string(&path).map_err(|e| {
        let why = if e.kind() == io::ErrorKind::NotFound {
            "not found (pass the package folder with --dir)".to_string()
        } else {
            e.to_string()
        };
        Failure::new(Exit::InputMissing, anyhow!("{}: {why}", path.display()))
    })?;
    let value: Value = serde_json::from_str(&text).map_err(|e| {
        Failure::new(
            Exit::BadMeta,
            anyhow!("{}: not valid JSON: {e}", path.display()),
        )
    })?;
    Ok((pkg_dir, value))
}

fn col_type(name: &str) -> ColType {
    match name {
        "integer" | "year" => ColType::Integer,
        "number" => ColType::Number,
        "boolean" => ColType::Boolean,
        _ => ColType::String,
    }
}

/// The CSV table resources of a descriptor, in the descriptor's order.
fn table_resources(pkg_dir: &Path, descriptor: &Value) -> Result<Vec<Resource>, Failure> {
    let bad = |msg: &str| Failure::new(Exit::BadMeta, anyhow!("datapackage.json: {msg}"));
    let Some(list) = descriptor.get("resources").and_then(Value::as_array) else {
        return Err(bad("no resources list"));
    };
    let mut out = Vec::new();
    for r in list {
        let Some(name) = r.get("name").and_then(Value::as_str) else {
            continue;
        };
        let Some(path) = r.get("path").and_then(Value::as_str) else {
            continue;
        };
        let format = r.get("format").and_then(Value::as_str).unwrap_or("");
        let is_csv = format.eq_ignore_ascii_case("csv")
            || (format.is_empty() && path.to_ascii_lowercase().ends_with(".csv"));
        if !is_csv {
            continue;
        }
        let schema = match r.get("schema") {
            Some(Value::String(schema_path)) => {
                let p = pkg_dir.join(schema_path);
                let text = std::fs::read_to_string(&p).map_err(|e| {
                    Failure::new(Exit::InputMissing, anyhow!("{}: {e}", p.display()))
                })?;
                serde_json::from_str(&text).map_err(|e| {
                    Failure::new(
                        Exit::BadMeta,
                        anyhow!("{}: not valid JSON: {e}", p.display()),
                    )
                })?
            }
            Some(v) => v.clone(),
            None => Value::Null,
        };
        let fields = schema
            .get("fields")
            .and_then(Value::as_array)
            .map(|fs| {
                fs.iter()
                    .filter_map(|f| {
                        let n = f.get("name").and_then(Value::as_str)?;
                        let t = f.get("type").and_then(Value::as_str).unwrap_or("string");
                        Some((n.to_string(), col_type(t)))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let missing_values = schema
            .get("missingValues")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_else(|| vec![String::new()]);
        let delimiter = r
            .get("dialect")
            .and_then(|d| d.get("delimiter"))
            .and_then(Value::as_str)
            .and_then(|d| match d.as_bytes() {
                [b] => Some(*b),
                _ => None,
            })
            .unwrap_or(b',');
        out.push(Resource {
            name: name.to_string(),
            title: r.get("title").and_then(Value::as_str).map(str::to_string),
            rel_path: path.to_string(),
            path: pkg_dir.join(path),
            fields,
            missing_values,
            delimiter,
        });
    }
    Ok(out)
}

fn unknown_table(table: &str, resources: &[Resource]) -> Failure {
    let names: Vec<&str> = resources.iter().map(|r| r.name.as_str()).collect();
    let lower = table.to_lowercase();
    let hint = names
        .iter()
        .find(|n| {
            n.starts_with(&lower)
                || lower.starts_with(*n)
                || n.trim_end_matches('s') == lower.trim_end_matches('s')
        })
        .map(|n| format!(" (did you mean {n}?)"))
        .unwrap_or_default();
    usage(format!(
        "unknown table {table:?}{hint}; the package's tables are: {}",
        names.join(", ")
    ))
}

fn load(res: &Resource) -> Result<Loaded, Failure> {
    let bytes = std::fs::read(&res.path).map_err(|e| {
        Failure::new(
            Exit::InputMissing,
            anyhow!("{}: {e} (table {})", res.path.display(), res.name),
        )
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .delimiter(res.delimiter)
        .flexible(false)
        .from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| anyhow!("{}: {e}", res.path.display()))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    let types = header
        .iter()
        .map(|h| {
            res.fields
                .iter()
                .find(|(n, _)| n == h)
                .map(|(_, t)| *t)
                .unwrap_or(ColType::String)
        })
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| anyhow!("{}: {e}", res.path.display()))?;
        rows.push(record.iter().map(str::to_string).collect());
    }
    Ok(Loaded {
        header,
        types,
        rows,
    })
}

fn list_tables(resources: &[Resource]) -> Result<(), Failure> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for r in resources {
        let count = match load(r) {
            Ok(l) => l.rows.len().to_string(),
            Err(_) => "missing".to_string(),
        };
        rows.push(vec![
            r.name.clone(),
            count,
            r.rel_path.clone(),
            r.title.clone().unwrap_or_default(),
        ]);
    }
    let rows_ref: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let types = [
        ColType::String,
        ColType::Integer,
        ColType::String,
        ColType::String,
    ];
    let text = render_table(&["table", "rows", "file", "title"], &types, &rows_ref, 0);
    write_stdout(text.as_bytes())?;
    eprintln!("Show one with: gwr show <table>  (gwr show --help for filters and formats)");
    Ok(())
}

/// Writes to stdout; a closed pipe (`gwr show facts | head`) is not an error.
fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::new(
            Exit::Other,
            anyhow!("cannot write the output: {e}"),
        )),
    }
}

/// A cell made fit for one terminal line: line breaks and tabs become spaces, other control
/// characters are dropped, and a cell wider than `max` columns is cut and ends with ….
fn cell_text(s: &str, max: usize) -> String {
    let clean: String = s
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    if max == 0 || UnicodeWidthStr::width(clean.as_str()) <= max {
        return clean;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in clean.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Aligned columns: a header, a rule, one line per row; numbers right-aligned.
fn render_table(header: &[&str], types: &[ColType], rows: &[Vec<&str>], max: usize) -> String {
    let head: Vec<String> = header.iter().map(|h| cell_text(h, 0)).collect();
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cell_text(c, max)).collect())
        .collect();
    let mut widths: Vec<usize> = head.iter().map(|h| h.width()).collect();
    for row in &body {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    let line = |cells: &[String]| -> String {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .zip(types)
            .map(|((c, &w), t)| {
                let pad = " ".repeat(w.saturating_sub(c.width()));
                if matches!(t, ColType::Integer | ColType::Number) {
                    format!("{pad}{c}")
                } else {
                    format!("{c}{pad}")
                }
            })
            .collect();
        let mut s = parts.join("  ").trim_end().to_string();
        s.push('\n');
        s
    };
    let mut out = line(&head);
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    out.push_str(&line(&rule));
    for row in &body {
        out.push_str(&line(row));
    }
    out
}

fn render_csv(header: &[&str], rows: &[Vec<&str>]) -> Result<String, Failure> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    w.write_record(header)?;
    for row in rows {
        w.write_record(row)?;
    }
    let bytes = w.into_inner().map_err(|e| anyhow!("{e}"))?;
    Ok(String::from_utf8(bytes)?)
}

/// One cell as a JSON value of its column's type.
fn typed(cell: &str, t: ColType, missing: &[String]) -> Result<Value, String> {
    if missing.iter().any(|m| m == cell) {
        return Ok(Value::Null);
    }
    let s = cell.trim();
    match t {
        ColType::String => Ok(Value::String(cell.to_string())),
        ColType::Integer => s
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| format!("{cell:?} is not an integer")),
        ColType::Number => match s {
            "NaN" | "INF" | "-INF" => Ok(Value::String(s.to_string())),
            _ => s
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(Value::Number)
                .ok_or_else(|| format!("{cell:?} is not a number")),
        },
        ColType::Boolean => match s {
            "true" | "True" | "TRUE" | "1" => Ok(Value::Bool(true)),
            "false" | "False" | "FALSE" | "0" => Ok(Value::Bool(false)),
            _ => Err(format!("{cell:?} is not a boolean")),
        },
    }
}

fn render_json(
    table: &str,
    header: &[&str],
    types: &[ColType],
    rows: &[Vec<&str>],
    missing: &[String],
) -> Result<String, Failure> {
    let mut array = Vec::with_capacity(rows.len());
    for (n, row) in rows.iter().enumerate() {
        let mut obj = Map::new();
        for ((name, cell), t) in header.iter().zip(row).zip(types) {
            let v = typed(cell, *t, missing).map_err(|why| {
                Failure::new(
                    Exit::Other,
                    anyhow!(
                        "table {table}, row {}, column {name}: {why} (run gwr validate)",
                        n + 1
                    ),
                )
            })?;
            obj.insert((*name).to_string(), v);
        }
        array.push(Value::Object(obj));
    }
    let mut text = serde_json::to_string_pretty(&Value::Array(array))?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cut_by_terminal_width() {
        assert_eq!(cell_text("区级财政收入", 0), "区级财政收入");
        assert_eq!(cell_text("区级财政收入", 12), "区级财政收入");
        // 11 columns: five CJK characters (10) and the ellipsis (1).
        assert_eq!(cell_text("区级财政收入", 11), "区级财政收…");
        assert_eq!(cell_text("区级财政收入", 6), "区级…");
        assert_eq!(cell_text("a\nb\tc\u{7}", 0), "a b c");
    }

    #[test]
    fn table_columns_line_up_with_cjk() {
        let text = render_table(
            &["subject", "value"],
            &[ColType::String, ColType::Number],
            &[vec!["区级财政收入", "587000000"], vec!["GDP", "7"]],
            0,
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4);
        let widths: Vec<usize> = lines.iter().map(|l| l.width()).collect();
        assert!(widths.iter().all(|&w| w == widths[0]), "{text}");
        assert!(lines[3].ends_with("        7"), "{text}");
    }

    #[test]
    fn cells_are_typed_by_the_schema() {
        let missing = vec![String::new()];
        assert_eq!(typed("", ColType::Integer, &missing), Ok(Value::Null));
        assert_eq!(
            typed("2024", ColType::Integer, &missing),
            Ok(Value::from(2024))
        );
        assert_eq!(
            typed("14.5", ColType::Number, &missing),
            Ok(Value::from(14.5))
        );
        assert_eq!(
            typed("007", ColType::String, &missing),
            Ok(Value::from("007"))
        );
        assert!(typed("x", ColType::Number, &missing).is_err());
        assert!(typed("1.5", ColType::Integer, &missing).is_err());
    }
}
