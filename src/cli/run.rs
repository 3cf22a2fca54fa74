//! `rolo run`: the one-shot pipeline from files to outputs.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use clap::Args;

use crate::error::ExitStatus;
use crate::export::{self, ContactsFormat};
use crate::model::Origin;
use crate::pipeline::{self, Outcome, RunSettings};
use crate::printer::Printer;
use crate::progress::Timing;
use crate::worklist::Rows;

use super::args::{InputArgs, PlanArgs};

#[derive(Debug, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,
    /// Write the merged contacts here; the format comes from the extension (.jsonl, .csv, .vcf,
    /// .xlsx) unless --contacts-format names one.
    #[arg(long, value_name = "PATH")]
    contacts: Option<PathBuf>,
    /// The format of --contacts: jsonl, csv, google-csv, outlook-csv, hubspot-csv, vcf (3.0),
    /// vcf4 or xlsx.
    #[arg(long, value_name = "NAME", value_parser = contacts_format, requires = "contacts")]
    contacts_format: Option<ContactsFormat>,
    /// Write the worklist here: .csv, .md (a checklist), .html (a page to print), .ics (tasks for
    /// a calendar) or .jsonl.
    #[arg(long, value_name = "PATH")]
    worklist: Option<PathBuf>,
    /// Write the rejected records here (CSV).
    #[arg(long, value_name = "PATH")]
    rejects: Option<PathBuf>,
    /// Write the pairs that share something but were not merged here (CSV).
    #[arg(long, value_name = "PATH")]
    review: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) plan: PlanArgs,
    /// Print the evidence between two records or contacts, each a contact id, FILE:RECORD, an
    /// email or a name, as a waterfall of weights.
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    explain: Vec<String>,
}

pub(crate) fn contacts_format(name: &str) -> Result<ContactsFormat, String> {
    ContactsFormat::from_name(name)
        .ok_or_else(|| format!("unknown format (use one of {})", ContactsFormat::NAMES))
}

/// How many worklist rows the summary shows.
const TOP: usize = 10;

pub(crate) fn run(args: RunArgs, printer: Printer) -> anyhow::Result<ExitStatus> {
    let mut settings = resolve_settings(&args)?;
    // The contacts' exports name each one's next step; the summary shows the first rows.
    settings.worklist = args.worklist.is_some() || args.contacts.is_some() || !printer.quiet;
    let contacts_format = match (&args.contacts, args.contacts_format) {
        (Some(_), Some(format)) => Some(format),
        (Some(path), None) => Some(ContactsFormat::from_path(path)?),
        _ => None,
    };
    if let Some(path) = &args.worklist {
        export::check_worklist_path(path)?;
    }
    let reporter = printer.reporter();
    let outcome = pipeline::run(&settings, reporter.as_ref());
    reporter.stage("writing");
    let mut written = Vec::new();
    let mut writes = Vec::new();
    // Writes one output, noting its path and how long it took.
    let mut write = |stage, path: &Path, write: &dyn Fn() -> Result<(), export::ExportError>| {
        let started = Instant::now();
        write()?;
        writes.push(Timing::since(stage, started));
        written.push(path.display().to_string());
        anyhow::Ok(())
    };
    let rows = outcome.worklist.with(&outcome.resolved.contacts);
    if let Some((path, format)) = args.contacts.as_ref().zip(contacts_format) {
        write("write contacts", path, &|| {
            export::write_contacts(path, format, &outcome.resolved.contacts, &rows)
        })?;
    }
    if let Some(path) = &args.worklist {
        write("write worklist", path, &|| {
            export::write_worklist(path, &rows, settings.plan.today)
        })?;
    }
    if let Some(path) = &args.rejects {
        write("write rejects", path, &|| {
            export::atomic(path, |w| export::write_rejects(w, &outcome.rejects))
        })?;
    }
    if let Some(path) = &args.review {
        write("write review", path, &|| {
            export::write_review_file(path, &outcome.resolved.review, &outcome.resolved.contacts)
        })?;
    }
    reporter.finish();

    print_summary(&printer, &outcome, &settings, &written, &args);
    if printer.verbose {
        printer.message(resolve_report(&outcome, &writes));
    }
    if let Some(explained) = &outcome.explained {
        match explained {
            Ok(text) => printer
                .data(&format!("\n{text}"))
                .context("writing the explanation to stdout")?,
            Err(why) => {
                printer.error(why, None);
                return Ok(ExitStatus::Failure);
            }
        }
    }
    if !printer.quiet && !outcome.worklist.is_empty() {
        printer
            .styled(&top_of_worklist(&rows, args.worklist.is_some()))
            .context("writing the worklist to stdout")?;
    }
    let status = if outcome.had_file_errors() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    };
    // The process ends next: freeing hundreds of thousands of records one by one takes longer
    // than the system takes to reclaim the memory at once.
    std::mem::forget(outcome);
    Ok(status)
}

fn resolve_settings(args: &RunArgs) -> anyhow::Result<RunSettings> {
    let (inputs, event, normalize) = args.input.resolve()?;
    Ok(RunSettings {
        inputs,
        event,
        normalize,
        plan: args.plan.plan(&crate::settings::Settings::resolve(
            args.plan.given(),
            None,
        )?)?,
        explain: match args.explain.as_slice() {
            [a, b] => Some((a.clone(), b.clone())),
            _ => None,
        },
        worklist: true,
    })
}

fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What was read from each file: its format, records, rejects and warnings, with examples.
pub(super) fn print_files(printer: &Printer, files: &[crate::pipeline::FileReport]) {
    let read_ok = files.iter().filter(|f| f.error.is_none()).count();
    printer.message(format!(
        "read {} of {}:",
        read_ok,
        plural(files.len() as u64, "file", "files")
    ));
    for f in files {
        if let Some(err) = &f.error {
            printer.error(err, Some(err.hint()));
            continue;
        }
        let mut line = format!("  {}  {}", f.file, f.info.format);
        if let Some(enc) = f.info.encoding {
            let _ = write!(line, ", {enc}");
        }
        if !f.info.sheets.is_empty() {
            let _ = write!(line, ", sheets {}", quoted(&f.info.sheets));
        }
        if f.origin == Origin::Context {
            line.push_str(", context");
        }
        let _ = write!(
            line,
            ": {}, {} rejected, {}",
            plural(f.records, "record", "records"),
            f.rejected,
            plural(f.warnings, "warning", "warnings")
        );
        printer.message(line);
        if !f.info.skipped_sheets.is_empty() {
            printer.message(format!(
                "      sheets without a contact header skipped: {}",
                quoted(&f.info.skipped_sheets)
            ));
        }
        for note in &f.info.notes {
            printer.message(format!("      {note}"));
        }
        for example in &f.examples {
            printer.message(format!("      {example}"));
        }
    }
}

fn print_summary(
    printer: &Printer,
    outcome: &Outcome,
    settings: &RunSettings,
    written: &[String],
    args: &RunArgs,
) {
    print_files(printer, &outcome.files);
    let records = outcome.records;
    let contacts = outcome.resolved.contacts.len();
    let mut line = format!(
        "contacts: {} from {} ({} merged)",
        contacts,
        plural(records as u64, "record", "records"),
        records - contacts
    );
    if !outcome.rejects.is_empty() {
        let _ = write!(line, ", {} rejected", outcome.rejects.len());
        if args.rejects.is_none() {
            line.push_str(" (write them with --rejects PATH)");
        }
    }
    if !outcome.resolved.review.is_empty() {
        let _ = write!(
            line,
            ", {}",
            plural(
                outcome.resolved.review.len() as u64,
                "pair to review",
                "pairs to review"
            )
        );
        if args.review.is_none() {
            line.push_str(" (--review PATH)");
        }
    }
    printer.message(line);
    match &settings.event.name {
        Some(event) => {
            let known = outcome
                .resolved
                .contacts
                .iter()
                .filter(|c| !c.events.is_empty() && c.known_before)
                .count();
            printer.message(format!(
                "tagged: {} with \"{event}\" ({known} known before)",
                outcome.tagged
            ));
            let overdue = outcome
                .worklist
                .planned()
                .iter()
                .filter(|p| p.overdue)
                .count();
            printer.message(format!(
                "worklist: {} ({overdue} overdue)",
                plural(outcome.worklist.len() as u64, "row", "rows")
            ));
        }
        None => printer.message("tagged: none (no --event given, so no worklist)"),
    }
    if written.is_empty() {
        printer.message(
            "wrote nothing (name outputs with --contacts, --worklist, --rejects, --review)",
        );
    } else {
        printer.message(format!("wrote {}", written.join(", ")));
    }
}

/// What the resolver did: candidate pairs per blocking rule, keys too common to score, bands,
/// and the time of each stage.
fn resolve_report(outcome: &Outcome, writes: &[Timing]) -> String {
    let report = &outcome.resolved.report;
    let mut out = String::from("resolve:\n");
    for r in &report.per_rule {
        let label = r.rule.map(|r| r.label()).unwrap_or_default();
        let _ = writeln!(
            out,
            "  {label:<28} {:>9} candidate pairs in {:>7} blocks",
            r.pairs, r.blocks
        );
    }
    let _ = writeln!(
        out,
        "  {:<28} {:>9} distinct pairs scored: {} merge, {} review, {} joins refused by a \
         conflict",
        "all rules", report.candidates, report.merge_band, report.review_band, report.refused
    );
    if !report.capped.is_empty() {
        let _ = writeln!(
            out,
            "  {} keys shared by too many records to say who someone is, not scored:",
            report.capped.len()
        );
        for c in report.capped.iter().take(10) {
            let _ = writeln!(
                out,
                "    {} {}: {} records",
                c.rule.label(),
                c.key,
                c.records
            );
        }
    }
    for timing in &report.timings {
        let _ = writeln!(out, "  {timing}");
    }
    out.push_str("stages:\n");
    for f in outcome.files.iter().filter(|f| f.error.is_none()) {
        let secs = f.took.as_secs_f64().max(1e-6);
        let _ = writeln!(
            out,
            "  read {} ({}): {:.1} MB in {:.2} s, {:.1} MB/s, {:.0} records/s",
            f.file,
            f.info.format,
            f.bytes as f64 / 1e6,
            secs,
            f.bytes as f64 / 1e6 / secs,
            f.records as f64 / secs
        );
    }
    for timing in outcome.timings.iter().chain(writes) {
        let _ = writeln!(out, "  {timing}");
    }
    out.pop();
    out
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first rows of the worklist, for a person to read.
fn top_of_worklist(rows: &impl Rows, written: bool) -> String {
    let shown = rows.len().min(TOP);
    let mut out = format!("\nFollow up first ({shown} of {}):\n", rows.len());
    out.push_str(&export::table::table(
        rows,
        TOP,
        export::table::Look::stdout(),
    ));
    if !written && rows.len() > shown {
        out.push_str("  ... write them all with --worklist PATH\n");
    }
    out
}
