//! Term frequencies: how often each name, organization, title, number and address occurs in
//! the data being resolved, and what agreeing on a value that rare weighs.

use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;

use super::model::Model;
use super::names;
use super::profile::{Keys, Place, Profile, Weights};

/// How often each value occurs in the data being resolved: the term frequencies.
#[derive(Debug, Default)]
pub struct Stats {
    pub(super) records: usize,
    pub(super) given: Counts,
    pub(super) family: Counts,
    pub(super) org: Counts,
    /// The first words of organization keys.
    pub(super) org_heads: Counts,
    pub(super) phones: Counts,
    /// The numbers whose every record bears one full name ([`Keys::full_name`]): a person's
    /// own, however many of their records carry it ([`phones`]).
    pub(super) one_name_phones: rustc_hash::FxHashSet<u64>,
    pub(super) titles: Counts,
    /// The handles of addresses ([`super::profile::handles`]), each once a record.
    pub(super) handles: Counts,
    /// The numbers in addresses ([`super::profile::address_numbers`]), each once a record.
    pub(super) numbers: Counts,
    /// Full names ([`Keys::full_name`]) counted by the people who bear them, as family names
    /// are ([`family_bearers`]).
    pub(super) full_names: Counts,
    /// Full names counted by the organizations seen with them, joined by shared values or
    /// not: whether anyone but a pair's own two may bear a name. One who moved from one
    /// employer to another with her mailbox, beside a third that names the name, leaves the
    /// third a stranger as likely as her.
    pub(super) full_name_orgs: Counts,
    /// Full names ([`Keys::full_name`]) no one else bears ([`lone_names`]).
    pub(super) lone_names: rustc_hash::FxHashSet<u64>,
    pub(super) postcodes: Counts,
    pub(super) localities: Counts,
    pub(super) streets: Counts,
    pub(super) regions: Counts,
    /// The custom columns that hold a code of each record's own ([`identifier_columns`]).
    pub(super) id_columns: rustc_hash::FxHashSet<u64>,
    /// What the data at hand changed in each level's weight ([`super::learn`]).
    pub model: Model,
}

/// How many records (or people) bear each value, keyed by the value's 64-bit hash: counting
/// copies no string, and two values of one hash among a million are not to be expected.
#[derive(Debug, Default)]
pub(super) struct Counts {
    pub(super) of: HashMap<u64, u32>,
    pub(super) total: u32,
}

/// The hash a value is counted under, and blocking keys are built from.
pub(super) fn hash(value: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(value)
}

impl Counts {
    /// Counts each hash as often as it occurs.
    pub(super) fn of(mut hashes: Vec<u64>) -> Counts {
        use rayon::prelude::*;
        hashes.par_sort_unstable();
        Counts::of_sorted(&hashes, |&h| h)
    }

    /// Counts each hash as often as it occurs, of items sorted by it (`hash` of each).
    fn of_sorted<T>(sorted: &[T], hash: impl Fn(&T) -> u64) -> Counts {
        let mut counts = Counts {
            total: sorted.len() as u32,
            ..Counts::default()
        };
        counts.of.reserve(sorted.len() / 2);
        for run in sorted.chunk_by(|x, y| hash(x) == hash(y)) {
            counts.of.insert(hash(&run[0]), run.len() as u32);
        }
        counts
    }

    /// The share of the other records with this value (the pair's own left out),
    /// drawn toward `typical` (the share of a typical value among people at large) as if
    /// [`PSEUDO_RECORDS`] more records had been seen: a name on three records of four is not
    /// a common name.
    pub(super) fn share(&self, value: u64, typical: f64, own: u32) -> f64 {
        let others = f64::from(self.count_hashed(value).saturating_sub(own));
        (others + PSEUDO_RECORDS * typical) / (f64::from(self.total) + PSEUDO_RECORDS)
    }

    pub(super) fn count(&self, value: &str) -> u32 {
        self.count_hashed(hash(value))
    }

    pub(super) fn count_hashed(&self, value: u64) -> u32 {
        self.of.get(&value).copied().unwrap_or(0)
    }
}

/// How many records carry each phone key, and the keys whose every record bears one full name
/// (the family name with the formal given name, Bob and Robert alike): a mobile on a person's
/// badge, two cards, a phone entry and a LinkedIn export is theirs, where a switchboard or a
/// home line is on records of several names.
fn phones(profiles: &[Profile]) -> (Counts, rustc_hash::FxHashSet<u64>) {
    use rayon::prelude::*;
    let mut seen: Vec<(u64, u64)> = profiles
        .par_iter()
        .flat_map_iter(|p| {
            let name = p.keys.full_name();
            p.keys.phones().iter().map(move |&key| (key, name))
        })
        .collect();
    seen.par_sort_unstable();
    let one_name = seen
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|run| run[0].1 != 0 && run.iter().all(|r| r.1 == run[0].1))
        .map(|run| run[0].0)
        .collect();
    (Counts::of_sorted(&seen, |r| r.0), one_name)
}

/// The full names no one else in the data bears: every record of the name names one
/// organization, or organizations its records' shared values join ([`bearer_orgs`]), or none,
/// and at most one record of it names none. A phone contact of such a
/// name that names no employer has nobody else here to be. A family name common among people
/// at large may have bearers the data does not hold: its names are left out.
pub(super) fn lone_names(profiles: &[Profile], orgs: &[u64]) -> rustc_hash::FxHashSet<u64> {
    use rayon::prelude::*;
    let mut seen: Vec<(u64, u64)> = profiles
        .par_iter()
        .zip(orgs)
        .filter(|(p, _)| {
            !p.name
                .family
                .as_deref()
                .is_some_and(names::is_common_family_name)
        })
        .map(|(p, &org)| (p.keys.full_name(), org))
        .filter(|&(name, _)| name != 0)
        .collect();
    seen.par_sort_unstable();
    seen.chunk_by(|x, y| x.0 == y.0)
        .filter(|run| lone(run))
        .map(|run| run[0].0)
        .collect()
}

/// Whether the records of one full name, as (name, organization or 0) sorted, are one
/// person's: they name one organization or none, and at most one names none.
fn lone(run: &[(u64, u64)]) -> bool {
    let bare = run.iter().take_while(|r| r.1 == 0).count();
    let orgs = run[bare..].chunk_by(|x, y| x.1 == y.1).count();
    bare <= 1 && orgs <= 1
}

/// Finds the custom columns that hold a code of each record's own (a member, customer or
/// social security number) ([`give_identifiers`] gives each profile its values there): at
/// least ten records have the column, nine values in ten look like codes ([`code_like`]),
/// four in five are of one length (codes are written to one pattern; amounts such as wages
/// or revenue are not, and two people's amounts agree by chance), at least a third of the
/// values are distinct (a column of a few values is a category, not a code), and fewer than
/// half are dates (`19820618`, `06/18/1982`: a day of a record's own, such as the date a
/// registration was made, which two people born or enrolled on one day share).
pub(super) fn identifier_columns(profiles: &[Profile]) -> rustc_hash::FxHashSet<u64> {
    use rayon::prelude::*;
    let mut seen: Vec<(u64, u64, bool, usize, bool)> = profiles
        .par_iter()
        .flat_map_iter(|p| {
            p.custom.iter().map(|(h, v)| {
                let v = v.trim();
                let code = code_like(v);
                (hash(h), hash(v), code, v.len(), code && date_shaped(v))
            })
        })
        .collect();
    seen.par_sort_unstable();
    seen.chunk_by(|x, y| x.0 == y.0)
        .filter(|run| {
            let codes = run.iter().filter(|t| t.2).count();
            let dates = run.iter().filter(|t| t.4).count();
            let distinct = run.chunk_by(|x, y| x.1 == y.1).count();
            let mut lengths = [0usize; 26];
            for t in *run {
                lengths[t.3.min(25)] += 1;
            }
            let one_length = lengths.iter().max().copied().unwrap_or_default();
            run.len() >= 10
                && codes * 10 >= run.len() * 9
                && one_length * 5 >= run.len() * 4
                && distinct * 3 >= run.len()
                && dates * 2 < run.len()
        })
        .map(|run| run[0].0)
        .collect()
}

/// Whether a value looks like a code: one word of 4 to 24 letters and digits, a digit among
/// them, not a date.
fn code_like(v: &str) -> bool {
    (4..=24).contains(&v.len())
        && v.bytes().any(|b| b.is_ascii_digit())
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'/' | b'.'))
        && !(v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-')
}

/// Whether a code-like value is written as a date: eight digits of a year from 1800 to 2199
/// and a month and day, the year first or last (`19820618`, `06181982`), or three numbers a
/// slash, dot or dash apart of which the year is first or last and one of the others can be a
/// month (`06/18/1982`, `18.06.82`, `1982-6-18`).
fn date_shaped(v: &str) -> bool {
    let num = |s: &str| s.parse::<u32>().ok();
    let year = |s: &str| num(s).is_some_and(|y| (1800..2200).contains(&y));
    let day_month = |a: &str, b: &str| {
        num(a)
            .zip(num(b))
            .is_some_and(|(a, b)| (1..=31).contains(&a) && (1..=31).contains(&b) && a.min(b) <= 12)
    };
    if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) {
        return (year(&v[..4]) && day_month(&v[4..6], &v[6..]))
            || (year(&v[4..]) && day_month(&v[..2], &v[2..4]));
    }
    let Some(sep) = ['/', '.', '-'].into_iter().find(|&c| v.contains(c)) else {
        return false;
    };
    let mut parts = v.split(sep);
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let short = |s: &str| (1..=2).contains(&s.len());
    match (a.len(), c.len()) {
        (4, _) if short(b) && short(c) => num(a).is_some() && day_month(b, c),
        (_, 2 | 4) if short(a) && short(b) => num(c).is_some() && day_month(a, b),
        _ => false,
    }
}

/// Gives each profile its values in the identifier `columns` ([`Profile::ids`]).
pub(super) fn give_identifiers(profiles: &mut [Profile], columns: &rustc_hash::FxHashSet<u64>) {
    use rayon::prelude::*;
    if columns.is_empty() {
        return;
    }
    profiles.par_iter_mut().for_each(|p| {
        for (h, v) in p.custom {
            let column = hash(h);
            if columns.contains(&column) && code_like(v.trim()) {
                p.more_mut()
                    .ids
                    .push(((column, h.clone()), v.trim().to_lowercase().into()));
            }
        }
    });
}

/// Sets the formal given name each profile is counted under ([`Keys::given`]), by the given
/// names of `given`.
fn formal_given(profiles: &mut [Profile], given: &Counts) {
    use rayon::prelude::*;
    profiles.par_iter_mut().for_each(|p| {
        if let Some(g) = p.name.given.as_deref().filter(|g| g.len() > 1) {
            p.keys.given = hash(names::canonical_given(g, |f| given.count(f)));
        }
    });
}

/// Each profile's organization as the bearers of its name are counted ([`bearers`]): the
/// organizations of one full name whose records share an address, a number, a profile or a
/// code are one person's, and count as the least of them. A worker's four employers on four
/// tax forms of one tax number, or a rep's two employers on cards of one mobile, are one
/// bearer of the name, not four or two.
pub(super) fn bearer_orgs(profiles: &[Profile]) -> Vec<u64> {
    use rayon::prelude::*;
    use rustc_hash::FxHashMap;
    // (name, value, organization) for every value a record of a full name and an organization
    // holds, sorted: each run shares one value under one name.
    let mut shared: Vec<(u64, u64, u64)> = profiles
        .par_iter()
        .map(|p| (p, p.keys.full_name()))
        .filter(|&(p, name)| p.keys.org != 0 && name != 0)
        .flat_map_iter(|(p, name)| {
            use std::hash::BuildHasher;
            let k = &p.keys;
            let ids = (p.ids().iter())
                .map(|((column, _), v)| rustc_hash::FxBuildHasher.hash_one((column, v.as_str())));
            let values = (k.mailboxes().iter())
                .chain(k.phones())
                .chain(k.handles())
                .copied()
                .chain(ids);
            values.map(move |v| (name, v, k.org))
        })
        .collect();
    shared.par_sort_unstable();
    shared.dedup();
    // Organizations joined through a shared value, as (name, organization) → the one it was
    // joined to; followed to the end, the least of its kind.
    let mut joined: FxHashMap<(u64, u64), u64> = FxHashMap::default();
    let root = |joined: &FxHashMap<(u64, u64), u64>, name: u64, mut org: u64| {
        while let Some(&next) = joined.get(&(name, org)) {
            org = next;
        }
        org
    };
    for run in shared.chunk_by(|x, y| x.0 == y.0 && x.1 == y.1) {
        let name = run[0].0;
        for pair in run.windows(2) {
            let (x, y) = (
                root(&joined, name, pair[0].2),
                root(&joined, name, pair[1].2),
            );
            if x != y {
                joined.insert((name, x.max(y)), x.min(y));
            }
        }
    }
    profiles
        .par_iter()
        .map(|p| {
            if joined.is_empty() || p.keys.org == 0 {
                p.keys.org
            } else {
                root(&joined, p.keys.full_name(), p.keys.org)
            }
        })
        .collect()
}

/// Family names counted by the people who bear them, as far as the data tells: the distinct
/// given names seen with each (Bob and Robert counted once), and for each given name the
/// distinct organizations. Ten records of one Jürgen Figoteer make the name no more common;
/// three given names with it, or one at three companies, make it several people's.
pub(super) fn family_bearers(profiles: &[Profile], orgs: &[u64]) -> Counts {
    bearers(profiles, orgs, |k| (k.family, k.given))
}

/// Full names counted by the people who bear them, as far as the data tells: the distinct
/// organizations seen with each (Bob and Robert Smith counted as one name).
pub(super) fn full_name_bearers(profiles: &[Profile], orgs: &[u64]) -> Counts {
    bearers(profiles, orgs, |k| (k.full_name(), 1))
}

/// Values counted by the people who bear them: `key` gives the value and a name within it
/// (a family name and a given name); each name counts once per organization seen with it
/// (`orgs`, [`bearer_orgs`]), once without one where it is never seen with one, and an
/// initial not at all.
fn bearers(profiles: &[Profile], orgs: &[u64], key: impl Fn(&Keys) -> (u64, u64) + Sync) -> Counts {
    use rayon::prelude::*;
    // (value, name, organization or 0) seen, as hashes, sorted: each value's are one run,
    // and within it each name's.
    let mut seen: Vec<(u64, u64, u64)> = profiles
        .par_iter()
        .zip(orgs)
        .filter(|(p, _)| p.name.family.is_some() && p.name.given.is_some())
        .map(|(p, &org)| {
            let (value, name) = key(&p.keys);
            (value, name, org)
        })
        .filter(|&(value, _, _)| value != 0)
        .collect();
    seen.par_sort_unstable();
    seen.dedup();
    // A given name seen with organizations counts once per organization; seen without one only
    // when it is never seen with one; an initial only when no given name is seen at all.
    let mut counts = Counts::default();
    for family in seen.chunk_by(|x, y| x.0 == y.0) {
        let mut bearers = 0;
        for given in family.chunk_by(|x, y| x.1 == y.1) {
            if given[0].1 == 0 {
                continue;
            }
            bearers += people(given.iter().map(|t| t.2));
        }
        let n = bearers.max(1);
        counts.of.insert(family[0].0, n);
        counts.total += n;
    }
    counts
}

/// The people the records of one name stand for, from the organizations they name (0 for
/// none), sorted: one for each organization, or one where none names any.
fn people(orgs: impl Iterator<Item = u64>) -> u32 {
    let mut seen = 0;
    let mut last = 0;
    for org in orgs {
        if org != 0 && org != last {
            seen += 1;
        }
        last = org;
    }
    seen.max(1)
}

/// Bits of evidence that agreeing on a value with this share of the records gives.
pub(super) fn rarity(share: f64, max: f64) -> f64 {
    (-share.log2()).clamp(1.0, max)
}

/// A family name this common in the population weighs no more than this share, however rare
/// it is in the data at hand (two Smiths in a file of fifty are not one person). Drawn toward
/// as the given names' share is, it merged namesakes: family names common at large come in
/// families and places, which the haul's share of them does not see.
const COMMON_FAMILY_SHARE: f64 = 1.0 / 200.0;
/// The share of a given name common among people at large ([`names::is_common_given_name`]):
/// its term frequency is drawn toward it, so that it weighs little in a small file (two
/// Christians of fifty are likely two people) and what the data says in a large one.
const COMMON_GIVEN_SHARE: f64 = 1.0 / 50.0;
/// The share of a typical given name, family name and organization among people at large.
const TYPICAL_GIVEN: f64 = 1.0 / 200.0;
const TYPICAL_FAMILY: f64 = 1.0 / 2000.0;
/// The share of a typical full name among people at large.
pub(super) const TYPICAL_FULL_NAME: f64 = TYPICAL_GIVEN * TYPICAL_FAMILY;
const TYPICAL_ORG: f64 = 1.0 / 1000.0;
const TYPICAL_TITLE: f64 = 1.0 / 100.0;
/// The share of a typical address handle: about a full name's.
const TYPICAL_HANDLE: f64 = 1.0 / 100_000.0;
/// The share of people at large who put this number after their name in an address: two
/// digits and years of birth are picked by many (`84`, `1975`), a longer number by few.
fn typical_number(number: &str) -> f64 {
    match number.len() {
        0..=2 => 1.0 / 50.0,
        4 if number.starts_with("19") || number.starts_with("20") => 1.0 / 60.0,
        3 => 1.0 / 1000.0,
        4 => 1.0 / 10_000.0,
        _ => 1.0 / 100_000.0,
    }
}
/// The share of a typical postcode, locality, street (with its number) and region.
pub(super) const TYPICAL_POSTCODE: f64 = 1.0 / 2000.0;
pub(super) const TYPICAL_LOCALITY: f64 = 1.0 / 500.0;
pub(super) const TYPICAL_STREET: f64 = 1.0 / 50_000.0;
pub(super) const TYPICAL_REGION: f64 = 1.0 / 10.0;
/// How many records of people at large the term frequencies start from.
const PSEUDO_RECORDS: f64 = 1000.0;
/// The prior assumes at least this many people, the contacts one person meets: two records in
/// a small file are not likely one person just because the file is small.
/// What agreeing on a title weighs less than its rarity says: sources word one job differently as
/// often as not.
const TITLE: f64 = 1.0;
const MIN_POPULATION: f64 = 1_000.0;

impl Stats {
    /// The prior's odds that two records are one person are one in this many: the records,
    /// and at least [`MIN_POPULATION`].
    pub(super) fn population(&self) -> f64 {
        (self.records as f64).max(MIN_POPULATION)
    }

    /// The term frequencies of `profiles`; sets the formal given name each profile is counted
    /// under by the given names the data holds.
    pub fn of(profiles: &mut [Profile]) -> Stats {
        use rayon::prelude::*;
        let id_columns = identifier_columns(profiles);
        give_identifiers(profiles, &id_columns);
        let given = Counts::of(
            profiles
                .par_iter()
                .filter_map(|p| p.name.given.as_deref())
                .map(hash)
                .collect(),
        );
        formal_given(profiles, &given);
        let profiles = &*profiles;
        let bearer_orgs = bearer_orgs(profiles);
        let bearer_orgs = &bearer_orgs[..];
        let plain_orgs: Vec<u64> = profiles.par_iter().map(|p| p.keys.org).collect();
        let plain_orgs = &plain_orgs[..];
        // Organizations and their first words, from the hashes the profiles hold.
        let orgs = |key: fn(&Keys) -> u64| {
            Counts::of(
                profiles
                    .par_iter()
                    .filter(|p| p.org.is_some())
                    .map(|p| key(&p.keys))
                    .collect(),
            )
        };
        let phones = || phones(profiles);
        let titles = || {
            Counts::of(
                profiles
                    .par_iter()
                    .filter_map(|p| p.title.as_deref())
                    .map(hash)
                    .collect(),
            )
        };
        let place = |part: fn(&Place) -> &Option<CompactString>| {
            Counts::of(
                profiles
                    .par_iter()
                    .filter_map(|p| p.place().and_then(|x| part(x).as_deref()))
                    .map(hash)
                    .collect(),
            )
        };
        let places = || {
            rayon::join(
                || rayon::join(|| place(|x| &x.postcode), || place(|x| &x.locality)),
                || rayon::join(|| place(|x| &x.street), || place(|x| &x.region)),
            )
        };
        // The address handles and numbers, from the hashes the profiles hold.
        let hashed = |part: fn(&Keys) -> &[u64]| {
            Counts::of(
                profiles
                    .par_iter()
                    .flat_map_iter(|p| part(&p.keys).iter().copied())
                    .collect(),
            )
        };
        // Each count is filled on one thread: all at once, on every core.
        let (
            ((family, org), ((org_heads, (phones, one_name_phones)), (titles, full_name_orgs))),
            (((handles, numbers), (full_names, lone_names)), places),
        ) = rayon::join(
            || {
                rayon::join(
                    || rayon::join(|| family_bearers(profiles, bearer_orgs), || orgs(|k| k.org)),
                    || {
                        rayon::join(
                            || rayon::join(|| orgs(|k| k.org_head), phones),
                            || rayon::join(titles, || full_name_bearers(profiles, plain_orgs)),
                        )
                    },
                )
            },
            || {
                rayon::join(
                    || {
                        rayon::join(
                            || rayon::join(|| hashed(Keys::handles), || hashed(Keys::numbers)),
                            || {
                                rayon::join(
                                    || full_name_bearers(profiles, bearer_orgs),
                                    || lone_names(profiles, bearer_orgs),
                                )
                            },
                        )
                    },
                    places,
                )
            },
        );
        let ((postcodes, localities), (streets, regions)) = places;
        Stats {
            handles,
            numbers,
            records: profiles.len(),
            given,
            family,
            org,
            org_heads,
            phones,
            one_name_phones,
            titles,
            full_names,
            full_name_orgs,
            lone_names,
            postcodes,
            localities,
            streets,
            regions,
            id_columns,
            model: Model::default(),
        }
    }

    /// The counts, in the order a snapshot keeps them.
    pub(super) fn counts(&self) -> [&Counts; 14] {
        [
            &self.given,
            &self.family,
            &self.org,
            &self.org_heads,
            &self.phones,
            &self.titles,
            &self.postcodes,
            &self.localities,
            &self.streets,
            &self.regions,
            &self.handles,
            &self.numbers,
            &self.full_names,
            &self.full_name_orgs,
        ]
    }

    pub(super) fn counts_mut(&mut self) -> [&mut Counts; 14] {
        [
            &mut self.given,
            &mut self.family,
            &mut self.org,
            &mut self.org_heads,
            &mut self.phones,
            &mut self.titles,
            &mut self.postcodes,
            &mut self.localities,
            &mut self.streets,
            &mut self.regions,
            &mut self.handles,
            &mut self.numbers,
            &mut self.full_names,
            &mut self.full_name_orgs,
        ]
    }

    /// Counts records added to the data these frequencies were taken of: `subset` holds them
    /// from `new_from` on, after the records already counted that share a blocking key with
    /// them. Identifier values and formal given names are set on every profile of `subset`;
    /// the added records' given names, organizations, numbers, titles and places are counted
    /// (a family name first seen as one bearer); whether each of their numbers and full names
    /// is one person's is decided again from the records of `subset` that bear it.
    pub fn add(&mut self, subset: &mut [Profile], new_from: usize) {
        give_identifiers(subset, &self.id_columns);
        let bump = |counts: &mut Counts, value: u64| {
            *counts.of.entry(value).or_default() += 1;
            counts.total += 1;
        };
        for p in &subset[new_from..] {
            if let Some(g) = p.name.given.as_deref() {
                bump(&mut self.given, hash(g));
            }
        }
        formal_given(subset, &self.given);
        let subset = &*subset;
        for p in &subset[new_from..] {
            if p.name.family.is_some()
                && p.name.given.is_some()
                && let std::collections::hash_map::Entry::Vacant(e) =
                    self.family.of.entry(p.keys.family)
            {
                e.insert(1);
                self.family.total += 1;
            }
            if p.org.is_some() {
                bump(&mut self.org, p.keys.org);
                bump(&mut self.org_heads, p.keys.org_head);
            }
            if let Some(t) = p.title.as_deref() {
                bump(&mut self.titles, hash(t));
            }
            for &k in p.keys.phones() {
                bump(&mut self.phones, k);
            }
            for &h in p.keys.handles() {
                bump(&mut self.handles, h);
            }
            for &n in p.keys.numbers() {
                bump(&mut self.numbers, n);
            }
            if let Some(place) = p.place() {
                for (counts, part) in [
                    (&mut self.postcodes, &place.postcode),
                    (&mut self.localities, &place.locality),
                    (&mut self.streets, &place.street),
                    (&mut self.regions, &place.region),
                ] {
                    if let Some(v) = part.as_deref() {
                        bump(counts, hash(v));
                    }
                }
            }
        }
        self.records += subset.len() - new_from;
        // A number is one person's when every record bearing it bears one full name; the
        // subset holds them all unless the number is on too many records to be anyone's.
        let mut by_phone: HashMap<u64, Vec<u64>> = HashMap::default();
        // Each full name's records as (name, organization as its bearers are counted,
        // organization).
        let mut by_name: HashMap<u64, Vec<(u64, u64, u64)>> = HashMap::default();
        for (p, org) in subset.iter().zip(bearer_orgs(subset)) {
            let name = p.keys.full_name();
            for &key in p.keys.phones() {
                by_phone.entry(key).or_default().push(name);
            }
            if name != 0 {
                by_name
                    .entry(name)
                    .or_default()
                    .push((name, org, p.keys.org));
            }
        }
        for key in subset[new_from..].iter().flat_map(|p| p.keys.phones()) {
            let names = &by_phone[key];
            let all = names.len() as u32 == self.phones.count_hashed(*key);
            if all && names[0] != 0 && names.iter().all(|&n| n == names[0]) {
                self.one_name_phones.insert(*key);
            } else {
                self.one_name_phones.remove(key);
            }
        }
        for p in &subset[new_from..] {
            let name = p.keys.full_name();
            let Some(bearers) = by_name.get_mut(&name) else {
                continue;
            };
            bearers.sort_unstable();
            let joined: Vec<(u64, u64)> = bearers.iter().map(|b| (b.0, b.1)).collect();
            let common = p
                .name
                .family
                .as_deref()
                .is_some_and(names::is_common_family_name);
            if !common && lone(&joined) {
                self.lone_names.insert(name);
            } else {
                self.lone_names.remove(&name);
            }
            // The name's people and organizations as the subset counts them; not fewer than
            // counted before, when a name too common to block on left some of its records
            // out.
            let mut orgs: Vec<u64> = bearers.iter().map(|b| b.2).collect();
            orgs.sort_unstable();
            for (counts, counted) in [
                (&mut self.full_names, people(joined.iter().map(|b| b.1))),
                (&mut self.full_name_orgs, people(orgs.into_iter())),
            ] {
                let before = counts.of.entry(name).or_default();
                if counted > *before {
                    counts.total += counted - *before;
                    *before = counted;
                }
            }
        }
    }

    /// Makes profiles of records these statistics counted ready to be compared, as they were
    /// when counted: their identifier values, formal given names and weights.
    pub fn prepare(&self, profiles: &mut [Profile]) {
        give_identifiers(profiles, &self.id_columns);
        formal_given(profiles, &self.given);
        self.weigh(profiles);
    }

    /// What agreeing on a part of an address weighs: its rarity in the data.
    pub(super) fn place_weight(&self, counts: &Counts, value: &str, typical: f64, max: f64) -> f64 {
        rarity(counts.share(hash(value), typical, 2), max)
    }

    /// Fills in the weights of every profile's values.
    pub fn weigh(&self, profiles: &mut [Profile]) {
        use rayon::prelude::*;
        profiles.par_iter_mut().for_each(|p| {
            p.weights = Weights {
                given: p
                    .name
                    .given
                    .as_deref()
                    .map_or(0.0, |g| self.given_weight(g)),
                family: p
                    .name
                    .family
                    .as_deref()
                    .map_or(0.0, |f| self.family_weight(f)),
                org: p.org.as_deref().map_or(0.0, |o| self.org_weight(o)),
                title: p.title.as_deref().map_or(0.0, |t| self.title_weight(t)),
            };
        });
    }

    pub(super) fn given_weight(&self, given: &str) -> f64 {
        let typical = match names::is_common_given_name(given) {
            true => COMMON_GIVEN_SHARE,
            false => TYPICAL_GIVEN,
        };
        rarity(self.given.share(hash(given), typical, 2), 12.0)
    }

    pub(super) fn family_weight(&self, family: &str) -> f64 {
        let mut share = self.family.share(hash(family), TYPICAL_FAMILY, 1);
        if names::is_common_family_name(family) {
            share = share.max(COMMON_FAMILY_SHARE);
        }
        rarity(share, 18.0)
    }

    /// What agreeing on the organizations that begin with this first word ([`Keys`]) weighs.
    pub(super) fn org_head_weight(&self, head: u64) -> f64 {
        rarity(self.org_heads.share(head, TYPICAL_ORG, 2), 16.0)
    }

    /// A title shared by one record in fourteen tells little; one of a few records, more: up
    /// to the 16 bits an organization's rarity may weigh (two namesakes at two employers
    /// seldom share a title few people hold). A person's title is written differently from
    /// source to source as often as not, hence the bit taken off.
    pub(super) fn title_weight(&self, title: &str) -> f64 {
        (rarity(self.titles.share(hash(title), TYPICAL_TITLE, 2), 16.0) - TITLE).max(TITLE)
    }

    /// What one handle at two domains weighs: its rarity among the records' handles.
    pub(super) fn handle_weight(&self, key: u64) -> f64 {
        rarity(self.handles.share(key, TYPICAL_HANDLE, 2), 16.0)
    }

    /// What one number after the name in two addresses weighs: its rarity among the numbers
    /// the records' addresses hold, drawn toward how many people at large pick it.
    pub(super) fn number_weight(&self, number: &str) -> f64 {
        rarity(
            self.numbers.share(hash(number), typical_number(number), 2),
            16.0,
        )
    }

    pub(super) fn org_weight(&self, org: &str) -> f64 {
        rarity(self.org.share(hash(org), TYPICAL_ORG, 2), 16.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Term frequencies of `total` records, `bearing` of which bear the given name `name`.
    fn given(total: u32, name: &str, bearing: u32) -> Stats {
        let mut stats = Stats::default();
        stats.given.total = total;
        stats.given.of.insert(hash(name), bearing);
        stats
    }

    #[test]
    fn a_given_name_common_at_large_weighs_what_a_large_haul_says_of_it() {
        // Two Christians in a file of fifty are likely two people: the name is common at large.
        let small = given(50, "christian", 2).given_weight("christian");
        assert!((5.0..6.0).contains(&small), "{small}");
        // 300 of 300,000 records: the haul itself says one record in a thousand.
        let large = given(300_000, "christian", 300).given_weight("christian");
        assert!((9.5..10.5).contains(&large), "{large}");
        // Where the haul bears it as often as people at large do, it weighs as it did.
        let many = given(300_000, "christian", 6_000).given_weight("christian");
        assert!((5.0..6.0).contains(&many), "{many}");
        // A name not common at large, on as few records, weighs more.
        let rare = given(50, "siobhan", 2).given_weight("siobhan");
        assert!(rare > small + 1.0, "{rare} {small}");
    }

    /// The identifier columns of records whose custom fields are `rows`.
    fn columns_of<const N: usize>(
        rows: &[[(CompactString, CompactString); N]],
    ) -> rustc_hash::FxHashSet<u64> {
        let profiles: Vec<Profile> = rows
            .iter()
            .map(|custom| Profile {
                custom,
                ..Profile::default()
            })
            .collect();
        identifier_columns(&profiles)
    }

    #[test]
    fn a_column_of_codes_is_an_identifier_and_a_column_of_amounts_is_not() {
        // A payroll export: each form's tax number and wages.
        let rows: Vec<[(CompactString, CompactString); 2]> = (0..40u32)
            .map(|i| {
                let ssn = format!("{:03}-{:02}-{:04}", 100 + i * 7, 10 + i, 1000 + i * 37);
                let wages = [7042, 24798, 42890, 130671, 9639][i as usize % 5] + i;
                [
                    ("ssn".into(), ssn.into()),
                    ("wages".into(), wages.to_string().into()),
                ]
            })
            .collect();
        let columns = columns_of(&rows);
        assert!(columns.contains(&hash("ssn")));
        // Wages of four to six digits agree by chance, and say nothing of who is who.
        assert!(!columns.contains(&hash("wages")));
    }

    #[test]
    fn a_column_of_dates_is_no_identifier() {
        // A social security extract: each record's event and the day of it, a birth's the
        // birthday. Two people born on one day share it; their codes are their own.
        let rows: Vec<[(CompactString, CompactString); 3]> = (0..40u32)
            .map(|i| {
                let day = format!("19{:02}{:02}{:02}", 40 + i, 1 + i % 12, 1 + i % 28);
                let us = format!("{:02}/{:02}/19{:02}", 1 + i % 12, 1 + i % 28, 40 + i);
                let member = format!("{:08}", 31_250_000 + i * 7_919);
                [
                    ("event_date".into(), day.into()),
                    ("enrolled".into(), us.into()),
                    ("member_no".into(), member.into()),
                ]
            })
            .collect();
        let columns = columns_of(&rows);
        assert!(!columns.contains(&hash("event_date")));
        assert!(!columns.contains(&hash("enrolled")));
        // Eight-digit member numbers are codes, not days.
        assert!(columns.contains(&hash("member_no")));
        assert!(date_shaped("1982-6-18") && date_shaped("18.06.82") && date_shaped("19821806"));
        assert!(date_shaped("06181982") && date_shaped("06/18/1982"));
        assert!(
            !date_shaped("424-56-6383") && !date_shaped("31257919") && !date_shaped("A1/B2/C3")
        );
    }
}
