//! `rolo config`: the settings the store remembers, where each value in force comes from, and
//! setting or forgetting them.
//!
//! Where each value comes from, and in which order they are looked for, is decided in one place:
//! [`crate::settings::Settings::resolve`].

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use clap::{Args, Subcommand};

use crate::error::ExitStatus;
use crate::printer::Printer;
use crate::settings::{Given, Settings, Source, cadence_file};
use crate::store::Store;
use crate::worklist::Cadence;

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: Option<ConfigAction>,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Remember a setting: `cadence FILE` (or `default`), `from-name NAME`, `region CC`.
    Set { key: String, value: String },
    /// Forget a setting: the environment, the locale or rolo's default applies again.
    Unset { key: String },
}

/// The settings, as `rolo config` names them, and the store's key for each.
const KEYS: &[(&str, &str)] = &[
    ("cadence", "cadence"),
    ("from-name", "from_name"),
    ("region", "region"),
];

fn store_key(key: &str) -> anyhow::Result<&'static str> {
    KEYS.iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(key))
        .map(|(_, k)| *k)
        .with_context(|| {
            let names: Vec<&str> = KEYS.iter().map(|(n, _)| *n).collect();
            format!(
                "{key}: no such setting (the settings are {})",
                names.join(", ")
            )
        })
}

pub fn run(db: &mut Store, args: &ConfigArgs, printer: Printer) -> anyhow::Result<ExitStatus> {
    match &args.action {
        None => {
            printer.data(&list(db)?)?;
        }
        Some(ConfigAction::Set { key, value }) => {
            let stored = store_key(key)?;
            match stored {
                "cadence" if value == "default" => db.unset(stored)?,
                "cadence" => db.set(stored, &cadence_file(Path::new(value))?.0)?,
                "region" => {
                    let region = crate::settings::region(Some(value))?;
                    db.set(stored, &region.to_string())?;
                }
                _ => db.set(stored, value.trim())?,
            }
            printer.message(format!("{key} set"));
        }
        Some(ConfigAction::Unset { key }) => {
            db.unset(store_key(key)?)?;
            printer.message(format!("{key} unset"));
        }
    }
    Ok(ExitStatus::Success)
}

/// Each setting, its value in force and where that comes from.
fn list(db: &Store) -> anyhow::Result<String> {
    let mut out = String::new();
    let settings = Settings::resolve(Given::default(), Some(db))?;
    let from_name = match &settings.from_name {
        Some(name) if name.source == Source::Environment => (
            name.value.clone(),
            format!("environment {}", crate::settings::FROM_NAME_VAR),
        ),
        Some(name) => (name.value.clone(), name.source.as_str().to_string()),
        None => ("(none: drafts are not signed)".into(), "not set".into()),
    };
    for (key, (value, source)) in [
        (
            "cadence",
            (
                describe(&settings.cadence.value),
                settings.cadence.source.as_str().to_string(),
            ),
        ),
        ("from-name", from_name),
        (
            "region",
            (
                settings.region.value.to_string(),
                settings.region.source.as_str().to_string(),
            ),
        ),
    ] {
        let _ = writeln!(out, "{key:<10} {value}  ({source})");
    }
    let _ = writeln!(out, "store      {}", db.path());
    Ok(out)
}

/// A cadence in one line: its steps and their days.
fn describe(cadence: &Cadence) -> String {
    cadence
        .steps
        .iter()
        .map(|s| format!("{} +{}", s.name, s.offset_days))
        .collect::<Vec<_>>()
        .join(", ")
}
