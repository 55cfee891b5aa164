-- Rotation $1's shape and members (its team and layer stay); nothing when there is no such rotation.
UPDATE oncall_rotation SET length = $2, handoff_time = $3, handoff_day = $4, starts_on = $5, members = $6,
                           updated_at = now()
WHERE id = $1
RETURNING id
