-- The outages that alert $1 took part in, or of group $2, newest first (at most 20).
SELECT e.*, 0 AS open_count, 0 AS unsilenced_count, 0 AS firing_count
FROM oncall_episode e
WHERE ($1::bigint IS NOT NULL AND e.alert_ids @> ARRAY[$1::bigint]) OR ($2::text IS NOT NULL AND e.group_key = $2)
ORDER BY e.id DESC
LIMIT 20
