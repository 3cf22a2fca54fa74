//! Mapping profiles: the user's word on what a column holds, where rolo's own reading of a
//! header is wrong or does not know it. Given on the command line (`--map 'Vorname=given_name'`)
//! or in a TOML file (`--mapping FILE`), with the field names `rolo doctor` prints; the store
//! remembers a profile by the header it was given for and applies it to the next file with the
//! same header.
//!
//! ```toml
//! [columns]
//! "Vorname" = "given_name"
//! "Tel. Durchwahl" = "phone_extension"
//! "Bemerkung intern" = "custom"
//! ```

use std::collections::BTreeMap;

use super::columns::Part;
use super::headers::Qualifier;
use crate::model::Field;

/// What a column is mapped to.
#[derive(Debug, Clone, PartialEq)]
pub enum Spec {
    /// A field of the record (`given_name`, `email`, `phone`, `related`...).
    Field(Field),
    /// A part of the row's postal address (`street`, `locality`, `postcode`...).
    Part(Part),
    /// A qualifier of the nearest phone column (`phone_extension`, `phone_area_code`,
    /// `phone_country_code`).
    Qualifier(Qualifier),
    /// Kept as a custom field under its header.
    Custom,
}

/// The address parts by the names a mapping gives them.
const PARTS: [(&str, Part); 7] = [
    ("po_box", Part::PoBox),
    ("extended", Part::Extended),
    ("street", Part::Street),
    ("locality", Part::Locality),
    ("region", Part::Region),
    ("postcode", Part::Postcode),
    ("address_country", Part::Country),
];

const QUALIFIERS: [(&str, Qualifier); 3] = [
    ("phone_extension", Qualifier::Extension),
    ("phone_area_code", Qualifier::AreaCode),
    ("phone_country_code", Qualifier::CountryCode),
];

/// Fields a mapping may not name: they are rolo's own bookkeeping.
const NOT_MAPPABLE: [&str; 2] = ["contact_id", "extra"];

impl Spec {
    /// The spec a name stands for, or nothing for a name rolo does not know.
    pub fn parse(name: &str) -> Option<Spec> {
        let name = name.trim().to_ascii_lowercase();
        if name == "custom" {
            return Some(Spec::Custom);
        }
        if let Some((_, part)) = PARTS.iter().find(|(n, _)| *n == name) {
            return Some(Spec::Part(*part));
        }
        if let Some((_, q)) = QUALIFIERS.iter().find(|(n, _)| *n == name) {
            return Some(Spec::Qualifier(*q));
        }
        if NOT_MAPPABLE.contains(&name.as_str()) {
            return None;
        }
        match Field::from_key(&name) {
            Field::Custom(_) => None,
            field => Some(Spec::Field(field)),
        }
    }

    /// The name of the spec, as `doctor` prints it and a mapping writes it.
    pub fn name(&self) -> String {
        match self {
            Spec::Field(f) => f.label().to_string(),
            Spec::Part(p) => PARTS
                .iter()
                .find(|(_, x)| x == p)
                .map_or("address", |(n, _)| n)
                .to_string(),
            Spec::Qualifier(q) => QUALIFIERS
                .iter()
                .find(|(_, x)| x == q)
                .map_or("phone", |(n, _)| n)
                .to_string(),
            Spec::Custom => "custom".into(),
        }
    }

    /// Every name a mapping may use, for messages.
    pub fn names() -> Vec<String> {
        let mut names: Vec<String> = Field::known()
            .filter(|f| !NOT_MAPPABLE.contains(&f.label()))
            .map(|f| f.label().to_string())
            .collect();
        names.extend(PARTS.iter().map(|(n, _)| n.to_string()));
        names.extend(QUALIFIERS.iter().map(|(n, _)| n.to_string()));
        names.push("custom".into());
        names
    }
}

/// Columns by header, each with what it holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mapping {
    columns: Vec<(String, Spec)>,
}

/// The TOML of a mapping file.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    columns: BTreeMap<String, String>,
}

/// A header as a mapping matches it: trimmed, case and spacing ignored.
fn key(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl Mapping {
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// What the mapping says of a header.
    pub fn get(&self, header: &str) -> Option<&Spec> {
        let k = key(header);
        self.columns
            .iter()
            .rev()
            .find(|(h, _)| key(h) == k)
            .map(|(_, s)| s)
    }

    /// The headers the mapping names that `headers` does not have.
    pub fn missing<'a>(&'a self, headers: &[String]) -> Vec<&'a str> {
        self.columns
            .iter()
            .filter(|(h, _)| !headers.iter().any(|x| key(x) == key(h)))
            .map(|(h, _)| h.as_str())
            .collect()
    }

    /// Adds `Column=field` pairs, as `--map` gives them.
    pub fn add_pairs(&mut self, pairs: &[String]) -> Result<(), String> {
        let mut unknown = Vec::new();
        for pair in pairs {
            let Some((column, field)) = pair.rsplit_once('=') else {
                return Err(format!(
                    "--map {pair:?}: write COLUMN=FIELD, e.g. --map 'Vorname=given_name'"
                ));
            };
            match Spec::parse(field) {
                Some(spec) => self.columns.push((column.trim().to_string(), spec)),
                None => unknown.push(format!("{field:?} (for {:?})", column.trim())),
            }
        }
        if unknown.is_empty() {
            Ok(())
        } else {
            Err(unknown_fields(&unknown))
        }
    }

    /// Reads a TOML mapping file: a `[columns]` table of `"Header" = "field"`.
    pub fn from_toml(text: &str) -> Result<Mapping, String> {
        let file: File = toml::from_str(text).map_err(|e| e.message().to_string())?;
        let mut mapping = Mapping::default();
        let mut unknown = Vec::new();
        for (column, field) in file.columns {
            match Spec::parse(&field) {
                Some(spec) => mapping.columns.push((column, spec)),
                None => unknown.push(format!("{field:?} (for {column:?})")),
            }
        }
        if unknown.is_empty() {
            Ok(mapping)
        } else {
            Err(unknown_fields(&unknown))
        }
    }

    /// The mapping as a TOML file, which [`Mapping::from_toml`] reads back.
    pub fn to_toml(&self) -> String {
        let columns: BTreeMap<String, String> = self
            .columns
            .iter()
            .map(|(h, s)| (h.clone(), s.name()))
            .collect();
        let mut table = toml::Table::new();
        table.insert(
            "columns".into(),
            toml::Value::Table(
                columns
                    .into_iter()
                    .map(|(k, v)| (k, toml::Value::String(v)))
                    .collect(),
            ),
        );
        toml::to_string(&table).unwrap_or_default()
    }

    /// The part of the mapping that names columns of `headers`.
    pub fn for_headers(&self, headers: &[String]) -> Mapping {
        Mapping {
            columns: self
                .columns
                .iter()
                .filter(|(h, _)| headers.iter().any(|x| key(x) == key(h)))
                .cloned()
                .collect(),
        }
    }
}

fn unknown_fields(unknown: &[String]) -> String {
    format!(
        "unknown field {}; a column maps to one of: {}",
        unknown.join(", "),
        Spec::names().join(", ")
    )
}

/// The signature of a header: the export it comes from, whatever the file is called. Headers
/// compared as a mapping compares them, in order.
pub fn signature(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| key(h))
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// How tables are read: the mapping given for this run, and the profiles remembered before.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Given with `--map` or `--mapping`: applies to every file's columns it names.
    pub mapping: Mapping,
    /// Remembered by header signature.
    pub profiles: Vec<(String, Mapping)>,
    /// The languages printed text is read in (`--ocr-lang`); `None` for English and the
    /// locale's language.
    pub ocr_lang: Option<String>,
}

impl Options {
    /// The mapping for a header: the one given for this run where it names a column of it,
    /// else a remembered profile of this header. The second value says which.
    pub fn for_header(&self, headers: &[String]) -> (Mapping, Option<Applied>) {
        let given = self.mapping.for_headers(headers);
        if !given.is_empty() {
            return (given, Some(Applied::Given));
        }
        let sig = signature(headers);
        match self.profiles.iter().find(|(s, _)| *s == sig) {
            Some((_, m)) => (m.clone(), Some(Applied::Remembered)),
            None => (Mapping::default(), None),
        }
    }
}

/// Where the mapping of a table came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    Given,
    Remembered,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for name in Spec::names() {
            assert_eq!(Spec::parse(&name).unwrap().name(), name);
        }
        assert_eq!(Spec::parse("phone_ext"), None);
    }

    #[test]
    fn a_file_with_an_unknown_field_or_key_is_refused_by_name() {
        let err = Mapping::from_toml("[columns]\n\"Vorname\" = \"firstname\"\n").unwrap_err();
        assert!(err.contains("\"firstname\" (for \"Vorname\")"), "{err}");
        let err = Mapping::from_toml("[colums]\n\"Vorname\" = \"given_name\"\n").unwrap_err();
        assert!(err.contains("colums"), "{err}");
        let m = Mapping::from_toml("[columns]\n\"Vorname\" = \"given_name\"\n").unwrap();
        assert_eq!(m.get(" vorname "), Some(&Spec::Field(Field::GivenName)));
        assert_eq!(Mapping::from_toml(&m.to_toml()).unwrap(), m);
    }
}
