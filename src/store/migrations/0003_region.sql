-- Version 3: the region an import read its phone numbers with (`--region`, else the locale),
-- so that every later command reads a number without a country code as that import did. A
-- batch of an earlier version has none: its numbers are read with today's default region.
ALTER TABLE batch ADD COLUMN region TEXT;
