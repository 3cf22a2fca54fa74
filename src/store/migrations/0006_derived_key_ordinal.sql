-- Version 6: the keys of one kept contact found by its place, so that records added to a few
-- contacts rewrite those contacts' keys alone.
CREATE INDEX derived_key_ordinal ON derived_key(ordinal);
