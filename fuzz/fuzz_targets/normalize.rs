//! Every normalizer on arbitrary values: the bytes are split at 0xFF into values, each labelled
//! by its first byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolo::model::{Field, Provenance, RawRecord};

const FIELDS: [&str; 21] = [
    "name", "prefix", "given_name", "middle_name", "family_name", "suffix", "nickname", "email",
    "phone", "organization", "department", "title", "url", "linkedin", "birthday", "notes",
    "country", "rating", "timestamp", "tags", "event",
];

fuzz_target!(|data: &[u8]| {
    let prov = Provenance {
        file: "fuzz".into(),
        sheet: None,
        record: 1,
    };
    let mut raw = RawRecord::new(prov, String::new());
    for chunk in data.split(|&b| b == 0xFF) {
        let Some((&kind, value)) = chunk.split_first() else {
            continue;
        };
        let field = Field::from_key(FIELDS[usize::from(kind) % FIELDS.len()]);
        raw.push(field, &String::from_utf8_lossy(value));
    }
    let _ = rolo::normalize::normalize(raw, &rolo::normalize::Options::default());
});
