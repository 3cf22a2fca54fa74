//! Stage 5, **store**: the contact base in SQLite (`rusqlite`, bundled).
//!
//! Records are immutable rows with their provenance and a content hash; importing the same file
//! again adds nothing. Contacts are derived from the records and the user's decisions (merges,
//! splits, follow-ups done), so that they follow whatever rolo knows, and every decision is a
//! row with its batch, so that `undo` is exact. The contacts last derived are kept beside them
//! (`cache.rs`), with the state of the store they were derived from, so that a command that
//! reads them needs not derive them again; another state derives them again.
//!
//! The schema's version is SQLite's `user_version`; each migration (`migrations/*.sql`) runs in
//! one transaction. A store written by a newer rolo is refused and left untouched. The store
//! runs in WAL mode with a busy timeout, so a second process waits for the first, and each
//! import is one transaction: a killed import leaves the store as it was.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use crate::model::{Field, Kind, Origin, Provenance, RawField, RawRecord, Reject};
use crate::normalize::phone::Id as Region;
use crate::tag::Event;

mod cache;
pub use cache::{Cached, CachedAll, Kept, Patch, Put, State};

/// The migrations, in order: the schema after migration `i` is version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_settings.sql"),
    include_str!("migrations/0003_region.sql"),
    include_str!("migrations/0004_about.sql"),
    include_str!("migrations/0005_derived.sql"),
    include_str!("migrations/0006_derived_key_ordinal.sql"),
    include_str!("migrations/0007_derived_key_hash.sql"),
    include_str!("migrations/0008_record_lookup.sql"),
    include_str!("migrations/0009_derived_key_sorted.sql"),
    include_str!("migrations/0010_derived_without_why.sql"),
];

/// How long a command waits for another process that holds the store.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    // Causes are part of the messages, not sources of their own, so that they are said once.
    #[error("{path}: {cause}")]
    Sqlite {
        path: String,
        cause: rusqlite::Error,
    },
    #[error(
        "{path}: written by a newer rolo (schema version {found}, this rolo knows up to {known}); \
         it was left untouched: use that rolo or a newer one"
    )]
    Newer {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("{path}: cannot create the store's folder: {cause}")]
    Folder { path: String, cause: std::io::Error },
    #[error("{0}")]
    Invalid(String),
}

/// The store's default place: `rolo.db` in the platform's data directory.
pub fn default_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("rolo")
        .join("rolo.db")
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: String,
}

/// A record as stored, with the event of its import.
#[derive(Debug, Clone)]
pub struct Stored {
    pub id: i64,
    pub origin: Origin,
    pub raw: RawRecord,
    pub event: Event,
    /// The region the record's import read phone numbers with (none before version 3).
    pub region: Option<Region>,
}

/// The records that count: of a batch not taken back, not replaced by a newer version.
const COUNTING: &str = "FROM record r JOIN batch b ON b.id = r.batch
     WHERE b.undone IS NULL AND r.replaced_by IS NULL";

/// A batch of more than this share of the records there are reads what is there at once;
/// a smaller one looks each of its records up.
const SCAN_SHARE: i64 = 10;

/// The records that counted before a batch, as an import asks of them: whether one has a
/// hash, and the oldest with an identity (each taken once).
enum Known {
    Read {
        hashes: rustc_hash::FxHashSet<String>,
        identities: rustc_hash::FxHashMap<(String, String), i64>,
    },
    Indexed {
        batch: i64,
        taken: rustc_hash::FxHashSet<i64>,
    },
}

/// A record that counted before batch `?2`: of a batch not taken back, not this one, and not
/// replaced, or replaced by this batch.
const COUNTED_BEFORE: &str = "b.undone IS NULL AND r.batch <> ?2
     AND (r.replaced_by IS NULL OR (SELECT n.batch FROM record n WHERE n.id = r.replaced_by) = ?2)";

impl Known {
    fn read(tx: &Transaction) -> rusqlite::Result<Known> {
        let mut hashes = rustc_hash::FxHashSet::default();
        let mut identities = rustc_hash::FxHashMap::default();
        let mut current = tx.prepare(
            "SELECT r.id, r.hash, r.identity, r.origin FROM record r JOIN batch b ON b.id = r.batch
             WHERE b.undone IS NULL AND r.replaced_by IS NULL ORDER BY r.id",
        )?;
        let mut rows = current.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            hashes.insert(row.get::<_, String>(1)?);
            if let Some(identity) = row.get::<_, Option<String>>(2)? {
                let origin: String = row.get(3)?;
                identities.entry((identity, origin)).or_insert(id);
            }
        }
        Ok(Known::Read { hashes, identities })
    }

    fn has(&self, tx: &Transaction, hash: &str) -> rusqlite::Result<bool> {
        match self {
            Known::Read { hashes, .. } => Ok(hashes.contains(hash)),
            Known::Indexed { batch, .. } => tx
                .prepare_cached(&format!(
                    "SELECT 1 FROM record r JOIN batch b ON b.id = r.batch
                     WHERE r.hash = ?1 AND {COUNTED_BEFORE} LIMIT 1"
                ))?
                .exists(params![hash, batch]),
        }
    }

    /// The oldest record with `identity` from a file of `origin`, unless a record of this
    /// batch took it already.
    fn take(
        &mut self,
        tx: &Transaction,
        identity: &str,
        origin: &str,
    ) -> rusqlite::Result<Option<i64>> {
        match self {
            Known::Read { identities, .. } => {
                Ok(identities.remove(&(identity.to_string(), origin.to_string())))
            }
            Known::Indexed { batch, taken } => {
                let oldest: Option<i64> = tx
                    .prepare_cached(&format!(
                        "SELECT r.id FROM record r JOIN batch b ON b.id = r.batch
                         WHERE r.identity = ?1 AND r.origin = ?3 AND {COUNTED_BEFORE}
                         ORDER BY r.id LIMIT 1"
                    ))?
                    .query_row(params![identity, *batch, origin], |r| r.get(0))
                    .optional()?;
                Ok(oldest.filter(|id| taken.insert(*id)))
            }
        }
    }
}

/// A user's decision, as stored.
#[derive(Debug, Clone)]
pub struct Decision {
    /// The records of the contact it is about.
    pub records: Vec<i64>,
    pub kind: DecisionKind,
    /// Whom and what it is about, in words, for history.
    pub about: Option<String>,
}

/// What a user decided about a contact's records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionKind {
    /// `records` and `other` are one person (`rolo merge`, a review answered yes).
    Merge { other: Vec<i64> },
    /// `records` and `other` are two people (`rolo split`, a review answered no).
    Apart { other: Vec<i64> },
    /// A step of the cadence was taken on a day, with a note.
    Done {
        step: String,
        day: NaiveDate,
        note: Option<String>,
    },
    /// Nothing is due before a day.
    Snooze { until: NaiveDate },
    /// No more follow-ups.
    Skip,
}

impl DecisionKind {
    /// The name it is stored and listed under (`rolo history`).
    pub fn as_str(&self) -> &'static str {
        match self {
            DecisionKind::Merge { .. } => "merge",
            DecisionKind::Apart { .. } => "split",
            DecisionKind::Done { .. } => "done",
            DecisionKind::Snooze { .. } => "snooze",
            DecisionKind::Skip => "skip",
        }
    }

    /// The columns of its row: (kind, other, step, day, note).
    fn columns(
        &self,
    ) -> (
        &'static str,
        &[i64],
        Option<&str>,
        Option<NaiveDate>,
        Option<&str>,
    ) {
        let none: &[i64] = &[];
        match self {
            DecisionKind::Merge { other } | DecisionKind::Apart { other } => {
                (self.as_str(), other, None, None, None)
            }
            DecisionKind::Done { step, day, note } => {
                (self.as_str(), none, Some(step), Some(*day), note.as_deref())
            }
            DecisionKind::Snooze { until } => (self.as_str(), none, None, Some(*until), None),
            DecisionKind::Skip => (self.as_str(), none, None, None, None),
        }
    }

    /// Read back from its row; `None` for a row that is not whole.
    fn from_columns(
        kind: &str,
        other: Vec<i64>,
        step: Option<String>,
        day: Option<NaiveDate>,
        note: Option<String>,
    ) -> Option<DecisionKind> {
        Some(match kind {
            "merge" => DecisionKind::Merge { other },
            "split" => DecisionKind::Apart { other },
            "done" => DecisionKind::Done {
                step: step?,
                day: day?,
                note,
            },
            "snooze" => DecisionKind::Snooze { until: day? },
            "skip" => DecisionKind::Skip,
            _ => return None,
        })
    }
}

/// One row of `rolo history`.
#[derive(Debug, Clone)]
pub struct Batch {
    pub id: i64,
    pub at: String,
    pub command: String,
    pub event: Option<String>,
    pub files: Vec<String>,
    pub added: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub rejected: i64,
    pub undone: Option<String>,
    /// Whom and what a decision was about.
    pub about: Option<String>,
}

/// A record as the store keeps it, made as soon as it is read: its values as the JSON text
/// the store holds, not as hundreds of thousands of small values held until all are read.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub origin: Origin,
    prov: Provenance,
    /// [`fields_json`]
    fields: String,
    /// [`identity`]
    identity: Option<String>,
}

impl Incoming {
    pub fn of(origin: Origin, raw: &RawRecord) -> Incoming {
        Incoming {
            origin,
            prov: raw.prov.clone(),
            fields: fields_json(raw),
            identity: identity(raw),
        }
    }
}

/// What an import did to the store.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub batch: i64,
    pub added: Vec<i64>,
    pub updated: Vec<i64>,
    pub unchanged: u64,
    pub rejected: u64,
}

impl Store {
    /// Opens the store at `path`, creating it (and its folder) on first use and bringing its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::export::private_folder(dir).map_err(|cause| StoreError::Folder {
                path: shown.clone(),
                cause,
            })?;
        }
        // A new store is the owner's alone (0600); SQLite gives its WAL and shared-memory files
        // the database file's mode. An existing one keeps the mode its owner gave it.
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            let created = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path);
            if let Err(cause) = created
                && cause.kind() != std::io::ErrorKind::AlreadyExists
            {
                return Err(StoreError::Folder {
                    path: shown.clone(),
                    cause,
                });
            }
        }
        let err = |cause| StoreError::Sqlite {
            path: shown.clone(),
            cause,
        };
        let mut conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::Newer {
                path: shown,
                found: version,
                known,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        // 64 MiB of pages in memory (SQLite's default is 2): changing the contacts records were
        // added to reads and writes index pages all over a large store.
        conn.pragma_update(None, "cache_size", -65536)
            .map_err(err)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction().map_err(err)?;
            tx.execute_batch(sql).map_err(err)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)
                .map_err(err)?;
            tx.commit().map_err(err)?;
        }
        Ok(Store { conn, path: shown })
    }

    /// The store's file, as given.
    pub fn path(&self) -> &str {
        &self.path
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |cause| StoreError::Sqlite {
            path: self.path.clone(),
            cause,
        }
    }

    /// Imports records in one transaction. A record whose values, origin and event are already
    /// in the store is unchanged; one with the identity (file name and first email, phone or
    /// URL) of a record of an earlier import but other values replaces it (a re-exported file
    /// with a changed row). Two rows of one file are two records, whatever they share.
    pub fn import(
        &mut self,
        event: &Event,
        region: Region,
        files: &[String],
        records: Vec<Incoming>,
        rejects: &[Reject],
    ) -> Result<Imported, StoreError> {
        let path = self.path.clone();
        let err = |cause| StoreError::Sqlite {
            path: path.clone(),
            cause,
        };
        let tx = self.conn.transaction().map_err(err)?;
        let batch = new_batch(&tx, "import", event, files, Some(region)).map_err(err)?;
        let mut done = Imported {
            batch,
            ..Imported::default()
        };
        {
            let stored: i64 = tx
                .query_row("SELECT count(*) FROM record", [], |r| r.get(0))
                .map_err(err)?;
            let mut known = if records.len() as i64 * SCAN_SHARE > stored {
                // Many records: what is already there is read once, the hashes of the records
                // that count and their identities (a lookup per row was a third of an
                // import's time), and the indexes for a few are built again once the rows are
                // in (keeping them up row by row took twice as long).
                tx.execute_batch(
                    "DROP INDEX IF EXISTS record_hash; DROP INDEX IF EXISTS record_identity;",
                )
                .map_err(err)?;
                Known::read(&tx).map_err(err)?
            } else {
                // A few: each is looked up.
                Known::Indexed {
                    batch,
                    taken: Default::default(),
                }
            };
            let mut insert = tx
                .prepare("INSERT INTO record (batch, file, sheet, ordinal, origin, fields, hash, identity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .map_err(err)?;
            let mut replace = tx
                .prepare("UPDATE record SET replaced_by = ?1 WHERE id = ?2")
                .map_err(err)?;
            // The hashes, worked out on every core a slice at a time, as the rows are written.
            for slice in records.chunks(8192) {
                let hashes: Vec<String> = {
                    use rayon::prelude::*;
                    slice
                        .par_iter()
                        .map(|r| hash(&r.fields, r.origin, event))
                        .collect()
                };
                for (r, hash) in slice.iter().zip(hashes) {
                    // A second copy within this import is a record of its own (a person
                    // scanned twice); only what earlier imports hold is unchanged.
                    if known.has(&tx, &hash).map_err(err)? {
                        done.unchanged += 1;
                        continue;
                    }
                    let origin_text = origin_text(r.origin);
                    let older = match &r.identity {
                        Some(id) => known.take(&tx, id, origin_text).map_err(err)?,
                        None => None,
                    };
                    insert
                        .execute(params![
                            batch,
                            r.prov.file,
                            r.prov.sheet,
                            r.prov.record as i64,
                            origin_text,
                            r.fields,
                            hash,
                            r.identity
                        ])
                        .map_err(err)?;
                    let id = tx.last_insert_rowid();
                    match older {
                        Some(old) => {
                            replace.execute(params![id, old]).map_err(err)?;
                            done.updated.push(id);
                        }
                        None => done.added.push(id),
                    }
                }
            }
            let mut reject = tx
                .prepare("INSERT INTO reject (batch, file, sheet, ordinal, reason, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .map_err(err)?;
            for r in rejects {
                reject
                    .execute(params![
                        batch,
                        r.prov.file,
                        r.prov.sheet,
                        r.prov.record as i64,
                        r.reason,
                        r.raw
                    ])
                    .map_err(err)?;
            }
            done.rejected = rejects.len() as u64;
            if matches!(known, Known::Read { .. }) {
                tx.execute_batch(
                    "CREATE INDEX record_hash ON record(hash);
                     CREATE INDEX record_identity ON record(identity, origin);",
                )
                .map_err(err)?;
            }
        }
        tx.execute(
            "UPDATE batch SET added = ?1, updated = ?2, unchanged = ?3, rejected = ?4 WHERE id = ?5",
            params![
                done.added.len() as i64,
                done.updated.len() as i64,
                done.unchanged as i64,
                done.rejected as i64,
                batch
            ],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(done)
    }

    /// Every record that counts: of a batch not taken back, not replaced by a newer version.
    pub fn records(&self) -> Result<Vec<Stored>, StoreError> {
        self.records_where("", [])
    }

    /// [`Store::records`], handed to `each` a slice of `size` at a time: a caller that turns
    /// them into something else never holds them all as read.
    pub fn records_by(
        &self,
        size: usize,
        mut each: impl FnMut(Vec<Stored>),
    ) -> Result<(), StoreError> {
        let mut slice = Vec::with_capacity(size);
        self.each_record("", [], |stored| {
            slice.push(stored);
            if slice.len() == size {
                each(std::mem::replace(&mut slice, Vec::with_capacity(size)));
            }
        })?;
        if !slice.is_empty() {
            each(slice);
        }
        // The pages read are not read again soon: their memory is better spent resolving.
        self.conn
            .execute_batch("PRAGMA shrink_memory")
            .map_err(self.err())
    }

    /// How many records count ([`Store::records`]).
    pub fn records_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row(&format!("SELECT count(*) {COUNTING}"), [], |r| r.get(0))
            .map_err(self.err())?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// The records of `ids` that count, in the order of their ids.
    pub fn records_among(&self, ids: &[i64]) -> Result<Vec<Stored>, StoreError> {
        let ids = serde_json::to_string(ids).unwrap_or_default();
        self.records_where("AND r.id IN (SELECT value FROM json_each(?1))", [ids])
    }

    fn records_where(
        &self,
        filter: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<Stored>, StoreError> {
        let mut all = Vec::new();
        self.each_record(filter, params, |stored| all.push(stored))?;
        Ok(all)
    }

    /// Each record that counts and passes `filter`, in the order of their ids.
    fn each_record(
        &self,
        filter: &str,
        params: impl rusqlite::Params,
        mut each: impl FnMut(Stored),
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT r.id, r.file, r.sheet, r.ordinal, r.origin, r.fields, b.event, b.met_from, b.met_to, b.region
                 {COUNTING} {filter}
                 ORDER BY r.id"
            ))
            .map_err(self.err())?;
        // The records of one file share its name, and of one sheet its name, as read.
        let (mut file, mut sheet): (Arc<str>, Option<Arc<str>>) = (Arc::from(""), None);
        let rows = stmt
            .query_map(params, |r| {
                let fields: String = r.get(5)?;
                let name = r.get_ref(1)?.as_str()?;
                if *file != *name {
                    file = Arc::from(name);
                }
                let name = r.get_ref(2)?.as_str_or_null()?;
                if sheet.as_deref() != name {
                    sheet = name.map(Arc::from);
                }
                let day = |s: Option<String>| s.and_then(|d| d.parse::<NaiveDate>().ok());
                let window = match (day(r.get(7)?), day(r.get(8)?)) {
                    (Some(a), Some(b)) => Some((a, b)),
                    _ => None,
                };
                Ok(Stored {
                    id: r.get(0)?,
                    origin: if r.get::<_, String>(4)? == "context" {
                        Origin::Context
                    } else {
                        Origin::Event
                    },
                    raw: RawRecord {
                        prov: Provenance {
                            file: file.clone(),
                            sheet: sheet.clone(),
                            record: r.get::<_, i64>(3)? as u64,
                        },
                        fields: parse_fields(&fields),
                        raw: String::new(),
                        warnings: Vec::new(),
                    },
                    event: Event {
                        name: r.get(6)?,
                        window,
                    },
                    region: r
                        .get::<_, Option<String>>(9)?
                        .and_then(|code| crate::normalize::phone::region_of(&code)),
                })
            })
            .map_err(self.err())?;
        for row in rows {
            each(row.map_err(self.err())?);
        }
        Ok(())
    }

    /// Every event records that count were imported with by batches before `batch`, once, in
    /// the order of the imports.
    pub fn events_before(&self, batch: i64) -> Result<Vec<Event>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT b.event, b.met_from, b.met_to FROM batch b
                 WHERE b.undone IS NULL AND b.event IS NOT NULL AND b.id < ?1
                   AND EXISTS (SELECT 1 FROM record r WHERE r.batch = b.id AND r.replaced_by IS NULL)
                 ORDER BY b.id",
            )
            .map_err(self.err())?;
        let day = |s: Option<String>| s.and_then(|d| d.parse::<NaiveDate>().ok());
        let rows = stmt
            .query_map([batch], |r| {
                let window = match (day(r.get(1)?), day(r.get(2)?)) {
                    (Some(a), Some(b)) => Some((a, b)),
                    _ => None,
                };
                Ok(Event {
                    name: r.get(0)?,
                    window,
                })
            })
            .map_err(self.err())?;
        let events: Vec<Event> = rows.collect::<Result<_, _>>().map_err(self.err())?;
        Ok(crate::pipeline::known_events(&events))
    }

    /// The decisions of batches not taken back, oldest first.
    pub fn decisions(&self) -> Result<Vec<Decision>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT d.kind, d.records, d.other, d.step, d.day, d.note
                 FROM decision d JOIN batch b ON b.id = d.batch
                 WHERE b.undone IS NULL ORDER BY d.id",
            )
            .map_err(self.err())?;
        let ids = |s: String| serde_json::from_str::<Vec<i64>>(&s).unwrap_or_default();
        let rows = stmt
            .query_map([], |r| {
                let kind = DecisionKind::from_columns(
                    &r.get::<_, String>(0)?,
                    ids(r.get(2)?),
                    r.get(3)?,
                    r.get::<_, Option<String>>(4)?.and_then(|d| d.parse().ok()),
                    r.get(5)?,
                );
                let records = ids(r.get(1)?);
                Ok(kind.map(|kind| Decision {
                    records,
                    kind,
                    about: None,
                }))
            })
            .map_err(self.err())?;
        // The schema version keeps out a store whose decisions this rolo does not know.
        let rows: Vec<Option<Decision>> = rows.collect::<Result<_, _>>().map_err(self.err())?;
        Ok(rows.into_iter().flatten().collect())
    }

    /// Records a decision in a batch of its own.
    pub fn decide(&mut self, decision: &Decision) -> Result<i64, StoreError> {
        let path = self.path.clone();
        let err = |cause| StoreError::Sqlite {
            path: path.clone(),
            cause,
        };
        let tx = self.conn.transaction().map_err(err)?;
        let (kind, other, step, day, note) = decision.kind.columns();
        let batch = new_batch(&tx, kind, &Event::default(), &[], None).map_err(err)?;
        tx.execute(
            "UPDATE batch SET about = ?1 WHERE id = ?2",
            params![decision.about, batch],
        )
        .map_err(err)?;
        tx.execute(
            "INSERT INTO decision (batch, kind, records, other, step, day, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                batch,
                kind,
                serde_json::to_string(&decision.records).unwrap_or_default(),
                serde_json::to_string(other).unwrap_or_default(),
                step,
                day.map(|d| d.to_string()),
                note
            ],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(batch)
    }

    /// A setting the store remembers (`cadence`, `from_name`).
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.err())
    }

    /// Remembers a setting.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map(|_| ())
            .map_err(self.err())
    }

    /// The mapping profiles remembered, each by the signature of the header it was given for
    /// (settings `mapping:SIGNATURE`, a TOML mapping each).
    pub fn profiles(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT key, value FROM setting WHERE key LIKE 'mapping:%' ORDER BY key")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| {
                let key: String = r.get(0)?;
                Ok((key["mapping:".len()..].to_string(), r.get(1)?))
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Forgets a setting.
    pub fn unset(&mut self, key: &str) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM setting WHERE key = ?1", params![key])
            .map(|_| ())
            .map_err(self.err())
    }

    /// The batches, oldest first.
    pub fn history(&self) -> Result<Vec<Batch>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, at, command, event, files, added, updated, unchanged, rejected, undone, about FROM batch ORDER BY id")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Batch {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    command: r.get(2)?,
                    event: r.get(3)?,
                    files: serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or_default(),
                    added: r.get(5)?,
                    updated: r.get(6)?,
                    unchanged: r.get(7)?,
                    rejected: r.get(8)?,
                    undone: r.get(9)?,
                    about: r.get(10)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<Result<_, _>>().map_err(self.err())
    }

    /// Takes a batch back (default: the last one not yet taken back). Its records, rejects and
    /// decisions stop counting; records it replaced count again. What was decided in other
    /// batches stays.
    pub fn undo(&mut self, batch: Option<i64>) -> Result<Batch, StoreError> {
        let history = self.history()?;
        let target = match batch {
            Some(id) => history
                .iter()
                .find(|b| b.id == id)
                .cloned()
                .ok_or_else(|| {
                    StoreError::Invalid(format!("{}: no batch {id} (see rolo history)", self.path))
                })?,
            None => history
                .iter()
                .rev()
                .find(|b| b.undone.is_none() && b.command != "forget")
                .cloned()
                .ok_or_else(|| StoreError::Invalid(format!("{}: nothing to undo", self.path)))?,
        };
        if target.command == "forget" {
            return Err(StoreError::Invalid(format!(
                "{}: batch {} erased what it forgot: it cannot be taken back",
                self.path, target.id
            )));
        }
        if target.undone.is_some() {
            return Err(StoreError::Invalid(format!(
                "{}: batch {} was already taken back",
                self.path, target.id
            )));
        }
        let path = self.path.clone();
        let err = |cause| StoreError::Sqlite {
            path: path.clone(),
            cause,
        };
        let tx = self.conn.transaction().map_err(err)?;
        // The versions its records replaced are current again.
        tx.execute(
            "UPDATE record SET replaced_by = NULL WHERE replaced_by IN (SELECT id FROM record WHERE batch = ?1)",
            params![target.id],
        )
        .map_err(err)?;
        tx.execute(
            "UPDATE batch SET undone = ?1 WHERE id = ?2",
            params![now(), target.id],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(target)
    }
}

/// What `forget` erased.
#[derive(Debug, Clone, Default)]
pub struct Forgotten {
    pub records: usize,
    pub rejects: usize,
    pub decisions: usize,
}

/// What to forget: a person's records (and the rejects whose text holds one of their
/// identifying values), or an import.
#[derive(Debug, Clone)]
pub enum Forget {
    Person {
        records: Vec<i64>,
        values: Vec<String>,
    },
    Import(i64),
}

impl Store {
    /// Erases a person or an import so that nothing of them stays in the database file or its
    /// journal: their records with every earlier version of them, the rejects, and every
    /// decision that names one of their records. Deleted pages are overwritten (SQLite's
    /// `secure_delete`), the write-ahead log is emptied and the file rebuilt (VACUUM). History
    /// keeps a `forget` batch that says something was erased, not what. Unlike `undo`, it
    /// cannot be taken back.
    pub fn forget(&mut self, what: &Forget) -> Result<Forgotten, StoreError> {
        let path = self.path.clone();
        let err = |cause| StoreError::Sqlite {
            path: path.clone(),
            cause,
        };
        if let Forget::Import(id) = what {
            let batch = self.history()?.into_iter().find(|b| b.id == *id);
            if batch.as_ref().is_none_or(|b| b.command != "import") {
                return Err(StoreError::Invalid(format!(
                    "{path}: batch {id} is no import (see rolo history)"
                )));
            }
        }
        self.conn
            .pragma_update(None, "secure_delete", "ON")
            .map_err(err)?;
        let tx = self.conn.transaction().map_err(err)?;
        let mut ids: std::collections::BTreeSet<i64> = match what {
            Forget::Person { records, .. } => records.iter().copied().collect(),
            Forget::Import(batch) => {
                let mut stmt = tx
                    .prepare("SELECT id FROM record WHERE batch = ?1")
                    .map_err(err)?;
                stmt.query_map(params![batch], |r| r.get(0))
                    .map_err(err)?
                    .collect::<Result<_, _>>()
                    .map_err(err)?
            }
        };
        if let Forget::Person { .. } = what {
            // Every earlier version of their rows, and the same rows of imports taken back.
            loop {
                let list = id_list(&ids);
                let mut stmt = tx
                    .prepare(&format!(
                        "SELECT id FROM record WHERE replaced_by IN ({list})
                         OR identity IN (SELECT identity FROM record WHERE id IN ({list}))"
                    ))
                    .map_err(err)?;
                let more: Vec<i64> = stmt
                    .query_map([], |r| r.get(0))
                    .map_err(err)?
                    .collect::<Result<_, _>>()
                    .map_err(err)?;
                let before = ids.len();
                ids.extend(more);
                if ids.len() == before {
                    break;
                }
            }
        }
        let list = id_list(&ids);
        // Versions the erased records had replaced count again, as after `undo`.
        tx.execute(
            &format!("UPDATE record SET replaced_by = NULL WHERE replaced_by IN ({list})"),
            [],
        )
        .map_err(err)?;
        let mut forgotten = Forgotten::default();
        let decisions: Vec<(i64, String, String)> = {
            let mut stmt = tx
                .prepare("SELECT id, records, other FROM decision")
                .map_err(err)?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(err)?
                .collect::<Result<_, _>>()
                .map_err(err)?
        };
        let parse = |s: &str| serde_json::from_str::<Vec<i64>>(s).unwrap_or_default();
        for (id, on, other) in decisions {
            if parse(&on)
                .iter()
                .chain(&parse(&other))
                .any(|r| ids.contains(r))
            {
                tx.execute("DELETE FROM decision WHERE id = ?1", params![id])
                    .map_err(err)?;
                forgotten.decisions += 1;
            }
        }
        forgotten.records = tx
            .execute(&format!("DELETE FROM record WHERE id IN ({list})"), [])
            .map_err(err)?;
        forgotten.rejects = match what {
            Forget::Import(batch) => tx
                .execute("DELETE FROM reject WHERE batch = ?1", params![batch])
                .map_err(err)?,
            Forget::Person { values, .. } => {
                let mut n = 0;
                for value in values.iter().filter(|v| v.len() >= 5) {
                    n += tx
                        .execute(
                            "DELETE FROM reject WHERE instr(lower(raw), lower(?1)) > 0",
                            params![value],
                        )
                        .map_err(err)?;
                }
                n
            }
        };
        if let Forget::Import(batch) = what {
            tx.execute("DELETE FROM batch WHERE id = ?1", params![batch])
                .map_err(err)?;
        }
        // The contacts derived before held their values too.
        cache::clear(&tx).map_err(err)?;
        // A decision's batch says what was done on which day: gone with the decision.
        tx.execute(
            "DELETE FROM batch WHERE command NOT IN ('import', 'forget')
             AND id NOT IN (SELECT batch FROM decision)",
            [],
        )
        .map_err(err)?;
        new_batch(&tx, "forget", &Event::default(), &[], None).map_err(err)?;
        tx.commit().map_err(err)?;
        // The log holds the pages as they were before: emptied, then the file rebuilt without
        // the freed pages, then the log emptied again.
        for sql in [
            "PRAGMA wal_checkpoint(TRUNCATE)",
            "VACUUM",
            "PRAGMA wal_checkpoint(TRUNCATE)",
        ] {
            self.conn.execute_batch(sql).map_err(err)?;
        }
        Ok(forgotten)
    }
}

/// Record ids as an SQL list (`1,2,3`; `NULL` for none), for `IN (...)`.
fn id_list(ids: &std::collections::BTreeSet<i64>) -> String {
    if ids.is_empty() {
        return "NULL".into();
    }
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

fn new_batch(
    tx: &Transaction<'_>,
    command: &str,
    event: &Event,
    files: &[String],
    region: Option<Region>,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO batch (at, command, event, met_from, met_to, files, region) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            now(),
            command,
            event.name,
            event.window.map(|(a, _)| a.to_string()),
            event.window.map(|(_, b)| b.to_string()),
            serde_json::to_string(files).unwrap_or_default(),
            region.map(|r| r.to_string())
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn origin_text(origin: Origin) -> &'static str {
    match origin {
        Origin::Event => "event",
        Origin::Context => "context",
    }
}

/// A record's values as JSON: `[field, value]` each, `[field, value, kind]` where the value has a
/// kind (a version-3 store wrote no kinds, and reads the same).
///
/// The text is hashed to know a record imported again, so it stays byte for byte what the
/// first stores wrote: a kind goes through `serde_json::Value`, whose keys are in sorted order.
fn fields_json(raw: &RawRecord) -> String {
    #[derive(serde::Serialize)]
    #[serde(untagged)]
    enum Stored<'a> {
        Plain(std::borrow::Cow<'a, str>, &'a str),
        Kinded(std::borrow::Cow<'a, str>, &'a str, serde_json::Value),
    }
    let values: Vec<Stored> = raw
        .fields
        .iter()
        .map(|f| match &f.kind {
            Some(kind) => Stored::Kinded(
                f.field.key(),
                &f.value,
                serde_json::to_value(kind).unwrap_or_default(),
            ),
            None => Stored::Plain(f.field.key(), &f.value),
        })
        .collect();
    serde_json::to_string(&values).unwrap_or_default()
}

fn parse_fields(json: &str) -> Vec<RawField> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum StoredField {
        Plain(String, String),
        Kinded(String, String, Kind),
    }
    serde_json::from_str::<Vec<StoredField>>(json)
        .unwrap_or_default()
        .into_iter()
        .map(|f| match f {
            StoredField::Plain(k, v) => RawField::new(Field::from_key(&k), v),
            StoredField::Kinded(k, v, kind) => RawField {
                field: Field::from_key(&k),
                value: v,
                kind: (!kind.is_empty()).then(|| Box::new(kind)),
            },
        })
        .collect()
}

/// The content hash: the values, the origin and the event they were imported with.
fn hash(fields: &str, origin: Origin, event: &Event) -> String {
    let mut h = Sha256::new();
    h.update(fields.as_bytes());
    h.update([0, origin as u8]);
    if let Some(name) = &event.name {
        h.update(name.as_bytes());
    }
    if let Some((a, b)) = event.window {
        h.update(format!("{a}..{b}").as_bytes());
    }
    h.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A row's identity across versions of an export: the file's name (not its folder) and the
/// record's first email, else phone, else URL.
fn identity(raw: &RawRecord) -> Option<String> {
    let key = [Field::Email, Field::Phone, Field::Url, Field::LinkedIn]
        .iter()
        .find_map(|f| raw.values(f).next())?;
    let file = Path::new(&*raw.prov.file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Some(format!("{file}\u{1f}{}", key.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record of `file` with a name and an email.
    fn card(file: &str, record: u64, name: &str, email: &str) -> Incoming {
        let mut raw = RawRecord::new(
            Provenance {
                file: file.into(),
                sheet: None,
                record,
            },
            String::new(),
        );
        raw.push(Field::FullName, name);
        raw.push(Field::Email, email);
        Incoming::of(Origin::Event, &raw)
    }

    #[test]
    fn a_few_records_looked_up_one_by_one_are_known_as_a_batch_that_reads_them_all_knows_them() {
        let expo = Event {
            name: Some("Expo".into()),
            window: None,
        };
        let region = crate::normalize::phone::region_of("GB").unwrap();
        // The same imports into a store of two records, where each batch reads what is there,
        // and into one with 100 more, where each looks its records up.
        let outcomes = |filler: u64| {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open(&dir.path().join("rolo.db")).unwrap();
            let mut first: Vec<_> = (0..filler)
                .map(|i| {
                    card(
                        "book.csv",
                        i + 10,
                        &format!("Filler {i}"),
                        &format!("f{i}@x.example"),
                    )
                })
                .collect();
            first.push(card("scans.csv", 1, "Ada Obi", "ada@a.example"));
            first.push(card("scans.csv", 2, "Bo Li", "bo@b.example"));
            store.import(&expo, region, &[], first, &[]).unwrap();
            let mut said = Vec::new();
            for batch in [
                // The same two rows again: unchanged.
                vec![
                    card("scans.csv", 1, "Ada Obi", "ada@a.example"),
                    card("scans.csv", 2, "Bo Li", "bo@b.example"),
                ],
                // Ada's row changed twice in one file: the first replaces her record, the
                // second is a record of its own; Bo's scanned twice: both unchanged.
                vec![
                    card("scans.csv", 1, "Ada Obi-Eze", "ada@a.example"),
                    card("scans.csv", 3, "Ada O.", "ada@a.example"),
                    card("scans.csv", 2, "Bo Li", "bo@b.example"),
                    card("scans.csv", 2, "Bo Li", "bo@b.example"),
                ],
                // Her last version again, and the version it replaced: that one is new again.
                vec![
                    card("scans.csv", 1, "Ada Obi-Eze", "ada@a.example"),
                    card("scans.csv", 1, "Ada Obi", "ada@a.example"),
                ],
                // A new version replaces her oldest record, Ada O.; that record's row, later in
                // the same file, is still one the store held before: unchanged.
                vec![
                    card("scans.csv", 1, "Ada Obi-Eze 2", "ada@a.example"),
                    card("scans.csv", 3, "Ada O.", "ada@a.example"),
                ],
            ] {
                let done = store.import(&expo, region, &[], batch, &[]).unwrap();
                let first_id = done.added.iter().chain(&done.updated).min().copied();
                let relative = |ids: &[i64]| -> Vec<i64> {
                    ids.iter().map(|id| id - first_id.unwrap_or(0)).collect()
                };
                said.push((
                    relative(&done.added),
                    relative(&done.updated),
                    done.unchanged,
                ));
            }
            let names: Vec<String> = store
                .records()
                .unwrap()
                .into_iter()
                .filter(|s| &*s.raw.prov.file == "scans.csv")
                .map(|s| s.raw.fields[0].value.clone())
                .collect();
            (said, names)
        };
        let read = outcomes(0);
        assert_eq!(read, outcomes(100));
        assert_eq!(
            read.0,
            vec![
                (vec![], vec![], 2),
                (vec![1], vec![0], 2),
                (vec![], vec![0], 1),
                (vec![], vec![0], 1),
            ]
        );
        assert_eq!(read.1, ["Bo Li", "Ada Obi", "Ada Obi-Eze 2"]);
    }

    #[test]
    fn a_record_is_stored_as_the_text_earlier_stores_hashed() {
        // What every store until schema 7 wrote, through `json!`: a record imported again is
        // known by the hash of this text.
        fn as_written_before(raw: &RawRecord) -> String {
            use serde_json::{Value, json};
            let values: Vec<Value> = raw
                .fields
                .iter()
                .map(|f| match &f.kind {
                    Some(kind) => json!([f.field.key(), f.value, kind]),
                    None => json!([f.field.key(), f.value]),
                })
                .collect();
            serde_json::to_string(&values).unwrap_or_default()
        }
        let mut raw = RawRecord::new(
            Provenance {
                file: "phone.vcf".into(),
                sheet: None,
                record: 3,
            },
            String::new(),
        );
        raw.push(Field::FullName, "Zoë \"Zo\" Ørsted\n");
        raw.push(Field::Custom("Badge #".into()), "A-17");
        raw.fields.push(RawField {
            field: Field::Phone,
            value: "+44 20 7946 0958".into(),
            kind: Some(Box::new(Kind {
                types: vec!["work".into(), "voice".into()],
                label: Some("Office".into()),
            })),
        });
        raw.fields.push(RawField {
            field: Field::Email,
            value: "zo@example.org".into(),
            kind: Some(Box::new(Kind {
                types: vec!["home".into()],
                label: None,
            })),
        });
        assert_eq!(fields_json(&raw), as_written_before(&raw));
        assert!(fields_json(&raw).contains(r#"{"label":"Office","types":["work","voice"]}"#));
    }

    #[test]
    fn every_kind_of_decision_reads_back_as_it_was_made() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("rolo.db")).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 10, 17).unwrap();
        let kinds = vec![
            DecisionKind::Merge { other: vec![3, 4] },
            DecisionKind::Apart { other: vec![5] },
            DecisionKind::Done {
                step: "thank-you".into(),
                day,
                note: Some("sent the deck".into()),
            },
            DecisionKind::Done {
                step: "value".into(),
                day,
                note: None,
            },
            DecisionKind::Snooze { until: day },
            DecisionKind::Skip,
        ];
        for kind in &kinds {
            store
                .decide(&Decision {
                    records: vec![1, 2],
                    kind: kind.clone(),
                    about: Some(kind.as_str().into()),
                })
                .unwrap();
        }
        let read: Vec<DecisionKind> = store
            .decisions()
            .unwrap()
            .into_iter()
            .map(|d| d.kind)
            .collect();
        assert_eq!(read, kinds);
        let listed: Vec<String> = store
            .history()
            .unwrap()
            .into_iter()
            .map(|b| b.command)
            .collect();
        assert_eq!(listed, ["merge", "split", "done", "done", "snooze", "skip"]);
    }
}
