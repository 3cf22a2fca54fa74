//! MECARD and BIZCARD: the contact payloads of the QR codes printed on badges and business
//! cards (`MECARD:N:Owen,Sean;TEL:+12125551212;EMAIL:srowen@example.com;;`), as a QR reader
//! app saves them, one payload a line, in a `.txt` file.
//!
//! MECARD (NTT DoCoMo) writes `N` as `Family,Given`; BIZCARD writes `N` (given) and `X`
//! (family), `T` title, `C` company, `A` address, `B`/`M`/`F` business, mobile and fax
//! numbers, `E` email. Values escape `\;`, `\:`, `\,` and `\\`. A property rolo does not
//! know is kept as a custom field under its name.

use super::{FileInfo, Item};
use crate::model::{Address, Field, Kind, Provenance, RawRecord};

/// The two payload kinds, by the prefix that starts one.
const PREFIXES: [&str; 2] = ["MECARD:", "BIZCARD:"];

fn payload_prefix(line: &str) -> Option<&'static str> {
    let head = line.trim_start_matches('\u{feff}').trim_start();
    PREFIXES.into_iter().find(|p| {
        head.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    })
}

/// Whether the text is made of MECARD or BIZCARD payloads: its first line that is not blank
/// starts one.
pub fn is_mecard(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| payload_prefix(l).is_some())
}

pub fn open(file: &str, text: &str, info: &mut FileInfo) -> Vec<Item> {
    info.format = "mecard";
    let file: std::sync::Arc<str> = file.into();
    // Each payload starts at a line that starts one; a line that does not is the rest of the
    // payload above it (a note broken over lines) until that payload has ended with `;;`, and
    // a record of its own after that (a reject, with its text).
    let mut payloads: Vec<String> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            continue;
        }
        let ended = payloads.last().is_none_or(|p| p.trim_end().ends_with(";;"));
        match payloads.last_mut() {
            Some(last) if payload_prefix(line).is_none() && !ended => {
                last.push('\n');
                last.push_str(line);
            }
            _ => payloads.push(line.trim_start_matches('\u{feff}').to_string()),
        }
    }
    payloads
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .enumerate()
        .map(|(i, payload)| {
            let prov = Provenance {
                file: file.clone(),
                sheet: None,
                record: i as u64 + 1,
            };
            let payload = payload.trim_end().to_string();
            match payload_prefix(&payload) {
                Some(prefix) => Ok(read(prov, &payload, prefix)),
                None => Err(super::reject(
                    prov,
                    "not a MECARD or BIZCARD payload".into(),
                    payload,
                )),
            }
        })
        .collect()
}

/// Splits at unescaped `sep`, unescaping each piece.
fn split_escaped(text: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(next) if next == sep => out.last_mut().unwrap().push(next),
                Some(next) => {
                    out.last_mut().unwrap().push('\\');
                    out.last_mut().unwrap().push(next);
                }
                None => out.last_mut().unwrap().push('\\'),
            }
        } else if c == sep {
            out.push(String::new());
        } else {
            out.last_mut().unwrap().push(c);
        }
    }
    out
}

/// A value with its escapes removed.
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

fn read(prov: Provenance, payload: &str, prefix: &str) -> RawRecord {
    let mut record = RawRecord::new(prov, payload.to_string());
    let body = &payload.trim_start()[prefix.len()..];
    let bizcard = prefix == "BIZCARD:";
    let (mut given, mut family) = (None, None);
    for property in split_escaped(body, ';') {
        if property.trim().is_empty() {
            continue;
        }
        let Some((name, value)) = property.split_once(':') else {
            record.push(
                Field::Custom(prefix.trim_end_matches(':').into()),
                &property,
            );
            continue;
        };
        let name = name.trim().to_ascii_uppercase();
        if value.trim().is_empty() {
            continue;
        }
        match (bizcard, name.as_str()) {
            (false, "N") => {
                let parts = split_escaped(value, ',');
                match parts.as_slice() {
                    [family_name, given_name] => {
                        family = Some(unescape(family_name));
                        given = Some(unescape(given_name));
                    }
                    _ => record.push(Field::FullName, &unescape(value)),
                }
            }
            (false, "SOUND") => {
                let parts = split_escaped(value, ',');
                if let [family_name, given_name] = parts.as_slice() {
                    record.push(Field::PhoneticFamily, &unescape(family_name));
                    record.push(Field::PhoneticGiven, &unescape(given_name));
                } else {
                    record.push(Field::PhoneticFamily, &unescape(value));
                }
            }
            (true, "N") => given = Some(unescape(value)),
            (true, "X") => family = Some(unescape(value)),
            (true, "T") | (false, "TITLE") => record.push(Field::Title, &unescape(value)),
            (true, "C") | (false, "ORG") => record.push(Field::Organization, &unescape(value)),
            (true, "B") => {
                record.push_kind(Field::Phone, &unescape(value), Kind::of_types(["work"]))
            }
            (true, "M") => {
                record.push_kind(Field::Phone, &unescape(value), Kind::of_types(["cell"]))
            }
            (true, "F") => record.push_kind(
                Field::Phone,
                &unescape(value),
                Kind::of_types(["work", "fax"]),
            ),
            (false, "TEL") => record.push(Field::Phone, &unescape(value)),
            (false, "TEL-AV") => {
                record.push_kind(Field::Phone, &unescape(value), Kind::of_types(["video"]))
            }
            (true, "E") | (false, "EMAIL") => record.push(Field::Email, &unescape(value)),
            (false, "URL") => record.push(Field::Url, &unescape(value)),
            (false, "NICKNAME") => record.push(Field::Nickname, &unescape(value)),
            (false, "NOTE" | "MEMO") => record.push(Field::Notes, &unescape(value)),
            (false, "BDAY") => record.push(Field::Birthday, &birthday(&unescape(value))),
            (true, "A") | (false, "ADR") => {
                record.push(Field::Address, &address(value));
            }
            _ => record.push(Field::Custom(name.clone()), &unescape(value)),
        }
    }
    if let Some(given) = given {
        record.push(Field::GivenName, &given);
    }
    if let Some(family) = family {
        record.push(Field::FamilyName, &family);
    }
    record
}

/// `19700310` as `1970-03-10`; anything else as written.
fn birthday(value: &str) -> String {
    let v = value.trim();
    if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}-{}", &v[..4], &v[4..6], &v[6..])
    } else {
        v.to_string()
    }
}

/// MECARD's address in its seven comma-separated parts (post office box, extended, street,
/// locality, region, postcode, country), or a text written as one line.
fn address(value: &str) -> String {
    let parts: Vec<String> = split_escaped(value, ',')
        .iter()
        .map(|p| unescape(p))
        .collect();
    if parts.len() == 7 {
        Address::encode_parts(parts.iter().map(String::as_str).chain([""]))
    } else {
        let text = unescape(value);
        Address::encode_parts(std::iter::repeat_n("", 7).chain([text.as_str()]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> Vec<Item> {
        open("qr.txt", text, &mut FileInfo::default())
    }

    #[test]
    fn mecard_and_bizcard() {
        let items = read_all(
            "MECARD:N:Owen,Sean;TEL:+12125551212;EMAIL:srowen@example.com;NOTE:QR\\; badge;BDAY:19700310;;\n\
             BIZCARD:N:Sean;X:Owen;T:Software Engineer;C:Example Inc.;B:+12125551212;E:srowen@example.com;;\n",
        );
        assert_eq!(items.len(), 2);
        let me = items[0].as_ref().unwrap();
        assert_eq!(me.first(&Field::FamilyName), Some("Owen"));
        assert_eq!(me.first(&Field::GivenName), Some("Sean"));
        assert_eq!(me.first(&Field::Phone), Some("+12125551212"));
        assert_eq!(me.first(&Field::Notes), Some("QR; badge"));
        assert_eq!(me.first(&Field::Birthday), Some("1970-03-10"));
        let biz = items[1].as_ref().unwrap();
        assert_eq!(biz.first(&Field::GivenName), Some("Sean"));
        assert_eq!(biz.first(&Field::Organization), Some("Example Inc."));
        assert_eq!(biz.first(&Field::Title), Some("Software Engineer"));
    }

    #[test]
    fn a_one_line_chinese_mecard_is_one_record() {
        let items = read_all("MECARD:N:李,雷;TEL:13800138000;;");
        assert_eq!(items.len(), 1);
        let li = items[0].as_ref().unwrap();
        assert_eq!(li.first(&Field::FamilyName), Some("李"));
        assert!(is_mecard("\u{feff}mecard:N:A;;"));
        let items = read_all("MECARD:N:A,B;NOTE:two\nlines;;\nScanned 12 codes\n");
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0].as_ref().unwrap().first(&Field::Notes),
            Some("two\nlines")
        );
        assert_eq!(items[1].as_ref().unwrap_err().raw, "Scanned 12 codes");
        assert!(!is_mecard("Name,Email\nMECARD:N:A;;"));
    }
}
