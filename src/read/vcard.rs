//! vCard 2.1, 3.0 and 4.0 files from phones, address books and card-scanner apps, parsed by
//! `calcard`.
//!
//! The file is first split into cards here, so that each card keeps its own ordinal and original
//! text, a broken card costs only itself, and a card missing `END:VCARD` does not swallow the
//! cards after it. Each card is then parsed by calcard, which handles folding, quoted-printable
//! (with soft line breaks and UTF-8 split across them), `CHARSET`, base64 and escapes.
//! Birthdays are read from the card's own text: calcard assumes vCard 4.0 date forms and can lose
//! the day of `BDAY:1963-09-21`.

use calcard::vcard::{
    VCard, VCardEntry, VCardParameterValue, VCardProperty, VCardType, VCardValue,
};
use calcard::{Entry, Parser};

use super::{FileInfo, Item};
use crate::model::{Field, Provenance, RawRecord};

pub struct VcardSource {
    text: String,
    cards: std::vec::IntoIter<Card>,
    file: std::sync::Arc<str>,
}

/// A top-level card: its line range in the file and the ranges of cards nested in it.
struct Card {
    ordinal: u64,
    start: usize,
    end: usize,
    nested: Vec<(usize, usize)>,
    missing_end: bool,
}

pub fn open(file: &str, text: String, info: &mut FileInfo) -> VcardSource {
    let cards = split_cards(&text);
    let missing = cards.iter().filter(|c| c.missing_end).count();
    if missing > 0 {
        info.notes
            .push(format!("{missing} card(s) without END:VCARD"));
    }
    VcardSource {
        text,
        cards: cards.into_iter(),
        file: file.into(),
    }
}

impl Iterator for VcardSource {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let card = self.cards.next()?;
        let prov = Provenance {
            file: self.file.clone(),
            sheet: None,
            record: card.ordinal,
        };
        Some(read_card(&self.text, &card, prov))
    }
}

fn line_is(line: &str, word: &str) -> bool {
    let line = line.trim_start_matches('\u{feff}').trim();
    line.len() == word.len() && line.eq_ignore_ascii_case(word)
}

/// Finds the cards of a file by their `BEGIN:VCARD` and `END:VCARD` lines. Cards nested inside a
/// card (vCard 2.1 `AGENT`) belong to it. Where the file ends with cards still open, each open
/// card is taken to end before the first card inside it, and the complete cards inside it become
/// cards of their own: that is how a missing `END:VCARD` reads.
fn split_cards(text: &str) -> Vec<Card> {
    // Byte offsets of line starts; positions below are line indexes.
    let mut starts = vec![0usize];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    let lines: Vec<&str> = starts
        .iter()
        .enumerate()
        .map(|(i, &s)| &text[s..starts.get(i + 1).copied().unwrap_or(text.len())])
        .collect();

    struct Open {
        start: usize,
        children: Vec<(usize, usize)>,
    }
    // (first line, last line, nested cards' lines, END:VCARD missing)
    type Found = (usize, usize, Vec<(usize, usize)>, bool);
    let mut found: Vec<Found> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line_is(line, "BEGIN:VCARD") {
            stack.push(Open {
                start: i,
                children: Vec::new(),
            });
        } else if line_is(line, "END:VCARD")
            && let Some(open) = stack.pop()
        {
            match stack.last_mut() {
                Some(parent) => parent.children.push((open.start, i)),
                None => found.push((open.start, i, open.children, false)),
            }
        }
    }
    // Unclosed cards, outermost first: each ends before its first child; its complete children
    // stand on their own.
    let last = lines.len().saturating_sub(1);
    for open in stack {
        let end = open
            .children
            .first()
            .map(|&(s, _)| s.saturating_sub(1))
            .unwrap_or(last);
        found.push((open.start, end.max(open.start), Vec::new(), true));
        for (s, e) in open.children {
            found.push((s, e, Vec::new(), false));
        }
    }
    found.sort_by_key(|c| c.0);
    found
        .into_iter()
        .enumerate()
        .map(|(n, (s, e, nested, missing_end))| Card {
            ordinal: n as u64 + 1,
            start: starts[s],
            end: starts.get(e + 1).copied().unwrap_or(text.len()),
            nested: nested
                .into_iter()
                .map(|(a, b)| (starts[a], starts.get(b + 1).copied().unwrap_or(text.len())))
                .collect(),
            missing_end,
        })
        .collect()
}

fn read_card(text: &str, card: &Card, prov: Provenance) -> Item {
    let raw = text[card.start..card.end].trim_end().to_string();
    // The card without its nested cards, which calcard would otherwise take as the card itself.
    let mut own = String::with_capacity(raw.len() + 16);
    let mut at = card.start;
    for &(s, e) in &card.nested {
        own.push_str(&text[at..s]);
        at = e;
    }
    own.push_str(&text[at..card.end]);
    if card.missing_end {
        own.push_str("\r\nEND:VCARD\r\n");
    }
    let vcard = match Parser::new(&own).entry() {
        Entry::VCard(vcard) => vcard,
        other => {
            let reason = match other {
                Entry::InvalidLine(line) => {
                    format!("not a readable vCard: invalid line {:?}", truncate(&line))
                }
                Entry::UnterminatedComponent(_) => {
                    "not a readable vCard: card is not terminated".into()
                }
                _ => "not a readable vCard".into(),
            };
            return Err(super::reject(prov, reason, raw));
        }
    };
    let mut record = RawRecord::new(prov, raw);
    if card.missing_end {
        record.warnings.push("card has no END:VCARD".into());
    }
    for (s, e) in &card.nested {
        record.push(Field::Custom("nested vcard".into()), &text[*s..*e]);
        record
            .warnings
            .push("nested card kept as a custom field".into());
    }
    fill(&mut record, &vcard, &own);
    Ok(record)
}

fn truncate(s: &str) -> String {
    s.chars().take(60).collect()
}

fn fill(record: &mut RawRecord, vcard: &VCard, own: &str) {
    // Apple's `X-ABShowAs:COMPANY` and vCard 4.0's `KIND:org` mark a card of an organization.
    let company_card = vcard.entries.iter().any(|e| match &e.name {
        VCardProperty::Other(n) if n.eq_ignore_ascii_case("X-ABShowAs") => {
            first_text(e).is_some_and(|v| v.eq_ignore_ascii_case("COMPANY"))
        }
        VCardProperty::Kind => {
            first_text(e).is_some_and(|v| v.to_ascii_lowercase().contains("org"))
        }
        _ => false,
    });
    let mut photos = 0;
    for entry in &vcard.entries {
        let pref = is_pref(entry);
        match &entry.name {
            VCardProperty::Begin | VCardProperty::End | VCardProperty::Version => {}
            VCardProperty::Prodid | VCardProperty::Rev | VCardProperty::Kind => {}
            VCardProperty::Fn => {
                if let Some(v) = joined(entry, " ") {
                    if company_card {
                        record.push(Field::Custom("company card".into()), &v);
                    } else {
                        record.push(Field::FullName, &v);
                    }
                }
            }
            VCardProperty::N => {
                let parts = components(entry);
                let get = |i: usize| parts.get(i).map(String::as_str).unwrap_or("");
                record.push(Field::FamilyName, get(0));
                record.push(Field::GivenName, get(1));
                record.push(Field::MiddleName, get(2));
                record.push(Field::Prefix, get(3));
                record.push(Field::Suffix, get(4));
            }
            VCardProperty::Nickname => push_all(record, Field::Nickname, entry, pref),
            VCardProperty::Email => push_all(record, Field::Email, entry, pref),
            VCardProperty::Tel => {
                let fax = has_type(entry, VCardType::Fax) || has_type(entry, VCardType::Pager);
                let field = if fax {
                    Field::Custom("fax".into())
                } else {
                    Field::Phone
                };
                if let Some(v) = joined(entry, " ") {
                    let v = v.strip_prefix("tel:").unwrap_or(&v).to_string();
                    push_value(record, field, &v, pref);
                }
            }
            VCardProperty::Org => {
                let parts = components(entry);
                if let Some(org) = parts.first() {
                    record.push(Field::Organization, org);
                }
                for dept in parts.iter().skip(1) {
                    record.push(Field::Department, dept);
                }
            }
            VCardProperty::Title => push_all(record, Field::Title, entry, false),
            VCardProperty::Role => push_all(record, Field::Custom("role".into()), entry, false),
            VCardProperty::Url | VCardProperty::Socialprofile => {
                push_all(record, Field::Url, entry, pref)
            }
            VCardProperty::Bday => {
                let value = raw_property(own, "BDAY").or_else(|| joined(entry, " "));
                if let Some(v) = value {
                    record.push(Field::Birthday, &v);
                }
            }
            VCardProperty::Note => push_all(record, Field::Notes, entry, false),
            VCardProperty::Categories => push_all(record, Field::Tags, entry, false),
            VCardProperty::Adr => {
                let all = components(entry);
                // The seventh component is the country: it tells the region of national numbers.
                if let Some(country) = all.get(6).filter(|c| !c.trim().is_empty())
                    && record.first(&Field::Country).is_none()
                {
                    record.push(Field::Country, country);
                }
                let parts: Vec<String> = all.into_iter().filter(|p| !p.is_empty()).collect();
                record.push(Field::Custom("address".into()), &parts.join(", "));
            }
            VCardProperty::Photo
            | VCardProperty::Logo
            | VCardProperty::Sound
            | VCardProperty::Key => {
                // Only a link is kept; inline data (binary, `data:`, or base64 text that was
                // not decoded) is the picture itself.
                let link = entry.values.iter().all(|v| {
                    matches!(v, VCardValue::Text(t)
                        if t.len() <= 2048 && (t.starts_with("http://") || t.starts_with("https://")))
                });
                if !link {
                    photos += 1;
                } else if let Some(v) = joined(entry, " ") {
                    record.push(Field::Custom(property_label(&entry.name)), &v);
                }
            }
            VCardProperty::Other(name) => {
                let upper = name.to_ascii_uppercase();
                if matches!(
                    upper.as_str(),
                    "X-ABLABEL"
                        | "X-ABSHOWAS"
                        | "X-ABUID"
                        | "X-PHONETIC-FIRST-NAME"
                        | "X-PHONETIC-LAST-NAME"
                ) {
                    if upper.starts_with("X-PHONETIC") {
                        push_all(
                            record,
                            Field::Custom(name.to_ascii_lowercase()),
                            entry,
                            false,
                        );
                    }
                    continue;
                }
                let field = if upper.contains("LINKEDIN") || upper == "X-SOCIALPROFILE" {
                    Field::Url
                } else if upper == "X-ROLO-EVENT" {
                    Field::Event
                } else if upper == "X-ROLO-RATING" {
                    Field::Rating
                } else {
                    Field::Custom(name.to_ascii_lowercase())
                };
                push_all(record, field, entry, false);
            }
            other => {
                push_all(record, Field::Custom(property_label(other)), entry, false);
            }
        }
    }
    if photos > 0 {
        record.warnings.push(format!("{photos}{PHOTOS_NOT_STORED}"));
    }
}

/// The end of the warning that counts a card's embedded photos (after the number).
pub const PHOTOS_NOT_STORED: &str = " embedded photo(s) not stored";

fn property_label(name: &VCardProperty) -> String {
    match name {
        VCardProperty::Other(n) => n.to_ascii_lowercase(),
        other => format!("{other:?}").to_ascii_lowercase(),
    }
}

fn is_pref(entry: &VCardEntry) -> bool {
    entry
        .params
        .iter()
        .any(|p| format!("{p:?}").to_ascii_lowercase().contains("pref"))
}

fn has_type(entry: &VCardEntry, wanted: VCardType) -> bool {
    entry
        .params
        .iter()
        .any(|p| matches!(&p.value, VCardParameterValue::Type(t) if *t == wanted))
}

fn value_text(value: &VCardValue) -> Option<String> {
    let text = match value {
        VCardValue::Text(t) => t.clone(),
        VCardValue::Component(parts) => parts.join(" "),
        VCardValue::Integer(i) => i.to_string(),
        VCardValue::Float(f) => f.to_string(),
        VCardValue::Boolean(b) => b.to_string(),
        VCardValue::PartialDateTime(d) => format!("{d:?}"),
        VCardValue::Binary(_) => return None,
        VCardValue::Sex(s) => format!("{s:?}"),
        VCardValue::GramGender(g) => format!("{g:?}"),
        VCardValue::Kind(k) => format!("{k:?}"),
    };
    Some(text)
}

fn first_text(entry: &VCardEntry) -> Option<String> {
    entry.values.first().and_then(value_text)
}

fn joined(entry: &VCardEntry, sep: &str) -> Option<String> {
    let parts: Vec<String> = entry.values.iter().filter_map(value_text).collect();
    let joined = parts.join(sep);
    (!joined.trim().is_empty()).then_some(joined)
}

/// The structured parts of `N`, `ORG` or `ADR`, however calcard delivered them.
fn components(entry: &VCardEntry) -> Vec<String> {
    let mut parts = Vec::new();
    for value in &entry.values {
        match value {
            VCardValue::Component(list) => parts.push(list.join(" ")),
            other => parts.extend(value_text(other)),
        }
    }
    parts.into_iter().map(|p| p.trim().to_string()).collect()
}

fn push_all(record: &mut RawRecord, field: Field, entry: &VCardEntry, pref: bool) {
    for value in entry.values.iter().filter_map(value_text) {
        push_value(record, field.clone(), &value, pref);
    }
}

fn push_value(record: &mut RawRecord, field: Field, value: &str, pref: bool) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    if pref {
        let at = record
            .fields
            .iter()
            .position(|(f, _)| *f == field)
            .unwrap_or(record.fields.len());
        record.fields.insert(at, (field, value.to_string()));
    } else {
        record.push(field, value);
    }
}

/// The unfolded value of a property as written in the card (`BDAY;VALUE=date:1963-09-21`).
fn raw_property(card: &str, name: &str) -> Option<String> {
    let mut logical: Option<String> = None;
    let mut found = None;
    for line in card.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(l) = logical.as_mut() {
                l.push_str(&line[1..]);
            }
            continue;
        }
        if let Some(l) = logical.take() {
            found = found.or_else(|| property_value(&l, name));
        }
        logical = Some(line.to_string());
    }
    if let Some(l) = logical {
        found = found.or_else(|| property_value(&l, name));
    }
    found
}

fn property_value(line: &str, name: &str) -> Option<String> {
    let (head, value) = line.split_once(':')?;
    let prop = head.split(';').next()?;
    let prop = prop.rsplit('.').next()?;
    prop.eq_ignore_ascii_case(name)
        .then(|| value.trim().to_string())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Item> {
        let mut info = FileInfo::default();
        open("t.vcf", text.to_string(), &mut info).collect()
    }

    #[test]
    fn nested_cards_belong_to_their_parent() {
        let cards = read(
            "BEGIN:VCARD\nVERSION:2.1\nN:parent\nBEGIN:VCARD\nVERSION:2.1\nN:nest1\nEND:VCARD\nTEL:1\nEND:VCARD\n",
        );
        assert_eq!(cards.len(), 1);
        let card = cards[0].as_ref().unwrap();
        assert_eq!(card.first(&Field::FamilyName), Some("parent"));
        assert_eq!(card.first(&Field::Phone), Some("1"));
    }

    #[test]
    fn missing_end_does_not_swallow_the_next_cards() {
        let cards = read(
            "BEGIN:VCARD\nVERSION:3.0\nFN:Ann One\nBEGIN:VCARD\nVERSION:3.0\nFN:Bob Two\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Cy Three\nEND:VCARD\n",
        );
        let names: Vec<_> = cards
            .iter()
            .map(|c| {
                c.as_ref()
                    .unwrap()
                    .first(&Field::FullName)
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["Ann One", "Bob Two", "Cy Three"]);
        assert_eq!(cards[2].as_ref().unwrap().prov.record, 3);
    }

    #[test]
    fn birthday_is_read_from_the_card_text() {
        let cards =
            read("BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nBDAY;VALUE=date:1963-09-21\nEND:VCARD\n");
        assert_eq!(
            cards[0].as_ref().unwrap().first(&Field::Birthday),
            Some("1963-09-21")
        );
    }
}
