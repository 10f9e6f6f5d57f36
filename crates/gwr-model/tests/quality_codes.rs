//! `docs/quality-codes.md` is generated from the registry
//! (`crates/gwr-model/registry/quality-codes.tsv`); this test fails when it is stale.
//! Bless: `UPDATE_EXPECT=1 cargo test -p gwr-model --test quality_codes`.

use std::path::PathBuf;

use gwr_model::{QualityCode, QualityIssue, Table};

#[test]
fn docs_table_is_generated_from_the_registry() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/quality-codes.md");
    let want = gwr_model::quality_code::codes_markdown();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/quality-codes.md is stale: run `UPDATE_EXPECT=1 cargo test -p gwr-model --test quality_codes`"
    );
}

#[test]
fn the_schemas_list_every_code() {
    let field = QualityIssue::fields()
        .into_iter()
        .find(|f| f.name == "code")
        .unwrap();
    let listed = field.enum_values.unwrap();
    let all: Vec<String> = QualityCode::ALL.iter().map(|c| c.to_string()).collect();
    assert_eq!(listed, all);
    let ts = QualityIssue::table_schema();
    let code = ts["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "code")
        .unwrap();
    assert_eq!(
        code["constraints"]["enum"].as_array().unwrap().len(),
        all.len()
    );
}
