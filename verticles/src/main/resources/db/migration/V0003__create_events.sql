-- Append-only log of every accepted event. Unique on (source, event_id): the idempotency key.
-- Not partitioned yet: a partitioned table needs the partition key in every unique constraint,
-- so partitioning by month will move idempotency into its own (source, event_id) table.
CREATE TABLE event (
    seq           bigserial PRIMARY KEY,
    source        text        NOT NULL,
    event_id      text        NOT NULL CHECK (length(event_id) BETWEEN 1 AND 128),
    type          text        NOT NULL CHECK (type IN ('system.health', 'dossier', 'feedback')),
    occurred_at   timestamptz NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now(),
    system_code   text,
    agency_code   text,
    district_code text,
    status        text        NOT NULL,     -- health status, dossier stage or feedback status
    channel       text,
    payload       jsonb       NOT NULL,     -- the event as sent, unknown fields included
    CONSTRAINT event_source_id_unique UNIQUE (source, event_id)
);
-- No secondary index yet: each costs every insert, and the queries that need one (live state, history)
-- add it in their own migration.

-- Current state, updated in the same transaction as the event that changes it.
-- A late-arriving older event never overwrites a newer state (occurred_at guards every upsert).
CREATE TABLE system_state (
    system_code text PRIMARY KEY REFERENCES city_system (code),
    status      text        NOT NULL CHECK (status IN ('up', 'degraded', 'down')),
    latency_ms  integer,
    message     text,
    occurred_at timestamptz NOT NULL,
    event_seq   bigint      NOT NULL
);

CREATE TABLE dossier_state (
    agency_code    text        NOT NULL REFERENCES agency (code),
    dossier_id     text        NOT NULL,
    procedure_code text        NOT NULL,
    channel        text        NOT NULL CHECK (channel IN ('online_full', 'online_partial', 'counter')),
    stage          text        NOT NULL CHECK (stage IN ('received', 'in_progress', 'completed', 'returned')),
    received_at    timestamptz NOT NULL,
    due_at         timestamptz NOT NULL,
    completed_at   timestamptz,
    occurred_at    timestamptz NOT NULL,
    event_seq      bigint      NOT NULL,
    PRIMARY KEY (agency_code, dossier_id)
);
CREATE INDEX dossier_state_open_idx ON dossier_state (due_at) WHERE stage IN ('received', 'in_progress');

CREATE TABLE feedback_state (
    feedback_id   text        PRIMARY KEY,
    channel       text        NOT NULL CHECK (channel IN ('zalo', 'hotline', 'web')),
    category      text        NOT NULL,
    district_code text        NOT NULL REFERENCES agency (code),
    commune_code  text        REFERENCES agency (code),
    agency_code   text        REFERENCES agency (code),
    status        text        NOT NULL CHECK (status IN ('received', 'assigned', 'in_progress', 'answered')),
    due_at        timestamptz NOT NULL,
    rating        smallint    CHECK (rating BETWEEN 1 AND 5),
    first_seen_at timestamptz NOT NULL,
    occurred_at   timestamptz NOT NULL,
    event_seq     bigint      NOT NULL
);
CREATE INDEX feedback_state_district_idx ON feedback_state (district_code, status);

-- Ingestion API keys: only a SHA-256 of the secret is kept (keys are 256-bit random, so a fast hash
-- is safe here; passwords, which are not, get Argon2).
CREATE TABLE api_key (
    id          bigserial PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    source      text        NOT NULL,
    secret_hash text        NOT NULL UNIQUE,
    prefix      text        NOT NULL,
    systems     text[]      NOT NULL DEFAULT '{}',
    agencies    text[]      NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
