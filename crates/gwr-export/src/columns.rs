//! Rows → typed columns, the one intermediate form both writers read.
//!
//! Rows are walked through their serde form ([`crate::cells`]: the column names and values are
//! exactly the row types' serde form) and laid out by the table's [`FieldSpec`]s, which come
//! from the same row type; a field whose name or type disagrees with its spec is an error.

use arrow::array::{ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, StringArray};
use gwr_model::{FieldSpec, FieldType, Table};
use std::sync::Arc;

use crate::cells::{for_each_cell, Cell};
use crate::ExportError;

/// The values of one column.
#[derive(Debug, Clone, PartialEq)]
pub enum Values {
    /// Text.
    Str(Vec<Option<String>>),
    /// Integers.
    Int(Vec<Option<i64>>),
    /// Floats.
    Num(Vec<Option<f64>>),
    /// Booleans.
    Bool(Vec<Option<bool>>),
    /// Dates as days since 1970-01-01, with their ISO text.
    Date(Vec<Option<(i32, String)>>),
}

impl Values {
    /// Number of cells.
    pub fn len(&self) -> usize {
        match self {
            Values::Str(x) => x.len(),
            Values::Int(x) => x.len(),
            Values::Num(x) => x.len(),
            Values::Bool(x) => x.len(),
            Values::Date(x) => x.len(),
        }
    }

    /// Whether there is no cell.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends the cell `name` of `table`, typed as `field` says.
    fn push(
        &mut self,
        table: &str,
        field: &FieldSpec,
        name: &str,
        cell: Cell<'_>,
    ) -> Result<(), ExportError> {
        check_name(table, field, name)?;
        let bad = || wrong_type(table, field, cell);
        match (self, cell) {
            (Values::Str(x), Cell::Null) => x.push(None),
            (Values::Str(x), Cell::Str(s)) => x.push(Some(s.to_string())),
            (Values::Int(x), Cell::Null) => x.push(None),
            (Values::Int(x), Cell::Int(v)) => x.push(Some(v)),
            (Values::Num(x), Cell::Null) => x.push(None),
            (Values::Num(x), Cell::Num(v)) => x.push(Some(v)),
            (Values::Num(x), Cell::Int(v)) => x.push(Some(v as f64)),
            (Values::Bool(x), Cell::Null) => x.push(None),
            (Values::Bool(x), Cell::Bool(v)) => x.push(Some(v)),
            (Values::Date(x), Cell::Null) => x.push(None),
            (Values::Date(x), Cell::Str(s)) => {
                x.push(Some((days_from_iso(s).ok_or_else(bad)?, s.to_string())))
            }
            _ => return Err(bad()),
        }
        Ok(())
    }
}

/// The error of a cell whose field name is not the spec's: the row struct and its schema
/// disagree (never happens while both come from the same struct).
pub(crate) fn check_name(table: &str, field: &FieldSpec, name: &str) -> Result<(), ExportError> {
    if field.name == name {
        Ok(())
    } else {
        Err(ExportError::Shape(
            table.into(),
            format!("field {name} where the schema has {}", field.name),
        ))
    }
}

/// The error of a cell of the wrong type for its field.
pub(crate) fn wrong_type(table: &str, field: &FieldSpec, cell: Cell<'_>) -> ExportError {
    ExportError::Shape(
        table.into(),
        format!("field {} has value {cell:?} of the wrong type", field.name),
    )
}

/// The error of a row with more fields than the schema.
pub(crate) fn extra_field(table: &str, name: &str) -> ExportError {
    ExportError::Shape(table.into(), format!("field {name} is not in the schema"))
}

/// Fails unless a row gave as many fields as the schema has.
pub(crate) fn check_width(table: &str, expected: usize, got: usize) -> Result<(), ExportError> {
    if expected == got {
        Ok(())
    } else {
        Err(ExportError::Shape(
            table.into(),
            format!("a row has {got} fields where the schema has {expected}"),
        ))
    }
}

/// A table as named, typed columns in field order.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// Table name.
    pub table: &'static str,
    /// The fields, in column order.
    pub fields: Vec<FieldSpec>,
    /// One entry per field.
    pub values: Vec<Values>,
    /// Number of rows.
    pub len: usize,
}

impl Columns {
    /// Lays out `rows` of table `T` as columns.
    pub fn from_rows<T: Table>(rows: &[T]) -> Result<Self, ExportError> {
        let fields = T::fields();
        let mut values: Vec<Values> = fields
            .iter()
            .map(|f| match f.field_type {
                FieldType::String => Values::Str(Vec::with_capacity(rows.len())),
                FieldType::Integer => Values::Int(Vec::with_capacity(rows.len())),
                FieldType::Number => Values::Num(Vec::with_capacity(rows.len())),
                FieldType::Boolean => Values::Bool(Vec::with_capacity(rows.len())),
                FieldType::Date => Values::Date(Vec::with_capacity(rows.len())),
            })
            .collect();
        for row in rows {
            let mut width = 0;
            for_each_cell(T::NAME, row, |i, name, cell| {
                let (Some(f), Some(column)) = (fields.get(i), values.get_mut(i)) else {
                    return Err(extra_field(T::NAME, name));
                };
                width = i + 1;
                column.push(T::NAME, f, name, cell)
            })?;
            check_width(T::NAME, fields.len(), width)?;
        }
        Ok(Columns {
            table: T::NAME,
            fields,
            values,
            len: rows.len(),
        })
    }

    /// The text of one cell as the CSV holds it ("" for null), by column name.
    pub fn cell_text(&self, column: &str, row: usize) -> Option<String> {
        let i = self.fields.iter().position(|f| f.name == column)?;
        let text = match &self.values[i] {
            Values::Str(x) => x.get(row)?.clone().unwrap_or_default(),
            Values::Int(x) => x.get(row)?.map(|v| v.to_string()).unwrap_or_default(),
            Values::Num(x) => x.get(row)?.map(|v| format!("{v}")).unwrap_or_default(),
            Values::Bool(x) => x.get(row)?.map(|v| v.to_string()).unwrap_or_default(),
            Values::Date(x) => x
                .get(row)?
                .as_ref()
                .map(|(_, s)| s.clone())
                .unwrap_or_default(),
        };
        Some(text)
    }

    /// The columns as Arrow arrays, typed as [`crate::arrow_schema`] says.
    pub fn to_arrow(&self) -> Vec<ArrayRef> {
        self.values
            .iter()
            .map(|v| -> ArrayRef {
                match v {
                    Values::Str(x) => Arc::new(StringArray::from(x.clone())),
                    Values::Int(x) => Arc::new(Int64Array::from(x.clone())),
                    Values::Num(x) => Arc::new(Float64Array::from(x.clone())),
                    Values::Bool(x) => Arc::new(BooleanArray::from(x.clone())),
                    Values::Date(x) => Arc::new(Date32Array::from(
                        x.iter()
                            .map(|d| d.as_ref().map(|(n, _)| *n))
                            .collect::<Vec<_>>(),
                    )),
                }
            })
            .collect()
    }
}

/// Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (proleptic Gregorian).
pub fn days_from_iso(s: &str) -> Option<i32> {
    let mut parts = s.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days() {
        assert_eq!(days_from_iso("1970-01-01"), Some(0));
        assert_eq!(days_from_iso("2024-01-10"), Some(19732));
        assert_eq!(days_from_iso("2024-1"), None);
    }
}
