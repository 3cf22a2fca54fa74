//! `rolo merge` and `rolo split`: who is one person, remembered by every later import.

use anyhow::bail;
use clap::Args;

use super::{derive, find, matches_record};
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
    let derived = derive(db, None)?;
    let a = find(db, &derived, &args.a)?;
    let b = find(db, &derived, &args.b)?;
    if a == b {
        bail!("{} and {} are already one contact", args.a, args.b);
    }
    let names = (
        derived.resolved.contacts[a].display_name(),
        derived.resolved.contacts[b].display_name(),
    );
    db.decide(&Decision {
        records: derived.record_ids(a),
        kind: DecisionKind::Merge {
            other: derived.record_ids(b),
        },
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
    let derived = derive(db, None)?;
    let c = find(db, &derived, &args.contact)?;
    let contact = &derived.resolved.contacts[c];
    let members = &contact.members;
    let mut out = Vec::new();
    for wanted in &args.records {
        // A contact's sources are its records' provenance, in the order of its members.
        let Some((&m, _)) = members
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
        out.push(derived.ids[m]);
    }
    let rest: Vec<i64> = members
        .iter()
        .map(|&m| derived.ids[m])
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
