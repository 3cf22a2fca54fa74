-- Version 2: what the user set once and the store remembers (the cadence, the sender's name).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
