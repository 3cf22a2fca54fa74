//! CSV and other delimited text exports: Google, Outlook, LinkedIn, Thunderbird, badge scans.
//!
//! The delimiter is sniffed (`,` `;` tab `|`), preamble lines above the header are skipped
//! (LinkedIn's `Notes:` block), the header is mapped by synonyms, and a file without a header has
//! its columns recognised by their contents.

use std::io::Cursor;

use super::headers::{header_score, identifies_person, map_headers};
use super::own::Column;
use super::{FileInfo, Item};
use crate::model::{Field, Kind, Provenance, RawField, RawRecord};

/// How many rows from the top may be preamble before the header.
const HEADER_SEARCH_ROWS: usize = 30;

pub struct CsvSource {
    reader: csv::Reader<Cursor<Vec<u8>>>,
    /// The records too large to read, each in place of the marker line that stands for it.
    oversized: Vec<Oversized>,
    /// Rejects found above the header, given first.
    pending: Vec<super::super::model::Reject>,
    fields: Vec<Field>,
    types: Vec<Option<usize>>,
    own: Option<Vec<Column>>,
    roles: super::columns::Roles,
    delimiter: u8,
    file: std::sync::Arc<str>,
    ordinal: u64,
    row: csv::ByteRecord,
}

/// Opens decoded text as a delimited file and says what was found in `info`.
pub fn open(file: &str, text: String, info: &mut FileInfo) -> CsvSource {
    let delimiter = sniff_delimiter(&text);
    info.notes
        .push(format!("delimiter {}", delimiter_name(delimiter)));
    let (text, mut oversized) = set_aside_oversized(text, delimiter);
    let layout = find_header(&text, delimiter);
    let fields = match &layout {
        Layout::Header { row, fields, .. } => {
            if *row > 0 {
                info.notes
                    .push(format!("{row} preamble line(s) above the header skipped"));
            }
            let unknown: Vec<&str> = fields
                .iter()
                .filter_map(|f| {
                    if let Field::Custom(label) = f {
                        Some(label.as_str())
                    } else {
                        None
                    }
                })
                .filter(|l| !l.is_empty())
                .collect();
            if !unknown.is_empty() {
                info.notes
                    .push(format!("{} column(s) kept as custom fields", unknown.len()));
            }
            fields.clone()
        }
        Layout::Headerless { fields } => {
            info.notes
                .push("no header row: columns recognised by their contents".into());
            fields.clone()
        }
    };
    let mut reader = builder(delimiter).from_reader(Cursor::new(text.into_bytes()));
    let (types, own, roles) = match &layout {
        Layout::Header {
            types, own, roles, ..
        } => (types.clone(), own.clone(), roles.clone()),
        Layout::Headerless { .. } => (Vec::new(), None, Default::default()),
    };
    if own.is_some() {
        info.notes.push("rolo's own contacts table".into());
    }
    // An oversized record above the header (or taken for it) is still a record: a reject.
    let mut pending = Vec::new();
    let mut ordinal = 0;
    if let Layout::Header { row, .. } = layout {
        let mut skip = csv::ByteRecord::new();
        for _ in 0..=row {
            if !reader.read_byte_record(&mut skip).unwrap_or(false) {
                break;
            }
            if let Some(o) = marked(&skip).and_then(|k| oversized.get_mut(k)) {
                ordinal += 1;
                let prov = Provenance {
                    file: file.into(),
                    sheet: None,
                    record: ordinal,
                };
                pending.push(super::reject(
                    prov,
                    std::mem::take(&mut o.reason),
                    std::mem::take(&mut o.raw),
                ));
            }
        }
    }
    let fields = match &layout {
        Layout::Header { fields, .. } => fields.clone(),
        Layout::Headerless { .. } => fields,
    };
    CsvSource {
        reader,
        oversized,
        pending,
        fields,
        types,
        own,
        roles,
        delimiter,
        file: file.into(),
        ordinal,
        row: csv::ByteRecord::new(),
    }
}

/// The number of the oversized record a marker line stands for.
fn marked(row: &csv::ByteRecord) -> Option<usize> {
    if row.len() != 1 {
        return None;
    }
    std::str::from_utf8(&row[0])
        .ok()?
        .strip_prefix(OVERSIZED)?
        .parse()
        .ok()
}

impl Iterator for CsvSource {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if !self.pending.is_empty() {
            return Some(Err(self.pending.remove(0)));
        }
        loop {
            let start = self.reader.position().byte() as usize;
            match self.reader.read_byte_record(&mut self.row) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(err) => {
                    // The csv crate only fails on I/O or UTF-8 here, neither of which can happen
                    // on decoded in-memory text; say so rather than lose the rest of the file.
                    self.ordinal += 1;
                    let prov = Provenance {
                        file: self.file.clone(),
                        sheet: None,
                        record: self.ordinal,
                    };
                    return Some(Err(super::reject(
                        prov,
                        format!("unreadable CSV record: {err}"),
                        String::new(),
                    )));
                }
            }
            if self
                .row
                .iter()
                .all(|cell| cell.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            self.ordinal += 1;
            let end = self.reader.position().byte() as usize;
            let bytes = self.reader.get_ref().get_ref();
            let text = &bytes[start.min(end)..end];
            let prov = Provenance {
                file: self.file.clone(),
                sheet: None,
                record: self.ordinal,
            };
            // A record set aside as too large is rejected with what was kept of it.
            if let Some(o) = marked(&self.row).and_then(|k| self.oversized.get_mut(k)) {
                let (reason, raw) = (std::mem::take(&mut o.reason), std::mem::take(&mut o.raw));
                return Some(Err(super::reject(prov, reason, raw)));
            }
            let raw = String::from_utf8_lossy(text)
                .trim_end_matches(['\r', '\n'])
                .to_string();
            // A row written with another delimiter than the rest of the file (Thunderbird
            // mixes tabs and commas) arrives as one cell: it is split with that delimiter.
            if self.row.len() == 1
                && self.fields.len() > 1
                && let Some(row) = resplit(&raw, self.delimiter)
                // Not a lone "Doe, Jane": at least three cells, or as many as the header has.
                && row.len() >= self.fields.len().min(3)
            {
                self.row = row;
            }
            let mut record = RawRecord::new(prov, raw);
            if let Some(columns) = &self.own {
                let cells: Vec<String> = self
                    .row
                    .iter()
                    .map(|c| String::from_utf8_lossy(c).into_owned())
                    .collect();
                super::own::read_row(&mut record, columns, &cells);
                return Some(Ok(record));
            }
            let cells: Vec<String> = self
                .row
                .iter()
                .map(|c| unquote(&String::from_utf8_lossy(c)))
                .collect();
            let row = |j: usize| cells.get(j).cloned().unwrap_or_default();
            let mut parts = Vec::new();
            for (i, cell) in cells.iter().enumerate() {
                if cell.is_empty() || self.is_used_label(i) || self.roles.is_label(i) {
                    continue;
                }
                let field = match self.fields.get(i) {
                    // Google's `Custom Field 1 - Value` is what its label column names
                    // (`Event`, `Organization`), where that is a field rolo knows.
                    Some(Field::Custom(label)) => self
                        .labelled(i)
                        .unwrap_or_else(|| Field::Custom(label.clone())),
                    Some(field) => field.clone(),
                    None => sniff_cell(cell, i),
                };
                self.roles
                    .push(&mut record, &mut parts, i, field, cell, &row);
            }
            self.roles.finish(&mut record, &parts, &row);
            return Some(Ok(record));
        }
    }
}

impl CsvSource {
    /// The field the label column of a custom column names in the current row. A label never
    /// makes a custom value a person's name: `Relation 1 - Label` may name another person.
    fn labelled(&self, i: usize) -> Option<Field> {
        let label = self.type_of(i)?;
        let field = super::headers::map_headers(&[label]).pop()?;
        match field {
            Field::Custom(_)
            | Field::FullName
            | Field::Prefix
            | Field::GivenName
            | Field::MiddleName
            | Field::FamilyName
            | Field::Suffix
            | Field::Nickname => None,
            field => Some(field),
        }
    }

    /// Column `i` is the label of a custom column whose value it made a field: the label is
    /// said by the field.
    fn is_used_label(&self, i: usize) -> bool {
        self.types.iter().enumerate().any(|(value, t)| {
            *t == Some(i)
                && matches!(self.fields.get(value), Some(Field::Custom(_)))
                && self.labelled(value).is_some()
        })
    }

    /// The text of the type column of column `i` in the current row.
    fn type_of(&self, i: usize) -> Option<String> {
        let t = (*self.types.get(i)?)?;
        let cell = String::from_utf8_lossy(self.row.get(t)?);
        let cell = cell.trim().trim_start_matches("* ").trim();
        (!cell.is_empty()).then(|| cell.to_string())
    }
}

/// Google and Outlook name a value's kind in a sibling column: `Phone 1 - Type` for
/// `Phone 1 - Value`. For each column, the index of its sibling.
fn type_columns(headers: &[String]) -> Vec<Option<usize>> {
    headers
        .iter()
        .map(|h| {
            let stem = h.trim().strip_suffix(" - Value")?;
            headers.iter().position(|other| {
                let other = other.trim();
                other == format!("{stem} - Type") || other == format!("{stem} - Label")
            })
        })
        .collect()
}

/// A one-cell row split by the other delimiter that makes the most cells, if any makes several.
fn resplit(raw: &str, delimiter: u8) -> Option<csv::ByteRecord> {
    [b',', b';', b'\t', b'|']
        .into_iter()
        .filter(|&d| d != delimiter && raw.as_bytes().contains(&d))
        .filter_map(|d| {
            let mut reader = builder(d).from_reader(raw.as_bytes());
            let mut row = csv::ByteRecord::new();
            reader.read_byte_record(&mut row).ok()?;
            Some(row)
        })
        .filter(|row| row.len() > 1)
        .max_by_key(csv::ByteRecord::len)
}

/// Adds a cell's value with its kind; Google's multi-value cells (`a@x.com ::: b@y.com`) become
/// several values, the one marked `* ` first.
pub fn push_cell(record: &mut RawRecord, field: Field, cell: &str, kind: Kind) {
    if !cell.contains(":::") {
        record.push_kind(field, cell, kind);
        return;
    }
    let at = record
        .fields
        .iter()
        .position(|f| f.field == field)
        .unwrap_or(record.fields.len());
    for part in cell.split(":::").map(str::trim).filter(|p| !p.is_empty()) {
        match part.strip_prefix("* ") {
            Some(primary) => {
                let mut value = RawField::new(field.clone(), primary.trim().to_string());
                value.kind = (!kind.is_empty()).then(|| Box::new(kind.clone()));
                record.fields.insert(at, value);
            }
            None => record.push_kind(field.clone(), part, kind.clone()),
        }
    }
}

/// Strips quotes the csv parser left in place because a space came before them (`a, "b"`).
fn unquote(cell: &str) -> String {
    let trimmed = cell.trim();
    // Only a space before the quote leaves it in place; a cell whose value is itself in quotes
    // (`"""quoted"""` in the file) arrives without the space and keeps them.
    let spaced = trimmed.len() < cell.trim_end().len();
    if spaced && trimmed.len() >= 2 && trimmed.starts_with('"') && trimmed.ends_with('"') {
        trimmed[1..trimmed.len() - 1].replace("\"\"", "\"")
    } else {
        trimmed.to_string()
    }
}

/// The most cells a row may have: Excel's 16,384 columns. Every export fits; a line of a
/// million delimiters is no contact.
const MAX_CELLS: usize = 16_384;

/// A record too large to read: why, and the start of its text.
struct Oversized {
    reason: String,
    raw: String,
}

/// What a line standing for an oversized record holds, then its number: a noncharacter no
/// export writes.
const OVERSIZED: &str = "\u{fdd0}rolo-oversized-";

/// Finds the records too large to read (more than [`super::MAX_RECORD`] bytes, or more cells
/// than [`MAX_CELLS`]) by parsing the text as the reader will but keeping nothing of it, and
/// puts a short marker line in place of each: the header search and the reader never hold
/// them, and each becomes a reject in its place with its first megabyte of text. Text without
/// such records is given back as it is.
fn set_aside_oversized(text: String, delimiter: u8) -> (String, Vec<Oversized>) {
    use csv_core::ReadRecordResult;
    let bytes = text.as_bytes();
    let mut parser = csv_core::ReaderBuilder::new()
        .delimiter(delimiter)
        .double_quote(true)
        .build();
    let (mut scratch, mut ends) = (vec![0u8; 1 << 16], vec![0usize; 4096]);
    let (mut at, mut start, mut cells) = (0, 0, 0);
    let mut spans = Vec::new();
    loop {
        let (result, read, _, ended) = parser.read_record(&bytes[at..], &mut scratch, &mut ends);
        at += read;
        cells += ended;
        match result {
            ReadRecordResult::InputEmpty
            | ReadRecordResult::OutputFull
            | ReadRecordResult::OutputEndsFull => {}
            ReadRecordResult::Record => {
                if at - start > super::MAX_RECORD || cells > MAX_CELLS {
                    spans.push((start, at, cells));
                }
                (start, cells) = (at, 0);
            }
            ReadRecordResult::End => break,
        }
    }
    if spans.is_empty() {
        return (text, Vec::new());
    }
    let mb = |n: usize| n as f64 / f64::from(1 << 20);
    let mut out = String::with_capacity(text.len().min(64 << 20));
    let mut oversized = Vec::with_capacity(spans.len());
    let mut from = 0;
    for (k, &(start, end, cells)) in spans.iter().enumerate() {
        out.push_str(&text[from..start]);
        out.push_str(&format!("{OVERSIZED}{k}\n"));
        from = end;
        let record = bytes[start..end].trim_ascii_start();
        let reason = if cells > MAX_CELLS {
            format!("record has {cells} cells, more than the {MAX_CELLS} columns a spreadsheet has")
        } else {
            format!(
                "record is {:.1} MB, more than the {:.1} MB a record may be",
                mb(record.len()),
                mb(super::MAX_RECORD)
            )
        };
        oversized.push(Oversized {
            reason,
            raw: super::kept_raw_bytes(record.trim_ascii_end()),
        });
    }
    out.push_str(&text[from..]);
    (out, oversized)
}

fn builder(delimiter: u8) -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .double_quote(true);
    builder
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        _ => "pipe",
    }
}

/// Picks the delimiter whose count per line (outside quotes) is the most consistent over the
/// first lines, then the most frequent.
pub fn sniff_delimiter(text: &str) -> u8 {
    // Excel's own hint on the first line: `sep=;`.
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or_default()
        .trim();
    if let Some(d) = first.strip_prefix("sep=").and_then(|d| d.bytes().next()) {
        return d;
    }
    let lines: Vec<&str> = logical_lines(text)
        .filter(|l| !l.trim().is_empty())
        .take(40)
        .collect();
    let mut best = (b',', 0usize, 0usize);
    for d in [b',', b';', b'\t', b'|'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let mut mode = (0usize, 0usize); // (count, lines with that count)
        for &c in counts.iter().filter(|&&c| c > 0) {
            let freq = counts.iter().filter(|&&x| x == c).count();
            if (freq, c) > (mode.1, mode.0) {
                mode = (c, freq);
            }
        }
        if (mode.1, mode.0) > (best.1, best.2) {
            best = (d, mode.1, mode.0);
        }
    }
    best.0
}

/// The lines of a delimited text as records: a line break inside quotes (a note of several
/// paragraphs) does not end one.
fn logical_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut in_quotes = false;
        let bytes = rest.as_bytes();
        let end = bytes
            .iter()
            .position(|&b| {
                if b == b'"' {
                    in_quotes = !in_quotes;
                }
                b == b'\n' && !in_quotes
            })
            .unwrap_or(bytes.len());
        let line = rest[..end].trim_end_matches('\r');
        rest = rest.get(end + 1..).unwrap_or_default();
        Some(line)
    })
}

fn count_outside_quotes(line: &str, d: u8) -> usize {
    let mut in_quotes = false;
    let mut n = 0;
    for &b in line.as_bytes() {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if b == d && !in_quotes {
            n += 1;
        }
    }
    n
}

enum Layout {
    Header {
        row: usize,
        fields: Vec<Field>,
        /// For a `Phone 1 - Value` column, the index of its `Phone 1 - Type` column.
        types: Vec<Option<usize>>,
        /// The columns of rolo's own table, where the header is its.
        own: Option<Vec<Column>>,
        /// What the columns say beyond their fields (kinds, address parts).
        roles: super::columns::Roles,
    },
    Headerless {
        fields: Vec<Field>,
    },
}

fn find_header(text: &str, delimiter: u8) -> Layout {
    let mut reader = builder(delimiter).from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for row in reader.records().take(HEADER_SEARCH_ROWS + 20) {
        let Ok(row) = row else { break };
        rows.push(row.iter().map(unquote).collect());
    }
    for (i, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let score = header_score(row);
        let looks_like_data = row.iter().any(|c| looks_like_email(c));
        if looks_like_data {
            continue;
        }
        let mut fields = map_headers(row);
        if score >= 2 || (score == 1 && identifies_person(&fields) && row.len() <= 3) {
            let roles = super::columns::roles(row, &mut fields);
            return Layout::Header {
                row: i,
                fields,
                types: type_columns(row),
                own: super::own::layout(row),
                roles,
            };
        }
    }
    if let Some(fields) = infer_columns(&rows) {
        return Layout::Headerless { fields };
    }
    // Nothing we know: the first row is the header, every column a custom field, so each record
    // is kept whole (and rejected with its raw text if nothing identifies a person).
    let fields = rows.first().map(|r| map_headers(r)).unwrap_or_default();
    Layout::Header {
        row: 0,
        fields,
        types: Vec::new(),
        own: None,
        roles: Default::default(),
    }
}

/// A file without a header: columns of e-mail addresses and phone numbers are recognised by their
/// contents, and the first text column is taken as the full name.
fn infer_columns(rows: &[Vec<String>]) -> Option<Vec<Field>> {
    let width = rows.iter().map(Vec::len).max()?;
    let mut fields = Vec::with_capacity(width);
    let mut found = false;
    let mut have_name = false;
    for col in 0..width {
        let cells: Vec<&str> = rows
            .iter()
            .filter_map(|r| r.get(col))
            .map(String::as_str)
            .filter(|c| !c.is_empty())
            .collect();
        let share = |pred: fn(&str) -> bool| {
            !cells.is_empty() && cells.iter().filter(|c| pred(c)).count() * 2 > cells.len()
        };
        let field = if share(looks_like_email) {
            found = true;
            Field::Email
        } else if share(looks_like_phone) {
            found = true;
            Field::Phone
        } else if !have_name && share(looks_like_name) {
            have_name = true;
            Field::FullName
        } else {
            Field::Custom(format!("column {}", col + 1))
        };
        fields.push(field);
    }
    given_family_full(rows, &mut fields);
    found.then_some(fields)
}

/// Two columns whose values, joined by a space, are a third column's value in most rows are the
/// given name, the family name and the full name (Thunderbird writes them so).
fn given_family_full(rows: &[Vec<String>], fields: &mut [Field]) {
    // Three nested loops over the columns: only for files of a sensible width.
    let width = fields.len().min(30);
    for full in 0..width {
        for given in 0..width {
            for family in 0..width {
                if full == given || full == family || given == family {
                    continue;
                }
                let joined = rows
                    .iter()
                    .filter(|r| {
                        let cell = |i: usize| r.get(i).map(String::as_str).unwrap_or_default();
                        !cell(given).is_empty()
                            && !cell(family).is_empty()
                            && cell(full) == format!("{} {}", cell(given), cell(family))
                    })
                    .count();
                if joined * 2 > rows.len() {
                    fields[given] = Field::GivenName;
                    fields[family] = Field::FamilyName;
                    fields[full] = Field::FullName;
                    return;
                }
            }
        }
    }
}

/// A cell beyond the header's width: an e-mail address or a web address is recognised, anything
/// else is kept under its column number.
fn sniff_cell(cell: &str, index: usize) -> Field {
    if looks_like_email(cell) {
        Field::Email
    } else if cell.starts_with("http://") || cell.starts_with("https://") {
        Field::Url
    } else {
        Field::Custom(format!("column {}", index + 1))
    }
}

pub fn looks_like_email(cell: &str) -> bool {
    let cell = cell.trim();
    match cell.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !cell.contains(char::is_whitespace)
        }
        None => false,
    }
}

fn looks_like_phone(cell: &str) -> bool {
    let digits = cell.chars().filter(char::is_ascii_digit).count();
    digits >= 6
        && cell.starts_with(['+', '(', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()./xX".contains(c))
        && !is_iso_date(cell)
}

fn is_iso_date(cell: &str) -> bool {
    let b = cell.as_bytes();
    b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && b[..4].iter().all(u8::is_ascii_digit)
}

fn looks_like_name(cell: &str) -> bool {
    cell.chars().any(char::is_alphabetic) && !cell.contains('@') && cell.chars().count() <= 80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (FileInfo, Vec<RawRecord>) {
        let mut info = FileInfo::default();
        let records = open("t.csv", text.to_string(), &mut info)
            .map(|r| r.unwrap())
            .collect();
        (info, records)
    }

    #[test]
    fn excel_sep_hint() {
        assert_eq!(
            sniff_delimiter("sep=;\nName;Email\nA, B;a@b.example\n"),
            b';'
        );
    }

    #[test]
    fn semicolons_are_sniffed() {
        assert_eq!(sniff_delimiter("a;b;c\n1;2,5;3\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\n\"x;y\"\tz\n"), b'\t');
        assert_eq!(sniff_delimiter("Email\nx@y.com\n"), b',');
    }

    #[test]
    fn multi_value_cells_put_the_primary_first() {
        let (_, r) = read("Name,E-mail 1 - Value\nAda,a@x.com ::: * b@y.com\n");
        let emails: Vec<&str> = r[0].values(&Field::Email).collect();
        assert_eq!(emails, ["b@y.com", "a@x.com"]);
    }

    #[test]
    fn headerless_file_is_recognised_by_contents() {
        let (info, r) =
            read("John Doe,John,Doe,john@doe.invalid\nJane Doe,Jane,Doe,jane@doe.invalid\n");
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].first(&Field::Email), Some("jane@doe.invalid"));
        assert_eq!(r[1].first(&Field::FullName), Some("Jane Doe"));
        assert!(info.notes.iter().any(|n| n.contains("no header")));
    }

    #[test]
    fn blank_rows_are_not_counted() {
        let (_, r) = read("Name,Email\n\nAda,a@x.com\n,,\nBob,b@x.com\n");
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].prov.record, 2);
        assert_eq!(r[1].raw, "Bob,b@x.com");
    }
}
