//! rolo turns the contacts brought home from events into one clean contact base and a
//! follow-up worklist.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`read`]: CSV, vCard and spreadsheet files into labelled raw records with provenance.
//! 2. [`normalize`]: names, emails, phones, organizations, URLs and dates to typed values.
//! 3. [`resolve`]: which records are one person, and the merged view of each contact.
//! 4. [`tag`]: which contacts were met at which event, and when.
//! 5. [`store`]: the contact base in SQLite, with every import and decision.
//! 6. [`worklist`]: who to follow up with, when, how, and why first.
//! 7. [`export`]: the output files.
//!
//! [`pipeline`] runs them in order; [`cli`] parses the command line and calls it.

pub mod cli;
pub mod error;
pub mod export;
pub mod memory;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod printer;
pub mod progress;
pub mod read;
pub mod resolve;
pub mod settings;
pub mod store;
pub mod tag;
pub mod worklist;
