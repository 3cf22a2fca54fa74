use chrono::NaiveDate;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use super::{Details, EventTag, Interned, Provenance};

/// A lead rating given at the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Cold,
    Warm,
    Hot,
}

impl Rating {
    /// Worth staying in touch with over months.
    pub fn is_lead(self) -> bool {
        matches!(self, Rating::Hot | Rating::Warm)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Hot => "hot",
            Rating::Warm => "warm",
            Rating::Cold => "cold",
        }
    }
}

/// Whether a record was captured at the event or comes from a context file (`--merge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    #[default]
    Event,
    Context,
}

/// A person's name in parts, proper-cased where the source shouted or whispered. The parts are
/// [`Interned`]: thousands of records share a given name. The name shown is a string of its
/// own, as most are one person's (and interning a text seen once only costs).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Name {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<Interned>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given: Option<Interned>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middle: Option<Interned>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<Interned>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<Interned>,
    /// The name to show: from a full-name field where one was given, else built from the parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<CompactString>,
    /// The source wrote the name in one case only (ALL CAPS or all lower-case).
    pub recased: bool,
}

impl Name {
    pub fn is_empty(&self) -> bool {
        self.display.is_none() && self.given.is_none() && self.family.is_none()
    }
}

/// A value that could not be normalized, kept as it was with what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub field: CompactString,
    pub value: CompactString,
    pub problem: String,
}

/// A record with typed, normalized values. Every value that could not be normalized is in
/// `problems`, raw; nothing of the raw record is dropped. Lists are `ThinVec`s, the texts many
/// records share (name parts, employers, titles, countries) [`Interned`] and other short values
/// `CompactString`s: there are hundreds of thousands of records, most lists are empty and most
/// values short.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub prov: Option<Provenance>,
    pub origin: Origin,
    pub name: Name,
    pub emails: ThinVec<String>,
    /// E.164 numbers; the extensions the source gave are in `extensions`.
    pub phones: ThinVec<String>,
    pub urls: ThinVec<String>,
    /// The canonical LinkedIn profile (`https://linkedin.com/in/<slug>`), also in `urls`.
    pub linkedin: Option<Interned>,
    pub organization: Option<Interned>,
    /// The organization's match key: folded, without legal suffixes, punctuation or "The".
    pub org_key: Option<Interned>,
    pub title: Option<Interned>,
    pub notes: ThinVec<String>,
    pub rating: Option<Rating>,
    /// A rating was given (the first one counts), whether or not it could be read.
    pub rated: bool,
    pub country: Option<Interned>,
    /// The events the record itself names (an `Event` column; rolo's own exports also give the
    /// day met, as `Expo 2026 (2026-03-10)`).
    pub events: ThinVec<EventTag>,
    /// When the record was captured (badge scan time, LinkedIn connection date).
    pub captured_on: Option<NaiveDate>,
    pub tags: ThinVec<String>,
    /// Values of columns or properties that map to no field, with their label.
    pub custom: ThinVec<(CompactString, CompactString)>,
    pub problems: ThinVec<Problem>,
    /// Every phone, email and URL with its kind, addresses, and the other details of a card.
    pub details: Details,
    /// The values few records hold: none, and it is one pointer.
    pub rare: Option<Box<Rare>>,
    pub warnings: ThinVec<String>,
}

/// The values of a record that few records hold ([`Record::rare`]).
#[derive(Debug, Clone, Default)]
pub struct Rare {
    pub nickname: Option<CompactString>,
    /// Extensions of the numbers in `phones`: (E.164 number, extension).
    pub extensions: ThinVec<(String, String)>,
    pub department: Option<CompactString>,
    /// ISO date, or `--MM-DD` without a year.
    pub birthday: Option<CompactString>,
    /// The id of the contact this record was in rolo's own export it was read from.
    pub exported_as: Option<CompactString>,
}

static NO_RARE: Rare = Rare {
    nickname: None,
    extensions: ThinVec::new(),
    department: None,
    birthday: None,
    exported_as: None,
};

impl Record {
    /// The values few records hold; all empty when the record holds none.
    pub fn rare(&self) -> &Rare {
        self.rare.as_deref().unwrap_or(&NO_RARE)
    }

    /// The values few records hold, to set one.
    pub fn rare_mut(&mut self) -> &mut Rare {
        self.rare.get_or_insert_with(Default::default)
    }

    /// Takes the values few records hold out of the record.
    pub fn take_rare(&mut self) -> Rare {
        self.rare.take().map(|r| *r).unwrap_or_default()
    }

    /// Gives back the room its lists were grown with. A `ThinVec` takes room for four on its
    /// first push; with one email, one number and one note, that was a third of a record's
    /// memory, and there are hundreds of thousands of records.
    pub fn shrink_to_fit(&mut self) {
        for text in self
            .emails
            .iter_mut()
            .chain(&mut self.phones)
            .chain(&mut self.notes)
        {
            text.shrink_to_fit();
        }
        self.emails.shrink_to_fit();
        self.phones.shrink_to_fit();
        self.urls.shrink_to_fit();
        self.notes.shrink_to_fit();
        self.events.shrink_to_fit();
        self.tags.shrink_to_fit();
        self.custom.shrink_to_fit();
        self.problems.shrink_to_fit();
        self.warnings.shrink_to_fit();
        if let Some(rare) = &mut self.rare {
            rare.extensions.shrink_to_fit();
        }
        self.details.shrink_to_fit();
    }

    /// A record with nothing to reach or recognise a person by is rejected.
    pub fn is_identifiable(&self) -> bool {
        !self.name.is_empty()
            || self.rare().nickname.is_some()
            || !self.emails.is_empty()
            || !self.phones.is_empty()
            || !self.urls.is_empty()
            || self
                .problems
                .iter()
                .any(|p| matches!(p.field.as_str(), "email" | "phone" | "url"))
            || !self.details.phones.is_empty()
            || !self.details.ims.is_empty()
            // A postal address with its street: a person to write to, and to find again by it.
            || self.details.addresses.iter().any(|a| a.street.is_some())
            // An organization's own entry: a card that says it is one, or one found at its
            // address.
            || (self.organization.is_some()
                && (!self.details.addresses.is_empty()
                    || self.custom.iter().any(|(label, _)| label == "company card")))
    }

    pub fn prov(&self) -> &Provenance {
        self.prov
            .as_ref()
            .expect("a record read from a file has its provenance")
    }
}
