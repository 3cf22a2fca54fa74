use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use super::{Details, Entry, Name, PhoneEntry, Problem, Provenance, Rating};

/// An event a contact was met at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EventTag {
    pub name: String,
    pub met_on: Option<NaiveDate>,
}

/// What the user did about following a contact up (with the store).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUp {
    /// The steps done, by name, with the day and the note.
    pub done: Vec<(String, NaiveDate, Option<String>)>,
    /// No step before this day.
    pub snoozed_until: Option<NaiveDate>,
    /// No more follow-ups.
    pub skipped: bool,
}

impl FollowUp {
    /// The last step done: its name, day and note.
    pub fn last_touch(&self) -> Option<&(String, NaiveDate, Option<String>)> {
        self.done.iter().max_by_key(|(_, day, _)| *day)
    }

    /// The last step done in words: `2026-10-20 thank-you: sent the deck`; empty before any.
    pub fn last_touch_text(&self) -> String {
        match self.last_touch() {
            None => String::new(),
            Some((step, day, Some(note))) if !note.trim().is_empty() => {
                format!("{day} {step}: {note}")
            }
            Some((step, day, _)) => format!("{day} {step}"),
        }
    }
}

/// One person: the records that are theirs and the merged view of them. It is serialized only
/// for the store's copy of the contacts it derived; the follow-ups are not part of it (they are
/// the user's decisions, applied whenever the contacts are read).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub id: String,
    /// Indexes of the member records in the run's record list.
    pub members: Vec<usize>,
    pub name: Name,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub emails: ThinVec<String>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub phones: ThinVec<String>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub extensions: ThinVec<(String, String)>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub urls: ThinVec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linkedin: Option<String>,
    /// Every organization seen, the preferred one first.
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub organizations: ThinVec<String>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub titles: ThinVec<String>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub departments: ThinVec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birthday: Option<String>,
    /// The country the records name (a badge's country column, a card's address).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub notes: ThinVec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub tags: ThinVec<String>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub custom: ThinVec<(String, String)>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub problems: ThinVec<Problem>,
    /// Every phone, email and URL with its kind, addresses, and the other details of the cards.
    pub details: Details,
    /// The id the contact had in rolo's own export it was read from, where it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exported_as: Option<String>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub events: ThinVec<EventTag>,
    #[serde(skip_serializing_if = "ThinVec::is_empty")]
    pub sources: ThinVec<Provenance>,
    /// At least one record came from a context file (address book, phone, LinkedIn): the person
    /// was known before the event.
    pub known_before: bool,
    /// The organization of the context records, where it differs from the event's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_organization: Option<String>,
    #[serde(skip)]
    pub followup: FollowUp,
}

impl Contact {
    /// Gives back the room its lists were grown with, a value pushed at a time while its records
    /// were merged (see [`crate::model::Record::shrink_to_fit`]).
    pub fn shrink_to_fit(&mut self) {
        self.emails.shrink_to_fit();
        self.phones.shrink_to_fit();
        self.extensions.shrink_to_fit();
        self.urls.shrink_to_fit();
        self.organizations.shrink_to_fit();
        self.titles.shrink_to_fit();
        self.departments.shrink_to_fit();
        self.notes.shrink_to_fit();
        self.tags.shrink_to_fit();
        self.custom.shrink_to_fit();
        self.problems.shrink_to_fit();
        self.events.shrink_to_fit();
        self.sources.shrink_to_fit();
        self.details.shrink_to_fit();
    }

    pub fn display_name(&self) -> String {
        if let Some(display) = &self.name.display {
            return display.to_string();
        }
        let parts: Vec<&str> = [&self.name.given, &self.name.family]
            .into_iter()
            .flatten()
            .map(|s| s.as_str())
            .collect();
        if !parts.is_empty() {
            return parts.join(" ");
        }
        self.nickname
            .as_ref()
            .or(self.emails.first())
            .or(self.organizations.first())
            .or(self.phones.first())
            .or(self.urls.first())
            .cloned()
            .unwrap_or_default()
    }

    pub fn organization(&self) -> Option<&str> {
        self.organizations.first().map(String::as_str)
    }

    pub fn title(&self) -> Option<&str> {
        self.titles.first().map(String::as_str)
    }

    /// The names of the events met at, then the tags that are not one: an address book's
    /// groups or labels.
    pub fn labels(&self) -> Vec<&str> {
        self.events
            .iter()
            .map(|e| e.name.as_str())
            .chain(
                self.tags
                    .iter()
                    .map(String::as_str)
                    .filter(|t| !self.events.iter().any(|e| e.name == *t)),
            )
            .collect()
    }
}

impl Contact {
    /// Every number with its kind: the details' entries, then any number the contact holds
    /// without one (a contact built by hand, a number kept raw), so that an export misses none.
    pub fn phone_entries(&self) -> Cow<'_, [PhoneEntry]> {
        let known = &self.details.phones;
        let missing = |e164: &str| !known.iter().any(|e| e.e164.as_deref() == Some(e164));
        let raw = self.problems.iter().filter(|p| p.field == "phone");
        let complete = self.phones.iter().all(|p| !missing(p))
            && raw
                .clone()
                .all(|p| known.iter().any(|e| e.value == p.value.as_str()));
        if complete {
            return Cow::Borrowed(known);
        }
        let mut list: Vec<PhoneEntry> = known.to_vec();
        for phone in &self.phones {
            if missing(phone) {
                let extension = self
                    .extensions
                    .iter()
                    .find(|(n, _)| n == phone)
                    .map(|(_, e)| e.into());
                list.push(PhoneEntry {
                    value: phone.into(),
                    e164: Some(phone.into()),
                    types: ThinVec::new(),
                    label: None,
                    extension,
                });
            }
        }
        for p in raw {
            if !list.iter().any(|e| e.value == p.value.as_str()) {
                list.push(PhoneEntry {
                    value: p.value.as_str().into(),
                    e164: None,
                    types: ThinVec::new(),
                    label: None,
                    extension: None,
                });
            }
        }
        Cow::Owned(list)
    }

    /// Every email address with its kind, those kept raw included (see [`Contact::phone_entries`]).
    pub fn email_entries(&self) -> Cow<'_, [Entry]> {
        entries(&self.details.emails, &self.emails, &self.problems, "email")
    }

    /// Every URL with its kind, those kept raw included (see [`Contact::phone_entries`]).
    pub fn url_entries(&self) -> Cow<'_, [Entry]> {
        entries(&self.details.urls, &self.urls, &self.problems, "url")
    }
}

fn entries<'a>(
    details: &'a [Entry],
    values: &[String],
    problems: &[Problem],
    field: &str,
) -> Cow<'a, [Entry]> {
    let raw = problems
        .iter()
        .filter(|p| p.field == field)
        .map(|p| p.value.as_str());
    let missing = |value: &str| !details.iter().any(|e| e.value.eq_ignore_ascii_case(value));
    if !values
        .iter()
        .map(String::as_str)
        .chain(raw.clone())
        .any(missing)
    {
        return Cow::Borrowed(details);
    }
    let mut list = details.to_vec();
    for value in values.iter().map(String::as_str).chain(raw) {
        if !list.iter().any(|e| e.value.eq_ignore_ascii_case(value)) {
            list.push(Entry {
                value: value.into(),
                types: ThinVec::new(),
                label: None,
            });
        }
    }
    Cow::Owned(list)
}
