//! Dates to ISO: ISO forms, LinkedIn's `Connected On` (`12 Mar 2024`, `7-Feb-22`), US and
//! European numeric forms, datetimes (the date is kept), and year-less birthdays (`--06-21`).

use chrono::{Datelike, NaiveDate, NaiveDateTime};

const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
    "%d %b %Y",
    "%d %B %Y",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%d. %B %Y",
    "%d %b. %Y",
    "%a, %d %b %Y",
    "%A, %B %d, %Y",
    "%d-%b-%y",
];
const DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y%m%dT%H%M%S",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y %H:%M",
];

/// A calendar date from the forms exports write; `None` if it is none of them.
pub fn parse(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    // ISO dates and datetimes, by far the most common, without trying every format.
    let iso_shaped = s.len() == 10 || matches!(s.as_bytes().get(10), Some(b'T' | b' '));
    if iso_shaped
        && let Some(day) = s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        return plausible(day);
    }
    // Time zones and offsets say nothing about the day met: cut them.
    let s = s.trim_end_matches('Z');
    let s = match s.rfind(['+']) {
        Some(i) if i > 10 => &s[..i],
        _ => s,
    };
    for f in DATE_FORMATS {
        if let Some(d) = NaiveDate::parse_from_str(s, f).ok().and_then(plausible) {
            return Some(d);
        }
    }
    for f in DATETIME_FORMATS {
        if let Some(d) = NaiveDateTime::parse_from_str(s, f)
            .ok()
            .and_then(|dt| plausible(dt.date()))
        {
            return Some(d);
        }
    }
    numeric(s)
}

/// A spreadsheet's serial day number written out as text (`45941.43` when a CSV was saved from
/// Excel with the column left as a number): days since 1899-12-30.
pub fn excel_serial(raw: &str) -> Option<NaiveDate> {
    let n: f64 = raw.trim().parse().ok()?;
    if !(20_000.0..=80_000.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(n as u64))
}

/// `03/12/2024` is the US month first unless the first number cannot be a month;
/// `12.03.2024` is day first (Europe). Eight digits that are no `YYYYMMDD` are read alike where
/// they end in a year (`03122024`, as a form's boxes are typed without their slashes).
fn numeric(s: &str) -> Option<NaiveDate> {
    let date_part = s.split([' ', 'T']).next()?;
    if date_part.len() == 8 && date_part.bytes().all(|b| b.is_ascii_digit()) {
        let [a, b] = [&date_part[..2], &date_part[2..4]].map(str::parse::<u32>);
        let (a, b, y) = (a.ok()?, b.ok()?, date_part[4..].parse::<i32>().ok()?);
        let (month, day) = if a > 12 { (b, a) } else { (a, b) };
        return NaiveDate::from_ymd_opt(y, month, day).and_then(plausible);
    }
    let sep = if date_part.contains('/') {
        '/'
    } else if date_part.contains('.') {
        '.'
    } else if date_part.contains('-') {
        '-'
    } else {
        return None;
    };
    let nums: Vec<u32> = date_part
        .split(sep)
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    if nums.len() != 3 {
        return None;
    }
    let year = |y: u32| -> i32 {
        match y {
            0..=69 => 2000 + y as i32,
            70..=99 => 1900 + y as i32,
            _ => y as i32,
        }
    };
    let (a, b, y) = (nums[0], nums[1], year(nums[2]));
    let (month, day) = if sep == '.' || a > 12 { (b, a) } else { (a, b) };
    NaiveDate::from_ymd_opt(y, month, day).and_then(plausible)
}

/// A day of the years contact files speak of (1800 to 2200): a date beyond is a typing slip or
/// a hostile value, kept raw with its problem.
pub(crate) fn plausible(d: NaiveDate) -> Option<NaiveDate> {
    (1800..=2200).contains(&d.year()).then_some(d)
}

/// A birthday as ISO, or `--MM-DD` where the year is unknown (vCard `--0621`, and the
/// placeholder years 1604 of Apple and 0000 of others).
pub fn birthday(raw: &str) -> Option<String> {
    let s = raw.trim();
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let yearless = if s.starts_with("--") && digits.len() == 4 {
        Some(&digits[..])
    } else if digits.len() == 8 && (digits.starts_with("1604") || digits.starts_with("0000")) {
        Some(&digits[4..])
    } else {
        None
    };
    if let Some(md) = yearless {
        let (m, d): (u32, u32) = (md[..2].parse().ok()?, md[2..].parse().ok()?);
        NaiveDate::from_ymd_opt(2000, m, d)?;
        return Some(format!("--{m:02}-{d:02}"));
    }
    if s.starts_with("--") {
        return None;
    }
    parse(s).map(|d| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse(s).map(|d| d.to_string())
    }

    #[test]
    fn linkedin_connected_on() {
        assert_eq!(iso("12 Mar 2024").as_deref(), Some("2024-03-12"));
        assert_eq!(iso("7-Feb-22").as_deref(), Some("2022-02-07"));
        assert_eq!(iso("01 Jan 2024").as_deref(), Some("2024-01-01"));
    }

    #[test]
    fn numeric_and_datetime_forms() {
        assert_eq!(iso("2024-03-12T14:33:00Z").as_deref(), Some("2024-03-12"));
        assert_eq!(iso("2024-03-12 09:15").as_deref(), Some("2024-03-12"));
        assert_eq!(iso("03/12/2024").as_deref(), Some("2024-03-12"));
        assert_eq!(iso("13/03/2024").as_deref(), Some("2024-03-13"));
        assert_eq!(iso("12.03.2024").as_deref(), Some("2024-03-12"));
        assert_eq!(iso("3/12/2024 2:05 PM").as_deref(), Some("2024-03-12"));
        // A form's boxes typed without their slashes; `YYYYMMDD` where it can be one.
        assert_eq!(iso("09051989").as_deref(), Some("1989-09-05"));
        assert_eq!(iso("25121975").as_deref(), Some("1975-12-25"));
        assert_eq!(iso("19890905").as_deref(), Some("1989-09-05"));
        assert_eq!(iso("13131989"), None);
        assert_eq!(iso("soon"), None);
    }

    #[test]
    fn excel_serial_days() {
        assert_eq!(
            excel_serial("46309.4375").map(|d| d.to_string()).as_deref(),
            Some("2026-10-14")
        );
        assert_eq!(excel_serial("12"), None);
    }

    #[test]
    fn birthdays_with_and_without_year() {
        assert_eq!(birthday("1963-09-21").as_deref(), Some("1963-09-21"));
        assert_eq!(birthday("19630921").as_deref(), Some("1963-09-21"));
        assert_eq!(birthday("--06-21").as_deref(), Some("--06-21"));
        assert_eq!(birthday("--0621").as_deref(), Some("--06-21"));
        assert_eq!(birthday("1604-06-21").as_deref(), Some("--06-21"));
        assert_eq!(birthday("someday"), None);
    }
}
