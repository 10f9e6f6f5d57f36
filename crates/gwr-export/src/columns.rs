//! Rows → typed columns, the one intermediate form both writers read.
//!
//! Rows are serialised with serde (so the column names and values are exactly the row types'
//! serde form) and laid out by the table's [`FieldSpec`]s, which come from the same row type.

use arrow::array::{ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, StringArray};
use gwr_model::{FieldSpec, FieldType, Table};
use polars::prelude::{Column as PlColumn, DataFrame};
use serde_json::Value;
use std::sync::Arc;

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
        let objects: Vec<serde_json::Map<String, Value>> = rows
            .iter()
            .map(|r| match serde_json::to_value(r) {
                Ok(Value::Object(m)) => Ok(m),
                Ok(_) => Err(ExportError::Shape(
                    T::NAME.into(),
                    "a row is not an object".into(),
                )),
                Err(e) => Err(ExportError::Shape(T::NAME.into(), e.to_string())),
            })
            .collect::<Result<_, _>>()?;
        let mut values = Vec::with_capacity(fields.len());
        for f in &fields {
            let cells = objects
                .iter()
                .map(|o| o.get(&f.name).filter(|v| !v.is_null()));
            let bad = |v: &Value| {
                ExportError::Shape(
                    T::NAME.into(),
                    format!("field {} has value {v} of the wrong type", f.name),
                )
            };
            values.push(match f.field_type {
                FieldType::String => Values::Str(
                    cells
                        .map(|c| {
                            c.map(|v| v.as_str().map(String::from).ok_or_else(|| bad(v)))
                                .transpose()
                        })
                        .collect::<Result<_, _>>()?,
                ),
                FieldType::Integer => Values::Int(
                    cells
                        .map(|c| c.map(|v| v.as_i64().ok_or_else(|| bad(v))).transpose())
                        .collect::<Result<_, _>>()?,
                ),
                FieldType::Number => Values::Num(
                    cells
                        .map(|c| c.map(|v| v.as_f64().ok_or_else(|| bad(v))).transpose())
                        .collect::<Result<_, _>>()?,
                ),
                FieldType::Boolean => Values::Bool(
                    cells
                        .map(|c| c.map(|v| v.as_bool().ok_or_else(|| bad(v))).transpose())
                        .collect::<Result<_, _>>()?,
                ),
                FieldType::Date => Values::Date(
                    cells
                        .map(|c| {
                            c.map(|v| {
                                let s = v.as_str().ok_or_else(|| bad(v))?;
                                let days = days_from_iso(s).ok_or_else(|| bad(v))?;
                                Ok((days, s.to_string()))
                            })
                            .transpose()
                        })
                        .collect::<Result<_, _>>()?,
                ),
            });
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

    /// The columns as a polars DataFrame (dates as ISO text, the form CSV stores them in).
    pub fn to_polars(&self) -> Result<DataFrame, ExportError> {
        let cols: Vec<PlColumn> = self
            .fields
            .iter()
            .zip(&self.values)
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
        DataFrame::new(self.len, cols)
            .map_err(|e| ExportError::Polars(self.table.into(), e.to_string()))
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
