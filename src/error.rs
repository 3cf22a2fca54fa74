//! How a run ends, decided in one place.

use std::process::ExitCode;

/// The outcome of a command, mapped to the process exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Everything was done; rejected records are reported, not a failure.
    Success,
    /// The run could not complete: a file could not be read, an option was bad.
    Failure,
    /// The command line was wrong.
    Usage,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        match status {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::Failure => ExitCode::from(1),
            ExitStatus::Usage => ExitCode::from(2),
        }
    }
}

/// A bad option value, with what to do about it.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct BadOption {
    pub message: String,
    pub hint: String,
}
