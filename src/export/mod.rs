//! Stage 7, **export**: the output files of `DESIGN.md`. Every file is written to a temporary
//! file beside its destination and renamed into place, so a reader never sees half a file.

mod csv;
mod google;
mod html;
mod hubspot;
mod ics;
mod jsonl;
mod markdown;
mod outlook;
pub mod table;
mod vcard;
mod xlsx;

use std::io::{self, BufWriter, Write};
use std::path::Path;

pub use csv::{
    CONTACT_COLUMNS, CUSTOM_PREFIX, write_contacts_csv, write_rejects, write_review,
    write_worklist_csv,
};
pub use jsonl::{write_contacts_jsonl, write_worklist_jsonl};
pub use vcard::MORE_DETAILS;

use chrono::NaiveDate;

use crate::model::Contact;
use crate::resolve::ReviewPair;
use crate::worklist::Rows;

/// A failure to write an output file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    // The cause is part of the message, not a source of its own, so that it is said once.
    #[error("{path}: cannot write: {cause}")]
    Io { path: String, cause: io::Error },
    #[error("{path}: unsupported {what} format `.{ext}` (use {supported})")]
    Format {
        path: String,
        what: &'static str,
        ext: String,
        supported: &'static str,
    },
}

/// Which file format a path asks for, by its extension.
fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// A format the contacts can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactsFormat {
    Jsonl,
    Csv,
    GoogleCsv,
    OutlookCsv,
    HubspotCsv,
    Vcf,
    Vcf4,
    Xlsx,
}

impl ContactsFormat {
    pub const NAMES: &str = "jsonl, csv, google-csv, outlook-csv, hubspot-csv, vcf, vcf4, xlsx";

    /// The format `--format NAME` or `--contacts-format NAME` names.
    pub fn from_name(name: &str) -> Option<ContactsFormat> {
        let format = match name.to_ascii_lowercase().as_str() {
            "jsonl" => ContactsFormat::Jsonl,
            "csv" => ContactsFormat::Csv,
            "google-csv" | "google" => ContactsFormat::GoogleCsv,
            "outlook-csv" | "outlook" => ContactsFormat::OutlookCsv,
            "hubspot-csv" | "hubspot" => ContactsFormat::HubspotCsv,
            "vcf" | "vcf3" | "vcard" => ContactsFormat::Vcf,
            "vcf4" => ContactsFormat::Vcf4,
            "xlsx" => ContactsFormat::Xlsx,
            _ => return None,
        };
        Some(format)
    }

    /// The format a path's extension names: `.vcf` is vCard 3.0, `.csv` rolo's own columns.
    pub fn from_path(path: &Path) -> Result<ContactsFormat, ExportError> {
        match extension(path).as_str() {
            "jsonl" => Ok(ContactsFormat::Jsonl),
            "csv" => Ok(ContactsFormat::Csv),
            "vcf" | "vcard" => Ok(ContactsFormat::Vcf),
            "xlsx" => Ok(ContactsFormat::Xlsx),
            ext => Err(ExportError::Format {
                path: path.display().to_string(),
                what: "contacts",
                ext: ext.to_string(),
                supported: ".jsonl, .csv, .vcf or .xlsx, or name one with --contacts-format",
            }),
        }
    }
}

/// Checks that a worklist path names a format rolo writes.
pub fn check_worklist_path(path: &Path) -> Result<(), ExportError> {
    let ext = extension(path);
    if ["csv", "jsonl", "md", "html", "htm", "ics"].contains(&ext.as_str()) {
        Ok(())
    } else {
        Err(ExportError::Format {
            path: path.display().to_string(),
            what: "worklist",
            ext,
            supported: ".csv, .md, .html, .ics or .jsonl",
        })
    }
}

/// A contact holding what every CSV layout writes in its notes' paragraph of vCard lines
/// ([`vcard::MORE_DETAILS`]): its id, its custom fields, a birthday that is no date, a name
/// shown otherwise than its parts, role, gender, time zone, geo, source UIDs and other vCard
/// properties. Each layout adds what else it has no column for.
fn rest_of(c: &Contact) -> Contact {
    // The name as the source showed it, where it is not the parts in their order (`Mr. John
    // Richter, James Doe Sr.`): no layout has a column for it.
    let n = &c.name;
    let parts = |order: [&Option<crate::model::Interned>; 3]| {
        order
            .into_iter()
            .flatten()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let shown = n.display.as_ref().filter(|d| {
        d.as_str() != parts([&n.given, &n.middle, &n.family])
            && d.as_str() != parts([&n.family, &n.given, &n.middle])
    });
    let mut rest = Contact {
        id: c.id.clone(),
        name: crate::model::Name {
            display: shown.cloned(),
            ..Default::default()
        },
        custom: c.custom.clone(),
        problems: c
            .problems
            .iter()
            .filter(|p| p.field == "birthday")
            .cloned()
            .collect(),
        ..Contact::default()
    };
    // Nor does any have a column for these; held only where the contact has them.
    let d = &c.details;
    let more = crate::model::More {
        role: d.role.clone(),
        gender: d.gender.clone(),
        time_zone: d.time_zone.clone(),
        geo: d.geo.clone(),
        uids: d.uids.clone(),
        extra: d.extra.clone(),
        ..Default::default()
    };
    if more != crate::model::More::default() {
        *rest.details = more;
    }
    rest
}

/// Whether a value of these types and label reads back from a column that gives `column` (a
/// `Mobile Phone` column, a `Work Fax` label) as it was: the same types, `voice` aside (a
/// number's type unless another is said), and no label of its own. A value that does not is
/// also written, kind and all, in the notes' paragraph of vCard lines, where rolo reads it back
/// and joins the two.
fn fits(types: &[impl AsRef<str>], label: Option<&str>, column: &crate::model::Kind) -> bool {
    let own = |t: &&str| *t != "voice";
    let mut mine: Vec<&str> = types.iter().map(AsRef::as_ref).filter(own).collect();
    let mut theirs: Vec<&str> = column
        .types
        .iter()
        .map(String::as_str)
        .filter(own)
        .collect();
    mine.sort_unstable();
    theirs.sort_unstable();
    mine == theirs && label == column.label.as_deref()
}

/// Writes the contacts in `format`. A workbook gets the worklist as its second sheet when one
/// was computed.
pub fn write_contacts(
    path: &Path,
    format: ContactsFormat,
    contacts: &[Contact],
    worklist: &(impl Rows + ?Sized),
) -> Result<(), ExportError> {
    match format {
        ContactsFormat::Jsonl => atomic(path, |w| write_contacts_jsonl(w, contacts)),
        ContactsFormat::Csv => atomic(path, |w| write_contacts_csv(w, contacts)),
        ContactsFormat::GoogleCsv => atomic(path, |w| google::write(w, contacts)),
        ContactsFormat::OutlookCsv => atomic(path, |w| outlook::write(w, contacts)),
        ContactsFormat::HubspotCsv => atomic(path, |w| hubspot::write(w, contacts)),
        ContactsFormat::Vcf => atomic(path, |w| {
            vcard::write_contacts_vcf(w, contacts, vcard::Version::V3)
        }),
        ContactsFormat::Vcf4 => atomic(path, |w| {
            vcard::write_contacts_vcf(w, contacts, vcard::Version::V4)
        }),
        ContactsFormat::Xlsx => atomic(path, |w| xlsx::write(w, contacts, &worklist.all())),
    }
}

/// Writes the worklist computed for `today` in the format the extension names. A CSV or JSON
/// Lines file is written a row at a time, each written out as it is written.
pub fn write_worklist(
    path: &Path,
    rows: &(impl Rows + ?Sized),
    today: NaiveDate,
) -> Result<(), ExportError> {
    check_worklist_path(path)?;
    match extension(path).as_str() {
        "jsonl" => atomic(path, |w| write_worklist_jsonl(w, rows)),
        "md" => atomic(path, |w| markdown::write(w, &rows.all(), today)),
        "html" | "htm" => atomic(path, |w| html::write(w, &rows.all(), today)),
        "ics" => atomic(path, |w| ics::write(w, &rows.all(), today)),
        _ => atomic(path, |w| write_worklist_csv(w, rows)),
    }
}

/// Writes the review pairs.
pub fn write_review_file(
    path: &Path,
    pairs: &[ReviewPair],
    contacts: &[Contact],
) -> Result<(), ExportError> {
    atomic(path, |w| write_review(w, pairs, contacts))
}

/// Writes `path` through `write`: into a temporary file in the same directory, then renamed.
///
/// The temporary file is the owner's alone while it is written (0600), and locked: one that a
/// killed rolo left behind holds no lock, and the next write into that folder removes it. The
/// output gets its mode when whole: a replaced file keeps the mode its owner gave it, a new one
/// is the owner's alone, as contact data should be.
pub fn atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ExportError> {
    let err = |cause| ExportError::Io {
        path: path.display().to_string(),
        cause,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    private_folder(dir).map_err(err)?;
    remove_stale_temporaries(dir);
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
        fs_err::metadata(path).map_or(0o600, |m| m.permissions().mode())
    };
    let tmp = builder.prefix(TEMPORARY).tempfile_in(dir).map_err(err)?;
    tmp.as_file().lock().map_err(err)?;
    {
        let mut out = BufWriter::new(tmp.as_file());
        write(&mut out).map_err(err)?;
        out.flush().map_err(err)?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(err)?;
    }
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// How rolo's temporary files begin.
const TEMPORARY: &str = ".rolo-";

/// Removes the temporary files a killed rolo left in `dir`: those that no process holds locked
/// and that were last written a minute ago or more. Best effort: what cannot be removed stays.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let minute = std::time::Duration::from_secs(60);
    for entry in entries.flatten() {
        let stale = entry.file_name().to_string_lossy().starts_with(TEMPORARY)
            && entry.metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .is_ok_and(|t| t.elapsed().is_ok_and(|e| e >= minute))
            });
        if stale
            && let Ok(file) = std::fs::File::open(entry.path())
            && file.try_lock().is_ok()
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Creates a folder that does not exist, and any above it, for the owner alone (0700): the
/// folders rolo makes hold contact data.
pub fn private_folder(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Writes one item after another, each rendered by `render`, the rendering spread over the
/// cores a slice at a time (so that no more than two slices' text is held at once): a slice is
/// written while the next one is rendered.
pub(crate) fn write_in_parallel<T: Sync>(
    w: &mut dyn Write,
    items: &[T],
    render: impl Fn(&T, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    use rayon::prelude::*;
    const SLICE: usize = 1 << 14;
    const PIECE: usize = 1 << 11;
    let render_slice = |slice: &[T]| -> io::Result<Vec<Vec<u8>>> {
        slice
            .par_chunks(PIECE)
            .map(|piece| {
                let mut buf = Vec::new();
                for item in piece {
                    render(item, &mut buf)?;
                }
                Ok(buf)
            })
            .collect()
    };
    let mut slices = items.chunks(SLICE);
    let mut rendered = slices.next().map(render_slice).transpose()?;
    while let Some(pieces) = rendered.take() {
        let mut next = None;
        let written = rayon::in_place_scope(|scope| {
            if let Some(slice) = slices.next() {
                scope.spawn(|_| next = Some(render_slice(slice)));
            }
            pieces.iter().try_for_each(|piece| w.write_all(piece))
        });
        written?;
        rendered = next.transpose()?;
    }
    Ok(())
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first, or a tab or carriage
/// return) is made inert with a leading apostrophe, as OWASP recommends. A negative number
/// (`-1.70`, a score) is a number to a spreadsheet, not a formula, and is left as it is.
pub fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    let negative_number = cell.strip_prefix('-').is_some_and(|n| {
        !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && n.parse::<f64>().is_ok()
    });
    if !negative_number && cell.starts_with(FORMULA) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// What makes a spreadsheet read a cell as a formula when it comes first.
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell made inert for a spreadsheet whichever separator it opens the file with: the
/// start guarded as [`inert`] does, and so is every place inside where a cell begins when the
/// file is split at semicolons (as most of Europe's spreadsheets split a `.csv`) or at line
/// breaks that such a reading does not see quoted: after a `;`, a carriage return or a line
/// feed, a formula character gets an apostrophe before it (`Acme;'=cmd…`). rolo's readers take
/// these apostrophes out again.
pub fn inert_csv(cell: &str) -> std::borrow::Cow<'_, str> {
    let cell = inert(cell);
    let inner = |(i, _): &(usize, &str)| cell[i + 1..].starts_with(FORMULA);
    if !cell.match_indices([';', '\r', '\n']).any(|m| inner(&m)) {
        return cell;
    }
    let mut out = String::with_capacity(cell.len() + 8);
    let mut from = 0;
    for (i, sep) in cell.match_indices([';', '\r', '\n']) {
        if inner(&(i, sep)) {
            out.push_str(&cell[from..=i]);
            out.push('\'');
            from = i + 1;
        }
    }
    out.push_str(&cell[from..]);
    out.into()
}

/// The value of a cell [`inert_csv`] guarded: the apostrophe it put after a `;` or a line break
/// before a formula character taken out.
pub fn uninert(cell: &str) -> std::borrow::Cow<'_, str> {
    let guarded = |(i, _): &(usize, &str)| {
        cell[i + 1..]
            .strip_prefix('\'')
            .is_some_and(|rest| rest.starts_with(FORMULA))
    };
    // Most cells have no apostrophe at all, and a search for one byte is the quickest look.
    if !cell.contains('\'') || !cell.match_indices([';', '\r', '\n']).any(|m| guarded(&m)) {
        return cell.into();
    }
    let mut out = String::with_capacity(cell.len());
    let mut from = 0;
    for (i, sep) in cell.match_indices([';', '\r', '\n']) {
        if guarded(&(i, sep)) {
            out.push_str(&cell[from..=i]);
            from = i + 2;
        }
    }
    out.push_str(&cell[from..]);
    out.into()
}

#[cfg(test)]
mod tests {
    use super::{inert_csv, uninert};

    #[test]
    fn a_formula_after_a_semicolon_or_a_line_break_is_guarded_and_read_back() {
        let cases = [
            ("Acme;=cmd|' /C calc'!A0", "Acme;'=cmd|' /C calc'!A0"),
            (
                "met at booth\n- wants demo\r\n+1 415",
                "met at booth\n'- wants demo\r\n'+1 415",
            ),
            ("a; -b;c", "a; -b;c"),
            ("=1+1;@SUM(A1)", "'=1+1;'@SUM(A1)"),
        ];
        for (value, written) in cases {
            assert_eq!(inert_csv(value), written);
            assert_eq!(uninert(written).trim_start_matches('\''), value);
        }
    }
}
