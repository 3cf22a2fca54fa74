use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Where a record came from: the file as the user named it, the sheet for spreadsheets, and the
/// 1-based ordinal of the record within its file or sheet (header, preamble and blank lines
/// excluded; in a vCard file, the ordinal of the card).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Provenance {
    /// Shared by the records of one file.
    pub file: Arc<str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<Arc<str>>,
    pub record: u64,
}

impl Provenance {
    /// The record as a user names it on the command line: `FILE:RECORD` with the file's name,
    /// and the sheet of a workbook too (`FILE:SHEET:RECORD`).
    pub fn short(&self) -> String {
        let name = std::path::Path::new(&*self.file).file_name().map_or_else(
            || self.file.to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match &self.sheet {
            Some(sheet) => format!("{name}:{sheet}:{}", self.record),
            None => format!("{name}:{}", self.record),
        }
    }
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, ": sheet \"{sheet}\"")?;
        }
        write!(f, ": record {}", self.record)
    }
}
