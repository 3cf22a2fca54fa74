//! Finding the contact a user names on the command line, the way a user names people: by id or
//! the start of one, an email, a phone number written any way, a LinkedIn profile's address, or
//! a name typed without its accents, with a phone's curly apostrophe, in another case or
//! spacing. A name that fits no one gets the closest names with their ids.

use std::fmt::Write as _;

use crate::model::Contact;
use crate::normalize::phone;

/// Why a query names no single contact, with what the user can type instead.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct NotFound(String);

/// The shortest start of an id that the lookup takes.
const MIN_PREFIX: usize = 4;

/// The index of the one contact `query` names.
pub fn find(contacts: &[Contact], query: &str, region: phone::Id) -> Result<usize, NotFound> {
    let q = query.trim();
    let lower = q.to_lowercase();
    let one = |found: Vec<usize>| -> Option<Result<usize, NotFound>> {
        match found.as_slice() {
            [] => None,
            [i] => Some(Ok(*i)),
            many => Some(Err(ambiguous(contacts, query, many))),
        }
    };
    let all = || 0..contacts.len();
    if let Some(i) = contacts.iter().position(|c| c.id == lower) {
        return Ok(i);
    }
    if lower.len() >= MIN_PREFIX
        && lower.bytes().all(|b| b.is_ascii_hexdigit())
        && let Some(found) = one(all()
            .filter(|&i| contacts[i].id.starts_with(&lower))
            .collect())
    {
        return found;
    }
    let email = lower.strip_prefix("mailto:").unwrap_or(&lower);
    if email.contains('@')
        && let Some(found) = one(all()
            .filter(|&i| contacts[i].emails.iter().any(|e| e == email))
            .collect())
    {
        return found;
    }
    if let Ok((url, true)) = crate::normalize::url::normalize(q)
        && let Some(found) = one(all()
            .filter(|&i| contacts[i].linkedin.as_deref() == Some(url.as_str()))
            .collect())
    {
        return found;
    }
    if let Some(number) = phone_of(q, region)
        && let Some(found) = one(all()
            .filter(|&i| {
                contacts[i]
                    .phone_entries()
                    .iter()
                    .any(|p| p.e164.as_deref() == Some(number.as_str()))
            })
            .collect())
    {
        return found;
    }
    let folded = fold(q);
    if folded.is_empty() {
        return Err(NotFound(format!("{query:?}: name a contact")));
    }
    if let Some(found) = one(all()
        .filter(|&i| names(&contacts[i]).contains(&folded))
        .collect())
    {
        return found;
    }
    // One word: the given or family name of one contact only.
    if !folded.contains(' ')
        && let Some(found) = one(all()
            .filter(|&i| {
                let c = &contacts[i];
                [&c.name.given, &c.name.family]
                    .into_iter()
                    .flatten()
                    .any(|part| fold(part) == folded)
            })
            .collect())
    {
        return found;
    }
    Err(NotFound(unknown(contacts, query, &folded)))
}

/// What a contact may be named by, as the store indexes it: each kind of value [`find`] compares
/// a query with, but the id (`email:…`, `linkedin:…`, `phone:+…`, `name:…` for a whole name,
/// `part:…` for a given or family name).
pub fn keys(c: &Contact) -> Vec<String> {
    let mut keys: Vec<String> = c.emails.iter().map(|e| format!("email:{e}")).collect();
    keys.extend(c.linkedin.iter().map(|l| format!("linkedin:{l}")));
    keys.extend(
        c.phone_entries()
            .iter()
            .filter_map(|p| p.e164.as_deref())
            .map(|e| format!("phone:{e}")),
    );
    keys.extend(names(c).into_iter().map(|n| format!("name:{n}")));
    keys.extend(
        [&c.name.given, &c.name.family]
            .into_iter()
            .flatten()
            .map(|part| format!("part:{}", fold(part))),
    );
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A query as the store's index is asked: the [`keys`] a contact it names has, and the id or
/// the start of one it may be.
pub struct Query {
    pub keys: Vec<String>,
    pub id: String,
    /// The query may be the start of an id.
    pub prefix: bool,
}

impl Query {
    pub fn new(query: &str, region: phone::Id) -> Query {
        let q = query.trim();
        let lower = q.to_lowercase();
        let mut keys = Vec::new();
        let email = lower.strip_prefix("mailto:").unwrap_or(&lower);
        if email.contains('@') {
            keys.push(format!("email:{email}"));
        }
        if let Ok((url, true)) = crate::normalize::url::normalize(q) {
            keys.push(format!("linkedin:{url}"));
        }
        if let Some(number) = phone_of(q, region) {
            keys.push(format!("phone:{number}"));
        }
        let folded = fold(q);
        if !folded.is_empty() {
            keys.push(format!("name:{folded}"));
            if !folded.contains(' ') {
                keys.push(format!("part:{folded}"));
            }
        }
        Query {
            keys,
            prefix: lower.len() >= MIN_PREFIX && lower.bytes().all(|b| b.is_ascii_hexdigit()),
            id: lower,
        }
    }
}

/// A number as E.164, where the query is one (seven digits or more, and nothing but what
/// numbers are written with).
fn phone_of(query: &str, region: phone::Id) -> Option<String> {
    let q = query.strip_prefix("tel:").unwrap_or(query);
    let digits = q.bytes().filter(u8::is_ascii_digit).count();
    let number_like = q
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().\u{a0}/".contains(c));
    (digits >= 7 && number_like)
        .then(|| phone::normalize(q, region).ok())
        .flatten()
        .map(|p| p.e164)
}

/// A name as it is compared: accents and case gone, apostrophes of every kind and dots left
/// out, hyphens and runs of spaces as one space (`James O’Connor` = `james oconnor`).
pub fn fold(name: &str) -> String {
    let plain = deunicode::deunicode(name).to_lowercase();
    let kept: String = plain
        .chars()
        .filter(|c| !matches!(c, '\'' | '`' | '.' | '"'))
        .map(|c| if c == '-' || c == ',' { ' ' } else { c })
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The forms of a contact's name a user may type: as shown, given then family, family then
/// given.
fn names(c: &Contact) -> Vec<String> {
    let mut out = vec![fold(&c.display_name())];
    if let (Some(g), Some(f)) = (&c.name.given, &c.name.family) {
        out.push(fold(&format!("{g} {f}")));
        out.push(fold(&format!("{f} {g}")));
    }
    out
}

/// Several contacts fit: each with its id and what tells them apart.
fn ambiguous(contacts: &[Contact], query: &str, many: &[usize]) -> NotFound {
    let mut text = format!("{query}: {} contacts fit; give an id:", many.len());
    for &i in many {
        let c = &contacts[i];
        let _ = write!(
            text,
            "\n  {}  {}  {}  {}",
            c.id,
            c.display_name(),
            c.organization().unwrap_or("-"),
            c.emails.first().map_or("-", String::as_str)
        );
    }
    NotFound(text)
}

/// No contact fits: the closest names, if any is close.
fn unknown(contacts: &[Contact], query: &str, folded: &str) -> String {
    let mut close: Vec<(f64, usize)> = (0..contacts.len())
        .filter_map(|i| {
            let best = names(&contacts[i])
                .iter()
                .map(|n| strsim::jaro_winkler(n, folded))
                .fold(0.0, f64::max);
            (best >= 0.85).then_some((best, i))
        })
        .collect();
    close.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut text = format!("{query}: no contact has this id, email, phone, profile or name");
    if !close.is_empty() {
        text.push_str("; did you mean:");
        for &(_, i) in close.iter().take(3) {
            let c = &contacts[i];
            let _ = write!(
                text,
                "\n  {}  {}  {}",
                c.id,
                c.display_name(),
                c.organization().unwrap_or("-")
            );
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(id: &str, given: &str, family: &str, email: &str) -> Contact {
        let mut c = Contact {
            id: id.into(),
            ..Contact::default()
        };
        c.name.given = Some(given.into());
        c.name.family = Some(family.into());
        c.emails.push(email.into());
        c
    }

    #[test]
    fn names_are_found_as_users_type_them() {
        let contacts = vec![
            contact("a5064fe24a53", "José", "Müller", "jose@x.example"),
            contact("c0ffee1234ab", "James", "O'Connor", "james@x.example"),
            contact("c0ffee000001", "Kwame", "Mensah", "kwame@x.example"),
        ];
        let find = |q: &str| find(&contacts, q, phone::Id::US);
        assert_eq!(find("Jose Muller").unwrap(), 0);
        assert_eq!(find("MÜLLER, JOSÉ").unwrap(), 0);
        assert_eq!(find("james o’connor").unwrap(), 1);
        assert_eq!(find("  James   OConnor ").unwrap(), 1);
        assert_eq!(find("Kwame").unwrap(), 2);
        assert_eq!(find("C0FFEE1").unwrap(), 1);
        assert_eq!(find("mailto:KWAME@x.example").unwrap(), 2);
        let miss = find("Kwame Mensha").unwrap_err().to_string();
        assert!(
            miss.contains("did you mean:\n  c0ffee000001  Kwame Mensah"),
            "{miss}"
        );
        // A prefix two ids share is no answer.
        assert!(find("c0ff").is_err());
    }
}
