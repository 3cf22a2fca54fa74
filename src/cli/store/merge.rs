//! `rolo merge` and `rolo split`: who is one person, remembered by every later import.

use anyhow::bail;
use clap::Args;

use super::{matches_record, named};
use crate::error::ExitStatus;
use crate::printer::Printer;
use crate::store::{Decision, DecisionKind, Store};

#[derive(Debug, Args)]
pub struct MergeArgs {
    a: String,
    b: String,
}

#[derive(Debug, Args)]
pub struct SplitArgs {
    /// The contact to split.
    contact: String,
    /// The records that are someone else, as FILE:RECORD (the file's name is enough).
    #[arg(required = true, value_name = "RECORD")]
    records: Vec<String>,
}

pub(super) fn merge(
    db: &mut Store,
    args: &MergeArgs,
    printer: Printer,
) -> anyhow::Result<ExitStatus> {
    let a = named(db, &args.a)?;
    let b = named(db, &args.b)?;
    if a.ordinal == b.ordinal {
        bail!("{} and {} are already one contact", args.a, args.b);
    }
    let names = (a.contact.display_name(), b.contact.display_name());
    db.decide(&Decision {
        records: a.records,
        kind: DecisionKind::Merge { other: b.records },
        about: Some(format!("{} and {}: one person", names.0, names.1)),
    })?;
    printer.message(format!("merged {} and {}", names.0, names.1));
    Ok(ExitStatus::Success)
}

pub(super) fn split(
    db: &mut Store,
    args: &SplitArgs,
    printer: Printer,
) -> anyhow::Result<ExitStatus> {
    let named = named(db, &args.contact)?;
    let contact = &named.contact;
    let mut out = Vec::new();
    for wanted in &args.records {
        // A contact's sources are its records' provenance, in the order of its records.
        let Some((&id, _)) = named
            .records
            .iter()
            .zip(&contact.sources)
            .find(|(_, prov)| matches_record(prov, wanted))
        else {
            bail!(
                "{wanted}: not a record of {} (its records: {})",
                contact.display_name(),
                contact
                    .sources
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        };
        out.push(id);
    }
    let rest: Vec<i64> = named
        .records
        .iter()
        .copied()
        .filter(|id| !out.contains(id))
        .collect();
    if rest.is_empty() {
        bail!("a split must leave at least one record in the contact");
    }
    db.decide(&Decision {
        records: out,
        kind: DecisionKind::Apart { other: rest },
        about: Some(format!(
            "{} off {}",
            args.records.join(", "),
            contact.display_name()
        )),
    })?;
    printer.message(format!(
        "split {} record(s) off {}",
        args.records.len(),
        contact.display_name()
    ));
    Ok(ExitStatus::Success)
}
