-- Version 4: whom and what a decision was about, in words (`Kwame Mensah: thank-you`), so that
-- history and undo can say it. A batch of an earlier version has none.
ALTER TABLE batch ADD COLUMN about TEXT;
