-- Records decision $3 by $4 in meeting $1, in progress, on its agenda item $2 (the current one when null), with the
-- panel on screen $5 (or null). No row when the meeting is not in progress or $2 is not one of its items.
INSERT INTO meeting_decision (meeting_id, item_id, text, recorded_by, panel)
SELECT m.id, coalesce($2, m.current_item), $3, $4, $5 FROM meeting m
WHERE m.id = $1 AND m.state = 'in_progress'
  AND ($2 IS NULL OR EXISTS (SELECT 1 FROM agenda_item a WHERE a.id = $2 AND a.meeting_id = m.id))
RETURNING id, item_id, text, recorded_by, recorded_at, panel
