-- Assigns task $4 to agency $3, due $5, priority $6, by $7, in meeting $1, in progress, on its agenda item $2 (the
-- current one when null). No row when the meeting is not in progress or $2 is not one of its items.
INSERT INTO meeting_task (meeting_id, item_id, agency_code, description, deadline, priority, assigned_by)
SELECT m.id, coalesce($2, m.current_item), $3, $4, $5, $6, $7 FROM meeting m
WHERE m.id = $1 AND m.state = 'in_progress'
  AND ($2 IS NULL OR EXISTS (SELECT 1 FROM agenda_item a WHERE a.id = $2 AND a.meeting_id = m.id))
RETURNING id
