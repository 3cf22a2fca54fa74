//! `rolo import`: files into the store, as one batch.

use std::path::PathBuf;

use clap::Args;

use super::{default_options, derive};
use crate::cli::args::InputArgs;
use crate::error::ExitStatus;
use crate::export;
use crate::pipeline;
use crate::printer::Printer;
use crate::resolve::ReviewPair;
use crate::store::{Imported, Patch, Put, Store};
use anyhow::bail;
use std::collections::{BTreeSet, HashMap, HashSet};

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write the records that could not become a contact, with the reason and their text.
    #[arg(long, value_name = "PATH")]
    rejects: Option<PathBuf>,
}

pub(super) fn import(
    db: &mut Store,
    args: &ImportArgs,
    printer: Printer,
) -> anyhow::Result<ExitStatus> {
    let (mut inputs, event, mut normalize) = args.input.resolve()?;
    // A mapping remembered for a header is applied to the next file with that header.
    let profiles: Vec<(String, crate::read::mapping::Mapping)> = db
        .profiles()?
        .into_iter()
        .filter_map(|(sig, toml)| {
            Some((sig, crate::read::mapping::Mapping::from_toml(&toml).ok()?))
        })
        .collect();
    if !profiles.is_empty() {
        let read = std::sync::Arc::new(crate::read::mapping::Options {
            mapping: args.input.read.mapping()?,
            profiles,
            ocr_lang: args.input.read.ocr_lang.clone(),
        });
        for input in &mut inputs {
            input.read = read.clone();
        }
    }
    // --region, else the region `rolo config set region` remembers, else the locale's.
    normalize.region =
        crate::settings::Settings::region(args.input.read.region.as_deref(), Some(db))?.value;
    if event.name.is_none() && event.window.is_some() {
        bail!("--met-on needs --event");
    }
    let clock = std::time::Instant::now();
    let reporter = printer.reporter();
    let (files, raws, rejects) = pipeline::read_raw(&inputs, &normalize, reporter.as_ref());
    let read = clock.elapsed();
    reporter.finish();
    crate::cli::run::print_files(&printer, &files);
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
    // A mapping given is remembered for the header of each table it named columns of.
    let given = args.input.read.mapping()?;
    for file in &files {
        for table in &file.info.tables {
            if table.applied != Some(crate::read::mapping::Applied::Given) {
                continue;
            }
            let mapping = given.for_headers(&table.header);
            let key = format!("mapping:{}", crate::read::mapping::signature(&table.header));
            db.set(&key, &mapping.to_toml())?;
            printer.message(format!(
                "{}: the mapping is remembered for this header; the next file with it is read the same way",
                file.file
            ));
        }
    }
    // Without --event, everything is an address book.
    let mut raws = raws;
    if event.name.is_none() {
        for raw in &mut raws {
            raw.origin = crate::model::Origin::Context;
        }
    }
    let names: Vec<String> = inputs.iter().map(|i| i.file.clone()).collect();
    let clock = std::time::Instant::now();
    let imported = db.import(&event, normalize.region, &names, raws, &rejects)?;
    let stored = clock.elapsed();
    let clock = std::time::Instant::now();
    let made = match unchanged(db, &imported)? {
        Some(made) => made,
        None => match added_to_contacts(db, &imported)? {
            Some(made) => made,
            None => everything_again(db, &imported)?,
        },
    };
    if printer.verbose {
        printer.message(format!(
            "read {:.2} s, store {:.2} s, contacts {:.2} s{}",
            read.as_secs_f64(),
            stored.as_secs_f64(),
            clock.elapsed().as_secs_f64(),
            made.how
        ));
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
        "contacts: {} new, {} matched to existing ones; {} in the store",
        made.new, made.matched, made.total
    ));
    Ok(ExitStatus::Success)
}

/// What an import's records made of the contacts: contacts of their own, contacts they
/// joined, and how many the store holds; `how` they were made, as `-v` says it.
struct Made {
    new: usize,
    matched: usize,
    total: usize,
    how: &'static str,
}

/// A batch may add at most this share of the records already resolved to be resolved against
/// what their resolve learned: more, and every contact is derived again, the weights learned
/// from all the records.
const ADDED_SHARE: usize = 10;

/// Derives every contact again from the store's records, and counts what the batch made.
fn everything_again(db: &Store, imported: &Imported) -> anyhow::Result<Made> {
    let derived = derive(db, None)?;
    let fresh: HashSet<i64> = imported
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
    Ok(Made {
        new,
        matched,
        total: derived.resolved.contacts.len(),
        how: "",
    })
}

/// A batch that added and replaced no record (files imported again) leaves the contacts kept
/// before it as they are: they are kept as those of the store's state with it. None when it
/// changed records, or the contacts kept are not those of the state before it.
fn unchanged(db: &Store, imported: &Imported) -> anyhow::Result<Option<Made>> {
    if !imported.added.is_empty() || !imported.updated.is_empty() {
        return Ok(None);
    }
    let region = default_options(db)?.region.to_string();
    let from = db.state_before(&region, imported.batch)?;
    let to = db.state(&region)?;
    Ok(db.restate(&from, &to)?.map(|total| Made {
        new: 0,
        matched: 0,
        total,
        how: " (nothing changed: the contacts kept)",
    }))
}

/// Resolves the records a batch added against the contacts kept before it, when it only added
/// records (none replaced) to contacts kept with what their resolve learned, and not many:
/// only the contacts the new records may join are read, resolved again with them and written.
/// None when that does not hold, and every contact is to be derived again.
fn added_to_contacts(db: &Store, imported: &Imported) -> anyhow::Result<Option<Made>> {
    if imported.added.is_empty() || !imported.updated.is_empty() {
        return Ok(None);
    }
    let opts = default_options(db)?;
    let region = opts.region.to_string();
    let from = db.state_before(&region, imported.batch)?;
    let Some(mut kept) = db.kept(&from)? else {
        return Ok(None);
    };
    let mut added = imported.added.clone();
    added.sort_unstable();
    if added.len() * ADDED_SHARE > kept.ids.len() || kept.ids.last() >= added.first() {
        return Ok(None);
    }
    // An event new to the store may be where people already in it were met (a connection
    // made on its days): every contact is tagged again.
    let known = db.events_before(imported.batch + 1)?;
    if known != db.events_before(imported.batch)? {
        return Ok(None);
    }
    let new_records = db.records_among(&added)?;
    if new_records.len() != added.len() {
        return Ok(None);
    }
    let new_records = pipeline::normalized(new_records, &opts);
    // The contacts the new records may join, and every record of them.
    let near = kept.snapshot.neighbours(&new_records.0);
    let gone: BTreeSet<usize> = near
        .iter()
        .map(|&g| kept.contact_of[g as usize] as usize)
        .collect();
    let gone: Vec<usize> = gone.into_iter().collect();
    let gone_records = db.records_at(&gone)?;
    let mut around: Vec<i64> = gone_records.iter().flatten().copied().collect();
    around.sort_unstable();
    around.dedup();
    let number = |ids: &[i64], id: &i64| ids.binary_search(id).ok().map(|i| i as u32);
    let Some(mut global) = around
        .iter()
        .map(|id| number(&kept.ids, id))
        .collect::<Option<Vec<u32>>>()
    else {
        return Ok(None);
    };
    let old_records = db.records_among(&around)?;
    if old_records.len() != around.len() {
        return Ok(None);
    }
    let (mut records, mut events) = pipeline::normalized(old_records, &opts);
    records.extend(new_records.0);
    events.extend(new_records.1);
    let first_new = kept.ids.len() as u32;
    global.extend((0..added.len() as u32).map(|j| first_new + j));
    let mut ids = around;
    ids.extend(&added);
    let resolved = pipeline::derive_added(
        (records, events),
        &ids,
        &global,
        &mut kept.snapshot,
        &db.decisions()?,
        &known,
    );
    // Where each contact goes: the places of those it replaces, then new places; a place
    // left empty takes the last contact.
    let before = kept.contacts;
    let put_n = resolved.contacts.len();
    let total = before - gone.len() + put_n;
    let ordinal = |i: usize| {
        if i < gone.len() {
            gone[i]
        } else {
            before + i - gone.len()
        }
    };
    let holes: Vec<usize> = gone.iter().skip(put_n).copied().collect();
    let moves: Vec<(usize, usize)> = (total..before)
        .filter(|o| !holes.contains(o))
        .zip(holes.iter().copied().filter(|&h| h < total))
        .collect();
    // The contact each record is in now.
    kept.contact_of.resize(kept.ids.len() + added.len(), 0);
    kept.ids.extend(&added);
    let mut contact_of_local = vec![0usize; ids.len()];
    for (i, c) in resolved.contacts.iter().enumerate() {
        for &m in &c.members {
            contact_of_local[m] = i;
            kept.contact_of[global[m] as usize] = ordinal(i) as u32;
        }
    }
    let froms: Vec<usize> = moves.iter().map(|m| m.0).collect();
    for (records, &(_, to)) in db.records_at(&froms)?.iter().zip(&moves) {
        for id in records {
            if let Some(g) = number(&kept.ids, id) {
                kept.contact_of[g as usize] = to as u32;
            }
        }
    }
    // The pairs to review: those of contacts not resolved again, at their places now; those
    // between one and a contact resolved again, at the contact its first record is in now;
    // and those the resolve found.
    let moved: HashMap<usize, usize> = moves.iter().copied().collect();
    let replaced: HashMap<usize, usize> = gone.iter().enumerate().map(|(i, &o)| (o, i)).collect();
    let now = |o: usize| -> Option<usize> {
        match replaced.get(&o) {
            Some(&i) => {
                let first = gone_records[i].first()?;
                let local = ids.binary_search(first).ok()?;
                Some(ordinal(contact_of_local[local]))
            }
            None => Some(moved.get(&o).copied().unwrap_or(o)),
        }
    };
    let old_review = std::mem::take(&mut kept.review)
        .into_iter()
        .filter_map(|pair| {
            if replaced.contains_key(&pair.left) && replaced.contains_key(&pair.right) {
                return None;
            }
            Some(ReviewPair {
                left: now(pair.left)?,
                right: now(pair.right)?,
                ..pair
            })
        });
    let found = resolved.review.into_iter().map(|pair| ReviewPair {
        left: ordinal(pair.left),
        right: ordinal(pair.right),
        ..pair
    });
    let review = crate::resolve::review_lines(old_review.chain(found));
    kept.review = review;
    // The contacts, each with an id no other contact kept has.
    let (mut new, mut matched) = (0, 0);
    let mut used: HashSet<String> = HashSet::new();
    let mut put = Vec::with_capacity(put_n);
    for (i, mut contact) in resolved.contacts.into_iter().enumerate() {
        let mine = contact
            .members
            .iter()
            .filter(|&&m| m >= ids.len() - added.len())
            .count();
        if mine == contact.members.len() {
            new += 1;
        } else if mine > 0 {
            matched += 1;
        }
        let base = contact.id.split('-').next().unwrap_or_default().to_string();
        let taken: HashSet<String> = db.ids_taken(&base, &gone)?.into_iter().collect();
        if !taken.is_empty() || used.contains(&contact.id) {
            contact.id = (2..)
                .map(|n| format!("{base}-{n}"))
                .find(|id| !taken.contains(id) && !used.contains(id))
                .unwrap_or_default();
        }
        used.insert(contact.id.clone());
        let records = contact.members.iter().map(|&m| ids[m]).collect();
        contact.members = contact
            .members
            .iter()
            .map(|&m| global[m] as usize)
            .collect();
        put.push(Put {
            ordinal: ordinal(i),
            contact,
            records,
        });
    }
    let patch = Patch {
        gone,
        put,
        moves,
        kept,
    };
    let to = db.state_before(&region, imported.batch + 1)?;
    if !db.patch(&from, &to, &region, &patch, crate::cli::lookup::keys)? {
        return Ok(None);
    }
    Ok(Some(Made {
        new,
        matched,
        total,
        how: " (the new records and the contacts they may join)",
    }))
}
