-- Who is in meeting $1 now (the open stays), in the order they joined; late = joined after the meeting started.
SELECT t.username, t.agency, t.joined_at, t.left_at, m.started_at IS NOT NULL AND t.joined_at > m.started_at AS late
FROM meeting_attendance t JOIN meeting m ON m.id = t.meeting_id
WHERE t.meeting_id = $1 AND t.left_at IS NULL
ORDER BY t.joined_at
