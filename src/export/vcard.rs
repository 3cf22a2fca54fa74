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

/// The line that opens the paragraph of a CSV layout's notes holding what the layout has no
/// column for, one vCard 4.0 property a line; rolo reads it back into those values.
pub const MORE_DETAILS: &str = "More details (vCard):";

/// The paragraph of [`MORE_DETAILS`] for the values of `rest` (a contact holding only what a
/// layout could not place), or nothing when it holds none.
pub(super) fn more_details(rest: &Contact) -> Option<String> {
    let mut card = String::new();
    write_card(&mut card, rest, Version::V4);
    let unfolded = card.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded
        .split("\r\n")
        .filter(|l| {
            let name = l.split([':', ';']).next().unwrap_or_default();
            let name = name.rsplit('.').next().unwrap_or_default();
            let card = matches!(
                name,
                "BEGIN" | "END" | "VERSION" | "PRODID" | "FN" | "N" | "KIND" | "X-ROLO-ID"
            );
            let made_up_uid = name == "UID" && rest.details.uids.is_empty();
            let shown = name == "FN" && rest.name.display.is_some();
            !(l.is_empty() || (card && !shown) || made_up_uid)
        })
        .collect();
    (!lines.is_empty()).then(|| format!("{MORE_DETAILS}\n{}", lines.join("\n")))
}

fn write_card(out: &mut String, c: &Contact, version: Version) {
    let v4 = version == Version::V4;
    let d = &c.details;
    let mut groups = Groups::default();
    line(out, "BEGIN", "VCARD");
    line(out, "VERSION", if v4 { "4.0" } else { "3.0" });
    line(out, "PRODID", "-//rolo//EN");
    // A contact of one card keeps that card's UID, so that a phone or a CardDAV server updates
    // the card; one of several cards gets its own, stable from one export to the next.
    let uid = match d.uids.as_slice() {
        [one] => text(one),
        _ => uid(&c.id),
    };
    line(out, "UID", &uid);
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
    let ph = &d.phonetic;
    for (name, value) in [
        ("X-PHONETIC-FIRST-NAME", &ph.given),
        ("X-PHONETIC-MIDDLE-NAME", &ph.middle),
        ("X-PHONETIC-LAST-NAME", &ph.family),
        ("X-PHONETIC-ORG", &ph.organization),
    ] {
        if let Some(v) = value {
            line(out, name, &text(v));
        }
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
    if let Some(role) = &d.role {
        line(out, "ROLE", &text(role));
    }
    for (i, e) in c.email_entries().iter().enumerate() {
        let mut types = e.types.clone();
        if !v4 {
            types.insert(0, "internet".into());
        }
        let name = property("EMAIL", &types, i == 0, v4);
        groups.line(out, &name, &text(&e.value), e.label.as_deref());
    }
    for (i, p) in c.phone_entries().iter().enumerate() {
        let pref = i == 0;
        let (name, value) = match (&p.e164, v4) {
            (Some(e164), true) => {
                let value = match &p.extension {
                    Some(x) => format!("tel:{e164};ext={x}"),
                    None => format!("tel:{e164}"),
                };
                (
                    format!("TEL;VALUE=uri{}", params(&p.types, pref, v4)),
                    value,
                )
            }
            (Some(e164), false) => {
                let value = match &p.extension {
                    Some(x) => format!("{e164} ext. {x}"),
                    None => e164.to_string(),
                };
                (property("TEL", &p.types, pref, v4), value)
            }
            // A number that could not be read is written as it was given.
            (None, true) => (
                format!("TEL;VALUE=text{}", params(&p.types, pref, v4)),
                text(&p.value),
            ),
            (None, false) => (property("TEL", &p.types, pref, v4), text(&p.value)),
        };
        groups.line(out, &name, &value, p.label.as_deref());
    }
    for a in &d.addresses {
        let parts: Vec<String> = a.parts()[..7]
            .iter()
            .map(|p| text(p.as_deref().unwrap_or_default()))
            .collect();
        let has_parts = a.parts()[..7].iter().any(|p| p.is_some());
        let mut name = property("ADR", &a.types, false, v4);
        match (&a.formatted, v4) {
            (Some(f), true) => {
                name.push_str(";LABEL=");
                name.push_str(&param_value(f));
                groups.line(out, &name, &parts.join(";"), a.label.as_deref());
            }
            (Some(f), false) => {
                // vCard 3.0 gives the formatted text as a `LABEL` of the same types.
                let label_name = property("LABEL", &a.types, false, v4);
                if has_parts {
                    groups.line(out, &name, &parts.join(";"), a.label.as_deref());
                    line(out, &label_name, &text(f));
                } else {
                    groups.line(out, &label_name, &text(f), a.label.as_deref());
                }
            }
            (None, _) => groups.line(out, &name, &parts.join(";"), a.label.as_deref()),
        }
    }
    for (i, u) in c.url_entries().iter().enumerate() {
        let name = property("URL", &u.types, i == 0 && c.urls.len() > 1, v4);
        groups.line(out, &name, &u.value, u.label.as_deref());
    }
    for im in &d.ims {
        let name = property("IMPP", &im.types, false, v4);
        groups.line(out, &name, &im.value, im.label.as_deref());
    }
    for r in &d.related {
        let standard = r.relation.as_deref().filter(|t| RELATED_TYPES.contains(t));
        match (v4, standard, &r.value) {
            (true, _, Some(uri)) => {
                let name = property("RELATED", standard.as_slice(), false, v4);
                let label = r.relation.as_deref().filter(|_| standard.is_none());
                groups.line(out, &name, uri, label);
            }
            (true, _, None) => {
                let mut name = property("RELATED", standard.as_slice(), false, v4);
                name.push_str(";VALUE=text");
                let label = r.relation.as_deref().filter(|_| standard.is_none());
                groups.line(out, &name, &text(&r.name), label);
            }
            // vCard 3.0 has no RELATED: Apple's related names, with the relation as label.
            (false, _, _) => groups.line(
                out,
                "X-ABRELATEDNAMES",
                &text(&r.name),
                Some(r.relation.as_deref().unwrap_or("other")),
            ),
        }
    }
    if let Some(b) = &c.birthday {
        match b.strip_prefix("--") {
            // Apple's way of a birthday without its year, which Google reads too.
            Some(md) if !v4 => line(out, "BDAY;X-APPLE-OMIT-YEAR=1604", &format!("1604-{md}")),
            _ => date_line(out, "BDAY", b, v4, None, &mut groups),
        }
    }
    // A birthday that is no date (`circa 1800`) is written as the text it is.
    for p in c.problems.iter().filter(|p| p.field == "birthday") {
        date_line(out, "BDAY", &p.value, v4, None, &mut groups);
    }
    let mut anniversary_written = false;
    for date in &d.dates {
        let anniversary = date.kind == "anniversary";
        match (anniversary && !anniversary_written, v4) {
            (true, true) => date_line(out, "ANNIVERSARY", &date.value, v4, None, &mut groups),
            (true, false) => date_line(out, "X-ANNIVERSARY", &date.value, v4, None, &mut groups),
            (false, _) => {
                let label = date.label.as_deref().unwrap_or(if anniversary {
                    "_$!<Anniversary>!$_"
                } else {
                    "_$!<Other>!$_"
                });
                date_line(out, "X-ABDATE", &date.value, v4, Some(label), &mut groups);
            }
        }
        anniversary_written |= anniversary;
    }
    if let Some(g) = &d.gender {
        if v4 {
            line(out, "GENDER", &gender_v4(g));
        } else {
            line(out, "X-GENDER", g);
        }
    }
    if let Some(tz) = &d.time_zone {
        match utc_offset(tz) {
            Some(offset) if v4 => line(out, "TZ;VALUE=utc-offset", &offset),
            _ => line(out, "TZ", tz),
        }
    }
    if let Some(geo) = &d.geo {
        line(out, "GEO", geo);
    }
    if let Some(photo) = &d.photo {
        match (&photo.data, &photo.url, v4) {
            (Some(_), _, true) => line(out, "PHOTO", &photo.encode()),
            (Some(data), _, false) => {
                use base64::Engine;
                let format = photo
                    .mime
                    .as_deref()
                    .and_then(|m| m.strip_prefix("image/"))
                    .unwrap_or("JPEG")
                    .to_ascii_uppercase();
                line(
                    out,
                    &format!("PHOTO;ENCODING=b;TYPE={}", param_word(&format)),
                    &base64::engine::general_purpose::STANDARD.encode(data),
                );
            }
            (None, Some(url), true) => line(out, "PHOTO", url),
            (None, Some(url), false) => line(out, "PHOTO;VALUE=uri", url),
            (None, None, _) => {}
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
    let categories: Vec<String> = c.labels().into_iter().map(text).collect();
    if !categories.is_empty() {
        line(out, "CATEGORIES", &categories.join(","));
    }
    for e in &c.events {
        line(out, "X-ROLO-EVENT", &text(&event::render(e)));
    }
    if let Some(r) = c.rating {
        line(out, "X-ROLO-RATING", r.as_str());
    }
    // Which contact the card is, so that reading the file back keeps its contacts apart.
    if !c.id.is_empty() {
        line(out, "X-ROLO-ID", &text(&c.id));
    }
    // Values of columns no vCard property stands for, under their own label.
    for (label, value) in &c.custom {
        line(
            out,
            &format!("X-ROLO-FIELD;X-NAME={}", param_value(label)),
            &text(value),
        );
    }
    for extra in &d.extra {
        let head = match extra.params.as_str() {
            "" => extra.name.clone(),
            params => format!("{};{params}", extra.name),
        };
        line(out, &head, &extra.value);
    }
    line(out, "END", "VCARD");
}

/// A date property: ISO dates as vCard 4.0 writes them (`19800322`, `--0322`), or as 3.0 does
/// (`1980-03-22`); a date with a time, or text, as written (4.0 says it is text).
fn date_line(
    out: &mut String,
    name: &str,
    value: &str,
    v4: bool,
    label: Option<&str>,
    groups: &mut Groups,
) {
    let iso = value.len() >= 7
        && value.chars().all(|c| c.is_ascii_digit() || c == '-')
        && crate::normalize::date::birthday(value).as_deref() == Some(value);
    let (name, value) = match (iso, v4) {
        (true, true) => {
            let basic = value.replace('-', "");
            let basic = if value.starts_with("--") {
                format!("--{basic}")
            } else {
                basic
            };
            (name.to_string(), basic)
        }
        (true, false) => (name.to_string(), value.to_string()),
        (false, true) if value.contains('T') && value.starts_with(|c: char| c.is_ascii_digit()) => {
            (name.to_string(), value.to_string())
        }
        (false, true) => (format!("{name};VALUE=text"), text(value)),
        (false, false) => (name.to_string(), text(value)),
    };
    groups.line(out, &name, &value, label);
}

/// `+01:00`, `1:00` → `+0100`: a UTC offset as vCard 4.0 writes one.
fn utc_offset(tz: &str) -> Option<String> {
    let t = tz.trim();
    let (sign, rest) = match t.strip_prefix('-') {
        Some(rest) => ('-', rest),
        None => ('+', t.strip_prefix('+').unwrap_or(t)),
    };
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() == 4 => rest.split_at(2),
        None => return None,
    };
    let ok = |s: &str, max: u32| {
        (1..=2).contains(&s.len())
            && s.chars().all(|c| c.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|n| n <= max)
    };
    (ok(h, 14) && ok(m, 59)).then(|| format!("{sign}{:0>2}{:0>2}", h, m))
}

/// The relations vCard 4.0 names (RFC 6350 6.6.6).
const RELATED_TYPES: &[&str] = &[
    "contact",
    "acquaintance",
    "friend",
    "met",
    "co-worker",
    "colleague",
    "co-resident",
    "neighbor",
    "child",
    "parent",
    "sibling",
    "spouse",
    "kin",
    "muse",
    "crush",
    "date",
    "sweetheart",
    "me",
    "agent",
    "emergency",
];

/// A property's name with its types and preference: `TEL;TYPE=CELL,VOICE,PREF` (3.0),
/// `TEL;TYPE=cell,voice;PREF=1` (4.0).
fn property(name: &str, types: &[impl AsRef<str>], pref: bool, v4: bool) -> String {
    format!("{name}{}", params(types, pref, v4))
}

fn params(types: &[impl AsRef<str>], pref: bool, v4: bool) -> String {
    // A type of the source's own that is not a word (`both work and home`) is quoted.
    let mut types: Vec<String> = types
        .iter()
        .map(AsRef::as_ref)
        .filter(|t| !t.trim().is_empty())
        .map(|t| match (is_word(t), v4) {
            (true, true) => t.to_ascii_lowercase(),
            (true, false) => t.to_ascii_uppercase(),
            (false, _) => param_value(t),
        })
        .collect();
    if pref && !v4 {
        types.push("PREF".into());
    }
    let mut out = String::new();
    if !types.is_empty() {
        out.push_str(";TYPE=");
        out.push_str(&types.join(","));
    }
    if pref && v4 {
        out.push_str(";PREF=1");
    }
    out
}

fn is_word(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A word-only parameter value, anything else left out.
fn param_word(t: &str) -> String {
    t.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

/// A parameter value in double quotes, its line breaks, quotes and backslashes escaped with a
/// backslash as RFC 6350's own example of `LABEL` does (readers take RFC 6868's `^n` as text).
fn param_value(value: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = value.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Apple's groups: a value with a label of the user's own is written as `itemN.TEL:…` with an
/// `itemN.X-ABLabel:…` beside it.
#[derive(Default)]
struct Groups(usize);

impl Groups {
    fn line(&mut self, out: &mut String, name: &str, value: &str, label: Option<&str>) {
        match label.filter(|l| !l.trim().is_empty()) {
            Some(label) => {
                self.0 += 1;
                let group = format!("item{}", self.0);
                line(out, &format!("{group}.{name}"), value);
                line(out, &format!("{group}.X-ABLabel"), &text(label));
            }
            None => line(out, name, value),
        }
    }
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

/// A gender as vCard 4 writes it: a sex (`M`, `F`, `O`, `N`, `U`), then the words a file wrote
/// where they are more than the letter (`F;Female`, `O;Non-binary`); rolo reads the words back.
fn gender_v4(g: &str) -> String {
    let g = g.trim();
    let written_so = g
        .split_once(';')
        .is_some_and(|(s, _)| s.is_empty() || (s.len() == 1 && "MFONU".contains(s)));
    match crate::normalize::sex(g) {
        Some(s) if g.len() == 1 => s.to_string(),
        Some(s) => format!("{s};{}", text(g)),
        None if written_so => g.to_string(),
        None => format!("O;{}", text(g)),
    }
}

/// Writes `NAME:value` folded at 75 octets (vCard and iCalendar alike): a continuation line starts with a space, and no
/// UTF-8 character is cut in two. Control characters, which neither format allows in a value
/// (RFC 6350 3.3, RFC 5545 3.1; a line break reaches here escaped as `\n`), are left out.
pub(super) fn line(out: &mut String, name: &str, value: &str) {
    const WIDTH: usize = 75;
    let whole = format!("{name}:{value}");
    let mut width = 0;
    for ch in whole.chars().filter(|c| !c.is_control() || *c == '\t') {
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
    fn a_gender_written_as_a_word_is_a_sex_and_the_word() {
        assert_eq!(gender_v4("Female"), "F;Female");
        assert_eq!(gender_v4("m"), "M");
        assert_eq!(gender_v4("Non-binary"), "O;Non-binary");
        assert_eq!(gender_v4("Unspecified"), "U;Unspecified");
        assert_eq!(gender_v4("Keine Angabe"), "U;Keine Angabe");
        assert_eq!(gender_v4("F;grrrl"), "F;grrrl");
    }

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
    fn control_characters_never_reach_a_line() {
        let mut out = String::new();
        line(
            &mut out,
            "FN",
            &text("Eve\u{1b}[2J\u{0}\u{7f}\u{9b}\r\nRed"),
        );
        assert_eq!(out, "FN:Eve[2J\\nRed\r\n");
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
