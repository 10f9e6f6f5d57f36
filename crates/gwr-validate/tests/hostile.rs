//! Hostile descriptors (issue 13; the same inputs as the fuzz target `validate`, as a property
//! test that runs everywhere): whatever `datapackage.json` says about paths, names, sizes and
//! schemas, `validate_package` returns a report (no panic, no hang) and never reads a file
//! outside the package folder.

use std::path::PathBuf;

use proptest::prelude::*;

fn sandbox(n: u64) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gwr-validate-hostile-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("pkg/schemas")).unwrap();
    std::fs::write(d.join("pkg/data.csv"), "a,b\n1,2\n").unwrap();
    std::fs::write(
        d.join("pkg/schemas/data.schema.json"),
        r#"{"type":"object"}"#,
    )
    .unwrap();
    // a file beside the package that no check may read: every row would break its schema
    std::fs::write(d.join("outside.csv"), "OUTSIDE\nOUTSIDE-ROW\n").unwrap();
    std::fs::write(
        d.join("outside.schema.json"),
        r#"{"type":"object","required":["OUTSIDE-FIELD"]}"#,
    )
    .unwrap();
    d
}

fn path_strategy() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::json!("data.csv")),
        Just(serde_json::json!("../outside.csv")),
        Just(serde_json::json!("./../outside.csv")),
        Just(serde_json::json!("/etc/passwd")),
        Just(serde_json::json!("schemas/../../outside.csv")),
        Just(serde_json::json!("")),
        Just(serde_json::json!(["data.csv", "../outside.csv"])),
        Just(serde_json::json!(17)),
        "[a-z./\\\\:%\u{0}\n]{0,24}".prop_map(serde_json::Value::String),
    ]
}

fn name_strategy() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::json!("data")),
        Just(serde_json::json!("../outside")),
        Just(serde_json::json!("../../outside")),
        Just(serde_json::json!("../../../../../../../../tmp/evil")),
        Just(serde_json::json!("x\u{1b}]0;PWNED\u{7}")),
        "[a-z./\u{1b}]{0,16}".prop_map(serde_json::Value::String),
    ]
}

fn size_strategy() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::json!(8)),
        Just(serde_json::json!(0)),
        Just(serde_json::json!(u64::MAX)),
        Just(serde_json::json!(-1)),
        Just(serde_json::json!("8")),
        any::<u32>().prop_map(|n| serde_json::json!(n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_descriptor_gives_a_report_and_stays_inside(
        path in path_strategy(),
        name in name_strategy(),
        bytes in size_strategy(),
        schema_path in prop_oneof![Just(None), path_strategy().prop_map(Some)],
        n in any::<u64>(),
    ) {
        let d = sandbox(n);
        let mut resource = serde_json::json!({
            "name": name,
            "path": path,
            "format": "csv",
            "bytes": bytes,
            "schema": {"fields": [{"name": "a", "type": "integer"}, {"name": "b"}]},
        });
        if let Some(p) = schema_path {
            resource["schema"] = p;
        }
        let descriptor = serde_json::json!({"name": "t", "resources": [resource]});
        std::fs::write(
            d.join("pkg/datapackage.json"),
            serde_json::to_vec(&descriptor).unwrap(),
        )
        .unwrap();
        let report = gwr_validate::validate_package(&d.join("pkg")).unwrap();
        let text: String = report.problems.iter().map(|p| p.to_string() + "\n").collect();
        let _ = std::fs::remove_dir_all(&d);
        prop_assert!(!text.contains("OUTSIDE"), "read outside the package:\n{}", text);
        prop_assert!(!report.summary().is_empty());
    }
}
