//! `gwr`: turn government work reports (政府工作报告) into validated, citable tables.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod batch;
mod extract_cmd;
mod input;
mod show_cmd;
mod source_path;
mod swap;
mod validate_cmd;

/// Exit codes, one per kind of failure, so scripts can tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Something else went wrong.
    Other = 1,
    /// The command line is wrong (clap's own code).
    Usage = 2,
    /// An input file is missing or unreadable.
    InputMissing = 3,
    /// An input file is not usable text: empty, binary, too large, undecodable, an HTML page with no text.
    InputNotText = 4,
    /// A metadata file is malformed or lacks a required field.
    BadMeta = 5,
    /// The output folder cannot be written.
    OutputUnwritable = 6,
    /// A validated package is not valid.
    Invalid = 7,
}

/// An error with the exit code it maps to.
#[derive(Debug)]
pub struct Failure {
    /// Which kind.
    pub exit: Exit,
    /// The one-line message, naming the file and the problem.
    pub error: anyhow::Error,
}

impl Failure {
    /// Wraps an error as a failure of kind `exit`.
    pub fn new(exit: Exit, error: impl Into<anyhow::Error>) -> Self {
        Failure {
            exit,
            error: error.into(),
        }
    }
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure::new(Exit::Other, e)
    }
}

#[derive(Parser)]
#[command(name = "gwr", version, about = "Turn Chinese government work reports (政府工作报告) into validated, citable tables.", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the tables of one report, or of a folder of reports, into a folder.
    ///
    /// Writes reports, sections, paragraphs, facts, targets, quality_issues and the indicator
    /// glossary as CSV and Parquet, their JSON Schemas, the source texts and a datapackage.json
    /// into OUT. Nothing is written unless everything succeeded.
    ///
    /// Given a folder, every report in it is extracted in parallel into one package, with a
    /// progress bar when stderr is a terminal: gwr extract reports/ --out all/
    ///
    /// Example: gwr extract report.txt --meta report.toml --out out/
    Extract(extract_cmd::ExtractArgs),
    /// Validate a data package: profile, schemas, keys, hashes, provenance, targets.
    ///
    /// Example: gwr validate dist/gwr-reports-0.1.0
    Validate(validate_cmd::ValidateArgs),
    /// Print a table of a package in the terminal.
    ///
    /// Example: gwr show facts --status target
    Show(show_cmd::ShowArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract_cmd::run(&args),
        Command::Validate(args) => validate_cmd::run(&args),
        Command::Show(args) => show_cmd::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            let msg = input::for_terminal(&format!("{:#}", f.error).replace('\n', " "));
            eprintln!("gwr: error: {msg}");
            ExitCode::from(f.exit as u8)
        }
    }
}

pub use input::read_input;
