-- Closes every open stay of a meeting not ended that was not renewed for $1 milliseconds, as of when last seen.
UPDATE meeting_attendance t SET left_at = t.last_seen FROM meeting m
WHERE m.id = t.meeting_id AND m.state <> 'ended' AND t.left_at IS NULL
  AND t.last_seen < now() - make_interval(secs => $1::bigint / 1000.0)
RETURNING t.meeting_id, t.username
