-- Version 5: the contacts as last derived, so that a command reads them instead of deriving
-- every contact again. They hold nothing the records and decisions do not: `state` names the
-- batches (imports, merges, splits, forgets, undos) and the region they were derived from, and
-- a command that finds another state derives them again and replaces them. Follow-ups done,
-- snoozed or skipped are not part of them: they are applied whenever contacts are read.
CREATE TABLE derived (
    key   TEXT PRIMARY KEY,                  -- state, ids (the records in order), review
    value BLOB NOT NULL
);

-- One row per contact, in the order they were derived.
CREATE TABLE derived_contact (
    ordinal INTEGER PRIMARY KEY,
    id      TEXT NOT NULL,                   -- the contact's id
    records TEXT NOT NULL,                   -- JSON array of its record ids, its sources' order
    contact TEXT NOT NULL,                   -- the merged contact, JSON
    why     TEXT NOT NULL                    -- the evidence that its records are one person
);
CREATE INDEX derived_contact_id ON derived_contact(id);

-- What a user may name a contact by (`email:…`, `phone:+…`, `linkedin:…`, `name:…`, `part:…`).
CREATE TABLE derived_key (
    key     TEXT NOT NULL,
    ordinal INTEGER NOT NULL
);
CREATE INDEX derived_key_key ON derived_key(key);
