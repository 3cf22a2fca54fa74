//! Decoding a file's bytes to UTF-8: byte-order marks, UTF-16, and legacy code pages guessed
//! with `chardetng` when the bytes are not UTF-8.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from a file, and the name of the encoding it was in.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Bytes that were not valid in the detected encoding were replaced by U+FFFD.
    pub had_errors: bool,
}

/// Decodes `bytes`: a BOM decides; else valid UTF-8 is UTF-8; else UTF-16 without a BOM is
/// recognised by its zero bytes; else `chardetng` guesses the legacy encoding.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    // UTF-16 of ASCII text is valid UTF-8 too (with NULs), so it is recognised first.
    if let Some(encoding) = utf16_without_bom(bytes) {
        return decode_with(encoding, bytes);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_string(),
            encoding: UTF_8.name(),
            had_errors: false,
        };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    decode_with(encoding, bytes)
}

/// Decodes with a named encoding (a vCard's or an option's `CHARSET`), if it is one we know.
pub fn decode_with_label(label: &str, bytes: &[u8]) -> Option<String> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?;
    Some(decode_with(encoding, bytes).text)
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        had_errors,
    }
}

/// Text in UTF-16 without a BOM has a zero byte in every other position for ASCII characters.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zeros = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zeros = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zeros * 10 > pairs * 6 && even_zeros * 10 < pairs {
        Some(UTF_16LE)
    } else if even_zeros * 10 > pairs * 6 && odd_zeros * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_removed() {
        let d = decode(b"\xEF\xBB\xBFName\n");
        assert_eq!(d.text, "Name\n");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16le_with_bom() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Jürgen".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let d = decode(&bytes);
        assert_eq!(d.text, "Jürgen");
        assert_eq!(d.encoding, "UTF-16LE");
    }

    #[test]
    fn utf16be_without_bom() {
        let bytes: Vec<u8> = "Name,Email\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        let d = decode(&bytes);
        assert_eq!(d.text, "Name,Email\n");
        assert_eq!(d.encoding, "UTF-16BE");
    }

    #[test]
    fn windows_1252_is_guessed() {
        let d = decode(b"Name;Firma\nJ\xFCrgen M\xFCller;B\xE4ckerei Sch\xF6n GmbH\n");
        assert!(d.text.contains("Jürgen Müller"), "{}", d.text);
        assert!(d.text.contains("Bäckerei Schön"));
        assert_eq!(d.encoding, "windows-1252");
    }
}
