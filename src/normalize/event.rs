//! Event names, as a badge export's `Event` column writes one (`Expo 2026`) and as rolo's own
//! exports write the events a contact was met at, each with its day (`Expo 2026 (2026-03-10);
//! Summit (2026-05-02)`), so that reading an export back gives the events back.

use chrono::NaiveDate;

use crate::model::EventTag;

/// The events of one cell. The cell is a list only after an item that carries its day: a
/// badge's `Expo; Hall B` is one event, and so is `Expo; Hall B (2026-03-10)`.
pub fn parse_list(value: &str) -> Vec<EventTag> {
    let mut events = Vec::new();
    let mut rest = value.trim();
    while !rest.is_empty() {
        // The item ends after the first `(YYYY-MM-DD); ` that closes a dated item.
        let end = rest
            .match_indices("); ")
            .map(|(at, _)| at + 1)
            .find(|&at| dated(&rest[..at]).is_some());
        let (item, next) = match end {
            Some(at) => (&rest[..at], &rest[at + 2..]),
            None => (rest, ""),
        };
        if !item.trim().is_empty() {
            events.push(parse_one(item.trim()));
        }
        rest = next.trim();
    }
    events
}

fn parse_one(item: &str) -> EventTag {
    match dated(item) {
        Some((name, day)) => EventTag {
            name: squeeze(name),
            met_on: Some(day),
        },
        None => EventTag {
            name: squeeze(item),
            met_on: None,
        },
    }
}

/// `Expo 2026 (2026-03-10)` → (`Expo 2026`, the day).
fn dated(item: &str) -> Option<(&str, NaiveDate)> {
    let open = item.strip_suffix(')')?.rfind(" (")?;
    // A day as only rolo's exports write it (ISO), and one a calendar can hold: a day of
    // another millennium is no day met, and the text stays the event's name.
    let day = item[open + 2..item.len() - 1]
        .parse()
        .ok()
        .and_then(super::date::plausible)?;
    let name = item[..open].trim();
    (!name.is_empty()).then_some((name, day))
}

fn squeeze(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One event as rolo writes it: its name, and its day in parentheses where known.
pub fn render(e: &EventTag) -> String {
    match e.met_on {
        Some(day) => format!("{} ({day})", e.name),
        None => e.name.clone(),
    }
}

/// The events of a contact in one cell, as [`parse_list`] reads them.
pub fn render_list(events: &[EventTag]) -> String {
    events.iter().map(render).collect::<Vec<_>>().join("; ")
}

/// The sentence that says where a contact was met, as rolo writes it into notes of formats that
/// have no place for events (a vCard's `NOTE`, an Outlook contact's notes).
pub fn met_note(events: &[EventTag]) -> String {
    format!("Met at {}.", render_list(events))
}

/// The events of a note that ends with the sentence [`met_note`] writes, where at least one
/// event in it has its day (a person's own "Met at the booth." is no event).
pub fn from_met_note(note: &str) -> Option<Vec<EventTag>> {
    let last = note.rsplit("\n\n").next()?;
    let list = last.strip_prefix("Met at ")?.strip_suffix('.')?;
    let events = parse_list(list);
    events.iter().any(|e| e.met_on.is_some()).then_some(events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_needs_days_and_a_badge_value_stays_whole() {
        let list = parse_list("Expo 2026 (2026-03-10); Summit");
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].name, "Expo 2026");
        assert_eq!(list[0].met_on, "2026-03-10".parse().ok());
        assert_eq!(list[1].met_on, None);
        assert_eq!(render_list(&list), "Expo 2026 (2026-03-10); Summit");

        let one = parse_list("Expo;  Hall B");
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].name, "Expo; Hall B");
        let dated = parse_list("Expo; Hall B (2026-03-10)");
        assert_eq!(dated.len(), 1);
        assert_eq!(dated[0].name, "Expo; Hall B");
        // A parenthesis that is not a day is part of the name.
        assert_eq!(
            parse_list("Web Summit (Lisbon)")[0].name,
            "Web Summit (Lisbon)"
        );
        // A day no calendar holds is not a day met: the text stays whole, as the name.
        let far = parse_list("Expo (9999-12-31)");
        assert_eq!(
            (far[0].name.as_str(), far[0].met_on),
            ("Expo (9999-12-31)", None)
        );
    }
}
