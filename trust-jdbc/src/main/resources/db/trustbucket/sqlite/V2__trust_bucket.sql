-- Trust Bucket store, schema version 2, SQLite. Applies to a version 1 database; see V1__.
-- Never edit a released script: a change ships as the next version.

-- The autonomy tier of each relationship's current state (the codec's tier name, e.g. TRUSTED),
-- so that the tier gauges count relationships with one GROUP BY instead of reading every row.
-- It is derived from the state column, which stays the truth: the store writes both together.
ALTER TABLE trust_relationship ADD COLUMN tier VARCHAR(20) NOT NULL DEFAULT '';

-- Rows written by version 1: the tier is the seventh tab-separated field of the state line.
-- SQLite has no split function: the column takes the line, loses its first six fields, then
-- keeps what comes before the next tab.
UPDATE trust_relationship SET tier = state;
UPDATE trust_relationship SET tier = substr(tier, instr(tier, char(9)) + 1);
UPDATE trust_relationship SET tier = substr(tier, instr(tier, char(9)) + 1);
UPDATE trust_relationship SET tier = substr(tier, instr(tier, char(9)) + 1);
UPDATE trust_relationship SET tier = substr(tier, instr(tier, char(9)) + 1);
UPDATE trust_relationship SET tier = substr(tier, instr(tier, char(9)) + 1);
UPDATE trust_relationship SET tier = substr(tier, instr(tier, char(9)) + 1);
UPDATE trust_relationship SET tier = substr(tier, 1, instr(tier, char(9)) - 1);

INSERT INTO trust_schema_version (version, description) VALUES (2, 'tier column');
