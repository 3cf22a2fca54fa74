//! Excel workbook: the contacts under rolo's own columns (those of the CSV), one row per
//! contact, the header row frozen and filtered and the columns sized to their contents; a second
//! sheet with the worklist when one was computed.
//!
//! Every value is a text cell, so that Excel never turns a phone number or an id into a number;
//! a full date (a birthday, a due day) is a date cell. A text that a spreadsheet would run as a
//! formula is made inert as in CSV, except the `+` of an E.164 number in a phone column, which a
//! text cell keeps as it is.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::csv::{WORKLIST_COLUMNS, contact_cells, contact_header, worklist_cells};
use super::inert;
use crate::model::Contact;
use crate::worklist::Row;

/// Columns of E.164 numbers, written as they are.
const PHONE_COLUMNS: &[&str] = &["phones", "phone"];
/// Columns of ISO dates, written as date cells.
const DATE_COLUMNS: &[&str] = &["birthday", "due", "met_on"];
/// The widest a column is set, in characters: notes and sources would make it unreadable.
const MAX_WIDTH: usize = 50;

pub fn write(w: &mut dyn Write, contacts: &[Contact], worklist: &[Row]) -> io::Result<()> {
    let mut book = Workbook::new();
    let (header, labels) = contact_header(contacts);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let rows = contacts.iter().map(|c| contact_cells(c, &labels));
    sheet(book.add_worksheet(), "Contacts", &header, rows).map_err(io::Error::other)?;
    if !worklist.is_empty() {
        let rows = worklist.iter().map(|r| {
            worklist_cells(r)
                .into_iter()
                .map(|c| c.into_owned())
                .collect()
        });
        sheet(book.add_worksheet(), "Worklist", WORKLIST_COLUMNS, rows)
            .map_err(io::Error::other)?;
    }
    let buffer = book.save_to_buffer().map_err(io::Error::other)?;
    w.write_all(&buffer)
}

fn sheet(
    ws: &mut Worksheet,
    name: &str,
    columns: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<(), XlsxError> {
    ws.set_name(name)?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let mut widths: Vec<usize> = columns.iter().map(|c| c.len()).collect();
    for (col, header) in columns.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *header, &bold)?;
    }
    let mut last = 0;
    for (i, cells) in rows.enumerate() {
        let r = i as u32 + 1;
        last = r;
        for (col, cell) in cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let c = col as u16;
            let column = columns[col];
            widths[col] = widths[col].max(cell.chars().count().min(MAX_WIDTH));
            match iso_date(cell).filter(|_| DATE_COLUMNS.contains(&column)) {
                Some(day) => {
                    ws.write_date_with_format(r, c, day, &date)?;
                }
                None if PHONE_COLUMNS.contains(&column) && cell.starts_with('+') => {
                    ws.write_string(r, c, cell)?;
                }
                None => {
                    ws.write_string(r, c, fitted(&inert(cell)).as_ref())?;
                }
            }
        }
    }
    for (col, width) in widths.iter().enumerate() {
        ws.set_column_width(col as u16, (*width + 2) as f64)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last, columns.len() as u16 - 1)?;
    Ok(())
}

/// The most characters Excel holds in a cell.
const MAX_CELL: usize = 32_767;

/// A text cut to what a cell holds, saying so at its end: a photo of more than 24 KB or a note
/// of a book's length does not fit a cell (the CSV and JSONL exports hold them whole).
fn fitted(cell: &str) -> std::borrow::Cow<'_, str> {
    let count = cell.chars().count();
    if count <= MAX_CELL {
        return cell.into();
    }
    let keep = MAX_CELL - 120;
    let head: String = cell.chars().take(keep).collect();
    format!(
        "{head}… [{} more characters: a cell holds {MAX_CELL}; the CSV and JSONL exports hold it whole]",
        count - keep
    )
    .into()
}

/// An ISO date (`2026-03-10`) as Excel's date; anything else (a year-less birthday) is text.
fn iso_date(cell: &str) -> Option<ExcelDateTime> {
    let day: NaiveDate = cell.parse().ok()?;
    let year = u16::try_from(day.year()).ok().filter(|y| *y >= 1900)?;
    ExcelDateTime::from_ymd(year, day.month() as u8, day.day() as u8).ok()
}
