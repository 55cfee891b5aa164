-- Online briefings (meeting/): meetings with their invitations and agenda, attendance, decisions and the tasks
-- they assign. PostgreSQL is the truth: every change of what participants see is a conditional write that bumps
-- meeting.version and, in the same transaction, stores an event of type 'meeting' (source 'cityops-meetings',
-- id 'meeting-<id>-v<version>', payload: the meeting's live state) so every node's topic meeting.<id> gets it at
-- the same ordinal. Like clock ticks and alerts, these events name no system, agency or district.
CREATE TABLE meeting (
    id                bigserial   PRIMARY KEY,
    title             text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    level             text        NOT NULL CHECK (level IN ('city', 'district', 'commune')),
    scheduled_at      timestamptz NOT NULL,
    chair             text        NOT NULL,
    secretary         text,
    state             text        NOT NULL DEFAULT 'scheduled' CHECK (state IN ('scheduled', 'in_progress', 'ended')),
    started_at        timestamptz,
    ended_at          timestamptz,
    current_item      bigint,
    panel             jsonb,      -- the shared panel's spec {"kind", ...}; its data is recomputed live
    highlight         jsonb,
    raised_hands      text[]      NOT NULL DEFAULT '{}',
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    version           integer     NOT NULL DEFAULT 1
);
CREATE INDEX meeting_scheduled_idx ON meeting (scheduled_at DESC);

CREATE TABLE meeting_agency (
    meeting_id  bigint NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    agency_code text   NOT NULL REFERENCES agency (code),
    PRIMARY KEY (meeting_id, agency_code)
);
CREATE INDEX meeting_agency_agency_idx ON meeting_agency (agency_code);

CREATE TABLE meeting_person (
    meeting_id bigint NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    username   text   NOT NULL,
    PRIMARY KEY (meeting_id, username)
);

CREATE TABLE agenda_item (
    id          bigserial PRIMARY KEY,
    meeting_id  bigint    NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position    integer   NOT NULL,
    title       text      NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    presenter   text      REFERENCES agency (code),
    panel       jsonb,    -- a prepared panel, shared when the item is activated
    UNIQUE (meeting_id, position)
);
ALTER TABLE meeting ADD CONSTRAINT meeting_current_item_fk FOREIGN KEY (current_item) REFERENCES agenda_item (id);

-- One row per stay: joining again after leaving opens a new row. Late = joined after the meeting started.
CREATE TABLE meeting_attendance (
    id         bigserial   PRIMARY KEY,
    meeting_id bigint      NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    username   text        NOT NULL,
    agency     text        NOT NULL,
    joined_at  timestamptz NOT NULL DEFAULT now(),
    left_at    timestamptz
);
CREATE UNIQUE INDEX meeting_attendance_open_idx ON meeting_attendance (meeting_id, username) WHERE left_at IS NULL;

CREATE TABLE meeting_decision (
    id          bigserial   PRIMARY KEY,
    meeting_id  bigint      NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    item_id     bigint      REFERENCES agenda_item (id),
    text        text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    panel       jsonb       -- the panel on screen then, with its numbers as they were
);
CREATE INDEX meeting_decision_meeting_idx ON meeting_decision (meeting_id, id);

CREATE TABLE meeting_task (
    id          bigserial   PRIMARY KEY,
    meeting_id  bigint      NOT NULL REFERENCES meeting (id),
    item_id     bigint      REFERENCES agenda_item (id),
    agency_code text        NOT NULL REFERENCES agency (code),
    description text        NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
    deadline    timestamptz NOT NULL,
    priority    text        NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    state       text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'in_progress', 'done')),
    progress    integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    done_note   text,
    done_at     timestamptz,
    assigned_by text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (state <> 'done' OR done_note IS NOT NULL)
);
CREATE INDEX meeting_task_agency_idx ON meeting_task (agency_code, state);
CREATE INDEX meeting_task_meeting_idx ON meeting_task (meeting_id);

CREATE TABLE task_note (
    id      bigserial   PRIMARY KEY,
    task_id bigint      NOT NULL REFERENCES meeting_task (id) ON DELETE CASCADE,
    author  text        NOT NULL,
    at      timestamptz NOT NULL DEFAULT now(),
    text    text        NOT NULL,
    state   text,
    progress integer
);
CREATE INDEX task_note_task_idx ON task_note (task_id, id);

ALTER TABLE event DROP CONSTRAINT event_type_check;
ALTER TABLE event ADD CONSTRAINT event_type_check
    CHECK (type IN ('system.health', 'dossier', 'feedback', 'clock', 'alert', 'meeting')) NOT VALID;
