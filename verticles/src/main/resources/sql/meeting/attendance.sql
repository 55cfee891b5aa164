-- Every stay in meeting $1 (joining again after leaving opens a new one), in the order they began.
SELECT t.username, t.agency, t.joined_at, t.left_at, m.started_at IS NOT NULL AND t.joined_at > m.started_at AS late
FROM meeting_attendance t JOIN meeting m ON m.id = t.meeting_id
WHERE t.meeting_id = $1
ORDER BY t.joined_at, t.id
