//! Turning flags, environment and locale into the ready values of a run.
//!
//! The settings a user can change between runs (the cadence, the name drafts are signed with,
//! the region of numbers written without a country code) are resolved here and nowhere else
//! ([`Settings::resolve`]). The first found wins, in this order:
//!
//! 1. a flag given to the command (`--cadence`, `--from-name`, `--region`): it applies to that
//!    command only, unless `--save` is given with it;
//! 2. the environment (`ROLO_FROM_NAME`);
//! 3. the store (`rolo config set`, or a flag given with `--save`);
//! 4. the locale (the region: its territory);
//! 5. rolo's default (its own cadence; unsigned drafts; the US).

use std::path::Path;

use anyhow::Context;
use chrono::NaiveDate;

use crate::error::BadOption;
use crate::normalize::phone::{self, Id};
use crate::store::Store;
use crate::worklist::Cadence;

/// Where a value in force comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Environment,
    Store,
    Locale,
    Default,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Flag => "flag",
            Source::Environment => "environment",
            Source::Store => "store",
            Source::Locale => "locale",
            Source::Default => "rolo's default",
        }
    }
}

/// A value in force and where it comes from.
#[derive(Debug, Clone)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// What the command line gives: each `None` where the flag is absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct Given<'a> {
    /// A cadence file, or `default` for rolo's own.
    pub cadence: Option<&'a Path>,
    pub from_name: Option<&'a str>,
    pub region: Option<&'a str>,
}

/// The settings in force for a command.
#[derive(Debug, Clone)]
pub struct Settings {
    pub cadence: Setting<Cadence>,
    /// `None`: drafts are not signed.
    pub from_name: Option<Setting<String>>,
    pub region: Setting<Id>,
}

/// The environment variable that gives the name drafts are signed with.
pub const FROM_NAME_VAR: &str = "ROLO_FROM_NAME";

impl Settings {
    /// The settings in force: from the flags `given`, the environment, the store `db` (none for
    /// `rolo run`), the locale and rolo's defaults, in that order.
    pub fn resolve(given: Given, db: Option<&Store>) -> anyhow::Result<Settings> {
        let remembered = |key: &str| remembered(db, key);
        let cadence = match given.cadence {
            Some(path) if path.as_os_str() == "default" => Setting {
                value: Cadence::default(),
                source: Source::Flag,
            },
            Some(path) => Setting {
                value: cadence_file(path)?.1,
                source: Source::Flag,
            },
            None => match remembered("cadence")? {
                Some(text) => Setting {
                    value: Cadence::from_toml(&text)
                        .context("the cadence the store remembers is not usable")?,
                    source: Source::Store,
                },
                None => Setting {
                    value: Cadence::default(),
                    source: Source::Default,
                },
            },
        };
        let named = |name: Option<String>, source| {
            name.map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty())
                .map(|value| Setting { value, source })
        };
        let from_name = named(given.from_name.map(String::from), Source::Flag)
            .or_else(|| named(std::env::var(FROM_NAME_VAR).ok(), Source::Environment))
            .or(named(remembered("from_name")?, Source::Store));
        Ok(Settings {
            cadence,
            from_name,
            region: Settings::region(given.region, db)?,
        })
    }

    /// The region alone, in the same order: the flag, the store, the locale, the US.
    pub fn region(given: Option<&str>, db: Option<&Store>) -> anyhow::Result<Setting<Id>> {
        Ok(match given {
            Some(cc) => Setting {
                value: region(Some(cc))?,
                source: Source::Flag,
            },
            None => match remembered(db, "region")?.and_then(|cc| phone::region_of(&cc)) {
                Some(value) => Setting {
                    value,
                    source: Source::Store,
                },
                None => match phone::locale_region() {
                    Some(value) => Setting {
                        value,
                        source: Source::Locale,
                    },
                    None => Setting {
                        value: Id::US,
                        source: Source::Default,
                    },
                },
            },
        })
    }
}

/// What the store remembers under `key`; nothing without a store.
fn remembered(db: Option<&Store>, key: &str) -> anyhow::Result<Option<String>> {
    Ok(match db {
        Some(db) => db.setting(key)?,
        None => None,
    })
}

/// A cadence file's text and its cadence, once it has been checked to be usable.
pub fn cadence_file(path: &Path) -> anyhow::Result<(String, Cadence)> {
    let text = fs_err::read_to_string(path)?;
    let cadence = Cadence::from_toml(&text)
        .with_context(|| format!("{}: not a usable cadence", path.display()))?;
    Ok((text, cadence))
}

/// An ISO date given as an option.
pub fn date(flag: &str, value: &str) -> Result<NaiveDate, BadOption> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| BadOption {
        message: format!("{flag} {value:?}: not a date"),
        hint: "write dates as YYYY-MM-DD, e.g. 2026-03-10".into(),
    })
}

/// `--met-on DATE` or `--met-on START..END`, inclusive.
pub fn met_on(value: &str) -> Result<(NaiveDate, NaiveDate), BadOption> {
    let (start, end) = match value.split_once("..") {
        Some((a, b)) => (date("--met-on", a)?, date("--met-on", b)?),
        None => {
            let d = date("--met-on", value)?;
            (d, d)
        }
    };
    if end < start {
        return Err(BadOption {
            message: format!("--met-on {value}: the last day is before the first"),
            hint: "write the window as START..END, e.g. 2026-03-10..2026-03-12".into(),
        });
    }
    Ok((start, end))
}

/// `--region CC`, else the locale's territory, else the US.
pub fn region(value: Option<&str>) -> Result<Id, BadOption> {
    match value {
        Some(cc) => phone::region_of(cc).ok_or_else(|| BadOption {
            message: format!("--region {cc:?}: not a country"),
            hint: "give an ISO 3166 country code, e.g. US, GB, DE".into(),
        }),
        None => Ok(phone::locale_region().unwrap_or(Id::US)),
    }
}

/// `--today`, else the local date.
pub fn today(value: Option<&str>) -> Result<NaiveDate, BadOption> {
    match value {
        Some(v) => date("--today", v),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

/// The files named, with a folder standing for the contact files directly inside it (by their
/// extension, in name order). A folder without any stays as named, to be reported.
pub fn expand_folders(paths: &[String]) -> Vec<String> {
    const EXTENSIONS: &[&str] = &[
        "csv", "tsv", "txt", "vcf", "vcard", "xlsx", "xlsm", "xls", "ods", "jpg", "jpeg", "png",
        "heic",
    ];
    let mut files = Vec::new();
    for path in paths {
        let Ok(entries) = std::fs::read_dir(path) else {
            files.push(path.clone());
            continue;
        };
        let mut inside: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            })
            .map(|p| p.display().to_string())
            .collect();
        inside.sort();
        if inside.is_empty() {
            files.push(path.clone());
        }
        files.extend(inside);
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn met_on_day_or_window() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            met_on("2026-03-10").unwrap(),
            (d("2026-03-10"), d("2026-03-10"))
        );
        assert_eq!(
            met_on("2026-03-10..2026-03-12").unwrap(),
            (d("2026-03-10"), d("2026-03-12"))
        );
        assert!(met_on("2026-03-12..2026-03-10").is_err());
        assert!(met_on("March").is_err());
    }
}
