//! The codes printed on badges and business cards (QR, PDF417, Aztec, Data Matrix and the
//! one-dimensional barcodes), found and decoded in an image by `rxing`, a port of ZXing.

use image::GrayImage;

/// One code found in an image: its symbology, its text and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// `QR code`, `PDF417`, `Code 128`...
    pub symbology: String,
    pub payload: String,
    /// The centre of the code in the image, in pixels.
    pub at: (u32, u32),
    /// The box around the points the reader found (a QR code's finder patterns), in pixels:
    /// left, top, right, bottom.
    pub bounds: (f32, f32, f32, f32),
}

/// What a code's payload is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payload {
    VCard,
    Mecard,
    /// A `http(s)` link, a `mailto:`, a `tel:`.
    Link,
    /// Anything else: an attendee or order number, which names nobody by itself.
    Id,
}

impl Payload {
    pub fn of(text: &str) -> Payload {
        let head = text.trim_start().to_ascii_uppercase();
        if head.starts_with("BEGIN:VCARD") {
            Payload::VCard
        } else if head.starts_with("MECARD:") || head.starts_with("BIZCARD:") {
            Payload::Mecard
        } else if ["HTTP://", "HTTPS://", "MAILTO:", "TEL:", "WWW."]
            .iter()
            .any(|p| head.starts_with(p))
            && !text.trim().contains(char::is_whitespace)
        {
            Payload::Link
        } else {
            Payload::Id
        }
    }
}

/// Every code in the image, top to bottom, then left to right. An image with none gives an
/// empty list: a code that cannot be read is no code.
pub fn find(image: &GrayImage) -> Vec<Code> {
    let (width, height) = image.dimensions();
    if width < 20 || height < 20 {
        return Vec::new();
    }
    let luma = image.as_raw().clone();
    // The symbologies of badges and cards. Retail codes (EAN, UPC) and ITF are left out: no
    // badge carries them, and in the print of a card they are found where there is none.
    use rxing::BarcodeFormat as F;
    let mut hints = rxing::DecodeHints {
        PossibleFormats: Some(
            [
                F::QR_CODE,
                F::MICRO_QR_CODE,
                F::PDF_417,
                F::AZTEC,
                F::DATA_MATRIX,
                F::CODE_128,
                F::CODE_39,
                F::CODE_93,
            ]
            .into_iter()
            .collect(),
        ),
        ..rxing::DecodeHints::default()
    };
    let found = rxing::helpers::detect_multiple_in_luma_with_hints(luma, width, height, &mut hints)
        .unwrap_or_default();
    let mut codes: Vec<Code> = found
        .iter()
        .map(|r| {
            let points = r.getPoints();
            let n = points.len().max(1) as f32;
            let (x, y) = points
                .iter()
                .fold((0.0, 0.0), |(x, y), p| (x + p.x / n, y + p.y / n));
            let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
            for p in points {
                x0 = x0.min(p.x);
                y0 = y0.min(p.y);
                x1 = x1.max(p.x);
                y1 = y1.max(p.y);
            }
            Code {
                symbology: symbology(r.getBarcodeFormat()),
                payload: r.getText().to_string(),
                at: (x.max(0.0) as u32, y.max(0.0) as u32),
                bounds: (x0, y0, x1, y1),
            }
        })
        .collect();
    // The same code found twice (the reader scans the image in parts) is one code.
    codes.sort_by_key(|c| (c.at.1 / 50, c.at.0));
    let mut seen = std::collections::HashSet::new();
    codes.retain(|c| seen.insert(c.payload.clone()));
    codes
}

/// The image with its codes painted over in white: a code is no printed text, and OCR reads
/// its modules as letters. A two-dimensional code's points (a QR code's finder patterns) lie
/// inside its edges, by a tenth of their spacing in a code of 40 modules (3.5 of 33); the box
/// is widened by 15%, as print close to a code is common and its outer modules read as noise.
/// A barcode's points lie on one line across its bars, which stand a fifth of its width above
/// and below.
pub fn blank(image: &GrayImage, codes: &[Code]) -> GrayImage {
    let mut out = image.clone();
    let (w, h) = image.dimensions();
    for code in codes {
        let (x0, y0, x1, y1) = code.bounds;
        if x0 > x1 || y0 > y1 {
            continue;
        }
        let (cw, ch) = (x1 - x0, y1 - y0);
        let (mx, my) = if ch < cw * 0.2 {
            (cw * 0.05, (cw * 0.2).max(10.0))
        } else if cw < ch * 0.2 {
            ((ch * 0.2).max(10.0), ch * 0.05)
        } else {
            (cw * 0.15, ch * 0.15)
        };
        let clamp = |v: f32, max: u32| v.max(0.0).min(max as f32) as u32;
        let (ax, ay) = (clamp(x0 - mx, w), clamp(y0 - my, h));
        let (bx, by) = (clamp(x1 + mx, w), clamp(y1 + my, h));
        for y in ay..by {
            for x in ax..bx {
                out.put_pixel(x, y, image::Luma([255]));
            }
        }
    }
    out
}

fn symbology(format: &rxing::BarcodeFormat) -> String {
    use rxing::BarcodeFormat as F;
    match format {
        F::QR_CODE => "QR code",
        F::MICRO_QR_CODE | F::RECTANGULAR_MICRO_QR_CODE => "Micro QR code",
        F::PDF_417 => "PDF417",
        F::AZTEC => "Aztec code",
        F::DATA_MATRIX => "Data Matrix",
        F::CODE_128 => "Code 128",
        F::CODE_39 => "Code 39",
        F::CODE_93 => "Code 93",
        _ => "barcode",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_kinds() {
        assert_eq!(
            Payload::of("BEGIN:VCARD\r\nFN:A\r\nEND:VCARD"),
            Payload::VCard
        );
        assert_eq!(Payload::of("MECARD:N:Owen,Sean;;"), Payload::Mecard);
        assert_eq!(Payload::of("bizcard:N:Sean;X:Owen;;"), Payload::Mecard);
        assert_eq!(
            Payload::of("https://www.linkedin.com/in/sean-owen"),
            Payload::Link
        );
        assert_eq!(Payload::of("mailto:sean@example.com"), Payload::Link);
        assert_eq!(Payload::of("ATT-2026-004512"), Payload::Id);
        assert_eq!(Payload::of("https://x.example/ a note"), Payload::Id);
    }
}
