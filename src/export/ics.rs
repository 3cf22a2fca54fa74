//! The worklist as an iCalendar file (RFC 5545): one `VTODO` per step, due on its day, the action
//! as its summary and the drafted message in its description, so that a calendar or task app
//! imports the follow-ups as tasks.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::html::mailto_address;
use super::vcard::{line, text};
use crate::worklist::{Closed, Row};

pub fn write(w: &mut dyn Write, rows: &[Row], today: NaiveDate) -> io::Result<()> {
    let mut out = String::new();
    line(&mut out, "BEGIN", "VCALENDAR");
    line(&mut out, "VERSION", "2.0");
    line(&mut out, "PRODID", "-//rolo//worklist//EN");
    line(&mut out, "CALSCALE", "GREGORIAN");
    line(&mut out, "X-WR-CALNAME", "Follow-ups");
    // The worklist's own day stamps every task, so that the same worklist gives the same file.
    let stamp = format!("{}T000000Z", date(today));
    for r in rows {
        line(&mut out, "BEGIN", "VTODO");
        // The same step of the same contact keeps its UID from one worklist to the next, so that
        // importing a newer worklist updates the task instead of adding a copy.
        let uid = if r.step == "birthday" {
            format!("{}-birthday-{}@rolo", r.contact_id, r.due.format("%Y"))
        } else {
            format!("{}-{}@rolo", r.contact_id, r.step)
        };
        line(&mut out, "UID", &text(&uid));
        line(&mut out, "DTSTAMP", &stamp);
        line(&mut out, "DUE;VALUE=DATE", &date(r.due));
        line(&mut out, "SUMMARY", &text(&r.action));
        line(&mut out, "DESCRIPTION", &text(&description(r)));
        // iCalendar's 1 is the highest priority and 9 the lowest.
        let priority = 9 - (u32::from(r.priority.min(100)) * 8 / 100);
        line(&mut out, "PRIORITY", &priority.to_string());
        line(&mut out, "SEQUENCE", &r.sequence.to_string());
        match r.closed {
            None => line(&mut out, "STATUS", "NEEDS-ACTION"),
            Some(Closed::Done(day)) => {
                line(&mut out, "STATUS", "COMPLETED");
                line(&mut out, "COMPLETED", &format!("{}T120000Z", date(day)));
                line(&mut out, "PERCENT-COMPLETE", "100");
            }
            Some(Closed::Cancelled) => line(&mut out, "STATUS", "CANCELLED"),
        }
        if !r.event.is_empty() {
            line(&mut out, "CATEGORIES", &text(&r.event));
        }
        if !r.email.is_empty() {
            line(
                &mut out,
                "URL",
                &format!("mailto:{}", mailto_address(&r.email)),
            );
        }
        line(&mut out, "END", "VTODO");
    }
    line(&mut out, "END", "VCALENDAR");
    w.write_all(out.as_bytes())
}

/// An iCalendar DATE: four digits of year (RFC 5545 3.3.4), so a day past 9999 (a cadence
/// counted from a day met at the end of time) is the last day iCalendar can say.
fn date(day: NaiveDate) -> String {
    let last = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX);
    let first = NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(NaiveDate::MIN);
    day.clamp(first, last).format("%Y%m%d").to_string()
}

fn description(r: &Row) -> String {
    let mut parts = vec![format!(
        "{}{}{}",
        r.name,
        if r.organization.is_empty() { "" } else { ", " },
        r.organization
    )];
    if !r.notes.is_empty() {
        parts.push(format!("Notes: {}", r.notes));
    }
    if !r.last_touch.is_empty() {
        parts.push(format!("Last touch: {}", r.last_touch));
    }
    parts.push(format!("Priority {}: {}", r.priority, r.reasons));
    if !r.draft_body.is_empty() {
        parts.push(format!("Draft ({}):\n{}", r.draft_subject, r.draft_body));
    }
    parts.join("\n\n")
}
