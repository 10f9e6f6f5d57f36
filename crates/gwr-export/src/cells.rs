//! A row's cells straight from its serde form, without an intermediate JSON value.
//!
//! [`for_each_cell`] runs a row struct through a small [`serde::Serializer`] that hands over
//! each field as a [`Cell`], in the struct's field order. The row's `Serialize` impl (derived on
//! the row struct in `gwr-model`) therefore stays the one definition of what a row holds: the
//! same serde form `serde_json` produced before (`""` and `Some("")` as null, enums as their
//! snake_case names, non-finite floats as null), at a fraction of the cost — no map per row and
//! no lookup per cell.

use serde::ser::{self, Impossible, Serialize};

use crate::ExportError;

/// One cell of a row, as the row's serde form gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    /// No value.
    Null,
    /// Text (also enum variants and dates).
    Str(&'a str),
    /// An integer.
    Int(i64),
    /// A float (finite).
    Num(f64),
    /// A boolean.
    Bool(bool),
}

/// Calls `f(index, field_name, cell)` for every field of `row`, in field order.
///
/// Fails when `row` is not a struct of plain values, or when `f` fails.
pub fn for_each_cell<T, F>(table: &str, row: &T, f: F) -> Result<(), ExportError>
where
    T: Serialize + ?Sized,
    F: FnMut(usize, &'static str, Cell<'_>) -> Result<(), ExportError>,
{
    let mut visit = Visit { f, index: 0 };
    match row.serialize(RowSer { visit: &mut visit }) {
        Ok(()) => Ok(()),
        Err(CellError::Export(e)) => Err(e),
        Err(CellError::Shape(m)) => Err(ExportError::Shape(table.to_string(), m)),
    }
}

/// Why a row could not be walked.
#[derive(Debug)]
enum CellError {
    /// The row's form is not a struct of plain values.
    Shape(String),
    /// The callback failed.
    Export(ExportError),
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CellError::Shape(m) => f.write_str(m),
            CellError::Export(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CellError {}

impl ser::Error for CellError {
    fn custom<M: std::fmt::Display>(msg: M) -> Self {
        CellError::Shape(msg.to_string())
    }
}

fn shape<T>(what: &str) -> Result<T, CellError> {
    Err(CellError::Shape(format!("{what} is not a table cell")))
}

struct Visit<F> {
    f: F,
    index: usize,
}

/// The serializer of a whole row: accepts a struct only.
struct RowSer<'v, F> {
    visit: &'v mut Visit<F>,
}

/// The serializer of one field's value.
struct CellSer<'v, F> {
    visit: &'v mut Visit<F>,
    key: &'static str,
}

/// Unsupported shapes of a row.
macro_rules! refuse {
    ($($name:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $name(self, $(_: $arg),*) -> Result<Self::Ok, CellError> {
            shape(stringify!($name))
        })*
    };
}

impl<'v, F> ser::Serializer for RowSer<'v, F>
where
    F: FnMut(usize, &'static str, Cell<'_>) -> Result<(), ExportError>,
{
    type Ok = ();
    type Error = CellError;
    type SerializeSeq = Impossible<(), CellError>;
    type SerializeTuple = Impossible<(), CellError>;
    type SerializeTupleStruct = Impossible<(), CellError>;
    type SerializeTupleVariant = Impossible<(), CellError>;
    type SerializeMap = Impossible<(), CellError>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), CellError>;

    refuse!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), CellError> {
        shape("an option")
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<(), CellError> {
        shape("a newtype")
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), CellError> {
        shape("a newtype variant")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, CellError> {
        shape("a sequence")
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, CellError> {
        shape("a tuple")
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, CellError> {
        shape("a tuple struct")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, CellError> {
        shape("a tuple variant")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, CellError> {
        shape("a map")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, CellError> {
        self.visit.index = 0;
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, CellError> {
        shape("a struct variant")
    }
}

impl<'v, F> ser::SerializeStruct for RowSer<'v, F>
where
    F: FnMut(usize, &'static str, Cell<'_>) -> Result<(), ExportError>,
{
    type Ok = ();
    type Error = CellError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), CellError> {
        value.serialize(CellSer {
            visit: &mut *self.visit,
            key,
        })?;
        self.visit.index += 1;
        Ok(())
    }

    fn end(self) -> Result<(), CellError> {
        Ok(())
    }
}

impl<'v, F> CellSer<'v, F>
where
    F: FnMut(usize, &'static str, Cell<'_>) -> Result<(), ExportError>,
{
    /// Hands the cell to the callback (text is borrowed, never copied).
    fn emit(self, cell: Cell<'_>) -> Result<(), CellError> {
        (self.visit.f)(self.visit.index, self.key, cell).map_err(CellError::Export)
    }
}

impl<'v, F> ser::Serializer for CellSer<'v, F>
where
    F: FnMut(usize, &'static str, Cell<'_>) -> Result<(), ExportError>,
{
    type Ok = ();
    type Error = CellError;
    type SerializeSeq = Impossible<(), CellError>;
    type SerializeTuple = Impossible<(), CellError>;
    type SerializeTupleStruct = Impossible<(), CellError>;
    type SerializeTupleVariant = Impossible<(), CellError>;
    type SerializeMap = Impossible<(), CellError>;
    type SerializeStruct = Impossible<(), CellError>;
    type SerializeStructVariant = Impossible<(), CellError>;

    fn serialize_bool(self, v: bool) -> Result<(), CellError> {
        self.emit(Cell::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<(), CellError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), CellError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), CellError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), CellError> {
        self.emit(Cell::Int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), CellError> {
        self.serialize_i64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), CellError> {
        self.serialize_i64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), CellError> {
        self.serialize_i64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), CellError> {
        i64::try_from(v)
            .map_err(|_| CellError::Shape(format!("{v} does not fit a 64-bit integer")))
            .and_then(|v| self.serialize_i64(v))
    }
    fn serialize_f32(self, v: f32) -> Result<(), CellError> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), CellError> {
        // serde_json, the former path, writes a non-finite float as null
        self.emit(if v.is_finite() {
            Cell::Num(v)
        } else {
            Cell::Null
        })
    }
    fn serialize_char(self, v: char) -> Result<(), CellError> {
        self.emit(Cell::Str(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<(), CellError> {
        self.emit(Cell::Str(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), CellError> {
        shape("bytes")
    }
    fn serialize_none(self) -> Result<(), CellError> {
        self.emit(Cell::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), CellError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), CellError> {
        self.emit(Cell::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), CellError> {
        self.emit(Cell::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), CellError> {
        self.emit(Cell::Str(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), CellError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), CellError> {
        shape("a newtype variant")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, CellError> {
        shape("a sequence")
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, CellError> {
        shape("a tuple")
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, CellError> {
        shape("a tuple struct")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, CellError> {
        shape("a tuple variant")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, CellError> {
        shape("a map")
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, CellError> {
        shape("a struct")
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, CellError> {
        shape("a struct variant")
    }
}
