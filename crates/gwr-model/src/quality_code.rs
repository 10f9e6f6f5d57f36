//! The codes of `quality_issues`, generated from `registry/quality-codes.tsv` by `build.rs`:
//! one line of that file is one [`QualityCode`] with its usual severity, summaries and doc.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::rows::Severity;

include!(concat!(env!("OUT_DIR"), "/quality_codes.rs"));

impl fmt::Display for QualityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Codes order as their strings do (so sorting rows by code gives the order it always gave).
impl PartialOrd for QualityCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for QualityCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

/// A string that is no quality-issue code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a quality-issue code (see crates/gwr-model/registry/quality-codes.tsv)")]
pub struct UnknownQualityCode(pub String);

impl std::str::FromStr for QualityCode {
    type Err = UnknownQualityCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        QualityCode::parse(s).ok_or_else(|| UnknownQualityCode(s.to_string()))
    }
}

impl TryFrom<&str> for QualityCode {
    type Error = UnknownQualityCode;
    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl AsRef<str> for QualityCode {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for QualityCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for QualityCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for QualityCode {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<QualityCode> for String {
    fn eq(&self, other: &QualityCode) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<QualityCode> for &str {
    fn eq(&self, other: &QualityCode) -> bool {
        *self == other.as_str()
    }
}

/// The table of every code as Markdown (`docs/quality-codes.md`, kept equal by a test).
pub fn codes_markdown() -> String {
    let mut out = String::from(
        "# Quality-issue codes\n\n<!-- generated from crates/gwr-model/registry/quality-codes.tsv by \
         `UPDATE_EXPECT=1 cargo test -p gwr-model --test quality_codes`; do not edit -->\n\n\
         Every value of `quality_issues.code`. The severity is the usual one; the rule says when a \
         detector lowers it. To add a code, add a line to the registry and use its \
         `QualityCode` variant in the detector.\n\n\
         | code | severity | meaning | 含义 | rule |\n|---|---|---|---|---|\n",
    );
    for c in QualityCode::ALL {
        let sev = match c.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            c.as_str(),
            sev,
            c.summary_en(),
            c.summary_zh(),
            c.doc().replace('|', "\\|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        for &c in QualityCode::ALL {
            assert_eq!(QualityCode::parse(c.as_str()), Some(c));
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
            let back: QualityCode = serde_json::from_value(c.as_str().into()).unwrap();
            assert_eq!(back, c);
            assert_eq!(c.to_string(), c.as_str());
        }
        assert!("no_such_code".parse::<QualityCode>().is_err());
    }
}
