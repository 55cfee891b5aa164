-- Locks rotation $1 while its covers change (so two overlapping covers cannot both be added).
SELECT id, team_id FROM oncall_rotation WHERE id = $1 FOR UPDATE
