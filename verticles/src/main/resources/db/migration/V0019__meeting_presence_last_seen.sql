-- Presence that expires (meeting/): a stay stays open while its browser renews it (POST …/join again) and is
-- marked left by the presence sweep once it was not seen for meeting.presenceTimeoutMs. last_seen is the truth
-- every node sweeps by: a node restart or a second node changes nothing about who is still present.
ALTER TABLE meeting_attendance ADD COLUMN last_seen timestamptz NOT NULL DEFAULT now();
UPDATE meeting_attendance SET last_seen = coalesce(left_at, now());
CREATE INDEX meeting_attendance_seen_idx ON meeting_attendance (last_seen) WHERE left_at IS NULL;
