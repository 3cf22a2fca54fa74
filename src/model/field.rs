use std::fmt;

/// What a labelled value of a raw record means, as decided by the reader from a column header or
/// a vCard property. Anything the readers do not understand is kept as `Custom` with its label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    FullName,
    Prefix,
    GivenName,
    MiddleName,
    FamilyName,
    Suffix,
    Nickname,
    Email,
    Phone,
    Organization,
    Department,
    Title,
    Url,
    LinkedIn,
    Birthday,
    Notes,
    Country,
    Rating,
    /// When the record was captured: a badge scan's "Scanned At", LinkedIn's "Connected On".
    Timestamp,
    Tags,
    Event,
    /// A postal address: its parts joined by [`crate::model::Address::encode`], or one text.
    Address,
    /// An instant-messaging handle, a URI (`xmpp:…`, `skype:…`).
    Im,
    /// A related person's name or URI; the relation is the value's kind.
    Related,
    /// A date other than the birthday; what it is (`anniversary`) is the value's kind.
    Date,
    Role,
    Gender,
    TimeZone,
    Geo,
    PhoneticGiven,
    PhoneticMiddle,
    PhoneticFamily,
    PhoneticOrganization,
    /// The source card's UID.
    Uid,
    /// A photo: a `data:` URI of the image, or a link.
    Photo,
    /// A vCard property kept as written (`NAME;PARAMS:value`).
    Extra,
    /// The id of the contact a record of rolo's own export was (its `id` column, a card's
    /// `X-ROLO-ID`): records of one export file with different ids were different people.
    ContactId,
    /// A value the reader is not sure of (text read by OCR with little confidence), kept as
    /// written: the field it would be is its kind's type, and its problem the kind's label.
    Unsure,
    Custom(String),
}

impl Field {
    /// A short lower-case label, used in messages and for custom fields of the outputs.
    pub fn label(&self) -> &str {
        match self {
            Field::FullName => "name",
            Field::Prefix => "prefix",
            Field::GivenName => "given_name",
            Field::MiddleName => "middle_name",
            Field::FamilyName => "family_name",
            Field::Suffix => "suffix",
            Field::Nickname => "nickname",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Organization => "organization",
            Field::Department => "department",
            Field::Title => "title",
            Field::Url => "url",
            Field::LinkedIn => "linkedin",
            Field::Birthday => "birthday",
            Field::Notes => "notes",
            Field::Country => "country",
            Field::Rating => "rating",
            Field::Timestamp => "timestamp",
            Field::Tags => "tags",
            Field::Event => "event",
            Field::Address => "address",
            Field::Im => "im",
            Field::Related => "related",
            Field::Date => "date",
            Field::Role => "role",
            Field::Gender => "gender",
            Field::TimeZone => "time_zone",
            Field::Geo => "geo",
            Field::PhoneticGiven => "phonetic_given",
            Field::PhoneticMiddle => "phonetic_middle",
            Field::PhoneticFamily => "phonetic_family",
            Field::PhoneticOrganization => "phonetic_organization",
            Field::Uid => "uid",
            Field::Photo => "photo",
            Field::Extra => "extra",
            Field::ContactId => "contact_id",
            Field::Unsure => "unsure",
            Field::Custom(label) => label,
        }
    }
}

impl Field {
    const KNOWN: [Field; 38] = [
        Field::FullName,
        Field::Prefix,
        Field::GivenName,
        Field::MiddleName,
        Field::FamilyName,
        Field::Suffix,
        Field::Nickname,
        Field::Email,
        Field::Phone,
        Field::Organization,
        Field::Department,
        Field::Title,
        Field::Url,
        Field::LinkedIn,
        Field::Birthday,
        Field::Notes,
        Field::Country,
        Field::Rating,
        Field::Timestamp,
        Field::Tags,
        Field::Event,
        Field::Address,
        Field::Im,
        Field::Related,
        Field::Date,
        Field::Role,
        Field::Gender,
        Field::TimeZone,
        Field::Geo,
        Field::PhoneticGiven,
        Field::PhoneticMiddle,
        Field::PhoneticFamily,
        Field::PhoneticOrganization,
        Field::Uid,
        Field::Photo,
        Field::Extra,
        Field::ContactId,
        Field::Unsure,
    ];

    /// Every field but a custom one.
    pub fn known() -> impl Iterator<Item = Field> {
        Field::KNOWN.iter().cloned()
    }

    /// A key that names the field unambiguously, for storing: the label of a known field, and
    /// `custom:` before the label of a custom one.
    pub fn key(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Field::Custom(label) => format!("custom:{label}").into(),
            known => known.label().into(),
        }
    }

    /// The field of a [`Field::key`]; an unknown key is a custom field of that label.
    pub fn from_key(key: &str) -> Field {
        if let Some(label) = key.strip_prefix("custom:") {
            return Field::Custom(label.to_string());
        }
        Field::KNOWN
            .iter()
            .find(|f| f.label() == key)
            .cloned()
            .unwrap_or_else(|| Field::Custom(key.to_string()))
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
