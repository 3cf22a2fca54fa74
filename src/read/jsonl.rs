//! contacts.jsonl, as rolo writes it: one contact a line, read back through the columns of
//! rolo's own table ([`super::own`]).

use super::{FileInfo, Item};
use crate::model::{Provenance, RawRecord};

/// Whether the text is rolo's contacts.jsonl: its first line an object with an `id` and the
/// `sources` of the contact.
pub fn is_contacts_jsonl(text: &str) -> bool {
    let Some(first) = text
        .trim_start_matches('\u{feff}')
        .lines()
        .find(|l| !l.trim().is_empty())
    else {
        return false;
    };
    serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(first)
        .is_ok_and(|o| o.contains_key("id") && o.contains_key("sources"))
}

pub fn open(file: &str, text: String, info: &mut FileInfo) -> impl Iterator<Item = Item> + use<> {
    info.format = "rolo contacts (JSON Lines)";
    let file: std::sync::Arc<str> = file.into();
    let lines: Vec<String> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect();
    lines.into_iter().enumerate().map(move |(i, line)| {
        let prov = Provenance {
            file: file.clone(),
            sheet: None,
            record: i as u64 + 1,
        };
        match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&line) {
            Ok(object) => {
                let (headers, cells) = super::own::jsonl_cells(&object);
                let columns: Vec<_> = headers.iter().map(|h| super::own::column(h)).collect();
                let mut record = RawRecord::new(prov, line);
                super::own::read_row(&mut record, &columns, &cells);
                Ok(record)
            }
            Err(err) => Err(super::reject(
                prov,
                format!("not a JSON object: {err}"),
                line,
            )),
        }
    })
}
