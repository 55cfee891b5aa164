-- $2 (of agency $3) joins meeting $1, not ended: opens a stay, or renews the open one (inserted false), which
-- changes nothing participants see. No row when the meeting ended (or does not exist).
INSERT INTO meeting_attendance (meeting_id, username, agency)
SELECT id, $2, $3 FROM meeting WHERE id = $1 AND state <> 'ended'
ON CONFLICT (meeting_id, username) WHERE left_at IS NULL DO UPDATE SET last_seen = now()
RETURNING (xmax = 0) AS inserted
