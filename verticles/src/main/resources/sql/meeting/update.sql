-- Changes scheduled meeting $1: title $2, level $3, start $4, chair $5, secretary $6, length $7 minutes, video link
-- $8; when $9 (what the calendar shows changed) its invitation's sequence moves and DTSTAMP with it.
UPDATE meeting SET title = $2, level = $3, scheduled_at = $4, chair = $5, secretary = $6, duration_minutes = $7,
       video_url = $8, version = version + 1,
       invitation_sequence = invitation_sequence + CASE WHEN $9::boolean THEN 1 ELSE 0 END,
       invitation_changed_at = CASE WHEN $9::boolean THEN now() ELSE invitation_changed_at END
WHERE id = $1 AND state = 'scheduled'
