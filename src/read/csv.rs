//! CSV and other delimited text exports: Google, Outlook, LinkedIn, Thunderbird, badge scans.
//!
//! The delimiter is sniffed (`,` `;` tab `|`), preamble lines above the header are skipped
//! (LinkedIn's `Notes:` block), the header is mapped by synonyms, and a file without a header has
//! its columns recognised by their contents.

use std::io::Cursor;

use super::table::{HEADER_SEARCH_ROWS, Layout, SAMPLE_ROWS, Table};
use super::{FileInfo, Item};
use crate::model::{Field, Kind, Provenance, RawField, RawRecord};

pub struct CsvSource {
    reader: csv::Reader<Cursor<Vec<u8>>>,
    /// The records too large to read, each in place of the marker line that stands for it.
    oversized: Vec<Oversized>,
    /// Rejects found above the header, given first.
    pending: Vec<super::super::model::Reject>,
    table: Table,
    delimiter: u8,
    file: std::sync::Arc<str>,
    ordinal: u64,
    row: csv::ByteRecord,
}

/// Opens decoded text as a delimited file and says what was found in `info`.
pub fn open(
    file: &str,
    text: String,
    info: &mut FileInfo,
    opts: &super::mapping::Options,
) -> CsvSource {
    let delimiter = sniff_delimiter(&text);
    info.notes
        .push(format!("delimiter {}", delimiter_name(delimiter)));
    let (text, mut oversized) = set_aside_oversized(text, delimiter);
    let text = set_aside_runaway_quotes(text, delimiter, &mut oversized);
    let (header_row, table, report) = find_header(&text, delimiter, opts);
    match header_row {
        Some(row) => {
            if row > 0 {
                info.notes
                    .push(format!("{row} preamble line(s) above the header skipped"));
            }
            let unknown = report
                .columns
                .iter()
                .filter(|c| c.field == "custom")
                .count();
            if unknown > 0 {
                info.notes
                    .push(format!("{unknown} column(s) kept as custom fields"));
            }
        }
        None => info
            .notes
            .push("no header row: columns recognised by their contents".into()),
    }
    if let Some(note) = applied_note(report.applied) {
        info.notes.push(note.into());
    }
    info.tables.push(report);
    let mut reader = builder(delimiter).from_reader(Cursor::new(text.into_bytes()));
    if table.is_own() {
        info.notes.push("rolo's own contacts table".into());
    }
    // An oversized record above the header (or taken for it) is still a record: a reject.
    let mut pending = Vec::new();
    let mut ordinal = 0;
    if let Some(row) = header_row {
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
    CsvSource {
        reader,
        oversized,
        pending,
        table,
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
                && self.table.fields.len() > 1
                && let Some(row) = resplit(&raw, self.delimiter)
                // Not a lone "Doe, Jane": at least three cells, or as many as the header has.
                && row.len() >= self.table.fields.len().min(3)
            {
                self.row = row;
            }
            let mut record = RawRecord::new(prov, raw);
            let cells: Vec<String> = self
                .row
                .iter()
                .map(|c| {
                    let cell = String::from_utf8_lossy(c);
                    if self.table.is_own() {
                        cell.into_owned()
                    } else {
                        unquote(&cell)
                    }
                })
                .collect();
            self.table.read_row(&mut record, &cells);
            return Some(Ok(record));
        }
    }
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
    if let Some(values) = json_values(&field, cell) {
        for (value, label) in values {
            let mut kind = kind.clone();
            if let Some(label) = label {
                kind.absorb(&super::columns::kind_of_label(&label));
            }
            record.push_kind(field.clone(), &value, kind);
        }
        return;
    }
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

/// The values of a cell that holds a JSON array (what some CRMs export for a contact's emails
/// and phones: `[{"value":"a@x.com","label":"work"}, ...]`), each with its label. Nothing for a
/// cell that is not such an array, or a field that is free text.
fn json_values(field: &Field, cell: &str) -> Option<Vec<(String, Option<String>)>> {
    let cell = cell.trim();
    if !(cell.starts_with('[') && cell.ends_with(']'))
        || matches!(field, Field::Custom(_) | Field::Notes | Field::Extra)
    {
        return None;
    }
    let items: Vec<serde_json::Value> = serde_json::from_str(cell).ok()?;
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.trim().to_string()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let mut values = Vec::with_capacity(items.len());
    for item in &items {
        let pair = match item {
            serde_json::Value::Object(o) => {
                let value = [
                    "value", "email", "phone", "number", "address", "url", "name",
                ]
                .iter()
                .find_map(|k| o.get(*k).and_then(text))?;
                let label = ["label", "type", "kind"]
                    .iter()
                    .find_map(|k| o.get(*k).and_then(text))
                    .filter(|l| !l.is_empty());
                (value, label)
            }
            other => (text(other)?, None),
        };
        if !pair.0.is_empty() {
            values.push(pair);
        }
    }
    Some(values)
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

/// Finds the quotes that open a cell and are never closed where they should be (`"Acme, Inc`):
/// the reader would take every line after it, up to the next quote, as one value. A record read
/// over several lines whose lines after the first are rows of the file themselves (as many
/// delimiters as a row has) is such a quote: its first line is set aside as a reject (the
/// marker of [`OVERSIZED`] in its place, the reason saying where the quote is), and the lines
/// after it are read as the rows they are.
fn set_aside_runaway_quotes(text: String, delimiter: u8, set_aside: &mut Vec<Oversized>) -> String {
    use csv_core::ReadRecordResult;
    if !text.contains('"') {
        return text;
    }
    // How many delimiters a row has: the most common count over the first lines.
    let counts: Vec<usize> = logical_lines(&text)
        .filter(|l| !l.trim().is_empty())
        .take(40)
        .map(|l| count_outside_quotes(l, delimiter))
        .collect();
    let typical = counts
        .iter()
        .copied()
        .max_by_key(|c| (counts.iter().filter(|x| *x == c).count(), *c))
        .unwrap_or(0);
    if typical == 0 {
        return text;
    }
    let looks_like_row = |line: &str| line.bytes().filter(|&b| b == delimiter).count() >= typical;
    let mut out = String::new();
    let mut from = 0;
    let mut at = 0;
    let bytes = text.as_bytes();
    let mut parser = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let (mut scratch, mut ends) = (vec![0u8; 1 << 16], vec![0usize; 4096]);
    let mut start = 0;
    let mut changed = false;
    while at <= bytes.len() {
        let (result, read, _, _) = parser.read_record(&bytes[at..], &mut scratch, &mut ends);
        at += read;
        match result {
            ReadRecordResult::InputEmpty
            | ReadRecordResult::OutputFull
            | ReadRecordResult::OutputEndsFull => continue,
            ReadRecordResult::End => break,
            ReadRecordResult::Record => {}
        }
        let record = &text[start..at];
        let mut lines = record.trim_end_matches(['\r', '\n']).split('\n');
        let first = lines.next().unwrap_or_default();
        let rest: Vec<&str> = lines.collect();
        let rows = rest.iter().filter(|l| looks_like_row(l)).count();
        if rest.len() >= 2 && rows * 2 > rest.len() && first.contains('"') {
            // Set the first line aside and read again from the line after it.
            let line_start = start;
            let line_end = start + first.len() + 1;
            let line_number = text[..line_start].matches('\n').count() + 1;
            out.push_str(&text[from..line_start]);
            out.push_str(&format!("{OVERSIZED}{}\n", set_aside.len()));
            set_aside.push(Oversized {
                reason: format!(
                    "a quote opened on line {line_number} is not closed on its line: the line is set aside, the lines after it are read"
                ),
                raw: super::kept_raw(first.trim_end_matches('\r').to_string()),
            });
            from = line_end.min(text.len());
            at = from;
            start = from;
            parser.reset();
            changed = true;
            continue;
        }
        start = at;
    }
    if !changed {
        return text;
    }
    out.push_str(&text[from..]);
    out
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

/// What the summary says of a mapping applied to a table.
pub fn applied_note(applied: Option<super::mapping::Applied>) -> Option<&'static str> {
    match applied? {
        super::mapping::Applied::Given => Some("columns mapped as the mapping given says"),
        super::mapping::Applied::Remembered => {
            Some("columns mapped as the mapping remembered for this header says")
        }
    }
}

/// The header row (none for a file without one) and the mapping of the columns, from the first
/// rows: the same rule as a sheet's ([`super::table::layout`]). A file where nothing is found
/// takes its first row as the header with every column its own custom field, so each record is
/// kept whole (and rejected with its text where nothing identifies a person).
fn find_header(
    text: &str,
    delimiter: u8,
    opts: &super::mapping::Options,
) -> (Option<usize>, Table, super::table::TableReport) {
    let mut reader = builder(delimiter).from_reader(text.as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for row in reader.records().take(HEADER_SEARCH_ROWS + SAMPLE_ROWS) {
        let Ok(row) = row else { break };
        rows.push(row.iter().map(unquote).collect());
    }
    let (row, table) = match super::table::layout(&rows, opts) {
        Some(Layout::Header { row, table }) => (Some(row), table),
        Some(Layout::Headerless { table }) => (None, table),
        None => {
            let first = rows.first().cloned().unwrap_or_default();
            (Some(0), Table::unknown(&first))
        }
    };
    let report = super::table::TableReport::of(&table, None, row, &rows);
    (row, table, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (FileInfo, Vec<RawRecord>) {
        let mut info = FileInfo::default();
        let records = open("t.csv", text.to_string(), &mut info, &Default::default())
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
    fn a_json_array_in_a_cell_is_several_values_with_their_labels() {
        let (_, r) = read(
            "Name,Emails,Phones\nAda,\"[{\"\"value\"\":\"\"ada@work.example\"\",\"\"label\"\":\"\"work\"\"},{\"\"value\"\":\"\"ada@home.example\"\",\"\"label\"\":\"\"home\"\"}]\",\"[\"\"+44 20 7946 0018\"\"]\"\n",
        );
        let emails: Vec<&str> = r[0].values(&Field::Email).collect();
        assert_eq!(emails, ["ada@work.example", "ada@home.example"]);
        let home = r[0]
            .fields
            .iter()
            .find(|f| f.value == "ada@home.example")
            .unwrap();
        assert_eq!(home.kind().types, ["home"]);
        assert_eq!(r[0].first(&Field::Phone), Some("+44 20 7946 0018"));
    }

    #[test]
    fn blank_rows_are_not_counted() {
        let (_, r) = read("Name,Email\n\nAda,a@x.com\n,,\nBob,b@x.com\n");
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].prov.record, 2);
        assert_eq!(r[1].raw, "Bob,b@x.com");
    }
}
