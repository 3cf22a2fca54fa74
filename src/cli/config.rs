//! `rolo config`: the settings the store remembers, where each value in force comes from, and
//! setting or forgetting them.
//!
//! A setting is looked for in this order, the first found wins: a flag given to the command
//! (it applies to that command only, unless `--save` is given with it), the environment
//! (`ROLO_FROM_NAME`), the store (`rolo config set`, or a flag given with `--save`), the locale
//! (the region), rolo's default.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use clap::{Args, Subcommand};

use crate::error::ExitStatus;
use crate::printer::Printer;
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
                "cadence" => db.set(stored, &cadence_file(Path::new(value))?)?,
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

/// A cadence file's text, once it has been checked to be usable.
pub fn cadence_file(path: &Path) -> anyhow::Result<String> {
    let text = fs_err::read_to_string(path)?;
    Cadence::from_toml(&text)
        .with_context(|| format!("{}: not a usable cadence", path.display()))?;
    Ok(text)
}

/// Each setting, its value in force and where that comes from.
fn list(db: &Store) -> anyhow::Result<String> {
    let mut out = String::new();
    let cadence = match db.setting("cadence")? {
        Some(text) => (
            describe(&Cadence::from_toml(&text).context("the remembered cadence")?),
            "store",
        ),
        None => (describe(&Cadence::default()), "rolo's default"),
    };
    let env_name = std::env::var("ROLO_FROM_NAME")
        .ok()
        .filter(|n| !n.trim().is_empty());
    let from_name = match (env_name, db.setting("from_name")?) {
        (Some(name), _) => (name, "environment ROLO_FROM_NAME"),
        (None, Some(name)) => (name, "store"),
        (None, None) => ("(none: drafts are not signed)".into(), "not set"),
    };
    let region = match db.setting("region")? {
        Some(cc) => (cc, "store"),
        None => match crate::normalize::phone::locale_region() {
            Some(cc) => (cc.to_string(), "locale"),
            None => ("US".into(), "rolo's default"),
        },
    };
    for (key, (value, source)) in [
        ("cadence", cadence),
        ("from-name", from_name),
        ("region", region),
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
