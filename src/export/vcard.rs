//! vCard output: 3.0 (RFC 2426), what iPhone, Android and Google Contacts import best, and 4.0
//! (RFC 6350). One card per contact with every email, phone, URL, organization and title; the
//! notes and the events met at in `NOTE`; the event names in `CATEGORIES`; a stable `UID`.
//!
//! Values are escaped per the RFCs and lines folded at 75 octets, never inside a UTF-8
//! character. rolo's own properties (`X-ROLO-EVENT` with the day met, `X-ROLO-RATING`) let a
//! card read back give the same contact; other programs keep or ignore them.

use std::io::{self, Write};

use sha2::{Digest, Sha256};

use crate::model::Contact;
use crate::normalize::event;

/// Which vCard version to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V3,
    V4,
}

pub fn write_contacts_vcf(
    w: &mut dyn Write,
    contacts: &[Contact],
    version: Version,
) -> io::Result<()> {
    let mut card = String::new();
    for c in contacts {
        card.clear();
        write_card(&mut card, c, version);
        w.write_all(card.as_bytes())?;
    }
    Ok(())
}

fn write_card(out: &mut String, c: &Contact, version: Version) {
    let v4 = version == Version::V4;
    line(out, "BEGIN", "VCARD");
    line(out, "VERSION", if v4 { "4.0" } else { "3.0" });
    line(out, "PRODID", "-//rolo//EN");
    line(out, "UID", &uid(&c.id));
    // A card for an organization, not a person: phones show it under the organization's name.
    if c.name.is_empty() && c.nickname.is_none() && !c.organizations.is_empty() {
        if v4 {
            line(out, "KIND", "org");
        } else {
            line(out, "X-ABShowAs", "COMPANY");
        }
    }
    line(out, "FN", &text(&c.display_name()));
    let n = &c.name;
    let parts = [&n.family, &n.given, &n.middle, &n.prefix, &n.suffix]
        .map(|p| text(p.as_deref().unwrap_or_default()));
    line(out, "N", &parts.join(";"));
    if let Some(nick) = &c.nickname {
        line(out, "NICKNAME", &text(nick));
    }
    for (i, org) in c.organizations.iter().enumerate() {
        // The departments known belong to the current organization.
        let mut value = text(org);
        if i == 0 {
            for dept in &c.departments {
                value.push(';');
                value.push_str(&text(dept));
            }
        }
        line(out, "ORG", &value);
    }
    for title in &c.titles {
        line(out, "TITLE", &text(title));
    }
    for (i, email) in c.emails.iter().enumerate() {
        let name = match (v4, i) {
            (true, 0) => "EMAIL;PREF=1",
            (true, _) => "EMAIL",
            (false, 0) => "EMAIL;TYPE=INTERNET,PREF",
            (false, _) => "EMAIL;TYPE=INTERNET",
        };
        line(out, name, &text(email));
    }
    for (i, phone) in c.phones.iter().enumerate() {
        let ext = c
            .extensions
            .iter()
            .find(|(number, _)| number == phone)
            .map(|(_, e)| e.as_str());
        let (name, value) = match (v4, ext) {
            (true, Some(e)) => ("TEL;VALUE=uri", format!("tel:{phone};ext={e}")),
            (true, None) => ("TEL;VALUE=uri", format!("tel:{phone}")),
            (false, Some(e)) => ("TEL;TYPE=VOICE", format!("{phone} ext. {e}")),
            (false, None) => ("TEL;TYPE=VOICE", phone.clone()),
        };
        let name = match (v4, i) {
            (true, 0) => "TEL;VALUE=uri;PREF=1",
            (false, 0) => "TEL;TYPE=VOICE,PREF",
            _ => name,
        };
        line(out, name, &value);
    }
    for url in &c.urls {
        line(out, "URL", url);
    }
    if let Some(b) = &c.birthday {
        match b.strip_prefix("--") {
            // Apple's way of a birthday without its year, which Google reads too.
            Some(md) if !v4 => line(out, "BDAY;X-APPLE-OMIT-YEAR=1604", &format!("1604-{md}")),
            Some(md) => line(out, "BDAY", &format!("--{}", md.replace('-', ""))),
            None => line(out, "BDAY", b),
        }
    }
    let mut note = c.notes.join("\n\n");
    if !c.events.is_empty() {
        if !note.is_empty() {
            note.push_str("\n\n");
        }
        note.push_str(&event::met_note(&c.events));
    }
    if !note.is_empty() {
        line(out, "NOTE", &text(&note));
    }
    let categories: Vec<String> = c
        .events
        .iter()
        .map(|e| &e.name)
        .chain(
            c.tags
                .iter()
                .filter(|t| !c.events.iter().any(|e| e.name == **t)),
        )
        .map(|name| text(name))
        .collect();
    if !categories.is_empty() {
        line(out, "CATEGORIES", &categories.join(","));
    }
    for e in &c.events {
        line(out, "X-ROLO-EVENT", &text(&event::render(e)));
    }
    if let Some(r) = c.rating {
        line(out, "X-ROLO-RATING", r.as_str());
    }
    line(out, "END", "VCARD");
}

/// A stable `urn:uuid:` from the contact's id (a name-based UUID, version 5 layout), so that a
/// phone re-importing the export updates its cards instead of adding copies.
fn uid(id: &str) -> String {
    let digest = Sha256::digest(format!("rolo:{id}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&digest[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// A text value: backslash, newline, comma and semicolon escaped (RFC 6350 3.4; RFC 2426 5;
/// iCalendar's RFC 5545 3.3.11 escapes the same).
pub(super) fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("\\n"),
            other => out.push(other),
        }
    }
    out
}

/// Writes `NAME:value` folded at 75 octets (vCard and iCalendar alike): a continuation line starts with a space, and no
/// UTF-8 character is cut in two.
pub(super) fn line(out: &mut String, name: &str, value: &str) {
    const WIDTH: usize = 75;
    let whole = format!("{name}:{value}");
    let mut width = 0;
    for ch in whole.chars() {
        let len = ch.len_utf8();
        if width + len > WIDTH {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        line(&mut out, "NOTE", &"é".repeat(100));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("NOTE:{}\r\n", "é".repeat(100)));
    }

    #[test]
    fn text_escapes_what_the_rfcs_reserve() {
        assert_eq!(text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn the_uid_is_stable_and_a_uuid() {
        assert_eq!(uid("abc"), uid("abc"));
        assert_ne!(uid("abc"), uid("abd"));
        let u = uid("abc");
        assert_eq!(u.len(), "urn:uuid:".len() + 36);
        assert_eq!(&u["urn:uuid:".len() + 14..][..1], "5");
    }
}
