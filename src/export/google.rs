//! Google Contacts CSV: the header of Google's current export, which its import maps on its own.
//! Every email, phone, address, website, relation, date and IM handle gets its own numbered group
//! of columns with its `Label`, as many groups as the contact with the most needs. Event names
//! and tags are the contact's `Labels`; the events with their day, more organizations, titles
//! and departments, and the rating are `Custom Field`s, which Google keeps and rolo reads back.
//! What Google has no column for (a photo's image, a role, a time zone, a source's own
//! properties, custom fields of other files) is a paragraph of vCard lines at the end of the
//! notes ([`super::vcard::MORE_DETAILS`]), which rolo reads back too.

use std::io::{self, Write};

use super::csv::{row, writer};
use crate::model::{Address, Contact};
use crate::normalize::event;
use crate::read::columns::kind_of_label;

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

/// A group's columns after its number: `Phone 1 - Label`, `Phone 1 - Value`.
struct Group {
    name: &'static str,
    parts: &'static [&'static str],
    cells: fn(&Contact) -> Vec<Vec<String>>,
}

const GROUPS: &[Group] = &[
    Group {
        name: "E-mail",
        parts: &["Label", "Value"],
        cells: |c| labelled(&c.email_entries()),
    },
    Group {
        name: "Phone",
        parts: &["Label", "Value"],
        cells: |c| {
            c.phone_entries()
                .iter()
                .map(|p| {
                    let value = p.cell();
                    vec![label(&p.types, p.label.as_deref()), value]
                })
                .collect()
        },
    },
    Group {
        name: "Address",
        parts: &[
            "Label",
            "Formatted",
            "Street",
            "City",
            "PO Box",
            "Region",
            "Postal Code",
            "Country",
            "Extended Address",
        ],
        cells: |c| {
            c.details
                .addresses
                .iter()
                .map(|a| {
                    let mut cells = vec![label(&a.types, a.label.as_deref())];
                    cells.extend(address_cells(a));
                    cells
                })
                .collect()
        },
    },
    Group {
        name: "Website",
        parts: &["Label", "Value"],
        cells: |c| labelled(&c.url_entries()),
    },
    Group {
        name: "Relation",
        parts: &["Label", "Value"],
        cells: |c| {
            c.details
                .related
                .iter()
                .map(|r| {
                    let name = r.value.clone().unwrap_or_else(|| r.name.clone());
                    vec![r.relation.clone().unwrap_or_default(), name]
                })
                .collect()
        },
    },
    Group {
        name: "Event",
        parts: &["Label", "Value"],
        cells: |c| {
            c.details
                .dates
                .iter()
                .map(|d| {
                    let label = match (&d.label, d.kind.as_str()) {
                        (Some(l), _) => l.clone(),
                        (None, "anniversary") => "Anniversary".into(),
                        (None, _) => String::new(),
                    };
                    vec![label, d.value.clone()]
                })
                .collect()
        },
    },
    Group {
        name: "IM",
        parts: &["Label", "Service", "Value"],
        cells: |c| {
            c.details
                .ims
                .iter()
                .map(|im| {
                    let (service, handle) = match im.value.split_once(':') {
                        Some((scheme, handle)) if im.service.is_some() => {
                            (service_name(scheme), handle.to_string())
                        }
                        _ => (String::new(), im.value.clone()),
                    };
                    vec![label(&im.types, im.label.as_deref()), service, handle]
                })
                .collect()
        },
    },
    Group {
        name: "Custom Field",
        parts: &["Label", "Value"],
        cells: |c| {
            custom_fields(c)
                .into_iter()
                .map(|(l, v)| vec![l.to_string(), v])
                .collect()
        },
    },
];

/// The label and value cells of emails or websites.
fn labelled(entries: &[crate::model::Entry]) -> Vec<Vec<String>> {
    entries
        .iter()
        .map(|e| vec![label(&e.types, e.label.as_deref()), e.value.to_string()])
        .collect()
}

/// Google's label of a value of these vCard types: `Mobile`, `Work Fax`; the value's own label
/// where it has one.
pub(super) fn label(types: &[impl AsRef<str>], own: Option<&str>) -> String {
    if let Some(l) = own {
        return l.to_string();
    }
    types
        .iter()
        .map(AsRef::as_ref)
        .filter(|t| !matches!(*t, "voice" | "pref" | "internet"))
        .map(|t| match t {
            "cell" => "Mobile".to_string(),
            other => {
                let mut chars = other.chars();
                chars
                    .next()
                    .map(|f| f.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn address_cells(a: &Address) -> Vec<String> {
    let get = |p: &Option<String>| p.clone().unwrap_or_default();
    vec![
        get(&a.formatted),
        get(&a.street),
        get(&a.locality),
        get(&a.po_box),
        get(&a.region),
        get(&a.postcode),
        get(&a.country),
        get(&a.extended),
    ]
}

/// Google's name of an IM service, from its URI scheme.
fn service_name(scheme: &str) -> String {
    match scheme {
        "skype" => "Skype".into(),
        "xmpp" => "Jabber".into(),
        "gtalk" => "Google Talk".into(),
        "aim" => "AIM".into(),
        "ymsgr" => "Yahoo".into(),
        "msnim" => "MSN".into(),
        "icq" => "ICQ".into(),
        "qq" => "QQ".into(),
        other => other.to_string(),
    }
}

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
    fields.extend(
        c.departments
            .iter()
            .skip(1)
            .map(|d| ("Department", d.clone())),
    );
    fields.extend(c.rating.map(|r| ("Rating", r.as_str().to_string())));
    // Which contact the row is, so that reading the file back keeps its contacts apart.
    fields.extend((!c.id.is_empty()).then(|| ("rolo id", c.id.clone())));
    fields
}

/// What Google has no column for, as a contact of its own for the notes' paragraph.
fn rest(c: &Contact) -> Contact {
    let d = &c.details;
    let mut rest = super::rest_of(c);
    // A value whose kind its label does not say (`Work Postal`, a label of the user's own
    // made of type words) is also written with its kind.
    fn reads_back(types: &[impl AsRef<str>], own: Option<&str>) -> bool {
        let written = label(types, own);
        super::fits(types, own, &kind_of_label(&written))
    }
    for p in c.phone_entries().iter() {
        if !reads_back(&p.types, p.label.as_deref()) {
            rest.details.phones.push(p.clone());
        }
    }
    for e in c.email_entries().iter() {
        if !reads_back(&e.types, e.label.as_deref()) {
            rest.details.emails.push(e.clone());
        }
    }
    for u in c.url_entries().iter() {
        if !reads_back(&u.types, u.label.as_deref()) {
            rest.details.urls.push(u.clone());
        }
    }
    for a in &d.addresses {
        if !reads_back(&a.types, a.label.as_deref()) {
            rest.details.addresses.push(a.clone());
        }
    }
    if d.phonetic.organization.is_some() {
        rest.details
            .phonetic
            .organization
            .clone_from(&d.phonetic.organization);
    }
    // A photo's link has a column; its image does not.
    if let Some(photo) = d.photo.as_ref().filter(|p| p.data.is_some()) {
        rest.details.photo = Some(photo.clone());
    }
    rest
}

pub fn write(w: &mut dyn Write, contacts: &[Contact]) -> io::Result<()> {
    let counts: Vec<usize> = GROUPS
        .iter()
        .map(|g| {
            contacts
                .iter()
                .map(|c| (g.cells)(c).len())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut header: Vec<String> = NAME_COLUMNS.iter().map(|h| h.to_string()).collect();
    for (g, &n) in GROUPS.iter().zip(&counts) {
        // Google's own export has one of each of the first groups even when empty.
        let n = if g.name == "Custom Field" || g.name == "Relation" || g.name == "Event" {
            n
        } else {
            n.max(1)
        };
        for i in 1..=n {
            for part in g.parts {
                header.push(format!("{} {i} - {part}", g.name));
            }
        }
    }
    let mut out = writer(w);
    row(&mut out, header.iter().map(String::as_str))?;
    for c in contacts {
        let n = &c.name;
        let d = &c.details;
        let opt = |v: Option<&str>| v.unwrap_or_default().to_string();
        let labels = c.labels();
        let mut notes = c.notes.join("\n\n");
        if let Some(more) = super::vcard::more_details(&rest(c)) {
            if !notes.is_empty() {
                notes.push_str("\n\n");
            }
            notes.push_str(&more);
        }
        let mut cells = vec![
            opt(n.given.as_deref()),
            opt(n.middle.as_deref()),
            opt(n.family.as_deref()),
            opt(d.phonetic.given.as_deref()),
            opt(d.phonetic.middle.as_deref()),
            opt(d.phonetic.family.as_deref()),
            opt(n.prefix.as_deref()),
            opt(n.suffix.as_deref()),
            opt(c.nickname.as_deref()),
            // Google files a contact by its name, else its organization, on its own; what
            // rolo would write here it reads back as no field of its own.
            String::new(),
            c.organization().unwrap_or_default().to_string(),
            c.title().unwrap_or_default().to_string(),
            c.departments.first().cloned().unwrap_or_default(),
            c.birthday.clone().unwrap_or_default(),
            notes,
            d.photo
                .as_ref()
                .and_then(|p| p.url.clone())
                .unwrap_or_default(),
            labels.join(" ::: "),
        ];
        for (g, &n) in GROUPS.iter().zip(&counts) {
            let values = (g.cells)(c);
            let n = if matches!(g.name, "Custom Field" | "Relation" | "Event") {
                n
            } else {
                n.max(1)
            };
            for i in 0..n {
                match values.get(i) {
                    Some(v) => cells.extend(v.iter().cloned()),
                    None => cells.extend(g.parts.iter().map(|_| String::new())),
                }
            }
        }
        row(&mut out, cells.iter().map(String::as_str))?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_googles_words_for_the_types() {
        let types = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(label(&types(&["cell", "voice"]), None), "Mobile");
        assert_eq!(label(&types(&["work", "fax"]), None), "Work Fax");
        assert_eq!(label(&types(&["home"]), Some("Office")), "Office");
        let read = crate::read::columns::kind_of_label("Work Fax");
        assert_eq!(read.types, ["work", "fax"]);
    }
}
