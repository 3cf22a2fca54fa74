//! The values that flow through the pipeline: raw records as read, normalized records, contacts.

mod contact;
mod field;
mod provenance;
mod raw;
mod record;

pub use contact::{Contact, EventTag, FollowUp};
pub use field::Field;
pub use provenance::Provenance;
pub use raw::{RawRecord, Reject};
pub use record::{Name, Origin, Problem, Rating, Record};
