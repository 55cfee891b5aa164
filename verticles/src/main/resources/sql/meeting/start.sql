-- Starts scheduled meeting $1 on its first agenda item, sharing that item's prepared panel $2 (or none).
UPDATE meeting SET state = 'in_progress', started_at = now(), version = version + 1,
       current_item = (SELECT id FROM agenda_item WHERE meeting_id = $1 ORDER BY position LIMIT 1),
       panel = $2::jsonb
WHERE id = $1 AND state = 'scheduled'
