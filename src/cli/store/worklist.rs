//! `rolo worklist`: the follow-ups from the store, as a table or a file.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;

use super::derive;
use crate::cli::args::PlanArgs;
use crate::error::ExitStatus;
use crate::export;
use crate::printer::Printer;
use crate::settings::{self, Settings, Source};
use crate::store::Store;
use crate::worklist::Rows;

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

pub(super) fn worklist(
    db: &mut Store,
    args: &WorklistArgs,
    printer: Printer,
) -> anyhow::Result<ExitStatus> {
    if let Some(path) = &args.output {
        export::check_worklist_path(path)?;
    }
    // A flag applies to this worklist; with --save it is remembered for the next ones.
    let settings = Settings::resolve(args.plan.given(), Some(db))?;
    if args.save {
        match args.plan.cadence.as_deref() {
            Some(path) if path == std::path::Path::new("default") => db.unset("cadence")?,
            Some(path) => db.set("cadence", &settings::cadence_file(path)?.0)?,
            None => {}
        }
        if let Some(name) = settings
            .from_name
            .as_ref()
            .filter(|s| s.source == Source::Flag)
        {
            db.set("from_name", &name.value)?;
        }
    }
    let plan = args.plan.plan(&settings)?;
    let mut derived = derive(db, Some(&plan))?;
    let contacts = &derived.resolved.contacts;
    if let Some(event) = &args.event {
        derived.worklist.retain(|p| {
            crate::worklist::event_of(&contacts[p.contact as usize])
                .is_some_and(|e| e.name.eq_ignore_ascii_case(event))
        });
    }
    if args.due {
        derived.worklist.retain(|p| p.due <= plan.today);
    }
    let rows = &derived.worklist.with(contacts);
    match &args.output {
        Some(path) => {
            // A calendar that imported the tasks before closes the ones done or cancelled.
            let is_ics = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ics"));
            let closed = if is_ics {
                let closed = crate::worklist::closed(contacts, &plan);
                let mut all = rows.all().into_owned();
                all.extend(closed.iter().cloned());
                export::write_worklist(path, &all[..], plan.today)?;
                closed.len()
            } else {
                export::write_worklist(path, rows, plan.today)?;
                0
            };
            let closed = match closed {
                0 => String::new(),
                n => format!(", and {n} closed (done or cancelled)"),
            };
            printer.message(format!(
                "wrote {} steps{closed} to {}",
                rows.len(),
                path.display()
            ));
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
