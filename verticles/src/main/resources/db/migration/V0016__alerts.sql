-- Alerts (alert/): rules managed by SREs, the condition each rule holds per subject, the alerts themselves with
-- their transitions, silences and outbound webhook deliveries. PostgreSQL is the truth: every node evaluates every
-- event, and each change below is a conditional write that only one node can win (see alert/package-info.java).

-- Which systems sit behind which: an outage of WAN or DATACENTER takes down what depends on it, and the
-- alerts of the dependants are grouped under it.
ALTER TABLE city_system ADD COLUMN depends_on text[] NOT NULL DEFAULT '{}';
UPDATE city_system SET depends_on = ARRAY['WAN', 'DATACENTER'] WHERE code NOT IN ('WAN', 'DATACENTER');
UPDATE city_system SET depends_on = ARRAY['WAN'] WHERE code = 'DATACENTER';

CREATE TABLE alert_rule (
    id                     bigserial   PRIMARY KEY,
    code                   text        NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
    kind                   text        NOT NULL CHECK (kind IN ('system_down', 'system_degraded', 'latency_high',
                                           'agency_on_time_below', 'district_overdue_above', 'feedback_overdue_above',
                                           'kpi_drop_rate')),
    subject                text,       -- a system, agency or district code; null: every one the kind applies to
    severity               text        NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    threshold              double precision,
    clear_threshold        double precision, -- hysteresis: an active condition clears only past this
    window_minutes         integer     CHECK (window_minutes > 0),
    for_seconds            integer     NOT NULL DEFAULT 0 CHECK (for_seconds >= 0),   -- hold this long before firing
    clear_seconds          integer     NOT NULL DEFAULT 0 CHECK (clear_seconds >= 0), -- stay clear this long before resolving
    reopen_seconds         integer     NOT NULL DEFAULT 600 CHECK (reopen_seconds >= 0),
    escalate_after_seconds integer     CHECK (escalate_after_seconds > 0),
    webhook_url            text,
    webhook_secret         text,
    enabled                boolean     NOT NULL DEFAULT true,
    description            text,
    created_by             text        NOT NULL DEFAULT 'system',
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

-- A rule's condition for one subject, as the events so far make it: the state machine behind an alert.
-- (event_at, event_seq) is the newest event applied: an older one never overrides it, and a node that finds
-- another node already applied an event skips it.
CREATE TABLE alert_condition (
    rule_id    bigint      NOT NULL REFERENCES alert_rule (id) ON DELETE CASCADE,
    subject    text        NOT NULL,
    active     boolean     NOT NULL,
    since      timestamptz NOT NULL,      -- when it became active (or clear)
    alerting   boolean     NOT NULL,      -- this episode has an open alert (fired, maybe waiting to clear)
    value      double precision,
    event_at   timestamptz NOT NULL,
    event_seq  bigint      NOT NULL,
    PRIMARY KEY (rule_id, subject)
);
CREATE INDEX alert_condition_pending_idx ON alert_condition (rule_id) WHERE active <> alerting;

CREATE TABLE alert (
    id                bigserial   PRIMARY KEY,
    dedup_key         text        NOT NULL,  -- rule code + ':' + subject
    rule_id           bigint      REFERENCES alert_rule (id) ON DELETE SET NULL,
    rule_code         text        NOT NULL,
    kind              text        NOT NULL,
    subject           text        NOT NULL,
    state             text        NOT NULL CHECK (state IN ('firing', 'acknowledged', 'resolved')),
    severity          text        NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    base_severity     text        NOT NULL,
    title_vi          text        NOT NULL,
    title_en          text        NOT NULL,
    group_key         text        NOT NULL,
    value             double precision,
    fired_at          timestamptz NOT NULL DEFAULT now(),  -- the latest (re)firing
    first_fired_at    timestamptz NOT NULL DEFAULT now(),
    acknowledged_by   text,
    acknowledged_at   timestamptz,
    acknowledge_note  text,
    resolved_by       text,
    resolved_at       timestamptz,
    resolve_note      text,
    escalation_level  integer     NOT NULL DEFAULT 0,
    escalated_at      timestamptz,
    silence_id        bigint,
    count             integer     NOT NULL DEFAULT 1,
    last_evaluated_at timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           integer     NOT NULL DEFAULT 1
);
-- One open alert per rule and subject: the deduplication key, enforced by the database for every node.
CREATE UNIQUE INDEX alert_open_dedup_idx ON alert (dedup_key) WHERE state <> 'resolved';
CREATE INDEX alert_dedup_resolved_idx ON alert (dedup_key, resolved_at DESC);
CREATE INDEX alert_fired_idx ON alert (fired_at DESC);
CREATE INDEX alert_open_idx ON alert (state) WHERE state <> 'resolved';

-- Every change of every alert, with who made it and when (also in audit_log).
CREATE TABLE alert_transition (
    id         bigserial   PRIMARY KEY,
    alert_id   bigint      NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    at         timestamptz NOT NULL DEFAULT now(),
    actor      text        NOT NULL,
    action     text        NOT NULL CHECK (action IN ('fire', 'refire', 'reopen', 'acknowledge', 'resolve', 'escalate',
                                                      'silence', 'unsilence', 'regroup')),
    from_state text,
    to_state   text        NOT NULL,
    severity   text        NOT NULL,
    note       text,
    version    integer     NOT NULL
);
CREATE INDEX alert_transition_alert_idx ON alert_transition (alert_id, id);

CREATE TABLE alert_silence (
    id         bigserial   PRIMARY KEY,
    rule_code  text,
    kind       text,
    subject    text,
    severity   text,
    reason     text        NOT NULL CHECK (length(reason) > 0),
    starts_at  timestamptz NOT NULL DEFAULT now(),
    ends_at    timestamptz NOT NULL,
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    ended_by   text,
    CHECK (rule_code IS NOT NULL OR kind IS NOT NULL OR subject IS NOT NULL OR severity IS NOT NULL),
    CHECK (ends_at > starts_at)
);

CREATE TABLE webhook_delivery (
    id              bigserial   PRIMARY KEY,
    alert_id        bigint      NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    rule_id         bigint      REFERENCES alert_rule (id) ON DELETE SET NULL,
    transition_id   bigint      NOT NULL,
    url             text        NOT NULL,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    UNIQUE (transition_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhook_attempt (
    delivery_id bigint      NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt     integer     NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    http_status integer,
    error       text,
    duration_ms integer     NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);

-- Each alert change is also an event of type 'alert' in the event log (source 'cityops-alerts', id
-- 'alert-<id>-v<version>', payload: the alert after the change), so every node's feed sees it at one ordinal
-- and the alerts topic numbers it the same everywhere. Like clock ticks it names no system, agency or district
-- and no count of events includes it.
ALTER TABLE event DROP CONSTRAINT event_type_check;
ALTER TABLE event ADD CONSTRAINT event_type_check
    CHECK (type IN ('system.health', 'dossier', 'feedback', 'clock', 'alert')) NOT VALID;

-- Defaults: for every system, down (at once, critical, escalated after 5 min unacknowledged), degraded for
-- more than 5 minutes, latency above 3 s for a minute (clears below 2 s); and the headline KPIs.
INSERT INTO alert_rule (code, kind, subject, severity, for_seconds, clear_seconds, reopen_seconds, escalate_after_seconds, description)
SELECT 'system-down.' || lower(code), 'system_down', code,
       CASE WHEN kind IN ('public', 'infrastructure') THEN 'critical' ELSE 'warning' END, 0, 0, 600, 300,
       'System down: an explicit down report or heartbeat silence'
FROM city_system;
INSERT INTO alert_rule (code, kind, subject, severity, for_seconds, clear_seconds, reopen_seconds, escalate_after_seconds, description)
SELECT 'system-degraded.' || lower(code), 'system_degraded', code, 'warning', 300, 60, 600, 1800,
       'System degraded for more than 5 minutes'
FROM city_system;
INSERT INTO alert_rule (code, kind, subject, severity, threshold, clear_threshold, for_seconds, clear_seconds, reopen_seconds, description)
SELECT 'latency-high.' || lower(code), 'latency_high', code, 'warning', 3000, 2000, 60, 60, 600,
       'Latency above 3,000 ms for a minute (clears below 2,000 ms)'
FROM city_system;
INSERT INTO alert_rule (code, kind, subject, severity, threshold, clear_threshold, window_minutes, for_seconds, clear_seconds, reopen_seconds, description) VALUES
    ('on-time-below.city', 'agency_on_time_below', NULL, 'warning', 90, 92, 1440, 0, 0, 3600,
     'An agency''s on-time rate over the last 24 h below 90 % (at least 20 dossiers completed)'),
    ('district-overdue-above', 'district_overdue_above', NULL, 'warning', 50, 40, NULL, 0, 0, 3600,
     'Overdue dossiers open in a district above 50'),
    ('feedback-overdue-above', 'feedback_overdue_above', NULL, 'warning', 100, 80, NULL, 0, 0, 3600,
     'Open overdue citizen feedback in the city above 100'),
    ('on-time-drop.city', 'kpi_drop_rate', NULL, 'warning', 10, 5, 60, 0, 0, 3600,
     'The city''s on-time rate dropped by more than 10 points within an hour');
