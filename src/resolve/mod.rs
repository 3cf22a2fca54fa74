//! Stage 3, **resolve**: which records are one person.
//!
//! This resolver links records on exact keys, in this order:
//!
//! 1. **Blocking.** Each record's keys (normalized email, canonical LinkedIn URL, E.164 phone,
//!    and the folded full name with the organization key) index the records that share them;
//!    only records that share a key are ever compared.
//! 2. **Linking.** A shared email or LinkedIn profile links two records unless their given names
//!    differ; a shared phone links them only if given and family names agree (a switchboard or a
//!    household number is shared by different people); the same full name links records whose
//!    organization keys agree (`Acme` ~ `Acme Corporation`).
//! 3. **Clustering with a guardrail.** Two groups are joined only if no record of one conflicts
//!    with a record of the other, so no chain of links joins two people. A link refused that way
//!    is written to the review list with its evidence.
//! 4. **Merged view**: see [`merge`].

mod merge;
pub mod names;

use std::collections::HashMap;

use crate::model::{Contact, Record};
use names::{Compare, NameKey};

/// A pair of contacts that share something but were not merged, for a person to decide.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewPair {
    pub left: usize,
    pub right: usize,
    pub score: f64,
    pub evidence: String,
}

/// The contacts the records form, and the pairs left for review (as contact indexes).
#[derive(Debug, Default)]
pub struct Resolved {
    pub contacts: Vec<Contact>,
    pub review: Vec<ReviewPair>,
}

/// Past this many distinct people sharing one key, the key identifies no one (`info@`, a
/// switchboard number) and no more records are linked through it.
const MAX_GROUPS_PER_KEY: usize = 32;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum KeyKind {
    Email,
    LinkedIn,
    Phone,
    NameOrg,
}

impl KeyKind {
    fn label(self) -> &'static str {
        match self {
            KeyKind::Email => "email",
            KeyKind::LinkedIn => "linkedin",
            KeyKind::Phone => "phone",
            KeyKind::NameOrg => "name and organization",
        }
    }
}

struct Clusters {
    parent: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl Clusters {
    fn new(n: usize) -> Self {
        Clusters {
            parent: (0..n).collect(),
            members: (0..n).map(|i| vec![i]).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) -> usize {
        let (big, small) = if self.members[a].len() >= self.members[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small] = big;
        let moved = std::mem::take(&mut self.members[small]);
        self.members[big].extend(moved);
        big
    }
}

/// Groups the records into contacts.
pub fn resolve(records: &[Record]) -> Resolved {
    let names: Vec<NameKey> = records.iter().map(NameKey::of).collect();
    let mut clusters = Clusters::new(records.len());
    let mut refused: Vec<(usize, usize, String)> = Vec::new();
    let mut index: HashMap<(KeyKind, String), Vec<usize>> = HashMap::new();

    for (i, r) in records.iter().enumerate() {
        for (kind, key) in keys(r, &names[i]) {
            let holders = index.entry((kind, key.clone())).or_default();
            let mut roots: Vec<usize> = holders.iter().map(|&h| clusters.find(h)).collect();
            roots.dedup();
            if roots.len() > MAX_GROUPS_PER_KEY {
                continue;
            }
            let mut linked = false;
            let mut reported = false;
            for root in roots {
                let mine = clusters.find(i);
                if root == mine {
                    linked = true;
                    continue;
                }
                if kind == KeyKind::NameOrg
                    && !orgs_agree_across(i, &clusters.members[root], records, &names)
                {
                    continue;
                }
                match conflict(
                    &clusters.members[mine],
                    &clusters.members[root],
                    &names,
                    kind,
                ) {
                    None => {
                        clusters.union(mine, root);
                        linked = true;
                    }
                    // One pair per record and key is enough for a person to see the problem.
                    Some(why) if !reported => {
                        reported = true;
                        let other = clusters.members[root][0];
                        refused.push((
                            i,
                            other,
                            format!("same {} {key}; {why} → not merged", kind.label()),
                        ));
                    }
                    Some(_) => {}
                }
            }
            if !linked || holders.len() < MAX_GROUPS_PER_KEY {
                holders.push(i);
            }
        }
    }

    let mut contact_of = vec![usize::MAX; records.len()];
    let mut contacts = Vec::new();
    for i in 0..records.len() {
        let root = clusters.find(i);
        if contact_of[root] == usize::MAX {
            contact_of[root] = contacts.len();
            let mut members = clusters.members[root].clone();
            members.sort_unstable();
            contacts.push(merge::merged(members, records));
        }
        contact_of[i] = contact_of[root];
    }
    merge::assign_ids(&mut contacts, records);

    let mut review: Vec<ReviewPair> = Vec::new();
    for (a, b, evidence) in refused {
        let (left, right) = (
            contact_of[a].min(contact_of[b]),
            contact_of[a].max(contact_of[b]),
        );
        if left != right && !review.iter().any(|p| p.left == left && p.right == right) {
            review.push(ReviewPair {
                left,
                right,
                score: 0.5,
                evidence,
            });
        }
    }
    review.extend(same_name_elsewhere(&contacts, &names, &review));
    Resolved { contacts, review }
}

/// The keys a record can be linked by.
fn keys(r: &Record, name: &NameKey) -> Vec<(KeyKind, String)> {
    let mut keys = Vec::new();
    keys.extend(r.emails.iter().map(|e| (KeyKind::Email, e.clone())));
    keys.extend(r.linkedin.iter().map(|u| (KeyKind::LinkedIn, u.clone())));
    keys.extend(r.phones.iter().map(|p| (KeyKind::Phone, p.clone())));
    if let (Some(full), Some(org)) = (name.full(), &r.org_key) {
        // The first word of the organization key blocks; whether the keys agree is checked
        // when linking, so `Acme` meets `Acme Corporation`.
        let first = org.split(' ').next().unwrap_or(org);
        keys.push((KeyKind::NameOrg, format!("{full}|{first}")));
    }
    keys
}

/// Why two groups of records cannot be one person, if they cannot.
fn conflict(a: &[usize], b: &[usize], names: &[NameKey], kind: KeyKind) -> Option<String> {
    for &i in a {
        for &j in b {
            match names::compare(&names[i], &names[j]) {
                Compare::Conflict => return Some(given_names_differ(&names[i], &names[j])),
                Compare::FamilyDiffers if kind == KeyKind::Phone => {
                    return Some("family names differ".into());
                }
                _ => {}
            }
        }
    }
    None
}

fn given_names_differ(a: &NameKey, b: &NameKey) -> String {
    format!(
        "given names differ ({} / {})",
        a.given.as_deref().unwrap_or("?"),
        b.given.as_deref().unwrap_or("?")
    )
}

/// The name-and-organization key links a record to a group only where one of the group's
/// records has the same full name and an organization key that agrees.
fn orgs_agree_across(i: usize, group: &[usize], records: &[Record], names: &[NameKey]) -> bool {
    let (Some(full), Some(org)) = (names[i].full(), records[i].org_key.as_deref()) else {
        return false;
    };
    group.iter().any(|&j| {
        names[j].full().as_deref() == Some(full.as_str())
            && records[j]
                .org_key
                .as_deref()
                .is_some_and(|o| crate::normalize::org::keys_match(org, o))
    })
}

/// Contacts with the same full name at different organizations: the same person after a change
/// of job, or two people. Left apart, listed for review.
fn same_name_elsewhere(
    contacts: &[Contact],
    names: &[NameKey],
    already: &[ReviewPair],
) -> Vec<ReviewPair> {
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (c, contact) in contacts.iter().enumerate() {
        let mut seen = Vec::new();
        for &m in &contact.members {
            if let Some(full) = names[m].full().filter(|f| !seen.contains(f)) {
                seen.push(full.clone());
                by_name.entry(full).or_default().push(c);
            }
        }
    }
    let mut out = Vec::new();
    let mut groups: Vec<(String, Vec<usize>)> =
        by_name.into_iter().filter(|(_, cs)| cs.len() > 1).collect();
    groups.sort();
    for (full, cs) in groups {
        // A very common name is no evidence.
        if cs.len() > 5 {
            continue;
        }
        for (x, &left) in cs.iter().enumerate() {
            for &right in &cs[x + 1..] {
                if already
                    .iter()
                    .chain(&out)
                    .any(|p: &ReviewPair| p.left == left && p.right == right)
                {
                    continue;
                }
                let why = match (
                    contacts[left].organization(),
                    contacts[right].organization(),
                ) {
                    (Some(a), Some(b)) => format!("organizations differ ({a} / {b})"),
                    _ => "no email, phone, profile or organization in common".to_string(),
                };
                out.push(ReviewPair {
                    left,
                    right,
                    score: 0.3,
                    evidence: format!("same name {full}; {why} → not merged"),
                });
            }
        }
    }
    out
}
