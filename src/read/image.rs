//! Photos of business cards and badges (`.jpg`, `.png`): the codes on them decoded first, the
//! printed text read by OCR where no code holds a contact.
//!
//! Each code is a record of the image (numbered top to bottom); a code that holds only an
//! attendee or order number is a reject with its payload, for the user to look up in the
//! event's export. The card's text read by OCR is one more record. Every record keeps the
//! image as its photo, so that the card can be looked at again.

use std::sync::Arc;

use image::{DynamicImage, GrayImage};

use super::codes::{self, Code, Payload};
use super::ocr::{self, OcrError, Page};
use super::{FileInfo, Item, ReadError, card, mapping};
use crate::model::{Field, Provenance, RawRecord};

/// What was found in an image, for the summary and `rolo doctor`.
#[derive(Debug, Clone, Default)]
pub struct Capture {
    pub width: u32,
    pub height: u32,
    pub codes: Vec<Code>,
    /// The text read by OCR, where it was read.
    pub page: Option<Page>,
    /// The values the text became, each with the line it came from.
    pub readings: Vec<card::Reading>,
}

/// Whether the bytes are an image rolo reads, and which.
pub fn kind(bytes: &[u8]) -> Option<image::ImageFormat> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(image::ImageFormat::Png)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(image::ImageFormat::Jpeg)
    } else {
        None
    }
}

/// Whether the bytes are a HEIF/HEIC photo (an iPhone's default), which rolo does not decode.
pub fn is_heic(bytes: &[u8]) -> bool {
    bytes.len() > 12
        && &bytes[4..8] == b"ftyp"
        && matches!(
            &bytes[8..12],
            b"heic" | b"heix" | b"hevc" | b"heim" | b"heis" | b"mif1" | b"msf1" | b"avif"
        )
}

/// The most pixels an image may have: a 50-megapixel phone photo, with room to spare.
const MAX_PIXELS: u64 = 80_000_000;

/// The longest side of the copy of the photo kept with a contact.
const PHOTO_SIDE: u32 = 1600;

/// Decodes an image, turned upright as its EXIF orientation says.
pub fn decode(file: &str, bytes: &[u8]) -> Result<DynamicImage, ReadError> {
    use image::ImageDecoder;
    let corrupt = |reason: String| ReadError::Corrupt {
        file: file.to_string(),
        reason,
    };
    let format = kind(bytes).ok_or_else(|| corrupt("not a JPEG or PNG image".into()))?;
    // A decoder fills what is missing of a photo cut short with grey: it is no photo of a card.
    if !is_whole(bytes, format) {
        return Err(corrupt(
            "the image is cut short: its end is missing (copy or download it again)".into(),
        ));
    }
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 4);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| corrupt(format!("the image cannot be decoded: {e}")))?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(corrupt(format!(
            "the image is {w}×{h} pixels, more than the {} megapixels rolo reads",
            MAX_PIXELS / 1_000_000
        )));
    }
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder)
        .map_err(|e| corrupt(format!("the image cannot be decoded: {e}")))?;
    if let Some(o) = orientation {
        image.apply_orientation(o);
    }
    Ok(image)
}

/// Whether an image has its end: a JPEG's end-of-image marker after its last scan, a PNG's
/// `IEND` chunk.
fn is_whole(bytes: &[u8], format: image::ImageFormat) -> bool {
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).rposition(|w| w == needle);
    match format {
        image::ImageFormat::Jpeg => match find(bytes, &[0xFF, 0xDA]) {
            Some(scan) => find(&bytes[scan..], &[0xFF, 0xD9]).is_some(),
            None => false,
        },
        image::ImageFormat::Png => {
            find(&bytes[bytes.len().saturating_sub(64)..], b"IEND").is_some()
        }
        _ => true,
    }
}

/// The photo kept with the contact: the file as it is where it is small, else a JPEG copy no
/// larger than [`PHOTO_SIDE`].
fn photo(bytes: &[u8], image: &DynamicImage) -> String {
    use base64::Engine;
    let (mime, data) = if bytes.len() <= 1 << 20 {
        let mime = match kind(bytes) {
            Some(image::ImageFormat::Png) => "image/png",
            _ => "image/jpeg",
        };
        (mime, bytes.to_vec())
    } else {
        let small = image.resize(
            PHOTO_SIDE,
            PHOTO_SIDE,
            image::imageops::FilterType::Triangle,
        );
        let mut out = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
        if small.to_rgb8().write_with_encoder(encoder).is_err() {
            return String::new();
        }
        ("image/jpeg", out)
    };
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(data)
    )
}

/// Reads an image file into records.
pub fn read(
    file: &str,
    bytes: &[u8],
    info: &mut FileInfo,
    opts: &mapping::Options,
) -> Result<Vec<Item>, ReadError> {
    info.format = "image";
    let image = decode(file, bytes)?;
    let grey = image.to_luma8();
    let (capture, items) = capture(file, bytes, &image, &grey, info, opts)?;
    let found = match (&capture.codes.is_empty(), &capture.page) {
        (false, Some(_)) => "codes and printed text",
        (false, None) => "a code",
        (true, Some(p)) if !p.lines.is_empty() => "printed text (OCR)",
        _ => "nothing readable",
    };
    info.notes.push(format!(
        "{}×{} image: {found}{}",
        capture.width,
        capture.height,
        capture
            .codes
            .iter()
            .map(|c| format!("; {} ({})", c.symbology, describe(Payload::of(&c.payload))))
            .collect::<String>()
    ));
    info.capture = Some(Box::new(capture));
    Ok(items)
}

fn describe(payload: Payload) -> &'static str {
    match payload {
        Payload::VCard => "vCard",
        Payload::Mecard => "MECARD/BIZCARD",
        Payload::Link => "link",
        Payload::Id => "an id, no contact",
    }
}

/// Decodes the codes of an image and, where none holds a contact, reads its printed text.
pub fn capture(
    file: &str,
    bytes: &[u8],
    image: &DynamicImage,
    grey: &GrayImage,
    info: &mut FileInfo,
    opts: &mapping::Options,
) -> Result<(Capture, Vec<Item>), ReadError> {
    let file_arc: Arc<str> = file.into();
    let mut capture = Capture {
        width: grey.width(),
        height: grey.height(),
        codes: codes::find(grey),
        ..Capture::default()
    };
    let photo = photo(bytes, image);
    let mut items: Vec<Item> = Vec::new();
    let prov = |n: usize| Provenance {
        file: file_arc.clone(),
        sheet: None,
        record: n as u64,
    };
    let several = capture.codes.len() > 1;
    // A company's web page in a code names no one: it goes with the card's printed text.
    let (pages, people): (Vec<&Code>, Vec<&Code>) = capture
        .codes
        .iter()
        .partition(|c| Payload::of(&c.payload) == Payload::Link && is_web_page(&c.payload));
    for code in people {
        let at = format!(
            "{} at ({}, {}) of the image",
            code.symbology, code.at.0, code.at.1
        );
        let mut sub = FileInfo::default();
        let read: Vec<Item> = match Payload::of(&code.payload) {
            Payload::VCard => super::vcard::open(file, code.payload.clone(), &mut sub).collect(),
            Payload::Mecard => super::mecard::open(file, &code.payload, &mut sub),
            Payload::Link => vec![Ok(link(prov(0), &code.payload))],
            Payload::Id => vec![Err(super::reject(
                prov(0),
                format!(
                    "the {at} holds only an id, no contact: look \"{}\" up in the event's lead export",
                    code.payload.trim()
                ),
                code.payload.clone(),
            ))],
        };
        for item in read {
            let n = items.len() + 1;
            items.push(match item {
                Ok(mut record) => {
                    record.prov = prov(n);
                    if several {
                        record.warnings.push(format!("read from the {at}"));
                    }
                    record.push(Field::Photo, &photo);
                    Ok(record)
                }
                Err(mut reject) => {
                    reject.prov = prov(n);
                    Err(reject)
                }
            });
        }
    }
    // Printed text is read where no code gave a contact.
    if items.iter().any(Result::is_ok) {
        for code in pages {
            let mut record = link(prov(items.len() + 1), &code.payload);
            record.push(Field::Photo, &photo);
            items.push(Ok(record));
        }
        return Ok((capture, items));
    }
    let without_codes = (!capture.codes.is_empty()).then(|| codes::blank(grey, &capture.codes));
    let page = read_text(
        without_codes.as_ref().unwrap_or(grey),
        opts,
        &mut info.notes,
    )
    .map_err(|e| match e {
        OcrError::Missing => ReadError::OcrMissing {
            file: file.to_string(),
        },
        OcrError::Failed(reason) => ReadError::Corrupt {
            file: file.to_string(),
            reason: format!("the printed text cannot be read: {reason}"),
        },
    })?;
    let text = page.text();
    let readings = card::parse(&page.lines);
    let n = items.len() + 1;
    if readings.is_empty() && pages.is_empty() {
        let why = if page.lines.is_empty() {
            "no code and no printed text found in the image"
        } else {
            "no name, email, phone or link in the text read from the image"
        };
        items.push(Err(super::reject(prov(n), why.into(), text)));
    } else {
        let mut record = RawRecord::new(prov(n), text.clone());
        if !readings.is_empty() {
            if !page.flattened {
                record
                    .warnings
                    .push("no card edges found in the photo: read as it is".into());
            }
            card::fill(&mut record, readings.clone(), &text);
        }
        for code in &pages {
            record.push(Field::Url, code.payload.trim());
        }
        record.push(Field::Photo, &photo);
        items.push(Ok(record));
    }
    capture.readings = readings;
    capture.page = Some(page);
    Ok((capture, items))
}

/// The printed text of a photo, read in the languages asked for; read again in the card's own
/// language first where its address or phone numbers say it is printed in another.
fn read_text(
    grey: &GrayImage,
    opts: &mapping::Options,
    notes: &mut Vec<String>,
) -> Result<Page, OcrError> {
    let languages = ocr::languages(opts.ocr_lang.as_deref(), notes)?;
    let (prepared, flattened) = ocr::prepare(grey);
    let page = ocr::recognize(&prepared, flattened, &languages)?;
    let own = card::language_country(&card::parse(&page.lines)).map(card::language_of);
    let first = languages.split('+').next().unwrap_or_default();
    let installed = ocr::installed_languages()?;
    match own {
        Some(lang) if lang != first && installed.iter().any(|l| l == lang) => {
            let others = languages.split('+').filter(|l| *l != lang);
            let again: Vec<&str> = std::iter::once(lang).chain(others).collect();
            ocr::recognize(&prepared, flattened, &again.join("+"))
        }
        Some(_) => Ok(page),
        // Words Tesseract is unsure of, and nothing that says the card's language: read again
        // with the languages of the cards rolo knows that are installed, and keep the reading
        // Tesseract is surer of.
        None if page.lines.iter().any(|l| l.confidence < card::TRUSTED) => {
            let mut again: Vec<&str> = languages.split('+').collect();
            for lang in ["deu", "fra", "spa", "ita", "nld", "por"] {
                if again.len() < 5 && !again.contains(&lang) && installed.iter().any(|l| l == lang)
                {
                    again.push(lang);
                }
            }
            if again.len() == languages.split('+').count() {
                return Ok(page);
            }
            let second = ocr::recognize(&prepared, flattened, &again.join("+"))?;
            Ok(if second.confidence() > page.confidence() {
                second
            } else {
                page
            })
        }
        None => Ok(page),
    }
}

/// Whether a link is a page (`https://acme.com`) rather than a person's profile, address or
/// number.
fn is_web_page(payload: &str) -> bool {
    let lower = payload.trim().to_ascii_lowercase();
    !lower.starts_with("mailto:")
        && !lower.starts_with("tel:")
        && !lower.contains("linkedin.com/in/")
}

/// A record of a code that holds a link: a LinkedIn profile, a `mailto:`, a `tel:`, a page.
fn link(prov: Provenance, payload: &str) -> RawRecord {
    let payload = payload.trim();
    let mut record = RawRecord::new(prov, payload.to_string());
    let lower = payload.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("mailto:") {
        let address = &payload[payload.len() - rest.len()..];
        let address = address.split('?').next().unwrap_or_default();
        record.push(Field::Email, address);
    } else if lower.starts_with("tel:") {
        record.push(Field::Phone, &payload[4..]);
    } else if lower.contains("linkedin.com/in/") {
        record.push(Field::LinkedIn, payload);
    } else {
        record.push(Field::Url, payload);
    }
    record
}
