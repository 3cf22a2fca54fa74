//! Spreadsheets (xlsx, xls, ods) through `calamine`: badge-scan and card-scanner exports.
//!
//! calamine's traps are handled here: numbers arrive as floats, so a phone number stored as a
//! number is written back as plain digits (never `4.4E+11` or `.0`) with a warning that a leading
//! `+` or `0` was probably lost; date cells of both epochs (1900 and 1904) become ISO text; the
//! header row is searched below title rows; a sheet without a contact header is skipped.

use std::io::Cursor;

use calamine::{Data, Ods, Reader, Sheets, Xls, Xlsx, open_workbook_from_rs};

use super::{FileInfo, Item, ReadError};
use crate::model::{Field, Provenance, RawRecord};

const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads every sheet that has a contact header; the records of all sheets, in sheet order.
///
/// calamine panics on some damaged files (fuzzing found an assertion on a truncated sector of
/// an xls): such a panic is caught here and said as an unreadable file, never a crash.
pub fn read(
    file: &str,
    bytes: Vec<u8>,
    info: &mut FileInfo,
    opts: &super::mapping::Options,
) -> Result<Vec<Item>, ReadError> {
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_sheets(file, bytes, info, opts)
    }));
    std::panic::set_hook(quiet);
    read.unwrap_or_else(|_| {
        Err(ReadError::Corrupt {
            file: file.to_string(),
            reason: "not a readable spreadsheet: the spreadsheet reader failed on it".into(),
        })
    })
}

fn read_sheets(
    file: &str,
    bytes: Vec<u8>,
    info: &mut FileInfo,
    opts: &super::mapping::Options,
) -> Result<Vec<Item>, ReadError> {
    let mut workbook = open(file, bytes)?;
    info.format = match &workbook {
        Sheets::Xls(_) => "xls",
        Sheets::Xlsx(_) => "xlsx",
        Sheets::Xlsb(_) => "xlsb",
        Sheets::Ods(_) => "ods",
    };
    let mut items = Vec::new();
    let names = workbook.sheet_names();
    for name in names {
        let owned = match sheet_rows(&mut workbook, &name) {
            Ok(rows) => rows,
            Err(why) => {
                info.notes.push(format!("sheet \"{name}\" skipped: {why}"));
                continue;
            }
        };
        let rows: Vec<&[Data]> = owned.iter().map(|(_, row)| row.as_slice()).collect();
        let texts: Vec<Vec<String>> = rows
            .iter()
            .take(super::table::HEADER_SEARCH_ROWS + super::table::SAMPLE_ROWS)
            .map(|row| row.iter().map(cell_text).collect())
            .collect();
        // The same rule as a CSV's: a header below title rows, else columns recognised by
        // their contents; a sheet with no contact column is skipped and named.
        let (header_row, table) = match super::table::layout(&texts, opts) {
            Some(super::table::Layout::Header { row, table }) => (Some(row), table),
            Some(super::table::Layout::Headerless { table }) => (None, table),
            None => {
                info.skipped_sheets.push(name.clone());
                continue;
            }
        };
        let mut report =
            super::table::TableReport::of(&table, Some(name.clone()), header_row, &texts);
        // The header's row as the sheet numbers it, blank rows included.
        report.header_row = header_row.map(|h| owned[h].0 as usize + 1);
        if let Some(note) = super::csv::applied_note(report.applied) {
            info.notes.push(format!("sheet \"{name}\": {note}"));
        }
        info.tables.push(report);
        match header_row {
            // The worklist sheet of rolo's own workbook lists the people of its contacts sheet
            // again.
            Some(row) if is_worklist(rows[row]) => {
                info.notes.push(format!(
                    "sheet \"{name}\" skipped: a worklist of the contacts in the other sheet"
                ));
                continue;
            }
            // Counted in the sheet's own rows, blank ones included.
            Some(row) if owned[row].0 > owned[0].0 => {
                let titles = owned[row].0 - owned[0].0;
                info.notes.push(format!(
                    "sheet \"{name}\": header found below {titles} title row(s)"
                ));
            }
            Some(_) => {}
            None => info.notes.push(format!(
                "sheet \"{name}\": no header row: columns recognised by their contents"
            )),
        }
        let mut ordinal = 0;
        let (file, sheet): (std::sync::Arc<str>, std::sync::Arc<str>) =
            (file.into(), name.as_str().into());
        let first = header_row.map_or(0, |h| h + 1);
        for row in &rows[first..] {
            if row.iter().all(|c| cell_text(c).trim().is_empty()) {
                continue;
            }
            ordinal += 1;
            let prov = Provenance {
                file: file.clone(),
                sheet: Some(sheet.clone()),
                record: ordinal,
            };
            let cells: Vec<String> = row.iter().map(cell_text).collect();
            let raw = cells.join("\t").trim_end().to_string();
            let mut record = RawRecord::new(prov, raw);
            for (i, cell) in row.iter().enumerate() {
                if let (Some(Field::Phone), Data::Float(_) | Data::Int(_)) =
                    (table.fields.get(i), cell)
                {
                    record.warnings.push(format!(
                        "phone {} was stored as a number: a leading + or 0 was probably lost",
                        cells[i]
                    ));
                }
            }
            table.read_row(&mut record, &cells);
            items.push(Ok(record));
        }
        info.sheets.push(name);
    }
    Ok(items)
}

/// The header of the worklist sheet rolo writes beside the contacts (`due`, `overdue`,
/// `priority`, `contact_id`, ...).
fn is_worklist(header: &[Data]) -> bool {
    let cells: Vec<String> = header.iter().take(4).map(cell_text).collect();
    cells == ["due", "overdue", "priority", "contact_id"]
}

/// The most cells a sheet may spread over (a row is as wide as its last cell): a few bytes of
/// XML can name the cell XFD1048576, which a dense grid would need half a terabyte for.
const MAX_CELLS: u64 = 50_000_000;

/// The rows of a sheet that have cells, with their row number, each as wide as its last cell.
/// An xlsx sheet is read cell by cell, so that a sheet claiming a billion rows costs only the
/// cells it has.
fn sheet_rows(
    workbook: &mut Sheets<Cursor<Vec<u8>>>,
    name: &str,
) -> Result<Vec<(u32, Vec<Data>)>, String> {
    let too_many = |cells: u64| {
        format!("it spreads over {cells} cells or more, more than the {MAX_CELLS} rolo reads")
    };
    if let Sheets::Xlsx(xlsx) = workbook {
        let mut reader = xlsx
            .worksheet_cells_reader(name)
            .map_err(|e| format!("unreadable ({e})"))?;
        let mut rows: std::collections::BTreeMap<u32, Vec<(u32, Data)>> = Default::default();
        while let Some(cell) = reader
            .next_cell()
            .map_err(|e| format!("unreadable ({e})"))?
        {
            let (row, col) = cell.get_position();
            let value = Data::from(cell.get_value().clone());
            if value != Data::Empty {
                rows.entry(row).or_default().push((col, value));
            }
        }
        let mut spread = 0u64;
        let mut out = Vec::with_capacity(rows.len());
        for (number, cells) in rows {
            let width = cells
                .iter()
                .map(|(c, _)| *c as usize + 1)
                .max()
                .unwrap_or(0);
            spread += width as u64;
            if spread > MAX_CELLS {
                return Err(too_many(spread));
            }
            let mut row = vec![Data::Empty; width];
            for (col, value) in cells {
                row[col as usize] = value;
            }
            out.push((number, row));
        }
        return Ok(out);
    }
    let range = workbook
        .worksheet_range(name)
        .map_err(|e| format!("unreadable ({e})"))?;
    let (h, w) = range.get_size();
    if (h as u64) * (w as u64) > MAX_CELLS {
        return Err(too_many((h as u64) * (w as u64)));
    }
    let start = range.start().map_or(0, |(row, _)| row);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, row)| (start + i as u32, row.to_vec()))
        .collect())
}

fn open(file: &str, bytes: Vec<u8>) -> Result<Sheets<Cursor<Vec<u8>>>, ReadError> {
    let corrupt = |reason: String| ReadError::Corrupt {
        file: file.to_string(),
        reason,
    };
    if bytes.starts_with(CFB_MAGIC) {
        if cfb_directory_loops(&bytes) {
            return Err(corrupt(
                "not a readable xls workbook (its directory's chain of sectors loops)".into(),
            ));
        }
        if contains(&bytes, b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e") {
            return Err(ReadError::Password {
                file: file.to_string(),
            });
        }
        return match open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes)) {
            Ok(wb) => Ok(Sheets::Xls(wb)),
            Err(calamine::XlsError::Password) => Err(ReadError::Password {
                file: file.to_string(),
            }),
            Err(err) => Err(corrupt(format!("not a readable xls workbook ({err})"))),
        };
    }
    if super::is_biff(&bytes) {
        return Err(corrupt(
            "an Excel 2-4 worksheet (BIFF2-4), a format too old to read: save it as .xlsx".into(),
        ));
    }
    if !bytes.starts_with(b"PK") {
        return Err(corrupt(
            "not a spreadsheet: the file is neither a zip package (xlsx, ods) nor an xls workbook"
                .into(),
        ));
    }
    if let Some(reason) = zip_bomb(&bytes) {
        return Err(corrupt(reason));
    }
    let xlsx_err = match open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(bytes.clone())) {
        Ok(wb) => return Ok(Sheets::Xlsx(wb)),
        // Office on Windows Phone writes the package's XML in UTF-16, which calamine cannot
        // read: the parts are re-encoded as UTF-8 and the workbook opened again.
        Err(err) if has_utf16_xml(&bytes) => match utf16_parts_as_utf8(&bytes)
            .map(|b| open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(b)))
        {
            Some(Ok(wb)) => return Ok(Sheets::Xlsx(wb)),
            _ => err,
        },
        Err(calamine::XlsxError::Password) => {
            return Err(ReadError::Password {
                file: file.to_string(),
            });
        }
        Err(err) => err,
    };
    match open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)) {
        Ok(wb) => Ok(Sheets::Ods(wb)),
        Err(calamine::OdsError::Password) => Err(ReadError::Password {
            file: file.to_string(),
        }),
        Err(_) => Err(corrupt(format!("not a readable workbook ({xlsx_err})"))),
    }
}

/// Whether some part of the zip package is XML in UTF-16 (it starts with a UTF-16 BOM).
/// Whether the chain of sectors holding an OLE (xls) file's directory comes back on itself.
/// calamine 0.38 follows that chain with no bound (`cfb::Sectors::get_chain`) and grows its
/// buffer until memory runs out: a 6 KB file found by fuzzing took 24 GB. Only the directory's
/// chain is read without a length; every stream's read stops at the stream's size.
fn cfb_directory_loops(bytes: &[u8]) -> bool {
    const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
    const RESERVED: u32 = 0xFFFF_FFFA;
    let u32_at = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let Some(shift) = bytes.get(30..32).map(|b| u16::from_le_bytes([b[0], b[1]])) else {
        return false;
    };
    if !(7..=16).contains(&shift) {
        return false; // calamine refuses such a header itself
    }
    let size = 1usize << shift;
    // As calamine reads them: the last sector may be cut short by the end of the file.
    let sector = |id: u32| {
        let start = (id as usize).checked_add(1)?.checked_mul(size)?;
        let end = start.checked_add(size)?.min(bytes.len());
        bytes.get(start..end).filter(|s| !s.is_empty())
    };
    let words = |s: &[u8]| -> Vec<u32> {
        s.chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect()
    };
    // The FAT's sectors: 109 in the header, the rest in the DIFAT chain (bounded here too).
    let mut difat: Vec<u32> = (0..109).filter_map(|i| u32_at(76 + 4 * i)).collect();
    let mut next = u32_at(68).unwrap_or(END_OF_CHAIN);
    let mut hops = 0;
    while next < RESERVED && hops <= bytes.len() / size {
        hops += 1;
        let Some(ids) = sector(next).map(words) else {
            break;
        };
        next = ids.last().copied().unwrap_or(END_OF_CHAIN);
        difat.extend(&ids[..ids.len().saturating_sub(1)]);
    }
    let fat: Vec<u32> = difat
        .iter()
        .filter(|id| **id < RESERVED)
        .filter_map(|&id| sector(id))
        .flat_map(words)
        .collect();
    let mut id = u32_at(48).unwrap_or(END_OF_CHAIN);
    let mut steps = 0;
    while id != END_OF_CHAIN {
        let Some(&following) = fat.get(id as usize) else {
            return false; // out of the table: calamine stops with an error
        };
        steps += 1;
        if steps > fat.len() {
            return true;
        }
        id = following;
    }
    false
}

/// Unzipped, a workbook may be at most this large, whatever its ratio.
const MAX_UNZIPPED: u64 = 4 << 30;
/// Above this size unzipped, a workbook may expand at most [`MAX_RATIO`] times: spreadsheet XML
/// compresses about ten times, a zip bomb thousands of times.
const RATIO_FROM: u64 = 16 << 20;
const MAX_RATIO: u64 = 100;

/// Why a zip package is refused before it is unzipped, judged from the sizes its directory
/// declares (the zip reader never inflates a part past its declared size).
fn zip_bomb(bytes: &[u8]) -> Option<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let unzipped: u64 = (0..zip.len())
        .filter_map(|i| zip.by_index_raw(i).ok().map(|part| part.size()))
        .fold(0u64, u64::saturating_add);
    let packed = bytes.len().max(1) as u64;
    let mb = |n: u64| n.div_ceil(1 << 20);
    let refused =
        unzipped > MAX_UNZIPPED || (unzipped > RATIO_FROM && unzipped / packed > MAX_RATIO);
    refused.then(|| {
        format!(
            "expands to {} MB when unzipped from {} MB: refused as a likely zip bomb (a workbook \
             may expand at most {MAX_RATIO} times past {} MB, and to {} MB at most)",
            mb(unzipped),
            mb(packed),
            mb(RATIO_FROM),
            mb(MAX_UNZIPPED)
        )
    })
}

fn has_utf16_xml(bytes: &[u8]) -> bool {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    (0..zip.len()).any(|i| {
        let mut head = [0u8; 2];
        zip.by_index(i).is_ok_and(|mut part| {
            std::io::Read::read_exact(&mut part, &mut head).is_ok()
                && (head == [0xFF, 0xFE] || head == [0xFE, 0xFF])
        })
    })
}

/// The same package with every UTF-16 XML part re-encoded as UTF-8.
fn utf16_parts_as_utf8(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).ok()?;
        let name = part.name().ok()?.to_string();
        let mut content = Vec::new();
        part.read_to_end(&mut content).ok()?;
        if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&content)
            && encoding != encoding_rs::UTF_8
        {
            let (text, _) = encoding.decode_without_bom_handling(&content[bom..]);
            content = text
                .replacen("encoding=\"UTF-16\"", "encoding=\"UTF-8\"", 1)
                .into_bytes();
        }
        out.start_file(name, options).ok()?;
        out.write_all(&content).ok()?;
    }
    Some(out.finish().ok()?.into_inner())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A cell as text: whole floats as plain digits, dates as ISO.
pub fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.replace("_x000D_", "").replace('\r', ""),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(d) if dt.is_datetime() => {
                if d.time() == chrono::NaiveTime::MIN {
                    d.date().format("%Y-%m-%d").to_string()
                } else {
                    d.format("%Y-%m-%dT%H:%M:%S").to_string()
                }
            }
            _ => float_text(dt.as_f64()),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e17 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_floats_are_plain_digits() {
        assert_eq!(float_text(441234567890.0), "441234567890");
        assert_eq!(float_text(4.4e11), "440000000000");
        assert_eq!(float_text(2.5), "2.5");
    }
}
