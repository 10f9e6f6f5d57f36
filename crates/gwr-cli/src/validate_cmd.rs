//! `gwr validate`: checks a data package and prints one line per problem and a summary.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use gwr_validate::{validate_package, ValidateError};

use crate::{Exit, Failure};

/// Arguments of `gwr validate`.
#[derive(Args)]
pub struct ValidateArgs {
    /// The package folder (holding datapackage.json), or the datapackage.json itself.
    pub dir: PathBuf,
    /// Print only the summary, not each problem.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Runs `gwr validate`.
///
/// Prints each problem as `resource: row N: field: what is wrong [check]` on stdout, then the
/// summary. Exit 0 when the package is valid, 7 when it is not, 3 when DIR has no
/// datapackage.json.
pub fn run(args: &ValidateArgs) -> Result<(), Failure> {
    let report = validate_package(&args.dir).map_err(|e| match e {
        ValidateError::NotFound(_) | ValidateError::Io { .. } => {
            Failure::new(Exit::InputMissing, anyhow::Error::new(e))
        }
    })?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if !args.quiet {
        for p in &report.problems {
            // a closed pipe (`| head`) is not an error worth reporting
            // values from the package are shown escaped and cut (crate::input::for_terminal)
            let line = crate::input::for_terminal(&p.to_string().replace('\n', "\\n"));
            if writeln!(out, "{line}").is_err() {
                break;
            }
        }
    }
    let _ = writeln!(out, "{}", crate::input::for_terminal(&report.summary()));
    let _ = out.flush();
    if report.is_valid() {
        Ok(())
    } else {
        Err(Failure::new(
            Exit::Invalid,
            anyhow::anyhow!(
                "{}: the package is not valid ({} problem{})",
                args.dir.display(),
                report.problem_count(),
                if report.problem_count() == 1 { "" } else { "s" }
            ),
        ))
    }
}
