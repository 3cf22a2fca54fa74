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

use crate::model::{Field, Problem, RawRecord, Record};
use crate::normalize::phone::Id;

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
        raw: raw.raw,
        warnings: raw.warnings.into(),
        ..Record::default()
    };
    let fields = raw.fields;
    let first = |field: Field| {
        fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
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
    if let Some(f) = full.filter(|f| f.contains('@') && email::normalize(f).is_ok()) {
        push_unique(&mut r.emails, email::normalize(f).unwrap_or_default());
        full = None;
    }
    // An address book files an organization's own entry under its name (`Name`, `File As`):
    // a full name that is the organization, with no name parts, names no person. (Without a
    // way to reach it, the entry keeps the name, so that it is still a contact.)
    let reachable = fields.iter().any(|(f, _)| {
        matches!(
            f,
            Field::Email | Field::Phone | Field::Url | Field::LinkedIn
        )
    });
    if let Some(f) = full
        && reachable
        && first(Field::GivenName).is_none()
        && first(Field::FamilyName).is_none()
        && fields.iter().any(|(field, v)| {
            *field == Field::Organization && v.trim().eq_ignore_ascii_case(f.trim())
        })
    {
        full = None;
    }
    r.name = name::build(name::NameParts {
        full,
        prefix: first(Field::Prefix),
        given: first(Field::GivenName),
        middle: first(Field::MiddleName),
        family: first(Field::FamilyName),
        suffix: first(Field::Suffix),
    });

    for (field, value) in &fields {
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
                if r.nickname.is_none() {
                    r.nickname = Some(value.as_str().into());
                } else {
                    r.custom.push(("nickname".into(), value.as_str().into()));
                }
            }
            Field::Email => {
                for parsed in email::parse_cell(value) {
                    match parsed {
                        Ok(e) => push_unique(&mut r.emails, e),
                        Err((raw, why)) => problem(&mut r, "email", &raw, why),
                    }
                }
            }
            Field::Phone => {
                // Several numbers in one cell (`+1 202 555 0143; +44 20 7946 0958`) are read
                // one by one where each is a number; otherwise the cell is one value.
                let whole = phone::normalize(value, region);
                let parts: Option<Vec<_>> = match &whole {
                    Err(_) if value.contains(';') => value
                        .split(';')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .map(|p| phone::normalize(p, region).ok())
                        .collect(),
                    _ => None,
                };
                let numbers = match (parts, whole) {
                    (Some(parts), _) => parts,
                    (None, Ok(p)) => vec![p],
                    (None, Err(why)) => {
                        problem(&mut r, "phone", value, why);
                        Vec::new()
                    }
                };
                for p in numbers {
                    if let Some(ext) = p.extension {
                        r.extensions.push((p.e164.clone(), ext));
                    }
                    push_unique(&mut r.phones, p.e164);
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
                if r.department.is_none() {
                    r.department = Some(org::display(value).into());
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
                    match url::normalize(value) {
                        Ok((u, is_linkedin)) => {
                            if is_linkedin && r.linkedin.is_none() {
                                r.linkedin = Some(u.as_str().into());
                            }
                            push_unique(&mut r.urls, u);
                        }
                        Err(why) => problem(&mut r, "url", value, why),
                    }
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
                Some(b) if r.birthday.is_none() => r.birthday = Some(b.into()),
                Some(b) if r.birthday.as_deref() == Some(b.as_str()) => {}
                Some(_) => r.custom.push(("birthday".into(), value.as_str().into())),
                None => problem(&mut r, "birthday", value, "not a date".into()),
            },
            Field::Notes => push_unique(&mut r.notes, value.clone()),
            // The rating as given ("4", "★★★★") and the capture time are kept as written
            // beside what they were read as.
            Field::Rating => {
                let parsed = rating::parse(value);
                if r.rating_raw.is_none() {
                    r.rating_raw = Some(value.as_str().into());
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
            Field::Custom(label) => r
                .custom
                .push((label.as_str().into(), value.as_str().into())),
        }
    }
    if r.birthday.is_none() {
        r.birthday = birthday_in_parts(&r.custom).map(Into::into);
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
    r
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

fn push_unique(list: &mut thin_vec::ThinVec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}
