-- The link of hash $1 with its outage, without using it; expired: whether it is past its time now.
SELECT t.username, t.expires_at, t.used_at, t.expires_at <= now() AS expired, t.page_id, e.id AS episode_id,
       e.group_key, e.system_code, e.title_vi, e.title_en, e.severity, e.opened_at, e.closed_at, e.lead_alert_id,
       e.acknowledged_at, e.acknowledged_by,
       coalesce(g.open_count, 0) AS open_count, coalesce(g.firing_count, 0) AS firing_count
FROM oncall_ack_token t
JOIN oncall_episode e ON e.id = t.episode_id
LEFT JOIN alert_group_open g ON g.group_key = e.group_key AND e.closed_at IS NULL
WHERE t.hash = $1
