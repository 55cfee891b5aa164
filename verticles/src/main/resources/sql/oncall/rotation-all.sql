-- The rotations of team $1 (every team when null), or rotation $2, with their team's code.
SELECT r.*, t.code AS team
FROM oncall_rotation r JOIN oncall_team t ON t.id = r.team_id
WHERE ($1::text IS NULL OR t.code = $1) AND ($2::bigint IS NULL OR r.id = $2)
ORDER BY t.code, r.layer
