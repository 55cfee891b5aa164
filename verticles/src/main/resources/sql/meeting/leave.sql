-- $2 leaves meeting $1: their open stay ends.
UPDATE meeting_attendance SET left_at = now() WHERE meeting_id = $1 AND username = $2 AND left_at IS NULL
