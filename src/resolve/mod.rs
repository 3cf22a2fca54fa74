//! Stage 3, **resolve**: which records are one person.
//!
//! This resolver links records on exact keys, in this order:
//!
//! 1. **Blocking.** Each record's keys index the records that share them: normalized email,
//!    canonical LinkedIn URL, the last nine digits of each phone number, and the folded family
//!    name with the organization key (whole, and its first word). Only records that share a key
//!    are ever compared; a key shared by too many people (`info@`, a switchboard) links no more.
//! 2. **Linking.** A shared email or LinkedIn profile links two records unless their given names
//!    differ; a shared phone links them only if given and family names agree (a switchboard or a
//!    household number is shared by different people); the same family name links records whose
//!    given names agree (Bob and Robert) and whose organization keys agree (`Acme` ~ `Acme
//!    Corporation`), unless they hold different addresses at one company domain.
//! 3. **Owned family names.** Records sharing a family name that only one person in the data
//!    seems to bear (not a common name, every given name agreeing, no two organizations
//!    differing) are one person, with or without an organization.
//! 4. **Clustering with guardrails.** Two groups are joined only if no record of one conflicts
//!    with a record of the other (different given names; for links by phone or name also
//!    different family names, LinkedIn profiles, birthdays or company addresses), so no chain of
//!    links joins two people. A link refused that way is written to the review list with its
//!    evidence.
//! 5. **Merged view**: every distinct value kept, the event's records first (`merge.rs`).

mod merge;
pub mod names;

use std::collections::{HashMap, HashSet};

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
pub fn resolve(records: &mut [Record]) -> Resolved {
    let names: Vec<NameKey> = records.iter().map(NameKey::of).collect();
    let mut clusters = Clusters::new(records.len());
    let mut refused: Vec<(usize, usize, String)> = Vec::new();
    let mut index: HashMap<(KeyKind, String), Vec<usize>> = HashMap::new();

    for (i, r) in records.iter().enumerate() {
        for (kind, key, shown) in keys(r, &names[i]) {
            let holders = index.entry((kind, key)).or_default();
            let mut roots: Vec<usize> = holders.iter().map(|&h| clusters.find(h)).collect();
            roots.sort_unstable();
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
                    && !same_person_at_org(i, &clusters.members[root], records, &names)
                {
                    continue;
                }
                match conflict(
                    &clusters.members[mine],
                    &clusters.members[root],
                    records,
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
                            format!("same {} {shown}; {why} → not merged", kind.label()),
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

    drop(index);
    join_owned_family_names(records, &names, &mut clusters);

    let mut contact_of = vec![usize::MAX; records.len()];
    let groups = (0..records.len())
        .filter(|&i| clusters.find(i) == i)
        .count();
    let mut contacts = Vec::with_capacity(groups);
    for i in 0..records.len() {
        let root = clusters.find(i);
        if contact_of[root] == usize::MAX {
            contact_of[root] = contacts.len();
            let members = std::mem::take(&mut clusters.members[root]);
            contacts.push(merge::merged(members, records));
        }
        contact_of[i] = contact_of[root];
    }
    merge::assign_ids(&mut contacts);

    let mut review: Vec<ReviewPair> = Vec::new();
    let mut listed: HashSet<(usize, usize)> = HashSet::new();
    for (a, b, evidence) in refused {
        let (left, right) = (
            contact_of[a].min(contact_of[b]),
            contact_of[a].max(contact_of[b]),
        );
        if left != right && listed.insert((left, right)) {
            review.push(ReviewPair {
                left,
                right,
                score: 0.5,
                evidence,
            });
        }
    }
    same_name_elsewhere(&contacts, &names, &mut listed, &mut review);
    Resolved { contacts, review }
}

/// The keys a record can be linked by.
/// The keys a record can be linked by, each with the value as shown in evidence.
fn keys(r: &Record, name: &NameKey) -> Vec<(KeyKind, String, String)> {
    let mut keys = Vec::new();
    keys.extend(
        r.emails
            .iter()
            .map(|e| (KeyKind::Email, e.clone(), e.clone())),
    );
    keys.extend(
        r.linkedin
            .iter()
            .map(|u| (KeyKind::LinkedIn, u.clone(), u.clone())),
    );
    keys.extend(
        r.phones
            .iter()
            .map(|p| (KeyKind::Phone, phone_key(p), p.clone())),
    );
    // A number that is not valid for its region is still the same number when its digits are.
    keys.extend(
        r.problems
            .iter()
            .filter(|p| p.field == "phone")
            .map(|p| (KeyKind::Phone, phone_key(&p.value), p.value.clone()))
            .filter(|(_, k, _)| k.len() >= 9),
    );
    if let (Some(family), Some(_), Some(org)) = (&name.family, &name.given, &r.org_key) {
        // The family name and the organization key block; whether the given names and the
        // organizations agree is checked when linking, so `Bob Smith` at `Acme` meets
        // `Robert Smith` at `Acme Corporation`. The first word of the organization alone also
        // blocks, so `Acme` meets `Acme Widgets`, unless that block is too large.
        let shown = format!("{family} at {org}");
        keys.push((KeyKind::NameOrg, format!("{family}|{org}"), shown.clone()));
        // The organization and the given name's initial block too, so that a slip in the
        // family name (Smith, Smtih) still meets.
        if let Some(initial) = name.given.as_ref().and_then(|g| g.chars().next()) {
            keys.push((KeyKind::NameOrg, format!("{initial}|{org}"), shown.clone()));
        }
        if let Some((first, _)) = org.split_once(' ') {
            keys.push((KeyKind::NameOrg, format!("{family}|{first}"), shown));
        }
    }
    keys
}

/// Records that share a family name no other person in the data bears are one person: where
/// the name is not a common one, every record with it has a given name that agrees with every
/// other's (Søren, SØREN, Soren) and no two name different organizations or hold different
/// addresses at one company, a phone contact without organization joins the LinkedIn row and
/// the badge scan of the same name.
fn join_owned_family_names(records: &[Record], names: &[NameKey], clusters: &mut Clusters) {
    /// Past this many records a family name is too common in the data to say one person.
    const MAX_RECORDS: usize = 8;
    let mut by_family: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        if let (Some(family), Some(_)) = (&name.family, &name.given) {
            by_family.entry(family.as_str()).or_default().push(i);
        }
    }
    let mut groups: Vec<(&str, Vec<usize>)> = by_family
        .into_iter()
        .filter(|(family, members)| {
            (2..=MAX_RECORDS).contains(&members.len())
                && family.len() >= 3
                && !names::is_common_family_name(family)
        })
        .collect();
    groups.sort();
    for (_, members) in groups {
        let one_person = members.iter().enumerate().all(|(x, &a)| {
            members[x + 1..].iter().all(|&b| {
                names::compare(&names[a], &names[b]) == Compare::Compatible
                    && !colleagues(&records[a], &records[b])
                    && match (&records[a].org_key, &records[b].org_key) {
                        (Some(oa), Some(ob)) => crate::normalize::org::keys_match(oa, ob),
                        _ => true,
                    }
            })
        });
        if !one_person {
            continue;
        }
        for &m in &members[1..] {
            let (a, b) = (clusters.find(members[0]), clusters.find(m));
            if a != b
                && conflict(
                    &clusters.members[a],
                    &clusters.members[b],
                    records,
                    names,
                    KeyKind::NameOrg,
                )
                .is_none()
            {
                clusters.union(a, b);
            }
        }
    }
}

/// A phone number's match key: its last nine digits (an extension cut off), so that one number
/// written in two ways, valid or not, meets itself.
fn phone_key(number: &str) -> String {
    let number = number.split(";ext=").next().unwrap_or(number);
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(9)..].to_string()
}

/// Why two groups of records cannot be one person, if they cannot.
///
/// Different given names part two people whatever links them; a phone number or a name also
/// needs the family names to agree; and a link that is not an email or a profile is refused
/// where the two hold different LinkedIn profiles, different birthdays, or different
/// addresses at one company.
fn conflict(
    a: &[usize],
    b: &[usize],
    records: &[Record],
    names: &[NameKey],
    kind: KeyKind,
) -> Option<String> {
    for &i in a {
        for &j in b {
            match names::compare(&names[i], &names[j]) {
                // A shared address or profile outweighs a typed-over given name (Jonh, John).
                Compare::Conflict
                    if (kind == KeyKind::Email || kind == KeyKind::LinkedIn)
                        && names::given_typo(&names[i], &names[j]) => {}
                Compare::Conflict => return Some(given_names_differ(&names[i], &names[j])),
                // One number and one given name outweigh a slip in the family name (Smith, Smtih).
                Compare::FamilyDiffers
                    if matches!(kind, KeyKind::Phone | KeyKind::NameOrg)
                        && names::family_typo(&names[i], &names[j]) => {}
                Compare::FamilyDiffers if kind != KeyKind::Email && kind != KeyKind::LinkedIn => {
                    return Some("family names differ".into());
                }
                _ => {}
            }
        }
    }
    if kind == KeyKind::Email || kind == KeyKind::LinkedIn {
        return None;
    }
    let values = |group: &[usize], get: fn(&Record) -> Option<&str>| -> Vec<String> {
        let mut v: Vec<String> = group
            .iter()
            .filter_map(|&m| get(&records[m]))
            .map(String::from)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let disjoint = |x: &[String], y: &[String]| {
        !x.is_empty() && !y.is_empty() && !x.iter().any(|v| y.contains(v))
    };
    if disjoint(
        &values(a, |r| r.linkedin.as_deref()),
        &values(b, |r| r.linkedin.as_deref()),
    ) {
        return Some("different LinkedIn profiles".into());
    }
    fn day(r: &Record) -> Option<&str> {
        r.birthday
            .as_deref()
            .map(|d| &d[d.len().saturating_sub(5)..])
    }
    if disjoint(&values(a, day), &values(b, day)) {
        return Some("birthdays differ".into());
    }
    if kind == KeyKind::NameOrg
        && a.iter()
            .any(|&i| b.iter().any(|&j| colleagues(&records[i], &records[j])))
    {
        return Some("different addresses at one company".into());
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

/// The family-name-and-organization key links a record to a group only where one of the
/// group's records has the same family name, a given name that agrees (Bob and Robert), an
/// organization key that agrees (Acme and Acme Corporation), and no two of them hold different
/// addresses at one company domain (two colleagues of one name).
fn same_person_at_org(i: usize, group: &[usize], records: &[Record], names: &[NameKey]) -> bool {
    let Some(org) = records[i].org_key.as_deref() else {
        return false;
    };
    let agrees = group.iter().any(|&j| {
        names[j].given.is_some()
            && match names::compare(&names[i], &names[j]) {
                Compare::Compatible => names[j].family == names[i].family,
                Compare::FamilyDiffers => names::family_typo(&names[i], &names[j]),
                Compare::Conflict => false,
            }
            && records[j]
                .org_key
                .as_deref()
                .is_some_and(|o| crate::normalize::org::keys_match(org, o))
    });
    agrees && !group.iter().any(|&j| colleagues(&records[i], &records[j]))
}

/// Both records have an address at the same company domain, and not the same address: two
/// people at one company, whatever their names say.
fn colleagues(a: &Record, b: &Record) -> bool {
    fn company_domains(r: &Record) -> impl Iterator<Item = &str> {
        r.emails
            .iter()
            .filter_map(|e| e.rsplit_once('@').map(|(_, d)| d))
            .filter(|d| !FREE_MAIL.contains(d))
    }
    let shared_address = a.emails.iter().any(|e| b.emails.contains(e));
    !shared_address && company_domains(a).any(|d| company_domains(b).any(|d2| d == d2))
}

/// Mail providers whose domain says nothing about an employer.
const FREE_MAIL: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "ymail.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "proton.me",
    "protonmail.com",
    "gmx.de",
    "gmx.net",
    "gmx.com",
    "web.de",
    "t-online.de",
    "mail.com",
    "yandex.ru",
    "mail.ru",
    "qq.com",
    "163.com",
    "126.com",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "libero.it",
    "hotmail.co.uk",
    "yahoo.co.uk",
    "btinternet.com",
    "comcast.net",
    "verizon.net",
    "att.net",
    "fastmail.com",
    "zoho.com",
    "naver.com",
    "hanmail.net",
    "yahoo.co.jp",
];

/// Contacts with the same full name at different organizations: the same person after a change
/// of job, or two people. Left apart, listed for review.
fn same_name_elsewhere(
    contacts: &[Contact],
    names: &[NameKey],
    listed: &mut HashSet<(usize, usize)>,
    review: &mut Vec<ReviewPair>,
) {
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
                if !listed.insert((left, right)) {
                    continue;
                }
                let why = match (
                    contacts[left].organization(),
                    contacts[right].organization(),
                ) {
                    (Some(a), Some(b)) => format!("organizations differ ({a} / {b})"),
                    _ => "no email, phone, profile or organization in common".to_string(),
                };
                review.push(ReviewPair {
                    left,
                    right,
                    score: 0.3,
                    evidence: format!("same name {full}; {why} → not merged"),
                });
            }
        }
    }
}
