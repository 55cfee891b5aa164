-- The group of alert $1 (none when there is no such alert).
SELECT group_key FROM alert WHERE id = $1
