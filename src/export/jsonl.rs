//! JSON Lines outputs: one object per line, the keys of `DESIGN.md` first.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::model::{
    Address, Contact, DateEntry, Entry, Extra, Im, PhoneEntry, Phonetic, Photo, Problem,
    Provenance, Related,
};
use crate::worklist::Rows;

#[derive(Serialize)]
struct EventOut<'a> {
    name: &'a str,
    met_on: Option<String>,
}

#[derive(Serialize)]
struct CustomOut<'a> {
    field: &'a str,
    value: &'a str,
}

/// The last step done with a contact.
#[derive(Serialize)]
struct TouchOut<'a> {
    day: String,
    step: &'a str,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct ContactOut<'a> {
    id: &'a str,
    name: String,
    given_name: Option<&'a str>,
    family_name: Option<&'a str>,
    emails: &'a [String],
    phones: &'a [String],
    phones_raw: Vec<&'a str>,
    organization: Option<&'a str>,
    title: Option<&'a str>,
    urls: &'a [String],
    birthday: Option<&'a str>,
    notes: &'a [String],
    rating: Option<&'static str>,
    events: Vec<EventOut<'a>>,
    sources: &'a [Provenance],
    // Beyond the contract: every other value, so nothing is lost.
    prefix: Option<&'a str>,
    middle_name: Option<&'a str>,
    suffix: Option<&'a str>,
    nickname: Option<&'a str>,
    linkedin: Option<&'a str>,
    phone_extensions: BTreeMap<&'a str, &'a str>,
    organizations: &'a [String],
    titles: &'a [String],
    departments: &'a [String],
    country: Option<&'a str>,
    tags: &'a [String],
    known_before: bool,
    previous_organization: Option<&'a str>,
    custom: Vec<CustomOut<'a>>,
    problems: &'a [Problem],
    // Contact details: every value a card or an address-book row carries.
    phone_entries: std::borrow::Cow<'a, [PhoneEntry]>,
    email_entries: std::borrow::Cow<'a, [Entry]>,
    url_entries: std::borrow::Cow<'a, [Entry]>,
    addresses: &'a [Address],
    ims: &'a [Im],
    related: &'a [Related],
    dates: &'a [DateEntry],
    role: Option<&'a str>,
    gender: Option<&'a str>,
    time_zone: Option<&'a str>,
    geo: Option<&'a str>,
    phonetic: Option<&'a Phonetic>,
    uid: Option<&'a str>,
    categories: &'a [String],
    photo: Option<PhotoOut>,
    extra: &'a [Extra],
    // From a store: the last step done, or null.
    last_touch: Option<TouchOut<'a>>,
}

/// A photo: its type, digest and size, the link where it is one, and the image itself in base64
/// (`data`) so that the file holds the contact whole.
#[derive(Serialize)]
pub(super) struct PhotoOut {
    mime: Option<String>,
    sha256: String,
    bytes: Option<usize>,
    url: Option<String>,
    data: Option<String>,
}

impl PhotoOut {
    pub(super) fn of(photo: &Photo) -> PhotoOut {
        use base64::Engine;
        PhotoOut {
            mime: photo.mime.clone(),
            sha256: photo.sha256(),
            bytes: photo.data.as_ref().map(Vec::len),
            url: photo.url.clone(),
            data: photo
                .data
                .as_ref()
                .map(|d| base64::engine::general_purpose::STANDARD.encode(d)),
        }
    }
}

pub fn write_contacts_jsonl(w: &mut dyn Write, contacts: &[Contact]) -> io::Result<()> {
    super::write_in_parallel(w, contacts, |c, buf| {
        let d = &c.details;
        let out = ContactOut {
            id: &c.id,
            name: c.display_name(),
            given_name: c.name.given.as_deref(),
            family_name: c.name.family.as_deref(),
            emails: &c.emails,
            phones: &c.phones,
            phones_raw: c
                .problems
                .iter()
                .filter(|p| p.field == "phone")
                .map(|p| p.value.as_str())
                .collect(),
            organization: c.organization(),
            title: c.title(),
            urls: &c.urls,
            birthday: c.birthday.as_deref(),
            notes: &c.notes,
            rating: c.rating.map(|r| r.as_str()),
            events: c
                .events
                .iter()
                .map(|e| EventOut {
                    name: &e.name,
                    met_on: e.met_on.map(|d| d.to_string()),
                })
                .collect(),
            sources: &c.sources,
            prefix: c.name.prefix.as_deref(),
            middle_name: c.name.middle.as_deref(),
            suffix: c.name.suffix.as_deref(),
            nickname: c.nickname.as_deref(),
            linkedin: c.linkedin.as_deref(),
            phone_extensions: c
                .extensions
                .iter()
                .map(|(n, e)| (n.as_str(), e.as_str()))
                .collect(),
            organizations: &c.organizations,
            titles: &c.titles,
            departments: &c.departments,
            country: c.country.as_deref(),
            tags: &c.tags,
            known_before: c.known_before,
            previous_organization: c.previous_organization.as_deref(),
            custom: c
                .custom
                .iter()
                .map(|(field, value)| CustomOut { field, value })
                .collect(),
            problems: &c.problems,
            phone_entries: c.phone_entries(),
            email_entries: c.email_entries(),
            url_entries: c.url_entries(),
            addresses: &d.addresses,
            ims: &d.ims,
            related: &d.related,
            dates: &d.dates,
            role: d.role.as_deref(),
            gender: d.gender.as_deref(),
            time_zone: d.time_zone.as_deref(),
            geo: d.geo.as_deref(),
            phonetic: (!d.phonetic.is_empty()).then_some(&d.phonetic),
            uid: d.uids.first().map(String::as_str),
            categories: &c.tags,
            photo: d.photo.as_deref().map(PhotoOut::of),
            extra: &d.extra,
            last_touch: c.followup.last_touch().map(|(step, day, note)| TouchOut {
                day: day.to_string(),
                step,
                note: note.as_deref(),
            }),
        };
        serde_json::to_writer(&mut *buf, &out)?;
        buf.push(b'\n');
        Ok(())
    })
}

#[derive(Serialize)]
struct RowOut<'a> {
    due: String,
    overdue: bool,
    overdue_days: u32,
    priority: u8,
    contact_id: &'a str,
    name: &'a str,
    organization: &'a str,
    title: &'a str,
    email: &'a str,
    phone: &'a str,
    linkedin: &'a str,
    event: &'a str,
    met_on: Option<String>,
    step: &'a str,
    action: &'a str,
    notes: &'a str,
    reasons: &'a str,
    channel: &'static str,
    draft_subject: &'a str,
    draft_body: &'a str,
    moved_from: Option<String>,
    last_touch: &'a str,
}

pub fn write_worklist_jsonl<R: Rows + ?Sized>(w: &mut dyn Write, rows: &R) -> io::Result<()> {
    super::write_in_parallel(w, rows.items(), |item, buf| {
        let r = rows.row(item);
        let out = RowOut {
            due: r.due.to_string(),
            overdue: r.overdue,
            overdue_days: r.overdue_days,
            priority: r.priority,
            contact_id: &r.contact_id,
            name: &r.name,
            organization: &r.organization,
            title: &r.title,
            email: &r.email,
            phone: &r.phone,
            linkedin: &r.linkedin,
            event: &r.event,
            met_on: r.met_on.map(|d| d.to_string()),
            step: &r.step,
            action: &r.action,
            notes: &r.notes,
            reasons: &r.reasons,
            channel: r.channel.as_str(),
            draft_subject: &r.draft_subject,
            draft_body: &r.draft_body,
            moved_from: r.moved_from.map(|d| d.to_string()),
            last_touch: &r.last_touch,
        };
        serde_json::to_writer(&mut *buf, &out)?;
        buf.push(b'\n');
        Ok(())
    })
}
