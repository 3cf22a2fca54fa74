-- Version 10: a kept contact no longer holds the evidence that its records are one person;
-- `rolo show` weighs its records again with what the resolve learned (`learned` in `derived`),
-- which the kept contacts hold apart from the rest of the snapshot. The kept contacts are
-- derived again.
DELETE FROM derived;
DELETE FROM derived_contact;
DELETE FROM derived_key;
ALTER TABLE derived_contact DROP COLUMN why;
