//! `gwr validate`. (Being built.)

use std::path::PathBuf;

use clap::Args;

use crate::Failure;

/// Arguments of `gwr validate`.
#[derive(Args)]
pub struct ValidateArgs {
    /// The package folder (holding datapackage.json), or the datapackage.json itself.
    pub dir: PathBuf,
}

/// Runs `gwr validate`.
pub fn run(_args: &ValidateArgs) -> Result<(), Failure> {
    Ok(())
}
