//! Outlook CSV: the 61 columns of outlook.com's import and export, then `Categories` as Outlook
//! desktop writes it and the contact's `rolo ID`; Outlook desktop's import wizard maps them on its own too. Each number goes
//! to the column of its kind (a mobile to `Mobile Phone`, a work fax to `Business Fax`), each
//! address to the business, home or other columns, a spouse, manager or assistant to theirs.
//! What does not fit is a paragraph of vCard lines at the end of `Notes`
//! ([`super::vcard::MORE_DETAILS`]), which rolo reads back, after the events met at, so that
//! nothing is lost on the way into Outlook. The file starts with a UTF-8 byte order mark,
//! without which Outlook reads it in the Windows code page.

use std::io::{self, Write};

use super::csv::{row, writer};
use crate::model::Contact;
use crate::normalize::event;
use crate::read::columns::kind_of_header;

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
    "Categories",
    "rolo ID",
];

/// Where each kind of number goes, in order of preference: its types decide (a work fax is a
/// `Business Fax`, a cell phone a `Mobile Phone`); a number of no known kind takes the first of
/// the general columns still free.
fn phone_columns(types: &[impl AsRef<str>], label: Option<&str>) -> &'static [&'static str] {
    let has = |t: &str| types.iter().any(|x| x.as_ref() == t);
    if has("pager") {
        &["Pager"]
    } else if has("fax") && has("home") {
        &["Home Fax"]
    } else if has("fax") && has("work") {
        &["Business Fax"]
    } else if has("fax") {
        &["Other Fax", "Business Fax", "Home Fax"]
    } else if has("cell") {
        &["Mobile Phone"]
    } else if has("main") {
        &["Company Main Phone"]
    } else if has("work") {
        &["Business Phone", "Business Phone 2"]
    } else if has("home") {
        &["Home Phone", "Home Phone 2"]
    } else if has("other") {
        &["Other Phone"]
    } else if has("textphone") {
        &["TTY/TDD Phone"]
    } else if has("car") || label.is_some_and(|l| l.eq_ignore_ascii_case("car")) {
        &["Car Phone"]
    } else if label.is_some() {
        // A label of the user's own has no column: the number goes with its label below.
        &[]
    } else {
        &[
            "Business Phone",
            "Mobile Phone",
            "Business Phone 2",
            "Home Phone",
            "Home Phone 2",
            "Other Phone",
        ]
    }
}

const EMAIL_COLUMNS: &[&str] = &["E-mail Address", "E-mail 2 Address", "E-mail 3 Address"];
/// The address columns of each kind: street, city, state, postal code, country.
const ADDRESS_COLUMNS: &[(&str, [&str; 5])] = &[
    (
        "work",
        [
            "Business Street",
            "Business City",
            "Business State",
            "Business Postal Code",
            "Business Country/Region",
        ],
    ),
    (
        "home",
        [
            "Home Street",
            "Home City",
            "Home State",
            "Home Postal Code",
            "Home Country/Region",
        ],
    ),
    (
        "other",
        [
            "Other Street",
            "Other City",
            "Other State",
            "Other Postal Code",
            "Other Country/Region",
        ],
    ),
];
/// Related people Outlook has a column for.
const RELATED_COLUMNS: &[(&str, &str)] = &[
    ("spouse", "Spouse"),
    ("manager", "Manager's Name"),
    ("assistant", "Assistant's Name"),
];

pub fn write(w: &mut dyn Write, contacts: &[Contact]) -> io::Result<()> {
    w.write_all("\u{feff}".as_bytes())?;
    let mut out = writer(w);
    row(&mut out, COLUMNS.iter().copied())?;
    let at = |name: &str| COLUMNS.iter().position(|c| *c == name).expect("a column");
    for c in contacts {
        let mut cells = vec![String::new(); COLUMNS.len()];
        let n = &c.name;
        let d = &c.details;
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
        set("Given Yomi", d.phonetic.given.as_deref());
        set("Surname Yomi", d.phonetic.family.as_deref());
        set("Company Yomi", d.phonetic.organization.as_deref());
        set("Job Title", c.title());
        set("Company", c.organization());
        set("Department", c.departments.first().map(String::as_str));
        set("Birthday", c.birthday.as_deref());
        if n.given.is_none() && n.family.is_none() {
            // A name written whole goes in the first name; a contact without a name is shown
            // by its company, nickname or address, which have columns of their own.
            set("First Name", n.display.as_deref());
        }
        // What has no column of its own goes into the notes, as vCard lines.
        let mut rest = Contact {
            organizations: c.organizations.iter().skip(1).cloned().collect(),
            titles: c.titles.iter().skip(1).cloned().collect(),
            rating: c.rating,
            ..super::rest_of(c)
        };
        let r = &mut rest.details;
        // Outlook's e-mail columns have no kind: an address with one is also written below.
        for (i, e) in c.email_entries().into_owned().into_iter().enumerate() {
            match EMAIL_COLUMNS.get(i) {
                Some(col) => {
                    cells[at(col)] = e.value.to_string();
                    if !e.types.is_empty() || e.label.is_some() {
                        r.emails.push(e);
                    }
                }
                None => r.emails.push(e),
            }
        }
        for p in c.phone_entries().into_owned() {
            let value = p.cell();
            let free = phone_columns(&p.types, p.label.as_deref())
                .iter()
                .find(|col| cells[at(col)].is_empty());
            match free {
                Some(col) => {
                    cells[at(col)] = value;
                    // A kind the column does not say (`msg`, a label) is also written below.
                    if !super::fits(&p.types, p.label.as_deref(), &kind_of_header(col)) {
                        r.phones.push(p);
                    }
                }
                None => r.phones.push(p),
            }
        }
        let mut webs = c.url_entries().into_owned().into_iter();
        for url in webs.by_ref() {
            let col = if url.types.iter().any(|t| t == "home") {
                "Personal Web Page"
            } else {
                "Web Page"
            };
            if cells[at(col)].is_empty() {
                cells[at(col)] = url.value.to_string();
                if !super::fits(&url.types, url.label.as_deref(), &kind_of_header(col)) {
                    r.urls.push(url);
                }
            } else {
                r.urls.push(url);
            }
        }
        for a in &d.addresses {
            // An address with parts Outlook has no column for goes whole into the notes.
            let plain = a.po_box.is_none() && a.extended.is_none() && a.label.is_none();
            let columns = ADDRESS_COLUMNS
                .iter()
                .find(|(kind, _)| a.types.iter().any(|t| t == kind))
                .or(ADDRESS_COLUMNS.last());
            match columns.filter(|(_, cols)| {
                plain && cells[at(cols[0])].is_empty() && cells[at(cols[1])].is_empty()
            }) {
                Some((kind, cols)) if a.formatted.is_none() || a.street.is_some() => {
                    let parts = [&a.street, &a.locality, &a.region, &a.postcode, &a.country];
                    for (col, part) in cols.iter().zip(parts) {
                        cells[at(col)] = part.clone().unwrap_or_default();
                    }
                    // The formatted text, or a kind the columns do not say (`postal`), has no
                    // column: the address goes whole below too.
                    let kind = crate::model::Kind::of_types([*kind]);
                    if a.formatted.is_some() || !super::fits(&a.types, None, &kind) {
                        r.addresses.push(a.clone());
                    }
                }
                _ => r.addresses.push(a.clone()),
            }
        }
        if cells[at("Business Country/Region")].is_empty() {
            cells[at("Business Country/Region")] = c.country.clone().unwrap_or_default();
        }
        for related in &d.related {
            // The column reads back as the relation in lower case: another spelling goes below.
            let column = RELATED_COLUMNS
                .iter()
                .find(|(kind, _)| related.relation.as_deref() == Some(*kind));
            match column {
                Some((_, col)) if cells[at(col)].is_empty() && related.value.is_none() => {
                    cells[at(col)] = related.name.clone()
                }
                _ => r.related.push(related.clone()),
            }
        }
        for date in &d.dates {
            if date.kind == "anniversary"
                && date.label.is_none()
                && cells[at("Anniversary")].is_empty()
            {
                cells[at("Anniversary")] = date.value.clone();
            } else {
                r.dates.push(date.clone());
            }
        }
        for (i, im) in d.ims.iter().enumerate() {
            if i == 0 && im.types.is_empty() && im.label.is_none() {
                cells[at("IMAddress")] = im.value.clone();
            } else {
                r.ims.push(im.clone());
            }
        }
        r.phonetic.middle.clone_from(&d.phonetic.middle);
        r.photo.clone_from(&d.photo);
        rest.departments = c.departments.iter().skip(1).cloned().collect();
        if !rest.departments.is_empty() && rest.organizations.is_empty() {
            // A department belongs to an organization in a vCard: the first one's.
            rest.custom.extend(
                rest.departments
                    .drain(..)
                    .map(|d| ("department".to_string(), d)),
            );
        }
        cells[at("Categories")] = c.labels().join(";");
        // Which contact the row is, so that reading the file back keeps its contacts apart.
        cells[at("rolo ID")] = c.id.clone();
        let mut notes = c.notes.clone();
        if !c.events.is_empty() {
            notes.push(event::met_note(&c.events));
        }
        notes.extend(super::vcard::more_details(&rest));
        cells[at("Notes")] = notes.join("\n\n");
        row(&mut out, cells.iter().map(String::as_str))?;
    }
    out.flush()
}
