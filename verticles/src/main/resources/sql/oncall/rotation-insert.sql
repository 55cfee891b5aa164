-- A new rotation of team $1 in layer $2; nothing when the team has one in that layer.
INSERT INTO oncall_rotation (team_id, layer, length, handoff_time, handoff_day, starts_on, members)
VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (team_id, layer) DO NOTHING
RETURNING id
