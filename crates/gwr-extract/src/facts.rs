//! Quantitative facts. (Being built.)

use gwr_model::{Fact, ReportMeta};

use crate::structure::Structure;

/// Finds every quantity stated in the body.
pub fn extract_facts(_text: &str, _structure: &Structure, _meta: &ReportMeta) -> Vec<Fact> {
    Vec::new()
}
