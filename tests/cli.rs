//! End-to-end tests: the real `rolo` binary run on fixtures that imitate real exports, the
//! bundled demo, and the shared corpus of real files.

#[path = "cli/util.rs"]
mod util;

#[path = "cli/capture.rs"]
mod capture;
#[path = "cli/corpus.rs"]
mod corpus;
#[path = "cli/csv.rs"]
mod csv_files;
#[path = "cli/demo.rs"]
mod demo;
#[path = "cli/errors.rs"]
mod errors;
#[path = "cli/export.rs"]
mod export;
#[path = "cli/fidelity.rs"]
mod fidelity;
#[path = "cli/hostile.rs"]
mod hostile;
#[path = "cli/mapping.rs"]
mod mapping;
#[path = "cli/outputs.rs"]
mod outputs;
#[path = "cli/resolve.rs"]
mod resolve;
#[path = "cli/roundtrip.rs"]
mod roundtrip;
#[path = "cli/sheets.rs"]
mod sheets;
#[path = "cli/store.rs"]
mod store;
#[path = "cli/vcard.rs"]
mod vcard;
#[path = "cli/worklist.rs"]
mod worklist;
