//! The workbook of a release (`<package>.xlsx`): a data-dictionary sheet, then one sheet per
//! table, for readers who work in a spreadsheet.
//!
//! Everything is laid out from [`Columns`] and their [`FieldSpec`]s (the row types are the one
//! source of truth): integer and number fields are numeric cells, booleans are boolean cells,
//! dates are date cells formatted `yyyy-mm-dd`, nulls are empty cells. Each sheet has a bold,
//! frozen header row with an autofilter, and a note on each header cell with the field's
//! description in Chinese and English.
//!
//! The bytes are deterministic: the workbook's creation date is the package's `created`, never
//! the clock, and the zip entries carry fixed timestamps.

use gwr_model::{FieldSpec, Indicator, Report};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Note, Workbook, Worksheet, XlsxError,
};

use crate::dictionary::all_tables;
use crate::{Columns, ExportError, PackageMeta, Values};

/// Name of the data-dictionary sheet, the workbook's first.
pub const DICTIONARY_SHEET: &str = "数据字典 Dictionary";

/// Widest a column gets (in character widths); longer text wraps.
pub const MAX_COLUMN_WIDTH: f64 = 60.0;

/// Most characters Excel keeps in one cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Excel's serial day number of 1970-01-01 (days since 1899-12-30).
const EXCEL_UNIX_EPOCH: f64 = 25_569.0;

/// Every published table of `reports` (and the indicator glossary) as [`Columns`], in
/// publication order — the order of [`crate::dictionary::all_tables`].
pub fn package_columns(
    reports: &[Report],
    glossary: &[Indicator],
) -> Result<Vec<Columns>, ExportError> {
    package_columns_with_reference(reports, &[], glossary)
}

/// [`package_columns`] with the national targets of `reference` (reports not in the package)
/// set beside the sub-national targets in `target_outcomes`, as
/// [`crate::PackageInput::reference`].
pub fn package_columns_with_reference(
    reports: &[Report],
    reference: &[Report],
    glossary: &[Indicator],
) -> Result<Vec<Columns>, ExportError> {
    let t = gwr_model::Tables::from_reports(reports);
    let mut panel = gwr_panel::Panel::from_reports(reports);
    for r in reference {
        panel.add_reference(r);
    }
    Ok(vec![
        Columns::from_rows(glossary)?,
        Columns::from_rows(&t.places)?,
        Columns::from_rows(&t.reports)?,
        Columns::from_rows(&t.sections)?,
        Columns::from_rows(&t.paragraphs)?,
        Columns::from_rows(&t.facts)?,
        Columns::from_rows(&t.targets)?,
        Columns::from_rows(&t.quality_issues)?,
        Columns::from_rows(&panel.target_outcomes()?)?,
    ])
}

/// The file name of the workbook of package `meta`: `<name>.xlsx`.
pub fn workbook_file_name(meta: &PackageMeta) -> String {
    format!("{}.xlsx", meta.name)
}

/// The workbook's bytes: the dictionary sheet, then one sheet per table of `tables`
/// (named after the table), in the given order.
pub fn workbook_bytes(meta: &PackageMeta, tables: &[Columns]) -> Result<Vec<u8>, ExportError> {
    let err = |e: XlsxError| ExportError::Shape("workbook".into(), e.to_string());
    let created = ExcelDateTime::parse_from_str(&meta.created).map_err(|e| {
        ExportError::Meta(format!(
            "created `{}` is not an RFC 3339 date-time: {e}",
            meta.created
        ))
    })?;
    let properties = DocProperties::new()
        .set_title(format!("{} / {}", meta.title_zh, meta.title_en))
        .set_subject(format!("{} {}", meta.name, meta.version))
        .set_author(
            meta.contributors
                .first()
                .map(|c| c.title.clone())
                .unwrap_or_default(),
        )
        .set_keywords(meta.keywords.join(", "))
        .set_comment(format!(
            "{}\n\n{}",
            meta.description_zh, meta.description_en
        ))
        .set_hyperlink_base(meta.homepage.clone())
        .set_creation_datetime(&created);

    let mut workbook = Workbook::new();
    workbook.set_properties(&properties);
    let styles = Styles::new();

    let sheet = workbook.add_worksheet();
    sheet.set_name(DICTIONARY_SHEET).map_err(err)?;
    dictionary_sheet(sheet, &styles).map_err(err)?;

    for cols in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(cols.table).map_err(err)?;
        table_sheet(sheet, cols, &styles)
            .map_err(|e| ExportError::Shape(cols.table.into(), format!("workbook sheet: {e}")))?;
    }
    workbook.save_to_buffer().map_err(err)
}

struct Styles {
    header: Format,
    text: Format,
    wrap: Format,
    number: Format,
    date: Format,
}

impl Styles {
    fn new() -> Self {
        let top = Format::new().set_align(FormatAlign::Top);
        Styles {
            header: Format::new()
                .set_bold()
                .set_align(FormatAlign::Top)
                .set_background_color("#DDEBF7")
                .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin),
            text: top.clone(),
            wrap: top.clone().set_text_wrap(),
            number: top.clone(),
            date: top.set_num_format("yyyy-mm-dd"),
        }
    }
}

/// Width of `s` in character widths of the default font: CJK and full-width characters count
/// two.
fn display_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if is_wide(c) { 2.0 } else { 1.0 })
        .sum::<f64>()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Keeps at most Excel's limit of characters of a cell.
fn cell_text(s: &str) -> &str {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}

/// Header cells with a note giving the description of each field.
fn header(
    sheet: &mut Worksheet,
    names: &[String],
    notes: &[Option<String>],
    styles: &Styles,
) -> Result<(), XlsxError> {
    for (c, name) in names.iter().enumerate() {
        let col = col_index(c);
        sheet.write_string_with_format(0, col, name, &styles.header)?;
        if let Some(Some(text)) = notes.get(c) {
            let note = Note::new(text)
                .set_author("gwr")
                .add_author_prefix(false)
                .set_width(320)
                .set_height(120);
            sheet.insert_note(0, col, &note)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn col_index(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn row_index(r: usize) -> u32 {
    u32::try_from(r + 1).unwrap_or(u32::MAX)
}

/// Sets each column's width from its widest cell, capped at [`MAX_COLUMN_WIDTH`]; returns which
/// columns hit the cap (and so wrap).
fn widths(sheet: &mut Worksheet, widest: &[f64]) -> Result<Vec<bool>, XlsxError> {
    let mut capped = Vec::with_capacity(widest.len());
    for (c, w) in widest.iter().enumerate() {
        let width = (w + 2.0).clamp(6.0, MAX_COLUMN_WIDTH);
        sheet.set_column_width(col_index(c), width)?;
        capped.push(w + 2.0 > MAX_COLUMN_WIDTH);
    }
    Ok(capped)
}

fn dictionary_sheet(sheet: &mut Worksheet, styles: &Styles) -> Result<(), XlsxError> {
    let names: Vec<String> = [
        "表 table",
        "表名 title",
        "字段 field",
        "类型 type",
        "单位 unit",
        "必填 required",
        "约束 constraints",
        "说明 description (zh)",
        "description (en)",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for t in all_tables() {
        for f in &t.fields {
            rows.push(vec![
                t.name.to_string(),
                format!("{} {}", t.title_zh, t.title_en),
                f.name.clone(),
                f.field_type.as_str().to_string(),
                f.unit.clone().unwrap_or_default(),
                if f.required { "是 yes" } else { "否 no" }.to_string(),
                constraints(f),
                f.description_zh.clone(),
                f.description_en.clone(),
            ]);
        }
    }
    header(sheet, &names, &[], styles)?;
    let mut widest: Vec<f64> = names.iter().map(|n| display_width(n)).collect();
    for row in &rows {
        for (c, v) in row.iter().enumerate() {
            if let Some(w) = widest.get_mut(c) {
                *w = w.max(display_width(v));
            }
        }
    }
    let capped = widths(sheet, &widest)?;
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            let fmt = if capped.get(c).copied().unwrap_or(false) {
                &styles.wrap
            } else {
                &styles.text
            };
            sheet.write_string_with_format(row_index(r), col_index(c), cell_text(v), fmt)?;
        }
    }
    let last_row = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    sheet.autofilter(0, 0, last_row, col_index(names.len().saturating_sub(1)))?;
    Ok(())
}

/// A field's constraints in words: allowed values, bounds, pattern.
fn constraints(f: &FieldSpec) -> String {
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
        c.push(format!("pattern {p}"));
    }
    if let Some(fmt) = &f.format {
        c.push(format!("format {fmt}"));
    }
    c.join("; ")
}

fn table_sheet(sheet: &mut Worksheet, cols: &Columns, styles: &Styles) -> Result<(), XlsxError> {
    let names: Vec<String> = cols.fields.iter().map(|f| f.name.clone()).collect();
    let notes: Vec<Option<String>> = cols
        .fields
        .iter()
        .map(|f| {
            let mut text = format!(
                "{} ({}{})\n{}\n{}",
                f.name,
                f.field_type.as_str(),
                f.unit
                    .as_ref()
                    .map(|u| format!(", {u}"))
                    .unwrap_or_default(),
                f.description_zh,
                f.description_en
            );
            if text.chars().count() > 1000 {
                text = text.chars().take(1000).collect();
            }
            Some(text)
        })
        .collect();
    header(sheet, &names, &notes, styles)?;

    // Widths: header names (plus room for the filter button) and every cell's text.
    let mut widest: Vec<f64> = names.iter().map(|n| display_width(n) + 2.0).collect();
    for (c, values) in cols.values.iter().enumerate() {
        let w = match values {
            Values::Str(v) => v
                .iter()
                .flatten()
                .map(|s| display_width(s))
                .fold(0.0, f64::max),
            Values::Int(v) => v
                .iter()
                .flatten()
                .map(|n| n.to_string().len() as f64)
                .fold(0.0, f64::max),
            Values::Num(v) => v
                .iter()
                .flatten()
                .map(|n| n.to_string().len().min(12) as f64)
                .fold(0.0, f64::max),
            Values::Bool(_) => 5.0,
            Values::Date(_) => 10.0,
        };
        if let Some(x) = widest.get_mut(c) {
            *x = x.max(w);
        }
    }
    let capped = widths(sheet, &widest)?;

    for (c, values) in cols.values.iter().enumerate() {
        let col = col_index(c);
        let wrap = capped.get(c).copied().unwrap_or(false);
        match values {
            Values::Str(v) => {
                let fmt = if wrap { &styles.wrap } else { &styles.text };
                for (r, s) in v.iter().enumerate() {
                    if let Some(s) = s {
                        sheet.write_string_with_format(row_index(r), col, cell_text(s), fmt)?;
                    }
                }
            }
            Values::Int(v) => {
                for (r, n) in v.iter().enumerate() {
                    if let Some(n) = n {
                        sheet.write_number_with_format(
                            row_index(r),
                            col,
                            *n as f64,
                            &styles.number,
                        )?;
                    }
                }
            }
            Values::Num(v) => {
                for (r, n) in v.iter().enumerate() {
                    if let Some(n) = n.filter(|n| n.is_finite()) {
                        sheet.write_number_with_format(row_index(r), col, n, &styles.number)?;
                    }
                }
            }
            Values::Bool(v) => {
                for (r, b) in v.iter().enumerate() {
                    if let Some(b) = b {
                        sheet.write_boolean_with_format(row_index(r), col, *b, &styles.text)?;
                    }
                }
            }
            Values::Date(v) => {
                for (r, d) in v.iter().enumerate() {
                    if let Some((days, iso)) = d {
                        let serial = f64::from(*days) + EXCEL_UNIX_EPOCH;
                        // Excel's dates start at 1900-01-01 (serial 1); earlier ones stay text.
                        if serial >= 1.0 {
                            sheet.write_number_with_format(
                                row_index(r),
                                col,
                                serial,
                                &styles.date,
                            )?;
                        } else {
                            sheet.write_string_with_format(row_index(r), col, iso, &styles.text)?;
                        }
                    }
                }
            }
        }
    }
    let last_row = u32::try_from(cols.len).unwrap_or(u32::MAX);
    sheet.autofilter(0, 0, last_row, col_index(names.len().saturating_sub(1)))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_two() {
        assert_eq!(display_width("ab"), 2.0);
        assert_eq!(display_width("区级"), 4.0);
        assert_eq!(display_width("5.87亿元"), 8.0);
    }

    #[test]
    fn long_cells_are_cut_at_excels_limit() {
        let s = "字".repeat(MAX_CELL_CHARS + 5);
        assert_eq!(cell_text(&s).chars().count(), MAX_CELL_CHARS);
        assert_eq!(cell_text("short"), "short");
    }
}
