//! The values that flow through the pipeline: raw records as read, normalized records, contacts.

mod contact;
mod detail;
mod field;
mod interned;
mod provenance;
mod raw;
mod record;

pub use contact::{Contact, EventTag, FollowUp};
pub use detail::{
    Address, DateEntry, Details, Entry, Extra, Im, Kind, More, PhoneEntry, Phonetic, Photo,
    Related, merge_kind,
};
pub use field::Field;
pub use interned::Interned;
pub use provenance::Provenance;
pub use raw::{RawField, RawRecord, Reject};
pub use record::{Name, Origin, Problem, Rare, Rating, Record};
