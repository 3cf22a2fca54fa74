//! Blocking: the candidate pairs, from records that share a key. All pairs are never
//! compared; a key that too many records share (a role address, a company's switchboard, the
//! commonest names) is reported instead of scored.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::model;
use super::names;
use super::profile::Profile;
use super::stats::hash;

/// A way of finding candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    Email,
    Phone,
    LinkedIn,
    /// Family name and the initial of the given name (or of the formal name a nickname is
    /// short for: Bob Smith meets Robert Smith).
    FamilyInitial,
    /// Given and family names in either order (Doe Jane, Jane Doe).
    FullName,
    /// The family name's consonant skeleton and the initial: typos and spellings that sound
    /// alike (Kalomison, Kallomison).
    FamilySound,
    /// Organization and the given name, or the formal name a nickname is short for: a changed
    /// family name (marriage) at one employer. (The initial alone brought every colleague of
    /// that initial together: at 200,000 people, 655,000 pairs instead of 296,000, for 18 more
    /// merged pairs of 261,804.)
    OrgGiven,
    /// Organization and family name; an organization also blocks under each shorter name of
    /// it that another record uses (`Acme Widgets` under `Acme`).
    OrgFamily,
    /// Date of birth with its year.
    Birthday,
    /// Postcode and the street's first word (its number, as a rule).
    Place,
    /// A value of an identifier-like column.
    Identifier,
    /// An address handle ([`super::profile::handles`]) at any domain.
    Handle,
    /// The family name's initial and a number after the name in an address
    /// ([`super::profile::address_numbers`]): `maria.schmidt7945@`, `mschmidt7945@`.
    NumberFamily,
}

impl Rule {
    pub fn label(self) -> &'static str {
        match self {
            Rule::Email => "email",
            Rule::Phone => "phone",
            Rule::LinkedIn => "LinkedIn profile",
            Rule::FamilyInitial => "family name + initial",
            Rule::FullName => "full name, either order",
            Rule::FamilySound => "family name sound + initial",
            Rule::OrgGiven => "organization + given name",
            Rule::OrgFamily => "organization + family name",
            Rule::Birthday => "date of birth",
            Rule::Place => "postcode + street number",
            Rule::Identifier => "identifier column",
            Rule::Handle => "address handle",
            Rule::NumberFamily => "family initial + number in address",
        }
    }

    /// The comparisons ([`model::group`]) a pair this rule finds agrees on by its finding.
    pub fn stands_on(self) -> u16 {
        use model::{Comparison as C, group};
        match self {
            Rule::Email | Rule::Handle => group(C::Email),
            Rule::Phone => group(C::Phone),
            Rule::LinkedIn => group(C::LinkedIn),
            Rule::FamilyInitial | Rule::FullName | Rule::FamilySound => group(C::Family),
            Rule::OrgGiven | Rule::OrgFamily => group(C::Org) | group(C::Family),
            Rule::NumberFamily => group(C::Email) | group(C::Family),
            Rule::Birthday => group(C::Birthday),
            Rule::Place => group(C::Postcode),
            Rule::Identifier => group(C::Identifier),
        }
    }

    /// Past this many records a key no longer says who someone is. A name alone shared by
    /// more than 30 records is a common name: it can send a pair to review but never merge it,
    /// and its pairs grow with the square of its records (at 200,000 people, a cap of 100 on
    /// names scored 3.1 million pairs, 30 scored 1.9 million, with the same merges).
    fn cap(self) -> usize {
        match self {
            Rule::Email | Rule::Phone | Rule::LinkedIn => 50,
            Rule::FamilyInitial | Rule::FamilySound | Rule::FullName => 30,
            Rule::OrgGiven | Rule::OrgFamily => 100,
            Rule::Birthday | Rule::Place => 30,
            Rule::Identifier | Rule::Handle | Rule::NumberFamily => 50,
        }
    }
}

/// Candidate pairs per rule, before pairs found by several rules are counted once.
#[derive(Debug, Clone, Default)]
pub struct RuleCount {
    pub rule: Option<Rule>,
    pub blocks: usize,
    pub pairs: u64,
}

/// A key shared by more records than its rule allows: not scored.
#[derive(Debug, Clone)]
pub struct CappedBlock {
    pub rule: Rule,
    pub key: String,
    pub records: usize,
}

/// The candidate pairs, each once, `(a, b)` with `a < b`, and how they were found.
#[derive(Debug, Default)]
pub struct Blocking {
    pub pairs: Vec<(u32, u32)>,
    pub per_rule: Vec<RuleCount>,
    pub capped: Vec<CappedBlock>,
    /// The hash of every organization key in the data, as the keys took them
    /// ([`rules_finding`] needs them again).
    pub orgs: HashSet<u64>,
}

/// The blocking keys of one record, each given to `emit` as the key (its rule and a hash of the
/// hashes the profile holds, [`key`]) and, for the report of a key too many share, its text;
/// `orgs`: the hash of every organization key in the data.
fn keys(p: &Profile, orgs: &HashSet<u64>, emit: &mut impl FnMut(u64, &dyn Fn() -> String)) {
    let hashes = &p.keys;
    for (e, &h) in p.emails.iter().zip(hashes.mailboxes()) {
        emit(key(Rule::Email, &[h]), &|| e.clone());
    }
    for (k, &h) in p.phones.iter().zip(hashes.phones()) {
        emit(key(Rule::Phone, &[h]), &|| k.to_string());
    }
    for &h in p.keys.handles() {
        emit(key(Rule::Handle, &[h]), &|| {
            super::profile::handle_hashed(&p.emails, h)
                .unwrap_or_default()
                .to_string()
        });
    }
    // The family name's initial, not the name: a slip in one record's family name is not in
    // the number (Tormotjarides, `tormorjarides.r7028@`). Two digits many people pick
    // (`jsmith84@`, `anna.berg12@`): with the family initial alone they find strangers by the
    // thousand, so the given name's initial goes with them.
    if let Some(initial) = p.name.family.as_deref().and_then(|f| f.chars().next()) {
        let given = p.name.given.as_deref().and_then(|g| g.chars().next());
        for &n in p.keys.numbers() {
            let number = super::profile::number_hashed(&p.emails, n)
                .unwrap_or_default()
                .1;
            let given = given.filter(|_| number.len() <= 2).map_or(0, u64::from);
            emit(
                key(Rule::NumberFamily, &[u64::from(initial), n, given]),
                &|| format!("{initial}|{number}"),
            );
        }
    }
    if let Some(u) = &p.linkedin {
        emit(key(Rule::LinkedIn, &[hash(u)]), &|| u.to_string());
    }
    if let Some(d) = p.birthday().filter(|d| d.len() == 8) {
        emit(key(Rule::Birthday, &[hash(d)]), &|| d.to_string());
    }
    if let Some(place) = p.place()
        && let (Some(code), Some(street)) = (&place.postcode, &place.street)
    {
        let first = street.split([' ', '\n']).next().unwrap_or_default();
        emit(key(Rule::Place, &[hash(code), hash(first)]), &|| {
            format!("{code}|{first}")
        });
        // With each name part it has: where a town's records share one postcode, or an
        // institution's residents one number, the place alone is too common a key, and a
        // record missing a name part (`J. Wyman`, `Colleen B.`) meets the records of its one
        // name there.
        for part in [p.name.given.as_deref(), p.name.family.as_deref()]
            .into_iter()
            .flatten()
            .filter(|part| part.len() > 1)
        {
            emit(
                key(Rule::Place, &[hash(code), hash(first), hash(part)]),
                &|| format!("{code}|{first}|{part}"),
            );
        }
    }
    for ((column, _), value) in p.ids() {
        emit(key(Rule::Identifier, &[*column, hash(value)]), &|| {
            value.to_string()
        });
    }
    let (given, family) = (p.name.given.as_deref(), p.name.family.as_deref());
    if let (Some(g), Some(f)) = (given, family) {
        let formal = p.name.given_formal;
        let mut initials: Vec<char> = g.chars().take(1).collect();
        initials.extend(formal.iter().filter_map(|formal| formal.chars().next()));
        // The nickname the record gives is a name the person goes by (Zhang Wei (David)).
        let nickname = p.name.nickname();
        initials.extend(nickname.and_then(|n| n.chars().next()));
        // The name a Vietnamese name is called by, after its middle name (Thị Hoa: Hoa).
        initials.extend(p.name.called_by().and_then(|n| n.chars().next()));
        initials.sort_unstable();
        initials.dedup();
        let sound = names::skeleton(f);
        let sound_hash = hash(&sound);
        // Each word of a family name of several (García López, Silva Santos, Lefèvre-Dupont)
        // blocks too: one source writes both surnames, another the one the person goes by.
        let parts = family_words(f, p.name.family_starts);
        for &i in &initials {
            emit(
                key(Rule::FamilyInitial, &[hashes.family, u64::from(i)]),
                &|| format!("{f}|{i}"),
            );
            for part in parts.iter().filter(|part| part.len() >= 3) {
                emit(
                    key(Rule::FamilyInitial, &[hash(part), u64::from(i)]),
                    &|| format!("{part}|{i}"),
                );
            }
            // A family name the person bore before meets records of it (Walsh (Morrison)).
            if let Some(former) = p.name.former_family() {
                emit(
                    key(Rule::FamilyInitial, &[hash(former), u64::from(i)]),
                    &|| format!("{former}|{i}"),
                );
            }
            emit(key(Rule::FamilySound, &[sound_hash, u64::from(i)]), &|| {
                format!("{sound}|{i}")
            });
        }
        let (x, y) = if g <= f { (g, f) } else { (f, g) };
        emit(key(Rule::FullName, &[hash(x), hash(y)]), &|| {
            format!("{x}|{y}")
        });
        // A family name and a middle name typed into the given name's field (Nguyễn Văn |
        // Minh): its first word and the family name, in either order, meet Minh Nguyen.
        if let Some(first) = g
            .get(..usize::from(p.name.given_first))
            .filter(|w| !w.is_empty())
        {
            let (x, y) = if first <= f { (first, f) } else { (f, first) };
            emit(key(Rule::FullName, &[hash(x), hash(y)]), &|| {
                format!("{x}|{y}")
            });
        }
        if let Some(org) = &p.org {
            let org_hash = hashes.org;
            let names = std::iter::once(g)
                .chain(formal.iter().map(String::as_str))
                .chain(nickname);
            for name in names {
                emit(key(Rule::OrgGiven, &[org_hash, hash(name)]), &|| {
                    format!("{org}|{name}")
                });
            }
            for (end, _) in org.match_indices(' ').chain([(org.len(), "")]) {
                let shorter = &org[..end];
                let shorter_hash = if end == org.len() {
                    org_hash
                } else {
                    hash(shorter)
                };
                if end == org.len() || orgs.contains(&shorter_hash) {
                    emit(
                        key(Rule::OrgFamily, &[shorter_hash, hashes.family]),
                        &|| format!("{shorter}|{f}"),
                    );
                }
            }
        }
    }
}

/// The words of a folded family name of several words, where `starts` (as [`names::fold_parts`]
/// gives it) says they start; none for a name of one word.
pub(super) fn family_words(family: &str, starts: u32) -> smallvec::SmallVec<[&str; 2]> {
    let mut words = smallvec::SmallVec::new();
    if starts == 0 {
        return words;
    }
    let mut from = 0;
    for i in (1..family.len().min(32)).filter(|&i| starts & (1 << i) != 0) {
        words.push(&family[from..i]);
        from = i;
    }
    words.push(&family[from..]);
    words
}

/// The rules that find the pair `a`, `b`: the ones whose keys the two share; `orgs` as
/// [`block`] has it.
pub fn rules_finding(a: &Profile, b: &Profile, orgs: &HashSet<u64>) -> u16 {
    let mut mine: smallvec::SmallVec<[u64; 16]> = smallvec::SmallVec::new();
    keys(a, orgs, &mut |k, _| mine.push(k));
    let mut found = 0u16;
    keys(b, orgs, &mut |k, _| {
        if mine.contains(&k) {
            found |= 1 << (k >> 56);
        }
    });
    found
}

/// The rule of each bit [`rules_finding`] sets.
pub fn rule_of_bit(bit: u32) -> Rule {
    RULES[bit as usize]
}

/// The hash of every organization key in the data, as [`keys`] takes them.
fn organizations(profiles: &[Profile]) -> HashSet<u64> {
    use rayon::prelude::*;
    profiles
        .par_iter()
        .filter(|p| p.org.is_some())
        .map(|p| p.keys.org)
        .collect()
}

/// A key as a number: the rule in the top byte, a hash of the hashes of its parts below. Two
/// values that hash alike only add candidate pairs, which scoring then tells apart.
fn key(rule: Rule, parts: &[u64]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    for &part in parts {
        h.write_u64(part);
    }
    ((rule as u64) << 56) | (h.finish() >> 8)
}

fn rule_of(hash: u64) -> Rule {
    RULES[(hash >> 56) as usize]
}

const RULES: [Rule; 13] = [
    Rule::Email,
    Rule::Phone,
    Rule::LinkedIn,
    Rule::FamilyInitial,
    Rule::FullName,
    Rule::FamilySound,
    Rule::OrgGiven,
    Rule::OrgFamily,
    Rule::Birthday,
    Rule::Place,
    Rule::Identifier,
    Rule::Handle,
    Rule::NumberFamily,
];

/// Finds the candidate pairs of `profiles`: every record's keys as (key, record) entries,
/// sorted, so that the records of one key are one run.
pub fn block(profiles: &[Profile]) -> Blocking {
    use rayon::prelude::*;
    let orgs = organizations(profiles);
    let entries: Vec<Entry> = entries(profiles, &orgs);
    // The pairs are made on every core: the keys are cut into ranges that end where a key
    // does, each range counts its pairs, and then writes them to its own place in one vector.
    let ranges = ranges_of_keys(&entries, rayon::current_num_threads() * 16);
    let tallies: Vec<Tally> = ranges
        .par_iter()
        .map(|range| tally(&entries[range.clone()], profiles, &orgs))
        .collect();
    let mut pairs = filled(
        tallies.iter().map(|t| t.pairs).zip(ranges).collect(),
        |range| pairs_of(&entries[range]),
    );
    drop(entries);
    pairs.par_sort_unstable();
    pairs.dedup();
    let mut counts: HashMap<Rule, RuleCount> = HashMap::default();
    let mut capped = Vec::new();
    for t in tallies {
        for c in t.counts {
            let count = counts
                .entry(c.rule.expect("a tally names its rule"))
                .or_default();
            count.rule = c.rule;
            count.blocks += c.blocks;
            count.pairs += c.pairs;
        }
        capped.extend(t.capped);
    }
    let mut per_rule: Vec<RuleCount> = counts.into_values().collect();
    per_rule.sort_by_key(|c| c.rule);
    capped.sort_by(|a, b| b.records.cmp(&a.records).then(a.key.cmp(&b.key)));
    Blocking {
        pairs,
        per_rule,
        capped,
        orgs,
    }
}

/// Every record's blocking keys as (key, record number) entries, sorted, each once: what
/// records added later are blocked against ([`neighbours`], [`block_added`]). `orgs`: the hash
/// of every organization key in the data ([`Blocking::orgs`]).
pub fn entries<T: From<Entry> + Ord + Send>(profiles: &[Profile], orgs: &HashSet<u64>) -> Vec<T> {
    use rayon::prelude::*;
    // Keys are hashed in parallel, a slice of records at a time, straight into one vector:
    // each slice's keys are counted first, then written to the place the counts reserve.
    // Hashing twice (0.03 s at 200,000 people) costs less than holding the keys twice, in
    // slices and gathered (blocking's peak at a million people: 3.41 GB before, 3.31 after).
    const SLICE: usize = 4096;
    let slices: Vec<(usize, (usize, &[Profile]))> = profiles
        .par_chunks(SLICE)
        .enumerate()
        .map(|(n, slice)| {
            let mut count = 0;
            for p in slice {
                keys(p, orgs, &mut |_, _| count += 1);
            }
            (count, (n * SLICE, slice))
        })
        .collect();
    let mut entries = filled(slices, |(first, slice)| {
        slice.iter().enumerate().flat_map(move |(i, p)| {
            let record = (first + i) as u32;
            let mut found = smallvec::SmallVec::<[T; 16]>::new();
            keys(p, orgs, &mut |key, _| found.push(T::from((key, record))));
            found
        })
    });
    entries.par_sort_unstable();
    entries.dedup();
    entries
}

/// A blocking key and the record that has it.
pub type Entry = (u64, u32);

/// A blocking key kept for records added later ([`super::Snapshot`]) and the record that has
/// it, in 12 bytes rather than an [`Entry`]'s 16: a million people keep some 17 million.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(C, packed(4))]
pub struct KeptKey {
    key: u64,
    record: u32,
}

const _: () = assert!(std::mem::size_of::<KeptKey>() == 12);

impl KeptKey {
    pub fn new(key: u64, record: u32) -> KeptKey {
        KeptKey { key, record }
    }

    pub fn key(self) -> u64 {
        self.key
    }

    pub fn record(self) -> u32 {
        self.record
    }
}

impl From<Entry> for KeptKey {
    fn from((key, record): Entry) -> KeptKey {
        KeptKey { key, record }
    }
}

/// Finds the candidate pairs of records added to data blocked before: `profiles` holds them
/// from `new_from` on, after the records of `counted` (the keys kept of the data before,
/// [`entries`], with its record numbers) that share a key with them. A key is
/// capped as it would be in all the data: by the records of `counted` with it and the added
/// ones. Gives the pairs (indexes into `profiles`) and the added records' keys, as (key,
/// index into `profiles`).
pub fn block_added(
    profiles: &[Profile],
    orgs: &HashSet<u64>,
    counted: &[KeptKey],
    new_from: usize,
) -> (Vec<(u32, u32)>, Vec<Entry>) {
    let mut entries = sorted_keys(profiles, orgs);
    let mut pairs = Vec::new();
    for run in entries.chunk_by(|x, y| x.0 == y.0) {
        if run.len() < 2 {
            continue;
        }
        let before = kept_with(counted, run[0].0).len();
        let added = run.iter().filter(|e| e.1 as usize >= new_from).count();
        if before + added > rule_of(run[0].0).cap() {
            continue;
        }
        pairs.extend(
            run.iter()
                .enumerate()
                .flat_map(|(x, &(_, a))| run[x + 1..].iter().map(move |&(_, b)| (a, b))),
        );
    }
    pairs.sort_unstable();
    pairs.dedup();
    entries.retain(|e| e.1 as usize >= new_from);
    (pairs, entries)
}

/// Every key of `profiles`, as (key, index into `profiles`), sorted, each once.
fn sorted_keys(profiles: &[Profile], orgs: &HashSet<u64>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for (i, p) in profiles.iter().enumerate() {
        keys(p, orgs, &mut |key, _| entries.push((key, i as u32)));
    }
    entries.sort_unstable();
    entries.dedup();
    entries
}

/// The entries of sorted `counted` with `key`.
fn kept_with(counted: &[KeptKey], key: u64) -> &[KeptKey] {
    let start = counted.partition_point(|e| e.key() < key);
    let len = counted[start..].partition_point(|e| e.key() == key);
    &counted[start..start + len]
}

/// The records of `counted` (kept keys, [`entries`]) that share a key of
/// `profiles` not too many records hold (with those of `profiles`): the records that added
/// ones may be.
pub fn neighbours(profiles: &[Profile], orgs: &HashSet<u64>, counted: &[KeptKey]) -> Vec<u32> {
    let mut found = Vec::new();
    for run in sorted_keys(profiles, orgs).chunk_by(|x, y| x.0 == y.0) {
        let kept = kept_with(counted, run[0].0);
        if kept.len() + run.len() <= rule_of(run[0].0).cap() {
            found.extend(kept.iter().map(|e| e.record()));
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// One vector of the items of `sources`, each given with how many items it makes: every
/// source's are written on a core of their own, to the place that count reserves.
fn filled<S, I>(sources: Vec<(usize, S)>, items: impl Fn(S) -> I + Sync) -> Vec<I::Item>
where
    S: Send,
    I: Iterator,
    I::Item: Send,
{
    use rayon::prelude::*;
    let total = sources.iter().map(|(n, _)| n).sum();
    let mut all = Vec::with_capacity(total);
    let mut free = all.spare_capacity_mut();
    let mut places = Vec::with_capacity(sources.len());
    for (n, source) in sources {
        let (place, rest) = free.split_at_mut(n);
        places.push((place, source));
        free = rest;
    }
    places.into_par_iter().for_each(|(place, source)| {
        let mut written = 0;
        for (slot, item) in place.iter_mut().zip(items(source)) {
            slot.write(item);
            written += 1;
        }
        assert_eq!(
            written,
            place.len(),
            "a source makes as many items as it said"
        );
    });
    // SAFETY: the places lie end to end over the first `total` slots, and each was written
    // whole (asserted above).
    unsafe { all.set_len(total) };
    all
}

/// About `n` ranges of the sorted keys, each ending where a key ends.
fn ranges_of_keys(entries: &[(u64, u32)], n: usize) -> Vec<std::ops::Range<usize>> {
    let step = entries.len().div_ceil(n.max(1)).max(1);
    let mut ranges = Vec::with_capacity(n + 1);
    let mut start = 0;
    while start < entries.len() {
        let mut end = (start + step).min(entries.len());
        while end < entries.len() && entries[end].0 == entries[end - 1].0 {
            end += 1;
        }
        ranges.push(start..end);
        start = end;
    }
    ranges
}

/// What the keys of one range give: the pairs they will make, per rule, and the keys too many
/// records share.
#[derive(Default)]
struct Tally {
    pairs: usize,
    counts: Vec<RuleCount>,
    capped: Vec<CappedBlock>,
}

fn tally(entries: &[(u64, u32)], profiles: &[Profile], orgs: &HashSet<u64>) -> Tally {
    let mut tally = Tally::default();
    for run in entries.chunk_by(|x, y| x.0 == y.0) {
        if run.len() < 2 {
            continue;
        }
        let rule = rule_of(run[0].0);
        if run.len() > rule.cap() {
            // The value, for the report: the key of the first record that hashes alike.
            let mut key = String::new();
            keys(&profiles[run[0].1 as usize], orgs, &mut |k, text| {
                if key.is_empty() && k == run[0].0 {
                    key = text();
                }
            });
            tally.capped.push(CappedBlock {
                rule,
                key,
                records: run.len(),
            });
            continue;
        }
        let pairs = run.len() * (run.len() - 1) / 2;
        tally.pairs += pairs;
        match tally.counts.iter_mut().find(|c| c.rule == Some(rule)) {
            Some(count) => {
                count.blocks += 1;
                count.pairs += pairs as u64;
            }
            None => tally.counts.push(RuleCount {
                rule: Some(rule),
                blocks: 1,
                pairs: pairs as u64,
            }),
        }
    }
    tally
}

/// The pairs of the keys of one range, those [`tally`] counted.
fn pairs_of(entries: &[(u64, u32)]) -> impl Iterator<Item = (u32, u32)> + '_ {
    entries
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|run| run.len() >= 2 && run.len() <= rule_of(run[0].0).cap())
        .flat_map(|run| {
            run.iter()
                .enumerate()
                .flat_map(move |(x, &(_, a))| run[x + 1..].iter().map(move |&(_, b)| (a, b)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::names::NameKey;

    fn person(given: &str, family: &str, org: Option<&str>) -> Profile<'static> {
        let mut p = Profile {
            name: NameKey {
                given: Some(names::fold(given).into()),
                family: Some(names::fold(family).into()),
                ..NameKey::default()
            },
            org: org.map(|o| o.to_string().into()),
            ..Profile::default()
        };
        p.name.index();
        p.index();
        p
    }

    #[test]
    fn nicknames_swaps_and_typos_meet() {
        let profiles = vec![
            person("Robert", "Smith", None),
            person("Bob", "Smith", None),
            person("Smith", "Robert", None),
            person("Jane", "Kalomison", None),
            person("Jane", "Kallomison", None),
            person("Zoe", "Other", None),
        ];
        let found = block(&profiles).pairs;
        for pair in [(0, 1), (0, 2), (3, 4)] {
            assert!(found.contains(&pair), "{pair:?} in {found:?}");
        }
        assert!(!found.iter().any(|&(a, b)| a == 5 || b == 5));
    }

    #[test]
    fn a_changed_family_name_meets_at_one_employer_but_not_every_colleague() {
        let profiles = vec![
            person("Jane", "Doe", Some("acme")),
            person("Jane", "Smith", Some("acme")),
            person("Bob", "Kalomison", Some("acme")),
            person("Robert", "Ventusen", Some("acme")),
            person("John", "Quiri", Some("acme")),
        ];
        let found = block(&profiles).pairs;
        for pair in [(0, 1), (2, 3)] {
            assert!(found.contains(&pair), "{pair:?} in {found:?}");
        }
        // Jane and John share an employer and an initial, nothing more.
        assert!(!found.contains(&(0, 4)), "{found:?}");
    }

    #[test]
    fn a_double_surname_meets_the_one_a_source_kept() {
        let double = |given: &str, family: &str| {
            let mut p = person(given, "x", None);
            let (folded, starts) = names::fold_parts(family, |c| c == '-' || c == ' ');
            p.name.family = Some(folded.into());
            p.name.family_starts = starts;
            p.name.index();
            p.index();
            p
        };
        let profiles = vec![
            double("Maria", "García López"),
            person("María", "García", None),
            double("João", "Silva Santos"),
            person("Joao", "Santos", None),
            double("Anne", "Dupont-Lefèvre"),
            person("Anne", "Lefevre", None),
            // Another initial: no candidate.
            person("Luis", "López", None),
        ];
        let found = block(&profiles).pairs;
        for pair in [(0, 1), (2, 3), (4, 5)] {
            assert!(found.contains(&pair), "{pair:?} in {found:?}");
        }
        assert!(!found.contains(&(0, 6)), "{found:?}");
    }

    /// [`person`] with one email address.
    fn with(given: &str, family: &str, email: &str) -> Profile<'static> {
        let mut p = person(given, family, None);
        p.emails = std::borrow::Cow::Owned(vec![email.to_string()]);
        p.index();
        p
    }

    #[test]
    fn a_number_kept_in_addresses_meets_through_a_slip_in_the_family_name() {
        let profiles = vec![
            with(
                "Robert",
                "Tormotjarides",
                "robert.tormorjarides.7028@yandex.ru",
            ),
            with("Rob", "Tormorjarides", "tormorjarides.r7028@globex.example"),
            // Another number, or the number of someone of another family name.
            with(
                "Robert",
                "Tormorjarides",
                "tormorjarides.r7029@globex.example",
            ),
            with("Robert", "Lee", "robert.lee7028@gmail.com"),
        ];
        let found = block(&profiles).pairs;
        assert!(found.contains(&(0, 1)), "{found:?}");
        assert!(!found.contains(&(0, 2)), "{found:?}");
        assert!(!found.contains(&(0, 3)), "{found:?}");
    }

    #[test]
    fn two_digits_in_addresses_meet_only_with_both_initials() {
        let profiles = vec![
            with("John", "Smith", "jsmith84@gmail.com"),
            with("John", "Smiht", "john.smiht84@yahoo.com"),
            // Many pick 84: another given name's initial is a stranger.
            with("Wendy", "Sanders", "wendy.sanders84@hotmail.com"),
        ];
        let found = block(&profiles).pairs;
        assert!(found.contains(&(0, 1)), "{found:?}");
        assert!(!found.contains(&(0, 2)), "{found:?}");
        assert!(!found.contains(&(1, 2)), "{found:?}");
    }

    #[test]
    fn ranges_end_where_a_key_ends() {
        let entries: Vec<(u64, u32)> = (0..1000u32).map(|i| (u64::from(i / 7), i)).collect();
        let ranges = ranges_of_keys(&entries, 32);
        assert!(ranges.len() > 1);
        assert_eq!(ranges.first().map(|r| r.start), Some(0));
        assert_eq!(ranges.last().map(|r| r.end), Some(entries.len()));
        for pair in ranges.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            let (before, after) = (entries[pair[0].end - 1].0, entries[pair[1].start].0);
            assert_ne!(before, after, "a key split between two ranges");
        }
    }

    #[test]
    fn every_pair_of_a_shared_key_is_found_whatever_the_ranges() {
        // Families of 1 to 12 people: blocks of every size, cut into many ranges.
        let families = [
            "Kalomi", "Wenri", "Dorsu", "Bergva", "Tuleyo", "Ramondi", "Sterfi",
        ];
        let mut profiles = Vec::new();
        let mut expected = std::collections::BTreeSet::new();
        for (f, family) in families.iter().enumerate() {
            let start = profiles.len() as u32;
            for _ in 0..(f * 2 + 1).min(12) {
                profiles.push(person("Zed", family, None));
            }
            let end = profiles.len() as u32;
            for a in start..end {
                for b in a + 1..end {
                    expected.insert((a, b));
                }
            }
        }
        let found: std::collections::BTreeSet<(u32, u32)> =
            block(&profiles).pairs.into_iter().collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn a_record_missing_a_name_part_meets_its_one_name_at_a_place_many_share() {
        // A care home's residents: one postcode and number for all of them, too many to pair.
        let at_home = |given: Option<&str>, family: &str| {
            let mut p = person(given.unwrap_or("x"), family, None);
            if given.is_none() {
                p.name.given = None;
            }
            p.more_mut().place = Some(crate::resolve::profile::Place {
                street: Some("2333 westminster place".into()),
                postcode: Some("98101".into()),
                ..Default::default()
            });
            p.name.index();
            p.index();
            p
        };
        let mut profiles: Vec<Profile> = (0..40)
            .map(|i| at_home(Some(&format!("Resident{i}")), &format!("Family{i}")))
            .collect();
        // The census wrote his family name alone; his payroll, his whole name.
        profiles.push(at_home(None, "Wyman"));
        profiles.push(at_home(Some("Gregory"), "Wyman"));
        let blocking = block(&profiles);
        assert!(blocking.pairs.contains(&(40, 41)), "{:?}", blocking.pairs);
        assert!(
            blocking.capped.iter().any(|c| c.key == "98101|2333"),
            "{:?}",
            blocking.capped
        );
        // Residents of other names are not paired by the place.
        assert!(!blocking.pairs.contains(&(0, 1)));
    }

    #[test]
    fn a_key_too_many_share_is_capped_and_reported() {
        let mut profiles = sharing(60);
        profiles.push(person("Jane", "Doe", None));
        let blocking = block(&profiles);
        assert!(blocking.pairs.is_empty());
        assert_eq!(blocking.capped.len(), 1);
        assert_eq!(blocking.capped[0].key, "info@acme.example");
        assert_eq!(blocking.capped[0].records, 60);
    }

    /// `n` records of one role address, each of its own name.
    fn sharing(n: usize) -> Vec<Profile<'static>> {
        (0..n)
            .map(|i| {
                let mut p = Profile {
                    emails: vec!["info@acme.example".into()].into(),
                    name: NameKey {
                        given: Some(format!("g{i}").into()),
                        ..NameKey::default()
                    },
                    ..Profile::default()
                };
                p.name.index();
                p.index();
                p
            })
            .collect()
    }

    #[test]
    fn records_added_meet_those_kept_as_in_all_the_data_and_a_key_capped_there_is_capped() {
        for (before, capped) in [(10, false), (49, false), (50, true), (60, true)] {
            let kept = block(&sharing(before));
            let kept_entries = entries(&sharing(before), &kept.orgs);
            let mut added = sharing(1);
            added.push(person("Jane", "Doe", None));
            let near = neighbours(&added, &kept.orgs, &kept_entries);
            assert_eq!(near.len(), if capped { 0 } else { before }, "{before}");
            // Resolved again with those it may be, the added record is paired with each of
            // them, as blocking all the records would pair it.
            let mut subset: Vec<Profile> = near.iter().map(|_| sharing(1).remove(0)).collect();
            subset.extend(added);
            let (pairs, keys) = block_added(&subset, &kept.orgs, &kept_entries, near.len());
            let all = block(&[sharing(before), sharing(1)].concat()).pairs;
            assert_eq!(pairs.len(), all.len(), "{before}");
            assert!(keys.iter().all(|&(_, i)| i as usize >= near.len()));
        }
    }
}
