//! `gwr show`. (Being built.)

use clap::Args;

use crate::Failure;

/// Arguments of `gwr show`.
#[derive(Args)]
pub struct ShowArgs {
    /// The table to show.
    pub table: String,
}

/// Runs `gwr show`.
pub fn run(_args: &ShowArgs) -> Result<(), Failure> {
    Ok(())
}
