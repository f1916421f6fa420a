-- Trust Bucket store, schema version 1, SQLite.
-- Ships in trust-jdbc as db/trustbucket/sqlite/V1__trust_bucket.sql: run it yourself, apply it
-- with TrustSchema.migrate(dataSource), or add classpath:db/trustbucket/sqlite to Flyway's
-- locations. Never edit a released script: a change ships as the next version (V2__...).
-- Rows hold the library's codec text (TrustCodec, EventRecord) and CRC-32C checksums, so that a
-- row changed outside the library is detected; see docs/persistence.md.

CREATE TABLE trust_schema_version (
  version     INTEGER      NOT NULL PRIMARY KEY,
  description VARCHAR(200) NOT NULL
);

-- Each policy a history was kept under, stored once. policy_key identifies it; written_form holds
-- its canonical text once the library has one (today the key is the policy's name).
CREATE TABLE trust_policy (
  policy_id    INTEGER PRIMARY KEY AUTOINCREMENT,
  policy_key   VARCHAR(200) NOT NULL,
  name         VARCHAR(200) NOT NULL,
  written_form TEXT,
  CONSTRAINT trust_policy_key UNIQUE (policy_key)
);

-- One row per relationship: its start and its state after the last event (codec state lines),
-- guarded by row_version for optimistic writers.
CREATE TABLE trust_relationship (
  relationship_id INTEGER PRIMARY KEY AUTOINCREMENT,
  employee        VARCHAR(200)  NOT NULL,
  manager         VARCHAR(200)  NOT NULL,
  policy_id       BIGINT        NOT NULL REFERENCES trust_policy (policy_id),
  row_version     BIGINT        NOT NULL,
  event_count     INTEGER       NOT NULL,
  start_state     VARCHAR(4000) NOT NULL,
  state           VARCHAR(4000) NOT NULL,
  updated_at      VARCHAR(40)   NOT NULL,
  checksum        CHAR(8)       NOT NULL,
  CONSTRAINT trust_relationship_pair UNIQUE (employee, manager)
);

-- The append-only history: one row per event, with the bucket just after it (a checkpoint, so
-- that the level at an instant is one indexed read).
CREATE TABLE trust_event (
  relationship_id  BIGINT           NOT NULL REFERENCES trust_relationship (relationship_id),
  seq              INTEGER          NOT NULL,
  event_id         VARCHAR(200),
  time_micros      BIGINT           NOT NULL,
  occurred_at      VARCHAR(40)      NOT NULL,
  behaviour        VARCHAR(200)     NOT NULL,
  weight           REAL             NOT NULL,
  disclosure       VARCHAR(20)      NOT NULL,
  disclosure_delay VARCHAR(40)      NOT NULL,
  note             VARCHAR(1000)    NOT NULL,
  state_after      VARCHAR(4000)    NOT NULL,
  recorded_at      VARCHAR(40)      NOT NULL,
  checksum         CHAR(8)          NOT NULL,
  CONSTRAINT trust_event_pk PRIMARY KEY (relationship_id, seq),
  CONSTRAINT trust_event_id UNIQUE (relationship_id, event_id)
);

CREATE INDEX trust_event_time ON trust_event (relationship_id, time_micros, seq);

INSERT INTO trust_schema_version (version, description) VALUES (1, 'trust bucket tables');
