//! Stage 2, **normalize**: pure functions per kind of value turn a raw record's labelled text into
//! typed values. A value that cannot be normalized is kept raw with its problem; nothing is
//! dropped.

pub mod date;
pub mod email;
pub mod event;
pub mod name;
pub mod org;
pub mod phone;
pub mod rating;
pub mod title;
pub mod url;

use compact_str::CompactString;

use crate::model::{
    Address, DateEntry, Entry, Extra, Field, Im, Kind, PhoneEntry, Photo, Problem, RawRecord,
    Record, Related, merge_kind,
};
use crate::normalize::phone::Id;

/// The label of a custom field that holds a family name the person was known by before
/// ([`name::take_former`]); the resolver reads it, and columns that say the same
/// (`Maiden Name`, `Birth name`), as another family name of the record's.
pub const FORMER_NAME: &str = "former name";

/// What normalization needs besides the record.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Region for phone numbers without a country code, where the record names no country.
    pub region: Id,
}

impl Default for Options {
    fn default() -> Self {
        Options { region: Id::US }
    }
}

/// Normalizes a raw record.
pub fn normalize(raw: RawRecord, opts: &Options) -> Record {
    let mut r = Record {
        prov: Some(raw.prov),
        warnings: raw.warnings.into(),
        ..Record::default()
    };
    let fields = more_details(raw.fields, r.prov.as_ref());
    let first = |field: Field| {
        fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| f.value.as_str())
    };

    let country = first(Field::Country);
    let region = country.and_then(phone::region_of).unwrap_or(opts.region);
    r.country = country.map(Into::into);

    let mut full = first(Field::FullName);
    let problem = |r: &mut Record, field: &str, value: &str, why: String| {
        r.problems.push(Problem {
            field: field.into(),
            value: value.into(),
            problem: why,
        });
    };
    // Some exports put the address where the name belongs when they have no name.
    // (It is added after the record's own addresses.)
    let full_email = full
        .filter(|f| f.contains('@'))
        .and_then(|f| email::normalize(f).ok());
    if full_email.is_some() {
        full = None;
    }
    // An address book files an organization's own entry under its name (`Name`, `File As`):
    // a full name that is the organization, with no name parts, names no person. (Without a
    // way to reach it, the entry keeps the name, so that it is still a contact.)
    let reachable = fields.iter().any(|f| {
        matches!(
            &f.field,
            Field::Email | Field::Phone | Field::Url | Field::LinkedIn
        )
    });
    // A card must have a formatted name: a writer shows the nickname there when it has no name.
    if full.is_some()
        && first(Field::GivenName).is_none()
        && first(Field::FamilyName).is_none()
        && fields
            .iter()
            .any(|f| f.field == Field::Nickname && Some(f.value.as_str()) == full)
    {
        full = None;
    }
    if let Some(f) = full
        && reachable
        && first(Field::GivenName).is_none()
        && first(Field::FamilyName).is_none()
        && fields.iter().any(|field| {
            field.field == Field::Organization && field.value.trim().eq_ignore_ascii_case(f.trim())
        })
    {
        full = None;
    }
    // A nickname written inside the name (`William "Bill" Gates`, `Robert (Bob)` in a given
    // name's column) is the record's nickname, and the name is read without it.
    let full_nickname = full.and_then(name::take_nickname);
    let given_nickname = first(Field::GivenName).and_then(name::take_nickname);
    let full = full_nickname
        .as_ref()
        .map_or(full, |(rest, _)| Some(rest.as_str()));
    let given = given_nickname
        .as_ref()
        .map_or(first(Field::GivenName), |(rest, _)| Some(rest.as_str()));
    // A former family name written with the name (`Jennifer Walsh née Morrison`, `Walsh
    // (Morrison)` in a family name's column) is the record's former name, and the name is read
    // without it.
    let formers = [
        full.and_then(|f| name::take_former(f, false)),
        first(Field::FamilyName).and_then(|f| name::take_former(f, true)),
    ];
    let full = formers[0]
        .as_ref()
        .map_or(full, |(rest, _)| Some(rest.as_str()));
    let family = formers[1]
        .as_ref()
        .map_or(first(Field::FamilyName), |(rest, _)| Some(rest.as_str()));
    // Pronouns or a note in brackets after a name (`Alex Kim (she/her)`, `Jane Doe (Acme)`)
    // are kept beside it, and the name is read without them.
    let asides = [
        full.and_then(name::take_aside),
        given.and_then(name::take_aside),
        family.and_then(name::take_aside),
    ];
    fn without<'a>(
        part: Option<&'a str>,
        aside: &'a Option<(String, &str, String)>,
    ) -> Option<&'a str> {
        aside
            .as_ref()
            .map_or(part, |(rest, _, _)| Some(rest.as_str()))
    }
    let (full, given, family) = (
        without(full, &asides[0]),
        without(given, &asides[1]),
        without(family, &asides[2]),
    );
    r.name = name::build(name::NameParts {
        full,
        prefix: first(Field::Prefix),
        given,
        middle: first(Field::MiddleName),
        family,
        suffix: first(Field::Suffix),
    });

    for raw_field in &fields {
        let (field, value, kind) = (&raw_field.field, &raw_field.value, raw_field.kind());
        match field {
            Field::FullName
            | Field::Prefix
            | Field::GivenName
            | Field::MiddleName
            | Field::FamilyName
            | Field::Suffix
            | Field::Country => {
                // Used above; a second value of a name part is kept as a custom field.
                if first(field.clone()) != Some(value.as_str()) {
                    r.custom.push((field.label().into(), value.as_str().into()));
                }
            }
            Field::Nickname => {
                if r.rare().nickname.is_none() {
                    r.rare_mut().nickname = Some(value.as_str().into());
                } else {
                    r.custom.push(("nickname".into(), value.as_str().into()));
                }
            }
            Field::Email => {
                for parsed in email::parse_cell(value) {
                    let written = match parsed {
                        Ok(e) => {
                            push_unique(&mut r.emails, e.clone());
                            e
                        }
                        Err((raw, why)) => {
                            problem(&mut r, "email", &raw, why);
                            raw
                        }
                    };
                    push_entry(&mut r.details.emails, written, kind);
                }
            }
            Field::Phone => {
                // A fax or a pager is kept with its kind but is no number to call or match on.
                let fax = kind.has("fax") || kind.has("pager");
                // Several numbers in one cell (`+1 202 555 0143; +44 20 7946 0958`) are read
                // one by one where each is a number; otherwise the cell is one value.
                let whole = phone::normalize(value, region);
                let parts: Option<Vec<_>> = match &whole {
                    Err(_) if value.contains(';') => value
                        .split(';')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(|p| phone::normalize(p, region).ok().map(|n| (p, Ok(n))))
                        .collect(),
                    _ => None,
                };
                let numbers = parts.unwrap_or_else(|| vec![(value.as_str(), whole)]);
                for (written, parsed) in numbers {
                    let mut entry = PhoneEntry {
                        value: written.into(),
                        e164: None,
                        types: kind.entry_types(),
                        label: kind.entry_label(),
                        extension: None,
                    };
                    match parsed {
                        Ok(p) => {
                            if let Some(note) = &p.note {
                                r.warnings.push(note.clone());
                            }
                            if !fax {
                                if let Some(ext) = &p.extension {
                                    r.rare_mut().extensions.push((p.e164.clone(), ext.clone()));
                                }
                                push_unique(&mut r.phones, p.e164.clone());
                            }
                            entry.e164 = Some(p.e164.into());
                            entry.extension = p.extension.map(Into::into);
                        }
                        Err(why) if !fax => problem(&mut r, "phone", written, why),
                        Err(_) => {}
                    }
                    crate::model::Details::add_phone(&mut r.details.phones, entry);
                }
            }
            Field::Organization => {
                for value in list(value) {
                    let display = org::display(value);
                    if r.organization.is_none() {
                        r.org_key = org::key(&display).map(Into::into);
                        r.organization = Some(display.into());
                    } else if r.organization.as_deref() != Some(display.as_str()) {
                        r.custom.push(("organization".into(), display.into()));
                    }
                }
            }
            Field::Department => {
                if r.rare().department.is_none() {
                    r.rare_mut().department = Some(org::display(value).into());
                } else {
                    r.custom.push(("department".into(), value.as_str().into()));
                }
            }
            Field::Title => {
                for value in list(value) {
                    let t = title::normalize(value);
                    if r.title.is_none() {
                        r.title = Some(t.into());
                    } else if r.title.as_deref() != Some(t.as_str()) {
                        r.custom.push(("title".into(), t.into()));
                    }
                }
            }
            Field::Url | Field::LinkedIn => {
                for value in list(value) {
                    let written = match url::normalize(value) {
                        Ok((u, is_linkedin)) => {
                            if is_linkedin && r.linkedin.is_none() {
                                r.linkedin = Some(u.as_str().into());
                            }
                            push_unique(&mut r.urls, u.clone());
                            u
                        }
                        Err(why) => {
                            problem(&mut r, "url", value, why);
                            value.to_string()
                        }
                    };
                    push_entry(&mut r.details.urls, written, kind);
                }
            }
            // Outlook's "0/0/00" and "0000-00-00" say there is no birthday; a birthday in words
            // is kept as a problem like any other date that cannot be read.
            Field::Birthday
                if value.contains('0')
                    && value
                        .chars()
                        .all(|c| c == '0' || !c.is_ascii_alphanumeric()) => {}
            Field::Birthday => match date::birthday(value) {
                Some(b) if r.rare().birthday.is_none() => r.rare_mut().birthday = Some(b.into()),
                Some(b) if r.rare().birthday.as_deref() == Some(b.as_str()) => {}
                Some(_) => r.custom.push(("birthday".into(), value.as_str().into())),
                None => problem(&mut r, "birthday", value, "not a date".into()),
            },
            Field::Notes => push_unique(&mut r.notes, value.clone()),
            // The rating as given ("4", "★★★★") and the capture time are kept as written
            // beside what they were read as.
            Field::Rating => {
                let parsed = rating::parse(value);
                if !r.rated {
                    r.rated = true;
                    r.rating = parsed;
                }
                match parsed {
                    Some(p) if p.as_str().eq_ignore_ascii_case(value) => {}
                    Some(_) => r.custom.push(("rating".into(), value.as_str().into())),
                    None => problem(
                        &mut r,
                        "rating",
                        value,
                        "not a rating (hot, warm, cold or 0-5)".into(),
                    ),
                }
            }
            Field::Timestamp => {
                match date::parse(value).or_else(|| date::excel_serial(value)) {
                    Some(d) if r.captured_on.is_none() => r.captured_on = Some(d),
                    Some(_) => {}
                    None => problem(&mut r, "timestamp", value, "not a date".into()),
                }
                r.custom.push((field.label().into(), value.as_str().into()));
            }
            Field::Tags => {
                for tag in value
                    .split([',', ';'])
                    .map(|t| t.trim().trim_start_matches("* ").trim())
                {
                    if !tag.is_empty() {
                        push_unique(&mut r.tags, tag.to_string());
                    }
                }
            }
            Field::Event => {
                let events = event::parse_list(value);
                // The value as written is kept where the events read from it do not spell it.
                if event::render_list(&events) != value.trim() {
                    r.custom.push(("event".into(), value.as_str().into()));
                }
                for e in events {
                    if !r.events.iter().any(|known| known.name == e.name) {
                        r.events.push(e);
                    }
                }
            }
            Field::Address => {
                // The same place given twice (a layout's columns, and its kind in the notes'
                // paragraph) is one address of both kinds.
                let address = Address::decode(value, kind);
                match r
                    .details
                    .addresses
                    .iter_mut()
                    .find(|a| a.same_place(&address))
                {
                    _ if address.is_empty() => {}
                    Some(known) => {
                        merge_kind(&mut known.types, &mut known.label, &kind.types, &kind.label)
                    }
                    None => r.details.addresses.push(address),
                }
            }
            Field::Im => {
                let im = Im {
                    service: scheme(value).map(str::to_ascii_lowercase),
                    value: value.clone(),
                    types: kind.types.clone(),
                    label: kind.label.clone(),
                };
                if !r.details.ims.contains(&im) {
                    r.details.ims.push(im);
                }
            }
            Field::Related => {
                let related = Related {
                    name: value.clone(),
                    relation: kind.label.clone().or_else(|| kind.types.first().cloned()),
                    value: scheme(value).map(|_| value.clone()),
                };
                if !r.details.related.contains(&related) {
                    r.details.related.push(related);
                }
            }
            Field::Date => {
                let date = DateEntry {
                    kind: kind
                        .types
                        .first()
                        .cloned()
                        .unwrap_or_else(|| "other".into()),
                    // A date with a time of day is kept as written.
                    value: Some(value)
                        .filter(|v| !v.contains('T'))
                        .and_then(|v| date::birthday(v))
                        .unwrap_or_else(|| value.clone()),
                    label: kind.label.clone(),
                };
                if !r.details.dates.contains(&date) {
                    r.details.dates.push(date);
                }
            }
            Field::Role
            | Field::Gender
            | Field::TimeZone
            | Field::Geo
            | Field::PhoneticGiven
            | Field::PhoneticMiddle
            | Field::PhoneticFamily
            | Field::PhoneticOrganization => {
                let d = &mut r.details;
                let slot = match field {
                    Field::Role => &mut d.role,
                    Field::Gender => &mut d.gender,
                    Field::TimeZone => &mut d.time_zone,
                    Field::Geo => &mut d.geo,
                    Field::PhoneticGiven => &mut d.phonetic.given,
                    Field::PhoneticMiddle => &mut d.phonetic.middle,
                    Field::PhoneticFamily => &mut d.phonetic.family,
                    _ => &mut d.phonetic.organization,
                };
                match slot {
                    None => *slot = Some(value.clone()),
                    Some(known) if known == value => {}
                    Some(_) => r.custom.push((field.label().into(), value.as_str().into())),
                }
            }
            Field::Uid => {
                if !r.details.uids.contains(value) {
                    r.details.uids.push(value.clone());
                }
            }
            // A second photo is kept as the property it is.
            Field::Photo => match &r.details.photo {
                None => r.details.photo = Some(Box::new(Photo::decode(value))),
                Some(_) => r.details.extra.push(Extra {
                    name: "PHOTO".into(),
                    params: String::new(),
                    value: Photo::decode(value).encode(),
                }),
            },
            Field::Extra => match Extra::parse(value) {
                Some(extra) if !r.details.extra.contains(&extra) => r.details.extra.push(extra),
                Some(_) => {}
                None => r.custom.push(("extra".into(), value.as_str().into())),
            },
            Field::Unsure => {
                r.problems.push(Problem {
                    field: kind.types.first().map_or("value", String::as_str).into(),
                    value: value.as_str().into(),
                    problem: kind.label.clone().unwrap_or_default(),
                });
            }
            Field::ContactId => {
                if r.rare().exported_as.is_none() {
                    r.rare_mut().exported_as = Some(value.as_str().into());
                }
            }
            Field::Custom(label) => r
                .custom
                .push((label.as_str().into(), value.as_str().into())),
        }
    }
    // Written inside the name, the nickname gives way to one the source gives in its own field.
    if let Some((_, nickname)) = full_nickname.or(given_nickname) {
        match r.rare().nickname.as_deref() {
            None => r.rare_mut().nickname = Some(nickname.into()),
            Some(n) if n != nickname => r.custom.push(("nickname".into(), nickname.into())),
            Some(_) => {}
        }
    }
    for (_, label, aside) in asides.into_iter().flatten() {
        r.custom.push((label.into(), aside.into()));
    }
    for (_, former) in formers.into_iter().flatten() {
        if !r
            .custom
            .iter()
            .any(|(label, value)| label == FORMER_NAME && *value == former)
        {
            r.custom.push((FORMER_NAME.into(), former.into()));
        }
    }
    if let Some(address) = full_email {
        push_unique(&mut r.emails, address.clone());
        push_entry(&mut r.details.emails, address, &Kind::default());
    }
    if r.rare().birthday.is_none()
        && let Some(birthday) = birthday_in_parts(&r.custom)
    {
        r.rare_mut().birthday = Some(birthday.into());
    }
    // rolo's own exports repeat the events as categories and as a note: those copies are the
    // events, not tags or notes of their own. Where the note is the only place of the events (an
    // Outlook contact), the events are read from it.
    if r.events.is_empty() {
        r.events = r
            .notes
            .iter()
            .find_map(|n| event::from_met_note(n))
            .unwrap_or_default()
            .into();
    }
    if !r.events.is_empty() {
        r.tags.retain(|t| !r.events.iter().any(|e| e.name == *t));
        let met = event::met_note(&r.events);
        let tail = format!("\n\n{met}");
        for note in &mut r.notes {
            if let Some(own) = note.strip_suffix(&tail) {
                *note = own.to_string();
            }
        }
        r.notes.retain(|n| *n != met);
    }
    r.shrink_to_fit();
    r
}

/// A note that holds rolo's paragraph of more details ([`crate::export::MORE_DETAILS`]) gives
/// those values back: the paragraph is read as the vCard properties it is, the rest of the note
/// stays a note.
fn more_details(
    fields: Vec<crate::model::RawField>,
    prov: Option<&crate::model::Provenance>,
) -> Vec<crate::model::RawField> {
    use crate::export::MORE_DETAILS;
    if !fields
        .iter()
        .any(|f| f.field == Field::Notes && f.value.contains(MORE_DETAILS))
    {
        return fields;
    }
    let mut out = Vec::with_capacity(fields.len());
    let mut more = Vec::new();
    for mut f in fields {
        if f.field == Field::Notes
            && let Some(at) = f.value.find(MORE_DETAILS)
        {
            let block = f.value[at + MORE_DETAILS.len()..].to_string();
            let prov = prov.cloned().unwrap_or_else(|| crate::model::Provenance {
                file: "".into(),
                sheet: None,
                record: 0,
            });
            more.extend(crate::read::vcard::property_fields(&block, prov));
            f.value = f.value[..at].trim_end().to_string();
            if f.value.is_empty() {
                continue;
            }
        }
        out.push(f);
    }
    out.extend(more);
    out
}

/// A birthday given as year, month and day columns (Thunderbird); the year may be empty.
fn birthday_in_parts(custom: &[(CompactString, CompactString)]) -> Option<String> {
    use crate::read::headers::{BIRTH_DAY, BIRTH_MONTH, BIRTH_YEAR};
    let part = |label: &str| -> Option<u32> {
        custom
            .iter()
            .find(|(l, _)| l == label)
            .and_then(|(_, v)| v.trim().parse().ok())
    };
    let (month, day) = (part(BIRTH_MONTH)?, part(BIRTH_DAY)?);
    chrono::NaiveDate::from_ymd_opt(2000, month, day)?;
    match part(BIRTH_YEAR).filter(|y| (1800..=2200).contains(y)) {
        Some(year) => {
            chrono::NaiveDate::from_ymd_opt(year as i32, month, day).map(|d| d.to_string())
        }
        None => Some(format!("--{month:02}-{day:02}")),
    }
}

/// The values of a cell that lists several, separated by `; ` as rolo's own CSV and HubSpot's
/// multi-value properties write them. A `;` without a space after it is part of the value.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split("; ").map(str::trim).filter(|v| !v.is_empty())
}

/// Adds an email or URL entry with its kind; a value already there takes the kind's types too.
fn push_entry(list: &mut thin_vec::ThinVec<Entry>, value: String, kind: &Kind) {
    match list.iter_mut().find(|e| e.value == value) {
        Some(known) => merge_kind(
            &mut known.types,
            &mut known.label,
            &kind.entry_types(),
            &kind.entry_label(),
        ),
        None => list.push(Entry {
            value: value.into(),
            types: kind.entry_types(),
            label: kind.entry_label(),
        }),
    }
}

/// The sex component vCard 4's `GENDER` gives (RFC 6350 6.2.7: `M`, `F`, `O`, `N`, `U`) of
/// the word a file wrote in its gender column (`Female`, `weiblich`, `M`), if it is one.
pub fn sex(word: &str) -> Option<&'static str> {
    Some(match word.trim().to_lowercase().as_str() {
        "m" | "male" | "man" | "männlich" | "maennlich" | "masculin" | "masculino" | "homme"
        | "hombre" | "mann" | "maschio" | "mannelijk" => "M",
        "f" | "female" | "woman" | "weiblich" | "féminin" | "feminin" | "femenino" | "femme"
        | "mujer" | "frau" | "femmina" | "vrouwelijk" => "F",
        "o" | "other" => "O",
        "n" | "none" | "not applicable" => "N",
        // Outlook's `Unspecified`, in German `Keine Angabe`.
        "u" | "unknown" | "unspecified" | "not specified" | "keine angabe" | "nicht angegeben"
        | "unbekannt" | "non spécifié" | "non specifie" | "inconnu" | "no especificado"
        | "sin especificar" | "desconocido" => "U",
        _ => return None,
    })
}

/// The scheme of a URI (`xmpp` of `xmpp:ann@example.com`), where the value is one.
pub fn scheme(value: &str) -> Option<&str> {
    let (scheme, rest) = value.split_once(':')?;
    let ok = !rest.is_empty()
        && scheme.len() >= 2
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    ok.then_some(scheme)
}

fn push_unique(list: &mut thin_vec::ThinVec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Provenance;

    #[test]
    fn a_badge_row_keeps_each_value_and_no_room_it_does_not_use() {
        let prov = Provenance {
            file: "badge.csv".into(),
            sheet: None,
            record: 1,
        };
        let mut raw = RawRecord::new(prov, String::new());
        raw.push(Field::FullName, "Jen Vergara");
        raw.push(Field::Email, "jen.vergara@globex.example");
        raw.push(Field::Phone, "+44 7911 123456");
        raw.push(Field::Notes, "Booth 4B, met twice\nAsked about pricing");
        raw.push(Field::Custom("Badge Type".into()), "Exhibitor");
        let r = normalize(raw, &Options::default());
        assert_eq!(&r.emails[..], ["jen.vergara@globex.example"]);
        assert_eq!(&r.phones[..], ["+447911123456"]);
        assert_eq!(r.notes.len(), 1);
        assert_eq!(r.details.phones.len(), 1);
        assert_eq!(r.details.emails.len(), 1);
        // A list grown a value at a time keeps room for four: at 200,000 people that was a
        // third of the records' memory.
        assert_eq!(r.emails.capacity(), r.emails.len());
        assert_eq!(r.phones.capacity(), r.phones.len());
        assert_eq!(r.notes.capacity(), r.notes.len());
        assert_eq!(r.custom.capacity(), r.custom.len());
        assert_eq!(r.details.phones.capacity(), 1);
        assert_eq!(r.details.emails.capacity(), 1);
    }
}
