//! The workbook: deterministic bytes, the dictionary sheet first, one sheet per table with a
//! header row and one row per table row, numbers as numeric cells, nulls as empty cells.
//! Read back by unzipping and reading the sheet XML.

#[path = "xlsx_common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::io::Read;

use gwr_export::dictionary::all_tables;
use gwr_export::xlsx::{package_columns, workbook_bytes, DICTIONARY_SHEET};
use gwr_export::Values;

#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Str(String),
    Num(f64),
    Bool(bool),
}

struct Book {
    sheets: Vec<String>,
    /// Per sheet: rows (0-based) of cells by 0-based column.
    cells: Vec<BTreeMap<u32, BTreeMap<u32, Cell>>>,
    row_counts: Vec<usize>,
    core: String,
}

fn entry(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> String {
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the workbook"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn unxml(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')?;
    Some(&tag[i..i + j])
}

/// "AB12" → (11, 27): 0-based row and column.
fn cell_ref(r: &str) -> (u32, u32) {
    let letters: String = r.chars().take_while(|c| c.is_ascii_uppercase()).collect();
    let col = letters
        .chars()
        .fold(0u32, |n, c| n * 26 + (c as u32 - 'A' as u32 + 1))
        - 1;
    let row: u32 = r[letters.len()..].parse().unwrap();
    (row - 1, col)
}

fn read_book(bytes: &[u8]) -> Book {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let wb = entry(&mut zip, "xl/workbook.xml");
    let sheets: Vec<String> = wb
        .split("<sheet ")
        .skip(1)
        .map(|t| unxml(attr(&format!(" {t}"), "name").unwrap()))
        .collect();
    let sst = entry(&mut zip, "xl/sharedStrings.xml");
    let strings: Vec<String> = sst
        .split("<si>")
        .skip(1)
        .map(|si| {
            let si = &si[..si.find("</si>").unwrap()];
            let open = si.find('>').unwrap() + 1;
            let close = si.rfind("</t>").unwrap();
            unxml(&si[open..close])
        })
        .collect();
    let mut cells = Vec::new();
    let mut row_counts = Vec::new();
    for i in 1..=sheets.len() {
        let xml = entry(&mut zip, &format!("xl/worksheets/sheet{i}.xml"));
        row_counts.push(xml.matches("<row ").count());
        let mut rows: BTreeMap<u32, BTreeMap<u32, Cell>> = BTreeMap::new();
        for c in xml.split("<c ").skip(1) {
            let tag_end = c.find('>').unwrap();
            let tag = format!(" {}", &c[..tag_end]);
            if tag.ends_with('/') {
                continue; // a formatted empty cell
            }
            let (r, col) = cell_ref(attr(&tag, "r").unwrap());
            let v = c
                .find("<v>")
                .map(|i| &c[i + 3..i + 3 + c[i + 3..].find("</v>").unwrap()]);
            let Some(v) = v else { continue };
            let cell = match attr(&tag, "t") {
                Some("s") => Cell::Str(strings[v.parse::<usize>().unwrap()].clone()),
                Some("b") => Cell::Bool(v == "1"),
                None | Some("n") => Cell::Num(v.parse().unwrap()),
                Some(t) => panic!("cell type {t}"),
            };
            rows.entry(r).or_default().insert(col, cell);
        }
        cells.push(rows);
    }
    let core = entry(&mut zip, "docProps/core.xml");
    Book {
        sheets,
        cells,
        row_counts,
        core,
    }
}

fn build() -> Vec<u8> {
    let tables = package_columns(&[common::report()], &common::glossary()).unwrap();
    workbook_bytes(&common::meta(), &tables).unwrap()
}

#[test]
fn same_input_same_bytes() {
    let a = build();
    let b = build();
    assert!(a == b, "two builds of the workbook differ");
    let book = read_book(&a);
    assert!(
        book.core
            .contains(">2026-11-27T00:00:00Z</dcterms:created>"),
        "creation date from the package metadata: {}",
        book.core
    );
}

#[test]
fn dictionary_first_then_one_sheet_per_table() {
    let book = read_book(&build());
    let mut expected = vec![DICTIONARY_SHEET.to_string()];
    expected.extend(all_tables().iter().map(|t| t.name.to_string()));
    assert_eq!(book.sheets, expected);
    let fields: usize = all_tables().iter().map(|t| t.fields.len()).sum();
    assert_eq!(
        book.row_counts[0],
        fields + 1,
        "dictionary: header + one row per field"
    );
    // Every field of every table is listed, in order.
    let dict = &book.cells[0];
    let listed: Vec<(String, String)> = (1..=fields as u32)
        .map(|r| {
            let get = |c: u32| match dict[&r].get(&c) {
                Some(Cell::Str(s)) => s.clone(),
                other => panic!("{other:?}"),
            };
            (get(0), get(2))
        })
        .collect();
    let want: Vec<(String, String)> = all_tables()
        .iter()
        .flat_map(|t| {
            t.fields
                .iter()
                .map(|f| (t.name.to_string(), f.name.clone()))
        })
        .collect();
    assert_eq!(listed, want);
}

#[test]
fn table_sheets_hold_the_columns_cell_for_cell() {
    let tables = package_columns(&[common::report()], &common::glossary()).unwrap();
    let book = read_book(&workbook_bytes(&common::meta(), &tables).unwrap());
    for (s, cols) in tables.iter().enumerate() {
        let sheet = &book.cells[s + 1];
        assert_eq!(book.row_counts[s + 1], cols.len + 1, "{}", cols.table);
        for (c, f) in cols.fields.iter().enumerate() {
            assert_eq!(
                sheet[&0].get(&(c as u32)),
                Some(&Cell::Str(f.name.clone())),
                "{} header",
                cols.table
            );
        }
        for r in 0..cols.len {
            let row = sheet.get(&(r as u32 + 1));
            for (c, values) in cols.values.iter().enumerate() {
                let got = row.and_then(|row| row.get(&(c as u32))).cloned();
                let want = match values {
                    // An empty string is an empty cell, as in Excel.
                    Values::Str(v) => v[r].clone().filter(|s| !s.is_empty()).map(Cell::Str),
                    Values::Int(v) => v[r].map(|n| Cell::Num(n as f64)),
                    Values::Num(v) => v[r].map(Cell::Num),
                    Values::Bool(v) => v[r].map(Cell::Bool),
                    Values::Date(v) => v[r]
                        .as_ref()
                        .map(|(d, _)| Cell::Num(f64::from(*d) + 25_569.0)),
                };
                assert_eq!(
                    got, want,
                    "{} row {r} field {}",
                    cols.table, cols.fields[c].name
                );
            }
        }
    }
    // Spot checks: a fact's value is the number, a null is an empty cell, a date is a serial.
    let facts = book.sheets.iter().position(|s| s == "facts").unwrap();
    let value_col = tables[facts - 1]
        .fields
        .iter()
        .position(|f| f.name == "value")
        .unwrap() as u32;
    assert_eq!(book.cells[facts][&1][&value_col], Cell::Num(587_000_000.0));
    let max_col = tables[facts - 1]
        .fields
        .iter()
        .position(|f| f.name == "value_max")
        .unwrap() as u32;
    assert!(!book.cells[facts][&1].contains_key(&max_col));
    let reports = book.sheets.iter().position(|s| s == "reports").unwrap();
    let date_col = tables[reports - 1]
        .fields
        .iter()
        .position(|f| f.name == "delivered_date")
        .unwrap() as u32;
    // 2024-01-10 is Excel serial 45301.
    assert_eq!(book.cells[reports][&1][&date_col], Cell::Num(45_301.0));
}

#[test]
fn header_is_frozen_and_filtered() {
    let bytes = build();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).unwrap();
    for i in 1..=8 {
        let xml = entry(&mut zip, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(
            xml.contains("state=\"frozen\"") && xml.contains("ySplit=\"1\""),
            "sheet {i} frozen"
        );
        assert!(xml.contains("<autoFilter "), "sheet {i} filter");
        assert!(xml.contains("<cols>"), "sheet {i} widths");
    }
}
