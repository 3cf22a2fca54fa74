//! `--explain A B`: the evidence between two records or contacts, as a waterfall.

use super::{Resolver, names};
use crate::model::{Contact, Record};

/// The records a query names: a contact id, `FILE:RECORD` (the file's path or name, and the
/// record's ordinal), an email address, or a name.
fn matching(query: &str, records: &[Record], contacts: &[Contact]) -> Vec<usize> {
    let query = query.trim();
    if let Some(c) = contacts.iter().find(|c| c.id == query) {
        return c.members.clone();
    }
    if let Some((file, n)) = query.rsplit_once(':')
        && let Ok(n) = n.trim().parse::<u64>()
    {
        let found: Vec<usize> = records
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                let p = r.prov();
                p.record == n
                    && (&*p.file == file
                        || std::path::Path::new(&*p.file)
                            .file_name()
                            .is_some_and(|f| f == file))
            })
            .map(|(i, _)| i)
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    if query.contains('@') {
        let email = query.to_lowercase();
        return records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.emails.contains(&email))
            .map(|(i, _)| i)
            .collect();
    }
    let folded = names::fold(query);
    let full = |r: &Record| {
        names::fold(&format!(
            "{} {}",
            r.name.given.as_deref().unwrap_or_default(),
            r.name.family.as_deref().unwrap_or_default()
        ))
    };
    let exact: Vec<usize> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| !folded.is_empty() && full(r) == folded)
        .map(|(i, _)| i)
        .collect();
    if !exact.is_empty() {
        return exact;
    }
    records
        .iter()
        .enumerate()
        .filter(|(_, r)| folded.len() >= 3 && full(r).contains(&folded))
        .map(|(i, _)| i)
        .collect()
}

/// The two records of a pair, each by its name and where it is (`place`), on two lines.
pub(super) fn pair(
    records: &[Record],
    x: usize,
    y: usize,
    place: impl Fn(usize) -> String,
) -> String {
    let describe = |i: usize| {
        let r = &records[i];
        let name = r
            .name
            .display
            .as_deref()
            .or_else(|| r.emails.first().map(String::as_str))
            .unwrap_or("(no name)");
        format!("{name} ({})", place(i))
    };
    format!("{}\n  ~ {}\n", describe(x), describe(y))
}

/// The waterfall of the strongest pair between the records `a` names and those `b` names.
/// `records` are the records as normalized, before the merged view took their values;
/// `contacts` the run's contacts.
pub fn explain(
    records: &[Record],
    contacts: &[Contact],
    a: &str,
    b: &str,
) -> Result<String, String> {
    let left = matching(a, records, contacts);
    let right = matching(b, records, contacts);
    for (query, found) in [(a, &left), (b, &right)] {
        if found.is_empty() {
            return Err(format!(
                "--explain: no record matches \"{query}\" (give a contact id, FILE:RECORD, an \
                 email or a name)"
            ));
        }
    }
    let resolver = Resolver::new(records);
    let best = left
        .iter()
        .flat_map(|&x| right.iter().map(move |&y| (x, y)))
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (x, y, resolver.explain(x, y)))
        .max_by(|p, q| p.2.total.total_cmp(&q.2.total));
    let Some((x, y, score)) = best else {
        return Err("--explain: both name the same single record".into());
    };
    let contact_of = |i: usize| contacts.iter().find(|c| c.members.contains(&i));
    let together = match (contact_of(x), contact_of(y)) {
        (Some(c), Some(d)) if c.id == d.id => format!("both in contact {}", c.id),
        (Some(c), Some(d)) => format!("in two contacts: {} and {}", c.id, d.id),
        _ => String::new(),
    };
    let mut out = pair(records, x, y, |i| records[i].prov().to_string());
    out.push_str(&score.waterfall());
    if !together.is_empty() {
        out.push_str(&format!("  {together}\n"));
    }
    if left.len() * right.len() > 1 {
        out.push_str(&format!(
            "  (the strongest of {} record pairs)\n",
            left.len() * right.len()
        ));
    }
    Ok(out)
}
