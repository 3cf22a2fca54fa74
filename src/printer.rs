//! What prints where: data on stdout, messages and progress on stderr. Everything printed to
//! either passes through [`shown`], so that a value from a file cannot drive the terminal.

use std::borrow::Cow;
use std::fmt::Write as _;
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
            let _ = writeln!(io::stderr().lock(), "{}", shown(line.as_ref()));
        }
    }

    /// Writes an error and its hint to stderr, always.
    pub fn error(&self, error: impl std::fmt::Display, hint: Option<&str>) {
        let mut err = io::stderr().lock();
        let _ = writeln!(err, "error: {}", shown(&error.to_string()));
        if let Some(hint) = hint {
            let _ = writeln!(err, "  hint: {}", shown(hint));
        }
    }

    /// Writes data to stdout. A closed pipe is an error the caller turns into success.
    pub fn data(&self, text: &str) -> io::Result<()> {
        self.styled(&shown(text))
    }

    /// Writes text whose values have each been passed through [`shown`] and which holds
    /// rolo's own colours (the worklist table) to stdout.
    pub fn styled(&self, text: &str) -> io::Result<()> {
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

/// Text as it may be shown on a terminal: a control character (C0 but line feed and tab, DEL,
/// C1) or a bidirectional override is written escaped (`\x1b`, `\u{202e}`), so that a value in
/// a file cannot clear the screen, set the window title, write the clipboard (OSC 52), hide a
/// link (OSC 8) or reorder what is read.
pub fn shown(text: &str) -> Cow<'_, str> {
    fn hostile(ch: char) -> bool {
        (ch.is_control() && ch != '\n' && ch != '\t')
            || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    if !text.contains(hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        if !hostile(ch) {
            out.push(ch);
        } else if u32::from(ch) < 0x80 {
            let _ = write!(out, "\\x{:02x}", u32::from(ch));
        } else {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(ch));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        let hostile = "Eve\u{1b}]0;PWNED\u{7}\u{1b}[2J \u{9b}31m \u{202e}evE";
        assert_eq!(
            shown(hostile),
            "Eve\\x1b]0;PWNED\\x07\\x1b[2J \\u{9b}31m \\u{202e}evE"
        );
        assert_eq!(shown("Zoë\tline\nnext"), "Zoë\tline\nnext");
    }
}
