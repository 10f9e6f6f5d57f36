//! Check 1: `datapackage.json` against the official Data Package v2 profile.
//!
//! The profile is the built `profiles/2.0/datapackage.json` of the Data Package standard (a
//! JSON Schema draft-07 document with the Data Resource, Table Schema and Table Dialect
//! profiles inlined, so it has no `$ref` to resolve); it is compiled into the binary.

use std::sync::OnceLock;

use jsonschema::error::ValidationErrorKind;
use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use crate::{Report, DESCRIPTOR};

/// The Data Package v2 profile, as published (see `profiles/README.md`).
pub const DATAPACKAGE_PROFILE: &str = include_str!("../profiles/2.0/datapackage.json");

fn validator() -> &'static Result<Validator, String> {
    static V: OnceLock<Result<Validator, String>> = OnceLock::new();
    V.get_or_init(|| {
        let schema: Value = serde_json::from_str(DATAPACKAGE_PROFILE)
            .map_err(|e| format!("the shipped profile is not JSON: {e}"))?;
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft7)
            .build(&schema)
            .map_err(|e| format!("the shipped profile does not compile: {e}"))
    })
}

/// Validates the descriptor against the profile, one problem per violation.
pub(crate) fn check(descriptor: &Value, report: &mut Report) {
    let v = match validator() {
        Ok(v) => v,
        Err(e) => {
            report.push(DESCRIPTOR, None, None, "profile", e.clone());
            return;
        }
    };
    for e in v.iter_errors(descriptor) {
        let pointer = e.instance_path().as_str().to_string();
        let resource = resource_of(descriptor, &pointer);
        let field = if pointer.is_empty() {
            "/".to_string()
        } else {
            pointer.clone()
        };
        report.push(
            &resource,
            None,
            Some(&field),
            "profile",
            format!("{} (Data Package v2 profile)", describe(&e)),
        );
    }
}

/// The resource a pointer into the descriptor is inside, by name when it has one.
fn resource_of(descriptor: &Value, pointer: &str) -> String {
    let mut parts = pointer.split('/').skip(1);
    if parts.next() == Some("resources") {
        if let Some(i) = parts.next().and_then(|s| s.parse::<usize>().ok()) {
            if let Some(name) = descriptor
                .get("resources")
                .and_then(|r| r.get(i))
                .and_then(|r| r.get("name"))
                .and_then(Value::as_str)
            {
                return name.to_string();
            }
            return format!("{DESCRIPTOR} (resource {i})");
        }
    }
    DESCRIPTOR.to_string()
}

/// A readable message: the instance itself is not repeated when it is long, and the branches
/// of a failed `oneOf`/`anyOf` are spelled out.
pub(crate) fn describe(e: &ValidationError<'_>) -> String {
    match e.kind() {
        ValidationErrorKind::OneOfNotValid { context } | ValidationErrorKind::AnyOf { context } => {
            let branches: Vec<String> = context
                .iter()
                .map(|errs| {
                    let msgs: Vec<String> = errs.iter().take(3).map(short).collect();
                    if msgs.is_empty() {
                        "?".to_string()
                    } else {
                        msgs.join(" and ")
                    }
                })
                .collect();
            format!(
                "matches none of the allowed forms: {}",
                truncate(&branches.join(" | "), 400)
            )
        }
        _ => short(e),
    }
}

fn short(e: &ValidationError<'_>) -> String {
    let msg = e.to_string();
    let inst = e.instance().to_string();
    let msg = if inst.chars().count() > 60 {
        msg.replacen(&inst, "the value", 1)
    } else {
        msg
    };
    truncate(&msg, 300)
}

/// At most `n` chars of `s`, with an ellipsis when cut.
pub(crate) fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn profile_compiles() {
        assert!(validator().is_ok(), "{:?}", validator().as_ref().err());
    }

    #[test]
    fn minimal_package_passes_and_broken_ones_fail() {
        let ok = json!({"resources": [{"name": "a", "path": "a.csv"}]});
        let mut r = Report::default();
        check(&ok, &mut r);
        assert!(r.problems.is_empty(), "{:?}", r.problems);

        let bad = json!({"resources": {"name": "a"}});
        let mut r = Report::default();
        check(&bad, &mut r);
        assert!(r
            .problems
            .iter()
            .any(|p| p.field.as_deref() == Some("/resources")));

        let no_name = json!({"resources": [{"path": "a.csv"}]});
        let mut r = Report::default();
        check(&no_name, &mut r);
        assert!(
            r.problems.iter().any(|p| p.message.contains("name")),
            "{:?}",
            r.problems
        );

        let unsafe_path = json!({"resources": [{"name": "a", "path": "../a.csv"}]});
        let mut r = Report::default();
        check(&unsafe_path, &mut r);
        assert!(!r.problems.is_empty());
        assert_eq!(r.problems[0].resource, "a");
    }
}
