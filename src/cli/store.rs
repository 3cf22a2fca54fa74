//! The commands that keep a contact base: `import`, `worklist`, `done`, `snooze`, `skip`,
//! `show`, `export`, `history`, `undo`, `merge`, `split`. Each opens the store, derives the
//! contacts from its records and decisions as `rolo run` would, and says what it did.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::args::{InputArgs, PlanArgs};
use crate::error::ExitStatus;
use crate::export::{self, ContactsFormat};
use crate::pipeline::{self, Derived};
use crate::printer::Printer;
use crate::settings;
use crate::store::{self, Decision, Store};
use crate::worklist::{Cadence, Plan};

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
    Import(ImportArgs),
    /// The worklist from the store: a table, or a file by its extension with -o.
    Worklist(WorklistArgs),
    /// Mark a contact's current step done; the next one follows the cadence.
    Done(DoneArgs),
    /// No step for a contact before a day.
    Snooze(SnoozeArgs),
    /// No more follow-ups for a contact.
    Skip(ContactArg),
    /// A contact: merged values, every source record, events, follow-ups.
    Show(ContactArg),
    /// Write the contacts in any format rolo writes.
    Export(ExportArgs),
    /// The imports and decisions, oldest first.
    History,
    /// Take back a batch (default: the last): an import's records, or a decision.
    Undo(UndoArgs),
    /// Two contacts are one person; remembered by every later import.
    Merge(MergeArgs),
    /// Records of a contact are someone else; remembered by every later import.
    Split(SplitArgs),
    /// The pairs that may be one person: answer each on a terminal, or --accept / --reject
    /// a pair by its ID. Every answer is remembered by later imports.
    Review(ReviewArgs),
    /// Erase a person (every record, reject and decision about them) or an import from the
    /// store, so that nothing of them stays in the file. Unlike undo, it cannot be taken back.
    Forget(ForgetArgs),
    /// The settings in force (cadence, sender, region) and where each comes from; `set` and
    /// `unset` one.
    Config(super::config::ConfigArgs),
}

#[derive(Debug, Args)]
pub struct ForgetArgs {
    /// A contact: its id (or the start of one), an email, a phone, a LinkedIn URL or a name.
    #[arg(required_unless_present = "batch", conflicts_with = "batch")]
    contact: Option<String>,
    /// The import to erase (see `rolo history`).
    #[arg(long, value_name = "N")]
    batch: Option<i64>,
    /// Do not ask: erase (needed when standard input is not a terminal).
    #[arg(long)]
    yes: bool,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The pair (LEFT_ID-RIGHT_ID, as listed) is one person.
    #[arg(long, value_name = "ID", conflicts_with = "reject")]
    accept: Option<String>,
    /// The pair is two people.
    #[arg(long, value_name = "ID")]
    reject: Option<String>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write the records that could not become a contact, with the reason and their text.
    #[arg(long, value_name = "PATH")]
    rejects: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct WorklistArgs {
    /// Write the worklist here (.csv, .md, .html, .ics, .jsonl) instead of printing a table.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Only contacts met at this event.
    #[arg(long, value_name = "NAME")]
    event: Option<String>,
    /// Print every row, not only the first 20.
    #[arg(long)]
    all: bool,
    /// Only what is due today, overdue steps included.
    #[arg(long)]
    due: bool,
    /// Remember --cadence and --from-name for the next worklists (without it they apply to
    /// this one only; `--cadence default --save` goes back to rolo's cadence).
    #[arg(long)]
    save: bool,
    #[command(flatten)]
    plan: PlanArgs,
}

#[derive(Debug, Args)]
pub struct ContactArg {
    /// A contact: its id (or the start of one), an email, a phone, a LinkedIn URL or a name.
    contact: String,
}

#[derive(Debug, Args)]
pub struct DoneArgs {
    /// A contact: its id (or the start of one), an email, a phone, a LinkedIn URL or a name.
    contact: String,
    /// What was said or agreed.
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// The day it was done [default: today].
    #[arg(long, value_name = "DATE")]
    on: Option<String>,
}

#[derive(Debug, Args)]
pub struct SnoozeArgs {
    /// A contact: its id (or the start of one), an email, a phone, a LinkedIn URL or a name.
    contact: String,
    /// The first day a step may be due again.
    #[arg(long, value_name = "DATE")]
    until: String,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Where to write; the format comes from the extension unless --format names one.
    path: PathBuf,
    /// jsonl, csv, google-csv, outlook-csv, hubspot-csv, vcf (3.0), vcf4 or xlsx.
    #[arg(long, value_name = "NAME", value_parser = super::run::contacts_format)]
    format: Option<ContactsFormat>,
}

#[derive(Debug, Args)]
pub struct UndoArgs {
    /// The batch to take back (see `rolo history`) [default: the last].
    batch: Option<i64>,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    a: String,
    b: String,
}

#[derive(Debug, Args)]
pub struct SplitArgs {
    /// The contact to split.
    contact: String,
    /// The records that are someone else, as FILE:RECORD (the file's name is enough).
    #[arg(required = true, value_name = "RECORD")]
    records: Vec<String>,
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
        StoreCommand::Import(args) => import(&mut db, &args, printer),
        StoreCommand::Worklist(args) => worklist(&mut db, &args, printer),
        StoreCommand::Done(args) => {
            let day = match &args.on {
                Some(d) => settings::date("--on", d)?,
                None => settings::today(None)?,
            };
            let plan = remembered_plan(&db, day)?;
            let derived = derive(&db, Some(&plan))?;
            let c = find(&derived, &args.contact)?;
            let contact = &derived.resolved.contacts[c];
            let Some(row) = derived
                .worklist
                .iter()
                .find(|r| r.contact_id == contact.id && r.step != "birthday")
            else {
                bail!(
                    "{}: no open step (not met at an event, skipped, or every step done)",
                    contact.display_name()
                );
            };
            let step = row.step.to_string();
            db.decide(&Decision {
                kind: "done".into(),
                records: derived.record_ids(c),
                step: Some(step.clone()),
                day: Some(day),
                note: args.note.clone(),
                about: Some(format!("{}: {step} on {day}", contact.display_name())),
                ..Decision::default()
            })?;
            // The next step counts from today's touch.
            let mut after = contact.clone();
            after
                .followup
                .done
                .push((step.clone(), day, args.note.clone()));
            let next = crate::worklist::build(std::slice::from_ref(&after), &plan)
                .into_iter()
                .find(|r| r.step != "birthday")
                .map_or_else(
                    || "no more steps".to_string(),
                    |r| format!("next: {} on {}", r.step, r.due),
                );
            printer.message(format!(
                "{}: {step} done on {day}; {next}",
                contact.display_name()
            ));
            Ok(ExitStatus::Success)
        }
        StoreCommand::Snooze(args) => {
            let until = settings::date("--until", &args.until)?;
            decide_on(
                &mut db,
                &args.contact,
                "snooze",
                Some(until),
                printer,
                |name| format!("{name}: nothing due before {until}"),
            )
        }
        StoreCommand::Skip(args) => {
            decide_on(&mut db, &args.contact, "skip", None, printer, |name| {
                format!("{name}: no more follow-ups")
            })
        }
        StoreCommand::Show(args) => show(&db, &args.contact, printer),
        StoreCommand::Export(args) => {
            let derived = derive(&db, None)?;
            let format = match args.format {
                Some(f) => f,
                None => ContactsFormat::from_path(&args.path)?,
            };
            export::write_contacts(&args.path, format, &derived.resolved.contacts, &[])?;
            printer.message(format!(
                "wrote {} contacts to {}",
                derived.resolved.contacts.len(),
                args.path.display()
            ));
            Ok(ExitStatus::Success)
        }
        StoreCommand::History => {
            let mut out = String::new();
            for b in db.history()? {
                let _ = write!(out, "{:>4}  {}  {:<7}", b.id, b.at, b.command);
                if b.command == "import" {
                    let _ = write!(
                        out,
                        "  {} new, {} updated, {} unchanged, {} rejected",
                        b.added, b.updated, b.unchanged, b.rejected
                    );
                    if let Some(e) = &b.event {
                        let _ = write!(out, "  at {e}");
                    }
                    if !b.files.is_empty() {
                        let _ = write!(out, "  {}", b.files.join(", "));
                    }
                }
                if b.command == "forget" {
                    out.push_str("  a person or an import erased");
                }
                if let Some(about) = &b.about {
                    let _ = write!(out, "  {about}");
                }
                if let Some(when) = &b.undone {
                    let _ = write!(out, "  (undone {when})");
                }
                out.push('\n');
            }
            printer.data(&out)?;
            Ok(ExitStatus::Success)
        }
        StoreCommand::Undo(args) => {
            let b = db.undo(args.batch)?;
            let what = if b.command == "import" {
                format!("{} new and {} updated records", b.added, b.updated)
            } else {
                b.about
                    .clone()
                    .unwrap_or_else(|| "the decision".to_string())
            };
            printer.message(format!("took back batch {} ({}): {what}", b.id, b.command));
            Ok(ExitStatus::Success)
        }
        StoreCommand::Merge(args) => {
            let derived = derive(&db, None)?;
            let a = find(&derived, &args.a)?;
            let b = find(&derived, &args.b)?;
            if a == b {
                bail!("{} and {} are already one contact", args.a, args.b);
            }
            db.decide(&Decision {
                kind: "merge".into(),
                records: derived.record_ids(a),
                other: derived.record_ids(b),
                about: Some(format!(
                    "{} and {}: one person",
                    derived.resolved.contacts[a].display_name(),
                    derived.resolved.contacts[b].display_name()
                )),
                ..Decision::default()
            })?;
            printer.message(format!(
                "merged {} and {}",
                derived.resolved.contacts[a].display_name(),
                derived.resolved.contacts[b].display_name()
            ));
            Ok(ExitStatus::Success)
        }
        StoreCommand::Review(args) => review(&mut db, &args, printer),
        StoreCommand::Forget(args) => forget(&mut db, &args, printer),
        StoreCommand::Config(args) => super::config::run(&mut db, &args, printer),
        StoreCommand::Split(args) => {
            let derived = derive(&db, None)?;
            let c = find(&derived, &args.contact)?;
            let contact = &derived.resolved.contacts[c];
            let members = &contact.members;
            let mut out = Vec::new();
            for wanted in &args.records {
                // A contact's sources are its records' provenance, in the order of its members.
                let Some((&m, _)) = members
                    .iter()
                    .zip(&contact.sources)
                    .find(|(_, prov)| matches_record(prov, wanted))
                else {
                    bail!(
                        "{wanted}: not a record of {} (its records: {})",
                        contact.display_name(),
                        contact
                            .sources
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("; ")
                    );
                };
                out.push(derived.ids[m]);
            }
            let rest: Vec<i64> = members
                .iter()
                .map(|&m| derived.ids[m])
                .filter(|id| !out.contains(id))
                .collect();
            if rest.is_empty() {
                bail!("a split must leave at least one record in the contact");
            }
            db.decide(&Decision {
                kind: "split".into(),
                records: out,
                other: rest,
                about: Some(format!(
                    "{} off {}",
                    args.records.join(", "),
                    derived.resolved.contacts[c].display_name()
                )),
                ..Decision::default()
            })?;
            printer.message(format!(
                "split {} record(s) off {}",
                args.records.len(),
                derived.resolved.contacts[c].display_name()
            ));
            Ok(ExitStatus::Success)
        }
    }
}

/// The plan for `today` with the cadence the store remembers (`rolo worklist --cadence`), so
/// that `done` marks a step of that cadence and `show` names its next one.
fn remembered_plan(db: &Store, today: NaiveDate) -> anyhow::Result<Plan> {
    let cadence = match db.setting("cadence")? {
        Some(text) => {
            Cadence::from_toml(&text).context("the cadence the store remembers is not usable")?
        }
        None => Cadence::default(),
    };
    Ok(Plan {
        cadence,
        today,
        ..Plan::default()
    })
}

/// How records imported without a region of their own are read: the default region
/// (the locale's country, else US).
fn default_options() -> anyhow::Result<crate::normalize::Options> {
    Ok(crate::normalize::Options {
        region: crate::settings::region(None)?,
    })
}

fn forget(db: &mut Store, args: &ForgetArgs, printer: Printer) -> anyhow::Result<ExitStatus> {
    use std::io::{BufRead, IsTerminal};
    let (what, said) = match (&args.contact, args.batch) {
        (_, Some(batch)) => (store::Forget::Import(batch), format!("import {batch}")),
        (Some(query), None) => {
            let derived = derive(db, None)?;
            let c = find(&derived, query)?;
            let contact = &derived.resolved.contacts[c];
            // What identifies them in the text of a reject.
            let mut values: Vec<String> = contact.emails.to_vec();
            values.extend(contact.phone_entries().iter().map(|p| p.value.to_string()));
            values.extend(contact.phones.iter().cloned());
            values.extend(contact.urls.iter().cloned());
            values.extend(contact.linkedin.clone());
            let said = format!(
                "{} ({} record(s))",
                contact.display_name(),
                contact.members.len()
            );
            let records = derived.record_ids(c);
            (store::Forget::Person { records, values }, said)
        }
        (None, None) => bail!("name a contact, or an import with --batch N"),
    };
    if !args.yes {
        if !std::io::stdin().is_terminal() {
            bail!("forgetting {said} cannot be taken back: add --yes to erase it");
        }
        printer.data(&format!(
            "erase {said} from {}? it cannot be taken back [y/N]: ",
            db.path()
        ))?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
            printer.message("nothing erased");
            return Ok(ExitStatus::Success);
        }
    }
    let gone = db.forget(&what)?;
    printer.message(format!(
        "forgot {said}: {} record(s), {} reject(s) and {} decision(s) erased",
        gone.records, gone.rejects, gone.decisions
    ));
    Ok(ExitStatus::Success)
}

/// The contacts, and the worklist of `plan` if one is given.
fn derive(db: &Store, plan: Option<&Plan>) -> anyhow::Result<Derived> {
    Ok(pipeline::derive(
        db.records()?,
        &db.decisions()?,
        plan,
        false,
        &default_options()?,
    ))
}

fn import(db: &mut Store, args: &ImportArgs, printer: Printer) -> anyhow::Result<ExitStatus> {
    let (inputs, event, mut normalize) = args.input.resolve()?;
    // The region `rolo config set region` remembers, where --region is not given.
    if args.input.region.is_none()
        && let Some(region) = db
            .setting("region")?
            .and_then(|cc| crate::normalize::phone::region_of(&cc))
    {
        normalize.region = region;
    }
    if event.name.is_none() && event.window.is_some() {
        bail!("--met-on needs --event");
    }
    let clock = std::time::Instant::now();
    let reporter = printer.reporter();
    let (files, raws, rejects) = pipeline::read_raw(&inputs, &normalize, reporter.as_ref());
    let read = clock.elapsed();
    reporter.finish();
    super::run::print_files(&printer, &files);
    if let Some(path) = &args.rejects {
        export::atomic(path, |w| export::write_rejects(w, &rejects))?;
        printer.message(format!(
            "wrote {} rejected record(s) to {}",
            rejects.len(),
            path.display()
        ));
    }
    if files.iter().any(|f| f.error.is_some()) {
        printer.message("nothing imported: a file could not be read");
        return Ok(ExitStatus::Failure);
    }
    // Without --event, everything is an address book.
    let raws = raws
        .into_iter()
        .map(|(origin, raw)| {
            let origin = if event.name.is_some() {
                origin
            } else {
                crate::model::Origin::Context
            };
            (origin, raw)
        })
        .collect();
    let names: Vec<String> = inputs.iter().map(|i| i.file.clone()).collect();
    let clock = std::time::Instant::now();
    let imported = db.import(&event, normalize.region, &names, raws, &rejects)?;
    let stored = clock.elapsed();
    let clock = std::time::Instant::now();
    let derived = derive(db, None)?;
    if printer.verbose {
        printer.message(format!(
            "read {:.2} s, store {:.2} s, contacts {:.2} s",
            read.as_secs_f64(),
            stored.as_secs_f64(),
            clock.elapsed().as_secs_f64()
        ));
    }
    // Contacts the new records made, and contacts they joined.
    let fresh: std::collections::HashSet<i64> = imported
        .added
        .iter()
        .chain(&imported.updated)
        .copied()
        .collect();
    let (mut new, mut matched) = (0, 0);
    for c in 0..derived.resolved.contacts.len() {
        let ids = derived.record_ids(c);
        let mine = ids.iter().filter(|id| fresh.contains(id)).count();
        if mine == 0 {
            continue;
        }
        if mine == ids.len() {
            new += 1;
        } else {
            matched += 1;
        }
    }
    printer.message(format!(
        "batch {}: {} new, {} updated, {} unchanged, {} rejected record(s)",
        imported.batch,
        imported.added.len(),
        imported.updated.len(),
        imported.unchanged,
        imported.rejected
    ));
    printer.message(format!(
        "contacts: {new} new, {matched} matched to existing ones; {} in the store",
        derived.resolved.contacts.len()
    ));
    Ok(ExitStatus::Success)
}

fn worklist(db: &mut Store, args: &WorklistArgs, printer: Printer) -> anyhow::Result<ExitStatus> {
    if let Some(path) = &args.output {
        export::check_worklist_path(path)?;
    }
    // A flag applies to this worklist; with --save it is remembered for the next ones.
    let mut plan = args.plan.resolve_with(db.setting("cadence")?.as_deref())?;
    if args.save {
        match args.plan.cadence.as_deref() {
            Some(path) if path == std::path::Path::new("default") => db.unset("cadence")?,
            Some(path) => db.set("cadence", &super::config::cadence_file(path)?)?,
            None => {}
        }
        if let Some(name) = &plan.from_name {
            db.set("from_name", name)?;
        }
    }
    if plan.from_name.is_none() {
        plan.from_name = db.setting("from_name")?;
    }
    let mut derived = derive(db, Some(&plan))?;
    if let Some(event) = &args.event {
        derived
            .worklist
            .retain(|r| r.event.eq_ignore_ascii_case(event));
    }
    if args.due {
        derived.worklist.retain(|r| r.due <= plan.today);
    }
    let rows = &derived.worklist;
    match &args.output {
        Some(path) => {
            // A calendar that imported the tasks before closes the ones done or cancelled.
            let is_ics = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ics"));
            if is_ics {
                let mut all = rows.clone();
                all.extend(crate::worklist::closed(&derived.resolved.contacts, &plan));
                export::write_worklist(path, &all, plan.today)?;
            } else {
                export::write_worklist(path, rows, plan.today)?;
            }
            printer.message(format!("wrote {} steps to {}", rows.len(), path.display()));
        }
        None if rows.is_empty() => printer.message("nothing to follow up"),
        None => {
            let limit = if args.all { rows.len() } else { 20 };
            let mut out = export::table::table(rows, limit, export::table::Look::stdout());
            if rows.len() > limit {
                let _ = writeln!(out, "  ... {} more (--all, or -o FILE)", rows.len() - limit);
            }
            printer.styled(&out)?;
        }
    }
    Ok(ExitStatus::Success)
}

fn decide_on(
    db: &mut Store,
    query: &str,
    kind: &str,
    day: Option<NaiveDate>,
    printer: Printer,
    said: impl Fn(&str) -> String,
) -> anyhow::Result<ExitStatus> {
    let derived = derive(db, None)?;
    let c = find(&derived, query)?;
    let said = said(&derived.resolved.contacts[c].display_name());
    db.decide(&Decision {
        kind: kind.into(),
        records: derived.record_ids(c),
        day,
        about: Some(said.clone()),
        ..Decision::default()
    })?;
    printer.message(said);
    Ok(ExitStatus::Success)
}

/// The contact a user named (see [`super::lookup`]).
fn find(derived: &Derived, query: &str) -> anyhow::Result<usize> {
    let region = crate::settings::region(None)?;
    Ok(super::lookup::find(
        &derived.resolved.contacts,
        query,
        region,
    )?)
}

/// Whether a record is the one a user named as FILE:RECORD (the file as given or its name).
fn matches_record(prov: &crate::model::Provenance, wanted: &str) -> bool {
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

fn show(db: &Store, query: &str, printer: Printer) -> anyhow::Result<ExitStatus> {
    let plan = remembered_plan(db, settings::today(None)?)?;
    let derived = pipeline::derive(
        db.records()?,
        &db.decisions()?,
        Some(&plan),
        true,
        &default_options()?,
    );
    let i = find(&derived, query)?;
    let c = &derived.resolved.contacts[i];
    let mut out = String::new();
    let _ = writeln!(out, "{}  ({})", c.display_name(), c.id);
    let list = |label: &str, values: &[String], out: &mut String| {
        if !values.is_empty() {
            let _ = writeln!(out, "  {label:<14}{}", values.join(", "));
        }
    };
    list("organizations", &c.organizations, &mut out);
    list("titles", &c.titles, &mut out);
    list("emails", &c.emails, &mut out);
    list("phones", &c.phones, &mut out);
    list("urls", &c.urls, &mut out);
    if let Some(b) = &c.birthday {
        let _ = writeln!(out, "  {:<14}{b}", "birthday");
    }
    if let Some(r) = c.rating {
        let _ = writeln!(out, "  {:<14}{}", "rating", r.as_str());
    }
    list("notes", &c.notes, &mut out);
    let events: Vec<String> = c
        .events
        .iter()
        .map(crate::normalize::event::render)
        .collect();
    list("met at", &events, &mut out);
    if c.known_before {
        let _ = writeln!(out, "  known before the event");
    }
    let _ = writeln!(out, "records:");
    for prov in &c.sources {
        let _ = writeln!(out, "  {prov}");
    }
    // The evidence that holds the contact together: each record against the first.
    if let (Some(snapshot), [first, rest @ ..]) = (&derived.snapshot, c.sources.as_slice()) {
        let _ = writeln!(out, "why these are one person:");
        let name = |p: &crate::model::Provenance| format!("{}:{}", p.file, p.record);
        for other in rest {
            match crate::resolve::explain(
                snapshot,
                &derived.resolved.contacts,
                &name(first),
                &name(other),
            ) {
                Ok(text) => {
                    for line in text.lines() {
                        let _ = writeln!(out, "  {line}");
                    }
                }
                Err(why) => {
                    let _ = writeln!(out, "  {why}");
                }
            }
        }
    }
    let f = &c.followup;
    if !f.done.is_empty() || f.snoozed_until.is_some() || f.skipped {
        let _ = writeln!(out, "follow-ups:");
        for (step, day, note) in &f.done {
            let _ = write!(out, "  {day}  {step} done");
            if let Some(n) = note {
                let _ = write!(out, ": {n}");
            }
            out.push('\n');
        }
        if let Some(until) = f.snoozed_until {
            let _ = writeln!(out, "  snoozed until {until}");
        }
        if f.skipped {
            let _ = writeln!(out, "  skipped: no more follow-ups");
        }
    }
    if let Some(row) = derived.worklist.iter().find(|r| r.contact_id == c.id) {
        let _ = writeln!(out, "next: {} on {}: {}", row.step, row.due, row.action);
    }
    printer.data(&out).context("writing to stdout")?;
    Ok(ExitStatus::Success)
}

/// The ID of a review pair: its two contacts' ids.
fn pair_id(derived: &Derived, p: &crate::resolve::ReviewPair) -> String {
    let c = &derived.resolved.contacts;
    format!("{}-{}", c[p.left].id, c[p.right].id)
}

fn review(db: &mut Store, args: &ReviewArgs, printer: Printer) -> anyhow::Result<ExitStatus> {
    use std::io::{BufRead, IsTerminal};
    let derived = derive(db, None)?;
    let pairs = &derived.resolved.review;
    let answer = |db: &mut Store, p: &crate::resolve::ReviewPair, same: bool| {
        let c = &derived.resolved.contacts;
        db.decide(&Decision {
            kind: if same { "merge" } else { "split" }.into(),
            records: derived.record_ids(p.left),
            other: derived.record_ids(p.right),
            about: Some(format!(
                "{} and {}: {}",
                c[p.left].display_name(),
                c[p.right].display_name(),
                if same {
                    "one person"
                } else {
                    "two people, kept apart"
                }
            )),
            ..Decision::default()
        })
    };
    let describe = |p: &crate::resolve::ReviewPair| {
        let c = &derived.resolved.contacts;
        let who = |i: usize| {
            let x = &c[i];
            let mut s = x.display_name();
            if let Some(o) = x.organization() {
                let _ = write!(s, ", {o}");
            }
            if let Some(e) = x.emails.first() {
                let _ = write!(s, " <{e}>");
            }
            let records: Vec<String> = x.sources.iter().map(|p| p.short()).collect();
            let _ = write!(s, "\n    records: {}", records.join(", "));
            s
        };
        format!(
            "{}\n  {}\n  {}\n  score {:+.1}: {}\n",
            pair_id(&derived, p),
            who(p.left),
            who(p.right),
            p.score,
            p.evidence
        )
    };
    if let Some((id, same)) = args
        .accept
        .as_ref()
        .map(|id| (id, true))
        .or(args.reject.as_ref().map(|id| (id, false)))
    {
        let Some(p) = pairs.iter().find(|p| pair_id(&derived, p) == id.trim()) else {
            bail!("{id}: no such pair to review (list them with `rolo review`)");
        };
        answer(db, p, same)?;
        printer.message(format!(
            "{}: {}",
            id.trim(),
            if same {
                "one person, merged"
            } else {
                "two people, kept apart"
            }
        ));
        return Ok(ExitStatus::Success);
    }
    if pairs.is_empty() {
        printer.message("nothing to review");
        return Ok(ExitStatus::Success);
    }
    if !std::io::stdin().is_terminal() {
        let mut out = String::new();
        for p in pairs {
            out.push_str(&describe(p));
        }
        let _ = writeln!(
            out,
            "{} pair(s); answer with rolo review --accept ID or --reject ID",
            pairs.len()
        );
        printer.data(&out)?;
        return Ok(ExitStatus::Success);
    }
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let (mut merged, mut apart) = (0, 0);
    let total = pairs.len();
    'pairs: for (k, p) in pairs.iter().enumerate() {
        printer.data(&format!("\npair {} of {total}: {}", k + 1, describe(p)))?;
        loop {
            printer.data("one person? [y]es, [n]o, [s]kip, [q]uit, [?] help: ")?;
            let Some(Ok(line)) = lines.next() else {
                break 'pairs;
            };
            match line.trim().to_lowercase().as_str() {
                "y" | "yes" => {
                    answer(db, p, true)?;
                    merged += 1;
                }
                "n" | "no" => {
                    answer(db, p, false)?;
                    apart += 1;
                }
                "s" | "skip" => {}
                "q" | "quit" => break 'pairs,
                "?" | "h" | "help" => {
                    printer.data(
                        "  y: one person: merge them (remembered by later imports)\n  \
                         n: two people: keep them apart (remembered too)\n  \
                         s: decide later\n  q: stop here; what was answered is kept\n",
                    )?;
                    continue;
                }
                _ => {
                    printer.data("  answer y, n, s or q (? for help)\n")?;
                    continue;
                }
            }
            break;
        }
    }
    printer.message(format!("{merged} merged, {apart} kept apart"));
    Ok(ExitStatus::Success)
}
