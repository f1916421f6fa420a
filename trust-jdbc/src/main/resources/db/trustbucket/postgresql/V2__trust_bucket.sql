-- Trust Bucket store, schema version 2, PostgreSQL. Applies to a version 1 database; see V1__.
-- Never edit a released script: a change ships as the next version.

-- The autonomy tier of each relationship's current state (the codec's tier name, e.g. TRUSTED),
-- so that the tier gauges count relationships with one GROUP BY instead of reading every row.
-- It is derived from the state column, which stays the truth: the store writes both together.
ALTER TABLE trust_relationship ADD COLUMN tier VARCHAR(20);

-- Rows written by version 1: the tier is the seventh tab-separated field of the state line.
UPDATE trust_relationship SET tier = split_part(state, chr(9), 7);

ALTER TABLE trust_relationship ALTER COLUMN tier SET NOT NULL;

INSERT INTO trust_schema_version (version, description) VALUES (2, 'tier column');
