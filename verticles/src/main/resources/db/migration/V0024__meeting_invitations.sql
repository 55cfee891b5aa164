-- Briefing invitations (meeting/, issue 17): a briefing's length and optional video-room link, the iCalendar
-- SEQUENCE of its invitation (bumped when its time, title, agenda, chair or video link change, and on cancel) with
-- the time of that change (the calendar's DTSTAMP), and the state 'cancelled' (only a scheduled briefing can be
-- cancelled). Reminders before the start are claimed here before they are sent, one row per meeting, person and
-- start time, so with two nodes each goes out once (a rescheduled briefing earns a new one).
ALTER TABLE meeting
    ADD COLUMN duration_minutes      integer     NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 1 AND 1440),
    ADD COLUMN video_url             text        CHECK (video_url IS NULL OR (video_url ~ '^https?://' AND length(video_url) <= 2000)),
    ADD COLUMN invitation_sequence   integer     NOT NULL DEFAULT 0,
    ADD COLUMN invitation_changed_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN cancelled_at          timestamptz;
ALTER TABLE meeting DROP CONSTRAINT meeting_state_check;
ALTER TABLE meeting ADD CONSTRAINT meeting_state_check
    CHECK (state IN ('scheduled', 'in_progress', 'ended', 'cancelled'));

-- Whom a briefing's invitation reaches, each once: its invited people, its secretary, its chair when someone else
-- scheduled it, and the officers (role 'agency') of each invited agency, not those of a district for its invited
-- communes. invited = false: the chair who scheduled it, who gets reminders but no invitation. Active or not: the
-- readers keep the active ones.
CREATE VIEW meeting_invitee AS
SELECT meeting_id, username, bool_or(invited) AS invited
FROM (SELECT meeting_id, username, true AS invited FROM meeting_person
      UNION ALL
      SELECT id, secretary, true FROM meeting WHERE secretary IS NOT NULL
      UNION ALL
      SELECT id, chair, chair <> created_by FROM meeting
      UNION ALL
      SELECT a.meeting_id, u.username, true
      FROM meeting_agency a JOIN app_user u ON u.agency_code = a.agency_code AND 'agency' = ANY (u.roles)) everyone
GROUP BY meeting_id, username;

-- A reminder owed before a briefing's start, claimed by a node before it sends it: claimed → sent | failed.
CREATE TABLE meeting_reminder (
    meeting_id      bigint      NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    username        text        NOT NULL,
    starts_at       timestamptz NOT NULL,
    state           text        NOT NULL DEFAULT 'claimed' CHECK (state IN ('claimed', 'sent', 'failed')),
    claimed_by      text        NOT NULL,
    claimed_at      timestamptz NOT NULL DEFAULT now(),
    notification_id bigint,
    finished_at     timestamptz,
    PRIMARY KEY (meeting_id, username, starts_at)
);
CREATE INDEX meeting_upcoming_idx ON meeting (scheduled_at) WHERE state = 'scheduled';
