//! `rolo export`: the contacts of the store in any format rolo writes.

use std::path::PathBuf;

use clap::Args;

use super::derive;
use crate::error::ExitStatus;
use crate::export::{self, ContactsFormat};
use crate::printer::Printer;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Where to write; the format comes from the extension unless --format names one.
    path: PathBuf,
    /// jsonl, csv, google-csv, outlook-csv, hubspot-csv, vcf (3.0), vcf4 or xlsx.
    #[arg(long, value_name = "NAME", value_parser = crate::cli::run::contacts_format)]
    format: Option<ContactsFormat>,
}

pub(super) fn export(
    db: &Store,
    args: &ExportArgs,
    printer: Printer,
) -> anyhow::Result<ExitStatus> {
    let derived = derive(db, None)?;
    let format = match args.format {
        Some(f) => f,
        None => ContactsFormat::from_path(&args.path)?,
    };
    export::write_contacts(
        &args.path,
        format,
        &derived.resolved.contacts,
        crate::worklist::NO_ROWS,
    )?;
    printer.message(format!(
        "wrote {} contacts to {}",
        derived.resolved.contacts.len(),
        args.path.display()
    ));
    Ok(ExitStatus::Success)
}
