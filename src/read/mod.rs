//! Stage 1, **read**: one reader per format, each yielding records with their provenance and
//! labelled fields, or a reject with the reason and the original text.
//!
//! The format comes from the file's contents first (zip and OLE signatures, `BEGIN:VCARD`), its
//! extension second; text is decoded to UTF-8 before any reader sees it.

pub mod card;
pub mod codes;
pub mod columns;
pub mod csv;
pub mod headers;
pub mod html;
pub mod image;
pub mod jsonl;
pub mod mapping;
pub mod mecard;
pub mod ocr;
pub mod own;
pub mod sheet;
pub mod table;
pub mod text;
pub mod vcard;

use std::path::Path;

use crate::model::{Provenance, RawRecord, Reject};

/// One record read, or a record that could not be read, with its reason.
pub type Item = Result<RawRecord, Reject>;

/// What the reader found out about a file, for the summary.
#[derive(Debug, Clone, Default)]
pub struct FileInfo {
    pub format: &'static str,
    pub encoding: Option<&'static str>,
    pub sheets: Vec<String>,
    pub skipped_sheets: Vec<String>,
    pub notes: Vec<String>,
    /// Each table read (the file's, or each sheet's): its header and how its columns map.
    pub tables: Vec<table::TableReport>,
    /// What was found in an image: its codes, its text and how each line became a value.
    pub capture: Option<Box<image::Capture>>,
}

/// A file that cannot be read at all. Each says which file and what the user can do.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{file}: file not found")]
    NotFound { file: String },
    #[error("{file}: a folder with no contact file directly inside")]
    Directory { file: String },
    #[error("{file}: cannot be read: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: file is empty")]
    Empty { file: String },
    #[error("{file}: unknown format: {reason}")]
    UnknownFormat { file: String, reason: String },
    #[error("{file}: {reason}")]
    Corrupt { file: String, reason: String },
    #[error("{file}: workbook is password-protected")]
    Password { file: String },
    #[error("{file}: {kind}, not a file: refused")]
    NotAFile { file: String, kind: &'static str },
    #[error("{file}: {} MB, more than the {} MB rolo reads in one file", size.div_ceil(1 << 20), MAX_FILE >> 20)]
    TooLarge { file: String, size: u64 },
    #[error("{file}: a HEIC photo, which rolo does not decode")]
    Heic { file: String },
    #[error(
        "{file}: no code holds a contact, and Tesseract, which reads printed text, is not installed"
    )]
    OcrMissing { file: String },
}

impl ReadError {
    /// What the user can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            ReadError::NotFound { .. } => {
                "check the path; it is taken relative to the current directory"
            }
            ReadError::Directory { .. } => {
                "rolo reads the .csv, .tsv, .txt, .vcf, .xlsx, .xls, .ods, .jpg and .png files of a folder; name the files instead"
            }
            ReadError::Io { .. } => "check that the file is readable by you",
            ReadError::Empty { .. } => "export the contacts again; the file has no content",
            ReadError::UnknownFormat { .. } => {
                "rolo reads CSV/TSV text, vCard (.vcf), spreadsheets (.xlsx, .xls, .ods) and photos of cards and badges (.jpg, .png)"
            }
            ReadError::Corrupt { .. } => "open the file in its program and save or export it again",
            ReadError::Password { .. } => {
                "open it in Excel or LibreOffice, remove the password and save a copy"
            }
            ReadError::NotAFile { .. } => "name a contact file saved on disk",
            ReadError::TooLarge { .. } => "split the export into several files",
            ReadError::Heic { .. } => {
                "convert it to JPEG first: `heif-convert IMG.heic IMG.jpg` (Debian's libheif-examples), or `sips -s format jpeg IMG.heic --out IMG.jpg` on a Mac; an iPhone takes JPEG photos with Settings > Camera > Formats > Most Compatible"
            }
            ReadError::OcrMissing { .. } => {
                "install Tesseract and its languages: `sudo apt install tesseract-ocr tesseract-ocr-deu` (Debian, Ubuntu), `brew install tesseract tesseract-lang` (macOS), `choco install tesseract` (Windows); or set ROLO_TESSERACT to its path"
            }
        }
    }
}

/// An opened file: what was found out about it and its records, in order.
pub struct Opened {
    pub info: FileInfo,
    /// The file's size in bytes.
    pub bytes: u64,
    pub records: Box<dyn Iterator<Item = Item> + Send>,
}

/// Opens a file for reading. `file` is the path as the user gave it.
pub fn open(file: &str, opts: &mapping::Options) -> Result<Opened, ReadError> {
    if file == "-" {
        return from_bytes(file, stdin()?, opts);
    }
    let path = Path::new(file);
    let meta = std::fs::metadata(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound {
            file: file.to_string(),
        },
        _ => ReadError::Io {
            file: file.to_string(),
            source,
        },
    })?;
    if meta.is_dir() {
        return Err(ReadError::Directory {
            file: file.to_string(),
        });
    }
    // A FIFO would be waited on forever, a device (`/dev/zero`) read until memory runs out.
    if !meta.is_file() {
        return Err(ReadError::NotAFile {
            file: file.to_string(),
            kind: special_kind(&meta),
        });
    }
    if meta.len() > MAX_FILE {
        return Err(ReadError::TooLarge {
            file: file.to_string(),
            size: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        file: file.to_string(),
        source,
    })?;
    from_bytes(file, bytes, opts)
}

/// Standard input, for the file named `-`: read to its end, as much as a file may hold.
fn stdin() -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| ReadError::Io {
            file: "-".into(),
            source,
        })?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(ReadError::TooLarge {
            file: "-".into(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// The largest file rolo reads: twice the exports of a million people.
pub const MAX_FILE: u64 = 2 << 30;

/// What a path that is neither a file nor a folder is, for the message.
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "not a regular file"
}

/// Reads a file's contents; `file` names it in provenance and messages.
pub fn from_bytes(
    file: &str,
    bytes: Vec<u8>,
    opts: &mapping::Options,
) -> Result<Opened, ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty {
            file: file.to_string(),
        });
    }
    let ext = Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let mut info = FileInfo::default();
    let size = bytes.len() as u64;
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let is_ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let spreadsheet_ext = matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods" | "xlsb");
    // Lead apps often name a tab-separated text export `.xls`: text is read as text.
    let text_named_xls = spreadsheet_ext && binary_kind(&bytes).is_none() && !is_biff(&bytes);
    if is_zip || is_ole || (spreadsheet_ext && !text_named_xls) {
        let items = sheet::read(file, bytes, &mut info, opts)?;
        return Ok(Opened {
            info,
            bytes: size,
            records: Box::new(items.into_iter()),
        });
    }
    if text_named_xls {
        info.notes
            .push(format!("the .{ext} file is text, not a workbook"));
    }
    if image::kind(&bytes).is_some() {
        let items = image::read(file, &bytes, &mut info, opts)?;
        return Ok(Opened {
            info,
            bytes: size,
            records: Box::new(items.into_iter()),
        });
    }
    if image::is_heic(&bytes) {
        return Err(ReadError::Heic {
            file: file.to_string(),
        });
    }
    if let Some(kind) = binary_kind(&bytes) {
        return Err(ReadError::UnknownFormat {
            file: file.to_string(),
            reason: format!("the file is {kind}, not a contact export"),
        });
    }
    // A vCard's cards are decoded one by one, each property in its own CHARSET.
    let mut decoded = text::decode(&bytes);
    // Bytes that are not UTF-8 as a whole may be a vCard's cards, each in its own encoding.
    let guessed = decoded.had_errors || !decoded.encoding.starts_with("UTF");
    if guessed && let Some(cards) = vcard::decode(&bytes) {
        decoded = cards;
    }
    drop(bytes);
    info.encoding = Some(decoded.encoding);
    if decoded.had_errors {
        info.notes.push(format!(
            "some bytes were not valid {}; replaced",
            decoded.encoding
        ));
    }
    let mut text = decoded.text;
    if jsonl::is_contacts_jsonl(&text) {
        let source = jsonl::open(file, text, &mut info);
        return Ok(Opened {
            info,
            bytes: size,
            records: Box::new(source),
        });
    }
    if mecard::is_mecard(&text) {
        let items = mecard::open(file, &text, &mut info);
        return Ok(Opened {
            info,
            bytes: size,
            records: Box::new(items.into_iter()),
        });
    }
    if ext == "txt" && card::is_card_text(&text) {
        info.format = "card text";
        let prov = Provenance {
            file: file.into(),
            sheet: None,
            record: 1,
        };
        let lines = card::text_lines(&text);
        let readings = card::parse(&lines);
        let mut record = RawRecord::new(prov, text.clone());
        card::fill(&mut record, readings, text.trim());
        return Ok(Opened {
            info,
            bytes: size,
            records: Box::new(std::iter::once(Ok(record))),
        });
    }
    if is_vcard(&text) || matches!(ext.as_str(), "vcf" | "vcard") {
        info.format = "vcard";
        if !is_vcard(&text) {
            // Some writers leave out or misspell BEGIN:VCARD; properties alone are one card.
            text = bare_properties_as_card(&text).ok_or_else(|| ReadError::Corrupt {
                file: file.to_string(),
                reason: "no BEGIN:VCARD and no vCard properties found: not a vCard file".into(),
            })?;
            info.notes
                .push("no BEGIN:VCARD line: the properties were read as one card".into());
        }
        let source = vcard::open(file, text, &mut info);
        return Ok(Opened {
            info,
            bytes: size,
            records: Box::new(source),
        });
    }
    if html::is_html_table(&text) {
        info.format = "html table";
        let source = csv::open(file, html::table_as_tsv(&text), &mut info, opts);
        return Ok(Opened {
            info,
            bytes: size,
            records: Box::new(source),
        });
    }
    info.format = "csv";
    let source = csv::open(file, text, &mut info, opts);
    Ok(Opened {
        info,
        bytes: size,
        records: Box::new(source),
    })
}

/// A file made of cards: a `BEGIN:VCARD` line near the top, and the first line a vCard
/// property (`BEGIN:VCARD` itself, or one of a card missing it). A CSV whose notes cell holds a
/// card starts with its header, and stays a CSV.
fn is_vcard(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(|l| l.trim_start_matches('\u{feff}').trim())
        .filter(|l| !l.is_empty());
    let first_is_property = lines.next().is_some_and(|l| {
        let name = l.split([':', ';']).next().unwrap_or_default();
        l.len() > name.len()
            && !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'))
    });
    first_is_property
        && text.lines().take(50).any(|l| {
            l.trim_start_matches('\u{feff}')
                .trim()
                .eq_ignore_ascii_case("BEGIN:VCARD")
        })
}

/// A file of vCard properties without a (correct) `BEGIN:VCARD`, wrapped as one card; `None`
/// when it has no name, email or phone property.
fn bare_properties_as_card(text: &str) -> Option<String> {
    let is_property = |line: &str, names: &[&str]| {
        let upper = line.trim_start().to_ascii_uppercase();
        names.iter().any(|n| {
            upper
                .strip_prefix(n)
                .is_some_and(|rest| rest.starts_with([':', ';']))
        })
    };
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| {
            !is_property(l, &["BEGIN", "END"])
                && !l.trim().to_ascii_uppercase().starts_with("BEGIN:VCAR")
        })
        .collect();
    if !lines
        .iter()
        .any(|l| is_property(l, &["FN", "N", "EMAIL", "TEL"]))
    {
        return None;
    }
    Some(format!(
        "BEGIN:VCARD\r\n{}\r\nEND:VCARD\r\n",
        lines.join("\r\n")
    ))
}

/// The BOF record of an Excel 2, 3 or 4 worksheet, which has no OLE container.
pub(crate) fn is_biff(bytes: &[u8]) -> bool {
    bytes.len() > 4 && bytes[0] == 0x09 && matches!(bytes[1], 0x00 | 0x02 | 0x04)
}

/// Recognises binary files that are no contact export at all, by their signatures or by NUL
/// bytes that are not UTF-16.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"\x1F\x8B", "gzip-compressed"),
        (b"SQLite format 3", "an SQLite database"),
        (b"\x7FELF", "a program"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(1 << 16)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    let utf16 = encoding_rs::Encoding::for_bom(bytes).is_some() || nuls * 3 > head.len();
    if utf16 {
        return None;
    }
    // Text has no NUL, and almost no other control bytes: random or compressed data has one
    // byte in ten. A few (an ESC in a hostile name, a form feed) are still text: one in twenty
    // is not.
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A))
        .count();
    (nuls > 0 || controls > 8 && controls * 20 > head.len()).then_some("binary data")
}

/// The most text one record may hold (a pasted document is no contact): a record past it is
/// rejected with its size.
pub const MAX_RECORD: usize = 10 << 20;

/// The most of a record's original text a reject keeps: an oversized record keeps its first
/// megabyte, and says how much more the file holds at that record.
const MAX_REJECT_RAW: usize = 1 << 20;

/// A reject's original text, cut to [`MAX_REJECT_RAW`] at a character boundary.
pub fn kept_raw(mut raw: String) -> String {
    let total = raw.len();
    if total > MAX_REJECT_RAW {
        let at = (0..=MAX_REJECT_RAW)
            .rev()
            .find(|&i| raw.is_char_boundary(i))
            .unwrap_or(0);
        raw.truncate(at);
        mark_cut(&mut raw, total);
    }
    raw
}

/// The original text of an oversized record from its bytes, cut as [`kept_raw`] cuts it.
pub fn kept_raw_bytes(bytes: &[u8]) -> String {
    let mut raw = String::from_utf8_lossy(&bytes[..bytes.len().min(MAX_REJECT_RAW)]).into_owned();
    // A character cut in two at the end is no character.
    while raw.ends_with('\u{fffd}') && bytes.len() > MAX_REJECT_RAW {
        raw.pop();
    }
    if bytes.len() > MAX_REJECT_RAW {
        mark_cut(&mut raw, bytes.len());
    }
    raw
}

fn mark_cut(raw: &mut String, total: usize) {
    let more = total.saturating_sub(raw.len());
    raw.push_str(&format!(
        " [… {more} more bytes not kept here: they are in the file at this record]"
    ));
}

pub(crate) fn reject(prov: Provenance, reason: String, raw: String) -> Reject {
    Reject { prov, reason, raw }
}
