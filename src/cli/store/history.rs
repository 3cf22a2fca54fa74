//! `rolo history` and `rolo undo`: the batches of the store, and taking one back.

use std::fmt::Write as _;

use clap::Args;

use crate::error::ExitStatus;
use crate::printer::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct UndoArgs {
    /// The batch to take back (see `rolo history`) [default: the last].
    batch: Option<i64>,
}

/// Each batch on a line: its number, time and command, what an import brought, and whom a
/// decision was about.
pub(super) fn history(db: &Store, printer: Printer) -> anyhow::Result<ExitStatus> {
    let mut out = String::new();
    for b in db.history()? {
        let _ = write!(out, "{:>4}  {}  {:<7}", b.id, b.at, b.command);
        if b.command == "import" {
            let _ = write!(
                out,
                "  {} new, {} updated, {} unchanged, {} rejected",
                b.added, b.updated, b.unchanged, b.rejected
            );
            if let Some(e) = &b.event {
                let _ = write!(out, "  at {e}");
            }
            if !b.files.is_empty() {
                let _ = write!(out, "  {}", b.files.join(", "));
            }
        }
        if b.command == "forget" {
            out.push_str("  a person or an import erased");
        }
        if let Some(about) = &b.about {
            let _ = write!(out, "  {about}");
        }
        if let Some(when) = &b.undone {
            let _ = write!(out, "  (undone {when})");
        }
        out.push('\n');
    }
    printer.data(&out)?;
    Ok(ExitStatus::Success)
}

pub(super) fn undo(
    db: &mut Store,
    args: &UndoArgs,
    printer: Printer,
) -> anyhow::Result<ExitStatus> {
    let b = db.undo(args.batch)?;
    let what = if b.command == "import" {
        format!("{} new and {} updated records", b.added, b.updated)
    } else {
        b.about
            .clone()
            .unwrap_or_else(|| "the decision".to_string())
    };
    printer.message(format!("took back batch {} ({}): {what}", b.id, b.command));
    Ok(ExitStatus::Success)
}
