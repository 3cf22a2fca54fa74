//! The details a card or an address-book row carries beyond names, numbers and addresses for
//! matching: every phone, email and URL with its types and label, postal addresses in parts, IM
//! handles, related people, dates, photos and the properties rolo has no place of its own for.
//! vCard 4.0 (RFC 6350) and 3.0 can be written from them without loss.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

/// A short text kept inline (most phone numbers, addresses and types are under 24 bytes): there
/// is one entry or more for nearly every record, so each saves its allocations.
pub type Text = CompactString;

/// What kind of value a value is, as its source says: vCard's `TYPE` (`cell`, `work`, `fax`),
/// Apple's `X-ABLabel` custom label, Google's `Label` cells, Outlook's column names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Kind {
    /// Lower-case vCard types, in the order given, without `pref` and `internet`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<String>,
    /// A label of the user's own (`Office`, `Spouse`), where the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl Kind {
    pub fn is_empty(&self) -> bool {
        self.types.is_empty() && self.label.is_none()
    }

    /// The types of an entry of this kind.
    pub fn entry_types(&self) -> ThinVec<Text> {
        self.types.iter().map(|t| Text::from(t.as_str())).collect()
    }

    /// The label of an entry of this kind.
    pub fn entry_label(&self) -> Option<Text> {
        self.label.as_deref().map(Text::from)
    }

    /// The kind of an entry.
    pub fn of_entry(types: &[Text], label: Option<&Text>) -> Kind {
        Kind {
            types: types.iter().map(|t| t.to_string()).collect(),
            label: label.map(|l| l.to_string()),
        }
    }

    pub fn has(&self, wanted: &str) -> bool {
        self.types.iter().any(|t| t == wanted)
    }

    /// Adds what `other` says that this does not.
    pub fn absorb(&mut self, other: &Kind) {
        for t in &other.types {
            if !self.has(t) {
                self.types.push(t.clone());
            }
        }
        if self.label.is_none() {
            self.label.clone_from(&other.label);
        }
    }

    /// A kind of the types given, lower-cased, `pref` and `internet` left out (they say which
    /// value comes first and that an address is an e-mail address).
    pub fn of_types<'a>(types: impl IntoIterator<Item = &'a str>) -> Kind {
        let mut kind = Kind::default();
        for t in types {
            let t = t.trim().to_ascii_lowercase();
            if t.is_empty() || matches!(t.as_str(), "pref" | "internet" | "x400") {
                continue;
            }
            if !kind.has(&t) {
                kind.types.push(t);
            }
        }
        kind
    }
}

/// A phone number as written, its E.164 form where it has one, its kind and extension.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PhoneEntry {
    pub value: Text,
    pub e164: Option<Text>,
    pub types: ThinVec<Text>,
    pub label: Option<Text>,
    pub extension: Option<Text>,
}

impl PhoneEntry {
    /// The number as a spreadsheet cell of an address book holds it: E.164 with ` ext. N`
    /// where it has one, else as written.
    pub fn cell(&self) -> String {
        match (&self.e164, &self.extension) {
            (Some(n), Some(x)) => format!("{n} ext. {x}"),
            (Some(n), None) => n.to_string(),
            (None, _) => self.value.to_string(),
        }
    }

    /// A fax or a pager: a number the contact is not called on, and not matched by.
    pub fn is_fax(&self) -> bool {
        self.types.iter().any(|t| t == "fax" || t == "pager")
    }
}

/// An email address or a URL with its kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Entry {
    pub value: Text,
    pub types: ThinVec<Text>,
    pub label: Option<Text>,
}

/// A postal address in its parts (vCard `ADR`), or as one text where that is all there is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Address {
    pub types: Vec<String>,
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub po_box: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extended: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locality: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formatted: Option<String>,
}

/// The separator of an address's parts in a raw value: no card or cell holds it.
const PART: char = '\u{1f}';

impl Address {
    /// The parts in `ADR` order: post office box, extended, street, locality, region, postcode,
    /// country; then the formatted text.
    pub fn parts(&self) -> [&Option<String>; 8] {
        [
            &self.po_box,
            &self.extended,
            &self.street,
            &self.locality,
            &self.region,
            &self.postcode,
            &self.country,
            &self.formatted,
        ]
    }

    fn parts_mut(&mut self) -> [&mut Option<String>; 8] {
        [
            &mut self.po_box,
            &mut self.extended,
            &mut self.street,
            &mut self.locality,
            &mut self.region,
            &mut self.postcode,
            &mut self.country,
            &mut self.formatted,
        ]
    }

    /// The address as one raw value ([`crate::model::Field::Address`]).
    pub fn encode(&self) -> String {
        let parts: Vec<&str> = self
            .parts()
            .iter()
            .map(|p| p.as_deref().unwrap_or_default())
            .collect();
        parts.join(&PART.to_string())
    }

    /// An address from its raw value: the parts of [`Address::encode`], or a text of its own
    /// (an address written in one cell), which is its formatted text.
    pub fn decode(value: &str, kind: &Kind) -> Address {
        let mut address = Address {
            types: kind.types.clone(),
            label: kind.label.clone(),
            ..Address::default()
        };
        if !value.contains(PART) {
            address.formatted = Some(value.trim().to_string()).filter(|v| !v.is_empty());
            return address;
        }
        for (slot, part) in address.parts_mut().into_iter().zip(value.split(PART)) {
            let part = part.trim();
            if !part.is_empty() {
                *slot = Some(part.to_string());
            }
        }
        address
    }

    /// Builds the raw value of an address from its parts, in `ADR` order then formatted text.
    pub fn encode_parts<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
        let parts: Vec<&str> = parts.into_iter().map(str::trim).collect();
        parts.join(&PART.to_string())
    }

    pub fn is_empty(&self) -> bool {
        self.parts().iter().all(|p| p.is_none())
    }

    /// Two addresses are one where their parts are (types and label aside).
    pub fn same_place(&self, other: &Address) -> bool {
        self.parts() == other.parts()
    }
}

/// An instant-messaging handle: a URI (`xmpp:ann@example.com`, `skype:ann.lee`) and the service.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Im {
    pub value: String,
    pub service: Option<String>,
    pub types: Vec<String>,
    pub label: Option<String>,
}

/// A related person: a name or a URI, and how they are related (`spouse`, `assistant`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Related {
    pub name: String,
    pub relation: Option<String>,
    /// The URI where the source gave one (`urn:uuid:…`, `mailto:…`), else null.
    pub value: Option<String>,
}

/// A date other than the birthday: an anniversary, or one with a label of the user's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DateEntry {
    /// `anniversary`, or `other`.
    pub kind: String,
    /// ISO (`2009-08-08`), `--MM-DD` without a year, else as written.
    pub value: String,
    pub label: Option<String>,
}

/// Names as they are pronounced (`X-PHONETIC-*`, Google's `Phonetic … Name`, vCard 2.1's
/// `SOUND;X-IRMC-N`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Phonetic {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub middle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
}

impl Phonetic {
    pub fn is_empty(&self) -> bool {
        self.given.is_none()
            && self.middle.is_none()
            && self.family.is_none()
            && self.organization.is_none()
    }
}

/// A photo: the image itself, or a link to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    pub mime: Option<String>,
    /// Base64 in a serialized contact, not a list of numbers.
    #[serde(with = "base64_bytes")]
    pub data: Option<Vec<u8>>,
    pub url: Option<String>,
}

mod base64_bytes {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(data: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        match data {
            Some(bytes) => s.serialize_some(&STANDARD.encode(bytes)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| STANDARD.decode(text).map_err(serde::de::Error::custom))
            .transpose()
    }
}

impl Photo {
    /// The raw value of a photo: a `data:` URI of the image, or the link.
    pub fn encode(&self) -> String {
        use base64::Engine;
        match (&self.data, &self.url) {
            (Some(data), _) => format!(
                "data:{};base64,{}",
                self.mime.as_deref().unwrap_or("application/octet-stream"),
                base64::engine::general_purpose::STANDARD.encode(data)
            ),
            (None, Some(url)) => url.clone(),
            (None, None) => String::new(),
        }
    }

    /// A photo from its raw value: a `data:` URI is the image, anything else a link.
    pub fn decode(value: &str) -> Photo {
        use base64::Engine;
        let value = value.trim();
        if let Some(rest) = value.strip_prefix("data:")
            && let Some((head, body)) = rest.split_once(',')
            && let Some(mime) = head.strip_suffix(";base64")
        {
            let clean: String = body.chars().filter(|c| !c.is_whitespace()).collect();
            if let Ok(data) = base64::engine::general_purpose::STANDARD.decode(clean) {
                return Photo {
                    mime: Some(mime.to_string()).filter(|m| !m.is_empty()),
                    data: Some(data),
                    url: None,
                };
            }
        }
        Photo {
            mime: None,
            data: None,
            url: Some(value.to_string()),
        }
    }

    /// The hex SHA-256 of the image (or of the link).
    pub fn sha256(&self) -> String {
        use sha2::{Digest, Sha256};
        let digest = match (&self.data, &self.url) {
            (Some(d), _) => Sha256::digest(d),
            (None, url) => Sha256::digest(url.as_deref().unwrap_or_default().as_bytes()),
        };
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// A vCard property rolo has no field for, kept as written: its name, its parameters as they
/// stand between the name and the colon, and its value (escaped as in the card).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Extra {
    pub name: String,
    pub params: String,
    pub value: String,
}

impl Extra {
    /// The property line without folding: `NAME;PARAMS:value`.
    pub fn line(&self) -> String {
        if self.params.is_empty() {
            format!("{}:{}", self.name, self.value)
        } else {
            format!("{};{}:{}", self.name, self.params, self.value)
        }
    }

    /// A property from its unfolded line; `None` where the line has no colon.
    pub fn parse(line: &str) -> Option<Extra> {
        let colon = split_outside_quotes(line, ':')?;
        let (head, value) = (&line[..colon], &line[colon + 1..]);
        let (name, params) = match split_outside_quotes(head, ';') {
            Some(at) => (&head[..at], &head[at + 1..]),
            None => (head, ""),
        };
        let name = name.trim();
        (!name.is_empty()).then(|| Extra {
            name: name.to_string(),
            params: params.to_string(),
            value: value.to_string(),
        })
    }
}

/// The first `sep` of `s` outside double quotes.
fn split_outside_quotes(s: &str, sep: char) -> Option<usize> {
    let mut quoted = false;
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            c if c == sep && !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// Everything of a record or a contact beyond what matching uses: the entries most records
/// have inline, the rest ([`More`]) boxed, since most records have none of it. `details.role`
/// reads through to it; writing allocates it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Details {
    pub phones: ThinVec<PhoneEntry>,
    pub emails: ThinVec<Entry>,
    pub urls: ThinVec<Entry>,
    pub addresses: ThinVec<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    more: Option<Box<More>>,
}

/// The details few records carry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct More {
    pub ims: ThinVec<Im>,
    pub related: ThinVec<Related>,
    pub dates: ThinVec<DateEntry>,
    pub role: Option<String>,
    pub gender: Option<String>,
    pub time_zone: Option<String>,
    pub geo: Option<String>,
    pub phonetic: Phonetic,
    /// The UIDs of the source cards, the first one's first.
    pub uids: ThinVec<String>,
    pub photo: Option<Box<Photo>>,
    pub extra: ThinVec<Extra>,
}

static NONE: std::sync::LazyLock<More> = std::sync::LazyLock::new(More::default);

impl std::ops::Deref for Details {
    type Target = More;

    fn deref(&self) -> &More {
        self.more.as_deref().unwrap_or(&NONE)
    }
}

impl std::ops::DerefMut for Details {
    fn deref_mut(&mut self) -> &mut More {
        self.more.get_or_insert_with(Default::default)
    }
}

impl Details {
    /// Adds a number, or the kinds of one already there: the same number (by its E.164 form and
    /// extension, else as written) for calling or for faxing alike. A fax on a voice line stays
    /// an entry of its own, so that the line is still called and matched on.
    pub fn add_phone(list: &mut ThinVec<PhoneEntry>, p: PhoneEntry) {
        // Two labels of the user's own are two entries: each card keeps what it called it.
        let labels_differ =
            |q: &PhoneEntry| matches!((&q.label, &p.label), (Some(a), Some(b)) if a != b);
        let same = list.iter_mut().find(|q| {
            q.is_fax() == p.is_fax()
                && !labels_differ(q)
                && match (&q.e164, &p.e164) {
                    (Some(a), Some(b)) => a == b && q.extension == p.extension,
                    _ => q.value == p.value,
                }
        });
        match same {
            Some(q) => merge_kind(&mut q.types, &mut q.label, &p.types, &p.label),
            None => list.push(p),
        }
    }

    /// Gives back the room its lists were grown with (see [`crate::model::Record::shrink_to_fit`]).
    pub fn shrink_to_fit(&mut self) {
        for p in &mut self.phones {
            p.types.shrink_to_fit();
        }
        for e in self.emails.iter_mut().chain(&mut self.urls) {
            e.types.shrink_to_fit();
        }
        self.phones.shrink_to_fit();
        self.emails.shrink_to_fit();
        self.urls.shrink_to_fit();
        self.addresses.shrink_to_fit();
        if let Some(more) = &mut self.more {
            more.ims.shrink_to_fit();
            more.related.shrink_to_fit();
            more.dates.shrink_to_fit();
            more.uids.shrink_to_fit();
            more.extra.shrink_to_fit();
        }
    }

    /// Takes in the details of another record of the same person: each value once, the kinds a
    /// value is given anywhere together; a single-valued detail keeps the first one, a second
    /// one goes to `more` as (field, value).
    pub fn absorb(&mut self, other: Details, more: &mut Vec<(&'static str, String)>) {
        for p in other.phones {
            Details::add_phone(&mut self.phones, p);
        }
        for (mine, theirs) in [
            (&mut self.emails, other.emails),
            (&mut self.urls, other.urls),
        ] {
            for e in theirs {
                match mine
                    .iter_mut()
                    .find(|q| q.value.eq_ignore_ascii_case(&e.value))
                {
                    Some(q) => merge_kind(&mut q.types, &mut q.label, &e.types, &e.label),
                    None => mine.push(e),
                }
            }
        }
        for a in other.addresses {
            match self.addresses.iter_mut().find(|q| q.same_place(&a)) {
                Some(q) => merge_kind(&mut q.types, &mut q.label, &a.types, &a.label),
                None => self.addresses.push(a),
            }
        }
        let Some(theirs) = other.more else {
            return;
        };
        let theirs = *theirs;
        if self.more.is_none() {
            self.more = Some(Box::new(theirs));
            return;
        }
        let mine: &mut More = self;
        for im in theirs.ims {
            match mine
                .ims
                .iter_mut()
                .find(|q| q.value.eq_ignore_ascii_case(&im.value))
            {
                Some(q) => merge_kind(&mut q.types, &mut q.label, &im.types, &im.label),
                None => mine.ims.push(im),
            }
        }
        extend(&mut mine.related, theirs.related);
        extend(&mut mine.dates, theirs.dates);
        for (slot, value, field) in [
            (&mut mine.role, theirs.role, "role"),
            (&mut mine.gender, theirs.gender, "gender"),
            (&mut mine.time_zone, theirs.time_zone, "time_zone"),
            (&mut mine.geo, theirs.geo, "geo"),
        ] {
            single(slot, value, field, more);
        }
        let (ph, other_ph) = (&mut mine.phonetic, theirs.phonetic);
        single(&mut ph.given, other_ph.given, "phonetic_given", more);
        single(&mut ph.middle, other_ph.middle, "phonetic_middle", more);
        single(&mut ph.family, other_ph.family, "phonetic_family", more);
        single(
            &mut ph.organization,
            other_ph.organization,
            "phonetic_organization",
            more,
        );
        extend(&mut mine.uids, theirs.uids);
        // A second photo is kept as the property it is.
        match (&mine.photo, theirs.photo) {
            (None, Some(p)) => mine.photo = Some(p),
            (Some(a), Some(b)) if *a != b => mine.extra.push(Extra {
                name: "PHOTO".into(),
                params: String::new(),
                value: b.encode(),
            }),
            _ => {}
        }
        extend(&mut mine.extra, theirs.extra);
    }
}

/// Adds the types and the label of another value to a value's.
pub fn merge_kind<T: PartialEq + Clone, V: std::ops::DerefMut<Target = [T]> + Extend<T>>(
    types: &mut V,
    label: &mut Option<T>,
    more: &[T],
    other: &Option<T>,
) {
    for t in more {
        if !types.contains(t) {
            types.extend(std::iter::once(t.clone()));
        }
    }
    if label.is_none() {
        label.clone_from(other);
    }
}

fn single(
    slot: &mut Option<String>,
    value: Option<String>,
    field: &'static str,
    more: &mut Vec<(&'static str, String)>,
) {
    match (&*slot, value) {
        (None, v) => *slot = v,
        (Some(a), Some(b)) if *a != b => more.push((field, b)),
        _ => {}
    }
}

fn extend<T: PartialEq>(list: &mut ThinVec<T>, values: impl IntoIterator<Item = T>) {
    for v in values {
        if !list.contains(&v) {
            list.push(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_survives_its_raw_value() {
        let a = Address {
            types: vec!["work".into()],
            street: Some("100 Waters Edge".into()),
            locality: Some("Baytown".into()),
            postcode: Some("30314".into()),
            country: Some("United States of America".into()),
            ..Address::default()
        };
        let kind = Kind::of_types(["WORK"]);
        assert_eq!(Address::decode(&a.encode(), &kind), a);
        let one = Address::decode("1 Main St, Springfield", &Kind::default());
        assert_eq!(one.formatted.as_deref(), Some("1 Main St, Springfield"));
    }

    #[test]
    fn a_photo_survives_its_raw_value() {
        let p = Photo {
            mime: Some("image/jpeg".into()),
            data: Some(vec![0xff, 0xd8, 0xff, 0, 1, 2]),
            url: None,
        };
        assert_eq!(Photo::decode(&p.encode()), p);
        let link = Photo::decode("https://example.com/a.jpg");
        assert_eq!(link.url.as_deref(), Some("https://example.com/a.jpg"));
    }

    #[test]
    fn an_extra_property_splits_outside_quotes() {
        let e = Extra::parse("X-THING;X-NOTE=\"a:b;c\":value: with colon").unwrap();
        assert_eq!(e.name, "X-THING");
        assert_eq!(e.params, "X-NOTE=\"a:b;c\"");
        assert_eq!(e.value, "value: with colon");
        assert_eq!(e.line(), "X-THING;X-NOTE=\"a:b;c\":value: with colon");
    }
}
