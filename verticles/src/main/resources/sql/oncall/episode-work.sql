-- What the engine looks at: the open outages (with their group's live counts) and the closed ones still owing an
-- all-clear; or the outages $1 (ids) when given.
SELECT e.*, coalesce(g.open_count, 0) AS open_count, coalesce(g.unsilenced_count, 0) AS unsilenced_count,
       coalesce(g.firing_count, 0) AS firing_count
FROM oncall_episode e
LEFT JOIN alert_group_open g ON g.group_key = e.group_key AND e.closed_at IS NULL
WHERE CASE WHEN $1::bigint[] IS NULL THEN e.closed_at IS NULL OR NOT e.all_clear_done ELSE e.id = ANY ($1) END
ORDER BY e.id
