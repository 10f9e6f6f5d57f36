//! The Arrow schema of a table, derived from its [`FieldSpec`]s.

use std::collections::HashMap;

use arrow::datatypes::{DataType, Field, Schema};
use gwr_model::{FieldSpec, FieldType, Table};

/// The Arrow type that stores a field of this type.
pub fn arrow_type(t: FieldType) -> DataType {
    match t {
        FieldType::String => DataType::Utf8,
        FieldType::Integer => DataType::Int64,
        FieldType::Number => DataType::Float64,
        FieldType::Boolean => DataType::Boolean,
        FieldType::Date => DataType::Date32,
    }
}

/// The Arrow schema of table `T`: one field per column, nullable unless required, with the
/// descriptions as field metadata.
pub fn arrow_schema<T: Table>() -> Schema {
    schema_of(&T::fields(), T::NAME, T::TITLE_EN, T::TITLE_ZH)
}

/// The Arrow schema of a field list.
pub fn schema_of(fields: &[FieldSpec], name: &str, title_en: &str, title_zh: &str) -> Schema {
    let fields: Vec<Field> = fields
        .iter()
        .map(|f| {
            let mut meta = HashMap::new();
            meta.insert("description".to_string(), f.description_en.clone());
            meta.insert("description_zh".to_string(), f.description_zh.clone());
            if let Some(u) = &f.unit {
                meta.insert("unit".to_string(), u.clone());
            }
            Field::new(&f.name, arrow_type(f.field_type), !f.required).with_metadata(meta)
        })
        .collect();
    let mut meta = HashMap::new();
    meta.insert("gwr:table".to_string(), name.to_string());
    meta.insert("gwr:title".to_string(), title_en.to_string());
    meta.insert("gwr:title_zh".to_string(), title_zh.to_string());
    Schema::new(fields).with_metadata(meta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gwr_model::Fact;

    #[test]
    fn fact_schema_types() {
        let s = arrow_schema::<Fact>();
        assert_eq!(
            s.field_with_name("value")
                .map(|f| f.data_type().clone())
                .ok(),
            Some(DataType::Float64)
        );
        assert_eq!(
            s.field_with_name("start")
                .map(|f| f.data_type().clone())
                .ok(),
            Some(DataType::Int64)
        );
        assert!(s
            .field_with_name("value_max")
            .map(|f| f.is_nullable())
            .unwrap_or(false));
        assert!(!s
            .field_with_name("quote")
            .map(|f| f.is_nullable())
            .unwrap_or(true));
    }
}
