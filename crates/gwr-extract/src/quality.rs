//! Quality issues. (Being built.)

use gwr_model::{Fact, QualityIssue, ReportMeta};

use crate::structure::Structure;

/// Finds suspect spots of the text.
pub fn detect(
    _text: &str,
    _structure: &Structure,
    _facts: &[Fact],
    _meta: &ReportMeta,
) -> Vec<QualityIssue> {
    Vec::new()
}
