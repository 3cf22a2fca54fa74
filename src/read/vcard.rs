//! vCard 2.1, 3.0 and 4.0 files from phones, address books and card-scanner apps, parsed by
//! `calcard`.
//!
//! The file is first split into cards here, so that each card keeps its own ordinal and original
//! text, a broken card costs only itself, and a card missing `END:VCARD` does not swallow the
//! cards after it. Each card is then parsed by calcard, which handles folding, quoted-printable
//! (with soft line breaks and UTF-8 split across them), `CHARSET`, base64 and escapes.
//! Birthdays are read from the card's own text: calcard assumes vCard 4.0 date forms and can lose
//! the day of `BDAY:1963-09-21`.

use calcard::common::IanaString;
use calcard::vcard::{
    VCard, VCardEntry, VCardParameterName, VCardParameterValue, VCardProperty, VCardValue,
};
use calcard::{Entry, Parser};

use super::{FileInfo, Item};
use crate::model::{Address, Field, Kind, Provenance, RawRecord};

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

/// The values of vCard property lines outside a card (the paragraph a CSV layout's notes hold
/// for what it has no column for), read as the properties of a card are.
pub fn property_fields(lines: &str, prov: Provenance) -> Vec<crate::model::RawField> {
    let text = format!(
        "BEGIN:VCARD\r\nVERSION:4.0\r\n{}\r\nEND:VCARD\r\n",
        lines.trim()
    );
    let cards = split_cards(&text);
    match cards.first().map(|card| read_card(&text, card, prov)) {
        Some(Ok(record)) => record.fields,
        _ => Vec::new(),
    }
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
    let own = repair(&own);
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

/// What vCard 2.1 writers do that calcard does not read, written as it reads it:
/// - a bare `QUOTED-PRINTABLE` parameter (`ADR;WORK;QUOTED-PRINTABLE:…`, Horde, Evolution), which
///   2.1 allows for `ENCODING=QUOTED-PRINTABLE`;
/// - a value continued on the next line after a backslash (Android's multi-line `ADR`), which
///   is a line break in the value.
fn repair(card: &str) -> std::borrow::Cow<'_, str> {
    let bare_qp = card.lines().any(|l| head(l).is_some_and(has_bare_qp));
    let continued = card.lines().any(|l| l.trim_end().ends_with('\\'));
    if !bare_qp && !continued {
        return card.into();
    }
    let mut out = String::with_capacity(card.len() + 64);
    let mut lines = card.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let mut line = std::borrow::Cow::Borrowed(line);
        if let Some(h) = head(&line).filter(|h| has_bare_qp(h)) {
            let fixed: Vec<&str> = h
                .split(';')
                .map(|p| {
                    if p.eq_ignore_ascii_case("QUOTED-PRINTABLE") {
                        "ENCODING=QUOTED-PRINTABLE"
                    } else {
                        p
                    }
                })
                .collect();
            line = format!("{}{}", fixed.join(";"), &line[h.len()..]).into();
        }
        let body = line.trim_end_matches(['\r', '\n']);
        let escaped = body.len() - body.trim_end_matches('\\').len();
        let next_is_value = lines
            .peek()
            .is_some_and(|next| !next.starts_with([' ', '\t']) && head(next).is_none());
        if escaped % 2 == 1 && next_is_value {
            out.push_str(&body[..body.len() - 1]);
            out.push_str("\\n");
        } else {
            out.push_str(&line);
        }
    }
    out.into()
}

/// The name and parameters of a property line (before the first colon), where the line is one.
fn head(line: &str) -> Option<&str> {
    let (head, _) = line.split_once(':')?;
    let name = head.split(';').next()?;
    let name = name.rsplit('.').next()?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .then_some(head)
}

fn has_bare_qp(head: &str) -> bool {
    head.split(';')
        .skip(1)
        .any(|p| p.eq_ignore_ascii_case("QUOTED-PRINTABLE"))
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
    // Apple gives a value a label of the user's own in a property of the same group:
    // `item1.TEL:…` with `item1.X-ABLabel:Office`.
    let labels: Vec<(&str, String)> = vcard
        .entries
        .iter()
        .filter(
            |e| matches!(&e.name, VCardProperty::Other(n) if n.eq_ignore_ascii_case("X-ABLabel")),
        )
        .filter_map(|e| Some((e.group.as_deref()?, joined(e, " ")?)))
        .collect();
    // Read only for the few properties calcard reads into another form.
    let raw_values = std::cell::OnceCell::new();
    // Addresses and `LABEL`s with whether preferred and their place in the card.
    let mut addresses: Vec<(Address, bool, usize)> = Vec::new();
    let mut delivery_labels: Vec<(Kind, String, usize)> = Vec::new();
    for (at, entry) in vcard.entries.iter().enumerate() {
        let pref = is_pref(entry);
        let mut kind = kind_of(entry);
        if let Some(group) = &entry.group
            && let Some((_, label)) = labels.iter().find(|(g, _)| g.eq_ignore_ascii_case(group))
        {
            kind.label = Some(label.clone());
        }
        // The text of this property as the card writes it (the n-th of its name).
        let as_written = || {
            let name = entry.name.as_str().to_ascii_uppercase();
            let nth = vcard.entries[..at]
                .iter()
                .filter(|e| e.name == entry.name)
                .count();
            raw_values
                .get_or_init(|| RawValues::of(own))
                .get(&name, nth)
                .or_else(|| joined(entry, " "))
        };
        match &entry.name {
            VCardProperty::Begin | VCardProperty::End | VCardProperty::Version => {}
            VCardProperty::Prodid | VCardProperty::Rev => {}
            VCardProperty::Kind => {
                let k = first_text(entry).unwrap_or_default().to_ascii_lowercase();
                if !matches!(k.as_str(), "org" | "organization" | "individual") {
                    push_extra(record, entry);
                }
            }
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
            VCardProperty::Nickname => push_all(record, Field::Nickname, entry, pref, &kind),
            VCardProperty::Email => push_all(record, Field::Email, entry, pref, &kind),
            VCardProperty::Tel => {
                if let Some(v) = joined(entry, " ") {
                    let v = v.strip_prefix("tel:").unwrap_or(&v).to_string();
                    push_value(record, Field::Phone, &v, pref, &kind);
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
            VCardProperty::Title => push_all(record, Field::Title, entry, false, &Kind::default()),
            VCardProperty::Role => push_all(record, Field::Role, entry, false, &Kind::default()),
            VCardProperty::Url | VCardProperty::Socialprofile => {
                push_all(record, Field::Url, entry, pref, &kind)
            }
            VCardProperty::Bday => {
                let value = raw_property(own, "BDAY").or_else(|| joined(entry, " "));
                if let Some(v) = value {
                    record.push(Field::Birthday, &v);
                }
            }
            VCardProperty::Anniversary => {
                if let Some(v) = as_written() {
                    kind.types.insert(0, "anniversary".into());
                    record.push_kind(Field::Date, &v, kind);
                }
            }
            VCardProperty::Note => push_all(record, Field::Notes, entry, false, &Kind::default()),
            VCardProperty::Categories => {
                push_all(record, Field::Tags, entry, false, &Kind::default())
            }
            VCardProperty::Adr => {
                let all = components(entry);
                // The seventh component is the country: it tells the region of national numbers.
                if let Some(country) = all.get(6).filter(|c| !c.trim().is_empty())
                    && record.first(&Field::Country).is_none()
                {
                    record.push(Field::Country, country);
                }
                let mut parts: Vec<&str> = (0..7)
                    .map(|i| all.get(i).map(String::as_str).unwrap_or(""))
                    .collect();
                // vCard 4.0 writes the formatted address as the `LABEL` parameter.
                let formatted = param_text(entry, "LABEL").unwrap_or_default();
                parts.push(&formatted);
                let address = Address::decode(&Address::encode_parts(parts), &kind);
                if !address.is_empty() {
                    addresses.push((address, pref, at));
                }
            }
            VCardProperty::Photo => {
                if let Some(v) = photo(entry) {
                    record.push(Field::Photo, &v);
                }
            }
            VCardProperty::Sound
                if entry.params.iter().any(|p| {
                    matches!(&p.name, VCardParameterName::Other(n) if n.eq_ignore_ascii_case("X-IRMC-N"))
                }) =>
            {
                // Japanese phones write the reading of the name as a sound.
                let parts = components(entry);
                let get = |i: usize| parts.get(i).map(String::as_str).unwrap_or("");
                record.push(Field::PhoneticFamily, get(0));
                record.push(Field::PhoneticGiven, get(1));
                record.push(Field::PhoneticMiddle, get(2));
            }
            VCardProperty::Impp => {
                for v in entry.values.iter().filter_map(value_text) {
                    record.push_kind(Field::Im, &v, im_kind(entry, &kind));
                }
            }
            VCardProperty::Related => {
                let mut kind = kind.clone();
                if kind.types.is_empty()
                    && let Some(t) = param_text(entry, "TYPE")
                {
                    kind.types.push(t.to_ascii_lowercase());
                }
                push_all(record, Field::Related, entry, false, &kind);
            }
            VCardProperty::Gender => {
                if let Some(v) = as_written() {
                    // `F;Female`: the words a file wrote, after the sex they say (as rolo writes
                    // a gender column's word); `F;grrrl` stays whole.
                    let words = v.split_once(';').filter(|(sex, words)| {
                        match crate::normalize::sex(words) {
                            Some(said) => said.eq_ignore_ascii_case(sex),
                            None => *sex == "O" && !words.is_empty(),
                        }
                    });
                    record.push(Field::Gender, words.map_or(v.as_str(), |(_, w)| w));
                }
            }
            VCardProperty::Tz => {
                if let Some(v) = as_written() {
                    record.push(Field::TimeZone, &v);
                }
            }
            VCardProperty::Geo => {
                if let Some(v) = as_written() {
                    record.push(Field::Geo, &v);
                }
            }
            VCardProperty::Uid => {
                if let Some(v) = joined(entry, " ") {
                    record.push(Field::Uid, &v);
                }
            }
            VCardProperty::Other(other) => {
                let upper = other.to_ascii_uppercase();
                let field = match upper.as_str() {
                    "X-ABLABEL" | "X-ABSHOWAS" => continue,
                    // vCard 2.1 and 3.0 give the formatted address as a property of its own.
                    "LABEL" => {
                        if let Some(v) = joined(entry, " ") {
                            delivery_labels.push((kind, v, at));
                        }
                        continue;
                    }
                    "X-PHONETIC-FIRST-NAME" => Field::PhoneticGiven,
                    "X-PHONETIC-MIDDLE-NAME" => Field::PhoneticMiddle,
                    "X-PHONETIC-LAST-NAME" => Field::PhoneticFamily,
                    "X-PHONETIC-ORG" => Field::PhoneticOrganization,
                    "X-ROLO-EVENT" => Field::Event,
                    "X-ROLO-ID" => Field::ContactId,
                    "X-ROLO-RATING" => Field::Rating,
                    "X-ROLO-FIELD" => match param_text(entry, "X-NAME") {
                        Some(label) => Field::Custom(label),
                        None => {
                            push_extra(record, entry);
                            continue;
                        }
                    },
                    "X-ANNIVERSARY" | "X-EVOLUTION-ANNIVERSARY" | "X-MS-ANNIVERSARY"
                    | "X-ABDATE" => {
                        if let Some(v) = as_written() {
                            if upper != "X-ABDATE" && !kind.has("anniversary") {
                                kind.types.insert(0, "anniversary".into());
                            }
                            record.push_kind(Field::Date, &v, kind);
                        }
                        continue;
                    }
                    "X-ABRELATEDNAMES" | "X-SPOUSE" | "X-EVOLUTION-SPOUSE" | "X-MANAGER"
                    | "X-EVOLUTION-MANAGER" | "X-ASSISTANT" | "X-EVOLUTION-ASSISTANT"
                    | "X-MS-SPOUSE" | "X-MS-MANAGER" | "X-MS-ASSISTANT" => {
                        let relation = upper.rsplit('-').next().unwrap_or_default();
                        if relation != "ABRELATEDNAMES" && kind.types.is_empty() {
                            kind.types.push(relation.to_ascii_lowercase());
                        }
                        push_all(record, Field::Related, entry, false, &kind);
                        continue;
                    }
                    "X-GENDER" => Field::Gender,
                    _ if im_service(&upper).is_some() => {
                        let service = im_service(&upper).unwrap_or_default();
                        for v in entry.values.iter().filter_map(value_text) {
                            let v = v.trim();
                            let uri = if crate::normalize::scheme(v).is_some() {
                                v.to_string()
                            } else {
                                format!("{service}:{v}")
                            };
                            record.push_kind(Field::Im, &uri, kind.clone());
                        }
                        continue;
                    }
                    _ if upper.contains("LINKEDIN") || upper == "X-SOCIALPROFILE" => Field::Url,
                    _ => {
                        push_extra(record, entry);
                        continue;
                    }
                };
                push_all(record, field, entry, false, &kind);
            }
            _ => push_extra(record, entry),
        }
    }
    // A `LABEL` property is the formatted text of the address of the same types, the nearest
    // one before it where there are several.
    for (kind, text, place) in delivery_labels {
        let types = |a: &Address| Kind::of_types(a.types.iter().map(String::as_str));
        let candidates = || {
            addresses
                .iter()
                .enumerate()
                .filter(|(_, (a, _, _))| a.formatted.is_none() && types(a).types == kind.types)
        };
        let nearest = candidates()
            .filter(|(_, (_, _, at))| *at < place)
            .max_by_key(|(_, (_, _, at))| *at)
            .or_else(|| candidates().next())
            .map(|(i, _)| i);
        match nearest {
            Some(i) => addresses[i].0.formatted = Some(text),
            None => {
                let address = Address::decode(&text, &kind);
                addresses.push((address, false, place));
            }
        }
    }
    // The preferred address first, the others in the card's order.
    addresses.sort_by_key(|(_, pref, at)| (!pref, *at));
    for (address, _, _) in addresses {
        let kind = Kind {
            types: address.types.clone(),
            label: address.label.clone(),
        };
        record.push_kind(Field::Address, &address.encode(), kind);
    }
}

/// The service of a vendor's IM property (`X-SKYPE`, `X-JABBER`), as a URI scheme.
fn im_service(upper: &str) -> Option<&'static str> {
    let service = match upper {
        "X-SKYPE" | "X-SKYPE-USERNAME" => "skype",
        "X-AIM" => "aim",
        "X-ICQ" => "icq",
        "X-JABBER" | "X-XMPP" => "xmpp",
        "X-MSN" => "msnim",
        "X-YAHOO" => "ymsgr",
        "X-GOOGLE-TALK" | "X-GTALK" => "gtalk",
        "X-QQ" => "qq",
        "X-GADUGADU" => "gadugadu",
        "X-GROUPWISE" => "groupwise",
        "X-TWITTER" => "twitter",
        _ => return None,
    };
    Some(service)
}

/// An `IMPP`'s kind: its types, and Apple's `X-SERVICE-TYPE` as the label where it has none.
fn im_kind(entry: &VCardEntry, kind: &Kind) -> Kind {
    let mut kind = kind.clone();
    if kind.label.is_none() {
        kind.label = param_text(entry, "X-SERVICE-TYPE");
    }
    kind
}

/// The kind a property's parameters give: every `TYPE`, and the bare types of vCard 2.1
/// (`TEL;WORK;FAX`).
fn kind_of(entry: &VCardEntry) -> Kind {
    let mut types: Vec<String> = Vec::new();
    for p in &entry.params {
        match (&p.name, &p.value) {
            (_, VCardParameterValue::Type(t)) => types.push(t.as_str().to_string()),
            (VCardParameterName::Type, VCardParameterValue::Text(t)) => {
                types.extend(t.split(',').map(str::to_string))
            }
            _ => {}
        }
    }
    Kind::of_types(types.iter().map(String::as_str))
}

/// The text of a parameter (`LABEL="…"`, `X-SERVICE-TYPE=Skype`).
fn param_text(entry: &VCardEntry, name: &str) -> Option<String> {
    entry.params.iter().find_map(|p| {
        let matches = match &p.name {
            VCardParameterName::Other(n) => n.eq_ignore_ascii_case(name),
            other => other.as_str().eq_ignore_ascii_case(name),
        };
        match &p.value {
            VCardParameterValue::Text(t) if matches && !t.trim().is_empty() => Some(t.clone()),
            _ => None,
        }
    })
}

/// A `PHOTO` as a raw value: the image as a `data:` URI, or its link.
fn photo(entry: &VCardEntry) -> Option<String> {
    use base64::Engine;
    for value in &entry.values {
        match value {
            VCardValue::Binary(data) if !data.data.is_empty() => {
                let mime = data
                    .content_type
                    .clone()
                    .or_else(|| {
                        entry.params.iter().find_map(|p| match &p.value {
                            VCardParameterValue::Text(t) if p.name == VCardParameterName::Type => {
                                Some(t.clone())
                            }
                            _ => None,
                        })
                    })
                    .map(|t| media_type(&t))
                    .unwrap_or_else(|| sniff_image(&data.data).into());
                return Some(format!(
                    "data:{mime};base64,{}",
                    base64::engine::general_purpose::STANDARD.encode(&data.data)
                ));
            }
            // A link (`http:`, `data:`) is kept as written.
            VCardValue::Text(t) if crate::normalize::scheme(t.trim()).is_some() => {
                return Some(t.trim().to_string());
            }
            // Base64 without its `ENCODING` parameter (Thunderbird) is the image it encodes;
            // calcard gives decoded base64 whose bytes happen to be UTF-8 as text: the image.
            VCardValue::Text(t) if !t.is_empty() => {
                let engine = &base64::engine::general_purpose::STANDARD;
                let clean: String = t.chars().filter(|c| !c.is_whitespace()).collect();
                let bytes = match engine.decode(&clean) {
                    Ok(decoded) if clean.len() >= 16 => decoded,
                    _ => t.as_bytes().to_vec(),
                };
                let mime = entry
                    .params
                    .iter()
                    .find_map(|p| match &p.value {
                        VCardParameterValue::Text(t) if p.name == VCardParameterName::Type => {
                            Some(media_type(t))
                        }
                        _ => None,
                    })
                    .unwrap_or_else(|| sniff_image(&bytes).into());
                return Some(format!("data:{mime};base64,{}", engine.encode(&bytes)));
            }
            _ => {}
        }
    }
    None
}

/// `JPEG` → `image/jpeg`: vCard 2.1 and 3.0 name an image's format by its short name.
fn media_type(t: &str) -> String {
    let t = t.trim().to_ascii_lowercase();
    if t.contains('/') {
        return t;
    }
    match t.as_str() {
        "jpg" | "jpeg" => "image/jpeg".into(),
        other => format!("image/{other}"),
    }
}

fn sniff_image(data: &[u8]) -> &'static str {
    if data.starts_with(b"\x89PNG") {
        "image/png"
    } else if data.starts_with(b"GIF8") {
        "image/gif"
    } else if data.starts_with(&[0xff, 0xd8]) {
        "image/jpeg"
    } else {
        "application/octet-stream"
    }
}

/// A property rolo has no field for, kept as calcard writes it back.
/// Written as vCard 4.0 whatever the card's version, so that a property reads back as it was
/// written (a 2.1 `CHARSET` or `ENCODING` is how a value travelled, not the value).
fn push_extra(record: &mut RawRecord, entry: &VCardEntry) {
    let mut text = String::new();
    if entry.write_to(&mut text, true).is_err() {
        return;
    }
    let line = text.replace("\r\n ", "").replace("\r\n\t", "");
    let line = line.trim_end_matches(['\r', '\n']);
    // The group belongs to the property's place in this card, not to its meaning.
    let line = match &entry.group {
        Some(g) => line.strip_prefix(&format!("{g}.")).unwrap_or(line),
        None => line,
    };
    record.push(Field::Extra, line);
}

/// The values of a card's properties as written, by name and order, for those calcard reads
/// into another form (dates, time zones, gender).
struct RawValues(Vec<(String, String)>);

impl RawValues {
    fn of(card: &str) -> RawValues {
        let mut lines: Vec<String> = Vec::new();
        for line in card.lines() {
            match lines.last_mut() {
                Some(last) if line.starts_with([' ', '\t']) => last.push_str(&line[1..]),
                _ => lines.push(line.to_string()),
            }
        }
        RawValues(
            lines
                .iter()
                .filter_map(|l| {
                    let (head, value) = l.split_once(':')?;
                    let name = head.split(';').next()?.rsplit('.').next()?;
                    Some((name.trim().to_ascii_uppercase(), value.trim().to_string()))
                })
                .collect(),
        )
    }

    fn get(&self, name: &str, nth: usize) -> Option<String> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .nth(nth)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    }
}

fn is_pref(entry: &VCardEntry) -> bool {
    entry
        .params
        .iter()
        .any(|p| format!("{p:?}").to_ascii_lowercase().contains("pref"))
}

fn value_text(value: &VCardValue) -> Option<String> {
    let text = match value {
        VCardValue::Text(t) => t.clone(),
        VCardValue::Component(parts) => parts.join(" "),
        VCardValue::Integer(i) => i.to_string(),
        VCardValue::Float(f) => f.to_string(),
        VCardValue::Boolean(b) => b.to_string(),
        VCardValue::PartialDateTime(d) => date_text(d),
        // A value calcard left as bytes (a quoted-printable text whose bytes are not all
        // UTF-8) is that text, the bytes that are not replaced.
        VCardValue::Binary(data) => String::from_utf8_lossy(&data.data).into_owned(),
        VCardValue::Sex(s) => s.as_str().to_string(),
        VCardValue::GramGender(g) => g.as_str().to_string(),
        VCardValue::Kind(k) => k.as_str().to_string(),
    };
    Some(text)
}

/// A date as ISO writes it (`2009-08-08`, `--08-08` without a year), a time after a `T`, and
/// a UTC offset alone as `+01:00`.
fn date_text(d: &calcard::common::PartialDateTime) -> String {
    let mut out = match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => format!("{y:04}-{m:02}-{day:02}"),
        (None, Some(m), Some(day)) => format!("--{m:02}-{day:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(y), None, None) => format!("{y:04}"),
        (None, None, Some(day)) => format!("---{day:02}"),
        _ => String::new(),
    };
    if let (Some(h), Some(m)) = (d.hour, d.minute) {
        out.push_str(&format!("T{h:02}:{m:02}"));
        if let Some(s) = d.second {
            out.push_str(&format!(":{s:02}"));
        }
    }
    if let Some(h) = d.tz_hour {
        let sign = if d.tz_minus { '-' } else { '+' };
        let m = d.tz_minute.unwrap_or(0);
        if out.is_empty() || h != 0 || m != 0 {
            out.push_str(&format!("{sign}{h:02}:{m:02}"));
        } else {
            out.push('Z');
        }
    }
    out
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

fn push_all(record: &mut RawRecord, field: Field, entry: &VCardEntry, pref: bool, kind: &Kind) {
    for value in entry.values.iter().filter_map(value_text) {
        push_value(record, field.clone(), &value, pref, kind);
    }
}

fn push_value(record: &mut RawRecord, field: Field, value: &str, pref: bool, kind: &Kind) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    record.push_kind(field.clone(), value, kind.clone());
    if pref {
        // The preferred value goes before the others of its field.
        let added = record.fields.pop().expect("just added");
        let at = record
            .fields
            .iter()
            .position(|f| f.field == field)
            .unwrap_or(record.fields.len());
        record.fields.insert(at, added);
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

/// Whether the bytes are a vCard file that may need decoding card by card: its first line is
/// `BEGIN:VCARD` (after a UTF-8 BOM), and it is not UTF-16.
fn starts_as_vcard(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let first = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.trim_ascii())
        .find(|l| !l.is_empty());
    first.is_some_and(|l| l.len() >= 11 && l[..11].eq_ignore_ascii_case(b"BEGIN:VCARD"))
}

/// The length of the UTF-8 sequence a lead byte starts.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// Joins the folds that split a UTF-8 character (`C3` at the end of a line, ` A9` at the start
/// of the next): a writer that folds by bytes does so, and the character is whole once the line
/// is unfolded. Other folds are left for the card reader.
fn join_split_characters(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let fold = match &bytes[i..] {
            [b'\r', b'\n', b' ' | b'\t', next, ..] if (0x80..=0xBF).contains(next) => 3,
            [b'\n', b' ' | b'\t', next, ..] if (0x80..=0xBF).contains(next) => 2,
            _ => 0,
        };
        if fold > 0 {
            // The sequence the line ended in: its lead byte, and how many of its bytes came.
            let tail = out.iter().rev().take(4).take_while(|&&b| b >= 0x80).count();
            let lead = out
                .len()
                .checked_sub(tail)
                .and_then(|k| (k..out.len()).find(|&j| out[j] >= 0xC0));
            if let Some(lead) = lead
                && out.len() - lead < utf8_len(out[lead])
            {
                i += fold;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// The `CHARSET` a property line names, where its value is written in it (not
/// quoted-printable, which the card reader decodes with its charset).
fn line_charset(line: &[u8]) -> Option<String> {
    let colon = line.iter().position(|&b| b == b':')?;
    let head = String::from_utf8_lossy(&line[..colon]).to_ascii_uppercase();
    if head.contains("QUOTED-PRINTABLE") {
        return None;
    }
    let at = head.find("CHARSET=")?;
    let label: String = head[at + 8..]
        .chars()
        .take_while(|c| !matches!(c, ';' | ':'))
        .collect();
    let label = label.trim_matches('"').to_string();
    (!label.is_empty()).then_some(label)
}

/// Decodes a vCard file whose bytes are not UTF-8 as a whole, the way its cards were written:
/// folds that split a UTF-8 character joined first; then each property with a `CHARSET` of its
/// own (`FN;CHARSET=SHIFT_JIS:…`) in that charset, and each card's other lines as UTF-8 where
/// they are, else in the legacy encoding guessed for that card alone. A file of UTF-8 cards and
/// one card in Windows-1252 reads right in both. Nothing for a file that is not a vCard; meant
/// for bytes that are not UTF-8 as a whole (UTF-8, the common case, is decoded as any text).
pub fn decode(bytes: &[u8]) -> Option<super::text::Decoded> {
    if !starts_as_vcard(bytes) {
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let joined = match String::from_utf8(join_split_characters(bytes)) {
        Ok(text) => {
            return Some(super::text::Decoded {
                text,
                encoding: "UTF-8",
                had_errors: false,
            });
        }
        Err(not_utf8) => not_utf8.into_bytes(),
    };
    // Cards start at their BEGIN:VCARD lines.
    let lines: Vec<&[u8]> = joined.split_inclusive(|&b| b == b'\n').collect();
    let mut cards: Vec<Vec<&[u8]>> = Vec::new();
    for line in lines {
        let trimmed = line.trim_ascii_start();
        let begins = trimmed.len() >= 11 && trimmed[..11].eq_ignore_ascii_case(b"BEGIN:VCARD");
        if begins || cards.is_empty() {
            cards.push(Vec::new());
        }
        cards.last_mut().unwrap().push(line);
    }
    let mut text = String::with_capacity(joined.len() + joined.len() / 4);
    let mut encodings: Vec<&'static str> = Vec::new();
    let mut had_errors = false;
    for card in cards {
        // Each line with the charset it names, if it names one.
        let card: Vec<(&[u8], Option<String>)> =
            card.into_iter().map(|l| (l, line_charset(l))).collect();
        let plain: Vec<u8> = card
            .iter()
            .filter(|(_, charset)| charset.is_none())
            .flat_map(|(l, _)| l.iter().copied())
            .collect();
        let encoding = if std::str::from_utf8(&plain).is_ok() {
            encoding_rs::UTF_8
        } else {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(&plain, true);
            detector.guess(None, chardetng::Utf8Detection::Allow)
        };
        if !encodings.contains(&encoding.name()) {
            encodings.push(encoding.name());
        }
        for (line, charset) in card {
            let own = charset.and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
            match own {
                Some(charset) => {
                    let colon = line.iter().position(|&b| b == b':').unwrap_or(0);
                    let (value, errors) = charset.decode_without_bom_handling(&line[colon + 1..]);
                    had_errors |= errors;
                    // The value is now text: the charset it travelled in is no part of it.
                    let head = String::from_utf8_lossy(&line[..colon]);
                    let head: Vec<&str> = head
                        .split(';')
                        .filter(|p| !p.trim().to_ascii_uppercase().starts_with("CHARSET="))
                        .collect();
                    text.push_str(&head.join(";"));
                    text.push(':');
                    text.push_str(&value);
                }
                None => {
                    let (value, errors) = encoding.decode_without_bom_handling(line);
                    had_errors |= errors;
                    text.push_str(&value);
                }
            }
        }
    }
    let encoding = match encodings.as_slice() {
        [one] => one,
        _ => "several encodings, card by card",
    };
    Some(super::text::Decoded {
        text,
        encoding,
        had_errors,
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_fold_that_splits_a_character_does_not_make_the_file_legacy() {
        // `Müller` folded between the two bytes of `ü`.
        let bytes = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jonas M\xc3\r\n \xbcller\r\nN:M\xc3\xbcller;Jonas;;;\r\nEND:VCARD\r\n";
        let decoded = super::decode(bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.contains("FN:Jonas Müller"), "{}", decoded.text);
    }

    #[test]
    fn each_card_and_each_charset_is_decoded_as_it_was_written() {
        let mut bytes =
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren\xc3\xa9e Dupr\xc3\xa9\r\nEND:VCARD\r\n".to_vec();
        bytes.extend(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:J\xfcrgen Wei\xdf\r\nNOTE:Gr\xfc\xdfe aus M\xfcnchen\r\nEND:VCARD\r\n");
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("山田太郎");
        bytes.extend(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN;CHARSET=SHIFT_JIS:");
        bytes.extend(sjis.iter());
        bytes.extend(b"\r\nEND:VCARD\r\n");
        let text = super::decode(&bytes).unwrap().text;
        assert!(text.contains("FN:Renée Dupré"), "{text}");
        assert!(text.contains("FN:Jürgen Weiß"), "{text}");
        assert!(text.contains("FN:山田太郎"), "{text}");
    }
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

    fn values<'a>(card: &'a RawRecord, field: &Field) -> Vec<&'a str> {
        card.values(field).collect()
    }

    #[test]
    fn a_bare_quoted_printable_parameter_is_decoded() {
        // As Horde's and Evolution's 2.1 cards write it.
        let cards = read(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Guthrie;Stuart\r\nADR;WORK;QUOTED-PRINTABLE:;Rozelle=0ANSW 2039=0AAustralia;4 Moore St\r\nNOTE;QUOTED-PRINTABLE:Line one=0D=0ALine =\r\ntwo\r\nEND:VCARD\r\n",
        );
        let card = cards[0].as_ref().unwrap();
        assert_eq!(values(card, &Field::Notes), ["Line one\r\nLine two"]);
        let address =
            crate::model::Address::decode(card.first(&Field::Address).unwrap(), &Kind::default());
        assert_eq!(
            address.extended.as_deref(),
            Some("Rozelle\nNSW 2039\nAustralia")
        );
        assert_eq!(address.street.as_deref(), Some("4 Moore St"));
    }

    #[test]
    fn a_value_continued_after_a_backslash_keeps_its_lines() {
        // Android's 2.1 export of a street of three lines.
        let cards = read(
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN:bogus\r\nADR;HOME:;;Hermann v. Brevern\\\r\n9999999\\\r\nPackstation 999;Hamburg;;99999;Deutschland\r\nBDAY;VALUE=DATE:20081203\r\nEND:VCARD\r\n",
        );
        let card = cards[0].as_ref().unwrap();
        let address =
            crate::model::Address::decode(card.first(&Field::Address).unwrap(), &Kind::default());
        assert_eq!(
            address.street.as_deref(),
            Some("Hermann v. Brevern\n9999999\nPackstation 999")
        );
        assert_eq!(address.locality.as_deref(), Some("Hamburg"));
        assert_eq!(address.country.as_deref(), Some("Deutschland"));
        assert_eq!(values(card, &Field::Birthday), ["20081203"]);
    }

    #[test]
    fn types_labels_and_dates_are_read_as_written() {
        let cards = read(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nitem1.TEL;type=pref:+1 202 555 0143\r\nitem1.X-ABLabel:Office\r\nTEL;TYPE=CELL,VOICE:+1 202 555 0199\r\nitem2.X-ABRELATEDNAMES:Bo Lee\r\nitem2.X-ABLabel:_$!<Spouse>!$_\r\nX-ANNIVERSARY:2009-08-08\r\nTZ:-05:00\r\nX-SKYPE:ann.lee\r\nUID:abc-123\r\nX-CUSTOM;X-A=b:value\r\nEND:VCARD\r\n",
        );
        let card = cards[0].as_ref().unwrap();
        let phones: Vec<_> = card
            .fields
            .iter()
            .filter(|f| f.field == Field::Phone)
            .collect();
        assert_eq!(phones[0].kind().label.as_deref(), Some("Office"));
        assert_eq!(phones[1].kind().types, ["cell", "voice"]);
        let related = card
            .fields
            .iter()
            .find(|f| f.field == Field::Related)
            .unwrap();
        assert_eq!(related.value, "Bo Lee");
        assert_eq!(related.kind().label.as_deref(), Some("_$!<Spouse>!$_"));
        let date = card.fields.iter().find(|f| f.field == Field::Date).unwrap();
        assert_eq!(
            (date.value.as_str(), date.kind().types.as_slice()),
            ("2009-08-08", &["anniversary".to_string()][..])
        );
        assert_eq!(values(card, &Field::TimeZone), ["-05:00"]);
        assert_eq!(values(card, &Field::Im), ["skype:ann.lee"]);
        assert_eq!(values(card, &Field::Uid), ["abc-123"]);
        assert_eq!(values(card, &Field::Extra), ["X-CUSTOM;X-A=b:value"]);
    }
}
