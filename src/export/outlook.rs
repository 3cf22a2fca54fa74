//! Outlook CSV: the 61 columns of outlook.com's import and export, which Outlook desktop's import
//! wizard maps on its own too. The layout holds three emails, six phones, two web pages, one
//! organization and one title; what does not fit, and the events met at, is written in `Notes`
//! so that nothing is lost on the way into Outlook. The file starts with a UTF-8 byte order
//! mark, without which Outlook reads it in the Windows code page.

use std::io::{self, Write};

use super::csv::{row, writer};
use crate::model::Contact;
use crate::normalize::event;

const COLUMNS: &[&str] = &[
    "First Name",
    "Middle Name",
    "Last Name",
    "Title",
    "Suffix",
    "Nickname",
    "Given Yomi",
    "Surname Yomi",
    "E-mail Address",
    "E-mail 2 Address",
    "E-mail 3 Address",
    "Home Phone",
    "Home Phone 2",
    "Business Phone",
    "Business Phone 2",
    "Mobile Phone",
    "Car Phone",
    "Other Phone",
    "Primary Phone",
    "Pager",
    "Business Fax",
    "Home Fax",
    "Other Fax",
    "Company Main Phone",
    "Callback",
    "Radio Phone",
    "Telex",
    "TTY/TDD Phone",
    "IMAddress",
    "Job Title",
    "Department",
    "Company",
    "Office Location",
    "Manager's Name",
    "Assistant's Name",
    "Assistant's Phone",
    "Company Yomi",
    "Business Street",
    "Business City",
    "Business State",
    "Business Postal Code",
    "Business Country/Region",
    "Home Street",
    "Home City",
    "Home State",
    "Home Postal Code",
    "Home Country/Region",
    "Other Street",
    "Other City",
    "Other State",
    "Other Postal Code",
    "Other Country/Region",
    "Personal Web Page",
    "Spouse",
    "Schools",
    "Hobby",
    "Location",
    "Web Page",
    "Birthday",
    "Anniversary",
    "Notes",
];

/// Where the phones go, the preferred one first: an event contact's number is most often
/// their work or mobile number.
const PHONE_COLUMNS: &[&str] = &[
    "Business Phone",
    "Mobile Phone",
    "Business Phone 2",
    "Home Phone",
    "Home Phone 2",
    "Other Phone",
];
const EMAIL_COLUMNS: &[&str] = &["E-mail Address", "E-mail 2 Address", "E-mail 3 Address"];
const WEB_COLUMNS: &[&str] = &["Web Page", "Personal Web Page"];

pub fn write(w: &mut dyn Write, contacts: &[Contact]) -> io::Result<()> {
    w.write_all("\u{feff}".as_bytes())?;
    let mut out = writer(w);
    row(&mut out, COLUMNS.iter().copied())?;
    let at = |name: &str| COLUMNS.iter().position(|c| *c == name).expect("a column");
    for c in contacts {
        let mut cells = vec![String::new(); COLUMNS.len()];
        let n = &c.name;
        let mut set = |name: &str, value: Option<&str>| {
            if let Some(v) = value {
                cells[at(name)] = v.to_string();
            }
        };
        set("First Name", n.given.as_deref());
        set("Middle Name", n.middle.as_deref());
        set("Last Name", n.family.as_deref());
        set("Title", n.prefix.as_deref());
        set("Suffix", n.suffix.as_deref());
        set("Nickname", c.nickname.as_deref());
        set("Job Title", c.title());
        set("Company", c.organization());
        set("Department", c.departments.first().map(String::as_str));
        set("Business Country/Region", c.country.as_deref());
        set("Birthday", c.birthday.as_deref());
        if n.given.is_none() && n.family.is_none() && !c.display_name().is_empty() {
            // Outlook needs a name: one written whole goes in the first name.
            set("First Name", Some(&c.display_name()));
        }
        let mut overflow: Vec<String> = Vec::new();
        let mut spread = |columns: &[&str], values: &[String], what: &str| {
            for (i, v) in values.iter().enumerate() {
                match columns.get(i) {
                    Some(col) => cells[at(col)] = v.clone(),
                    None => overflow.push(format!("{what}: {v}")),
                }
            }
        };
        spread(EMAIL_COLUMNS, &c.emails, "E-mail");
        spread(PHONE_COLUMNS, &c.phones, "Phone");
        spread(WEB_COLUMNS, &c.urls, "Web page");
        overflow.extend(
            c.organizations
                .iter()
                .skip(1)
                .map(|o| format!("Organization: {o}")),
        );
        overflow.extend(c.titles.iter().skip(1).map(|t| format!("Title: {t}")));
        overflow.extend(
            c.departments
                .iter()
                .skip(1)
                .map(|d| format!("Department: {d}")),
        );
        overflow.extend(c.rating.map(|r| format!("Rating: {}", r.as_str())));
        let mut notes = c.notes.clone();
        if !overflow.is_empty() {
            notes.push(overflow.join("\n"));
        }
        if !c.events.is_empty() {
            notes.push(event::met_note(&c.events));
        }
        cells[at("Notes")] = notes.join("\n\n");
        row(&mut out, cells.iter().map(String::as_str))?;
    }
    out.flush()
}
