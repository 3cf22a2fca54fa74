use super::{Field, Kind, Provenance};

/// One labelled value of a raw record, with its kind where the source gives one (a phone's
/// `TYPE=cell`, an address's `Home` columns, an Apple label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawField {
    pub field: Field,
    pub value: String,
    pub kind: Option<Box<Kind>>,
}

impl RawField {
    pub fn new(field: Field, value: String) -> RawField {
        RawField {
            field,
            value,
            kind: None,
        }
    }

    /// The value's kind, empty where the source gave none.
    pub fn kind(&self) -> &Kind {
        static NONE: Kind = Kind {
            types: Vec::new(),
            label: None,
        };
        self.kind.as_deref().unwrap_or(&NONE)
    }
}

/// A record as read: labelled text values, its provenance and its original text.
///
/// Readers never decide who a person is; they only say what each value is labelled.
#[derive(Debug, Clone)]
pub struct RawRecord {
    pub prov: Provenance,
    pub fields: Vec<RawField>,
    /// The record's original text (a CSV line, a vCard, a sheet row joined by tabs).
    pub raw: String,
    /// Things the reader noticed about this record (a phone stored as a number, a photo left out).
    pub warnings: Vec<String>,
}

impl RawRecord {
    pub fn new(prov: Provenance, raw: String) -> Self {
        RawRecord {
            prov,
            fields: Vec::new(),
            raw,
            warnings: Vec::new(),
        }
    }

    /// Adds a value, trimmed and in Unicode's composed form (macOS writes `é` as `e` and a
    /// combining accent); empty values are not kept (they carry nothing).
    pub fn push(&mut self, field: Field, value: &str) {
        self.push_kind(field, value, Kind::default());
    }

    /// [`RawRecord::push`] with the value's kind.
    pub fn push_kind(&mut self, field: Field, value: &str, kind: Kind) {
        if let Some(value) = clean(value) {
            self.fields.push(RawField {
                field,
                value,
                kind: (!kind.is_empty()).then(|| Box::new(kind)),
            });
        }
    }

    /// Keeps a value the reader is not sure of as written, with its problem
    /// ([`Field::Unsure`]).
    pub fn push_unsure(&mut self, field: &Field, value: &str, problem: String) {
        self.push_kind(
            Field::Unsure,
            value,
            Kind {
                types: vec![field.label().to_string()],
                label: Some(problem),
            },
        );
    }

    pub fn values(&self, field: &Field) -> impl Iterator<Item = &str> {
        self.fields
            .iter()
            .filter(move |f| f.field == *field)
            .map(|f| f.value.as_str())
    }

    pub fn first(&self, field: &Field) -> Option<&str> {
        self.values(field).next()
    }
}

/// A value trimmed and in Unicode's composed form (macOS writes `é` as `e` and a combining
/// accent); `None` for an empty one, which carries nothing.
fn clean(value: &str) -> Option<String> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    let value = value.trim();
    // The apostrophe a spreadsheet export puts before `=`, `+`, `-` or `@` so that the cell
    // is not run as a formula (`'+1 202…`) is not part of the value.
    let value = match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => value,
    };
    // And those a CSV export puts after a `;` or a line break inside a cell (`Acme;'=x`).
    let value = crate::export::uninert(value);
    if value.is_empty() {
        return None;
    }
    let composed = value.is_ascii() || is_nfc_quick(value.chars()) == IsNormalized::Yes;
    Some(if composed {
        value.into_owned()
    } else {
        value.nfc().collect()
    })
}

/// A record that could not become part of a contact, with the reason and its original text.
#[derive(Debug, Clone)]
pub struct Reject {
    pub prov: Provenance,
    pub reason: String,
    pub raw: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pushed(value: &str) -> Option<String> {
        let prov = Provenance {
            file: "contacts.vcf".into(),
            sheet: None,
            record: 1,
        };
        let mut raw = RawRecord::new(prov, String::new());
        raw.push(Field::FamilyName, value);
        raw.first(&Field::FamilyName).map(str::to_string)
    }

    #[test]
    fn a_name_a_mac_wrote_decomposed_is_read_composed_and_one_written_composed_as_it_is() {
        // macOS writes `ë` as `e` and U+0308, `ñ` as `n` and U+0303.
        assert_eq!(
            pushed("Zoe\u{308} Mu\u{f1}oz").as_deref(),
            Some("Zoë Muñoz")
        );
        assert_eq!(pushed("Pen\u{303}a").as_deref(), Some("Peña"));
        assert_eq!(pushed(" Zoë Muñoz ").as_deref(), Some("Zoë Muñoz"));
        assert_eq!(pushed("山田 太郎").as_deref(), Some("山田 太郎"));
        // A spreadsheet's guard before a formula character is not part of the value.
        assert_eq!(
            pushed("'+1 202 555 0143").as_deref(),
            Some("+1 202 555 0143")
        );
        assert_eq!(pushed("Acme;'=x").as_deref(), Some("Acme;=x"));
        assert_eq!(pushed("O'Brien").as_deref(), Some("O'Brien"));
        assert_eq!(pushed("  "), None);
    }
}
