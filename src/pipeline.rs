//! The one code path of a run: read every file, normalize every record, resolve, tag, and
//! build the worklist. Writing the outputs is left to the caller.

use crate::model::{Origin, RawRecord, Record, Reject};
use crate::normalize::{self, Options};
use crate::progress::{Reporter, Timing};
use crate::read::{self, FileInfo, ReadError};
use crate::resolve::{self, Resolved};
use crate::store::{Decision, DecisionKind, Incoming, Stored};
use crate::tag::{self, Event};
use crate::worklist::{self, Plan, Worklist};

/// A file to read, and whether it was captured at the event or is context.
#[derive(Debug, Clone)]
pub struct Input {
    pub file: String,
    pub origin: Origin,
    /// How its tables are mapped: the user's mapping, the remembered profiles.
    pub read: std::sync::Arc<read::mapping::Options>,
}

/// Everything a run needs, resolved from flags, environment and locale.
#[derive(Debug, Clone)]
pub struct RunSettings {
    pub inputs: Vec<Input>,
    pub event: Event,
    pub normalize: Options,
    /// The worklist's cadence, day, horizon, daily capacity and sender.
    pub plan: Plan,
    /// Two records or contacts whose evidence to explain (`--explain A B`).
    pub explain: Option<(String, String)>,
    /// The worklist is written, shown or exported with the contacts: without, it is not built.
    pub worklist: bool,
}

/// What happened to one file.
#[derive(Debug)]
pub struct FileReport {
    pub file: String,
    pub origin: Origin,
    pub info: FileInfo,
    /// The file could not be read at all.
    pub error: Option<ReadError>,
    /// The file's size, and how long reading and normalizing it took.
    pub bytes: u64,
    pub took: std::time::Duration,
    pub records: u64,
    pub rejected: u64,
    pub warnings: u64,
    /// The first few warnings and rejects, with where they are, for the summary.
    pub examples: Vec<String>,
}

/// The result of a run.
#[derive(Debug)]
pub struct Outcome {
    pub files: Vec<FileReport>,
    /// How many records were read and resolved (the records themselves are freed once the
    /// contacts are tagged: the merged view has taken their values).
    pub records: usize,
    pub rejects: Vec<Reject>,
    pub resolved: Resolved,
    pub tagged: usize,
    /// The steps of the worklist; their rows are written out as they are written.
    pub worklist: Worklist,
    /// How long each stage took.
    pub timings: Vec<Timing>,
    /// The evidence `--explain` asked for, or why it could not be given.
    pub explained: Option<Result<String, String>>,
}

impl Outcome {
    /// Some file could not be read.
    pub fn had_file_errors(&self) -> bool {
        self.files.iter().any(|f| f.error.is_some())
    }
}

const EXAMPLES_PER_FILE: usize = 3;

/// Runs the pipeline.
pub fn run(settings: &RunSettings, reporter: &dyn Reporter) -> Outcome {
    let started = std::time::Instant::now();
    let mut timings = Vec::new();
    let mut records = Vec::new();
    let mut rejects = Vec::new();
    let mut files = Vec::new();
    let reads = read_files(&settings.inputs, &settings.normalize, false, reporter);
    // One vector of the exact size, filled a chunk at a time, each chunk freed once moved: the
    // records are never held twice.
    let total: usize = reads.iter().flat_map(|r| &r.records).map(Vec::len).sum();
    records.reserve_exact(total);
    for read in reads {
        files.push(read.report);
        // A chunk moved is freed, but its memory stays the process's until given back (below,
        // once all are moved). Giving it back every 64 chunks lowered the peak of reading a
        // million people (2.5 GB to 1.9 GB) but not the run's, which resolving sets (3.9 GB),
        // and cost 4 s of the run's 40 in faulting the memory in again.
        for chunk in read.records {
            records.extend(chunk);
        }
        rejects.extend(read.rejects);
    }
    timings.push(Timing::since("read and normalize", started));
    crate::normalize::phone::forget();
    crate::memory::give_back();
    let started = std::time::Instant::now();
    reporter.stage("resolving");
    // The merged view moves values out of the records; explaining needs them as they were.
    let snapshot = settings.explain.as_ref().map(|_| records.clone());
    let mut resolved = resolve::resolve(&mut records);
    let explained = settings
        .explain
        .as_ref()
        .zip(snapshot)
        .map(|((a, b), snapshot)| resolve::explain(&snapshot, &resolved.contacts, a, b));
    timings.push(Timing::since("resolve", started));
    let started = std::time::Instant::now();
    reporter.stage("tagging");
    let tagged = tag::tag(&mut resolved.contacts, &records, &settings.event);
    let read = records.len();
    drop(records);
    crate::memory::give_back();
    timings.push(Timing::since("tag", started));
    let started = std::time::Instant::now();
    // Without `--event` a run is a clean-and-merge: events read back from an earlier export are
    // kept on the contacts, but there is nothing new to follow up.
    let worklist = if settings.event.name.is_some() && settings.worklist {
        worklist::schedule(&resolved.contacts, &settings.plan)
    } else {
        Worklist::empty()
    };
    timings.push(Timing::since("worklist", started));
    Outcome {
        files,
        records: read,
        rejects,
        resolved,
        tagged,
        worklist,
        timings,
        explained,
    }
}

/// Reads files for the store: the raw records that are identifiable, as the store keeps them
/// (it keeps what was read, and normalizes again whenever it derives the contacts), the
/// rejects, and what happened to each file.
pub fn read_raw(
    inputs: &[Input],
    opts: &Options,
    reporter: &dyn Reporter,
) -> (Vec<FileReport>, Vec<Incoming>, Vec<Reject>) {
    let mut files = Vec::new();
    let mut raws = Vec::new();
    let mut rejects = Vec::new();
    for read in read_files(inputs, opts, true, reporter) {
        raws.extend(read.raws);
        rejects.extend(read.rejects);
        files.push(read.report);
    }
    (files, raws, rejects)
}

/// Reads and normalizes each file, and gives what became of it: the report, the records that
/// are contacts' records and the rejects. What `rolo doctor` looks at.
pub fn read_checked(
    inputs: &[Input],
    opts: &Options,
    reporter: &dyn Reporter,
) -> Vec<(FileReport, Vec<Record>, Vec<Reject>)> {
    read_files(inputs, opts, false, reporter)
        .into_iter()
        .map(|r| {
            (
                r.report,
                r.records.into_iter().flatten().collect(),
                r.rejects,
            )
        })
        .collect()
}

/// What reading one file gave.
struct FileRead {
    report: FileReport,
    /// The records, a chunk at a time as they were normalized: never a vector grown by
    /// doubling, copied and left half empty.
    records: Vec<Vec<Record>>,
    rejects: Vec<Reject>,
    /// The raw records that became records, as the store keeps them, when they were asked for
    /// (the store keeps them instead of the normalized records).
    raws: Vec<Incoming>,
}

/// Reads the files in parallel, and gives them back in the order named.
fn read_files(
    inputs: &[Input],
    opts: &Options,
    keep_raw: bool,
    reporter: &dyn Reporter,
) -> Vec<FileRead> {
    use rayon::prelude::*;
    inputs
        .par_iter()
        .map(|input| read_file(input, opts, keep_raw, reporter))
        .collect()
}

/// The most text one value may hold, and one record: a pasted document is no contact detail,
/// and a record past these is rejected with its size, raw text kept. A photo is a value of its
/// own size: up to [`MAX_PHOTO`] it is kept and counts toward neither limit; a larger one is
/// left out with a warning, and the rest of the card kept.
const MAX_FIELD: usize = 1 << 20;
use crate::read::MAX_RECORD;
const MAX_PHOTO: usize = 16 << 20;
/// The most values one record may hold: an address book's widest row has about a hundred
/// columns and a full phone card fewer properties; a card of 100,000 emails is no person's.
const MAX_VALUES: usize = 2_000;

fn within_limits(mut raw: RawRecord) -> Result<RawRecord, Reject> {
    let mb = |n: usize| format!("{:.1} MB", n as f64 / f64::from(1 << 20));
    let is_photo = |f: &crate::model::RawField| f.field == crate::model::Field::Photo;
    let mut warnings = Vec::new();
    raw.fields.retain(|f| {
        let over = is_photo(f) && f.value.len() > MAX_PHOTO;
        if over {
            warnings.push(format!(
                "a photo of {} left out: more than the {} a photo may be",
                mb(f.value.len()),
                mb(MAX_PHOTO)
            ));
        }
        !over
    });
    raw.warnings.extend(warnings);
    let too_many = (raw.fields.len() > MAX_VALUES).then(|| {
        format!(
            "record has {} values, more than the {MAX_VALUES} a record may have",
            raw.fields.len()
        )
    });
    let too_big = too_many
        .or_else(|| {
            raw.fields
                .iter()
                .filter(|f| !is_photo(f))
                .find(|f| f.value.len() > MAX_FIELD)
                .map(|f| {
                    format!(
                        "{} is {}, more than the {} a value may be",
                        f.field,
                        mb(f.value.len()),
                        mb(MAX_FIELD)
                    )
                })
        })
        .or_else(|| {
            let size: usize = raw
                .fields
                .iter()
                .filter(|f| !is_photo(f))
                .map(|f| f.value.len())
                .sum();
            (size > MAX_RECORD).then(|| {
                format!(
                    "record is {}, more than the {} a record may be",
                    mb(size),
                    mb(MAX_RECORD)
                )
            })
        });
    match too_big {
        Some(reason) => Err(Reject {
            prov: raw.prov,
            reason,
            raw: read::kept_raw(raw.raw),
        }),
        None => Ok(raw),
    }
}

/// Records normalized together: enough to keep both cores busy, few enough to hold.
const CHUNK: usize = 2048;

fn read_file(input: &Input, opts: &Options, keep_raw: bool, reporter: &dyn Reporter) -> FileRead {
    use rayon::prelude::*;
    reporter.reading(&input.file);
    let started = std::time::Instant::now();
    let mut read = FileRead {
        report: FileReport {
            file: input.file.clone(),
            origin: input.origin,
            info: FileInfo::default(),
            error: None,
            bytes: 0,
            took: std::time::Duration::ZERO,
            records: 0,
            rejected: 0,
            warnings: 0,
            examples: Vec::new(),
        },
        records: Vec::new(),
        rejects: Vec::new(),
        raws: Vec::new(),
    };
    let report = &mut read.report;
    let opened = match read::open(&input.file, &input.read) {
        Ok(opened) => opened,
        Err(err) => {
            report.error = Some(err);
            return read;
        }
    };
    report.info = opened.info;
    report.bytes = opened.bytes;
    let mut items = opened.records;
    let normalize = |item: read::Item| -> Result<(Record, Option<Incoming>, String), Reject> {
        let mut raw = item.and_then(within_limits)?;
        // The original text is kept for a reject only: a contact keeps every value.
        let text = std::mem::take(&mut raw.raw);
        let kept = keep_raw.then(|| Incoming::of(input.origin, &raw));
        let mut record = normalize::normalize(raw, opts);
        record.origin = input.origin;
        Ok((record, kept, text))
    };
    let mut next: Vec<read::Item> = items.by_ref().take(CHUNK).collect();
    // One chunk is parsed while the one before is normalized, in parallel.
    while !next.is_empty() {
        let chunk = std::mem::take(&mut next);
        reporter.records(chunk.len() as u64);
        report.records += chunk.len() as u64;
        let (parsed, normalized): (_, Vec<_>) = rayon::join(
            || items.by_ref().take(CHUNK).collect(),
            || chunk.into_par_iter().map(normalize).collect(),
        );
        next = parsed;
        let mut records = Vec::with_capacity(normalized.len());
        for item in normalized {
            let reject = match item {
                Ok((record, kept, _)) if record.is_identifiable() => {
                    for w in &record.warnings {
                        report.warnings += 1;
                        if report.examples.len() < EXAMPLES_PER_FILE {
                            report.examples.push(format!("{}: {w}", record.prov()));
                        }
                    }
                    match kept {
                        Some(raw) => read.raws.push(raw),
                        None => records.push(record),
                    }
                    continue;
                }
                Ok((record, _, text)) => Reject {
                    prov: record.prov().clone(),
                    reason: "no name, email, phone or URL".into(),
                    raw: text,
                },
                Err(reject) => reject,
            };
            report.rejected += 1;
            if report.examples.len() < EXAMPLES_PER_FILE {
                report
                    .examples
                    .push(format!("{}: rejected: {}", reject.prov, reject.reason));
            }
            read.rejects.push(reject);
        }
        if !records.is_empty() {
            records.shrink_to_fit();
            read.records.push(records);
        }
    }
    report.took = started.elapsed();
    read
}

/// The contact base the store's records and decisions make: the same stages as a run, each
/// record tagged with the event it was imported with.
#[derive(Debug)]
pub struct Derived {
    /// The store's id of each record, in the order the contacts' `members` count them.
    pub ids: Vec<i64>,
    pub resolved: Resolved,
    pub worklist: Worklist,
}

impl Derived {
    /// The store ids of a contact's records, in the order of its sources.
    pub fn record_ids(&self, contact: usize) -> Vec<i64> {
        self.resolved.contacts[contact]
            .members
            .iter()
            .map(|&m| self.ids[m])
            .collect()
    }
}

/// The event each of a store's records was imported with, each distinct one held once: the
/// records number in the hundreds of thousands, the events they were imported with a few.
#[derive(Debug, Default)]
pub struct Events {
    distinct: Vec<tag::Event>,
    of: Vec<u32>,
}

impl Events {
    /// The event record `i` was imported with.
    pub fn of(&self, i: usize) -> &tag::Event {
        &self.distinct[self.of[i] as usize]
    }

    pub fn reserve(&mut self, records: usize) {
        self.of.reserve_exact(records);
    }
}

impl Extend<tag::Event> for Events {
    fn extend<I: IntoIterator<Item = tag::Event>>(&mut self, events: I) {
        for e in events {
            let i = match self.distinct.iter().rposition(|d| *d == e) {
                Some(i) => i,
                None => {
                    self.distinct.push(e);
                    self.distinct.len() - 1
                }
            };
            self.of.push(i as u32);
        }
    }
}

/// Derives the contacts from stored records and the users' merges and splits, without the
/// follow-ups done, snoozed or skipped ([`follow_up`] adds them): what depends only on the
/// records and who is who. `ids` are the records' store ids; the records come [`normalized`],
/// with the event each was imported with. What the resolve learned is handed to `keep` before
/// the contacts are made ([`resolve::resolve_handing`]).
pub fn derive_contacts(
    ids: Vec<i64>,
    (mut records, events): (Vec<Record>, Events),
    decisions: &[Decision],
    keep: &mut dyn FnMut(resolve::Snapshot),
) -> Derived {
    let decided = decided(&ids, decisions);
    let mut resolved = resolve::resolve_handing(&mut records, &decided, keep);
    not_asked_again(&mut resolved, &decided);
    tag::tag_each(
        &mut resolved.contacts,
        &records,
        |i| events.of(i),
        &known_events(&events.distinct),
    );
    Derived {
        ids,
        resolved,
        worklist: Worklist::empty(),
    }
}

/// The contacts that records added to a store make with those they may be, resolved against
/// what the last derivation learned (`snapshot`, which then knows them too, see
/// [`resolve::resolve_added`]): `records` ([`normalized`], with the event each was imported
/// with) are those records, the added ones last, `ids` their store ids, `global` each one's
/// number among all records, `known` every event the store knows. The contacts' members are
/// indexes into `records`.
pub fn derive_added(
    (mut records, events): (Vec<Record>, Vec<tag::Event>),
    ids: &[i64],
    global: &[u32],
    snapshot: &mut resolve::Snapshot,
    decisions: &[Decision],
    known: &[tag::Event],
) -> Resolved {
    let decided = decided(ids, decisions);
    let mut resolved = resolve::resolve_added(snapshot, &mut records, global, &decided);
    not_asked_again(&mut resolved, &decided);
    tag::tag_each(&mut resolved.contacts, &records, |i| &events[i], known);
    resolved
}

/// The stored records normalized as a run would read them (`opts` for those of imports that
/// did not record their region), each with the event it was imported with.
pub fn normalized(stored: Vec<Stored>, opts: &Options) -> (Vec<Record>, Vec<tag::Event>) {
    use rayon::prelude::*;
    stored
        .into_par_iter()
        .map(|s| {
            let opts = Options {
                region: s.region.unwrap_or(opts.region),
            };
            let mut r = normalize::normalize(s.raw, &opts);
            r.origin = s.origin;
            (r, s.event)
        })
        .unzip()
}

/// The users' merges and splits as pairs of records (indexes into `ids`, the records' store
/// ids): the later of two decisions about the same pair wins.
fn decided(ids: &[i64], decisions: &[Decision]) -> resolve::Decisions {
    let index: rustc_hash::FxHashMap<i64, usize> =
        ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let mut pairs: std::collections::BTreeMap<(usize, usize), bool> = Default::default();
    for d in decisions {
        let (together, other) = match &d.kind {
            DecisionKind::Merge { other } => (true, other),
            DecisionKind::Apart { other } => (false, other),
            _ => continue,
        };
        for a in d.records.iter().filter_map(|id| index.get(id)) {
            for b in other.iter().filter_map(|id| index.get(id)) {
                if a != b {
                    pairs.insert((*a.min(b), *a.max(b)), together);
                }
            }
        }
    }
    resolve::Decisions {
        together: pairs.iter().filter(|(_, t)| **t).map(|(p, _)| *p).collect(),
        apart: pairs
            .iter()
            .filter(|(_, t)| !**t)
            .map(|(p, _)| *p)
            .collect(),
    }
}

/// A pair a user already kept apart is not asked about again.
fn not_asked_again(resolved: &mut Resolved, decided: &resolve::Decisions) {
    if decided.apart.is_empty() {
        return;
    }
    let contacts = &resolved.contacts;
    resolved.review.retain(|p| {
        !contacts[p.left].members.iter().any(|&a| {
            contacts[p.right]
                .members
                .iter()
                .any(|&b| decided.apart.contains(&(a.min(b), a.max(b))))
        })
    });
}

/// Every event of `events` once, in the order first seen: a connection imported on its own is
/// met at the one its day falls in.
pub fn known_events(events: &[tag::Event]) -> Vec<tag::Event> {
    let mut known: Vec<tag::Event> = Vec::new();
    for e in events {
        if e.name.is_some()
            && !known
                .iter()
                .any(|k| k.name == e.name && k.window == e.window)
        {
            known.push(e.clone());
        }
    }
    known
}

/// Adds the follow-ups done, snoozed or skipped to the contacts that now hold their records, and
/// builds the worklist of `plan`, if one is given.
pub fn follow_up(derived: &mut Derived, decisions: &[Decision], plan: Option<&Plan>) {
    let mut contact_of: rustc_hash::FxHashMap<i64, usize> = Default::default();
    for (c, contact) in derived.resolved.contacts.iter().enumerate() {
        for &m in &contact.members {
            contact_of.insert(derived.ids[m], c);
        }
    }
    apply_follow_ups(&mut derived.resolved.contacts, decisions, |id| {
        contact_of.get(&id).copied()
    });
    derived.worklist = plan.map_or_else(Worklist::empty, |plan| {
        worklist::schedule(&derived.resolved.contacts, plan)
    });
}

/// Adds each follow-up decision to the contact holding the first of its records that is still
/// in the store (`contact_of` a record's store id).
pub fn apply_follow_ups(
    contacts: &mut [crate::model::Contact],
    decisions: &[Decision],
    contact_of: impl Fn(i64) -> Option<usize>,
) {
    for d in decisions {
        let Some(c) = d.records.iter().find_map(|&id| contact_of(id)) else {
            continue;
        };
        let f = &mut contacts[c].followup;
        match &d.kind {
            DecisionKind::Done { step, day, note } => {
                f.done.push((step.clone(), *day, note.clone()))
            }
            DecisionKind::Snooze { until } => f.snoozed_until = Some(*until),
            DecisionKind::Skip => f.skipped = true,
            DecisionKind::Merge { .. } | DecisionKind::Apart { .. } => {}
        }
    }
}
