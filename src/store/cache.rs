//! The contacts as last derived, kept beside the records: `show`, `done` or `worklist` read them
//! instead of normalizing and resolving every record again. They are trusted only for the state
//! they were derived from ([`State`]): the batches that change who is who and what each contact
//! holds, the region numbers are read with, and the rolo that derived them. Any other state
//! derives them again. Follow-ups are not part of them; they are applied when they are read.

use rayon::prelude::*;
use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{Store, StoreError};
use crate::model::Contact;
use crate::resolve::{Learned, ReviewPair, Snapshot};

/// What the contacts of a store are derived from, as a digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State(String);

/// Raised whenever what is kept changes shape, or contacts are derived otherwise for the same
/// records: a store's contacts of another format are derived again.
const FORMAT: u32 = 39;

/// One contact as the store keeps it: its place among the contacts and its store record ids in
/// the order of its sources.
#[derive(Debug, Clone)]
pub struct Cached {
    pub ordinal: usize,
    pub contact: Contact,
    pub records: Vec<i64>,
}

/// Every contact the store keeps, as [`crate::pipeline::derive_contacts`] gives them.
#[derive(Debug, Default)]
pub struct CachedAll {
    pub ids: Vec<i64>,
    pub contacts: Vec<Contact>,
    pub review: Vec<ReviewPair>,
}

/// What adding records to the kept contacts starts from ([`Store::kept`]).
pub struct Kept {
    /// The store id of each record the contacts' `members` count, in ascending order.
    pub ids: Vec<i64>,
    /// The place among the contacts of the one holding each record.
    pub contact_of: Vec<u32>,
    pub contacts: usize,
    pub review: Vec<ReviewPair>,
    pub snapshot: Snapshot,
}

/// One contact to keep at a place ([`Store::patch`]), with its store record ids in the order of
/// its sources.
pub struct Put {
    pub ordinal: usize,
    pub contact: Contact,
    pub records: Vec<i64>,
}

/// A change to the kept contacts that records added make ([`Store::patch`]).
pub struct Patch {
    /// The places of contacts no longer kept as they were, each either put again or left
    /// empty (and then filled by a move).
    pub gone: Vec<usize>,
    pub put: Vec<Put>,
    /// Contacts taken from one place to another, to leave no place empty.
    pub moves: Vec<(usize, usize)>,
    pub kept: Kept,
}

/// A kept contact as its row holds it: its record ids and itself as JSON, and the digests of
/// the keys a user may name it by.
struct Row {
    records: String,
    json: String,
    keys: Vec<i64>,
}

fn row_of(records: &[i64], c: &Contact, keys: impl Fn(&Contact) -> Vec<String>) -> Row {
    Row {
        records: serde_json::to_string(records).unwrap_or_default(),
        json: serde_json::to_string(c).unwrap_or_default(),
        keys: keys(c).iter().map(|k| digest(k)).collect(),
    }
}

/// A lookup key as the store indexes it: the first eight bytes of its SHA-256. Two keys that
/// share one only add a contact to those a query is matched against.
fn digest(key: &str) -> i64 {
    let sum = Sha256::digest(key.as_bytes());
    i64::from_le_bytes(sum[..8].try_into().unwrap_or_default())
}

/// Inserts a kept contact's row at `ordinal` (its keys are the caller's to write).
fn insert_row(
    contact: &mut rusqlite::Statement,
    ordinal: usize,
    id: &str,
    row: &Row,
) -> rusqlite::Result<()> {
    contact.execute(params![ordinal as i64, id, row.records, row.json])?;
    Ok(())
}

/// Adds the keys of the contact at each place; two keys of one contact with one digest are
/// kept once.
const INSERT_KEY: &str = "INSERT OR IGNORE INTO derived_key (key, ordinal) VALUES (?1, ?2)";

fn i64_bytes(values: &[i64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn u32_bytes(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn i64s(bytes: &[u8]) -> Vec<i64> {
    bytes
        .chunks_exact(8)
        .map(|b| i64::from_le_bytes(b.try_into().unwrap_or_default()))
        .collect()
}

fn u32s(bytes: &[u8]) -> Vec<u32> {
    bytes
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes(b.try_into().unwrap_or_default()))
        .collect()
}

/// Keeps what a resolve learned (`learned`, which `rolo show` reads alone) and the rest of its
/// snapshot, written into the store a little at a time.
fn put_snapshot(tx: &rusqlite::Transaction, snapshot: &Snapshot) -> rusqlite::Result<()> {
    let mut put = tx.prepare("INSERT OR REPLACE INTO derived (key, value) VALUES (?1, ?2)")?;
    put.execute(params!["learned", snapshot.learned().to_bytes()])?;
    put.execute(params![
        "snapshot",
        rusqlite::blob::ZeroBlob(snapshot.byte_len() as u64)
    ])?;
    let mut blob = tx.blob_open(
        rusqlite::MAIN_DB,
        "derived",
        "value",
        tx.last_insert_rowid(),
        false,
    )?;
    snapshot
        .write(&mut blob)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// Empties the kept contacts (before a person is forgotten, say).
pub(super) fn clear(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    conn.execute_batch("DELETE FROM derived; DELETE FROM derived_contact; DELETE FROM derived_key;")
}

impl Store {
    /// The state the store's contacts derive from now: every batch but follow-ups (an import,
    /// a merge, a split or a forget, and whether it was taken back), and `region`, the region
    /// a number without a country code is read with.
    pub fn state(&self, region: &str) -> Result<State, StoreError> {
        self.state_before(region, i64::MAX)
    }

    /// The state the store's contacts derived from before batch `batch` and every later one.
    pub fn state_before(&self, region: &str, batch: i64) -> Result<State, StoreError> {
        let batches: String = self
            .conn
            .query_row(
                "SELECT coalesce(group_concat(id || ':' || command || ':' || coalesce(undone, ''), ','), '')
                 FROM (SELECT id, command, undone FROM batch
                       WHERE command NOT IN ('done', 'snooze', 'skip') AND id < ?1 ORDER BY id)",
                [batch],
                |r| r.get(0),
            )
            .map_err(self.err())?;
        let mut digest = Sha256::new();
        digest.update(format!(
            "rolo {} format {FORMAT}; region {region}; batches {batches}",
            env!("CARGO_PKG_VERSION")
        ));
        Ok(State(format!("{:x}", digest.finalize())))
    }

    /// Whether the contacts kept are those of `state`.
    pub fn is_cached(&self, state: &State) -> Result<bool, StoreError> {
        let kept: Option<String> = self
            .conn
            .query_row("SELECT value FROM derived WHERE key = 'state'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.err())?;
        Ok(kept.as_deref() == Some(state.0.as_str()))
    }

    /// Keeps what the resolve of the contacts about to be kept learned, for records added later
    /// and to explain a contact ([`Store::learned`]), as soon as it is whole: it is not held
    /// while the contacts are made. What was kept before goes first, so that the snapshot is
    /// never read beside contacts of another state ([`Store::cache`] keeps the contacts).
    pub fn keep_snapshot(&self, snapshot: &Snapshot) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction().map_err(self.err())?;
        self.with_few_pages(|| {
            clear(&tx)?;
            put_snapshot(&tx, snapshot)?;
            tx.commit()
        })
    }

    /// Keeps the contacts derived in `state`: `ids` the store id of each record their
    /// `members` count, `keys` what a user may name a contact by; with what their resolve
    /// learned when `snapshot_kept` ([`Store::keep_snapshot`] kept it just before), else
    /// without. Replaces what was kept, in one transaction.
    pub fn cache(
        &self,
        state: &State,
        ids: &[i64],
        contacts: &[Contact],
        review: &[ReviewPair],
        snapshot_kept: bool,
        keys: impl Fn(&Contact) -> Vec<String> + Sync,
    ) -> Result<(), StoreError> {
        let mut contact_of = vec![0u32; ids.len()];
        for (c, contact) in contacts.iter().enumerate() {
            for &m in &contact.members {
                contact_of[m] = c as u32;
            }
        }
        // Contacts are written as JSON a slice at a time, on the other threads while the slice
        // before is inserted: never all of them as text at once.
        const SLICE: usize = 8192;
        let row = |c: &Contact| {
            let records: Vec<i64> = c.members.iter().map(|&m| ids[m]).collect();
            row_of(&records, c, &keys)
        };
        let id_bytes = i64_bytes(ids);
        let tx = self.conn.unchecked_transaction().map_err(self.err())?;
        let write = |tx: &rusqlite::Transaction| -> rusqlite::Result<()> {
            if snapshot_kept {
                tx.execute_batch(
                    "DELETE FROM derived WHERE key NOT IN ('learned', 'snapshot');
                     DELETE FROM derived_contact; DELETE FROM derived_key;",
                )?;
            } else {
                clear(tx)?;
            }
            // An index built once over the rows is far faster than one kept up row by row;
            // the keys are the table's own order, and are written in it.
            tx.execute_batch("DROP INDEX derived_contact_id; DROP INDEX derived_key_ordinal;")?;
            let mut put = tx.prepare("INSERT INTO derived (key, value) VALUES (?1, ?2)")?;
            put.execute(params!["state", state.0])?;
            put.execute(params!["ids", id_bytes])?;
            put.execute(params![
                "review",
                serde_json::to_vec(review).unwrap_or_default()
            ])?;
            if snapshot_kept {
                put.execute(params!["contact_of", u32_bytes(&contact_of)])?;
            }
            let mut contact = tx.prepare(
                "INSERT INTO derived_contact (ordinal, id, records, contact)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut all_keys: Vec<(i64, i64)> = Vec::new();
            std::thread::scope(|scope| -> rusqlite::Result<()> {
                let (send, slices) = std::sync::mpsc::sync_channel(1);
                scope.spawn(move || {
                    for slice in contacts.chunks(SLICE) {
                        let rows: Vec<_> = slice.par_iter().map(row).collect();
                        if send.send(rows).is_err() {
                            return;
                        }
                    }
                });
                let mut i = 0;
                for rows in slices {
                    for row in rows {
                        insert_row(&mut contact, i, &contacts[i].id, &row)?;
                        all_keys.extend(row.keys.into_iter().map(|k| (k, i as i64)));
                        i += 1;
                    }
                }
                Ok(())
            })?;
            all_keys.par_sort_unstable();
            let mut key = tx.prepare(INSERT_KEY)?;
            for (k, o) in all_keys {
                key.execute(params![k, o])?;
            }
            tx.execute_batch(
                "CREATE INDEX derived_contact_id ON derived_contact(id);
                 CREATE INDEX derived_key_ordinal ON derived_key(ordinal);",
            )
        };
        self.with_few_pages(|| {
            write(&tx)?;
            tx.commit()
        })
    }

    /// Runs `write` with few of the store's pages in memory: rows appended in order and indexes
    /// built once need few; changing a few contacts later needs many ([`Store::open`]).
    fn with_few_pages(
        &self,
        write: impl FnOnce() -> rusqlite::Result<()>,
    ) -> Result<(), StoreError> {
        let cache_size = |kib: i64| self.conn.pragma_update(None, "cache_size", -kib);
        cache_size(8 << 10).map_err(self.err())?;
        let written = write();
        cache_size(64 << 10).map_err(self.err())?;
        written.map_err(self.err())
    }

    /// The kept contacts a user may mean: those with one of `keys`, and those whose id is
    /// `id` or, with `prefix`, starts with it. In the order they were derived.
    pub fn cached_named(
        &self,
        keys: &[String],
        id: &str,
        prefix: bool,
    ) -> Result<Vec<Cached>, StoreError> {
        // One read transaction: an import that replaces the kept contacts meanwhile is not seen
        // half, with the keys of one derivation and the rows of the next.
        let tx = self.conn.unchecked_transaction().map_err(self.err())?;
        let mut ordinals: Vec<i64> = Vec::new();
        let mut by_key = tx
            .prepare("SELECT ordinal FROM derived_key WHERE key = ?1")
            .map_err(self.err())?;
        for k in keys {
            let found = by_key
                .query_map(params![digest(k)], |r| r.get(0))
                .map_err(self.err())?;
            for o in found {
                ordinals.push(o.map_err(self.err())?);
            }
        }
        // An id is hexadecimal: a prefix of one holds no pattern character of LIKE.
        let mut by_id = tx
            .prepare(
                "SELECT ordinal FROM derived_contact WHERE id = ?1 OR (?2 AND id LIKE ?1 || '%')",
            )
            .map_err(self.err())?;
        let found = by_id
            .query_map(params![id, prefix], |r| r.get(0))
            .map_err(self.err())?;
        for o in found {
            ordinals.push(o.map_err(self.err())?);
        }
        ordinals.sort_unstable();
        ordinals.dedup();
        let mut row = tx
            .prepare("SELECT records, contact FROM derived_contact WHERE ordinal = ?1")
            .map_err(self.err())?;
        let mut out = Vec::with_capacity(ordinals.len());
        for o in ordinals {
            let (records, contact): (String, String) = row
                .query_row(params![o], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(self.err())?;
            out.push(Cached {
                ordinal: o as usize,
                contact: Self::parse(&contact).map_err(|e| self.corrupt(e))?,
                records: serde_json::from_str(&records).map_err(|e| self.corrupt(e))?,
            });
        }
        Ok(out)
    }

    /// A kept contact from its JSON.
    fn parse(json: &str) -> serde_json::Result<Contact> {
        let mut contact: Contact = serde_json::from_str(json)?;
        // JSON tells no list's length ahead: each was grown a value at a time.
        contact.shrink_to_fit();
        Ok(contact)
    }

    /// Every kept contact, with the record ids their members count and the pairs to review.
    pub fn cached_all(&self) -> Result<CachedAll, StoreError> {
        // One read transaction, as in `cached_named`.
        let tx = self.conn.unchecked_transaction().map_err(self.err())?;
        let value = |key: &str| -> Result<Vec<u8>, StoreError> {
            tx.query_row("SELECT value FROM derived WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .map_err(self.err())
        };
        let ids = i64s(&value("ids")?);
        let review = serde_json::from_slice(&value("review")?).map_err(|e| self.corrupt(e))?;
        let mut stmt = tx
            .prepare("SELECT contact FROM derived_contact ORDER BY ordinal")
            .map_err(self.err())?;
        // Read a slice at a time, each parsed over the cores before the next is read: the
        // texts of all the contacts are never held at once beside the contacts, and the list
        // of contacts is made at its size, never grown by doubling.
        const SLICE: usize = 8_192;
        let count: i64 = tx
            .query_row("SELECT COUNT(*) FROM derived_contact", [], |r| r.get(0))
            .map_err(self.err())?;
        let mut rows = stmt.query_map([], |r| r.get(0)).map_err(self.err())?;
        let mut contacts = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
        let mut texts: Vec<String> = Vec::with_capacity(SLICE);
        loop {
            texts.clear();
            for text in rows.by_ref().take(SLICE) {
                texts.push(text.map_err(self.err())?);
            }
            if texts.is_empty() {
                break;
            }
            let parsed: Vec<Contact> = texts
                .par_iter()
                .map(|t| Self::parse(t))
                .collect::<Result<_, _>>()
                .map_err(|e| self.corrupt(e))?;
            contacts.extend(parsed);
        }
        Ok(CachedAll {
            ids,
            contacts,
            review,
        })
    }

    /// What adding records to the contacts kept for `state` starts from: none when the
    /// contacts kept are of another state, or were kept without what their resolve learned.
    pub fn kept(&self, state: &State) -> Result<Option<Kept>, StoreError> {
        // One read transaction, as in `cached_named`.
        let tx = self.conn.unchecked_transaction().map_err(self.err())?;
        if !self.is_cached(state)? {
            return Ok(None);
        }
        let value = |key: &str| -> Result<Option<Vec<u8>>, StoreError> {
            tx.query_row("SELECT value FROM derived WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.err())
        };
        let (Some(ids), Some(contact_of), Some(review), Some(learned), Some(snapshot)) = (
            value("ids")?,
            value("contact_of")?,
            value("review")?,
            value("learned")?,
            value("snapshot")?,
        ) else {
            return Ok(None);
        };
        let Some(snapshot) = Snapshot::from_bytes(&learned, &snapshot) else {
            return Ok(None);
        };
        let (ids, contact_of) = (i64s(&ids), u32s(&contact_of));
        let contacts: i64 = tx
            .query_row("SELECT count(*) FROM derived_contact", [], |r| r.get(0))
            .map_err(self.err())?;
        if contact_of.len() != ids.len()
            || snapshot.records() != ids.len()
            || contact_of.iter().any(|&c| c as i64 >= contacts)
            || !ids.is_sorted()
        {
            return Ok(None);
        }
        Ok(Some(Kept {
            ids,
            contact_of,
            contacts: contacts as usize,
            review: serde_json::from_slice(&review).map_err(|e| self.corrupt(e))?,
            snapshot,
        }))
    }

    /// What the resolve of the kept contacts learned: what weighing a pair of their records
    /// needs ([`crate::resolve::why`]). None when none is kept.
    pub fn learned(&self) -> Result<Option<Learned>, StoreError> {
        let bytes: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT value FROM derived WHERE key = 'learned'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.err())?;
        Ok(bytes.as_deref().and_then(Learned::from_bytes))
    }

    /// The store record ids of the kept contacts at `ordinals`, each in the order of its
    /// sources.
    pub fn records_at(&self, ordinals: &[usize]) -> Result<Vec<Vec<i64>>, StoreError> {
        let mut row = self
            .conn
            .prepare("SELECT records FROM derived_contact WHERE ordinal = ?1")
            .map_err(self.err())?;
        ordinals
            .iter()
            .map(|&o| {
                let records: String = row
                    .query_row([o as i64], |r| r.get(0))
                    .map_err(self.err())?;
                serde_json::from_str(&records).map_err(|e| self.corrupt(e))
            })
            .collect()
    }

    /// The kept contacts whose id is `id` or `id` and a count (`-2`), but for those at `gone`.
    pub fn ids_taken(&self, id: &str, gone: &[usize]) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT ordinal, id FROM derived_contact
                 WHERE id = ?1 OR (id > ?1 || '-' AND id < ?1 || '.')",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(self.err())?;
        let mut taken = Vec::new();
        for row in rows {
            let (ordinal, id) = row.map_err(self.err())?;
            if !gone.contains(&(ordinal as usize)) {
                taken.push(id);
            }
        }
        Ok(taken)
    }

    /// Keeps the contacts kept for state `from` as those of state `to`, when a batch changed
    /// nothing they derive from: the number of contacts, or None (and nothing written) when the
    /// contacts kept are not those of `from`.
    pub fn restate(&self, from: &State, to: &State) -> Result<Option<usize>, StoreError> {
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )
        .map_err(self.err())?;
        if !self.is_cached(from)? {
            return Ok(None);
        }
        let contacts: i64 = tx
            .query_row("SELECT count(*) FROM derived_contact", [], |r| r.get(0))
            .map_err(self.err())?;
        tx.execute(
            "UPDATE derived SET value = ?1 WHERE key = 'state'",
            params![to.0],
        )
        .map_err(self.err())?;
        tx.commit().map_err(self.err())?;
        Ok(Some(contacts as usize))
    }

    /// Changes the kept contacts of state `from` as `patch` says and keeps them as those of
    /// state `to`, in one transaction: only the contacts records were added to are written
    /// again. False, and nothing written, when another rolo changed the store meanwhile: the
    /// contacts kept are no longer those of `from`, or the store's state is no longer `to`
    /// (with `region`).
    pub fn patch(
        &self,
        from: &State,
        to: &State,
        region: &str,
        patch: &Patch,
        keys: impl Fn(&Contact) -> Vec<String> + Sync,
    ) -> Result<bool, StoreError> {
        let rows: Vec<Row> = patch
            .put
            .par_iter()
            .map(|p| row_of(&p.records, &p.contact, &keys))
            .collect();
        let kept = &patch.kept;
        let ids = i64_bytes(&kept.ids);
        // Taken for writing at once: no other rolo may change the store between the check
        // and the write.
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )
        .map_err(self.err())?;
        if !self.is_cached(from)? || self.state(region)? != *to {
            return Ok(false);
        }
        let write = || -> rusqlite::Result<()> {
            let mut drop_contact = tx.prepare("DELETE FROM derived_contact WHERE ordinal = ?1")?;
            let mut drop_keys = tx.prepare("DELETE FROM derived_key WHERE ordinal = ?1")?;
            for &o in &patch.gone {
                drop_contact.execute([o as i64])?;
                drop_keys.execute([o as i64])?;
            }
            for &(from, to) in &patch.moves {
                tx.execute(
                    "UPDATE derived_contact SET ordinal = ?2 WHERE ordinal = ?1",
                    [from as i64, to as i64],
                )?;
                tx.execute(
                    "UPDATE derived_key SET ordinal = ?2 WHERE ordinal = ?1",
                    [from as i64, to as i64],
                )?;
            }
            let mut contact = tx.prepare(
                "INSERT INTO derived_contact (ordinal, id, records, contact)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut key = tx.prepare(INSERT_KEY)?;
            for (p, row) in patch.put.iter().zip(rows) {
                insert_row(&mut contact, p.ordinal, &p.contact.id, &row)?;
                for k in row.keys {
                    key.execute(params![k, p.ordinal as i64])?;
                }
            }
            let mut put =
                tx.prepare("INSERT OR REPLACE INTO derived (key, value) VALUES (?1, ?2)")?;
            put.execute(params!["state", to.0])?;
            put.execute(params!["ids", ids])?;
            put.execute(params![
                "review",
                serde_json::to_vec(&kept.review).unwrap_or_default()
            ])?;
            put_snapshot(&tx, &kept.snapshot)?;
            put.execute(params!["contact_of", u32_bytes(&kept.contact_of)])?;
            Ok(())
        };
        write().map_err(self.err())?;
        tx.commit().map_err(self.err())?;
        Ok(true)
    }

    fn corrupt(&self, e: serde_json::Error) -> StoreError {
        StoreError::Invalid(format!(
            "{}: a contact kept in the store cannot be read ({e}); `rolo import` of any file \
             derives them again",
            self.path
        ))
    }
}
