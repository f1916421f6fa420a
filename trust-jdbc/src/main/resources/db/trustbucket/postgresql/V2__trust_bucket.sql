-- Trust Bucket store, schema version 2, PostgreSQL. Applies to a version 1 database; see V1__.
-- Never edit a released script: a change ships as the next version.
--
-- Also new in version 2, without DDL: the state lines this version's store writes (start_state,
-- state, state_after) hold a custom policy's written form no more. Their policy field says
-- @trust_policy instead, and the policy is the one kept once in trust_policy (the row's
-- relationship names it; the line keeps its fingerprint). Lines under a preset already name it by
-- id (default@1). Rows written by version 1 keep their whole lines and read as before. A
-- version 1 library cannot read the new lines, hence the new version number.

-- The autonomy tier of each relationship's current state (the codec's tier name, e.g. TRUSTED),
-- so that the tier gauges count relationships with one GROUP BY instead of reading every row.
-- It is derived from the state column, which stays the truth: the store writes both together.
ALTER TABLE trust_relationship ADD COLUMN tier VARCHAR(20);

-- Rows written by version 1: the tier is the seventh tab-separated field of the state line.
-- The rule is the same in the three dialects' scripts, for every line: the seventh field when the
-- line has at least seven fields (six tabs) and that field is a tier name, 0 to 20 of the capital
-- letters A-Z and underscores; else '' (only a damaged row gets ''). A name's characters are
-- ASCII, so "20" means the same on every database (H2 counts a VARCHAR's length in UTF-16 units,
-- PostgreSQL and SQLite in characters), and nothing longer than the column is ever written.
-- split_part gives '' for a line of fewer than seven fields; the pattern's $ is the end of the
-- text (a line break is an ordinary character to it).
UPDATE trust_relationship SET tier = CASE WHEN split_part(state, chr(9), 7) ~ '^[A-Z_]{0,20}$'
  THEN split_part(state, chr(9), 7) ELSE '' END;

ALTER TABLE trust_relationship ALTER COLUMN tier SET NOT NULL;

-- Event ids are unique per relationship, as before, but events without an id (NULL) no longer
-- get an entry in that index: one index write fewer per such event. (H2 has no partial indexes,
-- and SQLite's constraint is part of its table; both keep theirs.)
ALTER TABLE trust_event DROP CONSTRAINT trust_event_id;
CREATE UNIQUE INDEX trust_event_id ON trust_event (relationship_id, event_id) WHERE event_id IS NOT NULL;

INSERT INTO trust_schema_version (version, description) VALUES (2, 'tier column; state lines refer to trust_policy');
