//! Profiles: what scoring needs of one record, folded and hashed once (names, addresses,
//! phone keys that tell a person's own number from a desk at a company line, the date of
//! birth, the postal address, identifier-like columns).

use std::borrow::Cow;

use compact_str::CompactString;
use smallvec::SmallVec;

use super::names::{self, NameKey};
use super::stats::hash;
use crate::model::{Interned, Record};
use crate::normalize::email;

/// What scoring needs of one record, folded once; values the record holds as they are needed
/// are borrowed from it, not copied.
#[derive(Debug, Clone, Default)]
pub struct Profile<'a> {
    pub name: NameKey,
    pub org: Option<Interned>,
    pub emails: Cow<'a, [String]>,
    /// Phone match keys (last nine digits), valid numbers and invalid ones alike.
    pub phones: SmallVec<[CompactString; 1]>,
    pub linkedin: Option<Interned>,
    /// The values few records hold: none, and it is one pointer ([`Profile::birthday`],
    /// [`Profile::place`], [`Profile::ids`], [`Profile::sex`]).
    pub more: Option<Box<More>>,
    /// The record's custom fields, where identifier-like columns are looked for.
    pub custom: &'a [(CompactString, CompactString)],
    pub title: Option<Interned>,
    /// What agreeing on each value weighs, from the term frequencies ([`Stats::weigh`]).
    pub weights: Weights,
    /// The same values as hashes, compared before any string is read ([`Profile::index`]).
    pub(super) keys: Keys,
}

/// The values of a profile that few records hold ([`Profile::more`]): at a million records,
/// 32 bytes a profile held for nothing.
#[derive(Debug, Clone, Default)]
pub struct More {
    /// The date of birth as its digits: `YYYYMMDD`, or `MMDD` without a year; a date that is
    /// not one (`19729518`) as written, to meet its own slip.
    pub birthday: Option<CompactString>,
    /// The first postal address, folded.
    pub place: Option<Place>,
    /// The values of identifier-like columns ([`Stats::of`] finds them): the column (as a
    /// hash, and its header) and the value.
    pub ids: thin_vec::ThinVec<((u64, CompactString), CompactString)>,
    /// The sex a gender column gives, `b'M'` or `b'F'`; 0 for none or any other.
    pub sex: u8,
}

impl More {
    fn is_empty(&self) -> bool {
        self.birthday.is_none() && self.place.is_none() && self.ids.is_empty() && self.sex == 0
    }
}

/// A profile's values as hashes, so that the many pairs that share nothing are told apart
/// without following a pointer to the strings: the mailboxes (in the order of `emails`), the
/// domain of each of them, the phone keys (in the order of `phones`), the address handles
/// ([`handles`], as [`handle_key`] hashes, each once), the numbers of the addresses
/// ([`address_numbers`], each once), the employers' domains (in the order of
/// `company_domains`), one vector for the six; the organization key (0
/// without one), its first word and its first letter; the family name and the formal form of
/// the given name (0 without them).
#[derive(Debug, Clone, Default)]
pub(super) struct Keys {
    pub(super) hashes: SmallVec<[u64; 4]>,
    pub(super) mailboxes: u8,
    pub(super) phones: u8,
    pub(super) handles: u8,
    pub(super) numbers: u8,
    /// Some address has a number after the record's own family or given name
    /// ([`address_numbers`]; `lkatusen87767@` of Lena Katusen).
    pub(super) numbered: bool,
    pub(super) org: u64,
    pub(super) org_head: u64,
    /// The organization key's last word.
    pub(super) org_tail: u64,
    /// Its first two words, and its first word with the initials of the words after it
    /// ([`initials_hash`]): what [`Keys::orgs_may_match`] tells two keys of one first word
    /// apart by.
    pub(super) org_head2: u64,
    pub(super) org_initials: u64,
    /// Its letters without the spaces, in the order of the alphabet ([`letters_hash`]): one
    /// for one word's letters written apart (`linkedin`, `linked in`) and for one set of words
    /// in another order (`richter gedeon`, `gedeon richter`).
    pub(super) org_joined: u64,
    /// [`letters_hash`] of its first word: one key's words written together are another's
    /// first word (`jp morgan`, `jpmorgan chase`).
    pub(super) org_head_joined: u64,
    pub(super) org_first: u8,
    /// The organization key is one word, or initials written apart (`p g`): it may be
    /// another's initials, or another's words written together.
    pub(super) org_one_word: bool,
    /// Some number is not a desk's extension ([`line_key`]).
    pub(super) own_number: bool,
    pub(super) family: u64,
    /// One bit for each mailbox of five letters or more, chosen by its hash
    /// ([`Keys::may_share_mailbox`]): most pairs share none, and are told so without their
    /// addresses being read.
    pub(super) mailbox_bits: u64,
    /// [`names::canonical_given`]: Bob and Robert have one; 0 for an initial. Set once the
    /// data's given names are counted ([`Stats::of`]).
    pub(super) given: u64,
}

impl Keys {
    pub(super) fn mailboxes(&self) -> &[u64] {
        &self.hashes[..usize::from(self.mailboxes)]
    }

    pub(super) fn domains(&self) -> &[u64] {
        let n = usize::from(self.mailboxes);
        &self.hashes[n..2 * n]
    }

    pub(super) fn phones(&self) -> &[u64] {
        let n = 2 * usize::from(self.mailboxes);
        &self.hashes[n..n + usize::from(self.phones)]
    }

    pub(super) fn handles(&self) -> &[u64] {
        let n = 2 * usize::from(self.mailboxes) + usize::from(self.phones);
        &self.hashes[n..n + usize::from(self.handles)]
    }

    pub(super) fn numbers(&self) -> &[u64] {
        let n = 2 * usize::from(self.mailboxes) + usize::from(self.phones);
        let n = n + usize::from(self.handles);
        &self.hashes[n..n + usize::from(self.numbers)]
    }

    pub(super) fn company_domains(&self) -> &[u64] {
        let n = 2 * usize::from(self.mailboxes) + usize::from(self.phones);
        &self.hashes[n + usize::from(self.handles) + usize::from(self.numbers)..]
    }

    /// The family name with the formal form of the given name (`smith`, `robert` for Bob), 0
    /// without both.
    pub(super) fn full_name(&self) -> u64 {
        if self.family == 0 || self.given == 0 {
            return 0;
        }
        use std::hash::{BuildHasher, Hasher};
        let mut h = rustc_hash::FxBuildHasher.build_hasher();
        h.write_u64(self.family);
        h.write_u64(self.given);
        h.finish().max(1)
    }

    /// Whether the two records may write one mailbox of five letters or more, at whatever
    /// domains: false only where they surely do not.
    pub(super) fn may_share_mailbox(&self, other: &Keys) -> bool {
        self.mailbox_bits & other.mailbox_bits != 0
    }

    /// Whether two organization keys may match ([`crate::normalize::org::keys_match`]): equal,
    /// one the other's leading words (one first word, and the first two where both have more
    /// than one) or its first word and the initials of the rest, its last word (one a single
    /// word, the other's last) or its initials (one first letter, one a single word).
    pub(super) fn orgs_may_match(&self, other: &Keys) -> bool {
        self.org == other.org
            // One the other's letters with other spaces (`ac me ac`, `acme ac`) or its words
            // in another order, whatever their first words.
            || self.org_joined == other.org_joined
            // One key's words written together, the other's first word (`jp morgan`,
            // `jpmorgan chase`).
            || self.org_joined == other.org_head_joined
            || other.org_joined == self.org_head_joined
            || (self.org_head == other.org_head
                // Of two keys of more than one word, one is the other's leading words only
                // where their first two agree, and its first word and the initials of the
                // rest where those agree.
                && (self.org_one_word
                    || other.org_one_word
                    || self.org_head2 == other.org_head2
                    || self.org_initials == other.org_initials))
            || (self.org_one_word && self.org == other.org_tail)
            || (other.org_one_word && other.org == self.org_tail)
            || (self.org_first == other.org_first && (self.org_one_word || other.org_one_word))
    }
}

/// Bits of evidence that agreeing on a record's given name, family name, organization and
/// title gives.
#[derive(Debug, Clone, Copy, Default)]
pub struct Weights {
    pub given: f64,
    pub family: f64,
    pub org: f64,
    pub title: f64,
}

impl<'a> Profile<'a> {
    pub fn of(r: &'a Record) -> Profile<'a> {
        let extension = |number: &String| {
            r.rare()
                .extensions
                .iter()
                .find(|(n, _)| n == number)
                .map_or("", |(_, e)| e.as_str())
        };
        let mut phones: SmallVec<[CompactString; 1]> =
            r.phones.iter().map(|p| line_key(p, extension(p))).collect();
        phones.extend(
            r.problems
                .iter()
                .filter(|p| p.field == "phone")
                .map(|p| phone_key(&p.value))
                .filter(|k| k.split('x').next().is_some_and(|n| n.len() >= 9)),
        );
        phones.sort();
        phones.dedup();
        let more = More {
            birthday: birthday_digits(r),
            place: Place::of(r),
            ids: thin_vec::ThinVec::new(),
            sex: match r.details.gender.as_deref().and_then(crate::normalize::sex) {
                Some("M") => b'M',
                Some("F") => b'F',
                _ => 0,
            },
        };
        let mut p = Profile {
            name: NameKey::of(r),
            org: r.org_key,
            emails: mailboxes(&r.emails),
            phones,
            linkedin: r.linkedin,
            more: (!more.is_empty()).then(|| Box::new(more)),
            custom: &r.custom,
            weights: Weights::default(),
            title: r
                .title
                .as_deref()
                .map(names::fold)
                .filter(|t| !t.is_empty())
                .map(Interned::from),
            keys: Keys::default(),
        };
        respell(&mut p.name, &p.emails, p.linkedin.as_deref());
        p.index();
        p
    }

    /// The date of birth as its digits ([`More::birthday`]).
    pub fn birthday(&self) -> Option<&str> {
        self.more.as_ref()?.birthday.as_deref()
    }

    /// The first postal address, folded ([`More::place`]).
    pub fn place(&self) -> Option<&Place> {
        self.more.as_ref()?.place.as_ref()
    }

    /// The sex a gender column gives ([`More::sex`]), 0 for none.
    pub fn sex(&self) -> u8 {
        self.more.as_ref().map_or(0, |m| m.sex)
    }

    /// The values of identifier-like columns ([`More::ids`]).
    pub fn ids(&self) -> &[((u64, CompactString), CompactString)] {
        self.more.as_ref().map_or(&[], |m| &m.ids)
    }

    /// The values few records hold, to set one.
    pub fn more_mut(&mut self) -> &mut More {
        self.more.get_or_insert_with(Default::default)
    }

    /// Asks the processor to load the profile into its cache ahead of scoring it, or, once it
    /// is there, the hashes it points to (`keys`). Pairs name their records in no order, and
    /// scoring waited on memory more than it computed: at 200,000 people this cut scoring by a
    /// quarter. A hint only; elsewhere than on x86-64 it does nothing.
    pub(super) fn prefetch(&self, keys: bool) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            let start: *const i8 = if keys {
                self.keys.hashes.as_ptr().cast()
            } else {
                (self as *const Profile).cast()
            };
            let lines = if keys {
                1
            } else {
                size_of::<Profile>().div_ceil(64)
            };
            for line in 0..lines {
                // SAFETY: a prefetch reads nothing and faults on no address.
                unsafe { _mm_prefetch(start.wrapping_add(line * 64), _MM_HINT_T0) };
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = keys;
    }

    /// Hashes the values scoring compares ([`Keys`]); to be called once the values are set.
    pub fn index(&mut self) {
        let domain = |e: &String| hash(e.rsplit_once('@').map_or("", |(_, d)| d));
        let emails = &self.emails[..self.emails.len().min(usize::from(u8::MAX))];
        let mut hashes: SmallVec<[u64; 4]> = emails.iter().map(|e| hash(e)).collect();
        hashes.extend(emails.iter().map(domain));
        let phones = &self.phones[..self.phones.len().min(usize::from(u8::MAX))];
        hashes.extend(phones.iter().map(|p| hash(p)));
        let mut handles: SmallVec<[u64; 2]> =
            handles(emails).map(|h| hash(&handle_key(h))).collect();
        handles.sort_unstable();
        handles.dedup();
        handles.truncate(usize::from(u8::MAX));
        hashes.extend_from_slice(&handles);
        let mut numbers: SmallVec<[u64; 2]> = address_numbers(emails)
            .map(|(_, number)| hash(number))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers.truncate(usize::from(u8::MAX));
        hashes.extend_from_slice(&numbers);
        hashes.extend(company_domains(&self.emails).map(hash));
        let org = self.org.as_deref().unwrap_or_default();
        self.keys = Keys {
            mailboxes: u8::try_from(self.emails.len()).unwrap_or(u8::MAX),
            phones: u8::try_from(self.phones.len()).unwrap_or(u8::MAX),
            handles: u8::try_from(handles.len()).unwrap_or(u8::MAX),
            numbers: u8::try_from(numbers.len()).unwrap_or(u8::MAX),
            numbered: !numbers.is_empty() && numbered_after_name(emails, &self.name),
            hashes,
            org: self.org.as_deref().map_or(0, hash),
            org_head: hash(org.split(' ').next().unwrap_or_default()),
            org_tail: hash(org.rsplit(' ').next().unwrap_or_default()),
            org_head2: hash(
                org.match_indices(' ')
                    .nth(1)
                    .map_or(org, |(i, _)| &org[..i]),
            ),
            org_initials: initials_hash(org),
            org_joined: letters_hash(org),
            org_head_joined: letters_hash(org.split(' ').next().unwrap_or_default()),
            org_first: org.bytes().next().unwrap_or_default(),
            // `P&G` (`p g`) is one word of initials written apart.
            org_one_word: !org.contains(' ') || org.split(' ').all(|w| w.len() == 1),
            own_number: self.phones.iter().any(|k| !k.contains('x')),
            family: self.name.family.as_deref().map_or(0, hash),
            mailbox_bits: mailbox_bits(&self.emails),
            // Set by `Stats::of`, once the data's given names are counted.
            given: 0,
        };
    }
}

/// [`Keys::mailbox_bits`]: a bit for each mailbox of five letters or more, from its hash's top
/// six bits.
fn mailbox_bits(emails: &[String]) -> u64 {
    emails
        .iter()
        .filter_map(|e| e.rsplit_once('@'))
        .filter(|(local, _)| local.len() >= MAILBOX_SLIPS_FROM)
        .fold(0, |bits, (local, _)| bits | 1 << (hash(local) >> 58))
}

/// The shortest mailbox whose domain's slip [`super::score`] looks for: `info`, `jd` may be
/// many people's.
pub(super) const MAILBOX_SLIPS_FROM: usize = 5;

/// Puts right a slip in a record's name that its own LinkedIn profile or address spells
/// otherwise: `Zofia Novvak` of `linkedin.com/in/zofia-novak-1d`, `Memhet Tugosen` of
/// `mehmet.tugosen@`. A profile's address is made from the name its owner signed up with, and
/// an address is typed once and used daily, where a badge or a card scanner misreads a letter.
/// Only a slip: the family name one or two letters off with the given name agreeing, or a given
/// name no list knows a letter or two off one it does, the family name equal. A nickname or
/// another name in the address (a shared or an assistant's) changes nothing.
pub(super) fn respell(name: &mut NameKey, emails: &[String], linkedin: Option<&str>) {
    let (Some(given), Some(family)) = (name.given.as_deref(), name.family.as_deref()) else {
        return;
    };
    if name.unsure_reading {
        return;
    }
    // The profile's words without the code LinkedIn adds (`zofia-novak-1d`).
    let slug = linkedin
        .and_then(|u| u.split_once("/in/"))
        .map(|(_, slug)| {
            let mut words: SmallVec<[&str; 4]> = slug.trim_end_matches('/').split('-').collect();
            if words
                .last()
                .is_some_and(|w| w.bytes().any(|b| b.is_ascii_digit()))
            {
                words.pop();
            }
            words
        });
    let (given_written, family_written) = (CompactString::from(given), CompactString::from(family));
    let addresses = emails.iter().filter_map(|e| {
        let (local, _) = e.rsplit_once('@')?;
        let (letters, _) = letters_and_number(local);
        let words: SmallVec<[&str; 4]> = letters.split(['.', '_', '-']).collect();
        Some(match words[..] {
            [word] => one_word_address(word, &given_written, &family_written)
                .into_iter()
                .flatten()
                .map(Cow::Owned)
                .collect::<SmallVec<[Cow<str>; 4]>>(),
            _ => words.iter().map(|w| Cow::Borrowed(*w)).collect(),
        })
    });
    let slug = slug.map(|words| words.iter().map(|w| Cow::Borrowed(*w)).collect());
    for words in slug.into_iter().chain(addresses) {
        let [x, y] = words.as_slice() else {
            continue;
        };
        let (x, y): (&str, &str) = (x, y);
        // Most addresses spell the name as the record does.
        let spelt_alike = |w: &str, part: &str| w.eq_ignore_ascii_case(part);
        if (spelt_alike(x, given) && spelt_alike(y, family))
            || (spelt_alike(y, given) && spelt_alike(x, family))
        {
            return;
        }
        for (g, f) in [(x, y), (y, x)] {
            let (g, f) = (names::fold(g), names::fold(f));
            if g.is_empty() || f.is_empty() {
                continue;
            }
            // The part the profile or address spells right: the family name, or the given.
            let right = if f != family && names::near(family, &f) && names::given_agrees(given, &g)
            {
                Some((false, f))
            } else if f == family
                && g != given
                && (names::near(given, &g) || names::letters_swapped(given, &g))
                && !names::is_written_given_name(given)
                && names::is_given_name(&g)
            {
                Some((true, g))
            } else {
                None
            };
            if let Some((is_given, spelling)) = right {
                let (part, starts) = if is_given {
                    (&mut name.given, &mut name.given_starts)
                } else {
                    (&mut name.family, &mut name.family_starts)
                };
                *part = Some(spelling.into());
                *starts = 0;
                name.respelt = true;
                // The name is now the profile's or address's spelling, folded.
                name.forget_written();
                name.index();
                return;
            }
        }
    }
}

/// The name an address of one word (`valeriechapman`, `chapmanvalerie`, `diana`, `vchapman`)
/// spells, as a given and a family name, for [`respell`] to compare with the record's
/// (`given`, `family`, folded): the family name where the record's starts or ends the word;
/// else, behind the initial of the record's given name, a family name a slip from the
/// record's (`vchapmen`); else the word as a given name beside the record's family name.
fn one_word_address(word: &str, given: &str, family: &str) -> Option<[String; 2]> {
    let folded = names::fold(word);
    let spelt = if let Some(given) = folded.strip_suffix(family) {
        [given, family]
    } else if let Some(given) = folded.strip_prefix(family) {
        [given, family]
    } else if let Some(rest) = given
        .chars()
        .next()
        .and_then(|initial| folded.strip_prefix(initial))
        .filter(|rest| names::near(family, rest))
    {
        [given, rest]
    } else {
        [folded.as_str(), family]
    };
    (spelt[0].len() >= 2).then(|| spelt.map(str::to_string))
}

/// A record's date of birth as digits ([`Profile::birthday`]).
pub(super) fn birthday_digits(r: &Record) -> Option<CompactString> {
    let digits = |d: &str| -> CompactString { d.chars().filter(char::is_ascii_digit).collect() };
    if let Some(d) = r.rare().birthday.as_deref() {
        return Some(digits(d)).filter(|d| d.len() == 8 || d.len() == 4);
    }
    // A date kept as written (`19221607`, `02/31/1975`, `10/01/2974`) compared by its
    // digits, year first as read dates are: a slip in it is still a slip. Parts written apart
    // say where the year is (last, where it has four digits); eight digits together where
    // they begin or end as a year does.
    r.problems
        .iter()
        .filter(|p| p.field == "birthday")
        .find_map(|p| {
            let d = digits(&p.value);
            if d.len() != 8 {
                return None;
            }
            let mut parts = p.value.trim().split(['/', '.', '-', ' ']);
            let year_last = match (parts.next(), parts.next(), parts.next(), parts.next()) {
                (Some(_), Some(_), Some(y), None) => y.len() == 4,
                _ => {
                    let year = |y: &str| matches!(&y[..2], "18" | "19" | "20");
                    year(&d[4..]) && !year(&d[..4])
                }
            };
            Some(if year_last {
                [&d[4..], &d[..4]].concat().into()
            } else {
                d
            })
        })
}

/// A line of an address as compared: ASCII, lower-case, letters and digits, one space between
/// words.
pub(super) fn fold_words(line: &str) -> String {
    let ascii = deunicode::deunicode(line).to_lowercase();
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A postal address as scoring compares it: each part folded, the street's lines kept apart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Place {
    pub street: Option<CompactString>,
    pub locality: Option<CompactString>,
    pub postcode: Option<CompactString>,
    pub region: Option<CompactString>,
}

impl Place {
    pub(super) fn of(r: &Record) -> Option<Place> {
        let fold = |s: &Option<String>| {
            s.as_deref()
                .map(|s| {
                    s.lines()
                        .map(fold_words)
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .filter(|s| !s.is_empty())
                .map(CompactString::from)
        };
        // The person's own address before an employer's, which colleagues share (a payroll
        // row gives both); a business card's work address where it has no other.
        let placed = r
            .details
            .addresses
            .iter()
            .filter(|a| a.street.is_some() || a.locality.is_some() || a.postcode.is_some());
        let work = |a: &&crate::model::Address| a.types.iter().any(|t| t == "work");
        let a = placed
            .clone()
            .find(|a| !work(a))
            .or_else(|| placed.clone().next())?;
        Some(Place {
            street: fold(&a.street),
            locality: fold(&a.locality),
            postcode: a
                .postcode
                .as_deref()
                .map(|p| {
                    p.chars()
                        .filter(|c| c.is_alphanumeric())
                        .flat_map(char::to_lowercase)
                        .collect::<CompactString>()
                })
                .filter(|p| !p.is_empty()),
            region: fold(&a.region),
        })
    }
}

/// The mailboxes of a record's addresses ([`email::mailbox`]), borrowed when each address is its
/// own mailbox, as nearly all are.
pub(super) fn mailboxes(emails: &[String]) -> Cow<'_, [String]> {
    if emails
        .iter()
        .all(|e| matches!(email::mailbox(e), Cow::Borrowed(_)))
    {
        Cow::Borrowed(emails)
    } else {
        Cow::Owned(
            emails
                .iter()
                .map(|e| email::mailbox(e).into_owned())
                .collect(),
        )
    }
}

/// A phone number's match key: its last nine digits, so that one number written in two ways,
/// valid or not, meets itself; then `x` and the extension, if it has one ([`line_key`]).
pub fn phone_key(number: &str) -> CompactString {
    let (number, extension) = split_extension(number);
    line_key(number, extension)
}

/// The match key of a number and its extension. A company line's extension is a desk: its key
/// is the desk's, so that the people at one switchboard do not share a number.
pub(super) fn line_key(number: &str, extension: &str) -> CompactString {
    let digits = |s: &str| {
        s.chars()
            .filter(char::is_ascii_digit)
            .collect::<CompactString>()
    };
    let number = digits(number);
    let mut key = CompactString::from(&number[number.len().saturating_sub(9)..]);
    let extension = digits(extension);
    if !extension.is_empty() {
        key.push('x');
        key.push_str(&extension);
    }
    key
}

/// A number as written and its extension, split: `;ext=`, or as people write one (`ext. 12`,
/// `x12`, `#12`: a letter or `#` after the digits of a number). The extension is empty
/// without one. A vanity number's letters (`1-800-FLOWERS`) follow too few digits to be taken
/// for one.
pub(super) fn split_extension(number: &str) -> (&str, &str) {
    if let Some(split) = number.split_once(";ext=") {
        return split;
    }
    let mut digits = 0;
    for (i, c) in number.char_indices() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if digits >= 7 && (c.is_alphabetic() || c == '#' || c == ';') {
            return (&number[..i], &number[i..]);
        }
    }
    (number, "")
}

/// The hash of a key's first word and the initials of the words after it, or of the key as
/// it is where one word follows the first (`pko bank polski`, `pko bp`: `pko bp`); 0 for a key
/// of one word.
fn initials_hash(key: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let Some((first, rest)) = key.split_once(' ') else {
        return 0;
    };
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(first.as_bytes());
    h.write_u8(b' ');
    // Byte by byte either way, so that `bp` written and `b`, `p` taken as initials hash alike.
    if rest.contains(' ') {
        rest.split(' ')
            .filter_map(|w| w.bytes().next())
            .for_each(|b| h.write_u8(b));
    } else {
        rest.bytes().for_each(|b| h.write_u8(b));
    }
    h.finish()
}

/// The hash of a key's letters without its spaces, in the order of the alphabet: one for two
/// keys of one word's letters written apart or of one set of words in another order.
fn letters_hash(key: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut letters: SmallVec<[u8; 48]> = key.bytes().filter(|&c| c != b' ').collect();
    letters.sort_unstable();
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(&letters);
    h.finish()
}

/// The handles of a record's addresses: local parts of a name of the person's own choosing,
/// with digits in it (`robert.mondvenma923`, `jsmith1975`), which one person often keeps at
/// every provider; not a name alone (`john.smith`), which namesakes share, nor a number alone.
pub(super) fn handles(emails: &[String]) -> impl Iterator<Item = &str> {
    emails
        .iter()
        .filter_map(|e| e.rsplit_once('@').map(|(local, _)| local))
        .filter(|local| {
            local.len() >= 5
                && local.bytes().any(|b| b.is_ascii_digit())
                && local.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
        })
}

/// A handle as it is counted and compared: without its dots, which Gmail ignores and people
/// put in or leave out (`robert.mondvenma923`, `robertmondvenma923`).
pub(super) fn handle_key(handle: &str) -> CompactString {
    handle.chars().filter(|&c| c != '.').collect()
}

/// The numbers people put after their name in an address (`maria.schmidt7945`, `mschmidt7945`,
/// `jsmith1975`): each local part that is letters (with dots, dashes or underscores) and then
/// two digits or more, as (the letters, the number). One person often keeps their number at
/// every provider and employer while the letters change with the address's scheme; whether the
/// letters are written from the person's name is for scoring to say.
pub(super) fn address_numbers(emails: &[String]) -> impl Iterator<Item = (&str, &str)> {
    emails.iter().filter_map(|e| {
        let (local, _) = e.rsplit_once('@')?;
        let (letters, number) = letters_and_number(local);
        let plain = letters
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || matches!(b, b'.' | b'_' | b'-'));
        (number.len() >= 2
            && number.len() <= 12
            && plain
            && letters.bytes().any(|b| b.is_ascii_alphabetic()))
        .then_some((letters, number))
    })
}

/// A local part as the letters before its number and the number (`maria.schmidt.7945`:
/// `maria.schmidt`, `7945`); the number is empty where the local part ends in no digit.
fn letters_and_number(local: &str) -> (&str, &str) {
    let letters = local.trim_end_matches(|c: char| c.is_ascii_digit());
    let number = &local[letters.len()..];
    (letters.trim_end_matches(['.', '_', '-']), number)
}

/// Whether an address of `emails` has a number after letters that hold the family name or
/// the given name (three letters or more): a quick test, with no name's forms looked up.
fn numbered_after_name(emails: &[String], name: &NameKey) -> bool {
    let parts = [name.family.as_deref(), name.given.as_deref()];
    // Folded as names are (`dorbergjoez` as `dorbergjoz`, the `e` after `o` left out).
    address_numbers(emails).any(|(letters, _)| {
        let letters = names::fold(letters);
        parts
            .iter()
            .flatten()
            .any(|part| part.len() >= 3 && letters.contains(part))
    })
}

/// The address of `emails` whose number ([`address_numbers`]) has this hash: its letters and
/// the number.
pub(super) fn number_hashed(emails: &[String], key: u64) -> Option<(&str, &str)> {
    address_numbers(emails).find(|&(_, n)| hash(n) == key)
}

/// The handle of `emails` whose [`handle_key`] has this hash, as written.
pub(super) fn handle_hashed(emails: &[String], key: u64) -> Option<&str> {
    handles(emails).find(|&h| hash(&handle_key(h)) == key)
}

/// The domains of the addresses that are at an employer rather than a mail provider, in the
/// order of [`Keys`]'s hashes of them.
pub(super) fn company_domains(emails: &[String]) -> impl Iterator<Item = &str> {
    emails
        .iter()
        .filter_map(|e| e.rsplit_once('@').map(|(_, d)| d))
        .filter(|d| !crate::normalize::email::is_free_mail(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Whatever a phone cell holds, its key is at most nine digits, then `x` and the
        /// extension's digits if it has one.
        #[test]
        fn a_phone_key_is_nine_digits_at_most_and_an_extension(s in "\\PC{0,40}") {
            let key = phone_key(&s);
            let (number, extension) = key.split_once('x').unwrap_or((&key, ""));
            proptest::prop_assert!(number.len() <= 9 && number.bytes().all(|b| b.is_ascii_digit()));
            proptest::prop_assert!(extension.bytes().all(|b| b.is_ascii_digit()));
        }
    }

    /// The keys of a profile of this organization key and these addresses.
    fn keys_of(org: &str, emails: &[&str]) -> Keys {
        let mut p = Profile {
            org: (!org.is_empty()).then(|| Interned::from(org)),
            emails: Cow::Owned(emails.iter().map(|e| e.to_string()).collect()),
            ..Profile::default()
        };
        p.index();
        p.keys
    }

    proptest::proptest! {
        /// The hashes never keep apart two organization keys that match: one the other's
        /// leading words, last word, initials, or its letters with other spaces.
        #[test]
        fn organizations_that_match_are_never_told_apart_by_their_hashes(
            x in "(acme|ac|a|me|co|x|cox|p|g|widgets)( (acme|ac|a|me|co|x|cox|p|g|widgets)){0,3}",
            y in "(acme|ac|a|me|co|x|cox|p|g|widgets)( (acme|ac|a|me|co|x|cox|p|g|widgets)){0,3}",
        ) {
            if crate::normalize::org::keys_match(&x, &y) {
                proptest::prop_assert!(keys_of(&x, &[]).orgs_may_match(&keys_of(&y, &[])));
            }
        }

        /// Nor two addresses of one mailbox of five letters or more at other domains.
        #[test]
        fn one_mailbox_at_two_domains_is_never_told_apart_by_its_hash(
            local in "[a-z.]{5,12}", x in "[a-z]{3,8}\\.com", y in "[a-z]{3,8}\\.com",
            other in "[a-z]{1,12}@[a-z]{3,8}\\.com",
        ) {
            let (at_x, at_y) = (format!("{local}@{x}"), format!("{local}@{y}"));
            let a = keys_of("", &[&other, &at_x]);
            proptest::prop_assert!(a.may_share_mailbox(&keys_of("", &[&at_y])));
        }
    }

    #[test]
    fn organizations_of_one_first_word_and_other_second_words_are_told_apart_by_their_hashes() {
        let may = |x: &str, y: &str| keys_of(x, &[]).orgs_may_match(&keys_of(y, &[]));
        assert!(may("acme widgets", "acme widgets intl"));
        assert!(may("acme", "acme widgets"));
        assert!(may("acme co x", "acme cox"));
        assert!(!may("acme widgets", "acme gadgets"));
        assert!(!may("acme widgets intl", "acme gadgets intl"));
        assert!(may("pko bp", "pko bank polski"));
        assert!(!may("pko bp", "pko bank"));
        let share = |x: &str, y: &str| keys_of("", &[x]).may_share_mailbox(&keys_of("", &[y]));
        assert!(share("jane.doe@gmail.com", "jane.doe@gmial.com"));
        // Mailboxes of fewer than five letters are many people's: no slip is looked for.
        assert!(!share("jd@gmail.com", "jd@gmial.com"));
    }

    #[test]
    fn a_date_of_birth_kept_as_written_is_compared_year_first() {
        let digits = |written: &str| {
            let mut r = Record::default();
            r.problems.push(crate::model::Problem {
                field: "birthday".into(),
                value: written.into(),
                problem: "not a date".into(),
            });
            birthday_digits(&r).map(|d| d.to_string())
        };
        // A year mistyped (`2974` for 1974): still a slip of the date read as `19741001`.
        assert_eq!(digits("10/01/2974").as_deref(), Some("29741001"));
        assert_eq!(digits("05/57/1950").as_deref(), Some("19500557"));
        // Year first, as written; eight digits together, year last where it is one.
        assert_eq!(digits("1922/16/07").as_deref(), Some("19221607"));
        assert_eq!(digits("19221607").as_deref(), Some("19221607"));
        assert_eq!(digits("16071922").as_deref(), Some("19221607"));
        assert_eq!(digits("16/07/22"), None);
    }

    #[test]
    fn a_desk_at_a_company_line_is_its_extension() {
        for written in [
            "+1 377 871 0100 ext. 273",
            "(377) 871-0100 x273",
            "377.871.0100 #273",
            "+13778710100;ext=273",
        ] {
            assert_eq!(phone_key(written), "778710100x273", "{written}");
        }
        assert_eq!(phone_key("+1 377 871 0100"), "778710100");
        // A vanity number's letters are the number, not an extension.
        assert_eq!(split_extension("1-800-FLOWERS"), ("1-800-FLOWERS", ""));
    }

    #[test]
    fn the_place_compared_is_the_persons_own_address_before_an_employers() {
        let address = |types: &[&str], street: &str| crate::model::Address {
            types: types.iter().map(|t| t.to_string()).collect(),
            street: Some(street.to_string()),
            ..Default::default()
        };
        // A payroll row: the employer's address first, colleagues share it.
        let mut r = Record::default();
        r.details.addresses = [
            address(&["work"], "264-12 Hallmont Dr"),
            address(&[], "1501 Interlake Ave N"),
        ]
        .into_iter()
        .collect();
        let street = |r: &Record| Place::of(r).and_then(|p| p.street).unwrap_or_default();
        assert_eq!(street(&r), "1501 interlake ave n");
        // A business card's work address is the place where it has no other.
        r.details.addresses.truncate(1);
        assert_eq!(street(&r), "264 12 hallmont dr");
    }

    #[test]
    fn a_slip_in_a_name_is_put_right_by_the_records_own_profile_or_address() {
        let respelt = |given: &str, family: &str, email: Option<&str>, linkedin: Option<&str>| {
            let mut r = Record::default();
            r.name.given = Some(given.into());
            r.name.family = Some(family.into());
            let mut name = NameKey::of(&r);
            let emails: Vec<String> = email.into_iter().map(str::to_string).collect();
            respell(&mut name, &emails, linkedin);
            format!(
                "{} {}",
                name.given.unwrap_or_default(),
                name.family.unwrap_or_default()
            )
        };
        let profile = Some("https://linkedin.com/in/zofia-novak-1d");
        assert_eq!(respelt("Zofia", "Novvak", None, profile), "zofia novak");
        assert_eq!(
            respelt(
                "Zofia",
                "Novvak",
                None,
                Some("https://linkedin.com/in/zofia-novak")
            ),
            "zofia novak"
        );
        let address = |a: &'static str| Some(a);
        assert_eq!(
            respelt(
                "Memhet",
                "Tugosen",
                address("mehmet.tugosen@gmail.com"),
                None
            ),
            "mehmet tugosen"
        );
        // Family name first in the address, a number after it.
        assert_eq!(
            respelt(
                "Arjun",
                "Sufiisen",
                address("sufimisen.arjun204@anjo.example"),
                None
            ),
            "arjun sufimisen"
        );
        // Two letters swapped, however the name ends (Brain, Brian; Diaan, Diana), and an
        // address of one word: the names run together, or the given name alone.
        assert_eq!(
            respelt(
                "Brain",
                "Keller",
                None,
                Some("https://www.linkedin.com/in/brian-keller-0a1b2c")
            ),
            "brian keller"
        );
        assert_eq!(
            respelt(
                "Diaan",
                "Stevens",
                None,
                Some("https://www.linkedin.com/in/diana-stevens")
            ),
            "diana stevens"
        );
        for (given, family, email) in [
            ("Natlaie", "Olsen", "natalieolsen@gmail.com"),
            ("Natlaie", "Olsen", "olsennatalie84@gmail.com"),
            ("Natlaie", "Olsen", "natalie@olsen-design.dk"),
            ("Natalie", "Olesn", "nolsen@olsen-design.dk"),
        ] {
            assert_eq!(
                respelt(given, family, address(email), None),
                "natalie olsen",
                "{email}"
            );
        }
        // Not a slip: a name a list knows (Jan; Marian beside Marina, of his wife's address),
        // another person's given name, a name of the other gender (Kowalska, Kowalski), another
        // initial before the name (her husband's), a mailbox no one is named.
        for (given, family, email) in [
            ("Jan", "Doe", "jon.doe@gmail.com"),
            ("Marian", "Nowak", "marinanowak@wp.pl"),
            ("Anna", "Schmidt", "peter.schmitt@gmail.com"),
            ("Anna", "Kowalska", "anna.kowalski@gmail.com"),
            ("Zofia", "Novvak", "pnovak@gmail.com"),
            ("Natlaie", "Olsen", "info@olsen-design.dk"),
        ] {
            let folded = format!("{} {}", names::fold(given), names::fold(family));
            assert_eq!(
                respelt(given, family, address(email), None),
                folded,
                "{email}"
            );
        }
    }
}
