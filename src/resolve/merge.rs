//! The merged view of a contact's records. Survivorship, for the value shown first of each
//! field: records captured at the event come before context records (the badge shows where the
//! person works now), then the most recent record (a capture or connection date), then the
//! order of the files; for the name, one written in mixed case beats one fixed from ALL CAPS and
//! the most complete wins. Every distinct value of every record is kept.

use std::mem::take;

use sha2::{Digest, Sha256};
use thin_vec::ThinVec;

use crate::model::{Contact, Origin, Record};

/// The order of a contact's records: captured at the event first, the latest capture first,
/// then as read. The first is the one its sources list first.
pub(super) fn order(m: usize, r: &Record) -> impl Ord + use<> {
    (
        r.origin != Origin::Event,
        std::cmp::Reverse(r.captured_on),
        m,
    )
}

/// Builds the contact of `members`: each record with its index into the records read. The
/// members' values are moved into the contact, not copied: afterwards a record keeps only what
/// tagging needs (its origin, event and capture day).
pub(super) fn merged(mut members: Vec<(usize, &mut Record)>) -> Contact {
    members.sort_by_key(|(m, r)| order(*m, r));
    let mut c = Contact {
        members: members.iter().map(|(m, _)| *m).collect(),
        ..Contact::default()
    };
    {
        let rs: Vec<&Record> = members.iter().map(|(_, r)| &**r).collect();
        // A name without a stand-in for a part (`Female Child`, `Declined`) beats one with;
        // the name written by a person (mixed case) beats one fixed from ALL CAPS; a name with
        // both parts beats one without; on a tie the first record wins (`max_by_key` keeps the
        // last maximum, hence the reversal).
        let stand_in = |part: &Option<_>, given| {
            part.as_deref()
                .is_some_and(|p| super::names::is_placeholder_name(p, given))
        };
        let best = rs
            .iter()
            .rev()
            .filter(|r| !r.name.is_empty())
            .max_by_key(|r| {
                let n = &r.name;
                (
                    !stand_in(&n.given, true) && !stand_in(&n.family, false),
                    !n.recased,
                    n.given.is_some() && n.family.is_some(),
                    n.middle.is_some(),
                )
            });
        if let Some(r) = best {
            c.name = r.name.clone();
        }
        // Another record's name, as it showed it, is kept beside the one shown (`John Doë`
        // beside `John Doe`).
        for r in &rs {
            if let Some(other) = r.name.display.as_deref()
                && !c
                    .name
                    .display
                    .as_deref()
                    .is_some_and(|d| d.eq_ignore_ascii_case(other))
            {
                let kv = ("name".to_string(), other.to_string());
                if !c.custom.contains(&kv) {
                    c.custom.push(kv);
                }
            }
        }
        // Parts the best name lacks come from the others.
        for r in &rs {
            let n = &r.name;
            fill(&mut c.name.prefix, &n.prefix);
            fill(&mut c.name.suffix, &n.suffix);
            fill(&mut c.name.middle, &n.middle);
        }
        c.previous_organization = previous_organization(&rs);
    }
    let (mut more_organizations, mut more_titles) = (Vec::new(), Vec::new());
    for (_, r) in members {
        let rare = r.take_rare();
        if c.nickname.is_none() {
            c.nickname = rare.nickname.map(String::from);
        }
        extend_list(&mut c.emails, take(&mut r.emails));
        extend_list(&mut c.phones, take(&mut r.phones));
        for ext in rare.extensions {
            if !c.extensions.contains(&ext) {
                c.extensions.push(ext);
            }
        }
        extend_list(&mut c.urls, take(&mut r.urls));
        if c.linkedin.is_none() {
            c.linkedin = r.linkedin.take().map(String::from);
        }
        extend(
            &mut c.organizations,
            r.organization.take().map(String::from),
        );
        extend(&mut c.titles, r.title.take().map(String::from));
        extend(&mut c.departments, rare.department.map(String::from));
        match (&c.birthday, rare.birthday) {
            (None, Some(b)) => c.birthday = Some(b.into()),
            (Some(a), Some(b)) if *a != b => c.custom.push(("birthday".into(), b.into())),
            _ => {}
        }
        match (&c.country, r.country.take()) {
            (None, Some(country)) => c.country = Some(country.into()),
            (Some(a), Some(b)) if *a != b => c.custom.push(("country".into(), b.into())),
            _ => {}
        }
        extend_list(&mut c.notes, take(&mut r.notes));
        c.rating = c.rating.max(r.rating);
        extend_list(&mut c.tags, take(&mut r.tags));
        for (label, value) in take(&mut r.custom) {
            // A record's second organization or title (an earlier job on a card, a second
            // `ORG`) is one of the contact's organizations or titles.
            match label.as_str() {
                "organization" => more_organizations.push(value.into()),
                "title" => more_titles.push(value.into()),
                _ => {
                    let kv = (label.into(), value.into());
                    if !c.custom.contains(&kv) {
                        c.custom.push(kv);
                    }
                }
            }
        }
        extend_list(&mut c.problems, take(&mut r.problems));
        if c.exported_as.is_none() {
            c.exported_as = rare.exported_as.map(String::from);
        }
        let mut more = Vec::new();
        c.details.absorb(take(&mut r.details), &mut more);
        for (label, value) in more {
            let kv = (label.to_string(), value);
            if !c.custom.contains(&kv) {
                c.custom.push(kv);
            }
        }
        c.sources.extend(r.prov.take());
    }
    // Values kept raw and custom fields in the order of their fields and labels (a label's
    // values as the records gave them), whatever order the records gave them in: a file
    // exported, read back and exported again is the same file, though a table gives a
    // record's custom fields in the order of its columns.
    c.problems.sort_by(|a, b| a.field.cmp(&b.field));
    fn folded(label: &str) -> impl Iterator<Item = u8> + '_ {
        label.bytes().map(|b| b.to_ascii_lowercase())
    }
    c.custom
        .sort_by(|(a, _), (b, _)| folded(a).cmp(folded(b)).then_with(|| a.cmp(b)));
    // Every record's own organization and title first: the preferred one leads.
    extend(&mut c.organizations, more_organizations);
    extend(&mut c.titles, more_titles);
    c.shrink_to_fit();
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
        .and_then(|r| r.organization.as_deref().map(String::from))
}

fn fill<T: Clone>(slot: &mut Option<T>, value: &Option<T>) {
    if slot.is_none() {
        slot.clone_from(value);
    }
}

fn extend<T: PartialEq>(list: &mut ThinVec<T>, values: impl IntoIterator<Item = T>) {
    for v in values {
        if !list.contains(&v) {
            list.push(v);
        }
    }
}

/// [`extend`] for a record's whole list: the first list is moved in as it is (most contacts
/// have one record), keeping the first of any value it repeats.
fn extend_list<T: PartialEq>(list: &mut ThinVec<T>, values: ThinVec<T>) {
    if !list.is_empty() {
        return extend(list, values);
    }
    *list = values;
    let mut i = 1;
    while i < list.len() {
        if list[..i].contains(&list[i]) {
            list.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Gives every contact an id that depends only on its records' identifying values, so the same
/// records give the same ids in every run, whatever the order of the files: the first six bytes
/// of the SHA-256 of its identifying key ([`identity`]), in hex.
pub(super) fn assign_ids(contacts: &mut [Contact]) {
    use rayon::prelude::*;
    let mut digests: Vec<(u64, u32)> = contacts
        .par_iter()
        .enumerate()
        .map(|(i, c)| {
            let mut hasher = Sha256::new();
            identity(c, |part| hasher.update(part.as_bytes()));
            let digest = hasher.finalize();
            let id = digest[..6]
                .iter()
                .fold(0u64, |id, &b| (id << 8) | u64::from(b));
            (id, i as u32)
        })
        .collect();
    // Two contacts with one identifying key (the same name at one organization, say) are told
    // apart by a count, in the order of the contacts: sorted, each key's contacts are one run.
    let mut ids = vec![(0u64, 1u32); contacts.len()];
    for (id, i) in &digests {
        ids[*i as usize].0 = *id;
    }
    digests.par_sort_unstable();
    for run in digests
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|run| run.len() > 1)
    {
        for (n, (_, i)) in run.iter().enumerate() {
            ids[*i as usize].1 = n as u32 + 1;
        }
    }
    contacts.par_iter_mut().zip(ids).for_each(|(c, (id, n))| {
        c.id = match &c.exported_as {
            // Known only by where its record was: read back from rolo's own export, it keeps the
            // id it had there, which the export's place in a file would not give again.
            Some(exported) if known_by_place(c) => exported.clone(),
            _ if n > 1 => format!("{id:012x}-{n}"),
            _ => format!("{id:012x}"),
        };
    });
}

/// Whether a contact's identifying key is the place of its first record ([`identity`]).
fn known_by_place(c: &Contact) -> bool {
    c.emails.is_empty()
        && c.linkedin.is_none()
        && c.phones.is_empty()
        && super::names::fold(&c.display_name()).is_empty()
        && c.problems.is_empty()
}

/// The smallest identifying key of the contact, given to `write` in parts: an email, a LinkedIn
/// profile, a phone, else its name and organization, else the original text of its first record.
fn identity(c: &Contact, mut write: impl FnMut(&str)) {
    // Any email key sorts before a LinkedIn one ("email:" < "linkedin:").
    if let Some(e) = c.emails.iter().min() {
        write("email:");
        write(e);
        return;
    }
    if let Some(u) = &c.linkedin {
        write("linkedin:");
        write(u);
        return;
    }
    if let Some(p) = c.phones.iter().min() {
        write("phone:");
        write(p);
        return;
    }
    let name = super::names::fold_for_identity(&c.display_name());
    if !name.is_empty() {
        let org = c.organization().unwrap_or_default();
        for part in ["name:", &name, "|", org] {
            write(part);
        }
        return;
    }
    // Nothing but values that could not be normalized: those, as written.
    let problem = c
        .problems
        .iter()
        .map(|p| format!("{}:{}", p.field, p.value))
        .min();
    write(
        &problem
            .or_else(|| c.sources.iter().map(|p| format!("record:{p}")).min())
            .unwrap_or_default(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(given: &str, org: &str, email: Option<&str>) -> Contact {
        let mut c = Contact::default();
        c.name.given = Some(given.into());
        c.name.family = Some("Doe".into());
        c.organizations.push(org.to_string());
        c.emails.extend(email.map(String::from));
        c
    }

    #[test]
    fn custom_fields_come_in_one_order_whatever_order_the_records_give_them_in() {
        // A CRM's export as read from its file, and the same record read back from rolo's
        // table, whose columns give the fields in the order of the file's first contacts.
        let fields = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            let mut r = Record {
                custom: pairs
                    .iter()
                    .map(|(k, v)| ((*k).into(), (*v).into()))
                    .collect(),
                ..Record::default()
            };
            merged(vec![(0, &mut r)]).custom.into_iter().collect()
        };
        let as_exported = fields(&[
            ("id", "129"),
            ("gender", "male"),
            ("Background", "met at the booth"),
            ("Gender", "female"),
            ("sales", "Jane Doe"),
        ]);
        let read_back = fields(&[
            ("sales", "Jane Doe"),
            ("Gender", "female"),
            ("Background", "met at the booth"),
            ("gender", "male"),
            ("id", "129"),
        ]);
        assert_eq!(as_exported, read_back);
        let labels: Vec<&str> = as_exported.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(labels, ["Background", "Gender", "gender", "id", "sales"]);
    }

    #[test]
    fn a_name_with_a_stand_in_for_a_part_is_not_the_one_shown() {
        // A census return that gives a relation for the given name, and the person's tax form.
        let person = |given: &str, family: &str| {
            let mut r = Record::default();
            r.name.given = Some(given.into());
            r.name.family = Some(family.into());
            r.name.display = Some(format!("{given} {family}").into());
            r
        };
        let (mut census, mut form) = (person("Female Child", "Wang"), person("Jackson", "Wang"));
        let c = merged(vec![(0, &mut census), (1, &mut form)]);
        assert_eq!(c.display_name(), "Jackson Wang");
        // The other is kept beside it.
        assert!(
            c.custom
                .iter()
                .any(|(k, v)| k == "name" && v == "Female Child Wang"),
            "{:?}",
            c.custom
        );
        let (mut declined, mut named) = (person("Madison", "Declined"), person("Madison", "Hogan"));
        let c = merged(vec![(0, &mut declined), (1, &mut named)]);
        assert_eq!(c.display_name(), "Madison Hogan");
    }

    #[test]
    fn contacts_of_one_identifying_key_are_told_apart_by_a_count_in_their_order() {
        let mut contacts = vec![
            contact("Jane", "Acme", None),
            contact("John", "Acme", Some("john@acme.example")),
            contact("Jane", "Acme", None),
            contact("Jane", "Acme", None),
        ];
        assign_ids(&mut contacts);
        let jane = &contacts[0].id;
        assert_eq!(jane.len(), 12, "{jane}");
        assert!(jane.bytes().all(|b| b.is_ascii_hexdigit()), "{jane}");
        assert_eq!(contacts[2].id, format!("{jane}-2"));
        assert_eq!(contacts[3].id, format!("{jane}-3"));
        // The id depends on the identifying key alone, not on the other contacts.
        let mut alone = vec![contact("John", "Other", Some("john@acme.example"))];
        assign_ids(&mut alone);
        assert_eq!(alone[0].id, contacts[1].id);
        assert_ne!(alone[0].id, *jane);
    }
}
