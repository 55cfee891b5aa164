-- Claims for node $1 the reminders owed now: one per person meeting_invitee names (active) of each scheduled
-- meeting starting within the next $2 milliseconds, whose invitation did not itself go out within that lead (it
-- would say the same). A row per meeting, person and start: ON CONFLICT lets one node claim it. Answers the claims.
INSERT INTO meeting_reminder (meeting_id, username, starts_at, claimed_by)
SELECT m.id, i.username, m.scheduled_at, $1
FROM meeting m
CROSS JOIN LATERAL (SELECT username FROM meeting_invitee WHERE meeting_id = m.id) i
JOIN app_user u ON u.username = i.username AND u.active
WHERE m.state = 'scheduled' AND m.scheduled_at > now()
  AND m.scheduled_at <= now() + make_interval(secs => $2::bigint / 1000.0)
  AND m.invitation_changed_at < m.scheduled_at - make_interval(secs => $2::bigint / 1000.0)
ON CONFLICT DO NOTHING
RETURNING meeting_id, username, starts_at
