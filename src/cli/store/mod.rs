//! The commands that keep a contact base, one file each: `import`, `worklist`, `done`,
//! `snooze` and `skip` (done.rs), `show`, `export`, `history` and `undo` (history.rs), `merge`
//! and `split` (merge.rs), `review`, `forget`; `config` is in `cli/config.rs`. Each opens the
//! store, derives the contacts from its records and decisions as `rolo run` would, and says what
//! it did.

mod done;
mod export;
mod forget;
mod history;
mod import;
mod merge;
mod review;
mod show;
mod worklist;

use std::path::PathBuf;

use anyhow::bail;
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use crate::error::ExitStatus;
use crate::pipeline::{self, Derived};
use crate::printer::Printer;
use crate::settings::{Given, Settings};
use crate::store::{self, Decision, DecisionKind, Store};
use crate::worklist::Plan;

#[derive(Debug, Args)]
pub struct StoreArg {
    /// The store [default: rolo.db in the platform's data directory].
    #[arg(long, value_name = "PATH", env = "ROLO_STORE", global = true)]
    store: Option<PathBuf>,
}

impl StoreArg {
    /// Opens the store; only `create` (an import) makes one where there is none: a mistyped
    /// `--store` is an error, not an empty contact base.
    fn open(&self, create: bool, printer: Printer) -> anyhow::Result<Store> {
        let path = self.store.clone().unwrap_or_else(store::default_path);
        if printer.verbose || create {
            printer.message(format!("store: {}", path.display()));
        }
        if !create && !path.exists() {
            bail!(
                "{}: no store here (import files first with rolo import, or name the store with --store or ROLO_STORE)",
                path.display()
            );
        }
        Ok(Store::open(&path)?)
    }
}

#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// Import files into the store: FILEs met at --event, --merge files as context (without
    /// --event, everything is an address book). Importing a file again changes nothing.
    Import(import::ImportArgs),
    /// The worklist from the store: a table, or a file by its extension with -o.
    Worklist(worklist::WorklistArgs),
    /// Mark a contact's current step done; the next one follows the cadence.
    Done(done::DoneArgs),
    /// No step for a contact before a day.
    Snooze(done::SnoozeArgs),
    /// No more follow-ups for a contact.
    Skip(ContactArg),
    /// A contact: merged values, every source record, events, follow-ups.
    Show(ContactArg),
    /// Write the contacts in any format rolo writes.
    Export(export::ExportArgs),
    /// The imports and decisions, oldest first.
    History,
    /// Take back a batch (default: the last): an import's records, or a decision.
    Undo(history::UndoArgs),
    /// Two contacts are one person; remembered by every later import.
    Merge(merge::MergeArgs),
    /// Records of a contact are someone else; remembered by every later import.
    Split(merge::SplitArgs),
    /// The pairs that may be one person: answer each on a terminal, or --accept / --reject
    /// a pair by its ID. Every answer is remembered by later imports.
    Review(review::ReviewArgs),
    /// Erase a person (every record, reject and decision about them) or an import from the
    /// store, so that nothing of them stays in the file. Unlike undo, it cannot be taken back.
    Forget(forget::ForgetArgs),
    /// The settings in force (cadence, sender, region) and where each comes from; `set` and
    /// `unset` one.
    Config(super::config::ConfigArgs),
}

#[derive(Debug, Args)]
pub struct ContactArg {
    /// A contact: its id (or the start of one), an email, a phone, a LinkedIn URL or a name.
    pub(super) contact: String,
}

pub(crate) fn run(
    command: StoreCommand,
    store: &StoreArg,
    printer: Printer,
) -> anyhow::Result<ExitStatus> {
    let creates = matches!(
        &command,
        StoreCommand::Import(_)
            | StoreCommand::Config(super::config::ConfigArgs {
                action: Some(super::config::ConfigAction::Set { .. })
            })
    );
    let mut db = store.open(creates, printer)?;
    match command {
        StoreCommand::Import(args) => import::import(&mut db, &args, printer),
        StoreCommand::Worklist(args) => worklist::worklist(&mut db, &args, printer),
        StoreCommand::Done(args) => done::done(&mut db, &args, printer),
        StoreCommand::Snooze(args) => done::snooze(&mut db, &args, printer),
        StoreCommand::Skip(args) => done::skip(&mut db, &args, printer),
        StoreCommand::Show(args) => show::show(&db, &args.contact, printer),
        StoreCommand::Export(args) => export::export(&db, &args, printer),
        StoreCommand::History => history::history(&db, printer),
        StoreCommand::Undo(args) => history::undo(&mut db, &args, printer),
        StoreCommand::Merge(args) => merge::merge(&mut db, &args, printer),
        StoreCommand::Split(args) => merge::split(&mut db, &args, printer),
        StoreCommand::Review(args) => review::review(&mut db, &args, printer),
        StoreCommand::Forget(args) => forget::forget(&mut db, &args, printer),
        StoreCommand::Config(args) => super::config::run(&mut db, &args, printer),
    }
}

/// The plan for `today` with the settings in force without flags (the cadence the store
/// remembers), so that `done` marks a step of that cadence and `show` names its next one.
pub(super) fn remembered_plan(db: &Store, today: NaiveDate) -> anyhow::Result<Plan> {
    let settings = Settings::resolve(Given::default(), Some(db))?;
    Ok(Plan {
        cadence: settings.cadence.value,
        today,
        from_name: settings.from_name.map(|s| s.value),
        ..Plan::default()
    })
}

/// How records stored without a region of their own (a store of the first schema) are read,
/// and a number a user types is understood: the region in force.
pub(super) fn default_options(db: &Store) -> anyhow::Result<crate::normalize::Options> {
    Ok(crate::normalize::Options {
        region: Settings::region(None, Some(db))?.value,
    })
}

/// The contacts, and the worklist of `plan` if one is given.
pub(super) fn derive(db: &Store, plan: Option<&Plan>) -> anyhow::Result<Derived> {
    let decisions = db.decisions()?;
    let mut derived = contacts(db, &decisions)?;
    pipeline::follow_up(&mut derived, &decisions, plan);
    Ok(derived)
}

/// The contacts without their follow-ups: those the store keeps if they are of its state, else
/// derived from its records and decisions, and kept.
fn contacts(db: &Store, decisions: &[Decision]) -> anyhow::Result<Derived> {
    let opts = default_options(db)?;
    let state = db.state(&opts.region.to_string())?;
    if db.is_cached(&state)? {
        let kept = db.cached_all()?;
        return Ok(Derived {
            ids: kept.ids,
            resolved: crate::resolve::Resolved {
                contacts: kept.contacts,
                review: kept.review,
                report: Default::default(),
            },
            worklist: crate::worklist::Worklist::empty(),
        });
    }
    // The records are read and normalized a slice at a time (`opts` for those of imports that
    // did not record their region): never all of them twice over, as stored and as normalized.
    let count = db.records_count()?;
    let mut ids = Vec::with_capacity(count);
    let mut records = Vec::with_capacity(count);
    let mut events = pipeline::Events::default();
    events.reserve(count);
    db.records_by(8192, |slice| {
        ids.extend(slice.iter().map(|s| s.id));
        let (r, e) = pipeline::normalized(slice, &opts);
        records.extend(r);
        events.extend(e);
    })?;
    // What normalizing and resolving freed is given back before the next step ([`crate::memory`]).
    crate::normalize::phone::forget();
    crate::memory::give_back();
    // What the resolve learned is kept as soon as it is whole, not held while the contacts are
    // made.
    let mut kept = Ok(false);
    let derived = pipeline::derive_contacts(ids, (records, events), decisions, &mut |s| {
        kept = db.keep_snapshot(&s).map(|()| true);
    });
    let snapshot_kept = kept?;
    crate::memory::give_back();
    db.cache(
        &state,
        &derived.ids,
        &derived.resolved.contacts,
        &derived.resolved.review,
        snapshot_kept,
        super::lookup::keys,
    )?;
    Ok(derived)
}

/// The contact a user named (see [`super::lookup`]), with its follow-ups: its store record ids
/// in the order of its sources, and the evidence that they are one person. Only the contacts
/// the query may mean are read from the store.
pub(super) fn named(db: &Store, query: &str) -> anyhow::Result<store::Cached> {
    let decisions = db.decisions()?;
    let opts = default_options(db)?;
    if !db.is_cached(&db.state(&opts.region.to_string())?)? {
        contacts(db, &decisions)?;
    }
    let q = super::lookup::Query::new(query, opts.region);
    let mut found = db.cached_named(&q.keys, &q.id, q.prefix)?;
    let subset: Vec<crate::model::Contact> = found.iter().map(|c| c.contact.clone()).collect();
    let mut one = match super::lookup::find(&subset, query, opts.region) {
        Ok(i) => found.swap_remove(i),
        // No contact has what was typed: the names closest to it come from every contact.
        Err(_) if subset.is_empty() => {
            let mut all = db.cached_all()?;
            let i = super::lookup::find(&all.contacts, query, opts.region)?;
            let contact = all.contacts.swap_remove(i);
            store::Cached {
                ordinal: i,
                records: contact.members.iter().map(|&m| all.ids[m]).collect(),
                contact,
            }
        }
        Err(e) => return Err(e.into()),
    };
    let records = &one.records;
    pipeline::apply_follow_ups(std::slice::from_mut(&mut one.contact), &decisions, |id| {
        records.contains(&id).then_some(0)
    });
    Ok(one)
}

/// Records a decision about the contact a user named, and says it.
pub(super) fn decide_on(
    db: &mut Store,
    query: &str,
    kind: DecisionKind,
    printer: Printer,
    said: impl Fn(&str) -> String,
) -> anyhow::Result<ExitStatus> {
    let c = named(db, query)?;
    let said = said(&c.contact.display_name());
    db.decide(&Decision {
        records: c.records,
        kind,
        about: Some(said.clone()),
    })?;
    printer.message(said);
    Ok(ExitStatus::Success)
}

/// Whether a record is the one a user named as FILE:RECORD (the file as given or its name).
pub(super) fn matches_record(prov: &crate::model::Provenance, wanted: &str) -> bool {
    let Some((file, n)) = wanted.rsplit_once(':') else {
        return false;
    };
    let name = std::path::Path::new(&*prov.file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (&*prov.file == file || name == file || prov.short() == wanted.trim())
        && n.trim().parse() == Ok(prov.record)
}
