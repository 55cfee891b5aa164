-- Meeting $1 ended: every open stay ends with it.
UPDATE meeting_attendance SET left_at = now() WHERE meeting_id = $1 AND left_at IS NULL
