//! Turning flags, environment and locale into the ready values of a run.

use crate::normalize::phone::Id;
use chrono::NaiveDate;

use crate::error::BadOption;
use crate::normalize::phone;

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
        "csv", "tsv", "txt", "vcf", "vcard", "xlsx", "xlsm", "xls", "ods",
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
