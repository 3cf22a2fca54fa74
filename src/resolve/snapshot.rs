//! What a resolve of all the data learned, kept so that records added later are resolved
//! against it ([`super::resolve_added`]) without going over every record again: the term
//! frequencies and learned weights, the organizations blocking knows, and every record's
//! blocking keys. Written as bytes for the store to keep beside the contacts, what it learned
//! apart from the rest: `rolo show` reads that alone to explain a contact.

use rustc_hash::FxHashSet as HashSet;

use super::block::KeptKey;
use super::model::Model;
use super::profile::Profile;
use super::stats::{Counts, Stats};
use crate::model::Record;

/// Raised whenever the bytes change shape: a snapshot of another version is not read.
const MAGIC: &[u8] = b"rolo snapshot 8\n";
/// As [`MAGIC`], for what it learned.
const LEARNED: &[u8] = b"rolo learned 3\n";

/// What a resolve learned of its data; see the module's documentation.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub(super) stats: Stats,
    pub(super) orgs: HashSet<u64>,
    /// Every record's blocking keys as (key, record number), sorted.
    pub(super) entries: Vec<KeptKey>,
    /// How many records were resolved: the next added record is this number.
    pub(super) records: u32,
}

impl Snapshot {
    /// How many records it knows.
    pub fn records(&self) -> usize {
        self.records as usize
    }

    /// The records it knows that records `added` may be: those that share with one of them a
    /// blocking key not too many records hold.
    pub fn neighbours(&self, added: &[Record]) -> Vec<u32> {
        let mut profiles: Vec<Profile> = added.iter().map(Profile::of).collect();
        super::stats::give_identifiers(&mut profiles, &self.stats.id_columns);
        super::block::neighbours(&profiles, &self.orgs, &self.entries)
    }

    /// What weighing a pair of the records it knows needs.
    pub fn learned(&self) -> &Stats {
        &self.stats
    }

    /// The snapshot as two texts of bytes: what it learned ([`Stats::to_bytes`]), which
    /// explaining a contact reads alone, and the rest ([`Snapshot::write`]).
    #[cfg(test)]
    pub fn to_bytes(&self) -> (Vec<u8>, Vec<u8>) {
        let mut out = Vec::with_capacity(self.byte_len());
        self.write(&mut out).expect("a vector takes every byte");
        (self.stats.to_bytes(), out)
    }

    /// How many bytes [`Snapshot::write`] writes.
    pub fn byte_len(&self) -> usize {
        MAGIC.len() + 4 + 8 + self.orgs.len() * 8 + 8 + self.entries.len() * 12
    }

    /// Writes all but what it learned, a little at a time: a million records' keys are never
    /// held twice, as themselves and as bytes.
    pub fn write(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        let mut out = Vec::with_capacity(1 << 16);
        out.extend_from_slice(MAGIC);
        u32s(&mut out, self.records);
        set(&mut out, &self.orgs);
        u64s(&mut out, self.entries.len() as u64);
        for e in &self.entries {
            u64s(&mut out, e.key());
            u32s(&mut out, e.record());
            if out.len() >= 1 << 16 {
                w.write_all(&out)?;
                out.clear();
            }
        }
        w.write_all(&out)?;
        w.flush()
    }

    /// The snapshot that the bytes of what it learned ([`Stats::to_bytes`]) and of the rest
    /// ([`Snapshot::write`]) hold, or none when they are not what this rolo wrote.
    pub fn from_bytes(learned: &[u8], bytes: &[u8]) -> Option<Snapshot> {
        let stats = Stats::from_bytes(learned)?;
        let at = &mut bytes.strip_prefix(MAGIC)?;
        let records = u32_of(take(at, 4)?);
        let orgs = list(at, 8, u64_of)?;
        let entries: Vec<KeptKey> = list(at, 12, |b| KeptKey::new(u64_of(b), u32_of(&b[8..])))?;
        let known = |e: &KeptKey| e.record() < records;
        (at.is_empty() && entries.is_sorted() && entries.iter().all(known)).then_some(Snapshot {
            stats,
            orgs,
            entries,
            records,
        })
    }
}

impl Stats {
    /// The term frequencies and learned weights as bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(1 << 20);
        out.extend_from_slice(LEARNED);
        let counts = |out: &mut Vec<u8>, c: &Counts| {
            let mut sorted: Vec<(u64, u32)> = c.of.iter().map(|(&k, &n)| (k, n)).collect();
            sorted.sort_unstable();
            u32s(out, c.total);
            u64s(out, sorted.len() as u64);
            for (k, n) in sorted {
                u64s(out, k);
                u32s(out, n);
            }
        };
        u64s(&mut out, self.records as u64);
        for c in self.counts() {
            counts(&mut out, c);
        }
        set(&mut out, &self.one_name_phones);
        set(&mut out, &self.lone_names);
        set(&mut out, &self.id_columns);
        for d in self.model.delta {
            out.extend_from_slice(&d.to_le_bytes());
        }
        out
    }

    /// What the bytes of [`Stats::to_bytes`] hold, or none when they are not what this rolo
    /// wrote.
    pub fn from_bytes(bytes: &[u8]) -> Option<Stats> {
        let at = &mut bytes.strip_prefix(LEARNED)?;
        let mut stats = Stats {
            records: usize::try_from(u64_of(take(at, 8)?)).ok()?,
            ..Stats::default()
        };
        for c in stats.counts_mut() {
            let total = u32_of(take(at, 4)?);
            let of = list(at, 12, |b| (u64_of(b), u32_of(&b[8..])))?;
            *c = Counts { of, total };
        }
        stats.one_name_phones = list(at, 8, u64_of)?;
        stats.lone_names = list(at, 8, u64_of)?;
        stats.id_columns = list(at, 8, u64_of)?;
        let mut model = Model::default();
        for d in &mut model.delta {
            *d = f64::from_bits(u64_of(take(at, 8)?));
        }
        stats.model = model;
        at.is_empty().then_some(stats)
    }
}

fn u64s(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32s(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A set of hashes, sorted: the same set is the same bytes.
fn set(out: &mut Vec<u8>, set: &HashSet<u64>) {
    let mut sorted: Vec<u64> = set.iter().copied().collect();
    sorted.sort_unstable();
    u64s(out, sorted.len() as u64);
    for v in sorted {
        u64s(out, v);
    }
}

/// The next `n` bytes, if there are as many.
fn take<'b>(at: &mut &'b [u8], n: usize) -> Option<&'b [u8]> {
    let (head, rest) = at.split_at_checked(n)?;
    *at = rest;
    Some(head)
}

/// A list of items of `size` bytes after its length, checked against the bytes left before
/// anything is reserved, gathered into a collection made at its size.
fn list<T, C: FromIterator<T>>(
    at: &mut &[u8],
    size: usize,
    item: impl Fn(&[u8]) -> T,
) -> Option<C> {
    let n = usize::try_from(u64_of(take(at, 8)?)).ok()?;
    let items = take(at, n.checked_mul(size)?)?;
    Some(items.chunks_exact(size).map(item).collect())
}

fn u64_of(b: &[u8]) -> u64 {
    u64::from_le_bytes(b[..8].try_into().unwrap_or_default())
}

fn u32_of(b: &[u8]) -> u32 {
    u32::from_le_bytes(b[..4].try_into().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot() -> Snapshot {
        let mut records: Vec<Record> = [
            ("Ana", "Souza", "ana@acme.example", "+55 11 91234 5678"),
            ("Ana", "Sousa", "ana@acme.example", ""),
            ("Bruno", "Lima", "", "+55 21 99876 5432"),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, (given, family, email, phone))| {
            let mut r = Record {
                prov: Some(crate::model::Provenance {
                    file: "book.csv".into(),
                    sheet: None,
                    record: i as u64 + 1,
                }),
                ..Record::default()
            };
            r.name.given = Some(given.into());
            r.name.family = Some(family.into());
            r.emails = [email]
                .into_iter()
                .filter(|e| !e.is_empty())
                .map(String::from)
                .collect();
            r.phones = [phone]
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect();
            r
        })
        .collect();
        let mut kept = None;
        super::super::resolve_handing(&mut records, &Default::default(), &mut |s| {
            kept = Some(s);
        });
        kept.expect("kept when asked for")
    }

    #[test]
    fn a_snapshot_reads_back_as_written_and_damaged_bytes_are_refused() {
        let (learned, bytes) = snapshot().to_bytes();
        let read = Snapshot::from_bytes(&learned, &bytes).expect("its own bytes");
        assert_eq!(read.to_bytes(), (learned.clone(), bytes.clone()));
        assert_eq!(read.records(), 3);
        assert!(!read.entries.is_empty());
        assert!(Stats::from_bytes(&learned).is_some());
        for (l, b) in [
            (&learned[..learned.len() - 1], &bytes[..]),
            (&learned[..], &bytes[..bytes.len() - 1]),
            (&[learned.as_slice(), &[0]].concat(), &bytes[..]),
            (&learned[..], &[bytes.as_slice(), &[0]].concat()),
            (&learned[..], b"rolo snapshot 0\n"),
            (b"rolo learned 0\n", &bytes[..]),
            // Each part where the other belongs.
            (&bytes[..], &learned[..]),
        ] {
            assert!(Snapshot::from_bytes(l, b).is_none());
        }
        // A length no bytes follow is refused before anything is reserved.
        let mut huge = LEARNED.to_vec();
        huge.extend_from_slice(&[0; 8]);
        huge.extend_from_slice(&u32::MAX.to_le_bytes());
        huge.extend_from_slice(&u64::MAX.to_le_bytes());
        assert!(Stats::from_bytes(&huge).is_none());
        let mut huge = MAGIC.to_vec();
        huge.extend_from_slice(&[0; 4]);
        huge.extend_from_slice(&u64::MAX.to_le_bytes());
        assert!(Snapshot::from_bytes(&learned, &huge).is_none());
    }
}
