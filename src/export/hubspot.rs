//! HubSpot CSV: the columns HubSpot's contact import maps to its default properties on its own
//! (First Name, Last Name, Email, Phone Number, Company Name, Job Title, Website URL), then the
//! event met at and the lead rating, which the import offers to create as contact properties.
//! Further values go in columns of their own, several values in one cell separated by `;` as
//! HubSpot's multi-value properties are.

use std::io::{self, Write};

use super::csv::{row, writer};
use crate::model::{Contact, More};
use crate::normalize::event;

const COLUMNS: &[&str] = &[
    "First Name",
    "Last Name",
    "Email",
    "Phone Number",
    "Company Name",
    "Job Title",
    "Website URL",
    "Event",
    "Lead Rating",
    "Middle Name",
    "Date of Birth",
    "LinkedIn URL",
    "Country",
    "Notes",
    "Additional Email Addresses",
    "Additional Phone Numbers",
    "Additional Websites",
    "Additional Companies",
    "Additional Job Titles",
    "Tags",
    "Salutation",
    "Suffix",
    "Nickname",
    "Department",
    "Mobile Phone Number",
    "Fax Number",
    "Street Address",
    "City",
    "State/Region",
    "Postal Code",
    "rolo ID",
];

pub fn write(w: &mut dyn Write, contacts: &[Contact]) -> io::Result<()> {
    let mut out = writer(w);
    row(&mut out, COLUMNS.iter().copied())?;
    for c in contacts {
        let n = &c.name;
        let d = &c.details;
        let first = |v: &[String]| v.first().cloned().unwrap_or_default();
        let rest = |v: &[String]| v.iter().skip(1).cloned().collect::<Vec<_>>().join("; ");
        // A name written whole that has no parts goes in the first name.
        let given = match (&n.given, &n.family) {
            (None, None) => n.display.as_deref(),
            (given, _) => given.as_deref(),
        };
        let mut more = super::rest_of(c);
        // The numbers: the first of each kind HubSpot has a column for; a further one without
        // a kind among the additional numbers; the others, with their kinds, in the notes.
        let (mut phone, mut mobile, mut fax, mut additional) =
            (String::new(), String::new(), String::new(), Vec::new());
        for p in c.phone_entries().into_owned() {
            let value = p.cell();
            // A column takes a number whose kind is the column's, which it reads back as.
            let kind: Vec<&str> = p
                .types
                .iter()
                .map(|t| t.as_str())
                .filter(|t| *t != "voice")
                .collect();
            let slot = match kind.as_slice() {
                [] => Some(&mut phone),
                ["cell"] => Some(&mut mobile),
                ["fax"] => Some(&mut fax),
                _ => None,
            };
            match slot {
                Some(slot) if slot.is_empty() && p.label.is_none() => *slot = value,
                _ if kind.is_empty() && p.label.is_none() && p.e164.is_some() => {
                    additional.push(value)
                }
                _ => more.details.phones.push(p),
            }
        }
        // The first address in its columns, the others in the notes.
        let mut addresses = d.addresses.iter();
        let address = addresses.next();
        more.details.addresses.extend(addresses.cloned());
        // One with parts or a kind HubSpot has no column for, or another country than the
        // contact's, goes whole into the notes.
        let address = address.filter(|a| {
            let plain = a.po_box.is_none()
                && a.extended.is_none()
                && a.formatted.is_none()
                && a.types.is_empty()
                && a.label.is_none()
                && (a.country.is_none() || a.country == c.country);
            if !plain {
                more.details.addresses.insert(0, (*a).clone());
            }
            plain
        });
        let part = |f: fn(&crate::model::Address) -> &Option<String>| {
            address.and_then(|a| f(a).clone()).unwrap_or_default()
        };
        // HubSpot has no column for any of the details few contacts have.
        let m = &mut more.details;
        if **d != More::default() {
            **m = (**d).clone();
        }
        // Kinds and labels of emails and websites have no column: those values are also
        // written, with them, below.
        // So is a value kept as written, which the columns of valid ones do not hold.
        let written =
            |list: &[String], value: &str| list.iter().any(|v| v.eq_ignore_ascii_case(value));
        for e in c.email_entries().iter() {
            if !e.types.is_empty() || e.label.is_some() || !written(&c.emails, &e.value) {
                m.emails.push(e.clone());
            }
        }
        for u in c.url_entries().iter() {
            if !u.types.is_empty() || u.label.is_some() || !written(&c.urls, &u.value) {
                m.urls.push(u.clone());
            }
        }
        let mut notes = c.notes.clone();
        notes.extend(super::vcard::more_details(&more));
        let cells = [
            given.unwrap_or_default().to_string(),
            n.family.as_deref().unwrap_or_default().to_string(),
            first(&c.emails),
            phone,
            first(&c.organizations),
            first(&c.titles),
            first(&c.urls),
            event::render_list(&c.events),
            c.rating.map(|r| r.as_str().to_string()).unwrap_or_default(),
            n.middle.as_deref().unwrap_or_default().to_string(),
            c.birthday.clone().unwrap_or_default(),
            c.linkedin.clone().unwrap_or_default(),
            c.country
                .clone()
                .or_else(|| address.and_then(|a| a.country.clone()))
                .unwrap_or_default(),
            notes.join("\n\n"),
            rest(&c.emails),
            additional.join("; "),
            rest(&c.urls),
            rest(&c.organizations),
            rest(&c.titles),
            c.tags.join("; "),
            n.prefix.as_deref().unwrap_or_default().to_string(),
            n.suffix.as_deref().unwrap_or_default().to_string(),
            c.nickname.clone().unwrap_or_default(),
            c.departments.join("; "),
            mobile,
            fax,
            part(|a| &a.street),
            part(|a| &a.locality),
            part(|a| &a.region),
            part(|a| &a.postcode),
            c.id.clone(),
        ];
        row(&mut out, cells.iter().map(String::as_str))?;
    }
    out.flush()
}
