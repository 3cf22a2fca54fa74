//! One mapping for every table: delimited text (CSV, tab-separated, HTML tables turned into
//! text) and the sheets of a workbook. The same rows give the same records whatever file they
//! came in.
//!
//! The header is found among the first rows (below title or preamble rows); each column is
//! mapped by its header's words ([`super::headers`]), then checked against what its values are:
//! a `Title` column of `Mr.` and `Ms.` is an honorific, a `Website` column of addresses is an
//! email, a `Lead name` of `New lead 2` is no person's name. A table without a header has its
//! columns recognised by their contents alone.

use super::columns::{Roles, RowParts};
use super::headers::{header_score, identifies_person, map_headers};
use super::mapping::{self, Applied};
use super::own::Column;
use crate::model::{Field, RawRecord};

/// How many rows from the top may be titles or preamble before the header.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// How many rows below the header are looked at to check a column's values.
pub const SAMPLE_ROWS: usize = 200;

/// How a table's columns map to fields.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub fields: Vec<Field>,
    /// For a `Phone 1 - Value` column, the index of its `Phone 1 - Type` column.
    types: Vec<Option<usize>>,
    /// The columns of rolo's own table, where the header is its.
    own: Option<Vec<Column>>,
    /// What the columns say beyond their fields (kinds, address parts, qualifiers).
    roles: Roles,
    /// Why each column has its field: `header`, or what its values are.
    pub reasons: Vec<Reason>,
    /// Where the mapping that was applied came from, if one was.
    pub applied: Option<Applied>,
}

/// Why a column maps to its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Header,
    Content,
    Mapping,
}

/// What `rolo doctor` says of a column.
#[derive(Debug, Clone)]
pub struct ColumnReport {
    pub header: String,
    /// The field, as a mapping names it, with the kind the header gives its values.
    pub field: String,
    /// Why: the header, the values, the user's mapping.
    pub why: String,
    /// The first values.
    pub samples: Vec<String>,
}

/// What `rolo doctor` says of a table: a file's, or a sheet's.
#[derive(Debug, Clone, Default)]
pub struct TableReport {
    pub sheet: Option<String>,
    /// The header's row, counted from 1; none for a table without a header.
    pub header_row: Option<usize>,
    /// The header, as written, for remembering a mapping by it.
    pub header: Vec<String>,
    pub columns: Vec<ColumnReport>,
    /// Where the mapping applied came from.
    pub applied: Option<Applied>,
}

impl TableReport {
    /// The report of a table whose first rows are `rows` (the header, if any, among them).
    pub fn of(
        table: &Table,
        sheet: Option<String>,
        header_row: Option<usize>,
        rows: &[Vec<String>],
    ) -> TableReport {
        let header = header_row.and_then(|h| rows.get(h));
        let sample = &rows[header_row.map_or(0, |h| h + 1).min(rows.len())..];
        TableReport {
            sheet,
            header_row: header_row.map(|h| h + 1),
            header: header.cloned().unwrap_or_default(),
            columns: table.report(header.map(Vec::as_slice), sample),
            applied: table.applied,
        }
    }
}

/// Where a table's records start, and how its columns map.
#[derive(Debug, Clone)]
pub enum Layout {
    /// The header is row `row` (0-based among the rows given).
    Header { row: usize, table: Table },
    /// No header: every row is a record.
    Headerless { table: Table },
}

impl Layout {
    pub fn table(&self) -> &Table {
        match self {
            Layout::Header { table, .. } | Layout::Headerless { table } => table,
        }
    }
}

/// Whether a header names a column a person is found by: a name, an email, a phone number or a
/// LinkedIn profile. A web address alone does not (a list of books has titles and links).
fn names_a_person(fields: &[Field]) -> bool {
    identifies_person(fields)
        && fields
            .iter()
            .any(|f| *f != Field::Url && identifies_person(std::slice::from_ref(f)))
}

/// Finds the header among the first rows, else recognises the columns by their contents, else
/// takes the first row as the header where it names a person's column. Nothing when none of
/// these finds a contact column: the rows are no contacts (a CSV keeps them as rejects, a sheet
/// is skipped and named).
pub fn layout(rows: &[Vec<String>], opts: &mapping::Options) -> Option<Layout> {
    // A row the user's mapping names columns of is the header.
    if !opts.mapping.is_empty() {
        let named = rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .position(|row| row.iter().any(|c| opts.mapping.get(c).is_some()));
        if let Some(i) = named {
            let sample = rows.get(i + 1..).unwrap_or_default();
            return Some(Layout::Header {
                row: i,
                table: Table::from_header(&rows[i], sample, opts),
            });
        }
    }
    for (i, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        // A row with an email address is data, whatever else it holds.
        if row.iter().any(|c| looks_like_email(c)) {
            continue;
        }
        let fields = map_headers(row);
        let score = header_score(row);
        let filled = row.iter().filter(|c| !c.trim().is_empty()).count();
        if (score >= 2 || (score == 1 && filled <= 3)) && names_a_person(&fields) {
            let sample = rows.get(i + 1..).unwrap_or_default();
            return Some(Layout::Header {
                row: i,
                table: Table::from_header(row, sample, opts),
            });
        }
    }
    if let Some(fields) = infer_columns(rows) {
        return Some(Layout::Headerless {
            table: Table {
                reasons: vec![Reason::Content; fields.len()],
                fields,
                ..Table::default()
            },
        });
    }
    let first = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|r| r.iter().any(|c| !c.trim().is_empty()))?;
    names_a_person(&map_headers(&rows[first])).then(|| Layout::Header {
        row: first,
        table: Table::from_header(&rows[first], &rows[first + 1..], opts),
    })
}

impl Table {
    /// The mapping of a header row, checked against the rows below it.
    pub fn from_header(
        header: &[String],
        sample: &[Vec<String>],
        opts: &mapping::Options,
    ) -> Table {
        let mut fields = map_headers(header);
        let mut reasons = vec![Reason::Header; fields.len()];
        let sample = &sample[..sample.len().min(SAMPLE_ROWS)];
        by_content(header, &mut fields, &mut reasons, sample);
        // The user's mapping wins over the header and the values: set before the roles are
        // worked out (so a mapped phone takes its extension column), and again after.
        let (given, applied) = opts.for_header(header);
        let specs: Vec<Option<mapping::Spec>> =
            header.iter().map(|h| given.get(h).cloned()).collect();
        for (i, spec) in specs.iter().enumerate() {
            if let Some(spec) = spec {
                reasons[i] = Reason::Mapping;
                fields[i] = match spec {
                    mapping::Spec::Field(f) => f.clone(),
                    mapping::Spec::Part(_) => Field::Address,
                    _ => Field::Custom(header[i].trim().to_string()),
                };
            }
        }
        let mut roles = super::columns::roles(header, &mut fields);
        // A column known by its values has no kind in its header's words.
        for (role, reason) in roles.columns.iter_mut().zip(&reasons) {
            if *reason == Reason::Content {
                role.kind = Default::default();
            }
        }
        for (i, spec) in specs.iter().enumerate() {
            if let Some(spec) = spec {
                roles.set(header, &mut fields, i, spec);
            }
        }
        Table {
            types: type_columns(header),
            own: super::own::layout(header).filter(|_| applied.is_none()),
            roles,
            fields,
            reasons,
            applied,
        }
    }

    /// What each column maps to and why, with the first values of `sample`: what `rolo doctor`
    /// prints. `header` is none for a table without one.
    pub fn report(&self, header: Option<&[String]>, sample: &[Vec<String>]) -> Vec<ColumnReport> {
        let width = self.fields.len().max(header.map_or(0, <[String]>::len));
        (0..width)
            .map(|i| {
                let name = header
                    .and_then(|h| h.get(i))
                    .map(|h| h.trim().to_string())
                    .unwrap_or_else(|| format!("column {}", i + 1));
                let samples: Vec<String> = sample
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .take(3)
                    // One line each: a cell of several lines shows its breaks as `⏎`.
                    .map(|c| {
                        c.replace("\r\n", "\n")
                            .replace('\n', " ⏎ ")
                            .chars()
                            .take(40)
                            .collect()
                    })
                    .collect();
                let (field, why) = self.describe(i, header);
                ColumnReport {
                    header: name,
                    field,
                    why,
                    samples,
                }
            })
            .collect()
    }

    /// The field name of column `i` and why it has it.
    fn describe(&self, i: usize, header: Option<&[String]>) -> (String, String) {
        let named = |j: usize| {
            header
                .and_then(|h| h.get(j))
                .map_or(format!("column {}", j + 1), |h| format!("\"{}\"", h.trim()))
        };
        let why = match self.reasons.get(i) {
            Some(Reason::Content) => "values",
            Some(Reason::Mapping) => "mapping",
            _ => "header",
        };
        if self.own.is_some() {
            return ("rolo's own column".into(), "header".into());
        }
        let role = self.roles.columns.get(i);
        if let Some((target, q)) = self.roles.qualified(i) {
            let name = mapping::Spec::Qualifier(q).name();
            return (name, format!("{why}: read with {}", named(target)));
        }
        if self.roles.is_label(i) {
            return (
                "label".into(),
                format!("{why}: names the kind of another column's values"),
            );
        }
        let field = self
            .fields
            .get(i)
            .cloned()
            .unwrap_or(Field::Custom(String::new()));
        let mut name = match &field {
            Field::Custom(_) => "custom".to_string(),
            Field::Address => match role.and_then(|r| r.address) {
                Some((_, part)) => mapping::Spec::Part(part).name(),
                None => "address".into(),
            },
            f => f.label().to_string(),
        };
        if let Some(kind) = role.map(|r| &r.kind).filter(|k| !k.is_empty()) {
            let mut words: Vec<&str> = kind.types.iter().map(String::as_str).collect();
            words.extend(kind.label.as_deref());
            name = format!("{name} ({})", words.join(", "));
        }
        let why = match (&field, why) {
            (Field::Custom(_), "header") => "kept as it is: rolo does not know the header".into(),
            (Field::Related, "header") => "header: someone else's".into(),
            (_, why) => why.to_string(),
        };
        (name, why)
    }

    /// Every column unknown, each a custom field under its header: each record is kept whole
    /// (and rejected with its text, as nothing identifies a person).
    pub fn unknown(header: &[String]) -> Table {
        let fields: Vec<Field> = header
            .iter()
            .map(|h| Field::Custom(h.trim().to_string()))
            .collect();
        Table {
            reasons: vec![Reason::Header; fields.len()],
            fields,
            ..Table::default()
        }
    }

    pub fn is_own(&self) -> bool {
        self.own.is_some()
    }

    /// The record of a row of cells.
    pub fn read_row(&self, record: &mut RawRecord, cells: &[String]) {
        if let Some(columns) = &self.own {
            super::own::read_row(record, columns, cells);
            return;
        }
        let row = |j: usize| cells.get(j).cloned().unwrap_or_default();
        let mut parts = RowParts::default();
        for (i, cell) in cells.iter().enumerate() {
            let cell = cell.trim();
            // A qualifier is read with the number it qualifies; alone, it is kept as it is.
            let joined = self
                .roles
                .qualified(i)
                .is_some_and(|(target, _)| cells.get(target).is_some_and(|c| !c.trim().is_empty()));
            if cell.is_empty() || joined || self.is_used_label(i, cells) || self.roles.is_label(i) {
                continue;
            }
            let field = match self.fields.get(i) {
                // Google's `Custom Field 1 - Value` is what its label column names (`Event`,
                // `Organization`), where that is a field rolo knows.
                Some(Field::Custom(label)) => self
                    .labelled(i, cells)
                    .unwrap_or_else(|| Field::Custom(label.clone())),
                Some(field) => field.clone(),
                None => sniff_cell(cell, i),
            };
            self.roles.push(record, &mut parts, i, field, cell, &row);
        }
        self.roles.finish(record, &parts, &row);
    }

    /// The field the label column of a custom column names in this row. A label never makes a
    /// custom value a person's name: `Relation 1 - Label` may name another person.
    fn labelled(&self, i: usize, cells: &[String]) -> Option<Field> {
        let label = self.type_of(i, cells)?;
        let field = map_headers(&[label]).pop()?;
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
    fn is_used_label(&self, i: usize, cells: &[String]) -> bool {
        self.types.iter().enumerate().any(|(value, t)| {
            *t == Some(i)
                && matches!(self.fields.get(value), Some(Field::Custom(_)))
                && self.labelled(value, cells).is_some()
        })
    }

    /// The text of the type column of column `i` in this row.
    fn type_of(&self, i: usize, cells: &[String]) -> Option<String> {
        let t = (*self.types.get(i)?)?;
        let cell = cells.get(t)?.trim().trim_start_matches("* ").trim();
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

/// The share of a column's filled cells that satisfy `pred`, and how many are filled.
fn share(sample: &[Vec<String>], col: usize, pred: impl Fn(&str) -> bool) -> (f64, usize) {
    let cells: Vec<&str> = sample
        .iter()
        .filter_map(|r| r.get(col))
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    if cells.is_empty() {
        return (0.0, 0);
    }
    let hits = cells.iter().filter(|c| pred(c)).count();
    (hits as f64 / cells.len() as f64, cells.len())
}

/// Corrects what a header said where the column's values say otherwise: more than half of the
/// filled cells (and two or more) must disagree with the header before content wins, nearly all
/// of them before a name column is found to hold no names.
fn by_content(
    header: &[String],
    fields: &mut [Field],
    reasons: &mut [Reason],
    sample: &[Vec<String>],
) {
    let most = |col: usize, pred: &dyn Fn(&str) -> bool| {
        let (part, n) = share(sample, col, pred);
        n >= 2 && part > 0.5
    };
    let nearly_all = |col: usize, pred: &dyn Fn(&str) -> bool| {
        let (part, n) = share(sample, col, pred);
        n >= 2 && part >= 0.8
    };
    for col in 0..fields.len() {
        // Another person's values and a number's qualifiers are what their headers say.
        let about_another = header.get(col).is_some_and(|h| {
            super::headers::relation(h).is_some() || super::headers::qualifier(h).is_some()
        });
        if about_another {
            continue;
        }
        let now = fields[col].clone();
        let field = match now {
            // A `Title` of `Mr.`, `Dr.`, `Frau`: an honorific, not a job.
            Field::Title if most(col, &|c| crate::normalize::name::is_honorific(c)) => {
                Field::Prefix
            }
            Field::Url | Field::Phone if most(col, &looks_like_email) => Field::Email,
            Field::Email | Field::Phone if most(col, &looks_like_web) => Field::Url,
            Field::Email | Field::Url if most(col, &looks_like_phone) => Field::Phone,
            // A column rolo does not know the header of is what its values are, where they
            // say it unmistakably: addresses, web links, international numbers.
            Field::Custom(_) if most(col, &looks_like_email) => Field::Email,
            Field::Custom(_) if most(col, &looks_like_web) => Field::Url,
            Field::Custom(_)
                if most(col, &|c| {
                    looks_like_phone(c) && (c.starts_with('+') || c.starts_with("00"))
                }) =>
            {
                Field::Phone
            }
            // A lead's or a deal's name (`New lead 2`, `Q3 renewal`): no person's.
            Field::FullName | Field::GivenName | Field::FamilyName
                if nearly_all(col, &|c| c.chars().any(|ch| ch.is_ascii_digit())) =>
            {
                Field::Custom(header[col].trim().to_string())
            }
            _ => continue,
        };
        fields[col] = field;
        reasons[col] = Reason::Content;
    }
}

/// A table without a header: columns of email addresses and phone numbers are recognised by
/// their contents, and the first text column is taken as the full name. Nothing when no column
/// holds emails or phone numbers.
pub fn infer_columns(rows: &[Vec<String>]) -> Option<Vec<Field>> {
    let width = rows.iter().map(Vec::len).max()?;
    let rows = &rows[..rows.len().min(SAMPLE_ROWS)];
    let mut fields = Vec::with_capacity(width);
    let mut found = false;
    let mut have_name = false;
    for col in 0..width {
        let more_than_half = |pred: fn(&str) -> bool| {
            let (part, n) = share(rows, col, pred);
            n > 0 && part > 0.5
        };
        let field = if more_than_half(looks_like_email) {
            found = true;
            Field::Email
        } else if more_than_half(looks_like_phone) {
            found = true;
            Field::Phone
        } else if more_than_half(looks_like_web) {
            Field::Url
        } else if !have_name && more_than_half(looks_like_name) {
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

/// A cell beyond the header's width: an email address or a web address is recognised, anything
/// else is kept under its column number.
fn sniff_cell(cell: &str, index: usize) -> Field {
    if looks_like_email(cell) {
        Field::Email
    } else if looks_like_web(cell) {
        Field::Url
    } else {
        Field::Custom(format!("column {}", index + 1))
    }
}

pub fn looks_like_email(cell: &str) -> bool {
    let cell = cell.trim();
    match cell.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !cell.contains(char::is_whitespace)
                && !local.contains('/')
        }
        None => false,
    }
}

fn looks_like_web(cell: &str) -> bool {
    let lower = cell.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www."))
        && !lower.contains(char::is_whitespace)
}

pub fn looks_like_phone(cell: &str) -> bool {
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

    fn layout_of(rows: &[Vec<String>]) -> Option<Layout> {
        layout(rows, &Default::default())
    }

    fn rows(text: &str) -> Vec<Vec<String>> {
        text.lines()
            .map(|l| l.split(',').map(String::from).collect())
            .collect()
    }

    fn fields(text: &str) -> Vec<Field> {
        layout_of(&rows(text)).unwrap().table().fields.clone()
    }

    #[test]
    fn a_title_column_of_honorifics_is_the_prefix() {
        let f = fields(
            "Title,First Name,Last Name,Email\nMr.,Ann,Lee,a@x.com\nMs.,Bo,Ma,b@x.com\nDr,Cy,Oz,c@x.com",
        );
        assert_eq!(f[0], Field::Prefix);
        let f = fields("Title,Name,Email\nCTO,Ann Lee,a@x.com\nVP Sales,Bo Ma,b@x.com");
        assert_eq!(f[0], Field::Title);
    }

    #[test]
    fn values_correct_a_header_that_says_another_kind() {
        let f = fields("Name,Website contact,Web\nAnn,a@x.com,https://x.com\nBo,b@y.com,www.y.com");
        assert_eq!(f[1], Field::Email);
        assert_eq!(f[2], Field::Url);
    }

    #[test]
    fn a_lead_topic_is_no_name() {
        let f = fields(
            "Lead name,First Name,Last Name,Email\nNew lead 2,Ann,Lee,a@x.com\nNew lead 3,Bo,Ma,b@x.com",
        );
        assert!(matches!(f[0], Field::Custom(_)));
        assert_eq!(f[1], Field::GivenName);
    }

    #[test]
    fn a_row_with_an_email_is_never_the_header() {
        let l = layout_of(&rows(
            "Ann Lee,Acme,ann@acme.com\nBo Ma,Initech,bo@initech.com",
        ))
        .unwrap();
        assert!(matches!(l, Layout::Headerless { .. }));
    }

    #[test]
    fn a_list_of_books_is_no_contact_table() {
        let books = rows(
            "Title,Author,Year,URL\nDune,Frank Herbert,1965,https://example.org/dune\nEmma,Jane Austen,1815,https://example.org/emma",
        );
        assert!(layout_of(&books).is_none());
    }

    #[test]
    fn a_first_row_naming_a_person_is_the_header() {
        let l = layout_of(&rows(
            "用户姓名,性别,年龄,部门\n王芳,女,31,销售\n李强,男,28,市场",
        ))
        .unwrap();
        assert!(matches!(l, Layout::Header { row: 0, .. }));
        assert_eq!(l.table().fields[0], Field::FullName);
    }
}
