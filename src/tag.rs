//! Stage 4, **tag**: which contacts were met at which event, and when.
//!
//! A record from an event file is met at the event its own `Event` column names, else at
//! `--event`; a record from a context file (`--merge`) only if its own timestamp (LinkedIn's
//! "Connected On") falls inside the `--met-on` window. The day met is the record's timestamp
//! where it falls inside the window, else the window's first day. Without `--event` nothing is
//! tagged.

use chrono::NaiveDate;

use crate::model::{Contact, EventTag, Origin, Record};

/// The event the run is about.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Event {
    pub name: Option<String>,
    /// The first and last day, inclusive.
    pub window: Option<(NaiveDate, NaiveDate)>,
}

impl Event {
    fn contains(&self, day: NaiveDate) -> bool {
        self.window
            .is_some_and(|(start, end)| start <= day && day <= end)
    }

    /// The day met, and whether the record's own timestamp says so (rather than the window).
    fn met_on(&self, captured: Option<NaiveDate>) -> (Option<NaiveDate>, bool) {
        match (captured, self.window) {
            (Some(day), _) if self.contains(day) => (Some(day), true),
            (_, Some((start, _))) => (Some(start), false),
            (day, None) => (day, day.is_some()),
        }
    }
}

/// Tags the contacts and marks those known before the event. Returns how many were tagged.
///
/// An event that a record names with its day (rolo's own export read back) is where the person
/// was met, with or without `--event`: it is history, not a guess.
pub fn tag(contacts: &mut [Contact], records: &[Record], event: &Event) -> usize {
    tag_each(contacts, records, |_| event, std::slice::from_ref(event))
}

/// Tags as [`tag`] does, each record with the event it was imported with (the store's records
/// come from imports of different events). A context record imported without an event (an
/// address book, a LinkedIn export imported before or after the show) is met at whichever of
/// the `known` events its own timestamp falls in, so the order of the imports does not matter.
pub fn tag_each<'e>(
    contacts: &mut [Contact],
    records: &[Record],
    event_of: impl Fn(usize) -> &'e Event,
    known: &[Event],
) -> usize {
    let mut tagged = 0;
    for c in contacts.iter_mut() {
        // Per event: the day met, and whether a record's own timestamp gave it.
        let mut tags: Vec<(EventTag, bool)> = Vec::new();
        let mut known_before = false;
        for &m in &c.members {
            let r = &records[m];
            let event = event_of(m);
            for own in r.events.iter().filter(|e| e.met_on.is_some()) {
                if event
                    .window
                    .is_some_and(|(start, _)| own.met_on < Some(start))
                    && event.name.as_ref() != Some(&own.name)
                {
                    known_before = true;
                }
                add(&mut tags, own.name.clone(), own.met_on, true);
            }
            let Some(run_event) = &event.name else {
                // An address book imported on its own (the store): everyone in it was known,
                // but a connection made during one of the events was met there.
                if r.origin == Origin::Context && r.events.is_empty() {
                    let during = r.captured_on.and_then(|day| {
                        known
                            .iter()
                            .find(|e| e.name.is_some() && e.contains(day))
                            .map(|e| (e, day))
                    });
                    match during {
                        Some((e, day)) => {
                            let name = e.name.clone().unwrap_or_default();
                            add(&mut tags, name, Some(day), true);
                        }
                        None => known_before = true,
                    }
                }
                continue;
            };
            let (names, (met_on, stamped)) = match r.origin {
                Origin::Event if r.events.iter().any(|e| e.met_on.is_some()) => continue,
                Origin::Event => (
                    if r.events.is_empty() {
                        vec![run_event.clone()]
                    } else {
                        r.events.iter().map(|e| e.name.clone()).collect()
                    },
                    event.met_on(r.captured_on),
                ),
                Origin::Context => match r.captured_on {
                    Some(day) if event.contains(day) => {
                        (vec![run_event.clone()], (Some(day), true))
                    }
                    // Connected after the event: met since, not known before.
                    Some(day) if event.window.is_some_and(|(_, end)| day > end) => continue,
                    _ => {
                        if r.events.is_empty() {
                            known_before = true;
                        }
                        continue;
                    }
                },
            };
            for name in names {
                add(&mut tags, name, met_on, stamped);
            }
        }
        if !tags.is_empty() {
            tagged += 1;
        }
        c.events = tags.into_iter().map(|(t, _)| t).collect();
        c.known_before = known_before && !c.events.is_empty();
    }
    tagged
}

/// One tag per event, on the first day a timestamp shows; the window's first day only where no
/// record has a timestamp.
fn add(tags: &mut Vec<(EventTag, bool)>, name: String, met_on: Option<NaiveDate>, stamped: bool) {
    match tags.iter_mut().find(|(t, _)| t.name == name) {
        Some((t, t_stamped)) => {
            let better = match (stamped, *t_stamped) {
                (true, false) => true,
                (false, true) => false,
                _ => met_on.is_some() && (t.met_on.is_none() || met_on < t.met_on),
            };
            if better {
                t.met_on = met_on;
                *t_stamped = stamped;
            }
        }
        None => tags.push((EventTag { name, met_on }, stamped)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Provenance;

    fn record(origin: Origin, captured: Option<&str>) -> Record {
        Record {
            prov: Some(Provenance {
                file: "f.csv".into(),
                sheet: None,
                record: 1,
            }),
            origin,
            captured_on: captured.map(|d| d.parse().unwrap()),
            ..Record::default()
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn scans_inside_the_window_keep_their_day_and_context_needs_a_timestamp() {
        let records = vec![
            record(Origin::Event, Some("2026-03-11")),
            record(Origin::Event, Some("2026-02-01")),
            record(Origin::Context, Some("2026-03-10")),
            record(Origin::Context, Some("2025-01-05")),
        ];
        let mut contacts: Vec<Contact> = (0..4)
            .map(|m| Contact {
                members: vec![m],
                ..Contact::default()
            })
            .collect();
        let event = Event {
            name: Some("Expo".into()),
            window: Some((day("2026-03-10"), day("2026-03-12"))),
        };
        assert_eq!(tag(&mut contacts, &records, &event), 3);
        assert_eq!(contacts[0].events[0].met_on, Some(day("2026-03-11")));
        assert_eq!(contacts[1].events[0].met_on, Some(day("2026-03-10")));
        assert_eq!(contacts[2].events[0].met_on, Some(day("2026-03-10")));
        assert!(contacts[3].events.is_empty());
    }
}
