//! What prints where: data on stdout, messages and progress on stderr.

use std::io::{self, Write};

use crate::progress::{Reporter, Silent, Spinner};

/// Decides what is printed.
#[derive(Debug, Clone, Copy)]
pub struct Printer {
    pub quiet: bool,
    /// Also print how the work was done (`-v`).
    pub verbose: bool,
}

impl Printer {
    /// Writes a message line to stderr, unless quiet.
    pub fn message(&self, line: impl AsRef<str>) {
        if !self.quiet {
            let _ = writeln!(io::stderr().lock(), "{}", line.as_ref());
        }
    }

    /// Writes an error and its hint to stderr, always.
    pub fn error(&self, error: impl std::fmt::Display, hint: Option<&str>) {
        let mut err = io::stderr().lock();
        let _ = writeln!(err, "error: {error}");
        if let Some(hint) = hint {
            let _ = writeln!(err, "  hint: {hint}");
        }
    }

    /// Writes data to stdout. A closed pipe is an error the caller turns into success.
    pub fn data(&self, text: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()
    }

    /// A progress reporter: drawn only on a terminal, unless quiet or `ROLO_NO_PROGRESS` is set.
    pub fn reporter(&self) -> Box<dyn Reporter> {
        use std::io::IsTerminal;
        let show = !self.quiet
            && std::env::var_os("ROLO_NO_PROGRESS").is_none()
            && io::stderr().is_terminal();
        if show {
            Box::new(Spinner::new(true))
        } else {
            Box::new(Silent)
        }
    }
}
