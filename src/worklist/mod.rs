//! Stage 6, **worklist**: who to contact, when, how, and why first.
//!
//! Every contact tagged with an event follows a cadence of steps counted in days from the day
//! met. The worklist holds each contact's next open step; a step whose day has passed is due
//! today and overdue. Rows are sorted by due day, then priority, highest first.

mod cadence;
mod priority;

use chrono::{Duration, NaiveDate};

pub use cadence::{Cadence, Step};
pub use priority::{Priority, priority};

use crate::model::Contact;

/// One follow-up step for one contact.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub due: NaiveDate,
    pub overdue: bool,
    pub priority: u8,
    pub contact_id: String,
    pub name: String,
    pub organization: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub linkedin: String,
    pub event: String,
    pub met_on: Option<NaiveDate>,
    pub step: String,
    pub action: String,
    pub notes: String,
    /// Why this priority, in words.
    pub reasons: String,
}

/// The worklist for `today`: each tagged contact's next open step.
pub fn build(contacts: &[Contact], cadence: &Cadence, today: NaiveDate) -> Vec<Row> {
    let mut rows: Vec<Row> = contacts
        .iter()
        .filter_map(|c| next_step(c, cadence, today))
        .collect();
    rows.sort_by(|a, b| {
        a.due
            .cmp(&b.due)
            .then(b.priority.cmp(&a.priority))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.contact_id.cmp(&b.contact_id))
    });
    rows
}

fn next_step(c: &Contact, cadence: &Cadence, today: NaiveDate) -> Option<Row> {
    // A company's card (a switchboard number, no person) has nobody to write to.
    if c.name.is_empty() && c.emails.is_empty() && c.linkedin.is_none() {
        return None;
    }
    // The most recent event is the one to follow up on.
    let event = c.events.iter().max_by_key(|e| e.met_on)?;
    let step = cadence.steps.iter().find(|s| s.applies_to(c.rating))?;
    let base = event.met_on.unwrap_or(today);
    let day = base + Duration::days(step.offset_days);
    let (due, overdue) = if day < today {
        (today, true)
    } else {
        (day, false)
    };
    let p = priority(c);
    Some(Row {
        due,
        overdue,
        priority: p.score,
        contact_id: c.id.clone(),
        name: c.display_name(),
        organization: c.organization().unwrap_or_default().to_string(),
        title: c.title().unwrap_or_default().to_string(),
        email: c.emails.first().cloned().unwrap_or_default(),
        phone: c.phones.first().cloned().unwrap_or_default(),
        linkedin: c.linkedin.clone().unwrap_or_default(),
        event: event.name.clone(),
        met_on: event.met_on,
        step: step.name.clone(),
        action: cadence::action(step, c, &event.name),
        notes: c.notes.join(" | "),
        reasons: p.reasons.join("; "),
    })
}
