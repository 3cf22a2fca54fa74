-- Version 2: what the user set once and the store remembers (the cadence, the sender's name).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- An import reads the hashes and identities of the current records once, into memory: their
-- indexes only slowed the inserts down.
DROP INDEX IF EXISTS record_hash;
DROP INDEX IF EXISTS record_identity;
