-- The open alert groups touching a system team $1 owns, oldest first: what a handoff message lists.
SELECT g.group_key, g.title_vi, g.title_en, g.started_at, g.open_count, g.acknowledged_at, g.acknowledged_by
FROM alert_group_open g
WHERE EXISTS (SELECT 1 FROM oncall_team_system ts
              WHERE ts.team_id = $1 AND (ts.system_code = g.root_system OR ts.system_code = ANY (g.systems)))
ORDER BY g.started_at, g.group_key
