//! rolo's own contacts read back: the table of contacts.csv and of its workbook's Contacts
//! sheet, and contacts.jsonl. Each column (or key) is the field it was written from, and the
//! details come back with their kinds, so that reading an export gives back the contacts it was
//! written from: export, read, export again is the same file.

use serde_json::Value;

use crate::model::{Address, DateEntry, Entry, Extra, Field, Im, Kind, PhoneEntry, RawRecord};

/// What a column of rolo's own table holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    /// Derived from other columns, or about the contact rather than its values (`id`,
    /// `sources`): not read.
    Skip,
    Field(Field),
    /// Several values separated by `sep`.
    List(Field, &'static str),
    /// Values that the entries columns hold again, read only from a table without them (a table
    /// written before they existed, or edited by hand).
    Derived(Field),
    Phones,
    Emails,
    Urls,
    Addresses,
    Ims,
    Related,
    Dates,
    Phonetic,
    Photo,
    Extra,
    Problems,
    Custom(String),
}

/// The columns of rolo's own contacts table, where `headers` is one: it begins `id, name,
/// given_name, family_name` and has the entries columns.
pub fn layout(headers: &[String]) -> Option<Vec<Column>> {
    let h: Vec<&str> = headers
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim())
        .collect();
    if h.len() < 5 || h[..4] != ["id", "name", "given_name", "family_name"] {
        return None;
    }
    if !h.contains(&"phone_entries") {
        return None;
    }
    Some(h.iter().map(|name| column(name)).collect())
}

pub(super) fn column(name: &str) -> Column {
    if let Some(label) = name.strip_prefix(crate::export::CUSTOM_PREFIX.trim_end()) {
        return Column::Custom(label.trim().to_string());
    }
    match name {
        "id" => Column::Field(Field::ContactId),
        "name" => Column::Field(Field::FullName),
        "given_name" => Column::Field(Field::GivenName),
        "family_name" => Column::Field(Field::FamilyName),
        "prefix" => Column::Field(Field::Prefix),
        "middle_name" => Column::Field(Field::MiddleName),
        "suffix" => Column::Field(Field::Suffix),
        "nickname" => Column::Field(Field::Nickname),
        "emails" => Column::Derived(Field::Email),
        "phones" | "phones_raw" => Column::Derived(Field::Phone),
        "urls" => Column::Derived(Field::Url),
        "organizations" => Column::List(Field::Organization, "; "),
        "titles" => Column::List(Field::Title, "; "),
        "departments" => Column::List(Field::Department, "; "),
        "birthday" => Column::Field(Field::Birthday),
        "notes" => Column::List(Field::Notes, "\n\n"),
        "rating" => Column::Field(Field::Rating),
        "events" => Column::Field(Field::Event),
        "tags" => Column::Field(Field::Tags),
        "country" => Column::Field(Field::Country),
        "role" => Column::Field(Field::Role),
        "gender" => Column::Field(Field::Gender),
        "time_zone" => Column::Field(Field::TimeZone),
        "geo" => Column::Field(Field::Geo),
        "uid" => Column::Field(Field::Uid),
        "phone_entries" => Column::Phones,
        "email_entries" => Column::Emails,
        "url_entries" => Column::Urls,
        "addresses" => Column::Addresses,
        "ims" => Column::Ims,
        "related" => Column::Related,
        "dates" => Column::Dates,
        "phonetic" => Column::Phonetic,
        "photo" => Column::Photo,
        "extra" => Column::Extra,
        "problems" => Column::Problems,
        // `organization`, `title`, `linkedin` repeat the lists; `custom` repeats the custom
        // columns; `sources` and `known_before` are about the contact.
        _ => Column::Skip,
    }
}

/// Fills `record` from a row of rolo's own table.
pub fn read_row(record: &mut RawRecord, columns: &[Column], cells: &[String]) {
    let has = |wanted: &Column| {
        columns
            .iter()
            .zip(cells)
            .any(|(c, cell)| c == wanted && !cell.trim().is_empty())
    };
    let entries = [
        has(&Column::Phones),
        has(&Column::Emails),
        has(&Column::Urls),
    ];
    let named = has(&Column::Field(Field::GivenName)) || has(&Column::Field(Field::FamilyName));
    for (column, cell) in columns.iter().zip(cells) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        match column {
            Column::Skip => {}
            // The display name where there are name parts: a contact without a name shows its
            // nickname, an address or its organization, which are read from their own columns.
            Column::Field(Field::FullName) if !named => {}
            Column::Field(field) => record.push(field.clone(), cell),
            Column::List(field, sep) => {
                // A JSON array where a value holds the separator (a note of two paragraphs).
                match serde_json::from_str::<Vec<String>>(cell) {
                    Ok(values) if cell.starts_with('[') => {
                        for value in values {
                            record.push(field.clone(), &value);
                        }
                    }
                    _ => {
                        for value in cell.split(sep) {
                            record.push(field.clone(), value);
                        }
                    }
                }
            }
            Column::Derived(field) => {
                let covered = match field {
                    Field::Phone => entries[0],
                    Field::Email => entries[1],
                    _ => entries[2],
                };
                if !covered {
                    for value in cell.split("; ") {
                        record.push(field.clone(), value);
                    }
                }
            }
            Column::Phones => {
                for p in json::<PhoneEntry>(cell) {
                    let kind = Kind::of_entry(&p.types, p.label.as_ref());
                    record.push_kind(Field::Phone, &p.value, kind);
                }
            }
            Column::Emails | Column::Urls => {
                let field = if *column == Column::Emails {
                    Field::Email
                } else {
                    Field::Url
                };
                for e in json::<Entry>(cell) {
                    let kind = Kind::of_entry(&e.types, e.label.as_ref());
                    record.push_kind(field.clone(), &e.value, kind);
                }
            }
            Column::Addresses => {
                for a in json::<Address>(cell) {
                    let kind = Kind {
                        types: a.types.clone(),
                        label: a.label.clone(),
                    };
                    record.push_kind(Field::Address, &a.encode(), kind);
                }
            }
            Column::Ims => {
                for im in json::<Im>(cell) {
                    let kind = Kind {
                        types: im.types,
                        label: im.label,
                    };
                    record.push_kind(Field::Im, &im.value, kind);
                }
            }
            Column::Related => {
                #[derive(serde::Deserialize)]
                struct R {
                    name: String,
                    relation: Option<String>,
                    value: Option<String>,
                }
                for r in json::<R>(cell) {
                    let kind = Kind {
                        types: Vec::new(),
                        label: r.relation,
                    };
                    record.push_kind(Field::Related, &r.value.unwrap_or(r.name), kind);
                }
            }
            Column::Dates => {
                for d in json::<DateEntry>(cell) {
                    let types = match d.kind.as_str() {
                        "other" | "" => Vec::new(),
                        kind => vec![kind.to_string()],
                    };
                    let kind = Kind {
                        types,
                        label: d.label,
                    };
                    record.push_kind(Field::Date, &d.value, kind);
                }
            }
            Column::Phonetic => {
                if let Ok(p) = serde_json::from_str::<crate::model::Phonetic>(cell) {
                    for (field, value) in [
                        (Field::PhoneticGiven, p.given),
                        (Field::PhoneticMiddle, p.middle),
                        (Field::PhoneticFamily, p.family),
                        (Field::PhoneticOrganization, p.organization),
                    ] {
                        if let Some(v) = value {
                            record.push(field, &v);
                        }
                    }
                }
            }
            Column::Photo => {
                #[derive(serde::Deserialize)]
                struct P {
                    mime: Option<String>,
                    url: Option<String>,
                    data: Option<String>,
                }
                if let Ok(p) = serde_json::from_str::<P>(cell) {
                    match (p.data, p.url) {
                        (Some(data), _) => {
                            let mime = p.mime.unwrap_or_else(|| "application/octet-stream".into());
                            record.push(Field::Photo, &format!("data:{mime};base64,{data}"));
                        }
                        (None, Some(url)) => record.push(Field::Photo, &url),
                        (None, None) => {}
                    }
                }
            }
            Column::Extra => {
                for e in json::<Extra>(cell) {
                    record.push(Field::Extra, &e.line());
                }
            }
            Column::Problems => {
                // Values kept raw that no other column holds: a birthday that is no date.
                for (field, value) in problems(cell) {
                    let field = match field.as_str() {
                        "birthday" => Field::Birthday,
                        "rating" => Field::Rating,
                        "timestamp" => Field::Timestamp,
                        "phone" if !entries[0] => Field::Phone,
                        "email" if !entries[1] => Field::Email,
                        "url" if !entries[2] => Field::Url,
                        _ => continue,
                    };
                    record.push(field, &value);
                }
            }
            Column::Custom(label) => {
                for value in cell.split("; ") {
                    record.push(Field::Custom(label.clone()), value);
                }
            }
        }
    }
}

/// The entries of a JSON array cell; a cell that is no such array gives none.
fn json<T: serde::de::DeserializeOwned>(cell: &str) -> Vec<T> {
    serde_json::from_str::<Vec<T>>(cell).unwrap_or_default()
}

/// The (field, value) pairs of a `problems` cell: `field "value": problem`, separated by ` | `.
fn problems(cell: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = cell;
    while let Some((field, after)) = rest.split_once(" \"") {
        let field = field.trim_start_matches(" | ").trim().to_string();
        let mut value = String::new();
        let mut chars = after.char_indices();
        let mut end = after.len();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, 'n')) => value.push('\n'),
                    Some((_, 'r')) => value.push('\r'),
                    Some((_, 't')) => value.push('\t'),
                    Some((_, '0')) => value.push('\0'),
                    Some((_, 'u')) => {
                        let hex: String = chars
                            .by_ref()
                            .map(|(_, c)| c)
                            .skip_while(|c| *c == '{')
                            .take_while(|c| *c != '}')
                            .collect();
                        value.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                    }
                    Some((_, other)) => value.push(other),
                    None => {}
                },
                '"' => {
                    end = i + 1;
                    break;
                }
                c => value.push(c),
            }
        }
        out.push((field, value));
        // Past the problem's text, to the next ` | `.
        rest = &after[end..];
        match rest.find(" | ") {
            Some(at) => rest = &rest[at + 3..],
            None => break,
        }
    }
    out
}

/// A line of contacts.jsonl as the cells of rolo's own table, to be read by [`read_row`].
pub fn jsonl_cells(object: &serde_json::Map<String, Value>) -> (Vec<String>, Vec<String>) {
    let mut headers = Vec::new();
    let mut cells = Vec::new();
    // In the order of rolo's table, whatever order the object keeps its keys in.
    let place = |key: &str| {
        crate::export::CONTACT_COLUMNS
            .iter()
            .position(|c| *c == key)
            .unwrap_or(usize::MAX)
    };
    let mut keys: Vec<(&String, &Value)> = object.iter().collect();
    keys.sort_by_key(|(k, _)| place(k));
    for (key, value) in keys {
        let cell = match (key.as_str(), value) {
            (_, Value::Null) => continue,
            ("custom", Value::Array(list)) => {
                for item in list {
                    if let (Some(field), Some(v)) = (item["field"].as_str(), item["value"].as_str())
                    {
                        headers.push(format!("{}{field}", crate::export::CUSTOM_PREFIX));
                        cells.push(v.to_string());
                    }
                }
                continue;
            }
            ("problems", Value::Array(list)) => list
                .iter()
                .map(|p| {
                    format!(
                        "{} {:?}: {}",
                        p["field"].as_str().unwrap_or_default(),
                        p["value"].as_str().unwrap_or_default(),
                        p["problem"].as_str().unwrap_or_default()
                    )
                })
                .collect::<Vec<_>>()
                .join(" | "),
            ("events", Value::Array(list)) => list
                .iter()
                .map(|e| {
                    let name = e["name"].as_str().unwrap_or_default();
                    match e["met_on"].as_str() {
                        Some(day) => format!("{name} ({day})"),
                        None => name.to_string(),
                    }
                })
                .collect::<Vec<_>>()
                .join("; "),
            // Lists read back value by value, whatever the values hold.
            (_, Value::Array(list)) if list.iter().all(Value::is_string) => match column(key) {
                Column::List(..) => Value::Array(list.clone()).to_string(),
                _ => strings(list).join("; "),
            },
            (_, Value::String(s)) => s.clone(),
            (_, other) => other.to_string(),
        };
        headers.push(key.clone());
        cells.push(cell);
    }
    (headers, cells)
}

fn strings(list: &[Value]) -> Vec<&str> {
    list.iter().filter_map(Value::as_str).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_come_back_with_their_values() {
        let cell = "birthday \"circa 1800\": not a date | phone \"0171 \\\"9\\\" | x\": not a valid phone number";
        assert_eq!(
            problems(cell),
            [
                ("birthday".to_string(), "circa 1800".to_string()),
                ("phone".to_string(), "0171 \"9\" | x".to_string())
            ]
        );
    }
}
