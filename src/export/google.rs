//! Google Contacts CSV: the header of Google's current export, which its import maps on its own.
//! Every email, phone and website gets its own numbered `Label`/`Value` pair of columns, as many
//! as the contact with the most needs. Event names and tags are the contact's `Labels`; what has
//! no column of its own (the events with their day, more organizations and titles, the rating)
//! is a `Custom Field`, which Google keeps and rolo reads back.

use std::io::{self, Write};

use super::csv::{row, writer};
use crate::model::Contact;
use crate::normalize::event;

const NAME_COLUMNS: &[&str] = &[
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
];

/// The custom fields of a contact: (label, value).
fn custom_fields(c: &Contact) -> Vec<(&'static str, String)> {
    let mut fields: Vec<(&'static str, String)> = c
        .events
        .iter()
        .map(|e| ("Event", event::render(e)))
        .collect();
    fields.extend(
        c.organizations
            .iter()
            .skip(1)
            .map(|o| ("Organization", o.clone())),
    );
    fields.extend(c.titles.iter().skip(1).map(|t| ("Title", t.clone())));
    fields.extend(c.rating.map(|r| ("Rating", r.as_str().to_string())));
    fields
}

pub fn write(w: &mut dyn Write, contacts: &[Contact]) -> io::Result<()> {
    let most = |f: fn(&Contact) -> usize| contacts.iter().map(f).max().unwrap_or(0).max(1);
    let emails = most(|c| c.emails.len());
    let phones = most(|c| c.phones.len());
    let websites = most(|c| c.urls.len());
    let customs = contacts
        .iter()
        .map(|c| custom_fields(c).len())
        .max()
        .unwrap_or(0);
    let mut header: Vec<String> = NAME_COLUMNS.iter().map(|h| h.to_string()).collect();
    for (group, n) in [
        ("E-mail", emails),
        ("Phone", phones),
        ("Website", websites),
        ("Custom Field", customs),
    ] {
        for i in 1..=n {
            header.push(format!("{group} {i} - Label"));
            header.push(format!("{group} {i} - Value"));
        }
    }
    let mut out = writer(w);
    row(&mut out, header.iter().map(String::as_str))?;
    for c in contacts {
        let n = &c.name;
        let opt = |v: Option<&str>| v.unwrap_or_default().to_string();
        let labels: Vec<&str> = c
            .events
            .iter()
            .map(|e| e.name.as_str())
            .chain(
                c.tags
                    .iter()
                    .map(String::as_str)
                    .filter(|t| !c.events.iter().any(|e| e.name == *t)),
            )
            .collect();
        let mut cells = vec![
            opt(n.given.as_deref()),
            opt(n.middle.as_deref()),
            opt(n.family.as_deref()),
            String::new(),
            String::new(),
            String::new(),
            opt(n.prefix.as_deref()),
            opt(n.suffix.as_deref()),
            opt(c.nickname.as_deref()),
            // Google files a contact without a name under its organization.
            if n.given.is_none() && n.family.is_none() {
                c.display_name()
            } else {
                String::new()
            },
            c.organization().unwrap_or_default().to_string(),
            c.title().unwrap_or_default().to_string(),
            c.departments.join(", "),
            c.birthday.clone().unwrap_or_default(),
            c.notes.join("\n\n"),
            String::new(),
            labels.join(" ::: "),
        ];
        let pairs = |cells: &mut Vec<String>, values: &[String], n: usize| {
            for i in 0..n {
                // The first value is the preferred one; Google needs no label to import it.
                cells.push(String::new());
                cells.push(values.get(i).cloned().unwrap_or_default());
            }
        };
        pairs(&mut cells, &c.emails, emails);
        pairs(&mut cells, &c.phones, phones);
        pairs(&mut cells, &c.urls, websites);
        let custom = custom_fields(c);
        for i in 0..customs {
            match custom.get(i) {
                Some((label, value)) => {
                    cells.push(label.to_string());
                    cells.push(value.clone());
                }
                None => cells.extend([String::new(), String::new()]),
            }
        }
        row(&mut out, cells.iter().map(String::as_str))?;
    }
    out.flush()
}
