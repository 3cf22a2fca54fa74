//! `rolo forget`: erase a person or an import for good.

use anyhow::bail;
use clap::Args;

use super::named;
use crate::error::ExitStatus;
use crate::printer::Printer;
use crate::store;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// A contact: its id (or the start of one), an email, a phone, a LinkedIn URL or a name.
    #[arg(required_unless_present = "batch", conflicts_with = "batch")]
    contact: Option<String>,
    /// The import to erase (see `rolo history`).
    #[arg(long, value_name = "N")]
    batch: Option<i64>,
    /// Do not ask: erase (needed when standard input is not a terminal).
    #[arg(long)]
    yes: bool,
}

pub(super) fn forget(
    db: &mut Store,
    args: &ForgetArgs,
    printer: Printer,
) -> anyhow::Result<ExitStatus> {
    use std::io::{BufRead, IsTerminal};
    let (what, said) = match (&args.contact, args.batch) {
        (_, Some(batch)) => (store::Forget::Import(batch), format!("import {batch}")),
        (Some(query), None) => {
            let named = named(db, query)?;
            let contact = &named.contact;
            // What identifies them in the text of a reject.
            let mut values: Vec<String> = contact.emails.to_vec();
            values.extend(contact.phone_entries().iter().map(|p| p.value.to_string()));
            values.extend(contact.phones.iter().cloned());
            values.extend(contact.urls.iter().cloned());
            values.extend(contact.linkedin.clone());
            let said = format!(
                "{} ({} record(s))",
                contact.display_name(),
                contact.members.len()
            );
            let records = named.records.clone();
            (store::Forget::Person { records, values }, said)
        }
        (None, None) => bail!("name a contact, or an import with --batch N"),
    };
    if !args.yes {
        if !std::io::stdin().is_terminal() {
            bail!("forgetting {said} cannot be taken back: add --yes to erase it");
        }
        printer.data(&format!(
            "erase {said} from {}? it cannot be taken back [y/N]: ",
            db.path()
        ))?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
            printer.message("nothing erased");
            return Ok(ExitStatus::Success);
        }
    }
    let gone = db.forget(&what)?;
    printer.message(format!(
        "forgot {said}: {} record(s), {} reject(s) and {} decision(s) erased",
        gone.records, gone.rejects, gone.decisions
    ));
    Ok(ExitStatus::Success)
}
