//! Stage 3, **resolve**: which records are one person, in explicit steps, one file each.
//!
//! 1. **Profiles** (`profile.rs`): what scoring needs of each record, folded and hashed once;
//!    name knowledge (nicknames, spellings, transliterations, name parts) is `names.rs`.
//! 2. **Term frequencies** (`stats.rs`): how rare each value is in the data at hand, and what
//!    agreeing on it weighs.
//! 3. **Blocking** (`block.rs`): candidate pairs from shared keys (email, phone, LinkedIn
//!    profile, name keys, organization keys, date of birth, address, identifiers), never all
//!    pairs; a key shared by too many records is reported, not scored.
//! 4. **Learning** (`learn.rs`): each comparison level's weight re-estimated from the data
//!    (u from random pairs, m by expectation-maximisation on the candidate pairs), from the
//!    priors of the level table (`model.rs`), where every weight is with its reason.
//! 5. **Scoring** (`score.rs`): the named evidence for each candidate pair in bits of
//!    log-odds, and its band, merge, review or separate ([`Score::band`], the one rule that
//!    decides a merge).
//! 6. **Clustering** (`cluster.rs`): merge-band pairs joined strongest first; no group may
//!    hold two records that a refusal or strong evidence keeps apart, so a chain between two
//!    people is cut at its weakest link.
//! 7. **Merged view** (`merge.rs`): every distinct value kept, preferred values by stated
//!    rules.
//!
//! The review band and the refused joins are listed for a person to decide.
//!
//! A store keeps what a resolve of all its records learned (`snapshot.rs`: term frequencies,
//! learned weights, every record's blocking keys), and a few records added later are resolved
//! against it with the records they may be ([`resolve_added`]), not with every record again.

mod block;
mod cluster;
mod explain;
mod learn;
mod merge;
mod model;
pub mod names;
mod profile;
pub mod score;
mod snapshot;
mod stats;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::{Contact, Record};
use crate::progress::Timing;
pub use block::{CappedBlock, RuleCount};
pub use explain::explain;
use profile::Profile;
pub use score::{Band, Score};
pub use snapshot::Snapshot;
/// What a resolve learned of its data that weighing a pair of its records needs: how many
/// records bear each value, and the weights learned ([`Snapshot::learned`]).
pub use stats::Stats as Learned;
use stats::Stats;

/// A full name borne by at most this many people here (the pair's own two, at two employers)
/// is one person's when a name alone joins records of two employers ([`Resolver::one_rare_name`]).
const RARE_NAME_BEARERS: u32 = 2;
/// Evidence beyond names, addresses, numbers and employers ([`score::Score::corroboration`])
/// of at least this weight anchors a link between records at two employers, as a shared
/// number does: a namesake at another employer shares it one time in 4,000. A title alone
/// (8 bits where titles are as varied as a few hundred records each) does not; a title and a
/// town, or a date of birth, do.
const CORROBORATED: f64 = 12.0;

/// A pair of contacts that may be one person but were not merged, for a person to decide.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReviewPair {
    pub left: usize,
    pub right: usize,
    pub score: f64,
    pub evidence: String,
}

/// What the resolver did, for `-v`.
#[derive(Debug, Default)]
pub struct Report {
    pub per_rule: Vec<RuleCount>,
    pub capped: Vec<CappedBlock>,
    /// Distinct candidate pairs scored.
    pub candidates: usize,
    pub merge_band: usize,
    pub review_band: usize,
    /// Merge-band pairs not joined because the join would put two conflicting records in one
    /// contact.
    pub refused: usize,
    /// How long each step took.
    pub timings: Vec<Timing>,
}

/// The contacts the records form, the pairs left for review (as contact indexes), and how.
#[derive(Debug, Default)]
pub struct Resolved {
    pub contacts: Vec<Contact>,
    pub review: Vec<ReviewPair>,
    pub report: Report,
}

/// A record pair left for review: its records, total and evidence.
type Noted = (usize, usize, f64, String);

/// Where evidence names a record, until [`name_records`] writes it as the user names it.
fn record_mark(index: usize) -> String {
    format!("\u{1}{index}\u{1}")
}

/// Writes each record [`record_mark`] marks in `text` as `FILE:RECORD` (the file's name, its
/// sheet too for a workbook), as `rolo split` and `--explain` take it.
fn name_records(text: &mut String, records: &[Record]) {
    if !text.contains('\u{1}') {
        return;
    }
    let mut out = String::with_capacity(text.len());
    for (i, piece) in text.split('\u{1}').enumerate() {
        match (
            i % 2,
            piece.parse::<usize>().ok().and_then(|r| records.get(r)),
        ) {
            (1, Some(r)) => out.push_str(&r.prov().short()),
            _ => out.push_str(piece),
        }
    }
    *text = out;
}

/// The records' profiles and term frequencies: what scoring a pair needs.
pub struct Resolver<'a> {
    profiles: Vec<Profile<'a>>,
    stats: Stats,
    blocking: Option<block::Blocking>,
    timings: Vec<Timing>,
}

/// Writes the candidate pairs blocking found, as `file,record,file,record` lines, for a
/// benchmark to measure how many of the true pairs reach scoring (`ROLO_CANDIDATES=PATH`). A
/// diagnostic: a failure to write is reported and the run goes on.
fn write_candidates(path: &std::path::Path, records: &[Record], pairs: &[(u32, u32)]) {
    use std::io::Write;
    let name = |i: u32| {
        records[i as usize].prov.as_ref().map_or_else(
            || format!(",{i}"),
            |p| {
                let file = std::path::Path::new(&*p.file)
                    .file_name()
                    .map_or_else(|| p.file.to_string(), |n| n.to_string_lossy().into_owned());
                format!("{file},{}", p.record)
            },
        )
    };
    let written = fs_err::File::create(path).and_then(|file| {
        let mut out = std::io::BufWriter::new(file);
        for &(a, b) in pairs {
            writeln!(out, "{},{}", name(a), name(b))?;
        }
        out.flush()
    });
    if let Err(e) = written {
        eprintln!("rolo: ROLO_CANDIDATES: {e}");
    }
}

/// What clustering asks of a scored pair ([`cluster::Clash`]): whether its organizations differ,
/// and whether something keeps its two records apart, a given name alone or more.
#[derive(Debug, Clone, Copy)]
struct Verdict {
    orgs_differ: bool,
    /// What keeps the two apart ([`Score::keeps_apart_by`]).
    apart_by: score::Settle,
}

/// A pair scored in the merge or the review band, as clustering and review ask of it.
struct Scored {
    a: u32,
    b: u32,
    total: f64,
    /// In the merge band; else in the review band.
    merge: bool,
    /// A number more records bear than one person's usually do anchors a link whose names
    /// agree throughout: the person's badge, card, phone entry and address book, one spelling
    /// the name in full and another not; so does a handle or number of the person's choosing
    /// in two addresses, or a title, a town or a date of birth agreeing ([`CORROBORATED`]).
    anchored: bool,
    verdict: Verdict,
}

impl Scored {
    /// The pair `a`, `b` of score `s`, unless it is in neither band.
    fn of(a: u32, b: u32, s: &Score) -> Option<Scored> {
        let band = s.band();
        (band != Band::Separate).then(|| Scored {
            a,
            b,
            total: s.total,
            merge: band == Band::Merge,
            anchored: s.identified
                || s.shares_code
                || s.orgs_agree
                || ((s.shares_number || s.shares_handle || s.corroboration >= CORROBORATED)
                    && !s.has_conflict()),
            verdict: Verdict::of(s),
        })
    }
}

impl Verdict {
    fn of(s: &Score) -> Verdict {
        Verdict {
            orgs_differ: s.orgs_differ,
            apart_by: s.keeps_apart_by(),
        }
    }
}

impl<'a> Resolver<'a> {
    /// The records' profiles, term frequencies, candidate pairs and the weights they give.
    pub fn new(records: &'a [Record]) -> Resolver<'a> {
        let mut clock = std::time::Instant::now();
        let mut timings = Vec::new();
        // Each step's end gives back what it freed ([`crate::memory`]).
        let mut lap = |step: &'static str| {
            timings.push(Timing::since(step, clock));
            crate::memory::give_back();
            clock = std::time::Instant::now();
        };
        let mut profiles: Vec<Profile> = records.par_iter().map(Profile::of).collect();
        let mut stats = Stats::of(&mut profiles);
        stats.weigh(&mut profiles);
        lap("profiles and term frequencies");
        let blocking = block::block(&profiles);
        lap("blocking");
        if let Some(path) = std::env::var_os("ROLO_CANDIDATES") {
            write_candidates(std::path::Path::new(&path), records, &blocking.pairs);
            lap("writing the candidate pairs (ROLO_CANDIDATES)");
        }
        stats.model = learn::learn(&profiles, &stats, &blocking);
        lap("learning the weights");
        Resolver {
            profiles,
            stats,
            blocking: Some(blocking),
            timings,
        }
    }

    /// The evidence that records `a` and `b` are one person, with every label written.
    pub fn explain(&self, a: usize, b: usize) -> Score {
        score::score(&self.profiles[a], &self.profiles[b], &self.stats, true)
    }

    /// The two records bear one full name (Bob and Robert alike) whose family name is not
    /// common at large and that no one else here bears, and their addresses are not numbered
    /// apart: one person seen at two employers, as a job change leaves them, not two people of
    /// a common name: the name is seen at two organizations at most. Others may bear the
    /// family name (Aoife Dorbergjoez is not Siobhán's
    /// namesake); a person who moved keeps the number after the name in their addresses
    /// (`yusuf.bebergez158236@` at both), where namesakes' numbers differ.
    fn one_rare_name(&self, x: u32, y: u32) -> bool {
        let (a, b) = (&self.profiles[x as usize], &self.profiles[y as usize]);
        let name = a.keys.full_name();
        name != 0
            && name == b.keys.full_name()
            && !a
                .name
                .family
                .as_deref()
                .is_some_and(names::is_common_family_name)
            && self.stats.full_name_orgs.count_hashed(name) <= RARE_NAME_BEARERS
            && !score::numbered_apart_by_name(a, b)
    }

    /// Whether two records bear one given name: equal, a nickname of the other, or another
    /// spelling of it (not an initial, not a name cut short).
    fn given_names_agree(&self, a: u32, b: u32) -> bool {
        let (a, b) = (&self.profiles[a as usize], &self.profiles[b as usize]);
        match (a.name.given.as_deref(), b.name.given.as_deref()) {
            (Some(x), Some(y)) if x.len() > 1 && y.len() > 1 => names::given_agrees(x, y),
            _ => false,
        }
    }

    /// Whether two records agree on a comparison a conflict may be on ([`score::Settle`]):
    /// their given names ([`Resolver::given_names_agree`]), their family names as folded, or
    /// their dates of birth.
    fn agree_on(&self, on: u8, a: u32, b: u32) -> bool {
        let (x, y) = (&self.profiles[a as usize], &self.profiles[b as usize]);
        match on {
            score::Settle::GIVEN => self.given_names_agree(a, b),
            score::Settle::FAMILY => x.name.family.is_some() && x.name.family == y.name.family,
            score::Settle::BIRTHDAY => x.birthday().is_some() && x.birthday() == y.birthday(),
            _ => false,
        }
    }

    /// Whether the two records' family names are one mistyped ([`score::family_alike`]).
    fn family_alike(&self, a: u32, b: u32) -> bool {
        let (x, y) = (&self.profiles[a as usize], &self.profiles[b as usize]);
        match (x.name.family.as_deref(), y.name.family.as_deref()) {
            (Some(x), Some(y)) => score::family_alike(x, y),
            _ => false,
        }
    }

    fn quick(&self, a: u32, b: u32) -> Score {
        score::score(
            &self.profiles[a as usize],
            &self.profiles[b as usize],
            &self.stats,
            false,
        )
    }

    /// Groups the records: blocking, scoring, clustering. Returns the groups (record indexes),
    /// the record pairs for review with their scores and evidence, and the report.
    fn groups(
        &self,
        blocking: block::Blocking,
        timings: Vec<Timing>,
        decisions: &Decisions,
        sealed: &[Option<(u64, u64)>],
    ) -> (Vec<Vec<usize>>, Vec<Noted>, Report) {
        let mut clock = std::time::Instant::now();
        // Each step's end gives back what it freed ([`crate::memory`]).
        let mut lap = |report: &mut Report, step: &'static str| {
            report.timings.push(Timing::since(step, clock));
            crate::memory::give_back();
            clock = std::time::Instant::now();
        };
        let mut report = Report {
            candidates: blocking.pairs.len(),
            timings,
            ..Report::default()
        };
        let mut links = Vec::new();
        let mut review = Vec::new();
        // Pairs are scored in parallel; each keeps its band.
        let apart = |x: u32, y: u32| {
            let exported_apart = match (sealed.get(x as usize), sealed.get(y as usize)) {
                (Some(Some((file_x, id_x))), Some(Some((file_y, id_y)))) => {
                    file_x == file_y && id_x != id_y
                }
                _ => false,
            };
            exported_apart
                || decisions
                    .apart
                    .contains(&(x.min(y) as usize, x.max(y) as usize))
        };
        // Each pair scored above the line is kept as what the rest asks of it, not as its
        // score (168 bytes a pair: at a million people, half a gigabyte while scoring).
        let scored: Vec<Scored> = blocking
            .pairs
            .par_chunks(2048)
            .flat_map_iter(|chunk| {
                chunk.iter().enumerate().filter_map(move |(i, &(a, b))| {
                    // The second record of a pair a dozen ahead, and its hashes six ahead.
                    if let Some(&(_, c)) = chunk.get(i + 12) {
                        self.profiles[c as usize].prefetch(false);
                    }
                    if let Some(&(_, c)) = chunk.get(i + 6) {
                        self.profiles[c as usize].prefetch(true);
                    }
                    Scored::of(a, b, &self.quick(a, b))
                })
            })
            .collect();
        drop(blocking.pairs);
        // What clustering asks of a pair, kept from scoring: nearly every pair whose groups it
        // weighs joining was scored here (at 200,000 people, 97% of 167,000).
        let mut verdicts: rustc_hash::FxHashMap<(u32, u32), Verdict> =
            rustc_hash::FxHashMap::default();
        verdicts.reserve(scored.len());
        for Scored {
            a,
            b,
            total,
            merge,
            anchored,
            verdict,
        } in scored
        {
            verdicts.insert((a, b), verdict);
            if merge {
                links.push(cluster::Link {
                    total,
                    a,
                    b,
                    anchored,
                    forced: false,
                    joins_alone: (anchored || !verdict.orgs_differ || self.one_rare_name(a, b))
                        && !apart(a, b),
                })
            } else {
                review.push((a, b));
            }
        }
        lap(&mut report, "scoring");
        report.merge_band = links.len();
        report.review_band = review.len();
        links.extend(decisions.together.iter().map(|&(a, b)| cluster::Link {
            total: f64::INFINITY,
            a: a as u32,
            b: b as u32,
            anchored: true,
            forced: true,
            joins_alone: !apart(a as u32, b as u32),
        }));
        let conflict = |x, y, by_name, forced| {
            use cluster::Clash;
            if apart(x, y) {
                return Clash::Other;
            }
            if forced {
                return Clash::None;
            }
            let v = verdicts
                .get(&(x.min(y), x.max(y)))
                .copied()
                .unwrap_or_else(|| Verdict::of(&self.quick(x, y)));
            if (by_name && v.orgs_differ && !self.one_rare_name(x, y))
                || v.apart_by.has(score::Settle::OTHER)
                || (v.apart_by.has(score::Settle::FAMILY) && !self.family_alike(x, y))
            {
                Clash::Other
            } else if v.apart_by.any() {
                Clash::Settled(v.apart_by.0)
            } else {
                Clash::None
            }
        };
        let (clusters, refused) = cluster::cluster(
            self.profiles.len(),
            links,
            conflict,
            |on, x, y| self.agree_on(on, x, y),
            |z, x| {
                self.profiles[z as usize]
                    .name
                    .short_form_of(&self.profiles[x as usize].name)
            },
        );
        report.refused = refused.len();
        lap(&mut report, "clustering");
        let mut pairs: Vec<Noted> = review
            .into_par_iter()
            .map(|(a, b)| {
                let s = self.explain(a as usize, b as usize);
                (
                    a as usize,
                    b as usize,
                    s.total,
                    format!("{} → {}", s.summary(), s.band()),
                )
            })
            .collect();
        for r in refused {
            let (a, b) = (r.pair.0 as usize, r.pair.1 as usize);
            let s = self.explain(a, b);
            let (x, y) = (r.conflict.0 as usize, r.conflict.1 as usize);
            let clash = self.explain(x, y);
            let why = clash.strong_conflict().map_or_else(
                || "organizations differ, joined by name alone".to_string(),
                |e| e.label.clone(),
            );
            pairs.push((
                a,
                b,
                s.total,
                format!(
                    "{} → merge refused: would join {} and {} ({why})",
                    s.summary(),
                    record_mark(x),
                    record_mark(y)
                ),
            ));
        }
        lap(&mut report, "evidence for review");
        report.per_rule = blocking.per_rule;
        report.capped = blocking.capped;
        (clusters.into_groups(), pairs, report)
    }
}

/// What users decided about who is who: pairs of records that are one person, pairs that are
/// not. A decision wins over any evidence.
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    pub together: Vec<(usize, usize)>,
    /// Pairs (smaller index first) never to be in one contact.
    pub apart: rustc_hash::FxHashSet<(usize, usize)>,
}

/// The evidence that `records`, one contact's in the order they were resolved in, are one
/// person, as the resolve that `learned` comes from weighed it: between the contact's first
/// record and each other, as `--explain` writes it, records named `FILE:RECORD`.
pub fn why(learned: &Learned, records: &[Record]) -> String {
    let mut profiles: Vec<Profile> = records.iter().map(Profile::of).collect();
    learned.prepare(&mut profiles);
    let members: Vec<usize> = (0..records.len()).collect();
    let mut text = evidence(&profiles, learned, &members, records);
    name_records(&mut text, records);
    text
}

/// The evidence between a group's first record and each other, as `--explain` writes it
/// (records named by [`record_mark`]).
fn evidence(profiles: &[Profile], stats: &Stats, members: &[usize], records: &[Record]) -> String {
    let mut members = members.to_vec();
    members.sort_by_key(|&m| merge::order(m, &records[m]));
    let Some((&first, rest)) = members.split_first() else {
        return String::new();
    };
    let mut out = String::new();
    for &other in rest {
        out.push_str(&explain::pair(records, first, other, record_mark));
        out.push_str(&score::score(&profiles[first], &profiles[other], stats, true).waterfall());
    }
    out
}

/// Groups the records into contacts.
pub fn resolve(records: &mut [Record]) -> Resolved {
    resolve_with(records, &Decisions::default())
}

/// Groups the records into contacts, following the users' decisions.
pub fn resolve_with(records: &mut [Record], decisions: &Decisions) -> Resolved {
    resolve_inner(records, decisions, None)
}

/// Groups the records into contacts as [`resolve_with`] does, handing what the resolve learned
/// of them, for records added later ([`resolve_added`]) and to say why a contact's records are
/// one person ([`why`]), to `hand` once the profiles are let go of and before the contacts are
/// made: a caller that writes it away holds it beside neither.
pub fn resolve_handing(
    records: &mut [Record],
    decisions: &Decisions,
    hand: &mut dyn FnMut(Snapshot),
) -> Resolved {
    resolve_inner(records, decisions, Some(hand))
}

/// For each record read from one of rolo's own exports, its file and the contact it was there
/// (as hashes): two of one file that were two contacts stay two, whatever they share (the
/// first run kept them apart). Empty when no record was.
fn sealed(records: &[Record]) -> Vec<Option<(u64, u64)>> {
    if !records.iter().any(|r| r.rare().exported_as.is_some()) {
        return Vec::new();
    }
    records
        .iter()
        .map(|r| {
            let id = r.rare().exported_as.as_deref()?;
            let file = r.prov.as_ref().map(|p| &*p.file).unwrap_or_default();
            Some((stats::hash(file), stats::hash(id)))
        })
        .collect()
}

fn resolve_inner(
    records: &mut [Record],
    decisions: &Decisions,
    hand: Option<&mut dyn FnMut(Snapshot)>,
) -> Resolved {
    let sealed = sealed(records);
    let (groups, pairs, report, snapshot) = {
        let mut resolver = Resolver::new(records);
        let blocking = resolver.blocking.take().unwrap_or_default();
        let orgs = hand.is_some().then(|| blocking.orgs.clone());
        let timings = std::mem::take(&mut resolver.timings);
        let (groups, pairs, report) = resolver.groups(blocking, timings, decisions, &sealed);
        // Every record's keys, found again once the candidate pairs are let go of rather than
        // held through scoring beside them (0.1 s at 200,000 people, 55 MB off the peak).
        let snapshot = orgs.map(|orgs| Snapshot {
            entries: block::entries(&resolver.profiles, &orgs),
            stats: resolver.stats,
            orgs,
            records: records.len() as u32,
        });
        (groups, pairs, report, snapshot)
    };
    // The profiles are let go of: the merged view is made in their memory.
    crate::memory::give_back();
    if let Some((hand, snapshot)) = hand.zip(snapshot) {
        hand(snapshot);
        crate::memory::give_back();
    }
    assemble(records, groups, pairs, report)
}

/// Resolves records added to data resolved before, against what that resolve learned
/// (`snapshot`, which then knows them too); the weights are not learned again. `records` are
/// the added records after the records resolved before that share a blocking key with them
/// ([`Snapshot::neighbours`]) and every other record of their contacts; `global` is each
/// one's number among all records, in ascending order, the added ones numbered from
/// [`Snapshot::records`] on. Gives the contacts of `records`, their members as indexes into
/// `records`, with why each is one person.
pub fn resolve_added(
    snapshot: &mut Snapshot,
    records: &mut [Record],
    global: &[u32],
    decisions: &Decisions,
) -> Resolved {
    let new_from = global.partition_point(|&g| g < snapshot.records);
    let sealed = sealed(records);
    let mut stats = std::mem::take(&mut snapshot.stats);
    let (groups, pairs, report, stats, added) = {
        let mut profiles: Vec<Profile> = records.par_iter().map(Profile::of).collect();
        stats.add(&mut profiles, new_from);
        stats.weigh(&mut profiles);
        for p in profiles[new_from..].iter().filter(|p| p.org.is_some()) {
            snapshot.orgs.insert(p.keys.org);
        }
        let (pairs, added) =
            block::block_added(&profiles, &snapshot.orgs, &snapshot.entries, new_from);
        let blocking = block::Blocking {
            pairs,
            ..block::Blocking::default()
        };
        let resolver = Resolver {
            profiles,
            stats,
            blocking: None,
            timings: Vec::new(),
        };
        let (groups, pairs, report) = resolver.groups(blocking, Vec::new(), decisions, &sealed);
        (groups, pairs, report, resolver.stats, added)
    };
    snapshot.stats = stats;
    // Two sorted runs: the stable sort merges them in one pass.
    let entries = &mut snapshot.entries;
    let first_added = entries.len();
    entries.extend(
        added
            .into_iter()
            .map(|(key, i)| block::KeptKey::new(key, global[i as usize])),
    );
    entries[first_added..].sort_unstable();
    entries.sort();
    snapshot.records += (records.len() - new_from) as u32;
    assemble(records, groups, pairs, report)
}

/// One review line per pair of contacts, smaller index first, with the strongest evidence of
/// the pair (the first of equals), its score to a tenth; the strongest first. A pair within
/// one contact is none.
pub fn review_lines(pairs: impl IntoIterator<Item = ReviewPair>) -> Vec<ReviewPair> {
    let mut best: HashMap<(usize, usize), ReviewPair> = HashMap::new();
    for pair in pairs {
        let key = (pair.left.min(pair.right), pair.left.max(pair.right));
        if key.0 == key.1 || best.get(&key).is_some_and(|b| b.score >= pair.score) {
            continue;
        }
        let (left, right) = key;
        best.insert(
            key,
            ReviewPair {
                left,
                right,
                ..pair
            },
        );
    }
    let mut review: Vec<ReviewPair> = best
        .into_values()
        .map(|p| ReviewPair {
            score: (p.score * 10.0).round() / 10.0,
            ..p
        })
        .collect();
    review.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then((a.left, a.right).cmp(&(b.left, b.right)))
    });
    review
}

/// The contacts the groups of records make, with the review pairs as contact pairs.
fn assemble(
    records: &mut [Record],
    groups: Vec<Vec<usize>>,
    mut pairs: Vec<Noted>,
    mut report: Report,
) -> Resolved {
    for (_, _, _, evidence) in &mut pairs {
        name_records(evidence, records);
    }
    let clock = std::time::Instant::now();
    let mut contact_of = vec![0; records.len()];
    for (c, members) in groups.iter().enumerate() {
        for &m in members {
            contact_of[m] = c;
        }
    }
    // Each record is in one group: the groups take their records apart and merge in parallel.
    let mut slots: Vec<Option<&mut Record>> = records.iter_mut().map(Some).collect();
    let work: Vec<Vec<(usize, &mut Record)>> = groups
        .into_iter()
        .map(|members| {
            members
                .into_iter()
                .map(|m| (m, slots[m].take().expect("a record is in one group")))
                .collect()
        })
        .collect();
    let mut contacts: Vec<Contact> = work.into_par_iter().map(merge::merged).collect();
    merge::assign_ids(&mut contacts);
    report.timings.push(Timing::since("merged view", clock));

    let review = review_lines(pairs.into_iter().map(|(a, b, score, evidence)| ReviewPair {
        left: contact_of[a],
        right: contact_of[b],
        score,
        evidence,
    }));
    Resolved {
        contacts,
        review,
        report,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(given: &str, family: &str, org: &str) -> Record {
        let mut r = Record::default();
        r.name.given = Some(given.into());
        r.name.family = Some(family.into());
        r.organization = Some(org.into());
        r.org_key = Some(org.to_lowercase().into());
        r
    }

    /// The contacts `records` resolve to, each as its records' indexes, in order. A record
    /// without provenance is given one, as reading gives every record.
    fn groups_of(records: &mut [Record]) -> Vec<Vec<usize>> {
        for (i, r) in records.iter_mut().enumerate() {
            r.prov.get_or_insert_with(|| crate::model::Provenance {
                file: "f.csv".into(),
                sheet: None,
                record: i as u64 + 1,
            });
        }
        let mut groups: Vec<Vec<usize>> = resolve(records)
            .contacts
            .iter()
            .map(|c| {
                let mut m = c.members.clone();
                m.sort_unstable();
                m
            })
            .collect();
        groups.sort();
        groups
    }

    #[test]
    fn a_slip_in_one_badge_does_not_keep_its_person_from_their_phone_contact() {
        let mut records = vec![
            record("Paco", "Ferrándiz", "Acme"),
            record("Pao", "Ferrándiz", "Acme"),
            record("Paco", "Ferrándiz", ""),
            record("Jane", "Doe", "Initech"),
            record("J.", "Doe", "Initech"),
            record("John", "Doe", "Initech"),
        ];
        records[2].organization = None;
        records[2].org_key = None;
        // The two badges share an address and a desk number; the first and the phone contact
        // a mobile.
        records[0].emails = vec!["paco@acme.example".into()].into();
        records[1].emails = vec!["paco@acme.example".into()].into();
        records[0].phones = vec!["+34612345678".into(), "+34911234567".into()].into();
        records[1].phones = vec!["+34911234567".into()].into();
        records[2].phones = vec!["+34612345678".into()].into();
        let groups = groups_of(&mut records);
        assert!(groups.contains(&vec![0, 1, 2]), "{groups:?}");
        // Jane and John are still not joined through J.
        assert!(
            !groups.iter().any(|g| g.contains(&3) && g.contains(&5)),
            "{groups:?}"
        );
    }

    #[test]
    fn a_contacts_records_weighed_alone_with_what_the_resolve_learned_weigh_as_among_all() {
        // Many Smiths and many at Acme make those names weigh little; Oluwaseun Adeyemi-Smith's
        // badge, card and phone contact are one person, and what `rolo show` says of them,
        // from their records alone, is what the resolve of everyone weighed.
        let mut records: Vec<Record> = (0..40)
            .map(|i| {
                let mut r = record(["John", "Mary", "Ahmed", "Li"][i % 4], "Smith", "Acme");
                r.emails = vec![format!("p{i}@acme.example")].into();
                r
            })
            .collect();
        let first = records.len();
        records.push(record("Oluwaseun", "Adeyemi-Smith", "Acme"));
        records.push(record("Seun", "Adeyemi-Smith", "Acme"));
        records.push(record("Oluwaseun", "Adeyemi-Smith", ""));
        records[first].emails = vec!["seun@acme.example".into()].into();
        records[first + 1].emails = vec!["seun@acme.example".into()].into();
        records[first + 1].phones = vec!["+2348031234567".into()].into();
        records[first + 2].phones = vec!["+2348031234567".into()].into();
        for (i, r) in records.iter_mut().enumerate() {
            r.prov = Some(crate::model::Provenance {
                file: "f.csv".into(),
                sheet: None,
                record: i as u64 + 1,
            });
        }
        let mut among_all = {
            let resolver = Resolver::new(&records);
            let members: Vec<usize> = (first..first + 3).collect();
            evidence(&resolver.profiles, &resolver.stats, &members, &records)
        };
        name_records(&mut among_all, &records);
        let mine = records[first..].to_vec();
        let mut kept = None;
        let resolved = resolve_handing(&mut records, &Decisions::default(), &mut |s| {
            kept = Some(s);
        });
        assert!(
            resolved.contacts.iter().any(|c| c.members.len() == 3),
            "the three are one contact"
        );
        let learned = kept.expect("handed over");
        let alone = why(learned.learned(), &mine);
        assert_eq!(alone, among_all);
        assert!(
            alone.contains("(f.csv:41)\n  ~ seun@acme.example (f.csv:42)"),
            "{alone}"
        );
        assert!(alone.contains("(f.csv:43)"), "{alone}");
        assert!(alone.contains("family name equal"), "{alone}");
        // What was learned reads back from its bytes as it was.
        let read = Learned::from_bytes(&learned.learned().to_bytes()).expect("its own bytes");
        assert_eq!(why(&read, &mine), alone);
    }

    #[test]
    fn a_family_name_typed_before_the_given_name_in_its_field_meets_the_name_written_right() {
        // A badge form took "Nguyễn Văn" as the first name and "Minh" as the last; the
        // person's LinkedIn profile says Minh Nguyen. Their names share no key but this one.
        let mut records = vec![
            record("Nguyễn Văn", "Minh", "VNPT"),
            record("Minh", "Nguyen", "VNPT"),
            record("Minh", "Tran", "VNPT"),
            record("Lan", "Nguyen", "VNPT"),
        ];
        assert_eq!(groups_of(&mut records), vec![vec![0, 1], vec![2], vec![3]]);
    }

    #[test]
    fn a_number_kept_in_two_addresses_carries_a_person_across_a_job_change() {
        // Ivana's badge and phone contact at Elra share a number; her new card at Venan shares
        // only her name and the number she keeps after it in her addresses. Another Ivana
        // Ivanov at Initech makes the name no one person's.
        let groups = |venan_address: &str| {
            let mut records = vec![
                record("Ivana", "Ivanov", "Elra Systems"),
                record("Ivana", "Ivanov", "Elra Systems"),
                record("Ivana", "Ivanov", "Venan Energy"),
                record("Ivana", "Ivanov", "Initech"),
            ];
            records[0].emails = vec!["ivana.ivanov14239@elra.example".into()].into();
            records[0].phones = vec!["+15019321024".into()].into();
            records[1].phones = vec!["+15019321024".into()].into();
            records[2].emails = vec![venan_address.into()].into();
            records[3].emails = vec!["ivana.ivanov@initech.example".into()].into();
            groups_of(&mut records)
        };
        assert_eq!(
            groups("ivana14239@venan.example"),
            vec![vec![0, 1, 2], vec![3]]
        );
        // Without the number, a name borne by two people here joins no one across employers.
        assert_eq!(
            groups("ivana@venan.example"),
            vec![vec![0, 1], vec![2], vec![3]]
        );
    }

    #[test]
    fn a_slip_in_a_badges_name_is_read_as_its_linkedin_profile_spells_it() {
        let groups = |linkedin: Option<&str>| {
            let mut records = vec![
                record("Valentina", "Tuwesnen", "Kamond Capital"),
                record("Valentina", "Tuwensen", "Kamond Capital"),
            ];
            records[0].linkedin = linkedin.map(Into::into);
            // Her phone's contact: no employer, her own address.
            records[1].organization = None;
            records[1].org_key = None;
            records[1].emails = vec!["valentina.tuwensen5654@outlook.com".into()].into();
            let why = Resolver::new(&records).explain(0, 1).waterfall();
            let resolved = resolve(&mut records);
            (resolved.contacts.len(), why)
        };
        let (contacts, why) = groups(Some("https://linkedin.com/in/valentina-tuwensen-1616"));
        assert_eq!(contacts, 1, "{why}");
        // `--explain` says how the name was read.
        assert!(
            why.contains(
                "a slip in a name read as its own profile or address spells it (valentina tuwensen)"
            ),
            "{why}"
        );
        assert_eq!(groups(None).0, 2);
    }

    #[test]
    fn a_full_name_several_people_here_bear_weighs_no_more_than_its_rarity() {
        // Max Schmidt at Globex, on a badge and in LinkedIn; more Max Schmidts at four other
        // employers, and Globex the employer of nearly everyone else. Given and family names
        // weighed apart say more than the one full name that five people here bear.
        let mut records = vec![
            record("Max", "Schmidt", "Globex"),
            record("Max", "Schmidt", "Globex"),
        ];
        for org in ["Acme", "Initech", "Hooli", "Vandelay"] {
            records.push(record("Max", "Schmidt", org));
        }
        let syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ro", "vi", "de", "ba"];
        for i in 0..400 {
            let family = format!(
                "{}{}{}",
                syllables[i % 10],
                syllables[i / 10 % 10],
                syllables[i / 100]
            );
            records.push(record(
                ["Anna", "Jan", "Li", "Omar"][i % 4],
                &family,
                "Globex",
            ));
        }
        // Two cards of one Siobhán Dorbergjoez, who moved from Stergo to Anda: her name at two
        // employers is hers alone.
        records.push(record("Siobhán", "Dorbergjoez", "Stergo Robotics"));
        records.push(record("Siobhan", "Dorbergjoez", "Anda Analytics"));
        let resolver = Resolver::new(&records);
        let why = resolver.explain(0, 1).waterfall();
        assert!(
            why.contains("the full name is borne by 5 people here"),
            "{why}"
        );
        let moved = resolver.explain(406, 407).waterfall();
        assert!(!moved.contains("the full name is borne"), "{moved}");
        drop(resolver);
        let groups = groups_of(&mut records);
        assert!(groups.contains(&vec![0]), "{why}");
        assert!(groups.contains(&vec![406, 407]), "{moved}");
    }

    #[test]
    fn a_slip_is_told_in_the_letters_as_written_where_folding_drops_an_e() {
        // Folding reads `oe` and `ue` inside a word as `o` and `u` (Müller, Mueller): Ngyuen
        // folds to `ngyun` and Nguyen to `nguyen`, two letters apart, where as written they
        // are two letters swapped. A word's last `e` is kept: Chloé and Cholé are two letters
        // swapped either way.
        let why = |(g1, f1): (&str, &str), (g2, f2): (&str, &str)| {
            let records = [record(g1, f1, "Acme"), record(g2, f2, "Acme")];
            Resolver::new(&records).explain(0, 1).waterfall()
        };
        let given = why(("Chloé", "Garcia"), ("Cholé", "Garcia"));
        assert!(given.contains("given name typo (chloe / chole)"), "{given}");
        let family = why(("Patricia", "Nguyen"), ("Patricia", "Ngyuen"));
        assert!(
            family.contains("family name typo (nguyen / ngyun)"),
            "{family}"
        );
        // Two slips as written are not one: Michael and Michelle are two people.
        let two = why(("Michael", "Johnson"), ("Michelle", "Johnson"));
        assert!(two.contains("given names differ"), "{two}");
    }

    #[test]
    fn a_slip_in_a_name_at_another_employer_joins_where_title_and_town_agree_too() {
        let place = |town: &str| crate::model::Address {
            locality: Some(town.into()),
            ..Default::default()
        };
        let moved = |town: Option<&str>| {
            let mut records = vec![
                record("Bertrand", "Lebon", "Nguyen SAS"),
                record("Bertrand", "Lbon", "Parker and Sons"),
                record("Ines", "Marchetti", "Parker and Sons"),
                record("Yusuf", "Okonkwo", "Nguyen SAS"),
            ];
            for r in &mut records[..2] {
                r.title = Some("Webmestre".into());
                r.details.addresses.extend(town.map(place));
            }
            groups_of(&mut records)
        };
        // The same title and town as well as the name: one person who moved.
        assert_eq!(
            moved(Some("Saint-Prévost")),
            vec![vec![0, 1], vec![2], vec![3]]
        );
        // The title alone: a namesake at another employer may hold it.
        assert_eq!(moved(None), vec![vec![0], vec![1], vec![2], vec![3]]);
    }

    #[test]
    fn a_member_number_is_one_persons_unless_two_given_names_bear_it() {
        // A society's member list: each member's number, the employer as given that year.
        let member = |given: &str, family: &str, org: &str, number: &str| {
            let mut r = record(given, family, org);
            r.custom = vec![("member no".into(), number.into())].into();
            r
        };
        let mut records = vec![
            member("Katarzyna", "Nowak", "Orlen", "PL-40211"),
            // Her badge at the next congress, the given name misread, her new employer.
            member("Kstwzyna", "Nowak", "Energa", "PL-40211"),
            // A family membership: one number, two people.
            member("Jan", "Wiśniewski", "PGE", "PL-51872"),
            member("Anna", "Wiśniewski", "Tauron", "PL-51872"),
        ];
        records.extend(
            (0..10).map(|i| member("Piotr", "Kowalczyk", "Comarch", &format!("PL-6{i:04}"))),
        );
        let resolver = Resolver::new(&records);
        let misread = resolver.explain(0, 1);
        assert!(misread.has_conflict(), "{}", misread.waterfall());
        // A link the number makes is anchored as a shared email's is: the two employers do
        // not keep her records apart where the rest of the evidence joins them.
        assert!(misread.shares_code, "{}", misread.waterfall());
        let family = resolver.explain(2, 3);
        assert!(
            family
                .evidence
                .iter()
                .any(|e| e.label.starts_with("member no equal")),
            "{}",
            family.waterfall()
        );
        assert!(!family.shares_code, "{}", family.waterfall());
    }

    #[test]
    fn a_rare_name_at_two_employers_is_one_person_who_moved_and_a_common_one_is_not() {
        let moved = [
            record("Siobhán", "Dorbergjoez", "Stergo Robotics"),
            record("Siobhan", "Dorbergjoez", "Anda Analytics"),
            record("John", "Smith", "Acme"),
            record("John", "Smith", "Globex"),
            record("Bob", "Kalomison", "Initech"),
            record("Robert", "Kalomison", "Hooli"),
        ];
        let resolver = Resolver::new(&moved);
        assert!(resolver.one_rare_name(0, 1));
        assert!(resolver.one_rare_name(4, 5), "Bob and Robert are one name");
        assert!(!resolver.one_rare_name(2, 3), "Smith is common at large");
        assert!(!resolver.one_rare_name(0, 4), "two names");
        // Another bearer of the family name is no namesake.
        let mut more = moved.to_vec();
        more.push(record("Aoife", "Dorbergjoez", "Vijo Labs"));
        assert!(Resolver::new(&more).one_rare_name(0, 1));
        // A third bearer of the full name here: the two may be either of two people.
        more.push(record("Siobhán", "Dorbergjoez", "Vijo Labs"));
        assert!(!Resolver::new(&more).one_rare_name(0, 1));
        // The third's mobile on one of the two makes them one person who moved; the third
        // organization may still be a stranger's.
        let last = more.len() - 1;
        more[last].phones = vec!["+353871234567".into()].into();
        more[1].phones = vec!["+353871234567".into()].into();
        assert!(!Resolver::new(&more).one_rare_name(0, 1));
        // Addresses numbered apart after the name: namesakes, as one who moved keeps hers.
        let mut numbered = moved.to_vec();
        numbered[0].emails = vec!["siobhan.dorbergjoez4417@stergo.example".into()].into();
        numbered[1].emails = vec!["sdorbergjoez90210@anda.example".into()].into();
        assert!(!Resolver::new(&numbered).one_rare_name(0, 1));
        numbered[1].emails = vec!["sdorbergjoez4417@anda.example".into()].into();
        assert!(Resolver::new(&numbered).one_rare_name(0, 1));
    }

    #[test]
    fn a_scanners_digit_for_a_letter_is_read_as_the_letter() {
        // A scanned card's names, and the same person's badge.
        let records = [
            record("Ky1e", "8rannigan", "Acme"),
            record("Kyle", "Brannigan", "Acme"),
            record("Kye", "Brannigan", "Acme"),
        ];
        let resolver = Resolver::new(&records);
        let scanned = resolver.explain(0, 1);
        for part in ["given name equal", "family name equal"] {
            assert!(
                scanned.evidence.iter().any(|e| e.label.starts_with(part)),
                "{}",
                scanned.waterfall()
            );
        }
        // Kye is another name.
        let other = resolver.explain(0, 2);
        assert!(
            !other
                .evidence
                .iter()
                .any(|e| e.label.starts_with("given name equal")),
            "{}",
            other.waterfall()
        );
    }

    #[test]
    fn a_stand_in_for_a_family_name_is_compared_as_none() {
        let records = [
            record("Madison", "Declined", "Jj Rubys Salon"),
            record("Madison", "Hogan", "Jj Rubys Salon"),
            record("Brandon", "Declined", "Jj Rubys Salon"),
        ];
        let resolver = Resolver::new(&records);
        // Neither a conflict with her name nor a family name two strangers share.
        for (a, b) in [(0, 1), (0, 2)] {
            let pair = resolver.explain(a, b);
            assert!(
                pair.evidence
                    .iter()
                    .all(|e| !e.label.starts_with("family name")),
                "{}",
                pair.waterfall()
            );
        }
    }

    #[test]
    fn records_of_one_name_that_share_a_mobile_are_one_bearer_of_it() {
        // Her cards from three employers, and her entry in a colleague's phone, no employer.
        let mut records = vec![
            record("Siobhán", "Dorbergjoez", "Stergo Robotics"),
            record("Siobhán", "Dorbergjoez", "Anda Analytics"),
            record("Siobhán", "Dorbergjoez", "Vijo Labs"),
            record("Siobhán", "Dorbergjoez", ""),
        ];
        records[3].organization = None;
        records[3].org_key = None;
        records[3].emails = vec!["siobhan.d@mail.example".into()].into();
        let namesakes = Resolver::new(&records).explain(3, 0);
        assert!(
            namesakes
                .evidence
                .iter()
                .any(|e| e.label.contains("borne by 3 people")),
            "{}",
            namesakes.waterfall()
        );
        for r in &mut records[..3] {
            r.phones = vec!["+353871234567".into()].into();
        }
        let moved = Resolver::new(&records).explain(3, 0);
        assert!(
            moved
                .evidence
                .iter()
                .all(|e| !e.label.starts_with("the full name is borne"))
                && moved
                    .evidence
                    .iter()
                    .any(|e| e.label == "no one else here bears the name"),
            "{}",
            moved.waterfall()
        );
        assert!(moved.total > namesakes.total);
    }
}
