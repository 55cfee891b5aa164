-- Moves meeting $1, in progress, to agenda item $2, sharing its prepared panel $3 when it has one.
UPDATE meeting SET current_item = $2, panel = coalesce($3::jsonb, panel), version = version + 1
WHERE id = $1 AND state = 'in_progress'
