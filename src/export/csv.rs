//! CSV outputs: contacts, worklist, rejects, review. Multiple values share a cell, separated by
//! `; ` (a contact's notes by a blank line, a worklist row's by ` | `, as they may hold
//! semicolons).

use std::borrow::Cow;
use std::io::{self, Write};

use super::{inert, inert_csv, write_in_parallel};
use crate::model::{Contact, Reject};
use crate::normalize::event;
use crate::resolve::ReviewPair;
use crate::worklist::{Row, Rows};

/// A CSV writer that quotes a cell whenever a spreadsheet could split it or end the row in it:
/// a comma, a semicolon (the separator where the decimal mark is a comma: most of Europe), a
/// tab, a quote or a line break. So each cell is one cell whichever separator it is opened
/// with, and the formula guard ([`inert_csv`]) holds in every locale.
pub(super) struct Writer<'w> {
    w: &'w mut dyn Write,
}

pub(super) fn writer(w: &mut dyn Write) -> Writer<'_> {
    Writer { w }
}

impl Writer<'_> {
    fn cell(&mut self, cell: &str) -> io::Result<()> {
        // Control characters but tab and line breaks are no text to a spreadsheet (a NUL ends a
        // cell in some, and makes the file binary to others): left out, as in vCard.
        let control = |c: char| c.is_control() && !matches!(c, '\t' | '\r' | '\n');
        let cleaned;
        let cell = if cell.contains(control) {
            cleaned = cell.replace(control, "");
            cleaned.as_str()
        } else {
            cell
        };
        if !cell.contains([',', ';', '\t', '"', '\r', '\n']) {
            return self.w.write_all(cell.as_bytes());
        }
        self.w.write_all(b"\"")?;
        for (i, piece) in cell.split('"').enumerate() {
            if i > 0 {
                self.w.write_all(b"\"\"")?;
            }
            self.w.write_all(piece.as_bytes())?;
        }
        self.w.write_all(b"\"")
    }

    pub(super) fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

pub(super) fn row<'a>(
    out: &mut Writer<'_>,
    cells: impl IntoIterator<Item = &'a str>,
) -> io::Result<()> {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.w.write_all(b",")?;
        }
        if plain(cell) {
            // Nothing to leave out, quote or guard after a separator: only the first
            // character may need the formula guard.
            out.w.write_all(inert(cell).as_bytes())?;
        } else {
            out.cell(&inert_csv(cell))?;
        }
    }
    out.w.write_all(b"\n")
}

/// A cell with no control character (C0, DEL or C1: C1 characters are `0xC2 0x80..0x9F` in
/// UTF-8, so no `0xC2` byte rules them out), no comma, semicolon or quote: what most cells are.
fn plain(cell: &str) -> bool {
    cell.bytes()
        .all(|b| b >= 0x20 && !matches!(b, 0x7f | 0xc2 | b',' | b';' | b'"'))
}

pub const CONTACT_COLUMNS: &[&str] = &[
    "id",
    "name",
    "given_name",
    "family_name",
    "emails",
    "phones",
    "phones_raw",
    "organization",
    "title",
    "urls",
    "birthday",
    "notes",
    "rating",
    "events",
    "sources",
    "linkedin",
    "organizations",
    "titles",
    "phone_extensions",
    "tags",
    "known_before",
    "custom",
    "problems",
    "country",
    // Contact details: several entries in a cell are a JSON array, as in contacts.jsonl.
    "prefix",
    "middle_name",
    "suffix",
    "nickname",
    "departments",
    "phone_entries",
    "email_entries",
    "url_entries",
    "addresses",
    "ims",
    "related",
    "dates",
    "role",
    "gender",
    "time_zone",
    "geo",
    "phonetic",
    "uid",
    "photo",
    "extra",
    // The last step done (`2026-10-20 thank-you: sent the deck`), from a store.
    "last_touch",
];

/// The header of a custom field's own column, after [`CONTACT_COLUMNS`].
pub const CUSTOM_PREFIX: &str = "custom: ";

/// The header of rolo's contacts table: [`CONTACT_COLUMNS`], then a column for each custom
/// field's label, in the order the contacts first give them.
pub(super) fn contact_header(contacts: &[Contact]) -> (Vec<String>, Vec<String>) {
    let mut labels: Vec<String> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    for c in contacts {
        for (label, _) in &c.custom {
            if seen.insert(label.as_str()) {
                labels.push(label.clone());
            }
        }
    }
    let header = CONTACT_COLUMNS
        .iter()
        .map(|c| c.to_string())
        .chain(labels.iter().map(|l| format!("{CUSTOM_PREFIX}{l}")))
        .collect();
    (header, labels)
}

pub fn write_contacts_csv(w: &mut dyn Write, contacts: &[Contact]) -> io::Result<()> {
    let (header, labels) = contact_header(contacts);
    row(&mut writer(w), header.iter().map(String::as_str))?;
    write_in_parallel(w, contacts, |c, buf| {
        let cells = contact_cells(c, &labels);
        row(&mut writer(buf), cells.iter().map(String::as_str))
    })?;
    w.flush()
}

/// A contact's cells under [`contact_header`]: several values share a cell, separated by `; `
/// (notes by a blank line, as they may hold semicolons); entries with their kinds are a JSON
/// array; a custom field's values are in its own column, several separated by `; `.
pub(super) fn contact_cells(c: &Contact, labels: &[String]) -> Vec<String> {
    let join = |v: &[String]| v.join("; ");
    let events = event::render_list(&c.events);
    let sources: Vec<String> = c.sources.iter().map(ToString::to_string).collect();
    let phones_raw: Vec<String> = c
        .problems
        .iter()
        .filter(|p| p.field == "phone")
        .map(|p| p.value.to_string())
        .collect();
    let extensions: Vec<String> = c
        .extensions
        .iter()
        .map(|(n, e)| format!("{n} ext. {e}"))
        .collect();
    let custom: Vec<String> = c.custom.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    let problems: Vec<String> = c
        .problems
        .iter()
        .map(|p| format!("{} {:?}: {}", p.field, p.value, p.problem))
        .collect();
    let mut cells = vec![
        c.id.clone(),
        c.display_name(),
        c.name.given.as_deref().unwrap_or_default().to_string(),
        c.name.family.as_deref().unwrap_or_default().to_string(),
        join(&c.emails),
        join(&c.phones),
        join(&phones_raw),
        c.organization().unwrap_or_default().to_string(),
        c.title().unwrap_or_default().to_string(),
        join(&c.urls),
        c.birthday.clone().unwrap_or_default(),
        notes_cell(&c.notes),
        c.rating.map(|r| r.as_str().to_string()).unwrap_or_default(),
        events,
        join(&sources),
        c.linkedin.clone().unwrap_or_default(),
        join(&c.organizations),
        join(&c.titles),
        join(&extensions),
        join(&c.tags),
        if c.known_before { "yes" } else { "no" }.to_string(),
        custom.join(" | "),
        problems.join(" | "),
        c.country.clone().unwrap_or_default(),
    ];
    let d = &c.details;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let short = |v: &Option<crate::model::Interned>| v.as_deref().unwrap_or_default().to_string();
    cells.extend([
        short(&c.name.prefix),
        short(&c.name.middle),
        short(&c.name.suffix),
        opt(&c.nickname),
        join(&c.departments),
        json_list(&c.phone_entries()),
        json_list(&c.email_entries()),
        json_list(&c.url_entries()),
        json_list(&d.addresses),
        json_list(&d.ims),
        json_list(&d.related),
        json_list(&d.dates),
        opt(&d.role),
        opt(&d.gender),
        opt(&d.time_zone),
        opt(&d.geo),
        if d.phonetic.is_empty() {
            String::new()
        } else {
            serde_json::to_string(&d.phonetic).unwrap_or_default()
        },
        d.uids.first().cloned().unwrap_or_default(),
        d.photo
            .as_deref()
            .map(|p| serde_json::to_string(&super::jsonl::PhotoOut::of(p)).unwrap_or_default())
            .unwrap_or_default(),
        json_list(&d.extra),
        c.followup.last_touch_text(),
    ]);
    for label in labels {
        let values: Vec<&str> = c
            .custom
            .iter()
            .filter(|(l, _)| l == label)
            .map(|(_, v)| v.as_str())
            .collect();
        cells.push(values.join("; "));
    }
    cells
}

/// The notes separated by a blank line; a JSON array of them where a note holds a blank line of
/// its own (a note of several paragraphs), so that each note reads back as it was.
pub(super) fn notes_cell(notes: &[String]) -> String {
    if notes.len() > 1 && notes.iter().any(|n| n.contains("\n\n")) {
        serde_json::to_string(notes).unwrap_or_default()
    } else {
        notes.join("\n\n")
    }
}

/// A list of entries as a JSON array; nothing for an empty one.
fn json_list<T: serde::Serialize>(list: &[T]) -> String {
    if list.is_empty() {
        String::new()
    } else {
        serde_json::to_string(list).unwrap_or_default()
    }
}

pub const WORKLIST_COLUMNS: &[&str] = &[
    "due",
    "overdue",
    "priority",
    "contact_id",
    "name",
    "organization",
    "title",
    "email",
    "phone",
    "linkedin",
    "event",
    "met_on",
    "step",
    "action",
    "notes",
    "reasons",
    "draft_subject",
    "draft_body",
    "last_touch",
];

/// The worklist, for people to open in a spreadsheet: a UTF-8 byte order mark first, without
/// which Excel reads the file in the Windows code page.
pub fn write_worklist_csv<R: Rows + ?Sized>(w: &mut dyn Write, rows: &R) -> io::Result<()> {
    w.write_all("\u{feff}".as_bytes())?;
    row(&mut writer(w), WORKLIST_COLUMNS.iter().copied())?;
    write_in_parallel(w, rows.items(), |item, buf| {
        let r = rows.row(item);
        row(&mut writer(buf), worklist_cells(&r).iter().map(|c| &**c))
    })?;
    w.flush()
}

/// A worklist row's cells under [`WORKLIST_COLUMNS`].
pub(super) fn worklist_cells(r: &Row) -> [Cow<'_, str>; 19] {
    [
        r.due.to_string().into(),
        if r.overdue { "yes" } else { "no" }.into(),
        r.priority.to_string().into(),
        r.contact_id.as_str().into(),
        r.name.as_str().into(),
        r.organization.as_str().into(),
        r.title.as_str().into(),
        r.email.as_str().into(),
        r.phone.as_str().into(),
        r.linkedin.as_str().into(),
        r.event.as_str().into(),
        r.met_on.map(|d| d.to_string()).unwrap_or_default().into(),
        r.step.as_str().into(),
        r.action.as_str().into(),
        r.notes.as_str().into(),
        r.reasons.as_str().into(),
        r.draft_subject.as_str().into(),
        r.draft_body.as_str().into(),
        r.last_touch.as_str().into(),
    ]
}

pub fn write_rejects(w: &mut dyn Write, rejects: &[Reject]) -> io::Result<()> {
    let mut out = writer(w);
    row(&mut out, ["file", "sheet", "record", "reason", "raw"])?;
    for r in rejects {
        let record = r.prov.record.to_string();
        let cells = [
            &r.prov.file,
            r.prov.sheet.as_deref().unwrap_or_default(),
            &record,
            &r.reason,
            &r.raw,
        ];
        row(&mut out, cells.iter().map(|s| &**s))?;
    }
    out.flush()
}

pub fn write_review(
    w: &mut dyn Write,
    pairs: &[ReviewPair],
    contacts: &[Contact],
) -> io::Result<()> {
    let mut out = writer(w);
    row(
        &mut out,
        [
            "left_id",
            "right_id",
            "score",
            "evidence",
            "left_name",
            "right_name",
        ],
    )?;
    for p in pairs {
        let (l, r) = (&contacts[p.left], &contacts[p.right]);
        let cells = [
            l.id.clone(),
            r.id.clone(),
            format!("{:.2}", p.score),
            p.evidence.clone(),
            l.display_name(),
            r.display_name(),
        ];
        row(&mut out, cells.iter().map(String::as_str))?;
    }
    out.flush()
}
