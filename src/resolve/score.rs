//! Scoring: the evidence that two records are one person, each piece a weight in bits of
//! log-odds (Fellegi-Sunter), so that the weights add up and every decision can be read back.
//!
//! The score starts from the prior, the odds that two records picked at random are one person
//! (one in the number of records). Shared identifiers (an email address, a LinkedIn profile, a
//! phone number) are near-certain and weigh far more than any prior. Names and organizations
//! weigh what their rarity in the data says: sharing a family name that two records in 100,000
//! bear is strong evidence, sharing one that three thousand bear is weak (term-frequency
//! adjustment). Conflicts weigh against, as much as the learned model says: different given
//! names, family names, birthdays, addresses at one company. Only a fact that cannot hold of
//! one person (two LinkedIn profiles, two generations, two middle initials) refuses a merge,
//! whatever else the pair shares ([`super::model::Level::refuses`]).

use std::borrow::Cow;
use std::fmt;

use smallvec::SmallVec;

use super::model::{Level, Model, Prior};
use super::names::{self, FamilyMatch, GivenMatch, NameKey};
use super::profile::{Keys, Profile, company_domains, handle_hashed, number_hashed};
use super::stats::{
    Stats, TYPICAL_FULL_NAME, TYPICAL_LOCALITY, TYPICAL_POSTCODE, TYPICAL_REGION, TYPICAL_STREET,
    hash, rarity,
};

/// At or above this total a pair is merged.
pub const MERGE_AT: f64 = 5.0;
/// At or above this total (and below [`MERGE_AT`]) a pair is left for a person to review.
pub const REVIEW_AT: f64 = -2.0;

const PHONE: f64 = 26.0;
/// Full dates of birth a year or more apart refuse a pair where the data has learned them to
/// weigh this or less against ([`Level::BirthdayDiffer`], prior −20): a file whose one person's
/// dates are seldom wrong. Where the data says they often are (a form's year guessed), they
/// weigh as it says and no more.
const BIRTHDAY_REFUSAL: f64 = -10.0;
/// What agreeing on an organization cut short (Acme, Acme Widgets) weighs less than agreeing on
/// it whole.
const ORG_SHORTENED: f64 = 2.0;
/// A number on at most this many records is one person's (their badge, card and phone entry),
/// not a switchboard's; so is a number on more whose every record bears one name
/// ([`Stats::one_name_phones`]).
const PHONE_OWN_HOLDERS: u32 = 3;
/// A number on more records than this is a company's line or a hotline, whoever holds it (a
/// card scanner reads a switchboard printed without its extension on thousands of cards).
const PHONE_LINE_HOLDERS: u32 = 20;

/// The digits a number must keep, its last cut off, to be read as cut short: a mail system
/// numbers one name's namesakes in order (`jsmith12`, `jsmith123` both exist where a hundred
/// J. Smiths do), but no system numbers a thousand of one name, and two namesakes' own numbers
/// (a year, a staff number) one the other with a digit more happen once in thousands of pairs.
const CUT_NUMBER_KEEPS: usize = 3;

/// One piece of evidence about a pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub label: String,
    pub weight: f64,
    /// Says the two are different people: the pair is never merged.
    pub strong: bool,
}

/// Two family names at least this alike (Jaro-Winkler) are one mistyped ([`family_alike`]).
const FAMILY_ALIKE: f64 = 0.8;

/// Whether two family names that differ are letters of one name mistyped (Crmaon, Cameron),
/// which a group that holds both has settled ([`Settle::FAMILY`]); another name (a married
/// one, a relative's) is not. Asked only of pairs that would keep two groups apart.
pub fn family_alike(a: &str, b: &str) -> bool {
    strsim::jaro_winkler(a, b) >= FAMILY_ALIKE
}

/// The comparisons a pair's conflicts are on, as bits: those a group may have accepted the
/// difference of already (given names, family names, dates of birth), and the rest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Settle(pub u8);

impl Settle {
    pub const GIVEN: u8 = 1;
    pub const FAMILY: u8 = 2;
    pub const BIRTHDAY: u8 = 4;
    /// A conflict no other record settles: two profiles, addresses at one company, a man's
    /// and a woman's name of one stem.
    pub const OTHER: u8 = 8;

    /// Whether anything keeps the pair apart.
    pub fn any(self) -> bool {
        self.0 != 0
    }

    /// Whether a conflict is on `on` (one of the bits).
    pub fn has(self, on: u8) -> bool {
        self.0 & on != 0
    }
}

/// How a pair is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    Merge,
    Review,
    Separate,
}

impl fmt::Display for Band {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Band::Merge => "merge",
            Band::Review => "review",
            Band::Separate => "separate",
        })
    }
}

/// The evidence about a pair and its total.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    pub evidence: Vec<Evidence>,
    pub total: f64,
    /// The pair carries evidence that the two are different people.
    strong: bool,
    /// A fact that cannot hold of one person (two LinkedIn profiles, two generations): the
    /// pair is never merged.
    hard: bool,
    /// The weight of the evidence against, so that a pair that would merge but for it is shown
    /// for review.
    conflicts: f64,
    /// What the conflicts are on ([`Settle`]): given names, family names, dates of birth, or
    /// anything else ([`Settle::OTHER`]).
    conflict_on: Settle,
    /// The pair shares an identifier: an email (not a role address), a profile or a phone.
    pub identified: bool,
    /// The pair shares a number that is no company's line, on records whose given names do
    /// not differ: one person's, or a line few people share.
    pub shares_number: bool,
    /// The pair shares an address handle or a number after the name in two addresses, on
    /// records whose given names do not differ: a name of one person's choosing.
    pub shares_handle: bool,
    /// The pair shares a code of an identifier column (a customer, member or tax number) on
    /// records that do not bear two given names the lists know: a code one person holds, not a
    /// household's or a customer account's.
    pub shares_code: bool,
    /// Both name an organization, and not the same one.
    pub orgs_differ: bool,
    /// Both name the same organization.
    pub orgs_agree: bool,
    /// The pair shares a line or an address on records of two given names the lists know: a
    /// household's or a team's ([`Level::PhoneShared`], [`Level::EmailShared`],
    /// [`Level::EmailRole`]). People who share one bear one family name and one employer as a
    /// rule, so those agreeing say nothing the shared line did not.
    household: bool,
    /// What the evidence beyond names, emails, phones and organizations weighs for the pair:
    /// a title, a date of birth, an address, an identifier agreeing.
    pub corroboration: f64,
    mode: Mode,
    /// The levels the pair showed and their weights before learning, in [`Mode::Levels`].
    pub(super) levels: SmallVec<[(Level, f32); 12]>,
}

/// What a score keeps besides its total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// The total and the flags only.
    #[default]
    Quick,
    /// Also each level shown, for learning the weights.
    Levels,
    /// Also every label, for people.
    Labels,
}

/// A score being made, with the weights the data gave.
struct Scorer<'m> {
    s: Score,
    model: &'m Model,
}

impl std::ops::Deref for Scorer<'_> {
    type Target = Score;
    fn deref(&self) -> &Score {
        &self.s
    }
}

impl std::ops::DerefMut for Scorer<'_> {
    fn deref_mut(&mut self) -> &mut Score {
        &mut self.s
    }
}

impl Scorer<'_> {
    fn push(&mut self, label: String, weight: f64) {
        self.evidence.push(Evidence {
            label,
            weight,
            strong: false,
        });
    }

    fn prior<S: Into<String>>(&mut self, label: impl FnOnce() -> S, weight: f64) {
        self.total += weight;
        if self.mode == Mode::Labels {
            self.push(label().into(), weight);
        }
    }

    /// Records `level` with its weight before learning, `base`, without evidence to show.
    fn level(&mut self, level: Level, base: f64) {
        if self.mode == Mode::Levels {
            self.levels.push((level, base as f32));
        }
    }

    /// Adds the evidence of `level`: its prior weight, or `base` where the level's weight is a
    /// value's rarity; then what the data changed in it.
    fn add<S: Into<String>>(&mut self, level: Level, label: impl FnOnce() -> S, base: Option<f64>) {
        let base = base.unwrap_or(match level.prior() {
            Prior::Bits { weight, .. } | Prior::Fixed(weight) => weight,
            Prior::Rarity { .. } => 0.0,
        });
        self.level(level, base);
        let weight = self.model.weight(level, base);
        if weight > 0.0 && level.corroborates() {
            self.corroboration += weight;
        }
        self.weigh(label, weight);
    }

    /// Adds the evidence of `level`, a value written another way (a nickname, a slip, a part
    /// of it), `base` as for [`Scorer::add`], weighing at most what the same value written
    /// alike would (`exact` of weight `exact_base`, the more common of the two values'): a
    /// name spelt two ways is no stronger sign of one person than one spelling. Where one
    /// person's records often differ in spelling and the spellings are common (Mohammed,
    /// Muhammad), the data would otherwise learn the variant a weight above equality.
    fn add_variant<S: Into<String>>(
        &mut self,
        level: Level,
        label: impl FnOnce() -> S,
        base: f64,
        (exact, exact_base): (Level, f64),
    ) {
        self.level(level, base);
        let weight = self
            .model
            .weight(level, base)
            .min(self.model.weight(exact, exact_base));
        self.weigh(label, weight);
    }

    fn weigh<S: Into<String>>(&mut self, label: impl FnOnce() -> S, weight: f64) {
        self.total += weight;
        if self.mode == Mode::Labels {
            self.push(label().into(), weight);
        }
    }

    /// Adds the evidence of `level`, a difference: a conflict, unless the data at hand says
    /// one person's records show it more often than two people's (dates of birth a few
    /// months apart, where a file's dates are often mistyped).
    fn conflict<S: Into<String>>(&mut self, level: Level, label: impl FnOnce() -> S) {
        let before = self.total;
        self.add(level, label, None);
        let weight = self.total - before;
        // (A fact that cannot hold of one person weighs a fixed amount against.)
        if weight >= 0.0 {
            return;
        }
        self.strong = true;
        self.hard |= level.refuses();
        self.conflict_on.0 |= match level {
            Level::GivenDiffer => Settle::GIVEN,
            Level::FamilyDiffer => Settle::FAMILY,
            Level::BirthdayNear | Level::BirthdayDiffer => Settle::BIRTHDAY,
            _ => Settle::OTHER,
        };
        self.conflicts += weight;
        if let Some(e) = self.evidence.last_mut() {
            e.strong = true;
        }
    }
}

impl Score {
    /// The pair carries evidence that the two are different people.
    pub fn has_conflict(&self) -> bool {
        self.strong
    }

    /// Whether a group that holds both records of this pair would hold two people: a fact
    /// that cannot hold of one person, or evidence against that leaves the pair below review.
    pub fn keeps_apart(&self) -> bool {
        self.hard || (self.strong && self.total < REVIEW_AT)
    }

    /// What keeps the pair apart ([`Score::keeps_apart`]), where it is only given names,
    /// family names or dates of birth that differ: a group that holds a record of the one's
    /// value and one of the other's has accepted that difference already. Nothing where the
    /// pair is not kept apart; [`Settle::OTHER`] where something else keeps it apart.
    pub fn keeps_apart_by(&self) -> Settle {
        match self.keeps_apart() {
            false => Settle::default(),
            true if self.hard => Settle(Settle::OTHER),
            true => self.conflict_on,
        }
    }

    /// The first strong conflict of a detailed score, if any.
    pub fn strong_conflict(&self) -> Option<&Evidence> {
        self.evidence.iter().find(|e| e.strong)
    }

    /// Merge at [`MERGE_AT`] unless a fact that cannot hold of one person is there; review at
    /// [`REVIEW_AT`], or when only the evidence against kept the pair from merging (a shared
    /// number, two given names).
    pub fn band(&self) -> Band {
        if self.total >= MERGE_AT && !self.hard {
            Band::Merge
        } else if self.total >= REVIEW_AT || self.total - self.conflicts >= MERGE_AT {
            Band::Review
        } else {
            Band::Separate
        }
    }

    /// The evidence on one line: `email equal (a@b.c) +30.0; given names differ -14.0`.
    pub fn summary(&self) -> String {
        self.evidence
            .iter()
            .skip(1) // the prior is the same for every pair of a run
            .map(|e| format!("{} {:+.1}", e.label, e.weight))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The evidence as a waterfall: each piece, its weight, the running total, then the band.
    pub fn waterfall(&self) -> String {
        let width = self
            .evidence
            .iter()
            .map(|e| e.label.chars().count())
            .max()
            .unwrap_or(0)
            .max(5);
        let mut out = String::new();
        let mut running = 0.0;
        for e in &self.evidence {
            running += e.weight;
            let mark = if e.strong { "  (conflict)" } else { "" };
            out.push_str(&format!(
                "  {:<width$}  {:>+7.1}  {:>7.1}{mark}\n",
                e.label, e.weight, running
            ));
        }
        out.push_str(&format!(
            "  {:<width$}  {:>7}  {:>7.1}  → {} (merge at {MERGE_AT}, review at {REVIEW_AT})\n",
            "total",
            "",
            self.total,
            self.band()
        ));
        out
    }
}

/// The evidence that records `a` and `b` are one person.
pub fn score(a: &Profile, b: &Profile, stats: &Stats, detailed: bool) -> Score {
    score_as(
        a,
        b,
        stats,
        if detailed { Mode::Labels } else { Mode::Quick },
    )
}

/// How many records bear a phone key, counted as at least the two of a pair.
fn holders_of(stats: &Stats, key: u64) -> u32 {
    stats.phones.count_hashed(key).max(2)
}

/// Of the numbers both records have, the one fewest records bear (its index among `a`'s): a
/// mobile before the switchboard both cards print.
fn shared_line(a: &Keys, b: &Keys, stats: &Stats) -> Option<usize> {
    a.phones()
        .iter()
        .enumerate()
        .filter(|(_, h)| b.phones().contains(h))
        .min_by_key(|&(_, &h)| holders_of(stats, h))
        .map(|(i, _)| i)
}

/// Whether a number is one person's own: on a few records, or on more that all bear one name.
fn owns(stats: &Stats, key: u64) -> bool {
    holders_of(stats, key) <= PHONE_OWN_HOLDERS || stats.one_name_phones.contains(&key)
}

/// Whether the number two records share is on records of one name only: one person's own,
/// where a number on records of several names is a line several people answer (a
/// switchboard, a household's), however few records bear it.
pub(super) fn share_one_name_number(a: &Profile, b: &Profile, stats: &Stats) -> bool {
    shared_line(&a.keys, &b.keys, stats)
        .is_some_and(|i| stats.one_name_phones.contains(&a.keys.phones()[i]))
}

/// The evidence that records `a` and `b` are one person, with what `mode` asks kept.
pub fn score_as(a: &Profile, b: &Profile, stats: &Stats, mode: Mode) -> Score {
    let mut s = Scorer {
        s: Score {
            mode,
            ..Score::default()
        },
        model: &stats.model,
    };
    let n = stats.population();
    s.prior(|| format!("prior: 1 in {n} records"), -n.log2());

    for name in [&a.name, &b.name].into_iter().filter(|n| n.respelt) {
        s.weigh(
            || {
                let name = [name.given.as_deref(), name.family.as_deref()];
                let name: Vec<&str> = name.into_iter().flatten().collect();
                format!(
                    "a slip in a name read as its own profile or address spells it ({})",
                    name.join(" ")
                )
            },
            0.0,
        );
    }
    let (ka, kb) = (&a.keys, &b.keys);
    let names = Names::of(a, b);
    // Given names that differ make a shared address or number a household's or a team's.
    let given_differ = || {
        names.by_middle.is_none()
            && !names.later_word
            && !names.swapped()
            && names.given.is_some_and(|(x, y, m)| {
                m == GivenMatch::Differ
                    && b.name.family.as_deref() != Some(x)
                    && !names::near_any(x, y)
                    && !names::nicknames_of_one_name(x, y)
            })
    };
    // Two given names the lists know, more than a slip apart: two people's, where a slip or a
    // nickname the lists do not know would leave one of them unknown (Deeap, Deepa; Ppe, José)
    // and two letters swapped may make a name of another (Marian, Marina).
    let two_names = || {
        given_differ()
            && names.given.is_some_and(|(x, y, _)| {
                !names::one_edit(x, y) && names::is_given_name(x) && names::is_given_name(y)
            })
    };
    // One street, two given names the lists know: a household's or a firm's, whose people bear
    // one family name or one employer as a rule (a payroll's Mary and Pete Lambert at the
    // census's 3839 Royal Hart Dr).
    fn street<'p>(p: &'p Profile) -> Option<&'p str> {
        p.place()?.street.as_deref()
    }
    if street(a).is_some_and(|x| street(b) == Some(x)) && two_names() {
        s.household = true;
    }
    let shared_email = shared(ka.mailboxes(), kb.mailboxes()).map(|i| a.emails[i].as_str());
    let company_domain = shared(ka.company_domains(), kb.company_domains());
    if let Some(email) = shared_email {
        if is_role_address(email) {
            s.add(
                Level::EmailRole,
                || format!("shared role address {email}"),
                None,
            );
            s.household = two_names();
        } else if given_differ() {
            s.add(
                Level::EmailShared,
                || format!("email equal ({email}), given names differ: a shared address"),
                None,
            );
            s.household = two_names();
        } else {
            s.add(Level::EmailEqual, || format!("email equal ({email})"), None);
            s.identified = true;
        }
    } else if let Some((x, y)) = email_slip(a, b) {
        s.add(
            Level::EmailSlip,
            || format!("email one slip apart ({x} / {y})"),
            None,
        );
    } else if let Some(i) = company_domain {
        let domain = company_domains(&a.emails).nth(i).unwrap_or_default();
        fn at<'e>(p: &'e Profile, domain: &str) -> &'e str {
            p.emails
                .iter()
                .filter_map(|e| e.rsplit_once('@'))
                .find(|(_, d)| *d == domain)
                .map_or("", |(local, _)| local)
        }
        let (x, y) = (at(a, domain), at(b, domain));
        // One person's aliases are two forms of a name (`ted`, `edward.whitmore`); two
        // addresses a letter apart, each its own record's name, are two people's, and so are
        // two of the employer's one scheme, each with its own record's given name
        // (`sam.taylor`, `samantha.taylor`).
        if !names::one_edit(x, y)
            && !one_scheme_own_given(x, y, &a.name, &b.name)
            && written_from(x, &a.name)
            && written_from(y, &a.name)
            && written_from(x, &b.name)
            && written_from(y, &b.name)
        {
            s.add(
                Level::EmailAliases,
                || format!("addresses at {domain} each written from the name ({x} / {y})"),
                None,
            );
        } else {
            s.conflict(Level::EmailSameDomain, || {
                format!("different addresses at {domain}")
            });
        }
    } else if let Some((key, holders)) = shared_handle(a, b, stats)
        && !given_differ()
    {
        s.add(
            Level::EmailHandle,
            || {
                let handle = handle_hashed(&a.emails, key).unwrap_or_default();
                format!("one handle at two domains ({handle}, on {holders} records)")
            },
            Some(stats.handle_weight(key)),
        );
        s.shares_handle = true;
    } else if let Some((x, y, number)) = shared_number(a, b)
        && !given_differ()
    {
        s.add(
            Level::EmailNumber,
            || {
                let holders = stats.numbers.count_hashed(hash(number));
                format!("one number after the name at two addresses ({x}{number} / {y}{number}, on {holders} records)")
            },
            Some(stats.number_weight(number)),
        );
        s.shares_handle = true;
    } else if numbered_apart_by_name(a, b) {
        s.add(
            Level::EmailNumbersDiffer,
            || "addresses numbered after the name, the numbers differ",
            None,
        );
    } else if !ka.company_domains().is_empty() && !kb.company_domains().is_empty() {
        // Work addresses at two employers' domains: two jobs, or two companies of one name.
        s.add(
            Level::EmailOtherDomains,
            || {
                format!(
                    "work addresses at other domains ({} / {})",
                    company_domains(&a.emails).next().unwrap_or_default(),
                    company_domains(&b.emails).next().unwrap_or_default()
                )
            },
            None,
        );
    } else if !a.emails.is_empty() && !b.emails.is_empty() {
        s.level(Level::EmailOther, 0.0);
    }
    let same_profile = match (&a.linkedin, &b.linkedin) {
        (Some(x), Some(y)) if x == y && given_differ() => {
            s.add(
                Level::LinkedInShared,
                || "LinkedIn profile equal, given names differ: a shared or pasted URL",
                None,
            );
            false
        }
        (Some(x), Some(y)) if x == y => {
            s.add(Level::LinkedInEqual, || "LinkedIn profile equal", None);
            s.identified = true;
            true
        }
        (Some(_), Some(_)) => {
            s.conflict(Level::LinkedInDiffer, || "different LinkedIn profiles");
            false
        }
        _ => false,
    };
    let mut own_phone = false;
    let holders_of = |h: u64| holders_of(stats, h);
    if let Some(i) = shared_line(ka, kb, stats) {
        let (key, hashed) = (&a.phones[i], ka.phones()[i]);
        let holders = holders_of(hashed);
        own_phone = owns(stats, hashed);
        let w = if holders > 2 {
            (PHONE - 2.0 * (f64::from(holders) / 2.0).log2()).max(2.0)
        } else {
            PHONE
        };
        if holders > PHONE_LINE_HOLDERS {
            // A switchboard or a hotline printed without an extension: it says what the
            // organization says, no more. Their own numbers beside it still differ.
            own_phone = false;
            let own = |p: &Profile, hashes: &[u64]| {
                p.phones
                    .iter()
                    .zip(hashes)
                    .any(|(n, &h)| !n.contains('x') && holders_of(h) <= PHONE_LINE_HOLDERS)
            };
            if own(a, ka.phones()) && own(b, kb.phones()) {
                s.add(
                    Level::PhonesDiffer,
                    || format!("numbers differ, beside a company's line (…{key})"),
                    None,
                );
            } else {
                s.add(
                    Level::PhoneOther,
                    || format!("phone equal (…{key}, on {holders} records: a company's line)"),
                    None,
                );
            }
        } else if given_differ() || names.later_word {
            // A later given name is the name one is called by where the two share an address
            // or a profile of their own; a home line is as often a parent's and a child's
            // (Mary Ann Smith, Ann Smith).
            own_phone = false;
            if s.household {
                // The shared address has said it already: a household's or a firm's line
                // beside its address is one fact, not two.
                s.weigh(
                    || format!("phone equal (…{key}), the line of the shared address's household"),
                    0.0,
                );
            } else {
                s.add(
                    Level::PhoneShared,
                    || format!("phone equal (…{key}), given names differ: a shared line"),
                    None,
                );
                s.household = two_names();
            }
        } else {
            s.identified |= own_phone;
            s.shares_number = true;
            s.add(
                Level::PhoneEqual,
                || {
                    if holders > 2 {
                        format!("phone equal (…{key}, on {holders} records)")
                    } else {
                        format!("phone equal (…{key})")
                    }
                },
                Some(w),
            );
        }
    } else if let Some((line, desk, holders)) = desk_line(a, b, stats) {
        if holders > PHONE_LINE_HOLDERS {
            // A switchboard: it says what the organization says, no more.
            s.level(Level::PhoneOther, 0.0);
        } else {
            s.add(
                Level::PhoneDeskLine,
                || format!("phone (…{line}) is the line of the other's desk (…{desk})"),
                None,
            );
        }
    } else if ka.own_number && kb.own_number {
        s.add(Level::PhonesDiffer, || "numbers differ", None);
    } else if !a.phones.is_empty() && !b.phones.is_empty() {
        s.level(Level::PhoneOther, 0.0);
    }
    birthday_evidence(&mut s, a, b);
    let identified = shared_email.is_some() || same_profile;
    let own_identifier =
        shared_email.is_some_and(|e| !is_role_address(e)) || same_profile || own_phone;
    let before = s.total;
    name_evidence(&mut s, &names, a, b, stats, identified, own_identifier);
    let name_bits = s.total - before;
    common_name(&mut s, name_bits, ka, kb, stats);
    // One names no employer, the other one, and no one else here bears the name.
    if a.org.is_some() != b.org.is_some()
        && ka.family == kb.family
        && ka.given == kb.given
        && stats.lone_names.contains(&ka.full_name())
    {
        s.add(Level::LoneName, || "no one else here bears the name", None);
    }
    if let (Some(x), Some(y)) = (a.name.generation, b.name.generation)
        && x != y
    {
        s.conflict(Level::GenerationDiffer, || {
            format!("generations differ ({} / {})", x.label(), y.label())
        });
    }
    match (a.name.middle, b.name.middle) {
        (Some(x), Some(y)) if x == y => s.add(
            Level::MiddleEqual,
            || format!("middle initial equal ({x})"),
            None,
        ),
        (Some(x), Some(y)) => s.conflict(Level::MiddleDiffer, || {
            format!("middle initials differ ({x} / {y})")
        }),
        _ => {}
    }
    match (a.sex(), b.sex()) {
        (0, _) | (_, 0) => {}
        (x, y) if x == y => s.add(
            Level::GenderEqual,
            || format!("gender equal ({})", char::from(x)),
            None,
        ),
        (x, y) => s.add(
            Level::GenderDiffer,
            || format!("genders differ ({} / {})", char::from(x), char::from(y)),
            None,
        ),
    }
    if let (Some(x), Some(y)) = (&a.org, &b.org) {
        let same =
            ka.org == kb.org || (ka.orgs_may_match(kb) && crate::normalize::org::keys_match(x, y));
        // Two letters that are the other's initials (`DG`, Deutsche Grammophon) neither agree
        // nor differ.
        let unsure = !same && crate::normalize::org::may_be_initials(x, y);
        s.orgs_agree = same;
        s.orgs_differ = !same && !unsure;
        let (key, w, head) = if x.len() <= y.len() {
            (x, a.weights.org, ka.org_head)
        } else {
            (y, b.weights.org, kb.org_head)
        };
        if same && s.household {
            s.weigh(
                || format!("organization equal ({key}), as the shared line or address has it"),
                0.0,
            );
        } else if same && ka.org == kb.org {
            s.add(
                Level::OrgEqual,
                || match stats.org.count(key) {
                    0 | 1 => format!("organization equal ({key}, one record)"),
                    n => format!("organization equal ({key}, {n} records)"),
                },
                Some(w),
            );
        } else if same && crate::normalize::org::same_words(x, y) {
            s.add(
                Level::OrgEqual,
                || format!("organization equal, its words in another order ({x} / {y})"),
                Some(a.weights.org.min(b.weights.org)),
            );
        } else if same {
            // One the other's leading words or initials: as rare as the organizations that
            // begin with the shorter one's first word (Delta: Delta Dental, Delta Air Lines),
            // less what a name cut short may hide.
            s.add(
                Level::OrgShortened,
                || {
                    let first = key.split(' ').next().unwrap_or_default();
                    let begun = stats.org_heads.count_hashed(head);
                    format!("organization cut short ({x} / {y}; {begun} records begin \"{first}\")")
                },
                Some((w.min(stats.org_head_weight(head)) - ORG_SHORTENED).max(1.0)),
            );
        } else if unsure {
            s.weigh(
                || format!("organization may be written as its initials ({x} / {y})"),
                0.0,
            );
        } else {
            s.add(
                Level::OrgDiffer,
                || format!("organizations differ ({x} / {y})"),
                None,
            );
        }
    }
    if let (Some(x), Some(y)) = (&a.title, &b.title) {
        if x == y {
            s.add(
                Level::TitleEqual,
                || format!("title equal ({x}, {} records)", stats.titles.count(x)),
                Some(a.weights.title),
            );
        } else {
            s.level(Level::TitleOther, 0.0);
        }
    }
    place_evidence(&mut s, a, b, stats);
    identifier_evidence(&mut s, a, b, two_names);
    s.s
}

/// One full name on both, borne here by several people: the given and family names, each
/// weighed by its own rarity, weigh no more than the full name's rarity says. Given and family
/// names go together (a Max is more often a Schmidt than a Nguyen), and two Max Schmidts are
/// likelier than a Max and a Schmidt apart say.
fn common_name(s: &mut Scorer, name_bits: f64, ka: &Keys, kb: &Keys, stats: &Stats) {
    let name = ka.full_name();
    if ka.family != kb.family || ka.given != kb.given || name == 0 {
        return;
    }
    // Bearers are counted by organization, so one person who changed jobs counts twice: the
    // pair's own records count as two where they name two organizations, and one more
    // organization is taken for a job change, not a namesake. (Taking it for a namesake kept
    // 135 more true pairs apart to keep 13 more wrong ones out, on two hauls of 20,000.)
    let own = if ka.org != 0 && kb.org != 0 && ka.org != kb.org {
        3
    } else {
        2
    };
    let bearers = stats.full_names.count_hashed(name);
    if bearers <= own {
        return;
    }
    let rarity = rarity(stats.full_names.share(name, TYPICAL_FULL_NAME, own), 30.0);
    if name_bits > rarity {
        s.add(
            Level::NameCommon,
            || format!("the full name is borne by {bearers} people here"),
            Some(rarity - name_bits),
        );
    }
}

/// Dates of birth: with their years where both have one, day and month where not.
fn birthday_evidence(s: &mut Scorer, a: &Profile, b: &Profile) {
    let (Some(x), Some(y)) = (a.birthday(), b.birthday()) else {
        return;
    };
    let full = x.len() == 8 && y.len() == 8;
    let swapped = |x: &str, y: &str| {
        x.len() == y.len()
            && x.len() >= 4
            && x[..x.len() - 4] == y[..y.len() - 4]
            && x[x.len() - 4..x.len() - 2] == y[y.len() - 2..]
            && x[x.len() - 2..] == y[y.len() - 4..y.len() - 2]
    };
    if x == y {
        if full {
            s.add(
                Level::BirthdayEqual,
                || format!("date of birth equal ({})", show_date(x)),
                None,
            );
        } else {
            s.add(
                Level::BirthdayDayEqual,
                || format!("birthday equal ({})", show_date(x)),
                None,
            );
        }
    } else if !full && month_day(x) == month_day(y) {
        s.add(
            Level::BirthdayDayEqual,
            || format!("birthday equal ({})", show_date(month_day(x))),
            None,
        );
    } else if names::one_edit(x, y) || swapped(x, y) {
        s.add(
            Level::BirthdaySlip,
            || {
                format!(
                    "dates of birth one slip apart ({} / {})",
                    show_date(x),
                    show_date(y)
                )
            },
            None,
        );
    } else if full && within_a_year(x, y) {
        s.conflict(Level::BirthdayNear, || {
            format!(
                "dates of birth less than a year apart ({} / {})",
                show_date(x),
                show_date(y)
            )
        });
    } else {
        let before = s.total;
        s.conflict(Level::BirthdayDiffer, || {
            format!("birthdays differ ({} / {})", show_date(x), show_date(y))
        });
        // Full dates of birth a year or more apart cannot both be one person's, where the
        // data says its dates are seldom wrong: a refusal, unless an address, a profile or a
        // number of one person's joins the pair (a placeholder year in a phone's contact).
        s.hard |= full && s.total - before <= BIRTHDAY_REFUSAL && !s.identified;
    }
}

/// Whether two dates of birth (`YYYYMMDD`) are less than a year apart.
fn within_a_year(x: &str, y: &str) -> bool {
    let date = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y%m%d").ok();
    match (date(x), date(y)) {
        (Some(x), Some(y)) => (x - y).num_days().abs() < 365,
        _ => false,
    }
}

/// The month and day of a date of birth's digits: `0812` of `19720812`.
fn month_day(digits: &str) -> &str {
    &digits[digits.len().saturating_sub(4)..]
}

/// `19720812` as `1972-08-12`, `0812` as `--08-12`.
fn show_date(d: &str) -> String {
    match d.len() {
        8 => format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]),
        4 => format!("--{}-{}", &d[..2], &d[2..]),
        _ => d.to_string(),
    }
}

/// The postal addresses: postcode, locality, street and region, each its own comparison.
fn place_evidence(s: &mut Scorer, a: &Profile, b: &Profile, stats: &Stats) {
    let (Some(x), Some(y)) = (a.place(), b.place()) else {
        return;
    };
    if let (Some(p), Some(q)) = (&x.postcode, &y.postcode) {
        if p == q {
            s.add(
                Level::PostcodeEqual,
                || format!("postcode equal ({p}, {} records)", stats.postcodes.count(p)),
                Some(stats.place_weight(&stats.postcodes, p, TYPICAL_POSTCODE, 14.0)),
            );
        } else if names::one_edit(p, q) {
            s.add(
                Level::PostcodeSlip,
                || format!("postcodes one slip apart ({p} / {q})"),
                None,
            );
        } else {
            s.add(
                Level::PostcodeDiffer,
                || format!("postcodes differ ({p} / {q})"),
                None,
            );
        }
    }
    if let (Some(p), Some(q)) = (&x.locality, &y.locality) {
        if p == q {
            s.add(
                Level::LocalityEqual,
                || {
                    format!(
                        "locality equal ({p}, {} records)",
                        stats.localities.count(p)
                    )
                },
                Some(stats.place_weight(&stats.localities, p, TYPICAL_LOCALITY, 12.0)),
            );
        } else if close(p, q, 0.9) {
            s.add(
                Level::LocalitySlip,
                || format!("localities alike ({p} / {q})"),
                None,
            );
        } else {
            s.add(
                Level::LocalityDiffer,
                || format!("localities differ ({p} / {q})"),
                None,
            );
        }
    }
    if let (Some(p), Some(q)) = (&x.street, &y.street) {
        if p == q {
            s.add(
                Level::StreetEqual,
                || format!("street equal ({p})"),
                Some(stats.place_weight(&stats.streets, p, TYPICAL_STREET, 16.0)),
            );
        } else if close(p, q, 0.88) || p.lines().any(|l| l.len() >= 8 && q.lines().any(|m| m == l))
        {
            s.add(
                Level::StreetClose,
                || {
                    format!(
                        "streets alike ({} / {})",
                        p.replace('\n', ", "),
                        q.replace('\n', ", ")
                    )
                },
                None,
            );
        } else {
            s.add(
                Level::StreetDiffer,
                || {
                    format!(
                        "streets differ ({} / {})",
                        p.replace('\n', ", "),
                        q.replace('\n', ", ")
                    )
                },
                None,
            );
        }
    }
    if let (Some(p), Some(q)) = (&x.region, &y.region) {
        if p == q {
            s.add(
                Level::RegionEqual,
                || format!("region equal ({p})"),
                Some(stats.place_weight(&stats.regions, p, TYPICAL_REGION, 6.0)),
            );
        } else {
            s.add(
                Level::RegionDiffer,
                || format!("regions differ ({p} / {q})"),
                None,
            );
        }
    }
}

/// Two texts one slip apart, or alike by Jaro-Winkler once spaces are left out.
fn close(a: &str, b: &str, at: f64) -> bool {
    if names::one_edit(a, b) {
        return true;
    }
    fn squeeze(s: &str) -> Cow<'_, str> {
        if s.chars().all(char::is_alphanumeric) {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(s.chars().filter(|c| c.is_alphanumeric()).collect())
        }
    }
    let (x, y) = (squeeze(a), squeeze(b));
    x == y || strsim::jaro_winkler(&x, &y) >= at
}

/// Identifier-like columns (a code each record has its own of): equal, one slip apart, or not;
/// `two_names`: whether the records bear two given names the lists know, more than a slip
/// apart (asked only of a shared code).
fn identifier_evidence(s: &mut Scorer, a: &Profile, b: &Profile, two_names: impl FnOnce() -> bool) {
    let mut best: Option<(Level, &str, &str, &str)> = None;
    for (field, x) in a.ids() {
        for (other, y) in b.ids() {
            if field.0 != other.0 {
                continue;
            }
            let level = if x == y {
                Level::IdEqual
            } else if names::one_edit(x, y) {
                Level::IdSlip
            } else {
                Level::IdDiffer
            };
            let rank = |l: Level| match l {
                Level::IdEqual => 0,
                Level::IdSlip => 1,
                _ => 2,
            };
            if best.is_none_or(|(l, ..)| rank(level) < rank(l)) {
                best = Some((level, &field.1, x, y));
            }
        }
    }
    if let Some((mut level, field, x, y)) = best {
        // A code on records of two given names the lists know: a household's copied number or
        // a family's membership, as a shared mailbox of two names is a household's.
        if level == Level::IdEqual && two_names() {
            level = Level::IdShared;
        }
        s.shares_code = level == Level::IdEqual;
        s.add(
            level,
            || match level {
                Level::IdEqual => format!("{field} equal ({x})"),
                Level::IdShared => {
                    format!("{field} equal ({x}), given names differ: a shared code")
                }
                Level::IdSlip => format!("{field} one slip apart ({x} / {y})"),
                _ => format!("{field} differs ({x} / {y})"),
            },
            None,
        );
    }
}

/// How the given names and the family names of a pair compare, where both records have them.
struct Names<'p> {
    given: Option<(&'p str, &'p str, GivenMatch)>,
    family: Option<(&'p str, &'p str, FamilyMatch)>,
    /// One record's middle name gives the other's given name.
    by_middle: Option<ByMiddle>,
    /// The nicknames the records give ([`NameKey::nickname`]).
    nicknames: (Option<&'p str>, Option<&'p str>),
    /// One record's given name is a later word of the other's (Javier of Francisco Javier; Ali
    /// of Muhammad Ali): a person called by a second name, or another person of the first.
    later_word: bool,
    /// The family names differ, but one record's former family name is the other's family
    /// name (Walsh (Morrison), Morrison): `Some(true)` where it is the first record's former
    /// name. `family` then holds the name they share, equal.
    former: Option<bool>,
    /// One record has one name, in the column the other's other name is in, and it is that
    /// name ([`crosswise`]).
    crosswise: Option<Crosswise<'p>>,
}

/// A record of one name that the other has in its other column (Matilda | ; Harris | Matilda;
/// or  | Brown; Brown | Emily): one source put it in the wrong column, and the other's name
/// in that column is no other name of the one.
#[derive(Clone, Copy)]
struct Crosswise<'p> {
    /// The lone name, and the other's two: given, family.
    lone: &'p str,
    other: (&'p str, &'p str),
    /// The weight of the name they share: the lesser of its two rarities.
    weight: f64,
}

/// The name `a` alone holds, where `b` holds it in the other column ([`Crosswise`]).
fn crosswise<'p>(a: &'p Profile, b: &'p Profile) -> Option<Crosswise<'p>> {
    let one = |x: &'p Profile| match (x.name.given.as_deref(), x.name.family.as_deref()) {
        (Some(g), None) => Some((g, true)),
        (None, Some(f)) => Some((f, false)),
        _ => None,
    };
    let both = |x: &'p Profile| Some((x.name.given.as_deref()?, x.name.family.as_deref()?));
    let (lone, given, (other_given, other_family), lone_weight, other_weight) =
        match (one(a), one(b)) {
            (Some((lone, given)), None) => (lone, given, both(b)?, &a.weights, &b.weights),
            (None, Some((lone, given))) => (lone, given, both(a)?, &b.weights, &a.weights),
            _ => return None,
        };
    // The name in the same column says nothing of one name, and the one across is it.
    let (same, across) = match given {
        true => (other_given, other_family),
        false => (other_family, other_given),
    };
    let agree_across = lone == across
        || (lone.len() >= 4 && across.len() >= 4 && names::one_slip_apart(lone, across));
    if !agree_across || lone.len() < 2 {
        return None;
    }
    let agree_same = match given {
        true => names::given_agrees(lone, same),
        false => names::family(lone, same) != FamilyMatch::Differ,
    };
    // Which record put it in the wrong column: the lone name, in the given name's column and
    // no given name the lists know (Brown | ), or in the family name's and one they know
    // ( | Matilda); or the other, its given name in the family name's column and a name the
    // lists do not know as a given name in the given name's (Harris | Matilda). A lone Jordan
    // beside Michael Jordan is another person called Jordan.
    let misplaced = match given {
        true => !names::is_given_name(lone),
        false => names::is_given_name(lone),
    } || (names::is_given_name(other_family) && !names::is_given_name(other_given));
    (!agree_same && misplaced).then(|| Crosswise {
        lone,
        other: (other_given, other_family),
        weight: match given {
            true => lone_weight.given.min(other_weight.family),
            false => lone_weight.family.min(other_weight.given),
        },
    })
}

impl Names<'_> {
    /// One source wrote the given name for the family name and the family name for the given
    /// name (Doe Jane), or the given name in another form as well (Paul Tom, Thomas Paul; Paul
    /// Liz, Elizabeth Paul), or the family name with a middle name in the given name's field
    /// (Nguyen Van | Minh; Minh Nguyen), or the name one goes by in place of the given name the
    /// other swapped (Zhang Wei (David): Zhang | Wei, David; David Zhang).
    fn swapped(&self) -> bool {
        if self.crosswise.is_some() {
            return true;
        }
        let (Some((ag, bg, GivenMatch::Differ)), Some((af, bf, _))) = (self.given, self.family)
        else {
            return false;
        };
        let one_name = |x: &str, y: &str| {
            x == y
                || matches!(
                    names::given(x, y),
                    GivenMatch::Nickname | GivenMatch::Slip | GivenMatch::Variant
                )
        };
        // `given` is `family` and a middle name of two letters or more (the words' break is
        // not kept: a given name is parted at hyphens only).
        let family_first = |given: &str, family: &str| {
            family.len() >= 3 && given.len() >= family.len() + 2 && given.starts_with(family)
        };
        // Or a nickname for the given name the other swapped (Zhang Wei (David), David Zhang).
        let (a_nickname, b_nickname) = self.nicknames;
        (ag == bf && (one_name(af, bg) || a_nickname == Some(bg)))
            || (af == bg && (one_name(ag, bf) || b_nickname == Some(ag)))
            || (af == bg && family_first(ag, bf))
            || (ag == bf && family_first(bg, af))
    }
}

/// How one record's middle name gives the other's given name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ByMiddle {
    /// An initial, then the middle name the person goes by (J. Robert Oppenheimer, Robert
    /// Oppenheimer).
    GoesBy,
    /// A given name in two words that the other writes as one (Mary Ann, Mary-Ann; Jean
    /// Pierre, Jean-Pierre; Minh Tuan, Tuan with the middle name Minh).
    TwoWords,
    /// The nickname one record gives is the other's given name (Zhang Wei (David), David
    /// Zhang).
    Nickname,
    /// A Vietnamese middle name before the given name the other writes alone (Nguyễn | Thị
    /// Hoa; Hoa Nguyễn): a Vietnamese name is called by its last word.
    CalledBy,
}

impl<'p> Names<'p> {
    /// The names compared. A name in a script of unsure reading ([`NameKey::unsure_reading`])
    /// against one in Latin letters that its folded form does not give is as likely another
    /// reading of it as another name (山田 太郎 is Yamada Taro; 陳 is Chan in Hong Kong; أحمد
    /// is Ahmed): not compared, as if missing.
    fn of(pa: &'p Profile, pb: &'p Profile) -> Names<'p> {
        let (a, b) = (&pa.name, &pb.name);
        // A reading the other gives in the other order (毛泽东: 毛 | 泽东, `mao` | `zedong`;
        // Mao Zedong read as Zedong the family name) is compared: the names are swapped.
        let crossed = a.given.is_some() && a.given == b.family && a.family == b.given;
        let readings = a.unsure_reading != b.unsure_reading && !crossed;
        // Names that differ as folded may be one slip apart as written, where folding left
        // an `e` out of one (Chloé, Cholé: `chlo`, `chole`).
        let slip_as_written = |x: &str, y: &str, part: fn(&NameKey) -> Option<&str>| {
            (a.has_written() || b.has_written())
                && names::one_slip_apart(part(a).unwrap_or(x), part(b).unwrap_or(y))
        };
        let given = match (a.given_name(), b.given_name()) {
            (Some(x), Some(y)) => Some((x.name, y.name, names::given_parts(x, y)))
                .map(|(x, y, m)| match m {
                    GivenMatch::Differ if slip_as_written(x, y, |n| n.written().0) => {
                        (x, y, GivenMatch::Slip)
                    }
                    GivenMatch::Shortened if second_name_differs(a, b) => {
                        (x, y, GivenMatch::Differ)
                    }
                    m => (x, y, m),
                })
                .filter(|&(_, _, m)| !(readings && m == GivenMatch::Differ)),
            _ => None,
        };
        let family = match (&a.family, &b.family) {
            (Some(x), Some(y)) => Some((
                x.as_str(),
                y.as_str(),
                match names::family_keyed(
                    (x, a.family_starts, &a.family_key),
                    (y, b.family_starts, &b.family_key),
                ) {
                    FamilyMatch::Differ if slip_as_written(x, y, |n| n.written().1) => {
                        FamilyMatch::Slip
                    }
                    m => m,
                },
            ))
            .filter(|&(_, _, m)| !(readings && m == FamilyMatch::Differ)),
            _ => None,
        };
        // One record's former family name is the other's family name.
        let former = match family {
            Some((x, y, FamilyMatch::Differ)) => match (a.former_family(), b.former_family()) {
                (Some(f), _) if f == y => Some((true, y)),
                (_, Some(f)) if f == x => Some((false, x)),
                _ => None,
            },
            _ => None,
        };
        let later_word = matches!(given, Some((_, _, GivenMatch::Differ)))
            && (names::later_word(a, b) || names::later_word(b, a));
        Names {
            given,
            nicknames: (a.nickname(), b.nickname()),
            later_word,
            by_middle: match given {
                Some((_, _, GivenMatch::Differ | GivenMatch::Shortened)) => ByMiddle::of(a, b),
                _ => None,
            },
            family: match former {
                Some((_, shared)) => Some((shared, shared, FamilyMatch::Exact)),
                None => family,
            },
            former: former.map(|(first, _)| first),
            crosswise: crosswise(pa, pb),
        }
    }
}

/// One record's given name is the first of the other's two (Juan; Juan Pablo), and its middle
/// name, or the initial of it, is not the second (Juan Carlos, read as Juan with the middle name
/// Carlos): two given names of two words that share the first, two people.
fn second_name_differs(a: &NameKey, b: &NameKey) -> bool {
    let differs = |p: &NameKey, q: &NameKey| {
        let (Some(first), Some(whole), Some(initial)) = (&p.given, &q.given, p.middle) else {
            return false;
        };
        // The second name starts where a word of the other's given name does (not Johnathan
        // for John).
        let at = first.len();
        let word_starts_there =
            usize::from(q.given_first) == at || (at < 32 && q.given_starts & (1 << at) != 0);
        let Some(second) = whole
            .strip_prefix(first.as_str())
            .filter(|s| s.len() >= 2 && word_starts_there)
        else {
            return false;
        };
        match p.middle_name() {
            Some(middle) => !second.starts_with(middle) && !middle.starts_with(second),
            None => !second.starts_with(initial),
        }
    };
    differs(a, b) || differs(b, a)
}

impl ByMiddle {
    /// How one of two names' middle name gives the other's given name, if it does.
    fn of(a: &NameKey, b: &NameKey) -> Option<ByMiddle> {
        let goes_by = |p: &NameKey, q: &NameKey| {
            p.given.as_deref().is_some_and(|g| g.len() == 1)
                && p.middle_name().is_some()
                && p.middle_name() == q.given.as_deref()
        };
        // Or the middle name first, as a Vietnamese name read family name first gives it
        // (Hoang Minh Tuan: Tuan, middle name Minh; Minh Tuan Hoang).
        let two_words = |p: &NameKey, q: &NameKey| match (
            p.given.as_deref(),
            p.middle_name(),
            q.given.as_deref(),
        ) {
            (Some(g), Some(m), Some(whole)) => {
                // The two words the other way round only in a name whose order records give
                // either way: José María and María José are a man and a woman.
                let either_order = [p, q].iter().any(|n| {
                    n.family
                        .as_deref()
                        .is_some_and(crate::normalize::name::is_east_asian_family)
                });
                (whole.len() == g.len() + m.len()
                    && ((whole.starts_with(g) && whole.ends_with(m))
                        || (either_order && whole.starts_with(m) && whole.ends_with(g))))
                    // Or a nickname of the two (José Carlos read as José, middle name Carlos;
                    // Zé Carlos. Maria Eduarda; Duda), folded each already: not again.
                    || names::given(&format!("{g}{m}"), whole) == GivenMatch::Nickname
            }
            _ => false,
        };
        let nickname =
            |p: &NameKey, q: &NameKey| p.nickname().is_some() && p.nickname() == q.given.as_deref();
        // Unless the other gives a middle name of its own that is not this one: Nguyễn Văn Anh
        // and Nguyễn Thị Anh are a man and a woman.
        let called_by = |p: &NameKey, q: &NameKey| {
            p.called_by().is_some()
                && p.called_by() == q.given.as_deref()
                && q.middle_name()
                    .is_none_or(|m| p.given.as_deref().is_some_and(|g| g.starts_with(m)))
        };
        if goes_by(a, b) || goes_by(b, a) {
            Some(ByMiddle::GoesBy)
        } else if nickname(a, b) || nickname(b, a) {
            Some(ByMiddle::Nickname)
        } else if two_words(a, b) || two_words(b, a) {
            Some(ByMiddle::TwoWords)
        } else if called_by(a, b) || called_by(b, a) {
            Some(ByMiddle::CalledBy)
        } else {
            None
        }
    }
}

/// The name evidence; `identified`: the pair shares an email or a profile, which outweighs a
/// changed family name (marriage) but not a different given name; `own_identifier`: the pair
/// shares an identifier one person holds (an address not a role's, a profile, a number on a few
/// records), which makes two names two slips apart one name mistyped twice (Chhidi, Cidi).
fn name_evidence(
    s: &mut Scorer,
    names: &Names,
    pa: &Profile,
    pb: &Profile,
    stats: &Stats,
    identified: bool,
    own_identifier: bool,
) {
    let Names {
        given,
        family,
        by_middle,
        ..
    } = *names;
    let given = match given {
        // Compared by the middle name: the one the person goes by, or the given name's second
        // word; or by the nickname. The name is the longer one (Robert of J. Robert; Mary-Ann
        // of Mary Ann), or the one that is the other's nickname.
        Some((x, y, GivenMatch::Differ | GivenMatch::Shortened))
            if let Some(how) = by_middle
                && !names.swapped() =>
        {
            // By the nickname, the given name that is the other's nickname; called by the name
            // a middle name comes before, the shorter one.
            let a_side = match how {
                ByMiddle::Nickname => pb.name.nickname() == Some(x),
                ByMiddle::CalledBy => x.len() < y.len(),
                _ => x.len() > y.len(),
            };
            let (name, weight) = if a_side {
                (x, pa.weights.given)
            } else {
                (y, pb.weights.given)
            };
            s.add(
                Level::GivenExact,
                || match how {
                    ByMiddle::GoesBy => format!("goes by the middle name ({name})"),
                    ByMiddle::TwoWords => format!("given name in two words ({name})"),
                    ByMiddle::Nickname => format!("goes by the nickname ({name})"),
                    ByMiddle::CalledBy => {
                        format!("called by the given name after the middle name ({name})")
                    }
                },
                Some(weight),
            );
            None
        }
        given => given,
    };
    if let Some(Crosswise {
        lone,
        other: (given, family),
        weight,
    }) = names.crosswise
    {
        s.add(
            Level::NamesSwapped,
            || format!("a name in the other column ({lone} / {given} {family})"),
            Some(weight),
        );
        return;
    }
    // Given and family swapped by one source ("Doe Jane"; "Paul Tom" of Thomas Paul).
    if let (Some((ag, bg, GivenMatch::Differ)), Some((af, bf, _))) = (given, family)
        && names.swapped()
    {
        // Where both names are given names (Thomas Paul, Paul Thomas), the two records may
        // as well be two people's: the swap then weighs nothing by itself.
        let ambiguous = names::is_given_name(ag) && names::is_given_name(af);
        s.add(
            Level::NamesSwapped,
            || match ambiguous {
                true => format!("names swapped, both given names ({ag} {af} / {bg} {bf})"),
                false => format!("names swapped ({ag} {af} / {bg} {bf})"),
            },
            Some(match ambiguous {
                true => 0.0,
                false => pa.weights.given + pa.weights.family,
            }),
        );
        return;
    }
    if let Some((x, y, m)) = given {
        let rarer = pa.weights.given.min(pb.weights.given);
        match m {
            GivenMatch::Exact => s.add(
                Level::GivenExact,
                || format!("given name equal ({x}, {} records)", stats.given.count(x)),
                Some(pa.weights.given),
            ),
            GivenMatch::Nickname => s.add_variant(
                Level::GivenNickname,
                || format!("nickname ({x} / {y})"),
                (rarer - 1.0).max(1.0),
                (Level::GivenExact, rarer),
            ),
            GivenMatch::Shortened => s.add_variant(
                Level::GivenShortened,
                || format!("name cut short ({x} / {y})"),
                (rarer - 1.0).max(1.0),
                (Level::GivenExact, rarer),
            ),
            GivenMatch::Initial => {
                s.add(Level::GivenInitial, || format!("initial ({x} / {y})"), None)
            }
            GivenMatch::Slip => s.add_variant(
                Level::GivenSlip,
                || format!("given name typo ({x} / {y})"),
                (rarer - 2.0).max(1.0),
                (Level::GivenExact, rarer),
            ),
            GivenMatch::Variant => s.add_variant(
                Level::GivenVariant,
                || format!("given name spelt another way ({x} / {y})"),
                (rarer - 2.0).max(1.0),
                (Level::GivenExact, rarer),
            ),
            // Two people of one first name at most, where an identifier one person holds
            // says one.
            GivenMatch::Differ if own_identifier && names.later_word => s.add(
                Level::GivenLaterWord,
                || format!("called by a later given name ({x} / {y})"),
                None,
            ),
            GivenMatch::Differ if own_identifier && names::near_any(x, y) => s.add(
                Level::GivenNear,
                || format!("given names two slips apart, or a nickname's ({x} / {y})"),
                None,
            ),
            GivenMatch::Differ => {
                s.conflict(Level::GivenDiffer, || {
                    format!("given names differ ({x} / {y})")
                });
                // A man's and a woman's name of one stem (Alexander, Alexandra) are no slip
                // of one name: a group that holds a name agreeing with one of them (Alex,
                // which agrees with both) has not accepted their difference.
                if names::man_and_woman(x, y) {
                    s.conflict_on.0 |= Settle::OTHER;
                }
            }
        }
    }
    if let Some((x, y, m)) = family {
        let rarer = pa.weights.family.min(pb.weights.family);
        match m {
            FamilyMatch::Exact if s.household => s.weigh(
                || format!("family name equal ({x}), as the shared line or address has it"),
                0.0,
            ),
            FamilyMatch::Exact => s.add(
                Level::FamilyExact,
                || {
                    let equal = match names.former {
                        Some(_) => "family name equal to the other's former name",
                        None => "family name equal",
                    };
                    match stats.family.count(x) {
                        1 => format!("{equal} ({x}, borne by one person here)"),
                        n => format!("{equal} ({x}, borne by {n} people here)"),
                    }
                },
                // The weight of the name the two share: the one record's family name.
                Some(match names.former {
                    Some(true) => pb.weights.family,
                    _ => pa.weights.family,
                }),
            ),
            FamilyMatch::Contains => s.add_variant(
                Level::FamilyContains,
                || format!("family name part of the other ({x} / {y})"),
                (rarer - 1.0).max(1.0),
                (Level::FamilyExact, rarer),
            ),
            FamilyMatch::Slip => s.add_variant(
                Level::FamilySlip,
                || format!("family name typo ({x} / {y})"),
                (rarer - 3.0).max(1.0),
                (Level::FamilyExact, rarer),
            ),
            FamilyMatch::Variant => s.add_variant(
                Level::FamilyVariant,
                || format!("family name spelt another way ({x} / {y})"),
                (rarer - 3.0).max(1.0),
                (Level::FamilyExact, rarer),
            ),
            FamilyMatch::Differ if own_identifier && names::near(x, y) => s.add(
                Level::FamilyNear,
                || format!("family names two slips apart ({x} / {y})"),
                None,
            ),
            FamilyMatch::Differ if identified => s.add(
                Level::FamilyDifferIdentified,
                || format!("family names differ ({x} / {y})"),
                None,
            ),
            FamilyMatch::Differ => s.conflict(Level::FamilyDiffer, || {
                format!("family names differ ({x} / {y})")
            }),
        }
    }
}

/// Whether an address's local part is written from a name alone: its given name (or a
/// nickname, formal form or spelling of it), its family name, and their initials, in either
/// order, with or without dots (`ted`, `edward.whitmore`, `ewhitmore`, `whitmore.e`); not with
/// digits (`jsmith2`, a second John Smith's).
fn written_from(local: &str, name: &NameKey) -> bool {
    if local.is_empty() || local.bytes().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let given = name.given.as_deref().unwrap_or_default();
    let family = name.family.as_deref().unwrap_or_default();
    let given_initial = given.get(..1).unwrap_or_default();
    let family_initial = family.get(..1).unwrap_or_default();
    let is_given =
        |w: &str| !given.is_empty() && (w == given_initial || names::given_agrees(w, given));
    // A word of a family name of several is written alone (`rodriguez.j` of José Rodríguez
    // García).
    let parts = super::block::family_words(family, name.family_starts);
    let is_family = |w: &str| {
        !family.is_empty()
            && (w == family
                || w == family_initial
                || parts.iter().any(|part| part.len() >= 3 && w == *part))
    };
    let is_middle = |w: &str| {
        name.middle
            .is_some_and(|m| w.len() == 1 && w.starts_with(m))
    };
    let part = |w: &str| is_given(w) || is_family(w) || is_middle(w);
    let words: SmallVec<[String; 3]> = local
        .split(['.', '_', '-', '+'])
        .map(names::fold)
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [] => false,
        [one] => {
            part(one)
                || (1..one.len()).any(|i| {
                    let (x, y) = one.split_at(i);
                    // The family name first: comparing it is cheap, a given name's forms not.
                    (is_family(y) && is_given(x)) || (is_family(x) && is_given(y))
                })
        }
        many => many.iter().all(|w| part(w)) && many.iter().any(|w| w.len() > 1),
    }
}

/// Whether two local parts are one scheme (`first.last`) with each record's own given name as
/// written in the one place they differ (`sam.taylor` of Sam Taylor, `samantha.taylor` of
/// Samantha Taylor): an employer gives each person one address of its scheme, so these are two
/// people's, where an alias is another shape (`ted`, `edward.whitmore`).
fn one_scheme_own_given(x: &str, y: &str, a: &NameKey, b: &NameKey) -> bool {
    let (Some(ga), Some(gb)) = (a.given.as_deref(), b.given.as_deref()) else {
        return false;
    };
    if ga == gb {
        return false;
    }
    let is_separator = |c: char| matches!(c, '.' | '_' | '-' | '+');
    if !x.contains(is_separator) || !x.matches(is_separator).eq(y.matches(is_separator)) {
        return false;
    }
    // Same separators in the same order: as many words, compared in place.
    let mut differ = x
        .split(is_separator)
        .zip(y.split(is_separator))
        .filter(|(u, v)| u != v);
    match (differ.next(), differ.next()) {
        (Some((u, v)), None) => names::fold(u) == ga && names::fold(v) == gb,
        _ => false,
    }
}

/// Two local parts that differ only in their digits (`jsmith2`, `jsmith3`; `j.doe13094`,
/// `j.doe13096`; `jsmith`, `jsmith2`; `psharma35`, `psharma354`; `smith.r8490`,
/// `smith.r84890`): a mail system numbering namesakes, not a slip. The letters of an address
/// are a name, typed and misread; its number is the one thing that sets namesakes apart, and a
/// digit more or less is another person's. Except the last digit of a long number cut off
/// ([`last_digit_cut`]).
fn numbered_apart(a: &str, b: &str) -> bool {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let letters = |s: &str| {
        s.chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<String>()
    };
    digits(a) != digits(b) && letters(a) == letters(b) && !last_digit_cut(a, b)
}

/// One local part is the other with the last digit of its number cut off (`anna34357`,
/// `anna3435`), the shorter keeping [`CUT_NUMBER_KEEPS`] digits or more: a field cut short, a
/// digit the card scanner lost at the card's edge. On generator 1's 200,000 people 1,276 pairs
/// of one person's addresses are this, against one pair of namesakes' of generator 2 (where
/// ten namesakes' numbers differ by a digit elsewhere than the end).
fn last_digit_cut(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.len() == short.len() + 1
        && long.starts_with(short)
        && long.ends_with(|c: char| c.is_ascii_digit())
        && short.bytes().rev().take_while(u8::is_ascii_digit).count() >= CUT_NUMBER_KEEPS
}

/// Two addresses at one domain whose local parts differ by one slip (`jane.doe`, `jane.do`): a
/// card scanner's or a hurried typist's, not two people. Not where each address is written
/// from its own record's name and the names differ (`sophie.bauer`, `sophia.bauer`): two
/// people's addresses, each spelt as its owner's name is.
fn address_slip<'a>(a: &'a Profile, b: &'a Profile) -> Option<(&'a str, &'a str)> {
    let own_names = |lx: &str, ly: &str| {
        (a.name.given != b.name.given || a.name.family != b.name.family)
            && written_from(lx, &a.name)
            && written_from(ly, &b.name)
    };
    a.emails.iter().find_map(|x| {
        let (lx, dx) = x.rsplit_once('@')?;
        b.emails
            .iter()
            .find(|y| {
                y.rsplit_once('@').is_some_and(|(ly, dy)| {
                    dx == dy
                        && lx.len().min(ly.len()) >= 5
                        && names::one_edit(lx, ly)
                        && !numbered_apart(lx, ly)
                        && !own_names(lx, ly)
                })
            })
            .map(|y| (x.as_str(), y.as_str()))
    })
}

/// Two addresses one slip apart: in the mailbox at one employer's domain ([`address_slip`]), or
/// in the domain ([`domain_slip`]). The domains' hashes say which to look for before any text
/// is read.
fn email_slip<'a>(a: &'a Profile, b: &'a Profile) -> Option<(&'a str, &'a str)> {
    if shared(a.keys.domains(), b.keys.domains()).is_some() {
        (!a.keys.company_domains().is_empty() && !b.keys.company_domains().is_empty())
            .then(|| address_slip(a, b))
            .flatten()
    } else {
        domain_slip(a, b)
    }
}

/// One address at two domains a slip apart (`imoore@turner-gonzalez.info`,
/// `imoore@turnrr-gonzalez.info`; `jane.doe@gmail.com`, `jane.doe@gmial.com`): a typist's or a
/// card scanner's slip in the domain, the mailbox written alike. Not a role address, nor a
/// mailbox of fewer than five letters (`info`, `jd`), which many people's may be.
fn domain_slip<'a>(a: &'a Profile, b: &'a Profile) -> Option<(&'a str, &'a str)> {
    // Their mailboxes' hashes first: reading the addresses of every pair that shares none
    // took a tenth of scoring at a million people.
    if !a.keys.may_share_mailbox(&b.keys) {
        return None;
    }
    a.emails.iter().find_map(|x| {
        b.emails
            .iter()
            // One slip apart in the domain, the addresses' lengths differ by one at most: most
            // pairs are told apart before their text is read.
            .filter(|y| x.len().abs_diff(y.len()) <= 1)
            .find(|y| {
                let (Some((lx, dx)), Some((ly, dy))) = (x.rsplit_once('@'), y.rsplit_once('@'))
                else {
                    return false;
                };
                lx == ly
                    && lx.len() >= super::profile::MAILBOX_SLIPS_FROM
                    && dx.len().min(dy.len()) >= 6
                    && names::one_edit(dx, dy)
                    && !is_role_address(x)
            })
            .map(|y| (x.as_str(), y.as_str()))
    })
}

/// A number of one record that is the line of a desk of the other, without its extension
/// (`+44 20 7946 0958`, `+44 20 7946 0958 ext. 214`): the number, the desk, and the records
/// the number is on.
fn desk_line<'p>(a: &'p Profile, b: &'p Profile, stats: &Stats) -> Option<(&'p str, &'p str, u32)> {
    let find = |x: &'p Profile, y: &'p Profile| {
        x.phones.iter().find_map(|desk| {
            let (line, _) = desk.split_once('x')?;
            let i = y.phones.iter().position(|p| p == line)?;
            let holders = stats.phones.count_hashed(*y.keys.phones().get(i)?);
            Some((line, desk.as_str(), holders))
        })
    };
    find(a, b).or_else(|| find(b, a))
}

/// The index in `a` of the first hash `b` has too.
fn shared(a: &[u64], b: &[u64]) -> Option<usize> {
    a.iter().position(|x| b.contains(x))
}

/// Local parts of addresses a team or a role reads, not one person.
const ROLE_LOCAL_PARTS: &[&str] = &[
    "info",
    "sales",
    "contact",
    "hello",
    "office",
    "admin",
    "support",
    "team",
    "marketing",
    "events",
    "enquiries",
    "inquiries",
    "mail",
    "kontakt",
    "service",
    "noreply",
    "no-reply",
    "hr",
    "jobs",
    "press",
    "billing",
    "accounts",
    "reception",
    "welcome",
    "booking",
    "bookings",
];

/// The rarest address handle ([`super::profile::handles`]) `a` and `b` share, as its hash, and
/// on how many records it is.
fn shared_handle(a: &Profile, b: &Profile, stats: &Stats) -> Option<(u64, u32)> {
    let theirs = b.keys.handles();
    a.keys
        .handles()
        .iter()
        .filter(|h| theirs.contains(h))
        .map(|&h| (h, stats.handles.count_hashed(h)))
        .min_by_key(|&(_, holders)| holders)
}

/// A number both records put after their name in an address
/// ([`super::profile::address_numbers`]), each address's letters written from the name of
/// either record: the letters of `a`'s address, of `b`'s, and the number.
fn shared_number<'p>(a: &'p Profile, b: &'p Profile) -> Option<(&'p str, &'p str, &'p str)> {
    // A slip in one record's name is not in its address (Ysuf Singh, `yusuf.singh969@`).
    let from_names = |letters| written_from(letters, &a.name) || written_from(letters, &b.name);
    let theirs = b.keys.numbers();
    a.keys
        .numbers()
        .iter()
        .filter(|h| theirs.contains(h))
        .find_map(|&key| {
            let (x, number) = number_hashed(&a.emails, key)?;
            let (y, _) = number_hashed(&b.emails, key)?;
            (from_names(x) && from_names(y)).then_some((x, y, number))
        })
}

/// Whether both records have an address with a number after their name ([`Keys`]'s
/// `numbered`), and share no number.
///
/// [`Keys`]: super::profile::Keys
pub(super) fn numbered_apart_by_name(a: &Profile, b: &Profile) -> bool {
    let (ka, kb) = (a.keys.numbers(), b.keys.numbers());
    a.keys.numbered && b.keys.numbered && !ka.iter().any(|h| kb.contains(h))
}

/// Whether the address two records share is a role's (`info@`, `sales@`), which a team reads.
pub(super) fn share_role_address(a: &Profile, b: &Profile) -> bool {
    a.emails
        .iter()
        .zip(a.keys.mailboxes())
        .any(|(email, h)| b.keys.mailboxes().contains(h) && is_role_address(email))
}

fn is_role_address(email: &str) -> bool {
    email
        .split_once('@')
        .is_some_and(|(local, _)| ROLE_LOCAL_PARTS.contains(&local))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Interned;
    use crate::resolve::profile::phone_key;

    /// A record's profile from a line:
    /// `given [middle] family [generation] | org | emails, phones, profile, birthday`.
    fn profile(line: &str) -> Profile<'static> {
        let mut parts = line.split('|').map(str::trim);
        let mut name: Vec<&str> = parts
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        let org = parts.next().filter(|o| !o.is_empty());
        let generation = name.last().and_then(|w| names::Generation::of(w));
        if generation.is_some() {
            name.pop();
        }
        let mut p = Profile {
            name: NameKey {
                given: name.first().map(|g| names::fold(g).into()),
                given_starts: name
                    .first()
                    .map_or(0, |g| names::fold_parts(g, |c| c == '-').1),
                family: name[1.min(name.len())..]
                    .last()
                    .map(|f| names::fold(f).into()),
                family_starts: name[1.min(name.len())..]
                    .last()
                    .map_or(0, |f| names::fold_parts(f, |c| c == '-').1),
                middle: (name.len() > 2)
                    .then(|| names::fold(name[1]).chars().next())
                    .flatten(),
                more: (name.len() > 2)
                    .then(|| names::fold(name[1]))
                    .filter(|m| m.len() > 1)
                    .map(|m| {
                        Box::new(names::NameMore {
                            middle_name: Some(m.into()),
                            ..Default::default()
                        })
                    }),
                generation,
                ..NameKey::default()
            },
            org: org.and_then(crate::normalize::org::key).map(Interned::from),
            ..Profile::default()
        };
        for value in parts.next().unwrap_or_default().split(',').map(str::trim) {
            if value.contains('@') {
                p.emails.to_mut().push(value.to_lowercase());
            } else if value.contains("linkedin") {
                p.linkedin = Some(value.to_string().into());
            } else if value.starts_with('+') {
                p.phones.push(phone_key(value));
            } else if let Some(day) = value.strip_prefix("--") {
                p.more_mut().birthday = Some(day.to_string().into());
            } else if let Some(title) = value.strip_prefix("title=") {
                p.title = Some(names::fold(title).into());
            } else if let Some(code) = value.strip_prefix("ssn=") {
                p.more_mut()
                    .ids
                    .push(((hash("ssn"), "ssn".into()), code.into()));
            } else if let Some(sex) = value.strip_prefix("sex=") {
                p.more_mut().sex = sex.as_bytes()[0];
            } else if let Some(street) = value.strip_prefix("street=") {
                p.more_mut().place = Some(super::super::profile::Place {
                    street: Some(super::super::profile::fold_words(street).into()),
                    ..Default::default()
                });
            }
        }
        p.name.index();
        p.index();
        p
    }

    /// Scores the pair `a`, `b` among `others` (the rest of the data, for term frequencies).
    fn pair(a: &str, b: &str, others: &[&str]) -> Score {
        let mut profiles: Vec<Profile> = [a, b]
            .iter()
            .chain(others)
            .map(|line| profile(line))
            .collect();
        let stats = Stats::of(&mut profiles);
        stats.weigh(&mut profiles);
        score(&profiles[0], &profiles[1], &stats, true)
    }

    /// The weight of the evidence labelled `label` in `s`.
    fn weight_of(s: &Score, label: &str) -> f64 {
        s.evidence
            .iter()
            .find(|e| e.label.starts_with(label))
            .map_or_else(|| panic!("no {label} in {}", s.waterfall()), |e| e.weight)
    }

    #[test]
    fn one_handle_at_an_employer_and_a_mail_provider_is_one_persons() {
        // Jana keeps her handle at work and at Gmail (which ignores the dot); she changed
        // jobs between the two records.
        let work = "Jana Dvořáková | Škoda Auto | jana.dvorakova84@skoda-auto.example";
        let home = "Jana Dvořáková | Kofola | janadvorakova84@gmail.com";
        let s = pair(work, home, &[]);
        assert!(has(&s, "one handle at two domains (jana.dvorakova84"));
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // Her name alone at two employers is not enough, nor is a local part that is the name
        // alone: namesakes share it.
        for home in [
            "Jana Dvořáková | Kofola | jana.dvorakova@gmail.com",
            "Jana Dvořáková | Kofola | jdvorakova@gmail.com",
        ] {
            let s = pair(
                "Jana Dvořáková | Škoda Auto | jana.dvorakova@skoda-auto.example",
                home,
                &[],
            );
            assert!(!has(&s, "one handle"), "{}", s.waterfall());
            assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
        }
        // A handle a family shares is no one's own: John and Jane Smith.
        let s = pair(
            "John Smith | Acme | smith1975@gmail.com",
            "Jane Smith | Globex | smith1975@yahoo.com",
            &[],
        );
        assert!(!has(&s, "one handle"), "{}", s.waterfall());
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
    }

    #[test]
    fn one_number_after_the_name_in_two_addresses_is_one_persons() {
        // Tomás keeps his number whatever the address's scheme: his employer's initial and
        // family name, his Gmail's full name.
        let work = "Tomás Ferreira | Sonae | tferreira2719@sonae.example";
        let home = "Tomás Ferreira | Galp | tomas.ferreira2719@gmail.com";
        let s = pair(work, home, &[]);
        assert!(
            has(
                &s,
                "one number after the name at two addresses (tferreira2719 / tomas.ferreira2719"
            ),
            "{}",
            s.waterfall()
        );
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // A slip in one record's name is not in the address it gives.
        let s = pair(
            work,
            "Tomas Fereira | Galp | tomas.ferreira2719@gmail.com",
            &[],
        );
        assert!(has(&s, "one number after the name"), "{}", s.waterfall());
        // Not a number after the name: a team's address, or two people of one family.
        for (a, b) in [
            (
                "Tomás Ferreira | Sonae | office2719@sonae.example",
                "Tomás Ferreira | Galp | tomas.ferreira2719@gmail.com",
            ),
            (
                "Tomás Ferreira | Sonae | tferreira2719@sonae.example",
                "Rui Ferreira | Galp | rui.ferreira2719@gmail.com",
            ),
        ] {
            let s = pair(a, b, &[]);
            assert!(!has(&s, "one number"), "{}", s.waterfall());
            assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
        }
    }

    #[test]
    fn addresses_numbered_after_one_name_with_two_numbers_count_against() {
        let home = "Lena Katusen | | lena.katusen65509@outlook.com";
        let s = pair(
            home,
            "Lena Katusen | Nono Foods | lkatusen87767@nono.example",
            &[],
        );
        assert!(
            has(&s, "addresses numbered after the name, the numbers differ"),
            "{}",
            s.waterfall()
        );
        let against = weight_of(&s, "addresses numbered after the name");
        assert!(against < 0.0, "{}", s.waterfall());
        // An address with no number says nothing of the other's number.
        let s = pair(
            home,
            "Lena Katusen | Nono Foods | lena.katusen@nono.example",
            &[],
        );
        assert!(!has(&s, "numbers differ"), "{}", s.waterfall());
    }

    #[test]
    fn two_nicknames_of_one_name_on_one_address_are_one_person_not_a_household() {
        // Liz and Beth are both Elizabeth: no household has two of her.
        let s = pair(
            "Liz Smith | Globex | esmith4141@globex.example",
            "Beth Smith | Globex | esmith4141@globex.example",
            &[],
        );
        assert!(!has(
            &s,
            "email equal (esmith4141@globex.example), given names differ"
        ));
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // Two names of their own on one address still are a household's.
        let s = pair(
            "John Smith | Globex | smiths@gmail.com",
            "Jane Smith | Globex | smiths@gmail.com",
            &[],
        );
        assert!(
            has(&s, "email equal (smiths@gmail.com), given names differ"),
            "{}",
            s.waterfall()
        );
    }

    #[test]
    fn relatives_at_one_street_are_a_household_not_one_person() {
        // A census's Mary and a payroll's Pete Lambert at one street: people who share a
        // street bear one family name as a rule, so the name says nothing the street did not.
        let street = "street=3839 Royal Hart Dr";
        let (mary, pete) = (
            format!("Mary Lambert | | {street}"),
            format!("Pete Lambert | | {street}"),
        );
        let s = pair(&mary, &pete, &[]);
        assert!(
            has(
                &s,
                "family name equal (lambert), as the shared line or address has it"
            ),
            "{}",
            s.waterfall()
        );
        assert!(has(&s, "street equal"), "{}", s.waterfall());
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
        // Pete's own records at that street are one person's: Pete is Peter.
        let s = pair(&pete, &format!("Peter Lambert | | {street}"), &[]);
        assert!(
            !has(&s, "as the shared line or address has it"),
            "{}",
            s.waterfall()
        );
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
    }

    #[test]
    fn relatives_on_a_family_firms_line_or_address_are_two_people() {
        // A family firm's office line, and its `info@`: the family name and the employer are
        // the line's, not more evidence beside it.
        for (a, b) in [
            (
                "Pierre Dupont | Dupont Frères | +33123456789",
                "Marie Dupont | Dupont Frères | +33123456789",
            ),
            (
                "Carlos Ruiz | Ruiz e Hijos | info@ruizehijos.example, +34915551212",
                "Javier Ruiz | Ruiz e Hijos | info@ruizehijos.example, +34915551212",
            ),
            // Names the nickname tables have no line for, but common where they are given.
            (
                "Sunil Gupta | Gupta Traders | +919812345678",
                "Anil Gupta | Gupta Traders | +919812345678",
            ),
            (
                "Ali Yılmaz | Yılmaz Lojistik | info@yilmaz.example",
                "Ayşe Yılmaz | Yılmaz Lojistik | info@yilmaz.example",
            ),
        ] {
            let s = pair(a, b, &[]);
            let family = |f: &str| format!("family name equal ({f}), as the shared line");
            assert!(
                ["dupont", "ruiz", "gupta", "yilmaz"]
                    .iter()
                    .any(|f| has(&s, &family(f))),
                "{}",
                s.waterfall()
            );
            assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
        }
        // The firm's line beside its `info@` is one fact of one household, counted once.
        let s = pair(
            "Carlos Ruiz | Ruiz e Hijos | info@ruizehijos.example, +34915551212",
            "Javier Ruiz | Ruiz e Hijos | info@ruizehijos.example, +34915551212",
            &[],
        );
        assert_eq!(
            weight_of(
                &s,
                "phone equal (…915551212), the line of the shared address"
            ),
            0.0,
            "{}",
            s.waterfall()
        );
        // Slips that leave a given name unknown are one person's line still.
        let s = pair(
            "Deeppa Iyer | Infosys | +919845012345",
            "Deeap Iyer | Infosys | +919845012345",
            &[],
        );
        assert!(has(&s, "given names differ"), "{}", s.waterfall());
        assert!(
            weight_of(&s, "family name equal (iyer") > 0.0,
            "{}",
            s.waterfall()
        );
    }

    #[test]
    fn a_year_of_birth_after_the_name_weighs_less_than_a_number_few_pick() {
        let weight = |number: &str| {
            let a = format!("Tomás Ferreira | Sonae | tferreira{number}@sonae.example");
            let b = format!("Tomás Ferreira | Galp | tomas.ferreira{number}@gmail.com");
            weight_of(&pair(&a, &b, &[]), "one number")
        };
        assert!(weight("1984") + 4.0 < weight("2719"));
        assert!(weight("84") + 4.0 < weight("2719"));
        // However rare, the number weighs as the data says: here twenty records bear it.
        let others: Vec<String> = (0..20)
            .map(|i| format!("Ana Lima{i} | Firm{i} | alima2719@mail{i}.example"))
            .collect();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let common = weight_of(
            &pair(
                "Tomás Ferreira | Sonae | tferreira2719@sonae.example",
                "Tomás Ferreira | Galp | tomas.ferreira2719@gmail.com",
                &others,
            ),
            "one number",
        );
        assert!(common + 4.0 < weight("2719"), "{common}");
    }

    #[test]
    fn a_title_weighs_as_rare_as_it_is_as_an_organization_does() {
        let others: Vec<String> = (0..50_000)
            .map(|i| format!("Person{i} Other{i} | Firm{i} | title=Engineer"))
            .collect();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let rare = weight_of(
            &pair(
                "Leah Stewart | Acme | title=Head of Partner Marketing",
                "Leah Stewart | Globex | title=Head of Partner Marketing",
                &others,
            ),
            "title equal",
        );
        let common = weight_of(
            &pair(
                "Leah Stewart | Acme | title=Engineer",
                "Leah Stewart | Globex | title=Engineer",
                &others,
            ),
            "title equal",
        );
        // Two records of 50,002: rarer than the 7 bits a cap once held every title to.
        assert!(rare > 10.0, "{rare}");
        assert!(common < 2.0, "{common}");
    }

    #[test]
    fn a_handle_many_records_bear_weighs_less() {
        let a = "Ali Demir | Arçelik | ali1985@gmail.com";
        let b = "Ali Demir | Koç | ali1985@hotmail.com";
        let others: Vec<String> = (0..20)
            .map(|i| format!("Ali Demir{i} | Firm{i} | ali1985@mail{i}.example"))
            .collect();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let rare = weight_of(&pair(a, b, &[]), "one handle");
        let common = weight_of(&pair(a, b, &others), "one handle");
        assert!(common + 4.0 < rare, "{common} against {rare}");
    }

    #[test]
    fn a_name_spelt_two_common_ways_weighs_no_more_than_one_spelling() {
        // Mohammed and Muhammad are both common: 32 records bear each. Where one person's
        // records often spell a name two ways, the data learns the spelling level a high `m`;
        // it must still not outweigh two records spelling the name alike.
        let score = |a: &str, b: &str, learned: f64| {
            let bearers = |name: &str| 32 - [a, b].iter().filter(|r| r.starts_with(name)).count();
            let others: Vec<String> = (0..bearers("Mohammed"))
                .map(|i| format!("Mohammed Haddad{i} | Firm{i} |"))
                .chain((0..bearers("Muhammad")).map(|i| format!("Muhammad Rahman{i} | Firm{i} |")))
                .collect();
            let mut profiles: Vec<Profile> = [a, b]
                .into_iter()
                .chain(others.iter().map(String::as_str))
                .map(profile)
                .collect();
            let mut stats = Stats::of(&mut profiles);
            stats.weigh(&mut profiles);
            stats.model.delta[Level::GivenNickname as usize] = learned;
            score(&profiles[0], &profiles[1], &stats, true)
        };
        let alike = score(
            "Mohammed Mansour | Globex | title=Buyer",
            "Mohammed Mansour | Globex | title=Buyer",
            0.0,
        );
        let exact = weight_of(&alike, "given name equal (mohammed, 32 records)");
        for learned in [0.0, 3.0] {
            let two_ways = score(
                "Muhammad Mansour | Globex | title=Buyer",
                "Mohammed Mansour | Globex | title=Buyer",
                learned,
            );
            let nickname = weight_of(&two_ways, "nickname (muhammad / mohammed)");
            assert!(nickname <= exact, "{}", two_ways.waterfall());
            assert!(two_ways.total <= alike.total, "{}", two_ways.waterfall());
        }
        // Learned below equality, the spelling keeps what was learned.
        let lower = score(
            "Muhammad Mansour | Globex | title=Buyer",
            "Mohammed Mansour | Globex | title=Buyer",
            -2.0,
        );
        assert!(
            weight_of(&lower, "nickname") < exact - 2.0,
            "{}",
            lower.waterfall()
        );
    }

    fn has(s: &Score, label: &str) -> bool {
        s.evidence.iter().any(|e| e.label.starts_with(label))
    }

    #[test]
    fn two_addresses_at_one_employer_are_aliases_only_where_both_are_written_from_the_name() {
        let ted = "Ted Whitmore | Halvorsen Marine | ted@halvorsen.example";
        let edward = "Edward Whitmore | Halvorsen Marine | edward.whitmore@halvorsen.example";
        let aliases = pair(ted, edward, &[]);
        assert!(has(
            &aliases,
            "addresses at halvorsen.example each written from the name"
        ));
        assert_eq!(aliases.band(), Band::Merge, "{}", aliases.waterfall());
        // A second John Smith's address has a digit; a colleague's is another name's.
        let smith = "John Smith | Acme | john.smith@acme.example";
        let second = pair(smith, "John Smith | Acme | jsmith2@acme.example", &[]);
        assert!(has(&second, "different addresses at acme.example"));
        assert_ne!(second.band(), Band::Merge);
        // Two addresses of the employer's one scheme, each its own record's given name.
        let sam = "Sam Taylor | Deloitte | sam.taylor@deloitte.example";
        let samantha = "Samantha Taylor | Deloitte | samantha.taylor@deloitte.example";
        let colleagues = pair(sam, samantha, &[]);
        assert!(has(&colleagues, "different addresses at deloitte.example"));
        assert_ne!(colleagues.band(), Band::Merge, "{}", colleagues.waterfall());
        let shared_desk = pair(smith, "John Smith | Acme | sales.emea@acme.example", &[]);
        assert!(has(&shared_desk, "different addresses at acme.example"));
        for (local, fits) in [
            ("ewhitmore", true),
            ("whitmore.e", true),
            ("edwardw", true),
            ("e.whitmore", true),
            ("whitmore", true),
            ("ed.whitmore", true),
            ("ewhitmore2", false),
            ("jane.whitmore", false),
            ("sales", false),
        ] {
            let name = profile("Edward Whitmore").name;
            assert_eq!(written_from(local, &name), fits, "{local}");
        }
        // A family name of two: either word is written alone.
        for (local, fits) in [
            ("rodriguez.j", true),
            ("jgarcia", true),
            ("jose.rodriguezgarcia", true),
            ("jose.rod", false),
        ] {
            let name = profile("José Rodríguez-García").name;
            assert_eq!(written_from(local, &name), fits, "{local}");
        }
    }

    #[test]
    fn addresses_numbered_apart_are_two_namesakes_not_a_slip() {
        let a = "Priya Selvaraj | Globex | priya.selvaraj11901@globex.example";
        let b = "Priya Selvaraj | Globex | priya.selvaraj11903@globex.example";
        let s = pair(a, b, &[]);
        assert!(!has(&s, "email one slip apart"), "{}", s.waterfall());
        assert!(has(&s, "different addresses at globex.example"));
        // A digit more: the mail system's next namesake, not a digit the scanner dropped;
        // so is a digit more within a long number.
        for (x, y) in [("psharma35", "psharma354"), ("psharma3544", "psharma35244")] {
            let longer = pair(
                &format!("Priya Sharma | Globex | {x}@globex.example"),
                &format!("Priya Sharma | Globex | {y}@globex.example"),
                &[],
            );
            assert!(
                !has(&longer, "email one slip apart"),
                "{}",
                longer.waterfall()
            );
            assert_ne!(longer.band(), Band::Merge, "{}", longer.waterfall());
        }
        // The last digit of a long number cut off: a field cut short, one person's address.
        let cut = pair(
            "Deborah Walsh | Wensum Ltd | deborah8722@wensum.example",
            "Deborah Walsh | Wensum Corporation | deborah872@wensum.example",
            &[],
        );
        assert!(has(&cut, "email one slip apart"), "{}", cut.waterfall());
        assert_eq!(cut.band(), Band::Merge, "{}", cut.waterfall());
        let slip = pair(
            a,
            "Priya Selvaraj | Globex | priya.selvraj11901@globex.example",
            &[],
        );
        assert!(has(&slip, "email one slip apart"), "{}", slip.waterfall());
    }

    #[test]
    fn one_mailbox_at_two_domains_a_slip_apart_is_one_address() {
        // A card scanner read one letter of the domain wrong.
        let scanned = pair(
            "Isabella Cooper | | imoore@turner-gonzalez.info",
            "Isabella Cooper | | imoore@turnrr-gonzalez.info",
            &[],
        );
        assert!(
            has(&scanned, "email one slip apart"),
            "{}",
            scanned.waterfall()
        );
        assert_eq!(scanned.band(), Band::Merge, "{}", scanned.waterfall());
        let typed = pair(
            "Jane Doe | | jane.doe84@gmail.com",
            "Jane Doe | | jane.doe84@gmial.com",
            &[],
        );
        assert!(has(&typed, "email one slip apart"), "{}", typed.waterfall());
        // A short mailbox many people may hold, and two companies' domains further apart.
        for (x, y) in [
            ("info@acme-tools.example", "info@acme-toolz.example"),
            ("jdoe@acme.example", "jdoe@acne.example"),
            ("jane.doe@acme.example", "jane.doe@apex.example"),
        ] {
            let s = pair(
                &format!("Jane Doe | | {x}"),
                &format!("Jane Doe | | {y}"),
                &[],
            );
            assert!(
                !has(&s, "email one slip apart"),
                "{x} {y}: {}",
                s.waterfall()
            );
        }
    }

    #[test]
    fn work_addresses_at_two_domains_count_against() {
        let jeffrey = "Jeffrey Schmidt | Husa | jschmidt@husa12.example";
        let two_domains = pair(
            jeffrey,
            "Jeffrey Schmidt | Husa | jeffrey.schmidt@husa877.example",
            &[],
        );
        assert!(has(&two_domains, "work addresses at other domains"));
        // A personal address says nothing of an employer.
        let personal = pair(
            jeffrey,
            "Jeffrey Schmidt | Husa | jeff.schmidt@gmail.com",
            &[],
        );
        assert!(!has(&personal, "work addresses at other domains"));
        assert!(two_domains.total <= personal.total - 4.0);
    }

    #[test]
    fn shared_identifiers_merge_with_compatible_names() {
        for (a, b) in [
            (
                "Bob Smith | Acme | bob@acme.example",
                "Robert Smith | | bob@acme.example",
            ),
            (
                "Liz Kalomi | | +1 202 555 0111",
                "Elizabeth Kalomi | | (202) 555-0111",
            ),
            (
                "Jane Doe | | https://linkedin.com/in/jdoe",
                "J Doe | Acme | https://linkedin.com/in/jdoe",
            ),
            (
                "Doe Jane | | jane@doe.example",
                "Jane Doe | | jane@doe.example",
            ),
            // Swapped, and a nickname for the given name.
            (
                "Paul Tom | Acme | thomas.paul@acme.example",
                "Thomas Paul | Acme | thomas.paul@acme.example",
            ),
        ] {
            let s = pair(a, b, &[]);
            assert_eq!(s.band(), Band::Merge, "{a} / {b}\n{}", s.waterfall());
        }
        assert!(has(
            &pair(
                "Doe Jane | | jane@doe.example",
                "Jane Doe | | jane@doe.example",
                &[]
            ),
            "names swapped"
        ));
        assert!(has(
            &pair(
                "Paul Liz | | liz.paul@example.com",
                "Elizabeth Paul | | liz.paul@example.com",
                &[]
            ),
            "names swapped"
        ));
        // A Vietnamese name typed family first into the given name's field with its middle
        // name: Nguyen Van | Minh is Minh Nguyen.
        let s = pair("NguyenVan Minh | VNPT", "Minh Nguyen | VNPT", &[]);
        assert!(has(&s, "names swapped"), "{}", s.waterfall());
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // A family name that only begins the other's given name is no swap: Petrova is not
        // Petrov and a middle name.
        let s = pair("Petrova Anna | Gazprom", "Anna Petrov | Gazprom", &[]);
        assert!(!has(&s, "names swapped"), "{}", s.waterfall());
    }

    #[test]
    fn the_nickname_a_record_gives_meets_the_given_name_the_other_goes_by() {
        // Zhang Wei (David) at Lenovo, and David Zhang at Lenovo.
        let score_with = |nickname: Option<&str>| {
            let mut profiles = vec![
                profile("Wei Zhang | Lenovo"),
                profile("David Zhang | Lenovo"),
            ];
            profiles[0].name.more_mut().nickname = nickname.map(Into::into);
            let stats = Stats::of(&mut profiles);
            stats.weigh(&mut profiles);
            score(&profiles[0], &profiles[1], &stats, true)
        };
        let s = score_with(Some("david"));
        assert!(has(&s, "goes by the nickname (david)"), "{}", s.waterfall());
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // Written family name first as a single column reads it (given Zhang, family Wei).
        let mut profiles = vec![
            profile("Zhang Wei | Lenovo"),
            profile("David Zhang | Lenovo"),
        ];
        profiles[0].name.more_mut().nickname = Some("david".into());
        let stats = Stats::of(&mut profiles);
        stats.weigh(&mut profiles);
        let s = score(&profiles[0], &profiles[1], &stats, true);
        assert!(has(&s, "names swapped"), "{}", s.waterfall());
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        let s = score_with(None);
        assert!(has(&s, "given names differ"), "{}", s.waterfall());
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
    }

    #[test]
    fn a_job_change_with_the_same_mobile_is_one_person() {
        let s = pair(
            "Jürgen Müller | Cyberdyne Systems | +49 151 23456789",
            "Juergen Mueller | Tyrell Corp | +49 151 23456789",
            &[],
        );
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        assert!(has(&s, "organizations differ"));
    }

    #[test]
    fn a_code_two_given_names_bear_is_a_households_not_one_persons() {
        // A 1040 form's filer and her daughter, the mother's SSN copied onto the daughter's
        // form; and a filer's form and his social security record, a nickname apart.
        let street = "street=5559 corbin dr";
        let s = pair(
            &format!("Laura M Dennis | | ssn=838-57-0357, {street}"),
            &format!("Brittany M Dennis | | ssn=838-57-0357, {street}"),
            &[],
        );
        let shared = "ssn equal (838-57-0357), given names differ: a shared code";
        assert!(has(&s, shared), "{}", s.waterfall());
        assert!(!s.shares_code, "{}", s.waterfall());
        let s = pair(
            "Eddie A Jones | | ssn=609-91-4532",
            "Edmund A Jones | | ssn=609-91-4532",
            &[],
        );
        assert!(has(&s, "ssn equal (609-91-4532)"), "{}", s.waterfall());
        assert!(
            !has(&s, "ssn equal (609-91-4532), given"),
            "{}",
            s.waterfall()
        );
        assert!(s.shares_code, "{}", s.waterfall());
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
    }

    #[test]
    fn a_gender_column_weighs_as_the_data_says_and_keeps_no_group_apart() {
        // A couple at one street, a date of birth copied from one to the other on a form: the
        // given names differ, and so do the sexes a registry's `sex` column gives.
        let street = "street=1003 southwest 174th avenue";
        let husband = format!("Jamie W Stilwill | | --19520521, {street}, sex=M");
        let wife = format!("Lisa W Stilwill | | --19520521, {street}, sex=F");
        let again = format!("Lisa W Stilwill | | --19520521, {street}, sex=F");
        let unknown = format!("Lisa W Stilwill | | --19520521, {street}");
        let mut profiles = vec![
            profile(&husband),
            profile(&wife),
            profile(&again),
            profile(&unknown),
        ];
        let stats = Stats::of(&mut profiles);
        stats.weigh(&mut profiles);
        let couple = score(&profiles[0], &profiles[1], &stats, true);
        assert!(
            has(&couple, "genders differ (M / F)"),
            "{}",
            couple.waterfall()
        );
        let her = score(&profiles[1], &profiles[2], &stats, true);
        assert!(has(&her, "gender equal (F)"), "{}", her.waterfall());
        // A record without one says nothing either way.
        let unsaid = score(&profiles[1], &profiles[3], &stats, true);
        assert!(!has(&unsaid, "gender"), "{}", unsaid.waterfall());
        assert!(her.total > unsaid.total && unsaid.total > couple.total);
        // Evidence, not a fact that cannot hold: a mistyped sex leaves a group free to join.
        let mistyped = format!("Lisa W Stilwill | | --19520521, {street}, sex=M");
        let mut profiles = vec![profile(&wife), profile(&mistyped)];
        let stats = Stats::of(&mut profiles);
        stats.weigh(&mut profiles);
        let slip = score(&profiles[0], &profiles[1], &stats, true);
        assert!(has(&slip, "genders differ"), "{}", slip.waterfall());
        assert!(
            !slip.has_conflict() && !slip.keeps_apart(),
            "{}",
            slip.waterfall()
        );
        assert_eq!(slip.band(), Band::Merge, "{}", slip.waterfall());
    }

    #[test]
    fn a_difference_the_data_finds_common_in_one_person_is_no_conflict() {
        let a = "Maya Jones | | --20100805";
        let b = "Maya Jones | | --20101020";
        let mut profiles = vec![profile(a), profile(b)];
        let mut stats = Stats::of(&mut profiles);
        stats.weigh(&mut profiles);
        let before = score(&profiles[0], &profiles[1], &stats, true);
        assert!(
            has(&before, "dates of birth less than a year apart") && before.has_conflict(),
            "{}",
            before.waterfall()
        );
        // A file whose dates are often mistyped by weeks: the data learns the level +3 bits.
        stats.model.delta[Level::BirthdayNear as usize] = 13.0;
        let after = score(&profiles[0], &profiles[1], &stats, true);
        assert!(!after.has_conflict(), "{}", after.waterfall());
        assert!(after.total > before.total + 12.0);
        // Dates years apart are another level, still a conflict.
        let c = profile("Maya Jones | | --19830805");
        let far = score(&profiles[0], &c, &stats, true);
        assert!(has(&far, "birthdays differ") && far.has_conflict());
    }

    #[test]
    fn full_dates_of_birth_years_apart_are_two_people_unless_one_persons_address_joins_them() {
        // Father and son of one name, at one street and one family firm: all else agrees.
        let street = "street=Calle de Alcalá 42";
        let father = format!("Roberto Hernández | Hernández e Hijos | --19610412, {street}");
        let son = format!("Roberto Hernández | Hernández e Hijos | --19900923, {street}");
        let mut profiles = vec![profile(&father), profile(&son)];
        let mut stats = Stats::of(&mut profiles);
        stats.weigh(&mut profiles);
        let s = score(&profiles[0], &profiles[1], &stats, true);
        assert!(has(&s, "birthdays differ"), "{}", s.waterfall());
        assert!(s.hard && s.keeps_apart(), "{}", s.waterfall());
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
        // A file whose years are often wrong (a form's year guessed) teaches that they say
        // less: then they weigh as learned and refuse nothing.
        stats.model.delta[Level::BirthdayDiffer as usize] = 12.0;
        let s = score(&profiles[0], &profiles[1], &stats, true);
        assert!(!s.hard, "{}", s.waterfall());
        // Her card and her phone's entry, which keeps a placeholder year: her own address
        // joins them.
        let s = pair(
            "Mei Chen | Foxconn | mei.chen@foxconn.example, --19751103",
            "Mei Chen | Foxconn | mei.chen@foxconn.example, --20121103",
            &[],
        );
        assert!(has(&s, "birthdays differ"), "{}", s.waterfall());
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
    }

    #[test]
    fn a_mistyped_family_name_is_a_difference_a_group_may_settle_and_another_name_is_not() {
        let typo = pair("Riley Cameron | |", "Riley Crmaon | |", &[]);
        assert_eq!(
            typo.keeps_apart_by(),
            Settle(Settle::FAMILY),
            "{}",
            typo.waterfall()
        );
        assert!(family_alike("cameron", "crmaon") && family_alike("parsons", "psrons"));
        assert!(!family_alike("travis", "horton") && !family_alike("bowers", "yates"));
    }

    #[test]
    fn strong_conflicts_never_merge() {
        for (a, b, why) in [
            (
                "Jane Doe | | family@doe.example",
                "John Doe | | family@doe.example",
                "given names differ",
            ),
            (
                "Jane Doe | Acme | https://linkedin.com/in/jane-doe-1",
                "Jane Doe | Acme | https://linkedin.com/in/jane-doe-2",
                "different LinkedIn profiles",
            ),
            (
                "Jane Doe | Acme | --03-14",
                "Jane Doe | Acme | --07-01",
                "birthdays differ",
            ),
            (
                "Jane Doe | Acme | jane@acme.example",
                "Jane Doe | Acme | jane.doe2@acme.example",
                "different addresses at acme.example",
            ),
            (
                "Jane Doe | Acme | jane@acme.example",
                "Jane Doe | Acme | procurement@acme.example",
                "different addresses at acme.example",
            ),
        ] {
            let s = pair(a, b, &[]);
            assert_ne!(s.band(), Band::Merge, "{a} / {b}\n{}", s.waterfall());
            assert!(
                s.strong_conflict()
                    .is_some_and(|e| e.label.starts_with(why)),
                "{}",
                s.waterfall()
            );
        }
    }

    #[test]
    fn a_role_address_or_switchboard_does_not_make_one_person() {
        let s = pair(
            "Anna Berg | Nordic | info@nordic.example",
            "Erik Berg | Nordic | info@nordic.example",
            &[],
        );
        assert!(has(&s, "shared role address"));
        assert_ne!(s.band(), Band::Merge);
        let board: Vec<String> = (0..40)
            .map(|i| format!("Person Other{i} | Acme | +1 202 555 0100"))
            .collect();
        let board: Vec<&str> = board.iter().map(String::as_str).collect();
        let shared = pair(
            "Jane Doe | Acme | +1 202 555 0100",
            "Jane Doe | Acme | +1 202 555 0100",
            &board,
        );
        let alone = pair(
            "Jane Doe | Acme | +1 202 555 0199",
            "Jane Doe | Acme | +1 202 555 0199",
            &[],
        );
        let phone = |s: &Score| {
            s.evidence
                .iter()
                .find(|e| e.label.starts_with("phone"))
                .unwrap()
                .weight
        };
        assert!(phone(&shared) < phone(&alone) - 8.0);
    }

    #[test]
    fn names_alone_merge_when_rare_and_not_when_common() {
        let rare = pair(
            "Søren Tukason | | +47 412 34 567",
            "SOREN TUKASON | Fjordlys AS |",
            &[],
        );
        assert_eq!(rare.band(), Band::Merge, "{}", rare.waterfall());
        let common = pair("John Smith | | +1 202 555 0111", "John Smith | Acme |", &[]);
        assert_ne!(common.band(), Band::Merge, "{}", common.waterfall());
        // A family name many people in the data bear weighs less than one only this person does.
        let letters = |i: usize| -> String {
            (0..3)
                .map(|k| char::from(b'a' + (i / 26usize.pow(k) % 26) as u8))
                .collect()
        };
        let many: Vec<String> = (0..300)
            .map(|i| format!("Ga{} Kalomi | |", letters(i)))
            .collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let family = |s: &Score| {
            s.evidence
                .iter()
                .find(|e| e.label.starts_with("family name equal"))
                .unwrap()
                .weight
        };
        let shared = pair("Priya Kalomi | |", "Priya Kalomi | |", &many);
        let owned = pair("Priya Tukason | |", "Priya Tukason | |", &many);
        assert!(
            family(&shared) + 5.0 < family(&owned),
            "{}{}",
            shared.waterfall(),
            owned.waterfall()
        );
    }

    #[test]
    fn two_people_of_one_name_at_two_companies_stay_apart() {
        let s = pair("Jane Smith | Acme | ", "Jane Smith | Globex |", &[]);
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
        let s = pair(
            "Robert Smith | Acme Corporation |",
            "Bob Smith | ACME, Inc. |",
            &[],
        );
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
    }

    #[test]
    fn a_name_mistyped_twice_meets_its_own_address_but_a_spouse_does_not() {
        let s = pair(
            "Chhidi Sasukasen | Tuqui | chidi.sasukasen@tuqui.example, +14155550101",
            "Cidi Sasukasen | Tuqui | chidi.sasukasen@tuqui.example",
            &[],
        );
        assert!(
            has(
                &s,
                "given names two slips apart, or a nickname's (chhidi / cidi)"
            ),
            "{}",
            s.waterfall()
        );
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        let s = pair(
            "Emma Nguyen | | +14155550101",
            "Emma Ngyun | | +14155550101",
            &[],
        );
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // A home number: a man's and a woman's name one letter apart are two people.
        let s = pair(
            "Mario Rossi | | +14155550101",
            "Maria Rossi | | +14155550101",
            &[],
        );
        assert!(s.has_conflict(), "{}", s.waterfall());
        // Without an identifier of their own two names two slips apart stay two people.
        let s = pair(
            "Dana Kalomison | Initech |",
            "Dina Kalomison | Initech |",
            &[],
        );
        assert!(s.has_conflict(), "{}", s.waterfall());
        // A slip of the nickname one source wrote, on the address the other's name is.
        let s = pair(
            "Alejandro Fernández | Initech | alejandro.fernandez@initech.example",
            "Azex Fernández | Initech | alejandro.fernandez@initech.example",
            &[],
        );
        assert!(!s.has_conflict(), "{}", s.waterfall());
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        let s = pair(
            "Alejandro Fernández | Initech |",
            "Azex Fernández | Initech |",
            &[],
        );
        assert!(s.has_conflict(), "{}", s.waterfall());
        // A switchboard on many records is no one's own number.
        let board = "+14155550100";
        let others: Vec<String> = (0..8)
            .map(|i| format!("Colleague{i} X | Initech | {board}"))
            .collect();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let s = pair(
            &format!("Dana Kalomison | Initech | {board}"),
            &format!("Dina Kalomison | Initech | {board}"),
            &others,
        );
        assert!(s.has_conflict(), "{}", s.waterfall());
    }

    #[test]
    fn a_number_that_is_the_line_of_the_others_desk_places_them_at_one_employer() {
        // A badge gives the desk; the phone entry, saved after calling, the line alone.
        let badge = "Emma Thompson | BBC | +44 20 7946 0958 ext. 214";
        let phone = "Emma Thompson |  | +44 20 7946 0958";
        let s = pair(badge, phone, &[]);
        assert!(
            has(&s, "phone (…079460958) is the line"),
            "{}",
            s.waterfall()
        );
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // A switchboard on many cards says no more than the organization.
        let others: Vec<String> = (0..25)
            .map(|i| format!("Colleague{i} X | BBC | +44 20 7946 0958"))
            .collect();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let s = pair(badge, phone, &others);
        assert!(!has(&s, "phone (…"), "{}", s.waterfall());
    }

    #[test]
    fn a_mobile_on_many_records_of_one_name_is_that_persons_own() {
        // A badge, two cards and a LinkedIn export of one Robert Johnson carry his mobile; he
        // changed jobs between them.
        let mobile = "+44 7700 900123";
        let others = [
            format!("Robert Johnson | Globex | {mobile}"),
            format!("Rob Johnson | Hooli | {mobile}"),
        ];
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let s = pair(
            &format!("Robert Johnson | Initech | {mobile}"),
            &format!("Bob Johnson | Vandelay | {mobile}"),
            &others,
        );
        assert!(s.identified, "{}", s.waterfall());
        // A home line on four records of two people who share a family name is neither's own.
        let home = "+39 06 5550 1234";
        let others = [
            format!("Maria Rossi | Globex | {home}"),
            format!("Mario Rossi | Hooli | {home}"),
        ];
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let s = pair(
            &format!("Maria Rossi | Initech | {home}"),
            &format!("Maria Rossi | Vandelay | {home}"),
            &others,
        );
        assert!(!s.identified, "{}", s.waterfall());
    }

    #[test]
    fn a_phone_contact_meets_the_one_person_here_of_its_name() {
        let lone = "no one else here bears the name";
        let card = "Bob Dordasen | | +14155550101";
        let badge = "Robert Dordasen | Initech |";
        let s = pair(card, badge, &[]);
        assert!(has(&s, lone), "{}", s.waterfall());
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // Another Robert Dordasen at another company: the phone contact could be either.
        let s = pair(card, badge, &["Robert Dordasen | Globex |"]);
        assert!(!has(&s, lone), "{}", s.waterfall());
        // Another phone contact of the name: two people may name no employer.
        let s = pair(card, badge, &["Robert Dordasen | | +14155550199"]);
        assert!(!has(&s, lone), "{}", s.waterfall());
        // Both name the employer: the organization says it already.
        let s = pair("Bob Dordasen | Initech |", badge, &[]);
        assert!(!has(&s, lone), "{}", s.waterfall());
        // Jeff is short for Jeffrey, Geoffrey and more: here, where Jeffreys are the ones met,
        // Jeff Jodadorson is the one Jeffrey Jodadorson.
        let jeffreys = ["Jeffrey Kalomi | Globex |", "Jeffrey Wenri | Hooli |"];
        let s = pair(
            "Jeff Jodadorson | | +14155550101",
            "Jeffrey Jodadorson | Elan Robotics |",
            &jeffreys,
        );
        assert!(has(&s, lone), "{}", s.waterfall());
    }

    #[test]
    fn two_desks_at_one_switchboard_share_no_number() {
        let s = pair(
            "Tatiana Kanobergson | Elan Robotics | +1 415 555 0100 ext. 214",
            "Priya Wenrison | Elan Robotics | +1 415 555 0100 ext. 215",
            &[],
        );
        assert!(!has(&s, "phone equal"), "{}", s.waterfall());
    }

    #[test]
    fn the_switchboard_two_cards_print_hides_neither_their_mobiles_nor_one_they_share() {
        let board = "+14155550100";
        let others: Vec<String> = (0..24)
            .map(|i| format!("Colleague{i} X | Initech | {board}"))
            .collect();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        // Two cards of one name at the firm, each with its own mobile beside the switchboard.
        let two = pair(
            &format!("Henk de Vries | Initech | {board}, +31612345678"),
            &format!("Henk de Vries | Initech | {board}, +31687654321"),
            &others,
        );
        assert!(has(&two, "numbers differ"), "{}", two.waterfall());
        // The switchboard first on both, the mobile they share after it.
        let one = pair(
            &format!("Henk de Vries | Initech | {board}, +31612345678"),
            &format!("Henk de Vries | Initech | {board}, +31612345678"),
            &others,
        );
        assert!(has(&one, "phone equal (…612345678)"), "{}", one.waterfall());
        assert!(one.identified, "{}", one.waterfall());
    }

    #[test]
    fn two_numbers_for_one_name_count_against_but_an_employer_outweighs_them() {
        // Two entries of one name in a phone, each with its own mobile: maybe two people.
        let two = pair(
            "Tatiana Kanobergson | | +14155550101",
            "Tatiana Kanobergson | | +14155550177",
            &[],
        );
        assert!(has(&two, "numbers differ"), "{}", two.waterfall());
        let one = pair(
            "Tatiana Kanobergson | | +14155550101",
            "Tatiana Kanobergson | |",
            &[],
        );
        assert!(!has(&one, "numbers differ"), "{}", one.waterfall());
        assert!(two.total < one.total - 2.0, "{}", two.waterfall());
        // A card's company line with the desk's extension is not the person's mobile.
        let desk = pair(
            "Tatiana Kanobergson | | +14155550101",
            "Tatiana Kanobergson | | +1 415 555 0100 ext. 214",
            &[],
        );
        assert!(!has(&desk, "numbers differ"), "{}", desk.waterfall());
        let s = pair(
            "Tatiana Kanobergson | | +14155550101",
            "Tatiana Kanobergson | | +14155550101",
            &[],
        );
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // A badge with the office's number and a card with the mobile, at one employer.
        let s = pair(
            "Tatiana Kanobergson | Initech | +12125550100",
            "Tatiana Kanobergson | Initech | +14155550101",
            &[],
        );
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
    }

    #[test]
    fn two_letters_that_are_an_employers_initials_neither_agree_nor_differ() {
        // A badge printed `DG`; LinkedIn says Deutsche Grammophon.
        let s = pair(
            "Anne-Sophie Mutter | DG |",
            "Anne Sophie Mutter | Deutsche Grammophon |",
            &[],
        );
        assert!(!has(&s, "organizations differ"), "{}", s.waterfall());
        assert!(
            has(&s, "organization may be written as its initials"),
            "{}",
            s.waterfall()
        );
        assert!(!s.orgs_differ && !s.orgs_agree);
        // Two letters that are not the initials still differ.
        let s = pair(
            "Anne-Sophie Mutter | EM |",
            "Anne Sophie Mutter | Deutsche Grammophon |",
            &[],
        );
        assert!(has(&s, "organizations differ"), "{}", s.waterfall());
    }

    #[test]
    fn an_organization_cut_short_weighs_as_rare_as_the_names_it_begins() {
        let s = pair(
            "Jane Kalomison | Acme |",
            "Jane Kalomison | Acme Widgets |",
            &[],
        );
        assert!(has(&s, "organization cut short"), "{}", s.waterfall());
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // Delta Dental, Delta Air Lines and Delta Faucet are three companies: a Maria Garcia
        // at "Delta" is less likely the one at Delta Dental than another there is.
        let mut others = Vec::new();
        for (i, company) in ["Delta Air Lines", "Delta Dental", "Delta Faucet"]
            .iter()
            .cycle()
            .take(60)
            .enumerate()
        {
            others.push(format!("Person{i} Other{i} | {company} |"));
        }
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let cut = pair(
            "Maria Garcia | Delta |",
            "Maria Garcia | Delta Dental |",
            &others,
        );
        let whole = pair(
            "Maria Garcia | Delta Dental |",
            "Maria Garcia | Delta Dental |",
            &others,
        );
        assert!(
            cut.total < whole.total - 2.0,
            "{}\n{}",
            cut.waterfall(),
            whole.waterfall()
        );
    }

    #[test]
    fn a_rare_title_weighs_more_than_a_common_one() {
        let title = |s: &Score| {
            s.evidence
                .iter()
                .find(|e| e.label.starts_with("title equal"))
                .map(|e| e.weight)
        };
        // Thirty engineers and one chief cartographer among the others.
        let mut others: Vec<String> = (0..30)
            .map(|i| format!("Person{i} Other{i} | Firm{i} | title=Engineer"))
            .collect();
        others.push("Someone Else | Firm | title=Chief Cartographer".into());
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        let rare = pair(
            "Jane Kalomison | Acme | title=Chief Cartographer",
            "Jane Kalomison | | title=Chief Cartographer",
            &others,
        );
        let common = pair(
            "Jane Kalomison | Acme | title=Engineer",
            "Jane Kalomison | | title=Engineer",
            &others,
        );
        let (Some(rare_weight), Some(common_weight)) = (title(&rare), title(&common)) else {
            panic!("{}\n{}", rare.waterfall(), common.waterfall());
        };
        assert!(
            rare_weight > common_weight + 1.5,
            "{}\n{}",
            rare.waterfall(),
            common.waterfall()
        );
        assert!(common_weight >= 1.0, "{}", common.waterfall());
        let untitled = pair("Jane Kalomison | Acme |", "Jane Kalomison | |", &others);
        assert!(rare.total > untitled.total, "{}", untitled.waterfall());
    }

    #[test]
    fn father_and_son_of_one_name_are_two_people() {
        // One family business, one home number: only the suffix tells them apart.
        let s = pair(
            "John Kalomison Jr | Kalomison Sons | +14155550101",
            "John Kalomison Sr | Kalomison Sons | +14155550101",
            &[],
        );
        assert!(
            has(&s, "generations differ (Jr. / Sr.)"),
            "{}",
            s.waterfall()
        );
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
        // A suffix on one record only says nothing.
        let s = pair(
            "John Kalomison Jr | Kalomison Sons | +14155550101",
            "John Kalomison | Kalomison Sons | +14155550101",
            &[],
        );
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
    }

    #[test]
    fn a_person_who_goes_by_the_middle_name_meets_it_as_the_given_name() {
        let j_robert = "J Robert Oppenheimer | Los Alamos Lab | +1 505 667 5061";
        let s = pair(
            j_robert,
            "Robert Oppenheimer | Los Alamos Lab | +1 505 667 5061",
            &[],
        );
        assert!(
            has(&s, "goes by the middle name (robert)"),
            "{}",
            s.waterfall()
        );
        assert!(!has(&s, "given names differ"), "{}", s.waterfall());
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // Another given name is another person's, middle name or not.
        let s = pair(
            j_robert,
            "James Oppenheimer | Los Alamos Lab | +1 505 667 5061",
            &[],
        );
        assert!(!has(&s, "goes by the middle name"), "{}", s.waterfall());
    }

    #[test]
    fn a_given_name_in_two_words_meets_it_written_as_one() {
        let s = pair(
            "Mary Ann Whitfield | Aon | ",
            "Mary-Ann Whitfield | Aon | ",
            &[],
        );
        assert!(
            has(&s, "given name in two words (maryann)"),
            "{}",
            s.waterfall()
        );
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // A Vietnamese name read family name first gives the middle name first (Hoang Minh
        // Tuan: Tuan, middle name Minh).
        let s = pair("Tuan Minh Hoang | VNPT | ", "MinhTuan Hoang | VNPT | ", &[]);
        assert!(
            has(&s, "given name in two words (minhtuan)"),
            "{}",
            s.waterfall()
        );
        // Or a nickname of the two words: José Carlos read as José with the middle name
        // Carlos, and Zé Carlos; Maria Eduarda, and Duda.
        for (a, b) in [
            ("José Carlos Almeida", "Zé-Carlos Almeida"),
            ("Maria Eduarda Costa", "Duda Costa"),
        ] {
            let s = pair(
                &format!("{a} | Embraer | "),
                &format!("{b} | Embraer | "),
                &[],
            );
            assert!(has(&s, "given name in two words"), "{}", s.waterfall());
            assert!(!has(&s, "given names differ"), "{}", s.waterfall());
        }
        // Its first word alone is another person's name (Jean, Jean-Pierre).
        let s = pair(
            "Jean Martin | Airbus | ",
            "Jean-Pierre Martin | Airbus | ",
            &[],
        );
        assert!(has(&s, "given names differ"), "{}", s.waterfall());
        // The two words the other way round are another name where order is not in doubt:
        // José María is a man, María José a woman.
        let s = pair(
            "José María Pérez | BBVA | ",
            "MaríaJosé Pérez | BBVA | ",
            &[],
        );
        assert!(!has(&s, "given name in two words"), "{}", s.waterfall());
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
    }

    #[test]
    fn namesakes_of_a_name_common_in_its_country_with_two_mobiles_are_two_people() {
        // Kwame (a Saturday's son) Mensah is among Ghana's commonest names; even alone in a
        // small file, the name is no rarer for that.
        let s = pair(
            "Kwame Mensah | MTN Ghana | +233 24 555 0001",
            "Kwame Mensah | | +233 20 555 0002",
            &[],
        );
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
    }

    #[test]
    fn two_given_names_of_two_words_that_share_the_first_are_two_people() {
        // `Juan Carlos Pérez` in one name column reads as Juan with the middle name Carlos;
        // LinkedIn's first-name field holds `Juan Pablo`.
        let compound = |second: &str| {
            let mut p = profile("Juan Perez | Ecopetrol |");
            p.name.given = Some(format!("juan{second}").into());
            p.name.given_first = 4;
            p.name.index();
            p.index();
            p
        };
        let score_with = |b: Profile<'static>| {
            let mut profiles = vec![profile("Juan Carlos Perez | Ecopetrol |"), b];
            let stats = Stats::of(&mut profiles);
            stats.weigh(&mut profiles);
            score(&profiles[0], &profiles[1], &stats, true)
        };
        let s = score_with(compound("pablo"));
        assert!(has(&s, "given names differ"), "{}", s.waterfall());
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
        // The same two words are one name.
        let s = score_with(compound("carlos"));
        assert!(!has(&s, "given names differ"), "{}", s.waterfall());
    }

    #[test]
    fn a_person_called_by_the_second_given_name_meets_it_through_an_identifier_only() {
        // LinkedIn's first-name field holds `Francisco Javier`; his card says Javier.
        let compound = |first: &str, second: &str, identifiers: &str| {
            let mut p = profile(&format!("{first} Ruiz | Iberdrola | {identifiers}"));
            p.name.given = Some(format!("{first}{second}").to_lowercase().into());
            p.name.given_first = first.len() as u8;
            p.name.index();
            p.index();
            p
        };
        let score_with = |a: Profile<'static>, b: &str| {
            let mut profiles = vec![a, profile(b)];
            let stats = Stats::of(&mut profiles);
            stats.weigh(&mut profiles);
            score(&profiles[0], &profiles[1], &stats, true)
        };
        let address = "fjruiz@iberdrola.example";
        let s = score_with(
            compound("Francisco", "Javier", address),
            &format!("Javier Ruiz | Iberdrola | {address}"),
        );
        assert!(has(&s, "called by a later given name"), "{}", s.waterfall());
        assert!(has(&s, "email equal (fjruiz"), "{}", s.waterfall());
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        // A name and an employer alone: Francisco Javier and his colleague Javier.
        let s = score_with(
            compound("Francisco", "Javier", ""),
            "Javier Ruiz | Iberdrola |",
        );
        assert!(has(&s, "given names differ"), "{}", s.waterfall());
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
        // A line the two share is as often a mother's and a daughter's.
        let s = score_with(
            compound("Mary", "Ann", "+16175550199"),
            "Ann Ruiz | Iberdrola | +16175550199",
        );
        assert!(has(&s, "given names differ"), "{}", s.waterfall());
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
        // The first word is another name (José Luis, José), however shared the address.
        let s = score_with(
            compound("Jose", "Luis", address),
            &format!("Jose Ruiz | Iberdrola | {address}"),
        );
        assert!(
            !has(&s, "called by a later given name"),
            "{}",
            s.waterfall()
        );
    }

    #[test]
    fn middle_initials_agree_or_tell_two_people_apart() {
        let s = pair(
            "John A Kalomison | Initech |",
            "John B Kalomison | Initech |",
            &[],
        );
        assert!(
            has(&s, "middle initials differ (a / b)"),
            "{}",
            s.waterfall()
        );
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
        let s = pair(
            "John A Kalomison | Initech |",
            "John Kalomison | Initech |",
            &[],
        );
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
        let s = pair(
            "John A Kalomison | Initech |",
            "John Andrew Kalomison | Initech |",
            &[],
        );
        assert!(has(&s, "middle initial equal (a)"), "{}", s.waterfall());
        assert_eq!(s.band(), Band::Merge, "{}", s.waterfall());
    }

    #[test]
    fn two_addresses_each_spelt_as_its_owners_name_are_no_slip() {
        let s = pair(
            "Sophie Bauer | Siemens | sophie.bauer@siemens.example",
            "Sophia Bauer | Siemens | sophia.bauer@siemens.example",
            &[],
        );
        assert!(!has(&s, "email one slip apart"), "{}", s.waterfall());
        assert_ne!(s.band(), Band::Merge, "{}", s.waterfall());
        // The same slip in one name's two addresses is a typist's.
        let slip = pair(
            "Sophie Bauer | Siemens | sophie.bauer@siemens.example",
            "Sophie Bauer | Siemens | sophia.bauer@siemens.example",
            &[],
        );
        assert!(has(&slip, "email one slip apart"), "{}", slip.waterfall());
    }

    #[test]
    fn a_name_in_a_script_of_unsure_reading_is_not_held_against_its_reading() {
        let scored = |han: &str, latin: &str| {
            let mut profiles = vec![profile(han), profile(latin)];
            profiles[0].name.unsure_reading = true;
            let stats = Stats::of(&mut profiles);
            stats.weigh(&mut profiles);
            score(&profiles[0], &profiles[1], &stats, true)
        };
        // 山田 太郎 reads as Mandarin "shantian tailang", not as the Yamada Taro it is.
        let taro = scored(
            "tailang shantian | | taro.yamada@toyota.example",
            "Taro Yamada | Toyota | taro.yamada@toyota.example",
        );
        assert!(!has(&taro, "given names differ"), "{}", taro.waterfall());
        assert_eq!(taro.band(), Band::Merge, "{}", taro.waterfall());
        // Two names in Latin letters that differ still do.
        let hanako = pair(
            "Hanako Yamada | | taro.yamada@toyota.example",
            "Taro Yamada | Toyota | taro.yamada@toyota.example",
            &[],
        );
        assert!(has(&hanako, "given names differ"), "{}", hanako.waterfall());
        assert_ne!(hanako.band(), Band::Merge, "{}", hanako.waterfall());
        // 毛泽东 reads as Mao | Zedong, family name first; a source that took Mao Zedong as
        // given name and family name wrote the same reading in the other order.
        let mao = scored(
            "zedong mao | | +8613800138000",
            "Mao Zedong | CPC | +8613800138000",
        );
        assert!(has(&mao, "names swapped"), "{}", mao.waterfall());
        assert_eq!(mao.band(), Band::Merge, "{}", mao.waterfall());
    }

    #[test]
    fn an_address_one_slip_apart_is_not_a_colleague() {
        let s = pair(
            "Gabriela Datumon | Bergte Bio | gabriela.datumon@bergte.example",
            "Gabriela Datumon | Bergte Bio | gabriela.datumo@bergte.example",
            &[],
        );
        assert!(has(&s, "email one slip apart"), "{}", s.waterfall());
        assert_eq!(s.band(), Band::Merge);
    }
}
