-- On call (oncall/): teams owning systems, their rotations and covers, escalation policies, maintenance windows;
-- and the engine's ledger: outages (episodes), every page claimed before it is sent (so each goes out once in a
-- cluster), pages held by a maintenance window, and the one-tap acknowledge links. PostgreSQL decides: a page is
-- a unique row, claimed with a lease; see oncall/package-info.java.

-- An escalation policy: ordered steps (each after a delay since the one before), the whole policy again every
-- repeat_seconds at most repeats more times, and a reminder to whoever acknowledged every remind_seconds.
CREATE TABLE escalation_policy (
    id             bigserial   PRIMARY KEY,
    code           text        NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    repeat_seconds integer     CHECK (repeat_seconds > 0),
    repeats        integer     NOT NULL DEFAULT 0 CHECK (repeats >= 0),
    remind_seconds integer     CHECK (remind_seconds > 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE escalation_step (
    policy_id     bigint  NOT NULL REFERENCES escalation_policy (id) ON DELETE CASCADE,
    position      integer NOT NULL CHECK (position >= 0),
    after_seconds integer NOT NULL CHECK (after_seconds >= 0),
    target        text    NOT NULL CHECK (target IN ('primary', 'secondary', 'lead', 'user')),
    username      text    REFERENCES app_user (username),
    PRIMARY KEY (policy_id, position),
    CHECK ((target = 'user') = (username IS NOT NULL))
);

CREATE TABLE oncall_team (
    id            bigserial   PRIMARY KEY,
    code          text        NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    name_vi       text        NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 200),
    name_en       text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    lead_username text        NOT NULL REFERENCES app_user (username),
    policy_id     bigint      REFERENCES escalation_policy (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Who may stand in the team's rotations.
CREATE TABLE oncall_team_member (
    team_id  bigint NOT NULL REFERENCES oncall_team (id) ON DELETE CASCADE,
    username text   NOT NULL REFERENCES app_user (username),
    PRIMARY KEY (team_id, username)
);

-- A system is owned by at most one team: the key is the system.
CREATE TABLE oncall_team_system (
    system_code text   PRIMARY KEY REFERENCES city_system (code),
    team_id     bigint NOT NULL REFERENCES oncall_team (id) ON DELETE CASCADE
);
CREATE INDEX oncall_team_system_team_idx ON oncall_team_system (team_id);

-- One rotation per team and layer: its members take turns, a shift a day or a week, handing over at handoff_time
-- (Asia/Ho_Chi_Minh) on handoff_day (ISO 1 = Monday … 7) for a weekly one, from starts_on.
CREATE TABLE oncall_rotation (
    id           bigserial   PRIMARY KEY,
    team_id      bigint      NOT NULL REFERENCES oncall_team (id) ON DELETE CASCADE,
    layer        text        NOT NULL CHECK (layer IN ('primary', 'secondary')),
    length       text        NOT NULL CHECK (length IN ('daily', 'weekly')),
    handoff_time time        NOT NULL,
    handoff_day  smallint    CHECK (handoff_day BETWEEN 1 AND 7),
    starts_on    date        NOT NULL,
    members      text[]      NOT NULL CHECK (cardinality(members) >= 1),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (team_id, layer),
    CHECK (length = 'daily' OR handoff_day IS NOT NULL)
);

-- Someone covering a stretch of a rotation [starts_at, ends_at). Covers of one rotation never overlap: refused
-- on save, under the rotation's row lock.
CREATE TABLE oncall_cover (
    id          bigserial   PRIMARY KEY,
    rotation_id bigint      NOT NULL REFERENCES oncall_rotation (id) ON DELETE CASCADE,
    username    text        NOT NULL REFERENCES app_user (username),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    reason      text,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX oncall_cover_rotation_idx ON oncall_cover (rotation_id, starts_at);

-- Planned work: pages for outages of these systems (null: every system) are held during [starts_at, ends_at),
-- every week again when weekly; the alerts stay visible.
CREATE TABLE maintenance_window (
    id         bigserial   PRIMARY KEY,
    systems    text[],
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    weekly     boolean     NOT NULL DEFAULT false,
    reason     text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK (NOT weekly OR ends_at - starts_at <= interval '7 days')
);

-- An outage as far as paging goes: it opens when an alert group first has an open, unsilenced alert of a system a
-- team owns, and closes when the group has no open alert (resolved), or when its alerts joined another group's
-- outage (merged: the outage behind them, e.g. WAN, went down). opened_at: when its alerts fired; escalation_from
-- starts the escalation clock: when it became pageable, later when a maintenance window held it. Acknowledged once
-- every unsilenced open alert was, and stays so. alert_ids: every alert seen in it; the summary columns keep what its messages say once the alerts are gone.
CREATE TABLE oncall_episode (
    id              bigserial   PRIMARY KEY,
    group_key       text        NOT NULL,
    team_id         bigint      REFERENCES oncall_team (id) ON DELETE SET NULL,
    opened_at       timestamptz NOT NULL,
    escalation_from timestamptz NOT NULL,
    acknowledged_at timestamptz,
    acknowledged_by text,
    closed_at       timestamptz,
    close_reason    text        CHECK (close_reason IN ('resolved', 'merged')),
    merged_into     bigint      REFERENCES oncall_episode (id),
    all_clear_done  boolean     NOT NULL DEFAULT false,
    alert_ids       bigint[]    NOT NULL,
    system_code     text        NOT NULL,
    systems         text[]      NOT NULL,
    lead_alert_id   bigint      NOT NULL,
    title_vi        text        NOT NULL,
    title_en        text        NOT NULL,
    severity        text        NOT NULL,
    CHECK ((closed_at IS NULL) = (close_reason IS NULL))
);
-- One open outage per group, whatever node opens it.
CREATE UNIQUE INDEX oncall_episode_open_idx ON oncall_episode (group_key) WHERE closed_at IS NULL;
CREATE INDEX oncall_episode_all_clear_idx ON oncall_episode (closed_at) WHERE NOT all_clear_done;
CREATE INDEX oncall_episode_alerts_idx ON oncall_episode USING gin (alert_ids);

-- Every message the engine owes someone, claimed before it is sent: a page of a step (round, step), a reminder
-- (round: its number), an all-clear, a handoff. The unique keys make each one row whatever node claims it; the
-- claiming node holds a lease (renewed while it sends): a node that dies mid-send leaves a claim that another
-- takes over once the lease has passed (takeovers counts them). state: claimed → sent | failed (no channel of the
-- person carried it; notification_id has every attempt) | cancelled (a page taken over after its outage was
-- acknowledged or over).
CREATE TABLE oncall_page (
    id              bigserial   PRIMARY KEY,
    episode_id      bigint      REFERENCES oncall_episode (id),
    rotation_id     bigint      REFERENCES oncall_rotation (id) ON DELETE SET NULL,
    kind            text        NOT NULL CHECK (kind IN ('page', 'reminder', 'all_clear', 'handoff')),
    round           integer     NOT NULL,
    step            integer     NOT NULL,
    username        text        NOT NULL,
    due_at          timestamptz NOT NULL,
    state           text        NOT NULL CHECK (state IN ('claimed', 'sent', 'failed', 'cancelled')),
    claimed_by      text        NOT NULL,
    lease_until     timestamptz NOT NULL,
    takeovers       integer     NOT NULL DEFAULT 0,
    notification_id bigint,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CHECK ((kind = 'handoff') = (episode_id IS NULL))
);
CREATE UNIQUE INDEX oncall_page_episode_key ON oncall_page (episode_id, kind, round, step, username)
    WHERE episode_id IS NOT NULL;
CREATE UNIQUE INDEX oncall_page_handoff_key ON oncall_page (rotation_id, due_at, username) WHERE kind = 'handoff';
CREATE INDEX oncall_page_lease_idx ON oncall_page (lease_until) WHERE state = 'claimed';

-- A maintenance window held an outage's pages (once per window occurrence).
CREATE TABLE oncall_hold (
    episode_id       bigint      NOT NULL REFERENCES oncall_episode (id),
    window_id        bigint      NOT NULL,
    occurrence_start timestamptz NOT NULL,
    occurrence_end   timestamptz NOT NULL,
    reason           text        NOT NULL,
    held_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (episode_id, window_id, occurrence_start)
);

-- One-tap acknowledge links, one per page sent: a random token given only in the message, kept as its SHA-256;
-- single use, expiring.
CREATE TABLE oncall_ack_token (
    hash       text        PRIMARY KEY,
    episode_id bigint      NOT NULL REFERENCES oncall_episode (id),
    page_id    bigint      NOT NULL REFERENCES oncall_page (id),
    username   text        NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
