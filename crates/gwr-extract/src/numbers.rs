//! The number scanner, now the crate `gwr-numbers` (which `gwr-validate` uses without
//! depending on extraction): re-exported here so `crate::numbers::…` keeps its meaning.

pub use gwr_numbers::*;
