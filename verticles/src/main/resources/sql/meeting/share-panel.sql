-- Shares panel $2 in meeting $1, in progress.
UPDATE meeting SET panel = $2::jsonb, version = version + 1 WHERE id = $1 AND state = 'in_progress'
