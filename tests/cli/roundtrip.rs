//! Round trip: contacts written in each export format and read back by rolo's own readers are
//! the same contacts: names, emails, phones, organizations, titles, URLs, birthdays, notes, the
//! events met at (with their day), and the details of a card (a typed address, the kinds of the
//! numbers and a fax, an IM handle, a spouse, an anniversary, the source's UID, a photo, an
//! organization's own contact), over generated contacts whose values hold non-ASCII letters,
//! commas, semicolons, quotes and newlines.

use chrono::NaiveDate;
use proptest::prelude::*;
use rolo::export::{ContactsFormat, write_contacts};
use rolo::model::{
    Address, Contact, DateEntry, EventTag, Im, Name, Origin, PhoneEntry, Photo, Rating, Related,
};
use rolo::normalize::{Options, org, phone, title, url};
use rolo::pipeline::{self, Input, RunSettings};
use rolo::progress::Silent;
use rolo::tag::Event;
use rolo::worklist::Plan;

/// What a format can hold. Outlook's layout has three emails, six phones, two web pages, one
/// organization and one title, and no place for a rating: the rest goes to its notes.
#[derive(Clone, Copy)]
struct Holds {
    emails: usize,
    phones: usize,
    urls: usize,
    organizations: usize,
    rating: bool,
    /// Every number lands in a column of a kind (Outlook's Business/Mobile/Home Phone), so a
    /// number of no kind comes back with one.
    typed_columns: bool,
}

const ALL: Holds = Holds {
    emails: 4,
    phones: 4,
    urls: 3,
    organizations: 3,
    rating: true,
    typed_columns: false,
};
const OUTLOOK: Holds = Holds {
    emails: 3,
    phones: 4,
    urls: 2,
    organizations: 1,
    rating: false,
    typed_columns: true,
};

fn word() -> impl Strategy<Value = String> {
    // Mixed case, as people write their names, with letters of several scripts.
    ("[A-ZÉÖŁŽÅÇ]", "[a-zéöüßłñçåø]{1,7}").prop_map(|(a, b)| format!("{a}{b}"))
}

fn family() -> impl Strategy<Value = String> {
    prop_oneof![
        word(),
        (word(), word()).prop_map(|(a, b)| format!("{a}-{b}")),
        word().prop_map(|w| format!("O'{w}")),
    ]
}

/// Free text with the characters that break naive writers.
fn text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Müller",
        "São Paulo",
        "Zürich",
        "naïve",
        "北京",
        "Ørsted",
        "x",
        "deal",
        "42",
        "\"quoted\"",
        "a, b",
        "c;d",
        "it's",
        "(tbc)",
        "50%",
        "R&D",
        "café",
        "—",
    ]);
    prop::collection::vec(piece, 1..5).prop_map(|p| p.join(" "))
}

fn note() -> impl Strategy<Value = String> {
    prop::collection::vec(text(), 1..3).prop_map(|lines| lines.join("\n"))
}

fn phone() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{8}".prop_map(|d| format!("+49151{d}")),
        "[0-9]{3}".prop_map(|d| format!("+447700900{d}")),
        "[2-9][0-9]{2}".prop_map(|d| format!("+1202{d}0143")),
    ]
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (1950i32..2030, 1u32..13, 1u32..29)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("a day of every month"))
}

fn birthday() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        day().prop_map(|d| Some(d.to_string())),
        (1u32..13, 1u32..29).prop_map(|(m, d)| Some(format!("--{m:02}-{d:02}"))),
    ]
}

fn rating() -> impl Strategy<Value = Option<Rating>> {
    prop::sample::select(vec![
        None,
        Some(Rating::Hot),
        Some(Rating::Warm),
        Some(Rating::Cold),
    ])
}

prop_compose! {
    fn contact(holds: Holds)(
        // A given name that is a title (`Mr`, `Frau`) is read as the title it is.
        given in word().prop_filter("a name, not a title", |w| {
            !rolo::normalize::name::is_honorific(w)
        }),
        family in family(),
        emails in prop::collection::vec("[a-z][a-z0-9]{0,4}([.][a-z0-9]{1,4})?", 0..holds.emails),
        phones in prop::collection::vec(phone(), 0..=holds.phones),
        organizations in prop::collection::vec(text(), 0..=holds.organizations),
        titles in prop::collection::vec(text(), 0..=holds.organizations),
        urls in prop::collection::vec("[a-z]{3,10}", 0..=holds.urls),
        birthday in birthday(),
        notes in prop::collection::vec(note(), 0..3),
        events in prop::collection::vec((text(), day()), 0..3),
        rating in rating(),
        details in details(),
    ) -> Contact {
        let mut c = Contact {
            name: Name {
                given: Some(given.into()),
                family: Some(family.into()),
                ..Name::default()
            },
            // The first address is the contact's own, so that no two generated contacts meet.
            emails: emails.iter().enumerate().map(|(i, e)| format!("{e}{i}@mail.example")).collect(),
            // As the reader gives them: E.164 numbers that are valid.
            phones: phones
                .iter()
                .filter_map(|p| phone::normalize(p, phone::Id::US).ok())
                .map(|p| p.e164)
                .collect(),
            organizations: organizations.iter().map(|o| org::display(o)).collect(),
            titles: titles.iter().map(|t| title::normalize(t)).collect(),
            urls: urls
                .iter()
                .filter_map(|u| url::normalize(&format!("https://{u}.example.com/")).ok())
                .map(|(u, _)| u)
                .collect(),
            birthday,
            notes: notes.into(),
            events: events
                .into_iter()
                .map(|(name, day)| EventTag { name, met_on: Some(day) })
                .collect(),
            rating: if holds.rating { rating } else { None },
            ..Contact::default()
        };
        dedup(&mut c.phones);
        dedup(&mut c.organizations);
        dedup(&mut c.titles);
        dedup(&mut c.urls);
        dedup(&mut c.notes);
        c.events.dedup_by(|a, b| a.name == b.name);
        details.apply(&mut c);
        c
    }
}

/// The details of a card: a typed address, a kind for the first number and a fax, an IM
/// handle, a spouse, an anniversary, the source's UID, a photo; and some contacts are an
/// organization's, without a name.
#[derive(Debug, Clone)]
struct Generated {
    address: Option<(&'static str, String, String, String, String)>,
    first_phone: &'static str,
    fax: Option<String>,
    im: Option<String>,
    spouse: Option<String>,
    anniversary: Option<NaiveDate>,
    uid: Option<String>,
    photo: Option<Vec<u8>>,
    company: bool,
}

fn details() -> impl Strategy<Value = Generated> {
    (
        prop::option::of((
            prop::sample::select(vec!["work", "home"]),
            text(),
            word(),
            "[0-9]{5}",
            word(),
        )),
        prop::sample::select(vec!["cell", "work", "home", ""]),
        prop::option::of("[0-9]{8}".prop_map(|d| format!("+4930{d}"))),
        prop::option::of("[a-z]{3,8}".prop_map(|h| format!("skype:{h}"))),
        prop::option::of((word(), family()).prop_map(|(g, f)| format!("{g} {f}"))),
        prop::option::of(day()),
        prop::option::of("[a-f0-9]{8}".prop_map(|u| format!("{u}@phone.example"))),
        prop::option::of(prop::collection::vec(any::<u8>(), 1..64)),
        prop::bool::weighted(0.15),
    )
        .prop_map(
            |(address, first_phone, fax, im, spouse, anniversary, uid, photo, company)| Generated {
                address,
                first_phone,
                fax,
                im,
                spouse,
                anniversary,
                uid,
                photo,
                company,
            },
        )
}

impl Generated {
    fn apply(self, c: &mut Contact) {
        let d = &mut c.details;
        if let Some((kind, street, city, code, country)) = self.address {
            d.addresses.push(Address {
                types: vec![kind.to_string()],
                street: Some(street),
                locality: Some(city),
                postcode: Some(code),
                country: Some(country),
                ..Address::default()
            });
        }
        let entry = |value: &str, kind: &str| PhoneEntry {
            value: value.into(),
            e164: Some(value.into()),
            types: kind
                .split(',')
                .filter(|t| !t.is_empty())
                .map(Into::into)
                .collect(),
            ..PhoneEntry::default()
        };
        if let Some(first) = c.phones.first() {
            d.phones.push(entry(first, self.first_phone));
        }
        if let Some(fax) = &self.fax {
            d.phones.push(entry(fax, "work,fax"));
        }
        if let Some(im) = self.im {
            d.ims.push(Im {
                service: Some("skype".into()),
                value: im,
                types: Vec::new(),
                label: None,
            });
        }
        if let Some(name) = self.spouse {
            d.related.push(Related {
                name,
                relation: Some("spouse".into()),
                value: None,
            });
        }
        if let Some(day) = self.anniversary {
            d.dates.push(DateEntry {
                kind: "anniversary".into(),
                value: day.to_string(),
                label: None,
            });
        }
        if let Some(uid) = self.uid {
            d.uids.push(uid);
        }
        if let Some(data) = self.photo {
            d.photo = Some(Box::new(Photo {
                mime: Some("image/jpeg".into()),
                data: Some(data),
                url: None,
            }));
        }
        if self.company && !c.organizations.is_empty() {
            c.name = Name::default();
        }
    }
}

fn dedup(list: &mut thin_vec::ThinVec<String>) {
    let mut seen = Vec::new();
    list.retain(|v| {
        let new = !seen.contains(v);
        seen.push(v.clone());
        new
    });
}

/// Contacts with ids and one own address each.
fn contacts(holds: Holds) -> impl Strategy<Value = Vec<Contact>> {
    prop::collection::vec(contact(holds), 1..4).prop_map(|mut list| {
        for (i, c) in list.iter_mut().enumerate() {
            c.id = format!("c{i}");
            c.emails.insert(0, format!("person{i}@own.example"));
        }
        list
    })
}

/// An address as compared: its types, street, locality, postcode and country.
type AddressKept = (
    Vec<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The values a round trip must keep, in a form to compare: order-free lists, notes as one
/// text (formats that hold one note field keep the notes as paragraphs of it).
#[derive(Debug, PartialEq)]
struct Kept {
    given: Option<String>,
    family: Option<String>,
    emails: Vec<String>,
    phones: Vec<String>,
    organizations: Vec<String>,
    titles: Vec<String>,
    urls: Vec<String>,
    birthday: Option<String>,
    notes: String,
    events: Vec<(String, Option<NaiveDate>)>,
    rating: Option<Rating>,
    addresses: Vec<AddressKept>,
    phone_kinds: Vec<(String, Vec<String>)>,
    ims: Vec<String>,
    related: Vec<(String, String)>,
    dates: Vec<(String, String)>,
    uids: Vec<String>,
    photo: Option<String>,
}

fn kept(c: &Contact, holds: Holds) -> Kept {
    let d = &c.details;
    let sorted = |v: &[String]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    let mut events: Vec<_> = c
        .events
        .iter()
        .map(|e| (e.name.clone(), e.met_on))
        .collect();
    events.sort();
    Kept {
        given: c.name.given.as_deref().map(str::to_string),
        family: c.name.family.as_deref().map(str::to_string),
        emails: sorted(&c.emails),
        phones: sorted(&c.phones),
        organizations: sorted(&c.organizations),
        titles: sorted(&c.titles),
        urls: sorted(&c.urls),
        birthday: c.birthday.clone(),
        notes: c.notes.join("\n\n"),
        events,
        rating: if holds.rating { c.rating } else { None },
        addresses: {
            let mut a: Vec<_> = d
                .addresses
                .iter()
                .map(|a| {
                    let t = |p: &Option<String>| p.as_deref().map(|v| v.trim().to_string());
                    (
                        a.types.clone(),
                        t(&a.street),
                        t(&a.locality),
                        t(&a.postcode),
                        t(&a.country),
                    )
                })
                .collect();
            a.sort();
            a
        },
        phone_kinds: {
            let mut p: Vec<_> = c
                .phone_entries()
                .iter()
                .filter(|p| !p.types.is_empty())
                .filter(|p| !holds.typed_columns || p.types.iter().any(|t| t == "fax"))
                .map(|p| {
                    let mut t: Vec<String> = p.types.iter().map(|t| t.to_string()).collect();
                    t.sort();
                    (p.e164.as_deref().unwrap_or(&p.value).to_string(), t)
                })
                .collect();
            p.sort();
            p
        },
        ims: d.ims.iter().map(|i| i.value.clone()).collect(),
        related: d
            .related
            .iter()
            .map(|r| {
                let relation = r.relation.as_deref().unwrap_or_default().to_lowercase();
                (r.name.clone(), relation)
            })
            .collect(),
        dates: d
            .dates
            .iter()
            .map(|x| (x.kind.clone(), x.value.clone()))
            .collect(),
        // A contact without a UID of its own gets a stable one from the vCard exports.
        uids: d
            .uids
            .iter()
            .filter(|u| !u.starts_with("urn:uuid:"))
            .cloned()
            .collect(),
        photo: d.photo.as_ref().map(|p| p.sha256()),
    }
}

fn read_back(path: &std::path::Path) -> Vec<Contact> {
    let settings = RunSettings {
        inputs: vec![Input {
            file: path.display().to_string(),
            origin: Origin::Context,
            read: Default::default(),
        }],
        event: Event::default(),
        normalize: Options::default(),
        plan: Plan::default(),
        explain: None,
        worklist: false,
    };
    let outcome = pipeline::run(&settings, &Silent);
    assert!(!outcome.had_file_errors(), "{:?}", outcome.files);
    assert!(outcome.rejects.is_empty(), "{:?}", outcome.rejects);
    outcome.resolved.contacts
}

fn round_trip(format: ContactsFormat, file: &str, holds: Holds, written: &[Contact]) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join(file);
    write_contacts(&path, format, written, rolo::worklist::NO_ROWS).expect("the export is written");
    let back = read_back(&path);
    assert_eq!(back.len(), written.len(), "{format:?}: one contact each");
    for c in written {
        let own = &c.emails[0];
        let b = back
            .iter()
            .find(|b| b.emails.contains(own))
            .unwrap_or_else(|| panic!("{format:?}: {own} read back"));
        // The preferred email stays first.
        assert_eq!(b.emails.first(), c.emails.first(), "{format:?}");
        assert_eq!(kept(b, holds), kept(c, holds), "{format:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_format_reads_back_to_the_same_contacts(written in contacts(ALL)) {
        for (format, file) in [
            (ContactsFormat::Jsonl, "contacts.jsonl"),
            (ContactsFormat::Csv, "contacts.csv"),
            (ContactsFormat::Xlsx, "contacts.xlsx"),
            (ContactsFormat::Vcf, "contacts.vcf"),
            (ContactsFormat::Vcf4, "contacts4.vcf"),
            (ContactsFormat::GoogleCsv, "google.csv"),
            (ContactsFormat::HubspotCsv, "hubspot.csv"),
        ] {
            round_trip(format, file, ALL, &written);
        }
    }

    #[test]
    fn outlook_keeps_what_its_layout_holds(written in contacts(OUTLOOK)) {
        round_trip(ContactsFormat::OutlookCsv, "outlook.csv", OUTLOOK, &written);
    }
}
