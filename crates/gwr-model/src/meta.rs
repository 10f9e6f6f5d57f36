//! The metadata of a report, as kept in `report.toml` beside its text.

use serde::{Deserialize, Serialize};

use crate::rows::{AdminLevel, DocumentKind, YearBasis};

/// Metadata of one report that the text alone does not give reliably (`report.toml`).
///
/// Only `report_id` and `place_zh` are required; [`ReportMeta::validate`] checks them and the
/// range of `report_year` when given (a report whose year nobody knows is still a report). Whatever the text states is recorded as the text states it; where the text is
/// damaged, `delivered_date_note` says which reading was chosen and why.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportMeta {
    /// Stable identifier, lower-case ASCII letters, digits and hyphens.
    pub report_id: String,
    /// Title as printed.
    #[serde(default)]
    pub title: String,
    /// Place name in Chinese.
    pub place_zh: String,
    /// Official division code (GB/T 2260, six digits; a town's statistical code, nine); when
    /// given it wins over the code resolved from `place_zh`.
    #[serde(default)]
    pub place_code: Option<String>,
    /// Place name in English.
    #[serde(default)]
    pub place_en: String,
    /// Administrative level.
    #[serde(default = "default_level")]
    pub admin_level: AdminLevel,
    /// Parent areas from the top down.
    #[serde(default)]
    pub parent_areas: Vec<String>,
    /// The plan year of the report (the year of its targets); `None` when not known.
    #[serde(default)]
    pub report_year: Option<i32>,
    /// How `report_year` was read; `None` in a metadata file (given there: `metadata`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_year_basis: Option<YearBasis>,
    /// Date delivered, YYYY-MM-DD.
    #[serde(default)]
    pub delivered_date: Option<String>,
    /// How the delivered date was read.
    #[serde(default)]
    pub delivered_date_note: Option<String>,
    /// Date published, YYYY-MM-DD.
    #[serde(default)]
    pub published_date: Option<String>,
    /// Meeting name.
    #[serde(default)]
    pub meeting: Option<String>,
    /// Speaker.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Speaker's office.
    #[serde(default)]
    pub speaker_title: Option<String>,
    /// Source page address.
    #[serde(default)]
    pub source_url: Option<String>,
    /// Publisher of the source page.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Language tag.
    #[serde(default = "default_language")]
    pub language: String,
    /// SHA-256 of the text file, when recorded; checked against the file.
    #[serde(default)]
    pub sha256: Option<String>,
    /// What kind of document the text is (`work_report`, `statistical_communique`); when not
    /// given, extraction recognises a statistical communiqué by its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_kind: Option<DocumentKind>,
}

fn default_level() -> AdminLevel {
    AdminLevel::Other
}

fn default_language() -> String {
    "zh-Hans".into()
}

/// A problem with a report's metadata.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MetaError {
    /// A required field is empty.
    #[error("required field `{0}` is empty")]
    Empty(&'static str),
    /// The report id is not a safe identifier.
    #[error("report_id `{0}` must be lower-case ASCII letters, digits and hyphens, starting with a letter or digit")]
    BadId(String),
    /// The year is out of range.
    #[error("report_year {0} is outside 1949..=2100")]
    BadYear(i32),
    /// A place code is not six or nine digits.
    #[error("place_code `{0}` is not a division code of six or nine digits")]
    BadPlaceCode(String),
    /// A date is not YYYY-MM-DD.
    #[error("`{field}` is `{value}`, not a date of the form YYYY-MM-DD")]
    BadDate {
        /// Which field.
        field: &'static str,
        /// The value found.
        value: String,
    },
}

impl ReportMeta {
    /// How the year was read: the recorded basis, else `metadata` when a year is given and
    /// `unknown` when none is.
    pub fn year_basis(&self) -> YearBasis {
        match (self.report_year, self.report_year_basis) {
            (None, _) => YearBasis::Unknown,
            (Some(_), Some(b)) => b,
            (Some(_), None) => YearBasis::Metadata,
        }
    }

    /// Checks the required fields and the forms of id and dates.
    pub fn validate(&self) -> Result<(), MetaError> {
        if self.report_id.is_empty() {
            return Err(MetaError::Empty("report_id"));
        }
        if !is_safe_id(&self.report_id) {
            return Err(MetaError::BadId(self.report_id.clone()));
        }
        if self.place_zh.trim().is_empty() {
            return Err(MetaError::Empty("place_zh"));
        }
        if let Some(code) = &self.place_code {
            if !matches!(code.len(), 6 | 9) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(MetaError::BadPlaceCode(code.clone()));
            }
        }
        if let Some(y) = self.report_year.filter(|y| !(1949..=2100).contains(y)) {
            return Err(MetaError::BadYear(y));
        }
        for (field, value) in [
            ("delivered_date", &self.delivered_date),
            ("published_date", &self.published_date),
        ] {
            if let Some(v) = value {
                if !is_iso_date(v) {
                    return Err(MetaError::BadDate {
                        field,
                        value: v.clone(),
                    });
                }
            }
        }
        Ok(())
    }
}

/// Whether `id` is a safe identifier and file name: `[a-z0-9][a-z0-9-]*`, at most 100 long.
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// Turns any text into a safe identifier: ASCII letters and digits kept (lower-cased), every
/// other run of characters becomes one hyphen. Returns `report` when nothing is left.
pub fn sanitize_id(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 100 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "report".into()
    } else {
        out
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r.clone()].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize() {
        assert_eq!(sanitize_id("../Etc/Passwd 2024"), "etc-passwd-2024");
        assert_eq!(sanitize_id("淞南镇"), "report");
        assert!(is_safe_id(&sanitize_id("A_b c")));
    }

    #[test]
    fn dates() {
        assert!(is_iso_date("2024-01-10"));
        assert!(!is_iso_date("2024110"));
        assert!(!is_iso_date("2024-13-01"));
    }
}
