//! Targets. (Being built.)

use gwr_model::{Fact, Target};

/// One row per target fact, checked against its baseline.
pub fn build_targets(_facts: &[Fact], _report_id: &str) -> Vec<Target> {
    Vec::new()
}
