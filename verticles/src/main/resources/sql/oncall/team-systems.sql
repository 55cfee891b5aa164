-- Team $1 owns exactly systems $2. A system another team owns breaks the primary key (one owner per system).
WITH gone AS (DELETE FROM oncall_team_system WHERE team_id = $1 AND NOT (system_code = ANY ($2::text[])))
INSERT INTO oncall_team_system (system_code, team_id)
SELECT s, $1 FROM unnest($2::text[]) AS s
WHERE NOT EXISTS (SELECT 1 FROM oncall_team_system o WHERE o.system_code = s AND o.team_id = $1)
