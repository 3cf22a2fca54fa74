//! What an address book's columns say beyond the field they hold, read from their headers by
//! one rule for every layout: the kind a header gives its values (`Mobile Phone` is a cell
//! phone, `Business Fax` a work fax, Google's `Phone 1 - Label` cell names it row by row), and
//! the columns that hold one postal address in parts (`Business Street`, `Business City`;
//! `Address 1 - Street`, `Address 1 - City`; `Straße geschäftlich`).

use super::headers::{Qualifier, qualifier, relation};
use crate::model::{Address, Field, Kind, RawRecord};

/// A part of a postal address, in `ADR` order, then the formatted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    PoBox,
    Extended,
    Street,
    Locality,
    Region,
    Postcode,
    Country,
    Formatted,
}

/// What a column holds beyond its field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Role {
    /// The kind the header gives the column's values.
    pub kind: Kind,
    /// A part of the address of this group (its index in [`Roles::groups`]).
    pub address: Option<(usize, Part)>,
    /// The column whose cell names this value's kind row by row (Google's `Phone 1 - Label`).
    pub label_column: Option<usize>,
    /// The column naming an IM handle's service (Google's `IM 1 - Service`).
    pub service_column: Option<usize>,
    /// A part of the name of a related person (`Spouse First Name`): its group in
    /// [`Roles::related`].
    pub related: Option<usize>,
    /// The column whose value this one qualifies (a phone's extension or area code).
    pub qualifies: Option<(usize, Qualifier)>,
}

/// The roles of a header's columns, and the addresses they make up.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    pub columns: Vec<Role>,
    /// Each address: the kind its header words give, and its label column.
    pub groups: Vec<(Kind, Option<usize>)>,
    /// Each related person named over several columns: the relation.
    pub related: Vec<Kind>,
    /// The address group of the parts a mapping names.
    mapped_address: Option<usize>,
}

/// What a row's cells make up over several columns: its addresses and the names of related
/// people, completed by [`Roles::finish`].
#[derive(Debug, Default)]
pub struct RowParts {
    addresses: Vec<Parts>,
    related: Vec<Vec<String>>,
}

/// Folded words of a header: diacritics removed, lower case, split on all but letters and digits.
fn words(header: &str) -> Vec<String> {
    deunicode::deunicode(header)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// The vCard type a word of a header or a label names.
fn type_word(word: &str) -> Option<&'static str> {
    let t = match word {
        "mobile" | "mobil" | "cell" | "cellular" | "handy" | "mobiltelefon" | "portable"
        | "movil" | "celular" => "cell",
        "work" | "business" | "geschaftlich" | "bureau" | "trabajo" | "dienstlich" | "employer" => {
            "work"
        }
        "home" | "personal" | "private" | "privat" | "domicile" | "casa" | "particulier" => "home",
        "fax" | "telefax" | "telecopie" => "fax",
        "pager" => "pager",
        "main" => "main",
        "other" | "weitere" | "autre" | "otro" => "other",
        "voice" => "voice",
        "text" => "text",
        "video" => "video",
        // The other types of vCard 2.1 to 4.0, as they are.
        "msg" => "msg",
        "bbs" => "bbs",
        "modem" => "modem",
        "car" => "car",
        "isdn" => "isdn",
        "pcs" => "pcs",
        "textphone" => "textphone",
        "postal" => "postal",
        "parcel" => "parcel",
        "dom" => "dom",
        "intl" => "intl",
        _ => return None,
    };
    Some(t)
}

/// Words that say what a column is, not its kind.
const NOT_KIND: &[&str] = &[
    "phone",
    "telephone",
    "telefon",
    "tel",
    "number",
    "no",
    "nr",
    "value",
    "e",
    "mail",
    "email",
    "address",
    "adresse",
    "web",
    "page",
    "site",
    "website",
    "webseite",
    "url",
    "primary",
    "additional",
    "addresses",
    "numbers",
    "websites",
    "urls",
    "more",
    "type",
    "label",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
];

/// The kind a label cell or a header names: its words that are vCard types (`Work Fax`), or,
/// where it has words of its own, the label as written (`Google Voice`, `Car`). A leading `* `
/// (Google's mark of the primary value) is not part of it.
pub fn kind_of_label(label: &str) -> Kind {
    let label = label.trim().trim_start_matches("* ").trim();
    // How a message travels (Outlook's `E-mail Type`: SMTP, EX), not what kind of address.
    if label.is_empty()
        || ["smtp", "ex", "internet", "x400"].contains(&label.to_ascii_lowercase().as_str())
    {
        return Kind::default();
    }
    let ws: Vec<String> = words(label);
    let types: Vec<&str> = ws.iter().filter_map(|w| type_word(w)).collect();
    if !ws.is_empty() && types.len() == ws.len() {
        Kind::of_types(types)
    } else {
        Kind {
            types: Vec::new(),
            label: Some(label.to_string()),
        }
    }
}

/// The kind a column's header gives its values: `Business Fax` is (work, fax), `Car Phone`
/// has the label `Car`; `E-mail 2 Address` has none.
pub fn kind_of_header(header: &str) -> Kind {
    let ws = words(header);
    // `Phone1`, `Email2`: a numbered value word is the value word.
    let not_kind = |w: &str| {
        NOT_KIND.contains(&w)
            || NOT_KIND.contains(&w.trim_end_matches(|c: char| c.is_ascii_digit()))
    };
    let rest: Vec<&String> = ws.iter().filter(|w| !not_kind(w.as_str())).collect();
    if rest.is_empty() {
        return Kind::default();
    }
    let types: Vec<&str> = rest.iter().filter_map(|w| type_word(w)).collect();
    if types.len() == rest.len() {
        return Kind::of_types(types);
    }
    // `Company Main Phone`: a company's main line.
    if rest.iter().any(|w| *w == "company") && rest.iter().any(|w| *w == "main") {
        return Kind::of_types(["work", "main"]);
    }
    let label: Vec<String> = header
        .split_whitespace()
        .filter(|w| !not_kind(words(w).concat().as_str()))
        .map(String::from)
        .collect();
    Kind {
        types: types.iter().map(|t| t.to_string()).collect(),
        label: Some(label.join(" ")).filter(|l| !l.is_empty()),
    }
}

/// The address part a header names, and the words left to tell which address.
fn address_part(header: &str) -> Option<(Part, Vec<String>)> {
    let ws = words(header);
    let has = |w: &str| ws.iter().any(|x| x == w);
    let part = if has("street")
        || has("strasse")
        || has("rue")
        || has("calle")
        || has("hausnummer")
        || (has("house") && (has("number") || has("no")))
    {
        Part::Street
    } else if has("city")
        || has("ort")
        || has("ville")
        || has("ciudad")
        || has("town")
        || has("locality")
        || has("suburb")
    {
        Part::Locality
    } else if has("state") || has("region") || has("province") || has("bundesland") {
        if has("country") || has("land") || has("pays") {
            Part::Country
        } else {
            Part::Region
        }
    } else if (has("postal") && has("code"))
        || has("postcode")
        || has("postalcode")
        || has("zip")
        || has("zipcode")
        || has("postleitzahl")
        || has("plz")
        || (has("code") && has("postal"))
    {
        Part::Postcode
    } else if has("country") || has("countryname") || has("land") || has("pays") || has("pais") {
        Part::Country
    } else if (has("po") && has("box")) || has("pobox") || has("postfach") {
        Part::PoBox
    } else if (has("address") || has("addr"))
        && ws.iter().all(|w| {
            matches!(w.as_str(), "address" | "addr" | "line" | "street")
                || w.chars().all(|c| c.is_ascii_digit())
        })
        && ws
            .iter()
            .any(|w| w == "line" || w.chars().all(|c| c.is_ascii_digit()))
    {
        // `Address 1`, `Address Line 2`: the lines of a street.
        Part::Street
    } else if has("extended")
        || has("apartment")
        || has("apt")
        || has("suite")
        || (has("unit") && (has("number") || has("no") || has("nr")))
    {
        // `unit_number`, `Apartment`: the line vCard calls the extended address (not a
        // `Business Unit`, a department).
        Part::Extended
    } else if has("formatted") {
        Part::Formatted
    } else {
        return None;
    };
    const PART_WORDS: &[&str] = &[
        "street",
        "strasse",
        "rue",
        "calle",
        "city",
        "ort",
        "ville",
        "ciudad",
        "town",
        "state",
        "region",
        "province",
        "bundesland",
        "postal",
        "code",
        "postcode",
        "postalcode",
        "locality",
        "suburb",
        "house",
        "hausnummer",
        "number",
        "no",
        "nr",
        "countryname",
        "zip",
        "zipcode",
        "postleitzahl",
        "plz",
        "country",
        "land",
        "pays",
        "pais",
        "po",
        "box",
        "addr",
        "line",
        "pobox",
        "postfach",
        "extended",
        "apartment",
        "apt",
        "suite",
        "unit",
        // `street_name` beside `street_number`: one street.
        "name",
        "formatted",
        "address",
        "adresse",
        "1",
        "2",
        "3",
        "value",
    ];
    let rest = ws
        .into_iter()
        .filter(|w| !PART_WORDS.contains(&w.as_str()))
        .collect();
    Some((part, rest))
}

/// Google's numbered groups: `Address 1 - Street` is part `Street` of group `Address 1`.
fn google_group(header: &str) -> Option<(&str, &str)> {
    let (stem, part) = header.trim().split_once(" - ")?;
    let number = stem.rsplit(' ').next()?;
    number
        .chars()
        .all(|c| c.is_ascii_digit())
        .then_some((stem.trim(), part.trim()))
}

/// The roles of a header's columns; `fields` (from [`super::headers::map_headers`]) is set to
/// the field each column's role makes it: a fax or pager column is a phone of that kind, an
/// address part belongs to its address, a relation, date or IM of Google's is its own field.
pub fn roles(headers: &[String], fields: &mut [Field]) -> Roles {
    let mut roles = Roles {
        columns: vec![Role::default(); headers.len()],
        groups: Vec::new(),
        related: Vec::new(),
        mapped_address: None,
    };
    let find = |stem: &str, part: &str| {
        headers.iter().position(|h| {
            google_group(h).is_some_and(|(s, p)| s == stem && p.eq_ignore_ascii_case(part))
        })
    };
    // Address parts, grouped: by Google's group, else by the header's other words.
    let mut keys: Vec<String> = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        let known = !matches!(fields[i], Field::Custom(_) | Field::Country);
        if known {
            continue;
        }
        let (key, part, kind, label_column) = match google_group(header) {
            Some((stem, part)) if stem.to_ascii_lowercase().starts_with("address") => {
                let Some((part, _)) = address_part(part) else {
                    continue;
                };
                let label = find(stem, "Label").or_else(|| find(stem, "Type"));
                (stem.to_ascii_lowercase(), part, Kind::default(), label)
            }
            Some(_) => continue,
            None => {
                let Some((part, rest)) = address_part(header) else {
                    continue;
                };
                let types: Vec<&str> = rest.iter().filter_map(|w| type_word(w)).collect();
                // Grouped by kind where the words name one (Roundcube's `Business Street`
                // beside its `Work City`), else by the words.
                let key = if !types.is_empty() && types.len() == rest.len() {
                    types.join(" ")
                } else {
                    rest.join(" ")
                };
                (key, part, Kind::of_types(types), None)
            }
        };
        let group = match keys.iter().position(|k| *k == key) {
            Some(g) => g,
            None => {
                keys.push(key);
                roles.groups.push((kind, label_column));
                roles.groups.len() - 1
            }
        };
        roles.columns[i].address = Some((group, part));
    }
    // An address is at least two parts, or a part that places it on its own (its formatted
    // text, street, city or postcode: a list of leads with a `City` column): a lone `Country`
    // is a country, a lone `State` a custom field.
    for g in 0..roles.groups.len() {
        let parts: Vec<usize> = (0..headers.len())
            .filter(|&i| roles.columns[i].address.is_some_and(|(x, _)| x == g))
            .collect();
        let places = parts.iter().any(|&i| {
            roles.columns[i].address.is_some_and(|(_, p)| {
                matches!(
                    p,
                    Part::Formatted | Part::Street | Part::Locality | Part::Postcode
                )
            })
        });
        if parts.len() < 2 && !places {
            for i in parts {
                roles.columns[i].address = None;
            }
        }
    }
    for (i, header) in headers.iter().enumerate() {
        if roles.columns[i].address.is_some() {
            if fields[i] != Field::Country {
                fields[i] = Field::Address;
            }
            continue;
        }
        if let Some((stem, part)) = google_group(header) {
            let stem_lower = stem.to_ascii_lowercase();
            let value = part.eq_ignore_ascii_case("Value");
            let label = find(stem, "Label").or_else(|| find(stem, "Type"));
            if value {
                roles.columns[i].label_column = label;
                if stem_lower.starts_with("relation") {
                    fields[i] = Field::Related;
                } else if stem_lower.starts_with("event") {
                    fields[i] = Field::Date;
                } else if stem_lower.starts_with("im") {
                    fields[i] = Field::Im;
                    roles.columns[i].service_column = find(stem, "Service");
                }
            }
            continue;
        }
        match &fields[i] {
            Field::Phone | Field::Email | Field::Url => {
                roles.columns[i].kind = kind_of_header(header);
            }
            Field::Custom(_) => {
                let ws = words(header);
                let has = |w: &str| ws.iter().any(|x| x == w);
                // Another person's name, number or address (Outlook's `Spouse`, `Manager's
                // Name`, `Assistant's Phone`; `Mum-email`, `Emergency Contact Phone`): a
                // related person, with the relation the header gives.
                if let Some((relation, written)) = relation(header) {
                    fields[i] = Field::Related;
                    let mut kind = Kind::of_types([relation]);
                    if !written.eq_ignore_ascii_case(relation) {
                        kind.label = Some(written);
                    }
                    if is_name_part(header) {
                        let group = match roles.related.iter().position(|k| *k == kind) {
                            Some(g) => g,
                            None => {
                                roles.related.push(kind.clone());
                                roles.related.len() - 1
                            }
                        };
                        roles.columns[i].related = Some(group);
                    }
                    roles.columns[i].kind = kind;
                    continue;
                }
                if let Some(q) = qualifier(header) {
                    if let Some(target) = qualified_column(headers, fields, i, q) {
                        roles.columns[i].qualifies = Some((target, q));
                    }
                    continue;
                }
                if has("anniversary") || has("jahrestag") {
                    fields[i] = Field::Date;
                    roles.columns[i].kind = Kind::of_types(["anniversary"]);
                    continue;
                }
                if ws.concat() == "imaddress" {
                    fields[i] = Field::Im;
                    continue;
                }
                // A fax or a pager of the contact's own (`Business Fax`, `Pager`).
                if (has("fax") || has("pager") || has("telefax"))
                    && !has("assistant")
                    && !has("type")
                    && !has("label")
                {
                    fields[i] = Field::Phone;
                    roles.columns[i].kind = kind_of_header(header);
                    if !roles.columns[i].kind.has("fax") && !roles.columns[i].kind.has("pager") {
                        roles.columns[i].kind.types.push("fax".into());
                    }
                }
            }
            _ => {}
        }
    }
    // `Phone1 type` beside `Phone1 number`, `Email Label` beside `Email`: a column naming the
    // kind of another column's values row by row.
    for i in 0..headers.len() {
        if !matches!(fields[i], Field::Custom(_)) || roles.columns[i] != Role::default() {
            continue;
        }
        let ws = words(&headers[i]);
        if !ws
            .iter()
            .any(|w| matches!(w.as_str(), "type" | "label" | "kind"))
        {
            continue;
        }
        const VALUE_WORDS: &[&str] = &["type", "label", "kind", "number", "value", "no", "address"];
        let stem: Vec<&String> = ws
            .iter()
            .filter(|w| !VALUE_WORDS.contains(&w.as_str()))
            .collect();
        let target = (0..headers.len()).find(|&j| {
            j != i
                && matches!(
                    fields[j],
                    Field::Phone | Field::Email | Field::Url | Field::Im
                )
                && roles.columns[j].label_column.is_none()
                && words(&headers[j])
                    .iter()
                    .filter(|w| !VALUE_WORDS.contains(&w.as_str()))
                    .collect::<Vec<_>>()
                    == stem
        });
        if let Some(j) = target {
            roles.columns[j].label_column = Some(i);
        }
    }
    roles
}

/// Whether a related person's column holds (a part of) their name: `Spouse`, `Manager's Name`,
/// `Spouse First Name`, not `Mum-email`.
fn is_name_part(header: &str) -> bool {
    !super::headers::words(header).iter().any(|w| {
        let w = w.as_str();
        w.contains("mail")
            || w.starts_with("phone")
            || w.starts_with("tel")
            || w.starts_with("mobil")
            || w.starts_with("cell")
            || w.starts_with("fax")
            || w.starts_with("handy")
            || w.starts_with("web")
            || w.starts_with("url")
            || w.starts_with("address")
            || w.starts_with("adresse")
            || w.starts_with("birth")
            || w.starts_with("street")
            || w == "city"
            || w == "notes"
            || w == "note"
    })
}

/// The phone column a qualifier column (`Phone Ext`, `Vorwahl_Tel`) belongs to: the one whose
/// header shares most words with it; among those, one on the side the qualifier is written
/// (an area code before its number, an extension after it), the nearest.
fn qualified_column(
    headers: &[String],
    fields: &[Field],
    q: usize,
    qualifier: Qualifier,
) -> Option<usize> {
    const QUALIFIER_WORDS: &[&str] = &[
        "ext",
        "extension",
        "durchwahl",
        "nebenstelle",
        "area",
        "code",
        "areacode",
        "vorwahl",
        "country",
        "dial",
        "calling",
        "prefijo",
    ];
    let own: Vec<String> = super::headers::words(&headers[q])
        .into_iter()
        .filter(|w| !QUALIFIER_WORDS.contains(&w.as_str()))
        .collect();
    (0..fields.len())
        .filter(|&j| fields[j] == Field::Phone)
        .max_by_key(|&j| {
            let theirs = super::headers::words(&headers[j]);
            let shared = own.iter().filter(|w| theirs.contains(w)).count();
            let side = match qualifier {
                Qualifier::Extension => j < q,
                Qualifier::AreaCode | Qualifier::CountryCode => j > q,
            };
            (shared, side, std::cmp::Reverse(j.abs_diff(q)))
        })
}

/// A phone number with what its qualifier columns give: `0161` and `555 0101` are
/// `0161 555 0101`, `+44` and `161 555 0101` are `+44 161 555 0101`, `555 0101` and `273` are
/// `555 0101 ext. 273`. A number that already holds the qualifier keeps it once.
fn qualified_number(number: &str, qualifiers: &[(Qualifier, String)]) -> String {
    let mut out = number.trim().to_string();
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let international = out.starts_with('+') || out.starts_with("00");
    for (q, value) in qualifiers {
        let value = value.trim();
        let (d, number_digits) = (digits(value), digits(&out));
        if d.is_empty() {
            continue;
        }
        match q {
            Qualifier::AreaCode if !international && !number_digits.starts_with(&d) => {
                out = format!("{value} {out}");
            }
            Qualifier::CountryCode if !international => {
                let national = out.trim_start_matches('0');
                out = format!("+{d} {national}");
            }
            Qualifier::Extension if !number_digits.ends_with(&d) => {
                out = format!("{out} ext. {value}");
            }
            _ => {}
        }
    }
    out
}

impl Roles {
    /// Makes column `i` what a mapping says it is, whatever its header said: `fields[i]` is
    /// set, and the column's role is only what the mapping gives it.
    pub fn set(
        &mut self,
        headers: &[String],
        fields: &mut [Field],
        i: usize,
        spec: &super::mapping::Spec,
    ) {
        use super::mapping::Spec;
        self.columns[i] = Role::default();
        let custom = || Field::Custom(headers[i].trim().to_string());
        match spec {
            Spec::Field(field) => {
                fields[i] = field.clone();
                if matches!(field, Field::Phone | Field::Email | Field::Url) {
                    self.columns[i].kind = kind_of_header(&headers[i]);
                }
            }
            Spec::Custom => fields[i] = custom(),
            Spec::Part(part) => {
                // The parts a mapping names make one address of their own.
                let group = *self.mapped_address.get_or_insert_with(|| {
                    self.groups.push((Kind::default(), None));
                    self.groups.len() - 1
                });
                fields[i] = Field::Address;
                self.columns[i].address = Some((group, *part));
            }
            Spec::Qualifier(q) => {
                fields[i] = custom();
                self.columns[i].qualifies =
                    qualified_column(headers, fields, i, *q).map(|target| (target, *q));
            }
        }
    }
}

/// A house number as written in a column of its own: `12`, `12a`, `12-14`.
fn is_house_number(value: &str) -> bool {
    let value = value.trim();
    value.len() <= 8
        && value.starts_with(|c: char| c.is_ascii_digit())
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '/')
        && value.chars().filter(char::is_ascii_alphabetic).count() <= 1
}

/// An address under construction from the cells of a row.
#[derive(Debug, Default)]
pub struct Parts(Vec<Option<String>>);

impl Parts {
    pub fn set(&mut self, part: Part, value: &str) {
        if self.0.is_empty() {
            self.0 = vec![None; 8];
        }
        let slot = &mut self.0[part as usize];
        match slot {
            // A house number in a column of its own goes on the street's line: `12 Herschell
            // Circuit`, `Hauptstraße 5`.
            Some(known) if is_house_number(known) || is_house_number(value) => {
                known.push(' ');
                known.push_str(value);
            }
            // `Business Street 2`: one more line of the street.
            Some(known) => {
                known.push('\n');
                known.push_str(value);
            }
            None => *slot = Some(value.to_string()),
        }
    }

    /// The raw value of the address ([`Address::encode`]), or nothing where no part was given.
    pub fn encode(&self) -> Option<String> {
        if self.0.iter().all(Option::is_none) {
            return None;
        }
        Some(Address::encode_parts(
            self.0.iter().map(|p| p.as_deref().unwrap_or_default()),
        ))
    }
}

impl Roles {
    /// Whether column `i` names the kind or the service of another column's values, and so is
    /// read with them.
    pub fn is_label(&self, i: usize) -> bool {
        self.columns
            .iter()
            .any(|r| r.label_column == Some(i) || r.service_column == Some(i))
            || self.groups.iter().any(|(_, label)| *label == Some(i))
    }

    /// The column a qualifier column `i` joins, and what it gives.
    pub fn qualified(&self, i: usize) -> Option<(usize, Qualifier)> {
        self.columns.get(i)?.qualifies
    }

    /// Adds cell `i` of a row to `record` as `field`, with the kind its column and its label
    /// cell give it; `row(j)` is the text of cell `j`. An address part waits in `parts` for
    /// [`Roles::finish`].
    pub fn push(
        &self,
        record: &mut RawRecord,
        parts: &mut RowParts,
        i: usize,
        field: Field,
        cell: &str,
        row: &dyn Fn(usize) -> String,
    ) {
        let Some(role) = self.columns.get(i) else {
            return super::csv::push_cell(record, field, cell, Kind::default());
        };
        if let Some((group, part)) = role.address {
            if parts.addresses.len() <= group {
                parts.addresses.resize_with(group + 1, Parts::default);
            }
            parts.addresses[group].set(part, cell);
            if field != Field::Country {
                return;
            }
        }
        if let Some(group) = role.related {
            if parts.related.len() <= group {
                parts.related.resize_with(group + 1, Vec::new);
            }
            parts.related[group].push(cell.trim().to_string());
            return;
        }
        let mut kind = role.kind.clone();
        if let Some(label) = role.label_column.map(row) {
            match (&field, label.trim()) {
                (Field::Date, l) if l.eq_ignore_ascii_case("anniversary") => {
                    kind.types.push("anniversary".into())
                }
                (Field::Related | Field::Date, l) if !l.is_empty() => {
                    kind.label = Some(l.to_string())
                }
                _ => kind.absorb(&kind_of_label(&label)),
            }
        }
        if field == Field::Im
            && crate::normalize::scheme(cell).is_none()
            && let Some(service) = role.service_column.map(row)
            && !service.trim().is_empty()
        {
            let scheme = im_scheme(&service);
            return super::csv::push_cell(
                record,
                field,
                &format!("{scheme}:{}", cell.trim()),
                kind,
            );
        }
        if field == Field::Phone {
            let qualifiers: Vec<(Qualifier, String)> = self
                .columns
                .iter()
                .enumerate()
                .filter_map(|(j, r)| match r.qualifies {
                    Some((target, q)) if target == i => Some((q, row(j))),
                    _ => None,
                })
                .filter(|(_, v)| !v.trim().is_empty())
                .collect();
            if !qualifiers.is_empty() && !cell.contains(":::") {
                return record.push_kind(field, &qualified_number(cell, &qualifiers), kind);
            }
        }
        super::csv::push_cell(record, field, cell, kind);
    }

    /// Adds the addresses of a row, with the kinds their headers and label cells give them.
    pub fn finish(&self, record: &mut RawRecord, parts: &RowParts, row: &dyn Fn(usize) -> String) {
        for (group, name) in parts.related.iter().enumerate() {
            if !name.is_empty() {
                record.push_kind(Field::Related, &name.join(" "), self.related[group].clone());
            }
        }
        for (group, parts) in parts.addresses.iter().enumerate() {
            // A country alone is the contact's country, read as such, not an address.
            let only_country = parts
                .0
                .iter()
                .enumerate()
                .all(|(i, p)| p.is_none() || i == Part::Country as usize);
            let Some(value) = parts.encode().filter(|_| !only_country) else {
                continue;
            };
            let (kind, label) = &self.groups[group];
            let mut kind = kind.clone();
            if let Some(label) = label.map(row) {
                kind.absorb(&kind_of_label(&label));
            }
            record.push_kind(Field::Address, &value, kind);
        }
    }
}

/// The URI scheme of an IM service as Google names it (`Skype`, `Google Talk`, `Jabber`).
pub fn im_scheme(service: &str) -> String {
    let s = service.trim().to_lowercase();
    match s.as_str() {
        "jabber" | "xmpp" => "xmpp".into(),
        "google talk" | "hangouts" | "gtalk" => "gtalk".into(),
        "msn" | "windows live" => "msnim".into(),
        "yahoo" => "ymsgr".into(),
        "icq" => "icq".into(),
        "aim" => "aim".into(),
        "qq" => "qq".into(),
        "skype" => "skype".into(),
        other => other
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(headers: &str) -> (Vec<Field>, Roles) {
        let headers: Vec<String> = headers.split(',').map(String::from).collect();
        let mut fields = super::super::headers::map_headers(&headers);
        let roles = roles(&headers, &mut fields);
        (fields, roles)
    }

    #[test]
    fn outlook_columns_give_their_kinds_and_addresses() {
        let (fields, roles) = kinds(
            "First Name,Mobile Phone,Business Fax,Pager,Home Phone 2,Car Phone,Business Street,Business City,Business Postal Code,Business Country/Region,Home Street,Home City,Country",
        );
        assert_eq!(roles.columns[1].kind.types, ["cell"]);
        assert_eq!(fields[2], Field::Phone);
        assert_eq!(roles.columns[2].kind.types, ["work", "fax"]);
        assert_eq!(
            (&fields[3], &roles.columns[3].kind.types[..]),
            (&Field::Phone, &["pager".to_string()][..])
        );
        assert_eq!(roles.columns[4].kind.types, ["home"]);
        assert_eq!(roles.columns[5].kind.types, ["car"]);
        assert_eq!(fields[6], Field::Address);
        let work = roles.columns[6].address.unwrap().0;
        assert_eq!(roles.columns[7].address, Some((work, Part::Locality)));
        assert_eq!(roles.columns[9].address, Some((work, Part::Country)));
        assert_eq!(fields[9], Field::Country);
        assert_eq!(roles.groups[work].0.types, ["work"]);
        let home = roles.columns[10].address.unwrap().0;
        assert_ne!(home, work);
        assert_eq!(roles.groups[home].0.types, ["home"]);
        // A lone country column is no address.
        assert_eq!(roles.columns[12].address, None);
    }

    #[test]
    fn a_city_alone_places_a_lead_and_one_kind_is_one_address() {
        // Splink's demo data and many lead lists: a `city` column and no other address part.
        let (fields, roles) = kinds("first_name,surname,dob,city,email");
        assert_eq!(fields[3], Field::Address);
        assert_eq!(
            roles.columns[3].address.map(|(_, p)| p),
            Some(Part::Locality)
        );
        // A region alone places no one.
        let (fields, roles) = kinds("Name,State");
        assert_eq!(roles.columns[1].address, None);
        assert_ne!(fields[1], Field::Address);
        // Roundcube writes `Business Street` beside `Work City`: one work address.
        let (_, roles) = kinds("Home Street,Home City,Business Street,Work City,Work Zip");
        let work = roles.columns[2].address.unwrap().0;
        assert_eq!(roles.columns[3].address, Some((work, Part::Locality)));
        assert_eq!(roles.columns[4].address, Some((work, Part::Postcode)));
        assert_ne!(roles.columns[0].address.unwrap().0, work);
    }

    #[test]
    fn google_groups_and_labels() {
        let (fields, roles) = kinds(
            "Name,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - Street,Address 1 - City,Relation 1 - Label,Relation 1 - Value,Event 1 - Label,Event 1 - Value,IM 1 - Label,IM 1 - Service,IM 1 - Value",
        );
        assert_eq!(roles.columns[2].label_column, Some(1));
        assert_eq!(fields[4], Field::Address);
        assert_eq!(roles.groups[0].1, Some(3));
        assert_eq!(
            (&fields[7], roles.columns[7].label_column),
            (&Field::Related, Some(6))
        );
        assert_eq!(fields[9], Field::Date);
        assert_eq!(
            (&fields[12], roles.columns[12].service_column),
            (&Field::Im, Some(11))
        );
        assert_eq!(kind_of_label("Work Fax").types, ["work", "fax"]);
        assert_eq!(kind_of_label("* Mobile").types, ["cell"]);
        assert_eq!(
            kind_of_label("Google Voice").label.as_deref(),
            Some("Google Voice")
        );
    }
}
