-- Meetings newest first, in state $1 (any when null), at most $4; with $2 (a username) only those this person is part
-- of: as chair, secretary or invited person, or as an officer of one of the agencies $3 (those they act for).
SELECT m.id, m.title, m.level, m.state, m.scheduled_at, m.chair, m.started_at, m.ended_at, m.duration_minutes,
       m.video_url, m.invitation_sequence
FROM meeting m
WHERE ($1::text IS NULL OR m.state = $1)
  AND ($2::text IS NULL OR m.chair = $2 OR m.secretary = $2
       OR EXISTS (SELECT 1 FROM meeting_person p WHERE p.meeting_id = m.id AND p.username = $2)
       OR EXISTS (SELECT 1 FROM meeting_agency a WHERE a.meeting_id = m.id AND a.agency_code = ANY($3::text[])))
ORDER BY m.scheduled_at DESC, m.id DESC LIMIT $4
