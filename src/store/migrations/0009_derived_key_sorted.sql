-- Version 9: a kept contact's lookup keys are the table's own order (key, then place), written
-- sorted when every contact is kept again: no index over a million keys is sorted after they
-- are in. The kept contacts are derived again.
DELETE FROM derived;
DELETE FROM derived_contact;
DROP TABLE derived_key;
CREATE TABLE derived_key (
    key     INTEGER NOT NULL,                -- the key's digest (see cache.rs, `digest`)
    ordinal INTEGER NOT NULL,
    PRIMARY KEY (key, ordinal)
) WITHOUT ROWID;
CREATE INDEX derived_key_ordinal ON derived_key(ordinal);
