//! `rolo import`: files into the store, as one batch.

use std::path::PathBuf;

use clap::Args;

use super::derive;
use crate::cli::args::InputArgs;
use crate::error::ExitStatus;
use crate::export;
use crate::pipeline;
use crate::printer::Printer;
use crate::store::Store;
use anyhow::bail;

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
