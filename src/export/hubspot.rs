//! HubSpot CSV: the columns HubSpot's contact import maps to its default properties on its own
//! (First Name, Last Name, Email, Phone Number, Company Name, Job Title, Website URL), then the
//! event met at and the lead rating, which the import offers to create as contact properties.
//! Further values go in columns of their own, several values in one cell separated by `;` as
//! HubSpot's multi-value properties are.

use std::io::{self, Write};

use super::csv::{row, writer};
use crate::model::Contact;
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
];

pub fn write(w: &mut dyn Write, contacts: &[Contact]) -> io::Result<()> {
    let mut out = writer(w);
    row(&mut out, COLUMNS.iter().copied())?;
    for c in contacts {
        let n = &c.name;
        let first = |v: &[String]| v.first().cloned().unwrap_or_default();
        let rest = |v: &[String]| v.iter().skip(1).cloned().collect::<Vec<_>>().join("; ");
        // A name written whole that has no parts goes in the first name.
        let given = match (&n.given, &n.family) {
            (None, None) => n.display.as_deref(),
            (given, _) => given.as_deref(),
        };
        let cells = [
            given.unwrap_or_default().to_string(),
            n.family.as_deref().unwrap_or_default().to_string(),
            first(&c.emails),
            first(&c.phones),
            first(&c.organizations),
            first(&c.titles),
            first(&c.urls),
            event::render_list(&c.events),
            c.rating.map(|r| r.as_str().to_string()).unwrap_or_default(),
            n.middle.as_deref().unwrap_or_default().to_string(),
            c.birthday.clone().unwrap_or_default(),
            c.linkedin.clone().unwrap_or_default(),
            c.country.clone().unwrap_or_default(),
            c.notes.join("\n\n"),
            rest(&c.emails),
            rest(&c.phones),
            rest(&c.urls),
            rest(&c.organizations),
            rest(&c.titles),
            c.tags.join("; "),
        ];
        row(&mut out, cells.iter().map(String::as_str))?;
    }
    out.flush()
}
