//! Stage 7, **export**: the output files of `DESIGN.md`. Every file is written to a temporary
//! file beside its destination and renamed into place, so a reader never sees half a file.

mod csv;
mod jsonl;

use std::io::{self, BufWriter, Write};
use std::path::Path;

pub use csv::{write_contacts_csv, write_rejects, write_review, write_worklist_csv};
pub use jsonl::{write_contacts_jsonl, write_worklist_jsonl};

use crate::model::Contact;
use crate::resolve::ReviewPair;
use crate::worklist::Row;

/// A failure to write an output file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{path}: cannot write: {source}")]
    Io { path: String, source: io::Error },
    #[error("{path}: unsupported {what} format `.{ext}` (use {supported})")]
    Format {
        path: String,
        what: &'static str,
        ext: String,
        supported: &'static str,
    },
}

/// Which file format a path asks for, by its extension.
fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Checks that a contacts path names a format rolo writes, before any work is done.
pub fn check_contacts_path(path: &Path) -> Result<(), ExportError> {
    check(path, "contacts", &["jsonl", "csv"], ".jsonl or .csv")
}

/// Checks that a worklist path names a format rolo writes.
pub fn check_worklist_path(path: &Path) -> Result<(), ExportError> {
    check(path, "worklist", &["csv", "jsonl"], ".csv or .jsonl")
}

fn check(
    path: &Path,
    what: &'static str,
    known: &[&str],
    supported: &'static str,
) -> Result<(), ExportError> {
    let ext = extension(path);
    if known.contains(&ext.as_str()) {
        Ok(())
    } else {
        Err(ExportError::Format {
            path: path.display().to_string(),
            what,
            ext,
            supported,
        })
    }
}

/// Writes the contacts in the format the extension names.
pub fn write_contacts(path: &Path, contacts: &[Contact]) -> Result<(), ExportError> {
    check_contacts_path(path)?;
    match extension(path).as_str() {
        "csv" => atomic(path, |w| write_contacts_csv(w, contacts)),
        _ => atomic(path, |w| write_contacts_jsonl(w, contacts)),
    }
}

/// Writes the worklist in the format the extension names.
pub fn write_worklist(path: &Path, rows: &[Row]) -> Result<(), ExportError> {
    check_worklist_path(path)?;
    match extension(path).as_str() {
        "jsonl" => atomic(path, |w| write_worklist_jsonl(w, rows)),
        _ => atomic(path, |w| write_worklist_csv(w, rows)),
    }
}

/// Writes the review pairs.
pub fn write_review_file(
    path: &Path,
    pairs: &[ReviewPair],
    contacts: &[Contact],
) -> Result<(), ExportError> {
    atomic(path, |w| write_review(w, pairs, contacts))
}

/// Writes `path` through `write`: into a temporary file in the same directory, then renamed.
pub fn atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ExportError> {
    let err = |source| ExportError::Io {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs_err::create_dir_all(dir).map_err(err)?;
    let tmp = tempfile::Builder::new()
        .prefix(".rolo-")
        .tempfile_in(dir)
        .map_err(err)?;
    {
        let mut out = BufWriter::new(tmp.as_file());
        write(&mut out).map_err(err)?;
        out.flush().map_err(err)?;
    }
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first, or a tab or carriage
/// return) is made inert with a leading apostrophe, as OWASP recommends. A negative number
/// (`-1.70`, a score) is a number to a spreadsheet, not a formula, and is left as it is.
pub fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    let negative_number = cell.strip_prefix('-').is_some_and(|n| {
        !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && n.parse::<f64>().is_ok()
    });
    if !negative_number && cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}
