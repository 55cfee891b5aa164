-- The firing (unacknowledged) alerts of group $1, oldest first: what acknowledging the group acknowledges.
SELECT id FROM alert WHERE group_key = $1 AND state = 'firing' ORDER BY fired_at, id
