//! The comparison model: every comparison scoring makes, its levels, and what each level
//! weighs, in one table with its reasons.
//!
//! A level's weight is `log2(m / u)` in bits (Fellegi-Sunter): `m`, how often one person's two
//! records show the level; `u`, how often two people's records do. Each level starts from a
//! prior weight and a prior `u` (what rolo expects of contacts at large; `m` follows from the
//! two); [`super::learn`] re-estimates `u` from random pairs of the data at hand and `m` by
//! expectation-maximisation on its candidate pairs, and the priors stay only where the data
//! cannot say (a small file, a level seen too seldom). Levels whose weight comes from how rare
//! the shared value is (a family name two records in 100,000 bear) keep that term-frequency
//! weight and learn only how often one person's records agree on them.

/// What a level compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Comparison {
    Email,
    LinkedIn,
    Phone,
    Birthday,
    Given,
    Family,
    Generation,
    Middle,
    Org,
    Title,
    Postcode,
    Locality,
    Street,
    Region,
    Identifier,
    Gender,
}

/// The blocking keys that may have found a pair, by the comparisons they stand on: a pair a
/// key found agrees on that key's comparisons because it was chosen so, and tells nothing of how
/// often one person's records agree there.
pub const fn group(c: Comparison) -> u16 {
    match c {
        Comparison::Email => 1,
        Comparison::Phone => 1 << 1,
        Comparison::LinkedIn => 1 << 2,
        Comparison::Given | Comparison::Family | Comparison::Middle | Comparison::Generation => {
            1 << 3
        }
        Comparison::Org | Comparison::Title => 1 << 4,
        Comparison::Birthday => 1 << 5,
        Comparison::Postcode | Comparison::Street | Comparison::Locality | Comparison::Region => {
            1 << 6
        }
        Comparison::Identifier => 1 << 7,
        // No key blocks on it.
        Comparison::Gender => 1 << 8,
    }
}

/// How a level's prior weight is set.
#[derive(Debug, Clone, Copy)]
pub enum Prior {
    /// A fixed weight in bits, with how often two people's records show the level.
    Bits { weight: f64, u: f64 },
    /// The weight is the shared value's rarity in the data (term frequency); `m` is how often
    /// one person's two records show the level.
    Rarity { m: f64 },
    /// A weight no data changes: a fact that cannot hold of one person, or a rule of thumb
    /// the data has too few cases of to say.
    Fixed(f64),
}

macro_rules! levels {
    ($($(#[doc = $doc:literal])* $level:ident: $comparison:ident, $prior:expr;)*) => {
        /// One outcome of one comparison.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Level {
            $($(#[doc = $doc])* $level,)*
        }

        /// Every level, in the order of [`Level`].
        pub const LEVELS: &[Level] = &[$(Level::$level,)*];

        impl Level {
            pub const fn comparison(self) -> Comparison {
                match self {
                    $(Level::$level => Comparison::$comparison,)*
                }
            }

            pub const fn prior(self) -> Prior {
                match self {
                    $(Level::$level => $prior,)*
                }
            }

            pub const fn name(self) -> &'static str {
                match self {
                    $(Level::$level => stringify!($level),)*
                }
            }
        }
    };
}

const fn bits(weight: f64, u: f64) -> Prior {
    Prior::Bits { weight, u }
}

const fn rarity(m: f64) -> Prior {
    Prior::Rarity { m }
}

levels! {
    /// One address, not a team's: two people seldom share one (about one pair in 2^30).
    EmailEqual: Email, bits(30.0, 3e-10);
    /// `info@`, `sales@`: an address a team shares.
    EmailRole: Email, bits(10.0, 1e-5);
    /// One address on records whose given names differ: a household's or a team's.
    EmailShared: Email, bits(10.0, 1e-5);
    /// Two addresses one slip apart at one domain: a card scanner's or a typist's slip.
    EmailSlip: Email, bits(10.0, 1e-5);
    /// One handle at two domains (`robert.mondvenma923@` at an employer and at a mail provider;
    /// `jsmith1975@gmail`, `jsmith1975@yahoo`): a name of the person's own choosing, digits in
    /// it, that one person keeps where they open an address. Its weight is its rarity.
    EmailHandle: Email, rarity(0.05);
    /// One number after the name in two addresses, the letters each written from the record's
    /// name (`maria.schmidt7945@gmail`, `mschmidt7945@` at an employer): a number the person
    /// picked once and keeps. Its weight is its rarity among the records' numbers.
    EmailNumber: Email, rarity(0.05);
    /// Each has an address with a number after the name, and the numbers differ
    /// (`lkatusen87767@`, `lena.katusen65509@`): namesakes numbered apart, or one person's two
    /// numbers (`jsmith84@`, `john.smith1984@`). How often one person's records show it is for
    /// the data to say.
    EmailNumbersDiffer: Email, bits(-2.0, 0.98);
    /// Two addresses at one employer's domain: colleagues, as a rule. Fixed: colleagues also
    /// share their organization, so how seldom random pairs share a domain says nothing of
    /// how seldom one person has two addresses there.
    EmailSameDomain: Email, Prior::Fixed(-20.0);
    /// Two addresses at one employer's domain, each written from the names of both records
    /// (`ted@`, `edward.whitmore@`): one person's aliases, or two namesakes' addresses. Fixed:
    /// too few pairs show it for the data to say.
    EmailAliases: Email, Prior::Fixed(-5.0);
    /// Work addresses at two employers' domains: two jobs, or two companies of one name.
    EmailOtherDomains: Email, bits(-4.0, 0.05);
    /// Addresses on both, nothing of the above: says nothing by itself.
    EmailOther: Email, Prior::Fixed(0.0);
    LinkedInEqual: LinkedIn, bits(30.0, 3e-10);
    /// One profile on records whose given names differ: a URL pasted into the wrong row.
    LinkedInShared: LinkedIn, bits(10.0, 1e-5);
    /// Two profiles are two people: a refusal, not a weight.
    LinkedInDiffer: LinkedIn, Prior::Fixed(-20.0);
    /// A number on a few records; its weight falls with the records that bear it.
    PhoneEqual: Phone, rarity(0.5);
    /// A number on records whose given names differ: a household's line.
    PhoneShared: Phone, bits(10.0, 1e-5);
    /// Both have numbers of their own (not an extension of a company's line), none in common.
    PhonesDiffer: Phone, bits(-3.0, 0.9);
    /// One's number is the line of the other's desk without its extension: the employer's
    /// line, saved by someone who called it; says which workplace, as an organization does.
    PhoneDeskLine: Phone, bits(6.0, 1e-4);
    /// Numbers on both, none in common, some a company's line: says nothing by itself.
    PhoneOther: Phone, Prior::Fixed(0.0);
    /// Date of birth with its year: one pair in 22,000 at random.
    BirthdayEqual: Birthday, bits(14.0, 1.0 / 22_000.0);
    /// Day and month equal, a year on one side only or on neither.
    BirthdayDayEqual: Birthday, bits(8.0, 1.0 / 365.0);
    /// One digit changed, two swapped, or day and month swapped: a typing slip.
    BirthdaySlip: Birthday, bits(2.0, 1e-3);
    /// Dates of birth with their years, less than a year apart and no slip: a date misread or
    /// mistyped at more than one place (a form's day and month guessed), or two people born
    /// in one year. How often one person's records show it is for the data to say; the prior
    /// holds it as rare as any other difference.
    BirthdayNear: Birthday, bits(-10.0, 0.03);
    /// Dates of birth a year or more apart, or day and month that differ where a year is
    /// missing: two people, unless the data says its dates are often wrong.
    BirthdayDiffer: Birthday, bits(-20.0, 0.96);
    GivenExact: Given, rarity(0.85);
    /// A nickname or diminutive of the other (Bob, Robert).
    GivenNickname: Given, rarity(0.03);
    /// One the other's first letters (Chris, Christopher).
    GivenShortened: Given, rarity(0.02);
    GivenInitial: Given, bits(2.0, 0.05);
    GivenSlip: Given, rarity(0.03);
    /// Spellings of one name that transliterations and languages give (Dmitry, Dmitrii;
    /// Muhammad, Mohammed; Khalid, Khaled).
    GivenVariant: Given, rarity(0.02);
    /// Two slips apart, on records that share an identifier one person holds.
    GivenNear: Given, bits(-2.0, 0.01);
    /// One given name a later word of the other (Francisco Javier, Javier; Muhammad Ali, Ali),
    /// on records that share an identifier one person holds: the name a person is called by.
    /// Says nothing by itself: the identifier decides.
    GivenLaterWord: Given, bits(0.0, 0.005);
    GivenDiffer: Given, bits(-14.0, 0.98);
    /// Given and family names swapped by one source (Doe Jane).
    NamesSwapped: Given, rarity(0.01);
    FamilyExact: Family, rarity(0.85);
    /// One part of the other: a double name (Lefèvre-Dupont, Dupont).
    FamilyContains: Family, rarity(0.02);
    FamilySlip: Family, rarity(0.03);
    FamilyVariant: Family, rarity(0.02);
    FamilyNear: Family, bits(-2.0, 0.01);
    /// A changed family name (marriage) on records that share an address or a profile.
    FamilyDifferIdentified: Family, bits(-10.0, 0.98);
    FamilyDiffer: Family, bits(-10.0, 0.99);
    /// A record with no employer, against the one person here of its full name.
    LoneName: Family, Prior::Fixed(5.0);
    /// A full name borne by several people here: the given and family names weigh together
    /// what the full name's rarity says ([`super::score`]). Fixed: the weight is the gap.
    NameCommon: Family, Prior::Fixed(0.0);
    /// Father and son of one name: a refusal.
    GenerationDiffer: Generation, Prior::Fixed(-20.0);
    MiddleEqual: Middle, bits(2.0, 0.05);
    /// Two middle initials: a person has one middle name, and an initial is seldom mistyped
    /// (John A. and John B. Smith at one firm are father and son). A refusal.
    MiddleDiffer: Middle, Prior::Fixed(-8.0);
    OrgEqual: Org, rarity(0.7);
    /// One the other's leading words or initials (Acme, Acme Widgets).
    OrgShortened: Org, rarity(0.05);
    OrgDiffer: Org, bits(-6.0, 0.95);
    TitleEqual: Title, rarity(0.3);
    /// Titles on both, not the same: people write one title in many ways.
    TitleOther: Title, Prior::Fixed(0.0);
    PostcodeEqual: Postcode, rarity(0.8);
    PostcodeSlip: Postcode, bits(1.0, 0.01);
    PostcodeDiffer: Postcode, bits(-3.0, 0.98);
    LocalityEqual: Locality, rarity(0.8);
    LocalitySlip: Locality, bits(2.0, 0.005);
    LocalityDiffer: Locality, bits(-2.0, 0.95);
    StreetEqual: Street, rarity(0.7);
    /// A slip or two, a space lost or a word added.
    StreetClose: Street, bits(6.0, 1e-4);
    StreetDiffer: Street, bits(-3.0, 0.99);
    RegionEqual: Region, rarity(0.9);
    RegionDiffer: Region, bits(-2.0, 0.7);
    /// A column of codes each record has its own of (a customer or member number).
    IdEqual: Identifier, bits(20.0, 8e-7);
    /// One code on records of two given names the lists know (Laura and Brittany Dennis on one
    /// SSN): a household's copied number or a family's membership, not one person's; it
    /// anchors nothing, and what one person's records show of it is learned apart from
    /// [`Level::IdEqual`], as [`Level::EmailShared`] is from [`Level::EmailEqual`].
    IdShared: Identifier, bits(10.0, 1e-5);
    IdSlip: Identifier, bits(6.0, 1e-4);
    /// Differing codes: weighs little until the data says how often one person has two.
    IdDiffer: Identifier, bits(-2.0, 0.99);
    /// One sex in a gender column on both (`F`, `female`): half of any two people's records
    /// show it.
    GenderEqual: Gender, bits(1.0, 0.5);
    /// Two sexes: a record's gender mistyped or guessed, or two people; for the data to say
    /// how often one person's records show it. Not a conflict: a group may hold both.
    GenderDiffer: Gender, bits(-4.0, 0.5);
}

/// The number of levels.
pub const COUNT: usize = LEVELS.len();

impl Level {
    /// The prior `m`: how often one person's two records show the level.
    pub fn prior_m(self) -> f64 {
        match self.prior() {
            Prior::Bits { weight, u } => (u * weight.exp2()).min(0.99),
            Prior::Rarity { m } => m,
            Prior::Fixed(_) => 0.0,
        }
    }

    /// Whether the level is a fact that cannot hold of one person: a pair that shows it is
    /// never merged, whatever else it shares.
    pub const fn refuses(self) -> bool {
        matches!(
            self,
            Level::LinkedInDiffer | Level::GenerationDiffer | Level::MiddleDiffer
        )
    }

    /// Evidence beyond the names, addresses, numbers and employers that find a pair: a
    /// namesake at another employer seldom shares it too.
    pub const fn corroborates(self) -> bool {
        matches!(
            self.comparison(),
            Comparison::Birthday
                | Comparison::Title
                | Comparison::Postcode
                | Comparison::Locality
                | Comparison::Street
                | Comparison::Identifier
        )
    }

    /// Whether the data may change the level's weight.
    pub fn learns(self) -> bool {
        !matches!(self.prior(), Prior::Fixed(_))
    }
}

/// What the data at hand changed in each level's weight, in bits; all zero before learning.
#[derive(Debug, Clone)]
pub struct Model {
    pub delta: [f64; COUNT],
}

impl Default for Model {
    fn default() -> Model {
        Model {
            delta: [0.0; COUNT],
        }
    }
}

impl Model {
    /// The weight of `level` where its prior weight (or its value's rarity) is `base`.
    #[inline]
    pub fn weight(&self, level: Level, base: f64) -> f64 {
        base + self.delta[level as usize]
    }
}
