-- rolo's store, version 1. Records are immutable; everything that changes what they mean
-- (imports, merges, splits, follow-ups done) is a row of its own with the batch that made it,
-- so that taking a batch back is exact.

-- One row per command that changed the store: an import, or a user's decision.
CREATE TABLE batch (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL,              -- when, RFC 3339
    command   TEXT    NOT NULL,              -- import, done, snooze, skip, merge, split
    event     TEXT,                          -- the event the files were met at
    met_from  TEXT,                          -- its first and last day (ISO)
    met_to    TEXT,
    files     TEXT    NOT NULL DEFAULT '[]', -- JSON array of the files as given
    added     INTEGER NOT NULL DEFAULT 0,    -- new records
    updated   INTEGER NOT NULL DEFAULT 0,    -- records that replaced an older version of a row
    unchanged INTEGER NOT NULL DEFAULT 0,
    rejected  INTEGER NOT NULL DEFAULT 0,
    undone    TEXT                           -- when it was taken back, or NULL
);

-- A record as read: its labelled values (JSON [[field, value], ...]), provenance and origin.
CREATE TABLE record (
    id          INTEGER PRIMARY KEY,
    batch       INTEGER NOT NULL REFERENCES batch(id),
    file        TEXT    NOT NULL,
    sheet       TEXT,
    ordinal     INTEGER NOT NULL,
    origin      TEXT    NOT NULL CHECK (origin IN ('event', 'context')),
    fields      TEXT    NOT NULL,
    hash        TEXT    NOT NULL,            -- of the values, the origin and the event
    identity    TEXT,                        -- file name and first email, phone or URL
    replaced_by INTEGER REFERENCES record(id)
);
CREATE INDEX record_hash ON record(hash);
CREATE INDEX record_identity ON record(identity);
CREATE INDEX record_batch ON record(batch);

CREATE TABLE reject (
    id      INTEGER PRIMARY KEY,
    batch   INTEGER NOT NULL REFERENCES batch(id),
    file    TEXT    NOT NULL,
    sheet   TEXT,
    ordinal INTEGER NOT NULL,
    reason  TEXT    NOT NULL,
    raw     TEXT    NOT NULL
);
CREATE INDEX reject_batch ON reject(batch);

-- A user's decision. `records` (JSON array of record ids) says whom it is about: a follow-up
-- decision applies to the contact holding any of them; `merge` joins the first record to the
-- others and `split` keeps the first records apart from the others (`other`).
CREATE TABLE decision (
    id      INTEGER PRIMARY KEY,
    batch   INTEGER NOT NULL REFERENCES batch(id),
    kind    TEXT    NOT NULL CHECK (kind IN ('done', 'snooze', 'skip', 'merge', 'split')),
    records TEXT    NOT NULL,
    other   TEXT    NOT NULL DEFAULT '[]',
    step    TEXT,
    day     TEXT,
    note    TEXT
);
CREATE INDEX decision_batch ON decision(batch);
