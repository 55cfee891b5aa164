-- Highlights $2 (or clears the highlight, null) in meeting $1, in progress.
UPDATE meeting SET highlight = $2::jsonb, version = version + 1 WHERE id = $1 AND state = 'in_progress'
