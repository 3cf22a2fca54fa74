//! `rolo show`: one contact, its records, why they are one person, and its follow-ups.

use std::fmt::Write as _;

use anyhow::Context;

use super::{named, remembered_plan};
use crate::error::ExitStatus;
use crate::printer::Printer;
use crate::settings;
use crate::store::Store;

pub(super) fn show(db: &Store, query: &str, printer: Printer) -> anyhow::Result<ExitStatus> {
    let plan = remembered_plan(db, settings::today(None)?)?;
    let named = named(db, query)?;
    let c = &named.contact;
    let mut out = String::new();
    let _ = writeln!(out, "{}  ({})", c.display_name(), c.id);
    let list = |label: &str, values: &[String], out: &mut String| {
        if !values.is_empty() {
            let _ = writeln!(out, "  {label:<14}{}", values.join(", "));
        }
    };
    list("organizations", &c.organizations, &mut out);
    list("titles", &c.titles, &mut out);
    list("emails", &c.emails, &mut out);
    list("phones", &c.phones, &mut out);
    list("urls", &c.urls, &mut out);
    if let Some(b) = &c.birthday {
        let _ = writeln!(out, "  {:<14}{b}", "birthday");
    }
    if let Some(r) = c.rating {
        let _ = writeln!(out, "  {:<14}{}", "rating", r.as_str());
    }
    list("notes", &c.notes, &mut out);
    let events: Vec<String> = c
        .events
        .iter()
        .map(crate::normalize::event::render)
        .collect();
    list("met at", &events, &mut out);
    if c.known_before {
        let _ = writeln!(out, "  known before the event");
    }
    let _ = writeln!(out, "records:");
    for prov in &c.sources {
        let _ = writeln!(out, "  {prov}");
    }
    // The evidence that holds the contact together: each record against the first.
    let why = why(db, &named.records)?;
    if !why.is_empty() {
        let _ = writeln!(out, "why these are one person:");
        for line in why.lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    let f = &c.followup;
    if !f.done.is_empty() || f.snoozed_until.is_some() || f.skipped {
        let _ = writeln!(out, "follow-ups:");
        for (step, day, note) in &f.done {
            let _ = write!(out, "  {day}  {step} done");
            if let Some(n) = note {
                let _ = write!(out, ": {n}");
            }
            out.push('\n');
        }
        if let Some(until) = f.snoozed_until {
            let _ = writeln!(out, "  snoozed until {until}");
        }
        if f.skipped {
            let _ = writeln!(out, "  skipped: no more follow-ups");
        }
    }
    if let Some(row) = crate::worklist::build(std::slice::from_ref(c), &plan).first() {
        let _ = writeln!(out, "next: {} on {}: {}", row.step, row.due, row.action);
    }
    printer.data(&out).context("writing to stdout")?;
    Ok(ExitStatus::Success)
}

/// Why a contact's records (`records`, their store ids) are one person, as the resolve that
/// made the contact weighed it: the records read again and normalized, in the order they were
/// resolved in, and weighed with what that resolve learned. Empty for a contact of one record.
fn why(db: &Store, records: &[i64]) -> anyhow::Result<String> {
    if records.len() < 2 {
        return Ok(String::new());
    }
    let Some(learned) = db.learned()? else {
        return Ok(String::new());
    };
    let stored = db.records_among(records)?;
    let (records, _) = crate::pipeline::normalized(stored, &super::default_options(db)?);
    Ok(crate::resolve::why(&learned, &records))
}
