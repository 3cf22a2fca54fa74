//! `rolo done`, `snooze` and `skip`: what was done about a contact's follow-up.

use anyhow::bail;
use clap::Args;

use super::{ContactArg, decide_on, named, remembered_plan};
use crate::error::ExitStatus;
use crate::printer::Printer;
use crate::settings;
use crate::store::{DecisionKind, Store};

#[derive(Debug, Args)]
pub struct DoneArgs {
    /// A contact: its id (or the start of one), an email, a phone, a LinkedIn URL or a name.
    contact: String,
    /// What was said or agreed.
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// The day it was done [default: today].
    #[arg(long, value_name = "DATE")]
    on: Option<String>,
}

#[derive(Debug, Args)]
pub struct SnoozeArgs {
    /// A contact: its id (or the start of one), an email, a phone, a LinkedIn URL or a name.
    contact: String,
    /// The first day a step may be due again.
    #[arg(long, value_name = "DATE")]
    until: String,
}

/// Marks the contact's open step done on a day and says which step comes next, and when.
pub(super) fn done(
    db: &mut Store,
    args: &DoneArgs,
    printer: Printer,
) -> anyhow::Result<ExitStatus> {
    let day = match &args.on {
        Some(d) => settings::date("--on", d)?,
        None => settings::today(None)?,
    };
    let plan = remembered_plan(db, day)?;
    let named = named(db, &args.contact)?;
    let contact = &named.contact;
    let Some(row) = crate::worklist::build(std::slice::from_ref(contact), &plan)
        .into_iter()
        .find(|r| r.step != "birthday")
    else {
        bail!(
            "{}: no open step (not met at an event, skipped, or every step done)",
            contact.display_name()
        );
    };
    let step = row.step.to_string();
    db.decide(&crate::store::Decision {
        records: named.records.clone(),
        kind: DecisionKind::Done {
            step: step.clone(),
            day,
            note: args.note.clone(),
        },
        about: Some(format!("{}: {step} on {day}", contact.display_name())),
    })?;
    // The next step counts from today's touch.
    let mut after = contact.clone();
    after
        .followup
        .done
        .push((step.clone(), day, args.note.clone()));
    let next = crate::worklist::build(std::slice::from_ref(&after), &plan)
        .into_iter()
        .find(|r| r.step != "birthday")
        .map_or_else(
            || "no more steps".to_string(),
            |r| format!("next: {} on {}", r.step, r.due),
        );
    printer.message(format!(
        "{}: {step} done on {day}; {next}",
        contact.display_name()
    ));
    Ok(ExitStatus::Success)
}

pub(super) fn snooze(
    db: &mut Store,
    args: &SnoozeArgs,
    printer: Printer,
) -> anyhow::Result<ExitStatus> {
    let until = settings::date("--until", &args.until)?;
    decide_on(
        db,
        &args.contact,
        DecisionKind::Snooze { until },
        printer,
        |name| format!("{name}: nothing due before {until}"),
    )
}

pub(super) fn skip(
    db: &mut Store,
    args: &ContactArg,
    printer: Printer,
) -> anyhow::Result<ExitStatus> {
    decide_on(db, &args.contact, DecisionKind::Skip, printer, |name| {
        format!("{name}: no more follow-ups")
    })
}
