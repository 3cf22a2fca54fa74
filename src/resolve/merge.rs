//! The merged view of a contact's records. Survivorship: records captured at the event come
//! before context records (the badge shows where the person works now), then the order of the
//! files; every distinct value of every record is kept.

use sha2::{Digest, Sha256};

use crate::model::{Contact, Origin, Record};

/// Builds the contact of `members` (indexes into `records`, ascending).
pub(super) fn merged(mut members: Vec<usize>, records: &[Record]) -> Contact {
    members.sort_by_key(|&m| (records[m].origin != Origin::Event, m));
    let rs: Vec<&Record> = members.iter().map(|&m| &records[m]).collect();
    let mut c = Contact {
        members: members.clone(),
        ..Contact::default()
    };

    // The name written by a person (mixed case) beats one fixed from ALL CAPS; a name with both
    // parts beats one without; on a tie the first record wins (`max_by_key` keeps the last
    // maximum, hence the reversal).
    let best = rs
        .iter()
        .rev()
        .filter(|r| !r.name.is_empty())
        .max_by_key(|r| {
            let n = &r.name;
            (
                !n.recased,
                n.given.is_some() && n.family.is_some(),
                n.middle.is_some(),
            )
        });
    if let Some(r) = best {
        c.name = r.name.clone();
    }
    // Parts the best name lacks come from the others.
    for r in &rs {
        let n = &r.name;
        fill(&mut c.name.prefix, &n.prefix);
        fill(&mut c.name.suffix, &n.suffix);
        fill(&mut c.name.middle, &n.middle);
    }
    for r in &rs {
        if let Some(nick) = &r.nickname {
            fill(&mut c.nickname, &Some(nick.clone()));
        }
        extend(&mut c.emails, &r.emails);
        extend(&mut c.phones, &r.phones);
        for ext in &r.extensions {
            if !c.extensions.contains(ext) {
                c.extensions.push(ext.clone());
            }
        }
        extend(&mut c.urls, &r.urls);
        fill(&mut c.linkedin, &r.linkedin);
        extend(
            &mut c.organizations,
            &r.organization.iter().cloned().collect::<Vec<_>>(),
        );
        extend(&mut c.titles, &r.title.iter().cloned().collect::<Vec<_>>());
        extend(
            &mut c.departments,
            &r.department.iter().cloned().collect::<Vec<_>>(),
        );
        match (&c.birthday, &r.birthday) {
            (None, Some(b)) => c.birthday = Some(b.clone()),
            (Some(a), Some(b)) if a != b => c.custom.push(("birthday".into(), b.clone())),
            _ => {}
        }
        match (&c.country, &r.country) {
            (None, Some(country)) => c.country = Some(country.clone()),
            (Some(a), Some(b)) if a != b => c.custom.push(("country".into(), b.clone())),
            _ => {}
        }
        extend(&mut c.notes, &r.notes);
        c.rating = c.rating.max(r.rating);
        extend(&mut c.tags, &r.tags);
        for kv in &r.custom {
            if !c.custom.contains(kv) {
                c.custom.push(kv.clone());
            }
        }
        for p in &r.problems {
            if !c.problems.contains(p) {
                c.problems.push(p.clone());
            }
        }
        c.sources.push(r.prov().clone());
    }
    c.previous_organization = previous_organization(&rs);
    c
}

/// The organization of the context records (the address book's), where the event's records
/// name another one.
fn previous_organization(rs: &[&Record]) -> Option<String> {
    let event_keys: Vec<&str> = rs
        .iter()
        .filter(|r| r.origin == Origin::Event)
        .filter_map(|r| r.org_key.as_deref())
        .collect();
    if event_keys.is_empty() {
        return None;
    }
    rs.iter()
        .filter(|r| r.origin == Origin::Context)
        .find(|r| {
            r.org_key.as_deref().is_some_and(|k| {
                !event_keys
                    .iter()
                    .any(|e| crate::normalize::org::keys_match(e, k))
            })
        })
        .and_then(|r| r.organization.clone())
}

fn fill(slot: &mut Option<String>, value: &Option<String>) {
    if slot.is_none() {
        slot.clone_from(value);
    }
}

fn extend(list: &mut Vec<String>, values: &[String]) {
    for v in values {
        if !list.contains(v) {
            list.push(v.clone());
        }
    }
}

/// Gives every contact an id that depends only on its records' identifying values, so the same
/// records give the same ids in every run, whatever the order of the files.
pub(super) fn assign_ids(contacts: &mut [Contact], records: &[Record]) {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for c in contacts.iter_mut() {
        let key = identity(c, records);
        let digest = Sha256::digest(key.as_bytes());
        let mut id: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
        let n = seen.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            id = format!("{id}-{n}");
        }
        c.id = id;
    }
}

/// The smallest identifying key of the contact: an email, a LinkedIn profile, a phone, else its
/// name and organization, else the original text of its first record.
fn identity(c: &Contact, records: &[Record]) -> String {
    let mut keys: Vec<String> = Vec::new();
    keys.extend(c.emails.iter().map(|e| format!("email:{e}")));
    keys.extend(c.linkedin.iter().map(|u| format!("linkedin:{u}")));
    if keys.is_empty() {
        keys.extend(c.phones.iter().map(|p| format!("phone:{p}")));
    }
    if keys.is_empty() {
        let name = super::names::fold(&c.display_name());
        if !name.is_empty() {
            keys.push(format!(
                "name:{name}|{}",
                c.organization().unwrap_or_default()
            ));
        }
    }
    if keys.is_empty() {
        // Nothing but values that could not be normalized: those, as written.
        keys.extend(
            c.problems
                .iter()
                .map(|p| format!("{}:{}", p.field, p.value)),
        );
    }
    if keys.is_empty() {
        keys.extend(
            c.members
                .iter()
                .map(|&m| format!("record:{}", records[m].prov())),
        );
    }
    keys.into_iter().min().unwrap_or_default()
}
