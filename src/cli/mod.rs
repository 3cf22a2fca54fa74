//! The command line: parses flags and calls the library.

mod args;
mod config;
mod doctor;
mod lookup;
mod run;
mod store;

use std::ffi::OsString;

use clap::{Parser, Subcommand};

use crate::error::{BadOption, ExitStatus};
use crate::printer::Printer;

/// Turn the contacts you bring home from events into one clean contact base and a follow-up
/// worklist.
#[derive(Debug, Parser)]
#[command(name = "rolo", version, about, max_term_width = 100)]
pub struct Cli {
    /// Print no summary, only errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Also print how the work was done: candidate pairs per matching rule, keys too common to
    /// score, time per stage.
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(flatten)]
    store: store::StoreArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read, clean, merge and tag contact files, and write contacts, worklist and rejects.
    Run(Box<run::RunArgs>),
    /// What rolo finds in files, without reading them in: format, encoding, delimiter, header
    /// row and sheets, and for each column the field it maps to, why, and its first values;
    /// the records that would be rejected and the values kept as written.
    Doctor(doctor::DoctorArgs),
    #[command(flatten)]
    Store(store::StoreCommand),
}

/// Runs rolo with these arguments and says how it ended.
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitStatus {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitStatus::Usage
            } else {
                ExitStatus::Success
            };
        }
    };
    let printer = Printer {
        quiet: cli.quiet,
        verbose: cli.verbose && !cli.quiet,
    };
    let result = match cli.command {
        Command::Run(args) => run::run(*args, printer),
        Command::Doctor(args) => doctor::doctor(args, printer),
        Command::Store(command) => store::run(command, &cli.store, printer),
    };
    match result {
        Ok(status) => status,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitStatus::Success;
            }
            let hint = err.downcast_ref::<BadOption>().map(|b| b.hint.as_str());
            printer.error(format!("{err:#}"), hint);
            ExitStatus::Failure
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
